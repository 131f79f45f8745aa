"""Starting crawls in fresh processes (a Twisted reactor cannot restart), one per core.

Extraction runs inside the crawl process, so a crawl of many sites uses every core only when
the sites crawl in several processes. Sources that share a host stay in one process, crawled in
turn (`crawler.run.same_host_groups`): politeness limits are per process, and two processes
crawling one host at once would each take the whole per-host limit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from typing import IO

from config.settings import Settings


def crawl_command(source_ids: list[str], *, progress: bool = False,
                  scrapy_settings: dict[str, object] | None = None) -> list[str]:
    """`python -m crawler.run …` for these sources; `scrapy_settings` override crawler/settings.py."""
    overrides = {"GONGGAO_PROGRESS": "1" if progress else "0", **(scrapy_settings or {})}
    options = [arg for name, value in overrides.items() for arg in ("-s", f"{name}={value}")]
    return [sys.executable, "-m", "crawler.run", *source_ids, *options]


def start_crawl(source_ids: list[str], settings: Settings, *, progress: bool = False,
                scrapy_settings: dict[str, object] | None = None, stderr: int | None = None) -> subprocess.Popen:
    """Start one crawl process for these sources and return at once (the caller waits, or kills it);
    `stderr=subprocess.PIPE` to read its progress line."""
    return subprocess.Popen(crawl_command(source_ids, progress=progress, scrapy_settings=scrapy_settings),
                            env=_environment(settings), stdin=subprocess.DEVNULL, stderr=stderr)


def crawl_in_subprocess(source_ids: list[str], settings: Settings, *, progress: bool = False,
                        timeout: float | None = None, scrapy_settings: dict[str, object] | None = None,
                        workers: int | None = None) -> int:
    """Crawl these sources in up to `workers` processes (default: one per core); 0 when every crawl
    ran, else the largest exit code. On `timeout` every process is killed and TimeoutExpired raised."""
    from crawler.run import same_host_groups

    batches = split_for_workers(same_host_groups(source_ids, settings.sources_path), workers or os.cpu_count() or 1)
    relay = ProgressRelay(sys.stderr) if progress and len(batches) > 1 else None
    procs = [start_crawl(batch, settings, progress=progress, scrapy_settings=scrapy_settings,
                         stderr=subprocess.PIPE if relay else None)
             for batch in batches]
    if relay:
        relay.follow(procs)
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        codes = [p.wait(None if deadline is None else max(0.0, deadline - time.monotonic())) for p in procs]
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        for p in procs:
            p.kill()
            p.wait()
        raise
    finally:
        if relay:
            relay.finish()
    return max(codes, default=0)


def split_for_workers(groups: list[list[str]], workers: int) -> list[list[str]]:
    """Whole host groups over at most `workers` batches, biggest group first onto the lightest batch."""
    batches: list[list[str]] = [[] for _ in range(max(1, min(workers, len(groups))))]
    for group in sorted(groups, key=len, reverse=True):
        min(batches, key=len).extend(group)
    return [b for b in batches if b]


class ProgressRelay:
    """Merges the one-line progress counts of several crawl processes into one line.

    Each process redraws its line with a carriage return; whole lines (messages, errors) pass
    through as they are.
    """

    def __init__(self, out: IO[str]):
        self.out = out
        self.lines: dict[int, str] = {}
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def follow(self, procs: list[subprocess.Popen]) -> None:
        for n, proc in enumerate(procs):
            assert proc.stderr is not None
            thread = threading.Thread(target=self._read, args=(n, proc.stderr), daemon=True)
            thread.start()
            self.threads.append(thread)

    def finish(self) -> None:
        for thread in self.threads:
            thread.join(5)
        with self.lock:
            self.out.write("\n")
            self.out.flush()

    def _read(self, n: int, stream: IO[bytes]) -> None:
        pending = b""
        while chunk := stream.read1(4096):  # type: ignore[attr-defined]
            *pieces, pending = _split(pending + chunk)
            for kind, text in pieces:
                self._show(n, kind, text)
        if pending:
            self._show(n, "line", pending.decode("utf-8", "replace"))

    def _show(self, n: int, kind: str, text: str) -> None:
        with self.lock:
            if kind == "line" and not text.startswith("crawling: "):
                self.out.write("\r\033[K" + text + "\n")
            else:
                self.lines[n] = text.removeprefix("crawling: ")
            self.out.write("\r\033[Kcrawling: " + " | ".join(self.lines[k] for k in sorted(self.lines)))
            self.out.flush()


def _split(data: bytes) -> list:
    """(kind, text) pieces of a stream: 'line' for text ending in a newline, 'count' for text ended by
    a carriage return; the unfinished rest is returned last, as bytes."""
    pieces: list = []
    start = 0
    for i, byte in enumerate(data):
        if byte in (0x0A, 0x0D):
            text = data[start:i].decode("utf-8", "replace")
            if text:
                pieces.append(("line" if byte == 0x0A else "count", text))
            start = i + 1
    pieces.append(data[start:])
    return pieces


def _environment(settings: Settings) -> dict[str, str]:
    return {**os.environ, **settings.to_env()}
