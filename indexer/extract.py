"""HTML page → Articles. Pure: no I/O, the caller decodes bytes first (`indexer.decode`).

Main text comes from trafilatura (precision-leaning, on a tree we parse once), or from a
per-source CSS selector; `indexer.clean` then repairs and trims it; `indexer.meta` and
`indexer.dates` read what trafilatura does not map (gov meta tags, 信息公开 table, headline,
dates, attachments). E-paper pages with several articles go to `indexer.extract_epaper`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from indexer import meta as page
from indexer.extract_prune import drop_following_articles, drop_teaser_cards
from indexer.clean import Cleaned, clean_body, find_mojibake
from indexer.dates import DateEvidence, pick_date, structured_dates
from indexer.models import Article


@dataclass(frozen=True)
class ExtractOptions:
    content_selector: str | None = None  # per-source override (CSS)
    remove_selectors: tuple[str, ...] = ()  # per-source override (CSS)
    multi_article: bool = False  # e-paper pages: split into several articles
    fetched_at: datetime | None = None  # for inferring the year of dates without one


_MIN_BODY = 40
_MIN_BODY_UNDER_HEADLINE = 15  # a page whose headline matches its <title> may carry a short note
_FULL_CASCADE_BELOW = 400  # fast extraction shorter than this: rerun with trafilatura's fallbacks
_LIST_LINE = re.compile(r"^.{2,60}?\s*[\[(（【]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）】]?$")
_INFO_HINT = ("索引号", "索引號", "发文字号", "發文字號", "主题分类", "成文日期")
_META_SKIP = {"ArticleTitle", "PubDate", "Description", "Keywords", "og:title"}


def parse_html(html: str) -> HtmlElement | None:
    """The lxml tree trafilatura would build (same loader), or None for empty/broken input."""
    if not html or not html.strip():
        return None
    try:
        return load_html(html)
    except Exception:  # noqa: BLE001 - lxml raises several parser errors on junk
        return None


def extract_articles(html: str, url: str, options: ExtractOptions = ExtractOptions()) -> list[Article]:
    """Pure, no I/O. Returns [] when the page holds no article (a list page, an empty page)."""
    tree = parse_html(html)
    if tree is None:
        return []
    if options.remove_selectors:
        page.remove_nodes(tree, options.remove_selectors)
    context = _page_context(tree, html, url, options)
    if options.multi_article:
        from indexer.extract_epaper import extract_epaper

        return extract_epaper(tree, context, options)
    if not options.content_selector:
        drop_following_articles(tree, context.headline)
        drop_teaser_cards(tree)
    scope, raw = _main_text(tree, url, options)
    if not raw:
        return []
    cleaned = clean_body(raw, context.title)
    minimum = _MIN_BODY_UNDER_HEADLINE if context.headline is not None else _MIN_BODY
    if len(cleaned.body) < minimum or _looks_like_list(cleaned.body):
        return []
    return [build_article(cleaned, context, scope if scope is not None else tree, options)]


@dataclass
class PageContext:
    """What one page says about all its articles: meta tags, table, title, header text."""

    url: str
    html: str
    meta: dict[str, str]
    table: dict[str, str]
    title: str
    header: str
    headline: HtmlElement | None = None  # the on-page headline element matching the title


def _page_context(tree: HtmlElement, html: str, url: str, options: ExtractOptions) -> PageContext:
    meta = page.page_meta(tree)
    table = page.info_table(tree) if any(hint in html for hint in _INFO_HINT) else {}
    if table:
        _drop_info_tables(tree)
    title, head_node = page.pick_title(tree, meta)
    return PageContext(url=url, html=html, meta=meta, table=table, title=title, header=page.header_text(head_node),
                       headline=head_node)


def _drop_info_tables(tree: HtmlElement) -> None:
    """Remove the 信息公开 box (the innermost block holding ≥3 of its labels) from the body text."""
    body = tree.find("body")
    boxes = [
        node for node in (body if body is not None else tree).iter("table", "div", "ul", "dl")
        if sum(label in node.text_content() for label in page.INFO_LABELS) >= 3
    ]
    inner = set(boxes)
    for node in boxes:
        if not any(d in inner for d in node.iterdescendants("table", "div", "ul", "dl")):
            if len(node.text_content()) < 900 and node.getparent() is not None:
                node.drop_tree()


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


def build_article(cleaned: Cleaned, context: PageContext, scope: HtmlElement, options: ExtractOptions,
                  *, index: int = 0, title: str | None = None, use_page_dates: bool = True) -> Article:
    """Assemble an Article from cleaned text and the page context."""
    meta, table = context.meta, context.table
    title = title or context.title or cleaned.body.split("\n", 1)[0][:60]
    header_lines = "\n".join(cleaned.header_lines)
    evidence = DateEvidence(
        meta=meta if use_page_dates else {},
        visible_text=f"{context.header}\n{header_lines}",
        info_table_date=table.get("发布日期") or table.get("發布日期"),
        url=context.url,
        body=cleaned.body,
        html=context.html,
        fetched_at=options.fetched_at,
        header_lines=header_lines,
        structured=structured_dates(context.html) if use_page_dates else None,
    )
    published_at, date_source = pick_date(evidence)
    issuer = (
        meta.get("ContentSource")
        or table.get("发文机关") or table.get("發文機關") or table.get("发布机构") or table.get("發布機構")
        or cleaned.source
        or _header_source(context.header)
    )
    number = table.get("发文字号") or table.get("發文字號") or table.get("文号") or table.get("文號")
    number = number or page.doc_number(cleaned.body[:400]) or page.doc_number(context.header)
    extra = {k: v for k, v in meta.items() if k not in _META_SKIP}
    extra.update(table)
    if find_mojibake(title):
        title = context.title if not find_mojibake(context.title) else title
    return Article(
        index=index,
        title=title,
        body=cleaned.body,
        published_at=published_at,
        date_source=date_source,
        issuer=_short(issuer),
        author=_short(cleaned.author or meta.get("Author") or meta.get("article:author")),
        doc_number=number,
        attachments=page.attachments(scope, context.url),
        meta=extra,
        mojibake_spans=cleaned.mojibake_spans,
    )


_HEADER_SOURCE = re.compile(r"(?:来源|來源|发布机构|發布機構)\s*[:：]\s*([^\s|:：]{2,30})")


def _header_source(header: str) -> str | None:
    match = _HEADER_SOURCE.search(header or "")
    return match.group(1) if match else None


def _short(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value[:80] or None
