"""Hanweb / 大汉 jcms columns: records in an XML datastore, further records from the data proxy.

A column page (`/col/col1532973/index.html`) carries its first records as CDATA inside

    <div id="4863497"><script type="text/xml"><datastore>
      <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&…&columnid=…&unitid=…"></a>]]></nextgroup>
      <recordset><record><![CDATA[<li><a href="/art/2025/6/18/art_1532973_58945123.html">…</a><span>2025-06-18</span></li>]]></record>…</recordset>
    </datastore></script></div>
    <script>var param_4863497 = {col:1,appid:1,webid:3,path:'/',columnid:1532973,unitid:'4863497',…};</script>
    …jpage({… perPage: 12, totalRecord: 44 …})

and the script `jpage.js` asks the data proxy for the rest, three pages (a group) at a time:
`/module/web/jpage/dataproxy.jsp?startrecord=37&endrecord=72&perpage=12` with the `param_`
fields (sites accept them as POST form or GET query). The answer is the same `<datastore>` XML,
with `<totalrecord>`. Some columns write no records into the page at all: then every record comes
from the proxy. Groups after the first may repeat one record of the next group (a look-ahead), so
links are deduplicated downstream by URL.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from parsel import Selector

from crawler.cms.base import Generic, looks_like_article
from crawler.cms.page import ListItem, ListPage, dated_items
from crawler.links import canonical

DATAPROXY = "/module/web/jpage/dataproxy.jsp"
RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL | re.IGNORECASE)
NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=[\"']([^\"']+)[\"']", re.DOTALL | re.IGNORECASE)
PARAM_VAR = re.compile(r"var\s+param_(\w+)\s*=\s*\{([^}]*)\}")
PARAM_PAIR = re.compile(r"(\w+)\s*:\s*(?:'([^']*)'|\"([^\"]*)\"|([\w.-]+))")
TOTAL_RECORD = re.compile(r"totalRecord\s*:\s*['\"]?(\d+)")
TOTAL_RECORD_XML = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
PER_PAGE = re.compile(r"perPage\s*:\s*['\"]?(\d+)")
GROUP_SIZE = re.compile(r"groupSize\s*:\s*['\"]?(\d+)")
PROXY_URL = re.compile(r"proxyUrl\s*:\s*['\"]([^'\"]+)['\"]")
ARTICLE = re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html?$")
COLUMN = re.compile(r"/col/col\d+/")
DEFAULT_PER_PAGE = 15
DEFAULT_GROUP_SIZE = 3


def records(text: str) -> list[str]:
    """The HTML fragment of every record of a datastore, in order."""
    return [m.group(1) for m in RECORD.finditer(text)]


def _is_proxy_answer(page: ListPage) -> bool:
    return page.path.endswith("dataproxy.jsp") or (page.is_xml and "<datastore" in page.text[:2000].lower())


def proxy_fields(page: ListPage) -> dict[str, str]:
    """The form fields the column sends to the data proxy: its `param_` variable, else the query of
    its nextgroup link."""
    if m := PARAM_VAR.search(page.scripts):
        return {pair.group(1): next(g for g in pair.groups()[1:] if g is not None) for pair in PARAM_PAIR.finditer(m.group(2))}
    if m := NEXTGROUP.search(page.text):
        return {k: v for k, v in parse_qsl(urlsplit(m.group(1)).query, keep_blank_values=True) if k != "page"}
    return {}


class Jcms:
    name = "jcms"
    description = "Hanweb / 大汉 jcms column: records in an XML datastore, further groups from /module/web/jpage/dataproxy.jsp"

    def recognises(self, page: ListPage) -> bool:
        head = page.text.lower()
        return "<datastore" in head or "/module/web/jpage/" in head or bool(COLUMN.search(page.path))

    def items(self, page: ListPage, domains: list[str] | None = None) -> list[ListItem]:
        fragments = records(page.text)
        if not fragments:
            return [] if _is_proxy_answer(page) or proxy_fields(page) else Generic().items(page, domains)
        out: dict[str, ListItem] = {}
        for fragment in fragments:
            for item in dated_items(Selector(text=f"<ul>{fragment}</ul>"), page.url,
                                    lambda url, text: bool(ARTICLE.search(url)) or looks_like_article(url, text), domains):
                out.setdefault(item.url, item)
        return list(out.values())

    def next_pages(self, page: ListPage, limit: int) -> list[str]:
        """Data-proxy requests for the groups of records after those on this page, as GET URLs."""
        if _is_proxy_answer(page):
            return []  # the column page asked for every group it announced
        fields = proxy_fields(page)
        if not fields:
            return Generic().next_pages(page, limit)
        scripts = page.scripts
        per_page = int(m.group(1)) if (m := PER_PAGE.search(scripts)) else DEFAULT_PER_PAGE
        group = per_page * (int(m.group(1)) if (m := GROUP_SIZE.search(scripts)) else DEFAULT_GROUP_SIZE)
        total_match = TOTAL_RECORD.search(scripts)
        inline = len(records(page.text))
        first = 1 if inline else 0  # the page itself holds the first group when it has records
        groups = -(-int(total_match.group(1)) // group) if total_match else first + 1
        proxy = m.group(1) if (m := PROXY_URL.search(scripts)) else DATAPROXY
        urls = []
        for k in range(first, groups):
            query = {"startrecord": str(k * group + 1), "endrecord": str((k + 1) * group), "perpage": str(per_page), **fields}
            urls.append(canonical(urljoin(page.url, proxy) + "?" + urlencode(query)))
        return urls[: max(limit - 1, 0)]


def total_records(page: ListPage) -> int | None:
    """The record count a column page or a proxy answer announces."""
    m = TOTAL_RECORD_XML.search(page.text) or TOTAL_RECORD.search(page.scripts)
    return int(m.group(1)) if m else None
