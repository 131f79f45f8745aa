"""The starter catalogue of bureaus (config/catalog/*.yaml): who to onboard, where they are, and
whether anybody has seen their address answer yet."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from config.errors import BadInput, ConfigError, raise_for_validation, read_yaml
from config.settings import CONFIG_DIR
from config.vocabulary import IssuerLevel

CATALOG_DIR = CONFIG_DIR / "catalog"
REGION_SEPARATORS = re.compile(r"[\s>＞/|,，、]+")


class Bureau(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    region: str                     # "陕西省 > 西安市", as region_hint takes it
    code: str = Field(pattern=r"^\d{6}$")  # GB/T 2260
    level: IssuerLevel
    url: str | None                 # the home page; null until someone is sure of it
    needs_url: bool = False
    verified: bool = False          # true once `gonggao sources check` saw it answer

    @field_validator("url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value

    @model_validator(mode="after")
    def _url_or_needs_url(self) -> Bureau:
        if (self.url is None) != self.needs_url:
            raise ValueError("give a url, or url: null with needs_url: true")
        if self.verified and self.url is None:
            raise ValueError("an entry without a url cannot be verified")
        return self

    def matches(self, region: str) -> bool:
        """Does `region` (a GB/T 2260 code, a place name or a path like 陕西省 > 西安市) select this bureau?
        A province selects its own department and the bureaus under it; a short name (陕西, 西安) works."""
        wanted = region.strip()
        if wanted.isdigit():
            prefix = wanted.rstrip("0") if len(wanted) == 6 else wanted
            return self.code == wanted or (len(prefix) <= 2 and self.code.startswith(prefix))
        parts = [p for p in REGION_SEPARATORS.split(self.region) if p]
        asked = [p for p in REGION_SEPARATORS.split(wanted) if p]
        if not asked:
            return False
        if len(asked) == 1:
            return any(part.startswith(asked[0]) for part in parts)
        return len(asked) <= len(parts) and all(part.startswith(a) for part, a in zip(parts, asked, strict=False))


class CatalogFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bureaus: list[Bureau]


def load_catalog(folder: Path | None = None) -> list[Bureau]:
    """Every bureau of every *.yaml file in `folder` (default config/catalog/), validated (errors
    name file, line and field)."""
    out: list[Bureau] = []
    for path in sorted((folder or CATALOG_DIR).glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, dict) or "bureaus" not in data:
            raise ConfigError(path, 1, "bureaus", "the file must hold a top-level 'bureaus:' list")
        try:
            out += CatalogFile.model_validate(data).bureaus
        except ValidationError as exc:
            raise_for_validation(path, data, exc)
    return out


def select(bureaus: list[Bureau], region: str) -> list[Bureau]:
    chosen = [b for b in bureaus if b.matches(region)]
    if not chosen:
        raise BadInput(f"the catalogue has no bureau in {region!r} (give a province or city name, or a GB/T 2260 code)")
    return chosen
