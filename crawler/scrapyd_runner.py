"""Scrapyd's runner on Gonggao nodes: a job may crawl a whole batch of sources.

Scrapyd starts every job as `python -m <runner> crawl SPIDER -s NAME=VALUE … -a NAME=VALUE …`.
A job the dispatcher sends for a host batch (crawler/batches.py) carries `sources=a,b,c`: this
runner crawls those sources in one process, host by host, as `python -m crawler.run` does on one
machine (sources of one host in turn, so the host's politeness limit holds; hosts side by side).
Any other job runs as Scrapyd's own runner runs it. A node uses it with one line in scrapyd.conf:

    [scrapyd]
    runner = crawler.scrapyd_runner
"""

from __future__ import annotations

import sys


def batch_arguments(argv: list[str]) -> tuple[list[str], dict[str, str]] | None:
    """(source ids, Scrapy settings) of a batch job's command line; None for any other command."""
    if len(argv) < 2 or argv[0] != "crawl":
        return None
    settings: dict[str, str] = {}
    spider_args: dict[str, str] = {}
    options = iter(argv[2:])
    for option in options:
        value = next(options, "")
        name, _, text = value.partition("=")
        if option == "-s":
            settings[name] = text
        elif option == "-a":
            spider_args[name] = text
    if not spider_args.get("sources"):
        return None
    return [s for s in spider_args["sources"].split(",") if s], settings


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    batch = batch_arguments(args)
    if batch is None:
        from scrapyd.runner import main as scrapyd_main

        scrapyd_main()
        return 0
    from crawler.run import main as run_main

    source_ids, settings = batch
    return run_main([*source_ids, *(arg for name, value in settings.items() for arg in ("-s", f"{name}={value}"))])


if __name__ == "__main__":
    sys.exit(main())
