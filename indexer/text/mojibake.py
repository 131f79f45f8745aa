"""Mojibake: repair what the bytes allow, report what they do not.

Two repairable shapes: UTF-8 bytes read as GBK ('锛屾垜浠' → '，我们') and GBK/UTF-8 bytes
read as Latin-1 ('Ð£Ô°' → '校园'). GB18030 read one byte out of step with bytes lost
('實驗室及?;钒踩⑿@施工') cannot be undone; `find_mojibake` reports such spans (and U+FFFD
runs) so that titles, snippets and matching can leave them out.
"""

from __future__ import annotations

import re

from indexer.text.chinese import HAN, is_han

_HAN = HAN

# Characters that UTF-8 bytes read as GBK keep producing (锛 = "，", 銆 = "。", …).
_GBK_AS_UTF8_MARKERS = set("锛銆鍗鏄浠鐨鍦嬭鎴瀹绗璇瑕閮鍒浣缁缂閲姹涓崲鐢鈥锟斤拷")
_MARKER_CHAR = re.compile("[" + "".join(sorted(_GBK_AS_UTF8_MARKERS)) + "]")
# everything a GBK decoder can emit, so that one garbled paragraph is one run
_MARKER_RUN = re.compile(
    r"[\u00b7\u0391-\u04ff\u2010-\u2642\u3000-\u33ff\u3400-\u9fff\ue000-\uf8ff\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffef\ufffd]{3,}"
)
_LATIN1_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff]{3,}")
_SUSPICIOUS = re.compile(
    rf"\ufffd+|[\ue000-\uf8ff]+|锟斤拷|\?{{2,}}|\?;|(?<=[{_HAN}?;])[@\\^`|~](?=[{_HAN}])"
    rf"|(?<=[{_HAN}])[\u2474-\u249b\u2460-\u2473](?=[{_HAN}@])|(?<=[{_HAN}?])[a-z](?=[{_HAN}])"
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-GBK ('锛屾垜浠' → '，我们') and GBK-read-as-Latin-1 spans where the bytes allow."""
    if _MARKER_CHAR.search(text):
        text = _MARKER_RUN.sub(_repair_gbk_run, text)
    if _LATIN1_RUN.search(text):
        text = _LATIN1_RUN.sub(_repair_latin1_run, text)
    return text


def _repair_gbk_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if not _MARKER_CHAR.search(run):
        return run
    try:
        raw = run.replace("\ufffd", "").encode("gb18030")
    except UnicodeEncodeError:
        return run
    fixed = raw.decode("utf-8", errors="replace")
    # GBK-encoded real text is almost never valid UTF-8: accept when nearly all of it is
    if fixed.count("\ufffd") * 4 > len(fixed) or not any(is_han(ch) for ch in fixed):
        return run
    return re.sub("\ufffd+", "\ufffd", fixed)


def _repair_latin1_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        raw = run.encode("latin-1")
    except UnicodeEncodeError:
        return run
    for enc in ("utf-8", "gb18030"):
        try:
            fixed = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if any(is_han(ch) for ch in fixed):
            return fixed
    return run


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of text that still look mis-decoded (U+FFFD, '?;' between hanzi, …)."""
    hits = [(m.start(), m.end(), m.group(0)) for m in _SUSPICIOUS.finditer(text)]
    if not hits:
        return []
    spans: list[list[int]] = []
    strong_seen: list[bool] = []
    for start, end, token in hits:
        strong = not (len(token) == 1 and token.isalpha() and token.isascii())
        if spans and start - spans[-1][1] <= 4:
            spans[-1][1] = end
            strong_seen[-1] = strong_seen[-1] or strong
        else:
            spans.append([start, end])
            strong_seen.append(strong)
    # a lone lowercase letter between hanzi is only a hint; keep it when near a strong sign
    return [(s, e) for (s, e), strong in zip(spans, strong_seen, strict=False) if strong]
