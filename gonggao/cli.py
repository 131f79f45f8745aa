"""The `gonggao` command.

    gonggao demo                 run on the built-in demo web (crawl, index, serve)
    gonggao up                   Meilisearch + scheduled crawls + web app
    gonggao crawl [SOURCE ...]   crawl now (all sources when none is named), then sync the index
    gonggao sources              each source with last run, next run, documents, last error
    gonggao sources add URL      find and confirm a site's list pages, print (or --write) its entry
    gonggao sources check [ID]   probe sources live; a verdict per source
    gonggao search QUERY         search from the terminal
    gonggao extract PAGE.html    print the documents of saved pages as JSON Lines
    gonggao reextract            rebuild every document from the WARC archive (no network)
    gonggao backup / restore     back up the catalog and Meilisearch / restore a backup
    gonggao index sync|rebuild   send pending documents / rebuild the index and swap it in
    gonggao alerts send|list|passwd   send saved searches' alerts now / list them / a GONGGAO_AUTH line

A mistake a user can make (a bad config line, Meilisearch unreachable, an unknown source) ends
with a one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from config.errors import ConfigError, GonggaoError, Unavailable
from config.settings import Settings
from gonggao import logs, sources_cmd
from indexer.search_index.admin import MEILI_ERRORS

if TYPE_CHECKING:
    from indexer.store.catalog import Catalog

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings.load({"data_dir": args.data_dir, "log_level": args.log_level})
    logs.setup(settings.log_level)
    previous = _exit_on_sigterm()
    try:
        return int(args.func(args, settings) or 0)
    except ConfigError as exc:
        print(f"gonggao: config error: {exc}", file=sys.stderr)
        return exc.exit_code
    except GonggaoError as exc:
        print(f"gonggao: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `gonggao … | head` closed our output: stop quietly, as `cat` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return 128 + signal.SIGPIPE
    except MEILI_ERRORS as exc:
        print(f"gonggao: Meilisearch did not answer: {exc}", file=sys.stderr)
        return Unavailable.exit_code
    except KeyboardInterrupt:
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _exit_on_sigterm() -> signal.Handlers | Callable[..., object] | int | None:
    """Make SIGTERM (systemd, `kill`) unwind like Ctrl-C: without it Python dies on the spot and the
    Meilisearch it started (a session of its own) outlives it. The previous handler, to restore;
    None where signals cannot be set (not the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, terminate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gonggao", description="Search Chinese government announcements.")
    parser.add_argument("--data-dir", type=Path, help="state directory (default ./data, or GONGGAO_DATA_DIR)")
    parser.add_argument("--log-level", help="DEBUG, INFO, WARNING (default), ERROR")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="run on the built-in demo web")
    _web_options(demo)
    demo.set_defaults(func=cmd_demo)

    up = sub.add_parser("up", help="Meilisearch + scheduled crawls + web app")
    _web_options(up)
    up.add_argument("--no-schedule", action="store_true", help="serve only; run no scheduled crawls")
    up.set_defaults(func=cmd_up)

    crawl = sub.add_parser("crawl", help="crawl now, then sync the index")
    crawl.add_argument("sources", nargs="*", metavar="SOURCE")
    crawl.set_defaults(func=cmd_crawl)

    sources_cmd.register(sub, cmd_sources)

    search = sub.add_parser("search", help="search from the terminal")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--region", action="append", default=[], help="e.g. '陕西省 > 安康市' (repeatable)")
    search.add_argument("--hazard", action="append", default=[], help="a hazard code (repeatable)")
    search.add_argument("--since", help="YYYY-MM-DD")
    search.add_argument("--until", help="YYYY-MM-DD")
    search.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="print the API's JSON answer")
    search.set_defaults(func=cmd_search)

    extract = sub.add_parser("extract", help="print the documents of saved pages as JSON Lines")
    extract.add_argument("pages", nargs="*", type=Path, metavar="PAGE.html")
    extract.add_argument("--url", help="the URL the page was fetched from (one page only)")
    extract.add_argument("--source", help="a source id from the sources file, for its selectors and hints "
                                          "(with --manifest: for the lines that name none)")
    extract.add_argument("--manifest", metavar="PAGES.jsonl",
                         help='JSON Lines {"path", "url", "source"}: each page with its own address and source '
                              "('-' reads standard input)")
    extract.set_defaults(func=cmd_extract)

    reextract = sub.add_parser("reextract", help="rebuild every document from the WARC archive (no network)")
    reextract.add_argument("--source", help="only this source")
    reextract.add_argument("--workers", type=int, help="processes (default: every core)")
    reextract.set_defaults(func=cmd_reextract)

    backup = sub.add_parser("backup", help="back up the catalog and dump Meilisearch into <data>/backups/")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="put a backup's catalog back and rebuild the index from it")
    restore.add_argument("folder", type=Path, help="a folder under <data>/backups/")
    restore.set_defaults(func=cmd_restore)

    index = sub.add_parser("index", help="search index maintenance")
    index_sub = index.add_subparsers(dest="action", required=True, metavar="ACTION")
    index_sub.add_parser("sync", help="send documents the index does not have yet").set_defaults(func=cmd_index_sync)
    index_sub.add_parser("rebuild", help="build a new index from the catalog and swap it in").set_defaults(func=cmd_index_rebuild)

    alerts = sub.add_parser("alerts", help="alerts of saved searches (e-mail digests, webhooks)")
    alerts_sub = alerts.add_subparsers(dest="action", required=True, metavar="ACTION")
    alerts_sub.add_parser("send", help="find new matches and send every pending alert now").set_defaults(func=cmd_alerts_send)
    alerts_sub.add_parser("list", help="saved searches with the state of their alerts").set_defaults(func=cmd_alerts_list)
    passwd = alerts_sub.add_parser("passwd", help="print a user:hash line for the GONGGAO_AUTH users file")
    passwd.add_argument("user")
    passwd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    passwd.set_defaults(func=cmd_alerts_passwd)
    return parser


