"""What a source's pages repeat, remembered across pages and across crawls.

Extraction leaves out the lines a site prints on all its pages (`indexer.extract.chrome`), but
it sees one page at a time. `SiteChrome` keeps the visible lines of a source's last pages: it is
seeded from the WARC copies of the pages the catalog stored last (so an incremental crawl that
fetches one new page still knows the site's menus), then learns from every page fetched. The
crawl pipeline and `gonggao reextract` both use it, so a page is read the same way by both.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable

from indexer.extract.chrome import page_lines, site_chrome
from indexer.extract.decode import decode_html
from indexer.store.catalog import Catalog
from indexer.store.warc import read_record

log = logging.getLogger(__name__)
# Pages remembered per source: enough for `site_chrome` to tell a site's furniture from one
# series' shared phrases, few enough that seeding reads little of the archive (~10 ms a page).
WINDOW = 30


class SiteChrome:
    def __init__(self, seed: Iterable[frozenset[str]] = (), window: int = WINDOW):
        self._pages: deque[frozenset[str]] = deque(seed, maxlen=window)

    @classmethod
    def from_archive(cls, catalog: Catalog, source_id: str, *, encoding: str | None = None,
                     window: int = WINDOW) -> SiteChrome:
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
        """Remember one more page of the source; the chrome lines as they now stand."""
        self._pages.append(page_lines(html))
        return self.lines()

    def lines(self) -> frozenset[str]:
        return site_chrome(self._pages)
