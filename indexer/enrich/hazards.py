"""Which hazards a document deals with, by the taxonomy and rules of `config/hazards.yaml`.

One Aho-Corasick pass (quotation marks ignored: “三防”建设 is 三防建设) finds every keyword,
weak keyword, listed word, exclude phrase and general safety term. Then each hit is read in its
context:

- a keyword inside an exclude phrase of its hazard does not count (防火墙 is not fire safety);
  a keyword inside a longer keyword of the same hazard counts once (防溺水 ⊃ 溺水);
- page furniture (footer, ads, lists of related articles, navigation lines) and the body's first
  line when it repeats the title do not count;
- a keyword followed by an agency suffix names a body taking part (消防救援大队, 地震局, 防汛办,
  安保处, 治安管理大队, 公安、消防等部门, 教育、消防、市场监管等部门), and a keyword inside a cited title (《…治安防范要求》), a remark in brackets or
  the subject of a leader's remarks being studied (关于…防灾减灾救灾重要论述) is not acted on,
  nor is a hazard a drill's report says did not happen (疏散中没有发生踩踏) or an evacuation kept from
  happening (组织好疏散秩序，确保不发生踩踏): weak hits. A weak word followed by a topic word is named as a topic or task (燃气安全, 取暖工作,
  电器管理), and one whose clause goes on to call it a hazard (教学楼存在安全隐患, 校舍和各类设施的
  安全隐患) is named as what is unsafe: a keyword either way. A weak word right before another
  hazard's word only says where (校园周边食品经营户; not what the other befalls: 校舍因地震损毁), and
  so does 校园周边 before shops, markets or consumers, or roads (校园周边商超, 校园周边消费环境,
  校园周边道路), and a weak word before a spot by it or its staff
  (食堂门口, 食堂负责人): it drops. A hazard with `measures` (extreme
  weather) counts a keyword only in a sentence naming a measure; elsewhere the weather is the
  scene, a weak hit. In a text that closes schools (停课, 延迟开学, 提前放学; not a plan for it,
  遇强降雨果断停课) the weather is acted
  on wherever it is named, and a hint of it in the closing sentence (受低温雨雪影响…停课) is a keyword;
- an item of a list of hazards is a task: in an enumeration ("X、Y、Z和W", or quoted items side
  by side: “X”“Y”“Z”) whose items name at least two hazards, in at least half of its items or
  closing on "等安全隐患" (a school bus's 轮胎、安全带、灭火器、逃生锤、行车记录仪 is a checklist of
  fittings), every hit counts as a keyword, `listed` plain words (交通, 用电) included,
  and none is dropped as incidental. Outside such a list a listed word counts for nothing. A list
  of three things or more in a sentence naming a check (对校舍、围墙、厕所、水电等认真排查) is a
  checklist: its `inspected` words (校舍, 水电) count as keywords too, but as one item among things
  checked they make no other hazard of their sentence a word in passing;
- the document is *focused* on school safety when it speaks of a school (学校, 校园, 学生 …)
  and has at least two safety signals: general safety terms (校园安全, 安全隐患; one in the
  title counts two) plus the number of hazards named by a keyword (not the catch-all `other`: 毒品 in
  a headline glued under a teaching award makes no safety text);
- a hazard with a keyword is assigned when the document is focused, or when its own score
  reaches 2 (a title hit scores 3, a body hit 1, a weak hit half of that). A hazard with only
  weak hits needs a focused document and weak hits in three sentences, or weak hits in `dwelt_on`
  sentences of a school text with a safety signal, a general term or a hazard named by a keyword
  (weather a letter comes back to in two sentences is a thing to prepare for, never the primary; a
  snow-scenery story has no signal). So a task list in a safety
  notice assigns each hazard, while one stray "诈骗" in an economic report or "安全生产" in a
  party-building text assigns nothing. In an unfocused body of five sentences or more, a hazard
  whose hits all sit in one sentence is an aside (a training notice asking trainees to keep the
  epidemic rules), whatever its score, unless that sentence names it four times or more (a police
  count of fraud cases by kind is the story). A school text that reports an incident (someone died, was
  hurt or taken to hospital; 事发, 涉事, 事件) and is given no hazard by these tests (but weather
  assigned by `dwelt_on`) is about the hazard it names by a keyword, even once (一名学生跳楼,
  疑似诺如病毒): news of one event names it once;
- a hazard named only in passing inside another hazard's sentences is dropped (灭火器 in a school
  bus check), unless it is listed with other hazards or named as a topic, or is the school buildings
  a disaster or a storm damages (对校舍安全进行排查 after an earthquake);
- a hazard named only by words that answer another (`answers`: counselling after an incident, a
  patrol along a river, taking shelter, the injured of a crash, a safe journey in a storm notice)
  drops when another hazard is assigned, unless the headline names it, the text manages it as a
  task (出行安全管理), names the incident by it (摔伤事件), or the patrol is against crime; a
  vehicle's equipment (`fittings`: 灭火器) is no hit where its sentence names a vehicle, or the
  headline does and the sentence names no campus place, unless the sentence tells of a fire;
- two signals in one sentence do not make an unrelated text a safety text: a focused text has
  them in two sentences, or has a list of hazards, or one sentence where someone looked at three
  hazards (查看…防溺水教育情况，…消防设施…，…用电安全情况: `ROUND_HAZARDS`); a list item that is only a plain listed word
  (地标性建筑、大中小学、交通系统) is a task in a safety text but no signal that the text is one;
- `primary` is the hazard the document is mainly about, and every document given a hazard has
  one (None only with no hazard; `other` only when no named hazard is assigned): among the hazards the title names (all assigned ones when it
  names none) the highest score; a tie goes to the hazard named first (title, then body order);
- `safety_related` is true when a hazard is assigned or the focused test passes on general terms;
- a `rescorer` (the ingest path passes `hazard_model.HazardModel`, trained on the labelled real
  sets) then revises the rules' hazards from what they read (`HazardSignals`): it may drop a tag
  or add a hazard the text names by some word of the taxonomy; the evidence of one it added says
  `hazard:model`, and the primary is chosen again by the rule above.

Measured on the devset (../shared/devset, 183 real texts, text alone; bench/eval_enrichment.py):
keywords with the focus rule alone gave micro-F1 0.865 (P 0.93, R 0.81); with these context rules
0.954 (P 0.957, R 0.951), no non-safety text tagged. Every rule is a pattern seen in several texts,
never one text's wording; tests/enrichment/pages/haz_* and tests/unit/test_hazards.py show each.
Primary: the devset labels list the acceptable primaries of a text that covers several hazards
and never accept None, as real users' labels would; our own labels (tests/enrichment) follow the
same convention. Over the 154 devset texts with a labelled primary: 0.974 with the rule above
(0.981 once `answers` and `fittings` dropped the hazards a text only answers or carries; our
labels 0.989); the naive keyword baseline (most keyword occurrences) 0.903; the top score
alone, title ignored, 0.968; ties (13 devset texts) broken the other way, to the last named,
0.961; the former rule, None unless one hazard dominated (score 1.5 times every other's), 0.877.

Title and body must be Simplified (the ingest stage passes `title_search`/`body_search`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from config.hazards import Taxonomy
from indexer.enrich.textzones import CITED_TITLE, Matcher, enclosing, furniture_spans, tail_start
from indexer.models import Evidence
from indexer.text.chinese import HAN
from indexer.text.clean import opening_line, title_run_on

SCHOOL_WORDS = ("学校", "校园", "学生", "师生", "幼儿园", "中小学", "教育系统", "教体系统", "校车", "高校", "中学", "小学",
                "教育局", "教育厅", "教体局", "教育部", "未成年人", "青少年", "儿童", "家长", "幼儿", "托育")
OTHER = "other"  # the taxonomy's catch-all code
TITLE_FACTOR = 3.0
WEAK_FACTOR = 0.5
MAX_EVIDENCE_PER_HAZARD = 8
# How much more a hazard must score to make another one in its sentences incidental: 2 (1.5 before
# 2026-12-06; over the 2,940 real texts 5 tags right, 1 wrong; 2.5 and 3 drop too few).
DOMINANCE = 2.0
# A headline repeated as a line starting within this many characters of the body's start, under lines
# no longer than this, has a channel menu above it.
HEADLINE_REACH = 80
MENU_WORD_CHARS = 6
# A body of at least this many sentences (of 15 characters or more) can hold a hazard as an aside:
# all its hits in one of them.
ASIDE_MIN_SENTENCES = 5
# … and names it by a keyword fewer times than this.
ASIDE_MAX_HITS = 4
# A school text that tells a hazard happening (殴打, 被打: the taxonomy's `told`) in this many
# sentences is about it, keyword or not (2 since the nineteenth session, 3 before: over the read sets
# 9 tags right more, one wrong more and one fewer; a typhoon that hit a school, then its clean-up).
TOLD_SENTENCES = 2
# A focused school text that hints at a hazard only by weak words (no keyword, no list item)
# is about it when it does so in this many sentences.
WEAK_SENTENCES = 3
# The most characters between what was done and 后, and between 后 and what followed, in a
# `followed_by` sentence (食用校外豆腐皮等卤制品后出现腹泻: 9 and 2).
SEQUEL_GAP = 25

_STRONG, _WEAK, _EXCLUDE, _TERM, _LISTED = "kw", "weak", "exclude", "term", "listed"
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# What stands between two items of a short list of hazards: "防火、防溺水", "消防安全和交通安全".
_LIST_GAP = re.compile(rf"^[{HAN}]{{0,4}}[、和及与/][{HAN}]{{0,2}}$")
# Inside a sentence: the separator of list items (、, or ",、" with a comma left over from a
# clean-up: `_item_seps`) and of clauses; the last item of a list may be joined by a conjunction
# ("X、Y和Z").
_CLAUSE_SEP = re.compile(r"[,，:：]")
_LAST_JOIN = re.compile(r"以及|和|及|与")
MAX_ITEM = 12  # characters: the first and last item of a list are cut to this, not to the clause
# A list that closes on "等…场所 / 部门" lists places or bodies (食堂、实验室等重点场所; 公安、消防等部门),
# not hazards: its items are where or who, not what.
_PLACES_AFTER = re.compile(r"等\s*[^\s，,、。；;]{0,6}?(?:场所|区域|部位|地点|地方|位置|部门|单位|机构|场地)")
# … and one that closes on "等安全隐患 / 风险" lists what is unsafe (墙体裂缝、…、消防设施
# 能否正常使用等安全隐患), whatever its items name.
_RISKS_AFTER = re.compile(r"等(?:安全|各类)?(?:隐患|风险)")
# A sentence that goes through things to check them (重点对校舍、用电、食堂、管道等关键部位进行检查): its
# lists of three or more are a checklist, whose `inspected` words name their hazards. Over the devset and
# eight read sets 24 tags right, 4 wrong (a flood check of 校舍、围墙、厕所、水电: building and electrical);
# on hazards whose things are places (食堂, 实验室, 周边) it was 21 right and 72 wrong: they are no `inspected`
_CHECK = re.compile(r"检查|排查|巡查|检修|整治|督查|摸排|隐患")  # 隐患: the things whose hazards it names; not 查看, a visit
CHECKLIST_ITEMS = 3
ROUND_HAZARDS = 3  # hazards named by keywords in one sentence that make it a check's round, not an aside
# … a round only where the sentence says someone looked (not a teacher's profile naming her three awards)
_ROUND_VERB = re.compile(r"查看|检查|排查|督导|督查|巡查|察看")
# After an answer word: the text manages it as a task of its own (出行安全管理, 心理健康工作), or it
# names the incident itself (摔伤事件).
_MANAGED = re.compile(r"管理|工作|事件")
# … or a sentence that says whom the patrol is against (严防涉校违法犯罪): security's own.
_CRIME = re.compile(r"违法犯罪|不法侵害|不法分子|犯罪分子")
# A vehicle, whose fittings (灭火器) a check looks at: 校车, 每辆车, 车内 (not 电动车辆, pushed into a
# dormitory); a campus place, whose fittings are its own safety; a fire on board.
_VEHICLE = re.compile(r"校车|(?<!电动)车辆|车内|车上|每辆|客车|公交车|面包车")
_CAMPUS_PLACE = re.compile(r"宿舍|教学楼|楼道|楼层|食堂|实验室|教室|图书馆|办公楼|礼堂|体育馆")
_ON_FIRE = re.compile(r"起火|着火|失火|火灾|燃烧|冒烟")
# A vehicle that went into the water (接送幼儿车辆坠入池塘, 校车落水, 大巴车坠入了水库): a road crash, which readers
# labelled traffic and never drowning (6 of 6 gathered texts), however the children died
_VEHICLE_INTO_WATER = re.compile(r"(?:车|车辆|车厢)[^。；;！？!?\n]{0,15}?(?:落水|坠入|坠河|坠湖|冲入|冲进|翻入|驶入|堕入|掉入|滑入)")
# How a drill went: a clause saying the hazard did not happen (疏散中没有发生一起踩踏事件), or one of an
# evacuation's sentences keeping it from happening (组织好疏散秩序，确保不发生踩踏): the drill's conduct,
# not its subject. Readers of four sets left such a 踩踏 out of a fire or an earthquake drill.
_DID_NOT_HAPPEN = re.compile(r"没有发生|未发生|没有出现|未出现|无一")
_EVACUATION = re.compile(r"疏散|撤离|疏导")
_KEPT_FROM = re.compile(r"避免|严防|防止|确保不|不发生")


def _a_vehicles_fitting(text: str, pos: int, vehicle: bool) -> bool:
    """A fitting (灭火器) at `pos` is a vehicle's: its sentence names a vehicle, or the headline does
    (`vehicle`) and the sentence names no campus place; never where the sentence tells of a fire."""
    a, b = _sentence(text, pos)
    if _ON_FIRE.search(text, a, b):
        return False
    return bool(_VEHICLE.search(text, a, b)) or (vehicle and not _CAMPUS_PLACE.search(text, a, b))
# A weak word right before another hazard's word only says where: 校园周边食品经营户, 校园周边围墙.
QUALIFIER_GAP = 4
# … and so does 校园周边 before shops, markets, consumers or roads: 校园周边商超, 校园周边文具店,
# 校园周边消费环境 (a market inspection around schools), 校园周边道路 (traffic's), or before another
# hazard's things or the hazards in general: 校园及周边水域, 校园周边燃气隐患, 周边交通拥堵, 周边建筑施工,
# 周边环境卫生, 校园及周边安全隐患排查 (over the read sets 7 such texts, none labelled campus security);
# 周边网吧 and 周边治安 stay campus security.
_AROUND_WHAT = re.compile(rf"[{HAN}]{{0,2}}?(?:商超|超市|市场|商户|商铺|商店|门店|店铺|文具|小卖部|便利店|消费|社区|经营|价格"
                          r"|道路|路口|路段|马路|通行|交通|水域|燃气|建筑|施工|卫生|安全隐患)")
# After a weak word: a spot by it or the people who run it (食堂门口, 食堂右侧边坡, 食堂负责人), where
# something else happens, not a hint of the hazard.
_SPOT_AFTER = re.compile(r"门口|门前|[左右后]侧|后坡|负责人|工作人员")
# A market regulator's work around schools is shops, snacks and toys, not campus security: in its
# sentence, and in a text where no police act (readers of sixteen sets labelled 1 of 22 such texts
# security, where another hazard of it did).
_MARKET_REGULATOR = re.compile(r"市场监管|市场监督管理")
_POLICE = re.compile(r"公安|派出所|治安|综治|民警")
# A school-gate post (护学岗) manned by traffic police, or set up for traffic, is a traffic post:
# readers count it traffic, not campus security (a police station's 护学岗 is both).
_GATE_POST = "护学岗"
_TRAFFIC_POST = re.compile(r"交警|交通")
# … and in a text whose police are traffic police only (交警, no 派出所 and no 治安), every 护学岗 is
# theirs: readers of nine sets labelled 9 of 11 such texts traffic alone, and nearly every text
# whose 护学岗 is a police station's security
_TRAFFIC_POLICE = "交警"
# … whose patrols round the gate are theirs too (security's weak words, in a sentence naming 交警 or 交通)
_TRAFFIC_PATROL = frozenset({"巡逻", "校门口", "校门", "校园周边", "学校周边", "校园及周边", "学校及周边"})
_PUBLIC_ORDER = re.compile(r"派出所|治安")
# A report of an incident at a school: someone died, was hurt or taken to hospital, or "the event"
# is told (not a plan's 突发事件 or 公共卫生事件).
_INCIDENT = re.compile(r"事发|身亡|死亡|伤亡|遇难|送医|送往医院|住院|抢救|涉事|(?<!突发)(?<!卫生)事件")
_HAN_ONLY = re.compile(rf"[{HAN}]*$")
# A cited document's title (`CITED_TITLE`) names its subject; citing it is not acting on it.
# So does a remark in brackets: "各校负责在校学生（包括校车上的学生）的安全".
_ASIDE = re.compile(r"[（(][^（）()\n]{1,40}[）)]")
# A form the text's readers fill in or sign (《防溺水安全承诺书》, 《学生结核病筛查知情告知书》): acted on, not
# a document cited
_A_FORM = re.compile(r"(?:告知书|承诺书|责任书|知情同意书|同意书|回执|登记表|申请表|证明|告家长书|一封信)》$")
# And the subject of a leader's remarks being studied: 学习贯彻…关于应急管理、防灾减灾救灾重要论述.
_REMARKS_ON = re.compile(r"关于[^。；;！？!?\n]{1,40}?(?:重要|相关)(?:论述|指示|讲话|批示)")
# Quotation marks do not break a phrase: “三防”建设, “六不一会”.
_QUOTE_MARKS = "“”‘’\"'「」『』"
_QUOTES = str.maketrans("", "", _QUOTE_MARKS)
_QUOTE_CHAR = re.compile(f"[{re.escape(_QUOTE_MARKS)}]")
# A navigation line: long with no sentence punctuation, or many short words side by side.
_PUNCT = re.compile(r"[，。、；！？,;!?]")
MENU_LINE_CHARS = 50       # a line this long with under one comma per MENU_CHARS_PER_PUNCT characters
MENU_CHARS_PER_PUNCT = 40  # (prose has one every 15-20) is a run of navigation links
MENU_ITEMS = 5
# ...and links are set apart (a space, a bar, a dot every few words): a poster's one-clause-a-line
# text joined into one line has neither commas nor separators, and is prose
_MENU_SEPARATOR = re.compile(r"[\s|丨•·/>]")
_NAV_WORDS = re.compile(r"首页|关于我们|联系我们|网站地图|欢迎访问|当前位置|您的位置|设为首页|加入收藏")
# A portal's trending searches heading a line ("推广 热搜: 行业 机械 …"): links, whatever their commas.
_TRENDING = re.compile(r"(?:推广\s*)?(?:热搜|热门搜索|热门标签|搜索热词)[:：]?")
MENU_CHARS_PER_SEPARATOR = 15


class Hit(NamedTuple):
    code: str         # hazard code ("" for a general safety term)
    kind: str         # _STRONG, _WEAK, _LISTED or _TERM after the context rules
    start: int
    end: int
    phrase: str
    field: str        # "title" or "body"
    listed: bool = False  # an item of a list of hazards


@dataclass(frozen=True)
class HazardSignals:
    """What the rules read and decided, for a learned re-scorer (`hazard_model.HazardModel`)."""

    title: str                     # as the rules read them: the title run on, the body without its tail
    body: str
    assigned: tuple[str, ...]      # the rules' decision
    primary: str | None
    focused: bool
    school: bool
    safety_school: bool
    term_score: float
    strong: Mapping[str, int]      # keyword hits per hazard
    score: Mapping[str, float]
    weak: Mapping[str, int]        # sentences with a weak hit, per hazard
    passing: frozenset[str]        # assigned, then dropped as named in passing
    answering: frozenset[str]      # named only by answers to another hazard (dropped when another is assigned)
    named: frozenset[str]          # hazards named by a keyword outside a plain list item
    hits: tuple[Hit, ...]          # every hit of a hazard (general safety terms left out)


class Rescorer(Protocol):
    """Revises the rules' hazards from their signals; `hazard_model.HazardModel` is one."""

    def revise(self, signals: HazardSignals) -> list[str]: ...


