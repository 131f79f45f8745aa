"""What the spider yields; the catalog pipeline records each kind."""

from __future__ import annotations

from dataclasses import dataclass

from config.vocabulary import ErrorKind
from indexer.models import Page


@dataclass
class FetchedPage:
    page: Page


@dataclass
class FetchedAttachment:
    """A file linked from a page (`parent_url`, the page's URL as the catalog keys it), as fetched;
    a 404/410 comes with an empty body and its status."""

    page: Page
    parent_url: str
    name: str


@dataclass
class AttachmentNotModified:
    url: str


@dataclass
class ListedArticles:
    """A list page read in this run and the article URLs on it, in page order (the vanish rule)."""

    list_url: str
    article_urls: list[str]


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
    kind: ErrorKind = ErrorKind.NOT_HTML


@dataclass
class CrawlError:
    url: str
    kind: ErrorKind
    message: str
