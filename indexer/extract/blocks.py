"""Our own main-text pass: the block of the page with the most prose and the fewest links.

trafilatura reads modern article markup well; on old portals, blogs and forums laid out in
tables (after `indexer.extract.tables` has turned layout tables into blocks) it may return the
menu, the comment box or nothing. This reader is simple and predictable: every element scores
the characters of its own text outside links (stretches with sentence punctuation count in
full, short labels a third) minus the characters of its link text; the element with the
highest sum over its subtree is the main block (the smallest one when a parent adds nothing).
Its lines are returned without the lines that are mostly link text.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from indexer.extract.pagelines import SKIP_TAGS, collect_lines, hidden, squash

_SKIP = SKIP_TAGS | {"nav", "footer", "aside"}
_SENTENCE = set("。，；！？")
# A stretch of text shorter than this without sentence punctuation ("今天是：", "|", "更多>>")
# is a label, not prose: it counts a third.
_LABEL_CHARS = 12
_LABEL_WEIGHT = 1 / 3
_LINK_LINE_SHARE = 0.5


def _prose_weight(text: str) -> float:
    chars = len(squash(text))
    if chars and chars < _LABEL_CHARS and not any(ch in _SENTENCE for ch in text):
        return chars * _LABEL_WEIGHT
    return float(chars)


def main_block(root: HtmlElement) -> HtmlElement | None:
    """The element whose subtree has the most prose outside links (see the module docstring)."""
    best: list[tuple[float, HtmlElement | None]] = [(0.0, None)]
    _walk(root, False, best)
    return best[0][1]


def _walk(node: HtmlElement, in_link: bool, best: list[tuple[float, HtmlElement | None]]) -> float:
    """The subtree's score (prose minus link text); records the best element seen so far."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if not tag or tag in _SKIP or hidden(node):
        return 0.0
    link = in_link or (tag == "a" and bool(node.get("href")))
    score = _text_score(node.text, link)
    for child in node:
        score += _walk(child, link, best) + _text_score(child.tail, link)
    if score > best[0][0]:
        best[0] = (score, node)
    return score


def _text_score(text: str | None, link: bool) -> float:
    if not text:
        return 0.0
    return -float(len(squash(text))) if link else _prose_weight(text)


def read_main_block(root: HtmlElement) -> str:
    """The main block's text, one line per block, link lines left out ('' when nothing is found)."""
    node = main_block(root)
    if node is None:
        return ""
    return "\n".join(line.text for line in collect_lines(node, _SKIP) if line.link_share <= _LINK_LINE_SHARE)
