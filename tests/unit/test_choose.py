"""Choosing among the extraction passes: the signals `indexer.extract.choose` reads from the page."""

from __future__ import annotations

from lxml import html as lxml_html

from indexer.extract.choose import choose, holds_page_prose, measure, skipped_prose
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


def test_a_line_the_page_repeats_is_a_widget_s_not_prose_the_candidate_left_out():
    ads = "".join("<div class='ad'><p>为什么你不喜欢这个广告？</p><a href='/ad'>示例广告</a></div>" for _ in range(8))
    tree = lxml_html.fromstring(_PAGE.replace("<div class=\"footer\">", ads + "<div class=\"footer\">"))
    page = PageLines.of(tree, tree.find(".//h1"))
    assert holds_page_prose(measure("precision", Cleaned(f"{_FIRST}\n{_SECOND}"), page, []), page)


def test_a_candidate_without_a_document_of_prose_always_asks_for_the_fallback_run():
    page = lxml_html.fromstring("<html><body><h1>通知</h1><p>请各单位注意安全。</p></body></html>")
    lines = PageLines.of(page, page.find(".//h1"))
    assert not holds_page_prose(measure("precision", Cleaned("请各单位注意安全。"), lines, []), lines)


class _RecordingPasses:
    """Stand-in for `indexer.extract.article.Passes`: fixed texts, and which passes were asked for."""

    def __init__(self, page: PageLines, texts: dict[str, str]) -> None:
        self.page, self.texts, self.asked = page, texts, []

    def __getitem__(self, name: str):  # type: ignore[no-untyped-def]
        self.asked.append(name)
        return measure(name, Cleaned(self.texts[name]), self.page, [])


_THIRD = "会议还对寒假前的安全教育作了安排，要求各校在放假前开展一次全员安全教育，并向家长发放告知书。"
_COMMENTS = [f"网友{name}：{text}" for name in ("甲", "乙", "丙", "丁", "戊", "己") for text in (
    "这次检查很有必要，希望各学校认真落实整改要求，保障孩子们的安全。",
    "建议把检查结果向家长公开，让社会一起监督，整改情况也要及时通报。",
)]


def test_a_long_precision_text_that_skips_prose_under_the_headline_is_not_sent_to_the_fallbacks():
    # the precision pass took the comment box below the article for the article (rule 3 of `choose`)
    html = ("<html><body><h1>全县学校安全工作会议召开</h1>" + f"<p>{_FIRST}</p><p>{_SECOND}</p><p>{_THIRD}</p><div class='comments'>"
            + "".join(f"<p>{line}</p>" for line in _COMMENTS) + "</div></body></html>")
    tree = lxml_html.fromstring(html)
    page = PageLines.of(tree, tree.find(".//h1"))
    comments = "\n".join(_COMMENTS)
    passes = _RecordingPasses(page, {"precision": comments, "fallback": comments,
                                     "recall": f"{_FIRST}\n{_SECOND}\n{_THIRD}\n{comments}",
                                     "blocks": f"{_FIRST}\n{_SECOND}\n{_THIRD}"})
    assert len(comments) >= 400 and skipped_prose(passes["precision"], page) >= 200
    chosen = choose(passes, page)
    assert chosen.name in ("recall", "blocks") and chosen.lines[0] == _FIRST
    assert "fallback" not in passes.asked  # it returns a precision text this long unchanged
