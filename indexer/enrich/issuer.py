"""Who issued a document, at which level of government, and what kind of event it reports.

`normalize_issuer` takes the issuer the page gives (meta `ContentSource`, "来源：…", 发文机关) or,
failing that, finds it in the body's source line, its signature (X县教育局 over a date line), the
title ("邯郸市教育局召开…") or the first sentence (a body visiting a school there is the issuer, not the
school: X消防救援大队走进Y中学). It then writes it one way:

- Simplified script, no "来源：" label, no trailing "网站/官网".
- Abbreviated bureau names are spelled out: 教体局 → 教育体育局, 教文体局 → 教育文化体育局,
  教科体局 → 教育科技体育局, 教体科技局/教体和科技局 → 教育体育和科技局, 教科局 → 教育科技局,
  教委 → 教育委员会. Official variants (教育和体育局) are left as they are.
- The place prefix is the canonical name of the unit ("邯郸教育局" → "邯郸市教育局"); a bare level
  prefix takes the document's region ("市教育局" + 邯郸 → "邯郸市教育局", "经开区教文体局" +
  郑州经济技术开发区 → "郑州经济技术开发区教育文化体育局").

Level: a school (学校, 中学, 小学, 幼儿园, 大学, 学院) → school; 教育部 and national bodies →
national; 镇/乡/街道/办事处 → township; otherwise the level of the place prefix (省教育厅 →
province, 市教育局 → city, 县/区教育局 → county; municipalities' own bodies (北京市教委) →
province, their districts → county). Media outlets (…网, …报) keep their name and get no level. A text
that names no issuer (or only an outlet) gets the level of the jurisdiction it calls its own most
often (我县, 本校, 我市; a county-level city's 我市 is a county's): on the readers' levels of 2,670 real
texts, 144 right that were empty, one wrong that was right. Failing that: a township's when its
headline's subject is a township of the gazetteer after only its places' names (合川三汇镇：开展…), a
letter to the parents' sender's (a school's, or the county's of 致全县…家长的一封信), the level of the
whole jurisdiction it speaks for most often (全县, 全市, 全省), else the level of its region's deepest unit,
as for a named body whose name tells no level; a township's police station or market office (上明派出所,
not an airport's or a forest's) is the township's. On the readers' levels (省 / 市 / 县 / 乡镇 / 学校):
devset 0.441 before these, 0.682 after; the 1,588 texts of the read sets 0.412 → 0.669; the sets nobody
read for them, the unread four 0.447 → 0.673 and the ten older 0.449 → 0.700.

`classify_event` reads the title (then the first sentence): the event word nearest the end of
the phrase wins, because Chinese puts the head noun last ("安全检查工作会议" is a meeting,
"关于开展安全检查的通知" a notice).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from indexer.enrich.gazetteer import CITY, COUNTY, PROVINCE
from indexer.enrich.regions import Gazetteer, RegionResult
from indexer.enrich.textzones import DATE_LINE, signature_spans, source_values
from indexer.models import IssuerLevel
from indexer.text import labels
from indexer.text.bodies import AGENCY_NAMES
from indexer.text.chinese import HAN, HAN_CHAR, SHENG_WORDS, to_simplified

_ABBREVIATIONS = (
    ("教体和科技局", "教育体育和科技局"),
    ("教体科技局", "教育体育和科技局"),
    ("教文体局", "教育文化体育局"),
    ("教科体局", "教育科技体育局"),
    ("教文局", "教育文化局"),
    ("教科局", "教育科技局"),
    ("教体局", "教育体育局"),
    ("教委", "教育委员会"),
)
# 小学生, 大学生: a pupil, a student, not a school (but 城南中学生物组 is the school's biology group)
_NOT_A_PUPIL = "(?!生(?!" + "|".join(word[1:] for word in SHENG_WORDS) + "))"
# An issuing body's name ends in one of these: the education authorities, the agencies acting on schools
# (`bodies.AGENCIES`, shared with the region tagger) with the police's and fire service's units, a school.
_ORG = (r"(?:教育部|教育厅|教育委员会|教育局|教委|教育工委|教体和科技局|教体科技局|教文体局|教科体局|教文局|教科局|教体局"
        rf"|教育[{HAN}]{{0,6}}?局|教体中心|社会事业局|社会事业发展局|消防救援(?:总队|支队|大队|中队|站|局)?"
        r"|公安局(?:交警|交通警察)?(?:支队|大队|中队)|交警(?:支队|大队|中队)|交管大队|派出所|" + AGENCY_NAMES
        + rf"|(?:(?!局|厅|召开|开展|举行|举办|组织|全市|全县|全区|全省)[{HAN}]){{0,12}}?"
        r"(?:学校|中学|小学|幼儿园|大学|学院|中心校)" + _NOT_A_PUPIL + "|办事处)")
_TITLE_ORG = re.compile(rf"^\s*([{HAN}（）()]{{0,20}}?" + _ORG + ")")
# The last character of every `_ORG` (or 救援, for 消防救援[…]): a cheap test before the nested
# lazy loops of `_ORG` run.
_ORG_LAST = "[部厅会局委心府校学园院处队所司联]"
_ORG_END = rf"(?:{_ORG_LAST}|救援)"
_LEAD_VERB = r"(?:召开|组织|举办|举行|开展|印发|下发|发出|出台|发布|联合|部署|启动|在|主办|承办)"
# The lookaheads change no match, they only skip hopeless starts: in a match, the last character
# of the body (or 救援 and up to three more) stands at most 35 characters after the start and, in
# `_LEAD_ORG`, right before the verb. (12x faster on the devset's first sentences.)
_LEAD_ORG = re.compile(rf"(?=[{HAN}（）()]{{2,35}}?(?:{_ORG_LAST}|救援[{HAN}]{{0,3}}?){_LEAD_VERB})"
                       rf"(?:由)?([{HAN}（）()]{{1,20}}?" + _ORG + ")" + _LEAD_VERB)
# What every `_LEAD_ORG` match holds 2 to `_LEAD_REACH` characters after its start (the end of its
# body and the verb, as in its lookahead). `_LEAD_ORG` tries every position of the text (0.045 ms
# on a devset body's first 200 characters); this pattern starts with a character class, which `re`
# scans for quickly (0.004 ms), and two thirds of the devset's first sentences hold none.
_LEAD_REACH = 35
_LEAD_ANCHOR = re.compile(rf"(?:{_ORG_LAST}|救援[{HAN}]{{0,3}}?){_LEAD_VERB}")
_CLAUSE_ORG = re.compile(rf"(?:^|[，,。：:\s])(?=[{HAN}（）()]{{2,35}}?{_ORG_END})([{HAN}（）()]{{2,20}}?" + _ORG + ")")
_GENERIC = {"地方政府", "政府网站", "地方政府网站", "本网", "本站", "网络", "互联网", "网友", "综合", "原创", "未知", "佚名",
            "来源网络", "网络转载", "转载", "本网综合", "本站综合", "其他"}
_MEDIA = re.compile(r"(?:网|报|资讯|杂志|电视台|广播电台|融媒体中心|客户端|头条|新闻|社|在线|传媒|媒体|之声|频道|号)$")
_SCHOOL = re.compile(r"(?:学校|中学|小学|幼儿园|大学|学院|中心校|附中|附小|职校|高中|初中|职高|教学点|村小|[一二三四五六七八九十\d][中小]|分校|校区)$")
_TOWNSHIP = re.compile(rf"(?:镇|乡|街道|办事处|苏木)(?:人民政府|政府|党委|中心学校|教育办|教管中心|[{HAN}]{{0,6}})$")
# A township's own bodies the readers place at the township's level: its police station (上明派出所, also
# after its county's bureau, 岚县公安局上明派出所: 37 of the 51 read texts issued by one) and its market
# regulator's office (西园市场监管所)
_TOWNSHIP_OFFICE = re.compile(r"(?<!机场)(?<!水上)(?<!森林)(?<!铁路)(?<!大学)(?<!校园)(?<!开发区)(?<!高新区)(?<!港)"
                              r"(?:派出所|市场监管所|市场监督管理所)$")
# A headline whose subject is a township (合川三汇镇：开展…, 衡东县甘溪镇“白+黑”开展…, 溧水永阳街道 强化…): the
# township speaks (a 中心学校 is a school's, as `_SCHOOL` says; 40 of the 43 read texts with such a headline
# were labelled so)
_TOWNSHIP_HEADLINE = re.compile(rf"^([{HAN}]{{2,14}}?(?:镇|乡|街道))(?:[:：\s“]|(?:政府|人民政府|党委|派出所)?"
                                r"(?:开展|召开|组织|举办|举行|全力|多措并举|扎实|强化|积极|启动|筑牢|做好|部署|联合))")
# … the names of its places before it (衡东县, 合川) as the gazetteer's kinds have them
_PLACE_KINDS = frozenset({"full", "short", "alias", "former"})
_NATIONAL = re.compile(r"^(?:中华人民共和国|国务院|教育部|国家|中央|全国|公安部|应急管理部|国家卫生健康委|共青团中央|团中央|最高人民"
                       r"|中国(?:疾病预防控制中心|疾控中心|气象局|地震局|教育科学研究院|关心下一代工作委员会))")
_LEVEL_PREFIX = re.compile(r"^(省|自治区|市|州|盟|县|区|旗)")
_GOV_BODY = re.compile(r"^(?:教育|教体|教文|教科|人民政府|政府|应急|公安|消防|市场|卫健|卫生|住建|团|妇联|社会事业|委|党委|县委|市委|区委"
                       r"|交警|交管|供电|人民检察|检察|人民法院|法院|疾控|气象局|气象台|地震局|地震监测|司法)")
_ZONE_PREFIX = re.compile(r"^(经开区|经济技术开发区|经济开发区|高新区|高新技术产业开发区|新区|航空港区)")


@dataclass
class IssuerResult:
    name: str | None
    level: IssuerLevel | None


def _clean(raw: str) -> str:
    text = to_simplified(raw).strip()
    text = labels.LEADING_LABEL.sub("", text)
    text = re.split(r"[\s|｜/,，;；]", text, maxsplit=1)[0] if text else text
    text = re.sub(r"[（(][^（）()]{0,12}[）)]$", "", text)  # 新华资讯（演示）, 某某网(转载)
    text = re.sub(r"(?:门户网站|网站|官网|官方网站|微信公众号|公众号)$", "", text)
    return text.strip("：:·- ")


def _spell_out(name: str) -> str:
    for short, full in _ABBREVIATIONS:
        if name.endswith(short):
            return name[: -len(short)] + full
        i = name.find(short)
        if i >= 0 and full not in name:
            return name[:i] + full + name[i + len(short):]
    return name


def _looks_like_name(name: str) -> bool:
    """An organisation's name: 2–40 characters, at least two of them Chinese."""
    return 2 <= len(name) <= 40 and len(HAN_CHAR.findall(name)) >= 2 and name not in ("相关内容", "来源")


