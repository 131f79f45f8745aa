"""Exports of a whole result set (every hit, not one page): CSV, XLSX and JSON Lines, streamed.

The hits are read from Meilisearch in pages of BATCH through the same filters, OR expansion,
reprint folding and (for a semantic search) vector and relevance floor as the search page, so an
export holds exactly what the page counts. Meilisearch cannot page past `maxTotalHits` (10,000,
config/index_settings.yaml), so an export holds at most EXPORT_CAP hits; a larger result set is
refused with a message saying how to narrow it, never cut short silently.

The table formats are written for people first: headers in the interface language (Chinese by
default, English with `lang=en`), labels instead of codes, the region path, the date and where it
was found, the reprint count, absolute links to the document page and its archived copy (`full=1`
adds the text). Then come the code columns, named by their document field in either language so a
script reading them does not depend on the language: `id`, the column of every facet of the
registry (a new facet is exported without an edit here, and with a labelled column too), the raw
`date_source`, `status`, `region_codes`, `cluster_id`. JSON Lines holds every document whole, plus
`doc_url` and `archive_url`.

CSV is UTF-8 with a BOM (Excel opens Chinese correctly only then); crawled text that a spreadsheet
could run as a formula is prefixed with an apostrophe (CSV injection, see `defuse`). XLSX is written by xlsxwriter
in constant-memory mode to a temporary file (a zip cannot be streamed while it is written), then
streamed out; every cell is written as a string, never as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from config.errors import BadInput
from config.vocabulary import DateSource, DocStatus, EventType, IssuerLevel, Labelled, SourceKind
from search_ui import runner
from search_ui.facets import Facet, FacetRegistry
from search_ui.i18n import Translator
from search_ui.query import TZ, PlannedSearch, SearchParams, common_params, date_sort, filter_without, planned
from search_ui.semantic import Semantic
from search_ui.service import call_search, public_fields
from search_ui.syntax import parse_query
from search_ui.timeline import Timeline

EXPORT_CAP = 10_000          # = pagination.maxTotalHits
BATCH = 1000
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
# OWASP "CSV injection": a cell whose first character is one of these, once blanks and control
# characters before it are skipped, is neutralised. `;` starts a formula in some locales' CSV import.
FORMULA_TRIGGERS = frozenset("=+-@;")
LIST_JOINER = {"zh": "；", "en": "; "}
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


@dataclass(frozen=True)
class Links:
    """Where a document's own pages are: `base` is the site's absolute address ending with "/"."""

    base: str
    archive: bool = False        # the server keeps archived copies (a catalog is configured)

    def page(self, doc: dict[str, Any]) -> str:
        return f"{self.base}doc/{doc['id']}"

    def archived(self, doc: dict[str, Any]) -> str:
        return f"{self.base}archive/{doc['id']}" if self.archive else ""


@dataclass(frozen=True)
class Column:
    """One column of the table formats: its header in each language, and its value for a document."""

    name: str                    # the header of a code column; the i18n-free id of a labelled one
    zh: str
    en: str
    value: Callable[[dict[str, Any], Translator, Links], Any]

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def _label(vocabulary: type[Labelled], field_name: str) -> Callable[[dict[str, Any], Translator, Links], str]:
    return lambda doc, t, links: t.code(vocabulary, doc.get(field_name))


def _region(doc: dict[str, Any]) -> str:
    region = doc.get("region") or {}
    return region.get("lvl2") or region.get("lvl1") or region.get("lvl0") or ""


def _date(ts: Any) -> str:
    return datetime.fromtimestamp(int(ts), TZ).strftime("%Y-%m-%d %H:%M") if ts else ""


# the labelled columns, for people; `body` only with full=1
LABELLED = (
    Column("title", "标题", "Title", lambda d, t, links: d.get("title")),
    Column("published_date", "发布日期", "Published", lambda d, t, links: d.get("published_date")),
    Column("date_found", "日期来源", "Date found in", lambda d, t, links: DateSource.describe(d.get("date_source"), t.lang)),
    Column("issuer", "发布机构", "Issuer", lambda d, t, links: d.get("issuer")),
    Column("issuer_level_label", "机构层级", "Issuer level", _label(IssuerLevel, "issuer_level")),
    Column("region_path", "地区", "Region", lambda d, t, links: _region(d)),
    Column("hazard_labels", "隐患类别", "Hazards", lambda d, t, links: [t.hazard(c) for c in d.get("hazards") or []]),
    Column("event_type_label", "事件类型", "Event type", _label(EventType, "event_type")),
    Column("safety_label", "安全相关", "Safety related", lambda d, t, links: bool(d.get("safety_related"))),
    Column("source_type_label", "来源类型", "Source kind", _label(SourceKind, "source_type")),
    Column("site_name", "网站", "Site", lambda d, t, links: d.get("site_name")),
    Column("doc_number", "文号", "Document number", lambda d, t, links: d.get("doc_number")),
    Column("reprints", "转载数", "Reprints", lambda d, t, links: d.get("reprints") or 0),
    Column("status_label", "状态", "Status", _label(DocStatus, "status")),
    Column("first_seen", "首次收录", "First seen", lambda d, t, links: _date(d.get("first_seen"))),
    Column("last_changed", "最近修改", "Last changed", lambda d, t, links: _date(d.get("last_changed"))),
    Column("doc_url", "文档页", "Document page", lambda d, t, links: links.page(d)),
    Column("archive_url", "存档副本", "Archived copy", lambda d, t, links: links.archived(d)),
    Column("url", "原文网址", "Original URL", lambda d, t, links: d.get("url")),
    Column("lead", "摘要", "Lead", lambda d, t, links: d.get("lead")),
)
BODY = Column("body", "正文", "Text", lambda d, t, links: d.get("body"))
# facets whose labelled column is above (the registry's `column`); any other facet gets one of its own
LABELLED_FACETS = frozenset({"region", "hazards", "source_type", "issuer_level", "event_type", "safety_related"})


def _code(field_name: str) -> Column:
    return Column(field_name, field_name, field_name, lambda d, t, links: _raw(d.get(field_name)))


def _raw(value: Any) -> Any:
    """A code column's value: as the document holds it, lists joined by ";" whatever the language."""
    if isinstance(value, list):
        return ";".join(str(_raw(v)) for v in value)
    return "true" if value is True else "false" if value is False else value


