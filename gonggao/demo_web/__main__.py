"""`python -m gonggao.demo_web`: serve every demo site on loopback until Ctrl-C."""

from __future__ import annotations

import argparse
import time

from gonggao.demo_web.server import CMS_SITES, SCALE_SITES, SITES, DemoWeb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gonggao.demo_web", description=__doc__)
    parser.add_argument("sites", nargs="*", help=f"sites to serve (default: {', '.join(SITES)}; also: {', '.join(CMS_SITES)}, "
                        f"bureau00 … bureau{len(SCALE_SITES) - 1:02d})")
    parser.add_argument("--truth", action="store_true", help="print the ground truth as JSON lines and exit")
    parser.add_argument("--access-log", type=argparse.FileType("a", encoding="utf-8"), metavar="FILE",
                        help="append every request to FILE as a JSON line (site, method, path, status, arrival time)")
    args = parser.parse_args(argv)
    web = DemoWeb(args.sites or None, access_log=args.access_log)
    if args.truth:
        import dataclasses
        import json

        for article in web.articles:
            print(json.dumps(dataclasses.asdict(article), ensure_ascii=False), flush=True)
        return 0
    web.start()
    count = {s: sum(1 for a in web.articles if a.site == s) for s in web.sites}
    for site, url in web.base_urls.items():
        print(f"{site:8} {url}/  ({count[site]} articles)", flush=True)
    print("Serving the demo web; press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
