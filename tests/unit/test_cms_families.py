"""CMS families read the demo sites built on their conventions: fingerprint, dated items, pagination.

No network: the demo pages are rendered in memory (gonggao.demo_web.cms_sites) and read as the
crawl would read them.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import parse_qsl, urlsplit

import pytest
from parsel import Selector

from crawler import links
from crawler.cms import GENERIC, ListPage, read_list, recognise
from crawler.cms.aspnet import pages_by_postback
from crawler.cms.trs import pager
from gonggao.demo_web.cms_sites import build_cms
from gonggao.demo_web.sites import Built, DynamicRequest, build_all
from indexer.extract.decode import decode_html

BASE = "http://demo.test"


@pytest.fixture(scope="module")
def cms() -> dict[str, Built]:
    return build_cms()


def fetch(built: Built, url: str) -> ListPage:
    """The page a GET of `url` answers, as the crawl would see it (dynamic pages included)."""
    parts = urlsplit(url)
    path = links.PATH_SESSION.sub("", parts.path)
    key = path + (f"?{parts.query}" if parts.query else "")
    if path in built.dynamic:
        page = built.dynamic[path](DynamicRequest("GET", path, dict(parse_qsl(parts.query)), {}, "demo.test"))
    else:
        page = built.pages[key]
    text, _ = decode_html(page.body, page.content_type)
    return ListPage(url, text, (page.content_type or "text/html").split(";")[0])


def walk(built: Built, start: str, limit: int = 50) -> tuple[str, list, list[str]]:
    """Read a list from its first page through every page it announces: (family, items, pages read)."""
    first = fetch(built, BASE + start)
    listing = read_list(first, limit=limit)
    items = list(listing.items)
    pages = [first.url]
    for url in listing.next_pages:
        more = read_list(fetch(built, url), limit=limit)
        items += more.items
        pages.append(url)
    return listing.family.name, items, pages


def truth_paths(built: Built, prefix: str) -> set[str]:
    return {a.path for a in built.articles if a.path.startswith(prefix)}


def item_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize(("site", "start", "family", "article_prefix", "pages"), [
    ("trs", "/tzgg/", "trs", "/tzgg/", 3),
    ("trs", "/jyyw/index.html", "trs", "/jyyw/", 1),
    ("shtml", "/tzgg/index.shtml", "trs", "/tzgg/", 3),
    ("jcms", "/col/col1532973/index.html", "jcms", "/art/", 2),
    ("jcmsproxy", "/col/col1692209/index.html", "jcms", "/art/", 2),
    ("aspnet", "/NewsList.aspx?ClassID=3", "aspnet", None, 3),
    ("jsp", "/web/list.jsp?columnId=12", "jsp", None, 3),
    ("feeds", "/sitemap.xml", "feeds", "/tzgg/content/", 1),
    ("moved", "/xwzx/tzgg/index.html", "trs", "/xwzx/tzgg/", 2),
])
def test_family_reads_whole_column_with_dates(cms, site, start, family, article_prefix, pages):
    built = cms[site]
    name, items, read = walk(built, start)
    assert name == family
    assert len(read) == pages
    assert all(item.date for item in items), "every listed article has its date"
    found = {item_path(item.url) for item in items}
    by_path = {a.path: a for a in built.articles}
    assert found <= set(by_path), found - set(by_path)
    assert all(by_path[item_path(item.url)].published_date == item.date for item in items)
    if article_prefix and site != "jcms":
        assert found == truth_paths(built, article_prefix)
    if site == "jcms":
        assert found == {a.path for a in built.articles if "_1532973_" in a.path}
    if site == "aspnet":
        assert len(found) == 18
    if site == "jsp":
        assert found == {a.path for a in built.articles if a.path.endswith("columnId=12")}


def test_rss_lists_the_newest_items_with_dates(cms):
    built = cms["feeds"]
    listing = read_list(fetch(built, BASE + "/rss/tzgg.xml"))
    assert listing.family.name == "feeds" and len(listing.items) == 20 and all(i.date and i.title for i in listing.items)
    newest = sorted(built.articles, key=lambda a: a.published_date, reverse=True)[:20]
    assert {item_path(i.url) for i in listing.items} == {a.path for a in newest}
    assert listing.next_pages == []


def test_data_proxy_groups_carry_a_look_ahead_record(cms):
    """Groups after the first repeat the next group's first record: the reader must not count it twice."""
    built = cms["jcms"]
    first = read_list(fetch(built, BASE + "/col/col1532973/index.html"))
    assert len(first.items) == 36 and len(first.next_pages) == 1
    assert "startrecord=37" in first.next_pages[0] and "endrecord=72" in first.next_pages[0]
    proxy = read_list(fetch(built, first.next_pages[0]))
    assert proxy.family.name == "jcms" and len(proxy.items) == 8 and proxy.next_pages == []
    middle = fetch(built, first.next_pages[0].replace("startrecord=37", "startrecord=13").replace("endrecord=72", "endrecord=24"))
    assert len(read_list(middle).items) == 13  # 12 asked for + the look-ahead


