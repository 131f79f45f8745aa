"""The facet registry: one entry per facet, and everything a facet means in that one entry.

A facet is a document field the search page counts and filters on (region, hazard, source kind…).
Its `Facet` entry says: the URL parameter and how a value is read and checked, the Meilisearch
filter clause, the URL pairs that write the state back, the facet group and the chips the page
shows, the labels (an i18n key, or a vocabulary of config/vocabulary.py), and the OpenAPI schema
of the parameter. Query parsing and planning (query.py), the template contexts (views.py), the
templates, the JSON API and its OpenAPI schema (openapi.py) and the exports loop over a
`FacetRegistry`; none of them names a facet. This is the shape of Datasette's `filters.py` (a
table of filter objects, looped over) and its `Facet` classes (one class per kind of facet).

Adding a facet is one entry in REGISTRY plus its document field: the field in
indexer/models.py:Document and under `filterableAttributes` in config/index_settings.yaml, which
is also the filter allowlist (indexer/search_index/filters.py). tests/ui/test_facet_registry.py
adds one in a fixture and finds it in the page, the JSON API, the exports and the OpenAPI schema.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from config.errors import ConfigError
from config.vocabulary import EventType, IssuerLevel, Labelled, SourceKind
from indexer.search_index.filters import any_of, equals
from search_ui.i18n import Translator
from search_ui.parsing import (
    MAX_VALUE_CHARS,
    MAX_YEAR,
    MIN_YEAR,
    REGION_LEVELS,
    REGION_SEPARATOR,
    BadRequest,
    check_length,
    normalize_region,
    parse_flag,
    parse_year,
    region_level,
)

if TYPE_CHECKING:
    from search_ui.query import SearchParams

MAX_VALUES_PER_PARAM = 50
MATCH_MODES = ("or", "and")      # several values of one facet: any of them, or all of them
# Issuers and sites are counted on the search page only for result sets of at most this many
# documents. There Meilisearch counts a facet by reading the documents (its CANDIDATES_THRESHOLD is
# 3,000): exact and cheap. Past it, it walks the facet's values in name order and stops at
# maxValuesPerFacet (3,000): at 1M documents an index holds more issuers and sites than that, so a
# "most frequent" list would be wrong, and counting them was a third of the page's Meilisearch time
# (bench/load_search.py). The page says so instead, and the JSON API still counts them when asked.
EXACT_COUNT_MAX = 3000

# Values of a folded facet (issuer, site) listed under "more", the most frequent first. Every value
# counted made the page longer: at 3,000 synthetic documents the landing page was 2.0 MB, 1.6 MB of
# it the issuer and site lists (a link per value); the rest is said as a number.
FOLDED_MAX = 50
Label = str | Mapping[str, str]  # an i18n key (search_ui/i18n.py), or {"zh": …, "en": …}
# extra clause → the filter of the current search without this facet's own clause, plus `extra`
Without = Callable[[str], str]


@dataclass
class FacetItem:
    value: str
    label: str
    count: int
    active: bool
    url: str
    children: list[FacetItem] = field(default_factory=list)
    add_url: str = ""             # a link that adds this value to the selection (regions side by side)


@dataclass
class FacetMode:
    """How several selected values combine (any / all), and the link that switches it."""

    text: str
    switch_text: str
    url: str


@dataclass
class FacetGroup:
    name: str                     # the URL parameter
    title: str
    items: list[FacetItem]
    tree: bool = False            # a nested list with a search box (regions)
    mode: FacetMode | None = None
    more: list[FacetItem] = field(default_factory=list)   # the values past `Facet.shown`, folded away
    unlisted: int = 0             # values counted but not listed at all (past FOLDED_MAX)
    uncounted: str = ""           # why its values are not counted (a large result set: Facet.exact_within)


@dataclass
class Chip:
    label: str
    url: str


@dataclass(frozen=True, kw_only=True)
class Facet:
    """A facet on one document field whose values are codes: repeatable, OR of the values.

    The subclasses below change what differs: the values' type and checks (ChoiceFacet,
    YearFacet), a single on/off value (FlagFacet), a hierarchy on several fields (RegionFacet).
    """

    param: str                                  # URL parameter (and data-facet in the page)
    attribute: str                              # the document field counted and filtered on
    title: Label
    description: str                            # OpenAPI description of the parameter
    single: bool = False                        # given at most once
    match_param: str | None = None              # a parameter choosing or (default) / and for several values
    differs_between_copies: bool = False        # reprints of one text can differ here (query.folds_by_filter)
    value_label: Callable[[Translator, str], str] | None = None
    shown: int | None = None                    # values listed before the rest is folded (free text: issuers)
    exact_within: int | None = None             # the search page counts it only for result sets this small (EXACT_COUNT_MAX)

    # --- URL side ------------------------------------------------------------------------
    @property
    def attributes(self) -> tuple[str, ...]:
        """The facet attributes it counts (all filterable)."""
        return (self.attribute,)

    @property
    def column(self) -> str:
        """Its column in the CSV / XLSX exports."""
        return self.attribute

    def shown_attributes(self, p: SearchParams) -> tuple[str, ...]:
        """The attributes whose counts the search page shows in state `p` (all of them, for most facets)."""
        return self.attributes

    @property
    def params(self) -> tuple[str, ...]:
        return (self.param, self.match_param) if self.match_param else (self.param,)

    def read(self, raw: list[str]) -> tuple[Any, ...]:
        """The parameter's raw values → checked values, blanks and repeats dropped."""
        out: list[Any] = []
        for text in raw:
            text = text.strip()
            if text:
                value = self.parse(check_length(text, self.param))
                if value not in out:
                    out.append(value)
        return tuple(out)

    def parse(self, value: str) -> Any:
        return value

    def from_index(self, value: str) -> Any:
        """A value as Meilisearch's facet distribution spells it → the value `read` would give."""
        return value

    def write(self, value: Any) -> str:
        return str(value)

    def pairs(self, values: tuple[Any, ...]) -> list[tuple[str, str]]:
        return [(self.param, self.write(v)) for v in values]

    # --- search side ---------------------------------------------------------------------
    def clause(self, values: tuple[Any, ...], match_all: bool) -> str:
        if match_all:
            return " AND ".join(equals(self.attribute, self.write(v)) for v in values)
        return any_of(self.attribute, [self.write(v) for v in values])

    def count_searches(self, p: SearchParams, attributes: list[str], without: Without) -> list[tuple[str, list[str]]]:
        """(filter, facet attributes) of the facet-only searches that count this facet while it is
        active: the current search without its own filter, so other values stay selectable."""
        return [(without(""), attributes)]

    # --- page side -----------------------------------------------------------------------
    def label(self, value: str, t: Translator) -> str:
        return self.value_label(t, value) if self.value_label else value

    def group(self, p: SearchParams, facets: Mapping[str, Mapping[str, int]], t: Translator) -> FacetGroup:
        if self.shown is None:
            return FacetGroup(self.param, t.pick(self.title), self.items(p, facets, t), mode=self.mode(p, t))
        dist = facets.get(self.attribute) or {}
        # the largest counts of a list that can hold thousands of values (issuers, sites): a partial
        # sort, not a full one
        top = dict(heapq.nsmallest(self.shown + FOLDED_MAX, dist.items(), key=lambda kv: (-int(kv[1]), str(kv[0]))))
        items = self.items(p, {self.attribute: top}, t)
        if len(items) <= self.shown:
            return FacetGroup(self.param, t.pick(self.title), items, mode=self.mode(p, t))
        listed = [item for n, item in enumerate(items) if n < self.shown or item.active]
        return FacetGroup(self.param, t.pick(self.title), listed, mode=self.mode(p, t),
                          more=[item for item in items if item not in listed], unlisted=len(dist) - len(top))

    def items(self, p: SearchParams, facets: Mapping[str, Mapping[str, int]], t: Translator) -> list[FacetItem]:
        dist = facets.get(self.attribute) or {}
        selected = p.values(self.param)
        items = [self._item(p, self.from_index(raw), int(count), t) for raw, count in dist.items()]
        shown = {item.value for item in items}
        # values selected but absent from the counts (0 hits) still show, so they can be removed
        items += [self._item(p, value, 0, t) for value in selected if self.write(value) not in shown]
        return self.order(items)

    def _item(self, p: SearchParams, value: Any, count: int, t: Translator) -> FacetItem:
        text = self.write(value)
        return FacetItem(text, self.label(text, t), count, value in p.values(self.param), p.toggled(self.param, value).url())

    def order(self, items: list[FacetItem]) -> list[FacetItem]:
        return sorted(items, key=lambda i: (-i.count, i.value))

    def chips(self, p: SearchParams, t: Translator) -> list[Chip]:
        title = t.pick(self.title)
        return [Chip(f"{title}: {self.label(self.write(v), t)}", p.toggled(self.param, v).url())
                for v in p.values(self.param)]

    def mode(self, p: SearchParams, t: Translator) -> FacetMode | None:
        if not self.match_param or len(p.values(self.param)) < 2:
            return None
        current = "and" if self.param in p.match_all else "or"
        return FacetMode(t(f"{self.match_param}_{current}"), t(f"{self.match_param}_switch_{current}"),
                         p.with_match(self.param, current == "or").url())

    # --- OpenAPI -------------------------------------------------------------------------
    def value_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": MAX_VALUE_CHARS}

    def parameters(self) -> list[dict[str, Any]]:
        """The OpenAPI parameter objects of this facet."""
        schema = self.value_schema() if self.single else {
            "type": "array", "items": self.value_schema(), "maxItems": MAX_VALUES_PER_PARAM}
        out = [{"name": self.param, "in": "query", "required": False, "description": self.description,
                "schema": schema, **({} if self.single else {"style": "form", "explode": True})}]
        if self.match_param:
            out.append({"name": self.match_param, "in": "query", "required": False,
                        "description": f"How several `{self.param}` values combine: or (any of them, default) | and (all of them)",
                        "schema": {"type": "string", "enum": list(MATCH_MODES)}})
        return out


