"""HTML pages and their JSON twins: /search(.json), /doc/{id}(.json), /status(.json), and the
archived copy of a document's page (/archive/{id}). One data function each."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from search_ui import archive, docpage, service, status, views
from search_ui.highlight import mark_terms
from search_ui.query import MAX_QUERY_CHARS, BadRequest, parse_params, strip_share_noise
from search_ui.syntax import QuerySyntaxError, parse_query
from search_ui.web import html_error, json_error, render, render_block, render_streaming, state, translator

router = APIRouter(include_in_schema=False)
HTML_EXTRA = frozenset({"lang"})


def search_context(request: Request) -> dict[str, Any]:
    """What search.html needs, for the whole page and for its results region alone (raises
    BadRequest or SearchUnavailable)."""
    params = parse_params(strip_share_noise(request.query_params.multi_items()), HTML_EXTRA, state(request).config.facets)
    result = service.search(state(request).reader, params, state(request).config.embed, state(request).lexicon, shown_only=True)
    matches = service.region_search(state(request).reader, result.params)
    t = translator(request)
    shown = result.params           # the search that ran: the query's words may have become filters
    page = views.search_page(shown, result, t)
    page.region_matches = views.region_matches(shown, matches)

    def timeline() -> views.TimelineView | None:
        """Called by the template after the results are sent; a failure leaves the chart out."""
        try:
            return views.timeline_view(shown, result.timeline(), t)
        except service.SearchUnavailable:
            return None

    return {"page": page, "p": params, "timeline": timeline, "semantic_available": state(request).config.embed is not None}


@router.get("/")
@router.get("/search")
def search_html(request: Request) -> Response:
    try:
        context = search_context(request)
    except BadRequest as exc:
        return html_error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    return render_streaming(request, "search.html", alternate=context["page"].json_url, brand_heading=True, **context)


@router.get("/search/results")
def search_results_fragment(request: Request) -> Response:
    """The results region of /search (chips, facets, results, map, timeline) alone: what app.js
    swaps in while the user types. The page itself works without it."""
    try:
        context = search_context(request)
    except BadRequest as exc:
        return html_error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    response = render_block(request, "search.html", "results_region", **context)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@router.get("/search.json")
def search_json(request: Request) -> Response:
    return api_search_response(request)


def api_search_response(request: Request) -> Response:
    try:
        params = parse_params(request.query_params.multi_items(), registry=state(request).config.facets)
        result = service.search(state(request).reader, params, state(request).config.embed, state(request).lexicon)
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


def doc_page(request: Request, doc_id: str) -> docpage.DocPage:
    doc = service.document(state(request).reader, doc_id)
    return docpage.build(doc, state(request).reader, state(request).catalog, translator(request))


@router.get("/doc/{doc_id}.json")
def doc_json(doc_id: str, request: Request) -> Response:
    try:
        return JSONResponse(doc_page(request, doc_id).to_json())
    except service.DocumentNotFound:
        return json_error(404, f"no document with id {doc_id!r}")
    except service.SearchUnavailable as exc:
        return json_error(503, str(exc))


@router.get("/doc/{doc_id}")
def doc_html(doc_id: str, request: Request) -> Response:
    try:
        page = doc_page(request, doc_id)
    except service.DocumentNotFound:
        return html_error(request, 404, f"no document with id {doc_id!r}")
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    doc = page.doc
    terms = query_terms(request)
    return render(
        request, "doc.html", alternate=f"/doc/{doc_id}.json",
        doc=doc, page=page, back_url=back_to_search(request), has_catalog=state(request).catalog is not None,
        paragraphs=[mark_terms(p, terms) for p in views.paragraphs(doc.get("body") or "")],
    )


def query_terms(request: Request) -> tuple[str, ...]:
    """The words to highlight on a document page: its own ?q=, else the query of the search it was opened from."""
    q = request.query_params.get("q")
    if q is None:
        referer = urlsplit(request.headers.get("referer", ""))
        if referer.netloc == request.url.netloc and referer.path in ("/", "/search"):
            q = dict(parse_qsl(referer.query)).get("q", "")
    try:
        return parse_query((q or "")[:MAX_QUERY_CHARS]).positive_terms
    except QuerySyntaxError:
        return ()


@router.get("/archive/{doc_id}")
def archived_copy(doc_id: str, request: Request) -> Response:
    """The page as fetched, for the sandboxed frame of the document page (see search_ui/archive.py)."""
    catalog = state(request).catalog
    if catalog is None:
        return html_error(request, 404, "this server keeps no archived copies (no catalog configured)")
    try:
        doc = service.document(state(request).reader, doc_id)
        raw = archive.raw_copy(catalog, doc["url"])
    except service.DocumentNotFound:
        return html_error(request, 404, f"no document with id {doc_id!r}")
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    if raw is None:
        return html_error(request, 404, f"no archived copy of document {doc_id!r}")
    return archive.response(raw)


def status_data(request: Request) -> list[status.SourceStatus] | None:
    catalog = state(request).catalog
    if catalog is None:
        return None
    return status.sources_status(catalog, state(request).config.next_runs)


def alerts_data(request: Request) -> status.AlertsStatus | None:
    catalog = state(request).catalog
    return status.alerts_status(catalog, show_names=state(request).config.users is None) if catalog is not None else None


@router.get("/status.json")
def status_json(request: Request) -> Response:
    try:
        data, alerts = status_data(request), alerts_data(request)
    except status.CatalogUnavailable as exc:
        return json_error(503, str(exc))
    if data is None:
        return json_error(404, "this server has no catalog configured, so crawl status cannot be shown")
    return JSONResponse({"sources": [s.to_json() for s in data], "alerts": alerts.to_json() if alerts else None})


@router.get("/status")
def status_html(request: Request) -> Response:
    try:
        data, alerts = status_data(request), alerts_data(request)
    except status.CatalogUnavailable as exc:
        return html_error(request, 503, str(exc))
    return render(request, "status.html", alternate="/status.json", sources=data, alerts=alerts)
