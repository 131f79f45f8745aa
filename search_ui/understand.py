"""Query understanding: the words of a search that name a place, a time or a hazard, read as
filters. Pure: no I/O; the names come in a `Lexicon` (search_ui/lexicon.py builds it from the
gazetteer of indexer/enrich and the hazard taxonomy).

    陕西 溺水 2024       region 陕西省, hazard drowning, year 2024; no words left
    汉阴县防溺水          one word, read whole: region 陕西省 > 安康市 > 汉阴县, hazard drowning
    近7天 校园安全        date=7d; the words 校园安全 stay
    2024年5月 / 2024-05   from 2024-05-01 to 2024-05-31
    fire safety          hazard fire (English labels, several words)
    校车 安全            hazard traffic offered, not applied: 校车 is narrower than traffic safety

Which words are read: the plain words of the query, not "phrases", -exclusions or OR
alternatives. A word is read only when all of it is names, dates and hazard words (汉阴县防溺水
is; 汉阴县教育局 is not, so a pasted title stays text). Two or three neighbouring words are read
together when together they are one name or date (`2024年 5月`, `fire safety`).

A name can stand for several places (朝阳: districts of 北京 and 长春, a city of 辽宁). As in the
gazetteer, the higher level wins when it is alone there (吉林 is the province); a place written
with its parent in the same query is the one under it (北京 朝阳); otherwise the reading is
uncertain and only offered, never applied. A place inside another one typed with it (陕西 汉阴)
adds nothing: both words stand for the deeper place.

What may be applied (`Understanding.applicable`): every certain reading whose filter the user has
not set already (a region typed while a region is selected would widen the search, not narrow
it), and one date span at most. Several places are any of them (OR), several hazards all of them
(AND: the words were all typed), several years any of them. The service applies them only when
the search still finds something, and says so (search_ui/service.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from search_ui.parsing import REGION_SEPARATOR
from search_ui.query import SearchParams
from search_ui.syntax import Term, render_groups, split_query

Kind = Literal["region", "hazard", "time"]
MAX_JOINED = 3          # neighbouring words read together at most
MAX_MEANINGS = 3        # places offered for one uncertain name
MAX_HAZARD_CHARS = 40   # the longest hazard word tried (the English labels are the long ones)
FIRST_YEAR = 1949       # a four-digit number from here to next year is a year
# the span a word names: "range" is (first day, last day); "date" a preset of query.DATE_PRESETS
TIME_PARAMS = ("year", "date", "range")


@dataclass(frozen=True)
class Place:
    """A place a name can stand for, as the index stores it."""

    path: str        # the region facet value: "陕西省 > 安康市 > 汉阴县"
    level: int       # 0 province, 1 city, 2 county

    def contains(self, other: Place) -> bool:
        return other.path.startswith(self.path + REGION_SEPARATOR)


@dataclass(frozen=True)
class Lexicon:
    """The names the query is read with."""

    # the place names in a Simplified text: (start, end, the places each can be), any overlap
    places: Callable[[str], list[tuple[int, int, tuple[Place, ...]]]]
    # a hazard word (Simplified; lower case for Latin letters) → the hazard codes it names
    hazards: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # words narrower than a hazard (校车 of traffic safety): read, offered, never applied
    hazard_hints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Meaning:
    """One filter a reading can stand for."""

    param: str       # "region", "hazard", "year", "date" (a preset) or "range"
    value: Any       # region path, hazard code, year, preset, or (first day, last day)


@dataclass(frozen=True)
class Reading:
    """Words of the query read as a place, a hazard or a time."""

    text: str                          # the words, as typed (Simplified)
    kind: Kind
    meanings: tuple[Meaning, ...]      # the most likely first
    certain: bool = True               # False: only offered, never applied

    @property
    def meaning(self) -> Meaning:
        return self.meanings[0]


@dataclass(frozen=True)
class Slot:
    """A part of the query: a word or words read as one or more readings, or text only."""

    text: str                          # as it goes back into a query: word, "a OR b", "\"x\"", -x
    readings: tuple[Reading, ...] = ()


@dataclass(frozen=True)
class Understanding:
    slots: tuple[Slot, ...] = ()

    @property
    def readings(self) -> tuple[Reading, ...]:
        return tuple(r for slot in self.slots for r in slot.readings)

    def __bool__(self) -> bool:
        return bool(self.readings)

    def words_without(self, readings: Iterable[Reading]) -> str:
        """The query with the words of these readings left out."""
        gone = set(map(id, readings))
        parts: list[str] = []
        for slot in self.slots:
            if not slot.readings:
                parts.append(slot.text)
            elif any(id(r) not in gone for r in slot.readings):
                kept = [r.text for r in slot.readings if id(r) not in gone]
                parts.append(slot.text if len(kept) == len(slot.readings) else " ".join(kept))
        return " ".join(parts)

    def applicable(self, p: SearchParams) -> tuple[Reading, ...]:
        """The readings that may be applied to the search `p` (see the module's docstring)."""
        out: list[Reading] = []
        span_taken = False
        for r in self.readings:
            m = r.meaning
            if not r.certain or user_set(p, m.param):
                continue
            if m.param in ("date", "range"):
                if span_taken:
                    continue
                span_taken = True
            out.append(r)
        return tuple(out)

    def apply(self, p: SearchParams, readings: Iterable[Reading], meanings: Mapping[int, Meaning] | None = None) -> SearchParams:
        """`p` with these readings as filters (each its first meaning, or the one in `meanings`
        by id of the reading) and their words left out of the query; same page."""
        readings = tuple(readings)
        out = replace(p, q=self.words_without(readings))
        hazards = 0
        for r in readings:
            m = (meanings or {}).get(id(r), r.meaning)
            out = with_meaning(out, m)
            hazards += m.param == "hazard"
        if hazards > 1 and "hazard" in out.registry:
            out = out.with_match("hazard", True)
        return replace(out, page=p.page)


def user_set(p: SearchParams, param: str) -> bool:
    """Whether the search already filters on what a meaning of `param` would set."""
    if param == "date":
        return bool(p.date_preset)
    if param == "range":
        return bool(p.date_from or p.date_to)
    return param not in p.registry or bool(p.values(param))


def with_meaning(p: SearchParams, m: Meaning) -> SearchParams:
    if m.param == "date":
        return replace(p, date_preset=m.value)
    if m.param == "range":
        lo, hi = m.value
        return replace(p, date_from=max(p.date_from or lo, lo), date_to=min(p.date_to or hi, hi))
    values = p.values(m.param)
    return p if m.value in values else p.with_values(m.param, (*values, m.value))


# --- reading the query ------------------------------------------------------------------------
def understand(q: str, lexicon: Lexicon, today: date) -> Understanding:
    """The readings of a query's words (an empty Understanding when there are none)."""
    groups, excluded = split_query(q)
    slots: list[Slot] = []
    i = 0
    while i < len(groups):
        for n in range(min(MAX_JOINED, len(groups) - i), 0, -1):
            words = [_plain(g) for g in groups[i:i + n]]
            if n > 1 and not all(words):
                continue
            text = " ".join(w for w in words if w)
            pieces = _segment(text, lexicon, today) if text else None
            if pieces and (n == 1 or len(pieces) == 1):
                slots.append(Slot(render_groups(groups[i:i + n], []), tuple(pieces)))
                i += n
                break
        else:
            slots.append(Slot(render_groups(groups[i:i + 1], [])))
            i += 1
    slots += [Slot(render_groups([], [t])) for t in excluded]
    return Understanding(tuple(_resolve_places(slots)))


def _plain(group: list[Term]) -> str | None:
    """The word of a group that can be read: one plain term (not a phrase, not OR-ed)."""
    return group[0].text if len(group) == 1 and not group[0].phrase else None


def _segment(text: str, lexicon: Lexicon, today: date) -> list[Reading] | None:
    """The whole text as readings, longest first at each place; None when a part is not a name."""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) != len(text):
        folded = text                       # offsets must stay those of `text`
    places: dict[int, list[tuple[int, tuple[Place, ...]]]] = {}
    for start, end, found in lexicon.places(text):
        places.setdefault(start, []).append((end, found))
    out: list[Reading] = []
    i = 0
    while i < len(text):
        best: tuple[int, Reading] | None = None
        time = read_time(folded, i, today)
        if time:
            best = (time[0], replace(time[1], text=text[i:time[0]]))      # as typed (full-width digits too)
        hazard = _hazard_at(text, i, lexicon)
        if hazard and (best is None or hazard[0] > best[0]):
            best = hazard
        for end, found in places.get(i, ()):
            if found and (best is None or end > best[0]):
                best = (end, _place_reading(text[i:end], found))
        if best is None:
            return None
        out.append(best[1])
        i = best[0]
        while i < len(text) and text[i].isspace():
            i += 1
    return out


