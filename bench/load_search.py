"""Load test of search: the HTML search page and /api/search, at 100k or 1M synthetic documents.

    python bench/load_search.py --docs 100000 [--clients 1,8] [--requests 1000] [--data-dir DIR]
                                [--app-repo PATH] [--targets page,api] [--label NAME]

Starts its own Meilisearch (in --data-dir, kept and reused, or a temporary folder), creates the
index with the real settings (config/index_settings.yaml), bulk loads N synthetic documents in the
Document shape (Chinese titles and bodies assembled from vocabulary, regions from the gazetteer,
hazards from config/hazards.yaml, dates over ten years) unless the data directory already holds
them, then serves the web app with uvicorn on loopback (one process, as `gonggao up` does) and
runs a bounded loop of concurrent clients per concurrency level and target:

- "page": GET /search, the HTML page a user loads, read to its end: results, facets, the province
  map and the timeline (streamed last);
- "api": GET /api/search (results, facets and the timeline as JSON);
- "meili" (optional): the Meilisearch requests the current code plans for the same query, sent
  straight to Meilisearch with the same search-only key, so the difference is the cost of our app.

The queries are seven kinds of search (plain words, a place name, city + hazard, words + province
by date, hazard + a twelve-month window, words + two months, the landing page with no query) and,
but for the landing page, which is the same page for everyone, never repeat within a run of the
script: caches only help where real users would repeat a search.

`--app-repo PATH` serves the web app from another checkout (its code on PYTHONPATH, its
config/hazards.yaml), for "before" numbers measured in the same conditions; the index keeps this
checkout's settings and documents, with the other checkout's faceting settings applied for its
run (a cheap settings change; filterable attributes stay, so nothing is re-indexed).

It prints indexing throughput, index size on disk, Meilisearch RSS and a table of requests/s,
p50/p95/p99 latency and errors, p50 and p95 by kind of query, and writes them to
bench/results/load_search_<N>[_<label>].json and .md (`_vectors` added with --vectors).
"""

# ruff: noqa: E402  (the repository root goes on sys.path before its packages are imported)
from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from config.hazards import Hazard, load_taxonomy
from indexer.enrich.gazetteer import CITY, COUNTY, PROVINCE, default_data
from indexer.models import Document, RegionPath
from indexer.search_index import admin
from indexer.search_index.embed import DIMENSIONS
from indexer.search_index.process import MeiliProcess, free_port
from indexer.search_index.sync import to_index_doc
from search_ui import timeline
from search_ui.query import TZ, PlannedSearch, SearchParams, build_plan, parse_params

INDEX = "announcements"
SETTINGS_PATH = REPO / "config" / "index_settings.yaml"
HAZARDS_PATH = REPO / "config" / "hazards.yaml"
RESULTS_DIR = REPO / "bench" / "results"
YEARS = 10
NOW = datetime(2026, 11, 1, tzinfo=TZ)

# --------------------------------------------------------------------------- synthetic documents

GENERAL_TOPICS = ["校园安全", "安全教育", "隐患排查", "平安校园", "假期安全", "开学安全", "安全管理", "应急演练"]
OTHER_TOPICS = ["课后服务", "招生入学", "教师培训", "双减", "教育督导", "学前教育", "职业教育", "体育美育", "劳动教育"]
SEASONS = ["寒假", "暑期", "春季开学", "秋季开学", "汛期", "国庆假期", "五一假期", "冬季"]
ISSUER_SUFFIX = [("教育局", "county"), ("教育和体育局", "county"), ("教育厅", "province"), ("教育局", "city"),
                 ("人民政府", "county"), ("应急管理局", "city"), ("市场监督管理局", "county")]
