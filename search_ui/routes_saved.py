"""Following a search: /follow (the feed to copy, a preview, a form to save it), the saved-searches
page /saved (list, rename, change alerts, delete; twin /saved.json) and its API
/api/v1/saved-searches.

Writes come only from this router, and only as POST (forms) or POST / PATCH / DELETE (API). A form
post must come from this site (`Sec-Fetch-Site`, else `Origin`, else `Referer`), and the API takes
JSON bodies only, which a page on another site cannot send without a CORS preflight this app never
grants: no other site can make a visitor's browser save or delete searches.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from config.errors import BadInput
from indexer.store.saved_searches import SavedSearches
from search_ui import saved, service
from search_ui.auth import REALM, SINGLE_USER
from search_ui.query import BadRequest, parse_params, strip_share_noise
from search_ui.routes_export import public_base
from search_ui.schemas import ErrorResponse
from search_ui.schemas_saved import SavedSearchIn, SavedSearchList, SavedSearchOut, SavedSearchPatch
from search_ui.web import html_error, json_error, render, state, translator

router = APIRouter()
pages = APIRouter(include_in_schema=False)
MAX_FORM_BYTES = 16_000
PREVIEW_SIZE = 10
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse}, 401: {"model": ErrorResponse}, 404: {"model": ErrorResponse},
    503: {"model": ErrorResponse}}
# the methods each path of this router answers (for the Allow header of a 405)
ALLOWED = {"/saved": "GET, HEAD, POST", "/api/v1/saved-searches": "GET, HEAD, POST"}
ALLOWED_ITEM = {"/saved/": "GET, HEAD, POST", "/api/v1/saved-searches/": "GET, HEAD, PATCH, DELETE"}


def allowed_methods(path: str) -> str | None:
    if path in ALLOWED:
        return ALLOWED[path]
    return next((methods for prefix, methods in ALLOWED_ITEM.items() if path.startswith(prefix)), None)


# --- who and where --------------------------------------------------------------------------------
def store(request: Request) -> SavedSearches:
    catalog = state(request).catalog
    if catalog is None:
        raise HTTPException(503, translator(request)("saved_unavailable"))
    return SavedSearches(catalog.engine)


def owner(request: Request) -> str:
    """The signed-in user of a shared install (401 with a Basic challenge without one), else ""."""
    users = state(request).config.users
    if users is None:
        return SINGLE_USER
    user = users.authenticate(request.headers.get("authorization"))
    if user is None:
        raise HTTPException(401, "sign in to see your saved searches (this server lists its users in GONGGAO_AUTH)",
                            headers={"WWW-Authenticate": REALM})
    return str(user)


def public_only(request: Request) -> bool:
    """A shared install posts webhooks to public addresses only (search_ui/alerts/targets.py)."""
    return state(request).config.users is not None


def same_site(request: Request) -> None:
    """Refuse a form post that another site's page made the browser send."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        ok = fetch_site in ("same-origin", "none")
    else:
        origin = request.headers.get("origin") or request.headers.get("referer")
        ok = bool(origin) and urlsplit(origin).netloc == request.url.netloc
    if not ok:
        raise HTTPException(403, "this form can only be sent from this site's own pages")


