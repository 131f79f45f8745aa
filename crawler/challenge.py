"""Recognising anti-bot answers that only a real browser gets past.

Ruishu answers 412 with a script-only page; 加速乐 answers 521 and sets `__jsl_clearance` from a
script; WZWS and others answer 200 with a tiny page whose script sets a cookie and reloads. We do
not try to break these: the source is marked as needing a browser, with a clear message.
"""

from __future__ import annotations

import re

from parsel import Selector

CHALLENGE_STATUSES = {412, 521}
MARKERS = (b"$_ts", b"__jsl_clearance", b"_wzwsc", b"wzws_cid", b"acw_sc__v2", b"__cf_chl", b"cf-challenge")
MAX_CHALLENGE_BYTES = 64 * 1024  # a challenge page is small; an article is not scanned for scripts
MAX_VISIBLE_CHARS = 100
SETS_COOKIE = re.compile(r"document\.cookie\s*=")
SETS_COOKIE_BYTES = re.compile(SETS_COOKIE.pattern.encode())
VISIBLE_TEXT = "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
RELOADS = re.compile(r"location\.(?:reload|replace|assign)\s*\(|location(?:\.href)?\s*=")


def needs_browser(status: int, body: bytes) -> bool:
    """True for a challenge status, or a small page with no text of its own whose scripts are a known
    anti-bot check or set a cookie and reload."""
    if status in CHALLENGE_STATUSES:
        return True
    if len(body) > MAX_CHALLENGE_BYTES:
        return False
    known = any(marker in body for marker in MARKERS)
    if not known and not SETS_COOKIE_BYTES.search(body):
        return False  # the common case, decided without parsing
    sel = Selector(text=body.decode("utf-8", errors="replace"))
    scripts = " ".join(sel.css("script::text").getall())
    if not known and not (SETS_COOKIE.search(scripts) and RELOADS.search(scripts)):
        return False
    visible = "".join(sel.xpath(VISIBLE_TEXT).getall())
    return len("".join(visible.split())) <= MAX_VISIBLE_CHARS


def message(status: int) -> str:
    return f"needs a browser: the site answers HTTP {status} with a JavaScript anti-bot challenge"
