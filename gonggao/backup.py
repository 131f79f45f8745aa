"""`gonggao backup` and `gonggao restore`: the catalog (the truth) plus a Meilisearch dump.

A backup is a folder `<data>/backups/<stamp>/` with `catalog.sqlite3` and, when Gonggao runs
its own Meilisearch, the dump file. Restoring puts the catalog back and rebuilds the index from
it (the index is a cache of the catalog), so a restore needs no dump; the dump is there for
`meilisearch --import-dump` when an index must come back without re-sending documents.
WARC files are append-only and not copied: back up `<data>/warc/` with rsync.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from config.errors import BadInput
from config.settings import Settings
from gonggao import services
from gonggao.pipeline import open_catalog, rebuild_index
from indexer.search_index import admin
from indexer.search_index.sync import SyncReport
from indexer.store.backup import backup_catalog, restore_catalog

KEEP = 7


class RestoreRefused(BadInput):
    """Restoring now would corrupt a running installation."""


def backups_dir(settings: Settings) -> Path:
    return settings.data_dir / "backups"


def make_backup(settings: Settings, meili: services.MeiliEndpoint | None) -> Path:
    """Write a backup folder and drop the oldest beyond KEEP; returns the folder."""
    folder = backups_dir(settings) / time.strftime("%Y%m%d-%H%M%S")
    backup_catalog(settings.catalog_url, folder / "catalog.sqlite3")
    if meili is not None and settings.managed_meili:
        uid = admin.create_dump(admin.connect(meili.url, meili.master_key))
        dump = settings.data_dir / "meilisearch" / "dumps" / f"{uid}.dump"
        if dump.exists():
            shutil.move(str(dump), folder / dump.name)
    for old in sorted(p for p in backups_dir(settings).iterdir() if p.is_dir())[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)
    return folder


def restore(settings: Settings, folder: Path) -> SyncReport:
    """Put the catalog of `folder` back, then rebuild the index from it."""
    backup = folder / "catalog.sqlite3"
    if not backup.is_file():
        raise RestoreRefused(f"{folder} holds no catalog.sqlite3: not a Gonggao backup")
    if services.running_managed(settings):
        raise RestoreRefused("stop `gonggao up` before restoring")
    restore_catalog(backup, settings.catalog_url)
    catalog = open_catalog(settings)
    try:
        with services.meilisearch(settings) as meili:
            return rebuild_index(settings, catalog, meili)
    finally:
        catalog.close()
