"""The typed model of `config/hazards.yaml` (the hazard taxonomy) and its loader.

Each hazard has a stable `code` (what the index stores and saved URLs carry), zh/en labels for
the UI, and Simplified keywords:

- `keywords`: one occurrence is enough; the phrase itself says the text deals with the hazard
  (防溺水, 食品安全, 校园欺凌).
- `weak`: a hint only; the hazard needs two weak hits or one strong one (食堂, 游泳).
- `exclude`: phrases in which a keyword does not count (防火墙 is not fire safety, 网络安全产业 is
  not cyber safety at school).
- `listed`: words too plain to be a hint on their own (交通, 用电) that count when they are an item
  of a list of hazards ("台风、溺水、交通、火灾等应急演练").
- `measures`: when given, a keyword counts as one only in a sentence that also names one of these
  measures (防御, 停课, 应对); elsewhere it is a mention, a weak hit ("进入高温季节" sets the scene
  of a drowning notice; "做好高温防范" is a measure).
- `answers`: words that are also the answer to another hazard (心理疏导 after an earthquake or a
  bullying case, 巡逻 along a river in a drowning campaign): a hazard named only by them, not in
  the headline and never followed by 管理 / 工作 (出行安全管理 is a task), is dropped when another
  hazard is assigned.
- `fittings`: phrases, each starting with a keyword, that name a vehicle's equipment (灭火器): in a
  sentence that names a vehicle, or under a headline that does, they are no hit at all (a school
  bus check looks at its extinguisher; that is not fire safety).
- `told`: weak words that tell the hazard happening (殴打, 被打): a school text that tells it in
  two sentences is about it though it never names it (a beating at a school, reported as news).
  A keyword that `measures` make a hint where no measure stands (暴雨, 暴雪) may be one too: a storm
  told as it hit a school is the story's subject.
- `explained_by`: codes of other hazards that, assigned to the text, explain what the `told` words
  tell: a hazard assigned only by its told words then goes (pupils vomiting in a norovirus outbreak
  are the epidemic's, not the canteen's). The words still count as the hazard's weak hints.
- `pair`: two lists of words, an act and a place: a sentence naming one of each names the hazard
  (游泳 + 水库: swimming in a reservoir), so a weak hit in it counts as a keyword.
- `paired_only`: weak words that are places more often than hazards (教学楼: where a fire check
  goes, 重点检查教学楼、宿舍的疏散通道): they count only in a sentence the `pair` names the hazard in
  (教学楼墙身出现裂痕); each must be one of the hazard's `weak` words and of the pair's places.
- `followed_by`: two lists, what was done and what followed: a sentence telling a word of the
  second after one of the first, with 后 between them (吃过午饭后呕吐, 饮用学生奶后出现腹痛), tells
  the hazard happening though it never names it: a keyword at the second word.
- `inspected`: weak words that name the things a check goes through (用电, 水电, 校舍, 围墙): as
  an item of a list of three or more in a sentence naming a check (对校舍、围墙、厕所、水电等认真排查),
  the word names the hazard, a keyword; each must be one of the hazard's `weak` words and no
  `paired_only` one.
- `pair_reach`: when given, the `pair`'s act and place count only within this many characters of
  the hit (检查了食材, 对食堂食材进行检测), not anywhere in its sentence (a check of the fire exits
  in one clause, 少吃油炸食物 in another).
- `passing_counts`: true for a hazard readers count wherever a notice names it by a keyword (power,
  traffic, bullying, epidemics, labs): never dropped as a word in passing inside another hazard's
  sentences, but in one telling what happened (配电箱冒烟后起火: the fire's scene) or in the condition
  the other is done under (在做好疫情防控的前提下).
- `dwelt_on`: when given, a school text with a safety signal (a general safety term, or a hazard
  named by a keyword) that names the hazard by hints only (weak words, or keywords its `measures`
  make hints) in this many sentences is about it, focused or not: a storm or a heat wave a letter
  comes back to (连日降雪…雪后路面…) is a thing to prepare for, where one sentence setting the scene
  (进入高温季节) is not, nor a snow-scenery story. Such a hazard is never the text's primary, and an
  incident's own hazard is still found beside it.

Rules shared by every hazard, in the same file:

- `safety_terms`: general school-safety phrases (校园安全, 安全隐患) that make a document
  safety-related without naming one hazard;
- `topic_words`: words that, right after a weak word, name it as a topic or task (燃气 + 安全,
  取暖 + 工作, 电器 + 管理): the weak word then counts as a keyword;
- `agency_suffixes`: a keyword followed by one of these names a body taking part (消防 + 大队,
  地震 + 局, 防汛 + 办), not a measure: it counts as a weak hit.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, StrictBool, ValidationError, field_validator

from config.errors import ConfigError, raise_for_validation, read_yaml

CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class Hazard(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    zh: str
    en: str
    keywords: list[str]
    weak: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    listed: list[str] = Field(default_factory=list)
    measures: list[str] = Field(default_factory=list)
    answers: list[str] = Field(default_factory=list)
    fittings: list[str] = Field(default_factory=list)
    told: list[str] = Field(default_factory=list)
    explained_by: list[str] = Field(default_factory=list)
    pair: list[list[str]] = Field(default_factory=list)
    paired_only: list[str] = Field(default_factory=list)
    followed_by: list[list[str]] = Field(default_factory=list)
    inspected: list[str] = Field(default_factory=list)
    passing_counts: StrictBool = False
    pair_reach: PositiveInt | None = None
    dwelt_on: PositiveInt | None = None

    @field_validator("code")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not CODE.match(value):
            raise ValueError("code must be lowercase letters, digits or '_' and start with a letter")
        return value

    @field_validator("keywords")
    @classmethod
    def _not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("keywords must not be empty")
        return value

    @field_validator("keywords", "weak", "exclude", "listed", "measures", "answers", "fittings", "told", "paired_only",
                     "inspected")
    @classmethod
    def _no_blank(cls, value: list[str]) -> list[str]:
        return _words(value)

    @field_validator("pair")
    @classmethod
    def _two_lists(cls, value: list[list[str]]) -> list[list[str]]:
        if value and len(value) != 2:
            raise ValueError("pair must be two lists: the acts and the places")
        return [_words(words) for words in value]

    @field_validator("followed_by")
    @classmethod
    def _cause_and_effect(cls, value: list[list[str]]) -> list[list[str]]:
        if value and len(value) != 2:
            raise ValueError("followed_by must be two lists: what was done and what followed")
        if any(not words for words in value):
            raise ValueError("followed_by's lists must not be empty")
        return [_words(words) for words in value]

    def word_kinds(self) -> dict[str, list[str]]:
        """Which lists of this hazard a word is in (a word in two is a mistake)."""
        kinds: dict[str, list[str]] = {}
        for kind in ("keywords", "weak", "exclude", "listed"):
            for word in getattr(self, kind):
                kinds.setdefault(word, []).append(kind)
        return kinds


def _words(value: list[str]) -> list[str]:
    out = [str(v).strip() for v in value]
    if any(not v for v in out):
        raise ValueError("a keyword must not be blank")
    return out


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hazards: list[Hazard]
    safety_terms: list[str] = Field(default_factory=list)
    topic_words: list[str] = Field(default_factory=list)
    agency_suffixes: list[str] = Field(default_factory=list)

    @field_validator("safety_terms", "topic_words", "agency_suffixes")
    @classmethod
    def _no_blank(cls, value: list[str]) -> list[str]:
        return _words(value)

    def labels(self, lang: str = "zh") -> dict[str, str]:
        """code → label in `lang` ("zh" or "en"), in file order."""
        if lang not in ("zh", "en"):
            raise ValueError(f"unknown label language {lang!r}")
        return {h.code: getattr(h, lang) for h in self.hazards}

    def get(self, code: str) -> Hazard | None:
        return next((h for h in self.hazards if h.code == code), None)


def load_taxonomy(path: Path) -> Taxonomy:
    """Load and validate the taxonomy; a mistake is a ConfigError naming file, line and field."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict) or "hazards" not in data:
        raise ConfigError(path, 1, "hazards", "the file must hold a top-level 'hazards:' list")
    entries = data["hazards"]
    if not isinstance(entries, list) or not entries:
        raise ConfigError(path, _line(data, "hazards"), "hazards", "'hazards' must be a non-empty list")
    try:
        parsed = Taxonomy.model_validate(data)
    except ValidationError as exc:
        raise_for_validation(path, data, exc)
        raise  # unreachable: raise_for_validation always raises
    seen: dict[str, int] = {}
    seen_codes = {hazard.code for hazard in parsed.hazards}  # all of them: explained_by may name a later hazard
    for i, hazard in enumerate(parsed.hazards):
        line = _item_line(entries, i, "code")
        if hazard.code in seen:
            raise ConfigError(path, line, f"hazards.{i}.code",
                              f"duplicate hazard code {hazard.code!r} (first on line {seen[hazard.code]})")
        seen[hazard.code] = line or 0
        for word, kinds in hazard.word_kinds().items():
            if len(kinds) > 1:
                raise ConfigError(path, _item_line(entries, i, kinds[1]) or line, f"hazards.{i}.{kinds[1]}",
                                  f"{word!r} is in both {kinds[0]!r} and {kinds[1]!r} of {hazard.code!r}")
        for word in hazard.told:
            if word not in hazard.weak and not (hazard.measures and word in hazard.keywords):
                raise ConfigError(path, _item_line(entries, i, "told") or line, f"hazards.{i}.told",
                                  f"{word!r} tells {hazard.code!r} happening but is not one of its 'weak' words "
                                  "(nor a keyword its 'measures' make a hint)")
        for code in hazard.explained_by:
            if code not in seen_codes or code == hazard.code:
                raise ConfigError(path, _item_line(entries, i, "explained_by") or line, f"hazards.{i}.explained_by",
                                  f"{code!r} explains what {hazard.code!r}'s 'told' words tell but is not another "
                                  "hazard's code")
        if hazard.explained_by and not hazard.told:
            raise ConfigError(path, _item_line(entries, i, "explained_by") or line, f"hazards.{i}.explained_by",
                              f"{hazard.code!r} has 'explained_by' but no 'told' words for it to explain")
        for word in hazard.paired_only:
            if word not in hazard.weak or not hazard.pair or word not in hazard.pair[1]:
                raise ConfigError(path, _item_line(entries, i, "paired_only") or line, f"hazards.{i}.paired_only",
                                  f"{word!r} counts for {hazard.code!r} only with its 'pair' but is not one of "
                                  "its 'weak' words and of the pair's places")
        for word in hazard.inspected:
            if word not in hazard.weak or word in hazard.paired_only:
                raise ConfigError(path, _item_line(entries, i, "inspected") or line, f"hazards.{i}.inspected",
                                  f"{word!r} names a thing a check of {hazard.code!r} goes through but is not one "
                                  "of its 'weak' words, or only counts with its 'pair'")
    return parsed


def _line(node, key) -> int | None:
    try:
        return node.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _item_line(seq, index: int, key: str) -> int | None:
    item = seq[index]
    line = _line(item, key)
    if line is None:
        try:
            line = seq.lc.item(index)[0] + 1
        except (AttributeError, KeyError, TypeError, IndexError):
            return None
    return line