@dataclass(frozen=True, kw_only=True)
class ChoiceFacet(Facet):
    """Values from a vocabulary (config/vocabulary.py): checked against it, labelled by it."""

    choices: type[Labelled]

    def parse(self, value: str) -> Any:
        member = self.choices.parse(value)
        if member is None:
            raise BadRequest(f"{self.param!r} must be one of {', '.join(self.choices.codes())}, got {value!r}")
        return member

    def label(self, value: str, t: Translator) -> str:
        member = self.choices.parse(value)
        return member.label(t.lang) if member is not None else value

    def value_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices.codes())}


@dataclass(frozen=True, kw_only=True)
class YearFacet(Facet):
    """Four-digit years, newest first."""

    def parse(self, value: str) -> Any:
        return parse_year(value, self.param)

    def from_index(self, value: str) -> Any:
        return int(value) if value.isascii() and value.isdigit() else value

    def clause(self, values: tuple[Any, ...], match_all: bool) -> str:
        return " OR ".join(equals(self.attribute, int(v)) for v in values)

    def order(self, items: list[FacetItem]) -> list[FacetItem]:
        return sorted(items, key=lambda i: i.value, reverse=True)

    def value_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}


@dataclass(frozen=True, kw_only=True)
class FlagFacet(Facet):
    """A boolean field: `param=1` keeps the documents where it is true. One item, one chip."""

    single: bool = True

    def read(self, raw: list[str]) -> tuple[Any, ...]:
        return (True,) if parse_flag(raw[0].strip() if raw else "", self.param) else ()

    def pairs(self, values: tuple[Any, ...]) -> list[tuple[str, str]]:
        return [(self.param, "1")] if values else []

    def clause(self, values: tuple[Any, ...], match_all: bool) -> str:
        return equals(self.attribute, True) if values else ""

    def items(self, p: SearchParams, facets: Mapping[str, Mapping[str, int]], t: Translator) -> list[FacetItem]:
        count = int((facets.get(self.attribute) or {}).get("true", 0))
        on = bool(p.values(self.param))
        return [FacetItem("1", t.pick(self.title), count, on, p.with_values(self.param, () if on else (True,)).url())]

    def chips(self, p: SearchParams, t: Translator) -> list[Chip]:
        return [Chip(t.pick(self.title), p.with_values(self.param, ()).url())] if p.values(self.param) else []

    def value_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": ["0", "1"]}


