"""The outbox sync: catalog documents that the index does not have yet go to Meilisearch in batches.

Idempotent (documents are upserted by id) and safe against a dead Meilisearch: a failed batch
stays pending in the catalog with its error, and the next sync sends it again. Documents are read
from the catalog `BATCH_DOCS` at a time and sent in requests of at most `admin.BATCH_BYTES`, so a
page of long documents (attachment text, e-paper issues) stays under Meilisearch's 100 MB limit.

Each batch gets its vectors for semantic search: cached in the catalog by the text they embed, so
only new or changed documents are embedded. Reprint clustering is the stage before this one
(`indexer.reprints.recluster`, run by the commands after storing); it queues the documents whose
cluster changed, so they travel with the outbox like any other change.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

import meilisearch
import numpy as np

from indexer.search_index import admin, embed
from indexer.store.catalog import Catalog

BATCH_DOCS = 500
EMBED_BATCH = 64
# Fields the index does not need: the evidence stays in the catalog and the document page reads it there;
# attachment texts are matched through their Simplified copy `attachment_search`, never shown whole.
INDEX_ONLY_DROP = ("evidence", "attachment_text")
MONTH_HAZARD_SEPARATOR = "|"
INDEX_ONLY_FIELDS = ("month_hazard", "week", "week_hazard")   # added by with_index_fields; not in the Document shape

Progress = Callable[[int, int], None]


class DocumentEmbedder(Protocol):
    model_name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass
class SyncReport:
    sent: int = 0
    failed: int = 0
    pending: int = 0
    embedded: int = 0          # documents embedded now (the others' vectors came from the cache)
    error: str | None = None
    seconds: float = 0.0


def with_index_fields(doc: dict) -> dict:
    """The document plus the fields only the index holds, derived from the others.

    `month_hazard` ("2024-05|drowning", one per hazard of the document) is a compound facet: one
    facet count of it gives the search page's timeline, documents per month per hazard, where it
    took one search per hazard (bench/load_search.py measures both). `week` (the Monday of the
    publication date, "2024-05-06") and `week_hazard` do the same for a timeline in weeks."""
    month, hazards = doc.get("month"), doc.get("hazards") or []
    doc["month_hazard"] = [f"{month}{MONTH_HAZARD_SEPARATOR}{code}" for code in hazards] if month else []
    week = monday(doc.get("published_date"))
    doc["week"] = week
    doc["week_hazard"] = [f"{week}{MONTH_HAZARD_SEPARATOR}{code}" for code in hazards] if week else []
    return doc


def monday(day: str | None) -> str | None:
    """"2024-05-10" → "2024-05-06", the Monday of its week; None for no or a malformed date."""
    try:
        d = date.fromisoformat(day or "")
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def to_index_doc(data: str, vector: list[float] | None = None) -> dict:
    doc = json.loads(data)
    for key in INDEX_ONLY_DROP:
        doc.pop(key, None)
    doc["_vectors"] = {embed.EMBEDDER_NAME: vector}
    return with_index_fields(doc)


class BatchVectors:
    """Vectors for the documents of each batch: from the catalog's cache, else embedded now."""

    def __init__(self, catalog: Catalog, embedder: DocumentEmbedder, total: int, progress: Progress | None):
        self.catalog, self.embedder, self.total, self.progress = catalog, embedder, total, progress
        self.done = 0
        self.embedded = 0

    def __call__(self, rows: list[tuple[str, str]]) -> dict[str, list[float]]:
        texts = {doc_id: embed.document_text(json.loads(data)) for doc_id, data in rows}
        hashes = {doc_id: embed.text_hash(text) for doc_id, text in texts.items()}
        cached = self.catalog.cached_embeddings(list(texts), self.embedder.model_name)
        vectors = {doc_id: vec for doc_id, (digest, vec) in cached.items() if digest == hashes[doc_id]}
        missing = [doc_id for doc_id in texts if doc_id not in vectors]
        self._step(len(rows) - len(missing))
        for start in range(0, len(missing), EMBED_BATCH):
            chunk = missing[start:start + EMBED_BATCH]
            fresh = [(doc_id, hashes[doc_id], embed.to_bytes(vec))
                     for doc_id, vec in zip(chunk, self.embedder.embed([texts[d] for d in chunk]), strict=False)]
            self.catalog.save_embeddings(self.embedder.model_name, fresh)
            vectors.update((doc_id, vec) for doc_id, _, vec in fresh)
            self.embedded += len(chunk)
            self._step(len(chunk))
        return {doc_id: embed.from_bytes(vec) for doc_id, vec in vectors.items()}

    def _step(self, count: int) -> None:
        self.done += count
        if self.progress and count:
            self.progress(min(self.done, self.total), self.total)


