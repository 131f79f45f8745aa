"""The documented restore, performed: back up, lose the data, restore, search again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gonggao.demo import resolved_sources_file
from gonggao.demo_web.server import DemoWeb

pytestmark = pytest.mark.e2e


def gonggao(data_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "GONGGAO_"))}
    return subprocess.run([sys.executable, "-m", "gonggao", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=300, env={**clean, **env})


def test_backup_then_restore_after_losing_catalog_and_index(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with DemoWeb() as web:
        env = {"GONGGAO_SOURCES": str(resolved_sources_file(web, tmp_path)), "GONGGAO_CRAWL_DELAY": "0"}
        crawled = gonggao(data, env, "crawl", "hanyin")
        assert crawled.returncode == 0, crawled.stderr
    before = json.loads(gonggao(data, env, "search", "", "--json", "--limit", "100").stdout)["total"]
    assert before > 0

    made = gonggao(data, env, "backup")
    assert made.returncode == 0, made.stderr
    [folder] = list((data / "backups").iterdir())
    assert (folder / "catalog.sqlite3").is_file()
    assert list(folder.glob("*.dump")), "a Meilisearch dump sits beside the catalog"

    for lost in data.glob("catalog.sqlite3*"):
        lost.unlink()
    shutil.rmtree(data / "meilisearch" / "data.ms")

    restored = gonggao(data, env, "restore", str(folder))
    assert restored.returncode == 0, restored.stderr
    after = json.loads(gonggao(data, env, "search", "", "--json", "--limit", "100").stdout)["total"]
    assert after == before

    refused = gonggao(data, env, "restore", str(tmp_path))
    assert refused.returncode == 2 and "not a Gonggao backup" in refused.stderr
