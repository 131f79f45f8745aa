"""Enrichment evaluation on the labelled set: region, hazards, safety, issuer level, event type.

Run: ``python bench/eval_enrichment.py`` (from the repository root). Reads the labels from
``tests/enrichment/labels.json`` and the pages from ``tests/enrichment/pages`` (snapshots of
the demo web and short invented announcements that cover the traps of issue 4), runs each page
through ``indexer.ingest.ingest_page`` (decode → extract → clean → enrich, the crawler's code
path) and prints one table: province / city / county accuracy, hazards micro precision /
recall / F1 and per class, safety-related accuracy and the count of non-safety documents given a
hazard, primary hazard, issuer level and event type accuracy. Throughput: the time enrichment
adds to extraction alone (decode + extract) on the same pages, in the same run (target ≤ 25%).

``tests/unit/test_enrichment_gate.py`` imports ``evaluate`` from here and fails when the scores
fall below the floors pinned in ``tests/enrichment_floors.json``.
"""


from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "enrichment" / "labels.json"
PAGES = REPO / "tests" / "enrichment" / "pages"
FETCHED_AT = datetime(2025, 6, 1, tzinfo=UTC)

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

REGION_FIELDS = ("province", "city", "county")
EXACT_FIELDS = (*REGION_FIELDS, "safety_related", "primary_hazard", "issuer_level", "event_type")


@dataclass
class Labelled:
    """One labelled document: the page it is on, the article's number there, and its labels."""

    id: str
    file: str
    url: str
    source: str
    content_type: str | None
    article: int
    labels: dict


