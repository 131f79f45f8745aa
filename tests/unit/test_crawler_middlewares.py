"""The downloader middlewares, built from a test crawler: conditional GET from a real SQLite catalog,
Retry-After (the wait is recorded instead of slept), redirect loops."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.http import Response
from scrapy.utils.misc import build_from_crawler

from config.settings import Settings
from config.vocabulary import PageState
from crawler import middlewares
from crawler import settings as crawler_settings
from crawler.errors import RateLimited, RedirectLoop
from crawler.middlewares import (
    ConditionalGetMiddleware,
    RedirectLoopMiddleware,
    RetryAfterMiddleware,
    retry_after_seconds,
)
from crawler.spiders.announcements import AnnouncementsSpider
from indexer.store.catalog import AttachmentRecord
from tests.unit.crawler_kit import BASE, close_all, crawl_settings, demo_page, spider_crawler

ARTICLE = "/jiaoyu/20250619/301624.shtml"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return crawl_settings(tmp_path)


@pytest.fixture(autouse=True)
def _closed_crawlers() -> Iterator[None]:
    yield
    close_all()


# -- wiring ----------------------------------------------------------------------------------
def test_scrapy_builds_every_middleware_from_the_project_settings(settings: Settings) -> None:
    crawler, _ = spider_crawler(settings, DOWNLOADER_MIDDLEWARES=crawler_settings.DOWNLOADER_MIDDLEWARES)
    built = {type(mw) for mw in DownloaderMiddlewareManager.from_crawler(crawler).middlewares}
    assert {ConditionalGetMiddleware, RetryAfterMiddleware, RedirectLoopMiddleware} <= built


# -- conditional GET -------------------------------------------------------------------------
def stored(settings: Settings, state: PageState) -> ConditionalGetMiddleware:
    crawler, spider = spider_crawler(settings)
    page = demo_page(ARTICLE).model_copy(update={"headers": {"ETag": '"v1"', "Last-Modified": "Thu, 19 Jun 2025 02:00:00 GMT"}})
    spider.catalog.save_page(page, state=state)
    return ConditionalGetMiddleware.from_crawler(crawler)


def test_a_known_article_is_asked_for_only_if_it_changed(settings: Settings) -> None:
    middleware = stored(settings, PageState.OK)
    request = Request(BASE + ARTICLE, meta={"conditional": True})
    middleware.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Thu, 19 Jun 2025 02:00:00 GMT"

    list_page = Request(BASE + ARTICLE)  # list pages are never conditional
    middleware.process_request(list_page)
    assert b"If-None-Match" not in list_page.headers


def test_a_page_whose_documents_were_not_stored_is_fetched_whole(settings: Settings) -> None:
    middleware = stored(settings, PageState.ERROR)
    request = Request(BASE + ARTICLE, meta={"conditional": True})
    middleware.process_request(request)
    assert b"If-None-Match" not in request.headers and b"If-Modified-Since" not in request.headers


def test_an_attachment_is_asked_for_with_its_own_validators(settings: Settings) -> None:
    crawler, spider = spider_crawler(settings)
    url = BASE + "/files/plan.pdf"
    spider.catalog.save_attachment(AttachmentRecord(url=url, parent_url=BASE + ARTICLE, source_id="news", name="plan",
                                                    fetched_at=0, etag='"pdf1"'))
    request = Request(url, meta={"conditional": True, "attachment_of": BASE + ARTICLE})
    ConditionalGetMiddleware.from_crawler(crawler).process_request(request)
    assert request.headers[b"If-None-Match"] == b'"pdf1"'


# -- Retry-After -----------------------------------------------------------------------------
@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The waits the middleware takes, recorded instead of slept."""
    recorded: list[float] = []

    async def sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(middlewares.asyncio, "sleep", sleep)
    yield recorded


def retry_after(settings: Settings) -> tuple[RetryAfterMiddleware, AnnouncementsSpider]:
    crawler, spider = spider_crawler(settings, RETRY_TIMES=1, GONGGAO_RETRY_AFTER_MAX=60,
                                     GONGGAO_RETRY_AFTER_DEFAULT=7)
    return RetryAfterMiddleware.from_crawler(crawler), spider


