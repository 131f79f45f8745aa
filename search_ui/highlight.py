"""Highlighted, HTML-safe titles and snippets in the ORIGINAL script. Pure functions.

Crawled text is never trusted as HTML. Meilisearch marks matches with private-use
placeholder characters (query.PRE_TAG / POST_TAG); we escape the whole text first and only
then turn placeholders into <mark> elements, balanced, so the output holds no markup but
<mark>.

Matching runs on the Simplified shadow fields (title_search/body_search), so a Traditional
original (校園) is not highlighted by Meilisearch when the query is 校园. Then we look for the
query's terms in the Simplified form of the original and, when it is character-aligned with the
original (OpenCC t2s is almost always one character for one), mark the same characters there.
(Meilisearch's `_matchesPosition` would give the shadow's match positions, but asking for it
cost a third of the result search's time at 1M documents: bench/load_search.py.)
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from indexer.text.chinese import to_simplified
from search_ui.query import POST_TAG, PRE_TAG

SNIPPET_CHARS = 160
CONTEXT_BEFORE = 40
MAX_SPANS = 50
_WS = re.compile(r"\s")


def render_marked(text: str) -> Markup:
    """Text with placeholder tags → escaped HTML with balanced <mark>…</mark>."""
    out: list[str] = []
    open_ = False
    for piece in re.split(f"([{PRE_TAG}{POST_TAG}])", text):
        if piece == PRE_TAG:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == POST_TAG:
            if open_:
                out.append("</mark>")
                open_ = False
        elif piece:
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


def mark_spans(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> Markup:
    """Escape text[start:end] and wrap the given character spans in <mark>."""
    end = len(text) if end is None else end
    clean = text.replace(PRE_TAG, " ").replace(POST_TAG, " ")
    out: list[str] = []
    pos = start
    for s, e in spans:
        s, e = max(s, pos), min(e, end)
        if s >= e:
            continue
        out.append(str(escape(clean[pos:s])))
        out.append("<mark>" + str(escape(clean[s:e])) + "</mark>")
        pos = e
    out.append(str(escape(clean[pos:end])))
    return Markup("".join(out))


def title_html(hit: dict[str, Any], terms: tuple[str, ...] = ()) -> Markup:
    """The title, matches marked: Meilisearch's marks, else the query's `terms` found in it."""
    formatted = (hit.get("_formatted") or {}).get("title") or ""
    if PRE_TAG in formatted:
        return render_marked(formatted)
    title = hit.get("title") or ""
    return mark_spans(title, term_spans(title, terms))


def snippet_html(hit: dict[str, Any], terms: tuple[str, ...] = ()) -> Markup:
    """A short passage of the body around the first match, matches marked."""
    formatted = (hit.get("_formatted") or {}).get("body") or ""
    if PRE_TAG in formatted:
        return render_marked(_WS.sub(" ", formatted))
    body = _WS.sub(" ", hit.get("body") or "")          # 1:1, keeps offsets
    spans = term_spans(body, terms)
    if spans:
        start = max(0, spans[0][0] - CONTEXT_BEFORE)
        end = min(len(body), start + SNIPPET_CHARS)
        html = mark_spans(body, spans, start, end)
        return Markup((("…" if start else "") + html) + ("…" if end < len(body) else ""))
    text = hit.get("lead") or body
    text = _WS.sub(" ", text)
    cut = text[:SNIPPET_CHARS]
    return mark_spans(cut, []) + ("…" if len(text) > SNIPPET_CHARS else "")


def term_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Character spans of the query's terms in `text`, merged, at most MAX_SPANS. Matching runs on
    the Simplified form of both when the text's is character-aligned, so a Traditional text is
    marked for a Simplified query (and the other way round)."""
    if not terms:
        return []
    simplified = to_simplified(text)
    haystack = simplified if len(simplified) == len(text) else text
    spans: list[tuple[int, int]] = []
    for term in {to_simplified(t) for t in terms if t}:
        start = haystack.find(term)
        while start >= 0 and len(spans) < MAX_SPANS:
            spans.append((start, start + len(term)))
            start = haystack.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def mark_terms(text: str, terms: tuple[str, ...]) -> Markup:
    """Escape `text` and mark every occurrence of the query terms (see term_spans)."""
    return mark_spans(text, term_spans(text, terms))
