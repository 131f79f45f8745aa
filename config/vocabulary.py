"""The words Gonggao's parts share, defined once: codes with their Chinese and English labels.

Each vocabulary is a `StrEnum`, so a member *is* its code (`SourceKind.GOV == "gov"`): it goes
into the catalog, the index, URLs and JSON unchanged, and `str` comparisons keep working. The
labels live on the member (`SourceKind.GOV.label("en")`), so the web app, the exports and the
CLI never restate them. Config validation, the `Document` model, the facet registry and the
crawler's error classification all import from here (the shape of httpx's `codes`).

Codes are a contract with the catalog and with users' saved URLs: add members freely, rename
only with a migration.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A code with its zh / en labels. Members are declared as `NAME = code, zh, en`."""

    zh: str
    en: str

    def __new__(cls, code: str, zh: str = "", en: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.zh = zh or code
        member.en = en or code
        return member

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @classmethod
    def parse(cls, value: str) -> Self | None:
        """The member whose code is `value`, or None."""
        try:
            return cls(value)
        except ValueError:
            return None


class SourceKind(Labelled):
    """What a site is (a facet value). How to read it is its `Layout`."""

    GOV = "gov", "政府网站", "Government site"
    NEWS = "news", "新闻媒体", "News"
    AGGREGATOR = "aggregator", "转载平台", "Aggregator"
    EPAPER = "epaper", "电子报", "E-paper"


class Layout(StrEnum):
    """How a source's article pages are read: one article per page, or an e-paper page holding
    several. A site whose pages need more than this names an adapter class instead."""

    ARTICLE = "article"
    EPAPER = "epaper"


class IssuerLevel(Labelled):
    NATIONAL = "national", "国家级", "National"
    PROVINCE = "province", "省级", "Province"
    CITY = "city", "市级", "City"
    COUNTY = "county", "县级", "County"
    TOWNSHIP = "township", "乡镇", "Township"
    SCHOOL = "school", "学校", "School"


class EventType(Labelled):
    """What an announcement reports. `REPORT` is the default for a text that names no event."""

    MEETING = "meeting", "会议", "Meeting"
    INSPECTION = "inspection", "检查", "Inspection"
    DRILL = "drill", "演练", "Drill"
    TRAINING = "training", "培训教育", "Training"
    NOTICE = "notice", "通知提示", "Notice"
    REPORT = "report", "报道", "Report"


class DateSource(Labelled):
    """Where a document's publication date was found: the kind that starts its `date_source`
    ("meta:PubDate", "byline:发布时间", "table:成文日期", "url", …; indexer/extract/dates.py:pick_date)."""

    META = "meta", "网页元数据", "page metadata"
    JSONLD = "jsonld", "结构化数据", "structured data"
    SCRIPT = "script", "页面脚本", "page script"
    TIME = "time", "网页时间标记", "time element"
    BYLINE = "byline", "页面所示日期", "date shown on the page"
    TABLE = "table", "信息公开表格", "disclosure table"
    URL = "url", "网址中的日期", "date in the URL"
    TEXT = "text", "正文中的日期", "date in the text"
    HTMLDATE = "htmldate", "推断（htmldate）", "inferred (htmldate)"

    @classmethod
    def describe(cls, source: str | None, lang: str = "zh") -> str:
        """A `date_source` for people: its kind's label, then what it names ("页面所示日期（发布时间）")."""
        if not source:
            return ""
        kind, _, detail = source.replace("[", ":[", 1).partition(":")
        member = cls.parse(kind)
        if member is None:
            return source
        detail = detail.strip("[]")
        if not detail or detail == "datetime":
            return member.label(lang)
        return f"{member.label(lang)}（{detail}）" if lang == "zh" else f"{member.label(lang)} ({detail})"


class DocStatus(Labelled):
    LIVE = "live", "在线", "live"
    EDITED = "edited", "已修改", "edited"
    REMOVED = "removed", "已撤下", "removed"


class ErrorKind(Labelled):
    """What went wrong with one URL of a crawl (`crawl_errors.kind`); the status page groups by it."""

    DNS = "dns", "域名解析失败", "DNS lookup failed"
    CONNECT = "connect", "连接被拒绝", "connection refused"
    TIMEOUT = "timeout", "超时", "timed out"
    RESET = "reset", "连接中断", "connection broken"
    HTTP_4XX = "http_4xx", "HTTP 4xx", "HTTP 4xx"
    HTTP_5XX = "http_5xx", "HTTP 5xx", "HTTP 5xx"
    RATE_LIMITED = "rate_limited", "被限速", "rate limited"
    REDIRECT_LOOP = "redirect_loop", "重定向循环", "redirect loop"
    TOO_LARGE = "too_large", "超过大小上限", "too large"
    BINARY = "binary", "二进制内容", "binary data"
    NOT_HTML = "not_html", "不是网页", "not HTML"
    NEEDS_BROWSER = "needs_browser", "需要浏览器", "needs a browser"
    ROBOTS = "robots", "robots.txt 禁止", "forbidden by robots.txt"
    IGNORED = "ignored", "已忽略", "ignored"
    NO_ARTICLE = "no_article", "没有正文", "no article"
    EXTRACT = "extract", "提取出错", "extraction failed"
    ATTACHMENT_UNREADABLE = "attachment_unreadable", "附件无法读取", "attachment unreadable"
    STORAGE = "storage", "存储出错", "storage failed"
    DISK_FULL = "disk_full", "磁盘已满", "disk full"
    OTHER = "other", "其他错误", "other"


# Kinds recorded for the operator's information that do not make a run "failing".
NOT_COUNTED_AS_ERRORS = frozenset(
    {ErrorKind.ROBOTS, ErrorKind.NOT_HTML, ErrorKind.NO_ARTICLE, ErrorKind.ATTACHMENT_UNREADABLE}
)


class RunState(Labelled):
    """The state of one crawl run (`crawl_runs.state`)."""

    RUNNING = "running", "运行中", "running"
    OK = "ok", "成功", "ok"
    FAILED = "failed", "失败", "failed"
    NEEDS_BROWSER = "needs_browser", "需要浏览器", "needs a browser"
    INTERRUPTED = "interrupted", "中断", "interrupted"


class PageState(Labelled):
    """What became of one fetched URL (`pages.state`)."""

    OK = "ok", "已入库", "stored"
    SKIPPED = "skipped", "已跳过", "skipped"
    ERROR = "error", "出错", "error"
    REMOVED = "removed", "已撤下", "removed"


class Health(Labelled):
    """A source's health, derived from its last runs."""

    OK = "ok", "正常", "ok"
    FAILING = "failing", "失败", "failing"
    NEEDS_BROWSER = "needs_browser", "需要浏览器", "needs a browser"
    NEVER = "never", "尚未运行", "not run yet"


class CheckVerdict(Labelled):
    """What a live probe of a source concluded (`gonggao sources check`, table `source_checks`)."""

    OK = "ok", "正常", "ok"
    ATTENTION = "needs_attention", "需要关注", "needs attention"
    BROKEN = "broken", "失效", "broken"
