"""What alerts may be sent to, and who may see saved searches: pure checks, no network."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from config.errors import ConfigError
from search_ui.alerts.channels import SmtpConfig
from search_ui.alerts.deliver import MAX_RETRY_SECONDS, backoff
from search_ui.alerts.targets import BadTarget, check_email, check_webhook_url
from search_ui.auth import Users, hash_password, verify_password


def test_webhook_urls():
    assert check_webhook_url(" https://hooks.example.org/x?token=1 ", public_only=True) == "https://hooks.example.org/x?token=1"
    assert check_webhook_url("", public_only=True) is None
    assert check_webhook_url("http://127.0.0.1:9000/hook", public_only=False) == "http://127.0.0.1:9000/hook"
    for bad in ("ftp://x.org/", "https://", "https://a:b@x.org/", "https://x.org/#frag", "https://x.org:70000/",
                "javascript:alert(1)", "https://x.org/a b"):
        with pytest.raises(BadTarget):
            check_webhook_url(bad, public_only=False)
    for private in ("http://127.0.0.1/", "http://10.1.2.3/", "http://192.168.1.1/", "http://[fe80::1]/", "http://[::1]/"):
        with pytest.raises(BadTarget, match="non-public"):
            check_webhook_url(private, public_only=True)


def test_email_addresses():
    assert check_email(" desk@example.org ") == "desk@example.org"
    assert check_email("") is None
    for bad in ("desk", "desk@", "a@b", "a b@example.org", "a@example.org, b@example.org", "<a@example.org>"):
        with pytest.raises(BadTarget):
            check_email(bad)


def test_backoff_doubles_up_to_a_cap():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff(30) == MAX_RETRY_SECONDS


def test_smtp_settings():
    assert SmtpConfig.from_settings(None, None, None, None, None, True) is None
    assert SmtpConfig.from_settings("mail.example.org", None, "a@example.org", None, None, True).port == 587
    with pytest.raises(ConfigError, match="GONGGAO_SMTP_FROM"):
        SmtpConfig.from_settings("mail.example.org", None, None, None, None, True)
    with pytest.raises(ConfigError, match="in clear"):
        SmtpConfig.from_settings("mail.example.org", 25, "a@example.org", "user", "pw", False)
    assert SmtpConfig.from_settings("127.0.0.1", 2525, "a@example.org", "user", "pw", False) is not None


def test_users_file(tmp_path: Path):
    encoded = hash_password("correct horse", iterations=1000)
    assert verify_password("correct horse", encoded) and not verify_password("wrong", encoded)
    path = tmp_path / "users"
    path.write_text(f"# newsroom\n\nalice:{encoded}\n")
    users = Users.load(path)
    header = "Basic " + base64.b64encode(b"alice:correct horse").decode()
    assert users.authenticate(header) == "alice" and users.authenticate(header) == "alice"   # the second from memory
    assert users.authenticate("Basic " + base64.b64encode(b"alice:wrong").decode()) is None
    assert users.authenticate("Basic " + base64.b64encode(b"bob:correct horse").decode()) is None
    assert users.authenticate("Basic !!!") is None and users.authenticate(None) is None
    path.write_text(f"alice:{encoded}\nbob:plaintext\n")
    with pytest.raises(ConfigError) as err:
        Users.load(path)
    assert f"{path}:2" in str(err.value)
