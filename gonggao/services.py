"""Reaching Meilisearch: an external server (MEILI_URL), the one `gonggao up` runs, or a temporary one.

Only one process may open a Meilisearch data directory, so while `gonggao up` runs it records
its server in `<data>/meilisearch/running.json`, and other commands use that server.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from config.settings import Settings
from indexer.search_index.binary import pin
from indexer.search_index.process import MeiliProcess, MeiliUnavailable, server_version, wait_healthy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MeiliEndpoint:
    url: str
    master_key: str
    pid: int = 0  # of the server `gonggao up` runs; 0 for an external one


def _running_file(settings: Settings) -> Path:
    return settings.data_dir / "meilisearch" / "running.json"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_managed(settings: Settings) -> MeiliEndpoint | None:
    path = _running_file(settings)
    try:
        info = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return None
    if not _pid_alive(int(info.get("pid", 0))):
        return None
    return MeiliEndpoint(info["url"], info["master_key"], int(info["pid"]))


def announce(settings: Settings, proc: MeiliProcess) -> None:
    path = _running_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump({"url": proc.url, "master_key": proc.master_key, "pid": proc.proc.pid if proc.proc else 0}, handle)


def withdraw(settings: Settings) -> None:
    _running_file(settings).unlink(missing_ok=True)


def external(url: str, master_key: str) -> MeiliEndpoint:
    """A server the user runs (MEILI_URL): any version is used, a version other than the pinned one
    with a warning (Gonggao's index settings and filters are tested with the pinned one)."""
    wait_healthy(url, timeout=10)
    expected = pin().version
    try:
        version = server_version(url, master_key)
    except MeiliUnavailable as exc:  # a key without the `version` action: the version stays unknown
        log.warning("cannot read the Meilisearch version url=%s tested=%s error=%s", url, expected, exc)
        return MeiliEndpoint(url, master_key)
    if version != expected:
        log.warning("Meilisearch is not the tested version, results may differ url=%s version=%s tested=%s", url, version, expected)
    return MeiliEndpoint(url, master_key)


@contextmanager
def meilisearch(settings: Settings) -> Iterator[MeiliEndpoint]:
    """The Meilisearch this command should use, started for the duration if nobody runs it."""
    if settings.meili_url is not None:
        if not settings.meili_master_key:
            raise MeiliUnavailable("MEILI_URL is set but MEILI_MASTER_KEY is not")
        yield external(settings.meili_url.rstrip("/"), settings.meili_master_key)
        return
    running = running_managed(settings)
    if running:
        yield running
        return
    proc = MeiliProcess(settings.data_dir, binary=settings.meili_bin)
    proc.start()
    try:
        yield MeiliEndpoint(proc.url, proc.master_key)
    finally:
        proc.stop()
