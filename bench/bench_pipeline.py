"""Extraction, index sync and search latency: Gonggao against the raw library, same input, same run.

    python bench/bench_pipeline.py [--docs 10000] [--queries 200]

Inputs are the demo web's pages (served on loopback) and, when present, the shared corpus.
Search: `--queries` distinct queries (no query repeats), each sent to `/api/search` (one result
page: the main query plus a facet query per active facet group) and, as the raw side, the same
main query (same filter, facets, fields, highlight and crop) sent to Meilisearch directly.
"""

# ruff: noqa: E402  (the repository root goes on sys.path before its packages are imported)
from __future__ import annotations

import argparse
import contextlib
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import httpx
import trafilatura
import uvicorn

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from config.settings import Settings
from config.sources import load_sources
from gonggao.demo import resolved_sources_file
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import hazard_labels
from indexer.extract.decode import decode_html
from indexer.ingest import Enrichers, ingest_page
from indexer.models import Page
from indexer.search_index import admin, embed
from indexer.search_index.process import MeiliProcess
from indexer.search_index.sync import rebuild, sync_outbox, to_index_doc
from indexer.store.catalog import Catalog
from search_ui.app import WebConfig, create_app
from search_ui.query import CROP_WORDS, SHOWN_FIELDS

CORPUS = REPO.parent / "shared" / "corpus" / "magic-html-zh" / "html"
QUERIES = ["校园安全", "防溺水", "消防 演练", "食品安全", "校园欺凌", "电信诈骗", "汉阴县", "寒假 安全", "校车", "心理健康"]
# A second word for each query, so that no query repeats within a run (users' queries do not).
SECOND_WORDS = ["通知", "学校", "家长", "检查", "工作", "教育局", "小学", "中学", "幼儿园", "暑期", "寒假", "开学", "会议",
                "专项", "演练", "宣传", "活动", "2024", "2025", "县"]


def unique_queries(n: int) -> list[str]:
    """`n` distinct queries (up to len(QUERIES) * (len(SECOND_WORDS) + 1)): each topic alone, then with a second word."""
    words = ["", *SECOND_WORDS]
    return [f"{QUERIES[i % len(QUERIES)]} {words[i // len(QUERIES) % len(words)]}".strip() for i in range(n)]


def demo_pages(web: DemoWeb) -> list[tuple[Page, object]]:
    sources = {s.id: s for s in load_sources(resolved_sources_file(web, Path(tempfile.mkdtemp())))}
    seen, out = set(), []
    for article in web.articles:
        if article.url in seen:
            continue
        seen.add(article.url)
        with urllib.request.urlopen(article.url, timeout=10) as resp:
            body, headers = resp.read(), dict(resp.headers.items())
        out.append((Page(url=article.url, final_url=article.url, headers=headers, body=body,
                         fetched_at=datetime.now(UTC), source_id=article.site), sources[article.site]))
    return out


def corpus_pages() -> list[tuple[Page, None]]:
    if not CORPUS.is_dir():
        return []
    return [(Page(url=f"https://corpus.invalid/{p.stem}.html", final_url=f"https://corpus.invalid/{p.stem}.html",
                  headers={"content-type": "text/html; charset=utf-8"}, body=p.read_bytes(),
                  fetched_at=datetime.now(UTC), source_id="corpus"), None)
            for p in sorted(CORPUS.glob("*.html"))]


def bench_extraction(pages: list, enrichers: Enrichers) -> tuple[float, float, list]:
    """pages/s: our whole ingest (decode, extract, clean, enrich) vs decode + trafilatura.extract."""
    html = [decode_html(p.body, p.headers.get("content-type") or p.headers.get("Content-Type"))[0] for p, _ in pages]
    started = time.perf_counter()
    for text, (page, _) in zip(html, pages, strict=False):
        trafilatura.extract(text, url=page.url)
    raw = len(pages) / (time.perf_counter() - started)
    docs = []
    started = time.perf_counter()
    for page, source in pages:
        with contextlib.suppress(Exception):
            docs += ingest_page(page, source, enrichers)
    ours = len(pages) / (time.perf_counter() - started)
    return ours, raw, docs


