"""What probing the running demo found (issue 9), each checked against the app on a real Meilisearch:
dates out of range, a truncated page, full-width digits, an oversized Link header, an off-site
language link, HEAD and 405, the OpenAPI schema's types, Atom links, a page past the end, plurals."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from config.vocabulary import EventType, IssuerLevel, SourceKind
from search_ui.app import create_app
from tests.ui.conftest import DOCS, REPO, route_paths
from tests.ui.test_html import parse

SEARCH_ENDPOINTS = ("/search", "/search.json", "/api/search", "/api/v1/search", "/api/v1/facets",
                    "/search.csv", "/search.xlsx", "/search.jsonl", "/search.atom")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("path", SEARCH_ENDPOINTS)
@pytest.mark.parametrize("params", [{"to": "9999-12-31"}, {"from": "9999-12-25", "to": "9999-12-30"},
                                    {"from": "1899-12-31"}, {"year": "2101"}])
def test_dates_outside_1900_to_2100_are_a_clear_400(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 400
    assert "1900" in r.text and "2100" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("path", SEARCH_ENDPOINTS)
def test_the_bounds_themselves_are_searchable(client, path):
    assert client.get(path, params={"from": "1900-01-01", "to": "2100-12-31"}).status_code == 200


def test_a_week_range_at_the_end_of_the_range_renders_the_whole_page(client):
    r = client.get("/search", params={"from": "2100-12-25", "to": "2100-12-31", "lang": "en"})
    assert r.status_code == 200
    assert 'id="timeline"' in r.text and "per week" in r.text and r.text.rstrip().endswith("</html>")


@pytest.mark.parametrize("params", [{"page": "１２"}, {"per_page": "５"}, {"year": "２０２４"}, {"from": "２０２４-01-01"}])
def test_full_width_digits_are_refused_not_read(client, params):
    r = client.get("/api/v1/search", params=params)
    error = r.json()["error"]
    assert r.status_code == 400 and ("0-9" in error or "YYYY-MM-DD" in error)


def test_an_oversized_query_string_is_refused(client):
    r = client.get("/api/v1/search", params={"region": ["陕西省" * 50] * 30})
    assert r.status_code == 400 and "too long" in r.json()["error"]
    page = client.get("/search", params={"hazard": ["x" * 150] * 30})
    assert page.status_code == 400 and "too long" in page.text


def test_the_link_header_is_left_out_when_the_url_is_long(client):
    regions = [f"陕西省 > 安康市 > 汉阴县{n}" for n in range(40)]        # ~600 characters, ~5 KB encoded
    r = client.get("/search", params={"region": regions})
    assert r.status_code == 200 and "link" not in r.headers
    assert '<link rel="alternate" type="application/json" href="/search.json?' in r.text   # still linked in the page
    short = client.get("/search", params={"region": "陕西省"})
    assert short.headers["link"].startswith("</search.json?region=")


@pytest.mark.parametrize("path", ["//evil.example/x", "/\\evil.example/x", "/%2F%2Fevil.example/x", "/%09/evil.example"])
def test_language_links_of_an_error_page_stay_on_site(client, path):
    r = client.get(str(client.base_url) + path, headers={"accept": "text/html"})
    assert r.status_code == 404
    hrefs = [a["href"] for t, a in parse(r.text).tags if t == "a" and a.get("hreflang")]
    assert len(hrefs) == 2
    for href in hrefs:
        assert href.startswith("/") and not href.startswith(("//", "/\\")) and "\t" not in href, href


def test_head_is_answered_on_every_route(catalog_client):
    saved = catalog_client.post("/api/v1/saved-searches", json={"query": "hazard=drowning"}).json()["id"]
    paths = ["/", "/search", "/search.json", "/search.csv", "/search.xlsx", "/search.jsonl", "/search.atom",
             "/timeline.csv", "/doc/doc01", "/doc/doc01.json", "/archive/doc16", "/status", "/status.json", "/api/search",
             "/api/v1/search", "/api/v1/facets", "/api/v1/doc/doc01", "/api/v1/status", "/healthz",
             "/openapi.json", "/static/app.js", "/search/results", "/follow", "/saved", "/saved.json", f"/saved/{saved}",
             "/api/v1/saved-searches", f"/api/v1/saved-searches/{saved}"]
    probed = {p.replace("doc01", "{doc_id}").replace("doc16", "{doc_id}").replace("/app.js", "")
              .replace(f"/{saved}", "/{search_id}") for p in paths}
    assert route_paths(catalog_client.app.routes) == probed, "probe every route"
    for path in paths:
        get, head = catalog_client.get(path), catalog_client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"], path


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/healthz", "/search", "/api/v1/search", "/doc/doc01", "/static/app.js"])
def test_405_says_what_is_allowed(client, method, path):
    r = client.request(method, path)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"


def test_openapi_declares_enums_patterns_and_every_search_parameter(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/search", "/api/search", "/api/v1/facets", "/search.csv", "/search.xlsx", "/search.jsonl",
                 "/search.atom"):
        params = {p["name"]: p["schema"] for p in spec["paths"][path]["get"]["parameters"]}
        assert params["source_type"]["items"]["enum"] == list(SourceKind.codes()), path
        assert params["issuer_level"]["items"]["enum"] == list(IssuerLevel.codes())
        assert params["event_type"]["items"]["enum"] == list(EventType.codes())
        assert params["sort"]["enum"] == ["relevance", "date", "date_asc"] and params["copies"]["enum"] == ["one", "all"]
        assert params["hazard_mode"]["enum"] == ["or", "and"] and params["safety"]["enum"] == ["0", "1"]
        assert params["from"]["format"] == "date" and params["to"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        assert params["page"]["type"] == "integer" and params["per_page"]["maximum"] == 100
        assert params["year"]["items"] == {"type": "integer", "minimum": 1900, "maximum": 2100}
        assert "hazards" in params["facet"]["items"]["enum"]
        assert ("lang" in params) is path.startswith("/search.")


def test_atom_links_use_the_public_url_when_configured(web_config):
    with TestClient(create_app(dataclasses.replace(web_config, public_url="https://gonggao.example.org"))) as c:
        root = ET.fromstring(c.get("/search.atom", params={"hazard": "drowning"}, headers={"host": "evil.example"}).content)
    hrefs = [link.get("href") for link in root.iter(ATOM + "link") if link.get("rel") != "related"]
    assert hrefs and all(h.startswith("https://gonggao.example.org/") for h in hrefs), hrefs
    assert root.find(ATOM + "link").get("href") == "https://gonggao.example.org/search.atom?hazard=drowning"


def test_atom_links_follow_the_host_without_a_public_url(client):
    root = ET.fromstring(client.get("/search.atom", headers={"host": "gonggao.lan:8000"}).content)
    assert root.find(ATOM + "link").get("href") == "http://gonggao.lan:8000/search.atom"


def test_a_bad_public_url_is_a_config_error(web_config):
    from config.errors import ConfigError

    with pytest.raises(ConfigError, match="GONGGAO_PUBLIC_URL"):
        create_app(dataclasses.replace(web_config, public_url="gonggao.example.org"))


def test_a_page_past_the_end_says_so_once(client):
    html = client.get("/search", params={"per_page": "7", "page": "9", "lang": "en"}).text
    assert f'data-total="{len(DOCS)}"' in html
    assert "No announcements match" not in html
    assert "Page 9 is past the end of the results (3 pages)." in html
    last = html.split('id="past-end"')[1].split('href="')[1].split('"')[0]
    assert last == "/search?page=3&amp;per_page=7"
    assert '<a href="/search?page=3&amp;per_page=7" rel="prev">' in html      # not to page 8, also past the end


def test_english_counts_are_singular_for_one(client):
    one = client.get("/search", params={"q": "专项治理", "lang": "en"}).text
    assert 'data-total="1">1 result</span>' in one
    many = client.get("/search", params={"lang": "en"}).text
    assert f'data-total="{len(DOCS)}">{len(DOCS)} results</span>' in many
    assert "共 1 条" in client.get("/search", params={"q": "专项治理", "lang": "zh"}).text


def test_search_ui_never_imports_the_meilisearch_client():
    for path in sorted((REPO / "search_ui").rglob("*.py")):
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] == "meilisearch"], path
