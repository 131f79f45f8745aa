"""The documented JSON API: /api/search and /healthz."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from search_ui import service
from search_ui.query import FACETS, MAX_PER_PAGE, SORTS, SOURCE_TYPES
from search_ui.routes_pages import api_search_response
from search_ui.schemas import ErrorResponse, Health, SearchResponse
from search_ui.web import state

router = APIRouter()
Many = Annotated[list[str] | None, Query()]


@router.get(
    "/api/search",
    response_model=SearchResponse,
    responses={400: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
    summary="Search announcements",
)
def api_search(
    request: Request,
    q: Annotated[str | None, Query(description="Keywords; Traditional is converted to Simplified")] = None,
    region: Annotated[list[str] | None, Query(
        description="Region path, e.g. `陕西省 > 安康市`; 1–3 parts pick region.lvl0/1/2. Repeatable (OR)")] = None,
    hazard: Annotated[list[str] | None, Query(description="Hazard code. Repeatable (OR)")] = None,
    source_type: Annotated[list[str] | None, Query(
        description=f"One of {', '.join(SOURCE_TYPES)}. Repeatable (OR)")] = None,
    year: Annotated[list[str] | None, Query(description="Four-digit year. Repeatable (OR)")] = None,
    from_: Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD (Asia/Shanghai), inclusive")] = None,
    to: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (Asia/Shanghai), inclusive")] = None,
    sort: Annotated[str | None, Query(
        description=f"One of {', '.join(SORTS)}; default relevance with a query, date without")] = None,
    page: Annotated[str | None, Query(description="1-based page number")] = None,
    per_page: Annotated[str | None, Query(description=f"Hits per page, 1–{MAX_PER_PAGE} (default 20)")] = None,
    facet: Annotated[list[str] | None, Query(
        description=f"Facets to count (default all): {', '.join(FACETS)}. Repeatable")] = None,
) -> Response:
    # The parameters above document the API; parsing (one code path with /search.json) reads
    # the raw query string so every problem becomes a 400 with a message, never a 422.
    return api_search_response(request)


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}}, summary="Liveness and search reachability")
def healthz(request: Request) -> Response:
    ok = service.healthy(state(request).reader)
    return JSONResponse({"status": "ok" if ok else "degraded", "search": "ok" if ok else "unavailable"},
                        status_code=200 if ok else 503)
