"""The one spider: list pages → article links → article pages, driven by config/sources.yaml.

    scrapy crawl announcements -a source=ID
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar

from scrapy import Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from config.settings import Settings
from config.sources import Source, load_sources
from config.vocabulary import RunState
from crawler import challenge, links
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
from indexer.models import Page
from indexer.store.catalog import Catalog

HTML_TYPES = ("text/html", "application/xhtml+xml")
GONE = (404, 410)
TEXT_CONTROLS = set(b"\t\n\r\f\x1b")
MAX_CONTROL_SHARE = 0.05
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class AnnouncementsSpider(Spider):
    name = "announcements"
    custom_settings: ClassVar[dict[str, Any]] = {}

    def __init__(self, source: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if not source:
            raise ValueError("give the source to crawl: -a source=ID (see `gonggao sources`)")
        settings = Settings.load()
        by_id = {s.id: s for s in load_sources(settings.sources_path)}
        if source not in by_id:
            raise ValueError(f"unknown source {source!r}; known: {', '.join(sorted(by_id))}")
        self.source: Source = by_id[source]
        self.allowed_domains = self.source.allowed_domains
        self.catalog = Catalog(settings.catalog_url, migrate_schema=False)
        self.list_pages_seen: set[str] = {links.canonical(url) for url in self.source.start_urls}
        # After a run that did not finish (killed, failed), every list page is read again: the
        # articles it never reached may sit behind list pages that now hold only known ones.
        last_runs = self.catalog.runs(self.source.id, limit=1)
        self.stop_at_known_lists = bool(last_runs) and last_runs[0].state == RunState.OK

    async def start(self) -> AsyncIterator[Request]:
        for url in self.source.start_urls:
            yield Request(url, callback=self.parse_list, errback=self.on_error, dont_filter=True,
                          meta={"list_page": True})

    # -- list pages --------------------------------------------------------------------------
    def parse_list(self, response: Response) -> Iterator[Any]:
        if challenge.needs_browser(response.status, response.body):
            self.crawler.stats.inc_value("gonggao/needs_browser_lists")
            yield CrawlError(response.url, "needs_browser", challenge.message(response.status))
            return
        if not _is_html(response):
            yield CrawlError(response.url, "not_html", f"list page is {_content_type(response) or 'untyped'}")
            return
        if _looks_binary(response.body):
            yield CrawlError(response.url, "binary", "list page labelled HTML is binary data")
            return
        found = links.article_links(response.selector, response.url, self.source.allowed_domains, self.source.selectors.article_links)
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
        for url in links.list_pages(response.selector, response.url, self.source.max_list_pages,
                                    self.source.selectors.next_page):
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
        if not _is_html(response):
            yield Skipped(page.model_copy(update={"body": b""}), f"not HTML: {_content_type(response) or 'no content type'}")
            return
        if challenge.needs_browser(response.status, response.body):
            yield CrawlError(response.url, "needs_browser", challenge.message(response.status))
            return
        if _looks_binary(response.body):
            yield Skipped(page.model_copy(update={"body": b""}), f"binary data served as {_content_type(response)}",
                          kind="binary")
            return
        yield FetchedPage(page)
        yield from self._attachments(response)

    def _attachments(self, response: Response) -> Iterator[Request]:
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
        if kind == "needs_browser" and request is not None and request.meta.get("list_page"):
            self.crawler.stats.inc_value("gonggao/needs_browser_lists")
        yield CrawlError(url, kind, error_message(failure, kind))

    def closed(self, reason: str) -> None:
        self.catalog.close()


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
