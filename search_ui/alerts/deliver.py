"""One alerts pass: capture the new matches of every saved search, then send what is due.

`gonggao up` runs a pass after each outbox sync, `gonggao crawl` after its sync, and
`gonggao alerts send` on demand (with `force`, every pending delivery is tried now, whatever its
backoff). Meilisearch down during a capture leaves that search's watermark where it was (the next
pass captures the same documents); a failed send is retried with exponential backoff, forever:
a delivery is only ever marked sent, never dropped.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from config.errors import BadInput
from indexer.store.saved_searches import BATCH_DOCS, CaptureConflict, Delivery, SavedSearch, SavedSearches
from search_ui import service
from search_ui.alerts import channels, messages
from search_ui.alerts.matching import matching_ids
from search_ui.facets import REGISTRY, FacetRegistry
from search_ui.i18n import Translator
from search_ui.query import SearchParams, parse_params
from search_ui.runner import MultiSearcher

log = logging.getLogger(__name__)
# Retry delays: 1, 2, 4 … minutes after each failure, at most 6 hours apart (a mail server down for
# a weekend is tried about a dozen times, and a repaired one is reached within 6 hours; `gonggao
# alerts send` tries every pending delivery at once).
FIRST_RETRY_SECONDS = 60
MAX_RETRY_SECONDS = 6 * 3600


def backoff(attempts: int) -> int:
    """Seconds to wait after the `attempts`-th failure (1-based)."""
    return int(min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_RETRY_SECONDS))


@dataclass
class AlertsConfig:
    """What a pass needs besides the catalog: the search reader, where links point, how to send."""

    reader: MultiSearcher
    base_url: str                                     # the site's address, ending with "/"
    smtp: channels.SmtpConfig | None = None
    public_webhooks_only: bool = False                # a shared install (GONGGAO_AUTH) posts only to public addresses
    hazard_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    registry: FacetRegistry = REGISTRY
    clock: Callable[[], float] = time.time
    send_email: Callable[[channels.SmtpConfig | None, Any], None] = channels.send_email
    post_webhook: Callable[..., None] = channels.post_webhook


@dataclass
class PassReport:
    matched: int = 0          # documents captured for some search
    sent: int = 0
    failed: int = 0
    skipped_searches: int = 0  # searches not captured this time (Meilisearch down, a stored search no longer valid)
    errors: list[str] = field(default_factory=list)


def run_pass(store: SavedSearches, config: AlertsConfig, *, force: bool = False) -> PassReport:
    report = PassReport()
    for search in store.all():
        capture_new(store, config, search, report)
    send_due(store, config, report, force=force)
    if report.matched or report.sent or report.failed:
        log.info("alerts pass matched=%s sent=%s failed=%s", report.matched, report.sent, report.failed)
    return report


def search_params(search: SavedSearch, registry: FacetRegistry = REGISTRY) -> SearchParams:
    """The stored query string read as the search page reads its URL (BadInput if no longer valid)."""
    return parse_params(parse_qsl(search.query, keep_blank_values=True), registry=registry)


def capture_new(store: SavedSearches, config: AlertsConfig, search: SavedSearch, report: PassReport) -> None:
    """Turn the search's new matches into pending deliveries, then move its watermark."""
    now = int(config.clock())
    watermark = store.next_watermark(search, now)
    if not search.channels:                       # nothing to tell anyone: only the watermark moves
        store.move_watermark(search.id, watermark)
        return
    try:
        params = search_params(search, config.registry)
        for batch in store.candidates(search):
            found = service.call_search(matching_ids, config.reader, params, [c.id for c in batch])
            matched = [c for c in batch if c.id in found]
            if matched:
                _capture(store, search, matched, now)
                report.matched += len(matched)
    except (BadInput, service.SearchUnavailable, CaptureConflict) as exc:
        report.skipped_searches += 1
        report.errors.append(f"saved search {search.id}: {exc}")
        log.warning("alerts capture skipped search=%s error=%s", search.id, exc)
        return
    store.move_watermark(search.id, watermark)


def _capture(store: SavedSearches, search: SavedSearch, matched: list[Any], now: int) -> None:
    batch_id = secrets.token_hex(8)
    docs = [messages.document_summary({**c.data, "first_seen": c.first_seen}) for c in matched]
    parts = [docs[i:i + BATCH_DOCS] for i in range(0, len(docs), BATCH_DOCS)]
    deliveries = [
        (channel, target, {"search": {"id": search.id, "name": search.name, "query": search.query, "lang": search.lang},
                           "batch": batch_id, "documents": part})
        for part in parts for channel, target in search.channels
    ]
    store.capture(search, batch_id, [c.id for c in matched], deliveries, now=now)


def send_due(store: SavedSearches, config: AlertsConfig, report: PassReport, *, force: bool = False) -> None:
    now = int(config.clock())
    for delivery in store.due(now if not force else 2**62):
        if not store.claim(delivery, now):
            continue
        try:
            send_one(config, delivery)
        except channels.DeliveryFailed as exc:
            attempts = delivery.attempts + 1
            store.mark_failed(delivery, str(exc), now=now, next_attempt_at=now + backoff(attempts))
            report.failed += 1
            report.errors.append(f"delivery {delivery.id} ({delivery.channel}): {exc}")
            log.warning("alert delivery failed id=%s channel=%s attempts=%s error=%s", delivery.id, delivery.channel,
                        attempts, exc)
            continue
        store.mark_sent(delivery.id, int(config.clock()))
        report.sent += 1


def send_one(config: AlertsConfig, delivery: Delivery) -> None:
    if delivery.channel == "email":
        t = Translator(delivery.payload["search"].get("lang") or "zh", config.hazard_labels)
        sender = config.smtp.sender if config.smtp else "gonggao@localhost"
        config.send_email(config.smtp, messages.email_message(delivery, config.base_url, sender, t))
    elif delivery.channel == "webhook":
        config.post_webhook(delivery.target, messages.webhook_body(delivery, config.base_url), delivery.id,
                            public_only=config.public_webhooks_only)
    else:
        raise channels.DeliveryFailed(f"unknown channel {delivery.channel!r}")
