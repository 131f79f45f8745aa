"""Structured, quiet-by-default logging: one `key=value` line per event on stderr."""

from __future__ import annotations

import logging
import time

QUIET_LIBRARIES = ("scrapy", "twisted", "trafilatura", "htmldate", "urllib3", "uvicorn.access", "apscheduler", "alembic", "httpx")


class LogfmtFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(record.created))
        msg = record.getMessage().replace("\n", " ")
        line = f"ts={stamp} level={record.levelname.lower()} logger={record.name} msg={msg!r}"
        if record.exc_info:
            line += f" exc={self.formatException(record.exc_info)!r}"
        return line


def setup(level: str = "WARNING") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(LogfmtFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    if level.upper() != "DEBUG":
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
