"""A running count of pages and documents while a crawl runs in a terminal (quiet otherwise)."""

from __future__ import annotations

import sys

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class CrawlProgress:
    INTERVAL = 1.0

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "CrawlProgress":
        if not crawler.settings.getbool("GONGGAO_PROGRESS", sys.stderr.isatty()):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider) -> None:  # type: ignore[no-untyped-def]
        self.loop = task.LoopingCall(self.report, spider)
        self.loop.start(self.INTERVAL, now=False)

    def closed(self, spider) -> None:  # type: ignore[no-untyped-def]
        if self.loop and self.loop.running:
            self.loop.stop()
        self.report(spider, final=True)

    def report(self, spider, final: bool = False) -> None:  # type: ignore[no-untyped-def]
        stats = self.crawler.stats
        line = (
            f"crawl {spider.source.id}: {stats.get_value('gonggao/pages', 0)} pages, "
            f"{stats.get_value('gonggao/docs_new', 0)} new, {stats.get_value('gonggao/docs_changed', 0)} changed, "
            f"{stats.get_value('gonggao/unchanged', 0)} unchanged, {stats.get_value('gonggao/errors', 0)} errors"
        )
        print(("\r" + line + ("\n" if final else "")), end="", file=sys.stderr, flush=True)
