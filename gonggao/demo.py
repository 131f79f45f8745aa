"""`gonggao demo`: serve the demo web on loopback, crawl it with the real spider, then run `up`.

The demo sites keep the port they got on the first run (stored in the data directory), so a
second run finds the same URLs: its crawl is incremental and the documents are reused.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from config.settings import Settings
from config.sources import load_sources
from crawler.launch import crawl_in_subprocess
from gonggao.demo_web.server import DemoWeb
from gonggao.pipeline import open_catalog
from gonggao.supervisor import UpOptions, up

DEMO_SOURCES = Path(__file__).resolve().parent / "demo_web" / "sources.yaml"
LOOPBACK_DELAY = "0.05"  # our own server on loopback: politeness delays only slow the demo


def resolved_sources_file(web: DemoWeb, data_dir: Path) -> Path:
    """The demo's sources.yaml with its placeholders replaced by this run's site addresses."""
    target = data_dir / "demo" / "sources.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = DEMO_SOURCES.read_text(encoding="utf-8")
    for name, value in sorted(web.substitutions().items(), key=lambda kv: -len(kv[0])):
        text = text.replace("{" + name + "}", value)
    target.write_text(text, encoding="utf-8")
    return target


def _remembered_port(data_dir: Path) -> int:
    try:
        return int(json.loads((data_dir / "demo" / "web.json").read_text())["port"])
    except (FileNotFoundError, ValueError, KeyError):
        return 0


def _remember_port(data_dir: Path, web: DemoWeb) -> None:
    path = data_dir / "demo" / "web.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"port": web.port, "base_urls": web.base_urls}, indent=2))


def run_demo(settings: Settings, options: UpOptions) -> int:
    web = DemoWeb(port=_remembered_port(settings.data_dir))
    web.start()
    try:
        _remember_port(settings.data_dir, web)
        updates: dict[str, object] = {"sources_path": resolved_sources_file(web, settings.data_dir)}
        if "GONGGAO_CRAWL_DELAY" not in os.environ:
            updates["crawl_delay"] = float(LOOPBACK_DELAY)
        settings = settings.model_copy(update=updates)
        sources = load_sources(settings.sources_path)
        print(f"Gonggao demo: {len(sources)} demo sites on loopback; crawling ...", file=sys.stderr, flush=True)
        catalog = open_catalog(settings, sources)
        catalog.close()
        crawl_in_subprocess([s.id for s in sources], settings, progress=True)
        return up(settings, options, banner="Gonggao demo")
    finally:
        web.stop()
