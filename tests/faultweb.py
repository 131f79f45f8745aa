"""A fault-injecting gov-style web site on loopback, for crawler fault tests.

    with FaultWeb() as web:
        web.url("/tzgg/index.html")     # the list page: good articles and traps
        web.good_paths                  # articles that must end up as documents
        web.requests                    # every request: path, headers, status, start, end

One threaded HTTP/1.1 server on 127.0.0.1, port 0; it refuses any non-loopback address. The
list page links good articles (some behind a harmless fault: slow, GBK labelled UTF-8,
malformed HTML, one 429 or 503 before the answer) and traps (timeouts, resets, 5xx storms,
429 with Retry-After, redirect loops, an endless calendar, a session-id list, a 50 MB body,
binary garbage as text/html, a 412 JavaScript challenge, a path robots.txt disallows).
`/plain/index.html` lists the good articles alone, `article_delay` slows every article down (to
stop a crawl mid-way), and `/guarded/` is a site only a browser gets into: a 412 challenge and a
200 page whose script sets a cookie and reloads.

A request is "in flight" on the server from the moment its headers are read until the server
starts its last write (or sees the client hang up), so the log never over-counts concurrency.
"""

from __future__ import annotations

import ipaddress
import random
import select
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

SLOW_SECONDS = 1.5
HANG_SECONDS = 60.0
HUGE_BYTES = 50 * 1024 * 1024
CHUNK = 64 * 1024
RETRY_AFTER = 1
RETRY_AFTER_LONG = 3600
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
CHALLENGE_MESSAGE = "site answers 412 with a JavaScript challenge; this source needs a browser"
COOKIE_RELOAD_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script>document.cookie="__waf_check=8f3a2c91;path=/";location.reload();</script>
</head><body></body></html>"""


@dataclass
class LoggedRequest:
    method: str
    path: str
    headers: dict[str, str]
    start: float
    end: float = 0.0
    status: int = 0


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    issuer: str
    published: str  # yyyy-mm-dd HH:MM
    paragraphs: tuple[str, ...]


@dataclass
class _State:
    """Per-path answer counters, for faults that clear after the first try."""

    hits: dict[str, int] = field(default_factory=dict)


ARTICLES: tuple[Article, ...] = (
    Article("/tzgg/202501/t20250106_100001.html", "示例市应急管理局关于做好2025年元旦春节期间安全生产工作的通知",
            "示例市应急管理局", "2025-01-06 09:30", (
                "各县（区）应急管理局，市安委会各成员单位，各重点企业：",
                "元旦、春节临近，企业赶工期、抢进度现象增多，人员流动和物资运输量明显增加，安全生产风险隐患叠加。为切实做好两节期间安全生产工作，现就有关事项通知如下。",
                "一、压实安全生产责任。各单位要严格落实党政领导干部安全生产责任制，主要负责人要亲自研究部署，层层压实责任，确保各项措施落到实处。",
                "二、深化重点行业领域排查整治。聚焦危险化学品、非煤矿山、燃气、道路交通、建筑施工、消防等重点行业领域，开展拉网式排查，建立问题隐患和整改措施清单。",
                "三、严格值班值守和信息报送。节日期间实行24小时值班和领导带班制度，遇有重大突发情况要第一时间报告，严禁迟报、漏报、谎报、瞒报。",
            )),
    Article("/tzgg/202501/t20250108_100002.html", "示例市人民政府办公室关于印发示例市防汛抗旱应急预案的通知",
            "示例市人民政府办公室", "2025-01-08 10:00", (
                "各县（区）人民政府，市政府各部门、各直属机构：",
                "《示例市防汛抗旱应急预案》已经市政府同意，现印发给你们，请认真贯彻执行。2019年印发的原预案同时废止。",
                "本预案适用于全市范围内江河洪水、山洪灾害、渍涝灾害、干旱灾害以及由洪水、风暴潮、地震、恐怖活动等引发的水库垮坝、堤防决口等次生衍生灾害的预防和应急处置。",
                "防汛抗旱工作实行各级人民政府行政首长负责制，统一指挥、分级分部门负责。各级防汛抗旱指挥机构应当按照职责做好汛前检查、物资储备和队伍建设。",
                "汛期各地要加强雨情、水情、旱情监测预报，及时发布预警信息，必要时组织转移危险区域群众，确保人民群众生命财产安全。",
            )),
    Article("/tzgg/202501/t20250110_100003.html", "示例县人民政府关于调整部分道路交通管理措施的通告",
            "示例县人民政府", "2025-01-10 15:20", (
                "为保障城区道路交通安全畅通，根据《中华人民共和国道路交通安全法》及其实施条例等有关规定，县人民政府决定调整部分道路交通管理措施，现通告如下。",
                "一、自2025年1月15日起，人民路（解放路口至滨河路口）实行机动车由东向西单向通行，非机动车和行人不受限制。",
                "二、每日7时至9时、17时至19时，禁止货运机动车驶入中心城区由环城路围合的区域，持有通行证的车辆按规定时段和线路通行。",
                "三、违反本通告规定的，由公安机关交通管理部门依法予以处罚。",
                "四、本通告自发布之日起施行，由县公安局交通管理大队负责解释。",
            )),
    Article("/tzgg/202501/t20250113_100004.html", "示例市消防救援支队关于开展2025年冬春火灾防控专项检查的通知",
            "示例市消防救援支队", "2025-01-13 08:45", (
                "各大队、各有关单位：",
                "当前正值冬春火灾多发季节，用火用电用气量大幅增加，火灾风险明显上升。为有效防范和坚决遏制重特大火灾事故，支队决定在全市范围内开展冬春火灾防控专项检查。",
                "检查重点为人员密集场所、高层建筑、大型商业综合体、养老机构、学校、医院以及电动自行车集中停放充电场所，重点检查消防设施运行、疏散通道畅通和消防安全责任落实情况。",
                "对检查发现的火灾隐患，要当场督促整改；不能当场整改的，要依法下发责令改正通知书，逐一跟踪销案，确保隐患动态清零。",
                "各单位要于2025年2月28日前将检查情况书面报送支队防火监督处。",
            )),
    Article("/tzgg/202501/t20250114_100005.html", "示例市生态环境局关于发布重污染天气橙色预警的通告",
            "示例市生态环境局", "2025-01-14 17:00", (
                "据市气象台和市环境监测中心站会商预测，受不利气象条件影响，1月15日至18日我市将出现一次重污染天气过程。",
                "经市重污染天气应急指挥部同意，决定自2025年1月15日0时起发布重污染天气橙色预警，启动Ⅱ级应急响应。",
                "响应期间，全市建筑工地停止土石方作业、拆除工程和室外喷涂作业，重点工业企业按照应急减排清单落实减排措施，国四及以下排放标准的柴油货车禁止在城区道路行驶。",
                "建议儿童、老年人和呼吸道、心脑血管疾病患者减少户外活动；中小学、幼儿园停止户外体育课和课间操等户外活动。",
                "预警解除时间将另行发布。请广大市民积极参与，共同改善空气质量。",
            )),
    Article("/tzgg/202501/t20250115_100006.html", "示例市水利局关于做好冬季农村供水保障工作的通知",
            "示例市水利局", "2025-01-15 11:10", (
                "各县（区）水利局，市直有关单位：",
                "入冬以来，全市降水偏少，部分地区气温持续偏低，农村供水工程管网冻裂、水源水量不足等问题时有发生。为切实保障冬季农村群众饮水安全，现将有关工作通知如下。",
                "一是全面排查供水工程。对水源、水厂、管网和入户设施开展一次全面排查，重点做好管网和水表的保温防冻工作。",
                "二是做好应急供水准备。对水源不足的村庄，提前制定送水、拉水和临时水源等应急供水方案，储备必要的抢修物资和设备。",
                "三是畅通监督举报渠道。各地要公布供水服务电话，及时受理群众反映的问题，确保问题24小时内得到响应。",
            )),
    Article("/tzgg/202501/t20250116_100007.html", "示例市卫生健康委员会关于做好冬春季呼吸道传染病防控工作的通知",
            "示例市卫生健康委员会", "2025-01-16 09:00", (
                "各县（区）卫生健康局，委属各医疗卫生单位：",
                "冬春季是流感、新冠病毒感染、呼吸道合胞病毒感染等呼吸道传染病的高发季节。为科学做好防控工作，保障人民群众身体健康，现就有关事项通知如下。",
                "各级医疗机构要加强发热门诊、儿科门诊力量配备，合理调配医疗资源，延长服务时间，做好患者分级诊疗和就诊高峰应对。",
                "各级疾控机构要加强监测预警，及时分析研判疫情形势，指导学校、托幼机构和养老机构落实晨午检、通风消毒等防控措施。",
                "要广泛开展健康宣传，倡导公众科学佩戴口罩、勤洗手、常通风，符合条件的重点人群及时接种疫苗。",
            )),
    Article("/tzgg/202501/t20250117_100008.html", "示例县自然资源局关于地质灾害隐患点汛前排查情况的公告",
            "示例县自然资源局", "2025-01-17 16:30", (
                "根据《地质灾害防治条例》和省、市有关工作部署，县自然资源局会同各乡镇人民政府对全县地质灾害隐患点开展了排查。",
                "经排查，全县共有地质灾害隐患点四十二处，其中滑坡二十六处、崩塌九处、泥石流五处、地面塌陷二处，威胁群众一千二百余人。",
                "各乡镇要落实隐患点监测责任人，明确预警信号和撤离路线，在隐患点设立警示标志，汛期实行24小时巡查。",
                "发现地质灾害险情的，请立即拨打县自然资源局值班电话报告，并按预定路线组织群众转移避让。",
                "本公告内容同时在各乡镇政务公开栏张贴。",
            )),
    Article("/tzgg/202501/t20250120_100009.html", "示例市气象局关于寒潮蓝色预警及防御措施的公告",
            "示例市气象局", "2025-01-20 07:40", (
                "受强冷空气影响，预计1月21日至23日我市将出现大风降温天气，过程降温幅度8至10摄氏度，最低气温将降至零下6摄氏度。",
                "市气象台已于1月20日7时发布寒潮蓝色预警信号。",
                "请各地各部门做好防寒保暖和防风工作，加固户外广告牌、围挡等临时搭建物，注意防范大风天气对交通运输和设施农业的不利影响。",
                "农户要加强大棚蔬菜和畜禽圈舍的保温防冻，公众外出注意添加衣物，老人和儿童尽量减少外出。",
                "市气象局将密切监视天气变化，及时发布预报预警信息。",
            )),
    Article("/tzgg/202501/t20250121_100010.html", "示例市交通运输局关于春运期间道路客运安全管理工作的通知",
            "示例市交通运输局", "2025-01-21 14:00", (
                "各县（区）交通运输局，各道路客运企业、客运站：",
                "2025年春运自1月14日开始至2月22日结束，共40天。为确保春运期间道路客运安全有序，现就有关要求通知如下。",
                "客运企业要严格落实车辆安全例检制度，严禁带病车辆上路；严格执行驾驶人连续驾驶不超过4小时、夜间22时至次日6时客车停止运行或接驳运输的规定。",
                "客运站要严格落实实名制售票和危险品查堵制度，严禁超员车辆出站，做好旅客滞留应急预案。",
                "遇有雨雪冰冻等恶劣天气，各地要及时启动应急预案，必要时暂停相关线路客运班车运行。",
            )),
    Article("/tzgg/202501/t20250122_100011.html", "示例市市场监督管理局关于节日期间食品安全风险防控的提示",
            "示例市市场监督管理局", "2025-01-22 10:30", (
                "春节将至，食品消费进入旺季，集体聚餐、家庭宴席增多，食品安全风险随之增加。市市场监督管理局提醒广大消费者和经营者注意以下事项。",
                "消费者要到证照齐全的正规商场、超市、农贸市场购买食品，索要并保存购物凭证，注意查看食品标签、生产日期和保质期。",
                "农村集体聚餐要向所在地乡镇食品安全管理机构备案，聘请健康证明有效的厨师，做到生熟分开、烧熟煮透。",
                "不要采食野生蘑菇，不要购买来源不明的冷冻肉品和海鲜产品。",
                "发现食品安全问题，请拨打12315热线投诉举报。",
            )),
)


def article_html(article: Article, *, charset: str = "utf-8", malformed: bool = False) -> str:
    """A TRS-style article page with the standard meta tags; `malformed` leaves tags unclosed."""
    paragraphs = "".join(f"<p>{p}" if malformed else f"<p>{p}</p>\n" for p in article.paragraphs)
    tail = "" if malformed else "</div>\n</div>\n</body>\n</html>\n"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="{charset}">
<meta name="SiteName" content="示例市人民政府门户网站">
<meta name="SiteDomain" content="www.example.gov.cn">
<meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="{article.title}">
<meta name="PubDate" content="{article.published}">
<meta name="ContentSource" content="{article.issuer}">
<title>{article.title}_示例市人民政府门户网站</title>
</head>
<body>
<div class="header"><a href="/">示例市人民政府</a> <a href="/tzgg/index.html">通知公告</a>{"<span class='nav'>" if malformed else ""}</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/index.html">通知公告</a></div>
<div class="article">
<h1>{article.title}</h1>
<div class="info">发布时间：{article.published}　来源：{article.issuer}</div>
<div class="TRS_Editor" id="zoom">
{paragraphs}<p style="text-align:right">{article.issuer}</p>
<p style="text-align:right">{article.published[:10]}</p>
{tail}"""


