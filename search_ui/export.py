"""Exports of a whole result set (every hit, not one page): CSV, XLSX and JSON Lines, streamed.

The hits are read from Meilisearch in pages of BATCH through the same filters, OR expansion and
reprint folding as the search page, so an export holds exactly what the page counts. Meilisearch
cannot page past `maxTotalHits` (10,000, config/index_settings.yaml), so an export holds at most
EXPORT_CAP hits; a larger result set is refused with a message saying how to narrow it, never cut
short silently.

The columns are BASE_COLUMNS, then the column of every facet of the registry not among them, so
a new facet is exported without an edit here.

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
from dataclasses import replace
from datetime import datetime
from typing import Any

from config.errors import BadInput
from search_ui import runner
from search_ui.facets import FacetRegistry
from search_ui.query import TZ, PlannedSearch, SearchParams, common_params, date_sort, filter_without, planned
from search_ui.service import call_search
from search_ui.syntax import parse_query

EXPORT_CAP = 10_000          # = pagination.maxTotalHits
BATCH = 1000
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
BASE_COLUMNS = ("id", "published_date", "date_source", "title", "issuer", "issuer_level", "province", "city", "county", "region",
                "hazards", "primary_hazard", "event_type", "safety_related", "source_type", "site_name", "doc_number",
                "status", "first_seen", "last_changed", "reprints", "cluster_id", "url", "lead")
# OWASP "CSV injection": a cell whose first character is one of these, once blanks and control
# characters before it are skipped, is neutralised. `;` starts a formula in some locales' CSV import.
FORMULA_TRIGGERS = frozenset("=+-@;")


def columns(registry: FacetRegistry) -> tuple[str, ...]:
    return BASE_COLUMNS + tuple(dict.fromkeys(f.column for f in registry if f.column not in BASE_COLUMNS))


class ExportTooLarge(BadInput):
    """The result set is above EXPORT_CAP; the message tells the user what to do."""


def too_large_message(total: int) -> str:
    return (f"This search has {total:,} results; an export holds at most {EXPORT_CAP:,}. "
            "Narrow it (a date range, a region or a hazard) and export each part.")


def batch_search(p: SearchParams, page: int) -> PlannedSearch:
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
    return planned("export", parsed, params)


class ExportSource:
    """Reads every hit of a search, batch by batch. The first batch is read on creation, so a
    refusal (too many hits, search down) happens before any byte of the response is sent."""

    def __init__(self, reader: Any, params: SearchParams):
        self._reader = reader
        self.params = replace(params, page=1)
        first = self._fetch(1)
        self.total = int(first.get("totalHits") or first.get("estimatedTotalHits") or 0)
        if self.total > EXPORT_CAP:
            raise ExportTooLarge(too_large_message(self.total))
        self._first = first

    def _fetch(self, page: int) -> dict[str, Any]:
        return call_search(runner.run, self._reader, [batch_search(self.params, page)])[0]

    def documents(self) -> Iterator[dict[str, Any]]:
        answer, page, sent = self._first, 1, 0
        while True:
            hits = answer.get("hits") or []
            for hit in hits:
                yield {k: v for k, v in hit.items() if not k.startswith("_")}
            sent += len(hits)
            if len(hits) < BATCH or sent >= self.total:
                return
            page += 1
            answer = self._fetch(page)


def _date(ts: Any) -> str:
    return datetime.fromtimestamp(int(ts), TZ).strftime("%Y-%m-%d %H:%M") if ts else ""


def cell(value: Any) -> str:
    """A document value as one spreadsheet cell: lists joined with ";", booleans yes / no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(cell(v) for v in value)
    return str(value)


def row(doc: dict[str, Any], names: tuple[str, ...]) -> list[str]:
    """One flat row of the columns `names`, every value a string."""
    region = doc.get("region") or {}
    values: dict[str, Any] = {
        **doc,
        "region": region.get("lvl2") or region.get("lvl1") or region.get("lvl0") or "",
        "first_seen": _date(doc.get("first_seen")),
        "last_changed": _date(doc.get("last_changed")),
    }
    return [cell(values.get(c)) for c in names]


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


def csv_chunks(docs: Iterator[dict[str, Any]], names: tuple[str, ...], rows_per_chunk: int = 200) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(names)
    for n, doc in enumerate(docs, 1):
        writer.writerow([defuse(text) for text in row(doc, names)])
        if n % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def jsonl_chunks(docs: Iterator[dict[str, Any]], names: tuple[str, ...] = ()) -> Iterator[bytes]:
    """Every document whole, one per line (`names` is for the table formats)."""
    for doc in docs:
        yield (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")


def xlsx_chunks(docs: Iterator[dict[str, Any]], names: tuple[str, ...], chunk_bytes: int = 64 * 1024) -> Iterator[bytes]:
    import xlsxwriter

    handle, path = tempfile.mkstemp(prefix="gonggao-export-", suffix=".xlsx")
    os.close(handle)
    try:
        workbook = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_urls": False, "strings_to_numbers": False})
        sheet = workbook.add_worksheet("results")
        bold = workbook.add_format({"bold": True})
        for col, name in enumerate(names):
            sheet.write_string(0, col, name, bold)
        for r, doc in enumerate(docs, 1):
            for col, text in enumerate(row(doc, names)):
                if text:
                    sheet.write_string(r, col, text[:32767])      # Excel's cell limit
        workbook.close()
        with open(path, "rb") as f:
            while chunk := f.read(chunk_bytes):
                yield chunk
    finally:
        os.unlink(path)


WRITERS: dict[str, Callable[[Iterator[dict[str, Any]], tuple[str, ...]], Iterator[bytes]]] = {
    "csv": csv_chunks,
    "xlsx": xlsx_chunks,
    "jsonl": jsonl_chunks,
}


def filename(fmt: str) -> str:
    stamp = datetime.now(TZ).strftime("%Y%m%d-%H%M")
    return f"gonggao-{stamp}.{fmt}"
