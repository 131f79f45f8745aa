"""What the document page shows beyond the indexed document: evidence, versions and their diff,
reprints, a citation line and whether an archived copy exists.

The index holds the document; the catalog (optional) holds what the index leaves out: the evidence
of each label (indexer/search_index/sync.py INDEX_ONLY_DROP), the versions and the raw bytes. Without
a catalog, or when it fails, the page shows what the index has and says the rest is unavailable.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from markupsafe import Markup

from indexer.search_index.filters import equals
from search_ui.i18n import Translator
from search_ui.query import TZ
from search_ui.service import Reader, call_search

log = logging.getLogger(__name__)
MAX_REPRINTS = 50
CONTEXT_CHARS = 24
EVIDENCE_PER_LABEL = 3        # the first few places a label was found; more adds length, not trust
PROVENANCE = ("status", "versions", "first_seen", "last_changed", "fetched_at")   # fresher in the catalog
REPRINT_FIELDS = ["id", "title", "url", "site_name", "issuer", "published_date", "source_type", "is_canonical"]


@dataclass
class EvidenceItem:
    label: str
    phrase: str
    where: str                # title | body | issuer | url | …
    rule: str
    context: Markup           # the phrase in its sentence, escaped, the phrase in <mark>


@dataclass
class DiffLine:
    kind: str                 # "same" | "removed" | "added"
    text: str


@dataclass
class AttachmentLine:
    name: str
    url: str
    status: str               # indexed | pending | unreadable
    note: str                 # the status in the page's language, with the reason when unreadable


@dataclass
class DocPage:
    doc: dict[str, Any]
    catalog: bool                                   # the catalog answered
    hazard_evidence: dict[str, list[EvidenceItem]] = field(default_factory=dict)
    region_evidence: list[EvidenceItem] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)    # version, title, created_at
    diff: list[DiffLine] = field(default_factory=list)              # previous → current version
    reprints: list[dict[str, Any]] = field(default_factory=list)
    archived: bool = False
    citation: str = ""
    attachments: list[AttachmentLine] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The Document (evidence filled in from the catalog) plus a `context` of the page's extras."""
        evidence = [
            {"label": e.label, "phrase": e.phrase, "field": e.where, "rule": e.rule}
            for items in [*self.hazard_evidence.values(), self.region_evidence] for e in items
        ]
        return {
            **self.doc,
            "evidence": evidence or self.doc.get("evidence") or [],
            "context": {
                "catalog": self.catalog,
                "citation": self.citation,
                "reprints": self.reprints,
                "versions": self.versions,
                "diff": [{"kind": d.kind, "text": d.text} for d in self.diff],
                "archived_url": f"/archive/{self.doc['id']}" if self.archived else None,
            },
        }


def context_html(text: str, start: int | None, phrase: str) -> Markup:
    """`phrase` at `start` in `text`, with CONTEXT_CHARS either side; the phrase alone when it is not there."""
    if start is None or text[start:start + len(phrase)] != phrase:
        index = text.find(phrase) if phrase else -1
        if index < 0:
            return Markup("<mark>{}</mark>").format(phrase)
        start = index
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[start + len(phrase):start + len(phrase) + CONTEXT_CHARS]
    return Markup("{}{}<mark>{}</mark>{}{}").format(
        "…" if start > CONTEXT_CHARS else "", before, phrase, after,
        "…" if start + len(phrase) + CONTEXT_CHARS < len(text) else "")


def region_names(doc: dict[str, Any]) -> dict[str, str]:
    """GB/T 2260 code → the place's path (陕西省 > 安康市 > 汉阴县): region evidence is labelled by code. A unit
    below the facet's levels (a development zone, 410171 郑州经济技术开发区: no county of the path) is shown
    by the path it lies on; the quoted phrase names it."""
    names = [n for n in (doc.get("province"), doc.get("city"), doc.get("county")) if n]
    return {str(code): " > ".join(names[:i + 1]) for i, code in enumerate(doc.get("region_codes") or []) if names}


def evidence_items(doc: dict[str, Any], evidence: list[dict[str, Any]]) -> tuple[dict[str, list[EvidenceItem]], list[EvidenceItem]]:
    hazards = set(doc.get("hazards") or [])
    by_hazard: dict[str, list[EvidenceItem]] = {}
    regions: list[EvidenceItem] = []
    place_names = region_names(doc)
    for e in evidence:
        where = e.get("field") or "body"
        source = str(doc.get(where) or "") if where in ("title", "body", "issuer") else ""
        label = str(e.get("label") or "")
        item = EvidenceItem(place_names.get(label, label), str(e.get("phrase") or ""), where, str(e.get("rule") or ""),
                            context_html(source, e.get("start"), str(e.get("phrase") or "")))
        same_label = by_hazard.setdefault(item.label, []) if item.label in hazards else regions
        if sum(1 for x in same_label if x.label == item.label) < EVIDENCE_PER_LABEL:
            same_label.append(item)
    return by_hazard, regions


