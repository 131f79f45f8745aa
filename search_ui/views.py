"""Template contexts: what `_facets.html`, `_results.html` and the pages receive.

Facets are small objects with links already built, so templates only loop and print.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from markupsafe import Markup, escape

from search_ui import china_grid
from search_ui.export import EXPORT_CAP, FORMATS
from search_ui.facets import Chip, FacetGroup, FacetItem
from search_ui.i18n import Translator
from search_ui.parsing import REGION_LEVELS, REGION_SEPARATOR, region_level
from search_ui.query import DATE_PRESETS, SEARCH_IN, TZ, SearchParams
from search_ui.relax import Relaxed, nearest
from search_ui.service import SearchResult, Understood
from search_ui.syntax import parse_query
from search_ui.timeline import MAX_SERIES, Timeline
from search_ui.understand import Meaning

MAX_BROWSABLE = 10_000   # index_settings.yaml pagination.maxTotalHits
# fields of the search form itself; every other parameter of the state rides along as a hidden input
# (`literal` is left behind: a new query is read afresh)
FORM_FIELDS = frozenset({"q", "from", "to", "date", "in", "semantic", "page", "region_q", "literal"})


@dataclass
class PageLink:
    number: int
    url: str
    current: bool


@dataclass
class Link:
    label: str
    url: str
    current: bool = False
    count: int | None = None
    note: str = ""            # what kind of filter (offers) or what was left out (nearest searches)


@dataclass
class CompareRow:
    """One of several regions selected: its count in this search, and links to it alone or without it."""

    value: str
    label: str
    count: int | None
    only_url: str
    remove_url: str


@dataclass
class UnderstoodView:
    """The words read as filters (applied, with the undo link) and the readings offered."""

    words: list[str]                       # the words read and applied, as typed
    filters: list[str]                     # what they became: "地区：陕西省"
    literal_url: str = ""                  # the words as typed (literal=1)
    literal_total: int | None = None
    offers: list[Link] = field(default_factory=list)


@dataclass
class ZeroView:
    """A search without results: what was searched, each filter with the count without it, and
    the nearest searches that find something."""

    words: list[str]
    filters: list[Link]
    nearest: list[Link]


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
    capped: str               # the browsing cap, written out, when the total reaches it (else "")
    hidden_pairs: list[tuple[str, str]] = field(default_factory=list)   # the state the search form carries along
    export_urls: dict[str, str] = field(default_factory=dict)   # format → URL; empty above EXPORT_CAP
    feed_url: str = ""
    follow_url: str = ""           # the human page of the feed: the address to copy, a preview, saving the search
    tiles: list[china_grid.Tile] = field(default_factory=list)
    region_matches: list[FacetItem] = field(default_factory=list)  # facet search inside the region list
    copies_url: str = ""           # the same search with reprints shown ↔ folded
    last_page_url: str | None = None   # set when the page asked for is past the last one
    form: SearchParams | None = None   # the search as asked: the form shows it (params: what ran)
    sorts: list[Link] = field(default_factory=list)
    understood: UnderstoodView | None = None
    compare: list[CompareRow] = field(default_factory=list)     # several regions side by side, with counts
    zero: ZeroView | None = None
    date_options: list[tuple[str, str]] = field(default_factory=list)   # the form's date spans: (value, label)
    in_options: list[tuple[str, str]] = field(default_factory=list)     # the form's fields to search in

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
    """The page of a search; `p` is what ran (result.params), the form shows what was asked."""
    asked = result.understood.requested if result.understood else p
    f = result.facets
    groups = [facet.group(p, f, t) for facet in p.registry]
    for facet, group in zip(p.registry, groups, strict=True):
        if group.name in result.uncounted:
            group.uncounted = t("facet_uncounted", n=shown_total(result.total), max=f"{facet.exact_within or 0:,}")
    add_region_links(p, groups)
    chips = [chip for facet in p.registry for chip in facet.chips(p, t)]
    if p.date_preset:
        chips.append(Chip(f"{t('date_span')}: {t('date_' + p.date_preset)}", p.url(date_preset="", page=1)))
    if p.date_from:
        chips.append(Chip(f"{t('date_from')}: {p.date_from}", p.url(date_from=None, page=1)))
    if p.date_to:
        chips.append(Chip(f"{t('date_to')}: {p.date_to}", p.url(date_to=None, page=1)))
    if p.search_in:
        chips.append(Chip(f"{t('search_in')}: {t('in_' + p.search_in)}", p.url(search_in="", page=1)))

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
        json_url=asked.url("/search.json"),
        clear_url=SearchParams(q=p.q, sort=p.sort, registry=p.registry).url(),
        capped=f"{MAX_BROWSABLE:,}" if result.total >= MAX_BROWSABLE else "",
        hidden_pairs=[(k, v) for k, v in asked.to_pairs() if k not in FORM_FIELDS],
        export_urls={fmt: p.url(f"/search.{fmt}", page=1, per_page=20, region_q="") for fmt in FORMATS}
        if result.total <= EXPORT_CAP else {},
        feed_url=p.url("/search.atom", page=1, per_page=20, region_q=""),
        follow_url=p.url("/follow", page=1, per_page=20, region_q=""),
        copies_url=p.url(all_copies=not p.all_copies, page=1),
        tiles=[replace(tile, label=t.region(tile.province)) if t.lang == "en" else tile for tile in
               china_grid.tiles(f.get("region.lvl0") or {}, {r.split(REGION_SEPARATOR)[0] for r in regions},
                                lambda province: province_url(p, province))],
        last_page_url=p.url(page=last) if not result.hits and result.total and p.page > last else None,
        form=asked,
        sorts=sort_links(p, t),
        understood=understood_view(result.understood, t) if result.understood else None,
        compare=compare_regions(p, f, t),
        zero=zero_view(p, result.relaxed, t) if result.relaxed is not None else None,
        date_options=date_presets(t),
        in_options=search_in_options(t),
    )


# --- sorting, several regions ------------------------------------------------------------------
def sort_links(p: SearchParams, t: Translator) -> list[Link]:
    """Relevance (with a query), newest first, oldest first: links, so a choice applies at once.
    The default of the search is written as no `sort` at all (short shared URLs)."""
    default = "relevance" if p.q else "date"
    shown = (["relevance"] if p.q else []) + ["date", "date_asc"]
    return [Link(t("sort_" + s), p.url(sort="" if s == default else s, page=1), p.effective_sort == s) for s in shown]


def date_presets(t: Translator) -> list[tuple[str, str]]:
    """The options of the form's date span: (value, label), "" = any time."""
    return [("", t("date_any")), *((v, t("date_" + v)) for v in DATE_PRESETS)]


