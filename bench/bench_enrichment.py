"""What enrichment costs beside extraction, where the time goes, and what it outputs.

    ./run bench bench/bench_enrichment.py [--rounds 5] [--profile 25] [--dump out.jsonl]

Page sets: the devset texts (``data/devset/texts.jsonl``, each wrapped in the devset README's
minimal page, where extraction has almost nothing to do; skipped when absent), our labelled pages
(``tests/enrichment/pages`` with their sources) and the real pages of the extraction corpora
(``../shared/corpus``: whole pages as a crawl fetches them; skipped when absent). Each page is extracted once; then extraction alone and enrichment alone
(``indexer.ingest.enrich``, every article of the page) are timed over ``--rounds`` passes in CPU
time (``time.process_time``: on a shared machine, wall time measures the neighbours); each page's
fastest pass counts. Reference data (gazetteer, taxonomy) is loaded before the clock starts.

``--profile N`` prints the N functions with the most cumulative time inside enrichment (cProfile).
``--dump PATH`` writes every document's enrichment fields as JSON lines (id, then the fields in a
fixed order): dump before and after a change that must not alter results, and diff the files.
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.eval_enrichment import (  # noqa: E402  (the path above first)
    DEVSET_LABELS,
    DEVSET_TEXTS,
    LABELS,
    PAGES,
    REGION_LABELS,
    _sources,
    load_devset,
    load_set,
    page_of,
)

# The fields enrichment decides (the rest of a Document is extraction's).
ENRICHED = ("title_search", "body_search", "issuer", "issuer_level", "region", "region_codes", "province", "city",
            "county", "secondary_regions", "hazards", "primary_hazard", "safety_related", "event_type", "evidence")


def page_sets() -> dict[str, list[tuple[str, str, str, object]]]:
    """(name, html, url, source) per page, for the devset (when its texts are present) and our pages."""
    from indexer.extract.decode import decode_html

    sets: dict[str, list[tuple[str, str, str, object]]] = {}
    items, texts = load_devset(DEVSET_LABELS, DEVSET_TEXTS)
    if texts:
        sets["devset"] = [(i["id"], page_of(texts[i["id"]]), f"file:///devset/{i['id']}.html", None)
                          for i in items if i["id"] in texts]
    specs, docs = load_set(LABELS, REGION_LABELS)
    sources = _sources(specs)
    ours = []
    for doc in {d.file: d for d in docs}.values():
        source = sources[doc.source]
        html, _ = decode_html((PAGES / doc.file).read_bytes(), doc.content_type, source.encoding)
        ours.append((doc.file, html, doc.url, source))
    sets["demo"] = ours
    # real pages as the crawler fetches them (the extraction corpora, when ../shared is beside us)
    from bench.eval_extraction import SETS, available_sets

    for corpus in available_sets():
        sets[corpus] = [(page.id, page.html, page.url or f"file:///{corpus}/{page.id}.html", None)
                        for page in SETS[corpus][1]()]
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing passes; the fastest counts")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    parser.add_argument("--dump", type=Path, help="write every document's enrichment fields (JSON lines)")
    args = parser.parse_args()

    from indexer.extract import extract_articles
    from indexer.ingest import Enrichers, enrich, extract_options

    enrichers = Enrichers()
    _ = enrichers.gazetteer, enrichers.taxonomy
    enrich_all = []
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    print(f"{'pages':<14}{'n':>5}{'extract ms/page':>17}{'enrich ms/page':>16}{'enrich / extract':>18}")
    for name, pages in page_sets().items():
        extracted = []
        for page_id, html, url, source in pages:
            articles = extract_articles(html, url, extract_options(source, None))  # type: ignore[arg-type]
            extracted.append((page_id, html, url, source, articles))
            if dump:
                for article in articles:
                    doc = enrich(article, url, source, enrichers, None, "")  # type: ignore[arg-type]
                    fields = doc.model_dump(include=set(ENRICHED))
                    row = {"id": f"{name}/{page_id}#{article.index}", **{k: fields[k] for k in ENRICHED}}
                    dump.write(json.dumps(row, ensure_ascii=False) + "\n")
        # each page's fastest pass counts: on a shared machine the neighbours slow some passes down
        best_extract = [float("inf")] * len(extracted)
        best_enrich = [float("inf")] * len(extracted)
        for _ in range(args.rounds):
            for i, (_id, html, url, source, articles) in enumerate(extracted):
                start = time.process_time()
                extract_articles(html, url, extract_options(source, None))  # type: ignore[arg-type]
                middle = time.process_time()
                for article in articles:
                    enrich(article, url, source, enrichers, None, "")  # type: ignore[arg-type]
                best_extract[i] = min(best_extract[i], middle - start)
                best_enrich[i] = min(best_enrich[i], time.process_time() - middle)
        n = len(extracted)
        extract_s, enrich_s = sum(best_extract), sum(best_enrich)
        print(f"{name:<14}{n:>5}{1000 * extract_s / n:>17.2f}{1000 * enrich_s / n:>16.2f}{enrich_s / extract_s:>18.1%}")
        enrich_all += [(url, source, a) for _id, _html, url, source, articles in extracted for a in articles]
    if dump:
        dump.close()
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for url, source, article in enrich_all:
            enrich(article, url, source, enrichers, None, "")  # type: ignore[arg-type]
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
