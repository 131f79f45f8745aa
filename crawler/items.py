"""What the spider yields; the catalog pipeline records each kind."""

from __future__ import annotations

from dataclasses import dataclass

from indexer.models import Page


@dataclass
class FetchedPage:
    page: Page


@dataclass
class NotModified:
    url: str


@dataclass
class Gone:
    url: str
    status: int


@dataclass
class Skipped:
    """A response we fetched but do not index (a PDF, an image, binary garbage); kept with its reason."""

    page: Page
    reason: str
    kind: str = "not_html"


@dataclass
class CrawlError:
    url: str
    kind: str
    message: str
