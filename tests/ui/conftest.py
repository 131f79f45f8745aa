"""UI fixtures: a seeded index per test module in the shared `meili`, and the app on it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from indexer.models import Document, Evidence, Page, RegionPath
from indexer.search_index import admin
from indexer.search_index.sync import with_index_fields
from indexer.store.catalog import Catalog
from indexer.store.warc import WarcWriterRotating
from indexer.text.chinese import to_simplified
from search_ui.app import WebConfig, create_app

REPO = Path(__file__).resolve().parents[2]
TZ = ZoneInfo("Asia/Shanghai")
XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"

HAZARD_LABELS = {
    "drowning": {"zh": "防溺水", "en": "Drowning"},
    "food": {"zh": "食品安全", "en": "Food safety"},
    "fire": {"zh": "消防安全", "en": "Fire"},
    "traffic": {"zh": "交通安全", "en": "Traffic"},
    # "bullying" deliberately has no label: the code is shown
}

# id, title, body, region path, hazards, published (Shanghai local), source_type, issuer
ROWS = [
    (1, "汉阴县教育局召开校园安全工作会议", "汉阴县教育局召开全县校园安全工作会议，部署防溺水和食品安全工作。", "陕西省 > 安康市 > 汉阴县", ["drowning", "food"], "2024-05-10 09:00", "gov", "汉阴县教育体育和科技局"),
    (2, "汉阴县开展防溺水专项检查", "汉阴县对全县中小学开展防溺水专项检查，排查河道隐患。", "陕西省 > 安康市 > 汉阴县", ["drowning"], "2024-06-01 10:00", "gov", "汉阴县教育体育和科技局"),
    (3, "石泉县部署学校食品安全工作", "石泉县召开会议部署学校食堂食品安全工作。", "陕西省 > 安康市 > 石泉县", ["food"], "2024-03-15 08:30", "news", "石泉县融媒体中心"),
    (4, "安康市教育局部署校园消防安全", "安康市教育局部署全市校园消防安全大检查。", "陕西省 > 安康市", ["fire"], "2023-11-20 15:00", "gov", "安康市教育局"),
    (5, "雁塔区开展交通安全进校园活动", "雁塔区交警大队开展交通安全进校园宣传活动。", "陕西省 > 西安市 > 雁塔区", ["traffic"], "2025-01-14 11:00", "news", "西安日报"),
    (6, "雁塔区学校防欺凌专项治理", "雁塔区教育局开展中小学生欺凌防治专项治理。", "陕西省 > 西安市 > 雁塔区", ["bullying"], "2024-09-01 09:00", "gov", "雁塔区教育局"),
    (7, "陕西省教育厅关于做好暑期学生防溺水工作的通知", "各市教育局：为做好暑期学生防溺水工作，现就有关事项通知如下。", "陕西省", ["drowning"], "2024-07-01 09:00", "gov", "陕西省教育厅"),
    (8, "金水区召开校园安全工作推进会", "金水区教育局召开校园安全工作推进会，部署消防和交通安全。", "河南省 > 郑州市 > 金水区", ["fire", "traffic"], "2024-04-02 14:00", "aggregator", "金水区教育局"),
    (9, "金水区校园食品安全检查", "金水区市场监管局联合教育局开展校园食品安全检查。", "河南省 > 郑州市 > 金水区", ["food"], "2023-09-05 09:00", "gov", "金水区教育局"),
    (10, "西工区开展防溺水宣传", "西工区教育局开展防溺水宣传教育活动。", "河南省 > 洛阳市 > 西工区", ["drowning"], "2024-05-20 09:00", "news", "洛阳日报"),
    (11, "日照市东港区召开学校安全工作会议", "东港区召开学校安全工作会议，强调消防安全。", "山东省 > 日照市 > 东港区", ["fire"], "2024-02-28 09:00", "epaper", "日照日报"),
    (12, "东港区校园欺凌防治工作推进", "东港区推进校园欺凌防治工作。", "山东省 > 日照市 > 东港区", ["bullying"], "2023-05-06 09:00", "gov", "东港区教育局"),
    (13, "邯郸市丛台区部署校园安全工作", "丛台区部署校园周边交通安全整治。", "河北省 > 邯郸市 > 丛台区", ["traffic"], "2025-03-03 09:00", "news", "邯郸日报"),
    (14, "山西省召開全省學校安全穩定工作會議", "會議要求加強校園安全管理，做好實驗室及危化品安全、校園施工安全。", "山西省 > 太原市 > 小店区", ["fire"], "2024-10-10 09:00", "aggregator", "山西省教育廳"),
    (15, "小店區開展校園防溺水教育", "小店區各學校開展防溺水安全教育，確保學生安全。", "山西省 > 太原市 > 小店区", ["drowning"], "2024-06-15 09:00", "news", "太原晚報"),
    (16, "校园安全提示 <b>注意</b>", "请注意校园安全。" + XSS + "以上为测试内容。", "河北省 > 邯郸市 > 丛台区", ["bullying"], "2024-08-08 09:00", "news", "<i>测试来源</i>"),
    (17, "汉阴县中小学安全教育日活动", "汉阴县各中小学开展安全教育日活动。", "陕西省 > 安康市 > 汉阴县", [], "2025-02-01 09:00", "gov", "汉阴县教育体育和科技局"),
    (18, "历下区校园周边交通整治", "历下区开展校园周边交通秩序整治。", "山东省 > 济南市 > 历下区", ["traffic"], "2024-12-31 23:30", "gov", "历下区教育局"),
    (19, "历下区开学安全检查", "历下区开展开学校园安全检查。", "山东省 > 济南市 > 历下区", ["fire"], "2025-01-01 00:10", "gov", "历下区教育局"),
    (20, "金水区防溺水和食品安全提醒", "金水区教育局发布防溺水和食品安全提醒。", "河南省 > 郑州市 > 金水区", ["food", "drowning"], "2023-12-12 09:00", "news", "郑州晚报"),
]


def make_doc(row) -> dict:
    n, title, body, path, hazards, published, source_type, issuer = row
    parts = path.split(" > ")
    when = datetime.strptime(published, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)
    levels = [" > ".join(parts[: i + 1]) for i in range(len(parts))] + [None, None]
    doc = Document(
        id=f"doc{n:02d}",
        url=f"https://edu.example.gov.cn/202401/t2024_{n}.html",
        source_id="ui-test",
        title=title,
        body=body,
        title_search=to_simplified(title),
        body_search=to_simplified(body),
        lead=body[:40],
        published_at=int(when.timestamp()),
        published_date=when.date().isoformat(),
        year=when.year,
        month=when.strftime("%Y-%m"),
        issuer=issuer,
        issuer_level="county" if len(parts) == 3 else ("city" if len(parts) == 2 else "province"),
        site_name="测试站点",
        source_type=source_type,
        region=RegionPath(lvl0=levels[0], lvl1=levels[1], lvl2=levels[2]),
        province=parts[0],
        city=parts[1] if len(parts) > 1 else None,
        county=parts[2] if len(parts) > 2 else None,
        hazards=hazards,
        primary_hazard=hazards[0] if hazards else None,
        safety_related=True,
        fetched_at=int(when.timestamp()) + 3600,
        first_seen=int(when.timestamp()) + 3600,
    )
    return doc.model_dump(mode="json")


DOCS = [make_doc(row) for row in ROWS]


def index_settings() -> dict:
    return admin.load_index_settings(REPO / "config" / "index_settings.yaml")


def seed_index(meili, name: str, settings: dict | None = None, docs: list[dict] | None = None) -> WebConfig:
    client = admin.connect(meili.url, meili.master_key)
    settings = settings or index_settings()
    admin.ensure_index(client, name, settings)
    admin.add_documents(client, name, [with_index_fields(dict(doc)) for doc in docs or DOCS])
    key = admin.ensure_search_key(client, name)
    return WebConfig(meili_url=meili.url, search_key=key, index_name=name, hazard_labels=HAZARD_LABELS)


def route_paths(routes) -> set[str]:
    """The paths of an app's routes, included routers opened (FastAPI wraps them)."""
    paths: set[str] = set()
    for route in routes:
        inner = getattr(route, "original_router", None)
        paths |= route_paths(inner.routes) if inner is not None else {route.path}
    return paths


