"""The shape of a CMS family and the generic reading every family falls back on."""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

from crawler import links
from crawler.cms.page import ListItem, ListPage, dated_items


class Family(Protocol):
    """How one family of sites publishes its lists. Stateless; every method is pure."""

    name: str         # a code: "trs", "jcms", …
    description: str  # one line for people: what gave the family away and how its lists page

    def recognises(self, page: ListPage) -> bool:
        """True when the page carries this family's fingerprint."""
        ...

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        """The articles the page lists, in page order, with their dates where the list prints them."""
        ...

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        """Further pages of the list (or data-proxy requests), at most `limit - 1` (this page counts)."""
        ...


def looks_like_article(url: str, text: str) -> bool:
    """The link heuristics of crawler/links.py: an article URL form, or a headline-long anchor below the root."""
    return bool(links.ARTICLE_URL.search(url)) or (len(text) >= links.MIN_TITLE_CHARS and "/" in urlsplit(url).path.strip("/"))


class Generic:
    """Any list: the link heuristics of crawler/links.py, dates read beside each link."""

    name = "generic"
    description = "no known CMS: article links by URL form and headline length, pages by index_N / ?page=N / 下一页 links"

    def recognises(self, page: ListPage) -> bool:
        return not page.is_xml

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        return dated_items(page.selector, page.url, looks_like_article, domains)

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        return links.list_pages(page.selector, page.url, limit)
