"""What one page says about all its articles, and how an article is assembled from it.

`page_context` reads the page once (gov meta tags, the 信息公开 table, title, headline and the
header line under it; the owner its footer names and its site code when an article needs them);
`build_article` turns cleaned text plus that context into an `Article`
(dates, issuer, document number, attachments). Both the single-article reader
(`indexer.extract.article`) and the e-paper splitter (`indexer.extract.epaper`) use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from lxml.html import HtmlElement, document_fromstring
from trafilatura.utils import HTML_PARSER, load_html

from indexer.extract import page
from indexer.extract.dates import DateEvidence, pick_date, structured_dates
from indexer.extract.owner import site_address, site_code, site_owner
from indexer.extract.shown_markup import unescape_shown_markup
from indexer.models import Article
from indexer.text import labels
from indexer.text.clean import Cleaned, find_mojibake, opening_title

_LAST_LINES = 2  # the article's own last lines may be its byline ("发表于 2004年12月27日 12:40")
_INFO_HINT = ("索引号", "索引號", "发文字号", "發文字號", "主题分类", "成文日期")
_META_SKIP = {"ArticleTitle", "PubDate", "Description", "Keywords", "og:title"}


@dataclass(frozen=True)
class ExtractOptions:
    content_selector: str | None = None  # per-source override (CSS)
    remove_selectors: tuple[str, ...] = ()  # per-source override (CSS)
    multi_article: bool = False  # e-paper pages: split into several articles
    fetched_at: datetime | None = None  # no date may lie after it
    # Lines (whitespace removed) that also appear on the source's other pages: menus, "今天是…",
    # footers. The crawler computes them with `indexer.extract.chrome.site_chrome`.
    site_chrome: frozenset[str] = frozenset()


def parse_html(html: str) -> HtmlElement | None:
    """The lxml tree trafilatura would build (same loader), or None for empty/broken input.

    trafilatura rejects markup that does not say "html" near its start and parses into a
    single element; pages that open with a bare block (old CMSs serve `<table>…` or a wrapper
    element without `<html>`) are parsed as a document all the same.
    """
    if not html or not html.strip():
        return None
    html = unescape_shown_markup(html)
    try:
        tree = load_html(html)
    except Exception:
        tree = None
    if tree is None and "<" in html:
        try:
            tree = document_fromstring(html, parser=HTML_PARSER)
        except Exception:
            return None
    return tree


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
    raw_title: str = ""  # the page's <title>, whole
    title_source: page.TitleSource = ""  # where `title` came from (`page.pick_title`)

    # Read when an article is built, once per page: a list page or an empty one never pays for them.
    @cached_property
    def owner(self) -> str | None:
        """The public body or school the footer (or the SiteName tag) names (`owner.site_owner`)."""
        return site_owner(self.html, self.meta.get("SiteName"))

    @cached_property
    def address(self) -> str | None:
        """The postal address the footer gives beside the owner (`owner.site_address`)."""
        return site_address(self.html)

    @cached_property
    def site_code(self) -> str | None:
        """The division code of a government site's 网站标识码 (`owner.site_code`)."""
        return site_code(self.html, self.meta.get("SiteIDCode"))


def page_context(tree: HtmlElement, html: str, url: str, options: ExtractOptions) -> PageContext:
    meta = page.page_meta(tree)
    table = page.info_table(tree) if any(hint in html for hint in _INFO_HINT) else {}
    if table:
        _drop_info_tables(tree)
    title, head_node, source = page.pick_title(tree, meta)
    return PageContext(url=url, html=html, meta=meta, table=table, title=title, header=page.header_text(head_node),
                       headline=head_node, raw_title=page.page_title(tree), title_source=source)


def _drop_info_tables(tree: HtmlElement) -> None:
    """Remove the 信息公开 box (the innermost block holding ≥3 of its labels) from the body text."""
    body = tree.find("body")
    boxes = [
        node for node in (body if body is not None else tree).iter("table", "div", "ul", "dl")
        if sum(label in node.text_content() for label in page.INFO_LABELS) >= 3
    ]
    inner = set(boxes)
    for node in boxes:
        innermost = not any(d in inner for d in node.iterdescendants("table", "div", "ul", "dl"))
        if innermost and len(node.text_content()) < 900 and node.getparent() is not None:
            node.drop_tree()


@dataclass(frozen=True)
class Surroundings:
    """The page lines around an article: above it (under the headline) and right after it."""

    above: tuple[str, ...] = ()
    below: tuple[str, ...] = ()


def build_article(cleaned: Cleaned, context: PageContext, scope: HtmlElement, options: ExtractOptions,
                  *, index: int = 0, title: str | None = None, use_page_dates: bool = True,
                  tables: list[list[list[str]]] | None = None, around: Surroundings | None = None) -> Article:
    """Assemble an Article from cleaned text and the page context."""
    meta, table = context.meta, context.table
    title = title or context.title or opening_title(cleaned.body)
    around = around or Surroundings()
    body_lines = cleaned.body.split("\n")
    evidence = DateEvidence(
        meta=meta if use_page_dates else {},
        header=(*context.header.split("\n"), *around.above, *cleaned.header_lines),
        footer=(*body_lines[-_LAST_LINES:], *around.below),
        info_table_date=table.get("发布日期") or table.get("發布日期"),
        info_table_signed=table.get("成文日期"),
        url=context.url,
        body=cleaned.body,
        html=context.html,
        fetched_at=options.fetched_at,
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
        site_owner=context.owner,
        site_code=context.site_code,
        site_address=context.address,
        mojibake_spans=find_mojibake(cleaned.body) if tables else cleaned.mojibake_spans,
        tables=tables or [],
    )


def _header_source(header: str) -> str | None:
    match = labels.HEADER_SOURCE.search(header or "")
    return match.group(1) if match else None


def _short(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value[:80] or None
