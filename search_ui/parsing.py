"""Reading one URL parameter value: the checks every parameter shares, each failure a `BadRequest`
whose message says what would be accepted. Pure: no I/O.

Numbers and dates are ASCII digits only. A full-width `page=１２` is refused, not read as 12: the
URLs are written by our own forms and links, and one spelling per state keeps shared links,
caches and the Link header canonical (Python's `\\d` and `int()` accept any Unicode digit, so the
patterns below say `[0-9]`).

Dates and years are bounded to MIN_YEAR–MAX_YEAR: a date range is turned into Unix seconds and
the day after `to`, which overflows at 9999-12-31; the documents are all from this era.
"""

from __future__ import annotations

import re
from datetime import date

from config.errors import BadInput
from indexer.text.chinese import to_simplified

MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_VALUE_CHARS = 200            # one parameter value (a region path, a hazard code, the query)
REGION_LEVELS = ("region.lvl0", "region.lvl1", "region.lvl2")
REGION_SEPARATOR = " > "
_DIGITS = re.compile(r"[0-9]{1,9}")
_YEAR = re.compile(r"[0-9]{4}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BadRequest(BadInput):
    """A request the user can fix; the message says how."""


def check_length(value: str, name: str, limit: int = MAX_VALUE_CHARS) -> str:
    if len(value) > limit:
        raise BadRequest(f"{name!r} is too long ({len(value)} characters; at most {limit})")
    return value


def parse_flag(value: str, name: str) -> bool:
    if value in ("", "0"):
        return False
    if value == "1":
        return True
    raise BadRequest(f"{name!r} must be 1 (on) or 0 (off), got {value!r}")


def check_choice(value: str, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise BadRequest(f"{name!r} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def parse_int(value: str, name: str, default: int, low: int, high: int | None) -> int:
    if not value:
        return default
    if not _DIGITS.fullmatch(value):
        raise BadRequest(f"{name!r} must be a whole number written with the digits 0-9, got {value!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise BadRequest(f"{name!r} must be {bound}, got {number}")
    return number


def parse_year(value: str, name: str = "year") -> int:
    if not _YEAR.fullmatch(value):
        raise BadRequest(f"{name!r} must be a four-digit year written with the digits 0-9, got {value!r}")
    year = int(value)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadRequest(f"{name!r} must be a year from {MIN_YEAR} to {MAX_YEAR}, got {year}")
    return year


def parse_date(value: str, name: str) -> date | None:
    if not value:
        return None
    if not _DATE.fullmatch(value):
        raise BadRequest(f"{name!r} must be a date as YYYY-MM-DD, got {value!r}")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name!r} is not a real date: {value!r}") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BadRequest(f"{name!r} must be a date from {MIN_YEAR}-01-01 to {MAX_YEAR}-12-31, got {value!r}")
    return day


def normalize_region(value: str) -> str:
    """'陕西省>安康市 ' → '陕西省 > 安康市' (Simplified, as the index stores it)."""
    parts = [p.strip() for p in to_simplified(value).split(">")]
    if any(not p for p in parts):
        raise BadRequest(f"'region' must be a path like '陕西省 > 安康市', got {value!r}")
    if len(parts) > len(REGION_LEVELS):
        raise BadRequest(f"'region' has at most {len(REGION_LEVELS)} levels, got {value!r}")
    return REGION_SEPARATOR.join(parts)


def region_level(path: str) -> int:
    return path.count(REGION_SEPARATOR)
