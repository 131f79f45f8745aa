"""Site chrome: the lines a site prints on all its pages (menus, "今天是…" bars, footers, notices).

Pure functions. The crawler sees many pages of one source; lines that recur on most of them
are not any article's text. `page_lines` reads the visible lines of one page (as the extractor
sees them: layout tables read as blocks); `site_chrome` keeps the lines found on enough of the
pages; the result goes into `ExtractOptions.site_chrome`, where extraction leaves those lines out
of the article and counts them as junk when choosing among passes (`indexer.extract.choose`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from indexer.extract.context import parse_html
from indexer.extract.pagelines import collect_lines, squash
from indexer.extract.tables import apply_table_marks, mark_tables

# A line is chrome when at least this share of the pages carry it, and at least this many:
# one sibling page agreeing is chance (two notices of one series share their last lines).
MIN_PAGES = 3
MIN_SHARE = 0.5
# Longer lines are prose; a site does not repeat a paragraph on every page by design, and a
# reprinted article repeated across pages must not erase itself.
MAX_CHROME_CHARS = 80


def page_lines(html: str) -> frozenset[str]:
    """The distinct visible lines of one page (whitespace removed), as `site_chrome` wants them."""
    tree = parse_html(html)
    if tree is None:
        return frozenset()
    mark_tables(tree)
    apply_table_marks(tree, keep_data=False)
    body = tree.find("body")
    lines = collect_lines(body if body is not None else tree)
    return frozenset(key for line in lines if 0 < len(key := squash(line.text)) <= MAX_CHROME_CHARS)


def site_chrome(pages: Iterable[frozenset[str]], *, min_pages: int = MIN_PAGES,
                min_share: float = MIN_SHARE) -> frozenset[str]:
    """The lines found on at least `min_share` of the pages and on at least `min_pages` of them.

    `pages`: each page's lines (`page_lines`), the page being extracted may be among them.
    Returns an empty set for fewer than `min_pages` pages.
    """
    counts: Counter[str] = Counter()
    total = 0
    for lines in pages:
        total += 1
        counts.update(lines)
    if total < min_pages:
        return frozenset()
    needed = max(min_pages, min_share * total)
    return frozenset(line for line, seen in counts.items() if seen >= needed)
