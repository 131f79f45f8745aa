"""Server-rendered pages: escaping, drill-down, language, headers, errors. No JavaScript needed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.ui.conftest import XSS, route_paths


class Collector(HTMLParser):
    """Tags and attributes, to check structure without a browser."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> Collector:
    c = Collector()
    c.feed(html)
    return c


def links(html: str, cls: str = "facet-link") -> dict[str, str]:
    """data-value → href of facet links."""
    return {a["data-value"]: a["href"] for t, a in parse(html).tags if t == "a" and cls in a.get("class", "")}


def test_security_headers(client):
    r = client.get("/search")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"]
    assert "<script>" not in r.text.replace('<script src="/static/app.js" defer></script>', "")
    assert client.get("/static/app.js").headers["x-content-type-options"] == "nosniff"


def test_xss_stays_escaped(client):
    for r in (client.get("/search", params={"q": "校园"}), client.get("/search", params={"q": "测试内容"}),
              client.get("/doc/doc16"), client.get("/search", params={"q": "<script>alert(1)</script>"})):
        assert r.status_code == 200
        assert "<script>alert(1)</script>" not in r.text
        assert "<img src=x" not in r.text and "<b>注意</b>" not in r.text and "<i>测试来源</i>" not in r.text
    doc = client.get("/doc/doc16").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in doc
    hit = client.get("/api/search", params={"q": "测试内容"}).json()["hits"][0]
    assert "<script" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert "<b>" not in hit["title_html"]
    assert re.sub(r"</?mark>", "", hit["snippet"]).count("<") == 0


def test_region_drilldown_links(client):
    home = client.get("/search").text
    provinces = links(home)
    assert "陕西省" in provinces and "陕西省 > 安康市" not in provinces   # no cities until a province is chosen
    shaanxi = client.get(provinces["陕西省"].replace("&amp;", "&")).text
    cities = links(shaanxi)
    assert {"陕西省 > 安康市", "陕西省 > 西安市", "山东省"} <= set(cities)
    assert not any(v.startswith("河南省 > ") for v in cities)
    assert "陕西省 > 安康市 > 汉阴县" not in cities
    ankang = client.get(cities["陕西省 > 安康市"]).text
    counties = links(ankang)
    assert {"陕西省 > 安康市 > 汉阴县", "陕西省 > 安康市 > 石泉县"} <= set(counties)
    assert "陕西省 > 西安市 > 雁塔区" not in counties
    county = client.get(counties["陕西省 > 安康市 > 汉阴县"])
    assert 'data-total="3"' in county.text
    # the county's link now goes back up to its city
    assert links(county.text)["陕西省 > 安康市 > 汉阴县"].endswith("region=%E9%99%95%E8%A5%BF%E7%9C%81+%3E+%E5%AE%89%E5%BA%B7%E5%B8%82")


def test_facet_links_keep_state_and_reset_page(client):
    html = client.get("/search", params={"q": "校园", "hazard": "fire", "page": "1", "per_page": "5", "sort": "date"}).text
    hazard_links = links(html)
    drowning = hazard_links["drowning"]
    assert "q=%E6%A0%A1%E5%9B%AD" in drowning and "hazard=fire" in drowning and "hazard=drowning" in drowning
    assert "sort=date" in drowning and "per_page=5" in drowning and "page=" not in drowning.replace("per_page", "")
    assert "hazard=fire" not in hazard_links["fire"]           # active value: link removes it
    # labels come from hazard_labels; a code without a label is shown as is
    assert "防溺水" in html and "bullying" in html


def test_form_works_without_javascript(client):
    html = client.get("/search", params={"region": "陕西省", "hazard": "drowning", "year": "2024"}).text
    tags = parse(html).tags
    hidden = {(a["name"], a["value"]) for t, a in tags if t == "input" and a.get("type") == "hidden"}
    assert {("region", "陕西省"), ("hazard", "drowning"), ("year", "2024")} <= hidden
    ids = {a["id"] for t, a in tags if t in ("input", "select") and a.get("type") != "hidden"}
    labelled = {a["for"] for t, a in tags if t == "label"}
    assert ids <= labelled, "every control has a label"
    assert any(t == "button" and a.get("type") == "submit" for t, a in tags)


