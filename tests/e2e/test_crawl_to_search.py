"""Crawl the demo web over loopback into a real Meilisearch, then search it like a user would."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import all_hits, api

pytestmark = pytest.mark.e2e


def every_article(world, **params) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every hit, reprints unfolded: these tests count articles, not reprint clusters."""
    return all_hits(world, copies="all", **params)


def test_the_crawl_reads_every_demo_site(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    assert world.first_run_exit == 0
    runs = world.catalog.runs(limit=50)
    assert {r.source_id for r in runs} >= {a.site for a in demo_web.articles}
    assert all(r.state == "ok" for r in runs), runs
    assert world.catalog.count_documents() == len(demo_web.articles)


def test_every_article_is_searchable(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    found = {h["url"] for h in every_article(world)}
    wanted = {a.url for a in demo_web.articles}
    missing = sorted(wanted - found)
    assert not missing, f"{len(missing)} demo articles not in the index, e.g. {missing[:5]}"


def test_county_filter_returns_exactly_that_county(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    truth = {a.url for a in demo_web.articles if a.county == "汉阴县"}
    assert truth, "the demo web must hold 汉阴县 articles"
    hits = every_article(world, region="陕西省 > 安康市 > 汉阴县")
    assert {h["url"] for h in hits} == truth
    assert all(h["county"] == "汉阴县" for h in hits)


def test_province_facet_counts_match_hits(world) -> None:  # type: ignore[no-untyped-def]
    answer = api(world)
    provinces = answer["facets"]["region.lvl0"]
    assert len(provinces) >= 10
    name, count = max(provinces.items(), key=lambda kv: kv[1])
    assert api(world, region=name)["total"] == count


def test_hazard_filter(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    hits = every_article(world, hazard="drowning")
    assert hits and all("drowning" in h["hazards"] for h in hits)
    truth = {a.url for a in demo_web.articles if "drowning" in a.hazards}
    assert len(truth & {h["url"] for h in hits}) >= 0.8 * len(truth)


def test_traditional_and_simplified_queries_find_the_same(world) -> None:  # type: ignore[no-untyped-def]
    simplified = {h["id"] for h in every_article(world, q="校园安全")}
    traditional = {h["id"] for h in every_article(world, q="校園安全")}
    assert simplified and simplified == traditional
    scripts = {h["title"] for h in every_article(world, q="校园安全")}
    assert any("園" in t or "學" in t or "會" in t for t in scripts), "Traditional pages are found by a Simplified query"


def test_date_range(world) -> None:  # type: ignore[no-untyped-def]
    hits = every_article(world, **{"from": "2024-01-01", "to": "2024-12-31"})
    assert hits and all(h["published_date"].startswith("2024") for h in hits)


def test_filter_injection_returns_nothing(world) -> None:  # type: ignore[no-untyped-def]
    answer = api(world, region='x" OR hazards EXISTS OR region.lvl0 = "')
    assert answer["total"] == 0
    answer = api(world, hazard='drowning" OR hazards EXISTS OR hazards = "')
    assert answer["total"] == 0


def test_robots_txt_is_obeyed(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    paths = [r.path for r in world.first_run_requests]
    assert any(p == "/robots.txt" for p in paths)
    assert not any(p.startswith("/private/") for p in paths)


def test_user_agent_names_gonggao(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    agents = {r.headers.get("User-Agent", r.headers.get("user-agent", "")) for r in world.first_run_requests}
    assert agents and all(a.startswith("Gonggao/") for a in agents)


def test_an_attachment_without_a_text_reader_is_recorded_with_the_reason(world) -> None:  # type: ignore[no-untyped-def]
    unreadable = [e for e in world.catalog.errors() if e.kind == "attachment_unreadable"]
    assert unreadable, "the demo's legacy XLS attachment is fetched and recorded as unreadable"
    assert all(e.message.startswith("no text reader") for e in unreadable)