@dataclass
class HazardResult:
    hazards: list[str]
    primary: str | None
    safety_related: bool
    evidence: list[Evidence]
    signals: HazardSignals | None = None


def _alternatives(words: list[str]) -> str:
    """The words as one regex alternation, the longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _alternation(words: list[str]) -> re.Pattern[str] | None:
    return re.compile(_alternatives(words)) if words else None


# Between 后 and what followed: words that make it advice or a warning, not what happened
# (午饭后不要立即下水，以免引起腹痛; 午饭后剧烈运动容易引起腹痛; 一旦出现呕吐).
_ADVICE = "以免|引起|容易|不要|不宜|避免|防止|一旦|如果|如"


def _sequel(done: list[str], followed: list[str]) -> re.Pattern[str]:
    """What was done, 后 (not 前后), what followed, in one sentence, told as it happened (午饭后呕吐,
    not 午饭后剧烈运动容易引起腹痛): group 1 is what followed."""
    before = f"[^。！？!?；;\\n]{{0,{SEQUEL_GAP}}}?"
    after = f"(?:(?!{_ADVICE})[^。！？!?；;\\n]){{0,{SEQUEL_GAP}}}?"
    return re.compile(f"(?:{_alternatives(done)}){before}(?<!前)后{after}({_alternatives(followed)})")


class _Compiled:
    def __init__(self, taxonomy: Taxonomy):
        phrases: dict[str, list[tuple[str, str]]] = {}
        for h in taxonomy.hazards:
            for kind, words in ((_STRONG, h.keywords), (_WEAK, h.weak), (_EXCLUDE, h.exclude), (_LISTED, h.listed)):
                for w in words:
                    phrases.setdefault(w.translate(_QUOTES), []).append((h.code, kind))
        for term in taxonomy.safety_terms:
            phrases.setdefault(term, []).append(("", _TERM))
        self.matcher = Matcher((p, tuple(v)) for p, v in phrases.items())
        # the phrases that are an exclude phrase of some hazard: the only ones `_hits` reads twice
        self.excluding = frozenset(p for p, v in phrases.items() if any(kind == _EXCLUDE for _, kind in v))
        self.order = [h.code for h in taxonomy.hazards]
        topic = _alternation(taxonomy.topic_words)
        # 食堂管理 is a topic; 食堂工作人员 are people
        self.topic = re.compile(f"(?:{topic.pattern})(?!人员|者)") if topic else None
        agency = _alternation(taxonomy.agency_suffixes)
        # 公安、消防等部门, 教育、消防、市场监管等部门, 应急、消防救援等部门, …消防、生态环境等15个单位: an item of a list of bodies
        # (or of staff by their duties: 总务、综治等相关人员; or of rescuers: 公安、消防等多支救援力量,
        # 校方、消防和医疗等多方力量; or the keyword's vehicle among an emergency's: 消防车、救护车等应急车辆,
        # not the gear a school keeps ready, 配齐消防、防汛等应急设备); a school's title (消防安全示范校,
        # 防震减灾科普示范学校) names a school, as an honour, not a measure
        # 防汛防风防旱指挥部, 防汛抗旱指挥部: the body named after several tasks; rescuers called to an
        # incident (公安、消防和民间救援队, a town's 专职消防队)
        # (not 处置 / 处理 / 科普: 欺凌处置, 心理健康科普 are tasks)
        self.agency = re.compile(f"(?:[防抗][{HAN}]){{0,3}}(?:管理)?(?:{agency.pattern})(?![置理罚普学技])|(?:救援)?(?:[、和][^、，,。；;\\s]{{1,8}}){{0,6}}"
                                 f"等(?:[0-9一二三四五六七八九十]{{1,3}}个)?(?:相关|有关|职能|多支|多方|各方)?(?:救援)?(?:部门|单位|机构|人员|力量)"
                                 f"|车辆?(?:[、和][^、，,。；;\\s]{{1,8}}){{1,6}}等(?:应急|搜救|救援)车辆"
                                 f"|(?:[、和及][^、，,。；;\\s]{{1,8}}?){{1,6}}?(?:搜救|救援|抢险)(?:队|人员|力量)"
                                 f"|[{HAN}]{{0,4}}?(?:示范校|示范学校|特色学校)") if agency else None
        self.measures = {h.code: pattern for h in taxonomy.hazards if (pattern := _alternation(h.measures))}
        self.answers = {h.code: frozenset(h.answers) for h in taxonomy.hazards if h.answers}
        self.fittings = {h.code: tuple(h.fittings) for h in taxonomy.hazards if h.fittings}
        self.told = {h.code: frozenset(h.told) for h in taxonomy.hazards if h.told}
        self.explained_by = {h.code: frozenset(h.explained_by) for h in taxonomy.hazards if h.explained_by}
        self.pair = {h.code: (_alternation(h.pair[0]), _alternation(h.pair[1])) for h in taxonomy.hazards if h.pair}
        self.pair_reach = {h.code: h.pair_reach for h in taxonomy.hazards if h.pair_reach}
        self.dwelt_on = {h.code: h.dwelt_on for h in taxonomy.hazards if h.dwelt_on}
        self.paired_only = {h.code: frozenset(h.paired_only) for h in taxonomy.hazards if h.paired_only}
        self.followed_by = {h.code: _sequel(*h.followed_by) for h in taxonomy.hazards if h.followed_by}
        self.inspected = {h.code: frozenset(h.inspected) for h in taxonomy.hazards if h.inspected}
        self.passing_counts = frozenset(h.code for h in taxonomy.hazards if h.passing_counts)


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


def _find(comp: _Compiled, text: str) -> list[tuple[int, int, str, tuple]]:
    """Matches with offsets into `text`, quotation marks skipped."""
    if not _QUOTE_CHAR.search(text):  # most texts: a scan for the marks costs less than removing none
        return comp.matcher.find(text)
    # quote i, at text[q], falls before bare index k when q - i <= k
    before = [q - i for i, q in enumerate(m.start() for m in _QUOTE_CHAR.finditer(text))]
    bare = _QUOTE_CHAR.sub("", text)  # str.translate took 0.05 ms on a devset body, the regex 0.005

    def where(k: int) -> int:
        return k + bisect_right(before, k)

    return [(where(a), where(b - 1) + 1, phrase, values) for a, b, phrase, values in comp.matcher.find(bare)]


def _sequels(comp: _Compiled, text: str) -> list[tuple[int, int, str, tuple]]:
    """The `followed_by` matches, as keyword matches at what followed (午饭后呕吐: 呕吐)."""
    return [(m.start(1), m.end(1), m.group(1), ((code, _STRONG),))
            for code, pattern in comp.followed_by.items() for m in pattern.finditer(text)]


def _hits(comp: _Compiled, text: str, field: str, skip: list[tuple[int, int]]) -> list[Hit]:
    """Each counted match, before the context rules."""
    raw = _find(comp, text) + _sequels(comp, text)
    excludes: dict[str, list[tuple[int, int]]] = {}
    for start, end, phrase, values in raw:
        if phrase in comp.excluding:
            for code, kind in values:
                if kind == _EXCLUDE:
                    excludes.setdefault(code, []).append((start, end))
    skip_starts, skip_ends = _union(skip)
    per: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for start, end, phrase, values in raw:
        if skip_starts:
            i = bisect_right(skip_starts, start) - 1
            if i >= 0 and start < skip_ends[i]:
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
            out.append(Hit(code, kind, start, end, phrase, field))
    # a weak or listed hit inside a keyword of the same hazard is not a second hit
    strong: dict[str, list[tuple[int, int]]] = {}
    for hit in out:
        if hit.kind == _STRONG:
            strong.setdefault(hit.code, []).append((hit.start, hit.end))
    return [h for h in out if h.kind in (_STRONG, _TERM)
            or not any(a <= h.start and h.end <= b for a, b in strong.get(h.code, ()))]


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of the disjoint spans that cover what `spans` cover, in order: whether
    an offset falls in any of them is then one bisect, not a pass over all for every match."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if a >= b:
            continue
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


# Schools closed (停课, 延迟开学, 提前放学) by weather named before it: the weather is acted on wherever
# the text names it, and a hint of it (低温雨雪) in the closing sentence, or in the headline, is the
# cause named.
_CLOSURE = re.compile(r"停课|停学|停止上课|暂停线下|延迟开学|推迟开学|延期开学|提前放学")
# ...not a closure a plan prepares for: 遇强降雨果断停课, 要根据预警及时停课, 必要时停课
_IF_NEEDED = re.compile(r"遇|若|如果|一旦|必要时|视情|及时|果断|可|要|应|根据")
_CAUSE_REACH = 150  # how far before a closure its weather is named (普降暴雪。…市教育局决定…停课)
_CLAUSE_STOPS = "，,。；;！？!?\n：:"


def _closes_schools(text: str, weather: list[int], anywhere: bool = False) -> bool:
    """A closure (not a plan's) with weather named before it within `_CAUSE_REACH` characters or
    in its own sentence (`weather`: where the text names a hazard that needs a measure; `anywhere`:
    the headline names it); a class closed for flu, a school for rectification, on a rainy day, is
    no weather's."""
    for m in _CLOSURE.finditer(text):
        clause = enclosing(text, m.start(), _CLAUSE_STOPS)[0]
        end = _sentence(text, m.start())[1]
        if not _IF_NEEDED.search(text, clause, m.start()) and \
                (anywhere or any(m.start() - _CAUSE_REACH <= w < end for w in weather)):
            return True
    return False


class _Scene(NamedTuple):
    """What the whole text says that changes how each of its hits reads."""

    closure: bool = False  # it closes schools for the weather: a weather word there is a measure
    vehicle: bool = False  # its headline names a vehicle: an extinguisher anywhere is the vehicle's
    traffic_posts: bool = False  # its police are traffic police only: every 护学岗 is theirs
    market_surroundings: bool = False  # its only agency around schools is the market regulator


def _in_context(comp: _Compiled, hits: list[Hit], text: str, field: str, scene: _Scene) -> list[Hit]:
    """The kind each hit has in its context: agency names and words inside a cited title are weak,
    weak words named as a topic are keywords, a weak word that only says where another hazard is
    drops, and so does a vehicle's fitting (`scene.vehicle`: the headline names one; else its
    sentence must), a hazard that needs a measure is weak in a sentence without one."""
    cited = [m.span() for pattern in (CITED_TITLE, _ASIDE, _REMARKS_ON) for m in pattern.finditer(text)
             if not (pattern is CITED_TITLE and _A_FORM.search(m.group()))] \
        if field == "body" else []
    # a headline citing a document names its subject (关于印发《防溺水工作方案》的通知); a headline-less
    # page's opening cut for a title may open on the remarks it studies: they name no subject
    remarks = [m.span() for m in _REMARKS_ON.finditer(text)] if field == "title" else []
    starts = sorted((h.start, h.code) for h in hits if h.code)
    out = []
    for hit in hits:
        kind = hit.kind
        if any(a < hit.start < b for a, b in remarks):
            continue
        fittings = comp.fittings.get(hit.code)
        if fittings and text.startswith(fittings, hit.start) and _a_vehicles_fitting(text, hit.start, scene.vehicle):
            continue  # 校车…灭火器: the bus's equipment
        if hit.code == "drowning" and _VEHICLE_INTO_WATER.search(text, *_sentence(text, hit.start)):
            continue  # 车辆坠入池塘: the crash's water, no swimming or drowning hazard
        if kind == _STRONG and ((comp.agency and comp.agency.match(text, hit.end))
                                or any(a < hit.start < b for a, b in cited) or _how_a_drill_went(text, hit.start)):
            kind = _WEAK
        elif kind == _WEAK and hit.phrase.endswith("周边") and _AROUND_WHAT.match(text, hit.end):
            continue  # 校园周边商超, 校园及周边安全隐患: what is around, not the campus's security
        elif kind == _WEAK and hit.code == "security" and scene.traffic_posts and hit.phrase in _TRAFFIC_PATROL \
                and _TRAFFIC_POST.search(text, *_sentence(text, hit.start)):
            continue  # the traffic police's patrols round the school gate (巡逻执勤, 学校周边): traffic's
        elif kind == _WEAK and _a_topic(comp, text, hit):
            kind = _STRONG
        elif kind == _WEAK and (_qualifies(text, hit, starts) or _SPOT_AFTER.match(text, hit.end)):
            continue
        if hit.code == "security" and "周边" in hit.phrase and (
                scene.market_surroundings or _MARKET_REGULATOR.search(text, *_sentence(text, hit.start))):
            kind = _WEAK if kind == _STRONG else kind  # a market regulator's 校园周边 is shops and snacks
        if kind == _WEAK and _paired(comp, text, hit):
            kind = _STRONG  # 到水库游泳: an act and a place
        elif kind == _WEAK and hit.phrase in comp.paired_only.get(hit.code, ()):
            continue  # 教学楼 without a crack or a repair: a place
        if hit.phrase == _GATE_POST and (scene.traffic_posts or _TRAFFIC_POST.search(text, *_sentence(text, hit.start))):
            if hit.code == "security":
                continue
            kind = _STRONG
        measure = comp.measures.get(hit.code)
        if measure and scene.closure:
            if kind == _WEAK and (field == "title" or _CLOSURE.search(text, *_sentence(text, hit.start))):
                kind = _STRONG
        elif kind == _STRONG and measure and not hit.phrase.startswith("防"):
            a, b = _sentence(text, hit.start)
            if not measure.search(text, a, b):
                kind = _WEAK
        out.append(hit if kind == hit.kind else hit._replace(kind=kind))
    return out


def _paired(comp: _Compiled, text: str, hit: Hit) -> bool:
    """Whether the hit's sentence names one word of each list of its hazard's `pair` (an act and a
    place: 到水库游泳), within its `pair_reach` of the hit where the hazard has one."""
    pair = comp.pair.get(hit.code)
    if pair is None:
        return False
    a, b = _sentence(text, hit.start)
    reach = comp.pair_reach.get(hit.code)
    if reach:
        a, b = max(a, hit.start - reach), min(b, hit.end + reach)
    return all(words is not None and words.search(text, a, b) for words in pair)


def _how_a_drill_went(text: str, pos: int) -> bool:
    """The hit's clause says the hazard did not happen, or keeps it from happening in a sentence
    about an evacuation (`_DID_NOT_HAPPEN`, `_KEPT_FROM`)."""
    a, b = _sentence(text, pos)
    clause = _clause_start(text, a, pos)
    if _DID_NOT_HAPPEN.search(text, clause, pos):
        return True
    return bool(_KEPT_FROM.search(text, clause, pos)) and bool(_EVACUATION.search(text, a, b))


# … but a word the other hazard befalls is no place of it (校舍因地震遭到损毁, 围墙受暴雨冲刷)
_AFFECTED_BY = re.compile("[因受遭被]")


def _qualifies(text: str, hit: Hit, starts: list[tuple[int, str]]) -> bool:
    """Another hazard's word starts within `QUALIFIER_GAP` Han characters after the hit (`starts`:
    sorted (start, code) of the hits): a bisect, not a pass over every hit for every weak one. Not
    when the other befalls the hit's thing (校舍因地震遭到损毁: `_AFFECTED_BY` right after it)."""
    if _AFFECTED_BY.match(text, hit.end):
        return False
    for start, code in starts[bisect_left(starts, (hit.end, "")):]:
        if start - hit.end > QUALIFIER_GAP:
            break
        if code != hit.code and _HAN_ONLY.match(text, hit.end, start):
            return True
    return False


# The rest of a clause that calls what it names a hazard: 教学楼存在安全隐患, 校舍和各类设备设施的安全
# 隐患. On the devset, building recall 0.815 -> 0.889 (two notices naming their unsafe buildings so),
# hazards F1 0.943 -> 0.946, precision and the demo labels unchanged. The same test on what comes
# before (排查…校舍) cost precision (0.951 -> 0.940, a non-safety text tagged) and was left out.
_CALLED_A_HAZARD = re.compile(r"[^，,。；;！？!?\n]{0,10}?(?:存在|有|的)[^，,。；;\n]{0,3}?(?:安全)?隐患")


# A keyword that names a kind of safety (饮食安全, 用电安全) names a task wherever it stands, also
# in a sentence another hazard fills (预防流感，注意饮食安全).
_SAFETY_OF = "安全"
# Items sharing the last one's head (注意用电、用火安全: 用电安全 and 用火安全).
_SHARED_HEAD = re.compile(r"、[^、，,。；;！？!?\s]{1,4}?安全")


def _named_as_topic(comp: _Compiled, text: str, hit: Hit) -> bool:
    """The hit followed by a topic word (防溺水工作, 消防安全, 诈骗教育), by the rest of a clause
    calling it a hazard (教学楼存在安全隐患), or by items sharing their head with it (用电、用火安全);
    or a keyword naming a kind of safety itself (饮食安全)."""
    return bool(comp.topic and comp.topic.match(text, hit.end)) or bool(_CALLED_A_HAZARD.match(text, hit.end)) \
        or bool(_SHARED_HEAD.match(text, hit.end)) or hit.phrase.endswith(_SAFETY_OF)


def _a_topic(comp: _Compiled, text: str, hit: Hit) -> bool:
    """A weak hit named as its text's topic (`_named_as_topic`); a word that names its hazard only
    beside a pair's act (`paired_only`: 护栏, 教学楼) only where its clause calls it a hazard
    (教学楼存在安全隐患), not before any task word (配合护栏管理: a school gate's railings)."""
    if hit.phrase in comp.paired_only.get(hit.code, ()):
        return bool(_CALLED_A_HAZARD.match(text, hit.end))
    return _named_as_topic(comp, text, hit)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence holding `pos`: one bisect over the text's stops (found once per
    text), not a backward search for each stop character from every hit."""
    stops = _stops(text)
    i = bisect_left(stops, pos)
    return (stops[i - 1] + 1 if i else 0), (stops[i] + 1 if i < len(stops) else len(text))


class Enumeration(NamedTuple):
    items: list[tuple[int, int]]
    places: bool  # closes on "等…场所 / 部门": a list of places or bodies
    risks: bool  # closes on "等安全隐患 / 风险": a list of what is unsafe


def list_items(text: str, stops: tuple[int, ...] | None = None, within: list[int] | None = None) -> list[Enumeration]:
    """The enumerations of a text, each with its items' spans: "重点检查食堂、宿舍、实验室和消防设施"
    gives [重点检查食堂][宿舍][实验室][消防设施]. Items are separated by 、 inside a clause; the last
    one may hold a conjunction that starts one more item. `stops`: the text's `_stops`, if known;
    `within`: sorted offsets, to read only the sentences that hold one of them."""
    lists: list[Enumeration] = []
    seps = _item_seps(text)
    if not seps:
        return lists
    # Only the sentences that hold a separator (a devset body has ~25 sentences, a few with 、):
    # a separator never holds a sentence end, so finding them in the whole text finds what a
    # search inside each sentence found.
    stops = _stops(text) if stops is None else stops
    i = 0
    while i < len(seps):
        k = bisect_left(stops, seps[i][0])
        start = stops[k - 1] + 1 if k else 0
        end = stops[k] if k < len(stops) else len(text)
        j = i
        while j < len(seps) and seps[j][0] < end:
            j += 1
        if within is None or bisect_left(within, start) < bisect_left(within, end):
            lists += _enumerations(text, start, end, seps[i:j])
        i = j
    return lists


@lru_cache(maxsize=8)
def _stops(text: str) -> tuple[int, ...]:
    """Where the sentences of a text end (the offsets of their stop characters); the last few
    texts' are remembered (a document's title and body are asked for again and again)."""
    return tuple(m.start() for m in _SENTENCE_END.finditer(text))


def _long_sentences(stops: tuple[int, ...], length: int) -> int:
    """How many sentences of a text hold 15 characters or more (a salutation, a signature or a
    date line is not one)."""
    count, previous = 0, -1
    for stop in (*stops, length):
        count += stop - previous > 15
        previous = stop
    return count


def _item_seps(text: str) -> list[tuple[int, int]]:
    """The spans of the list separators: each 、 with the comma right before it, if any, and each
    closing quotation mark right before an opening one. Found with
    `str.find`: the pattern `[,，]?、` (its optional first character keeps `re` trying every
    position) took 0.012 ms on a devset body, this 0.002; its matches are these spans."""
    seps = []
    i = text.find("、")
    while i >= 0:
        seps.append((i - 1 if i and text[i - 1] in ",，" else i, i + 1))
        i = text.find("、", i + 1)
    # quoted items side by side are a list too: 围绕“消防安全”“交通安全”“现场急救”等主题
    i = text.find("”“")
    if i >= 0:
        while i >= 0:
            seps.append((i, i + 2))
            i = text.find("”“", i + 2)
        seps.sort()
    return seps


def _enumerations(text: str, start: int, end: int, seps: list[tuple[int, int]]) -> list[Enumeration]:
    out: list[Enumeration] = []
    items: list[tuple[int, int]] = []
    item_start = _clause_start(text, start, seps[0][0])
    for sep_start, sep_end in seps:
        clause_break = _CLAUSE_SEP.search(text, item_start, sep_start)
        if clause_break:  # a new clause: the list before it is over
            if items:
                out.append(_close(text, items, item_start, clause_break.start()))
            items, item_start = [], _clause_start(text, item_start, sep_start)
        elif items and (head := _PLACES_AFTER.search(text, item_start, sep_start)):
            # "食堂、锅炉房等用气场所的燃气管道、阀门": the places end at 等; another list begins
            out.append(Enumeration([*items, (item_start, head.start())], True, False))
            items, item_start = [], head.end()
        if not items:
            item_start = max(item_start, sep_start - MAX_ITEM)
        items.append((item_start, sep_start))
        item_start = sep_end
    last_end = _CLAUSE_SEP.search(text, item_start, end)
    out.append(_close(text, items, item_start, last_end.start() if last_end else end))
    return [e for e in out if len(e.items) >= 2]


def _clause_start(text: str, floor: int, pos: int) -> int:
    found = [m.end() for m in _CLAUSE_SEP.finditer(text, floor, pos)]
    return found[-1] if found else floor


def _close(text: str, items: list[tuple[int, int]], start: int, end: int) -> Enumeration:
    """The list with its last item (cut to `MAX_ITEM`, split at a conjunction)."""
    end = min(end, start + MAX_ITEM)
    places_head = _PLACES_AFTER.search(text, start, end + 8)
    risks = bool(_RISKS_AFTER.search(text, start, end + 10))
    if places_head:
        # what the places are (食堂、锅炉房等天然气使用场所) is none of them: the last item ends at 等
        end = min(end, places_head.start())
    places = places_head is not None
    join = _LAST_JOIN.search(text, start, end)
    if join and join.start() > start:
        return Enumeration([*items, (start, join.start()), (join.end(), min(end, join.end() + MAX_ITEM))], places, risks)
    return Enumeration([*items, (start, end)], places, risks)


def _mark_lists(comp: _Compiled, hits: list[Hit], text: str, stops: tuple[int, ...] | None = None) -> list[Hit]:
    """Hits inside an enumeration whose items name two hazards or more by a keyword or a listed
    word become list items (a weak word among them too: 水电、消防、危险化学品). A list of places
    (宿舍、食堂、实验室等重点场所) names no hazard: its weak hits do not count at all. A list of three
    things or more that a sentence's check goes through (对校舍、围墙、厕所、水电等认真排查) makes
    each `inspected` word among them a list item."""
    if not any(h.code for h in hits):
        return hits
    marked: set[int] = set()
    dropped: set[int] = set()
    order = sorted((h.start, i) for i, h in enumerate(hits) if h.code)
    starts = [start for start, _ in order]
    # the lists of a sentence without a hit name no hazard and hold no weak hit: not read
    for enumeration in list_items(text, stops, starts):
        by_item = [{order[k][1] for k in range(bisect_left(starts, a), bisect_left(starts, b))}
                   for a, b in enumeration.items]
        inside = set().union(*by_item)
        named = {hits[i].code for i in inside if hits[i].kind in (_STRONG, _LISTED)}
        # a list of hazards names one in half its items or says it lists risks; a vehicle's fittings
        # (轮胎、安全带、灭火器、逃生锤、行车记录仪) name two in passing
        with_hits = sum(bool(item) for item in by_item)
        if len(named) >= 2 and with_hits >= 2 and (2 * with_hits >= len(by_item) or enumeration.risks):
            marked |= inside  # hazards, even where they are the kinds of a place (台风、溺水、火灾等演练场所)
            continue
        if len(enumeration.items) >= CHECKLIST_ITEMS and _CHECK.search(text, *_sentence(text, enumeration.items[0][0])):
            marked |= {i for i in inside if hits[i].kind == _WEAK and hits[i].phrase in comp.inspected.get(hits[i].code, ())}
        if enumeration.places:
            dropped |= {i for i in inside if hits[i].kind == _WEAK and i not in marked}
    return [h._replace(listed=True) if i in marked else h for i, h in enumerate(hits) if i not in dropped]


def menu_spans(body: str) -> list[tuple[int, int]]:
    """Navigation lines: long runs without sentence punctuation whose links are set apart or that
    name a site's pages (首页, 关于我们), many short words side by side ("首页 新闻 通知公告 …"), or a
    portal's trending searches ("热搜: …").
    Real sentences carry commas; headlines are short; a poster's one-clause lines joined have no
    commas and no separators, and stay prose."""
    spans = []
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        punct = len(_PUNCT.findall(stripped))
        if _TRENDING.match(stripped) or (
                len(stripped) >= MENU_LINE_CHARS and punct * MENU_CHARS_PER_PUNCT < len(stripped) and
                (len(_MENU_SEPARATOR.findall(stripped)) * MENU_CHARS_PER_SEPARATOR >= len(stripped)
                 or _NAV_WORDS.search(stripped))):
            spans.append((pos, pos + len(line)))
        elif stripped and not punct:
            words = re.split(r"[\s|•·/>]+", stripped)
            if len(words) >= MENU_ITEMS and max(map(len, words)) <= 8:
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _title_copy(title: str, body: str) -> list[tuple[int, int]]:
    """The body's opening line (past a salutation: `opening_line`) when it repeats the title: its
    hits are the title's, counted once. Where the title is repeated as a line starting within
    `HEADLINE_REACH` characters, under lines no longer than `MENU_WORD_CHARS`, those lines are the
    page's channel menu and go with it (from the body's start to the headline's end)."""
    title = title.strip()
    if not title:
        return []
    start, line = opening_line(body)
    if line.startswith(title):
        return [(start, start + len(title))]
    # the headline repeated a few short lines down: what stands above it is the page's (a channel
    # menu: 食安监管 / 贵州 / 下拉), and its own hits are the title's
    at = body.find("\n" + title + "\n", 0, HEADLINE_REACH + len(title) + 2) if len(title) > MENU_WORD_CHARS else -1
    if at > 0 and all(len(above.strip()) <= MENU_WORD_CHARS for above in body[:at].split("\n")):
        return [(0, at + 1 + len(title))]
    return []


