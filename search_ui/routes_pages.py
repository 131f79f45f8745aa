"""HTML pages and their JSON twins: /search(.json) and /doc/{id}(.json). One data function each."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from search_ui import service, views
from search_ui.query import BadRequest, parse_params, strip_share_noise
from search_ui.web import html_error, json_error, render, state, translator

router = APIRouter(include_in_schema=False)
HTML_EXTRA = frozenset({"lang"})


@router.get("/")
@router.get("/search")
def search_html(request: Request) -> Response:
    try:
        params = parse_params(strip_share_noise(request.query_params.multi_items()), HTML_EXTRA)
        result = service.search(state(request).reader, params)
    except BadRequest as exc:
        return html_error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    page = views.search_page(params, result, translator(request))
    return render(request, "search.html", alternate=page.json_url, page=page)


@router.get("/search.json")
def search_json(request: Request) -> Response:
    return api_search_response(request)


def api_search_response(request: Request) -> Response:
    try:
        params = parse_params(request.query_params.multi_items())
        result = service.search(state(request).reader, params)
    except BadRequest as exc:
        return json_error(400, str(exc))
    except service.SearchUnavailable as exc:
        return json_error(503, str(exc))
    return JSONResponse(result.to_json())


def back_to_search(request: Request) -> str:
    """The search the user came from (same site only), else a fresh search."""
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc == request.url.netloc and referer.path in ("/", "/search"):
        return "/search" + ("?" + referer.query if referer.query else "")
    return "/search"


@router.get("/doc/{doc_id}.json")
def doc_json(doc_id: str, request: Request) -> Response:
    try:
        return JSONResponse(service.document(state(request).reader, doc_id))
    except service.DocumentNotFound:
        return json_error(404, f"no document with id {doc_id!r}")
    except service.SearchUnavailable as exc:
        return json_error(503, str(exc))


@router.get("/doc/{doc_id}")
def doc_html(doc_id: str, request: Request) -> Response:
    try:
        doc = service.document(state(request).reader, doc_id)
    except service.DocumentNotFound:
        return html_error(request, 404, f"no document with id {doc_id!r}")
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    return render(
        request, "doc.html", alternate=f"/doc/{doc_id}.json",
        doc=doc, paragraphs=views.paragraphs(doc.get("body") or ""), back_url=back_to_search(request),
    )
