"""When a search finds nothing: the searches next to it. Pure: it names them, the service counts them
(one multi-search of counts, only for a page without results).

- every active filter, and the count without it: which filter excluded everything;
- the query with one of its words left out (for two words or more), the words without any filter
  (for two filters or more; with one, that is the filter's own line), and the filters without
  the words: the nearest searches that find something.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from search_ui.query import SearchParams
from search_ui.syntax import render_groups, split_query

MAX_WORDS_LEFT_OUT = 8      # words tried one at a time; each is one more count
RelaxKind = Literal["filter", "word", "filters", "words"]


@dataclass(frozen=True)
class Relaxed:
    kind: RelaxKind
    what: str                    # the filter's parameter ("region", "date", "in"…) or the word left out
    params: SearchParams
    total: int = 0


def active_filters(p: SearchParams) -> list[str]:
    """The filter groups of a search: facet parameters, then "date" and "in" when set."""
    out = [f.param for f in p.registry if p.values(f.param)]
    if p.date_from or p.date_to or p.date_preset:
        out.append("date")
    if p.search_in:
        out.append("in")
    return out


def without_filter(p: SearchParams, group: str) -> SearchParams:
    if group == "date":
        return replace(p, date_from=None, date_to=None, date_preset="", page=1)
    if group == "in":
        return replace(p, search_in="", page=1)
    return replace(p.with_values(group, ()), match_all=p.match_all - {group})


def relaxations(p: SearchParams) -> list[Relaxed]:
    filters = active_filters(p)
    out = [Relaxed("filter", group, without_filter(p, group)) for group in filters]
    groups, excluded = split_query(p.q)
    terms = len(groups) + len(excluded)
    if terms > 1:
        for i, group in enumerate(groups[:MAX_WORDS_LEFT_OUT]):
            word = render_groups([group], [])
            out.append(Relaxed("word", word, replace(p, q=render_groups(groups[:i] + groups[i + 1:], excluded), page=1)))
        for j, term in enumerate(excluded[:max(0, MAX_WORDS_LEFT_OUT - len(groups))]):
            out.append(Relaxed("word", term.display(), replace(p, q=render_groups(groups, excluded[:j] + excluded[j + 1:]), page=1)))
    if len(filters) > 1:
        bare = p
        for name in filters:
            bare = without_filter(bare, name)
        out.append(Relaxed("filters", "", bare))
    if p.q and filters:
        out.append(Relaxed("words", "", replace(p, q="", page=1)))
    return out


def nearest(found: list[Relaxed], limit: int = 5) -> list[Relaxed]:
    """The searches that find something, nearest first: one word left out, then all the filters,
    then all the words; within a kind, most results first."""
    order = {"word": 0, "filters": 1, "words": 2}
    ranked = sorted((r for r in found if r.kind in order and r.total), key=lambda r: (order[r.kind], -r.total))
    unique = {r.params.query_string(): r for r in reversed(ranked)}        # the first of equal searches
    return sorted(unique.values(), key=ranked.index)[:limit]