def _incidental(comp: _Compiled, assigned: list[str], hits: list[Hit], score: dict[str, float], title: str,
                body: str, stops: tuple[int, ...]) -> set[str]:
    """Hazards named only in passing inside the sentences of another hazard: 灭火器 in a school-bus
    check, 消防救援 officers at an earthquake drill, a 配电箱 smoking in a fire drill's script, 校门口 as
    the place of a 护学岗. A hazard is incidental when every one of its hits shares its sentence with
    a keyword (not a checklist's item) of a hazard that scores at least `DOMINANCE` times as much,
    none of its hits is an item of a list of hazards ("重点加强防火、防溺水…教育" is a task list: each item counts), and
    none names the hazard as a topic or task (防溺水, 对防溺水工作提出要求, 禁毒教育), as what an
    inspection looks for (是否存在电气线路私拉乱接; not 是否备有灭火器, a bus's fittings) or as the
    cause of what happened (电路老化引起火灾). A hazard whose `passing_counts` is set (power, traffic,
    bullying, epidemics, labs) is incidental only in a sentence telling what happened (配电箱冒烟后起火)
    or in the condition the other is done under (在做好疫情防控的前提下): readers count it wherever
    else a notice names it."""
    def sentence(hit: Hit) -> tuple[str, int]:
        return hit.field, (bisect_right(stops, hit.start) if hit.field == "body" else 0)

    by_sentence: dict[tuple[str, int], list[Hit]] = {}
    by_code: dict[str, list[tuple[Hit, tuple[str, int]]]] = {}
    for hit in hits:
        if hit.code:
            key = sentence(hit)
            by_sentence.setdefault(key, []).append(hit)
            by_code.setdefault(hit.code, []).append((hit, key))
    keep = set(assigned)

    def passing(hit: Hit, key: tuple[str, int]) -> bool:
        text = title if hit.field == "title" else body
        if hit.code in comp.passing_counts and not _tells_it_happened(text, *_sentence(text, hit.start)) \
                and not _BACKGROUND.match(text, hit.end):
            return False
        return _in_passing(comp, hit, by_sentence[key], keep, score, title, body)

    return {code for code in assigned if by_code.get(code) and all(passing(h, key) for h, key in by_code[code])}


