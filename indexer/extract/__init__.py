"""Page → Articles, the extraction stage. Pure: no I/O; the caller decodes bytes first
(`indexer.extract.decode`).

`extract_articles` is the one entry point. It decides the page's tables first (`tables`:
layout or data), parses the page once, reads the page-level facts (`context`), then hands the
tree to the reader the source's layout asks for: one article (`article`, which runs several
passes and lets `choose` pick by signals read from `pagelines`; `blocks` is our own pass) or an
e-paper page of several (`epaper`). `page` reads meta tags, the 信息公开 box, headlines and
attachments; `dates` picks the publication date; `prune` drops blocks that are not the
article; `chrome` computes a site's repeated lines from its pages; `attachment_text` reads the
text of attached files.
"""

from __future__ import annotations

from indexer.extract import page
from indexer.extract.article import extract_article
from indexer.extract.context import ExtractOptions, page_context, parse_html
from indexer.extract.epaper import extract_epaper
from indexer.extract.tables import apply_table_marks, mark_tables
from indexer.models import Article

__all__ = ["ExtractOptions", "extract_articles"]


def extract_articles(html: str, url: str, options: ExtractOptions | None = None) -> list[Article]:
    """Pure, no I/O. Returns [] when the page holds no article (a list page, an empty page)."""
    options = options or ExtractOptions()
    tree = parse_html(html)
    if tree is None:
        return []
    marked = mark_tables(tree)
    if options.remove_selectors:
        page.remove_nodes(tree, options.remove_selectors)
    context = page_context(tree, html, url, options)
    if options.multi_article:
        apply_table_marks(tree, keep_data=False)
        return extract_epaper(tree, context, options)
    return extract_article(tree, context, options, marked.tables)
