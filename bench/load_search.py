"""Load test of search: our /api/search against Meilisearch directly, at 100k or 1M synthetic documents.

    python bench/load_search.py --docs 100000 [--clients 8,32] [--requests 1000]

Starts its own Meilisearch in a temporary data directory, creates the index with the real
settings (config/index_settings.yaml), bulk loads N synthetic documents in the Document shape
(Chinese titles and bodies assembled from vocabulary, regions from the gazetteer, hazards from
config/hazards.yaml, dates over ten years), then serves the web app with uvicorn on loopback (one
process, as `gonggao up` does) and runs a bounded loop of concurrent clients:

- "api": GET /api/search with a mix of queries (plain words, region + hazard facets, date sort,
  date ranges, the empty landing search);
- "meili": the very Meilisearch requests the API makes for the same query (the planned
  multi-search, then the timeline's multi-search), sent straight to Meilisearch with the same
  search-only key, so the difference is the cost of our app.

It prints indexing throughput, index size on disk, Meilisearch RSS and a table of requests/s,
p50/p95/p99 latency and errors, and writes them to bench/results/load_search_<N>.json and .md
(`_vectors` added with --vectors).
"""

# ruff: noqa: E402  (the repository root goes on sys.path before its packages are imported)
from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import multiprocessing
import os
import platform
import random
import signal
import statistics
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


def query_mix(factory: DocumentFactory) -> list[tuple[str, list[tuple[str, str]]]]:
    """(kind, /api/search query pairs): what users of the search page send."""
    rnd = random.Random(7)
    hazards = [h.code for h in factory.hazards]
    words = ["校园安全", "防溺水", "消防 演练", "食品安全", "欺凌", "诈骗", "寒假 安全", "校车", "心理健康",
             "隐患排查", "应急预案", "燃气", "暑期 溺水", "实验室 危化品", "交通安全 头盔"]
    mix: list[tuple[str, list[tuple[str, str]]]] = []
    for k in range(60):
        county = rnd.choice(factory.counties)
        region = " > ".join(county.names[:2])
        year = rnd.randrange(NOW.year - YEARS + 1, NOW.year + 1)
        mix.append([
            ("words", [("q", rnd.choice(words))]),
            ("place name", [("q", county.names[-1])]),
            ("city + hazard", [("region", region), ("hazard", rnd.choice(hazards))]),
            ("words + province, by date", [("q", rnd.choice(words)), ("region", county.names[0]), ("sort", "date")]),
            ("hazard + one year", [("hazard", rnd.choice(hazards)), ("from", f"{year}-01-01"), ("to", f"{year}-12-31")]),
            ("words + two months", [("q", rnd.choice(words)), ("from", f"{year}-06-01"), ("to", f"{year}-07-31")]),
            ("landing (no query)", []),
        ][k % 7])
    return mix


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
                "error_samples": self.error_samples[:5]}


async def api_request(http: httpx.AsyncClient, base: str, pairs: list[tuple[str, str]]) -> None:
    resp = await http.get(f"{base}/api/search", params=pairs)
    if resp.status_code != 200:
        raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    if "hits" not in resp.json():
        raise RuntimeError("answer without hits")


async def meili_request(http: httpx.AsyncClient, base: str, params: SearchParams) -> None:
    """The API's two round trips to Meilisearch: the planned searches, then the timeline."""
    resp = await http.post(f"{base}/multi-search", json=multi_search_body(INDEX, build_plan(params, charts=True)))
    if resp.status_code != 200:
        raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    main = resp.json()["results"][0]
    follow_up = timeline.plan(params, main)
    if follow_up:
        resp = await http.post(f"{base}/multi-search", json=multi_search_body(INDEX, follow_up))
        if resp.status_code != 200:
            raise RuntimeError(f"HTTP {resp.status_code}: {resp.text[:200]}")


async def run_clients(target: str, base: str, headers: dict[str, str], mix: list[tuple[str, list[tuple[str, str]]]],
                      clients: int, requests: int, max_seconds: float) -> RunResult:
    """`clients` coroutines share `requests` requests (cycling through the mix), stopping early at max_seconds."""
    parsed = [parse_params(pairs) for _, pairs in mix]
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {kind: [] for kind, _ in mix}
    errors: list[str] = []
    counter = iter(range(requests))
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30.0) as http:
        async def one_client() -> None:
            for k in counter:
                if time.monotonic() > deadline:
                    return
                kind, pairs = mix[k % len(mix)]
                started = time.perf_counter()
                try:
                    if target == "api":
                        await api_request(http, base, pairs)
                    else:
                        await meili_request(http, base, parsed[k % len(mix)])
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


