"""Reprints across the demo web: one hit per cluster by default, and the catalog and the index agree."""

from __future__ import annotations

import pytest

from indexer.search_index import admin
from tests.e2e.helpers import all_hits, api

pytestmark = pytest.mark.e2e


def copies(demo_web) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Ground truth: reprint URL → URL of its original."""
    by_path = {(a.site, a.path): a.url for a in demo_web.articles}
    return {a.url: by_path[(a.reprint_of_site, a.reprint_of)] for a in demo_web.articles if a.reprint_of}


def test_each_copied_announcement_is_one_hit_with_its_reprint_count(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    truth = copies(demo_web)
    assert len(truth) >= 4, "the demo web must hold reprints"
    hits = all_hits(world)
    clusters = [h["cluster_id"] for h in hits]
    assert len(clusters) == len(set(clusters)), "one result per reprint cluster"
    assert len(hits) == len(demo_web.articles) - len(truth)
    by_url = {h["url"]: h for h in hits}
    for reprint, original in truth.items():
        assert (reprint in by_url) != (original in by_url)          # one copy shown, the other folded
        shown = by_url.get(original) or by_url[reprint]
        assert shown["reprints"] == 1, shown["title"]
    folded = {h["url"] for h in hits if h["reprints"] > 0}
    assert folded <= set(truth) | set(truth.values())


def test_a_relevance_search_shows_the_official_copy(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    titles = {a.url: a.title for a in demo_web.articles}
    for reprint, original in copies(demo_web).items():
        hits = api(world, q=titles[original])["hits"]
        urls = [h["url"] for h in hits]
        assert original in urls and reprint not in urls
        assert next(h for h in hits if h["url"] == original)["reprints"] == 1


def test_the_official_copy_is_canonical(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    for reprint_url, original_url in copies(demo_web).items():
        group = [h for h in all_hits(world, copies="all") if h["url"] in (reprint_url, original_url)]
        assert len(group) == 2
        original = next(h for h in group if h["url"] == original_url)
        reprint = next(h for h in group if h["url"] == reprint_url)
        assert original["is_canonical"] and not reprint["is_canonical"]
        assert reprint["cluster_id"] == original["cluster_id"] == original["id"]


def test_every_copy_is_found_when_asked_for(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    assert {h["url"] for h in all_hits(world, copies="all")} == {a.url for a in demo_web.articles}


def test_catalog_and_index_agree_on_clusters(world) -> None:  # type: ignore[no-untyped-def]
    master = admin.connect(world.meili.url, world.meili.master_key)
    fields = ["id", "cluster_id", "is_canonical", "reprints"]
    indexed = master.index(world.settings.index_name).get_documents({"limit": 1000, "fields": fields}).results
    in_index = {d.id: (d.cluster_id, d.is_canonical, d.reprints) for d in indexed}
    in_catalog = {}
    for rows in world.catalog.all_documents():
        for doc_id, _ in rows:
            doc = world.catalog.document(doc_id)
            in_catalog[doc_id] = (doc.cluster_id, doc.is_canonical, doc.reprints)
    assert in_index == in_catalog
    assert all(isinstance(cluster, str) for cluster, _, _ in in_catalog.values())
    assert world.catalog.pending_count() == 0


def test_folding_shows_each_cluster_once_by_its_canonical_copy(world) -> None:  # type: ignore[no-untyped-def]
    every_copy = all_hits(world, copies="all")
    canonical = sorted(h["id"] for h in every_copy if h["is_canonical"])
    assert len(canonical) == len({h["cluster_id"] for h in every_copy}) < len(every_copy)
    for params in ({}, {"q": "安全"}, {"from": "1990-01-01"}):
        folded = all_hits(world, **params)
        assert len({h["cluster_id"] for h in folded}) == len(folded)
        assert all(h["is_canonical"] for h in folded)
    assert sorted(h["id"] for h in all_hits(world)) == canonical


def test_a_source_kind_filter_still_finds_the_reprints_of_that_kind(world) -> None:  # type: ignore[no-untyped-def]
    news_copies = [h for h in all_hits(world, copies="all", source_type="news") if not h["is_canonical"]]
    assert news_copies, "the demo's news portal reprints bureau announcements"
    folded = {h["id"] for h in all_hits(world, source_type="news")}
    assert {h["id"] for h in news_copies} <= folded