def _hazard_at(text: str, i: int, lexicon: Lexicon) -> tuple[int, Reading] | None:
    """The longest hazard word at `i`: certain when it names one hazard (not a hint, not two)."""
    for end in range(min(len(text), i + MAX_HAZARD_CHARS), i, -1):
        word = text[i:end].lower()
        named, hinted = lexicon.hazards.get(word, ()), lexicon.hazard_hints.get(word, ())
        codes = tuple(dict.fromkeys(named + hinted))
        if codes:
            meanings = tuple(Meaning("hazard", c) for c in codes)
            return end, Reading(text[i:end], "hazard", meanings, certain=len(codes) == 1 and not hinted)
    return None


def _place_reading(text: str, found: tuple[Place, ...]) -> Reading:
    ordered = sorted(dict.fromkeys(found), key=lambda p: (p.level, p.path))
    top = [p for p in ordered if p.level == ordered[0].level]
    return Reading(text, "region", tuple(Meaning("region", p) for p in ordered), certain=len(top) == 1)


def _resolve_places(slots: list[Slot]) -> list[Slot]:
    """Places read with one another: an uncertain name under a certain place named with it is the
    one under it (北京 朝阳); a place containing another typed with it stands for the deeper one."""
    certain = [r.meaning.value for s in slots for r in s.readings if r.kind == "region" and r.certain]
    out = []
    for slot in slots:
        readings = []
        for r in slot.readings:
            if r.kind == "region":
                r = _in_context(r, certain)
            readings.append(r)
        out.append(replace(slot, readings=tuple(readings)))
    chosen = [r.meaning.value for s in out for r in s.readings if r.kind == "region" and r.certain]
    final = []
    for slot in out:
        readings = []
        for r in slot.readings:
            if r.kind == "region" and r.certain:
                deeper = [p for p in chosen if r.meaning.value.contains(p)]
                if deeper:          # 陕西 汉阴: the other word adds the filter, this one nothing
                    r = replace(r, meanings=(Meaning("region", deeper[0]),))
            readings.append(r)
        final.append(replace(slot, readings=tuple(readings)))
    return [replace(s, readings=tuple(_as_paths(r) for r in s.readings)) for s in final]


