"""Attachment text from real files built with the same libraries a bureau's office software writes."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
import xlsxwriter

from gonggao.demo_web.sites import tiny_pdf
from indexer.extract.attachment_text import MAX_INFLATED, Unreadable, attachment_kind, attachment_text


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
    assert isinstance(text, str) and "关于做好汛期学校安全工作的通知" in text and "责任人 王老师" in text


def test_xlsx_cells():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["学校", "值班电话"])
    sheet.write_row(1, 0, ["城关小学", "0915-1234567"])
    book.close()
    text = attachment_text(buffer.getvalue(), "http://x.gov.cn/a/roster.xlsx")
    assert isinstance(text, str) and "城关小学" in text and "值班电话" in text


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


# Zip bombs: real archives of the three zip formats with one member that inflates past the cap.

MIB = 2**20


def with_member(archive_bytes: bytes, name: str, inflated: int, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """`archive_bytes` with one more member of `inflated` spaces, streamed so the test never holds it whole."""
    buffer = io.BytesIO(archive_bytes)
    with zipfile.ZipFile(buffer, "a", method) as archive, archive.open(name, "w", force_zip64=True) as member:
        for _ in range(inflated // MIB):
            member.write(b" " * MIB)
    return buffer.getvalue()


def declare_size(archive_bytes: bytes, name: str, size: int) -> bytes:
    """Rewrite the size the central directory declares for `name` (a bomb that lies about its size)."""
    data = bytearray(archive_bytes)
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46:pos + 46 + name_len] == name.encode():
            struct.pack_into("<I", data, pos + 24, size)
            return bytes(data)
        pos = data.find(b"PK\x01\x02", pos + 46 + name_len + extra_len + comment_len)
    raise AssertionError(f"{name} not in the archive")


def small_xlsx() -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet().write_row(0, 0, ["学校", "值班电话"])
    book.close()
    return buffer.getvalue()


def test_an_xlsx_bomb_is_refused_with_the_reason() -> None:
    bomb = with_member(small_xlsx(), "xl/worksheets/sheet2.xml", MAX_INFLATED + 8 * MIB)
    assert len(bomb) < MIB  # a few tens of KB that inflate to 40 MiB
    text = attachment_text(bomb, "http://x.gov.cn/a/roster.xlsx")
    assert isinstance(text, Unreadable)
    assert "sheet2.xml declares 40 MiB uncompressed, past the 32 MiB cap" in text.reason


def test_a_bomb_that_declares_a_small_size_is_cut_at_the_declared_size() -> None:
    bomb = declare_size(with_member(small_xlsx(), "xl/worksheets/sheet2.xml", MAX_INFLATED + 8 * MIB),
                        "xl/worksheets/sheet2.xml", 1000)
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert archive.getinfo("xl/worksheets/sheet2.xml").file_size == 1000
    text = attachment_text(bomb, "http://x.gov.cn/a/roster.xlsx")
    assert isinstance(text, Unreadable) and "CRC" in text.reason


def test_members_share_one_cap() -> None:
    bomb = small_xlsx()
    for sheet in range(2, 6):  # four sheets of 10 MiB: each under the cap, together past it
        bomb = with_member(bomb, f"xl/worksheets/sheet{sheet}.xml", 10 * MIB)
    text = attachment_text(bomb, "http://x.gov.cn/a/roster.xlsx")
    assert isinstance(text, Unreadable) and "sheet5.xml declares 10 MiB" in text.reason


def test_a_docx_bomb_is_refused_before_python_docx_reads_it() -> None:
    document = docx.Document()
    document.add_paragraph("关于做好汛期学校安全工作的通知")
    buffer = io.BytesIO()
    document.save(buffer)
    bomb = with_member(buffer.getvalue(), "word/media/image1.png", MAX_INFLATED + MIB)
    text = attachment_text(bomb, "http://x.gov.cn/a/fj.docx")
    assert isinstance(text, Unreadable) and "image1.png declares 33 MiB" in text.reason


def test_an_ofd_bomb_and_an_uncappable_method_are_refused() -> None:
    bomb = with_member(b"", "Doc_0/Pages/Page_0/Content.xml", MAX_INFLATED + MIB)
    text = attachment_text(bomb, "http://x.gov.cn/a/gjzs.ofd")
    assert isinstance(text, Unreadable) and "Content.xml declares 33 MiB" in text.reason
    bzip2 = with_member(b"", "Doc_0/Pages/Page_0/Content.xml", MIB, method=zipfile.ZIP_BZIP2)
    text = attachment_text(bzip2, "http://x.gov.cn/a/gjzs.ofd")
    assert isinstance(text, Unreadable) and "zip method 12" in text.reason
