"""The crawl schedule with a real APScheduler and its job store in a real SQLite catalog file.

What an operator relies on: jobs survive a restart; a run missed during downtime happens once
after the restart, not as a burst; a changed schedule takes effect; a source never crawls twice
at once; a crontab line means what it means in a crontab. Only the crawl itself is replaced (by a
recorder that can hold a crawl running), since launching Scrapy is not what these tests are
about. No test waits a fixed time: each waits for the scheduler's own state or events.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_SUBMITTED, SchedulerEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from config.settings import Settings
from config.sources import Schedule, Source
from config.vocabulary import SourceKind
from crawler import schedule

SHANGHAI = ZoneInfo(schedule.TIMEZONE)
PATIENCE = 30.0  # seconds to wait for the scheduler before a test fails (only a failing test waits that long)


def source(source_id: str, enabled: bool = True, **when: Any) -> Source:
    return Source(id=source_id, name=source_id, kind=SourceKind.GOV, start_urls=["http://x.gov.cn/list.html"],
                  allowed_domains=["x.gov.cn"], schedule=Schedule(**when), enabled=enabled)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load({"data_dir": tmp_path}, environ={})


@dataclass
class Crawls:
    """The crawls the scheduler started, by source id; while `release` is clear, each one keeps running."""

    started: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    settings: list[Settings] = field(default_factory=list)  # what each crawl was given


@pytest.fixture
def crawls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Crawls]:
    recorded = Crawls()
    recorded.release.set()

    def fake_crawl(source_ids: list[str], settings: Settings, progress: bool = False) -> int:
        recorded.started.extend(source_ids)
        recorded.settings.append(settings)
        recorded.release.wait(PATIENCE)
        return 0

    monkeypatch.setattr(schedule, "crawl_sources", fake_crawl)
    yield recorded
    recorded.release.set()  # never leave a scheduler thread holding a crawl


def run_scheduler(settings: Settings, sources: list[Source],
                  listen: tuple[Callable[[SchedulerEvent], None], int] | None = None) -> BackgroundScheduler:
    scheduler = schedule.build_scheduler(settings)
    if listen:
        scheduler.add_listener(*listen)  # before the start: the first due run is seen too
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


def wait_for(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, "the scheduler did not get there"
        time.sleep(0.05)


def test_jobs_persist_in_the_catalog_with_coalescing_and_one_instance(settings: Settings, crawls: Crawls) -> None:
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
    assert crawls.started == []


def test_a_run_missed_during_downtime_happens_once_after_the_restart(settings: Settings, crawls: Crawls) -> None:
    sources = [source("hourly", every_minutes=60, jitter_seconds=0)]
    run_scheduler(settings, sources).shutdown()
    move_next_run(settings, "crawl:hourly", datetime.now(SHANGHAI) - timedelta(hours=5))   # the machine was off

    submitted: list[SchedulerEvent] = []
    up = run_scheduler(settings, sources, (submitted.append, EVENT_JOB_SUBMITTED))
    try:
        # The next run moves an hour ahead only once the missed ones were handled: nothing else is due after.
        wait_for(lambda: up.get_job("crawl:hourly", jobstore="default").next_run_time > datetime.now(SHANGHAI))
        wait_for(lambda: crawls.started == ["hourly"])
        assert len(submitted) == 1, "the five missed runs coalesce into one"
    finally:
        up.shutdown()


def test_a_scheduled_crawl_runs_with_the_settings_the_scheduler_was_given(tmp_path: Path, crawls: Crawls) -> None:
    # `gonggao demo` gives `up` its own sources file, which the process environment does not name:
    # a crawl started by the schedule must read that file, not config/sources.yaml
    own = Settings.load({"data_dir": tmp_path, "sources_path": tmp_path / "demo-sources.yaml"}, environ={})
    scheduler = run_scheduler(own, [source("news", every_minutes=60, jitter_seconds=0)])
    try:
        scheduler.modify_job("crawl:news", jobstore="default", next_run_time=datetime.now(SHANGHAI))
        wait_for(lambda: crawls.started == ["news"])
    finally:
        scheduler.shutdown()
    assert crawls.settings[0].sources_path == tmp_path / "demo-sources.yaml"
    assert crawls.settings[0].data_dir == tmp_path


def test_a_changed_schedule_replaces_the_job(settings: Settings, crawls: Crawls) -> None:
    run_scheduler(settings, [source("s", every_minutes=60)]).shutdown()
    scheduler = run_scheduler(settings, [source("s", every_minutes=30)])
    try:
        trigger = scheduler.get_job("crawl:s", jobstore="default").trigger
        assert isinstance(trigger, IntervalTrigger) and trigger.interval == timedelta(minutes=30)
    finally:
        scheduler.shutdown()


def test_a_source_never_crawls_twice_at_once(settings: Settings, crawls: Crawls) -> None:
    refused = threading.Event()
    scheduler = run_scheduler(settings, [source("slow", every_minutes=60, jitter_seconds=0)],
                              (lambda event: refused.set(), EVENT_JOB_MAX_INSTANCES))
    crawls.release.clear()  # the first crawl runs until the test lets it end
    try:
        scheduler.modify_job("crawl:slow", jobstore="default", next_run_time=datetime.now(SHANGHAI))
        wait_for(lambda: crawls.started == ["slow"])
        scheduler.modify_job("crawl:slow", jobstore="default", next_run_time=datetime.now(SHANGHAI))
        assert refused.wait(PATIENCE), "the second run is refused while the first one crawls"
        assert crawls.started == ["slow"]
    finally:
        crawls.release.set()
        scheduler.shutdown()


def test_the_shipped_sources_file_schedules_with_cron_and_jitter() -> None:
    from config.settings import CONFIG_DIR
    from config.sources import load_sources

    sources = load_sources(CONFIG_DIR / "sources.yaml")
    upcoming = schedule.next_runs(sources)
    assert any(s.schedule.cron for s in sources)
    assert all(upcoming[s.id] is not None for s in sources if s.enabled)


# -- standard crontab lines ------------------------------------------------------------------
MONDAY = datetime(2025, 6, 2, tzinfo=SHANGHAI)  # a Monday; 2025-06-13 is a Friday, 2025-07-13 a Sunday


def fire_days(cron: str, start: datetime = MONDAY, days: int = 14) -> list[str]:
    """The fire times of the line's real APScheduler trigger over `days` days, as 'Mon 06-02 09:00'."""
    trigger = schedule.trigger_for(Schedule(cron=cron, jitter_seconds=0))
    out: list[str] = []
    fired = trigger.get_next_fire_time(None, start)
    while fired is not None and fired < start + timedelta(days=days):
        out.append(fired.strftime("%a %m-%d %H:%M"))
        fired = trigger.get_next_fire_time(fired, fired)
    return out


