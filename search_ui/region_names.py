"""Region names in English for the English interface: "陕西省 > 安康市 > 汉阴县" →
"Shaanxi > Ankang City > Hanyin County".

Provinces (and the other province-level divisions) and their capitals take their official
romanisations from the tables below, which also tell apart the names plain pinyin writes alike
(陕西 Shaanxi, 山西 Shanxi) and the names that are not pinyin (内蒙古 Inner Mongolia, 呼和浩特 Hohhot,
拉萨 Lhasa, 乌鲁木齐 Ürümqi, 香港 Hong Kong). Every other unit is written in pinyin (pypinyin, MIT)
with its level suffix translated (市 City, 县 County, 区 District, 自治州 Autonomous Prefecture …)
and the peoples named in an autonomous unit's name in English (恩施土家族苗族自治州 → Enshi Tujia
and Miao Autonomous Prefecture). Syllables are joined as official place names are, with an
apostrophe before a syllable that starts with a, o or e (西安 Xi'an). `tests/unit/test_region_names.py`
romanises every division of the gazetteer and checks that no Chinese character is left.
"""

from __future__ import annotations

from functools import lru_cache

from search_ui.parsing import REGION_SEPARATOR

PROVINCES: dict[str, str] = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi", "内蒙古自治区": "Inner Mongolia",
    "辽宁省": "Liaoning", "吉林省": "Jilin", "黑龙江省": "Heilongjiang", "上海市": "Shanghai", "江苏省": "Jiangsu",
    "浙江省": "Zhejiang", "安徽省": "Anhui", "福建省": "Fujian", "江西省": "Jiangxi", "山东省": "Shandong",
    "河南省": "Henan", "湖北省": "Hubei", "湖南省": "Hunan", "广东省": "Guangdong", "广西壮族自治区": "Guangxi",
    "海南省": "Hainan", "重庆市": "Chongqing", "四川省": "Sichuan", "贵州省": "Guizhou", "云南省": "Yunnan",
    "西藏自治区": "Tibet (Xizang)", "陕西省": "Shaanxi", "甘肃省": "Gansu", "青海省": "Qinghai",
    "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang", "台湾省": "Taiwan", "香港特别行政区": "Hong Kong",
    "澳门特别行政区": "Macao",
}
# Capitals, and place names whose reading plain pinyin gets wrong (a character read otherwise in
# the name: 朝阳 Chaoyang, not Zhaoyang). Keys are names without their level suffix.
PLACES: dict[str, str] = {
    "石家庄": "Shijiazhuang", "太原": "Taiyuan", "呼和浩特": "Hohhot", "沈阳": "Shenyang", "长春": "Changchun",
    "哈尔滨": "Harbin", "南京": "Nanjing", "杭州": "Hangzhou", "合肥": "Hefei", "福州": "Fuzhou", "南昌": "Nanchang",
    "济南": "Jinan", "郑州": "Zhengzhou", "武汉": "Wuhan", "长沙": "Changsha", "广州": "Guangzhou", "南宁": "Nanning",
    "海口": "Haikou", "成都": "Chengdu", "贵阳": "Guiyang", "昆明": "Kunming", "拉萨": "Lhasa", "西安": "Xi'an",
    "兰州": "Lanzhou", "西宁": "Xining", "银川": "Yinchuan", "乌鲁木齐": "Ürümqi", "台北": "Taipei",
    "朝阳": "Chaoyang", "单": "Shan", "洪洞": "Hongtong", "喀什": "Kashgar", "阿里": "Ngari",
    # the short names of province-level units, as they appear inside longer names
    "陕西": "Shaanxi", "山西": "Shanxi", "内蒙古": "Inner Mongolia", "西藏": "Tibet (Xizang)", "香港": "Hong Kong",
    "澳门": "Macao",
}
# level suffixes, longest first (so 自治州 wins over 州, 地区 over 区)
SUFFIXES: tuple[tuple[str, str], ...] = tuple(sorted({
    "特别行政区": "Special Administrative Region", "自治区": "Autonomous Region", "自治州": "Autonomous Prefecture",
    "自治县": "Autonomous County", "自治旗": "Autonomous Banner",
    "经济技术开发区": "Economic and Technological Development Zone",
    "高新技术产业开发区": "High-tech Industrial Development Zone", "经济开发区": "Economic Development Zone",
    "开发区": "Development Zone", "高新区": "High-tech Zone", "经开区": "Economic Development Zone",
    "新区": "New Area", "林区": "Forestry District", "矿区": "Mining District", "地区": "Prefecture",
    "省": "Province", "盟": "League", "旗": "Banner", "市": "City", "县": "County", "区": "District",
    "镇": "Town", "乡": "Township", "街道": "Subdistrict",
}.items(), key=lambda kv: -len(kv[0])))
# peoples named in autonomous units, with and without 族
PEOPLES: dict[str, str] = {
    "土家": "Tujia", "苗": "Miao", "藏": "Tibetan", "彝": "Yi", "回": "Hui", "蒙古": "Mongol", "壮": "Zhuang",
    "维吾尔": "Uyghur", "哈萨克": "Kazakh", "朝鲜": "Korean", "布依": "Bouyei", "侗": "Dong", "傣": "Dai", "白": "Bai",
    "哈尼": "Hani", "景颇": "Jingpo", "傈僳": "Lisu", "柯尔克孜": "Kyrgyz", "羌": "Qiang", "瑶": "Yao", "满": "Manchu",
    "畲": "She", "土": "Tu", "撒拉": "Salar", "仡佬": "Gelao", "水": "Shui", "黎": "Li", "纳西": "Naxi",
    "仫佬": "Mulao", "毛南": "Maonan", "达斡尔": "Daur", "鄂温克": "Evenk", "鄂伦春": "Oroqen", "锡伯": "Xibe",
    "保安": "Bonan", "东乡": "Dongxiang", "裕固": "Yugur", "塔吉克": "Tajik", "拉祜": "Lahu", "佤": "Va", "怒": "Nu",
    "普米": "Pumi", "独龙": "Derung", "京": "Gin", "各": "Multi-ethnic",
}
# as written in names: "X族", or a name of several characters alone (巴音郭楞蒙古自治州)
_PEOPLE_NAMES = sorted({**{k + "族": v for k, v in PEOPLES.items()}, **{k: v for k, v in PEOPLES.items() if len(k) > 1}}.items(),
                       key=lambda kv: -len(kv[0]))


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def pinyin(text: str) -> str:
    """Han characters in pinyin, syllables run together, capitalised: 汉阴 → Hanyin, 西安 → Xi'an."""
    from pypinyin import lazy_pinyin  # loads its dictionaries on first use (English pages only)

    out = ""
    for syllable in lazy_pinyin(text, v_to_u=True):
        if out and syllable[:1] in ("a", "o", "e") and out[-1].isalpha():
            out += "'"
        out += syllable
    return out[:1].upper() + out[1:]


