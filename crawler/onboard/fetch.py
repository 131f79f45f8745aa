"""A small synchronous HTTP client for probing sites: polite, bounded, never a crawl.

`gonggao sources add` and `check` fetch a handful of pages per site, so they use the standard
library rather than a Scrapy crawl, with the same manners as the crawler: robots.txt is read
first and obeyed (RFC 9309: a robots.txt answering 4xx allows everything, one that cannot be
fetched or answers 5xx allows nothing), the User-Agent names Gonggao and the contact URL, one
request at a time per host with at least the configured delay between them (or the site's
`Crawl-delay`, if longer), timeouts, a size cap, at most five redirects.
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from http.client import HTTPException, HTTPMessage
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from config.errors import GonggaoError
from config.settings import Settings
from config.vocabulary import ErrorKind
from crawler.cms.page import ListPage
from crawler.settings import from_gonggao
from indexer.extract.decode import decode_html

log = logging.getLogger(__name__)

TIMEOUT = 20.0
MAX_BYTES = 5 * 1024 * 1024  # a list page is far smaller; more is not a page we want to read
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")


def user_agent(settings: Settings) -> str:
    """The crawler's User-Agent, so a site sees one Gonggao."""
    return str(from_gonggao(settings)["USER_AGENT"])


class FetchFailed(GonggaoError):
    """The request got no HTTP answer: DNS, refused, timeout, reset, too large, too many redirects."""

    def __init__(self, url: str, kind: ErrorKind, message: str):
        self.url, self.kind = url, kind
        super().__init__(message)


class RobotsForbid(GonggaoError):
    """robots.txt does not let Gonggao read this URL; nothing was requested."""

    def __init__(self, url: str):
        self.url = url
        super().__init__(f"robots.txt of {urlsplit(url).netloc} forbids Gonggao to read {urlsplit(url).path or '/'}")


@dataclass
class Fetched:
    """One answer: the URL asked for, where redirects led, status, headers (lowercase names), body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: list[tuple[int, str]] = field(default_factory=list)  # (status, location) in order

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def is_html(self) -> bool:
        if self.content_type:
            return self.content_type in HTML_TYPES
        return self.body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))

    def decoded(self, encoding: str | None = None) -> tuple[str, str]:
        """(text, encoding used): the crawl's decoding (declared charset, checked against the bytes)."""
        return decode_html(self.body, self.headers.get("content-type"), encoding)

    def page(self, encoding: str | None = None) -> ListPage:
        return ListPage(self.final_url, self.decoded(encoding)[0], self.content_type or "text/html")


