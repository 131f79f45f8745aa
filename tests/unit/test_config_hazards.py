"""The hazard taxonomy file and its loader: the shipped file is valid; mistakes name file, line, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.errors import ConfigError
from config.hazards import Taxonomy, load_taxonomy

REPO = Path(__file__).resolve().parents[2]
REQUIRED = {"drowning", "fire", "traffic", "food_safety", "bullying", "fraud", "epidemic", "mental_health",
            "gas_poisoning", "lab_chemicals", "natural_disaster", "extreme_weather", "cyber", "building",
            "security", "electrical", "special_equipment", "accident_general", "other"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hazards.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_taxonomy_is_valid_and_complete():
    tax = load_taxonomy(REPO / "config" / "hazards.yaml")
    assert isinstance(tax, Taxonomy)
    codes = [h.code for h in tax.hazards]
    assert set(codes) == REQUIRED
    assert len(codes) == len(set(codes))
    for h in tax.hazards:
        assert h.zh and h.en and h.keywords
    assert tax.labels()["drowning"] == "防溺水"
    assert tax.labels("en")["fire"] == "Fire safety"
    assert list(tax.labels("en")) == codes  # file order
    with pytest.raises(ValueError):
        tax.labels("fr")


def test_keywords_are_simplified():
    from indexer.text.chinese import to_simplified

    tax = load_taxonomy(REPO / "config" / "hazards.yaml")
    for h in tax.hazards:
        for word in h.keywords + h.weak + h.exclude:
            assert to_simplified(word) == word, (h.code, word)


def test_a_duplicate_code_names_file_line_and_field(tmp_path):
    path = write(tmp_path, """hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [消防]
  - code: drowning
    zh: 防溺水
    en: Drowning
    keywords: [溺水]
  - code: fire
    zh: 火灾
    en: Fire again
    keywords: [火灾]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    e = err.value
    assert (e.path, e.line, e.field) == (str(path), 10, "hazards.2.code")
    assert "duplicate" in e.message and "fire" in e.message
    assert f"{path}:10" in str(e)


# Each mistake a maintainer can make in the file: (the file, the line and field the error names,
# words its message must hold). A field ending in "*" names the field's start (an item inside it).
MISTAKES = {
    "empty-keywords": ("""hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [消防]
  - code: drowning
    zh: 防溺水
    en: Drowning
    keywords: []
""", 9, "hazards.1.keywords", ["empty"]),
    "missing-field": ("""hazards:
  - code: fire
    zh: 消防安全
    keywords: [消防]
""", 2, "hazards.0.en", []),
    "bad-code": ("""hazards:
  - code: Fire Safety
    zh: 消防安全
    en: Fire
    keywords: [消防]
""", 2, "hazards.0.code", []),
    "unknown-field": ("""hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [消防]
    keywrods: [火灾]
""", 6, "hazards.0.keywrods", []),
    "not-a-taxonomy": ("sources: []\n", None, "hazards", []),
    "broken-YAML": ("hazards: [\n  - code: fire\n", None, None, ["YAML"]),
    "a-word-in-two-lists-of-one-hazard": ("""hazards:
  - code: traffic
    zh: 交通安全
    en: Traffic
    keywords: [交通安全]
    weak: [交通]
    listed: [交通]
""", 7, "hazards.0.listed", ["交通", "weak"]),
    "a-told-word-that-is-no-weak-word": ("""hazards:
  - code: bullying
    zh: 校园欺凌
    en: Bullying
    keywords: [欺凌]
    weak: [殴打]
    told: [殴打, 被打]
""", 7, "hazards.0.told", ["被打", "weak"]),
    "a-told-keyword-of-a-hazard-without-measures": ("""hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [火灾]
    told: [火灾]
""", 6, "hazards.0.told", ["measures"]),
    "an-explaining-code-no-hazard-has": ("""hazards:
  - code: food_safety
    zh: 食品安全
    en: Food safety
    keywords: [食品安全]
    weak: [呕吐]
    told: [呕吐]
    explained_by: [epidemics]
""", 8, "hazards.0.explained_by", ["epidemics", "code"]),
    "an-explaining-code-with-no-told-words": ("""hazards:
  - code: food_safety
    zh: 食品安全
    en: Food safety
    keywords: [食品安全]
    explained_by: [epidemic]
  - code: epidemic
    zh: 传染病防控
    en: Epidemics
    keywords: [传染病]
""", 6, "hazards.0.explained_by", ["told"]),
    "a-paired-only-word-outside-the-pairs": ("""hazards:
  - code: building
    zh: 校舍与施工安全
    en: Buildings
    keywords: [危房]
    weak: [教学楼, 食堂]
    pair: [[裂缝], [教学楼]]
    paired_only: [教学楼, 食堂]
""", 8, "hazards.0.paired_only", ["食堂", "pair"]),
    "a-paired-only-word-that-is-no-weak-word": ("""hazards:
  - code: building
    zh: 校舍与施工安全
    en: Buildings
    keywords: [危房]
    weak: [围墙]
    pair: [[裂缝], [教学楼, 围墙]]
    paired_only: [教学楼]
""", 8, "hazards.0.paired_only", ["教学楼", "weak"]),
    "a-blank-topic-word": ("""topic_words: [安全, " "]
hazards:
  - {code: fire, zh: 消防, en: Fire, keywords: [消防]}
""", 1, "topic_words*", []),
    "a-blank-measure-word": ("""hazards:
  - code: extreme_weather
    zh: 极端天气
    en: Weather
    keywords: [台风]
    measures: [防御, ""]
""", 6, "hazards.0.measures", []),
    "a-pair-that-is-not-two-lists": ("""hazards:
  - code: drowning
    zh: 防溺水
    en: Drowning
    keywords: [溺水]
    weak: [游泳]
    pair: [[游泳, 戏水]]
""", 7, "hazards.0.pair*", ["two lists"]),
    "followed_by-of-three-lists": ("""hazards:
  - code: food_safety
    zh: 食品安全
    en: Food safety
    keywords: [食物中毒]
    followed_by: [[午饭], [呕吐], [送医]]
""", 6, "hazards.0.followed_by*", ["two lists"]),
    "followed_by-with-an-empty-list": ("""hazards:
  - code: food_safety
    zh: 食品安全
    en: Food safety
    keywords: [食物中毒]
    followed_by: [[午饭], []]
""", 6, "hazards.0.followed_by*", ["empty"]),
    "an-inspected-word-that-is-no-weak-word": ("""hazards:
  - code: electrical
    zh: 用电安全
    en: Electrical safety
    keywords: [触电]
    weak: [用电]
    inspected: [电路]
""", 7, "hazards.0.inspected", ["'weak'"]),
    "an-inspected-word-that-counts-only-with-its-pair": ("""hazards:
  - code: building
    zh: 校舍
    en: Buildings
    keywords: [危房]
    weak: [教学楼, 裂缝]
    pair: [[裂缝], [教学楼]]
    paired_only: [教学楼]
    inspected: [教学楼]
""", 9, "hazards.0.inspected", ["'pair'"]),
    "passing_counts-not-a-boolean": ("""hazards:
  - code: traffic
    zh: 交通安全
    en: Traffic
    keywords: [交通安全]
    passing_counts: "yes"
""", 6, "hazards.0.passing_counts", []),
    "a-pairs-reach-of-0-characters": ("""hazards:
  - code: food_safety
    zh: 食品安全
    en: Food
    keywords: [食品安全]
    weak: [食材]
    pair: [[检查], [食材]]
    pair_reach: 0
""", 8, "hazards.0.pair_reach", []),
    "dwelt_on-not-a-number-of-sentences": ("""hazards:
  - code: extreme_weather
    zh: 极端天气
    en: Weather
    keywords: [暴雪]
    weak: [降雪]
    dwelt_on: two
""", 7, "hazards.0.dwelt_on", []),
}


