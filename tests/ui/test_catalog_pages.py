"""Pages that read the catalog: the document page (evidence, versions, reprints, citation, the
archived copy) and the crawl status page; and how they degrade without a catalog."""

from __future__ import annotations

import pytest

from search_ui.app import create_app
from tests.ui.conftest import DOCS, seed_index

REPRINT = {**next(d for d in DOCS if d["id"] == "doc02"), "id": "doc21", "url": "https://news.example.com/a/21.html",
           "site_name": "转载新闻网", "source_type": "news", "cluster_id": "doc02", "is_canonical": False}


@pytest.fixture(scope="module")
def web_config(meili):
    """This module's index: the fixed documents, with doc02 and a reprint of it in one cluster."""
    docs = [{k: v for k, v in d.items() if not k.startswith("_")} for d in DOCS]
    for d in docs:
        d["cluster_id"] = d["id"]
        d["reprints"] = 1 if d["id"] == "doc02" else 0
    return seed_index(meili, "ui_test_catalog_pages", docs=[*docs, dict(REPRINT)])


def test_doc_page_shows_evidence_versions_and_citation(catalog_client):
    html = catalog_client.get("/doc/doc01", params={"lang": "zh"}).text
    evidence = html.split('id="hazard-evidence"')[1].split("</dd>")[0]
    assert "<mark>防溺水</mark>" in evidence and "<mark>食品安全</mark>" in evidence and "keyword" in evidence
    assert 'id="region-evidence"' in html and "<mark>汉阴县</mark>" in html
    assert "陕西省 &gt; 安康市 &gt; 汉阴县" in html and "(县级)" in html
    assert "2024年5月10日" in html                               # Chinese-style date in the Chinese interface
    assert 'id="citation"' in html
    assert "汉阴县教育体育和科技局：《汉阴县教育局召开校园安全工作会议》，2024-05-10。https://edu.example.gov.cn/202401/t2024_1.html（2024-05-10检索）" in html
    diff = html.split('id="diff"')[1].split("</div>")[0]
    assert "<del>" in diff and "<ins>" in diff and "部署防溺水和食品安全工作" in diff.split("<ins>")[1]
    assert 'id="archived-frame"' in html and 'sandbox title=' in html and 'src="/archive/doc01"' in html


def test_doc_json_twin_holds_the_page(catalog_client):
    doc = catalog_client.get("/doc/doc01.json").json()
    ctx = doc["context"]
    assert ctx["catalog"] is True and ctx["archived_url"] == "/archive/doc01"
    assert doc["status"] == "edited" and doc["versions"] == 2              # provenance from the catalog
    assert [v["version"] for v in ctx["versions"]] == [1, 2]
    assert {e["label"] for e in doc["evidence"]} == {"drowning", "food", "陕西省 > 安康市 > 汉阴县"}
    assert catalog_client.get("/api/v1/doc/doc01").json() == doc


def test_reprints_are_listed_both_ways(catalog_client):
    html = catalog_client.get("/doc/doc02").text
    assert 'id="reprints"' in html and 'href="/doc/doc21"' in html and "转载新闻网" in html
    back = catalog_client.get("/doc/doc21.json").json()["context"]["reprints"]
    assert [r["id"] for r in back] == ["doc02"] and back[0]["is_canonical"] is True
    assert 'id="reprints"' not in catalog_client.get("/doc/doc03").text


def test_results_fold_reprints_and_say_so(catalog_client):
    folded = catalog_client.get("/search", params={"q": "专项检查", "lang": "en"}).text
    assert 'data-total="1"' in folded and 'href="/doc/doc02#reprints">1 reprint<' in folded
    every = catalog_client.get("/search", params={"q": "专项检查", "copies": "all", "lang": "en"}).text
    assert 'data-total="2"' in every and "#reprints" not in every


def test_archived_copy_is_sandboxed_and_decoded(catalog_client):
    r = catalog_client.get("/archive/doc16")
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    csp = r.headers["content-security-policy"]
    assert csp.startswith("sandbox;") and "default-src 'none'" in csp and "script-src" not in csp
    assert "frame-ancestors 'self'" in csp and r.headers["x-frame-options"] == "SAMEORIGIN"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "校园安全提示（存档）" in r.text                      # GBK bytes, served as UTF-8
    assert catalog_client.get("/archive/doc03").status_code == 404   # no archived copy
    assert catalog_client.get("/archive/nosuch").status_code == 404
    doc_csp = catalog_client.get("/doc/doc16").headers["content-security-policy"]
    assert "frame-ancestors 'none'" in doc_csp and "unsafe-inline" not in doc_csp