@dataclass(frozen=True)
class _Rules:
    """A site's robots.txt: parsed rules, or a blanket answer when there was no file to parse."""

    parser: urllib.robotparser.RobotFileParser | None
    allow: bool
    crawl_delay: float = 0.0
    failure: FetchFailed | None = None  # robots.txt could not be read: nothing may be fetched


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by `PoliteClient.get`, so each hop is checked against robots.txt and logged."""

    def redirect_request(self, req: Any, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str) -> None:
        return None


class PoliteClient:
    def __init__(self, settings: Settings, *, delay: float | None = None, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES):
        self.user_agent = user_agent(settings)
        self.delay = settings.crawl_delay if delay is None else delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._robots: dict[str, _Rules] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._turns: dict[str, threading.Lock] = {}
        self._opener = urllib.request.build_opener(_NoRedirect())
        self._answers: dict[str, Fetched] = {}  # GET answers of this client's short life: a page is asked for once
        self.requests = 0

    # -- robots.txt ----------------------------------------------------------------------------
    @property
    def agent(self) -> str:
        """The name robots.txt rules are matched against."""
        return self.user_agent.split("/")[0]

    def _rules(self, url: str) -> _Rules:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                answer = self._request(origin + "/robots.txt")
            except FetchFailed as exc:
                log.info("robots_unreachable origin=%s kind=%s", origin, exc.kind)
                rules = _Rules(None, allow=False, failure=exc)
            else:
                if answer.status >= 500:
                    rules = _Rules(None, allow=False, failure=FetchFailed(
                        origin + "/robots.txt", ErrorKind.HTTP_5XX,
                        f"{parts.netloc} answers HTTP {answer.status} for robots.txt: until it answers, nothing may be read"))
                elif answer.status >= 400:
                    rules = _Rules(None, allow=True)
                else:
                    parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
                    parser.parse(answer.body.decode("utf-8", errors="replace").splitlines())
                    rules = _Rules(parser, allow=True, crawl_delay=float(parser.crawl_delay(self.agent) or 0))
            self._robots[origin] = rules
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        rules = self._rules(url)
        return rules.allow if rules.parser is None else rules.parser.can_fetch(self.agent, url)

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps robots.txt names."""
        parser = self._rules(url).parser
        return list(parser.site_maps() or []) if parser else []

    # -- requests ------------------------------------------------------------------------------
    def get(self, url: str, *, data: bytes | None = None) -> Fetched:
        """GET (or POST `data`) `url` if robots.txt allows it, following redirects that it also allows.
        A URL asked for twice by GET is fetched once."""
        if data is None and url in self._answers:
            return self._answers[url]
        redirects: list[tuple[int, str]] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if not self.allowed(current):
                failure = self._rules(current).failure
                if failure is not None:
                    raise FetchFailed(current, failure.kind, str(failure))
                raise RobotsForbid(current)
            answer = self._request(current, data=data)
            location = answer.headers.get("location")
            if answer.status in (301, 302, 303, 307, 308) and location:
                target = urljoin(current, location)
                redirects.append((answer.status, target))
                current = target
                data = None if answer.status == 303 else data
                continue
            answer.url, answer.redirects = url, redirects
            if data is None:
                self._answers[url] = answer
            return answer
        raise FetchFailed(url, ErrorKind.REDIRECT_LOOP, f"more than {MAX_REDIRECTS} redirects from {url}")

    def _wait_turn(self, host: str) -> None:
        """Requests to one host start at least `delay` (or the site's Crawl-delay) apart; hosts do not wait
        for each other (threads may probe different hosts at once)."""
        rules = self._robots.get(host)
        gap = max(self.delay, rules.crawl_delay if rules else 0.0)
        with self._lock:
            turn = self._turns.setdefault(host, threading.Lock())
        with turn:
            ready = self._last.get(host, 0.0) + gap
            now = time.monotonic()
            if ready > now:
                time.sleep(ready - now)
            self._last[host] = time.monotonic()

    def _request(self, url: str, *, data: bytes | None = None) -> Fetched:
        parts = urlsplit(url)
        self._wait_turn(f"{parts.scheme}://{parts.netloc}")
        request = urllib.request.Request(url, data=data, headers={
            "User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "zh-CN,zh;q=0.9"})
        self.requests += 1
        log.info("probe_fetch url=%s", url)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return self._read(url, response.status, response.headers, response)
        except urllib.error.HTTPError as exc:
            return self._read(url, exc.code, exc.headers, exc)
        except urllib.error.URLError as exc:
            raise _failure(url, exc.reason) from None
        except TimeoutError as exc:
            raise _failure(url, exc) from None
        except (ConnectionError, HTTPException, OSError) as exc:
            raise _failure(url, exc) from None

    def _read(self, url: str, status: int, headers: Message, stream: IO[bytes]) -> Fetched:
        body = stream.read(self.max_bytes + 1)
        if len(body) > self.max_bytes:
            raise FetchFailed(url, ErrorKind.TOO_LARGE, f"{url} is larger than {self.max_bytes // (1024 * 1024)} MB")
        return Fetched(url, url, status, {k.lower(): v for k, v in headers.items()}, body)


def _failure(url: str, reason: object) -> FetchFailed:
    host = urlsplit(url).netloc
    if isinstance(reason, socket.gaierror):
        return FetchFailed(url, ErrorKind.DNS, f"{host} does not resolve (DNS: {reason.strerror or reason})")
    if isinstance(reason, TimeoutError):
        return FetchFailed(url, ErrorKind.TIMEOUT, f"{host} did not answer within the timeout")
    if isinstance(reason, ConnectionRefusedError):
        return FetchFailed(url, ErrorKind.CONNECT, f"{host} refused the connection")
    if isinstance(reason, ssl.SSLError):
        return FetchFailed(url, ErrorKind.CONNECT, f"{host}: TLS failed ({reason.reason or reason})")
    if isinstance(reason, (ConnectionResetError, HTTPException)):
        return FetchFailed(url, ErrorKind.RESET, f"{host} broke the connection ({type(reason).__name__})")
    return FetchFailed(url, ErrorKind.CONNECT, f"{host} could not be reached ({reason})")
