"""The messages of a delivery: an e-mail digest (plain text and HTML) and a webhook's JSON body.

Built at send time from the payload captured with the delivery (indexer/store/saved_searches.py),
so a message says what matched when it was found, and its links use the site's address of now
(GONGGAO_PUBLIC_URL). Crawled titles are escaped in the HTML part.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from markupsafe import escape

from indexer.store.saved_searches import Delivery
from search_ui.i18n import Translator

EVENT = "gonggao.new_documents"


def document_summary(doc: dict[str, Any]) -> dict[str, Any]:
    """What a delivery keeps of one matched document (its catalog JSON)."""
    region = doc.get("region") or {}
    return {
        "id": doc["id"], "title": doc.get("title") or doc["id"], "url": doc.get("url"),
        "published_date": doc.get("published_date"), "issuer": doc.get("issuer") or doc.get("site_name"),
        "region": region.get("lvl2") or region.get("lvl1") or region.get("lvl0"),
        "hazards": list(doc.get("hazards") or []), "first_seen": doc.get("first_seen"),
    }


def search_link(base_url: str, payload: dict[str, Any]) -> str:
    query = payload["search"]["query"]
    return f"{base_url}search" + (f"?{query}" if query else "")


def webhook_body(delivery: Delivery, base_url: str) -> dict[str, Any]:
    """The JSON a webhook receives; `delivery_id` is the same on every retry of one delivery, so a
    receiver that saw it already can ignore a repeat."""
    search = delivery.payload["search"]
    docs = [{**d, "doc_url": f"{base_url}doc/{d['id']}"} for d in delivery.payload["documents"]]
    return {
        "event": EVENT,
        "delivery_id": delivery.id,
        "search": {"id": search["id"], "name": search["name"], "url": search_link(base_url, delivery.payload)},
        "count": len(docs),
        "documents": docs,
    }


def _line(doc: dict[str, Any], t: Translator) -> str:
    where = t.region(doc.get("region")) if doc.get("region") else ""
    return " · ".join(x for x in (doc.get("published_date") or "", where, doc.get("issuer") or "") if x)


def email_message(delivery: Delivery, base_url: str, sender: str, t: Translator) -> EmailMessage:
    """The digest as a multipart/alternative message (text, then HTML)."""
    search, docs = delivery.payload["search"], delivery.payload["documents"]
    name = search["name"]
    msg = EmailMessage()
    msg["Subject"] = t("alert_subject", n=len(docs), name=name)
    msg["From"] = sender
    msg["To"] = delivery.target
    msg["Date"] = format_datetime(datetime.now(UTC))
    # the same id on every retry: a mail client shows a repeated delivery once
    msg["Message-ID"] = make_msgid(f"gonggao-delivery-{delivery.id}", domain=sender.rsplit("@", 1)[-1].strip("> "))
    msg["Auto-Submitted"] = "auto-generated"          # RFC 3834: no vacation replies
    link, manage = search_link(base_url, delivery.payload), f"{base_url}saved"
    text = [t("alert_intro", n=len(docs), name=name), ""]
    for n, doc in enumerate(docs, 1):
        text += [f"{n}. {doc['title']}", f"   {_line(doc, t)}", f"   {base_url}doc/{doc['id']}", ""]
    text += [f"{t('alert_search_link')}: {link}", f"{t('alert_manage_link')}: {manage}", ""]
    msg.set_content("\n".join(text))
    items = "".join(
        f'<li><a href="{escape(base_url)}doc/{escape(doc["id"])}">{escape(doc["title"])}</a><br>'
        f'<small>{escape(_line(doc, t))}</small></li>' for doc in docs)
    html = (f'<!doctype html><html lang="{t.html_lang}"><body><p>{escape(t("alert_intro", n=len(docs), name=name))}</p>'
            f'<ol>{items}</ol><p><a href="{escape(link)}">{escape(t("alert_search_link"))}</a> · '
            f'<a href="{escape(manage)}">{escape(t("alert_manage_link"))}</a></p></body></html>')
    msg.add_alternative(html, subtype="html")
    return msg
