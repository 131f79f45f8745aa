"""Alert delivery against real receivers: a real SMTP server and a real webhook on loopback, a real
Meilisearch (the seeded index of tests/ui/conftest.py) and a real catalog holding the same documents.

The clock of the passes is a variable, so the retries' backoff is checked without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.models import Document, Page
from indexer.search_index.reader import SearchReader
from indexer.store.catalog import Catalog
from indexer.store.saved_searches import SavedSearches
from search_ui.alerts import channels
from search_ui.alerts.deliver import FIRST_RETRY_SECONDS, AlertsConfig, backoff, run_pass
from search_ui.app import create_app
from tests.alert_servers import SmtpReceiver, Webhook
from tests.ui.conftest import DOCS, HAZARD_LABELS

DROWNING = sorted(d["id"] for d in DOCS if "drowning" in d["hazards"])


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def catalog_with_docs(root: Path, ids: list[str]) -> Catalog:
    """A catalog holding these seeded documents, marked as synced (the index has them)."""
    catalog = Catalog(f"sqlite:///{root / 'catalog.sqlite'}")
    for data in DOCS:
        if data["id"] not in ids:
            continue
        page = Page(url=data["url"], final_url=data["url"], status=200, headers={}, body=b"<html></html>",
                    fetched_at=time.time(), source_id="ui-test")  # type: ignore[arg-type]
        catalog.store_documents(catalog.save_page(page, state="ok"), [Document.model_validate(data)])
    catalog.mark_synced(catalog.pending_documents(1000))
    return catalog


@pytest.fixture()
def world(web_config, tmp_path) -> Iterator[tuple[Catalog, SavedSearches, AlertsConfig, Clock]]:
    catalog = catalog_with_docs(tmp_path, [])
    clock = Clock()
    config = AlertsConfig(reader=SearchReader(web_config.meili_url, web_config.search_key, web_config.index_name),
                          base_url="https://gonggao.example.org/", hazard_labels=HAZARD_LABELS, clock=clock)
    yield catalog, SavedSearches(catalog.engine), config, clock
    catalog.close()


def add_docs(catalog: Catalog, ids: list[str]) -> None:
    for data in DOCS:
        if data["id"] in ids:
            page = Page(url=data["url"], final_url=data["url"], status=200, headers={}, body=b"<html></html>",
                        fetched_at=time.time(), source_id="ui-test")  # type: ignore[arg-type]
            catalog.store_documents(catalog.save_page(page, state="ok"), [Document.model_validate(data)])
    catalog.mark_synced(catalog.pending_documents(1000))


def test_new_matches_go_out_once_by_email_and_webhook(world):
    catalog, store, config, clock = world
    smtp, hook = SmtpReceiver().start(), Webhook().start()
    try:
        config.smtp = channels.SmtpConfig("127.0.0.1", smtp.port, "alerts@gonggao.example.org", starttls=False)
        search = store.create("", "防溺水", "hazard=drowning", email="editor@example.org", webhook_url=hook.url,
                              now=int(clock.now) - 5)
        add_docs(catalog, [d["id"] for d in DOCS])          # every seeded document arrives after the search was saved
        report = run_pass(store, config)
        assert report.sent == 2 and report.failed == 0
        assert len(smtp.messages) == 1 and len(hook.delivered) == 1
        body = hook.delivered[0]
        assert sorted(d["id"] for d in body["documents"]) == DROWNING      # exactly what the search matches
        assert body["search"]["url"] == "https://gonggao.example.org/search?hazard=drowning"
        assert hook.requests[0]["headers"]["X-Gonggao-Delivery"] == str(body["delivery_id"])
        mail = smtp.messages[0]
        assert mail["To"] == "editor@example.org" and "防溺水" in mail["Subject"]
        text = mail.get_body(("plain",)).get_content()
        assert all(f"https://gonggao.example.org/doc/{i}" in text for i in DROWNING)
        html = mail.get_body(("html",)).get_content()
        assert "<script>" not in html

        # a second pass, and a "restart" (a new store and config on the same catalog): nothing again
        clock.now += 3600
        assert run_pass(SavedSearches(catalog.engine), replace(config)).sent == 0
        assert len(smtp.messages) == 1 and len(hook.delivered) == 1
        assert store.get("", search.id).watermark > search.watermark
    finally:
        smtp.stop()
        hook.stop()


def test_a_failing_webhook_is_retried_with_backoff_and_shown_on_status(world, web_config):
    catalog, store, config, clock = world
    hook = Webhook(fail_first=3).start()
    try:
        store.create("", "drowning", "hazard=drowning", webhook_url=hook.url, now=int(clock.now) - 5)
        add_docs(catalog, DROWNING)
        attempts = []
        for _ in range(4):
            run_pass(store, config)
            (delivery,) = store.deliveries()
            attempts.append((delivery.attempts, delivery.state, delivery.next_attempt_at - int(clock.now)))
            run_pass(store, config)                      # not due yet: nothing is sent
            clock.now = delivery.next_attempt_at
        assert [a[:2] for a in attempts] == [(1, "pending"), (2, "pending"), (3, "pending"), (4, "sent")]
        assert [a[2] for a in attempts[:3]] == [backoff(1), backoff(2), backoff(3)] == [
            FIRST_RETRY_SECONDS, 2 * FIRST_RETRY_SECONDS, 4 * FIRST_RETRY_SECONDS]
        assert len(hook.requests) == 4 and len(hook.delivered) == 1
        assert len({r["json"]["delivery_id"] for r in hook.requests}) == 1     # one delivery, retried
    finally:
        hook.stop()


def test_a_failing_mail_server_is_shown_on_status_and_nothing_is_lost(world, web_config, tmp_path):
    catalog, store, config, clock = world
    smtp = SmtpReceiver(fail_first=1).start()
    try:
        config.smtp = channels.SmtpConfig("127.0.0.1", smtp.port, "alerts@gonggao.example.org", starttls=False)
        store.create("", "西安", "region=陕西省+>+西安市", email="desk@example.org", now=int(clock.now) - 5)
        add_docs(catalog, ["doc05", "doc06", "doc01"])
        assert run_pass(store, config).failed == 1
        app = create_app(replace(web_config, catalog_url=str(catalog.engine.url)))
        with TestClient(app) as client:
            page = client.get("/status?lang=en")
            assert page.status_code == 200
            assert 'id="alert-failures"' in page.text and "451" in page.text and "mailbox busy" in page.text
            failing = client.get("/status.json").json()["alerts"]
            assert failing["failing"] == 1 and failing["failures"][0]["channel"] == "email"
            assert failing["failures"][0]["failing_since"] and "451" in failing["failures"][0]["reason"]

        smtp.stop()                                   # the server goes away altogether: still pending, a new reason
        clock.now += backoff(1)
        assert run_pass(store, config).failed == 1
        assert "cannot reach the SMTP server" in store.failing()[0].last_error

        smtp = SmtpReceiver().start()                 # back, on a new port: the operator fixes the setting
        config.smtp = channels.SmtpConfig("127.0.0.1", smtp.port, "alerts@gonggao.example.org", starttls=False)
        assert run_pass(store, config, force=True).sent == 1       # `gonggao alerts send`: now, whatever the backoff
        (mail,) = smtp.messages
        text = mail.get_body(("plain",)).get_content()
        assert "doc05" in text and "doc06" in text and "doc01" not in text
        assert store.failing() == [] and store.counts()["sent"] == 1
    finally:
        smtp.stop()


def test_meilisearch_down_keeps_the_watermark(world, meili):
    catalog, store, config, clock = world
    search = store.create("", "all", "", webhook_url="https://hooks.example.org/x", now=int(clock.now) - 5)
    add_docs(catalog, ["doc01"])
    config.reader = SearchReader("http://127.0.0.1:9", "key", "nowhere", timeout=1)
    report = run_pass(store, config)
    assert report.skipped_searches == 1 and store.deliveries() == []
    assert store.get("", search.id).watermark == search.watermark


def test_documents_the_watermark_passed_before_they_reached_the_index_are_not_lost(world):
    catalog, store, config, clock = world
    hook = Webhook().start()
    try:
        store.create("", "drowning", "hazard=drowning", webhook_url=hook.url, now=int(clock.now) - 5)
        # doc02 is stored but not in the index yet when a pass runs (its sync failed, say)
        data = next(d for d in DOCS if d["id"] == "doc02")
        page = Page(url=data["url"], final_url=data["url"], status=200, headers={}, body=b"<html></html>",
                    fetched_at=time.time(), source_id="ui-test")  # type: ignore[arg-type]
        catalog.store_documents(catalog.save_page(page, state="ok"), [Document.model_validate(data)])
        clock.now += 3600
        assert run_pass(store, config).matched == 0
        catalog.mark_synced(catalog.pending_documents(1000))
        assert run_pass(store, config).sent == 1
        assert [d["id"] for d in hook.delivered[0]["documents"]] == ["doc02"]
    finally:
        hook.stop()


def test_a_page_committed_a_little_after_a_pass_is_not_lost(world):
    catalog, store, config, clock = world
    hook = Webhook().start()
    try:
        store.create("", "drowning", "hazard=drowning", webhook_url=hook.url, now=int(clock.now) - 5)
        clock.now += 100
        assert run_pass(store, config).matched == 0
        add_docs(catalog, ["doc07"])       # stamped 100 s before the pass that just ran (a slow transaction elsewhere)
        assert run_pass(store, config).sent == 1
        assert [d["id"] for d in hook.delivered[0]["documents"]] == ["doc07"]
    finally:
        hook.stop()


def test_the_job_gonggao_up_runs_after_crawls_syncs_then_sends(meili, tmp_path):
    from config.settings import Settings
    from gonggao.pipeline import open_catalog
    from gonggao.services import MeiliEndpoint
    from gonggao.supervisor import after_crawl_job

    hook = Webhook().start()
    try:
        settings = Settings.load({"data_dir": tmp_path, "index_name": "alerts_after_crawl", "meili_url": meili.url,
                                  "meili_master_key": meili.master_key}, environ={})
        catalog = open_catalog(settings)
        SavedSearches(catalog.engine).create("", "drowning", "hazard=drowning", webhook_url=hook.url,
                                             now=int(time.time()) - 5)
        for data in DOCS:                                 # what a scheduled crawl stored: not in the index yet
            page = Page(url=data["url"], final_url=data["url"], status=200, headers={}, body=b"<html></html>",
                        fetched_at=time.time(), source_id="ui-test")  # type: ignore[arg-type]
            catalog.store_documents(catalog.save_page(page, state="ok"), [Document.model_validate(data)])
        job = after_crawl_job(settings, catalog, MeiliEndpoint(meili.url, meili.master_key),
                              base_url=lambda: "http://127.0.0.1:8700/")
        job()
        (body,) = hook.delivered
        assert sorted(d["id"] for d in body["documents"]) == DROWNING
        assert body["documents"][0]["doc_url"].startswith("http://127.0.0.1:8700/doc/")
        job()                                             # the next tick: nothing new, nothing again
        assert len(hook.requests) == 1
        catalog.close()
    finally:
        hook.stop()
