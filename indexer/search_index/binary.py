"""The Meilisearch binary Gonggao runs: which file, whether it is a pinned build, which version.

`meilisearch_pin.ini` beside this module pins the version and the SHA-256 of each accepted build
(the official release asset, the npm repackage); `scripts/install-meilisearch.sh` reads the same
file. The binary is hashed again on every start (0.12 s for its 131 MB on the 2-core machine), so
a cached copy that was damaged or swapped is refused instead of run.

Where the binary comes from, the first that applies:

1. `MEILI_BIN`, the user's explicit choice: any build, but it must report the pinned version
   (a data directory written by one Meilisearch version is not opened by another).
2. The cache that the installer fills: it must be a pinned build.
3. A `meilisearch` on PATH: only a pinned build; any other is named in the error, never run.
"""

from __future__ import annotations

import configparser
import hashlib
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from config.errors import Unavailable

log = logging.getLogger(__name__)

PIN_FILE = Path(__file__).with_name("meilisearch_pin.ini")
# Written by the installer beside the binary: `source=official|npm` and `sha256=...`.
INSTALL_RECORD = "installed.txt"
INSTALLER = "scripts/install-meilisearch.sh"


class MeiliUnavailable(Unavailable):
    """Meilisearch could not be found, started or reached; the message says what to do."""


@dataclass(frozen=True)
class Pin:
    version: str
    official_sha256: str
    npm_binary_sha256: str

    def accepted(self, cache: Path) -> dict[str, str]:
        """SHA-256 → source of every accepted build. While no official hash is pinned, an official
        download that the installer checked against GitHub's published digest is accepted too."""
        accepted = {self.npm_binary_sha256: "the npm repackage"}
        if self.official_sha256:
            accepted[self.official_sha256] = "the official release"
            return accepted
        record = read_install_record(cache)
        if record.get("source") == "official" and record.get("sha256"):
            accepted[record["sha256"]] = "the official release (checked against GitHub's digest when installed)"
        return accepted


@cache
def pin() -> Pin:
    parser = configparser.ConfigParser()
    parser.read(PIN_FILE, encoding="utf-8")
    section = parser["meilisearch"]
    return Pin(section["version"], section.get("official_sha256", "").strip(), section["npm_binary_sha256"].strip())


def cache_dir() -> Path:
    """`$GONGGAO_CACHE_DIR/meilisearch-VERSION` (default `~/.cache/gonggao/...`), as the installer uses."""
    root = os.environ.get("GONGGAO_CACHE_DIR")
    base = Path(root) if root else Path.home() / ".cache" / "gonggao"
    return base / f"meilisearch-{pin().version}"


def read_install_record(cache: Path) -> dict[str, str]:
    try:
        lines = (cache / INSTALL_RECORD).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return dict(line.split("=", 1) for line in lines if "=" in line)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def reported_version(binary: Path) -> str:
    """The version `binary --version` prints: "meilisearch 1.21.0" → "1.21.0"."""
    try:
        out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MeiliUnavailable(f"{binary} could not run: {exc}") from exc
    match = re.search(r"meilisearch\s+v?(\S+)", out.stdout)
    if match is None:
        raise MeiliUnavailable(f"{binary} is not a Meilisearch binary: `--version` printed {out.stdout.strip()[:80]!r}")
    return match.group(1)


def resolve(explicit: Path | None = None) -> Path:
    """The binary to run (see the module docstring), or MeiliUnavailable saying what to do."""
    if explicit is not None:
        return _checked_explicit(explicit)
    expected = pin()
    cached = cache_dir() / "meilisearch"
    if _is_executable(cached):
        _check_pinned(cached)
        return cached
    on_path = shutil.which("meilisearch")
    if on_path and sha256_of(Path(on_path)) in expected.accepted(cache_dir()):
        return Path(on_path)
    refused = (f" ({on_path} on PATH is not a pinned build: set MEILI_BIN={on_path} to run it anyway; "
               f"it must report version {expected.version})") if on_path else ""
    raise MeiliUnavailable(
        f"no Meilisearch {expected.version} binary: run {INSTALLER}, set MEILI_BIN to a binary, "
        f"or MEILI_URL and MEILI_MASTER_KEY to a running server{refused}"
    )


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _check_pinned(binary: Path) -> None:
    got = sha256_of(binary)
    if got not in pin().accepted(binary.parent):
        raise MeiliUnavailable(
            f"the cached Meilisearch binary {binary} is not a pinned build (its SHA-256 is {got[:16]}…): "
            f"it was damaged or replaced. Run {INSTALLER} to fetch it again (it replaces the bad copy), "
            f"or set MEILI_BIN to a Meilisearch {pin().version} binary you trust"
        )


def _checked_explicit(binary: Path) -> Path:
    expected = pin()
    if not _is_executable(binary):
        raise MeiliUnavailable(f"MEILI_BIN={binary} is not an executable file")
    version = reported_version(binary)
    if version != expected.version:
        raise MeiliUnavailable(
            f"MEILI_BIN={binary} is Meilisearch {version}, Gonggao runs {expected.version} (the version its "
            f"data directory and settings are made with): point MEILI_BIN at a {expected.version} binary, "
            f"or unset it to use the pinned one ({INSTALLER})"
        )
    if sha256_of(binary) not in expected.accepted(cache_dir()):
        log.info("running a Meilisearch binary that is not pinned, as MEILI_BIN asks binary=%s version=%s", binary, version)
    return binary
