"""Which place a document is about: province > city > county with GB/T 2260 codes.

Scheme (the facet values of ARCHITECTURE.md):

- `province` is the full official name ("陕西省", "广西壮族自治区", "北京市").
- `city` is the prefecture-level unit ("安康市", "恩施土家族苗族自治州").
- `county` is the county-level unit ("汉阴县", "朝阳区", "巩义市").
- Municipalities (北京/天津/上海/重庆) have no city level: a district is the county and
  `city` stays None, e.g. province "北京市", city None, county "朝阳区", codes
  ["110000", "110105"], path lvl0 "北京市", lvl1 "北京市 > 朝阳区". The same holds for the
  county-level units a province administers directly (河南 济源市, 湖北 仙桃市, 海南 文昌市,
  新疆 石河子市). The path never holds an empty level: each lvlN adds the next named unit.
- Development zones (郑州经开区 → 郑州经济技术开发区) are not divisions proper: the document gets
  the zone's province and city (河南省, 郑州市; county None, path stops at the city) and the
  zone's MCA code (410171) ends `codes`, so a filter on the code still finds it.
- Every value is the current canonical name from the gazetteer: a short form, a former name or
  Traditional script never reaches a facet.

How the place is chosen: evidence fusion. Every cue is collected with a weight and a kind, then
the place descends the tree as far as the cues agree.

Cues (kind in the evidence's rule, "region:<kind>"), found with one Aho-Corasick pass over the
Simplified title, issuer and body:
- names of divisions: `full`, `short` (汉阴, 东乡县 for 东乡族自治县), `alias`, `former` (思茅),
  `zone` / `generic` (郑州经开区, 经开区);
- townships and streets (`town`: 榆关镇 → 抚宁区; a 镇 renamed 街道 is still found, but a name
  that exists today as written wins: 湾溪乡), their short names before an institution
  (`town_short`: 榆关小学, 与儿街派出所, 马召市场监管所; before a township's own 中心校 even when
  the name is also a county's short form: 梅江中心校; anywhere once the text names the township in
  full: 罗庄镇政府在罗庄二初中, not 临沂's 罗庄区), universities
  (`institution`: 复旦大学 → 杨浦区, from the aliases file);
- local outlets and datelines (`media`: 霍山新闻网讯, 宁陕融媒体中心, 今日房县, 本网钦南讯, a source
  line or issuer that is an account), slogans (美丽宁陕): where the outlet is, never strong, and a
  provincial paper's or periodical's name (北京日报, 湖南法治报, 《宁夏教育》, and those whose name holds no
  place: 东南网, 扬子晚报, `outlets` in the aliases file) not at all, unless the text speaks of its own
  province (我省, 全省, 省教育厅) and names no other place;
- `deixis`: 我县 / 全县 / 县委 / 县应急局 / 本市 bound to the one county (or city) the text names anywhere,
  even by a short form that found no city to confirm it;
- `level`: the same marks, or a pair of levels (区、镇人大代表, 县、乡两级), pick the one reading of
  an ambiguous name that fits them (王府镇 of a 区 and of a 县, in a text about its 区);
- short forms that are ordinary words (和平, 江口: `stop_short`) count only where the text binds
  them: right after their parent (天津市和平保育院 → `short`), heading a police branch under the
  parent's bureau (天津市公安局和平分局) or, a township's, before an office
  named after it (江口派出所 → `town_short`); a township's reading gains where its county is named;
- `doc_number`: a province's one-character name before a document number (豫教安〔2024〕58号);
- `registration`: the province of the site's ICP licence or public-security filing (陕ICP备,
  陕公网安备610103…: the filing's city too), postal code or big-city telephone number, only when
  nothing else names a province (`registration.py`: they say where the site is, not who issued the text);
- `hint` (the source's region_hint) and `host` (a suffix of the aliases file, or a *.gov.cn host
  label that is the pinyin of exactly one unit: huanxian → 环县, sxxingxian → 山西 兴县); `owner`
  (the public body or school a page's footer names, 主办单位：X县教育局, `indexer.extract.owner`) and
  `banner` (a government site's welcome line) count as the host does, and so does `site_code`
  (the division code a government site's 网站标识码 starts with);
- `national`: a national body acting in the title or the first lines (教育部办公厅印发通知…)
  makes a national document, with no region, unless a province's own cues weigh more (各地教育部门
  are not the ministry; the verb must be in the body's own clause).

Weights by where a cue stands: title 10, issuer, a "来源：<gov body>" line or a signature at the
end (the last short lines ending in a body's name, before a date) 8, hint and host 6, first
sentence 4, body 1 (at most 6 per unit), an outlet 3, deixis 4; a short form or a university in
the body counts half. Zero where places are not the subject: footers, related-article lists, a
national agency's dateline (in a first line taken for the title too), a railway body named after
its hub (北京铁路局, 石家庄公安处), ads, spam, SEO notes and navigation lines (`textzones.junk_spans`,
recognised by their shape: a betting brand is a name and a number before 平台; a line the body
repeats three times is an insert, and so is a short title it repeats), a provincial TV channel
(湖北卫视), persons' names after a title (主任高阳, 副区长沙红), lessons and
precedents (通报了…发生的…事故, 学习借鉴, 汶川地震, 玛多“5·22”地震; in a title cut from the first
paragraph too), a day's history (2000年，由北京师范大学…倡议…确定…为…心理健康日), a typhoon's path
(穿过台湾岛), the recipients of a notice, a school or a
street named after a place (延安中学, 北京东路), a market. A short county form in the body only
counts when its city is named too, or when three or more counties of one city are named so
(清流、宁化、大田 under a bare 市教育局); a short form that is the head or tail of a common word
(重大安全, 投资兴业, 联合江口) is no place, nor is a district's name before 域 (江南区域, an area).

Unambiguous mentions vote first; then each ambiguous name goes to the candidate whose province
and city have the most votes; failing that, to a candidate another ambiguous name of the text
backs up (诸葛镇 and 李村镇 share one city), to the current unit rather than one that used to bear
the name, to the larger of a unit and its namesake (邵阳 → 邵阳市), to the one of the highest
level (河北 → 河北省), or to what all candidates share. A name written right after its parent
(福州市鼓楼区, 咸阳市彬县) is resolved by it, and so is a township office under a bureau of its parent
(宜昌市公安局X派出所: a reading of X outside 宜昌 is another township of that name, and dropped).

The place then descends the tree one level at a time. Where the title, issuer, source line,
signature, hint or host name a unit at that level, they decide and the body cannot outvote
them; where they name two or more alike (a digest's headline, 安新…信阳…), the one the rest of the
text names twice as much as each other is taken (`TIE_MARGIN`). Where they weigh the parent too
much for any unit below, and the issuer, source or signature lines name one unit below and nothing
strong names another (a notice headlined 湖南省… and signed 娄底市教育局), who speaks decides. Elsewhere the text decides: a child is taken when it holds at least half of its siblings'
weight and of its parent's own weight in the text (an outlet's name, or a city heading a school's
name, 莆田锦江中学, does not count there: where the school is, not the city speaking), and
at least as much as the title or issuer give the parent itself where several of its children
speak (a 省教育厅 notice whose counties spoke stays at the province), half as much where only one
does (a 甘肃 headline over one county's story). Where the weights leave it open and the text names
one unit below (or two, one of whose offices acts first, and no 各县区), that unit is taken when it
acts, not its parent: the parent's office never acts
(贵州省三都水族自治县 under a 贵州 headline), or the first office acting in the body is the unit's
(长春市公安局交警支队宽城大队联合宽城区教育局: a bureau before its branch is the branch; the bodies
whose plan a clause carries out, 为落实…部署, do not act). A parent's office that leads
(乐山市教育局联合市中区…) or names the unit only as where it went keeps the place at the parent.
Where the text names no place at all, a postal address line in the footer (地址：佛山市南海区桂城海三路26号)
naming one line of the tree is where the site's owner sits, and is taken (`_address`); below a place
the text chose it is read only on a school's own page (我校 in its own words, not quoted: a city school's
news under a headline naming its city, its address in a district), never a bureau's, a court's or a
paper's (a provincial bureau's office has a street address in a district).
Otherwise the place stops at the level it is sure of: a city-wide
report naming its counties evenly stays at the city; a text naming five provinces has none.
A text whose places all lie on one line of the tree, too lightly to pass the floor of 1 (a
university or a short name named once past the first sentence), is placed there all the same:
nothing disagrees, and a reader takes the one cue; not under a headline about the whole country
(全国…), where that cue is a participant.

`secondary` lists the other units the text names (participants, targets: the counties of a
city-wide report), canonical names in order of appearance. `evidence` holds one Evidence per
cue of a unit on the chosen path: label = GB/T code, phrase = the words as written, start = the
offset in the Simplified field, field = title / issuer / issuer_line / signature / lead / body /
hint / domain, rule = "region:<kind>". With no region the evidence says why: one
"region:national" per national body acting, else "region:none" (no cue at all) or
"region:conflict" (phrase: the units named, which did not agree).

Measured on the devset of real texts (bench/eval_regions.py, text alone): province 0.940,
city 0.934, county 0.899 (cpca + OpenCC majority vote: 0.72 / 0.65 / 0.54). Every miss is an
abstention, none a wrong place. The ten texts without a province give a reader no more than us:
five notices of a university or college that never name it, one relaying a national meeting for
an unnamed institute, "我县" in a paper known only by its host, a 城关镇 or a police station whose
name a dozen counties share, and a township of two counties with no other cue. With text alone
the province cannot pass 156 / 166 = 0.940; the crawl adds the host and the source's hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import pairwise
from pathlib import Path

from indexer.enrich.gazetteer import (
    CITY,
    COUNTY,
    DEFAULT_ALIASES,
    PROVINCE,
    Division,
    GazetteerData,
    NameEntry,
    default_data,
    town_short,
)
from indexer.enrich.registration import registrations
from indexer.enrich.textzones import (
    AFTER_TITLE,
    BYLINE_OUTLET,
    CITED_TITLE,
    DATELINE,
    LOCAL_DATELINE,
    SENTENCE_STOPS,
    addressee_spans,
    enclosing,
    furniture_spans,
    inside,
    junk_spans,
    lesson_spans,
    not_acting_spans,
    person_spans,
    repeated_lines,
    signature_spans,
    source_values,
    tail_start,
)
from indexer.models import Evidence, RegionPath
from indexer.text import labels
from indexer.text.bodies import AGENCY_NAMES
from indexer.text.chinese import DOC_YEAR_CLOSE, DOC_YEAR_OPEN, HAN, HAN_CHAR, SHENG_WORDS, is_han, to_simplified
from indexer.text.clean import cut_from_opening, opening_line, title_run_on

W_TITLE, W_ISSUER, W_HINT, W_DOMAIN, W_LEAD, W_BODY = 10.0, 8.0, 6.0, 6.0, 4.0, 1.0
# How much more of the rest of the text one of several units the title or issuer name equally must have.
TIE_MARGIN = 2.0
W_MEDIA = 3.0  # a local outlet's name or dateline (霍山新闻网, 本网钦南讯), a slogan (美丽X)
W_DEIXIS = 4.0  # 我县 / 全县 / 县委 bound to the one county the text names
# A school's name a city heads may hold this many characters before a township's short name inside it
# (南京市将军山小学: 将, then 武汉's 军山); Han characters, none a preposition (黄石市到军山小学: 到 ends the
# city's words, and 军山小学 is where they went)
SCHOOL_NAME_HEAD = 2
_NAME_HEAD = re.compile(f"(?:(?![到赴与和及在对向去往])[{HAN}])+")
BODY_CAP = 6.0  # most weight one unit gets from the body (first sentence included)
SHORT_FACTOR = 0.5  # a short form in the body counts half
_SUPPORT_MAX = 6  # names with more readings than this neither get nor give support
_COUNTIES_TOGETHER = 3  # short county names of one city that are each other's context (two: no gain measured)

_SEP = " > "
_STRONG_FIELDS = ("title", "issuer", "issuer_line", "signature", "hint", "domain")
_SPEAKER_FIELDS = ("issuer", "issuer_line", "signature")
_BODY_FIELDS = ("body", "lead")
# Kinds of name that are a unit's own (not a township's, not a short form).
_OWN_KINDS = frozenset({"full", "alias", "zone", "institution"})
_TOWN_KINDS = frozenset({"town", "town_short"})
# Short forms that are ordinary words (stop_short of the aliases file): places only where bound.
_WORD_KINDS = frozenset({"short_word", "town_word"})
_SHORT_KINDS = frozenset({"short", "former", "town_short"})  # forms that can be the tail of a word
_TOWN_OR_INSTITUTION = _TOWN_KINDS | {"institution"}
_WORD_TAIL_KINDS = _SHORT_KINDS | {"town"}  # names whose first character can end the word before them
_TOWN_SHORT_ONLY = frozenset({"town_short"})
_OLD_NAME_KINDS = frozenset({"alias", "former"})  # names of abolished units, and names we added
_AREA_WORD = ("域", "块", "间")  # 区域, 区块, 区间: after a name ending in 区, a word
_LITERARY = frozenset({"literary"})
_PLACE_HEAD_KINDS = frozenset({"full", "alias", "short"})  # a place's own names, not a zone's generic one
# An alias that names its unit's level (屏边县 for 屏边苗族自治县, 恩施州) says what it is as a full name
# does: its school (屏边县幼儿园) is the unit's own, not a school named after it.
_ALIAS = frozenset({"alias"})
_LEVEL_WORDS = frozenset("县区市旗州盟")
_LITERARY_LAND = ("大地", "儿女", "各地", "全境")
# A match of the scan: (start, end, name as written, its readings, the kinds of those readings).
_Match = tuple[int, int, str, tuple[NameEntry, ...], frozenset[str]]
# What a word goes on with after a place's name, as a phrase, not as its district: 青海省平安校园,
# 南昌市新建一所, 丹东市振兴乡村.
_WORD_GOES_ON = frozenset(["校园", "建设", "发展", "创建", "中国", "家园", "社区", "小区", "思想", "乡村", "社会", "稳定",
                           "工作", "行动", "示范", "文明", "和谐", "合作", "交流", "生产", "城市", "学校", "成立", "落成"])
# After a city's name: the rest of a school's own name (莆田锦江中学, 大连市第二十一中学), not a
# phrase about the city's schools (长春市多所中小学, 福州市绝大部分学校).
_SCHOOL_NAMED = re.compile(r"(?:第[一二三四五六七八九十]{1,3}|[^\W\d_全各多所部少数些其有等的和与及市区县镇乡中小]{1,4}?)"
                           r"(?:中学|小学|学校|幼儿园)")
# A county's or city's bureau between its name and a township office under it (宁德市公安局|X派出所).
_BUREAU = re.compile(r"(?:公安局|公安分局|教育局|教体局|教育和体育局|教育体育局|市场监督管理局|市场监管局|司法局|卫生健康局"
                     r"|卫健局|供电公司|供电局)")
# After a short name: a railway body named after its hub (北京铁路局, 成都铁路公安局) or a railway
# police division (石家庄公安处: a city's police is a 公安局), not the place of the story.
_RAILWAY_AFTER = re.compile(r"铁路|公安处")
# A province's short name opening a periodical's short title (《宁夏教育》, 《江苏教育研究》): an outlet.
_PERIODICAL_TAIL = re.compile(rf"[{HAN}]{{1,4}}》")
# A district's branch named after it under its city's body (天津市公安局和平分局, 兰州供电公司城关供电分公司,
# 某市公安局交警支队某大队, 某市消防救援支队某大队): the word before the branch is bound by the city before the body's name.
# (branch's start, body's name)
_BRANCH_UNDER = (("分局", "公安局"), ("大队", "公安局交警支队"), ("大队", "交警支队"),
                 ("大队", "公安局交通警察支队"), ("大队", "交通警察支队"), ("大队", "消防救援支队"), ("供电", "供电公司"))
_BRANCH_STARTS = tuple({branch for branch, _ in _BRANCH_UNDER})
_WHOLE_KINDS = frozenset({"full", "alias", "town"})  # names that say what they are (not 龙泉 of 龙泉学校)
_NAME_REACH = 12  # the longest names (景谷傣族彝族自治县) are within this many characters of a cut
# After a unit's name: one of its offices (包头市教育局, 开封市人民政府), the unit speaking.
_OFFICE_AFTER = re.compile(r"(?:教育|教体|公安|人民政府|政府|党委|委|应急|市场监|卫健|卫生健康|交通|住建|气象|消防|司法|民政"
                           r"|水利|自然资源|文旅|团委|妇联|疾控|疾病预防控制)")
# A unit's own office named after it (大武口消防大队, 大城交警, 丹徒分局, 宁陕县教育局, 秀洲供电分公司), or its branch venue of
# a teleconference (the writer's people sit in their city's 分会场, the main one is the province's), not a
# venue that starts like one (井冈山教育培训中心).
_UNIT_OFFICE = re.compile(r"(?:教育局|教体局|教育和体育局|教育体育局|分局|交警|警方|公安|消防大队|消防救援大队|县委|区委|旗委|气象台|分会场|"
                          + AGENCY_NAMES + ")")
# The longest line a title can be and still be an insert the body repeats (not a headline).
_INSERT_MAX = 8
# After a city's short form that is a word (白银, 四平, 三明, 开封): its education, police, papers, schools
# (白银教育系统, 四平教育, 三明日报, 开封中小学幼儿园停课), the city itself.
_CITY_SECTOR = re.compile(r"教育|公安|交警|消防|日报|晚报|电视台|融媒|中小学|幼儿园|各中小学|各学校|多所")
# Offices named after their township, whatever its name: a word before one is the township's.
_TOWN_OFFICE = re.compile(r"(?:边境|边防)?派出所|司法所|财政所|卫生院|供电所|市场监管所|市场监督管理所|中心学校|中心校|中心小学")

# After a township's short name: the institution that carries it (榆关小学, 与儿街派出所, 马召市场监管所).
_TOWN_INSTITUTION = re.compile(
    r"(?:边境|边防)?派出所|中心学校|中心校|中心小学|中心幼儿园|初级中学|中学(?!生)|小学(?!生)|初中(?!生)|完小|学区|教管中心|教育办|幼儿园"
    r"|市场监管所|市场监督管理所|司法所|财政所|卫生院|供电所|[一二三四五六七八九十]中(?!心)|[一二三四五六七八九十]小"
    r"|第[一二三四五六七八九十]{1,2}(?:中心)?(?:小学|中学|幼儿园)|(?:交警|交巡警)?中队"
    r"|镇|乡(?!村|镇)|街道|苏木|办事处")
# … and those only a township has (a county's is 县实验小学 or 县公安局, not 县中心校 or 县派出所):
# before them a name that is also a county's short form keeps its township readings (梅江中心校 →
# 梅江镇, 怀宁县公安局秀山派出所 → 秀山乡)
_TOWN_CENTRE = re.compile(r"中心学校|中心校|中心小学|中心幼儿园|中心完小|学区|教管中心|教育办|第[一二三四五六七八九十]{1,2}中心小学"
                          r"|(?:边境|边防)?派出所|司法所|财政所|卫生院|市场监管所|市场监督管理所|办事处")
# Before a name: a local outlet or a slogan (今日房县, 云上大冶, 美丽汉阴; 每日甘肃 before a short name only).
_MEDIA_BEFORE = ("今日", "每日", "云上", "掌上", "智慧", "美丽", "大美", "魅力", "幸福", "印象", "视听", "爱")
# A city's short name that is also a word, and the characters before it that make it the word:
# 安康 in a greeting (祝…幸福安康, 阖家安康) is well-being, 大庆 in an anniversary (建国70周年大庆,
# 建校百年大庆) the celebration; neither is the city. So for an abbreviation (`config/region_aliases.yaml`):
# 多哈市 is Doha, 招呼市民 greets the townspeople.
_WORD_SENSE_BEFORE = {
    "安康": frozenset(["幸福", "阖家", "合家", "身体", "吉祥", "健康", "平安", "万事", "岁岁", "年年", "新春"]),
    "大庆": frozenset(["周年", "百年", "十年", "华诞"]),
    "哈市": frozenset(["多"]),
    "呼市": frozenset(["招"]),
    "鱼台": frozenset(["钓"]),  # 钓鱼台, a reservoir's or a guesthouse's name, not 鱼台县
}
# Single-character surnames: a two-character short form right after one, at the start of a clause,
# is a person's given name (，张建平指出 holds 建平).
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                      "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                      "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
                      "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
                      # less common ones (a byline 闵云霄 over a story); some start words too (荣获), which
                      # matters only at a clause's start before a two-character short name
                      "闵鞠丛隋晏邬褚巩栾岑蔺邸卜戚苟芦仇郎麦荣")
# 我县, 全县, 本区, 县委, 县政府 at the start of a clause: the text's own county (or city), unnamed;
# 我校 / 全校: the one university the text names. Two patterns that each start with a character
# class, which `re` scans for quickly (one pattern of two branches was 10x slower); their
# matches never overlap, so together they find what the two branches found (group 1: the mark).
_DEIXIS_WE = re.compile(r"[我本全该](县|区|市|旗|校)(?![长级城域园])")
_DEIXIS_BODY = re.compile(rf"([县区旗])(?:(?<![{HAN}].)|(?<=副.))(?:委|政府|人民政府|长|人大|政协|教育|教体|公安"
                          r"|应急|卫健|卫生|市场监|住建|交通|交警|消防|民政|水利|水务|自然资源|文旅|司法|城管|妇联|团委"
                          r"|气象|林业|农业|生态环境|财政)")


# An autonomous region's own bodies (自治区教育厅, 广西壮族自治区党委): in their texts 全区 / 我区 is the region.
_PROVINCE_OFFICES = "委|党委|政府|人民政府|教育厅|公安厅|应急管理厅|卫生健康委|市场监管局|司法厅"
_REGION_SPEAKS = re.compile(rf"自治区(?:{_PROVINCE_OFFICES}|教育工委|卫健委|市场监督管理局|住房和城乡建设厅|气象局|红十字会|团委|妇联)")
# A unit's office acting without its name: 省教育厅, 自治区党委, 全省 (the province); 市教育局, 州委
# (the city). A match inside a written name (湖北省教育厅) is that name's.
# 我省 / 全省 / 本省: the text's own province, unnamed (not 完全省去, 安全省心).
_OUR_PROVINCE = r"(?<![完安节])[我本全]省(?![长级去心时略钱力事])"
_LEVEL_ACTS = {
    PROVINCE: re.compile(_OUR_PROVINCE + rf"|(?:省|自治区)(?:{_PROVINCE_OFFICES})"),
    CITY: re.compile(r"(?:市|州|盟)(?:委|政府|人民政府|教育局|教体局|教育和体育局|公安局|应急管理局|应急局|卫健委"
                     r"|市场监管局|消防救援支队|气象台|气象局|地震局)"),
}
# 各区, 各县（市、区）; 各市, 各地: a text addressed to all the units of a level (counties; cities), which
# speaks for their parent: a unit of that level it names is one of them.
_EACH_UNIT = {COUNTY: re.compile(r"各(?:县|区|旗)"), CITY: re.compile(r"各(?:市|州|盟|地)")}
# Between a unit's bureau and its branch named after a unit inside it (盘锦市|公安局|双台子分局,
# 张家口市|公安消防支队|宣化县大队): the branch acts, not the bureau.
_BRANCH_GAP = re.compile(r"[^，。；、,;：:\s联和与及在到赴对]{0,9}(?:局|支队)")
# Between a unit's office and the next unit's, the two acting together (长春市政府|和|双阳区政府投入…,
# 市教育局与区教育局联合): an office's tail, then and / with, nothing else.
_JOINT_GAP = re.compile(r"[^，。；、,;：:\s和与及同会联]{0,6}(?:和|与|及|同|会同)")
# … not where the pair only attends or is the head of a list (长春市教育局和双阳区教育局负责同志出席, …双阳区教育局、
# 九台区教育局等): the parent's office still acts
_JOINT_NOT_ACTING = re.compile(r"[^，。；、,;\s]{0,6}?(?:、|等|的|负责|有关|相关|领导|分管|出席|参加)")
# the parent's whole area named (全市中小学): the text is the parent's, whoever stands beside its office
_WHOLE_AREA = {PROVINCE: re.compile(r"全省|全自治区"), CITY: re.compile(r"全(?:市|州|盟)")}


@dataclass(frozen=True)
class _Actor:
    """An office that acts in the text: a unit's (code) or a level's named by its kind alone (level)."""

    in_body: bool
    start: int
    code: str | None = None
    level: int | None = None


def _name_head_end(text: str, at: int, ends: Container[int], adjacent: bool = False) -> int | None:
    """Where the place that heads the name holding `at` ends (`ends`: where the text's places end): a
    word of one or two characters before it (南京市将军山小学), or, when `adjacent`, right before it."""
    for end in range(at - SCHOOL_NAME_HEAD, at + 1 if adjacent else at):
        if end in ends and (end == at or _NAME_HEAD.fullmatch(text, end, at)):
            return end
    return None


def _listed_with_others(text: str, m: _Mention) -> bool:
    """A name that is an item of a list of bodies (自治区财政厅、天津工业大学、…的领导和嘉宾莅临): one
    participant among several, not the body the text speaks for."""
    end = m.start + len(m.phrase)
    return text[m.start - 1:m.start] == "、" or text[end:end + 1] == "、"


# Where a meeting was held (研讨会在延边大学举行, 在某大学图书馆报告厅召开): the host, which a school that
# took part calls by its name; 我校 is the school whose page it is (over the gathered texts, 3 of 3 such
# venues were not the page's school).
_HELD_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,8}?(?:举行|举办|召开|开幕)")


def _named_as_venue(text: str, m: _Mention) -> bool:
    """A name after 在 and before 举行 / 召开: where something was held, not who speaks."""
    return text[m.start - 1:m.start] == "在" and bool(_HELD_AFTER.match(text, m.start + len(m.phrase)))


def _kinds(entries: Iterable[NameEntry]) -> frozenset[str]:
    return frozenset(e.kind for e in entries)


# 区、镇人大代表, 县、乡两级: a pair of levels names the text's own county-level unit by its kind.
_LEVEL_PAIR = re.compile(r"([县区旗])、(?:乡镇|镇|乡|街道|苏木)")


def _deixis_words(text: str) -> list[re.Match[str]]:
    """The matches of the deixis patterns, in the order of the text."""
    found = [*_DEIXIS_WE.finditer(text), *_DEIXIS_BODY.finditer(text)]
    if "、" in text:
        found += _LEVEL_PAIR.finditer(text)
    return sorted(found, key=lambda m: m.start())


def _deixis_marks(title: str, body: str, noise: list[tuple[int, int]],
                  names: dict[str, list[tuple[int, int]]]) -> dict[str, tuple[str, int, str]]:
    """Each deixis mark (县, 区, 市, 旗, 校) the text uses, with its first place: field, offset, words.
    A mark that ends a place's name is that name's (思茅区、镇沅县 holds no "区、镇" pair)."""
    words: dict[str, tuple[str, int, str]] = {}
    for fld, text in (("title", title), ("body", body)):
        for found in _deixis_words(text):
            if fld == "body" and inside(found.start(), noise):
                continue
            if inside(found.start(), names[fld]):
                continue
            words.setdefault(found.group(1), (fld, found.start(), found.group(0)))
    return words

# An outlet named with others (教育部和光明日报主办): a participant, not the source line its word would be bound by
_WITH_OTHERS = ("和", "与", "及", "、", "同")
# After a place name: the name belongs to a media outlet, a school, a street, a clock.
_LINE_START = ("\n", " ", "\t", "\u3000")  # a line break or a space before a dateline (安定讯, indented or not)
_MEDIA_AFTER = re.compile(
    r"(?:(?:日|晚|早|晨|都市|商|法制|法治|教育|青年|工人|农民|科技|经济|侨|党)报|电视台|广播电视"
    r"|融媒|资讯|杂志|频道|在线|手机报|传媒|(?:教育|通讯|新闻|出版)社|(?!大)[\u4e00-\u9fff]{0,2}(?:新闻网|网讯)"
    r"|卫视|公共(?:新闻|频道)|经视)")
_MEDIA_AFTER_SHORT = re.compile(r"(?:网(?![格络上信民友])|发布|头条|新闻|广播|之声|号)")
_SCHOOL_AFTER = re.compile(
    r"(?:中学|小学|大学|学院|附中|附小|师范|医科|理工|科技大学|幼儿园"
    r"|[东西南北中]?(?:路|街|大道|道(?![路德理])|巷)|广场|站|机场|码头|时间|烤鸭|菜|话|人(?!民)"
    r"|大?地震(?![局办台站部中监])|特大|洪灾|洪水|水灾|事故|惨案|事件|模式|经验"
    # an event named by its date: 玛多“5·22”地震, 汶川"5.12"特大地震
    r"|[“\"「]?\d{1,2}\s*[·.．]\s*\d{1,2}[”\"」]?(?:特大|重大|较大)?(?:地震|洪灾|洪水|水灾|泥石流|暴雨|火灾|事故|事件|惨案))")
# … of which an event named after its place (积石山地震, 汶川"5.12"特大地震): a parent written before
# the place is part of that name too.
_EVENT_AFTER = re.compile(r"[“\"「]?(?:\d{1,2}\s*[·.．]\s*\d{1,2}[”\"」]?)?(?:特大|重大|较大)?(?:大?地震(?![局办台站部中监])|洪灾|洪水|水灾|泥石流|事故|惨案|事件)")
_CAMPUS_BRACKET = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[)）]")
_HOSPITAL_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?医院")
# The word that ends a school's name (岳阳县第八中学, 华中师范大学): what a 该校 after it points back to.
_SCHOOL_WORD = re.compile(r"大学|学院|中学|小学|学校|幼儿园|中心校|高中|职中|附中|附小")
# A county's numbered school (平和一中, 会同第三中学): no word goes on so.
# … and its numbered schools (瑞安二中, 瑞安十中, 苍南一小): the county's own, named after no town
_COUNTY_NUMBERED = re.compile(r"(?:县|区)?第?[一二三四五六七八九十]{1,2}(?:中学|小学|中(?![心国华])|小(?![时组学区]))")
_NUMBERED_SCHOOL = re.compile(r"第[一二三四五六七八九十]{1,2}(?:中学|小学)|[一二三四五六七八九]中")
# After a county's short name: its county's own school (武邑中学, 青川中学, 瓦房店师范学校), a hint only, as the
# body's short names are (佛山 has a 石门中学 too), unless the name follows another place's
# (莆田锦江中学 is 莆田's school of that name); a city's short name before 中学 is a school's name
# anywhere (上海延安中学), and is still skipped.
_COUNTY_SCHOOL = re.compile(r"(?:县|区)?(?:第[一二三四五六七八九十]{1,2}|[一二三四五六七八九])?(?:中学|小学|高中|高级中学|初级中学|师范学校|[一二三四五六七八九]中)")
# A province's name before a university is that province (湖北师范大学, 西藏大学); a city's is not
# always its city (中山大学 is in 广州).
_UNIVERSITY_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{0,4})(?:大学|学院)")
_COUNTY_WORD_AFTER = set("域级委直属情长乡镇政")
# A word that ends with a short name's (or a two-character county's) first character: the name
# is that word's tail, not a place (召开县政府 holds 开县, 提高县域 高县, 投资兴业 资兴, 联合江口 合江,
# 振兴和社会进步 兴和).
_WORD_BEFORE = frozenset(["召开", "展开", "公开", "离开", "打开", "分开", "提高", "最高", "管理", "处理", "办理", "治理", "清理",
                          "整理", "梳理", "代理", "护理", "合理", "心理", "地理", "物理", "受理", "助理", "投资", "友邻",
                          "构建", "创建", "重建", "新建", "在建", "扩建", "共建", "组建", "筹建", "兴建", "援建",
                          "保安", "治安", "公安", "平安", "安全", "长安", "大安", "幸福", "振兴", "复兴", "联合", "结合", "综合", "配合", "符合",
                          "融合", "整合", "适合", "组合", "复合", "场合", "集合", "统一", "同一", "进一", "唯一",
                          # 距离石河子大学 holds 离石
                          "距离", "远离", "隔离", "脱离", "撤离", "逃离", "分离",
                          "确保", "担保", "环保", "医保", "社保", "力保", "部分",
                          "示范", "规范", "防范", "模范", "典范",  # 示范县 holds 范县
                          "初中", "高中", "其中", "集中", "之中", "当中",  # 济川初中阳江校区 holds 中阳
                          # 全县人民和广大师生 holds 民和
                          "人民", "居民", "农民", "市民", "村民", "公民", "网民", "牧民", "渔民", "全民", "国民", "为民",
                          "便民", "爱民", "亲民",
                          # a title before a surname: 纪检组长葛晴 holds 长葛. Not 局长, 市长, 院长 …: their
                          # first character ends an office or a place (公安局长宁分局, 湖南省长沙一中)
                          "组长", "班长", "事长", "家长",
                          # 楼道里的消火栓 holds 道里
                          "楼道", "街道", "通道", "过道", "走道", "车道", "跑道", "轨道", "河道", "管道", "隧道", "巷道",
                          "知道", "报道", "渠道", "频道", "味道",
                          # 推进乡镇学校 holds 进乡 (a street office's short name); 北师大化学楼 holds 大化: a verb
                          # ending in 进, a university's abbreviation in 大
                          "推进", "促进", "引进", "先进", "改进", "增进", "奋进", "跟进", "迈进", "演进", "并进",
                          "师大", "工大", "农大", "医大", "科大", "交大", "财大", "理大", "民大", "矿大"])
# What a place's short name heads when it names a school or an office (仙游现代中学, 汉阴县教体局; not
# 平罗的幼儿园, the kindergartens somewhere in 平罗).
_HEADS_A_BODY = re.compile(f"(?:(?![的之和与及等各])[{HAN}]){{0,4}}?(?:中学|小学|学校|幼儿园|中心校|学院|大学|教育局|教体局|公安局|派出所|政府)")
# After a short name written right after a place it is not in: the rest of that place's school's,
# office's or road's name (朱沱镇南华|宫小学, 黄浦区蓬莱|路第二小学).
_NAME_GOES_ON = re.compile(_HEADS_A_BODY.pattern + r"|[东西南北中]?(?:路|街|大道|巷)")
# Words starting with 村 that a county heads (东阳村级组织换届, 宁陕村医培训, 苍溪村镇银行): not a village's name.
_COUNTY_VILLAGE_WORDS = ("村级", "村医", "村村", "村镇", "村两委", "村干部", "村（社区）", "村(社区)")
# The word before 城市 ("cities") that ends with a 城市-named city's first character.
_CITIES_WORD = frozenset({"沿海", "新兴"})
# Words and levels that end right before a name (在李村小学, 大余县吉村小学): a 村 name after any
# other character is a village's tail (果吉村小学 is 果吉村's school, not 吉村镇's).
_BEFORE_A_NAME = frozenset("在和与及到赴至的对向从由县区市旗")
# 我省 / 全省 / 省教育厅 / 自治区教育厅 at the start of a clause: the text's own province, unnamed.
_PROVINCE_DEIXIS = re.compile(_OUR_PROVINCE + rf"|(?<![{HAN}])(?:省|自治区)(?:委|政府|人民政府|教育厅|公安厅|应急管理厅|卫生健康委|市场监管局)"
                              rf"|(?<![{HAN}])自治区党委")
# A county named a conjunction or 会同 ("together with") plus 县, right after a body's name, is
# that conjunction and the next body of the same county (…分局和县教育局 ≠ 和县); so is one right after
# an agent (民警会同县消防, 检查组和县…, 工作人员与县…). Only these names: 公安局和平分局 and
# 教育局同安区分局 name 和平区 and 同安区.
_CONJUNCTION_COUNTIES = frozenset(head + "县" for head in ("会同", "和", "与", "及", "同"))
_BODY_END = frozenset("局科委办院所队府站部警组员")
# …and 会同 as a verb after an adverb: 县教育局将会同县市场监管局 ("will, together with the county's bureau").
_BEFORE_A_VERB = frozenset("将并要应须需拟还已再均")
# The value of a source line that is an outlet or an account, not an issuing body.
# A government's or a school's welcome banner (欢迎访问X县人民政府网站, 欢迎来到X市教育局门户网站,
# 欢迎光临！X区河滨小学): the site's owner, a cue as strong as its host name. A portal's or a
# company's banner (欢迎访问X网, X有限公司网站) names no public body and is not read.
_SITE_BANNER = re.compile(r"欢迎您?(?:访问|来到|光临)[!！]?\s*([^\s，。！!、]{2,24}?(?:人民政府|政府|教育局|教育和体育局|教育体育局"
                         r"|教体局|公安局|应急管理局|小学|中学|学校|幼儿园|学院|大学))(?:(?:门户)?网站?)?")
# A school speaking of itself in its own words (not quoted: a paper quoting a principal's “我校…”):
# the page is the school's. Not 本校 (a bureau's 结合本校实际) nor 我院 (a court's, a hospital's).
_SCHOOL_SPEAKS = re.compile(r"我校")
_QUOTED = re.compile(r"“[^”\n]*”")
# A footer's owner that is a school or a college (版权所有 X学院, X中学校网), and the names that are none (a party
# school, a teachers' college for in-service training, a university's hospital): its address is the school's.
_SCHOOL_NAME = "大学|学院|学校|中学|小学|幼儿园"
_NOT_A_SCHOOL = re.compile(r"党校|行政学院|教育学院|进修学校|医院")
# Near a footer's address, the owner that is no school: a bureau's portal, a court, a paper.
_OWNER_NOT_SCHOOL = re.compile(r"主办|局|政府|法院|检察院|医院|报社|日报|融媒体|电视台")
# A footer's address line (地址：…, 单位地址：…; not 研学集合地址 or 活动地址 inside a sentence).
_ADDRESS_FIELD = r"(?:地址|地\s址)\s*[:：]\s*(?P<value>[^\n|丨]{2,30})"
_ADDRESS = re.compile(rf"^[ \t\u3000]*(?:单位|通讯|联系|[{HAN}]{{0,4}}校区)?{_ADDRESS_FIELD}", re.M)
# … or its address field after a space, on a line naming a school (北京林业大学 版权所有 地址：…; not a
# ministry's 主办单位：教育部 地址：…, whose office says nothing of where its notices apply).
_SCHOOL_LINE_ADDRESS = re.compile(rf"^(?P<line>[^\n]*(?:{_SCHOOL_NAME}|校网)[^\n]*?[ \t\u3000])"
                                  rf"(?:单位|通讯|联系|学院|学校)?{_ADDRESS_FIELD}", re.M)
_MEDIA_VALUE = re.compile(r"(?:网|报|号|客户端|发布|头条|融媒体中心|电视台|广播电视台|新闻|资讯|在线|微博|微信|公众号|视频|频道|宣传部|新闻办)$")
# A short name whose last character starts a common word with the next one is that word's
# head, not a place: 重大安全 (大安), 同安排 (同安), 更高要求 (高要), 稳定结合 (定结), 游乐安全 (乐安).
# Unless what follows is itself a word (西安全市 is 西安 + 全市).
_WORD_ACROSS = frozenset(["高度", "安全", "安委", "安监", "安办", "安检", "安保", "安防", "安排", "安置", "安定", "安心", "要求", "要点", "结合", "结构", "合作", "合理", "和谐", "平安", "明确", "建设", "发展", "开展", "工作", "保障", "防范", "部署", "推进", "全面", "管理", "教育", "学习", "活动", "宣传", "检查", "服务", "水平", "质量", "措施", "责任", "制度", "机制", "问题", "重点", "重要", "情况", "意识", "能力", "力度", "单位", "部门", "人员", "群众", "社会", "国家", "地方", "生产", "生活", "事故", "隐患", "风险", "稳定", "加强", "落实", "提高", "提升", "完善", "健全", "组织", "领导", "指导", "督导", "考核", "培训", "演练", "预防", "应急", "处置", "整改", "排查", "治理", "监管", "监督", "环境", "设施", "设备", "经济", "政策", "文化", "卫生", "健康", "心理", "家长", "家庭", "学生", "学校", "校园", "师生", "老师", "教师", "儿童", "中心", "以上", "以下", "以来", "之间", "之后", "期间", "时间", "时期", "全年", "各地", "各级", "各类", "各项", "东西", "山水", "水平", "平台", "台账", "安康", "康复", "定期", "期末", "城市", "市场", "场所", "所有", "有关", "关于", "于是", "是否", "否则", "一起", "起来", "来源", "源头", "头脑"])
_WORD_START = frozenset(["全市", "全县", "全区", "全省", "全国", "全体", "教育", "召开", "开展", "市委", "县委", "区委", "市政", "政府", "各级", "各地", "各校", "学校", "中小", "师生", "公安", "举行"])


# The one-character names of provinces that start their bodies' document numbers. 宁, 吉, 青 and
# 新 are left out: 南京, 吉安, 青岛 and 新乡 number their documents with them too (and 内: 内江's, besides
# 内蒙古's 内教学工函).
_PROVINCE_MARKS = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000", "黑": "230000",
    "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000", "鲁": "370000",
    "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000",
    "川": "510000", "蜀": "510000", "黔": "520000", "滇": "530000", "藏": "540000", "陕": "610000", "甘": "620000",
    "陇": "620000",
}
_DOC_NUMBER = re.compile(
    rf"(?=[{''.join(_PROVINCE_MARKS)}])"  # the first character of a match: a quick test at every position
    rf"(?:(?<![{HAN}])|(?<=[知见法案函件]))([{''.join(_PROVINCE_MARKS)}])[{HAN}]{{1,5}}"
    rf"[{DOC_YEAR_OPEN}]\s*(?:19|20)\d\d\s*[{DOC_YEAR_CLOSE}]\s*\d{{1,4}}")
# The bracketed year every document number holds, 2 to 6 characters after its start: searched
# first (a pattern that starts with a character class, which `re` scans for quickly), so that
# `_DOC_NUMBER` runs only from there, and not at all in the texts without one.
_DOC_YEAR = re.compile(rf"[{DOC_YEAR_OPEN}]\s*(?:19|20)\d\d\s*[{DOC_YEAR_CLOSE}]")
_DOC_YEAR_REACH = 6


@dataclass(frozen=True)
class RegionContext:
    title: str
    body: str
    issuer: str | None = None
    site_domain: str | None = None
    site_owner: str | None = None  # the public body or school the page's footer names
    site_code: str | None = None  # the division code of a government site's 网站标识码
    site_address: str | None = None  # the postal address the footer gives beside the owner
    region_hint: str | None = None


@dataclass
class RegionResult:
    province: str | None
    city: str | None
    county: str | None
    codes: list[str]
    path: RegionPath
    secondary: list[str]
    evidence: list[Evidence]


@dataclass
class _Mention:
    phrase: str
    start: int
    field: str
    weight: float
    candidates: tuple[str, ...]
    kind: str
    resolved: str | None = None
    prefix_of: int | None = None  # index of the mention this one qualifies (福州市|鼓楼区)
    linked: bool = False  # written right after its parent (咸阳市彬县): needs no other context
    former: frozenset[str] = frozenset()  # candidates for which the name is a former one
    exact: int = 0  # how many candidates the name itself has (the rest: a renamed township's)
    school: bool = False  # the head of a school's name (莆田锦江中学): where the school is, not its scope
    office: bool = False  # right before one of its offices (大武口消防大队): the unit itself speaking
    school_name: bool = False  # a county's short name before 学校 (文峰学校): a school's name unless its city is named
    hint: bool = False  # a county's short name before 中学 (武邑中学): text's evidence, never the title's or issuer's
    cited: bool = False  # the body that issued a document the text cites (《福建省教育厅关于…》): see `_vote`
    numbered: bool = False  # a county's short name heading its numbered school (瑞安二中): a place, not a word
    cut: bool = False  # in a title cut from the first paragraph: that paragraph's words, no headline's
    reported: bool = False  # a headline's short name, no office after it: of a province, where news happened (`_vote`)

    @property
    def readings(self) -> int:
        return self.exact or len(self.candidates)

    @property
    def is_town(self) -> bool:
        return self.kind.startswith("town")


@dataclass
class _Votes:
    total: dict[str, float] = field(default_factory=dict)  # a unit and everything under it
    body: dict[str, float] = field(default_factory=dict)

    def add(self, g: GazetteerData, code: str, weight: float, in_body: bool) -> float:
        if in_body:
            room = BODY_CAP - self.body.get(code, 0.0)
            weight = max(0.0, min(weight, room))
            if weight == 0.0:
                return 0.0
            self.body[code] = self.body.get(code, 0.0) + weight
        for c in g.divisions[code].chain():
            self.total[c] = self.total.get(c, 0.0) + weight
        return weight


@dataclass
class _Tally:
    """The votes of one document, kept apart by what they may decide."""

    votes: _Votes = field(default_factory=_Votes)  # everything: the context that decides ambiguous names
    strong: _Votes = field(default_factory=_Votes)  # title, issuer, source and signature lines, hint, host
    named: _Votes = field(default_factory=_Votes)  # the same without hint and host: who speaks
    text: _Votes = field(default_factory=_Votes)  # what the page itself says (no hint, no host)
    plain: _Votes = field(default_factory=_Votes)  # the same without outlets' names and deixis
    speaker: _Votes = field(default_factory=_Votes)  # the issuer, source and signature lines: who speaks
    reported: _Votes = field(default_factory=_Votes)  # in `named` and `plain`: a headline's bare province (`_descend`)
    lead: _Votes = field(default_factory=_Votes)  # the body's first sentence


# A body this long that shares no two characters with an eight-character headline is not its text.
_UNRELATED_MIN = 150


def _shares_words(title: str, body: str) -> bool:
    """Whether the title and the body have two consecutive Han characters in common (a title of
    fewer than eight Han characters always does: a paper's or a forum's name says where the text is)."""
    han = [i for i, ch in enumerate(title) if is_han(ch)]
    return len(han) < 8 or any(j == i + 1 and title[i:j + 1] in body for i, j in pairwise(han))


# Around a place named once: somewhere else than the text's own place (a venue, a trip, an example
# to follow, an expert's university, a storm's position, an accident elsewhere).
_NOT_HERE = re.compile(r"赴|召开|举行|参照|借鉴|专家|教授|学者|研究员|以[东西南北]|洋面|海面|身亡|溺亡|遇难|死亡|去年|感染|确诊|病例"
                       r"|援建|捐建")


def _lone_cue_may_decide(title: str, body: str, mentions: list[_Mention]) -> bool:
    """Whether a text's lone light cue may place it (`RegionResolver._one_weak_line`): not under a
    headline about the whole country (全国…平台上线, where the one university named takes part), not
    when every cue is a township's short name (铁桥小学: a village's school, many towns have one), and
    not when a cue's sentence says it is somewhere else (会议在北京召开, 赴杭州参加培训, 台风位于台湾以东
    洋面, 遵义一名初中生落水身亡, 华中师范大学教授, 香港红十字会援建的校医室: a donor)."""
    if "全国" in title and not body.startswith(title):
        return False
    cues = [m for m in mentions if m.resolved and m.field not in ("hint", "domain")]
    # … but a county's school opening the headline (潜江中学学生寝室管理细则) is the school's own page
    if all(m.kind.startswith("town_short") or (m.hint and not (m.field == "title" and m.start == 0)) for m in cues):
        return False
    return not any(m.field in _BODY_FIELDS and _NOT_HERE.search(body, *enclosing(body, m.start, SENTENCE_STOPS))
                   for m in cues)


def _branch_under_body(text: str, start: int, end: int) -> int | None:
    """Where the body's name starts when the name at `start:end` heads a branch of it (天津市公安局|和平|分局):
    the place before it there is the branch's parent."""
    if not text.startswith(_BRANCH_STARTS, end):  # most names: one test in C, on every name of every text
        return None
    for branch, parent_body in _BRANCH_UNDER:
        if text.startswith(branch, end) and text.endswith(parent_body, 0, start):
            return start - len(parent_body)
    return None