@pytest.fixture(scope="module")
def web_config(meili, request) -> WebConfig:
    """A seeded index named after the test module, with its own search-only key."""
    name = "ui_" + request.module.__name__.rsplit(".", 1)[-1]
    return seed_index(meili, name)


@pytest.fixture(scope="module")
def client(web_config) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(create_app(web_config)) as c:
        yield c


# --- a small catalog: evidence, versions, an archived XSS page, crawl runs -------------------
ARCHIVED_XSS = (
    '<!doctype html><html><head><meta charset="gbk"><title>校园安全提示</title>'
    "<script>alert('head')</script></head><body><h1 id=\"archived-title\">校园安全提示（存档）</h1>"
    '<img src=x onerror="alert(\'img\')"><script>alert(document.cookie)</script>'
    '<a href="javascript:alert(\'link\')">link</a><form action="https://evil.example/"><input name="a"></form>'
    '<iframe src="javascript:alert(\'frame\')"></iframe><p>请注意校园安全。</p></body></html>'
).encode("gbk")
DOC01_V1_BODY = "汉阴县教育局召开全县校园安全工作会议。\n部署防溺水工作。"
NEXT_RUN = datetime(2030, 1, 2, 6, 17, tzinfo=ZoneInfo("Asia/Shanghai"))


