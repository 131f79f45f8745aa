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
scams" → fraud, scams; "Fire safety" → fire) and, when given, the taxonomy's keywords: those
that share a part of the label name the hazard (溺水, 消防), the others only hint at it (校车,
地震; see `hazard_words`). A catch-all label (其他 / Other) is an everyday word, not a hazard name.
"""

from __future__ import annotations

import re
from collections import Counter
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
GENERIC_PART_LABELS = 3      # a two-character part in this many zh labels is generic (安全: in six)
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


HazardWords = dict[str, tuple[str, ...]]


def hazard_words(labels: Mapping[str, Mapping[str, str]],
                 keywords: Mapping[str, Iterable[str]] | None = None) -> tuple[HazardWords, HazardWords]:
    """(names, hints): word (Simplified, lower case) → the hazard codes it names, or hints at.

    A hazard's names are its labels and the keywords that share a part of its Chinese label
    (溺水 of 防溺水, 消防 of 消防安全, 交通事故 of 交通安全): the word names the category, so the
    category's filter can stand for it. The other keywords are narrower than the category (校车 is
    not all of traffic safety, 地震 not all natural disasters): they are hints, offered and never
    applied, so a search for 校车 stays one for 校车. A part that several labels share (安全) is
    no part of any one name."""
    names: dict[str, list[str]] = {}
    hints: dict[str, list[str]] = {}
    zh_labels = {code: to_simplified(label.get("zh", "")) for code, label in labels.items()}
    shared = Counter(pair for label in zh_labels.values() for pair in _pairs(label))
    own = {code: {p for p in _pairs(label) if shared[p] < GENERIC_PART_LABELS} for code, label in zh_labels.items()}

    def add(into: dict[str, list[str]], word: str, code: str) -> None:
        word = " ".join(to_simplified(word).lower().split())
        if len(word) >= 2 and word not in CATCH_ALL_LABELS and code not in into.setdefault(word, []):
            into[word].append(code)

    for code, label_of in labels.items():
        for lang, label in label_of.items():
            if label.lower() in CATCH_ALL_LABELS:
                continue
            add(names, label, code)
            if lang == "en":
                for part in filter(None, (p.strip() for p in _EN_PARTS.split(label))):
                    add(names, part, code)
                    add(names, part.lower().removesuffix(_EN_TAIL), code)
    for code, listed in (keywords or {}).items():
        for word in listed:
            add(names if _pairs(to_simplified(word)) & own.get(code, set()) else hints, word, code)
    return {w: tuple(c) for w, c in names.items()}, {w: tuple(c) for w, c in hints.items()}


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def taxonomy_keywords(path: Path) -> dict[str, list[str]]:
    """hazard code → its keywords, from the taxonomy file (config/hazards.yaml)."""
    from config.hazards import load_taxonomy

    return {h.code: list(h.keywords) for h in load_taxonomy(path).hazards}


def build_lexicon(labels: Mapping[str, Mapping[str, str]], keywords: Mapping[str, Iterable[str]] | None = None,
                  gazetteer: GazetteerData | None = None) -> Lexicon:
    names, hints = hazard_words(labels, keywords)
    return Lexicon(places=gazetteer_places(gazetteer), hazards=names, hazard_hints=hints)
