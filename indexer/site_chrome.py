"""What a source's pages repeat, remembered across pages and across crawls.

Extraction leaves out the lines a site prints on all its pages (`indexer.extract.chrome`), but
it sees one page at a time. `SiteChrome` keeps the visible lines of a source's last pages: it is
seeded from the WARC copies of the pages the catalog stored last (so an incremental crawl that
fetches one new page still knows the site's menus), then learns from every page fetched. The
crawl pipeline and `gonggao reextract` both use it, so a page is read the same way by both.

While a crawl runs, a page is read with the chrome known when it arrives, so the first pages of
a new source are read with none, and which pages came first depends on the network. `settle`
makes the result independent of that order: at the end of the crawl the chrome is computed once
over the seed and every page of the run (a count, so arrival order cannot change it), and the
pages that were read with a different chrome for their own lines are named, to be read again.
Two crawls of the same pages, in one process or split over machines, store the same documents.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from indexer.extract.chrome import page_lines, site_chrome
from indexer.extract.decode import decode_html
from indexer.store.catalog import Catalog
from indexer.store.warc import read_record

log = logging.getLogger(__name__)
# Pages remembered per source: enough for `site_chrome` to tell a site's furniture from one
# series' shared phrases, few enough that seeding reads little of the archive (~10 ms a page).
WINDOW = 30


K = TypeVar("K")


@dataclass(frozen=True)
class Reading(Generic[K]):
    """How one page of the run was read: its lines, and the chrome among them when it was read."""
    key: K
    lines: frozenset[str]
    chrome: frozenset[str]


class SiteChrome(Generic[K]):
    """`K`: how the caller names a page of the run (`read_as`), e.g. its catalog id."""

    def __init__(self, seed: Iterable[frozenset[str]] = (), window: int = WINDOW):
        self._seed = list(seed)
        self._pages: deque[frozenset[str]] = deque(self._seed, maxlen=window)
        self._run: list[Reading[K]] = []
        self._interned: dict[str, str] = {}  # one string per distinct line: a site's menus repeat on every page
        self._last: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    @classmethod
    def from_archive(cls, catalog: Catalog, source_id: str, *, encoding: str | None = None,
                     window: int = WINDOW) -> SiteChrome[K]:
        """Seeded with the lines of the source's `window` most recently stored pages (`encoding`: the
        source's charset override, as its crawl decodes them)."""
        seed: list[frozenset[str]] = []
        if catalog.archive_dir is not None:
            for ref in reversed(catalog.recent_archived_pages(source_id, window)):
                try:
                    page = read_record(catalog.archive_dir, ref)
                except (OSError, ValueError) as exc:  # a damaged record only makes the memory shorter
                    log.warning("site chrome: unreadable record file=%s error=%r", ref.file, exc)
                    continue
                content_type = page.headers.get("content-type") or page.headers.get("Content-Type")
                seed.append(page_lines(decode_html(page.body, content_type, encoding)[0]))
        return cls(seed, window)

    def observe(self, html: str) -> frozenset[str]:
        """Remember one more page of the source; the chrome lines as they now stand. Name it with
        `read_as` to have `settle` consider it."""
        lines = frozenset(self._interned.setdefault(line, line) for line in page_lines(html))
        self._pages.append(lines)
        chrome = self.lines()
        self._last = (lines, chrome)
        return chrome

    def read_as(self, key: K) -> None:
        """Name the page `observe` saw last, as one of the run's (its name may only be known after
        it was read: the pipeline stores it first)."""
        lines, chrome = self._last
        self._run.append(Reading(key, lines, chrome & lines))

    def lines(self) -> frozenset[str]:
        return site_chrome(self._pages)

    def settle(self) -> tuple[frozenset[str], list[K]]:
        """The chrome over the seed and all the run's pages, and the keys of the pages read with
        a different chrome among their own lines (to read again with it), in the order read."""
        final = site_chrome([*self._seed, *(reading.lines for reading in self._run)])
        return final, [r.key for r in self._run if final & r.lines != r.chrome]