def serve_app(meili_url: str, search_key: str, port: int) -> None:
    """Child process: the web app under uvicorn, configured as `gonggao up` configures it."""
    import uvicorn

    from gonggao.pipeline import hazard_labels
    from search_ui.app import WebConfig, create_app

    app = create_app(WebConfig(meili_url, search_key, INDEX, hazard_labels(HAZARDS_PATH)))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


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
        f"{report['machine']['loadavg_before']} before the run); Meilisearch {mem['version']}.",
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
    names = {"api": "our /api/search", "meili": "Meilisearch direct (same multi-searches)"}
    for r in report["runs"]:
        lines.append(f"| {names[r['target']]} | {r['clients']} | {r['requests']:,} | {r['errors']} | {r['rps']:.1f} | "
                     f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r.get('loadavg_after', '')} |")
    kinds = list(report["runs"][0].get("p50_ms_by_kind", {})) if report["runs"] else []
    if kinds:
        lines += ["", "p50 ms by kind of query:", "",
                  "| target | clients | " + " | ".join(kinds) + " |", "|---|---|" + "---|" * len(kinds)]
        for r in report["runs"]:
            lines.append(f"| {r['target']} | {r['clients']} | " +
                         " | ".join(f"{r['p50_ms_by_kind'].get(k, float('nan')):.1f}" for k in kinds) + " |")
    return "\n".join(lines) + "\n"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000, help="synthetic documents to index (default 100000)")
    parser.add_argument("--clients", default="8,32", help="concurrency levels, comma-separated (default 8,32)")
    parser.add_argument("--requests", type=int, default=1000, help="requests per run (default 1000)")
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


def run_load(meili: MeiliProcess, search_key: str, mix: list[tuple[str, list[tuple[str, str]]]],
             args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every concurrency level against our API and against Meilisearch, each after a short warm-up."""
    port = free_port()
    web = multiprocessing.get_context("spawn").Process(target=serve_app, args=(meili.url, search_key, port), daemon=True)
    web.start()
    try:
        api_base = f"http://127.0.0.1:{port}"
        wait_for(f"{api_base}/healthz")
        targets = {"api": (api_base, {}), "meili": (meili.url, {"Authorization": f"Bearer {search_key}"})}
        runs = []
        for level in args.levels:
            for target, (base, headers) in targets.items():
                asyncio.run(run_clients(target, base, headers, mix, 4, len(mix), args.max_seconds))
                result = asyncio.run(run_clients(target, base, headers, mix, level, args.requests, args.max_seconds))
                print(f"  {target:5} {level:3} clients: {result.rps:6.1f} req/s  p50 {result.pct(0.5):6.1f} ms  "
                      f"p95 {result.pct(0.95):6.1f} ms  p99 {result.pct(0.99):6.1f} ms  errors {result.errors}  "
                      f"load average {result.loadavg_after}", file=sys.stderr)
                runs.append(result.summary())
        return runs
    finally:
        web.terminate()
        web.join(10)


def main() -> int:
    args = parse_args()
    # a plain `kill` stops the run like Ctrl-C does: Meilisearch and the web app are stopped, the temp folder removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    report: dict[str, Any] = {
        "docs": args.docs, "vectors": args.vectors, "started": datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "loadavg_before": loadavg()},
    }
    factory = DocumentFactory(args.seed, args.vectors)
    mix = query_mix(factory)
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
        report["runs"] = run_load(meili, admin.ensure_search_key(client, INDEX), mix, args)
        memory = memory_kib(pid)
        report["meilisearch"].update(rss_after_queries_kib=memory["VmRSS"], peak_rss_kib=memory["VmHWM"])
    report["query_mix"] = [{"kind": kind, "params": pairs} for kind, pairs in mix]
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"load_search_{args.docs}{'_vectors' if args.vectors else ''}"
    stem.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    table = markdown(report)
    stem.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    return 0 if all(r["errors"] == 0 for r in report["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
