"""200 sources on 40 hosts crawled by two Scrapyd nodes in host batches: each host is held by one job
at a time, and no host ever sees two requests closer than the configured delay.

The demo web runs in a process of its own (`python -m gonggao.demo_web --access-log`), given a
higher priority when the tests may: on two shared cores, a web server inside the test process
stamped requests up to a second late while the process waited for the CPU.

Two schedulers dispatch at once: one all 200 sources in jobs of 50 (four jobs of ten hosts), the
other the sources of ten hosts that straddle two of those jobs, in one job: it must wait for both. Job intervals come from
Scrapyd (`listjobs.json`), request times from the demo web's access log.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations, pairwise
from pathlib import Path

import pytest

from config.settings import Settings
from config.sources import load_sources
from crawler.batches import host_batches
from crawler.dispatch import HostLedger, ScrapydCluster, crawl_on_nodes
from gonggao.demo_web.scale_sites import COLUMNS, SCALE_SITES
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from tests.e2e.test_scale_out import SCRAPY_CFG, ScrapydNode, free_port, postgres, stop_node, wait_ready  # noqa: F401

pytestmark = pytest.mark.e2e

# GONGGAO_CRAWL_DELAY on the nodes, the production default: long enough that the delay, not the CPU
# of two cores, sets the pace (each source's article requests queue behind it)
DELAY = 1.0
# The delay counts from the previous response (crawler/politeness.py): the site stamped the previous
# request before it answered, so every gap in its log is at least the delay, however late a busy crawl
# process sends. Counted from when a request left Scrapy's queue instead, the full suite saw gaps of
# 0.17 s; Scrapy's ±50 % delay jitter gives gaps of 0.5 s.

# three slots per node: the five jobs could all run at once, so only the dispatcher keeps them apart
BATCH_NODE_CONF = """\
[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
poll_interval = 0.5
max_proc = 3
runner = crawler.scrapyd_runner
logs_dir = logs
eggs_dir = eggs
dbs_dir = dbs
jobs_to_keep = 100
"""


def start_batch_node(folder: Path, settings: Settings) -> ScrapydNode:
    folder.mkdir(parents=True)
    port = free_port()
    (folder / "scrapyd.conf").write_text(BATCH_NODE_CONF.format(port=port))
    (folder / "scrapy.cfg").write_text(SCRAPY_CFG)
    with open(folder / "scrapyd.log", "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, env={**os.environ, **settings.to_env()},
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    return ScrapydNode(url, url, folder, settings, process)


@dataclass
class ServedWeb:
    base_urls: dict[str, str]
    log: Path
    process: subprocess.Popen

    def requests(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]


def serve(log: Path) -> ServedWeb:
    """The forty bureaus in a process of their own, niced up when allowed (root)."""
    def priority() -> None:
        with contextlib.suppress(PermissionError):
            os.nice(-10)

    process = subprocess.Popen([sys.executable, "-m", "gonggao.demo_web", "--access-log", str(log), *SCALE_SITES],
                               stdout=subprocess.PIPE, text=True, preexec_fn=priority)
    assert process.stdout is not None
    urls = {}
    for line in process.stdout:
        if line.startswith("Serving"):
            break
        site, url = line.split()[:2]
        urls[site] = url.rstrip("/")
    assert set(urls) == set(SCALE_SITES), urls
    return ServedWeb(urls, log, process)


def sources_file(web: ServedWeb, path: Path) -> Path:
    lines = ["sources:"]
    for site in SCALE_SITES:
        base = web.base_urls[site]
        host = base.split("//")[1].split(":")[0]
        for col in COLUMNS:
            lines.append(f'  - {{id: {site}-{col}, name: "{site} {col}", kind: gov, start_urls: ["{base}/{col}/index.html"], '
                         f'allowed_domains: ["{host}"], max_list_pages: 2}}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def finished_jobs(cluster: ScrapydCluster) -> list[tuple[str, datetime, datetime]]:
    """(job key, start, end) of every finished job on every node."""
    out = []
    for node in cluster.nodes:
        for job in cluster._call(node, "listjobs.json", query={"project": cluster.project})["finished"]:
            out.append((job["id"].rsplit(".", 1)[0], datetime.fromisoformat(job["start_time"]), datetime.fromisoformat(job["end_time"])))
    return out


def test_each_host_one_job_at_a_time_and_never_faster_than_the_delay(tmp_path: Path, postgres: str) -> None:  # noqa: F811
    web = serve(tmp_path / "access.jsonl")
    nodes: list[ScrapydNode] = []
    try:
        path = sources_file(web, tmp_path / "sources.yaml")
        sources = load_sources(path)
        assert len(sources) == 200 and len({s.allowed_domains[0] for s in sources}) == 40

        def settings_for(data_dir: Path) -> Settings:
            return Settings.load({"data_dir": data_dir, "database_url": postgres, "sources_path": path,
                                  "crawl_delay": DELAY}, environ={})

        nodes = [start_batch_node(tmp_path / name, settings_for(tmp_path / name / "data")) for name in ("node-a", "node-b")]
        catalog = open_catalog(settings_for(tmp_path / "scheduler"), sources)
        for node in nodes:
            wait_ready(node)
        urls = [node.address for node in nodes]
        ids = [s.id for s in sources]
        codes: dict[int, int] = {}
        log_start = len(web.requests())

        straddling = [s.id for s in sources if s.id.split("-")[0] in SCALE_SITES[5:15]]

        def scheduler(wanted: list[str], size: int) -> None:
            codes[size] = crawl_on_nodes(wanted, urls, sources, batch_size=size, timeout=900, poll=0.5)

        threads = [threading.Thread(target=scheduler, args=args) for args in ((ids, 50), (straddling, 100))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        logs = "\n".join(node.logs() for node in nodes)
        assert codes == {50: 0, 100: 0}, logs

        # every host was held by one job at a time
        ledger = HostLedger(sources, [*host_batches(sources, 50), *host_batches([s for s in sources if s.id in straddling], 100)])
        jobs = finished_jobs(ScrapydCluster(urls))
        assert len(jobs) == 4 + 1, jobs
        by_host: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        for key, start, end in jobs:
            hosts = ledger.hosts(key)
            assert hosts is not None, key
            for host in hosts:
                by_host[host].append((start, end))
        twice = {s.allowed_domains[0] for s in sources if s.id in straddling}
        assert len(by_host) == 40 and all(len(spans) == (2 if host in twice else 1) for host, spans in by_host.items())
        for host, spans in by_host.items():
            for (a_start, a_end), (b_start, b_end) in combinations(spans, 2):
                assert a_end <= b_start or b_end <= a_start, f"{host}: two jobs at once"

        # no host saw two requests closer than the delay, across crawls, jobs and nodes
        requests = web.requests()[log_start:]
        by_site: dict[str, list[float]] = defaultdict(list)
        for request in requests:
            by_site[request["site"]].append(request["time"])
        assert set(by_site) == set(SCALE_SITES)
        shortest = {site: round(min(b - a for a, b in pairwise(sorted(times))), 3) for site, times in by_site.items()}
        too_fast = {site: gap for site, gap in shortest.items() if gap < DELAY}
        assert not too_fast, f"requests closer than {DELAY} s (shortest gap per host): {too_fast}"

        # and the work was done: every article of every source is in the shared catalog
        assert catalog.count_documents() == len(DemoWeb(SCALE_SITES).articles) == 200
        catalog.close()
    finally:
        for node in nodes:
            stop_node(node)
        web.process.terminate()
        web.process.wait(timeout=15)
