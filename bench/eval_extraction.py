"""Extraction benchmark on the two shared corpora: Gonggao beside plain trafilatura and GNE.

Run: ``python bench/eval_extraction.py`` (from the repository root). Reads the pages from
``../shared/corpus/`` (never copied into the repository) and prints, for each set and each
extractor on the same pages in the same run:

- body precision / recall / F1 over character 3-grams (multiset), whitespace removed, mean per
  page (a refused page scores 0);
- title accuracy against the headlines labelled by reading (``tests/extraction_titles.json``
  for magic-html-zh, ``tests/cwced_titles.json`` for cwced-zh);
- date accuracy over the pages that show a date (labels: ``tests/corpus_dates.json``; cwced-zh
  carries its own in gold.json), and the pages that show none but were given one;
- pages refused (no article found), dates from the clock (a date whose year is written nowhere
  in the page or its URL: it can only have come from the fetch time), and pages per second.

The sets:

- ``magic-html-zh``: 52 modern article pages (UTF-8, sha256-pinned); the reference body starts
  with the title.
- ``cwced-zh``: 69 older pages (table layouts, blogs, forums, county sites; GBK and others,
  decoded from bytes as the crawler does with ``indexer.extract.decode``); the reference body
  has no title; the date is ``YYYY-MM-DD`` or null.

GNE (GeneralNewsExtractor) is GPL-3: it is a measuring baseline only, never part of the
install. Install it into the environment to compare (``pip install gne``); without it the
column reads "not installed".

``tests/unit/test_extraction_gate.py`` imports ``evaluate`` from here and fails when our
numbers on either set fall below the floors pinned in ``tests/extraction_floors.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
MAGIC = SHARED_CORPUS / "magic-html-zh"
CWCED = SHARED_CORPUS / "cwced-zh"
MAGIC_DATES = REPO / "tests" / "corpus_dates.json"
MAGIC_TITLES = REPO / "tests" / "extraction_titles.json"
CWCED_TITLES = REPO / "tests" / "cwced_titles.json"
NGRAM = 3
# The bench stands in for the crawler: pages are "fetched" now, so a date completed from the
# clock shows up as a year the page never wrote.
FETCHED_AT = datetime.now(UTC)

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_SPACE = re.compile(r"\s+")
_TITLE_NOISE = re.compile(r"[\s\u3000·•]+")


@dataclass(frozen=True)
class CorpusPage:
    """One page with its references. `title` / `date`: None = the page shows none; MISSING = unlabelled."""

    id: str
    url: str
    html: str
    body: str
    title: str | None
    date: str | None


MISSING = "missing"


@dataclass(frozen=True)
class Extracted:
    """What an extractor made of a page; `refused` when it found no article at all."""

    body: str = ""
    title: str | None = None
    date: str | None = None
    refused: bool = False


@dataclass
class Score:
    """Running totals for one extractor on one set."""

    name: str
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    titles_right: int = 0
    titles_total: int = 0
    dates_right: int = 0
    dates_total: int = 0
    undated_given_a_date: int = 0
    refused: int = 0
    dates_from_clock: int = 0
    seconds: float = 0.0
    pages: int = 0
    misses: list[str] = field(default_factory=list)
    per_page: dict[str, float] = field(default_factory=dict)

    def row(self) -> dict[str, float]:
        n = len(self.f1) or 1
        return {
            "precision": sum(self.precision) / n,
            "recall": sum(self.recall) / n,
            "f1": sum(self.f1) / n,
            "title_accuracy": self.titles_right / (self.titles_total or 1),
            "date_accuracy": self.dates_right / (self.dates_total or 1),
            "undated_given_a_date": self.undated_given_a_date,
            "refused": self.refused,
            "dates_from_clock": self.dates_from_clock,
            "pages_per_second": self.pages / self.seconds if self.seconds else 0.0,
        }


# ------------------------------------------------------------------ scoring
def ngrams(text: str, n: int = NGRAM) -> Counter[str]:
    text = _SPACE.sub("", text or "")
    return Counter(text[i: i + n] for i in range(len(text) - n + 1))


def prf(predicted: str, reference: str, n: int = NGRAM) -> tuple[float, float, float]:
    """Precision, recall and F1 of character n-grams (multiset), whitespace removed."""
    pred, ref = ngrams(predicted, n), ngrams(reference, n)
    if not pred or not ref:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def same_title(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and _TITLE_NOISE.sub("", predicted or "") == _TITLE_NOISE.sub("", gold)


# ------------------------------------------------------------------ the sets
def _labels(path: Path) -> dict[str, str | None]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def load_magic(root: Path = MAGIC) -> list[CorpusPage]:
    """magic-html-zh, after checking every page against its sha256 pin in gold.json."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    dates, titles = _labels(MAGIC_DATES), _labels(MAGIC_TITLES)
    pages = []
    for page_id, entry in sorted(gold.items()):
        raw = (root / "html" / f"{page_id}.html").read_bytes()
        if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            raise ValueError(f"corpus page {page_id} does not match its sha256 pin")
        pages.append(CorpusPage(page_id, entry["url"], raw.decode("utf-8", errors="replace"), entry["content"],
                                titles.get(page_id, MISSING), dates.get(page_id, MISSING)))
    return pages


