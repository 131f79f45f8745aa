"""An announcement taken off its list page is marked removed; one that scrolled onto page 2 is not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from indexer.ingest import document_id
from indexer.reprints import recluster
from indexer.search_index import admin
from indexer.search_index.sync import sync_outbox
from tests.e2e.helpers import SXJYT_LIST as LIST
from tests.e2e.helpers import sxjyt_settings

pytestmark = pytest.mark.e2e

PAGE_2 = "/jyzx/tzgg/index_1.html"
ITEM = re.compile(rb'<li><a href="(?P<path>[^"]+)" target="_blank".*?</li>\n?')  # the list's articles, not its menu


def test_an_article_dropped_from_its_list_is_removed_and_one_moved_to_page_2_is_not(tmp_path: Path, meili) -> None:  # type: ignore[no-untyped-def]
    with DemoWeb(["sxjyt"]) as web:
        settings = sxjyt_settings(web, tmp_path / "data", meili, "e2e_vanished")
        catalog = open_catalog(settings, load_sources(settings.sources_path))
        assert crawl_in_subprocess(["sxjyt"], settings, timeout=300) == 0
        base = web.base_urls["sxjyt"]

        first = web.pages("sxjyt")[LIST].body
        items = list(ITEM.finditer(first))
        dropped, moved = items[2], items[-1]  # one from the middle; the oldest slides onto page 2
        web.set_page("sxjyt", LIST, first.replace(dropped.group(0), b"").replace(moved.group(0), b""))
        second = web.pages("sxjyt")[PAGE_2].body
        web.set_page("sxjyt", PAGE_2, second.replace(b'<ul class="list-ul">\n', b'<ul class="list-ul">\n' + moved.group(0)))
        log_start = len(web.request_log)
        assert crawl_in_subprocess(["sxjyt"], settings, timeout=300) == 0
        # page 1 now holds only known articles, so the crawl reads no further: only the date rule
        # (older than every article still on page 1) keeps the moved article from counting as taken down
        assert PAGE_2 not in {r.path for r in web.request_log[log_start:]}

        status = {m.group("path").decode(): catalog.document(document_id(base + m.group("path").decode())).status
                  for m in items}
        dropped_path, moved_path = dropped.group("path").decode(), moved.group("path").decode()
        assert status.pop(dropped_path) == "removed"
        assert status.pop(moved_path) == "live"
        assert set(status.values()) == {"live"}
        assert catalog.runs("sxjyt", limit=1)[0].docs_removed == 1
        assert catalog.known_page(base + dropped_path).state == "removed"

        master = admin.connect(meili.url, meili.master_key)
        recluster(catalog)
        assert sync_outbox(catalog, master, settings.index_name, settings.index_settings_path).error is None
        title = catalog.document(document_id(base + dropped_path)).title
        hits = master.index(settings.index_name).search(title, {"filter": "status = removed"})["hits"]
        assert [h["url"] for h in hits] == [base + dropped_path]
        catalog.close()
