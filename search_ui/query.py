"""URL parameters ↔ Meilisearch requests. Pure: no I/O, no web framework.

`parse_params` turns the query string into a `SearchParams` (or raises `BadRequest` with a
message a user can act on); `build_plan` turns `SearchParams` into the Meilisearch searches
to run (the main one plus one per active facet group, for disjunctive facet counts);
`merge_facets` folds the answers back together. What each facet parameter means comes from the
facet registry (search_ui/facets.py) the params carry; this module names no facet. Every filter
goes through `indexer.search_index.filters`, so request values are always quoted and attribute
names always come from its allowlist.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

from indexer.search_index.filters import all_of, between
from search_ui.facets import MATCH_MODES, MAX_VALUES_PER_PARAM, REGISTRY, Facet, FacetRegistry
from search_ui.parsing import (
    BadRequest,
    check_choice,
    check_length,
    parse_date,
    parse_flag,
    parse_int,
)
from search_ui.syntax import ParsedQuery, QuerySyntaxError, parse_query

TZ = ZoneInfo("Asia/Shanghai")
SORTS = ("relevance", "date", "date_asc")
DATE_SORTS = {"date": "desc", "date_asc": "asc"}
COPIES = ("one", "all")
# date=…: a span that moves with the calendar (Asia/Shanghai), so a saved link stays "the last 7 days"
DATE_PRESETS = ("7d", "30d", "this_year", "last_year")
# in=…: the only field the words are matched in (Meilisearch attributesToSearchOn); default every searchable field
SEARCH_IN = {"title": ("title_search",), "doc_number": ("doc_number",)}

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 999_999_999
MAX_QUERY_CHARS = 200
REGION_Q_CHARS = 50
# All parameter names and values together, in characters. The longest real search (a 200-character
# query, a dozen regions and hazards) is under 1,500; a longer one is refused rather than copied
# into filters, links and the Link header.
MAX_TOTAL_CHARS = 4000
# Meilisearch highlight tags: private-use characters, replaced after HTML-escaping (see highlight.py)
PRE_TAG = "\ue000"
POST_TAG = "\ue001"
CROP_WORDS = 40

DISTINCT_ATTRIBUTE = "cluster_id"
CANONICAL_ONLY = "is_canonical = true"
# the timeline's facets (search_ui/timeline.py), counted on the main search: documents per month
# and per month and hazard (the compound facet), or per week and per week and hazard for a short
# date range, and the hazards of the result set (which, while a hazard filter is active, the
# disjunctive count search replaces on the facet list)
MONTH_CHART_FACETS = ("month", "month_hazard", "hazards")
WEEK_CHART_FACETS = ("week", "week_hazard", "hazards")
CHART_FACETS = tuple(dict.fromkeys(MONTH_CHART_FACETS + WEEK_CHART_FACETS))
WEEK_MODE_MAX_DAYS = 92          # a date range shorter than this is drawn in weeks
# The document fields a page shows of each hit (the results list, its snippet, the Atom feed, the
# follow page): the page asks for these only. Meilisearch writes every retrieved field twice when it
# highlights (the hit and `_formatted`); retrieving all of them was a fifth of the result search's
# time at 1M documents (bench/load_search.py). The JSON API still returns whole documents.
SHOWN_FIELDS = ("id", "title", "url", "body", "lead", "published_at", "published_date", "issuer", "site_name",
                "source_id", "source_type", "region", "hazards", "reprints")


@dataclass(frozen=True)
class Param:
    """A search parameter that is not a facet's: its name, OpenAPI schema and description."""

    name: str
    schema: dict[str, Any]
    description: str
    repeatable: bool = False


