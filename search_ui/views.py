"""Template contexts: what `_facets.html`, `_results.html` and the pages receive.

Facets are small objects with links already built, so templates only loop and print.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from search_ui import china_grid
from search_ui.export import EXPORT_CAP, FORMATS
from search_ui.i18n import Translator
from search_ui.query import REGION_SEPARATOR, TZ, SearchParams, region_level
from search_ui.service import SearchResult
from search_ui.timeline import OTHER, Timeline

MAX_BROWSABLE = 10_000   # index_settings.yaml pagination.maxTotalHits


@dataclass
class FacetItem:
    value: str
    label: str
    count: int
    active: bool
    url: str
    children: list[FacetItem] = field(default_factory=list)


@dataclass
class FacetGroup:
    name: str           # URL parameter
    title: str
    items: list[FacetItem]


@dataclass
class Chip:
    label: str
    url: str


@dataclass
class PageLink:
    number: int
    url: str
    current: bool


@dataclass
class SearchPage:
    """Context of search.html (and its partials _facets.html, _results.html)."""

    params: SearchParams
    result: SearchResult
    facets: list[FacetGroup]
    chips: list[Chip]
    pages: list[PageLink]
    prev_url: str | None
    next_url: str | None
    json_url: str
    clear_url: str
    capped: bool
    export_urls: dict[str, str] = field(default_factory=dict)   # format → URL; empty above EXPORT_CAP
    feed_url: str = ""
    tiles: list[china_grid.Tile] = field(default_factory=list)
    region_matches: list[FacetItem] = field(default_factory=list)  # facet search inside the region list
    hazard_mode_url: str = ""      # the same search with hazards matched the other way (all ↔ any)
    copies_url: str = ""           # the same search with reprints shown ↔ folded


def url_for_params(p: SearchParams, **overrides: Any) -> str:
    qs = p.query_string(**overrides)
    return "/search" + ("?" + qs if qs else "")


def fmt_ts(ts: int | None) -> str:
    if not ts:
        return ""
    return datetime.fromtimestamp(int(ts), TZ).strftime("%Y-%m-%d %H:%M")


def fmt_day(ts: int | None) -> str:
    return datetime.fromtimestamp(int(ts), TZ).strftime("%Y-%m-%d") if ts else ""


def local_date(iso: str | None, t: Translator) -> str:
    """'2024-05-10' as the interface writes dates: 2024年5月10日 in Chinese, unchanged in English."""
    if not iso or t.lang != "zh":
        return iso or ""
    try:
        d = datetime.strptime(iso[:10], "%Y-%m-%d")
    except ValueError:
        return iso
    return f"{d.year}年{d.month}月{d.day}日"


def _sorted(dist: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(dist.items(), key=lambda kv: (-kv[1], kv[0]))


def region_tree(p: SearchParams, facets: dict[str, dict[str, int]]) -> list[FacetItem]:
    """Provinces; under an active province its cities; under an active city its counties."""
    active = set(p.regions)
    active_prefixes = {
        REGION_SEPARATOR.join(path.split(REGION_SEPARATOR)[: i + 1])
        for path in p.regions for i in range(region_level(path) + 1)
    }

    def item(value: str, count: int) -> FacetItem:
        # clicking a region selects it (drill-down); clicking the selected one goes up a level
        if value in active:
            parent = value.rsplit(REGION_SEPARATOR, 1)[0] if REGION_SEPARATOR in value else None
            regions = (parent,) if parent else ()
        else:
            regions = (value,)
        url = url_for_params(replace(p, regions=regions, page=1))
        return FacetItem(value, value.rsplit(REGION_SEPARATOR, 1)[-1], count, value in active_prefixes, url)

    def children(level: int, parent: str) -> list[FacetItem]:
        dist = facets.get(f"region.lvl{level}") or {}
        prefix = parent + REGION_SEPARATOR
        out = []
        for value, count in _sorted(dist):
            if value.startswith(prefix) and REGION_SEPARATOR not in value[len(prefix):]:
                node = item(value, count)
                if value in active_prefixes and level < 2:
                    node.children = children(level + 1, value)
                out.append(node)
        return out

    tree = []
    for value, count in _sorted(facets.get("region.lvl0") or {}):
        node = item(value, count)
        if value in active_prefixes:
            node.children = children(1, value)
        tree.append(node)
    return tree


def toggle_items(p: SearchParams, attr: str, dist: dict[str, int], label, convert=str) -> list[FacetItem]:
    current = getattr(p, attr)
    items = []
    for value, count in dist.items():
        typed = convert(value)
        url = url_for_params(p.toggled(attr, typed))
        items.append(FacetItem(value, label(value), count, typed in current, url))
    # values selected but absent from the counts (0 hits) still show, so they can be removed
    for typed in current:
        if str(typed) not in dist:
            items.append(FacetItem(str(typed), label(str(typed)), 0, True, url_for_params(p.toggled(attr, typed))))
    return items


def search_page(p: SearchParams, result: SearchResult, t: Translator) -> SearchPage:
    f = result.facets
    groups = [
        FacetGroup("region", t("region"), region_tree(p, f)),
        FacetGroup("hazard", t("hazards"), sorted(
            toggle_items(p, "hazards", f.get("hazards") or {}, t.hazard), key=lambda i: (-i.count, i.value))),
        FacetGroup("source_type", t("source_type"), sorted(
            toggle_items(p, "source_types", f.get("source_type") or {}, t.source_type), key=lambda i: (-i.count, i.value))),
        FacetGroup("issuer_level", t("issuer_level"), sorted(
            toggle_items(p, "issuer_levels", f.get("issuer_level") or {}, t.issuer_level), key=lambda i: (-i.count, i.value))),
        FacetGroup("event_type", t("event_type"), sorted(
            toggle_items(p, "event_types", f.get("event_type") or {}, t.event_type), key=lambda i: (-i.count, i.value))),
        FacetGroup("safety", t("safety_only"), safety_items(p, f.get("safety_related") or {}, t)),
        FacetGroup("year", t("year"), sorted(
            toggle_items(p, "years", f.get("year") or {}, str, int), key=lambda i: i.value, reverse=True)),
    ]
    chips = [Chip(f"{t('region')}: {r}", url_for_params(replace(p, regions=tuple(x for x in p.regions if x != r), page=1)))
             for r in p.regions]
    chips += [Chip(f"{t('hazards')}: {t.hazard(h)}", url_for_params(p.toggled("hazards", h))) for h in p.hazards]
    chips += [Chip(f"{t('source_type')}: {t.source_type(s)}", url_for_params(p.toggled("source_types", s)))
              for s in p.source_types]
    chips += [Chip(f"{t('issuer_level')}: {t.issuer_level(v)}", url_for_params(p.toggled("issuer_levels", v)))
              for v in p.issuer_levels]
    chips += [Chip(f"{t('event_type')}: {t.event_type(v)}", url_for_params(p.toggled("event_types", v)))
              for v in p.event_types]
    if p.safety:
        chips.append(Chip(t("safety_only"), url_for_params(replace(p, safety=False, page=1))))
    chips += [Chip(f"{t('year')}: {y}", url_for_params(p.toggled("years", y))) for y in p.years]
    if p.date_from:
        chips.append(Chip(f"{t('date_from')}: {p.date_from}", url_for_params(replace(p, date_from=None, page=1))))
    if p.date_to:
        chips.append(Chip(f"{t('date_to')}: {p.date_to}", url_for_params(replace(p, date_to=None, page=1))))

    export_qs = p.query_string(page=1, per_page=20, region_q="")
    last = max(1, result.total_pages)
    window = range(max(1, p.page - 3), min(last, p.page + 3) + 1)
    pages = [PageLink(n, url_for_params(p, page=n), n == p.page) for n in window]
    qs = p.query_string()
    return SearchPage(
        params=p,
        result=result,
        facets=groups,
        chips=chips,
        pages=pages if last > 1 else [],
        prev_url=url_for_params(p, page=p.page - 1) if p.page > 1 else None,
        next_url=url_for_params(p, page=p.page + 1) if p.page < last else None,
        json_url="/search.json" + ("?" + qs if qs else ""),
        clear_url=url_for_params(SearchParams(q=p.q, sort=p.sort)),
        capped=result.total > MAX_BROWSABLE,
        export_urls={fmt: f"/search.{fmt}" + ("?" + export_qs if export_qs else "") for fmt in FORMATS}
        if result.total <= EXPORT_CAP else {},
        feed_url="/search.atom" + ("?" + export_qs if export_qs else ""),
        hazard_mode_url=url_for_params(replace(p, hazard_mode="or" if p.hazard_mode == "and" else "and", page=1)),
        copies_url=url_for_params(replace(p, all_copies=not p.all_copies, page=1)),
        tiles=china_grid.tiles(f.get("region.lvl0") or {}, {r.split(REGION_SEPARATOR)[0] for r in p.regions},
                               lambda province: province_url(p, province)),
    )


def province_url(p: SearchParams, province: str) -> str:
    """A map tile: select the province (replacing other regions); the selected one clears it."""
    selected = any(r.split(REGION_SEPARATOR)[0] == province for r in p.regions)
    return url_for_params(replace(p, regions=() if selected else (province,), page=1))


def safety_items(p: SearchParams, dist: dict[str, int], t: Translator) -> list[FacetItem]:
    count = int(dist.get("true", 0))
    return [FacetItem("1", t("safety_only"), count, p.safety, url_for_params(replace(p, safety=not p.safety, page=1)))]


def region_matches(p: SearchParams, values: list[tuple[str, int]]) -> list[FacetItem]:
    """Regions found by typing in the region list's search box: each link selects that region."""
    return [FacetItem(v, v, n, v in p.regions, url_for_params(replace(p, regions=(v,), region_q="", page=1)))
            for v, n in values]


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- the timeline chart -----------------------------------------------------------------------
CHART_HEIGHT = 100
BAR_WIDTH, BAR_GAP = 10, 3


