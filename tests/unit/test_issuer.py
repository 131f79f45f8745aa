"""Issuer normalization, issuer level and event type."""

from __future__ import annotations

import pytest

from indexer.enrich.issuer import IssuerResult, classify_event, normalize_issuer
from indexer.enrich.regions import Gazetteer, RegionContext


def region(title="", body="", **kw):
    return Gazetteer.default().resolve(RegionContext(title=title, body=body, **kw))


@pytest.mark.parametrize("raw, name", [
    ("汉阴县教体局", "汉阴县教育体育局"),
    ("汉阴县教体科技局", "汉阴县教育体育和科技局"),
    ("汉阴县教育体育和科技局", "汉阴县教育体育和科技局"),
    ("漢陰縣教育體育和科技局", "汉阴县教育体育和科技局"),
    ("赣县区教科体局", "赣州市赣县区教育科技体育局"),  # a district's bodies carry its city
    ("宝塔区教育局", "延安市宝塔区教育局"),
    ("延安市宝塔区教育局", "延安市宝塔区教育局"),
    ("来源：新华资讯（演示）", "新华资讯"),
    ("来源：山西省教育厅", "山西省教育厅"),
    ("邯郸教育局", "邯郸市教育局"),
    ("北京市教委", "北京市教育委员会"),
])
def test_bureau_names_are_spelled_one_way(raw, name):
    assert normalize_issuer(raw, "", "").name == name


def test_abbreviated_education_bureaus():
    r = normalize_issuer("经开区教文体局", "经开区教文体局召开春季安全工作会议", "",
                         region("郑州经开区教文体局召开春季安全工作会议"))
    assert r.name == "郑州经济技术开发区教育文化体育局"
    assert r.level == "county"


@pytest.mark.parametrize("raw, level", [
    ("教育部", "national"),
    ("教育部办公厅", "national"),
    ("山西省教育厅", "province"),
    ("广西壮族自治区教育厅", "province"),
    ("北京市教委", "province"),
    ("邯郸市教育局", "city"),
    ("恩施州教育局", "city"),
    ("汉阴县教育体育和科技局", "county"),
    ("东港区教体局", "county"),
    ("北京市朝阳区教委", "county"),
    ("城关镇人民政府", "township"),
    ("九龙办事处", "township"),
    ("汉阴县城关中学", "school"),
    ("济南二中", "school"),
    ("某某市实验小学", "school"),
    ("中山大学", "school"),
    ("郑州经开区实验幼儿园", "school"),
])
def test_levels(raw, level):
    assert normalize_issuer(raw, "", "").level == level


def test_bare_level_prefix_takes_the_region():
    reg = region("邯郸市教育局召开全市学校安全视频会议")
    r = normalize_issuer("市教育局", "全市学校安全视频会议", "", reg)
    assert (r.name, r.level) == ("邯郸市教育局", "city")
    reg = region("", "", region_hint="陕西省 > 安康市 > 汉阴县")
    r = normalize_issuer("县教体科技局", "全县校园安全会议", "", reg)
    assert (r.name, r.level) == ("汉阴县教育体育和科技局", "county")
    reg = region("山西省教育厅召开会议")
    assert normalize_issuer("省教育厅", "", "", reg).name == "山西省教育厅"


def test_ambiguous_district_keeps_its_city():
    r = normalize_issuer("福州市鼓楼区教育局", "", "")
    assert (r.name, r.level) == ("福州市鼓楼区教育局", "county")


def test_issuer_found_in_title_body_or_source_line():
    r = normalize_issuer(None, "邯郸市教育局召开全市教育系统疫情防控和学校安全视频会议", "4月2日上午，召开会议。")
    assert (r.name, r.level) == ("邯郸市教育局", "city")
    r = normalize_issuer(None, "寒假安全稳定会议召开", "会议内容……\n来源：山西省教育厅\n编辑：张三")
    assert (r.name, r.level) == ("山西省教育厅", "province")
    r = normalize_issuer(None, "校园安全稳定工作推进会", "1月29日下午，汉阴县教育体育和科技局召开全县教体系统会议。")
    assert (r.name, r.level) == ("汉阴县教育体育和科技局", "county")


