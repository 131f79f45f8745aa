"""Response shapes of the JSON API, for the OpenAPI schema. The Document fields are the contract."""

from __future__ import annotations

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


class SearchExtras(BaseModel):
    distinct: bool = Field(description="One result per reprint cluster (copies=one)")
    semantic: bool = Field(description="Hybrid keyword + embedding search was used")
    query: QueryInfo
    timeline: dict = Field(description="unit (month|week|year), series (the hazard codes of the result set, most documents "
                           "first), buckets with from/to/total (documents) and by_hazard (documents per hazard: a "
                           "document counts under each of its hazards, so these can add up to more than total)")


class SearchResponse(SearchExtras):
    total: int = Field(description="Number of matching documents")
    page: int
    per_page: int
    total_pages: int
    sort: str = Field(description="The sort applied: relevance or date")
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


class StatusResponse(BaseModel):
    sources: list[SourceStatusInfo]


class ErrorResponse(BaseModel):
    error: str


class Health(BaseModel):
    status: str
    search: str
