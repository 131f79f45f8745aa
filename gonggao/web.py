"""Serving the web app on a socket we bind ourselves, so the printed URL is the one that answers."""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import datetime

import uvicorn

from config.settings import Settings
from gonggao.pipeline import hazard_labels, load_configured_sources
from gonggao.services import MeiliEndpoint
from indexer.search_index import admin
from indexer.search_index.embed import embed_query
from search_ui.app import WebConfig, create_app
from search_ui.auth import Users
from search_ui.lexicon import taxonomy_keywords


def bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


class _AnnouncingServer(uvicorn.Server):
    """A uvicorn server that says it is up once it serves, not before.

    Only then are uvicorn's own SIGINT / SIGTERM handlers installed: a Ctrl-C that follows the
    announcement stops the server. One that came between an earlier announcement and uvicorn's
    start could be lost (a `gonggao up` that went on serving after it, seen once under load)."""

    def __init__(self, config: uvicorn.Config, announce: Callable[[], None]) -> None:
        super().__init__(config)
        self._announce = announce

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self._announce()


def make_server(settings: Settings, meili: MeiliEndpoint, sock: socket.socket,
                announce: Callable[[], None] = lambda: None) -> uvicorn.Server:
    """A uvicorn server for the app, holding only a search-only key (never the master key);
    `announce` runs once it serves."""
    client = admin.connect(meili.url, meili.master_key)
    admin.ensure_index(client, settings.index_name, admin.load_index_settings(settings.index_settings_path))
    search_key = admin.ensure_search_key(client, settings.index_name)
    app = create_app(WebConfig(meili_url=meili.url, search_key=search_key, index_name=settings.index_name,
                               hazard_labels=hazard_labels(settings.hazards_path),
                               hazard_keywords=taxonomy_keywords(settings.hazards_path),
                               catalog_url=settings.catalog_url, archive_dir=settings.archive_dir,
                               next_runs=schedule_reader(settings), embed=embed_query,
                               public_url=settings.public_url,
                               users=Users.load(settings.auth_file) if settings.auth_file else None))
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    return _AnnouncingServer(config, announce)


def schedule_reader(settings: Settings) -> Callable[[], dict[str, datetime | None]]:
    """When each configured source crawls next, for the status page (the sources file is read once)."""
    from crawler.schedule import next_runs

    sources = load_configured_sources(settings)
    return lambda: next_runs(sources)


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
