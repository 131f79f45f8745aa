"""Consistent copies of the catalog while it is in use, and putting one back.

SQLite uses its online backup API (a consistent snapshot even while crawls write). For
PostgreSQL use `pg_dump` / `pg_restore`; Gonggao does not wrap them.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from config.errors import BadInput


class BackupUnsupported(BadInput):
    pass


def sqlite_path(url: str) -> Path:
    if not url.startswith("sqlite:///"):
        raise BackupUnsupported("catalog backups here cover SQLite; for PostgreSQL use pg_dump (see the README)")
    return Path(url.removeprefix("sqlite:///"))


def backup_catalog(url: str, target: Path) -> Path:
    """Write a consistent copy of the catalog to `target` (a file path)."""
    source = sqlite_path(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def restore_catalog(backup: Path, url: str) -> None:
    """Replace the catalog with a backup. Run it while nothing else uses the data directory."""
    target = sqlite_path(url)
    check = sqlite3.connect(backup)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupUnsupported(f"{backup} is not a sound SQLite database")
    finally:
        check.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, target)