SCHOOLS = ["第一中学", "实验小学", "第二中学", "中心小学", "职业中学", "第三幼儿园", "民族中学", "城关小学"]
EVENT_TYPES = ["meeting", "inspection", "drill", "training", "notice", "report"]
TITLE_TEMPLATES = [
    "{issuer}关于做好{season}{topic}工作的通知",
    "{issuer}召开{year}年{topic}工作会议",
    "{place}开展{topic}专项检查",
    "{issuer}部署{season}{topic}工作",
    "{school}举行{topic}应急演练",
    "关于印发《{place}{topic}工作方案》的通知",
    "{place}多部门联合开展{topic}宣传活动",
    "{place}召开{topic}工作推进会",
]
OPENERS = [
    "{date}，{issuer}召开{topic}工作推进会，{official}出席会议并讲话。",
    "为切实做好{season}{topic}工作，近日，{issuer}印发通知，对相关工作作出安排部署。",
    "{date}，{place}组织开展{topic}专项检查，检查组深入{school}等学校实地查看。",
    "近日，{school}开展{topic}应急疏散演练，全校师生参加。",
]
SENTENCES = [
    "会议强调，各学校要充分认识{topic}工作的重要性和紧迫性，切实增强责任感和使命感。",
    "要坚持预防为主、综合治理，压紧压实学校主体责任，确保各项措施落到实处。",
    "要深入开展{kw}隐患排查整治，对排查发现的问题建立台账、限时整改、跟踪问效。",
    "要加强{kw}宣传教育，通过主题班会、家长会、致家长一封信等形式，提高师生和家长的安全意识。",
    "据统计，今年以来全{unit}共检查学校{n}所，发现并整改各类隐患{m}处。",
    "各中小学校、幼儿园要严格落实值班值守和信息报送制度，遇有突发情况及时妥善处置。",
    "检查组要求，要进一步完善{kw}应急预案，定期组织应急演练，提升应急处置能力。",
    "会议通报了近期{topic}工作情况，分析了当前面临的形势，并对下一阶段工作进行了部署。",
    "要强化部门协同，教育、公安、应急管理、市场监管等部门要加强联动，形成工作合力。",
    "同时，要关注学生心理健康，做好家校沟通，营造安全稳定的育人环境。",
    "{place}各中小学校、幼儿园负责人及相关股室负责人参加会议。",
    "要统筹做好{other}工作，推动教育事业高质量发展。",
    "{school}校长汇报了学校{topic}工作开展情况，并就存在的问题提出了整改措施。",
    "会上，与会人员观看了{kw}警示教育片，并签订了安全责任书。",
    "要用好“开学第一课”“安全教育日”等载体，普及{kw}知识，提高学生自救自护能力。",
    "要加强校园周边环境综合治理，严厉打击侵害师生合法权益的违法犯罪行为。",
    "各地要加大经费投入，完善校园安防设施设备，提升技防物防人防水平。",
    "要严格执行安全事故报告制度，对迟报、漏报、瞒报的严肃追究责任。",
    "督查组采取查阅资料、实地查看、随机访谈等方式，对{kw}工作进行了全面检查。",
    "{issuer}主要负责同志表示，将以此次检查为契机，举一反三，补齐短板。",
]
CLOSERS = [
    "下一步，{issuer}将持续加强{topic}工作，为广大师生营造安全稳定的学习生活环境。",
    "此次活动进一步增强了师生的{topic}意识，取得了良好效果。",
    "（来源：{issuer}）",
]
OFFICIALS = ["党组书记、局长", "副局长", "分管副县长", "党组成员、副局长", "市委教育工委书记"]
CN_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class Place:
    names: tuple[str, ...]      # province, city, county names (as far as the unit goes)
    codes: tuple[str, ...]
    level: int


def places() -> list[Place]:
    """Every division of the gazetteer as a region path (development zones left out)."""
    g = default_data()
    out = []
    for code, div in g.divisions.items():
        if code in g.zones:
            continue
        chain = div.chain()
        out.append(Place(tuple(g.divisions[c].name for c in chain), chain, div.level))
    return out


