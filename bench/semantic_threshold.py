"""The relevance floor of semantic search: precision and recall over thresholds, on labelled questions.

    python bench/semantic_threshold.py [--data-dir DIR]

Crawls the demo web (gonggao/demo_web, on loopback) with the real spider into a catalog, syncs it
into a Meilisearch of its own with the real embeddings (USE, indexer/search_index/embed.py), then
asks every question of bench/semantic_questions.json (English and Chinese, labelled by hand) as
the search page does with `semantic=1`: hybrid, reprints folded, every document with its
a floor (`rankingScoreThreshold`) from 0.50 to 0.96. It prints, per threshold, micro-averaged precision, recall and F1
over all questions (and for the English and the Chinese ones), the mean number of results and the
questions left with none; then checks that the app itself, with the chosen floor
(search_ui/semantic.py:THRESHOLD), returns exactly the documents the curve counted; and the keyword
search (semantic off) and other semantic ratios for comparison. `--data-dir` keeps the crawl and the index to reuse.
"""

# ruff: noqa: E402  (the repository root goes on sys.path before its packages are imported)
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from config.settings import Settings
from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo import resolved_sources_file
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from indexer.reprints import recluster
from indexer.search_index import admin
from indexer.search_index.embed import embed_query
from indexer.search_index.process import MeiliProcess
from indexer.search_index.reader import SearchReader
from indexer.search_index.sync import sync_outbox
from search_ui import semantic, service
from search_ui.query import build_plan, parse_params

QUESTIONS = REPO / "bench" / "semantic_questions.json"
INDEX = "semantic_bench"
THRESHOLDS = [round(0.50 + 0.02 * i, 2) for i in range(24)]     # 0.50 … 0.96
RATIOS = (0.3, 0.5, 0.8, 1.0)


def build_demo_index(data_dir: Path, meili: MeiliProcess) -> None:
    """Crawl the demo web and sync it, unless this data directory already holds the index."""
    client = admin.connect(meili.url, meili.master_key)
    if client.get_all_stats()["indexes"].get(INDEX, {}).get("numberOfDocuments"):
        print(f"reusing the demo index in {data_dir}", file=sys.stderr)
        return
    web = DemoWeb()
    web.start()
    try:
        settings = Settings.load({"data_dir": data_dir, "sources_path": resolved_sources_file(web, data_dir),
                                  "crawl_delay": 0.0, "index_name": INDEX, "meili_url": meili.url,
                                  "meili_master_key": meili.master_key}, environ={})
        sources = load_sources(settings.sources_path)
        catalog = open_catalog(settings, sources)
        print(f"crawling the demo web ({len(sources)} sites)", file=sys.stderr)
        code = crawl_in_subprocess([s.id for s in sources], settings, timeout=900)
        if code != 0:
            raise SystemExit(f"the demo crawl exited with {code}")
        recluster(catalog)
        print("syncing with embeddings", file=sys.stderr)
        report = sync_outbox(catalog, client, INDEX, settings.index_settings_path)
        if report.error:
            raise SystemExit(f"sync failed: {report.error}")
    finally:
        web.stop()


def found_titles(reader: SearchReader, question: dict[str, Any], threshold: float, ratio: float) -> set[str]:
    """The documents the page's main search returns for a question at one floor (every page of them).

    Run at each floor rather than cut from one list of scores: a document that both the keyword
    and the vector side find is reported with one of its two scores, and which one depends on the
    floor (measured: a document scoring 0.91 at floor 0.70 scored below 0.70 at floor 0)."""
    params = parse_params([("q", question["q"]), ("semantic", "1")])
    side = semantic.Semantic(tuple(embed_query(question["q"])), threshold=threshold)
    searched = side.apply(build_plan(params)[0])
    body = {k: v for k, v in searched.params.items() if v is not None and k != "facets"}
    body.update(page=1, hitsPerPage=1000, attributesToRetrieve=["title"], attributesToHighlight=[], attributesToCrop=[])
    body["hybrid"] = {**body["hybrid"], "semanticRatio": ratio}
    return {hit["title"] for hit in reader.search(searched.query, body)["hits"]}


@dataclass
class Found:
    question: dict[str, Any]
    titles: set[str]


def curve_row(found_sets: list[Found], threshold: float) -> dict[str, float]:
    found = relevant = hits = empty = 0
    for f in found_sets:
        wanted = set(f.question["relevant"])
        found += len(f.titles)
        relevant += len(wanted)
        hits += len(f.titles & wanted)
        empty += not f.titles
    precision = hits / found if found else 1.0
    recall = hits / relevant if relevant else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"threshold": threshold, "precision": precision, "recall": recall, "f1": f1,
            "mean_results": found / len(found_sets), "empty": empty}


