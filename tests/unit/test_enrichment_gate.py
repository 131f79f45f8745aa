"""The enrichment gate: our scores must not fall below pinned floors, and each floor must fail
when the rule it guards is broken.

Two labelled sets, scored by bench/eval_enrichment.py:
- the demo labels, tests/enrichment/labels.json (+ labels_regions.json when present) with their
  pages in tests/enrichment/pages: our own pages, so a regression test, not a measure;
- the devset, ../shared/devset (labels of real texts nobody here wrote): its floors apply when the
  git-ignored texts are present (data/devset/texts.jsonl); CI has no texts and skips them.
The floors are in tests/enrichment_floors.json. The mutation tests at the end break one rule
each (a hazard class removed, reprint detection off, its threshold halved, the gazetteer blind or
one alias short, primary hazard never chosen, blind to the title or its ties broken the other way,
half the labels gone) and check that the floor guarding it fails.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads((REPO / "tests" / "enrichment_floors.json").read_text(encoding="utf-8"))
LABELS = json.loads((REPO / "tests" / "enrichment" / "labels.json").read_text(encoding="utf-8"))
FIELDS = ("province", "city", "county", "hazards", "primary_hazard", "safety_related", "issuer_level", "event_type")
EVENT_TYPES = {"meeting", "inspection", "drill", "training", "notice", "report"}
LEVELS = {"national", "province", "city", "county", "township", "school", None}
DEMO_FLOORS = ("province_accuracy", "city_accuracy", "county_accuracy", "hazard_micro_f1", "primary_hazard_accuracy",
               "safety_related_accuracy", "issuer_level_accuracy", "event_type_accuracy", "cluster_purity",
               "reprint_pair_precision", "reprint_pair_recall")
DEVSET_FLOORS = ("province_accuracy", "city_accuracy", "county_accuracy", "hazard_micro_f1", "hazard_precision",
                 "primary_hazard_accuracy", "issuer_level_accuracy")


def _bench():
    module = sys.modules.get("eval_enrichment")
    if module is None:
        spec = importlib.util.spec_from_file_location("eval_enrichment", REPO / "bench" / "eval_enrichment.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
    return module


def demo_failures(scores: dict) -> list[str]:
    """Every demo floor the scores break, as readable lines."""
    out = [f"{name} {scores[name]:.3f} < floor {FLOORS[name]}" for name in DEMO_FLOORS if scores[name] < FLOORS[name]]
    if scores["non_safety_with_hazard"] > FLOORS["non_safety_with_hazard_max"]:
        out.append(f"non_safety_with_hazard {scores['non_safety_with_hazard']} > {FLOORS['non_safety_with_hazard_max']}")
    out += _class_failures(scores["per_hazard"], FLOORS["hazard_class_recall"], FLOORS["hazard_class_min_support"])
    if scores["documents"] < FLOORS["documents_min"]:
        out.append(f"documents {scores['documents']} < {FLOORS['documents_min']}")
    if scores["reprint_pairs"] < FLOORS["reprint_pairs_min"]:
        out.append(f"reprint_pairs {scores['reprint_pairs']} < {FLOORS['reprint_pairs_min']}")
    return out


def devset_failures(devset: dict) -> list[str]:
    """Every devset floor the scores break."""
    if devset["texts_found"] < FLOORS["devset_texts_min"]:
        return [f"devset texts {devset['texts_found']} < {FLOORS['devset_texts_min']} (check_texts.py says which)"]
    ours = devset["gonggao"]
    out = [f"devset {name} {ours[name]:.3f} < floor {FLOORS['devset_' + name]}"
           for name in DEVSET_FLOORS if ours[name] < FLOORS["devset_" + name]]
    if ours["negatives_with_hazard"] > FLOORS["devset_negatives_with_hazard_max"]:
        out.append(f"devset negatives given a hazard {ours['negatives_with_hazard']}")
    out += [f"devset {line}" for line in _class_failures(ours["per_hazard"], FLOORS["devset_hazard_class_recall"],
                                                          FLOORS["devset_hazard_class_min_support"])]
    return out


def _class_failures(per_hazard: dict, floor: float, min_support: int) -> list[str]:
    """Recall of every hazard class with enough labelled documents: a class that stops being found fails."""
    return [f"hazard {code} recall {recall:.3f} < floor {floor} ({support} labelled)"
            for code, (_, recall, _, support) in per_hazard.items() if support >= min_support and recall < floor]


@pytest.fixture(scope="module")
def scores() -> dict:
    return _bench().evaluate(rounds=0)


@pytest.fixture(scope="module")
def devset() -> dict:
    result = _bench().evaluate_devset(baseline=False)
    if not result["texts_found"]:
        pytest.skip(f"devset texts absent ({result['texts_path']}): devset floors not applied "
                    "(see ../shared/devset/README.md to gather them)")
    return result


def test_the_labelled_set_is_complete_and_well_formed():
    from config.hazards import load_taxonomy
    from config.settings import CONFIG_DIR

    codes = {h.code for h in load_taxonomy(CONFIG_DIR / "hazards.yaml").hazards}
    docs = LABELS["documents"]
    assert len(docs) >= FLOORS["documents_min"]
    assert len({d["id"] for d in docs}) == len(docs)
    for doc in docs:
        assert (REPO / "tests" / "enrichment" / "pages" / doc["file"]).is_file(), doc["id"]
        assert doc["source"] in LABELS["sources"], doc["id"]
        assert all(name in doc for name in FIELDS), doc["id"]
        assert set(doc["hazards"]) <= codes, doc["id"]
        primary = doc["primary_hazard"]  # one code, or the list of acceptable ones; None only without hazards
        assert (primary is None) == (not doc["hazards"]), doc["id"]
        assert primary is None or set(primary if isinstance(primary, list) else [primary]) <= set(doc["hazards"]), \
            doc["id"]
        assert doc["safety_related"] or not doc["hazards"], doc["id"]
        assert doc["event_type"] in EVENT_TYPES and doc["issuer_level"] in LEVELS, doc["id"]


def test_demo_floors(scores):
    failures = demo_failures(scores)
    assert not failures, "\n".join(failures + [m for m in scores["misses"]])


def test_devset_floors(devset):
    failures = devset_failures(devset)
    assert not failures, "\n".join(failures + devset["gonggao"]["misses"])


# -- mutations: each broken rule must turn its floor red ------------------------------------------

def _without_class(code: str):
    from config.hazards import load_taxonomy
    from config.settings import CONFIG_DIR
    from indexer.ingest import Enrichers

    taxonomy = load_taxonomy(CONFIG_DIR / "hazards.yaml")
    return Enrichers(_taxonomy=taxonomy.model_copy(update={"hazards": [h for h in taxonomy.hazards if h.code != code]}))


def test_removing_a_hazard_class_fails_the_class_recall_floor():
    scores = _bench().evaluate(rounds=0, enrichers=_without_class("building"))
    assert any(line.startswith("hazard building recall") for line in demo_failures(scores))


def test_removing_a_hazard_class_fails_the_devset_floor(devset):
    result = _bench().evaluate_devset(baseline=False, enrichers=_without_class("food_safety"))
    assert any("hazard food_safety recall" in line for line in devset_failures(result))


def _model_biased(bias: float):
    """Enrichers whose hazard model reads every hazard it decides with the given bias (far below
    zero: absent)."""
    import numpy as np

    from indexer.ingest import Enrichers

    enrichers = Enrichers()
    model = enrichers.hazard_model
    enrichers.__dict__["hazard_model"] = replace(model, bias=np.full_like(model.bias, bias))
    return enrichers


def test_a_hazard_model_reading_every_hazard_absent_fails_the_hazard_floors():
    failures = demo_failures(_bench().evaluate(rounds=0, enrichers=_model_biased(-50.0)))
    assert any(line.startswith("hazard_micro_f1") for line in failures)


def test_a_hazard_model_reading_every_hazard_absent_fails_the_devset_floor(devset):
    failures = devset_failures(_bench().evaluate_devset(baseline=False, enrichers=_model_biased(-50.0)))
    assert any(line.startswith("devset hazard_micro_f1") for line in failures)


@pytest.fixture(scope="module")
def predicted():
    return _bench().predict_set()


REGION_PAGES = [d["id"] for d in json.loads((REPO / "tests" / "enrichment" / "labels_regions.json").read_text(
    encoding="utf-8"))["documents"] if d["id"].startswith("reg")]


@pytest.mark.parametrize("page", REGION_PAGES)
def test_each_region_regression_page_resolves_to_its_place(predicted, page):
    """One by one: the floors are aggregates, which one regression page going wrong does not break."""
    docs, got = predicted
    label = next(d.labels for d in docs if d.id == page)
    doc = got[page]
    assert (doc.province, doc.city, doc.county) == (label["province"], label["city"], label["county"])


@pytest.mark.parametrize("page", REGION_PAGES)
def test_each_regression_page_has_its_hazards(predicted, page):
    """Each page shows a hazard pattern too; the aggregate hazard floors miss one page's loss."""
    docs, got = predicted
    label = next(d.labels for d in docs if d.id == page)
    assert sorted(got[page].hazards) == sorted(label["hazards"])


