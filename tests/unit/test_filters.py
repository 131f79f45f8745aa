"""Filter building: values are quoted and escaped; attribute names come from the allowlist, which is
config/index_settings.yaml's filterableAttributes and covers every facet of the registry."""

from __future__ import annotations

import pytest

from config.errors import ConfigError
from indexer.search_index.filters import (
    FILTER_ATTRIBUTES,
    INDEX_SETTINGS,
    UnknownAttribute,
    all_of,
    any_of,
    between,
    equals,
    filterable_attributes,
    quote,
)


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


def test_the_allowlist_is_the_index_settings_filterable_attributes() -> None:
    from ruamel.yaml import YAML

    settings = YAML(typ="safe").load(INDEX_SETTINGS.read_text(encoding="utf-8"))
    assert frozenset(settings["filterableAttributes"]) == FILTER_ATTRIBUTES
    assert len(settings["filterableAttributes"]) == len(FILTER_ATTRIBUTES)       # no name listed twice


def test_every_facet_and_every_attribute_the_app_filters_on_is_filterable() -> None:
    from search_ui.facets import REGISTRY
    from search_ui.query import CANONICAL_ONLY, CHART_FACETS, DISTINCT_ATTRIBUTE

    assert set(REGISTRY.attributes) <= FILTER_ATTRIBUTES
    used = {"id", "published_at", "province", "city", "county", DISTINCT_ATTRIBUTE, CANONICAL_ONLY.split()[0], *CHART_FACETS}
    assert used <= FILTER_ATTRIBUTES


def test_a_settings_file_without_the_list_is_a_config_error(tmp_path) -> None:
    path = tmp_path / "index_settings.yaml"
    path.write_text("filterableAttributes: id\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="filterableAttributes"):
        filterable_attributes(path)
    path.write_text("filterableAttributes: [id, year]\n", encoding="utf-8")
    assert filterable_attributes(path) == {"id", "year"}
