"""Serve the demo sites on loopback: one ThreadingHTTPServer per site, each on its own address.

    web = DemoWeb()            # the five demo sites; DemoWeb(["sxjyt"]) for a subset
    web = DemoWeb(CMS_SITES)   # the sites built on the CMS families bureaus run on (opt-in)
    web = DemoWeb(SCALE_SITES) # forty small bureaus, five columns each (scheduling tests)
    web.start()
    web.base_urls["sxjyt"]     # "http://127.0.0.2:41234"
    web.articles               # ground truth, urls filled in
    web.stop()
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TextIO
from urllib.parse import parse_qsl, urlsplit

from gonggao.demo_web.cms_sites import CMS_SITES, build_cms
from gonggao.demo_web.model import DemoArticle, LoggedRequest
from gonggao.demo_web.scale_sites import SCALE_SITES, build_scale
from gonggao.demo_web.sites import SITES, Built, Dynamic, DynamicRequest, Page, build_all

__all__ = ["CMS_SITES", "SCALE_SITES", "SITES", "DemoArticle", "DemoWeb", "LoggedRequest"]

ALL_SITES = SITES + CMS_SITES + SCALE_SITES
# Tomcat's URL rewriting: /detail.jsp;jsessionid=ABC?x=1 is /detail.jsp?x=1
PATH_SESSION = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)
MAX_FORM_BYTES = 64 * 1024


FORBIDDEN = "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>您的访问被拒绝。</p></body></html>".encode()


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class DemoWeb:
    def __init__(self, sites: list[str] | None = None, port: int = 0, access_log: TextIO | None = None):
        """`port`: the port every site asks for (each site has its own address, so they can all
        share one); 0 picks a free one. If the wanted port is taken, a free one is used instead.
        After `start()`, `self.port` is the shared port (the first site's port in the fallback
        where every site sits on 127.0.0.1 with its own port). `access_log`: also write every
        request there, one JSON line each (site, method, path, status, time: its monotonic arrival)."""
        unknown = set(sites or []) - set(ALL_SITES)
        if unknown:
            raise ValueError(f"unknown demo site(s): {sorted(unknown)}; known: {ALL_SITES}")
        self.sites: list[str] = list(sites) if sites else list(SITES)
        built: dict[str, Built] = {}
        if set(self.sites) & set(SITES):
            built.update(build_all())
        if set(self.sites) & set(CMS_SITES):
            built.update(build_cms())
        if set(self.sites) & set(SCALE_SITES):
            built.update(build_scale())
        self._pages: dict[str, dict[str, Page]] = {s: dict(built[s].pages) for s in self.sites}
        self._dynamic: dict[str, dict[str, Dynamic]] = {s: dict(built[s].dynamic) for s in self.sites}
        self._forbidden: dict[str, tuple[str, ...]] = {s: built[s].forbidden for s in self.sites}
        self._alternates: dict[str, dict[str, dict[str, Page]]] = {s: built[s].alternates for s in self.sites}
        self.articles: list[DemoArticle] = [a for s in self.sites for a in built[s].articles]
        self.base_urls: dict[str, str] = {}
        self.request_log: list[LoggedRequest] = []
        self.access_log = access_log
        self._lock = threading.Lock()
        self._servers: list[tuple[_Server, threading.Thread]] = []
        self.port: int = port

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        if self._servers:
            return
        servers = None
        for wanted in ([self.port] if self.port else []) + [0, 0, 0]:
            servers = self._bind_all(wanted)
            if servers:
                break
        if not servers:
            servers = self._bind_all(0, shared=False)
        assert servers
        for site, server in zip(self.sites, servers, strict=False):
            host, port = str(server.server_address[0]), int(server.server_address[1])
            self.base_urls[site] = f"http://{host}:{port}"
            thread = threading.Thread(target=server.serve_forever, name=f"demo-web-{site}", daemon=True)
            thread.start()
            self._servers.append((server, thread))
        self.port = servers[0].server_address[1]
        for art in self.articles:
            art.url = self.base_urls[art.site] + art.path

    def _bind_all(self, port: int, shared: bool = True) -> list[_Server] | None:
        """Bind every site, site i on 127.0.0.(i+2) (127.0.0.1 if that fails), all on one port
        when `shared`; None (and nothing left bound) if the shared port is taken somewhere."""
        bound: list[_Server] = []
        for i, site in enumerate(self.sites):
            server = None
            for host in (f"127.0.0.{i + 2}", "127.0.0.1"):
                try:
                    server = _Server((host, port), self._handler(site))
                    break
                except OSError:
                    continue
            if server is None:
                for s in bound:
                    s.server_close()
                if not shared:
                    raise OSError(f"could not bind a loopback address for demo site {site}")
                return None
            bound.append(server)
            if shared and port == 0:
                port = server.server_address[1]
            elif not shared:
                port = 0
        return bound

    def stop(self) -> None:
        for server, thread in self._servers:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
        self._servers.clear()

    def __enter__(self) -> DemoWeb:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- data -----------------------------------------------------------------------------

    def substitutions(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for site, url in self.base_urls.items():
            out[site] = url
            out[f"{site}_host"] = urlsplit(url).hostname or "127.0.0.1"
        return out

    def set_page(self, site: str, path: str, body: bytes | None, status: int = 200) -> None:
        """Change, add or remove (body None, status 404) a page; it gets a fresh Last-Modified."""
        with self._lock:
            pages = self._pages[site]
            old = pages.get(path)
            if body is None and status == 404:
                pages.pop(path, None)
                return
            ctype = old.content_type if old else "text/html; charset=utf-8"
            pages[path] = Page(body or b"", ctype, max(time.time(), (old.last_modified + 1) if old else 0), status)

    def apply(self, site: str, alternate: str) -> None:
        """Put one of the site's named page sets in place (e.g. "before_move": a column before it moved)."""
        with self._lock:
            for path, page in self._alternates[site][alternate].items():
                self._pages[site][path] = page

    def alternates(self, site: str) -> list[str]:
        return sorted(self._alternates[site])

    def pages(self, site: str) -> dict[str, Page]:
        """The site's pages (path with query → Page); read-only use."""
        return self._pages[site]

    # -- HTTP -----------------------------------------------------------------------------

    def _lookup(self, site: str, raw_path: str) -> Page | None:
        pages = self._pages[site]
        raw_path = PATH_SESSION.sub("", raw_path)
        page = pages.get(raw_path)
        if page is None and "?" in raw_path:
            path = raw_path.split("?", 1)[0]
            # a paginated list answers only the pages it has; other pages ignore the query
            if not any(k.startswith(path + "?") for k in pages):
                page = pages.get(path)
        return page

    def _handler(self, site: str):
        web = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "nginx"
            sys_version = ""
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):
                pass

            def _page(self, form: dict[str, str]) -> Page | None:
                path, _, query = self.path.partition("?")
                if path != "/robots.txt" and any(path.startswith(prefix) for prefix in web._forbidden[site]):
                    return Page(FORBIDDEN, "text/html; charset=utf-8", 0, 403)
                dynamic = web._dynamic[site].get(PATH_SESSION.sub("", path))
                if dynamic is not None:
                    request = DynamicRequest(self.command, path, dict(parse_qsl(query, keep_blank_values=True)), form,
                                             self.headers.get("Host", ""))
                    return dynamic(request)
                if self.command == "POST":
                    return Page(b"", "text/html; charset=utf-8", 0, 405)
                with web._lock:
                    return web._lookup(site, self.path)

            def _respond(self, head_only: bool, form: dict[str, str] | None = None) -> None:
                arrived = time.monotonic()  # the log says when a request came, not when it was answered
                page = self._page(form or {})
                status = 404 if page is None else page.status
                headers: list[tuple[str, str]] = []
                body = b""
                if page is None:
                    body = "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p></body></html>".encode()
                    headers.append(("Content-Type", "text/html; charset=utf-8"))
                else:
                    body = page.body
                    etag = _etag(body)
                    if page.conditional:
                        headers += [("Last-Modified", formatdate(page.last_modified, usegmt=True)), ("ETag", etag)]
                    if page.content_type:
                        headers.append(("Content-Type", page.content_type))
                    headers += list(page.headers)
                    if status == 200 and page.conditional and self._not_modified(etag, page.last_modified):
                        status, body = 304, b""
                with web._lock:
                    web.request_log.append(LoggedRequest(site, self.command, self.path, dict(self.headers.items()), status, arrived))
                    if web.access_log is not None:
                        web.access_log.write(json.dumps({"site": site, "method": self.command, "path": self.path,
                                                         "status": status, "time": arrived}) + "\n")
                        web.access_log.flush()
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head_only and status != 304:
                    self.wfile.write(body)

            def _not_modified(self, etag: str, last_modified: float) -> bool:
                inm = self.headers.get("If-None-Match")
                if inm is not None:
                    tags = [t.strip() for t in inm.split(",")]
                    return "*" in tags or etag in tags or f"W/{etag}" in tags
                ims = self.headers.get("If-Modified-Since")
                if ims:
                    try:
                        since = parsedate_to_datetime(ims).timestamp()
                    except (TypeError, ValueError, IndexError):
                        return False
                    return int(last_modified) <= since
                return False

            def do_GET(self) -> None:
                self._respond(False)

            def do_HEAD(self) -> None:
                self._respond(True)

            def do_POST(self) -> None:
                length = min(int(self.headers.get("Content-Length") or 0), MAX_FORM_BYTES)
                body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
                self._respond(False, dict(parse_qsl(body, keep_blank_values=True)))

        return Handler
