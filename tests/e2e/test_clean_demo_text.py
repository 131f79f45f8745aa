"""No layout in the text, anywhere a user reads it: every document of the whole demo crawl.

The demo's 汉阴县 site is a table-layout CMS of the 2000s (menus, "今天是…" bar, breadcrumb and
footer in table cells). Its documents, and all others, must reach the catalog, the search
snippets, the CSV export and the Atom feed as text: no `|` Markdown rows, no menus.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.e2e.helpers import all_hits

pytestmark = pytest.mark.e2e

# Lines of the demo sites' layout: menus, today bars, breadcrumbs, footers (gonggao/demo_web/sites.py).
LAYOUT = ("网站首页", "今天是", "当前位置", "版权所有", "技术支持", "网站标识码", "欢迎您", "下载中心", "[打印]", "[关闭]")
PIPE_ROW = re.compile(r"(^|\n)\s*\|.*\|\s*($|\n)|\s\|\s|\|---")
ATOM = "{http://www.w3.org/2005/Atom}"


def layout_in(text: str) -> list[str]:
    found = [word for word in LAYOUT if word in text]
    if PIPE_ROW.search(text):
        found.append("| row")
    return found


def test_every_document_body_and_lead_is_free_of_layout(world) -> None:  # type: ignore[no-untyped-def]
    docs = [json.loads(data) for batch in world.catalog.all_documents() for _, data in batch]
    assert len(docs) >= 90 and any("hanyin" in d["source_id"] for d in docs)
    dirty = {d["url"]: layout_in(f"{d['title']}\n{d['body']}\n{d['lead']}") for d in docs}
    dirty = {url: words for url, words in dirty.items() if words}
    assert not dirty, f"{len(dirty)} documents carry layout text, e.g. {list(dirty.items())[:3]}"


def test_hanyin_documents_start_with_their_text_and_keep_their_date(world, demo_web) -> None:  # type: ignore[no-untyped-def]
    truth = {a.url: a for a in demo_web.articles if a.site == "hanyin"}
    docs = [json.loads(data) for batch in world.catalog.all_documents() for _, data in batch]
    hanyin = [d for d in docs if d["url"] in truth]
    assert len(hanyin) == len(truth) >= 10
    for doc in hanyin:
        article = truth[doc["url"]]
        assert doc["title"] == article.title
        assert doc["published_date"] == article.published_date and doc["date_source"].startswith("byline")
        assert not doc["body"].startswith(("|", "网站首页", "今天是", "当前位置")), doc["body"][:80]


def test_search_snippets_are_free_of_layout(world) -> None:  # type: ignore[no-untyped-def]
    hits = all_hits(world, copies="all")
    assert hits
    dirty = {h["url"]: layout_in(h["snippet"]) for h in hits if layout_in(h["snippet"])}
    assert not dirty, f"snippets with layout text: {list(dirty.items())[:3]}"


def test_csv_rows_are_free_of_layout(world) -> None:  # type: ignore[no-untyped-def]
    response = world.client.get("/search.csv", params={"copies": "all"})
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) >= 90
    dirty = {row["url"]: layout_in(" ".join(row.values())) for row in rows if layout_in(" ".join(row.values()))}
    assert not dirty, f"CSV rows with layout text: {list(dirty.items())[:3]}"


def test_atom_entries_are_free_of_layout(world) -> None:  # type: ignore[no-untyped-def]
    for params in ({}, {"region": "陕西省 > 安康市 > 汉阴县"}):
        response = world.client.get("/search.atom", params=params)
        assert response.status_code == 200, response.text
        entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
        assert entries
        for entry in entries:
            text = " ".join(entry.itertext())
            assert not layout_in(text), (entry.findtext(f"{ATOM}title"), layout_in(text))


def test_a_data_table_stays_a_table_in_the_document_and_on_its_page(world) -> None:  # type: ignore[no-untyped-def]
    docs = [json.loads(data) for batch in world.catalog.all_documents() for _, data in batch]
    tabled = [d for d in docs if d["source_id"] == "hanyin" and d["tables"]]
    assert len(tabled) == 2, "the demo's two 汉阴县 inspection reports carry a table of schools"
    for doc in tabled:
        (rows,) = doc["tables"]
        assert rows[0] == ["学校名称", "检查日期", "参检人员", "整改事项"] and len(rows) == 4
        assert "\n" + "\t".join(rows[1]) + "\n" in doc["body"]
        page = world.client.get(f"/doc/{doc['id']}")
        assert page.status_code == 200
        assert '<table class="doc-table">' in page.text and "<td>第一小学</td>" in page.text
        assert not layout_in(page.text.split('id="doc-body"', 1)[1].split("</div>", 1)[0])
