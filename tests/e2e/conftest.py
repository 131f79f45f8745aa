"""One real crawl of the demo web into a real catalog and Meilisearch, shared by the e2e tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo import resolved_sources_file
from gonggao.pipeline import hazard_labels, open_catalog
from gonggao.services import MeiliEndpoint
from indexer.reprints import recluster
from indexer.search_index import admin
from indexer.search_index.sync import sync_outbox
from indexer.store.catalog import Catalog
from search_ui.app import WebConfig, create_app


@dataclass
class CrawledWorld:
    settings: Settings
    catalog: Catalog
    client: TestClient
    meili: MeiliEndpoint
    first_run_exit: int
    first_run_requests: list  # the demo web's request log during the first crawl


def make_settings(data_dir: Path, sources_path: Path, meili, index_name: str) -> Settings:  # type: ignore[no-untyped-def]
    return Settings.load(
        {"data_dir": data_dir, "sources_path": sources_path, "crawl_delay": 0.0, "index_name": index_name,
         "meili_url": meili.url, "meili_master_key": meili.master_key},
        environ={},
    )


@pytest.fixture(scope="package")
def world(tmp_path_factory: pytest.TempPathFactory, demo_web, meili) -> CrawledWorld:  # type: ignore[no-untyped-def]
    data_dir = tmp_path_factory.mktemp("e2e-data")
    settings = make_settings(data_dir, resolved_sources_file(demo_web, data_dir), meili, "e2e_announcements")
    sources = load_sources(settings.sources_path)
    catalog = open_catalog(settings, sources)
    log_start = len(demo_web.request_log)
    code = crawl_in_subprocess([s.id for s in sources], settings, timeout=600)
    requests = demo_web.request_log[log_start:]
    endpoint = MeiliEndpoint(meili.url, meili.master_key)
    master = admin.connect(meili.url, meili.master_key)
    recluster(catalog)
    report = sync_outbox(catalog, master, settings.index_name, settings.index_settings_path)
    assert report.error is None, report.error
    key = admin.ensure_search_key(master, settings.index_name)
    app = create_app(WebConfig(meili_url=meili.url, search_key=key, index_name=settings.index_name,
                               hazard_labels=hazard_labels(settings.hazards_path)))
    return CrawledWorld(settings, catalog, TestClient(app), endpoint, code, requests)