class DocumentFactory:
    """Deterministic synthetic documents; the i-th document is the same on every run with one seed."""

    def __init__(self, seed: int, vectors: bool = False):
        self.seed = seed
        self.vectors = vectors
        all_places = places()
        self.counties = [p for p in all_places if p.level == COUNTY]
        self.cities = [p for p in all_places if p.level == CITY]
        self.provinces = [p for p in all_places if p.level == PROVINCE]
        self.hazards: list[Hazard] = [h for h in load_taxonomy(HAZARDS_PATH).hazards if h.code != "other"]
        self.sources = [f"src{i:05d}" for i in range(3000)]
        self.start = int((NOW - timedelta(days=365 * YEARS)).timestamp())
        self.span = int(NOW.timestamp()) - self.start

    def pick_place(self, rnd: random.Random) -> Place:
        roll = rnd.random()
        pool = self.counties if roll < 0.7 else self.cities if roll < 0.92 else self.provinces
        return rnd.choice(pool)

    def document(self, i: int) -> dict[str, Any]:
        rnd = random.Random(self.seed * 1_000_003 + i)
        place = self.pick_place(rnd)
        local = place.names[-1]
        suffix, issuer_level = rnd.choice(ISSUER_SUFFIX)
        issuer = local + suffix
        hazards = rnd.sample(self.hazards, k=rnd.choices([0, 1, 2, 3], weights=[30, 45, 18, 7])[0])
        topic = hazards[0].zh if hazards else rnd.choice(GENERAL_TOPICS if rnd.random() < 0.5 else OTHER_TOPICS)
        published = self.start + rnd.randrange(self.span)
        day = datetime.fromtimestamp(published, TZ)
        words = {
            "issuer": issuer, "place": local, "topic": topic, "season": rnd.choice(SEASONS),
            "year": str(day.year), "school": local + rnd.choice(SCHOOLS), "official": rnd.choice(OFFICIALS),
            "date": f"{day.month}月{day.day}日", "unit": "县" if place.level == COUNTY else "市" if place.level == CITY else "省",
            "other": rnd.choice(OTHER_TOPICS),
        }
        title = rnd.choice(TITLE_TEMPLATES).format(**words)
        body = self.body(rnd, words, hazards)
        source = self.sources[rnd.randrange(len(self.sources))]
        url = f"https://{source}.gov.invalid/{day:%Y%m}/t{day:%Y%m%d}_{i}.html"
        doc_id = hashlib.sha1(url.encode()).hexdigest()
        reprint = rnd.random() < 0.05
        doc = Document(
            id=doc_id, url=url, source_id=source, title=title, body=body, title_search=title, body_search=body,
            lead=body[:80], published_at=published, published_date=day.date().isoformat(), year=day.year,
            month=f"{day:%Y-%m}", date_source="meta", issuer=issuer, issuer_level=issuer_level,
            site_name=f"{issuer}网站", source_type=rnd.choices(["gov", "news", "aggregator", "epaper"], [70, 20, 7, 3])[0],
            region=RegionPath(
                lvl0=place.names[0],
                lvl1=" > ".join(place.names[:2]) if len(place.names) > 1 else None,
                lvl2=" > ".join(place.names[:3]) if len(place.names) > 2 else None,
            ),
            region_codes=list(place.codes), province=place.names[0],
            city=place.names[1] if len(place.names) == 3 or place.level == CITY else None,
            county=local if place.level == COUNTY else None,
            hazards=[h.code for h in hazards], primary_hazard=hazards[0].code if hazards else None,
            safety_related=bool(hazards) or topic in GENERAL_TOPICS, event_type=rnd.choice(EVENT_TYPES),
            fetched_at=published + 3600, first_seen=published + 3600, last_changed=published + 3600,
            cluster_id=f"c{i // 4:08d}" if reprint else doc_id, is_canonical=not reprint or i % 4 == 0,
        )
        return to_index_doc(doc.model_dump_json(), self.vector(i) if self.vectors else None)

    def vector(self, i: int) -> list[float]:
        """A random unit vector of the embedder's size: the storage cost of semantic search, not its quality."""
        v = np.random.default_rng([self.seed, i]).standard_normal(DIMENSIONS).astype(np.float32)
        return (v / np.linalg.norm(v)).tolist()

    @staticmethod
    def body(rnd: random.Random, words: dict[str, str], hazards: list[Hazard]) -> str:
        target = rnd.randint(300, 800)
        keywords = [k for h in hazards for k in h.keywords] or GENERAL_TOPICS

        def fill(template: str) -> str:
            return template.format(**words, kw=rnd.choice(keywords), n=rnd.randint(12, 480), m=rnd.randint(3, 160))

        parts = [fill(rnd.choice(OPENERS))]
        length = len(parts[0])
        order = rnd.sample(SENTENCES, len(SENTENCES))
        while length < target:
            sentence = fill(order[len(parts) % len(order)])
            parts.append(sentence)
            length += len(sentence)
        parts.append(fill(rnd.choice(CLOSERS)))
        return "".join(parts)

    def documents(self, start: int, stop: int) -> Iterator[dict[str, Any]]:
        return (self.document(i) for i in range(start, stop))


# --------------------------------------------------------------------------- bulk load


@dataclass
class LoadReport:
    docs: int
    seconds: float
    payload_bytes: int
    curve: list[tuple[int, float]] = field(default_factory=list)   # (documents indexed, seconds since start)

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0


