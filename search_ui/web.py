"""What the routes share: the per-app state, templates, language choice and error responses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from jinja2 import ChainableUndefined, Environment, FileSystemLoader

from config.vocabulary import DateSource
from search_ui import i18n
from search_ui.views import fmt_day, fmt_ts, local_date, shown_total

HERE = Path(__file__).resolve().parent
COOKIE_MAX_AGE = 365 * 24 * 3600
FLUSH = "<!--flush-->"        # in a template: send what is above now (see render_streaming)
# A Link header longer than this is left out (the page still links its JSON twin in <head> and in
# the footer): query.MAX_TOTAL_CHARS bounds the parameters, but percent-encoded Chinese takes nine
# bytes a character, and proxies commonly refuse headers above 4–8 KB.
MAX_LINK_CHARS = 2048
R = TypeVar("R", bound=Response)


@dataclass(frozen=True)
class AppState:
    config: Any            # search_ui.app.WebConfig
    reader: Any            # indexer.search_index.reader.SearchReader
    templates: Environment
    catalog: Any = None    # indexer.store.catalog.Catalog, read only; None when not configured
    lexicon: Any = None    # search_ui.understand.Lexicon: the names queries are read with; None = words as typed


def make_templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,                 # every template, whatever its name
        undefined=ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ts"] = fmt_ts
    env.filters["safe_url"] = safe_url
    env.filters["day"] = fmt_day
    env.filters["shown_total"] = shown_total
    env.filters["local_date"] = local_date
    env.filters["date_source"] = lambda source, t: DateSource.describe(source, t.lang)
    return env


def safe_url(url: object) -> str:
    """Only http(s) links from crawled data reach an href; anything else ("javascript:…") is dropped."""
    text = str(url or "").strip()
    return text if urlsplit(text).scheme.lower() in ("http", "https") else ""


def state(request: Request) -> AppState:
    return request.app.state.gonggao


def translator(request: Request) -> i18n.Translator:
    lang = i18n.pick_lang(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE))
    return i18n.Translator(lang, state(request).config.hazard_labels)


def same_site_path(path: str) -> str:
    """A request path as a link that stays on this site. Leading slashes and backslashes become one
    "/" (the path of `GET //evil.example/x` would otherwise be a link to evil.example; browsers read
    `/\\` as `//`), and the rest is percent-encoded (browsers drop tabs and newlines from links)."""
    return quote("/" + path.lstrip("/\\"), safe="/:@!$&'()*+,;=-._~")


def switch_lang_url(request: Request, lang: str) -> str:
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", lang)]
    return same_site_path(request.url.path) + "?" + urlencode(pairs)


def render(request: Request, template: str, status: int = 200, alternate: str | None = None, **context: Any) -> HTMLResponse:
    html = state(request).templates.get_template(template).render(**_page_context(request, alternate), **context)
    return _with_page_headers(request, HTMLResponse(html, status_code=status), alternate)


def render_block(request: Request, template: str, block: str, **context: Any) -> HTMLResponse:
    """One block of a template, alone (a fragment for a script to swap into the page)."""
    tmpl = state(request).templates.get_template(template)
    html = "".join(tmpl.blocks[block](tmpl.new_context({**_page_context(request, None), **context})))
    return HTMLResponse(html.replace(FLUSH, ""))


def render_streaming(request: Request, template: str, alternate: str | None = None, **context: Any) -> StreamingResponse:
    """The page sent in two parts: everything before the template's FLUSH marker at once, the rest
    (which may run slower searches, such as the timeline's) when it is ready."""
    pieces = state(request).templates.get_template(template).generate(**_page_context(request, alternate), **context)

    def chunks() -> Iterator[str]:
        buffer: list[str] = []
        for piece in pieces:
            buffer.append(piece)
            if FLUSH in piece:
                yield "".join(buffer)
                buffer.clear()
        yield "".join(buffer)

    return _with_page_headers(request, StreamingResponse(chunks(), media_type="text/html; charset=utf-8"), alternate)


def _page_context(request: Request, alternate: str | None) -> dict[str, Any]:
    return {"t": translator(request), "lang_urls": {lang: switch_lang_url(request, lang) for lang in i18n.LANGS},
            "alternate": alternate}


def _with_page_headers(request: Request, response: R, alternate: str | None) -> R:
    if alternate and len(alternate) <= MAX_LINK_CHARS:
        response.headers["Link"] = f'<{alternate}>; rel="alternate"; type="application/json"'
    chosen = request.query_params.get("lang")
    if chosen in i18n.LANGS and request.cookies.get(i18n.COOKIE) != chosen:
        response.set_cookie(i18n.COOKIE, chosen, max_age=COOKIE_MAX_AGE, httponly=True, samesite="lax")
    return response


def json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def html_error(request: Request, status: int, message: str) -> Response:
    t = translator(request)
    title = t(f"error_{status}") if f"error_{status}" in i18n.STRINGS else t("error")
    return render(request, "error.html", status=status, status_code=status, title=title, message=message)


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path in ("/healthz", "/openapi.json"):
        return False
    return ("text/html" in request.headers.get("accept", "") or path in ("/", "/status", "/follow")
            or path.startswith(("/search", "/doc/", "/archive/", "/saved")))
