"""search_ui/understand.py and relax.py are pure: a query's words → readings → search parameters,
and the searches next to one that finds nothing. A small lexicon stands in for the gazetteer in
most tests; the last ones read with the real one (search_ui/lexicon.py)."""

from __future__ import annotations

from datetime import date

import pytest

from search_ui.lexicon import build_lexicon, hazard_words
from search_ui.query import SearchParams, group_clauses, parse_params
from search_ui.relax import nearest, relaxations
from search_ui.understand import Lexicon, Place, Understanding, add_months, understand

TODAY = date(2026, 3, 15)
PLACES = {
    "陕西": (Place("陕西省", 0),),
    "陕西省": (Place("陕西省", 0),),
    "汉阴": (Place("陕西省 > 安康市 > 汉阴县", 2),),
    "汉阴县": (Place("陕西省 > 安康市 > 汉阴县", 2),),
    "北京": (Place("北京市", 0),),
    "朝阳": (Place("北京市 > 朝阳区", 1), Place("辽宁省 > 朝阳市", 1), Place("吉林省 > 长春市 > 朝阳区", 2)),
    "吉林": (Place("吉林省", 0), Place("吉林省 > 吉林市", 1)),
    "河南": (Place("河南省", 0),),
}
LABELS = {"drowning": {"zh": "防溺水", "en": "Drowning"}, "fire": {"zh": "消防安全", "en": "Fire safety"},
          "electrical": {"zh": "用电安全", "en": "Electrical safety"}, "fraud": {"zh": "防诈骗", "en": "Fraud and scams"},
          "other": {"zh": "其他", "en": "Other"}}
KEYWORDS = {"drowning": ["溺水", "防溺水"], "fire": ["消防", "火灾", "用火用电"], "electrical": ["用火用电"], "other": ["禁毒"]}


def find_places(text: str) -> list[tuple[int, int, tuple[Place, ...]]]:
    return [(i, i + len(name), found) for name, found in PLACES.items()
            for i in range(len(text)) if text.startswith(name, i)]


NAMES, HINTS = hazard_words(LABELS, KEYWORDS)
LEX = Lexicon(places=find_places, hazards=NAMES, hazard_hints=HINTS)


def read(q: str) -> Understanding:
    return understand(q, LEX, TODAY)


def meanings(q: str) -> list[tuple[str, str, object, bool]]:
    return [(r.text, r.meaning.param, r.meaning.value, r.certain) for r in read(q).readings]


def applied(q: str, **params: object) -> SearchParams:
    p = SearchParams(q=q, today=TODAY, **params)  # type: ignore[arg-type]
    u = read(q)
    return u.apply(p, u.applicable(p))


def test_the_journalists_query_becomes_three_filters():
    p = applied("陕西 溺水 2024")
    assert p.q == "" and p.values("region") == ("陕西省",) and p.values("hazard") == ("drowning",)
    assert p.values("year") == (2024,)


def test_words_left_over_stay_words():
    p = applied("汉阴 校园安全 会议 2023")
    assert p.q == "校园安全 会议" and p.values("region") == ("陕西省 > 安康市 > 汉阴县",) and p.values("year") == (2023,)


def test_a_word_is_read_only_when_all_of_it_is_names():
    assert meanings("汉阴县防溺水") == [("汉阴县", "region", "陕西省 > 安康市 > 汉阴县", True),
                                    ("防溺水", "hazard", "drowning", True)]
    assert meanings("汉阴县教育局") == []                    # a title pasted in stays text
    assert applied("汉阴县教育局召开会议").q == "汉阴县教育局召开会议"


def test_phrases_exclusions_and_or_are_never_read():
    assert meanings('"陕西" -溺水 汉阴 OR 2024') == []
    assert read('"陕西" -溺水 汉阴 OR 2024').words_without([]) == '"陕西" 汉阴 OR 2024 -溺水'


