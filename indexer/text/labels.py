"""The labels Chinese pages put before a value: 来源：…, 发布机构：…, 发布时间：…, 索引号：….

One vocabulary, written in Simplified, from which every label pattern of the extractor, the
cleaner and the enrichers is built; each pattern matches the Traditional forms too (OpenCC s2t,
plus the variants pages actually use, such as 發佈). Adding a label is one edit here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.text.chinese import to_traditional

# Who published: an organ or a medium ("来源" alone is the most common).
SOURCE = ("信息来源", "文章来源", "稿件来源", "来源单位", "来源")
# The issuing organ of an official document.
ISSUER = ("发布机构", "发文机关", "发布单位", "发文单位")
# When it was published.
DATE = ("发布时间", "发布日期", "发稿时间", "时间", "日期")
# Lines of an article header besides date and source.
HEADER_OTHER = ("作者", "浏览", "点击", "字号")
# The 信息公开 box of a government page (政府网站发展指引).
INFO_TABLE = (
    "索引号", "主题分类", "发文机关", "发布机构", "成文日期", "发文字号", "文号", "发布日期", "生效日期", "有效性",
    "信息分类", "体裁分类", "组配分类", "服务对象", "公开方式", "公开范围", "信息来源", "文件编号",
)
# Headings of what follows an article on its page: other articles, then comments.
FOLLOWING_ARTICLES = (
    "相关文章", "相关阅读", "相关内容", "相关新闻", "相关链接", "相关推荐", "热点推荐", "热门资讯", "热门推荐", "热门文章",
    "推荐阅读", "新闻推荐", "延伸阅读", "猜你喜欢", "精彩推荐", "更多新闻", "最新文章", "热点新闻", "为您推荐", "往期回顾",
)
FOLLOWING = (
    *FOLLOWING_ARTICLES, "网友评论", "最新评论", "热门评论", "发表评论", "我要评论", "评论区", "跟帖", "相关回复", "本贴跟从标题",
)
# The head of a breadcrumb line (当前位置：首页 > 教育动态 > 正文), in every form pages use, and what
# separates its crumbs.
BREADCRUMB_HEADS = ("当前位置", "當前位置", "您的位置", "您现在的位置", "您現在的位置", "现在位置", "所在位置")
BREADCRUMB_SEP = r"(?:>>|>|＞|»|›|→)"
# A reporter's byline in brackets (（记者 王明 通讯员 李华）, 通訊員 in a Traditional page): the people who wrote the story.
REPORTERS_IN_BRACKETS = r"[(（][^)）\n]{0,40}?(?:记者|記者|通讯员|通訊員)[^)）\n]{0,40}[)）]"
# Traditional forms pages use besides OpenCC's (s2t gives 發佈; 發布 is as common).
_TRADITIONAL_VARIANTS = {"發佈": "發布"}


def forms(label: str) -> tuple[str, ...]:
    """The label in Simplified, in Traditional and in the variant forms pages use."""
    traditional = to_traditional(label)
    out = [label, traditional]
    for form, variant in _TRADITIONAL_VARIANTS.items():
        if form in traditional:
            out.append(traditional.replace(form, variant))
    return tuple(dict.fromkeys(out))


def alternation(*groups: Iterable[str]) -> str:
    """A regex alternation of every form of the labels, longest first (信息来源 before 来源)."""
    words = {form for group in groups for label in group for form in forms(label)}
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def all_forms(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(form for group in groups for label in group for form in forms(label)))


_COLON = "[:：]"
# "来源：X" / "来源 X" anywhere, or "来源X" alone on its line (not "来源可查" inside a sentence);
# group 1 or group 2 is the value. Used on Simplified text by the issuer and region enrichers.
SOURCE_OR_ISSUER_VALUE = re.compile(
    rf"(?:{alternation(SOURCE, ISSUER)})(?:{_COLON}\s*|[ \t\u3000]+)([^\s，。,|｜]{{2,40}})"
    rf"|^[ \t\u3000]*(?:{alternation(('来源', '信息来源'))})([^\s:：，。,|｜]{{2,40}})[ \t\u3000]*$",
    re.M,
)
# A label at the start of an issuer string ("来源：X县教育局" → "X县教育局").
LEADING_LABEL = re.compile(rf"^\s*(?:{alternation(SOURCE, ISSUER)}){_COLON}?\s*")
# "来源：X" inside a header line (the value stops at a space, a colon or a bar; a label is no
# value: "信息来源: 编辑:X" has none).
HEADER_SOURCE = re.compile(rf"(?:{alternation(('来源',), ISSUER)})\s*{_COLON}\s*"
                           rf"(?!(?:{alternation(DATE, HEADER_OTHER, ('编辑', '责任编辑', '审核', '校对'))})\s*{_COLON})"
                           r"([^\s|:：]{2,30})")
# A line that is only a source note: "（来源：X）", "信息来源 X".
SOURCE_LINE = re.compile(
    rf"^[（(]?\s*(?:{alternation(SOURCE)})\s*{_COLON}?\s*([^:：\s，,。！？；]{{2,40}})\s*[)）]?$"
)
# Any label of an article header followed by a colon.
HEADER_LABEL = re.compile(rf"(?:{alternation(DATE, ('来源',), HEADER_OTHER)})\s*{_COLON}")
# "来源：<a medium>" (a newspaper, a site, a channel): a reprint's origin, not an issuing organ.
MEDIA_SOURCE = re.compile(rf"(?:{alternation(('来源',))}){_COLON}?\s*[^\s，。,]{{0,12}}?(?:报|网|台|资讯|杂志|客户端|新闻|头条|号)")


# Every form of SOURCE holds 来源 or 來源.
_SOURCE_WORDS = ("来源", "來源", *all_forms(ISSUER))

# A line that is only such a heading: "相关文章", "【为您推荐】", "网友评论："
FOLLOWING_HEAD = re.compile(rf"^[【\[]?\s*(?:{alternation(FOLLOWING)})\s*[】\]]?\s*[:：]?$")


def mentions_source(text: str) -> bool:
    """Whether `SOURCE_OR_ISSUER_VALUE` can match: a cheap pre-check before running the source
    patterns over a long text (it looks for every label those patterns know)."""
    return any(label in text for label in _SOURCE_WORDS)
