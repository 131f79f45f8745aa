"""The title a document is listed by when its page offers none it can use."""

from __future__ import annotations

from indexer.ingest import Enrichers, ingest_html


def test_a_page_whose_opening_line_is_mojibake_is_listed_by_the_start_of_its_text():
    # no headline, and the line a title would be cut from opens with an unrepaired run: the list
    # shows the text's start (a link is never empty), while enrichment reads no title at all
    page = ("<html><body><article><p>??????示例社8月27日电 受台风影响，示例县多所中小学及幼儿园宣布停课。</p>"
            "<p>??????26日晚间，示例县教育局发布通知，要求各校做好防御台风准备，视天气调整上学时间或停课。</p>"
            "</article></body></html>")
    doc = ingest_html(page, "http://127.0.0.1/news/1.html", None, Enrichers())[0]
    assert doc.title.startswith("示例社8月27日电 受台风影响") and doc.title.endswith("…")
    assert doc.title_search == ""
    assert "extreme_weather" in doc.hazards
