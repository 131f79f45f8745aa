"""`reextract` rebuilds documents from the WARC archive alone: no network, no new versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import CONFIG_DIR, Settings
from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo import resolved_sources_file
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from indexer.reextract import reextract

pytestmark = pytest.mark.e2e


def test_reextract_from_the_archive_after_the_taxonomy_changes(tmp_path: Path) -> None:
    with DemoWeb() as web:
        settings = Settings.load({"data_dir": tmp_path, "sources_path": resolved_sources_file(web, tmp_path),
                                  "crawl_delay": 0.0}, environ={})
        sources = load_sources(settings.sources_path)
        catalog = open_catalog(settings, sources)
        assert crawl_in_subprocess(["hanyin"], settings, timeout=300) == 0
    docs, versions = catalog.count_documents(), catalog.count_versions()
    assert docs > 0 and list(settings.archive_dir.glob("hanyin-*.warc.gz"))

    # the demo web is gone: everything below reads the archive only. The first pages of a new
    # source were read before its repeated lines (site chrome) were known; the first re-extraction
    # reads every page with what the whole crawl taught, in place; a second one changes nothing.
    first = reextract(catalog, sources, settings.hazards_path, workers=2)
    assert (first.pages, first.errors, first.docs_new) == (docs, 0, 0)
    assert catalog.count_versions() == versions
    same = reextract(catalog, sources, settings.hazards_path, workers=2)
    assert (same.pages, same.docs_unchanged, same.docs_changed, same.errors) == (docs, docs, 0, 0)

    # a renamed hazard code in the YAML: behaviour changes with no code change
    hazards = (CONFIG_DIR / "hazards.yaml").read_text(encoding="utf-8")
    changed_path = tmp_path / "hazards.yaml"
    changed_path.write_text(hazards.replace("code: fraud", "code: fraud_renamed"), encoding="utf-8")
    renamed = reextract(catalog, sources, changed_path, workers=2)
    assert renamed.docs_changed > 0 and renamed.errors == 0
    assert catalog.count_versions() == versions, "re-extraction corrects documents in place, it is no edit"
    assert catalog.count_documents() == docs