def keyword_row(reader: SearchReader, questions: list[dict[str, Any]]) -> dict[str, float]:
    found = relevant = hits = empty = 0
    for question in questions:
        result = service.search(reader, parse_params([("q", question["q"]), ("per_page", "100")]))
        kept, wanted = {h["title"] for h in result.hits}, set(question["relevant"])
        found, relevant, hits, empty = found + len(kept), relevant + len(wanted), hits + len(kept & wanted), empty + (not kept)
    precision, recall = (hits / found if found else 1.0), hits / relevant
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall) if hits else 0.0,
            "mean_results": found / len(questions), "empty": empty}


def check_app(reader: SearchReader, questions: list[dict[str, Any]], at_floor: list[Found]) -> list[str]:
    """The app's own semantic search (main search, total, every page) against the curve at its floor."""
    problems = []
    for question, f in zip(questions, at_floor, strict=True):
        params = parse_params([("q", question["q"]), ("semantic", "1"), ("per_page", "100")])
        result = service.search(reader, params, embed_query)
        got = {h["title"] for h in result.hits}
        if got != f.titles or result.total != len(result.hits):
            problems.append(f"{question['q']!r}: app {result.total} ({len(got)} titles), curve {len(f.titles)}")
    return problems


def table(title: str, rows: list[dict[str, float]], pick: float | None = None) -> str:
    lines = [f"### {title}", "", "| threshold | precision | recall | F1 | mean results | questions with none |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        mark = " **(chosen)**" if pick is not None and abs(r["threshold"] - pick) < 1e-9 else ""
        lines.append(f"| {r['threshold']:.2f}{mark} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | "
                     f"{r['mean_results']:.1f} | {r['empty']} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, help="keep the demo crawl and its index here (default: a temporary folder)")
    args = parser.parse_args()
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    folder = contextlib.nullcontext(str(args.data_dir)) if args.data_dir else tempfile.TemporaryDirectory(prefix="gonggao-sem-")
    with folder as data:
        data_dir = Path(data).resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        with MeiliProcess(data_dir / "meili") as meili:
            build_demo_index(data_dir, meili)
            key = admin.ensure_search_key(admin.connect(meili.url, meili.master_key), INDEX)
            reader = SearchReader(meili.url, key, INDEX)
            by_floor = {t: [Found(q, found_titles(reader, q, t, semantic.SEMANTIC_RATIO)) for q in questions]
                        for t in THRESHOLDS}
            rows = [curve_row(by_floor[t], t) for t in THRESHOLDS]
            best = max(rows, key=lambda r: (round(r["f1"], 3), r["threshold"]))
            langs = {"en": "English", "zh": "Chinese"}
            print(f"{len(questions)} questions ({sum(q['lang'] == 'en' for q in questions)} English, "
                  f"{sum(q['lang'] == 'zh' for q in questions)} Chinese), "
                  f"{sum(len(q['relevant']) for q in questions)} relevant documents in all; "
                  f"semanticRatio {semantic.SEMANTIC_RATIO}\n")
            print(table("All questions", rows, semantic.THRESHOLD))
            for lang, name in langs.items():
                print()
                print(table(f"{name} questions", [curve_row([f for f in by_floor[t] if f.question["lang"] == lang], t)
                                                  for t in THRESHOLDS], semantic.THRESHOLD))
            print("\n### Other semantic ratios (best F1 over the same floors)\n")
            print("| semanticRatio | best floor | precision | recall | F1 |\n|---|---|---|---|---|")
            for ratio in RATIOS:
                other = [curve_row([Found(q, found_titles(reader, q, t, ratio)) for q in questions], t) for t in THRESHOLDS]
                top = max(other, key=lambda r: (round(r["f1"], 3), r["threshold"]))
                print(f"| {ratio} | {top['threshold']:.2f} | {top['precision']:.2f} | {top['recall']:.2f} | {top['f1']:.2f} |")
            kw = keyword_row(reader, questions)
            print(f"\nKeyword search (semantic off): precision {kw['precision']:.2f}, recall {kw['recall']:.2f}, "
                  f"F1 {kw['f1']:.2f}, mean results {kw['mean_results']:.1f}, questions with none {kw['empty']}")
            print(f"\nBest F1 at floor {best['threshold']:.2f} (F1 {best['f1']:.2f}); "
                  f"search_ui/semantic.py:THRESHOLD = {semantic.THRESHOLD:.2f}")
            at_floor = [Found(q, found_titles(reader, q, semantic.THRESHOLD, semantic.SEMANTIC_RATIO)) for q in questions]
            problems = check_app(reader, questions, at_floor)
            print("The app's semantic search returns the curve's documents at its floor: "
                  + ("yes, for every question" if not problems else "NO\n  " + "\n  ".join(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
