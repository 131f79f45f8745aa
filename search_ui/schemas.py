"""Response shapes of the JSON API, for the OpenAPI schema. The Document fields are the contract."""

from __future__ import annotations

from pydantic import BaseModel, Field

from indexer.models import Document


class Hit(Document):
    snippet: str = Field(description="A passage of the body, HTML-escaped, matches wrapped in <mark>")
    title_html: str = Field(description="The title, HTML-escaped, matches wrapped in <mark>")


class SearchResponse(BaseModel):
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


class ErrorResponse(BaseModel):
    error: str


class Health(BaseModel):
    status: str
    search: str
