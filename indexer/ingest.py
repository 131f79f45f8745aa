"""Page → Documents: decode, extract, clean, enrich. Pure: no I/O, no clock, no network.

`ingest_page` is what the crawler's pipeline, `gonggao extract` and `gonggao reextract` call;
it is safe to run in a process pool. Extraction is a parameter (`extract`, default
`extract_articles`): a site with an adapter of its own (crawler/adapters.py) passes its adapter's,
so the indexer never needs to know the crawler.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import cast
from urllib.parse import urldefrag, urlsplit
from zoneinfo import ZoneInfo

from config.errors import BadInput
from config.hazards import Taxonomy, load_taxonomy
from config.settings import CONFIG_DIR
from config.sources import Source
from config.vocabulary import Layout
from indexer.enrich.hazard_model import HAZARD_MODEL, HazardModel
from indexer.enrich.hazards import tag_hazards
from indexer.enrich.issuer import classify_event, normalize_issuer
from indexer.enrich.regions import Gazetteer, RegionContext
from indexer.extract import ExtractOptions, extract_articles
from indexer.extract.decode import decode_html
from indexer.models import Article, Document, Page, RegionPath, SourceType
from indexer.text.chinese import to_simplified

log = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")
LEAD_CHARS = 160
UNTITLED_CHARS = 40
# html, url, options → the page's articles ([] when none); pure, like `extract_articles`
ExtractFunction = Callable[[str, str, ExtractOptions], list[Article]]


class NotAnArticle(BadInput):
    """The page is readable but holds no article (a list page, an empty page)."""


@dataclass
class Enrichers:
    """The loaded reference data enrichment needs; build once per process."""

    hazards_path: Path = CONFIG_DIR / "hazards.yaml"
    # the learned re-scorer of the hazard rules (indexer/enrich/hazard_model.py); None: the rules alone
    hazard_model_path: Path | None = HAZARD_MODEL
    _taxonomy: Taxonomy | None = field(default=None, repr=False)

    @cached_property
    def taxonomy(self) -> Taxonomy:
        return self._taxonomy or load_taxonomy(self.hazards_path)

    @cached_property
    def hazard_model(self) -> HazardModel | None:
        """The re-scorer, or None (the rules alone, said once in the log) when its file is missing or
        unreadable: a broken install must not turn every page into an error."""
        if not self.hazard_model_path:
            return None
        try:
            return HazardModel.load(self.hazard_model_path)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("hazard model not loaded, the hazard rules decide alone: %s", exc)
            return None

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.default()


def document_id(url: str, index: int = 0) -> str:
    """Stable id: the canonical URL (fragment dropped), plus the article number on multi-article pages."""
    canonical = urldefrag(url)[0]
    key = canonical if index == 0 else f"{canonical}#{index}"
    return hashlib.sha1(key.encode()).hexdigest()[:24]


def extract_options(source: Source | None, fetched_at: datetime | None,
                    site_chrome: frozenset[str] = frozenset()) -> ExtractOptions:
    """`site_chrome`: lines the source's other pages repeat (`indexer.extract.chrome.site_chrome`)."""
    if source is None:
        return ExtractOptions(fetched_at=fetched_at, site_chrome=site_chrome)
    return ExtractOptions(
        content_selector=source.selectors.content,
        remove_selectors=tuple(source.selectors.remove),
        multi_article=source.layout == Layout.EPAPER,
        fetched_at=fetched_at,
        site_chrome=site_chrome,
    )


def ingest_html(html: str, url: str, source: Source | None, enrichers: Enrichers,
                fetched_at: datetime | None = None, source_id: str = "",
                extract: ExtractFunction = extract_articles, site_chrome: frozenset[str] = frozenset()) -> list[Document]:
    articles = extract(html, url, extract_options(source, fetched_at, site_chrome))
    if not articles:
        raise NotAnArticle("no article text found on the page")
    return [enrich(article, url, source, enrichers, fetched_at, source_id) for article in articles]


def ingest_page(page: Page, source: Source | None, enrichers: Enrichers,
                extract: ExtractFunction = extract_articles, site_chrome: frozenset[str] = frozenset()) -> list[Document]:
    html, _encoding = decode_html(page.body, page.headers.get("content-type") or page.headers.get("Content-Type"),
                                  source.encoding if source else None)
    return ingest_html(html, page.final_url or page.url, source, enrichers, page.fetched_at, page.source_id,
                       extract, site_chrome)


def enrich(article: Article, url: str, source: Source | None, enrichers: Enrichers,
           fetched_at: datetime | None, source_id: str) -> Document:
    title_s = to_simplified(article.title)
    body_s = to_simplified(_without_spans(article.body, article.mojibake_spans))
    issuer_s = to_simplified(article.issuer) if article.issuer else None
    region = enrichers.gazetteer.resolve(RegionContext(
        title=title_s, body=body_s, issuer=issuer_s, site_domain=urlsplit(url).hostname,
        site_owner=to_simplified(article.site_owner) if article.site_owner else None, site_code=article.site_code,
        site_address=to_simplified(article.site_address) if article.site_address else None,
        region_hint=source.region_hint if source else None,
    ))
    hazards = tag_hazards(title_s, body_s, enrichers.taxonomy, enrichers.hazard_model)
    issuer = normalize_issuer(article.issuer, title_s, body_s, region)
    published = article.published_at.astimezone(SHANGHAI) if article.published_at else None
    site_name = article.meta.get("SiteName") or (source.name if source else "")
    doc_id = document_id(url, article.index)
    return Document(
        id=doc_id,
        url=url,
        source_id=source_id or (source.id if source else ""),
        title=article.title or _text_start(article.body, article.mojibake_spans, UNTITLED_CHARS),
        body=article.body,
        title_search=title_s,
        body_search=body_s,
        lead=_text_start(article.body, article.mojibake_spans, LEAD_CHARS),
        tables=article.tables,
        published_at=int(published.timestamp()) if published else None,
        published_date=published.date().isoformat() if published else None,
        year=published.year if published else None,
        month=published.strftime("%Y-%m") if published else None,
        date_source=article.date_source,
        issuer=issuer.name or article.issuer,
        issuer_level=issuer.level,
        author=article.author,
        doc_number=article.doc_number,
        site_name=site_name,
        source_type=cast(SourceType, source.kind.value) if source else "gov",  # SourceType: SourceKind's codes
        region=region.path if region.path else RegionPath(),
        region_codes=region.codes,
        province=region.province,
        city=region.city,
        county=region.county,
        secondary_regions=region.secondary,
        hazards=hazards.hazards,
        primary_hazard=hazards.primary,
        safety_related=hazards.safety_related,
        event_type=classify_event(title_s, body_s),
        evidence=[*region.evidence, *hazards.evidence],
        fetched_at=int(fetched_at.timestamp()) if fetched_at else None,
        cluster_id=doc_id,  # a singleton until reprint clustering (indexer/reprints.py) finds copies
        attachments=article.attachments,
    )


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out unrepaired mojibake so it never reaches matching or snippets."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _text_start(body: str, spans: list[tuple[int, int]], chars: int) -> str:
    """The first `chars` characters of the body, mojibake blanked and whitespace squeezed, with "…"
    where it goes on: the lead, and what a page with no usable title is listed by (its opening line
    was all mojibake; shown only, enrichment read the page's own empty title)."""
    text = " ".join(_without_spans(body, spans).split())
    return text[:chars] + ("…" if len(text) > chars else "")