CHALLENGE_PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta id="9DhefwqGPrzGxEp9hPaoag" content="J1Yk8qVZsWm5cx_bbq3LNfTzXpl7hRzFZP4wE0GKmA1c.9oTAdMh0nQv_Bf3uKJjKkRlF6Mmsy" r='m'>
<script type="text/javascript" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=72918;$_ts.cd="qVrzrrAlEcGWqqAmcqqVrGlqEsVqqGqqcrAq";</script>
<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/c.FxJzG50F.7e1c4b1.js" r='m'></script>
</head><body></body></html>"""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class FaultWeb:
    """The fault site. Good articles: `good_paths`; the list page: `/tzgg/index.html`."""

    LIST = "/tzgg/index.html"
    PLAIN_LIST = "/plain/index.html"
    GUARDED = ("/guarded/index.html", "/guarded/check.html")

    def __init__(self, host: str = "127.0.0.1", article_delay: float = 0.0):
        if not ipaddress.ip_address(host).is_loopback:
            raise ValueError(f"the fault web only listens on loopback, not {host}")
        self.host = host
        self.port = 0
        self.article_delay = article_delay
        self.requests: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._state = _State()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        plain, faulty = ARTICLES[:6], ARTICLES[6:]
        self.articles: dict[str, Article] = {a.path: a for a in ARTICLES}
        self.good_paths: list[str] = [a.path for a in ARTICLES]
        # faults a good page hides behind, by path; the page must still become a document
        self.good_faults: dict[str, str] = dict(zip((a.path for a in faulty), ("slow", "gbk_as_utf8", "malformed", "429_once", "503_once"), strict=False))
        self.plain_paths = [a.path for a in plain]

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        self._server = _Server((self.host, 0), self._handler())
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="fault-web", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FaultWeb:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    # -- what was asked -------------------------------------------------------------------
    def hits(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def max_in_flight(self) -> int:
        """The most requests the server was answering at one moment."""
        with self._lock:
            events = sorted([(r.start, 1) for r in self.requests] + [(r.end, -1) for r in self.requests])
        peak = current = 0
        for _, delta in events:  # at equal times an end sorts before a start
            current += delta
            peak = max(peak, current)
        return peak

    # -- pages ----------------------------------------------------------------------------
    def list_page(self, page: int) -> str:
        items = self.good_paths[:8] if page == 0 else self.good_paths[8:]
        links = "".join(f'<li><a href="{p}">{self.articles[p].title}</a><span>{self.articles[p].published[:10]}</span></li>\n' for p in items)
        if page == 0:
            links += "".join(f'<li><a href="{p}">{title}</a><span>2025-01-19</span></li>\n' for p, title in TRAPS)
        return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="ColumnName" content="通知公告"><title>通知公告_示例市人民政府门户网站</title>
<script>createPageHTML(2, {page}, "index", "html");</script></head><body>
<div class="header"><a href="/">示例市人民政府</a></div>
<div class="rili">按日期浏览 <a href="/calendar?date=2025-01-01">»</a></div>
<div class="session">会员专区 <a href="/news/index.html?jsessionid=0A1B2C3D4E">下一页</a></div>
<ul class="list">
{links}</ul>
</body></html>"""

    def plain_list_page(self) -> str:
        links = "".join(f'<li><a href="{p}">{self.articles[p].title}</a></li>\n' for p in self.good_paths)
        return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告</title></head>
