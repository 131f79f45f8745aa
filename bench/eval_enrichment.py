"""Enrichment evaluation: on real texts (the devset) and on our own labelled pages, beside a naive baseline.

Run: ``python bench/eval_enrichment.py`` (from the repository root). Two measures, one run:

1. **The devset** (the measure of quality): the labels of 183 real announcement texts in
   ``../shared/devset/labels.jsonl``, the texts themselves in the git-ignored
   ``data/devset/texts.jsonl`` (third-party text: never committed; ``../shared/devset/README.md``
   says how to gather them). Each text is wrapped in a minimal page (``<article>`` with one
   ``<p>`` per line) and run through extraction and enrichment with no URL and no source (text
   alone), then scored as that README says: province / city / county accuracy over the texts with
   a high or medium region label (a municipality's city is its province: our city null counts as
   right there), hazards micro precision / recall / F1 over all texts with ``other`` ignored,
   per-hazard precision and recall, primary hazard (right when ours is one of the labelled
   primaries, over texts that have one), the issuer level (against the ``level`` the readers gave,
   the issuing body's: 省 / 市 / 县 / 乡镇 / 学校; 国家 and 其他 are not levels we tag), and the
   negatives (``negative: true`` texts given any hazard). Beside it, measured in the same run on
   the same texts, a naive baseline: a keyword list per hazard (the strong keywords of
   ``config/hazards.yaml``, any occurrence counts, no context rules) and, when the ``cpca``
   package is installed (bench only, never a runtime dependency), cpca over OpenCC-Simplified
   sentences with a majority vote for the region.
   When the texts are absent the devset part says so and the rest still runs.
2. **The demo labels** (regression only: text we wrote cannot tell whether we generalize):
   ``tests/enrichment/labels.json`` (plus ``labels_regions.json`` beside it when present) with
   their pages in ``tests/enrichment/pages``, run through ``indexer.ingest.ingest_page`` (the
   crawler's code path; a ``primary_hazard`` label may be a list of the acceptable primaries, as
   in the devset), and reprint clustering (``indexer.reprints``) over them against their
   ``reprint_group`` labels.

Throughput: the time enrichment adds to extraction alone (decode + extract) on the same pages,
in the same run (target <= 25 %).

``tests/unit/test_enrichment_gate.py`` imports ``evaluate`` and ``evaluate_devset`` from here and
fails when a score falls below its floor in ``tests/enrichment_floors.json``.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "enrichment" / "labels.json"
REGION_LABELS = REPO / "tests" / "enrichment" / "labels_regions.json"
PAGES = REPO / "tests" / "enrichment" / "pages"
DEVSET_LABELS = REPO.parent / "shared" / "devset" / "labels.jsonl"
DEVSET_TEXTS = REPO / "data" / "devset" / "texts.jsonl"
FETCHED_AT = datetime(2025, 6, 1, tzinfo=UTC)

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

REGION_FIELDS = ("province", "city", "county")
# The readers' `level` (the issuing body's) in our issuer-level codes; 国家 and 其他 are not scored.
READER_LEVELS = {"省": "province", "市": "city", "县": "county", "乡镇": "township", "学校": "school"}
EXACT_FIELDS = (*REGION_FIELDS, "safety_related", "primary_hazard", "issuer_level", "event_type")
IGNORED_HAZARDS = frozenset({"other"})   # the devset README scores hazards without `other`
SCORED_CONFIDENCE = ("high", "medium")   # `low` region labels are guesses: not scored


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


def load_set(*paths: Path) -> tuple[dict[str, dict], list[Labelled]]:
    """The labelled documents of every file given that exists (the first must), sources merged."""
    sources: dict[str, dict] = {}
    docs: list[Labelled] = []
    for i, path in enumerate(paths):
        if i and not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        sources.update(data.get("sources", {}))
        docs += [Labelled(d["id"], d["file"], d["url"], d["source"], d.get("content_type"), d.get("article", 0), d)
                 for d in data["documents"]]
    return sources, docs


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

    def count(self, gold: set[str], pred: set[str]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)


@dataclass
class Timing:
    extract_seconds: float = 0.0
    enrich_seconds: float = 0.0
    pages: int = 0

    def overhead(self) -> float:
        return self.enrich_seconds / (self.extract_seconds or 1)


@dataclass
class Result:
    fields: dict[str, Tally] = field(default_factory=dict)
    hazards: Tally = field(default_factory=Tally)
    per_hazard: dict[str, Tally] = field(default_factory=dict)
    non_safety_with_hazard: int = 0
    non_safety_total: int = 0
    misses: list[str] = field(default_factory=list)
    timing: Timing = field(default_factory=Timing)


def _count_hazards(result: Result, gold: set[str], pred: set[str]) -> None:
    for code in gold | pred:
        result.per_hazard.setdefault(code, Tally()).count({code} & gold, {code} & pred)
    result.hazards.count(gold, pred)


def _time_pages(pages: Iterable[tuple[str, str, object, object]], rounds: int) -> Timing:
    """Extraction alone (extract_articles) and enrichment alone (`ingest.enrich`, what `ingest_html`
    runs after extraction) on each (html, url, source, fetched_at), reference data already loaded."""
    from indexer.extract import extract_articles
    from indexer.ingest import Enrichers, enrich, extract_options

    enrichers = Enrichers()
    pages = list(pages)
    timing = Timing()
    for _ in range(rounds):
        for page_html, url, source, fetched_at in pages:
            start = time.perf_counter()
            articles = extract_articles(page_html, url, extract_options(source, fetched_at))  # type: ignore[arg-type]
            middle = time.perf_counter()
            for article in articles:
                enrich(article, url, source, enrichers, fetched_at, "")  # type: ignore[arg-type]
            timing.extract_seconds += middle - start
            timing.enrich_seconds += time.perf_counter() - middle
            timing.pages += 1
    return timing


def _predict(docs: list[Labelled], sources: dict, rounds: int, enrichers=None) -> tuple[dict[str, object], Timing]:
    """Every labelled document's predicted Document (through `ingest_page`), and the timing."""
    from indexer.extract.decode import decode_html
    from indexer.ingest import Enrichers, ingest_page

    enrichers = enrichers or Enrichers()
    by_file: dict[str, list[Labelled]] = {}
    for doc in docs:
        by_file.setdefault(doc.file, []).append(doc)
    predicted: dict[str, object] = {}
    for group in by_file.values():
        out = ingest_page(_page(group[0]), sources[group[0].source], enrichers)
        for doc in group:
            predicted[doc.id] = out[doc.article] if doc.article < len(out) else None
    pages = []
    if rounds:
        for group in by_file.values():
            page, source = _page(group[0]), sources[group[0].source]
            text, _ = decode_html(page.body, page.headers.get("content-type"), source.encoding)
            pages.append((text, page.final_url, source, page.fetched_at))
    return predicted, _time_pages(pages, rounds)


