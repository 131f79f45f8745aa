"""`gonggao sources add URL`: from a bureau's home page (or any page of its site) to a confirmed source.

1. Fetch the page (and the site's home page, when given another page), politely.
2. Collect candidate list pages: links whose text names an announcement column (通知公告, 工作动态,
   教育要闻, 安全 columns, 政务公开 / 信息公开 hubs, looked into one level), the page itself when it
   is a list, and, as fallbacks, the site's RSS / Atom feeds and the sitemaps robots.txt names.
3. Probe each (crawler/onboard/probe.py): it must list dated articles; its pagination is tried.
4. Keep the confirmed lists (not two that list the same articles), guess name, kind and region,
   and describe every decision, and every candidate left out with the reason.

Nothing here writes: the caller prints the entry, or appends it (config/sources_writer.py).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from config.errors import BadInput, GonggaoError, Unavailable
from crawler import challenge
from crawler.cms import ListPage
from crawler.cms.page import in_scope
from crawler.links import canonical
from crawler.onboard.fetch import Fetched, FetchFailed, PoliteClient, RobotsForbid
from crawler.onboard.probe import ListProbe, probe_list, same_encoding
from crawler.onboard.site import Named, RegionGuess, footer_text, guess_region, host_of, site_name, source_id
from indexer.enrich.regions import Gazetteer

# Column names, most wanted first: a list's rank decides its place among the start URLs.
COLUMN_WORDS: tuple[tuple[str, ...], ...] = (
    ("通知公告", "公示公告", "公告公示", "通知", "公告", "公示"),
    ("教育要闻", "工作动态", "教育动态", "教育新闻", "新闻动态", "要闻", "动态", "新闻"),
    ("安全",),
    ("政务公开", "信息公开"),
    ("教育",),                      # a news portal's channel (教育, 教育频道)
)
HUB_RANK = 3                       # 政务公开 / 信息公开: often a page of links to columns
MAX_LABEL_CHARS = 12               # a column's link text is short; an article's is a headline
MAX_PROBES = 10                    # candidate lists probed per site (each costs one to three requests)
MAX_LISTS = 4                      # start URLs kept
SAME_LIST_OVERLAP = 0.5            # two candidates sharing more of their articles list the same thing
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
MAX_LIST_PAGES = 10
GOV_HOST = re.compile(r"\.gov\.cn$")
BUREAU_NAME = re.compile(r"(?:局|厅|委员会|政府|中心|办公室)$")


class SiteUnreachable(Unavailable):
    """The site did not answer (DNS, refused, timeout): exit 3, try again later."""


class SiteRefuses(GonggaoError):
    """The site forbids or blocks us (robots.txt, 403, a JavaScript challenge): exit 1."""


class NoListFound(GonggaoError):
    """The site answered but no list of dated announcements could be confirmed: exit 1."""

    def __init__(self, message: str, rejected: list[Rejected]):
        self.rejected = rejected
        super().__init__(message)


@dataclass(frozen=True)
class Candidate:
    url: str
    label: str   # the link text, or what kind of list it is
    why: str     # how it was found
    rank: int    # COLUMN_WORDS index; lower is wanted more


@dataclass(frozen=True)
class Rejected:
    candidate: Candidate
    reason: str


@dataclass
class Confirmed:
    candidate: Candidate
    probe: ListProbe


@dataclass
class Onboarding:
    """Everything `sources add` decided about a site, with the reason for each decision."""

    url: str
    host: str
    source_id: str
    id_source: str
    name: Named
    kind: Named
    region: RegionGuess
    lists: list[Confirmed]
    rejected: list[Rejected] = field(default_factory=list)
    encoding: Named | None = None

    @property
    def max_list_pages(self) -> int:
        return MAX_LIST_PAGES

    @property
    def schedule_cron(self) -> str:
        """A daily time between 01:00 and 06:59 derived from the id, so sources do not all start at once."""
        spread = zlib.crc32(self.source_id.encode())
        return f"{spread % 60} {1 + (spread // 60) % 6} * * *"


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(f"not a web address: {url!r} (give one that starts with http:// or https://)")
    return url.strip()


def onboard(client: PoliteClient, url: str, gazetteer: Gazetteer, *, taken_ids: set[str],
            name: str | None = None, region: str | None = None, wanted_id: str | None = None) -> Onboarding:
    """Find and confirm the lists of the site at `url`. Raises SiteUnreachable, SiteRefuses, NoListFound."""
    url = check_url(url)
    if region and not guess_region(gazetteer, None, "", "", region).hint:
        raise BadInput(f"--region {region!r} names no place the gazetteer knows (try e.g. 陕西省 > 安康市 > 汉阴县)")
    host = host_of(url)
    root = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/"
    pages = _entry_pages(client, url, root)
    home = pages[-1]
    candidates = _candidates(client, pages, host, root)
    confirmed, rejected = _probe(client, candidates, host)
    if not confirmed:
        looked = f"looked at {len(rejected)} candidate list page{'s' if len(rejected) != 1 else ''}" if rejected else "it links no column such as 通知公告 or 工作动态"
        raise NoListFound(f"no list of dated announcements confirmed on {host}: {looked}; nothing written", rejected)
    found_name = Named(name, "--name") if name else site_name(home) or Named(host, "the host (the site names itself nowhere)")
    guess = guess_region(gazetteer, found_name.value, footer_text(home), host, region)
    if wanted_id and wanted_id in taken_ids:
        raise BadInput(f"the sources file already has a source {wanted_id!r}; choose another --id")
    sid = wanted_id or source_id(host, taken_ids)
    return Onboarding(url, host, sid, "--id" if wanted_id else "from the host", found_name, _kind(host, found_name.value), guess, confirmed, rejected,
                      _encoding_override(confirmed))


def _kind(host: str, name: str) -> Named:
    if GOV_HOST.search(host):
        return Named("gov", "a .gov.cn host")
    if m := BUREAU_NAME.search(name):
        return Named("gov", f"the name ends in {m.group(0)}")
    return Named("gov", "assumed: change to news or aggregator if the site is not a government body")


# -- the pages the user pointed at -------------------------------------------------------------------
def _entry_pages(client: PoliteClient, url: str, root: str) -> list[ListPage]:
    """The page given and the site's home page (last), decoded. The page given must be readable; the
    home page, when it is another page, is read if it can be."""
    given = _fetch_entry(client, url).page()
    if canonical(url) == canonical(root):
        return [given]
    try:
        return [given, _fetch_entry(client, root).page()]
    except GonggaoError:
        return [given, given]


def _fetch_entry(client: PoliteClient, url: str) -> Fetched:
    host = urlsplit(url).netloc
    try:
        answer = client.get(url)
    except RobotsForbid as exc:
        raise SiteRefuses(f"{exc}; nothing written") from None
    except FetchFailed as exc:
        raise SiteUnreachable(f"{exc}; nothing written") from None
    if challenge.needs_browser(answer.status, answer.body):
        raise SiteRefuses(f"{host} {challenge.message(answer.status).removeprefix('needs a browser: the site ')}: "
                          "Gonggao does not run a browser; nothing written")
    if answer.status in (401, 403):
        raise SiteRefuses(f"{host} answers HTTP {answer.status} to Gonggao at {urlsplit(url).path or '/'}; nothing written")
    if answer.status >= 500:
        raise SiteUnreachable(f"{host} answers HTTP {answer.status}; try again later; nothing written")
    if answer.status >= 400:
        raise NoListFound(f"{url} answers HTTP {answer.status}: give the address of the site's home page; nothing written", [])
    if not answer.is_html:
        raise NoListFound(f"{url} is {answer.content_type or 'untyped'}, not a web page: give the address of the site's home page; nothing written", [])
    return answer


# -- candidates ------------------------------------------------------------------------------------
def _rank(label: str) -> int | None:
    if len(label) > MAX_LABEL_CHARS:
        return None
    for rank, words in enumerate(COLUMN_WORDS):
        if any(word in label for word in words):
            return rank
    return None


def _column_links(page: ListPage, host: str) -> list[Candidate]:
    out: list[Candidate] = []
    for anchor in page.selector.css("a[href]"):
        href = anchor.attrib["href"].strip()
        if href.startswith(("javascript:", "#", "mailto:")):
            continue
        label = " ".join("".join(anchor.css("::text").getall()).split())
        rank = _rank(label)
        target = canonical(urljoin(page.url, href))
        if rank is not None and in_scope(target, [host]) and urlsplit(target).path not in ("", "/"):
            out.append(Candidate(target, label, f"link text {label}", rank))
    return out


def _candidates(client: PoliteClient, pages: list[ListPage], host: str, root: str) -> list[Candidate]:
    given, home = pages[0], pages[-1]
    found: list[Candidate] = []
    if canonical(given.url) != canonical(home.url):
        found.append(Candidate(canonical(given.url), "the page given", "the address given", -1))
    for page in pages:
        found += _column_links(page, host)
    for page in pages:
        for link in page.selector.css("link[rel=alternate][href]"):
            if (link.attrib.get("type") or "").lower() in FEED_TYPES:
                title = link.attrib.get("title") or "feed"
                found.append(Candidate(canonical(urljoin(page.url, link.attrib["href"])), f"RSS: {title}", "a feed the page announces", len(COLUMN_WORDS)))
    for sitemap in client.sitemaps(root):
        if in_scope(sitemap, [host]):
            found.append(Candidate(canonical(sitemap), "sitemap", "robots.txt names it", len(COLUMN_WORDS) + 1))
    unique: dict[str, Candidate] = {}
    for candidate in sorted(found, key=lambda c: c.rank):
        unique.setdefault(candidate.url, candidate)
    return list(unique.values())


# -- probing ---------------------------------------------------------------------------------------
def _probe(client: PoliteClient, candidates: list[Candidate], host: str) -> tuple[list[Confirmed], list[Rejected]]:
    confirmed: list[Confirmed] = []
    rejected: list[Rejected] = []
    queue = list(candidates)
    probes = 0
    while queue and probes < MAX_PROBES and len(confirmed) < MAX_LISTS:
        candidate = queue.pop(0)
        if candidate.rank >= len(COLUMN_WORDS) and confirmed:
            rejected.append(Rejected(candidate, "not needed: the HTML lists were confirmed"))
            continue
        probes += 1
        probe = probe_list(client, candidate.url, [host])
        if not probe.confirmed:
            if candidate.rank == HUB_RANK and probe.problem_kind in ("no_list", "undated"):
                queue += _hub_columns(client, candidate, host, {c.url for c in candidates})
                rejected.append(Rejected(candidate, "a page of links, not a list (its columns were looked at)"))
            else:
                rejected.append(Rejected(candidate, probe.problem or "?"))
            continue
        same = next((c for c in confirmed if _overlap(c.probe, probe) > SAME_LIST_OVERLAP), None)
        if same is not None:
            rejected.append(Rejected(candidate, f"lists the same articles as {same.candidate.url}"))
            continue
        confirmed.append(Confirmed(candidate, probe))
    rejected += [Rejected(c, "not probed: enough lists were confirmed, or too many candidates") for c in queue
                 if c.rank < len(COLUMN_WORDS)]
    confirmed.sort(key=lambda c: c.candidate.rank)
    return confirmed, rejected


def _hub_columns(client: PoliteClient, hub: Candidate, host: str, known: set[str]) -> list[Candidate]:
    """The announcement columns a 政务公开 / 信息公开 page links (one level down, never another hub)."""
    try:
        answer = client.get(hub.url)
    except (RobotsForbid, FetchFailed):
        return []
    if answer.status >= 400 or not answer.is_html:
        return []
    return [Candidate(c.url, c.label, f"{c.why} on {hub.label}", c.rank) for c in _column_links(answer.page(), host)
            if c.rank < HUB_RANK and c.url not in known]


def _overlap(a: ListProbe, b: ListProbe) -> float:
    first, second = set(a.item_urls), set(b.item_urls)
    return len(first & second) / max(1, min(len(first), len(second)))


def _encoding_override(confirmed: list[Confirmed]) -> Named | None:
    """`encoding:` only when the declared charset is wrong: the bytes decode otherwise than declared."""
    for item in confirmed:
        declared, used = item.probe.declared_encoding, item.probe.encoding
        if declared and used and not same_encoding(declared, used):
            return Named(used, f"the list declares {declared} but its bytes are {used}")
    return None
