"""What each lever of the search page saves in Meilisearch time, measured interleaved.

    python bench/plan_cost.py --data-dir DIR [--queries 210]

Against the index bench/load_search.py keeps in DIR (`--data-dir`, loaded there first), sends the
Meilisearch requests of one search page (the planned multi-search, then the timeline's, when it
needs one) for the load test's queries (seven kinds, never repeated), in four plans that add one
lever at a time:

1. every region level counted, the timeline from one search per hazard (per week in week mode);
2. only the region levels the page shows (query.build_plan's `shown_only`);
3. the timeline in months from the compound facet month_hazard (counted on the main search);
4. the timeline in weeks from week / week_hazard too: the page as this checkout plans it.

The four plans of a query run one after the other, in alternating order, so the machine's load
weighs on each alike. No web app and no cache: the cache of searches without words is measured
by bench/load_search.py, which loads the page through the app. Prints the median time and the
number of searches per kind of query, and p50 / p95 over all.
"""

# ruff: noqa: E402  (the repository root goes on sys.path before its packages are imported)
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from load_search import INDEX, KINDS, DocumentFactory, QueryStream, multi_search_body

from indexer.search_index import admin
from indexer.search_index.process import MeiliProcess
from search_ui import timeline
from search_ui.query import SearchParams, build_plan, parse_params, week_mode

COMPOUND = {"month": ("month_hazard",), "week": ("week", "week_hazard")}


def planner(shown_only: bool, month_compound: bool, week_compound: bool) -> Callable[[SearchParams], tuple[list, set[str]]]:
    """A plan of the page with some levers off: the main search's facets without the compound
    ones turned off, and those dropped from its answer so that the timeline falls back."""
    def plan(p: SearchParams) -> tuple[list, set[str]]:
        off = set() if (week_compound if week_mode(p) else month_compound) else set(COMPOUND["week" if week_mode(p) else "month"])
        searches = build_plan(p, charts=True, shown_only=shown_only)
        searches[0].params["facets"] = [f for f in searches[0].params["facets"] if f not in off]
        return searches, off
    return plan


PLANS = {
    "1 every level, a search per hazard": planner(False, False, False),
    "2 + shown levels only": planner(True, False, False),
    "3 + month compound": planner(True, True, False),
    "4 + week compound (this checkout)": planner(True, True, True),
}


def page_cost(http: httpx.Client, base: str, p: SearchParams, plan: Callable[[SearchParams], tuple[list, set[str]]]) -> tuple[float, int]:
    started = time.perf_counter()
    searches, off = plan(p)
    resp = http.post(f"{base}/multi-search", json=multi_search_body(INDEX, searches))
    resp.raise_for_status()
    main: dict[str, Any] = resp.json()["results"][0]
    main = {**main, "facetDistribution": {k: v for k, v in (main.get("facetDistribution") or {}).items() if k not in off}}
    follow = timeline.plan(p, main)
    if follow:
        http.post(f"{base}/multi-search", json=multi_search_body(INDEX, follow)).raise_for_status()
    return (time.perf_counter() - started) * 1000, len(searches) + len(follow)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="a data directory bench/load_search.py loaded")
    parser.add_argument("--queries", type=int, default=210)
    parser.add_argument("--seed", type=int, default=11, help="of the query stream (load_search.py uses 7)")
    args = parser.parse_args()
    queries = QueryStream(DocumentFactory(1), seed=args.seed).take(args.queries)
    names = list(PLANS)
    times: dict[str, dict[str, list[float]]] = {n: {k: [] for k in KINDS} for n in names}
    counts: dict[str, dict[str, list[int]]] = {n: {k: [] for k in KINDS} for n in names}
    with MeiliProcess(args.data_dir) as meili:
        key = admin.ensure_search_key(admin.connect(meili.url, meili.master_key), INDEX)
        with httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
            for _, pairs in queries[: 2 * len(KINDS)]:                 # warm-up
                for name in names:
                    page_cost(http, meili.url, parse_params(pairs), PLANS[name])
            for i, (kind, pairs) in enumerate(queries):
                for name in names if i % 2 == 0 else names[::-1]:
                    ms, n = page_cost(http, meili.url, parse_params(pairs), PLANS[name])
                    times[name][kind].append(ms)
                    counts[name][kind].append(n)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"{len(queries)} queries, Meilisearch time of one page (median ms, searches), load average {load}\n")
    print("| kind | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for kind in KINDS:
        print(f"| {kind} | " + " | ".join(f"{statistics.median(times[n][kind]):.0f} ({statistics.fmean(counts[n][kind]):.1f})"
                                          for n in names) + " |")
    for q, label in ((0.5, "p50"), (0.95, "p95")):
        cells = []
        for name in names:
            values = sorted(x for per_kind in times[name].values() for x in per_kind)
            cells.append(f"{values[int(q * (len(values) - 1))]:.0f}")
        print(f"| all, {label} ms | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