DATE_SCHEMA = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
CORE_PARAMS = (
    Param("q", {"type": "string", "maxLength": MAX_QUERY_CHARS},
          'Keywords; "a phrase", -excluded, a OR b. Traditional is converted to Simplified'),
    Param("from", DATE_SCHEMA, "First day, YYYY-MM-DD (Asia/Shanghai), inclusive; 1900-01-01 to 2100-12-31"),
    Param("to", DATE_SCHEMA, "Last day, YYYY-MM-DD (Asia/Shanghai), inclusive; 1900-01-01 to 2100-12-31"),
    Param("date", {"type": "string", "enum": list(DATE_PRESETS)},
          "A date span counted back from today (Asia/Shanghai): 7d (the last 7 days, today included), 30d, "
          "this_year, last_year (whole calendar years). With from/to as well, both apply"),
    Param("sort", {"type": "string", "enum": list(SORTS)},
          "relevance | date (newest first) | date_asc (oldest first); default relevance with a query, date without"),
    Param("in", {"type": "string", "enum": list(SEARCH_IN)},
          "Match the words in one field only: title, or doc_number (文号); default every searchable field"),
    Param("literal", {"type": "string", "enum": ["0", "1"]},
          "1: search the words as typed; 0 or absent: place names, dates and hazard names in q may become "
          "filters (the answer's `understanding` says which)"),
    Param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "1-based page number"),
    Param("per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
          f"Hits per page, 1–{MAX_PER_PAGE} (default {DEFAULT_PER_PAGE})"),
    Param("facet", {"type": "string"}, "Facet attributes to count (default all). Repeatable", repeatable=True),
    Param("copies", {"type": "string", "enum": list(COPIES)},
          "one (default: one result per reprint cluster) | all (every reprint)"),
    Param("semantic", {"type": "string", "enum": ["0", "1"]}, "1: hybrid keyword + embedding search, where configured"),
    Param("region_q", {"type": "string"}, "Text typed into the region list's search box (HTML page only; no effect on hits)"),
)
CORE_NAMES = tuple(p.name for p in CORE_PARAMS)


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    # facet parameter → its selected values (checked by the facet); only facets with a selection
    filters: Mapping[str, tuple[Any, ...]] = field(default_factory=dict, hash=False)
    match_all: frozenset[str] = frozenset()   # facets whose several values must all match (hazard_mode=and)
    date_from: date | None = None
    date_to: date | None = None
    date_preset: str = ""          # one of DATE_PRESETS, resolved against `today`
    sort: str = ""                 # "" = default: relevance with a query, date without
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    facets: tuple[str, ...] = ()   # () = every facet attribute of the registry
    all_copies: bool = False       # every reprint; default one result per reprint cluster
    semantic: bool = False         # hybrid (keyword + embedding) search, when configured
    region_q: str = ""             # text typed into the region list's filter box (no effect on results)
    search_in: str = ""            # "" = every searchable field; else a key of SEARCH_IN
    literal: bool = False          # the words as typed: none of them becomes a filter (search_ui/understand.py)
    registry: FacetRegistry = field(default=REGISTRY, compare=False, hash=False, repr=False)
    today: date = field(default_factory=lambda: datetime.now(TZ).date(), compare=False, hash=False, repr=False)

    @property
    def effective_sort(self) -> str:
        return self.sort or ("relevance" if self.q else "date")

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        """The first and last day searched: from/to and the preset together (both narrow)."""
        lo, hi = self.date_from, self.date_to
        if self.date_preset:
            start, end = preset_range(self.date_preset, self.today)
            lo, hi = max(lo or start, start), min(hi or end, end)
        return lo, hi

    @property
    def wanted_facets(self) -> tuple[str, ...]:
        return self.facets or self.registry.attributes

    def values(self, param: str) -> tuple[Any, ...]:
        """The selected values of one facet."""
        return self.filters.get(param, ())

    def disjunctive_groups(self) -> set[str]:
        """Facets whose counts ignore their own filter: every active one but those matched with AND."""
        return {param for param, values in self.filters.items() if values and param not in self.match_all}

    # --- new states ---------------------------------------------------------------------------
    def with_values(self, param: str, values: tuple[Any, ...]) -> SearchParams:
        """This state with one facet's selection replaced, back on page 1."""
        filters = {k: v for k, v in self.filters.items() if k != param}
        if values:
            filters[param] = values
        ordered = {f.param: filters[f.param] for f in self.registry if f.param in filters}
        return replace(self, filters=ordered, page=1)

    def toggled(self, param: str, value: Any) -> SearchParams:
        """This state with one facet value switched on or off, back on page 1."""
        current = self.values(param)
        return self.with_values(param, tuple(v for v in current if v != value) if value in current else (*current, value))

    def with_match(self, param: str, match_all: bool) -> SearchParams:
        chosen = self.match_all | {param} if match_all else self.match_all - {param}
        return replace(self, match_all=frozenset(chosen), page=1)

    # --- URL side -------------------------------------------------------------------------
    def to_pairs(self, **overrides: Any) -> list[tuple[str, str]]:
        """The query string pairs of this state (defaults left out), for shareable links."""
        p = replace(self, **overrides) if overrides else self
        pairs: list[tuple[str, str]] = [("q", p.q)] if p.q else []
        for facet in p.registry:                 # ~300 links a page: only the facets in use do work
            values = p.filters.get(facet.param)
            if values:
                pairs += facet.pairs(values)
            if facet.param in p.match_all and facet.match_param:
                pairs.append((facet.match_param, "and"))
        if p.date_from:
            pairs.append(("from", p.date_from.isoformat()))
        if p.date_to:
            pairs.append(("to", p.date_to.isoformat()))
        if p.date_preset:
            pairs.append(("date", p.date_preset))
        if p.sort:
            pairs.append(("sort", p.sort))
        if p.search_in:
            pairs.append(("in", p.search_in))
        if p.literal:
            pairs.append(("literal", "1"))
        if p.page != 1:
            pairs.append(("page", str(p.page)))
        if p.per_page != DEFAULT_PER_PAGE:
            pairs.append(("per_page", str(p.per_page)))
        pairs += [("facet", v) for v in p.facets]
        if p.all_copies:
            pairs.append(("copies", "all"))
        if p.semantic:
            pairs.append(("semantic", "1"))
        if p.region_q:
            pairs.append(("region_q", p.region_q))
        return pairs

    def query_string(self, **overrides: Any) -> str:
        """`urllib.parse.urlencode` of `to_pairs`, with each name and value encoded once per process."""
        return "&".join(f"{_quoted(k)}={_quoted(v)}" for k, v in self.to_pairs(**overrides))

    def url(self, path: str = "/search", **overrides: Any) -> str:
        qs = self.query_string(**overrides)
        return path + ("?" + qs if qs else "")

    def date_span_urls(self, spans: list[tuple[date, date]], path: str = "/search") -> list[str]:
        """`url(date_from=a, date_to=b, page=1)` for each span (a, b): the timeline's ~120 bars,
        the rest of the query string encoded once instead of once a bar."""
        stand_in = date(1900, 1, 1)
        qs = self.query_string(date_from=stand_in, date_to=stand_in, page=1)
        head, _, tail = qs.partition("from=1900-01-01&to=1900-01-01")
        return [f"{path}?{head}from={a.isoformat()}&to={b.isoformat()}{tail}" for a, b in spans]


