"""An Atom feed (RFC 4287) of any search: the newest FEED_SIZE hits of the same URL parameters.

Entry ids are tag: URIs (RFC 4151) made from the document id alone, so an entry keeps its id
whatever host, port or query the feed was read through, and a feed reader never shows it twice.
The XML is built with ElementTree (always well-formed); characters XML 1.0 forbids, which
crawled text may hold, are removed first.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from search_ui.parsing import REGION_SEPARATOR
from search_ui.query import SearchParams

ATOM = "http://www.w3.org/2005/Atom"
TAG_AUTHORITY = "tag:gonggao,2024:"
FEED_SIZE = 50
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ET.register_namespace("", ATOM)


def entry_id(doc_id: str) -> str:
    return f"{TAG_AUTHORITY}doc/{doc_id}"


def feed_id(p: SearchParams) -> str:
    return f"{TAG_AUTHORITY}search?{p.query_string(page=1, per_page=FEED_SIZE)}"


def _clean(text: Any) -> str:
    return _XML_FORBIDDEN.sub("", str(text or ""))


def _rfc3339(ts: int | None) -> str:
    when = datetime.fromtimestamp(int(ts), UTC) if ts else datetime(1970, 1, 1, tzinfo=UTC)
    return when.isoformat().replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def title_of(p: SearchParams) -> str:
    parts = [p.q] if p.q else []
    parts += [r.rsplit(REGION_SEPARATOR, 1)[-1] for r in p.values("region")] + list(p.values("hazard"))
    return "公告检索" + (": " + " + ".join(parts) if parts else "")


def updated_of(doc: dict[str, Any]) -> int | None:
    return doc.get("last_changed") or doc.get("first_seen") or doc.get("published_at") or doc.get("fetched_at")


def build(p: SearchParams, hits: list[dict[str, Any]], base_url: str, self_url: str, html_url: str,
          hazard_label=lambda code: code) -> bytes:
    """The feed document. `base_url` ends with "/"; the others are absolute."""
    root = ET.Element(f"{{{ATOM}}}feed")
    _add(root, "id", feed_id(p))
    _add(root, "title", title_of(p))
    _add(root, "updated", _rfc3339(max((updated_of(h) or 0 for h in hits), default=0)))
    _add(root, "link", rel="self", href=self_url, type="application/atom+xml")
    _add(root, "link", rel="alternate", href=html_url, type="text/html")
    _add(root, "generator", "Gonggao")
    for hit in hits:
        entry = _add(root, "entry")
        _add(entry, "id", entry_id(hit["id"]))
        _add(entry, "title", hit.get("title") or hit["id"])
        _add(entry, "link", rel="alternate", href=f"{base_url}doc/{hit['id']}", type="text/html")
        if hit.get("url"):
            _add(entry, "link", rel="related", href=hit["url"])
        if hit.get("published_at"):
            _add(entry, "published", _rfc3339(hit["published_at"]))
        _add(entry, "updated", _rfc3339(updated_of(hit)))
        author = _add(entry, "author")
        _add(author, "name", hit.get("issuer") or hit.get("site_name") or hit.get("source_id") or "unknown")
        for code in hit.get("hazards") or []:
            _add(entry, "category", term=code, label=hazard_label(code))
        region = hit.get("region") or {}
        where = region.get("lvl2") or region.get("lvl1") or region.get("lvl0")
        summary = " · ".join(x for x in (where, hit.get("lead") or (hit.get("body") or "")[:200]) if x)
        _add(entry, "summary", summary, type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)