def _facet_label(facet: Facet) -> Column:
    def value(doc: dict[str, Any], t: Translator, links: Links) -> Any:
        raw = doc.get(facet.attribute)
        values = raw if isinstance(raw, list) else [] if raw is None else [raw]
        return [facet.label(str(v), t) for v in values]

    title = facet.title if isinstance(facet.title, dict) else {"zh": "", "en": ""}
    return Column(f"{facet.column}_label", title.get("zh") or facet.param, title.get("en") or facet.param, value)


def columns(registry: FacetRegistry, full: bool = False) -> tuple[Column, ...]:
    """The labelled columns (the body with `full`), a labelled column for any facet not among them,
    then the code columns."""
    extra = [_facet_label(f) for f in registry if f.column not in LABELLED_FACETS and isinstance(f.title, dict)]
    written = {c.name for c in LABELLED}           # free text written as is (issuer, site) needs no code column
    codes = ["id", *(f.column for f in registry if f.column != "region" and f.column not in written), "date_source",
             "status", "region_codes", "cluster_id"]
    return (*LABELLED, *([BODY] if full else []), *extra, *(_code(name) for name in dict.fromkeys(codes)))


class ExportTooLarge(BadInput):
    """The result set is above EXPORT_CAP; the message tells the user what to do."""


def too_large_message(total: int) -> str:
    return (f"This search has {total:,} results; an export holds at most {EXPORT_CAP:,}. "
            "Narrow it (a date range, a region or a hazard) and export each part.")


def batch_search(p: SearchParams, page: int, semantic: Semantic | None = None) -> PlannedSearch:
    """One page of BATCH hits of the search `p`, with nothing the export does not use."""
    parsed = parse_query(p.q)
    params: dict[str, Any] = {
        "filter": filter_without(p) or None,
        "page": page,
        "hitsPerPage": BATCH,
        **common_params(p, parsed),
    }
    if p.effective_sort != "relevance":           # date or date_asc
        params["sort"] = date_sort(p)
    search = planned("export", parsed, params)
    return semantic.apply(search) if semantic else search


class ExportSource:
    """Reads every hit of a search, batch by batch. The first batch is read on creation, so a
    refusal (too many hits, search down) happens before any byte of the response is sent."""

    def __init__(self, reader: Any, params: SearchParams, semantic: Semantic | None = None):
        self._reader = reader
        self.params = replace(params, page=1)
        self.semantic = semantic
        first = self._fetch(1)
        self.total = int(first.get("totalHits") or first.get("estimatedTotalHits") or 0)
        if self.total > EXPORT_CAP:
            raise ExportTooLarge(too_large_message(self.total))
        self._first = first

    def _fetch(self, page: int) -> dict[str, Any]:
        return call_search(runner.run, self._reader, [batch_search(self.params, page, self.semantic)])[0]

    def documents(self) -> Iterator[dict[str, Any]]:
        answer, page, sent = self._first, 1, 0
        while True:
            hits = answer.get("hits") or []
            for hit in hits:
                yield public_fields(hit)
            sent += len(hits)
            if len(hits) < BATCH or sent >= self.total:
                return
            page += 1
            answer = self._fetch(page)


