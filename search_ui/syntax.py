"""The search box language → Meilisearch query strings. Pure: no I/O.

    校园 安全            plain words: every word must match (matchingStrategy "all")
    "安全工作会议"        an exact phrase (Meilisearch phrase search)
    -汉阴县  -"专项检查"   exclusions (Meilisearch's negative operator)
    防溺水 OR 溺水        alternatives; `|` works too. OR binds tighter than the space between
                         words, as in web search engines: `a b OR c d` means a AND (b OR c) AND d

Meilisearch has no OR inside one query, so the alternatives are expanded into separate query
strings (`a b d`, `a c d`) and run as ONE federated multi-search, which merges their hits
without duplicates and counts facets over the union (measured on 1.21). At most
MAX_ALTERNATIVES combinations; more is a BadRequest that says so.

A negated word is always sent as a negated phrase: Meilisearch negates only the first segment
of an unquoted word, and jieba splits 汉阴县 into 汉阴 + 县, so `-汉阴县` would have meant
"not 汉阴, but 县".

Traditional and Simplified: the whole query is converted with OpenCC t2s first; matching runs
on the Simplified shadow fields.

Meilisearch uses only the first 10 words of a query and drops the rest silently. We cannot
run its segmenter (charabia/jieba) here, so we estimate: a run of Latin letters or digits is
one word, a run of Chinese characters counts ceil(n/2) words (jieba's words are mostly two
characters). Whole terms past the budget are left out of the query and reported in `dropped`,
so the page can say which words were used.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field

from config.errors import BadInput
from indexer.text.chinese import to_simplified

MAX_WORDS = 10
MAX_ALTERNATIVES = 8
OR_TOKENS = frozenset({"OR", "|", "或"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "＂": '"', "－": "-", "　": " ", "｜": "|"})
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_OTHER_RUN = re.compile(r"[^\s\u3400-\u9fff\uf900-\ufaff\W_]+|[0-9]+", re.UNICODE)


class QuerySyntaxError(BadInput):
    """A query we cannot run as written; the message says why."""


@dataclass(frozen=True)
class Term:
    text: str                 # Simplified, as sent to Meilisearch
    phrase: bool = False
    negated: bool = False

    def render(self) -> str:
        if self.negated:
            return f'-"{self.text}"'
        return f'"{self.text}"' if self.phrase else self.text

    def display(self) -> str:
        return ("-" if self.negated else "") + (f'"{self.text}"' if self.phrase else self.text)


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Term, ...], ...] = ()    # AND of groups; each group: OR of its terms
    excluded: tuple[Term, ...] = ()
    dropped: tuple[str, ...] = ()               # terms left out: past Meilisearch's word limit
    estimated_words: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The Meilisearch query strings to run (one, unless the query holds OR)."""
        if not self.groups and not self.excluded:
            return ("",)
        tail = [t.render() for t in self.excluded]
        combos = itertools.product(*self.groups) if self.groups else [()]
        return tuple(" ".join([t.render() for t in combo] + tail) for combo in combos)

    @property
    def used(self) -> tuple[str, ...]:
        """The terms that reach Meilisearch, for the page to show."""
        out = [" OR ".join(t.display() for t in group) for group in self.groups]
        return tuple(out + [t.display() for t in self.excluded])

    @property
    def positive_terms(self) -> tuple[str, ...]:
        """Every word or phrase a matching document may contain (for highlighting)."""
        return tuple(dict.fromkeys(t.text for group in self.groups for t in group))

    @property
    def has_or(self) -> bool:
        return any(len(g) > 1 for g in self.groups)

    @property
    def only_exclusions(self) -> bool:
        return bool(self.excluded) and not self.groups


def estimate_words(text: str) -> int:
    cjk = sum(math.ceil(len(run) / 2) for run in _CJK_RUN.findall(text))
    other = len(_OTHER_RUN.findall(_CJK_RUN.sub(" ", text)))
    return max(1, cjk + other) if text.strip() else 0


def tokenize(q: str) -> list[Term | str]:
    """Terms, and the string "OR" where an OR operator stands."""
    out: list[Term | str] = []
    for m in _TOKEN.finditer(q.translate(_QUOTES)):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None:
            if word in OR_TOKENS:
                out.append("OR")
                continue
            negated = word.startswith("-") and len(word) > 1
            text = word[1:] if negated else word
            text = text.strip('"')
            if text and text != "-":
                out.append(Term(text, phrase=False, negated=negated))
        else:
            text = " ".join(phrase.split())
            if text:
                out.append(Term(text, phrase=True, negated=bool(neg)))
    return out


def split_query(q: str) -> tuple[list[list[Term]], list[Term]]:
    """The query (Simplified) as its AND-ed groups of OR-ed terms, and its excluded terms, in the
    order typed; every term, before the word budget."""
    tokens = tokenize(to_simplified(q or "").strip())
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for tok in tokens:
        if tok == "OR":
            join_next = bool(groups)
            continue
        assert isinstance(tok, Term)
        if tok.negated:
            if tok not in excluded:
                excluded.append(tok)
            join_next = False
            continue
        if join_next and groups:
            if tok not in groups[-1]:
                groups[-1].append(tok)
        else:
            groups.append([tok])
        join_next = False
    return groups, excluded


def render_groups(groups: list[list[Term]], excluded: list[Term]) -> str:
    """The query text of these groups and exclusions: `split_query` reads it back the same."""
    return " ".join([" OR ".join(t.display() for t in group) for group in groups] + [t.display() for t in excluded])


def parse_query(q: str) -> ParsedQuery:
    groups, excluded = split_query(q)

    # the word budget, spent in the order the user typed; an excluded term is a group of one
    used_groups: list[list[Term]] = []
    used_excl: list[Term] = []
    dropped: list[str] = []
    notes: list[str] = []
    spent = 0
    ordered = [(False, g) for g in groups] + [(True, [t]) for t in excluded]
    for is_excluded, terms in ordered:
        cost = max(estimate_words(t.text) for t in terms)
        if spent + cost > MAX_WORDS and (used_groups or used_excl):
            dropped += [t.display() for t in terms]
            continue
        if cost > MAX_WORDS:
            notes.append("long_term")
        spent += cost
        if is_excluded:
            used_excl.append(terms[0])
        else:
            used_groups.append(terms)
    combos = math.prod([len(g) for g in used_groups]) if used_groups else 1
    if combos > MAX_ALTERNATIVES:
        raise QuerySyntaxError(
            f"the query's OR operators make {combos} combinations; at most {MAX_ALTERNATIVES} are searched — "
            "use fewer OR, or split the search")
    return ParsedQuery(
        groups=tuple(tuple(g) for g in used_groups),
        excluded=tuple(used_excl),
        dropped=tuple(dropped),
        estimated_words=spent,
        notes=tuple(notes),
    )
