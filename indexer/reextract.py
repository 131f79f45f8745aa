"""Rebuild every document from the WARC archive after the extractor improved: no network, all cores.

Pages are read and extracted in a process pool (extraction is CPU-bound and pure); the catalog
is written from this process only. Unchanged text makes no new version, so running it twice is
harmless. Reprint clusters are recomputed at the end for the documents that changed. Each
source's repeated lines (`indexer.site_chrome`) come from its most recent archived pages, the
same memory its crawls start from.

A source with an adapter of its own reads its pages with the adapter's extract function, as its
crawl did: the caller passes them by source id (`extractors`; `gonggao reextract` builds them
from crawler/adapters.py). They go to each worker once, so they must pickle.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from config.sources import Source
from config.vocabulary import PageState
from indexer.extract import extract_articles
from indexer.ingest import Enrichers, ExtractFunction, NotAnArticle, ingest_page
from indexer.models import Document
from indexer.reprints import recluster
from indexer.site_chrome import SiteChrome
from indexer.store.catalog import Catalog
from indexer.store.warc import RecordRef, read_record

_enrichers: Enrichers | None = None
_extractors: Mapping[str, ExtractFunction] = {}
_chrome: Mapping[str, frozenset[str]] = {}


@dataclass
class ReextractReport:
    pages: int = 0
    docs_new: int = 0
    docs_changed: int = 0
    docs_unchanged: int = 0
    no_article: int = 0
    errors: int = 0
    clusters_changed: int = 0


@dataclass(frozen=True)
class _Task:
    page_id: int
    ref: RecordRef
    archive_dir: Path
    sources: dict[str, Source]


@dataclass(frozen=True)
class _Outcome:
    page_id: int
    docs: list[Document]
    state: PageState
    reason: str | None = None


def _init_worker(hazards_path: Path, extractors: Mapping[str, ExtractFunction],
                 chrome: Mapping[str, frozenset[str]]) -> None:
    global _enrichers, _extractors, _chrome
    _enrichers = Enrichers(hazards_path=hazards_path)
    _extractors = extractors
    _chrome = chrome


def _extract(task: _Task) -> _Outcome:
    assert _enrichers is not None
    try:
        page = read_record(task.archive_dir, task.ref)
        extract = _extractors.get(page.source_id, extract_articles)
        docs = ingest_page(page, task.sources.get(page.source_id), _enrichers, extract,
                           _chrome.get(page.source_id, frozenset()))
        return _Outcome(task.page_id, docs, PageState.OK)
    except NotAnArticle as exc:
        return _Outcome(task.page_id, [], PageState.SKIPPED, str(exc))
    except Exception as exc:  # one broken record never stops the run
        return _Outcome(task.page_id, [], PageState.ERROR, repr(exc))


def reextract(catalog: Catalog, sources: list[Source], hazards_path: Path, *, source_id: str | None = None,
              workers: int | None = None, progress: Callable[[int, int], None] | None = None,
              extractors: Mapping[str, ExtractFunction] | None = None) -> ReextractReport:
    """`extractors`: source id → the extract function of its adapter (default `extract_articles`)."""
    if catalog.archive_dir is None:
        raise ValueError("the catalog was opened without its archive directory")
    by_id = {s.id: s for s in sources}
    tasks = [_Task(page_id, ref, catalog.archive_dir, by_id) for page_id, ref in catalog.archived_pages(source_id)]
    report = ReextractReport()
    workers = workers or os.cpu_count() or 1
    chrome = {sid: SiteChrome.from_archive(catalog, sid, encoding=by_id[sid].encoding if sid in by_id else None).lines()
              for sid in ([source_id] if source_id else list(by_id))}
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(hazards_path, dict(extractors or {}), chrome)) as pool:
        for outcome in pool.map(_extract, tasks, chunksize=8):
            report.pages += 1
            if outcome.state == PageState.OK:
                catalog.set_page_state(outcome.page_id, PageState.OK)
                stored = catalog.store_documents(outcome.page_id, outcome.docs, from_source=False)
                report.docs_new += stored.new
                report.docs_changed += stored.changed
                report.docs_unchanged += stored.unchanged
            elif outcome.state == PageState.SKIPPED:
                report.no_article += 1
            else:
                catalog.set_page_state(outcome.page_id, PageState.ERROR, outcome.reason)
                report.errors += 1
            if progress:
                progress(report.pages, len(tasks))
    report.clusters_changed = recluster(catalog).changed
    return report
