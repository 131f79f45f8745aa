"""ASP.NET WebForms lists: `NewsList.aspx?ClassID=3&page=2`.

Recognised by the `__VIEWSTATE` field every WebForms page carries, or an `.aspx` path. Pagers
(AspNetPager and its kin) write links that differ from the list's URL only in a page parameter
(`page`, `PageIndex`, …). Some pagers page by postback instead (`__doPostBack('AspNetPager1','2')`):
those pages cannot be asked for by URL, and only the first page can be read.
"""

from __future__ import annotations

import re

from crawler.cms.base import looks_like_article
from crawler.cms.page import ListItem, ListPage, dated_items
from crawler.cms.paging import query_pages

ARTICLE = re.compile(r"\.aspx\?(?:[^#]*&)?(?:id|newsid|articleid|infoid|nid|aid)=\d+", re.IGNORECASE)
POSTBACK_PAGER = re.compile(r"__doPostBack\(\s*'[^']*(?:Pager|pager|Page)[^']*'\s*,\s*'\d+'\s*\)")


def pages_by_postback(page: ListPage) -> bool:
    """The pager posts the form back instead of linking its pages."""
    return bool(POSTBACK_PAGER.search(page.text)) and not query_pages(page, 2)


class AspNet:
    name = "aspnet"
    description = "ASP.NET WebForms list (__VIEWSTATE): pages by a ?page=N style parameter"

    def recognises(self, page: ListPage) -> bool:
        return not page.is_xml and ("__VIEWSTATE" in page.text or page.path.lower().endswith(".aspx"))

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        return dated_items(page.selector, page.url, lambda url, text: bool(ARTICLE.search(url)) or looks_like_article(url, text), domains)

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        return query_pages(page, limit)
