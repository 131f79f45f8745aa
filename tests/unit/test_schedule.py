"""The crawl schedule with a real APScheduler and its job store in a real SQLite catalog file.

What an operator relies on: jobs survive a restart; a run missed during downtime happens once
after the restart, not as a burst; a changed schedule takes effect; a source never crawls twice
at once. Only the crawl itself is replaced (by a counter), since launching Scrapy is not what
these tests are about.
"""

from __future__ import annotations

import pickle
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from apscheduler.triggers.interval import IntervalTrigger

from config.settings import Settings
from config.sources import Schedule, Source
from crawler import schedule

SHANGHAI = ZoneInfo(schedule.TIMEZONE)


def source(source_id: str, enabled: bool = True, **when: object) -> Source:
    return Source(id=source_id, name=source_id, kind="gov", start_urls=["http://x.gov.cn/list.html"],
                  allowed_domains=["x.gov.cn"], schedule=Schedule(**when), enabled=enabled)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load({"data_dir": tmp_path}, environ={})


@pytest.fixture
def crawls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every crawl the scheduler starts, by source id; each takes `crawls.seconds` (default 0)."""
    started: list[str] = []

    def fake_crawl(source_ids: list[str], settings: Settings, progress: bool = False) -> int:
        started.extend(source_ids)
        time.sleep(getattr(fake_crawl, "seconds", 0))
        return 0

    monkeypatch.setattr(schedule, "crawl_sources", fake_crawl)
    return started


def run_scheduler(settings: Settings, sources: list[Source]):  # type: ignore[no-untyped-def]
    scheduler = schedule.build_scheduler(settings)
    schedule.start(scheduler, sources)
    return scheduler


def move_next_run(settings: Settings, job_id: str, when: datetime) -> None:
    """Rewrite a persisted job's next run as if the time since had passed with no scheduler running
    (APScheduler keeps it twice: a column to find due jobs, and inside the pickled job state)."""
    engine = sa.create_engine(settings.catalog_url)
    table = sa.Table("apscheduler_jobs", sa.MetaData(), autoload_with=engine)
    with engine.begin() as conn:
        state = pickle.loads(conn.execute(sa.select(table.c.job_state).where(table.c.id == job_id)).scalar_one())
        state["next_run_time"] = when
        conn.execute(table.update().where(table.c.id == job_id)
                     .values(next_run_time=when.timestamp(), job_state=pickle.dumps(state, pickle.HIGHEST_PROTOCOL)))
    engine.dispose()


def wait_for(condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the scheduler did not get there in time"
        time.sleep(0.05)


def test_jobs_persist_in_the_catalog_with_coalescing_and_one_instance(settings: Settings, crawls: list[str]) -> None:
    sources = [source("hourly", every_minutes=60, jitter_seconds=0), source("daily", cron="17 6 * * *"),
               source("off", enabled=False, every_minutes=60)]
    run_scheduler(settings, sources).shutdown()
    again = run_scheduler(settings, sources)
    try:
        jobs = {job.id: job for job in again.get_jobs(jobstore="default")}
        assert set(jobs) == {"crawl:hourly", "crawl:daily"}
        assert all(job.coalesce and job.max_instances == 1 for job in jobs.values())
        assert jobs["crawl:daily"].trigger.jitter == 300
    finally:
        again.shutdown()
    assert crawls == []


def test_a_run_missed_during_downtime_happens_once_after_the_restart(settings: Settings, crawls: list[str]) -> None:
    sources = [source("hourly", every_minutes=60, jitter_seconds=0)]
    run_scheduler(settings, sources).shutdown()
    move_next_run(settings, "crawl:hourly", datetime.now(SHANGHAI) - timedelta(hours=5))   # the machine was off

    up = run_scheduler(settings, sources)
    try:
        wait_for(lambda: crawls == ["hourly"])
        time.sleep(1.0)
        assert crawls == ["hourly"], "six missed runs coalesce into one"
        next_run = up.get_job("crawl:hourly", jobstore="default").next_run_time
        assert next_run > datetime.now(SHANGHAI)
    finally:
        up.shutdown()


def test_a_changed_schedule_replaces_the_job(settings: Settings, crawls: list[str]) -> None:
    run_scheduler(settings, [source("s", every_minutes=60)]).shutdown()
    scheduler = run_scheduler(settings, [source("s", every_minutes=30)])
    try:
        trigger = scheduler.get_job("crawl:s", jobstore="default").trigger
        assert isinstance(trigger, IntervalTrigger) and trigger.interval == timedelta(minutes=30)
    finally:
        scheduler.shutdown()


def test_a_source_never_crawls_twice_at_once(settings: Settings, crawls: list[str]) -> None:
    schedule.crawl_sources.seconds = 1.5  # type: ignore[attr-defined]
    scheduler = run_scheduler(settings, [source("slow", every_minutes=60, jitter_seconds=0)])
    refused = threading.Event()
    from apscheduler.events import EVENT_JOB_MAX_INSTANCES

    scheduler.add_listener(lambda event: refused.set(), EVENT_JOB_MAX_INSTANCES)
    try:
        scheduler.modify_job("crawl:slow", jobstore="default", next_run_time=datetime.now(SHANGHAI))
        wait_for(lambda: crawls == ["slow"])
        scheduler.modify_job("crawl:slow", jobstore="default", next_run_time=datetime.now(SHANGHAI))
        assert refused.wait(5), "the second run is refused while the first one crawls"
        assert crawls == ["slow"]
    finally:
        scheduler.shutdown()


def test_the_shipped_sources_file_schedules_with_cron_and_jitter() -> None:
    from config.settings import CONFIG_DIR
    from config.sources import load_sources

    sources = load_sources(CONFIG_DIR / "sources.yaml")
    upcoming = schedule.next_runs(sources)
    assert any(s.schedule.cron for s in sources)
    assert all(upcoming[s.id] is not None for s in sources if s.enabled)