def test_generic_source_gives_way_to_the_title():
    r = normalize_issuer("地方政府网站", "日照市教育局部署假期安全工作", "")
    assert (r.name, r.level) == ("日照市教育局", "city")


def test_source_word_inside_a_sentence_is_not_a_source_line():
    body = "食堂要落实食材来源可查、去向可追要求。\n来源：河北省教育厅"
    assert normalize_issuer(None, "督导检查食品安全工作", body).name == "河北省教育厅"


def test_media_source_has_no_level():
    r = normalize_issuer("东方资讯", "", "")
    assert r.name == "东方资讯" and r.level is None
    assert normalize_issuer(None, "安全不松 温暖相随", "请各学校做好安全工作。") == normalize_issuer(None, "", "")
    # … but a text speaking for a whole city (全市学校) speaks from the city's level, as 我市 does
    assert normalize_issuer(None, "安全不松 温暖相随", "全市学校做好安全工作。").level == "city"
    assert normalize_issuer(None, "", "").name is None


@pytest.mark.parametrize("title, body, event", [
    ("邯郸市教育局召开全市学校安全视频会议", "", "meeting"),
    ("关于开展校园安全隐患排查整治的通知", "", "notice"),
    ("东港区教体局开展校园安全大检查", "", "inspection"),
    ("某小学开展消防应急疏散演练", "", "drill"),
    ("全县中小学安全管理人员培训班开班", "", "training"),
    ("通讯｜安全不松 温暖相随", "", "report"),
    ("安全检查工作部署会议", "", "meeting"),
    ("教育工作者汇聚一堂 共筑校园安全防线", "2月10日下午，经开区教育局组织全区教育工作者参与全省教育大讲堂活动。", "training"),
    ("暑期安全温馨提示", "", "notice"),
    ("咸阳市教育局扎实推进防溺水工作", "今年以来，市教育局坚持把防溺水工作摆在突出位置。", "report"),
    ("汉阴县教体科技局部署寒假及春节期间校园安全工作", "", "meeting"),
    ("关于做好寒假安全工作的通知", "各县区教育局：为做好寒假安全工作，现部署如下。", "notice"),
    ("", "", None),
])
def test_event_type(title, body, event):
    assert classify_event(title, body) == event


def test_reprint_outlet_gives_way_to_the_body_it_reports():
    r = normalize_issuer("东方资讯", "邯郸市教育局召开全市学校安全视频会议", "")
    assert (r.name, r.level) == ("邯郸市教育局", "city")


def test_phrases_are_not_issuers():
    assert normalize_issuer(None, "全县中小学安全管理人员培训班开班", "").name is None
    assert normalize_issuer(None, "各学校开展消防演练", "").name is None


@pytest.mark.parametrize("raw", ["", "   ", "。。。", "a" * 500, "来源：", "2025-01-14 10:32"])
def test_garbage_issuer_is_dropped(raw):
    assert normalize_issuer(raw, "", "").name is None


def test_bare_district_prefix_takes_the_region_with_its_city():
    reg = region("东港区教体局开展校园安全大检查")
    r = normalize_issuer("区教体局", "开展校园安全大检查", "", reg)
    assert (r.name, r.level) == ("日照市东港区教育体育局", "county")
    reg = region("", "", region_hint="陕西省 > 安康市 > 汉阴县")
    r = normalize_issuer("城关镇人民政府", "城关镇开展校园周边安全检查", "", reg)
    assert (r.name, r.level) == ("汉阴县城关镇人民政府", "township")


def test_an_ambiguous_district_prefix_is_read_inside_the_region():
    reg = region("鼓楼区教育局召开会议", "会议传达了福州市有关工作要求。", region_hint="福建省福州市")
    r = normalize_issuer("鼓楼区教育局", "鼓楼区教育局召开会议", "", reg)
    assert (r.name, r.level) == ("福州市鼓楼区教育局", "county")


def test_a_zone_body_of_a_city_is_county_level():
    r = normalize_issuer("西安高新区教育局", "西安高新区教育局部署暑期防溺水工作", "", region("西安高新区教育局"))
    assert r.level == "county"


