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


def test_duplicate_code_names_the_line(tmp_path):
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
    assert e.path == str(path)
    assert e.line == 10
    assert e.field == "hazards.2.code"
    assert "duplicate" in e.message and "fire" in e.message
    assert f"{path}:10" in str(e)


def test_empty_keywords_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [消防]
  - code: drowning
    zh: 防溺水
    en: Drowning
    keywords: []
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    e = err.value
    assert e.line == 9
    assert e.field == "hazards.1.keywords"
    assert "empty" in e.message


def test_missing_field_names_the_item(tmp_path):
    path = write(tmp_path, """hazards:
  - code: fire
    zh: 消防安全
    keywords: [消防]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 2
    assert err.value.field == "hazards.0.en"


def test_unknown_field_and_bad_code(tmp_path):
    path = write(tmp_path, """hazards:
  - code: Fire Safety
    zh: 消防安全
    en: Fire
    keywords: [消防]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 2 and err.value.field == "hazards.0.code"
    path = write(tmp_path, """hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [消防]
    keywrods: [火灾]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 6 and err.value.field == "hazards.0.keywrods"


def test_not_a_taxonomy_file(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_taxonomy(write(tmp_path, "sources: []\n"))
    assert err.value.field == "hazards"
    with pytest.raises(ConfigError) as err:
        load_taxonomy(write(tmp_path, "hazards: [\n  - code: fire\n"))
    assert "YAML" in err.value.message
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


def test_a_word_in_two_lists_of_one_hazard_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: traffic
    zh: 交通安全
    en: Traffic
    keywords: [交通安全]
    weak: [交通]
    listed: [交通]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 7 and err.value.field == "hazards.0.listed"
    assert "交通" in err.value.message and "weak" in err.value.message


def test_a_told_word_that_is_no_weak_word_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: bullying
    zh: 校园欺凌
    en: Bullying
    keywords: [欺凌]
    weak: [殴打]
    told: [殴打, 被打]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 7 and err.value.field == "hazards.0.told"
    assert "被打" in err.value.message and "weak" in err.value.message


def test_a_paired_only_word_outside_the_pairs_places_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: building
    zh: 校舍与施工安全
    en: Buildings
    keywords: [危房]
    weak: [教学楼, 食堂]
    pair: [[裂缝], [教学楼]]
    paired_only: [教学楼, 食堂]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 8 and err.value.field == "hazards.0.paired_only"
    assert "食堂" in err.value.message and "pair" in err.value.message
    # … and one that is none of the hazard's weak words
    path = write(tmp_path, """hazards:
  - code: building
    zh: 校舍与施工安全
    en: Buildings
    keywords: [危房]
    weak: [围墙]
    pair: [[裂缝], [教学楼, 围墙]]
    paired_only: [教学楼]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 8 and "教学楼" in err.value.message and "weak" in err.value.message


def test_a_told_word_may_be_a_keyword_its_measures_make_a_hint(tmp_path):
    # 暴雨 outside a measure's sentence is a hint, so it can tell a storm happening; a keyword of a
    # hazard without measures cannot (it is never a hint)
    ok = write(tmp_path, """hazards:
  - code: extreme_weather
    zh: 极端天气
    en: Extreme weather
    keywords: [暴雨]
    measures: [防]
    told: [暴雨]
""")
    assert load_taxonomy(ok).hazards[0].told == ["暴雨"]
    bad = write(tmp_path, """hazards:
  - code: fire
    zh: 消防安全
    en: Fire
    keywords: [火灾]
    told: [火灾]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(bad)
    assert err.value.field == "hazards.0.told" and "measures" in err.value.message


def test_a_blank_rule_word_names_the_line(tmp_path):
    path = write(tmp_path, """topic_words: [安全, " "]
hazards:
  - {code: fire, zh: 消防, en: Fire, keywords: [消防]}
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 1 and err.value.field.startswith("topic_words")
    path = write(tmp_path, """hazards:
  - code: extreme_weather
    zh: 极端天气
    en: Weather
    keywords: [台风]
    measures: [防御, ""]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 6 and err.value.field == "hazards.0.measures"


def test_a_pair_that_is_not_two_lists_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: drowning
    zh: 防溺水
    en: Drowning
    keywords: [溺水]
    weak: [游泳]
    pair: [[游泳, 戏水]]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 7 and err.value.field.startswith("hazards.0.pair")
    assert "two lists" in err.value.message


def test_followed_by_of_three_lists_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: food_safety
    zh: 食品安全
    en: Food safety
    keywords: [食物中毒]
    followed_by: [[午饭], [呕吐], [送医]]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 6 and err.value.field.startswith("hazards.0.followed_by")
    assert "two lists" in err.value.message
    empty = write(tmp_path, """hazards:
  - code: food_safety
    zh: 食品安全
    en: Food safety
    keywords: [食物中毒]
    followed_by: [[午饭], []]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(empty)
    assert err.value.line == 6 and "empty" in err.value.message


def test_an_inspected_word_that_is_no_weak_word_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: electrical
    zh: 用电安全
    en: Electrical safety
    keywords: [触电]
    weak: [用电]
    inspected: [电路]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 7 and err.value.field == "hazards.0.inspected"
    assert "'weak'" in err.value.message


def test_passing_counts_must_be_a_boolean(tmp_path):
    path = write(tmp_path, """hazards:
  - code: traffic
    zh: 交通安全
    en: Traffic
    keywords: [交通安全]
    passing_counts: "yes"
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 6 and err.value.field == "hazards.0.passing_counts"


def test_a_pairs_reach_must_be_a_positive_number_of_characters(tmp_path):
    path = write(tmp_path, """hazards:
  - code: food_safety
    zh: 食品安全
    en: Food
    keywords: [食品安全]
    weak: [食材]
    pair: [[检查], [食材]]
    pair_reach: 0
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 8 and err.value.field == "hazards.0.pair_reach"


def test_dwelt_on_must_be_a_positive_number_of_sentences(tmp_path):
    path = write(tmp_path, """hazards:
  - code: extreme_weather
    zh: 极端天气
    en: Weather
    keywords: [暴雪]
    weak: [降雪]
    dwelt_on: two
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.line == 7 and err.value.field == "hazards.0.dwelt_on"


def test_an_inspected_word_that_counts_only_with_its_pair_names_the_line(tmp_path):
    path = write(tmp_path, """hazards:
  - code: building
    zh: 校舍
    en: Buildings
    keywords: [危房]
    weak: [教学楼, 裂缝]
    pair: [[裂缝], [教学楼]]
    paired_only: [教学楼]
    inspected: [教学楼]
""")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert err.value.field == "hazards.0.inspected" and "'pair'" in err.value.message
