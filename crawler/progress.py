"""One running count for all crawls in this process, while it runs in a terminal (quiet otherwise).

    crawling: 61 pages (sxjyt 24, hanyin 13, news 24), 58 new, 0 changed, 0 unchanged, 0 errors
"""

from __future__ import annotations

import sys
from typing import ClassVar

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task


class CrawlProgress:
    INTERVAL = 1.0
    # shared by the crawlers of one process: source id → its stats, and one printing loop
    active: ClassVar[dict[str, StatsCollector]] = {}
    loop: ClassVar[task.LoopingCall | None] = None

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        if not crawler.settings.getbool("GONGGAO_PROGRESS", sys.stderr.isatty()):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self) -> None:
        CrawlProgress.active[self.crawler.spider.source.id] = self.crawler.stats
        if CrawlProgress.loop is None:
            CrawlProgress.loop = task.LoopingCall(self.report)
            CrawlProgress.loop.start(self.INTERVAL, now=False)

    def closed(self) -> None:
        self.report()
        CrawlProgress.active[self.crawler.spider.source.id] = _Frozen(self.crawler.stats.get_stats())
        if all(isinstance(s, _Frozen) for s in CrawlProgress.active.values()):
            if CrawlProgress.loop is not None and CrawlProgress.loop.running:
                CrawlProgress.loop.stop()
            print(file=sys.stderr, flush=True)

    @classmethod
    def report(cls) -> None:
        def total(key: str) -> int:
            return sum(int(s.get_value(key, 0)) for s in cls.active.values())

        per_source = ", ".join(f"{sid} {int(s.get_value('gonggao/pages', 0))}" for sid, s in cls.active.items())
        line = (f"crawling: {total('gonggao/pages')} pages ({per_source}), {total('gonggao/docs_new')} new, "
                f"{total('gonggao/docs_changed')} changed, {total('gonggao/unchanged')} unchanged, "
                f"{total('gonggao/errors')} errors")
        print("\r" + line, end="", file=sys.stderr, flush=True)


class _Frozen:
    """The final stats of a finished crawl, read like a StatsCollector."""

    def __init__(self, stats: dict):
        self._stats = stats

    def get_value(self, key: str, default: int = 0) -> int:
        return self._stats.get(key, default)