# A sentence telling what happened (配电箱冒烟后起火, 一名学生溺水身亡): a `passing_counts` hazard named
# there is the scene of the other, as any hazard's word is; elsewhere it counts wherever it is named.
# A warning is no telling (一旦起火后果不堪设想, 杜绝火灾事件): its clause says what might be or is kept from being.
_HAPPENING = re.compile(r"起火|着火|失火|冒烟|燃烧|" + _INCIDENT.pattern)
# … nor is the condition another hazard's task is done under (在做好疫情防控的前提下，…开展消防演练)
_BACKGROUND = re.compile(rf"[^{_CLAUSE_STOPS}]*?(?:前提下|的同时)")  # within the hit's clause
_MIGHT_BE = re.compile(f"{_ADVICE}|{_KEPT_FROM.pattern}|一旦|万一|若|可能|杜绝|谨防|预防")


# … and a clause that bids care (小心摔倒, 注意防滑倒, 当心砸伤) warns as well
_WARNED = re.compile(f"{_MIGHT_BE.pattern}|小心|注意|当心|防")


def _warned_of(text: str, hit: Hit) -> bool:
    """Whether the hit's clause warns of it rather than tells it (防止烫伤, 以免受伤, 如有学生受伤, 小心摔倒): a
    `told` word there tells nothing happening."""
    return bool(_WARNED.search(text, _clause_start(text, 0, hit.start), hit.start))


