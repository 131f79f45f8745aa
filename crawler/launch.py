"""Starting crawls, each batch in a fresh process (a Twisted reactor cannot restart)."""

from __future__ import annotations

import os
import subprocess
import sys

from config.settings import Settings


def crawl_command(source_ids: list[str], *, progress: bool = False,
                  scrapy_settings: dict[str, object] | None = None) -> list[str]:
    """`python -m crawler.run …` for these sources; `scrapy_settings` override crawler/settings.py."""
    overrides = {"GONGGAO_PROGRESS": "1" if progress else "0", **(scrapy_settings or {})}
    options = [arg for name, value in overrides.items() for arg in ("-s", f"{name}={value}")]
    return [sys.executable, "-m", "crawler.run", *source_ids, *options]


def start_crawl(source_ids: list[str], settings: Settings, *, progress: bool = False,
                scrapy_settings: dict[str, object] | None = None) -> subprocess.Popen:
    """Start the crawl process and return at once (the caller waits, or kills it)."""
    return subprocess.Popen(crawl_command(source_ids, progress=progress, scrapy_settings=scrapy_settings),
                            env=_environment(settings), stdin=subprocess.DEVNULL)


def crawl_in_subprocess(source_ids: list[str], settings: Settings, *, progress: bool = False,
                        timeout: float | None = None, scrapy_settings: dict[str, object] | None = None) -> int:
    """Run `python -m crawler.run` for these sources; returns its exit code."""
    cmd = crawl_command(source_ids, progress=progress, scrapy_settings=scrapy_settings)
    completed = subprocess.run(cmd, env=_environment(settings), stdin=subprocess.DEVNULL, timeout=timeout, check=False)
    return completed.returncode


def _environment(settings: Settings) -> dict[str, str]:
    return {**os.environ, **settings.to_env()}
