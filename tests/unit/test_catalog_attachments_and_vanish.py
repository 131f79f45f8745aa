"""The catalog's attachment texts and its vanish rule, on a real SQLite catalog."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from indexer.models import Attachment, Document, Page
from indexer.store.catalog import VANISHED, AttachmentRecord, Catalog

SITE = "http://jyt.example.gov.cn"
LIST = f"{SITE}/tzgg/index.html"


def store(catalog: Catalog, path: str, published: int | None, attachments: list[Attachment] | None = None) -> str:
    url = SITE + path
    page = Page(url=url, final_url=url, body=path.encode(), fetched_at=datetime.now(UTC), source_id="sx")
    page_id = catalog.save_page(page, state="ok")
    doc = Document(id=path.strip("/").replace("/", "-"), url=url, source_id="sx", title=f"关于{path}的通知",
                   body="正文", published_at=published, attachments=attachments or [])
    catalog.store_documents(page_id, [doc])
    return url


def test_attachment_text_survives_a_new_fetch_of_its_page(tmp_path: Path) -> None:
    catalog = Catalog(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    pdf, xls = f"{SITE}/fj/roster.pdf", f"{SITE}/fj/old.xls"
    listed = [Attachment(name="名单.pdf", url=pdf), Attachment(name="统计表.xls", url=xls + "#page=1")]
    url = store(catalog, "/a.html", 100, listed)
    doc_id = "a.html"
    assert [a.status for a in catalog.document(doc_id).attachments] == ["pending", "pending"]

    catalog.save_attachment(AttachmentRecord(url=pdf, parent_url=url, source_id="sx", name="名单.pdf", fetched_at=1,
                                             text="值班表 學校"))
    catalog.save_attachment(AttachmentRecord(url=xls, parent_url=url, source_id="sx", name="统计表.xls", fetched_at=1,
                                             unreadable="no text reader for xls"))
    assert catalog.refresh_attachment_texts(url) == 1
    assert catalog.refresh_attachment_texts(url) == 0
    doc = catalog.document(doc_id)
    assert [(a.status, a.reason) for a in doc.attachments] == [("indexed", None), ("unreadable", "no text reader for xls")]
    assert (doc.attachment_text, doc.attachment_search) == ("值班表 學校", "值班表 学校")

    store(catalog, "/a.html", 100, listed)  # the page fetched again: its fresh documents know no attachment text
    assert catalog.document(doc_id).attachment_text == "值班表 學校"
    assert catalog.known_attachment(pdf) is not None and catalog.known_attachment(f"{SITE}/fj/other.pdf") is None


def test_only_an_article_gone_from_the_middle_of_its_list_vanished(tmp_path: Path) -> None:
    catalog = Catalog(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    urls = [store(catalog, f"/{n}.html", 1000 - n, None) for n in range(5)]
    undated = store(catalog, "/undated.html", None)
    assert catalog.mark_vanished({LIST: [*urls, undated]}) == 0  # first sight: records where each is listed

    # 1 taken down; 4 (the oldest) scrolled to a page not read now; the undated one cannot be placed
    assert catalog.mark_vanished({LIST: [urls[0], urls[2], urls[3]]}) == 1
    assert catalog.known_page(urls[1]).state == "removed"
    assert catalog.document("1.html").status == "removed"
    assert {catalog.document(f"{n}.html").status for n in (0, 2, 3, 4)} == {"live"}
    assert catalog.document("undated.html").status == "live"
    assert catalog.errors() == [] and VANISHED == "vanished from its list"

    assert catalog.mark_vanished({f"{SITE}/other/index.html": []}) == 0  # a list page it was never seen on
    assert catalog.mark_vanished({LIST: []}) == 0  # an empty list page removes nothing