def synthetic(docs: list, n: int) -> list[dict]:
    base = [d.model_dump(mode="json") for d in docs]
    out = []
    for i in range(n):
        doc = dict(base[i % len(base)])
        doc["id"] = f"syn{i:07d}"
        doc["published_at"] = (doc.get("published_at") or 1_700_000_000) - (i // len(base)) * 86400
        out.append(doc)
    return out


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def indexed_documents(catalog: Catalog) -> list[dict]:
    """The documents as the index holds them, vectors included, read back from the catalog."""
    out = []
    for rows in catalog.all_documents():
        cached = catalog.cached_embeddings([doc_id for doc_id, _ in rows], embed.default_embedder().model_name)
        out += [to_index_doc(data, embed.from_bytes(cached[doc_id][1]) if doc_id in cached else None)
                for doc_id, data in rows]
    return out


def serve(app) -> tuple[str, uvicorn.Server]:  # type: ignore[no-untyped-def]
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="error", access_log=False))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []
    enrichers = Enrichers()
    web = DemoWeb()
    web.start()
    try:
        pages = demo_pages(web) + corpus_pages()
    finally:
        web.stop()
    ours, raw, docs = bench_extraction(pages, enrichers)
    rows.append((f"extraction, {len(pages)} pages", f"{ours:.0f} pages/s (full ingest)", f"{raw:.0f} pages/s (trafilatura.extract)", f"{ours / raw:.2f}×"))

    with tempfile.TemporaryDirectory() as tmp, MeiliProcess(Path(tmp)) as meili:
        client = admin.connect(meili.url, meili.master_key)
        settings_path = REPO / "config" / "index_settings.yaml"
        payload = synthetic(docs, args.docs)
        catalog = Catalog(f"sqlite:///{tmp}/catalog.sqlite3")
        from indexer.models import Document

        page_id = catalog.save_page(Page(url="https://bench.invalid/", final_url="https://bench.invalid/", body=b"",
                                         fetched_at=datetime.now(UTC), source_id="bench"), state="ok")
        catalog.store_documents(page_id, [Document.model_validate(d) for d in payload])
        # ours, first sync: recluster, embed every document, send
        started = time.perf_counter()
        first = sync_outbox(catalog, client, "ours", settings_path)
        first_rate = first.sent / (time.perf_counter() - started)
        # ours, rebuild: the same documents again, vectors from the catalog's cache, swapped in
        started = time.perf_counter()
        again = rebuild(catalog, client, "ours", settings_path)
        rebuild_rate = again.sent / (time.perf_counter() - started)
        # raw bulk load of exactly what ours sent (same documents, same vectors), same settings
        index_docs = indexed_documents(catalog)
        started = time.perf_counter()
        admin.ensure_index(client, "raw", admin.load_index_settings(settings_path))
        for batch in admin.batches(index_docs):
            admin.wait(client, client.index("raw").add_documents(batch, primary_key="id"))
        raw_sync = len(index_docs) / (time.perf_counter() - started)
        n = len(index_docs)
        rows.append((f"index rebuild, {n} docs", f"{rebuild_rate:.0f} docs/s (catalog → new index → swap)",
                     f"{raw_sync:.0f} docs/s (raw bulk load)", f"{rebuild_rate / raw_sync:.2f}×"))
        rows.append((f"first sync, {n} docs", f"{first_rate:.0f} docs/s (recluster, embed, send)",
                     f"{raw_sync:.0f} docs/s (raw bulk load, vectors given)", f"{first_rate / raw_sync:.2f}×"))

        key = admin.ensure_search_key(client, "ours")
        base, server = serve(create_app(WebConfig(meili.url, key, "ours", hazard_labels(Settings().hazards_path))))
        ours_ms, raw_ms = [], []
        facets = ["region.lvl0", "region.lvl1", "region.lvl2", "hazards", "source_type", "year"]
        with httpx.Client() as http:
            for q in unique_queries(args.queries):
                started = time.perf_counter()
                http.get(f"{base}/api/search", params={"q": q, "region": "陕西省"}).raise_for_status()
                ours_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                http.post(f"{meili.url}/indexes/ours/search", headers={"Authorization": f"Bearer {key}"},
                          json={"q": q, "filter": 'region.lvl0 = "陕西省"', "facets": facets, "hitsPerPage": 20,
                                "attributesToRetrieve": list(SHOWN_FIELDS), "attributesToHighlight": ["title", "body"],
                                "attributesToCrop": ["body"], "cropLength": CROP_WORDS}).raise_for_status()
                raw_ms.append((time.perf_counter() - started) * 1000)
        server.should_exit = True
        rows.append((f"search p50, {len(payload)} docs", f"{statistics.median(ours_ms):.1f} ms (/api/search)", f"{statistics.median(raw_ms):.1f} ms (Meilisearch direct)", f"{statistics.median(ours_ms) / statistics.median(raw_ms):.2f}×"))
        rows.append((f"search p95, {len(payload)} docs", f"{percentile(ours_ms, 0.95):.1f} ms", f"{percentile(raw_ms, 0.95):.1f} ms", f"{percentile(ours_ms, 0.95) / percentile(raw_ms, 0.95):.2f}×"))

    print("| measure | Gonggao | raw library | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
