"""Which hazards a document deals with, by the taxonomy of `config/hazards.yaml`.

One Aho-Corasick pass finds every keyword, weak keyword, exclude phrase and general safety
term. Then:

- a keyword inside an exclude phrase of its hazard does not count (防火墙 is not fire safety);
  a keyword inside a longer keyword of the same hazard counts once (防溺水 ⊃ 溺水);
- page furniture (footer, ads, lists of related articles) does not count;
- the document is *focused* on school safety when it speaks of a school (学校, 校园, 学生 …)
  and has at least two safety signals: general safety terms (校园安全, 安全隐患; one in the
  title counts two) plus the number of hazards named by a strong keyword;
- a hazard with a strong keyword is assigned when the document is focused, or when its own
  score reaches 2 (a title hit scores 3, a body hit 1, a weak hit half of that). A hazard with
  only weak hits needs a focused document and a score of 1 (weak hits in two sentences). So a task list
  ("重点加强防火、防溺水…教育") in a safety notice assigns fire and drowning, while one stray
  "诈骗" in an economic report or "安全生产" in a party-building text assigns nothing;
- a hazard named only in passing inside another hazard's sentences is dropped (灭火器 in a school
  bus check, 消防救援 officers at an earthquake drill), unless it is listed with other hazards;
- `primary` is the only hazard, else the one hazard the title names, else the hazard whose score
  is at least twice every other's (None when none dominates).
- `safety_related` is true when a hazard is assigned or the focused test passes on general terms.

Title and body must be Simplified (the ingest stage passes `title_search`/`body_search`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from config.hazards import Taxonomy
from indexer.enrich.textzones import Matcher, furniture_spans, tail_start
from indexer.models import Evidence
from indexer.text.chinese import HAN

SCHOOL_WORDS = ("学校", "校园", "学生", "师生", "幼儿园", "中小学", "教育系统", "教体系统", "校车", "高校", "中学", "小学",
                "教育局", "教育厅", "教体局", "教育部", "未成年人", "青少年", "儿童", "家长")
TITLE_FACTOR = 3.0
WEAK_FACTOR = 0.5
MAX_EVIDENCE_PER_HAZARD = 8

_STRONG, _WEAK, _EXCLUDE, _TERM = "kw", "weak", "exclude", "term"
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# What stands between two items of a list of hazards: "防火、防溺水", "消防安全和交通安全".
_LIST_GAP = re.compile(rf"^[{HAN}]{{0,4}}[、和及与/][{HAN}]{{0,2}}$")
DOMINANCE = 1.5
# After a keyword that names its hazard as a topic or a task rather than a thing in passing.
_TOPIC_AFTER = re.compile(r"安全|工作|教育|防控|防范|防治|宣传|知识|专项|隐患|意识|事故|事件")
PRIMARY_MARGIN = 2.0


@dataclass
class HazardResult:
    hazards: list[str]
    primary: str | None
    safety_related: bool
    evidence: list[Evidence]


class _Compiled:
    def __init__(self, taxonomy: Taxonomy):
        phrases: dict[str, list[tuple[str, str]]] = {}
        for h in taxonomy.hazards:
            for kind, words in ((_STRONG, h.keywords), (_WEAK, h.weak), (_EXCLUDE, h.exclude)):
                for w in words:
                    phrases.setdefault(w, []).append((h.code, kind))
        for term in taxonomy.safety_terms:
            phrases.setdefault(term, []).append(("", _TERM))
        self.matcher = Matcher((p, tuple(v)) for p, v in phrases.items())
        self.order = [h.code for h in taxonomy.hazards]


_cache: dict[int, tuple[Taxonomy, _Compiled]] = {}


def _compiled(taxonomy: Taxonomy) -> _Compiled:
    """The matcher for a taxonomy, built once per taxonomy object (pydantic models are not hashable)."""
    entry = _cache.get(id(taxonomy))
    if entry is not None and entry[0] is taxonomy:
        return entry[1]
    comp = _Compiled(taxonomy)
    if len(_cache) >= 8:
        _cache.pop(next(iter(_cache)))
    _cache[id(taxonomy)] = (taxonomy, comp)  # holding the taxonomy keeps its id from being reused
    return comp


def _hits(comp: _Compiled, text: str, field: str, skip: list[tuple[int, int]]):
    """(code, kind, start, end, phrase, field) for each counted match."""
    raw = comp.matcher.find(text)
    excludes: dict[str, list[tuple[int, int]]] = {}
    for start, end, _, values in raw:
        for code, kind in values:
            if kind == _EXCLUDE:
                excludes.setdefault(code, []).append((start, end))
    per: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for start, end, phrase, values in raw:
        if skip and any(a <= start < b for a, b in skip):
            continue
        for code, kind in values:
            if kind == _EXCLUDE:
                continue
            if any(a <= start and end <= b for a, b in excludes.get(code, ())):
                continue
            per.setdefault((code, kind), []).append((start, end, phrase))
    out = []
    for (code, kind), spans in per.items():
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, phrase in spans:
            if end <= last_end:  # inside a longer phrase of the same hazard (防溺水 ⊃ 溺水)
                continue
            last_end = max(last_end, end)
            out.append((code, kind, start, end, phrase, field))
    # a weak hit inside a strong keyword of the same hazard is not a second hit
    strong: dict[str, list[tuple[int, int]]] = {}
    for code, kind, start, end, _, _ in out:
        if kind == _STRONG:
            strong.setdefault(code, []).append((start, end))
    return [h for h in out if not (h[1] == _WEAK and any(a <= h[2] and h[3] <= b for a, b in strong.get(h[0], ())))]


def _incidental(assigned: list[str], hits: list, score: dict[str, float], title: str, body: str) -> set[str]:
    """Hazards named only in passing inside the sentences of another hazard: 灭火器 in a school-bus
    check, 消防救援 officers at an earthquake drill, 违规电器 as the cause of a fire, 校门口 as the place
    of a 护学岗. A hazard is incidental when every one of its hits shares its sentence with a strong
    keyword of a hazard that scores at least `DOMINANCE` times as much, none of its hits is
    listed with another hazard ("重点加强防火、防溺水…教育" is a task list: each item counts), and
    none names the hazard as a topic or task (防溺水, 对防溺水工作提出要求, 禁毒教育)."""
    stops = [m.start() for m in _SENTENCE_END.finditer(body)]

    def sentence(hit) -> tuple[str, int]:
        return hit[5], (bisect_right(stops, hit[2]) if hit[5] == "body" else 0)

    by_sentence: dict[tuple[str, int], list] = {}
    by_code: dict[str, list[tuple]] = {}
    for hit in hits:
        if hit[1] in (_STRONG, _WEAK):
            key = sentence(hit)
            by_sentence.setdefault(key, []).append(hit)
            by_code.setdefault(hit[0], []).append((hit, key))
    keep = set(assigned)
    return {code for code in assigned
            if by_code.get(code) and all(_in_passing(h, by_sentence[key], keep, score, title, body)
                                         for h, key in by_code[code])}


def _in_passing(hit, neighbours: list, keep: set[str], score: dict[str, float], title: str, body: str) -> bool:
    code = hit[0]
    text = title if hit[5] == "title" else body
    if hit[4].startswith("防") or _TOPIC_AFTER.match(text, hit[3]):
        return False  # the hazard named as a topic or task: 防溺水, 消防安全工作, 诈骗教育
    dominated = False
    for other in neighbours:
        if other[0] == code or other[0] == "":
            continue
        a, b = (hit, other) if hit[2] < other[2] else (other, hit)
        if _LIST_GAP.match(text[a[3]:b[2]]):
            return False  # listed side by side with another hazard: a task of its own
        if other[1] == _STRONG and other[0] in keep and score.get(other[0], 0.0) >= DOMINANCE * score.get(code, 0.0):
            dominated = True
    return dominated


def _primary(assigned: list[str], score: dict[str, float], in_title: set[str]) -> str | None:
    """The hazard the document is mainly about: the only one, else the one its title names alone
    (a title naming two, "防溺水和交通安全", has none), else one scoring twice any other."""
    if len(assigned) == 1:
        return assigned[0]
    titled = [code for code in assigned if code in in_title]
    if len(titled) == 1:
        return titled[0]
    if titled:
        return None
    ranked = sorted(assigned, key=lambda c: -score[c])
    return ranked[0] if ranked and score[ranked[0]] >= PRIMARY_MARGIN * score[ranked[1]] else None


def _school_context(title: str, body: str) -> bool:
    return any(w in title or w in body for w in SCHOOL_WORDS)


def tag_hazards(title: str, body: str, taxonomy: Taxonomy) -> HazardResult:
    comp = _compiled(taxonomy)
    title = title or ""
    body = body or ""
    body = body[:tail_start(body)]
    skip = furniture_spans(body)
    hits = _hits(comp, title, "title", []) + _hits(comp, body, "body", skip)

    score: dict[str, float] = {}
    strong: dict[str, int] = {}
    term_score = 0.0
    stops: list[int] | None = None
    weak_seen: set[tuple[str, str, int]] = set()
    for code, kind, start, _, _, field in hits:
        factor = TITLE_FACTOR if field == "title" else 1.0
        if kind == _TERM:
            term_score += 2.0 if field == "title" else 1.0
            continue
        if kind == _STRONG:
            strong[code] = strong.get(code, 0) + 1
            score[code] = score.get(code, 0.0) + factor
        else:
            # weak hits count once per sentence: "私拉乱接电线、使用大功率电器" is one hint, not two
            if stops is None:
                stops = [m.start() for m in _SENTENCE_END.finditer(body)]
            key = (code, field, bisect_right(stops, start) if field == "body" else 0)
            if key in weak_seen:
                continue
            weak_seen.add(key)
            score[code] = score.get(code, 0.0) + factor * WEAK_FACTOR

    school = _school_context(title, body)
    focused = school and (term_score + len(strong)) >= 2

    assigned = []
    for code in comp.order:
        s = score.get(code, 0.0)
        if code in strong:
            if focused or s >= 2:
                assigned.append(code)
        elif s >= 1 and focused:
            assigned.append(code)
    if len(assigned) > 1:
        passing = _incidental(assigned, hits, score, title, body)
        assigned = [code for code in assigned if code not in passing]

    primary = _primary(assigned, score, {h[0] for h in hits if h[5] == "title"})

    evidence: list[Evidence] = []
    keep = set(assigned)
    counts: dict[str, int] = {}
    for code, kind, start, _, phrase, field in sorted(hits, key=lambda h: (h[5] != "title", h[2])):
        if code in keep and counts.get(code, 0) < MAX_EVIDENCE_PER_HAZARD:
            counts[code] = counts.get(code, 0) + 1
            evidence.append(Evidence(label=code, phrase=phrase, start=start, field=field,
                                     rule=f"hazard:{'keyword' if kind == _STRONG else 'weak'}"))
    safety = bool(assigned) or (school and term_score >= 2)
    return HazardResult(assigned, primary, safety, evidence)
