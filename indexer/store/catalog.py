"""Reads and writes of the catalog, in the words of the pipeline (pages, documents, runs, outbox)."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, delete, func, insert, or_, select, update

from config.vocabulary import RunState
from indexer.models import Document, Page
from indexer.store.attachment_texts import StoredAttachment, attachment_key, with_attachment_texts
from indexer.store.db import make_engine, migrate
from indexer.store.records import CrawlErrorRecord, CrawlRun, SourceSummary
from indexer.store.schema import (
    attachments,
    crawl_errors,
    crawl_runs,
    documents,
    embeddings,
    pages,
    reprint_keys,
    sources,
    versions,
)
from indexer.store.warc import RecordRef, read_record


def now() -> int:
    return int(time.time())


PROVENANCE = {"first_seen", "last_changed", "versions", "status", "fetched_at"}
VANISHED = "vanished from its list"


def _same_content(stored_json: str, doc: Document) -> bool:
    """True when the stored document equals `doc` in everything but when it was seen."""
    stored = json.loads(stored_json)
    fresh = json.loads(doc.model_dump_json())
    return all(stored.get(k) == v for k, v in fresh.items() if k not in PROVENANCE)


def content_hash(doc: Document) -> str:
    """Hash of what a reader sees; unchanged text makes no new version."""
    return hashlib.sha256(f"{doc.title}\n{doc.body}".encode()).hexdigest()


@dataclass(frozen=True)
class KnownPage:
    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    state: str


@dataclass(frozen=True)
class AttachmentRecord:
    """A fetched attachment: its text, or why it has none (`unreadable`), and where its bytes are archived."""

    url: str
    parent_url: str
    source_id: str
    name: str
    fetched_at: int
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    text: str | None = None
    unreadable: str | None = None
    warc: RecordRef | None = None


@dataclass(frozen=True)
class StoreResult:
    new: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class ReprintKey:
    """What reprint clustering compares for one document (see indexer/reprints.py)."""

    document_id: str
    signature: bytes | None
    province: str | None
    city: str | None
    county: str | None
    title_numbers: str
    published_at: int | None
    first_seen: int | None
    source_type: str


@dataclass(frozen=True)
class Cluster:
    """The cluster fields of one document, as the index and the API show them."""

    cluster_id: str
    is_canonical: bool
    reprints: int


def _keep_cluster(stored_json: str, doc: Document) -> None:
    """A re-stored document keeps its cluster until clustering decides again."""
    stored = json.loads(stored_json)
    doc.cluster_id = stored.get("cluster_id") or doc.id
    doc.is_canonical = stored.get("is_canonical", True)
    doc.reprints = stored.get("reprints", 0)


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key of the row an INSERT just made."""
    key = result.inserted_primary_key
    assert key is not None, "an INSERT always has a primary key"
    return int(key[0])


def _remove_page(conn: Connection, page_id: int, reason: str) -> int:
    """Mark the page and its documents removed (kept searchable); returns how many documents changed."""
    conn.execute(update(pages).where(pages.c.id == page_id).values(state="removed", reason=reason, fetched_at=now()))
    removed = 0
    for doc_row in conn.execute(select(documents.c.id, documents.c.data, documents.c.status).where(documents.c.page_id == page_id)).all():
        if doc_row.status == "removed":
            continue
        data = json.loads(doc_row.data)
        data["status"] = "removed"
        conn.execute(
            update(documents).where(documents.c.id == doc_row.id)
            .values(status="removed", data=json.dumps(data, ensure_ascii=False), sync_pending=True, last_changed=now())
        )
        removed += 1
    return removed


def _published_of(conn: Connection, page_urls: list[str]) -> list[int]:
    """The publication times of the documents of these pages (those that have one)."""
    if not page_urls:
        return []
    rows = conn.execute(select(documents.c.data).join(pages, pages.c.id == documents.c.page_id)
                        .where(pages.c.url.in_(page_urls)))
    return [p for p in (json.loads(row.data).get("published_at") for row in rows) if p is not None]


def _oldest_published(conn: Connection, page_urls: list[str]) -> int | None:
    return min(_published_of(conn, page_urls), default=None)