def index_docs(rows: list[tuple[str, str]], vectors: BatchVectors) -> list[dict]:
    by_id = vectors(rows)
    return [to_index_doc(data, by_id.get(doc_id)) for doc_id, data in rows]


def sync_outbox(catalog: Catalog, client: meilisearch.Client, index_name: str, settings_path: Path,
                progress: Progress | None = None, *, embedder: DocumentEmbedder | None = None,
                embed_progress: Progress | None = None, batch_bytes: int = admin.BATCH_BYTES) -> SyncReport:
    """Send every pending document with its vector; stop at the first failed request
    (Meilisearch is likely down). `embedder` defaults to the process-wide USE model."""
    started = time.monotonic()
    report = SyncReport(pending=catalog.pending_count())
    vectors = BatchVectors(catalog, embedder or embed.default_embedder(), report.pending, embed_progress)
    try:
        admin.ensure_index(client, index_name, admin.load_index_settings(settings_path))
    except (*admin.MEILI_ERRORS, admin.IndexWriteFailed) as exc:
        report.error = f"Meilisearch unavailable: {exc}"
        report.failed = report.pending
        return report
    after = ""
    while report.error is None:
        rows = catalog.pending_documents(BATCH_DOCS, after)
        if not rows:
            break
        docs = index_docs(rows, vectors)  # in the order of rows
        report.embedded = vectors.embedded
        done = 0
        for batch in admin.batches(docs, max_bytes=batch_bytes):
            try:
                admin.add_documents(client, index_name, batch)
            except (*admin.MEILI_ERRORS, admin.IndexWriteFailed) as exc:
                catalog.mark_sync_failed([doc_id for doc_id, _ in rows[done:]], str(exc))
                report.failed = report.pending - report.sent
                report.error = str(exc)
                break
            catalog.mark_synced(rows[done:done + len(batch)])
            done += len(batch)
            report.sent += len(batch)
            if progress:
                progress(report.sent, report.pending)
        after = rows[-1][0]
    report.seconds = time.monotonic() - started
    return report


def rebuild(catalog: Catalog, client: meilisearch.Client, index_name: str, settings_path: Path,
            progress: Progress | None = None, *, embedder: DocumentEmbedder | None = None,
            embed_progress: Progress | None = None, batch_bytes: int = admin.BATCH_BYTES) -> SyncReport:
    """Build a fresh index from the catalog alone, then swap it in atomically."""
    started = time.monotonic()
    fresh = f"{index_name}_rebuild_{int(time.time())}"
    settings = admin.load_index_settings(settings_path)
    admin.ensure_index(client, fresh, settings)
    total = catalog.count_documents()
    report = SyncReport(pending=total)
    vectors = BatchVectors(catalog, embedder or embed.default_embedder(), total, embed_progress)
    sent: list[list[tuple[str, str]]] = []
    for rows in catalog.all_documents(BATCH_DOCS):
        for batch in admin.batches(index_docs(rows, vectors), max_bytes=batch_bytes):
            admin.add_documents(client, fresh, batch)
        report.embedded = vectors.embedded
        sent.append(rows)
        report.sent += len(rows)
        if progress:
            progress(report.sent, total)
    admin.swap_in(client, index_name, fresh)
    for rows in sent:  # a document edited meanwhile keeps its outbox flag (its text differs)
        catalog.mark_synced(rows)
    report.seconds = time.monotonic() - started
    return report
