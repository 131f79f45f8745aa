"""Gonggao's exceptions, and the YAML reader whose errors name file, line and field.

Every error a user can cause or meet is a `GonggaoError`; its `str()` is the message they see and
its `exit_code` what the `gonggao` command returns (the shape of httpx's `_exceptions.py`):

    GonggaoError                 1  something could not be done; the message says what
    ├── ConfigError              2  a mistake in a file the user edits (names file, line, field)
    ├── BadInput                 2  a value the user gave: a query, a URL parameter, a path
    │   └── NotFound             2  … that names something that does not exist
    └── Unavailable              3  a service Gonggao needs did not answer (Meilisearch, a
                                    Scrapyd node, the catalog); work waits and is retried later

Stages raise their own subclasses (`search_ui.query.BadRequest` is a `BadInput`,
`indexer.search_index.process.MeiliUnavailable` an `Unavailable`), so callers catch the kind
they can handle and the CLI catches `GonggaoError` once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError


class GonggaoError(Exception):
    """Something Gonggao could not do; `str()` is the message for a person."""

    exit_code = 1


class BadInput(GonggaoError, ValueError):
    """A value the user gave cannot be used; the message says how to fix it."""

    exit_code = 2


class NotFound(BadInput, LookupError):
    """The user named something (a document, a backup, a source) that does not exist."""


class Unavailable(GonggaoError):
    """A service Gonggao needs did not answer; nothing is lost, the work is retried later."""

    exit_code = 3


class ConfigError(GonggaoError):
    """A mistake in a file the user edits. `str()` is the message a user sees; exit code 2."""

    exit_code = 2

    def __init__(self, path: Path | str, line: int | None, field: str | None, message: str):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        what = f" [{field}]" if field else ""
        super().__init__(f"{where}{what}: {message}")


def read_yaml(path: Path) -> Any:
    """Parse YAML keeping line numbers (ruamel's round-trip loader); syntax errors become ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, None, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, None, None, f"not UTF-8 text ({exc.reason})") from None
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(path, line, None, f"YAML syntax: {exc.problem}") from None


def line_of(node: Any, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the YAML node at `loc` (a pydantic error location), or its nearest parent."""
    line = None
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line


def raise_for_validation(path: Path, data: Any, exc: ValidationError, base: tuple[int | str, ...] = ()) -> None:
    """Turn the first pydantic error into a ConfigError pointing at the offending line."""
    err = exc.errors()[0]
    loc = base + tuple(err["loc"])
    field = ".".join(str(part) for part in loc)
    raise ConfigError(path, line_of(data, loc), field, err["msg"]) from None
