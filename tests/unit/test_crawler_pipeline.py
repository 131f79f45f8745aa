"""The catalog pipeline and the shared catalog, built from a test crawler, writing a real SQLite catalog
and WARC archive in tmp_path; the pages are the demo news site's, built in-process."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from config.settings import Settings
from config.vocabulary import ErrorKind, PageState, RunState
from crawler.catalog import crawl_catalog
from crawler.items import CrawlError, FetchedPage, NotModified
from crawler.middlewares import ConditionalGetMiddleware
from crawler.pipelines import CatalogPipeline
from indexer.store.catalog import Catalog
from indexer.store.schema import documents
from tests.unit.crawler_kit import close, close_all, crawl_settings, demo_page, demo_site, spider_crawler

LIST = "/jiaoyu/index.html"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return crawl_settings(tmp_path)


@pytest.fixture(autouse=True)
def _closed_crawlers() -> Iterator[None]:
    yield
    close_all()


def crawl(settings: Settings, *items: object, needs_browser_lists: int = 0) -> Catalog:
    """Run the pipeline over these items as one crawl; the catalog to read the outcome from."""
    crawler, spider = spider_crawler(settings)
    pipeline = CatalogPipeline.from_crawler(crawler)
    pipeline.open_spider()
    crawler.stats.set_value("gonggao/needs_browser_lists", needs_browser_lists)
    for item in items:
        pipeline.process_item(item)
    pipeline.close_spider()
    close(crawler, spider)
    return Catalog(settings.catalog_url, archive_dir=settings.archive_dir)


def test_one_catalog_serves_the_spider_the_middleware_and_the_pipeline(settings: Settings) -> None:
    crawler, spider = spider_crawler(settings)
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    pipeline = CatalogPipeline.from_crawler(crawler)
    assert spider.catalog is middleware.catalog is pipeline.catalog
    other, other_spider = spider_crawler(settings)
    assert other_spider.catalog is spider.catalog, "the crawlers of one process share it"

    close(crawler, spider)
    assert crawl_catalog(other) is spider.catalog, "open while a crawler still uses it"
    close(other, other_spider)
    reopened, reopened_spider = spider_crawler(settings)
    assert reopened_spider.catalog is not spider.catalog, "closed with the last crawler, opened anew"
    close(reopened, reopened_spider)


def test_a_crawl_stores_articles_and_records_its_run(settings: Settings) -> None:
    article = demo_site().articles[0]
    empty_url = "http://news.example.cn/empty.shtml"
    empty = demo_page(LIST).model_copy(update={"url": empty_url, "final_url": empty_url,
                                               "body": b"<html><body><p>\xe6\x97\xa0</p></body></html>"})
    catalog = crawl(
        settings,
        FetchedPage(demo_page(article.path)),
        FetchedPage(empty),  # no article: recorded, not a failure
        NotModified(demo_page("/jiaoyu/20250619/301624.shtml").url),
        CrawlError("http://news.example.cn/slow.shtml", ErrorKind.TIMEOUT, "timed out after 30 s"),
    )
    [run] = catalog.runs("news")
    assert (run.state, run.pages_fetched, run.pages_unchanged, run.docs_new, run.errors) == (RunState.OK, 2, 1, 1, 1)
    assert {(e.kind, e.url.rsplit("/", 1)[-1]) for e in catalog.errors("news")} == {
        (ErrorKind.NO_ARTICLE, "empty.shtml"), (ErrorKind.TIMEOUT, "slow.shtml")}
    known = catalog.known_page(demo_page(article.path).url)
    assert known is not None and known.state == PageState.OK
    [[(_, data)]] = list(catalog.all_documents())
    assert article.title in data
    raw = catalog.raw_page(demo_page(article.path).url)
    assert raw is not None and raw[0] == demo_page(article.path).body, "the response is archived"


def test_a_crawl_that_fetched_nothing_failed_or_needs_a_browser(settings: Settings) -> None:
    catalog = crawl(settings, CrawlError("http://news.example.cn/jiaoyu/index.html", ErrorKind.CONNECT, "refused"))
    assert catalog.runs("news")[0].state == RunState.FAILED
    catalog = crawl(settings, CrawlError("http://news.example.cn/jiaoyu/index.html", ErrorKind.NEEDS_BROWSER, "412"),
                    needs_browser_lists=1)
    assert catalog.runs("news")[0].state == RunState.NEEDS_BROWSER


def test_a_run_left_running_is_marked_interrupted(settings: Settings) -> None:
    catalog = Catalog(settings.catalog_url)
    catalog.start_run("news", pid=1)  # a crawl killed with kill -9
    crawl(settings)
    assert [r.state for r in catalog.runs("news")] == [RunState.OK, RunState.INTERRUPTED]


def test_incremental_paging_follows_the_last_run(settings: Settings) -> None:
    """The spider stops at known list pages only after a run that finished; it reads that before its own run starts."""
    assert not spider_crawler(settings)[1].stop_at_known_lists
    crawl(settings)
    crawler, spider = spider_crawler(settings)
    CatalogPipeline.from_crawler(crawler).open_spider()  # this crawl's run is "running" now
    assert spider.stop_at_known_lists
    close(crawler, spider)


def test_the_documents_stored_do_not_depend_on_the_order_the_pages_arrived_in(tmp_path: Path) -> None:
    """The first pages of a new source are read before its chrome is known; the end of the crawl
    reads them again with the run's chrome, so the same pages in another order store the same text."""
    paths = [article.path for article in demo_site().articles]
    shuffled = paths[:]
    random.Random(0).shuffle(shuffled)
    stored = []
    for name, order in (("forward", paths), ("backward", paths[::-1]), ("shuffled", shuffled)):
        (tmp_path / name).mkdir()
        catalog = crawl(crawl_settings(tmp_path / name), *(FetchedPage(demo_page(path)) for path in order))
        with catalog.engine.connect() as conn:
            stored.append(set(conn.execute(select(documents.c.id, documents.c.content_hash))))
        [run] = catalog.runs("news")
        assert run.docs_new == len(paths)
        catalog.close()
    assert stored[0] == stored[1] == stored[2]