def _place_prefix(name: str) -> tuple[str, str] | None:
    """The unit `name` starts with and how it is written there (邯郸市教育局 → ("130400", "邯郸市"))."""
    return Gazetteer.default().lookup_prefix(name)


def _plausible(name: str) -> bool:
    """A named body, not a phrase like 全县中小学 or 各学校."""
    return not name.startswith(("全", "各", "我", "本", "关于", "在", "对", "为", "并", "分别")) and not name.endswith("中小学")


# Words of a clause, not of a body's name (一所中学, 三所小学: schools left unnamed; 河南排查幼儿园, 积石山县摸排学校,
# 作出让…学校: what was done to schools).
_CLAUSE_WORDS = re.compile(r"各|的|在|开展|实现|启动|加强|要|全市|全县|全区|[一两三几多数某]所|摸排|排查|作出")


def _find_raw(title: str, body: str) -> str | None:
    values = source_values(body)
    for m in values:
        cand = _clean(m.group(1) or m.group(2))
        if cand and not _MEDIA.search(cand) and cand not in _GENERIC:
            return cand
    signature = _signature(body)
    if signature:
        return signature
    headline = _TITLE_ORG.match(title)
    if headline and (actor := _actor(headline.group(1))):
        return actor
    for text in (title, body[:200]):
        for m in _lead_orgs(text):
            if actor := _actor(m.group(1)):
                return actor
    # "今年以来，日照市教育局坚持…": a body named with its place right after a comma
    for m in _CLAUSE_ORG.finditer(body[:300]):
        cand = m.group(1)
        if _plausible(cand) and not _CLAUSE_WORDS.search(cand) and (prefix := _place_prefix(cand)) \
                and not _collective(cand, prefix) and (actor := _actor(cand)):
            return actor  # a visit (延津县人大组成调研组深入到城关中学) is its visitor's, when one is named
    for m in values:
        cand = _clean(m.group(1) or m.group(2))
        if cand and cand not in _GENERIC:
            return cand
    return None


