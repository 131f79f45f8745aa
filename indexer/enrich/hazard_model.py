"""A learned second opinion on the hazard rules: per hazard, a logistic model over the text's
character n-grams and what the rules read (`hazards.HazardSignals`).

Why: the rules of `hazards.py` sit at a local optimum of their own features. Each rule read off
one set of real texts moved that set and no unread one, while their errors on unread sets (about
one tag in seven wrong or missed) are spread thinly over many wordings. A linear model trained on
every labelled real text (`bench/realsets/`, read by people who never saw our output) weighs the
same evidence the rules count, plus the words around it, and is measured on sets it never saw
(`bench/train_hazard_model.py --cv`).

What it may do is bounded so a reader can still check every tag on the document page:
- it decides only hazards the text names (a keyword, a weak word or a listed word of the taxonomy,
  so every tag keeps its evidence), and only those it has a model for (enough labelled texts);
  the others keep the rules' decision;
- a text the rules give no hazard stays without one when the text model says it is probably not
  about safety (`not_safety_threshold`), and otherwise takes one only on stronger odds
  (`untagged_threshold`): non-safety texts must stay untagged;
- a text the rules give a hazard keeps one: the rules' primary when the model would drop them all.

The model file (`indexer/enrich/data/hazard_model.npz`) holds n-gram weights, not text: its vocabulary is the
1- to 3-character strings found in at least three labelled texts.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add
from pathlib import Path

import numpy as np

from indexer.enrich.hazards import HazardSignals

HAZARD_MODEL = Path(__file__).parent / "data" / "hazard_model.npz"  # written by bench/train_hazard_model.py
MODEL_CHARS = 2000
_SPACES = re.compile(r"\s\s+")
CODE_BITS = 21  # bits per character in a gram_code: every code point is below 2**21, three fit in an int64
FORMAT = 2  # the model file's layout and features; bench/train_hazard_model.py writes it into `meta`
CODE_FEATURES = ("assigned", "primary", "keywords", "score", "weak_sentences", "weak_in_title", "focused", "school",
                 "safety_school", "passing", "answering", "title_keywords", "listed_keywords", "hits",
                 "first_body_keyword", "named", "assigned_count")
TEXT_FEATURES = ("assigned_any", "focused", "school", "safety_school", "term_score", "named_count")


def model_text(signals: HazardSignals) -> str:
    """The text the model reads: what the rules read, title first, up to MODEL_CHARS (no labelled
    text is longer: a crawled page's tail would only cost time)."""
    return f"{signals.title}\n{signals.body}"[:MODEL_CHARS]


def _normalized(text: str) -> str:
    """The text the n-grams are read from: lower-cased, a run of two white-space characters or more
    as one space (one line break stays: it is a feature)."""
    return _SPACES.sub(" ", text.lower())


def ngram_counts(text: str) -> Counter[str]:
    """Character 1- to 3-grams of the `_normalized` text, counted (the trainer picks the vocabulary
    from these)."""
    text = _normalized(text)
    pairs = list(map(add, text, text[1:]))  # map over the shifted strings: the loop runs in C
    counts = Counter(text)
    counts.update(pairs)
    counts.update(map(add, pairs, text[2:]))
    return counts


def gram_code(gram: str) -> int:
    """A 1- to 3-character string as one integer, `CODE_BITS` per character (a code point fits)."""
    code = 0
    for char in gram:
        code = (code << CODE_BITS) | ord(char)
    return code


def gram_codes(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The `_normalized` text's 1-, 2- and 3-grams as `gram_code` integers, in text order: the grams
    `ngram_counts` counts, built in numpy (a Python string per n-gram cost more than the rest of the
    model's reading)."""
    points = np.frombuffer(_normalized(text).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    pairs = (points[:-1] << CODE_BITS) | points[1:]
    return points, pairs, (pairs[:-1] << CODE_BITS) | points[2:]


def code_features(signals: HazardSignals, code: str) -> list[float]:
    """What the rules read about one hazard, as numbers, in the order of CODE_FEATURES."""
    hits = [h for h in signals.hits if h.code == code]
    keywords = [h for h in hits if h.kind == "kw"]
    in_body = [h.start for h in keywords if h.field == "body"]
    # where the first keyword stands in the body, 0 at its start and 1 past its end (none there, or a short body)
    first = min(1.0, min(in_body) / max(len(signals.body), 1)) if in_body else 1.0
    return [
        float(code in signals.assigned),
        float(code == signals.primary),
        math.log1p(signals.strong.get(code, 0)),
        math.log1p(signals.score.get(code, 0.0)),
        math.log1p(signals.weak.get(code, 0)),
        float(any(h.field == "title" and h.kind != "kw" for h in hits)),
        float(signals.focused),
        float(signals.school),
        float(signals.safety_school),
        float(code in signals.passing),
        float(code in signals.answering),
        float(sum(1 for h in keywords if h.field == "title")),
        math.log1p(sum(1 for h in keywords if h.listed)),
        math.log1p(len(hits)),
        first,
        float(code in signals.named),
        float(len(signals.assigned)),
    ]


def text_features(signals: HazardSignals) -> list[float]:
    """What the rules read about the text as a whole, for the not-about-safety model (TEXT_FEATURES)."""
    return [float(bool(signals.assigned)), float(signals.focused), float(signals.school),
            float(signals.safety_school), math.log1p(signals.term_score), float(len(signals.named))]


def candidates(signals: HazardSignals) -> set[str]:
    """The hazards the model may decide: those the text names, by any word of the taxonomy (the
    rules assign no other)."""
    return {h.code for h in signals.hits}


class Vocabulary:
    """N-gram → column, with the inverse document frequencies: a text as one l2-normalised row
    of sublinear tf-idf (1 + ln tf) × idf, as the model was trained on."""

    def __init__(self, grams: Sequence[str], idf: np.ndarray) -> None:
        self.size = len(grams)
        self.idf = idf
        # per gram length (1, 2, 3): the grams' codes, sorted for np.searchsorted, and their columns
        self._by_length: list[tuple[np.ndarray, np.ndarray]] = []
        for n in (1, 2, 3):
            columns = np.array([i for i, gram in enumerate(grams) if len(gram) == n], dtype=np.int64)
            codes = np.array([gram_code(grams[i]) for i in columns], dtype=np.int64)
            order = np.argsort(codes)
            self._by_length.append((codes[order], columns[order]))

    def row(self, text: str, dtype: type[np.floating] = np.float32) -> tuple[np.ndarray, np.ndarray]:
        """A text's non-zero columns and their values; the trainer builds its matrix from these
        rows too, in float64 as it fits (a model is sensitive to that: in float32 its weights moved
        enough to flip 11 tags in 4,718 texts)."""
        index, tfs = [], []
        for (codes, columns), grams in zip(self._by_length, gram_codes(text), strict=True):
            if not len(codes) or not len(grams):
                continue
            found, counts = np.unique(grams, return_counts=True)
            at = np.minimum(np.searchsorted(codes, found), len(codes) - 1)
            known = codes[at] == found
            index.append(columns[at[known]])
            tfs.append(counts[known])
        if not index:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=dtype)
        columns_found = np.concatenate(index)
        values = (1.0 + np.log(np.concatenate(tfs).astype(dtype))) * self.idf[columns_found]
        norm = float(np.linalg.norm(values))
        return columns_found, (values / norm if norm else values)


def _sigmoid(x: float) -> float:
    """The logistic function, without overflow at either end."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


@dataclass
class HazardModel:
    """Per hazard code: p = σ(word_weights[:, k] · tfidf + rule_weights[:, k] · code_features + bias[k]);
    and p(not about safety) = σ(not_safety_words · tfidf + not_safety_rules · text_features + b)."""

    codes: list[str]
    vocabulary: Vocabulary
    word_weights: np.ndarray       # (n-grams, codes)
    rule_weights: np.ndarray       # (code features, codes)
    bias: np.ndarray               # (codes,)
    not_safety_words: np.ndarray   # (n-grams,)
    not_safety_rules: np.ndarray   # (text features,)
    not_safety_bias: float
    threshold: float
    untagged_threshold: float      # a hazard added to a text the rules left untagged needs more
    not_safety_threshold: float
    modelled: frozenset[str]       # the codes with enough labelled texts; the rules decide the others
    meta: dict[str, object]

    def __post_init__(self) -> None:
        self._column = {code: k for k, code in enumerate(self.codes) if code in self.modelled}

    @classmethod
    def load(cls, path: Path) -> HazardModel:
        """The model in `path`; ValueError when the file is not one this code can read (another
        format, other features: retrain with bench/train_hazard_model.py)."""
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("format") != FORMAT or tuple(meta.get("code_features", ())) != CODE_FEATURES \
                    or tuple(meta.get("text_features", ())) != TEXT_FEATURES:
                raise ValueError(f"{path}: a hazard model of another format or other features; "
                                 "retrain it with bench/train_hazard_model.py")
            return cls(codes=[str(c) for c in z["codes"]],
                       vocabulary=Vocabulary([str(g) for g in z["grams"]], z["idf"].astype(np.float32)),
                       word_weights=z["word_weights"].astype(np.float32), rule_weights=z["rule_weights"],
                       bias=z["bias"], not_safety_words=z["not_safety_words"].astype(np.float32),
                       not_safety_rules=z["not_safety_rules"], not_safety_bias=float(z["not_safety_bias"]),
                       threshold=float(meta["threshold"]), untagged_threshold=float(meta["untagged_threshold"]),
                       not_safety_threshold=float(meta["not_safety_threshold"]),
                       modelled=frozenset(meta["modelled"]), meta=meta)

    def probabilities(self, signals: HazardSignals) -> tuple[dict[str, float], float]:
        """P(hazard) for each candidate hazard the model knows, and P(not about safety)."""
        index, values = self.vocabulary.row(model_text(signals))
        words = values @ self.word_weights[index]  # an empty row gives zeros
        probs = {}
        for code in candidates(signals):
            k = self._column.get(code)
            if k is not None:
                rules = float(np.dot(code_features(signals, code), self.rule_weights[:, k]))
                probs[code] = _sigmoid(float(words[k]) + rules + float(self.bias[k]))
        text = float(values @ self.not_safety_words[index])
        not_safety = _sigmoid(text + float(np.dot(text_features(signals), self.not_safety_rules)) + self.not_safety_bias)
        return probs, not_safety

    def revise(self, signals: HazardSignals) -> list[str]:
        """The hazards after the model's reading (the codes it has no model for, a code of a taxonomy
        newer than the model's included, keep the rules' decision)."""
        if not signals.hits:
            return list(signals.assigned)  # no word of the taxonomy: nothing to decide
        probs, not_safety = self.probabilities(signals)
        if not signals.assigned and not_safety > self.not_safety_threshold:
            return []
        threshold = self.threshold if signals.assigned else self.untagged_threshold
        chosen = {code for code, p in probs.items() if p > threshold}
        chosen |= {code for code in signals.assigned if code not in self.modelled}
        if not chosen and signals.primary:
            # it revises which hazards a text the rules tagged is about, not whether it is about one:
            # an incident report naming its hazard once keeps it (cross-validated: 11 tags right more, 2 wrong)
            chosen = {signals.primary}
        return sorted(chosen)  # tag_hazards puts them in the taxonomy's order
