"""What several end-to-end tests share: reading every hit of a search, and a one-site crawl setup."""

from __future__ import annotations

from pathlib import Path

from config.settings import Settings
from gonggao.demo_web.server import DemoWeb

SXJYT_LIST = "/jyzx/tzgg/index.html"


def api(world, **params):  # type: ignore[no-untyped-def]
    """One page of `/api/search` (100 hits) as JSON; a non-200 answer fails the test with its text."""
    response = world.client.get("/api/search", params={"per_page": 100, **params})
    assert response.status_code == 200, response.text
    return response.json()


def all_hits(world, **params) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every hit of the search, page after page."""
    hits, page = [], 1
    while True:
        answer = api(world, page=page, **params)
        hits += answer["hits"]
        if page >= answer["total_pages"]:
            return hits
        page += 1


def sxjyt_settings(web: DemoWeb, data_dir: Path, meili, index_name: str) -> Settings:  # type: ignore[no-untyped-def]
    """Settings for crawling only the demo's provincial education department into its own index."""
    data_dir.mkdir(parents=True, exist_ok=True)
    sources = data_dir / "sources.yaml"
    sources.write_text(f"""sources:
  - id: sxjyt
    name: 陕西省教育厅
    kind: gov
    start_urls: ["{web.base_urls['sxjyt']}{SXJYT_LIST}"]
    allowed_domains: ["{web.substitutions()['sxjyt_host']}"]
    max_list_pages: 10
""", encoding="utf-8")
    return Settings.load({"data_dir": data_dir, "sources_path": sources, "crawl_delay": 0.0, "index_name": index_name,
                          "meili_url": meili.url, "meili_master_key": meili.master_key}, environ={})
