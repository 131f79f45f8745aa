"""Choose the article among the texts the passes made, by signals one can measure on the page.

Each pass (trafilatura favouring precision, the same with its fallbacks, trafilatura favouring
recall, our main-block reader) returns cleaned lines. Looked up in `PageLines`, every line says
where it sits and how much of it is link text. The signals of a candidate:

- prose: characters of lines that read as sentences (a 。，；！？ in them) and are not link text;
- tables: characters of the data tables that sit among its lines on the page;
- junk: characters of link lines (≥ half link text), of lines that also appear on the site's
  other pages (site chrome, when the crawler passes them: these are also left out of the text),
  and of short lines without sentence punctuation (player controls, "分享到", column names);
- position: where its first line and first sentence sit, and how much sentence text lies
  between the page headline and its start without being in it (`skipped_prose`).

(Overlap with the headline is read where the title is chosen: `indexer.extract.headline`.)

`choose` keeps the precision pass (the best single pass on both corpora) unless another
candidate is clearly better by these signals; see its docstring for the rules and the
measurements behind them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from indexer.extract.pagelines import PageLines, squash
from indexer.extract.tables import table_number, tsv
from indexer.text.clean import Cleaned

_SENTENCE = set("。，；！？")
_LINK_LINE = 0.5
_SHORT_LINE = 20


@dataclass
class Candidate:
    """One pass's cleaned text and what the page says about its lines."""

    name: str
    cleaned: Cleaned
    lines: list[str]
    prose: int = 0
    tables: int = 0
    junk: int = 0
    first: int | None = None
    last: int | None = None
    first_prose: int | None = None  # where its first sentence line sits on the page
    last_prose: int | None = None  # … and its last
    table_numbers: list[int] = field(default_factory=list)

    @property
    def quality(self) -> float:
        return self.prose + self.tables - 2 * self.junk


def measure(name: str, cleaned: Cleaned, page: PageLines, tables: list[list[list[str]]],
            chrome: frozenset[str] = frozenset()) -> Candidate:
    """A candidate with its signals (see the module docstring). Site-chrome lines are left out
    of its text and counted as junk."""
    lines: list[str] = []
    chrome_chars = 0
    for line in cleaned.body.split("\n"):
        if not line.strip() or table_number(line) is not None:
            continue
        if squash(line) in chrome:
            chrome_chars += len(squash(line))
        else:
            lines.append(line)
    candidate = Candidate(name, cleaned, lines, junk=chrome_chars)
    placed = [(line, page.position(line)) for line in lines]
    sentences = [p for line, p in placed if p is not None and any(ch in _SENTENCE for ch in line)]
    end = page.following_at(min(sentences)) if sentences else None
    if end is not None:  # what lies under "相关文章" / "网友评论" is not the article, whatever the order
        placed = [(line, p) for line, p in placed if p is None or p < end]
        candidate.lines = [line for line, _ in placed]
    positions: list[int] = []
    prose_at: list[int] = []
    for line, position in placed:
        key = squash(line)
        chars = len(key)
        found = page.lines[position] if position is not None else None
        if position is not None:
            positions.append(position)
        if found is not None and found.link_share >= _LINK_LINE:
            candidate.junk += chars
        elif (sentence := any(ch in _SENTENCE for ch in key)) or chars > _SHORT_LINE:
            candidate.prose += chars
            if sentence and position is not None:
                prose_at.append(position)
        else:
            candidate.junk += chars
    candidate.first_prose, candidate.last_prose = min(prose_at, default=None), max(prose_at, default=None)
    if positions:
        candidate.first, candidate.last = min(positions), max(positions)
        candidate.table_numbers = _tables_around(page, candidate.first, candidate.last)
        candidate.tables = sum(len(squash(tsv(tables[n]))) for n in candidate.table_numbers if n < len(tables))
    return candidate


# A data table right after the text still belongs to it when at most this many short lines
# ("附：招生专业及考试科目", "附表") come between.
_TABLE_GAP_LINES = 3
_TABLE_GAP_CHARS = 40


def _tables_around(page: PageLines, first: int, last: int) -> list[int]:
    end = last
    for position in range(last + 1, min(len(page.lines), last + 1 + _TABLE_GAP_LINES + 1)):
        line = page.lines[position]
        if line.table is not None:
            end = position
        elif line.chars > _TABLE_GAP_CHARS:
            break
    return [number for _, number in page.tables_between(first, end)]


def assemble(candidate: Candidate, page: PageLines,
             tables: list[list[list[str]]]) -> tuple[str, list[list[list[str]]]]:
    """The candidate's text with its data tables put back where they stand on the page."""
    if not candidate.table_numbers:
        return "\n".join(candidate.lines), []
    placed = [(page.position(line), line) for line in candidate.lines]
    out: list[str] = []
    used: list[list[list[str]]] = []
    pending = [(position, number) for position, number in page.tables_between(0, len(page.lines))
               if number in candidate.table_numbers]
    for position, line in placed:
        while pending and position is not None and pending[0][0] < position:
            _, number = pending.pop(0)
            out.append(tsv(tables[number]))
            used.append(tables[number])
        out.append(line)
    for _, number in pending:
        out.append(tsv(tables[number]))
        used.append(tables[number])
    return "\n".join(out), used


