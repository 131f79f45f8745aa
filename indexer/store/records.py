"""Typed rows the catalog hands out about crawling: runs, errors, per-source summaries.

Readers (the crawler, the status page, `gonggao sources`) get these frozen dataclasses instead of
database mappings, so a renamed column is a type error, not a `KeyError` at run time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from config.vocabulary import ErrorKind, RunState


@dataclass(frozen=True)
class CrawlRun:
    id: int
    source_id: str
    started_at: int
    finished_at: int | None
    state: RunState
    pages_fetched: int = 0
    pages_unchanged: int = 0
    docs_new: int = 0
    docs_changed: int = 0
    docs_removed: int = 0
    errors: int = 0
    pid: int | None = None

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> CrawlRun:
        return cls(
            id=int(row["id"]), source_id=str(row["source_id"]), started_at=int(row["started_at"]),
            finished_at=row["finished_at"], state=RunState(row["state"]),
            pages_fetched=int(row["pages_fetched"] or 0), pages_unchanged=int(row["pages_unchanged"] or 0),
            docs_new=int(row["docs_new"] or 0), docs_changed=int(row["docs_changed"] or 0),
            docs_removed=int(row["docs_removed"] or 0), errors=int(row["errors"] or 0), pid=row["pid"],
        )


@dataclass(frozen=True)
class CrawlErrorRecord:
    id: int
    run_id: int | None
    source_id: str
    url: str
    kind: str        # an ErrorKind code; kept as text so a kind recorded by a newer version still reads
    message: str
    at: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.parse(self.kind) or ErrorKind.OTHER

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> CrawlErrorRecord:
        return cls(id=int(row["id"]), run_id=row["run_id"], source_id=str(row["source_id"]), url=str(row["url"]),
                   kind=str(row["kind"]), message=str(row["message"] or ""), at=int(row["at"]))


@dataclass(frozen=True)
class SourceSummary:
    """One registered source: its document count, last run and last error."""

    id: str
    name: str
    kind: str
    documents: int
    last_run: CrawlRun | None
    last_error: CrawlErrorRecord | None
