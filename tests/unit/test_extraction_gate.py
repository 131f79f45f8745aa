"""The extraction gate: our scores on the real-page corpus must not fall below pinned floors.

The corpus lives outside the repository (../shared/corpus/magic-html-zh) and is pinned by
sha256 in its gold.json; the floors are in tests/extraction_floors.json. Skips cleanly when
the shared folder is absent.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "magic-html-zh"
FLOORS = json.loads((REPO / "tests" / "extraction_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (CORPUS / "gold.json").exists(), reason="shared corpus not present")


def _bench():
    spec = importlib.util.spec_from_file_location("eval_extraction", REPO / "bench" / "eval_extraction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return _bench().evaluate(CORPUS, baseline=False)["gonggao"]


def test_corpus_matches_its_sha256_pins():
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    assert len(gold) >= 50
    for page_id, entry in gold.items():
        digest = hashlib.sha256((CORPUS / "html" / f"{page_id}.html").read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{page_id} changed: re-pin deliberately or restore it"


def test_every_corpus_page_has_a_date_label():
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    labels = json.loads((REPO / "tests" / "corpus_dates.json").read_text(encoding="utf-8"))
    assert set(labels) == set(gold)
    assert all(v is None or len(v) == 10 for v in labels.values())


def test_body_f1_floor(scores):
    assert scores["f1"] >= FLOORS["body_f1"], f"body F1 {scores['f1']:.3f} < floor {FLOORS['body_f1']}"


def test_date_accuracy_floor(scores):
    assert scores["date_accuracy"] >= FLOORS["date_accuracy"], (
        f"date accuracy {scores['date_accuracy']:.3f} < floor {FLOORS['date_accuracy']}; misses: {scores['misses']}"
    )


def test_title_accuracy_floor(scores):
    assert scores["title_accuracy"] >= FLOORS["title_accuracy"]
