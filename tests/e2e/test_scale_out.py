"""Past one machine: two Scrapyd nodes crawl the demo web into one PostgreSQL catalog.

Everything is real and on loopback: a PostgreSQL server in a temporary folder (run as an
unprivileged user when the tests run as root: PostgreSQL refuses root), two `scrapyd` daemons,
each with its own working folder, port and data directory (its own WARC files), and the demo
web. The scheduler side dispatches the sources with `crawler.dispatch`; the result is compared
with a single-node crawl of the same demo web into SQLite.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from config.settings import Settings
from config.sources import load_sources
from crawler.dispatch import ScrapydCluster, ScrapydError, parse_nodes
from crawler.launch import crawl_in_subprocess
from gonggao.demo import resolved_sources_file
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from indexer.store.catalog import Catalog
from indexer.store.schema import crawl_runs, documents

pytestmark = pytest.mark.e2e

SCRAPYD_CONF = """\
[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
poll_interval = 0.5
max_proc = 2
logs_dir = logs
eggs_dir = eggs
dbs_dir = dbs
jobs_to_keep = 20
username = {username}
password = {password}
"""
# the project, found by Scrapyd and by the `scrapy` runs it starts (the package is installed on the node)
SCRAPY_CFG = """\
[settings]
gonggao = crawler.settings
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- PostgreSQL ------------------------------------------------------------------------------

def postgres_bin() -> Path:
    """The folder of initdb / pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = [d for d in Path("/usr/lib/postgresql").glob("*/bin") if (d / "initdb").exists()]
    if not versions:
        pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's `postgresql` "
                    "(scripts/bootstrap.sh --test does)")
    return max(versions, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)


def server_user() -> pwd.struct_passwd | None:
    """The unprivileged user PostgreSQL runs as when we are root (it refuses root); None otherwise."""
    if os.getuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    pytest.fail("running as root, and neither a `postgres` nor a `nobody` user exists to run PostgreSQL")


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server on 127.0.0.1; yields the catalog URL of an empty database."""
    bin_dir, user = postgres_bin(), server_user()
    # not under pytest's tmp_path: that folder is private to us, and the server user must reach its files
    root = Path(tempfile.mkdtemp(prefix="gonggao-pg-"))
    as_user = ["runuser", "-u", user.pw_name, "--"] if user else []
    if user:
        os.chown(root, user.pw_uid, user.pw_gid)
    port = free_port()
    data, log = root / "data", root / "server.log"
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "gonggao", "--auth=trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"], check=True, capture_output=True)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off"
    started = subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                              "-o", options, "start"], capture_output=True, text=True)
    assert started.returncode == 0, started.stderr + (log.read_text() if log.exists() else "")
    try:
        with psycopg.connect(f"host=127.0.0.1 port={port} user=gonggao dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE gonggao")
        yield f"postgresql+psycopg://gonggao@127.0.0.1:{port}/gonggao"
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


# -- Scrapyd nodes ---------------------------------------------------------------------------

@dataclass
class ScrapydNode:
    url: str
    address: str  # the URL the scheduler is given: with the node's credentials when it has some
    folder: Path
    settings: Settings
    process: subprocess.Popen

    def logs(self) -> str:
        """The daemon's log and every job log, for failure messages."""
        files = [self.folder / "scrapyd.log", *sorted((self.folder / "logs").rglob("*.log"))]
        return "\n".join(f"== {f}\n{f.read_text(errors='replace')[-4000:]}" for f in files if f.exists())

    def warc_sources(self) -> set[str]:
        """The sources whose responses this node archived (WARC files are named `<source>-<time>-...`)."""
        return {f.name.split("-", 1)[0] for f in self.settings.archive_dir.glob("*.warc.gz")}


def start_node(folder: Path, settings: Settings, password: str = "") -> ScrapydNode:
    """A `scrapyd` daemon in its own folder, on its own port, with this node's Gonggao environment;
    with a password, its API asks for HTTP basic authentication (user `gonggao`)."""
    folder.mkdir(parents=True)
    port = free_port()
    username = "gonggao" if password else ""
    (folder / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, username=username, password=password))
    (folder / "scrapy.cfg").write_text(SCRAPY_CFG)
    env = {**os.environ, **settings.to_env()}
    with open(folder / "scrapyd.log", "wb") as log:
        # a session of its own, so that stopping it also stops the crawl processes it started
        process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    credentials = f"{username}:{password}@" if password else ""
    return ScrapydNode(f"http://127.0.0.1:{port}", f"http://{credentials}127.0.0.1:{port}", folder, settings, process)


def wait_ready(node: ScrapydNode) -> None:
    """Until the node answers and lists the spider (which loads the project once, as its first crawl would)."""
    deadline = time.monotonic() + 90
    while True:
        try:
            ScrapydCluster([node.address]).verify()
            return
        except ScrapydError:
            if node.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"scrapyd did not start\n{node.logs()}") from None
            time.sleep(0.3)


def stop_node(node: ScrapydNode) -> None:
    os.killpg(node.process.pid, signal.SIGTERM)
    try:
        node.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(node.process.pid, signal.SIGKILL)
        node.process.wait()


