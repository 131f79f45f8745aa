"""The owner a page's footer names and its government site code (indexer.extract.owner), and what
they do to the region."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.owner import site_address, site_code, site_owner
from indexer.ingest import Enrichers, ingest_html

PAGES = Path(__file__).resolve().parents[1] / "enrichment" / "pages"


def footer_page(footer: str, body: str = "<p>为加强校园安全管理，县教育局近日开展专项检查。</p>") -> str:
    return f"<html><body><h1>开展专项检查</h1>{body}<div class='footer'>{footer}</div></body></html>"


@pytest.mark.parametrize("footer, owner", [
    ("主办单位：<span>平昌县教育局</span>　承办：县教育信息中心", "平昌县教育局"),
    ("主办：巴中市人民政府办公室网站标识码：5119000001", "巴中市人民政府办公室"),
    ("版权所有 西北农林科技大学草业与草原学院", "西北农林科技大学草业与草原学院"),
    ("Copyright &copy; 2013 舒城县教育局电化教育馆 All Rights Reserved.", "舒城县教育局电化教育馆"),
    ("Copyright ©2017广州市新穗学校 粤ICP备14070532号-1", "广州市新穗学校"),
    ("主辦：中共遼寧省委政法委員會", "中共遼寧省委政法委員會"),
    ("平昌县教育局 版权所有", "平昌县教育局"),
])
def test_a_public_body_or_school_in_the_footer_is_the_owner(footer, owner):
    assert site_owner(footer_page(footer)) == owner


@pytest.mark.parametrize("footer", [
    "版权所有 华夏资讯网",                       # a portal
    "主办：某某信息科技有限公司 版权所有",          # a company
    "Copyright © 2021 《灾害学》杂志社 版权所有",   # a journal
    "版权所有，未经许可不得转载。",                 # a disclaimer names nobody
])
def test_a_portal_a_company_or_a_disclaimer_is_no_owner(footer):
    assert site_owner(footer_page(footer)) is None


def test_an_event_a_body_organised_is_no_footer():
    body = "<p>由县教育局主办的校园安全知识竞赛在县实验学校举行。</p>"
    assert site_owner(footer_page("", body)) is None


def test_the_last_owner_on_the_page_is_the_sites():
    page = footer_page("主办单位：平昌县教育局", "<p>转自 主办：巴中市教育局 的通知</p>")
    assert site_owner(page) == "平昌县教育局"


@pytest.mark.parametrize("crumbs, owner", [
    ("当前位置: 石门县教育局 &gt; 教育动态 &gt; 综合新闻", "石门县教育局"),
    ("您现在的位置：<a>首页</a> &gt; <a>宁陕县人民政府办公室</a> &gt; 通知公告", "宁陕县人民政府办公室"),
    ("当前位置：首页 &gt; 新闻中心 &gt; 正文", None),  # a section is no owner
    ("当前位置：红网 &gt; 新闻频道 &gt; 正文", None),  # nor a portal
])
def test_a_breadcrumbs_root_names_the_owner(crumbs, owner):
    assert site_owner(f"<html><body><div>{crumbs}</div><h1>开展专项检查</h1></body></html>") == owner


def test_a_breadcrumbs_owner_places_a_notice_that_says_only_our_county():
    page = ("<html><body><p>当前位置: 石门县教育局 &gt; 教育动态 &gt; 综合新闻</p><h1>我县开展校车安全培训</h1>"
            "<p>8月28日，全县校车驾驶员和照管员参加了校车安全管理专题培训，县教育局安全股负责人授课。</p></body></html>")
    doc = ingest_html(page, "http://127.0.0.1/jyj/news/1.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("湖南省", "常德市", "石门县")
    # the footer, at the page's end, is the site's over the breadcrumb
    page = page.replace("</body>", "<div>主办单位：澧县人民政府</div></body>")
    doc = ingest_html(page, "http://127.0.0.1/jyj/news/1.html", None, Enrichers())[0]
    assert doc.county == "澧县"


def test_the_breadcrumb_regression_page_is_placed_by_its_root():
    page = (PAGES / "reg16_breadcrumb_owner.html").read_bytes().decode("gb2312")
    doc = ingest_html(page, "http://61.178.10.22/jyj/news/2024/0830/reg16_breadcrumb_owner.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("甘肃省", "定西市", "通渭县")
    assert [e.rule for e in doc.evidence if e.field == "domain"] == ["region:owner"]


def test_the_footers_owner_places_a_page_whose_text_names_no_place():
    # a county bureau's notice on a site reached by an IP address: 我县 / 县教育局 only, and
    # 将会同县市场监管局 ("together with the county's market bureau") is no 会同县
    page = (PAGES / "reg14_footer_owner.html").read_bytes().decode("gb2312")
    doc = ingest_html(page, "http://61.157.20.14/jyj/tzgg/2024/0312/reg14.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("四川省", "巴中市", "平昌县")
    # the owner and the site code are one witness: one of them votes
    assert [e.rule for e in doc.evidence if e.field == "domain"] == ["region:site_code"]
    doc = ingest_html(page.replace("网站标识码：5119230001", ""), "http://61.157.20.14/jyj/reg14.html", None,
                      Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("四川省", "巴中市", "平昌县")
    assert any(e.rule == "region:owner" and e.phrase == "平昌县" for e in doc.evidence)
    without_footer = page.split('<td class="footer">')[0] + "</body></html>"
    doc = ingest_html(without_footer, "http://61.157.20.14/jyj/tzgg/2024/0312/reg14.html", None, Enrichers())[0]
    assert doc.province is None


@pytest.mark.parametrize("footer", ["主办：中共湖南省委宣传部 红网版权所有", "主办单位：平昌县融媒体中心"])
def test_a_news_sites_owner_is_no_place_for_its_news(footer):
    assert site_owner(footer_page(footer)) is None


@pytest.mark.parametrize("page, meta, code", [
    (footer_page("网站标识码：<span>5119230001</span>　蜀ICP备12000000号"), None, "511923"),
    (footer_page("网站标识码5118000022"), None, "511800"),
    ("<html><body><p>正文</p></body></html>", "1522230001", "152223"),   # <meta name="SiteIDCode">
    (footer_page("网站标识码：bm53260001"), None, None),                   # a ministry's: no place
    (footer_page("联系电话：0827-1234567890"), None, None),
])
def test_a_government_sites_code_starts_with_its_division(page, meta, code):
    assert site_code(page, meta) == code


def test_the_site_code_places_a_page_whose_text_names_no_place():
    body = ("<h1>关于做好寒假学生安全工作的通知</h1><p>各学校：寒假将至，为切实做好全县学生假期安全工作，"
            "县教育局要求各校开展一次防溺水、防火和交通安全教育。</p>")
    page = f'<html><head><meta name="SiteIDCode" content="6109210001"></head><body>{body}</body></html>'
    doc = ingest_html(page, "http://10.1.2.3/tzgg/1.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("陕西省", "安康市", "汉阴县")
    assert any(e.rule == "region:site_code" for e in doc.evidence)
    # a retired county code still names its city: 130185 was 鹿泉市, now 石家庄's 鹿泉区 (130110)
    page = f'<html><head><meta name="SiteIDCode" content="1301850001"></head><body>{body}</body></html>'
    doc = ingest_html(page, "http://10.1.2.3/tzgg/1.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("河北省", "石家庄市", None)


@pytest.mark.parametrize("site_name, owner", [
    ("平昌县人民政府门户网站", "平昌县人民政府"),
    ("汉阴县教育体育和科技局", "汉阴县教育体育和科技局"),
    ("华夏资讯网", None),
])
def test_a_government_site_name_tag_names_the_owner_when_the_footer_does_not(site_name, owner):
    assert site_owner(footer_page("联系我们"), site_name) == owner
    assert site_owner(footer_page("主办单位：巴中市教育局"), site_name) == "巴中市教育局"


def test_a_county_portals_copy_of_a_provincial_notice_stays_the_provinces():
    # host, owner and site code all name the county: one witness, which the headline outweighs
    body = ("<h1>陕西省教育厅关于做好2024年暑期学生安全工作的通知</h1><p>各设区市教育局：</p>"
            "<p>暑期将至，为切实做好学生假期安全工作，现将有关事项通知如下。一、加强防溺水教育。</p>")
    footer = "<div>主办单位：汉阴县人民政府　网站标识码：6109210001</div>"
    doc = ingest_html(f"<html><body>{body}{footer}</body></html>", "http://www.hanyin.gov.cn/Content-1.html", None,
                      Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("陕西省", None, None)


@pytest.mark.parametrize("footer, address", [
    ("版权所有 某某职业技术学院 - 保卫处 学院地址:大连市甘井子区营城子镇 邮编:116036", "大连市甘井子区营城子镇"),
    ("主办单位：某县教育局<br>地址：湖南省某县城关镇人民路8号　电话：0731-1234567", "湖南省某县城关镇人民路8号"),
    ("Copyright © 2020 某某学院 | 地址：梅州市梅松路 | 邮编：514015", "梅州市梅松路"),
    ("版权所有 某某学院，通信地址：辽宁省大连市 金州区某路 邮编：116000", "辽宁省大连市 金州区某路"),
    ("版權所有 某某學院｜聯絡地址：大連市甘井子區某路", "大連市甘井子區某路"),
])
def test_the_footer_gives_the_owners_address(footer, address):
    assert site_address(footer_page(footer)) == address


def test_an_address_in_the_text_is_no_footers():
    # an event's address in a sentence, far from any footer marker, is not the site's
    assert site_address(footer_page("", "<p>活动地址：北京市海淀区某路1号，请准时到达。</p>")) is None


def test_a_colleges_footer_address_places_its_page_in_its_district():
    # a college's page: its name says the city; its footer's address, which the article extractor
    # drops with the footer, says the district
    body = ("<p>为提高师生应急避险能力，学院保卫处组织开展消防疏散演练。</p>"
            "<p>演练结束后，保卫处对演练情况进行了总结讲评，要求各部门做好消防安全工作。</p>")
    footer = "CopyRight 大连枫叶职业技术学院 - 保卫处 版权所有 学院地址:大连市甘井子区营城子镇 邮编:116036"
    doc = ingest_html(footer_page(footer, body), "http://10.0.0.7/bwc/1.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("辽宁省", "大连市", "甘井子区")
    # a campus's address in the footer (鄠邑校区地址：…) is where a college with several campuses writes from,
    # though its name's entry holds another district of the city (西安石油大学: 雁塔区)
    footer = "版权所有©西安石油大学学生工作部(处) 鄠邑校区地址:陕西省西安市鄠邑区某工业园 邮编:710300"
    doc = ingest_html(footer_page(footer, body), "http://10.0.0.7/xsc/1.html", None, Enrichers())[0]
    assert (doc.city, doc.county) == ("西安市", "鄠邑区")
    # a bureau's address is its office's, not the place of what it issues
    footer = "主办单位：大连市教育局 地址:大连市沙河口区某路1号"
    doc = ingest_html(footer_page(footer, body), "http://10.0.0.7/jyj/1.html", None, Enrichers())[0]
    assert (doc.city, doc.county) == ("大连市", None)
    # nor a ministry's or a paper's, on a text that names no place
    footer = "主办单位：中华人民共和国教育部 地址：北京市西城区西单大木仓胡同37号"
    doc = ingest_html(footer_page(footer, body), "http://10.0.0.7/moe/1.html", None, Enrichers())[0]
    assert doc.province is None
    # a school's site reposting its province's notice: the province's
    notice = ("<p>辽宁省教育厅召开全省教育系统安全工作视频会议，部署寒假学生安全工作。</p>"
              "<p>会议要求各地各校做好消防、交通和防溺水等安全工作，落实安全责任，加强隐患排查整治。</p>")
    footer = "版权所有 辽宁师范大学附属中学 地址：大连市沙河口区某路1号"
    doc = ingest_html(footer_page(footer, notice), "http://10.0.0.7/fz/1.html", None, Enrichers())[0]
    assert (doc.province, doc.city, doc.county) == ("辽宁省", None, None)
    # … or its city's, whose bureau leads it
    notice = ("<p>大连市教育局关于做好寒假学生安全工作的通知</p>"
              "<p>各区市县教育局：为做好寒假期间学生安全工作，现就有关事项通知如下，请各校认真落实消防、交通和防溺水安全工作。</p>")
    footer = "版权所有 大连市第二十四中学 地址：大连市沙河口区某路1号"
    doc = ingest_html(footer_page(footer, notice), "http://10.0.0.7/24z/1.html", None, Enrichers())[0]
    assert (doc.city, doc.county) == ("大连市", None)
