"""The timeline of a result set: documents per month (per week for a short date range, per year for
a long span), and per hazard. Pure: plans the facet-only searches it needs and folds the answers.

Every hazard of a document counts: a notice about drowning and food safety counts once in the
total and once in each of the two hazard series, so the series of a bucket can add up to more
than its total (the page says so). The series are the hazards of the result set, most frequent
first; the chart draws the first MAX_SERIES, the table and the CSV hold all of them.

Requests: the main search counts the totals and the compound facet the indexer adds
(indexer/search_index/sync.py): `month` and `month_hazard` ("2024-05|drowning"), or, in week mode
(a date range of less than WEEK_MODE_MAX_DAYS), `week` and `week_hazard` ("2024-05-06|drowning",
keyed by the week's Monday; the date filter keeps the counts of a partial first or last week to
the range). Nothing more to ask. An index synced before those fields existed, or a distribution
cut off at maxValuesPerFacet, falls back, all in one multi-search, to one facet-only search per
hazard series (facets: month) in month mode, one per week (facets: hazards, exact totalHits) in
week mode. Measured at 100,000 documents (Meilisearch time of a page, medians of the seven kinds
of bench/load_search.py, interleaved): 112 ms with the compound facet, 159 ms with a search per
hazard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from indexer.search_index.filters import all_of, between, equals
from indexer.search_index.sync import MONTH_HAZARD_SEPARATOR
from search_ui.query import (
    PlannedSearch,
    SearchParams,
    common_params,
    day_start,
    filter_without,
    planned,
    week_mode,
)
from search_ui.syntax import parse_query

MAX_SERIES = 6            # series drawn in the chart; the table and the CSV have every hazard
MAX_MONTH_BARS = 120      # beyond, months are folded into years
FACET_CAP = 3000          # config/index_settings.yaml faceting.maxValuesPerFacet: a longer distribution was cut
MONTH, MONTH_HAZARD, WEEK, WEEK_HAZARD, HAZARDS = "month", "month_hazard", "week", "week_hazard", "hazards"


@dataclass
class Bucket:
    key: str                  # "2024-05", "2024-05-06" (week start) or "2024"
    start: date
    end: date                 # inclusive
    total: int = 0            # documents
    by_hazard: dict[str, int] = field(default_factory=dict)   # hazard → documents with that hazard


@dataclass
class Timeline:
    unit: str                 # month | week | year
    series: list[str]         # hazard codes, most documents first
    buckets: list[Bucket]

    @property
    def max_total(self) -> int:
        return max((b.total for b in self.buckets), default=0)

    @property
    def total(self) -> int:
        return sum(b.total for b in self.buckets)

    def series_total(self, code: str) -> int:
        return sum(b.by_hazard.get(code, 0) for b in self.buckets)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "series": self.series,
            "counting": "a document counts once in total and once under each of its hazards",
            "buckets": [{"key": b.key, "from": b.start.isoformat(), "to": b.end.isoformat(), "total": b.total,
                         "by_hazard": {k: v for k, v in b.by_hazard.items() if v}} for b in self.buckets],
        }


def weeks(p: SearchParams) -> list[tuple[date, date]]:
    lo, hi = p.date_range
    assert lo and hi
    out, start = [], lo - timedelta(days=lo.weekday())
    while start <= hi:
        out.append((max(start, lo), min(start + timedelta(days=6), hi)))
        start += timedelta(days=7)
    return out


def ranked(counts: dict[str, int]) -> list[str]:
    return [code for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n]


def split_compound(dist: dict[str, int]) -> dict[str, dict[str, int]]:
    """{"2024-05|drowning": 3} → {"drowning": {"2024-05": 3}}"""
    out: dict[str, dict[str, int]] = {}
    for key, count in dist.items():
        month, sep, code = str(key).partition(MONTH_HAZARD_SEPARATOR)
        if sep and count:
            out.setdefault(code, {})[month] = int(count)
    return out


def compound_usable(facets: dict[str, Any], totals: str = MONTH, compound: str = MONTH_HAZARD) -> bool:
    """The main answer's period × hazard counts are whole: the index has the fields (the totals are
    counted, and any document with a hazard has a compound value) and the distribution was not
    cut off at maxValuesPerFacet."""
    counts = facets.get(compound) or {}
    if len(counts) >= FACET_CAP or (any(facets.get(MONTH) or {}) and not any(facets.get(totals) or {})):
        return False
    return bool(counts) or not any(facets.get(HAZARDS) or {})


def week_key(start: date) -> str:
    return (start - timedelta(days=start.weekday())).isoformat()


def plan(p: SearchParams, main: dict[str, Any]) -> list[PlannedSearch]:
    """The facet-only searches still needed after the main search's answer (often none)."""
    parsed = parse_query(p.q)
    common = common_params(p, parsed)
    facets = main.get("facetDistribution") or {}
    if week_mode(p):
        if compound_usable(facets, WEEK, WEEK_HAZARD):
            return []
        base = filter_without(p, "date")
        out = []
        for start, end in weeks(p):
            span = between("published_at", day_start(start), day_start(end + timedelta(days=1)))
            out.append(planned("timeline", parsed, {"filter": all_of([base, span]) or None, "page": 1, "hitsPerPage": 0,
                                                     "facets": [HAZARDS], **common}))
        return out
    if compound_usable(facets):
        return []
    base = filter_without(p)
    return [planned("timeline", parsed, {"filter": all_of([base, equals(HAZARDS, code)]), "limit": 0, "facets": [MONTH], **common})
            for code in ranked(facets.get(HAZARDS) or {})[:MAX_SERIES]]