# The precision pass is the best single pass on both corpora (body F1 0.919 / 0.737 alone on
# magic-html-zh / cwced-zh, 0.950 / 0.936 with trafilatura's fallbacks when it is short); the
# rules below only step in where it measurably failed.
_SHORT_PRIMARY = 400  # characters: below this, trafilatura's fallbacks compete (as trafilatura does)
_MIN_PROSE = 80  # a document has at least this much sentence text ("short is fine", issue 10)
_SKIPPED_PROSE = 200  # sentence text between the headline and the candidate that it left out


class PassResults(Protocol):
    """The candidates by pass name, each made when first asked for (`indexer.extract.article.Passes`)."""

    def __getitem__(self, name: str) -> Candidate: ...


def choose(passes: PassResults, page: PageLines) -> Candidate:
    """The candidate to keep. Rules, in order:

    1. the precision pass; when it holds no prose at all, the block reader's text if that is long
       and nearly all prose; else, when it returned under 400 characters and left sentence text
       out (`holds_page_prose`), its fallback run (unless that only found text further down the
       page: `_further_down`);
    2. when that holds under 80 characters of prose (a menu, a player, nothing), the candidate
       with the best quality (prose + tables − 2 × junk) among those that hold enough;
    3. when the page headline is known and ≥ 200 characters of sentence text sit between the
       headline and the candidate's first line without being in it (a comment box or a
       "为您推荐" list was taken for the article), the candidate that leaves the least of it
       out, best quality first. The fallback run competes only where the precision text is
       short: on all 86 pages of both corpora where that text held ≥ 400 characters, the
       fallbacks returned it line for line (and their run cost up to 0.1 s a page).
    """
    primary = passes["precision"]
    if primary.prose == 0 and _clearly_prose(blocks := passes["blocks"]):
        primary = blocks  # a table-layout page the precision pass read nothing of (cheaper than the fallbacks)
    elif _short(primary) and not holds_page_prose(primary, page):
        fallback = passes["fallback"]
        if fallback.lines and not _further_down(fallback, primary):
            primary = fallback
    if primary.prose < _MIN_PROSE:
        others = [passes[name] for name in ("precision", "recall", "blocks")]
        enough = [c for c in [*others, primary] if c.prose >= _MIN_PROSE]
        if enough:
            primary = max(enough, key=lambda c: c.quality)
    if page.headline_at is not None and skipped_prose(primary, page) >= _SKIPPED_PROSE:
        names = ("precision", "fallback", "recall", "blocks") if _short(passes["precision"]) else (
            "precision", "recall", "blocks")
        others = [passes[name] for name in names]
        primary = min((c for c in others if c.prose >= _MIN_PROSE),
                      key=lambda c: (skipped_prose(c, page) >= _SKIPPED_PROSE, -c.quality), default=primary)
    return primary


# Our block reader's text is taken without running trafilatura's fallbacks when it is long and
# nearly all prose (measured on the 14 cwced-zh pages where the precision pass found no prose:
# block reader body F1 0.911, trafilatura's fallbacks 0.853).
_CLEAR_PROSE = 400
_CLEAR_JUNK_SHARE = 0.1


def _short(candidate: Candidate) -> bool:
    """Under 400 characters: trafilatura's fallbacks may replace it (as trafilatura itself lets them)."""
    return len("".join(candidate.lines)) < _SHORT_PRIMARY


def _clearly_prose(candidate: Candidate) -> bool:
    return candidate.prose >= _CLEAR_PROSE and candidate.junk <= _CLEAR_JUNK_SHARE * candidate.prose


def holds_page_prose(candidate: Candidate, page: PageLines) -> bool:
    """The candidate is a document and the page's sentence lines outside it add up to less than one.

    trafilatura's fallbacks (readability, jusText) can only bring text the page has: when all
    but a few characters of the page's sentence text are already in the candidate, they have
    nothing to add, and running them (its most expensive pass, ~0.1 s a page) is skipped. A
    line the page repeats ("為什麼你不喜歡這個廣告？" under every ad) is a widget's, not the
    article's, and does not count. Measured: on the 8 pages of both corpora where this holds
    and the fallbacks ran before, they returned the precision text unchanged.
    """
    if candidate.prose < _MIN_PROSE:
        return False
    own = {squash(line) for line in candidate.lines}
    seen = Counter(squash(line.text) for line in page.lines)
    left = 0
    for line in page.lines:
        key = squash(line.text)
        if (line.link_share < _LINK_LINE and line.table is None and any(ch in _SENTENCE for ch in line.text)
                and key not in own and seen[key] == 1):
            left += line.chars
            if left >= _MIN_PROSE:
                return False
    return True


def _further_down(later: Candidate, first: Candidate) -> bool:
    """`later` holds none of `first`'s lines and starts below its end, while `first` holds prose.

    The article comes first: a longer text found only further down the page is the comments,
    the replies or the next post of a blog page (measured: three pages where trafilatura's
    fallback beat a short precision result all had the fallback text above the precision one).
    """
    if first.prose < _MIN_PROSE or first.last is None or later.first is None or later.first <= first.last:
        return False
    return not {squash(line) for line in later.lines} & {squash(line) for line in first.lines}


def skipped_prose(candidate: Candidate, page: PageLines) -> int:
    """Characters of sentence lines between the headline and the candidate's first line, not in it."""
    if page.headline_at is None or candidate.first is None or candidate.first <= page.headline_at:
        return 0
    own = {squash(line) for line in candidate.lines}
    return sum(line.chars for line in page.lines[page.headline_at + 1: candidate.first]
               if line.link_share < _LINK_LINE and line.table is None and squash(line.text) not in own
               and any(ch in _SENTENCE for ch in line.text))