@functools.lru_cache(maxsize=8192)
def _quoted(text: str) -> str:
    """quote_plus, remembered: a search page links ~300 states of one search (facet values, bars,
    pages) that repeat the same few names and values; encoding them anew each time was a tenth of
    the page's CPU at 1M documents (bench/load_search.py)."""
    return quote_plus(text)


# Parameters that messaging apps and trackers add to shared links (WeChat appends
# `from=singlemessage&isappinstalled=0`): the HTML pages drop them instead of failing.
SHARE_NOISE = frozenset({"isappinstalled", "spm", "fbclid", "gclid", "share_token", "scene", "clicktime", "enterid"})
WECHAT_FROM = frozenset({"singlemessage", "groupmessage", "timeline"})


def strip_share_noise(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        (k, v) for k, v in pairs
        if k not in SHARE_NOISE and not k.startswith("utm_") and not (k == "from" and v in WECHAT_FROM)
    ]


# --- parsing --------------------------------------------------------------------------------
def parse_params(pairs: list[tuple[str, str]], extra_allowed: frozenset[str] = frozenset(),
                 registry: FacetRegistry = REGISTRY, today: date | None = None) -> SearchParams:
    """Query-string pairs → SearchParams. Raises BadRequest for anything it cannot honour."""
    allowed = CORE_NAMES + registry.params
    single = tuple(p.name for p in CORE_PARAMS if not p.repeatable) + registry.single_params
    size = sum(len(k) + len(v) for k, v in pairs)
    if size > MAX_TOTAL_CHARS:
        raise BadRequest(f"the search is too long ({size} characters in its parameters; at most {MAX_TOTAL_CHARS})")
    multi: dict[str, list[str]] = {}
    for name, value in pairs:
        if name not in allowed:
            if name in extra_allowed:
                continue
            raise BadRequest(f"unknown parameter {name!r}; allowed: {', '.join(allowed)}")
        multi.setdefault(name, []).append(value)
    for name, values in multi.items():
        if name in single and len(values) > 1:
            raise BadRequest(f"parameter {name!r} given {len(values)} times; give it once")
        if len(values) > MAX_VALUES_PER_PARAM:
            raise BadRequest(f"too many values for {name!r} (at most {MAX_VALUES_PER_PARAM})")

    def one(name: str) -> str:
        return multi.get(name, [""])[0].strip()

    q = check_length(one("q"), "q", MAX_QUERY_CHARS)
    try:
        parse_query(q)
    except QuerySyntaxError as exc:
        raise BadRequest(str(exc)) from None
    date_from, date_to = parse_date(one("from"), "from"), parse_date(one("to"), "to")
    if date_from and date_to and date_from > date_to:
        raise BadRequest(f"'from' ({date_from}) is after 'to' ({date_to})")
    filters = {f.param: chosen for f in registry if (chosen := f.read(multi.get(f.param, [])))}
    match_all = frozenset(f.param for f in registry if f.match_param
                          and check_choice(one(f.match_param) or "or", f.match_param, MATCH_MODES) == "and")
    counted = tuple(dict.fromkeys(check_choice(v, "facet", registry.attributes) for v in multi.get("facet", []) if v.strip()))
    return SearchParams(
        q=q,
        filters=filters,
        match_all=match_all,
        date_from=date_from,
        date_to=date_to,
        date_preset=check_choice(one("date"), "date", DATE_PRESETS) if one("date") else "",
        sort=check_choice(one("sort"), "sort", SORTS) if one("sort") else "",
        search_in=check_choice(one("in"), "in", tuple(SEARCH_IN)) if one("in") else "",
        literal=parse_flag(one("literal"), "literal"),
        page=parse_int(one("page"), "page", 1, 1, MAX_PAGE),
        per_page=parse_int(one("per_page"), "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        facets=counted,
        all_copies=check_choice(one("copies") or "one", "copies", COPIES) == "all",
        semantic=parse_flag(one("semantic"), "semantic"),
        region_q=one("region_q")[:REGION_Q_CHARS],
        registry=registry,
        **({"today": today} if today else {}),
    )


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """The first and last day of a date preset (DATE_PRESETS), today included."""
    if preset == "7d":
        return today - timedelta(days=6), today
    if preset == "30d":
        return today - timedelta(days=29), today
    year = today.year if preset == "this_year" else today.year - 1
    return date(year, 1, 1), date(year, 12, 31)


# --- filters ---------------------------------------------------------------------------------
def day_start(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=TZ).timestamp())