@dataclass(frozen=True, kw_only=True)
class RegionFacet(Facet):
    """Province > city > county paths on three fields (region.lvl0/1/2), shown as a tree.

    A value of 1–3 parts filters on the level it names. While a region is active, cities and
    counties are counted within the active provinces, so a province's counties are all listed even
    when the index has more than maxValuesPerFacet counties in total."""

    levels: tuple[str, ...] = REGION_LEVELS

    @property
    def attributes(self) -> tuple[str, ...]:
        return self.levels

    @property
    def column(self) -> str:
        return "region"

    def shown_attributes(self, p: SearchParams) -> tuple[str, ...]:
        """Provinces; the cities too once a province is chosen; the counties once a city is."""
        depth = max((region_level(v) for v in p.values(self.param)), default=-1)
        return self.levels[: depth + 2]

    def parse(self, value: str) -> Any:
        return normalize_region(value)

    def label(self, value: str, t: Translator) -> str:
        return t.region(value)          # romanised in English (search_ui/region_names.py)

    def clause(self, values: tuple[Any, ...], match_all: bool) -> str:
        by_level: dict[int, list[str]] = {}
        for path in values:
            by_level.setdefault(region_level(path), []).append(path)
        clauses = [any_of(self.levels[lvl], paths) for lvl, paths in sorted(by_level.items())]
        return " OR ".join(f"({c})" for c in clauses) if len(clauses) > 1 else "".join(clauses)

    def count_searches(self, p: SearchParams, attributes: list[str], without: Without) -> list[tuple[str, list[str]]]:
        out = []
        top, deeper = self.levels[0], [a for a in attributes if a != self.levels[0]]
        if top in attributes:
            out.append((without(""), [top]))
        if deeper:
            provinces = tuple(dict.fromkeys(r.split(REGION_SEPARATOR)[0] for r in p.values(self.param)))
            out.append((without(any_of(top, provinces)), deeper))
        return out

    def group(self, p: SearchParams, facets: Mapping[str, Mapping[str, int]], t: Translator) -> FacetGroup:
        return FacetGroup(self.param, t.pick(self.title), self.items(p, facets, t), tree=True)

    def items(self, p: SearchParams, facets: Mapping[str, Mapping[str, int]], t: Translator) -> list[FacetItem]:
        """Provinces; under an active province its cities; under an active city its counties."""
        selected = set(p.values(self.param))
        open_paths = {REGION_SEPARATOR.join(path.split(REGION_SEPARATOR)[: i + 1])
                      for path in selected for i in range(region_level(path) + 1)}

        def item(value: str, count: int) -> FacetItem:
            # clicking a region selects it (drill-down); clicking the selected one goes up a level
            if value in selected:
                parent = value.rsplit(REGION_SEPARATOR, 1)[0] if REGION_SEPARATOR in value else None
                regions: tuple[str, ...] = (parent,) if parent else ()
            else:
                regions = (value,)
            return FacetItem(value, self.label(value.rsplit(REGION_SEPARATOR, 1)[-1], t), count, value in open_paths,
                             p.with_values(self.param, regions).url())

        def level(depth: int, parent: str | None) -> list[FacetItem]:
            prefix = parent + REGION_SEPARATOR if parent else ""
            out = []
            for value, count in sorted((facets.get(self.levels[depth]) or {}).items(), key=lambda kv: (-kv[1], kv[0])):
                if value.startswith(prefix) and REGION_SEPARATOR not in value[len(prefix):]:
                    node = item(value, int(count))
                    if value in open_paths and depth + 1 < len(self.levels):
                        node.children = level(depth + 1, value)
                    out.append(node)
            return out

        return level(0, None)


