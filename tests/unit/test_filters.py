"""Filter building: values are quoted and escaped; attribute names come from the allowlist."""

from __future__ import annotations

import pytest

from indexer.search_index.filters import UnknownAttribute, all_of, any_of, between, equals, quote


def test_quote_escapes_backslash_then_quote() -> None:
    assert quote('a"b') == '"a\\"b"'
    assert quote("a\\") == '"a\\\\"'
    assert quote('x" OR hazards EXISTS OR region.lvl0 = "') == '"x\\" OR hazards EXISTS OR region.lvl0 = \\""'


def test_clauses() -> None:
    assert equals("province", "陕西省") == 'province = "陕西省"'
    assert equals("safety_related", True) == "safety_related = true"
    assert any_of("hazards", ["fire", "drowning"]) == 'hazards IN ["fire", "drowning"]'
    assert any_of("hazards", []) == ""
    assert between("published_at", 10, None) == "published_at >= 10"
    assert all_of(["a = 1", "", "b = 2"]) == "(a = 1) AND (b = 2)"


def test_unknown_attribute_is_refused() -> None:
    with pytest.raises(UnknownAttribute):
        equals("body OR 1", "x")
