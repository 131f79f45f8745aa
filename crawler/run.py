"""Run crawls of some sources in this process: `python -m crawler.run SOURCE [SOURCE ...]`.

A Twisted reactor cannot restart, so every crawl (scheduled or from `gonggao crawl`) runs in a
fresh process of its own; this module is that process's entry point.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from crawler.spiders.announcements import AnnouncementsSpider


def crawl(source_ids: list[str], overrides: dict[str, str] | None = None) -> int:
    """Run the crawls; returns how many of them could not run at all (a broken component, a bad source)."""
    settings = get_project_settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", True, priority="cmdline")
    process = CrawlerProcess(settings)
    failed: list[str] = []
    for source_id in source_ids:
        deferred = process.crawl(AnnouncementsSpider, source=source_id)
        deferred.addErrback(_report_failure, source_id, failed)
    process.start()
    return len(failed)


def _report_failure(failure, source_id: str, failed: list[str]) -> None:  # type: ignore[no-untyped-def]
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
