"""One running count for all crawls in this process, while it runs in a terminal (quiet otherwise).

    crawling: 61 pages (sxjyt 24, hanyin 13, news 24), 58 new, 0 changed, 0 unchanged, 0 errors

`CrawlProgress` is the Scrapy extension (on when GONGGAO_PROGRESS is true, by default when stderr
is a terminal); the crawlers of one process share one `ProgressLine`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.spiders.announcements import spider_of

INTERVAL = 1.0  # seconds between redraws


class _Counts(Protocol):
    def get_value(self, key: str, default: Any = None) -> Any: ...


class _DelayedCall(Protocol):
    def active(self) -> bool: ...

    def cancel(self) -> None: ...


class Clock(Protocol):
    """What the line needs of the reactor (`twisted.internet.task.Clock` in tests)."""

    def callLater(self, delay: float, callable: Callable[[], None]) -> _DelayedCall: ...


class ProgressLine:
    """The count line of one process: every crawler's counts, redrawn each INTERVAL while any crawl runs."""

    def __init__(self, out: TextIO, clock: Clock):
        self.out = out
        self.clock = clock
        self.active: dict[str, _Counts] = {}  # source id → its live stats, or its final ones once finished
        self.finished: set[str] = set()
        self._next: _DelayedCall | None = None

    def started(self, source_id: str, stats: _Counts) -> None:
        self.active[source_id] = stats
        self.finished.discard(source_id)
        if self._next is None:
            self._next = self.clock.callLater(INTERVAL, self._tick)

    def finished_crawl(self, source_id: str, final: dict[str, Any]) -> None:
        self.report()
        self.active[source_id] = _Final(dict(final))  # a copy: the crawler may still write to its own
        self.finished.add(source_id)
        if self.finished >= set(self.active):
            if self._next is not None and self._next.active():
                self._next.cancel()
            self._next = None
            print(file=self.out, flush=True)

    def report(self) -> None:
        def total(key: str) -> int:
            return sum(int(s.get_value(key, 0)) for s in self.active.values())

        per_source = ", ".join(f"{sid} {int(s.get_value('gonggao/pages', 0))}" for sid, s in self.active.items())
        line = (f"crawling: {total('gonggao/pages')} pages ({per_source}), {total('gonggao/docs_new')} new, "
                f"{total('gonggao/docs_changed')} changed, {total('gonggao/unchanged')} unchanged, "
                f"{total('gonggao/errors')} errors")
        print("\r" + line, end="", file=self.out, flush=True)

    def _tick(self) -> None:
        self.report()
        self._next = self.clock.callLater(INTERVAL, self._tick)


class _Final:
    """The final stats of a finished crawl, read like a StatsCollector."""

    def __init__(self, stats: dict[str, Any]):
        self._stats = stats

    def get_value(self, key: str, default: Any = None) -> Any:
        return self._stats.get(key, default)


_process_line: ProgressLine | None = None


class CrawlProgress:
    """The extension: puts its crawler's counts on the process's progress line."""

    def __init__(self, crawler: Crawler, line: ProgressLine):
        self.crawler = crawler
        self.line = line

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        global _process_line
        if not crawler.settings.getbool("GONGGAO_PROGRESS", sys.stderr.isatty()):
            raise NotConfigured
        if _process_line is None:
            from twisted.internet import reactor  # the crawl's, installed by now

            _process_line = ProgressLine(sys.stderr, reactor)
        ext = cls(crawler, _process_line)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self) -> None:
        self.line.started(spider_of(self.crawler).source.id, self.crawler.stats)

    def closed(self) -> None:
        self.line.finished_crawl(spider_of(self.crawler).source.id, self.crawler.stats.get_stats())
