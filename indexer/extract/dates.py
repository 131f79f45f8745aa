"""Publication dates from Chinese pages: meta tags, labelled lines, URLs, text.

Everything returns tz-aware datetimes in Asia/Shanghai. `pick_date` applies the order of
evidence (meta → labelled visible line → 信息公开 table → URL → article text → htmldate) and
says which one won in `date_source`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_COLON = "[:：∶]"
_TIME = rf"(?:\s*(?:T|\s)?\s*(\d{{1,2}})\s*{_COLON}\s*(\d{{2}})(?:\s*{_COLON}\s*(\d{{2}}))?)?"
_NUMERIC = re.compile(
    rf"(?<!\d)((?:19|20)\d{{2}})\s*(?:[-/.]|年)\s*(\d{{1,2}})\s*(?:[-/.]|月)\s*(\d{{1,2}})(?!\d)\s*日?{_TIME}"
)
_COMPACT = re.compile(rf"(?<![\d])((?:19|20)\d{{2}})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d]){_TIME}")
_CN_DIGITS = "〇零○Ｏ一二三四五六七八九十"
_CHINESE = re.compile(rf"([{_CN_DIGITS}]{{4}})\s*年\s*([{_CN_DIGITS}]{{1,3}})\s*月\s*([{_CN_DIGITS}]{{1,3}})\s*日")
_YEARLESS = re.compile(rf"(?<![\d年/.-])(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日(?:\s*[上下中]午|\s*晚)?{_TIME}")
_LABEL = re.compile(
    rf"(发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|发表时间|發表時間|发文日期|印发日期|更新时间|更新時間|时间|時間|日期|发布于|发表于)\s*{_COLON}?\s*"
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９－／：", "0123456789-/:")
_CN_VALUE = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_URL_PATTERNS = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),  # /202411/t20241115_123.html
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),
    re.compile(r"/((?:19|20)\d{2})-(\d{1,2})/(\d{1,2})/"),
    re.compile(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})/"),
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # /2025/0114/c1004-…
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[_-]?\w*\.s?html?"),
)
_META_DATE_NAMES = (
    "pubdate", "publishdate", "publish_date", "published_time", "article:published_time", "og:published_time",
    "og:release_date", "dc.date", "dc.date.issued", "dcterms.created", "firstpublishedtime", "date", "releasedate",
    "pubtime", "article:modified_time", "lastmodifiedtime",
)


# Machine-readable dates outside <meta>: JSON-LD (schema.org, Baidu cambrian), a publish
# timestamp set by script (WeChat-style `var ct = "1659274471"`), <time datetime="…">.
_JSONLD_DATE = re.compile(r'"(datePublished|pubDate|publishDate|dateCreated)"\s*:\s*"([^"]{8,40})"')
_SCRIPT_STAMP = re.compile(
    r'\b(var\s+ct|publish_time|publishTime|create_time|createTime|pubTime|pub_time)\s*[=:]\s*["\']?(1\d{9})(?!\d)'
)
_TIME_ELEMENT = re.compile(r'<time\b[^>]*?\bdatetime\s*=\s*["\']([^"\']{8,40})["\']', re.I)
# lines that carry other articles' dates ("最新推荐文章于 2023-09-04 发布", "相关阅读 …")
_RELATED_LINE = re.compile(r"推荐|推薦|相关|相關|热门|熱門|热点|熱點|上一篇|下一篇|往期|猜你喜欢|更多")


def structured_dates(html: str) -> dict[str, str]:
    """Publication dates a page states for machines outside <meta>: {'jsonld:datePublished': …}."""
    found: dict[str, str] = {}
    if not html:
        return found
    for match in _JSONLD_DATE.finditer(html):
        found.setdefault(f"jsonld:{match.group(1)}", match.group(2))
    if stamp := _SCRIPT_STAMP.search(html):
        found["script:" + stamp.group(1).replace("var ", "").strip()] = stamp.group(2)
    if element := _TIME_ELEMENT.search(html):
        found["time[datetime]"] = element.group(1)
    return found


def _structured_value(key: str, value: str) -> datetime | None:
    if key.startswith("script:"):
        try:
            return datetime.fromtimestamp(int(value), SHANGHAI)
        except (ValueError, OverflowError, OSError):
            return None
    return parse_meta_date(value)


def _without_related(text: str) -> str:
    if not text or not _RELATED_LINE.search(text):
        return text
    return "\n".join(line for line in text.split("\n") if not _RELATED_LINE.search(line))


@dataclass(frozen=True)
class DateEvidence:
    """What a page offers: meta tags, visible header/table text, the URL, the article text."""

    meta: dict[str, str]
    visible_text: str = ""
    info_table_date: str | None = None
    url: str = ""
    body: str = ""
    html: str | None = None
    fetched_at: datetime | None = None
    header_lines: str = ""  # unlabelled lines removed from the top of the article text
    structured: dict[str, str] | None = None  # `structured_dates(html)`: JSON-LD, script stamp, <time>


def _cn_number(text: str) -> int:
    if all(ch in _CN_VALUE for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_VALUE[ch]
        return value
    # 十, 十二, 二十, 二十三
    tens, _, units = text.partition("十")
    return (_CN_VALUE.get(tens, 1) if tens else 1) * 10 + (_CN_VALUE.get(units, 0) if units else 0)


def _build(y: int, m: int, d: int, hh: str | None = None, mm: str | None = None, ss: str | None = None) -> datetime | None:
    try:
        return datetime(y, m, d, int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=SHANGHAI)
    except ValueError:
        return None


def _sane(value: datetime | None, now: datetime | None = None) -> datetime | None:
    if value is None:
        return None
    limit = (now or datetime.now(SHANGHAI)) + timedelta(days=2)
    return value if datetime(1990, 1, 1, tzinfo=SHANGHAI) <= value <= limit else None


def parse_date(text: str, reference: datetime | None = None) -> datetime | None:
    """The first date in `text` (numeric, compact, 二〇二五年…, or yearless with `reference`)."""
    if not text:
        return None
    text = text.translate(_FULLWIDTH)
    found = _first_full_date(text)
    if found is not None:
        return found
    if reference is not None:
        match = _YEARLESS.search(text)
        if match:
            return yearless(int(match.group(1)), int(match.group(2)), reference, *match.group(3, 4, 5))
    return None


def _first_full_date(text: str) -> datetime | None:
    candidates = []
    for pattern in (_NUMERIC, _CHINESE, _COMPACT):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), pattern, match))
    for _, pattern, match in sorted(candidates, key=lambda c: c[0]):
        if pattern is _CHINESE:
            value = _build(_cn_number(match.group(1)), _cn_number(match.group(2)), _cn_number(match.group(3)))
        else:
            value = _build(int(match.group(1)), int(match.group(2)), int(match.group(3)), *match.group(4, 5, 6))
        if value is not None:
            return value
    return None


def yearless(month: int, day: int, reference: datetime, hh: str | None = None, mm: str | None = None,
             ss: str | None = None) -> datetime | None:
    """'2月10日' → the year of `reference`; a date later than the reference belongs to the year before."""
    value = _build(reference.year, month, day, hh, mm, ss)
    if value is None:
        return None
    if value.date() > reference.date():
        value = _build(reference.year - 1, month, day, hh, mm, ss)
    return value


def parse_meta_date(value: str) -> datetime | None:
    """A meta tag's value: '2025-01-14 10:32', '2025-01-14T10:32:00+08:00', '14∶06' colons."""
    value = value.strip().translate(_FULLWIDTH)
    iso = value.replace("∶", ":")
    try:
        parsed = datetime.fromisoformat(iso.replace("Z", "+00:00").replace("/", "-"))
        return parsed.astimezone(SHANGHAI) if parsed.tzinfo else parsed.replace(tzinfo=SHANGHAI)
    except ValueError:
        return _first_full_date(value)


