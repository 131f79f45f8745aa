"""Append a source to a sources file, keeping every comment and the layout of what is there.

The file is read with ruamel.yaml's round-trip loader, the entry appended to its `sources:` list,
the result written to a temporary file beside it and validated with `load_sources` (the loader
the crawler uses) before it replaces the original in one rename. A file that would not load is
never left behind, and the original is untouched when anything fails.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from config.errors import BadInput, ConfigError, read_yaml
from config.sources import Source, load_sources


def yaml_writer() -> YAML:
    """Round-trip YAML in the style of config/sources.yaml (two-space maps, `  - ` items, long lines kept)."""
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True
    return y


def configured(path: Path) -> list[Source]:
    """The file's sources; [] when the file does not exist yet."""
    return load_sources(path) if path.exists() else []


def host_taken(sources: list[Source], host: str) -> Source | None:
    """The source that already crawls this host, if any."""
    for source in sources:
        for url in source.start_urls:
            if (urlsplit(url).hostname or "").lower() == host:
                return source
    return None


def append_source(path: Path, entry: CommentedMap, note: str) -> None:
    """Append `entry` (with `note`, text without '#', as a comment line above it) to the `sources:` list of `path`."""
    if path.exists():
        read_yaml(path)  # a syntax error is reported with file and line
        data = yaml_writer().load(path.read_text(encoding="utf-8"))  # … and re-read keeping quotes
        if not isinstance(data, CommentedMap) or not isinstance(data.get("sources"), CommentedSeq):
            raise ConfigError(path, 1, "sources", "the file must hold a top-level 'sources:' list")
    else:
        data = CommentedMap(sources=CommentedSeq())
    if any(isinstance(s, dict) and s.get("id") == entry["id"] for s in data["sources"]):
        raise BadInput(f"{path} already has a source {entry['id']!r}; nothing written")
    sources: CommentedSeq = data["sources"]
    sources.fa.set_block_style()  # `sources: []` becomes a block list once it has an entry
    sources.append(entry)
    sources.yaml_set_comment_before_after_key(len(sources) - 1, before=f"\n{note}", indent=2)
    buffer = io.StringIO()
    yaml_writer().dump(data, buffer)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            text = buffer.getvalue()
            handle.write(text if text.endswith("\n") else text + "\n")
        load_sources(Path(tmp))  # refuses to replace the file with one the crawler could not load
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
