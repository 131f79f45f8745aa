"""URL parameters ↔ Meilisearch requests. Pure: no I/O, no web framework.

`parse_params` turns the query string into a `SearchParams` (or raises `BadRequest` with a
message a user can act on); `build_plan` turns `SearchParams` into the Meilisearch searches
to run (the main one plus one per active facet group, for disjunctive facet counts);
`merge_facets` folds the answers back together. Every filter goes through
`indexer.search_index.filters`, so request values are always quoted and attribute names
always come from its allowlist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from config.errors import BadInput
from indexer.search_index.filters import FILTER_ATTRIBUTES, all_of, any_of, between, equals
from indexer.text.chinese import to_simplified
from search_ui.syntax import ParsedQuery, QuerySyntaxError, parse_query

TZ = ZoneInfo("Asia/Shanghai")
SORTS = ("relevance", "date")
SOURCE_TYPES = ("gov", "news", "aggregator", "epaper")
ISSUER_LEVELS = ("national", "province", "city", "county", "township", "school")
EVENT_TYPE = re.compile(r"[a-z][a-z_]{0,31}")   # meeting, inspection, drill, training, notice, report, …
HAZARD_MODES = ("or", "and")
REGION_LEVELS = ("region.lvl0", "region.lvl1", "region.lvl2")
# facet group (the URL parameter's filter) → the facet attributes it shows
FACET_GROUPS: dict[str, tuple[str, ...]] = {
    "region": REGION_LEVELS,
    "hazards": ("hazards",),
    "source_type": ("source_type",),
    "year": ("year",),
    "issuer_level": ("issuer_level",),
    "event_type": ("event_type",),
    "safety_related": ("safety_related",),
}
FACETS: tuple[str, ...] = tuple(a for attrs in FACET_GROUPS.values() for a in attrs)
assert set(FACETS) <= FILTER_ATTRIBUTES

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_QUERY_CHARS = 200
MAX_VALUES_PER_PARAM = 50
REGION_SEPARATOR = " > "
# Meilisearch highlight tags: private-use characters, replaced after HTML-escaping (see highlight.py)
PRE_TAG = "\ue000"
POST_TAG = "\ue001"
CROP_WORDS = 40

DISTINCT_ATTRIBUTE = "cluster_id"
CANONICAL_ONLY = "is_canonical = true"
# the chart facets: counted on the main search, not shown as filter lists
CHART_FACETS = ("month", "primary_hazard")

PARAMS = ("q", "region", "hazard", "hazard_mode", "source_type", "year", "issuer_level", "event_type", "safety",
          "from", "to", "sort", "page", "per_page", "facet", "copies", "semantic", "region_q")
SINGLE_PARAMS = ("q", "hazard_mode", "safety", "from", "to", "sort", "page", "per_page", "copies", "semantic", "region_q")


class BadRequest(BadInput):
    """A request the user can fix; the message says how."""


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    regions: tuple[str, ...] = ()
    hazards: tuple[str, ...] = ()
    source_types: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    issuer_levels: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    safety: bool = False           # safety_related documents only
    hazard_mode: str = "or"        # several hazards: any of them (or) or all of them (and)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = ""                 # "" = default: relevance with a query, date without
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    facets: tuple[str, ...] = ()   # () = all of FACETS
    all_copies: bool = False       # every reprint; default one result per reprint cluster
    semantic: bool = False         # hybrid (keyword + embedding) search, when configured
    region_q: str = ""             # text typed into the region list's filter box (no effect on results)

    @property
    def effective_sort(self) -> str:
        return self.sort or ("relevance" if self.q else "date")

    @property
    def wanted_facets(self) -> tuple[str, ...]:
        return self.facets or FACETS

    def active_groups(self) -> dict[str, tuple]:
        return {
            "region": self.regions,
            "hazards": self.hazards,
            "source_type": self.source_types,
            "year": self.years,
            "issuer_level": self.issuer_levels,
            "event_type": self.event_types,
            "safety_related": (True,) if self.safety else (),
        }

    def disjunctive_groups(self) -> set[str]:
        """Groups whose counts ignore their own filter: every active one but hazards in AND mode."""
        return {g for g, v in self.active_groups().items() if v and not (g == "hazards" and self.hazard_mode == "and")}

    # --- URL side -------------------------------------------------------------------------
    def to_pairs(self, **overrides: Any) -> list[tuple[str, str]]:
        """The query string pairs of this state (defaults left out), for shareable links."""
        p = replace(self, **overrides) if overrides else self
        pairs: list[tuple[str, str]] = []
        if p.q:
            pairs.append(("q", p.q))
        pairs += [("region", v) for v in p.regions]
        pairs += [("hazard", v) for v in p.hazards]
        if p.hazard_mode != "or":
            pairs.append(("hazard_mode", p.hazard_mode))
        pairs += [("source_type", v) for v in p.source_types]
        pairs += [("year", str(v)) for v in p.years]
        pairs += [("issuer_level", v) for v in p.issuer_levels]
        pairs += [("event_type", v) for v in p.event_types]
        if p.safety:
            pairs.append(("safety", "1"))
        if p.date_from:
            pairs.append(("from", p.date_from.isoformat()))
        if p.date_to:
            pairs.append(("to", p.date_to.isoformat()))
        if p.sort:
            pairs.append(("sort", p.sort))
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
        return urlencode(self.to_pairs(**overrides))

    def toggled(self, name: str, value: Any) -> SearchParams:
        """This state with one filter value switched on or off, back on page 1."""
        current = getattr(self, name)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return replace(self, **{name: values, "page": 1})


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
def parse_params(pairs: list[tuple[str, str]], extra_allowed: frozenset[str] = frozenset()) -> SearchParams:
    """Query-string pairs → SearchParams. Raises BadRequest for anything it cannot honour."""
    multi: dict[str, list[str]] = {}
    for name, value in pairs:
        if name not in PARAMS:
            if name in extra_allowed:
                continue
            raise BadRequest(f"unknown parameter {name!r}; allowed: {', '.join(PARAMS)}")
        multi.setdefault(name, []).append(value)
    for name, values in multi.items():
        if name in SINGLE_PARAMS and len(values) > 1:
            raise BadRequest(f"parameter {name!r} given {len(values)} times; give it once")
        if len(values) > MAX_VALUES_PER_PARAM:
            raise BadRequest(f"too many values for {name!r} (at most {MAX_VALUES_PER_PARAM})")

    def one(name: str) -> str:
        return multi.get(name, [""])[0].strip()

    def many(name: str) -> tuple[str, ...]:
        out: list[str] = []
        for v in multi.get(name, []):
            v = v.strip()
            if v and v not in out:
                out.append(v)
        return tuple(out)

    q = one("q")
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"query too long ({len(q)} characters; at most {MAX_QUERY_CHARS})")
    try:
        parse_query(q)
    except QuerySyntaxError as exc:
        raise BadRequest(str(exc)) from None
    date_from, date_to = parse_date(one("from"), "from"), parse_date(one("to"), "to")
    if date_from and date_to and date_from > date_to:
        raise BadRequest(f"'from' ({date_from}) is after 'to' ({date_to})")
    return SearchParams(
        q=q,
        regions=tuple(dict.fromkeys(normalize_region(v) for v in many("region"))),
        hazards=many("hazard"),
        source_types=tuple(check_source_type(v) for v in many("source_type")),
        years=tuple(dict.fromkeys(parse_year(v) for v in many("year"))),
        date_from=date_from,
        date_to=date_to,
        sort=check_sort(one("sort")),
        page=parse_int(one("page"), "page", 1, 1, None),
        per_page=parse_int(one("per_page"), "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        facets=tuple(check_facet(v) for v in many("facet")),
        issuer_levels=tuple(check_choice(v, "issuer_level", ISSUER_LEVELS) for v in many("issuer_level")),
        event_types=tuple(check_event_type(v) for v in many("event_type")),
        safety=parse_flag(one("safety"), "safety"),
        hazard_mode=check_choice(one("hazard_mode") or "or", "hazard_mode", HAZARD_MODES),
        all_copies=check_choice(one("copies") or "one", "copies", ("one", "all")) == "all",
        semantic=parse_flag(one("semantic"), "semantic"),
        region_q=one("region_q")[:50],
    )


def parse_flag(value: str, name: str) -> bool:
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    raise BadRequest(f"{name!r} must be 1 (on) or 0 (off), got {value!r}")


def check_choice(value: str, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise BadRequest(f"{name!r} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def check_event_type(value: str) -> str:
    if not EVENT_TYPE.fullmatch(value):
        raise BadRequest(f"'event_type' must be a code such as meeting or inspection, got {value!r}")
    return value


def parse_date(value: str, name: str) -> date | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise BadRequest(f"{name!r} must be a date as YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name!r} is not a real date: {value!r}") from None


def parse_int(value: str, name: str, default: int, low: int, high: int | None) -> int:
    if not value:
        return default
    if not re.fullmatch(r"\d{1,9}", value):
        raise BadRequest(f"{name!r} must be a whole number, got {value!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise BadRequest(f"{name!r} must be {bound}, got {number}")
    return number


def parse_year(value: str) -> int:
    if not re.fullmatch(r"\d{4}", value):
        raise BadRequest(f"'year' must be a four-digit year, got {value!r}")
    return int(value)


def check_sort(value: str) -> str:
    if value and value not in SORTS:
        raise BadRequest(f"'sort' must be one of {', '.join(SORTS)}, got {value!r}")
    return value


def check_source_type(value: str) -> str:
    if value not in SOURCE_TYPES:
        raise BadRequest(f"'source_type' must be one of {', '.join(SOURCE_TYPES)}, got {value!r}")
    return value


def check_facet(value: str) -> str:
    if value not in FACETS:
        raise BadRequest(f"'facet' must be one of {', '.join(FACETS)}, got {value!r}")
    return value


def normalize_region(value: str) -> str:
    """'陕西省>安康市 ' → '陕西省 > 安康市' (Simplified, as the index stores it)."""
    parts = [p.strip() for p in to_simplified(value).split(">")]
    if any(not p for p in parts):
        raise BadRequest(f"'region' must be a path like '陕西省 > 安康市', got {value!r}")
    if len(parts) > len(REGION_LEVELS):
        raise BadRequest(f"'region' has at most {len(REGION_LEVELS)} levels, got {value!r}")
    return REGION_SEPARATOR.join(parts)


def region_level(path: str) -> int:
    return path.count(REGION_SEPARATOR)


# --- filters ---------------------------------------------------------------------------------
def day_start(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=TZ).timestamp())


def region_clause(regions: tuple[str, ...]) -> str:
    by_level: dict[int, list[str]] = {}
    for path in regions:
        by_level.setdefault(region_level(path), []).append(path)
    clauses = [any_of(REGION_LEVELS[lvl], paths) for lvl, paths in sorted(by_level.items())]
    return " OR ".join(f"({c})" for c in clauses) if len(clauses) > 1 else "".join(clauses)


def group_clauses(p: SearchParams) -> dict[str, str]:
    """One filter clause per facet group, plus the date range; empty ones left out."""
    clauses = {
        "region": region_clause(p.regions),
        "hazards": (" AND ".join(equals("hazards", h) for h in p.hazards) if p.hazard_mode == "and"
                    else any_of("hazards", p.hazards)),
        "source_type": any_of("source_type", p.source_types),
        "year": " OR ".join(equals("year", y) for y in p.years),
        "issuer_level": any_of("issuer_level", p.issuer_levels),
        "event_type": any_of("event_type", p.event_types),
        "safety_related": equals("safety_related", True) if p.safety else "",
        "date": between(
            "published_at",
            day_start(p.date_from) if p.date_from else None,
            day_start(p.date_to + timedelta(days=1)) if p.date_to else None,
        ),
    }
    return {k: v for k, v in clauses.items() if v}


def filter_without(p: SearchParams, group: str | None = None, extra: str = "") -> str:
    fold = CANONICAL_ONLY if folds_by_filter(p) else ""
    return all_of([c for g, c in group_clauses(p).items() if g != group] + [extra, fold])


def folds_by_filter(p: SearchParams) -> bool:
    """Reprints fold with the filter `is_canonical = true` rather than Meilisearch's `distinct`:
    every cluster has exactly one canonical copy, and `distinct` costs three to four times as much
    on a large index (bench/results/search_cost_100k.json). A copy differs from its original in
    one facet only, the kind of site that carries it; so while a source-kind filter is active,
    `distinct` folds instead, and a news portal's reprint of a bureau's notice still shows under
    "news". Copies are near duplicates, so words that match one match the other."""
    return not p.all_copies and "source_type" not in group_clauses(p)


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
    return out


def planned(purpose: str, parsed: ParsedQuery, params: dict[str, Any]) -> PlannedSearch:
    alternatives = parsed.alternatives
    return PlannedSearch(purpose, alternatives[0], params, alternatives if len(alternatives) > 1 else ())


def date_sort(p: SearchParams) -> list[str]:
    """Newest first. When reprints are folded, the official copy stands for its cluster, since
    `distinct` keeps the first hit of each cluster in this order (a copy whose original does not
    match the search comes after the matching originals)."""
    return ["published_at:desc"] if p.all_copies else ["is_canonical:desc", "published_at:desc"]


def build_plan(p: SearchParams, charts: bool = False) -> list[PlannedSearch]:
    """The main search, then one facet-only search per active facet group (disjunctive counts).

    With `charts`, the main search also counts `month` and `primary_hazard` for the timeline."""
    parsed = parse_query(p.q)
    wanted = p.wanted_facets
    disjunctive = p.disjunctive_groups()
    main_facets = [a for g, attrs in FACET_GROUPS.items() if g not in disjunctive for a in attrs if a in wanted]
    if charts:
        main_facets += [a for a in CHART_FACETS if a not in main_facets]
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
        "showMatchesPosition": True,
        **common,
    }
    if p.effective_sort == "date":
        main["sort"] = date_sort(p)
    plan = [planned("main", parsed, main)]
    for group in FACET_GROUPS:
        attrs = [a for a in FACET_GROUPS[group] if a in wanted]
        if group not in disjunctive or not attrs:
            continue
        if group == "region":
            plan += [planned(s.purpose, parsed, {**s.params, **common}) for s in _region_plan(p, parsed.alternatives[0], attrs)]
        else:
            plan.append(planned(group, parsed, {**_facet_only(filter_without(p, group), attrs), **common}))
    return plan


def _facet_only(filter_: str, facets: list[str]) -> dict[str, Any]:
    return {"filter": filter_ or None, "limit": 0, "facets": facets}


def _region_plan(p: SearchParams, q: str, attrs: list[str]) -> list[PlannedSearch]:
    """Provinces without the region filter; cities and counties within the active provinces,
    so a province's counties are all listed even when the index has more than
    maxValuesPerFacet counties in total."""
    plan = []
    if "region.lvl0" in attrs:
        plan.append(PlannedSearch("region", q, _facet_only(filter_without(p, "region"), ["region.lvl0"])))
    deeper = [a for a in attrs if a != "region.lvl0"]
    if deeper:
        provinces = tuple(dict.fromkeys(r.split(REGION_SEPARATOR)[0] for r in p.regions))
        within = any_of("region.lvl0", provinces)
        plan.append(PlannedSearch("region", q, _facet_only(filter_without(p, "region", within), deeper)))
    return plan


def merge_facets(p: SearchParams, answers: list[tuple[PlannedSearch, dict[str, Any]]]) -> dict[str, dict[str, int]]:
    """{facet attribute → {value → count}} for every wanted facet, disjunctive where active."""
    facets: dict[str, dict[str, int]] = {a: {} for a in p.wanted_facets}
    for _planned, answer in answers:
        for attr, dist in (answer.get("facetDistribution") or {}).items():
            if attr in facets:
                facets[attr] = {str(k): int(v) for k, v in dist.items()}
    return facets
