"""`gonggao demo` as a newcomer runs it: crawl, index, serve, print a URL that answers; Ctrl-C stops
everything, Meilisearch included; a second run reuses the data, and SIGTERM stops it as cleanly."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from indexer.store.catalog import Catalog

pytestmark = pytest.mark.e2e
URL_LINE = re.compile(r"is up: (http://\S+)")


def start_demo(data_dir: Path) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "GONGGAO_"))}
    proc = subprocess.Popen([sys.executable, "-m", "gonggao", "--data-dir", str(data_dir), "demo", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 240
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if match := URL_LINE.search(line):
            return proc, match.group(1)
        if not line and proc.poll() is not None:
            raise AssertionError(f"demo exited {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
    proc.kill()
    raise AssertionError("demo printed no URL within 240 s")


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def meili_pid(data_dir: Path) -> int:
    return json.loads((data_dir / "meilisearch" / "running.json").read_text())["pid"]


def stop(proc: subprocess.Popen, how: signal.Signals = signal.SIGINT) -> int:
    proc.send_signal(how)
    return proc.wait(timeout=60)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_demo_runs_stops_cleanly_and_reuses_its_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    proc, url = start_demo(data_dir)
    try:
        answer = get_json(f"{url}api/search?per_page=1")
        assert answer["total"] >= 80
        assert "<form" in urllib.request.urlopen(url, timeout=10).read().decode()
        pid = meili_pid(data_dir)
        key_file = data_dir / "meili_master_key"
        assert key_file.stat().st_mode & 0o777 == 0o600
    finally:
        code = stop(proc)
    assert code in (0, 130)
    assert not alive(pid), "Ctrl-C stops Meilisearch too"
    assert not (data_dir / "meilisearch" / "running.json").exists()

    catalog = Catalog(f"sqlite:///{data_dir / 'catalog.sqlite3'}")
    docs, versions = catalog.count_documents(), catalog.count_versions()
    proc, url = start_demo(data_dir)
    try:
        assert get_json(f"{url}api/search?per_page=1")["total"] == answer["total"]
        pid = meili_pid(data_dir)
    finally:
        code = stop(proc, signal.SIGTERM)  # how systemd and `kill` stop it
    assert code in (0, 143)
    assert not alive(pid), "SIGTERM stops Meilisearch too"
    assert (catalog.count_documents(), catalog.count_versions()) == (docs, versions)
    latest = catalog.runs(limit=5)
    assert all(r.docs_new == 0 and r.pages_unchanged > 0 for r in latest)