def _in_context(r: Reading, certain: list[Place]) -> Reading:
    if r.certain:
        return r
    under = [m for m in r.meanings if any(p.contains(m.value) for p in certain)]
    if len(under) == 1:
        return replace(r, meanings=tuple(under), certain=True)
    return replace(r, meanings=r.meanings[:MAX_MEANINGS])


def _as_paths(r: Reading) -> Reading:
    """Region meanings by their path (the facet value), once they are resolved."""
    if r.kind != "region":
        return r
    return replace(r, meanings=tuple(Meaning("region", m.value.path) for m in r.meanings))


# --- dates ------------------------------------------------------------------------------------
_NUM = r"[0-9]{1,4}|[一二两三四五六七八九十]{1,3}|半"
_UNIT = r"个?(?:月|年|周|星期|礼拜)|天|日"
TIME_PATTERNS = [
    ("day", re.compile(r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*[日号]")),
    ("day", re.compile(r"(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})(?![0-9])")),
    ("years", re.compile(r"(?P<y>[0-9]{4})\s*年?\s*[-–—~～至到]\s*(?P<y2>[0-9]{4})\s*年?(?![0-9])")),
    ("month", re.compile(r"(?P<y>[0-9]{4})\s*年?\s*(?P<m>[0-9]{1,2})\s*月份?")),
    ("month", re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})(?![0-9])")),
    ("year", re.compile(r"(?P<y>[0-9]{4})(?:\s*年度?)?(?![0-9])")),
    ("recent", re.compile(rf"(?:近|最近|过去)\s*(?P<n>{_NUM})\s*(?P<u>{_UNIT})(?:以来|来|内)?")),
    ("named", re.compile(r"今年|去年|前年|本年度|今天|今日|昨天|昨日|本月|这个月|当月|上个月|上月|本周|这周|上周")),
]
_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def read_time(text: str, i: int, today: date) -> tuple[int, Reading] | None:
    """The longest time expression starting at `i`: (its end, the reading)."""
    best: tuple[int, Reading] | None = None
    for kind, pattern in TIME_PATTERNS:
        m = pattern.match(text, i)
        if not m or (best and m.end() <= best[0]):
            continue
        meaning = _time_meaning(kind, m, today)
        if meaning:
            best = (m.end(), Reading(m.group(0), "time", (meaning,)))
    return best


def _time_meaning(kind: str, m: re.Match[str], today: date) -> Meaning | None:
    g = m.groupdict()
    try:
        if kind == "named":
            return _named(m.group(0), today)
        if kind == "recent":
            return _recent(_number(g["n"]), g["u"], today)
        year = int(g["y"])
        if not FIRST_YEAR <= year <= today.year + 1:
            return None
        if kind == "year":
            return Meaning("year", year)
        if kind == "years":
            last = int(g["y2"])
            if not year < last <= today.year + 1:
                return None
            return Meaning("range", (date(year, 1, 1), date(last, 12, 31)))
        if kind == "month":
            return Meaning("range", month_span(year, int(g["m"])))
        day = date(year, int(g["m"]), int(g["d"]))
        return Meaning("range", (day, day))
    except ValueError:                   # 2024年13月, 2月30日
        return None


def _number(text: str) -> float:
    """7, 七, 十二, 二十, 半 → the number; 0 when it is none."""
    if text == "半":
        return 0.5
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _DIGIT.get(text, 0) if len(text) == 1 else 0
    if (tens and tens not in _DIGIT) or (ones and ones not in _DIGIT):
        return 0
    return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[ones] if ones else 0)


