"""Train the hazard re-scorer (`indexer/enrich/hazard_model.py`) on the labelled real sets, and
measure it on sets it never saw.

    pip install -r requirements-train.lock        # scikit-learn, for training only
    python bench/train_hazard_model.py --cv       # grouped cross-validation: rules vs model, per group of sets
    python bench/train_hazard_model.py            # train on every set, write indexer/enrich/data/hazard_model.npz

The examples are `bench/realsets/freshN.labels.jsonl` whose texts were gathered into
`data/freshN/texts.jsonl` (git-ignored; see bench/realsets/GATHERING.md). Each text goes through
the same path as `bench/eval_enrichment.py` (a minimal page, extraction, the rules); the model
learns from what the rules read. The devset (`../shared/devset`) is never trained on, so
`bench/eval_enrichment.py` stays a measure on texts the model never saw.

Cross-validation holds out whole sets (five folds of sets, `sets[i::5]`), since the texts of one
set share a reader and a search theme: a model must carry to a set of new readers and themes.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_enrichment import IGNORED_HAZARDS  # noqa: E402

from indexer.enrich.hazard_model import (  # noqa: E402
    CODE_FEATURES,
    FORMAT,
    TEXT_FEATURES,
    Vocabulary,
    code_features,
    model_text,
    ngram_counts,
    text_features,
)
from indexer.enrich.hazards import HazardSignals, tag_hazards  # noqa: E402

OUT = ROOT / "indexer/enrich/data/hazard_model.npz"
VOCABULARY_SIZE = 50_000
MIN_TEXTS = 3              # an n-gram of fewer labelled texts is no feature (and no trace of one text)
C = 4.0                    # inverse L2 strength; 1 and 16 measured within 0.005 F1 of it
RULE_SCALE = 3.0           # the rules' features against one l2-normalised tf-idf row
MIN_POSITIVES = 5          # fewer labelled texts with a hazard: the rules keep deciding it
THRESHOLD = 0.4
UNTAGGED_THRESHOLD = 0.5   # adding to a text the rules left untagged: the move that tags non-safety texts
NOT_SAFETY_THRESHOLD = 0.2
FOLDS = 5
# texts of our own whose probabilities the trainer writes into the model's meta: the tests check that the
# numpy reader gives the same (tests/unit/test_hazard_model.py)
REFERENCE_TEXTS = (
    ("关于做好暑期学生防溺水和交通安全工作的通知",
     "各中小学校：暑假将至，为切实保障学生假期安全，现就有关事项通知如下。一、加强防溺水教育，严防学生私自下水游泳，"
     "开展家访，落实家长监护责任。二、加强交通安全教育，教育学生不乘坐无牌无证车辆和超员车辆。三、各校要在放假前开展一次安全隐患排查。"),
    ("我县举办第十届中小学生运动会",
     "十月二十日，我县第十届中小学生运动会在县体育场开幕。来自全县四十所学校的一千二百名运动员参加了田径、篮球、跳绳等"
     "十二个项目的比赛。开幕式上，县教育局负责同志致辞，希望运动员赛出风格、赛出水平。本届运动会为期三天。"),
    ("学校食堂食品安全和消防安全检查通报",
     "近日，区市场监管局联合消防救援大队对辖区学校食堂开展检查，重点查看食品原料进货查验、留样记录和燃气管道、"
     "灭火器配置情况，发现问题十二处，已责令限期整改。"),
)
JOBS = 2                   # hazards fitted at once (lbfgs releases the GIL)


@dataclass
class Example:
    set_name: str
    text_id: str
    signals: HazardSignals
    hazards: frozenset[str]
    negative: bool


def examples(sets: list[str]) -> list[Example]:
    """Every labelled text of the sets whose texts are present, as the rules read it."""
    from eval_enrichment import load_devset, page_of

    from indexer.ingest import Enrichers, NotAnArticle, ingest_html

    enrichers = Enrichers(hazard_model_path=None)  # the rules alone: the model learns from what they read
    out: list[Example] = []
    for name in sets:
        labels, texts = load_devset(ROOT / "bench/realsets" / f"{name}.labels.jsonl", ROOT / "data" / name / "texts.jsonl")
        for label in labels:
            if label["id"] not in texts:
                continue
            try:
                doc = ingest_html(page_of(texts[label["id"]]), f"file:///{name}/{label['id']}.html", None, enrichers)[0]
            except NotAnArticle:
                continue
            signals = tag_hazards(doc.title_search, doc.body_search, enrichers.taxonomy).signals
            assert signals is not None
            out.append(Example(name, label["id"], signals, frozenset(label.get("hazards") or ()),
                               bool(label.get("negative"))))
        print(f"{name}: {sum(1 for e in out if e.set_name == name)} texts", file=sys.stderr)
    return out


def vocabulary(texts: list[Counter[str]]) -> tuple[list[str], np.ndarray]:
    """The VOCABULARY_SIZE most frequent n-grams found in MIN_TEXTS texts or more, and their smoothed idf."""
    df: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for counts in texts:
        df.update(counts.keys())
        total.update(counts)
    kept = sorted((g for g, n in df.items() if n >= MIN_TEXTS), key=lambda g: (-total[g], g))[:VOCABULARY_SIZE]
    idf = np.array([math.log((1 + len(texts)) / (1 + df[g])) + 1 for g in kept], dtype=np.float32)
    return kept, idf


def tfidf(texts: list[str], grams: list[str], idf: np.ndarray):  # -> scipy.sparse.csr_matrix
    """The texts' rows as the model's reader builds them (`Vocabulary.row`), as one matrix."""
    from scipy.sparse import csr_matrix

    vocabulary = Vocabulary(grams, idf)
    rows = [vocabulary.row(text, np.float64) for text in texts]
    indptr = np.cumsum([0] + [len(index) for index, _ in rows])
    indices = np.concatenate([index for index, _ in rows])
    data = np.concatenate([values for _, values in rows])
    return csr_matrix((data, indices, indptr), shape=(len(texts), len(grams)))


class Fitted:
    """The per-hazard and not-about-safety models fitted on some examples."""

    def __init__(self, train: list[Example], codes: list[str]) -> None:
        from joblib import Parallel, delayed
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression

        texts = [model_text(e.signals) for e in train]
        self.grams, self.idf = vocabulary([ngram_counts(text) for text in texts])
        words = tfidf(texts, self.grams, self.idf)
        self.codes = codes
        self.word_weights = np.zeros((len(self.grams), len(codes)), dtype=np.float32)
        self.rule_weights = np.zeros((len(code_features(train[0].signals, codes[0])), len(codes)), dtype=np.float32)
        self.bias = np.zeros(len(codes), dtype=np.float32)
        self.modelled: list[str] = []
        self._fits: dict[str, LogisticRegression] = {}

        def fit(code: str) -> LogisticRegression | None:
            y = np.array([code in e.hazards for e in train])
            if y.sum() < MIN_POSITIVES:
                return None
            rules = csr_matrix(np.array([code_features(e.signals, code) for e in train])) * RULE_SCALE
            return LogisticRegression(C=C, max_iter=3000).fit(hstack([words, rules]).tocsr(), y)

        for k, (code, fitted) in enumerate(zip(codes, Parallel(n_jobs=JOBS, prefer="threads")(
                delayed(fit)(code) for code in codes), strict=True)):
            if fitted is None:
                continue
            self.word_weights[:, k] = fitted.coef_[0, :len(self.grams)]
            self.rule_weights[:, k] = fitted.coef_[0, len(self.grams):] * RULE_SCALE
            self.bias[k] = fitted.intercept_[0]
            self.modelled.append(code)
            self._fits[code] = fitted
        rules = csr_matrix(np.array([text_features(e.signals) for e in train])) * RULE_SCALE
        negative = LogisticRegression(C=C, max_iter=3000).fit(hstack([words, rules]).tocsr(),
                                                                np.array([e.negative for e in train]))
        self.not_safety_words = negative.coef_[0, :len(self.grams)].astype(np.float32)
        self.not_safety_rules = (negative.coef_[0, len(self.grams):] * RULE_SCALE).astype(np.float32)
        self.not_safety_bias = float(negative.intercept_[0])
        self._not_safety = negative

    def reference(self, taxonomy) -> list[dict[str, object]]:
        """scikit-learn's own probabilities for REFERENCE_TEXTS, features built the training way."""
        from scipy.sparse import csr_matrix, hstack

        out = []
        for title, body in REFERENCE_TEXTS:
            signals = tag_hazards(title, body, taxonomy).signals
            assert signals is not None
            words = tfidf([model_text(signals)], self.grams, self.idf)
            probs = {}
            for code, fitted in self._fits.items():
                rules = csr_matrix(np.array([code_features(signals, code)])) * RULE_SCALE
                probs[code] = float(fitted.predict_proba(hstack([words, rules]).tocsr())[0, 1])
            rules = csr_matrix(np.array([text_features(signals)])) * RULE_SCALE
            not_safety = float(self._not_safety.predict_proba(hstack([words, rules]).tocsr())[0, 1])
            out.append({"title": title, "body": body, "probabilities": probs, "not_safety": not_safety})
        return out

    def save(self, path: Path, meta: dict[str, object]) -> None:
        meta = {**meta, "format": FORMAT, "code_features": list(CODE_FEATURES), "text_features": list(TEXT_FEATURES),
                "threshold": THRESHOLD, "untagged_threshold": UNTAGGED_THRESHOLD,
                "not_safety_threshold": NOT_SAFETY_THRESHOLD, "modelled": self.modelled}
        np.savez_compressed(path, codes=np.array(self.codes), grams=np.array(self.grams), idf=self.idf,
                            word_weights=self.word_weights.astype(np.float16), rule_weights=self.rule_weights,
                            bias=self.bias, not_safety_words=self.not_safety_words.astype(np.float16),
                            not_safety_rules=self.not_safety_rules, not_safety_bias=np.float32(self.not_safety_bias),
                            meta=np.array(json.dumps(meta, ensure_ascii=False)))