def answer(middleware: RetryAfterMiddleware, spider: AnnouncementsSpider, request: Request, status: int,
           retry_after_value: str | None = None) -> Request | Response:
    headers = {"Retry-After": retry_after_value} if retry_after_value is not None else {}
    response = Response(request.url, status=status, headers=headers, request=request)
    return asyncio.run(middleware.process_response(request, response, spider))


def test_a_429_is_asked_again_after_the_wait_the_site_named(settings: Settings, waits: list[float]) -> None:
    middleware, spider = retry_after(settings)
    request = Request(BASE + ARTICLE)
    retry = answer(middleware, spider, request, 429, "12")
    assert isinstance(retry, Request) and retry.url == request.url and retry.meta["retry_times"] == 1
    assert waits == [12.0]
    with pytest.raises(RateLimited, match="after 2 tries"):
        answer(middleware, spider, retry, 429, "12")


def test_a_429_without_retry_after_waits_the_default_and_a_long_wait_is_left_for_the_next_run(
        settings: Settings, waits: list[float]) -> None:
    middleware, spider = retry_after(settings)
    assert isinstance(answer(middleware, spider, Request(BASE + ARTICLE), 429), Request)
    assert waits == [7.0]
    with pytest.raises(RateLimited, match="GONGGAO_RETRY_AFTER_MAX"):
        answer(middleware, spider, Request(BASE + ARTICLE), 503, "3600")
    assert waits == [7.0], "no wait for a request given up"


def test_a_503_without_retry_after_is_left_to_the_ordinary_retry(settings: Settings, waits: list[float]) -> None:
    middleware, spider = retry_after(settings)
    request = Request(BASE + ARTICLE)
    assert isinstance(answer(middleware, spider, request, 503), Response)
    assert isinstance(answer(middleware, spider, Request(BASE + ARTICLE, meta={"dont_retry": True}), 429), Response)
    exhausted = Request(BASE + ARTICLE, meta={"retry_times": 1})
    assert isinstance(answer(middleware, spider, exhausted, 503, "1"), Response)
    assert waits == []


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after_seconds(b"120") == 120.0
    soon = retry_after_seconds(format_datetime(datetime.now(UTC) + timedelta(minutes=10), usegmt=True).encode())
    assert soon is not None and 500 < soon <= 600
    assert retry_after_seconds(format_datetime(datetime(2000, 1, 1, tzinfo=UTC), usegmt=True).encode()) == 0.0
    assert retry_after_seconds(b"soon") is None


# -- redirect loops --------------------------------------------------------------------------
def redirect(request: Request, location: str, status: int = 302) -> Response:
    return Response(request.url, status=status, headers={"Location": location}, request=request)


def test_a_redirect_back_into_its_own_chain_is_a_loop(settings: Settings) -> None:
    crawler, _ = spider_crawler(settings)
    middleware = build_from_crawler(RedirectLoopMiddleware, crawler)
    second = Request(BASE + "/b.html", meta={"redirect_urls": [BASE + "/a.html"]})
    with pytest.raises(RedirectLoop, match=r"/a\.html → \S+/b\.html → \S+/a\.html$"):
        middleware.process_response(second, redirect(second, "/a.html#top", 301))
    itself = Request(BASE + "/c.html")
    with pytest.raises(RedirectLoop):
        middleware.process_response(itself, redirect(itself, BASE + "/c.html", 307))


def test_an_ordinary_redirect_passes(settings: Settings) -> None:
    crawler, _ = spider_crawler(settings)
    middleware = build_from_crawler(RedirectLoopMiddleware, crawler)
    request = Request(BASE + "/old.html", meta={"redirect_urls": [BASE + "/older.html"]})
    response = redirect(request, "/new.html")
    assert middleware.process_response(request, response) is response
    ok = Response(request.url, status=200, request=request)
    assert middleware.process_response(request, ok) is ok