# -- the test --------------------------------------------------------------------------------

def documents_of(catalog: Catalog) -> set[tuple[str, str]]:
    with catalog.engine.connect() as conn:
        return {(row.id, row.content_hash) for row in conn.execute(select(documents.c.id, documents.c.content_hash))}


def fetches(requests: list) -> Counter[tuple[str, str]]:  # type: ignore[type-arg]
    """How often each page of the demo web was fetched, robots.txt aside."""
    return Counter((r.site, r.path) for r in requests if not r.path.startswith("/robots.txt"))


def test_two_scrapyd_nodes_split_the_sources_and_match_a_single_node_crawl(tmp_path: Path, postgres: str) -> None:
    web = DemoWeb()
    web.start()
    nodes: list[ScrapydNode] = []
    try:
        sources_file = resolved_sources_file(web, tmp_path)
        source_ids = [s.id for s in load_sources(sources_file)]

        def settings_for(data_dir: Path, database_url: str | None) -> Settings:
            return Settings.load({"data_dir": data_dir, "database_url": database_url, "sources_path": sources_file,
                                  "crawl_delay": 0.0}, environ={})

        # two nodes start while the reference crawl runs
        for name, password in (("node-a", ""), ("node-b", "s3cret")):
            nodes.append(start_node(tmp_path / name, settings_for(tmp_path / name / "data", postgres), password))

        # the reference: one machine, one process, a SQLite catalog
        single = settings_for(tmp_path / "single", None)
        single_catalog = open_catalog(single, load_sources(sources_file))
        log_start = len(web.request_log)
        assert crawl_in_subprocess(source_ids, single, timeout=300) == 0
        single_fetches = fetches(web.request_log[log_start:])

        # the cluster: the scheduler migrates the shared catalog and registers the sources, the nodes crawl
        scheduler = settings_for(tmp_path / "scheduler", postgres)
        shared_catalog = open_catalog(scheduler, load_sources(sources_file))
        for node in nodes:
            wait_ready(node)
        cluster = ScrapydCluster([node.address for node in nodes])
        log_start = len(web.request_log)
        jobs = cluster.dispatch_all(source_ids)
        # asked again while its crawl is still queued, the scheduler does not send a source twice
        assert cluster.dispatch(jobs[-1].source_id) == jobs[-1]
        states = cluster.wait(jobs, timeout=240, poll=0.5)
        cluster_fetches = fetches(web.request_log[log_start:])
        logs = "\n".join(node.logs() for node in nodes)
        assert set(states.values()) == {"finished"}, f"{states}\n{logs}"

        by_node = {node.url: {job.source_id for job in jobs if job.node == node.url} for node in nodes}
        assert all(by_node.values()), f"every node gets sources: {by_node}"
        for node in nodes:  # each node really crawled its sources: their responses are in its own WARC files
            assert node.warc_sources() == by_node[node.url], logs

        twice = {page: n for page, n in cluster_fetches.items() if n > 1}
        assert not twice, f"fetched more than once: {twice}"
        assert set(cluster_fetches) == set(single_fetches)

        expected = documents_of(single_catalog)
        assert expected, "the single-node crawl found documents"
        assert documents_of(shared_catalog) == expected
        with shared_catalog.engine.connect() as conn:
            runs = conn.execute(select(crawl_runs.c.source_id, crawl_runs.c.state)).all()
        assert sorted(runs) == sorted((source_id, "ok") for source_id in source_ids), logs
        single_catalog.close()
        shared_catalog.close()
    finally:
        for node in nodes:
            stop_node(node)
        web.stop()


def test_processes_starting_together_on_a_new_postgres_catalog_all_succeed(postgres: str) -> None:
    """Nodes start their first crawls at the same moment: one creates the tables, the others wait."""
    server, _ = postgres.rsplit("/", 1)
    with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                         autocommit=True) as conn:
        conn.execute("CREATE DATABASE fresh")
    code = "import sys; from indexer.store.db import make_engine, migrate; migrate(make_engine(sys.argv[1]))"
    starts = [subprocess.Popen([sys.executable, "-c", code, f"{server}/fresh"], stderr=subprocess.PIPE, text=True)
              for _ in range(3)]
    errors = [proc.communicate(timeout=120)[1] for proc in starts]
    assert [proc.returncode for proc in starts] == [0, 0, 0], errors


def test_dispatch_to_an_unreachable_node_is_a_clear_error() -> None:
    cluster = ScrapydCluster([f"http://127.0.0.1:{free_port()}"], timeout=2)
    with pytest.raises(ScrapydError, match="no Scrapyd node answers"):
        cluster.dispatch("sxjyt")


def test_scrapyd_nodes_setting_is_checked() -> None:
    assert parse_nodes(" http://h1:6800/, http://u:p@h2:6800 ") == ["http://h1:6800", "http://u:p@h2:6800"]
    for bad, message in (("h1:6800", "not a Scrapyd URL"), (" , ", "names no node"),
                         ("http://h1:6800,http://u:p@h1:6800/", "names http://h1:6800 twice")):
        with pytest.raises(ValueError, match=message):
            parse_nodes(bad)
