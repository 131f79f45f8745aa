"""Source checks in the catalog: what `gonggao sources check` found, for the status page and the next check.

The newest row of a source is its verdict. A check compares a list with what it held before: the
article count the previous check saw on it, else the number of articles the crawl last saw on that
list page (`pages.list_url`), so "0 article links where there were 20" is noticed on the first
check after a layout change even if no check ran before.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, insert, select

from config.vocabulary import CheckVerdict
from indexer.store.schema import pages, source_checks


@dataclass(frozen=True)
class CheckRecord:
    source_id: str
    checked_at: int
    verdict: CheckVerdict
    summary: str
    articles: int
    newest: str | None
    report: dict[str, Any] = field(default_factory=dict)  # {"lists": [{"url": …, "items": …, …}], …}

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> CheckRecord:
        return cls(str(row["source_id"]), int(row["checked_at"]), CheckVerdict.parse(str(row["verdict"])) or CheckVerdict.BROKEN,
                   str(row["summary"]), int(row["articles"]), row["newest"], json.loads(row["report"] or "{}"))

    def list_counts(self) -> dict[str, int]:
        """List URL → article links the check saw on it (lists that answered)."""
        return {str(item["url"]): int(item.get("items") or 0) for item in self.report.get("lists", [])
                if item.get("problem_kind") not in ("unreachable", "robots", "forbidden", "needs_browser")}


def save_check(engine: Engine, record: CheckRecord) -> None:
    with engine.begin() as conn:
        conn.execute(insert(source_checks).values(
            source_id=record.source_id, checked_at=record.checked_at, verdict=str(record.verdict), summary=record.summary,
            articles=record.articles, newest=record.newest, report=json.dumps(record.report, ensure_ascii=False)))


def latest_checks(engine: Engine) -> dict[str, CheckRecord]:
    """Source id → its newest check."""
    newest = (select(source_checks.c.source_id, func.max(source_checks.c.id).label("id"))
              .group_by(source_checks.c.source_id).subquery())
    query = select(source_checks).join(newest, source_checks.c.id == newest.c.id)
    with engine.connect() as conn:
        return {row.source_id: CheckRecord.from_row(row._mapping) for row in conn.execute(query)}


def listed_counts(engine: Engine, list_urls: list[str]) -> dict[str, int]:
    """List URL → how many stored articles the crawl last saw on it."""
    if not list_urls:
        return {}
    query = (select(pages.c.list_url, func.count()).where(pages.c.list_url.in_(list_urls))
             .group_by(pages.c.list_url))
    with engine.connect() as conn:
        return {str(url): int(n) for url, n in conn.execute(query)}
