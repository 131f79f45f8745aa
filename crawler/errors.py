"""What went wrong with a request, as a short stable kind and a message a person can act on.

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
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure
from twisted.web.client import ResponseNeverReceived

from crawler import challenge


class RateLimited(IgnoreRequest):
    """The site keeps answering 429, or asks us to come back later than we are willing to wait."""


class RedirectLoop(IgnoreRequest):
    """A redirect leads back to a URL already visited in the same chain."""


# Checked in order: the subclasses of IgnoreRequest come before IgnoreRequest itself.
KINDS: list[tuple[str, tuple[type[BaseException], ...]]] = [
    ("rate_limited", (RateLimited,)),
    ("redirect_loop", (RedirectLoop,)),
    ("too_large", (DownloadCancelledError,)),  # the only thing that cancels our downloads is DOWNLOAD_MAXSIZE
    ("dns", (CannotResolveHostError, DNSLookupError)),
    ("connect", (DownloadConnectionRefusedError, ConnectionRefusedError)),
    ("timeout", (DownloadTimeoutError, TimeoutError, TCPTimedOutError)),
    ("reset", (ResponseNeverReceived, ResponseDataLossError, DownloadFailedError)),
]
DEFAULT_MESSAGES = {
    "too_large": "the response passed the download size cap (DOWNLOAD_MAXSIZE) and was cut off",
    "reset": "the connection broke before the whole response arrived",
}


def error_kind(failure: Failure) -> str:
    """A short, stable name for what went wrong, for `crawl_errors.kind`."""
    if failure.check(HttpError):
        response = failure.value.response
        if challenge.needs_browser(response.status, response.body):
            return "needs_browser"
        if response.status == 429:
            return "rate_limited"
        return "http_4xx" if response.status < 500 else "http_5xx"
    for kind, errors in KINDS:
        if failure.check(*errors):
            return kind
    if failure.check(IgnoreRequest):
        message = (failure.getErrorMessage() or "").lower()
        if "robots" in message:
            return "robots"
        return "redirect_loop" if "redirection" in message else "ignored"
    return failure.type.__name__.lower()[:32]


def error_message(failure: Failure, kind: str) -> str:
    if kind == "needs_browser":
        return challenge.message(failure.value.response.status)
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return failure.getErrorMessage() or DEFAULT_MESSAGES.get(kind) or failure.type.__name__
