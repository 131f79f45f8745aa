"""The `gonggao` command as a user runs it: messages, exit codes and output shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest


def gonggao(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gonggao", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def test_config_error_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - id: ok\n    name: 好\n    kind: gov\n    start_urls: [http://x/]\n"
                   "    allowed_domains: [x]\n  - id: bad\n    name: 坏\n    kind: blog\n"
                   "    start_urls: [http://x/]\n    allowed_domains: [x]\n", encoding="utf-8")
    result = gonggao("--data-dir", str(tmp_path / "d"), "sources", env={"GONGGAO_SOURCES": str(bad)})
    assert result.returncode == 2
    assert f"{bad}:9" in result.stderr and "sources.1.kind" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_prints_json_lines_and_keeps_going_past_a_bad_page(tmp_path: Path, demo_web) -> None:  # type: ignore[no-untyped-def]
    article = next(a for a in demo_web.articles if a.site == "sxjyt")
    page = tmp_path / "page.html"
    page.write_bytes(urllib.request.urlopen(article.url, timeout=10).read())
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.html"
    result = gonggao("extract", str(empty), str(page), str(missing))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0, result.stderr
    assert [line["source_file"] for line in lines] == [str(empty), str(page), str(missing)]
    assert "error" in lines[0] and "error" in lines[2]
    doc = lines[1]
    assert doc["title"] == article.title
    for field in ("body", "published_date", "issuer", "province", "city", "county", "region", "region_codes", "hazards"):
        assert field in doc
    assert doc["province"] == article.province


def test_extract_with_url_uses_it(tmp_path: Path, demo_web) -> None:  # type: ignore[no-untyped-def]
    article = next(a for a in demo_web.articles if a.site == "news")
    page = tmp_path / "page.html"
    page.write_bytes(urllib.request.urlopen(article.url, timeout=10).read())
    result = gonggao("extract", str(page), "--url", article.url)
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["url"] == article.url


def test_extract_manifest_gives_each_page_its_url_and_reports_bad_lines(tmp_path: Path, demo_web) -> None:  # type: ignore[no-untyped-def]
    articles = [next(a for a in demo_web.articles if a.site == site) for site in ("sxjyt", "news")]
    for i, article in enumerate(articles):
        (tmp_path / f"p{i}.html").write_bytes(urllib.request.urlopen(article.url, timeout=10).read())
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - id: portal\n    name: 门户\n    kind: news\n    start_urls: [http://127.0.0.1/]\n"
                       "    allowed_domains: [127.0.0.1]\n", encoding="utf-8")
    manifest = tmp_path / "pages.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"path": "p0.html", "url": articles[0].url}),
        "{not json",
        json.dumps({"path": str(tmp_path / "p1.html"), "url": articles[1].url, "source": "portal"}),
        json.dumps({"url": "http://example.invalid/x"}),
        json.dumps({"path": "p1.html", "source": "nosuch"}),
        json.dumps({"path": "missing.html"}),
    ]) + "\n", encoding="utf-8")
    env = {"GONGGAO_SOURCES": str(sources)}
    result = gonggao("extract", "--manifest", str(manifest), env=env)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("url") for line in lines if "error" not in line] == [a.url for a in articles]
    assert [line["source_type"] for line in lines if "error" not in line] == ["gov", "news"]
    assert lines[2]["source_id"] == "portal"
    errors = [line for line in lines if "error" in line]
    assert [(e.get("line"), e.get("source_file")) for e in errors] == \
        [(2, None), (4, None), (5, None), (None, str(tmp_path / "missing.html"))]
    assert "line 2" in errors[0]["error"] and "nosuch" in errors[2]["error"]
    # the same manifest on standard input; relative paths then start from the working folder
    piped = subprocess.run([sys.executable, "-m", "gonggao", "extract", "--manifest", "-"], input=manifest.read_text(),
                           capture_output=True, text=True, timeout=300, env={**os.environ, **env}, cwd=tmp_path)
    assert piped.returncode == 0 and piped.stdout.count('"error"') == len(errors)
    # the single-page flags do not mix with a manifest; nothing at all is a usage error
    mixed = gonggao("extract", str(tmp_path / "p0.html"), "--manifest", str(manifest), env=env)
    assert mixed.returncode == 2 and "--manifest" in mixed.stderr and "Traceback" not in mixed.stderr
    nothing = gonggao("extract")
    assert nothing.returncode == 2 and "Traceback" not in nothing.stderr
    unreadable = gonggao("extract", "--manifest", str(tmp_path / "none.jsonl"))
    assert unreadable.returncode == 2 and "none.jsonl" in unreadable.stderr


@pytest.mark.e2e
def test_sources_and_search_commands(world) -> None:  # type: ignore[no-untyped-def]
    env = {"GONGGAO_SOURCES": str(world.settings.sources_path), "MEILI_URL": world.meili.url,
           "MEILI_MASTER_KEY": world.meili.master_key, "GONGGAO_INDEX": world.settings.index_name}
    data = ["--data-dir", str(world.settings.data_dir)]
    listing = gonggao(*data, "sources", "--json", env=env)
    assert listing.returncode == 0, listing.stderr
    rows = json.loads(listing.stdout)
    assert {r["id"] for r in rows} >= {"sxjyt", "hanyin"}
    assert all(r["documents"] > 0 and r["last_state"] == "ok" and r["next_run"] for r in rows)
    found = gonggao(*data, "search", "溺水", "--region", "陕西省", "--json", env=env)
    assert found.returncode == 0, found.stderr
    answer = json.loads(found.stdout)
    assert answer["total"] > 0 and all(h["province"] == "陕西省" for h in answer["hits"])
    bad = gonggao(*data, "search", "x", "--since", "2025-13-45", env=env)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_search_with_meilisearch_down_is_a_clear_message(tmp_path: Path) -> None:
    from indexer.search_index.process import free_port

    env = {"MEILI_URL": f"http://127.0.0.1:{free_port()}", "MEILI_MASTER_KEY": "x"}
    result = gonggao("--data-dir", str(tmp_path), "search", "校园", env=env)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "Meilisearch" in result.stderr


def test_a_malformed_scrapyd_node_list_is_a_config_error(tmp_path: Path) -> None:
    result = gonggao("--data-dir", str(tmp_path / "d"), "crawl", env={"GONGGAO_SCRAPYD_NODES": "ftp://h1:6800"})
    assert result.returncode == 2
    assert "GONGGAO_SCRAPYD_NODES" in result.stderr and "ftp://h1:6800" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_closed_early_ends_quietly(tmp_path: Path) -> None:
    """`gonggao sources --json | head -c 1`: the reader goes away before the output is written."""
    proc = subprocess.Popen([sys.executable, "-m", "gonggao", "--data-dir", str(tmp_path), "sources", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 141, stderr
    assert stderr == ""
