"""The article's title: the headline as the page shows it, checked against <title> and og:title.

`page.pick_title` decides early, from the ArticleTitle meta tag or a heading element that
matches <title>; that is right on most modern pages and is kept. Otherwise (old portals, blogs,
forums) <title> is often the site or a column ("网易娱乐", "法国报纸摘要", "显示") and the
headline is a line in a table cell or a bold paragraph above the article. Once the article's
lines are known (`indexer.extract.choose`), `article_title` reads the lines right above its
first sentence:

1. a part of <title> / og:title that one of those lines shows is the headline (the other parts
   are the site and the column);
2. else the nearest headline-like line sharing most of its character pairs with <title>;
3. else, when <title> offers no title of its own (empty, a site name, or parts the page does
   not show next to the article: a column, a blog's name, "谢谢您访问…"): a lone <h1>; the
   linked line right above the article (blogs link the post title); a line printed twice
   right above the article; the nearest headline-like line;
4. else the early pick.

A headline-like line: 4–80 characters, at least two hanzi and 40 % of them, no link text, not a date,
byline (also after an outlet's name: 示例新闻高级记者 张三), dateline (某社北京16日电), an info box's bare labels (文号 主题分类), breadcrumb (示例头条 >), widget, subtitle ("——…") or section number ("一、…"), not a photo's note
("(资料图片仅供参考)") or caption ("事故现场 警方供图"), not ending in 。 or a colon (a salutation: "各县（市、区）教育局："). (The
cleaner's other noise words, ads and disclaimers, can be a headline's subject: 警惕“百家乐”陷阱.)
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.extract import page
from indexer.extract.choose import Candidate
from indexer.extract.context import PageContext
from indexer.extract.pagelines import Line, PageLines, squash
from indexer.text import labels
from indexer.text.chinese import HAN_CHAR
from indexer.text.clean import clean_title, is_caption, is_greeting, is_info_row, is_photo_note

_NEAR_LINES = 12
_MIN_CHARS, _MAX_CHARS = 4, 80
_MIN_OWN_HAN = 3  # a <title> part with fewer hanzi ("(新闻)", "null") is no title
_MIN_HAN_SHARE = 0.4
_REPEAT_BELOW = 3  # a title printed twice: once above the article, once as its first lines  # a line of codes and numbers ("071600（安新县）[1]") is no headline
_LINK_LINE = 0.5
_OPENING = 300  # the article's first characters, which repeat its headline's words
_MIN_SHARED_PAIRS = 2
_OVERLAP = 0.6
_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}:\d{2}")
_NOT_HEADLINE = re.compile(
    rf"(?:{labels.alternation(labels.SOURCE, labels.DATE, labels.HEADER_OTHER, ('编辑', '当前位置', '您的位置', 'IP属地', 'IP屬地'))})"
    r"\s*[:：]|>>|->|»|›|>(?:\s|$)|分享到|打印|关闭|收藏|字体|字号|登录|注册|首页|复制链接|複製鏈接"
)
# The line under a headline: where the article comes from and when ("来源：新华网 2024-05-14").
_META_LINE = re.compile(rf"(?:{labels.alternation(labels.SOURCE, labels.DATE, ('作者',))})\s*[:：]|(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}")
# A school or a bureau named alone on its line: under a headline, the body that writes the text.
_SIGNER = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:幼儿园|幼兒園|小学|小學|中学|中學|学校|學校|学院|學院|教育局|教体局|教育體育局|教育体育局)$")
# A byline after the outlet's name ("澎湃新闻高级记者 朱奕奕") is no headline.
_BYLINE_END = re.compile(r"(?:记者|記者|通讯员|通訊員|作者|摄影|攝影)(?:\s+|\s*[:：]\s*)[\u4e00-\u9fff·]{2,4}\s*$")
# A news agency's dateline on its own line ("中国新闻组／北京16日电", "示例社某市5月3日电") is no headline.
_DATELINE_LINE = re.compile(r"\d{1,2}日\s*[电電讯訊]\s*$")
# An info box's row of labels with their values left out (文  號   主題分類   失效日期): no headline.
_LABELS_ONLY = re.compile(rf"(?:{labels.alternation(labels.INFO_TABLE, ('失效日期', '废止日期', '公开日期', '主题词'))}){{2,}}")
# An image's file name (an <img> alt or caption: "网站抬头.jpg") is no headline.
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp)\s*$", re.I)
# A subtitle ("——当代中国的精神危机") or a numbered section ("一、", "（二）", "3.", "第一章").
_NOT_A_TITLE_START = re.compile(r"^(?:——|--|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[章节篇])")


def article_title(context: PageContext, lines: PageLines, chosen: Candidate) -> str:
    """The title to keep (see the module docstring)."""
    if context.title_source in ("meta", "headline") and context.title:
        return context.title
    near = _near_lines(lines, chosen)
    parts = [part for title in (context.raw_title, context.meta.get("og:title", ""))
             for part in page.title_parts(title)]
    keys = {squash(part) for part in parts if len(squash(part)) >= 2}
    for line in near:
        if squash(clean_title(line.text)) in keys and _headline_like(line, titled=True):
            return clean_title(line.text)
    for line in near:
        shown = squash(clean_title(line.text))
        if _headline_like(line) and any(page.overlap(shown, key) >= _OVERLAP for key in keys):
            return clean_title(line.text)
    if _has_own_title(parts, near, chosen):
        return context.title
    return _without_own_title(context, lines, near, chosen) or context.title


def _without_own_title(context: PageContext, lines: PageLines, near: list[Line], chosen: Candidate) -> str | None:
    if context.title_source == "h1":
        return context.title
    if near and near[0].link_share >= _LINK_LINE and _headline_like(near[0], allow_link=True):
        return clean_title(near[0].text)
    opening = chosen.cleaned.body[:_OPENING]
    seen = Counter(_key(line.text) for line in _around_top(lines, chosen))
    for line in near:
        # a line shown twice is the headline in its heading and its breadcrumb, when the article's opening
        # echoes its words; a menu's item shown twice (會員中心 in a trade portal's two menus) is not
        if seen[_key(line.text)] >= 2 and _headline_like(line) and _echoed(line.text, opening):
            return clean_title(line.text)
    framed = _framed_headline(near, opening) or _framed_headline(_down_to_prose(lines, chosen), opening)
    if framed:
        return framed
    for k, line in enumerate(near):
        if _headline_like(line):
            above = near[k + 1] if k + 1 < len(near) else None
            if _SIGNER.match(line.text.strip()) and above is not None and _headline_like(above):
                return clean_title(above.text)  # a letter's headline over the school that writes it
            return clean_title(line.text)
    return None


def _framed_headline(near: list[Line], opening: str) -> str | None:
    """The headline next to the article's "来源：… 时间：…" line: layouts print it over that line or
    under it, so of the headline-like lines on either side, the one sharing most character pairs
    with the article's opening (a share widget's "关注东北网" or a spam line shares none). Where the
    page's lines all reach the article, the opening holds the candidates themselves, so a line whose
    words never come back in the rest of it (a spam line under the date) gives way to one whose
    words do, when there is one."""
    candidates = []
    for i, line in enumerate(near):
        if _META_LINE.search(line.text):
            candidates += [k for k in (i - 1, i + 1) if 0 <= k < len(near) and _headline_like(near[k])]
    echoed = [k for k in candidates if _echoed(near[k].text, opening)]
    pairs = _pairs(opening)
    best: tuple[int, int, str] | None = None
    for k in echoed or candidates:
        text = clean_title(near[k].text)
        shared = len(_pairs(text) & pairs)
        if shared >= _MIN_SHARED_PAIRS and (best is None or (shared, -k) > best[:2]):
            best = (shared, -k, text)
    return best[2] if best else None


def _echoed(line: str, opening: str) -> bool:
    """Whether the article's opening, the line itself left out (a page copied as text opens with its
    menus), repeats some of the line's character pairs (`_MIN_SHARED_PAIRS`)."""
    return len(_pairs(line) & _pairs(opening.replace(line.strip(), ""))) >= _MIN_SHARED_PAIRS