def labelled_date(text: str, reference: datetime | None = None) -> datetime | None:
    """The date after a label such as '发布时间：' / '发布日期：' / '日期：' in visible text."""
    for match in _LABEL.finditer(text):
        window = text[match.end(): match.end() + 40]
        value = parse_date(window, reference) if window[:1] and (window[0].isdigit() or window[0] in _CN_DIGITS) else None
        if value is not None:
            return value
    return None


def url_date(url: str) -> datetime | None:
    """Dates in article URLs: /202411/t20241115_…, /2025-01/14/, /art/2025/1/14/, /20250114/."""
    for pattern in _URL_PATTERNS:
        match = pattern.search(url)
        if match:
            value = _build(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if value is not None:
                return value
    return None


def text_date(body: str, reference: datetime | None = None, lines: int = 3, lead: int = 30) -> datetime | None:
    """A date opening one of the first lines of the article ('2025年1月14日，省教育厅召开…').

    Only the first `lead` characters of the first `lines` lines count: dates deeper in the
    text are about events, not about the page.
    """
    for line in body.split("\n", lines)[:lines]:
        found = parse_date(line[:lead], reference)
        if found is not None:
            return found
    return None


def _htmldate(html: str, url: str) -> datetime | None:
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover
        return None
    try:
        found = find_date(html, url=url or None, original_date=True, extensive_search=False)
    except Exception:
        return None
    if not found:
        return None
    try:
        return datetime.fromisoformat(found).replace(tzinfo=SHANGHAI)
    except ValueError:
        return None


def pick_date(evidence: DateEvidence) -> tuple[datetime | None, str | None]:
    """(published_at, date_source) by the order of evidence; (None, None) when nothing is found."""
    now = evidence.fetched_at
    for name in _META_DATE_NAMES:
        for key, value in evidence.meta.items():
            if key.lower() == name and value:
                found = _sane(parse_meta_date(value), now)
                if found is not None:
                    return found, f"meta:{key}"
    structured = evidence.structured or {}
    for key, value in structured.items():
        if key != "time[datetime]":
            found = _sane(_structured_value(key, value), now)
            if found is not None:
                return found, key
    reference = url_date(evidence.url) or evidence.fetched_at
    visible = _without_related(evidence.visible_text)
    header_lines = _without_related(evidence.header_lines)
    label = _LABEL.search(visible) if visible else None
    found = _sane(labelled_date(visible, reference), now) if label else None
    if found is not None:
        return found, f"visible:{_label_name(visible, found, reference)}"
    found = _sane(_first_full_date(header_lines.translate(_FULLWIDTH)), now) if header_lines else None
    if found is not None:
        return found, "visible:header"
    head = visible.strip()[:250]
    found = _sane(_first_full_date(head.translate(_FULLWIDTH)), now) if head else None
    if found is not None:
        return found, "visible:header"
    if evidence.info_table_date:
        found = _sane(parse_date(evidence.info_table_date, reference), now)
        if found is not None:
            return found, "table:发布日期"
    found = _sane(url_date(evidence.url), now)
    if found is not None:
        return found, "url"
    if "time[datetime]" in structured:
        found = _sane(parse_meta_date(structured["time[datetime]"]), now)
        if found is not None:
            return found, "time[datetime]"
    found = _sane(text_date(evidence.body, reference), now)
    if found is not None:
        return found, "text"
    if evidence.html:
        found = _sane(_htmldate(evidence.html, evidence.url), now)
        if found is not None:
            return found, "htmldate"
    return None, None


def _label_name(text: str, found: datetime, reference: datetime | None) -> str:
    for match in _LABEL.finditer(text):
        window = text[match.end(): match.end() + 40]
        if parse_date(window, reference) == found:
            return match.group(1)
    return "date"