def _matches(value: object, label: object) -> bool:
    """A label that is a list names every acceptable value (a primary hazard where the text gives
    several hazards equal weight, as the devset labels it); any other label must be equalled."""
    return value in label if isinstance(label, list) else value == label


def score(docs: list[Labelled], predicted: dict[str, object]) -> Result:
    result = Result(fields={name: Tally() for name in EXACT_FIELDS})
    for doc in docs:
        want = doc.labels
        got = predicted.get(doc.id)
        if got is None:
            result.misses.append(f"{doc.id}: no document extracted")
        for name in EXACT_FIELDS:
            if name not in want:  # a region-only label file leaves the other fields out
                continue
            tally = result.fields[name]
            value = getattr(got, name, None)
            tally.total += 1
            if _matches(value, want[name]):
                tally.right += 1
            else:
                result.misses.append(f"{doc.id}: {name} {value!r} != {want[name]!r}")
        if "hazards" not in want:
            continue
        gold, pred = set(want["hazards"]), set(getattr(got, "hazards", None) or [])
        _count_hazards(result, gold, pred)
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
        key, doc_grams = key_of(doc.id, got.model_dump() if got is not None else {}, None)  # type: ignore[attr-defined]
        keys.append(key)
        grams.append(doc_grams)
    graph = ReprintGraph(replace(key, signature=signature) for key, signature in zip(keys, sketch(grams), strict=True))
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


def predict_set(labels: Path = LABELS, region_labels: Path = REGION_LABELS,
                enrichers=None) -> tuple[list[Labelled], dict[str, object]]:
    """The labelled documents and what extraction + enrichment (`enrichers`: the default ones, or
    mutated ones in the gate's tests) make of them."""
    specs, docs = load_set(labels, region_labels)
    return docs, _predict(docs, _sources(specs), 0, enrichers)[0]