<body><ul class="list">
{links}</ul></body></html>"""

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        web = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "nginx"
            sys_version = ""
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                entry = LoggedRequest(self.command, self.path, dict(self.headers.items()), time.monotonic())
                with web._lock:
                    web.requests.append(entry)
                    count = web._state.hits[self.path] = web._state.hits.get(self.path, 0) + 1
                web._answer(self, entry, count)

        return Handler

    def _answer(self, h: BaseHTTPRequestHandler, entry: LoggedRequest, count: int) -> None:
        path = urlsplit(h.path).path
        query = parse_qs(urlsplit(h.path).query)
        route: Callable[[], None] | None = {
            "/robots.txt": lambda: _send(h, entry, 200, ROBOTS, "text/plain"),
            self.LIST: lambda: _send(h, entry, 200, self.list_page(0).encode(), "text/html; charset=utf-8"),
            "/tzgg/index_1.html": lambda: _send(h, entry, 200, self.list_page(1).encode(), "text/html; charset=utf-8"),
            self.PLAIN_LIST: lambda: _send(h, entry, 200, self.plain_list_page().encode(), "text/html; charset=utf-8"),
            self.GUARDED[0]: lambda: _send(h, entry, 412, CHALLENGE_PAGE.encode(), "text/html; charset=utf-8"),
            self.GUARDED[1]: lambda: _send(h, entry, 200, COOKIE_RELOAD_PAGE.encode(), "text/html; charset=utf-8"),
            "/calendar": lambda: _calendar(h, entry, query.get("date", ["2025-01-01"])[0]),
            "/news/index.html": lambda: _session_list(h, entry, count),
            "/trap/timeout.html": lambda: _hang(h, entry),
            "/trap/reset.html": lambda: _reset(h, entry),
            "/trap/storm/1.html": lambda: _send(h, entry, 503, b"<html><body>503 Service Unavailable</body></html>", "text/html"),
            "/trap/storm/2.html": lambda: _send(h, entry, 503, b"<html><body>503 Service Unavailable</body></html>", "text/html"),
            "/trap/busy.html": lambda: _send(h, entry, 429, b"Too Many Requests", "text/plain", {"Retry-After": str(RETRY_AFTER)}),
            "/trap/busy-long.html": lambda: _send(h, entry, 429, b"Too Many Requests", "text/plain", {"Retry-After": str(RETRY_AFTER_LONG)}),
            "/trap/loop/a.html": lambda: _send(h, entry, 302, b"", "text/html", {"Location": "/trap/loop/b.html"}),
            "/trap/loop/b.html": lambda: _send(h, entry, 302, b"", "text/html", {"Location": "/trap/loop/a.html"}),
            "/trap/huge.html": lambda: _huge(h, entry),
            "/trap/binary.html": lambda: _send(h, entry, 200, random.Random(6).randbytes(30_000), "text/html"),
            "/trap/challenge.html": lambda: _send(h, entry, 412, CHALLENGE_PAGE.encode(), "text/html; charset=utf-8"),
        }.get(path)
        if route is not None:
            route()
        elif path in self.articles:
            self._article(h, entry, path, count)
        else:
            _send(h, entry, 404, "<html><body><h1>404</h1><p>您访问的页面不存在或已被删除。</p></body></html>".encode(), "text/html; charset=utf-8")

    def _article(self, h: BaseHTTPRequestHandler, entry: LoggedRequest, path: str, count: int) -> None:
        article, fault = self.articles[path], self.good_faults.get(path)
        if fault == "429_once" and count == 1:
            return _send(h, entry, 429, b"Too Many Requests", "text/plain", {"Retry-After": str(RETRY_AFTER)})
        if fault == "503_once" and count == 1:
            return _send(h, entry, 503, b"Service Unavailable", "text/plain")
        delay = SLOW_SECONDS if fault == "slow" else self.article_delay
        if delay and not _wait(h, delay):
            return _gone(h, entry)
        if fault == "gbk_as_utf8":
            body = article_html(article, charset="utf-8").encode("gbk")
        else:
            body = article_html(article, malformed=fault == "malformed").encode("utf-8")
        _send(h, entry, 200, body, "text/html; charset=utf-8")
        return None


TRAPS: tuple[tuple[str, str], ...] = (
    ("/trap/timeout.html", "关于征集2025年民生实事项目建议的公告（服务器无响应）"),
    ("/trap/reset.html", "关于开展城乡居民医保集中参保缴费工作的通知（连接中断）"),
    ("/trap/storm/1.html", "关于公布全市第一批历史文化街区名单的通知（服务繁忙）"),
    ("/trap/storm/2.html", "关于进一步规范涉企行政检查的若干措施（服务繁忙）"),
    ("/trap/busy.html", "关于做好2025年度城乡低保标准调整工作的通知（请求过多）"),
    ("/trap/busy-long.html", "关于公开征求示例市养犬管理条例意见的公告（稍后再试）"),
    ("/trap/loop/a.html", "关于印发示例市优化营商环境三年行动方案的通知（循环跳转）"),
    ("/trap/huge.html", "示例市2024年国民经济和社会发展统计公报（超大页面）"),
    ("/trap/binary.html", "关于调整城市公共交通票价的听证公告（乱码页面）"),
    ("/trap/challenge.html", "示例市人民政府2025年政府工作报告全文（安全验证）"),
    ("/private/202501/t20250118_100099.html", "内部事项：机关事务管理局办公用房调配情况说明"),
)


def _send(h: BaseHTTPRequestHandler, entry: LoggedRequest, status: int, body: bytes, ctype: str,
          headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    entry.status, entry.end = status, time.monotonic()
    try:
        h.end_headers()
        h.wfile.write(body)
    except OSError:
        h.close_connection = True


def _client_gone(h: BaseHTTPRequestHandler, timeout: float) -> bool:
    """Wait up to `timeout` for the client to hang up; True if it did."""
    readable, _, _ = select.select([h.connection], [], [], timeout)
    if not readable:
        return False
    try:
        return h.connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


def _wait(h: BaseHTTPRequestHandler, seconds: float) -> bool:
    """Sleep `seconds` unless the client hangs up first; True if it is still there."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if _client_gone(h, left):
            return False
        if select.select([h.connection], [], [], 0)[0]:  # data, not a hang-up: just sleep it out
            time.sleep(left)
    return True