def group_clauses(p: SearchParams) -> dict[str, str]:
    """One filter clause per active facet (by its parameter), plus the date range ("date")."""
    clauses = {f.param: f.clause(p.values(f.param), f.param in p.match_all) for f in p.registry if p.values(f.param)}
    lo, hi = p.date_range
    clauses["date"] = between(
        "published_at",
        day_start(lo) if lo else None,
        day_start(hi + timedelta(days=1)) if hi else None,
    )
    return {k: v for k, v in clauses.items() if v}


def filter_without(p: SearchParams, group: str | None = None, extra: str = "") -> str:
    fold = CANONICAL_ONLY if folds_by_filter(p) else ""
    return all_of([c for g, c in group_clauses(p).items() if g != group] + [extra, fold])


def folds_by_filter(p: SearchParams) -> bool:
    """Reprints fold with the filter `is_canonical = true` rather than Meilisearch's `distinct`:
    every cluster has exactly one canonical copy, and `distinct` costs three to four times as much
    on a large index (bench/results/search_cost_100k.json). A copy differs from its original in
    one facet only, the kind of site that carries it (`differs_between_copies` in the registry);
    so while such a filter is active, `distinct` folds instead, and a news portal's reprint of a
    bureau's notice still shows under "news". Copies are near duplicates, so words that match one
    match the other."""
    return not p.all_copies and not any(f.differs_between_copies and p.values(f.param) for f in p.registry)


# --- the plan --------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlannedSearch:
    purpose: str                     # "main", the facet group it counts, or "timeline"
    query: str                       # the Meilisearch q (the first alternative when there are several)
    params: dict[str, Any] = field(default_factory=dict)
    alternatives: tuple[str, ...] = ()   # OR: several q strings, run as one federated search

    @property
    def queries(self) -> tuple[str, ...]:
        return self.alternatives or (self.query,)


def common_params(p: SearchParams, parsed: ParsedQuery) -> dict[str, Any]:
    """What every search of one page shares besides the filter: matching and reprint folding."""
    out: dict[str, Any] = {}
    if not p.all_copies and not folds_by_filter(p):
        out["distinct"] = DISTINCT_ATTRIBUTE
    if parsed.groups:
        out["matchingStrategy"] = "all"      # plain words are ANDed, as users of search boxes expect
    if p.search_in:
        out["attributesToSearchOn"] = list(SEARCH_IN[p.search_in])
    return out


def planned(purpose: str, parsed: ParsedQuery, params: dict[str, Any]) -> PlannedSearch:
    alternatives = parsed.alternatives
    return PlannedSearch(purpose, alternatives[0], params, alternatives if len(alternatives) > 1 else ())


def count_search(p: SearchParams, purpose: str = "count") -> PlannedSearch:
    """A search that only counts the hits of `p` (exactly: page/hitsPerPage, no hits, no facets)."""
    parsed = parse_query(p.q)
    return planned(purpose, parsed, {"filter": filter_without(p) or None, "page": 1, "hitsPerPage": 0,
                                     **common_params(p, parsed)})