def _occurrences(text: str, phrase: str) -> list[int]:
    """Where `phrase` starts in `text`, every time."""
    out, at = [], text.find(phrase)
    while at >= 0:
        out.append(at)
        at = text.find(phrase, at + 1)
    return out


def _first_line(body: str) -> str:
    """The body's first paragraph that says something: the one a headline-less page's title is
    cut from (`indexer.text.clean.opening_title`)."""
    return opening_line(body)[1]


def _noise_spans(body: str, persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the body whose place names are not the subject."""
    return furniture_spans(body) + lesson_spans(body) + addressee_spans(body) + junk_spans(body) + persons


# National bodies: as the actor of a title or a first sentence they make a national document.
_NATIONAL_BODY = re.compile(
    r"(?:教育部|国务院|公安部|应急管理部|国家卫生健康委|国家卫健委|国家市场监督管理总局|市场监管总局|国家消防救援局|国家疾控局"
    r"|中共中央|共青团中央|全国妇联|交通运输部|住房和城乡建设部|最高人民法院|最高人民检察院|国家减灾委|国家防总)"
    r"(?!门)")  # 各地教育部门, 公安部门: the departments of every place, not the ministry


# … as the actor: a verb of issuing follows (not "…印发的《…》", a document cited), and no
# "根据 / 贯彻 / 落实" before it. Up to 16 characters between: 国务院教育督导委员会办公室23日发布 (12 held
# the long bodies back: a national notice on the devset went to the place of a headline after it).
# 发布会 is a press conference, not an act (举行 / 召开新闻发布会): a ministry's briefing is often the
# hook of a local story.
_NATIONAL_ACT = re.compile(r"[^，。；,;\n]{0,16}?(?:印发|下发|发布(?!会)|召开|部署|发出|启动|开展|督办|预警|通报)(?!的|(?:新闻)?发布会)")
_CITING = re.compile(r"根据|按照|依据|贯彻|落实|遵照|响应|学习")


def _national_mentions(title: str, body: str, lead_end: int, noise: list[tuple[int, int]]) -> list[_Mention]:
    """The first national body named as an actor in the title and in the first 200 characters."""
    out = []
    for fld, text, end, weight in (("title", title, len(title), W_TITLE), ("lead", body, max(lead_end, 200), W_LEAD)):
        for found in _NATIONAL_BODY.finditer(text, 0, end):
            if fld == "lead" and inside(found.start(), noise):
                continue
            act = _NATIONAL_ACT.match(text, found.end())
            if act and not _CITING.search(text, max(0, found.start() - 6), found.start()):
                out.append(_Mention(found.group(0), found.start(), fld, weight, (), "national"))
                break
    return out


def _deixis_fits(div: Division, mark: str) -> bool:
    """Whether 我县 / 我区 / 我市 / 我旗 can stand for this unit."""
    if mark == "市":
        return div.name.endswith("市") or div.name.endswith("州") or div.name.endswith("盟")
    if mark == "县":
        return div.level == COUNTY and (div.name.endswith("县") or div.name.endswith("旗"))
    return div.level == COUNTY and div.name.endswith(mark)


def _lead_end(body: str) -> int:
    """End of the first sentence of the body (at least 10 characters, at most 200)."""
    for m in re.finditer(r"[。！？!?\n]", body):
        if m.start() >= 10 and body[: m.start()].strip():
            return min(m.end(), 200)
    return min(len(body), 200)


def _before_office(m: _Mention, title: str, body: str) -> bool:
    """Whether one of its unit's offices follows the mention (大连市|教育局, 芝罘区|教体局)."""
    return bool(_OFFICE_AFTER.match(title if m.field == "title" else body, m.start + len(m.phrase)))


def _office_leads(unit: str, mentions: list[_Mention], title: str, body: str) -> bool:
    """Whether an office of `unit` is named in the title or the lead (大连市教育局关于…): the unit's notice."""
    return any(m.resolved == unit and m.field in ("title", "lead") and _before_office(m, title, body) for m in mentions)


def _school_page(body: str, tail: int) -> bool:
    """Whether the article (before its footer) speaks as a school of itself: 我校 outside quotation
    marks (a paper quoting a principal's “我校食堂…” is the paper's page)."""
    end = min(tail, len(body))
    quoted = [m.span() for m in _QUOTED.finditer(body, 0, end)] if "“" in body else []
    return any(not inside(m.start(), quoted) for m in _SCHOOL_SPEAKS.finditer(body, 0, end))


class Gazetteer:
    """Resolves the place of a document; `default()` is built once per process (≈0.7 s)."""

    def __init__(self, data: GazetteerData):
        self.data = data
        self._provinces = frozenset(c for c, d in data.divisions.items() if d.level == PROVINCE)
        # the kinds of each reading set, filled as names are met: the scan tests them for every match
        # (a set test instead of a loop over the readings). Keyed by the readings, not the name: a
        # county read across its city's short name (南阳镇平县) keeps only some of 南阳's readings.
        # One set object per combination of kinds (a few dozen), however many of the 60,800 names are met.
        self._kinds: dict[tuple[NameEntry, ...], frozenset[str]] = {}
        self._kind_sets: dict[frozenset[str], frozenset[str]] = {}

    @classmethod
    def default(cls) -> Gazetteer:
        return _default_gazetteer(DEFAULT_ALIASES)

    @classmethod
    def from_aliases(cls, path: Path) -> Gazetteer:
        return _default_gazetteer(path)

    # ------------------------------------------------------------------ matching

    def _county_after_its_city(self, text: str, found: list[tuple[int, int, str, tuple[NameEntry, ...]]]
                               ) -> list[tuple[int, int, str, tuple[NameEntry, ...]]]:
        """A county whose name starts with 镇 or 乡 written right after its city's short name
        (庆阳镇原县, 庆阳镇原消防, 南阳镇平县, 临汾乡宁县) reads as the city and the county, not as a
        township (庆阳镇) and a stray 原县: the longest match took the township's name across the two."""
        g = self.data
        out: list[tuple[int, int, str, tuple[NameEntry, ...]]] = []
        skip_to = -1
        for start, end, name, entries in found:
            if start < skip_to:
                continue
            heads = [e for e in g.lookup(name[:-1]) if e.kind in ("short", "full")] \
                if name[-1] in "镇乡" and any(e.kind == "town" for e in entries) else []
            for length in range(6, 1, -1) if heads else ():
                county = text[end - 1:end - 1 + length]
                pairs = [(e, c) for c in g.lookup(county) if c.kind in ("full", "short")
                         for e in heads if g.is_under(c.code, e.code)]
                if pairs:
                    out += [(start, end - 1, name[:-1], tuple(dict.fromkeys(e for e, _ in pairs))),
                            (end - 1, end - 1 + length, county, tuple(dict.fromkeys(c for _, c in pairs)))]
                    skip_to = end - 1 + length
                    break
            else:
                out.append((start, end, name, entries))
        return out

    def _towns_of_named_seats(self, found: list[tuple[int, int, str, tuple[NameEntry, ...]]]
                              ) -> list[tuple[int, int, str, tuple[NameEntry, ...]]]:
        """A township named like a county the text names in full (平南县 … 该县平南镇) is that county's
        seat, which the table may know by a newer name (平南街道), not a township of that name elsewhere
        (灵山县's 平南镇, 秦州区's): its readings in other counties go, for its full name and its short
        one (广西平南血案), and so does the match when none is left."""
        divisions = self.data.divisions
        seats: dict[str, set[str]] = {}  # a county's name without its suffix (平南县 → 平南) → the counties
        for _, _, name, entries in found:
            for e in entries:
                if e.kind == "full" and len(name) > 2 and divisions[e.code].level == COUNTY:
                    seats.setdefault(name[:-1], set()).add(e.code)
        if not seats:
            return found
        out: list[tuple[int, int, str, tuple[NameEntry, ...]]] = []
        for start, end, name, entries in found:
            seat_of = seats.get(town_short(name) or name)
            if seat_of and any(e.kind in _TOWN_KINDS for e in entries):
                entries = tuple(e for e in entries if e.kind not in _TOWN_KINDS or e.code in seat_of)
                if not entries:
                    continue
            out.append((start, end, name, entries))
        return out

    def _scan(self, text: str, towns: bool = True) -> list[_Match]:
        """Leftmost-longest, non-overlapping matches: (start, end, phrase, entries, kinds). A
        township's short name is a match only before an institution (榆关小学); with `towns` False
        no township or institution name is (a body's name starts with its county, not its town)."""
        out: list[_Match] = []
        ends: dict[int, list[NameEntry]] = {}  # the readings of the names that end at each offset
        kinds_of = self._kinds
        found = self._towns_of_named_seats(self._county_after_its_city(text, self.data.find(text)))
        # the townships the text names in full, by their short names: 罗庄镇政府在罗庄二初中 holds
        # the township's 罗庄 twice, not 临沂's 罗庄区
        named_towns: dict[str, set[str]] = {}
        if towns:
            for _, _, name, entries in found:
                short = town_short(name)
                codes = {e.code for e in entries if e.kind == "town"}
                if short and codes:
                    named_towns.setdefault(short, set()).update(codes)
        # the units the text names by a name of their own (长治 in 长治久安 is a word, no city): what a
        # word-like short name before its police branch needs named (西宁市…城中公安分局); only such a text asks
        named = {e.code for _, _, _, entries in found for e in entries if e.kind in _PLACE_HEAD_KINDS} \
            if "公安分局" in text else frozenset()
        for start, end, name, entries in found:
            kinds = kinds_of.get(entries)
            if kinds is None:
                kinds = _kinds(entries)
                kinds = kinds_of[entries] = self._kind_sets.setdefault(kinds, kinds)
            if not kinds.isdisjoint(_WORD_KINDS):
                body_at = _branch_under_body(text, start, end)
                before = ends.get(start if body_at is None else body_at, ())
                entries = self._bound_words(text, start, end, entries, before, named)
                kinds = _kinds(entries)
            ends.setdefault(end, []).extend(entries)
            if start and text[start - 1:start + 1] in _WORD_BEFORE and not kinds.isdisjoint(_WORD_TAIL_KINDS):
                # 投资兴业 holds 资兴, 联合江口 合江, 部分乡镇 分乡镇: a short name (or a township's) whose
                # first character ends a word
                entries = tuple(e for e in entries if e.kind not in _WORD_TAIL_KINDS)
                kinds = _kinds(entries)
            if start and name in _CONJUNCTION_COUNTIES and (
                    text[start - 1] in _BODY_END or (name == "会同县" and text[start - 1] in _BEFORE_A_VERB)):
                continue  # 宝应县市场监管局…和县教育局, 歙县教育局(将)会同县人社局: "and / with the county's bureau"
            if not towns:
                if not kinds.isdisjoint(_TOWN_OR_INSTITUTION):
                    entries = tuple(e for e in entries if e.kind not in _TOWN_OR_INSTITUTION)
                    kinds = _kinds(entries)
            elif name.endswith("街道") and text.startswith("路", end):
                entries = ()  # 西大街道路: a street's name before 道路, not the 街道 office
            elif name.endswith("区") and text.startswith(_AREA_WORD, end) and not kinds.isdisjoint(_OLD_NAME_KINDS):
                # 小河区域, 四方区块: 区 starts a word; an old or added name is no place there (a current
                # district's full name still is: 朝阳区域内的学校)
                entries = tuple(e for e in entries if e.kind not in _OLD_NAME_KINDS)
                kinds = _kinds(entries)
            elif "institution" in kinds and text.startswith(("附属", "附中", "附小"), end):
                entries = ()  # 南京大学附属实验学校: an affiliated school stands where it stands
            elif "institution" in kinds and name.endswith("大学") and text.startswith("生", end) \
                    and not text.startswith(SHENG_WORDS, end):
                entries = ()  # 北京大学生心理健康日: a city's college students, not the university
            elif "institution" in kinds and name.endswith("大学") and text.startswith("城", end) \
                    and not text.startswith("城市", end):
                entries = ()  # 济南大学城: a city's college town, not the university's campus
            elif "town_short" in kinds and name in named_towns:
                entries = tuple(e for e in entries if e.kind == "town_short" and e.code in named_towns[name]) or entries
                kinds = _kinds(entries)
            elif "town_short" in kinds and (
                    not _TOWN_INSTITUTION.match(text, end)
                    or (name[-1] == "村" and start and HAN_CHAR.match(text, start - 1)
                        and text[start - 1] not in _BEFORE_A_NAME and not ends.get(start))
                    or ((not kinds <= _TOWN_KINDS or name[-1] == "桥") and not _TOWN_CENTRE.match(text, end))
                    or (name[-1] == "中" and text.startswith("小学", end))):  # 大中小学
                # a township's short name only before an institution, and never when it is also a
                # county's or city's name (延安中学 is named after the city, wherever it stands)
                # unless the institution is a township's own (梅江中心校); one ending in 桥 only before
                # a township's own (张母桥中心校: 铁桥小学 is a village's or a bridge's school)
                entries = tuple(e for e in entries if e.kind != "town_short")
                kinds = _kinds(entries)
            if entries:
                out.append((start, end, name, entries, kinds))
        out.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept: list[_Match] = []
        last = -1
        for m in out:
            if m[0] < last:
                continue
            if kept and kept[-1][1] == m[0] and m[4] == _TOWN_SHORT_ONLY and not any(
                    self.data.is_under(e.code, p.code) for e in m[3] for p in kept[-1][3] if p.kind not in _TOWN_KINDS):
                continue  # 北京东路小学: a street after a place, not the township 东路
            kept.append(m)
            last = m[1]
        return kept

    def _bound_words(self, text: str, start: int, end: int, entries: tuple[NameEntry, ...],
                     before: Iterable[NameEntry], named: Container[str] = ()) -> tuple[NameEntry, ...]:
        """A short form that is an ordinary word (和平, 江口) is a place only where the text binds
        it: right after the name of its parent (天津市和平保育院 → 和平区), before the name of its
        outlet or of its numbered school, or opening a line's dateline (会同新闻网讯, 平和一中, 安定讯), a district's
        before its police branch where the text names the unit above it by a name of its own (`named`: 西宁市…城中公安分局,
        not 长治久安…上党公安分局), a city's before its sectors
        (白银教育系统 → 白银市), or, a township's, before an office named after its township
        (江口边防派出所 → a 江口镇), a municipality's district before its commission (西城教委). Elsewhere it is the word."""
        g = self.data
        parents = {e.code for e in before if e.kind not in _TOWN_KINDS and e.kind not in _WORD_KINDS} \
            if text[end:end + 2] not in _WORD_GOES_ON and text[end:end + 1] not in "了的一" else set()
        office = bool(_TOWN_OFFICE.match(text, end))
        sector = bool(_CITY_SECTOR.match(text, end))
        named_after = bool((_MEDIA_AFTER.match(text, end) and text[start - 1:start] not in _WITH_OTHERS)
                           or _NUMBERED_SCHOOL.match(text, end)) \
            or (text.startswith("讯", end) and text[start - 1:start] in ("", *_LINE_START))
        police_branch = text.startswith("公安分局", end)
        # a municipality's district by its commission (西城教委: 北京's, 天津's and 上海's district sites write it so)
        commission = text.startswith("教委", end)
        out = []
        for e in entries:
            if e.kind == "short_word":
                if any(p != e.code and g.is_under(e.code, p) for p in parents) or named_after or (
                        sector and g.divisions[e.code].level == CITY) or (police_branch and g.divisions[e.code].parent in named) \
                        or (commission and g.divisions[e.code].level == COUNTY):
                    out.append(NameEntry(e.code, "short"))
            elif e.kind == "town_word":
                if office:
                    out.append(NameEntry(e.code, "town_short"))
            else:
                out.append(e)
        return tuple(out)

    def _mentions(self, text: str, field_name: str, base: float, lead_end: int = 0,
                  noise: list[tuple[int, int]] | None = None,
                  issuer_spans: list[tuple[int, int]] | None = None,
                  media_spans: list[tuple[int, int]] | None = None,
                  signature: list[tuple[int, int]] | None = None,
                  persons: list[tuple[int, int]] | None = None,
                  outlets: list[_Mention] | None = None, headline: bool = False) -> list[_Mention]:
        """The place names of one field as mentions; a provincial outlet's name (湖南日报) goes to
        `outlets` instead: it votes only where the text speaks of its province (`_outlet_province`).
        `headline`: the text is the page's own headline (not a first line cut for a title)."""
        out: list[_Mention] = []
        persons = person_spans(text) if persons is None else persons
        found = self._scan(text)
        # where a township's full name starts: 福州|南街街道 is the city and its street office, not a
        # street called 福州南街
        town_starts = {start for start, _, _, _, kinds in found if "town" in kinds}
        for start, end, name, entries, kinds in found:
            after = text[end:end + 6]
            short_like = kinds <= {"short", "former", "alias", "generic"}
            before = text[max(0, start - 2):start]
            media = bool(_MEDIA_AFTER.match(after)) or (short_like and bool(_MEDIA_AFTER_SHORT.match(after))) \
                or (before in _MEDIA_BEFORE and (before != "每日" or short_like)) \
                or text[max(0, start - 1):start] in _MEDIA_BEFORE \
                or bool(media_spans and inside(start, media_spans))
            if name.endswith("区") and text.startswith("域", end):
                continue  # 江南区域知名门户, 西南区域: an area (区域), not the district
            if short_like and start and text[start - 1] == "《" and _PERIODICAL_TAIL.match(text, end):
                media = True
            if kinds & _TOWN_KINDS and not kinds - _TOWN_KINDS:
                media = False  # a township's name is never an outlet's
            elif kinds == _LITERARY and name.endswith("网") and text.startswith("络", end):
                continue  # 大众网络, 东方网络: a network, not the outlet
            elif kinds == _LITERARY:
                # 齐鲁, 三秦: a province's literary name heads its outlets' names; it is the province
                # itself only as its land or people (三秦大地, 燕赵儿女)
                media = not text.startswith(_LITERARY_LAND, end)
            if short_like and _HOSPITAL_AFTER.match(text, end) and \
                    all(self.data.divisions[e.code].level == PROVINCE for e in entries):
                continue  # 北京军海中医医院: a big city's clinic, an ad glued into a sentence (not 汉阴中医医院)
            if kinds == {"short"} and out and out[-1].start + len(out[-1].phrase) == start and \
                    all(self.data.divisions[e.code].level == COUNTY for e in entries) and \
                    all(c in self.data.divisions and self.data.divisions[c].level < COUNTY for c in out[-1].candidates) and \
                    not any(self.data.is_under(e.code, c) for e in entries for c in out[-1].candidates):
                # 重庆南开中学, 合肥龙岗…: a county's short name right after a city or province it is not in
                # heads a name in that place (a school's, a zone's), never another province's or city's
                # county (after a county it is the next of a list: 昆山太仓携手…)
                continue
            # a county's school (武邑中学) is a hint, but a headline's numbered school (涪陵一中 over its
            # own holiday notice; not a first line cut for a title) is the county's school speaking
            school_hint = "short" in kinds and bool(_COUNTY_SCHOOL.match(text, end)) and \
                all(self.data.divisions[e.code].level == COUNTY for e in entries) and \
                not (out and out[-1].start + len(out[-1].phrase) == start
                     and not any(self.data.is_under(e.code, c) for e in entries for c in out[-1].candidates)) and \
                not (headline and _NUMBERED_SCHOOL.match(text, end + text.startswith(("县", "区"), end)))
            # a school's campus or branch named after a place (树人学校九龙校区, 青年小学南开分校): a hint, as
            # a county's school is
            school_hint = school_hint or (short_like and text.startswith(("校区", "分校"), end))
            # a college the table does not hold named after its city (蚌埠医科大学, renamed in 2024): in
            # that city, as a listed university is (those named otherwise, 中山大学, are in the table);
            # not the school affiliated to it (南京大学附属实验学校 stands where it stands)
            college = _UNIVERSITY_AFTER.match(text, end) if "short" in kinds and not media else None
            city_college = college is not None and not text.startswith(("附属", "附中", "附小"), college.end()) and \
                all(self.data.divisions[e.code].level == CITY for e in entries)
            if city_college:
                kinds = frozenset({"institution"})
            elif not media and short_like and end not in town_starts and _SCHOOL_AFTER.match(text, end) and not (
                    _UNIVERSITY_AFTER.match(text, end) and all(self.data.divisions[e.code].level == PROVINCE for e in entries)) \
                    and not school_hint and not (kinds == _ALIAS and name[-1] in _LEVEL_WORDS):
                if _EVENT_AFTER.match(text, end) and out and out[-1].start + len(out[-1].phrase) == start and any(
                        self.data.is_under(e.code, c) for e in entries for c in out[-1].candidates):
                    out.pop()  # 甘肃积石山地震: the province heads the quake's name, as its county does
                continue
            if short_like and _RAILWAY_AFTER.match(text, end):
                continue
            if short_like and text.startswith("公安分局", end) and \
                    all(self.data.divisions[e.code].level == CITY for e in entries):
                continue  # 山南公安分局 in a 淮南 story: a branch is a district's or zone's, never the city's police
            if short_like and any(text.endswith(word, 0, start) for word in _WORD_SENSE_BEFORE.get(name, ())):
                continue  # 幸福安康, 70周年大庆, 多哈市: well-being, a celebration, Doha; not 安康市, 大庆市, 哈尔滨
            campus = _CAMPUS_BRACKET.match(text, end) if kinds == {"institution"} else None
            if campus and self.data.lookup(campus.group(1)):
                continue  # 华北电力大学（保定）: the bracket names the campus's place, not the seat
            if persons and any(a < end and start < b for a, b in persons):
                continue  # 副区长沙红 holds 长沙
            if name in _CONJUNCTION_COUNTIES and persons and any(b == start for _, b in persons):
                continue  # 副县长宋志海和县教育局: "and the county's bureau", after a person
            if "short" in kinds and not kinds & _OWN_KINDS and (name[-1] + after[:1]) in _WORD_ACROSS \
                    and after[:2] not in _WORD_START:
                continue
            if short_like and len(name) == 2 and start >= 1 and text[start - 1] in _SURNAMES and \
                    (start == 1 or not HAN_CHAR.match(text[start - 2])
                     or AFTER_TITLE.search(text, max(0, start - 6), start - 1)):
                continue  # ，张建平指出 or 班主任崔金华像往常: a person
            in_signature = bool(signature and inside(start, signature))
            if noise and inside(start, noise) and not (media and media_spans and inside(start, media_spans)):
                continue
            if "short" in kinds and not kinds & _OWN_KINDS and text.startswith("村", end) \
                    and not text.startswith(_COUNTY_VILLAGE_WORDS, end):
                continue  # 东阳村, 嘉陵村: a village named so, wherever it is; not 东阳村级组织, 宁陕村医
            if name[-1] == "市" and text[end:end + 1] == "场":
                continue  # 东方市场, 中山市场: a market, not 东方市
            if name.endswith("城市") and text[max(0, start - 1):start + 1] in _CITIES_WORD:
                continue  # 沿海城市, 新兴城市: coastal or rising cities (城市 the noun), not 海城市, 兴城市
            if name.endswith("都市") and text.startswith("报", end):
                continue  # 西江都市报: a paper (西江|都市报), not the former 江都市
            if len(name) == 2 and name[-1] in "县区市旗" and not kinds & _TOWN_KINDS:
                # 高县, 开县, 理县: two characters that also occur across words (提高县域, 召开县委,
                # 管理县): not before 域/级/委/直 nor after the head of a word, and in the body only
                # with their city named
                if text[end:end + 1] in _COUNTY_WORD_AFTER or text[max(0, start - 1):start + 1] in _WORD_BEFORE:
                    continue
                kinds = frozenset({"short"})
            weight = base
            in_body = field_name == "body"
            heads_office = bool(_UNIT_OFFICE.match(text, end)) or _branch_under_body(text, start, end) is not None
            fld = field_name
            if in_body and start < lead_end:
                weight, fld = W_LEAD, "lead"
            if in_body and (("short" in kinds and not kinds & _OWN_KINDS and not heads_office)
                            or kinds == {"institution"}):
                # a university named once in the body may be a participant's; a short name before
                # its office (大武口消防大队) is the unit speaking and counts whole
                weight *= SHORT_FACTOR
            if school_hint:
                weight = W_BODY * SHORT_FACTOR  # a 石门中学 is in many towns: a hint wherever it is written
            if issuer_spans and inside(start, issuer_spans):
                weight, fld = W_ISSUER, "issuer_line"
            elif in_signature:
                weight, fld = W_ISSUER, "signature"
            if media:  # an outlet names where it is based, not who issued the text
                if all(self.data.divisions[e.code].level == PROVINCE for e in entries):
                    # a provincial or a capital's paper (北京日报, 浙江法制报) reprints from anywhere
                    if outlets is not None and len(entries) == 1:
                        outlets.append(_Mention(name, start, field_name, W_MEDIA, (entries[0].code,), "media",
                                                resolved=entries[0].code))
                    continue
                weight, kinds = (W_MEDIA if field_name == "body" else weight), frozenset({"media"})
                fld = "body" if field_name == "body" else field_name
            codes = [e.code for e in entries]
            if media and text.startswith("晚报", end):
                # an evening paper is a city's: named after a county (颍州晚报, after 阜阳's old name
                # that its 颍州区 keeps), it stands for the county's city
                codes = [self.data.divisions[c].city or c if self.data.divisions[c].level == COUNTY else c for c in codes]
            exact = len(codes)
            if "town" in kinds:
                # 李村镇 that became 李村街道, 乡 that became 镇: the same township under its new name
                short = town_short(name)
                codes += [e.code for e in self.data.lookup(short) if e.kind == "town_short"] if short else []
            # a city heading a school's name (莆田锦江中学), or a university known only by its city
            # (宁夏大学 → 银川市): where the school is, never "the whole city"
            school = (all(self.data.divisions[e.code].level == CITY for e in entries) and
                      bool(_SCHOOL_NAMED.match(text, end))) or \
                (kinds == {"institution"} and all(self.data.divisions[e.code].level < COUNTY for e in entries))
            out.append(_Mention(name, start, fld, weight, tuple(dict.fromkeys(codes)), "/".join(sorted(kinds)),
                                former=frozenset(e.code for e in entries if e.kind == "former"), exact=exact,
                                school=school, office=heads_office,
                                school_name=text.startswith("学校", end), hint=school_hint,
                                numbered="short" in kinds and bool(_COUNTY_NUMBERED.match(text, end))))
        return self._link_prefixes(out, text)

    def _unrelated_headline(self, title: str, body: str) -> bool:
        """A headline of another page over this text (an SEO title stuffed with another province's
        exam dates over a county's enrolment rules): it shares no two characters with a body of
        some length, and the body names places of its own, none in a province the headline names
        (a "汉阴：织密守护网" slogan over a body saying only 县教体局 is the text's own)."""
        if len(body) < _UNRELATED_MIN or body.startswith(title) or _shares_words(title, body):
            return False
        g = self.data
        in_title = {g.divisions[e.code].province for *_, entries in g.find(title) for e in entries}
        in_body = {g.divisions[e.code].province for *_, entries in g.find(body) for e in entries if e.kind == "full"}
        return bool(in_body) and not in_body & in_title

    def _link_prefixes(self, mentions: list[_Mention], text: str) -> list[_Mention]:
        """福州市鼓楼区, 安康市汉阴县: a parent written right before its child picks the child, and
        a short name right after a unit it is not in is none (镇江市船山学校), and a university right
        before a place it is not in is its branch's (北京大学深圳研究生院: the place counts).
        So does a bureau's parent before the township office under the bureau (宁德市公安局X派出所):
        a township reading outside it is another township of that name, and the name is dropped. A
        short name glued before another province's short name is that place's epithet (仙居恩施),
        unless the second is a township of the first's named short (肥西三河: the first, narrowed to
        the unit that holds the township when all its readings lie in one province)."""
        g = self.data
        dropped: set[int] = set()
        for i in range(len(mentions) - 1):
            a, b = mentions[i], mentions[i + 1]
            gap = b.start - (a.start + len(a.phrase))
            chain = gap > 1 and b.is_town and bool(_BUREAU.fullmatch(text, b.start - gap, b.start))
            if not chain and (gap < 0 or gap > 1 or (gap == 1 and text[b.start - 1] not in " 、，,")):
                continue
            # 霍山县与儿街镇: a township right after its county (both carry the county's code)
            pairs = [(x, y) for x in a.candidates for y in b.candidates
                     if g.is_under(y, x) and (x != y or (b.is_town and not a.is_town))]
            if not pairs:
                if gap == 0 and a.kind == "institution" and b.kind != "institution" and \
                        not text.startswith("校区", b.start + len(b.phrase)):
                    # 江苏联合职业技术学院苏州丝绸中专办学点, 北京大学深圳研究生院: a branch named after its
                    # place is there, not at the seat (a campus's name may be any word: 四川大学江安校区)
                    dropped.add(i)
                    continue
                if chain or (gap == 0 and not a.is_town and set(a.kind.split("/")) & _OWN_KINDS
                             and set(b.kind.split("/")) <= _SHORT_KINDS | {"town"}) \
                        or (gap == 0 and not a.is_town and b.kind == "generic"):
                    # 镇江市船山学校: a short name right after a unit it is not in names something of
                    # that unit's (a school, a street), not a place; so does a township's name (西充县
                    # 双江乡小学: a township merged away, not the 双江乡 of another province) and a
                    # zone's generic name (武汉经开区: 武汉's zone, not 荆州's 经开区)
                    dropped.add(i + 1)
                elif gap == 0 and a.kind == "short" and b.kind == "town" and len(a.candidates) == 1 and \
                        g.divisions[a.candidates[0]].level == COUNTY and all(
                        g.divisions[y].city == g.divisions[a.candidates[0]].city for y in b.candidates):
                    # 双峰蛇形山镇: a township its county's short name heads, which the data puts in a
                    # neighbour of that city (moved since: 蛇形山镇 is 娄星区's now), is that county's
                    dropped.add(i + 1)
                elif gap == 0 and a.kind == b.kind == "short" and not any(
                        g.divisions[x].province == g.divisions[y].province for x in a.candidates for y in b.candidates) \
                        and not all(g.divisions[c].level == PROVINCE for c in (*a.candidates, *b.candidates)):
                    # 仙居恩施 (in a slogan, "世界硒都 仙居恩施"): a word glued before another province's place
                    # is that place's epithet, not a place; unless it is a township of the first's
                    # named short (肥西三河: 肥西县's 三河镇, not 河北's 三河市), as local headlines do: then
                    # the first is the unit that holds the township. Two provinces glued are a list
                    # (广西福建连续发生…), no epithet
                    owners = self._townships_owners(b.phrase, a.candidates)
                    if owners and len({g.divisions[c].province for c in a.candidates}) == 1:
                        a.candidates = owners  # 合肥三河: 合肥 holds it; not 西安灯塔, whose 西安 the text decides
                    dropped.add(i + 1 if owners else i)
                continue
            a.candidates = tuple(dict.fromkeys(x for x, _ in pairs))
            b.candidates = tuple(dict.fromkeys(y for _, y in pairs))
            a.prefix_of = i + 1
            b.linked = True
        return [m for i, m in enumerate(mentions) if i not in dropped]

    def _townships_owners(self, short: str, units: tuple[str, ...]) -> tuple[str, ...]:
        """The `units` (counties, cities or provinces) that hold a township named `short` with 镇 or
        乡 (三河 → 肥西县, 合肥市 and 安徽省, which hold 三河镇)."""
        g = self.data
        towns = {e.code for suffix in "镇乡" for e in g.lookup(short + suffix) if e.kind == "town"}
        return tuple(u for u in units if any(t == u or g.is_under(t, u) for t in towns))

    # ------------------------------------------------------------------ resolving

    def resolve(self, ctx: RegionContext) -> RegionResult:
        title = to_simplified(ctx.title or "")
        full_body = to_simplified(ctx.body or "")
        body = full_body[:tail_start(full_body)]  # the related/hot lists after the article never count
        issuer = to_simplified(ctx.issuer or "")
        lead_end = _lead_end(body)
        persons, title_persons = person_spans(body), person_spans(title)
        noise = _noise_spans(body, persons)
        # a title that opens with an agency's dateline is the first line of a page without a
        # headline (中新社西安12月13日电…): where the reporter sat, as in the body
        title_noise = junk_spans(title) + title_persons + [m.span() for m in DATELINE.finditer(title)]
        if title and body.startswith(title):
            # a headline-less page's first paragraph cut for a title: its lessons, as in the body
            title_noise += [(a, min(b, len(title))) for a, b in lesson_spans(body) if a < len(title)]
        if self._unrelated_headline(title, body):
            title_noise.append((0, len(title)))
        if len(title.strip()) <= _INSERT_MAX and title.strip() in repeated_lines(body, 2):
            # a spun reprint's insert taken for the title ("青海西宁" between its paragraphs); a
            # headline the body repeats is longer
            title_noise.append((0, len(title)))

        mentions: list[_Mention] = []
        outlets: list[_Mention] = []  # provincial outlets (湖南日报讯): see `_outlet_province`
        cut = cut_from_opening(title, body)  # before the title runs on to a name's end
        title = self._whole_names(title, body)
        # a title cut from the first paragraph is read with the words after the cut (北京|军海中医医院
        # is a hospital's name, as the body says), then only its own names are kept
        first_line = _first_line(body)
        read = first_line if title and first_line.startswith(title) else title
        # … and weighs as that paragraph's opening, not as a headline (the body counts it as its lead too)
        title_weight = W_LEAD if title and len(first_line) > len(title.rstrip()) and read is first_line else W_TITLE
        title_outlets: list[_Mention] = []
        title_mentions = [m for m in self._mentions(read, "title", title_weight, noise=title_noise, persons=title_persons,
                                                    outlets=title_outlets, headline=title_weight == W_TITLE)
                          if m.start + len(m.phrase) <= len(title)]
        for m in title_mentions:
            m.cut = cut
            # a news headline names the province of a local story (河南幼儿食物中毒续, 河北一高校回应…): it
            # holds other provinces off, but the city the body names is not outvoted by "the whole province"
            m.reported = title_weight == W_TITLE and m.kind == "short" and not _OFFICE_AFTER.match(read, m.start + len(m.phrase))
        mentions += title_mentions
        outlets += [m for m in title_outlets if m.start + len(m.phrase) <= len(title)]
        issuer_spans, media_spans = self._source_spans(body)
        if _MEDIA_VALUE.search(issuer.strip("()（）[]【】 ")) or (issuer and any(body.startswith(issuer, a) for a, _ in media_spans)):
            # an outlet or an account (also when the page's issuer was cut from a media source line)
            for m in self._mentions(issuer, "issuer", W_MEDIA, outlets=outlets):
                m.kind = "media"
                mentions.append(m)
        else:
            mentions += self._mentions(issuer, "issuer", W_ISSUER)
        mentions += self._mentions(body, "body", W_BODY, lead_end, noise, issuer_spans, media_spans,
                                   signature_spans(body), persons, outlets)
        mentions = self._without_stray_town_shorts(mentions, title, body)
        mentions = self._without_another_places_names(mentions, body)
        mentions = self._without_towns_of_another_place(mentions, title, body)
        cited = {found.start() + 1 for found in CITED_TITLE.finditer(body)}
        for m in mentions:
            m.cited = m.field in _BODY_FIELDS and m.start in cited
        hint_code = self._hint_code(ctx.region_hint)
        if hint_code:
            mentions.append(_Mention(ctx.region_hint or "", 0, "hint", W_HINT, (hint_code,), "hint"))
        domain_code = self._domain_code(ctx.site_domain)
        if domain_code:
            mentions.append(_Mention(ctx.site_domain or "", 0, "domain", W_DOMAIN, (domain_code,), "host"))
        owner_code = self._site_code(ctx.site_code)
        if owner_code:
            mentions.append(_Mention(f"网站标识码 {ctx.site_code}", 0, "domain", W_DOMAIN, (owner_code,), "site_code"))
        if ctx.site_owner:
            # the footer's owner (主办单位：X县教育局, 版权所有 X大学): whose site it is, as a host name says
            for m in self._mentions(ctx.site_owner, "domain", W_DOMAIN):
                m.kind = "owner"
                mentions.append(m)
        if "欢迎" in body:
            # a government's or a school's welcome banner, copied with the page: whose site it is, as a host
            # name says (a county's portal reprinting a city's notice stays the city's)
            for banner in _SITE_BANNER.finditer(body):
                for m in self._mentions(banner.group(1), "domain", W_DOMAIN):
                    m.kind = "banner"
                    mentions.append(m)
        mentions = self._one_site_witness(mentions)

        tally = _Tally()
        # context: what the unambiguous mentions say, before any short form or ambiguity
        ambiguous: list[_Mention] = []
        counted_schools: set[str] = set()
        for m in mentions:
            if len(m.candidates) == 1 and not self._needs_context(m):
                m.resolved = m.candidates[0]
                if m.kind == "institution" and m.field in _BODY_FIELDS:
                    # a university's own news repeats its name: where it is counts once from the body
                    # (its table district may be another campus's: 上海外国语大学 in 松江's news)
                    if m.phrase in counted_schools:
                        continue
                    counted_schools.add(m.phrase)
                if m.prefix_of is None:
                    self._vote(tally, m)
            else:
                ambiguous.append(m)
        def read_in(votes: dict[str, float]) -> dict[str, float]:
            """The places short names are read in: the votes, and a provincial outlet (天津日报讯, 湖南日报)
            that says which province (东丽支队 is 天津's 东丽区), though it never votes for the issuer itself."""
            out = dict(votes)
            for o in outlets:
                if o.resolved:
                    out[o.resolved] = out.get(o.resolved, 0.0) + o.weight
            return out

        context = read_in(tally.votes.total)
        # a short county name that needs its city named (望城 in the body) reads the ambiguous names
        # resolved before it too: a headline's 长沙 (长沙市 or 长沙县) names the city it needs
        needing = {id(m) for m in ambiguous if self._needs_context(m)}
        named = context
        for m in sorted(ambiguous, key=lambda m: id(m) in needing):
            if id(m) in needing and named is context:
                named = read_in(tally.votes.total)  # the others are resolved and voted by now
            m.resolved = self._choose(m, named if id(m) in needing else context)
            if m.is_town and len(m.candidates) > 1 and m.resolved in m.candidates \
                    and self._elsewhere_in_province(m.resolved, context):
                m.resolved = None
                continue
            if len(m.candidates) > 1 and m.readings <= _SUPPORT_MAX and m.resolved not in m.candidates:
                m.resolved = self._support(m, mentions) or m.resolved
            if m.resolved and m.prefix_of is None:
                self._vote(tally, m)
        self._counties_together(ambiguous, tally)
        self._lone_short_county(ambiguous, tally, body)
        for m in self._doc_numbers(title, body):
            mentions.append(m)
            self._vote(tally, m)
        names: dict[str, list[tuple[int, int]]] = {"title": [], "body": []}
        for m in mentions:
            if m.field in ("title", "body", "lead", "issuer_line", "signature"):
                names["title" if m.field == "title" else "body"].append((m.start, m.start + len(m.phrase)))
        marks = _deixis_marks(title, body, noise, names)
        deixis = self._deixis(marks, mentions, body)
        if deixis is None:
            deixis = self._level_mark(marks, mentions)
            if deixis is not None:
                for m in mentions:
                    if m.resolved == deixis.resolved and m.kind.endswith("/level"):
                        self._vote(tally, m)
        if deixis is not None:
            mentions.append(deixis)
            self._vote(tally, deixis)
        outlet = self._outlet_province(outlets, title, body, noise, tally)
        if outlet is not None:
            mentions.append(outlet)
            self._vote(tally, outlet)

        national = _national_mentions(title, body, lead_end, noise)
        # a county or township named before the national body in the text: a local story with a
        # national news hook (…村开展宣讲。国务院教育督导委员会办公室发布预警…)
        national = [n for n in national if n.field == "title" or not any(
            m.field in ("body", "lead") and m.start < n.start and m.resolved
            and self.data.divisions[m.resolved].level == COUNTY for m in mentions)]
        if national and self._national_wins(national, tally.text.total, tally.strong.total):
            return self._result([], national, True)
        registration = self._registration(title, full_body, tally)
        if registration is not None:
            mentions.append(registration)
            self._vote(tally, registration)
        # the offices that act are read only where the weights leave a level open
        actors = cache(partial(self._actors, mentions, title, body))
        chosen = self._descend(tally, actors, {level for level, each in _EACH_UNIT.items() if each.search(body)},
                               partial(_lone_cue_may_decide, title, body, mentions))
        # a school's or a college's footer address (not a ministry's or a paper's: their offices are in 北京 too),
        # below the place chosen only where that place is the school's own (a school's site reposts its province's
        # notices) and no office of it leads the text (大连市教育局关于…, reposted by a 大连 school)
        school_owner = bool(ctx.site_owner and re.search(_SCHOOL_NAME, ctx.site_owner)
                            and not _NOT_A_SCHOOL.search(ctx.site_owner))
        school_site = school_owner and bool(chosen) and chosen[-1] in {m.resolved for m in mentions if m.kind == "owner"} \
            and not _office_leads(chosen[-1], mentions, title, body)
        # a site's registration (鄂ICP备…) alone names only the province its owner registered in: the footer's
        # address below it says where the owner sits, as it does on a page that names nothing
        by_registration = bool(chosen) and all(m.kind == "registration" for m in mentions if m.resolved)
        address = self._address(full_body, len(body), [] if by_registration else chosen,
                                ctx.site_address if school_owner and (school_site or not chosen) else None, school_site)
        if address is not None and address.resolved and (not by_registration or self.data.is_under(address.resolved, chosen[0])):
            mentions.append(address)
            chosen = list(self.data.divisions[address.resolved].chain())
        return self._result(chosen, mentions, bool(title.strip() or body.strip() or issuer.strip()))

    def _address(self, body: str, tail: int, chosen: list[str], site_address: str | None = None,
                 school_site: bool = False) -> _Mention | None:
        """The footer's postal address (地址：佛山市南海区桂城海三路26号) of a text that names no place
        itself: where the site's owner sits, the last word when nothing else decided. Below a place
        the text chose only on a school's own page (`_school_page`: the address is the school's;
        over the read sets 6 region fields right more, none lost), and not where the address line
        or the line above it names a bureau, a court or a paper (a portal reprinting a school's
        news); never for a bureau's notice: a provincial bureau's stays the province's though its
        office has a street address in a district. `tail`: where the body's footer starts
        (`tail_start`), its end where it has none. `site_address`: the one the page's footer gives
        beside its owner (`indexer.extract.owner.site_address`), the article extractor having dropped
        that footer; `school_site`: that owner is a school or a college, so its address is too."""
        if ("地址" not in body and not site_address) or (chosen and not (school_site or _school_page(body, tail))):
            return None
        footer = tail if tail < len(body) else max(0, len(body) - 200)
        lines = [*_ADDRESS.finditer(body, footer), *(m for m in _SCHOOL_LINE_ADDRESS.finditer(body, footer)
                                                     if not _NOT_A_SCHOOL.search(m.group("line")))] \
            if "地址" in body else []
        # the address line and the one above it (the line ending just before the address line starts)
        if chosen and any(_OWNER_NOT_SCHOOL.search(body, enclosing(body, max(0, line.start() - 1), "\n")[0], line.end())
                          for line in lines):
            return None
        values = [line.group("value") for line in lines] + ([site_address] if site_address else [])
        found = [m for value in values for m in self._mentions(value, "domain", W_DOMAIN) if len(m.candidates) == 1]
        if not found:
            return None
        g = self.data
        unit = max((m.candidates[0] for m in found), key=lambda c: g.divisions[c].level)
        if not all(g.is_under(unit, m.candidates[0]) for m in found):
            return None  # two places: a portal's address beside a school's, or an ad's
        below = g.is_under(unit, chosen[-1]) and unit != chosen[-1] if chosen else True
        # a college's own footer gives the campus it writes from: another district of its city than the one
        # its name's entry holds (西安石油大学, 雁塔区; 鄠邑校区地址：西安市鄠邑区…)
        beside = school_site and len(chosen) >= 2 and g.divisions[chosen[-1]].level == COUNTY \
            and g.divisions[unit].level == COUNTY and unit != chosen[-1] and g.is_under(unit, chosen[-2])
        if chosen and not (below or beside):
            return None
        m = next(m for m in found if m.candidates[0] == unit)
        m.resolved, m.kind = unit, "address"
        return m

    def _actors(self, mentions: list[_Mention], title: str, body: str) -> list[_Actor]:
        """The offices that act, in reading order (the title's first): a unit named before one of
        its offices (开封市教体局, 吉安县公安局), a deixis mark bound to a unit, a level's office
        named by its kind (省教育厅, 市教育局). A bureau before its branch named after a unit inside
        (盘锦市公安局双台子分局) is the branch's; the bodies whose plan a clause carries out
        (根据市教育局通知要求) or whose word it reports (据市政府新闻办发布的消息) do not act."""
        g = self.data
        cited = not_acting_spans(body)
        names: dict[bool, list[tuple[int, int]]] = {False: [], True: []}
        actors: list[_Actor] = []
        for m in mentions:
            if m.field not in ("title", "body", "lead"):
                continue
            in_body = m.field != "title"
            text = body if in_body else title
            end = m.start + len(m.phrase)
            names[in_body].append((m.start, end))
            if m.kind == "deixis" and m.resolved:
                actors.append(_Actor(in_body, m.start, m.resolved))
            if m.resolved is None or m.prefix_of is not None or (in_body and inside(m.start, cited)) \
                    or not _OFFICE_AFTER.match(text, end):
                continue
            if m.start and text[m.start - 1] in "、和与及" and any(
                    n.field == m.field and n.start + len(n.phrase) == m.start - 1 for n in mentions):
                continue  # 正定县、平山县教育局: one office of the units listed, none's alone
            # the units inside this one named after it in the same line of text
            below = [n for n in mentions if n.field == m.field and n.resolved and n.resolved != m.resolved
                     and end < n.start and g.is_under(n.resolved, m.resolved)]
            code = next((n.resolved for n in below if _BRANCH_GAP.fullmatch(text, end, n.start)), m.resolved)
            if code == m.resolved and self._acts_with_a_unit_below(m.resolved, below, text, end, body):
                continue  # the unit below acts with its parent's support; it is the one named next
            actors.append(_Actor(in_body, m.start, code))
        for in_body, text in ((False, title), (True, body)):
            for level, pattern in _LEVEL_ACTS.items():
                found = next((f for f in pattern.finditer(text) if not inside(f.start(), names[in_body])
                              and not (in_body and inside(f.start(), cited))), None)
                if found:
                    actors.append(_Actor(in_body, found.start(), level=level))
        return sorted(actors, key=lambda a: (a.in_body, a.start))

    def _acts_with_a_unit_below(self, parent: str, below: list[_Mention], text: str, end: int, body: str) -> bool:
        """Whether the parent's office named up to `end` is one subject with the office of a unit
        below it named next (长春市政府和双阳区政府投入…, `_JOINT_GAP`), both acting: not only attending
        or heading a list (`_JOINT_NOT_ACTING`), and not in a text about the parent's whole area
        (全市中小学, `_WHOLE_AREA`)."""
        if not any(_JOINT_GAP.fullmatch(text, end, n.start) and _OFFICE_AFTER.match(text, n.start + len(n.phrase))
                   and not _JOINT_NOT_ACTING.match(text, n.start + len(n.phrase)) for n in below):
            return False
        div = self.data.divisions[parent]
        whole = _WHOLE_AREA[PROVINCE if div.level == PROVINCE and not div.name.endswith("市") else CITY]
        return not whole.search(body)

    def _lone_child(self, parent: str, kids: list[str], tally: _Tally, actors: list[_Actor],
                    each_unit: bool) -> str | None:
        """The one unit below the parent that the text names, where it, not the parent, acts: the
        parent's own office never acts (贵州省三都水族自治县 in a 贵州 headline), or the first office
        that acts in the body is the child's (长春市公安局交警支队宽城大队联合宽城区教育局 under a 长春
        headline). A parent's office that leads (乐山市教育局联合市中区教育局) or a child that is
        only a venue or an example (省教育厅…在石家庄市) keep the place at the parent. Of two
        children named, the one whose office acts first in the body (精河县公安局…博乐市), where the
        parent's never acts and the text is not addressed to each unit (各县区)."""
        g = self.data
        speaking = [c for c in kids if tally.text.total.get(c, 0.0) > 0]
        if len(speaking) == 2:
            # two speak: the one whose office acts first in the body, where the parent's never acts
            first = next((c for a in actors if a.in_body and a.code for c in speaking
                          if a.code == c or g.is_under(a.code, c)), None)
            parent_acts = any(a.code == parent or a.level == g.divisions[parent].level for a in actors)
            if first is None or parent_acts or each_unit or tally.plain.total.get(first, 0.0) < 1.0:
                return None
            return first
        if len(speaking) != 1 or each_unit or tally.plain.total.get(speaking[0], 0.0) < 1.0:
            return None
        kid = speaking[0]
        level = g.divisions[parent].level

        def side(actor: _Actor) -> str | None:
            if actor.level is not None:
                # 市教育局 under a city is the city's, unless the child is a 市 itself (台山市)
                mine = actor.level == level and not (level == CITY and g.divisions[kid].name.endswith("市"))
                return "parent" if mine else None
            if actor.code == kid or g.is_under(actor.code or "", kid):
                return "kid"
            return "parent" if actor.code == parent else None

        sides = [(a.in_body, side(a)) for a in actors]
        in_body = [who for body_side, who in sides if body_side and who]
        if all(who != "parent" for _, who in sides) or (in_body and in_body[0] == "kid"):
            return kid
        return None

    def _lone_short_county(self, mentions: list[_Mention], tally: _Tally, body: str) -> None:
        """A text whose only cue is one county's short name heading a body's name in the body
        (仙游现代中学全体教职工): with no city named it would need
        (`_needs_context`) and nothing else to disagree, it votes as the lone light cue it is
        (`_one_weak_line` then decides). A short name inside a phrase (思想上高度重视) heads nothing."""
        if tally.votes.total:
            return
        loose = [m for m in mentions if m.resolved is None and len(m.candidates) == 1 and self._needs_context(m)]
        if len({m.candidates[0] for m in loose}) != 1 or len(loose) != len(mentions) or not any(
                m.field in _BODY_FIELDS and _HEADS_A_BODY.match(body, m.start + len(m.phrase)) for m in loose):
            return
        for m in loose:
            m.resolved = m.candidates[0]
            if m.prefix_of is None:
                self._vote(tally, m)

    def _counties_together(self, mentions: list[_Mention], tally: _Tally) -> None:
        """清流、宁化、大田: short county names in the body whose city the text never names are
        each other's context where several of them are counties of one city."""
        g = self.data
        loose = [m for m in mentions if m.resolved is None and len(m.candidates) == 1 and self._needs_context(m)]
        by_city: dict[str, set[str]] = {}
        for m in loose:
            div = g.divisions[m.candidates[0]]
            by_city.setdefault(div.city or div.province, set()).add(div.code)
        together = {c for counties in by_city.values() if len(counties) >= _COUNTIES_TOGETHER for c in counties}
        for m in loose:
            if m.candidates[0] in together:
                m.resolved = m.candidates[0]
                if m.prefix_of is None:
                    self._vote(tally, m)

    def _without_stray_town_shorts(self, mentions: list[_Mention], title: str, body: str) -> list[_Mention]:
        """A township's short name before a school (虎门小学) in a sentence that names a county, or a
        township, in full elsewhere (红安县杏花乡组织专班到虎门小学) is a village's school there, not
        a namesake township of another county; one a word into a school's name a city heads (南京市将军山小学:
        武汉's 军山) is that city's school; a headline's one the body writes right after a place of another
        county (湖北英山|石镇中学 under the headline 石镇中学…, the table knowing 石镇 only in 江西) is that place's."""
        g = self.data
        own = [m for m in mentions if m.kind in ("full", "alias", "town") and len(m.candidates) == 1
               and g.divisions[m.candidates[0]].level == COUNTY]
        heads: dict[str, dict[int, str]] = {}  # field → where a city's full name ends → the city
        for m in mentions:
            if m.kind in ("full", "alias") and len(m.candidates) == 1 and g.divisions[m.candidates[0]].level == CITY:
                heads.setdefault(m.field, {})[m.start + len(m.phrase)] = m.candidates[0]
        # where the body's names of one county end (a county's, or a township's that places it: 英山|石镇中学)
        county_ends = {m.start + len(m.phrase): m.candidates[0] for m in mentions
                       if m.field in _BODY_FIELDS and len(m.candidates) == 1 and g.divisions[m.candidates[0]].level == COUNTY}
        kept = []
        for m in mentions:
            if m.kind == "town_short" and m.field in ("title", "body", "lead"):
                text = title if m.field == "title" else body
                a, b = enclosing(text, m.start, SENTENCE_STOPS)
                near = {n.candidates[0] for n in own if (n.field == "title") == (m.field == "title") and a <= n.start < b}
                if near and not near & set(m.candidates):
                    continue
                if m.field == "title" and any(not any(g.is_under(c, county_ends[at]) for c in m.candidates)
                                              for at in _occurrences(body, m.phrase) if at in county_ends):
                    continue
                cities = heads.get(m.field, {})
                end = _name_head_end(text, m.start, cities)
                if end is not None and not any(g.is_under(c, cities[end]) for c in m.candidates):
                    continue
            kept.append(m)
        return kept

    def _without_towns_of_another_place(self, mentions: list[_Mention], title: str, body: str) -> list[_Mention]:
        """A town written right after a place it is not in (江苏省启东近海镇, where the table knows only
        another province's 近海镇) is a town of that place the table lacks: it places nothing. Not after
        a zone's generic name (经开区东简街道: which 经开区 is the question the street answers)."""
        g = self.data
        ends = {(m.field, m.start + len(m.phrase)): m for m in mentions if set(m.kind.split("/")) <= _PLACE_HEAD_KINDS}

        def of_another_place(town: _Mention) -> bool:
            head = ends.get((town.field, town.start))
            return head is not None and not any(g.is_under(c, p) for c in town.candidates for p in head.candidates)

        # a township's short name before a school (航天小学) in another province than every unit whose office the
        # text names (烟台市芝罘区教体局回复): a school named after something else, not that far township's
        provinces = {g.divisions[c].province for m in mentions if m.kind in ("full", "alias")
                     and m.field in ("title", *_BODY_FIELDS) and _before_office(m, title, body) for c in m.candidates}

        def far_school_name(m: _Mention) -> bool:
            return m.kind == "town_short" and bool(provinces) and all(g.divisions[c].province not in provinces for c in m.candidates)

        return [m for m in mentions if not (m.kind == "town" and of_another_place(m)) and not far_school_name(m)]

    def _without_another_places_names(self, mentions: list[_Mention], body: str) -> list[_Mention]:
        """A short name the body writes right after a place it is not in (or a word or two after it:
        碑林区小雁塔小学), heading a school's, an office's or a road's name (永川区朱沱镇南华宫小学,
        黄浦区蓬莱路第二小学), is part of that place's
        name for something, not a county: everywhere the text writes it (the headline's 南华宫小学 or
        共聚蓬莱, the school's paper 《蓬莱小镇月报》), it places nothing."""
        g = self.data
        places = {n.start + len(n.phrase): n for n in mentions
                  if n.field in _BODY_FIELDS and n.kind in ("full", "alias", "town")}
        if not places:
            return mentions

        def elsewhere(m: _Mention, place: _Mention) -> bool:
            return not any(g.is_under(c, p) or g.is_under(p, c) for c in m.candidates for p in place.candidates)

        named: set[str] = set()
        for m in mentions:
            if m.phrase in named or not set(m.kind.split("/")) <= _SHORT_KINDS:
                continue
            for at in _occurrences(body, m.phrase):
                # right after the place, or a word into the name it heads (碑林区小雁塔小学)
                end = _name_head_end(body, at, places, adjacent=True)
                place = places[end] if end is not None else None
                goes_on = _NAME_GOES_ON.match(body, at + len(m.phrase))
                if goes_on and ((place and elsewhere(m, place)) or (
                        # the venue of a place's event (城厢区教育局…在凤翔城幼儿园举行): a school or an office
                        # there, named after something, in a body that names only places it is not in
                        body[at - 1:at] == "在" and all(elsewhere(m, p) for p in places.values()))):
                    named.add(m.phrase)
                    break
        return [m for m in mentions if m.phrase not in named
                or not set(m.kind.split("/")) <= _SHORT_KINDS | {"media"}]

    def _outlet_province(self, outlets: list[_Mention], title: str, body: str, noise: list[tuple[int, int]],
                         tally: _Tally) -> _Mention | None:
        """A provincial outlet (湖南日报讯, 河北新闻网) whose text speaks of its own province (我省,
        全省, 省教育厅 at the start of a clause; an autonomous region's outlet of 自治区教育厅) and names
        no other place: the outlet's province. Elsewhere a provincial paper reprints from anywhere
        and says nothing."""
        province = outlets[0].resolved if outlets else None
        if tally.votes.total or province is None or any(m.resolved != province for m in outlets):
            return None
        autonomous = self.data.divisions[province].name.endswith("自治区")
        marks = [m for fld, text in (("title", title), ("body", body)) for m in _PROVINCE_DEIXIS.finditer(text)
                 if (fld == "title" or not inside(m.start(), noise)) and ("自治区" in m.group()) == autonomous]
        return outlets[0] if marks else None

    def _whole_names(self, title: str, body: str) -> str:
        """A page without a headline gets its first paragraph cut at a length for a title, at times
        inside a name (湖南省衡阳市蒸|湘区): the title then runs on to the end of that name, if it is
        a full name (a short one may be the head of a school's: 龙|泉学校)."""
        return title_run_on(title, body, lambda text: (
            (start, end) for start, end, _name, entries in self.data.find(text)
            if any(e.kind in _WHOLE_KINDS for e in entries)), _NAME_REACH)

    def _registration(self, title: str, body: str, tally: _Tally) -> _Mention | None:
        """The province of the site's registration numbers, postal code or big-city telephone
        number (`registration`), read only when nothing else names a province and no national
        body is named (a ministry's site is registered in 北京) outside the titles of documents the
        text cites (《教育部办公厅关于…的通知》 passed on by a local body): the one province they agree on."""
        g = self.data
        if any(g.divisions[c].level == PROVINCE for c in tally.votes.total) or \
                _NATIONAL_BODY.search(title) or _NATIONAL_BODY.search(CITED_TITLE.sub("", body)):
            return None
        found = registrations(body, self._provinces)
        if len({r.province for r in found}) != 1:
            return None
        first = found[0]
        # a filing's office code names the city too (川公网安备 510402… → 攀枝花市): over the gathered texts the
        # filing's city was the reader's in 20 of 30, and in all 5 where nothing else named a city; its
        # county only in 12 of 30 (a city's portal files in its central district), so the city it stays
        cities = {r.office[:4] + "00" for r in found if r.office}
        city = cities.pop() if len(cities) == 1 else None
        place = city if city in g.divisions and g.divisions[city].level == CITY and g.is_under(city, first.province) \
            else first.province
        return _Mention(first.phrase, first.start, "body", W_MEDIA, (place,), "registration", resolved=place)

    def _national_wins(self, national: list[_Mention], text: dict[str, float], strong: dict[str, float]) -> bool:
        """A national body as the actor of the title or first sentence (教育部办公厅印发通知…) makes
        a national document, unless a province's own cues weigh more (a county relaying the
        notice names itself in the title too: a tie goes to the place)."""
        provinces = [c for c in text.keys() | strong.keys() if self.data.divisions[c].level == PROVINCE]
        top_strong = max((strong.get(c, 0.0) for c in provinces), default=0.0)
        top_text = max((text.get(c, 0.0) for c in provinces), default=0.0)
        in_title = sum(m.weight for m in national if m.field == "title")
        return in_title > top_strong if in_title else sum(m.weight for m in national) > top_text

    def _support(self, m: _Mention, mentions: list[_Mention]) -> str | None:
        """An ambiguous name that another name of the text backs up: 诸葛镇 and 李村镇 are each
        found in several counties, and in one city together (洛阳). The candidate whose city (or
        the candidate itself) more other names can mean wins; none if no candidate is backed."""
        g = self.data

        def area(code: str) -> str:
            div = g.divisions[code]
            return div.city or div.province if div.level == COUNTY else div.code

        others: dict[str, set[str]] = {}
        for o in mentions:
            if o is m or o.phrase == m.phrase or o.field in ("hint", "domain") or o.prefix_of is not None:
                continue
            codes = [o.resolved] if o.resolved else list(o.candidates)
            if o.resolved or o.readings <= _SUPPORT_MAX:  # 城关镇 (88 counties) backs everything and so nothing
                others.setdefault(o.phrase, set()).update(c for code in codes for c in (code, area(code)))
        ranked = sorted(((sum(1 for s in others.values() if area(c) in s or c in s), c) for c in m.candidates),
                        reverse=True)
        if ranked[0][0] > 0 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            return ranked[0][1]
        return None

    def _doc_numbers(self, title: str, body: str) -> list[_Mention]:
        """A document number that starts with a province's one-character name (闽教明电〔2012〕25号,
        豫教安〔2020〕3号): a provincial body's document, issued there or passed down."""
        out = []
        for fld, text in (("title", title), ("body", body)):
            year = _DOC_YEAR.search(text)
            if year is None:
                continue
            for m in _DOC_NUMBER.finditer(text, max(0, year.start() - _DOC_YEAR_REACH)):
                code = _PROVINCE_MARKS[m.group(1)]
                out.append(_Mention(m.group(0), m.start(), fld, W_LEAD, (code,), "doc_number", resolved=code))
        return out[:2]

    def _source_spans(self, body: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Spans of the values of "来源：…" / "发布机构：…" lines (an issuer: strong), and of the
        names of local outlets: media source lines, local datelines (本网钦南讯) and bylines
        (钟祥市融媒体中心 通讯员 X)."""
        issuer_spans: list[tuple[int, int]] = []
        media_spans: list[tuple[int, int]] = []
        for m in source_values(body):
            span = m.span(1) if m.group(1) else m.span(2)
            value = body[span[0]:span[1]]
            if junk_spans(value):
                continue  # 来源:XX游戏官方网站: a spam mirror's name for itself, no outlet's or issuer's
            if labels.MEDIA_SOURCE.match(body, m.start(), m.end() + 4) or _MEDIA_VALUE.search(value):
                media_spans.append(span)
            else:
                issuer_spans.append(span)
        if "讯" in body:  # every local dateline ends in 讯: no scan where there is none
            for m in LOCAL_DATELINE.finditer(body):
                group = next(i for i in (1, 2, 3) if m.group(i))
                media_spans.append(m.span(group))
        if "通讯员" in body or "记者" in body:
            media_spans += [m.span(1) for m in BYLINE_OUTLET.finditer(body)]
        return issuer_spans, media_spans

    def _deixis(self, words: dict[str, tuple[str, int, str]], mentions: list[_Mention], body: str) -> _Mention | None:
        """我县 / 全县 / 县委 / 本市: the one county (or city) the text names anywhere, even by a
        short form that found no city to confirm it (黑山 with 县委, 县政府 around it); where the
        text names several, the one whose office speaks last before the mark in its sentence
        (开封市教体局…宣布全市中小学停课, in a text naming 新乡市 too; not 学习郑州市…经验，要求全市);
        我校 / 全校: the one university it names (its campus unit)."""
        g = self.data
        if not words:
            return None
        units: dict[str, list[_Mention]] = {}
        # one university by name (two in one city are not "our school": 各受检学校…到达本校), not one named
        # as where a meeting was held
        venues = {m.phrase for m in mentions if m.kind == "institution" and m.field in _BODY_FIELDS
                  and _named_as_venue(body, m)}
        named_schools = {m.phrase: m.resolved or m.candidates[0] for m in mentions
                         if m.kind == "institution" and (m.resolved or len(m.candidates) == 1)
                         and m.phrase not in venues and not (m.field in _BODY_FIELDS and _listed_with_others(body, m))}
        for m in mentions:
            if m.field in ("hint", "domain"):
                continue
            codes = [m.resolved] if m.resolved else list(m.candidates)
            codes = [c for c in codes if g.divisions[c].level in (COUNTY, CITY) and c not in g.zones]
            if len(codes) == 1:
                units.setdefault(codes[0], []).append(m)
        for mark, (fld, start, phrase) in words.items():
            # a unit fits by its name today or as the text writes it (东乡县, a 区 since 2017, and 全县)
            fits = self._school_meant(phrase, start, fld, named_schools, mentions, body) if mark == "校" else [
                c for c in units if _deixis_fits(g.divisions[c], mark)
                or (mark != "市" and g.divisions[c].level == COUNTY and any(m.phrase.endswith(mark) for m in units[c]))]
            if mark == "区" and _REGION_SPEAKS.search(body):
                # where an autonomous region's body speaks (自治区教育厅主办的全区比赛), 全区 is the region: a
                # district the text names only by a short form (总部(滨江)) is no 区 it speaks for
                fits = [c for c in fits if any({"full", "alias"} & set(m.kind.split("/")) for m in units[c])]
            if not fits and mark == "市":
                # 全市 in a text that names only counties, two or more, all of one city (绥滨县、萝北县
                # 教育局…全市): that city's
                counties = [c for c in units if g.divisions[c].level == COUNTY]
                cities = {g.divisions[c].city for c in counties}
                city = cities.pop() if len(cities) == 1 else None
                if city is not None and len(counties) >= 2:
                    fits = [city]
            if len(fits) == 1:
                return _Mention(phrase, start, fld, W_DEIXIS, (fits[0],), "deixis", resolved=fits[0])
            if len(fits) > 1 and fld == "body" and mark != "校":
                sentence_start = enclosing(body, start, SENTENCE_STOPS)[0]  # a mark binds no further back
                before = [(m.start, c) for c in fits for m in units[c]
                          if m.field in _BODY_FIELDS and sentence_start <= m.start < start
                          and _OFFICE_AFTER.match(body, m.start + len(m.phrase))]
                if before:
                    code = max(before)[1]
                    return _Mention(phrase, start, fld, W_DEIXIS, (code,), "deixis", resolved=code)
        return None

    @staticmethod
    def _school_meant(phrase: str, start: int, fld: str, named_schools: dict[str, str],
                      mentions: list[_Mention], body: str) -> list[str]:
        """The place of the one university a 我校 / 本校 / 该校 stands for. 该校 points back to the
        school named last before it, which must be that university (a digest of cases tells a
        county school's story, then a university's; a stray paragraph names a university before
        the story of a county's school: their 该校 is the county's school, which places nothing)."""
        if len(named_schools) != 1:
            return []
        if phrase.startswith("该") and fld != "title":
            ends = [m.end() for m in _SCHOOL_WORD.finditer(body, 0, start)]
            if not ends or not any(m.kind == "institution" and m.field in _BODY_FIELDS
                                   and m.start < ends[-1] <= m.start + len(m.phrase) for m in mentions):
                return []
        return list(named_schools.values())

    def _level_mark(self, words: dict[str, tuple[str, int, str]], mentions: list[_Mention]) -> _Mention | None:
        """区委 / 全县 / 区、镇人大代表 pick among the readings of a name the text leaves open: 王府镇
        is a town of a 区 and of a 县, and a text that speaks of its 区 means the first. The mark
        binds when exactly one unit is left by it across the open names (devset: 2 texts hold a
        "区、镇" or "县、乡" pair, each fitting its labelled county). A township's short name before
        a school (水北幼儿园) is too weak to be picked so: it gave a wrong county on a held-out text."""
        g = self.data
        # the counties and cities the text names itself: a name one of whose readings is among them
        # is read by that (化龙镇 in a text naming 番禺), not by a mark (全市 fits 寿光市's 化龙镇 too)
        in_text = {m.resolved for m in mentions if m.resolved and g.divisions[m.resolved].level in (CITY, COUNTY)}
        for mark, (fld, start, phrase) in words.items():
            if mark == "校":
                continue
            picks: dict[str, list[_Mention]] = {}
            for m in mentions:
                if m.field in ("hint", "domain") or m.prefix_of is not None or len(m.candidates) < 2 \
                        or m.resolved in m.candidates or m.kind.startswith("town_short") \
                        or any(c in in_text or g.divisions[c].city in in_text for c in m.candidates):
                    continue  # a township's short name (水北幼儿园) is too weak to pick a reading by
                # the name's own readings (a renamed township's come after them)
                own = m.candidates[:m.exact] if m.exact > 1 else m.candidates
                if any(g.divisions[c].level == PROVINCE for c in own):
                    continue  # 我市 rules out no province: 海南 is the province as much as 青海's 海南州
                fits = [c for c in own if _deixis_fits(g.divisions[c], mark)
                        and (m.resolved is None or g.is_under(c, m.resolved))]
                if len(fits) == 1:
                    picks.setdefault(fits[0], []).append(m)
            if len(picks) == 1:
                code, named = next(iter(picks.items()))
                for m in named:
                    m.resolved, m.kind = code, m.kind + "/level"
                return _Mention(phrase, start, fld, W_DEIXIS, (code,), "level", resolved=code)
        return None

    def _vote(self, tally: _Tally, m: _Mention) -> None:
        if m.resolved is None:
            return
        in_body = m.field in _BODY_FIELDS or m.kind == "media"
        weight = m.weight
        reported = m.reported and self.data.divisions[m.resolved].level == PROVINCE
        if m.kind == "deixis":
            weight, in_body = W_DEIXIS, False
        tally.votes.add(self.data, m.resolved, weight, in_body)
        if (m.field in _STRONG_FIELDS and m.kind != "media" and not m.hint and not m.cut) or (m.kind == "deixis" and m.field == "title"):
            tally.strong.add(self.data, m.resolved, weight, False)
            if m.field not in ("hint", "domain") and not m.school:
                tally.named.add(self.data, m.resolved, weight, False)
                if reported:
                    tally.reported.add(self.data, m.resolved, weight, False)
            if m.field in _SPEAKER_FIELDS and m.kind != "deixis":
                tally.speaker.add(self.data, m.resolved, weight, False)
        if m.field == "lead":
            tally.lead.add(self.data, m.resolved, weight, False)
        if m.field not in ("hint", "domain"):
            tally.text.add(self.data, m.resolved, weight, in_body)
            # a cited document's issuer (《福建省教育厅关于…》, 闽教基〔2018〕13号) says which hierarchy the
            # text belongs to, not that it speaks for the whole unit: a school citing its province's,
            # then its county's notices is the county's
            if m.kind not in ("media", "deixis", "doc_number") and not m.school and not m.cited:
                tally.plain.add(self.data, m.resolved, weight, in_body)

    def _needs_context(self, m: _Mention) -> bool:
        """A short county name in the body, or before 学校 anywhere (文峰学校), is a place only if
        its city is named (its province, for the districts of a municipality and directly
        administered counties); not when written after its parent, nor right before one of its
        offices (大武口消防大队)."""
        if (m.field not in ("body", "lead") and not m.school_name) or m.linked or (m.office and len(m.candidates) == 1) \
                or (m.numbered and len(m.candidates) == 1 and len(self.data.lookup(m.phrase)) == 1):
            return False
        kinds = set(m.kind.split("/"))
        return "short" in kinds and not kinds & _OWN_KINDS and not kinds & _TOWN_KINDS and \
            self.data.divisions[m.candidates[0]].level == COUNTY

    def _choose(self, m: _Mention, context: dict[str, float]) -> str | None:
        g = self.data
        cands = m.candidates
        if {"short", "media"} & set(m.kind.split("/")):
            # 邵阳, 南昌, 吉林: a short name shared by a unit and its namesake inside it is the
            # larger unit (邵阳市, not 邵阳县; the county is written in full when it is meant), and
            # so is an outlet's (吉安晚报 is 吉安市's paper)
            cands = tuple(c for c in cands if not any(o != c and g.is_under(c, o) for o in cands)) or cands
        need_ctx = self._needs_context(m) and any(g.divisions[c].level == COUNTY for c in cands)

        def score(code: str) -> float:
            div = g.divisions[code]
            # a province reading is backed by the text naming that province (河北 in a title, 河北省
            # in the body: not 天津's 河北区 because 天津 is named once)
            s = context.get(div.province, 0.0) if div.level != PROVINCE else context.get(code, 0.0)
            if div.level == COUNTY and div.city:
                s += 2 * context.get(div.city, 0.0)
            if m.is_town and div.level == COUNTY:
                s += 3 * context.get(code, 0.0)  # a township of the county the text names
            return s

        scored = sorted(((score(c), c) for c in cands), reverse=True)
        best, code = scored[0]
        if need_ctx:
            # a short county name in the body needs its city named (or its parent written just before it)
            scored = sorted(((context.get(g.divisions[c].city or g.divisions[c].province, 0.0), c) for c in cands),
                            reverse=True)
            best, code = scored[0]
            if best > 0 and (len(scored) == 1 or best > scored[1][0]):
                return code
            return None
        if best > 0 and (len(scored) == 1 or best > scored[1][0]):
            return code
        if m.exact == 1 and len(m.candidates) > 1 and m.candidates[0] in cands:
            return m.candidates[0]  # 湾溪乡 as named today, not the 湾溪街道 that might have been a 湾溪乡
        current = [c for c in cands if c not in m.former]
        if len(current) == 1 and len(cands) > 1:
            return current[0]  # 东乡县: today's 东乡族自治县, not the 东乡区 that was 东乡县 until 2017
        # no context decides: the one candidate of the highest level wins, as a reader takes it
        # (河北 the province, not 天津's 河北区; 西安 the city, not 辽源's 西安区)
        top = min(g.divisions[c].level for c in cands)
        highest = [c for c in cands if g.divisions[c].level == top]
        if len(highest) == 1 and len(cands) > 1:
            return highest[0]
        # otherwise the level all candidates share, or nothing
        common = None
        for c in cands:
            chain = g.divisions[c].chain()
            common = chain if common is None else tuple(x for x, y in zip(common, chain, strict=False) if x == y)
        return common[-1] if common else None

    def _elsewhere_in_province(self, code: str, context: dict[str, float]) -> bool:
        """A township name several places share, placed by its province alone, while the text names
        another city of that province: the text's city is where it is (a township since merged away
        and missing from the table), not the namesake elsewhere in the province that the city's own
        province vote picked."""
        g = self.data
        div = g.divisions[code]
        if context.get(code, 0.0) > 0 or (div.city and context.get(div.city, 0.0) > 0):
            return False
        return any(w > 0 and c != div.city and g.divisions[c].level == CITY and g.divisions[c].province == div.province
                   for c, w in context.items())

    def _descend(self, tally: _Tally, actors: Callable[[], list[_Actor]], each_unit: set[int],
                 lone_decides: Callable[[], bool]) -> list[str]:
        """Walk down from the province. `strong` holds the votes of the title, the issuer, the
        source hint and the site domain: where they name a unit, the body cannot outvote them
        (a body that "learns from 杭州市上城区" does not move a document titled 汉阴县). Where
        they do not, the page's own text decides (`text`: a source hint that only names the
        province does not hold back the city the article names)."""
        g = self.data
        text, strong, plain, named = tally.text.total, tally.strong.total, tally.plain.total, tally.named.total
        chosen: list[str] = []
        parent: str | None = None
        # the lone cue's context is read only for the few texts whose cues are that light
        lone = not any(strong.values()) and self._one_weak_line(text) and lone_decides()
        while True:
            if parent is None:
                kids = [c for c in set(text) | set(strong)
                        if g.divisions[c].level == PROVINCE and (text.get(c, 0.0) > 0 or strong.get(c, 0.0) > 0)]
            else:
                kids = [c for c in g.children.get(parent, ()) if text.get(c, 0.0) > 0 or strong.get(c, 0.0) > 0]
            if not kids:
                break
            pick = self._dominant(kids, strong, strong.get(parent, 0.0) if parent else None)
            if pick is None:
                pick = self._tie_broken_by_text(kids, strong, text, named)
            if pick is None and parent is not None:
                pick = self._speakers_unit(parent, kids, tally.speaker.total, strong)
            if pick is None and not any(strong.get(c, 0.0) > 0 for c in kids):
                base = None
                if parent is not None:
                    # the parent's own weight holds the children back only where it says "the
                    # whole parent": in the text itself (an outlet's name says where the outlet is,
                    # not that the news is city-wide), or named by the title or issuer, whom the
                    # places the body names must then outweigh, twice over where several of them
                    # speak (省教育厅 and the counties that spoke), once where the body is about one
                    # (a 甘肃 headline over a report from one county's school); a news headline's bare
                    # province (河南一幼儿园…, `reported`) names where the story is, which the lead then
                    # names below it (河南焦作一幼儿园…): it holds nothing back there (a roundup's lead
                    # speaks of the province: 贵州各地…。其中，三都县…)
                    speaking = sum(1 for c in kids if text.get(c, 0.0) > 0)
                    reported = tally.reported.total.get(parent, 0.0) if any(tally.lead.total.get(c) for c in kids) else 0.0
                    base = max(sum(text.get(c, 0.0) for c in kids),
                               (2 if speaking > 1 else 1) * (named.get(parent, 0.0) - reported - sum(named.get(c, 0.0) for c in kids)),
                               plain.get(parent, 0.0) - reported - sum(plain.get(c, 0.0) for c in kids))
                pick = self._dominant(kids, text, base)
            if pick is None and parent is not None and len(kids) == 1 and \
                    strong.get(kids[0], 0.0) > 0 and text.get(kids[0], 0.0) > 0:
                # the one unit below named at all, by the title, issuer, hint or domain and by the
                # text itself: the district site's "上海市延安中学" page that says "位于长宁区"
                pick = kids[0]
            if pick is None and parent is not None:
                pick = self._lone_child(parent, kids, tally, actors(), g.divisions[parent].level + 1 in each_unit)
            if pick is None and len(kids) == 1 and lone:
                # the text's only cue, too weak to outvote anything (a university or a short name
                # named once in the body) but with nothing to outvote: a reader takes it
                pick = kids[0]
            if pick is None:
                break
            if pick in g.zones:
                # a development zone runs townships carved from its city's counties (和平街道 → 九华示范区);
                # the facets stop at the city for a zone, so a county of that city the text names
                # itself (雨湖新闻网) is where it is
                named_counties = [c for c in kids if c not in g.zones and text.get(c, 0.0) > 0]
                if len(named_counties) == 1:
                    pick = named_counties[0]
            chosen.append(pick)
            parent = pick
        return chosen

    @staticmethod
    def _speakers_unit(parent: str, kids: list[str], speaker: dict[str, float], strong: dict[str, float]) -> str | None:
        """The one unit below that the issuer's, source or signature lines name, where no other strong
        cue names another and none of those lines names the parent itself: a headline naming the
        province (湖南省关于做好汛期学校安全工作的紧急通知) says what the news is about, the bureau signing
        it (娄底市教育局) who speaks; a notice signed 湖南省教育厅 and reposted from 娄底 stays the province's."""
        named = [c for c in kids if speaker.get(c, 0.0) > 0]
        if len(named) != 1 or any(strong.get(c, 0.0) > 0 for c in kids if c != named[0]) or \
                speaker.get(parent, 0.0) > speaker[named[0]]:
            return None
        return named[0]

    @staticmethod
    def _tie_broken_by_text(kids: list[str], strong: dict[str, float], text: dict[str, float],
                            named: dict[str, float]) -> str | None:
        """Of units the title, issuer or source name equally (a digest's headline: 安新…信阳…), the one
        the rest of the text (its votes less those of the lines that tied) gives at least `TIE_MARGIN`
        times as much as each of the others."""
        top = max(strong.get(c, 0.0) for c in kids)
        tied = [c for c in kids if top > 0 and strong.get(c, 0.0) == top]
        if len(tied) < 2:
            return None
        ranked = sorted(((text.get(c, 0.0) - named.get(c, 0.0), c) for c in tied), reverse=True)
        return ranked[0][1] if ranked[0][0] >= TIE_MARGIN * ranked[1][0] and ranked[0][0] > 0 else None

    def _one_weak_line(self, text: dict[str, float]) -> bool:
        """The text names places only on one line of the tree (a university, a short name, once in
        the body), too lightly to pass `_dominant`'s floor: nothing disagrees, so it decides."""
        g = self.data
        if sum(w for c, w in text.items() if g.divisions[c].level == PROVINCE) >= 1.0:
            return False
        voted = [c for c, w in text.items() if w > 0]
        deepest = max(voted, key=lambda c: g.divisions[c].level, default=None)
        return deepest is not None and all(g.is_under(deepest, c) for c in voted)

    @staticmethod
    def _dominant(kids: list[str], votes: dict[str, float], parent_weight: float | None) -> str | None:
        """The child holding most of the weight: at least 1, at least half of its parent's (or of
        all provinces'), and no tie."""
        ranked = sorted(((votes.get(c, 0.0), c) for c in kids), reverse=True)
        w, code = ranked[0]
        base = parent_weight if parent_weight is not None else sum(v for v, _ in ranked)
        if w < 1.0 or w < 0.5 * base or (len(ranked) > 1 and ranked[1][0] == w):
            return None
        return code

    def _result(self, chosen: list[str], mentions: list[_Mention], has_text: bool = True) -> RegionResult:
        g = self.data
        province = city = county = None
        for code in chosen:
            div = g.divisions[code]
            if div.level == PROVINCE:
                province = div.name
            elif div.level == CITY:
                city = div.name
            else:
                county = div.name
        if chosen and chosen[-1] in g.zones:
            county = None  # a development zone: its code is kept, the facets stop at its city
        names = [g.divisions[c].name for c in chosen if c not in g.zones]
        path = RegionPath(
            lvl0=names[0] if names else None,
            lvl1=_SEP.join(names[:2]) if len(names) > 1 else None,
            lvl2=_SEP.join(names[:3]) if len(names) > 2 else None,
        )
        on_path = set(chosen)
        secondary: list[str] = []
        evidence: list[Evidence] = []
        if not chosen and has_text:
            # say why there is no region: a national document, no cue at all, or cues that disagree
            national = [m for m in mentions if m.kind == "national"]
            named = sorted({g.divisions[m.resolved].name for m in mentions if m.resolved})
            if national:
                evidence += [Evidence(label="", phrase=m.phrase, start=m.start, field=m.field, rule="region:national")
                             for m in national]
            else:
                evidence.append(Evidence(label="", phrase="、".join(named[:5]), field="body",
                                         rule="region:conflict" if named else "region:none"))
        for m in mentions:
            if not m.resolved:
                continue
            if m.resolved in on_path:
                if len(evidence) < 20:
                    evidence.append(Evidence(label=m.resolved, phrase=m.phrase, start=m.start if m.field not in (
                        "hint", "domain") else None, field=m.field, rule=f"region:{m.kind}"))
                continue
            if m.field in ("hint", "domain") or m.prefix_of is not None or m.kind == "media":
                continue  # an outlet's name (来源：东方资讯) says where it is based, not what the text is about
            if any(m.resolved in g.divisions[c].chain() for c in chosen):
                continue  # an ancestor of the chosen unit, already on the path
            name = g.divisions[m.resolved].name
            if name not in secondary and len(secondary) < 20:
                secondary.append(name)
        return RegionResult(province, city, county, list(chosen), path, secondary, evidence)

    def _hint_code(self, hint: str | None) -> str | None:
        """The deepest unit a source's hint names: "陕西省 > 安康市 > 汉阴县", "陕西省安康市汉阴县",
        "陕西 安康 汉阴" all give 610921. Each name must sit under the one before it."""
        if not hint:
            return None
        g = self.data
        text = re.sub(r"[>＞/|,，、\s]+", " ", to_simplified(hint)).strip()
        parent: str | None = None
        for _, _, _, entries, _ in self._scan(text, towns=False):
            options = [e.code for e in entries if e.kind != "generic"]
            if parent:
                options = [c for c in options if c != parent and g.is_under(c, parent)]
            if len(options) != 1:
                break
            parent = options[0]
        return parent

    def _one_site_witness(self, mentions: list[_Mention]) -> list[_Mention]:
        """The host name, the footer's owner, the site code and a welcome banner each say whose
        site the page is on: one witness, not four (a county portal's copy of a provincial notice
        stays the province's, as with its host alone). Of the site's cues on one line of the tree
        only the deepest votes; cues that disagree all stay."""
        g = self.data
        site = sorted((m for m in mentions if m.field == "domain" and len(m.candidates) == 1),
                      key=lambda m: -g.divisions[m.candidates[0]].level)
        kept: list[_Mention] = []
        dropped: set[int] = set()
        for m in site:
            if any(g.is_under(k.candidates[0], m.candidates[0]) for k in kept):
                dropped.add(id(m))
            else:
                kept.append(m)
        return [m for m in mentions if id(m) not in dropped] if dropped else mentions

    def _site_code(self, code: str | None) -> str | None:
        """The unit a government site's code names; a county's code retired since the site was
        registered (a county become a district) still names its city."""
        if not code:
            return None
        for candidate in (code, code[:4] + "00", code[:2] + "0000"):
            if candidate in self.data.divisions:
                return candidate
        return None

    def _domain_code(self, domain: str | None) -> str | None:
        """The unit a site's host names: a suffix listed in the aliases file (jyt.shanxi.gov.cn),
        or a label that is the pinyin of exactly one unit's name (huanxian.gov.cn → 环县,
        jyj.linfen.gov.cn → 临汾市; of a unit and units inside it, the outer one: benxi → 本溪市), possibly after its province's or city's initials or pinyin
        (sxxingxian → 山西 兴县). Hosts outside gov.cn / edu.cn / a place's own domain are not read
        for pinyin: a news portal's name is not where the news is."""
        if not domain:
            return None
        host = domain.lower().strip().split("://")[-1].split("/")[0].split(":")[0]
        best = None
        for suffix, code in self.data.domains.items():
            matches = host == suffix or host.endswith("." + suffix)
            if matches and (best is None or len(suffix) > len(best[0])):
                best = (suffix, code)
        if best:
            return best[1]
        if not host.endswith(".gov.cn"):
            return None
        found: set[str] = set()
        for label in host.split(".")[:-2]:
            if label in _HOST_WORDS or not label.isalpha() or len(label) < 4:
                continue
            found |= self._pinyin_units(label)
        deepest = [c for c in found if not any(o != c and self.data.is_under(o, c) for o in found)]
        return deepest[0] if len(deepest) == 1 else None

    def _pinyin_units(self, label: str) -> set[str]:
        g = self.data
        direct = set(g.pinyin.get(label, ()))
        if direct:
            # units that nest share a pinyin (本溪市 and its 本溪满族自治县): the bare name is the
            # outer one's site (www.benxi.gov.cn), the inner one's adds a mark (bxx, benxixian)
            outer = [c for c in direct if all(o == c or g.is_under(o, c) for o in direct)]
            return set(outer)
        out: set[str] = set()
        for cut in range(2, min(len(label) - 4, 12) + 1):
            head, tail = label[:cut], label[cut:]
            for code in g.pinyin.get(tail, ()):
                if any(head in g.host_prefixes.get(p, ()) for p in g.divisions[code].chain()[:-1]):
                    out.add(code)
        return out if len(out) == 1 else set()

    def lookup_prefix(self, text: str, under: str | None = None) -> tuple[str, str] | None:
        """The unit a text starts with (邯郸市教育局 → ("130400", "邯郸市")), if unambiguous.

        `under` keeps only units inside that one (朝阳区 after 北京市 is 110105)."""
        text = to_simplified(text)
        matches = [m for m in self._scan(text, towns=False) if m[0] == 0]
        if not matches:
            return None
        _, _end, name, entries, _ = matches[0]
        codes = tuple(dict.fromkeys(e.code for e in entries))
        if under:
            codes = tuple(c for c in codes if c != under and self.data.is_under(c, under))
        if len(codes) != 1:
            return None
        return codes[0], name


# Host labels that are not places: the kind of site or office (www, jyj = 教育局, jyt = 教育厅).
_HOST_WORDS = frozenset(["www", "gov", "edu", "com", "net", "org", "jyj", "jyt", "jw", "jtj", "jyw", "news", "mail",
                         "zwgk", "xxgk", "portal", "web", "home", "info"])


@lru_cache(maxsize=4)
def _default_gazetteer(path: Path) -> Gazetteer:
    return Gazetteer(default_data(path))
