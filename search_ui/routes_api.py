"""The documented JSON API, versioned under /api/v1/ (search, facets, doc, status) and /healthz.

/api/search is kept as an alias of /api/v1/search for saved links and scripts. The search
parameters are read from the raw query string (see openapi.py for how they are documented).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from search_ui import service
from search_ui.openapi import SEARCH
from search_ui.query import BadRequest, parse_params
from search_ui.routes_pages import api_search_response, doc_json, status_json
from search_ui.schemas import DocumentPage, ErrorResponse, FacetsResponse, Health, SearchResponse, StatusResponse
from search_ui.web import json_error, state

router = APIRouter()

ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}, 503: {"model": ErrorResponse}}


@router.get("/api/v1/search", response_model=SearchResponse, responses=ERRORS, summary="Search announcements",
            openapi_extra=SEARCH)
@router.get("/api/search", response_model=SearchResponse, responses=ERRORS,
            summary="Search announcements (alias of /api/v1/search)", openapi_extra=SEARCH)
def api_search(request: Request) -> Response:
    return api_search_response(request)


@router.get("/api/v1/facets", response_model=FacetsResponse, responses=ERRORS,
            summary="Facet counts of a search (same parameters as /api/v1/search), without hits", openapi_extra=SEARCH)
def api_facets(request: Request) -> Response:
    try:
        params = parse_params(request.query_params.multi_items(), registry=state(request).config.facets)
        result = service.search(state(request).reader, replace(params, page=1, per_page=1), state(request).config.embed,
                                lexicon=state(request).lexicon, explain=False)
    except BadRequest as exc:
        return json_error(400, str(exc))
    except service.SearchUnavailable as exc:
        return json_error(503, str(exc))
    return JSONResponse({"total": result.total, "facets": result.facets})


@router.get("/api/v1/doc/{doc_id}", response_model=DocumentPage, responses=NOT_FOUND,
            summary="One document, with its evidence, reprints, versions and citation (as /doc/{id}.json)")
def api_doc(doc_id: str, request: Request) -> Response:
    return doc_json(doc_id, request)


@router.get("/api/v1/status", response_model=StatusResponse, responses=NOT_FOUND,
            summary="Crawl status per source: last runs, next run, health (as /status.json)")
def api_status(request: Request) -> Response:
    return status_json(request)


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}}, summary="Liveness and search reachability")
def healthz(request: Request) -> Response:
    ok = service.healthy(state(request).reader)
    return JSONResponse({"status": "ok" if ok else "degraded", "search": "ok" if ok else "unavailable"},
                        status_code=200 if ok else 503)
