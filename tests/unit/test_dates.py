"""Dates: formats, URL patterns, yearless dates, and the order of evidence."""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.extract.dates import (
    SHANGHAI,
    DateEvidence,
    labelled_date,
    parse_date,
    parse_meta_date,
    pick_date,
    url_date,
)


def d(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年1月14日", d(2025, 1, 14)),
        ("二〇二五年一月十四日", d(2025, 1, 14)),
        ("二〇二四年十二月三十一日印发", d(2024, 12, 31)),
        ("2024-11-15 10:32:46", d(2024, 11, 15, 10, 32, 46)),
        ("2025-01-14 10:32", d(2025, 1, 14, 10, 32)),
        ("2025-01-14 14∶06", d(2025, 1, 14, 14, 6)),
        ("２０２５－０１－１４", d(2025, 1, 14)),
        ("2025/3/5", d(2025, 3, 5)),
        ("2025.03.05", d(2025, 3, 5)),
        ("没有日期的文字", None),
        ("2025-13-40", None),
    ],
)
def test_parse_date_formats(text, expected):
    assert parse_date(text) == expected


def test_meta_values():
    assert parse_meta_date("2025-01-14 10:32") == d(2025, 1, 14, 10, 32)
    assert parse_meta_date("2025-01-14 14∶06") == d(2025, 1, 14, 14, 6)
    assert parse_meta_date("2025-01-14T02:32:00Z") == d(2025, 1, 14, 10, 32)
    assert parse_meta_date("2025年01月14日") == d(2025, 1, 14)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.example.gov.cn/zwgk/202411/t20241115_123456.html", d(2024, 11, 15)),
        ("http://paper.example.cn/html/2025-01/14/content_3.htm", d(2025, 1, 14)),
        ("http://www.example.gov.cn/art/2025/1/14/art_1229_88.html", d(2025, 1, 14)),
        ("https://news.example.com/2025/0114/c1004-40001.html", d(2025, 1, 14)),
        ("https://news.example.com/20250114/abc.html", d(2025, 1, 14)),
        ("https://news.example.com/a/123456.html", None),
    ],
)
def test_url_dates(url, expected):
    assert url_date(url) == expected


def test_yearless_date_takes_year_from_reference_and_never_lies_in_its_future():
    assert parse_date("2月10日上午，经开区召开会议", reference=d(2025, 2, 12)) == d(2025, 2, 10)
    # a date later than the page date belongs to the year before
    assert parse_date("12月28日，召开年终总结会", reference=d(2025, 1, 3)) == d(2024, 12, 28)
    assert parse_date("2月10日上午", reference=None) is None


def test_labelled_visible_date():
    assert labelled_date("字号：大 中 小　发布时间：2025-01-14 10:32　来源：省教育厅") == d(2025, 1, 14, 10, 32)
    assert labelled_date("發佈日期：2024年10月8日") == d(2024, 10, 8)
    assert labelled_date("无标签 2024-01-01") is None


def test_order_meta_then_visible_then_url_then_text():
    url = "http://www.example.gov.cn/zwgk/202501/t20250110_1.html"
    meta = {"PubDate": "2025-01-14 09:00"}
    visible = "发布时间：2025-01-13"
    body = "2025年1月12日，省教育厅召开会议。"
    assert pick_date(DateEvidence(meta=meta, visible_text=visible, url=url, body=body)) == (
        d(2025, 1, 14, 9), "meta:PubDate"
    )
    assert pick_date(DateEvidence(meta={}, visible_text=visible, url=url, body=body)) == (d(2025, 1, 13), "visible:发布时间")
    assert pick_date(DateEvidence(meta={}, url=url, body=body)) == (d(2025, 1, 10), "url")
    assert pick_date(DateEvidence(meta={}, url="http://x.example/a/1.html", body=body)) == (d(2025, 1, 12), "text")


def test_yearless_text_date_uses_fetched_at():
    evidence = DateEvidence(meta={}, url="http://x.example/a/1.html", body="2月10日上午，经开区召开安全会议。",
                            fetched_at=d(2025, 2, 11, 8))
    assert pick_date(evidence) == (d(2025, 2, 10), "text")


def test_dates_in_related_lists_never_win():
    # the cleaned body no longer holds the related list; only its own header date counts
    evidence = DateEvidence(
        meta={},
        visible_text="",
        url="http://x.example/a/1.html",
        body="近日，示例区召开防汛会议。\n会议要求加强巡查。",
        header_lines="",
        html="<html><body><p>近日，示例区召开防汛会议。</p><div class='related'><h3>相关文章</h3>"
        "<li>另一篇 2019-05-30</li></div></body></html>",
    )
    published, source = pick_date(evidence)
    assert source != "text"
    assert published is None or published.year != 2019 or source == "htmldate"


def test_future_and_ancient_dates_are_rejected():
    evidence = DateEvidence(meta={"PubDate": "2099-01-01"}, url="http://x.example/202401/t20240105_1.html",
                            fetched_at=d(2024, 1, 6))
    assert pick_date(evidence) == (d(2024, 1, 5), "url")
