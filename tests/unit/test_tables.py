"""The table-layout reader: layout tables become blocks or go, data tables stay tables."""

from __future__ import annotations

from lxml.html import document_fromstring

from indexer.extract import ExtractOptions, extract_articles
from indexer.extract.chrome import page_lines, site_chrome
from indexer.extract.tables import apply_table_marks, classify, mark_tables, tsv

PROSE = "<p>示例县教育局组织检查组，对全县学校的校舍、消防设施和食堂开展拉网式排查，要求各校建立台账、限期整改。</p>" * 3


def table(html: str):  # type: ignore[no-untyped-def]
    return document_fromstring(f"<html><body>{html}</body></html>").find(".//table")


def test_kinds_of_tables():
    nav = "<table><tr>" + "".join(f"<td><a href='/c{i}/'>栏目{i}</a></td>" for i in range(8)) + "</tr></table>"
    assert classify(table(nav)) == "navigation"
    search = "<table><tr><td>关键词</td><td><input name='q'></td><td><input type='submit' value='搜索'></td></tr></table>"
    assert classify(table(search)) == "form"
    assert classify(table("<table><tr><td><img src='/a.gif'></td></tr></table>")) == "empty"
    schedule = ("<table><tr><td>时间</td><td>内容</td></tr><tr><td>8:30</td><td>开幕式</td></tr>"
                "<tr><td>9:00</td><td>专题报告</td></tr></table>")
    assert classify(table(schedule)) == "data"
    assert classify(table(f"<table><tr><td>{PROSE}</td></tr></table>")) == "layout"  # a one-cell wrapper
    days = "".join(f"<td>{d}</td>" for d in range(1, 32))
    assert classify(table(f"<table><tr>{days}</tr></table>")) == "navigation"  # a calendar widget


def test_script_and_style_text_is_not_table_text():
    script = "<script>var notice = '" + "请各单位按时报送材料，逾期不予受理。" * 12 + "';</script>"
    links = "".join(f"<td><a href='/c{i}/'>栏目{i}</a></td>" for i in range(8))
    assert classify(table(f"<table><tr>{links}<td>{script}</td></tr></table>")) == "navigation"
    assert classify(table(f"<table><tr><td>{script}<style>td {{ color: red }}</style></td></tr></table>")) == "empty"
    hidden = document_fromstring("<html><body><noscript><table><tr><td>请启用浏览器脚本后浏览本站内容。</td></tr>"
                                 "</table></noscript></body></html>")
    assert classify(hidden.find(".//table")) == "empty"


def test_a_table_of_attachment_links_is_not_navigation():
    files = ("<table><tr><td><a href='/f/1.pdf'>检查清单</a></td></tr>"
             "<tr><td><a href='/f/2.docx'>整改汇总表</a></td></tr></table>")
    assert classify(table(files)) != "navigation"


def test_marking_drops_forms_keeps_data_and_unwraps_layout():
    tree = document_fromstring(
        "<html><body><table><tr><td><table><tr><td><input name='q'></td><td>搜索</td></tr></table></td></tr>"
        f"<tr><td>{PROSE}<table><tr><td>学校</td><td>问题</td></tr><tr><td>第一小学</td><td>消防通道堵塞</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    marked = mark_tables(tree)
    assert marked.dropped == 1
    assert marked.tables == [[["学校", "问题"], ["第一小学", "消防通道堵塞"]]]
    apply_table_marks(tree)
    assert [t for t in tree.iter("table")] == []
    assert "⟦gonggao-table-0⟧" in tree.text_content()
    assert tsv(marked.tables[0]) == "学校\t问题\n第一小学\t消防通道堵塞"


def test_data_table_rows_go_into_the_article_as_tab_separated_lines():
    html = ("<html><head><title>检查情况通报</title></head><body><table><tr><td>"
            "<h1>检查情况通报</h1>" + PROSE +
            "<table><tr><td>学校</td><td>问题</td><td>期限</td></tr><tr><td>第一小学</td><td>消防通道堵塞</td><td>5月10日</td></tr>"
            "<tr><td>城关中学</td><td>围墙开裂</td><td>5月20日</td></tr></table>"
            "<p>各校要按期完成整改，整改情况报县教育局。</p></td></tr></table></body></html>")
    (article,) = extract_articles(html, "http://x.example/a.html")
    assert article.tables == [[["学校", "问题", "期限"], ["第一小学", "消防通道堵塞", "5月10日"],
                               ["城关中学", "围墙开裂", "5月20日"]]]
    assert "第一小学\t消防通道堵塞\t5月10日" in article.body
    assert article.body.index("第一小学") < article.body.index("各校要按期完成整改")
    assert "|" not in article.body


def test_site_chrome_is_what_most_pages_of_a_site_repeat():
    def page(n: int) -> str:
        return (f"<html><body><div>网站首页 | 新闻动态 | 通知公告</div><h1>第{n}条新闻</h1>"
                f"<p>正文第{n}段，内容各不相同。</p><div>版权所有：示例县教育局</div></body></html>")

    lines = [page_lines(page(n)) for n in range(4)]
    chrome = site_chrome(lines)
    assert "版权所有：示例县教育局" in chrome and "网站首页|新闻动态|通知公告" in chrome
    assert not any("正文" in line for line in chrome)
    assert site_chrome(lines[:2]) == frozenset()  # two pages agreeing may be chance


def test_site_chrome_option_keeps_those_lines_out_of_the_article():
    html = ("<html><head><title>示例县召开安全会议</title></head><body><h1>示例县召开安全会议</h1>" + PROSE +
            "<p>示例县教育局欢迎您的来访，祝您工作顺利，生活愉快！</p></body></html>")
    plain = extract_articles(html, "http://x.example/a.html")[0]
    assert "欢迎您的来访" in plain.body
    chrome = frozenset({"示例县教育局欢迎您的来访，祝您工作顺利，生活愉快！"})
    cleaned = extract_articles(html, "http://x.example/a.html", ExtractOptions(site_chrome=chrome))[0]
    assert "欢迎您的来访" not in cleaned.body and "拉网式排查" in cleaned.body
