"""`gonggao sources check` on the CMS-family demo web: a verdict per source, the moved column flagged,
verdicts stored in the catalog for the status page, exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.vocabulary import CheckVerdict
from gonggao.demo_web.server import DemoWeb
from indexer.store.catalog import Catalog
from indexer.store.checks import latest_checks
from search_ui.app import WebConfig, create_app
from tests.e2e.sources_helpers import run, start_cms_web
from tests.faultweb import FaultWeb


@pytest.fixture(scope="module")
def web() -> Iterator[DemoWeb]:
    yield from start_cms_web()


def write_sources(path: Path, entries: dict[str, tuple[str, list[str]]]) -> Path:
    lines = ["sources:"]
    for sid, (base, paths) in entries.items():
        host = base.split("//")[1].split(":")[0]
        urls = ", ".join(f'"{base}{p}"' for p in paths)
        lines.append(f'  - {{id: {sid}, name: 演示, kind: gov, start_urls: [{urls}], allowed_domains: ["{host}"]}}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def sources(tmp_path: Path, web: DemoWeb) -> Path:
    b = web.base_urls
    return write_sources(tmp_path / "sources.yaml", {
        "trs": (b["trs"], ["/tzgg/"]),
        "jcmsproxy": (b["jcmsproxy"], ["/col/col1692209/index.html"]),
        "feeds": (b["feeds"], ["/rss/tzgg.xml"]),
        "aspnet": (b["aspnet"], ["/NewsList.aspx?ClassID=3"]),
        "moved": (b["moved"], ["/tzgg/index.html", "/jyyw/index.html", "/aqjy/index.html"]),
        "gone": (b["moved"], ["/jyyw/index.html"]),
        "blocked": (b["blocked"], ["/xxgk/tzgg/index.html", "/jyxw/index.html"]),
        "walled": (b["walled"], ["/tzgg/index.html"]),
    })


def test_verdict_per_source_table_and_json(sources, tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    table = run(capsys, monkeypatch, data, sources, "sources", "check")
    assert table.code == 1  # two sources are broken
    rows = {line.split()[0]: line for line in table.out.splitlines()[1:] if line.strip() and not line.startswith("8 checked")}
    assert "8 checked: 4 ok, 2 need attention, 2 broken" in table.out
    for sid in ("trs", "jcmsproxy", "feeds", "aspnet"):
        assert " ok " in rows[sid], rows[sid]
    report = json.loads(run(capsys, monkeypatch, data, sources, "sources", "check", "--json").out)
    by_id = {r["id"]: r for r in report}
    assert {k: v["verdict"] for k, v in by_id.items()} == {
        "trs": "ok", "jcmsproxy": "ok", "feeds": "ok", "aspnet": "ok",
        "moved": "needs_attention", "gone": "broken", "blocked": "needs_attention", "walled": "broken"}
    moved = {item["url"].rsplit(":", 1)[1].split("/", 1)[1]: item for item in by_id["moved"]["lists"]}
    assert moved["tzgg/index.html"]["problem_kind"] == "no_list" and moved["tzgg/index.html"]["links_to"].endswith("/xwzx/tzgg/index.html")
    assert moved["jyyw/index.html"]["verdict"] == "broken" and "404" in moved["jyyw/index.html"]["reason"]
    assert "moved permanently to" in moved["aqjy/index.html"]["reason"]
    assert by_id["jcmsproxy"]["lists"][0]["via_proxy"] is True and by_id["jcmsproxy"]["articles"] == 30
    assert by_id["trs"]["lists"][0]["next_page_ok"] is True and by_id["trs"]["newest"] == "2025-06-20"
    assert "forbids Gonggao" in by_id["walled"]["summary"]
    only_ok = run(capsys, monkeypatch, data, sources, "sources", "check", "trs", "feeds")
    assert only_ok.code == 0
    attention = run(capsys, monkeypatch, data, sources, "sources", "check", "trs", "blocked")
    assert attention.code == 0
    assert run(capsys, monkeypatch, data, sources, "sources", "check", "trs", "blocked", "--strict").code == 1
    unknown = run(capsys, monkeypatch, data, sources, "sources", "check", "nosuch")
    assert unknown.code == 2 and "unknown source(s): nosuch" in unknown.err


def test_a_list_that_lost_its_articles_needs_attention_and_the_catalog_keeps_it(web, tmp_path, capsys, monkeypatch):
    """20 article links at the last check, 0 now: 'needs attention' with the count, stored and shown on /status."""
    data = tmp_path / "data"
    sources = write_sources(tmp_path / "sources.yaml", {"nanjing": (web.base_urls["moved"], ["/tzgg/index.html"])})
    after = web.pages("moved")["/tzgg/index.html"]
    web.apply("moved", "before_move")
    try:
        first = run(capsys, monkeypatch, data, sources, "sources", "check", "--json")
    finally:
        web.set_page("moved", "/tzgg/index.html", after.body)
    assert first.code == 0 and json.loads(first.out)[0]["articles"] == 20
    second = run(capsys, monkeypatch, data, sources, "sources", "check")
    assert second.code == 0  # needs attention is not broken (exit 1 with --strict)
    assert "needs attention" in second.out and "0 article links where there were 20" in second.out
    catalog = Catalog(f"sqlite:///{data / 'catalog.sqlite3'}")
    try:
        stored = latest_checks(catalog.engine)["nanjing"]
    finally:
        catalog.close()
    assert stored.verdict == CheckVerdict.ATTENTION and "where there were 20" in stored.summary and stored.articles == 0

    # the status page shows the verdict (no search needed: the page reads the catalog)
    web_config = WebConfig(meili_url="http://127.0.0.1:9", search_key="", index_name="unused",
                           catalog_url=f"sqlite:///{data / 'catalog.sqlite3'}")
    with TestClient(create_app(web_config)) as client:
        [status] = client.get("/status.json").json()["sources"]
        page = client.get("/status", headers={"accept": "text/html"}).text
    assert status["check"]["verdict"] == "needs_attention" and status["check"]["articles"] == 0
    assert 'data-verdict="needs_attention"' in page and "where there were 20" in page


def test_a_browser_challenge_is_broken(tmp_path, capsys, monkeypatch):
    with FaultWeb() as fault:
        sources = write_sources(tmp_path / "sources.yaml", {"guarded": (fault.url(""), list(FaultWeb.GUARDED))})
        result = run(capsys, monkeypatch, tmp_path / "data", sources, "sources", "check", "--json")
    [report] = json.loads(result.out)
    assert result.code == 1 and report["verdict"] == "broken"
    assert all(item["problem_kind"] == "needs_browser" for item in report["lists"])
