"""The real spider against the fault web: the crawl finishes, each fault is a recorded error of its
kind, the politeness limits hold, traps stay small, and no good page is lost."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from config.settings import Settings
from config.sources import load_sources
from crawler import settings as crawler_settings
from crawler.launch import crawl_in_subprocess
from gonggao.cli import main as gonggao_main
from gonggao.pipeline import open_catalog
from indexer.store.catalog import Catalog
from tests.faultweb import ARTICLES, HANG_SECONDS, RETRY_AFTER, SLOW_SECONDS, FaultWeb

pytestmark = pytest.mark.e2e

# The hanging page (HANG_SECONDS) must time out and the slow good page (SLOW_SECONDS) must not, also on
# a loaded machine, where a response can take seconds longer than the server's own delay: wide margins
# both ways. Each try of the hanging page costs this long, so it is no longer than that.
DOWNLOAD_TIMEOUT = 8
assert SLOW_SECONDS * 4 < DOWNLOAD_TIMEOUT < HANG_SECONDS / 4
MAX_LIST_PAGES = 5
EXPECTED_KINDS = {
    "/trap/timeout.html": "timeout",
    "/trap/reset.html": "reset",
    "/trap/storm/1.html": "http_5xx",
    "/trap/storm/2.html": "http_5xx",
    "/trap/busy.html": "rate_limited",
    "/trap/busy-long.html": "rate_limited",
    "/trap/loop/a.html": "redirect_loop",
    "/trap/huge.html": "too_large",
    "/trap/binary.html": "binary",
    "/trap/challenge.html": "needs_browser",
    "/private/202501/t20250118_100099.html": "robots",
}


@dataclass
class FaultCrawl:
    web: FaultWeb
    settings: Settings
    catalog: Catalog
    exit_code: int


def write_sources(path: Path, web: FaultWeb) -> None:
    guarded = ", ".join(f'"{web.url(p)}"' for p in web.GUARDED)
    path.write_text(f"""sources:
  - id: faulty
    name: 示例市人民政府
    kind: gov
    start_urls: ["{web.url(web.LIST)}"]
    allowed_domains: ["127.0.0.1"]
    max_list_pages: {MAX_LIST_PAGES}
  - id: guarded
    name: 需要浏览器的站点
    kind: gov
    start_urls: [{guarded}]
    allowed_domains: ["127.0.0.1"]
