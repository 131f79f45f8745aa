"""Taking results away: /search.csv, /search.xlsx, /search.jsonl (every hit), /search.atom and
/timeline.csv (the data of the search page's timeline).

They take the search page's URL parameters, so every search can be exported or followed by
changing the path; a semantic search (`semantic=1`) returns the same documents as its page. A
refusal (too many hits, bad parameter, search down) is a page for a browser and {"error": …}
for any other client.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse

from search_ui import export, feed, semantic, service
from search_ui.openapi import EXPORT, TABLE
from search_ui.parsing import parse_flag
from search_ui.query import BadRequest, SearchParams, parse_params, strip_share_noise
from search_ui.schemas import ErrorResponse
from search_ui.web import html_error, json_error, state, translator

router = APIRouter()
EXTRA = frozenset({"lang"})
TABLE_EXTRA = frozenset({"lang", "full"})
FORMAT_SUMMARY = "Every hit of a search (at most 10,000), streamed; same parameters as /api/v1/search"
# a refusal: {"error": …} for a program, a page for a browser (Accept: text/html)
REFUSED = {"model": ErrorResponse, "content": {"text/html": {}}}


def responses(media_type: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {media_type: {}}}, 400: REFUSED, 503: REFUSED}


def _error(request: Request, status: int, message: str) -> Response:
    if "text/html" in request.headers.get("accept", ""):
        return html_error(request, status, message)
    return json_error(status, message)


def _params(request: Request, extra: frozenset[str] = EXTRA) -> SearchParams:
    return parse_params(strip_share_noise(request.query_params.multi_items()), extra, state(request).config.facets)


def public_base(request: Request) -> str:
    """The site's address for absolute links, ending with "/": the configured public URL
    (GONGGAO_PUBLIC_URL) when set, else the address this request came to (its Host header)."""
    return state(request).config.public_url or str(request.base_url)


def _export(request: Request, fmt: str) -> Response:
    try:
        params = service.effective_params(state(request).reader, _params(request, TABLE_EXTRA), state(request).lexicon)
        full = parse_flag(request.query_params.get("full", "").strip(), "full")
        source = export.ExportSource(state(request).reader, params, semantic.for_params(params, state(request).config.embed))
    except (BadRequest, export.ExportTooLarge) as exc:
        return _error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return _error(request, 503, str(exc))
    table = export.Table(export.columns(source.params.registry, full), translator(request),
                         export.Links(public_base(request), archive=state(request).catalog is not None))
    return StreamingResponse(
        export.WRITERS[fmt](source.documents(), table),
        media_type=export.FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="{export.filename(fmt)}"',
                 "X-Total-Count": str(source.total)},
    )


@router.get("/search.csv", summary="Export as CSV (UTF-8 with BOM)", description=FORMAT_SUMMARY,
            response_class=StreamingResponse, responses=responses("text/csv"), openapi_extra=TABLE)
def export_csv(request: Request) -> Response:
    return _export(request, "csv")


@router.get("/search.xlsx", summary="Export as an Excel workbook", description=FORMAT_SUMMARY,
            response_class=StreamingResponse, responses=responses(export.FORMATS["xlsx"]), openapi_extra=TABLE)
def export_xlsx(request: Request) -> Response:
    return _export(request, "xlsx")


@router.get("/search.jsonl", summary="Export as JSON Lines (one document per line)", description=FORMAT_SUMMARY,
            response_class=StreamingResponse, responses=responses("application/x-ndjson"), openapi_extra=TABLE)
def export_jsonl(request: Request) -> Response:
    return _export(request, "jsonl")


@router.get("/search.atom", summary="Atom feed of a search (newest 50)",
            description="Same parameters as /api/v1/search; entries newest first, ids stable (tag: URIs)",
            response_class=Response, responses=responses("application/atom+xml"), openapi_extra=EXPORT)
def search_atom(request: Request) -> Response:
    try:
        params = _params(request)
        result = service.search(state(request).reader, replace(params, sort="date", page=1, per_page=feed.FEED_SIZE),
                                state(request).config.embed, lexicon=state(request).lexicon, explain=False, shown_only=True)
    except BadRequest as exc:
        return _error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return _error(request, 503, str(exc))
    base = public_base(request)
    body = feed.build(
        params, result.hits, base_url=base,
        self_url=base + params.url("search.atom", page=1),
        html_url=base + params.url("search", page=1),
        hazard_label=translator(request).hazard,
    )
    return Response(body, media_type=feed.MEDIA_TYPE)


@router.get("/timeline.csv", summary="The timeline of a search as CSV (UTF-8 with BOM)",
            description="Same parameters as /api/v1/search: documents per period (month, week or year, as the "
                        "search page draws it) and per hazard; a document counts under each of its hazards",
            response_class=StreamingResponse, responses=responses("text/csv"), openapi_extra=EXPORT)
def timeline_csv(request: Request) -> Response:
    try:
        params = _params(request)
        result = service.search(state(request).reader, replace(params, page=1, per_page=1), state(request).config.embed,
                                lexicon=state(request).lexicon, explain=False, shown_only=True)
        chart = result.timeline()
    except BadRequest as exc:
        return _error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return _error(request, 503, str(exc))
    return StreamingResponse(
        export.csv_rows(export.timeline_rows(chart, translator(request))),
        media_type=export.FORMATS["csv"],
        headers={"Content-Disposition": f'attachment; filename="{export.filename("csv").replace("gonggao-", "gonggao-timeline-")}"'},
    )
