"""The catalog of a crawl process: opened once, shared by the spider, the middleware and the pipeline.

Each component asks `crawl_catalog(crawler)` in its `from_crawler`. The first ask opens the catalog
that the crawler's settings name (GONGGAO_CATALOG_URL, GONGGAO_ARCHIVE_DIR; crawler/settings.py)
and brings its schema up to date; the crawler's other components, and the other crawlers of the
process (crawler/run.py crawls several sources in one process), get the same one. It is closed
when the last crawler using it sends `spider_closed`, which Scrapy sends after the pipeline has
written the end of the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.settings import required
from indexer.store.catalog import Catalog


@dataclass
class _Shared:
    catalog: Catalog
    crawlers: set[int] = field(default_factory=set)  # id() of the crawlers using it, until they close


_OPEN: dict[tuple[str, str], _Shared] = {}


def crawl_catalog(crawler: Crawler) -> Catalog:
    """The catalog this crawler's settings name, shared by every crawler of the process that names it."""
    url = required(crawler.settings, "GONGGAO_CATALOG_URL")
    archive_dir = crawler.settings.get("GONGGAO_ARCHIVE_DIR") or ""
    key = (url, archive_dir)
    shared = _OPEN.get(key)
    if shared is None:
        shared = _OPEN[key] = _Shared(Catalog(url, archive_dir=Path(archive_dir) if archive_dir else None))
    crawler_id = id(crawler)
    if crawler_id not in shared.crawlers:
        shared.crawlers.add(crawler_id)
        crawler.signals.connect(lambda: _release(key, crawler_id), signal=signals.spider_closed, weak=False)
    return shared.catalog


def _release(key: tuple[str, str], crawler_id: int) -> None:
    shared = _OPEN[key]
    shared.crawlers.discard(crawler_id)
    if not shared.crawlers:
        del _OPEN[key]
        shared.catalog.close()
