"""`gonggao extract`: saved pages → JSON Lines of documents, one object per document.

The output shape is the Document of indexer/models.py plus `source_file`; a page that cannot be
read is one line `{"source_file": ..., "error": ...}` and the other pages still come out.
Other tools read this output: keep it stable.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from config.errors import NotFound
from config.settings import Settings
from config.sources import Source, load_sources
from crawler.adapters import adapter_for
from indexer.extract import extract_articles
from indexer.ingest import Enrichers, ingest_page
from indexer.models import Page


def extract_files(paths: list[Path], url: str | None, source_id: str | None, settings: Settings) -> int:
    source = _source(settings, source_id)
    extract = adapter_for(source).extract if source else extract_articles  # the source's adapter reads its pages
    enrichers = Enrichers(hazards_path=settings.hazards_path)
    failures = 0
    for path in paths:
        try:
            body = path.read_bytes()
            page = Page(url=url or path.resolve().as_uri(), final_url=url or path.resolve().as_uri(), body=body,
                        fetched_at=datetime.fromtimestamp(path.stat().st_mtime, UTC),
                        source_id=source.id if source else "")
            docs = ingest_page(page, source, enrichers, extract)
        except Exception as exc:  # one bad page is a line with an error, never the end of the run
            failures += 1
            print(json.dumps({"source_file": str(path), "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False))
            continue
        for doc in docs:
            print(json.dumps({"source_file": str(path), **doc.model_dump(mode="json")}, ensure_ascii=False))
    sys.stdout.flush()
    return 1 if failures == len(paths) else 0


def _source(settings: Settings, source_id: str | None) -> Source | None:
    if not source_id:
        return None
    by_id = {s.id: s for s in load_sources(settings.sources_path)}
    if source_id not in by_id:
        raise NotFound(f"unknown source {source_id!r}; known: {', '.join(sorted(by_id))}")
    return by_id[source_id]
