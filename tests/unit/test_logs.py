"""Log lines are logfmt a reader can split back into the fields that were logged."""

from __future__ import annotations

import io
import logging
import shlex
from collections.abc import Iterator

import pytest

from gonggao.logs import LogfmtFormatter, quote


def fields(output: str) -> dict[str, str]:
    """Split the one logfmt line of `output` the way a POSIX shell splits words (quotes, `\\"` and
    `\\\\` escapes)."""
    [line] = output.splitlines()
    return dict(token.split("=", 1) for token in shlex.split(line))


@pytest.fixture
def logged() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(LogfmtFormatter())
    logger = logging.getLogger("gonggao.test_logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


@pytest.mark.parametrize(("value", "expected"), [
    ("503", "503"),
    ("陕西省", "陕西省"),
    ("", '""'),
    ("connection refused", '"connection refused"'),
    ("a=b", '"a=b"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("C:\\data", '"C:\\\\data"'),
    ("two\nlines", '"two\\nlines"'),
    ("bell\x07", '"bell\\u0007"'),
    ("全角\u3000空格", '"全角\\u3000空格"'),
])
def test_quote(value: str, expected: str) -> None:
    assert quote(value) == expected


def test_key_value_placeholders_become_quoted_fields(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = logged
    error = 'HTTP 503 "busy" retry=later\nC:\\x'
    logger.warning("sync failed pending=%s error=%s", 3, error)
    parsed = fields(stream.getvalue())
    assert parsed["level"] == "warning" and parsed["logger"] == "gonggao.test_logs"
    assert parsed["msg"] == "sync failed"
    assert parsed["pending"] == "3"
    assert parsed["error"] == error.replace("\n", "\\n")


def test_placeholders_outside_pairs_stay_in_the_message(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = logged
    logger.info("crawl stopped source=%s url=%s %s (%d%%)", "hanyin", "http://x.gov.cn/a b", "too many errors", 40)
    parsed = fields(stream.getvalue())
    assert parsed["msg"] == "crawl stopped too many errors (40%)"
    assert parsed["source"] == "hanyin" and parsed["url"] == "http://x.gov.cn/a b"


def test_a_plain_message_and_a_traceback_stay_on_one_line(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = logged
    try:
        raise ValueError('bad "value"')
    except ValueError:
        logger.exception("reading the catalog failed")
    parsed = fields(stream.getvalue())
    assert parsed["msg"] == "reading the catalog failed"
    assert parsed["exc"].startswith("Traceback") and 'ValueError: bad "value"' in parsed["exc"]


def test_arguments_that_do_not_fit_the_template_are_logged_as_the_stdlib_would(
        logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = logged
    logger.info("Meilisearch request failed: %(reason)s", {"reason": "timeout"})
    assert fields(stream.getvalue())["msg"] == "Meilisearch request failed: timeout"
