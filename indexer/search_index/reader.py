"""Reading from Meilisearch with the search-only key: what the web app and `gonggao search` use.

The web app never imports the `meilisearch` client: it reads through a `SearchReader` and
catches `SEARCH_ERRORS`.

The reader speaks HTTP itself, over one pooled `requests.Session`, instead of through the
meilisearch client's calls: those go through `requests.post`, which opens a new connection for
every request. A search page sends two or three requests (the index version, the multi-search,
sometimes a follow-up), and at 1M documents the connections' set-up and teardown were a tenth of
the web app's CPU (bench/load_search.py). Errors are the client's own classes, so callers catch
the same `SEARCH_ERRORS` as before.

Answers are asked for uncompressed (`Accept-Encoding: identity`): requests offers brotli, and
Meilisearch spent ~14 ms of CPU compressing a search page's answer (about a quarter of its work
at 1M documents) for a trip over loopback or a local network. Nor does the session read proxies or
.netrc from the environment: looking for them on every request was 5 % of the web app's CPU.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import requests
from meilisearch.errors import MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError

from indexer.search_index.filters import equals

SEARCH_ERRORS = (MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError, OSError)
POOL_SIZE = 64          # connections kept open: one per web worker thread (anyio's pool is 40) and spare


class SearchReader:
    """Search requests against one index. `params` are Meilisearch search parameters.

    Safe to share between threads: each request is one call on a pooled session and sets its
    headers per request (nothing is changed on the session after it is built)."""

    def __init__(self, url: str, search_key: str, index_name: str, timeout: int = 10):
        self.index_name = index_name
        self._url = url.rstrip("/")
        self._index_path = f"/indexes/{quote(index_name, safe='')}"
        self._timeout = timeout
        self._headers = {"Authorization": f"Bearer {search_key}", "Content-Type": "application/json",
                         "Accept-Encoding": "identity"}
        self._session = requests.Session()
        self._session.trust_env = False
        adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=POOL_SIZE)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def search(self, query: str, params: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", f"{self._index_path}/search", {"q": query, **params})

    def multi_search(self, queries: Sequence[dict[str, Any]], federation: dict[str, Any] | None = None) -> dict[str, Any]:
        """Several searches in one request (`POST /multi-search`); with `federation`, their hits
        merged into one list and their facets counted over the union."""
        body: dict[str, Any] = {"queries": list(queries)}
        if federation is not None:
            body["federation"] = federation
        return self._call("POST", "/multi-search", body)

    def facet_search(self, facet: str, facet_query: str, query: str = "", filter: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"facetName": facet, "facetQuery": facet_query, "q": query}
        if filter:
            body["filter"] = filter
        return self._call("POST", f"{self._index_path}/facet-search", body)

    def index_info(self) -> dict[str, Any]:
        """The index's uid, primaryKey, createdAt and updatedAt (`GET /indexes/{uid}`: the key's
        `indexes.get`); updatedAt moves with every write, so it versions what searches see."""
        return self._call("GET", self._index_path)

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """One document by id, through search (a search-only key cannot fetch documents)."""
        result = self.search("", {"filter": equals("id", doc_id), "limit": 1})
        hits = result.get("hits") or []
        return hits[0] if hits else None

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        try:
            response = self._session.request(method, self._url + path, json=body, headers=self._headers,
                                             timeout=self._timeout)
        except requests.exceptions.Timeout as exc:
            raise MeilisearchTimeoutError(str(exc)) from exc
        except requests.exceptions.RequestException as exc:
            raise MeilisearchCommunicationError(str(exc)) from exc
        if not response.ok:
            raise MeilisearchApiError(str(response.status_code), response)
        answer: dict[str, Any] = response.json()
        return answer