def cell(value: Any, lang: str = "zh") -> str:
    """A value as one spreadsheet cell: lists joined, booleans yes / no in the interface language."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, list):
        return LIST_JOINER[lang].join(cell(v, lang) for v in value)
    return str(value)


@dataclass(frozen=True)
class Table:
    """What a table export needs besides the documents: its columns, language and links."""

    columns: tuple[Column, ...]
    t: Translator
    links: Links

    def header(self) -> list[str]:
        return [c.header(self.t.lang) for c in self.columns]

    def row(self, doc: dict[str, Any]) -> list[str]:
        return [cell(c.value(doc, self.t, self.links), self.t.lang) for c in self.columns]


def _control(char: str) -> bool:
    """Tab, CR, LF, NUL and the other control and format characters (zero-width space, BOM…)."""
    return unicodedata.category(char) in ("Cc", "Cf")


def defuse(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: prefixed with an apostrophe when it starts
    with a control character, or when its first character after blanks and control characters
    is one of FORMULA_TRIGGERS."""
    if text and _control(text[0]):
        return "'" + text
    first = next((c for c in text if not (c.isspace() or _control(c))), "")
    return "'" + text if first in FORMULA_TRIGGERS else text


def csv_rows(rows: Iterator[list[str]], rows_per_chunk: int = 200) -> Iterator[bytes]:
    """Rows (the header first) as UTF-8 CSV with a BOM, every cell defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for n, cells in enumerate(rows):
        writer.writerow([defuse(text) for text in cells])
        if n % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def csv_chunks(docs: Iterator[dict[str, Any]], table: Table) -> Iterator[bytes]:
    return csv_rows(_table_rows(docs, table))


def _table_rows(docs: Iterator[dict[str, Any]], table: Table) -> Iterator[list[str]]:
    yield table.header()
    for doc in docs:
        yield table.row(doc)


def jsonl_chunks(docs: Iterator[dict[str, Any]], table: Table) -> Iterator[bytes]:
    """Every document whole, one per line, with the absolute links of its document page and archived copy."""
    for doc in docs:
        out = {**doc, "doc_url": table.links.page(doc), "archive_url": table.links.archived(doc) or None}
        yield (json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8")


def xlsx_chunks(docs: Iterator[dict[str, Any]], table: Table, chunk_bytes: int = 64 * 1024) -> Iterator[bytes]:
    import xlsxwriter

    handle, path = tempfile.mkstemp(prefix="gonggao-export-", suffix=".xlsx")
    os.close(handle)
    try:
        workbook = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_urls": False, "strings_to_numbers": False})
        sheet = workbook.add_worksheet(table.t("results"))
        bold = workbook.add_format({"bold": True})
        for col, name in enumerate(table.header()):
            sheet.write_string(0, col, name, bold)
        sheet.freeze_panes(1, 0)
        for r, doc in enumerate(docs, 1):
            for col, text in enumerate(table.row(doc)):
                if text:
                    sheet.write_string(r, col, text[:32767])      # Excel's cell limit
        workbook.close()
        with open(path, "rb") as f:
            while chunk := f.read(chunk_bytes):
                yield chunk
    finally:
        os.unlink(path)


WRITERS: dict[str, Callable[[Iterator[dict[str, Any]], Table], Iterator[bytes]]] = {
    "csv": csv_chunks,
    "xlsx": xlsx_chunks,
    "jsonl": jsonl_chunks,
}


def filename(fmt: str) -> str:
    stamp = datetime.now(TZ).strftime("%Y%m%d-%H%M")
    return f"gonggao-{stamp}.{fmt}"


def timeline_rows(tl: Timeline, t: Translator) -> Iterator[list[str]]:
    """The timeline's data, as the chart draws it: one row per period, documents then every hazard
    (a document counts under each of its hazards)."""
    hazards = [t.hazard(code) + (f" ({code})" if t.hazard(code) != code else "") for code in tl.series]
    yield [t("period"), t("date_from"), t("date_to"), t("timeline_y"), *hazards]
    for b in tl.buckets:
        yield [b.key, b.start.isoformat(), b.end.isoformat(), str(b.total), *(str(b.by_hazard.get(c, 0)) for c in tl.series)]
