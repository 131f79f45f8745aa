"""The names query understanding reads with (search_ui/understand.py): places from the gazetteer of
indexer/enrich, hazard words from the hazard taxonomy (config/hazards.yaml).

The gazetteer is the indexer's own (`Gazetteer.default()`, built once per process), read only
through its lookup API: `find` (every name in a text, with the divisions it can be and the kind
of name) and `divisions`. So a place typed in the box is the same place the indexer gives a
document, by the same names: full names, short forms, aliases and former names, in Simplified
(the query is converted before it is read); and the provinces and the cities search_ui/region_names.py
writes in English (Shaanxi, Henan, Xi'an). Kinds that are not a place by themselves are left out:
generic zone words (开发区), and the township, institution and other kinds the gazetteer may add.

Hazard words: each hazard's zh and en labels (the English ones also by their parts: "Fraud and
scams" → fraud, scams; "Fire safety" → fire) and, when given, the taxonomy's keywords (溺水,
消防…). A catch-all label (其他 / Other) is an everyday word, not a hazard name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.text.chinese import to_simplified
from search_ui.parsing import REGION_SEPARATOR
from search_ui.region_names import PLACES, PROVINCES
from search_ui.understand import Lexicon, Place

if TYPE_CHECKING:
    from indexer.enrich.gazetteer import GazetteerData, NameEntry

PLACE_KINDS = frozenset({"full", "short", "alias", "former", "zone"})


def _english_names() -> dict[str, str]:
    """English name (lower case) → the Chinese name the gazetteer knows: the provinces and the
    places search_ui/region_names.py writes in English (capitals, 朝阳 Chaoyang), "Tibet (Xizang)"
    also as tibet and xizang."""
    out: dict[str, str] = {}
    for chinese, english in [*PROVINCES.items(), *PLACES.items()]:
        for name in (english, *english.replace(")", "").split(" (")):
            out.setdefault(name.lower(), chinese)
    return out


ENGLISH_NAMES = _english_names()
_ENGLISH = re.compile("|".join(rf"(?<![a-z']){re.escape(n)}(?![a-z'])" for n in sorted(ENGLISH_NAMES, key=len, reverse=True)))
CATCH_ALL_LABELS = frozenset({"其他", "other"})
_EN_PARTS = re.compile(r"\s+and\s+|[,()]")
_EN_TAIL = " safety"


def gazetteer_places(data: GazetteerData | None = None) -> Callable[[str], list[tuple[int, int, tuple[Place, ...]]]]:
    """`Lexicon.places` over the gazetteer data (default: the indexer's, built once per process)."""
    if data is None:
        from indexer.enrich.regions import Gazetteer

        data = Gazetteer.default().data
    g = data
    paths: dict[str, Place | None] = {}

    def place(code: str) -> Place | None:
        if code not in paths:
            division = g.divisions.get(code)
            if division is None:
                paths[code] = None
            else:
                # a development zone is filed under its city in the index (indexer/enrich/regions.py)
                names = [g.divisions[c].name for c in division.chain() if c not in g.zones]
                paths[code] = Place(REGION_SEPARATOR.join(names), len(names) - 1) if names else None
        return paths[code]

    def of(entries: Iterable[NameEntry]) -> tuple[Place, ...]:
        return tuple(dict.fromkeys(p for e in entries if e.kind in PLACE_KINDS and (p := place(e.code))))

    def places(text: str) -> list[tuple[int, int, tuple[Place, ...]]]:
        out = []
        for start, end, _name, entries in g.find(text):
            if found := of(entries):
                out.append((start, end, found))
        if text.isascii():
            for m in _ENGLISH.finditer(text.lower()):
                if found := of(g.lookup(ENGLISH_NAMES[m.group(0)])):
                    out.append((m.start(), m.end(), found))
        return out

    return places


def hazard_words(labels: Mapping[str, Mapping[str, str]],
                 keywords: Mapping[str, Iterable[str]] | None = None) -> dict[str, tuple[str, ...]]:
    """word (Simplified, lower case) → the hazard codes it names."""
    words: dict[str, list[str]] = {}

    def add(word: str, code: str) -> None:
        word = " ".join(to_simplified(word).lower().split())
        if len(word) >= 2 and word not in CATCH_ALL_LABELS and code not in words.setdefault(word, []):
            words[word].append(code)

    for code, names in labels.items():
        for lang, label in names.items():
            if label.lower() in CATCH_ALL_LABELS:
                continue
            add(label, code)
            if lang == "en":
                for part in filter(None, (p.strip() for p in _EN_PARTS.split(label))):
                    add(part, code)
                    add(part.lower().removesuffix(_EN_TAIL), code)
    for code, listed in (keywords or {}).items():
        for word in listed:
            add(word, code)
    return {w: tuple(codes) for w, codes in words.items()}


def taxonomy_keywords(path: Path) -> dict[str, list[str]]:
    """hazard code → its keywords, from the taxonomy file (config/hazards.yaml)."""
    from config.hazards import load_taxonomy

    return {h.code: list(h.keywords) for h in load_taxonomy(path).hazards}


def build_lexicon(labels: Mapping[str, Mapping[str, str]], keywords: Mapping[str, Iterable[str]] | None = None,
                  gazetteer: GazetteerData | None = None) -> Lexicon:
    return Lexicon(places=gazetteer_places(gazetteer), hazards=hazard_words(labels, keywords))
