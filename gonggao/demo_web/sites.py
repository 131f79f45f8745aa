"""Render the five demo sites into pages (path → bytes + headers) and their ground truth."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from gonggao.demo_web import content as C
from gonggao.demo_web.model import DemoArticle

SITES = ["sxjyt", "hanyin", "news", "tw", "epaper"]
CST = dt.timezone(dt.timedelta(hours=8))


@dataclass
class Page:
    body: bytes
    content_type: str | None  # the Content-Type header as sent; None = no header at all
    last_modified: float  # unix seconds
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()  # more response headers (Location of a redirect, X-Powered-By)
    conditional: bool = True  # False: no ETag / Last-Modified, never a 304 (a page rendered per request)


def _ts(date: str, hh: int = 10, mm: int = 0) -> float:
    d = dt.date.fromisoformat(date)
    return dt.datetime(d.year, d.month, d.day, hh, mm, tzinfo=CST).timestamp()


def _html(text: str) -> bytes:
    return text.encode("utf-8")


HTML = "text/html; charset=utf-8"


def _ps(paras: list[str], cls: str = "") -> str:
    out = []
    for p in paras:
        style = ' style="text-align: right;"' if len(p) < 14 and ("局" in p or "厅" in p or "日" in p) else ""
        out.append(f"<p{style}>{escape(p)}</p>")
    return "\n".join(out)


@dataclass(frozen=True)
class DynamicRequest:
    """What a dynamic page sees of a request: method, path without query, query and form fields, Host."""

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    host: str


Dynamic = Callable[[DynamicRequest], Page]


@dataclass
class Built:
    pages: dict[str, Page]
    articles: list[DemoArticle]
    # path (no query) → a page computed per request (a data proxy, a robots.txt naming the host)
    dynamic: dict[str, Dynamic] = field(default_factory=dict)
    # path prefixes answered with 403 whatever is there (a firewall enforcing robots.txt; never /robots.txt)
    forbidden: tuple[str, ...] = ()
    # named sets of page changes a test applies with DemoWeb.apply (a column before it moved)
    alternates: dict[str, dict[str, Page]] = field(default_factory=dict)


def _truth(site: str, path: str, spec: C.Spec, title: str, n: int, **kw) -> DemoArticle:
    reg = C.REGIONS[spec.region]
    return DemoArticle(
        site=site, path=path, url="", title=title, published_date=spec.date,
        province=reg.province, city=reg.city, county=reg.county, hazards=list(spec.hazards),
        safety_related=bool(spec.hazards), issuer=reg.issuer, event_type=spec.event,
        topic="safety" if spec.hazards else spec.event, **kw,
    )


# ---------------------------------------------------------------------------------------
# a tiny valid PDF, built with correct xref offsets
# ---------------------------------------------------------------------------------------

def tiny_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# An .xls attachment: served as a spreadsheet, never parsed (the crawler should skip it).
XLS_BYTES = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504


# ---------------------------------------------------------------------------------------
# 1. sxjyt: provincial education department on a government CMS
# ---------------------------------------------------------------------------------------

SX_HEAD = """<div class="topbar"><span>欢迎访问陕西省教育厅网站</span><span class="r"><a href="javascript:;">无障碍浏览</a> | <a href="javascript:;">长者模式</a> | <a href="javascript:;">繁體</a> | <a href="javascript:;">English</a></span></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="陕西省教育厅"></div>
<form class="search" action="/search/" method="get"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><ul><li><a href="/index.html">首页</a></li><li><a href="/jyzx/tzgg/index.html">通知公告</a></li><li><a href="/jyzx/jyyw/index.html">教育要闻</a></li><li><a href="/zfxxgk/index.html">政府信息公开</a></li><li><a href="/zwfw/index.html">政务服务</a></li><li><a href="/hdjl/index.html">互动交流</a></li></ul></div>"""

SX_FOOT = """<div class="footer"><div class="links">友情链接：<a href="http://www.moe.gov.cn/">教育部</a> <a href="http://www.shaanxi.gov.cn/">陕西省人民政府</a></div>
<p><a href="/wzdt.html">网站地图</a> | <a href="/lxwm.html">联系我们</a> | <a href="/sybz.html">使用帮助</a></p>
<p>主办单位：陕西省教育厅　　地址：西安市雁塔区糜家桥西路中段（演示地址）　　邮编：710061</p>
<p>网站标识码：6100000038　　<a href="https://beian.miit.gov.cn/">陕ICP备05001632号-1</a>　　陕公网安备 61010302000987号</p>
<p><img src="/images/dzjg.png" alt="党政机关"> <img src="/images/jiucuo.png" alt="政府网站找错"></p></div>"""


def _sx_page(title: str, head_meta: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="陕西省教育厅">
<meta name="SiteDomain" content="jyt.shaanxi.gov.cn">
<meta name="SiteIDCode" content="6100000038">
{head_meta}
<title>{escape(title)}</title>
<link rel="stylesheet" href="/css/style.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
{SX_HEAD}
{body}
{SX_FOOT}
<script>var _hmt = _hmt || [];</script>
</body>
</html>
"""