def test_the_organiser_of_an_event_is_its_issuer():
    body = "10月9日上午，由郑州经济技术开发区教育文化体育局主办的第五届中小学生艺术节开幕。"
    r = normalize_issuer(None, "经开区中小学生艺术节开幕", body, region("经开区中小学生艺术节开幕", body))
    assert (r.name, r.level) == ("郑州经济技术开发区教育文化体育局", "county")


def test_a_self_inspection_is_an_inspection():
    assert classify_event("城关镇中心学校开展食堂食品安全自查", "") == "inspection"


def test_a_bureaus_statement_on_an_incident_is_a_notice():
    assert classify_event("县教育局关于网传一学生体育课后晕倒一事的情况通报", "近日，网络流传一段视频。") == "notice"


def test_a_notices_signature_names_its_issuer():
    body = ("各位家长：\n进入夏季，学生溺水事故进入高发期，请您切实履行监护责任，教育孩子不私自下水游泳。\n"
            "桦南县教育局安全办\n2021年5月19日")
    result = normalize_issuer(None, "致全县中小学生家长的一封信", body)
    assert (result.name, result.level) == ("桦南县教育局安全办", "county")
    # a bare office signing for the institution the text names is not the issuer
    body = ("近期校园内发生多起自行车被盗事件，武汉大学提醒同学们妥善保管个人财物。\n"
            "保卫部\n2024年3月5日")
    assert normalize_issuer(None, "关于加强自行车防盗的提示", body).level == "school"


def test_a_text_naming_no_issuer_speaks_from_the_jurisdiction_it_calls_its_own():
    body = "为做好暑期防溺水工作，我县组织开展了专项排查。截至目前，我县共排查危险水域86处，设立警示牌120块。"
    assert normalize_issuer(None, "扎实做好暑期防溺水工作", body) == IssuerResult(None, "county")
    assert normalize_issuer(None, "开学第一课", "9月1日，我校举行开学典礼，校长为全体师生上了安全第一课。").level == "school"
    # a county-level city's 我市 is a county's
    body = "近日，我市召开学校安全工作形势分析会，部署下一阶段校园安全工作。"
    region = Gazetteer.default().resolve(RegionContext(title="福安市召开安全工作形势分析会", body=body))
    assert region.county == "福安市"
    assert normalize_issuer(None, "安全工作形势分析会召开", body, region).level == "county"
    # none when two are called one's own as often (我县…我校)
    assert normalize_issuer(None, "安全教育", "我县教育局到我校检查安全工作。").level is None



def test_a_text_naming_no_issuer_and_no_own_jurisdiction_speaks_from_its_place():
    # the region's deepest unit: a county's news is a county body's
    title, body = "汉阴县开展校园周边环境整治", "近日，汉阴县对县城各校周边的小卖部逐一排查，整治占道经营。"
    assert normalize_issuer(None, title, body, region(title, body)).level == "county"
    title, body = "安康市部署暑期防溺水工作", "会议要求各县区落实河长巡河制度，严防学生溺水。"
    assert normalize_issuer(None, title, body, region(title, body)).level == "city"
    # … also behind an outlet that names no body of its own
    assert normalize_issuer("安康日报", title, body, region(title, body)).level == "city"
    # … and behind a body named without a place or a level of its own
    assert normalize_issuer("红十字会", title, body, region(title, body)).level == "city"
    # … a county whose name starts like a whole prefecture's (全州县) is no 全州
    title, body = "全州县一所中学宿舍起火", "全州县一所中学宿舍冒出浓烟，无人受伤。全州县教育局要求全县学校逐间排查宿舍。"
    assert normalize_issuer("桂北晚报", title, body, region(title, body)).level == "county"
    # … and no place, no level
    assert normalize_issuer(None, "暑期安全提示", "请同学们注意防溺水。", region("暑期安全提示", "请同学们注意防溺水。")).level is None
    # a letter to the parents that names no one is a school's, wherever the text is
    title, body = "暑假安全致家长的一封信", "尊敬的各位家长：\n暑假将至，汉阴县境内河流众多，请您看护好孩子，严防溺水。"
    assert normalize_issuer(None, title, body, region(title, body)).level == "school"
    body = "家长朋友们，大家好：\n寒假将至，汉阴县境内道路结冰，请您提醒孩子注意出行安全。"
    assert normalize_issuer(None, "寒假安全提醒", body, region("寒假安全提醒", body)).level == "school"


