"""Building Meilisearch filter expressions safely.

Every user value is wrapped in double quotes after escaping `\\` and then `"` (FIELD_NOTES:
unescaped, `zzz" OR school EXISTS OR school = "` matched every document). Attribute names come
only from FILTER_ATTRIBUTES, never from a request.

FILTER_ATTRIBUTES is read from `filterableAttributes` of config/index_settings.yaml, the one place
that says what the index can filter on: an attribute named there is filterable in Meilisearch and
allowed here, and nothing else is.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ruamel.yaml import YAML

from config.errors import ConfigError, GonggaoError
from config.settings import CONFIG_DIR

INDEX_SETTINGS = CONFIG_DIR / "index_settings.yaml"


def filterable_attributes(path: Path = INDEX_SETTINGS) -> frozenset[str]:
    """The `filterableAttributes` of an index settings file."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    names = data.get("filterableAttributes") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise ConfigError(path, None, "filterableAttributes", "must be a list of attribute names")
    return frozenset(names)


FILTER_ATTRIBUTES = filterable_attributes()


class UnknownAttribute(GonggaoError, ValueError):
    """A filter named an attribute outside the allowlist: a programming error, never user input."""


def quote(value: str) -> str:
    """A Meilisearch string literal holding exactly `value`."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attribute(name: str) -> str:
    if name not in FILTER_ATTRIBUTES:
        raise UnknownAttribute(f"not a filterable attribute: {name!r}")
    return name


def equals(attribute: str, value: str | int | bool) -> str:
    if isinstance(value, bool):
        return f"{_attribute(attribute)} = {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"{_attribute(attribute)} = {value}"
    return f"{_attribute(attribute)} = {quote(value)}"


def any_of(attribute: str, values: Iterable[str]) -> str:
    """`attr IN ["a", "b"]`, or "" for no values."""
    values = list(values)
    if not values:
        return ""
    return f"{_attribute(attribute)} IN [{', '.join(quote(v) for v in values)}]"


def between(attribute: str, lower: int | None, upper: int | None) -> str:
    """`lower <= attr < upper`; either bound may be None."""
    parts = []
    if lower is not None:
        parts.append(f"{_attribute(attribute)} >= {int(lower)}")
    if upper is not None:
        parts.append(f"{_attribute(attribute)} < {int(upper)}")
    return " AND ".join(parts)


def all_of(clauses: Iterable[str]) -> str:
    clauses = [c for c in clauses if c]
    return " AND ".join(f"({c})" for c in clauses)