def build_sxjyt(counter: list[int]) -> Built:
    pages: dict[str, Page] = {}
    arts: list[DemoArticle] = []
    items = []  # (spec, title, paras, path, time, n)
    for i, spec in enumerate(C.SXJYT):
        n = counter[0]
        counter[0] += 1
        style = "notice" if spec.event == "notice" else "plain"
        title, paras = C.build(spec, n, style=style)
        y, m, d = spec.date.split("-")
        aid = 123456 + i * 731
        col = "zfxxgk/fdzdgknr/aqgl" if "xxgk" in spec.extra else "jyzx/tzgg"
        path = f"/{col}/{y}{m}/t{y}{m}{d}_{aid}.html"
        items.append((spec, title, paras, path, (9 + n % 8, n * 7 % 60), n, aid))

    for k, (spec, title, paras, path, (hh, mm), n, aid) in enumerate(items):
        reg = C.REGIONS[spec.region]
        y, m, d = spec.date.split("-")
        pub = f"{spec.date} {hh:02d}:{mm:02d}"
        source = reg.issuer if spec.region == "sx" else f"{reg.issuer}"
        meta = (f'<meta name="ColumnName" content="通知公告">\n<meta name="ColumnType" content="通知公告">\n'
                f'<meta name="ArticleTitle" content="{escape(title)}">\n<meta name="PubDate" content="{pub}">\n'
                f'<meta name="ContentSource" content="{escape(source)}">\n'
                f'<meta name="Keywords" content="{escape("，".join(C.TOPIC[h] for h in spec.hazards) or "教育")}">\n'
                f'<meta name="Description" content="{escape(paras[0][:60])}">')
        extras = []
        attachments = []
        xxgk = ""
        if "xxgk" in spec.extra:
            xxgk = f"""<table class="xxgk-table" border="1" cellspacing="0">
<tr><th>索引号</th><td>11610000016372960X/2025-0000{aid % 97}</td><th>主题分类</th><td>教育</td></tr>
<tr><th>发文机关</th><td>陕西省教育厅</td><th>成文日期</th><td>{C._cn_date(spec.date, 2, True)}</td></tr>
<tr><th>发文字号</th><td>{spec.extra["xxgk"]}</td><th>发布日期</th><td>{spec.date[:4]}年{int(m)}月{int(d)}日</td></tr>
<tr><th>标题</th><td colspan="3">{escape(title)}</td></tr></table>"""
        if spec.extra.get("pdf"):
            file_path = f"/jyzx/tzgg/{y}{m}/P0{y}{m}{d}{aid}.pdf"
            pages[file_path] = Page(tiny_pdf("Gonggao demo attachment: school flood duty roster"), "application/pdf", _ts(spec.date))
            extras.append(f'<p>附件：<a href="{file_path}">学校防汛责任人名单.pdf</a></p>')
            attachments.append(file_path)
        if spec.extra.get("xls"):
            file_path = f"/jyzx/tzgg/{y}{m}/P0{y}{m}{d}{aid}.xls"
            pages[file_path] = Page(XLS_BYTES, "application/vnd.ms-excel", _ts(spec.date))
            extras.append(f'<p>附件：<a href="{file_path}">暑期防溺水工作情况统计表.xls</a></p>')
            attachments.append(file_path)
        if spec.extra.get("private_link"):
            extras.append('<div class="xglj">相关链接：<a href="/private/preview/draft_20230315.html">本文审核预览稿（内部）</a></div>')
        prev_ = items[k - 1] if k > 0 else None
        next_ = items[k + 1] if k + 1 < len(items) else None
        pn = ""
        if prev_:
            pn += f'<p>上一篇：<a href="{prev_[3]}">{escape(prev_[1])}</a></p>'
        if next_:
            pn += f'<p>下一篇：<a href="{next_[3]}">{escape(next_[1])}</a></p>'
        crumb_col = "政府信息公开 &gt; 法定主动公开内容 &gt; 安全管理" if xxgk else "教育资讯 &gt; 通知公告"
        body = f"""<div class="crumb">当前位置：<a href="/index.html">首页</a> &gt; {crumb_col}</div>
<div class="main article">
{xxgk}
<h1 class="title">{escape(title)}</h1>
<div class="info"><span>发布时间：{pub}</span><span>来源：{escape(source)}</span><span>浏览次数：<em id="visit">{200 + n * 37 % 3000}</em></span><span>字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span></div>
<div class="share bdsharebuttonbox">分享到：<a class="bds_weixin" title="分享到微信">微信</a> <a class="bds_tsina" title="分享到新浪微博">微博</a> <a class="bds_qzone" title="分享到QQ空间">QQ空间</a></div>
<div class="TRS_Editor" id="zoom">
{_ps(paras)}
{''.join(extras)}
</div>
<div class="tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
<div class="prevnext">{pn}</div>
</div>"""
        pages[path] = Page(_html(_sx_page(f"{title}_陕西省教育厅", meta, body)), HTML, _ts(spec.date, hh, mm))
        arts.append(_truth("sxjyt", path, spec, title, n, attachments=attachments))

    pages["/private/preview/draft_20230315.html"] = Page(
        _html(_sx_page("内部预览_陕西省教育厅", "", '<div class="main"><h1>内部审核预览（不公开）</h1><p>此页面仅供内部审核使用，禁止抓取。</p></div>')),
        HTML, _ts("2023-03-15"))

    # column list pages: newest first, 10 a page, index.html / index_1.html / index_2.html
    ordered = sorted(items, key=lambda it: it[0].date, reverse=True)
    per = 10
    npages = (len(ordered) + per - 1) // per
    for p in range(npages):
        chunk = ordered[p * per:(p + 1) * per]
        lis = "\n".join(f'<li><a href="{it[3]}" target="_blank" title="{escape(it[1])}">{escape(it[1])}</a><span class="date">{it[0].date}</span></li>' for it in chunk)
        name = "index.html" if p == 0 else f"index_{p}.html"
        nav = []
        if p > 0:
            nav.append(f'<a href="{"index.html" if p == 1 else f"index_{p - 1}.html"}">上一页</a>')
        if p + 1 < npages:
            nav.append(f'<a href="index_{p + 1}.html">下一页</a>')
        body = f"""<div class="crumb">当前位置：<a href="/index.html">首页</a> &gt; 教育资讯 &gt; 通知公告</div>
<div class="main list"><h2 class="col-title">通知公告</h2>
<ul class="list-ul">
{lis}
</ul>
<div class="page" id="page_div"><script type="text/javascript">createPageHTML({npages}, {p}, "index", "html");</script>
<noscript>{' '.join(nav)}</noscript>
<span class="pager">{' '.join(nav)} 共{npages}页</span></div>
</div>"""
        meta = '<meta name="ColumnName" content="通知公告">\n<meta name="ColumnType" content="通知公告">'
        pages[f"/jyzx/tzgg/{name}"] = Page(_html(_sx_page("通知公告_陕西省教育厅", meta, body)), HTML,
                                          _ts(chunk[0][0].date))
    latest = "\n".join(f'<li><a href="{it[3]}">{escape(it[1])}</a><span>{it[0].date[5:]}</span></li>' for it in ordered[:8])
    home = _sx_page("陕西省教育厅", "", f'<div class="main home"><div class="box"><h3><a href="/jyzx/tzgg/index.html">通知公告</a><a class="more" href="/jyzx/tzgg/index.html">更多&gt;&gt;</a></h3><ul>{latest}</ul></div></div>')
    pages["/index.html"] = Page(_html(home), HTML, _ts(ordered[0][0].date))
    pages["/"] = pages["/index.html"]
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", "text/plain; charset=utf-8", _ts("2023-01-01"))
    return Built(pages, arts)