def _scores(pairs: list[tuple[Example, list[str]]]) -> tuple[int, int, int, int]:
    """(right tags, wrong tags, missed tags) over the texts about safety, `other` left out as
    bench/eval_enrichment.py does; non-safety texts tagged."""
    tp = fp = fn = negatives = 0
    for example, tags in pairs:
        if example.negative:
            negatives += bool(tags)
            continue
        gold, got = example.hazards - IGNORED_HAZARDS, set(tags) - IGNORED_HAZARDS
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    return tp, fp, fn, negatives


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def cross_validate(data: list[Example], codes: list[str]) -> None:
    """Hold out each fifth of the sets in turn; print the rules against the model on the held-out sets."""
    from indexer.enrich.hazard_model import HazardModel

    sets = sorted({e.set_name for e in data}, key=lambda s: int(s.removeprefix("fresh")))
    revised: dict[int, list[str]] = {}
    scratch = tempfile.TemporaryDirectory(prefix="gonggao-cv-")
    for i in range(FOLDS):
        held = set(sets[i::FOLDS])
        fitted = Fitted([e for e in data if e.set_name not in held], codes)
        path = Path(scratch.name) / f"fold{i}.npz"
        fitted.save(path, {})
        model = HazardModel.load(path)
        for j, e in enumerate(data):
            if e.set_name in held:
                revised[j] = model.revise(e.signals)
        print(f"fold {i + 1}/{FOLDS} done", file=sys.stderr)
    scratch.cleanup()
    groups = {"every set": sets, "the newest five": sets[-5:], "the newest": sets[-1:]}
    print("| sets held out | texts | rules F1 (P / R), non-safety tagged | model F1 (P / R), non-safety tagged |")
    print("|---|---|---|---|")
    for label, names in groups.items():
        chosen = [(j, e) for j, e in enumerate(data) if e.set_name in names]
        cells = []
        for tags in ([list(e.signals.assigned) for _, e in chosen], [revised[j] for j, _ in chosen]):
            tp, fp, fn, neg = _scores([(e, t) for (_, e), t in zip(chosen, tags, strict=True)])
            cells.append(f"{_f1(tp, fp, fn):.3f} ({tp / max(1, tp + fp):.3f} / {tp / max(1, tp + fn):.3f}), {neg}")
        print(f"| {label} ({', '.join(names) if len(names) <= 5 else f'{len(names)} sets'}) | {len(chosen)} | "
              f"{cells[0]} | {cells[1]} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="cross-validate over the sets instead of writing the model")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--hold-out", action="append", default=[], metavar="SET",
                        help="a set to leave out of training and cross-validation (a new set kept for its first, "
                             "unseen measure), e.g. fresh47; repeatable")
    args = parser.parse_args(argv)
    from indexer.ingest import Enrichers

    sets = sorted((p.name.removesuffix(".labels.jsonl") for p in (ROOT / "bench/realsets").glob("fresh*.labels.jsonl")
                   if (ROOT / "data" / p.name.removesuffix(".labels.jsonl") / "texts.jsonl").exists()),
                  key=lambda s: int(s.removeprefix("fresh")))
    sets = [name for name in sets if name not in args.hold_out]
    if not sets:
        print("train_hazard_model: no gathered texts under data/freshN/ (see bench/realsets/GATHERING.md)",
              file=sys.stderr)
        return 2
    codes = [h.code for h in Enrichers().taxonomy.hazards]
    started = time.perf_counter()
    data = examples(sets)
    if args.cv:
        cross_validate(data, codes)
        return 0
    fitted = Fitted(data, codes)
    fitted.save(args.out, {"trained": date.today().isoformat(), "sets": sets, "texts": len(data),
                           "vocabulary": len(fitted.grams), "C": C, "rule_scale": RULE_SCALE,
                           "reference": fitted.reference(Enrichers().taxonomy)})
    print(f"wrote {args.out}: {len(data)} texts of {len(sets)} sets, "
          f"{len(fitted.grams)} n-grams, {len(fitted.modelled)} of {len(codes)} hazards modelled, "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
