"""The reference data a crawl process shares: parsed once, parsed again after an edit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from config.errors import ConfigError
from crawler.reference import shared_enrichers, sources_by_id

ENTRY = '  - {{id: {id}, name: 演示, kind: gov, start_urls: ["https://a.example/{id}/"], allowed_domains: ["a.example"]}}\n'


def write(path: Path, *ids: str, mtime_ns: int) -> None:
    path.write_text("sources:\n" + "".join(ENTRY.format(id=i) for i in ids), encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_sources_are_parsed_once_per_version_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    write(path, "aa", mtime_ns=1_000_000_000)
    first = sources_by_id(path)
    assert list(first) == ["aa"]
    assert sources_by_id(path) is first                      # the same file: not parsed again
    write(path, "aa", "bb", mtime_ns=2_000_000_000)
    assert list(sources_by_id(path)) == ["aa", "bb"]         # edited: read again
    path.write_text("sources: [", encoding="utf-8")
    with pytest.raises(ConfigError):
        sources_by_id(path)
    with pytest.raises(ConfigError, match="file not found"):
        sources_by_id(tmp_path / "missing.yaml")


def test_one_enrichers_per_hazards_file(tmp_path: Path) -> None:
    hazards = Path(__file__).resolve().parents[2] / "config" / "hazards.yaml"
    assert shared_enrichers(hazards) is shared_enrichers(hazards)
