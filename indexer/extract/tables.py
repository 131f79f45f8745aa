"""The table-layout reader: which <table>s are page layout and which hold data.

County and township sites are often table-layout CMSs of the 2000s: the whole page is nested
tables, the article sits in one cell, menus, breadcrumbs, "今天是…" bars, polls and footers sit
in others. Read as tables they become `| a | b |` text. Every table is one of:

- **empty**: no text (spacers, image frames): dropped;
- **form**: search boxes, logins, polls (input / select / textarea, little prose): dropped;
- **navigation**: a link list (most of its text is link text, little else), or a calendar
  widget (a grid of day numbers): becomes a `<nav>`, which no text pass reads (a byline row
  such as "2004-12-10 11:55:08 来源:…" sharing the table with links stays visible to the date
  reader);
- **data**: a grid of at least two rows with two or more filled cells each, no table inside,
  short cells (a schedule, a list of inspected schools, the 信息公开 box): kept as a table;
- **layout**: anything else (one-cell wrappers, page grids): its cells are read as blocks.

`mark_tables` decides, innermost table first, on the tree every later stage reads: it drops the
first two kinds, turns navigation into `<nav>` and marks the others (`data-gonggao-table`),
returning the rows of each data table. A page wrapped whole in one `<form>` (ASP.NET pages)
gets its form turned into a `<div>`: text passes drop forms. Marking leaves tag names alone, so per-source CSS selectors still match. After the page
facts are read, `apply_table_marks` turns layout tables into plain blocks and each data table
into a placeholder line; `indexer.extract.choose.assemble` puts the rows of the tables that sit
among the article's lines back as tab-separated lines (`fill_placeholders` where a selector
names the content).

The reader works on the lxml tree, in place. beautifulsoup4 was measured for it first: its
parse alone took 17–41 ms a page on cwced-zh (plain trafilatura takes 55–105 ms for the whole
page), and with it extraction ran at 0.50 × plain trafilatura, under the 0.8 floor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

ATTR = "data-gonggao-table"
LAYOUT = "layout"
_STRUCTURE = ("thead", "tbody", "tfoot", "tr", "td", "th", "caption")
_CONTROLS = ("input", "select", "textarea", "button")
_ATTACHMENT = re.compile(r"\.(pdf|docx?|xlsx?|wps|ofd|zip|rar|et|pptx?)(?:$|[?#])", re.I)
_MARKER = "⟦gonggao-table-{}⟧"
# A placeholder line is only a mark: which tables belong to the article is decided by their
# position among the article's lines (`indexer.extract.pagelines`), not by the text passes.
# (Placeholders carrying the table's text changed what the passes chose: a precision pass
# took a 400-word placeholder for the article and dropped the prose; a 20-word one it dropped.)
MARKER_LINE = re.compile(r"^\s*⟦gonggao-table-(\d+)⟧\s*$")
_VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]",
                            smart_strings=False)
_LINK_TEXT = etree.XPath(".//a[@href]//text()[not(ancestor::script or ancestor::style)]", smart_strings=False)
# The same without the ancestor tests, for the many tables with no script, style or noscript in or
# around them: the tests walk each text node's ancestors up to the root and made `_stats` 2.6 times
# slower (measured over the 1,098 tables of both corpora; the results are the same).
_ALL_TEXT = etree.XPath(".//text()", smart_strings=False)
_ALL_LINK_TEXT = etree.XPath(".//a[@href]//text()", smart_strings=False)
_HIDES_TEXT = etree.XPath("boolean(.//script|.//style|.//noscript|ancestor::script|ancestor::style|ancestor::noscript)")
_HREFS = etree.XPath(".//a/@href", smart_strings=False)
_PUNCT_RE = re.compile("[。，；！？、：]")
_OWN_ROWS = etree.XPath("./tr|./tbody/tr|./thead/tr|./tfoot/tr")
_CELLS = etree.XPath("./td|./th")
_DAY_NUMBER = re.compile(r"^\d{1,2}$")

# Thresholds, measured on the table-layout pages of ../shared/corpus/cwced-zh: navigation bars,
# link columns and "related" lists carry ≥ 60 % link text and under 100 characters of anything
# else; one article cell alone carries hundreds. A form table holds a control and a few labels.
_NAV_LINK_SHARE = 0.5
_NAV_MAX_OTHER = 150
_FORM_MAX_OTHER = 100
# A data cell is a value, a name, a time, a short remark; a cell holding a paragraph of the
# article makes its table a layout table.
_DATA_CELL_MAX = 200
_DATA_MEDIAN_CELL_MAX = 40
_DATA_LINK_SHARE_MAX = 0.5
# A form holding more text than this wraps the page (search boxes and logins hold a few labels).
_PAGE_FORM_CHARS = 500
# A calendar widget: at least four weeks of day numbers.
_CALENDAR_DAYS = 28


@dataclass
class MarkedTables:
    """What `mark_tables` decided: the rows of each data table by number, and how many tables went."""

    tables: list[list[list[str]]] = field(default_factory=list)
    dropped: int = 0


@dataclass
class _Stats:
    text: int = 0
    link: int = 0
    punct: int = 0
    attachments: int = 0


def _squash(text: str) -> str:
    return "".join(text.split())


def _stats(table: HtmlElement) -> _Stats:
    hides = _HIDES_TEXT(table)
    text = _squash("".join((_VISIBLE_TEXT if hides else _ALL_TEXT)(table)))
    return _Stats(
        text=len(text),
        link=len(_squash("".join((_LINK_TEXT if hides else _ALL_LINK_TEXT)(table)))),
        punct=len(_PUNCT_RE.findall(text)),
        attachments=sum(1 for href in _HREFS(table) if _ATTACHMENT.search(href)),
    )


def _rows(table: HtmlElement) -> list[list[str]]:
    """The table's own rows (not those of tables inside it) as lists of cell texts."""
    return [[" ".join(cell.text_content().split()) for cell in _CELLS(row)] for row in _OWN_ROWS(table)]


