"""One article per page: the main text of an ordinary article page.

Several passes read the main text (`Passes`): trafilatura favouring precision, the same with
its own fallbacks (readability, jusText) when the first result is short, trafilatura favouring
recall, and our main-block reader (`indexer.extract.blocks`). `indexer.extract.choose` picks
one by signals measured on the page; `indexer.text.clean` repairs and trims each; the data
tables that sit among the chosen lines are put back as tab-separated rows; and
`indexer.extract.context.build_article` adds what the passes do not map. A per-source CSS
selector, when configured, replaces the passes.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

from indexer.extract.blocks import read_main_block
from indexer.extract.choose import Candidate, assemble, choose, measure
from indexer.extract.context import ExtractOptions, PageContext, Surroundings, build_article
from indexer.extract.headline import article_title
from indexer.extract.pagelines import PageLines, collect_lines, squash
from indexer.extract.prune import drop_following_articles, drop_teaser_cards
from indexer.extract.tables import apply_table_marks, fill_placeholders
from indexer.models import Article
from indexer.text.clean import Cleaned, clean_body

_MIN_BODY = 40
_MIN_BODY_UNDER_HEADLINE = 15  # a page whose headline matches its <title> may carry a short note
_LIST_LINE = re.compile(r"^.{2,60}?\s*[\[(（【]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）】]?$")


class Passes:
    """The main-text passes over one page ("precision", "fallback", "recall", "blocks"), each run at
    most once and only when `choose` asks for it."""

    def __init__(self, tree: HtmlElement, context: PageContext, lines: PageLines,
                 tables: list[list[list[str]]], chrome: frozenset[str]) -> None:
        self.tree, self.context, self.lines, self.tables, self.chrome = tree, context, lines, tables, chrome
        self._done: dict[str, Candidate] = {}

    def __getitem__(self, name: str) -> Candidate:
        if name not in self._done:
            cleaned = clean_body(self._text(name), self.context.title)
            self._done[name] = measure(name, cleaned, self.lines, self.tables, self.chrome)
        return self._done[name]

    def _text(self, name: str) -> str:
        url = self.context.url or None
        if name == "precision":
            return _trafilatura(self.tree, url, precision=True, fast=True)
        if name == "fallback":
            return _trafilatura(self.tree, url, precision=True, fast=False)
        if name == "recall":
            return _trafilatura(self.tree, url, precision=False, fast=True)
        body = self.tree.find("body")
        return read_main_block(body if body is not None else self.tree)


def _trafilatura(tree: HtmlElement, url: str | None, *, precision: bool, fast: bool) -> str:
    """trafilatura favouring precision or recall; `fast=False` lets its fallbacks (readability,
    jusText) compete. Tables are already placeholders or blocks (`indexer.extract.tables`)."""
    result = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True,
                                         with_metadata=False, favor_precision=precision,
                                         favor_recall=not precision, fast=fast)
    return (getattr(result, "text", None) if result is not None else None) or ""


def extract_article(tree: HtmlElement, context: PageContext, options: ExtractOptions,
                    tables: list[list[list[str]]]) -> list[Article]:
    """The page's one article, or [] when it holds none (a list page, an empty page)."""
    if options.content_selector and (nodes := tree.cssselect(options.content_selector)):
        return _selected(nodes, context, options, tables)
    drop_following_articles(tree, context.headline)
    drop_teaser_cards(tree)
    apply_table_marks(tree)
    lines = PageLines.of(tree, context.headline)
    passes = Passes(tree, context, lines, tables, options.site_chrome)
    chosen = choose(passes, lines)
    body, used = assemble(chosen, lines, tables)
    context.title = article_title(context, lines, chosen)
    chosen.cleaned.body = _without_title_line(body, context.title)
    return _article(chosen.cleaned, used, context, tree, options, surroundings(chosen, lines))


def _without_title_line(body: str, title: str) -> str:
    """The body without a first line that repeats the title (the cleaner knew only the early pick)."""
    first, _, rest = body.partition("\n")
    return rest if title and squash(first) == squash(title) else body


# Header lines ("发布时间：… 来源：…", "2004-12-10 阅读10544次") sit right above the article's first
# sentence: read the page lines from the headline (or this many lines up from the article's
# first line) down to it; a byline under the article ("发表于 …", "本贴由…于…发表") sits within
# this many lines after its last.
_ABOVE = 6
_BELOW = 6


_ABOVE_HEADLINE = 2  # some layouts print the date line over the headline


def surroundings(chosen: Candidate, lines: PageLines) -> Surroundings:
    if chosen.first is None or chosen.last is None:
        return Surroundings()
    start = max(0, chosen.first - _ABOVE)
    over: list = []
    if lines.headline_at is not None and lines.headline_at < chosen.first:
        start = lines.headline_at + 1
        over = lines.lines[max(0, lines.headline_at - _ABOVE_HEADLINE): lines.headline_at]
    top = chosen.first_prose if chosen.first_prose is not None else chosen.first
    above = [*lines.lines[start: top][: 2 * _ABOVE], *over]
    # under the last sentence: a pass may drop the byline line and keep what follows it
    end = chosen.last_prose if chosen.last_prose is not None else chosen.last
    below = lines.lines[end + 1: max(end, chosen.last) + 1 + _BELOW]
    return Surroundings(tuple(line.text for line in above if line.link_share < 0.5),
                        tuple(line.text for line in below if line.link_share < 0.5))


def _selected(nodes: list[HtmlElement], context: PageContext, options: ExtractOptions,
              tables: list[list[list[str]]]) -> list[Article]:
    """A per-source selector names the content: its text, its data tables, nothing else."""
    for node in nodes:
        apply_table_marks(node)
    text = "\n".join(line.text for node in nodes for line in collect_lines(node))
    cleaned = clean_body(text, context.title)
    cleaned.body, used = fill_placeholders(cleaned.body, tables)
    return _article(cleaned, used, context, nodes[0], options)


def _article(cleaned: Cleaned, used: list[list[list[str]]], context: PageContext, scope: HtmlElement,
             options: ExtractOptions, around: Surroundings | None = None) -> list[Article]:
    minimum = _MIN_BODY_UNDER_HEADLINE if context.headline is not None else _MIN_BODY
    cleaned.body = _without_trailing_list(cleaned.body)
    if len(squash(cleaned.body)) < minimum or _looks_like_list(cleaned.body):
        return []
    return [build_article(cleaned, context, scope, options, tables=used, around=around)]


# A run of this many dated titles ends an article that lists other articles after its own text.
_TRAILING_LIST_MIN = 3


def _without_trailing_list(body: str) -> str:
    """The body without the dated titles of other articles that a page lists after it (a portal's
    "最新文章…2026-01-27" lines with no heading): an article followed by ten of them is still an
    article, and they are not its text."""
    lines = body.split("\n")
    end = len(lines)
    while end and (not lines[end - 1].strip() or _is_list_line(lines[end - 1])):
        end -= 1
    listed = sum(1 for line in lines[end:] if line.strip())
    return "\n".join(lines[:end]).rstrip() if listed >= _TRAILING_LIST_MIN and end else body


def _is_list_line(line: str) -> bool:
    """A short line ending in a date: another article's title in a list."""
    return len(line) <= 70 and bool(_LIST_LINE.match(line))


def _looks_like_list(body: str) -> bool:
    lines = body.split("\n")
    if len(lines) < 5:
        return False
    listed = sum(1 for line in lines if _is_list_line(line))
    return listed >= 0.6 * len(lines)

