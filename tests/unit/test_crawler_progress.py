"""The progress extension, built from test crawlers, drawing on a string with Twisted's test clock."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from twisted.internet.task import Clock

from config.settings import Settings
from crawler.progress import INTERVAL, CrawlProgress, ProgressLine
from tests.unit.crawler_kit import SOURCE, close_all, crawl_settings, spider_crawler

TWO_SOURCES = SOURCE + SOURCE.replace("sources:\n", "").replace("id: news", "id: news2")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return crawl_settings(tmp_path, TWO_SOURCES)


@pytest.fixture(autouse=True)
def _closed_crawlers() -> Iterator[None]:
    yield
    close_all()


def test_off_unless_asked_for(settings: Settings) -> None:
    crawler, _ = spider_crawler(settings, GONGGAO_PROGRESS=False)
    with pytest.raises(NotConfigured):
        CrawlProgress.from_crawler(crawler)


def test_one_line_counts_every_crawl_of_the_process_until_the_last_one_ends(settings: Settings) -> None:
    out, clock = io.StringIO(), Clock()
    line = ProgressLine(out, clock)
    first, second = spider_crawler(settings, "news")[0], spider_crawler(settings, "news2")[0]
    progress = [CrawlProgress(first, line), CrawlProgress(second, line)]
    for ext in progress:
        ext.opened()
    first.stats.set_value("gonggao/pages", 3)
    first.stats.set_value("gonggao/docs_new", 2)
    second.stats.set_value("gonggao/pages", 4)
    second.stats.set_value("gonggao/errors", 1)
    clock.advance(INTERVAL)
    assert out.getvalue().endswith("\rcrawling: 7 pages (news 3, news2 4), 2 new, 0 changed, 0 unchanged, 1 errors")

    progress[0].closed()
    first.stats.set_value("gonggao/pages", 99)  # a finished crawl's count is frozen
    clock.advance(INTERVAL)
    assert out.getvalue().endswith("(news 3, news2 4), 2 new, 0 changed, 0 unchanged, 1 errors")
    progress[1].closed()
    assert out.getvalue().endswith("\n") and not clock.getDelayedCalls(), "the last crawl ends the line and the redraws"
