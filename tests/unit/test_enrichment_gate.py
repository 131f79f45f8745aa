"""The enrichment gate: our scores on the labelled set must not fall below pinned floors.

The labelled set is tests/enrichment/labels.json with its pages in tests/enrichment/pages; the
floors are in tests/enrichment_floors.json; bench/eval_enrichment.py computes the scores.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "tests" / "enrichment_floors.json").read_text(encoding="utf-8"))
LABELS = json.loads((REPO / "tests" / "enrichment" / "labels.json").read_text(encoding="utf-8"))
FIELDS = ("province", "city", "county", "hazards", "primary_hazard", "safety_related", "issuer_level", "event_type")
EVENT_TYPES = {"meeting", "inspection", "drill", "training", "notice", "report"}
LEVELS = {"national", "province", "city", "county", "township", "school", None}


def _bench():
    spec = importlib.util.spec_from_file_location("eval_enrichment", REPO / "bench" / "eval_enrichment.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict:
    return _bench().evaluate(rounds=0)


def test_the_labelled_set_is_complete_and_well_formed():
    from config.hazards import load_taxonomy
    from config.settings import CONFIG_DIR

    codes = {h.code for h in load_taxonomy(CONFIG_DIR / "hazards.yaml").hazards}
    docs = LABELS["documents"]
    assert len(docs) >= 60
    assert len({d["id"] for d in docs}) == len(docs)
    for doc in docs:
        assert (REPO / "tests" / "enrichment" / "pages" / doc["file"]).is_file(), doc["id"]
        assert doc["source"] in LABELS["sources"], doc["id"]
        assert all(name in doc for name in FIELDS), doc["id"]
        assert set(doc["hazards"]) <= codes, doc["id"]
        assert doc["primary_hazard"] is None or doc["primary_hazard"] in doc["hazards"], doc["id"]
        assert doc["safety_related"] or not doc["hazards"], doc["id"]
        assert doc["event_type"] in EVENT_TYPES and doc["issuer_level"] in LEVELS, doc["id"]


@pytest.mark.parametrize("name", ["province_accuracy", "city_accuracy", "county_accuracy", "hazard_micro_f1",
                                  "safety_related_accuracy", "issuer_level_accuracy", "event_type_accuracy",
                                  "cluster_purity"])
def test_score_floor(scores, name):
    misses = [m for m in scores["misses"] if f" {name.split('_')[0]}" in m]
    assert scores[name] >= FLOORS[name], f"{name} {scores[name]:.3f} < floor {FLOORS[name]}; misses: {misses}"


def test_no_safety_unrelated_document_gets_a_hazard(scores):
    assert scores["non_safety_with_hazard"] <= FLOORS["non_safety_with_hazard_max"], scores["misses"]
