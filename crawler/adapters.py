"""Site adapters: how the crawler reads one site's list pages and article pages.

Most sites need nothing but the heuristics (crawler/links.py finds article links and further list
pages, `indexer.extract.extract_articles` reads an article) and, at most, CSS selectors in
config/sources.yaml. A site whose pages need code names a class in its entry,

    adapter: mysites.bulletin:BulletinAdapter

that subclasses `DefaultAdapter` and overrides what the site needs. The class is built once per
crawl with the source (`adapter_class(source)`); its `extract` also serves `gonggao extract` and
`gonggao reextract`, so a re-extraction reads the archived pages as the crawl did. `extract` runs
in worker processes there: keep the adapter's state picklable (the default holds only its source).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from config.sources import Source
from crawler import cms, links
from crawler.cms import ListPage
from indexer.extract import ExtractOptions, extract_articles
from indexer.ingest import ExtractFunction
from indexer.models import Article

if TYPE_CHECKING:
    from scrapy.http import TextResponse


class SiteAdapter(Protocol):
    """What the crawler asks of a site (`config.sources.ADAPTER_METHODS` lists these names)."""

    def article_links(self, response: TextResponse) -> list[str]:
        """Article URLs on a list page, in page order, canonical (`links.canonical`), within the
        source's allowed domains."""
        ...

    def next_pages(self, response: TextResponse) -> list[str]:
        """Further list pages to read after this one (the spider caps them at `max_list_pages`)."""
        ...

    def extract(self, html: str, url: str, options: ExtractOptions) -> list[Article]:
        """The articles of one decoded page; [] when it holds none. Pure: no I/O."""
        ...


class DefaultAdapter:
    """What every site gets: the source's selectors when it has them; else the CMS family the list page's
    fingerprint names (crawler/cms: TRS columns, Hanweb jcms and its data proxy, ASP.NET, JSP, feeds and
    sitemaps), else the link heuristics of crawler/links.py."""

    def __init__(self, source: Source):
        self.source = source

    def article_links(self, response: TextResponse) -> list[str]:
        if self.source.selectors.article_links is None and (family := _family(response)) is not None:
            return [item.url for item in family.items(ListPage.of_response(response), self.source.allowed_domains)]
        return links.article_links(response.selector, response.url, self.source.allowed_domains,
                                   self.source.selectors.article_links)

    def next_pages(self, response: TextResponse) -> list[str]:
        if self.source.selectors.next_page is None and (family := _family(response)) is not None:
            return family.next_pages(ListPage.of_response(response), self.source.max_list_pages)
        return links.list_pages(response.selector, response.url, self.source.max_list_pages,
                                self.source.selectors.next_page)

    def extract(self, html: str, url: str, options: ExtractOptions) -> list[Article]:
        return extract_articles(html, url, options)


def _family(response: TextResponse) -> cms.Family | None:
    """The CMS family of a list page; None when no fingerprint matches (the link heuristics read it)."""
    family = cms.recognise(ListPage.of_response(response))
    return None if family is cms.GENERIC else family


def adapter_for(source: Source) -> SiteAdapter:
    """The source's adapter: the class its `adapter:` names (checked when the config loaded), else the default."""
    if source.adapter is None:
        return DefaultAdapter(source)
    from scrapy.utils.misc import load_object  # here: `gonggao extract` loads Scrapy only for an adapter

    adapter: SiteAdapter = load_object(source.adapter.replace(":", "."))(source)
    return adapter


def extract_functions(sources: list[Source]) -> dict[str, ExtractFunction]:
    """Source id → its adapter's extract function, for `indexer.reextract.reextract`."""
    return {source.id: adapter_for(source).extract for source in sources}