def search_in_options(t: Translator) -> list[tuple[str, str]]:
    return [("", t("in_all")), *((v, t("in_" + v)) for v in SEARCH_IN)]


def compare_regions(p: SearchParams, facets: dict[str, dict[str, int]], t: Translator) -> list[CompareRow]:
    """Each selected region with its count in this search (regions are any of them, OR), when
    there are several: the region facet counts them while ignoring its own filter."""
    regions = p.values("region")
    if len(regions) < 2:
        return []
    out = []
    for path in regions:
        count = (facets.get(REGION_LEVELS[region_level(path)]) or {}).get(path)
        out.append(CompareRow(path, t.region(path), count, p.with_values("region", (path,)).url(), p.toggled("region", path).url()))
    return out


def add_region_links(p: SearchParams, groups: list[FacetGroup]) -> None:
    """While a region is selected, the regions of the list outside it get a link that adds them
    (the regions then show side by side) besides the one that switches to them."""
    selected = p.values("region")
    if not selected:
        return
    for group in groups:
        if group.name == "region":
            for item in _walk(group.items):
                related = any(item.value == r or item.value.startswith(r + REGION_SEPARATOR)
                              or r.startswith(item.value + REGION_SEPARATOR) for r in selected)
                if not related:        # a place inside a selected one (or around it) adds nothing
                    item.add_url = p.with_values("region", (*selected, item.value)).url()


def _walk(items: list[FacetItem]) -> list[FacetItem]:
    return [x for item in items for x in (item, *_walk(item.children))]


