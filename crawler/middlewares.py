"""Downloader middlewares: conditional GET from the catalog, Retry-After, redirect loops.

Each is built by Scrapy through `from_crawler` and reads its settings from `crawler.settings`.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response

from config.vocabulary import PageState
from crawler.catalog import crawl_catalog
from crawler.errors import RateLimited, RedirectLoop
from indexer.store.catalog import Catalog

REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class ConditionalGetMiddleware:
    """Ask for a known article only if it changed: If-None-Match / If-Modified-Since from the catalog.

    Only requests marked `meta["conditional"]` are touched (article pages, and attachments, whose
    validators sit in the catalog's attachments table); list pages are always fetched whole,
    because they are how new articles are found.
    """

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(crawl_catalog(crawler))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not request.meta.get("conditional"):
            return
        is_attachment = "attachment_of" in request.meta
        known = self.catalog.known_attachment(request.url) if is_attachment else self.catalog.known_page(request.url)
        if known is None or known.state != PageState.OK:
            return
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag.encode())
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified.encode())


class RetryAfterMiddleware:
    """Honour Retry-After: ask again only after the wait the site named, or give up when it is too long.

    429 always comes here (with no Retry-After we wait GONGGAO_RETRY_AFTER_DEFAULT); a 503 only with
    a Retry-After, otherwise it is RetryMiddleware's ordinary retry. The wait holds no download
    slot, so the site's other pages go on at the polite pace meanwhile.
    """

    def __init__(self, crawler: Crawler, *, max_wait: float, default_wait: float, max_retry_times: int):
        self.crawler = crawler
        self.max_wait = max_wait
        self.default_wait = default_wait
        self.max_retry_times = max_retry_times

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        settings = crawler.settings
        return cls(crawler, max_wait=settings.getfloat("GONGGAO_RETRY_AFTER_MAX", 300.0),
                   default_wait=settings.getfloat("GONGGAO_RETRY_AFTER_DEFAULT", 10.0),
                   max_retry_times=settings.getint("RETRY_TIMES"))

    async def process_response(self, request: Request, response: Response,
                               spider: Spider | None = None) -> Request | Response:
        header = response.headers.get(b"Retry-After")
        if request.meta.get("dont_retry") or not (response.status == 429 or (response.status == 503 and header)):
            return response
        wait = retry_after_seconds(header) if header else None
        wait = self.default_wait if wait is None else wait
        if wait > self.max_wait:
            raise RateLimited(f"HTTP {response.status}: the site asks to come back in {wait:.0f} s "
                              f"(more than GONGGAO_RETRY_AFTER_MAX = {self.max_wait:.0f} s); left for the next run")
        spider = spider or self.crawler.spider
        assert spider is not None, "Scrapy runs downloader middlewares only while a spider is open"
        retry = get_retry_request(request, spider=spider,
                                  reason=f"HTTP {response.status}, Retry-After {wait:.0f} s",
                                  max_retry_times=request.meta.get("max_retry_times", self.max_retry_times))
        if retry is None:
            if response.status == 429:
                raise RateLimited(f"HTTP 429 after {self.max_retry_times + 1} tries, "
                                  "each after the wait the site asked for")
            return response
        await asyncio.sleep(wait)
        return retry


def retry_after_seconds(header: bytes) -> float | None:
    """Seconds from a Retry-After value (delta-seconds or an HTTP date); None when unreadable."""
    value = header.decode("latin-1").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class RedirectLoopMiddleware:
    """A redirect back to a URL already visited in the same chain is a loop: stop at once, as its own error."""

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in REDIRECT_STATUSES or not location:
            return response
        target = urldefrag(urljoin(request.url, location.decode("latin-1")))[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in {urldefrag(url)[0] for url in chain}:
            raise RedirectLoop(f"redirect loop: {' → '.join([*chain, target])}")
        return response