def _document(doc_id: str, **changes) -> Document:
    data = {**next(d for d in DOCS if d["id"] == doc_id), **changes}
    return Document.model_validate(data)


def _page(url: str, body: bytes, content_type: str) -> Page:
    return Page(url=url, final_url=url, status=200, headers={"Content-Type": content_type}, body=body,
                fetched_at=datetime(2024, 5, 10, 3, 0, tzinfo=UTC), source_id="ui-test")


def build_catalog(root: Path) -> tuple[str, Path]:
    """A SQLite catalog and WARC folder: doc01 with evidence and two versions, doc16's page as
    fetched (an XSS payload), and crawl runs of two sources (one failing)."""
    url, archive_dir = f"sqlite:///{root / 'catalog.sqlite'}", root / "warc"
    catalog = Catalog(url, archive_dir=archive_dir)
    catalog.register_sources([("ui-test", "测试教育局", "gov", "{}"), ("quiet", "未运行的来源", "news", "{}")])
    warc = WarcWriterRotating(archive_dir)
    doc01 = _document("doc01")
    page = _page(doc01.url, f"<html><body><h1>{doc01.title}</h1><p>{doc01.body}</p></body></html>".encode(), "text/html; charset=utf-8")
    page_id = catalog.save_page(page, state="ok", warc=warc.append(page))
    catalog.store_documents(page_id, [_document("doc01", body=DOC01_V1_BODY)])
    body = doc01.body
    doc01.evidence = [
        Evidence(label="drowning", phrase="防溺水", start=body.index("防溺水"), field="body", rule="keyword"),
        Evidence(label="food", phrase="食品安全", start=body.index("食品安全"), field="body", rule="keyword"),
        Evidence(label="陕西省 > 安康市 > 汉阴县", phrase="汉阴县", start=0, field="title", rule="full name"),
    ]
    catalog.store_documents(page_id, [doc01])
    doc16 = _document("doc16")
    page = _page(doc16.url, ARCHIVED_XSS, "text/html")
    page_id = catalog.save_page(page, state="ok", warc=warc.append(page))
    catalog.store_documents(page_id, [doc16])
    warc.close()
    ok = catalog.start_run("ui-test")
    catalog.finish_run(ok, "ok", pages_fetched=12, docs_new=3, docs_changed=1)
    for kinds in (["timeout", "timeout", "http_5xx"], ["dns"]):
        run = catalog.start_run("ui-test")
        for kind in kinds:
            catalog.record_error(run, "ui-test", "https://edu.example.gov.cn/list.html", kind, f"{kind} while fetching")
        catalog.finish_run(run, "failed", pages_fetched=1, errors=len(kinds))
    catalog.close()
    return url, archive_dir


@pytest.fixture(scope="module")
def catalog_config(web_config, tmp_path_factory) -> WebConfig:
    """`web_config` with a catalog (see build_catalog) and a fixed next run for every source."""
    url, archive_dir = build_catalog(tmp_path_factory.mktemp("catalog"))
    return dataclasses.replace(web_config, catalog_url=url, archive_dir=archive_dir,
                               next_runs=lambda: {"ui-test": NEXT_RUN, "quiet": None})


@pytest.fixture(scope="module")
def catalog_client(catalog_config) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(create_app(catalog_config)) as c:
        yield c