def _peoples(base: str) -> tuple[str, list[str]]:
    """'恩施土家族苗族' → ('恩施', ['Tujia', 'Miao']): the peoples named at the end of a name."""
    found: list[str] = []
    while True:
        hit = next(((zh, en) for zh, en in _PEOPLE_NAMES if base.endswith(zh) and len(base) > len(zh)), None)
        if hit is None:
            return base, found
        found.insert(0, hit[1])
        base = base[: -len(hit[0])]


@lru_cache(maxsize=8192)
def english_name(name: str) -> str:
    """One division's name in English (a name that is not Chinese is returned as it is)."""
    name = name.strip()
    if name in PROVINCES:
        return PROVINCES[name]
    if not any(_is_han(c) for c in name):
        return name
    base, suffix = name, ""
    for zh, en in SUFFIXES:
        if name.endswith(zh) and len(name) > len(zh):
            base, suffix = name[: -len(zh)], en
            break
    peoples: list[str] = []
    if suffix.startswith("Autonomous"):
        base, peoples = _peoples(base)
    place = PLACES.get(base) or pinyin(base)
    people = (" and ".join([", ".join(peoples[:-1]), peoples[-1]]) if len(peoples) > 1 else peoples[0]) if peoples else ""
    return " ".join(x for x in (place, people, suffix) if x)


def english_path(path: str) -> str:
    """'陕西省 > 安康市 > 汉阴县' → 'Shaanxi > Ankang City > Hanyin County'."""
    return REGION_SEPARATOR.join(english_name(part) for part in path.split(REGION_SEPARATOR))
