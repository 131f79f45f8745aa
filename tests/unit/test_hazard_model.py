"""The learned re-scorer of the hazard rules: what it reads, what it may decide, and that the
ingest path uses it. Texts here are our own."""

from __future__ import annotations

import dataclasses
import json
import logging
import math
from pathlib import Path

import numpy as np
import pytest

from config.hazards import Taxonomy, load_taxonomy
from indexer.enrich.hazard_model import (
    CODE_FEATURES,
    HAZARD_MODEL,
    HazardModel,
    Vocabulary,
    candidates,
    code_features,
    ngram_counts,
)
from indexer.enrich.hazards import tag_hazards
from indexer.ingest import Enrichers

REPO = Path(__file__).resolve().parents[2]

NOTICE = ("关于做好暑期学生防溺水和交通安全工作的通知",
          "各中小学校：暑假将至，为切实保障学生假期安全，现就有关事项通知如下。一、加强防溺水教育，"
          "严防学生私自下水游泳，开展家访，落实家长监护责任。二、加强交通安全教育，教育学生不乘坐"
          "无牌无证车辆和超员车辆。三、各校要在放假前开展一次安全隐患排查。")
NOT_SAFETY = ("我县举办第十届中小学生运动会",
              "十月二十日，我县第十届中小学生运动会在县体育场开幕。来自全县四十所学校的一千二百名运动员"
              "参加了田径、篮球、跳绳等十二个项目的比赛。开幕式上，县教育局负责同志致辞，希望运动员"
              "赛出风格、赛出水平。本届运动会为期三天。")
WEATHER_ASIDE = ("县教育局召开秋季学期教学工作会议",
                 "九月五日，县教育局召开秋季学期教学工作会议。会议当天下着暴雨，各校校长全部准时到会。"
                 "会议总结了上学期的教学质量，部署了本学期的课程改革、教师培训和教研活动。")


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy(REPO / "config" / "hazards.yaml")


@pytest.fixture(scope="module")
def model() -> HazardModel:
    return HazardModel.load(HAZARD_MODEL)


def _biased(model: HazardModel, code: str, bias: float) -> HazardModel:
    """The model with one hazard's bias set: far below zero reads it absent, far above present."""
    changed = model.bias.copy()
    changed[model.codes.index(code)] = bias
    return dataclasses.replace(model, bias=changed)


def test_ngrams_are_lower_cased_characters_with_white_space_runs_as_one():
    counts = ngram_counts("AB  溺水溺水")
    assert counts["a"] == 1 and counts["ab"] == 1 and counts["b 溺"] == 1
    assert counts["溺水"] == 2 and counts["水溺水"] == 1
    assert not any("  " in gram for gram in counts)


def test_the_model_file_covers_the_taxonomy(model, tax):
    assert model.codes == [h.code for h in tax.hazards]
    assert {"drowning", "fire", "traffic", "food_safety", "building", "electrical"} <= model.modelled
    assert model.modelled <= set(model.codes)
    assert model.word_weights.shape == (model.vocabulary.size, len(model.codes))
    assert model.meta["texts"] >= 1000 and model.meta["sets"]
    assert 0 < model.threshold < 1 and 0 < model.not_safety_threshold < 1


def test_a_notice_keeps_its_hazards_and_each_its_evidence(model, tax):
    result = tag_hazards(*NOTICE, tax, model)
    assert {"drowning", "traffic"} <= set(result.hazards)
    assert result.primary in result.hazards
    assert {e.label for e in result.evidence} == set(result.hazards)


def test_a_text_not_about_safety_stays_untagged(model, tax):
    for title, body in (NOT_SAFETY, WEATHER_ASIDE):
        result = tag_hazards(title, body, tax, model)
        assert result.hazards == [] and result.primary is None, title


def test_it_decides_only_hazards_the_text_names(model, tax):
    # the strongest prior cannot tag a hazard no word of the text names: every tag keeps its evidence
    eager = dataclasses.replace(model, bias=np.full_like(model.bias, 50.0))
    result = tag_hazards(*NOTICE, tax, eager)
    assert set(result.hazards) == candidates(result.signals) & (eager.modelled | set(result.signals.assigned))
    assert "cyber" not in result.hazards and "epidemic" not in result.hazards
    assert {e.label for e in result.evidence} == set(result.hazards)


def test_it_can_drop_a_tag_of_the_rules(model, tax):
    rules = tag_hazards(*NOTICE, tax)
    assert "drowning" in rules.hazards
    revised = tag_hazards(*NOTICE, tax, _biased(model, "drowning", -50.0))
    assert "drowning" not in revised.hazards and "traffic" in revised.hazards
    assert revised.primary == "traffic" and all(e.label != "drowning" for e in revised.evidence)


