"""Chinese-aware clean-up of extracted article text. Pure functions, precompiled patterns.

`clean_body` runs the whole chain and reports what it took out that is worth keeping
(source line, byline, a date line from the article header). The steps are also usable alone:
`normalize_spaces`, `join_broken_lines`, `remove_cjk_spaces`, `strip_pinyin`,
`drop_boilerplate`, `repair_mojibake`, `find_mojibake`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median

from indexer.text import labels
from indexer.text.chinese import CJK_PUNCT, HAN, is_han
from indexer.text.mojibake import find_mojibake, repair_mojibake

__all__ = [
    "Cleaned", "clean_body", "clean_title", "drop_boilerplate", "find_mojibake", "is_caption", "is_photo_note",
    "join_broken_lines", "normalize_spaces", "remove_cjk_spaces", "repair_mojibake", "strip_pinyin",
]

# ---------------------------------------------------------------- character classes
_HAN = HAN
_CJK_PUNCT = CJK_PUNCT
_CJK = f"{_HAN}{_CJK_PUNCT}"
_TERMINAL = "。！？!?；;…"  # a line ending with one of these may end a paragraph
_CLOSERS = "”’」』）)》】"

_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
_IDEO_SPACE = re.compile(r"\u3000+")
_SPACED_RUN = re.compile(rf"[{_CJK}]+(?: +[{_CJK}]+)+")
_CJK_PUNCT_SET = frozenset("，。、：；！？“”‘’《》（）「」『』【】—…·")
_SPACE_CJK_DIGIT = re.compile(rf"(?<=[{_HAN}]) ?(\d[\d.,:%]*) ?(?=[{_HAN}])")
_SPACE_AROUND_PUNCT = re.compile(rf"[ ]+(?=[{_CJK_PUNCT}])|(?<=[{_CJK_PUNCT}])[ ]+")

# Pinyin glued after a hanzi: 穩(wěn) 學(xué). Tone marks make it certain; bare syllables only
# count when the text shows several marked ones.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv{_TONED}][a-zü{_TONED}]{{0,4}}"
_PINYIN_PAREN = re.compile(rf"(?<=[{_HAN}])[(（]({_PINYIN_SYLLABLE})[)）]")
# … and the space a converter left after one, between two hanzi ('書(shu) 記'): both go
_PINYIN_GLUED = re.compile(rf"{_PINYIN_PAREN.pattern}(?: (?=[{_HAN}]))?")
_HAS_TONE = re.compile(f"[{_TONED}]")

# ---------------------------------------------------------------- boilerplate lines
_EDITOR = re.compile(
    r"^[\[【(（]?\s*(责任编辑|責任編輯|编辑|編輯|责编|責編|审核|審核|值班总编|值班總編|校对|校對|审校|審校|初审|初審|"
    r"复审|復審|终审|終審|一审|一審|二审|二審|三审|三審|主编|主編|监制|監制|签发|簽發|美编|美編|排版|网络编辑|網絡編輯)"
    rf"(?:\s*[:：/|]\s*.{{0,60}}|\s+[{_HAN}·]{{2,4}}(?:[\s、,，]+[{_HAN}·]{{2,4}})*\s*[\]】)）]?)$"
)
_EDITOR_SUFFIX = re.compile(r"^.{2,24}(编辑|編輯)[)）\]】]?$")
_DISCLAIMER = re.compile(
    r"转载自|轉載自|版权归|版權歸|版权所有|版權所有|转载请注明|轉載請註明|未经授权|未經授權|侵犯您的权益|侵犯您的權益|"
    r"如有侵权|如有侵權|不代表本站|不代表本网|不代表本網|仅代表作者|僅代表作者|^\*?声明[:：]|^\*?聲明[:：]|免责声明|免責聲明|"
    r"与本站联系|與本站聯繫|联系删除|聯繫刪除|本文来源于网络|本文來源於網絡"
)
# A line that forbids reprinting the article (版权作品，未经授权严禁转载; 本文由X原创出品，未经许可请勿转载): past
# the article's prose, what follows it is the page's (related headlines: “湘超”长沙队), as after 相关阅读.
_REPRINT_BAN = re.compile(r"未[经經](?:本[网網站报報刊])?(?:[书書]面)?(?:授[权權]|许可|許可|同意)[^。\n]{0,20}?(?:[转轉][载載]|[复複]制|摘[编編]|[镜鏡]像)")
_PHOTO_NOTE = re.compile(r"^[（(]?\s*(资料图片?|資料圖片?|图片来源|圖片來源|图片仅供参考|圖片僅供參考)[^。]{0,20}[)）]?$")
_AD = re.compile(
    r"需要的自取|自行下载|自行下載|云盘下载|雲盤下載|网盘下载|網盤下載|扫码下载|掃碼下載|点击下载|點擊下載|立即下载|立即下載|"
    r"娱乐城|娛樂城|百家乐|百家樂|真人娱乐|真人娛樂|时时彩|時時彩|老虎机|老虎機|送彩金|注册就送|註冊就送|"
    r"无痛人流|無痛人流|割包皮|阳痿|陽痿|早泄|哪家医院好|哪家醫院好|医院排名|醫院排名|加微信|加VX"
)
# words that are news in a sentence but an advert next to a web address
_AD_WEAK = re.compile(r"博彩|彩票|男科|妇科|婦科|不孕不育|医院|醫院|免费|免費|下载|下載|资料|資料|网址|網址")
_URL_IN_LINE = re.compile(r"www\.|https?://|\.(?:com|net|cn|cc|vip|top)\b", re.I)
_URL_TAIL = re.compile(r"^[\x21-\x7e]*")  # an address runs on to the first character that is not ASCII
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
_PARAGRAPH_MIN = 120
_SENTENCE_MIN = 8
_WIDGET_TOKEN = (
    r"分享到|分享至|分享|打印本页|打印本頁|打印|关闭窗口|關閉窗口|关闭|關閉|收藏|返回顶部|返回頂部|返回|"
    r"扫一扫|掃一掃|微信扫一扫|微信|微博|QQ空间|QQ|朋友圈|我要纠错|我要糾錯|纠错|字号|字號|字体|字體|大|中|小|默认|"
    r"上一篇|下一篇|相关链接|评论|評論|点赞|點贊|阅读原文|閱讀原文|复制链接|複製鏈接|手机看|【|】|\[|\]|[:：|/·\s]"
)
_WIDGET_LINE = re.compile(rf"^(?:{_WIDGET_TOKEN})+$")
_PAGER = re.compile(r"^(上一篇|下一篇|上一条|下一条|上一條|下一條|上一页|下一页|上一頁|下一頁)[:：].{0,60}$")
_KEYWORDS = re.compile(r"^(关键词|關鍵詞|关键字|關鍵字|标签|標籤|Tags?)\s*[:：]")
_BREADCRUMB_HEAD = re.compile(rf"^({'|'.join(labels.BREADCRUMB_HEADS)})\s*[:：]")
_BREADCRUMB_SEP = re.compile(rf"\s*{labels.BREADCRUMB_SEP}\s*")
_BREADCRUMB_WORDS = re.compile(r"首页|首頁|内容页|內容頁|正文|主页|主頁")
_VIEWS = re.compile(r"(浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問)(次数|次數|量|数|數)?\s*[:：]?\s*\d*\s*次?")
_DATE_IN_LINE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_NUMBER_ONLY = re.compile(r"^[\d,\s]+$")
# A header line of a date and the outlet it came from, without a label: "2022-11-10 06:35:51山西日报",
# after the site's name at times ("青岛新闻网 2006-11-09 03:18:36 青岛早报").
_DATED_OUTLET = re.compile(rf"^\s*(?:[\u4e00-\u9fff]{{2,12}}(?:网|台|报)\s*)?{_DATE_IN_LINE.pattern}日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*"
                           r"([\u4e00-\u9fff]{2,12}(?:报|网|台|社|新闻|发布|融媒体中心|客户端))\s*$")
_BYLINE = re.compile(
    r"^[（(]?\s*(?:(?:全媒体|全媒體|融媒体|融媒體|本报|本報|本刊|本网|本網|特约|特約|见习)?(?:记者|記者)|通讯员|通訊員|作者|文/图|文/圖|文|图|圖|摄影|攝影)"
    rf"\s*[:：/]?\s*[{_HAN}·]{{2,4}}(?:\s*[、,，\s]\s*[{_HAN}·]{{2,4}})*"
    rf"(?:\s+(?:(?:全媒体|本报)?(?:记者|記者)|通讯员|通訊員|实习生|實習生|文/图|文/圖|摄影|攝影|图|圖)\s*[:：/]?\s*[{_HAN}·]{{0,4}}(?:\s*[、,，]\s*[{_HAN}·]{{2,4}})*)*\s*[)）]?$"
)

@dataclass
class Cleaned:
    body: str
    source: str | None = None
    author: str | None = None
    header_lines: list[str] = field(default_factory=list)
    mojibake_spans: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------- steps
def normalize_spaces(text: str) -> str:
    """Unify line endings and exotic spaces; ideographic spaces between words become one space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _IDEO_SPACE.sub(" ", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def remove_cjk_spaces(line: str) -> str:
    """'深 度 剖 析' → '深度剖析', '对 2024 年' → '对2024年'; Latin text keeps its spaces.

    Bylines ('记者 张三 通讯员 李四') keep theirs: there the spaces separate names.
    """
    if " " not in line or (len(line) <= 40 and _BYLINE.match(line)):
        return line
    line = _SPACED_RUN.sub(_squeeze, line)
    line = _SPACE_AROUND_PUNCT.sub("", line)
    return _SPACE_CJK_DIGIT.sub(r"\1", line)


def _squeeze(match: re.Match[str]) -> str:
    """Letter-spaced runs lose their spaces; a space between two words ('未雨绸缪 提前排查') stays."""
    tokens = match.group(0).split()
    out = [tokens[0]]
    for prev, token in itertools.pairwise(tokens):
        if len(prev) > 1 and len(token) > 1 and prev[-1] not in _CJK_PUNCT_SET and token[0] not in _CJK_PUNCT_SET:
            out.append(" ")
        out.append(token)
    return "".join(out)


# Syllables glued after hanzi without tone marks ('關(guan)於(yu)'): pinyin when a text has this many,
# an English word in brackets ('手机(app)') when it has one or two; a roman numeral ('(iv)') is neither.
_UNTONED_MIN = 5
_ROMAN = re.compile(r"[ivx]+")


def strip_pinyin(text: str) -> str:
    """Remove pinyin glued after hanzi ('穩(wěn)定' → '穩定', '關(guan)於(yu)' where a text has many);
    keep '(PM2.5)', '（一）'."""
    if "(" not in text and "（" not in text:
        return text
    matches = _PINYIN_PAREN.findall(text)
    if not matches:
        return text
    toned = sum(1 for m in matches if _HAS_TONE.search(m))
    untoned = sum(1 for m in matches if not _HAS_TONE.search(m) and not _ROMAN.fullmatch(m))
    if toned >= 3 or untoned >= _UNTONED_MIN:
        # a converter that ran twice glued two ('省(sheng)(sheng)'): the second follows the first
        for _ in range(3):
            text, found = _PINYIN_GLUED.subn("", text)
            if not found:
                break
        return text
    if toned == 0:
        return text
    return _PINYIN_GLUED.sub(lambda m: "" if _HAS_TONE.search(m.group(1)) else m.group(0), text)


def _ends_sentence(line: str) -> bool:
    tail = line.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINAL


def _column_width(lines: list[str]) -> float | None:
    """The typeset width of narrow-column (OCR, e-paper) text, or None for ordinary text.

    Column text: lines of steady length (median ≤ 24), most of them cut mid-word (ending in
    a hanzi or a digit, not in punctuation — which keeps verse and lists out), hardly any of
    them twice the width.
    """
    lengths = [len(x) for x in lines if len(x) > 3]
    if len(lengths) < 4:
        return None
    width = median(lengths)
    filled = [x for x in lines if x]
    cut = sum(1 for x in filled if is_han(x[-1]) or x[-1].isalnum())
    steady = sum(1 for n in lengths if 0.75 * width <= n <= 1.15 * width + 1)
    needed = 0.6 if len(lengths) >= 6 else 0.75
    # a column holds no line twice its width: a notice's salutation, one long paragraph and a
    # two-line signature are short lines around prose, not a column
    overlong = sum(1 for n in lengths if n > 2 * width + 2)
    if width <= 24 and cut >= 0.5 * len(filled) and steady >= needed * len(lengths) and overlong <= 0.1 * len(lengths):
        return width
    return None


def join_broken_lines(text: str) -> str:
    """Rejoin lines broken mid-sentence; keep real paragraph breaks.

    Narrow-column text (median line ≤ 24 characters, most lines unfinished) is joined unless a
    line ends a sentence and is shorter than the column, or ends a sentence before a blank line.
    In ordinary text only lines ending in '，' / '、' (or an opening quote) are joined.
    """
    lines = text.split("\n")
    width = _column_width(lines)
    out: list[str] = []
    current = ""
    blank_before = False
    for line in lines:
        if not line:
            blank_before = True
            continue
        if current and _continues(current, line, width, blank_before):
            current += line if not (current[-1].isascii() and line[0].isascii()) else " " + line
        else:
            if current:
                out.append(current)
            current = line
        blank_before = False
    if current:
        out.append(current)
    return "\n".join(out)


def _continues(prev: str, line: str, width: float | None, blank_before: bool) -> bool:
    last, first = prev[-1], line[0]
    if (len(line) <= 40 and _BYLINE.match(line)) or (len(prev) <= 40 and _BYLINE.match(prev)):
        return False
    if first in "（(【[" and len(line) < 40 and not is_han(line[1:2] or "x"):
        return False
    if width is None:
        # short lines ending in '，' are verse or list items, not broken sentences
        return not blank_before and len(prev) > 12 and last in "，、“（(《" and (is_han(first) or first in "“《（")
    if _ends_sentence(prev):
        return not blank_before and len(prev) >= width - 1
    if last in "，、：:“（(《" or is_han(last) or last.isdigit() or last in "”）》":
        return is_han(first) or first.isdigit() or first in "“”‘’《（(，、。！？；：…—" or first.isalpha()
    return False


def drop_boilerplate(lines: list[str], title: str | None = None) -> tuple[list[str], Cleaned]:
    """Remove widget, editor, disclaimer, ad, related-list and header lines.

    Returns the kept lines and a `Cleaned` holding the source line, the byline and the removed
    header lines (the latter may carry the publication date).
    """
    info = Cleaned(body="")
    kept: list[str] = []
    n = len(lines)
    for i, line in enumerate(lines):
        if labels.FOLLOWING_HEAD.match(line):
            if _has_prose(kept) and (i >= n // 3 or i > 3):
                break  # the rest is a list of other articles
            continue  # an empty widget's heading above the article (相关链接: in a page's header)
        if _KEYWORDS.match(line) and i >= n // 2:
            continue
        if i >= n // 2 and _REPRINT_BAN.search(line) and _has_prose(kept):
            break  # the article ended with its rights line
        line = _without_glued_ads(line)
        if not line or _is_noise(line):
            continue  # (a paragraph that was all ads, sentence after sentence, is nothing left)
        if (source := labels.SOURCE_LINE.match(line)) and len(line) <= 45:
            info.source = info.source or source.group(1)
            continue
        in_header = not kept or (
            len(kept) <= 3 and all(len(k) <= 30 and not _ends_sentence(k) and k[-1] not in ":：" for k in kept)
        )
        if in_header and (
            _is_header_line(line, title)
            or (len(line) <= 8 and i + 1 < n and not _ends_sentence(line) and line[-1] not in ":："
                and _is_header_line(lines[i + 1], None)
                and not _byline(lines[i + 1]))
        ):
            info.header_lines.append(line)
            if not info.source and (src := labels.HEADER_SOURCE.search(line) or _DATED_OUTLET.match(line)):
                info.source = src.group(1)
            if (byline := _byline(line)) and not info.author:
                info.author = byline
            continue
        kept.append(line)
    # trailing bylines ("记者 X 通讯员 Y") belong in `author`, not the text
    while kept and (byline := _byline(kept[-1])):
        info.author = info.author or byline
        kept.pop()
    while kept and _is_noise(kept[-1]):
        kept.pop()
    return kept, info


def _has_prose(lines: list[str]) -> bool:
    """Whether the lines kept so far hold the article's prose (a sentence's end or a paragraph's
    length): past it, a related-list heading or a rights line ends the article."""
    return any(_ends_sentence(k) or len(k) >= _PARAGRAPH_MIN for k in lines)


def is_photo_note(line: str) -> bool:
    """A photo's note: "(资料图片仅供参考)", "图片来源：网络"."""
    return bool(_PHOTO_NOTE.match(line))


def _without_glued_ads(line: str) -> str:
    """A paragraph (`_PARAGRAPH_MIN` characters or more) with an ad glued into it loses the ad's
    sentence, not itself: "北京哪里医院看白癜风比较好 https://…/为进一步加强…。顺昌县教育局…" keeps
    its second sentence (and an ad glued before an address loses only itself and the address)."""
    if len(line) < _PARAGRAPH_MIN or not (_AD.search(line) or _URL_IN_LINE.search(line)):
        return line
    kept = []
    for sentence in _SENTENCE.findall(line):
        url = _URL_IN_LINE.search(sentence)
        if url and _AD_WEAK.search(sentence, 0, url.start()) and not _AD.search(sentence):
            sentence = _URL_TAIL.sub("", sentence[url.start():], count=1)  # the article goes on after the address
            if len(sentence) < _SENTENCE_MIN:
                continue  # only a word or two after it ("…可在www…下载。"): the sentence was the note
        if sentence and not _AD.search(sentence) and not (_URL_IN_LINE.search(sentence) and _AD_WEAK.search(sentence)):
            kept.append(sentence)
    return "".join(kept)


def _is_noise(line: str) -> bool:
    if len(line) <= 80 and (_EDITOR.match(line) or _EDITOR_SUFFIX.match(line)):
        return True
    if len(line) <= 200 and _DISCLAIMER.search(line):
        return True
    if is_photo_note(line) or _AD.search(line) or _PAGER.match(line):
        return True
    if _URL_IN_LINE.search(line) and _AD_WEAK.search(line):
        return True
    if len(line) <= 60 and _WIDGET_LINE.match(line):
        return True
    return _is_breadcrumb(line)


def _is_breadcrumb(line: str) -> bool:
    if len(line) > 80:
        return False
    if _BREADCRUMB_HEAD.match(line):
        return True
    parts = _BREADCRUMB_SEP.split(line)
    return len(parts) >= 3 and all(0 < len(p) <= 12 for p in parts) and bool(_BREADCRUMB_WORDS.search(line) or len(parts) >= 4)


def _is_header_line(line: str, title: str | None) -> bool:
    """A line of the article header: repeated title, date/source/views line, view count, short author tag."""
    if title and (line == title or (len(line) > 4 and line.replace(" ", "") == title.replace(" ", ""))):
        return True
    if len(line) > 90 or (_ends_sentence(line) and len(line) > 30):
        return False
    if _NUMBER_ONLY.match(line):
        return True
    if _DATE_IN_LINE.search(line) and (len(line) <= 40 or labels.HEADER_LABEL.search(line)) and not line.endswith("。"):
        return True
    if labels.HEADER_LABEL.search(line) and len(line) <= 60:
        return True
    if _VIEWS.fullmatch(line.strip()):
        return True
    return bool(_byline(line))


def _byline(line: str) -> str | None:
    if len(line) > 40 or not _BYLINE.match(line):
        return None
    return line.strip("（()）")


# ---------------------------------------------------------------- the chain
def clean_body(text: str, title: str | None = None, *, join_lines: bool = True) -> Cleaned:
    """Raw extracted text → cleaned body plus what was learnt on the way."""
    text = normalize_spaces(text)
    text = repair_mojibake(text)
    text = strip_pinyin(text)
    if join_lines:
        text = join_broken_lines(text)
    lines = [remove_cjk_spaces(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    kept, info = drop_boilerplate(lines, title)
    info.body = "\n".join(kept)
    info.mojibake_spans = find_mojibake(info.body)
    return info


# A label before a forum topic ("主题：…") and a page counter after it ("(页 1)", "（第2页）").
_TITLE_LABEL = re.compile(r"^(?:主\s*[题題]|[标標]\s*[题題]|[题題]\s*目|名\s*[称稱])\s*[:：]\s*")  # "标 题：" in an info box
_TITLE_PAGE = re.compile(r"\s*[(（]\s*(?:页|頁|第)\s*\d+\s*[页頁]?\s*[)）]\s*$")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_TITLE_TRAIL = re.compile(r"(?:\s*[-–—_|·])+\s*$")  # a blog's "标题- -" separator
# A reprint's note of the headline it had (原标题：…, （原标题：…）, 核心提示：原标题：…): the headline itself.
_ORIGINAL_TITLE = r"原\s*[标標]\s*[题題]\s*[:：]"
_REPRINT_LABEL = re.compile(rf"^(?:核心提示\s*[:：]\s*)?([(（]?)\s*{_ORIGINAL_TITLE}\s*")
_REPRINT_NOTE = re.compile(rf"[(（]\s*{_ORIGINAL_TITLE}[^()（）]*[)）]")


# A row of a 信息公开 box ("发布机构：… | 关键词：…", "信息分类： 内容分类： 校园安全").
_INFO_ROW = re.compile(rf"(?:{labels.alternation(labels.INFO_TABLE, labels.ISSUER, ('关键词', '内容概述', '内容分类', '废止日期'))})\s*[:：|｜]")
# The greeting that opens a letter ("你们好！", "大家好!").
_GREETING = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:你们好|您们好|大家好|您好|你好)[!！。]?$")
_OPENING_TITLE = 60
_OPENING_LINES = 5  # past these, the page has no opening line to offer
# Whom a letter or a notice addresses ("各单位：", "尊敬的家长朋友：", "各设区市、省直管县（市）教育局："),
# not a sentence that announces a list ("教育部通报了近期发生的数起事件：").
_SALUTATION = re.compile(r"^(?:各|尊敬|亲爱|親愛|敬爱|敬愛|致|全体|全體).{0,38}[:：]$")
_BARE_LABEL = re.compile(r"^.{1,5}[:：]$")  # "原标题：" with its value elsewhere
# A photo's caption or credit ("图为疏散演练。肖亭摄", "事故现场 警方供图", "（相关资料图）"): no opening line.
_CAPTION = re.compile(r"(?:(?<!拍)[摄攝]|供\s*[图圖]|截[图圖]|[资資]料[图圖]片?)\s*[)）]?$")
_CAPTION_MAX = 80
# A reporter's byline opening the first paragraph (本报讯(记者 X 通讯员 Y) ), and how much must follow it.
_LEADING_BYLINE = re.compile(r"(?:本报|本報|本台|本刊|本网|本網)[讯訊]\s*" + labels.REPORTERS_IN_BRACKETS + r"\s*")
_AFTER_BYLINE = 30


def is_caption(line: str) -> bool:
    """A photo's caption or credit line: it stays in the body (its outlet or place may say where the
    news is) but is no headline."""
    return len(line) <= _CAPTION_MAX and bool(_CAPTION.search(line))


# An event's "地点：…" row (of a 时间 / 地点 / 经过 summary; a mirror may glue pinyin after 点): where it
# happened, no headline.
_PLACE_ROW = re.compile(r"^\s*(?:事发|事發|活动|活動)?(?:地点|地點)(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）])?\s*[:：]")


def is_info_row(line: str) -> bool:
    return bool(_INFO_ROW.search(line) or _PLACE_ROW.match(line))


def is_greeting(line: str) -> bool:
    return bool(_GREETING.match(line.strip()))


@lru_cache(maxsize=8)
def opening_line(body: str) -> tuple[int, str]:
    """Where the body's first line that says something starts, and that line (stripped): not a row
    of an info box, a salutation "各单位：", a greeting or a photo's caption, and past a paper's byline
    that opens it (本报讯(记者 X) 为…); the first line when the first few are all such; (0, "") for an
    empty body. The last few bodies' are remembered (both taggers ask)."""
    first: tuple[int, str] | None = None
    seen, pos = 0, 0
    for raw in body.split("\n"):
        text = raw.strip()
        if text:
            here = (pos + len(raw) - len(raw.lstrip()), text)
            first = first or here
            if not (is_info_row(text) or is_greeting(text) or _SALUTATION.match(text) or _BARE_LABEL.match(text)
                    or is_caption(text)):
                byline = _LEADING_BYLINE.match(text)
                if byline and len(text) - byline.end() >= _AFTER_BYLINE:
                    # 本报讯(记者 X 通讯员 Y) 为进一步…: the sentence the byline opens
                    return here[0] + byline.end(), text[byline.end():]
                return here
            seen += 1
            if seen == _OPENING_LINES:
                break
        pos += len(raw) + 1
    return first or (0, "")


def opening_title(body: str) -> str:
    """The title of a page that shows no headline: its opening line (`opening_line`), cut to a
    title's length (a reprint's 原标题： note taken off)."""
    return without_reprint_label(opening_line(body)[1])[:_OPENING_TITLE]


def cut_from_opening(title: str, body: str) -> bool:
    """Whether `title` is the opening line cut at a title's length (`opening_title`), mid-sentence:
    that paragraph's words, not a headline. A headline the line repeats with a site's name after it
    (X县开展…-X政企信息) is shorter than the cut; one the extractor joined to the first paragraph
    on its line is as long as it is, which is hardly ever exactly the cut."""
    line = opening_line(body)[1]
    return len(title) == _OPENING_TITLE and len(line) > len(title) and line.startswith(title)


def without_reprint_label(title: str) -> str:
    """The headline a reprint notes it had (原标题：X, （原标题：X）), without the note; a headline
    with a bracketed note of its old one beside it (（原标题：X）Y, Y（原标题：X）) is Y."""
    note = _REPRINT_NOTE.search(title)
    if note and title[:note.start()].strip() + title[note.end():].strip():
        return (title[:note.start()] + title[note.end():]).strip()
    label = _REPRINT_LABEL.match(title)
    if not label:
        return title
    rest = title[label.end():]
    return rest[:-1] if label.group(1) and rest.endswith((")", "）")) else rest


def title_run_on(title: str, body: str, phrases: Callable[[str], Iterable[tuple[int, int]]],
                 reach: int | None = None) -> str:
    """A title `opening_title` cut from the body's opening line, run on to the end of a phrase the
    cut splits (湖南省衡阳市蒸|湘区, 学生私拉乱接|电线): `phrases` gives the (start, end) of the phrases
    a tagger reads in a text, looked for within `reach` characters of the cut (the whole line when
    None). Any other title comes back as it is."""
    line = opening_line(body)[1]
    cut = len(title)
    if not title or len(line) <= cut or not line.startswith(title):
        return title
    offset = 0 if reach is None else max(0, cut - reach)
    window = line if reach is None else line[offset:cut + reach]
    ends = [offset + end for start, end in phrases(window) if offset + start < cut < offset + end]
    return line[:max(ends)] if ends else title


def clean_title(title: str) -> str:
    title = normalize_spaces(_PRIVATE_USE.sub("", title)).replace("\n", " ").strip()
    title = _TITLE_TRAIL.sub("", _TITLE_PAGE.sub("", _TITLE_LABEL.sub("", without_reprint_label(title))))
    title = repair_mojibake(strip_pinyin(title))
    return remove_cjk_spaces(title)
