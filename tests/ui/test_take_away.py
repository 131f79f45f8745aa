"""Taking results away: exports of every hit, the Atom feed, the versioned API, and the search
page's map, region search and word-limit notice."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree as ET

import pytest

from search_ui import export
from search_ui.facets import REGISTRY
from search_ui.i18n import Translator
from tests.ui.conftest import DOCS, XSS

ATOM = "{http://www.w3.org/2005/Atom}"


def test_csv_has_bom_and_every_hit(client, monkeypatch):
    monkeypatch.setattr(export, "BATCH", 3)            # several batches: every hit, not one page
    r = client.get("/search.csv", params={"q": "校园", "per_page": "2"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    api = client.get("/api/v1/search", params={"q": "校园", "per_page": "100"}).json()
    assert len(rows) == api["total"] == int(r.headers["x-total-count"]) > 3
    assert {row["id"] for row in rows} == {h["id"] for h in api["hits"]}
    first = next(row for row in rows if row["id"] == "doc01")
    assert first["标题"] == "汉阴县教育局召开校园安全工作会议" and first["hazards"] == "drowning;food"
    assert first["地区"] == "陕西省 > 安康市 > 汉阴县" and first["原文网址"].startswith("https://")


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "-1+1", "+1", "@SUM(A1)", ";=1", "\x00=1", " =1",
                                  "\u3000=1", "\u200b=1", "\t1", "\r=1", "\n=1", "\x00汉阴"])
def test_csv_defuses_formulas(cell):
    """OWASP: a cell starting with a control character, or whose first character after blanks and
    control characters is = + - @ ;, gets an apostrophe."""
    assert export.defuse(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["汉阴县", " 汉阴县", "a=b", "2024-05-10", "", "（=）"])
def test_csv_leaves_plain_cells_alone(cell):
    assert export.defuse(cell) == cell


def test_csv_writes_defused_cells_that_read_back():
    doc = {"id": "x1", "title": "\x00=cmd|' /C calc'!A0", "issuer": " ;=1", "hazards": ["=a", "b"], "safety_related": True}
    table = export.Table(export.columns(REGISTRY), Translator("en", {}), export.Links("http://x/"))
    text = b"".join(export.csv_chunks(iter([doc]), table)).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["Title"] == "'\x00=cmd|' /C calc'!A0" and row["Issuer"] == "' ;=1"
    assert row["hazards"] == "'=a;b" and row["Hazards"] == "'=a; b" and row["Safety related"] == "yes"


def test_jsonl_is_one_document_per_line(client):
    r = client.get("/search.jsonl", params={"region": "河南省", "sort": "date"})
    assert r.status_code == 200
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert [d["id"] for d in lines] == ["doc10", "doc08", "doc20", "doc09"]
    assert all(not k.startswith("_") for d in lines for k in d)


def test_xlsx_opens_with_every_row(client):
    r = client.get("/search.xlsx", params={"hazard": "drowning"})
    assert r.status_code == 200
    book = zipfile.ZipFile(io.BytesIO(r.content))
    sheet = book.read("xl/worksheets/sheet1.xml").decode()
    shared = book.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in book.namelist() else ""
    total = client.get("/api/v1/search", params={"hazard": "drowning"}).json()["total"]
    assert sheet.count("<row ") == total + 1          # the header row, then one row per hit
    assert "汉阴县开展防溺水专项检查" in sheet + shared
    assert "<f>" not in sheet                         # no cell is a formula


def test_export_above_the_cap_is_refused_with_a_message(client, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_CAP", 5)
    r = client.get("/search.csv")
    assert r.status_code == 400 and "at most 5" in r.json()["error"] and "Narrow" in r.json()["error"]
    html = client.get("/search.xlsx", headers={"accept": "text/html"})
    assert html.status_code == 400 and "text/html" in html.headers["content-type"] and "at most 5" in html.text
    assert client.get("/search.csv", params={"year": "2023"}).status_code == 200


def test_export_bad_parameter_is_400(client):
    r = client.get("/search.csv", params={"sort": "popularity"})
    assert r.status_code == 400 and "sort" in r.json()["error"]


def test_results_page_links_exports_and_feed(client):
    html = client.get("/search", params={"q": "校园", "page": "2", "per_page": "5"}).text
    assert 'href="/search.csv?q=%E6%A0%A1%E5%9B%AD"' in html and "/search.xlsx?" in html and "/search.jsonl?" in html
    assert 'rel="alternate" type="application/atom+xml" href="/search.atom?q=%E6%A0%A1%E5%9B%AD"' in html


def test_atom_feed_parses_with_stable_ids(client):
    params = {"region": "陕西省 > 安康市 > 汉阴县", "hazard": "drowning"}
    r = client.get("/search.atom", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(r.content)
    assert root.tag == ATOM + "feed" and root.find(ATOM + "id").text.startswith("tag:gonggao,2024:search?")
    entries = root.findall(ATOM + "entry")
    assert [e.find(ATOM + "id").text for e in entries] == ["tag:gonggao,2024:doc/doc02", "tag:gonggao,2024:doc/doc01"]
    first = entries[0]
    assert first.find(ATOM + "title").text == "汉阴县开展防溺水专项检查"
    links = {link.get("rel"): link.get("href") for link in first.findall(ATOM + "link")}
    assert links["alternate"].endswith("/doc/doc02") and links["related"] == DOCS[1]["url"]
    assert first.find(ATOM + "updated").text.endswith("Z")
    assert {c.get("term") for c in first.findall(ATOM + "category")} == {"drowning"}
    again = ET.fromstring(client.get("/search.atom", params={**params, "lang": "en"}).content)
    assert [e.find(ATOM + "id").text for e in again.findall(ATOM + "entry")] == [e.find(ATOM + "id").text for e in entries]


def test_atom_feed_escapes_crawled_markup(client):
    root = ET.fromstring(client.get("/search.atom", params={"q": "测试内容"}).content)
    entry = root.find(ATOM + "entry")
    assert entry.find(ATOM + "title").text == "校园安全提示 <b>注意</b>"     # text, not markup
    assert entry.find(ATOM + "author/" + ATOM + "name").text == "<i>测试来源</i>"
    assert root.find(f"{ATOM}entry/{ATOM}summary").get("type") == "text"
    assert XSS[:8] not in client.get("/search.atom", params={"q": "测试内容"}).text


def test_v1_api_search_facets_and_schema(client):
    params = {"q": "校园", "region": "陕西省"}
    v1 = client.get("/api/v1/search", params=params).json()
    assert client.get("/api/search", params=params).json() == v1
    facets = client.get("/api/v1/facets", params=params).json()
    assert facets["total"] == v1["total"] and facets["facets"] == v1["facets"]
    assert client.get("/api/v1/facets", params={"year": "x"}).status_code == 400
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/search", "/api/v1/facets", "/api/v1/doc/{doc_id}", "/api/v1/status",
                 "/search.csv", "/search.xlsx", "/search.jsonl", "/search.atom"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {"issuer_level", "event_type", "safety", "hazard_mode", "copies"} <= names


def test_province_map_links_apply_the_region(client):
    from tests.ui.test_html import parse

    html = client.get("/search", params={"hazard": "drowning"}).text
    tiles = {a["data-province"]: a for t, a in parse(html).tags if t == "a" and "data-province" in a}
    assert len(tiles) == 34
    shaanxi = tiles["陕西省"]
    assert shaanxi["data-count"] == "3" and "heat5" in shaanxi["class"]
    assert tiles["西藏自治区"]["data-count"] == "0" and "heat0" in tiles["西藏自治区"]["class"]
    assert shaanxi["href"] == "/search?region=%E9%99%95%E8%A5%BF%E7%9C%81&hazard=drowning"
    chosen = client.get(shaanxi["href"]).text
    again = {a["data-province"]: a for t, a in parse(chosen).tags if t == "a" and "data-province" in a}
    assert again["陕西省"].get("aria-current") == "true" and again["陕西省"]["href"] == "/search?hazard=drowning"
    assert again["河南省"]["data-count"] == "2"           # other provinces keep their counts


def test_region_search_finds_the_county(client):
    from tests.ui.test_html import parse

    html = client.get("/search", params={"q": "校园", "region_q": "汉阴"}).text
    found = {a["data-value"]: a["href"] for t, a in parse(html).tags if t == "a" and a.get("data-facet") == "region-match"}
    assert "陕西省 > 安康市 > 汉阴县" in found
    assert "region_q" not in found["陕西省 > 安康市 > 汉阴县"]
    assert "没有匹配的地区" in client.get("/search", params={"region_q": "火星", "lang": "zh"}).text


@pytest.mark.parametrize("lang,text", [("zh", "未参与检索"), ("en", "were left out")])
def test_long_query_is_told_visibly(client, lang, text):
    q = "校园 安全 工作 会议 部署 检查 防溺水 食品 消防 交通 欺凌 宣传"
    html = client.get("/search", params={"q": q, "lang": lang}).text
    assert 'id="words-dropped"' in html and text in html and "宣传" in html.split('id="words-dropped"')[1]


def test_more_facets_and_chips(client):
    html = client.get("/search", params={"issuer_level": "county", "safety": "1", "lang": "zh"}).text
    assert 'data-facet="issuer_level"' in html and 'data-facet="safety"' in html
    assert 'class="chip"' in html and "县级" in html and "仅限安全相关" in html


def test_timeline_is_drawn_and_narrows_the_dates(client):
    from tests.ui.test_html import parse

    html = client.get("/search", params={"hazard": "drowning", "lang": "zh"}).text
    assert html.index('id="results"') < html.index('id="timeline"')      # results first, chart after
    bars = {a["data-key"]: a["href"] for t, a in parse(html).tags if t == "a" and a.get("class") == "bar"}
    assert "2024-05" in bars and "2024-02" in bars                       # empty months are zero bars
    narrowed = client.get(bars["2024-05"]).text
    assert 'value="2024-05-01"' in narrowed and 'value="2024-05-31"' in narrowed
    assert 'data-total="2"' in narrowed                                   # doc01 and doc10
    table = html.split('class="timeline-table"')[1].split("</table>")[0]
    assert "防溺水" in table and "2024-05" in table


def test_timeline_in_weeks_for_a_short_range(client):
    html = client.get("/search", params={"from": "2024-05-01", "to": "2024-06-30", "lang": "en"}).text
    assert "per week" in html and "2024-05-06 – 2024-05-12" in html


def test_semantic_toggle_shown_only_with_an_embedder(client, web_config):
    import dataclasses

    from fastapi.testclient import TestClient

    from search_ui.app import create_app

    assert 'name="semantic"' not in client.get("/search").text

    def broken(query: str) -> list[float]:
        raise RuntimeError("model not loaded")

    for embed, used in ((lambda q: [1.0] + [0.0] * 511, True), (broken, False)):
        with TestClient(create_app(dataclasses.replace(web_config, embed=embed))) as c:
            html = c.get("/search", params={"q": "防溺水", "semantic": "1", "lang": "en"}).text
            assert 'id="semantic" name="semantic" value="1" checked' in html
            assert ('id="semantic-off"' in html) is not used
            answer = c.get("/api/v1/search", params={"q": "防溺水", "semantic": "1"}).json()
            assert answer["semantic"] is used and answer["total"] >= 1


def test_document_text_highlights_the_query(client):
    html = client.get("/doc/doc15", params={"q": "防溺水 学校"}).text
    body = html.split('id="doc-body"')[1].split("</div>")[0]
    assert "<mark>學校</mark>" in body and "<mark>防溺水</mark>" in body        # Traditional text, Simplified query
    referred = client.get("/doc/doc16", headers={"referer": str(client.base_url) + "/search?q=%E6%B5%8B%E8%AF%95%E5%86%85%E5%AE%B9"}).text
    body = referred.split('id="doc-body"')[1].split("</div>")[0]
    assert "<mark>测试内容</mark>" in body and "&lt;script&gt;" in body and "<script>" not in body


def test_hazard_mode_and_reprint_folding_switches(client):
    from tests.ui.test_html import parse

    html = client.get("/search", params={"hazard": ["drowning", "food"], "lang": "en"}).text
    link = next(a["href"] for t, a in parse(html).tags if t == "a" and a.get("href", "").find("hazard_mode=and") > 0)
    assert client.get(link.replace("/search", "/api/v1/search")).json()["total"] == 2      # doc01 and doc20
    copies = next(a["href"] for t, a in parse(html).tags if t == "a" and a.get("id") == "copies-link")
    assert "copies=all" in copies
