"""Second crawls are incremental; a dead source is a recorded error while the others finish."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo_web.server import DemoWeb, LoggedRequest
from gonggao.pipeline import open_catalog
from indexer.search_index.process import free_port

pytestmark = pytest.mark.e2e


def test_second_crawl_is_conditional_and_adds_no_versions(world, demo_web) -> None:
    versions_before = world.catalog.count_versions()
    docs_before = world.catalog.count_documents()
    log_start = len(demo_web.request_log)
    ids = [s.id for s in load_sources(world.settings.sources_path)]
    assert crawl_in_subprocess(ids, world.settings, timeout=300) == 0
    second = demo_web.request_log[log_start:]
    conditional = [r for r in second if {k.lower() for k in r.headers} & {"if-none-match", "if-modified-since"}]
    assert conditional, "known articles are asked for with If-None-Match / If-Modified-Since"
    assert all(r.status == 304 for r in conditional)
    assert world.catalog.count_versions() == versions_before
    assert world.catalog.count_documents() == docs_before
    runs = world.catalog.runs(limit=len(ids))
    assert all(r.docs_new == 0 and r.docs_changed == 0 for r in runs)
    assert sum(r.pages_unchanged for r in runs) >= len(conditional)
    assert len(list_page_reads(second, demo_web)) < len(list_page_reads(world.first_run_requests, demo_web)), \
        "paging stops once a list page yields only known articles"


def list_page_reads(requests: list[LoggedRequest], demo_web: DemoWeb) -> list[LoggedRequest]:
    """The requests of a crawl for anything but robots.txt, the articles and their attachments: its list pages."""
    known = {(a.site, path) for a in demo_web.articles for path in (a.path, *a.attachments)}
    return [r for r in requests if r.path != "/robots.txt" and (r.site, r.path) not in known]


def test_unreachable_source_is_a_recorded_error_and_others_finish(tmp_path: Path, world, demo_web) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    text = world.settings.sources_path.read_text(encoding="utf-8") + f"""
  - id: dead
    name: 已关闭的站点
    kind: gov
    start_urls: ["{dead}/index.html"]
    allowed_domains: ["127.0.0.1"]
"""
    sources_path = tmp_path / "sources.yaml"
    sources_path.write_text(text, encoding="utf-8")
    settings = world.settings.model_copy(update={"data_dir": tmp_path / "data", "sources_path": sources_path})
    sources = load_sources(sources_path)
    catalog = open_catalog(settings, sources)
    code = crawl_in_subprocess(["dead", "hanyin"], settings, timeout=300)
    assert code == 0
    errors = catalog.errors(source_id="dead")
    assert errors and errors[0].kind == "connect"
    runs = {r.source_id: r for r in catalog.runs()}
    assert runs["dead"].state == "failed"
    assert runs["hanyin"].state == "ok" and runs["hanyin"].docs_new > 0
