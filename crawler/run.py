"""Run crawls of some sources in this process: `python -m crawler.run SOURCE [SOURCE ...]`.

A Twisted reactor cannot restart, so every crawl (scheduled or from `gonggao crawl`) runs in a
fresh process of its own; this module is that process's entry point.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Generator
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.utils.project import get_project_settings
from twisted.internet import defer
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater
from twisted.python.failure import Failure

from config.errors import ConfigError
from config.sources import load_sources
from crawler.settings import required
from crawler.spiders.announcements import AnnouncementsSpider


def crawl(source_ids: list[str], overrides: dict[str, str] | None = None) -> int:
    """Run the crawls; returns how many could not run at all (a broken component, a bad source) or were
    stopped because what they fetched could not be stored (a full disk)."""
    settings = get_project_settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", True, priority="cmdline")
    process = CrawlerProcess(settings)
    failed: list[str] = []
    crawlers: dict[str, Crawler] = {}
    pause = settings.getfloat("DOWNLOAD_DELAY")
    groups = [_crawl_in_turn(process, group, crawlers, failed, pause)
              for group in same_host_groups(source_ids, Path(required(settings, "GONGGAO_SOURCES_PATH")))]
    # The reactor runs until every group is done, not until no crawl runs: between two crawls of a
    # group (the pause) none runs.
    defer.DeferredList(groups).addBoth(_stop_reactor)
    process.start(stop_after_crawl=False)
    for source_id, crawler in crawlers.items():
        if crawler.stats and (stopped := crawler.stats.get_value("gonggao/stopped")):
            failed.append(source_id)
            print(f"crawl {source_id}: {stopped}", file=sys.stderr)
    return len(failed)


def same_host_groups(source_ids: list[str], sources_path: Path) -> list[list[str]]:
    """The sources in groups that share a host (Scrapy's download slot); an unknown id is a group of its own.

    `sources_path`: the sources file the crawl will read.
    """
    try:
        hosts = {s.id: {urlsplit(url).hostname for url in s.start_urls} for s in load_sources(sources_path)}
    except ConfigError:
        hosts = {}  # each spider reports the broken file itself
    groups: list[tuple[set[str | None], list[str]]] = []
    for source_id in source_ids:
        mine = hosts.get(source_id, set())
        joined = [g for g in groups if g[0] & mine]
        merged: tuple[set[str | None], list[str]] = (set(mine), [])
        for group in joined:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        merged[1].append(source_id)
        groups.append(merged)
    return [ids for _, ids in groups]


@defer.inlineCallbacks
def _crawl_in_turn(process: CrawlerProcess, source_ids: list[str], crawlers: dict[str, Crawler],
                   failed: list[str], pause: float) -> Generator[Deferred[None], None, None]:
    """One source after another: two crawlers of one host at once would each take the per-host limit.
    Each crawler has a download slot of its own, so the next one waits `pause` (the download delay)
    after the last: the host never sees two requests closer than the delay."""
    for n, source_id in enumerate(source_ids):
        if n and pause > 0:
            # imported here: by now the first crawl has installed Scrapy's (asyncio) reactor
            from twisted.internet import reactor

            yield deferLater(reactor, pause, lambda: None)
        crawlers[source_id] = crawler = process.create_crawler(AnnouncementsSpider)
        deferred = process.crawl(crawler, source=source_id)
        deferred.addErrback(_report_failure, source_id, failed)
        yield deferred


def _stop_reactor(_: object) -> None:
    from twisted.internet import reactor  # Scrapy's (asyncio) reactor, installed by the first crawl

    cast(Any, reactor).stop()  # twisted's module-level reactor is untyped


def _report_failure(failure: Failure, source_id: str, failed: list[str]) -> None:
    failed.append(source_id)
    print(f"crawl {source_id}: could not run: {failure.getErrorMessage()}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    args = parser.parse_args(argv)
    overrides = dict(item.split("=", 1) for item in args.set)
    return 1 if crawl(args.sources, overrides) else 0


if __name__ == "__main__":
    sys.exit(main())
