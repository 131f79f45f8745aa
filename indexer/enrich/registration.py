"""The province a page's registration numbers and contact lines name: a last resort for region.

A government or school site's footer carries numbers that say where the site is registered:
the ICP licence (陕ICP备11004727号) and the public-security filing (陕公网安备61010302000295号)
start with the province's one-character name, the filing number's first six digits are the
GB/T 2260 code of the filing office, a postal code (邮编：710068) starts with the province's
two-digit postal prefix, and a telephone number with a big city's two-digit area code
(029-88465498) names that city's province.

They say where the *site* is, not who issued the text: on the devset the five texts with a
filing number had its province right five times and its county right twice (a provincial
portal, a provincial bureau's site reprinting a county's notice), and the two telephone numbers
were a provincial hotline on a city's notice. So they name a province, a filing's office code also
its city (over the gathered texts the filing's city was the reader's in 20 of 30, and in all 5 where
nothing else named a city; its county in 12 of 30: a city's portal files in its central district),
and `regions` reads them only when the text itself names no province at all.

The tables are public knowledge of the Chinese administrative, postal and telephone systems,
written here by hand (only prefixes that belong to one province).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The one-character names that start ICP licences and public-security filings (备案号): every
# provincial-level unit has one, unlike document numbers (some cities use 宁, 吉, 青, 新 too).
PROVINCE_CHARS = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000", "吉": "220000",
    "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000",
    "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000",
    "渝": "500000", "川": "510000", "蜀": "510000", "黔": "520000", "贵": "520000", "滇": "530000", "云": "530000",
    "藏": "540000", "陕": "610000", "甘": "620000", "陇": "620000", "青": "630000", "宁": "640000", "新": "650000",
}

# Postal codes: the first two digits give the province (国家邮政局 postal zones). 83 and 84 are
# 新疆, 85 and 86 西藏; 10 北京, 20 上海, 30 天津, 40 重庆.
POSTAL_PREFIXES = {
    "01": "150000", "02": "150000", "03": "140000", "04": "140000", "05": "130000", "06": "130000", "07": "130000",
    "10": "110000", "11": "210000", "12": "210000", "13": "220000", "15": "230000", "16": "230000",
    "20": "310000", "21": "320000", "22": "320000", "23": "340000", "24": "340000", "25": "370000", "26": "370000",
    "27": "370000", "30": "120000", "31": "330000", "32": "330000", "33": "360000", "34": "360000", "35": "350000",
    "36": "350000", "40": "500000", "41": "430000", "42": "430000", "43": "420000", "44": "420000", "45": "410000",
    "46": "410000", "47": "410000", "51": "440000", "52": "440000", "53": "450000", "54": "450000", "55": "520000",
    "56": "520000", "57": "460000", "61": "510000", "62": "510000", "63": "510000", "64": "510000", "65": "530000",
    "66": "530000", "67": "530000", "71": "610000", "72": "610000", "73": "620000", "74": "620000", "75": "640000",
    "81": "630000", "83": "650000", "84": "650000", "85": "540000", "86": "540000",
}

# Two-digit area codes belong to one city each; three- and four-digit ones are left out (their
# leading digits span several provinces).
AREA_CODES = {
    "10": "110000", "20": "440000", "21": "310000", "22": "120000", "23": "500000", "24": "210000",
    "25": "320000", "27": "420000", "28": "510000", "29": "610000",
}

_CHARS = "".join(PROVINCE_CHARS)
_FILING = re.compile(rf"([{_CHARS}])(?:ICP|icp)(?:备|证)|([{_CHARS}])公网安备\s*(\d{{6}})?")
_POSTAL = re.compile(r"(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)")
# a separator after the area code: "02788568010" could as well be 0278-8568010
_PHONE = re.compile(r"(?:电话|热线|传真|咨询|举报)[^\d\n]{0,8}[(（]?0(\d{2})(?:[)）]\s?|[-－—])\d{8}(?!\d)")


@dataclass(frozen=True)
class Registration:
    phrase: str
    start: int
    province: str  # GB/T 2260 code of the province
    what: str  # "filing", "postal" or "phone"
    office: str | None = None  # a filing's six digits: the GB/T 2260 code of the police office that filed it


def registrations(text: str, provinces: frozenset[str] | set[str]) -> list[Registration]:
    """Every registration cue of `text` (Simplified), each naming one province of `provinces`
    (the gazetteer's province codes: a filing number's six digits must start one of them)."""
    out: list[Registration] = []
    if "备" in text or "证" in text:
        for m in _FILING.finditer(text):
            code = PROVINCE_CHARS[m.group(1) or m.group(2)]
            digits = m.group(3)
            if digits and digits[:2] + "0000" in provinces and digits[:2] + "0000" != code:
                continue  # the character and the code disagree: a garbled footer
            out.append(Registration(m.group(0), m.start(), code, "filing", digits))
    if "邮" in text:
        for m in _POSTAL.finditer(text):
            postal = POSTAL_PREFIXES.get(m.group(1)[:2])
            if postal is not None and postal in provinces:
                out.append(Registration(m.group(0), m.start(), postal, "postal"))
    for m in _PHONE.finditer(text):
        area = AREA_CODES.get(m.group(1))
        if area is not None and area in provinces:
            out.append(Registration(m.group(0), m.start(), area, "phone"))
    return out
