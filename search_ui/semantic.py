"""Semantic search with a floor: hybrid (keyword + embedding) searches that keep only the documents
scoring at least THRESHOLD, counted exactly.

A vector search ranks every document of the index, so without a floor a semantic search "finds"
all of them (86 of 86 demo documents for an English question). Every search of a semantic page
gets the query's vector and `rankingScoreThreshold`: the main search, the facet counts, the
timeline, the export batches and the feed, so all of them hold the same documents.

Counting: Meilisearch counts a hybrid search's total and facets above the threshold exactly only
when it pages with `page` / `hitsPerPage`; with `limit` / `offset` its `estimatedTotalHits` and
facet counts included documents below the threshold (measured on the demo index, Meilisearch
1.21: 86 estimated for 47 hits). So every semantic search pages that way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from search_ui.query import PlannedSearch, SearchParams

log = logging.getLogger(__name__)
Embedder = Callable[[str], list[float]]
EMBEDDER = "use"            # the embedder name in config/index_settings.yaml (userProvided vectors)
SEMANTIC_RATIO = 0.6        # weight of the vector side in Meilisearch's hybrid ranking
# The floor (`rankingScoreThreshold`), measured by bench/semantic_threshold.py on 32 English and
# Chinese questions labelled against the demo web's 86 documents (bench/semantic_questions.json,
# bench/results/semantic_threshold.md): the best F1 of the floors 0.50–0.96, 0.46 (precision 0.42,
# recall 0.52, 7 results a question) where no floor gave 86 results a question at precision 0.07,
# and keywords alone F1 0.40 (recall 0.28, 19 of 32 questions without a result). The semantic
# ratio hardly matters (0.3–0.8: the same F1).
THRESHOLD = 0.70


@dataclass(frozen=True)
class Semantic:
    """The query's vector and the floor: what turns a planned keyword search into a semantic one."""

    vector: tuple[float, ...]
    threshold: float = THRESHOLD

    def params(self) -> dict[str, Any]:
        return {"vector": list(self.vector), "hybrid": {"embedder": EMBEDDER, "semanticRatio": SEMANTIC_RATIO},
                "rankingScoreThreshold": self.threshold}

    def apply(self, search: PlannedSearch) -> PlannedSearch:
        """The same search, hybrid, above the floor, paged so that its counts are exact."""
        params = {**search.params, **self.params()}
        if "limit" in params or "offset" in params:
            limit, offset = int(params.pop("limit", 20)), int(params.pop("offset", 0))
            params["hitsPerPage"] = limit
            params["page"] = offset // limit + 1 if limit else 1
        return replace(search, params=params)

    def apply_all(self, plan: list[PlannedSearch]) -> list[PlannedSearch]:
        return [self.apply(s) for s in plan]


def for_params(params: SearchParams, embed: Embedder | None) -> Semantic | None:
    """The semantic side of a search: None when not asked for, without words, without an embedder,
    or when the model fails (a broken model must not break keyword search; the page says so)."""
    if not (params.semantic and embed and params.q.strip()):
        return None
    try:
        vector = embed(params.q)
    except Exception:
        log.exception("embedding the query failed; searching by keywords only")
        return None
    return Semantic(tuple(float(x) for x in vector))