@pytest.mark.parametrize("title, level", [
    # a headline whose subject is a township: the township speaks
    ("合川三汇镇：开展节前学校安全大检查", "township"),
    ("衡东县甘溪镇开展防溺水宣传", "township"),
    ("溧水永阳街道 强化校园周边流动摊贩治理", "township"),
    # … not a city whose name ends like one (景德镇市, 桐乡市), nor a town's school
    ("景德镇开展中小学消防安全检查", "city"),
    ("桐乡全力做好诺如病毒防控", "county"),
    ("德州镇中心校举行暑假安全教育家长座谈会", "school"),
])
def test_a_headline_whose_subject_is_a_township_is_the_townships(title, level):
    body = "近日，相关部门开展了检查。"
    reg = region(title, body, region_hint="江西省 > 景德镇市" if title.startswith("景德镇") else "浙江省 > 嘉兴市 > 桐乡市")
    assert normalize_issuer(None, title, body, reg).level == level
    # … also in a paper's reprint that names no body of its own
    assert normalize_issuer("某某日报", title, body, reg).level == level


@pytest.mark.parametrize("title, level", [
    # its own words come first: 我县 / 我校 acting in a township
    ("我县在石门镇举行校园防溺水应急演练", "county"),
    ("我校在青山镇开展防溺水宣传", "school"),
    # … and a township that is only where someone else acts, or a phrase, is no subject
    ("省督导组在黄桥镇开展汛期安全督查", None),
    ("县长赴城关镇：检查学校安全工作", None),
    ("全县各乡镇 开展校园周边整治", "county"),
    ("全市城镇开展燃气安全检查", "city"),
    ("统筹城乡 扎实推进校园安全", None),
    ("暑期三下乡：大学生开展防溺水宣讲", None),
    # … but a common township's name is one (城北镇 is in many counties)
    ("城北镇开展学校食堂安全检查", "township"),
])
def test_a_township_in_a_headline_is_its_subject_only_where_it_speaks(title, level):
    assert normalize_issuer(None, title, "近日，相关部门开展了检查。").level == level


@pytest.mark.parametrize("title, body, level", [
    ("致全县中小学生家长的一封信", "暑假将至，请您看护好孩子。", "county"),
    ("致全市中小学生家长的一封信", "暑假将至，请您看护好孩子。", "city"),
    ("交警致家长的一封信", "暑假将至，请您提醒孩子遵守交通规则。", None),
    # a story that speaks of parents is no letter
    ("疫情导致家长焦虑 专家支招", "专家建议家长多与孩子沟通。", None),
    ("开学典礼侧记", "典礼上，一位来宾笑着说：“各位家长，孩子们长大了。”", None),
    ("暑期溺水事故多发", "天气炎热导致部分家长放松看护，专家提醒：切勿让孩子私自下水。", None),
])
def test_a_letter_to_the_parents_is_a_schools_unless_it_says_whose(title, body, level):
    assert normalize_issuer(None, title, body).level == level


@pytest.mark.parametrize("raw", ["岚县公安局上明派出所", "上明派出所", "蜀山区西园市场监管所", "鸿山市场监督管理所"])
def test_a_townships_police_station_and_market_office_are_the_townships(raw):
    assert normalize_issuer(raw, "", "").level == "township"


@pytest.mark.parametrize("raw, level", [
    # stations that serve no township: an airport's, a forest's, a railway's, a campus's
    ("首都机场派出所", None), ("伊春森林公安局红星森林派出所", None), ("哈尔滨铁路派出所", None),
    ("某某大学校园派出所", None),
    # national bodies and schools by their other names
    ("共青团中央", "national"), ("中国疾控中心", "national"), ("最高人民检察院", "national"),
    ("城关初中", "school"), ("实验二小", "school"), ("城南职高", "school"), ("马家坪教学点", "school"),
])
def test_bodies_whose_names_tell_another_level(raw, level):
    assert normalize_issuer(raw, "", "").level == level


