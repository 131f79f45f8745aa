"""Answers of searches without words, kept until the index changes.

A search with no words and no vector (the landing page, a page of filters only, and the facet
counts every search page asks without its own filter) depends only on the index's contents and
its parameters; between two syncs it always gets the same answer. `CachedReader` wraps the
web app's reader and answers those searches from memory, sending only the others to
Meilisearch in the same one multi-search.

The cache is keyed by the index's version: its `createdAt` and `updatedAt` as Meilisearch reports
them (`GET /indexes/{uid}`; the search key holds `indexes.get` for it, indexer/search_index/admin.py).
Every document write, settings change or rebuild swap moves them, whichever process wrote, so every
web worker drops its entries at the next sync. The version is read before every multi-search that
holds a search without words (1–5 ms, measured on loopback; the searches it saves take 100 ms and
more at 100,000 documents), so no answer from before a sync is served after it. When the version
cannot be read (an older key without `indexes.get`, Meilisearch down), nothing is cached or served
from the cache.

Only small answers are kept (a page of at most MAX_HITS hits: not the export batches), at most
MAX_ENTRIES of them, least recently used first out.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from indexer.search_index.reader import SEARCH_ERRORS

log = logging.getLogger(__name__)
MAX_ENTRIES = 512
MAX_HITS = 100


def cacheable(query: dict[str, Any]) -> bool:
    size = query.get("hitsPerPage", query.get("limit", 20))
    return not str(query.get("q") or "").strip() and "vector" not in query and "hybrid" not in query \
        and int(size or 0) <= MAX_HITS


class CachedReader:
    """A reader (indexer.search_index.reader.SearchReader) whose multi-searches are answered from
    memory for the searches without words; everything else is passed through."""

    def __init__(self, reader: Any, max_entries: int = MAX_ENTRIES):
        self._reader = reader
        self.index_name: str = reader.index_name
        self._entries: OrderedDict[str, str] = OrderedDict()   # answers kept as JSON text (see _fresh_copy)
        self._max = max_entries
        self._lock = threading.Lock()
        self._version: str | None = None
        self._warned = False
        self.hits = self.misses = 0

    def __getattr__(self, name: str) -> Any:        # search, facet_search, get: as the wrapped reader
        return getattr(self._reader, name)

    def version(self) -> str | None:
        """The index's version now; None when it cannot be read. A new version empties the cache."""
        try:
            info = self._reader.index_info()
            version: str | None = f"{info.get('createdAt')}|{info.get('updatedAt')}"
        except SEARCH_ERRORS as exc:
            if not self._warned:
                log.warning("search cache off: the index version cannot be read (%s)", exc)
                self._warned = True
            version = None
        with self._lock:
            if version != self._version:
                self._entries.clear()
            self._version = version
        return version

    def multi_search(self, queries: Sequence[dict[str, Any]], federation: dict[str, Any] | None = None) -> dict[str, Any]:
        if federation is not None or not any(cacheable(q) for q in queries):
            return self._reader.multi_search(queries, federation)
        version = self.version()
        if version is None:
            return self._reader.multi_search(queries, federation)
        keys = [json.dumps(q, sort_keys=True, ensure_ascii=False) if cacheable(q) else None for q in queries]
        results: list[dict[str, Any] | None] = []
        with self._lock:
            for key in keys:
                kept = self._entries.get(key) if key is not None else None
                if kept is not None:
                    self._entries.move_to_end(key)  # type: ignore[arg-type]
                results.append(_fresh_copy(kept) if kept is not None else None)
        missing = [i for i, r in enumerate(results) if r is None]
        self.hits += len(queries) - len(missing)
        self.misses += len(missing)
        if missing:
            answer = self._reader.multi_search([queries[i] for i in missing])
            fresh = answer.get("results") or []
            with self._lock:
                for i, result in zip(missing, fresh, strict=False):
                    results[i] = result
                    key = keys[i]
                    if key is not None and self._version == version:
                        self._entries[key] = json.dumps(result, ensure_ascii=False)
                        self._entries.move_to_end(key)
                        while len(self._entries) > self._max:
                            self._entries.popitem(last=False)
        return {"results": [r or {} for r in results]}


def _fresh_copy(kept: str) -> dict[str, Any]:
    """A new answer object from its kept JSON text: callers may change what they are given. Parsing
    is several times cheaper than copy.deepcopy of the same answer (a facet answer of a few thousand
    values), which was 6 % of the search page's CPU at 1M documents (bench/load_search.py)."""
    answer: dict[str, Any] = json.loads(kept)
    return answer
