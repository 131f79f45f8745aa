"""What went wrong with a request, as an `ErrorKind` and a message a person can act on.

The kind goes into `crawl_errors.kind`; `gonggao sources` and the status page group by it.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure
from twisted.web.client import ResponseNeverReceived

from config.vocabulary import ErrorKind
from crawler import challenge


class RateLimited(IgnoreRequest):
    """The site keeps answering 429, or asks us to come back later than we are willing to wait."""


class RedirectLoop(IgnoreRequest):
    """A redirect leads back to a URL already visited in the same chain."""


# Checked in order: the subclasses of IgnoreRequest come before IgnoreRequest itself.
KINDS: list[tuple[ErrorKind, tuple[type[BaseException], ...]]] = [
    (ErrorKind.RATE_LIMITED, (RateLimited,)),
    (ErrorKind.REDIRECT_LOOP, (RedirectLoop,)),
    (ErrorKind.TOO_LARGE, (DownloadCancelledError,)),  # the only thing that cancels our downloads is DOWNLOAD_MAXSIZE
    (ErrorKind.DNS, (CannotResolveHostError, DNSLookupError)),
    (ErrorKind.CONNECT, (DownloadConnectionRefusedError, ConnectionRefusedError)),
    (ErrorKind.TIMEOUT, (DownloadTimeoutError, TimeoutError, TCPTimedOutError)),
    (ErrorKind.RESET, (ResponseNeverReceived, ResponseDataLossError, DownloadFailedError)),
]
DEFAULT_MESSAGES = {
    ErrorKind.TOO_LARGE: "the response passed the download size cap (DOWNLOAD_MAXSIZE) and was cut off",
    ErrorKind.RESET: "the connection broke before the whole response arrived",
}


def error_kind(failure: Failure) -> ErrorKind:
    """What went wrong, for `crawl_errors.kind`; OTHER for a failure of no known kind (its message names it)."""
    if (response := _http_error_response(failure)) is not None:
        if challenge.needs_browser(response.status, response.body):
            return ErrorKind.NEEDS_BROWSER
        if response.status == 429:
            return ErrorKind.RATE_LIMITED
        return ErrorKind.HTTP_4XX if response.status < 500 else ErrorKind.HTTP_5XX
    for kind, errors in KINDS:
        if failure.check(*errors):
            return kind
    if failure.check(IgnoreRequest):
        message = (failure.getErrorMessage() or "").lower()
        if "robots" in message:
            return ErrorKind.ROBOTS
        return ErrorKind.REDIRECT_LOOP if "redirection" in message else ErrorKind.IGNORED
    return ErrorKind.OTHER


def error_message(failure: Failure, kind: ErrorKind) -> str:
    """What a person reads next to the kind: the status, the failure's own words, or what the kind means."""
    type_name = failure.type.__name__ if failure.type else "error"
    if (response := _http_error_response(failure)) is not None:
        return challenge.message(response.status) if kind == ErrorKind.NEEDS_BROWSER else f"HTTP {response.status}"
    message = failure.getErrorMessage() or DEFAULT_MESSAGES.get(kind) or type_name
    return f"{type_name}: {message}" if kind == ErrorKind.OTHER and message != type_name else message


def _http_error_response(failure: Failure) -> Response | None:
    """The response of an HTTP error status (HttpErrorMiddleware's HttpError), else None."""
    return failure.value.response if isinstance(failure.value, HttpError) else None
