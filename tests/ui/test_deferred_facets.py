"""Issuers and sites are counted on the search page only for small result sets (Facet.exact_within).

Above the limit Meilisearch would count them in name order up to maxValuesPerFacet, so the page
says they are not counted instead of listing a wrong "most frequent" list. The limit is lowered
here so the 20 seeded documents cross it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search_ui.app import create_app
from search_ui.facets import REGISTRY, FacetRegistry
from tests.ui.conftest import DOCS, seed_index
from tests.ui.test_html import parse

LIMIT = 5
HANYIN = "陕西省 > 安康市 > 汉阴县"          # 3 of the seeded documents, one issuer


@pytest.fixture(scope="module")
def small_limit(meili) -> Iterator[TestClient]:
    registry = FacetRegistry([dataclasses.replace(f, exact_within=LIMIT) if f.exact_within else f for f in REGISTRY])
    config = dataclasses.replace(seed_index(meili, "ui_deferred_facets"), facets=registry)
    with TestClient(create_app(config)) as c:
        yield c


def facet_values(html: str, name: str) -> dict[str, str]:
    """data-value → count text of one facet's links."""
    return {a["data-value"]: a["href"] for t, a in parse(html).tags
            if t == "a" and "facet-link" in a.get("class", "") and a.get("data-facet") == name}


def test_a_large_result_set_says_issuers_are_not_counted(small_limit):
    html = small_limit.get("/search").text
    assert len(DOCS) > LIMIT
    assert facet_values(html, "issuer") == {} and facet_values(html, "site") == {}
    assert html.count('class="muted facet-uncounted"') == 2 and f"（本次 {len(DOCS)} 条）" in html
    english = small_limit.get("/search", params={"lang": "en"}).text
    assert f"Not counted for more than {LIMIT} results (this search has {len(DOCS)})" in english


def test_a_small_result_set_lists_its_issuers_with_exact_counts(small_limit):
    html = small_limit.get("/search", params={"region": HANYIN}).text
    expected = {d["issuer"] for d in DOCS if d["region"]["lvl2"] == HANYIN}
    assert set(facet_values(html, "issuer")) == expected and "facet-uncounted" not in html
    assert ">3</span>" in html.split('data-facet="issuer"', 1)[1].split("</a>", 1)[0]


def test_an_issuer_in_use_is_still_counted_and_can_be_removed(small_limit):
    issuer = next(d["issuer"] for d in DOCS if d["region"]["lvl2"] == HANYIN)
    html = small_limit.get("/search", params={"issuer": issuer}).text
    assert issuer in facet_values(html, "issuer")           # its own count search, as before
    assert "facet-uncounted" not in html                    # 3 results: the site list is counted too


def test_the_json_api_still_counts_them(small_limit):
    facets = small_limit.get("/api/search").json()["facets"]
    assert sum(facets["issuer"].values()) == len(DOCS)
