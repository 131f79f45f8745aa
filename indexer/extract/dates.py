"""Publication dates from Chinese pages: meta tags, bylines, URLs, text.

Everything returns tz-aware datetimes in Asia/Shanghai. `pick_date` applies the order of
evidence and says which one won in `date_source`:

0. the 成文日期 of a 信息公开 box that labels both 成文日期 and 发布日期 (`table:成文日期`): a
   government document is cited by the day it was signed; 发布日期 (and the page's meta
   PubDate) is the day the web page went up, often days later;
1. machine-readable: meta tags (`meta:PubDate`), JSON-LD and script stamps (`jsonld:…`);
2. the byline: a labelled date in the lines above the article (`byline:发布时间`), an unlabelled
   date there (`byline`), a labelled byline under it (`byline:发表于`, "本贴由…于…发表");
3. the 信息公开 box (`table:发布日期`); 4. the URL (`url`); 5. `<time datetime>`;
6. a full date opening the article (`text`); 7. htmldate, only for a date the article's own
   lines show (`htmldate`).

Dates one cannot defend are left out rather than guessed: no date later than the fetch time;
a date without a year only with a year the page states (its URL's year and month, a "2019年"
in its header), never the clock's; a two-digit year ("18-03-08") read as yy-mm-dd unless the
page's other dates say dd-mm-yy; lines of "today" bars ("今天是…") and of related-article
lists never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
    rf"(发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|发表时间|發表時間|发稿时间|發稿時間|发文日期|印发日期|更新时间|"
    rf"更新時間|发布于|發布於|發佈於|发表于|發表於|发布|發布|發佈|发表|發表|时间|時間|日期)\s*{_COLON}?\s*"
)
# "本贴由大卫于2005年8月12日16:12:21在〖…〗发表", "是大卫在2005年8月12日16:10:13发表"
_BYLINE_VERB = re.compile(r"[于於在]\s*((?:19|20)\d{2}\s*[-/.年][^发發]{2,40}?)(?:在.{0,40})?(?:发表|發表|发布|發布|发帖|發帖)")
# Lines that carry a date which is not the page's: "今天是2005年8月12日 星期五" bars.
_NOT_PUBLICATION = re.compile(r"今天是|今天|今日是|当前时间|當前時間|现在时间|現在時間|现在是|現在是")
_TWO_DIGIT_YEAR = re.compile(rf"(?<![\d/.-])(\d{{2}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?![\d/.-]){_TIME}")
# "9/17/2004 5:54:13 AM": the en-US format ASP and .NET servers print by default.
_US_DATE = re.compile(
    rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/((?:19|20)\d{{2}})(?![\d/])(?:\s+(\d{{1,2}}){_COLON}(\d{{2}})(?:{_COLON}(\d{{2}}))?"
    r"\s*([AaPp][Mm])?)?"
)
# "Dec 3, 2019", "December 3rd, 2019 08:52 PM", "3 December 2019": English bylines and meta
# values on English-language and bilingual sites.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_CLOCK_12 = rf"(?:,?\s+(\d{{1,2}}){_COLON}(\d{{2}})(?:{_COLON}(\d{{2}}))?\s*([AaPp]\.?[Mm]\.?)?)?"
_MONTH_FIRST = re.compile(
    rf"(?<![A-Za-z]){_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})(?!\d){_CLOCK_12}", re.I
)
_DAY_FIRST = re.compile(
    rf"(?<![\d/.-])(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+((?:19|20)\d{{2}})(?!\d){_CLOCK_12}", re.I
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d{2})[-_/]?(0[1-9]|1[0-2])(?=[-_/])")
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
# (No leading \b: it would stop the regex engine from skipping ahead to the names' first letters,
# which made this search cost 2 ms a page; `_script_stamp` checks the word boundary itself.)
_SCRIPT_STAMP = re.compile(
    r'(var\s+ct|publish_time|publishTime|create_time|createTime|pubTime|pub_time)\s*[=:]\s*["\']?(1\d{9})(?!\d)'
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
    if stamp := _script_stamp(html):
        found["script:" + stamp.group(1).replace("var ", "").strip()] = stamp.group(2)
    if element := _TIME_ELEMENT.search(html):
        found["time[datetime]"] = element.group(1)
    return found


def _script_stamp(html: str) -> re.Match[str] | None:
    """The first `_SCRIPT_STAMP` that starts a word (`publish_time`, not `xpublish_time`)."""
    start = 0
    while (match := _SCRIPT_STAMP.search(html, start)) is not None:
        at = match.start()
        if at == 0 or not (html[at - 1].isalnum() or html[at - 1] == "_"):
            return match
        start = at + 1
    return None


def _structured_value(key: str, value: str) -> datetime | None:
    if key.startswith("script:"):
        try:
            return datetime.fromtimestamp(int(value), SHANGHAI)
        except (ValueError, OverflowError, OSError):
            return None
    return parse_meta_date(value)


@dataclass(frozen=True)
class DateEvidence:
    """What a page offers about when it was published.

    `header`: the lines between the headline (or the page top) and the article's first line,
    and the lines the cleaner took off the article's top (where "发布时间：… 来源：…" lives);
    `footer`: the article's last lines and the few after it ("发表于 2004年12月27日",
    "本贴由…于2005年8月12日…发表"); `body`: the article text.
    """

    meta: dict[str, str]
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    info_table_date: str | None = None  # the 信息公开 box's 发布日期
    info_table_signed: str | None = None  # the 信息公开 box's 成文日期
    url: str = ""
    body: str = ""
    html: str | None = None
    fetched_at: datetime | None = None
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


def _sane(value: datetime | None, limit: datetime) -> datetime | None:
    """The date when it lies between 1990 and `limit` (the fetch time, a day of slack), else None."""
    if value is None:
        return None
    return value if datetime(1990, 1, 1, tzinfo=SHANGHAI) <= value <= limit else None


def _limit(fetched_at: datetime | None) -> datetime:
    return (fetched_at or datetime.now(SHANGHAI)) + timedelta(days=1)


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
        return _first_full_date(value) or _english_date(value, anchored=False)


def labelled_date(text: str) -> datetime | None:
    """The date after a label such as '发布时间：' / '发布日期：' / '发表于' in a line of text."""
    found = _labelled([text], set(), _limit(None))
    return found[0] if found else None


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
    """(published_at, date_source) by the order of evidence (module docstring); (None, None) when none holds."""
    limit = _limit(evidence.fetched_at)
    if (signed := _signed(evidence, limit)) is not None:
        return signed, "table:成文日期"
    for name in _META_DATE_NAMES:
        for key, value in evidence.meta.items():
            if key.lower() == name and value:
                found = _sane(parse_meta_date(value), limit)
                if found is not None:
                    return found, f"meta:{key}"
    structured = evidence.structured or {}
    for key, value in structured.items():
        if key != "time[datetime]":
            found = _sane(_structured_value(key, value), limit)
            if found is not None:
                return found, key
    years = _page_years(evidence)
    header = [line for line in evidence.header if _may_date(line)]
    footer = [line for line in evidence.footer if _may_date(line)]
    body_lines = [line for line in evidence.body.split("\n") if _may_date(line)]
    for picked in (_labelled(header, years, limit), _unlabelled(header, years, limit), _labelled(footer, years, limit),
                   _dateline(body_lines[:_DATELINE_WITHIN], limit), _posted(body_lines, limit)):
        if picked is not None:
            return picked
    if evidence.info_table_date:
        found = _sane(parse_date(evidence.info_table_date), limit)
        if found is not None:
            return found, "table:发布日期"
    found = _sane(url_date(evidence.url), limit)
    if found is not None:
        return found, "url"
    if "time[datetime]" in structured:
        found = _sane(parse_meta_date(structured["time[datetime]"]), limit)
        if found is not None:
            return found, "time[datetime]"
    found = _sane(text_date(evidence.body, _year_context(evidence)), limit)
    if found is not None:
        return found, "text"
    # htmldate last, and only for a date the article's own lines show (it also reads related
    # lists): where they show none it cannot succeed and is not run (it cost up to 14 ms a page).
    shown = _shown_dates([*evidence.header, *evidence.body.split("\n"), *evidence.footer])
    if shown and evidence.html:
        found = _sane(_htmldate(evidence.html, evidence.url), limit)
        if found is not None and found.date() in shown:
            return found, "htmldate"
    return None, None


def _signed(evidence: DateEvidence, limit: datetime) -> datetime | None:
    """The 成文日期 of a 信息公开 box that also labels a 发布日期, when it is not later than that
    发布日期 (a document is signed before it is put online; a later one is a misfilled box)."""
    if not (evidence.info_table_signed and evidence.info_table_date):
        return None
    signed = _sane(parse_date(evidence.info_table_signed), limit)
    published = parse_date(evidence.info_table_date)
    if signed is None or published is None or signed.date() > published.date():
        return None
    return signed


def _may_date(line: str) -> bool:
    """A line whose date may be the page's: not a "today" bar, not a related-articles line."""
    return bool(line) and not _NOT_PUBLICATION.search(line) and not _RELATED_LINE.search(line)