def _tells_it_happened(text: str, start: int, end: int) -> bool:
    for m in _HAPPENING.finditer(text, start, end):
        clause = _clause_start(text, start, m.start())
        if not _MIGHT_BE.search(text, clause, m.start()):
            return True
    return False


def _inspected_item(comp: _Compiled, hit: Hit) -> bool:
    """A checklist's item (`inspected`, `_mark_lists`): one of the things checked, which makes no
    other hazard of its sentence a word in passing."""
    return hit.listed and hit.phrase in comp.inspected.get(hit.code, ())


# A hazard named as the cause of what happened (电路老化引起火灾, 违规使用电器可能引发的严重后果): a hazard
# of its own, not a word in passing.
_CAUSES = re.compile(r"[，,]?[^，,。；;！？!?\n]{0,6}?(?:引发|引起|导致|造成|诱发|酿成)"
                     r"(?!重视|关注|热议|注意|警惕|讨论|反响|共鸣|思考|争议)")  # 引起重视: no cause

# What an inspection looks for (是否存在电气线路私拉乱接, 是否有违章使用大功率电器, 是否私拉乱接电气线路): a
# hazard checked for, not named in passing.
_CHECKED = re.compile(r"是否有?(?:存在|使用|违规|违章|私拉|乱拉|乱接|私接)[^，,。；;！？!?\n]*$")
_CHECKED_REACH = 12
# … or the thing it checks, then 是否 (电气线路敷设是否符合规定, 电器设备的铺设和安装是否规范)
_CHECKED_AFTER = re.compile(r"[^，,、。；;！？!?\n]{0,10}?是否")
_CHECKED_REST = 12  # characters after 是否 read for a vehicle's fitting


