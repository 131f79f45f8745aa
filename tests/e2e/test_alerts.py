"""Alerts end to end: a search saved through the API, then `gonggao crawl` of the demo web adds
matching documents, and the e-mail digest (a real SMTP server on loopback) and the webhook (a real
HTTP server on loopback that fails the first time) are delivered; every command is its own
process, so each is a restart, and nothing is sent twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gonggao.pipeline import hazard_labels, open_catalog
from indexer.search_index import admin
from search_ui.app import WebConfig, create_app
from tests.alert_servers import SmtpReceiver, Webhook
from tests.e2e.helpers import sxjyt_settings

pytestmark = pytest.mark.e2e
PUBLIC = "https://gonggao.example.org/"


def gonggao(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "gonggao", *args], capture_output=True, text=True, timeout=600,
                            env={**os.environ, **env})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_a_crawl_that_adds_matches_sends_a_digest_and_a_webhook_once(tmp_path: Path, demo_web, meili) -> None:  # type: ignore[no-untyped-def]
    settings = sxjyt_settings(demo_web, tmp_path / "data", meili, "e2e_alerts")
    smtp, hook = SmtpReceiver().start(), Webhook(fail_first=1).start()
    env = {"GONGGAO_DATA_DIR": str(settings.data_dir), "GONGGAO_SOURCES": str(settings.sources_path),
           "GONGGAO_CRAWL_DELAY": "0", "GONGGAO_INDEX": settings.index_name, "MEILI_URL": meili.url,
           "MEILI_MASTER_KEY": meili.master_key, "GONGGAO_PUBLIC_URL": PUBLIC, "GONGGAO_SMTP_HOST": "127.0.0.1",
           "GONGGAO_SMTP_PORT": str(smtp.port), "GONGGAO_SMTP_FROM": "alerts@gonggao.example.org",
           "GONGGAO_SMTP_STARTTLS": "0"}
    try:
        catalog = open_catalog(settings)
        web = WebConfig(meili_url=meili.url, search_key="", index_name=settings.index_name,
                        hazard_labels=hazard_labels(settings.hazards_path), catalog_url=settings.catalog_url)
        with TestClient(create_app(web)) as client:
            saved = client.post("/api/v1/saved-searches", json={
                "query": "hazard=drowning", "name": "防溺水", "email": "desk@example.org", "webhook_url": hook.url})
            assert saved.status_code == 201, saved.text

        crawl = gonggao(env, "crawl")
        assert crawl.returncode == 0, crawl.stderr
        assert "alerts:" in crawl.stdout and "1 failed" in crawl.stdout
        (mail,) = smtp.messages
        assert len(hook.requests) == 1 and hook.delivered == []          # the webhook refused: pending, retried later

        key = admin.ensure_search_key(admin.connect(meili.url, meili.master_key), settings.index_name)
        with TestClient(create_app(WebConfig(meili_url=meili.url, search_key=key, index_name=settings.index_name,
                                             catalog_url=settings.catalog_url))) as client:
            expected = {h["id"] for h in client.get("/api/search", params={"hazard": "drowning", "per_page": 100}).json()["hits"]}
            status = client.get("/status.json").json()["alerts"]
        assert expected, "the demo web has drowning notices"
        assert status["failing"] == 1 and "HTTP 503" in status["failures"][0]["reason"]
        text = mail.get_body(("plain",)).get_content()
        assert {line.rsplit("/", 1)[1] for line in text.splitlines() if line.strip().startswith(PUBLIC + "doc/")} == expected
        assert mail["Subject"] == f"「防溺水」有 {len(expected)} 篇新公告"

        sent = gonggao(env, "alerts", "send")                # retried now: the webhook takes it
        assert sent.returncode == 0, sent.stderr
        (body,) = hook.delivered
        assert {d["id"] for d in body["documents"]} == expected and body["search"]["name"] == "防溺水"
        assert all(d["doc_url"] == PUBLIC + "doc/" + d["id"] for d in body["documents"])

        # restarts: sending again and crawling again (nothing new on the demo web) send nothing twice
        assert gonggao(env, "alerts", "send").returncode == 0
        assert gonggao(env, "crawl").returncode == 0
        assert len(smtp.messages) == 1 and len(hook.delivered) == 1 and len(hook.requests) == 2
        listing = gonggao(env, "alerts", "list")
        assert "防溺水" in listing.stdout and "webhook:" in listing.stdout
        catalog.close()
    finally:
        smtp.stop()
        hook.stop()
