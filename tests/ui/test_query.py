"""query.py and highlight.py are pure: URL ↔ Meilisearch request, and safe highlighting."""

from __future__ import annotations

from datetime import date

import pytest

from search_ui.highlight import render_marked, snippet_html, term_spans, title_html
from search_ui.query import (
    POST_TAG,
    PRE_TAG,
    BadRequest,
    SearchParams,
    build_plan,
    day_start,
    group_clauses,
    parse_params,
)
from search_ui.web import safe_url


def parse(**kw) -> SearchParams:
    pairs = []
    for k, v in kw.items():
        for item in v if isinstance(v, list) else [v]:
            pairs.append((k.rstrip("_"), item))
    return parse_params(pairs)


def test_defaults_and_round_trip():
    p = parse()
    assert p == SearchParams() and p.effective_sort == "date" and p.query_string() == ""
    p = parse(q="校园", region=["陕西省>安康市", "山西省"], hazard=["a", "b"], year="2024",
              from_="2024-01-01", to="2024-12-31", sort="relevance", page="2", per_page="50")
    assert p.values("region") == ("陕西省 > 安康市", "山西省")
    assert parse_params([tuple(x) for x in p.to_pairs()]) == p


def test_traditional_region_and_query_are_simplified():
    assert parse(region="山西省 > 太原市 > 小店區").values("region") == ("山西省 > 太原市 > 小店区",)
    assert build_plan(parse(q="校園"))[0].query == "校园"


def test_filters_are_quoted():
    p = parse(region='x" OR hazards EXISTS OR region.lvl0 = "', hazard='a\\" OR 1')
    clauses = group_clauses(p)
    assert clauses["region"] == 'region.lvl0 IN ["x\\" OR hazards EXISTS OR region.lvl0 = \\""]'
    assert clauses["hazard"] == 'hazards IN ["a\\\\\\" OR 1"]'


def test_region_levels_or_together():
    clause = group_clauses(parse(region=["陕西省", "河南省 > 郑州市"]))["region"]
    assert clause == '(region.lvl0 IN ["陕西省"]) OR (region.lvl1 IN ["河南省 > 郑州市"])'


def test_dates_in_shanghai():
    assert day_start(date(2025, 1, 1)) == 1735660800          # 2024-12-31T16:00:00Z
    clause = group_clauses(parse(from_="2025-01-01", to="2025-01-01"))["date"]
    assert clause == "published_at >= 1735660800 AND published_at < 1735747200"


def test_disjunctive_plan():
    plan = build_plan(parse(q="x", hazard="drowning", region="陕西省 > 安康市"))
    main, *facet_searches = plan
    assert "hazards" in main.params["filter"] and "region.lvl1" in main.params["filter"]
    assert set(main.params["facets"]) == {"source_type", "year", "issuer", "site_name", "issuer_level", "event_type", "safety_related"}
    by_facets = {tuple(s.params["facets"]): s.params["filter"] for s in facet_searches}
    assert "hazards" not in by_facets[("hazards",)] and "region.lvl1" in by_facets[("hazards",)]
    assert by_facets[("region.lvl0",)] == '(hazards IN ["drowning"]) AND (is_canonical = true)'
    assert by_facets[("region.lvl1", "region.lvl2")] == \
        '(hazards IN ["drowning"]) AND (region.lvl0 IN ["陕西省"]) AND (is_canonical = true)'
    assert all(s.params["limit"] == 0 for s in facet_searches)


def test_reprints_fold_by_filter_except_under_a_source_kind_filter():
    folded = build_plan(parse(q="x"))[0].params
    assert folded["filter"] == "(is_canonical = true)" and "distinct" not in folded
    by_kind = build_plan(parse(q="x", source_type="news"))
    assert all(s.params.get("distinct") == "cluster_id" and "is_canonical" not in (s.params["filter"] or "")
               for s in by_kind)
    every_copy = build_plan(parse(q="x", copies="all"))[0].params
    assert not every_copy["filter"] and "distinct" not in every_copy


@pytest.mark.parametrize("pairs", [
    [("sort", "new")], [("page", "0")], [("per_page", "1000")], [("from", "2024-1-1")],
    [("facet", "region.lvl3")], [("unknown", "1")], [("q", "a"), ("q", "b")], [("q", "x" * 201)],
    [("source_type", "blog")], [("year", "MMXXIV")], [("from", "2024-02-02"), ("to", "2024-02-01")],
])
def test_bad_params(pairs):
    with pytest.raises(BadRequest):
        parse_params(pairs)


def test_lang_is_only_allowed_where_asked():
    with pytest.raises(BadRequest):
        parse_params([("lang", "en")])
    assert parse_params([("lang", "en")], frozenset({"lang"})) == SearchParams()


