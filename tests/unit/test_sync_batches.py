"""The index sync sends documents in requests bounded by bytes, not by a count of documents."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from config.settings import Settings
from gonggao.pipeline import open_catalog
from indexer.models import Document, Page
from indexer.search_index import admin
from indexer.search_index.process import MeiliProcess
from indexer.search_index.sync import sync_outbox

NOTICE = "各学校要切实做好防溺水安全教育工作，落实安全责任。"  # 25 characters


def doc(n: int, chars: int) -> dict[str, Any]:
    return {"id": f"d{n}", "body": (NOTICE * (chars // len(NOTICE) + 1))[:chars]}


def test_batches_are_cut_by_the_bytes_the_client_sends() -> None:
    docs = [doc(n, 100_000) for n in range(7)]
    cap = 1_500_000  # two documents of 100,000 Chinese characters: about 600 KB each as JSON
    sent = list(admin.batches(docs, max_bytes=cap))
    assert [len(batch) for batch in sent] == [2, 2, 2, 1]
    assert [d for batch in sent for d in batch] == docs  # all of them, in order
    assert all(len(json.dumps(batch)) <= cap for batch in sent)  # as meilisearch's client serializes them
    assert len(json.dumps(sent[0] + [docs[2]])) > cap  # and no batch could have taken one more


def test_a_document_larger_than_the_cap_goes_alone_and_the_count_cap_holds() -> None:
    docs = [doc(0, 10), doc(1, 300_000), doc(2, 10)]
    assert [len(b) for b in admin.batches(docs, max_bytes=100_000)] == [1, 1, 1]
    assert [len(b) for b in admin.batches([doc(n, 10) for n in range(5)], max_docs=2)] == [2, 2, 1]


def long_documents(count: int, chars: int) -> tuple[Page, list[Document]]:
    page = Page(url="http://127.0.0.1/epaper/node_1.html", final_url="http://127.0.0.1/epaper/node_1.html", status=200,
                headers={"content-type": "text/html"}, body=b"<html></html>", fetched_at=datetime.now(UTC),
                source_id="synthetic")
    docs = [Document(id=f"long-{n:03d}", url=f"{page.url}#{n}", source_id="synthetic", title=f"关于第{n}号防溺水工作的通知",
                     body=f"第{n}号。" + (NOTICE * (chars // len(NOTICE) + 1))[:chars]) for n in range(count)]
    return page, docs


def test_a_sync_of_long_documents_goes_in_several_requests_under_the_cap(
        tmp_path: Path, meili: MeiliProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.load({"data_dir": tmp_path / "data"}, environ={})
    catalog = open_catalog(settings)
    page, docs = long_documents(6, 40_000)
    catalog.store_documents(catalog.save_page(page, state="ok"), docs)
    requests: list[int] = []
    add_documents = admin.add_documents

    def measured(client: Any, uid: str, batch: list[dict[str, Any]]) -> None:
        requests.append(len(json.dumps(batch)))
        add_documents(client, uid, batch)

    monkeypatch.setattr(admin, "add_documents", measured)
    cap = 1_000_000
    client = admin.connect(meili.url, meili.master_key)
    try:
        report = sync_outbox(catalog, client, "sync_by_bytes", settings.index_settings_path, batch_bytes=cap)
        assert report.error is None and report.sent == len(docs)
        assert sum(requests) > cap and len(requests) > 1 and max(requests) <= cap
        assert catalog.pending_count() == 0
        assert client.index("sync_by_bytes").get_stats().number_of_documents == len(docs)
    finally:
        client.delete_index("sync_by_bytes")
        catalog.close()
