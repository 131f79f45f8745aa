"""`gonggao extract`: saved pages → JSON Lines of documents, one object per document.

The output shape is the Document of indexer/models.py plus `source_file`; a page that cannot be
read is one line `{"source_file": ..., "error": ...}` and the other pages still come out.
Other tools read this output: keep it stable.

A batch can give each page its own address and source with a manifest (`--manifest pages.jsonl`,
`-` for stdin): one JSON object a line, `{"path": ..., "url": ..., "source": ...}` (`url` and
`source` optional; a relative path is relative to the manifest's folder). A line that cannot be
used is one `{"manifest": ..., "line": N, "error": ...}` line and the other pages still come out.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from config.errors import NotFound
from config.settings import Settings
from config.sources import Source, load_sources
from crawler.adapters import adapter_for
from indexer.extract import extract_articles
from indexer.ingest import Enrichers, ingest_page
from indexer.models import Page


def extract_files(paths: list[Path], url: str | None, source_id: str | None, settings: Settings) -> int:
    source = _source(settings, source_id)
    enrichers = Enrichers(hazards_path=settings.hazards_path)
    failures = sum(not _extract_one(path, url, source, enrichers) for path in paths)
    sys.stdout.flush()
    return 1 if failures == len(paths) else 0


@dataclass
class ManifestEntry:
    line: int
    path: Path | None = None
    url: str | None = None
    source: str | None = None
    error: str | None = None


def read_manifest(lines: Iterable[str], base: Path) -> Iterator[ManifestEntry]:
    """The manifest's entries in order, blank lines skipped; a malformed line is an entry with an error."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield ManifestEntry(number, error=f"not a JSON object: {exc.msg}")
            continue
        if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"].strip():
            yield ManifestEntry(number, error='expected {"path": "...", "url": "...", "source": "..."} with a path')
            continue
        bad = [k for k in ("url", "source") if item.get(k) is not None and not isinstance(item[k], str)]
        if bad:
            yield ManifestEntry(number, error=f"{bad[0]} must be a string")
            continue
        path = Path(item["path"])
        yield ManifestEntry(number, path if path.is_absolute() else base / path, item.get("url") or None,
                            item.get("source") or None)


def extract_manifest(manifest: TextIO, name: str, base: Path, default_source: str | None, settings: Settings) -> int:
    """Every page the manifest names, each with its own URL and source (`default_source` where none)."""
    enrichers = Enrichers(hazards_path=settings.hazards_path)
    sources = {s.id: s for s in load_sources(settings.sources_path)} if settings.sources_path.is_file() else {}
    if default_source and default_source not in sources:
        raise NotFound(f"unknown source {default_source!r}; known: {', '.join(sorted(sources))}")
    entries = failures = 0
    for entry in read_manifest(manifest, base):
        entries += 1
        source_id = entry.source or default_source
        if entry.error is None and source_id and source_id not in sources:
            entry.error = f"unknown source {source_id!r}"
        if entry.error is not None or entry.path is None:
            failures += 1
            print(json.dumps({"manifest": name, "line": entry.line, "error": f"line {entry.line}: {entry.error}"},
                             ensure_ascii=False))
            continue
        failures += not _extract_one(entry.path, entry.url, sources.get(source_id or ""), enrichers)
    sys.stdout.flush()
    return 1 if failures == entries else 0


def _extract_one(path: Path, url: str | None, source: Source | None, enrichers: Enrichers) -> bool:
    """Print the documents of one saved page, or one error line; False on the error."""
    try:
        body = path.read_bytes()
        page = Page(url=url or path.resolve().as_uri(), final_url=url or path.resolve().as_uri(), body=body,
                    fetched_at=datetime.fromtimestamp(path.stat().st_mtime, UTC),
                    source_id=source.id if source else "")
        extract = adapter_for(source).extract if source else extract_articles  # the source's adapter reads its pages
        docs = ingest_page(page, source, enrichers, extract)
    except Exception as exc:  # one bad page is a line with an error, never the end of the run
        print(json.dumps({"source_file": str(path), "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False))
        return False
    for doc in docs:
        print(json.dumps({"source_file": str(path), **doc.model_dump(mode="json")}, ensure_ascii=False))
    return True


def _source(settings: Settings, source_id: str | None) -> Source | None:
    if not source_id:
        return None
    by_id = {s.id: s for s in load_sources(settings.sources_path)}
    if source_id not in by_id:
        raise NotFound(f"unknown source {source_id!r}; known: {', '.join(sorted(by_id))}")
    return by_id[source_id]
