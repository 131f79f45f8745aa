"""Response shapes of the JSON API, for the OpenAPI schema. The Document fields are the contract."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from indexer.models import Document


class Hit(Document):
    snippet: str = Field(description="A passage of the body, HTML-escaped, matches wrapped in <mark>")
    title_html: str = Field(description="The title, HTML-escaped, matches wrapped in <mark>")


class QueryInfo(BaseModel):
    used: list[str] = Field(description="The terms sent to the search engine")
    dropped: list[str] = Field(description="Terms left out: past the engine's 10-word limit")
    alternatives: list[str]
    estimated_words: int
    max_words: int


class Meaning(BaseModel):
    param: str = Field(description="region | hazard | year | date (a preset) | range")
    value: Any = Field(description="The region path, hazard code, year, preset, or {from, to} (YYYY-MM-DD)")


class Reading(BaseModel):
    text: str = Field(description="The words read, as typed (Simplified)")
    kind: str = Field(description="region | hazard | time")
    certain: bool = Field(description="One meaning (false: several places or hazards; offered, never applied)")
    applied: bool
    meanings: list[Meaning] = Field(description="Most likely first")


class Offer(Meaning):
    text: str
    kind: str
    total: int = Field(description="Hits of the search with this filter instead of its words")
    query_string: str


class Understanding(BaseModel):
    query: str = Field(description="q as asked")
    applied: bool = Field(description="Some words were applied as filters: the hits are of that search")
    literal: bool = Field(description="literal=1 was asked: no word became a filter")
    readings: list[Reading]
    literal_total: int | None = Field(description="Hits of the words as typed, when words were applied")
    literal_query_string: str | None = Field(description="The search with the words as typed (literal=1)")
    offers: list[Offer] = Field(description="Readings not applied, as filters, with their hits (only those with hits)")


class FilterWithout(BaseModel):
    param: str = Field(description="A facet parameter, date or in")
    total: int = Field(description="Hits without this filter")
    query_string: str


class Nearest(BaseModel):
    kind: str = Field(description="word (one word left out) | filters (no filter) | words (no words)")
    left_out: str
    total: int
    query_string: str


class ZeroHelp(BaseModel):
    filters: list[FilterWithout] = Field(description="Each active filter with the hits without it")
    nearest: list[Nearest] = Field(description="The nearest searches that find something, nearest first")


class SearchExtras(BaseModel):
    distinct: bool = Field(description="One result per reprint cluster (copies=one)")
    semantic: bool = Field(description="Hybrid keyword + embedding search was used")
    query: QueryInfo
    understanding: Understanding | None = Field(
        description="What the words of q were read as (places, dates, hazards); null when nothing was read")
    zero: ZeroHelp | None = Field(description="For a search without hits: what excluded everything, and what is near")
    timeline: dict = Field(description="unit (month|week|year), series (the hazard codes of the result set, most documents "
                           "first), buckets with from/to/total (documents) and by_hazard (documents per hazard: a "
                           "document counts under each of its hazards, so these can add up to more than total)")


class SearchResponse(SearchExtras):
    total: int = Field(description="Number of matching documents")
    page: int
    per_page: int
    total_pages: int
    sort: str = Field(description="The sort applied: relevance, date (newest first) or date_asc (oldest first)")
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = Field(
        description="facet attribute → {value → count}; counts of a facet with an active filter "
        "ignore that facet's own filter (disjunctive), so other values stay selectable; while a region "
        "is active, region.lvl1/lvl2 list the cities and counties of the active provinces"
    )


class FacetsResponse(BaseModel):
    total: int
    facets: dict[str, dict[str, int]]


class DocContext(BaseModel):
    catalog: bool = Field(description="The catalog answered: evidence, versions and the archived copy are known")
    citation: str = Field(description="A citation line: issuer, title, date, URL, retrieval date")
    reprints: list[dict] = Field(description="Other documents of the same reprint cluster")
    versions: list[dict] = Field(description="version, title, created_at (unix seconds), oldest first")
    diff: list[dict] = Field(description="kind (same|removed|added) and text: the previous version → this one, by paragraph")
    archived_url: str | None = Field(description="The archived copy as fetched (sandboxed), when kept")


class DocumentPage(Document):
    context: DocContext


class RunInfo(BaseModel):
    id: int
    state: str
    started_at: int
    finished_at: int | None
    duration_s: int | None
    pages_fetched: int
    pages_unchanged: int
    docs_new: int
    docs_changed: int
    docs_removed: int
    errors: int
    errors_by_kind: dict[str, int]


class SourceStatusInfo(BaseModel):
    id: str
    name: str
    kind: str
    documents: int
    health: str = Field(description="ok | failing | needs_browser | never")
    failing_since: int | None = Field(description="Start of the first run of the current failing (or needs_browser) streak")
    next_run: str | None
    run_now: str = Field(description="The command that crawls this source now")
    runs: list[RunInfo]
    last_error: dict | None
    check: dict | None = Field(None, description="The newest `gonggao sources check` of the source: verdict (ok | "
                               "needs_attention | broken), summary, checked_at, articles listed, newest article date")


class StatusResponse(BaseModel):
    sources: list[SourceStatusInfo]
    alerts: dict | None = Field(None, description="Alert deliveries of saved searches: counts by state (sent, pending, "
                                "failing) and the failing ones with channel, since, attempts, next try and reason")


class ErrorResponse(BaseModel):
    error: str


class Health(BaseModel):
    status: str
    search: str
