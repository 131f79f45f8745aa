"""Which candidate documents a saved search matches, asked of Meilisearch.

The search's own plan (search_ui/query.build_plan: its words, filters, dates and reprint folding)
runs with one more filter, `id IN [candidates]`, so "matches" means exactly what the search page
would show. Semantic searches are matched by their keywords: a hybrid search ranks every
document it is given, so it cannot say whether one matches.
"""

from __future__ import annotations

from dataclasses import replace

from indexer.search_index.filters import all_of, any_of
from search_ui import runner
from search_ui.query import SearchParams, build_plan

# what the main search of a page asks for that a yes/no question does not need
_DISPLAY = ("attributesToHighlight", "attributesToCrop", "cropLength", "cropMarker", "highlightPreTag",
            "highlightPostTag", "sort")


def matching_ids(reader: runner.MultiSearcher, params: SearchParams, ids: list[str]) -> set[str]:
    """The ids among `ids` that the search `params` finds."""
    if not ids:
        return set()
    main = build_plan(replace(params, page=1, per_page=len(ids), semantic=False, facets=()))[0]
    asked = {k: v for k, v in main.params.items() if k not in _DISPLAY}
    asked.update(filter=all_of([asked.get("filter") or "", any_of("id", ids)]), facets=[],
                 page=1, hitsPerPage=len(ids), attributesToRetrieve=["id"])
    answer = runner.run(reader, [replace(main, params=asked)])[0]
    return {str(hit["id"]) for hit in answer.get("hits") or []}
