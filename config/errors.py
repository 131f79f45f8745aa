"""Config errors that name the file, the line and the field, and the YAML reader that knows lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError


class ConfigError(Exception):
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
