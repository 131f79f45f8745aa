"""Semantic search with a floor, over the crawled demo web and real embeddings: only the relevant
documents count and show, and the exports and the feed of a semantic search hold the page's documents."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from gonggao.pipeline import hazard_labels
from indexer.search_index import admin
from indexer.search_index.embed import embed_query
from search_ui.app import WebConfig, create_app

pytestmark = pytest.mark.e2e

QUESTIONS = json.loads((Path(__file__).resolve().parents[2] / "bench" / "semantic_questions.json").read_text("utf-8"))["questions"]
ENGLISH = {"q": "food safety in school canteens", "semantic": "1"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def semantic_client(world) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    key = admin.ensure_search_key(admin.connect(world.meili.url, world.meili.master_key), world.settings.index_name)
    config = WebConfig(meili_url=world.meili.url, search_key=key, index_name=world.settings.index_name,
                       hazard_labels=hazard_labels(world.settings.hazards_path), embed=embed_query)
    with TestClient(create_app(config)) as c:
        yield c


def search(client: TestClient, **params: str) -> dict:
    r = client.get("/api/v1/search", params={**params, "per_page": "100"})
    assert r.status_code == 200, r.text
    return r.json()


def test_an_english_question_finds_the_relevant_documents_not_all(semantic_client, world) -> None:  # type: ignore[no-untyped-def]
    everything = search(semantic_client)["total"]
    answer = search(semantic_client, **ENGLISH)
    assert answer["semantic"] and 0 < answer["total"] < everything / 3, (answer["total"], everything)
    assert answer["total"] == len(answer["hits"])                       # the total counts what is shown
    food = [h for h in answer["hits"] if "food_safety" in h["hazards"]]
    assert len(food) >= len(answer["hits"]) / 2, [h["title"] for h in answer["hits"]]
    assert sum(answer["facets"]["source_type"].values()) == answer["total"]          # facets count the same documents
    assert sum(b["total"] for b in answer["timeline"]["buckets"]) == answer["total"]


def test_exports_and_feed_hold_the_pages_documents(semantic_client) -> None:  # type: ignore[no-untyped-def]
    shown = {h["id"] for h in search(semantic_client, **ENGLISH)["hits"]}
    rows = list(csv.DictReader(io.StringIO(semantic_client.get("/search.csv", params=ENGLISH).content.decode("utf-8-sig"))))
    assert {r["id"] for r in rows} == shown
    lines = [json.loads(line) for line in semantic_client.get("/search.jsonl", params=ENGLISH).text.splitlines()]
    assert {d["id"] for d in lines} == shown
    sheet = zipfile.ZipFile(io.BytesIO(semantic_client.get("/search.xlsx", params=ENGLISH).content)).read("xl/worksheets/sheet1.xml")
    assert sheet.decode().count("<row ") == len(shown) + 1
    feed = ET.fromstring(semantic_client.get("/search.atom", params=ENGLISH).content)
    assert {e.find(ATOM + "id").text.rsplit("/", 1)[-1] for e in feed.iter(ATOM + "entry")} == shown
    timeline = list(csv.DictReader(io.StringIO(semantic_client.get("/timeline.csv", params=ENGLISH).content.decode("utf-8-sig"))))
    assert sum(int(r["公告数"]) for r in timeline) == len(shown)
    assert semantic_client.get("/api/v1/facets", params=ENGLISH).json()["total"] == len(shown)


def test_the_floor_keeps_precision_and_recall_on_the_labelled_questions(semantic_client) -> None:  # type: ignore[no-untyped-def]
    """The 32 labelled questions of bench/semantic_questions.json at the app's floor: measured precision
    0.42 and recall 0.52 (bench/results/semantic_threshold.md), where no floor gives precision 0.07."""
    found = relevant = hits = 0
    for question in QUESTIONS:
        titles = {h["title"] for h in search(semantic_client, q=question["q"], semantic="1")["hits"]}
        wanted = set(question["relevant"])
        found, relevant, hits = found + len(titles), relevant + len(wanted), hits + len(titles & wanted)
    precision, recall = hits / found, hits / relevant
    assert precision >= 0.35 and recall >= 0.45, (round(precision, 2), round(recall, 2))