def test_status_page_and_twin(catalog_client):
    html = catalog_client.get("/status", params={"lang": "en"}).text
    assert 'id="source-ui-test"' in html and 'id="source-quiet"' in html
    section = html.split('id="source-ui-test"')[1]
    assert 'data-health="failing"' in section and "failing since" in section
    assert "timeout × 2" in section and "http_5xx × 1" in section and "dns × 1" in section
    assert "2030-01-02 06:17" in section and "gonggao crawl ui-test" in section
    assert 'data-health="never"' in html.split('id="source-quiet"')[1]
    data = catalog_client.get("/status.json").json()
    by_id = {s["id"]: s for s in data["sources"]}
    ui = by_id["ui-test"]
    assert ui["health"] == "failing" and ui["failing_since"] == ui["runs"][1]["started_at"]
    assert [r["state"] for r in ui["runs"]] == ["failed", "failed", "ok"]
    assert ui["runs"][1]["errors_by_kind"] == {"timeout": 2, "http_5xx": 1}
    assert ui["runs"][2]["pages_fetched"] == 12 and ui["runs"][2]["docs_new"] == 3
    assert ui["next_run"] == "2030-01-02T06:17+08:00" and ui["documents"] == 2
    assert catalog_client.get("/api/v1/status").json() == data
    assert catalog_client.get("/status").headers["link"].startswith("</status.json>")


def test_without_a_catalog_pages_degrade(client):
    html = client.get("/doc/doc01", params={"lang": "en"}).text
    assert 'id="citation"' in html and 'id="archived-frame"' not in html and 'id="diff"' not in html
    assert client.get("/archive/doc01").status_code == 404
    assert client.get("/status.json").status_code == 404
    status = client.get("/status", params={"lang": "en"})
    assert status.status_code == 200 and 'id="no-catalog"' in status.text


def test_a_broken_catalog_is_a_message_not_a_traceback(web_config, tmp_path):
    import dataclasses

    from fastapi.testclient import TestClient

    broken = dataclasses.replace(web_config, catalog_url=f"sqlite:///{tmp_path / 'empty.sqlite'}", archive_dir=tmp_path)
    with TestClient(create_app(broken)) as c:
        doc = c.get("/doc/doc01", params={"lang": "en"})
        assert doc.status_code == 200 and "catalog is not available" in doc.text
        status = c.get("/status.json")
        assert status.status_code == 503 and "catalog could not be read" in status.json()["error"]
        assert "Traceback" not in c.get("/status").text


def test_health_tells_failing_from_needing_a_browser():
    from config.vocabulary import RunState
    from indexer.store.records import CrawlRun
    from search_ui.status import health, run_row

    def run(i: int, state: str):  # newest first: i=0 is the last run
        started = 1000 - i * 100
        return run_row(CrawlRun(id=10 - i, source_id="s", state=RunState(state), started_at=started,
                                finished_at=started + 5), [])

    assert health([]) == ("never", None)
    assert health([run(0, "ok"), run(1, "failed")]) == ("ok", None)
    assert health([run(0, "failed"), run(1, "failed"), run(2, "ok")]) == ("failing", 900)
    assert health([run(0, "needs_browser"), run(1, "needs_browser"), run(2, "failed")]) == ("needs_browser", 900)
    assert health([run(0, "running"), run(1, "needs_browser")]) == ("needs_browser", 900)


def test_region_evidence_is_shown_by_place_name_not_code():
    from search_ui.docpage import region_names

    doc = {"province": "陕西省", "city": "安康市", "county": "汉阴县", "region_codes": ["610000", "610900", "610921"]}
    assert region_names(doc)["610921"] == "陕西省 > 安康市 > 汉阴县"
    municipality = {"province": "北京市", "city": None, "county": "朝阳区", "region_codes": ["110000", "110105"]}
    assert region_names(municipality) == {"110000": "北京市", "110105": "北京市 > 朝阳区"}
    # a development zone is on its city's path, not a county of it: its evidence is not shown by its bare code
    zone = {"province": "河南省", "city": "郑州市", "county": None, "region_codes": ["410000", "410100", "410171"]}
    assert region_names(zone)["410171"] == "河南省 > 郑州市"