def test_a_body_visiting_a_school_is_the_issuer_not_the_school():
    title = "科尔沁右翼中旗消防救援大队走进巴彦呼舒第六中学开展消防安全检查"
    result = normalize_issuer(None, title, "9月3日，消防员对学校宿舍、食堂进行了全面检查。")
    assert (result.name, result.level) == ("科尔沁右翼中旗消防救援大队", "county")
    title = "镇中心校邀请专职消防队到学校开展消防演练"
    assert normalize_issuer(None, title, "4月8日，全体师生参加演练。").level == "school"
    # 为 (on behalf of) a school: the school is what the body works for, not who writes
    title = "党员服务队为乡村学校冬季用电把脉"
    assert normalize_issuer(None, title, "服务队员对配电室和宿舍线路逐一排查。").level != "school"
    # no body before the visit: no issuer from that clause
    title = "沙红同志分别听取了两所学校安全工作汇报"
    assert normalize_issuer(None, title, "会上，两所学校负责人作了汇报。").name != title[:14]
    # … also a visit told in a clause of the body, after a comma: the visitor, or none when it is no body
    body = "为保障冬季校园安全，汉阴县消防救援大队邀请县实验小学师生走进消防站。活动中，消防员讲解了灭火器的使用方法。"
    assert normalize_issuer(None, "萌娃走进消防站", body).name == "汉阴县消防救援大队"
    body = "近日，汉阴县人大组成调研组深入到城关中学，调研冬季校舍安全工作。调研组查看了教学楼和宿舍。"
    assert normalize_issuer(None, "人大调研校舍安全", body).name is None


def test_police_regulators_and_other_bodies_acting_on_schools_are_issuers():
    body = "23日，德化县公安局交警大队在辖区21所中小学校重启护学岗，加强上学、放学高峰期路面管控。"
    result = normalize_issuer(None, "重启护学岗护航上学路", body)
    assert (result.name, result.level) == ("德化县公安局交警大队", "county")
    body = "近日，蛟河市市场监督管理局开展春季校园食品安全专项检查，重点检查学校食堂和校园周边小卖部。"
    assert normalize_issuer(None, "春季校园食品安全专项检查", body).name == "蛟河市市场监督管理局"
    # a county's short name before its power company, traffic police or procuratorate: that county's body
    body = "近日，临渭供电分公司组织工作人员对辖区32所中小学的用电设施进行检查，下一步临渭供电分公司将与区教育局建立联系机制。"
    assert normalize_issuer(None, "校园用电安全检查", body) == IssuerResult("渭南市临渭区供电分公司", "county")
    assert normalize_issuer(None, "玉田交警大队走进校园", "").level == "county"
    for title in ("余江司法局开展送法进校园", "伊犁州地震局走进校园", "公安县检察院走进校园"):
        assert normalize_issuer(None, title, "").level in ("county", "city"), title
    # an event named after its place is no body of that place
    assert normalize_issuer(None, "汶川地震灾区中学复课", "").name == "汶川地震灾区中学"


def test_every_agency_of_the_shared_list_is_an_issuer_and_a_place_office():
    # one list (indexer.text.bodies.AGENCIES) serves the issuer finder and the region tagger: a body
    # added there is read by both (宜阳县水利局 had been an office for the regions only)
    from indexer.enrich.regions import _UNIT_OFFICE
    from indexer.text.bodies import AGENCIES

    for agency in AGENCIES:
        result = normalize_issuer(None, f"宜阳县{agency}开展校园安全检查", "")
        assert (result.name, result.level) == (f"宜阳县{agency}", "county"), agency
        assert _UNIT_OFFICE.match(f"宜阳{agency}", 2), agency


def test_a_clause_that_ends_on_a_school_is_no_issuer():
    body = "入冬以来，丁青县实现各学校供暖全覆盖，我县中小学、幼儿园的教室温度均达到18摄氏度以上。"
    result = normalize_issuer(None, "丁青县实现各学校供暖全覆盖", body)
    assert result.name is None and result.level == "county"


