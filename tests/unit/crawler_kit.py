"""What the crawler's component tests share: settings over a tmp data directory, a sources file,
a test crawler (`scrapy.utils.test.get_crawler`) with its spider, and demo pages built in-process."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from config.settings import Settings
from crawler.settings import from_gonggao
from crawler.spiders.announcements import AnnouncementsSpider
from gonggao.demo_web.sites import Built, build_all
from indexer.models import Page

HOST = "news.example.cn"
BASE = f"http://{HOST}"
SOURCE = f"""sources:
  - id: news
    name: 华夏资讯网
    kind: news
    layout: article
    start_urls: ["{BASE}/jiaoyu/index.html"]
    allowed_domains: ["{HOST}"]
    max_list_pages: 3
"""


def crawl_settings(tmp_path: Path, sources: str = SOURCE) -> Settings:
    path = tmp_path / "sources.yaml"
    path.write_text(sources, encoding="utf-8")
    return Settings.load({"data_dir": tmp_path / "data", "sources_path": path}, environ={})


def spider_crawler(settings: Settings, source_id: str = "news", **scrapy: object) -> tuple[Crawler, AnnouncementsSpider]:
    """A test crawler with Gonggao's settings and its spider, built the way Scrapy builds them (without
    Scrapy's stock extensions, which need a running engine)."""
    crawler = get_crawler(AnnouncementsSpider, {**from_gonggao(settings), "EXTENSIONS_BASE": {}, **scrapy})
    spider = AnnouncementsSpider.from_crawler(crawler, source=source_id)
    crawler.spider = spider
    _running.append((crawler, spider))
    return crawler, spider


_running: list[tuple[Crawler, AnnouncementsSpider]] = []


def close(crawler: Crawler, spider: AnnouncementsSpider) -> None:
    """What Scrapy does at the end of a crawl: `spider_closed` (the shared catalog closes with the last one)."""
    crawler.signals.send_catch_log(signals.spider_closed, spider=spider, reason="finished")
    _running.remove((crawler, spider))


def close_all() -> None:
    """Close the crawlers a test left open (call from a fixture's teardown)."""
    for crawler, spider in list(_running):
        close(crawler, spider)


@cache
def demo_site(name: str = "news") -> Built:
    return build_all()[name]


def demo_response(path: str, site: str = "news") -> HtmlResponse:
    page = demo_site(site).pages[path]
    url = BASE + path
    return HtmlResponse(url, body=page.body, headers={"Content-Type": page.content_type or "text/html"},
                        request=Request(url))


def demo_page(path: str, site: str = "news", source_id: str = "news") -> Page:
    page = demo_site(site).pages[path]
    return Page(url=BASE + path, final_url=BASE + path, headers={"Content-Type": page.content_type or "text/html"},
                body=page.body, fetched_at=datetime(2025, 7, 1, tzinfo=UTC), source_id=source_id)
