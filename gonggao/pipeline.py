"""Stage wiring shared by the commands: catalog with registered sources, sync with progress, web config."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from config.hazards import load_taxonomy
from config.settings import Settings
from config.sources import Source, load_sources
from gonggao.services import MeiliEndpoint
from indexer.reprints import recluster
from indexer.search_index import admin
from indexer.search_index.sync import SyncReport, rebuild, sync_outbox
from indexer.store.catalog import Catalog


def load_configured_sources(settings: Settings) -> list[Source]:
    return load_sources(settings.sources_path)


def open_catalog(settings: Settings, sources: list[Source] | None = None) -> Catalog:
    """The catalog, migrated, with the configured sources registered."""
    catalog = Catalog(settings.catalog_url, archive_dir=settings.archive_dir)
    if sources is not None:
        catalog.register_sources([(s.id, s.name, s.kind, s.model_dump_json()) for s in sources])
    return catalog


def print_progress(label: str) -> Callable[[int, int], None]:
    interactive = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if interactive:
            width = 30
            filled = int(width * done / total) if total else width
            print(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    return report


def sync(settings: Settings, catalog: Catalog, meili: MeiliEndpoint, quiet: bool = False) -> SyncReport:
    """The two stages after storing, in order: reprint clustering (`indexer.reprints`), which queues
    the documents whose cluster changed, then the outbox sync to Meilisearch (embedding what
    changed), with progress lines unless `quiet`."""
    recluster(catalog)
    client = admin.connect(meili.url, meili.master_key)
    return sync_outbox(catalog, client, settings.index_name, settings.index_settings_path,
                       None if quiet else print_progress("index sync"),
                       embed_progress=None if quiet else print_progress("embedding"))


def rebuild_index(settings: Settings, catalog: Catalog, meili: MeiliEndpoint) -> SyncReport:
    """Reprint clustering, then a fresh index built from the catalog alone and swapped in."""
    recluster(catalog)
    client = admin.connect(meili.url, meili.master_key)
    return rebuild(catalog, client, settings.index_name, settings.index_settings_path, print_progress("index rebuild"))


def hazard_labels(path: Path) -> dict[str, dict[str, str]]:
    return {h.code: {"zh": h.zh, "en": h.en} for h in load_taxonomy(path).hazards}
