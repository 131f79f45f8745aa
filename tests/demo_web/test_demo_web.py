"""The demo web itself: enough varied articles, the traps it promises, and HTTP behaviour."""

from __future__ import annotations

import http.client
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from config.sources import load_sources
from gonggao.demo_web.content import HAZARDS
from gonggao.demo_web.server import SITES

SOURCES_YAML = Path(__file__).resolve().parents[2] / "gonggao" / "demo_web" / "sources.yaml"


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, path or "/", headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


def test_counts(demo_web):
    arts = demo_web.articles
    assert len({(a.site, a.path, a.index) for a in arts}) == len(arts)
    assert len(arts) >= 80
    assert len({(a.site, a.path) for a in arts}) >= 80  # article pages (e-paper pages hold several)
    assert len({a.province for a in arts}) >= 12
    assert set(HAZARDS) <= {h for a in arts for h in a.hazards}
    non_safety = [a for a in arts if not a.safety_related]
    assert len(non_safety) >= 8 and all(a.hazards == [] for a in non_safety)
    assert all(a.hazards for a in arts if a.safety_related)
    assert {a.site for a in arts} == set(SITES)
    assert all(len([x for x in arts if x.site == s]) >= 10 for s in SITES)
    years = Counter(a.published_date[:4] for a in arts)
    assert set(years) == {"2023", "2024", "2025"}


def test_ground_truth_is_consistent(demo_web):
    by_key = {(a.site, a.path): a for a in demo_web.articles}
    for a in demo_web.articles:
        assert a.url == demo_web.base_urls[a.site] + a.path
        assert a.script == ("traditional" if a.site == "tw" else "simplified")
        if a.county:
            assert a.city
        if a.reprint_of:
            orig = by_key[(a.reprint_of_site, a.reprint_of)]
            assert orig.title == a.title and orig.hazards == a.hazards
            assert orig.published_date <= a.published_date
    reprints = [a for a in demo_web.articles if a.reprint_of]
    assert len(reprints) >= 3 and {a.reprint_of_site for a in reprints} == {"sxjyt", "hanyin"}
    ep = [a for a in demo_web.articles if a.site == "epaper"]
    assert all(a.epaper_page == a.path for a in ep)
    pages = Counter(a.path for a in ep)
    assert all(2 <= c <= 4 for c in pages.values())
    for path in pages:
        on_page = sorted(a.index for a in ep if a.path == path)
        assert on_page == list(range(len(on_page)))


def _paragraphs(html: str) -> list[str]:
    import re

    return [p for p in re.findall(r"<p[^>]*>([^<]{20,})</p>", html)]


def test_reprints_repeat_the_original_text(demo_web):
    by_key = {(a.site, a.path): a for a in demo_web.articles}
    for a in demo_web.articles:
        if not a.reprint_of:
            continue
        orig = by_key[(a.reprint_of_site, a.reprint_of)]
        enc = "gb18030" if orig.site == "hanyin" else "utf-8"
        original = _paragraphs(get(orig.url)[2].decode(enc))
        reprint = _paragraphs(get(a.url)[2].decode())
        original = [p for p in original if "主办单位" not in p]  # site footer
        assert len(original) >= 3 and set(original) <= set(reprint)


def test_every_article_is_served(demo_web):
    seen = set()
    for a in demo_web.articles:
        if (a.site, a.path) in seen:
            continue
        seen.add((a.site, a.path))
        status, headers, body = get(a.url)
        assert status == 200, a.url
        assert "last-modified" in headers and "etag" in headers
        text = body.decode("gb18030" if a.site == "hanyin" else "utf-8")
        if a.site == "tw":
            assert a.title[:4] in text.replace("(", "").replace(")", "") or a.title[:2] in text
        else:
            assert a.title in text


def test_hanyin_is_gbk_with_charset_traps(demo_web):
    arts = [a for a in demo_web.articles if a.site == "hanyin"]
    declared = Counter()
    for a in arts:
        status, headers, body = get(a.url)
        assert status == 200
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        assert a.title in body.decode("gb18030")
        ctype = headers.get("content-type", "")
        meta_utf8 = b"charset=utf-8" in body
        declared["header-utf8" if "utf-8" in ctype else "meta-utf8" if meta_utf8 else "none"] += 1
        assert "gb" not in ctype.lower()
    assert declared["none"] and declared["header-utf8"] and declared["meta-utf8"]
    # ?page=N pagination
    base = demo_web.base_urls["hanyin"]
    s1, _, p1 = get(base + "/html/aqgl/list.html")
    s2, _, p2 = get(base + "/html/aqgl/list.html?page=2")
    s9, _, _ = get(base + "/html/aqgl/list.html?page=9")
    assert (s1, s2, s9) == (200, 200, 404)
    assert p1 != p2 and b"page=2" in p1


