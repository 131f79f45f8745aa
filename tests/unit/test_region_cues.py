"""Region cue kinds learnt from reading real texts, each shown on a text we wrote ourselves."""

from __future__ import annotations

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


@pytest.mark.parametrize(("footer", "province"), [
    ("版权所有：某某学院 皖ICP备05012345号", "安徽省"),
    ("湘公网安备43010202000123号", "湖南省"),
    ("地址：学院路1号 邮编：730070", "甘肃省"),
    ("值班电话：028-85401234", "四川省"),
])
def test_a_site_registration_names_the_province_when_the_text_names_none(gz, footer, province):
    r = resolve(gz, "关于开展实验室安全自查的通知", _LAB_NOTICE + footer)
    assert (r.province, r.city, r.county) == (province, None, None)
    assert [e.rule for e in r.evidence] == ["region:registration"]


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