@dataclass
class Segment:
    series: int               # index into TimelineView.series (the colour class)
    y: float
    height: float
    count: int


@dataclass
class Bar:
    key: str
    label: str                # "2024-05", "2024-05-06 – 2024-05-12", "2024"
    total: int
    url: str                  # the search narrowed to this span
    x: int
    segments: list[Segment]
    by_series: list[int]      # count per series, for the table


@dataclass
class TimelineView:
    unit: str
    series: list[str]         # labels
    bars: list[Bar]
    width: int
    height: int = CHART_HEIGHT


def timeline_view(p: SearchParams, tl: Timeline, t: Translator) -> TimelineView:
    """Stacked bars with links that narrow the date range to the bar's span (works without JS)."""
    labels = [t("other") if code == OTHER else t.hazard(code) for code in tl.series]
    top = max(tl.max_total, 1)
    bars = []
    for i, b in enumerate(tl.buckets):
        y, segments = float(CHART_HEIGHT), []
        for n, code in enumerate(tl.series):
            count = b.segments.get(code, 0)
            if count:
                h = CHART_HEIGHT * count / top
                y -= h
                segments.append(Segment(n, round(y, 2), round(h, 2), count))
        label = b.key if tl.unit != "week" else f"{b.start.isoformat()} – {b.end.isoformat()}"
        bars.append(Bar(b.key, label, b.total, url_for_params(replace(p, date_from=b.start, date_to=b.end, page=1)),
                        i * (BAR_WIDTH + BAR_GAP), segments, [b.segments.get(code, 0) for code in tl.series]))
    return TimelineView(tl.unit, labels, bars, max(len(bars) * (BAR_WIDTH + BAR_GAP), 1))
