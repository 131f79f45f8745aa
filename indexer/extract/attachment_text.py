"""Text of an announcement's attachments: PDF, DOCX, XLSX, OFD (pure functions, no I/O).

Government notices often put the substance in an attachment (the 通知 itself as a PDF, a
duty roster as a spreadsheet), so their text is made searchable with the announcement.
Formats without a library that reads them under a permissive licence (legacy .doc/.xls/.wps
binaries) come back as `Unreadable` with the reason, which the crawl records.

The reading is bounded: at most `MAX_PAGES` PDF pages and `MAX_CHARS` characters, so a
500-page scanned annex cannot stall a crawl.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from lxml import etree

MAX_PAGES = 50
MAX_CHARS = 200_000
_SPACES = re.compile(r"[ \t\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


@dataclass(frozen=True)
class Unreadable:
    """An attachment whose text cannot be had, and why (recorded as the crawl error message)."""

    reason: str


def attachment_kind(url: str, content_type: str = "") -> str | None:
    """'pdf', 'docx', 'xlsx', 'ofd', 'doc', 'xls', 'wps' … from the URL's suffix or the content type."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower().lstrip(".")
    if suffix in {"pdf", "docx", "xlsx", "ofd", "doc", "xls", "wps", "et", "zip", "rar", "pptx", "ppt"}:
        return suffix
    content_type = content_type.split(";")[0].strip().lower()
    return {
        "application/pdf": "pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "application/ofd": "ofd",
        "application/msword": "doc",
        "application/vnd.ms-excel": "xls",
    }.get(content_type)


def attachment_text(body: bytes, url: str, content_type: str = "") -> str | Unreadable:
    """The attachment's text, whitespace tidied, or why there is none."""
    kind = attachment_kind(url, content_type)
    reader = _READERS.get(kind or "")
    if reader is None:
        return Unreadable(f"no text reader for {kind or content_type or 'this file type'}")
    try:
        text = reader(body)
    except Exception as exc:
        return Unreadable(f"unreadable {kind}: {type(exc).__name__}: {exc}"[:300])
    text = _BLANK_LINES.sub("\n\n", _SPACES.sub(" ", text)).strip()[:MAX_CHARS]
    return text if text else Unreadable(f"{kind} holds no text (a scan needs OCR)")


def _pdf(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body), strict=False)
    return "\n".join((page.extract_text() or "") for page in reader.pages[:MAX_PAGES])


def _docx(body: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(body))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def _xlsx(body: bytes) -> str:
    """Shared strings and inline strings of every sheet: enough to search a roster or a list."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = [n for n in archive.namelist() if n == "xl/sharedStrings.xml" or n.startswith("xl/worksheets/sheet")]
        return "\n".join(_xml_texts(archive.read(n), ("t",)) for n in sorted(names))


def _ofd(body: bytes) -> str:
    """OFD (GB/T 33190) is a zip of XML pages; the text sits in TextCode elements."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        pages = sorted(n for n in archive.namelist() if n.lower().endswith("content.xml"))
        return "\n".join(_xml_texts(archive.read(n), ("TextCode",)) for n in pages[:MAX_PAGES])


def _xml_texts(data: bytes, local_names: tuple[str, ...]) -> str:
    root = etree.fromstring(data, parser=_SAFE_XML)
    if root is None:
        return ""
    return "\n".join(el.text for el in root.iter() if isinstance(el.tag, str)
                     and etree.QName(el).localname in local_names and el.text)


_READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "ofd": _ofd}