def _asks_about(comp: _Compiled, text: str, hit: Hit) -> bool:
    """A check asks whether the hit's thing is right (电气线路敷设是否符合规定), not whether it holds a
    vehicle's fitting (校车是否配备灭火器: the bus is where the extinguisher is checked)."""
    asked = _CHECKED_AFTER.match(text, hit.end)
    if asked is None:
        return False
    rest = text[asked.end():asked.end() + _CHECKED_REST]
    return not any(fitting in rest for fittings in comp.fittings.values() for fitting in fittings)


# School buildings are what a disaster or a storm damages: checking them in its sentences (对校舍安全
# 进行排查, 校舍墙体开裂) is building safety, not a word in passing; and the quake or the storm in the
# buildings' sentences (地震后对校舍开展安全排查, 校舍抗震加固, 暴雨致校舍墙体开裂) is the text's hazard too
# (over the gathered texts 8 tags right more, 1 wrong; one of them on a set unread then, fresh 34).
_WHAT_IT_DAMAGES = frozenset({("building", "natural_disaster"), ("building", "extreme_weather"),
                              ("natural_disaster", "building"), ("extreme_weather", "building")})
# … not a disaster of years ago the buildings' programme began after (2008年汶川地震后，我县启动校舍安全工程)
_LONG_AGO = re.compile(r"\d{4}年|去年|前年|汶川|玉树|芦山|鲁甸|九寨沟|唐山大")
_LONG_AGO_REACH = 12


