"""The pipeline that hands pages to the indexer and records everything in the catalog."""

from __future__ import annotations

import logging
import os
from typing import Any

from scrapy.crawler import Crawler

from config.settings import Settings
from config.sources import Source
from crawler.items import CrawlError, FetchedPage, Gone, NotModified, Skipped
from indexer.archive import RecordRef, WarcWriterRotating
from indexer.catalog.store import Catalog
from indexer.ingest import Enrichers, NotAnArticle, ingest_page
from indexer.models import Page

log = logging.getLogger(__name__)
NOT_COUNTED_AS_ERRORS = {"robots", "not_html", "no_article"}


class CatalogPipeline:
    def __init__(self, crawler: Crawler, settings: Settings):
        self.crawler = crawler
        self.stats = crawler.stats
        self.catalog = Catalog(settings.catalog_url, archive_dir=settings.archive_dir)
        self.archive_dir = settings.archive_dir
        self.archive: WarcWriterRotating | None = None
        self.enrichers = Enrichers(hazards_path=settings.hazards_path)
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "CatalogPipeline":
        return cls(crawler, Settings.load())

    @property
    def source(self) -> Source:
        return self.crawler.spider.source

    def open_spider(self) -> None:
        # one writer per crawl: files are named by source and process, so writers never share a file
        self.archive = WarcWriterRotating(self.archive_dir, prefix=self.source.id)
        self.run_id = self.catalog.start_run(self.source.id, os.getpid())

    def close_spider(self) -> None:
        get = self.stats.get_value
        pages = get("gonggao/pages", 0) + get("gonggao/unchanged", 0)
        errors = get("gonggao/errors", 0)
        state = "failed" if errors and pages == 0 else "ok"
        self.catalog.finish_run(
            self.run_id, state, pages_fetched=get("gonggao/pages", 0), pages_unchanged=get("gonggao/unchanged", 0),
            docs_new=get("gonggao/docs_new", 0), docs_changed=get("gonggao/docs_changed", 0),
            docs_removed=get("gonggao/docs_removed", 0), errors=errors,
        )
        if self.archive is not None:
            self.archive.close()
        self.catalog.close()

    def process_item(self, item: Any) -> Any:
        source = self.source
        if isinstance(item, FetchedPage):
            self.stats.inc_value("gonggao/pages")
            warc = self._archive(item.page)
            if warc is None:
                return item
            try:
                docs = ingest_page(item.page, source, self.enrichers)
            except NotAnArticle as exc:
                self.catalog.save_page(item.page, state="skipped", reason=str(exc), warc=warc)
                self._error(source.id, item.page.url, "no_article", str(exc))
                return item
            except Exception as exc:  # a broken page is a recorded error, never a crashed crawl
                log.warning("extract failed url=%s error=%r", item.page.url, exc)
                self.catalog.save_page(item.page, state="error", reason=repr(exc), warc=warc)
                self._error(source.id, item.page.url, "extract", repr(exc))
                return item
            page_id = self.catalog.save_page(item.page, state="ok", warc=warc)
            result = self.catalog.store_documents(page_id, docs)
            self.stats.inc_value("gonggao/docs_new", result.new)
            self.stats.inc_value("gonggao/docs_changed", result.changed)
        elif isinstance(item, NotModified):
            self.stats.inc_value("gonggao/unchanged")
            self.catalog.touch_page(item.url)
        elif isinstance(item, Gone):
            removed = self.catalog.mark_page_removed(item.url, f"HTTP {item.status}")
            self.stats.inc_value("gonggao/docs_removed", removed)
        elif isinstance(item, Skipped):
            warc = self._archive(item.page)
            self.catalog.save_page(item.page, state="skipped", reason=item.reason, warc=warc)
            self._error(source.id, item.page.url, "not_html", item.reason)
        elif isinstance(item, CrawlError):
            self._error(source.id, item.url, item.kind, item.message)
        return item

    def _archive(self, page: Page) -> RecordRef | None:
        """Keep the response as fetched; a full disk is a recorded error, and the page is not half-stored."""
        assert self.archive is not None, "open_spider() creates the archive writer"
        try:
            return self.archive.append(page)
        except OSError as exc:
            self._error(page.source_id, page.url, "archive", f"cannot write the WARC archive: {exc}")
            return None

    def _error(self, source_id: str, url: str, kind: str, message: str) -> None:
        if kind not in NOT_COUNTED_AS_ERRORS:
            self.stats.inc_value("gonggao/errors")
        self.catalog.record_error(self.run_id, source_id, url, kind, message)
