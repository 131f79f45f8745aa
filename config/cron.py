"""Crontab lines read the standard way (`man 5 crontab`), checked when the config loads.

A schedule's `cron:` is what an operator writes in a crontab, so it means what it means there:
weekday 0 and 7 are Sunday, 1 is Monday, names are `SUN`…`SAT` and `JAN`…`DEC` in any case;
each field is `*`, a value, a range `a-b`, either with a step (`*/n`, `a-b/n`), or a comma list
of those. When both day of month and weekday are restricted (neither starts with `*`), a day
matching either one runs, as in Vixie cron and cronie.

APScheduler 3 reads the same text differently (weekday 0 is Monday, no 7, both day fields must
match), so the scheduler builds its triggers from the parsed values here, never from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

WEEKDAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class _Spec:
    name: str
    noun: str  # for messages: "'24' is not an hour"
    low: int
    high: int
    names: tuple[str, ...] = ()  # names[i] is the value low + i
    sunday_is_also_7: bool = False

    def fold(self, value: int) -> int:
        return 0 if self.sunday_is_also_7 and value == 7 else value


SPECS = (
    _Spec("minute", "a minute", 0, 59),
    _Spec("hour", "an hour", 0, 23),
    _Spec("day of month", "a day of the month", 1, 31),
    _Spec("month", "a month", 1, 12, MONTH_NAMES),
    _Spec("weekday", "a weekday", 0, 7, WEEKDAY_NAMES, sunday_is_also_7=True),
)


class CronError(ValueError):
    """A crontab line that cannot be read; the message names the field and what is wrong."""


@dataclass(frozen=True)
class CronField:
    values: tuple[int, ...]  # sorted, without repeats; a weekday is 0 (Sunday) … 6 (Saturday)
    every: bool  # the field allows every value (`*`, `*/1`, or a list of them all)
    starred: bool  # the field starts with `*`: the day-of-month / weekday rule treats it as unrestricted


@dataclass(frozen=True)
class CronLine:
    minute: CronField
    hour: CronField
    day: CronField
    month: CronField
    weekday: CronField

    @property
    def day_or_weekday(self) -> bool:
        """True when a day runs if it matches the day of month *or* the weekday (both fields restricted)."""
        return not self.day.starred and not self.weekday.starred


def parse_cron(text: str) -> CronLine:
    """The five fields of a crontab line; CronError naming the field otherwise."""
    parts = text.split()
    if len(parts) != len(SPECS):
        raise CronError("cron needs five fields: minute hour day month weekday")
    minute, hour, day, month, weekday = (_field(part, spec) for part, spec in zip(parts, SPECS, strict=True))
    return CronLine(minute, hour, day, month, weekday)


def _field(text: str, spec: _Spec) -> CronField:
    values: set[int] = set()
    for item in text.split(","):
        values.update(_item(item, text, spec))
    values = {spec.fold(value) for value in values}
    full = {spec.fold(value) for value in range(spec.low, spec.high + 1)}
    return CronField(tuple(sorted(values)), values >= full, text.startswith("*"))


def _item(item: str, text: str, spec: _Spec) -> range:
    """The values one comma-separated item allows: `*`, `*/n`, `v`, `a-b` or `a-b/n`."""
    where = f"{spec.name} field {text!r}"
    span, _, step_text = item.partition("/")
    step = 1
    if step_text:
        if not step_text.isdigit() or int(step_text) == 0:
            raise CronError(f"{where}: the step after '/' must be a whole number from 1")
        step = int(step_text)
    if span == "*":
        return range(spec.low, spec.high + 1, step)
    first_text, dash, last_text = span.partition("-")
    first = _value(first_text, where, spec)
    last = _value(last_text, where, spec) if dash else first
    if step_text and not dash:
        raise CronError(f"{where}: a step needs a range or '*' before it (e.g. */{step} or 1-5/{step})")
    if last < first:
        raise CronError(f"{where}: the range {span} runs backwards")
    return range(first, last + 1, step)


def _value(text: str, where: str, spec: _Spec) -> int:
    if text.isdigit() and spec.low <= int(text) <= spec.high:
        return int(text)
    if text.lower() in spec.names:
        return spec.low + spec.names.index(text.lower())
    allowed = f"{spec.low}-{spec.high}" + (f", or {spec.names[0].upper()}-{spec.names[-1].upper()}" if spec.names else "")
    raise CronError(f"{where}: {text!r} is not {spec.noun} ({allowed})")