def test_language_switch_and_cookie(client):
    zh = client.get("/search")
    assert '<html lang="zh-Hans">' in zh.text and "搜索" in zh.text
    en = client.get("/search", params={"lang": "en"})
    assert '<html lang="en">' in en.text and "Drowning" in en.text
    assert "lang=en" in en.headers["set-cookie"]
    again = client.get("/search")                      # the TestClient keeps the cookie
    assert '<html lang="en">' in again.text
    client.get("/search", params={"lang": "zh"})
    assert '<html lang="zh-Hans">' in client.get("/search").text


def test_doc_page(client):
    r = client.get("/doc/doc01")
    assert r.status_code == 200
    html = r.text
    assert "汉阴县教育局召开校园安全工作会议" in html
    assert "2024-05-10" in html and "汉阴县教育体育和科技局" in html
    assert "陕西省 &gt; 安康市 &gt; 汉阴县" in html
    assert "2024-05-10 10:00" in html           # fetched_at, Beijing time
    original = next(a for t, a in parse(html).tags if t == "a" and a.get("id") == "original-link")
    assert original["href"] == "https://edu.example.gov.cn/202401/t2024_1.html"
    assert set(original["rel"].split()) == {"noopener", "noreferrer", "nofollow"}
    trad = client.get("/doc/doc14").text
    assert "山西省召開全省學校安全穩定工作會議" in trad       # original script displayed


def test_html_errors_are_friendly(client):
    for params in ({"sort": "x"}, {"from": "2024-99-99"}, {"page": "0"}, {"facet": "body"}):
        r = client.get("/search", params=params)
        assert r.status_code == 400 and "text/html" in r.headers["content-type"]
        assert "请求参数有误" in r.text and "Traceback" not in r.text
    missing = client.get("/doc/nosuch", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    unknown = client.get("/no/such/page", headers={"accept": "text/html"})
    assert unknown.status_code == 404 and "<html" in unknown.text
    assert client.get("/no/such/page").json() == {"error": "Not Found"}


def test_pagination_links(client):
    html = client.get("/search", params={"per_page": "7"}).text
    nav = [a for t, a in parse(html).tags if t == "a" and "page=" in a.get("href", "").replace("per_page", "")]
    assert any("page=3" in a["href"] for a in nav)
    assert any(a.get("rel") == "next" for a in nav)
    last = client.get("/search", params={"per_page": "7", "page": "3"}).text
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_the_index_really_holds_the_xss_payload(client):
    """The escaping tests above mean something only if the payload reaches the app unescaped."""
    doc = client.get("/doc/doc16.json").json()
    assert XSS in doc["body"] and doc["title"] == "校园安全提示 <b>注意</b>" and doc["issuer"] == "<i>测试来源</i>"


def test_share_noise_is_ignored_on_html_pages(client):
    r = client.get("/search", params={"q": "校园", "from": "singlemessage", "isappinstalled": "0", "utm_source": "x"})
    assert r.status_code == 200
    assert client.get("/api/search", params={"from": "singlemessage"}).status_code == 400


def test_doc_back_link_returns_to_the_search(client):
    base = str(client.base_url)
    html = client.get("/doc/doc01", headers={"referer": base + "/search?q=%E6%A0%A1%E5%9B%AD&region=%E9%99%95%E8%A5%BF%E7%9C%81"}).text
    back = next(a for t, a in parse(html).tags if t == "a" and a.get("id") == "back-link")
    assert back["href"] == "/search?q=%E6%A0%A1%E5%9B%AD&region=%E9%99%95%E8%A5%BF%E7%9C%81"
    elsewhere = client.get("/doc/doc01", headers={"referer": "https://evil.example/search?q=x"}).text
    assert next(a for t, a in parse(elsewhere).tags if t == "a" and a.get("id") == "back-link")["href"] == "/search"


def test_every_route_is_documented(client):
    import search_ui

    documented = search_ui.__doc__ or ""
    paths = route_paths(client.app.routes)
    assert {"/search", "/api/v1/search", "/healthz", "/static"} <= paths
    for path in paths:
        assert path in documented, f"{path} is not documented in search_ui/__init__.py"