def paragraph_diff(old: str, new: str) -> list[DiffLine]:
    """Paragraphs removed and added between two versions, with unchanged ones around them."""
    a = [p.strip() for p in old.splitlines() if p.strip()]
    b = [p.strip() for p in new.splitlines() if p.strip()]
    out: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [DiffLine("same", p) for p in a[i1:i2]]
        else:
            out += [DiffLine("removed", p) for p in a[i1:i2]] + [DiffLine("added", p) for p in b[j1:j2]]
    return out


def version_diff(versions: list[dict[str, Any]]) -> list[DiffLine]:
    if len(versions) < 2:
        return []
    old, new = versions[-2], versions[-1]
    lines = []
    if old["title"] != new["title"]:
        lines += [DiffLine("removed", old["title"]), DiffLine("added", new["title"])]
    return lines + paragraph_diff(old["body"], new["body"])


def day(ts: int | None) -> str:
    return datetime.fromtimestamp(int(ts), TZ).strftime("%Y-%m-%d") if ts else ""


def citation(doc: dict[str, Any], t: Translator) -> str:
    """One line to paste into an article or a report: who, what, when, where, when retrieved."""
    issuer = doc.get("issuer") or doc.get("site_name") or ""
    published = doc.get("published_date") or ""
    retrieved = day(doc.get("fetched_at") or doc.get("last_changed") or doc.get("first_seen"))
    if t.lang == "zh":
        line = (f"{issuer}：" if issuer else "") + f"《{doc.get('title', '')}》"
        line += f"，{published}" if published else ""
        return line + f"。{doc.get('url', '')}（{retrieved}检索）" if retrieved else line + f"。{doc.get('url', '')}"
    line = (f"{issuer}. " if issuer else "") + f"“{doc.get('title', '')}”."
    line += f" {published}." if published else ""
    return line + f" {doc.get('url', '')}" + (f" (retrieved {retrieved})." if retrieved else "")


def reprints_of(reader: Reader, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The other documents of the same reprint cluster (the index holds cluster_id)."""
    cluster = doc.get("cluster_id")
    if not cluster:
        return []
    answer = call_search(reader.search, "", {"filter": equals("cluster_id", str(cluster)), "limit": MAX_REPRINTS + 1,
                                             "attributesToRetrieve": REPRINT_FIELDS, "sort": ["published_at:asc"]})
    return [{k: h.get(k) for k in REPRINT_FIELDS} for h in answer.get("hits") or [] if h.get("id") != doc["id"]][:MAX_REPRINTS]


def build(doc: dict[str, Any], reader: Reader, catalog: Any | None, t: Translator) -> DocPage:
    page = DocPage(doc=doc, catalog=False, reprints=reprints_of(reader, doc))
    if catalog is not None:
        _add_catalog(page, catalog)
    page.citation = citation(page.doc, t)
    page.attachments = attachment_lines(page.doc.get("attachments") or [], t)
    return page


def attachment_lines(attachments: list[dict[str, Any]], t: Translator) -> list[AttachmentLine]:
    """Each attachment with its name, link and whether its text is searchable (or why not)."""
    lines = []
    for item in attachments:
        status = item.get("status") or "pending"
        if status not in ("indexed", "pending", "unreadable"):
            status = "pending"
        note = t(f"attachment_{status}")
        if status == "unreadable" and item.get("reason"):
            note = f"{note}: {item['reason']}"
        lines.append(AttachmentLine(name=item.get("name") or "", url=item.get("url") or "", status=status, note=note))
    return lines


def _add_catalog(page: DocPage, catalog: Any) -> None:
    doc = page.doc
    try:
        stored = catalog.document(doc["id"])
        versions = catalog.versions_of(doc["id"])
        page.archived = catalog.raw_page(doc["url"]) is not None
    except Exception:                      # a catalog that fails must not take the document page down
        log.exception("reading the catalog for document %s failed", doc["id"])
        return
    page.catalog = True
    if stored is not None:
        page.doc = {**doc, **{k: getattr(stored, k) for k in PROVENANCE if getattr(stored, k) is not None},
                    "attachments": [a.model_dump() for a in stored.attachments]}
        page.hazard_evidence, page.region_evidence = evidence_items(doc, [e.model_dump() for e in stored.evidence])
    page.versions = [{"version": v["version"], "title": v["title"], "created_at": v["created_at"]} for v in versions]
    page.diff = version_diff(versions)
