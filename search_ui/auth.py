"""Who owns a saved search: nobody in particular on a single-user install, a user of GONGGAO_AUTH on
a shared one.

GONGGAO_AUTH names a file of `user:hash` lines (`#` comments and blank lines allowed), the hash
made by `gonggao alerts passwd USER` (PBKDF2-HMAC-SHA256, 600,000 iterations, a random salt: the
OWASP 2023 figure for PBKDF2-SHA256). The saved-search pages and API then ask for HTTP Basic
credentials and show each user only their own searches; serve them over HTTPS (a reverse proxy),
since Basic credentials travel with every request. A verified password is remembered in memory
(by a hash of user and password) so that each request does not pay the ~0.5 s of PBKDF2 again.

Without GONGGAO_AUTH every visitor is the one user (owner ""), as on a desktop install.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from config.errors import ConfigError

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000
SINGLE_USER = ""
_USER = re.compile(r"[A-Za-z0-9._@-]{1,64}")
REALM = 'Basic realm="Gonggao saved searches", charset="UTF-8"'


def hash_password(password: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        scheme, iterations, salt, digest = encoded.split("$")
        if scheme != SCHEME:
            return False
        fresh = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), base64.b64decode(salt), int(iterations))
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(fresh, base64.b64decode(digest))


def check_user_name(name: str) -> str:
    if not _USER.fullmatch(name):
        raise ValueError(f"a user name is 1–64 of A-Z a-z 0-9 . _ @ -, got {name!r}")
    return name


@dataclass
class Users:
    """The users of a shared install, from the GONGGAO_AUTH file."""

    hashes: dict[str, str]
    _verified: dict[bytes, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path) -> Users:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(path, None, "GONGGAO_AUTH", f"cannot read the users file: {exc.strerror}") from None
        hashes: dict[str, str] = {}
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            user, sep, encoded = line.partition(":")
            if not sep or not _USER.fullmatch(user) or not encoded.startswith(SCHEME + "$") or encoded.count("$") != 3:
                raise ConfigError(path, number, "GONGGAO_AUTH",
                                  "each line must be user:pbkdf2_sha256$… as printed by `gonggao alerts passwd USER`")
            if user in hashes:
                raise ConfigError(path, number, "GONGGAO_AUTH", f"user {user!r} is listed twice")
            hashes[user] = encoded
        if not hashes:
            raise ConfigError(path, None, "GONGGAO_AUTH", "the users file lists no user")
        return cls(hashes)

    def authenticate(self, authorization: str | None) -> str | None:
        """The user of an `Authorization: Basic …` header, or None."""
        if not authorization or not authorization.lower().startswith("basic "):
            return None
        try:
            user, sep, password = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        encoded = self.hashes.get(user)
        if not sep or encoded is None:
            return None
        key = hashlib.sha256(f"{user}\0{password}\0{encoded}".encode()).digest()
        if key in self._verified:
            return user
        if not verify_password(password, encoded):
            return None
        if len(self._verified) > 1000:
            self._verified.clear()
        self._verified[key] = user
        return user
