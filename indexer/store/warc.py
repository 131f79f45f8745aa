"""The WARC archive: every fetched response, as fetched, in gzip-per-record WARC files.

Each writer (one crawl process) appends to its own file under `<data>/warc/`, rotated when it
passes `max_bytes`. The catalog keeps (file, offset) for every page, so a record is read back
with one seek: `gonggao reextract` and the archived view of the web app need no network.
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from indexer.models import Page

MAX_BYTES = 512 * 1024 * 1024
HOP_BY_HOP = {"transfer-encoding", "content-encoding", "connection", "keep-alive"}


@dataclass(frozen=True)
class RecordRef:
    file: str  # relative to the archive directory
    offset: int


class WarcWriterRotating:
    def __init__(self, directory: Path, prefix: str = "gonggao", max_bytes: int = MAX_BYTES):
        self.directory = directory
        self.prefix = prefix
        self.max_bytes = max_bytes
        self._handle: io.BufferedWriter | None = None
        self._name = ""
        self._serial = 0

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._serial += 1
        stamp = time.strftime("%Y%m%d%H%M%S")
        self._name = f"{self.prefix}-{stamp}-{os.getpid()}-{self._serial:05d}.warc.gz"
        self._handle = open(self.directory / self._name, "ab")  # noqa: SIM115 - kept open across appends, closed in close()

    def append(self, page: Page) -> RecordRef:
        """Write one response record and return where it starts. Raises OSError (e.g. disk full)."""
        if self._handle is None or self._handle.tell() >= self.max_bytes:
            self.close()
            self._open()
        assert self._handle is not None
        offset = self._handle.tell()
        headers = [(k, v) for k, v in page.headers.items() if k.lower() not in HOP_BY_HOP]
        http_headers = StatusAndHeaders(f"{page.status} OK", headers, protocol="HTTP/1.1")
        writer = WARCWriter(self._handle, gzip=True)
        record = writer.create_warc_record(
            page.final_url, "response", payload=io.BytesIO(page.body), http_headers=http_headers,
            warc_headers_dict={
                "WARC-Date": page.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "WARC-Gonggao-Source": page.source_id,
                "WARC-Gonggao-Request-URI": page.url,
            },
        )
        writer.write_record(record)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return RecordRef(self._name, offset)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def read_record(directory: Path, ref: RecordRef) -> Page:
    """The page stored at `ref`, with the body and headers as fetched."""
    with open(directory / ref.file, "rb") as handle:
        handle.seek(ref.offset)
        record = next(iter(ArchiveIterator(handle)))
        body = record.content_stream().read()
        http = record.http_headers
        status = int(http.get_statuscode() or 200) if http else 200
        headers = dict(http.headers) if http else {}
        fetched = datetime.strptime(record.rec_headers.get_header("WARC-Date"), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        final_url = record.rec_headers.get_header("WARC-Target-URI")
        return Page(
            url=record.rec_headers.get_header("WARC-Gonggao-Request-URI") or final_url,
            final_url=final_url, status=status, headers=headers, body=body, fetched_at=fetched,
            source_id=record.rec_headers.get_header("WARC-Gonggao-Source") or "",
        )