def date_sort(p: SearchParams) -> list[str]:
    """Newest first (oldest first with sort=date_asc). When reprints are folded, the official copy
    stands for its cluster, since `distinct` keeps the first hit of each cluster in this order (a
    copy whose original does not match the search comes after the matching originals)."""
    by_date = f"published_at:{DATE_SORTS.get(p.effective_sort, 'desc')}"
    return [by_date] if p.all_copies else ["is_canonical:desc", by_date]


def week_mode(p: SearchParams) -> bool:
    """The timeline is drawn in weeks: a date range (from/to, a preset, or both) of less than
    WEEK_MODE_MAX_DAYS."""
    lo, hi = p.date_range
    return bool(lo and hi and (hi - lo).days < WEEK_MODE_MAX_DAYS)


def chart_facets(p: SearchParams) -> tuple[str, ...]:
    return WEEK_CHART_FACETS if week_mode(p) else MONTH_CHART_FACETS


def build_plan(p: SearchParams, charts: bool = False, shown_only: bool = False) -> list[PlannedSearch]:
    """The main search, then one facet-only search per active facet group (disjunctive counts).

    With `charts`, the main search also counts the timeline's facets (`chart_facets`). With `shown_only`, only
    the facet attributes the search page shows are counted (`Facet.shown_attributes`): the
    provinces and not every city and county of the index, which the JSON API still counts
    (measured in bench/load_search.py)."""
    parsed = parse_query(p.q)
    wanted = p.wanted_facets
    if shown_only:
        shown = {a for f in p.registry for a in f.shown_attributes(p)}
        later = {a for f in deferred_facets(p) for a in f.attributes}
        wanted = tuple(a for a in wanted if a in shown and a not in later)
    disjunctive = p.disjunctive_groups()
    main_facets = [a for f in p.registry if f.param not in disjunctive for a in f.attributes if a in wanted]
    if charts:
        main_facets += [a for a in chart_facets(p) if a not in main_facets]
    common = common_params(p, parsed)
    main: dict[str, Any] = {
        "filter": filter_without(p) or None,
        "page": p.page,
        "hitsPerPage": p.per_page,
        "facets": main_facets,
        "attributesToHighlight": ["title", "body"],
        "attributesToCrop": ["body"],
        "cropLength": CROP_WORDS,
        "cropMarker": "…",
        "highlightPreTag": PRE_TAG,
        "highlightPostTag": POST_TAG,
        **common,
    }
    if shown_only:
        main["attributesToRetrieve"] = list(SHOWN_FIELDS)
    if p.effective_sort in DATE_SORTS:
        main["sort"] = date_sort(p)
    plan = [planned("main", parsed, main)]
    for facet in p.registry:
        attrs = [a for a in facet.attributes if a in wanted]
        if facet.param not in disjunctive or not attrs:
            continue

        def without(extra: str, param: str = facet.param) -> str:
            return filter_without(p, param, extra)

        for filter_, counted in facet.count_searches(p, attrs, without):
            plan.append(planned(facet.param, parsed, {"filter": filter_ or None, "limit": 0, "facets": counted, **common}))
    return plan


def deferred_facets(p: SearchParams) -> list[Facet]:
    """The facets the search page counts only once it knows the result set is small
    (`Facet.exact_within`: issuers, sites), when they are wanted and not in use."""
    return [f for f in p.registry if f.exact_within and f.param not in p.filters
            and any(a in p.wanted_facets for a in f.attributes)]


def deferred_plan(p: SearchParams, total: int) -> list[PlannedSearch]:
    """The facet-only search counting the deferred facets whose limit `total` is within (or none)."""
    small = [a for f in deferred_facets(p) if total <= (f.exact_within or 0) for a in f.attributes if a in p.wanted_facets]
    if not small:
        return []
    parsed = parse_query(p.q)
    return [planned("deferred", parsed, {"filter": filter_without(p) or None, "limit": 0, "facets": small,
                                          **common_params(p, parsed)})]


def merge_facets(p: SearchParams, answers: list[tuple[PlannedSearch, dict[str, Any]]]) -> dict[str, dict[str, int]]:
    """{facet attribute → {value → count}} for every wanted facet, disjunctive where active."""
    facets: dict[str, dict[str, int]] = {a: {} for a in p.wanted_facets}
    for _planned, answer in answers:
        for attr, dist in (answer.get("facetDistribution") or {}).items():
            if attr in facets:
                facets[attr] = {str(k): int(v) for k, v in dist.items()}
    return facets
