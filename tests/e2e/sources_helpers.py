"""Running `gonggao sources …` in-process against the CMS-family demo web, for the sources tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gonggao.cli import main
from gonggao.demo_web.server import CMS_SITES, DemoWeb

DELAY = 0.02  # seconds between requests to one demo host (GONGGAO_CRAWL_DELAY)


@dataclass
class Result:
    code: int
    out: str
    err: str


def start_cms_web() -> Iterator[DemoWeb]:
    web = DemoWeb([*CMS_SITES, "sxjyt"])
    web.start()
    yield web
    web.stop()


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path, sources: Path, *args: str,
        delay: float = DELAY) -> Result:
    """`gonggao --data-dir DATA ARGS` with GONGGAO_SOURCES=sources; its exit code, stdout and stderr."""
    monkeypatch.setenv("GONGGAO_SOURCES", str(sources))
    monkeypatch.setenv("GONGGAO_CRAWL_DELAY", str(delay))
    capsys.readouterr()
    code = main(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
