"""DOM pruning before the main-text extractor: structures that are not the article.

Generic rules, no site keys:

- teaser lists: three or more sibling "cards", each holding a heading whose text is a link to
  another page (a "more stories" / "you may also like" stream). Their summaries are prose and
  survive link-density tests, so the extractor keeps them unless the cards go first.
- following articles: an infinite-scroll page appends whole articles, each with its own <h1>,
  after the one the page is about. Once the page headline is known, a later <h1> wrapped in
  its own container (more than the heading itself) starts another article: that container goes,
  unless prose comes before that <h1> inside it (then the container is the article body and
  the <h1> one of its sub-headings, as editors of some portals write them).

Both work in place on the tree parsed once by `indexer.extract.article` (trafilatura copies it before
its own cleaning, so pruning here is seen by every stage).
"""

from __future__ import annotations

from lxml.html import HtmlElement

_CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_MIN_CARDS = 3


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _text_len(node: HtmlElement) -> int:
    return len("".join((node.text_content() or "").split()))


def _linked_heading(heading: HtmlElement) -> bool:
    """A heading whose visible text is (almost) all one link to another page."""
    total = _text_len(heading)
    if total < 6:
        return False
    linked = 0
    for link in heading.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript")):
            linked += _text_len(link)
    if heading.getparent() is not None and heading.getparent().tag == "a":
        href = (heading.getparent().get("href") or "").strip()
        if href and not href.startswith(("#", "javascript")):
            linked = total
    return linked >= 0.8 * total


def _card_of(heading: HtmlElement, stop: HtmlElement) -> HtmlElement:
    """The largest ancestor of `heading` that holds no other card heading (the teaser card)."""
    card = heading
    parent = heading.getparent()
    while parent is not None and parent is not stop and parent.tag not in ("body", "html"):
        headings = sum(1 for h in parent.iter(*_CARD_HEADINGS) if h is not heading)
        if headings:
            break
        card = parent
        parent = parent.getparent()
    return card


def drop_teaser_cards(tree: HtmlElement) -> int:
    """Remove groups of ≥3 sibling teaser cards (linked heading + summary). Returns cards removed."""
    body = tree.find("body")
    root = body if body is not None else tree
    groups: dict[int, tuple[HtmlElement, list[HtmlElement]]] = {}
    for heading in root.iter(*_CARD_HEADINGS):
        if not _linked_heading(heading):
            continue
        card = _card_of(heading, root)
        parent = card.getparent()
        if card is heading or parent is None:
            continue
        entry = groups.setdefault(id(parent), (parent, []))
        if card not in entry[1]:
            entry[1].append(card)
    removed = 0
    for _, cards in groups.values():
        if len(cards) < _MIN_CARDS:
            continue
        for card in cards:
            if card.getparent() is not None:
                card.drop_tree()
                removed += 1
    return removed


# An appended article opens with its headline (a date or a source line may come first);
# an article body that uses <h1> for sub-headings has a sentence before it (seen: one
# 60-character opening paragraph, then "<h1>怎样判断…呢？</h1>").
_PROSE_BEFORE_SUBHEADING = 30
_SENTENCE_END = ("。", "！", "？")


def _prose_before(container: HtmlElement, node: HtmlElement) -> bool:
    """Whether a sentence of text comes before `node` inside `container` (document order)."""
    parts: list[str] = []
    for item in container.iter():
        if item is node:
            break
        if isinstance(item.tag, str) and item.tag not in ("script", "style"):
            parts.append(item.text or "")
        if item is not container and node not in item.iterdescendants():
            parts.append(item.tail or "")
    text = "".join("".join(parts).split())
    return len(text) >= _PROSE_BEFORE_SUBHEADING and any(end in text for end in _SENTENCE_END)


def drop_following_articles(tree: HtmlElement, headline: HtmlElement | None) -> int:
    """Remove the containers of later <h1> headlines (appended articles). Returns containers removed."""
    if headline is None:
        return 0
    later = []
    seen_headline = False
    for node in tree.iter("h1", headline.tag):
        if node is headline:
            seen_headline = True
            continue
        if seen_headline and node.tag == "h1" and headline not in node.iterancestors():
            later.append(node)
    removed = 0
    head_ancestors = set(headline.iterancestors())
    head_text = _squash(headline.text_content())
    for node in later:
        if node.getparent() is None:
            continue  # already inside a removed container
        text = _squash(node.text_content())
        if not text or text in head_text or head_text in text:
            continue  # the same headline again (print view, sticky bar)
        container = node
        parent = node.getparent()
        while parent is not None and parent not in head_ancestors:
            container = parent
            parent = parent.getparent()
        if parent is None or container is node or _text_len(container) <= _text_len(node) + 50:
            continue  # a section heading inside the article, not another article
        if _prose_before(container, node):
            continue  # the article body, with an <h1> used as a sub-heading
        container.drop_tree()
        removed += 1
    return removed