# "X came to Y school": a school matched with what goes before it holds a visit, and X is the actor.
_VISIT = re.compile(r"邀请|来到|走进|深入到|深入|莅临|赶赴|前往|到|赴|对|率|听取|向|在|为")
_TITLE_OF_PERSON = re.compile(r"主任|局长|书记|县长|市长|区长|镇长|校长|一行|同志|等")
_BODY_TAIL = re.compile(r"(?:局|厅|委|委员会|政府|队|院|所|公司|中心|办|部|处|站|学会|协会|工会|联合会)$")


# How a lead's sentence opens (近日，… / 当日下午市教育局… / 此次活动由…): not part of the body's name.
_WHEN = re.compile(r"^(?:(?:此次|本次)(?:活动)?由?|(?:近日|日前|近期|当日|当天|今日|今天|昨日|昨天|目前|今年|\d{1,2}月\d{1,2}日)"
                   r"(?:上午|下午|晚上|晚)?)")


# A place's schools in general, not one of them (吉林市学校, 潍坊学校, 吉林市城区小学, 合肥市义务教育阶段学校;
# but 周宁县中学, 泗阳县幼儿园 and 兰州大学 are one school each).
_SCHOOLS_OF = "(?:城区|农村|城乡|市区|县城|义务教育阶段|义务教育|部分|受灾|所有|全部|辖区|重点|相关|各类|涉事)"
_COLLECTIVE = re.compile(rf"{_SCHOOLS_OF}?(?:学校|中小学校?)|{_SCHOOLS_OF}(?:小学|中学|幼儿园)")