def _controls(table: HtmlElement) -> int:
    return sum(1 for node in table.iter(*_CONTROLS) if (node.get("type") or "").lower() != "hidden")


def classify(table: HtmlElement) -> str:
    """'empty', 'form', 'navigation', 'data' or 'layout' for one table (tables inside it already decided)."""
    stats = _stats(table)
    if stats.text == 0:
        return "empty" if not stats.attachments else LAYOUT
    other = stats.text - stats.link
    if _controls(table) and other < _FORM_MAX_OTHER and stats.punct <= 2:
        return "form"
    if not stats.attachments and stats.link >= _NAV_LINK_SHARE * stats.text and other < _NAV_MAX_OTHER:
        return "navigation"
    if table.find(".//table") is not None or stats.link > _DATA_LINK_SHARE_MAX * stats.text:
        return LAYOUT
    rows = [[cell for cell in row if cell] for row in _rows(table)]
    rows = [row for row in rows if row]
    if sum(1 for row in rows for cell in row if _DAY_NUMBER.match(cell)) >= _CALENDAR_DAYS:
        return "navigation"
    return "data" if _is_grid(rows) else LAYOUT


def _is_grid(rows: list[list[str]]) -> bool:
    grid = [row for row in rows if len(row) >= 2]
    if len(grid) < 2 or len(grid) < 0.5 * len(rows):
        return False
    cells = sorted(len(_squash(cell)) for row in rows for cell in row)
    return cells[-1] <= _DATA_CELL_MAX and cells[len(cells) // 2] <= _DATA_MEDIAN_CELL_MAX


def mark_tables(tree: HtmlElement) -> MarkedTables:
    """Decide every table of the tree, innermost first, in place; see the module docstring."""
    marked = MarkedTables()
    for form in tree.iter("form"):
        if len(_squash("".join(_VISIBLE_TEXT(form)))) > _PAGE_FORM_CHARS:
            form.tag = "div"
    for table in reversed(list(tree.iter("table"))):  # document order reversed: inner tables first
        kind = classify(table)
        if kind in ("empty", "form"):
            if table.getparent() is not None:
                table.drop_tree()
                marked.dropped += 1
        elif kind == "navigation":
            _unwrap(table)
            table.tag = "nav"
        elif kind == "data":
            table.set(ATTR, str(len(marked.tables)))
            marked.tables.append([row for row in _rows(table) if any(row)])
        else:
            table.set(ATTR, LAYOUT)
    return marked


def apply_table_marks(tree: HtmlElement, *, keep_data: bool = True) -> None:
    """Layout tables become blocks; each data table a placeholder paragraph (or blocks too,
    when not `keep_data`: readers that do not keep tables read their cells as lines)."""
    for table in reversed(list(tree.iter("table"))):
        mark = table.get(ATTR)
        if mark is None or mark == LAYOUT or not keep_data:
            _unwrap(table)
        else:
            placeholder = table.makeelement("p", {})
            placeholder.text = _MARKER.format(mark)
            placeholder.tail = table.tail
            parent = table.getparent()
            if parent is not None:
                parent.replace(table, placeholder)


def _unwrap(table: HtmlElement) -> None:
    for node in list(table.iter(*_STRUCTURE)):
        owner = next(node.iterancestors("table"), None)
        if owner is table:
            node.tag = "div"
    table.tag = "div"


def table_number(line: str) -> int | None:
    """The data table a placeholder line stands for, or None for an ordinary line."""
    match = MARKER_LINE.match(line)
    return int(match.group(1)) if match else None


def tsv(rows: list[list[str]]) -> str:
    """Rows as tab-separated lines: how a table reads in `body` (never `|` Markdown)."""
    return "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in rows)


def fill_placeholders(text: str, tables: list[list[list[str]]]) -> tuple[str, list[list[list[str]]]]:
    """Placeholder lines → tab-separated rows; returns the text and the tables it now holds."""
    lines: list[str] = []
    used: list[list[list[str]]] = []
    for line in text.split("\n"):
        number = table_number(line)
        if number is None:
            lines.append(line)
        elif number < len(tables) and tables[number]:
            lines.append(tsv(tables[number]))
            used.append(tables[number])
    return "\n".join(lines), used