def test_conditional_get_and_404(demo_web):
    a = next(a for a in demo_web.articles if a.site == "sxjyt")
    status, headers, _ = get(a.url)
    assert status == 200
    s, _, body = get(a.url, {"If-None-Match": headers["etag"]})
    assert s == 304 and body == b""
    s, _, _ = get(a.url, {"If-Modified-Since": headers["last-modified"]})
    assert s == 304
    s, _, _ = get(a.url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert s == 200
    s, _, _ = get(a.url, {"If-None-Match": '"nope"', "If-Modified-Since": headers["last-modified"]})
    assert s == 200
    s, _, _ = get(demo_web.base_urls["sxjyt"] + "/no/such/page.html")
    assert s == 404
    assert any(r.path == urlsplit(a.url).path and r.status == 304 for r in demo_web.request_log)


def test_robots_and_private_link(demo_web):
    for site in SITES:
        s, _headers, body = get(demo_web.base_urls[site] + "/robots.txt")
        assert s == 200 and body.startswith(b"User-agent")
    _, _, robots = get(demo_web.base_urls["sxjyt"] + "/robots.txt")
    assert b"Disallow: /private/" in robots
    linking = [a for a in demo_web.articles if a.site == "sxjyt" and b"/private/" in get(a.url)[2]]
    assert len(linking) == 1


def test_sxjyt_cms_features(demo_web):
    base = demo_web.base_urls["sxjyt"]
    s, _, first = get(base + "/jyzx/tzgg/index.html")
    assert s == 200 and b'createPageHTML(3, 0, "index", "html")' in first
    for name in ("index_1.html", "index_2.html"):
        assert get(f"{base}/jyzx/tzgg/{name}")[0] == 200
    assert get(f"{base}/jyzx/tzgg/index_3.html")[0] == 404
    page = get(demo_web.articles[0].url)[2].decode()
    for tag in ("ArticleTitle", "PubDate", "ContentSource", "SiteName", "SiteDomain", "SiteIDCode", "ColumnName"):
        assert f'<meta name="{tag}"' in page
    assert "网站标识码" in page and "ICP备" in page
    xxgk = [a for a in demo_web.articles if "zfxxgk" in a.path]
    body = get(xxgk[0].url)[2].decode()
    assert "陕教安〔2025〕3号" in body and "索引号" in body and "成文日期" in body
    attachments = [p for a in demo_web.articles for p in a.attachments]
    kinds = {}
    for p in attachments:
        s, headers, data = get(base + p)
        kinds[p.rsplit(".", 1)[1]] = (s, headers["content-type"], data)
    assert kinds["pdf"][0] == 200 and kinds["pdf"][1] == "application/pdf"
    assert kinds["pdf"][2].startswith(b"%PDF-") and kinds["pdf"][2].rstrip().endswith(b"%%EOF")
    assert kinds["xls"][1] == "application/vnd.ms-excel"


def test_site_specific_traps(demo_web):
    news = [a for a in demo_web.articles if a.site == "news"]
    page = get(news[5].url)[2].decode()
    for marker in ("作者：", "阅读：", "(资料图片仅供参考)", "相关文章", "热点推荐", "声明：", "关键词：", "责任编辑：", "京ICP备"):
        assert marker in page
    tw = next(a for a in demo_web.articles if a.site == "tw" and a.province == "山西省" and a.safety_related)
    page = get(tw.url)[2].decode()
    assert "(huì)" in page or "(wěn)" in page
    assert "來源：山西省教育廳" in page
    assert any("(PM2.5" in get(a.url)[2].decode() for a in demo_web.articles if a.site == "tw")
    ep = next(a for a in demo_web.articles if a.site == "epaper")
    page = get(ep.url)[2].decode()
    assert "本报讯" in page and f"{ep.published_date[:4]}年" in page
    body = page.split('class="bm-text"')[1]
    assert f"{ep.published_date[:4]}年" not in body  # the year only in the date line
    assert body.index("ocr-text") < body.index('class="bt"')  # headline after the body


def test_set_page_and_sources(demo_web):
    base = demo_web.base_urls["news"]
    demo_web.set_page("news", "/jiaoyu/extra.shtml", "<html><body>新页面</body></html>".encode())
    assert get(base + "/jiaoyu/extra.shtml")[0] == 200
    demo_web.set_page("news", "/jiaoyu/extra.shtml", None, 404)
    assert get(base + "/jiaoyu/extra.shtml")[0] == 404

    subs = demo_web.substitutions()
    for site in SITES:
        assert subs[site] == demo_web.base_urls[site]
        assert subs[f"{site}_host"] == urlsplit(subs[site]).hostname
    sources = load_sources(SOURCES_YAML, subs)
    assert {s.id for s in sources} == set(SITES)
    for s in sources:
        assert s.start_urls[0].startswith(demo_web.base_urls[s.id])
        assert get(s.start_urls[0])[0] == 200
    assert next(s for s in sources if s.id == "hanyin").encoding == "gb18030"
