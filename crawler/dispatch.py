"""Crawls on Scrapyd nodes: the one scheduler sends each source's crawl to the least busy node.

Scrapyd runs one process per job and has an HTTP API but no periodic scheduling (FIELD_NOTES),
so the scheduler keeps deciding *when* a source crawls and this module decides *where*, then
follows the job until it ends. Every node runs the same project (the `scrapy.cfg` in its working
folder says `[settings] gonggao = crawler.settings`) and writes to the shared PostgreSQL catalog, where each
run's counts and errors land as with a local crawl; see docs/scale-out.md.

Job ids carry the source id (`<source>.<hex>`): Scrapyd lists running jobs without their
arguments, and the id alone still tells which sources are busy, so a source never crawls on two
nodes at once.

`gonggao crawl` and the schedule send host batches instead (crawler/batches.py): one job crawls
every source of its hosts (`sources=a,b,c`, run by crawler/scrapyd_runner.py on the node), and
its id carries the batch key (`hosts-<digest>.<hex>`), from which `HostLedger` tells the hosts
it holds. A batch waits while a running job holds one of its hosts, so politeness per host holds
across nodes; a job whose hosts cannot be told (a key from another batching) holds every host
until it ends.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlencode, urlsplit
from urllib.request import Request, urlopen

from config.errors import ConfigError, Unavailable
from config.settings import Settings
from config.sources import Source, load_sources
from crawler.batches import BATCH_SOURCES, Batch, batch_key, host_batches, host_groups, hosts_of
from crawler.launch import crawl_in_subprocess

log = logging.getLogger(__name__)

PROJECT = "gonggao"
# The scheduler's crawls run in threads of one process (there is exactly one scheduler): deciding
# that a batch's hosts are free and sending it is done under this lock.
DISPATCH_LOCK = threading.Lock()
SPIDER = "announcements"


class ScrapydError(Unavailable):
    """A node cannot be reached, or it refused a request; the message says which node and why."""


def parse_nodes(text: str) -> list[str]:
    """`http://h1:6800,http://h2:6800` → the nodes' base URLs (ValueError with the bad entry otherwise)."""
    nodes: list[str] = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        shown = _without_credentials(entry)[0].rstrip("/")
        parts = urlsplit(entry)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"GONGGAO_SCRAPYD_NODES: {shown!r} is not a Scrapyd URL like http://host:6800")
        if any(_without_credentials(node)[0] == shown for node in nodes):
            raise ValueError(f"GONGGAO_SCRAPYD_NODES names {shown} twice")
        nodes.append(entry.rstrip("/"))
    if not nodes:
        raise ValueError("GONGGAO_SCRAPYD_NODES names no node; give URLs like http://host:6800,http://host2:6800")
    return nodes


@dataclass(frozen=True)
class Job:
    node: str
    job_id: str
    source_id: str


def _without_credentials(node: str) -> tuple[str, str | None]:
    """`http://user:password@host:6800` → (`http://host:6800`, its Basic Authorization header)."""
    parts = urlsplit(node)
    if parts.username is None:
        return node, None
    token = base64.b64encode(f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()).decode()
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1]).geturl(), f"Basic {token}"


def _job_id(source_id: str) -> str:
    return f"{source_id}.{uuid.uuid4().hex[:12]}"


def _source_of(job_id: str) -> str:
    return job_id.rsplit(".", 1)[0]


class HostLedger:
    """The hosts a job holds, from the key in its id: a source id, or a batch key of any batching of
    the configured sources this scheduler can compute (per source, per host group, the default
    batches, and the batches it sends itself)."""

    def __init__(self, sources: list[Source], batches: Sequence[Batch] = ()):
        self.by_key: dict[str, frozenset[str]] = {}
        for source in sources:
            hosts = frozenset(hosts_of(source))
            self.by_key[source.id] = hosts
            self.by_key[batch_key(hosts)] = hosts
        for hosts_set, _ in host_groups(sources):
            self.by_key[batch_key(hosts_set)] = frozenset(hosts_set)
        for batch in [*host_batches(sources), *batches]:
            self.by_key[batch.key] = frozenset(batch.hosts)

    def hosts(self, key: str) -> frozenset[str] | None:
        """The hosts of a job key; None when the key names no batch or source this ledger knows."""
        return self.by_key.get(key)


