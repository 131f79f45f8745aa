"""Saved searches and the outbox of their alerts, in the catalog.

A saved search is a search's URL parameters under a name, per owner ("" on a single-user install).
Its alerts work like the index outbox:

1. **Capture.** Documents first seen at or after the search's `watermark`, already in the search
   index and never captured for this search are the candidates; those the search matches are
   recorded in `alert_matches` and become pending deliveries (one per channel, at most
   `BATCH_DOCS` documents each), and the watermark moves on, all in ONE transaction: a crash leaves
   either nothing or the whole capture, and a document is captured once per search, ever.
2. **Send.** A due delivery is claimed (its next try pushed `LEASE_SECONDS` ahead, so two senders
   never send it both), sent, and marked `sent` only after the mail server or the webhook target
   took it. A failure keeps it pending with its reason and the time of its next try. Pending
   deliveries are rows, so they survive restarts; nothing is dropped.

The watermark never passes a document that is not in the index yet (it would otherwise never be
matched) and stays `MARGIN_SECONDS` behind the clock: `first_seen` is stamped when a page's
transaction starts, and a crawl on another process or machine may commit it a little later.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, delete, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from config.errors import GonggaoError
from indexer.store.schema import alert_deliveries, alert_matches, documents, saved_searches

BATCH_DOCS = 100          # documents per delivery (one e-mail, one webhook POST)
LEASE_SECONDS = 300       # a claimed delivery is retried after this if its sender died
# How far behind the clock the watermark stays: covers a page transaction committed after its
# first_seen stamp (SQLite waits up to 30 s for a busy database) and clocks of crawl nodes a few
# minutes apart (PostgreSQL catalog shared with Scrapyd nodes).
MARGIN_SECONDS = 600
PENDING, SENT = "pending", "sent"
CHANNELS = ("email", "webhook")


class CaptureConflict(GonggaoError):
    """Another sender captured some of these documents first; nothing of this capture was kept."""


@dataclass(frozen=True)
class SavedSearch:
    id: int
    owner: str
    name: str
    query: str                 # the canonical query string of the search (no leading "?")
    email: str | None
    webhook_url: str | None
    lang: str
    watermark: int
    created_at: int
    updated_at: int

    @property
    def channels(self) -> list[tuple[str, str]]:
        """(channel, target) of every alert channel this search has."""
        return [(c, t) for c, t in (("email", self.email), ("webhook", self.webhook_url)) if t]

    @classmethod
    def from_row(cls, row: Any) -> SavedSearch:
        m = row._mapping
        return cls(id=int(m["id"]), owner=m["owner"], name=m["name"], query=m["query"], email=m["email"],
                   webhook_url=m["webhook_url"], lang=m["lang"] or "zh", watermark=int(m["watermark"]),
                   created_at=int(m["created_at"]), updated_at=int(m["updated_at"]))


@dataclass(frozen=True)
class Delivery:
    id: int
    search_id: int
    channel: str
    target: str
    payload: dict[str, Any]
    state: str
    attempts: int
    created_at: int
    next_attempt_at: int
    last_attempt_at: int | None
    failing_since: int | None
    last_error: str | None
    sent_at: int | None

    @classmethod
    def from_row(cls, row: Any) -> Delivery:
        m = dict(row._mapping)
        m["payload"] = json.loads(m["payload"])
        return cls(**m)


@dataclass(frozen=True)
class Candidate:
    """A document that may be new for a search: its id, first_seen and stored JSON."""

    id: str
    first_seen: int
    data: dict[str, Any]


@dataclass(frozen=True)
class SearchAlertState:
    """What the saved-searches page shows of one search's alerts."""

    last_sent_at: int | None
    pending: int
    failing: int
    last_error: str | None


