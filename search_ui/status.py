"""The crawl status page: per source its last runs, next run and health, read from the catalog.

Health: `ok` when the last finished run succeeded; `failing` since the start of the oldest run of
the unbroken series of failed runs up to the last one; `never` before any run finished. A run in
progress does not change the health. The live check is the newest verdict of `gonggao sources check`
(table `source_checks`): a crawl can succeed on a list whose layout changed and find nothing. "Run now" is the command `gonggao crawl ID`: the web app holds
no handle on the scheduler of `gonggao up`, and a public page that starts crawls would be a way
to make the server hammer the sites it crawls.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from config.errors import Unavailable
from config.vocabulary import Health, RunState
from indexer.store.checks import CheckRecord, latest_checks
from indexer.store.records import CrawlErrorRecord, CrawlRun

log = logging.getLogger(__name__)
RUNS_SHOWN = 5
NextRuns = Callable[[], dict[str, datetime | None]]


class CatalogUnavailable(Unavailable):
    """The catalog could not be read (database down, file missing, schema not created)."""


@dataclass
class RunRow:
    id: int
    state: RunState
    started_at: int
    finished_at: int | None
    duration_s: int | None
    pages_fetched: int
    pages_unchanged: int
    docs_new: int
    docs_changed: int
    docs_removed: int
    errors: int
    errors_by_kind: dict[str, int]


@dataclass
class SourceStatus:
    id: str
    name: str
    kind: str
    documents: int
    health: Health
    failing_since: int | None
    next_run: datetime | None
    run_now: str                      # the command that crawls it now
    runs: list[RunRow] = field(default_factory=list)
    last_error: dict[str, Any] | None = None
    check: dict[str, Any] | None = None    # the newest `gonggao sources check` of it, None before any

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "documents": self.documents,
            "health": self.health, "failing_since": self.failing_since,
            "next_run": self.next_run.isoformat(timespec="minutes") if self.next_run else None,
            "run_now": self.run_now,
            "runs": [vars(r) for r in self.runs],
            "last_error": self.last_error,
            "check": self.check,
        }


def check_info(record: CheckRecord | None) -> dict[str, Any] | None:
    if record is None:
        return None
    return {"verdict": str(record.verdict), "summary": record.summary, "checked_at": record.checked_at,
            "articles": record.articles, "newest": record.newest}


def run_row(run: CrawlRun, errors: list[CrawlErrorRecord]) -> RunRow:
    finished = run.finished_at
    return RunRow(
        id=run.id, state=run.state, started_at=run.started_at, finished_at=finished,
        duration_s=finished - run.started_at if finished else None,
        pages_fetched=run.pages_fetched, pages_unchanged=run.pages_unchanged,
        docs_new=run.docs_new, docs_changed=run.docs_changed,
        docs_removed=run.docs_removed, errors=run.errors,
        errors_by_kind=dict(Counter(e.kind for e in errors).most_common()),
    )


def health(runs: list[RunRow]) -> tuple[Health, int | None]:
    """(health, since) from runs newest first: ok, failing or needs_browser (the site answers with a
    JavaScript anti-bot challenge: retrying every night will not help, a person must decide)."""
    finished = [r for r in runs if r.state != RunState.RUNNING]
    if not finished:
        return Health.NEVER, None
    state = finished[0].state
    if state == RunState.OK:
        return Health.OK, None
    since = finished[0].started_at
    for r in finished:
        if r.state != state:
            break
        since = r.started_at
    return (Health.NEEDS_BROWSER if state == RunState.NEEDS_BROWSER else Health.FAILING), since


def sources_status(catalog: Any, next_runs: NextRuns | None, history: int = 50) -> list[SourceStatus]:
    """One SourceStatus per source registered in the catalog. `history` runs are read to date a failure."""
    try:
        return _sources_status(catalog, next_runs() if next_runs else {}, history)
    except Exception as exc:       # SQLAlchemy, driver and file errors alike: the page says so, no traceback
        log.exception("reading crawl status from the catalog failed")
        raise CatalogUnavailable(f"The catalog could not be read ({type(exc).__name__}); crawl status is unavailable.") from exc


def _sources_status(catalog: Any, upcoming: dict[str, datetime | None], history: int) -> list[SourceStatus]:
    out = []
    checks = latest_checks(catalog.engine)
    for summary in catalog.source_summaries():
        runs = catalog.runs(summary.id, limit=history)
        rows = [run_row(r, catalog.errors(run_id=r.id) if r.errors else []) for r in runs[:RUNS_SHOWN]]
        rows += [run_row(r, []) for r in runs[RUNS_SHOWN:]]
        state, since = health(rows)
        err = summary.last_error
        out.append(SourceStatus(
            id=summary.id, name=summary.name, kind=summary.kind, documents=summary.documents,
            health=state, failing_since=since, next_run=upcoming.get(summary.id),
            run_now=f"gonggao crawl {summary.id}",
            runs=rows[:RUNS_SHOWN],
            last_error={"kind": err.kind, "message": err.message, "url": err.url, "at": err.at} if err else None,
            check=check_info(checks.get(summary.id)),
        ))
    return out


# --- alert deliveries of saved searches ----------------------------------------------------------
@dataclass
class FailingDelivery:
    id: int
    search_id: int
    search_name: str | None           # left out on a shared install: /status is public
    channel: str
    failing_since: int | None
    attempts: int
    next_attempt_at: int
    reason: str


@dataclass
class AlertsStatus:
    sent: int
    pending: int
    failing: int
    failures: list[FailingDelivery]

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "pending": self.pending, "failing": self.failing,
                "failures": [vars(f) for f in self.failures]}


def alerts_status(catalog: Any, show_names: bool) -> AlertsStatus:
    """Delivery counts and the failing deliveries with their reasons (oldest failure first)."""
    from indexer.store.saved_searches import SavedSearches

    try:
        store = SavedSearches(catalog.engine)
        counts = store.counts()
        names = {s.id: s.name for s in store.all()} if show_names else {}
        failures = [FailingDelivery(d.id, d.search_id, names.get(d.search_id), d.channel, d.failing_since, d.attempts,
                                    d.next_attempt_at, d.last_error or "") for d in store.failing()]
    except Exception as exc:       # as for the sources: the page says so, no traceback
        log.exception("reading alert deliveries from the catalog failed")
        raise CatalogUnavailable(f"The catalog could not be read ({type(exc).__name__}); alert status is unavailable.") from exc
    return AlertsStatus(counts["sent"], counts["pending"], counts["failing"], failures)
