"""The web app factory: wires config, the search reader, routers, static files and headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from config.errors import ConfigError
from indexer.search_index import filters
from indexer.search_index.reader import SearchReader
from search_ui import openapi, routes_api, routes_export, routes_pages, routes_saved
from search_ui.auth import Users
from search_ui.cache import CachedReader
from search_ui.facets import REGISTRY, FacetRegistry
from search_ui.lexicon import build_lexicon
from search_ui.service import Embedder
from search_ui.status import NextRuns
from search_ui.web import HERE, AppState, html_error, json_error, make_templates, wants_html

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
ALLOW = "GET, HEAD"          # every route but those of saved searches (routes_saved.py) only reads
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


@dataclass(frozen=True)
class WebConfig:
    meili_url: str
    search_key: str           # a search-only key; the master key never reaches the web app or the browser
    index_name: str
    hazard_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # code → {"zh": …, "en": …}
    # the catalog, read only: evidence, versions, archived pages and crawl runs; None = pages without them
    catalog_url: str | None = None
    archive_dir: Path | None = None      # the WARC folder the catalog points into
    next_runs: NextRuns | None = None    # source id → next scheduled crawl, for /status
    embed: Embedder | None = None        # query → vector for semantic (hybrid) search; None = keywords only
    facets: FacetRegistry = REGISTRY     # the facets of the search page, API and exports (search_ui/facets.py)
    public_url: str | None = None        # the site's address for absolute links (GONGGAO_PUBLIC_URL); None = the Host header
    # query understanding (search_ui/understand.py): the taxonomy's hazard keywords (code → words) besides
    # the labels; `understand=False` searches every query's words as typed
    hazard_keywords: dict[str, list[str]] = field(default_factory=dict)
    understand: bool = True
    users: Users | None = None           # the users of a shared install (GONGGAO_AUTH); None = one user, no sign-in


def public_url(value: str | None) -> str | None:
    """GONGGAO_PUBLIC_URL checked and ending with "/"."""
    if not value:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError("GONGGAO_PUBLIC_URL", None, None,
                          f"must be the site's http(s) address, such as https://gonggao.example.org/, got {value!r}")
    return value.strip().rstrip("/") + "/"


class HeadAsGet:
    """HEAD answered as GET without the body (RFC 9110 9.3.2): FastAPI routes declare GET only, so
    without this every HEAD, /healthz's included, was a 405."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Message, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def open_catalog(config: WebConfig) -> Any | None:
    """The catalog, opened without migrating it (the crawler owns its schema), or None."""
    if not config.catalog_url:
        return None
    from indexer.store.catalog import Catalog

    return Catalog(config.catalog_url, archive_dir=config.archive_dir, migrate_schema=False)


def create_app(config: WebConfig) -> FastAPI:
    config.facets.check_filterable(filters.FILTER_ATTRIBUTES, str(filters.INDEX_SETTINGS))
    config = replace(config, public_url=public_url(config.public_url))
    app = FastAPI(
        title="Gonggao search API",
        description="Faceted search over Chinese government announcements about school safety.",
        docs_url=None,          # Swagger UI needs a CDN and inline script; /openapi.json stays
        redoc_url=None,
    )
    app.state.gonggao = AppState(
        config=config,
        reader=CachedReader(SearchReader(config.meili_url, config.search_key, config.index_name)),
        templates=make_templates(),
        catalog=open_catalog(config),
        lexicon=build_lexicon(config.hazard_labels, config.hazard_keywords) if config.understand else None,
    )
    app.include_router(routes_pages.router)
    app.include_router(routes_api.router)
    app.include_router(routes_export.router)
    app.include_router(routes_saved.pages)
    app.include_router(routes_saved.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    openapi.install(app, config.facets)
    app.add_middleware(HeadAsGet)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail)
        response = html_error(request, exc.status_code, message) if wants_html(request) else json_error(exc.status_code, message)
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:
            response.headers["Allow"] = routes_saved.allowed_methods(request.url.path) or ALLOW
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        message = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in exc.errors())
        return html_error(request, 400, message) if wants_html(request) else json_error(400, message)

    return app
