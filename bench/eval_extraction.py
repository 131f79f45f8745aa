"""Extraction benchmark on the magic-html-zh corpus: Gonggao against plain trafilatura.

Run: ``python bench/eval_extraction.py`` (from the repository root). Reads the corpus from
``../shared/corpus/magic-html-zh`` (never copied into the repository), checks its sha256
pins, and prints one table: body precision / recall / F1 over character bigrams with
whitespace removed, title accuracy against ``tests/extraction_titles.json``, date accuracy
against ``tests/corpus_dates.json`` (over the pages that show a date; pages that show none but
get one anyway are counted on a line of their own), and pages per second, for both extractors
on the same pages in the same run.

``tests/unit/test_extraction_gate.py`` imports ``evaluate`` from here and fails when our
numbers fall below the floors pinned in ``tests/extraction_floors.json``.
"""


from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "magic-html-zh"
DATES = REPO / "tests" / "corpus_dates.json"
TITLES = REPO / "tests" / "extraction_titles.json"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))



def gold_titles() -> dict[str, str | None]:
    """The on-page headline of each corpus page, labelled by reading it (tests/extraction_titles.json)."""
    labels = json.loads(TITLES.read_text(encoding="utf-8"))
    return {k: v for k, v in labels.items() if not k.startswith("_")}


_SPACE = re.compile(r"\s+")
_TITLE_NOISE = re.compile(r"[\s\u3000·•]+")


@dataclass
class Score:
    """Running totals for one extractor."""

    name: str
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    titles_right: int = 0
    titles_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    undated_given_a_date: int = 0  # pages that show no date, but the extractor gave one
    seconds: float = 0.0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        n = len(self.f1) or 1
        return {
            "precision": sum(self.precision) / n,
            "recall": sum(self.recall) / n,
            "f1": sum(self.f1) / n,
            "title_accuracy": self.titles_right / (self.titles_total or 1),
            "date_accuracy": self.dates_right / (self.dates_total or 1),
            "undated_given_a_date": self.undated_given_a_date,
            "pages_per_second": self.pages / self.seconds if self.seconds else 0.0,
        }


def bigrams(text: str) -> Counter[str]:
    text = _SPACE.sub("", text or "")
    return Counter(text[i: i + 2] for i in range(len(text) - 1))


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of character bigrams (multiset), whitespace removed."""
    pred, ref = bigrams(predicted), bigrams(reference)
    if not pred or not ref:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def same_title(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and _TITLE_NOISE.sub("", predicted) == _TITLE_NOISE.sub("", gold)


def load_corpus(corpus: Path = CORPUS) -> list[tuple[str, str, str]]:
    """[(id, url, html)], after checking every page against its sha256 pin in gold.json."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, entry in sorted(gold.items()):
        raw = (corpus / "html" / f"{page_id}.html").read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != entry["sha256"]:
            raise ValueError(f"corpus page {page_id} does not match its sha256 pin")
        pages.append((page_id, entry["url"], raw.decode("utf-8", errors="replace")))
    return pages


def gold_texts(corpus: Path = CORPUS) -> dict[str, str]:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    return {page_id: entry["content"] for page_id, entry in gold.items()}


def _ours(html: str, url: str):
    from indexer.extract import extract_articles

    articles = extract_articles(html, url)
    if not articles:
        return "", None, None
    first = articles[0]
    date = first.published_at.date().isoformat() if first.published_at else None
    return first.body, first.title, date


def _trafilatura_body(html: str, url: str):
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _trafilatura_meta(html: str, url: str):
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return None, None
    return doc.title, doc.date


def evaluate(corpus: Path = CORPUS, baseline: bool = True, rounds: int = 1) -> dict[str, dict[str, float]]:
    """Score Gonggao (and plain trafilatura when `baseline`) over the corpus."""
    pages = load_corpus(corpus)
    texts = gold_texts(corpus)
    dates = json.loads(DATES.read_text(encoding="utf-8"))
    titles = gold_titles()
    ours, theirs = Score("gonggao"), Score("trafilatura")
    for page_id, url, html in pages:
        gold_date = dates.get(page_id, "missing")
        gold_title = titles.get(page_id)
        start = time.perf_counter()
        for _ in range(rounds):
            body, title, date = _ours(html, url)
        ours.seconds += time.perf_counter() - start
        _record(ours, page_id, texts[page_id], body, title, gold_title, date, gold_date, rounds)
        if baseline:
            start = time.perf_counter()
            for _ in range(rounds):
                body = _trafilatura_body(html, url)
            theirs.seconds += time.perf_counter() - start
            title, date = _trafilatura_meta(html, url)
            _record(theirs, page_id, texts[page_id], body, title, gold_title, date, gold_date, rounds)
    result = {"gonggao": ours.row()}
    result["gonggao"]["misses"] = ours.misses  # type: ignore[assignment]
    if baseline:
        result["trafilatura"] = theirs.row()
    return result


def _record(score: Score, page_id: str, gold: str, body: str, title, gold_title, date, gold_date, rounds: int) -> None:
    precision, recall, f1 = prf(body, gold)
    score.precision.append(precision)
    score.recall.append(recall)
    score.f1.append(f1)
    score.pages += rounds
    if gold_title is not None:
        score.titles_total += 1
        score.titles_right += same_title(title, gold_title)
    if gold_date is None:
        score.undated_given_a_date += date is not None
    elif gold_date != "missing":  # date accuracy counts the pages that show a date
        score.dates_total += 1
        right = date == gold_date
        score.dates_right += right
        if not right:
            score.misses.append(f"{page_id}: date {date} != {gold_date}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="extract each page this many times (steadier pages/s)")
    parser.add_argument("--misses", action="store_true", help="list the pages whose date we got wrong")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    result = evaluate(rounds=args.rounds)
    columns = ("precision", "recall", "f1", "title_accuracy", "date_accuracy", "pages_per_second")
    print(f"{len(load_corpus())} pages from {CORPUS}")
    print(f"{'extractor':<12} " + " ".join(f"{c:>16}" for c in columns))
    for name, row in result.items():
        print(f"{name:<12} " + " ".join(f"{row[c]:>16.3f}" for c in columns))
    ratio = result["gonggao"]["pages_per_second"] / (result["trafilatura"]["pages_per_second"] or 1)
    print(f"speed ratio gonggao/trafilatura: {ratio:.2f}")
    print("date accuracy counts the pages that show a date; pages without one given a date anyway: "
          + ", ".join(f"{name} {row['undated_given_a_date']}" for name, row in result.items()))
    if args.misses:
        for line in result["gonggao"]["misses"]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
