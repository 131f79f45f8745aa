"""Cross-lingual semantic search over the crawled demo web: an English query finds Chinese announcements."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from indexer.reprints import recluster
from indexer.search_index import admin
from indexer.search_index.embed import DIMENSIONS, embed_query
from indexer.search_index.reader import SearchReader
from indexer.search_index.sync import sync_outbox
from indexer.store.schema import documents
from search_ui.query import parse_params
from search_ui.service import search

pytestmark = pytest.mark.e2e

QUERY = "school drowning prevention meeting in Shaanxi"


@pytest.fixture(scope="module")
def reader(world) -> SearchReader:  # type: ignore[no-untyped-def]
    key = admin.ensure_search_key(admin.connect(world.meili.url, world.meili.master_key), world.settings.index_name)
    return SearchReader(world.meili.url, key, world.settings.index_name)


def test_every_document_is_indexed_with_its_vector(world) -> None:  # type: ignore[no-untyped-def]
    index = admin.connect(world.meili.url, world.meili.master_key).index(world.settings.index_name)
    docs = index.get_documents({"limit": 1000, "fields": ["id"], "retrieveVectors": True}).results
    assert len(docs) == world.catalog.count_documents()
    for doc in docs:
        vectors = doc._vectors["use"]["embeddings"]
        assert len(vectors) == 1 and len(vectors[0]) == DIMENSIONS


def test_an_english_query_finds_the_chinese_drowning_announcements_of_shaanxi(reader) -> None:  # type: ignore[no-untyped-def]
    keyword_only = search(reader, parse_params([("q", QUERY)]))
    assert keyword_only.total == 0                     # no English word occurs in the Chinese texts

    result = search(reader, parse_params([("q", QUERY), ("semantic", "1")]), embed=embed_query)
    assert result.semantic
    top = result.hits[:5]
    relevant = [h for h in top if h["province"] == "陕西省" and "drowning" in h["hazards"]]
    assert relevant, [(h["province"], h["title"]) for h in top]
    assert all(h["safety_related"] for h in top)


def test_the_vectors_are_cached_so_a_second_sync_embeds_nothing(world) -> None:  # type: ignore[no-untyped-def]
    ids = [doc_id for doc_id, _ in next(world.catalog.all_documents())[:10]]
    with world.catalog.engine.begin() as conn:     # back in the outbox, text unchanged
        conn.execute(update(documents).where(documents.c.id.in_(ids)).values(sync_pending=True))
    master = admin.connect(world.meili.url, world.meili.master_key)
    recluster(world.catalog)
    report = sync_outbox(world.catalog, master, world.settings.index_name, world.settings.index_settings_path)
    assert report.error is None
    assert (report.sent, report.embedded) == (10, 0)