def test_reprint_detection_switched_off_fails_pair_recall(predicted, monkeypatch):
    from indexer import reprints

    monkeypatch.setattr(reprints.ReprintGraph, "reprints_of", lambda self, doc_id: set())
    clusters = _bench().cluster_scores(*predicted)
    assert clusters["reprint_pair_recall"] < FLOORS["reprint_pair_recall"]


def test_halving_the_reprint_threshold_fails_pair_precision(predicted, monkeypatch):
    from indexer import reprints

    monkeypatch.setattr(reprints, "THRESHOLD", reprints.THRESHOLD / 2)
    clusters = _bench().cluster_scores(*predicted)
    assert clusters["reprint_pair_precision"] < FLOORS["reprint_pair_precision"]


class _BlindGazetteer:
    """The real gazetteer shown no text and no hints: what a blank gazetteer resolves."""

    def __init__(self, real):
        self.real = real

    def resolve(self, ctx):
        return self.real.resolve(replace(ctx, title="", body="", issuer=None, site_domain=None, region_hint=None))


def _blind_enrichers():
    from indexer.ingest import Enrichers

    enrichers = Enrichers()
    enrichers.__dict__["gazetteer"] = _BlindGazetteer(enrichers.gazetteer)
    return enrichers


def test_a_blank_gazetteer_fails_the_region_floors():
    failures = demo_failures(_bench().evaluate(rounds=0, enrichers=_blind_enrichers()))
    assert {"province_accuracy", "city_accuracy", "county_accuracy"} <= {line.split()[0] for line in failures}


