"""TRS-style static columns (TRS WCM and the many systems that copy its output).

A column is a folder of static pages, `index.html`, `index_1.html`, `index_2.html`, … (or
`.shtml`, `.htm`). The pager is written by a script, so the further pages appear in no link:

    createPageHTML(5, 0, "index", "html");                        // pages, current, name, ext
    createPageHTML('page_div', 5, 0, 'index', 'shtml', 96);      // a div first, the record count last
    var countPage = 5; var currentPage = 0;                      // older templates

Articles sit below the column, dated in their path: `./202503/t20250305_2871234.html`.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from crawler.cms.base import Generic, looks_like_article
from crawler.cms.page import ListItem, ListPage, dated_items
from crawler.links import INDEX_N, canonical

CALL = re.compile(r"createPageHTML\s*\(([^)]*)\)")
COUNT_PAGE = re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)")
ARTICLE = re.compile(r"/t(?:19|20)\d{6}_\d+\.s?html?$", re.IGNORECASE)


def _arguments(call: str) -> tuple[list[int], list[str]]:
    """The numbers and the strings of a createPageHTML call, each in order."""
    numbers: list[int] = []
    strings: list[str] = []
    for raw in call.split(","):
        value = raw.strip().strip("'\"")
        if value.isdigit():
            numbers.append(int(value))
        elif value:
            strings.append(value)
    return numbers, strings


def pager(page: ListPage) -> tuple[int, str, str] | None:
    """(page count, page name, extension) of the column, from its page script."""
    for call in CALL.finditer(page.scripts):
        numbers, strings = _arguments(call.group(1))
        if len(numbers) >= 2 and len(strings) >= 2:
            return numbers[0], strings[-2], strings[-1]
    if (count := COUNT_PAGE.search(page.scripts)) and (here := INDEX_N.match(page.path)):
        return int(count.group(1)), here.group("stem").rsplit("/", 1)[-1], here.group("ext")
    return None


class Trs:
    name = "trs"
    description = "TRS-style static column: index.html, index_1.html, … announced by createPageHTML in a script"

    def recognises(self, page: ListPage) -> bool:
        if page.is_xml:
            return False
        return pager(page) is not None or any(ARTICLE.search(href) for href in page.selector.css("a::attr(href)").getall())

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        return dated_items(page.selector, page.url, lambda url, text: bool(ARTICLE.search(url)) or looks_like_article(url, text), domains)

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        found = pager(page)
        if found is None:
            return Generic().next_pages(page, limit)
        count, name, ext = found
        here = canonical(page.url)
        if here.endswith("/"):  # a column reached by its folder: /tzgg/ is /tzgg/index.html
            here += f"{name}.{ext}"
        pages = [canonical(urljoin(page.url, name + ("" if n == 0 else f"_{n}") + "." + ext)) for n in range(count)]
        return [url for url in pages if url != here][: max(limit - 1, 0)]
