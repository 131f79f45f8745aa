"""Choosing among the extraction passes: the signals `indexer.extract.choose` reads from the page."""

from __future__ import annotations

from lxml import html as lxml_html

from indexer.extract.choose import holds_page_prose, measure
from indexer.extract.pagelines import PageLines
from indexer.text.clean import Cleaned

_FIRST = "县教育局今天召开全县学校安全工作会议，部署冬季校园安全检查，要求各校在本月底前完成消防设施、校车和食堂的自查工作，并将自查结果和整改计划以书面形式报送县教育局安全股，逾期未报的学校将被通报。"
_SECOND = "会议指出，各学校要落实校长负责制，建立隐患台账，对检查中发现的问题逐项整改；整改不到位的，将在全县范围内通报批评，并依照有关规定追究学校负责人和相关工作人员的责任，确保全县师生度过一个平安的冬季。"
_PAGE = f"""<html><body>
<div class="nav"><a href="/">网站首页</a> <a href="/news">教育新闻</a></div>
<h1>全县学校安全工作会议召开</h1>
<p>{_FIRST}</p>
<p>{_SECOND}</p>
<div class="footer">版权所有 县教育局</div>
</body></html>"""


def _page() -> PageLines:
    tree = lxml_html.fromstring(_PAGE)
    return PageLines.of(tree, tree.find(".//h1"))


def test_a_candidate_holding_all_the_sentence_text_needs_no_fallback_run():
    page = _page()
    candidate = measure("precision", Cleaned(f"{_FIRST}\n{_SECOND}"), page, [])
    assert holds_page_prose(candidate, page)


def test_sentence_text_left_out_of_the_candidate_asks_for_the_fallback_run():
    page = _page()
    candidate = measure("precision", Cleaned(_FIRST), page, [])
    assert not holds_page_prose(candidate, page)


def test_a_candidate_without_a_document_of_prose_always_asks_for_the_fallback_run():
    page = lxml_html.fromstring("<html><body><h1>通知</h1><p>请各单位注意安全。</p></body></html>")
    lines = PageLines.of(page, page.find(".//h1"))
    assert not holds_page_prose(measure("precision", Cleaned("请各单位注意安全。"), lines, []), lines)