@pytest.mark.parametrize("text, line, field, words", MISTAKES.values(), ids=MISTAKES.keys())
def test_each_mistake_names_its_line_and_field(tmp_path, text, line, field, words):
    with pytest.raises(ConfigError) as err:
        load_taxonomy(write(tmp_path, text))
    e = err.value
    if line is not None:
        assert e.line == line
    if field is not None and field.endswith("*"):
        assert e.field.startswith(field[:-1])
    elif field is not None:
        assert e.field == field
    for word in words:
        assert word in e.message


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_taxonomy(tmp_path / "missing.yaml")


def test_optional_fields_default(tmp_path):
    tax = load_taxonomy(write(tmp_path, "hazards:\n  - {code: fire, zh: 消防, en: Fire, keywords: [消防]}\n"))
    assert tax.hazards[0].exclude == [] and tax.hazards[0].weak == [] and tax.safety_terms == []
    assert tax.hazards[0].listed == [] and tax.hazards[0].measures == []
    assert tax.topic_words == [] and tax.agency_suffixes == []


def test_context_rules_are_in_the_taxonomy_file():
    tax = load_taxonomy(REPO / "config" / "hazards.yaml")
    assert tax.topic_words and tax.agency_suffixes
    assert tax.get("traffic").listed  # 交通 counts as an item of a list of hazards
    assert tax.get("extreme_weather").measures  # weather words need a measure
    from indexer.text.chinese import to_simplified

    for word in tax.topic_words + tax.agency_suffixes + [w for h in tax.hazards for w in h.listed + h.measures]:
        assert to_simplified(word) == word, word


def test_a_told_word_may_be_a_keyword_its_measures_make_a_hint(tmp_path):
    # 暴雨 outside a measure's sentence is a hint, so it can tell a storm happening (a keyword of a
    # hazard without measures cannot: it is never a hint, the "told keyword" mistake above)
    ok = write(tmp_path, """hazards:
  - code: extreme_weather
    zh: 极端天气
    en: Extreme weather
    keywords: [暴雨]
    measures: [防]
    told: [暴雨]
""")
    assert load_taxonomy(ok).hazards[0].told == ["暴雨"]
