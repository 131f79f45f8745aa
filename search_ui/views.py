"""Template contexts: what `_facets.html`, `_results.html` and the pages receive.

Facets are small objects with links already built, so templates only loop and print.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from search_ui import china_grid
from search_ui.export import EXPORT_CAP, FORMATS
from search_ui.facets import Chip, FacetGroup, FacetItem
from search_ui.i18n import Translator
from search_ui.parsing import REGION_SEPARATOR
from search_ui.query import TZ, SearchParams
from search_ui.service import SearchResult
from search_ui.timeline import MAX_SERIES, Timeline

MAX_BROWSABLE = 10_000   # index_settings.yaml pagination.maxTotalHits
# fields of the search form itself; every other parameter of the state rides along as a hidden input
FORM_FIELDS = frozenset({"q", "from", "to", "sort", "semantic", "page", "region_q"})


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
    hidden_pairs: list[tuple[str, str]] = field(default_factory=list)   # the state the search form carries along
    export_urls: dict[str, str] = field(default_factory=dict)   # format → URL; empty above EXPORT_CAP
    feed_url: str = ""
    tiles: list[china_grid.Tile] = field(default_factory=list)
    region_matches: list[FacetItem] = field(default_factory=list)  # facet search inside the region list
    copies_url: str = ""           # the same search with reprints shown ↔ folded
    last_page_url: str | None = None   # set when the page asked for is past the last one

    @property
    def past_end(self) -> bool:
        return self.last_page_url is not None


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


def search_page(p: SearchParams, result: SearchResult, t: Translator) -> SearchPage:
    f = result.facets
    groups = [facet.group(p, f, t) for facet in p.registry]
    chips = [chip for facet in p.registry for chip in facet.chips(p, t)]
    if p.date_from:
        chips.append(Chip(f"{t('date_from')}: {p.date_from}", p.url(date_from=None, page=1)))
    if p.date_to:
        chips.append(Chip(f"{t('date_to')}: {p.date_to}", p.url(date_to=None, page=1)))

    last = max(1, result.total_pages)
    anchor = min(p.page, last)          # a page past the end gets the links around the last page
    window = range(max(1, anchor - 3), min(last, anchor + 3) + 1)
    pages = [PageLink(n, p.url(page=n), n == p.page) for n in window]
    regions = p.values("region")
    return SearchPage(
        params=p,
        result=result,
        facets=groups,
        chips=chips,
        pages=pages if last > 1 else [],
        prev_url=p.url(page=min(p.page - 1, last)) if p.page > 1 else None,
        next_url=p.url(page=p.page + 1) if p.page < last else None,
        json_url=p.url("/search.json"),
        clear_url=SearchParams(q=p.q, sort=p.sort, registry=p.registry).url(),
        capped=result.total > MAX_BROWSABLE,
        hidden_pairs=[(k, v) for k, v in p.to_pairs() if k not in FORM_FIELDS],
        export_urls={fmt: p.url(f"/search.{fmt}", page=1, per_page=20, region_q="") for fmt in FORMATS}
        if result.total <= EXPORT_CAP else {},
        feed_url=p.url("/search.atom", page=1, per_page=20, region_q=""),
        copies_url=p.url(all_copies=not p.all_copies, page=1),
        tiles=china_grid.tiles(f.get("region.lvl0") or {}, {r.split(REGION_SEPARATOR)[0] for r in regions},
                               lambda province: province_url(p, province)),
        last_page_url=p.url(page=last) if not result.hits and result.total and p.page > last else None,
    )


def province_url(p: SearchParams, province: str) -> str:
    """A map tile: select the province (replacing other regions); the selected one clears it."""
    selected = any(r.split(REGION_SEPARATOR)[0] == province for r in p.values("region"))
    return p.with_values("region", () if selected else (province,)).url()


def region_matches(p: SearchParams, values: list[tuple[str, int]]) -> list[FacetItem]:
    """Regions found by typing in the region list's search box: each link selects that region."""
    return [FacetItem(v, v, n, v in p.values("region"), replace(p.with_values("region", (v,)), region_q="").url())
            for v, n in values]


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- the timeline chart -----------------------------------------------------------------------
CHART_HEIGHT = 100
BAR_WIDTH, BAR_GAP = 10, 3
STRIP_HEIGHT = 10
HEAT_LEVELS = 4           # shades of a hazard strip's cells (CSS classes h1–h4)
NICE_STEPS = (1, 2, 3, 4, 5, 6, 8)


