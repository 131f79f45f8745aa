"""Region accuracy on the development set of real texts, beside a naive baseline.

Run: ``python bench/eval_regions.py [--texts data/devset/texts.jsonl] [--misses]`` from the
repository root. Scores exactly as ``../shared/devset/README.md`` says: each text is wrapped in
a minimal page (``<article>`` with one ``<p>`` per line) and run through extraction and
enrichment with no URL and no source (text alone); over texts whose first region label has
confidence high or medium, the document's province is compared with the label's, city and
county only where the label has them. The labels write a municipality's districts with the
municipality as their city (上海市 > 上海市 > 静安区); our scheme has no city level there
(ARCHITECTURE.md: city None), so a document with province 上海市 and no city matches such a city.

The naive baseline in the same run: cpca (MIT, bench only, ``pip install cpca``; skipped when
absent) on each sentence of the OpenCC-t2s text, majority vote per level (the city among the
sentences of the winning province, the county among those of the winning city).

With ``--misses`` it prints, for each miss, the text's id, the label and the prediction (never
the text: the texts are third-party pages and stay out of logs and notes), whether the text writes
a name of the labelled unit at all (or of a unit under it: any name the gazetteer reads but a
word-like short form), and the count of each kind per level: a miss named in the text is one a
reading of its own words could fix (often a name the rules set aside, rightly or not: an ad's, a
lesson's); one named nowhere needs what the text does not say (a host name, a campus, a phone
code, knowledge). The texts are git-ignored; the table is printed only when they are present.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO.parent / "shared" / "devset" / "labels.jsonl"
TEXTS = REPO / "data" / "devset" / "texts.jsonl"
LEVELS = ("province", "city", "county")

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from indexer.enrich.gazetteer import GazetteerData  # noqa: E402  (the repository's root is on the path now)


def page_of(text: str) -> str:
    """The minimal page of the devset README: one <p> per line inside an <article>."""
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<!doctype html><html><head><meta charset='utf-8'></head><body><article>{paras}</article></body></html>"


def scored_labels(path: Path = LABELS) -> list[dict]:
    """Labels with a decidable primary region (confidence high or medium)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["regions"] and row["region_confidence"] in ("high", "medium"):
            out.append(row)
    return out


def read_texts(path: Path) -> dict[str, str]:
    return {row["id"]: row["text"] for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@dataclass
class Score:
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, item_id: str, want: dict, got: dict) -> None:
        for level in LEVELS:
            if level != "province" and not want.get(level):
                continue
            self.total[level] += 1
            value = got.get(level)
            if level == "city" and want["city"] == want["province"] and value is None:
                value = got.get("province")  # a municipality has no city level in our scheme
            if value == want[level]:
                self.right[level] += 1
            else:
                self.misses.append(f"{item_id} {level}: {got.get(level)!r} != {want[level]!r}")

    def accuracy(self, level: str) -> float:
        return self.right[level] / self.total[level] if self.total[level] else 0.0


def gonggao_regions(texts: dict[str, str], ids: list[str], urls: dict[str, str] | None = None
                    ) -> tuple[dict[str, dict], float]:
    """Each text's province / city / county through `ingest_html` (no source; no URL unless
    `urls` gives the page's own, as a crawl would)."""
    from indexer.ingest import Enrichers, ingest_html

    enrichers = Enrichers()
    _ = enrichers.gazetteer  # loaded before the clock starts
    out: dict[str, dict] = {}
    start = time.perf_counter()
    for item_id in ids:
        try:
            url = (urls or {}).get(item_id) or f"file:///devset/{item_id}.html"
            doc = ingest_html(page_of(texts[item_id]), url, None, enrichers)[0]
            out[item_id] = {"province": doc.province, "city": doc.city, "county": doc.county,
                            "evidence": [f"{e.field}:{e.rule}:{e.phrase}" for e in doc.evidence
                                         if e.rule.startswith("region")],
                            "named": named_units(texts[item_id], enrichers.gazetteer.data)}
        except Exception as exc:  # a text that yields no document counts as a miss, and says why
            out[item_id] = {"error": type(exc).__name__}
    return out, time.perf_counter() - start


def named_units(text: str, data: GazetteerData) -> set[str]:
    """The names of every unit the text writes a name of (any the gazetteer reads but a word-like short
    form: full, short, a township's, a university's), and of the units above them. A miss whose unit is
    among them is one a reading of the text's own words could fix; one whose unit is not needs what the
    text does not say (a host name, a campus, a phone code, knowledge)."""
    from indexer.text.chinese import to_simplified

    codes = {e.code for *_, entries in data.find(to_simplified(text)) for e in entries
             if e.kind not in ("short_word", "town_word")}
    return {data.divisions[a].name for c in codes if c in data.divisions for a in data.divisions[c].chain()}


