"""The outbox sync: catalog documents that the index does not have yet go to Meilisearch in batches.

Idempotent (documents are upserted by id) and safe against a dead Meilisearch: a failed batch
stays pending in the catalog with its error, and the next sync sends it again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import meilisearch

from indexer.catalog.store import Catalog
from indexer.search_index import admin

BATCH_DOCS = 500
# Fields the index does not need: the evidence stays in the catalog and the document page reads it there.
INDEX_ONLY_DROP = ("evidence",)

Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    sent: int = 0
    failed: int = 0
    pending: int = 0
    error: str | None = None
    seconds: float = 0.0


def to_index_doc(data: str) -> dict:
    doc = json.loads(data)
    for key in INDEX_ONLY_DROP:
        doc.pop(key, None)
    return doc


def sync_outbox(catalog: Catalog, client: meilisearch.Client, index_name: str, settings_path: Path,
                progress: Progress | None = None) -> SyncReport:
    """Send every pending document; stop at the first failed batch (Meilisearch is likely down)."""
    started = time.monotonic()
    report = SyncReport(pending=catalog.pending_count())
    try:
        admin.ensure_index(client, index_name, admin.load_index_settings(settings_path))
    except admin.MEILI_ERRORS + (admin.IndexWriteFailed,) as exc:
        report.error = f"Meilisearch unavailable: {exc}"
        report.failed = report.pending
        return report
    after = ""
    while True:
        rows = catalog.pending_documents(BATCH_DOCS, after)
        if not rows:
            break
        try:
            admin.add_documents(client, index_name, [to_index_doc(data) for _, data in rows])
        except admin.MEILI_ERRORS + (admin.IndexWriteFailed,) as exc:
            catalog.mark_sync_failed([doc_id for doc_id, _ in rows], str(exc))
            report.failed = report.pending - report.sent
            report.error = str(exc)
            break
        catalog.mark_synced(rows)
        report.sent += len(rows)
        after = rows[-1][0]
        if progress:
            progress(report.sent, report.pending)
    report.seconds = time.monotonic() - started
    return report


def rebuild(catalog: Catalog, client: meilisearch.Client, index_name: str, settings_path: Path,
            progress: Progress | None = None) -> SyncReport:
    """Build a fresh index from the catalog alone, then swap it in atomically."""
    started = time.monotonic()
    fresh = f"{index_name}_rebuild_{int(time.time())}"
    settings = admin.load_index_settings(settings_path)
    admin.ensure_index(client, fresh, settings)
    total = catalog.count_documents()
    report = SyncReport(pending=total)
    sent: list[list[tuple[str, str]]] = []
    for rows in catalog.all_documents(BATCH_DOCS):
        admin.add_documents(client, fresh, [to_index_doc(data) for _, data in rows])
        sent.append(rows)
        report.sent += len(rows)
        if progress:
            progress(report.sent, total)
    admin.swap_in(client, index_name, fresh)
    for rows in sent:  # a document edited meanwhile keeps its outbox flag (its text differs)
        catalog.mark_synced(rows)
    report.seconds = time.monotonic() - started
    return report
