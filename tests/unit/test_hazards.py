"""Hazard tagging: substantive mentions only, task lists, traps, evidence, primary, speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.hazards import Taxonomy, load_taxonomy
from indexer.enrich.hazards import menu_spans, tag_hazards
from indexer.text.chinese import to_simplified

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy(REPO / "config" / "hazards.yaml")


def test_explicit_task_list_assigns_each_hazard(tax):
    body = ("会议要求，各学校要加强假期师生安全教育，重点加强防火、防溺水、防煤气中毒、防电信诈骗、防传染病、"
            "防欺凌和交通安全等安全知识教育，持续做好学生心理健康工作。")
    r = tag_hazards("全省寒假安全稳定工作会议召开", body, tax)
    expected = {"fire", "drowning", "gas_poisoning", "fraud", "epidemic", "bullying", "traffic", "mental_health"}
    assert expected <= set(r.hazards)
    assert r.safety_related
    assert "extreme_weather" not in r.hazards and "cyber" not in r.hazards


def test_evidence_has_phrases_and_positions(tax):
    title = "关于做好暑期防溺水工作的通知"
    body = "各学校要落实防溺水“六不一会”要求，严防学生私自下水。"
    r = tag_hazards(title, body, tax)
    assert r.hazards == ["drowning"] and r.primary == "drowning"
    ev = [e for e in r.evidence if e.label == "drowning"]
    assert ev[0].field == "title" and ev[0].phrase == "防溺水" and title[ev[0].start:].startswith("防溺水")
    body_ev = [e for e in ev if e.field == "body"]
    assert {e.phrase for e in body_ev} >= {"防溺水", "私自下水"}
    for e in body_ev:
        assert body[e.start:e.start + len(e.phrase)] == e.phrase


def test_word_that_merely_occurs_is_not_a_hazard(tax):
    body = ("一季度全区经济运行稳中向好，消费市场火热，网络直播带货火爆，夜经济红火。"
            "安全生产形势总体平稳，各类企业复工复产有序推进。")
    r = tag_hazards("一季度经济运行情况分析", body, tax)
    assert r.hazards == []
    assert r.safety_related is False
    assert r.primary is None


def test_enrollment_notice_gets_no_hazard(tax):
    body = ("根据市教育局统一部署，现将我校2025年秋季一年级招生工作有关事项通知如下。"
            "学校设有食堂，提供营养餐，校车线路另行通知。报名时间为8月1日至8月5日，请家长携带户口簿到校登记。")
    r = tag_hazards("某某小学2025年秋季招生简章", body, tax)
    assert r.hazards == [] and r.safety_related is False


def test_party_building_text_gets_no_hazard(tax):
    body = ("会议强调，要深入学习贯彻习近平总书记关于安全生产的重要论述和党的建设的重要思想，"
            "全面加强基层党组织建设，推动党建工作与业务工作深度融合。")
    r = tag_hazards("局党组召开党建工作推进会", body, tax)
    assert r.hazards == [] and r.safety_related is False


def test_one_stray_keyword_outside_a_safety_text_is_not_enough(tax):
    body = "全县经济保持平稳增长，打击电信诈骗成效明显，营商环境持续优化。"
    assert tag_hazards("政府工作报告", body, tax).hazards == []


_TRAINING = ("6月3日，全县中小学教师普通话能力提升培训班在县职业中学开班，120名教师参加。",
             "开班仪式上，县教育局负责同志介绍了培训课程安排和考核办法。",
             "{aside}",
             "培训为期五天，内容包括语音基础、朗读技巧和课堂用语规范。",
             "授课专家结合课堂实例，与学员开展了互动交流。",
             "培训结束后将组织测试，成绩计入教师继续教育学分。")


def test_one_sentence_on_a_hazard_in_a_longer_unrelated_text_is_an_aside(tax):
    # a training notice's one sentence asking trainees to keep the epidemic rules
    aside = "他要求参训教师严格落实疫情防控要求，做好培训期间的新冠疫情防控和个人防护。"
    r = tag_hazards("全县教师普通话培训班开班", "\n".join(_TRAINING).format(aside=aside), tax)
    assert r.hazards == [] and r.safety_related is False
    # the same sentence twice, apart, makes it a subject of the text
    body = "\n".join(_TRAINING).format(aside=aside) + "\n" + "培训期间各班每日报告疫情防控情况，落实晨午检制度。"
    assert "epidemic" in tag_hazards("全县教师普通话培训班开班", body, tax).hazards
    # a short letter's one sentence is its subject
    r = tag_hazards("致家长的一封信", "各位家长：\n" + aside + "\n县教育局", tax)
    assert r.hazards == ["epidemic"]
    # a sentence naming it four times is what the text reports, not an aside
    counted = "据统计，寒假期间全市接报涉生诈骗警情39起，其中返利诈骗、游戏装备诈骗和买卖手机诈骗最多。"
    r = tag_hazards("全县教师普通话培训班开班", "\n".join(_TRAINING).format(aside=counted), tax)
    assert r.hazards == ["fraud"]


def test_exclude_phrase_blocks_keyword(tax):
    body = "学校网络中心升级防火墙，校园安全管理平台上线，安全隐患排查实现信息化。"
    r = tag_hazards("学校升级校园网", body, tax)
    assert "fire" not in r.hazards


def test_window_bars_blocking_an_exit_are_a_fire_check_finding(tax):
    body = ("学校保卫处对学生宿舍开展消防安全检查，查看灭火器、应急照明灯是否完好。\n"
            "检查人员实地查看疏散通道是否畅通，是否存在安全出口安装防盗网等隐患。\n对发现的问题当场下发整改通知。")
    assert tag_hazards("学校开展宿舍消防安全检查", body, tax).hazards == ["fire"]


def test_nested_keywords_count_once(tax):
    r = tag_hazards("关于做好暑期学生安全工作的通知", "各学校要做好防溺水教育，落实安全责任。", tax)
    phrases = [(e.field, e.phrase) for e in r.evidence]
    assert phrases.count(("body", "防溺水")) == 1
    assert ("body", "溺水") not in phrases


def test_weak_hits_alone_need_a_safety_text(tax):
    # weak hints in two sentences of a school safety notice: food safety is discussed
    body = "各校要加强校园安全管理，开展安全隐患排查。食材要落实索证索票。每餐要留样48小时。"
    assert "food_safety" in tag_hazards("学校安全检查通知", body, tax).hazards
    # two weak hints in one sentence are one hint
    body = "各校要加强校园安全管理，开展安全隐患排查，营养餐要当日采购并留样。"
    assert "food_safety" not in tag_hazards("学校安全检查通知", body, tax).hazards
    # a school's menu page is not about food safety
    body = "本周食堂菜谱：周一红烧肉，周二清蒸鱼，食材新鲜。欢迎同学们到食堂就餐，营养餐每日更新。"
    assert tag_hazards("学生食堂本周菜谱", body, tax).hazards == []


def test_primary_hazard_when_one_dominates(tax):
    title = "区教体局开展校园消防安全大检查"
    body = ("近日，区教体局联合消防救援大队对辖区学校开展消防安全检查，查看消防设施、消防通道和灭火器配备，"
            "并对防溺水工作提出要求。")
    r = tag_hazards(title, body, tax)
    assert r.primary == "fire"
    assert "drowning" in r.hazards


def test_even_hazards_still_get_a_primary_the_first_named(tax):
    # the devset's convention: a text given hazards has a primary; a tie goes to the first named
    body = "会议要求，各校要加强防溺水、防火、防欺凌教育，确保校园安全，排查安全隐患。"
    r = tag_hazards("学校安全工作会议", body, tax)
    assert len(r.hazards) == 3 and r.primary == "drowning"
    body = "会议要求，各校要加强防欺凌、防火、防溺水教育，确保校园安全，排查安全隐患。"
    assert tag_hazards("学校安全工作会议", body, tax).primary == "bullying"


def test_safety_related_without_a_named_hazard(tax):
    body = "会议对校园安全工作进行了部署，要求各校落实安全责任，全面排查安全隐患，确保学校安全稳定。"
    r = tag_hazards("全县学校安全稳定工作会议", body, tax)
    assert r.hazards == [] and r.safety_related is True


def test_related_list_and_footer_do_not_count(tax):
    body = ("会议要求各校加强校园安全管理，排查安全隐患，做好防溺水教育。\n"
            "相关内容\n芜湖市教育局召开网络安全专题会议\n某校开展消防演练\n某县防范电信诈骗宣传\n")
    r = tag_hazards("学校安全会议", body, tax)
    assert r.hazards == ["drowning"]


def test_traditional_after_conversion(tax):
    title = to_simplified("漢陰縣召開校園消防安全工作會議")
    body = to_simplified("會議要求扎實推進學校消防安全集中除患行動，持續加強防範電信詐騙工作。")
    r = tag_hazards(title, body, tax)
    assert {"fire", "fraud"} <= set(r.hazards)


def test_place_lists_do_not_add_hazards(tax):
    # 食堂 named among places to inspect is no food safety; wiring strung up in the dorms is a task of
    # its own (readers of five sets labelled every such text electrical too: see the test below)
    body = ("开展校园消防安全隐患排查整治，重点检查学生宿舍、食堂、图书馆等人员密集场所的疏散通道和消防设施。"
            "严禁在宿舍内私拉乱接电线、使用大功率电器，确保安全出口畅通。")
    r = tag_hazards("开展校园消防安全检查", body, tax)
    assert r.hazards == ["fire", "electrical"]


def test_school_bus_is_traffic(tax):
    body = "县教育局联合交警大队开展校车安全专项检查，严查超员超速，确保学生乘车安全。"
    r = tag_hazards("校车安全专项检查", body, tax)
    assert r.primary == "traffic"


def test_hazard_codes_come_from_the_taxonomy(tax):
    codes = {h.code for h in tax.hazards}
    body = ("会议要求抓好消防安全、实验室安全、在建工程安全、特种设备安全、用电安全、燃气安全，"
            "防范寒潮、地质灾害，加强校园安保和网络安全，预防踩踏等意外伤害，开展禁毒教育，确保校园安全。")
    r = tag_hazards("学校安全隐患排查整治工作部署会", body, tax)
    assert set(r.hazards) <= codes
    assert {"fire", "lab_chemicals", "building", "special_equipment", "electrical", "gas_poisoning",
            "extreme_weather", "natural_disaster", "security", "cyber", "accident_general", "other"} <= set(r.hazards)


def test_a_hazard_named_in_passing_in_another_hazards_sentence_is_dropped(tax):
    r = tag_hazards("东港区教体局开展校车安全专项检查",
                    "2月20日，区教体局对全区校车开展安全检查，发现2辆校车车载灭火器过期，已督促更换。"
                    "各校要严格落实校车每日出车前检查制度。", tax)
    assert r.hazards == ["traffic"]
    r = tag_hazards("经开区举行中小学防震减灾应急疏散演练",
                    "当天上午，各中小学同步开展防震减灾应急疏散演练。演练结束后，消防救援人员讲解了地震避险知识。", tax)
    assert r.hazards == ["natural_disaster"]


def test_a_fire_that_breaks_out_is_never_a_word_in_passing(tax):
    # a school-bus drill staging a fire (车厢突然起火): the fire is the drill's event, though the
    # bus's sentences name the bus far more often; a bus's extinguisher stays in passing (above)
    r = tag_hazards("某幼儿园开展校车逃生演练",
                    "10月9日上午，某幼儿园开展校车逃生演练。演练模拟校车行驶途中车厢后部突然起火，校车司机立即靠边停车。"
                    "照管员组织幼儿从校车安全门有序撤离，司机用校车上的设备处置。演练结束后，园长强调校车安全工作。", tax)
    assert set(r.hazards) == {"traffic", "fire"}


def test_school_buildings_checked_in_a_disasters_sentence_are_building_safety(tax):
    # what an earthquake damages: checking the buildings is not a word in passing
    body = ("9月5日，甘孜州泸定县发生6.8级地震。\n省教育厅第一时间与灾区教育部门联系，了解灾情，"
            "并安排对校舍安全进行排查，防止地震次生灾害造成伤害。\n目前灾区学校暂无师生伤亡。")
    assert "building" in tag_hazards("省教育厅部署地震灾区学校安全工作", body, tax).hazards


def test_a_hazard_named_as_a_task_in_another_hazards_sentence_stays(tax):
    r = tag_hazards("学校安全检查", "检查组查看了消防设施和灭火器配备，并对防溺水工作提出要求。", tax)
    assert {"fire", "drowning"} <= set(r.hazards)


def test_a_hazard_an_inspection_looks_for_in_another_hazards_sentence_stays(tax):
    # 是否存在电气线路私拉乱接: a fire check that looks for wiring faults checks electrical safety;
    # a bus check asking whether it carries an extinguisher (是否备有灭火器) checks no fire safety
    body = ("近日，县消防救援大队对辖区学校开展开学前消防检查。\n检查人员逐一查看消防设施是否完好有效，"
            "疏散通道是否畅通，是否存在电气线路私拉乱接等情况，并现场指导学校整改火灾隐患。")
    assert set(tag_hazards("县消防救援大队开展校园消防检查", body, tax).hazards) == {"fire", "electrical"}
    body = ("民警对全县校车开展安全检查。\n民警逐一检查校车车况是否良好，车内是否备有急救箱、灭火器、逃生锤，"
            "轮胎是否完好，驾驶人是否持证。")
    assert tag_hazards("开展校车交通安全检查", body, tax).hazards == ["traffic"]


def test_a_school_bus_that_fell_into_a_reservoir_is_traffic_and_the_rescuers_no_fire_safety(tax):
    # 校巴 is a school bus where it is written so (香港, 广东); 消防到场 is the rescue arriving
    title = "校巴接载学童放学途中翻入水库 消防到场展开搜救"
    body = ("一辆校巴前日接载学童放学回家途中翻入水库。\n消防到场展开搜救，昨凌晨将校巴打捞上岸。\n"
            "当局正调查事故原因，校方已为受影响学生安排辅导。")
    assert tag_hazards(title, body, tax).hazards == ["traffic"]
    # a school bus sent out (校车出动) is still traffic
    body = "开学首日，县教育局安排校车出动，接送山区学生返校。\n驾驶员出车前逐一检查校车车况。"
    assert tag_hazards("山区学生顺利返校", body, tax).hazards == ["traffic"]


def test_a_notifiable_disease_by_its_name_is_an_epidemic(tax):
    body = ("8月21日，市教育局专项检查组到我校检查基孔肯雅热防控工作。\n检查组深入教学楼、学生宿舍、食堂等场所，"
            "查看蚊虫孳生环境清理情况。\n检查组要求学校持续做好校园环境卫生管理。")
    assert tag_hazards("市教育局领导来我校检查指导基孔肯雅热防控工作", body, tax).hazards == ["epidemic"]
    # envy (红眼病) and a hot debate (引发热议) are no disease and no fever
    body = ("心理老师在讲座中说，看到同学成绩好不要犯红眼病，要把羡慕变成动力。\n这次讲座在家长群里引发热议。\n"
            "学校将定期开展心理健康教育，帮助学生调节情绪。")
    assert "epidemic" not in tag_hazards("我校开展心理健康讲座", body, tax).hazards


def test_a_firefighters_helmet_is_no_riders(tax):
    body = ("11月9日，县消防救援大队开放营区，迎接县实验幼儿园的小朋友参观。\n"
            "消防员叔叔为小朋友们讲解了消防车的用途，演示了灭火器的使用方法。\n"
            "在消防员的帮助下，小朋友们穿戴消防头盔和战斗服，体验了一回“小小消防员”。")
    assert tag_hazards("萌娃走进消防站 体验消防员的一天", body, tax).hazards == ["fire"]
    body = body.replace("穿戴消防头盔和战斗服，体验了一回“小小消防员”", "学习了骑电动车佩戴安全头盔的方法")
    assert "traffic" in tag_hazards("萌娃走进消防站 体验消防员的一天", body, tax).hazards


def test_a_teaching_block_is_building_safety_only_with_its_damage(tax):
    # 教学楼 is where a fire check goes (its escape routes, its wiring); cracked, it is the building
    body = ("3月4日，县消防救援大队到县实验中学开展开学消防安全检查。\n检查组重点查看了教学楼、学生宿舍的疏散通道"
            "和安全出口，测试了消防栓出水情况。\n检查组随后到教学楼各楼层查看应急照明和疏散指示标志。\n"
            "检查组还到教学楼顶层查看了消防水箱。\n检查结束后，检查组对学校消防安全工作提出了要求。")
    assert set(tag_hazards("县消防救援大队到县实验中学开展消防检查", body, tax).hazards) == {"fire"}
    body = ("地震发生后，县教育局组织人员对全县学校逐一排查。\n县第二中学教学楼墙体出现多处裂缝，已暂停使用。"
            "\n县教育局要求各校对受损校舍设立警示标志，组织专家开展安全鉴定。")
    assert "building" in tag_hazards("县教育局排查地震后学校安全", body, tax).hazards


def test_a_hazard_named_as_the_cause_of_another_stays(tax):
    # 线路老化，引起火灾: the wiring is a hazard of its own, not a word in the fire's sentence; named
    # there without a cause (配电箱冒烟着火) it is the fire's scene
    body = ("3月2日下午，某小学锅炉房突发火灾，学校立即组织师生疏散，教师用灭火器将明火扑灭，无人受伤。\n"
            "经初步调查，火灾系锅炉房内电路老化，引起短路起火所致。\n学校随后对全部教室和宿舍进行排查。\n"
            "教育局要求各校举一反三，全面排查消防隐患。\n各校要在一周内完成自查并上报。")
    assert set(tag_hazards("某小学锅炉房起火 师生安全疏散", body, tax).hazards) == {"fire", "electrical"}
    body = body.replace("电路老化，引起短路起火所致", "电路老化的配电箱冒烟后起火")
    assert set(tag_hazards("某小学锅炉房起火 师生安全疏散", body, tax).hazards) == {"fire"}
    # 引起重视 names no cause: the wiring stays a word in the fire's sentence
    body = body.replace("电路老化的配电箱冒烟后起火", "起火，线路老化问题也应引起重视")
    assert set(tag_hazards("某小学锅炉房起火 师生安全疏散", body, tax).hazards) == {"fire"}


def test_primary_is_the_one_hazard_the_title_names(tax):
    body = ("会议要求抓好校园食品安全，严格落实陪餐制度和食材查验；同时做好学校消防安全工作，检查消防设施。"
            "要加强食堂燃气管道检查。")
    assert tag_hazards("召开校园食品安全工作会议", body, tax).primary == "food_safety"
    assert tag_hazards("召开校园消防安全工作会议", body, tax).primary == "fire"
    # a title naming two: the one the text says more about; on a tie, the one named first
    body = "会议要求抓好学校消防安全工作，检查消防设施和灭火器，组织消防疏散演练；同时做好校园食品安全工作。"
    assert tag_hazards("召开食品安全和消防安全工作会议", body, tax).primary == "fire"
    body = "会议要求各校做好校园食品安全和消防安全工作，确保校园安全。"
    assert tag_hazards("召开消防安全和食品安全工作会议", body, tax).primary == "fire"
    assert tag_hazards("召开食品安全和消防安全工作会议", body, tax).primary == "food_safety"


def test_guarding_the_campus_is_not_campus_security(tax):
    r = tag_hazards("邯郸：多措并举守护校园食品安全", "今年以来，市教育局全面推行校领导陪餐制度和明厨亮灶。", tax)
    assert r.hazards == ["food_safety"]


# -- context rules learned from real texts (issue 11) ---------------------------------------------

def test_items_of_an_inspection_list_are_each_a_hazard(tax):
    body = ("8月29日，镇平安办联合派出所对辖区学校开展开学安全检查。"
            "检查组对食堂卫生、消防器材、宿舍用电、放学路段交通、校门口安防设施等方面进行了检查。")
    r = tag_hazards("某镇开展校园安全联合检查", body, tax)
    assert {"food_safety", "fire", "electrical", "traffic", "security"} <= set(r.hazards)
    assert any(e.rule == "hazard:list" and e.phrase == "交通" for e in r.evidence)


def test_a_plain_listed_word_counts_only_in_a_list_of_hazards(tax):
    body = "学校周边交通便利，新校区位于城区东部。学校召开安全工作会议，排查安全隐患，做好校园安全。"
    assert "traffic" not in tag_hazards("学校安全工作会议", body, tax).hazards


def test_a_list_of_places_names_no_hazard(tax):
    body = ("学校开展防诈骗宣传，在宿舍区、教学楼、食堂、实验室等学生聚集场所张贴反诈海报，提醒学生防范电信诈骗。"
            "各班召开防诈骗主题班会，落实安全教育。")
    r = tag_hazards("学校开展反诈宣传", body, tax)
    assert r.hazards == ["fraud"]


def test_an_agency_taking_part_is_not_its_hazard(tax):
    body = ("当天上午，县地震局、县教育局联合县消防救援大队在县第一中学开展防震减灾应急疏散演练。"
            "演练结束后，消防救援大队指战员演示了伤员转运，地震局工作人员讲解了避险知识。")
    r = tag_hazards("县中学开展防震减灾应急演练", body, tax)
    assert r.hazards == ["natural_disaster"]


def test_a_weak_word_named_as_a_topic_counts(tax):
    body = "县教体局部署冬季学校安全工作，要求各校做好取暖安全检查，落实燃气安全管理，开展安全教育。"
    r = tag_hazards("县教体局部署冬季学校安全工作", body, tax)
    assert "gas_poisoning" in r.hazards
    # people are not a topic: 食堂工作人员 names no food-safety task
    r = tag_hazards("学校燃气安全检查", "检查组对学校燃气管道开展安全检查，并为食堂工作人员讲解燃气安全知识。", tax)
    assert "food_safety" not in r.hazards


def test_weather_as_the_scene_is_not_a_weather_hazard(tax):
    body = ("暑假即将来临，天气炎热，高温天气持续，学生到河道、水库游泳的机会增多。"
            "各学校要加强防溺水教育，落实家校共管责任，严防学生私自下水。")
    r = tag_hazards("关于做好暑期防溺水工作的通知", body, tax)
    assert r.hazards == ["drowning"]
    body = "各学校要做好高温天气防范工作，调整户外活动时间，防止学生中暑。"
    assert "extreme_weather" in tag_hazards("做好高温天气学校安全工作", body, tax).hazards


@pytest.mark.parametrize("title, body", [
    # the weather named in one sentence, the schools closed in another
    ("全市中小学停课两天", "从28日中午开始，全市普降暴雪，积雪深度达20厘米。\n气象部门预报暴雪将持续到明天。\n"
                          "市教育局决定：全市中小学3月1日、3月2日停课两天。"),
    # a hint of the weather (低温, 雨雪) in the sentence that closes the schools
    ("多所中小学停课一天", "1月8日早上，市民出门买菜时发现路面结冰。\n当天，受低温雨雪凝冻天气影响，全市多所中小学停课一天。"),
    # the headline names the weather, the body closes the school
    ("受暴雨影响一乡镇中学校园进水", "校园内进水接近1米，295名学生被临时安置在教学楼2楼以上的教室和寝室。\n"
                               "当地政府组织人员送去救援物资。\n目前，该校学生今明两天已停课。"),
])
def test_weather_that_closes_schools_is_extreme_weather(tax, title, body):
    assert "extreme_weather" in tag_hazards(title, body, tax).hazards


def test_a_closure_for_another_cause_makes_no_weather_hazard(tax):
    # a class closed for flu, on a cold day: the weather is named after the closure, as the scene
    body = ("因流感病例增多，该校初二年级停课一周。\n此前受寒潮影响，多名学生出现发热、咳嗽症状。\n"
            "学校加强晨午检和教室通风消毒，做好流感防控。")
    assert "extreme_weather" not in tag_hazards("学校做好流感防控工作", body, tax).hazards


def test_a_closure_a_plan_prepares_for_closes_nothing(tax):
    # 遇强降雨…果断停课 is what to do if it rains, in a flood drill: the weather is no hazard of its own
    body = ("3月28日上午，市教育局在市实验小学组织开展防汛和地质灾害防范应急演练，全校900余名师生参加。\n"
            "一是抓好防汛和地质灾害防范。要密切关注气象、水利、自然资源等部门发布的预警信息，"
            "遇强降雨等情况果断采取停课、转移师生等措施。")
    assert tag_hazards("市教育局举行防汛和地质灾害防范应急疏散演练", body, tax).hazards == ["natural_disaster"]


@pytest.mark.parametrize("title, body, code", [
    ("学校举行校园欺凌处置专题培训", "培训围绕规范校园欺凌处置流程展开。\n全体班主任参加培训。", "bullying"),
    ("我校开展心理健康科普活动", "活动向学生普及心理健康科普知识。\n心理教师现场解答学生问题。", "mental_health"),
])
def test_handling_and_outreach_after_a_hazard_are_tasks_not_offices(tax, title, body, code):
    # 处 and 科 end an office's name (安保处, 保卫科), not 处置 or 科普
    assert code in tag_hazards(title, body, tax).hazards


def test_counselling_after_another_hazard_answers_that_hazard(tax):
    body = ("地震发生后，县教育局第一时间组织排查学校校舍受损情况，所有学生安全撤离。\n"
            "各校开展地震应急疏散演练。\n学校还为受惊学生开展心理疏导，帮助他们尽快恢复正常学习。")
    assert "mental_health" not in tag_hazards("县教育局全力做好地震应对工作", body, tax).hazards
    body = ("一辆校车与货车相撞，车上多名学生受伤，交警部门正在调查事故原因。\n"
            "学校安排老师到医院安抚学生情绪，并为受伤学生提供心理辅导。")
    assert "mental_health" not in tag_hazards("一校车发生交通事故多名学生受伤", body, tax).hazards
    # … also a hazard no code covers (a drill against abduction is `other`'s)
    body = ("为提高幼儿的防拐意识，幼儿园联合社区开展防拐演练。\n演练中，“陌生人”用糖果和玩具试图带走幼儿。\n"
            "演练结束后，老师开展防拐安全教育课。\n老师还对被“带走”的孩子进行心理疏导和安抚。\n"
            "家长表示，防拐演练让孩子学会了拒绝陌生人。")
    assert tag_hazards("幼儿园举行“防拐”演练", body, tax).hazards == ["other"]
    body = "学校开展心理咨询工作，为学生建立心理档案。\n心理教师每周开放咨询室，帮助学生疏解考试压力。"
    assert "mental_health" in tag_hazards("学校开展心理咨询进班级活动", body, tax).hazards
    # alone, counselling is the text's subject
    body = "针对高三学生考前焦虑情绪，学校为学生提供心理疏导和心理咨询服务。\n咨询室每天下午开放。"
    assert tag_hazards("我校为高三学生提供考前心理疏导", body, tax).hazards == ["mental_health"]


def test_patrols_serve_the_texts_hazard(tax):
    # 巡逻 along the river, 人防物防 around the waters: the drowning campaign's means, not campus security
    body = ("入夏以来，镇政府组织村干部在辖区河道、水库沿线开展巡逻，劝离在水边嬉戏的学生。\n"
            "各村强化人防物防，在危险水域设置警示牌和防护栏。\n学校每周开展防溺水安全教育。")
    assert tag_hazards("镇政府多措并举做好防溺水工作", body, tax).hazards == ["drowning"]
    # the headline naming the patrol keeps it (a police station's campus-guard campaign)
    assert "security" in tag_hazards("派出所强化校园安防巡逻", body, tax).hazards
    # so does a patrol against crime around schools
    body = ("开学首日，派出所民警在辖区各校门口设立护学岗，疏导接送车辆。\n"
            "民警在上下学高峰时段开展巡逻，严防涉校违法犯罪。\n交警提醒家长接送孩子时遵守交通规则，注意出行安全。")
    assert "security" in tag_hazards("开学首日 民警全力守护师生平安", body, tax).hazards


def test_a_fire_drill_on_disaster_prevention_day_is_a_fire_drill(tax):
    body = ("5月12日是全国防灾减灾日，学校组织全体师生开展消防应急疏散演练。\n"
            "警报响起后，各班学生用湿毛巾捂住口鼻，弯腰沿疏散通道有序撤离，迅速避险。\n"
            "消防员随后讲解了灭火器的使用方法。")
    assert tag_hazards("学校开展消防应急疏散演练", body, tax).hazards == ["fire"]


def test_an_injury_told_as_the_incident_is_not_an_answer(tax):
    body = ("近期，我校发生多起学生课间追逐打闹摔伤事件，给学生身体造成伤害。\n"
            "学校要求各班主任加强课间巡查，教育学生文明游戏。\n天气转冷，请家长提醒孩子注意防寒保暖。")
    assert "accident_general" in tag_hazards("学校加强课间安全管理", body, tax).hazards


def test_a_beating_told_as_it_happened_is_bullying(tax):
    body = ("据县教育局微信公众号消息，网传一学生在学校被打视频，经核实情况属实。\n"
            "18日下午，该生在宿舍被打，被现场学生拍摄后上传。\n公安、教育等部门已介入调查，将以零容忍态度打击校园欺凌行为。")
    assert "bullying" in tag_hazards("县教育局通报一学生在校被打事件", body, tax).hazards
    # a body recovered from the water (尸体被打捞上岸) is no beating
    body = ("两名小学生在海边玩耍时不幸溺亡，学生安全教育再敲警钟。\n18日上午9时许，一人遗体被打捞上岸，同伴泣不成声。\n"
            "当天下午，另一人遗体也被打捞上岸。\n教育部门再次提醒家长加强监护，严防学生溺水，确保学生安全。")
    assert "bullying" not in tag_hazards("两名小学生海边溺亡", body, tax).hazards


def test_a_safe_journey_in_a_storm_notice_is_the_storms(tax):
    body = ("受寒潮影响，我县将出现暴雪和道路结冰天气，全县中小学明日停课一天。\n"
            "请家长看护好孩子，雪天注意出行安全，不到结冰的河面上玩耍。")
    assert tag_hazards("关于暴雪天气全县中小学停课的通知", body, tax).hazards == ["extreme_weather"]
    # managed as a task of its own, it is traffic
    body += "\n各校要强化学生出行安全管理，落实专人负责。"
    assert "traffic" in tag_hazards("关于暴雪天气全县中小学停课的通知", body, tax).hazards


def test_a_hazard_the_headline_names_is_no_aside(tax):
    body = ("近日，城关区一所幼儿园多名幼儿出现呕吐、腹泻等症状，家长随即将孩子送往医院就诊。\n"
            "接到报告后，区教体局和区疾控中心第一时间派人到园调查，并对出现症状的幼儿进行采样。\n"
            "幼儿园已对教室、寝室和餐具进行全面消杀，并暂停部分集体活动。\n"
            "区教体局表示，将持续跟踪幼儿的身体状况，检测结果出来后将及时向家长通报。\n"
            "目前，大部分幼儿已经康复返园，园内教学秩序正常。")
    assert tag_hazards("幼儿园多名幼儿疑似诺如病毒感染", body, tax).hazards == ["epidemic"]


def test_a_laboratory_blast_is_laboratory_safety_and_its_injured_are_its_own(tax):
    body = ("9月20日上午，某大学化学学院发生一起实验室爆炸事故，两名研究生受伤。\n"
            "学校立即启动应急预案，受伤学生被及时送医，无生命危险。\n事故原因正在调查中。")
    assert tag_hazards("某大学化学实验室发生爆炸", body, tax).hazards == ["lab_chemicals"]


def test_a_spun_reprints_food_safety_is_food_safety(tax):
    # a synonym spinner writes 平安 for 安全 and 食物 for 食品
    body = ("为切实保障师生饮食平安，县市场监管局于秋季学期初组织开展了全县学校食堂食物平安风险隐患专项排查。\n"
            "对检查中发现的问题，执法人员均现场提出整改意见。")
    assert tag_hazards("县市场监管局开展秋季学校食物平安专项排查", body, tax).hazards == ["food_safety"]


def test_a_portals_trending_searches_are_navigation(tax):
    body = ("推广 热搜:  App  地震台网  质检  火灾  助攻,发扬,  作者,\n"
            "县教育局近日召开会议，要求各校严格落实校领导陪餐制度，加强食堂食品安全管理。\n"
            "各校要做好食材采购查验和留样工作，确保师生饮食安全。")
    assert tag_hazards("县教育局部署学校食品安全工作", body, tax).hazards == ["food_safety"]


def test_a_site_menu_kept_one_link_a_line_is_navigation(tax):
    menu = "\n".join(["网站首页", "单位简介", "关于我们", "组织机构", "重要资讯", "工作部署", "学术研究", "生命教育",
                      "专项服务", "遏制校园欺凌", "防范伤害事故", "预防学生自杀"])
    body = (menu + "\n做好校园防寒防冻 确保学生安全温暖过冬\n"
            "日前，教育部印发通知，要求各地进一步做好中小学冬季防寒取暖工作。\n"
            "各地要排查学校取暖设施，严防煤气中毒，做好雨雪冰冻天气应对。")
    assert set(tag_hazards("做好校园防寒防冻 确保学生安全温暖过冬", body, tax).hazards) <= {"gas_poisoning", "extreme_weather"}


def test_a_spot_by_a_place_or_its_staff_is_no_hint_of_the_places_hazard(tax):
    # 食堂负责人, 食堂门口: where a gas check goes on, who is told; not the canteen's food safety
    body = ("在学校食堂，检查人员重点检查燃气管道是否老化、燃气报警器是否正常运行。\n"
            "对发现的安全隐患，检查人员第一时间与食堂负责人沟通，责令限期整改。\n"
            "检查人员还在食堂门口向师生发放燃气安全宣传资料。")
    assert tag_hazards("开展校园燃气安全检查", body, tax).hazards == ["gas_poisoning"]


def test_the_roads_around_a_school_are_traffics_not_campus_security(tax):
    body = ("为确保校园安全，开学期间交警大队组织民警对辖区校园及周边道路交通安全设施进行全面检查。\n"
            "民警全面掌握校园周边道路状况，逐一登记在册。\n"
            "放学时段，民警在校园周边路口值守，护送学生安全通过。")
    assert tag_hazards("交警护航开学季道路交通安全", body, tax).hazards == ["traffic"]


def test_quotation_marks_do_not_break_a_phrase(tax):
    body = "全州学校持续推进“三防”建设，封闭化管理率达到100%，校园安全防范能力明显提升。"
    r = tag_hazards("推进中小学“三防”建设", body, tax)
    assert "security" in r.hazards
    ev = next(e for e in r.evidence if e.field == "body" and e.phrase == "三防建设")
    assert body[ev.start:].startswith("三防”建设")


def test_words_across_word_boundaries_do_not_count(tax):
    body = ("学校利用电子显示屏播放防诈骗提示，教育学生防范电信诈骗，确保安全。"
            "民警调研学生的防骗意识，筑牢未成年人防诈骗防线，做好校园安全工作。")
    assert tag_hazards("学校开展防诈骗宣传教育", body, tax).hazards == ["fraud"]


def test_a_cited_title_and_a_remark_in_brackets_are_not_measures(tax):
    body = ("检查组依据《危险化学品储存场所治安防范要求》，查看了实验室危化品存放和台账登记情况。"
            "各校要落实实验室安全责任，负责在校学生（包括校车上的学生）的安全。")
    assert tag_hazards("督查高校实验室危化品安全", body, tax).hazards == ["lab_chemicals"]


def test_a_navigation_line_does_not_count(tax):
    body = ("首页学会简介新闻动态通知公告校园欺凌防治心理健康教育交通安全防溺水专题消防安全知识禁毒教育网络安全周联系我们\n"
            "检查组对高校实验室危险化学品管理开展督查，发现问题当场反馈，要求限期整改，落实实验室安全责任。")
    assert tag_hazards("高校实验室安全督查", body, tax).hazards == ["lab_chemicals"]
    # a run of links with no separator at all: its navigation words say what it is
    run = "网站首页学会简介关于我们组织机构机构负责人重要资讯工作部署新闻讯息学会活动学术研究校园欺凌防治专题防溺水专题"
    assert menu_spans(run) == [(0, len(run))]


def test_a_posters_lines_joined_without_commas_are_prose_not_navigation(tax):
    # one clause a line on a phone poster, joined: few commas, no separators, no navigation words
    body = ("2022年10月22日凌晨江西省某培训学校学生宿舍内突发火灾当场夺走了1个年轻的生命另1人虽侥幸逃生"
            "但身上多处严重烧伤在火灾现场调查人员发现了一辆被烧毁的电动自行车残骸经调查火是从电动车电池盒位置"
            "燃起的随后引燃电动车塑料部件形成了火灾")
    assert "fire" in tag_hazards("电动车为何在学生宿舍起火", body, tax).hazards
    assert menu_spans(body) == []


def test_the_body_repeating_the_title_counts_once(tax):
    title = "学校开展安全检查"
    body = title + "\n检查组查看了食堂留样记录。"
    r = tag_hazards(title, body, tax)
    assert "food_safety" not in r.hazards  # 留样 once is a hint, not two


def test_two_safety_words_in_one_sentence_of_an_unrelated_text_are_not_enough(tax):
    body = ("边防支队选派民警担任学校法制副校长，开展国防教育和法治教育，帮助学校排查安全隐患，整治学校周边治安环境。"
            "学校被授予模范学校称号，学生代表发言。")
    r = tag_hazards("小学被授予模范学校称号", body, tax)
    assert r.hazards == []


def test_a_weak_word_called_a_hazard_counts(tax):
    # a deputies' inspection report: the one building sentence says the classrooms are unsafe
    title = "县人大代表视察全县学校安全工作"
    body = ("近日，县人大代表视察了全县学校安全工作。\n"
            "代表们肯定了教育部门所做的工作，也指出部分学校教学楼存在安全隐患，需尽快整改。")
    assert "building" in tag_hazards(title, body, tax).hazards
    # a building named as a place, with no hazard said of it, is not one
    body = "近日，县人大代表视察了全县学校安全工作。\n代表们在教学楼前听取了校长的汇报。"
    assert "building" not in tag_hazards(title, body, tax).hazards


def test_a_hazard_guarded_against_is_a_task_even_beside_a_dominant_one(tax):
    # 谨防雷电 in a sentence about landslides: the weather is a task of its own, not a remark in passing
    title = "县教育局部署汛期地质灾害防范工作"
    body = ("各校要做好山洪、滑坡、泥石流等地质灾害防范，开展地质灾害隐患排查。\n"
            "地质灾害易发区的学校要制定避险转移方案，组织师生开展地质灾害应急演练。\n"
            "汛期天气多变，外出时谨防雷电，不要靠近易发生山洪、滑坡的沟谷。")
    r = tag_hazards(title, body, tax)
    assert {"natural_disaster", "extreme_weather"} <= set(r.hazards)


def test_bad_weather_named_so_is_extreme_weather(tax):
    body = "各地要密切关注天气预报，遇到恶劣天气时及时启动应急预案，必要时停课。"
    assert "extreme_weather" in tag_hazards("关于做好冬季学校安全工作的通知", body, tax).hazards


@pytest.mark.parametrize("body", [
    "各校清理校园排水沟渠，严防校园积水内涝，确保师生安全。",
    "气象台发布预警，各校要做好龙卷风等强对流天气的防范，必要时组织师生就近避险。",
])
def test_waterlogging_and_tornadoes_are_extreme_weather(tax, body):
    assert "extreme_weather" in tag_hazards("关于做好汛期学校安全工作的通知", body, tax).hazards


def test_a_phrase_split_by_a_cut_title_is_read_whole(tax):
    # a page without a headline gets its opening line cut for a title; the cut may fall inside a
    # phrase (…重点讲清防溺|水知识…), which is then read whole, as the title's
    line = "暑假将至，某县教育局近日印发通知，要求各中小学在放假前开展一次专题教育，重点讲清防溺水知识，并通过家长群推送提示。"
    body = line + "\n各校要在放假前完成。"
    title = line[:line.index("防溺水") + 2]
    assert tag_hazards(title, body, tax).hazards == ["drowning"]


def test_security_facilities_are_campus_security(tax):
    # 安全防范 alone is any safety work; its facilities and their building are campus security
    body = ("会议指出，部分学校安全防范设施还不完善。\n"
            "各校要落实中小学幼儿园安全防范建设要求，年底前完成改造。")
    assert "security" in tag_hazards("县教育局召开学校安全工作会议", body, tax).hazards


def test_a_word_ending_before_a_security_word_is_not_campus_security(tax):
    # 平安保驾护航 holds 安保: 平安 before 保驾
    title = "市场监管局开展春季校园食品安全专项检查"
    body = ("市场监管局开展春季校园食品安全专项检查。\n检查人员查看了学校食堂的食材采购台账和留样记录。\n"
            "下一步，该局将持续加强监管，为新学期校园平安保驾护航。")
    assert tag_hazards(title, body, tax).hazards == ["food_safety"]


def test_a_campaign_called_a_safety_battle_is_not_campus_security(tax):
    # 质量安全保卫战 holds 安全保卫; a title naming it would make campus security the primary
    title = "市场监管系统打响开学季校园质量安全保卫战"
    body = ("开学之际，市场监管部门对学校食堂开展食品安全专项检查。\n"
            "检查人员查看了食材采购台账和留样记录，督促学校落实食品安全主体责任。")
    r = tag_hazards(title, body, tax)
    assert r.hazards == ["food_safety"] and r.primary == "food_safety"

def test_self_built_houses_are_building_safety(tax):
    body = ("检查组对各校安全隐患排查整治情况进行实地检查。\n"
            "重点检查了学校周边经营性自建房安全专项整治的推进情况。")
    assert "building" in tag_hazards("县教育局开展平安校园验收检查", body, tax).hazards


def test_a_route_is_no_wiring(tax):
    # a railway's or a school bus's route (线路安全畅通, 铁路线路, 校车运行线路), not power lines
    body = ("为确保春运期间线路安全畅通，铁路警方开展为期一个月的护路宣传活动。\n"
            "民警走进沿线中小学，教育学生不在铁路线路上行走、玩耍，不向列车投掷石块。\n民警还向学生发放了铁路安全宣传资料。")
    assert "electrical" not in tag_hazards("铁路警方确保春运期间线路安全畅通", body, tax).hazards


def test_makeshift_and_unauthorised_campus_buildings_are_building_safety(tax):
    body = ("区教育局对辖区学校、幼儿园开展暑期安全排查。\n"
            "检查中发现有3所幼儿园在园内违章搭建临时建筑，已责令其限期拆除。\n各校要举一反三，抓好整改。")
    assert "building" in tag_hazards("区教育局开展校园暑期安全排查", body, tax).hazards


@pytest.mark.parametrize("title, body", [
    ("交警查处一辆超速接送学生面包车", "放学时分，民警在县道执勤时拦下一辆接送学生的面包车，超速行驶。\n民警依法对驾驶人作出处罚。"),
    ("教师外出交流途中发生车祸", "上午9时许，一辆载有教师的中巴车在高速公路上发生车祸，造成2人受伤。\n市教育局已启动应急预案。"),
])
def test_overloading_and_crashes_are_traffic_safety(tax, title, body):
    assert "traffic" in tag_hazards(title, body, tax).hazards


@pytest.mark.parametrize("title, body", [
    ("幼儿园招生工作通知", "各幼儿园要严格控制班额，严禁超员招生，班额超员的要限期整改。\n招生工作要公开透明。"),
    ("关于对教师违纪问题的通报", "某校教师张某酒驾被查处，给予党内警告处分。\n各校要以案为鉴，加强师德师风建设。"),
])
def test_an_oversized_class_or_a_teachers_discipline_case_is_no_traffic_notice(tax, title, body):
    assert "traffic" not in tag_hazards(title, body, tax).hazards


def test_the_school_building_safety_programme_is_building_safety(tax):
    # 校安工程 (中小学校舍安全工程), 校舍加固: a renovation report with no other safety word
    body = ("暑假是校安工程施工的黄金期，今年全市共有20所学校实施维修改造项目。\n"
            "记者从市教体局了解到，目前12个校舍加固项目已全部开工，8月底前全部完工，保证学生按时开学。")
    assert tag_hazards("全市加快推进暑期学校维修改造", body, tax).hazards == ["building"]


@pytest.mark.parametrize("phrase", ["电气消防安全", "电气火灾隐患", "居家用电用气安全", "冬季用气用电安全", "宿舍私拉电线",
                                    "宿舍内大功率用电现象", "部分学校用电线路不规范", "教室插座等用电设施老化"])
def test_wiring_and_power_use_are_electrical_safety(tax, phrase):
    body = f"检查组对全县学校开展安全大检查。\n检查中发现{phrase}等问题，已责令限期整改。"
    assert "electrical" in tag_hazards("县教育局开展校园安全大检查", body, tax).hazards


def test_canteen_hygiene_and_leaders_eating_with_students_are_food_safety(tax):
    body = "检查组重点查看了危化品管理、监控系统运行、餐厅卫生、校领导跟餐等情况。"
    assert "food_safety" in tag_hazards("县教育局开展开学安全检查", body, tax).hazards


def test_washing_and_disinfecting_dishes_is_canteen_hygiene_not_an_epidemic(tax):
    body = ("开学之际，区市场监管局对辖区学校食堂开展食品安全专项检查，排查校园安全隐患。\n"
            "检查人员重点查看了食材采购贮存、食品留样、清洗消毒等关键环节。\n"
            "执法人员要求各校做好餐饮具清洗消毒，落实从业人员晨检制度。")
    r = tag_hazards("区市场监管局开展开学季校园食品安全检查", body, tax)
    assert r.hazards == ["food_safety"]

def test_the_last_item_of_a_list_of_departments_is_a_participant(tax):
    # 应急管理、卫健、消防等部门: who gives the talks in a traffic campaign, not fire safety
    body = ("市教育局联合市公安、交警部门开展交通安全进校园宣讲活动，排查校园安全隐患。\n"
            "同时联合市应急管理、卫健、消防等部门开展进校园专题讲座一百场。\n"
            "各校还向周边商户发放了宣传册。")
    assert tag_hazards("市教育局开展交通安全进校园活动", body, tax).hazards == ["traffic"]


@pytest.mark.parametrize("departments", ["教育、消防、市场监管等部门", "应急、消防救援等部门", "交警、消防、生态环境和街道等15个单位"])
def test_any_item_of_a_list_of_departments_is_a_participant(tax, departments):
    body = (f"县公安局联合{departments}对校园周边开展专项整治，排查校园安全隐患。\n"
            "民警在校门口设置护学岗，加强上下学时段巡逻防控，严厉打击涉校违法犯罪。")
    assert "fire" not in tag_hazards("县公安局开展校园周边治安整治", body, tax).hazards

@pytest.mark.parametrize("rescuers", ["公安、消防等多支救援力量", "校方、消防和医疗等多方力量"])
def test_the_fire_brigade_among_the_rescuers_of_a_drowning_is_a_participant(tax, rescuers):
    body = ("7月3日下午，两名学生在河边玩耍时不慎落水。\n"
            f"事发后，{rescuers}赶赴现场全力搜救。\n两名学生经抢救无效不幸身亡。\n"
            "市教育局再次提醒家长加强对孩子的看护，严防溺水事故发生。")
    assert tag_hazards("两名学生落水溺亡", body, tax).hazards == ["drowning"]


@pytest.mark.parametrize("title, body", [
    ("县交警大队开展校车安全检查", "民警逐车检查了校车的轮胎、安全带、逃生锤、灭火器等安全设备，核查驾驶人资质。\n"
     "民警要求校车驾驶人严禁超速超员，确保学生乘车安全。"),
    ("校车开学前“体检”", "民警逐车查看车况和驾驶人资质，严禁超速超员。\n此外，还重点检查了灭火器配备情况，查看是否在有效期内。"),
])
def test_a_school_buss_extinguisher_is_one_of_its_fittings(tax, title, body):
    assert tag_hazards(title, body, tax).hazards == ["traffic"]


@pytest.mark.parametrize("title, body, expected", [
    # a headline naming buses among other places: the dormitory's extinguishers are its own
    ("寒假前安全大检查：校车、食堂、宿舍一个不落",
     "检查组逐车查看了校车的轮胎和安全带。\n在学生宿舍，检查组逐层查看了灭火器是否在有效期内。\n"
     "在食堂，检查组查看了食材留样和进货台账，督促落实食品安全主体责任。", {"fire", "traffic", "food_safety"}),
    # an e-bike pushed into a dormitory is no vehicle checked
    ("学校开展宿舍安全检查", "严禁学生将电动车辆推入宿舍楼内，宿舍楼每层配备灭火器。\n宿管员每晚巡查消防通道。", {"fire"}),
    # a fire on board: the extinguisher puts it out
    ("校车起火怎么办？这堂课教会孩子自救", "车上起火时，司机会立即停车并使用车载灭火器扑救。\n同学们要听从指挥，从安全门有序撤离。",
     {"fire"}),
])
def test_an_extinguisher_is_a_vehicles_fitting_only_in_a_vehicles_check(tax, title, body, expected):
    assert expected <= set(tag_hazards(title, body, tax).hazards)


def test_a_fire_told_as_it_happened_is_fire(tax):
    body = "11月5日晚，某校学生宿舍因使用违规电器起火，宿管员及时扑灭，无人员伤亡。\n学校随即对全部宿舍开展排查。"
    assert "fire" in tag_hazards("一学生宿舍起火 无人员伤亡", body, tax).hazards


def test_an_extinguisher_without_a_vehicle_is_fire_safety(tax):
    body = "学校组织师生开展消防演练，消防员现场讲解灭火器的使用方法。\n各班有序疏散到操场。"
    assert "fire" in tag_hazards("学校开展消防演练", body, tax).hazards


@pytest.mark.parametrize("office", [
    "学校安保处",  # a school's own office (处, 科) named after a hazard
    "县公安局治安管理大队",  # 管理 between the word and the body's suffix
    "学校总务、综治等相关人员",  # a list of staff by their duties
])
def test_an_office_named_after_a_hazard_is_not_that_hazard(tax, office):
    body = ("为做好冬季校园消防安全工作，学校对学生宿舍开展消防安全检查，排查火灾隐患。\n"
            f"此次检查由{office}牵头组织。\n检查组查看了灭火器、应急照明和疏散通道，要求限期整改。")
    assert tag_hazards("学校开展冬季消防安全检查", body, tax).hazards == ["fire"]


def test_a_list_of_plain_words_does_not_make_a_text_about_safety(tax):
    # 建筑 and 交通 are tasks only in a safety text: a list of where lights go on for Teachers' Day
    # does not make a text one
    body = ("教师节期间，市教育局联合宣传部门在全市标志性建筑、中小学校、公共交通站点开展亮灯活动。\n"
            "各学校将为从教三十年的教师颁发荣誉证书，并组织学生为老师送上祝福。")
    assert tag_hazards("全市开展尊师重教系列活动", body, tax).hazards == []
    # with a keyword among the items, the list is a safety task list
    body = "各学校要加强交通、建筑和消防安全隐患排查，确保师生安全。\n学校组织开展安全教育。"
    assert {"traffic", "fire"} <= set(tag_hazards("学校安全工作", body, tax).hazards)


def test_a_schools_honour_named_after_a_hazard_is_not_that_hazard(tax):
    # a work report's list of titles its schools hold: 消防安全示范校 is an honour, not a measure
    body = ("全区现有全国文明校园2所、消防安全示范校1所、足球特色学校5所。\n"
            "区教育局全年新增学位三千个，完成教师招聘两百名，义务教育优质均衡发展通过省级评估。\n"
            "全区学校消防安全示范校创建工作稳步推进。")
    assert tag_hazards("区人民政府履行教育职责工作报告", body, tax).hazards == []


def test_the_subject_of_a_leaders_remarks_being_studied_is_not_a_hazard(tax):
    # a study session on remarks "关于…防灾减灾救灾": citing their subject, not acting on it
    body = ("会议传达学习了习近平总书记关于应急管理、防灾减灾救灾重要论述。\n"
            "会议要求，各学校要加强理论学习，推动主题教育走深走实。\n"
            "会议还部署了下半年学校安全工作，要求各学校开展安全隐患排查。")
    assert tag_hazards("县教育局召开党组理论学习中心组学习会", body, tax).hazards == []


def test_shops_around_schools_are_a_market_inspection_not_campus_security(tax):
    # 校园周边 before 商超 / 文具店 / 消费: where the inspectors went, not the schools' security
    body = ("开学之际，市场监管局对辖区学校食堂开展食品安全专项检查，排查校园安全隐患。\n"
            "执法人员还检查了校园周边商超和文具店销售的学生用品。\n"
            "该局将持续净化校园周边消费环境。")
    assert tag_hazards("市场监管局开展开学季校园食品安全检查", body, tax).hazards == ["food_safety"]


def test_other_is_the_primary_only_when_no_named_hazard_is_assigned(tax):
    title = "派出所民警走进校园开展普法宣讲"
    body = ("民警为学生讲解了交通安全知识和禁毒知识。\n民警展示了毒品仿真模型，提醒学生远离毒品、拒绝诱惑。\n"
            "民警还提醒学生上下学途中戴好头盔。")
    r = tag_hazards(title, body, tax)
    assert set(r.hazards) == {"traffic", "other"} and r.primary == "traffic"
    r = tag_hazards(title, "民警展示了毒品仿真模型，提醒学生远离毒品。\n民警还讲解了禁毒知识。", tax)
    assert r.hazards == ["other"] and r.primary == "other"


def test_quoted_items_side_by_side_are_a_list_of_hazards(tax):
    # “消防安全”“交通安全”“防溺水”: an enumeration written with quotation marks instead of 、
    body = ("市教委将在部分区县建设一批体验基地。\n"
            "各基地分别围绕“消防安全”“交通安全”“防溺水”等主题，开展以体验、实践为主的教育活动。\n"
            "市教委还将为高中生免费配送教材。")
    r = tag_hazards("本市推进中小学体验基地建设", body, tax)
    assert {"fire", "traffic", "drowning"} <= set(r.hazards)


def test_a_boiler_in_a_heating_story_is_the_scene_not_special_equipment(tax):
    # 锅炉 named where no check, upkeep or safety of it is: the heating story, not its safety
    body = ("入冬以来，县第三中学的师生告别了烧煤取暖。以前每到冬天，工人天不亮就要赶到学校烧锅炉，教室里满是煤烟味。"
            "今年学校完成了煤改电工程，锅炉拆除后，每间教室都装上了电暖器，师生们在温暖的教室里上课。"
            "学校负责人介绍，改造后取暖费用下降了一半。")
    assert "special_equipment" not in tag_hazards("告别煤炉取暖 学校温暖过冬", body, tax).hazards
    # a boiler that is checked is special equipment
    body = ("县教育局组织安全检查组对全县寄宿制学校开展冬季安全检查，重点检查锅炉运行、司炉人员持证上岗和锅炉房消防设施。"
            "检查组对发现的问题当场反馈，要求限期整改。")
    assert "special_equipment" in tag_hazards("县教育局开展冬季校园安全检查", body, tax).hazards


@pytest.mark.parametrize("body", [
    "检查组现场查看了安保设施、消防设施、餐厨安全和校园周边环境，要求各校限期整改。",   # 餐厨 named as a topic
    "检查组对学校食堂的索证索票、台账登记进行了查验，要求严格落实各项制度。",
    "县疾控中心经流行病学调查，排除了食源性疾病，学生已全部返校上课。",
])
def test_canteen_supply_checks_and_foodborne_illness_are_food_safety(tax, body):
    assert "food_safety" in tag_hazards("学校安全检查情况通报", body, tax).hazards


def test_a_sandstorm_that_closes_schools_is_extreme_weather(tax):
    body = "气象台发布沙尘暴橙色预警，市教育局根据预警发布通知，全市中小学停课一天，并取消所有户外活动。"
    assert "extreme_weather" in tag_hazards("沙尘来袭 部分中小学停课", body, tax).hazards


def test_a_vehicles_fittings_are_not_a_list_of_hazards(tax):
    # 安全带 and 灭火器 among seven fittings of a school bus: a checklist, not fire safety
    body = ("县教育局联合交警大队对全县校车开展安全检查，对校车的警示灯、停车牌、轮胎、灭火器、安全带、安全门、"
            "防滑链等设施设备进行了细致检查，并对驾驶员资质进行了核查。")
    assert tag_hazards("全县校车开展安全大检查", body, tax).hazards == ["traffic"]


def test_a_list_that_closes_on_risks_is_a_list_of_hazards_however_few_its_keywords(tax):
    body = ("检查组对全县学校校舍开展排查，主要就门窗玻璃松动、基础下沉、用电线路老化、墙面渗水、"
            "应急灯及消防设施能否正常使用等安全隐患进行排查。")
    assert "fire" in tag_hazards("全县校舍安全隐患排查", body, tax).hazards


def test_a_fittings_list_closing_on_whether_there_are_problems_is_still_fittings(tax):
    body = "交警大队检查校车轮胎、安全带、灭火器、逃生锤、行车记录仪等是否存在问题，并对驾驶员开展培训。"
    assert tag_hazards("全县校车开展安全大检查", body, tax).hazards == ["traffic"]


def test_a_special_equipment_campaign_is_special_equipment(tax):
    body = "为加强学校特种设备监管，市场监管局决定在全市学校开展特种设备专项整治行动。"
    assert "special_equipment" in tag_hazards("关于开展学校特种设备专项整治行动的通知", body, tax).hazards


def test_a_laboratorys_high_temperature_high_pressure_equipment_is_special_equipment_not_weather(tax):
    body = ("近日，学院组织开展实验室安全专项检查。\n"
            "检查组重点围绕危化品管理、高温高压设备使用、消防设施配备等方面逐一排查，现场反馈问题并要求整改，确保校园安全。")
    r = tag_hazards("学校开展实验室安全专项检查", body, tax)
    assert "special_equipment" in r.hazards and "extreme_weather" not in r.hazards
    # … not a canteen's sterilising cabinet
    body = ("近日，县市场监管局对辖区学校食堂开展食品安全检查。\n"
            "检查发现，各校食堂餐具统一采用高温高压消毒，确保师生用餐安全。")
    assert "special_equipment" not in tag_hazards("学校食堂食品安全检查", body, tax).hazards
    # … nor its furnaces and heating equipment, an item of the inspection's list
    body = ("近日，省教育厅检查组到学院开展实验室安全检查。\n"
            "检查组指出了部分实验室危险化学品、压力容器、高温仪器设备的使用和管理等方面存在的问题，提出了整改要求。")
    assert "extreme_weather" not in tag_hazards("教育厅检查组到学院开展实验室安全检查", body, tax).hazards


def test_a_body_named_after_several_tasks_is_a_participant(tax):
    # 防汛防风防旱指挥部 issues the closure; the notice is about the rainstorm
    body = ("受强降雨影响，县防汛防风防旱指挥部发布紧急通告，全县中小学、幼儿园明日停课一天。\n"
            "各学校要通知到每一位家长，提醒学生暴雨期间不要外出。")
    r = tag_hazards("暴雨来袭 全县中小学停课", body, tax)
    assert r.hazards == ["extreme_weather"]


def test_weather_named_as_the_disaster_is_extreme_weather(tax):
    body = ("根据气象部门预报，全市将出现降雪、大风、低温等恶劣天气，根据市教育局低温冰冻雨雪灾害应急预案，"
            "决定全市中小学停课一天。\n各学校要通知到全体家长，指导学生和家长做好防雨雪灾害准备。\n"
            "寄宿制学校要做好在校学生的防寒保暖工作。")
    r = tag_hazards("暴雪来袭 全市中小学停课", body, tax)
    assert r.hazards == ["extreme_weather"]
    body = "各学校要做好防范雨雪灾害的各项准备，加强校舍巡查，确保师生安全。"
    assert tag_hazards("关于做好防范雨雪灾害工作的通知", body, tax).hazards == ["extreme_weather"]


def test_prohibited_appliances_in_a_dormitory_are_electrical_not_security(tax):
    body = ("为消除宿舍安全隐患，学校定于本周开展学生宿舍安全检查。\n"
            "检查重点为宿舍内违禁电器、大功率电器和私拉乱接电线情况，发现违禁用电器当场没收。\n"
            "对违规违禁物品做好登记，收缴物品由各学院处理。")
    r = tag_hazards("关于开展学生宿舍安全检查的通知", body, tax)
    assert "electrical" in r.hazards and "security" not in r.hazards
    body = "开学前，派出所民警到学校检查安检门运行情况，提醒门卫严禁学生携带管制刀具等违禁品进入校园。"
    assert "security" in tag_hazards("民警进校园检查安防设施", body, tax).hazards


def test_a_market_regulators_work_around_schools_is_not_campus_security(tax):
    body = ("开学前夕，区市场监管局开展校园周边环境专项整治，规范校园周边经营秩序，保障学生食品安全。\n"
            "执法人员重点检查学校周边便利店、小餐饮的食品安全，查处过期食品和“三无”食品，消除安全隐患。")
    r = tag_hazards("区市场监管局开展开学季专项检查", body, tax)
    assert "food_safety" in r.hazards and "security" not in r.hazards
    # the police's work around schools is
    body = "开学前夕，区公安分局开展校园周边环境专项整治，加强上下学时段巡逻防控，排查校园周边治安隐患。"
    assert "security" in tag_hazards("区公安分局开展校园周边环境专项整治", body, tax).hazards


@pytest.mark.parametrize("sentence", [
    "疏散过程中，学生之间没有发生一起拥挤、踩踏事件。",
    "各班主任组织好楼层疏散秩序，确保不发生踩踏。",
    "整个疏散用时3分12秒，未发生拥挤踩踏等意外。",
])
def test_how_a_drill_went_is_not_its_subject(tax, sentence):
    # a stampede that did not happen, or that an evacuation kept from happening: the drill's conduct
    body = ("为提高师生火灾应急处置能力，4月2日，学校开展消防疏散演练。警报响起后，师生用湿毛巾捂住口鼻，"
            f"弯腰沿疏散通道有序撤离到操场。{sentence}随后消防员讲解了灭火器的使用方法。")
    r = tag_hazards("学校开展消防疏散演练", body, tax)
    assert r.hazards == ["fire"]


def test_a_drill_against_stampedes_is_still_about_stampedes(tax):
    body = ("4月7日，学校举行防楼梯拥挤踩踏应急疏散演练。疏散中没有发生一起踩踏事件。"
            "演练结束后，老师讲解了踩踏事故的成因和预防方法。")
    assert "accident_general" in tag_hazards("学校开展防踩踏应急疏散演练", body, tax).hazards
    # keeping a stampede from happening outside an evacuation is a measure of its own
    body = ("为做好开学安全工作，各学校要加强校园安全管理。上下学高峰时段安排专人在楼梯间值守引导，"
            "坚决防止踩踏事件发生。")
    assert "accident_general" in tag_hazards("关于做好开学安全工作的通知", body, tax).hazards


def test_a_computers_virus_is_no_epidemic(tax):
    body = ("国家网络安全宣传周期间，学校开展网络安全主题班会。“哪种行为最容易中木马病毒？”“遇到网络病毒怎么办？”"
            "同学们一边抢答，一边学习网络安全知识。\n学校还向学生发放了防范手机病毒和钓鱼网站的宣传资料。")
    r = tag_hazards("学校开展网络安全宣传周主题班会", body, tax)
    assert r.hazards == ["cyber"]


@pytest.mark.parametrize("title, body, code", [
    ("小学开展避震应急疏散演练", "3月1日，学校开展避震应急疏散演练，师生双手护头、弯腰低身，有序撤离到操场。", "natural_disaster"),
    ("中学27名学生就医 均已返校", "12月8日早上，学校部分学生出现腹痛、呕吐，医院称系食用不洁净食物引起，学生均已返校上课。",
     "food_safety"),
    ("镇中心小学顺利复学复课", "11月2日，镇中心小学迎来返校学生。复学复课前，学校做好核酸检测、场所消杀和物资保障等准备工作，"
     "并组织教职工开展演练。", "epidemic"),
    ("校门口装上防冲撞设施", "为提升校园安全防范水平，县公安局在各中小学校门口增设防撞柱和挡车球，守护学生上下学安全。", "security"),
    ("副市长调研督导校园安全工作", "调研组先后到两所中学查看校园安全工作。\n会议要求多部门联合开展校园周边综合整治，"
     "扎实做好校园食品安全、交通安全工作。", "security"),
])
def test_words_readers_use_for_a_hazard_without_its_usual_name(tax, title, body, code):
    # an earthquake drill called 避震, a poisoning told as 食用不洁净食物, a school reopening after an outbreak
    # with its tests and disinfection, barriers against ramming, the joint clean-up of a school's surroundings
    assert code in tag_hazards(title, body, tax).hazards


def test_a_beating_told_by_its_blows_is_bullying(tax):
    # 被飞踹、掌掴: the blows themselves tell the beating, as 殴打 and 被打 do
    body = ("近日，一段某中学学生在角落被打的视频在网络传播。\n视频显示，该男生被多名男生围住，被脚踹、掌掴。\n"
            "县公安局和县教育局随后发布情况通报，称当事学生被打后未向家长提及此事。\n目前涉事学生已被依法处理。")
    assert tag_hazards("一中学学生被多人围住", body, tax).hazards == ["bullying"]


def test_a_beating_at_school_told_in_three_sentences_is_bullying(tax):
    body = ("记者从县教育局获悉，该县一中学两名初二学生在教室内发生冲突。\n据介绍，打人学生叫来两名同学，将被打学生"
            "堵在教室角落。\n随后三人用拳脚殴打该学生，致其面部受伤。\n目前，被打学生已就医，学校和家长正在协商处理。")
    r = tag_hazards("一中学学生在教室内发生冲突", body, tax)
    assert r.hazards == ["bullying"]
    # told once, it stays a hint
    assert tag_hazards("一中学学生在教室内发生冲突", body.split("\n")[0] + "\n打人学生已被批评教育。", tax).hazards == []


def test_a_sentence_span_is_the_text_between_the_stops_around_it():
    # every offset of texts with and without stops, stops at the ends, stops side by side
    from indexer.enrich.hazards import _sentence

    def reference(text: str, pos: int) -> tuple[int, int]:
        start = max((text.rfind(c, 0, pos) for c in "。！？!?；;\n"), default=-1) + 1
        ends = [i for i in (text.find(c, pos) for c in "。！？!?；;\n") if i >= 0]
        return start, (min(ends) + 1 if ends else len(text))

    for text in ("", "没有句号的一段话", "。开头就是句号", "第一句。第二句！第三句？\n第四句；", "甲。。乙\n\n丙!?丁"):
        for pos in range(len(text) + 1):
            assert _sentence(text, pos) == reference(text, pos), (text, pos)


def test_weak_words_in_two_sentences_of_a_focused_text_are_not_a_hazard(tax):
    """A school safety text (two named hazards) that hints at buildings only by weak words: in two
    sentences that is scenery (the new slope by the playground, a wall being painted), in three it is a topic."""
    opening = "镇中心学校召开秋季开学安全工作会议，部署防溺水和交通安全工作。"
    hints = ["操场北侧新修的护坡已经完工。", "操场东侧的围墙正在粉刷。", "校舍的门窗全部更换。"]
    closing = "会议要求各班主任每周开展防溺水教育，落实交通安全提醒。"
    two = tag_hazards("开学安全工作会议", opening + "".join(hints[:2]) + closing, tax)
    assert {"drowning", "traffic"} <= set(two.hazards)
    assert "building" not in two.hazards
    three = tag_hazards("开学安全工作会议", opening + "".join(hints) + closing, tax)
    assert "building" in three.hazards


def test_weather_a_headline_names_is_the_cause_of_the_closure_in_the_body(tax):
    body = ("市教育局昨晚发出通知：全市中小学和幼儿园周二全天不上课，即停课一天，寄宿生留校由老师看护。\n"
            "各校周一放学前要组织人员清扫屋顶积雪，危房一律封闭，不得安排学生进入。")
    r = tag_hazards("我市迎来入冬首场大雪", body, tax)
    assert r.hazards[:1] == ["extreme_weather"] and "building" in r.hazards
    # a headline naming the weather over a text that closes nothing is a weather report
    calm = "记者从市气象台获悉，本次降雪将持续到周末，市民出行请注意安全。"
    assert "extreme_weather" not in tag_hazards("我市迎来入冬首场大雪", calm, tax).hazards


def test_a_gate_post_of_the_traffic_police_is_traffic_not_security(tax):
    body = ("开学首日，县交警大队在城区各中小学门前设立“护学岗”，民警疏导上下学高峰车辆，守护学生出行。\n"
            "此次护学岗将持续整个学期，交警每天在学校门口值守，确保道路交通有序。")
    r = tag_hazards("县交警大队开学首日站好护学岗", body, tax)
    assert "traffic" in r.hazards and "security" not in r.hazards
    # a police station's post at the gate is campus security
    body = "开学首日，城关派出所在辖区学校设立护学岗，民警在上下学时段值守巡逻，严防不法侵害。"
    assert "security" in tag_hazards("派出所设立护学岗", body, tax).hazards


def test_a_gate_post_in_a_text_of_traffic_police_alone_is_theirs_in_every_sentence(tax):
    # the headline's post and the body's sentence without 交通 are the traffic police's posts too
    body = ("守护学生平安上学路\n"
            "9月1日清晨，各校门口的“护学岗”早早就位，执勤人员引导学生有序进入校园。\n"
            "市公安局交警支队在全市42所中小学设点，疏导上下学高峰车辆，劝导家长即停即走。")
    r = tag_hazards("开学首日 站好“护学岗”", body, tax)
    assert "traffic" in r.hazards and "security" not in r.hazards
    # with a police station at work too, the post is also campus security
    body = body + "\n城关派出所同步加强校园周边巡逻，维护学校周边治安秩序。"
    assert "security" in tag_hazards("开学首日 站好“护学岗”", body, tax).hazards


def test_swimming_in_a_reservoir_is_drowning_even_in_a_flood_season_talk(tax):
    body = ("7月3日，镇中心学校召开暑期安全教育大会，就汛期防汛工作和暑期安全作出部署。\n"
            "会上，校长要求学生暑期严禁私自到水库、河边游泳，外出时远离危险区域。\n"
            "会议还要求各班利用家长群做好暑期安全提醒。")
    r = tag_hazards("镇中心学校召开汛期暑期安全教育大会", body, tax)
    assert "drowning" in r.hazards
    # swimming alone is a sport, a reservoir alone a place
    assert "drowning" not in tag_hazards("学校开展体育活动", "学校游泳队在市运动会上获得三枚金牌。", tax).hazards


@pytest.mark.parametrize("title, body, code", [
    ("县市场监管局开展开学季食品安全检查", "为保障师生饮食安全，县市场监管局开展校园食品安全专项检查，消除安全隐患。\n"
     "本月抽检覆盖中小学食堂、机关食堂、建筑工地食堂共四十余家，督促落实食品安全主体责任。", "building"),
    ("学校开展烟花爆竹安全教育", "老师提醒学生燃放烟花爆竹要选择空旷场地，不得向人群、车辆、建筑物投掷点燃的烟花爆竹。", "building"),
    ("市公安局网络安全保卫支队提醒谨防野生菌中毒", "民警走进学校食堂，提醒师生不采、不买、不吃野生菌，谨防食物中毒。\n"
     "民警还向学生讲解了食品安全知识，提醒学生注意饮食卫生。", "cyber"),
])
def test_a_word_in_a_name_is_not_its_hazard(tax, title, body, code):
    # a construction site's canteen, a building a firecracker must not be thrown at, the police's
    # cyber-security department
    assert code not in tag_hazards(title, body, tax).hazards


def test_a_channel_menu_above_the_repeated_headline_is_no_part_of_the_text(tax):
    # a food-safety paper's channel name (食安监管) on the lines above the headline the body repeats
    title = "山区学校学生营养餐实现全覆盖"
    body = ("食安监管\n贵州\n下拉\n" + title + "\n2019-12-08 来源：某报\n"
            "自2017年春季开始，该县全面启动农村义务教育学生营养改善计划，78所山区学校的2万多名学生受益。\n"
            "图为学生在食堂展示营养午餐。")
    assert tag_hazards(title, body, tax).hazards == []
    # a longer menu: the headline's line starts within the reach, its end may lie past it
    from indexer.enrich.hazards import HEADLINE_REACH, _title_copy
    longer = "食安监管\n" * 13 + body
    assert longer.find(title) < HEADLINE_REACH < longer.find(title) + len(title)
    assert _title_copy(title, longer) == [(0, longer.find(title) + len(title))]
    # the same words as the text's own are its subject
    assert "food_safety" in tag_hazards(title, "县市场监管局开展食安监管专项检查，检查学校食堂12家。\n" + body, tax).hazards


def test_the_neighbouring_articles_pager_is_no_part_of_the_text(tax):
    # the article a page links as the next one (下一条：…森林防火…) is not this one's subject
    body = ("近日，镇市场监管所联合学校开展校园周边食品安全检查，查处“三无”食品。\n检查人员要求经营户落实食品安全主体责任。\n"
            "上一条：镇政府召开森林防火工作专题会议\n下一条：县教育局部署秋季开学工作")
    assert "fire" not in tag_hazards("镇开展校园周边食品安全检查", body, tax).hazards


def test_guarding_against_the_summer_holidays_dangers_is_no_heat_warning(tax):
    # 严防暑期溺水: 防 + 暑期, not 防暑
    body = ("入夏以来，城关派出所把严防暑期溺水当作头等大事，辖区已三年没有学生溺水。\n"
            "今年入夏以来，民警走进辖区中小学开展防溺水安全教育，提醒学生不私自下水游泳。\n"
            "派出所还联合村委会在危险水域设立警示牌。")
    assert tag_hazards("派出所暑期防溺水工作有成效", body, tax).hazards == ["drowning"]


@pytest.mark.parametrize("title, body, code", [
    ("市教育局召开校园安全工作会议", "雷雨季节将至，会议部署各校防雷安全工作，年底前给所有教学楼装上避雷针。\n"
     "市气象局将派人到校检测防雷装置。", "extreme_weather"),
    ("某学院新校区多名学生送医", "周二夜里，学院新校区工地的挖掘机挖断了一根燃气主管，宿舍区闻到浓烈气味，多名学生感到头晕。\n"
     "学院把宿舍楼里的学生转移到操场，二十余人送医检查。\n经查，天然气泄漏由施工引起，抢修队已换好管道。", "gas_poisoning"),
    # weather named by its kind, a measure in the sentence; a phone or a game a child is hooked on
    ("某小学国庆假期致家长的一封信", "假期里请家长教育孩子注意防范暴风雨、雷雨等特殊天气，雷雨时不在大树下避雨。\n"
     "请家长按时接送孩子。", "extreme_weather"),
    ("某小学冬季安全致家长的一封信", "遇到冰雪路面，请提醒孩子上下学放慢脚步，注意防滑。\n"
     "学校将在开学前开展一次安全检查，排查安全隐患。", "extreme_weather"),
    ("某学院中秋假期致家长的一封信", "请家长控制孩子使用电子产品的时间，防止沉迷手机、电脑游戏。\n"
     "假期外出要注意交通安全，不私自下水游泳。\n学校将继续加强学生安全教育。", "cyber"),
    # a pupil who ran away from home, tired of school: mental health
    ("四名初中生结伴离家出走三天后被找回", "因为厌学，四名初中生从家中拿了钱结伴离家出走。\n三天后，民警在山里找到了他们。\n"
     "民警对孩子们进行了教育，并把他们送回家长身边。", "mental_health"),
    # a lift that broke down with students inside: its safety, told as it failed (the firefighters who
    # pry its door open take part: no fire safety)
    ("某职业学院教学楼电梯故障 十名学生被困", "教学楼五楼一部电梯突然发生故障，十名学生被困在电梯内。\n"
     "消防员赶到后撬开电梯门，把学生一一救出。", "special_equipment"),
])
def test_a_named_measure_or_incident_is_its_hazard(tax, title, body, code):
    # lightning protection (防雷) is weather safety; a gas leak (天然气泄漏) is gas safety
    assert code in tag_hazards(title, body, tax).hazards
    if code == "special_equipment":
        assert "fire" not in tag_hazards(title, body, tax).hazards


def test_children_falling_into_a_river_told_in_three_sentences_is_drowning(tax):
    body = ("周日午后，几名小学生在村口的堰塘边捉鱼，一名男孩脚下一滑，落入水中。\n"
            "同伴伸手去拉，也被带得掉入水中。\n路过的村民听到呼救，跳下去救起一人，另一名孩子沉入水中。\n"
            "半小时后，孩子被打捞上岸，送医后没能救回。\n镇里的学校随后召开了家长会。")
    assert tag_hazards("镇中心小学师生河边游玩发生意外", body, tax).hazards == ["drowning"]
    # told once, it stays a hint
    once = "周日午后，一名学生在堰塘边捉鱼时落入水中，被路过村民救起。\n周一，他已回到学校上课。"
    assert tag_hazards("路过村民救起一名学生", once, tax).hazards == []


def test_a_storm_told_as_it_hit_a_school_is_extreme_weather(tax):
    # no measure named (防, 预警, 停课 …): the blizzard is what happened, in three sentences (two are enough)
    body = ("连日的暴雪让山区公路全部中断，镇中学寄宿的一百多名学生放假后无法乘车回家。\n"
            "校长带着老师联系村里的拖拉机，可暴雪封了山路，车开不上山。\n"
            "第二天暴雪仍未停，派出所民警赶到学校，和老师一起步行四个小时把学生送到家长身边。\n"
            "家长们在朋友圈里写下感谢的话。")
    assert tag_hazards("山区中学师生踏雪步行送学生回家", body, tax).hazards == ["extreme_weather"]
    # told in two sentences, it is the story too (a typhoon that hit a school, then its clean-up)
    twice = ("台风重创我市，也对市特殊教育学校造成了较大影响，学校直到三天后才恢复供水供电。\n"
             "台风过后，学校领导分头带领教师清理校园、看望住校学生。\n家长们在朋友圈里写下感谢的话。")
    assert tag_hazards("市特校师生齐心恢复校园秩序", twice, tax).hazards == ["extreme_weather"]
    # told once, it stays a hint
    once = "连日的暴雪让山区公路中断，镇中学的学生晚了一天回家。\n家长们在朋友圈里写下感谢的话。"
    assert tag_hazards("山区中学学生晚了一天回家", once, tax).hazards == []
    # snow is no storm: a school's snow-scenery story is no safety text
    scenery = ("今冬的第一场大雪如约而至，实验小学的校园变成了一片银白的世界。\n下课铃一响，学生们冲进操场，在大雪中"
               "堆雪人、打雪仗。\n美术老师带着孩子们画下降雪后的校园。\n语文老师布置了以雨雪为题的小作文。")
    assert tag_hazards("瑞雪兆丰年 校园银装素裹", scenery, tax).hazards == []


def test_the_fire_services_people_in_an_enrolment_notice_name_no_hazard(tax):
    # 消防救援人员: the people of a service (their children enrolled first), not fire safety
    body = ("一、招生对象：符合入园条件的本市户籍适龄幼儿。\n二、优先招收现役军人、消防救援人员、公安民警等优抚对象子女。\n"
            "三、报名时间：8月20日至8月25日。\n四、报名地点：各公办幼儿园。\n五、符合条件的现役军人、消防救援人员子女凭证明材料报名。")
    assert tag_hazards("市公办幼儿园秋季招生公告", body, tax).hazards == []


def test_the_fire_services_engines_and_corps_at_a_rescue_name_no_fire_safety(tax):
    # engines sent and counted (出动2辆消防车), its rescue vehicles (消防救援车辆), its corps (消防救援总队,
    # 消防部队) and a list of an emergency's vehicles (消防车、救护车等应急车辆) at a drowning: the rescue
    drowning = "13日下午，两名中学生在城郊水库游泳时溺水失踪。\n"
    advice = "\n有关部门提醒，暑期切勿到无安全设施的水域游泳。"
    for rescue in ("接到报警后，当地出动2辆消防车和消防救援车辆赶往现场，搜救持续到深夜。",
                   "接到报警后，省消防救援总队调派水域救援队赶往现场，省消防救援总队连夜搜救。",
                   "接到报警后，当地消防部队赶往现场，消防部队连夜搜救。",
                   "当地组织消防车、救护车等应急车辆赶往现场，出动冲锋舟、渔船等搜救设备连夜搜救。",
                   "当地公安、应急等部门出动消防车、冲锋舟、渔船等搜救设备连夜搜救。",
                   "消防救援人员驾驶消防车赶往现场，连夜搜救。"):
        assert tag_hazards("两名中学生水库游泳溺水", drowning + rescue + advice, tax).hazards == ["drowning"], rescue
    # … but a fire engine visiting a school, and the fire lane a check keeps clear, are fire safety;
    # and the vehicles and gear a school keeps ready are no rescue (配齐防汛车辆、抽水泵等应急设备)
    for title, body, hazards in (
            ("消防车进校园", "一辆红色消防车开进县实验小学。\n消防员为师生讲解了消防车的功能，学生们排队参观消防车。", ["fire"]),
            ("县实验小学开展消防演练", "2辆消防车开进县实验小学。\n全校师生参加了消防疏散演练，学习了灭火器的使用方法。", ["fire"]),
            ("县教育局部署汛期学校安全工作", "县教育局部署汛期学校安全工作。\n要求各校配齐防汛车辆、抽水泵等应急设备，确保师生安全。",
             ["natural_disaster"]),
            ("县教育局开展校园安全检查", "县教育局检查各校安全工作。\n检查组重点查看了校园消防车通道是否畅通。", ["fire"])):
        assert tag_hazards(title, body, tax).hazards == hazards, title


def test_a_schools_dining_building_is_no_catering_trade(tax):
    # 红星中小餐饮楼: the 中小学's 餐饮楼 (a building going up), not 小餐饮 (small food sellers)
    body = ("县教育局督查全县在建校舍工程进度和施工安全。\n红星中小餐饮楼正在进行内部粉刷和水电安装，"
            "县第二幼儿园已基本完工。\n督查组要求施工单位排查安全隐患，确保秋季开学前交付使用。")
    r = tag_hazards("县教育局督查在建校舍工程进度", body, tax)
    assert r.hazards == ["building"]


def test_weather_a_school_text_comes_back_to_is_extreme_weather(tax):
    # snow in two sentences of a safety text, no measure beside it (dwelt_on: 2): a thing to prepare for
    title = "县实验小学开展冬季安全教育"
    body = ("本周以来我县持续降雪，气温明显下降。\n学校利用班会课开展安全教育，讲解冬季出行和校园活动的注意事项。\n"
            "降雪期间，值周教师提前到校，在校门口迎接学生进校。\n家长们纷纷点赞。")
    assert tag_hazards(title, body, tax).hazards == ["extreme_weather"]
    # named once, it sets the scene
    once = "本周以来我县持续降雪，气温明显下降。\n学校利用班会课开展安全教育，讲解冬季出行和校园活动的注意事项。\n家长们纷纷点赞。"
    assert tag_hazards(title, once, tax).hazards == []
    # beside a hazard the text names by a keyword, the weather is never the primary (named first, it
    # scores as much as one keyword)
    fire = ("本周以来我县持续降温，最低气温零下十度。\n学校利用班会课开展安全教育，讲解冬季防火知识。\n"
            "降温期间，值周教师提前到校，在校门口迎接学生进校。\n家长们纷纷点赞。")
    r = tag_hazards(title, fire, tax)
    assert sorted(r.hazards) == ["extreme_weather", "fire"] and r.primary == "fire"


def test_weather_that_day_does_not_stand_in_for_the_incident(tax):
    # a pupil hurt on a snowy day: the incident's hazard (named once, by a keyword) is still tagged
    # beside the weather the report comes back to
    body = ("1月5日，我县普降大雪，县第二中学操场积雪较厚。\n当天课间操散场时，教学楼楼梯间发生拥挤踩踏，"
            "三名学生受伤被送往医院。\n大雪过后，学校组织教师清理楼道积雪。")
    r = tag_hazards("县第二中学三名学生课间操后送医", body, tax)
    assert sorted(r.hazards) == ["accident_general", "extreme_weather"]


def test_the_remarks_an_opening_studies_name_no_subject(tax):
    # a headline-less notice whose title is its opening, cut: the remarks it carries out
    # (关于…防灾减灾救灾相关指示精神) are not its subject; its tasks are
    title = "根据上级关于做好防灾减灾救灾工作的相关指示精神，结合我院实际，为做好本学期的安全防范工作，保障全院学生的"
    body = (title + "生命财产安全，现将有关事项通知如下：\n一、近期我市将出现大风、暴雨、雷电等极端天气，各学院要做好防范。\n"
            "二、严禁学生私自下河游泳，防止溺水事故发生。\n三、遇暴雨天气及时转移避险。")
    r = tag_hazards(title, body, tax)
    assert r.primary in ("extreme_weather", "drowning")


@pytest.mark.parametrize("reminder", ["孩子独自在家时，要讲清楚用电、用火安全的几条规矩。",
                                      "请提醒孩子正确使用电器，离家时关闭电源。",
                                      "家里要防火、防电，插座装上保护盖。"])
def test_a_holiday_letters_power_reminder_is_electrical_safety(tax, reminder):
    # 用电、用火安全 is 用电安全 and 用火安全; 正确使用电器 is an instruction on appliances
    body = ("寒假即将来临，为确保孩子们度过一个平安的假期，学校提醒各位家长做好以下安全工作。\n"
            "一、交通安全。教育孩子遵守交通规则，不乘坐无牌无证车辆。\n"
            f"二、居家安全。{reminder}\n三、防溺水。不到河边、水库游泳。")
    assert "electrical" in tag_hazards("寒假致家长的一封信", body, tax).hazards


def test_a_lightning_rod_checked_with_the_wiring_is_no_weather_task(tax):
    body = ("为消除用电安全隐患，学校对教学楼电气线路进行全面检查，更换老化电线。\n"
            "雷雨季节前要检查防雷设施，确保接地装置完好，漏电保护器灵敏可靠。")
    r = tag_hazards("学校开展用电安全检查", body, tax)
    assert r.hazards == ["electrical"]


@pytest.mark.parametrize("rescuers", ["镇里的专职消防队和卫生院医护人员随即赶到河边施救。",
                                      "县公安局、消防和民间救援队接警后赶到现场搜寻。"])
def test_the_rescuers_called_to_a_drowning_are_no_fire_safety(tax, rescuers):
    body = ("6月12日下午，镇中心小学两名学生结伴到河边玩耍，不慎落水。\n" + rescuers +
            "\n两名学生经抢救无效死亡。镇教育办再次提醒家长加强暑期防溺水教育。")
    assert tag_hazards("两名小学生河边玩耍溺水身亡", body, tax).hazards == ["drowning"]


def test_a_kind_of_safety_named_in_a_sentence_about_another_hazard_is_a_task(tax):
    # 注意饮食安全 in a sentence on flu is a task of its own, not a word in passing
    body = ("元旦假期即将来临，学校提醒各位家长做好以下安全工作。\n一、预防流感等传染病，勤洗手、常通风，流感高发期间注意饮食安全。\n"
            "二、注意交通安全，不乘坐无牌无证车辆。\n三、预防流感，出现发热症状及时就医，流感疫苗可按需接种。")
    assert "food_safety" in tag_hazards("元旦假期致家长的一封信", body, tax).hazards


def test_guarding_against_phone_fraud_is_no_electrical_safety(tax):
    body = "派出所民警走进校园开展预防电信诈骗宣传，提醒学生不轻信陌生来电，防范电信网络诈骗。"
    assert "electrical" not in tag_hazards("民警进校园宣传预防电信诈骗", body, tax).hazards


def test_a_media_attribution_glued_to_the_first_paragraph_leaves_the_paragraph_readable(tax):
    # a reprint opens its first paragraph with its source in brackets: only the bracket is furniture
    body = ("（来源：江城晚报）9月上旬以来，某县两所小学先后有60余名学生出现呕吐、腹泻症状，经疾控中心检测，确定为诺如病毒感染。\n"
            "记者从县教育局了解到，出现症状的学生已就医，病情平稳，学校已按诺如病毒防控要求对教室和食堂进行全面消毒。\n"
            "来源：江城晚报")
    r = tag_hazards("两校数十名学生呕吐腹泻", body, tax)
    assert "epidemic" in r.hazards


def test_food_unsafe_to_eat_names_food_safety(tax):
    # "三无"、过期、变质 with 食品 / 食物 in one sentence: a reminder about food, counted as food safety
    body = ("各位家长：国庆假期将至，请配合学校做好以下几点。\n"
            "一、遵守交通规则，不乘坐无牌无证车辆，注意交通安全。\n"
            "二、不到河边、水库游泳，严防溺水事故。\n"
            "三、不在路边摊购买“三无”零食，不吃过期、变质的食物。")
    r = tag_hazards("国庆假期致家长的一封信", body, tax)
    assert "food_safety" in r.hazards
    # the same words about other goods are not food
    r = tag_hazards("国庆假期致家长的一封信", body.replace("“三无”零食，不吃过期、变质的食物", "“三无”玩具"), tax)
    assert "food_safety" not in r.hazards


def test_a_schools_rules_for_chemical_dangerous_goods_are_lab_safety(tax):
    # 化学危险品: 危险化学品 written the other way round
    body = ("1.化学仪器室设有易燃、易爆危险品柜，钥匙由实验员和分管校长共同保管。\n"
            "2.取用化学危险品时，须有两名实验员同时到场开柜，并填写记录单。\n"
            "3.装运化学危险品时，必须谨慎小心，严禁震动、撞击和倒装。")
    assert tag_hazards("中心小学危险物品管理制度", body, tax).hazards == ["lab_chemicals"]
    # 化学物品 is a hint, as 化学品 is: a focused text's hints in three sentences
    body = ("为加强学校安全管理，现将有关要求通知如下。\n1.化学物品须专柜存放，专人管理。\n"
            "2.领用化学物品须登记，用后及时归还。\n3.过期化学物品由学校统一处置，严禁随意丢弃。\n"
            "各校要落实安全责任，做好隐患排查，确保师生安全。")
    assert "lab_chemicals" in tag_hazards("关于加强学校化学物品管理的通知", body, tax).hazards


def test_a_laboratory_accident_told_in_other_words_is_lab_safety(tax):
    body = ("9月某日上午，某大学发生一起实验室爆炸，造成2名研究生受轻伤。\n"
            "据学校通报，两名研究生在实验室进行化学实验时，反应釜突然发生爆炸，师生随即拨打120。\n"
            "目前受伤学生已送医治疗，无生命危险，事故原因正在调查中。")
    r = tag_hazards("某大学通报一起实验事件", body, tax)
    assert "lab_chemicals" in r.hazards


def test_wiring_strung_up_by_anyone_is_electrical_even_in_a_list_of_fire_hazards(tax):
    body = ("11月起，县消防救援大队对辖区学校开展冬季火灾隐患排查。\n"
            "检查重点包括违规使用易燃材料装修、违规动火动焊、私拉乱接电线、占用堵塞疏散通道等行为。")
    r = tag_hazards("学校冬季火灾隐患排查", body, tax)
    assert "fire" in r.hazards and "electrical" in r.hazards


def test_a_school_buildings_damage_told_in_other_words_is_building_safety(tax):
    body = ("地震发生后，镇中心学校立即组织教职工对全校建筑进行排查。\n"
            "经排查，部分教学楼墙体出现细微裂缝，学校已暂停使用相关教室，等待专家鉴定。")
    r = tag_hazards("地震后学校开展安全排查", body, tax)
    assert "building" in r.hazards
    body = ("地震发生时，全校师生迅速撤离到操场，无人受伤。\n"
            "震后查看发现，教学楼墙身出现多处裂痕，学校已暂停使用，师生暂住帐篷。")
    assert "building" in tag_hazards("地震致一小学教学楼受损 师生安全转移", body, tax).hazards
    body = "昨日下午2时许，某中学楼顶一处护墙突然垮塌，致2名学生受伤，相关部门正在调查原因。"
    assert "building" in tag_hazards("中学楼顶护墙垮塌", body, tax).hazards
    # an appraisal of the buildings after a flood, before the school reopens
    body = ("洪水退去后，村小负责人带领教师清理操场淤泥。\n"
            "他第一时间请专家来给校舍做了安全鉴定，确认没有问题后才安排修复受损设施。")
    assert "building" in tag_hazards("积极修复校园 确保如期开学", body, tax).hazards
    # an inspection of a building's cracks and leaks, a safety renovation of the buildings
    body = ("7月11日，区教育局基建办负责人一行到镇中心小学调研。\n"
            "他们仔细查看了教学楼的屋面和门窗，对每一处裂纹、漏水处都进行了检查。")
    for seen in ("裂纹", "漏水"):
        one = body.replace("每一处裂纹、漏水处", f"每一处{seen}处")
        assert "building" in tag_hazards("区教育局到镇中心小学调研校舍情况", one, tax).hazards, seen
    body = "全盟组织实施的校舍建设及安全改造工程涉及5个新建项目，投资2425万元。\n目前工程已全部完工并通过验收。"
    assert "building" in tag_hazards("校舍建设工程全部完工", body, tax).hazards
    # the buildings named as what a check looks at
    body = ("各级各类学校要全面开展对建筑物，特别是砖木结构房屋的隐患排查工作。\n"
            "对发现的问题要建立台账，及时整改，确保师生安全。")
    assert "building" in tag_hazards("关于做好学校冬季安全工作的通知", body, tax).hazards


def test_the_surroundings_of_a_market_regulators_campaign_are_its_shops_in_every_sentence(tax):
    # the headline's 校园周边 has no regulator in its sentence; the text's only agency is the regulator
    body = ("为保障开学季学生饮食安全，市市场监管局即日起开展为期半个月的专项行动。\n"
            "执法人员对校园周边的小卖部、流动摊点逐一检查，查看食品进货台账和保质期，下架过期食品12件。")
    r = tag_hazards("市局组织开展校园周边专项整治", body, tax)
    assert r.hazards == ["food_safety"]
    # with police at work too, the surroundings are also campus security
    body = body + "\n辖区派出所同步开展校园周边治安巡逻，清理闲散人员。"
    assert "security" in tag_hazards("市局组织开展校园周边专项整治", body, tax).hazards


def test_obeying_the_traffic_rules_is_traffic_safety(tax):
    body = ("亲爱的家长：暑假将至，请您配合学校做好以下工作。\n"
            "1.外出时要教育孩子遵守交通规则，注意安全。\n"
            "2.不到水库、河边游泳，谨防溺水。")
    assert "traffic" in tag_hazards("暑假致家长的一封信", body, tax).hazards


def test_the_guards_taking_part_in_a_drill_do_not_make_it_campus_security(tax):
    body = ("9月29日下午，学院联合市消防救援支队在学生宿舍开展新生消防逃生疏散演练。\n"
            "随着警报声响起，新生在各楼层宿管员及安保人员的指挥下，弯腰低姿、捂住口鼻，沿疏散路线迅速撤离。")
    assert tag_hazards("新生消防逃生疏散演练", body, tax).hazards == ["fire"]
    # the police's campus security work itself is
    body = ("开学第一天，市公安机关出动民警300余名，协调安保人员400余名，做好全市各中小学校园保卫工作。\n"
            "图为实验小学校门口，民警正在维持秩序。\n"
            "据悉，开学期间全市公安机关将持续做好中小学校园保卫工作。")
    assert "security" in tag_hazards("开学首日 警方守护校园", body, tax).hazards


def test_one_phrase_naming_two_hazards_is_no_remark_on_either(tax):
    body = ("高考前夕，市消防救援支队对全市设在中学的考点开展消防安全联合检查。\n"
            "检查组逐一查看学校消防设施是否完好有效，消防控制室人员是否持证上岗，用火用电制度是否落实，"
            "疏散通道是否畅通，并要求考点及时整改火灾隐患。")
    r = tag_hazards("高考考点消防安全检查", body, tax)
    assert "fire" in r.hazards and "electrical" in r.hazards


def test_theft_on_campus_is_campus_security_not_a_skimmed_card(tax):
    body = ("近期，我校体育场夜间多次发生学生物品被盗事件。\n"
            "保卫处提醒同学们运动时妥善保管手机、钱包等贵重物品，发现可疑人员及时报告。")
    assert "security" in tag_hazards("关于近期校园盗窃案件的预警通报", body, tax).hazards
    body = ("近期我校多名学生遭遇电信诈骗。\n"
            "有同学点击陌生链接后，银行卡被盗刷近万元。\n"
            "请同学们不点击陌生链接，不向他人透露验证码，谨防电信网络诈骗。")
    assert tag_hazards("防范电信网络诈骗的提醒", body, tax).hazards == ["fraud"]


def test_an_incident_report_is_about_the_hazard_it_names_once(tax):
    title = "区教育局关于网传我区一学生在校死亡事件的情况通报"
    body = ("近日，网络流传我区一所小学学生在校晕倒的视频。经调查，该生课间在操场奔跑时突然倒地，"
            "学校立即拨打120送医，经抢救无效死亡，医院诊断为心源性猝死。\n"
            "我局已成立工作组，配合学校和家属做好善后工作。")
    assert tag_hazards(title, body, tax).hazards == ["accident_general"]
    # the same one word in a text that tells no incident is no subject
    body = ("本学期学校组织教师参加了健康知识讲座，学习科学锻炼的方法。\n"
            "讲座老师介绍了运动中猝死的常见原因，大家认真记录。")
    assert tag_hazards("我校开展教师健康知识讲座", body, tax).hazards == []
    # pupils taken to a hospital (住院, 就医) tell an incident as 送医 does
    body = ("家长反映，孩子在幼儿园吃过午饭后上吐下泻，当晚被送到县医院住院治疗。\n"
            "园方回应称，经县疾控中心检测，初步判断为诺如病毒感染，幼儿园已停课消毒。")
    # (taken ill after lunch: food safety too, as the devset's readers label a norovirus outbreak)
    assert tag_hazards("一幼儿园多名幼儿呕吐腹泻", body, tax).hazards == ["food_safety", "epidemic"]
    # advice to see a doctor (及时就医) tells no incident
    body = "学校将于下周组织全体学生体检。\n体检项目包括身高、体重、视力和口腔检查。\n如孩子近期患流感，请及时就医，痊愈后再参加体检。"
    assert tag_hazards("关于开展学生体检的通知", body, tax).hazards == []


def test_attacks_and_falls_told_as_news_name_their_hazard(tax):
    body = "今天上午，一名男子持刀闯入某中学，将一名保安砍伤，警方迅速赶到将其制服。现场学生已被疏散。"
    assert "security" in tag_hazards("男子闯入校园砍人 警方通报", body, tax).hazards
    body = "昨日傍晚，一辆小轿车在某小学门口失控撞人，3名学生受轻伤，肇事司机已被控制。"
    assert "traffic" in tag_hazards("小学门口发生车辆撞人事故", body, tax).hazards
    body = "11月3日晚，某中学一名学生从教学楼五楼跳下，学校立即将其送往医院救治。目前该生仍在医院接受治疗。"
    assert "mental_health" in tag_hazards("中学生被批评后跳楼 区教育局通报", body, tax).hazards
    body = "昨日午间，一名学生在教学楼内持械伤人，致多名师生受伤，警方已将其控制。"
    assert "security" in tag_hazards("某职业学校发生持械伤人事件", body, tax).hazards


def test_a_lesson_against_sexual_abuse_is_other_not_campus_security(tax):
    # prosecutors' and courts' lessons on 性侵害 at schools: the readers label them other, never campus security
    body = ("县人民检察院检察官走进中心小学，为学生上了一堂预防性侵害法治教育课。\n"
            "检察官讲解了什么是性侵害、如何保护自己的隐私部位，提醒学生不轻信陌生人。")
    assert tag_hazards("检察官进校园 预防性侵护成长", body, tax).hazards == ["other"]
    body = ("法治副校长为高年级学生开展防范校园欺凌、暴力与性侵主题宣讲，讲解遇到侵害时如何求助。\n"
            "他提醒同学们，遇到校园欺凌要及时告诉老师和家长。")
    hazards = tag_hazards("法治副校长走进校园", body, tax).hazards
    assert "bullying" in hazards and "security" not in hazards


def test_drinking_water_checked_with_the_food_is_food_safety(tax):
    body = ("督导组重点检查了开学条件保障情况、校舍安全管理情况、食品饮水安全情况。\n"
            "对发现的问题，督导组现场反馈并要求限期整改。")
    assert "food_safety" in tag_hazards("县政府教育督导室开展春季开学专项督导", body, tax).hazards
    # … and the water a school pipes to its taps, checked by the health inspectors
    for word in ("二次供水", "末梢水"):
        body = (f"开学前，区卫生监督所对辖区采用{word}的学校开展专项检查，查阅消毒记录和人员健康信息。\n"
                f"监督员现场查看了各校的{word}情况，并要求学校定期清洗消毒。")
        assert tag_hazards("区卫生监督所开展开学前专项检查", body, tax).hazards == ["food_safety"], word
    # … not a river's water tested after a flood, nor the pump room of that water checked against frost
    body = ("汛期过后，环保部门对流经学校附近的河流开展水质检测，确保安全。\n"
            "学校提醒学生汛期不要到河边玩耍，严防溺水。")
    assert "food_safety" not in tag_hazards("汛后河流水质检测", body, tax).hazards
    body = ("入冬以来，学校对锅炉房、二次供水泵房等重点部位开展防冻检查，确保校园安全。\n"
            "后勤处对二次供水泵房的管道逐一包裹保温材料。")
    assert "food_safety" not in tag_hazards("学校开展冬季防冻安全检查", body, tax).hazards


def test_the_places_a_list_names_end_where_it_says_what_they_are(tax):
    # 等天然气使用场所 says what the places are; the list after it (the gas fittings) is another
    body = ("为保障校园用气安全，燃气公司组织安检人员深入各中小学开展燃气安全检查。\n"
            "检查中，安检人员对学校食堂、锅炉房等天然气使用场所的燃气管道、阀门、燃气表、燃气报警器等设施逐一检测，"
            "排查管道老化、接口漏气等隐患。")
    assert tag_hazards("保障燃气安全 护航开学", body, tax).hazards == ["gas_poisoning"]
    # … and so does a list that ends on it
    body = ("入冬以来，燃气公司对辖区学校开展冬季用气安全检查。\n"
            "检查人员逐一查看了学校食堂、宿舍、锅炉房等燃气使用场所，并讲解燃气泄漏的应急处置方法。")
    assert "food_safety" not in tag_hazards("燃气公司走进校园开展用气安全检查", body, tax).hazards


def test_a_kindergartens_pick_up_cards_and_play_equipment_are_its_safety(tax):
    body = ("为确保幼儿接送安全，本园实行凭卡接送制度。\n"
            "一、每名幼儿发放接送卡两张，家长凭卡到班级接孩子。\n"
            "二、接送卡遗失的，请及时告知班主任补办，无卡者须由班主任电话核实身份后方可接走幼儿。")
    assert tag_hazards("关于使用幼儿接送卡的温馨提示", body, tax).hazards == ["security"]
    body = ("为保障幼儿户外活动安全，特制定本制度。\n"
            "一、值班教师每日入园前检查滑梯、秋千、攀爬架等大型玩具有无松动、破损。\n"
            "二、后勤人员每周对大型玩具进行一次全面检查，发现问题立即停用并报修。")
    assert tag_hazards("幼儿园大型玩具检查制度", body, tax).hazards == ["accident_general"]


def test_a_blizzard_warning_that_closes_schools_is_extreme_weather(tax):
    body = "受强冷空气影响，我市将出现暴风雪天气。市教育局决定，全市中小学、幼儿园明日停课一天，请家长做好看护。"
    assert tag_hazards("暴风雪预警 全市中小学明日停课", body, tax).hazards == ["extreme_weather"]


def test_appliances_a_dormitory_forbids_are_electrical_safety(tax):
    body = ("近日，学院学生工作处联合保卫处对学生宿舍开展安全检查。\n"
            "检查发现，个别宿舍存在私自存放大功率电器的情况，工作人员当场予以暂扣。\n"
            "学院要求各班级加强宿舍管理教育，杜绝使用违规电器。")
    assert "electrical" in tag_hazards("学院开展学生宿舍安全检查", body, tax).hazards


def test_the_catch_all_does_not_make_a_text_a_safety_text(tax):
    # a teaching award's story with two unrelated headlines glued under it: one names fraud, one drugs
    body = ("日前，全国中小学生艺术展演活动落下帷幕，我市一所小学教师指导的绘画作品荣获一等奖。\n"
            "据悉，展演每三年举办一次，来自全国各地的七千余名师生参加。"
            "开展断卡行动 打击新型网络诈骗！毒品盯上电子烟！")
    assert tag_hazards("我市教师指导学生作品获全国一等奖", body, tax).hazards == []


def test_a_nursery_is_a_school_for_the_focus_test(tax):
    body = ("为保障婴幼儿健康安全，县卫生健康局近日对全县托育机构开展摸底检查。\n"
            "检查内容包括机构备案、收托规模、消防安全以及疫情防控措施等落实情况。\n"
            "检查组要求各机构储备好口罩、消毒液等防控物资，做好疫情防控工作。")
    assert set(tag_hazards("县卫健局加强托育机构监管", body, tax).hazards) == {"epidemic", "fire"}


def test_clearing_up_a_schools_surroundings_is_campus_security(tax):
    body = ("今年以来，我局以法治教育、安全教育为重点，以校园及周边环境治理为突破口，"
            "不断提升全市学校平安建设水平，全年未发生重大安全责任事故。")
    assert "security" in tag_hazards("市教育局年度安全工作总结", body, tax).hazards


def test_zhian_across_words_or_in_a_police_departments_name_is_no_campus_security(tax):
    # 整治安全隐患 holds 治安; 治安总队 is the department an officer at the meeting comes from
    body = ("各区要全面开展校园安全检查，排查整治安全隐患，确保安全开学。\n"
            "会上，省公安厅治安总队负责同志通报了全省校园安全角建设情况，各校交流了经验。")
    assert "security" not in tag_hazards("全市校园安全工作现场会召开", body, tax).hazards


def test_worn_wiring_banned_appliances_and_listed_power_use_are_electrical(tax):
    for body in ("消防大队对学校宿舍、食堂进行检查，发现部分宿舍电路老化，已督促学校限期整改。\n检查组还查看了灭火器和疏散通道。",
                 "宿管员在检查中收缴了学生违规使用的电褥子、热得快等物品。\n学校将继续开展宿舍消防安全检查。",
                 "检查组重点检查了消防设施是否完好有效，用火、用电、用气是否符合要求。\n对发现的隐患当场督促整改。"):
        assert "electrical" in tag_hazards("开展校园消防安全检查", body, tax).hazards, body


def test_an_overturned_bus_and_jams_at_the_gate_are_traffic(tax):
    body = "一中学用大巴车送学生赴市区赶考途中，车辆不慎滑入路边沟内侧翻，6名学生受轻伤。\n当地已成立调查组。"
    assert "traffic" in tag_hazards("送考大巴车侧翻 6人受伤", body, tax).hazards
    body = ("开学第一天，民警在校门口设置护学岗，疏导车流、人流。\n"
            "针对放学时段交通拥堵，民警引导家长有序停放车辆，护送学生过马路。")
    assert "traffic" in tag_hazards("护学岗守护平安路", body, tax).hazards


def test_alarms_and_technical_defences_are_campus_security(tax):
    body = ("县教育局对全县学校消防设施、一键式报警器、视频监控等安全整改项目进行验收。\n"
            "验收组还查看了学校的校园技术防范建设情况，要求尽快补齐短板。")
    assert "security" in tag_hazards("学校安全整改项目验收", body, tax).hazards


def test_a_fire_check_beside_a_bigger_building_check_is_not_in_passing(tax):
    # building scores 3 in the sentence, fire 2 (消防设施, 灭火器): a check of both, not fire in
    # passing (DOMINANCE 2; at 1.5 fire went)
    body = ("11月，乡中心校组成检查组，对全乡学校的教学用房、学生宿舍、围墙等建筑物的安全状况和消防设施配置情况"
            "进行实地检查，共排查安全隐患5个，目前已全部整改完毕，两所学校加固了校园围墙，补充灭火器5个。\n"
            "检查组还对学生开展了防溺水和交通安全教育。")
    assert {"building", "fire"} <= set(tag_hazards("乡中心校开展校园安全检查", body, tax).hazards)


def test_going_into_the_water_to_save_someone_is_drowning(tax):
    # a rescuer lost in a reservoir: the story never says 溺水
    title = "大学生回乡过暑假 下水救孩童时失踪"
    body = ("12日傍晚，记者在水库边见到了他的同伴。\n据介绍，一名小孩坐在游泳圈上漂向深水区，他没有多想便跳入水中。\n"
            "截至发稿时，搜救仍在进行。")
    assert tag_hazards(title, body, tax).hazards == ["drowning"]


def test_pupils_taken_ill_after_a_meal_is_food_safety(tax):
    # a poisoning told without 中毒 or 食品: the meal, 后, then the symptoms
    title = "某县一所乡镇中心小学多名学生午饭后呕吐不适"
    body = ("记者从县委宣传部获悉，当日共有21名学生被送往县人民医院观察治疗，目前均无大碍。\n"
            "公安、市场监管、卫健等部门已成立联合调查组，原因正在调查中。")
    assert tag_hazards(title, body, tax).hazards == ["food_safety"]
    # symptoms without a meal before them are no food safety (a flu season's advice)
    advice = "如孩子出现发热、呕吐、腹泻等症状，请及时就医，不带病上学。\n请家长每天为孩子测量体温。"
    assert "food_safety" not in tag_hazards("关于做好秋冬季传染病防控的温馨提示", advice, tax).hazards


def test_a_thing_a_fire_check_asks_about_is_checked_for_not_named_in_passing(tax):
    # 电气线路敷设是否符合规定: wiring the inspectors check, a hazard of its own beside the fire check
    body = ("为进一步做好校园消防安全工作，近日，县消防救援大队对辖区中小学校开展消防安全检查。\n"
            "检查组重点检查了学校应急照明灯、消火栓、灭火器等消防器材设施是否完好有效，电气线路敷设是否符合规定，"
            "疏散通道是否畅通。\n检查组要求各学校加强消防安全教育，定期开展消防演练。")
    assert tag_hazards("县消防救援大队开展校园消防安全检查", body, tax).hazards == ["fire", "electrical"]


def test_power_among_the_utilities_checked_and_a_child_playing_with_it_are_electrical(tax):
    body = ("为做好低温雨雪冰冻天气防范工作，县教育局要求各校做好校园安全排查。\n"
            "要排查校园水、电、校舍、围墙、车棚等安全隐患，防止因雨雪冰冻天气引发安全事故。")
    assert "electrical" in tag_hazards("关于做好低温雨雪冰冻天气防范工作的通知", body, tax).hazards
    letter = "假期里请家长教育孩子不玩火玩电，谨防人身意外和火灾的发生。\n不到河边、水库游泳，谨防溺水。"
    assert "electrical" in tag_hazards("致家长的一封信", letter, tax).hazards
    # 火、电 across two words (厨房灭火、电动车自燃) is no list of utilities
    drill = "消防员通过模型对高层逃生、厨房灭火、电动车自燃等常见灾害场景进行模拟演练。\n同学们认真学习了灭火器的使用方法。"
    assert "electrical" not in tag_hazards("消防安全进校园", drill, tax).hazards


def test_a_buildings_repair_and_a_shoddy_building_are_building_safety(tax):
    body = ("9月1日，县教育局检查组到我校检查开学准备工作。\n检查组实地检验教学楼修缮后的效果，对总体修缮情况表示满意。\n"
            "检查组还查看了食堂和学生宿舍，要求学校做好开学各项工作。")
    assert "building" in tag_hazards("县教育局检查组到我校检查开学准备工作", body, tax).hazards
    news = ("昨天上午，某校一栋宿舍楼的外墙瓷砖突然脱落，砸伤两名学生。\n有网友称，这是豆腐渣工程。\n"
            "目前，受伤学生已送医治疗，当地已责成学校全面排查。")
    assert "building" in tag_hazards("宿舍楼外墙瓷砖脱落砸伤学生", news, tax).hazards


def test_a_flood_by_its_other_names_is_a_natural_disaster(tax):
    body = ("入汛以来，全省遭遇多轮强降雨，部分学校校舍浸水、设施设备受损。\n"
            "记者从省教育厅获悉，因汛情受损的学校已大部分完成修复，秋季可正常开学。\n"
            "无法如期使用的学校，学生已妥善安排到周边学校就读。")
    assert "natural_disaster" in tag_hazards("确保受汛情影响学生如期开学", body, tax).hazards


def test_what_is_around_a_school_named_by_another_hazard_is_no_campus_security(tax):
    # 校园及周边安全隐患排查: the hazards around schools in general; 校园及周边水域: the water's
    body = ("近日，我市一所学校发生围墙倒塌事故，造成两名学生受伤。\n"
            "省教育厅通报事件相关情况，并将在全省范围立即开展校园及周边安全隐患排查整治，重点排查校舍和围墙。")
    assert "security" not in tag_hazards("全省开展校园安全隐患排查", body, tax).hazards
    water = ("各学校积极对接当地村委会，对校园及周边水域的安全隐患开展一次全面排查。\n"
             "教育学生不私自下水游泳，不到无安全设施的水域游泳，谨防溺水。")
    assert tag_hazards("全市开展防溺水专项行动", water, tax).hazards == ["drowning"]
    # the campus's surroundings themselves (校园周边环境整治, 周边治安) stay its security
    kept = ("公安、市场监管等部门联合开展校园周边环境整治。\n民警清理校园周边流动摊贩，加强校园周边治安巡逻。")
    assert "security" in tag_hazards("开展校园周边环境专项整治", kept, tax).hazards


def test_a_stolen_account_opening_a_fraud_is_no_theft_on_campus(tax):
    body = ("近日，某高校学生小刘接到好友的QQ消息借钱，转账后才发现好友的QQ号被盗。\n"
            "警方提醒，不法分子常利用被盗号的QQ冒充好友实施诈骗，同学们借钱前务必电话核实。")
    assert tag_hazards("警惕冒充好友借钱的诈骗", body, tax).hazards == ["fraud"]


def test_the_traffic_polices_patrols_round_a_school_are_traffic_safety(tax):
    body = ("为保障开学期间校园交通安全，县交警大队提前部署。\n"
            "开学首日，交警将警力部署在各学校附近重点路段巡逻执勤，做好交通秩序疏导。\n"
            "上下学时段，民警每天在校门口执勤，维护上下学秩序。\n"
            "交警采取定点检查与流动巡逻检查相结合的方法，对辖区道路上的接送学生车辆开展检查。\n"
            "交警加强重点客运班线的巡逻管控，严查客车超员等交通违法行为。")
    assert tag_hazards("县交警大队全力护航开学季", body, tax).hazards == ["traffic"]


def test_a_buildings_fire_equipment_is_fire_safety_only(tax):
    body = ("为切实做好冬季消防安全工作，县消防救援大队联合教育局对辖区学校开展消防安全专项排查。\n"
            "检查组查看了消防控制室值班记录，要求各校定期维护保养消防设施，确保疏散通道畅通。")
    assert tag_hazards("县开展高层建筑消防专项排查整治行动", body, tax).hazards == ["fire"]


def test_advice_after_a_meal_is_no_poisoning_told(tax):
    # the review's cases: 以免 / 容易 / 一旦 make it advice; 前后 is no 后
    letter = "午饭后不要立即下水游泳，以免引起腹痛、抽筋。\n不到水库、河塘游泳，谨防溺水。"
    assert tag_hazards("暑期防溺水致家长的一封信", letter, tax).hazards == ["drowning"]
    assert tag_hazards("体育课安全提示", "午饭后剧烈运动容易引起腹痛。\n运动前要做好热身。", tax).hazards == []
    tip = "用餐前后要洗手，一旦出现呕吐、腹泻等症状要及时就医。\n学校每日对教室通风消毒。"
    assert "food_safety" not in tag_hazards("秋冬季传染病防控温馨提示", tip, tax).hazards


def test_games_and_roads_are_no_electrical_words(tax):
    letter = "假期里不要长时间玩电子游戏，少玩电脑。\n注意交通安全，遵守交通规则。"
    assert "electrical" not in tag_hazards("寒假安全致家长的一封信", letter, tax).hazards
    plan = "完善学校水、电、路等基础设施，改善办学条件。\n加强校园安全管理，消除安全隐患。"
    assert "electrical" not in tag_hazards("县教育局改善农村学校办学条件", plan, tax).hazards


def test_a_bus_asked_about_its_extinguisher_is_where_it_is_checked(tax):
    # the fire check asks about the bus's extinguisher: the bus is the place of the fire's fitting, and
    # (traffic's `passing_counts`) readers count the school bus a fire check names as bus safety too
    body = ("为做好校园消防安全工作，县消防救援大队到学校开展消防安全检查。\n"
            "检查组检查了校车是否配备灭火器，查看了学校消防器材和疏散通道。\n要求学校加强消防安全教育。")
    r = tag_hazards("县消防救援大队到学校开展消防安全检查", body, tax)
    assert r.hazards == ["fire", "traffic"] and r.primary == "fire"


def test_the_things_a_check_goes_through_name_their_hazards(tax):
    # after a flood, a check goes through the buildings, the wall and the power: each an inspected thing
    body = ("受强降雨影响，县教育局要求各校立即开展汛后安全排查。\n"
            "各校组织人员对校舍、围墙、厕所、水电等逐一排查，及时清理排水沟渠。\n"
            "对排查出的问题建立台账，限期整改到位。")
    r = tag_hazards("县教育局部署汛后校园安全排查", body, tax)
    assert {"building", "electrical"} <= set(r.hazards)
    assert {e.rule for e in r.evidence if e.label in ("building", "electrical")} == {"hazard:list"}
    # the same words listed with no check in their sentence are places, not things checked
    tour = ("县教育局领导到学校调研。\n领导一行参观了校舍、围墙、厕所、水电等改造后的新面貌，对学校的发展给予肯定。\n"
            "随后召开座谈会，听取学校工作汇报。")
    assert not {"building", "electrical"} & set(tag_hazards("县教育局领导到学校调研", tour, tax).hazards)


def test_an_inspected_thing_does_not_make_the_disaster_in_its_sentence_a_remark_in_passing(tax):
    # 校舍 is one item of the checklist; the floods and mudslides it is checked against are the check's own hazard
    body = ("近日，多地遭遇强降雨，省教育厅派出检查组赴各地检查。\n"
            "各检查组将重点对校舍位于低洼地势、山旁、河沟和水库附近易发生山洪和泥石流的区域进行认真排查，"
            "及时消除隐患，确保师生安全。\n检查结果将在全省通报。")
    r = tag_hazards("省教育厅派出检查组重点检查低洼地势校舍安全", body, tax)
    assert {"building", "natural_disaster"} <= set(r.hazards)


def test_routes_lines_and_a_leaders_visit_are_no_checklist_of_power(tax):
    # 线路 is a patrol's, a bus's or a network's as often as power's: no inspected word
    patrol = ("为维护校园周边秩序，县公安局开展护校安园行动。\n"
              "派出所民警对校园周边巡逻线路、重点时段、重点部位进行排查，确保师生安全。")
    assert "electrical" not in tag_hazards("县公安局开展校园安全检查", patrol, tax).hazards
    network = ("为保障新学期教学秩序，学校信息中心对全校网络线路、多媒体设备、电子白板等进行全面检修。\n"
               "检修工作于开学前全部完成。")
    assert "electrical" not in tag_hazards("学校开展开学前校园安全检查", network, tax).hazards
    # 实地查看 is a visit: what the leaders look at is no checklist
    visit = ("近日，县领导到县实验小学调研教育工作。\n县领导实地查看了校舍、围墙、操场、水电等改造后的新面貌，"
             "对学校的发展给予肯定。\n随后召开座谈会，听取学校工作汇报。")
    assert not {"building", "electrical"} & set(tag_hazards("县领导到县实验小学调研", visit, tax).hazards)


def test_buildings_a_quake_damaged_are_no_place_of_the_quake(tax):
    # 校舍因地震遭到损毁: the quake befalls the buildings (因 between them); 校舍 says no "where"
    body = ("地震发生后，全县部分校舍因地震遭到不同程度损毁。\n县教育局组织技术人员逐校查看，"
            "确保春季学期正常开学。\n目前各项工作有序推进。")
    r = tag_hazards("全县受损校舍灾后维修启动", body, tax)
    assert {"building", "natural_disaster"} <= set(r.hazards)


def test_what_a_fire_check_asks_whether_anyone_did_is_checked_for(tax):
    # 是否有违章使用…大功率电器，是否私拉乱接电气线路: power a fire inspection looks for, no word in passing
    body = ("为预防校园火灾事故，县消防救援大队对辖区中小学开展消防安全检查。\n"
            "检查人员重点查看了消防通道是否畅通、灭火器材配备是否齐全有效，是否有违章使用电炉等大功率电器，"
            "是否私拉乱接电气线路等。\n检查后，检查人员要求校方对发现的隐患立即整改，定期组织消防演练。")
    r = tag_hazards("县消防救援大队开展校园消防安全检查", body, tax)
    assert {"fire", "electrical"} <= set(r.hazards)


def test_a_disease_caught_from_animals_is_an_epidemic_by_name(tax):
    # rabies shots after a dog bite, echinococcosis screening: notifiable diseases named as such
    body = ("近日，某中学两名学生在校外被流浪犬咬伤，学校第一时间将学生送往区疾控中心处置。\n"
            "医生根据狂犬病暴露分级，为两名学生注射了狂犬疫苗和被动免疫制剂。\n学校提醒家长加强对孩子的安全教育。")
    assert "epidemic" in tag_hazards("学生被流浪犬咬伤 学校及时送医处置", body, tax).hazards
    screening = ("为做好包虫病防治工作，县疾控中心联合县教育局对全县六年级小学生开展包虫病B超筛查。\n"
                 "工作人员向学生讲解了包虫病的传播途径和预防知识。")
    assert "epidemic" in tag_hazards("县疾控中心开展小学生包虫病筛查", screening, tax).hazards


def test_a_word_ending_in_zhi_before_anquan_is_no_public_order(tax):
    # 联防联控联治 | 安全屏障, 法治 | 安全教育: 治安 across two words
    body = ("为切实做好暑期防溺水工作，县教育局召开专题会议。\n会议要求压实各方责任，全面筑牢联防联控联治安全屏障。\n"
            "各校要开展法治安全教育，严防学生私自下水游泳。")
    assert "security" not in tag_hazards("县教育局部署暑期防溺水工作", body, tax).hazards
    # … but 治安 before 全面 is public order
    order = ("县里召开专题会议，研究部署中小学校园及周边治安全面整治工作。\n"
             "会议要求各部门按照职责分工，加强校园安全隐患排查，抓好各项措施落实。")
    assert "security" in tag_hazards("县召开专题会议", order, tax).hazards


def test_clearing_snow_from_a_campus_is_weather_safety(tax):
    # a school's snow story: the snow is scenery until the school clears it for safe walking
    body = ("12月的一个清晨，一场大雪将校园装扮得银装素裹。\n为保障师生出行安全，学校组织教职工和学生志愿者扫雪除冰，"
            "清理出通往教学楼和食堂的道路。\n师生们干劲十足，很快完成了任务。")
    assert tag_hazards("以雪为令齐上阵 扫雪除冰暖校园", body, tax).hazards == ["extreme_weather"]
    # 排除冰箱, 清除冰柜: 除 ends another word
    fridge = ("会议要求后勤处全面排除冰箱、空调等电器存在的安全隐患，及时清除冰柜内过期食品。\n"
              "各部门要落实食品安全责任，确保师生饮食安全。")
    assert "extreme_weather" not in tag_hazards("学校召开后勤安全工作会议", fridge, tax).hazards


def test_power_named_inside_a_fire_checks_sentences_still_counts(tax):
    # readers count power wherever a notice names it: 私拉乱接电线 in the fire check's own sentence
    body = ("为做好冬季校园消防安全工作，区消防救援大队对辖区学校学生宿舍开展消防安全检查。\n"
            "检查中发现，学生宿舍内私拉乱接电线给手机充电成为消防安全的最大隐患，消防员当场要求学校整改。\n"
            "消防员还为学生讲解了灭火器的使用方法，并组织学生开展疏散演练。")
    r = tag_hazards("区消防救援大队开展学生宿舍消防安全检查", body, tax)
    assert {"fire", "electrical"} <= set(r.hazards)
    # a warning in the same sentence tells nothing that happened
    warned = body.replace("成为消防安全的最大隐患", "，一旦起火后果不堪设想")
    assert {"fire", "electrical"} <= set(tag_hazards("区消防救援大队开展学生宿舍消防安全检查", warned, tax).hazards)


def test_a_building_sites_water_filled_pit_is_a_place_to_drown(tax):
    # 施工积水坑 on a checklist of waters: where children drown, not a building site's safety
    body = ("为切实做好暑期学生防溺水工作，街道召开专题会议。\n会议强调，要联合各社区对辖区河道、鱼塘和施工积水坑进行全面排查，"
            "设置警示标识，配齐救生设备。\n各学校要通过家长会、告家长书等形式，提醒家长切实履行监护责任。")
    r = tag_hazards("街道部署暑期防溺水工作", body, tax)
    assert "drowning" in r.hazards and "building" not in r.hazards


def test_a_labs_hazardous_waste_disposed_of_is_lab_safety(tax):
    # the labs' 危险废物 collected and handed to a licensed company: lab and chemical safety by name
    body = ("12月，我校委托专业公司对各学院实验室积存的危险废物进行集中收集和转移处置。\n"
            "本次共处置废液、过期试剂及空瓶等2吨余，全程规范有序。")
    assert tag_hazards("我校完成年度危险废物转移处置工作", body, tax).hazards == ["lab_chemicals"]


def test_a_form_the_readers_sign_is_acted_on_not_cited(tax):
    # 《…结核病筛查知情告知书》 is the notice's own form, filled in and carried to the screening: not a
    # document cited in passing, as 《传染病防治法》 would be
    body = ("一、筛查对象\n本学期新入学学生。\n二、筛查要求\n1、学生领取《学生结核病筛查知情告知书》后，家长签字确认。\n"
            "2、筛查后3天，学生持《学生结核病筛查知情告知书》到筛查点查看结果，无异常开具《入学学生结核病筛查查验证明》。\n"
            "3、开学时持《入学学生结核病筛查查验证明》入校报到。\n区疾病预防控制中心")
    assert tag_hazards("关于做好新生入学体检筛查工作的通知", body, tax).hazards == ["epidemic"]


def test_lightning_striking_a_school_told_twice_is_its_subject(tax):
    # a report of a strike names no measure: 雷电 told in two sentences of a school text is the story
    body = ("昨日下午，某县一所村小突降雷雨，雷电击中两间教室，多名学生受伤。\n"
            "据介绍，遭雷电击中的教室旁种满大树，伤者已送往县医院救治。\n县政府已派出工作组赶赴现场。")
    assert "extreme_weather" in tag_hazards("雷电击中村小教室 多名学生受伤", body, tax).hazards
    # … and a cold wave met by a measure is weather safety by its name
    cold = ("入冬以来，县教育局为帮助农村学校应对低温天气，提前将取暖用煤送到各乡村学校。\n"
            "各校要做好教室门窗检修，确保师生温暖过冬。")
    assert "extreme_weather" in tag_hazards("各地采取有效措施应对寒流 确保校园温暖", cold, tax).hazards
    # a pupil's essay watching a thunderstorm is scenery
    essay = ("夏天的傍晚，我站在窗前看雷暴中的闪电划破天空。\n雷暴过后，空气格外清新，校园里的小树更绿了。\n"
             "我爱我的学校。")
    assert tag_hazards("我眼中的夏天", essay, tax).hazards == []


def test_pupils_sick_after_a_school_meal_is_food_safety(tax):
    body = ("据县政府网站消息，某小学部分学生在学生餐后出现呕吐腹泻症状。\n县里成立联合调查组，要求配餐公司立即停止供餐。\n"
            "目前，就医学生身体状况平稳。")
    assert "food_safety" in tag_hazards("学生餐后集体呕吐 配餐公司停止供餐", body, tax).hazards


def test_fire_safetys_own_watch_is_no_campus_guard(tax):
    body = ("为切实做好元旦期间消防安保工作，预防和遏制重大火灾事故的发生，12月28日，区消防救援大队对辖区学校开展消防安全检查。\n"
            "检查组查看了消防器材和疏散通道，要求各学校加强消防安全管理。")
    assert tag_hazards("区消防救援大队开展学校消防安全检查", body, tax).hazards == ["fire"]
    # the surroundings' sanitation cleaned after a storm is no public order either
    swept = ("台风过后，学校组织师生清理校园，清理整顿了校园及周边环境卫生。\n学校同时做好防台风应急准备，确保复课安全。")
    assert "security" not in tag_hazards("学校开展灾后清理", swept, tax).hazards


def test_the_roads_around_a_school_are_traffic(tax):
    body = ("春季开学前，县公安局联合教育局开展校园安全检查。\n检查组实地查看了校园周边交通和车辆停放情况，"
            "要求学校配合交管部门加强学校周边道路管理。")
    assert "traffic" in tag_hazards("县公安局开展开学校园安全检查", body, tax).hazards
    # a new campus's easy access is no task
    easy = "学校周边交通便利，新校区位于城区东部。学校召开安全工作会议，排查安全隐患，做好校园安全。"
    assert "traffic" not in tag_hazards("学校安全工作会议", easy, tax).hazards
    # … nor are the roads being rebuilt
    works = "县第一中学周边道路改造工程开工，预计年底完工。\n工程完工后将方便学生出行。"
    assert tag_hazards("县第一中学周边道路改造工程开工", works, tax).hazards == []


def test_food_sellers_near_a_school_and_food_checked_are_food_safety(tax):
    sellers = ("秋季开学前，区市场监管局聚焦校园周边食品经营单位、小餐饮开展专项整治，共出动执法人员60人次。\n"
               "整治中发现问题5处，已责令限期整改。")
    assert "food_safety" in tag_hazards("区市场监管局开展校园周边专项整治", sellers, tax).hazards
    # food named as the thing a check tested: food safety; food named in a menu's praise is not
    checked = ("9月3日，镇长一行到中心小学检查开学安全工作。\n检查组查看了消防器材和疏散通道。\n"
               "检查组询问了学生加餐情况，并详细检查了食材是否合格。")
    assert "food_safety" in tag_hazards("镇领导检查中心小学开学安全工作", checked, tax).hazards
    praised = checked.replace("检查组询问了学生加餐情况，并详细检查了食材是否合格", "学生们说食堂的食材新鲜，饭菜可口")
    assert "food_safety" not in tag_hazards("镇领导检查中心小学开学安全工作", praised, tax).hazards
    # the check must take the food: an agency's name (食品药品监督管理局) before a fire check's 检查 is none
    agency = ("县消防救援大队对城区学校开展消防安全检查。\n检查组由县食品药品监督管理局副局长带队，检查了学校消防器材。\n"
              "要求学校加强消防安全管理。")
    assert tag_hazards("县消防救援大队对城区学校开展消防安全检查", agency, tax).hazards == ["fire"]


def test_a_terror_attack_drill_is_campus_security(tax):
    body = ("11月9日，派出所民警走进中心小学，开展消防疏散和暴恐袭击综合处置演练。\n"
            "演练中，民警对师生讲解了遇到持械人员时的应对方法。")
    assert "security" in tag_hazards("派出所民警进校园开展应急演练", body, tax).hazards
    # the violent-terror videos a cyber lecture warns against sharing are no attack on a campus
    lecture = ("民警走进校园开展网络安全讲座。\n民警提醒同学们增强网络安全意识，不传播暴恐音视频等有害信息，"
               "保护好个人信息。\n讲座结束后，同学们纷纷表示收获很大。")
    assert "security" not in tag_hazards("民警进校园开展网络安全讲座", lecture, tax).hazards


def test_one_sentence_naming_three_hazards_is_a_checks_round(tax):
    # a supervisor's visit told in one comma-joined sentence: each hazard it names was checked
    body = ("10月16日，县安委办组成督导组深入教育系统开展安全生产督导。\n"
            "督导组在两所学校详细查看应急预案和防溺水教育情况，现场查看消防设施配备情况，厨房等重点场所用电安全情况。\n"
            "发布人：某某")
    assert set(tag_hazards("县安委办对教育系统开展安全生产督导", body, tax).hazards) == {"drowning", "fire", "electrical"}
    # two named in one sentence of a longer text stay an aside
    two = body.replace("，厨房等重点场所用电安全情况", "")
    assert tag_hazards("县安委办对教育系统开展安全生产督导", two, tax).hazards == []
    # … and three named where nobody looked are a teacher's awards, no round
    profile = ("王老师从教二十年，深受学生爱戴。\n她曾获评全市交通安全宣传先进个人，参与编写过消防安全读本，"
               "还指导学生获得网络安全知识竞赛一等奖。\n她说，教育是一份良心活。")
    assert tag_hazards("优秀教师风采", profile, tax).hazards == []


def test_an_epidemics_measures_checked_with_the_campus_security_count(tax):
    # the police's check goes through the campus's defences and its epidemic measures: readers count both
    body = ("开学前夕，派出所民警深入辖区中小学、幼儿园，对校园安保和门卫值守情况进行全面检查，并提醒学校落实疫情防控措施。\n"
            "民警在校园周边加大巡逻防控密度，加强护学岗建设，确保师生安全。\n民警还检查了学校安保人员配备和一键报警装置。")
    r = tag_hazards("派出所开展开学校园安全检查", body, tax)
    assert {"security", "epidemic"} <= set(r.hazards) and r.primary == "security"
    # … but the condition another hazard's task is done under is no task of its own
    drill = ("11月9日，在做好疫情防控的前提下，学校组织全校师生开展消防疏散演练。\n演练中，师生们有序撤离到操场。\n"
             "校长对演练进行了总结。")
    assert tag_hazards("学校开展消防疏散演练", drill, tax).hazards == ["fire"]


def test_keeping_the_campus_safe_is_no_school_guard(tax):
    # 维护校园安全稳定: 维护 + 校园, no 护校 (a school's guard duty)
    # (two hints of guards in a safety text are not yet three sentences of them)
    body = ("校长要求全体教职工切实履行安全责任，积极维护校园安全稳定。\n各班要加强学生防溺水教育，严禁私自下水游泳。\n"
            "放学时段值班教师在校门口值守。\n学校将持续开展安全教育，夜间加强巡逻。")
    assert tag_hazards("学校召开安全工作会议", body, tax).hazards == ["drowning"]


def test_a_pupil_cheated_of_money_or_a_scam_is_fraud_but_a_child_led_away_is_not(tax):
    # money lost (被骗800元, 被骗走两千元) or a scam named (骗局, 发现被骗)
    assert tag_hazards("初二学生网上转让游戏装备 被骗800元", "周末，一名初二学生在游戏群里结识了自称收购装备的网友。\n"
                       "对方让他先交保证金，他用妈妈的手机付了款。", tax).hazards == ["fraud"]
    assert tag_hazards("民警提示：谨防“点赞返现”骗局", "有人在学生群里发布点赞返现广告。\n民警提示家长看管好手机支付密码。",
                       tax).hazards == ["fraud"]
    story = "一名小学生在短视频平台看到赠送游戏皮肤的消息，按对方要求扫码操作。\n孩子赶紧告诉了妈妈，家长随即报警。"
    assert tag_hazards("孩子扫码领皮肤 发现被骗后及时报警", story, tax).hazards == ["fraud"]
    assert tag_hazards("孩子扫码领皮肤 意识到被骗后及时报警", story, tax).hazards == ["fraud"]
    sold = "一名初中生在网上出售游戏账号，被骗走两千元。\n民警提醒学生不要私下交易。"
    assert tag_hazards("家长们注意了", sold, tax).hazards == ["fraud"]
    refund = "有人冒充网店客服给家长打电话，说孩子买的文具要退款。\n民警提醒家长不要轻信陌生来电。"
    assert tag_hazards("假客服以退款为由骗走家长三千元", refund, tax).hazards == ["fraud"]
    # … but a child lured away (被骗出, 被骗上车) in a kindergarten's drill or a rescue is no scam
    drill = ("近日，县实验幼儿园开展防拐骗安全演练，老师扮演陌生人用玩具引诱幼儿。\n"
             "演练中，小班有几名幼儿被骗出了园门。\n中班有两名幼儿被骗到了大门口。\n大班的孩子没有一个被骗上陌生人的车。\n"
             "园方随后组织老师和家长开展安全教育，提高孩子们的安全防范意识。")
    assert "fraud" not in tag_hazards("幼儿园开展防拐骗演练", drill, tax).hazards
    rescue = "一名女童放学途中被骗上一辆面包车，民警连夜追踪将其解救。\n警方提醒家长做好孩子接送。"
    assert "fraud" not in tag_hazards("女童放学途中被骗上车 民警连夜解救", rescue, tax).hazards


def test_buildings_safety_by_their_other_names_is_building_safety(tax):
    # 建筑物安全, 危楼, 抗震标准
    for title, body in (
            ("市教育局联合住建部门开展校园建筑物安全大检查", "检查组查看了教学楼、宿舍楼的结构和外墙。"),
            ("震后灾区学校陆续复课", "地震发生后，灾区学校陆续复课。\n村小的两层教学楼震后成了危楼，师生暂时在板房上课。"),
            ("山区小学用上新校舍", "这所学校的老校舍达不到抗震标准，去年拆除重建。\n今年秋季，学生们搬进了新校舍。")):
        assert "building" in tag_hazards(title, body, tax).hazards, title
    # … but a building's exits a fire check keeps clear are fire safety
    body = "检查组重点检查了消防设施是否完好，建筑物安全出口和疏散通道是否畅通。\n检查组要求学校及时整改。"
    assert tag_hazards("消防大队到校开展消防安全检查", body, tax).hazards == ["fire"]


def test_falls_a_winter_letter_keeps_warning_of_are_accidental_injuries(tax):
    # slipping, knocks and scalds named in three of its sentences: the injury itself is the hazard
    body = ("各位家长：\n寒假将至，为确保学生度过一个平安的假期，现将有关安全事项提醒如下。\n"
            "一、注意交通安全，不乘坐无牌无证车辆。\n二、冰雪天气路面湿滑，上下楼梯不推挤，防止滑倒。\n"
            "三、在家中不攀高、不追逐，防止磕碰跌倒。\n四、使用热水袋、热水瓶时注意防止烫伤。\n"
            "五、注意用火用电安全，严禁玩火。")
    r = tag_hazards("寒假安全致家长的一封信", body, tax)
    assert "accident_general" in r.hazards


def test_a_school_wall_knocked_down_is_building_safety(tax):
    # told as it happened, in other words than 倒塌: a wall knocked down by a mudslide
    body = ("受连日强降雨影响，该校教学楼背后一段约40米长的围墙被泥石流冲倒，所幸无人员伤亡。\n"
            "县教育局已组织人员对全县学校开展隐患排查。")
    assert "building" in tag_hazards("山体滑坡险情影响一所小学", body, tax).hazards
    # … but a typhoon notice's boards to fasten, and things thrown from the teaching block, are not
    body = ("台风即将登陆，各校要立即对校园内的宣传栏、广告牌、旗杆等设施进行加固。\n"
            "严禁学生从教学楼窗口向外抛物，防止物品掉落砸伤他人。\n各校要做好停课准备，确保师生安全。")
    assert "building" not in tag_hazards("关于做好台风防御工作的紧急通知", body, tax).hazards


def test_the_quake_a_building_check_follows_is_the_texts_hazard_too(tax):
    # the earthquake named only in the buildings' sentences: the disaster they are checked against
    body = ("当地已完成对62所学校校舍的安全隐患排查，相关学校校舍主体结构无损坏，学校将正常开展教育教学。\n"
            "据了解，3月28日邻国发生7.2级地震后，市教育体育局迅速启动应急响应，对全市学校校舍建筑逐一进行安全隐患排查，"
            "同时对校舍安全同步开展专项检测。\n经评估，校舍主体结构均无损坏，各学校已及时对墙砖脱落等进行安全处理。")
    r = tag_hazards("全市62所学校完成校舍安全隐患排查 教学将正常开展", body, tax)
    assert {"building", "natural_disaster"} <= set(r.hazards)
    # … not a quake of years ago the buildings' programme began after
    body = ("2008年汶川地震后，我县启动中小学校舍安全工程。今年县教育局投入资金对12所学校校舍进行安全隐患排查和加固。\n"
            "排查组逐栋查看教学楼、宿舍楼墙体有无裂缝、倾斜，对发现的问题建立台账、限期整改。\n"
            "经排查，全县学校校舍总体安全。")
    assert "natural_disaster" not in tag_hazards("我县完成12所学校校舍安全隐患排查", body, tax).hazards


def test_a_bulleted_list_of_other_pages_headlines_is_furniture(tax):
    body = ("  • 某市某区教育体育局召开秋季开学工作会议\n  • 某县与邻县签订森林防灭火联防联控协议\n"
            "  • 某区人民检察院召开上半年工作总结会\n  • 某县县庆安保展风采 忠诚履职护平安\n"
            "当前位置: 主页 > 新闻资讯\n为进一步消除校园食品安全风险隐患，近日，市市场监管局对辖区内中小学食堂开展食品安全检查。\n"
            "检查组重点检查了食品原料进货查验、食品留样和餐具清洗消毒等情况，督促学校落实食品安全主体责任。")
    r = tag_hazards("市市场监管局开展开学前校园食品安全检查", body, tax)
    assert r.hazards == ["food_safety"]
    # … and so is one dated, or closing the page, even without a last line break
    from indexer.enrich.textzones import furniture_spans

    article = "为进一步消除校园食品安全风险隐患，近日，市市场监管局对辖区内中小学食堂开展食品安全检查，督促学校落实主体责任。"
    dated = "".join(f"\n- 2025-04-0{i}某县开展防震减灾知识进校园活动第{i}场" for i in range(1, 5))
    assert tag_hazards("市市场监管局开展校园食品安全检查", article + dated, tax).hazards == ["food_safety"]
    # … but a notice's own bullets are its tasks: short or with commas, after 如下：, inside the text, or a
    # notice's few items at its end (a 公示's projects)
    body = ("寒假将至，学校提醒各位家长和同学注意以下安全事项：\n● 严禁私自下河游泳\n● 不玩火，不燃放烟花爆竹\n"
            "● 不乘坐无牌无证车辆\n● 不在冰面上行走滑冰\n请家长切实履行监护责任，确保孩子度过一个平安的寒假。")
    assert furniture_spans(body) == []
    tasks = ("- 全面排查校舍及围墙等附属设施安全隐患\n- 开展校园周边道路交通安全专项整治行动\n"
             "- 组织全体师生开展消防安全应急疏散演练\n- 加强学生防溺水安全教育和重点水域巡查\n")
    opening = "为切实做好新学期学校安全工作，保障广大师生生命财产安全，县教育局决定开展安全隐患大排查，现将有关工作安排如下：\n"
    closing = "各校要高度重视，明确责任分工，于3月15日前将排查整治情况报县教育局安全股。"
    assert furniture_spans(opening + tasks + closing) == []
    assert furniture_spans(opening.replace("如下：", "如下。") + tasks + closing) == []
    projects = ("- 城关镇中心小学校舍维修改造工程项目\n- 城关镇第二小学教学楼抗震加固工程\n"
                "- 农村学校食堂明厨亮灶建设工程项目\n- 全县中小学消防设施设备更新改造项目\n")
    assert furniture_spans("经县教育局研究，现将2024年学校安全工程项目计划予以公示，公示期为5个工作日，期间如有异议请向县教育局反映。\n" + projects) == []


def test_eating_wild_fruit_by_mistake_is_food_safety(tax):
    body = ("近日，某镇中心小学多名学生在放学途中误食野果，出现呕吐、腹痛等症状，经送医救治均已脱离危险。\n"
            "县教育局提醒各校加强学生安全教育，不采摘、不食用不认识的野果和野生植物。")
    assert "food_safety" in tag_hazards("多名小学生放学途中误食野果送医", body, tax).hazards
    # … not a pill, a battery or rat poison swallowed by mistake
    body = ("近日，某幼儿园一名幼儿误食纽扣电池，经送医及时取出后已无大碍。\n"
            "县教育局提醒各幼儿园和家长妥善存放药品、电池等物品，防止幼儿误食药物。")
    assert "food_safety" not in tag_hazards("幼儿误食纽扣电池送医", body, tax).hazards


def test_disinfection_after_a_flood_is_epidemic_prevention(tax):
    body = ("洪水退去后，受灾学校抓紧开展清淤、基础设施修复和环境消杀等工作。\n"
            "县教育局要求各校开学前完成校舍安全排查。\n"
            "各校对教室、宿舍和食堂等重点区域开展全面消杀，确保师生安全返校。")
    assert "epidemic" in tag_hazards("灾后学校全面消杀 确保如期开学", body, tax).hazards
    # … not a canteen's tableware or its records against flies and rats
    body = ("近日，县市场监管局对辖区学校食堂开展食品安全检查。\n"
            "检查组重点查看了食品留样、餐具消杀记录以及防蝇、防鼠设施。\n各校食堂均落实了食品安全主体责任。")
    assert "epidemic" not in tag_hazards("县市场监管局开展学校食堂食品安全检查", body, tax).hazards


def test_the_other_ways_to_school_are_traffic(tax):
    # a railway unit's talk along its line, a ferry check, a zip line: the readers count them traffic
    body = ("车务段职工走进沿线小学开展爱路护路安全教育，告诉学生不要在铁路沿线玩耍，不要攀爬列车。\n"
            "学生们在承诺书上签名。")
    assert tag_hazards("爱路护路进校园", body, tax).hazards == ["traffic"]
    body = "海事处执法人员来到渡口，对接送学生的渡船开展安全检查，要求严禁超载。\n学校安排老师在渡口护送学生。"
    assert "traffic" in tag_hazards("海事部门检查接送学生渡船", body, tax).hazards
    # … but a ferry landing among the waters a drowning letter lists, or a school named after a village, is no traffic
    body = "暑假期间请注意防溺水，不私自到河边、渡口玩耍；不到河边、渡口、水库、池塘等危险水域游泳。"
    assert tag_hazards("假期安全", body, tax).hazards == ["drowning"]
    assert tag_hazards("消防演练", "近日，渡口小学组织全体师生开展消防应急疏散演练。", tax).hazards == ["fire"]


def test_a_brawl_told_as_it_happened_is_bullying(tax):
    body = ("县委宣传部通报，23日，县公安机关查处一起中学生打群架事件。\n"
            "两名学生因打篮球发生碰撞引发口角，次日约人在校外打群架，一名学生鼻部受伤。\n"
            "公安机关已对涉事学生进行训诫教育。")
    assert "bullying" in tag_hazards("县公安机关通报一起中学生打群架事件", body, tax).hazards


def test_first_aid_training_is_about_accidental_injuries(tax):
    body = ("学校红十字会邀请县红十字会救护培训师走进校园，为师生开展应急救护培训。\n"
            "培训师现场演示了心肺复苏和海姆立克急救法，学生们分组上台实操练习。")
    assert "accident_general" in tag_hazards("我校开展应急救护进校园活动", body, tax).hazards


def test_pupils_taken_ill_with_vomiting_and_diarrhoea_is_food_safety(tax):
    # an outbreak told as it happened, its cause the canteen's food told without the words 中毒 or 食品安全:
    # readers of the read sets labelled such texts food safety
    body = ("县政府昨日通报，县一中部分学生近日出现呕吐、腹泻症状，原因已查明，系学校食堂饭菜不卫生引发。\n"
            "经治疗，出现呕吐、腹泻的学生大多已康复返校。")
    assert tag_hazards("县一中多名学生呕吐腹泻 原因查明", body, tax).hazards == ["food_safety"]
    # … but a norovirus outbreak told the same way is the epidemic's
    body = ("9月2日起，县城一所小学陆续有学生出现呕吐、腹泻等症状，共报告病例37例。\n"
            "经流行病学调查和实验室检测，判定这是一起诺如病毒感染引起的聚集性疫情。\n"
            "目前学校已全面消毒，出现呕吐、腹泻症状的学生居家休息。")
    assert tag_hazards("某小学学生出现呕吐腹泻 疾控通报调查结果", body, tax).hazards == ["epidemic"]


def test_a_child_hurt_at_school_is_an_accidental_injury(tax):
    # an injury told in two sentences, no other hazard named: the readers' accidental injuries
    body = ("家长反映，孩子上周在幼儿园午休时被划伤脸部，伤口长约4厘米。\n"
            "家长认为老师看护不到位，要求幼儿园公开道歉并承担孩子受伤后的医疗费用。\n"
            "幼儿园负责人表示，将积极与家长沟通协商。")
    assert tag_hazards("3岁娃在幼儿园被划伤脸 家长要求道歉", body, tax).hazards == ["accident_general"]
    # … not the injured of a crash, which are the crash's
    body = ("昨日上午，一辆校车在路口与货车相撞，车上5名学生受伤。\n"
            "受伤学生已送医救治，交警部门正在调查事故原因。")
    assert tag_hazards("一辆校车与货车相撞", body, tax).hazards == ["traffic"]
    body = ("昨日下午，某中学化学实验室发生爆炸，3名学生被玻璃划伤。\n"
            "划伤学生已送医救治，学校已全面排查实验室安全隐患。")
    assert tag_hazards("某中学化学实验室发生爆炸", body, tax).hazards == ["lab_chemicals"]
    # … nor an injury a letter warns of (防止烫伤, 以免受伤)
    body = ("冬季天气寒冷，请家长提醒孩子使用热水袋时注意防止烫伤。\n"
            "课间不要在走廊追逐打闹，以免摔伤。\n体育课前要做好准备活动，避免受伤。")
    assert "accident_general" not in tag_hazards("冬季安全致家长的一封信", body, tax).hazards


def test_the_campus_facilities_checked_are_building_safety(tax):
    # the taxonomy's building class holds the facilities: a check of 校园设施 is one of them
    body = ("4月8日，学校组织人员对校园设施、设备进行了安全排查，对发现的问题立即整改。\n"
            "学校还开展了消防疏散演练。")
    assert "building" in tag_hazards("我校开展全民国家安全教育日活动", body, tax).hazards


def test_a_kindergartens_premises_checked_are_building_safety(tax):
    # 园舍 is a kindergarten's 校舍: a check that goes through it, its canteen and its nap room looks at its buildings
    body = ("4月6日，街道组织多部门联合开展幼儿园安全隐患排查。\n检查组重点检查了园舍、食堂、午睡室和消防器材，"
            "对发现的问题当场交办整改。")
    assert "building" in tag_hazards("街道开展幼儿园安全隐患排查", body, tax).hazards


def test_a_climb_to_school_told_twice_is_an_accidental_injury(tax):
    body = ("记者了解到，该村几十名学生每周要攀爬悬崖上的小路去乡中学读书。\n"
            "学生攀爬时只能抓住岩壁上的铁链，稍有不慎就可能跌落山谷。\n"
            "县教育局表示将尽快修建上学路。")
    assert tag_hazards("学生攀爬悬崖上学 县教育局回应", body, tax).hazards == ["accident_general"]
    # … not a letter that warns of climbing
    body = ("请家长教育孩子不要攀爬围栏和树木。\n课间不要攀爬栏杆，以免跌落。\n雨雪天气路面湿滑，上下楼梯要小心摔倒。\n"
            "上学路上结冰，走路要当心摔倒。")
    assert "accident_general" not in tag_hazards("致家长的一封信", body, tax).hazards
    # … nor a kindergarten's new climbing frame
    body = "幼儿园新添置了攀爬架和滑梯。\n孩子们在攀爬架上玩得不亦乐乎。"
    assert "accident_general" not in tag_hazards("幼儿园户外活动区焕然一新", body, tax).hazards


def test_a_colour_coded_weather_warning_is_extreme_weather(tax):
    body = ("市气象台今天发布大风和沙尘蓝色预警。\n"
            "市教委建议大中小学校、幼儿园等停止户外体育课和室外活动。")
    assert tag_hazards("我市发布大风和沙尘蓝色预警 建议学校停止室外活动", body, tax).hazards == ["extreme_weather"]


def test_a_socket_is_electrical_safety(tax):
    body = ("学校开展宿舍安全检查。\n检查发现部分宿舍存在插座老化问题。\n"
            "学校要求学生不得在宿舍使用插座给电动车电池充电。")
    assert tag_hazards("学院开展学生宿舍安全检查", body, tax).hazards == ["electrical"]


def test_pupils_escorted_on_their_way_is_traffic(tax):
    body = ("开学首日，派出所民警在学校周边路口指挥疏导，护送学生安全过马路。\n"
            "放学时，民警再次来到路口，护送学生过马路。")
    assert "traffic" in tag_hazards("民警护航开学季", body, tax).hazards
    # … not a drill's evacuation
    drill = "学校开展消防疏散演练，警报响起后，老师护送学生有序撤离到操场。\n演练结束后，消防员讲解了灭火器的使用方法。"
    assert tag_hazards("我校开展消防演练", drill, tax).hazards == ["fire"]


def test_an_academic_warning_and_an_opened_campus_are_no_hazard(tax):
    body = "近日，学院对32名学生发出学业黄色预警。\n学院将安排辅导员与学生一对一谈心。"
    assert tag_hazards("学院对32名学生发出学业黄色预警", body, tax).hazards == []
    body = "今年暑假，我校校园设施向社会开放。\n市民可凭身份证进入校园锻炼。"
    assert tag_hazards("我校校园设施向社会开放", body, tax).hazards == []


def test_internet_cafes_a_school_text_comes_back_to_are_online_safety(tax):
    body = ("开学前夕，镇综合执法中队联合派出所对学校周边网吧开展专项巡查。\n"
            "执法人员逐一核查上网人员身份，严查网吧违规接纳未成年人。\n"
            "下一步，中队将持续加强校园周边环境整治，护航学生健康成长。")
    assert "cyber" in tag_hazards("镇执法中队开展开学季校园周边网吧巡查", body, tax).hazards


def test_an_internet_cafe_in_a_police_sweeps_list_of_places_is_no_online_safety(tax):
    body = ("县公安局开展校园周边治安整治行动，在校门口设置护学岗，加强巡逻防控。\n"
            "民警清查校园周边出租屋、网吧、小旅馆等场所50余家，严厉打击涉校违法犯罪。")
    assert "cyber" not in tag_hazards("县公安局开展校园周边治安整治", body, tax).hazards


@pytest.mark.parametrize("title, body", [
    ("市教育局通报一起学生坠落事故", "晚自习课间，某中学教学楼三楼走廊栏杆突然断裂，两名学生坠落受伤。\n市教育局已责成全市学校开展排查。"),
    ("关于学校大楼外墙脱落问题的回复", "经街道调查核实，该校办公楼外墙脱落存在安全隐患，现已设置围挡临时处置。\n学校将尽快开展维修。"),
    ("县教育局部署防台风工作", "各校要开展校园安全隐患排查，及时转移校园危旧房屋住户，确保师生安全。\n各校要做好值班值守。"),
    ("关于学校寝室护栏问题的回复", "网友反映某高中寝室护栏过低。\n经县教育局核实，学校已对寝室护栏进行加高改造。"),
])
def test_a_broken_railing_a_falling_wall_or_old_unsafe_rooms_are_building_safety(tax, title, body):
    assert "building" in tag_hazards(title, body, tax).hazards


def test_a_railing_by_a_river_is_no_building_safety(tax):
    body = ("镇政府对辖区河道、水塘开展防溺水隐患排查。\n"
            "各村在危险水域设立警示牌、加装防护栏，并安排专人巡查。")
    assert "building" not in tag_hazards("镇政府开展防溺水隐患排查", body, tax).hazards


def test_a_news_app_called_strong_wind_is_no_weather(tax):
    # 大风新闻 is 华商报's news app: its reporters' lines name no wind
    title = "初中生在校外遭多人围殴 教育部门：已介入调查"
    body = ("近日，一段初中生被多名学生围殴的视频在网上传播。\n华商报大风新闻记者获悉，当地教育、公安部门已介入调查。\n"
            "一位家长告诉大风新闻记者，孩子在校内外多次遭到欺凌。\n教育局表示，将督促学校加强防范校园欺凌工作。")
    assert "extreme_weather" not in tag_hazards(title, body, tax).hazards


@pytest.mark.parametrize("title, body", [
    ("一接送幼儿车辆坠入池塘", "12月23日下午，一辆接送幼儿园孩子的车辆在放学途中坠入路边池塘，造成车内多人死亡。\n"
                      "县公安局通报，事故调查、善后处置等工作正在进行中。"),
    ("幼儿园校车落水 多名儿童遇难", "事发时，校车驶经一处弯道，连人带车掉入水塘。\n当地已成立事故调查组。"),
])
def test_a_vehicle_that_went_into_the_water_is_a_road_crash_not_drowning(tax, title, body):
    r = tag_hazards(title, body, tax)
    assert "traffic" in r.hazards and "drowning" not in r.hazards


def test_vehicles_on_a_frozen_river_are_no_road_crash(tax):
    body = ("近日，两名学生骑车穿越冰面掉进冰洞遇险。\n"
            "气象部门提醒，河道冰面厚度不均匀，人员、车辆在冰面行走，极易发生冰面坍陷、坠入、溺水伤亡等安全事故。\n"
            "各校要加强学生防溺水安全教育，严禁学生到冰面上玩耍。")
    r = tag_hazards("关于加强冬季防溺水安全教育的提醒", body, tax)
    assert "drowning" in r.hazards and "traffic" not in r.hazards


def test_a_car_that_hit_a_pupil_is_a_road_crash(tax):
    title = "关于我区一小学学生意外受伤离世的情况通报"
    body = ("5月23日13时50分，我区某小学教师刘某在校内驾车将该校一年级学生撞伤，学生经送医抢救无效不幸离世。\n"
            "我们对学生的不幸离世深感悲痛。\n目前，公安机关已对涉事教师依法采取刑事强制措施。")
    assert "traffic" in tag_hazards(title, body, tax).hazards


def test_a_car_named_with_no_crash_is_no_traffic_hint(tax):
    body = ("学校组织教师驾车前往县城参加培训。\n培训内容包括课堂教学改革和班主任工作。\n"
            "参训教师纷纷表示收获很大。")
    assert tag_hazards("我校教师参加县级教学能力培训", body, tax).hazards == []


def test_being_taken_in_is_fraud(tax):
    body = ("一、离校的同学要注意交通安全，不乘坐无牌无证车辆。\n二、不到江河水库游泳，预防溺水。\n"
            "三、实习的同学要提高辨别能力，做好自我保护，以免上当受骗。\n四、宿舍内不得使用大功率电器。")
    assert "fraud" in tag_hazards("关于做好暑假学生安全工作的通知", body, tax).hazards


def test_a_school_gates_railings_as_a_task_are_no_building_safety(tax):
    # 护栏 names building safety only beside a break (护栏断裂); 护栏管理 and 护栏安装 at a gate are the road's
    body = ("针对校门口上下学时段人车混行的问题，学校落实值班制度，增设护学岗，配合护栏管理提升安全系数。\n"
            "下一步，我们将尽快启动校门口护栏安装项目，采用防撞材质护栏，确保学生上下学安全。")
    r = tag_hazards("关于学校门口交通安全问题的答复", body, tax)
    assert "building" not in r.hazards and "traffic" in r.hazards


def test_a_stair_railing_that_broke_is_building_safety(tax):
    body = ("课间，几名学生在楼梯处玩耍时，楼梯护栏突然断裂，一名学生坠落受伤。\n学校已对全校护栏进行排查。")
    assert "building" in tag_hazards("校方回应护栏损坏学生坠楼", body, tax).hazards


def test_an_unlicensed_van_carrying_pupils_is_traffic(tax):
    title = "一辆接送学生的“黑车”发生事故"
    body = ("21日早晨，某镇中心小学几十名学生在上学途中乘坐的一辆“黑车”发生事故，多名学生受伤。\n"
            "经县教育局、镇政府初步调查，此车系车主私自联系接送学生上学的“黑车”。")
    assert "traffic" in tag_hazards(title, body, tax).hazards


def test_crossing_the_road_at_a_school_gate_is_traffic(tax):
    # a citizen asks for a crossing at a school's back gate; the town answers it will be painted before term
    title = "网友问：实验小学后门公路能否增加人行通道"
    body = ("实验小学后门的公路车流量大，学生放学时很难通过，希望政府考虑增设斑马线。\n"
            "镇人民政府答复：您反映的问题已收悉。经实地查看，该处可以增加斑马线，预计开学前完成。")
    assert tag_hazards(title, body, tax).hazards == ["traffic"]
    for words in ("人行横道", "红绿灯", "减速带"):
        assert tag_hazards(title, body.replace("斑马线", words), tax).hazards == ["traffic"]


def test_the_power_company_checking_a_schools_supply_is_electrical(tax):
    title = "县供电公司全力做好高考保电工作"
    body = ("高考进入倒计时，县供电公司组织技术人员深入各考点学校，对考场的供电线路进行全面检修，排除隐患。\n"
            "对考生食宿集中区的供电设备逐一巡查，考试期间安排抢修人员在考点值守。")
    assert tag_hazards(title, body, tax).hazards == ["electrical"]


def test_the_buses_pupils_ride_to_school_are_traffic(tax):
    # a citizen's letter: pupils wait twenty minutes by the road, the buses full at closing time
    title = "信件：学生放学坐不上车"
    body = ("示例中学和示例小学中午同时放学，学生在路边等车要十几二十分钟。\n"
            "每天放学时的公交车都挤满了人，希望有关部门在放学时段增开公交车。")
    assert tag_hazards(title, body, tax).hazards == ["traffic"]


def test_stalls_cleared_from_the_street_outside_schools_are_the_order_around_them(tax):
    # the city management bureau clears hawkers from the streets outside the county's schools before the exams
    title = "县城管局开展考前集中执法整治行动"
    body = ("为确保中考、高考顺利进行，县城管局组织执法人员对县城区各中小学周边占道经营行为进行集中整治。\n"
            "行动中共劝离占道经营流动摊点40余处，清理乱堆乱放杂物10余处。")
    assert "security" in tag_hazards(title, body, tax).hazards


def test_an_internet_cafe_letting_minors_in_is_online_safety(tax):
    title = "区文化市场综合执法大队开展校园周边环境专项整治"
    body = ("开学前，执法人员对辖区中小学周边的书店、文具店进行检查，查处非法出版物。\n"
            "同时严查网吧违规接纳未成年人上网行为，责令两家网吧限期整改，并对违规接纳未成年人的一家网吧立案查处。")
    assert "cyber" in tag_hazards(title, body, tax).hazards


def test_pupils_fighting_at_the_school_gate_is_bullying(tax):
    title = "两名女生校门口厮打 教育局回应"
    body = ("近日，一段两名女生在某中学校门口打架的视频在网上流传。\n"
            "县教育局回应称，两名学生因琐事发生口角后打架，学校已对涉事学生进行批评教育，并通知家长到校。")
    assert tag_hazards(title, body, tax).hazards == ["bullying"]
