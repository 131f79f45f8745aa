"""Downloader middlewares."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.crawler import Crawler

from indexer.catalog.store import Catalog


class ConditionalGetMiddleware:
    """Ask for a known article only if it changed: If-None-Match / If-Modified-Since from the catalog.

    Only requests marked `meta["conditional"]` are touched (article pages); list pages are always
    fetched whole, because they are how new articles are found.
    """

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ConditionalGetMiddleware":
        from config.settings import Settings

        return cls(Catalog(Settings.load().catalog_url, migrate_schema=False))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not request.meta.get("conditional"):
            return None
        known = self.catalog.known_page(request.url)
        if known is None or known.state != "ok":
            return None
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag.encode())
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified.encode())
        return None