class FacetRegistry:
    """The facets of one app, in page order. Immutable; `with_facet` makes a larger one."""

    def __init__(self, facets: Iterable[Facet]):
        self.facets: tuple[Facet, ...] = tuple(facets)
        self._by_param = {f.param: f for f in self.facets}
        names = [name for f in self.facets for name in f.params]
        attributes = [a for f in self.facets for a in f.attributes]
        for kind, seen in (("parameter", names), ("attribute", attributes)):
            twice = sorted({x for x in seen if seen.count(x) > 1})
            if twice:
                raise ValueError(f"facet {kind} declared twice: {', '.join(twice)}")

    def __iter__(self) -> Iterator[Facet]:
        return iter(self.facets)

    def __getitem__(self, param: str) -> Facet:
        return self._by_param[param]

    def __contains__(self, param: object) -> bool:
        return param in self._by_param

    @property
    def attributes(self) -> tuple[str, ...]:
        """Every facet attribute, in page order: what a search counts by default."""
        return tuple(a for f in self.facets for a in f.attributes)

    @property
    def params(self) -> tuple[str, ...]:
        """Every URL parameter the facets read."""
        return tuple(name for f in self.facets for name in f.params)

    @property
    def single_params(self) -> tuple[str, ...]:
        return tuple(name for f in self.facets for name in f.params if name != f.param or f.single)

    def with_facet(self, facet: Facet, before: str | None = None) -> FacetRegistry:
        """This registry plus `facet` (before the facet with parameter `before`, else last)."""
        facets = list(self.facets)
        at = next((i for i, f in enumerate(facets) if f.param == before), len(facets))
        return FacetRegistry([*facets[:at], facet, *facets[at:]])

    def check_filterable(self, filterable: frozenset[str], source: str) -> None:
        """Every facet attribute must be filterable in the index (config/index_settings.yaml)."""
        missing = [a for a in self.attributes if a not in filterable]
        if missing:
            raise ConfigError(source, None, "filterableAttributes",
                              f"facet attributes not filterable: {', '.join(missing)}; add them there")


