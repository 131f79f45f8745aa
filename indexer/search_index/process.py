"""A Meilisearch server that Gonggao starts, watches and stops itself.

The binary is the pinned build `binary.resolve` finds (`MEILI_BIN`, else the installer's cache),
and the server must report the pinned version once it is up. It listens on 127.0.0.1 only, keeps
its data under the data directory and is protected by a master key generated on first run and
stored with mode 0600.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from indexer.search_index import binary as meili_binary
from indexer.search_index.binary import MeiliUnavailable


def master_key_for(data_dir: Path) -> str:
    """Read the master key of this data directory, creating it (mode 0600) on first use."""
    path = data_dir / "meili_master_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, timeout: float = 30.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise MeiliUnavailable(f"Meilisearch exited with code {proc.returncode} while starting")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=1) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise MeiliUnavailable(f"Meilisearch at {url} did not become healthy within {timeout:.0f}s")


def server_version(url: str, master_key: str, timeout: float = 10.0) -> str:
    """The `pkgVersion` a running server reports on `/version`."""
    request = urllib.request.Request(f"{url}/version", headers={"Authorization": f"Bearer {master_key}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return str(json.load(resp).get("pkgVersion", "unknown"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError) as exc:
        raise MeiliUnavailable(f"Meilisearch at {url} did not answer /version: {exc}") from exc


@dataclass
class MeiliProcess:
    """A running Meilisearch child process. Use as a context manager or call start()/stop()."""

    data_dir: Path
    binary: Path | None = None
    port: int = 0
    url: str = ""
    master_key: str = ""
    proc: subprocess.Popen | None = field(default=None, repr=False)

    def start(self, timeout: float = 60.0) -> MeiliProcess:
        binary = meili_binary.resolve(self.binary)
        meili_dir = self.data_dir / "meilisearch"
        meili_dir.mkdir(parents=True, exist_ok=True)
        self.master_key = master_key_for(self.data_dir)
        self.port = self.port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        log = open(meili_dir / "meilisearch.log", "ab")  # noqa: SIM115 - handed to the child process, closed in stop()
        self.proc = subprocess.Popen(
            [
                str(binary),
                "--http-addr", f"127.0.0.1:{self.port}",
                "--db-path", str(meili_dir / "data.ms"),
                "--dump-dir", str(meili_dir / "dumps"),
                "--snapshot-dir", str(meili_dir / "snapshots"),
                "--env", "production",
                "--no-analytics",
                "--log-level", "WARN",
            ],
            env={**os.environ, "MEILI_MASTER_KEY": self.master_key},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        try:
            wait_healthy(self.url, timeout, self.proc)
            self._check_version(binary)
        except MeiliUnavailable:
            self.stop()
            raise
        return self

    def _check_version(self, binary: Path) -> None:
        expected = meili_binary.pin().version
        reported = server_version(self.url, self.master_key)
        if reported != expected:
            raise MeiliUnavailable(f"{binary} started as Meilisearch {reported}, not the pinned {expected}: "
                                   f"run {meili_binary.INSTALLER}, or point MEILI_BIN at a {expected} binary")

    def stop(self, timeout: float = 15.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def kill(self) -> None:
        """SIGKILL, for fault tests."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> MeiliProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
