"""The one spider: list pages → article links → article pages, driven by config/sources.yaml.

    scrapy crawl announcements -a source=ID

What it reads from a page is the source's adapter's business (crawler/adapters.py); the spider
decides what to fetch next and what each response becomes (crawler/items.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from config.errors import NotFound
from config.sources import Source
from config.vocabulary import ErrorKind, RunState
from crawler import challenge, links
from crawler.adapters import SiteAdapter, adapter_for
from crawler.catalog import crawl_catalog
from crawler.errors import error_kind, error_message
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
from crawler.reference import sources_by_id
from crawler.settings import required
from indexer.models import Page
from indexer.store.catalog import Catalog

HTML_TYPES = ("text/html", "application/xhtml+xml")
# A list page may also be a feed, a sitemap or a data-proxy answer (crawler/cms reads them)
FEED_TYPES = ("text/xml", "application/xml", "application/rss+xml", "application/atom+xml")
GONE = (404, 410)
TEXT_CONTROLS = set(b"\t\n\r\f\x1b")
MAX_CONTROL_SHARE = 0.05
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class AnnouncementsSpider(Spider):
    name = "announcements"
    # set by from_crawler, from the crawler's settings
    allowed_domains: list[str]
    source: Source
    adapter: SiteAdapter
    catalog: Catalog
    stop_at_known_lists: bool
    list_pages_seen: set[str]

    def __init__(self, source: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if not source:
            raise ValueError("give the source to crawl: -a source=ID (see `gonggao sources`)")
        self.source_id = source

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        by_id = sources_by_id(Path(required(crawler.settings, "GONGGAO_SOURCES_PATH")))
        if spider.source_id not in by_id:
            raise NotFound(f"unknown source {spider.source_id!r}; known: {', '.join(sorted(by_id))}")
        spider.source = by_id[spider.source_id]
        spider.allowed_domains = spider.source.allowed_domains
        spider.adapter = adapter_for(spider.source)
        spider.list_pages_seen = {links.canonical(url) for url in spider.source.start_urls}
        spider.catalog = crawl_catalog(crawler)
        # After a run that did not finish (killed, failed), every list page is read again: the
        # articles it never reached may sit behind list pages that now hold only known ones.
        # Read here, before the pipeline opens this crawl's own run.
        last_runs = spider.catalog.runs(spider.source.id, limit=1)
        spider.stop_at_known_lists = bool(last_runs) and last_runs[0].state == RunState.OK
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.source.start_urls:
            yield Request(url, callback=self.parse_list, errback=self.on_error, dont_filter=True,
                          meta={"list_page": True})

    # -- list pages --------------------------------------------------------------------------
    def parse_list(self, response: Response) -> Iterator[Any]:
        if challenge.needs_browser(response.status, response.body):
            self.crawler.stats.inc_value("gonggao/needs_browser_lists")
            yield CrawlError(response.url, ErrorKind.NEEDS_BROWSER, challenge.message(response.status))
            return
        if not (_is_html(response) or _content_type(response) in FEED_TYPES) or not isinstance(response, TextResponse):
            yield CrawlError(response.url, ErrorKind.NOT_HTML, f"list page is {_content_type(response) or 'untyped'}")
            return
        if _looks_binary(response.body):
            yield CrawlError(response.url, ErrorKind.BINARY, "list page labelled HTML is binary data")
            return
        found = self.adapter.article_links(response)
        known = self.catalog.known_urls(found)
        yield ListedArticles(links.canonical(_requested_url(response)), found)
        for url in found:
            yield Request(url, callback=self.parse_article, errback=self.on_error,
                          meta={"conditional": True, "handle_httpstatus_list": [304, *GONE]})
        yield from self._attachments(response)
        # Incremental: once a list page holds nothing new, the older pages hold nothing new either.
        if self.stop_at_known_lists and found and len(known) == len(found):
            self.crawler.stats.inc_value("gonggao/list_pages_stopped")
            return
        for url in self.adapter.next_pages(response):
            if url in self.list_pages_seen or len(self.list_pages_seen) >= self.source.max_list_pages:
                continue
            self.list_pages_seen.add(url)
            yield Request(url, callback=self.parse_list, errback=self.on_error, meta={"list_page": True})

    # -- article pages -----------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        if response.status == 304:
            yield NotModified(response.url)
            return
        if response.status in GONE:
            yield Gone(response.url, response.status)
            return
        page = self._page(response)
        if not _is_html(response) or not isinstance(response, TextResponse):
            yield Skipped(page.model_copy(update={"body": b""}), f"not HTML: {_content_type(response) or 'no content type'}")
            return
        if challenge.needs_browser(response.status, response.body):
            yield CrawlError(response.url, ErrorKind.NEEDS_BROWSER, challenge.message(response.status))
            return
        if _looks_binary(response.body):
            yield Skipped(page.model_copy(update={"body": b""}), f"binary data served as {_content_type(response)}",
                          kind=ErrorKind.BINARY)
            return
        yield FetchedPage(page)
        yield from self._attachments(response)

    def _attachments(self, response: TextResponse) -> Iterator[Request]:
        """Requests for the files a page links (PDF, Office files, OFD…), each naming its page and the link's text."""
        parent = response.request.url if response.request else response.url
        found = links.named_attachment_links(response.selector, response.url, self.source.allowed_domains)
        for url, name in found.items():
            yield Request(url, callback=self.parse_attachment, errback=self.on_error,
                          meta={"attachment_of": parent, "attachment_name": name, "conditional": True,
                                "handle_httpstatus_list": [304, *GONE]})

    def parse_attachment(self, response: Response) -> Iterator[Any]:
        """The file's bytes go to the pipeline, which archives them and extracts the text; a 304 keeps the
        stored text."""
        url = _requested_url(response)
        if response.status == 304:
            yield AttachmentNotModified(url)
            return
        page = self._page(response).model_copy(update={"url": url})
        if response.status in GONE:
            page = page.model_copy(update={"body": b""})
        yield FetchedAttachment(page, response.meta["attachment_of"], response.meta["attachment_name"])

    def _page(self, response: Response) -> Page:
        return Page(
            url=response.request.url if response.request else response.url,
            final_url=response.url,
            status=response.status,
            headers={k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            body=response.body,
            fetched_at=datetime.now(UTC),
            source_id=self.source.id,
        )

    def on_error(self, failure: Failure) -> Iterator[CrawlError]:
        request = getattr(failure, "request", None)
        # the URL we asked for, not where its redirects led
        url = request.meta.get("redirect_urls", [request.url])[0] if request is not None else "?"
        kind = error_kind(failure)
        if kind == ErrorKind.NEEDS_BROWSER and request is not None and request.meta.get("list_page"):
            self.crawler.stats.inc_value("gonggao/needs_browser_lists")
        yield CrawlError(url, kind, error_message(failure, kind))

def spider_of(crawler: Crawler) -> AnnouncementsSpider:
    """The crawler's spider, typed: Gonggao's components serve this spider only."""
    spider = crawler.spider
    assert isinstance(spider, AnnouncementsSpider), f"Gonggao's components need the announcements spider, not {spider!r}"
    return spider


def _requested_url(response: Response) -> str:
    """The URL the spider asked for, not where its redirects led."""
    request_url = response.request.url if response.request else response.url
    return response.meta.get("redirect_urls", [request_url])[0]


def _content_type(response: Response) -> str:
    return (response.headers.get(b"Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()


def _is_html(response: Response) -> bool:
    ctype = _content_type(response)
    if ctype:
        return ctype in HTML_TYPES
    return response.body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))


def _looks_binary(body: bytes) -> bool:
    """Bytes no text page holds (NULs, many control characters): garbage or a file mislabelled as HTML."""
    head = body[:4096]
    if not head or head.startswith(UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in TEXT_CONTROLS)
    return controls / len(head) > MAX_CONTROL_SHARE
