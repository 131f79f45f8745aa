"""Demo sites built on the markup conventions of the CMS families Chinese bureau sites run on.

Opt-in (`DemoWeb(CMS_SITES)`); `gonggao demo` serves only the five original sites. Each site
shows one way a list of announcements is published, as the real systems do it:

- trs        TRS-style static columns: `index.html`, `index_1.html`, … announced only by
             `createPageHTML(n, i, "index", "html")` in a script; article links relative
             (`./202503/t20250305_2871234.html`).
- shtml      `.shtml` columns paged by the six-argument variant
             `createPageHTML('page_div', n, i, 'index', 'shtml', total)`; list rows in a table.
- jcms       Hanweb / 大汉 jcms: `/col/colNNN/index.html`, the first records inline as CDATA in
             `<script type="text/xml"><datastore><recordset><record>`, the rest through
             `/module/web/jpage/dataproxy.jsp?startrecord=&endrecord=&perpage=` with the column's
             `param_UNITID` fields (GET or POST); every group after the first carries one
             look-ahead record, the first record of the next group.
- jcmsproxy  a jcms column whose page holds no records at all: the list exists only behind the
             data proxy.
- aspnet     ASP.NET WebForms in GB2312: `NewsList.aspx?ClassID=3&page=2` (an AspNetPager),
             `__VIEWSTATE`, articles at `NewsShow.aspx?ID=…`; rendered per request: no ETag or
             Last-Modified, so a conditional request always gets the whole page again.
- jsp        JSP lists: `list.jsp?columnId=12&pageNum=2` reached only through
             `javascript:goPage(n)`, links rewritten with `;jsessionid=`.
- feeds      a list rendered by JavaScript (no links in the HTML), with an RSS feed per column and
             a sitemap.xml named in robots.txt.
- moved      a site after a redesign: the old 通知公告 URL still answers 200 but lists nothing
             (alternate "before_move" puts the old list back), the old 教育要闻 URL is 404, the old
             安全教育 URL redirects (301) to its new place.
- blocked    robots.txt disallows /xxgk/ (where 通知公告 lives) and a firewall answers 403 there.
- walled     robots.txt disallows everything; every page but robots.txt is 403.
- nolist     a site with no list of dated articles: static pages and an empty column.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape
from urllib.parse import urlencode

from gonggao.demo_web import content as C
from gonggao.demo_web.cms_content import specs
from gonggao.demo_web.model import DemoArticle
from gonggao.demo_web.sites import CST, HTML, Built, Dynamic, DynamicRequest, Page, _ps, _truth, _ts

CMS_SITES = ["trs", "shtml", "jcms", "jcmsproxy", "aspnet", "jsp", "feeds", "moved", "blocked", "walled", "nolist"]
FIRST_NUMBER = 1000  # article numbers (they vary the wording) start clear of the original sites'
XML = "text/xml; charset=UTF-8"
TEXT = "text/plain; charset=utf-8"
LOADED = _ts("2023-01-01")


@dataclass
class Item:
    """One article of a site before it is rendered."""

    spec: C.Spec
    title: str
    paras: list[str]
    path: str
    n: int

    @property
    def date(self) -> str:
        return self.spec.date

    @property
    def pub(self) -> str:
        return f"{self.spec.date} {9 + self.n % 8:02d}:{self.n * 7 % 60:02d}"


def make_items(counter: list[int], region: str, count: int, seed: int, path_of: Callable[[int, C.Spec], str]) -> list[Item]:
    out = []
    for i, spec in enumerate(specs(region, count, seed)):
        n = counter[0]
        counter[0] += 1
        title, paras = C.build(spec, n, style="notice" if spec.event == "notice" else "plain")
        out.append(Item(spec, title, paras, path_of(i, spec), n))
    return out


def ymd(spec: C.Spec) -> tuple[str, str, str]:
    y, m, d = spec.date.split("-")
    return y, m, d


def html_page(html: str, last_modified: float, ctype: str = HTML, **kw) -> Page:
    return Page(html.encode("utf-8"), ctype, last_modified, **kw)


def article_meta(item: Item, column: str, source: str) -> str:
    return (f'<meta name="ColumnName" content="{escape(column)}">\n'
            f'<meta name="ArticleTitle" content="{escape(item.title)}">\n'
            f'<meta name="PubDate" content="{item.pub}">\n'
            f'<meta name="ContentSource" content="{escape(source)}">')


def article_body(item: Item, crumb: str, source: str, zoom: str = "zoom") -> str:
    return f"""<div class="crumb">当前位置：{crumb}</div>
