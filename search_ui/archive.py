"""The archived copy of a crawled page, served so that nothing in it can run or load.

Crawled HTML is untrusted: it is never inserted into Gonggao's own pages. It is served alone, on
its own path, with a Content-Security-Policy that sandboxes it (an opaque origin: no scripts, no
forms, no popups, no access to Gonggao's cookies or pages) and allows no outside resource at all
(`default-src 'none'`; inline styles only, so the page still looks like itself). The document page
shows it in an <iframe sandbox> on top of that. The bytes are decoded as the indexer decodes them
and sent as UTF-8, so a page with a wrong charset still reads right.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi.responses import Response

from indexer.extract.decode import decode_html

log = logging.getLogger(__name__)
ARCHIVE_CSP = ("sandbox; default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; "
               "base-uri 'none'; frame-ancestors 'self'")
ARCHIVE_HEADERS = {
    "Content-Security-Policy": ARCHIVE_CSP,
    "X-Frame-Options": "SAMEORIGIN",          # the document page frames it; nobody else
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, max-age=3600",
}

RawCopy = tuple[bytes, dict[str, str], int]


def raw_copy(catalog: Any, url: str) -> RawCopy | None:
    """(bytes, response headers, fetch time) from the WARC archive, or None when there is none or it cannot be read."""
    try:
        return catalog.raw_page(url)
    except Exception:          # a missing WARC file or a catalog error: the page says "no archived copy"
        log.exception("reading the archived copy of %s failed", url)
        return None


def response(raw: RawCopy) -> Response:
    body, headers, _ = raw
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    text, _encoding = decode_html(body, content_type)
    return Response(text.encode("utf-8"), media_type="text/html; charset=utf-8", headers=ARCHIVE_HEADERS)
