"""The documented JSON API, versioned under /api/v1/ (search, facets, doc, status) and /healthz.

/api/search is kept as an alias of /api/v1/search for saved links and scripts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from search_ui import service
from search_ui.query import FACETS, MAX_PER_PAGE, SORTS, SOURCE_TYPES, BadRequest, parse_params
from search_ui.routes_pages import api_search_response, doc_json, status_json
from search_ui.schemas import DocumentPage, ErrorResponse, FacetsResponse, Health, SearchResponse, StatusResponse
from search_ui.web import json_error, state

router = APIRouter()
Many = Annotated[list[str] | None, Query()]


ERRORS = {400: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}


@router.get("/api/v1/search", response_model=SearchResponse, responses=ERRORS, summary="Search announcements")
@router.get("/api/search", response_model=SearchResponse, responses=ERRORS,
            summary="Search announcements (alias of /api/v1/search)")
def api_search(
    request: Request,
    q: Annotated[str | None, Query(description="Keywords; Traditional is converted to Simplified")] = None,
    region: Annotated[list[str] | None, Query(
        description="Region path, e.g. `陕西省 > 安康市`; 1–3 parts pick region.lvl0/1/2. Repeatable (OR)")] = None,
    hazard: Annotated[list[str] | None, Query(description="Hazard code. Repeatable (OR; AND with hazard_mode=and)")] = None,
    hazard_mode: Annotated[str | None, Query(description="or (default) | and")] = None,
    issuer_level: Annotated[list[str] | None, Query(description="national, province, city, county, township, school. Repeatable (OR)")] = None,
    event_type: Annotated[list[str] | None, Query(description="meeting, inspection, drill, training, notice, report. Repeatable (OR)")] = None,
    safety: Annotated[str | None, Query(description="1: safety-related documents only")] = None,
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
    copies: Annotated[str | None, Query(description="one (default: one result per reprint cluster) | all")] = None,
    semantic: Annotated[str | None, Query(description="1: hybrid keyword + embedding search, where configured")] = None,
) -> Response:
    # The parameters above document the API; parsing (one code path with /search.json) reads
    # the raw query string so every problem becomes a 400 with a message, never a 422.
    return api_search_response(request)


@router.get("/api/v1/facets", response_model=FacetsResponse, responses=ERRORS,
            summary="Facet counts of a search (same parameters as /api/v1/search), without hits")
def api_facets(request: Request) -> Response:
    try:
        params = parse_params(request.query_params.multi_items())
        result = service.search(state(request).reader, replace(params, page=1, per_page=1))
    except BadRequest as exc:
        return json_error(400, str(exc))
    except service.SearchUnavailable as exc:
        return json_error(503, str(exc))
    return JSONResponse({"total": result.total, "facets": result.facets})


@router.get("/api/v1/doc/{doc_id}", response_model=DocumentPage,
            responses={404: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
            summary="One document, with its evidence, reprints, versions and citation (as /doc/{id}.json)")
def api_doc(doc_id: str, request: Request) -> Response:
    return doc_json(doc_id, request)


@router.get("/api/v1/status", response_model=StatusResponse,
            responses={404: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
            summary="Crawl status per source: last runs, next run, health (as /status.json)")
def api_status(request: Request) -> Response:
    return status_json(request)


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}}, summary="Liveness and search reachability")
def healthz(request: Request) -> Response:
    ok = service.healthy(state(request).reader)
    return JSONResponse({"status": "ok" if ok else "degraded", "search": "ok" if ok else "unavailable"},
                        status_code=200 if ok else 503)
