"""The crawl schedule: one APScheduler 3 scheduler per installation, jobs persisted in the catalog.

FIELD_NOTES: a job store must not be shared by two schedulers, so only `gonggao up` runs one;
jobs have fixed ids and `replace_existing`, missed runs coalesce into one, and a source never
crawls twice at once (`max_instances=1`).

A source's `cron:` is a standard crontab line (config/cron.py); APScheduler numbers weekdays from
Monday and ANDs the two day fields, so its triggers are built from the parsed line, not the text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from config.cron import WEEKDAY_NAMES, CronField, CronLine, parse_cron
from config.settings import Settings
from config.sources import Schedule, Source
from crawler.dispatch import crawl_sources

log = logging.getLogger(__name__)
TIMEZONE = "Asia/Shanghai"
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600}


def trigger_for(schedule: Schedule) -> BaseTrigger:
    jitter = schedule.jitter_seconds or None
    if schedule.cron:
        return cron_trigger(parse_cron(schedule.cron), jitter)
    return IntervalTrigger(minutes=schedule.every_minutes, timezone=TIMEZONE, jitter=jitter)


def cron_trigger(line: CronLine, jitter: int | None = None) -> BaseTrigger:
    """APScheduler's trigger for a standard crontab line: weekdays by name (so 0 and 7 are Sunday), and
    with both day fields restricted, a day matching either (two triggers, whichever fires first)."""
    times = {"minute": _expression(line.minute), "hour": _expression(line.hour),
             "month": _expression(line.month), "timezone": TIMEZONE}
    day, weekday = _expression(line.day), _weekday_expression(line.weekday)
    if line.day_or_weekday:
        return OrTrigger([CronTrigger(day=day, **times), CronTrigger(day_of_week=weekday, **times)], jitter=jitter)
    return CronTrigger(day=day, day_of_week=weekday, jitter=jitter, **times)


def _expression(field: CronField) -> str:
    return "*" if field.every else ",".join(str(value) for value in field.values)


def _weekday_expression(field: CronField) -> str:
    """Names, which APScheduler and cron read alike (its numbers start at Monday, cron's at Sunday)."""
    return "*" if field.every else ",".join(WEEKDAY_NAMES[value] for value in field.values)


# The settings of the scheduler this process runs (`build_scheduler`). A persisted job holds only
# its source's id, and `up` may have been given settings its environment does not hold (the demo's
# own sources file, on the demo sites' addresses): the jobs crawl with these.
_scheduler_settings: Settings | None = None


def scheduled_crawl(source_id: str) -> None:
    """The job: crawl one source in its own process, or on a Scrapyd node when nodes are configured,
    with the scheduler's settings (the environment's for a job run without one)."""
    settings = _scheduler_settings if _scheduler_settings is not None else Settings.load()
    code = crawl_sources([source_id], settings)
    if code != 0:
        log.warning("scheduled crawl failed source=%s exit=%s", source_id, code)


def build_scheduler(settings: Settings, after_crawl: Callable[[], None] | None = None,
                    sync_every_seconds: int = 30) -> BackgroundScheduler:
    """A scheduler whose crawl jobs persist in the catalog, with an in-memory outbox sync job.
    The crawl jobs are put in place by `start`; they crawl with `settings`."""
    global _scheduler_settings
    _scheduler_settings = settings
    scheduler = BackgroundScheduler(
        jobstores={
            "default": SQLAlchemyJobStore(url=settings.catalog_url, tablename="apscheduler_jobs"),
            "memory": MemoryJobStore(),
        },
        job_defaults=JOB_DEFAULTS,
        timezone=TIMEZONE,
    )
    if after_crawl is not None:
        scheduler.add_job(after_crawl, IntervalTrigger(seconds=sync_every_seconds), id="sync", jobstore="memory",
                          replace_existing=True)
    return scheduler


def start(scheduler: BackgroundScheduler, sources: list[Source]) -> None:
    """Start with one persisted job per enabled source, then let the jobs run.

    A persisted job whose schedule did not change is kept as it is: if its next run fell into a
    downtime, that run happens once right after the start (coalesced, within the misfire grace
    time), never as a burst. A job is replaced only when its schedule changed (then it starts over
    from its new trigger), and dropped when its source left the config or was disabled."""
    scheduler.start(paused=True)
    wanted = {f"crawl:{s.id}": s for s in sources if s.enabled}
    for job in scheduler.get_jobs(jobstore="default"):
        if job.id.startswith("crawl:") and job.id not in wanted:
            job.remove()
    for job_id, source in wanted.items():
        trigger = trigger_for(source.schedule)
        existing = scheduler.get_job(job_id, jobstore="default")
        if existing is None or not same_schedule(existing.trigger, trigger):
            scheduler.add_job(scheduled_crawl, trigger, args=[source.id], id=job_id, name=f"crawl {source.id}",
                              jobstore="default", replace_existing=True)
    scheduler.resume()


def same_schedule(a: BaseTrigger, b: BaseTrigger) -> bool:
    """Whether two triggers fire at the same times (an interval trigger's start date aside)."""
    if type(a) is not type(b) or getattr(a, "jitter", None) != getattr(b, "jitter", None):
        return False
    if isinstance(a, IntervalTrigger):
        return a.interval == b.interval
    return str(a) == str(b) and str(getattr(a, "timezone", "")) == str(getattr(b, "timezone", ""))


def next_runs(sources: list[Source], now: datetime | None = None) -> dict[str, datetime | None]:
    """When each source would next crawl by its schedule (for `gonggao sources`)."""
    from zoneinfo import ZoneInfo

    now = now or datetime.now(ZoneInfo(TIMEZONE))
    return {s.id: trigger_for(s.schedule).get_next_fire_time(None, now) if s.enabled else None for s in sources}