async def form_fields(request: Request) -> dict[str, str]:
    """An application/x-www-form-urlencoded body as a dict (the last value of a repeated field)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
    raw = await request.body()
    if len(raw) > MAX_FORM_BYTES:
        raise HTTPException(400, f"the form is too large (at most {MAX_FORM_BYTES} bytes)")
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        raise HTTPException(400, "the form is not UTF-8") from None


Owner = Annotated[str, Depends(owner)]
Form = Annotated[dict[str, str], Depends(form_fields)]


# --- /follow: the human page behind the feed link ----------------------------------------------
@pages.get("/follow")
def follow_page(request: Request) -> Response:
    config = state(request).config
    try:
        params = parse_params(strip_share_noise(request.query_params.multi_items()), frozenset({"lang"}), config.facets)
        query, params = saved.canonical_query(params.query_string(), config.facets)
        preview = service.search(state(request).reader, replace(params, sort="date", page=1, per_page=PREVIEW_SIZE),
                                 config.embed, lexicon=state(request).lexicon, explain=False, shown_only=True)
    except BadRequest as exc:
        return html_error(request, 400, str(exc))
    except service.SearchUnavailable as exc:
        return html_error(request, 503, str(exc))
    base = public_base(request)
    return render(request, "follow.html", params=params, query=query, preview=preview,
                  feed_url=base + params.url("search.atom", page=1), search_url=params.url(),
                  raw_feed=params.url("/search.atom", page=1), default_name=saved.default_name(params, translator(request)),
                  can_save=state(request).catalog is not None)


# --- /saved: the saved-searches page and its form posts -----------------------------------------
@pages.get("/saved")
def saved_page(request: Request, user: Owner) -> Response:
    views = saved.views(store(request), user)
    done = request.query_params.get("done")
    return render(request, "saved.html", alternate="/saved.json", views=views, user=user or None,
                  done=done if done in ("created", "updated", "deleted") else None)


@pages.get("/saved.json")
def saved_json(request: Request, user: Owner) -> Response:
    return JSONResponse({"user": user or None, "searches": [v.to_json() for v in saved.views(store(request), user)]})


@pages.post("/saved")
def saved_create(request: Request, fields: Form, user: Owner) -> Response:
    same_site(request)
    data = {k: v for k, v in fields.items() if k in saved.FIELDS}
    try:
        created = saved.create(store(request), user, data, state(request).config.facets,
                               public_webhooks_only=public_only(request), t=translator(request))
    except BadInput as exc:
        return html_error(request, 400, str(exc))
    return _back(request, "created", created.id)


@pages.get("/saved/{search_id}")
def saved_item_page(search_id: str, request: Request, user: Owner) -> Response:
    """One saved search: its place on the list page."""
    found = saved.get(store(request), user, _id(search_id))
    return RedirectResponse(f"/saved#saved-{found.id}", status_code=303)


@pages.post("/saved/{search_id}")
def saved_item_post(search_id: str, request: Request, fields: Form,
                    user: Owner) -> Response:
    """The forms of the list page: action=rename (name), action=alerts (email, webhook_url), action=delete."""
    same_site(request)
    number, action = _id(search_id), fields.get("action", "")
    try:
        if action == "delete":
            saved.delete(store(request), user, number)
            return _back(request, "deleted", None)
        keys = {"rename": ("name",), "alerts": ("email", "webhook_url")}.get(action)
        if keys is None:
            raise BadInput("'action' must be rename, alerts or delete")
        saved.update(store(request), user, number, {k: fields.get(k, "") for k in keys},
                     public_webhooks_only=public_only(request))
    except saved.UnknownSavedSearch as exc:
        return html_error(request, 404, str(exc))
    except BadInput as exc:
        return html_error(request, 400, str(exc))
    return _back(request, "updated", number)


def _id(text: str) -> int:
    """A saved search id from a path: digits only, else the same 404 as an unknown id."""
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        raise HTTPException(404, f"no saved search with id {text!r}")
    return int(text)


def _back(request: Request, done: str, search_id: int | None) -> Response:
    lang = request.query_params.get("lang")
    query = urlencode([("done", done)] + ([("lang", lang)] if lang else []))
    return RedirectResponse(f"/saved?{query}" + (f"#saved-{search_id}" if search_id else ""), status_code=303)


# --- the API ------------------------------------------------------------------------------------
def _item(request: Request, search: Any) -> dict[str, Any]:
    return saved.SavedView(search, store(request).alert_state(search.id)).to_json()


@router.get("/api/v1/saved-searches", response_model=SavedSearchList, responses=ERRORS,
            summary="Your saved searches with the state of their alerts")
def api_list(request: Request, user: Owner) -> Response:
    return saved_json(request, user)


@router.post("/api/v1/saved-searches", response_model=SavedSearchOut, status_code=201, responses=ERRORS,
             summary="Save a search (its URL parameters) under a name, with e-mail and/or webhook alerts")
def api_create(body: SavedSearchIn, request: Request, user: Owner) -> Response:
    try:
        created = saved.create(store(request), user, body.model_dump(exclude_none=True), state(request).config.facets,
                               public_webhooks_only=public_only(request), t=translator(request))
    except BadInput as exc:
        return json_error(400, str(exc))
    return JSONResponse(_item(request, created), status_code=201,
                        headers={"Location": f"/api/v1/saved-searches/{created.id}"})


@router.get("/api/v1/saved-searches/{search_id}", response_model=SavedSearchOut, responses=ERRORS,
            summary="One saved search")
def api_get(search_id: str, request: Request, user: Owner) -> Response:
    try:
        return JSONResponse(_item(request, saved.get(store(request), user, _id(search_id))))
    except saved.UnknownSavedSearch as exc:
        return json_error(404, str(exc))


@router.patch("/api/v1/saved-searches/{search_id}", response_model=SavedSearchOut, responses=ERRORS,
              summary="Rename a saved search or change where its alerts go")
def api_patch(search_id: str, body: SavedSearchPatch, request: Request, user: Owner) -> Response:
    try:
        updated = saved.update(store(request), user, _id(search_id), body.model_dump(exclude_unset=True),
                               public_webhooks_only=public_only(request))
    except saved.UnknownSavedSearch as exc:
        return json_error(404, str(exc))
    except BadInput as exc:
        return json_error(400, str(exc))
    return JSONResponse(_item(request, updated))


@router.delete("/api/v1/saved-searches/{search_id}", status_code=204, response_class=Response, responses=ERRORS,
               summary="Delete a saved search and its pending alerts")
def api_delete(search_id: str, request: Request, user: Owner) -> Response:
    try:
        saved.delete(store(request), user, _id(search_id))
    except saved.UnknownSavedSearch as exc:
        return json_error(404, str(exc))
    return Response(status_code=204)
