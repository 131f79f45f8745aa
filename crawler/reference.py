"""The reference data of a crawl process, read once and shared by its crawlers.

`crawler/run.py` and a Scrapyd batch job run many crawlers in one process (a job of host batches
holds up to 50 sources). Each crawler used to parse the sources file and the hazard taxonomy itself
with ruamel's round-trip loader: 0.45 s of CPU per crawler for a 50-entry sources file plus as much
for hazards.yaml, half the CPU of a 50-source job (cProfile), and the sources file grows with the
catalogue (3,000 entries would cost seconds per crawler). A file is read again when its size or
modification time changed, so an edit between two crawls of a long-lived process is seen.
"""

from __future__ import annotations

from pathlib import Path

from config.sources import Source, load_sources
from indexer.ingest import Enrichers

_SOURCES: dict[Path, tuple[tuple[int, int], dict[str, Source]]] = {}
_ENRICHERS: dict[Path, tuple[tuple[int, int], Enrichers]] = {}


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def sources_by_id(path: Path) -> dict[str, Source]:
    """The sources of this file by id (a ConfigError, as from load_sources, when it is invalid)."""
    key = path.resolve()
    stamp = _stamp(key) if key.exists() else (0, 0)  # a missing file: load_sources says so
    cached = _SOURCES.get(key)
    if cached is None or cached[0] != stamp:
        cached = _SOURCES[key] = (stamp, {s.id: s for s in load_sources(path)})
    return cached[1]


def shared_enrichers(hazards_path: Path) -> Enrichers:
    """One Enrichers (taxonomy, gazetteer) per hazards file for every crawler of the process."""
    key = hazards_path.resolve()
    stamp = _stamp(key) if key.exists() else (0, 0)
    cached = _ENRICHERS.get(key)
    if cached is None or cached[0] != stamp:
        cached = _ENRICHERS[key] = (stamp, Enrichers(hazards_path=hazards_path))
    return cached[1]