# --- what the query was read as; searches next to one that finds nothing ----------------------
def meaning_label(m: Meaning, t: Translator) -> str:
    if m.param == "region":
        return t.region(m.value)
    if m.param == "hazard":
        return t.hazard(m.value)
    if m.param == "year":
        return t("year_n", n=m.value)
    if m.param == "date":
        return t("date_" + m.value)
    lo, hi = m.value
    return lo.isoformat() if lo == hi else f"{lo.isoformat()} – {hi.isoformat()}"


def kind_title(m: Meaning, t: Translator) -> str:
    return {"region": t("region"), "hazard": t("hazards"), "year": t("year")}.get(m.param, t("date_span"))


def understood_view(u: Understood, t: Translator) -> UnderstoodView:
    applied = [f"{kind_title(r.meaning, t)}：{meaning_label(r.meaning, t)}" if t.lang == "zh"
               else f"{kind_title(r.meaning, t)}: {meaning_label(r.meaning, t)}" for r in u.applied]
    offers = [Link(meaning_label(o.meaning, t), o.params.url(), count=o.total, note=t("offer_" + o.reading.kind))
              for o in u.offers]
    return UnderstoodView(
        words=[r.text for r in u.applied],
        filters=list(dict.fromkeys(applied)),
        literal_url=u.requested.url(literal=True, page=1) if u.applied else "",
        literal_total=u.literal_total,
        offers=offers,
    )


def group_label(p: SearchParams, group: str, t: Translator) -> str:
    """One filter group of a search as the chips write it: "地区: 陕西省、河南省"."""
    if group == "date":
        lo, hi = p.date_range
        span = t("date_" + p.date_preset) if p.date_preset and not (p.date_from or p.date_to) else \
            f"{lo.isoformat() if lo else '…'} – {hi.isoformat() if hi else '…'}"
        return f"{t('date_span')}: {span}"
    if group == "in":
        return f"{t('search_in')}: {t('in_' + p.search_in)}"
    facet = p.registry[group]
    chips = facet.chips(p, t)
    return "、".join(c.label for c in chips) if chips else t.pick(facet.title)


def zero_view(p: SearchParams, relaxed: list[Relaxed], t: Translator) -> ZeroView:
    filters = [Link(group_label(p, r.what, t), r.params.url(), count=r.total) for r in relaxed if r.kind == "filter"]
    near = []
    shown = {c.label for facet in p.registry for c in facet.chips(p, t)}
    for r in nearest(relaxed):
        words = r.params.q or t("no_words")
        note = t("left_out", word=r.what) if r.kind == "word" else t("relax_" + r.kind)
        added = [c.label for facet in r.params.registry for c in facet.chips(r.params, t) if c.label not in shown]
        if r.params.date_range != p.date_range and r.params.date_range != (None, None):
            added.append(group_label(r.params, "date", t))
        near.append(Link(words, r.params.url(), count=r.total, note="；".join([note, *added]) if t.lang == "zh"
                         else "; ".join([note, *added])))
    return ZeroView(words=list(parse_query(p.q).used), filters=filters, nearest=near)


def province_url(p: SearchParams, province: str) -> str:
    """A map tile: select the province (replacing other regions); the selected one clears it."""
    selected = any(r.split(REGION_SEPARATOR)[0] == province for r in p.values("region"))
    return p.with_values("region", () if selected else (province,)).url()


def shown_total(total: int) -> str:
    """A result count as the page writes it. Meilisearch counts up to pagination.maxTotalHits and
    answers that number for any larger result set, so there the count is a floor: "10,000+"."""
    return f"{total:,}+" if total >= MAX_BROWSABLE else f"{total:,}"


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
class Strip:
    """One hazard's row under the bars: a cell per period, darker for more documents."""

    label: str
    colour: int               # CSS class s0–s5
    total: int
    cells_svg: Markup         # a <rect> per period with documents, darker for more (drawn by strip_cells)