# The dataset saved most pages inside a `<text id="URL" …>` wrapper that records where the page
# was fetched from; the crawler always knows that URL, so the bench passes it on.
_SAVED_URL = re.compile(r'^\s*<text\s+id="(https?://[^"]+)"')


def load_cwced(root: Path = CWCED) -> list[CorpusPage]:
    """cwced-zh, each page decoded from its bytes the way the crawler decodes (no header given)."""
    from indexer.extract.decode import decode_html

    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    titles = _labels(CWCED_TITLES)
    pages = []
    for page_id, entry in sorted(gold.items()):
        html, _encoding = decode_html((root / "html" / f"{page_id}.html").read_bytes(), None)
        url = match.group(1) if (match := _SAVED_URL.match(html)) else ""
        pages.append(CorpusPage(page_id, url, html, entry["content"], titles.get(page_id, MISSING), entry["date"]))
    return pages


SETS: dict[str, tuple[Path, Callable[[], list[CorpusPage]]]] = {
    "magic-html-zh": (MAGIC, load_magic),
    "cwced-zh": (CWCED, load_cwced),
}


def available_sets() -> list[str]:
    return [name for name, (root, _) in SETS.items() if (root / "gold.json").exists()]


# ------------------------------------------------------------------ the extractors
def _iso(value: object) -> str | None:
    """A baseline's date string ('2005-5-7 21:23:57', '2019-03-08') as YYYY-MM-DD."""
    from indexer.extract.dates import parse_meta_date

    if not value:
        return None
    found = parse_meta_date(str(value))
    return found.date().isoformat() if found else None


def run_gonggao(html: str, url: str) -> Extracted:
    from indexer.extract import ExtractOptions, extract_articles

    articles = extract_articles(html, url, ExtractOptions(fetched_at=FETCHED_AT))
    if not articles:
        return Extracted(refused=True)
    first = articles[0]
    date = first.published_at.date().isoformat() if first.published_at else None
    return Extracted(first.body, first.title, date)


def run_trafilatura(html: str, url: str) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    if doc is None or not doc.text:
        return Extracted(refused=True)
    return Extracted(doc.text, doc.title, _iso(doc.date))


def gne_installed() -> bool:
    try:
        import gne  # noqa: F401
    except ImportError:
        return False
    return True


def run_gne(html: str, url: str) -> Extracted:
    from gne import GeneralNewsExtractor

    try:
        result = GeneralNewsExtractor().extract(html)
    except Exception:
        return Extracted(refused=True)
    if not result.get("content"):
        return Extracted(refused=True)
    return Extracted(result["content"], result.get("title"), _iso(result.get("publish_time")))


EXTRACTORS: dict[str, Callable[[str, str], Extracted]] = {
    "gonggao": run_gonggao, "trafilatura": run_trafilatura, "gne": run_gne,
}


# ------------------------------------------------------------------ the run
def evaluate(set_name: str, extractors: tuple[str, ...] = ("gonggao", "trafilatura", "gne"),
             rounds: int = 1) -> dict[str, dict]:
    """Score each extractor over one set: {extractor: row (see `Score.row`) + 'misses' + 'per_page'}.

    The extractors take turns page by page, so that a busy machine slows them alike.
    """
    pages = SETS[set_name][1]()
    names = [name for name in extractors if name != "gne" or gne_installed()]
    scores = {name: Score(name) for name in names}
    body_only = 0.0  # plain `trafilatura.extract` (body text only, no title or date), timed for the speed line
    for name in names:
        EXTRACTORS[name](pages[0].html, pages[0].url)  # warm-up: one-time loading is not per-page work
    for page in pages:
        for name in names:
            run, score = EXTRACTORS[name], scores[name]
            start = time.perf_counter()
            for _ in range(rounds):
                got = run(page.html, page.url)
            score.seconds += time.perf_counter() - start
            score.pages += rounds
            _record(score, page, got)
        if "trafilatura" in names:
            start = time.perf_counter()
            for _ in range(rounds):
                _trafilatura_body(page.html, page.url)
            body_only += time.perf_counter() - start
    result = {name: {**score.row(), "misses": score.misses, "per_page": score.per_page} for name, score in scores.items()}
    if "trafilatura" in result and body_only:
        result["trafilatura"]["body_only_pages_per_second"] = len(pages) * rounds / body_only
    return result