def _gone(h: BaseHTTPRequestHandler, entry: LoggedRequest) -> None:
    entry.status, entry.end = 499, time.monotonic()  # nginx's "client closed request"
    h.close_connection = True


def _hang(h: BaseHTTPRequestHandler, entry: LoggedRequest) -> None:
    if _wait(h, HANG_SECONDS):
        return _send(h, entry, 200, b"<html><body>too late</body></html>", "text/html")
    _gone(h, entry)
    return None


def _reset(h: BaseHTTPRequestHandler, entry: LoggedRequest) -> None:
    """Promise 20 kB, send 2 kB, then reset the connection (RST, not FIN)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", "20000")
    h.end_headers()
    entry.status, entry.end = 200, time.monotonic()
    h.wfile.write(b"<html><body>" + "公告正文".encode() * 150)
    h.wfile.flush()
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def _huge(h: BaseHTTPRequestHandler, entry: LoggedRequest) -> None:
    """50 MB of HTML, chunked, streamed 64 kB at a time (never held in memory)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    entry.status = 200
    row = "<p>示例市2024年国民经济和社会发展统计公报数据表。</p>\n".encode()
    chunk = row * (CHUNK // len(row))
    sent = 0
    try:
        while sent < HUGE_BYTES:
            if _client_gone(h, 0):
                break
            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
        else:
            entry.end = time.monotonic()
            h.wfile.write(b"0\r\n\r\n")
    except OSError:
        pass
    if not entry.end:
        _gone(h, entry)


def _calendar(h: BaseHTTPRequestHandler, entry: LoggedRequest, day: str) -> None:
    """A day of the site's calendar, linking the next day: an endless URL space."""
    try:
        current = date.fromisoformat(day)
    except ValueError:
        current = date(2025, 1, 1)
    following = (current + timedelta(days=1)).isoformat()
    body = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{current.isoformat()} 公告日历</title></head>
<body><div class="rili">{current.year}年{current.month}月{current.day}日 <a href="/calendar?date={following}">»</a></div>
<p>当日无公告。</p></body></html>"""
    _send(h, entry, 200, body.encode(), "text/html; charset=utf-8")


def _session_list(h: BaseHTTPRequestHandler, entry: LoggedRequest, count: int) -> None:
    """A list whose every link carries a fresh session id: the same page under endless URLs."""
    sid = f"{count:04X}F00D"
    body = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>会员专区</title></head>
<body><ul><li><a href="{ARTICLES[0].path};jsessionid={sid}">{ARTICLES[0].title}</a></li></ul>
<a href="/news/index.html?jsessionid={sid}">下一页</a></body></html>"""
    _send(h, entry, 200, body.encode(), "text/html; charset=utf-8")