@pytest.mark.parametrize("q,param,value", [
    ("2024", "year", 2024),
    ("2024年", "year", 2024),
    ("２０２４年", "year", 2024),                               # full-width digits
    ("今年", "year", 2026),
    ("去年", "year", 2025),
    ("前年", "year", 2024),
    ("近7天", "date", "7d"),
    ("最近30天", "date", "30d"),
    ("近一周", "date", "7d"),
    ("近一个月", "date", "30d"),
    ("近1个月", "date", "30d"),
    ("近三天", "range", (date(2026, 3, 13), TODAY)),
    ("近两周", "range", (date(2026, 3, 2), TODAY)),
    ("近三个月", "range", (date(2025, 12, 16), TODAY)),
    ("近半年", "range", (date(2025, 9, 16), TODAY)),
    ("过去一年", "range", (date(2025, 3, 16), TODAY)),
    ("近十二个月", "range", (date(2025, 3, 16), TODAY)),
    ("2024年5月", "range", (date(2024, 5, 1), date(2024, 5, 31))),
    ("2024年 5月", "range", (date(2024, 5, 1), date(2024, 5, 31))),      # two words read together
    ("2024-02", "range", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2024.12", "range", (date(2024, 12, 1), date(2024, 12, 31))),
    ("2024年5月10日", "range", (date(2024, 5, 10), date(2024, 5, 10))),
    ("2024-05-10", "range", (date(2024, 5, 10), date(2024, 5, 10))),
    ("2023-2024", "range", (date(2023, 1, 1), date(2024, 12, 31))),
    ("上个月", "range", (date(2026, 2, 1), date(2026, 2, 28))),
    ("本月", "range", (date(2026, 3, 1), date(2026, 3, 31))),
    ("昨天", "range", (date(2026, 3, 14), date(2026, 3, 14))),
])
def test_times(q, param, value):
    assert meanings(q) == [(q, param, value, True)]


@pytest.mark.parametrize("q", ["1234", "2099", "12345", "2024年13月", "2024-02-30", "近0天", "近天", "5月", "近九十九年"])
def test_not_times(q):
    assert meanings(q) == []


def test_hazards_by_label_keyword_and_english_parts():
    assert [m[2] for m in meanings("防溺水 消防安全")] == ["drowning", "fire"]
    assert meanings("fire safety") == [("fire safety", "hazard", "fire", True)]     # two words, one label
    assert meanings("Drowning") == [("Drowning", "hazard", "drowning", True)]
    assert meanings("fire") == [("fire", "hazard", "fire", True)]                   # "Fire safety" without "safety"
    assert [m[2] for m in meanings("fraud scams")] == ["fraud", "fraud"]           # "Fraud and scams"
    assert meanings("其他") == [] and meanings("other") == []                      # a catch-all label is a plain word
    assert meanings("禁毒")[0][2] == "other"                                        # its keywords still name it


def test_a_word_of_two_hazards_is_offered_not_applied():
    assert [m.value for m in read("用火用电").readings[0].meanings] == ["electrical", "fire"]
    assert not read("用火用电").readings[0].certain and applied("用火用电").q == "用火用电"


def test_a_keyword_narrower_than_its_hazard_is_offered_not_applied():
    # 火灾 shares no part of 消防安全: applied, a search for 火灾 would become one for all of fire safety
    assert meanings("火灾") == [("火灾", "hazard", "fire", False)]
    assert applied("火灾 2024").q == "火灾" and applied("火灾 2024").values("year") == (2024,)
    assert meanings("消防") == [("消防", "hazard", "fire", True)]          # 消防 is part of the label: its name
    three = {"traffic": {"zh": "交通安全"}, "fire": {"zh": "消防安全"}, "food": {"zh": "食品安全"}}
    names, hints = hazard_words(three, {"traffic": ["交通事故", "校车", "出行安全"]})
    assert "交通事故" in names and "校车" in hints and "出行安全" in hints      # 安全, in three labels, is generic


def test_several_hazards_must_all_match_several_places_any():
    p = applied("溺水 消防 陕西 河南")
    assert p.values("hazard") == ("drowning", "fire") and "hazard" in p.match_all
    assert p.values("region") == ("陕西省", "河南省") and "region" not in p.match_all


def test_ambiguous_places():
    assert meanings("朝阳") == [("朝阳", "region", Place("北京市 > 朝阳区", 1).path, False)]
    assert applied("朝阳").q == "朝阳"                                              # offered only
    # with its province in the query it is the one under it
    assert applied("北京 朝阳").values("region") == ("北京市 > 朝阳区",)
    # the higher level wins when it is alone there (as in the gazetteer): 吉林 is the province
    assert meanings("吉林") == [("吉林", "region", "吉林省", True)]


def test_a_place_inside_another_typed_with_it_is_the_deeper_one():
    p = applied("陕西 汉阴 溺水")
    assert p.values("region") == ("陕西省 > 安康市 > 汉阴县",) and p.q == ""


def test_what_the_user_chose_is_not_overridden():
    p = applied("陕西 溺水", filters={"region": ("河南省",)})
    assert p.values("region") == ("河南省",) and p.values("hazard") == ("drowning",) and p.q == "陕西"
    assert applied("近7天 2024年5月").date_preset == "7d"            # one span; the month stays a word
    assert applied("近7天 2024年5月").q == "2024年5月"
    kept = applied("2024年5月", date_from=date(2024, 5, 20))
    assert (kept.date_from, kept.date_to) == (date(2024, 5, 20), None) and kept.q == "2024年5月"


def test_an_offer_applies_one_reading():
    u = read("朝阳 溺水")
    p = SearchParams(q="朝阳 溺水", today=TODAY)
    place = u.readings[0]
    offer = u.apply(p, (place,), {id(place): place.meanings[1]})
    assert offer.values("region") == ("辽宁省 > 朝阳市",) and offer.q == "溺水"


def test_round_trip_of_the_words():
    for q in ("a b", "校园 OR 学校 安全", '"防溺水 工作" 会议 -通报'):
        assert read(q).words_without([]) == q


def test_add_months_keeps_the_day_or_the_last_of_the_month():
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)


