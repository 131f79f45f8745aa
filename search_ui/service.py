"""The data functions: one per page. Each returns plain data; the routes pick HTML or JSON.

They talk to Meilisearch only through `indexer.search_index.reader.SearchReader` (search-only
key) and turn its failures into `SearchUnavailable`, never a traceback to the user.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from config.errors import NotFound, Unavailable
from indexer.search_index.filters import all_of, any_of
from indexer.search_index.reader import SEARCH_ERRORS
from indexer.search_index.sync import INDEX_ONLY_FIELDS
from indexer.text.chinese import to_simplified
from search_ui import runner, timeline
from search_ui.highlight import snippet_html, title_html
from search_ui.parsing import REGION_LEVELS
from search_ui.query import (
    PlannedSearch,
    SearchParams,
    build_plan,
    common_params,
    count_search,
    deferred_facets,
    deferred_plan,
    filter_without,
    merge_facets,
)
from search_ui.relax import Relaxed, nearest, relaxations
from search_ui.semantic import Embedder, Semantic, for_params
from search_ui.syntax import MAX_WORDS, ParsedQuery, parse_query
from search_ui.timeline import Timeline
from search_ui.understand import Lexicon, Meaning, Reading, Understanding, understand

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


@dataclass
class Offer:
    """A reading of the query not applied, offered as a one-click filter: its search and count."""

    reading: Reading
    meaning: Meaning
    params: SearchParams
    total: int = 0


@dataclass
class Understood:
    """What the query's words were read as (search_ui/understand.py) and what became of it."""

    understanding: Understanding
    requested: SearchParams                    # the search as asked (its URL); result.params is what ran
    applied: tuple[Reading, ...] = ()          # readings applied as filters (empty: the words as typed)
    literal_total: int | None = None           # hits of the words as typed, when readings were applied
    offers: list[Offer] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        applied = set(map(id, self.applied))
        return {
            "query": self.requested.q,
            "applied": bool(self.applied),
            "literal": self.requested.literal,
            "readings": [{"text": r.text, "kind": r.kind, "certain": r.certain, "applied": id(r) in applied,
                          "meanings": [meaning_json(m) for m in r.meanings]} for r in self.understanding.readings],
            "literal_total": self.literal_total,
            "literal_query_string": self.requested.query_string(literal=True, page=1) if self.applied else None,
            "offers": [{"text": o.reading.text, "kind": o.reading.kind, **meaning_json(o.meaning), "total": o.total,
                        "query_string": o.params.query_string()} for o in self.offers],
        }


def meaning_json(m: Meaning) -> dict[str, Any]:
    if m.param == "range":
        return {"param": "range", "value": {"from": m.value[0].isoformat(), "to": m.value[1].isoformat()}}
    return {"param": m.param, "value": m.value}


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
    understood: Understood | None = None       # set when the query's words were read as places, dates, hazards
    relaxed: list[Relaxed] | None = None       # no results: the searches next to this one, counted
    uncounted: frozenset[str] = frozenset()    # facets left uncounted on a large result set (Facet.exact_within)
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
        out["understanding"] = self.understood.to_json() if self.understood else None
        out["zero"] = zero_json(self.relaxed) if self.relaxed is not None else None
        if with_timeline:
            out["timeline"] = self.timeline().to_json()
        return out


def zero_json(relaxed: list[Relaxed]) -> dict[str, Any]:
    return {
        "filters": [{"param": r.what, "total": r.total, "query_string": r.params.query_string()}
                    for r in relaxed if r.kind == "filter"],
        "nearest": [{"kind": r.kind, "left_out": r.what, "total": r.total, "query_string": r.params.query_string()}
                    for r in nearest(relaxed)],
    }


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


def search(reader: Reader, params: SearchParams, embed: Embedder | None = None,
           lexicon: Lexicon | None = None, explain: bool = True, shown_only: bool = False) -> SearchResult:
    """Results and facets in one round trip (one multi-search; more only for OR queries).

    With `params.semantic` and an embedder, every search of the page is hybrid and keeps only the
    documents above the relevance floor (search_ui/semantic.py). With `shown_only`, only the facet
    counts the search page shows (query.build_plan).

    With a lexicon, the query's words are read first (search_ui/understand.py): the readings that
    can be applied are, when the search with them still finds something; else the words as typed
    are searched (a second request). The same request counts the words as typed (for the page to
    say what they find) and, with `explain`, the readings not applied, offered as filters. A search
    that finds nothing gets its neighbours counted (search_ui/relax.py): one more request, made
    only then."""
    reading = read_query(params, lexicon)
    applied = () if params.literal else reading.applicable(params)
    tried: SearchParams | None = None          # the readings applied, when that found nothing
    result: SearchResult | None = None
    offers: list[Offer] = []
    if applied:
        offers = offered(reading, params, applied) if explain else []
        result, extra = _search(reader, reading.apply(params, applied), embed, shown_only,
                                [count_search(params, "literal"), *(count_search(o.params, "offer") for o in offers)])
        literal_total: int | None = answer_total(extra[0])
        totals = [answer_total(a) for a in extra[1:]]
        if not result.total:
            tried, result = result.params, None
    if result is None:
        applied, literal_total = (), None
        offers = offered(reading, params, applied) if reading and explain else []
        result, extra = _search(reader, params, embed, shown_only, [count_search(o.params, "offer") for o in offers])
        totals = [answer_total(a) for a in extra]
    if reading:
        result.understood = Understood(reading, params, applied, literal_total,
                                       [replace(o, total=n) for o, n in zip(offers, totals, strict=True) if n])
    if explain and not result.total:
        result.relaxed = count_relaxed(reader, result.params, tried)
    return result


