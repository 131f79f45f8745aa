"""SiteChrome: a source's repeated lines, learnt from its archived pages and from every page fetched."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from indexer.models import Page
from indexer.site_chrome import SiteChrome
from indexer.store.catalog import Catalog
from indexer.store.warc import WarcWriterRotating

MENU = "网站首页 | 教育新闻 | 安全管理 | 政务公开"
FOOTER = "主办单位：某县教育局 技术支持：某某网络"


def page_html(n: int) -> str:
    return (f"<html><body><table><tr><td>{MENU}</td></tr></table><h1>第{n}号通知</h1>"
            f"<p>这是第{n}篇文章的正文，内容各不相同，编号{n}。</p><div>{FOOTER}</div></body></html>")


def test_lines_every_page_repeats_are_chrome_and_a_page_own_text_is_not() -> None:
    chrome = SiteChrome()
    assert chrome.observe(page_html(1)) == frozenset()   # two or fewer pages teach nothing
    chrome.observe(page_html(2))
    lines = chrome.observe(page_html(3))
    assert any("主办单位" in line for line in lines)
    assert not any("第3篇" in line for line in lines)


def test_a_crawl_starts_from_the_pages_the_catalog_stored_last(tmp_path: Path) -> None:
    catalog = Catalog(f"sqlite:///{tmp_path / 'catalog.sqlite3'}", archive_dir=tmp_path / "warc")
    catalog.register_sources([("county", "某县教育局", "gov", "{}")])
    writer = WarcWriterRotating(tmp_path / "warc", prefix="county")
    for n in range(4):
        page = Page(url=f"http://county.example/a{n}.html", final_url=f"http://county.example/a{n}.html",
                    headers={"content-type": "text/html; charset=utf-8"}, body=page_html(n).encode(),
                    fetched_at=datetime(2025, 3, n + 1, tzinfo=UTC), source_id="county")
        catalog.save_page(page, state="ok", reason=None, warc=writer.append(page))
    writer.close()
    seeded = SiteChrome.from_archive(catalog, "county")
    assert any("主办单位" in line for line in seeded.lines())
    assert SiteChrome.from_archive(catalog, "another").lines() == frozenset()


def test_settle_names_the_pages_read_before_the_chrome_was_known() -> None:
    chrome: SiteChrome[int] = SiteChrome()
    for n in range(1, 6):
        chrome.observe(page_html(n))
        chrome.read_as(n)
    final, again = chrome.settle()
    assert any("主办单位" in line for line in final)
    assert again == [1, 2], "the first two pages were read with no chrome; the later ones with the final one"
