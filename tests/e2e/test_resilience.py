"""Machine faults: the crawler killed mid-run, Meilisearch killed mid-sync, a full disk.

Each ends with a complete, consistent catalog (no duplicate, no half-stored page) once the fault
is gone. The full disk is caused inside the crawl process: the WARC writer answers ENOSPC, and
SQLite's real "database or disk is full" comes from capping the database size (max_page_count).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from config.settings import Settings
from config.sources import load_sources
from crawler.launch import crawl_in_subprocess, start_crawl
from gonggao.pipeline import open_catalog
from indexer.models import Document, Page
from indexer.search_index import admin, sync
from indexer.search_index.process import MeiliProcess
from indexer.search_index.sync import sync_outbox
from indexer.store.catalog import Catalog
from tests.faultweb import ARTICLES, FaultWeb

pytestmark = pytest.mark.e2e

ARTICLE_DELAY = 0.5  # seconds per article: the crawl is still running when the test kills it
WARC_RECORDS_BEFORE_FULL = 3
WARC_FULL = f"""
import errno, sys
from crawler.run import main
from indexer.store.warc import WarcWriterRotating
append, written = WarcWriterRotating.append, []
def append_until_full(self, page):
    if len(written) >= {WARC_RECORDS_BEFORE_FULL}:
        raise OSError(errno.ENOSPC, "No space left on device")
    written.append(append(self, page))
    return written[-1]
WarcWriterRotating.append = append_until_full
sys.exit(main(sys.argv[1:]))
"""
CATALOG_FULL = """
import sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from crawler.run import main
@event.listens_for(Engine, "connect")
def cap_size(dbapi_connection, record):
    dbapi_connection.execute("PRAGMA max_page_count = {pages}")
sys.exit(main(sys.argv[1:]))
"""


@contextmanager
def plain_site(tmp_path: Path, article_delay: float = 0.0) -> Iterator[tuple[FaultWeb, Settings, Catalog]]:
    """The fault web's good articles alone, each answered after `article_delay`, as source `plain`."""
    with FaultWeb(article_delay=article_delay) as web:
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"""sources:
  - id: plain
    name: 示例市人民政府
    kind: gov
    start_urls: ["{web.url(web.PLAIN_LIST)}"]
    allowed_domains: ["127.0.0.1"]
""", encoding="utf-8")
        settings = Settings.load({"data_dir": tmp_path / "data", "sources_path": sources, "crawl_delay": 0.05},
                                 environ={})
        catalog = open_catalog(settings, load_sources(sources))
        try:
            yield web, settings, catalog
        finally:
            catalog.close()


def assert_complete_and_consistent(catalog: Catalog) -> None:
    assert_consistent(catalog)
    titles = [json.loads(data)["title"] for batch in catalog.all_documents() for _, data in batch]
    assert sorted(titles) == sorted(a.title for a in ARTICLES), "every article once, no duplicate"
    assert catalog.count_versions() == len(ARTICLES), "a re-fetched page makes no new version"


def assert_consistent(catalog: Catalog) -> None:
    """No half-stored page: an "ok" page has its documents and its WARC record; versions match documents."""
    with catalog.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        ok_pages = conn.execute(text("SELECT url FROM pages WHERE state = 'ok'")).scalars().all()
        without_docs = conn.execute(text(
            "SELECT url FROM pages p WHERE state = 'ok'"
            " AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.page_id = p.id)"
        )).scalars().all()
        version_gaps = conn.execute(text(
            "SELECT id FROM documents d WHERE (SELECT count(*) FROM versions v WHERE v.document_id = d.id) != d.version"
        )).scalars().all()
        duplicate_urls = conn.execute(text("SELECT url FROM pages GROUP BY url HAVING count(*) > 1")).scalars().all()
    assert without_docs == [] and version_gaps == [] and duplicate_urls == []
    for url in ok_pages:
        raw = catalog.raw_page(url)
        assert raw is not None and raw[0], f"{url}: its WARC record reads back"


def test_a_crawl_killed_mid_run_resumes_without_duplicates(tmp_path: Path) -> None:
    with plain_site(tmp_path, ARTICLE_DELAY) as (_, settings, catalog):
        kill_mid_run_and_resume(settings, catalog)