def evaluate(rounds: int = 1, labels: Path = LABELS, region_labels: Path = REGION_LABELS, enrichers=None) -> dict:
    """The demo-label scores as a flat dict (what the gate reads), plus `misses` and `per_hazard`
    (code → precision, recall, F1, support).

    `rounds` timing passes over the pages after the scored one; 0 times nothing (the gate)."""
    specs, docs = load_set(labels, region_labels)
    predicted, timing = _predict(docs, _sources(specs), rounds, enrichers)
    result = score(docs, predicted)
    p, r, f1 = result.hazards.prf()
    out: dict = {f"{name}_accuracy": result.fields[name].accuracy() for name in EXACT_FIELDS}
    out.update({
        "documents": len(docs),
        "hazard_labelled_documents": sum("hazards" in d.labels for d in docs),
        "hazard_precision": p, "hazard_recall": r, "hazard_micro_f1": f1,
        "non_safety_documents": result.non_safety_total,
        "non_safety_with_hazard": result.non_safety_with_hazard,
        "pages": timing.pages,
        "extract_seconds": timing.extract_seconds,
        "enrich_seconds": timing.enrich_seconds,
        "enrichment_overhead": timing.overhead(),
        **cluster_scores(docs, predicted),
        "per_hazard": {code: (*t.prf(), t.tp + t.fn) for code, t in sorted(result.per_hazard.items())},
        "misses": result.misses,
    })
    return out


# ---------------------------------------------------------------------------------------------
# The devset: real texts, labelled by reading.

@dataclass
class Prediction:
    """What a tagger says about one devset text."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    hazards: frozenset[str] = frozenset()
    primary: str | None = None
    issuer_level: str | None = None


def load_devset(labels: Path = DEVSET_LABELS, texts: Path = DEVSET_TEXTS) -> tuple[list[dict], dict[str, str]]:
    """The devset labels (none when the labels file is absent) and the texts found for them."""
    items = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if labels.is_file() else []
    found: dict[str, str] = {}
    if texts.is_file():
        for line in texts.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found[row["id"]] = row["text"]
    return items, {i["id"]: found[i["id"]] for i in items if i["id"] in found}


def page_of(text: str) -> str:
    """The minimal page the devset README prescribes: an `<article>` with one `<p>` per line."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><article>\n{paragraphs}</article></body></html>'


def gonggao_tagger(rounds: int = 0, enrichers=None, urls: dict[str, str] | None = None
                   ) -> tuple[Callable[[str, str], Prediction], Callable[[], Timing]]:
    """Our extraction + enrichment on a devset text, text alone (no URL, no source) unless
    `urls` gives a text its page's address; and the timing of `rounds` extra passes over the
    pages it saw."""
    from indexer.ingest import Enrichers, NotAnArticle, ingest_html

    enrichers = enrichers or Enrichers()
    seen: list[tuple[str, str, object, object]] = []

    def tag(doc_id: str, text: str) -> Prediction:
        page, url = page_of(text), (urls or {}).get(doc_id) or f"file:///devset/{doc_id}.html"
        seen.append((page, url, None, None))
        try:
            doc = ingest_html(page, url, None, enrichers)[0]
        except NotAnArticle:
            return Prediction()
        return Prediction(doc.province, doc.city, doc.county, frozenset(doc.hazards), doc.primary_hazard,
                          doc.issuer_level)

    return tag, lambda: _time_pages(seen, rounds)


def keyword_tagger() -> Callable[[str, str], Prediction]:
    """The naive baseline: every strong keyword of the taxonomy, anywhere, no context rules;
    the region by cpca over the sentences (OpenCC t2s first) with a majority vote, if installed."""
    from config.hazards import load_taxonomy
    from config.settings import CONFIG_DIR
    from indexer.text.chinese import to_simplified

    taxonomy = load_taxonomy(CONFIG_DIR / "hazards.yaml")
    region = _cpca_region()

    def tag(doc_id: str, text: str) -> Prediction:
        simple = to_simplified(text)
        counts = {h.code: sum(simple.count(w) for w in h.keywords) for h in taxonomy.hazards}
        found = [code for code, n in counts.items() if n]  # taxonomy order: ties go to the first (deterministic)
        primary = max(found, key=lambda c: counts[c]) if found else None
        province, city, county = region(simple) if region else (None, None, None)
        return Prediction(province, city, county, frozenset(found), primary)

    return tag


def _cpca_region() -> Callable[[str], tuple[str | None, str | None, str | None]] | None:
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import cpca
    except ImportError:
        return None
    import re

    sentence = re.compile(r"[^。！？!?；;\n]+")
    placeholder = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

    def vote(text: str) -> tuple[str | None, str | None, str | None]:
        parts = [m.group() for m in sentence.finditer(text)] or [text]
        rows = cpca.transform(parts).fillna("")
        triples = [(p, "" if c in placeholder else c, a) for p, c, a in zip(rows["省"], rows["市"], rows["区"], strict=True) if p]
        if not triples:
            return None, None, None
        province = Counter(p for p, _, _ in triples).most_common(1)[0][0]
        cities = Counter(c for p, c, _ in triples if p == province and c)
        city = cities.most_common(1)[0][0] if cities else None
        counties = Counter(a for p, c, a in triples if p == province and a and (city is None or c == city))
        return province, city, (counties.most_common(1)[0][0] if counties else None)

    return vote