def _recent(n: float, unit: str, today: date) -> Meaning | None:
    """近7天 → date=7d; 近一个月 → date=30d; other spans as a range ending today."""
    unit = unit.lstrip("个")
    if unit in ("周", "星期", "礼拜"):
        n, unit = n * 7, "天"
    if unit in ("天", "日"):
        days = int(n)
        if days != n or not 1 <= days <= 3660:
            return None
        if days in (7, 30):
            return Meaning("date", f"{days}d")
        return Meaning("range", (today - timedelta(days=days - 1), today))
    months = n * 12 if unit == "年" else n
    if months == 0.5:
        return Meaning("range", (today - timedelta(days=14), today))
    if months != int(months) or not 1 <= months <= 120:
        return None
    if months == 1:
        return Meaning("date", "30d")
    return Meaning("range", (add_months(today, -int(months)) + timedelta(days=1), today))


def _named(word: str, today: date) -> Meaning:
    if word in ("今年", "本年度"):
        return Meaning("year", today.year)
    if word == "去年":
        return Meaning("year", today.year - 1)
    if word == "前年":
        return Meaning("year", today.year - 2)
    if word in ("今天", "今日"):
        return Meaning("range", (today, today))
    if word in ("昨天", "昨日"):
        day = today - timedelta(days=1)
        return Meaning("range", (day, day))
    if word in ("本周", "这周"):
        return Meaning("range", (today - timedelta(days=today.weekday()), today))
    if word == "上周":
        monday = today - timedelta(days=today.weekday() + 7)
        return Meaning("range", (monday, monday + timedelta(days=6)))
    if word in ("上个月", "上月"):
        first = add_months(today.replace(day=1), -1)
        return Meaning("range", month_span(first.year, first.month))
    return Meaning("range", month_span(today.year, today.month))          # 本月, 这个月, 当月


def month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, add_months(first, 1) - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier when negative), the last of its month when shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(day)