def count_relaxed(reader: Reader, params: SearchParams, tried: SearchParams | None) -> list[Relaxed]:
    """The searches next to one that found nothing, counted: next to the words as typed, and next
    to what they were read as (`tried`): 陕西 溺水 2024 火星 is nearest to the filters 陕西省,
    drowning, 2024 without the word 火星."""
    relaxed = relaxations(params)
    if tried:          # what is left of the words, one at a time (all of them when one is left)
        relaxed += [replace(r, kind="word", what=tried.q) if r.kind == "words" else r
                    for r in relaxations(tried) if r.kind in ("word", "words")]
    if not relaxed:
        return []
    answers = call_search(runner.run, reader, [count_search(r.params, "relaxed") for r in relaxed])
    return [replace(r, total=answer_total(a)) for r, a in zip(relaxed, answers, strict=True)]


def effective_params(reader: Reader, params: SearchParams, lexicon: Lexicon | None) -> SearchParams:
    """The search that `search` runs for these parameters (the readings applied or not), for the
    exports: the same URL takes away the documents its page shows. One count when there are
    readings to apply."""
    reading = read_query(params, lexicon)
    applied = () if params.literal else reading.applicable(params)
    if not applied:
        return params
    understood = reading.apply(params, applied)
    return understood if answer_total(call_search(runner.run, reader, [count_search(understood)])[0]) else params


def read_query(params: SearchParams, lexicon: Lexicon | None) -> Understanding:
    """The readings of the query's words; none for a semantic search (a question in words) or a
    search in document numbers (文号 hold years: 〔2024〕)."""
    if lexicon is None or not params.q or params.semantic or params.search_in == "doc_number":
        return Understanding()
    return understand(params.q, lexicon, params.today)


def offered(reading: Understanding, params: SearchParams, applied: tuple[Reading, ...]) -> list[Offer]:
    """Each meaning of each reading not applied, as the search shown plus that filter."""
    done = set(map(id, applied))
    return [Offer(r, m, reading.apply(params, (*applied, r), {id(r): m}))
            for r in reading.readings if id(r) not in done for m in r.meanings]


def answer_total(answer: dict[str, Any]) -> int:
    return int(answer.get("totalHits") or answer.get("estimatedTotalHits") or 0)


def _search(reader: Reader, params: SearchParams, embed: Embedder | None, shown_only: bool = False,
            extra: list[PlannedSearch] | None = None) -> tuple[SearchResult, list[dict[str, Any]]]:
    """One search page, and the answers of `extra` searches sent in the same request."""
    keyword_plan = build_plan(params, charts=True, shown_only=shown_only) + list(extra or [])
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
    own = len(plan) - len(extra or [])
    main = answers[0]
    parsed = parse_query(params.q)
    terms = parsed.positive_terms
    hits = [
        {**public_fields(hit), "snippet": snippet_html(hit, terms), "title_html": title_html(hit, terms)}
        for hit in main.get("hits") or []
    ]
    total = int(main.get("totalHits") or main.get("estimatedTotalHits") or 0)
    pages = int(main.get("totalPages") or (math.ceil(total / params.per_page) if total else 0))
    facets = merge_facets(params, list(zip(plan[:own], answers[:own], strict=False)))
    uncounted: frozenset[str] = frozenset()
    if shown_only and deferred_facets(params):
        facets, uncounted = _count_deferred(reader, params, total, facets, semantic)
    result = SearchResult(
        params=params,
        total=total,
        total_pages=pages,
        hits=hits,
        facets=facets,
        uncounted=uncounted,
        parsed=parsed,
        semantic=semantic is not None,
        main_answer=main,
        semantic_side=semantic,
        _reader=reader,
    )
    return result, answers[own:]


def _count_deferred(reader: Reader, params: SearchParams, total: int, facets: dict[str, dict[str, int]],
                    semantic: Semantic | None) -> tuple[dict[str, dict[str, int]], frozenset[str]]:
    """The page's facets with the deferred ones (issuers, sites) counted where the result set is
    small enough (query.deferred_plan), and the parameters of those it is too large for."""
    plan = deferred_plan(params, total)
    if semantic is not None:
        plan = semantic.apply_all(plan)
    for answer in call_search(runner.run, reader, plan) if plan else []:
        for attr, dist in (answer.get("facetDistribution") or {}).items():
            facets[attr] = {str(k): int(v) for k, v in dist.items()}
    return facets, frozenset(f.param for f in deferred_facets(params) if total > (f.exact_within or 0))


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
