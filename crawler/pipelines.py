"""The pipeline that hands pages to the indexer and records everything in the catalog."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy.exc import SQLAlchemyError

from config.sources import Source
from config.vocabulary import NOT_COUNTED_AS_ERRORS, ErrorKind, PageState, RunState
from crawler.catalog import crawl_catalog
from crawler.items import (
    AttachmentNotModified,
    CrawlError,
    FetchedAttachment,
    FetchedPage,
    Gone,
    ListedArticles,
    NotModified,
    Skipped,
)
from crawler.reference import shared_enrichers
from crawler.settings import required
from crawler.spiders.announcements import spider_of
from indexer.extract.attachment_text import Unreadable, attachment_text
from indexer.extract.decode import decode_html
from indexer.ingest import Enrichers, NotAnArticle, ingest_html, ingest_page
from indexer.models import Document, Page
from indexer.site_chrome import SiteChrome
from indexer.store.catalog import AttachmentRecord, Catalog
from indexer.store.warc import RecordRef, WarcWriterRotating, read_record

log = logging.getLogger(__name__)
STORAGE_ERRORS = (OSError, SQLAlchemyError)
DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
POSTGRES_DISK_FULL = "53100"
NOT_STORED_YET = "fetched; its documents are not stored yet"
GONE_STATUSES = (404, 410)


class CatalogPipeline:
    """Archives every response, runs the indexer on article pages and records the run in the catalog."""

    def __init__(self, crawler: Crawler, catalog: Catalog, *, archive_dir: Path, enrichers: Enrichers):
        self.crawler = crawler
        self.stats = crawler.stats
        self.catalog = catalog
        self.archive_dir = archive_dir
        self.archive: WarcWriterRotating | None = None
        self.enrichers = enrichers
        self.run_id: int | None = None
        # the source's repeated lines, seeded from its archived pages at open; a page is named by its
        # catalog id, WARC record and fetch time, to be read again at the end (`_settle_chrome`)
        self.chrome: SiteChrome[tuple[int, RecordRef, datetime]] = SiteChrome()
        self.listings: dict[str, list[str]] = {}  # list pages read in this run → their article URLs
        self.stopped: str | None = None  # why the crawl stopped early: the catalog or the archive cannot be written

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CatalogPipeline:
        settings = crawler.settings
        return cls(crawler, crawl_catalog(crawler), archive_dir=Path(required(settings, "GONGGAO_ARCHIVE_DIR")),
                   enrichers=shared_enrichers(Path(required(settings, "GONGGAO_HAZARDS_PATH"))))

    @property
    def source(self) -> Source:
        return spider_of(self.crawler).source

    def open_spider(self) -> None:
        # one writer per crawl: files are named by source and process, so writers never share a file
        self.archive = WarcWriterRotating(self.archive_dir, prefix=self.source.id)
        self.chrome = SiteChrome.from_archive(self.catalog, self.source.id, encoding=self.source.encoding)
        # One source never crawls twice at once, so an earlier run still "running" died (kill -9, power loss).
        for run in self.catalog.runs(self.source.id, limit=5):
            if run.state == RunState.RUNNING:
                self.catalog.finish_run(run.id, RunState.INTERRUPTED)
        self.run_id = self.catalog.start_run(self.source.id, os.getpid())

    def close_spider(self) -> None:
        assert self.run_id is not None, "open_spider() starts the run"
        get = self.stats.get_value
        try:
            if not self.stopped:
                self.stats.inc_value("gonggao/docs_removed", self.catalog.mark_vanished(self.listings))
        except SQLAlchemyError as exc:
            log.error("cannot apply the vanish rule source=%s error=%s", self.source.id, exc)
        try:
            if not self.stopped:
                self._settle_chrome()
        except STORAGE_ERRORS as exc:  # the pages keep the text they were first stored with
            log.error("cannot read pages again with the site chrome source=%s error=%s", self.source.id, exc)
        try:
            self.catalog.finish_run(
                self.run_id, self._run_state(),
                pages_fetched=get("gonggao/pages", 0), pages_unchanged=get("gonggao/unchanged", 0),
                docs_new=get("gonggao/docs_new", 0), docs_changed=get("gonggao/docs_changed", 0),
                docs_removed=get("gonggao/docs_removed", 0), errors=get("gonggao/errors", 0),
            )
        except SQLAlchemyError as exc:  # the next run marks this one interrupted
            log.error("cannot record the end of the crawl source=%s error=%s", self.source.id, exc)
        finally:
            if self.archive is not None:
                self.archive.close()

    def _settle_chrome(self) -> None:
        """Read again the pages of this run that were read with another chrome than the run's
        (`SiteChrome.settle`), correcting their documents in place: what is stored then does not
        depend on the order the pages arrived in."""
        chrome, again = self.chrome.settle()
        extract = spider_of(self.crawler).adapter.extract
        for key in again:
            page_id, ref, fetched_at = key
            # the WARC keeps whole seconds; the first reading had more
            page = read_record(self.archive_dir, ref).model_copy(update={"fetched_at": fetched_at})
            try:
                docs = ingest_page(page, self.source, self.enrichers, extract, chrome)
            except Exception as exc:  # it was an article before; it keeps its first reading
                log.warning("second reading failed url=%s error=%r", page.url, exc)
                continue
            self.catalog.store_documents(page_id, docs, from_source=False)
        self.stats.set_value("gonggao/pages_read_again", len(again))

    def _run_state(self) -> RunState:
        """ok; failed (stopped early, or errors and nothing fetched); needs_browser (list pages behind a challenge)."""
        get = self.stats.get_value
        fetched = get("gonggao/pages", 0) + get("gonggao/unchanged", 0)
        if self.stopped:
            return RunState.FAILED
        if fetched == 0 and get("gonggao/needs_browser_lists", 0):
            return RunState.NEEDS_BROWSER
        return RunState.FAILED if fetched == 0 and get("gonggao/errors", 0) else RunState.OK

    def process_item(self, item: Any) -> Any:
        if self.stopped:
            return item  # the crawl is stopping: nothing more is written
        try:
            self._record(item)
        except STORAGE_ERRORS as exc:
            self._stop_on_storage_failure(getattr(item, "url", None) or item.page.url, exc)
        return item

    def _ingest(self, item: FetchedPage, source: Source) -> list[Document]:
        """Extract and enrich one article page, leaving out the lines the source's pages repeat."""
        page = item.page
        content_type = page.headers.get("content-type") or page.headers.get("Content-Type")
        html, _encoding = decode_html(page.body, content_type, source.encoding)
        return ingest_html(html, page.final_url or page.url, source, self.enrichers, page.fetched_at, page.source_id,
                           spider_of(self.crawler).adapter.extract, self.chrome.observe(html))

    def _record(self, item: Any) -> None:
        """Archive and catalog one item; an OSError or SQLAlchemyError here means the storage failed."""
        assert self.archive is not None, "open_spider() creates the archive writer"
        source = self.source
        if isinstance(item, FetchedPage):
            if self._same_body(item.page):
                return
            self.stats.inc_value("gonggao/pages")
            warc = self.archive.append(item.page)
            try:
                docs = self._ingest(item, source)
            except NotAnArticle as exc:
                self.catalog.save_page(item.page, state=PageState.SKIPPED, reason=str(exc), warc=warc)
                self._error(source.id, item.page.url, ErrorKind.NO_ARTICLE, str(exc))
                return
            except Exception as exc:  # a broken page is a recorded error, never a crashed crawl
                log.warning("extract failed url=%s error=%r", item.page.url, exc)
                self.catalog.save_page(item.page, state=PageState.ERROR, reason=repr(exc), warc=warc)
                self._error(source.id, item.page.url, ErrorKind.EXTRACT, repr(exc))
                return
            # The page turns "ok" only once its documents are stored: a crash or a full disk in
            # between leaves it "error", so the next run fetches it again instead of trusting it.
            page_id = self.catalog.save_page(item.page, state=PageState.ERROR, reason=NOT_STORED_YET, warc=warc)
            result = self.catalog.store_documents(page_id, docs)
            self.catalog.set_page_state(page_id, PageState.OK)
            self.chrome.read_as((page_id, warc, item.page.fetched_at))
            self.stats.inc_value("gonggao/docs_new", result.new)
            self.stats.inc_value("gonggao/docs_changed", result.changed)
        elif isinstance(item, FetchedAttachment):
            self._record_attachment(item)
        elif isinstance(item, AttachmentNotModified):
            self.catalog.touch_attachment(item.url)
        elif isinstance(item, ListedArticles):
            self.listings[item.list_url] = item.article_urls
        elif isinstance(item, NotModified):
            self.stats.inc_value("gonggao/unchanged")
            self.catalog.touch_page(item.url)
        elif isinstance(item, Gone):
            removed = self.catalog.mark_page_removed(item.url, f"HTTP {item.status}")
            self.stats.inc_value("gonggao/docs_removed", removed)
        elif isinstance(item, Skipped):
            warc = self.archive.append(item.page)
            self.catalog.save_page(item.page, state=PageState.SKIPPED, reason=item.reason, warc=warc)
            self._error(source.id, item.page.url, item.kind, item.reason)
        elif isinstance(item, CrawlError):
            self._error(source.id, item.url, item.kind, item.message)

    def _same_body(self, page: Page) -> bool:
        """A 200 whose bytes are those already stored (a site that ignores conditional requests): counted
        as unchanged, like a 304, and neither archived nor extracted again (docs/scale.md: 103 ms of CPU
        and 41 KB of WARC saved per known article)."""
        known = self.catalog.known_page(page.url)
        if known is None or known.state != PageState.OK or known.content_hash != hashlib.sha256(page.body).hexdigest():
            return False
        self.stats.inc_value("gonggao/unchanged")
        self.stats.inc_value("gonggao/same_body")
        self.catalog.touch_page(page.url)
        return True

    def _record_attachment(self, item: FetchedAttachment) -> None:
        """Archive the file, store its text (or why there is none) and give it to the documents of its page."""
        assert self.archive is not None, "open_spider() creates the archive writer"
        page = item.page
        self.stats.inc_value("gonggao/attachments")
        headers = {k.lower(): v for k, v in page.headers.items()}
        content_type = headers.get("content-type", "")
        warc: RecordRef | None = None
        text: str | Unreadable
        if page.status in GONE_STATUSES:
            text = Unreadable(f"HTTP {page.status}")
        else:
            warc, text = self.archive.append(page), attachment_text(page.body, page.url, content_type)
        self.catalog.save_attachment(AttachmentRecord(
            url=page.url, parent_url=item.parent_url, source_id=page.source_id, name=item.name,
            fetched_at=int(page.fetched_at.timestamp()), content_type=content_type or None,
            etag=headers.get("etag"), last_modified=headers.get("last-modified"),
            text=text if isinstance(text, str) else None,
            unreadable=text.reason if isinstance(text, Unreadable) else None, warc=warc,
        ))
        self.catalog.refresh_attachment_texts(item.parent_url)
        if isinstance(text, Unreadable):
            self._error(self.source.id, page.url, ErrorKind.ATTACHMENT_UNREADABLE, text.reason)

    def _stop_on_storage_failure(self, url: str, exc: Exception) -> None:
        """Record why (if the catalog still takes it) and close the spider: every further page would fail too."""
        kind = ErrorKind.DISK_FULL if _is_disk_full(exc) else ErrorKind.STORAGE
        cause = getattr(exc, "orig", None) or exc  # the database's own words, without SQLAlchemy's statement dump
        self.stopped = f"{kind}: cannot store what was fetched ({cause}); the crawl stopped, nothing is half-stored"
        log.error("crawl stopped source=%s url=%s %s", self.source.id, url, self.stopped)
        self.stats.set_value("gonggao/stopped", self.stopped)
        try:
            self._error(self.source.id, url, kind, self.stopped)
        except STORAGE_ERRORS as again:
            log.error("cannot record the error either source=%s error=%s", self.source.id, again)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="storage_failed"))

    def _error(self, source_id: str, url: str, kind: ErrorKind, message: str) -> None:
        if kind not in NOT_COUNTED_AS_ERRORS:
            self.stats.inc_value("gonggao/errors")
        self.catalog.record_error(self.run_id, source_id, url, kind, message)


def _is_disk_full(exc: Exception) -> bool:
    """ENOSPC/EDQUOT from the archive; SQLite's "database or disk is full"; PostgreSQL's DiskFull (53100)."""
    if isinstance(exc, OSError):
        return exc.errno in DISK_FULL_ERRNOS
    original = getattr(exc, "orig", None)
    return getattr(original, "sqlstate", None) == POSTGRES_DISK_FULL or "disk is full" in str(original or exc).lower()
