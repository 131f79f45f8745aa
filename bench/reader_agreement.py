"""How far two readers of the same real texts agree, beside how far Gonggao agrees with each.

    python bench/reader_agreement.py [--second bench/realsets/second_reading_a.labels.jsonl ...]

Two more readers, each alone, labelled a sample of the held-out sets' texts again without seeing
the first labels (`bench/realsets/second_reading_{a,b}.labels.jsonl`, ids `SET:ID`; and
`hazard_reading.labels.jsonl`, hazards only, in the devset's convention; `region_reading.labels.jsonl`,
regions only), from the text
alone as Gonggao is measured (the first readers also had the page's address and placed some texts
by their host). Each reading is scored against the other exactly as Gonggao is scored against the labels
(`eval_enrichment.score_devset`: the first region's province, city and county where the reference
has them and is sure of them, hazards micro P / R / F1, the primary, negatives): the readers'
agreement is the ceiling a tagger can be measured at on such labels. The texts come from
`data/SET/texts.jsonl` (git-ignored, gathered as bench/realsets/README.md says), the first labels
from `bench/realsets/SET.labels.jsonl`. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.eval_enrichment import IGNORED_HAZARDS, Prediction, gonggao_tagger, score_devset  # noqa: E402

REALSETS = REPO / "bench" / "realsets"
SECOND = (REALSETS / "second_reading_a.labels.jsonl", REALSETS / "second_reading_b.labels.jsonl")
GONGGAO_VS_FIRST = "Gonggao (text alone) against the first"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def as_prediction(label: dict) -> Prediction:
    """A reader's label read as a tagger's answer: the first region, the hazards, the first primary."""
    region = label["regions"][0] if label["regions"] else {}
    primaries = [h for h in label.get("hazards_primary", []) if h not in IGNORED_HAZARDS]
    return Prediction(region.get("province"), region.get("city"), region.get("county"),
                      frozenset(label.get("hazards", ())), primaries[0] if primaries else None)


def reader(labels: dict[str, dict]) -> Callable[[str, str], Prediction]:
    return lambda doc_id, _text: as_prediction(labels[doc_id])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--second", type=Path, nargs="+", default=list(SECOND), help="second readings (ids SET:ID)")
    args = parser.parse_args()
    return max(agreement(path) for path in args.second)


def agreement(path: Path) -> int:
    """Print the table for one second reading; 1 when it shares no text with the first."""
    second = {row["id"]: row for row in read_jsonl(path)}
    first: dict[str, dict] = {}
    texts: dict[str, str] = {}
    for name in sorted({key.split(":", 1)[0] for key in second}):
        found = {row["id"]: row["text"] for part in sorted((REPO / "data" / name).glob("texts*.jsonl"))
                 for row in read_jsonl(part)}
        for row in read_jsonl(REALSETS / f"{name}.labels.jsonl"):
            key = f"{name}:{row['id']}"
            if key in second:
                first[key] = {**row, "id": key}
                if row["id"] in found:
                    texts[key] = found[row["id"]]
    both = [key for key in second if key in first]
    if not both:
        print("no text has both readings", file=sys.stderr)
        return 1
    first_items = [first[key] for key in both]
    # the second reading as a reference: a "low" region is not scored, as for the first; a reading of
    # regions alone (region_reading.labels.jsonl) has no hazards to score
    second_items = [{"hazards": [], "hazards_primary": [], "negative": False, **second[key], "id": key} for key in both]
    every = dict.fromkeys(both, "")
    rows = [("second reader, scored against the first", score_devset(first_items, every, reader(second))),
            ("first reader, scored against the second", score_devset(second_items, every, reader(first)))]
    if len(texts) == len(both):
        tag, _ = gonggao_tagger()
        answers: dict[str, Prediction] = {}

        def ours(doc_id: str, text: str) -> Prediction:
            if doc_id not in answers:
                answers[doc_id] = tag(doc_id, text)
            return answers[doc_id]

        rows += [(GONGGAO_VS_FIRST, score_devset(first_items, texts, ours)),
                 ("Gonggao (text alone) against the second", score_devset(second_items, texts, ours))]
    else:
        print(f"({len(both) - len(texts)} texts absent from data/: Gonggao not scored)", file=sys.stderr)

    # a reading of hazards alone (hazard_reading.labels.jsonl) places nothing; one of regions alone
    # (region_reading.labels.jsonl) tags nothing
    placed = any(second[key]["regions"] for key in both)
    tagged = any("hazards" in second[key] for key in both)
    print(f"\n{path.name}: {len(both)} texts read twice")
    print(f"{'':44}{'province / city / county':>26}{'hazards P / R / F1':>22}{'primary':>9}{'negatives':>11}")
    for name, s in rows:
        regions = f"{s['province_accuracy']:.3f} / {s['city_accuracy']:.3f} / {s['county_accuracy']:.3f}"
        if not placed and name != GONGGAO_VS_FIRST:
            regions = "(not read)"
        hazards = f"{s['hazard_precision']:.3f} / {s['hazard_recall']:.3f} / {s['hazard_micro_f1']:.3f}"
        primary, negatives = f"{s['primary_hazard_accuracy']:.3f}", f"{s['negatives_with_hazard']}/{s['negatives']}"
        if not tagged and name != GONGGAO_VS_FIRST:
            hazards, primary, negatives = "(not read)", "", ""
        print(f"{name:<44}{regions:>26}{hazards:>22}{primary:>9}{negatives:>11}")
    scored = rows[0][1]
    print(f"(scored against the first: {scored['province_scored']} / {scored['city_scored']} / "
          f"{scored['county_scored']} regions, {scored['primary_hazard_scored']} primaries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