def _city_right(label: dict, got: Prediction) -> bool:
    """A municipality's city level is the municipality itself: our scheme leaves it null."""
    if label["city"] == label["province"]:
        return got.province == label["province"] and got.city in (None, label["city"])
    return got.city == label["city"]


def score_devset(items: list[dict], texts: dict[str, str], tag: Callable[[str, str], Prediction]) -> dict:
    """The devset README's scores for one tagger, plus its misses."""
    fields = {name: Tally() for name in (*REGION_FIELDS, "primary_hazard", "issuer_level")}
    micro = Result()
    negatives = negatives_tagged = 0
    misses: list[str] = []
    for item in items:
        if item["id"] not in texts:
            continue
        got = tag(item["id"], texts[item["id"]])
        region = item["regions"][0] if item["regions"] else None
        if region and item["region_confidence"] in SCORED_CONFIDENCE:
            checks = {"province": got.province == region["province"],
                      "city": region["city"] is not None and _city_right(region, got),
                      "county": region["county"] is not None and got.county == region["county"]}
            for name, right in checks.items():
                if name == "province" or region[name] is not None:
                    fields[name].total += 1
                    fields[name].right += right
                    if not right:
                        misses.append(f"{item['id']}: {name} {getattr(got, name)!r} != {region[name]!r}")
        gold = set(item["hazards"]) - IGNORED_HAZARDS
        pred = set(got.hazards) - IGNORED_HAZARDS
        _count_hazards(micro, gold, pred)
        if gold != pred:
            misses.append(f"{item['id']}: hazards missing {sorted(gold - pred)} extra {sorted(pred - gold)}")
        primaries = set(item["hazards_primary"]) - IGNORED_HAZARDS
        if primaries:
            fields["primary_hazard"].total += 1
            fields["primary_hazard"].right += got.primary in primaries
            if got.primary not in primaries:
                misses.append(f"{item['id']}: primary {got.primary!r} not in {sorted(primaries)}")
        level = READER_LEVELS.get(item.get("level") or "")
        if level:
            fields["issuer_level"].total += 1
            fields["issuer_level"].right += got.issuer_level == level
        if item.get("negative"):
            negatives += 1
            negatives_tagged += bool(got.hazards)
    p, r, f1 = micro.hazards.prf()
    return {
        **{f"{name}_accuracy": t.accuracy() for name, t in fields.items()},
        **{f"{name}_scored": t.total for name, t in fields.items()},
        "hazard_precision": p, "hazard_recall": r, "hazard_micro_f1": f1,
        "per_hazard": {code: (*t.prf(), t.tp + t.fn) for code, t in sorted(micro.per_hazard.items())},
        "negatives": negatives, "negatives_with_hazard": negatives_tagged,
        "misses": misses,
    }


def evaluate_devset(rounds: int = 0, labels: Path = DEVSET_LABELS, texts: Path = DEVSET_TEXTS,
                    baseline: bool = True, enrichers=None) -> dict:
    """Our scores on the devset (and the naive baseline's when `baseline`); `texts_found` 0 when
    the texts are absent (nothing else is then measured)."""
    items, found = load_devset(labels, texts)
    out: dict = {"texts_labelled": len(items), "texts_found": len(found), "texts_path": str(texts),
                 "labels_path": str(labels)}
    if not found:
        return out
    tag, timing_of = gonggao_tagger(rounds, enrichers)
    out["gonggao"] = score_devset(items, found, tag)
    timing = timing_of()
    out["gonggao"].update(pages=timing.pages, extract_seconds=timing.extract_seconds,
                          enrich_seconds=timing.enrich_seconds, enrichment_overhead=timing.overhead())
    # what a crawl sees: the same texts with their page's address (the host cue); not the
    # README's measure, reported beside it
    urls = {i["id"]: i["url"] for i in items if i.get("url")}
    out["with_url"] = score_devset(items, found, gonggao_tagger(0, enrichers, urls)[0])
    if baseline:
        out["baseline"] = score_devset(items, found, keyword_tagger())
        out["baseline_regions"] = _cpca_region() is not None
    return out


# ---------------------------------------------------------------------------------------------
# The report.