def weekdays(cron: str) -> set[str]:
    return {day.split()[0] for day in fire_days(cron)}


WORKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri"}


@pytest.mark.parametrize(("cron", "days"), [
    ("0 9 * * 1-5", WORKDAYS),
    ("0 9 * * MON-FRI", WORKDAYS),
    ("0 9 * * mon,tue,wed,thu,fri", WORKDAYS),
    ("0 9 * * 0", {"Sun"}),
    ("0 9 * * 7", {"Sun"}),
    ("0 9 * * SUN", {"Sun"}),
    ("0 9 * * 5-7", {"Fri", "Sat", "Sun"}),
    ("0 9 * * 0-2", {"Sun", "Mon", "Tue"}),
    ("0 9 * * 1,3,5", {"Mon", "Wed", "Fri"}),
    ("0 9 * * */2", {"Sun", "Tue", "Thu", "Sat"}),
    ("0 9 * * 1-5/2", {"Mon", "Wed", "Fri"}),
    ("0 9 * * *", WORKDAYS | {"Sat", "Sun"}),
])
def test_weekdays_mean_what_they_mean_in_a_crontab(cron: str, days: set[str]) -> None:
    assert weekdays(cron) == days


def test_the_other_fields_are_read_as_written() -> None:
    assert fire_days("30 6,18 * * 1", days=7) == ["Mon 06-02 06:30", "Mon 06-02 18:30"]
    assert fire_days("*/20 8 2 6 *", days=1) == ["Mon 06-02 08:00", "Mon 06-02 08:20", "Mon 06-02 08:40"]
    assert fire_days("0 0 1 jan,jul *", days=60) == ["Tue 07-01 00:00"]


def test_day_of_month_and_weekday_both_given_fire_on_either() -> None:
    june = fire_days("0 9 13 * 5", days=30)
    assert june == ["Fri 06-06 09:00", "Fri 06-13 09:00", "Fri 06-20 09:00", "Fri 06-27 09:00"]
    july = fire_days("0 9 13 * 5", start=datetime(2025, 7, 1, tzinfo=SHANGHAI), days=14)
    assert july == ["Fri 07-04 09:00", "Fri 07-11 09:00", "Sun 07-13 09:00"]
    august = fire_days("0 9 */10 * 1", start=datetime(2025, 8, 1, tzinfo=SHANGHAI), days=31)
    assert august == ["Mon 08-11 09:00"], "with a field starting with '*' both must match"


def test_a_sunday_7_schedules_and_fires_on_sunday(settings: Settings, crawls: Crawls) -> None:
    """`7` used to crash `gonggao up`; now it is a persisted job whose next run is a Sunday."""
    scheduler = run_scheduler(settings, [source("weekly", cron="0 9 * * 7", jitter_seconds=0)])
    try:
        next_run = scheduler.get_job("crawl:weekly", jobstore="default").next_run_time
        assert next_run.strftime("%a %H:%M") == "Sun 09:00"
    finally:
        scheduler.shutdown()


def test_an_equivalent_line_keeps_the_persisted_job(settings: Settings, crawls: Crawls) -> None:
    run_scheduler(settings, [source("s", cron="0 9 * * 1-5")]).shutdown()
    first = schedule.trigger_for(Schedule(cron="0 9 * * 1-5"))
    assert schedule.same_schedule(first, schedule.trigger_for(Schedule(cron="0 9 * * MON-FRI")))
    assert not schedule.same_schedule(first, schedule.trigger_for(Schedule(cron="0 9 * * 2-6")))
