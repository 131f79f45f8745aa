"""`gonggao sources [list] | add | check`: list, onboard and probe sources.

    gonggao sources [list] [--json]                              each source with its crawl health
    gonggao sources add URL [--name N] [--region R] [--id ID] [--write]
    gonggao sources add --from-catalog REGION [--write]          onboard bureaus of config/catalog/
    gonggao sources check [ID ...] [--json] [--strict]           live probe, verdict per source

Exit codes of `add`: 0 every entry confirmed (and written with --write); 1 the site answered but
no list could be confirmed, or it refuses us (robots.txt, 403, a browser challenge); 2 a usage
mistake (not a web address, an unknown region, an id or host already in the sources file);
3 the site could not be reached. Nothing is written unless every check passed.
Exit codes of `check`: 0 no source is broken; 1 a source is broken (with --strict: or needs
attention); 2 an unknown source id.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date
from typing import Any

from config.errors import BadInput, GonggaoError, NotFound
from config.settings import Settings
from config.sources import Source
from config.vocabulary import CheckVerdict

EXIT_BROKEN = 1
CHECK_WORKERS = 8  # hosts probed at once; one host is only ever probed by one of them

Command = Callable[[argparse.Namespace, Settings], int]


def register(sub: Any, list_sources: Command) -> None:
    """Add `sources` with its subcommands; `gonggao sources` alone lists, as it always did."""
    sources = sub.add_parser("sources", help="list, add and check sources")
    sources.add_argument("--json", action="store_true", help="(list) print JSON")
    sources.set_defaults(func=list_sources)
    actions = sources.add_subparsers(dest="action", metavar="ACTION")

    listing = actions.add_parser("list", help="each source with documents, health, last and next run")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=list_sources)

    add = actions.add_parser("add", help="find and confirm a site's list pages; print (or --write) its entry")
    add.add_argument("url", nargs="?", metavar="URL", help="the site's home page, or any page of it")
    add.add_argument("--name", help="the source's name (default: the name the site gives itself)")
    add.add_argument("--region", help="where the bureau is, e.g. '陕西省 > 安康市 > 汉阴县' (default: guessed)")
    add.add_argument("--id", dest="source_id", help="the source id (default: from the host)")
    add.add_argument("--from-catalog", metavar="REGION", help="onboard the catalogue's bureaus in REGION (name or GB/T 2260 code)")
    add.add_argument("--write", action="store_true", help="append the confirmed entry to the sources file")
    add.set_defaults(func=cmd_add)

    check = actions.add_parser("check", help="probe sources live: reachable, allowed, still listing dated articles")
    check.add_argument("ids", nargs="*", metavar="ID", help="sources to check (default: every enabled source)")
    check.add_argument("--json", action="store_true")
    check.add_argument("--strict", action="store_true", help="exit 1 also when a source needs attention")
    check.set_defaults(func=cmd_check)


# -- add -------------------------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    from config.bureau_catalog import load_catalog, select

    if bool(args.url) == bool(args.from_catalog):
        raise BadInput("give either a URL or --from-catalog REGION")
    if args.from_catalog:
        if args.name or args.region or args.source_id:
            raise BadInput("--name, --region and --id apply to one URL, not to --from-catalog")
        codes = []
        for bureau in select(load_catalog(), args.from_catalog):
            if bureau.url is None:
                print(f"# {bureau.name} ({bureau.region}): the catalogue has no address for it yet (needs_url)")
                print(f"gonggao: {bureau.name}: no address in the catalogue; nothing written", file=sys.stderr)
                codes.append(EXIT_BROKEN)
                continue
            codes.append(_add_one(settings, bureau.url, name=bureau.name, region=bureau.region, wanted_id=None, write=args.write))
        return max(codes, default=0)
    return _add_one(settings, args.url, name=args.name, region=args.region, wanted_id=args.source_id, write=args.write)


def _add_one(settings: Settings, url: str, *, name: str | None, region: str | None, wanted_id: str | None, write: bool) -> int:
    """Onboard one site: print its entry, append it with `write`. Errors are reported here so that
    --from-catalog goes on with the next bureau; returns the exit code."""
    from config.sources_writer import append_source, configured, host_taken
    from crawler.onboard.discover import NoListFound, check_url, onboard
    from crawler.onboard.entry import entry, render
    from crawler.onboard.fetch import PoliteClient
    from crawler.onboard.site import host_of
    from indexer.enrich.regions import Gazetteer

    try:
        url = check_url(url)
        existing = configured(settings.sources_path)
        taken = host_taken(existing, host_of(url))
        if taken is not None and write:
            raise BadInput(f"{host_of(url)} is already crawled as source {taken.id!r} ({settings.sources_path}); nothing written")
        ob = onboard(PoliteClient(settings), url, Gazetteer.default(), taken_ids={s.id for s in existing},
                     name=name, region=region, wanted_id=wanted_id)
    except NoListFound as exc:
        for rejected in exc.rejected:
            print(f"# not a list: {rejected.candidate.url} ({rejected.candidate.label}): {rejected.reason}")
        print(f"gonggao: {exc}", file=sys.stderr)
        return exc.exit_code
    except GonggaoError as exc:
        print(f"gonggao: {exc}", file=sys.stderr)
        return exc.exit_code
    print(render(ob), end="")
    if write:
        try:
            append_source(settings.sources_path, entry(ob), f"added by `gonggao sources add {ob.url}` on {date.today().isoformat()}")
        except GonggaoError as exc:
            print(f"gonggao: {exc}", file=sys.stderr)
            return exc.exit_code
        print(f"gonggao: source {ob.source_id!r} appended to {settings.sources_path}", file=sys.stderr)
    elif taken is not None:
        print(f"gonggao: note: {ob.host} is already crawled as source {taken.id!r}", file=sys.stderr)
    return 0


# -- check -----------------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from crawler.onboard.check import SourceCheck
    from gonggao.pipeline import load_configured_sources, print_progress

    sources = load_configured_sources(settings)
    by_id = {s.id: s for s in sources}
    unknown = [i for i in args.ids if i not in by_id]
    if unknown:
        raise NotFound(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(by_id))}")
    wanted = [by_id[i] for i in args.ids] if args.ids else [s for s in sources if s.enabled]
    store = _CheckStore.open(settings, sources)
    progress = print_progress("check")
    results: dict[str, SourceCheck] = {}
    for done, result in enumerate(_run_checks(settings, wanted, store), 1):
        results[result.source_id] = result
        store.save(result)
        progress(done, len(wanted))
    ordered = [results[s.id] for s in wanted]
    if args.json:
        print(json.dumps([r.to_json() for r in ordered], ensure_ascii=False, indent=2))
    else:
        _print_table(ordered)
    failing = {CheckVerdict.BROKEN, CheckVerdict.ATTENTION} if args.strict else {CheckVerdict.BROKEN}
    return EXIT_BROKEN if any(r.verdict in failing for r in ordered) else 0


def _run_checks(settings: Settings, sources: list[Source], store: _CheckStore) -> Any:
    """Yield each source's check as it completes: hosts in parallel, one host's sources in turn."""
    from crawler.onboard.check import check_source
    from crawler.onboard.fetch import PoliteClient
    from crawler.onboard.site import host_of

    client = PoliteClient(settings)
    by_host: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_host[host_of(source.start_urls[0])].append(source)

    def check_host(group: list[Source]) -> list[Any]:
        return [check_source(client, source, store.before(source)) for source in group]

    with ThreadPoolExecutor(max_workers=max(1, min(CHECK_WORKERS, len(by_host)))) as pool:
        futures = [pool.submit(check_host, group) for group in by_host.values()]
        for future in as_completed(futures):
            yield from future.result()


class _CheckStore:
    """The catalog side of checks: earlier counts in, verdicts out. A check still runs, and says so,
    when the catalog cannot be opened."""

    def __init__(self, engine: Any):
        self.engine = engine

    @classmethod
    def open(cls, settings: Settings, sources: list[Source]) -> _CheckStore:
        from gonggao.pipeline import open_catalog

        try:
            return cls(open_catalog(settings, sources).engine)
        except Exception as exc:  # a database that is down must not stop a probe of the web
            print(f"gonggao: the catalog could not be opened ({type(exc).__name__}): verdicts are not stored "
                  "and lists are not compared with earlier counts", file=sys.stderr)
            return cls(None)

    def before(self, source: Source) -> dict[str, int]:
        from crawler.links import canonical
        from indexer.store.checks import latest_checks, listed_counts

        if self.engine is None:
            return {}
        urls = [canonical(u) for u in source.start_urls]
        counts = listed_counts(self.engine, urls)
        last = latest_checks(self.engine).get(source.id)
        if last is not None:
            counts.update({canonical(url): n for url, n in last.list_counts().items() if n})
        return counts

    def save(self, result: Any) -> None:
        from indexer.store.checks import save_check

        if self.engine is not None:
            save_check(self.engine, result.record())


def _print_table(results: list[Any]) -> None:
    print(f"{'SOURCE':<16} {'VERDICT':<16} {'LISTS':>5} {'ARTICLES':>8}  {'NEWEST':<10}  WHY")
    for r in results:
        working = sum(1 for item in r.lists if item.verdict == CheckVerdict.OK)
        print(f"{r.source_id:<16} {r.verdict.label('en'):<16} {working:>2}/{len(r.lists):<2} {r.articles:>8}  "
              f"{r.newest or '-':<10}  {r.summary}")
    broken = sum(1 for r in results if r.verdict == CheckVerdict.BROKEN)
    attention = sum(1 for r in results if r.verdict == CheckVerdict.ATTENTION)
    print(f"\n{len(results)} checked: {len(results) - broken - attention} ok, {attention} need attention, {broken} broken")
