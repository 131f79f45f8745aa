"""Real receivers of alerts on loopback: an SMTP server (aiosmtpd) and an HTTP webhook target.

Both can refuse the first N deliveries (SMTP 451, HTTP 503), so tests see the retries and the
backoff, and both keep what they received for the assertions.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from indexer.search_index.process import free_port


class SmtpReceiver:
    """aiosmtpd on 127.0.0.1 (no TLS: the tests set GONGGAO_SMTP_STARTTLS=0)."""

    def __init__(self, fail_first: int = 0):
        from aiosmtpd.controller import Controller

        self.messages: list[EmailMessage] = []
        self.refused = 0
        self.fail_first = fail_first
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refused < self.fail_first:
            self.refused += 1
            return "451 4.3.0 mailbox busy, try again later"
        msg = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(msg)
        return "250 OK"

    def start(self) -> SmtpReceiver:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


@dataclass
class Webhook:
    """An HTTP server that answers 503 to the first `fail_first` POSTs, then 200."""

    fail_first: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)   # every POST: headers, body, status answered

    def start(self) -> Webhook:
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                failed = sum(1 for r in hook.requests if r["status"] != 200)
                status = 503 if failed < hook.fail_first else 200
                hook.requests.append({"headers": dict(self.headers), "json": json.loads(body), "status": status})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hook?token=t0ken"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    @property
    def delivered(self) -> list[dict[str, Any]]:
        return [r["json"] for r in self.requests if r["status"] == 200]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