def _collective(name: str, prefix: tuple[str, str] | None) -> bool:
    """Whether `name`, after the place it starts with (`prefix`, as `lookup_prefix` gives it), is a
    place's schools in general."""
    return prefix is not None and bool(_COLLECTIVE.fullmatch(name[len(prefix[1]):]))


def _actor(cand: str) -> str | None:
    """The body a lead's match names: the match itself (without the time its sentence opens with:
    近日省教育厅), or, when it holds a visit to a school (隆尧县供电公司服务队来到隆尧县第一中学), the
    body before the visit (cut at a person's title: 督导办主任杨光耀等一行到…); none when no body stands
    there (沙红同志分别听取了两所学校), nor when the match is a clause that ends on a school (丁青县实现
    各学校, 为加强学校, 荆门市掇刀区的幼儿园)."""
    cand = _WHEN.sub("", cand)
    if not _plausible(cand):
        return None
    visit = _VISIT.search(cand)
    if visit is None or not _SCHOOL.search(cand):
        return None if _CLAUSE_WORDS.search(cand) or _collective(cand, _place_prefix(cand)) else cand
    head = _TITLE_OF_PERSON.split(cand[:visit.start()], maxsplit=1)[0]
    return head if _looks_like_name(head) and _BODY_TAIL.search(head) else None


def _signature(body: str) -> str | None:
    """A notice's signature, the last of the body (X县教育局安全办 over its date line): a body's name
    that starts with a place, or a school's, a level's (县教育局) or a longer name right above a
    date. Not a short line that only ends like a body's name (查看全部, 新浪首页), nor a bare office
    (保卫部 signs for the university the text names)."""
    for start, end in sorted(signature_spans(body), reverse=True):
        cand = _clean(body[start:end])
        if not cand or not _plausible(cand) or _MEDIA.search(cand):
            continue
        following = body[end:].lstrip("\n").split("\n", 1)[0].strip()
        if _place_prefix(cand) is not None or (DATE_LINE.match(following)
                                        and (_SCHOOL.search(cand) or _LEVEL_PREFIX.match(cand) or len(cand) >= 6)):
            return cand
    return None


def _lead_orgs(text: str) -> Iterator[re.Match[str]]:
    """`_LEAD_ORG.finditer(text)`, started where a match can start: no earlier than `_LEAD_REACH`
    characters before the first anchor, none at all without one."""
    anchor = _LEAD_ANCHOR.search(text)
    if anchor is None:
        return iter(())
    return _LEAD_ORG.finditer(text, max(0, anchor.start() - _LEAD_REACH))