@dataclass
class TimelineView:
    unit: str
    series: list[str]         # labels of every hazard series (table columns)
    series_totals: list[int]
    bars: list[Bar]
    bars_svg: Markup          # the bars as SVG links (drawn by bar_links)
    table_rows: Markup        # the table's rows, a bar each (drawn by table_rows)
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
    urls = p.date_span_urls([(b.start, b.end) for b in tl.buckets])
    for i, (b, url) in enumerate(zip(tl.buckets, urls, strict=True)):
        h = round(CHART_HEIGHT * b.total / top, 2)
        label = b.key if tl.unit != "week" else f"{b.start.isoformat()} – {b.end.isoformat()}"
        bars.append(Bar(b.key, label, b.total, url, i * (BAR_WIDTH + BAR_GAP),
                        round(CHART_HEIGHT - h, 2), h, b.start.isoformat(), b.end.isoformat(),
                        [b.by_hazard.get(code, 0) for code in tl.series]))
    drawn = tl.series[:MAX_SERIES]
    largest = max((b.by_hazard.get(code, 0) for b in tl.buckets for code in drawn), default=0)
    strips = []
    for n, code in enumerate(drawn):
        name = t.hazard(code)
        counts = [(bar, count) for bar, b in zip(bars, tl.buckets, strict=True) if (count := b.by_hazard.get(code, 0))]
        strips.append(Strip(name, n, tl.series_total(code), strip_cells(n, name, counts, largest, t)))
    return TimelineView(
        unit=tl.unit, series=[t.hazard(code) for code in tl.series], series_totals=[tl.series_total(c) for c in tl.series],
        bars=bars, bars_svg=bar_links(bars, t), table_rows=table_rows(bars), strips=strips, ticks=(top // 2, top),
        total=tl.total, width=max(len(bars) * (BAR_WIDTH + BAR_GAP), 1),
        csv_url=p.url("/timeline.csv", page=1, per_page=20, region_q=""),
    )


# The chart's repeated elements are written here rather than in _timeline.html: a ten-year search
# draws 120 bars, 120 table rows of 19 cells and up to 720 strip cells, and the template's
# escaping of each value was a sixth of the search page's CPU at 1M documents
# (bench/load_search.py). Numbers need no escaping; every text and URL goes through escape().
def bar_links(bars: list[Bar], t: Translator) -> Markup:
    out = []
    for bar in bars:
        said = escape(t("timeline_bar", period=bar.label, n=bar.total))
        fill = (f'<rect class="bar-fill" x="{bar.x}" y="{bar.y}" width="{BAR_WIDTH}" height="{bar.height}"></rect>'
                if bar.total else "")
        out.append(f'<a href="{escape(bar.url)}" class="bar" data-key="{escape(bar.key)}" data-from="{bar.start}" '
                   f'data-to="{bar.end}" data-label="{escape(bar.label)}" tabindex="-1" aria-label="{said}"><title>{said}</title>'
                   f'<rect class="bar-hit" x="{bar.x}" y="0" width="{BAR_WIDTH}" height="{CHART_HEIGHT}"></rect>{fill}</a>')
    return Markup("\n".join(out))


def table_rows(bars: list[Bar]) -> Markup:
    return Markup("\n".join(
        f'<tr><th scope="row"><a href="{escape(bar.url)}">{escape(bar.label)}</a></th><td>{bar.total}</td>'
        + "".join(f"<td>{n}</td>" for n in bar.by_series) + "</tr>"
        for bar in bars))


def strip_cells(colour: int, hazard: str, counts: list[tuple[Bar, int]], largest: int, t: Translator) -> Markup:
    # the cell title's words once per strip, the period and count put in per cell (up to 720 a page)
    title = str(escape(t("timeline_cell", period=_PERIOD, hazard=hazard, n=_COUNT)))
    return Markup("".join(
        f'<rect class="s{colour} h{heat_level(count, largest)}" x="{bar.x}" y="0" width="{BAR_WIDTH}" height="{STRIP_HEIGHT}">'
        f'<title>{title.replace(_PERIOD, str(escape(bar.label))).replace(_COUNT, str(count))}</title></rect>'
        for bar, count in counts))


_PERIOD, _COUNT = "\ue010", "\ue011"    # private-use stand-ins, untouched by escape()