def _pairs(text: str) -> set[str]:
    return page.char_pairs("".join(HAN_CHAR.findall(text)))


def _top(chosen: Candidate) -> tuple[int, int]:
    """(start, top): from a few lines above the article's first line down to its first sentence
    (at most a few lines below its first line: a schedule may have no sentence for pages)."""
    assert chosen.first is not None
    top = chosen.first_prose if chosen.first_prose is not None else chosen.first
    top = min(top, chosen.first + _NEAR_LINES)
    return max(0, min(top, chosen.first) - _NEAR_LINES), top


def _near_lines(lines: PageLines, chosen: Candidate) -> list[Line]:
    """The page lines above the article's first sentence, nearest first."""
    if chosen.first is None:
        return []
    start, top = _top(chosen)
    return [line for line in reversed(lines.lines[start:top]) if line.table is None]


def _down_to_prose(lines: PageLines, chosen: Candidate) -> list[Line]:
    """The page lines from the article's first line down to its first sentence, nearest first,
    where that is further than `_near_lines` reaches: a whole page copied as text opens with its
    channel menu, and its headline stands by its source-and-date line far below (the menu's
    items, nearer the top, are no headline)."""
    if chosen.first is None or chosen.first_prose is None or chosen.first_prose <= _top(chosen)[1]:
        return []  # within reach: `_near_lines` has read them
    return [line for line in reversed(lines.lines[chosen.first:chosen.first_prose]) if line.table is None]