REGISTRY = FacetRegistry([
    RegionFacet(param="region", attribute="region.lvl0", title="region",
                description="Region path, e.g. `陕西省 > 安康市`; 1–3 parts pick region.lvl0/1/2. Repeatable (OR)"),
    Facet(param="hazard", attribute="hazards", title="hazards", match_param="hazard_mode", value_label=Translator.hazard,
          description="Hazard code (config/hazards.yaml). Repeatable: any of them (OR), or all of them with hazard_mode=and"),
    ChoiceFacet(param="source_type", attribute="source_type", title="source_type", choices=SourceKind,
                differs_between_copies=True, description="What kind of site carries it. Repeatable (OR)"),
    Facet(param="issuer", attribute="issuer", title="issuer", shown=8, exact_within=EXACT_COUNT_MAX,
          description="Issuer (发布机构) as the document names it, e.g. `陕西省教育厅`. Repeatable (OR)"),
    Facet(param="site", attribute="site_name", title="site_name_label", shown=8, exact_within=EXACT_COUNT_MAX,
          description="The site that carries the document (网站), e.g. `陕西省教育厅`. Repeatable (OR)"),
    ChoiceFacet(param="issuer_level", attribute="issuer_level", title="issuer_level", choices=IssuerLevel,
                description="Administrative level of the issuer. Repeatable (OR)"),
    ChoiceFacet(param="event_type", attribute="event_type", title="event_type", choices=EventType,
                description="What the announcement reports. Repeatable (OR)"),
    FlagFacet(param="safety", attribute="safety_related", title="safety_only",
              description="1: safety-related documents only; 0 or absent: all"),
    YearFacet(param="year", attribute="year", title="year", description="Year of publication. Repeatable (OR)"),
])
