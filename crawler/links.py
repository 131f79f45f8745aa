"""Finding article links and further list pages on a list page. Pure functions over parsel selectors."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

ARTICLE_URL = re.compile(
    r"""(
        /t20\d{6}_\d+\.s?html?$            # TRS/Hanweb CMS: /202501/t20250114_123456.html
      | /art/20\d{2}/\d{1,2}/\d{1,2}/art_   # Hanweb: /art/2025/1/14/art_123_456.html
      | content_\d+                         # content_1755244.html
      | /20\d{2}[-/]?\d{2}(?:[-/]?\d{2})?/[^/]+\.s?html?$   # dated folders
      | /(?:detail|article|info|view|show)[^/]*\.(?:s?html?|jsp|aspx?|php)
      | [?&](?:id|articleid|newsid|infoid)=\d+
      | /node_\d+\.html?$                   # e-paper pages
    )""",
    re.IGNORECASE | re.VERBOSE,
)
NON_HTML = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|7z|jpe?g|png|gif|mp4|mp3)$", re.IGNORECASE)
INDEX_N = re.compile(r"^(?P<stem>.*?/index)(?:_(?P<n>\d+))?\.(?P<ext>s?html?)$")
CREATE_PAGE_HTML = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w-]+)['\"]\s*,\s*['\"](s?html?)['\"]")
COUNT_PAGE = re.compile(r"(?:countPage|totalPage|pageCount)\s*=\s*['\"]?(\d+)")
NEXT_TEXT = ("下一页", "下页", "后一页", "next", "›", "»")
MIN_TITLE_CHARS = 8
# Session ids name a visitor, never a page: the same article under endless URLs.
SESSION_PARAMS = re.compile(r"^(?:jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|cfid|cftoken)$", re.IGNORECASE)
PATH_SESSION = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)


def canonical(url: str) -> str:
    """Drop the fragment, tracking noise and session ids so one article has one URL."""
    url = urldefrag(url)[0]
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_") and not SESSION_PARAMS.match(k)])
    path = PATH_SESSION.sub("", parts.path) or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, query, ""))


def _in_scope(url: str, domains: list[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def article_links(sel: Selector, base_url: str, domains: list[str], css: str | None = None) -> list[str]:
    """Article URLs on a list page, in page order, without duplicates.

    With a selector from the source config, exactly the links it matches; otherwise links whose
    URL looks like an article page, or whose anchor text is as long as a headline.
    """
    anchors = sel.css(css) if css else sel.css("a[href]")
    seen: dict[str, None] = {}
    for anchor in anchors:
        href = anchor.attrib.get("href", "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = canonical(urljoin(base_url, href))
        if url == canonical(base_url) or not _in_scope(url, domains) or NON_HTML.search(urlsplit(url).path):
            continue
        if INDEX_N.match(urlsplit(url).path):
            continue
        text = "".join(anchor.css("::text").getall()).strip()
        if css or ARTICLE_URL.search(url) or (len(text) >= MIN_TITLE_CHARS and "/" in urlsplit(url).path.strip("/")):
            seen.setdefault(url, None)
    return list(seen)


def named_attachment_links(sel: Selector, base_url: str, domains: list[str]) -> dict[str, str]:
    """Attachment URL → its anchor text (the file name when the anchor has none), in page order."""
    out: dict[str, str] = {}
    for anchor in sel.css("a[href]"):
        url = canonical(urljoin(base_url, anchor.attrib["href"].strip()))
        path = urlsplit(url).path
        if _in_scope(url, domains) and NON_HTML.search(path) and url not in out:
            text = " ".join("".join(anchor.css("::text").getall()).split())
            out[url] = text or path.rsplit("/", 1)[-1]
    return out


def list_pages(sel: Selector, url: str, limit: int, css: str | None = None) -> list[str]:
    """Further list pages to visit after `url`, at most `limit` in all (the first page counts)."""
    if limit <= 1:
        return []
    found: dict[str, None] = {}
    if css:
        for href in sel.css(css).css("::attr(href)").getall() or sel.css(f"{css}::attr(href)").getall():
            found.setdefault(canonical(urljoin(url, href)), None)
    else:
        found.update(dict.fromkeys(_numbered_pages(sel, url, limit)))
        for anchor in sel.css("a[href]"):
            text = "".join(anchor.css("::text").getall()).strip().lower()
            if anchor.attrib["href"].strip().lower().startswith("javascript:"):
                continue  # a script pager (goPage(2)): no URL to follow
            if text in NEXT_TEXT or anchor.attrib.get("rel") == "next":
                found.setdefault(canonical(urljoin(url, anchor.attrib["href"])), None)
    found.pop(canonical(url), None)
    return list(found)[: limit - 1]


def _numbered_pages(sel: Selector, url: str, limit: int) -> list[str]:
    """index_N.html pages announced by the CMS's page script, or linked directly; ?page=N links."""
    out: list[str] = []
    path = urlsplit(url).path
    match = INDEX_N.match(path)
    script = " ".join(sel.css("script::text").getall())
    count = None
    if (m := CREATE_PAGE_HTML.search(script)) or (m := COUNT_PAGE.search(script)):
        count = int(m.group(1))
    if match and count:
        stem, ext = match.group("stem"), match.group("ext")
        for n in range(1, min(count, limit)):
            out.append(canonical(urljoin(url, f"{stem}_{n}.{ext}")))
    for href in sel.css("a::attr(href)").getall():
        target = canonical(urljoin(url, href))
        target_path = urlsplit(target).path
        if (INDEX_N.match(target_path) and urlsplit(target).netloc == urlsplit(url).netloc and target_path.rsplit("/", 1)[0] == path.rsplit("/", 1)[0]) or (re.search(r"[?&](?:page|pageNo|pageIndex|p)=\d+", target) and urlsplit(target).path == path):
            out.append(target)
    return list(dict.fromkeys(out))