def build(p: SearchParams, main: dict[str, Any], answers: list[dict[str, Any]]) -> Timeline:
    facets = main.get("facetDistribution") or {}
    if week_mode(p) and compound_usable(facets, WEEK, WEEK_HAZARD):
        totals = {k: int(v) for k, v in (facets.get(WEEK) or {}).items()}
        per_hazard = split_compound(facets.get(WEEK_HAZARD) or {})
        buckets = [Bucket(start.isoformat(), start, end, totals.get(week_key(start), 0),
                          {code: n for code, dist in per_hazard.items() if (n := dist.get(week_key(start), 0))})
                   for start, end in weeks(p)]
        return Timeline("week", _series(buckets), buckets)
    if week_mode(p):
        buckets = []
        for (start, end), answer in zip(weeks(p), answers, strict=False):
            counts = {k: int(v) for k, v in ((answer.get("facetDistribution") or {}).get(HAZARDS) or {}).items() if v}
            total = int(answer.get("totalHits") or answer.get("estimatedTotalHits") or 0)
            buckets.append(Bucket(start.isoformat(), start, end, total, counts))
        return Timeline("week", _series(buckets), buckets)

    months = {k: int(v) for k, v in (facets.get(MONTH) or {}).items() if v}
    if compound_usable(facets):
        per_hazard = split_compound(facets.get(MONTH_HAZARD) or {})
    else:
        codes = ranked(facets.get(HAZARDS) or {})[:MAX_SERIES]
        per_hazard = {code: {k: int(v) for k, v in ((a.get("facetDistribution") or {}).get(MONTH) or {}).items()}
                      for code, a in zip(codes, answers, strict=False)}
    keys = month_range(sorted(months)) if months else []
    unit = "month"
    if len(keys) > MAX_MONTH_BARS:
        unit, keys = "year", [str(y) for y in range(int(keys[0][:4]), int(keys[-1][:4]) + 1)]
    width = len(keys[0]) if keys else 0
    totals, by_code = _by_prefix(months, width), {code: _by_prefix(dist, width) for code, dist in per_hazard.items()}
    buckets = []
    for key in keys:
        start, end = bounds(key)
        counts = {code: n for code, dist in by_code.items() if (n := dist.get(key, 0))}
        buckets.append(Bucket(key, start, end, totals.get(key, 0), counts))
    return Timeline(unit, _series(buckets), buckets)


def _series(buckets: list[Bucket]) -> list[str]:
    totals: dict[str, int] = {}
    for b in buckets:
        for code, n in b.by_hazard.items():
            totals[code] = totals.get(code, 0) + n
    return ranked(totals)


def month_range(keys: list[str]) -> list[str]:
    """Every month from the first to the last key, gaps filled (an empty month is a zero bar)."""
    valid = [k for k in keys if len(k) == 7 and k[4] == "-" and k[:4].isdigit() and k[5:].isdigit()]
    if not valid:
        return []
    y, m = int(valid[0][:4]), int(valid[0][5:])
    last = (int(valid[-1][:4]), int(valid[-1][5:]))
    out = []
    while (y, m) <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def bounds(key: str) -> tuple[date, date]:
    if len(key) == 4:
        return date(int(key), 1, 1), date(int(key), 12, 31)
    y, m = int(key[:4]), int(key[5:7])
    nxt = date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)
    return date(y, m, 1), nxt - timedelta(days=1)


def _by_prefix(dist: dict[str, int], width: int) -> dict[str, int]:
    """The counts of the months in `dist` summed by their first `width` characters: by month
    ("2024-05", width 7) or by year ("2024", width 4). One pass over `dist`, not one per bar: at
    120 bars × 17 hazards a scan per bar was an eighth of the search page's CPU (bench/load_search.py)."""
    out: dict[str, int] = {}
    for k, v in dist.items():
        out[k[:width]] = out.get(k[:width], 0) + v
    return out