def _newest_published(conn: Connection, page_urls: list[str]) -> int | None:
    return max(_published_of(conn, page_urls), default=None)


def _stored_attachments(conn: Connection, docs: list[Document]) -> dict[str, StoredAttachment]:
    """What the catalog holds of the attachments these documents list, by `attachment_key`."""
    keys = list({attachment_key(a.url) for doc in docs for a in doc.attachments})
    if not keys:
        return {}
    rows = conn.execute(select(attachments.c.url, attachments.c.text, attachments.c.unreadable)
                        .where(attachments.c.url.in_(keys)))
    return {row.url: StoredAttachment(row.url, row.text, row.unreadable) for row in rows}


class Catalog:
    def __init__(self, url: str, *, archive_dir: Path | None = None, migrate_schema: bool = True):
        self.engine: Engine = make_engine(url)
        self.archive_dir = archive_dir
        if migrate_schema:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- sources -----------------------------------------------------------------------------
    def register_sources(self, items: list[tuple[str, str, str, str]]) -> None:
        """(id, name, kind, config_json) for every configured source; updates changed ones."""
        with self.engine.begin() as conn:
            existing = {row.id for row in conn.execute(select(sources.c.id))}
            for source_id, name, kind, config_json in items:
                values = dict(name=name, kind=kind, config=config_json, updated_at=now())
                if source_id in existing:
                    conn.execute(update(sources).where(sources.c.id == source_id).values(**values))
                else:
                    conn.execute(insert(sources).values(id=source_id, **values))

    # -- pages -------------------------------------------------------------------------------
    def known_page(self, url: str) -> KnownPage | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(pages.c.url, pages.c.etag, pages.c.last_modified, pages.c.content_hash, pages.c.state)
                .where(pages.c.url == url)
            ).first()
        return KnownPage(*row) if row else None

    def known_urls(self, urls: list[str]) -> set[str]:
        """Which of these article URLs the catalog already holds with a readable page."""
        if not urls:
            return set()
        with self.engine.connect() as conn:
            rows = conn.execute(select(pages.c.url).where(pages.c.url.in_(urls), pages.c.state == "ok"))
            return {row.url for row in rows}

    def save_page(self, page: Page, *, state: str, reason: str | None = None, warc: RecordRef | None = None) -> int:
        """Insert or update the page row, pointing at its WARC record; returns its id."""
        headers = {k.lower(): v for k, v in page.headers.items()}
        body_hash = hashlib.sha256(page.body).hexdigest()
        values = dict(
            source_id=page.source_id,
            final_url=page.final_url,
            http_status=page.status,
            content_type=headers.get("content-type"),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            content_hash=body_hash,
            warc_file=warc.file if warc else None,
            warc_offset=warc.offset if warc else None,
            raw_headers=json.dumps(headers, ensure_ascii=False),
            state=state,
            reason=reason,
            fetched_at=int(page.fetched_at.timestamp()),
        )
        with self.engine.begin() as conn:
            row = conn.execute(select(pages.c.id, pages.c.content_hash).where(pages.c.url == page.url)).first()
            if row is None:
                result = conn.execute(insert(pages).values(url=page.url, first_seen=values["fetched_at"], changed_at=values["fetched_at"], **values))
                return _new_id(result)
            if row.content_hash != body_hash:
                values["changed_at"] = values["fetched_at"]
            conn.execute(update(pages).where(pages.c.id == row.id).values(**values))
            return int(row.id)

    def touch_page(self, url: str) -> None:
        """A 304: the page is unchanged; only the fetch time moves."""
        with self.engine.begin() as conn:
            conn.execute(update(pages).where(pages.c.url == url).values(fetched_at=now()))

    def mark_page_removed(self, url: str, reason: str) -> int:
        """The page now answers 404/410: it and its documents are marked removed (kept searchable)."""
        with self.engine.begin() as conn:
            row = conn.execute(select(pages.c.id).where(pages.c.url == url)).first()
            if row is None:
                return 0
            return _remove_page(conn, row.id, reason)

    def mark_vanished(self, listings: dict[str, list[str]]) -> int:
        """Mark removed the articles that vanished from their list; returns how many documents.

        `listings`: every list page read in this run → the article URLs on it, in page order.
        The rule: an article page whose last-known list page was read in this run, which appears
        on no list page read in this run, and which is newer (by `published_at`) than the oldest
        article still listed on that list page, was taken down: it did not merely scroll onto the
        next list page, which this run may not have read. Its documents get the status `removed`
        (reason "vanished from its list") and stay searchable. An article without a date, or a list
        page with no dated article left, removes nothing. Afterwards every listed article's
        last-known list page is the one it was seen on now.
        """
        listed = {url for urls in listings.values() for url in urls}
        removed = 0
        with self.engine.begin() as conn:
            candidates = conn.execute(
                select(pages.c.id, pages.c.url, pages.c.list_url)
                .where(pages.c.list_url.in_(list(listings)), pages.c.state == "ok")
            ).all()
            oldest: dict[str, int | None] = {}
            for row in candidates:
                if row.url in listed:
                    continue
                if row.list_url not in oldest:
                    oldest[row.list_url] = _oldest_published(conn, listings[row.list_url])
                published, floor = _newest_published(conn, [row.url]), oldest[row.list_url]
                if floor is not None and published is not None and published > floor:
                    removed += _remove_page(conn, row.id, VANISHED)
            for list_url, urls in listings.items():
                conn.execute(update(pages).where(pages.c.url.in_(urls)).values(list_url=list_url))
        return removed

    def raw_page(self, url: str) -> tuple[bytes, dict[str, str], int] | None:
        """The bytes as fetched, their response headers and the fetch time (unix seconds), from the WARC."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(pages.c.warc_file, pages.c.warc_offset)
                .where(or_(pages.c.url == url, pages.c.final_url == url), pages.c.warc_file.is_not(None))
                .order_by(pages.c.id).limit(1)
            ).first()
        if row is None or self.archive_dir is None:
            return None
        page = read_record(self.archive_dir, RecordRef(row.warc_file, row.warc_offset))
        return page.body, page.headers, int(page.fetched_at.timestamp())

    def archived_pages(self, source_id: str | None = None) -> Iterator[tuple[int, RecordRef]]:
        """(page id, WARC record) of every page that held or may hold an article, for re-extraction."""
        query = (select(pages.c.id, pages.c.warc_file, pages.c.warc_offset)
                 .where(pages.c.warc_file.is_not(None), pages.c.state.in_(("ok", "error", "skipped")))
                 .order_by(pages.c.id))
        if source_id:
            query = query.where(pages.c.source_id == source_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for row in rows:
            yield row.id, RecordRef(row.warc_file, row.warc_offset)

    def recent_archived_pages(self, source_id: str, limit: int) -> list[RecordRef]:
        """The WARC records of a source's `limit` most recently stored pages, newest first."""
        query = (select(pages.c.warc_file, pages.c.warc_offset)
                 .where(pages.c.source_id == source_id, pages.c.warc_file.is_not(None))
                 .order_by(pages.c.id.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [RecordRef(row.warc_file, row.warc_offset) for row in conn.execute(query)]

    def count_archived_pages(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(pages).where(pages.c.warc_file.is_not(None))).scalar_one())

    # -- attachments ---------------------------------------------------------------------------
    def known_attachment(self, url: str) -> KnownPage | None:
        """The validators of a stored attachment, for a conditional request ("ok": its outcome is stored)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(attachments.c.url, attachments.c.etag, attachments.c.last_modified)
                               .where(attachments.c.url == attachment_key(url))).first()
        return KnownPage(row.url, row.etag, row.last_modified, None, "ok") if row else None

    def save_attachment(self, record: AttachmentRecord) -> None:
        """Insert or replace what is known of one attachment."""
        values = dict(
            parent_url=record.parent_url, source_id=record.source_id, name=record.name,
            content_type=record.content_type, etag=record.etag, last_modified=record.last_modified,
            text=record.text, unreadable=record.unreadable, fetched_at=record.fetched_at,
            warc_file=record.warc.file if record.warc else None,
            warc_offset=record.warc.offset if record.warc else None,
        )
        key = attachment_key(record.url)
        with self.engine.begin() as conn:
            if conn.execute(select(attachments.c.id).where(attachments.c.url == key)).first() is None:
                conn.execute(insert(attachments).values(url=key, **values))
            else:
                conn.execute(update(attachments).where(attachments.c.url == key).values(**values))

    def touch_attachment(self, url: str) -> None:
        """A 304: the stored text still holds; only the fetch time moves."""
        with self.engine.begin() as conn:
            conn.execute(update(attachments).where(attachments.c.url == attachment_key(url)).values(fetched_at=now()))

    def refresh_attachment_texts(self, parent_url: str) -> int:
        """Give the documents of the page at `parent_url` the attachment texts now stored and queue
        the ones that changed for the index; returns how many changed. No new version: the
        announcement's own text did not change."""
        changed = 0
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(documents.c.id, documents.c.data).join(pages, pages.c.id == documents.c.page_id)
                .where(pages.c.url == parent_url)
            ).all()
            docs = [Document.model_validate_json(row.data) for row in rows]
            stored = _stored_attachments(conn, docs)
            for row, doc in zip(rows, docs, strict=False):
                data = with_attachment_texts(doc, stored).model_dump_json()
                if data != row.data:
                    conn.execute(update(documents).where(documents.c.id == row.id)
                                 .values(data=data, sync_pending=True, sync_error=None))
                    changed += 1
        return changed

    def set_page_state(self, page_id: int, state: str, reason: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(pages).where(pages.c.id == page_id).values(state=state, reason=reason))

    # -- documents ---------------------------------------------------------------------------
    def store_documents(self, page_id: int, docs: list[Document], *, from_source: bool = True) -> StoreResult:
        """Upsert the documents of one page.

        With `from_source` (a crawl), a changed text is an edit at the source: a new version and the
        status `edited`. Without it (re-extraction), the text is what a better extractor made of the
        same bytes: the current version is corrected in place. Either way, the same document makes
        no write at all. Every write puts the document in the clustering outbox (`cluster_pending`);
        the cluster fields stay as they were until `indexer.reprints.recluster` runs.
        """
        new = changed = unchanged = 0
        stamp = now()
        with self.engine.begin() as conn:
            stored = _stored_attachments(conn, docs)
            for doc in docs:
                with_attachment_texts(doc, stored)
                digest = content_hash(doc)
                row = conn.execute(select(documents).where(documents.c.id == doc.id)).first()
                if row is None:
                    doc.first_seen, doc.last_changed, doc.versions, doc.status = stamp, stamp, 1, "live"
                    doc.cluster_id, doc.is_canonical, doc.reprints = doc.id, True, 0
                    conn.execute(insert(documents).values(
                        id=doc.id, page_id=page_id, source_id=doc.source_id, content_hash=digest,
                        data=doc.model_dump_json(), status="live", version=1, first_seen=stamp,
                        last_changed=stamp, sync_pending=True, cluster_id=doc.id, cluster_pending=True,
                    ))
                    conn.execute(insert(versions).values(document_id=doc.id, version=1, content_hash=digest,
                                                         title=doc.title, body=doc.body, created_at=stamp))
                    new += 1
                    continue
                text_changed = row.content_hash != digest
                edited = text_changed and from_source
                doc.first_seen = row.first_seen
                doc.versions = row.version + 1 if edited else row.version
                doc.status = "edited" if doc.versions > 1 else "live"
                doc.last_changed = stamp if edited else row.last_changed
                _keep_cluster(row.data, doc)
                if not text_changed and row.status == doc.status and _same_content(row.data, doc):
                    unchanged += 1
                    continue
                conn.execute(update(documents).where(documents.c.id == doc.id).values(
                    page_id=page_id, content_hash=digest, data=doc.model_dump_json(), status=doc.status,
                    version=doc.versions, last_changed=doc.last_changed, sync_pending=True, sync_error=None,
                    cluster_pending=True,
                ))
                if edited:
                    conn.execute(insert(versions).values(document_id=doc.id, version=doc.versions, content_hash=digest,
                                                         title=doc.title, body=doc.body, created_at=stamp))
                elif text_changed:
                    conn.execute(update(versions).where(versions.c.document_id == doc.id, versions.c.version == doc.versions)
                                 .values(content_hash=digest, title=doc.title, body=doc.body))
                changed += 1
        return StoreResult(new=new, changed=changed, unchanged=unchanged)

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents.c.data).where(documents.c.id == doc_id)).first()
        return Document.model_validate_json(row.data) if row else None

    def versions_of(self, doc_id: str) -> list[dict]:
        """Every version of a document, oldest first: version, title, body, created_at."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(versions.c.version, versions.c.title, versions.c.body, versions.c.created_at)
                .where(versions.c.document_id == doc_id).order_by(versions.c.version)
            )
            return [dict(row._mapping) for row in rows]

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())

    def count_versions(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(versions)).scalar_one())

    # -- reprint clusters ----------------------------------------------------------------------
    def documents_to_cluster(self, limit: int, after: str = "") -> list[tuple[str, str, int]]:
        """(id, json, first_seen) of documents written since clustering last saw them, in id order."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents.c.id, documents.c.data, documents.c.first_seen)
                .where(documents.c.cluster_pending.is_(True), documents.c.id > after)
                .order_by(documents.c.id).limit(limit)
            )
            return [(row.id, row.data, row.first_seen) for row in rows]

    def save_reprint_keys(self, keys: list[ReprintKey], seen: list[tuple[str, str]]) -> None:
        """Store the keys and take the documents out of the clustering outbox, unless a document
        was written again meanwhile (its json differs from the `seen` one): it stays pending."""
        with self.engine.begin() as conn:
            conn.execute(delete(reprint_keys).where(reprint_keys.c.document_id.in_([k.document_id for k in keys])))
            if keys:
                conn.execute(insert(reprint_keys), [k.__dict__ for k in keys])
            for doc_id, data in seen:
                conn.execute(update(documents).where(documents.c.id == doc_id, documents.c.data == data)
                             .values(cluster_pending=False))

    def all_reprint_keys(self) -> list[ReprintKey]:
        with self.engine.connect() as conn:
            return [ReprintKey(**row._mapping) for row in conn.execute(select(reprint_keys))]

    def cluster_ids(self) -> dict[str, str]:
        """Every document's cluster as last computed (its own id when it has none yet)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.id, documents.c.cluster_id))
            return {row.id: row.cluster_id or row.id for row in rows}

    def set_clusters(self, clusters: dict[str, Cluster]) -> int:
        """Write the cluster fields where they changed and queue those documents for the index."""
        changed = 0
        with self.engine.begin() as conn:
            for doc_id, cluster in clusters.items():
                row = conn.execute(select(documents.c.data, documents.c.cluster_id)
                                   .where(documents.c.id == doc_id)).first()
                if row is None:
                    continue
                data = json.loads(row.data)
                fresh = {"cluster_id": cluster.cluster_id, "is_canonical": cluster.is_canonical, "reprints": cluster.reprints}
                if row.cluster_id == cluster.cluster_id and all(data.get(k) == v for k, v in fresh.items()):
                    continue
                data.update(fresh)
                conn.execute(update(documents).where(documents.c.id == doc_id).values(
                    data=json.dumps(data, ensure_ascii=False), cluster_id=cluster.cluster_id, sync_pending=True,
                ))
                changed += 1
        return changed

    def cluster_members(self, cluster_id: str) -> list[str]:
        """Ids of the documents of one cluster."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.id).where(documents.c.cluster_id == cluster_id).order_by(documents.c.id))
            return [row.id for row in rows]

    # -- embeddings ----------------------------------------------------------------------------
    def cached_embeddings(self, ids: list[str], model: str) -> dict[str, tuple[str, bytes]]:
        """id → (text hash, vector bytes) of the cached vectors of these documents made by `model`."""
        if not ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(embeddings.c.document_id, embeddings.c.text_hash, embeddings.c.vector)
                                .where(embeddings.c.document_id.in_(ids), embeddings.c.model == model))
            return {row.document_id: (row.text_hash, row.vector) for row in rows}

    def save_embeddings(self, model: str, rows: list[tuple[str, str, bytes]]) -> None:
        """(id, text hash, vector bytes) for each document; replaces what was cached."""
        if not rows:
            return
        with self.engine.begin() as conn:
            conn.execute(delete(embeddings).where(embeddings.c.document_id.in_([doc_id for doc_id, _, _ in rows])))
            conn.execute(insert(embeddings), [
                {"document_id": doc_id, "model": model, "text_hash": text_hash, "vector": vector}
                for doc_id, text_hash, vector in rows
            ])

    # -- outbox ------------------------------------------------------------------------------
    def pending_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents).where(documents.c.sync_pending.is_(True))).scalar_one())

    def pending_documents(self, limit: int, after: str = "") -> list[tuple[str, str]]:
        """(id, json) of documents the index does not have yet, in id order after `after`."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents.c.id, documents.c.data)
                .where(documents.c.sync_pending.is_(True), documents.c.id > after)
                .order_by(documents.c.id).limit(limit)
            )
            return [(row.id, row.data) for row in rows]

    def all_documents(self, batch: int = 1000) -> Iterator[list[tuple[str, str]]]:
        after = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(documents.c.id, documents.c.data).where(documents.c.id > after).order_by(documents.c.id).limit(batch)
                ).all()
            if not rows:
                return
            yield [(row.id, row.data) for row in rows]
            after = rows[-1].id

    def mark_synced(self, ids_and_json: list[tuple[str, str]]) -> None:
        """Clear the outbox flag only where the row still holds the version that was sent."""
        stamp = now()
        with self.engine.begin() as conn:
            for doc_id, data in ids_and_json:
                conn.execute(
                    update(documents).where(documents.c.id == doc_id, documents.c.data == data)
                    .values(sync_pending=False, sync_error=None, synced_at=stamp)
                )

    def mark_sync_failed(self, ids: list[str], error: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(documents).where(documents.c.id.in_(ids)).values(sync_error=error[:2000]))

    # -- crawl runs --------------------------------------------------------------------------
    def start_run(self, source_id: str, pid: int | None = None) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(crawl_runs).values(source_id=source_id, started_at=now(), state=RunState.RUNNING, pid=pid,
                                                            pages_fetched=0, pages_unchanged=0, docs_new=0, docs_changed=0,
                                                            docs_removed=0, errors=0))
            return _new_id(result)

    def finish_run(self, run_id: int, state: RunState, **counts: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(crawl_runs).where(crawl_runs.c.id == run_id).values(finished_at=now(), state=state, **counts))

    def record_error(self, run_id: int | None, source_id: str, url: str, kind: str, message: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(crawl_errors).values(run_id=run_id, source_id=source_id, url=url, kind=kind,
                                                     message=message[:2000], at=now()))

    def errors(self, source_id: str | None = None, run_id: int | None = None) -> list[CrawlErrorRecord]:
        query = select(crawl_errors).order_by(crawl_errors.c.id)
        if source_id:
            query = query.where(crawl_errors.c.source_id == source_id)
        if run_id:
            query = query.where(crawl_errors.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [CrawlErrorRecord.from_row(row._mapping) for row in conn.execute(query)]

    def runs(self, source_id: str | None = None, limit: int = 20) -> list[CrawlRun]:
        query = select(crawl_runs).order_by(crawl_runs.c.id.desc()).limit(limit)
        if source_id:
            query = query.where(crawl_runs.c.source_id == source_id)
        with self.engine.connect() as conn:
            return [CrawlRun.from_row(row._mapping) for row in conn.execute(query)]

    def source_summaries(self) -> list[SourceSummary]:
        """Per registered source: document count, last run, last error."""
        out = []
        with self.engine.connect() as conn:
            for src in conn.execute(select(sources).order_by(sources.c.id)):
                docs = conn.execute(select(func.count()).select_from(documents).where(documents.c.source_id == src.id)).scalar_one()
                last = conn.execute(select(crawl_runs).where(crawl_runs.c.source_id == src.id).order_by(crawl_runs.c.id.desc()).limit(1)).first()
                err = conn.execute(select(crawl_errors).where(crawl_errors.c.source_id == src.id).order_by(crawl_errors.c.id.desc()).limit(1)).first()
                out.append(SourceSummary(
                    id=src.id, name=src.name, kind=src.kind, documents=int(docs),
                    last_run=CrawlRun.from_row(last._mapping) if last else None,
                    last_error=CrawlErrorRecord.from_row(err._mapping) if err else None,
                ))
        return out
