"""`gonggao sources add` on the CMS-family demo web: the right list pages per family, polite
fetching, refusals with one-line messages and documented exit codes, nothing written by mistake."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from config.sources import load_sources
from gonggao.demo_web.server import DemoWeb
from tests.e2e.sources_helpers import run, start_cms_web
from tests.faultweb import FaultWeb

# What a person would choose on each site, most wanted first.
EXPECTED = {
    "trs": (["/tzgg/", "/jyyw/"], "河南省"),
    "shtml": (["/tzgg/index.shtml", "/gzdt/index.shtml"], "河南省 > 郑州市"),
    "jcms": (["/col/col1532973/index.html", "/col/col1532965/index.html"], "浙江省"),
    "jcmsproxy": (["/col/col1692209/index.html"], "浙江省 > 杭州市"),
    "aspnet": (["/NewsList.aspx?ClassID=3", "/NewsList.aspx?ClassID=1", "/NewsList.aspx?ClassID=7"], "山东省 > 日照市 > 东港区"),
    "jsp": (["/web/list.jsp?columnId=12", "/web/list.jsp?columnId=15"], "四川省 > 成都市"),
    "feeds": (["/rss/tzgg.xml"], "广东省 > 深圳市"),
    "moved": (["/xwzx/tzgg/index.html", "/xwzx/jyyw/index.html", "/xwzx/aqjy/index.html"], "江苏省 > 南京市"),
    "blocked": (["/jyxw/index.html", "/aqjy/index.html"], "湖南省 > 长沙市"),
}
EMPTY = "# my sources, kept as written\nsources: []   # none yet\n"


@pytest.fixture(scope="module")
def web() -> Iterator[DemoWeb]:
    yield from start_cms_web()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    sources = tmp_path / "sources.yaml"
    sources.write_text(EMPTY, encoding="utf-8")
    return tmp_path / "data", sources


def entry_paths(path: Path) -> list[tuple[str, list[str], str | None]]:
    return [(s.id, [urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else "") for u in s.start_urls], s.region_hint)
            for s in load_sources(path)]


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_add_finds_the_lists_of_each_family(web, files, capsys, monkeypatch, tmp_path, site):
    data, sources = files
    result = run(capsys, monkeypatch, data, sources, "sources", "add", web.base_urls[site] + "/")
    assert result.code == 0, result.err
    printed = tmp_path / "printed.yaml"
    printed.write_text("sources:\n" + result.out, encoding="utf-8")  # the printed entry pastes under sources:
    [(_, paths, region)] = entry_paths(printed)
    lists, place = EXPECTED[site]
    assert paths == lists
    assert region == place
    assert sources.read_text(encoding="utf-8") == EMPTY  # printed, not written


def test_write_appends_keeping_comments_and_refuses_a_second_time(web, files, capsys, monkeypatch):
    data, sources = files
    first = run(capsys, monkeypatch, data, sources, "sources", "add", web.base_urls["jcms"] + "/col/col1532973/index.html",
                "--write", "--id", "zjjyt", "--name", "浙江省教育厅")
    assert first.code == 0, first.err
    text = sources.read_text(encoding="utf-8")
    assert text.startswith("# my sources, kept as written\n") and "# none yet" in text
    assert "# added by `gonggao sources add" in text and "# the page given" in text and "records" not in text.split("jcms")[0]
    [(sid, paths, region)] = entry_paths(sources)
    assert (sid, paths[0], region) == ("zjjyt", "/col/col1532973/index.html", "浙江省")
    second = run(capsys, monkeypatch, data, sources, "sources", "add", web.base_urls["jcms"] + "/", "--write")
    assert second.code == 2 and "already crawled as source 'zjjyt'" in second.err
    assert second.err.count("\n") == 1 and "Traceback" not in second.err
    assert sources.read_text(encoding="utf-8") == text


def test_robots_is_obeyed_and_requests_are_spaced(web, files, capsys, monkeypatch):
    """Spacing is measured on a delay long enough that thread scheduling (a few ms) cannot blur it."""
    data, sources = files
    delay = 0.1
    host = urlsplit(web.base_urls["blocked"]).hostname
    before = len(web.request_log)
    result = run(capsys, monkeypatch, data, sources, "sources", "add", web.base_urls["blocked"] + "/", delay=delay)
    assert result.code == 0
    assert "robots.txt of" in result.out and "forbids Gonggao to read /xxgk/tzgg/index.html" in result.out
    ours = [r for r in web.request_log[before:] if r.site == "blocked"]
    assert ours[0].path == "/robots.txt"
    assert not [r for r in ours if r.path.startswith("/xxgk/")], "a disallowed path was requested"
    assert all("Gonggao" in r.headers.get("User-Agent", "") for r in ours)
    gaps = [b.time - a.time for a, b in pairwise(ours)]
    assert len(gaps) >= 4 and min(gaps) >= delay * 0.9, f"requests to {host} closer than the delay"


@pytest.mark.parametrize(("target", "code", "message"), [
    ("walled", 1, "robots.txt of {host} forbids Gonggao to read /; nothing written"),
    ("nolist", 1, "no list of dated announcements confirmed on {hostname}: looked at 1 candidate list page; nothing written"),
    ("pdf", 1, "not a web page"),
    ("notaurl", 2, "not a web address: 'notaurl'"),
    ("closed", 3, "refused the connection; nothing written"),
    ("region", 2, "--region '火星' names no place the gazetteer knows"),
])
def test_bad_input_gets_one_line_and_writes_nothing(web, files, capsys, monkeypatch, target, code, message):
    data, sources = files
    pdf = next(a for a in web.articles if a.site == "sxjyt" and a.attachments)
    url = {"walled": web.base_urls["walled"] + "/", "nolist": web.base_urls["nolist"] + "/",
           "pdf": web.base_urls["sxjyt"] + pdf.attachments[0], "notaurl": "notaurl", "closed": "http://127.0.0.1:9/",
           "region": web.base_urls["trs"] + "/"}[target]
    extra = ["--region", "火星"] if target == "region" else []
    result = run(capsys, monkeypatch, data, sources, "sources", "add", url, "--write", *extra)
    assert result.code == code
    parts = urlsplit(url)
    assert message.format(host=parts.netloc, hostname=parts.hostname) in result.err
    assert result.err.count("\n") == 1 and result.err.startswith("gonggao: ") and "Traceback" not in result.err
    assert sources.read_text(encoding="utf-8") == EMPTY


def test_a_site_behind_a_browser_challenge_is_refused(files, capsys, monkeypatch):
    data, sources = files
    with FaultWeb() as fault:
        result = run(capsys, monkeypatch, data, sources, "sources", "add", fault.url(FaultWeb.GUARDED[0]), "--write")
    assert result.code == 1 and "Gonggao does not run a browser; nothing written" in result.err
    assert sources.read_text(encoding="utf-8") == EMPTY


def test_from_catalog_onboards_what_has_an_address(web, files, capsys, monkeypatch, tmp_path):
    data, sources = files
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    (catalog / "test.yaml").write_text(f"""bureaus:
  - {{name: 浙江省教育厅, region: 浙江省, code: "330000", level: province, url: "{web.base_urls['jcms']}/", verified: false}}
  - {{name: 杭州市教育局, region: 浙江省 > 杭州市, code: "330100", level: city, url: null, needs_url: true, verified: false}}
  - {{name: 河南省教育厅, region: 河南省, code: "410000", level: province, url: "{web.base_urls['trs']}/", verified: false}}
""", encoding="utf-8")
    monkeypatch.setattr("config.bureau_catalog.CATALOG_DIR", catalog)
    result = run(capsys, monkeypatch, data, sources, "sources", "add", "--from-catalog", "浙江", "--write")
    assert result.code == 1  # one bureau has no address yet
    assert "杭州市教育局 (浙江省 > 杭州市): the catalogue has no address for it yet (needs_url)" in result.out
    assert [(name, region) for name, _, region in [(s.name, s.start_urls, s.region_hint) for s in load_sources(sources)]] == [("浙江省教育厅", "浙江省")]
    unknown = run(capsys, monkeypatch, data, sources, "sources", "add", "--from-catalog", "火星")
    assert unknown.code == 2 and "the catalogue has no bureau in '火星'" in unknown.err