def _print_devset(d: dict, rounds: int, show_misses: bool) -> None:
    if not d["texts_labelled"]:
        print(f"devset: no labels at {d['labels_path']}: devset not measured\n")
        return
    if not d["texts_found"]:
        print(f"devset: {d['texts_labelled']} labels but no texts at {d['texts_path']} "
              "(see ../shared/devset/README.md to gather them): devset not measured\n")
        return
    ours, base = d["gonggao"], d["baseline"]
    regions_by = "cpca + OpenCC, majority vote" if d["baseline_regions"] else "cpca not installed: no regions"
    print(f"devset: {d['texts_found']} of {d['texts_labelled']} texts found, text alone (no URL, no source)")
    print(f"{'measure':<34}{'Gonggao':>9}{'baseline':>10}   baseline = keyword lists; {regions_by}")
    rows = [(f"province accuracy ({ours['province_scored']})", "province_accuracy"),
            (f"city accuracy ({ours['city_scored']})", "city_accuracy"),
            (f"county accuracy ({ours['county_scored']})", "county_accuracy"),
            ("hazards micro precision", "hazard_precision"), ("hazards micro recall", "hazard_recall"),
            ("hazards micro F1", "hazard_micro_f1"),
            (f"primary hazard ({ours['primary_hazard_scored']})", "primary_hazard_accuracy")]
    for name, key in rows:
        print(f"{name:<34}{ours[key]:>9.3f}{base[key]:>10.3f}")
    if ours["issuer_level_scored"]:
        print(f"{'issuer level (' + str(ours['issuer_level_scored']) + ')':<34}{ours['issuer_level_accuracy']:>9.3f}"
              f"{'—':>10}   the readers' level of the issuing body; the baseline tags none")
    url = d["with_url"]
    print(f"{'  with the page URL (not scored)':<34}{url['province_accuracy']:>9.3f} / {url['city_accuracy']:.3f} / "
          f"{url['county_accuracy']:.3f}   province / city / county, the host as a cue")
    print(f"{'negatives given a hazard':<34}{ours['negatives_with_hazard']:>5d}/{ours['negatives']:<3d}"
          f"{base['negatives_with_hazard']:>6d}/{base['negatives']}")
    print(f"\n{'hazard (devset)':<20}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}   baseline P / R")
    for code, (p, r, f1, support) in ours["per_hazard"].items():
        bp, br, _, _ = base["per_hazard"].get(code, (0.0, 0.0, 0.0, 0))
        print(f"{code:<20}{p:>10.3f}{r:>8.3f}{f1:>7.3f}{support:>9d}   {bp:.3f} / {br:.3f}")
    if rounds:
        per_page = 1000 / ours["pages"]
        print(f"\nthroughput on the devset pages x {rounds} rounds: extraction alone "
              f"{ours['extract_seconds'] * per_page:.1f} ms/page, enrichment {ours['enrich_seconds'] * per_page:.1f} "
              f"ms/page: enrichment adds {ours['enrichment_overhead']:.1%} (target <= 25%)")
    if show_misses:
        for line in ours["misses"]:
            print("  ", line)
    print()


def _print_demo(s: dict, rounds: int, show_misses: bool) -> None:
    print(f"demo labels (regression only): {s['documents']} labelled documents "
          f"({s['non_safety_documents']} not about safety) from {LABELS.relative_to(REPO)}"
          + (f" and {REGION_LABELS.name}" if REGION_LABELS.is_file() else ""))
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
    print(f"\n{'hazard (demo)':<20}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}")
    for code, (p, r, f1, support) in s["per_hazard"].items():
        print(f"{code:<20}{p:>10.3f}{r:>10.3f}{f1:>8.3f}{support:>9d}")
    if rounds:
        per_page = 1000 / s["pages"]
        print(f"\nthroughput over {s['pages'] // rounds} demo pages x {rounds} rounds: extraction alone "
              f"{s['extract_seconds'] * per_page:.1f} ms/page, enrichment {s['enrich_seconds'] * per_page:.1f} "
              f"ms/page: enrichment adds {s['enrichment_overhead']:.1%} (target <= 25%)")
    if show_misses:
        for line in s["misses"]:
            print("  ", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="process each page this many times (steadier timings)")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    parser.add_argument("--texts", type=Path, default=DEVSET_TEXTS, help="the devset texts ({id, text} lines)")
    parser.add_argument("--labels", type=Path, default=DEVSET_LABELS,
                        help="labels in the devset's shape (another real set labelled the same way)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        print("--rounds must be at least 1", file=sys.stderr)
        return 2
    _print_devset(evaluate_devset(rounds=args.rounds, labels=args.labels, texts=args.texts), args.rounds, args.misses)
    _print_demo(evaluate(rounds=args.rounds), args.rounds, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
