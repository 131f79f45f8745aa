"""The data functions: one per page. Each returns plain data; the routes pick HTML or JSON.

They talk to Meilisearch only through `indexer.search_index.reader.SearchReader` (search-only
key) and turn its failures into `SearchUnavailable`, never a traceback to the user.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from config.errors import NotFound, Unavailable
from indexer.search_index.filters import all_of, any_of
from indexer.search_index.reader import SEARCH_ERRORS
from indexer.search_index.sync import INDEX_ONLY_FIELDS
from indexer.text.chinese import to_simplified
from search_ui import runner, timeline
from search_ui.highlight import snippet_html, title_html
from search_ui.parsing import REGION_LEVELS
from search_ui.query import SearchParams, build_plan, common_params, filter_without, merge_facets
from search_ui.semantic import Embedder, Semantic, for_params
from search_ui.syntax import MAX_WORDS, ParsedQuery, parse_query
from search_ui.timeline import Timeline

log = logging.getLogger(__name__)
T = TypeVar("T")
# Meilisearch document ids: a-z A-Z 0-9 - _ , at most 511 bytes
DOC_ID = re.compile(r"[A-Za-z0-9_-]{1,511}")


class Reader(Protocol):
    """What the app needs of indexer.search_index.reader.SearchReader."""

    index_name: str

    def search(self, query: str, params: dict[str, Any]) -> dict[str, Any]: ...
    def multi_search(self, queries: list[dict[str, Any]], federation: dict[str, Any] | None = None) -> dict[str, Any]: ...
    def facet_search(self, facet: str, facet_query: str, query: str = "", filter: str | None = None) -> dict[str, Any]: ...
    def get(self, doc_id: str) -> dict[str, Any] | None: ...


class SearchUnavailable(Unavailable):
    """Meilisearch did not answer (down, unreachable, key refused, timed out)."""


class DocumentNotFound(NotFound):
    pass


UNAVAILABLE = "The search service (Meilisearch) is not reachable right now; please try again in a minute."


@dataclass
class SearchResult:
    params: SearchParams
    total: int
    total_pages: int
    hits: list[dict[str, Any]]          # documents + "snippet" and "title_html" (Markup)
    facets: dict[str, dict[str, int]]
    parsed: ParsedQuery = field(default_factory=ParsedQuery)
    semantic: bool = False              # hybrid search was used
    main_answer: dict[str, Any] = field(default_factory=dict, repr=False)
    semantic_side: Semantic | None = field(default=None, repr=False)   # the vector and floor, when semantic
    _timeline: Timeline | None = field(default=None, repr=False)
    _reader: Any = field(default=None, repr=False)

    @property
    def query_info(self) -> dict[str, Any]:
        return {
            "used": list(self.parsed.used),
            "dropped": list(self.parsed.dropped),
            "alternatives": list(self.parsed.alternatives) if self.params.q else [],
            "estimated_words": self.parsed.estimated_words,
            "max_words": MAX_WORDS,
        }

    def timeline(self) -> Timeline:
        """The timeline, computed on first use (one more multi-search); the HTML page asks for
        it only after the results have been sent."""
        if self._timeline is None:
            plan = timeline.plan(self.params, self.main_answer)
            if self.semantic_side is not None:
                plan = self.semantic_side.apply_all(plan)
            answers = call_search(runner.run, self._reader, plan) if plan else []
            self._timeline = timeline.build(self.params, self.main_answer, answers)
        return self._timeline

    def to_json(self, with_timeline: bool = True) -> dict[str, Any]:
        out = {
            "total": self.total,
            "page": self.params.page,
            "per_page": self.params.per_page,
            "total_pages": self.total_pages,
            "sort": self.params.effective_sort,
            "distinct": not self.params.all_copies,
            "semantic": self.semantic,
            "query": self.query_info,
            "hits": [{**h, "snippet": str(h["snippet"]), "title_html": str(h["title_html"])} for h in self.hits],
            "facets": self.facets,
        }
        if with_timeline:
            out["timeline"] = self.timeline().to_json()
        return out


def call_search(fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)`, with Meilisearch's failures turned into SearchUnavailable."""
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
    """A hit without Meilisearch's own `_…` fields and the index's derived ones: the Document shape."""
    return {k: v for k, v in hit.items() if not k.startswith("_") and k not in INDEX_ONLY_FIELDS}


