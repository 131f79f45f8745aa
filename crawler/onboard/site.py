"""What a site says about itself: its name, its footer, the place it serves.

The region is guessed with the enrichment's gazetteer (`Gazetteer.resolve`), fed the site's name
as title and issuer, its footer as body (主办单位, 地址) and its host as the site domain, so a
source gets the same place the crawl would give its pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from crawler.cms.page import ListPage
from indexer.enrich.regions import Gazetteer, RegionContext

TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|--|——|-|—|－)\s*")
BUREAU_END = re.compile(r"(?:局|厅|委员会|委|政府|中心|办公室|办|学院|大学|学校|报|网)$")
FOOTER = "//*[contains(@class,'foot') or contains(@id,'foot') or contains(@class,'bottom') or contains(@class,'copyright')]//text()"
FOOTER_CHARS = 400
HOST_SUFFIXES = (".gov.cn", ".edu.cn", ".com.cn", ".org.cn", ".net.cn", ".cn", ".com", ".net", ".org")


@dataclass(frozen=True)
class Named:
    """A value and where it came from (for the comment beside it in the YAML entry)."""

    value: str
    source: str


@dataclass(frozen=True)
class RegionGuess:
    hint: str | None        # "河南省 > 郑州市", the form region_hint takes
    codes: tuple[str, ...]  # GB/T 2260
    source: str             # why


def site_name(page: ListPage) -> Named | None:
    """The site's name: its SiteName meta tag, else the part of its <title> that names a body."""
    sel = page.selector
    meta = (sel.css('meta[name="SiteName"]::attr(content), meta[name="sitename"]::attr(content)').get() or "").strip()
    if meta:
        return Named(meta, '<meta name="SiteName">')
    title = " ".join("".join(sel.css("title::text").getall()).split())
    parts = [p for p in TITLE_SEPARATORS.split(title) if p]
    for part in reversed(parts):
        if BUREAU_END.search(part):
            return Named(part, "the page title")
    if parts:
        return Named(parts[-1], "the page title")
    alt = (sel.css(".logo img::attr(alt), .banner img::attr(alt), .head img::attr(alt), header img::attr(alt)").get() or "").strip()
    return Named(alt, "the logo's alt text") if alt else None


def footer_text(page: ListPage) -> str:
    """The footer's text (主办单位, 地址, 版权所有 lines), else the end of the page's text."""
    sel = page.selector
    text = " ".join(" ".join(sel.xpath(FOOTER).getall()).split())
    if not text:
        body = " ".join(sel.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall())
        text = " ".join(body.split())[-FOOTER_CHARS:]
    return text[:FOOTER_CHARS * 2]


def guess_region(gazetteer: Gazetteer, name: str | None, footer: str, host: str, given: str | None = None) -> RegionGuess:
    """Where the site's bureau sits, from its name, footer and host (and the user's `--region`, if any)."""
    result = gazetteer.resolve(RegionContext(title=name or "", body=footer, issuer=name, site_domain=host, region_hint=given))
    parts = [p for p in (result.province, result.city, result.county) if p]
    if not parts:
        return RegionGuess(None, (), "no place found in the site's name, footer or host")
    fields = {e.field for e in result.evidence}
    said = [label for field, label in (("hint", "--region"), ("title", "the site name"), ("issuer", "the site name"),
                                       ("body", "the footer"), ("lead", "the footer"), ("domain", "the host")) if field in fields]
    source = "gazetteer: " + " > ".join(parts) + f" ({result.codes[-1]})" + (" from " + ", ".join(dict.fromkeys(said)) if said else "")
    return RegionGuess(" > ".join(parts), tuple(result.codes), source)


def source_id(host: str, taken: set[str]) -> str:
    """A slug for the source from its host: jyt.henan.gov.cn → jyt-henan; a number is added if taken."""
    host = host.lower().split(":")[0].removeprefix("www.")
    for suffix in HOST_SUFFIXES:
        if host.endswith(suffix) and host != suffix.lstrip("."):
            host = host[: -len(suffix)]
            break
    base = re.sub(r"[^a-z0-9]+", "-", host).strip("-")[:56] or "site"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