def kill_mid_run_and_resume(settings: Settings, catalog: Catalog) -> None:
    proc = start_crawl(["plain"], settings)
    try:
        deadline = time.monotonic() + 120
        while catalog.count_documents() < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    stored = catalog.count_documents()
    assert 0 < stored < len(ARTICLES), "killed mid-run"
    assert_consistent(catalog)
    assert catalog.runs("plain")[0].state == "running"

    assert crawl_in_subprocess(["plain"], settings, timeout=120) == 0
    assert_complete_and_consistent(catalog)
    assert [r.state for r in catalog.runs("plain")] == ["ok", "interrupted"]


def crawl_with_fault(script: str, settings: Settings) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, "plain"], env={**os.environ, **settings.to_env()},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False)


def test_a_full_disk_is_reported_and_nothing_is_half_stored(tmp_path: Path) -> None:
    with plain_site(tmp_path) as (_, settings, catalog):
        fill_the_disk_then_free_it(settings, catalog)


def fill_the_disk_then_free_it(settings: Settings, catalog: Catalog) -> None:
    warc_full = crawl_with_fault(WARC_FULL, settings)
    assert warc_full.returncode != 0, "a crawl that cannot store what it fetched is a failed crawl"
    assert "disk_full" in warc_full.stderr and "No space left on device" in warc_full.stderr
    [error] = [e for e in catalog.errors("plain") if e.kind == "disk_full"]
    assert "No space left on device" in error.message
    assert catalog.runs("plain")[0].state == "failed"
    assert catalog.count_documents() == WARC_RECORDS_BEFORE_FULL
    assert_consistent(catalog)

    with catalog.engine.connect() as conn:
        pages_now = conn.execute(text("PRAGMA page_count")).scalar_one()
    catalog_full = crawl_with_fault(CATALOG_FULL.format(pages=pages_now + 1), settings)
    assert catalog_full.returncode != 0
    assert "database or disk is full" in catalog_full.stderr
    assert_consistent(catalog)

    assert crawl_in_subprocess(["plain"], settings, timeout=120) == 0, "with space again, the next run completes"
    assert_complete_and_consistent(catalog)


def synthetic_documents(count: int) -> tuple[Page, list[Document]]:
    page = Page(url="http://127.0.0.1/epaper/node_1.html", final_url="http://127.0.0.1/epaper/node_1.html", status=200,
                headers={"content-type": "text/html"}, body=b"<html></html>", fetched_at=datetime.now(UTC),
                source_id="synthetic")
    docs = [Document(id=f"synthetic-{n:05d}", url=f"{page.url}#{n}", source_id="synthetic",
                     title=f"关于第{n}号安全检查的通知",
                     body=f"第{n}号通知：各单位做好安全生产检查工作。" * 5) for n in range(count)]
    return page, docs


SYNC_BATCH = 20  # small batches: a few dozen documents make a sync of several batches


def test_meilisearch_killed_during_a_sync_ends_with_catalog_and_index_equal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync, "BATCH_DOCS", SYNC_BATCH)
    settings = Settings.load({"data_dir": tmp_path / "data"}, environ={})
    catalog = open_catalog(settings)
    page, docs = synthetic_documents(SYNC_BATCH * 3 + 5)
    catalog.store_documents(catalog.save_page(page, state="ok"), docs)
    meili = MeiliProcess(tmp_path / "meili").start()
    try:
        client = admin.connect(meili.url, meili.master_key, timeout=5)

        def kill_after_first_batch(sent: int, total: int) -> None:
            if sent == SYNC_BATCH:
                meili.kill()

        first = sync_outbox(catalog, client, "resilience", settings.index_settings_path,
                            progress=kill_after_first_batch)
        assert first.error and first.sent == SYNC_BATCH, "the sync stops at the batch Meilisearch did not take"
        assert catalog.pending_count() == len(docs) - SYNC_BATCH, "what the index may lack stays in the outbox"

        meili.start()
        second = sync_outbox(catalog, client, "resilience", settings.index_settings_path)
        assert second.error is None
        assert catalog.pending_count() == 0
        assert client.index("resilience").get_stats().number_of_documents == catalog.count_documents() == len(docs)
    finally:
        meili.stop()
        catalog.close()
