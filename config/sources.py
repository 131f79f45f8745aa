"""The typed model of `config/sources.yaml` and its loader."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from config.errors import ConfigError, raise_for_validation, read_yaml

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class Schedule(BaseModel):
    """When a source is crawled: a crontab line (Asia/Shanghai) or a fixed interval, plus jitter."""

    model_config = ConfigDict(extra="forbid")

    cron: str | None = None
    every_minutes: int | None = Field(default=None, ge=5)
    jitter_seconds: int = Field(default=300, ge=0)

    @field_validator("cron")
    @classmethod
    def _cron_has_five_fields(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) != 5:
            raise ValueError("cron needs five fields: minute hour day month weekday")
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
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: Literal["gov", "news", "aggregator", "epaper"]
    region_hint: str | None = None
    start_urls: list[str] = Field(min_length=1)
    allowed_domains: list[str] = Field(min_length=1)
    selectors: Selectors = Field(default_factory=Selectors)
    max_list_pages: int = Field(default=5, ge=1, le=1000)
    encoding: str | None = None
    schedule: Schedule = Field(default_factory=lambda: Schedule(every_minutes=24 * 60))
    enabled: bool = True

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
