"""Region names in English: official romanisations for provinces and capitals, pinyin with the level
translated for the rest, and no Chinese character left for any division of the gazetteer."""

from __future__ import annotations

import re

import pytest

from indexer.enrich.gazetteer import default_data
from search_ui.i18n import Translator
from search_ui.region_names import english_name, english_path

LATIN = re.compile(r"[A-Za-zÜü' ()\-,]+")


@pytest.mark.parametrize(("zh", "en"), [
    ("陕西省", "Shaanxi"), ("山西省", "Shanxi"), ("内蒙古自治区", "Inner Mongolia"), ("西藏自治区", "Tibet (Xizang)"),
    ("广西壮族自治区", "Guangxi"), ("香港特别行政区", "Hong Kong"), ("澳门特别行政区", "Macao"),
    ("西安市", "Xi'an City"), ("呼和浩特市", "Hohhot City"), ("拉萨市", "Lhasa City"), ("乌鲁木齐市", "Ürümqi City"),
    ("汉阴县", "Hanyin County"), ("雁塔区", "Yanta District"), ("朝阳区", "Chaoyang District"),
    ("恩施土家族苗族自治州", "Enshi Tujia and Miao Autonomous Prefecture"),
    ("巴音郭楞蒙古自治州", "Bayinguoleng Mongol Autonomous Prefecture"),
    ("石柱土家族自治县", "Shizhu Tujia Autonomous County"), ("阿拉善盟", "Alashan League"),
    ("吕梁市", "Lüliang City"), ("长春经济技术开发区", "Changchun Economic and Technological Development Zone"),
])
def test_names(zh, en):
    assert english_name(zh) == en


def test_every_division_of_the_gazetteer_is_written_in_latin_letters():
    bad = [(d.name, english_name(d.name)) for d in default_data().divisions.values()
           if not LATIN.fullmatch(english_name(d.name))]
    assert bad == []


def test_paths_and_the_translator():
    assert english_path("陕西省 > 安康市 > 汉阴县") == "Shaanxi > Ankang City > Hanyin County"
    assert Translator("en", {}).region("陕西省 > 安康市") == "Shaanxi > Ankang City"
    assert Translator("zh", {}).region("陕西省 > 安康市") == "陕西省 > 安康市"
