"""Markup a page shows as text (escaped twice by its CMS) is read as the article's structure."""

from __future__ import annotations

import html

from indexer.extract import extract_articles
from indexer.extract.shown_markup import unescape_shown_markup

_LETTER = (
    '<p class="ql-block">致全体家长的一封信</p>'
    '<p class="ql-block"> 各位家长：暑假将至，为了让孩子度过一个安全的假期，<span style="color:red">'
    '请您务必做到以下几点</span>：</p><p class="ql-block">一、严禁孩子私自下河游泳。</p>'
    '<p class="ql-block">二、教育孩子遵守交通规则，不乘坐无牌无证车辆。</p>'
    '<p class="ql-block">三、注意饮食卫生，不吃“三无”食品。</p>'
    '<p class="ql-block">城关镇中心小学</p>'
)


def _page(shown: str) -> str:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="content">'
            f"<p>{html.escape(shown)}</p></div></body></html>")


def test_an_article_whose_tags_are_shown_as_text_gets_its_headline_and_paragraphs():
    article = extract_articles(_page(_LETTER), "http://127.0.0.1/a.html")[0]
    assert article.title == "致全体家长的一封信"
    assert "ql-block" not in article.body and "<span" not in article.body
    assert "请您务必做到以下几点" in article.body
    assert "一、严禁孩子私自下河游泳。\n二、" in article.body


def test_only_known_tags_lose_their_escaping_and_never_their_attributes():
    shown = html.escape('<p onclick="x()">一</p><script>alert(1)</script><p>二</p><a href="javascript:x">三</a>')
    out = unescape_shown_markup(shown)
    assert "<script" not in out and "onclick" not in out and "href" not in out
    assert "&lt;script&gt;" in out
    assert out.count("<br>") == 4


def test_a_page_that_shows_one_tag_as_its_subject_is_left_alone():
    page = _page("网页中的段落用 <p> 标签表示，例如 <p>正文</p>。")
    assert unescape_shown_markup(page) == page


def test_the_regression_page_of_a_reprinted_letter_shown_as_markup_is_read_whole():
    from pathlib import Path

    from indexer.ingest import Enrichers, ingest_html

    page = (Path(__file__).resolve().parents[1] / "enrichment" / "pages" / "reg15_shown_markup.html").read_text("utf-8")
    doc = ingest_html(page, "https://www.hxzx-demo.cn/zx/2024/reg15_shown_markup.html", None, Enrichers())[0]
    assert doc.title == "五一劳动节放假致家长的一封信"
    assert (doc.province, doc.city, doc.county) == ("宁夏回族自治区", "吴忠市", "青铜峡市")
    assert set(doc.hazards) == {"drowning", "traffic", "food_safety"}


def test_an_article_shown_with_line_break_tags_only_is_split_at_them():
    # line breaks have no closing tag: two of them shown as text are an escaped article too
    shown = ("尊敬的家长：<br> 您好！为全面落实课后服务工作要求，本学期我校将继续推行此项工作。<br>"
             " 1.服务对象：在校各年级学生。<br> 2.服务时间：周一至周五学习日。")
    article = extract_articles(_page(shown), "http://127.0.0.1/b.html")[0]
    assert "<br" not in article.body and "<br" not in (article.title or "")
    assert "1.服务对象：在校各年级学生。\n2.服务时间" in article.body
