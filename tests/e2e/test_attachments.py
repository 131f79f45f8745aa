"""Attachments are fetched, their text is searchable with the announcement, and it survives re-crawls."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from indexer.reprints import recluster
from indexer.search_index import admin
from indexer.search_index.sync import sync_outbox
from tests.e2e.helpers import sxjyt_settings

pytestmark = pytest.mark.e2e

ONLY_IN_ATTACHMENT = "roster"


def pdf_parent(web: DemoWeb):  # type: ignore[no-untyped-def]
    return next(a for a in web.articles if any(p.endswith(".pdf") for p in a.attachments))


def test_a_word_only_in_the_attachment_finds_the_announcement(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    parent = pdf_parent(demo_web)
    answer = world.client.get("/api/search", params={"q": ONLY_IN_ATTACHMENT, "copies": "all"}).json()
    assert [h["url"] for h in answer["hits"]] == [parent.url]
    page = world.client.get(f"/doc/{answer['hits'][0]['id']}", params={"lang": "en"})
    assert page.status_code == 200
    assert "学校防汛责任人名单.pdf" in page.text and "text indexed" in page.text


def test_an_unreadable_attachment_is_listed_with_its_reason_and_is_no_failure(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    parent = next(a for a in demo_web.articles if any(p.endswith(".xls") for p in a.attachments))
    errors = [e for e in world.catalog.errors(source_id="sxjyt") if e.kind == "attachment_unreadable"]
    assert [e.url.rsplit("/", 1)[-1] for e in errors] == [parent.attachments[0].rsplit("/", 1)[-1]]
    assert all(run.errors == 0 for run in world.catalog.runs("sxjyt"))
    doc_id = world.client.get("/api/search", params={"q": parent.title, "copies": "all"}).json()["hits"][0]["id"]
    page = world.client.get(f"/doc/{doc_id}", params={"lang": "en"})
    assert "text unreadable: no text reader for xls" in page.text


def test_recrawls_keep_the_attachment_text(tmp_path: Path, meili) -> None:  # type: ignore[no-untyped-def]
    """An edited announcement is fetched again; its attachment answers 304 and the new version keeps its text."""
    with DemoWeb(["sxjyt"]) as web:
        settings = sxjyt_settings(web, tmp_path / "data", meili, "e2e_attachments")
        catalog = open_catalog(settings, load_sources(settings.sources_path))
        master = admin.connect(meili.url, meili.master_key)
        index = master.index(settings.index_name)
        parent = pdf_parent(web)

        assert crawl_in_subprocess(["sxjyt"], settings, timeout=300) == 0
        recluster(catalog)
        assert sync_outbox(catalog, master, settings.index_name, settings.index_settings_path).error is None
        assert [h["url"] for h in index.search(ONLY_IN_ATTACHMENT)["hits"]] == [parent.url]

        assert crawl_in_subprocess(["sxjyt"], settings, timeout=300) == 0  # nothing changed: all 304
        edited = web.pages("sxjyt")[parent.path].body.replace(
            "<p>附件：".encode(), "<p>补充说明：名单请于本月底前报送省教育厅安全处。</p><p>附件：".encode())
        web.set_page("sxjyt", parent.path, edited)
        log_start = len(web.request_log)
        assert crawl_in_subprocess(["sxjyt"], settings, timeout=300) == 0
        pdf_requests = [r for r in web.request_log[log_start:] if r.path.endswith(".pdf")]
        assert [r.status for r in pdf_requests] == [304]

        docs = [catalog.document(h["id"]) for h in index.search(parent.title)["hits"] if h["url"] == parent.url]
        assert docs and docs[0] is not None
        assert docs[0].versions == 2 and "补充说明" in docs[0].body
        assert docs[0].attachments[0].status == "indexed"
        assert docs[0].attachment_text == "Gonggao demo attachment: school flood duty roster"
        recluster(catalog)
        assert sync_outbox(catalog, master, settings.index_name, settings.index_settings_path).error is None
        assert [h["url"] for h in index.search(ONLY_IN_ATTACHMENT)["hits"]] == [parent.url]
        catalog.close()
