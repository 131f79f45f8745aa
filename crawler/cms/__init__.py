"""The CMS families most bureau sites run on, recognised by fingerprint and read without selectors.

    page = ListPage(url, text, content_type)
    listing = read_list(page, domains=["jyt.example.gov.cn"], limit=10)
    listing.family.name, listing.items, listing.next_pages

One module per family (trs, jcms, aspnet, jsp, feeds); `Generic` (the link heuristics of
crawler/links.py) reads what no family claims. `recognise` tries the families in a fixed order,
most specific fingerprint first: a feed or sitemap is XML; a jcms page names its datastore or data
proxy; a TRS column its createPageHTML pager; ASP.NET its __VIEWSTATE; JSP its .jsp path.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.cms.aspnet import AspNet
from crawler.cms.base import Family, Generic
from crawler.cms.feeds import Feeds
from crawler.cms.jcms import Jcms
from crawler.cms.jsp import Jsp
from crawler.cms.page import ListItem, ListPage
from crawler.cms.trs import Trs

FAMILIES: tuple[Family, ...] = (Feeds(), Jcms(), Trs(), AspNet(), Jsp())
GENERIC: Family = Generic()

__all__ = ["FAMILIES", "GENERIC", "Family", "ListItem", "ListPage", "Listing", "family_named", "read_list", "recognise"]


@dataclass(frozen=True)
class Listing:
    """What one list page gave: who wrote it, the articles it lists and the pages after it."""

    family: Family
    items: list[ListItem]
    next_pages: list[str]

    @property
    def dated(self) -> list[ListItem]:
        return [item for item in self.items if item.date]

    @property
    def newest(self) -> str | None:
        return max((item.date for item in self.items if item.date), default=None)


def recognise(page: ListPage) -> Family:
    """The family whose fingerprint the page carries; `GENERIC` when none does."""
    return next((family for family in FAMILIES if family.recognises(page)), GENERIC)


def family_named(name: str) -> Family:
    return next((f for f in (*FAMILIES, GENERIC) if f.name == name), GENERIC)


def read_list(page: ListPage, domains: list[str] | None = None, limit: int = 10) -> Listing:
    family = recognise(page)
    return Listing(family, family.items(page, domains), family.next_pages(page, limit))