def _around_top(lines: PageLines, chosen: Candidate) -> list[Line]:
    """The page lines above the article's first sentence and a few under it."""
    if chosen.first is None:
        return []
    start, top = _top(chosen)
    return lines.lines[start: top + _REPEAT_BELOW]


def _key(text: str) -> str:
    """A line for comparison: no spaces, no trailing separators ("标题- -" is "标题")."""
    return squash(text).rstrip("-–—_|·")


def _headline_like(line: Line, *, allow_link: bool = False, titled: bool = False) -> bool:
    """See the module docstring; `titled`: <title> names this line, so a number may open it."""
    text = line.text.strip()
    han = len(HAN_CHAR.findall(text))
    if not (_MIN_CHARS <= line.chars <= _MAX_CHARS) or han < 2 or han < _MIN_HAN_SHARE * line.chars:
        return False
    if line.link_share >= _LINK_LINE and not allow_link:
        return False
    if not titled and _NOT_A_TITLE_START.match(text):
        return False
    return not (_DATE.search(text) or _NOT_HEADLINE.search(text) or text.endswith(("。", "：", ":"))
                or is_photo_note(text) or is_caption(text) or _IMAGE_FILE.search(text)  # "(资料图片仅供参考)", "网站抬头.jpg"
                or is_greeting(text) or is_info_row(text)
                or _BYLINE_END.search(text) or _DATELINE_LINE.search(text) or _LABELS_ONLY.fullmatch(squash(text)))


def _has_own_title(parts: list[str], near: list[Line], chosen: Candidate) -> bool:
    """Whether a part of <title>/og:title (not a site name) is shown next to the article or in it,
    as a line of its own (not inside a "来源：…" line)."""
    shown = [squash(clean_title(line.text)) for line in near if _headline_like(line, titled=True)]
    shown += [squash(line) for line in chosen.lines[:_NEAR_LINES] if not _NOT_HEADLINE.search(line)]
    for part in parts:
        key = squash(part)
        if len(HAN_CHAR.findall(key)) < _MIN_OWN_HAN or page.is_site_like(part):
            continue
        if any(key in line and len(line) <= 2 * len(key) for line in shown):
            return True
    return False
