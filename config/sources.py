"""The typed model of `config/sources.yaml` and its loader."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from config.cron import parse_cron
from config.errors import ConfigError, raise_for_validation, read_yaml
from config.vocabulary import Layout, SourceKind

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
IMPORT_PATH = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*:[A-Za-z_]\w*$")
# The methods of the protocol `crawler.adapters.SiteAdapter` (config cannot import the crawler;
# tests/unit/test_crawler_adapters.py checks that the two agree).
ADAPTER_METHODS = ("article_links", "next_pages", "extract")


class Schedule(BaseModel):
    """When a source is crawled: a crontab line (Asia/Shanghai) or a fixed interval, plus jitter."""

    model_config = ConfigDict(extra="forbid")

    cron: str | None = None
    every_minutes: int | None = Field(default=None, ge=5)
    jitter_seconds: int = Field(default=300, ge=0)

    @field_validator("cron")
    @classmethod
    def _standard_cron(cls, value: str | None) -> str | None:
        if value is not None:
            parse_cron(value)  # a CronError (a ValueError) names the cron field that is wrong
        return value

    @model_validator(mode="after")
    def _one_of(self) -> Schedule:
        if (self.cron is None) == (self.every_minutes is None):
            raise ValueError("give exactly one of cron or every_minutes")
        return self


class Selectors(BaseModel):
    """CSS selectors; anything left out is discovered automatically."""

    model_config = ConfigDict(extra="forbid")

    article_links: str | None = None
    next_page: str | None = None
    content: str | None = None
    remove: list[str] = Field(default_factory=list)


class Source(BaseModel):
    """One site to crawl. `kind` is what the site is (the `source_type` facet); `layout` is how its
    article pages are read; `adapter` names a class for a site that needs code of its own
    (`package.module:Class`, see crawler/adapters.py)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: SourceKind
    layout: Layout = Layout.ARTICLE
    adapter: str | None = None
    region_hint: str | None = None
    start_urls: list[str] = Field(min_length=1)
    allowed_domains: list[str] = Field(min_length=1)
    selectors: Selectors = Field(default_factory=Selectors)
    max_list_pages: int = Field(default=5, ge=1, le=1000)
    encoding: str | None = None
    schedule: Schedule = Field(default_factory=lambda: Schedule(every_minutes=24 * 60))
    enabled: bool = True

    @model_validator(mode="before")
    @classmethod
    def _layout_from_kind(cls, data: Any) -> Any:
        """A source without `layout:` is read the way its kind used to imply: an e-paper as several
        articles per page, anything else as one. Only for files written before `layout` existed;
        new entries say their layout."""
        if isinstance(data, dict) and "layout" not in data:
            data = {**data, "layout": Layout.EPAPER if data.get("kind") == SourceKind.EPAPER else Layout.ARTICLE}
        return data

    @field_validator("adapter")
    @classmethod
    def _importable_adapter(cls, value: str | None) -> str | None:
        """The adapter class must import now, not fail in the middle of a crawl."""
        if value is None:
            return value
        if not IMPORT_PATH.match(value):
            raise ValueError(f"adapter {value!r} is not an import path like package.module:Class")
        module_name, _, class_name = value.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ValueError(f"adapter {value!r}: cannot import {module_name} ({exc})") from None
        adapter = getattr(module, class_name, None)
        if not isinstance(adapter, type):
            raise ValueError(f"adapter {value!r}: {module_name} has no class {class_name}")
        missing = [name for name in ADAPTER_METHODS if not callable(getattr(adapter, name, None))]
        if missing:
            raise ValueError(f"adapter {value!r} lacks {', '.join(missing)}; subclass crawler.adapters.DefaultAdapter")
        return value

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SOURCE_ID.match(value):
            raise ValueError("id must be lowercase letters, digits, '-' or '_' (at most 64)")
        return value

    @field_validator("start_urls")
    @classmethod
    def _http(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"not an http(s) URL: {url!r}")
        return urls

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        if value is not None:
            import codecs

            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"unknown encoding {value!r}") from None
        return value


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[Source]


def load_sources(path: Path, substitutions: dict[str, str] | None = None) -> list[Source]:
    """Load and validate a sources file.

    `substitutions` replaces `{name}` placeholders in start URLs and allowed domains; the demo
    uses it to point its sources at the ports its local sites were given.
    """
    data = read_yaml(path)
    if not isinstance(data, dict) or "sources" not in data:
        raise ConfigError(path, 1, "sources", "the file must hold a top-level 'sources:' list")
    if substitutions:
        for entry in data["sources"] or []:
            for key in ("start_urls", "allowed_domains"):
                if isinstance(entry, dict) and isinstance(entry.get(key), list):
                    for i, value in enumerate(entry[key]):
                        entry[key][i] = str(value).format_map(substitutions)
    try:
        parsed = SourcesFile.model_validate(data)
    except ValidationError as exc:
        raise_for_validation(path, data, exc)
    seen: set[str] = set()
    for i, source in enumerate(parsed.sources):
        if source.id in seen:
            line = data["sources"].lc.item(i)[0] + 1
            raise ConfigError(path, line, f"sources.{i}.id", f"duplicate source id {source.id!r}")
        seen.add(source.id)
    return parsed.sources
