"""The honest timeline, readable exports and the search page's scale levers, against a real
Meilisearch seeded with tests/ui/conftest.py's documents. The browser side is in
test_browser_charts.py; semantic search over real embeddings in tests/e2e/test_semantic_floor.py."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from indexer.search_index import admin
from indexer.search_index.sync import with_index_fields
from search_ui import semantic, timeline, views
from search_ui.app import create_app
from search_ui.cache import CachedReader, cacheable
from search_ui.facets import FOLDED_MAX, REGISTRY
from search_ui.i18n import Translator
from search_ui.query import PlannedSearch, build_plan, parse_params
from tests.ui.conftest import DOCS, index_settings, seed_index
from tests.ui.test_html import parse

DROWNING = [d for d in DOCS if "drowning" in d["hazards"]]


def api(client, **params) -> dict:
    r = client.get("/api/v1/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


# --- the timeline -------------------------------------------------------------------------------
def expected_buckets(docs: list[dict]) -> dict[str, tuple[int, Counter]]:
    out: dict[str, tuple[int, Counter]] = {}
    for d in docs:
        total, by = out.get(d["month"], (0, Counter()))
        out[d["month"]] = (total + 1, by + Counter(d["hazards"]))
    return out


def test_every_hazard_of_a_document_counts_in_its_series(client):
    """A drowning-only search: every drowning document in the drowning series (none as "other"),
    and doc01 (drowning and food) in both series of May 2024."""
    tl = api(client, hazard="drowning")["timeline"]
    assert tl["series"][0] == "drowning" and "_other" not in tl["series"] and set(tl["series"]) == {"drowning", "food"}
    buckets = {b["key"]: b for b in tl["buckets"]}
    for month, (total, by) in expected_buckets(DROWNING).items():
        assert buckets[month]["total"] == total and buckets[month]["by_hazard"] == dict(by), month
    assert sum(b["by_hazard"].get("drowning", 0) for b in tl["buckets"]) == len(DROWNING)
    may = buckets["2024-05"]
    assert may == {"key": "2024-05", "from": "2024-05-01", "to": "2024-05-31", "total": 2, "by_hazard": {"drowning": 2, "food": 1}}
    assert buckets["2024-02"]["total"] == 0          # an empty month inside the span is a zero bar


def test_an_index_without_the_compound_facets_draws_the_same_timeline(meili, client):
    """An index synced before month_hazard and week existed falls back to one search per hazard
    (per week in week mode): the same numbers."""
    config = seed_index(meili, "ui_charts_old_index")
    master = admin.connect(meili.url, meili.master_key)
    admin.wait(master, master.index("ui_charts_old_index").update_documents(
        [{"id": d["id"], "month_hazard": [], "week": None, "week_hazard": []} for d in DOCS]))
    with TestClient(create_app(config)) as old:
        for params in ({"hazard": "drowning"}, {"region": "陕西省"}, {}, {"from": "2024-05-01", "to": "2024-06-30"},
                       {"from": "2024-05-08", "to": "2024-06-02", "hazard": "drowning"}):
            assert api(old, **params)["timeline"] == api(client, **params)["timeline"], params


def test_compound_facet_counts_are_whole_or_the_fallback_is_used():
    full = {"month": {"2024-05": 1}, "hazards": {"fire": 1}, "month_hazard": {"2024-05|fire": 1}}
    assert timeline.compound_usable(full)
    assert not timeline.compound_usable({**full, "month_hazard": {}})                       # index without the field
    assert timeline.compound_usable({"month": {"2024-05": 3}, "hazards": {}, "month_hazard": {}})   # no hazard at all
    cut = {f"{2000 + i // 12}-{i % 12 + 1:02d}|h{j}": 1 for i in range(200) for j in range(15)}
    assert not timeline.compound_usable({**full, "month_hazard": cut})                     # cut at maxValuesPerFacet


def test_week_mode_counts_every_hazard(client):
    tl = api(client, **{"from": "2024-05-01", "to": "2024-06-30"})["timeline"]
    assert tl["unit"] == "week"
    week = next(b for b in tl["buckets"] if b["from"] <= "2024-05-10" <= b["to"])
    assert week["total"] == 1 and week["by_hazard"] == {"drowning": 1, "food": 1}       # doc01
    # a range starting mid-week: the first bucket counts only its days in the range
    clipped = api(client, **{"from": "2024-05-11", "to": "2024-06-30"})["timeline"]["buckets"][0]
    assert (clipped["from"], clipped["to"], clipped["total"]) == ("2024-05-11", "2024-05-12", 0)


def test_a_date_preset_draws_weeks_over_its_own_span():
    today = dataclasses.replace(parse_params([]), date_preset="30d").today
    p = parse_params([("date", "30d")], today=today)
    weeks = timeline.weeks(p)
    assert timeline.week_mode(p) and weeks[0][0] == today - dt.timedelta(days=29) and weeks[-1][1] == today
    assert not timeline.week_mode(parse_params([("date", "this_year")], today=today))


@pytest.mark.parametrize("largest,top", [(1, 2), (2, 2), (3, 4), (7, 8), (11, 12), (13, 16), (130, 160), (1000, 1000)])
def test_the_y_axis_ends_on_a_round_number_at_or_above_the_tallest_bar(largest, top):
    assert views.axis_top(largest) == top and top % 2 == 0


def test_page_draws_a_labelled_scale_strips_and_a_totals_row(client):
    html = client.get("/search", params={"hazard": "drowning", "lang": "zh"}).text
    section = html.split('id="timeline"')[1].split("</section>")[0]
    assert "公告数" in section and 'class="tick tick-top">2<' in section and 'class="tick tick-zero">0<' in section
    assert "各计一次" in section                                   # the page says how documents count
    strips = section.split('class="strips"')[1].split("</ul>")[0]
    assert strips.index("防溺水") < strips.index("食品安全") and "其他" not in section
    foot = section.split("<tfoot>")[1].split("</tfoot>")[0]
    cells = [c.split("<")[0] for c in foot.split("<td>")[1:]]
    assert cells == [str(len(DROWNING)), str(len(DROWNING)), "2"]  # documents, drowning, food
    bars = {a["data-key"]: a for t, a in parse(section).tags if t == "a" and a.get("class") == "bar"}
    assert bars["2024-05"]["data-from"] == "2024-05-01" and bars["2024-05"]["data-to"] == "2024-05-31"
    assert bars["2024-05"]["tabindex"] == "-1"                     # keyboard users have the table's links
    assert 'src="/static/timeline.js"' in html and "range-hint" in section


def test_timeline_csv_is_the_charts_data(client):
    r = client.get("/timeline.csv", params={"hazard": "drowning"})
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    assert r.headers["content-disposition"].startswith('attachment; filename="gonggao-timeline-')
    rows = csv_rows(r.content)
    assert list(rows[0]) == ["时段", "起始日期", "截止日期", "公告数", "防溺水 (drowning)", "食品安全 (food)"]
    by_month = {row["时段"]: row for row in rows}
    assert by_month["2024-05"]["公告数"] == "2" and by_month["2024-05"]["食品安全 (food)"] == "1"
    assert sum(int(row["防溺水 (drowning)"]) for row in rows) == len(DROWNING)
    english = csv_rows(client.get("/timeline.csv", params={"hazard": "drowning", "lang": "en"}).content)
    assert list(english[0])[:4] == ["Period", "From", "To", "Documents"]
    bad = client.get("/timeline.csv", params={"from": "2024-13-01"})
    assert bad.status_code == 400 and "from" in bad.json()["error"]


# --- exports people can read --------------------------------------------------------------------
def test_csv_speaks_the_interface_language_with_labels_and_code_columns(client):
    rows = {r["id"]: r for r in csv_rows(client.get("/search.csv", params={"hazard": "drowning"}).content)}
    doc01 = rows["doc01"]
    assert doc01["标题"] == "汉阴县教育局召开校园安全工作会议" and doc01["地区"] == "陕西省 > 安康市 > 汉阴县"
    assert doc01["隐患类别"] == "防溺水；食品安全" and doc01["hazards"] == "drowning;food"     # labels, and the codes
    assert doc01["来源类型"] == "政府网站" and doc01["source_type"] == "gov"
    assert doc01["机构层级"] == "县级" and doc01["issuer_level"] == "county"
    assert doc01["安全相关"] == "是" and doc01["safety_related"] == "true"
    assert doc01["转载数"] == "0" and doc01["发布日期"] == "2024-05-10"
    assert doc01["文档页"] == "http://testserver/doc/doc01" and doc01["存档副本"] == ""          # no catalog, no copy
    assert "正文" not in doc01                                                              # the text only with full=1
    english = {r["id"]: r for r in csv_rows(client.get("/search.csv", params={"hazard": "drowning", "lang": "en"}).content)}
    assert english["doc01"]["Hazards"] == "Drowning; Food safety" and english["doc01"]["Source kind"] == "Government site"
    assert english["doc01"]["hazards"] == "drowning;food"                                  # code columns keep their names
    full = {r["id"]: r for r in csv_rows(client.get("/search.csv", params={"hazard": "drowning", "full": "1"}).content)}
    assert full["doc01"]["正文"] == next(d["body"] for d in DOCS if d["id"] == "doc01")
    bad = client.get("/search.csv", params={"full": "yes"})
    assert bad.status_code == 400 and "'full' must be 1" in bad.json()["error"]


def test_date_source_is_told_in_words(meili):
    docs = [{**DOCS[0], "date_source": "byline:发布时间"}, {**DOCS[1], "date_source": "url"}]
    config = seed_index(meili, "ui_charts_dates", docs=docs)
    with TestClient(create_app(config)) as c:
        rows = {r["id"]: r for r in csv_rows(c.get("/search.csv").content)}
        assert rows["doc01"]["日期来源"] == "页面所示日期（发布时间）" and rows["doc01"]["date_source"] == "byline:发布时间"
        assert rows["doc02"]["日期来源"] == "网址中的日期"
        english = {r["id"]: r for r in csv_rows(c.get("/search.csv", params={"lang": "en"}).content)}
        assert english["doc02"]["Date found in"] == "date in the URL"


def test_links_use_the_public_address_and_the_archive_when_a_catalog_keeps_copies(catalog_config):
    config = dataclasses.replace(catalog_config, public_url="https://gonggao.example.org")
    with TestClient(create_app(config)) as c:
        rows = {r["id"]: r for r in csv_rows(c.get("/search.csv", headers={"host": "evil.example"}).content)}
        assert rows["doc16"]["文档页"] == "https://gonggao.example.org/doc/doc16"
        assert rows["doc16"]["存档副本"] == "https://gonggao.example.org/archive/doc16"
        line = next(json.loads(x) for x in c.get("/search.jsonl").text.splitlines() if '"doc16"' in x)
        assert line["doc_url"] == "https://gonggao.example.org/doc/doc16" and line["archive_url"].endswith("/archive/doc16")
        assert "month_hazard" not in line                                  # the index's own field stays inside


def test_xlsx_has_the_same_headers(client):
    book = zipfile.ZipFile(io.BytesIO(client.get("/search.xlsx", params={"hazard": "drowning", "lang": "en"}).content))
    sheet = book.read("xl/worksheets/sheet1.xml").decode()      # constant-memory mode writes strings inline
    assert "Document page" in sheet and "Drowning; Food safety" in sheet and "<f>" not in sheet
    assert 'name="Results"' in book.read("xl/workbook.xml").decode()


# --- semantic planning --------------------------------------------------------------------------
def test_a_semantic_search_pages_so_that_its_counts_are_exact():
    side = semantic.Semantic((1.0, 0.0), threshold=0.7)
    counted = side.apply(PlannedSearch("hazard", "x", {"filter": "a = 1", "limit": 0, "facets": ["hazards"]}))
    assert counted.params["page"] == 1 and counted.params["hitsPerPage"] == 0 and "limit" not in counted.params
    assert counted.params["rankingScoreThreshold"] == 0.7 and counted.params["hybrid"]["embedder"] == "use"
    paged = side.apply(PlannedSearch("export", "x", {"page": 3, "hitsPerPage": 1000}))
    assert (paged.params["page"], paged.params["hitsPerPage"]) == (3, 1000)
    assert semantic.for_params(parse_params([("q", "x")]), lambda q: [1.0]) is None              # not asked for
    assert semantic.for_params(parse_params([("semantic", "1")]), lambda q: [1.0]) is None       # no words

    def broken(q: str) -> list[float]:
        raise RuntimeError("model missing")

    assert semantic.for_params(parse_params([("q", "x"), ("semantic", "1")]), broken) is None


# --- scale: the levers --------------------------------------------------------------------------
def counted(params: dict, shown_only: bool) -> list[list[str]]:
    return [s.params["facets"] for s in build_plan(parse_params(list(params.items())), charts=True, shown_only=shown_only)]


def test_the_page_asks_only_for_the_region_levels_it_shows():
    landing = counted({}, shown_only=True)
    assert "region.lvl0" in landing[0] and "region.lvl1" not in landing[0] and "region.lvl2" not in landing[0]
    assert {"region.lvl1", "region.lvl2"} <= set(counted({}, shown_only=False)[0])          # the API counts them all
    province = [f for f in counted({"region": "陕西省"}, shown_only=True)[1:] if any(a.startswith("region") for a in f)]
    assert province == [["region.lvl0"], ["region.lvl1"]]                                    # its cities, no counties
    city = [f for f in counted({"region": "陕西省 > 安康市"}, shown_only=True)[1:] if any(a.startswith("region") for a in f)]
    assert city == [["region.lvl0"], ["region.lvl1", "region.lvl2"]]


def test_the_timeline_needs_no_search_of_its_own(client, web_config):
    """The main search's compound facet draws it, in months or in weeks: one search of the page counts
    the timeline's facets, no search of its own follows. (The page's request may be split in parts on an
    idle app, search_ui/runner.py, and issuers and sites are counted after it on a small result set,
    tests/ui/test_deferred_facets.py.)"""
    reader = CountingReader(client.app.state.gonggao.reader)
    app = create_app(web_config)
    app.state.gonggao = dataclasses.replace(app.state.gonggao, reader=reader)
    with TestClient(app) as c:
        for params in ({"q": "安全"}, {"hazard": "drowning", "region": "陕西省"}, {"from": "2024-05-08", "to": "2024-06-30"}):
            reader.facets = []
            assert c.get("/search", params=params).status_code == 200
            timeline_counts = [f for f in reader.facets if {"month", "week"} & set(f)]
            assert len(timeline_counts) == 1 and len(reader.facets) <= 4, (params, reader.facets)


class CountingReader:
    def __init__(self, reader):
        self._reader, self.facets, self.index_name = reader, [], reader.index_name

    def __getattr__(self, name):
        return getattr(self._reader, name)

    def multi_search(self, queries, federation=None):
        self.facets.append(sorted({f for q in queries for f in q.get("facets") or []}))
        return self._reader.multi_search(queries, federation)


@pytest.fixture()
def fresh(meili) -> Iterator[tuple[TestClient, object]]:
    """An app on an index of its own, which the test then changes."""
    config = seed_index(meili, "ui_charts_cache")
    with TestClient(create_app(config)) as c:
        yield c, admin.connect(meili.url, meili.master_key)


def test_searches_without_words_are_answered_from_memory_until_the_index_changes(fresh):
    c, master = fresh
    reader = c.app.state.gonggao.reader
    assert isinstance(reader, CachedReader)
    first = api(c)
    misses = reader.misses
    assert api(c) == first and reader.misses == misses and reader.hits > 0        # the landing page, from memory
    # words: never cached, so asked again (literal=1: read as a hazard, 防溺水 would become a filter)
    assert api(c, q="防溺水", literal="1")["total"] >= 1
    before = reader.misses
    api(c, q="防溺水", literal="1")
    assert reader.misses > before
    misses = reader.misses
    extra = with_index_fields({**DOCS[0], "id": "doc99", "title": "新增的公告"})
    admin.add_documents(master, "ui_charts_cache", [extra])                         # a sync
    after = api(c)
    assert after["total"] == first["total"] + 1 and reader.misses > misses         # nothing stale after it
    admin.delete_documents(master, "ui_charts_cache", ["doc99"])
    assert api(c)["total"] == first["total"]


def test_without_the_index_version_nothing_is_cached(meili):
    """A search key made before the cache (search only, no indexes.get): searches still work."""
    config = seed_index(meili, "ui_charts_oldkey")
    master = admin.connect(meili.url, meili.master_key)
    old = master.create_key({"name": "old", "actions": ["search"], "indexes": ["ui_charts_oldkey"], "expiresAt": None}).key
    with TestClient(create_app(dataclasses.replace(config, search_key=old))) as c:
        reader = c.app.state.gonggao.reader
        assert api(c)["total"] == api(c)["total"] == len(DOCS)
        assert reader.hits == 0 and reader.version() is None


def test_what_is_cached():
    assert cacheable({"q": "", "limit": 0, "facets": ["hazards"]})
    assert cacheable({"q": "", "page": 1, "hitsPerPage": 20})
    assert not cacheable({"q": "防溺水", "limit": 0})
    assert not cacheable({"q": "", "hitsPerPage": 1000})                       # export batches
    assert not cacheable({"q": "", "vector": [1.0], "hybrid": {}})


def test_index_settings_hold_the_compound_facet():
    settings = index_settings()
    assert "month_hazard" in settings["filterableAttributes"]
    assert settings["faceting"]["maxValuesPerFacet"] == timeline.FACET_CAP


def test_a_folded_facet_lists_its_most_frequent_values_and_counts_the_rest():
    """Issuers and sites: thousands of values counted must not make the page megabytes long."""
    issuers = REGISTRY["issuer"]
    dist = {f"机构{i:04d}": 5000 - i for i in range(3000)}
    p = parse_params([("issuer", "机构2999")])                       # selected, and the rarest
    group = issuers.group(p, {"issuer": dist}, Translator("zh", {}))
    listed = [i.value for i in group.items + group.more]
    assert listed[:issuers.shown] == [f"机构{i:04d}" for i in range(issuers.shown)]
    assert "机构2999" in [i.value for i in group.items]                  # a selected value always shows
    assert len(group.more) == FOLDED_MAX and group.unlisted == 3000 - issuers.shown - FOLDED_MAX
