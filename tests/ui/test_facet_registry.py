"""A facet added as ONE registry entry appears everywhere: the HTML page (group, links, chip, form),
the JSON API (filter, counts), the exports (CSV column, JSON Lines field) and the OpenAPI schema.

The fixture does what a developer adding a facet does: one `ChoiceFacet` entry, and documents that
carry its field, filterable in a real Meilisearch. Nothing else in search_ui/ knows about it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import Counter
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from config.errors import ConfigError
from config.vocabulary import Labelled
from indexer.search_index import filters
from search_ui.app import create_app
from search_ui.facets import REGISTRY, ChoiceFacet
from tests.ui.conftest import DOCS, index_settings, seed_index
from tests.ui.test_html import parse


class Stage(Labelled):
    PRIMARY = "primary", "小学", "Primary school"
    MIDDLE = "middle", "初中", "Middle school"
    HIGH = "high", "高中", "High school"


FIELD = "school_stage"
STAGE = ChoiceFacet(param="stage", attribute=FIELD, title={"zh": "学段", "en": "School stage"}, choices=Stage,
                    description="The school stage an announcement concerns. Repeatable (OR)")
STAGED = [{**doc, FIELD: list(Stage)[i % 3].value} for i, doc in enumerate(DOCS)]
COUNTS = Counter(doc[FIELD] for doc in STAGED)


@pytest.fixture(scope="module")
def stage_client(meili) -> Iterator[TestClient]:
    settings = index_settings()
    settings["filterableAttributes"] = [*settings["filterableAttributes"], FIELD]
    with pytest.MonkeyPatch.context() as patch:
        # what adding FIELD to filterableAttributes in config/index_settings.yaml does to the allowlist
        patch.setattr(filters, "FILTER_ATTRIBUTES", filters.FILTER_ATTRIBUTES | {FIELD})
        config = seed_index(meili, "ui_new_facet", settings, STAGED)
        with TestClient(create_app(dataclasses.replace(config, facets=REGISTRY.with_facet(STAGE, before="year")))) as c:
            yield c


def test_the_page_shows_the_new_facet_and_filters_by_it(stage_client):
    html = stage_client.get("/search", params={"lang": "en"}).text
    assert '<h3 id="facet-stage">School stage</h3>' in html
    links = {a["data-value"]: a for t, a in parse(html).tags if t == "a" and a.get("data-facet") == "stage"}
    assert set(links) == {"primary", "middle", "high"}
    assert "Middle school" in html and f'<span class="count">{COUNTS["middle"]}</span>' in html
    chosen = stage_client.get(links["middle"]["href"]).text
    assert f'data-total="{COUNTS["middle"]}"' in chosen
    assert 'class="chip"' in chosen and "School stage: Middle school" in chosen
    hidden = {(a["name"], a["value"]) for t, a in parse(chosen).tags if t == "input" and a.get("type") == "hidden"}
    assert ("stage", "middle") in hidden                      # a new keyword search keeps the facet
    assert "学段" in stage_client.get("/search", params={"lang": "zh"}).text


def test_the_api_filters_and_counts_it(stage_client):
    answer = stage_client.get("/api/v1/search", params={"stage": ["primary", "high"], "per_page": "100"}).json()
    assert answer["total"] == COUNTS["primary"] + COUNTS["high"]
    assert {h[FIELD] for h in answer["hits"]} == {"primary", "high"}
    assert answer["facets"][FIELD] == dict(COUNTS)          # disjunctive: its own filter ignored
    facets = stage_client.get("/api/v1/facets", params={"region": "陕西省", "stage": "primary"}).json()
    shaanxi = Counter(d[FIELD] for d in STAGED if d["region"]["lvl0"] == "陕西省")
    assert facets["facets"][FIELD] == dict(shaanxi)
    bad = stage_client.get("/api/v1/search", params={"stage": "college"})
    assert bad.status_code == 400 and "primary, middle, high" in bad.json()["error"]


def test_the_exports_carry_it(stage_client):
    rows = list(csv.DictReader(io.StringIO(stage_client.get("/search.csv", params={"stage": "high"}).content.decode("utf-8-sig"))))
    assert len(rows) == COUNTS["high"] and {r[FIELD] for r in rows} == {"high"}
    lines = [json.loads(line) for line in stage_client.get("/search.jsonl", params={"stage": "middle"}).text.splitlines()]
    assert len(lines) == COUNTS["middle"] and {d[FIELD] for d in lines} == {"middle"}


def test_the_openapi_schema_documents_it(stage_client):
    spec = stage_client.get("/openapi.json").json()
    for path in ("/api/v1/search", "/api/v1/facets", "/search.csv", "/search.jsonl", "/search.atom"):
        params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
        assert params["stage"]["schema"]["items"]["enum"] == ["primary", "middle", "high"], path
        assert FIELD in params["facet"]["schema"]["items"]["enum"]


def test_without_the_entry_the_parameter_is_unknown(client):
    r = client.get("/api/v1/search", params={"stage": "primary"})
    assert r.status_code == 400 and "unknown parameter 'stage'" in r.json()["error"]


def test_a_facet_on_an_unfilterable_field_is_refused_at_start(web_config):
    unfilterable = dataclasses.replace(STAGE, attribute="stage_not_in_settings")
    with pytest.raises(ConfigError, match="stage_not_in_settings"):
        create_app(dataclasses.replace(web_config, facets=REGISTRY.with_facet(unfilterable)))
