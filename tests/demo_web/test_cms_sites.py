"""The CMS-family demo sites over HTTP: every article served, the traps they promise."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator

import pytest

from gonggao.demo_web.server import CMS_SITES, SITES, DemoWeb
from tests.demo_web.test_demo_web import get


@pytest.fixture(scope="module")
def cms_web() -> Iterator[DemoWeb]:
    web = DemoWeb(CMS_SITES)
    web.start()
    yield web
    web.stop()


def test_opt_in_and_counts(cms_web):
    assert DemoWeb().sites == SITES
    arts = cms_web.articles
    assert len({a.url for a in arts}) == len(arts)
    counts = Counter(a.site for a in arts)
    assert set(counts) == set(CMS_SITES) - {"walled", "nolist"}
    assert all(n >= 19 for n in counts.values())
    assert all(a.published_date and a.title for a in arts)
    assert {a.published_date[:4] for a in arts} >= {"2023", "2024", "2025"}


def test_every_article_is_served_with_its_date(cms_web):
    for a in cms_web.articles:
        status, _, body = get(a.url)
        assert status == 200, a.url
        text = body.decode("gb18030" if a.site == "aspnet" else "utf-8")
        assert a.published_date in text and a.title in text


def test_data_proxy_answers_get_and_post(cms_web):
    base = cms_web.base_urls["jcms"] + "/module/web/jpage/dataproxy.jsp?startrecord=37&endrecord=72&perpage=12"
    form = b"col=1&appid=1&webid=3&path=%2F&columnid=1532973&unitid=4863497&permissiontype=0"
    posted = urllib.request.urlopen(urllib.request.Request(base, data=form), timeout=5)
    assert posted.headers["Content-Type"].startswith("text/xml")
    body = posted.read().decode()
    assert body.count("<record>") == 8 and "<totalrecord>44</totalrecord>" in body
    status, _, got = get(base + "&" + form.decode())
    assert status == 200 and got.decode() == body
    _, _, other = get(base + "&columnid=1&unitid=2")
    assert b"<record>" not in other


def test_robots_disallowed_paths_answer_403(cms_web):
    blocked = cms_web.base_urls["blocked"]
    assert b"Disallow: /xxgk/" in get(blocked + "/robots.txt")[2]
    assert get(blocked + "/xxgk/tzgg/index.html")[0] == 403
    assert get(blocked + "/jyxw/index.html")[0] == 200
    walled = cms_web.base_urls["walled"]
    assert get(walled + "/")[0] == 403 and get(walled + "/robots.txt")[0] == 200


def test_moved_site_and_its_before_state():
    web = DemoWeb(["moved"])
    web.start()
    try:
        base = web.base_urls["moved"]
        status, headers, _ = get(base + "/aqjy/index.html")
        assert status == 301 and headers["location"] == "/xwzx/aqjy/index.html"
        assert get(base + "/jyyw/index.html")[0] == 404
        now = get(base + "/tzgg/index.html")[2].decode()
        assert "/xwzx/tzgg/" in now and "/xwzx/tzgg/2" not in now  # a notice, no article links
        web.apply("moved", "before_move")
        before = get(base + "/tzgg/index.html")[2].decode()
        assert before.count("/xwzx/tzgg/2") == 20
    finally:
        web.stop()


def test_feeds_name_the_host_they_are_served_on(cms_web):
    base = cms_web.base_urls["feeds"]
    robots = get(base + "/robots.txt")[2].decode()
    assert f"Sitemap: {base}/sitemap.xml" in robots
    status, headers, rss = get(base + "/rss/tzgg.xml")
    assert status == 200 and headers["content-type"].startswith("application/rss+xml")
    assert rss.decode().count("<item>") == 20 and f"<link>{base}/tzgg/content/post_" in rss.decode()
    column = get(base + "/tzgg/index.html")[2].decode()
    assert "/tzgg/content/" not in column  # the HTML list is rendered by script


def test_jsp_session_rewriting(cms_web):
    base = cms_web.base_urls["jsp"]
    article = next(a for a in cms_web.articles if a.site == "jsp")
    path, query = article.path.split("?")
    assert get(f"{base}{path};jsessionid=ABC?{query}")[0] == 200
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(urllib.request.Request(base + "/web/list.jsp?columnId=12", data=b"x=1"), timeout=5)
    assert err.value.code == 405


def test_aspnet_pages_ignore_conditional_requests(cms_web):
    article = next(a for a in cms_web.articles if a.site == "aspnet")
    status, headers, body = get(article.url)
    assert status == 200 and "etag" not in headers and "last-modified" not in headers
    again = get(article.url, {"If-None-Match": '"x"', "If-Modified-Since": "Mon, 01 Jan 2035 00:00:00 GMT"})
    assert again[0] == 200 and again[2] == body
