"""The pieces of `gonggao sources add / check` that need no network: the catalogue, the YAML writer,
the verdict rules, names and ids, the stored checks."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from config.bureau_catalog import Bureau, load_catalog, select
from config.errors import BadInput, ConfigError
from config.sources import load_sources
from config.sources_writer import append_source
from config.vocabulary import CheckVerdict, IssuerLevel
from crawler.cms import ListPage
from crawler.onboard.check import judge
from crawler.onboard.probe import ListProbe, same_encoding
from crawler.onboard.site import site_name, source_id
from indexer.enrich.regions import Gazetteer, RegionContext
from indexer.models import Page
from indexer.store.catalog import Catalog
from indexer.store.checks import CheckRecord, latest_checks, listed_counts, save_check

PROVINCES = 31
CAPITALS = 27


def test_catalogue_covers_provinces_and_capitals_with_true_codes():
    bureaus = load_catalog()
    provinces = [b for b in bureaus if b.level == IssuerLevel.PROVINCE]
    cities = [b for b in bureaus if b.level == IssuerLevel.CITY]
    assert len(provinces) == PROVINCES and len(cities) == CAPITALS
    assert len({b.code for b in bureaus}) == len(bureaus)
    assert not any(b.verified for b in bureaus), "nothing is verified until `gonggao sources check` ran on a networked machine"
    gazetteer = Gazetteer.default()
    for b in bureaus:
        assert gazetteer.resolve(RegionContext(title="", body="", region_hint=b.region)).codes[-1] == b.code, b.name
        assert (b.url is None) == b.needs_url
        if b.url:
            assert urlsplit(b.url).hostname.endswith(".gov.cn") and urlsplit(b.url).path == "/", b.url
    assert all(b.code.endswith("0000") for b in provinces) and all(b.code.endswith("00") and not b.code.endswith("0000") for b in cities)


def test_catalogue_selection_by_name_path_or_code():
    bureaus = load_catalog()
    names = lambda region: [b.name for b in select(bureaus, region)]  # noqa: E731
    assert names("陕西省") == names("陕西") == names("610000") == ["陕西省教育厅", "西安市教育局"]
    assert names("西安") == names("610100") == names("陕西省 > 西安市") == ["西安市教育局"]
    with pytest.raises(BadInput):
        select(bureaus, "火星")


def test_catalogue_entries_need_a_url_or_say_so():
    with pytest.raises(ValueError, match="needs_url"):
        Bureau(name="x", region="陕西省", code="610000", level="province", url=None)
    with pytest.raises(ValueError, match="cannot be verified"):
        Bureau(name="x", region="陕西省", code="610000", level="province", url=None, needs_url=True, verified=True)


def _entry(sid: str) -> CommentedMap:
    entry = CommentedMap(id=sid, name="演示", kind="gov", start_urls=CommentedSeq(["http://127.0.0.2/tzgg/"]),
                         allowed_domains=CommentedSeq(["127.0.0.2"]))
    entry.yaml_add_eol_comment("why", "kind")
    return entry


def test_writer_keeps_the_file_as_written_and_validates(tmp_path: Path):
    path = tmp_path / "sources.yaml"
    original = Path("config/sources.yaml").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    append_source(path, _entry("demo"), "added by a test")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(original.rstrip("\n"))  # every comment, quote and blank line kept
    assert "# added by a test\n  - id: demo" in text and "kind: gov  # why" in text
    assert [s.id for s in load_sources(path)][-1] == "demo"
    with pytest.raises(BadInput, match="already has a source 'demo'"):
        append_source(path, _entry("demo"), "again")
    bad = _entry("Bad Id")
    with pytest.raises(ConfigError):
        append_source(path, bad, "invalid")
    assert path.read_text(encoding="utf-8") == text and not list(tmp_path.glob(".sources.yaml.*"))


def probe(**kw) -> ListProbe:
    base = dict(url="http://h/tzgg/", final_url="http://h/tzgg/", status=200, items=20, dated=20, newest="2025-06-01",
                encoding="utf-8", declared_encoding="utf-8")
    return ListProbe(**{**base, **kw})


@pytest.mark.parametrize(("kw", "before", "verdict", "says"), [
    ({}, 20, CheckVerdict.OK, None),
    ({"problem_kind": "gone", "problem": "404"}, 20, CheckVerdict.BROKEN, "gonggao sources add"),
    ({"problem_kind": "robots", "problem": "robots.txt forbids"}, None, CheckVerdict.BROKEN, "forbids"),
    ({"problem_kind": "needs_browser", "problem": "needs a browser"}, None, CheckVerdict.BROKEN, "browser"),
    ({"problem_kind": "no_list", "problem": "x", "items": 0, "dated": 0}, 20, CheckVerdict.ATTENTION, "0 article links where there were 20"),
    ({"problem_kind": "no_list", "problem": "x", "items": 0, "dated": 0}, None, CheckVerdict.ATTENTION, "0 article links (the"),
    ({"items": 6, "dated": 6}, 20, CheckVerdict.ATTENTION, "6 article links where there were 20"),
    ({"redirects": [(301, "http://h/new/")], "final_url": "http://h/new/"}, None, CheckVerdict.ATTENTION, "moved permanently to http://h/new/"),
    ({"redirects": [(302, "http://h/login")]}, None, CheckVerdict.OK, None),
    ({"next_pages": ["http://h/tzgg/index_1.html"], "next_page_ok": False}, None, CheckVerdict.ATTENTION, "lists nothing new"),
    ({"declared_encoding": "utf-8", "encoding": "gb18030"}, None, CheckVerdict.ATTENTION, "set encoding: gb18030"),
    ({"declared_encoding": "gb2312", "encoding": "gb18030"}, None, CheckVerdict.OK, None),
])
def test_verdict_rules(kw, before, verdict, says):
    result = judge(probe(**kw), before, None)
    assert result.verdict == verdict
    assert (result.reason is None) if says is None else (says in result.reason)


def test_same_encoding_treats_the_gb_family_as_one():
    assert same_encoding("GB2312", "gb18030") and same_encoding("UTF-8", "utf8") and not same_encoding("utf-8", "gbk")


def test_names_and_ids():
    assert source_id("jyt.henan.gov.cn", set()) == "jyt-henan"
    assert source_id("www.moe.gov.cn", {"moe"}) == "moe-2"
    assert source_id("127.0.0.2:8080", set()) == "127-0-0-2"
    page = ListPage("http://h/", "<html><head><title>首页 - 汉阴县教育体育和科技局</title></head><body></body></html>")
    assert site_name(page).value == "汉阴县教育体育和科技局"
    meta = ListPage("http://h/", '<html><head><meta name="SiteName" content="河南省教育厅"><title>首页</title></head></html>')
    assert (site_name(meta).value, site_name(meta).source) == ("河南省教育厅", '<meta name="SiteName">')


def test_stored_checks_and_listed_counts(tmp_path: Path):
    from datetime import UTC, datetime

    catalog = Catalog(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        for i in range(3):
            page = Page(url=f"http://h/a{i}.html", final_url=f"http://h/a{i}.html", status=200, headers={}, body=b"x",
                        fetched_at=datetime.now(UTC), source_id="s")
            catalog.save_page(page, state="ok")
        with catalog.engine.begin() as conn:
            from indexer.store.schema import pages
            conn.execute(pages.update().values(list_url="http://h/tzgg/"))
        assert listed_counts(catalog.engine, ["http://h/tzgg/", "http://h/other/"]) == {"http://h/tzgg/": 3}
        for verdict, n in ((CheckVerdict.OK, 20), (CheckVerdict.ATTENTION, 0)):
            save_check(catalog.engine, CheckRecord("s", 1, verdict, "why", n, None, {"lists": [{"url": "http://h/tzgg/", "items": n}]}))
        latest = latest_checks(catalog.engine)["s"]
        assert latest.verdict == CheckVerdict.ATTENTION and latest.list_counts() == {"http://h/tzgg/": 0}
    finally:
        catalog.close()
