"""Markup a page shows as text: `<p class="ql-block">尊敬的家长</p><p>…` on the screen.

Some editors and CMSs escape an article's HTML twice (a 美篇-style export pasted into a bureau's
CMS, a reprint portal that stores the source's markup as text), so the reader sees the tags and
the whole article arrives as one line: its first paragraph is not a headline, its sentences run
into each other. Such escaped tags are turned back into structure before the page is parsed:
a block tag (p, div, br, h1-h6, li, section, ...) into a line break, an inline tag (span, strong,
a, font, img, ...) into nothing. Only these tag names are touched and their attributes are never
kept, so nothing the page escaped becomes live markup (no script, no style, no link, no event
handler); everything else stays escaped text. A page that shows one tag is left alone (a notice
may name `<p>`); a page teaching HTML would lose its examples' tags, and is not what Gonggao crawls.
"""

from __future__ import annotations

import re

__all__ = ["unescape_shown_markup"]

_BLOCK = r"p|div|br|h[1-6]|li|ul|ol|section|article|blockquote|table|tr|td|th|hr"
_INLINE = r"span|strong|b|em|i|u|font|a|img|sup|sub|label|small"
# &lt;, an optional slash, a known tag name, then attributes up to &gt; (their quotes are
# escaped too: &quot;), at most a few hundred characters
_ATTRS = r"(?:\s(?:[^&<>]|&(?!gt;|lt;))*?)?/?"
_SHOWN_TAG = re.compile(rf"&lt;(/?)({_BLOCK}|{_INLINE})\b{_ATTRS}&gt;", re.I)
_BLOCK_NAME = re.compile(rf"^(?:{_BLOCK})$", re.I)
# a page that shows one escaped tag may be about HTML; two closing ones (or two line breaks, which
# have none: 您好！&lt;br&gt; 为全面贯彻…&lt;br&gt;) are an escaped article
_MIN_CLOSING = 2
_CLOSING = re.compile(rf"&lt;(?:/(?:{_BLOCK}|{_INLINE})|br\s*/?)&gt;", re.I)


def unescape_shown_markup(html: str) -> str:
    """`html` with the escaped tags of an article shown as text turned into line breaks."""
    if "&lt;" not in html or len(_CLOSING.findall(html)) < _MIN_CLOSING:
        return html
    return _SHOWN_TAG.sub(lambda m: "<br>" if _BLOCK_NAME.match(m.group(2)) else "", html)