def cpca_regions(texts: dict[str, str], ids: list[str]) -> dict[str, dict] | None:
    """The naive baseline: cpca on each sentence (OpenCC t2s), majority vote per level."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cpca imports pkg_resources
            import cpca
    except ImportError:
        return None
    from indexer.text.chinese import to_simplified

    out: dict[str, dict] = {}
    for item_id in ids:
        sentences = [s for s in re.split(r"[。！？!?\n；;]", to_simplified(texts[item_id])) if s.strip()]
        if not sentences:
            out[item_id] = {}
            continue
        frame = cpca.transform(sentences)
        rows = [tuple(v if isinstance(v, str) and v else None for v in row)  # pandas: NaN when empty
                for row in zip(frame["省"], frame["市"], frame["区"], strict=False)]
        got: dict[str, str | None] = {}
        for depth, level in enumerate(LEVELS):  # each level's vote among the sentences that agree above
            votes = Counter(r[depth] for r in rows if r[depth] and all(r[d] == got[LEVELS[d]] for d in range(depth)))
            got[level] = votes.most_common(1)[0][0] if votes else None
        # municipalities: cpca gives the city "市辖区"; our scheme has no city level there
        if got.get("city") in ("市辖区", "县"):
            got["city"] = None
        out[item_id] = got
    return out


_LOAD_PROBE = """
import resource, time
from indexer.enrich import gazetteer
from indexer.text.chinese import to_simplified
to_simplified("預熱")  # OpenCC loaded before the clock starts: the gazetteer's own cost only
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
data = gazetteer.default_data()
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(seconds, cpu, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024, len(data.names), data.towns)
"""


def measure_load(runs: int = 3) -> None:
    """The gazetteer's load time and the memory it adds, each in a fresh process (best of `runs`)."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, env=env, check=True)
        results.append([float(x) for x in out.stdout.split()])
    seconds, cpu, mb, names, towns = min(results)
    data = REPO / "indexer" / "enrich" / "data"
    size = sum(f.stat().st_size for f in data.iterdir() if f.suffix in (".tsv", ".gz"))
    print(f"gazetteer: {int(names)} names ({int(towns)} townships), data files {size / 1e6:.2f} MB, "
          f"load {seconds:.2f} s wall, {cpu:.2f} s CPU (best of {runs}; wall grows with the machine's load), "
          f"+{mb:.0f} MB resident")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--misses", action="store_true", help="print each miss (ids and labels only)")
    parser.add_argument("--evidence", action="store_true", help="with --misses: the cues behind each miss")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--with-url", action="store_true",
                        help="give each page the URL its label records (not the devset's measure: that is text alone)")
    parser.add_argument("--load", action="store_true", help="also measure the gazetteer's load time and memory")
    args = parser.parse_args()
    if args.load:
        measure_load()
    if not args.texts.is_file():
        print(f"no texts at {args.texts}: gather them as {LABELS.parent / 'README.md'} says")
        return 1
    texts = read_texts(args.texts)
    labels = [row for row in scored_labels(args.labels) if row["id"] in texts]
    ids = [row["id"] for row in labels]
    urls = {row["id"]: row["url"] for row in labels if row.get("url")} if args.with_url else None
    ours, seconds = gonggao_regions(texts, ids, urls)
    ours_score = Score()
    for row in labels:
        ours_score.add(row["id"], row["regions"][0], ours[row["id"]])
    base = None if args.no_baseline else cpca_regions(texts, ids)
    base_score = Score()
    if base is not None:
        for row in labels:
            base_score.add(row["id"], row["regions"][0], base[row["id"]])

    print(f"devset: {len(texts)} texts, {len(labels)} with a decidable region; ingest {seconds:.1f} s"
          + ("; pages given their URLs" if args.with_url else "; text alone"))
    print(f"{'level':<9} {'n':>4} {'gonggao':>8} {'cpca+opencc':>12}")
    for level in LEVELS:
        b = f"{base_score.accuracy(level):.3f}" if base is not None else "-"
        print(f"{level:<9} {ours_score.total[level]:>4} {ours_score.accuracy(level):>8.3f} {b:>12}")
    if args.misses:
        by_id = {row["id"]: row for row in labels}
        reach: Counter = Counter()
        for miss in ours_score.misses:
            item_id, level = miss.split()[:2]
            level = level.rstrip(":")
            named = by_id[item_id]["regions"][0][level] in ours[item_id].get("named", set())
            reach[(level, named)] += 1
            print("miss", miss, "[named in the text]" if named else "[named nowhere]")
            if args.evidence:
                item_id = miss.split()[0]
                print("     conf", by_id[item_id]["region_confidence"], "|",
                      " ".join(ours[item_id].get("evidence", [])[:12]))
        print("misses whose unit the text names (its words could fix them) / names nowhere (they need what it does not say):",
              ", ".join(f"{level} {reach[(level, True)]} / {reach[(level, False)]}" for level in LEVELS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
