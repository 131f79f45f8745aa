"""The data functions: one per page. Each returns plain data; the routes pick HTML or JSON.

They talk to Meilisearch only through `indexer.search_index.reader.SearchReader` (search-only
key) and turn its failures into `SearchUnavailable`, never a traceback to the user.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Protocol

from indexer.search_index.reader import SEARCH_ERRORS
from search_ui.highlight import snippet_html, title_html
from search_ui.query import SearchParams, build_plan, merge_facets

log = logging.getLogger(__name__)
# Meilisearch document ids: a-z A-Z 0-9 - _ , at most 511 bytes
DOC_ID = re.compile(r"[A-Za-z0-9_-]{1,511}")


class Reader(Protocol):
    def search(self, query: str, params: dict[str, Any]) -> dict[str, Any]: ...
    def get(self, doc_id: str) -> dict[str, Any] | None: ...


class SearchUnavailable(RuntimeError):
    """Meilisearch did not answer (down, unreachable, key refused, timed out)."""


class DocumentNotFound(LookupError):
    pass


UNAVAILABLE = "The search service (Meilisearch) is not reachable right now; please try again in a minute."


@dataclass(frozen=True)
class SearchResult:
    params: SearchParams
    total: int
    total_pages: int
    hits: list[dict[str, Any]]          # documents + "snippet" and "title_html" (Markup)
    facets: dict[str, dict[str, int]]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.params.page,
            "per_page": self.params.per_page,
            "total_pages": self.total_pages,
            "sort": self.params.effective_sort,
            "hits": [{**h, "snippet": str(h["snippet"]), "title_html": str(h["title_html"])} for h in self.hits],
            "facets": self.facets,
        }


def _call(fn, *args):
    try:
        return fn(*args)
    except SEARCH_ERRORS as exc:
        log.warning("Meilisearch request failed: %s", exc)
        code = getattr(exc, "code", None)          # set on API errors (the server answered)
        if code:
            raise SearchUnavailable(
                f"The search service answered with an error ({code}); the index may be missing, "
                "being rebuilt or misconfigured. Please try again later."
            ) from exc
        raise SearchUnavailable(UNAVAILABLE) from exc


def public_fields(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit without Meilisearch's own `_…` fields: the Document shape."""
    return {k: v for k, v in hit.items() if not k.startswith("_")}


def search(reader: Reader, params: SearchParams) -> SearchResult:
    plan = build_plan(params)
    answers = [(planned, _call(reader.search, planned.query, planned.params)) for planned in plan]
    main = answers[0][1]
    hits = [
        {**public_fields(hit), "snippet": snippet_html(hit), "title_html": title_html(hit)}
        for hit in main.get("hits") or []
    ]
    return SearchResult(
        params=params,
        total=int(main.get("totalHits") or 0),
        total_pages=int(main.get("totalPages") or 0),
        hits=hits,
        facets=merge_facets(params, answers),
    )


def document(reader: Reader, doc_id: str) -> dict[str, Any]:
    if not DOC_ID.fullmatch(doc_id):
        raise DocumentNotFound(doc_id)
    hit = _call(reader.get, doc_id)
    if not hit:
        raise DocumentNotFound(doc_id)
    return public_fields(hit)


def healthy(reader: Reader) -> bool:
    try:
        _call(reader.search, "", {"limit": 0})
        return True
    except SearchUnavailable:
        return False
