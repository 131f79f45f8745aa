"""Write one gathering plan per real set, for whoever gathers the texts again on a fresh checkout.

    python bench/realsets/make_plans.py [SET ...]      (default: the devset and every freshN set)

A plan (`data/gather/SET.plan.json`, git-ignored with the rest of `data/`) lists each label's search
query once, with the ids it should find and, to tell a query's results apart, each text's length and
its label's note. `GATHERING.md` here is the brief a gatherer follows; `add_text.py` checks and keeps
each text.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEVSET_LABELS = REPO.parent / "shared" / "devset" / "labels.jsonl"
NOTE_CHARS = 60


def labels_of(name: str) -> Path:
    return DEVSET_LABELS if name == "devset" else REPO / "bench" / "realsets" / f"{name}.labels.jsonl"


def plan(name: str) -> dict:
    """The set's queries in the labels' order, each with the ids it should find. A label whose
    reader recorded no query (six of fresh 43's) goes to `no_query`: the search tool refuses an
    empty query, and a gatherer must not invent one, so such a text turns up only among another
    query's results (the gatherer keeps it when `add_text.py` matches its hash)."""
    path = labels_of(name)
    queries: dict[str, list[dict]] = {}
    no_query: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            wanted = {"id": label["id"], "text_len": label["text_len"],
                      "note": (label.get("region_note") or "")[:NOTE_CHARS]}
            query = (label.get("source_query") or "").strip()
            if query:
                queries.setdefault(query, []).append(wanted)
            else:
                no_query.append(wanted)
    return {"set": name, "labels": os.path.relpath(path, REPO), "out": f"data/{name}/texts.jsonl",
            "queries": [{"query": q, "wanted": wanted} for q, wanted in queries.items()], "no_query": no_query}


def main(argv: list[str]) -> int:
    names = argv or ["devset", *sorted((p.name.split(".")[0] for p in (REPO / "bench" / "realsets").glob("fresh*.labels.jsonl")),
                                       key=lambda n: int(n.removeprefix("fresh")))]
    out_dir = REPO / "data" / "gather"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        if not labels_of(name).is_file():
            print(f"no labels for {name} at {labels_of(name)}", file=sys.stderr)
            return 1
        p = plan(name)
        (out_dir / f"{name}.plan.json").write_text(json.dumps(p, ensure_ascii=False, indent=1), encoding="utf-8")
        unqueried = f", {len(p['no_query'])} without a query" if p["no_query"] else ""
        print(f"{name}: {len(p['queries'])} queries, {sum(len(q['wanted']) for q in p['queries'])} texts{unqueried}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