def _labelled(lines: list[str], years: set[int], limit: datetime) -> tuple[datetime, str] | None:
    for line in lines:
        text = line.translate(_FULLWIDTH)
        for match in _LABEL.finditer(text):
            window = text[match.end(): match.end() + 40]
            found = _sane(_full_or_two_digit(window, years, anchored=True), limit)
            if found is not None:
                return found, f"byline:{match.group(1)}"
        verb = _BYLINE_VERB.search(text)
        if verb is not None and (found := _sane(_first_full_date(verb.group(1)), limit)) is not None:
            return found, "byline:发表"
    return None


# An unlabelled date in the header zone counts when its line is short (a header line, not a
# sentence of the article that happens to start the zone).
_HEADER_LINE_MAX = 100


def _unlabelled(lines: list[str], years: set[int], limit: datetime) -> tuple[datetime, str] | None:
    for line in lines:
        if len(line) > _HEADER_LINE_MAX:
            continue
        found = _sane(_full_or_two_digit(line.translate(_FULLWIDTH), years, anchored=False), limit)
        if found is not None:
            return found, "byline"
    return None


# A line that is nothing but a date ("2005年1月2日", "[2005-1-2 星期日]"), or a short one opening
# with a date and naming its paper ("2003-7-24 钱江晚报"), among the article's first lines is its
# dateline.
_DATELINE_WITHIN = 10
_DATELINE_MAX = 30
_DATELINE = re.compile(
    rf"^[\[(（【\s]*(?:19|20)\d{{2}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?(?:{_TIME[3:-2]})?"
    r"\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?[\])）】\s]*$"
)
_POSTED_LINE_MAX = 120


