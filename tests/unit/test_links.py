"""Article and list-page discovery on list pages, without any network."""

from __future__ import annotations

from parsel import Selector

from crawler.links import article_links, canonical, list_pages, named_attachment_links

LIST = """<html><head><script>createPageHTML(4, 0, "index", "html");</script></head><body>
<div class="nav"><a href="/">首页</a><a href="/jyzx/">教育资讯</a><a href="http://other.example.cn/t20250101_1.html">外站</a></div>
<ul class="list">
  <li><a href="./202501/t20250114_123456.html">省教育厅召开寒假安全稳定工作会议</a><span>2025-01-14</span></li>
  <li><a href="/jyzx/tzgg/202412/t20241203_120001.html#top">关于做好冬季校园消防安全工作的通知</a></li>
  <li><a href="/art/2024/11/5/art_12_3456.html">短</a></li>
  <li><a href="/files/plan.xls">附件：检查表</a></li>
  <li><a href="/about/contact-us-page.html">联系我们关于本网站的说明信息</a></li>
</ul>
<div class="page"><a href="index_1.html">2</a><a href="index_1.html">下一页</a></div>
</body></html>"""
BASE = "http://jyt.example.gov.cn/jyzx/tzgg/index.html"


def test_article_links_by_url_shape_and_scope() -> None:
    found = article_links(Selector(LIST), BASE, ["jyt.example.gov.cn"])
    assert found[:3] == [
        "http://jyt.example.gov.cn/jyzx/tzgg/202501/t20250114_123456.html",
        "http://jyt.example.gov.cn/jyzx/tzgg/202412/t20241203_120001.html",
        "http://jyt.example.gov.cn/art/2024/11/5/art_12_3456.html",
    ]
    assert not any("other.example.cn" in u or u.endswith((".xls", "index_1.html")) for u in found)


def test_article_links_with_a_selector_take_exactly_its_matches() -> None:
    found = article_links(Selector(LIST), BASE, ["jyt.example.gov.cn"], css="ul.list li:first-child a")
    assert found == ["http://jyt.example.gov.cn/jyzx/tzgg/202501/t20250114_123456.html"]


def test_list_pages_from_the_cms_page_script() -> None:
    pages = list_pages(Selector(LIST), BASE, limit=10)
    assert pages == [f"http://jyt.example.gov.cn/jyzx/tzgg/index_{n}.html" for n in (1, 2, 3)]
    assert list_pages(Selector(LIST), BASE, limit=2) == ["http://jyt.example.gov.cn/jyzx/tzgg/index_1.html"]
    assert list_pages(Selector(LIST), BASE, limit=1) == []


def test_query_pagination_and_next_text() -> None:
    html = '<a href="list.aspx?page=2">2</a><a href="list.aspx?page=3">3</a><a href="list.aspx?page=2">下一页</a>'
    pages = list_pages(Selector(html), "http://x.gov.cn/list.aspx", limit=5)
    assert pages == ["http://x.gov.cn/list.aspx?page=2", "http://x.gov.cn/list.aspx?page=3"]


def test_attachments_and_canonical() -> None:
    found = named_attachment_links(Selector(LIST), BASE, ["jyt.example.gov.cn"])
    assert found == {"http://jyt.example.gov.cn/files/plan.xls": "附件：检查表"}
    assert canonical("HTTP://X.gov.cn/a.html?utm_source=wx&id=3#p") == "http://x.gov.cn/a.html?id=3"


def test_canonical_drops_session_ids() -> None:
    assert canonical("http://x.gov.cn/a/t20250101_1.html;jsessionid=0A1B2C?id=3") == "http://x.gov.cn/a/t20250101_1.html?id=3"
    assert canonical("http://x.gov.cn/list.jsp?PHPSESSID=ab12&page=2&ASPSESSIONIDQASDT=xy") == "http://x.gov.cn/list.jsp?page=2"
    assert canonical("http://x.gov.cn/list.jsp?sid=7") == "http://x.gov.cn/list.jsp?sid=7", "a bare sid may name a site"