def test_a_column_with_no_inline_records_is_read_only_through_the_proxy(cms):
    page = fetch(cms["jcmsproxy"], BASE + "/col/col1692209/index.html")
    assert GENERIC.items(page) == [] and GENERIC.next_pages(page, 10) == []  # the heuristics see nothing
    listing = read_list(page)
    assert listing.items == [] and len(listing.next_pages) == 1 and "startrecord=1&" in listing.next_pages[0]


def test_families_find_pages_the_heuristics_miss(cms):
    shtml = fetch(cms["shtml"], BASE + "/tzgg/index.shtml")
    assert pager(shtml) == (3, "index", "shtml")      # the six-argument createPageHTML
    assert links.list_pages(shtml.selector, shtml.url, 10) == []
    jsp = fetch(cms["jsp"], BASE + "/web/list.jsp?columnId=12")
    assert not [u for u in links.list_pages(jsp.selector, jsp.url, 10) if u.startswith("http")]  # goPage(n) only
    assert len(read_list(jsp).next_pages) == 2
    rss = fetch(cms["feeds"], BASE + "/rss/tzgg.xml")
    assert links.article_links(Selector(text=rss.text), rss.url, ["demo.test"]) == []


def test_session_ids_never_make_two_urls_of_one_article(cms):
    items = read_list(fetch(cms["jsp"], BASE + "/web/list.jsp?columnId=12")).items
    assert items and all(";jsessionid=" not in i.url.lower() for i in items)


def test_pages_of_an_aspnet_list_are_its_page_parameter_only(cms):
    page = fetch(cms["aspnet"], BASE + "/NewsList.aspx?ClassID=3&page=2")
    listing = read_list(page)
    assert [item_path(u) for u in listing.next_pages] == ["/NewsList.aspx?ClassID=3&page=1", "/NewsList.aspx?ClassID=3&page=3"]
    assert not pages_by_postback(page)
    postback = ListPage(BASE + "/List.aspx", '<form><input name="__VIEWSTATE" value="x"><ul><li><a href="Show.aspx?id=1">一则通知的标题文字很长</a> 2024-01-02</li></ul>'
                        """<a href="javascript:__doPostBack('AspNetPager1','2')">2</a></form>""")
    assert recognise(postback).name == "aspnet" and pages_by_postback(postback)


@pytest.mark.parametrize("site", ["moved", "nolist"])
def test_pages_without_a_list_give_no_items(cms, site):
    page = fetch(cms[site], BASE + "/tzgg/index.html")
    assert read_list(page).items == []


def test_original_demo_lists_read_as_before():
    """Dispatching to a family changes nothing on the five original sites' list pages."""
    built = build_all()
    starts = {"sxjyt": "/jyzx/tzgg/index.html", "hanyin": "/html/aqgl/list.html", "news": "/jiaoyu/index.html",
              "tw": "/zixun/index.html", "epaper": "/index.html"}
    for site, start in starts.items():
        page = fetch(built[site], BASE + start)
        listing = read_list(page, ["demo.test"], limit=10)
        expected = links.article_links(page.selector, page.url, ["demo.test"])
        assert [i.url for i in listing.items] == expected, site
        assert set(listing.next_pages) == set(links.list_pages(page.selector, page.url, 10)), site


def test_every_family_list_page_is_recognised(cms):
    seen = defaultdict(set)
    for site, start in [("trs", "/tzgg/"), ("shtml", "/gzdt/index.shtml"), ("jcms", "/col/col1532965/index.html"),
                        ("aspnet", "/NewsList.aspx?ClassID=7"), ("jsp", "/web/list.jsp?columnId=15"), ("feeds", "/rss/tzgg.xml")]:
        seen[recognise(fetch(cms[site], BASE + start)).name].add(site)
    assert dict(seen) == {"trs": {"trs", "shtml"}, "jcms": {"jcms"}, "aspnet": {"aspnet"}, "jsp": {"jsp"}, "feeds": {"feeds"}}