def _web_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8700, help="web port (0 = any free port; default 8700)")


# -- commands ----------------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.demo import run_demo
    from gonggao.supervisor import UpOptions

    return run_demo(settings, UpOptions(host=args.host, port=args.port))


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.supervisor import UpOptions, up

    return up(settings, UpOptions(host=args.host, port=args.port, schedule=not args.no_schedule))


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    from crawler.dispatch import crawl_sources
    from gonggao import services
    from gonggao.pipeline import load_configured_sources, open_catalog, sync

    sources = load_configured_sources(settings)
    known = {s.id for s in sources}
    unknown = [s for s in args.sources if s not in known]
    if unknown:
        print(f"gonggao: unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}", file=sys.stderr)
        return EXIT_USAGE
    wanted = args.sources or [s.id for s in sources if s.enabled]
    catalog = open_catalog(settings, sources)
    code = crawl_sources(wanted, settings, progress=True)
    try:
        with services.meilisearch(settings) as meili:
            report = sync(settings, catalog, meili)
            if not report.error:
                _send_alerts(settings, catalog, meili)
    except (Unavailable, *MEILI_ERRORS) as exc:
        print(f"gonggao: crawled, but Meilisearch is unavailable ({exc}); "
              f"{catalog.pending_count()} documents wait in the catalog for `gonggao index sync`", file=sys.stderr)
        return Unavailable.exit_code
    _print_runs(catalog, wanted)
    if report.error:
        print(f"gonggao: index sync failed, {report.failed} documents wait in the catalog: {report.error}", file=sys.stderr)
        return Unavailable.exit_code
    return code


