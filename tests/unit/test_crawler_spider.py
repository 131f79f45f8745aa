"""The spider, built from a test crawler, reading the demo news site's pages (built in-process): what
each response becomes, and which requests follow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from twisted.internet.error import DNSLookupError
from twisted.python.failure import Failure

from config.errors import ConfigError, NotFound
from config.settings import Settings
from config.vocabulary import ErrorKind, PageState
from crawler.items import CrawlError, FetchedPage, Gone, ListedArticles, NotModified, Skipped
from crawler.spiders.announcements import AnnouncementsSpider
from tests.unit.crawler_kit import (
    BASE,
    close_all,
    crawl_settings,
    demo_page,
    demo_response,
    spider_crawler,
)

LIST = "/jiaoyu/index.html"
ARTICLE = "/jiaoyu/20250619/301624.shtml"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return crawl_settings(tmp_path)


@pytest.fixture(autouse=True)
def _closed_crawlers() -> Iterator[None]:
    yield
    close_all()


def test_the_spider_names_its_source_from_the_sources_file(settings: Settings) -> None:
    _, spider = spider_crawler(settings)
    assert spider.source.name == "华夏资讯网" and spider.allowed_domains == ["news.example.cn"]
    with pytest.raises(NotFound, match="unknown source 'nope'; known: news"):
        spider_crawler(settings, "nope")
    with pytest.raises(ValueError, match="give the source"):
        AnnouncementsSpider()


def test_without_gonggao_settings_the_spider_says_which_is_missing(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="GONGGAO_SOURCES_PATH"):
        spider_crawler(settings, GONGGAO_SOURCES_PATH=None)


def test_a_list_page_gives_its_articles_conditionally_and_the_next_list_page(settings: Settings) -> None:
    _, spider = spider_crawler(settings)
    out = list(spider.parse_list(demo_response(LIST)))
    [listed] = [item for item in out if isinstance(item, ListedArticles)]
    requests = [r for r in out if isinstance(r, Request)]
    articles = [r for r in requests if r.callback == spider.parse_article]
    assert [r.url for r in articles] == listed.article_urls and len(articles) == 10
    assert all(r.meta["conditional"] for r in articles)
    assert [r.url for r in requests if r.callback == spider.parse_list] == [f"{BASE}/jiaoyu/index_2.html"]


def test_a_list_page_of_known_articles_ends_the_paging_after_a_finished_run(settings: Settings) -> None:
    _, first = spider_crawler(settings)
    found = next(item for item in first.parse_list(demo_response(LIST)) if isinstance(item, ListedArticles))
    for url in found.article_urls:
        first.catalog.save_page(demo_page(ARTICLE).model_copy(update={"url": url}), state=PageState.OK)
    _, spider = spider_crawler(settings)
    spider.stop_at_known_lists = True  # the last run finished (see test_crawler_pipeline)
    assert not [r for r in spider.parse_list(demo_response(LIST))
                if isinstance(r, Request) and r.callback == spider.parse_list]


def test_a_list_page_behind_a_challenge_or_not_html_is_an_error(settings: Settings) -> None:
    crawler, spider = spider_crawler(settings)
    challenge = HtmlResponse(BASE + LIST, status=200, body=b"<html><script>$_ts=1</script></html>")
    assert [e.kind for e in spider.parse_list(challenge)] == [ErrorKind.NEEDS_BROWSER]
    assert crawler.stats.get_value("gonggao/needs_browser_lists") == 1
    pdf = Response(BASE + "/list.pdf", headers={"Content-Type": "application/pdf"}, body=b"%PDF-1.7")
    assert [e.kind for e in spider.parse_list(pdf)] == [ErrorKind.NOT_HTML]


def test_an_article_response_becomes_what_the_pipeline_records(settings: Settings) -> None:
    _, spider = spider_crawler(settings)
    [page] = list(spider.parse_article(demo_response(ARTICLE)))
    assert isinstance(page, FetchedPage) and page.page.source_id == "news"
    assert [type(i) for i in spider.parse_article(HtmlResponse(BASE + ARTICLE, status=304))] == [NotModified]
    assert [i.status for i in spider.parse_article(HtmlResponse(BASE + ARTICLE, status=410))
            if isinstance(i, Gone)] == [410]
    binary = HtmlResponse(BASE + ARTICLE, body=b"\x00\x01\x02" * 100, headers={"Content-Type": "text/html"})
    [skipped] = list(spider.parse_article(binary))
    assert isinstance(skipped, Skipped) and skipped.kind == ErrorKind.BINARY and skipped.page.body == b""


def test_a_failed_request_is_recorded_under_the_url_the_spider_asked_for(settings: Settings) -> None:
    _, spider = spider_crawler(settings)
    try:
        raise DNSLookupError("news.example.cn")
    except DNSLookupError:
        failed = Failure()
    failed.request = Request(BASE + "/moved.html", meta={"redirect_urls": [BASE + LIST]})  # type: ignore[attr-defined]
    [error] = list(spider.on_error(failed))
    assert error == CrawlError(BASE + LIST, ErrorKind.DNS, error.message) and "news.example.cn" in error.message