def _in_passing(comp: _Compiled, hit: Hit, neighbours: list[Hit], keep: set[str], score: dict[str, float],
                title: str, body: str) -> bool:
    text = title if hit.field == "title" else body
    if hit.listed or hit.phrase.startswith("防") or text[hit.start - 1:hit.start] == "防" \
            or _named_as_topic(comp, text, hit) or _CHECKED.search(text, max(0, hit.start - _CHECKED_REACH), hit.start) \
            or _asks_about(comp, text, hit) \
            or _paired(comp, text, hit) or (hit.code == "fire" and _ON_FIRE.fullmatch(hit.phrase)) \
            or _CAUSES.match(text, hit.end):
        return False  # a task of its own: 防溺水, 谨防暴雨, 消防安全工作, 诈骗教育, an item of a list, 不到水库游泳
    dominated = False
    for other in neighbours:
        if other.code == hit.code:
            continue
        if other.start == hit.start and other.phrase == hit.phrase and hit.kind == other.kind == _STRONG:
            return False  # 用火用电: one phrase, a keyword of both hazards, is no remark on either
        a, b = (hit, other) if hit.start < other.start else (other, hit)
        if _LIST_GAP.match(text[a.end:b.start]):
            return False  # listed side by side with another hazard
        damages = (hit.code, other.code) in _WHAT_IT_DAMAGES and not (
            hit.code != "building" and _LONG_AGO.search(text, max(0, hit.start - _LONG_AGO_REACH), hit.start))
        if other.kind == _STRONG and not _inspected_item(comp, other) and other.code in keep and not damages and \
                score.get(other.code, 0.0) >= DOMINANCE * score.get(hit.code, 0.0):
            dominated = True
    return dominated


def _primary(assigned: list[str], score: dict[str, float], in_title: set[str],
             first: dict[str, tuple[int, int]]) -> str | None:
    """The hazard the document is mainly about, None only when no hazard is assigned: among the
    hazards the title names (every assigned one when it names none), the highest score; a tie
    goes to the one named first (`first`: title before body, then by offset), so the same text
    always gets the same primary."""
    if not assigned:
        return None
    # `other` (禁毒, 防拐, 走失) is the primary only of a text with no named hazard: a facet that says
    # "other" where the text also covers traffic tells the reader less (no devset label has it)
    named = [code for code in assigned if code != OTHER] or assigned
    pool = [code for code in named if code in in_title] or named
    return min(pool, key=lambda code: (-score[code], first[code]))


def _first_mentions(hits: list[Hit]) -> dict[str, tuple[int, int]]:
    """Where each hazard is first named: (0 in the title / 1 in the body, offset)."""
    first: dict[str, tuple[int, int]] = {}
    for hit in hits:
        if hit.code:
            where = (int(hit.field != "title"), hit.start)
            first[hit.code] = min(first.get(hit.code, where), where)
    return first


def _school_context(title: str, body: str) -> bool:
    return any(w in title or w in body for w in SCHOOL_WORDS)


def _a_checks_round(signals: list[Hit], title: str, body: str, stops: tuple[int, ...]) -> bool:
    """One sentence naming `ROUND_HAZARDS` hazards by keywords where someone looked (`_ROUND_VERB`)."""
    named: dict[tuple[str, int], tuple[Hit, set[str]]] = {}
    for hit in signals:
        if hit.kind == _STRONG and hit.code != OTHER:
            named.setdefault(_sentence_key(hit, stops), (hit, set()))[1].add(hit.code)
    for hit, codes in named.values():
        text = title if hit.field == "title" else body
        if len(codes) >= ROUND_HAZARDS and _ROUND_VERB.search(text, *_sentence(text, hit.start)):
            return True
    return False


def _sentence_key(hit: Hit, stops: tuple[int, ...]) -> tuple[str, int]:
    return hit.field, (bisect_right(stops, hit.start) if hit.field == "body" else 0)


def _counted(hits: list[Hit]) -> list[Hit]:
    """The hits that count: a listed word only as an item of a list of hazards; any list item as a keyword."""
    out = []
    for hit in hits:
        if hit.kind == _LISTED and not hit.listed:
            continue
        out.append(hit._replace(kind=_STRONG) if hit.listed and hit.kind not in (_TERM, _STRONG) else hit)
    return out


