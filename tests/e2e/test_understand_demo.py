"""The journalist's question on the crawled demo web: `陕西 溺水 2024` finds the 2024 drowning notices
of 陕西 (as words only it found none), with the app wired as `gonggao up` wires it (the taxonomy's
hazard keywords: 溺水 is a keyword of drowning, whose label is 防溺水)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from gonggao.pipeline import hazard_labels
from search_ui.app import WebConfig, create_app
from search_ui.lexicon import taxonomy_keywords

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def client(world) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    base = world.client.app.state.gonggao.config
    hazards = world.settings.hazards_path
    config = WebConfig(base.meili_url, base.search_key, base.index_name, hazard_labels(hazards),
                       hazard_keywords=taxonomy_keywords(hazards))
    with TestClient(create_app(config)) as c:
        yield c


def paths(answer: dict) -> set[str]:
    return {urlsplit(h["url"]).path for h in answer["hits"]}


def test_region_hazard_and_year_typed_as_words(client, demo_web) -> None:  # type: ignore[no-untyped-def]
    truth = {urlsplit(a.url).path for a in demo_web.articles
             if a.province == "陕西省" and "drowning" in a.hazards and a.published_date.startswith("2024")}
    assert truth, "the demo web must hold 2024 drowning notices of 陕西"
    every = client.get("/api/v1/search", params={"q": "陕西 溺水 2024", "copies": "all", "per_page": 100}).json()
    assert paths(every) == truth
    folded = client.get("/api/v1/search", params={"q": "陕西 溺水 2024"}).json()
    assert 0 < folded["total"] <= len(truth) and folded["understanding"]["applied"]
    literal = client.get("/api/v1/search", params={"q": "陕西 溺水 2024", "literal": "1"}).json()
    assert literal["total"] == folded["understanding"]["literal_total"] == 0


def test_the_county_short_name_is_the_county_filter(client, demo_web) -> None:  # type: ignore[no-untyped-def]
    truth = {urlsplit(a.url).path for a in demo_web.articles if a.county == "汉阴县"}
    answer = client.get("/api/v1/search", params={"q": "汉阴", "copies": "all", "per_page": 100}).json()
    assert paths(answer) == truth
    assert answer["understanding"]["readings"][0]["meanings"][0]["value"] == "陕西省 > 安康市 > 汉阴县"
