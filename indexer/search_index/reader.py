"""Reading from Meilisearch with the search-only key: what the web app and `gonggao search` use."""

from __future__ import annotations

from typing import Any

import meilisearch
from meilisearch.errors import MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError

from indexer.search_index.filters import equals

SEARCH_ERRORS = (MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError, OSError)


class SearchReader:
    """Search requests against one index. `params` are Meilisearch search parameters."""

    def __init__(self, url: str, search_key: str, index_name: str, timeout: float = 10.0):
        self.index_name = index_name
        self._index = meilisearch.Client(url, search_key, timeout=timeout).index(index_name)

    def search(self, query: str, params: dict[str, Any]) -> dict[str, Any]:
        return self._index.search(query, params)

    def facet_search(self, facet: str, facet_query: str, query: str = "", filter: str | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"q": query}
        if filter:
            params["filter"] = filter
        return self._index.facet_search(facet, facet_query, params)

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """One document by id, through search (a search-only key cannot fetch documents)."""
        result = self._index.search("", {"filter": equals("id", doc_id), "limit": 1})
        hits = result.get("hits") or []
        return hits[0] if hits else None
