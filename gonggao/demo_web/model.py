"""The demo web's ground truth and request log records."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DemoArticle:
    """One article as its author meant it: decided by hand when the content was written.

    `path` is the page that holds the article; on the e-paper several articles share one
    page (`epaper_page` is that path and `index` their order on it, 0, 1, 2, ...).
    `title` is the clean title (for the Traditional mirror: Traditional, without the pinyin
    glued into the page). `reprint_of` is the path of the original on `reprint_of_site`.
    """

    site: str
    path: str
    url: str
    title: str
    published_date: str
    province: str
    city: str | None
    county: str | None
    hazards: list[str]
    safety_related: bool
    script: str = "simplified"
    reprint_of: str | None = None
    reprint_of_site: str | None = None
    epaper_page: str | None = None
    index: int = 0
    issuer: str = ""
    event_type: str = ""
    topic: str = ""  # "safety", "enrollment", "party", "economy", "culture"
    attachments: list[str] = field(default_factory=list)


@dataclass
class LoggedRequest:
    site: str
    method: str
    path: str
    headers: dict[str, str]
    status: int
    time: float  # time.monotonic() when the request arrived