def normalize_issuer(raw: str | None, title: str, body: str, region: RegionResult | None = None) -> IssuerResult:
    title = to_simplified(title or "")
    body = to_simplified(body or "")
    name = _clean(raw) if raw else ""
    if name and (not _looks_like_name(name) or name in _GENERIC):
        name = ""
    found: str | None = None  # what the text itself names, looked up once
    searched = False
    if not name:
        found, searched = _find_raw(title, body), True
        name = _clean(found) if found else ""
        if name and not _looks_like_name(name):
            name = ""
    if not name:
        return IssuerResult(None, _own_level(title, body, region))
    if _MEDIA.search(name) and not _SCHOOL.search(name):
        # a reprint: the government body the text names is the issuer, the outlet only when none is
        found = found if searched else _find_raw(title, body)
        found = _clean(found) if found else ""
        if not found or _MEDIA.search(found):
            return IssuerResult(name, _own_level(title, body, region))
        name = found

    name = _spell_out(name)
    name, prefix_level = _canonical_prefix(name, region)
    return IssuerResult(name, _level(name, prefix_level) or _region_level(region))


# How an issuer speaks of its own jurisdiction: 我县 (our county), 我校 (our school).
_OWN = re.compile(r"(?:我|本)(县|区|旗|市|州|盟|省|校|园|镇|乡)")
_OWN_LEVELS: dict[str, IssuerLevel] = {"县": "county", "区": "county", "旗": "county", "市": "city", "州": "city",
                                       "盟": "city", "省": "province", "校": "school", "园": "school",
                                       "镇": "township", "乡": "township"}
# The whole of a jurisdiction a text speaks for (全县中小学, 全市各校, 全省): its level, as 我县 says, where it
# calls none its own; not a county named so (全州县) nor 全市场 (the whole market)
_WHOLE = re.compile(r"全(县|区|旗|市|州|盟|省)(?![县区场])")


# A letter to the parents: its salutation opening a line of its first lines (尊敬的各位家长：, 家长朋友们：), or
# its headline (致家长的一封信); a school's unless it says whose (致全县中小学生家长的一封信: the county's), or
# a body that is no school sends it (交警, 医保)
_SALUTATION = re.compile(r"(?m)^[ \t\u3000]*(?:(?:尊敬的|亲爱的)?各位|尊敬的|亲爱的)[^，,:：\n]{0,6}家长[^，,:：\n]{0,3}[:：，,]"
                         r"|^[ \t\u3000]*家长朋友[们]?[^\n]{0,4}[:：，,]")
_LETTER_TITLE = re.compile(r"致[^，,\n]{0,14}家长[^，,\n]{0,6}(?:信|书)")
_LETTER_OPENING = 300
_LETTER_WHOLE: dict[IssuerLevel, re.Pattern[str]] = {"county": re.compile(r"全(?:县|区|旗)"), "city": re.compile(r"全(?:市|州|盟)"), "province": re.compile(r"全省")}
_NOT_A_SCHOOLS_LETTER = re.compile(r"交警|公安|派出所|医保|税务|法院|检察院|消防|疾控|卫健|卫生健康")


def _own_level(title: str, body: str, region: RegionResult | None) -> IssuerLevel | None:
    """The level a text without a named issuer speaks from: the jurisdiction it calls its own most
    often (我县, 我校), when one does; a county-level city's 我市 (the region's county is a 市) is a
    county's. A text that calls none its own: see the module's docstring."""
    text = title + "\n" + body
    own = _levels_named(_OWN, text)
    if own:
        return _most_named(own, region)
    if _headline_township(title):
        return "township"
    return _letter_level(title, body) or _most_named(_levels_named(_WHOLE, text), region) or _region_level(region)


def _levels_named(pattern: re.Pattern[str], text: str) -> list[tuple[IssuerLevel, int]]:
    """The levels of the jurisdictions `pattern` finds (group 1: 县, 市, 校 …), most named first."""
    return Counter(_OWN_LEVELS[m.group(1)] for m in pattern.finditer(text)).most_common(2)


def _most_named(ranked: list[tuple[IssuerLevel, int]], region: RegionResult | None) -> IssuerLevel | None:
    """The level named most often, none on a tie; a county-level city's 市 (the region's county is a
    市) is a county's."""
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    if ranked[0][0] == "city" and region is not None and (region.county or "").endswith("市"):
        return "county"
    return ranked[0][0]