def _send_alerts(settings: Settings, catalog: Catalog, meili: Any) -> None:
    """Alerts of saved searches after a crawl's sync; a failure is reported, the crawl still counts."""
    from gonggao.alerts_cmd import print_report, run_alerts

    try:
        print_report(run_alerts(settings, catalog, meili))
    except (GonggaoError, *MEILI_ERRORS) as exc:
        print(f"gonggao: alerts not sent now ({exc}); they wait for the next run or `gonggao alerts send`", file=sys.stderr)


def _print_runs(catalog: Catalog, source_ids: list[str]) -> None:
    for source_id in source_ids:
        runs = catalog.runs(source_id, limit=1)
        if runs:
            r = runs[0]
            print(f"{source_id}: {r.state}, {r.pages_fetched} pages fetched, {r.pages_unchanged} unchanged, "
                  f"{r.docs_new} new, {r.docs_changed} changed, {r.errors} errors")


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from crawler.schedule import next_runs
    from gonggao.pipeline import load_configured_sources, open_catalog
    from search_ui.status import sources_status

    sources = load_configured_sources(settings)
    catalog = open_catalog(settings, sources)
    upcoming = next_runs(sources)
    statuses = sources_status(catalog, lambda: upcoming)
    rows = []
    for status in statuses:
        if status.id not in upcoming:          # registered once, since removed from the sources file
            continue
        row = status.to_json()
        last = status.runs[0] if status.runs else None
        err = status.last_error
        row.update({
            "last_run": _when(last.started_at) if last else None,
            "last_state": last.state if last else None,
            "last_error": f"{err['kind']}: {err['message'][:80]} ({err['url']})" if err else None,
        })
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'SOURCE':<14} {'KIND':<7} {'DOCS':>5}  {'HEALTH':<26} {'LAST RUN':<17} {'FETCHED':>7} {'NEW':>4} {'CHG':>4} "
          f"{'GONE':>4}  {'NEXT RUN':<17} LAST RUN'S ERRORS")
    for r in rows:
        health = r["health"] if not r["failing_since"] else f"{r['health']} since {_when(r['failing_since'])}"
        newest: dict[str, Any] = r["runs"][0] if r["runs"] else {}
        errors = ", ".join(f"{kind} {n}" for kind, n in newest.get("errors_by_kind", {}).items()) or "-"
        print(f"{r['id']:<14} {r['kind']:<7} {r['documents']:>5}  {health:<26} {r['last_run'] or '-':<17} "
              f"{newest.get('pages_fetched', 0):>7} {newest.get('docs_new', 0):>4} {newest.get('docs_changed', 0):>4} "
              f"{newest.get('docs_removed', 0):>4}  {(r['next_run'] or '-')[:16]:<17} {errors}")
    print("\nto crawl one now: gonggao crawl SOURCE")
    return 0


def _when(ts: int) -> str:
    return datetime.fromtimestamp(ts, UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao import services
    from indexer.search_index import admin
    from indexer.search_index.reader import SearchReader
    from search_ui.query import parse_params
    from search_ui.service import search

    pairs = [("q", args.query), ("sort", args.sort), ("per_page", str(min(max(args.limit, 1), 100)))]
    pairs += [("region", r) for r in args.region] + [("hazard", h) for h in args.hazard]
    pairs += [(name, value) for name, value in (("from", args.since), ("to", args.until)) if value]
    params = parse_params(pairs)
    with services.meilisearch(settings) as meili:
        key = admin.ensure_search_key(admin.connect(meili.url, meili.master_key), settings.index_name)
        result = search(SearchReader(meili.url, key, settings.index_name), params).to_json()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['total']} results")
    for hit in result["hits"]:
        region = hit.get("region", {}) or {}
        where = region.get("lvl2") or region.get("lvl1") or region.get("lvl0") or "-"
        print(f"- {hit.get('published_date') or '----------'}  {hit['title']}  [{where}] {','.join(hit.get('hazards') or [])}")
        print(f"  {hit['url']}")
    return 0


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.extract_cmd import extract_files

    if args.manifest:
        return _extract_manifest(args, settings)
    if not args.pages:
        print("gonggao: name the pages to extract, or give --manifest", file=sys.stderr)
        return EXIT_USAGE
    if args.url and len(args.pages) > 1:
        print("gonggao: --url applies to one page only", file=sys.stderr)
        return EXIT_USAGE
    return extract_files(args.pages, args.url, args.source, settings)