def bulk_load(client: Any, factory: DocumentFactory, n: int, inflight: int, resume: LoadReport | None = None) -> LoadReport:
    """Send batches of ~20 MB / 5000 documents, keeping at most `inflight` tasks enqueued.

    With `resume` (an earlier load of the first documents of the same seed into the same index),
    only the rest is sent and the clock, payload and curve continue from it."""
    done = resume or LoadReport(0, 0.0, 0)
    started = time.monotonic() - done.seconds
    pending: list[tuple[Any, int]] = []
    curve = list(done.curve)
    indexed, payload = done.docs, done.payload_bytes

    def settle_oldest() -> None:
        nonlocal indexed
        task, count = pending.pop(0)
        admin.wait(client, task, timeout_ms=3_600_000)
        indexed += count
        elapsed = time.monotonic() - started
        curve.append((indexed, round(elapsed, 1)))
        print(f"\r  indexed {indexed:>9,}/{n:,} documents  {indexed / elapsed:7.0f} docs/s  {elapsed:6.0f} s",
              end="", file=sys.stderr, flush=True)

    for batch in admin.batches(factory.documents(done.docs, n)):
        payload += sum(len(json.dumps(d, ensure_ascii=False).encode()) for d in batch)
        pending.append((client.index(INDEX).add_documents(batch, primary_key="id"), len(batch)))
        while len(pending) > inflight:
            settle_oldest()
    while pending:
        settle_oldest()
    print(file=sys.stderr)
    return LoadReport(indexed, time.monotonic() - started, payload, curve)


def disk_bytes(path: Path) -> int:
    """Bytes actually allocated on disk (LMDB files are sparse)."""
    return sum(p.stat().st_blocks * 512 for p in path.rglob("*") if p.is_file())


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of a process, in KiB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            out[name] = int(value.split()[0])
    return out


# --------------------------------------------------------------------------- the query mix


KINDS = ("words", "place name", "city + hazard", "words + province, by date", "hazard + one year",
         "words + two months", "landing (no query)")
WORDS = ["校园安全", "防溺水", "消防", "演练", "食品安全", "欺凌", "诈骗", "寒假", "暑期", "校车", "心理健康", "隐患排查",
         "应急预案", "燃气", "溺水", "实验室", "危化品", "交通安全", "头盔", "汛期", "地质灾害", "传染病", "网络安全",
         "用电", "特种设备", "安全教育", "平安校园", "开学", "检查", "会议", "培训", "通知", "部署", "宣传", "排查整治"]
Query = tuple[str, list[tuple[str, str]]]


