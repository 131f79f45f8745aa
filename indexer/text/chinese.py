"""Chinese characters and scripts, shared by every stage: matching runs on Simplified text, display
keeps the original.

The character classes are regex class bodies (use them inside `[...]`), written once here so
that "a Han character" means the same thing in the cleaner, the extractor and the enrichers.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# CJK Unified Ideographs Extension A, the Unified block, and the Compatibility Ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width and CJK punctuation, curly quotes, the em dash, the ellipsis and the middle dot.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
HAN_CHAR = re.compile(f"[{HAN}]")
# The brackets round a document number's year (陕教安〔2025〕3号, 津教委科函﹝2018﹞29号), escaped for a
# character class.
DOC_YEAR_OPEN = r"〔\[［(（【﹝〖"
DOC_YEAR_CLOSE = r"〕\]］)）】﹞〗"
HAN_RUN = re.compile(f"[{HAN}]+")


def is_han(ch: str) -> bool:
    """One character of the HAN class (faster than the regex for a single character)."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC t2s); Simplified text passes through unchanged.

    The enrichers each accept raw text and convert it, so one document's title and body come by
    several times: texts up to `MEMO_CHARS` long are remembered (the last `MEMO_SIZE` of them)."""
    if not text:
        return text
    return _t2s_memo(text) if len(text) <= MEMO_CHARS else _simplified(text)


# Official place names (and their short forms) that keep a character t2s simplifies elsewhere:
# 乾县 is not 干县, 於潜镇 not 于潜镇, 濛江 not 蒙江. Every name of the gazetteer's divisions and
# townships that t2s would change (tests/unit/test_region_cues.py checks the list against the data),
# but a short form that is a common word written the old way (藉口, "excuse": 借口).
_KEPT_NAMES = (
    "乾丰", "乾丰镇", "乾佑", "乾佑街道", "乾务", "乾务镇", "乾县", "乾塘", "乾塘镇", "乾安", "乾安县", "乾安镇", "乾潭",
    "乾潭镇", "乾西", "乾西乡", "乾龙", "乾龙镇", "南磑", "南磑镇", "垌塚", "垌塚镇", "奇乾", "奇乾乡", "尖塚", "尖塚镇",
    "於潜", "於潜镇", "洩湖", "洩湖镇", "濛江", "濛江乡", "濛江街道", "濛江镇", "濛洲", "濛洲街道", "濛阳", "濛阳街道",
    "瀂港", "瀂港街道", "礐石", "礐石街道", "织篢", "织篢镇", "藉口镇", "鮀江", "鮀江街道", "鮀莲", "鮀莲街道",
    "鮜门", "鮜门镇", "鴜鷺树", "鴜鷺树镇",
)


@lru_cache(maxsize=1)
def _kept() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The characters of `_KEPT_NAMES` that t2s changes (乾, 於, 濛 …: a text without one needs no
    check), and each name with what t2s makes of it."""
    pairs = tuple((name, _t2s().convert(name)) for name in _KEPT_NAMES)
    chars = frozenset(a for name, converted in pairs for a, b in zip(name, converted, strict=False) if a != b)
    return chars, pairs


def _simplified(text: str) -> str:
    converted = _standard(_t2s().convert(text))
    chars, pairs = _kept()
    if not chars.isdisjoint(text):
        for name, simplified in pairs:
            if name in text:
                converted = converted.replace(simplified, name)
    return converted


# Variant characters OpenCC's t2s leaves as they are (陜西省教育廳 would stay 陜西; some mirror sites'
# converters write 寧 as 甯, 江甯區, and 合 as 郃, 郃肥): their standard forms. No place name of the
# gazetteer has one (郃阳 is 合阳县's old name).
_VARIANTS = tuple(zip("陜淸郞緖値吿甯郃", "陕清郎绪值告宁合", strict=True))


def _standard(text: str) -> str:
    """`_VARIANTS` replaced: a scan per character is ten times faster than `str.translate` here."""
    for variant, standard in _VARIANTS:
        if variant in text:
            text = text.replace(variant, standard)
    return text


# Words starting with 生 after a school's or a university's name (北京大学生命科学学院, 城南中学生物组,
# 南京大学生活区): still the school. A bare 生 after one makes a pupil or a student (小学生, 大学生).
SHENG_WORDS = ("生命", "生物", "生活", "生态", "生理", "生化", "生产", "生源", "生殖", "生药")


MEMO_SIZE, MEMO_CHARS = 32, 20_000  # at most ~5 MB held


@lru_cache(maxsize=MEMO_SIZE)
def _t2s_memo(text: str) -> str:
    return _simplified(text)


def to_traditional(text: str) -> str:
    """Simplified → Traditional (OpenCC s2t), for building patterns that match either script."""
    return _s2t().convert(text) if text else text