class ScrapydCluster:
    """The Scrapyd nodes of one installation, as the scheduler sees them."""

    def __init__(self, nodes: list[str], *, project: str = PROJECT, spider: str = SPIDER, timeout: float = 60.0):
        """`timeout` per request: a node's first `schedule.json` loads the project (`scrapy list`)
        before it answers, which takes seconds on a busy machine."""
        if not nodes:
            raise ValueError("a Scrapyd cluster needs at least one node")
        self._auth = dict(_without_credentials(node) for node in nodes)
        self.nodes = list(self._auth)  # URLs without credentials: safe in logs and job records
        self.project = project
        self.spider = spider
        self.timeout = timeout
        self.dispatched: Counter[str] = Counter()  # jobs this scheduler sent to each node

    # -- HTTP --------------------------------------------------------------------------------
    def _call(self, node: str, endpoint: str, form: dict[str, str] | None = None,
              query: dict[str, str] | None = None) -> dict:
        url = f"{node}/{endpoint}" + (f"?{urlencode(query)}" if query else "")
        data = urlencode(form).encode() if form is not None else None
        auth = self._auth[node]
        headers = {"Authorization": auth} if auth else {}
        try:
            with urlopen(Request(url, data=data, headers=headers), timeout=self.timeout) as response:
                answer = json.loads(response.read())
        except (OSError, ValueError) as exc:  # URLError is an OSError; bad JSON a ValueError
            raise ScrapydError(f"Scrapyd node {node} is unavailable ({endpoint}: {exc})") from exc
        if answer.get("status") != "ok":
            raise ScrapydError(f"Scrapyd node {node} refused {endpoint}: {answer.get('message', answer)}")
        return answer

    # -- state -------------------------------------------------------------------------------
    def verify(self) -> None:
        """Every node answers and runs this project's spider; ScrapydError naming the node otherwise."""
        for node in self.nodes:
            spiders = self._call(node, "listspiders.json", query={"project": self.project})["spiders"]
            if self.spider not in spiders:
                raise ScrapydError(f"Scrapyd node {node} has no spider {self.spider!r} in project {self.project!r} "
                                   f"(it lists {spiders}); see docs/scale-out.md for the node's scrapy.cfg")

    def load(self) -> dict[str, int]:
        """Pending + running jobs of every node that answers; nodes that do not are left out."""
        loads = {}
        for node in self.nodes:
            try:
                status = self._call(node, "daemonstatus.json")
            except ScrapydError as exc:
                log.warning("scrapyd node skipped node=%s error=%s", node, exc)
                continue
            loads[node] = int(status["pending"]) + int(status["running"])
        return loads

    def jobs(self, node: str) -> dict[str, str]:
        """job id → pending | running | finished, for this project on one node."""
        answer = self._call(node, "listjobs.json", query={"project": self.project})
        return {job["id"]: state for state in ("pending", "running", "finished") for job in answer.get(state, [])}

    def busy(self) -> dict[str, Job]:
        """source id → its pending or running job, over every node that answers."""
        out = {}
        for node in self.nodes:
            try:
                jobs = self.jobs(node)
            except ScrapydError:
                continue
            for job_id, state in jobs.items():
                if state != "finished":
                    out[_source_of(job_id)] = Job(node, job_id, _source_of(job_id))
        return out

    # -- dispatch ----------------------------------------------------------------------------
    def dispatch(self, source_id: str, busy: dict[str, Job] | None = None) -> Job:
        """Queue a crawl of the source on the least busy node; a source already queued or running
        anywhere is not sent again (its job is returned)."""
        busy = self.busy() if busy is None else busy
        if source_id in busy:
            queued = busy[source_id]
            log.info("crawl already queued source=%s node=%s job=%s", source_id, queued.node, queued.job_id)
            return queued
        loads = self.load()
        if not loads:
            raise ScrapydError(f"no Scrapyd node answers ({', '.join(self.nodes)})")
        node = min(loads, key=lambda n: (loads[n], self.dispatched[n], self.nodes.index(n)))
        job_id = _job_id(source_id)
        self._call(node, "schedule.json", form={"project": self.project, "spider": self.spider, "jobid": job_id,
                                                "source": source_id})
        self.dispatched[node] += 1
        log.info("crawl dispatched source=%s node=%s job=%s", source_id, node, job_id)
        return Job(node, job_id, source_id)

    def dispatch_batch(self, batch: Batch) -> Job:
        """Queue one job that crawls every source of the batch, on the least busy node."""
        loads = self.load()
        if not loads:
            raise ScrapydError(f"no Scrapyd node answers ({', '.join(self.nodes)})")
        node = min(loads, key=lambda n: (loads[n], self.dispatched[n], self.nodes.index(n)))
        job_id = _job_id(batch.key)
        self._call(node, "schedule.json", form={"project": self.project, "spider": self.spider, "jobid": job_id,
                                                "sources": ",".join(batch.source_ids)})
        self.dispatched[node] += 1
        log.info("batch dispatched key=%s sources=%d hosts=%d node=%s job=%s", batch.key, len(batch.source_ids),
                 len(batch.hosts), node, job_id)
        return Job(node, job_id, batch.key)

    def crawl_batches(self, batches: list[Batch], ledger: HostLedger, *, timeout: float | None = None,
                      poll: float = 2.0) -> dict[str, str]:
        """Send every batch, never one whose hosts a queued or running job holds, and follow the jobs.
        Returns batch key → finished | lost | pending | running | not started (at the timeout)."""
        waiting = list(batches)
        jobs: dict[Job, str] = {}
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if waiting:
                with DISPATCH_LOCK:  # look and send as one step: another thread's batch may share hosts
                    held: set[str] = set()
                    every_host = False
                    for key in self.busy():
                        hosts = ledger.hosts(key)
                        every_host = every_host or hosts is None
                        held |= hosts or set()
                    for batch in list(waiting):
                        if every_host or held & set(batch.hosts):
                            continue
                        jobs[self.dispatch_batch(batch)] = "pending"
                        held |= set(batch.hosts)
                        waiting.remove(batch)
            self._refresh(jobs)
            done = all(state in ("finished", "lost") for state in jobs.values())
            if (done and not waiting) or (deadline is not None and time.monotonic() >= deadline):
                return {**{job.source_id: state for job, state in jobs.items()}, **{b.key: "not started" for b in waiting}}
            time.sleep(poll)

    def dispatch_all(self, source_ids: list[str]) -> list[Job]:
        busy = self.busy()
        jobs = []
        for source_id in source_ids:
            job = self.dispatch(source_id, busy)
            busy[source_id] = job
            jobs.append(job)
        return jobs

    def _refresh(self, states: dict[Job, str]) -> None:
        """Ask each node holding unfinished jobs for their states, in place. A job its node no longer
        knows is lost; a node that does not answer keeps its jobs' last state."""
        for node in {job.node for job, state in states.items() if state in ("pending", "running")}:
            try:
                known = self.jobs(node)
            except ScrapydError as exc:
                log.warning("scrapyd node not answering node=%s error=%s", node, exc)
                continue
            for job in states:
                if job.node == node and states[job] in ("pending", "running"):
                    states[job] = known.get(job.job_id, "lost")

    def wait(self, jobs: list[Job], timeout: float | None = None, poll: float = 2.0) -> dict[Job, str]:
        """Follow the jobs until each is finished (or gone: its node restarted and forgot it), or the
        timeout passes. Returns each job's last known state: pending, running, finished or lost. A node
        that stops answering keeps its jobs' last state until it answers again."""
        states = {job: "pending" for job in jobs}
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self._refresh(states)
            if all(state in ("finished", "lost") for state in states.values()):
                return states
            if deadline is not None and time.monotonic() >= deadline:
                return states
            time.sleep(poll)


