"""Structured, quiet-by-default logging: one logfmt line per event on stderr.

A call such as `log.warning("sync failed pending=%s error=%s", 3, exc)` becomes

    ts=2025-06-01T03:30:00 level=warning logger=gonggao.supervisor msg="sync failed" pending=3 error="HTTP 503: busy"

Each `key=%s` of the message template becomes a field of its own, and every value that a logfmt
reader could split (spaces, quotes, `=`, backslashes, control characters, empty) is quoted, with
`"` and `\\` escaped and control characters written as escapes, so one event stays one line.
"""

from __future__ import annotations

import logging
import re
import time

QUIET_LIBRARIES = ("scrapy", "twisted", "trafilatura", "htmldate", "urllib3", "uvicorn.access", "apscheduler", "alembic", "httpx")

_PLACEHOLDER = re.compile(r"%(?:%|[-#0 +]*\d*(?:\.\d+)?[sdirfxXeEgGc])")
_KEY_BEFORE = re.compile(r"(?:^|\s)([A-Za-z_][\w.]*)=$")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote(value: str) -> str:
    """A logfmt value: bare when a reader cannot misread it, else double-quoted and escaped."""
    if value and value.isprintable() and not any(c in value for c in ' "=\\'):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(_escape(c) for c in escaped) + '"'


def _escape(char: str) -> str:
    if char.isprintable() or char == " ":
        return char
    return _NAMED_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def split_event(template: str, args: tuple[object, ...]) -> tuple[str, list[tuple[str, str]]]:
    """The event text of a `"event key=%s key=%s"` template and its fields, each argument formatted
    by its own placeholder. Raises TypeError/ValueError when the arguments do not fit the template."""
    event: list[str] = []
    fields: list[tuple[str, str]] = []
    remaining = list(args)
    pos = 0
    for match in _PLACEHOLDER.finditer(template):
        text, pos = template[pos:match.start()], match.end()
        if match.group() == "%%":
            event.append(text + "%")
            continue
        if not remaining:
            raise TypeError("not enough arguments for the log message")
        value = match.group() % (remaining.pop(0),)
        key = _KEY_BEFORE.search(text)
        if key:
            event.append(text[:key.start(1)])
            fields.append((key.group(1), value))
        else:
            event.append(text + value)
    if remaining:
        raise TypeError("not all arguments converted in the log message")
    event.append(template[pos:])
    return " ".join("".join(event).split()), fields


class LogfmtFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(record.created))
        event, fields = self._event(record)
        pairs = [("ts", stamp), ("level", record.levelname.lower()), ("logger", record.name), ("msg", event), *fields]
        if record.exc_info:
            pairs.append(("exc", self.formatException(record.exc_info)))
        return " ".join(f"{key}={quote(value)}" for key, value in pairs)

    @staticmethod
    def _event(record: logging.LogRecord) -> tuple[str, list[tuple[str, str]]]:
        if isinstance(record.msg, str) and isinstance(record.args, tuple) and record.args:
            try:
                return split_event(record.msg, record.args)
            except (TypeError, ValueError):
                pass
        return record.getMessage(), []


def setup(level: str = "WARNING") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(LogfmtFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    if level.upper() != "DEBUG":
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