class QueryStream:
    """The queries of the load, kind after kind in turn, none repeated but the landing page.

    A query is drawn at random from its kind's space (word pairs × pages, counties and cities, city ×
    hazard, words × provinces, hazard × twelve-month windows, words × two-month windows) until one
    not seen before in this run comes up; those spaces hold thousands, so a run of a few thousand
    requests per kind never has to repeat one."""

    def __init__(self, factory: DocumentFactory, seed: int = 7):
        self.rnd = random.Random(seed)
        self.hazards = [h.code for h in factory.hazards]
        self.counties, self.cities = factory.counties, factory.cities
        self.provinces = sorted({p.names[0] for p in factory.counties})
        self.first_month = (NOW.year - YEARS + 1, 1)
        self.seen: set[tuple[tuple[str, str], ...]] = set()
        self.count = 0

    def month(self, offset: int) -> tuple[int, int]:
        y, m = self.first_month
        k = (m - 1) + offset
        return y + k // 12, k % 12 + 1

    def window(self, months: int) -> list[tuple[str, str]]:
        """A span of whole months starting at a random month of the ten years."""
        y, m = self.month(self.rnd.randrange(YEARS * 12 - months + 1))
        ey, em = self.month((y - self.first_month[0]) * 12 + m - 1 + months - 1)
        last = (datetime(ey + em // 12, em % 12 + 1, 1) - timedelta(days=1)).day
        return [("from", f"{y}-{m:02d}-01"), ("to", f"{ey}-{em:02d}-{last:02d}")]

    def draw(self, kind: str) -> list[tuple[str, str]]:
        rnd = self.rnd
        if kind == "words":
            words = rnd.sample(WORDS, rnd.choice([1, 2]))
            return [("q", " ".join(words))] + ([("page", str(rnd.randint(2, 3)))] if rnd.random() < 0.3 else [])
        if kind == "place name":
            return [("q", rnd.choice(self.counties if rnd.random() < 0.8 else self.cities).names[-1])]
        if kind == "city + hazard":
            city = rnd.choice(self.cities)
            return [("region", " > ".join(city.names[:2])), ("hazard", rnd.choice(self.hazards))]
        if kind == "words + province, by date":
            return [("q", rnd.choice(WORDS)), ("region", rnd.choice(self.provinces)), ("sort", "date")]
        if kind == "hazard + one year":
            return [("hazard", rnd.choice(self.hazards)), *self.window(12)]
        if kind == "words + two months":
            return [("q", rnd.choice(WORDS)), *self.window(2)]
        return []

    def next(self) -> Query:
        kind = KINDS[self.count % len(KINDS)]
        self.count += 1
        for _ in range(1000):
            pairs = self.draw(kind)
            key = tuple(sorted(pairs))
            if not pairs or key not in self.seen:
                self.seen.add(key)
                return kind, pairs
        raise RuntimeError(f"no unseen query of kind {kind!r} left after {len(self.seen)} queries")

    def take(self, n: int) -> list[Query]:
        return [self.next() for _ in range(n)]


def multi_search_body(index: str, plan: list[PlannedSearch]) -> dict[str, Any]:
    """The /multi-search body the web app's runner sends for a plan of one-query searches."""
    if any(len(s.queries) > 1 for s in plan):
        raise ValueError("the load mix holds no OR queries; federated searches are not replayed")
    return {"queries": [{"indexUid": index, "q": s.query, **{k: v for k, v in s.params.items() if v is not None}}
                        for s in plan]}


# --------------------------------------------------------------------------- clients


@dataclass
class RunResult:
    target: str
    clients: int
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)
    by_kind: dict[str, list[float]] = field(repr=False)
    error_samples: list[str] = field(default_factory=list)
    loadavg_after: str = ""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float, values: list[float] | None = None) -> float:
        values = sorted(self.latencies_ms if values is None else values)
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    def summary(self) -> dict[str, Any]:
        return {"target": self.target, "clients": self.clients, "requests": self.requests, "errors": self.errors,
                "seconds": round(self.seconds, 2), "rps": round(self.rps, 1),
                "p50_ms": round(self.pct(0.50), 1), "p95_ms": round(self.pct(0.95), 1),
                "p99_ms": round(self.pct(0.99), 1), "mean_ms": round(statistics.fmean(self.latencies_ms), 1)
                if self.latencies_ms else None, "loadavg_after": self.loadavg_after,
                "p50_ms_by_kind": {k: round(self.pct(0.5, v), 1) for k, v in self.by_kind.items()},
                "p95_ms_by_kind": {k: round(self.pct(0.95, v), 1) for k, v in self.by_kind.items()},
                "error_samples": self.error_samples[:5]}


async def page_request(http: httpx.AsyncClient, base: str, pairs: list[tuple[str, str]]) -> None:
    """The search page read to its end (the timeline is streamed after the results)."""
    resp = await http.get(f"{base}/search", params=pairs)
    if resp.status_code != 200:
        raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    if 'id="timeline"' not in resp.text or not resp.text.rstrip().endswith("</html>"):
        raise RuntimeError("page without its timeline")


async def api_request(http: httpx.AsyncClient, base: str, pairs: list[tuple[str, str]]) -> None:
    resp = await http.get(f"{base}/api/search", params=pairs)
    if resp.status_code != 200:
        raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    if "hits" not in resp.json():
        raise RuntimeError("answer without hits")


async def meili_request(http: httpx.AsyncClient, base: str, pairs: list[tuple[str, str]]) -> None:
    """The page's round trips to Meilisearch as this checkout plans them: the planned searches,
    then the timeline's (when it needs any)."""
    params: SearchParams = parse_params(pairs)
    resp = await http.post(f"{base}/multi-search", json=multi_search_body(INDEX, build_plan(params, charts=True, shown_only=True)))
    if resp.status_code != 200:
        raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    main = resp.json()["results"][0]
    follow_up = timeline.plan(params, main)
    if follow_up:
        resp = await http.post(f"{base}/multi-search", json=multi_search_body(INDEX, follow_up))
        if resp.status_code != 200:
            raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")


REQUESTS = {"page": page_request, "api": api_request, "meili": meili_request}


