"""Raw bytes → text, robust to the charset lies Chinese sites tell.

Order: an explicit override; a byte-order mark; a declared charset (HTTP header, then a
``<meta>`` anywhere in the first 64 KB) *if the bytes decode cleanly with it*; else a trial of
UTF-8, GB18030 and Big5-HKSCS scored by how Chinese the result looks; then the same Chinese
codecs tolerating a few broken byte pairs (old GBK pages often carry one or two); with
charset-normalizer as the last word. GBK and GB2312 are always read as GB18030 (a superset).
"""

from __future__ import annotations

import codecs
import contextlib
import re

_SNIFF_BYTES = 64 * 1024
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "utf8": "utf-8",
    "unicode": "utf-8",
}
# Single-byte labels decode any bytes "cleanly", so a page that says latin-1 but holds
# Chinese is checked against the Chinese candidates.
_WEAK = {"latin_1", "iso8859-1", "cp1252", "ascii"}
_CHINESE_CODECS = ("gb18030", "big5hkscs")
_CJK_PUNCT = set("，。、：；！？“”‘’《》（）「」『』【】—…")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def normalize_encoding(label: str | None) -> str | None:
    """A Python codec name for a web charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def declared_encoding(body: bytes, content_type: str | None) -> str | None:
    """The charset the server or the page itself declares (header first), normalized."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (name := normalize_encoding(match.group(1))):
            return name
    meta = _META_CHARSET.search(body[:_SNIFF_BYTES])
    if meta:
        return normalize_encoding(meta.group(1).decode("ascii", "ignore"))
    return None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _common_chars() -> frozenset[str]:
    """GB2312 level-1 hanzi: the 3755 most common Simplified characters."""
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes((lead, trail)).decode("gb2312"))
    return frozenset(chars)


_COMMON = _common_chars()


def chinese_score(text: str) -> float:
    """Share of non-ASCII characters that are common hanzi or Chinese punctuation (0..1).

    Right decodings of Chinese score high (≈0.8+); GBK read as Big5 or the reverse score low,
    because misaligned byte pairs land on rare characters and odd symbols.
    """
    sample = text[:20000]
    non_ascii = _NON_ASCII.findall(sample)
    if not non_ascii:
        return 0.0
    from indexer.text.chinese import to_simplified

    simplified = to_simplified("".join(non_ascii))
    good = sum(1 for ch in simplified if ch in _COMMON or ch in _CJK_PUNCT)
    return good / len(non_ascii)


def _trial(body: bytes) -> tuple[str, str] | None:
    text = _strict(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    best: tuple[float, str, str] | None = None
    for enc in _CHINESE_CODECS:
        text = _strict(body, enc)
        if text is not None:
            score = chinese_score(text)
            if best is None or score > best[0]:
                best = (score, text, enc)
    if best is not None:
        return best[1], best[2]
    return None


# Old GBK pages with a truncated pair or two fail a strict decode; charset-normalizer then
# guesses single-byte Cyrillic codecs (seen: ptcp154 for a GB2312 forum page with 2 bad pairs
# in 15,000 characters). A Chinese codec wins when almost every pair decodes and the text
# reads as Chinese.
_MAX_BROKEN_SHARE = 0.002
_MIN_TOLERANT_SCORE = 0.8


def _tolerant_trial(body: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for enc in _CHINESE_CODECS:
        text = body.decode(enc, errors="replace")
        non_ascii = len(_NON_ASCII.findall(text)) or 1
        if text.count("\ufffd") > _MAX_BROKEN_SHARE * non_ascii:
            continue
        score = chinese_score(text)
        if score >= _MIN_TOLERANT_SCORE and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best is not None else None


def _normalizer_guess(body: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover
        return None
    match = from_bytes(body[: 256 * 1024]).best()
    if match is None:
        return None
    enc = normalize_encoding(match.encoding) or "utf-8"
    return body.decode(enc, errors="replace"), enc


def _least_broken(body: bytes) -> tuple[str, str]:
    decoded = [(enc, body.decode(enc, errors="replace")) for enc in ("utf-8", *_CHINESE_CODECS)]
    enc, text = min(decoded, key=lambda pair: pair[1].count("\ufffd"))  # the first of equals wins
    return text, enc


def decode_html(body: bytes, content_type: str | None, encoding_override: str | None = None) -> tuple[str, str]:
    """(text, encoding used). See the module docstring for the order of evidence."""
    override = normalize_encoding(encoding_override)
    if override:
        return body.decode(override, errors="replace"), override
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, errors="replace"), enc
    declared = declared_encoding(body, content_type)
    if declared and declared not in _WEAK:
        text = _strict(body, declared)
        if text is not None and _plausible(body, text, declared):
            return text, declared
    found = _trial(body)
    if found is not None:
        text, enc = found
        if declared in _WEAK and enc != "utf-8" and chinese_score(text) < 0.5:
            return body.decode(declared), declared
        return found
    if declared in _WEAK:
        return body.decode(declared), declared
    return _tolerant_trial(body) or _normalizer_guess(body) or _least_broken(body)


def _plausible(body: bytes, text: str, declared: str) -> bool:
    """A clean decoding with a legacy Chinese codec may still be the wrong one."""
    if declared not in _CHINESE_CODECS or not _NON_ASCII.search(text):
        return True
    if _strict(body, "utf-8") is not None:
        return False  # valid UTF-8 with multibyte text is never GBK by chance
    other = _CHINESE_CODECS[1] if declared == _CHINESE_CODECS[0] else _CHINESE_CODECS[0]
    other_text = _strict(body, other)
    if other_text is None:
        return True
    return chinese_score(text) + 0.15 >= chinese_score(other_text)
