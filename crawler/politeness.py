"""The download delay counted from the previous response, not from when the request left the queue.

Scrapy spaces the requests of a download slot by the time each is taken from the slot's queue
(`Slot.lastseen`). Between that moment and the bytes reaching the site lie the downloader
middlewares and the TCP connect, each a turn of the reactor; when the crawl process waits for the CPU
(an extraction in the item pipeline, five crawls on two cores) a request leaves late and the next one
on time: the host saw two requests 0.17 s apart with a 1.0 s delay (tests/e2e/test_host_batching.py,
in the full suite). Counting the delay from when the previous response arrived makes it a floor as
the host sees it: the site stamped the previous request before it answered it. A second request may
still leave while the first is in flight (CONCURRENT_REQUESTS_PER_DOMAIN is 2) when the site takes
longer than the delay to answer; then it is spaced from the first one's departure, as in Scrapy.
"""

from __future__ import annotations

from time import monotonic
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response


class DelayFromResponse:
    """Scrapy extension: a response restarts its download slot's delay (`Slot.lastseen`).

    `response_downloaded` is sent before the downloader looks at the slot's queue again, so the next
    request of the slot waits a full delay from now."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DelayFromResponse:
        extension = cls(crawler)
        crawler.signals.connect(extension.response_downloaded, signal=signals.response_downloaded)
        return extension

    def response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.lastseen = max(slot.lastseen, monotonic())