def tag_hazards(title: str, body: str, taxonomy: Taxonomy, rescorer: Rescorer | None = None) -> HazardResult:
    """The hazards by the rules above; a `rescorer` then revises them from what the rules read."""
    comp = _compiled(taxonomy)
    title = title or ""
    body = body or ""
    body = body[:tail_start(body)]
    # a title cut from a headline-less page's opening line reads a phrase the cut splits whole
    title = title_run_on(title, body, lambda text: ((start, end) for start, end, *_ in _find(comp, text)))
    skip = furniture_spans(body) + menu_spans(body) + _title_copy(title, body)
    stops = _stops(body)  # one pass, for the lists, the weak hits' sentences and the incidental test
    raw_title, raw_body = _hits(comp, title, "title", []), _hits(comp, body, "body", skip)
    title_weather = [h.start for h in raw_title if h.code in comp.measures]
    # weather in the headline (受暴雨影响…) is the cause of a closure anywhere in the body
    closure = _closes_schools(title, title_weather) or \
        _closes_schools(body, [h.start for h in raw_body if h.code in comp.measures], anywhere=bool(title_weather))
    scene = _Scene(closure=closure, vehicle=bool(_VEHICLE.search(title)),
                   traffic_posts=_TRAFFIC_POLICE in body and not _PUBLIC_ORDER.search(body),
                   market_surroundings=bool(_MARKET_REGULATOR.search(body)) and not _POLICE.search(body))
    title_hits = _mark_lists(comp, _in_context(comp, raw_title, title, "title", scene), title)
    body_hits = _mark_lists(comp, _in_context(comp, raw_body, body, "body", scene), body, stops)
    hits = _counted(title_hits + body_hits)
    # a list item that is only a plain word (交通系统, 地标性建筑) is a task in a safety text, but no
    # sign that the text is one
    plain_items = {(h.field, h.start) for h in title_hits + body_hits if h.kind == _LISTED and h.listed}

    score: dict[str, float] = {}
    strong: dict[str, int] = {}
    weak_sentences: dict[str, set[tuple[str, int]]] = {}
    told: dict[str, set[tuple[str, int]]] = {}  # the sentences that tell a hazard happening (`told`)
    term_score = 0.0
    for hit in hits:
        factor = TITLE_FACTOR if hit.field == "title" else 1.0
        if hit.kind == _TERM:
            term_score += 2.0 if hit.field == "title" else 1.0
        elif hit.kind == _STRONG:
            strong[hit.code] = strong.get(hit.code, 0) + 1
            score[hit.code] = score.get(hit.code, 0.0) + factor
        else:
            # weak hits count once per sentence: "私拉乱接电线、使用大功率电器" is one hint, not two
            key = _sentence_key(hit, stops)
            if hit.phrase in comp.told.get(hit.code, ()) and not _warned_of(title if hit.field == "title" else body, hit):
                told.setdefault(hit.code, set()).add(key)
            seen = weak_sentences.setdefault(hit.code, set())
            if key not in seen:
                seen.add(key)
                score[hit.code] = score.get(hit.code, 0.0) + factor * WEAK_FACTOR

    school = _school_context(title, body)
    signal_hits = [h for h in hits if h.kind in (_TERM, _STRONG) and (h.field, h.start) not in plain_items]
    signal_sentences = {_sentence_key(h, stops) for h in signal_hits}
    named = {h.code for h in signal_hits if h.kind == _STRONG and h.code != OTHER}
    # two signals in one sentence of an unrelated text do not make it a safety text; a list of
    # hazards does, and so does one sentence naming three (查看…防溺水教育情况，查看消防设施…，用电安全情况:
    # a check's round told in commas)
    focused = school and (term_score + len(named)) >= 2 and \
        (len(signal_sentences) >= 2 or any(h.listed for h in signal_hits)
         or _a_checks_round(signal_hits, title, body, stops))

    # outside a focused text, a hazard all of whose hits sit in one sentence of a longer body is
    # an aside (a training notice's one sentence on epidemic rules), not the text's subject; a
    # short letter's one sentence is its subject
    spread: dict[str, set[tuple[str, int]]] = {}
    if _long_sentences(stops, len(body)) >= ASIDE_MIN_SENTENCES:
        for hit in hits:
            if hit.code:
                spread.setdefault(hit.code, set()).add(_sentence_key(hit, stops))
    # (the headline is no aside: a hazard it names is the subject; nor is one a sentence names
    # again and again: 涉生诈骗警情39起…返利诈骗…游戏装备诈骗…手机诈骗 is the story)
    asides = {code for code, sentences in spread.items() if len(sentences) == 1 and ("title", 0) not in sentences
              and strong.get(code, 0) < ASIDE_MAX_HITS}
    safety_school = school and bool(term_score or named)  # a general term, or a hazard named by a keyword
    assigned = []
    dwelt: set[str] = set()  # assigned only because the text comes back to them
    only_told: set[str] = set()  # assigned only because the text tells them happening (`told`)
    for code in comp.order:
        if code in strong:
            if focused or (score[code] >= 2 and code not in asides):
                assigned.append(code)
        elif focused and len(weak_sentences.get(code, ())) >= WEAK_SENTENCES:
            assigned.append(code)
        elif school and len(told.get(code, ())) >= TOLD_SENTENCES:
            assigned.append(code)
            only_told.add(code)
        elif safety_school and code in comp.dwelt_on and len(weak_sentences.get(code, ())) >= comp.dwelt_on[code]:
            # weather a school safety text comes back to (连日降雪… / 降雪期间…): a thing to prepare for
            assigned.append(code)
            dwelt.add(code)
    # what a hazard's told words tell, another hazard assigned may explain instead (呕吐、腹泻 in a norovirus
    # outbreak are the epidemic's): a hazard assigned only by them then goes
    assigned = [code for code in assigned
                if code not in only_told or comp.explained_by.get(code, frozenset()).isdisjoint(assigned)]
    passing: set[str] = set()
    if len(assigned) > 1:
        passing = _incidental(comp, assigned, [h for h in hits if h.code], score, title, body, stops)
        assigned = [code for code in assigned if code not in passing]
    # a hazard named only by its answers to another (灾后心理疏导, 河道巡逻) goes when that other is
    # assigned, `other` too (counselling after an abduction drill); not one the headline names (护校安园)
    answering = {code for code, words in comp.answers.items() if code in assigned
                 and all(h.phrase in words and h.field != "title" and not _MANAGED.match(body, h.end)
                         and not _CRIME.search(body, *_sentence(body, h.start)) for h in hits if h.code == code)}
    if answering and any(code not in answering for code in assigned):
        assigned = [code for code in assigned if code not in answering]

    if school and strong and not set(assigned) - dwelt and _INCIDENT.search(body):
        # an incident report names its hazard once or twice (一名学生跳楼身亡, 幼儿疑似感染诺如病毒送医):
        # the hazard it names by a keyword, title or body, is its subject, aside or not; the weather
        # it comes back to (the snow that day) does not stand in for it
        top = max(score[code] for code in strong)
        assigned = [code for code in comp.order if code in assigned or (code in strong and score[code] == top)]
    # the weather to prepare for is beside the text's subject, never its primary
    in_title, first = {h.code for h in hits if h.field == "title" and h.code}, _first_mentions(hits)

    def primary_of(codes: list[str]) -> str | None:
        return _primary([code for code in codes if code not in dwelt] or codes, score, in_title, first)

    primary = primary_of(assigned)
    signals = HazardSignals(
        title=title, body=body, assigned=tuple(assigned), primary=primary, focused=focused, school=school,
        safety_school=safety_school, term_score=term_score, strong=strong, score=score,
        weak={code: len(sentences) for code, sentences in weak_sentences.items()},
        passing=frozenset(passing), answering=frozenset(answering), named=frozenset(named),
        hits=tuple(h for h in hits if h.code))
    if rescorer is not None:
        revised = set(rescorer.revise(signals))
        assigned = [code for code in comp.order if code in revised and code in score]  # a hazard the text names
        primary = primary_of(assigned)

    evidence: list[Evidence] = []
    keep = set(assigned)
    counts: dict[str, int] = {}
    for hit in sorted(hits, key=lambda h: (h.field != "title", h.start)):
        if hit.code in keep and counts.get(hit.code, 0) < MAX_EVIDENCE_PER_HAZARD:
            counts[hit.code] = counts.get(hit.code, 0) + 1
            # a hazard the rescorer added on words the rules found too weak says so on the document page
            rule = "model" if hit.code not in signals.assigned else \
                "list" if hit.listed else ("keyword" if hit.kind == _STRONG else "weak")
            evidence.append(Evidence(label=hit.code, phrase=hit.phrase, start=hit.start, field=hit.field,
                                     rule=f"hazard:{rule}"))
    safety = bool(assigned) or (school and term_score >= 2)
    return HazardResult(assigned, primary, safety, evidence, signals)
