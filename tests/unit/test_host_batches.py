"""Sources packed into crawl jobs by host: a host is never split over two jobs."""

from __future__ import annotations

from config.sources import Source
from crawler.batches import BATCH_SOURCES, batch_key, host_batches, hosts_of


def source(sid: str, *urls: str) -> Source:
    return Source(id=sid, name=sid, kind="gov", start_urls=list(urls), allowed_domains=["x"])


def test_200_sources_on_40_hosts_make_4_jobs_of_whole_hosts():
    sources = [source(f"h{h:02d}-{c}", f"http://127.0.1.{h}:8000/{c}/index.html") for h in range(40) for c in range(5)]
    batches = host_batches(sources)
    assert [len(b.source_ids) for b in batches] == [BATCH_SOURCES] * 4
    owner = {}
    for batch in batches:
        for sid in batch.source_ids:
            owner.setdefault(sid.split("-")[0], set()).add(batch.key)
        assert batch.key == batch_key(batch.hosts)
    assert all(len(keys) == 1 for keys in owner.values()), "a host spread over two jobs"
    assert sorted(s for b in batches for s in b.source_ids) == sorted(s.id for s in sources)
    assert host_batches(list(reversed(sources))) and {b.key for b in host_batches(sources)} == {b.key for b in batches}


def test_sources_linked_through_any_start_url_share_a_job_even_past_the_size():
    a = source("a", "http://one.example/x", "http://two.example/y")
    b = source("b", "http://two.example/z")
    c = source("c", "http://three.example/")
    d = source("d", "http://one.example/w")
    batches = host_batches([a, b, c, d], size=2)
    assert [b.source_ids for b in batches] == [("a", "b", "d"), ("c",)]
    assert batches[0].hosts == ("one.example", "two.example")
    assert hosts_of(a) == {"one.example", "two.example"}


def test_scrapyd_runner_reads_a_batch_job_and_leaves_others_to_scrapyd():
    from crawler.scrapyd_runner import batch_arguments

    argv = ["crawl", "announcements", "-s", "LOG_FILE=logs/gonggao/announcements/hosts-ab.1.log",
            "-a", "_job=hosts-ab.1", "-a", "sources=a,b,c"]
    assert batch_arguments(argv) == (["a", "b", "c"], {"LOG_FILE": "logs/gonggao/announcements/hosts-ab.1.log"})
    assert batch_arguments(["crawl", "announcements", "-a", "source=a", "-a", "_job=a.1"]) is None
    assert batch_arguments(["list"]) is None