def _trafilatura_body(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url or None) or ""


def _record(score: Score, page: CorpusPage, got: Extracted) -> None:
    precision, recall, f1 = prf(got.body, page.body)
    score.precision.append(precision)
    score.recall.append(recall)
    score.f1.append(f1)
    score.per_page[page.id] = f1
    score.refused += got.refused
    if got.refused:
        score.misses.append(f"{page.id}: refused")
    if page.title not in (None, MISSING):
        score.titles_total += 1
        right = same_title(got.title, page.title or "")
        score.titles_right += right
        if not right:
            score.misses.append(f"{page.id}: title {got.title!r} != {page.title!r}")
    if got.date and got.date[:4] not in page.html and got.date[:4] not in page.url:
        score.dates_from_clock += 1
        score.misses.append(f"{page.id}: date {got.date} has a year the page never writes")
    if page.date is None:
        score.undated_given_a_date += got.date is not None
        if got.date is not None:
            score.misses.append(f"{page.id}: date {got.date} on a page that shows none")
    elif page.date != MISSING:  # date accuracy counts the pages that show a date
        score.dates_total += 1
        score.dates_right += got.date == page.date
        if got.date != page.date:
            score.misses.append(f"{page.id}: date {got.date} != {page.date}")


_COLUMNS = ("precision", "recall", "f1", "title_accuracy", "date_accuracy", "undated_given_a_date", "refused",
            "dates_from_clock", "pages_per_second")
_HEADERS = ("body P", "body R", "body F1", "title", "date", "undated dated", "refused", "clock dates", "pages/s")


def print_table(set_name: str, result: dict[str, dict], pages: int) -> None:
    print(f"\n{set_name}: {pages} pages, body = character {NGRAM}-gram P/R/F1 per page (mean), whitespace removed")
    print(f"| extractor | {' | '.join(_HEADERS)} |")
    print("|---" * (len(_HEADERS) + 1) + "|")
    for name, row in result.items():
        cells = [f"{row[c]:.3f}" if isinstance(row[c], float) and c != "pages_per_second" else
                 (f"{row[c]:.1f}" if c == "pages_per_second" else str(row[c])) for c in _COLUMNS]
        print(f"| {name} | {' | '.join(cells)} |")
    if "gne" not in result:
        print("| gne | not installed (GPL-3, measuring baseline only: pip install gne) |")
    if "trafilatura" in result and result["trafilatura"]["pages_per_second"]:
        ours, theirs = result["gonggao"]["pages_per_second"], result["trafilatura"]
        print(f"speed ratio gonggao/trafilatura: {ours / theirs['pages_per_second']:.2f} (trafilatura with title and date, "
              f"the row above); {ours / theirs['body_only_pages_per_second']:.2f} against `trafilatura.extract` "
              f"(body text only, {theirs['body_only_pages_per_second']:.1f} pages/s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="only this set (repeatable)")
    parser.add_argument("--rounds", type=int, default=1, help="extract each page this many times (steadier pages/s)")
    parser.add_argument("--misses", action="store_true", help="list our wrong dates and titles and refused pages")
    parser.add_argument("--only-ours", action="store_true", help="skip the baselines (faster while iterating)")
    parser.add_argument("--per-page", action="store_true", help="print our body F1 of every page")
    args = parser.parse_args(argv)
    names = args.set or sorted(SETS, reverse=True)
    missing = [name for name in names if name not in available_sets()]
    if missing:
        print(f"corpus not found: {', '.join(str(SETS[n][0]) for n in missing)}", file=sys.stderr)
        return 2
    extractors = ("gonggao",) if args.only_ours else ("gonggao", "trafilatura", "gne")
    for name in names:
        result = evaluate(name, extractors, rounds=args.rounds)
        print_table(name, result, len(result["gonggao"]["per_page"]))
        if args.per_page:
            others = {k: v["per_page"] for k, v in result.items() if k != "gonggao"}
            for page_id, f1 in sorted(result["gonggao"]["per_page"].items(), key=lambda kv: kv[1]):
                rest = " ".join(f"{k} {v[page_id]:.3f}" for k, v in others.items())
                print(f"   {page_id}  {f1:.3f}  {rest}")
        if args.misses:
            for line in result["gonggao"]["misses"]:
                print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