@dataclass
class Bar:
    key: str
    label: str                # "2024-05", "2024-05-06 – 2024-05-12", "2024"
    total: int
    url: str                  # the search narrowed to this span
    x: int
    y: float
    height: float
    start: str                # ISO dates of the span, for the range selection (static/timeline.js)
    end: str
    by_series: list[int]      # count per hazard (every series), for the table


@dataclass
class Cell:
    x: int
    level: int                # 1–HEAT_LEVELS
    title: str


@dataclass
class Strip:
    """One hazard's row under the bars: a cell per period, darker for more documents."""

    label: str
    colour: int               # CSS class s0–s5
    total: int
    cells: list[Cell]


@dataclass
class TimelineView:
    unit: str
    series: list[str]         # labels of every hazard series (table columns)
    series_totals: list[int]
    bars: list[Bar]
    strips: list[Strip]       # the first MAX_SERIES series, drawn
    ticks: tuple[int, int]    # y-axis: the middle and the top value (the bottom is 0)
    total: int                # documents in the chart
    width: int
    csv_url: str
    height: int = CHART_HEIGHT
    strip_height: int = STRIP_HEIGHT

    @property
    def middle_bar(self) -> Bar | None:
        return self.bars[len(self.bars) // 2] if len(self.bars) > 2 else None


def axis_top(largest: int) -> int:
    """The y-axis' top value: twice a round step, at least `largest` (7 → 8, 11 → 12, 130 → 160)."""
    magnitude = 1
    while True:
        for step in NICE_STEPS:
            if 2 * step * magnitude >= largest:
                return 2 * step * magnitude
        magnitude *= 10


def heat_level(count: int, largest: int) -> int:
    return max(1, min(HEAT_LEVELS, -(-HEAT_LEVELS * count // max(largest, 1))))


def timeline_view(p: SearchParams, tl: Timeline, t: Translator) -> TimelineView:
    """Bars of documents per period on a labelled scale, links narrowing the dates to their span
    (working without JavaScript), and one strip per drawn hazard series."""
    top = axis_top(max(tl.max_total, 1))
    bars = []
    for i, b in enumerate(tl.buckets):
        h = round(CHART_HEIGHT * b.total / top, 2)
        label = b.key if tl.unit != "week" else f"{b.start.isoformat()} – {b.end.isoformat()}"
        bars.append(Bar(b.key, label, b.total, p.url(date_from=b.start, date_to=b.end, page=1), i * (BAR_WIDTH + BAR_GAP),
                        round(CHART_HEIGHT - h, 2), h, b.start.isoformat(), b.end.isoformat(),
                        [b.by_hazard.get(code, 0) for code in tl.series]))
    drawn = tl.series[:MAX_SERIES]
    largest = max((b.by_hazard.get(code, 0) for b in tl.buckets for code in drawn), default=0)
    strips = []
    for n, code in enumerate(drawn):
        name = t.hazard(code)
        cells = [Cell(bar.x, heat_level(count, largest), t("timeline_cell", period=bar.label, hazard=name, n=count))
                 for bar, b in zip(bars, tl.buckets, strict=True) if (count := b.by_hazard.get(code, 0))]
        strips.append(Strip(name, n, tl.series_total(code), cells))
    return TimelineView(
        unit=tl.unit, series=[t.hazard(code) for code in tl.series], series_totals=[tl.series_total(c) for c in tl.series],
        bars=bars, strips=strips, ticks=(top // 2, top), total=tl.total,
        width=max(len(bars) * (BAR_WIDTH + BAR_GAP), 1), csv_url=p.url("/timeline.csv", page=1, per_page=20, region_q=""),
    )
