"""Starting crawls, each batch in a fresh process (a Twisted reactor cannot restart)."""

from __future__ import annotations

import os
import subprocess
import sys

from config.settings import Settings


def crawl_in_subprocess(source_ids: list[str], settings: Settings, *, progress: bool = False,
                        timeout: float | None = None) -> int:
    """Run `python -m crawler.run` for these sources; returns its exit code."""
    env = {**os.environ, **settings.to_env()}
    cmd = [sys.executable, "-m", "crawler.run", *source_ids, "-s", f"GONGGAO_PROGRESS={'1' if progress else '0'}"]
    completed = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, timeout=timeout, check=False)
    return completed.returncode