def test_a_blank_gazetteer_fails_the_devset_region_floors(devset):
    failures = devset_failures(_bench().evaluate_devset(baseline=False, enrichers=_blind_enrichers()))
    assert {"province_accuracy", "city_accuracy", "county_accuracy"} <= {line.split()[1] for line in failures}


class _GazetteerWithout:
    """The real gazetteer with one alias unknown: what the region floors lose without it."""

    def __init__(self, name: str):
        from indexer.enrich.gazetteer import build
        from indexer.enrich.regions import Gazetteer
        from indexer.enrich.textzones import Matcher

        data = build()
        data.names = {k: v for k, v in data.names.items() if k != name}
        data.matcher = Matcher(data.names.items())
        self.real = Gazetteer(data)

    def resolve(self, ctx):
        return self.real.resolve(ctx)


def test_one_alias_less_fails_the_devset_province_floor(devset):
    # the devset province floor sits just under the score: the two texts that write 西安's 曲江新区
    # as 曲江 (config/region_aliases.yaml) are enough to break it
    from indexer.ingest import Enrichers

    enrichers = Enrichers()
    enrichers.__dict__["gazetteer"] = _GazetteerWithout("曲江")
    failures = devset_failures(_bench().evaluate_devset(baseline=False, enrichers=enrichers))
    assert any(line.startswith("devset province_accuracy") for line in failures)


