"""Page-level facts trafilatura does not map: gov meta tags, the 信息公开 table, the
headline, the header line under it, attachments.

All functions take an lxml tree (parsed once by `indexer.extract.article`) and never modify it.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from indexer.models import Attachment
from indexer.text import labels
from indexer.text.chinese import DOC_YEAR_CLOSE, DOC_YEAR_OPEN, HAN, HAN_CHAR
from indexer.text.clean import clean_title

_WANTED_META = {
    "articletitle": "ArticleTitle", "pubdate": "PubDate", "contentsource": "ContentSource", "sitename": "SiteName",
    "sitedomain": "SiteDomain", "siteidcode": "SiteIDCode", "columnname": "ColumnName", "columntype": "ColumnType",
    "columndescription": "ColumnDescription", "columnkeywords": "ColumnKeywords", "keywords": "Keywords",
    "description": "Description", "author": "Author", "og:title": "og:title", "og:site_name": "og:site_name",
    "article:published_time": "article:published_time", "publishdate": "publishdate", "og:release_date": "og:release_date",
    "firstpublishedtime": "firstpublishedtime", "pubtime": "pubtime", "source": "source", "dc.date": "dc.date",
    "dc.date.issued": "dc.date.issued", "dcterms.created": "dcterms.created", "publish_date": "publish_date",
    "releasedate": "releasedate", "date": "date", "article:author": "article:author",
}
INFO_LABELS = labels.all_forms(labels.INFO_TABLE)
_LABEL_ALT = "|".join(sorted(INFO_LABELS, key=len, reverse=True))
_LABEL_ONLY = re.compile(rf"^\s*({_LABEL_ALT})\s*[:：]?\s*$")
_LABEL_VALUE = re.compile(rf"({_LABEL_ALT})\s*[:：]\s*(.+?)\s*(?=(?:{_LABEL_ALT})\s*[:：]|$)")
_DOC_NUMBER = re.compile(rf"[{HAN}]{{1,12}}\s*[{DOC_YEAR_OPEN}]\s*(?:19|20)\d{{2}}\s*[{DOC_YEAR_CLOSE}]\s*\d{{1,5}}\s*号")
_TITLE_SEPARATORS = re.compile(
    r"\s+[-|–—_]+\s+|\s*[_|｜]\s*|\s*--+\s*|\s+-\s*|\s*－\s*|\s*——\s*"
    rf"|(?<=[{HAN}）》”！？!?])-(?=[{HAN}A-Za-z])"
)
_SITE_LIKE = re.compile(
    r"(网|網|网站|網站|门户|門戶|百科|百科全书|百科全書|博客|频道|頻道|客户端|官网|官網|首页|首頁|主页|主頁|论坛|論壇|社区|社區|"
    r"日报|日報|晚报|晚報|早报|早報|时报|時報|"
    r"\.com|\.cn|\.net|\.org|CSDN|快资讯|【快资讯】|新闻|新聞)$|^(首页|首頁|主页|主頁|CSDN)",
    re.I,
)
_TAG = re.compile(r"<[^>]{0,200}>")  # markup some CMSs leave in the ArticleTitle meta
_ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|wps|ofd|zip|rar|et|pptx?)(?:$|[?#])", re.I)
_CHROME = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|header|footer|foot|sidebar|side|breadcrumb|crumb|friend|link-?list|links|share|"
    r"related|recommend|hot|copyright|toolbar|tools)([\s_-]|$)", re.I
)
# h1, h2, h3, #title, #articleTitle, #ArticleTitle, [class*=tit], in document order. (Written as a
# union with the attribute tests guarded by [@id] / [@class]: one predicate `*[self::h1 or … or
# contains(@class,'tit')]` tested every element against all seven and cost 1.7 times as much,
# measured over both corpora, with the same nodes found.)
_HEADLINE_XPATH = etree.XPath(
    "//h1|//h2|//h3|//*[@id][@id='title' or @id='articleTitle' or @id='ArticleTitle']"
    "|//*[@class][contains(@class,'tit')]"
)
_ATTACHMENT_LINKS = etree.XPath(
    r".//a[re:test(@href, '\.(pdf|docx?|xlsx?|wps|ofd|zip|rar|et|pptx?)($|[?#])', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_HREFS = etree.XPath(".//a/@href", smart_strings=False)
_SKIP_TEXT_TAGS = {"script", "style", "noscript", "template", "textarea", "select", "option"}
_INFO_CELL_TAGS = ("td", "th", "span", "li", "p", "div", "dt", "dd", "label", "b", "strong", "em", "font")


def page_meta(tree: HtmlElement) -> dict[str, str]:
    """Named meta tags of interest (gov 政府网站 tags, Open Graph, Dublin Core), first value wins."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        name = (node.get("name") or node.get("property") or node.get("itemprop") or "").strip()
        key = _WANTED_META.get(name.lower())
        content = (node.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    return found


def node_text(node: HtmlElement) -> str:
    """Text of a node with `<br>` and block ends as newlines; scripts and styles skipped."""
    parts: list[str] = []
    _collect(node, parts)
    return "".join(parts)


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "dd",
           "dt", "pre", "blockquote", "ul", "ol", "header", "footer"}


