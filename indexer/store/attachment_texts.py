"""Attachment texts joined to the documents that list them. Pure: no I/O.

The catalog keeps each attachment's text keyed by its URL (table `attachments`), apart from the
documents, because a document is rebuilt from its page on every fetch and re-extraction while the
attachment may answer 304 or not be fetched at all: every store of a document goes through
`with_attachment_texts`, so a new version still carries the text of its attachments.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urldefrag

from indexer.models import Document
from indexer.text.chinese import to_simplified

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class StoredAttachment:
    """One attachment as the catalog holds it: its text, or why there is none."""

    url: str
    text: str | None
    unreadable: str | None


def attachment_key(url: str) -> str:
    """The URL an attachment is stored and matched under (its fragment never names another file)."""
    return urldefrag(url)[0]


def with_attachment_texts(doc: Document, stored: dict[str, StoredAttachment]) -> Document:
    """Give each attachment of `doc` its status from `stored` (keyed by `attachment_key`), and the
    document the joined text of the readable ones (`attachment_text`, and `attachment_search` in
    Simplified for matching). Changes `doc` in place and returns it."""
    texts: list[str] = []
    for attachment in doc.attachments:
        row = stored.get(attachment_key(attachment.url))
        if row is None:
            attachment.status, attachment.reason = "pending", None
        elif row.text:
            attachment.status, attachment.reason = "indexed", None
            texts.append(row.text)
        else:
            attachment.status, attachment.reason = "unreadable", row.unreadable
    doc.attachment_text = SEPARATOR.join(texts)
    doc.attachment_search = to_simplified(doc.attachment_text)
    return doc