def test_never_choosing_a_primary_hazard_fails_its_floor(monkeypatch):
    from indexer.enrich import hazards

    monkeypatch.setattr(hazards, "_primary", lambda assigned, score, in_title, first: None)
    failures = demo_failures(_bench().evaluate(rounds=0))
    assert any(line.startswith("primary_hazard_accuracy") for line in failures)


def _ties_to_the_last_named(monkeypatch) -> None:
    from indexer.enrich import hazards

    real = hazards._primary
    monkeypatch.setattr(hazards, "_primary", lambda assigned, score, in_title, first: real(
        assigned, score, in_title, {code: (-a, -b) for code, (a, b) in first.items()}))


def test_ties_broken_the_other_way_fail_the_primary_floors(monkeypatch):
    _ties_to_the_last_named(monkeypatch)
    failures = demo_failures(_bench().evaluate(rounds=0))
    assert any(line.startswith("primary_hazard_accuracy") for line in failures)


def test_ties_broken_the_other_way_fail_the_devset_floor(devset, monkeypatch):
    _ties_to_the_last_named(monkeypatch)
    failures = devset_failures(_bench().evaluate_devset(baseline=False))
    assert any(line.startswith("devset primary_hazard_accuracy") for line in failures)


def test_a_title_blind_primary_fails_the_devset_floor(devset, monkeypatch):
    # primary only by score, the hazards the title names not preferred
    from indexer.enrich import hazards

    real = hazards._primary
    monkeypatch.setattr(hazards, "_primary", lambda assigned, score, in_title, first: real(assigned, score, set(), first))
    failures = devset_failures(_bench().evaluate_devset(baseline=False))
    assert any(line.startswith("devset primary_hazard_accuracy") for line in failures)


def test_an_issuer_level_blind_to_the_texts_own_jurisdiction_fails_the_devset_floor(devset, monkeypatch):
    # a text that names no issuer, left without the level it calls its own (我县, 本校)
    from indexer.enrich import issuer

    monkeypatch.setattr(issuer, "_own_level", lambda title, body, region: None)
    failures = devset_failures(_bench().evaluate_devset(baseline=False))
    assert any(line.startswith("devset issuer_level_accuracy") for line in failures)


def test_an_issuer_level_blind_to_the_texts_region_fails_the_devset_floor(devset, monkeypatch):
    # a text that names no body of its own and no jurisdiction, left without its region's level
    from indexer.enrich import issuer

    monkeypatch.setattr(issuer, "_region_level", lambda region: None)
    failures = devset_failures(_bench().evaluate_devset(baseline=False))
    assert any(line.startswith("devset issuer_level_accuracy") for line in failures)


def test_a_shrunken_labelled_set_fails_the_size_floors(scores, predicted):
    docs, documents = predicted
    half = docs[: len(docs) // 2]
    shrunk = {**scores, "documents": len(half), **_bench().cluster_scores(half, documents)}
    failures = {line.split()[0] for line in demo_failures(shrunk)}
    assert {"documents", "reprint_pairs"} <= failures


def test_the_issuer_level_is_scored_against_the_readers_level_of_the_issuing_body():
    bench = _bench()
    items = [{"id": i, "regions": [], "region_confidence": "low", "hazards": [], "hazards_primary": [],
              "negative": True, "level": level}
             for i, level in (("a", "县"), ("b", "学校"), ("c", "其他"), ("d", "国家"), ("e", None))]
    levels = {"a": "county", "b": "county", "c": "county", "d": None, "e": "school"}
    scores = bench.score_devset(items, {i["id"]: "正文" for i in items},
                                lambda doc_id, text: bench.Prediction(issuer_level=levels[doc_id]))
    # 其他, 国家 and a missing level are not levels we tag: two scored, one right
    assert (scores["issuer_level_scored"], scores["issuer_level_accuracy"]) == (2, 0.5)
