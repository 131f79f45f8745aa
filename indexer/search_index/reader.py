"""Reading from Meilisearch with the search-only key: what the web app and `gonggao search` use.

The web app never imports the `meilisearch` client: it reads through a `SearchReader` and
catches `SEARCH_ERRORS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import meilisearch
from meilisearch.errors import MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError

from indexer.search_index.filters import equals

SEARCH_ERRORS = (MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError, OSError)


class SearchReader:
    """Search requests against one index. `params` are Meilisearch search parameters."""

    def __init__(self, url: str, search_key: str, index_name: str, timeout: int = 10):
        self.index_name = index_name
        self._client = meilisearch.Client(url, search_key, timeout=timeout)
        self._index = self._client.index(index_name)
        # GETs get a client of their own: the meilisearch client changes one headers dict per request
        # and a GET drops its Content-Type, so a GET beside another thread's POST made that POST fail
        # with `missing_content_type` (seen under load, bench/load_search.py)
        self._get_client = meilisearch.Client(url, search_key, timeout=timeout)

    def search(self, query: str, params: dict[str, Any]) -> dict[str, Any]:
        return self._index.search(query, params)

    def multi_search(self, queries: Sequence[dict[str, Any]], federation: dict[str, Any] | None = None) -> dict[str, Any]:
        """Several searches in one request (`POST /multi-search`); with `federation`, their hits
        merged into one list and their facets counted over the union."""
        return dict(self._client.multi_search(list(queries), federation))

    def facet_search(self, facet: str, facet_query: str, query: str = "", filter: str | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"q": query}
        if filter:
            params["filter"] = filter
        return self._index.facet_search(facet, facet_query, params)

    def index_info(self) -> dict[str, Any]:
        """The index's uid, primaryKey, createdAt and updatedAt (`GET /indexes/{uid}`: the key's
        `indexes.get`); updatedAt moves with every write, so it versions what searches see."""
        return dict(self._get_client.get_raw_index(self.index_name))

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """One document by id, through search (a search-only key cannot fetch documents)."""
        result = self._index.search("", {"filter": equals("id", doc_id), "limit": 1})
        hits = result.get("hits") or []
        return hits[0] if hits else None