def search(reader: Reader, params: SearchParams, embed: Embedder | None = None, shown_only: bool = False) -> SearchResult:
    """Results and facets in one round trip (one multi-search; more only for OR queries).

    With `params.semantic` and an embedder, every search of the page is hybrid and keeps only the
    documents above the relevance floor (search_ui/semantic.py). With `shown_only`, only the facet
    counts the search page shows (query.build_plan)."""
    keyword_plan = build_plan(params, charts=True, shown_only=shown_only)
    semantic = for_params(params, embed)
    plan = semantic.apply_all(keyword_plan) if semantic else keyword_plan
    try:
        answers = call_search(runner.run, reader, plan)
    except SearchUnavailable:
        if semantic is None:
            raise
        log.warning("hybrid search refused (no embedder in the index?); searching by keywords only")
        plan, semantic = keyword_plan, None
        answers = call_search(runner.run, reader, plan)
    main = answers[0]
    hits = [
        {**public_fields(hit), "snippet": snippet_html(hit), "title_html": title_html(hit)}
        for hit in main.get("hits") or []
    ]
    total = int(main.get("totalHits") or main.get("estimatedTotalHits") or 0)
    pages = int(main.get("totalPages") or (math.ceil(total / params.per_page) if total else 0))
    return SearchResult(
        params=params,
        total=total,
        total_pages=pages,
        hits=hits,
        facets=merge_facets(params, list(zip(plan, answers, strict=False))),
        parsed=parse_query(params.q),
        semantic=semantic is not None,
        main_answer=main,
        semantic_side=semantic,
        _reader=reader,
    )


def document(reader: Reader, doc_id: str) -> dict[str, Any]:
    if not DOC_ID.fullmatch(doc_id):
        raise DocumentNotFound(doc_id)
    hit = call_search(reader.get, doc_id)
    if not hit:
        raise DocumentNotFound(doc_id)
    return public_fields(hit)


def healthy(reader: Reader) -> bool:
    try:
        call_search(reader.search, "", {"limit": 0})
        return True
    except SearchUnavailable:
        return False


def region_search(reader: Reader, params: SearchParams, limit: int = 20) -> list[tuple[str, int]]:
    """Regions at any level whose name starts with what was typed into the region list
    (params.region_q), counted within the current search without its region filter: typing 汉阴
    finds 陕西省 > 安康市 > 汉阴县.

    Meilisearch's facet search matches the start of a value, so it runs on the names
    (province, city, county); one search per level then turns the names into region paths
    (a name such as 朝阳区 can stand for several)."""
    if not params.region_q or "region" not in params.registry:
        return []
    parsed = parse_query(params.q)
    query, base = parsed.alternatives[0], filter_without(params, "region")
    typed = to_simplified(params.region_q)
    found: list[tuple[str, int]] = []
    for name_attr, path_attr in zip(("province", "city", "county"), REGION_LEVELS, strict=False):
        hits = call_search(reader.facet_search, name_attr, typed, query, base or None).get("facetHits") or []
        names = [h["value"] for h in hits]
        if not names:
            continue
        answer = call_search(reader.search, query, {"filter": all_of([base, any_of(name_attr, names)]), "limit": 0,
                                                    "facets": [path_attr], **common_params(params, parsed)})
        dist = (answer.get("facetDistribution") or {}).get(path_attr) or {}
        found += sorted(((str(k), int(v)) for k, v in dist.items()), key=lambda kv: (-kv[1], kv[0]))
    return found[:limit]