def _extract_manifest(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.extract_cmd import extract_manifest

    if args.pages or args.url:
        print("gonggao: with --manifest the manifest names the pages and their URLs", file=sys.stderr)
        return EXIT_USAGE
    if args.manifest == "-":
        return extract_manifest(sys.stdin, "-", Path.cwd(), args.source, settings)
    path = Path(args.manifest)
    try:
        with path.open(encoding="utf-8") as manifest:
            return extract_manifest(manifest, str(path), path.resolve().parent, args.source, settings)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"gonggao: cannot read the manifest {path}: {exc}", file=sys.stderr)
        return EXIT_USAGE


def cmd_reextract(args: argparse.Namespace, settings: Settings) -> int:
    from crawler.adapters import extract_functions
    from gonggao import services
    from gonggao.pipeline import load_configured_sources, open_catalog, print_progress, sync
    from indexer.reextract import reextract

    sources = load_configured_sources(settings)
    catalog = open_catalog(settings, sources)
    report = reextract(catalog, sources, settings.hazards_path, source_id=args.source, workers=args.workers,
                       progress=print_progress("reextract"), extractors=extract_functions(sources))
    print(f"re-extracted {report.pages} pages: {report.docs_new} new, {report.docs_changed} changed, "
          f"{report.docs_unchanged} unchanged documents, {report.no_article} without article, {report.errors} errors")
    try:
        with services.meilisearch(settings) as meili:
            result = sync(settings, catalog, meili)
    except (Unavailable, *MEILI_ERRORS) as exc:
        print(f"gonggao: Meilisearch unavailable ({exc}); the changes wait in the catalog for `gonggao index sync`",
              file=sys.stderr)
        return Unavailable.exit_code
    return Unavailable.exit_code if result.error else 0


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao import services
    from gonggao.backup import make_backup

    with services.meilisearch(settings) as meili:
        folder = make_backup(settings, meili)
    print(f"backup written to {folder}")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.backup import restore

    report = restore(settings, args.folder)
    print(f"restored the catalog from {args.folder} and rebuilt the index with {report.sent} documents")
    return 0


def cmd_index_sync(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao import services
    from gonggao.pipeline import open_catalog, sync

    catalog = open_catalog(settings)
    with services.meilisearch(settings) as meili:
        report = sync(settings, catalog, meili)
    print(f"sent {report.sent} documents in {report.seconds:.1f}s" + (f"; {report.failed} failed: {report.error}" if report.error else ""))
    return Unavailable.exit_code if report.error else 0


def cmd_index_rebuild(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao import services
    from gonggao.pipeline import open_catalog, rebuild_index

    catalog = open_catalog(settings)
    with services.meilisearch(settings) as meili:
        report = rebuild_index(settings, catalog, meili)
    print(f"rebuilt {settings.index_name} with {report.sent} documents in {report.seconds:.1f}s")
    return 0


def cmd_alerts_send(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao import services
    from gonggao.alerts_cmd import cmd_send
    from gonggao.pipeline import open_catalog

    catalog = open_catalog(settings)
    with services.meilisearch(settings) as meili:
        return cmd_send(settings, catalog, meili)


def cmd_alerts_list(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.alerts_cmd import cmd_list
    from gonggao.pipeline import open_catalog

    return cmd_list(open_catalog(settings))


def cmd_alerts_passwd(args: argparse.Namespace, settings: Settings) -> int:
    from gonggao.alerts_cmd import cmd_passwd

    return cmd_passwd(args.user, args.password_stdin)


if __name__ == "__main__":
    sys.exit(main())