_SENTENCE_MARK = re.compile("[，。；！？,;]")


def _dateline(lines: list[str], limit: datetime) -> tuple[datetime, str] | None:
    for line in lines:
        text = line.translate(_FULLWIDTH).strip()
        opens = (len(text) <= _DATELINE_MAX and not _SENTENCE_MARK.search(text)
                 and (match := _NUMERIC.match(text.lstrip("[(（【"))) is not None and match.start() == 0)
        if (_DATELINE.match(text) or opens) and (found := _sane(_first_full_date(text), limit)) is not None:
            return found, "byline"
    return None


def _posted(lines: list[str], limit: datetime) -> tuple[datetime, str] | None:
    """A forum post's own byline anywhere in it: "本贴由大卫于2005年8月12日16:12:21在〖…〗发表"."""
    for line in lines:
        if len(line) <= _POSTED_LINE_MAX and (verb := _BYLINE_VERB.search(line.translate(_FULLWIDTH))):
            found = _sane(_first_full_date(verb.group(1)), limit)
            if found is not None:
                return found, "byline:发表"
    return None


def _full_or_two_digit(text: str, years: set[int], *, anchored: bool) -> datetime | None:
    """A full date in `text` (at its start when `anchored`: right after a label); else a
    two-digit-year date ('18-03-08'), read by the page's other years."""
    if anchored:
        text = text.lstrip(" [(（【")
        if not text[:1] or not (text[0].isdigit() or text[0] in _CN_DIGITS or _MONTH_FIRST.match(text)):
            return None
    found = _first_full_date(text) or _english_date(text, anchored=anchored)
    if found is not None:
        return found
    us = _US_DATE.match(text) if anchored else _US_DATE.search(text)
    if us is not None:
        return _us_date(us)
    match = _TWO_DIGIT_YEAR.match(text) if anchored else _TWO_DIGIT_YEAR.search(text)
    if match is None:
        return None
    first, second, third = (int(g) for g in match.group(1, 2, 3))
    time = match.group(4, 5, 6)
    as_ymd = _build(2000 + first, second, third, *time)  # 18-03-08: 2018-03-08, the Chinese order
    as_dmy = _build(2000 + third, second, first, *time)  # 18-03-08: 18 March 2008
    if as_dmy is not None and (as_ymd is None or (as_dmy.year in years and as_ymd.year not in years)):
        return as_dmy
    return as_ymd


