"""Attachment text from real files built with the same libraries a bureau's office software writes."""

from __future__ import annotations

import io
import zipfile

import docx
import xlsxwriter

from gonggao.demo_web.sites import tiny_pdf
from indexer.extract.attachment_text import Unreadable, attachment_kind, attachment_text


def test_pdf_text():
    text = attachment_text(tiny_pdf("school flood duty roster"), "http://x.gov.cn/a/P020250520.pdf")
    assert text == "school flood duty roster"


def test_docx_paragraphs_and_tables():
    document = docx.Document()
    document.add_paragraph("关于做好汛期学校安全工作的通知")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "责任人", "王老师"
    buffer = io.BytesIO()
    document.save(buffer)
    text = attachment_text(buffer.getvalue(), "http://x.gov.cn/a/fj.docx")
    assert "关于做好汛期学校安全工作的通知" in text and "责任人 王老师" in text


def test_xlsx_cells():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["学校", "值班电话"])
    sheet.write_row(1, 0, ["城关小学", "0915-1234567"])
    book.close()
    text = attachment_text(buffer.getvalue(), "http://x.gov.cn/a/roster.xlsx")
    assert "城关小学" in text and "值班电话" in text


def test_ofd_text_codes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
        archive.writestr("Doc_0/Pages/Page_0/Content.xml",
                         "<ofd:Page xmlns:ofd='http://www.ofdspec.org/2016'><ofd:Content><ofd:Layer>"
                         "<ofd:TextObject><ofd:TextCode X='0' Y='0'>防溺水安全告家长书</ofd:TextCode></ofd:TextObject>"
                         "</ofd:Layer></ofd:Content></ofd:Page>")
    assert attachment_text(buffer.getvalue(), "http://x.gov.cn/a/gjzs.ofd") == "防溺水安全告家长书"


def test_unreadable_files_say_why():
    broken = attachment_text(b"%PDF-1.4 not really", "http://x.gov.cn/a/broken.pdf")
    assert isinstance(broken, Unreadable) and "pdf" in broken.reason
    legacy = attachment_text(b"\xd0\xcf\x11\xe0", "http://x.gov.cn/a/old.doc")
    assert isinstance(legacy, Unreadable) and "doc" in legacy.reason
    assert isinstance(attachment_text(b"PK\x03\x04junk", "http://x.gov.cn/a/x.xlsx"), Unreadable)


def test_kind_from_content_type_when_the_url_has_no_suffix():
    assert attachment_kind("http://x.gov.cn/download?id=7", "application/pdf; charset=binary") == "pdf"
    assert attachment_kind("http://x.gov.cn/download?id=7", "text/html") is None