# --- the URL side: date presets, oldest first, search in one field --------------------------------
def test_date_presets_and_from_to_both_narrow():
    p = parse_params([("date", "7d")], today=TODAY)
    assert p.date_range == (date(2026, 3, 9), TODAY) and p.query_string() == "date=7d"
    assert parse_params([("date", "last_year")], today=TODAY).date_range == (date(2025, 1, 1), date(2025, 12, 31))
    both = parse_params([("date", "this_year"), ("from", "2026-02-01")], today=TODAY)
    assert both.date_range == (date(2026, 2, 1), date(2026, 12, 31))
    assert "published_at >=" in group_clauses(both)["date"]


def test_sort_oldest_first_and_search_in_one_field():
    from search_ui.query import build_plan

    main = build_plan(parse_params([("q", "校园"), ("sort", "date_asc"), ("in", "title")]))[0].params
    assert main["sort"] == ["is_canonical:desc", "published_at:asc"]
    assert main["attributesToSearchOn"] == ["title_search"]
    number = build_plan(parse_params([("q", "陕教安〔2025〕3号"), ("in", "doc_number")]))[0].params
    assert number["attributesToSearchOn"] == ["doc_number"]


# --- no results: the searches next to it ---------------------------------------------------------
def test_relaxations_name_each_filter_each_word_and_the_bare_searches():
    p = parse_params([("q", "陕西 溺水 火星"), ("region", "河南省"), ("hazard", "fire"), ("date", "7d")], today=TODAY)
    found = relaxations(p)
    assert [(r.kind, r.what) for r in found] == [
        ("filter", "region"), ("filter", "hazard"), ("filter", "date"),
        ("word", "陕西"), ("word", "溺水"), ("word", "火星"), ("filters", ""), ("words", "")]
    assert found[0].params.values("region") == () and found[0].params.values("hazard") == ("fire",)
    assert found[5].params.q == "陕西 溺水"
    assert found[6].params.query_string() == "q=%E9%99%95%E8%A5%BF+%E6%BA%BA%E6%B0%B4+%E7%81%AB%E6%98%9F"
    counted = [r.__class__(r.kind, r.what, r.params, n) for r, n in zip(found, [0, 0, 0, 2, 0, 5, 9, 1], strict=True)]
    assert [(r.kind, r.what) for r in nearest(counted)] == [("word", "火星"), ("word", "陕西"), ("filters", ""), ("words", "")]


def test_one_word_and_no_filter_has_no_neighbours():
    assert relaxations(parse_params([("q", "火星")])) == []


# --- the real gazetteer ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real() -> Lexicon:
    return build_lexicon(LABELS, KEYWORDS)


def test_the_gazetteer_reads_short_traditional_and_full_names(real):
    def regions(q: str) -> list[str]:
        u = understand(q, real, TODAY)
        return [r.meaning.value for r in u.readings if r.kind == "region" and r.certain]

    assert regions("陕西") == regions("陝西") == regions("陕西省") == ["陕西省"]
    assert regions("汉阴") == regions("漢陰縣") == ["陕西省 > 安康市 > 汉阴县"]
    assert regions("北京 朝阳") == ["北京市 > 朝阳区", "北京市 > 朝阳区"]
    assert regions("经开区") == []                    # a generic zone word is no place by itself
    # English names as the English interface writes them (search_ui/region_names.py)
    assert regions("Shaanxi") == ["陕西省"] and regions("shanxi") == ["山西省"] and regions("Inner Mongolia") == ["内蒙古自治区"]
    assert regions("Xi'an") == ["陕西省 > 西安市"]