def crawl_on_nodes(source_ids: list[str], nodes: list[str], sources: list[Source], *, batch_size: int = BATCH_SOURCES,
                   timeout: float | None = None, poll: float = 2.0) -> int:
    """`crawler.launch.crawl_in_subprocess` for a cluster: crawl these sources on the Scrapyd nodes in
    host batches, a host never in two jobs at once, and wait for the jobs; 0 when every job finished,
    1 otherwise. `sources`: every configured source (they tell which hosts other jobs hold). How each
    crawl went (pages, errors) is in the catalog's crawl runs, written by the node."""
    wanted = set(source_ids)
    batches = host_batches([s for s in sources if s.id in wanted], batch_size)
    unknown = wanted - {s.id for s in sources}
    if unknown:
        log.warning("crawl of unknown sources skipped sources=%s", ",".join(sorted(unknown)))
    cluster = ScrapydCluster(nodes)
    try:
        states = cluster.crawl_batches(batches, HostLedger(sources, batches), timeout=timeout, poll=poll)
    except ScrapydError as exc:
        log.warning("crawl dispatch failed sources=%s error=%s", ",".join(source_ids), exc)
        return 1
    unfinished = {key: state for key, state in states.items() if state != "finished"}
    if unfinished or unknown:
        log.warning("crawls not finished on the nodes jobs=%s", unfinished)
        return 1
    return 0


def crawl_sources(source_ids: list[str], settings: Settings, *, progress: bool = False) -> int:
    """Crawl these sources where the settings say: on the Scrapyd nodes of `GONGGAO_SCRAPYD_NODES`,
    else in a local subprocess. 0 when every crawl ran."""
    if not settings.scrapyd_nodes:
        return crawl_in_subprocess(source_ids, settings, progress=progress)
    return crawl_on_nodes(source_ids, configured_nodes(settings), load_sources(settings.sources_path))


def configured_nodes(settings: Settings) -> list[str]:
    """The Scrapyd nodes of the settings; a malformed list is a config error (exit 2)."""
    try:
        return parse_nodes(settings.scrapyd_nodes or "")
    except ValueError as exc:
        raise ConfigError("environment", None, "GONGGAO_SCRAPYD_NODES", str(exc)) from None