def _collect(node: HtmlElement, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _SKIP_TEXT_TAGS or not tag:
        if (node.tail and tag) or (not tag and node.tail):
            parts.append(node.tail)
        return
    if tag in _BLOCKS:
        parts.append("\n")
    if node.text:
        parts.append(node.text)
    for child in node:
        _collect(child, parts)
    if tag in _BLOCKS:
        parts.append("\n")
    if node.tail:
        parts.append(node.tail)


def info_table(tree: HtmlElement) -> dict[str, str]:
    """The 信息公开 table (索引号, 主题分类, 发文机关, 成文日期, 发文字号, 发布日期, …)."""
    found: dict[str, str] = {}
    body = tree.find("body")
    for node in (body if body is not None else tree).iter(*_INFO_CELL_TAGS):
        text = (node.text_content() or "").strip()
        if not text or len(text) > 200:
            continue
        if (match := _LABEL_ONLY.match(text)) is not None:
            value = _next_value(node)
            if value and not _LABEL_ONLY.match(value):
                found.setdefault(match.group(1), _tidy(_LABEL_VALUE.split(value)[0]))
        elif len(node) <= 3:
            for label, value in _LABEL_VALUE.findall(text):
                if value:
                    found.setdefault(label, _tidy(value))
    return {k: v for k, v in found.items() if v and len(v) <= 120}


def _tidy(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" ：:")


def _next_value(node: HtmlElement) -> str:
    sibling = node.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    if sibling is not None:
        return (sibling.text_content() or "").strip()
    return (node.tail or "").strip()


def doc_number(text: str) -> str | None:
    """A 发文字号 such as '陕教安〔2025〕3号' in text."""
    match = _DOC_NUMBER.search(text or "")
    return re.sub(r"\s+", "", match.group(0)) if match else None


def strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """'标题 - 某省人民政府门户网站' → '标题'; '标题_网易新闻' → '标题'; '首页 - 标题' → '标题'."""
    title = title.strip()
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else title
    if site_name:
        parts = [p for p in parts if site_name not in p and p not in site_name] or parts
    content = [p for p in parts if not _SITE_LIKE.search(p)]
    return (content or parts)[0]


# Besides the separators above, old portals join site, column and title with », ::, > or <.
_PART_SEPARATORS = re.compile(rf"{_TITLE_SEPARATORS.pattern}|\s*(?:»|::|›|>|<)\s*")


def title_parts(title: str) -> list[str]:
    """The title itself and its parts ('标题 - 栏目 - 网站' → ['标题 - 栏目 - 网站', '标题', '栏目', '网站'])."""
    title = " ".join(title.split())
    if not title:
        return []
    parts = [part.strip() for part in _PART_SEPARATORS.split(title) if part and part.strip()]
    return list(dict.fromkeys([title, *parts]))


def is_site_like(text: str) -> bool:
    return bool(_SITE_LIKE.search(text.strip()))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def headline(tree: HtmlElement, page_title: str) -> tuple[HtmlElement | None, str | None]:
    """The on-page headline element whose text matches the <title> (h1, .title, #title, …)."""
    squashed_title = _squash(page_title)
    stripped_title = _squash(strip_site_suffix(page_title)) if page_title else ""
    best: tuple[int, HtmlElement, str] | None = None
    for node in _HEADLINE_XPATH(tree):
        if len(node) > 6:
            continue  # headlines have few children; big containers are not headlines
        text = _squash(node.text_content())
        if not (2 <= len(text) <= 120):
            continue
        score = 0
        if squashed_title and (text in squashed_title or squashed_title in text):
            score = 3 + (node.tag == "h1") + (squashed_title.startswith(text)) if len(text) >= 4 or text == stripped_title else 0
        elif len(text) >= 4 and squashed_title and _overlap(text, squashed_title) >= 0.7:
            score = 2
        if not score or (best is not None and (score, len(text)) <= (best[0], len(_squash(best[2])))):
            continue
        if _in_chrome(node):
            continue
        shown = " ".join(node.text_content().split())
        if score == 2 and stripped_title and len(stripped_title) >= 4 and text.startswith(stripped_title):
            shown = strip_site_suffix(page_title)  # '标题241' (a counter glued on) → '标题'
        elif stripped_title and text.startswith(stripped_title) and not HAN_CHAR.search(text[len(stripped_title):]):
            shown = strip_site_suffix(page_title)  # '标题 Title in English' (a translation after it) → '标题'
        best = (score, node, shown)
    if best is None:
        return None, None
    return best[1], best[2]


def lone_h1(tree: HtmlElement) -> str | None:
    """The text of the page's only substantial <h1> outside navigation, if there is exactly one."""
    found = [" ".join(h.text_content().split()) for h in tree.iter("h1") if not _in_chrome(h)]
    found = [t for t in found if 4 <= len(t) <= 120]
    return found[0] if len(set(found)) == 1 else None


def overlap(a: str, b: str) -> float:
    """Share of `a`'s character pairs found in `b`."""
    return _overlap(a, b)


def char_pairs(text: str) -> set[str]:
    """Every two characters side by side in `text` (callers normalise it first)."""
    return {text[i: i + 2] for i in range(len(text) - 1)}


def _overlap(a: str, b: str) -> float:
    grams_a, grams_b = char_pairs(a), char_pairs(b)
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / len(grams_a)


_ARTICLE_MARKER = re.compile(r"article|content|detail|main|post|title|news|text", re.I)


def _in_chrome(node: HtmlElement) -> bool:
    for anc in node.iterancestors():
        if anc.tag in ("nav", "footer", "header", "aside"):
            return True
        marker = f"{anc.get('class', '')} {anc.get('id', '')}"
        if marker.strip() and _CHROME.search(marker) and not _ARTICLE_MARKER.search(marker):
            return True  # 'article-header' / 'detail-tools' wrap the article itself
    return False


def page_title(tree: HtmlElement) -> str:
    node = tree.find(".//title")
    return " ".join((node.text_content() if node is not None else "").split())


TitleSource = Literal["meta", "headline", "og:title", "title", "h1", ""]


def pick_title(tree: HtmlElement, meta: dict[str, str]) -> tuple[str, HtmlElement | None, TitleSource]:
    """ArticleTitle meta, then the page headline matching <title>, then <title> minus the site suffix.

    Returns the title, the headline element (when one matches) and where the title came from.
    """
    raw_title = page_title(tree)
    node, text = headline(tree, raw_title or meta.get("ArticleTitle", ""))
    if meta.get("ArticleTitle"):
        return clean_title(_TAG.sub("", meta["ArticleTitle"])), node, "meta"
    if text:
        return clean_title(text), node, "headline"
    site = meta.get("SiteName") or meta.get("og:site_name")
    if meta.get("og:title"):
        return clean_title(strip_site_suffix(meta["og:title"], site)), node, "og:title"
    stripped = strip_site_suffix(raw_title, site)
    if not stripped or is_site_like(stripped) or len(_squash(stripped)) < 2:
        h1 = lone_h1(tree)
        if h1:
            return clean_title(h1), node, "h1"
    return clean_title(stripped), node, "title" if stripped else ""


def header_text(node: HtmlElement | None, limit: int = 600) -> str:
    """Visible text right around the headline, where '发布时间：… 来源：…' lines live.

    Short siblings after the headline (and after its parent, when the headline is wrapped)
    are read until the first long block: the article text itself is not header.
    """
    if node is None:
        return ""
    parts = [node_text(node)]
    size = _read_siblings(node, parts, limit)
    parent = node.getparent()
    if size < 40 and parent is not None and parent.getparent() is not None and parent.tag != "body":
        _read_siblings(parent, parts, limit)
    return "\n".join(parts)


def _read_siblings(node: HtmlElement, parts: list[str], limit: int) -> int:
    size = 0
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        text = node_text(sibling).strip()
        if len(text) > 160 or size + len(text) > limit:
            break
        parts.append(text)
        size += len(text)
    return size


def attachments(scope: HtmlElement, base_url: str) -> list[Attachment]:
    """Links to pdf/doc/docx/xls/xlsx/wps/ofd/zip/rar files in `scope`, outside navigation chrome."""
    found: list[Attachment] = []
    if not any(_ATTACHMENT_EXT.search(href) for href in _HREFS(scope)):
        return found  # most pages link no file: the regex XPath calls back into Python for every link
    seen: set[str] = set()
    for link in _ATTACHMENT_LINKS(scope):
        href = (link.get("href") or "").strip()
        path = urlsplit(href).path if href else ""
        if not href or not _ATTACHMENT_EXT.search(path or href) or _in_chrome(link):
            continue
        url = urljoin(base_url, href)
        if url in seen:
            continue
        seen.add(url)
        name = " ".join(link.text_content().split()) or (link.get("title") or "").strip() or path.rsplit("/", 1)[-1]
        found.append(Attachment(name=name, url=url))
    return found


def remove_nodes(tree: HtmlElement, selectors: tuple[str, ...]) -> None:
    """Drop every element matching the CSS selectors (in place: use on a copy)."""
    for selector in selectors:
        for node in tree.cssselect(selector):
            node.drop_tree()
