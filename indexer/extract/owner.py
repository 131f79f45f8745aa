"""Whose site a page is on: the owner its footer names (主办单位：X县教育局, 版权所有 X大学, Copyright ©
X学校) or its SiteName meta tag does, and the government site code (网站标识码) that starts with the
owner's division code. A breadcrumb's root names the owner too (当前位置：X县教育局 > 教育动态).

A government or school site prints its owner at the foot of every page, and a page copied whole
(a reprint, a search engine's excerpt) often keeps that line. The owner says where the page comes
from as a host name does, and it stays readable where the host is not (an IP address, a CMS's
shared domain). The article extractor drops footers, so the line is read here from the page's
markup, before any pass.

Every government site carries a 网站标识码 (the 2017 rules for government websites: the owner's
six-digit GB/T 2260 division code and a four-digit serial, 5119230001 for a site of 平昌县), in
its footer and often in `<meta name="SiteIDCode">`; a ministry's starts with "bm" and names no place.

Only a public body or a school is an owner worth reporting (a name holding 政府, 局, 委, 学校,
大学 …): a portal's or a company's line (版权所有 X网, X有限公司) names no place of its own, nor does
a news site's owner (中共X省委宣传部, X融媒体中心: the news it carries happens anywhere).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator

from indexer.text import labels
from indexer.text.chinese import HAN

# Where to look (one str.find each over the page; 主办 covers 主办单位, opyright both cases).
_MARKERS = ("版权所有", "版權所有", "主办", "主辦", "opyright", "COPYRIGHT", "©", "&copy;")
_TAG = re.compile(r"<[^>]{0,400}>")
# An owner's name: a run of Han characters (brackets allowed: 西北农林科技大学（草业学院）).
_NAME_CHAR = rf"[{HAN}（）()]"
_NAME_MIN, _NAME_MAX = 4, 40
_NAME = rf"{_NAME_CHAR}{{{_NAME_MIN},{_NAME_MAX}}}"
_YEARS = r"(?:\d{4}(?:\s*[-—–~]\s*\d{4})?\s*(?:年)?)?"
# 主办 needs its colon or a space: 由县教育局主办的… is a sentence, not a footer.
_AFTER = re.compile(
    r"(?:(?:版[权權]所有|copyright|©|\(c\))\s*[:：]?\s*(?:©|\(c\)|@)?\s*" + _YEARS
    + r"|主[办辦](?:单位|單位)?(?:\s*[:：]|\s+))" + rf"\s*({_NAME})", re.I)
_NAME_RUN = re.compile(_NAME)
_RIGHTS = re.compile(r"版[权權]所有")
_NAME_CHAR_RE = re.compile(_NAME_CHAR)
# Where an owner's name runs on into the next label of the footer (…人民政府办公室网站标识码…).
_RUNS_ON = re.compile(r"网站标识码|網站標識碼|门户|門戶|网站|網站|承办|承辦|技术支持|技術支持|联系|聯繫|地址|电话|電話|备案|備案|版[权權]所有|主[办辦]")
_PUBLIC_BODY = re.compile(r"政府|[局厅廳委]|办公室|辦公室|学校|學校|中学|中學|小学|小學|幼儿园|幼兒園|大学|大學|学院|學院")
# A company, a paper, a portal; and the offices that own news sites (a provincial propaganda
# department's portal reports the whole country: its owner is no place for the news it carries).
_NOT_PUBLIC = re.compile(r"(?:公司|杂志社|雜誌社|报社|報社|网|網|社|报|報|台)$|宣传部|宣傳部|网信办|網信辦|新闻办|新聞辦|融媒体|融媒體")
_WINDOW = 160  # characters of markup read either side of a marker
# The address field of a footer (地址：…, 学院地址:…, 單位地址：…): up to the next space or separator.
_ADDRESS = re.compile(rf"(?<![{HAN}])(?:单位|單位|通讯|通訊|通信|联系|聯繫|联络|聯絡|办公|辦公|学院|學院|学校|學校|[{HAN}]{{0,4}}校[区區])?"
                      r"(?:地址|地\s址)\s*[:：]\s*([^|丨｜]{4,40})")
# Where an address runs on into the footer's next field (… 邮编：116036, … 电话：0411-…).
_NEXT_FIELD = re.compile(r"\s+(?=\S{1,8}[:：])|\s*[|丨｜]")
# A breadcrumb's root is the site (当前位置：X县教育局 > 教育动态 > 综合新闻), past a 首页 crumb.
_CRUMB_SEP = rf"(?:{labels.BREADCRUMB_SEP}|/)"
_CRUMB_ROOT = re.compile(rf"(?:{'|'.join(labels.BREADCRUMB_HEADS)})\s*[:：]?\s*"
                         rf"(?:(?:网站|網站|本站)?首\s*[页頁]\s*{_CRUMB_SEP}\s*)?({_NAME})\s*{_CRUMB_SEP}")
_SITE_CODE = re.compile(r"(?:网站标识码|網站標識碼)\s*[:：]?\s*(?:<[^>]{0,200}>\s*)*(\d{10})(?!\d)")
_CODE_ONLY = re.compile(r"\s*(\d{10})\s*")


def site_code(html: str, meta_code: str | None = None) -> str | None:
    """The six-digit division code a government site's 网站标识码 starts with (the page's
    SiteIDCode meta tag, else its footer), or None (none given, or a ministry's bm… code)."""
    if meta_code and (match := _CODE_ONLY.fullmatch(meta_code)):
        return match.group(1)[:6]
    if "标识码" not in html and "標識碼" not in html:
        return None
    found = _SITE_CODE.findall(html)
    return found[-1][:6] if found else None


def site_owner(html: str, site_name: str | None = None) -> str | None:
    """The public body or school the page's footer (or its breadcrumb's root) names as its owner,
    else the one its `<meta name="SiteName">` names (平昌县人民政府门户网站), or None. Of the names
    found the last wins (the footer is at the end; a name near the top may be a reprint's source)."""
    found = _crumb_owner(html)
    for at, window in _footer_windows(html):
        names = [m.group(1) for m in _AFTER.finditer(window)] + [_name_before(window, m.start())
                                                                for m in _RIGHTS.finditer(window)]
        for raw in names:
            name = _owner_name(raw) if raw else None
            if name and (found is None or at >= found[0]):
                found = (at, name)
    if found:
        return found[1]
    named = _NAME_RUN.match(site_name.strip()) if site_name else None
    return _owner_name(named.group(0)) if named else None


def site_address(html: str) -> str | None:
    """The postal address a page's footer gives beside its owner (版权所有 X学院 学院地址：大连市甘井子区…),
    or None: where the owner sits, which a school's or a college's name alone says only to the city.
    The last one found (the footer is at the end)."""
    if "地址" not in html and "&#" not in html:  # only a numeric character reference can hide 地址
        return None
    found = None
    for at, window in _footer_windows(html):
        for match in _ADDRESS.finditer(window):
            if found is None or at >= found[0]:
                found = (at, _NEXT_FIELD.split(match.group(1), maxsplit=1)[0].strip())
    return found[1] if found else None


def _footer_windows(html: str) -> Iterator[tuple[int, str]]:
    """Each footer marker's offset in the markup (`_MARKERS`, in their order) and the text of the
    `_WINDOW` characters of markup either side of it: where an owner and its address are written."""
    for marker in _MARKERS:
        start = 0
        while (at := html.find(marker, start)) >= 0:
            start = at + len(marker)
            yield at, _markup_text(html, max(0, at - _WINDOW), at + len(marker) + _WINDOW)


def _crumb_owner(html: str) -> tuple[int, str] | None:
    """The public body a breadcrumb's root names, with where it is (the first such crumb)."""
    for head in labels.BREADCRUMB_HEADS:
        at = html.find(head)
        if at >= 0:
            root = _CRUMB_ROOT.match(_markup_text(html, at, at + 2 * _WINDOW))
            name = _owner_name(root.group(1)) if root else None
            if name:
                return at, name
    return None


def _markup_text(html: str, start: int, end: int) -> str:
    """The text of a stretch of markup, tags dropped, entities decoded, whitespace collapsed (the
    patterns' optional spaces then cannot split one run many ways)."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", html[start:end])).split())


def _name_before(window: str, end: int) -> str:
    """The name (`_NAME`) right before `end`, past spaces and a ©: X学校 © 版权所有. Read backwards:
    a pattern ending at `end` would be tried from every start in the window."""
    end = len(window[:end].rstrip().removesuffix("©").rstrip())
    start = end
    while start > 0 and end - start < _NAME_MAX and _NAME_CHAR_RE.match(window, start - 1):
        start -= 1
    return window[start:end] if end - start >= _NAME_MIN else ""


def _owner_name(raw: str) -> str | None:
    run_on = _RUNS_ON.search(raw)
    name = raw[: run_on.start()] if run_on else raw
    if len(name) < 4 or not _PUBLIC_BODY.search(name) or _NOT_PUBLIC.search(name):
        return None
    return name