class SavedSearches:
    """Saved searches and their alert outbox, on the catalog's engine."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- the searches ---------------------------------------------------------------------------
    def create(self, owner: str, name: str, query: str, *, email: str | None = None, webhook_url: str | None = None,
               lang: str = "zh", now: int) -> SavedSearch:
        """A new saved search; documents first seen from `now` on count as new for it."""
        with self.engine.begin() as conn:
            result = conn.execute(insert(saved_searches).values(
                owner=owner, name=name, query=query, email=email, webhook_url=webhook_url, lang=lang,
                watermark=now, created_at=now, updated_at=now))
            key = result.inserted_primary_key
            assert key is not None
            row = conn.execute(select(saved_searches).where(saved_searches.c.id == int(key[0]))).one()
        return SavedSearch.from_row(row)

    def of_owner(self, owner: str) -> list[SavedSearch]:
        query = select(saved_searches).where(saved_searches.c.owner == owner).order_by(saved_searches.c.id)
        with self.engine.connect() as conn:
            return [SavedSearch.from_row(row) for row in conn.execute(query)]

    def all(self) -> list[SavedSearch]:
        with self.engine.connect() as conn:
            return [SavedSearch.from_row(row) for row in conn.execute(select(saved_searches).order_by(saved_searches.c.id))]

    def get(self, owner: str, search_id: int) -> SavedSearch | None:
        """The search, only when `owner` owns it (another's search is as absent as a deleted one)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(saved_searches).where(saved_searches.c.id == search_id,
                                                            saved_searches.c.owner == owner)).first()
        return SavedSearch.from_row(row) if row else None

    def update(self, owner: str, search_id: int, *, now: int, **fields: Any) -> SavedSearch | None:
        """Change name, email, webhook_url or lang; None when there is no such search of `owner`."""
        allowed = {"name", "email", "webhook_url", "lang"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not a field of a saved search: {', '.join(sorted(unknown))}")
        with self.engine.begin() as conn:
            done = conn.execute(update(saved_searches)
                                .where(saved_searches.c.id == search_id, saved_searches.c.owner == owner)
                                .values(updated_at=now, **fields))
        return self.get(owner, search_id) if done.rowcount else None

    def delete(self, owner: str, search_id: int) -> bool:
        """Delete the search with its pending deliveries and match records."""
        with self.engine.begin() as conn:
            row = conn.execute(select(saved_searches.c.id).where(saved_searches.c.id == search_id,
                                                                 saved_searches.c.owner == owner)).first()
            if row is None:
                return False
            conn.execute(delete(alert_deliveries).where(alert_deliveries.c.search_id == search_id))
            conn.execute(delete(alert_matches).where(alert_matches.c.search_id == search_id))
            conn.execute(delete(saved_searches).where(saved_searches.c.id == search_id))
        return True

    # -- capture --------------------------------------------------------------------------------
    def candidates(self, search: SavedSearch, batch: int = BATCH_DOCS) -> Iterator[list[Candidate]]:
        """Documents in the index, first seen at or after the watermark, never captured for this
        search: oldest first, `batch` at a time."""
        captured = exists().where(alert_matches.c.search_id == search.id,
                                  alert_matches.c.document_id == documents.c.id)
        after: tuple[int, str] = (search.watermark, "")
        while True:
            first_seen, doc_id = after
            query = (select(documents.c.id, documents.c.first_seen, documents.c.data)
                     .where(documents.c.first_seen >= search.watermark, documents.c.synced_at.is_not(None), ~captured,
                            (documents.c.first_seen > first_seen)
                            | and_(documents.c.first_seen == first_seen, documents.c.id > doc_id))
                     .order_by(documents.c.first_seen, documents.c.id).limit(batch))
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
            if not rows:
                return
            yield [Candidate(row.id, int(row.first_seen), json.loads(row.data)) for row in rows]
            after = (int(rows[-1].first_seen), rows[-1].id)

    def next_watermark(self, search: SavedSearch, now: int) -> int:
        """Where the watermark may move after a capture at `now`: MARGIN_SECONDS behind the clock,
        never past a document not in the index yet, never backwards."""
        with self.engine.connect() as conn:
            waiting = conn.execute(select(func.min(documents.c.first_seen))
                                   .where(documents.c.first_seen >= search.watermark,
                                          documents.c.synced_at.is_(None))).scalar()
        target = now - MARGIN_SECONDS if waiting is None else min(now - MARGIN_SECONDS, int(waiting))
        return max(search.watermark, target)

    def capture(self, search: SavedSearch, batch_id: str, matched: list[str],
                deliveries: list[tuple[str, str, dict[str, Any]]], *, now: int) -> list[int]:
        """Record the matched documents and their pending deliveries ((channel, target, payload)) in
        one transaction; returns the new delivery ids. If another sender captured one of these
        documents meanwhile, the primary key of alert_matches refuses it and the whole transaction
        rolls back (the caller logs it; the next pass finds the document captured)."""
        try:
            return self._capture(search, batch_id, matched, deliveries, now)
        except IntegrityError as exc:
            raise CaptureConflict(f"saved search {search.id}: documents captured by another sender meanwhile") from exc

    def _capture(self, search: SavedSearch, batch_id: str, matched: list[str],
                 deliveries: list[tuple[str, str, dict[str, Any]]], now: int) -> list[int]:
        ids: list[int] = []
        with self.engine.begin() as conn:
            if matched:
                conn.execute(insert(alert_matches), [
                    {"search_id": search.id, "document_id": doc_id, "delivery_batch": batch_id, "found_at": now}
                    for doc_id in matched])
            for channel, target, payload in deliveries:
                result = conn.execute(insert(alert_deliveries).values(
                    search_id=search.id, channel=channel, target=target,
                    payload=json.dumps(payload, ensure_ascii=False), state=PENDING, attempts=0,
                    created_at=now, next_attempt_at=now))
                key = result.inserted_primary_key
                assert key is not None
                ids.append(int(key[0]))
        return ids

    def move_watermark(self, search_id: int, watermark: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(saved_searches).where(saved_searches.c.id == search_id,
                                                      saved_searches.c.watermark < watermark)
                         .values(watermark=watermark))

    # -- send -----------------------------------------------------------------------------------
    def due(self, now: int) -> list[Delivery]:
        """Pending deliveries whose next try has come, oldest first."""
        query = (select(alert_deliveries).where(alert_deliveries.c.state == PENDING,
                                                alert_deliveries.c.next_attempt_at <= now)
                 .order_by(alert_deliveries.c.id))
        with self.engine.connect() as conn:
            return [Delivery.from_row(row) for row in conn.execute(query)]

    def claim(self, delivery: Delivery, now: int) -> bool:
        """Take a due delivery for sending; False when another sender took it first."""
        with self.engine.begin() as conn:
            done = conn.execute(update(alert_deliveries)
                                .where(alert_deliveries.c.id == delivery.id, alert_deliveries.c.state == PENDING,
                                       alert_deliveries.c.next_attempt_at == delivery.next_attempt_at)
                                .values(next_attempt_at=now + LEASE_SECONDS))
        return bool(done.rowcount)

    def mark_sent(self, delivery_id: int, now: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery_id).values(
                state=SENT, sent_at=now, last_attempt_at=now,
                attempts=alert_deliveries.c.attempts + 1))

    def mark_failed(self, delivery: Delivery, error: str, *, now: int, next_attempt_at: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery.id).values(
                attempts=delivery.attempts + 1, last_attempt_at=now, next_attempt_at=next_attempt_at,
                failing_since=delivery.failing_since or now, last_error=error[:2000]))

    # -- reading back ---------------------------------------------------------------------------
    def deliveries(self, search_id: int | None = None, state: str | None = None) -> list[Delivery]:
        query = select(alert_deliveries).order_by(alert_deliveries.c.id)
        if search_id is not None:
            query = query.where(alert_deliveries.c.search_id == search_id)
        if state is not None:
            query = query.where(alert_deliveries.c.state == state)
        with self.engine.connect() as conn:
            return [Delivery.from_row(row) for row in conn.execute(query)]

    def failing(self) -> list[Delivery]:
        """Pending deliveries that failed at least once, oldest failure first."""
        query = (select(alert_deliveries).where(alert_deliveries.c.state == PENDING, alert_deliveries.c.attempts > 0)
                 .order_by(alert_deliveries.c.failing_since, alert_deliveries.c.id))
        with self.engine.connect() as conn:
            return [Delivery.from_row(row) for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """Deliveries by state, plus "failing" (pending ones that failed at least once)."""
        with self.engine.connect() as conn:
            out = {row.state: int(row.n) for row in conn.execute(
                select(alert_deliveries.c.state, func.count().label("n")).group_by(alert_deliveries.c.state))}
            out["failing"] = int(conn.execute(select(func.count()).select_from(alert_deliveries).where(
                alert_deliveries.c.state == PENDING, alert_deliveries.c.attempts > 0)).scalar_one())
        return {PENDING: 0, SENT: 0, **out}

    def alert_state(self, search_id: int) -> SearchAlertState:
        rows = self.deliveries(search_id)
        sent = [d.sent_at for d in rows if d.state == SENT and d.sent_at]
        failing = [d for d in rows if d.state == PENDING and d.attempts > 0]
        return SearchAlertState(last_sent_at=max(sent, default=None),
                                pending=sum(1 for d in rows if d.state == PENDING), failing=len(failing),
                                last_error=failing[-1].last_error if failing else None)
