"""JSP (Java) lists: `list.jsp?columnId=12&pageNum=2`, `.do` / `.action` actions.

Recognised by a `.jsp` / `.do` / `.action` path or `;jsessionid=` in its links (Tomcat rewrites
links with the session until it sees a cookie; `links.canonical` drops it). Pages are linked with
a page parameter (`pageNum`, `pageNo`, `curPage`), or only reached through a script,
`<a href="javascript:goPage(2)">` with `location.href = "list.jsp?columnId=12&pageNum=" + n`,
whose count the list states (`totalPage = 3`, 共3页).
"""

from __future__ import annotations

import re

from crawler.cms.base import looks_like_article
from crawler.cms.page import ListItem, ListPage, dated_items
from crawler.cms.paging import query_pages, script_pages

JAVA_PATH = re.compile(r"\.(?:jsp|do|action)$", re.IGNORECASE)
# detail.jsp?contentId=88123, show.do?id=5, view.action?articleId=7; not list.jsp?columnId=12
ARTICLE = re.compile(r"\.(?:jsp|do|action)\?(?:[^#]*&)?(?:id|\w*(?:content|article|info|news|doc|detail)\w*id)=\d+", re.IGNORECASE)


class Jsp:
    name = "jsp"
    description = "JSP list (list.jsp / .do): pages by pageNum / pageNo parameters, also when a goPage(n) script builds them"

    def recognises(self, page: ListPage) -> bool:
        return not page.is_xml and (bool(JAVA_PATH.search(page.path)) or ";jsessionid=" in page.text.lower())

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        return dated_items(page.selector, page.url, lambda url, text: bool(ARTICLE.search(url)) or looks_like_article(url, text), domains)

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        return list(dict.fromkeys(query_pages(page, limit) + script_pages(page, limit)))[: max(limit - 1, 0)]
