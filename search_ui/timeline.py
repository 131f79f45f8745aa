"""The timeline of a result set: announcements per month (per week for short date ranges),
stacked by primary hazard. Pure: plans the facet-only searches and folds their answers.

Stacking uses `primary_hazard` (one per document), so the segments of a bar add up to the bar;
documents whose primary hazard is not among the top series, or that have none, form "other".

Requests: the main search already counts `month` and `primary_hazard`. Then ONE multi-search:
in month mode one facet-only search per top hazard (facets: month); in week mode (a date range of
at most WEEK_MODE_MAX_DAYS) one per week (facets: primary_hazard, exact totalHits).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from indexer.search_index.filters import all_of, between, equals
from search_ui.query import PlannedSearch, SearchParams, common_params, day_start, filter_without, planned
from search_ui.syntax import parse_query

WEEK_MODE_MAX_DAYS = 92
MAX_SERIES = 6
MAX_MONTH_BARS = 120      # beyond, months are folded into years
OTHER = "_other"


@dataclass
class Bucket:
    key: str                  # "2024-05", "2024-05-06" (week start) or "2024"
    start: date
    end: date                 # inclusive
    total: int = 0
    segments: dict[str, int] = field(default_factory=dict)   # series → count


@dataclass
class Timeline:
    unit: str                 # month | week | year
    series: list[str]         # hazard codes, then OTHER when needed
    buckets: list[Bucket]

    @property
    def max_total(self) -> int:
        return max((b.total for b in self.buckets), default=0)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "series": self.series,
            "buckets": [{"key": b.key, "from": b.start.isoformat(), "to": b.end.isoformat(), "total": b.total,
                         "by_hazard": b.segments} for b in self.buckets],
        }


def week_mode(p: SearchParams) -> bool:
    return bool(p.date_from and p.date_to and (p.date_to - p.date_from).days < WEEK_MODE_MAX_DAYS)


def weeks(p: SearchParams) -> list[tuple[date, date]]:
    assert p.date_from and p.date_to
    out, start = [], p.date_from - timedelta(days=p.date_from.weekday())
    while start <= p.date_to:
        out.append((max(start, p.date_from), min(start + timedelta(days=6), p.date_to)))
        start += timedelta(days=7)
    return out


def top_series(primary: dict[str, int]) -> list[str]:
    return [code for code, n in sorted(primary.items(), key=lambda kv: (-kv[1], kv[0])) if n][:MAX_SERIES]


def plan(p: SearchParams, main: dict[str, Any]) -> list[PlannedSearch]:
    """The facet-only searches that stack the bars, given the main search's answer."""
    parsed = parse_query(p.q)
    common = common_params(p, parsed)
    base = filter_without(p, "date") if week_mode(p) else filter_without(p)
    if week_mode(p):
        out = []
        for start, end in weeks(p):
            span = between("published_at", day_start(start), day_start(end + timedelta(days=1)))
            out.append(planned("timeline", parsed, {"filter": all_of([base, span]) or None, "page": 1, "hitsPerPage": 0,
                                                     "facets": ["primary_hazard"], **common}))
        return out
    series = top_series((main.get("facetDistribution") or {}).get("primary_hazard") or {})
    return [planned("timeline", parsed, {"filter": all_of([base, equals("primary_hazard", code)]),
                                         "limit": 0, "facets": ["month"], **common}) for code in series]


def build(p: SearchParams, main: dict[str, Any], answers: list[dict[str, Any]]) -> Timeline:
    facets = main.get("facetDistribution") or {}
    if week_mode(p):
        buckets = []
        for (start, end), answer in zip(weeks(p), answers, strict=False):
            segs = {k: int(v) for k, v in ((answer.get("facetDistribution") or {}).get("primary_hazard") or {}).items() if v}
            buckets.append(Bucket(start.isoformat(), start, end, int(answer.get("totalHits") or answer.get("estimatedTotalHits") or 0), segs))
        totals: dict[str, int] = {}
        for b in buckets:
            for k, v in b.segments.items():
                totals[k] = totals.get(k, 0) + v
        series = top_series(totals)
        for b in buckets:
            kept = {k: v for k, v in b.segments.items() if k in series}
            rest = b.total - sum(kept.values())
            b.segments = {**kept, **({OTHER: rest} if rest > 0 else {})}
        return Timeline("week", _with_other(series, buckets), buckets)

    months = {k: int(v) for k, v in (facets.get("month") or {}).items() if v}
    series = top_series(facets.get("primary_hazard") or {})
    per_series = {code: {k: int(v) for k, v in ((a.get("facetDistribution") or {}).get("month") or {}).items()}
                  for code, a in zip(series, answers, strict=False)}
    keys = month_range(sorted(months)) if months else []
    unit = "month"
    if len(keys) > MAX_MONTH_BARS:
        unit, keys = "year", [str(y) for y in range(int(keys[0][:4]), int(keys[-1][:4]) + 1)]
    buckets = []
    for key in keys:
        total = _count_prefix(months, key)
        segs = {code: _count_prefix(per_series[code], key) for code in series}
        segs = {k: v for k, v in segs.items() if v}
        rest = total - sum(segs.values())
        if rest > 0:
            segs[OTHER] = rest
        start, end = bounds(key)
        buckets.append(Bucket(key, start, end, total, segs))
    return Timeline(unit, _with_other(series, buckets), buckets)


def _with_other(series: list[str], buckets: list[Bucket]) -> list[str]:
    return series + ([OTHER] if any(OTHER in b.segments for b in buckets) else [])


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


def _count_prefix(dist: dict[str, int], key: str) -> int:
    """The counts of the months in `dist` that fall in `key` (a month "2024-05" or a year "2024")."""
    return sum(v for k, v in dist.items() if k[: len(key)] == key)
