"""Writing to Meilisearch with the master key: settings, keys, documents, swaps.

Every write is an async task in Meilisearch; `wait` blocks on it with a real timeout and turns
`failed` into an exception, so no write is ever assumed to have happened.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import meilisearch
from meilisearch.errors import MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError
from ruamel.yaml import YAML

from config.errors import Unavailable
from indexer.search_index.embed import EMBEDDER_NAME

TASK_TIMEOUT_MS = 120_000
SEARCH_KEY_NAME = "gonggao-search"
# what the web app may do: search, and read the index's metadata (its updatedAt versions the web
# app's cache of searches without words, search_ui/cache.py); never read documents or write
SEARCH_KEY_ACTIONS = ["search", "indexes.get"]
# FIELD_NOTES: keep document batches around 20–50 MB; an over-limit (100 MB) POST made the client hang.
BATCH_BYTES = 20_000_000
MEILI_ERRORS = (MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError, OSError)


class IndexWriteFailed(Unavailable):
    """Meilisearch did not finish a write task; the documents stay queued in the catalog."""


def connect(url: str, api_key: str, timeout: int = 30) -> meilisearch.Client:
    return meilisearch.Client(url, api_key, timeout=timeout)


def wait(client: meilisearch.Client, task_info: Any, timeout_ms: int = TASK_TIMEOUT_MS) -> None:
    task = client.wait_for_task(task_info.task_uid, timeout_in_ms=timeout_ms, interval_in_ms=50)
    if task.status != "succeeded":
        raise IndexWriteFailed(f"Meilisearch task {task.uid} ({task.type}) {task.status}: {task.error}")


def load_index_settings(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return dict(data)


def ensure_index(client: meilisearch.Client, uid: str, settings: dict[str, Any]) -> None:
    """Create the index if missing and apply the settings (a no-op task when unchanged)."""
    try:
        client.get_index(uid)
    except MeilisearchApiError as exc:
        if exc.code != "index_not_found":
            raise
        wait(client, client.create_index(uid, {"primaryKey": "id"}))
    wait(client, client.index(uid).update_settings(settings))


def ensure_search_key(client: meilisearch.Client, index_pattern: str) -> str:
    """The key the web app uses: SEARCH_KEY_ACTIONS only, on the announcements index and its rebuilds.
    A key made by an older version with other actions is left alone (a running web app may hold
    it) and a new one made beside it."""
    for key in client.get_keys({"limit": 1000}).results:
        if key.name == SEARCH_KEY_NAME and key.indexes == [index_pattern] and sorted(key.actions) == sorted(SEARCH_KEY_ACTIONS):
            return key.key
    created = client.create_key(
        {
            "name": SEARCH_KEY_NAME,
            "description": "Gonggao web app: search and index metadata only",
            "actions": SEARCH_KEY_ACTIONS,
            "indexes": [index_pattern],
            "expiresAt": None,
        }
    )
    return created.key


def batches(docs: Iterable[dict[str, Any]], max_bytes: int = BATCH_BYTES, max_docs: int = 5_000) -> Iterator[list[dict[str, Any]]]:
    """Split documents, in order, into batches of at most `max_bytes` of JSON and `max_docs` documents,
    under Meilisearch's 100 MB payload limit (FIELD_NOTES: 20–50 MB). A document larger than
    `max_bytes` goes alone. Sizes are measured as the client sends them: `json.dumps` escapes every
    Chinese character to `\\uXXXX`, 6 bytes where UTF-8 takes 3."""
    batch: list[dict[str, Any]] = []
    size = 0
    for doc in docs:
        doc_size = len(json.dumps(doc)) + 2  # ASCII, so characters are bytes; + the ", " or brackets of the array
        if batch and (size + doc_size > max_bytes or len(batch) >= max_docs):
            yield batch
            batch, size = [], 0
        batch.append(doc)
        size += doc_size
    if batch:
        yield batch


def add_documents(client: meilisearch.Client, uid: str, docs: list[dict[str, Any]]) -> None:
    """Upsert documents. One without a vector is sent with `_vectors.use: null` (kept out of semantic
    search): Meilisearch refuses a document that says nothing for a `userProvided` embedder."""
    for doc in docs:
        vectors = doc.setdefault("_vectors", {})
        vectors.setdefault(EMBEDDER_NAME, None)
    wait(client, client.index(uid).add_documents(docs, primary_key="id"))


def delete_documents(client: meilisearch.Client, uid: str, ids: list[str]) -> None:
    """Delete documents by id, one task each: the client's batch delete by ids is deprecated, and a
    filter on `id` would need the primary key among the filterable attributes."""
    index = client.index(uid)
    for doc_id in ids:
        wait(client, index.delete_document(doc_id))


def create_dump(client: meilisearch.Client) -> str:
    """Ask Meilisearch for a dump (written to its --dump-dir); returns the dump's uid."""
    info = client.create_dump()
    task = client.wait_for_task(info.task_uid, timeout_in_ms=TASK_TIMEOUT_MS, interval_in_ms=100)
    if task.status != "succeeded":
        raise IndexWriteFailed(f"Meilisearch dump {task.uid} {task.status}: {task.error}")
    return str((task.details or {}).get("dumpUid"))


def swap_in(client: meilisearch.Client, live: str, fresh: str) -> None:
    """Atomically make `fresh` the live index, then drop the old one."""
    try:
        client.get_index(live)
    except MeilisearchApiError:
        wait(client, client.create_index(live, {"primaryKey": "id"}))
    wait(client, client.swap_indexes([{"indexes": [live, fresh]}]))
    wait(client, client.delete_index(fresh))
