"""Running planned searches against Meilisearch in as few HTTP round trips as possible.

Searches with one query string go together into ONE multi-search request. A search with OR
alternatives becomes one *federated* multi-search (hits merged without duplicates, facets
counted over the union); its answer is reshaped to look like a plain search answer, so the
rest of the app does not care.

The reader is `indexer.search_index.reader.SearchReader` (search-only key), whose
`multi_search` is the meilisearch client's public `Client.multi_search`.
"""

from __future__ import annotations

import math
from typing import Any, Protocol

from search_ui.query import PlannedSearch

PAGING = ("page", "hitsPerPage", "limit", "offset", "facets")


class MultiSearcher(Protocol):
    index_name: str

    def multi_search(self, queries: list[dict[str, Any]], federation: dict[str, Any] | None = None) -> dict[str, Any]: ...


def run(reader: MultiSearcher, plan: list[PlannedSearch]) -> list[dict[str, Any]]:
    """The answers, in plan order."""
    answers: list[dict[str, Any] | None] = [None] * len(plan)
    simple = [i for i, s in enumerate(plan) if len(s.queries) == 1]
    if simple:
        body = [{"indexUid": reader.index_name, "q": plan[i].query, **_clean(plan[i].params)} for i in simple]
        results = reader.multi_search(body).get("results") or []
        for i, result in zip(simple, results, strict=False):
            answers[i] = result
    for i, s in enumerate(plan):
        if len(s.queries) > 1:
            answers[i] = federated(reader, s)
    return [a or {} for a in answers]


def federated(reader: MultiSearcher, s: PlannedSearch) -> dict[str, Any]:
    """One OR search: the alternatives federated, reshaped to a plain search answer."""
    params = _clean(s.params)
    uid = reader.index_name
    per_query = {k: v for k, v in params.items() if k not in PAGING}
    if "hitsPerPage" in params:
        limit = int(params["hitsPerPage"])
        offset = (int(params.get("page") or 1) - 1) * limit
    else:
        limit, offset = int(params.get("limit", 20)), int(params.get("offset", 0))
    federation: dict[str, Any] = {"offset": offset, "limit": limit}
    if params.get("facets"):
        federation["facetsByIndex"] = {uid: list(params["facets"])}
    answer = reader.multi_search([{"indexUid": uid, "q": q, **per_query} for q in s.queries], federation)
    total = int(answer.get("estimatedTotalHits") or answer.get("totalHits") or 0)
    distribution = ((answer.get("facetsByIndex") or {}).get(uid) or {}).get("distribution") or {}
    return {
        "hits": answer.get("hits") or [],
        "totalHits": total,
        "estimatedTotalHits": total,
        "totalPages": math.ceil(total / limit) if limit else 0,
        "facetDistribution": distribution,
    }


def _clean(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if v is not None}
