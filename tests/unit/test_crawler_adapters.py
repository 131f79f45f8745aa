"""Site adapters: named by import path in sources.yaml, checked when the config loads, and used by the
crawl (links and extraction), `gonggao reextract` and `gonggao extract`. The adapter below is written
for the demo news site; its pages are built in-process and stored in a real SQLite catalog + WARC."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import TextResponse

from config.errors import ConfigError
from config.settings import CONFIG_DIR, Settings
from config.sources import ADAPTER_METHODS, load_sources
from config.vocabulary import Layout, SourceKind
from crawler.adapters import DefaultAdapter, SiteAdapter, adapter_for, extract_functions
from crawler.items import FetchedPage
from crawler.pipelines import CatalogPipeline
from gonggao.extract_cmd import extract_files
from indexer.extract import ExtractOptions, extract_articles
from indexer.ingest import Enrichers, ingest_page
from indexer.models import Article
from indexer.reextract import reextract
from indexer.store.catalog import Catalog
from tests.unit.crawler_kit import SOURCE, close, close_all, crawl_settings, demo_page, demo_response, spider_crawler

LIST = "/jiaoyu/index.html"
ARTICLE = "/jiaoyu/20250619/301624.shtml"
BYLINE = "华夏资讯网编辑部"
WITH_ADAPTER = SOURCE.replace("    layout: article\n",
                              "    layout: article\n    adapter: tests.unit.test_crawler_adapters:NewsAdapter\n")


class NewsAdapter(DefaultAdapter):
    """For the demo news site: only this year's folder is crawled, from the first list page, and every
    article gets the site's byline, which its pages do not print."""

    def article_links(self, response: TextResponse) -> list[str]:
        return [url for url in super().article_links(response) if "/jiaoyu/2025" in url]

    def next_pages(self, response: TextResponse) -> list[str]:
        return []

    def extract(self, html: str, url: str, options: ExtractOptions) -> list[Article]:
        return [article.model_copy(update={"author": BYLINE}) for article in super().extract(html, url, options)]


class NotAnAdapter:
    def extract(self, html: str, url: str, options: ExtractOptions) -> list[Article]:
        return extract_articles(html, url, options)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return crawl_settings(tmp_path, WITH_ADAPTER)


@pytest.fixture(autouse=True)
def _closed_crawlers() -> Iterator[None]:
    yield
    close_all()


# -- the config ------------------------------------------------------------------------------
def sources_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_protocol_and_the_config_check_name_the_same_methods(tmp_path: Path) -> None:
    protocol = {name for name, value in vars(SiteAdapter).items() if callable(value) and not name.startswith("_")}
    assert protocol == set(ADAPTER_METHODS)
    [source] = load_sources(sources_file(tmp_path, WITH_ADAPTER))
    assert isinstance(adapter_for(source), NewsAdapter)


@pytest.mark.parametrize(("adapter", "words"), [
    ("tests.unit.test_crawler_adapters.NewsAdapter", "not an import path like package.module:Class"),
    ("tests.unit.no_such_module:NewsAdapter", "cannot import tests.unit.no_such_module"),
    ("tests.unit.test_crawler_adapters:NoSuchAdapter", "has no class NoSuchAdapter"),
    ("tests.unit.test_crawler_adapters:NotAnAdapter", "lacks article_links, next_pages; subclass"),
])
def test_a_bad_adapter_is_a_config_error_on_its_line(tmp_path: Path, adapter: str, words: str) -> None:
    path = sources_file(tmp_path, WITH_ADAPTER.replace("tests.unit.test_crawler_adapters:NewsAdapter", adapter))
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert (caught.value.line, caught.value.field) == (6, "sources.0.adapter")
    assert words in caught.value.message


def test_the_layout_defaults_from_the_kind_only_when_left_out(tmp_path: Path) -> None:
    def source(kind: str, layout: str | None) -> tuple[SourceKind, Layout]:
        text = SOURCE.replace("kind: news", f"kind: {kind}").replace("    layout: article\n", "")
        if layout:
            text = text.replace(f"kind: {kind}\n", f"kind: {kind}\n    layout: {layout}\n")
        [loaded] = load_sources(sources_file(tmp_path, text))
        return loaded.kind, loaded.layout

    assert source("epaper", None) == (SourceKind.EPAPER, Layout.EPAPER)
    assert source("news", None) == (SourceKind.NEWS, Layout.ARTICLE)
    assert source("epaper", "article") == (SourceKind.EPAPER, Layout.ARTICLE), "a reprint site in e-paper dress"
    assert source("news", "epaper") == (SourceKind.NEWS, Layout.EPAPER)
    with pytest.raises(ConfigError, match=r"\[sources.0.layout\].*'article' or 'epaper'"):
        source("news", "pdf")


def test_the_layout_not_the_kind_decides_how_a_page_is_read(tmp_path: Path) -> None:
    """An e-paper page of three articles: three documents read as `epaper`, one read as `article`."""
    page = demo_page("/html/2025-02/11/node_2.htm", site="epaper", source_id="news")
    enrichers = Enrichers(hazards_path=CONFIG_DIR / "hazards.yaml")
    [news] = load_sources(sources_file(tmp_path, SOURCE))
    for kind in (SourceKind.NEWS, SourceKind.EPAPER):
        as_epaper = news.model_copy(update={"kind": kind, "layout": Layout.EPAPER})
        assert len(ingest_page(page, as_epaper, enrichers)) == 3
        assert len(ingest_page(page, as_epaper.model_copy(update={"layout": Layout.ARTICLE}), enrichers)) == 1


# -- the crawl, re-extraction and `gonggao extract` ------------------------------------------
def test_the_adapter_chooses_the_links_the_spider_follows(settings: Settings) -> None:
    _, spider = spider_crawler(settings)
    assert isinstance(spider.adapter, NewsAdapter)
    requests = [r for r in spider.parse_list(demo_response(LIST)) if isinstance(r, Request)]
    followed = [r.url for r in requests if r.callback == spider.parse_article]
    default = DefaultAdapter(spider.source).article_links(demo_response(LIST))
    assert followed == [url for url in default if "/jiaoyu/2025" in url] and len(followed) < len(default)
    assert not [r for r in requests if r.callback == spider.parse_list], "no further list page"


def test_the_adapter_extracts_in_the_crawl_in_reextract_and_in_gonggao_extract(
        settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crawler, spider = spider_crawler(settings)
    pipeline = CatalogPipeline.from_crawler(crawler)
    pipeline.open_spider()
    pipeline.process_item(FetchedPage(demo_page(ARTICLE)))
    pipeline.close_spider()
    close(crawler, spider)
    catalog = Catalog(settings.catalog_url, archive_dir=settings.archive_dir)
    [[(_, stored)]] = list(catalog.all_documents())
    assert json.loads(stored)["author"] == BYLINE

    sources = load_sources(settings.sources_path)
    same = reextract(catalog, sources, settings.hazards_path, workers=1, extractors=extract_functions(sources))
    assert (same.docs_unchanged, same.docs_changed) == (1, 0), "re-extraction reads the page as the crawl did"
    without = reextract(catalog, sources, settings.hazards_path, workers=1)
    assert without.docs_changed == 1, "the default extractor finds no byline: the adapter made the difference"

    saved = tmp_path / "article.html"
    saved.write_bytes(demo_page(ARTICLE).body)
    capsys.readouterr()
    assert extract_files([saved], demo_page(ARTICLE).url, "news", settings) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["author"] == BYLINE