def load_set(path: Path = LABELS) -> tuple[dict[str, dict], list[Labelled]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = [Labelled(d["id"], d["file"], d["url"], d["source"], d.get("content_type"), d.get("article", 0), d)
            for d in data["documents"]]
    return data["sources"], docs


def _sources(specs: dict[str, dict]):
    from config.sources import Source

    return {sid: Source(id=sid, start_urls=["http://127.0.0.1/"], allowed_domains=["127.0.0.1"], **spec)
            for sid, spec in specs.items()}


def _page(doc: Labelled):
    from indexer.models import Page

    headers = {"content-type": doc.content_type} if doc.content_type else {}
    return Page(url=doc.url, final_url=doc.url, headers=headers, body=(PAGES / doc.file).read_bytes(),
                fetched_at=FETCHED_AT, source_id=doc.source)


@dataclass
class Tally:
    """Counts for one field or one hazard class."""

    right: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Timing:
    extract_seconds: float = 0.0
    enrich_seconds: float = 0.0
    pages: int = 0


@dataclass
class Result:
    fields: dict[str, Tally] = field(default_factory=dict)
    hazards: Tally = field(default_factory=Tally)
    per_hazard: dict[str, Tally] = field(default_factory=dict)
    non_safety_with_hazard: int = 0
    non_safety_total: int = 0
    misses: list[str] = field(default_factory=list)
    timing: Timing = field(default_factory=Timing)


def _predict(docs: list[Labelled], sources: dict, rounds: int) -> tuple[dict[str, object], Timing]:
    """Every labelled document's predicted Document (through `ingest_page`), then the time of
    extraction alone (decode + extract) and of enrichment alone (`ingest.enrich`, what
    `ingest_html` runs after extraction) on the same pages, reference data already loaded."""
    from indexer.extract import extract_articles
    from indexer.extract.decode import decode_html
    from indexer.ingest import Enrichers, enrich, extract_options, ingest_page

    enrichers = Enrichers()
    by_file: dict[str, list[Labelled]] = {}
    for doc in docs:
        by_file.setdefault(doc.file, []).append(doc)
    predicted: dict[str, object] = {}
    for group in by_file.values():
        out = ingest_page(_page(group[0]), sources[group[0].source], enrichers)
        for doc in group:
            predicted[doc.id] = out[doc.article] if doc.article < len(out) else None
    timing = Timing()
    for _ in range(rounds):
        for group in by_file.values():
            page, source = _page(group[0]), sources[group[0].source]
            start = time.perf_counter()
            html, _ = decode_html(page.body, page.headers.get("content-type"), source.encoding)
            articles = extract_articles(html, page.final_url, extract_options(source, page.fetched_at))
            middle = time.perf_counter()
            for article in articles:
                enrich(article, page.final_url, source, enrichers, page.fetched_at, page.source_id)
            timing.extract_seconds += middle - start
            timing.enrich_seconds += time.perf_counter() - middle
            timing.pages += 1
    return predicted, timing


def score(docs: list[Labelled], predicted: dict[str, object]) -> Result:
    result = Result(fields={name: Tally() for name in EXACT_FIELDS})
    for doc in docs:
        want = doc.labels
        got = predicted.get(doc.id)
        if got is None:
            result.misses.append(f"{doc.id}: no document extracted")
        for name in EXACT_FIELDS:
            tally = result.fields[name]
            value = getattr(got, name, None)
            tally.total += 1
            if value == want[name]:
                tally.right += 1
            else:
                result.misses.append(f"{doc.id}: {name} {value!r} != {want[name]!r}")
        gold, pred = set(want["hazards"]), set(getattr(got, "hazards", None) or [])
        for code in gold | pred:
            per = result.per_hazard.setdefault(code, Tally())
            hit = int(code in gold and code in pred)
            per.tp += hit
            per.fp += int(code in pred and code not in gold)
            per.fn += int(code in gold and code not in pred)
        result.hazards.tp += len(gold & pred)
        result.hazards.fp += len(pred - gold)
        result.hazards.fn += len(gold - pred)
        if gold != pred:
            result.misses.append(f"{doc.id}: hazards {sorted(pred)} != {sorted(gold)}")
        if not want["safety_related"]:
            result.non_safety_total += 1
            result.non_safety_with_hazard += bool(pred)
    return result


def cluster_scores(docs: list[Labelled], predicted: dict[str, object]) -> dict[str, float]:
    """Reprint clustering (indexer.reprints, the code `recluster` runs) over the labelled documents
    against their `reprint_group` labels: purity (each predicted cluster counted by its largest
    labelled group) and pairwise precision / recall of "is a reprint of"."""
    from itertools import combinations

    from indexer.reprints import ReprintGraph, components, key_of, sketch

    keys, grams = [], []
    for doc in docs:
        got = predicted.get(doc.id)
        key, doc_grams = key_of(doc.id, got.model_dump() if got is not None else {}, None)
        keys.append(key)
        grams.append(doc_grams)
    graph = ReprintGraph(replace(key, signature=signature) for key, signature in zip(keys, sketch(grams), strict=False))
    ids = {doc.id for doc in docs}
    clusters = components(ids, ((a, b) for a in ids for b in graph.reprints_of(a)))
    gold = {doc.id: doc.labels.get("reprint_group") or doc.id for doc in docs}
    purity = sum(max(Counter(gold[m] for m in c).values()) for c in clusters) / len(ids)
    predicted_pairs = {frozenset(p) for c in clusters for p in combinations(c, 2)}
    by_group: dict[str, list[str]] = {}
    for doc_id, group in gold.items():
        by_group.setdefault(group, []).append(doc_id)
    gold_pairs = {frozenset(p) for g in by_group.values() for p in combinations(g, 2)}
    right = len(predicted_pairs & gold_pairs)
    return {"cluster_purity": purity,
            "reprint_pair_precision": right / len(predicted_pairs) if predicted_pairs else 1.0,
            "reprint_pair_recall": right / len(gold_pairs) if gold_pairs else 1.0,
            "reprint_pairs": len(gold_pairs)}


def evaluate(rounds: int = 1, labels: Path = LABELS) -> dict:
    """The scores as a flat dict (what the gate reads), plus `misses` and `per_hazard`.

    `rounds` timing passes over the pages after the scored one; 0 times nothing (the gate)."""
    specs, docs = load_set(labels)
    predicted, timing = _predict(docs, _sources(specs), rounds)
    result = score(docs, predicted)
    p, r, f1 = result.hazards.prf()
    out: dict = {f"{name}_accuracy": result.fields[name].accuracy() for name in EXACT_FIELDS}
    out.update({
        "documents": len(docs),
        "hazard_precision": p, "hazard_recall": r, "hazard_micro_f1": f1,
        "non_safety_documents": result.non_safety_total,
        "non_safety_with_hazard": result.non_safety_with_hazard,
        "pages": timing.pages,
        "extract_seconds": timing.extract_seconds,
        "enrich_seconds": timing.enrich_seconds,
        "enrichment_overhead": timing.enrich_seconds / (timing.extract_seconds or 1),
        **cluster_scores(docs, predicted),
        "per_hazard": {code: (*t.prf(), t.tp + t.fn) for code, t in sorted(result.per_hazard.items())},
        "misses": result.misses,
    })
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="process each page this many times (steadier timings)")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        print("--rounds must be at least 1", file=sys.stderr)
        return 2
    s = evaluate(rounds=args.rounds)
    print(f"{s['documents']} labelled documents ({s['non_safety_documents']} not about safety) from {LABELS.relative_to(REPO)}")
    print(f"{'field':<28}{'score':>8}")
    rows = [
        ("province accuracy", s["province_accuracy"]), ("city accuracy", s["city_accuracy"]),
        ("county accuracy", s["county_accuracy"]), ("hazards micro precision", s["hazard_precision"]),
        ("hazards micro recall", s["hazard_recall"]), ("hazards micro F1", s["hazard_micro_f1"]),
        ("primary hazard accuracy", s["primary_hazard_accuracy"]),
        ("safety-related accuracy", s["safety_related_accuracy"]),
        ("issuer level accuracy", s["issuer_level_accuracy"]), ("event type accuracy", s["event_type_accuracy"]),
    ]
    for name, value in rows:
        print(f"{name:<28}{value:>8.3f}")
    print(f"{'non-safety docs with hazard':<28}{s['non_safety_with_hazard']:>8d}")
    print(f"{'reprint cluster purity':<28}{s['cluster_purity']:>8.3f}")
    print(f"{'reprint pairs precision':<28}{s['reprint_pair_precision']:>8.3f}  "
          f"recall {s['reprint_pair_recall']:.3f} ({s['reprint_pairs']} labelled pairs)")
    print(f"\n{'hazard':<20}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}")
    for code, (p, r, f1, support) in s["per_hazard"].items():
        print(f"{code:<20}{p:>10.3f}{r:>10.3f}{f1:>8.3f}{support:>9d}")
    per_page = 1000 / s["pages"]
    print(f"\nthroughput over {s['pages'] // args.rounds} pages x {args.rounds} rounds: extraction alone "
          f"{s['extract_seconds'] * per_page:.1f} ms/page, enrichment {s['enrich_seconds'] * per_page:.1f} ms/page: "
          f"enrichment adds {s['enrichment_overhead']:.1%} (target <= 25%)")
    if args.misses:
        for line in s["misses"]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
