"""Query understanding, help for empty results and the research filters, through the app on a real
Meilisearch (the documents of tests/ui/conftest.py, plus two published days ago for the date
presets and a 文号 on one): the HTML page and its JSON twins say the same."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from search_ui.app import create_app
from search_ui.query import TZ
from tests.ui.conftest import DOCS, make_doc, seed_index
from tests.ui.test_html import parse

KEYWORDS = {"drowning": ["溺水", "防溺水"], "fire": ["消防", "火灾"], "food": ["食品安全"], "traffic": ["交通安全"]}
NOW = datetime.now(TZ)
RECENT = [make_doc((21, "丛台区近日开展消防演练", "丛台区各校开展消防疏散演练。", "河北省 > 邯郸市 > 丛台区", ["fire"],
                    (NOW - timedelta(days=2)).strftime("%Y-%m-%d %H:%M"), "gov", "丛台区教育局")),
          make_doc((22, "丛台区部署消防安全检查", "丛台区部署校园消防安全检查。", "河北省 > 邯郸市 > 丛台区", ["fire"],
                    (NOW - timedelta(days=20)).strftime("%Y-%m-%d %H:%M"), "gov", "丛台区教育局"))]
NUMBERED = [{**d, "doc_number": "安教发〔2023〕12号"} if d["id"] == "doc04" else d for d in DOCS]
SHAANXI_DROWNING_2024 = {"doc01", "doc02", "doc07"}


@pytest.fixture(scope="module")
def app_client(meili) -> Iterator[TestClient]:
    config = seed_index(meili, "ui_understand", docs=NUMBERED + RECENT)
    with TestClient(create_app(dataclasses.replace(config, hazard_keywords=KEYWORDS))) as c:
        yield c


def api(client: TestClient, path: str = "/api/v1/search", **params) -> dict:
    r = client.get(path, params={"per_page": "100", **params})
    assert r.status_code == 200, r.text
    return r.json()


def ids(answer: dict) -> set[str]:
    return {h["id"] for h in answer["hits"]}


# --- gap 1: the words are understood --------------------------------------------------------------
def test_region_hazard_and_year_words_become_filters(app_client):
    answer = api(app_client, q="陕西 溺水 2024")
    assert ids(answer) == SHAANXI_DROWNING_2024                   # the words as text find none of them
    u = answer["understanding"]
    assert u["applied"] and u["literal_total"] == 0
    assert [(r["text"], r["kind"], r["meanings"][0]["value"], r["applied"]) for r in u["readings"]] == [
        ("陕西", "region", "陕西省", True), ("溺水", "hazard", "drowning", True), ("2024", "time", 2024, True)]
    assert "literal=1" in u["literal_query_string"]
    assert api(app_client, "/search.json", q="陕西 溺水 2024") == answer                # the page's JSON twin
    facets = app_client.get("/api/v1/facets", params={"q": "陕西 溺水 2024"}).json()
    assert facets["total"] == 3


def test_literal_gives_the_words_as_typed_and_offers_the_filters(app_client):
    answer = api(app_client, q="陕西 溺水 2024", literal="1")
    assert answer["total"] == 0 and not answer["understanding"]["applied"]
    # each reading alone, the other words as text: only the year leaves words that match (doc07)
    offers = {(o["param"], o["value"]): o["total"] for o in answer["understanding"]["offers"]}
    assert offers == {("year", 2024): 1}
    # a region word whose other words still match is offered with its count
    partial = api(app_client, q="汉阴 防溺水", literal="1")
    offered = {(o["param"], o["value"]): o["total"] for o in partial["understanding"]["offers"]}
    assert offered[("region", "陕西省 > 安康市 > 汉阴县")] == 2 and offered[("hazard", "drowning")] == 2


def test_traditional_and_short_names(app_client):
    assert ids(api(app_client, q="陝西 溺水 2024")) == SHAANXI_DROWNING_2024
    assert ids(api(app_client, q="汉阴县防溺水")) == {"doc01", "doc02"}


def test_words_that_still_do_not_match_are_not_applied(app_client):
    answer = api(app_client, q="陕西 火星")
    assert answer["total"] == 0 and not answer["understanding"]["applied"]
    first = answer["zero"]["nearest"][0]          # nearest: 陕西 read as the region, without 火星
    assert (first["kind"], first["left_out"], first["total"]) == ("word", "火星", 8)
    assert first["query_string"].startswith("region=%E9%99%95%E8%A5%BF%E7%9C%81")


def test_the_page_says_what_it_applied_with_an_undo(app_client):
    html = app_client.get("/search", params={"q": "陕西 溺水 2024", "lang": "zh"}).text
    notice = html.split('id="understood"')[1].split("</p>")[0]
    assert "陕西" in notice and "地区：陕西省" in notice and "风险类型：防溺水" in notice and "年份：2024年" in notice
    literal = {a["id"]: a["href"] for t, a in parse(html).tags if t == "a" and a.get("id") == "literal-link"}["literal-link"]
    assert "literal=1" in literal and 'data-total="3"' in html
    assert 'id="q" name="q" value="陕西 溺水 2024"' in html              # the box keeps what was typed
    back = app_client.get(literal).text
    assert 'data-total="0"' in back and 'id="understood"' not in back and 'id="zero"' in back


def test_exports_and_feeds_take_the_documents_the_page_shows(app_client):
    r = app_client.get("/search.csv", params={"q": "陕西 溺水 2024"})
    assert {row["id"] for row in csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")))} == SHAANXI_DROWNING_2024
    atom = app_client.get("/search.atom", params={"q": "陕西 溺水 2024"}).text
    assert atom.count("<entry>") == 3


# --- zero results -----------------------------------------------------------------------------------
def test_zero_results_show_what_excluded_everything(app_client):
    answer = api(app_client, q="食品安全", region="山东省", year="2023")
    assert answer["total"] == 0
    without = {f["param"]: f["total"] for f in answer["zero"]["filters"]}
    assert without == {"region": 2, "year": 0}          # the region excluded the two of 2023 (doc09, doc20)
    html = app_client.get("/search", params={"q": "食品安全", "region": "山东省", "year": "2023", "lang": "zh"}).text
    zero = html.split('id="zero"')[1]
    assert "地区: 山东省" in zero and "去掉后 2 条" in zero and "年份: 2023" in zero
    assert '<q>食品安全</q>' in zero


# --- gap 6: research filters -------------------------------------------------------------------------
def test_issuer_and_site_are_facets(app_client):
    answer = api(app_client, issuer="汉阴县教育体育和科技局")
    assert ids(answer) == {"doc01", "doc02", "doc17"}
    assert answer["facets"]["issuer"]["汉阴县教育体育和科技局"] == 3
    assert api(app_client, site="测试站点")["total"] == len(NUMBERED + RECENT)
    html = app_client.get("/search", params={"lang": "zh"}).text
    assert 'id="facet-issuer"' in html and 'id="facet-site"' in html
    assert '<details class="facet-more">' in html.split('id="facet-issuer"')[1].split("</section>")[0]


def test_title_only_and_document_number_search(app_client):
    everywhere, titles = api(app_client, q="部署"), api(app_client, q="部署", **{"in": "title"})
    assert ids(titles) < ids(everywhere) and all("部署" in h["title"] for h in titles["hits"])
    assert ids(api(app_client, q="安教发〔2023〕12号", **{"in": "doc_number"})) == {"doc04"}
    # in=doc_number reads no year out of a 文号
    assert api(app_client, q="2024", **{"in": "doc_number"})["understanding"] is None


def test_oldest_first(app_client):
    hits = api(app_client, q="校园", sort="date_asc")["hits"]
    dates = [h["published_at"] for h in hits]
    assert dates == sorted(dates) and hits[0]["id"] == "doc12"


def test_date_presets_and_a_clear_400(app_client):
    assert ids(api(app_client, date="7d")) == {"doc21"}
    assert ids(api(app_client, date="30d")) == {"doc21", "doc22"}
    last_year = {d["id"] for d in NUMBERED + RECENT if d["year"] == NOW.year - 1}
    assert ids(api(app_client, date="last_year")) == last_year
    bad = app_client.get("/api/v1/search", params={"date": "lastweek"})
    assert bad.status_code == 400 and "'date' must be one of 7d, 30d, this_year, last_year" in bad.json()["error"]
    page = app_client.get("/search", params={"date": "lastweek"}, headers={"accept": "text/html"})
    assert page.status_code == 400 and "this_year" in page.text
    assert ids(api(app_client, q="近7天 消防")) == {"doc21"}                  # the words say it too


def test_several_regions_side_by_side(app_client):
    html = app_client.get("/search", params={"region": ["陕西省", "河南省"], "lang": "zh"}).text
    rows = {a["data-region"] for t, a in parse(html).tags if t == "li" and "data-region" in a}
    assert rows == {"陕西省", "河南省"}
    compare = html.split('id="compare"')[1].split("</section>")[0]
    assert 'data-count="8"' in compare and 'data-count="4"' in compare
    adds = {a["data-add"] for t, a in parse(html).tags if t == "a" and "data-add" in a}
    assert "山东省" in adds and "陕西省" not in adds and "陕西省 > 安康市" not in adds


def test_openapi_declares_the_new_parameters(app_client):
    spec = app_client.get("/openapi.json").json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert params["date"]["enum"] == ["7d", "30d", "this_year", "last_year"]
    assert params["in"]["enum"] == ["title", "doc_number"] and params["literal"]["enum"] == ["0", "1"]
    assert params["sort"]["enum"] == ["relevance", "date", "date_asc"]
    assert "issuer" in params and "site" in params
    assert "understanding" in spec["components"]["schemas"]["SearchResponse"]["properties"]
