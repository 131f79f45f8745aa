"""Dates: formats, URL patterns, yearless dates, and the order of evidence."""

from __future__ import annotations

from datetime import datetime

import pytest

from config.vocabulary import DateSource
from indexer.extract.dates import (
    SHANGHAI,
    DateEvidence,
    labelled_date,
    parse_date,
    parse_meta_date,
    pick_date,
    structured_dates,
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
    assert labelled_date("发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)") == d(2004, 12, 27, 12, 40)
    assert labelled_date("发布: 2021-1-29 13:18 | 点击: 313") == d(2021, 1, 29, 13, 18)
    assert labelled_date("本贴由大卫于2005年8月12日16:12:21在〖心灵论坛〗发表") == d(2005, 8, 12, 16, 12, 21)
    assert labelled_date("发布日期： 9/17/2004 5:54:13 AM") == d(2004, 9, 17, 5, 54, 13)
    assert labelled_date("发布日期： 7/5/2005 9:23:57 PM") == d(2005, 7, 5, 21, 23, 57)
    assert labelled_date("无标签 2024-01-01") is None


def test_order_meta_then_byline_then_url_then_text():
    url = "http://www.example.gov.cn/zwgk/202501/t20250110_1.html"
    meta = {"PubDate": "2025-01-14 09:00"}
    header = ("发布时间：2025-01-13",)
    body = "2025年1月12日，省教育厅召开会议。"
    assert pick_date(DateEvidence(meta=meta, header=header, url=url, body=body)) == (d(2025, 1, 14, 9), "meta:PubDate")
    assert pick_date(DateEvidence(meta={}, header=header, url=url, body=body)) == (d(2025, 1, 13), "byline:发布时间")
    assert pick_date(DateEvidence(meta={}, url=url, body=body)) == (d(2025, 1, 10), "url")
    assert pick_date(DateEvidence(meta={}, url="http://x.example/a/1.html", body=body)) == (d(2025, 1, 12), "text")


def test_a_disclosure_box_labelling_both_dates_gives_its_成文日期():
    """A government document is cited by the day it was signed (成文日期); the box's 发布日期, the
    meta PubDate and the visible 发布时间 are the day the web page went up."""
    evidence = DateEvidence(meta={"PubDate": "2024-06-07 16:05"}, header=("发布时间：2024-06-07 16:05",),
                            info_table_date="2024-06-07", info_table_signed="2024年06月03日",
                            url="http://x.example/xxgk/202406/t20240607_1.html", fetched_at=d(2025, 1, 1))
    assert pick_date(evidence) == (d(2024, 6, 3), "table:成文日期")
    # a box with a 成文日期 but no 发布日期 is read as before: the meta and the byline first
    alone = DateEvidence(meta={"PubDate": "2024-06-07 16:05"}, info_table_signed="2024-06-03", fetched_at=d(2025, 1, 1))
    assert pick_date(alone) == (d(2024, 6, 7, 16, 5), "meta:PubDate")
    # a 成文日期 later than the 发布日期 (a misfilled box) or than the fetch time is not used
    later = DateEvidence(meta={}, info_table_date="2024-06-07", info_table_signed="2024-06-09", fetched_at=d(2025, 1, 1))
    assert pick_date(later) == (d(2024, 6, 7), "table:发布日期")
    future = DateEvidence(meta={}, info_table_date="2024-06-07", info_table_signed="2024-06-03", fetched_at=d(2024, 5, 1))
    assert pick_date(future) == (None, None)


def test_byline_beats_an_event_date_in_the_body():
    evidence = DateEvidence(meta={}, header=("2019-12-10 08:31 来源：示例日报",),
                            body="12月9日电 示例县召开安全生产会议。", fetched_at=d(2025, 6, 1))
    assert pick_date(evidence) == (d(2019, 12, 10, 8, 31), "byline")
    # an unlabelled header line, a labelled byline under the text
    assert pick_date(DateEvidence(meta={}, header=("2004-12-10 阅读10544次",))) == (d(2004, 12, 10), "byline")
    footer = ("希望以后和各位多多交流。", "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)")
    assert pick_date(DateEvidence(meta={}, footer=footer)) == (d(2004, 12, 27, 12, 40), "byline:发表于")


def test_english_month_names_in_bylines_and_meta():
    """Bilingual and English-language sites write "Dec 3, 2019" / "3 December 2019" in the byline."""
    header = ("By 林海 | Example Daily | Updated: Dec 3, 2019 08:52 PM",)
    assert pick_date(DateEvidence(meta={}, header=header, fetched_at=d(2025, 1, 1))) == (d(2019, 12, 3, 20, 52), "byline")
    assert labelled_date("发布时间：December 3rd, 2019") == d(2019, 12, 3)
    assert parse_meta_date("Sept. 12, 2021 10:05 am") == d(2021, 9, 12, 10, 5)
    assert parse_meta_date("3 December 2019") == d(2019, 12, 3)
    # a month word without a day and year, or inside another word, is no date
    assert pick_date(DateEvidence(meta={}, header=("Marine Day 12, 2019 May", "May 2019"))) == (None, None)


def test_yearless_date_needs_a_year_the_page_states_never_the_clock():
    body = "12月9日电 示例县召开安全生产会议。"
    fetched = d(2025, 6, 1)
    # no year on the page: abstain, however close the fetch time
    assert pick_date(DateEvidence(meta={}, url="http://x.example/a/1.html", body=body, fetched_at=fetched)) == (None, None)
    # the URL states the year and month of publication
    url = "http://x.example/2019-12/abc.html"
    assert pick_date(DateEvidence(meta={}, url=url, body=body, fetched_at=fetched)) == (d(2019, 12, 9), "text")
    # a date range without a year ("5月10-12日") is no date either
    assert pick_date(DateEvidence(meta={}, body="5月10-12日，示例县开展演练。", fetched_at=fetched)) == (None, None)


def test_two_digit_years_are_read_by_the_page_s_other_dates():
    assert pick_date(DateEvidence(meta={}, header=("发布时间：18-03-08",))) == (d(2018, 3, 8), "byline:发布时间")
    # the page's other dates are of 2008: then 18-03-08 is 18 March 2008
    others = DateEvidence(meta={}, header=("发布时间：18-03-08",), footer=("更新：2008-03-20",))
    assert pick_date(others) == (d(2008, 3, 18), "byline:发布时间")


def test_today_bars_and_related_lists_do_not_date_the_page():
    header = ("今天是：2026年12月2日 星期三", "相关文章：另一篇 2019-05-30")
    assert pick_date(DateEvidence(meta={}, header=header, body="近日，示例区召开防汛会议。")) == (None, None)


def test_dates_in_related_lists_never_win():
    # the cleaned body no longer holds the related list; only its own header date counts
    evidence = DateEvidence(
        meta={},
        url="http://x.example/a/1.html",
        body="近日，示例区召开防汛会议。\n会议要求加强巡查。",
        html="<html><body><p>近日，示例区召开防汛会议。</p><div class='related'><h3>相关文章</h3>"
        "<li>另一篇 2019-05-30</li></div></body></html>",
    )
    published, source = pick_date(evidence)
    assert (published, source) == (None, None)


def test_an_undated_page_gets_no_date():
    evidence = DateEvidence(meta={}, url="http://x.example/about.html", body="示例县教育局简介。\n地址：示例路1号。",
                            html="<html><body><p>示例县教育局简介。</p><p>地址：示例路1号。</p>"
                            "<div class='footer'>Copyright © 2003-2024 示例县教育局</div></body></html>",
                            fetched_at=d(2025, 6, 1))
    assert pick_date(evidence) == (None, None)


def test_dates_after_the_fetch_time_and_before_1990_are_rejected():
    evidence = DateEvidence(meta={"PubDate": "2099-01-01"}, url="http://x.example/202401/t20240105_1.html",
                            fetched_at=d(2024, 1, 6))
    assert pick_date(evidence) == (d(2024, 1, 5), "url")
    # later than the fetch time, even by weeks: not the page's date
    evidence = DateEvidence(meta={"PubDate": "2024-02-01"}, header=("发布时间：2024-01-03",), fetched_at=d(2024, 1, 6))
    assert pick_date(evidence) == (d(2024, 1, 3), "byline:发布时间")
    # the lower bound: 1990
    assert pick_date(DateEvidence(meta={"PubDate": "1989-06-01"}, header=("发布时间：1989-06-01",))) == (None, None)


def test_a_publish_timestamp_set_by_script_is_read_only_under_its_own_name():
    assert structured_dates('<script>var ct = "1659274471";</script>') == {"script:ct": "1659274471"}
    assert structured_dates("<script>window.publish_time=1659274471</script>") == {"script:publish_time": "1659274471"}
    # a longer name that merely ends in one of ours is another variable
    assert structured_dates("<script>var last_create_time = 1659274471;</script>") == {}
    assert structured_dates("<script>var lastpubTime = 1659274471;</script>") == {}


def test_htmldate_is_the_last_resort_and_only_for_a_date_the_article_shows():
    html = ("<html><body><div class='article'><p>示例县召开防汛工作会议，部署今年汛期各项工作。</p>"
            "<p>会议要求各乡镇加强巡查。</p><p class='time'>2023-04-05</p></div></body></html>")
    lead = "示例县召开防汛工作会议，部署今年汛期各项工作。\n会议要求各乡镇加强巡查。"
    url = "http://x.example/a/1.html"
    shown = DateEvidence(meta={}, url=url, body=f"{lead}\n各乡镇于汛前完成自查。\n示例县水利局 2023-04-05 发", html=html)
    assert pick_date(shown) == (d(2023, 4, 5), "htmldate")
    # the same page markup, but the article's own lines show no date: htmldate's find is not taken
    assert pick_date(DateEvidence(meta={}, url=url, body=lead, html=html)) == (None, None)
    # the article shows one date, htmldate finds an older one in a related list: not taken
    related = ("<html><body><div class='article'><p>示例县召开防汛工作会议，部署今年汛期各项工作。</p>"
               "<p>示例县水利局 2023-04-05 发</p></div><div class='related'><h3>相关文章</h3><ul><li>"
               "<a href='/a/2.html'>另一篇</a> <span class='date'>2019-05-30</span></li></ul></div></body></html>")
    deep = f"{lead}\n各乡镇于汛前完成自查。\n示例县水利局 2023-04-05 发"
    assert pick_date(DateEvidence(meta={}, url=url, body=deep, html=related))[0] != d(2019, 5, 30)


@pytest.mark.parametrize(
    ("source", "zh", "en"),
    [
        ("byline", "页面所示日期", "date shown on the page"),
        ("byline:发表", "页面所示日期（发表）", "date shown on the page (发表)"),
        ("table:成文日期", "信息公开表格（成文日期）", "disclosure table (成文日期)"),
        ("table:发布日期", "信息公开表格（发布日期）", "disclosure table (发布日期)"),
        ("meta:PubDate", "网页元数据（PubDate）", "page metadata (PubDate)"),
        ("jsonld:datePublished", "结构化数据（datePublished）", "structured data (datePublished)"),
        ("time[datetime]", "网页时间标记", "time element"),
    ],
)
def test_every_date_source_pick_date_writes_is_told_in_words(source, zh, en):
    """The document page and the exports show `DateSource.describe`, never the code."""
    assert (DateSource.describe(source, "zh"), DateSource.describe(source, "en")) == (zh, en)