# ---------------------------------------------------------------------------------------
# 2. hanyin: county bureau, GBK bytes, missing or wrong charset declarations
# ---------------------------------------------------------------------------------------

def _hy_page(title: str, body: str, meta_charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">\n' if meta_charset else ""
    return f"""<html>
<head>
{meta}<title>{escape(title)}</title>
<link href="/css/main.css" rel="stylesheet" type="text/css">
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
<tr><td><img src="/images/banner.jpg" alt="汉阴县教育体育和科技局"></td></tr>
<tr><td class="menu"><a href="/index.html">网站首页</a> | <a href="/html/jyxw/list.html">教育新闻</a> | <a href="/html/aqgl/list.html">安全管理</a> | <a href="/html/zwgk/list.html">政务公开</a> | <a href="/html/djgz/list.html">党建工作</a> | <a href="/html/xzzx/list.html">下载中心</a></td></tr>
<tr><td class="date">今天是：<span id="today"></span>　　汉阴县教育体育和科技局欢迎您！</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="con">
<tr><td valign="top">
{body}
</td></tr></table>
<table width="1000" border="0" align="center" class="bottom"><tr><td align="center">
版权所有：汉阴县教育体育和科技局　地址：陕西省安康市汉阴县城关镇（演示地址）　电话：0915-5xxxxxx<br>
网站标识码：6109210019　<a href="https://beian.miit.gov.cn/">陕ICP备12003456号</a>　技术支持：安康某网络科技有限公司
</td></tr></table>
</body>
</html>
"""


HY_TABLE_SCHOOLS = ["第一小学", "第二初级中学", "城区幼儿园"]


def _hy_inspection_table(date: str, n: int) -> str:
    """A data table as such county sites print one under an inspection report (schools, dates, counts):
    it must reach the document as a table, not be dropped as layout."""
    month, day = int(date[5:7]), int(date[8:10])
    rows = "".join(f"<tr><td>{school}</td><td>{month}月{max(1, day - i)}日</td><td>{3 + (n + i) % 3}</td><td>{(n + i) % 4}</td></tr>"
                   for i, school in enumerate(HY_TABLE_SCHOOLS))
    return ('<p>部分学校检查情况如下：</p>\n<table border="1" cellspacing="0" cellpadding="3" width="90%" align="center">'
            f"<tr><td>学校名称</td><td>检查日期</td><td>参检人员</td><td>整改事项</td></tr>{rows}</table>")


def build_hanyin(counter: list[int]) -> Built:
    pages: dict[str, Page] = {}
    arts: list[DemoArticle] = []
    items = []
    for i, spec in enumerate(C.HANYIN):
        n = counter[0]
        counter[0] += 1
        title, paras = C.build(spec, n)
        y, m, d = spec.date.split("-")
        path = f"/html/{y}/{m}{d}/content_{2051 + i * 17}.html"
        items.append((spec, title, paras, path, n))
    for k, (spec, title, paras, path, n) in enumerate(items):
        table = _hy_inspection_table(spec.date, n) if spec.event == "inspection" else ""
        body = f"""<table width="100%" class="weizhi"><tr><td>当前位置：<a href="/index.html">首页</a> &gt;&gt; <a href="/html/aqgl/list.html">安全管理</a> &gt;&gt; 正文</td></tr></table>
<table width="96%" align="center" class="article">
<tr><td align="center" class="biaoti"><b>{escape(title)}</b></td></tr>
<tr><td align="center" class="xinxi">发布时间：{spec.date}　　来源：县教体科技局　　作者：{C.REPORTERS[n % len(C.REPORTERS)]}　　点击数：{50 + n * 29 % 900}</td></tr>
<tr><td class="zhengwen" id="zoom">
{_ps(paras)}
{table}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">[打印]</a> <a href="javascript:window.close()">[关闭]</a></td></tr>
</table>"""
        html = _hy_page(f"{title}-汉阴县教育体育和科技局", body, "utf-8" if k % 3 == 2 else None)
        ctype = {0: "text/html", 1: "text/html; charset=utf-8", 2: "text/html"}[k % 3]
        pages[path] = Page(html.encode("gb18030"), ctype, _ts(spec.date, 16, 20))
        arts.append(_truth("hanyin", path, spec, title, n))

    ordered = sorted(items, key=lambda it: it[0].date, reverse=True)
    per = 5
    npages = (len(ordered) + per - 1) // per
    for p in range(npages):
        chunk = ordered[p * per:(p + 1) * per]
        rows = "\n".join(f'<tr><td class="l">·<a href="{it[3]}" title="{escape(it[1])}">{escape(it[1])}</a></td><td class="r">[{it[0].date}]</td></tr>' for it in chunk)
        nav = [f"共{len(ordered)}条记录 页次：{p + 1}/{npages}"]
        nav.append('<a href="list.html">首页</a>')
        if p > 0:
            nav.append(f'<a href="list.html?page={p}">上一页</a>')
        if p + 1 < npages:
            nav.append(f'<a href="list.html?page={p + 2}">下一页</a>')
        nav.append(f'<a href="list.html?page={npages}">尾页</a>')
        body = f"""<table width="100%" class="weizhi"><tr><td>当前位置：<a href="/index.html">首页</a> &gt;&gt; 安全管理</td></tr></table>
<table width="96%" align="center" class="list">
{rows}
</table>
<div class="fenye">{' '.join(nav)}</div>"""
        html = _hy_page("安全管理-汉阴县教育体育和科技局", body, "utf-8" if p == 2 else None)
        ctype = "text/html; charset=utf-8" if p == 1 else "text/html"
        data = html.encode("gb18030")
        lm = _ts(chunk[0][0].date)
        if p == 0:
            pages["/html/aqgl/list.html"] = Page(data, ctype, lm)
        pages[f"/html/aqgl/list.html?page={p + 1}"] = Page(data, ctype, lm)
    latest = "".join(f'<tr><td>·<a href="{it[3]}">{escape(it[1])}</a></td></tr>' for it in ordered[:6])
    home = _hy_page("汉阴县教育体育和科技局", f'<table class="box"><tr><th><a href="/html/aqgl/list.html">安全管理</a></th></tr>{latest}</table>', None)
    pages["/index.html"] = Page(home.encode("gb18030"), "text/html", _ts(ordered[0][0].date))
    pages["/"] = pages["/index.html"]
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow:\n", "text/plain", _ts("2023-01-01"))
    return Built(pages, arts)


# ---------------------------------------------------------------------------------------
# 3. news: a portal reprinting announcements, full of clutter
# ---------------------------------------------------------------------------------------

NEWS_ADS = [
    '<div class="ad ad-med"><a href="http://ad.example.invalid/yy">颈肩腰腿痛不用愁！老中医祖传秘方，三天见效，无效退款。咨询热线：400-000-0000 地址：广州市白云区机场路某大厦（演示广告）</a></div>',
    '<div class="ad ad-bet"><a href="http://ad.example.invalid/bet">线上娱乐城 首存即送88% 百家乐 真人视讯 日日返水（演示广告）</a></div>',
    '<div class="ad ad-dl"><a href="http://ad.example.invalid/dl">高速下载 | 绿色软件破解版合集 | 手游礼包免费领 - 某某下载站（演示广告）</a></div>',
]
NEWS_AUTHORS = ["综合整理", "本网编辑", "小编", "创始人", "网络", "教育频道"]
NEWS_EDITORS = ["李然", "周一鸣", "王可", "陈晨", "赵婧"]


def _news_page(title: str, body: str, extra_head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{extra_head}
<title>{escape(title)}_华夏资讯网</title>
</head>
<body>
<div class="site-top"><a href="/">华夏资讯网</a> <a href="/jiaoyu/index.html">教育</a> <a href="/keji/">科技</a> <a href="/caijing/">财经</a> <a href="/jiankang/">健康</a> <a href="/app/">下载客户端</a> <a href="/login">登录</a> | <a href="/reg">注册</a></div>
{NEWS_ADS[2]}
{body}
<div class="footer">
<p><a href="/about.html">关于我们</a> | <a href="/contact.html">联系方式</a> | <a href="/ad.html">广告服务</a> | <a href="/sitemap.html">网站地图</a></p>
<p>Copyright © 2014-2025 华夏资讯网 版权所有　<a href="https://beian.miit.gov.cn/">京ICP备14058821号-2</a>　京公网安备11010802030000号</p>
<p>违法和不良信息举报电话：010-00000000　邮箱：jubao@example.invalid</p>
</div>
</body>
</html>
"""


def build_news(counter: list[int], originals: dict[str, list[tuple[str, str, list[str], C.Spec]]]) -> Built:
    """`originals` holds, for sxjyt and hanyin, (path, title, paras, spec) in spec order."""
    pages: dict[str, Page] = {}
    arts: list[DemoArticle] = []
    items = []
    for i, (spec, reprint) in enumerate(C.NEWS):
        n = counter[0]
        counter[0] += 1
        y, m, d = spec.date.split("-")
        path = f"/jiaoyu/{y}{m}{d}/{301527 + i * 97}.shtml"
        if reprint:
            osite, oidx = reprint
            opath, otitle, oparas, ospec = originals[osite][oidx]
            spec = C.Spec(spec.date, ospec.region, list(ospec.hazards), ospec.event)
            title, paras = otitle, list(oparas)
            src = C.REGIONS[ospec.region].issuer + "网站"
            truth = dict(reprint_of=opath, reprint_of_site=osite)
        else:
            title, paras = C.build(spec, n, style="notice" if spec.event == "notice" else "plain")
            src = ["东方资讯", "中国教育在线（演示）", "地方政府网站", "新华资讯（演示）"][n % 4]
            truth = {}
        items.append((spec, title, paras, path, n, src, truth))

    for k, (spec, title, paras, path, n, src, truth) in enumerate(items):
        hh, mm, ss = 8 + n % 12, n * 13 % 60, n * 29 % 60
        # related articles: other items, each shown with its own (different) date
        rel = [items[(k + j) % len(items)] for j in (3, 7, 11, 5)]
        rel_html = "\n".join(f'<li><a href="{r[3]}">{escape(r[1])}</a><span class="time">{r[0].date}</span></li>' for r in rel)
        hot = [items[(k + j) % len(items)] for j in (2, 9, 13)]
        hot_html = "\n".join(f'<li><a href="{r[3]}">{escape(r[1])}</a> <em>{r[0].date[5:]}</em></li>' for r in hot)
        kw = " ".join(C.TOPIC[h] for h in spec.hazards[:3]) or "教育 政务"
        lead_ad = NEWS_ADS[k % 2]
        body_paras = _ps(paras[:2]) + "\n" + lead_ad + "\n" + _ps(paras[2:])
        body = f"""<div class="crumb"><a href="/">华夏资讯网</a> &gt; <a href="/jiaoyu/index.html">教育</a> &gt; 内容页</div>
<div class="wrap"><div class="left">
<h1>{escape(title)}</h1>
<div class="byline">作者：{NEWS_AUTHORS[n % len(NEWS_AUTHORS)]}　{spec.date} {hh:02d}:{mm:02d}:{ss:02d}　阅读：{100 + n * 53 % 5000}　来源：{escape(src)}</div>
<div class="pic"><img src="/uploads/{spec.date[:4]}/{n}.jpg" alt=""><p class="pic-note">(资料图片仅供参考)</p></div>
<div class="content" id="article">
{body_paras}
</div>
<p class="keywords">关键词：{escape(kw)}</p>
<p class="editor">责任编辑：{NEWS_EDITORS[n % len(NEWS_EDITORS)]}</p>
<div class="statement">声明：本网站部分文章转载自其他媒体或网站，转载目的在于让更多读者看到这些信息，并不代表本网认同其观点，也不对其真实性负责。如有作品内容、版权或其他问题需要处理，请在见文后三十日内联系本网。</div>
<div class="share">分享到：<a>微信</a> <a>朋友圈</a> <a>微博</a></div>
<div class="related"><h3>相关文章</h3><ul>
{rel_html}
</ul></div>
</div>
<div class="right"><div class="hot"><h3>热点推荐</h3><ul>
{hot_html}
</ul></div>{NEWS_ADS[(k + 1) % 2]}</div></div>"""
        pages[path] = Page(_html(_news_page(title, body, f'<meta name="keywords" content="{escape(kw)}">')), HTML, _ts(spec.date, hh, mm))
        arts.append(_truth("news", path, spec, title, n, **truth))

    ordered = sorted(items, key=lambda it: it[0].date, reverse=True)
    per = 10
    npages = (len(ordered) + per - 1) // per
    for p in range(npages):
        chunk = ordered[p * per:(p + 1) * per]
        lis = "\n".join(f'<li><h3><a href="{it[3]}">{escape(it[1])}</a></h3><p>{escape(it[2][0][:50])}…</p><span>{it[0].date}</span></li>' for it in chunk)
        nav = []
        if p > 0:
            nav.append(f'<a href="{"index.html" if p == 1 else f"index_{p}.html"}">上一页</a>')
        if p + 1 < npages:
            nav.append(f'<a href="index_{p + 2}.html">下一页</a>')
        name = "index.html" if p == 0 else f"index_{p + 1}.html"
        body = f'<div class="crumb"><a href="/">华夏资讯网</a> &gt; 教育</div><ul class="news-list">{lis}</ul><div class="pages">{" ".join(nav)}</div>'
        pages[f"/jiaoyu/{name}"] = Page(_html(_news_page("教育", body)), HTML, _ts(chunk[0][0].date))
    pages["/"] = Page(_html(_news_page("首页", '<div><a href="/jiaoyu/index.html">教育频道</a></div>')), HTML, _ts(ordered[0][0].date))
    pages["/index.html"] = pages["/"]
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /login\nDisallow: /reg\n", "text/plain", _ts("2023-01-01"))
    return Built(pages, arts)


# ---------------------------------------------------------------------------------------
# 4. tw: Traditional-Chinese mirror with pinyin glued into words
# ---------------------------------------------------------------------------------------

PINYIN = {
    "穩": "wěn", "會": "huì", "議": "yì", "學": "xué", "習": "xí", "產": "chǎn", "實": "shí", "點": "diǎn",
    "動": "dòng", "統": "tǒng", "強": "qiáng", "領": "lǐng", "導": "dǎo", "險": "xiǎn", "勢": "shì",
    "責": "zé", "護": "hù", "檢": "jiǎn", "總": "zǒng", "報": "bào", "織": "zhī", "確": "què", "預": "yù",
    "備": "bèi", "專": "zhuān", "園": "yuán", "災": "zāi", "歲": "suì", "鑑": "jiàn", "題": "tí", "機": "jī",
    "處": "chǔ", "範": "fàn", "練": "liàn", "緊": "jǐn", "詐": "zhà", "騙": "piàn", "規": "guī",
}
PROV_PINYIN = {"山西省": "shanxi", "河北省": "hebei", "广东省": "guangdong", "云南省": "yunnan",
               "黑龙江省": "heilongjiang", "福建省": "fujian", "四川省": "sichuan"}


def add_pinyin(text: str) -> str:
    return "".join(f"{ch}({PINYIN[ch]})" if ch in PINYIN else ch for ch in text)


def _tw_page(title: str, channel: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<title>{escape(title)} - 中華資訊網</title>
<meta name="description" content="{escape(title)}">
</head>
<body>
<header><div class="logo">中華資訊網</div>
<nav><a href="/">首頁</a> <a href="/zixun/index.html">資訊</a> <a href="/zixun/index.html">山西資訊</a> <a href="/zixun/index.html">河北資訊</a> <a href="/zixun/index.html">廣東資訊</a> <a href="/about.html">關於我們</a></nav></header>
<div class="crumb"><a href="/">首頁</a> &gt; <a href="/zixun/index.html">{escape(channel)}</a> &gt; 正文</div>
{body}
<footer><p>本站資訊來源於網絡公開信息，僅供參考。</p>
<p>Copyright © 2019-2025 中華資訊網　<a href="https://beian.miit.gov.cn/">粵ICP備19088888號-1</a>　聯繫郵箱：service@example.invalid</p></footer>
</body>
</html>
"""


def build_tw(counter: list[int]) -> Built:
    import opencc

    cc = opencc.OpenCC("s2tw")
    pages: dict[str, Page] = {}
    arts: list[DemoArticle] = []
    items = []
    for i, spec in enumerate(C.TW):
        n = counter[0]
        counter[0] += 1
        title_s, paras_s = C.build(spec, n, style="tw")
        title, paras = cc.convert(title_s), [cc.convert(p) for p in paras_s]
        reg = C.REGIONS[spec.region]
        y, m, d = spec.date.split("-")
        path = f"/zixun/{PROV_PINYIN[reg.province]}/{y}{m}{d}/{5031 + i * 31}.html"
        items.append((spec, title, paras, path, n, cc.convert(reg.issuer), cc.convert(reg.province[:-1] if reg.province.endswith("省") else reg.province)))
    for spec, title, paras, path, n, src, chan in items:
        ptxt = "\n".join(f"<p>{escape(add_pinyin(p))}</p>" for p in paras)
        body = f"""<article>
<div class="channel">{escape(chan)}資訊</div>
<h1>{escape(add_pinyin(title))}</h1>
<div class="meta"><span class="time">{spec.date} {8 + n % 10:02d}:{n * 11 % 60:02d}</span> <span class="src">來源：{escape(src)}</span></div>
<div class="article-content">
{ptxt}
</div>
<div class="tags">標籤：{escape(chan)} 教育</div>
</article>"""
        pages[path] = Page(_html(_tw_page(title, f"{chan}資訊", body)), HTML, _ts(spec.date, 8 + n % 10))
        arts.append(_truth("tw", path, spec, title, n, script="traditional"))
    ordered = sorted(items, key=lambda it: it[0].date, reverse=True)
    per = 6
    npages = (len(ordered) + per - 1) // per
    for p in range(npages):
        chunk = ordered[p * per:(p + 1) * per]
        lis = "\n".join(f'<li><a href="{it[3]}">{escape(add_pinyin(it[1]))}</a> <span>{it[0].date}</span></li>' for it in chunk)
        nav = []
        if p + 1 < npages:
            nav.append(f'<a href="index_{p + 2}.html">下一頁</a>')
        if p > 0:
            nav.append(f'<a href="{"index.html" if p == 1 else f"index_{p}.html"}">上一頁</a>')
        name = "index.html" if p == 0 else f"index_{p + 1}.html"
        pages[f"/zixun/{name}"] = Page(_html(_tw_page("資訊", "資訊", f'<ul class="list">{lis}</ul><div class="pager">{" ".join(nav)}</div>')), HTML, _ts(chunk[0][0].date))
    pages["/"] = Page(_html(_tw_page("首頁", "首頁", '<a href="/zixun/index.html">最新資訊</a>')), HTML, _ts(ordered[0][0].date))
    pages["/index.html"] = pages["/"]
    pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", "text/plain", _ts("2023-01-01"))
    return Built(pages, arts)


# ---------------------------------------------------------------------------------------
# 5. epaper: newspaper pages (版面) with OCR-like text, several articles per page
# ---------------------------------------------------------------------------------------

WEEKDAY = "一二三四五六日"
WIDTHS = [13, 12, 14, 13, 14, 12, 13]


def ocr_lines(paras: list[str], seed: int) -> list[str]:
    """Break paragraphs into narrow column lines (mid-word), blank line between paragraphs."""
    out: list[str] = []
    w = seed
    for para in paras:
        i = 0
        while i < len(para):
            width = WIDTHS[w % len(WIDTHS)]
            w += 1
            out.append(para[i:i + width])
            i += width
        out.append("")
    return out[:-1]


def build_epaper(counter: list[int]) -> Built:
    pages: dict[str, Page] = {}
    arts: list[DemoArticle] = []
    index_links = []
    for issue, plist in C.EPAPER:
        y, m, d = issue.split("-")
        wd = WEEKDAY[dt.date.fromisoformat(issue).weekday()]
        nav = " ".join(f'<a href="/html/{y}-{m}/{d}/node_{no}.htm">第{no:02d}版：{name}</a>' for no, name, _ in plist)
        for no, name, specs in plist:
            path = f"/html/{y}-{m}/{d}/node_{no}.htm"
            blocks = []
            for idx, spec in enumerate(specs):
                n = counter[0]
                counter[0] += 1
                # the e-paper never prints the year in the text: the date line gives it
                title, paras = C.build(spec, n, style="plain", with_year=False)
                paras[0] = "本报讯 " + paras[0]
                if len(paras) > 1 and len(paras[1]) > 20:
                    p1 = paras[1]
                    paras[1] = p1[:6] + " ".join(p1[6:14]) + p1[14:]
                lines = ocr_lines(paras, n)
                text = "<br/>\n".join(escape(ln) for ln in lines)
                blocks.append(f"""<div class="ocr-article" id="art{idx}">
<div class="ocr-text">{text}</div>
<div class="byline">记者 {C.REPORTERS[n % len(C.REPORTERS)]} 通讯员 {C.REPORTERS[(n + 3) % len(C.REPORTERS)]}</div>
<h3 class="bt">{escape(title)}</h3>
</div>""")
                arts.append(_truth("epaper", path, spec, title, n, epaper_page=path, index=idx))
            html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>中原城市报数字报-第{no:02d}版：{name}</title></head>
<body>
<div class="paper-head"><span class="paper">中原城市报</span> <span class="dateline">{y}年{int(m)}月{int(d)}日 星期{wd}</span> <span class="banmian">第{no:02d}版：{name}</span></div>
<div class="bm-nav">版面导航：{nav} <a href="/index.html">往期回顾</a></div>
<div class="bm-img"><img src="/images/{y}{m}{d}/{no}.jpg" usemap="#map{no}" alt="版面图"></div>
<div class="bm-text">
{"".join(blocks)}
</div>
<div class="foot">中原城市报社（演示）版权所有 未经书面授权不得复制或建立镜像　豫ICP备10000000号</div>
</body></html>
"""
            pages[path] = Page(_html(html), HTML, _ts(issue, 5, 30))
            index_links.append(f'<li><a href="{path}">{y}年{int(m)}月{int(d)}日 第{no:02d}版：{name}</a></li>')
    home = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>中原城市报数字报</title></head><body>
<h1>中原城市报 数字报</h1><div class="wqhg"><h2>往期回顾</h2><ul>{"".join(index_links)}</ul></div></body></html>"""
    pages["/index.html"] = Page(_html(home), HTML, _ts(C.EPAPER[0][0], 5, 30))
    pages["/"] = pages["/index.html"]
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow:\n", "text/plain", _ts("2023-01-01"))
    return Built(pages, arts)


def build_all() -> dict[str, Built]:
    """Build every site in a fixed order (article numbering depends on the order)."""
    counter = [0]
    sx = build_sxjyt(counter)
    hy = build_hanyin(counter)
    originals: dict[str, list[tuple[str, str, list[str], C.Spec]]] = {}
    for site, specs, built in (("sxjyt", C.SXJYT, sx), ("hanyin", C.HANYIN, hy)):
        lst: list[tuple[str, str, list[str], C.Spec]] = []
        for spec, art in zip(specs, built.articles, strict=False):
            # recover the paragraphs the original page was built from
            n = (0 if site == "sxjyt" else len(C.SXJYT)) + len(lst)  # numbered in spec order
            style = "notice" if (site == "sxjyt" and spec.event == "notice") else "plain"
            _, paras = C.build(spec, n, style=style)
            lst.append((art.path, art.title, paras, spec))
        originals[site] = lst
    news = build_news(counter, originals)
    tw = build_tw(counter)
    ep = build_epaper(counter)
    return {"sxjyt": sx, "hanyin": hy, "news": news, "tw": tw, "epaper": ep}
