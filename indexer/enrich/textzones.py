"""Where in a page's text the words count: shared by the region and hazard taggers.

- `furniture_spans`: page furniture that is not the article (footer lines with ICP numbers,
  copyright, addresses and phone numbers, ads, bylines, a media source line, lists of related or
  hot articles at the end, a news agency's dateline).
- `lesson_spans`: sentences that recall accidents elsewhere ("通报了…发生的…事故", "以案为鉴") or
  tell a day's history ("2000年，由…倡议…确定…为…日"), the clauses of a typhoon's path ("穿过台湾岛");
  their places are not the subject (their hazards still are).
- `addressee_spans`: a notice's salutation ("各设区市教育局，…："): its recipients, not its place.
- `Matcher`: Aho-Corasick over many phrases (ahocorasick_rs), every match with character offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from typing import Generic, TypeVar

import ahocorasick_rs

from indexer.text import labels
from indexer.text.chinese import HAN, HAN_CHAR

# Lines that are page furniture (plain substrings: `str.find` is much faster than a regex).
# A strong marker makes its line furniture (up to 200 characters); weak markers need a short
# line (< 40 characters) or two of them on a line of < 120 ("下载安装国家反诈中心APP" in a
# paragraph on fraud is text, "需要的自行下载哦 www.…" is an ad).
STRONG_NOISE = (
    "ICP", "icp", "公网安备", "版权所有", "Copyright", "copyright", "©", "主办单位", "承办单位", "技术支持",
    "网站标识码", "联系我们", "责任编辑", "免责声明",
)
# Strong words that are also plain words of a sentence (有问题随时联系我们, 提供技术支持, 活动主办单位为):
# after a word of the sentence and not opening a label (联系我们：, 主办单位:), they are prose.
_PROSE_TOO = re.compile(rf"(?<=[{HAN}])(?:联系我们|技术支持|主办单位|承办单位)(?![:：])")
WEAK_NOISE = (
    "地址：", "地址:", "电话：", "电话:", "邮编", "传真", "编辑：", "编辑:", "编辑/", "校对", "审核：", "记者 ",
    "通讯员", "本站", "转载", "侵权", "侵犯", "免责", "下载", "www.", "http", "扫码", "二维码", "关注我们",
    "主办：", "主办:",
)
# A copyright line whose © was mis-decoded to "?" (? 2014-2025 X报业有限公司): a year or a span of
# years right after the "?" at the start of a line, not a sentence's year (2021-2025年).
_GARBLED_COPYRIGHT = re.compile(r"(?m)^[ \t\u3000]*[?？][ \t\u3000]*(?:19|20)\d\d(?:[ \t]*[-–—~][ \t]*(?:19|20)\d\d)?+(?![\d年-])")
# Where the article ends and the page's lists begin.
# (上一条：…, 下一条：… is the same pager in another CMS; with its colon, not a sentence's 下一条线路)
TAIL = re.compile(rf"^\s*(?:{labels.alternation(labels.FOLLOWING_ARTICLES, ('上一篇', '下一篇', '更多阅读'))}"
                  r"|(?:上一条|下一条)\s*[:：])", re.M)
# A news agency's end mark closing a paragraph (…的关键环节。(完)): what comes after is the page's
# (editors' lines, the next stories' headlines), not the article's.
_END_MARK = re.compile(r"[(（]完[)）][^\n]*\n")
# A site's rights notice (凡本网注明"来源：本站"的所有作品，版权均属于…): the page's, as what follows it.
_RIGHTS_NOTICE = re.compile(r"(?m)^[ \t\u3000]*(?:\d{1,2}[、.．]\s*|[【\[]?(?:版权|免责)?声明[】\]]?[:：]?\s*)?凡本(?:网站?|站)注明")
# A document cited by its title (《…》): the region and hazard taggers both read what it names apart.
CITED_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# A news agency's or paper's dateline: 新华社北京1月5日电, 本报郑州讯.
DATELINE = re.compile(
    r"(?:新华社|中新社|中新网|人民网|央视网|央广网|新华网|光明网)(?:记者\S{0,8})?[ \t\u3000]?"
    rf"[{HAN}]{{2,8}}?[ \t\u3000]?(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯)"
    rf"|(?:本报|本刊|本台)(?:记者\S{{0,8}})?[{HAN}]{{2,8}}?(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯)")
# A sentence that draws a lesson from an accident. Not 警示教育 alone: a school's own warning class
# (城关小学开展防溺水警示教育) is its activity, and its sentence names where it is.
LESSON_CUE = re.compile(r"通报|以案为鉴|以案示警|以案促改|吸取|教训|案例|回顾|剖析")
LESSON_EVENT = re.compile(r"发生|事故|事件|火灾|溺水|溺亡|伤亡|死亡|遇难")
SENTENCE_STOPS = "。！？!?；;\n"  # what ends a sentence (a line break too)


def enclosing(text: str, pos: int, stops: str) -> tuple[int, int]:
    """The span around `pos` up to the nearest stop character on each side (stop included at the end)."""
    if len(stops) == 1:
        end = text.find(stops, pos)
        return text.rfind(stops, 0, pos) + 1, (end + 1 if end >= 0 else len(text))
    start = max(text.rfind(c, 0, pos) for c in stops) + 1
    ends = [i for i in (text.find(c, pos) for c in stops) if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


@lru_cache(maxsize=8)
def tail_start(body: str) -> int:
    """Where the lists after the article begin (len(body) when there are none). The region and
    hazard taggers and `furniture_spans` each ask for the same body's: the last few answers are
    remembered."""
    cuts = []
    if (lists := TAIL.search(body)) is not None:
        cuts.append(lists.start())
    if (mark := _END_MARK.search(body)) is not None and body[mark.end():].strip():
        cuts.append(mark.end())
    cuts += [notice.start() for notice in _RIGHTS_NOTICE.finditer(body)]
    return min((c for c in cuts if c > len(body) // 5), default=len(body))


def furniture_spans(body: str) -> list[tuple[int, int]]:
    """The furniture of a body (see the module's docstring). The region and hazard taggers both
    ask for the same body's: the last few answers are remembered."""
    return list(_furniture_spans(body))


# A media source in brackets opening a line (（来源：X晚报）, 【来源:X网】), and how long the text after it
# must run for the line to be a paragraph the attribution was glued to, not a source line.
_LEADING_SOURCE = re.compile(r"\s*[(（【\[](?:来源|來源)[^)）】\]\n]{1,24}[)）】\]]")
_PARAGRAPH_AFTER_SOURCE = 30
# … and a reporter's byline in brackets near a line's start, after an outlet's words (本报讯(记者 X 通讯员 Y)).
_OPENING_BYLINE = re.compile(r"[^(（\n]{0,16}" + labels.REPORTERS_IN_BRACKETS)
# … and the editor's credit in brackets closing a line that goes on before it (上海市疾病预防控制中心 (编辑:X)):
# the credit is furniture, the signature before it is not
_CLOSING_CREDIT = re.compile(r"[ \t\u3000]*[(（【\[][ \t]*(?:责任编辑|编辑|责编|审核|校对|作者|记者|通讯员|摄影)"
                             r"[ \t]*[:：/][^)）】\]\n]{1,20}[)）】\]][ \t\u3000]*$")


def _credit_only(body: str, a: int, b: int) -> tuple[int, int]:
    """The span of a furniture line: only its closing credit where a signature stands before it."""
    credit = _CLOSING_CREDIT.search(body, a, b)
    if credit and body[a:credit.start()].strip():
        return credit.start(), b
    return a, b


@lru_cache(maxsize=8)
def _furniture_spans(body: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    cut = tail_start(body)
    if cut < len(body):
        spans.append((cut, len(body)))
    strong: list[int] = []
    weak: dict[int, set[str]] = {}
    for words, is_strong in ((STRONG_NOISE, True), (WEAK_NOISE, False)):
        for word in words:
            i = body.find(word, 0, cut)
            while i >= 0:
                if is_strong:
                    if not _PROSE_TOO.match(body, i):
                        strong.append(i)
                else:
                    weak.setdefault(body.rfind("\n", 0, i) + 1, set()).add(word)
                i = body.find(word, i + len(word), cut)
    if "?" in body or "？" in body:
        strong += [m.start() for m in _GARBLED_COPYRIGHT.finditer(body, 0, cut)]
    sources = {m.start() for m in labels.MEDIA_SOURCE.finditer(body, 0, cut)}
    last = -1
    for pos in sorted(strong + list(sources)):
        if pos < last:
            continue
        a, b = enclosing(body, pos, "\n")
        bracket = _LEADING_SOURCE.match(body, a, b) if pos in sources else None
        if bracket and b - bracket.end() >= _PARAGRAPH_AFTER_SOURCE:
            # (来源：钱江晚报)自1月下旬以来…: the attribution opens the first paragraph, which goes on
            spans.append(bracket.span())
        elif b - a < 200:  # a footer or byline line, not a paragraph that happens to hold the word
            spans.append(_credit_only(body, a, b))
        last = b
    for line_start, found in weak.items():
        a, b = enclosing(body, line_start, "\n")
        if b - a < 40 or (len(found) >= 2 and b - a < 120):
            byline = _OPENING_BYLINE.match(body, a, b)
            if byline and b - byline.end() >= _PARAGRAPH_AFTER_SOURCE:
                # 本报讯(记者 X 通讯员 Y) 为进一步…: the byline opens the first paragraph, which goes on
                spans.append((a, byline.end()))
            else:
                spans.append(_credit_only(body, a, b))
    spans += [m.span() for m in DATELINE.finditer(body, 0, cut)]
    if "|" in body or "｜" in body:
        spans += [m.span() for m in _LINK_ROW.finditer(body, 0, cut)]
    if "·" in body or "•" in body:
        spans += [m.span() for m in _FEED_ITEM.finditer(body, 0, cut)]
    if any(mark in body for mark in _LIST_MARKS):
        spans += _link_lists(body, cut)
    spans += _menu_columns(body, cut)
    return tuple(spans)


# A site's menu kept one link a line (网站首页 / 单位简介 / 关于我们 / …): this many short lines in a
# row, none a clause, are navigation (a poster's "六不" rules are fewer, and carry commas or 不).
_MENU_COLUMN_LINES = 10
_MENU_LINK_CHARS = 8
_CLAUSE_MARK = re.compile(r"[，。；！？、,;!?：:]")


def _menu_columns(body: str, end: int) -> list[tuple[int, int]]:
    """The spans of runs of `_MENU_COLUMN_LINES` or more short link-like lines before `end`."""
    spans: list[tuple[int, int]] = []
    run_start, run = 0, 0
    pos = 0
    for line in body[:end].split("\n"):
        text = line.strip()
        if text and len(text) <= _MENU_LINK_CHARS and not _CLAUSE_MARK.search(text):
            if run == 0:
                run_start = pos
            run += 1
        else:
            if run >= _MENU_COLUMN_LINES:
                spans.append((run_start, pos - 1))
            run = 0
        pos += len(line) + 1
    if run >= _MENU_COLUMN_LINES:
        spans.append((run_start, min(pos - 1, end)))
    return spans


# A row of short links between bars (禹城市| 千阳县| 织金县| 福鼎市| …): a site's link list.
# Each link is an atomic group (spaces around a link can be split many ways: without it a padded
# footer line took seconds), and the line ends with a short link, not a paragraph after a menu.
_LINK_ROW = re.compile(r"(?m)^(?:(?>[ \t\u3000]*[^|｜\n]{1,12}?[ \t\u3000]*[|｜])){4,}[^|｜\n]{0,12}$")
# A list of other pages' headlines, one a line behind a bullet or a dash (• 江西修水县与平江县签订森林防灭火联防
# 联控协 / - 2025-04-03鄖西:筑牢防震減災防線…): four lines or more of 12 to 40 characters, none a clause. A
# notice's own bulleted tasks are shorter (●严禁私自下河游泳) or carry commas.
_LIST_MARKS = ("•", "·", "●", "■", "▪", "◆", "◇", "□", "\n-", "\n -", "－", "—")
_LINK_LIST = re.compile(r"(?m)(?:^[ \t\u3000]*[•·●■▪◆◇□\-－—][ \t\u3000]*[^\n，。；！？,;!?、：]{12,40}[ \t\u3000]*(?:\n|\Z)){4,}")
# What makes such lines links, not a notice's own items (- 全面排查校舍及围墙等附属设施安全隐患): each dated or cut
# short (2025-04-03鄖西…, 签订森林防灭火联防联控协…), or the run standing before the article's first paragraph, or
# after its last one and this long (a 公示's four projects close a notice too).
_LINK_LIST_AFTER_LINES = 6
_LINK_EVIDENCE = re.compile(r"\d{4}[-/.年]\d{1,2}|\d{1,2}-\d{1,2}[ \t\u3000]*$|(?:…|\.\.\.)[ \t\u3000]*$")
_PARAGRAPH = re.compile(r"[^\n]{50,}")


def _link_lists(body: str, end: int) -> list[tuple[int, int]]:
    """The spans of bulleted lists of other pages' headlines before `end` (`_LINK_LIST`, `_LINK_EVIDENCE`)."""
    spans = []
    for m in _LINK_LIST.finditer(body, 0, end):
        lines = [line for line in m.group(0).split("\n") if line.strip()]
        above = enclosing(body, max(0, m.start() - 1), "\n")  # the line before the list
        after_colon = m.start() > 0 and body[above[0]:above[1]].rstrip().endswith(("：", ":"))
        dated = all(_LINK_EVIDENCE.search(line) for line in lines)
        first = not _PARAGRAPH.search(body, 0, m.start())
        last = len(lines) >= _LINK_LIST_AFTER_LINES and not _PARAGRAPH.search(body, m.end(), end)
        if (dated or first or last) and not after_colon:
            spans.append(m.span())
    return spans
# A feed's item (某某晚报 · a headline · 昨天, 3 小时前): an outlet, a headline and how long ago, between
# dots; a list of other stories, as the related-article lists are.
_FEED_ITEM = re.compile(r"(?m)^[^\n·•]{1,20}[·•][^\n]{1,80}[·•][ \t\u3000]*(?:昨天|前天|\d{1,2}[ \t]*(?:分钟|小时|天|周)前)[ \t\u3000]*$")


@lru_cache(maxsize=8)
def source_values(text: str) -> tuple[re.Match[str], ...]:
    """The "来源：…" / "发布机构：…" values of a text (`labels.SOURCE_OR_ISSUER_VALUE`). The region
    and issuer taggers both read the same body's (0.016 ms a devset body): the last few answers
    are remembered."""
    return tuple(labels.SOURCE_OR_ISSUER_VALUE.finditer(text)) if labels.mentions_source(text) else ()


# A clause about learning from elsewhere: 学习借鉴杭州市上城区的经验, 赴宁波考察学习. Only the clause: the
# sentence goes on to name the visitors (为学习先进经验，由X区委副书记带队的考察团赴Y区…), who write.
ELSEWHERE_CUE = re.compile(r"学习借鉴|借鉴|考察学习|参观学习|交流学习|学习考察|经验做法|先进经验|观摩学习|外出学习")
# … and a study trip's destination, from 赴 to the verb (赴南山区考察): the visitors may head the clause.
# Not 调研 or 督查: leaders go to their own schools for those.
TRIP_TO = re.compile(r"赴[^，。；！？,;!?\n]{1,20}?(?:考察|学习|交流|参观|观摩)")


# The places an epidemic notice lists as risk areas (做好福建省莆田市等重点地区来返人员排查, 不前往北京、
# 上海等中高风险地区): where people come from or must not go, not where the notice is from. Matched at
# 等…地区; the clause around it holds the list.
RISK_AREAS = re.compile(r"等(?:中高风险|高风险|中风险|重点|疫情|涉疫|疫情重点|疫情高发)地区")


# A day's or a festival's history: where it began, not who speaks (最初发起于…, 2000年，由北京师范大学…
# 倡议，…确定每年的5月25日为…心理健康日); not this year's decisions (2024年，市教育局确定9月为…).
HISTORY_CUE = re.compile(r"(?:19|20)\d\d年[^。！？!?；;\n]{0,80}?(?:最初|起源|由来|发起于"
                         r"|倡议[^。！？!?；;\n]{0,60}?(?:确定|定为))")


# A typhoon's path (在台湾岛东南部沿海登陆，穿过台湾岛，向广东东部沿海靠近): the places it crosses, clause
# by clause, are the weather's, not the notice's.
WEATHER_PATH = re.compile(r"登陆|穿过|过境|擦过|移入|靠近")
_CLAUSE_STOPS = SENTENCE_STOPS + "，,"


# Where police caught or a suspect hid (在益阳市资阳区将犯罪嫌疑人曹某抓获, 藏匿在长沙市雨花区): the
# suspect's whereabouts, not the place of the police who tell it; from the preposition to the verb.
# Only where a county-level or city name stands there (在益阳市资阳区…抓获): a township alone (在樟木头镇
# 某小学附近将犯罪嫌疑人抓获) may be the police's own ground, the text's only place.
SUSPECT_WHEREABOUTS = re.compile(r"(?:在|到|至|于)[^，。；,;！？!?\n]{0,28}?[市县区][^，。；,;！？!?\n]{0,28}?(?:抓获|抓捕归案|落网)"
                                 r"|(?:藏匿|潜逃|逃窜|躲藏)(?:在|至|到|于)[^，。；,;！？!?\n]{0,18}?[市县区][^，。；,;！？!?\n]{0,10}")
# A teleconference's main venue (主会场设在南宁, 各市设分会场): the convener's city, not the writer's, who
# sits in a branch venue; the clause from here to its comma.
MAIN_VENUE = re.compile(r"主会场(?:设在|设于|位于|在)")


# A purpose clause that draws a lesson (为深刻汲取…事故教训，), up to its comma.
_PURPOSE_LESSON = re.compile(r"[ \t\u3000]*为[^。！？!?；;\n，,]{0,60}?(?:吸取|汲取)[^。！？!?；;\n，,]{0,60}?教训[，,]")


# 通报 opening the report a body issues on its own incident (X县委宣传部发布通报：…, 通报称), not a
# meeting that 通报了 accidents elsewhere, nor a ministry's 通报 to every province on one
_OWN_REPORT = re.compile(r"\s*(?:[:：]|称|指出|显示)")
_ISSUES = ("发布", "发出", "作出", "做出")  # before 通报: the sentence's speaker issues it
# … a city's or a county's body (滨州市联合工作组, 某县教育局), which reports on its own ground; not a province,
# a ministry or an autonomous region (省教育厅就某县…事件发布通报 tells the counties a lesson)
_LOCAL_SPEAKER = re.compile(r"(?<!自治)[市县区州旗盟](?![长民])(?!.*(?:省|部|国家|国务院|自治区))")
# The writer's own ground before the accident's word (近期我省已发生多起溺水事故，教训深刻; after the cue when the
# cue comes first: 通报了我县近期发生的…): the sentence tells a local accident, no lesson from elsewhere, and the
# issuer who opens it (X厅等5部门联合发布公告，近期我省…) is still the text's. Over the devset and fresh 40 to 50,
# 5 such sentences, each its writer's own accidents; 我市教育局通报了湖南…发生的 stays a lesson.
_OWN_GROUND = re.compile(r"[我本](?:省|市|县|区|州|旗|盟)")


def lesson_spans(body: str) -> list[tuple[int, int]]:
    """Sentences that recall accidents elsewhere or tell a day's history; clauses that learn from
    elsewhere, trace a typhoon's path or name a teleconference's main venue; where a suspect was
    caught or hid."""
    spans = []
    for m in ELSEWHERE_CUE.finditer(body):
        spans.append(enclosing(body, m.start(), _CLAUSE_STOPS))
    if "赴" in body:
        spans += [m.span() for m in TRIP_TO.finditer(body)]
    for m in HISTORY_CUE.finditer(body):
        spans.append(enclosing(body, m.start(), SENTENCE_STOPS))
    if "地区" in body:
        for m in RISK_AREAS.finditer(body):
            spans.append(enclosing(body, m.start(), _CLAUSE_STOPS))
    if "主会场" in body:
        for m in MAIN_VENUE.finditer(body):
            spans.append((m.start(), enclosing(body, m.start(), _CLAUSE_STOPS)[1]))
    if "嫌疑人" in body or "犯罪" in body:
        spans += [m.span() for m in SUSPECT_WHEREABOUTS.finditer(body)]
    if "台风" in body or "热带风暴" in body:
        for m in WEATHER_PATH.finditer(body):
            spans.append(enclosing(body, m.start(), _CLAUSE_STOPS))
    last = -1
    for m in LESSON_CUE.finditer(body):
        if m.start() < last or (m.group(0) == "通报" and _OWN_REPORT.match(body, m.end())):
            continue
        a, b = enclosing(body, m.start(), SENTENCE_STOPS)
        if m.group(0) == "通报" and body.endswith(_ISSUES, 0, m.start()) and not LESSON_EVENT.search(body, m.end(), b):
            about = body.rfind("就", a, m.start())  # the speaker is who comes before 就 (or before the verb)
            if _LOCAL_SPEAKER.search(body, a, about if about >= 0 else m.start()):
                continue  # 某市工作组就某校学生不适事件发布通报。: a city's or county's own bulletin on its own event
        if (event := LESSON_EVENT.search(body, a, b)) is not None:
            own = _OWN_GROUND.search(body, m.end() if m.start() < event.start() else a, b)
            if own is not None and LESSON_EVENT.search(body, own.end(), b):
                last = b
                continue
            purpose = _PURPOSE_LESSON.match(body, a)
            # 为汲取X事故教训，Y开展…: the lesson is the purpose clause, which names the accident;
            # Y acts after it (not 为汲取教训，防止类似X事故再次发生…, nor a sentence that goes on to
            # tell another accident)
            if purpose and purpose.end() < b and LESSON_EVENT.search(body, a, purpose.end()) \
                    and not LESSON_EVENT.search(body, purpose.end(), b):
                spans.append((a, purpose.end()))
            else:
                spans.append((a, b))
        last = b
    return sorted(spans)


# A clause that cites the plan it carries out (为深入落实X、Y“校园平安行”活动部署，根据市教育局通知要求):
# the bodies in it instruct; the one that acts comes after.
_INSTRUCTION = re.compile(r"(?:落实|根据|按照|遵照|依据)[^，。；,;！？!?\n]{1,60}?(?:部署|要求|精神|通知|安排|规定|指示|意见|文件)")


def not_acting_spans(body: str) -> list[tuple[int, int]]:
    """Clauses that name whose plan a text carries out, or whose word it reports (据X发布的消息):
    the bodies named there do not act in the text."""
    return [m.span() for m in _INSTRUCTION.finditer(body)] + [m.span() for m in _ATTRIBUTION.finditer(body)]


# A clause that attributes what follows (据庆阳市人民政府新闻办今天发布的消息称，): the office named in it
# reports, the place the text keeps naming acts.
_ATTRIBUTION = re.compile(r"(?<![根依占证收数])据[^，。；,;！？!?\n]{2,40}?(?:消息|通报|介绍|通告|报道)")


# The salutation of a notice: the bodies it is sent to, not the place it is about
# ("各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局：").
ADDRESSEE = re.compile(r"^[ \t\u3000]*(?:各|有关)[^。！？!?\n]{1,200}[：:][ \t\u3000]*$", re.M)


def addressee_spans(body: str) -> list[tuple[int, int]]:
    """The salutation lines of a notice (its recipients)."""
    return [m.span() for m in ADDRESSEE.finditer(body)]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


V = TypeVar("V")


class Matcher(Generic[V]):
    """Aho-Corasick over phrases; `find` gives every (overlapping) match with character offsets,
    ordered by where it ends, the longest first among those ending together.

    ahocorasick_rs (the Rust aho-corasick crate, contiguous NFA) finds the 60,000 names of the
    gazetteer in a devset text in 0.017 ms where pyahocorasick, even over a two-symbol encoding
    of each character, took 0.06 ms; it builds in 0.1 s and holds 12 MB."""

    def __init__(self, phrases: Iterable[tuple[str, V]]):
        pairs = list(phrases)
        self._phrases = [phrase for phrase, _ in pairs]
        self._values = [value for _, value in pairs]
        self.automaton = ahocorasick_rs.AhoCorasick(
            self._phrases, matchkind=ahocorasick_rs.MatchKind.Standard, store_patterns=False,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA) if pairs else None

    def find(self, text: str) -> list[tuple[int, int, str, V]]:
        if self.automaton is None or not text:
            return []
        found = self.automaton.find_matches_as_indexes(text, overlapping=True)
        found.sort(key=_BY_END)
        phrases, values = self._phrases, self._values
        return [(start, end, phrases[i], values[i]) for i, start, end in found]


# (pattern, start, end) by end, then start: a C key, not a Python function called for every match
_BY_END = itemgetter(2, 1)


# --------------------------------------------------------------------------- lines that are not text

# Reprints on SEO and spam sites carry lines that are not the article: casino and betting brands
# ("XX体育·(中国)官方网站"), clinic ads, "本文由…整理发布" notes, breadcrumbs and menus. Their
# place names are not the article's. Recognised by the shape of the line, never by a brand list.
#
# Separate patterns, so that each starts with a literal or a class: `re` then scans for the
# first characters instead of trying every branch at every position (4x faster on the devset).
# Their first characters differ (Han or brackets; Latin; digits after a Han character: `_JUNK`'s one
# branch starting with digits, a tip site's 246…正版资料, is followed by no brand word), so
# `_junk_matches` finds what one pattern of all their branches found.
_JUNK = re.compile(
    r"\(中国[)）]官方网站|（中国[)）]官方网站|官方网站[·•]|官网入口|官网登录|登录入口|网页版入口|手机版入口|娱乐城|娱乐平台|百家乐"
    # a mirror's site name swapped for a game's (来源:XX游戏官方网站, 【XX游戏官网】, the name alone on its line):
    # never a bureau's, school's or paper's; not a scam warning's (警惕虚假游戏官网诈骗, 冒充游戏官网的网站); the
    # branch starts with its literal 游, the looks behind after it, so that `re` still scans for first characters
    r"|游(?<!虚假游)(?<!冒充游)(?<!假冒游)戏官(?:方网站|网)(?=[】\]\s]|当前位置|$)"
    r"|老虎机|棋牌|博彩|赌场|跑狗|六合彩|时时彩|信誉网赌|网赌大全"
    # a lottery tip site's SEO words, glued even into a reprint's headline (…遇难!澳门天天彩正版资料免费…),
    # each beside a lottery word: not 天天彩排, 购买正版资料, 管家婆 the accounting software, 澳门码头 or 澳门彩虹幼稚园,
    # nor a lesson quoting a site's name (揭露“新澳门”等网络赌博)
    r"|天天彩(?![排绘虹色灯印妆])|六开彩|一肖一码|一码一肖"
    # the draws and tips those sites sell (开奖结果, 三肖中特, 肖一码, 期期准)
    r"|开奖(?:结果|记录|资料)|天天开奖|[一二三四五六]肖(?:[一二三四五六]码|中特|必中)|肖一码|期期准"
    r"|(?:澳门|香港|管家婆|天天彩|246).{0,4}正版资料|正版资料(?:大全|免费)"
    r"|管家婆(?:[一二三四六]|资料|彩|必中|期期|精准|正版)|新澳门(?:[天六彩开资正精]|免费|管家)"
    r"|澳门(?:六合|天天彩|彩(?![虹绘排色])|码(?!头)|资料(?![馆室库])|正版|精准(?:[一二三四六]|资料|免费|大全|马|码))"
    r"|注册送|体育平台|体育官网|体育(?:·|\()|娱乐(?:·|\()|国际(?:·|\()|国产|无码|色情|在线观看|视频在线"
    r"|医院(?:哪家|怎么样|好不好)|哪家(?:医院|好)|治疗(?:费用|多少钱|方法)|专科医院|男科|妇科|不孕|癫痫|白癜风|牛皮癣|整形"
    r"|是由.{0,30}(?:编辑|整理|收集)|整理发布|希望对你有所帮助|欢迎(?:您)?(?:访问|光临)|本文(?:标签|关键词)|关键词[:：]"
    # a breadcrumb's head, before its colon, arrow or crumbs (您现在的位置是：首页, 您的位置 > 首页), not the
    # words in a sentence (可以随时对车辆所在位置和运行情况进行监控)
    r"|(?:当前位置|您的位置|您现在的位置|所在位置)是?\s*(?:[:：>＞»→]|\s|$)"
    r"|网站首页|设为首页|加入收藏|网站地图|上一篇|下一篇|上一条[:：]|下一条[:：]|分享到"
    r"|热搜[:：]|热门搜索|热门标签|搜索热词"
    # an ad's call to the reader (…新用户送N元礼包，点我领取), not a campaign's 你点我检 nor a notice's
    # (附件点我下载)
    r"|点我领取")
_JUNK_LATIN = re.compile(r"app下载|av大片", re.I)
# A betting brand is a name and a number before what it sells (XX28平台, XX365体育): searched only
# in texts holding one of those words.
_JUNK_BRAND = re.compile(rf"(?<=[{HAN}])\d{{2,3}}(?:平台|娱乐|彩票|官网|体育)")
_BRAND_WORDS = ("平台", "娱乐", "彩票", "官网", "体育")
_BRAND_ENDS = " \u3000，,（(。"


def _junk_matches(text: str) -> list[re.Match[str]]:
    """The matches of both junk patterns in the order of the text, never overlapping: what
    `finditer` of one pattern holding all their branches gives."""
    out: list[re.Match[str]] = []
    patterns = [_JUNK]
    if "下载" in text or "大片" in text:
        patterns.append(_JUNK_LATIN)
    if any(word in text for word in _BRAND_WORDS):
        patterns.append(_JUNK_BRAND)
    found = {p: p.search(text) for p in patterns}
    while any(m is not None for m in found.values()):
        m = min((m for m in found.values() if m is not None), key=lambda m: m.start())
        out.append(m)
        pos = m.end()
        for p, hit in found.items():
            if hit is not None and hit.start() < pos:
                found[p] = p.search(text, pos)
    return out


# A line of four or more phrases joined by hyphens, three of them Han, no label before them: an SEO
# page's stuffed keywords (XX视频-XX在线-XX一区-…, 西安家教-咸阳家教-宝鸡家教-…, a reprint site's names):
# over the 3,570 gathered texts 9 such lines, all junk. Stuffing when three phrases share a head or a
# tail of two characters or more (家教, 海南), or the phrases run five characters on average; never a
# bus route, an address or a list of schools (two phrases ending as places, schools and stations end:
# 城关小学-江口镇-…, 陕西省-安康市-宁陕县-城关镇, 客运站-人民医院-…), nor a slogan of short words
# (防溺水-防火-防电-防欺凌).
_HYPHENATED = re.compile(r"^[ \t\u3000]*(?:[^\s\-，。；,、:：]{1,20}-){3,}[^\s\-，。；,、:：]{1,20}[ \t\u3000]*$", re.M)
# (not a video site's 一区 / 二区, a 景区 or a 小区)
_PLACE_END = re.compile(r"(?:[省市县旗镇乡村站局]|(?<![一二三四五六七八九十\d专景小])区|街道|学校|小学|中学|幼儿园|医院|政府)$")
_KEYWORD_CHARS = 5
_AFFIX = 2


def _stuffed(parts: list[str]) -> bool:
    """Whether hyphen-joined phrases are keyword stuffing (see `_HYPHENATED`)."""
    if sum(1 for part in parts if HAN_CHAR.search(part)) < 3 or sum(1 for part in parts if _PLACE_END.search(part)) >= 2:
        return False
    if sum(map(len, parts)) >= _KEYWORD_CHARS * len(parts):
        return True
    heads = Counter(part[:_AFFIX] for part in parts if len(part) > _AFFIX)
    tails = Counter(part[-_AFFIX:] for part in parts if len(part) > _AFFIX)
    return max(heads.values(), default=0) >= 3 or max(tails.values(), default=0) >= 3


def _hyphenated_lines(text: str) -> list[tuple[int, int]]:
    if text.count("-") < 3:
        return []
    return [m.span() for m in _HYPHENATED.finditer(text)
            if _stuffed([part.strip() for part in m.group().split("-")])]


def repeated_lines(text: str, times: int = 3) -> set[str]:
    """The lines (4 characters or more, stripped) that a text holds at least `times` times: a
    spun reprint's inserts ("XX墙体广告" between paragraphs), never the article's own words."""
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        line = line.strip()
        if len(line) >= 4:
            counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items() if n >= times}


def junk_spans(text: str) -> list[tuple[int, int]]:
    """Lines (up to 200 characters) or sentences of a longer line that are ads, spam, SEO notes
    or navigation, lines of hyphen-joined keywords (`_HYPHENATED`) and lines the text repeats
    (`repeated_lines`). A brand glued before the
    article's first words ("XX官方网站讯(…)为…", "XX28平台晨报讯 …") loses only its clause up to
    the first bracket, comma or space."""
    spans: list[tuple[int, int]] = []
    repeated = repeated_lines(text)
    if repeated:
        # the lines themselves, not the same words inside a sentence (a university's name repeated
        # as a page's header line is still named by "今年是石河子大学建校70周年")
        pos = 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped in repeated:
                start = pos + line.index(stripped)
                spans.append((start, start + len(stripped)))
            pos += len(line) + 1
    spans += _hyphenated_lines(text)
    last = -1
    for m in _junk_matches(text):
        if m.start() < last:
            continue
        a, b = enclosing(text, m.start(), "\n")
        if m.re is _JUNK_BRAND:
            # a betting brand glued before the article's dateline (XX28平台晨报讯 4月3日，…) loses
            # itself and the dateline, up to the first space, comma or bracket
            stops = [i for i in (text.find(c, m.end(), b) for c in _BRAND_ENDS) if i >= 0]
            b = min(stops) + 1 if stops else b
        elif b - a > 200:
            a, b = enclosing(text, m.start(), SENTENCE_STOPS)
            if b - a > 200:
                a, b = enclosing(text, m.start(), "，,（(")
        spans.append((a, b))
        last = b
    return sorted(spans)


# A person's name after a job title or a byline: its characters are not a place (主任高阳, 记者 廖凌云).
_TITLE_WORDS = (
    r"书记|副书记|县长|区长|市长|州长|旗长|镇长|乡长|省长|厅长|局长|处长|科长|股长|主任|部长|校长|园长|所长|站长|队长|主席"
    r"|委员|常委|秘书长|调研员|督学|专干|教师|老师|同学|同志|记者|通讯员|作者|编辑|摄影|民警|警官|辅警|代表|组长|负责人"
)
_PERSON = re.compile(rf"(?:{_TITLE_WORDS})[ \u3000:：]?([{HAN}]{{2,3}})(?=[，,、。；;）)\s和与等及在到主带陪指先一就对向出]|$)")


# A job title ending right here: the surname after it starts a person's name (班主任崔|金华像往常).
AFTER_TITLE = re.compile(rf"(?:{_TITLE_WORDS})$")


def person_spans(text: str) -> list[tuple[int, int]]:
    """The names after job titles and bylines (副书记张建平到…, （记者 廖凌云）)."""
    return [m.span(1) for m in _PERSON.finditer(text)]


# The last lines of a notice: the issuing body, then a date (落款). Short lines, at the end, that
# end with the name of a body (…教育局, …中心学校, …派出所, …大队部, …防汛办; not the verb of a
# related story's headline left below the text: …文化节在广州举办).
# (a mis-decoded non-breaking space ends some lines as "??")
DATE_LINE = re.compile(r"^[\s\d〇零一二三四五六七八九十○年月日.\-/:：]+\?*$")
_BODY_END = re.compile(
    r"(?:局|厅|委|委员会|政府|办公室|(?<![举创承主协开兴操督查包代])办|中心|学校|中学|小学|幼儿园|大学|学院|学区|处|科|室|所|队|大队|大队部|院|会|部|站|公司)"
    r"[\s)）]*\?*$")


# A line above a full date line (X县教育委员会\n2022年5月12日): where a signature may stand mid-body.
_SIGNED_DATE = re.compile(r"^([^\n]+)\n[ \t\u3000]*\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000?]*$", re.M)
# A full date after a body's name on its signature line (X县教育局 2022年7月18日).
_TRAILING_DATE = re.compile(r"[ \t\u3000]*\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000?]*$")
# A count (6名小学生, 3所学校): a line of a story, cut short, not a body's name.
_COUNTED = re.compile(r"\d+\s*(?:名|人|所|个)")


def signature_spans(body: str, lines: int = 3) -> list[tuple[int, int]]:
    """Up to `lines` short lines (< 40 characters) among the last ones of the body that end with
    the name of a body, before a date line; not a line that counts something (北流某镇6名小学…).
    Also the one such line anywhere right above a date line: a covering notice signed before the
    plan it sends (…印发给你们。\nX县教育委员会\n2022年5月12日\nX县校舍安全排查方案…)."""
    spans = _signed_above_a_date(body)
    end = len(body.rstrip())
    seen = 0
    while end > 0 and seen < lines + 1:
        start = body.rfind("\n", 0, end) + 1
        line = body[start:end].strip()
        if line and not DATE_LINE.match(line):
            if len(line) >= 40:
                break
            # the body and its date on one line (X县灌区管理处 2022年7月18日): the span is the body's name
            named = _TRAILING_DATE.sub("", line)
            raw = body[start:end]
            span = (start, start + len(raw) - len(raw.lstrip()) + len(named))
            if _names_a_body(named) and span not in spans:
                spans.append(span)
        seen += 1
        end = start - 1
    return spans


def _signed_above_a_date(body: str) -> list[tuple[int, int]]:
    """The one signature above a date line in the body; none where there are several (a digest of
    several bodies' notices, each signed: none of them is the page's issuer)."""
    spans = [found.span(1) for found in _SIGNED_DATE.finditer(body)
             if len(line := found.group(1).strip()) < 40 and _names_a_body(line)]
    return spans if len(spans) == 1 else []


def _names_a_body(line: str) -> bool:
    return bool(_BODY_END.search(line)) and not _COUNTED.search(line)


# A local outlet's dateline names its place: 本网钦南讯, 霍山新闻网讯, 本报郑州讯, 本报泰安(2024年)12月2日讯 (new:
# 讯 only; a national agency's 新华社北京电 is where the reporter sat and stays in `furniture_spans`).
# … and so does a byline's outlet (歌画东阳客户端通讯员 X, 钟祥市融媒体中心 通讯员 X, 泉州晚报记者 X).
BYLINE_OUTLET = re.compile(rf"([{HAN}]{{2,10}}?(?:客户端|新闻网|融媒体中心|日报|晚报|电视台|广播电视台))[ \t\u3000]*[（(]?[ \t\u3000]*(?:通讯员|记者)")
LOCAL_DATELINE = re.compile(
    rf"(?:本网|本报|本台|本刊)[ \t\u3000]?([{HAN}]{{2,8}}?)(?:(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)?讯|([{HAN}]{{2,6}}?)(?:新闻网|融媒|日报|发布|在线|网)讯|^[ \t\u3000]*([{HAN}]{{2,6}})讯[(（]",
    re.M)
