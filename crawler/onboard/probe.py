"""Probe one list page live: does it answer, may we read it, does it list dated articles, does it page?

Shared by `gonggao sources add` (to confirm a candidate list) and `gonggao sources check` (to see
that a configured list still works). A list is *confirmed* when it lists at least `MIN_ITEMS`
article links and most of them (`MIN_DATED_SHARE`) carry a date in their row: a navigation block
or a "related links" box has links but no dates, and a date per row is what every bureau's list
prints (all 15 family list pages of the demo web do; so do the four real sources in
config/sources.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from crawler import challenge
from crawler.cms import Listing, ListPage, read_list
from crawler.cms.page import in_scope
from crawler.links import INDEX_N, canonical
from crawler.onboard.fetch import FetchFailed, PoliteClient, RobotsForbid
from indexer.extract.decode import declared_encoding

MIN_ITEMS = 3
MIN_DATED_SHARE = 0.6
PAGES_LOOKED_AT = 10
_FRAME = ("nav", "menu", "top", "head", "foot", "banner", "crumb")
CONTENT_LINKS = ("//a[not(ancestor::nav or ancestor::header or ancestor::footer"
                 + "".join(f" or ancestor::*[contains(@class,'{w}') or contains(@id,'{w}')]" for w in _FRAME) + ")]/@href")  # how many further pages a probe asks the family for (it fetches one of them)


@dataclass
class ListProbe:
    """What a live look at one list URL found. `problem` is None when the list works."""

    url: str
    final_url: str | None = None
    status: int | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)
    family: str | None = None
    family_description: str | None = None
    encoding: str | None = None           # what the bytes decoded as
    declared_encoding: str | None = None  # what the page or its headers declare
    items: int = 0
    dated: int = 0
    newest: str | None = None
    item_urls: list[str] = field(default_factory=list)
    via_proxy: bool = False            # the articles came from the data proxy, not the page
    next_pages: list[str] = field(default_factory=list)
    next_page_ok: bool | None = None   # None: the list announced no further page
    problem: str | None = None
    problem_kind: str | None = None    # robots | forbidden | gone | unreachable | needs_browser | not_html | no_list | undated
    links_to: str | None = None        # a list page this page points to (a column that moved)

    @property
    def confirmed(self) -> bool:
        return self.problem is None

    def to_json(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if k != "item_urls"}


def probe_list(client: PoliteClient, url: str, domains: list[str] | None = None, *, encoding: str | None = None,
               follow_pages: bool = True) -> ListProbe:
    probe = ListProbe(url)
    try:
        answer = client.get(url)
    except RobotsForbid as exc:
        return _fail(probe, "robots", str(exc))
    except FetchFailed as exc:
        return _fail(probe, "unreachable", str(exc))
    probe.final_url, probe.status, probe.redirects = answer.final_url, answer.status, answer.redirects
    if challenge.needs_browser(answer.status, answer.body):
        return _fail(probe, "needs_browser", challenge.message(answer.status))
    if answer.status in (401, 403):
        return _fail(probe, "forbidden", f"{url} answers HTTP {answer.status}: the site refuses us")
    if answer.status in (404, 410):
        return _fail(probe, "gone", f"{url} answers HTTP {answer.status}: the page is gone")
    if answer.status >= 400:
        return _fail(probe, "unreachable", f"{url} answers HTTP {answer.status}")
    page = answer.page(encoding)
    if not answer.is_html and not page.is_xml:
        return _fail(probe, "not_html", f"{url} is {answer.content_type or 'untyped'}, not a web page")
    probe.encoding = answer.decoded(encoding)[1]
    probe.declared_encoding = declared_encoding(answer.body, answer.headers.get("content-type"))
    domains = domains or [urlsplit(answer.final_url).hostname or ""]
    listing = read_list(page, domains, PAGES_LOOKED_AT)
    probe.family, probe.family_description = listing.family.name, listing.family.description
    next_pages = listing.next_pages
    if not listing.items and listing.family.name == "jcms" and next_pages:
        # the column writes no records into its page: they come from the data proxy
        proxied = _read(client, next_pages[0], domains, encoding)
        if proxied is not None and proxied.items:
            listing = Listing(listing.family, proxied.items, next_pages)
            next_pages = next_pages[1:]
            probe.via_proxy = True
    probe.items, probe.dated, probe.newest = len(listing.items), len(listing.dated), listing.newest
    probe.item_urls = [item.url for item in listing.items]
    probe.next_pages = next_pages
    if follow_pages and next_pages:
        more = _read(client, next_pages[0], domains, encoding)
        probe.next_page_ok = more is not None and bool({i.url for i in more.items} - set(probe.item_urls))
    if probe.items == 0:
        probe.links_to = _list_link(page, domains)
        moved = f"; it links the list page {probe.links_to}" if probe.links_to else ""
        return _fail(probe, "no_list", f"{url} lists no articles{moved}")
    if probe.items < MIN_ITEMS or probe.dated < MIN_DATED_SHARE * probe.items:
        return _fail(probe, "undated", f"{url} lists {probe.items} links, {probe.dated} of them dated: not a list of announcements")
    return probe


def _fail(probe: ListProbe, kind: str, message: str) -> ListProbe:
    probe.problem_kind, probe.problem = kind, message
    return probe


def _read(client: PoliteClient, url: str, domains: list[str], encoding: str | None) -> Listing | None:
    try:
        answer = client.get(url)
    except (RobotsForbid, FetchFailed):
        return None
    if answer.status >= 400:
        return None
    return read_list(answer.page(encoding), domains, PAGES_LOOKED_AT)


def _list_link(page: ListPage, domains: list[str]) -> str | None:
    """The first link to another list page (index.html of a column) in the content of a page that lists
    nothing, outside navigation, header and footer: where a moved column points to its new place."""
    here = canonical(page.url)
    for href in page.selector.xpath(CONTENT_LINKS).getall():
        if href.startswith(("javascript:", "#", "mailto:")):
            continue
        target = canonical(urljoin(page.url, href))
        path = urlsplit(target).path
        if target != here and path not in ("", "/", "/index.html") and in_scope(target, domains) and INDEX_N.match(path):
            return target
    return None


def same_encoding(a: str, b: str) -> bool:
    """gb2312, gbk and gb18030 count as one (a GB18030 decoder reads them all)."""
    def family(name: str) -> str:
        name = name.lower().replace("-", "").replace("_", "")
        return "gb" if name.startswith("gb") else name
    return family(a) == family(b)
