"""Text of an announcement's attachments: PDF, DOCX, XLSX, OFD (pure functions, no I/O).

Government notices often put the substance in an attachment (the 通知 itself as a PDF, a
duty roster as a spreadsheet), so their text is made searchable with the announcement.
Formats without a library that reads them under a permissive licence (legacy .doc/.xls/.wps
binaries) come back as `Unreadable` with the reason, which the crawl records.

The reading is bounded: at most `MAX_PAGES` PDF pages and `MAX_CHARS` characters, so a
500-page scanned annex cannot stall a crawl; and DOCX, XLSX and OFD, which are zip archives,
inflate at most `MAX_INFLATED` bytes, so a zip bomb (a few hundred KB that inflate to gigabytes)
comes back `Unreadable` instead of filling the memory of the crawl.
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
# Bytes inflated from one archive. 200,000 characters of cell or page text make a few MB of XML
# (about 3 bytes a character plus tags), so 32 MiB leaves ten times that; an archive is at most
# 20 MiB (crawler DOWNLOAD_MAXSIZE), stored images included.
MAX_INFLATED = 32 * 1024 * 1024
# Office files deflate or store their members; bzip2 and LZMA inflate a whole chunk in one call,
# past any cap, so they are refused.
_ZIP_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
_SPACES = re.compile(r"[ \t\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


class TooLarge(Exception):
    """An archive member would inflate past the cap, or uses a method that cannot be capped."""


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
    except TooLarge as exc:
        return Unreadable(f"refused {kind}: {exc}")
    except Exception as exc:
        return Unreadable(f"unreadable {kind}: {type(exc).__name__}: {exc}"[:300])
    text = _BLANK_LINES.sub("\n\n", _SPACES.sub(" ", text)).strip()[:MAX_CHARS]
    return text if text else Unreadable(f"{kind} holds no text (a scan needs OCR)")


def _pdf(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body), strict=False)
    return "\n".join((page.extract_text() or "") for page in reader.pages[:MAX_PAGES])


class BoundedZip:
    """Members of a zip archive, read within one budget of inflated bytes for the whole archive.

    A member is refused before it is read when its declared size passes what is left, and reading
    stops at what is left whatever it declares (CPython's zipfile also stops at the declared size
    and then fails the CRC, but the bound does not rest on that).
    """

    def __init__(self, archive: zipfile.ZipFile, budget: int = MAX_INFLATED):
        self.archive, self.budget, self.left = archive, budget, budget

    def check(self, info: zipfile.ZipInfo) -> None:
        if info.compress_type not in _ZIP_METHODS:
            raise TooLarge(f"{info.filename} uses zip method {info.compress_type}, which office files do not use")
        if info.file_size > self.left:
            raise TooLarge(f"{info.filename} declares {_mib(info.file_size)} uncompressed, past the "
                           f"{_mib(self.budget)} cap for one archive (a zip bomb?)")

    def reserve(self, info: zipfile.ZipInfo) -> None:
        """Count a member that another library reads (its declared size bounds what CPython inflates)."""
        self.check(info)
        self.left -= info.file_size

    def read(self, name: str) -> bytes:
        info = self.archive.getinfo(name)
        self.check(info)
        with self.archive.open(info) as member:
            data = member.read(self.left + 1)
        if len(data) > self.left:
            raise TooLarge(f"{name} inflates past the {_mib(self.budget)} cap for one archive (a zip bomb?)")
        self.left -= len(data)
        return data


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def _docx(body: bytes) -> str:
    """python-docx reads every part of the package, so every member is counted against the cap first."""
    import docx

    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        bounded = BoundedZip(archive)
        for info in archive.infolist():
            bounded.reserve(info)
    document = docx.Document(io.BytesIO(body))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def _xlsx(body: bytes) -> str:
    """Shared strings and inline strings of every sheet: enough to search a roster or a list."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        bounded = BoundedZip(archive)
        names = [n for n in archive.namelist() if n == "xl/sharedStrings.xml" or n.startswith("xl/worksheets/sheet")]
        return "\n".join(_xml_texts(bounded.read(n), ("t",)) for n in sorted(names))


def _ofd(body: bytes) -> str:
    """OFD (GB/T 33190) is a zip of XML pages; the text sits in TextCode elements."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        bounded = BoundedZip(archive)
        pages = sorted(n for n in archive.namelist() if n.lower().endswith("content.xml"))
        return "\n".join(_xml_texts(bounded.read(n), ("TextCode",)) for n in pages[:MAX_PAGES])


def _xml_texts(data: bytes, local_names: tuple[str, ...]) -> str:
    root = etree.fromstring(data, parser=_SAFE_XML)
    if root is None:
        return ""
    return "\n".join(el.text for el in root.iter() if isinstance(el.tag, str)
                     and etree.QName(el).localname in local_names and el.text)


_READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "ofd": _ofd}
