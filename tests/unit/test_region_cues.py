"""Region cue kinds learnt from reading real texts, each shown on a text we wrote ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.enrich.regions import Gazetteer, RegionContext, RegionResult


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.default()


def resolve(gz: Gazetteer, title: str, body: str = "", **kw) -> RegionResult:
    return gz.resolve(RegionContext(title=title, body=body, **kw))


def test_a_level_mark_picks_the_reading_of_an_ambiguous_town(gz):
    # 潞城镇 is a town of 通州区 (北京) and of 陵川县 (山西): the text's 区 or 县 says which
    body = "3月2日，潞城镇中心学校召开安全工作会议，邀请部分区、镇人大代表参加，通报校园安全检查情况。"
    r = resolve(gz, "开学安全工作会议召开", body)
    assert (r.province, r.county) == ("北京市", "通州区")
    assert any(e.rule == "region:level" for e in r.evidence)
    body = "3月2日，潞城镇中心学校召开安全工作会议，要求建立县、乡两级校园安全责任体系。"
    r = resolve(gz, "开学安全工作会议召开", body)
    assert (r.province, r.city, r.county) == ("山西省", "晋城市", "陵川县")
    # no mark: no guess
    r = resolve(gz, "开学安全工作会议召开", "3月2日，潞城镇中心学校召开安全工作会议。")
    assert r.province is None


def test_a_short_form_that_is_a_word_is_a_place_right_after_its_parent(gz):
    # 河东 is a word (and 天津's 河东区, 临沂's 河东区): right after 天津市 it is the district
    r = resolve(gz, "天津市河东实验小学开展消防疏散演练", "4月8日，学校组织全体师生开展消防疏散演练。")
    assert (r.province, r.county) == ("天津市", "河东区")
    assert any(e.rule == "region:short" and e.phrase == "河东" for e in r.evidence)
    r = resolve(gz, "河东实验小学开展消防疏散演练", "4月8日，学校组织全体师生开展消防疏散演练。")
    assert r.county is None
    # a phrase that goes on after the word is no district (青海 has a 平安区)
    r = resolve(gz, "青海省平安校园建设推进会召开", "会议部署全省平安校园建设工作。")
    assert (r.province, r.county) == ("青海省", None)


def test_a_word_before_an_office_named_after_its_township_is_that_township(gz):
    # 江口 is a word and a township of many counties (云阳县's among them): before 派出所 it is the township
    r = resolve(gz, "云阳县开展护校安园行动", "近日，江口派出所民警走进辖区学校，开展防溺水宣传。")
    assert any(e.phrase == "江口" and e.rule == "region:town_short" for e in r.evidence)
    # 公安派出所 is a kind of office, not a place
    r = resolve(gz, "关于规范校园电动车停放的通知", "对拒不整改的，报告公安派出所依法处理。")
    assert r.province is None


_LAB_NOTICE = "各学院：\n为做好新学期实验室安全工作，请各单位于3月10日前完成自查，重点检查危险化学品和气瓶管理。\n"


@pytest.mark.parametrize(("footer", "province", "city"), [
    ("版权所有：某某学院 皖ICP备05012345号", "安徽省", None),
    # a filing's six digits are its police office's code: the city (its county is often the portal's district)
    ("湘公网安备43010202000123号", "湖南省", "长沙市"),
    ("川公网安备 51040202000005号", "四川省", "攀枝花市"),
    ("地址：学院路1号 邮编：730070", "甘肃省", None),
    ("值班电话：028-85401234", "四川省", None),
])
def test_a_site_registration_names_the_province_when_the_text_names_none(gz, footer, province, city):
    r = resolve(gz, "关于开展实验室安全自查的通知", _LAB_NOTICE + footer)
    assert (r.province, r.city, r.county) == (province, city, None)
    assert [e.rule for e in r.evidence] == ["region:registration"]


def test_a_footers_address_narrows_what_only_the_registration_named(gz):
    # a county paper's page: 我县 in the body, the registration gives the province, the address line the county
    body = ("本报讯 近日，我县在城关小学举行消防疏散演练，全校师生参加。\n"
            "版权所有 今日本县网 鄂ICP备10201234号\n联系地址：湖北竹山县城关镇人民路1号")
    r = resolve(gz, "我县开展校园消防疏散演练", body)
    assert (r.province, r.city, r.county) == ("湖北省", "十堰市", "竹山县")
    # … not an address in another province (a portal's office)
    body = body.replace("湖北竹山县城关镇", "西安市雁塔区科技路")
    assert resolve(gz, "我县开展校园消防疏散演练", body).province == "湖北省"


def test_a_site_registration_never_outvotes_the_text_nor_a_national_body(gz):
    # a place the text names wins over the site's registration (a portal reprints from elsewhere)
    r = resolve(gz, "关于开展实验室安全自查的通知", _LAB_NOTICE + "西乡县教育局将于3月15日抽查。\n京ICP备05012345号")
    assert r.province == "陕西省"
    # a ministry's site is registered in 北京: its notices are national
    r = resolve(gz, "关于开展实验室安全自查的通知", "教育部办公厅要求各地完成自查。\n京ICP备05012345号")
    assert r.province is None
    # two registrations that disagree name nothing
    r = resolve(gz, "关于开展实验室安全自查的通知", _LAB_NOTICE + "皖ICP备05012345号 邮编：730070")
    assert r.province is None


def test_a_city_that_heads_a_school_name_does_not_hold_its_county_back(gz):
    # 泉州明德中学 is a school in 泉州, not 泉州 speaking: the township the text names gives its county
    body = "3月5日，泉州明德中学联合磁灶派出所开展校园消防演练，全校师生参加。"
    r = resolve(gz, "泉州明德中学开展校园消防演练", body)
    assert (r.city, r.county) == ("泉州市", "晋江市")
    # the city's bureau as the actor: a city-wide view that one township does not narrow
    body = "3月5日，泉州市教育局联合磁灶派出所开展校园消防演练，全市学校参加。"
    r = resolve(gz, "泉州市教育局开展校园消防演练", body)
    assert (r.city, r.county) == ("泉州市", None)


def test_a_national_body_with_a_long_name_acting_makes_a_national_document(gz):
    # 国务院教育督导委员会办公室 + a date before its verb: still the national body acting
    body = ("国务院教育督导委员会办公室23日发布预警，要求各地立即开展校园安全隐患大排查。\n"
            "各地要以校园周边治理为重点，消除各类安全隐患。\n近日，莆田市工会夏令营开营。")
    r = resolve(gz, "各地将启动校园安全隐患大排查", body)
    assert r.province is None
    assert any(e.rule == "region:national" for e in r.evidence)


def test_a_national_press_conference_is_a_news_hook_not_a_national_document(gz):
    # 举行新闻发布会: the ministry holds a press conference (发布会 is a noun); the story is the
    # county's incident reported after it
    body = ("10月9日，国家卫健委举行新闻发布会，介绍秋冬季传染病防控情况。\n"
            "此前，甘肃省天水市秦安县疾控中心通报，县城一所小学出现多例诺如病毒感染病例。")
    r = resolve(gz, "学校诺如病毒感染病例增多", body)
    assert (r.city, r.county) == ("天水市", "秦安县")
    assert resolve(gz, "学校诺如病毒感染病例增多", body.replace("举行", "召开")).county == "秦安县"
    # a ministry's meeting is still its act
    assert resolve(gz, "教育部召开会议部署校园安全工作", "会议要求各地落实责任。").province is None


def test_a_beijing_area_office_names_its_township(gz):
    # the statistical codes list 北京's township offices as 小红门地区 (小红门乡); texts write the 乡
    r = resolve(gz, "小红门乡开展校园周边安全检查", "9月1日，乡安全科联合派出所检查辖区学校周边商铺。")
    assert (r.province, r.county) == ("北京市", "朝阳区")
    assert any(e.rule == "region:town" for e in r.evidence)


def test_a_province_reading_of_a_short_title_name_is_backed_by_the_province_named_in_the_body(gz):
    # 河北 is the province and 天津's 河北区: the body names 河北省 three times and 天津 once
    body = ("河北省教育厅联合水利部门启动防溺水专项行动。行动由河北省教育厅与北京、天津等地的管理单位共同开展，"
            "河北省各地学校将发放安全作业本。")
    r = resolve(gz, "河北启动中小学生防溺水专项行动", body)
    assert (r.province, r.county) == ("河北省", None)


def test_a_township_centre_school_keeps_the_township_reading_of_a_county_short_name(gz):
    # 长乐 is 福州's 长乐区, and a 长乐镇 of 嵊州市 (绍兴): a 中心校 is a township's school
    body = "9月3日，绍兴市教育局督查组来到长乐中心校，检查消防设施和食堂。"
    r = resolve(gz, "长乐中心校迎接开学安全督查", body)
    assert (r.province, r.city, r.county) == ("浙江省", "绍兴市", "嵊州市")
    # before an ordinary school the county's reading stays alone (长乐实验小学 is named after 长乐区)
    r = resolve(gz, "长乐实验小学迎接开学安全督查", body.replace("中心校", "实验小学"))
    assert r.county != "嵊州市"


def test_a_township_named_after_a_bridge_names_its_county_before_its_school(gz):
    # 枫桥镇 (诸暨市, 绍兴; and a 枫桥街道 in 苏州): a township's name may end in 桥, unlike a street's in 路
    body = "6月5日，绍兴市教育局防溺水督查组来到枫桥中心校，查看学校周边水域的警示牌和救生设施。"
    r = resolve(gz, "防溺水督查走进乡村学校", body)
    assert (r.city, r.county) == ("绍兴市", "诸暨市")
    # only before a township's own institution: 枫桥小学 may be a village's or a bridge's school
    r = resolve(gz, "防溺水督查走进乡村学校", body.replace("中心校", "小学"))
    assert r.county != "诸暨市"


def test_a_street_office_names_its_street(gz):
    # 状元洲办事处 is 状元洲街道 (邵阳市北塔区); another county's 状元 school does not outvote it
    body = "9月18日，状元洲办事处召集辖区三所学校负责人召开校园周边安全工作会议，部署开学安全工作。"
    r = resolve(gz, "办事处召开校地共建安全工作会议", body)
    assert (r.city, r.county) == ("邵阳市", "北塔区")


def test_a_police_squadron_named_after_its_township(gz):
    # 双沟中队 (a traffic squadron): 双沟镇 of 亳州's 谯城区, among four 双沟镇 in China
    body = "连日来，亳州市交警二大队双沟中队对辖区内中小学、幼儿园校车进行安全排查，重点检查车况和驾驶人资质。"
    r = resolve(gz, "校车“体检”护平安", body)
    assert (r.city, r.county) == ("亳州市", "谯城区")


def test_a_city_paper_named_metropolis_holds_no_former_city(gz):
    # 西江都市报 holds 江都市 (扬州's 江都区 before 2011): 西江|都市报
    body = "西江都市报讯 6月15日中午，岑溪市滨江公园附近江段发生一起小学生溺水事件。"
    r = resolve(gz, "小学生江边玩耍不慎落水", body)
    assert (r.city, r.county) == ("梧州市", "岑溪市")


def test_a_county_bureau_without_its_name_binds_to_the_one_county_named(gz):
    # 县应急局 at the start of the title: the county the text's townships name (石门 is 石门县's short
    # form; 维新镇 and 磨市镇 are townships of 石门县)
    body = "9月2日，县应急局工作人员深入维新镇中心学校、磨市镇中心学校检查消防设施和食堂。"
    r = resolve(gz, "县应急局开展学校安全检查", body)
    assert (r.province, r.county) == ("湖南省", "石门县")
    assert any(e.rule == "region:deixis" for e in r.evidence)


def test_a_township_named_as_it_is_today_beats_a_street_that_may_once_have_borne_it(gz):
    # 阎庄乡 is a township of 保定's 清苑区; 德州's 阎庄街道 might have been a 阎庄乡 before
    r = resolve(gz, "阎庄乡中心学校开展消防演练", "4月10日，学校组织师生进行疏散演练。")
    assert (r.province, r.city, r.county) == ("河北省", "保定市", "清苑区")


def test_a_provincial_tv_channel_is_an_outlet_not_the_place(gz):
    body = "湖北卫视《新闻》\n湖北公共新闻\n4月9日，远安县消防救援大队走进远安县实验小学开展消防演练，远安县教育局参加。"
    r = resolve(gz, "湖北公共新闻", body)
    assert (r.province, r.city, r.county) == ("湖北省", "宜昌市", "远安县")


def test_a_betting_brand_glued_before_the_dateline_does_not_vote(gz):
    # a reprint's injected brand (a place name and a number before 平台) names another province
    body = ("南宫28平台讯 4月3日，浙江省应急管理厅在全省中小学开展地震应急疏散演练，各地学校迅速组织师生撤离到操场。"
            "浙江省教育厅要求各校总结演练情况，完善应急预案。")
    # a page without a headline: extraction takes the paragraph's first words for the title
    r = resolve(gz, body[:30], body)
    assert r.province == "浙江省"


def test_a_short_insert_the_body_repeats_is_not_a_title(gz):
    # a spun reprint puts "青海西宁 墙体广告" between its paragraphs; extraction took one for the title
    body = ("青海西宁\n3月1日开学首日，海东市乐都区组织有关部门对辖区学校周边环境开展安全专项检查。\n"
            "青海西宁\n检查要点包含校园周边交通秩序和食品卫生。\n青海西宁\n")
    r = resolve(gz, "青海西宁", body)
    assert (r.city, r.county) == ("海东市", "乐都区")


def test_a_place_before_a_dated_disaster_is_the_event_not_the_issuer(gz):
    # 汶川“5·12”地震: the earthquake, not who writes; the county bureau that acts is 青川县
    body = "汶川“5·12”特大地震十五周年之际，青川县教育局组织全县学校开展防震减灾应急演练。青川县各校师生参加。"
    r = resolve(gz, "汶川“5·12”地震纪念日 学校开展防震演练", body)
    assert (r.province, r.county) == ("四川省", "青川县")


def test_a_line_the_body_repeats_three_times_does_not_vote(gz):
    # a spun reprint's insert between paragraphs names a province the story is not in
    insert = "广东东莞墙体广告"
    body = "\n".join([insert, "4月2日，乐都区教育局组织辖区学校开展消防演练。", insert,
                      "演练结束后，乐都区消防救援大队讲解了灭火器的使用方法。", insert])
    r = resolve(gz, "学校开展消防演练", body)
    assert (r.province, r.county) == ("青海省", "乐都区")
    assert "东莞市" not in r.secondary


def test_a_police_station_after_its_county_bureau_is_the_township_not_a_namesake_county(gz):
    # 永和 is 山西's 永和县 and a 永和镇 of 浏阳市: a 派出所 is named after its township
    r = resolve(gz, "浏阳市公安局永和派出所开展护学岗执勤", "民警在辖区学校门口维护上学放学秩序。")
    assert (r.province, r.city, r.county) == ("湖南省", "长沙市", "浏阳市")
    assert "永和县" not in r.secondary


def test_an_autonomous_county_written_with_its_people_dropped_is_that_county(gz):
    # 景谷自治县 for 景谷傣族彝族自治县: an official abbreviation, in the body as good as the full name
    r = resolve(gz, "市场监管所开展校园周边食品检查", "检查组对景谷自治县第一中学周边的餐饮店进行了检查。")
    assert (r.province, r.city, r.county) == ("云南省", "普洱市", "景谷傣族彝族自治县")
    assert resolve(gz, "", "湘西自治州教育局部署安全工作。").city == "湘西土家族苗族自治州"


def test_an_agency_dateline_in_a_headline_less_first_line_is_where_the_reporter_sat(gz):
    # a page without a headline: its first line, dateline included, was taken for the title
    first = "中新社西宁五月八日电(记者 李文)记者从平安区教育局获悉，辖区六所学校近日开展了防溺水专项检查"
    r = resolve(gz, first, first + "。\n平安区地处海东市西部，境内河流较多。")
    assert (r.province, r.city, r.county) == ("青海省", "海东市", "平安区")


def test_a_rule_of_law_paper_names_where_it_is_based_not_the_place(gz):
    # 湖南法治报 is a provincial paper: its name says nothing of where the story is
    first = "湖南法治报讯(通讯员 周敏)连日来，某地公安扎实推进平安校园建设"
    body = first + "。\n桃源县公安局组织民警在辖区学校门口开展护学岗执勤。\n桃源县各派出所同步开展校园周边巡查。"
    r = resolve(gz, first, body)
    assert (r.province, r.city, r.county) == ("湖南省", "常德市", "桃源县")


def test_a_short_name_inside_a_common_word_is_no_place(gz):
    # 幸福安宁 holds 福安 (福建 福安市)
    r = resolve(gz, "护校安园 守护千万家庭的幸福安宁", "城步苗族自治县公安局在辖区各校开展护学岗执勤。")
    assert (r.province, r.county) == ("湖南省", "城步苗族自治县")
    assert "福安市" not in r.secondary


def test_education_departments_everywhere_are_not_the_ministry(gz):
    # 各地教育部门开展: the departments of every place, not 教育部 acting (a national document)
    body = "8月30日，宁夏400多所中小学开学。\n宁夏各地教育部门开展了开学安全大检查。"
    assert resolve(gz, "", body).province == "宁夏回族自治区"


def test_a_national_body_ends_its_clause_at_a_half_width_comma(gz):
    # 教育部专家,为…开展: the experts come from the ministry; the verb is in the next clause
    body = "近日，学校邀请教育部专家,为师生开展安全培训。兰州市城关区各校校长参加。"
    r = resolve(gz, "", body)
    assert (r.province, r.city, r.county) == ("甘肃省", "兰州市", "城关区")


def test_a_railway_body_named_after_its_hub_is_not_the_place(gz):
    # 上海铁路公安局 and its 徐州公安处 are named after railway hubs; the station's county is the place
    r = resolve(gz, "上海铁路公安局徐州公安处萧县站派出所开展铁路安全宣传进校园", "民警为学生讲解铁路沿线安全知识。")
    assert (r.province, r.city, r.county) == ("安徽省", "宿州市", "萧县")


def test_a_province_opening_a_periodical_title_is_an_outlet(gz):
    # 《甘肃教育》 is a provincial magazine: a page of it says nothing of the province as a whole
    body = ("《甘肃教育》2023年第5期\n天水市教育局联合市公安局开展交通安全进校园活动。\n"
            "天水市各中小学同步开展安全教育主题班会。")
    r = resolve(gz, "《甘肃教育》2023年第5期", body)
    assert (r.province, r.city) == ("甘肃省", "天水市")


def test_a_township_office_under_a_city_bureau_is_not_a_namesake_elsewhere(gz):
    # 黄土坡 is a township of 六盘水; a 派出所 of 宜昌市公安局 stands in 宜昌
    r = resolve(gz, "宜昌市公安局黄土坡派出所开展护学岗执勤", "民警在辖区学校门口维护上学放学秩序。")
    assert (r.province, r.city) == ("湖北省", "宜昌市")
    assert "六盘水市" not in r.secondary


def test_a_national_document_the_text_passes_on_does_not_hide_the_site_registration(gz):
    # a local body relays 《教育部办公厅关于…的通知》: citing the ministry, not being its site
    body = ("中心召开安全工作会议，传达了《教育部办公厅关于加强中小学实验室安全管理的通知》精神。\n"
            "中心所属各校校长参加会议。\n鲁ICP备05012345号")
    r = resolve(gz, "中心召开安全工作会议", body)
    assert r.province == "山东省"
    # the ministry named outside a cited title still holds the registration back
    assert resolve(gz, "中心召开安全工作会议", body.replace("《", "").replace("》", "")).province is None


@pytest.mark.parametrize("title", [
    "近日，泗洪县市场监管局联合县开发区分局和县教育局，对全县学校的电梯开展专项检查",
    "为优化教师配置，宁陵县教育局会同县人社局、编办等部门开展乡村教师交流",
])
def test_a_conjunction_before_a_county_bureau_is_not_a_county_of_that_name(gz, title):
    # 和县 (安徽) and 会同县 (湖南) are counties, but "分局和县教育局" reads "and the county's bureau"
    r = resolve(gz, title, "各校按要求完成整改。")
    assert r.county in ("泗洪县", "宁陵县")
    assert r.province in ("江苏省", "河南省")


def test_with_a_county_after_an_agent_is_not_a_county_of_that_name(gz):
    # 民警会同县消防: the officers "together with the county's fire brigade", not 湖南's 会同县
    title = "新学期开始，县交管大队民警会同县消防大队走进乡村学校开展交通安全宣传"
    r = resolve(gz, title, "民警为学生讲解交通安全知识。")
    assert r.county is None and r.province is None
    assert resolve(gz, "会同县教育局部署校园安全工作", "各校按要求完成整改。").county == "会同县"


def test_a_police_branch_named_like_a_city_is_not_that_city(gz):
    # a 公安分局 is a district's or a zone's under its city's 公安局: 山南公安分局 in a story of 淮南
    # (its 山南新区) is not 西藏's 山南市; the university the officers visit places the story
    body = ("9月8日，市公安局反诈中心携手山南公安分局刑警大队民警，来到安徽理工大学，"
            "为新生开展防范电信诈骗宣传。")
    r = resolve(gz, "民警为大学新生上反诈第一课", body)
    assert (r.province, r.city) == ("安徽省", "淮南市")
    # the city's own short name before its 公安局 is the city
    assert resolve(gz, "山南公安局开展反诈宣传进校园", "民警走进学校。").city == "山南市"


def test_two_ambiguous_townships_name_the_county_they_share(gz):
    # 埭头镇 is in 溧阳 and in 莆田's 秀屿区, 平海镇 in 秀屿区 and in 惠东: a town's traffic squad and a
    # town's numbered central school, named together, are 秀屿区's
    body = "10月17日下午，埭头交警中队的民警在平海第二中心小学开展护学行动，指挥车辆有序通行。"
    r = resolve(gz, "交警护学保平安", body)
    assert (r.province, r.city, r.county) == ("福建省", "莆田市", "秀屿区")


def test_a_conjunction_after_a_persons_name_is_not_a_county(gz):
    # 副县长宋志海和县教育局: the deputy head "and the county's education bureau"
    r = resolve(gz, "副县长宋志海和县教育局相关人员调研校园安全建设", "调研组察看了在建项目。")
    assert r.county is None and r.province is None
    assert resolve(gz, "和县教育局部署校园安全工作", "各校按要求完成整改。").county == "和县"


def test_a_district_named_right_after_a_bureau_is_not_taken_for_a_conjunction(gz):
    # only 和县 / 会同县 are read as "and / with the county": 同安区 after 教育局 stays a district
    assert resolve(gz, "厦门市教育局同安区分局开展校园安全检查", "各校按要求完成整改。").county == "同安区"


@pytest.mark.parametrize(("title", "province", "county"), [
    ("天津市公安局和平分局开展护校安园巡逻", "天津市", "和平区"),
    ("沈阳市公安局和平分局民警走进校园", "辽宁省", "和平区"),
    # and a power company's branch under the city's company (城关 is every county seat's word)
    ("国网兰州供电公司城关供电分公司员工走进校园", "甘肃省", "城关区"),
])
def test_a_word_named_branch_under_its_city_bureau_or_company_is_that_district(gz, title, province, county):
    # 和平 is an ordinary word, bound to a place only where the text binds it: a police branch
    # (分局) under its city's bureau is named after its district
    r = resolve(gz, title, "民警在辖区学校周边开展巡逻防控。")
    assert (r.province, r.county) == (province, county)
    # without the city before the bureau the word stays a word
    assert resolve(gz, "公安局和平分局民警走进校园", "民警在辖区学校周边开展巡逻防控。").county is None


def test_a_new_area_written_without_xinqu_is_that_district(gz):
    # 浦东新区 is written 浦东 in the names of its bodies (浦东公安分局, 浦东教育)
    r = resolve(gz, "上海市公安局浦东分局开展校园安全检查", "民警对辖区学校开展安全检查。")
    assert (r.province, r.county) == ("上海市", "浦东新区")


def test_a_provincial_outlet_speaking_of_its_own_province_is_that_province(gz):
    # a provincial paper reprints from anywhere; with 我省 / 全省 and no other place it is home news
    body = "浙江日报讯 记者从省教育厅获悉，我省将在全省中小学开展为期三个月的防溺水专项行动。"
    r = resolve(gz, "部署中小学防溺水专项行动", body)
    assert r.province == "浙江省"
    assert any(e.rule == "region:media" for e in r.evidence)
    # without the province's own words the paper says nothing of the place
    assert resolve(gz, "部署中小学防溺水专项行动", "浙江日报讯 记者获悉，教育部将开展防溺水专项行动。").province is None
    # and a place the text names decides over the outlet
    r = resolve(gz, "部署中小学防溺水专项行动", "浙江日报讯 我省邻近的天津市将开展防溺水专项行动。")
    assert r.province == "天津市"


@pytest.mark.parametrize(("title", "county"), [
    ("科右中旗消防救援大队走进校园开展消防演练", "科尔沁右翼中旗"),   # first character + wing
    ("乌前旗教育局部署暑期防溺水工作", "乌拉特前旗"),
    ("伊旗质监局检查学校特种设备", "伊金霍洛旗"),             # first character, no other banner shares it
    ("东乌旗第二小学开展安全疏散演练", "东乌珠穆沁旗"),        # a direction and the next character
])
def test_a_banner_written_as_people_abbreviate_it_is_that_banner(gz, title, county):
    r = resolve(gz, title, "各校按要求完成整改。")
    assert (r.province, r.county) == ("内蒙古自治区", county)


def test_a_banner_abbreviation_shared_by_two_banners_is_none(gz):
    # 乌审旗 and the 乌拉特 banners share 乌: 乌旗 names none of them
    assert resolve(gz, "乌旗教育局部署暑期防溺水工作", "各校按要求完成整改。").county is None


def test_a_row_of_links_between_bars_does_not_vote(gz):
    # a site's link list after the article names places from everywhere
    body = ("3月15日，包头市教育局根据沙尘暴预警发布通知，全市中小学停课一天。\n"
            "满洲里市教育局也发布通知，全市中小学校全天停课。\n"
            "禹城市| 千阳县| 织金县| 福鼎市| 招远市| 云龙县| 册亨县| 高邑县| 法库县| 敦化市| 古田县| 东源县|\n")
    r = resolve(gz, "沙尘来袭 部分中小学停课", body)
    assert r.province == "内蒙古自治区"


def test_a_short_name_whose_first_character_ends_a_word_like_queboo_is_no_place(gz):
    # 确保靖州… holds 保靖 (a county of 湘西): a second county that made the text's 县委 ambiguous
    body = ("12月7日，靖州县委副书记、县长主持召开县政府常务会议，听取全县教育工作汇报。\n"
            "会议要求，做好校园安全、学生防溺水等工作，确保靖州教育事业健康发展。")
    r = resolve(gz, "县政府召开常务会议", body)
    assert r.county == "靖州苗族侗族自治县"
    assert resolve(gz, "学校安全工作会议", "会议要求各校确保定期开展安全检查。").province is None  # 保定


def test_a_deixis_mark_binds_to_the_unit_named_before_it_in_its_sentence(gz):
    # two cities named: 全市 right after 包头市教育局 in its sentence is 包头市
    body = ("受强冷空气影响，多地出现沙尘暴天气。\n"
            "包头市教育局根据预警及时发布通知，要求全市中小学3月15日停课一天。\n"
            "满洲里市气象台也发布了大风橙色预警。")
    r = resolve(gz, "沙尘来袭 部分中小学停课", body)
    assert r.city == "包头市"
    assert any(e.rule == "region:deixis" for e in r.evidence)
    # a mark in a sentence of its own names no one of them (the city is still the one whose office
    # acts first)
    body = body.replace("要求全市中小学", "。全市中小学")
    assert not any(e.rule == "region:deixis" for e in resolve(gz, "沙尘来袭 部分中小学停课", body).evidence)


def test_a_level_pair_is_not_read_across_two_names(gz):
    # 思茅区、镇沅县 holds "区、镇", but that 区 ends a name: no 区、镇 pair to bind
    body = ("7日21时49分，普洱市景谷县发生6.6级地震。\n"
            "地震共造成景谷县、思茅区、镇沅县、宁洱县等县区受灾，多所学校停课。")
    r = resolve(gz, "地震致多所学校停课", body)
    assert r.county != "思茅区"


@pytest.mark.parametrize("body", [
    "12月27日，督查组对部分乡镇学校的安全工作进行了督查。",              # 部分乡镇 holds 分乡镇 (宜昌)
    "全市教育系统工作会议召开，局党组成员、纪检组长葛晴通报了有关情况。",  # 组长葛晴 holds 长葛 (许昌)
    "教育是民族振兴和社会进步的基石，我县各校要落实安全责任。",          # 振兴和社会 holds 兴和 (乌兰察布)
])
def test_a_name_whose_first_character_ends_a_word_or_a_title_is_no_place(gz, body):
    assert resolve(gz, "全市教育系统安全督查", body).province is None


@pytest.mark.parametrize(("title", "county"), [
    ("上海市公安局长宁分局开展护校安园行动", "长宁区"),     # 局长 is no title here: 公安局 + 长宁
    ("西安市公安局长安分局民警走进校园", "长安区"),
])
def test_an_office_before_a_name_starting_with_chang_is_not_a_title(gz, title, county):
    assert resolve(gz, title, "民警在辖区学校周边开展巡逻防控。").county == county


def test_a_province_before_a_city_starting_with_chang_keeps_the_city(gz):
    assert resolve(gz, "湖南省长沙一中开展消防疏散演练", "全校师生参加演练。").city == "长沙市"


def test_a_cited_city_before_the_mark_is_not_the_one_speaking(gz):
    body = "开封市教体局召开校园安全工作会议。会上，学习了郑州市校园安全工作经验，要求全市各中小学落实责任。"
    assert resolve(gz, "会议召开", body).city == "开封市"


def test_quansheng_inside_a_word_is_not_the_province(gz):
    # 完全省去 holds 全省
    body = "浙江日报讯 通过信息化手段，学校完全省去了纸质台账，安全检查记录实时上传。"
    assert resolve(gz, "学校安全检查用上信息化手段", body).province is None


def test_a_teacher_named_like_a_banner_is_a_person(gz):
    assert resolve(gz, "班主任陈旗老师带领学生开展安全演练", "各班有序疏散。").province is None


def test_a_padded_footer_row_is_read_quickly_and_a_menu_before_a_paragraph_is_not_furniture(gz):
    import time

    pad = "\u3000" * 40
    footer = pad + "网站首页" + pad + "|" + pad + "联系我们" + pad + "|" + pad + "网站地图" + pad + "|" + "版权所有：某某教育网"
    t0 = time.process_time()
    resolve(gz, "校园安全", "宁陕县教育局组织开展校园安全检查。\n" + footer)
    assert time.process_time() - t0 < 5  # seconds; backtracking took minutes
    body = "首页 | 学校概况 | 新闻动态 | 通知公告 | 近日，宁陕县教育局组织全县中小学开展消防安全检查。"
    assert resolve(gz, "校园消防安全检查", body).county == "宁陕县"


def test_an_autonomous_county_written_with_its_level_is_that_county_in_the_body(gz):
    # 镇沅县 is how 镇沅彝族哈尼族拉祜族自治县's own bodies write it: no city needed to trust it
    body = "近日，镇沅县教育体育局组织专家对山区学校开展地质灾害隐患排查。"
    assert resolve(gz, "学校地质灾害防治自查报告", body).county == "镇沅彝族哈尼族拉祜族自治县"


def test_a_title_cut_from_the_first_paragraph_inside_a_name_runs_on_to_the_names_end(gz):
    # a page without a headline: the title is its first paragraph cut at 60 characters
    first = ("为进一步加强教师队伍建设，规范教师教育教学行为，强化师德师风教育，营造风清气正的育人环境，6月16日下午，"
             "湖南省衡阳市蒸湘区衡钢小学开展了安全教育活动。")
    title = first[:first.index("蒸") + 1]  # …湖南省衡阳市蒸
    r = resolve(gz, title, first + "\n全体教职工参加了活动。")
    assert r.county == "蒸湘区"
    # a short name across the cut is left as cut: 龙|泉学校 is a school, not 龙泉市
    first = "为普及防灾减灾知识，近日，东乡县地震局联合教育局分别到苏孟学校、龙泉学校开展防震减灾演练活动。"
    title = first[:first.index("泉")]
    assert resolve(gz, title, first).county == "东乡族自治县"


def test_a_province_headline_over_one_countys_story_keeps_the_county(gz):
    # the headline names the province; the body is about one county's school, named again and again
    body = ("新华社兰州11月25日电 甘肃省武威市民勤县第五中学的师生迎来“煤改电”后的第一个取暖季。\n"
            "今年年初，民勤县第五中学启动了“煤改电”项目。\n"
            "截至目前，民勤县已对14所中小学实施“煤改电”工程，民勤县教育局表示将继续推进。")
    r = resolve(gz, "甘肃学校清洁供暖见闻：告别煤炉取暖", body)
    assert (r.city, r.county) == ("武威市", "民勤县")


def test_the_one_unit_below_named_where_the_parent_never_acts_is_the_place(gz):
    # the headline names the province, the body one county's school: no provincial office acts
    body = "近日，湖北省恩施土家族苗族自治州来凤县一所小学组织师生开展防汛应急疏散演练。学校还邀请家长参加。"
    r = resolve(gz, "湖北学校开展防汛演练", body)
    assert (r.city, r.county) == ("恩施土家族苗族自治州", "来凤县")


@pytest.mark.parametrize("body", [
    # a bureau before its branch named after a district is the branch acting
    "近日，徐州市消防救援支队铜山区大队深入辖区中小学开展消防安全检查，督促学校整改隐患。",
    # the bodies whose plan the text carries out do not act; the branch after them does
    "为落实江苏省消防救援总队、徐州市消防救援支队冬季校园消防安全工作部署，徐州市消防救援支队铜山区大队联合"
    "铜山区教育局深入辖区中小学开展消防安全检查。\n12月3日，铜山消防大队来到辖区学校检查消防设施。",
])
def test_the_unit_below_whose_office_acts_first_is_the_place(gz, body):
    r = resolve(gz, "徐州消防走进校园", body)
    assert (r.city, r.county) == ("徐州市", "铜山区")


@pytest.mark.parametrize("body", [
    "今年春天，绵阳市政府和涪城区政府投入资金购置新校车，涪城区教育局负责校车的日常管理。",
    "绵阳市教育局与涪城区教育局联合开展校车安全检查，涪城区各校的校车逐一受检。",
])
def test_a_unit_whose_office_acts_together_with_its_parents_is_the_place(gz, body):
    # the city's office and the district's named as one subject: the district is where it happens
    r = resolve(gz, "绵阳：农村孩子坐上新校车", body)
    assert (r.city, r.county) == ("绵阳市", "涪城区")


@pytest.mark.parametrize("body", [
    # the city's office leads and the district's joins it
    "近日，绵阳市教育局联合涪城区应急管理局在涪城区举行地震应急疏散演练。",
    # the district is where the city's office went
    "近日，绵阳市教育局到涪城区检查学校地震应急疏散演练。",
    # the city's office named by its kind alone
    "近日，市教育局组织检查组到涪城区检查学校地震应急疏散演练。",
    # the city's office with the district's schools (no office of the district's): the city acts
    "近日，绵阳市教育局和涪城区部分学校的教师开展地震应急疏散演练培训。",
    # … the two offices only attend, or the district's is the first of a list, or the text is city-wide
    "绵阳市教育局和涪城区教育局负责同志出席会议，部署地震应急疏散演练。",
    "绵阳市教育局与涪城区教育局、游仙区教育局等单位开展地震应急疏散演练。",
    "绵阳市政府和涪城区政府联合部署，全市中小学开展地震应急疏散演练。",
])
def test_a_parent_whose_office_acts_first_keeps_the_place(gz, body):
    r = resolve(gz, "绵阳市开展地震应急演练", body)
    assert (r.city, r.county) == ("绵阳市", None)


def test_a_short_name_of_a_township_the_text_names_is_that_township(gz):
    # 延寿 is 延寿县's short name and 延寿镇's (昌平区): after 延寿镇, 延寿二初中 is the town's school
    first = "日前，延寿镇政府在延寿二初中召开教育安全工作会议，部署暑期防溺水工作。"
    r = resolve(gz, first, first + "\n该镇各中小学校长参加会议。")
    assert (r.province, r.county) == ("北京市", "昌平区")


@pytest.mark.parametrize("body, county", [
    # 吉村 is 吉村镇's short name (大余县): 果吉村小学 is the school of a village named 果吉村
    ("文岗村小学、果吉村小学、和平村小学受山洪威胁不大，镇沅县教育局要求加强汛期巡查。", "镇沅彝族哈尼族拉祜族自治县"),
    ("赣州市教育局检查了大余县吉村小学的汛期安全工作。", "大余县"),
    # a place's name ending right before is a boundary too: 青岛李村中学 is 李村's school (李沧区)
    ("青岛李村中学组织师生开展汛期安全教育。", "李沧区"),
])
def test_a_village_named_like_a_township_is_not_the_township(gz, body, county):
    assert resolve(gz, "汛期学校安全检查", body).county == county


def test_a_provincial_paper_as_the_issuer_counts_where_the_text_speaks_of_its_province(gz):
    body = "为确保广大师生安全温暖过冬，省教育厅日前下发通知，对全省学校冬季安全及取暖工作作出部署。"
    r = resolve(gz, "省教育厅部署学校冬季取暖安全工作", body, issuer="湖南日报")
    assert r.province == "湖南省"
    assert resolve(gz, "学校冬季取暖安全工作", "各地要确保学校用气、用电安全。", issuer="湖南日报").province is None


def test_a_provincial_outlet_says_which_province_short_names_are_read_in(gz):
    # 东丽 alone in the body needs its parent named; the dateline of 天津's own paper is that parent,
    # though the paper does not vote for the issuer; a paper of another province says nothing of it
    body = "天津日报讯：开学以来，交警东丽支队在校园周边部署警力，东丽支队民警护送学生过马路。"
    r = resolve(gz, "交警护航开学交通安全", body)
    assert (r.province, r.county) == ("天津市", "东丽区")
    assert resolve(gz, "交警护航开学交通安全", body.replace("天津日报", "河北日报")).county is None


def test_a_county_hospital_is_its_countys(gz):
    # only a big city's (a province-level name's) clinic glued into a sentence is an ad
    r = resolve(gz, "汉阴中医医院开展消防演练", "医院组织职工开展消防疏散演练。")
    assert r.county == "汉阴县"


def test_a_place_in_a_hospitals_name_glued_into_a_sentence_is_an_ad(gz):
    # a clinic's ad spun into the first sentence (体北京军海中医医院检); the headline-less page's
    # title is that sentence cut inside the hospital's name, and is read as the body reads it
    first = "8月12日，延吉市教育局组织10所乡镇学校的17辆校车接受“体北京军海中医医院检”，保证学生乘车安全。"
    body = first + "\n通过校车安全检测，确保我市校车安全运行。"
    for title in (first, first[:first.index("军海") + 2]):
        r = resolve(gz, title, body)
        assert (r.province, r.county) == ("吉林省", "延吉市")


def test_a_school_named_after_a_county_is_that_countys(gz):
    body = "近日，一场以防诈骗为主题的法治宣讲会在衡水市武邑中学举行，当地公安机关负责人为全体教职工授课。"
    r = resolve(gz, "武邑中学开展防诈骗法治宣讲", body)
    assert (r.city, r.county) == ("衡水市", "武邑县")
    # without its city, a school's name is anyone's (佛山 has a 石门中学; 石门县 is 常德's)
    r = resolve(gz, "石门中学开展消防疏散演练", "佛山市南海区石门中学组织全校师生开展消防疏散演练。")
    assert (r.city, r.county) == ("佛山市", "南海区")
    # after another place's name it is that place's school of the name (锦江: 成都's 锦江区)
    r = resolve(gz, "莆田锦江中学开展防溺水教育", "学校组织全体学生观看防溺水警示片。")
    assert (r.city, r.county) == ("莆田市", None)
    # a city's short name before 中学 stays a school's name (上海's 延安中学)
    assert resolve(gz, "延安中学开展消防演练", "学校组织全体师生开展消防疏散演练。").city is None
    # a headline's numbered school is the county's own, even as the only cue (涪陵一中's holiday notice)
    r = resolve(gz, "涪陵一中2025年寒假放假通知及安全告知书", "尊敬的各位家长：寒假将至，请家长加强对孩子的监护。")
    assert (r.province, r.county) == ("重庆市", "涪陵区")
    assert resolve(gz, "涪陵县一中寒假放假通知", "尊敬的各位家长：寒假将至，请家长加强对孩子的监护。").county == "涪陵区"
    # a first line cut for a title is no headline: its school stays a hint
    assert resolve(gz, "", "涪陵一中2025年寒假放假通知及安全告知书。尊敬的各位家长：寒假将至。").county is None


def test_a_headlines_school_the_body_places_elsewhere_is_that_places(gz):
    # 南华宫小学 is a school of 永川区's 朱沱镇, not a school of 南华县 (楚雄)
    body = "近日，永川区朱沱镇南华宫小学开展了防震应急疏散演练活动，全校师生参加。"
    r = resolve(gz, "南华宫小学开展防震应急疏散演练", body)
    assert (r.province, r.county) == ("重庆市", "永川区")
    # with no other place before it, the headline's short name still places the school
    r = resolve(gz, "南华一中开展防震应急疏散演练", "近日，学校开展了防震应急疏散演练活动。")
    assert r.county == "南华县"
    # a road named after a county (黄浦区蓬莱路) names the school after it, and the headline's 蓬莱 too
    body = ("4月28日，黄浦区蓬莱路第二小学启动以“共聚蓬莱”为主题的心理健康教育活动季。\n"
            "学生的作品将在《蓬莱小镇月报》上展示。")
    r = resolve(gz, "“心连心共聚蓬莱”心理健康教育活动季启动", body)
    assert (r.province, r.county) == ("上海市", "黄浦区")
    body = "启动仪式在黄浦区蓬莱路的学校礼堂举行，全体师生参加。"
    assert resolve(gz, "“共聚蓬莱”心理健康教育活动季启动", body).county == "黄浦区"
    # … and so it does after its own prefecture
    r = resolve(gz, "南华宫小学开展防震应急疏散演练", "近日，楚雄州南华宫小学开展了防震应急疏散演练活动。")
    assert r.county == "南华县"


def test_an_autonomous_countys_own_kindergarten_written_with_its_level_is_the_countys(gz):
    # 威宁县 for 威宁彝族回族苗族自治县 says it is the county, as the full name would: 威宁县幼儿园 is the
    # county's kindergarten, not one named after it
    body = "为做好夏季传染病防控，威宁县幼儿园组织保育教师对园内环境进行全面消杀，保障幼儿身体健康。"
    r = resolve(gz, "为爱护航 我们在行动", body)
    assert (r.province, r.county) == ("贵州省", "威宁彝族回族苗族自治县")


def test_a_town_written_after_a_place_it_is_not_in_is_that_places(gz):
    # 启东近海镇: the table knows only 珲春's 近海镇; written after 启东 it is 启东's town, and places nothing
    title = "小学生玩游戏遇“假警察” 家人报警识破骗局"
    body = ("9月中旬，家住江苏省启东近海镇的一名五年级学生在玩手机游戏时，收到陌生人的好友申请。\n"
            "对方自称民警，要求孩子转账“退赔”，孩子的爷爷察觉异常后报警。")
    r = resolve(gz, title, body)
    assert (r.province, r.county) == ("江苏省", "启东市")


@pytest.mark.parametrize("surname", ["隋", "晏", "鞠"])
def test_a_reporters_name_over_the_story_is_a_person(gz, surname):
    # a first line that is only a byline (a surname, then a given name spelt like 云霄县's short name)
    body = "9月7日，昭通市彝良县发生地震，县教育局连夜组织人员逐校排查校舍安全。"
    assert resolve(gz, surname + "云霄", body).county == "彝良县"


def test_a_zones_generic_name_after_a_city_is_that_citys_zone(gz):
    # 武汉经开区: 武汉's zone (not held by the gazetteer), not 荆州's 经开区 for being in 湖北
    body = ("为解决校门口拥堵问题，武汉经开区公安分局一派出所民警每天在辖区小学门口护学。"
            "该做法得到湖北省公安厅肯定，已在武汉各区推广。")
    r = resolve(gz, "民警护学 家长排队接孩子", body)
    assert (r.province, r.city) == ("湖北省", "武汉市")


def test_a_given_name_after_a_job_title_and_a_surname_is_no_place(gz):
    # 班主任崔金华: a teacher, not 金华市; the story is in 即墨 (青岛), named by its town's street
    body = ("上周二上午，城西小学班主任崔金华像往常一样清点学生人数，发现一名学生没有到校。\n"
            "学生的父母从外地来即墨打工，租住在通济街道王家院村。崔金华和同事赶到学生家中，发现一家三口煤气中毒。")
    r = resolve(gz, body.split("\n")[0][:40], body)
    assert r.city != "金华市"
    assert (r.city, r.county) == ("青岛市", "即墨区")


def test_a_deixis_mark_fits_a_unit_as_the_text_writes_it(gz):
    # 横山县 has been 横山区 since 2015: an older text's 全县 is still its own, not a reading of
    # 北港 (a 镇 of 通城县 among others) that fits 县
    body = "近日，横山县教育局召开会议，要求全县中小学开展防溺水教育，北港小学作交流发言。"
    r = resolve(gz, "防溺水教育工作会议", body)
    assert (r.city, r.county) == ("榆林市", "横山区")


@pytest.mark.parametrize("title, city, county", [
    ("岳阳市船山实验学校开展消防疏散演练", "岳阳市", None),  # 船山: 遂宁's 船山区
    ("新邵县南岳庙小学开展防溺水安全教育", "邵阳市", "新邵县"),  # 南岳: 衡阳's 南岳区
])
def test_a_short_name_right_after_a_unit_it_is_not_in_is_no_place(gz, title, city, county):
    r = resolve(gz, title, "学校组织全体师生参加活动。")
    assert (r.city, r.county) == (city, county)


@pytest.mark.parametrize("title, city, county", [
    ("巴州和静县公安局开展护校安园行动", "巴音郭楞蒙古自治州", "和静县"),  # 巴州: 巴音郭楞's own short form
    ("巴中市巴州区教育局召开安全工作会议", "巴中市", "巴州区"),
])
def test_bazhou_is_bayingolin_before_its_county_and_the_district_in_bazhong(gz, title, city, county):
    r = resolve(gz, title)
    assert (r.city, r.county) == (city, county)


@pytest.mark.parametrize("body, county", [
    # two districts named, the first office acting is one of them's, the city's never acts
    ("近日，惠阳区消防救援大队走进淡水中学开展消防演练，博罗县的学校代表到场观摩。", "惠阳区"),
    # … but a text to each district speaks for the city
    ("近日，惠阳区消防救援大队走进淡水中学开展消防演练，各县区学校代表到场观摩，博罗县作交流发言。", None),
    # … and so does the city's office
    ("近日，惠州市教育局组织惠阳区消防救援大队走进淡水中学开展消防演练，博罗县的学校代表到场观摩。", None),
])
def test_of_two_units_below_the_one_whose_office_acts_first_is_the_place(gz, body, county):
    r = resolve(gz, "惠州学校开展消防演练", body)
    assert (r.city, r.county) == ("惠州市", county)


def test_three_short_county_names_of_one_city_are_each_others_context(gz):
    body = "受强降雨影响，市教育局通知，明溪、将乐、泰宁三县中小学明日停课一天。"
    assert resolve(gz, "强降雨来袭 部分中小学停课", body).city == "三明市"
    # two short names are no context: 明溪 and 将乐 alone might be anything
    body = "受强降雨影响，市教育局通知，明溪、将乐两县中小学明日停课一天。"
    assert resolve(gz, "强降雨来袭 部分中小学停课", body).city is None


def test_the_places_of_a_typhoons_path_are_the_weathers(gz):
    # a typhoon's path across 台湾岛 is not where the notice comes from
    first = "记者从广东湛江市教育局了解到，台风可能于明日傍晚在台湾岛东南部沿海登陆，穿过台湾岛后向广东西部沿海靠近。"
    r = resolve(gz, first[:60], first + "\n受台风影响，全市中小学、幼儿园明日停课。")
    assert (r.province, r.city) == ("广东省", "湛江市")
    # an island that is its county is that county
    assert resolve(gz, "崇明岛中小学开展防台演练").county == "崇明区"
    assert resolve(gz, "南澳岛中小学开展防台演练", "南澳中学组织师生演练。").county == "南澳县"


def test_an_outlets_short_name_shared_by_a_city_and_its_county_is_the_city(gz):
    # 吉安晚报 is 吉安市's paper, not 吉安县's: the district the story names stays possible
    body = "吉安晚报讯 近日，吉州公安分局交警大队对吉安市第八中学的接送校车开展安全检查，督促驾驶员规范驾驶。"
    r = resolve(gz, "校车安全检查", body)
    assert (r.city, r.county) == ("吉安市", "吉州区")


def test_a_township_right_after_a_county_it_is_not_in_is_that_countys_former_township(gz):
    # 西充县双江乡 was merged away; the data's 双江乡 is 娄底's: the county that names it decides
    r = resolve(gz, "西充县双江乡小学开展防溺水安全教育", "近日，西充县公安局民警走进学校开展防溺水宣传。")
    assert (r.city, r.county) == ("南充市", "西充县")


def test_a_township_its_countys_short_name_heads_is_that_countys(gz):
    # 蛇形山镇 belongs to 娄星区 in the data (moved from 双峰县); 双峰蛇形山镇 says where it was then
    r = resolve(gz, "双峰蛇形山镇举办中小学生田径运动会", "11月8日，双峰蛇形山镇举办中小学生田径运动会，全镇12所学校参加。")
    assert (r.city, r.county) == ("娄底市", "双峰县")


def test_an_evening_paper_named_after_a_county_is_its_citys(gz):
    # 颍州晚报 is 阜阳's evening paper (颍州, the city's old name, is also its 颍州区): the county
    # whose police act in the story is the place
    body = "颍州晚报讯 近日，临泉县公安局张新派出所民警走进辖区中学开展防诈骗宣传。\n民警为学生讲解电信诈骗的常见手法。"
    r = resolve(gz, "民警进校园开展防诈骗宣传", body, issuer="颍州晚报")
    assert (r.city, r.county) == ("阜阳市", "临泉县")


def test_a_short_name_before_xuexiao_is_a_schools_name_unless_its_city_is_named(gz):
    # 文峰学校 is a school named 文峰, not 安阳's 文峰区
    body = "近日，城步县教育局开展防溺水专项行动，文峰学校组织师生签订安全承诺书。"
    r = resolve(gz, "文峰学校开展防溺水安全教育", body)
    assert (r.city, r.county) == ("邵阳市", "城步苗族自治县")
    # where the text names its city, 正定学校 are 正定县's schools
    r = resolve(gz, "正定学校开展安全教育", "石家庄市教育局要求各校落实安全责任。")
    assert r.county == "正定县"


@pytest.mark.parametrize("variant, province", [("陜西省教育廳", "陕西省"), ("淸遠市教育局", "广东省"),
                                                     ("江甯區教育局", "江苏省"), ("郃肥公安啓動護學崗", "安徽省")])
def test_variant_characters_opencc_leaves_are_read_in_their_standard_form(gz, variant, province):
    assert resolve(gz, f"{variant}部署学校安全工作").province == province


@pytest.mark.parametrize("body", [
    "近日，秀洲供电分公司对辖区内学校的配电房和用电线路开展安全检查，为师生营造安全用电环境。",
    "近日，秀洲检察院检察官走进辖区中学，为学生上了一堂预防校园欺凌的法治课。",
    "近日，秀洲人民法院法官走进辖区中学，为学生上了一堂法治课。",
    "近日，秀洲疾病预防控制中心工作人员走进辖区中学，开展传染病防控指导。",
])
def test_a_short_county_name_before_its_power_company_or_procuratorate_is_the_county(gz, body):
    r = resolve(gz, "校园安全进行时", body)
    assert (r.city, r.county) == ("嘉兴市", "秀洲区")


def test_a_short_county_name_before_its_office_is_the_county_speaking(gz):
    for body in ("近日，平罗消防大队深入辖区幼儿园开展消防安全检查，督促整改隐患。",
                 "幼儿园是消防安全重点单位，师生安全责任重大。\n近日，平罗消防大队深入辖区幼儿园开展检查。"):
        r = resolve(gz, "幼儿园消防安全检查", body)
        assert (r.city, r.county) == ("石嘴山市", "平罗县")
    # a police branch named after its district (丹徒分局), under its city's police
    # outweighs the school it visits (新坝: a town of 扬中市)
    body = ("7月2日，镇江公安丹徒分局城区派出所民警来到新坝中学开展防诈骗宣讲。\n"
            "丹徒分局将持续开展法治进校园活动。")
    assert resolve(gz, "暑期防诈骗宣讲", body).county == "丹徒区"
    # without its office a short name in the body still needs its city
    body = "近日，消防员深入平罗的幼儿园开展消防安全检查，督促整改隐患。"
    assert resolve(gz, "幼儿园消防安全检查", body).county is None


def test_a_days_history_and_a_citys_college_students_name_no_issuer(gz):
    # where a day began (2005年，由复旦大学…倡议) is not who speaks, nor is 上海大学 in 上海大学生
    body = ("2005年，由复旦大学学生会倡议，经市学联批准，确定每年的11月9日为上海大学生消防安全日。\n"
            "今年的消防安全日活动在我校举行，我校保卫处组织师生开展应急疏散演练。")
    r = resolve(gz, "我校开展消防安全日活动", body)
    assert (r.county, r.secondary) == (None, [])
    # the same history as a headline-less page's first paragraph, cut for its title
    assert resolve(gz, body[:60], body).county is None


def test_a_university_among_the_guests_is_not_our_school(gz):
    # 我校 is the one university the text names, but not one named as an item of a list of guests
    body = ("5月20日，学校第六十届田径运动会隆重开幕。\n自治区教育厅、天津工业大学、自治区体育局的相关领导和嘉宾"
            "莅临开幕式。\n内蒙古日报等内蒙古自治区主流媒体宣传报道了我校此次活动，展现了内蒙古自治区高校学子的风采。")
    assert resolve(gz, "学校第六十届田径运动会开幕", body).province == "内蒙古自治区"
    # named alone, it is the one the text speaks for
    alone = "5月20日，天津工业大学第六十届田径运动会隆重开幕。\n多家媒体宣传报道了我校此次活动。"
    assert resolve(gz, "学校第六十届田径运动会开幕", alone).province == "天津市"


def test_a_citys_college_students_are_not_its_university(gz):
    r = resolve(gz, "北京大学生心理健康节启动", "各高校将围绕心理健康开展系列活动。")
    assert (r.province, r.county) == ("北京市", None)


@pytest.mark.parametrize("title, body, place", [
    # one office after a list of units is all of theirs, none's alone
    ("石家庄开展联合检查", "近日，正定县、平山县教育局联合开展校园安全检查。", ("石家庄市", None)),
    # a province's places (各地): the one county named is one of them
    ("贵州开展学生防溺水专项行动", "贵州各地教育部门积极开展防溺水宣传教育。其中，三都县教育局组织教师开展家访。", (None, None)),
    # a venue that starts like an office (井冈山教育培训中心) is no county speaking
    ("党员教师培训", "我校组织党员教师赴井冈山教育培训中心参加培训。", (None, None)),
])
def test_a_unit_named_among_others_or_as_a_venue_is_not_the_one_acting(gz, title, body, place):
    r = resolve(gz, title, body)
    assert (r.city, r.county) == place


@pytest.mark.parametrize("title, body, city", [
    ("以案为鉴 吸取溺水事故教训 宁乡市开展防溺水专项行动", "", "长沙市"),  # a title is no sentence of lessons
    ("2024年宁波市确定9月为校园安全月", "", "宁波市"),  # this year's decision, not a day's history
    ("文化节开幕", "2024年5月，由成都市教育局主办的首届校园安全文化节开幕。", "成都市"),
])
def test_lessons_and_history_cues_do_not_blank_a_current_event(gz, title, body, city):
    assert resolve(gz, title, body).city == city


@pytest.mark.parametrize("title, county", [("北京大学生命科学学院实验室安全检查", "海淀区"), ("浙江大学生物系开展实验室安全检查", "西湖区")])
def test_a_university_before_a_word_starting_with_sheng_is_still_the_university(gz, title, county):
    assert resolve(gz, title).county == county


def test_a_level_mark_does_not_pick_a_reading_of_a_townships_short_name(gz):
    # 水北幼儿园: 水北 is a 镇 of 渝水区 and of other counties; 我区 is too weak to choose among them
    body = "为加强我区校园燃气安全，区教育局组织人员深入河头幼儿园、水北幼儿园开展燃气安全检查。"
    assert resolve(gz, "区教育局开展校园燃气安全检查", body).province is None


def test_an_industrial_zones_school_is_not_a_townships(gz):
    # 工业区 is a word (and a 街道's short name in 丰镇市): 泾河工业区中心学校 is no such township's
    r = resolve(gz, "泾河工业区中心学校寒假致家长的一封信", "尊敬的家长：寒假将至，请注意孩子的假期安全。")
    assert r.province is None


def test_a_township_short_name_in_a_sentence_naming_another_county_is_a_villages_school(gz):
    # 虎门小学 after 麻城市宋埠镇 is a village's school there, not 东莞's 虎门镇
    first = "近日，麻城市宋埠镇组织工作人员到虎门小学开展防溺水安全宣传，为师生发放宣传资料。"
    r = resolve(gz, first, first + "\n宣传活动受到师生欢迎。")
    assert (r.city, r.county) == ("黄冈市", "麻城市")


def test_a_provinces_part_named_by_its_one_character_name_is_the_province(gz):
    body = "近日，省教育厅组织检查组赴粤东、粤西地区督导学校防汛安全工作。"
    assert resolve(gz, "省教育厅督导学校防汛安全", body).province == "广东省"
    # not a word that starts the same way (新中国)
    assert resolve(gz, "新中国成立以来的学校安全教育", "同学们回顾了新中国成立以来学校安全教育的发展。").province is None


def test_huitong_as_a_verb_after_an_adverb_is_no_county(gz):
    # 会同 is 湖南's 会同县 and the verb "together with": 将会同县市场监管局 is the verb
    body = "县教育局将会同县市场监管局组成联合检查组，对全县学校食堂进行抽查。"
    assert resolve(gz, "关于开展学校食堂专项检查的通知", body).province is None
    r = resolve(gz, "会同县教育局开展学校食堂专项检查", "近日，会同县教育局对全县学校食堂进行抽查。")
    assert (r.city, r.county) == ("怀化市", "会同县")


def test_a_provincial_topic_news_site_in_a_headline_does_not_hold_the_county_back(gz):
    # 江西教育新闻网讯 is an outlet of the province like 江西新闻网: the county school it reports on
    # is the place, not "somewhere in 江西" because the outlet's name sits in the headline
    title = "江西教育新闻网讯（通讯员 李明）为提高师生应急避险能力"
    body = (title + "，近日，九江市修水县第一小学开展防地震应急疏散演练。演练中，师生按照预定路线有序撤离到操场。\n"
            "相关阅读：南昌市一所中学举行消防演练 ...\n赣州市章贡区开展校园安全检查 ...")
    r = resolve(gz, title, body)
    assert (r.province, r.city, r.county) == ("江西省", "九江市", "修水县")


def test_a_universitys_news_site_by_its_abbreviation_is_no_places_outlet(gz):
    # 西工大新闻网 is 西北工业大学's (西工大), not an outlet of 洛阳's 西工区
    body = "西工大新闻网11月10日电（通讯员 王强）11月6日下午，学校保卫处、学生处联合开展宿舍消防安全检查。"
    assert resolve(gz, "学校开展宿舍消防安全检查", body).province is None
    r = resolve(gz, "区教育局开展消防安全检查", "西工新闻网11月10日讯 近日，区教育局对辖区学校开展消防安全检查。")
    assert r.county == "西工区"


def test_a_name_after_an_officials_title_holding_a_county_short_name_is_a_person(gz):
    # 颜建平 holds 建平 (辽宁's 建平县): after 书记 and a surname, a person
    title = "10月29日上午，市纪委书记在宜黄县县委书记、县纪委书记颜建平的陪同下来到宜黄三中视察"
    r = resolve(gz, title, title + "。\n视察组查看了学校的安全设施。")
    assert (r.province, r.city, r.county) == ("江西省", "抚州市", "宜黄县")


def test_daqing_after_an_anniversary_is_the_celebration_not_the_city(gz):
    title = "自治区督导组对包头市学校70周年大庆安保工作进行专项督查"
    r = resolve(gz, title, "9月19日，自治区督导组对包头市学校、幼儿园国庆70周年大庆期间的安保工作进行督查。")
    assert (r.province, r.city) == ("内蒙古自治区", "包头市")
    r = resolve(gz, "2019年大庆市教育局部署国庆安保工作", "9月19日，大庆市教育局部署国庆期间校园安保工作。")
    assert r.city == "大庆市"


def test_a_campus_named_after_a_place_elsewhere_is_a_hint(gz):
    # 九龙 is 四川's 九龙县; 树人学校九龙校区 is a campus in 扬州
    title = "1月17日晚，位于江苏省扬州市经济开发区的树人学校九龙校区发生学生踩踏事故"
    r = resolve(gz, title, title + "。\n事故造成多名学生受伤。")
    assert (r.province, r.city) == ("江苏省", "扬州市")
    # a branch school too: 南开 is 天津's 南开区, 青年小学南开分校 a school in 营口's 站前区
    title = "交通安全课走进站前区青年小学南开分校"
    r = resolve(gz, title, "12月2日，营口市公安局交管支队站前大队民警走进站前区青年小学南开分校，为学生上交通安全课。")
    assert (r.province, r.city, r.county) == ("辽宁省", "营口市", "站前区")


def test_a_towns_safety_office_is_no_county_named_zhenan(gz):
    # 镇安监 is the town's 安监 (safety supervision) office, not 陕西's 镇安县
    body = "近期，镇安监、水务等部门会同全镇各村对辖区内河塘水库开展防溺水隐患排查。"
    assert resolve(gz, "镇安监水务部门开展防溺水排查", body).province is None


def test_a_place_written_with_a_character_t2s_simplifies_keeps_its_name(gz):
    # 乾县 is written so in Simplified too: converting it to 干县 lost the county
    body = "5月26日，一段学生在教室内被打的视频在网上流传。经核实，事发学校为乾县一所初级中学，县教育局已介入调查。"
    r = resolve(gz, "一段学生被打视频引关注", body)
    assert (r.province, r.city, r.county) == ("陕西省", "咸阳市", "乾县")


def test_every_name_t2s_would_change_is_kept():
    import gzip

    from indexer.enrich.gazetteer import town_short
    from indexer.text.chinese import _KEPT_NAMES, to_simplified

    data = Path(__file__).resolve().parents[2] / "indexer" / "enrich" / "data"
    names = set()
    for line in (data / "divisions.tsv").read_text("utf-8").splitlines()[1:]:
        _code, name, _level, _parent, short, *_ = line.split("\t")
        names |= {name, short} - {""}
    with gzip.open(data / "towns.tsv.gz", "rt", encoding="utf-8") as towns:
        for line in list(towns)[1:]:
            name = line.rstrip("\n").split("\t")[1]
            names |= {name, town_short(name) or ""} - {""}
    words = {"藉口"}  # a short form that is a common word written the old way ("excuse"): converted
    changed = {n for n in names if n not in _KEPT_NAMES and n not in words and to_simplified(n) != n}
    assert not changed, f"add to indexer.text.chinese._KEPT_NAMES: {sorted(changed)}"
    assert all(to_simplified(n) == n for n in _KEPT_NAMES)


def test_quanzhou_is_the_whole_prefecture_unless_after_its_parent(gz):
    # 全州 is 广西's 全州县 and "the whole prefecture" of every 自治州's texts
    title = "全州师德先进事迹巡回报告会走进台江"
    r = resolve(gz, title, "近日，黔东南州师德先进事迹巡回报告团到台江县举行报告会，台江县教育系统300余人聆听报告。")
    assert (r.city, r.county) == ("黔东南苗族侗族自治州", "台江县")
    r = resolve(gz, "桂林全州开展防溺水专项检查", "近日，全州县教育局组织检查组对沿河学校开展防溺水专项检查。")
    assert (r.city, r.county) == ("桂林市", "全州县")


def test_a_citys_office_the_story_cites_does_not_hold_back_the_county_it_is_about(gz):
    # a headline naming the city, whose news office is only cited (据…发布的消息), over one county's story
    title = "甘肃庆阳学生集体食物中毒 28人留院观察"
    body = ("来源：中国广播网 2008年09月05日 12:03 编辑：李华\n中广网兰州9月5日消息（记者 王明）甘肃省庆阳市合水县第二中学3日"
            "下午发生一起疑似食物中毒事件。据庆阳市人民政府新闻办今天发布的消息，当天下午，九年级部分学生出现恶心、呕吐症状，"
            "被送往合水县人民医院救治。\n事件发生后，当地公安、卫生部门和合水县相关部门封存学校食堂，对留样食品进行检测。\n"
            "合水县县长在新闻发布会上说，要全力救治学生，全面检查学校食品安全。\n目前，仍有28名学生在合水县留院观察。")
    r = resolve(gz, title, body)
    assert (r.city, r.county) == ("庆阳市", "合水县")
    # the city's office acting (not cited) keeps the story at the city
    body = body.replace("据庆阳市人民政府新闻办今天发布的消息", "庆阳市人民政府立即组织卫健、市场监管等部门赶赴学校")
    assert resolve(gz, title, body).county is None


@pytest.mark.parametrize("title, body", [
    # 北关 / 南关: an old town's gate quarters, besides 安阳's 北关区 and 长春's 南关区
    ("开展校园周边环境专项整治", "新学期伊始，区城管执法局对市一小、北关小学、城关小学等学校周边的流动摊贩占道经营进行专项整治。"),
    # 中阳 (山西's 中阳县) read across 初中|阳江
    ("济川初中阳江校区开展宿舍消防演练", "为提高师生应急避险能力，济川初中阳江校区近日开展宿舍消防疏散演练。"),
])
def test_a_word_that_holds_a_short_name_is_no_place(gz, title, body):
    assert resolve(gz, title, body).province not in ("河南省", "山西省")


@pytest.mark.parametrize("university, county", [("宁夏大学", "西夏区"), ("西北农林科技大学", "杨陵区"), ("深圳大学", "南山区")])
def test_a_university_named_alone_is_placed_at_its_main_campus(gz, university, county):
    body = f"近日，{university}保卫处联合辖区派出所开展学生宿舍消防安全检查，排查私拉乱接电线等隐患。"
    assert resolve(gz, f"{university}开展宿舍消防安全检查", body).county == county


def test_a_last_line_that_counts_something_is_a_cut_story_not_a_signature():
    from indexer.enrich.textzones import signature_spans

    story = "近日，县教育局开展防溺水专项检查。\n近期溺水事件▼\n●5月10日\n北流清水口镇6名小学"
    assert signature_spans(story) == []
    signed = "近日，县教育局开展防溺水专项检查。\n城关镇第二小学\n2024年6月1日"
    assert len(signature_spans(signed)) == 1
    # the body and its date on one line, with or without a space between them
    for last in ("城关镇第二小学 2024年6月1日", "城关镇第二小学2024年6月1日"):
        body = "近日，县教育局开展防溺水专项检查。\n" + last
        assert [body[a:b] for a, b in signature_spans(body)] == ["城关镇第二小学"]


def test_a_related_storys_headline_ending_in_a_verb_is_no_signature():
    from indexer.enrich.textzones import signature_spans

    story = "近日，县教育局开展防溺水专项检查。\n少儿书画展在杭州举办"
    assert signature_spans(story) == []
    signed = "近日，县教育局开展防溺水专项检查。\n县防汛办\n2024年6月1日"
    assert len(signature_spans(signed)) == 1


def test_a_copyright_line_whose_sign_was_misdecoded_is_furniture(gz):
    # a news portal's footer under a county story: "? 2014-2025 X有限公司" is its © line
    body = ("近日，封丘县一所中学多名学生午餐后出现呕吐症状，县市场监管局已对配餐公司立案调查。\n"
            "涉事学校教学秩序正常。\n"
            "互联网新闻信息服务许可证:31120170006\n"
            "? 2014-2025 上海东方报业有限公司")
    r = resolve(gz, "学生餐后呕吐事件追踪", body)
    assert (r.province, r.county) == ("河南省", "封丘县")
    # a sentence's span of years at the start of a line is text
    from indexer.enrich.textzones import furniture_spans
    assert furniture_spans("?2021-2025年全县学校安全规划已印发。") == []


def test_an_information_portal_named_as_the_source_is_an_outlet_not_an_issuer(gz):
    # 大东北生活资讯 is a portal; its 大东 is no district of 沈阳 issuing the text
    body = ("3月10日上午，辽阳市太子河区祁家镇中心小学开展预防校园欺凌专题讲座。\n"
            "太子河区人民检察院的律师为学生剖析了校园欺凌的表现形式及危害。")
    r = resolve(gz, "让友善之花绽放 预防校园欺凌专题讲座", body, issuer="大东北生活资讯")
    assert (r.city, r.county) == ("辽阳市", "太子河区")


def test_an_outlets_base_is_not_a_place_the_text_also_concerns(gz):
    # 来源：东方资讯: an outlet named like 东方市 reprinting a 兰州 story; not "also concerns 东方市"
    body = "作者：网络　2024-10-22　来源：东方资讯\n10月20日，兰州市教育局组成4个检查组，深入全市中小学开展交通安全专项检查。"
    r = resolve(gz, "兰州市教育局深入学校督导检查校车安全工作", body)
    assert r.city == "兰州市" and "东方市" not in r.secondary


def test_contact_us_inside_a_sentence_is_prose_not_a_footer(gz):
    # "有问题随时联系我们" in a quoted remark opening the lead: the paragraph is the article, and the
    # power company it names places the text; a footer's "联系我们 | 网站地图" is still furniture
    from indexer.enrich.textzones import furniture_spans

    body = ("“线路和用电设备都查过了，有问题随时联系我们。”近日，国网任丘市供电公司服务队为辖区中学检查用电线路，"
            "更换老化线路，讲解安全用电常识。\n该公司还将对其余学校开展排查。")
    r = resolve(gz, "", body)
    assert (r.province, r.city, r.county) == ("河北省", "沧州市", "任丘市")
    assert furniture_spans(body) == []
    assert furniture_spans("关于我们 | 联系我们 | 网站地图") != []
    assert furniture_spans("主办单位：某县教育局 技术支持：某信息公司") != []


def test_a_college_named_after_its_city_is_there_though_the_table_lacks_it(gz):
    # a college our table does not list (a new name after a merger or a renaming) named after its
    # city is in that city; a university the table lists keeps its own place (中山大学 is 广州's)
    r = resolve(gz, "学校组织春季学生宿舍安全检查", "襄阳医科大学保卫处联合学生处对各宿舍楼开展安全检查，排查违规电器。")
    assert (r.province, r.city) == ("湖北省", "襄阳市")
    r = resolve(gz, "学校组织春季学生宿舍安全检查", "中山大学保卫处联合学生处对各宿舍楼开展安全检查，排查违规电器。")
    assert r.city == "广州市"


def test_a_venue_named_after_another_county_is_the_events_place_not_that_county(gz):
    # 在石泉湾幼儿园: a kindergarten named after something, where the district's bureau holds its
    # drill; 石泉 (a county of 陕西) is no place of this text
    r = resolve(gz, "荔城区教育局在石泉湾幼儿园开展校车应急疏散演练",
                "10月8日上午，荔城区教育局会同区交警大队在石泉湾幼儿园开展校车应急疏散演练，模拟校车起火后师生有序撤离。")
    assert (r.province, r.city, r.county) == ("福建省", "莆田市", "荔城区")


def test_a_townships_junior_high_places_it_as_its_middle_school_does(gz):
    # 初中 after a township's short name is its junior high school (as 中学 and 小学 are)
    r = resolve(gz, "学校成立校园防欺凌委员会", "11月3日，奔牛初中召开校园防欺凌委员会成立会议，明确委员会职责和工作流程。")
    assert (r.province, r.city, r.county) == ("江苏省", "常州市", "新北区")


def test_a_provincial_portal_named_without_a_place_says_its_province(gz):
    # 东南网 is 福建's portal: its story of 我省 / 省教育厅 naming no other place is 福建's; a
    # 大众网络 (a network) is no outlet of 山东
    body = "东南网3月2日讯 日前，省教育厅印发通知，要求全省各中小学在开学前完成校舍和食堂安全检查，我省将组织抽查。"
    assert resolve(gz, "我省部署开学安全检查", body).province == "福建省"
    body = "日前，省教育厅印发通知，要求全省中小学开展大众网络安全宣传周活动，我省将组织抽查。"
    assert resolve(gz, "我省部署网络安全宣传", body).province is None


@pytest.mark.parametrize(("body", "city", "county"), [
    ("近日，庆阳镇原县消防救援大队对辖区校外培训机构开展消防安全检查。", "庆阳市", "镇原县"),
    ("南阳镇平县教体局开展防溺水专项督查，各校落实家校共管。", "南阳市", "镇平县"),
])
def test_a_county_starting_with_zhen_after_its_city_is_not_a_township(gz, body, city, county):
    # 庆阳镇原县 is 庆阳 + 镇原县, not a township 庆阳镇 and a stray 原县
    r = resolve(gz, "", body)
    assert (r.city, r.county) == (city, county)
    # a township of that name alone stays a township (of several provinces: no place)
    assert resolve(gz, "", "庆阳镇中心小学开展防溺水教育。").province is None


def test_a_place_named_as_another_places_epithet_is_no_place(gz):
    # "仙居安顺": 仙居 (a county of 浙江) glued before 贵州's 安顺 is a slogan's word
    r = resolve(gz, "仙居安顺 守护舌尖安全", "近日，市场监管部门对辖区学校食堂开展食品安全检查，覆盖全市中小学。")
    assert (r.province, r.city) == ("贵州省", "安顺市")


def test_a_townships_reading_the_text_names_outranks_a_level_mark(gz):
    # 化龙镇 is a town of 番禺区 and of 寿光市: a text naming 番禺 with its city's other districts
    # means 番禺's, though its 全市 fits 寿光市 (a county-level 市) too
    body = ("尊敬的各位家长：\n溺水是中小学生暑期安全的头号威胁。每年夏季，学生私自结伴到江河、水库、池塘游泳戏水，"
            "因不熟悉水情、缺乏自救能力而发生溺亡的事故屡见不鲜，每一起都令人痛心，也给家庭带来无法弥补的伤害。"
            "请各位家长切实履行监护责任，时刻掌握孩子的去向。\n今年以来，我市南沙、番禺、天河、从化等地均发生了学生溺亡事故。"
            "5月7日下午，化龙镇一所学校的6名学生相约到湖边玩耍，其中2名不幸溺亡。\n"
            "去年暑假，湛江市徐闻县、揭阳市也发生过多起学生溺水事故。")
    r = resolve(gz, "关于做好防溺水工作致家长的一封信", body)
    assert (r.province, r.city) == ("广东省", "广州市")


def test_a_vehicles_position_in_a_sentence_is_no_breadcrumb(gz):
    # 所在位置 heads a breadcrumb (您所在位置：首页 > 新闻); inside a sentence it is the bus's position, and
    # the line naming the town stays the article's
    body = ("新学期伊始，我市对部分校车进行更新换代。\n"
            "樟木头镇30多辆新校车将在新学期投入使用，每个座位都配有安全带，车内空间大、底盘重，安全系数较高。"
            "每辆车还自带GPS定位系统，可以随时对车辆所在位置和运行情况进行监控。")
    r = resolve(gz, "全市严抓校车安全管理", body)
    assert (r.province, r.city) == ("广东省", "东莞市")
    crumb = "您所在位置：首页 > 新闻中心 > 樟木头镇\n全市严抓校车安全管理\n新学期伊始，我市对部分校车进行更新换代。"
    assert resolve(gz, "全市严抓校车安全管理", crumb).city is None


def test_a_county_short_name_a_word_into_a_school_name_its_district_heads_is_no_place(gz):
    # 小雁塔小学 is 碑林区's school named after a pagoda: the 雁塔 in it is no 雁塔区
    body = ("这块菜园子，是由西安市碑林区小雁塔小学学生们精心打理的。\n"
            "小雁塔小学把劳动教育放在田埂之上，学生们在这里种下了蔬菜。")
    r = resolve(gz, "西安一小学践行爱粮节约", body)
    assert (r.city, r.county) == ("西安市", "碑林区")


def test_where_a_suspect_was_caught_or_hid_is_not_the_police_s_place(gz):
    # the police named by their county's short name; the suspects caught in other districts, named in full
    body = ("本报讯（全媒体记者 王明 通讯员 李华）\n"
            "今天，汉阴警方通报称，近日，汉阴警方为汉阴辖区一名学生追回被骗金额8500元。\n"
            "办案民警在商洛市商州区将犯罪嫌疑人曹某抓获。\n"
            "经审讯，同案犯陈某可能藏匿在安康市汉滨区，民警迅速派警力到汉滨区某小区将陈某抓获归案。")
    r = resolve(gz, "学生出售游戏账号被骗，安康警方把钱追回来了", body)
    assert (r.city, r.county) == ("安康市", "汉阴县")


def test_a_short_county_name_reads_its_city_from_a_headline_short_name(gz):
    # 长沙 is 长沙市 or 长沙县: resolved as the city, it names the city 望城 needs
    body = "今天，望城警方通报称，近日，望城警方为望城辖区某高校学生追回被骗金额8500元。"
    r = resolve(gz, "学生出售游戏账号被骗，长沙警方把钱追回来了", body)
    assert (r.city, r.county) == ("长沙市", "望城区")


def test_the_review_s_counter_cases_keep_their_places(gz):
    # 到 ends the city's words: 军山小学 is where its bureau went (the city-headed school rule reads no
    # preposition); a township where police caught a suspect, the text's only place, is no elsewhere;
    # 所在位置 at a sentence's end is no breadcrumb
    r = resolve(gz, "黄石市到军山小学考察交流", "近日，黄石市教育局一行到军山小学考察交流，武汉市教育局相关负责人陪同。")
    assert r.province == "湖北省"
    r = resolve(gz, "", "近日，我市警方破获一起盗窃案。\n民警在樟木头镇某小学附近将犯罪嫌疑人抓获。")
    assert r.city == "东莞市"
    r = resolve(gz, "", "新学期伊始，我市对部分校车进行更新换代。\n樟木头镇30多辆新校车投入使用，可随时查看车辆所在位置。")
    assert r.city == "东莞市"


def test_the_unit_signing_speaks_under_a_headline_naming_only_its_province(gz):
    # the headline names the province the notice is about, the signature who speaks; a prefecture
    # named in passing in the body does not stand against it
    signed = ("各县市区教育局：\n近期我省进入主汛期，湖南省教育厅要求各地加强校舍安全排查。湘西州教育和体育局已部署相关工作。\n"
              "请各地认真落实。\n娄底市教育局\n2024年6月20日")
    r = resolve(gz, "湖南省关于做好汛期学校安全工作的紧急通知", signed)
    assert (r.province, r.city) == ("湖南省", "娄底市")
    # … but a provincial bureau's own signature, reposted from a city's site, keeps the province
    reposted = ("来源：娄底市教育局\n各市州教育（体育）局：\n近期我省进入主汛期，长沙、株洲、湘潭等地出现强降雨。"
                "各地要加强校舍安全排查。\n请各地认真落实。\n湖南省教育厅\n2024年6月20日")
    r = resolve(gz, "湖南省教育厅关于做好汛期学校安全工作的紧急通知", reposted)
    assert (r.province, r.city) == ("湖南省", None)


def test_a_footers_postal_address_decides_what_nothing_else_did_or_a_school_narrows(gz):
    # a school's letter that names no place: its footer's address is where it is
    letter = ("尊敬的学生家长：\n夏秋季节是登革热多发季节，请您配合学校做好防蚊灭蚊工作。\n"
              "一、清理家中积水容器。\n二、外出做好防蚊措施。\n三、孩子发热请及时就医。\n"
              "某某中英文学校\n咨询电话：0757—86220000\n地址：佛山市南海区桂城海三路26号")
    r = resolve(gz, "共防登革热 致家长的一封信", letter)
    assert (r.province, r.city, r.county) == ("广东省", "佛山市", "南海区")
    assert any(e.rule == "region:address" for e in r.evidence)
    # … and it never moves a place the text named: a bureau's notice on a portal with another address
    named = ("3月5日，东港市市场监督管理局对辖区学校食堂开展食品安全检查。\n检查组查看了食品留样和索证索票情况。\n"
             "版权所有：某某网\n地址：北京市丰台区南四环西路188号")
    r = resolve(gz, "东港市市场监督管理局开展学校食堂检查", named)
    assert (r.province, r.city, r.county) == ("辽宁省", "丹东市", "东港市")
    # … nor narrows one: a provincial bureau's notice stays the province's, its office's district aside
    province = ("各地级以上市教育局：\n暑期将至，请各地切实做好学生防溺水工作。\n一、加强宣传教育。\n二、开展隐患排查。\n"
                "广东省教育厅\n2024年7月1日\n地址：广州市越秀区东风东路723号")
    r = resolve(gz, "广东省教育厅关于做好暑期学生防溺水工作的通知", province)
    assert (r.province, r.city, r.county) == ("广东省", None, None)
    # … but a school's own page (我校) under a headline naming only its city is where the school is
    school = ("近日，市教育局督导组到我校检查校园消防安全工作。\n督导组查看了学生宿舍和食堂的消防设施。\n"
              "我校校长表示将立即整改发现的问题。\n编辑：某某\n地址：鄂尔多斯市东胜区某某路8号")
    r = resolve(gz, "鄂尔多斯市教育局督导组到我校检查消防安全", school)
    assert (r.province, r.city, r.county) == ("内蒙古自治区", "鄂尔多斯市", "东胜区")
    # … only below the place the text chose: a portal's address elsewhere moves nothing
    portal = school.replace("地址：鄂尔多斯市东胜区某某路8号", "地址：北京市海淀区某某路1号")
    r = resolve(gz, "鄂尔多斯市教育局督导组到我校检查消防安全", portal)
    assert (r.province, r.city, r.county) == ("内蒙古自治区", "鄂尔多斯市", None)
    # … and never on a page that is not the school's: a bureau's notice (结合本校实际), a court's or a
    # hospital's 我院, a paper quoting a principal's “我校…”, a bureau's portal reprinting a school's news
    for title, body in (
            ("鄂尔多斯市教育局关于开展校园消防安全检查的通知",
             "各旗区教育局：\n请各学校结合本校实际开展自查。\n鄂尔多斯市教育局\n地址：鄂尔多斯市康巴什区某某路1号"),
            ("鄂尔多斯市中级人民法院开展法治进校园活动",
             "近日，我院法官走进校园，为师生讲解校园欺凌的法律责任。\n地址：鄂尔多斯市康巴什区某某路2号"),
            ("鄂尔多斯：校园食品安全检查全覆盖",
             "全市开展校园食品安全专项检查。\n一位校长说：“我校食堂已实现明厨亮灶。”\n编辑：某某\n地址：鄂尔多斯市东胜区某某路3号"),
            ("鄂尔多斯市召开全市校园安全工作会议",
             "会议要求各旗区切实抓好校园安全工作。\n相关阅读：\n我校开展防溺水安全教育\n地址：鄂尔多斯市东胜区某某路4号"),
            ("鄂尔多斯市某中学开展消防疏散演练",
             "近日，我校组织全体师生开展消防疏散演练。\n来源：某中学\n主办：鄂尔多斯市教育局\n地址：鄂尔多斯市康巴什区某某路1号")):
        r = resolve(gz, title, body)
        assert (r.city, r.county) == ("鄂尔多斯市", None), title
    # … and an address inside a sentence is where something happens, no footer
    trip = ("各位家长：\n本周五学校组织学生开展研学活动。\n研学集合地址：深圳市南山区科技园\n请家长按时送孩子到达。")
    assert resolve(gz, "关于开展研学活动的通知", trip).county is None


def test_a_district_name_before_yu_is_an_area_not_the_district(gz):
    # a reprint site's banner, 江南区域知名门户: 区域 (an area), not 南宁's 江南区
    body = "《新江南网》江南区域知名综合门户网站！\n暑假将至，各位家长要看护好孩子，严防溺水。\n新江南网 江南区域知名综合门户网"
    r = resolve(gz, "暑期防溺水提醒", body)
    assert (r.province, r.city, r.county) == (None, None, None)


def test_a_news_headlines_bare_province_does_not_hold_back_the_city_its_lead_names(gz):
    # a national outlet's headline names only the province of a local story; the lead says where (a roundup
    # whose lead speaks of the province keeps it: test_a_unit_named_among_others_or_as_a_venue_is_not_the_one_acting)
    body = ("记者9日获悉，江西赣州市章贡区一幼儿园20名幼儿食物中毒事件有了新进展，章贡区政府新闻办通报称，涉事幼儿园已被查封。\n"
            "据了解，1名症状较重的幼儿已转至南昌救治，当地已对该园幼儿进行分流。\n"
            "江西省教育厅此前印发通知，要求江西省各地开展无证幼儿园专项治理。")
    r = resolve(gz, "江西幼儿食物中毒事件续：涉事幼儿园被查封", body)
    assert (r.province, r.city, r.county) == ("江西省", "赣州市", "章贡区")


def test_a_school_named_like_a_far_township_is_the_speaking_offices(gz):
    # 航天小学 is named after an industry, not after 金塔县's 航天镇: the district whose bureau replies holds it
    body = ("近日，有网友留言反映航天小学幼儿园伙食费上调、饭菜质量不高的问题。\n"
            "芝罘区教体局对此回复：幼儿园食品原料均由统一招标的供货商配送，能够保障食品安全。")
    r = resolve(gz, "网友留言：幼儿园伙食问题", body)
    assert (r.province, r.county) == ("山东省", "芝罘区")


def test_a_national_paper_named_among_the_organisers_binds_no_word_to_a_place(gz):
    # 光明 is a word (stop_short) and 深圳's 光明区 only where bound, as by its outlet (光明新闻网讯); a national
    # paper named with others as an organiser (教育部和光明日报主办) is no source line
    body = ("5月12日，由教育部和光明日报主办、省教育厅承办的职业教育活动周专场报告会举行。\n"
            "福州职业技术学院组织师生代表200余人聆听了报告会。\n报告会结束后，学院召开座谈会，部署校园安全工作。")
    r = resolve(gz, "我院师生聆听教书育人楷模事迹报告会", body)
    assert r.county != "光明区" and r.city != "深圳市"



def test_a_university_named_as_where_a_meeting_was_held_is_not_our_school(gz):
    # 我校 attended: the host university (在某大学举行, then visited) is not the page's school
    title = "我校参加高校实验室安全管理研讨会"
    body = ("6月3日，高校实验室安全管理研讨会在延边大学举行，扬州大学、江南大学、南京信息工程大学、南通大学等高校代表出席会议。\n"
            "我校实验室与设备管理处负责人带队参加了研讨会。\n会议期间，代表们参观了延边大学的危险化学品仓库。")
    r = resolve(gz, title, body)
    assert r.county != "延吉市" and r.city != "延边朝鲜族自治州"


def test_a_county_disease_control_centre_is_an_office_that_places_a_far_townships_namesake_school(gz):
    # 三才小学 is not 陵水's 三才镇: the county whose disease control centre acts (环江县疾控) holds it
    body = ("近日，三才小学出现多例学生发热病例。\n"
            "接到报告后，环江县疾控中心立即派出工作人员赶赴三才小学开展流行病学调查和消毒工作。\n"
            "目前，患病学生均已好转。")
    r = resolve(gz, "一小学出现发热病例 疾控部门开展处置", body)
    assert r.province == "广西壮族自治区" and r.county == "环江毛南族自治县"


def test_a_districts_everyday_abbreviation_is_that_district(gz):
    # 昆区 is how 包头 and the district's own site write 昆都仑区
    body = ("来源：昆区政府网\n9月2日，包头市副市长一行深入昆区部分中小学，检查开学安全工作。\n"
            "检查组查看了学校食堂和校舍，要求各校落实安全责任。")
    r = resolve(gz, "副市长深入昆区学校检查开学安全工作", body)
    assert (r.city, r.county) == ("包头市", "昆都仑区")


@pytest.mark.parametrize(("phrase", "county"), [("阳泉郊区", "郊区"), ("晋城市城区", "城区"), ("攀枝花东区", "东区")])
def test_a_district_named_by_a_word_after_its_city_is_that_district(gz, phrase, county):
    # 郊区, 城区, 东区 are words (stop_names) alone, and these cities' districts right after their names
    body = f"12月27日，{phrase}中小学校车开进了村，全区农村学生上下学有了保障。\n区教育局将继续做好校车安全管理工作。"
    r = resolve(gz, "农村学生坐上了校车", body)
    assert r.county == county