async def run_clients(target: str, base: str, headers: dict[str, str], queries: list[Query],
                      clients: int, max_seconds: float) -> RunResult:
    """`clients` coroutines share the queries (each sent once), stopping early at max_seconds."""
    send = REQUESTS[target]
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {kind: [] for kind in KINDS}
    errors: list[str] = []
    todo = iter(queries)
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30.0) as http:
        async def one_client() -> None:
            for kind, pairs in todo:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    await send(http, base, pairs)
                except (httpx.HTTPError, RuntimeError, ValueError) as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                latencies.append(elapsed)
                by_kind[kind].append(elapsed)

        started = time.monotonic()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        seconds = time.monotonic() - started
    return RunResult(target, clients, len(latencies) + len(errors), len(errors), seconds, latencies, by_kind, errors,
                     loadavg())


def loadavg() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


# --------------------------------------------------------------------------- the web app in its own process


# the web app as `gonggao up` configures it, from the checkout on PYTHONPATH (argv: Meilisearch
# URL, search key, index, hazards.yaml, port)
SERVER = """
import sys
import uvicorn
from gonggao.pipeline import hazard_labels
from search_ui.app import WebConfig, create_app
url, key, index, hazards, port = sys.argv[1:6]
try:                                   # query understanding's hazard keywords, in checkouts that have it
    from search_ui.lexicon import taxonomy_keywords
    keywords = {"hazard_keywords": taxonomy_keywords(hazards)}
except ImportError:
    keywords = {}
app = create_app(WebConfig(url, key, index, hazard_labels(hazards), **keywords))
uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", access_log=False)
"""


def serve_app(repo: Path, meili_url: str, search_key: str, port: int) -> subprocess.Popen:
    """The web app of checkout `repo` in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    return subprocess.Popen([sys.executable, "-c", SERVER, meili_url, search_key, INDEX,
                             str(repo / "config" / "hazards.yaml"), str(port)], cwd=repo, env=env)


def checkout_version(repo: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"


def apply_faceting(client: Any, repo: Path) -> dict[str, Any]:
    """The faceting settings of checkout `repo`'s config/index_settings.yaml, applied to the index."""
    faceting = admin.load_index_settings(repo / "config" / "index_settings.yaml").get("faceting") or {}
    if faceting:
        admin.wait(client, client.index(INDEX).update_faceting_settings(faceting))
    return faceting


