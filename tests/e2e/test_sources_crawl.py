"""Onboard every CMS-family demo site with `gonggao sources add --write`, crawl the file it wrote, and
find every listed article once, with its date: the families are read without per-site selectors."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import pytest

from config.settings import Settings
from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo_web.cms_sites import RSS_ITEMS
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from tests.e2e.sources_helpers import run, start_cms_web

FAMILY_SITES = ["trs", "shtml", "jcms", "jcmsproxy", "aspnet", "jsp", "feeds", "moved", "blocked"]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def web() -> Iterator[DemoWeb]:
    yield from start_cms_web()


def expected(web: DemoWeb, site: str) -> dict[str, str]:
    """URL → published date of every article a crawl of the lists `sources add` chose must find."""
    articles = [a for a in web.articles if a.site == site]
    if site == "feeds":  # the feed carries the newest items only
        articles = sorted(articles, key=lambda a: a.published_date, reverse=True)[:RSS_ITEMS]
    return {a.url: a.published_date for a in articles}


def test_every_family_crawls_to_its_articles_once_with_dates(web, tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    for site in FAMILY_SITES:
        result = run(capsys, monkeypatch, data, sources, "sources", "add", web.base_urls[site] + "/", "--write", "--id", site)
        assert result.code == 0, (site, result.err)
    assert [s.id for s in load_sources(sources)] == FAMILY_SITES
    settings = Settings.load({"data_dir": data, "sources_path": sources, "crawl_delay": 0.0}, environ={})
    catalog = open_catalog(settings, load_sources(sources))
    code = crawl_in_subprocess(FAMILY_SITES, settings, timeout=600)
    assert code == 0
    docs = [json.loads(data_json) for batch in catalog.all_documents() for _, data_json in batch]
    by_site = Counter(d["source_id"] for d in docs)
    for site in FAMILY_SITES:
        found = {d["url"]: d.get("published_date") for d in docs if d["source_id"] == site}
        want = expected(web, site)
        assert set(found) == set(want), (site, sorted(set(want) - set(found))[:3], sorted(set(found) - set(want))[:3])
        assert by_site[site] == len(want), f"{site}: duplicates"
        assert found == want, site
    blocked = [r for r in web.request_log if r.site == "blocked" and r.path.startswith("/xxgk/")]
    assert not blocked, "the crawl requested a path robots.txt disallows"


def test_a_site_that_ignores_conditional_requests_is_not_archived_or_extracted_again(web, tmp_path, capsys, monkeypatch):
    """ASP.NET pages come back whole (200, no validators) on every crawl: when the bytes are those
    stored, the page counts as unchanged and is neither archived nor extracted again."""
    from warcio.archiveiterator import ArchiveIterator

    from config.vocabulary import RunState

    data = tmp_path / "data"
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    assert run(capsys, monkeypatch, data, sources, "sources", "add", web.base_urls["aspnet"] + "/", "--write", "--id", "dg").code == 0
    settings = Settings.load({"data_dir": data, "sources_path": sources, "crawl_delay": 0.0}, environ={})
    catalog = open_catalog(settings, load_sources(sources))

    def archived() -> int:
        count = 0
        for path in settings.archive_dir.glob("*.warc.gz"):
            with open(path, "rb") as stream:
                count += sum(1 for record in ArchiveIterator(stream) if record.rec_type == "response")
        return count

    articles = len([a for a in web.articles if a.site == "aspnet"])
    assert crawl_in_subprocess(["dg"], settings, timeout=300) == 0
    first = catalog.runs("dg", limit=1)[0]
    assert (first.state, first.pages_fetched, first.docs_new) == (RunState.OK, articles, articles)
    stored = archived()
    assert crawl_in_subprocess(["dg"], settings, timeout=300) == 0
    second = catalog.runs("dg", limit=1)[0]
    # paging stops at the first list page of known articles, so not every article is asked for again
    assert (second.state, second.pages_fetched, second.docs_changed) == (RunState.OK, 0, 0) and second.pages_unchanged >= 8
    assert archived() == stored
    catalog.close()
