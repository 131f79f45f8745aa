"""The shapes that flow between stages.

`Page` is what the crawler hands to the indexer; `Article` is what extraction makes of
one article on a page; `Document` is the search document of ARCHITECTURE.md, the one shape
the catalog, the index, the API and `gonggao extract` share. Field names of `Document` are a
contract with users' saved URLs and with tools that read `gonggao extract`: change them only
with a migration.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

SourceType = Literal["gov", "news", "aggregator", "epaper"]
IssuerLevel = Literal["national", "province", "city", "county", "township", "school"]
DocStatus = Literal["live", "edited", "removed"]
AttachmentStatus = Literal["pending", "indexed", "unreadable"]


class Page(BaseModel):
    """One fetched HTTP response, exactly as the crawler saw it."""

    url: str
    final_url: str
    status: int = 200
    headers: dict[str, str] = Field(default_factory=dict)
    body: bytes
    fetched_at: datetime
    source_id: str


class Attachment(BaseModel):
    """A file linked from an article. `status`: pending (not fetched yet), indexed (its text is in
    the document's `attachment_text`) or unreadable (`reason` says why)."""

    name: str
    url: str
    status: AttachmentStatus = "pending"
    reason: str | None = None


class Article(BaseModel):
    """One article as extracted from a page, before enrichment.

    A page usually holds one article; an e-paper page may hold several (`index` counts them).
    """

    index: int = 0
    title: str
    body: str
    published_at: datetime | None = None
    date_source: str | None = None
    issuer: str | None = None
    author: str | None = None
    doc_number: str | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    meta: dict[str, str] = Field(default_factory=dict)
    site_owner: str | None = None  # the public body or school the page's footer names
    site_code: str | None = None  # the division code a government site's 网站标识码 starts with
    site_address: str | None = None  # the postal address the footer gives beside the owner
    mojibake_spans: list[tuple[int, int]] = Field(default_factory=list)
    # The article's data tables (a schedule, a list of inspected schools), rows of cell texts;
    # `body` holds them as tab-separated lines where they stand.
    tables: list[list[list[str]]] = Field(default_factory=list)


class RegionPath(BaseModel):
    """Hierarchical facet values in the InstantSearch hierarchicalMenu layout."""

    lvl0: str | None = None
    lvl1: str | None = None
    lvl2: str | None = None


class Evidence(BaseModel):
    """Why a label was given: the matched phrase, where, and by which rule."""

    label: str
    phrase: str
    start: int | None = None
    field: str = "body"
    rule: str = ""


class Document(BaseModel):
    # identity
    id: str
    url: str
    source_id: str
    # text
    title: str
    body: str
    title_search: str = ""
    body_search: str = ""
    lead: str = ""
    attachment_text: str = ""       # the text of the readable attachments, one after another
    attachment_search: str = ""     # … in Simplified, for matching
    tables: list[list[list[str]]] = Field(default_factory=list)  # data tables, rows of cells (also in `body`, tab-separated)
    # when
    published_at: int | None = None
    published_date: str | None = None
    year: int | None = None
    month: str | None = None
    date_source: str | None = None
    # who
    issuer: str | None = None
    issuer_level: IssuerLevel | None = None
    author: str | None = None
    doc_number: str | None = None
    site_name: str = ""
    source_type: SourceType = "gov"
    # where
    region: RegionPath = Field(default_factory=RegionPath)
    region_codes: list[str] = Field(default_factory=list)
    province: str | None = None
    city: str | None = None
    county: str | None = None
    secondary_regions: list[str] = Field(default_factory=list)  # other units named as participants or targets
    # what
    hazards: list[str] = Field(default_factory=list)
    primary_hazard: str | None = None
    safety_related: bool = False
    event_type: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    # provenance
    fetched_at: int | None = None
    first_seen: int | None = None
    last_changed: int | None = None
    status: DocStatus = "live"
    versions: int = 1
    cluster_id: str | None = None
    is_canonical: bool = True
    reprints: int = 0
    attachments: list[Attachment] = Field(default_factory=list)