def _english_date(text: str, *, anchored: bool) -> datetime | None:
    """A date with the month in English words: "Dec 3, 2019 08:52 PM" or "3 December 2019"."""
    if not any(month in text.lower() for month in _MONTHS):
        return None
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.match(text) if anchored else pattern.search(text)
        if match is None:
            continue
        word, day = (match.group(1), match.group(2)) if pattern is _MONTH_FIRST else (match.group(2), match.group(1))
        hour, minute, second, half = match.group(4, 5, 6, 7)
        if hour is not None and half:
            hour = str(int(hour) % 12 + (12 if half[0].lower() == "p" else 0))
        return _build(int(match.group(3)), _MONTHS.index(word[:3].lower()) + 1, int(day), hour, minute, second)
    return None


def _us_date(match: re.Match[str]) -> datetime | None:
    """Month first (en-US), unless the first number cannot be a month; 12-hour clock with AM/PM."""
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    month, day = (second, first) if first > 12 else (first, second)
    hour, minute, second_of = match.group(4, 5, 6)
    if hour is not None and match.group(7):
        hour = str(int(hour) % 12 + (12 if match.group(7).lower() == "pm" else 0))
    return _build(year, month, day, hour, minute, second_of)


def _page_years(evidence: DateEvidence) -> set[int]:
    """Years of the full dates the page's header, footer and opening show."""
    text = "\n".join([*evidence.header, *evidence.footer, evidence.body[:2000]])
    return {int(y) for y in _YEAR.findall(text)}


def _year_context(evidence: DateEvidence) -> datetime | None:
    """The latest date a year-less date may have, from a year the page states: its URL's year and
    month, else a "2019年" in its header lines. None when the page states no year."""
    match = _URL_YEAR_MONTH.search(evidence.url or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        return datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=SHANGHAI) - timedelta(days=1)
    years = [int(y) for line in evidence.header for y in _YEAR_IN_TEXT.findall(line)]
    return datetime(max(years), 12, 31, tzinfo=SHANGHAI) if years else None


def _shown_dates(lines: list[str]) -> set[date]:
    """The full dates the article's own lines show (not "today" bars, not related-article lines)."""
    shown: set[date] = set()
    for line in lines:
        if not _may_date(line):
            continue
        text = line.translate(_FULLWIDTH)
        for pattern in (_NUMERIC, _CHINESE):
            for match in pattern.finditer(text):
                value = _first_full_date(match.group(0))
                if value is not None:
                    shown.add(value.date())
    return shown