def _headline_township(title: str) -> bool:
    """Whether the headline's subject is a township (`_TOWNSHIP_HEADLINE`): a township of the gazetteer
    that ends the head, after nothing or only its places' names (合川三汇镇, 衡东县甘溪镇); not a
    city named like one (景德镇 is no township there), a phrase (全市城镇, 统筹城乡) or a township where
    someone else acts (县长赴城关镇)."""
    found = _TOWNSHIP_HEADLINE.match(title.strip())
    if found is None:
        return False
    head = found.group(1)
    data = Gazetteer.default().data
    names = data.find(head)
    town = next((start for start, end, _, entries in names
                 if end == len(head) and any(e.kind == "town" for e in entries)), None)
    if town is None:
        return False
    covered = 0  # the head before the township: places' names end to end
    for start, end, _, entries in sorted(names, key=lambda n: (n[0], -n[1])):
        if start == covered and end <= town and any(e.kind in _PLACE_KINDS for e in entries):
            covered = end
    return covered == town


def _letter_level(title: str, body: str) -> IssuerLevel | None:
    """The level of a letter to the parents that names no sender (`_SALUTATION`, `_LETTER_TITLE`)."""
    letter = _LETTER_TITLE.search(title)
    if letter is None and _SALUTATION.search(body[:_LETTER_OPENING]) is None:
        return None
    if _NOT_A_SCHOOLS_LETTER.search(title):
        return None
    addressed = letter.group() if letter else title
    return next((level for level, whole in _LETTER_WHOLE.items() if whole.search(addressed)), "school")


def _region_level(region: RegionResult | None) -> IssuerLevel | None:
    """The level of the place a text without a named issuer or an own jurisdiction is about: its
    region's deepest unit (a county's news is a county body's, as readers take it)."""
    if region is None:
        return None
    if region.county:
        return "county"
    if region.city:
        return "city"
    return "province" if region.province else None


def _canonical_prefix(name: str, region: RegionResult | None) -> tuple[str, str | None]:
    """Replace the written place prefix with the canonical unit name; return the unit's level."""
    gz = Gazetteer.default()
    hit = gz.lookup_prefix(name) or _prefix_in_region(gz, name, region)
    if hit:
        code, written = hit
        div = gz.data.divisions[code]
        rest = name[len(written):]
        if _ZONE_PREFIX.match(rest) and div.level == CITY:
            return name, "county"  # 西安高新区教育局: a zone not in the aliases file is still county level
        deeper = gz.lookup_prefix(rest, under=div.code)  # 北京市朝阳区教委, 陕西省汉阴县教体局, 安康汉阴县…
        if written != div.name and not _GOV_BODY.match(rest) and not deeper:
            hit = None  # 中山大学, 北京师范大学: a name that starts with a place, not a body of that place
        else:
            while deeper:
                div = gz.data.divisions[deeper[0]]
                rest = rest[len(deeper[1]):]
                deeper = gz.lookup_prefix(rest, under=div.code)
            name = _unit_prefix(gz, div) + rest
    if hit:
        if div.level == PROVINCE:
            return name, "province"
        if div.level == CITY:
            return name, "city"
        if div.level == COUNTY:
            return name, "county"
    if region is not None:
        m = _ZONE_PREFIX.match(name)
        zone = _zone_of(gz, region)
        if m and zone:
            return zone + name[m.end():], "county"
        m = _LEVEL_PREFIX.match(name)
        if m:
            mark = m.group(1)
            rest = name[m.end():]
            if mark in ("省", "自治区") and region.province:
                return region.province + rest, "province"
            if mark in ("市", "州", "盟"):
                if region.city:
                    return region.city + rest, "city"
                if region.province and region.province.endswith("市"):  # a municipality's own body
                    return region.province + rest, "province"
            county = _county_of(gz, region)
            if mark in ("县", "区", "旗") and county:
                return county + rest, "county"
        county = _county_of(gz, region)
        if county and _TOWNSHIP.search(name) and not _SCHOOL.search(name):
            return county + name, "township"
    return name, None


def _prefix_in_region(gz, name: str, region: RegionResult | None) -> tuple[str, str] | None:
    """A prefix that names several units (鼓楼区, 朝阳区) read inside the document's region."""
    for code in reversed(getattr(region, "codes", None) or []):
        hit = gz.lookup_prefix(name, under=code)
        if hit:
            return hit
    return None


