"""Sending one delivery: an e-mail through the configured SMTP server, or a JSON POST to a webhook.

Each sender returns nothing on success and raises `DeliveryFailed` with a reason a person can act
on ("SMTP server refused the sender: …", "webhook answered HTTP 503") on any failure; the caller
keeps the delivery pending and tries again later.
"""

from __future__ import annotations

import ipaddress
import json
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

from config.errors import ConfigError, Unavailable
from search_ui.alerts.targets import BadTarget, resolve_public

TIMEOUT_SECONDS = 30
USER_AGENT = "Gonggao-alerts/1"


class DeliveryFailed(Unavailable):
    """The mail server or webhook target did not take the message; the message says why."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: bool = True

    @classmethod
    def from_settings(cls, host: str | None, port: int | None, sender: str | None, user: str | None,
                      password: str | None, starttls: bool) -> SmtpConfig | None:
        """The configuration, or None when no mail server is set (GONGGAO_SMTP_HOST)."""
        if not host:
            return None
        if not sender:
            raise ConfigError("GONGGAO_SMTP_FROM", None, None, "is needed with GONGGAO_SMTP_HOST: the sender address of alert e-mails")
        if user and not starttls and not _loopback(host):
            raise ConfigError("GONGGAO_SMTP_STARTTLS", None, None,
                              "is off while GONGGAO_SMTP_USER is set: the password would cross the network in clear; "
                              "turn STARTTLS on (1) or use a mail server on this machine")
        return cls(host=host, port=port or (587 if starttls else 25), sender=sender, user=user, password=password,
                   starttls=starttls)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def send_email(config: SmtpConfig | None, message: EmailMessage) -> None:
    if config is None:
        raise DeliveryFailed("e-mail is not configured on this server: set GONGGAO_SMTP_HOST and GONGGAO_SMTP_FROM")
    try:
        with smtplib.SMTP(config.host, config.port, timeout=TIMEOUT_SECONDS) as smtp:
            smtp.ehlo()
            if config.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if config.user:
                smtp.login(config.user, config.password or "")
            refused = smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryFailed(f"the SMTP server refused the recipient: {_smtp_reason(exc.recipients)}") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryFailed(f"the SMTP server answered {exc.smtp_code}: {_text(exc.smtp_error)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DeliveryFailed(f"the SMTP server does not support it: {exc} (set GONGGAO_SMTP_STARTTLS=0 for a server without TLS)") from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        raise DeliveryFailed(f"cannot reach the SMTP server {config.host}:{config.port}: {type(exc).__name__}: {exc}") from None
    if refused:
        raise DeliveryFailed(f"the SMTP server refused the recipient: {_smtp_reason(refused)}")


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _smtp_reason(recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{addr}: {code} {_text(msg)}" for addr, (code, msg) in recipients.items())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A webhook that redirects is a failure to report, not an address to follow with the payload."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def post_webhook(url: str, body: dict[str, Any], delivery_id: int, *, public_only: bool) -> None:
    """POST `body` as JSON; any 2xx answer is success."""
    parts = urlsplit(url)
    if public_only:
        try:
            resolve_public(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
        except BadTarget as exc:
            raise DeliveryFailed(str(exc)) from None
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode("utf-8"), method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT,
        "X-Gonggao-Delivery": str(delivery_id), "X-Gonggao-Event": str(body.get("event", "")),
    })
    try:
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"the webhook answered HTTP {exc.code} {exc.reason}") from None
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DeliveryFailed(f"cannot reach the webhook {parts.hostname}: {reason}") from None
    if not 200 <= status < 300:
        raise DeliveryFailed(f"the webhook answered HTTP {status}")
