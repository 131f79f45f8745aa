"""RSS 2.0 and Atom feeds, and sitemaps (sitemaps.org), read as lists.

A site that renders its lists with JavaScript (no links in the HTML) often still offers a feed
(`<link rel="alternate" type="application/rss+xml">`) or a sitemap named in robots.txt
(`Sitemap:`). A feed lists the newest items with dates; a sitemap lists every page with its
`lastmod`, so only entries that look like articles are taken (not the home page, not columns).
A sitemap index lists further sitemaps: those are its "next pages".
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler.cms.page import ListItem, ListPage, in_scope, parse_date
from crawler.links import INDEX_N, NON_HTML, canonical

FEED_ROOTS = ("rss", "feed", "rdf")
SITEMAP_ROOTS = ("urlset", "sitemapindex")


def _root(page: ListPage) -> str | None:
    if not page.is_xml:
        return None
    sel = Selector(text=page.text, type="xml")
    sel.remove_namespaces()
    names = sel.xpath("name(/*)").getall()
    return names[0].lower() if names and names[0] else None


def _date(text: str | None) -> str | None:
    """An RFC 822 date (RSS) or an ISO date (Atom, sitemaps), as YYYY-MM-DD in the writer's zone."""
    if not text:
        return None
    text = text.strip()
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return parse_date(text)


def _xml(page: ListPage) -> Selector:
    sel = Selector(text=page.text, type="xml")
    sel.remove_namespaces()
    return sel


def _is_list_or_home(url: str) -> bool:
    path = urlsplit(url).path
    return path in ("", "/") or path.endswith("/") or INDEX_N.match(path) is not None


class Feeds:
    name = "feeds"
    description = "RSS / Atom feed or sitemap: items with their dates, read from XML"

    def recognises(self, page: ListPage) -> bool:
        return _root(page) in FEED_ROOTS + SITEMAP_ROOTS

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        root = _root(page)
        sel = _xml(page)
        out: dict[str, ListItem] = {}
        if root in ("rss", "rdf"):
            for item in sel.xpath("//item"):
                link = item.xpath("string(link)").get("").strip() or item.xpath("string(guid)").get("").strip()
                self._add(out, page, link, item.xpath("string(title)").get("").strip(),
                          _date(item.xpath("string(pubDate)").get() or item.xpath("string(date)").get()), domains)
        elif root == "feed":
            for entry in sel.xpath("//entry"):
                link = entry.xpath("string(link[@rel='alternate']/@href)").get("") or entry.xpath("string(link/@href)").get("")
                self._add(out, page, link, entry.xpath("string(title)").get("").strip(),
                          _date(entry.xpath("string(published)").get() or entry.xpath("string(updated)").get()), domains)
        elif root == "urlset":
            for entry in sel.xpath("//url"):
                link = entry.xpath("string(loc)").get("").strip()
                if link and not _is_list_or_home(urljoin(page.url, link)):
                    self._add(out, page, link, "", _date(entry.xpath("string(lastmod)").get()), domains)
        return list(out.values())

    @staticmethod
    def _add(out: dict[str, ListItem], page: ListPage, link: str, title: str, date: str | None, domains: list[str] | None) -> None:
        if not link:
            return
        url = canonical(urljoin(page.url, link))
        if in_scope(url, domains) and not NON_HTML.search(urlsplit(url).path):
            out.setdefault(url, ListItem(url, title, date))

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        if _root(page) != "sitemapindex":
            return []
        sel = _xml(page)
        entries = [(s.xpath("string(lastmod)").get("") or "", s.xpath("string(loc)").get("").strip()) for s in sel.xpath("//sitemap")]
        entries.sort(reverse=True)  # the newest sitemaps first: they hold the new articles
        return [canonical(urljoin(page.url, loc)) for _, loc in entries if loc][: max(limit - 1, 0)]