def _county_of(gz, region) -> str | None:
    """The region's county as its bodies write it (日照市东港区, 汉阴县), if the region has one."""
    codes = getattr(region, "codes", None) or []
    for code in reversed(codes):
        div = gz.data.divisions.get(code)
        if div is not None and div.level == COUNTY and code not in gz.data.zones:
            return _unit_prefix(gz, div)
    return None


def _zone_of(gz, region) -> str | None:
    """The development zone a region result ends in (its code is last in `codes`), if any."""
    codes = getattr(region, "codes", None) or []
    if codes and codes[-1] in gz.data.zones:
        return gz.data.divisions[codes[-1]].name
    return None


def _unit_prefix(gz, div) -> str:
    """One spelling per unit, the way its bodies name themselves: a district carries its city
    (广州市天河区教育局, 北京市朝阳区教委), so does a name that is ambiguous alone (福州市鼓楼区);
    a county or county-level city stands alone (汉阴县教育体育和科技局, 巩义市教育局)."""
    if div.parent is None or div.level != COUNTY or div.code in gz.data.zones:
        return div.name
    if div.name.endswith("区") or len(gz.data.by_name.get(div.name, ())) > 1:
        return gz.data.divisions[div.parent].name + div.name
    return div.name


def _level(name: str, prefix_level) -> IssuerLevel | None:
    if _SCHOOL.search(name):
        return "school"
    if _TOWNSHIP_OFFICE.search(name):
        return "township"
    if _NATIONAL.match(name):
        return "national"
    if _TOWNSHIP.search(name) and not name.endswith(("局", "厅", "委员会")):
        return "township"
    if prefix_level == "county" and re.search(r"[镇乡]", name[-8:]) and name.endswith(("政府", "党委")):
        return "township"
    if prefix_level:
        if prefix_level == "province" or name.endswith("厅"):
            return "province"
        return prefix_level
    if name.endswith("厅") or name.startswith(("省", "自治区")):
        return "province"
    if name.startswith(("市", "州", "盟")):
        return "city"
    if name.startswith(("县", "区", "旗")) or _ZONE_PREFIX.match(name):
        return "county"
    return None


# --------------------------------------------------------------------------- event type

_EVENTS = (
    ("drill", r"演练|演习|疏散|逃生"),
    ("training", r"培训|讲座|大讲堂|讲堂|课堂|宣讲|专题学习|授课|安全课|第一课|知识竞赛|安全教育|主题班会|宣传教育|宣传周|教育周"),
    ("inspection", r"检查|自查|督查|督导|排查|暗访|巡查|抽查|检验|整治行动|专项行动|隐患排查"),
    ("meeting", r"会议|会上|座谈会|推进会|部署会|调度会|视频会|联席会|工作会|例会|会商|大会|召开|安排部署|部署"),
    ("notice", r"通知|公告|通告|通报|告家长书|致家长|一封信|温馨提示|安全提示|提醒|预警|倡议书|公示|办法|方案|意见"),
    ("report", r"通讯|综述|掠影|纪实|侧记|报道|巡礼|扫描|回眸|成效|见闻"),
)
_EVENT_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _EVENTS))


def classify_event(title: str, body: str) -> str | None:
    """meeting, inspection, drill, training, notice or report (the default for a text that names
    no event); None only for an empty text."""
    title = to_simplified(title or "")
    found = _last_event(title)
    if found:
        return found
    body = to_simplified(body or "")
    lead = re.split(r"[。！？\n]", body.strip(), maxsplit=1)[0][:200] if body else ""
    found = _first_event(lead)
    if found:
        return found
    # a text that names no event ("扎实推进防溺水工作", "多措并举…") is a news report
    return "report" if (title.strip() or body.strip()) else None


def _last_event(text: str) -> str | None:
    last = None
    for m in _EVENT_RE.finditer(text):
        if m.lastgroup == "meeting" and m.group() in ("召开", "部署", "安排部署") and last is not None:
            continue  # "召开…", "部署…" are weak signs once another event word is known
        last = m.lastgroup
    return last


def _first_event(text: str) -> str | None:
    """In a sentence the verb phrase carries the event; prefer the most specific word found."""
    kinds = {m.lastgroup for m in _EVENT_RE.finditer(text)}
    for kind in ("drill", "training", "inspection", "meeting", "notice", "report"):
        if kind in kinds:
            return kind
    return None
