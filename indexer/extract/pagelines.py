"""The page as a reader sees it: its lines in document order, each with its share of link text.

Built once per page from the tree every pass reads (layout tables already turned into blocks,
data tables into placeholder lines). The text passes return lines without any DOM; looking
them up here tells where on the page each line sits (before or after the headline, next to a
data table) and whether it is link text (a menu, a "related" list). `indexer.extract.choose`
reads its signals from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from indexer.extract.tables import table_number
from indexer.text import labels
from indexer.text.clean import strip_pinyin

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "textarea", "select", "option", "button", "head",
                       "title", "iframe"})
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                        "section", "article", "dd", "dt", "pre", "blockquote", "ul", "ol", "header", "footer",
                        "center", "hr", "form", "nav", "aside", "main", "dl"})


def squash(text: str | None) -> str:
    return "".join(text.split()) if text else ""


def line_key(text: str) -> str:
    """How a page line and a cleaned line are matched: no spaces, no pinyin glued after hanzi
    (the cleaner strips "學(xué)" to "學")."""
    return squash(strip_pinyin(text)) if "(" in text or "（" in text else squash(text)


def hidden(node: HtmlElement) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


@dataclass(frozen=True)
class Line:
    """One visual line of the page: its text, its characters (no spaces) and how many are link text."""

    text: str
    chars: int
    link_chars: int
    table: int | None = None  # the data table this placeholder line stands for

    @property
    def link_share(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def collect_lines(node: HtmlElement, skip: frozenset[str] = SKIP_TAGS) -> list[Line]:
    """The lines of `node`: block elements and <br> end a line; hidden and script elements are left out."""
    raw: list[list] = [["", 0]]
    _collect(node, False, raw, skip)
    lines = []
    for text, link_chars in raw:
        shown = " ".join(text.split())
        chars = len(squash(shown))
        if chars:
            lines.append(Line(shown, chars, min(link_chars, chars), table_number(shown)))
    return lines


def _collect(node: HtmlElement, in_link: bool, raw: list[list], skip: frozenset[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if not tag or tag in skip or hidden(node):
        return
    link = in_link or (tag == "a" and bool(node.get("href")))
    block = tag in BLOCK_TAGS
    if block:
        raw.append(["", 0])
    if node.text:
        _append(raw, node.text, link)
    for child in node:
        _collect(child, link, raw, skip)
        if child.tail:
            _append(raw, child.tail, link)
    if block:
        raw.append(["", 0])


def _append(raw: list[list], text: str, link: bool) -> None:
    raw[-1][0] += text
    if link:
        raw[-1][1] += len(squash(text))


_PREFIX = 12  # characters of a line that identify it when the cleaner has joined it with the next


@dataclass
class PageLines:
    """Every line of the page body in document order, with a lookup from text to position."""

    lines: list[Line]
    headline_at: int | None = None
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    _prefixes: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, tree: HtmlElement, headline: HtmlElement | None = None) -> PageLines:
        body = tree.find("body")
        lines = collect_lines(body if body is not None else tree)
        page = cls(lines)
        for position, line in enumerate(lines):
            key = line_key(line.text)
            page._index.setdefault(key, position)
            if len(key) >= _PREFIX:
                page._prefixes.setdefault(key[:_PREFIX], position)
        if headline is not None:
            page.headline_at = page.position(headline.text_content())
        return page

    def position(self, text: str) -> int | None:
        """Where a line of extracted text sits on the page: the line it is, or the line it starts
        with (the cleaner joins narrow-column lines); None when the passes re-cut it."""
        key = line_key(text)
        found = self._index.get(key)
        if found is None and len(key) >= _PREFIX:
            found = self._prefixes.get(key[:_PREFIX])
        return found

    def line_at(self, text: str) -> Line | None:
        position = self.position(text)
        return self.lines[position] if position is not None else None

    def following_at(self, after: int) -> int | None:
        """The first line below `after` that heads what follows an article ("相关文章", "网友评论")."""
        for position in range(after + 1, len(self.lines)):
            if labels.FOLLOWING_HEAD.match(self.lines[position].text):
                return position
        return None

    def tables_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """(position, table number) of the data-table placeholders from `start` to `end` inclusive."""
        return [(i, line.table) for i, line in enumerate(self.lines[start: end + 1], start) if line.table is not None]
