"""The JSON API against a real Meilisearch: totals, facets, filters, dates, sort, errors."""

from __future__ import annotations

from collections import Counter

import pytest

from search_ui.app import WebConfig, create_app
from tests.ui.conftest import DOCS, index_settings, seed_index

INJECTION = 'x" OR hazards EXISTS OR region.lvl0 = "'


def get(client, **params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def ids(answer) -> set[str]:
    return {h["id"] for h in answer["hits"]}


def counts(docs, key) -> dict[str, int]:
    c: Counter = Counter()
    for d in docs:
        value = key(d)
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                c[str(v)] += 1
    return dict(c)


def test_all_documents_and_facets(client):
    answer = get(client, per_page=100)
    assert answer["total"] == len(DOCS) == len(answer["hits"])
    assert answer["page"] == 1 and answer["per_page"] == 100
    f = answer["facets"]
    assert set(f) == {"region.lvl0", "region.lvl1", "region.lvl2", "hazards", "source_type", "year",
                      "issuer", "site_name", "issuer_level", "event_type", "safety_related"}
    assert f["region.lvl0"] == counts(DOCS, lambda d: d["region"]["lvl0"])
    assert f["region.lvl1"] == counts(DOCS, lambda d: d["region"]["lvl1"])
    assert f["region.lvl2"] == counts(DOCS, lambda d: d["region"]["lvl2"])
    assert f["hazards"] == counts(DOCS, lambda d: d["hazards"])
    assert f["source_type"] == counts(DOCS, lambda d: d["source_type"])
    assert f["year"] == counts(DOCS, lambda d: d["year"])
    assert f["region.lvl0"]["陕西省"] == 8


def test_hits_have_document_shape(client):
    hit = get(client, q="防溺水")["hits"][0]
    for field in ("id", "url", "title", "body", "published_at", "region", "hazards", "source_type", "fetched_at"):
        assert field in hit
    assert "snippet" in hit and "title_html" in hit
    assert not any(k.startswith("_") for k in hit)


def test_region_levels_filter(client):
    assert get(client, region="陕西省")["total"] == 8
    assert ids(get(client, region="陕西省 > 安康市")) == {"doc01", "doc02", "doc03", "doc04", "doc17"}
    county = get(client, region="陕西省 > 安康市 > 汉阴县")
    assert ids(county) == {"doc01", "doc02", "doc17"}
    assert all(h["region"]["lvl2"] == "陕西省 > 安康市 > 汉阴县" for h in county["hits"])
    # repeatable, OR; spacing around ">" and Traditional script normalized
    both = get(client, region=["陕西省>安康市>汉阴县", "山西省 > 太原市 > 小店區"])
    assert ids(both) == {"doc01", "doc02", "doc17", "doc14", "doc15"}


def test_region_drilldown_counts_are_disjunctive(client):
    f = get(client, region="陕西省 > 安康市")["facets"]
    # other provinces still counted, so the user can switch
    assert f["region.lvl0"] == counts(DOCS, lambda d: d["region"]["lvl0"])
    # the province's cities and the city's counties
    assert f["region.lvl1"] == {"陕西省 > 安康市": 5, "陕西省 > 西安市": 2}
    assert f["region.lvl2"] == {"陕西省 > 安康市 > 汉阴县": 3, "陕西省 > 安康市 > 石泉县": 1, "陕西省 > 西安市 > 雁塔区": 2}


def test_hazard_or_and_disjunctive_counts(client):
    drowning = get(client, hazard="drowning")
    expected = {d["id"] for d in DOCS if "drowning" in d["hazards"]}
    assert ids(drowning) == expected
    # the hazards facet ignores its own filter, the others do not
    assert drowning["facets"]["hazards"] == counts(DOCS, lambda d: d["hazards"])
    assert drowning["facets"]["source_type"] == counts([d for d in DOCS if d["id"] in expected], lambda d: d["source_type"])
    either = get(client, hazard=["drowning", "fire"], per_page=100)
    assert ids(either) == {d["id"] for d in DOCS if {"drowning", "fire"} & set(d["hazards"])}
    combo = get(client, hazard="drowning", region="陕西省")
    assert ids(combo) == {"doc01", "doc02", "doc07"}
    shaanxi = [d for d in DOCS if d["region"]["lvl0"] == "陕西省"]
    assert combo["facets"]["hazards"] == counts(shaanxi, lambda d: d["hazards"])


def test_source_type_and_year(client):
    assert ids(get(client, source_type="epaper")) == {"doc11"}
    assert get(client, year=["2023", "2025"], per_page=100)["total"] == sum(d["year"] in (2023, 2025) for d in DOCS)
    assert get(client, year="2024", source_type="news")["total"] == sum(
        d["year"] == 2024 and d["source_type"] == "news" for d in DOCS)


def test_date_range_is_inclusive_in_shanghai_time(client):
    assert ids(get(client, **{"from": "2025-01-01", "to": "2025-01-01"})) == {"doc19"}
    assert ids(get(client, **{"from": "2024-12-31", "to": "2024-12-31"})) == {"doc18"}
    assert ids(get(client, **{"from": "2025-01-01"})) == {"doc19", "doc05", "doc17", "doc13"}
    assert ids(get(client, to="2023-09-05")) == {"doc12", "doc09"}


def test_sort_by_date_without_query(client):
    browse = get(client, per_page=100)          # no query: newest first by default
    dates = [h["published_at"] for h in browse["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert [h["id"] for h in browse["hits"]][:2] == ["doc13", "doc17"]
    assert get(client, sort="relevance", per_page=100)["total"] == len(DOCS)


def test_sort_by_date_with_query(client):
    answer = get(client, q="校园", sort="date", per_page=100)
    assert answer["sort"] == "date"
    dates = [h["published_at"] for h in answer["hits"]]
    if index_settings()["rankingRules"][0] != "sort":
        pytest.xfail("config/index_settings.yaml ranks `sort` after words/proximity/attribute, so "
                     "sort=date with a query only orders ties; see test_sort_by_date_when_sort_ranks_first")
    assert dates == sorted(dates, reverse=True) and len(dates) > 3


def test_sort_by_date_when_sort_ranks_first(meili):
    """With `sort` first in rankingRules (a no-op for relevance searches, which send no sort),
    sort=date with a query is strictly newest first."""
    from fastapi.testclient import TestClient

    settings = index_settings()
    settings["rankingRules"] = ["sort"] + [r for r in settings["rankingRules"] if r != "sort"]
    with TestClient(create_app(seed_index(meili, "ui_sort_first", settings))) as c:
        dates = [h["published_at"] for h in get(c, q="校园", sort="date", per_page=100)["hits"]]
        assert dates == sorted(dates, reverse=True) and len(dates) > 3


def test_pagination(client):
    first, second = get(client, per_page=7, sort="date"), get(client, per_page=7, page=2, sort="date")
    assert first["total"] == second["total"] == len(DOCS)
    assert len(first["hits"]) == 7 and not ids(first) & ids(second)
    assert get(client, per_page=7, page=4)["hits"] == []


def test_traditional_query_finds_simplified_and_traditional(client):
    trad, simp = get(client, q="校園", per_page=100), get(client, q="校园", per_page=100)
    assert ids(trad) == ids(simp)
    assert {"doc14", "doc15", "doc01", "doc08"} <= ids(trad)
    by_id = {h["id"]: h for h in trad["hits"]}
    # highlighted in the original script
    assert "<mark>校園</mark>" in by_id["doc14"]["snippet"]
    assert "<mark>校園</mark>" in by_id["doc15"]["title_html"]
    assert "<mark>校园</mark>" in by_id["doc01"]["title_html"]


def test_filter_injection_returns_nothing(client):
    assert get(client, region=INJECTION)["total"] == 0
    assert get(client, hazard=INJECTION)["total"] == 0
    assert get(client, q=INJECTION)["total"] == 0
    assert get(client, region='陕西省" OR region.lvl0 = "山东省')["total"] == 0
    assert client.get("/api/search", params={"source_type": INJECTION}).status_code == 400
    assert client.get("/api/search", params={"year": "2024 OR year > 0"}).status_code == 400


@pytest.mark.parametrize("params", [
    {"sort": "popularity"},
    {"from": "2024-13-01"},
    {"from": "yesterday"},
    {"to": "2024-02-30"},
    {"from": "2024-05-01", "to": "2024-04-01"},
    {"page": "0"},
    {"page": "-1"},
    {"page": "two"},
    {"per_page": "101"},
    {"per_page": "0"},
    {"facet": "body"},
    {"facet": "title_search"},
    {"filter": "hazards EXISTS"},
    {"school": "x"},
    {"region": "a > b > c > d"},
    {"region": "陕西省 > "},
    {"year": "24"},
])
def test_bad_requests_are_400_with_message(client, params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json()["error"], str) and r.json()["error"]
    assert client.get("/search.json", params=params).status_code == 400


def test_facet_selection(client):
    f = get(client, facet=["hazards", "year"])["facets"]
    assert set(f) == {"hazards", "year"}


def test_json_twins_equal_the_api(client):
    params = {"q": "校园", "region": "陕西省", "sort": "date", "per_page": "5"}
    api = client.get("/api/search", params=params).json()
    assert client.get("/search.json", params=params).json() == api
    doc = client.get("/doc/doc14.json").json()
    stored = next(d for d in DOCS if d["id"] == "doc14")
    context = doc.pop("context")
    assert doc == {k: v for k, v in stored.items() if not k.startswith("_")}   # the Document shape, plus the page's context
    assert context["catalog"] is False and "t2024_14.html" in context["citation"]
    assert client.get("/api/v1/doc/doc14").json() == {**doc, "context": context}
    assert client.get("/doc/nosuchdoc.json").status_code == 404
    assert client.get("/doc/bad%20id.json").status_code == 404


def test_html_pages_advertise_json(client):
    r = client.get("/search", params={"q": "校园", "region": "陕西省"})
    assert r.status_code == 200
    link = r.headers["link"]
    assert 'rel="alternate"' in link and "/search.json?" in link
    target = link.split(">")[0].lstrip("<")
    assert client.get(target).json() == client.get("/api/search", params={"q": "校园", "region": "陕西省"}).json()
    d = client.get("/doc/doc01")
    assert d.headers["link"].startswith("</doc/doc01.json>")


def test_openapi_documents_search(client):
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/api/search"]["get"]
    names = {p["name"] for p in op["parameters"]}
    assert {"q", "region", "hazard", "source_type", "year", "from", "to", "sort", "page", "per_page"} <= names
    assert "/healthz" in spec["paths"]


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["search"] == "ok"


def test_meilisearch_down_is_503(web_config):
    from fastapi.testclient import TestClient

    from indexer.search_index.process import free_port

    down = WebConfig(f"http://127.0.0.1:{free_port()}", web_config.search_key, web_config.index_name, {})
    with TestClient(create_app(down)) as c:
        r = c.get("/api/search", params={"q": "校园"})
        assert r.status_code == 503 and "Meilisearch" in r.json()["error"]
        assert c.get("/search.json").status_code == 503
        assert c.get("/doc/doc01.json").status_code == 503
        assert c.get("/healthz").status_code == 503
        html = c.get("/search", params={"q": "校园"})
        assert html.status_code == 503 and "text/html" in html.headers["content-type"]
        assert "Traceback" not in html.text and "搜索服务暂时不可用" in html.text


def test_missing_index_is_503_not_traceback(web_config):
    from fastapi.testclient import TestClient

    missing = WebConfig(web_config.meili_url, web_config.search_key, "ui_no_such_index", {})
    with TestClient(create_app(missing)) as c:
        r = c.get("/api/search")
        assert r.status_code == 503 and "error" in r.json()
