"""Bytes → text: declared charsets are trusted only when the bytes agree with them."""

from __future__ import annotations

import codecs

import pytest

from indexer.extract.decode import chinese_score, declared_encoding, decode_html, normalize_encoding

TEXT = "汉阴县教育局召开校园安全工作会议，要求各学校排查消防隐患、落实值班制度。"


def page(charset_meta: str = "", body: str = TEXT, filler: int = 0) -> str:
    pad = f"<!-- {'x' * filler} -->" if filler else ""
    return f"<html><head>{pad}{charset_meta}<title>通知</title></head><body><p>{body}</p></body></html>"


def test_gbk_without_any_charset_is_detected():
    text, enc = decode_html(page().encode("gbk"), None)
    assert enc == "gb18030"
    assert TEXT in text


def test_utf8_label_over_gbk_bytes_comes_out_right():
    raw = page('<meta charset="utf-8">').encode("gbk")
    for content_type in ("text/html; charset=utf-8", None):
        text, enc = decode_html(raw, content_type)
        assert enc == "gb18030"
        assert TEXT in text and "\ufffd" not in text


def test_gbk_label_over_utf8_bytes_is_read_as_utf8():
    text, enc = decode_html(page('<meta charset="gb2312">').encode("utf-8"), "text/html; charset=GBK")
    assert enc == "utf-8"
    assert TEXT in text


def test_declared_gbk_is_read_as_gb18030():
    # 㐀 is outside GBK but inside GB18030: sites labelled gb2312 do send such characters
    body = TEXT + "㐀"
    text, enc = decode_html(page('<meta charset="gb2312">', body).encode("gb18030"), None)
    assert enc == "gb18030"
    assert body in text


def test_meta_charset_after_4kb_is_seen():
    raw = page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', filler=6000).encode("gbk")
    assert declared_encoding(raw, None) == "gb18030"
    assert TEXT in decode_html(raw, None)[0]


def test_big5_declared_and_undeclared():
    trad = "臺北市教育局推動校園防災演練，請家長留意颱風假訊息。"
    for meta in ('<meta charset="big5">', ""):
        text, enc = decode_html(page(meta, trad).encode("big5"), None)
        assert enc == "big5hkscs"
        assert trad in text


def test_big5_label_over_gbk_bytes_is_corrected():
    text, enc = decode_html(page('<meta charset="big5">').encode("gbk"), None)
    assert enc == "gb18030"
    assert TEXT in text


def test_latin1_label_over_chinese_bytes():
    text, _enc = decode_html(page().encode("gbk"), "text/html; charset=ISO-8859-1")
    assert TEXT in text


def test_bom_and_override_win():
    raw = codecs.BOM_UTF8 + page('<meta charset="gbk">').encode("utf-8")
    assert decode_html(raw, "text/html; charset=gbk") == (page('<meta charset="gbk">'), "utf-8")
    text, enc = decode_html(page().encode("gbk"), "text/html; charset=utf-8", encoding_override="GBK")
    assert enc == "gb18030" and TEXT in text


def test_undecodable_bytes_never_raise():
    text, enc = decode_html(b"\xff\xfe\xfd\x81" * 10 + page().encode("utf-8"), None)
    assert isinstance(text, str) and enc


@pytest.mark.parametrize(
    ("label", "expected"),
    [("GB2312", "gb18030"), ("gbk", "gb18030"), ("UTF8", "utf-8"), ("big5", "big5hkscs"), ("nonsense", None)],
)
def test_normalize_encoding(label, expected):
    assert normalize_encoding(label) == expected


def test_chinese_score_prefers_right_decoding():
    raw = TEXT.encode("gbk")
    wrong = raw.decode("big5", errors="replace")
    assert chinese_score(TEXT) > 0.8 > chinese_score(wrong)


def test_gbk_page_with_a_broken_pair_is_still_gbk():
    """Old GBK portals carry a truncated byte pair or two among short link words: strict decoding
    fails and charset-normalizer guessed a Cyrillic codec. The page is still GBK."""
    words = ["新闻", "论坛", "下载", "首页", "专题", "博客", "招聘", "二手", "报价", "产品", "排行", "影音", "电影", "剧情", "导演", "主演"]
    nav = "".join(f'<a href="http://s{i}.example.cn" target="_top">{words[i * 7 % 16]}</a> | ' for i in range(60))
    prose = "<p>" + "，".join(words[i * 7 % 16] + words[i * 11 % 16] for i in range(30)) + "。</p>"
    raw = f"<html><head><title>首页</title></head><body><div>{nav}</div>{prose * 3}</body></html>".encode("gbk")
    head = prose.encode("gbk")[:9]
    raw = raw.replace(head, head[:8] + b" ", 1)  # the lead byte of a pair, then a space
    text, enc = decode_html(raw, None)
    assert enc == "gb18030"
    assert text.count(prose) == 2 and "导演" in text