<div class="article">
<h1 class="title">{escape(item.title)}</h1>
<div class="info"><span>发布时间：{item.pub}</span> <span>来源：{escape(source)}</span> <span>浏览次数：{120 + item.n * 37 % 2000}</span></div>
<div id="{zoom}">
{_ps(item.paras)}
</div>
<div class="tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
</div>"""


def truths(site: str, items: list[Item]) -> list[DemoArticle]:
    return [_truth(site, it.path, it.spec, it.title, it.n) for it in items]


def robots_page(text: str) -> Page:
    return Page(text.encode(), TEXT, LOADED)


def _chunks(items: list[Item], per: int) -> list[list[Item]]:
    ordered = sorted(items, key=lambda it: it.date, reverse=True)
    return [ordered[i:i + per] for i in range(0, len(ordered), per)] or [[]]


def gov_frame(site_name: str, id_code: str, nav: list[tuple[str, str]], address: str, icp: str) -> Callable[[str, str, str], str]:
    """A government site's page frame: head meta, banner, navigation and footer."""
    links = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for text, href in nav)

    def frame(title: str, head: str, body: str) -> str:
        return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="{escape(site_name)}">
<meta name="SiteIDCode" content="{id_code}">
{head}
<title>{escape(title)}</title>
<link rel="stylesheet" href="/css/style.css">
</head>
<body>
<div class="top"><span>欢迎访问{escape(site_name)}网站</span> <a href="javascript:;">无障碍浏览</a> <a href="javascript:;">长者模式</a></div>
<div class="banner"><img src="/images/logo.png" alt="{escape(site_name)}"></div>
<div class="nav"><ul><li><a href="/">首页</a></li>{links}</ul></div>
{body}
<div class="footer"><p><a href="/wzdt.html">网站地图</a> | <a href="/lxwm.html">联系我们</a></p>
<p>主办单位：{escape(site_name)}　地址：{escape(address)}（演示地址）</p>
<p>网站标识码：{id_code}　<a href="https://beian.miit.gov.cn/">{escape(icp)}</a></p></div>
</body>
</html>
"""
    return frame


# ---------------------------------------------------------------------------------------
# trs: static columns paged by createPageHTML(n, i, "index", "html")
# ---------------------------------------------------------------------------------------

def build_trs(counter: list[int]) -> Built:
    site, name = "trs", "河南省教育厅"
    nav = [("教育要闻", "/jyyw/"), ("通知公告", "/tzgg/"), ("政务公开", "/zwgk/index.html"), ("互动交流", "/hdjl/index.html")]
    frame = gov_frame(name, "4100000000", nav, "郑州市金水区", "豫ICP备00000001号")
    pages: dict[str, Page] = {}
    columns = {"tzgg": ("通知公告", 24, 10), "jyyw": ("教育要闻", 7, 10)}
    all_items: list[Item] = []
    for col, (label, count, per) in columns.items():
        def path_of(i: int, spec: C.Spec, col: str = col) -> str:
            y, m, d = ymd(spec)
            return f"/{col}/{y}{m}/t{y}{m}{d}_{2871000 + i * 379 + len(col)}.html"

        items = make_items(counter, "hn", count, seed=11 + len(col), path_of=path_of)
        all_items += items
        for it in items:
            body = article_body(it, f'<a href="/">首页</a> &gt; <a href="/{col}/">{label}</a>', name, zoom="zoom")
            html = frame(f"{it.title}_{name}", article_meta(it, label, name),
                         body.replace('<div id="zoom">', '<div id="zoom" class="TRS_Editor">'))
            pages[it.path] = html_page(html, _ts(it.date, 10))
        chunks = _chunks(items, per)
        for p, chunk in enumerate(chunks):
            rows = "\n".join(f'<li><a href="./{it.path.split("/", 2)[2]}" target="_blank" title="{escape(it.title)}">{escape(it.title)}</a><span>{it.date}</span></li>' for it in chunk)
            body = f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; {label}</div>
<div class="list"><h2>{label}</h2>
<ul class="list-ul">
{rows}
</ul>
<div class="page"><script type="text/javascript">createPageHTML({len(chunks)}, {p}, "index", "html");</script></div>
</div>"""
            html = frame(f"{label}_{name}", f'<meta name="ColumnName" content="{label}">\n<meta name="ColumnType" content="{label}">\n<script src="/js/page.js"></script>', body)
            page = html_page(html, _ts(chunk[0].date, 10))
            pages[f"/{col}/{'index.html' if p == 0 else f'index_{p}.html'}"] = page
            if p == 0:
                pages[f"/{col}/"] = page
    newest = sorted(all_items, key=lambda it: it.date, reverse=True)
    boxes = "".join(f'<li><a href="{it.path}">{escape(it.title)}</a><span>{it.date[5:]}</span></li>' for it in newest[:6])
    home = frame(name, "", f'<div class="home"><div class="box"><h3>最新发布</h3><ul>{boxes}</ul></div></div>')
    pages["/"] = pages["/index.html"] = html_page(home, _ts(newest[0].date))
    hub = frame(f"政务公开_{name}", "", '<div class="zwgk"><h2>政务公开</h2><ul><li><a href="/zwgk/zfxxgkzn/index.html">政府信息公开指南</a></li><li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>')
    pages["/zwgk/index.html"] = html_page(hub, LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow: /search/\n")
    return Built(pages, truths(site, all_items))


# ---------------------------------------------------------------------------------------
# shtml: createPageHTML('page_div', n, i, 'index', 'shtml', total); rows in a table
# ---------------------------------------------------------------------------------------

def build_shtml(counter: list[int]) -> Built:
    site, name = "shtml", "郑州市教育局"
    nav = [("工作动态", "/gzdt/index.shtml"), ("通知公告", "/tzgg/index.shtml"), ("政务公开", "/zwgk/index.shtml")]
    frame = gov_frame(name, "4101000000", nav, "郑州市中原区", "豫ICP备00000002号")
    pages: dict[str, Page] = {}
    all_items: list[Item] = []
    for col, label, count, per in (("tzgg", "通知公告", 27, 12), ("gzdt", "工作动态", 15, 12)):
        def path_of(i: int, spec: C.Spec, col: str = col) -> str:
            y, m, d = ymd(spec)
            return f"/{col}/{y}-{m}/{d}/content_{330100 + i * 53 + len(col)}.shtml"

        items = make_items(counter, "hn_zz", count, seed=21 + len(col), path_of=path_of)
        all_items += items
        for it in items:
            body = article_body(it, f'<a href="/">首页</a> &gt; <a href="/{col}/index.shtml">{label}</a>', name, zoom="Zoom")
            pages[it.path] = html_page(frame(f"{it.title}-{name}", article_meta(it, label, name), body), _ts(it.date, 15))
        chunks = _chunks(items, per)
        for p, chunk in enumerate(chunks):
            rows = "\n".join(f'<tr><td class="bt"><a href="{it.path}" target="_blank">{escape(it.title)}</a></td><td class="rq">[{it.date}]</td></tr>' for it in chunk)
            body = f"""<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; {label}</div>
<table class="news-list" width="100%">
{rows}
</table>
<div id="page_div" class="pagination"></div>
<script type="text/javascript">createPageHTML('page_div',{len(chunks)},{p},'index','shtml',{count});</script>"""
            pages[f"/{col}/{'index.shtml' if p == 0 else f'index_{p}.shtml'}"] = html_page(frame(f"{label}-{name}", f'<meta name="ColumnName" content="{label}">', body), _ts(chunk[0].date, 15))
    hub = frame(f"政务公开-{name}", "", '<div class="zwgk"><a href="/zwgk/zfxxgkzn.shtml">政府信息公开指南</a> <a href="/zwgk/zfxxgkml.shtml">政府信息公开目录</a></div>')
    pages["/zwgk/index.shtml"] = html_page(hub, LOADED)
    home = frame(name, "", '<div class="home"><a href="/tzgg/index.shtml">更多通知公告&gt;&gt;</a></div>')
    pages["/"] = pages["/index.shtml"] = html_page(home, LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow:\n")
    return Built(pages, truths(site, all_items))


# ---------------------------------------------------------------------------------------
# jcms: Hanweb columns, records in an XML datastore, paging through the data proxy
# ---------------------------------------------------------------------------------------

DATAPROXY = "/module/web/jpage/dataproxy.jsp"


@dataclass(frozen=True)
class JcmsColumn:
    columnid: int
    unitid: int
    label: str
    count: int
    per_page: int
    inline: bool = True  # the first group of records is written into the page

    @property
    def group(self) -> int:
        """Records per data-proxy request: three pages' worth, as jpage asks for them."""
        return self.per_page * 3


def _jcms_record(it: Item) -> str:
    return f"<record><![CDATA[\n<li><a href=\"{it.path}\" target=\"_blank\" title=\"{escape(it.title)}\">{escape(it.title)}</a><span class=\"bt-data-time\">{it.date}</span></li>\n]]></record>"


def _jcms_params(col: JcmsColumn, webid: int, webname: str) -> dict[str, str]:
    return {"col": "1", "appid": "1", "webid": str(webid), "path": "/", "columnid": str(col.columnid),
            "sourceContentType": "1", "unitid": str(col.unitid), "webname": webname, "permissiontype": "0"}


def _jcms_column_page(col: JcmsColumn, items: list[Item], webid: int, webname: str) -> str:
    params = _jcms_params(col, webid, webname)
    nextgroup = DATAPROXY + "?page=1&" + urlencode({k: v for k, v in params.items() if k not in ("col", "sourceContentType")})
    records = "\n".join(_jcms_record(it) for it in items[:col.group]) if col.inline else ""
    js_params = ",".join(f"{k}:{v}" if v.isdigit() and k != "unitid" else f"{k}:'{v}'" for k, v in params.items())
    return f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; {col.label}</div>
<div class="main-list"><h2 class="col-title">{col.label}</h2>
<div id="{col.unitid}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="{nextgroup}"></a>]]></nextgroup>
<recordset>
{records}
</recordset>
</datastore></script></div>
<script type="text/javascript">var param_{col.unitid} = {{{js_params}}};</script>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>
<script type="text/javascript">$(function(){{$('#{col.unitid}').jpage({{dataStore: {'dataStore' if col.inline else 'null'}, proxyUrl: '{DATAPROXY}', ajaxParam: param_{col.unitid}, perPage: {col.per_page}, groupSize: 3, totalRecord: {col.count}, barPosition: 'bottom', pageCss: 'default'}});}});</script>
</div>"""


def _dataproxy(columns: dict[int, tuple[JcmsColumn, list[Item]]]) -> Callable[[DynamicRequest], Page]:
    """The jpage data proxy: records startrecord..endrecord (1-based, inclusive) of the column, plus one
    look-ahead record; `page=N` alone asks for the N-th group. Unknown columns get an empty datastore."""

    def answer(request: DynamicRequest) -> Page:
        args = {**request.query, **request.form}
        found = columns.get(int(args["columnid"])) if args.get("columnid", "").isdigit() else None
        if found is None or args.get("unitid") != str(found[0].unitid):
            return Page(b'<?xml version="1.0" encoding="UTF-8"?>\n<datastore><recordset></recordset><totalrecord>0</totalrecord></datastore>', XML, LOADED)
        col, items = found
        try:
            if "startrecord" in args:
                start, end = int(args["startrecord"]), int(args["endrecord"])
            else:
                group = max(int(args.get("page", "1")), 1)
                start, end = (group - 1) * col.group + 1, group * col.group
        except ValueError:
            return Page(b"<html><body>500 Internal Server Error</body></html>", HTML, LOADED, 500)
        chosen = items[max(start, 1) - 1:end + (1 if start > 1 else 0)]
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n<recordset>\n'
                + "\n".join(_jcms_record(it) for it in chosen)
                + f"\n</recordset>\n<totalrecord>{len(items)}</totalrecord>\n<totalpage>{-(-len(items) // col.per_page)}</totalpage>\n</datastore>\n")
        return Page(body.encode("utf-8"), XML, _ts(items[0].date, 9) if items else LOADED)

    return answer


def _build_jcms(counter: list[int], site: str, name: str, region: str, webid: int, id_code: str, address: str,
                columns: list[JcmsColumn], seed: int) -> Built:
    nav = [(c.label, f"/col/col{c.columnid}/index.html") for c in columns] + [("政务公开", "/col/col1229000/index.html")]
    frame = gov_frame(name, id_code, nav, address, "浙ICP备00000003号")
    pages: dict[str, Page] = {}
    all_items: list[Item] = []
    proxy: dict[int, tuple[JcmsColumn, list[Item]]] = {}
    for col in columns:
        def path_of(i: int, spec: C.Spec, col: JcmsColumn = col) -> str:
            y, m, d = ymd(spec)
            return f"/art/{y}/{int(m)}/{int(d)}/art_{col.columnid}_{58945000 + i * 131 + col.columnid % 97}.html"

        items = make_items(counter, region, col.count, seed=seed + col.columnid % 13, path_of=path_of)
        all_items += items
        proxy[col.columnid] = (col, items)
        for it in items:
            body = article_body(it, f'<a href="/">首页</a> &gt; <a href="/col/col{col.columnid}/index.html">{col.label}</a>', name)
            pages[it.path] = html_page(frame(f"{it.title}", article_meta(it, col.label, name), body), _ts(it.date, 11))
        html = frame(f"{col.label} {name}", f'<meta name="ColumnName" content="{col.label}">', _jcms_column_page(col, items, webid, name))
        pages[f"/col/col{col.columnid}/index.html"] = html_page(html, _ts(items[0].date, 11))
    hub = frame(f"政务公开 {name}", "", '<div class="zwgk"><a href="/col/col1229001/index.html">政府信息公开指南</a> <a href="/col/col1229002/index.html">政府信息公开年报</a></div>')
    pages["/col/col1229000/index.html"] = html_page(hub, LOADED)
    home = frame(name, "", f'<div class="home"><a href="/col/col{columns[0].columnid}/index.html">{columns[0].label}</a></div>')
    pages["/"] = pages["/index.html"] = html_page(home, LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow: /module/web/jpage/search\n")
    return Built(pages, truths(site, all_items), dynamic={DATAPROXY: _dataproxy(proxy)})


def build_jcms(counter: list[int]) -> Built:
    return _build_jcms(counter, "jcms", "浙江省教育厅", "zj", 3, "3300000000", "杭州市西湖区",
                       [JcmsColumn(1532973, 4863497, "通知公告", 44, 12), JcmsColumn(1532965, 4863410, "教育动态", 9, 12)], seed=31)


def build_jcmsproxy(counter: list[int]) -> Built:
    return _build_jcms(counter, "jcmsproxy", "杭州市教育局", "zj_hz", 41, "3301000000", "杭州市上城区",
                       [JcmsColumn(1692209, 6021344, "通知公告", 30, 10, inline=False)], seed=41)


# ---------------------------------------------------------------------------------------
# aspnet: WebForms lists in GB2312, AspNetPager links ?ClassID=3&page=2
# ---------------------------------------------------------------------------------------

ASPNET_HEADERS = (("X-Powered-By", "ASP.NET"), ("X-AspNet-Version", "4.0.30319"))
VIEWSTATE = "/wEPDwUKMTY1NDU2MTA1MmRkZGVtb1ZpZXdTdGF0ZQ=="


def _aspnet_frame(title: str, action: str, body: str) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>{escape(title)}</title>
<link href="css/style.css" rel="stylesheet" type="text/css" /></head>
<body>
<form name="form1" method="post" action="{escape(action)}" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{VIEWSTATE}" /></div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
function __doPostBack(eventTarget, eventArgument) {{ theForm.__EVENTTARGET.value = eventTarget; theForm.submit(); }}
//]]>
</script>
<div class="head"><img src="images/top.jpg" alt="日照市东港区教育和体育局" /></div>
<div class="menu"><a href="Default.aspx">首页</a> <a href="NewsList.aspx?ClassID=1">教育动态</a> <a href="NewsList.aspx?ClassID=3">通知公告</a> <a href="NewsList.aspx?ClassID=7">安全教育</a> <a href="About.aspx">机构概况</a></div>
{body}
<div class="foot">版权所有：日照市东港区教育和体育局　地址：山东省日照市东港区（演示地址）<br />网站标识码：3711020000　鲁ICP备00000004号</div>
</form>
</body>
</html>
"""


def build_aspnet(counter: list[int]) -> Built:
    site = "aspnet"
    pages: dict[str, Page] = {}
    all_items: list[Item] = []
    next_id = [2931]

    def path_of(i: int, spec: C.Spec) -> str:
        next_id[0] += 7
        return f"/NewsShow.aspx?ID={next_id[0]}"

    def gbk(html: str, last_modified: float) -> Page:
        # rendered per request, as WebForms pages are: no validators, never a 304
        return Page(html.encode("gb18030"), "text/html; charset=gb2312", last_modified, headers=ASPNET_HEADERS,
                    conditional=False)

    for class_id, label, count, per in ((3, "通知公告", 18, 8), (1, "教育动态", 9, 8), (7, "安全教育", 6, 8)):
        items = make_items(counter, "sd_rz_dg", count, seed=50 + class_id, path_of=path_of)
        all_items += items
        for it in items:
            body = f"""<table width="960" align="center" class="show"><tr><td class="weizhi">当前位置：<a href="Default.aspx">首页</a> &gt;&gt; <a href="NewsList.aspx?ClassID={class_id}">{label}</a></td></tr>
<tr><td align="center"><h1>{escape(it.title)}</h1></td></tr>
<tr><td align="center" class="info">发布日期：{it.date}　来源：东港区教体局　点击：<span id="lblHits">{40 + it.n % 500}</span></td></tr>
<tr><td id="lblContent" class="content">{_ps(it.paras)}</td></tr></table>"""
            pages[it.path] = gbk(_aspnet_frame(it.title, "./" + it.path.lstrip("/"), body), _ts(it.date, 16))
        chunks = _chunks(items, per)
        for p, chunk in enumerate(chunks, 1):
            rows = "\n".join(f'<tr><td class="tit"><a href="NewsShow.aspx?ID={it.path.rsplit("=", 1)[1]}" target="_blank" title="{escape(it.title)}">{escape(it.title)}</a></td><td class="time">{it.date}</td></tr>' for it in chunk)
            base = f"NewsList.aspx?ClassID={class_id}"
            pager = [f'<a href="{base}&amp;page=1">首页</a>' if p > 1 else '<a disabled="disabled">首页</a>']
            pager.append(f'<a href="{base}&amp;page={p - 1}">上一页</a>' if p > 1 else '<a disabled="disabled">上一页</a>')
            pager += [f'<span class="cpb">{k}</span>' if k == p else f'<a href="{base}&amp;page={k}">{k}</a>' for k in range(1, len(chunks) + 1)]
            pager.append(f'<a href="{base}&amp;page={p + 1}">下一页</a>' if p < len(chunks) else '<a disabled="disabled">下一页</a>')
            pager.append(f'<a href="{base}&amp;page={len(chunks)}">尾页</a>')
            body = f"""<table width="960" align="center"><tr><td class="weizhi">当前位置：<a href="Default.aspx">首页</a> &gt;&gt; {label}</td></tr></table>
<table id="GridView1" class="list" cellspacing="0" border="0" style="width:960px;border-collapse:collapse;">
{rows}
</table>
<div id="AspNetPager1" class="paginator">{" ".join(pager)}</div>"""
            page = gbk(_aspnet_frame(f"{label}-日照市东港区教育和体育局", f"./{base}&page={p}", body), _ts(chunk[0].date, 16))
            pages[f"/{base}&page={p}"] = page
            if p == 1:
                pages[f"/{base}"] = page
    home = _aspnet_frame("日照市东港区教育和体育局", "./Default.aspx", '<div class="index"><a href="NewsList.aspx?ClassID=3">通知公告</a></div>')
    pages["/"] = pages["/Default.aspx"] = gbk(home, LOADED)
    pages["/About.aspx"] = gbk(_aspnet_frame("机构概况", "./About.aspx", "<p>日照市东港区教育和体育局是区政府工作部门。</p>"), LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow: /Admin/\n")
    return Built(pages, truths(site, all_items))


# ---------------------------------------------------------------------------------------
# jsp: list.jsp?columnId=12&pageNum=2 behind javascript:goPage(n); ;jsessionid= links
# ---------------------------------------------------------------------------------------

JSESSION = "8F3A1C0D2B4E6F708192A3B4C5D6E7F8"


def build_jsp(counter: list[int]) -> Built:
    site, name = "jsp", "成都市教育局"
    nav = [("通知公告", "/web/list.jsp?columnId=12"), ("工作动态", "/web/list.jsp?columnId=15")]
    frame = gov_frame(name, "5101000000", nav, "成都市青羊区", "蜀ICP备00000005号")
    cookie = (("Set-Cookie", f"JSESSIONID={JSESSION}; Path=/; HttpOnly"),)
    pages: dict[str, Page] = {}
    all_items: list[Item] = []
    for column_id, label, count, per in ((12, "通知公告", 21, 9), (15, "工作动态", 8, 9)):
        def path_of(i: int, spec: C.Spec, column_id: int = column_id) -> str:
            return f"/web/detail.jsp?contentId={88100 + i * 23 + column_id}&columnId={column_id}"

        items = make_items(counter, "sc_cd", count, seed=60 + column_id, path_of=path_of)
        all_items += items
        for it in items:
            body = article_body(it, f'<a href="/">首页</a> &gt; <a href="/web/list.jsp?columnId={column_id}">{label}</a>', name, zoom="content")
            pages[it.path] = html_page(frame(it.title, article_meta(it, label, name), body), _ts(it.date, 14), headers=cookie)
        chunks = _chunks(items, per)
        for p, chunk in enumerate(chunks, 1):
            rows = "\n".join(
                f'<li><span class="date">{it.date}</span><a href="detail.jsp;jsessionid={JSESSION}?{it.path.split("?", 1)[1]}" target="_blank">{escape(it.title)}</a></li>'
                for it in chunk)
            body = f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; {label}</div>
<ul class="newslist">
{rows}
</ul>
<div class="pagebar">共<span>{count}</span>条记录 当前第<span>{p}</span>/<span>{len(chunks)}</span>页
<a href="javascript:goPage(1)">首页</a> <a href="javascript:goPage({max(p - 1, 1)})">上一页</a> <a href="javascript:goPage({min(p + 1, len(chunks))})">下一页</a> <a href="javascript:goPage({len(chunks)})">尾页</a>
转到<input type="text" id="pageNum" size="2" value="{p}">页 <input type="button" value="GO" onclick="goPage(document.getElementById('pageNum').value)"></div>
<script type="text/javascript">
var totalPage = {len(chunks)};
function goPage(n) {{ if (n < 1 || n > totalPage) return; window.location.href = "list.jsp?columnId={column_id}&pageNum=" + n; }}
</script>"""
            page = html_page(frame(f"{label}-{name}", f'<meta name="ColumnName" content="{label}">', body), _ts(chunk[0].date, 14), headers=cookie)
            pages[f"/web/list.jsp?columnId={column_id}&pageNum={p}"] = page
            if p == 1:
                pages[f"/web/list.jsp?columnId={column_id}"] = page
    home = frame(name, "", '<div class="home"><a href="/web/list.jsp?columnId=12">通知公告</a></div>')
    pages["/"] = pages["/index.jsp"] = html_page(home, LOADED, headers=cookie)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow: /admin/\n")
    return Built(pages, truths(site, all_items))


# ---------------------------------------------------------------------------------------
# feeds: a script-rendered list; RSS per column and a sitemap named in robots.txt
# ---------------------------------------------------------------------------------------

RSS_ITEMS = 20


def build_feeds(counter: list[int]) -> Built:
    site, name = "feeds", "深圳市教育局"
    nav = [("通知公告", "/tzgg/index.html"), ("RSS订阅", "/rss/index.html")]
    frame = gov_frame(name, "4403000000", nav, "深圳市福田区", "粤ICP备00000006号")
    items = make_items(counter, "gd_sz", 26, seed=71, path_of=lambda i, spec: f"/tzgg/content/post_{11234500 + i * 41}.html")
    pages: dict[str, Page] = {}
    for it in items:
        body = article_body(it, '<a href="/">首页</a> &gt; <a href="/tzgg/index.html">通知公告</a>', name)
        pages[it.path] = html_page(frame(it.title, article_meta(it, "通知公告", name), body), _ts(it.date, 17))
    feed_link = '<link rel="alternate" type="application/rss+xml" title="深圳市教育局 通知公告" href="/rss/tzgg.xml">'
    column = frame(f"通知公告 - {name}", feed_link, """<div class="crumb">当前位置：<a href="/">首页</a> &gt; 通知公告</div>
<ul id="list" class="list"></ul><div id="pager"></div>
<script src="/js/list.js"></script>
<script>loadList('/api/list?col=tzgg', 1);</script>
<noscript>请开启浏览器的JavaScript功能以浏览本栏目。</noscript>""")
    pages["/tzgg/index.html"] = html_page(column, _ts(items[0].date))
    pages["/rss/index.html"] = html_page(frame(f"RSS订阅 - {name}", "", '<ul><li><a href="/rss/tzgg.xml">通知公告</a></li></ul>'), LOADED)
    pages["/"] = pages["/index.html"] = html_page(frame(name, feed_link, '<div class="home"><a href="/tzgg/index.html">通知公告</a></div>'), LOADED)

    def rss(request: DynamicRequest) -> Page:
        base = f"http://{request.host}"
        entries = "\n".join(f"""<item><title>{escape(it.title)}</title><link>{base}{it.path}</link><guid>{base}{it.path}</guid>
<pubDate>{format_datetime(dt.datetime.fromisoformat(it.pub).replace(tzinfo=CST))}</pubDate><description>{escape(it.paras[0][:80])}</description></item>""" for it in items[:RSS_ITEMS])
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>深圳市教育局 - 通知公告</title><link>{base}/tzgg/index.html</link><description>通知公告</description><language>zh-cn</language>
{entries}
</channel></rss>
"""
        return Page(body.encode(), "application/rss+xml; charset=utf-8", _ts(items[0].date, 17))

    def sitemap(request: DynamicRequest) -> Page:
        base = f"http://{request.host}"
        urls = "\n".join(f"<url><loc>{base}{it.path}</loc><lastmod>{it.date}</lastmod></url>" for it in items)
        body = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>{base}/</loc></url>\n{urls}\n</urlset>\n'
        return Page(body.encode(), "application/xml", _ts(items[0].date, 17))

    def robots(request: DynamicRequest) -> Page:
        return robots_page(f"User-agent: *\nDisallow: /api/\nSitemap: http://{request.host}/sitemap.xml\n")

    def api(request: DynamicRequest) -> Page:
        rows = [{"title": it.title, "url": it.path, "date": it.date} for it in items[:10]]
        return Page(json.dumps({"total": len(items), "rows": rows}, ensure_ascii=False).encode(), "application/json", LOADED)

    dynamic: dict[str, Dynamic] = {"/rss/tzgg.xml": rss, "/sitemap.xml": sitemap, "/robots.txt": robots, "/api/list": api}
    return Built(pages, truths(site, items), dynamic=dynamic)


# ---------------------------------------------------------------------------------------
# moved: a redesign moved every column under /xwzx/
# ---------------------------------------------------------------------------------------

def static_column(frame: Callable[[str, str, str], str], name: str, prefix: str, label: str, items: list[Item], per: int) -> dict[str, Page]:
    """A TRS-style column at `prefix` (index.html, index_1.html, …), linking `items` wherever they live."""
    pages: dict[str, Page] = {}
    chunks = _chunks(items, per)
    for p, chunk in enumerate(chunks):
        rows = "\n".join(f'<li><a href="{it.path}" target="_blank">{escape(it.title)}</a><span class="time">{it.date}</span></li>' for it in chunk)
        body = f"""<div class="crumb">当前位置：<a href="/">首页</a> &gt; {label}</div>
<ul class="list">
{rows}
</ul>
<div class="pages"><script>createPageHTML({len(chunks)}, {p}, "index", "html");</script></div>"""
        page = html_page(frame(f"{label}_{name}", f'<meta name="ColumnName" content="{label}">', body), _ts(chunk[0].date if chunk else "2023-01-01"))
        pages[f"{prefix}{'index.html' if p == 0 else f'index_{p}.html'}"] = page
    return pages


def build_moved(counter: list[int]) -> Built:
    site, name = "moved", "南京市教育局"
    nav = [("通知公告", "/xwzx/tzgg/index.html"), ("教育要闻", "/xwzx/jyyw/index.html"), ("安全教育", "/xwzx/aqjy/index.html")]
    frame = gov_frame(name, "3201000000", nav, "南京市建邺区", "苏ICP备00000007号")
    pages: dict[str, Page] = {}
    all_items: list[Item] = []
    columns: dict[str, tuple[str, list[Item], int]] = {}
    for col, label, count, per in (("tzgg", "通知公告", 26, 20), ("jyyw", "教育要闻", 8, 20), ("aqjy", "安全教育", 6, 20)):
        def path_of(i: int, spec: C.Spec, col: str = col) -> str:
            y, m, d = ymd(spec)
            return f"/xwzx/{col}/{y}{m}/t{y}{m}{d}_{4410200 + i * 97 + len(col)}.html"

        items = make_items(counter, "js_nj", count, seed=80 + len(col), path_of=path_of)
        all_items += items
        columns[col] = (label, items, per)
        for it in items:
            body = article_body(it, f'<a href="/">首页</a> &gt; 新闻中心 &gt; <a href="/xwzx/{col}/index.html">{label}</a>', name)
            pages[it.path] = html_page(frame(f"{it.title}_{name}", article_meta(it, label, name), body), _ts(it.date, 10))
        pages.update(static_column(frame, name, f"/xwzx/{col}/", label, items, per))
    notice = frame(f"通知公告_{name}", "", """<div class="crumb">当前位置：<a href="/">首页</a> &gt; 通知公告</div>
<div class="notice"><p>网站已改版，本栏目已调整至「新闻中心 &gt; 通知公告」，请访问<a href="/xwzx/tzgg/index.html">新栏目</a>。</p>
<p>本栏目暂无信息。</p></div>""")
    pages["/tzgg/index.html"] = html_page(notice, _ts("2025-07-01"))
    pages["/aqjy/index.html"] = Page(b"", HTML, LOADED, 301, headers=(("Location", "/xwzx/aqjy/index.html"),))
    label, items, per = columns["tzgg"]
    before = static_column(frame, name, "/tzgg/", label, items, per)
    pages["/"] = pages["/index.html"] = html_page(frame(name, "", '<div class="home"><a href="/xwzx/tzgg/index.html">通知公告</a></div>'), LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow:\n")
    return Built(pages, truths(site, all_items), alternates={"before_move": before})


# ---------------------------------------------------------------------------------------
# blocked: robots.txt disallows /xxgk/, and a firewall answers 403 there
# ---------------------------------------------------------------------------------------

def build_blocked(counter: list[int]) -> Built:
    site, name = "blocked", "长沙市教育局"
    nav = [("通知公告", "/xxgk/tzgg/index.html"), ("教育新闻", "/jyxw/index.html"), ("安全教育", "/aqjy/index.html")]
    frame = gov_frame(name, "4301000000", nav, "长沙市岳麓区", "湘ICP备00000008号")
    pages: dict[str, Page] = {}
    all_items: list[Item] = []
    for col, label, count in (("jyxw", "教育新闻", 14), ("aqjy", "安全教育", 5), ("xxgk/tzgg", "通知公告", 9)):
        def path_of(i: int, spec: C.Spec, col: str = col) -> str:
            y, m, d = ymd(spec)
            return f"/{col}/{y}{m}/t{y}{m}{d}_{1120300 + i * 61 + len(col)}.html"

        items = make_items(counter, "hun_cs", count, seed=90 + len(col), path_of=path_of)
        if not col.startswith("xxgk"):
            all_items += items  # what a polite crawler can read; /xxgk/ stays out of the truth
        for it in items:
            body = article_body(it, f'<a href="/">首页</a> &gt; <a href="/{col}/index.html">{label}</a>', name)
            pages[it.path] = html_page(frame(f"{it.title}_{name}", article_meta(it, label, name), body), _ts(it.date, 10))
        pages.update(static_column(frame, name, f"/{col}/", label, items, 10))
    pages["/"] = pages["/index.html"] = html_page(frame(name, "", '<div class="home"><a href="/jyxw/index.html">教育新闻</a></div>'), LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow: /xxgk/\nDisallow: /search/\n")
    return Built(pages, truths(site, all_items), forbidden=("/xxgk/", "/search/"))


# ---------------------------------------------------------------------------------------
# walled: robots.txt disallows everything; nolist: nothing that lists dated articles
# ---------------------------------------------------------------------------------------

def build_walled(counter: list[int]) -> Built:
    frame = gov_frame("兰州市教育局", "6201000000", [("通知公告", "/tzgg/index.html")], "兰州市城关区", "陇ICP备00000009号")
    pages = {"/": html_page(frame("兰州市教育局", "", "<p>欢迎访问</p>"), LOADED), "/robots.txt": robots_page("User-agent: *\nDisallow: /\n")}
    return Built(pages, [], forbidden=("/",))


def build_nolist(counter: list[int]) -> Built:
    name = "合肥市教育局"
    nav = [("机构职能", "/jgzn.html"), ("领导信息", "/ldxx.html"), ("通知公告", "/tzgg/index.html"), ("联系我们", "/lxwm.html")]
    frame = gov_frame(name, "3401000000", nav, "合肥市蜀山区", "皖ICP备00000010号")
    pages = {
        "/jgzn.html": html_page(frame(f"机构职能_{name}", "", "<div><h2>机构职能</h2><p>贯彻执行国家和省教育工作的方针、政策和法律法规，拟订全市教育发展规划。</p></div>"), LOADED),
        "/ldxx.html": html_page(frame(f"领导信息_{name}", "", "<div><h2>领导信息</h2><p>局长：（演示）</p></div>"), LOADED),
        "/lxwm.html": html_page(frame(f"联系我们_{name}", "", "<div><h2>联系我们</h2><p>办公电话：0551-00000000</p></div>"), LOADED),
        "/tzgg/index.html": html_page(frame(f"通知公告_{name}", "", '<div class="list"><h2>通知公告</h2><p class="empty">暂无信息</p></div>'), LOADED),
    }
    pages["/"] = pages["/index.html"] = html_page(frame(name, "", '<div class="home"><p>网站改版中，敬请期待。</p></div>'), LOADED)
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow:\n")
    return Built(pages, [])


BUILDERS: dict[str, Callable[[list[int]], Built]] = {
    "trs": build_trs, "shtml": build_shtml, "jcms": build_jcms, "jcmsproxy": build_jcmsproxy, "aspnet": build_aspnet,
    "jsp": build_jsp, "feeds": build_feeds, "moved": build_moved, "blocked": build_blocked, "walled": build_walled,
    "nolist": build_nolist,
}


def build_cms() -> dict[str, Built]:
    """Every CMS-family site, in a fixed order (article numbering depends on it)."""
    counter = [FIRST_NUMBER]
    return {site: BUILDERS[site](counter) for site in CMS_SITES}
