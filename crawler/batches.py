"""Sources in crawl jobs grouped by host: the unit the Scrapyd dispatcher sends to a node.

Politeness (one request per `GONGGAO_CRAWL_DELAY` per host) is enforced inside one crawl process,
so every source of a host must be crawled by the same job, and a host by one job at a time; and a
crawl process costs 3.6 CPU-s to start (docs/scale.md), so one job should crawl many sources.
`host_batches` does both: sources sharing a host (through any of their start URLs, transitively)
stay together, and such groups are packed into batches of about `BATCH_SOURCES` sources. The
batching is deterministic, and a batch's key is derived from its hosts, so a scheduler that
restarts knows which hosts a running job holds from the job's id alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from config.sources import Source

BATCH_SOURCES = 50  # docs/scale.md: 600 jobs a day instead of 30,000 for 30,000 sources
KEY_PREFIX = "hosts-"


@dataclass(frozen=True)
class Batch:
    key: str                      # "hosts-<digest of its hosts>": names the job, says which hosts it holds
    hosts: tuple[str, ...]        # sorted
    source_ids: tuple[str, ...]   # in the order of the sources file


def hosts_of(source: Source) -> set[str]:
    return {(urlsplit(url).hostname or "").lower() for url in source.start_urls}


def host_groups(sources: list[Source]) -> list[tuple[set[str], list[str]]]:
    """(hosts, source ids) of every set of sources linked by a shared host, in file order."""
    groups: list[tuple[set[str], list[str]]] = []
    for source in sources:
        mine = hosts_of(source)
        merged: tuple[set[str], list[str]] = (set(mine), [])
        for group in [g for g in groups if g[0] & mine]:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        merged[1].append(source.id)
        groups.append(merged)
    order = {s.id: i for i, s in enumerate(sources)}
    for _, ids in groups:
        ids.sort(key=order.__getitem__)
    groups.sort(key=lambda g: order[g[1][0]])
    return groups


def batch_key(hosts: Iterable[str]) -> str:
    return KEY_PREFIX + hashlib.sha1("\n".join(sorted(hosts)).encode()).hexdigest()[:12]


def host_batches(sources: list[Source], size: int = BATCH_SOURCES) -> list[Batch]:
    """Whole host groups packed into batches of at most `size` sources (a larger group is a batch of
    its own), biggest group first into the first batch with room."""
    bins: list[tuple[set[str], list[str]]] = []
    for hosts, ids in sorted(host_groups(sources), key=lambda g: -len(g[1])):
        target = next((b for b in bins if len(b[1]) + len(ids) <= size), None)
        if target is None:
            bins.append((set(hosts), list(ids)))
        else:
            target[0].update(hosts)
            target[1].extend(ids)
    order = {s.id: i for i, s in enumerate(sources)}
    return [Batch(batch_key(hosts), tuple(sorted(hosts)), tuple(sorted(ids, key=order.__getitem__))) for hosts, ids in bins]
