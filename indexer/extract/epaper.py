"""E-paper pages: one page, several articles.

Two shapes are handled. Pages that mark each article up in its own container (`<article>`,
`.article`, `#ozoom`-style blocks with a heading) are split along the markup. Pages that
hold OCR text of a whole newspaper page are split along the text: an article starts at
'本报讯' / '新华社…电' (or at a long run of body lines), ends at its byline ('记者 … 通讯员 …'),
and the short headline lines printed before or after the bodies are given to the article
whose text they share most character pairs with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from indexer.extract import page
from indexer.extract.context import ExtractOptions, PageContext, Surroundings, build_article
from indexer.extract.pagelines import collect_lines
from indexer.models import Article
from indexer.text.clean import _BYLINE, clean_body, clean_title, normalize_spaces

_START = re.compile(
    r"^\s*(?:■\s*)?(?:本报讯|本報訊|本报[^，。,]{0,14}讯|本報[^，。,]{0,14}訊|新华社[^，。,]{0,14}电|新華社[^，。,]{0,14}電|"
    r"本刊讯|本网讯|本網訊)"
)
_CONTAINERS = etree.XPath(
    "//article|//*[contains(@class,'article') or contains(@class,'news-item') or contains(@class,'story') "
    "or starts-with(@id,'ozoom') or starts-with(@id,'art')]"
)
_HEADING = ".//h1|.//h2|.//h3|.//h4|.//*[contains(@class,'title')]"
_TERMINAL = "。！？；…"
_BODY_RUN = 4  # this many consecutive unbroken lines are body text, not a headline block
_MIN_ARTICLE = 30


@dataclass
class _Draft:
    lines: list[str] = field(default_factory=list)
    byline: str | None = None
    start: int = 0
    titles: list[tuple[int, str]] = field(default_factory=list)


def extract_epaper(tree: HtmlElement, context: PageContext, options: ExtractOptions) -> list[Article]:
    """Split an e-paper page into Articles (see the module docstring)."""
    structured = _structured(tree)
    if structured:
        drafts = structured
    else:
        scope = _scope(tree, options)
        if scope is None:
            return []
        drafts = _split_text(page.node_text(scope))
    masthead = _masthead(tree)
    articles: list[Article] = []
    for draft in drafts:
        title = clean_title(" ".join(t for _, t in sorted(draft.titles))) if draft.titles else ""
        cleaned = clean_body("\n".join(draft.lines), title or None)
        if len(cleaned.body) < _MIN_ARTICLE:
            continue
        if draft.byline:
            cleaned.author = cleaned.author or " ".join(draft.byline.split())
        if not title:
            title = _first_sentence(cleaned.body)
        articles.append(build_article(cleaned, context, tree, options, index=len(articles), title=title,
                                      around=masthead))
    return articles


# The paper's date sits in the masthead, among the first short lines of the page
# ("2025年03月05日 星期三"): it dates every article of the page.
_MASTHEAD_LINES = 12
_MASTHEAD_LINE_MAX = 40


def _masthead(tree: HtmlElement) -> Surroundings:
    body = tree.find("body")
    lines = collect_lines(body if body is not None else tree)[:_MASTHEAD_LINES]
    return Surroundings(above=tuple(line.text for line in lines if line.chars <= _MASTHEAD_LINE_MAX))


def _first_sentence(body: str) -> str:
    head = re.split(r"[。！？]", body, maxsplit=1)[0]
    return head[:40]


# ------------------------------------------------------------------ markup-separated articles
def _structured(tree: HtmlElement) -> list[_Draft]:
    """Articles marked up one per container: the largest group of sibling containers wins."""
    groups: dict[HtmlElement, list[HtmlElement]] = {}
    for node in _CONTAINERS(tree):
        parent = node.getparent()
        if parent is not None:
            groups.setdefault(parent, []).append(node)
    best = max(groups.values(), key=len, default=[])
    if len(best) < 2:
        return []
    drafts: list[_Draft] = []
    for node in best:
        headings = node.xpath(_HEADING)
        title = " ".join(headings[0].text_content().split()) if headings else ""
        if headings:
            headings[0].drop_tree()
        text = normalize_spaces(page.node_text(node))
        if len(text.replace("\n", "")) < _MIN_ARTICLE:
            continue
        lines = [line for line in text.split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        draft = _Draft(lines=lines, titles=[(0, title)] if title else [])
        if lines and _is_byline(lines[-1]):
            draft.byline = lines.pop()
        drafts.append(draft)
    return drafts if len(drafts) >= 2 else []


def _scope(tree: HtmlElement, options: ExtractOptions) -> HtmlElement | None:
    if options.content_selector:
        found = tree.cssselect(options.content_selector)
        if found:
            return found[0]
    best, best_len = None, 0
    body = tree.find("body")
    for node in (body if body is not None else tree).iter():
        if not isinstance(node.tag, str) or node.tag in _NOT_TEXT:
            continue
        size = len((node.text or "").strip()) + sum(
            len((child.tail or "").strip()) + (len(child.text_content()) if child.tag in _INLINE else 0)
            for child in node
            if isinstance(child.tag, str)
        )
        if size > best_len:
            best, best_len = node, size
    return best


_INLINE = {"p", "br", "span", "font", "b", "strong", "em", "i", "u", "a"}
_NOT_TEXT = {"script", "style", "noscript", "head", "title", "select", "option", "textarea"}


# ------------------------------------------------------------------ OCR text split
def _is_byline(line: str) -> bool:
    line = line.strip()
    return len(line) <= 40 and bool(_BYLINE.match(line))


def _is_headline(line: str) -> bool:
    line = line.strip()
    return 2 <= len(line) <= 32 and line[-1] not in _TERMINAL and not _is_byline(line)


def _split_text(text: str) -> list[_Draft]:
    lines = [line.strip() for line in normalize_spaces(text).split("\n")]
    run_left = _runs(lines)
    drafts: list[_Draft] = []
    pool: list[tuple[int, str]] = []
    current: _Draft | None = None
    in_body = False
    for i, line in enumerate(lines):
        if not line:
            if current is not None and in_body:
                current.lines.append("")
            continue
        if _START.match(line):
            current = _Draft(lines=[line], start=i)
            drafts.append(current)
            in_body = True
        elif in_body and current is not None:
            if _is_byline(line):
                current.byline = line if not current.byline else f"{current.byline} {line}"
                in_body = False
            else:
                current.lines.append(line)
        elif current is not None and _is_byline(line) and not pool:
            current.byline = f"{current.byline} {line}" if current.byline else line
        elif _is_headline(line) and run_left[i] < _BODY_RUN:
            pool.append((i, line))
        else:
            current = _Draft(lines=[line], start=i)
            drafts.append(current)
            in_body = True
    _assign_headlines(drafts, pool)
    return drafts


def _runs(lines: list[str]) -> list[int]:
    """For each line, how many non-blank lines follow it (itself included) before a blank line."""
    left = [0] * len(lines)
    count = 0
    for i in range(len(lines) - 1, -1, -1):
        count = count + 1 if lines[i] else 0
        left[i] = count
    return left


def _bigrams(text: str) -> set[str]:
    return page.char_pairs(re.sub(r"[\s\W]+", "", text))


def _assign_headlines(drafts: list[_Draft], pool: list[tuple[int, str]]) -> None:
    if not drafts or not pool:
        return
    grams = [_bigrams("".join(d.lines)) for d in drafts]
    owner: list[int | None] = []
    for _, line in pool:
        line_grams = _bigrams(line)
        scores = sorted(
            ((len(line_grams & g) / len(line_grams), k) for k, g in enumerate(grams)) if line_grams else [],
            reverse=True,
        )
        best_score, best = scores[0] if scores else (0.0, None)
        second = scores[1][0] if len(scores) > 1 else 0.0
        clear = best_score >= 0.25 or (best_score >= 0.1 and best_score >= 2 * second)
        owner.append(best if clear else None)
    # an unmatched line (a kicker, a deck) goes with its neighbour in the same headline block
    for j in range(len(pool)):
        if owner[j] is None:
            nxt = owner[j + 1] if j + 1 < len(pool) and pool[j + 1][0] - pool[j][0] <= 3 else None
            prev = owner[j - 1] if j > 0 and pool[j][0] - pool[j - 1][0] <= 3 else None
            owner[j] = nxt if nxt is not None else prev
    # a headline printed right before an unclaimed article belongs to it
    for j, (pos, line) in enumerate(pool):
        k = owner[j]
        if k is None:
            following = [d for d in drafts if d.start > pos]
            if following:
                k = drafts.index(following[0])
        if k is not None:
            drafts[k].titles.append((pos, line))
