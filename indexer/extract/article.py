"""One article per page: the main text of an ordinary article page.

Main text comes from trafilatura (precision-leaning, on a tree parsed once), or from a
per-source CSS selector; `indexer.text.clean` then repairs and trims it, and
`indexer.extract.context.build_article` adds what trafilatura does not map.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

from indexer.extract import page
from indexer.extract.context import ExtractOptions, PageContext, build_article
from indexer.extract.prune import drop_following_articles, drop_teaser_cards
from indexer.models import Article
from indexer.text.clean import clean_body

_MIN_BODY = 40
_MIN_BODY_UNDER_HEADLINE = 15  # a page whose headline matches its <title> may carry a short note
_FULL_CASCADE_BELOW = 400  # fast extraction shorter than this: rerun with trafilatura's fallbacks
_LIST_LINE = re.compile(r"^.{2,60}?\s*[\[(（【]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）】]?$")


def extract_article(tree: HtmlElement, context: PageContext, options: ExtractOptions) -> list[Article]:
    """The page's one article, or [] when it holds none (a list page, an empty page)."""
    if not options.content_selector:
        drop_following_articles(tree, context.headline)
        drop_teaser_cards(tree)
    scope, raw = _main_text(tree, context.url, options)
    if not raw:
        return []
    cleaned = clean_body(raw, context.title)
    minimum = _MIN_BODY_UNDER_HEADLINE if context.headline is not None else _MIN_BODY
    if len(cleaned.body) < minimum or _looks_like_list(cleaned.body):
        return []
    return [build_article(cleaned, context, scope if scope is not None else tree, options)]


def _main_text(tree: HtmlElement, url: str, options: ExtractOptions) -> tuple[HtmlElement | None, str]:
    if options.content_selector:
        nodes = tree.cssselect(options.content_selector)
        if nodes:
            return nodes[0], "\n".join(page.node_text(node) for node in nodes)
    text = _trafilatura_text(tree, url, fast=True)
    if len(text) < _FULL_CASCADE_BELOW:
        # short: the main extractor may have missed the content; let readability/justext compete
        text = max(text, _trafilatura_text(tree, url, fast=False), key=len) if len(text) < 100 else (
            _trafilatura_text(tree, url, fast=False) or text)
    return None, text


def _trafilatura_text(tree: HtmlElement, url: str, *, fast: bool) -> str:
    result = trafilatura.bare_extraction(
        tree,
        url=url or None,
        favor_precision=True,
        fast=fast,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    return (getattr(result, "text", None) if result is not None else None) or ""


def _looks_like_list(body: str) -> bool:
    lines = body.split("\n")
    if len(lines) < 5:
        return False
    listed = sum(1 for line in lines if len(line) <= 70 and _LIST_LINE.match(line))
    return listed >= 0.6 * len(lines)


