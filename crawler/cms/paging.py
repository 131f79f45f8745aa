"""Pagers that several families share: numbered query parameters and script-built page URLs."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from crawler.cms.page import ListPage, same_list
from crawler.links import NEXT_TEXT, canonical

# The page parameters of list URLs (ASP.NET, JSP, PHP and the like), lowercase.
PAGE_PARAMS = frozenset({"page", "pagenum", "pageno", "pageindex", "pagenumber", "curpage", "currentpage", "cpage", "p", "pn"})
# `location.href = "list.jsp?columnId=12&pageNum=" + n`: a URL built from a template and a number
SCRIPT_TEMPLATE = re.compile(r"""["']([^"'\s]*[?&](\w+)=)["']\s*\+\s*\w+""")
TOTAL_PAGES = (
    re.compile(r"\b(?:totalPage|totalPages|pageCount|countPage|pageTotal)\s*[=:]\s*['\"]?(\d+)"),
    re.compile(r"共\s*(\d+)\s*页"),
    re.compile(r"第\s*\d+\s*/\s*(\d+)\s*页"),
)


def _page_param(query: str) -> tuple[str, int] | None:
    """The (name, number) of the page parameter in a query string, if it has one."""
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name.lower() in PAGE_PARAMS and value.isdigit():
            return name, int(value)
    return None


def _without(query: str, name: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != name]


def query_pages(page: ListPage, limit: int) -> list[str]:
    """Links to other pages of the same list: same path, same query but for a numeric page parameter
    (`?ClassID=3&page=2`, `?columnId=12&pageNum=3`), plus "下一页" links; in page-number order."""
    here = urlsplit(page.url)
    current = _page_param(here.query)
    current_number = current[1] if current else 1  # a list's bare URL is its first page
    found: dict[str, int] = {}
    for anchor in page.selector.css("a[href]"):
        href = anchor.attrib["href"].strip()
        if href.startswith(("javascript:", "#", "mailto:")):
            continue
        target = canonical(urljoin(page.url, href))
        if not same_list(target, canonical(page.url)):
            continue
        parts = urlsplit(target)
        param = _page_param(parts.query)
        text = "".join(anchor.css("::text").getall()).strip().lower()
        if param and sorted(_without(parts.query, param[0])) == sorted(_without(here.query, param[0])):
            found.setdefault(target, param[1])
        elif text in NEXT_TEXT:
            found.setdefault(target, current_number + 1)
    found.pop(canonical(page.url), None)
    found = {url: n for url, n in found.items() if n != current_number}
    ordered = sorted(found, key=lambda url: found[url])
    return ordered[: max(limit - 1, 0)]


def total_pages(page: ListPage) -> int | None:
    """The page count a list announces in its scripts or its pager text."""
    visible = " ".join(page.selector.css("body *:not(script):not(style)::text").getall()) if not page.is_xml else ""
    for pattern, text in ((TOTAL_PAGES[0], page.scripts), (TOTAL_PAGES[1], visible), (TOTAL_PAGES[2], visible)):
        if m := pattern.search(text):
            return int(m.group(1))
    return None


def script_pages(page: ListPage, limit: int) -> list[str]:
    """Pages a script builds from a URL template and a number (`goPage(n)` → `list.jsp?…&pageNum=` + n),
    numbered 1…total pages."""
    total = total_pages(page)
    if not total:
        return []
    current = _page_param(urlsplit(page.url).query)
    current_number = current[1] if current else 1
    for m in SCRIPT_TEMPLATE.finditer(page.scripts):
        template, name = m.group(1), m.group(2)
        if name.lower() not in PAGE_PARAMS:
            continue
        urls = [canonical(urljoin(page.url, f"{template}{n}")) for n in range(1, total + 1) if n != current_number]
        return urls[: max(limit - 1, 0)]
    return []