def wait_for(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


# --------------------------------------------------------------------------- report


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def markdown(report: dict[str, Any]) -> str:
    idx, mem = report["indexing"], report["meilisearch"]
    built = " (index built by an earlier run, reused)" if idx.get("reused") else ""
    vectors = "a random 512-dim vector each" if report.get("vectors") else "no vectors"
    lines = [
        f"### Search load, {report['docs']:,} synthetic documents ({vectors})",
        "",
        f"Machine: {report['machine']['cpus']} cores shared with other work (load average "
        f"{report['machine']['loadavg_before']} before the run); Meilisearch {mem['version']}. Web app from "
        f"{report['app']['repo']} ({report['app']['version']}), faceting {report['app']['faceting']}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| bulk load{built} | {idx['docs']:,} docs in {idx['seconds']:.0f} s = {idx['docs_per_second']:,.0f} docs/s "
        f"({mib(idx['payload_bytes'])} JSON, {idx['payload_bytes'] / idx['docs']:,.0f} B/doc) |",
        f"| index on disk (allocated) | {mib(mem['disk_bytes'])} ({mem['disk_bytes'] / idx['docs']:,.0f} B/doc) |",
        f"| Meilisearch databaseSize / usedDatabaseSize | {mib(mem['database_size'])} / {mib(mem['used_database_size'])} |",
        f"| Meilisearch RSS after load / after queries / peak | {mib(mem['rss_after_load_kib'] * 1024)} / "
        f"{mib(mem['rss_after_queries_kib'] * 1024)} / {mib(mem['peak_rss_kib'] * 1024)} |",
        "",
        "| target | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | load average after |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    names = {"page": "our /search page (HTML, charts)", "api": "our /api/search", "meili": "Meilisearch direct (same multi-searches)"}
    for r in report["runs"]:
        lines.append(f"| {names[r['target']]} | {r['clients']} | {r['requests']:,} | {r['errors']} | {r['rps']:.1f} | "
                     f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r.get('loadavg_after', '')} |")
    kinds = list(report["runs"][0].get("p50_ms_by_kind", {})) if report["runs"] else []
    for stat in ("p50", "p95"):
        if not kinds:
            break
        lines += ["", f"{stat} ms by kind of query:", "",
                  "| target | clients | " + " | ".join(kinds) + " |", "|---|---|" + "---|" * len(kinds)]
        for r in report["runs"]:
            by_kind = r.get(f"{stat}_ms_by_kind") or {}
            lines.append(f"| {r['target']} | {r['clients']} | " +
                         " | ".join(f"{by_kind.get(k, float('nan')):.1f}" for k in kinds) + " |")
    return "\n".join(lines) + "\n"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000, help="synthetic documents to index (default 100000)")
    parser.add_argument("--clients", default="1,8", help="concurrency levels, comma-separated (default 1,8)")
    parser.add_argument("--requests", type=int, default=1000, help="requests per run (default 1000)")
    parser.add_argument("--targets", default="page,api", help="what to load, comma-separated: page (the HTML "
                        "search page), api (/api/search), meili (the same searches sent to Meilisearch); default page,api")
    parser.add_argument("--app-repo", type=Path, default=REPO, help="serve the web app from this checkout "
                        "(default: this one), e.g. the code before a change, for before / after numbers")
    parser.add_argument("--label", default="", help="added to the result files' names (default: none for this "
                        "checkout, the other checkout's folder name with --app-repo)")
    parser.add_argument("--max-seconds", type=float, default=180.0, help="cap on one run's duration (default 180)")
    parser.add_argument("--inflight", type=int, default=4, help="document batches enqueued at once (default 4)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vectors", action="store_true", help="give every document a random 512-dim vector "
                        "(the size of the semantic-search embedding); default: no vector (`_vectors.use: null`)")
    parser.add_argument("--data-dir", type=Path, help="keep Meilisearch's data here and reuse it when it already "
                        "holds --docs documents (default: a temporary folder, deleted afterwards)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR, help="folder for the JSON and Markdown results")
    args = parser.parse_args()
    try:
        args.levels = [int(v) for v in args.clients.split(",") if v.strip()]
    except ValueError:
        parser.error(f"--clients must be whole numbers separated by commas, got {args.clients!r}")
    if args.docs < 1 or args.requests < 1 or not args.levels or min(args.levels) < 1:
        parser.error("--docs, --requests and every --clients level must be at least 1")
    if args.data_dir and args.data_dir.exists() and not args.data_dir.is_dir():
        parser.error(f"--data-dir {args.data_dir} is not a folder")
    args.target_list = [t.strip() for t in args.targets.split(",") if t.strip()]
    if not args.target_list or set(args.target_list) - set(REQUESTS):
        parser.error(f"--targets must name some of {', '.join(REQUESTS)}, got {args.targets!r}")
    args.app_repo = args.app_repo.resolve()
    if not (args.app_repo / "search_ui" / "app.py").exists():
        parser.error(f"--app-repo {args.app_repo} is not a Gonggao checkout (no search_ui/app.py)")
    if not args.label and args.app_repo != REPO:
        args.label = args.app_repo.name
    return args


def index_once(client: Any, data_dir: Path, factory: DocumentFactory, n: int, inflight: int) -> dict[str, Any]:
    """Bulk load, reusing what this data directory already holds of the same synthetic set: all of it
    (nothing to send) or its first documents (the rest is added, e.g. 100k grown to 1M). The load's
    numbers are kept next to the data, so a reused index still reports how long it took to build."""
    record = data_dir / "load_search_indexing.json"
    resume = None
    if record.exists():
        previous = json.loads(record.read_text())
        held = client.get_all_stats()["indexes"].get(INDEX, {}).get("numberOfDocuments")
        same_set = (previous.get("seed"), previous.get("vectors")) == (factory.seed, factory.vectors)
        if same_set and held == previous["docs"] == n:
            print(f"reusing the index of {n:,} documents in {data_dir}", file=sys.stderr)
            check_index_fields(client)
            return {**previous, "reused": True}
        if same_set and held == previous["docs"] < n:
            print(f"growing the index in {data_dir} from {held:,} to {n:,} documents", file=sys.stderr)
            resume = LoadReport(previous["docs"], previous["seconds"], previous["payload_bytes"],
                                [tuple(p) for p in previous["curve"]])
    if resume is None and client.get_all_stats()["indexes"].get(INDEX, {}).get("numberOfDocuments"):
        raise SystemExit(f"{data_dir} holds another index; give an empty --data-dir")
    admin.ensure_index(client, INDEX, admin.load_index_settings(SETTINGS_PATH))
    print(f"bulk loading {n:,} synthetic documents", file=sys.stderr)
    loaded = bulk_load(client, factory, n, inflight, resume)
    result = {**asdict(loaded), "docs_per_second": loaded.docs_per_second, "seed": factory.seed, "vectors": factory.vectors}
    record.write_text(json.dumps(result) + "\n")
    return result


def check_index_fields(client: Any) -> None:
    """A reused index must hold the fields this checkout's sync adds (the timeline's compound
    facets): one loaded by an older bench would measure the timeline's fallback instead."""
    admin.ensure_index(client, INDEX, admin.load_index_settings(SETTINGS_PATH))
    fields = ["month_hazard", "week", "week_hazard"]
    counted = client.index(INDEX).search("", {"limit": 0, "facets": fields}).get("facetDistribution") or {}
    missing = [f for f in fields if not counted.get(f)]
    if missing:
        raise SystemExit(f"the index in --data-dir has no {', '.join(missing)} values (loaded by an older version of "
                         "this script?); give an empty --data-dir to load it again")


def run_load(meili: MeiliProcess, search_key: str, stream: QueryStream, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every concurrency level against every target, each after a short warm-up, fresh queries each time."""
    port = free_port()
    web = serve_app(args.app_repo, meili.url, search_key, port)
    try:
        app_base = f"http://127.0.0.1:{port}"
        wait_for(f"{app_base}/healthz", timeout=60)
        bases = {"page": (app_base, {}), "api": (app_base, {}),
                 "meili": (meili.url, {"Authorization": f"Bearer {search_key}"})}
        runs = []
        for level in args.levels:
            for target in args.target_list:
                base, headers = bases[target]
                asyncio.run(run_clients(target, base, headers, stream.take(2 * len(KINDS)), 2, args.max_seconds))
                result = asyncio.run(run_clients(target, base, headers, stream.take(args.requests), level, args.max_seconds))
                print(f"  {target:5} {level:3} clients: {result.rps:6.1f} req/s  p50 {result.pct(0.5):6.1f} ms  "
                      f"p95 {result.pct(0.95):6.1f} ms  p99 {result.pct(0.99):6.1f} ms  errors {result.errors}  "
                      f"load average {result.loadavg_after}", file=sys.stderr)
                runs.append(result.summary())
        return runs
    finally:
        web.terminate()
        try:
            web.wait(10)
        except subprocess.TimeoutExpired:
            web.kill()


def main() -> int:
    args = parse_args()
    # a plain `kill` stops the run like Ctrl-C does: Meilisearch and the web app are stopped, the temp folder removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    report: dict[str, Any] = {
        "docs": args.docs, "vectors": args.vectors, "started": datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_before": loadavg()},
    }
    factory = DocumentFactory(args.seed, args.vectors)
    stream = QueryStream(factory)
    if args.data_dir:
        args.data_dir.mkdir(parents=True, exist_ok=True)
    folder = contextlib.nullcontext(str(args.data_dir)) if args.data_dir else tempfile.TemporaryDirectory(prefix="gonggao-load-")
    with folder as data, MeiliProcess(Path(data)) as meili:
        client = admin.connect(meili.url, meili.master_key, timeout=600)
        report["indexing"] = index_once(client, Path(data), factory, args.docs, args.inflight)
        stats = client.get_all_stats()
        indexed = stats["indexes"][INDEX]["numberOfDocuments"]
        if indexed != args.docs:
            raise SystemExit(f"Meilisearch holds {indexed} documents, expected {args.docs}")
        pid = meili.proc.pid  # type: ignore[union-attr]
        report["meilisearch"] = {
            "version": client.get_version().get("pkgVersion"),
            "disk_bytes": disk_bytes(Path(data) / "meilisearch" / "data.ms"),
            "database_size": stats["databaseSize"], "used_database_size": stats.get("usedDatabaseSize", 0),
            "rss_after_load_kib": memory_kib(pid)["VmRSS"],
        }
        report["app"] = {"repo": str(args.app_repo), "version": checkout_version(args.app_repo),
                         "faceting": apply_faceting(client, args.app_repo)}
        report["runs"] = run_load(meili, admin.ensure_search_key(client, INDEX), stream, args)
        memory = memory_kib(pid)
        report["meilisearch"].update(rss_after_queries_kib=memory["VmRSS"], peak_rss_kib=memory["VmHWM"])
    report["queries_sent"] = stream.count
    report["query_sample"] = [{"kind": kind, "params": list(pairs)} for kind, pairs in QueryStream(factory).take(len(KINDS))]
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"load_search_{args.docs}{'_vectors' if args.vectors else ''}{'_' + args.label if args.label else ''}"
    stem.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    table = markdown(report)
    stem.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    return 0 if all(r["errors"] == 0 for r in report["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
