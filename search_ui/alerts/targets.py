"""Checking where alerts may go: an e-mail address and a webhook URL. Pure, except `resolve_public`.

A webhook makes the server send requests to an address a user typed. On a shared install
(GONGGAO_AUTH) that must not reach the server's own network: a target whose host resolves to a
loopback, private, link-local or otherwise non-public address is refused, when saved and again
when sent (the name may resolve elsewhere by then). A single-user install may post anywhere,
its own machine included.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from config.errors import BadInput

MAX_TARGET_CHARS = 2000
# one address, as people type them: local@domain.tld, no spaces, no display name, no list
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")


class BadTarget(BadInput):
    """An e-mail address or webhook URL alerts cannot be sent to; the message says why."""


def check_email(value: str) -> str | None:
    """The address, stripped; None for an empty field."""
    text = value.strip()
    if not text:
        return None
    if len(text) > 254 or not _EMAIL.fullmatch(text):
        raise BadTarget(f"'email' must be one e-mail address such as name@example.org, got {text[:80]!r}")
    return text


def check_webhook_url(value: str, *, public_only: bool) -> str | None:
    """The URL, stripped; None for an empty field. With `public_only`, a host that is an address
    must be a public one (names are checked when resolved, see `resolve_public`)."""
    text = value.strip()
    if not text:
        return None
    if len(text) > MAX_TARGET_CHARS:
        raise BadTarget(f"'webhook_url' is too long ({len(text)} characters; at most {MAX_TARGET_CHARS})")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadTarget(f"'webhook_url' must be an http:// or https:// address such as https://hooks.example.org/gonggao, got {text[:80]!r}")
    if parts.username or parts.password:
        raise BadTarget("'webhook_url' must not carry a user name or password; put a secret token in its path or query")
    if parts.fragment:
        raise BadTarget("'webhook_url' must not have a #fragment (it is never sent to the server)")
    if any(c.isspace() for c in text):
        raise BadTarget("'webhook_url' must not contain spaces")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise BadTarget(f"'webhook_url' has an invalid port: {text[:80]!r}") from None
    if public_only:
        try:
            address = ipaddress.ip_address(parts.hostname)
        except ValueError:
            return text
        if not address.is_global:
            raise BadTarget(f"'webhook_url' points at a non-public address ({address}); this shared server only posts to public addresses")
    return text


def resolve_public(host: str, port: int) -> None:
    """Raise BadTarget unless every address `host` resolves to is public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise BadTarget(f"cannot resolve {host!r}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise BadTarget(f"{host!r} resolves to a non-public address ({address}); this shared server only posts to public addresses")