""", encoding="utf-8")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultCrawl]:
    tmp = tmp_path_factory.mktemp("faults")
    with FaultWeb() as web:
        write_sources(tmp / "sources.yaml", web)
        settings = Settings.load({"data_dir": tmp / "data", "sources_path": tmp / "sources.yaml", "crawl_delay": 0.05},
                                 environ={})
        catalog = open_catalog(settings, load_sources(settings.sources_path))
        # one process, two sources on one host: they take turns, so the per-host limit holds across them
        code = crawl_in_subprocess(["faulty", "guarded"], settings, timeout=300,
                                   scrapy_settings={"DOWNLOAD_TIMEOUT": DOWNLOAD_TIMEOUT})
        yield FaultCrawl(web, settings, catalog, code)
        catalog.close()


def errors_by_path(catalog: Catalog, source_id: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for error in catalog.errors(source_id=source_id):
        out.setdefault(urlsplit(error.url).path, []).append(error.kind)
    return out


def test_the_crawl_finishes_and_every_good_page_is_a_document(crawl: FaultCrawl) -> None:
    assert crawl.exit_code == 0
    [run] = crawl.catalog.runs("faulty")
    assert run.state == "ok" and run.finished_at
    titles = {json.loads(data)["title"] for batch in crawl.catalog.all_documents() for _, data in batch}
    assert titles == {a.title for a in ARTICLES}, "every good one: slow, mislabelled, malformed, refused once"
    good_urls = [crawl.web.url(p) for p in crawl.web.good_paths]
    assert crawl.catalog.known_urls(good_urls) == set(good_urls)
    assert run.docs_new == len(ARTICLES)


def test_each_fault_is_a_recorded_error_of_its_kind(crawl: FaultCrawl) -> None:
    recorded = errors_by_path(crawl.catalog, "faulty")
    assert {path: kinds[0] for path, kinds in recorded.items()} == EXPECTED_KINDS
    assert all(len(kinds) == 1 for kinds in recorded.values()), "one error per failed URL, not one per retry"
    [run] = crawl.catalog.runs("faulty")
    assert run.errors == len([k for k in EXPECTED_KINDS.values() if k != "robots"])


def test_politeness_holds(crawl: FaultCrawl) -> None:
    web = crawl.web
    assert web.max_in_flight() <= crawler_settings.CONCURRENT_REQUESTS_PER_DOMAIN
    [faulty], [guarded] = crawl.catalog.runs("faulty"), crawl.catalog.runs("guarded")
    assert faulty.finished_at is not None and guarded.started_at >= faulty.finished_at, \
        "two sources of one host crawl in turn"
    assert web.requests[0].path == "/robots.txt"
    assert not [r for r in web.requests if r.path.startswith("/private/")], "robots.txt is obeyed"
    # Retry-After: 1 s -> the next try starts no earlier than 1 s after the 429 answer
    for path in ("/trap/busy.html", next(p for p, f in web.good_faults.items() if f == "429_once")):
        hits = web.hits(path)
        assert len(hits) >= 2
        for answered, retried in itertools.pairwise(hits):
            assert retried.start - answered.end >= RETRY_AFTER, f"{path} asked again before its Retry-After"
    assert len(web.hits("/trap/busy-long.html")) == 1, "a Retry-After of an hour is left for the next run"


def test_traps_stay_small(crawl: FaultCrawl) -> None:
    web = crawl.web
    calendar = [r for r in web.requests if r.path.startswith("/calendar")]
    session_lists = [r for r in web.requests if r.path.startswith("/news/")]
    assert len(calendar) + len(session_lists) + 2 <= MAX_LIST_PAGES, "calendar and session lists count as list pages"
    assert not [r for r in web.requests if "jsessionid" in r.path.lower()], "session ids are dropped from URLs"
    assert len(web.hits(ARTICLES[0].path)) == 1
    assert len(web.hits("/trap/loop/a.html")) == 1 and len(web.hits("/trap/loop/b.html")) == 1
    retried = crawler_settings.RETRY_TIMES + 1
    faulty = 1 + 2 + len(ARTICLES) + 2 + len(EXPECTED_KINDS) * retried + MAX_LIST_PAGES
    guarded = 1 + len(web.GUARDED)
    assert len(web.requests) <= faulty + guarded


def test_a_huge_body_is_cut_at_the_size_cap(crawl: FaultCrawl) -> None:
    [huge] = crawl.web.hits("/trap/huge.html")
    assert huge.status == 499, "the crawler hung up before the 50 MB were sent"
    assert crawl.catalog.known_page(crawl.web.url("/trap/huge.html")) is None
    [error] = [e for e in crawl.catalog.errors("faulty") if e.url.endswith("/trap/huge.html")]
    assert "DOWNLOAD_MAXSIZE" in error.message


def test_a_source_behind_a_javascript_challenge_is_marked_as_needing_a_browser(
        crawl: FaultCrawl, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert crawl.exit_code == 0, "a source needing a browser is a state of the source, not a crashed crawl"
    assert errors_by_path(crawl.catalog, "guarded") == {p: ["needs_browser"] for p in crawl.web.GUARDED}
    summary = next(s for s in crawl.catalog.source_summaries() if s.id == "guarded")
    assert summary.last_run is not None and summary.last_run.state == "needs_browser"
    assert summary.last_error is not None and summary.last_error.kind == "needs_browser"

    monkeypatch.setenv("GONGGAO_SOURCES", str(crawl.settings.sources_path))
    capsys.readouterr()
    assert gonggao_main(["--data-dir", str(crawl.settings.data_dir), "sources", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["guarded"]["last_state"] == "needs_browser"
    assert "needs a browser" in rows["guarded"]["last_error"]
    assert rows["faulty"]["last_state"] == "ok"
