"""What every CMS family reads: a fetched list page, the items it lists, and the dates beside them.

Pure: no I/O. A `ListPage` is built from a Scrapy response in the crawl (`ListPage.of_response`)
and from a urllib fetch in `gonggao sources add / check`, so both read a list the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler.links import INDEX_N, NON_HTML, canonical

if TYPE_CHECKING:
    from scrapy.http import TextResponse

XML_TYPES = ("text/xml", "application/xml", "application/rss+xml", "application/atom+xml")
# 2025-06-18, 2025/06/18, 2025.06.18, 2025年6月18日
DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
# The element whose text holds an item's date: the row, list item or block around its link.
ITEM_CONTAINER = "ancestor::*[self::li or self::tr or self::dd or self::dt or self::p or self::item or self::div][1]"


@dataclass(frozen=True)
class ListItem:
    """One article as a list shows it: its URL (canonical), its title and the date printed beside it."""

    url: str
    title: str
    date: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class ListPage:
    """A list page (or a data-proxy answer, a feed, a sitemap) as fetched: its URL after redirects,
    its decoded text and its media type (lowercase, without parameters)."""

    url: str
    text: str
    content_type: str = "text/html"

    @classmethod
    def of_response(cls, response: TextResponse) -> ListPage:
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
        return cls(response.url, response.text, ctype or "text/html")

    @property
    def is_xml(self) -> bool:
        return self.content_type in XML_TYPES or self.text.lstrip()[:100].startswith("<?xml")

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=self.text, type="xml" if self.is_xml and not _xml_declared_html(self.text) else "html")

    @cached_property
    def scripts(self) -> str:
        """The text of every inline script, joined (the pager of most CMS lives there)."""
        if self.is_xml:
            return ""
        return "\n".join(self.selector.css("script::text").getall())

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


def _xml_declared_html(text: str) -> bool:
    return "<html" in text[:500].lower()


def parse_date(text: str) -> str | None:
    """The first plausible date in `text`, as YYYY-MM-DD."""
    for m in DATE.finditer(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def in_scope(url: str, domains: list[str] | None) -> bool:
    """Within the allowed domains (a subdomain counts); None allows any host."""
    if domains is None:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def dated_items(sel: Selector, base_url: str, is_article: Callable[[str, str], bool],
                domains: list[str] | None = None) -> list[ListItem]:
    """The article links of a list, in page order, each with the date printed in its row.

    `is_article(url, anchor_text)` decides which links are articles (each family knows its URL
    forms). The date is read from the nearest row-like element around the link (li, tr, dd, p,
    div); a row holding several article links is no row of one article, so it gives no date.
    """
    out: dict[str, ListItem] = {}
    for anchor in sel.xpath("//a[@href]"):
        href = (anchor.attrib.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = canonical(urljoin(base_url, href))
        path = urlsplit(url).path
        if url == canonical(base_url) or NON_HTML.search(path) or INDEX_N.match(path) or not in_scope(url, domains):
            continue
        text = " ".join("".join(anchor.xpath(".//text()").getall()).split())
        title = anchor.attrib.get("title") or text
        if not is_article(url, text) or url in out:
            continue
        date = None
        row = anchor.xpath(ITEM_CONTAINER)
        if row and len(row[0].xpath(".//a[@href]")) == 1:
            date = parse_date(" ".join(row[0].xpath(".//text()").getall()))
        out[url] = ListItem(url, title, date)
    return list(out.values())


def same_list(url: str, other: str) -> bool:
    """Both URLs on one host and one path: the pages of one list differ in their query only."""
    a, b = urlsplit(url), urlsplit(other)
    return a.netloc == b.netloc and a.path == b.path
