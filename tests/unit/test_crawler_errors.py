"""Error classification: each failure Scrapy and Twisted hand the spider becomes an `ErrorKind` and a
message a person can act on."""

from __future__ import annotations

import pytest
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure
from twisted.web.client import ResponseNeverReceived

from config.vocabulary import ErrorKind
from crawler.errors import RateLimited, RedirectLoop, error_kind, error_message

URL = "http://news.example.cn/jiaoyu/20250619/301624.shtml"
CHALLENGE = (b"<html><head><script>var _0x=1;document.cookie='wzws_cid=1';location.reload();</script></head>"
             b"<body></body></html>")


def failure(exc: BaseException) -> Failure:
    try:
        raise exc
    except BaseException:
        return Failure()


def http(status: int, body: bytes = b"") -> Failure:
    return failure(HttpError(HtmlResponse(URL, status=status, body=body), "Ignoring non-200 response"))


@pytest.mark.parametrize(("exc", "kind"), [
    (DNSLookupError("no such host"), ErrorKind.DNS),
    (CannotResolveHostError("no such host"), ErrorKind.DNS),
    (ConnectionRefusedError(), ErrorKind.CONNECT),
    (DownloadConnectionRefusedError(), ErrorKind.CONNECT),
    (DownloadTimeoutError("took longer than 30 s"), ErrorKind.TIMEOUT),
    (TimeoutError(), ErrorKind.TIMEOUT),
    (TCPTimedOutError(), ErrorKind.TIMEOUT),
    (ResponseNeverReceived([]), ErrorKind.RESET),
    (ResponseDataLossError(), ErrorKind.RESET),
    (DownloadCancelledError(), ErrorKind.TOO_LARGE),
    (RateLimited("HTTP 429 after 3 tries"), ErrorKind.RATE_LIMITED),
    (RedirectLoop("redirect loop: a → b → a"), ErrorKind.REDIRECT_LOOP),
    (IgnoreRequest("Forbidden by robots.txt"), ErrorKind.ROBOTS),
    (IgnoreRequest("max redirections reached"), ErrorKind.REDIRECT_LOOP),
    (IgnoreRequest("offsite"), ErrorKind.IGNORED),
])
def test_each_failure_has_its_kind(exc: BaseException, kind: ErrorKind) -> None:
    assert error_kind(failure(exc)) is kind


@pytest.mark.parametrize(("status", "body", "kind", "message"), [
    (404, b"", ErrorKind.HTTP_4XX, "HTTP 404"),
    (503, b"", ErrorKind.HTTP_5XX, "HTTP 503"),
    (429, b"", ErrorKind.RATE_LIMITED, "HTTP 429"),
    (412, b"<script>$_ts=1</script>", ErrorKind.NEEDS_BROWSER, "needs a browser"),
    (403, CHALLENGE, ErrorKind.NEEDS_BROWSER, "HTTP 403 with a JavaScript anti-bot challenge"),
])
def test_an_http_error_is_kind_and_status(status: int, body: bytes, kind: ErrorKind, message: str) -> None:
    caught = http(status, body)
    assert error_kind(caught) is kind
    assert message in error_message(caught, kind)


def test_messages_say_what_happened() -> None:
    cut = failure(DownloadCancelledError())
    assert "DOWNLOAD_MAXSIZE" in error_message(cut, error_kind(cut))
    robots = failure(IgnoreRequest("Forbidden by robots.txt"))
    assert error_message(robots, error_kind(robots)) == "Forbidden by robots.txt"


def test_an_unknown_failure_is_other_and_its_message_names_it() -> None:
    odd = failure(ValueError("bad chunk length"))
    assert error_kind(odd) is ErrorKind.OTHER
    assert error_message(odd, ErrorKind.OTHER) == "ValueError: bad chunk length"
    assert error_message(failure(KeyError()), ErrorKind.OTHER) == "KeyError"