def test_render_marked_escapes_everything_but_marks():
    html = render_marked(f"<b>a</b>{PRE_TAG}<i>校园</i>{POST_TAG}{POST_TAG}&{PRE_TAG}x")
    assert html == "&lt;b&gt;a&lt;/b&gt;<mark>&lt;i&gt;校园&lt;/i&gt;</mark>&amp;<mark>x</mark>"


def test_term_spans_merge_and_match_traditional_text():
    assert term_spans("ab校园c校园", ("校园",)) == [(2, 4), (5, 7)]
    assert term_spans("加強校園安全", ("校园", "园安")) == [(2, 5)]          # Traditional text, overlapping terms merged
    assert term_spans("校园", ()) == [] and term_spans("校园", ("火灾",)) == []


def test_traditional_original_highlighted_from_query_terms():
    hit = {
        "title": "加強校園<安全>", "body": "前文" * 40 + "加強校園安全。",
        "_formatted": {"title": "加強校園<安全>", "body": "前文前文…"},   # Meilisearch marked nothing
    }
    assert title_html(hit, ("校园",)) == "加強<mark>校園</mark>&lt;安全&gt;"
    snippet = snippet_html(hit, ("校园",))
    assert snippet.startswith("…") and "<mark>校園</mark>安全。" in snippet


def test_title_without_a_match_is_only_escaped():
    assert title_html({"title": "a<b>c"}, ("abcd",)) == "a&lt;b&gt;c"


def test_snippet_without_match_uses_lead():
    assert snippet_html({"body": "x" * 500, "lead": "<lead>"}) == "&lt;lead&gt;"


def test_safe_url():
    assert safe_url("https://a.gov.cn/x") == "https://a.gov.cn/x"
    assert safe_url("javascript:alert(1)") == "" and safe_url(" JavaScript:alert(1)") == ""
    assert safe_url("data:text/html,x") == "" and safe_url(None) == ""


def test_code_labels_come_from_the_vocabulary():
    from config.vocabulary import DocStatus, EventType, Health, IssuerLevel, RunState, SourceKind
    from search_ui.i18n import STRINGS, Translator

    en, zh = Translator("en", {}), Translator("zh", {})
    assert en.event_type("drill") == EventType.DRILL.en and zh.source_type("epaper") == SourceKind.EPAPER.zh
    assert en.issuer_level("county") == IssuerLevel.COUNTY.en and zh.run_state("failed") == RunState.FAILED.zh
    assert zh.doc_status("edited") == DocStatus.EDITED.zh and en.health("never") == Health.NEVER.en
    assert en.event_type("not_a_code") == "not_a_code"
    labels = {m.zh for vocabulary in (SourceKind, IssuerLevel, EventType, DocStatus, RunState) for m in vocabulary}
    assert not labels & {entry["zh"] for entry in STRINGS.values()}, "a vocabulary label is restated in i18n.py"


def test_english_plurals():
    from search_ui.i18n import Translator

    en, zh = Translator("en", {}), Translator("zh", {})
    assert en("total", n=1) == "1 result" and en("total", n=0) == "0 results" and en("total", n=2) == "2 results"
    assert en("n_reprints", n=1) == "1 reprint" and en("n_reprints", n=3) == "3 reprints"
    assert zh("total", n=1) == "共 1 条"


@pytest.mark.parametrize("pairs", [
    [("page", "１２")], [("per_page", "２０")], [("year", "２０２４")], [("from", "２０２４-01-01")],
    [("to", "9999-12-31")], [("from", "1899-12-31")], [("year", "2101")], [("region", "x" * 201)],
    [("q", "校园")] + [("hazard", "h" * 150)] * 30,
])
def test_out_of_range_and_non_ascii_numbers_are_refused(pairs):
    with pytest.raises(BadRequest):
        parse_params(pairs)


def test_date_span_urls_are_the_urls_of_each_span():
    p = parse_params([("q", "溺水 学校"), ("region", "陕西省"), ("from", "2020-01-01"), ("page", "3"), ("sort", "date")])
    spans = [(date(2024, 5, 1), date(2024, 5, 31)), (date(2024, 6, 1), date(2024, 6, 30))]
    assert p.date_span_urls(spans) == [p.url(date_from=a, date_to=b, page=1) for a, b in spans]
    assert parse_params([]).date_span_urls(spans[:1]) == ["/search?from=2024-05-01&to=2024-05-31"]


def test_a_total_at_the_browsing_cap_is_a_floor():
    from search_ui.views import MAX_BROWSABLE, shown_total
    assert shown_total(1234) == "1,234" and shown_total(MAX_BROWSABLE - 1) == "9,999"
    assert shown_total(MAX_BROWSABLE) == "10,000+"          # Meilisearch answers the cap for anything larger