def test_pupils_and_students_are_no_school():
    # 小学生 / 大学生 / 中学生: the school word is the first half of "pupil", not a school's name
    for title in ("秋季开学后多名小学生出现呕吐腹泻", "铜仁交警检查两辆载小学生的面包车"):
        assert normalize_issuer(None, title, "记者从当地获悉，相关部门已介入调查。").level != "school"
    assert normalize_issuer(None, "城南小学召开安全工作会议", "").name == "城南小学"
    # a word of 生 after the school is still the school's (生物组, 生命教育)
    assert normalize_issuer(None, "城南中学生物组开展危化品安全检查", "").name == "城南中学"


def test_an_unnamed_school_is_no_issuer():
    # 一所中学 / 三所小学: "a school", "three schools", not a body's name
    body = "11月18日，获嘉县一所中学开展食堂食品安全自查，县市场监管局派员指导。"
    assert normalize_issuer(None, "获嘉县一所中学开展食堂自查", body).name is None


def test_a_body_that_issues_a_document_in_the_lead_is_the_issuer():
    # 下发 / 出台 are acts of issuing, as 印发 is; the time the sentence opens with is no part of the name
    body = "记者13日从省教育厅了解到，近日省教育厅下发了《关于做好中小学冬季取暖工作的通知》，要求各地按时供暖。"
    result = normalize_issuer(None, "中小学供暖不能低于14℃", body)
    assert result.level == "province" and result.name is not None and not result.name.startswith("近日")
    body = "当日下午，乌鲁木齐市教育局下发紧急通知，要求全市中小学停课一天。"
    assert normalize_issuer(None, "乌鲁木齐中小学停课一天", body) == IssuerResult("乌鲁木齐市教育局", "city")


def test_a_venue_school_and_a_places_schools_are_no_issuer():
    # X在Y学校: the school is where it happens; the body before 在 acts (a society, a bureau), an
    # event (…现场会, …开幕式) does not
    body = "5月12日，市地震学会在和平区中心小学开展防震减灾科普活动，全校师生参加。"
    assert normalize_issuer(None, "防震减灾科普进校园", body).name == "市地震学会"
    body = "近日，全县校园消防安全标准化现场会在第十一幼儿园召开，各校校长参加。"
    assert normalize_issuer(None, "校园消防安全标准化现场会召开", body).level != "school"
    # 潍坊学校, 吉林省学校: a place's schools in general; 周宁县中学 is one school
    body = "为做好开学准备，潍坊学校全面开展安全隐患排查，潍坊市教育局派出督导组。"
    assert normalize_issuer(None, "潍坊学校开展开学安全排查", body).name != "潍坊学校"
    assert normalize_issuer(None, "周宁县中学召开安全工作会议", "").name == "周宁县中学"
    # … and so are its schools struck, some or all of them (榕江县受灾学校, 浙江部分学校)
    for title in ("榕江县受灾学校开展灾后清淤消杀", "浙江部分学校推迟开学"):
        assert normalize_issuer(None, title, "").name is None, title
    # … and a headline's clause about schools is no school's name (河南排查幼儿园, 作出让…学校)
    for title in ("河南排查幼儿园1200余所", "积石山县摸排学校安全隐患", "溆浦县政府迅速作出让灾区所有学校复课的决定"):
        assert normalize_issuer(None, title, "").name is None, title
    # 此次活动由X: the body, without the sentence's opening
    body = "此次活动由锡林郭勒盟教育局主办，全盟各校参加。"
    assert normalize_issuer(None, "专题培训活动举行", body).name == "锡林郭勒盟教育局"


def test_a_short_parent_before_its_unit_names_the_unit():
    # 山东东阿县交警大队, 安康汉阴县教体局: a province's or a city's short name before the county it holds
    # (as 陕西省汉阴县教体局 in full) is that county's body
    assert normalize_issuer("山东东阿县交警大队", "校园周边交通整治", "民警在校门口疏导交通。") == \
        IssuerResult("东阿县交警大队", "county")
    assert normalize_issuer("安康汉阴县教体局", "开学安全检查", "检查组逐校查看。").level == "county"
    # a school named after a place stays a school (中山大学 is no body of 中山市)
    assert normalize_issuer("中山大学", "实验室安全检查", "保卫处组织检查。").level == "school"
