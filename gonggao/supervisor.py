"""`gonggao up`: Meilisearch, the crawl scheduler and the web app under one process that stops them all.

Ctrl-C (SIGINT) or SIGTERM stops the web server, then the scheduler (a running crawl finishes
in its own process), then Meilisearch: the ExitStack unwinds in reverse order of start.

One `up` per data directory: it holds an exclusive lock on `<data>/gonggao-up.lock` from its
first step, so a second `up` started at the same moment fails at once instead of racing the
first to start Meilisearch on the same files.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from apscheduler.triggers.cron import CronTrigger

from config.errors import GonggaoError
from config.settings import Settings
from crawler import schedule
from crawler.dispatch import ScrapydCluster, configured_nodes
from gonggao import services
from gonggao.alerts_cmd import alerts_config, smtp_config
from gonggao.backup import make_backup
from gonggao.pipeline import load_configured_sources, open_catalog, sync
from gonggao.services import MeiliEndpoint
from gonggao.web import bind, make_server, url_of
from indexer.search_index.process import MeiliProcess, MeiliUnavailable, wait_healthy
from indexer.store.catalog import Catalog
from indexer.store.saved_searches import SavedSearches
from search_ui.alerts.deliver import AlertsConfig, run_pass

log = logging.getLogger(__name__)

LOCK_FILE = "gonggao-up.lock"


class AlreadyRunning(GonggaoError):
    """Another `gonggao up` holds this data directory, or the Meilisearch one of them left."""


@contextmanager
def exclusive(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's `up` lock (flock) for the duration, or raise AlreadyRunning.

    The kernel releases the lock when the holder exits, however it exits, so a crash leaves no
    stale lock; the descriptor is not inherited by child processes (Meilisearch, crawls).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "unknown"
            raise AlreadyRunning(f"another `gonggao up` (pid {holder}) already runs on {data_dir}; "
                                 "stop it or set GONGGAO_DATA_DIR to another directory") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


@dataclass(frozen=True)
class UpOptions:
    host: str = "127.0.0.1"
    port: int = 8700
    schedule: bool = True


def start_meilisearch(settings: Settings, stack: ExitStack) -> MeiliEndpoint:
    """The managed server (announced for other commands), or the external one."""
    if not settings.managed_meili:
        return stack.enter_context(services.meilisearch(settings))
    left = services.running_managed(settings)
    if left:  # we hold the lock, so the `up` that announced it is gone
        try:
            wait_healthy(left.url, timeout=2)
        except MeiliUnavailable:
            services.withdraw(settings)  # nothing answers: its pid was reused, the announcement is stale
        else:
            raise AlreadyRunning(f"a Meilisearch left by an earlier `gonggao up` (pid {left.pid}) still runs on "
                                 f"{settings.data_dir}: stop it (kill {left.pid}), then start again")
    proc = MeiliProcess(settings.data_dir, binary=settings.meili_bin)
    proc.start()
    stack.callback(proc.stop)
    services.announce(settings, proc)
    stack.callback(services.withdraw, settings)
    return MeiliEndpoint(proc.url, proc.master_key)


def after_crawl_job(settings: Settings, catalog: Catalog, meili: MeiliEndpoint,
                    base_url: Callable[[], str]) -> Callable[[], None]:
    """The scheduler's job after crawls (every 30 s): the outbox sync, then the alerts of saved
    searches (new matches captured, due deliveries sent or retried; search_ui/alerts)."""
    alerts: list[AlertsConfig] = []          # built on the first pass, then kept

    def job() -> None:
        result = sync(settings, catalog, meili, quiet=True)
        if result.error:
            log.warning("sync failed pending=%s error=%s", result.failed, result.error)
            return
        try:
            if not alerts:
                alerts.append(alerts_config(settings, meili, base_url=base_url()))
            run_pass(SavedSearches(catalog.engine), alerts[0])
        except Exception as exc:  # a broken alert setting is logged every pass, never a stopped scheduler
            log.error("alerts pass failed error=%r", exc)

    return job


def up(settings: Settings, options: UpOptions, banner: str = "Gonggao") -> int:
    sources = load_configured_sources(settings)
    smtp_config(settings)                      # a mail setting that cannot work is reported now (exit 2)
    if settings.scrapyd_nodes and options.schedule:
        ScrapydCluster(configured_nodes(settings)).verify()   # a wrong node is reported now, not at 3 am
    with ExitStack() as stack:
        stack.enter_context(exclusive(settings.data_dir))
        meili = start_meilisearch(settings, stack)
        catalog = open_catalog(settings, sources)
        stack.callback(catalog.close)
        report = sync(settings, catalog, meili)
        if report.error:
            print(f"gonggao: index sync failed, {report.failed} documents wait in the catalog: {report.error}", file=sys.stderr)

        sock = bind(options.host, options.port)
        stack.callback(sock.close)
        sync_job = after_crawl_job(settings, catalog, meili, base_url=lambda: url_of(sock))

        def backup_job() -> None:
            try:
                make_backup(settings, meili)
            except Exception as exc:  # a failed backup is logged and retried tomorrow, never a stopped server
                log.error("backup failed error=%r", exc)

        if options.schedule:
            scheduler = schedule.build_scheduler(settings, after_crawl=sync_job)
            scheduler.add_job(backup_job, CronTrigger(hour=3, minute=30, timezone=schedule.TIMEZONE), id="backup",
                              jobstore="memory", replace_existing=True)
            schedule.start(scheduler, sources)
            stack.callback(scheduler.shutdown, wait=False)
        def announce() -> None:
            print(f"{banner} is up: {url_of(sock)}  (data: {settings.data_dir}; Ctrl-C stops)", flush=True)

        server = make_server(settings, meili, sock, announce)
        server.run(sockets=[sock])  # uvicorn handles SIGINT/SIGTERM: it returns, then re-raises them
        print("gonggao: stopping ...", file=sys.stderr)
    return 0