def test_a_hazard_it_has_no_model_for_keeps_the_rules_decision(model, tax):
    blind = dataclasses.replace(model, modelled=frozenset())
    for title, body in (NOTICE, NOT_SAFETY):
        assert tag_hazards(title, body, tax, blind).hazards == tag_hazards(title, body, tax).hazards


def test_a_text_the_rules_leave_untagged_and_the_model_reads_as_not_about_safety_stays_so(model, tax):
    # even a model eager for every hazard the text names adds none to a text read as not about safety
    eager = dataclasses.replace(model, bias=np.full_like(model.bias, 50.0), not_safety_bias=50.0)
    assert tag_hazards(*WEATHER_ASIDE, tax, eager).hazards == []
    trusting = dataclasses.replace(eager, not_safety_bias=-50.0)
    added = tag_hazards(*WEATHER_ASIDE, tax, trusting)
    assert added.hazards and added.signals is not None and not added.signals.assigned
    # what the model added on words the rules found too weak says so on the document page
    assert added.evidence and {e.rule for e in added.evidence} == {"hazard:model"}
    # and it adds to an untagged text only on the stronger odds of `untagged_threshold`
    assert tag_hazards(*WEATHER_ASIDE, tax, dataclasses.replace(trusting, untagged_threshold=1.0)).hazards == []


def test_the_ingest_path_loads_the_model_once_and_can_go_without():
    enrichers = Enrichers()
    assert enrichers.hazard_model is enrichers.hazard_model is not None
    assert Enrichers(hazard_model_path=None).hazard_model is None


def test_the_numpy_reader_gives_the_probabilities_of_the_fitted_models(model, tax):
    # the trainer wrote scikit-learn's own probabilities for texts of ours into the file: the reader's
    # tf-idf, its feature order and its float16 weights must give the same
    assert len(model.meta["reference"]) >= 3
    for ref in model.meta["reference"]:
        signals = tag_hazards(ref["title"], ref["body"], tax).signals
        probs, not_safety = model.probabilities(signals)
        assert set(probs) <= set(ref["probabilities"])
        for code, p in probs.items():
            assert abs(p - ref["probabilities"][code]) < 2e-3, (ref["title"], code)
        assert abs(not_safety - ref["not_safety"]) < 2e-3


def test_a_headline_over_a_short_body_keeps_its_place_features_in_range(tax):
    result = tag_hazards("关于加强防溺水、交通安全和食品安全工作的通知", "详见附件。", tax)
    first = CODE_FEATURES.index("first_body_keyword")
    for code in result.hazards:
        assert 0.0 <= code_features(result.signals, code)[first] <= 1.0


def test_a_hazard_the_model_file_does_not_know_keeps_the_rules_decision(model, tax):
    # a taxonomy newer than the model (a code renamed, added): the rules decide that code
    renamed = dataclasses.replace(model, codes=["water_safety" if c == "drowning" else c for c in model.codes],
                                  modelled=(model.modelled - {"drowning"}) | {"water_safety"})
    assert "drowning" in tag_hazards(*NOTICE, tax, renamed).hazards
    dropped = dataclasses.replace(renamed, bias=np.full_like(model.bias, -50.0))
    result = tag_hazards(*NOTICE, tax, dropped)
    assert result.hazards == ["drowning"] and result.primary == "drowning"


def test_a_missing_or_foreign_model_file_leaves_the_rules_alone_and_says_so(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="indexer.ingest"):
        assert Enrichers(hazard_model_path=tmp_path / "absent.npz").hazard_model is None
    assert "hazard model not loaded" in caplog.text
    with np.load(HAZARD_MODEL, allow_pickle=False) as z:
        arrays = {name: z[name] for name in z.files}
    meta = json.loads(str(arrays["meta"]))
    arrays["meta"] = np.array(json.dumps({**meta, "code_features": list(reversed(meta["code_features"]))}))
    np.savez(tmp_path / "other.npz", **arrays)
    with pytest.raises(ValueError, match="another format or other features"):
        HazardModel.load(tmp_path / "other.npz")
    assert Enrichers(hazard_model_path=tmp_path / "other.npz").hazard_model is None


def test_a_row_counts_the_grams_ngram_counts_counts():
    """The reader's numpy path (`gram_codes`) sees the n-grams the trainer's vocabulary was picked from."""
    text = "AB  溺水溺水\n防溺水 𠀋 Ü"
    counts = ngram_counts(text)
    grams = [*sorted(counts)[::2], "不在文"]  # half the text's grams, and one it lacks
    idf = np.linspace(1.0, 2.0, len(grams))
    index, values = Vocabulary(grams, idf).row(text, np.float64)
    expected = {i: (1 + math.log(counts[g])) * idf[i] for i, g in enumerate(grams) if g in counts}
    norm = math.sqrt(sum(v * v for v in expected.values()))
    assert dict(zip(index.tolist(), values.tolist(), strict=True)) == pytest.approx({i: v / norm for i, v in expected.items()})
