"""Add one newly found real text and its reader's label to a new set being built (git-ignored).

    python bench/realsets/new_text.py SET_DIR SLICE TEXTFILE LABELFILE
    python bench/realsets/new_text.py --used-queries SET_DIR   (before the readers start)

SET_DIR is the new set's git-ignored folder (`data/fresh37`); SLICE the reader's letter. TEXTFILE
holds one search excerpt exactly as returned; LABELFILE one JSON object with the reader's labels
(the fields of `FIELDS`, in the devset's convention: `LABELLING.md`). The id (`SLICE-NNN`), the
text's sha256 and its length are added here; the text goes to `SET_DIR/texts.jsonl`, the label to
`SET_DIR/SLICE.labels.jsonl`. A text any labelled set already holds (the devset's or one of
`bench/realsets/*.labels.jsonl`, by hash; or, by its eight-character shingles, a near copy of any text
gathered on this machine, `data/*/texts.jsonl`) or this set's readers added is refused, and so is a label
with a missing field, an unknown hazard code or level. Readers work at the same time: a lock file
in SET_DIR keeps their appends apart. When every slice is done, the slices' label files are joined
into `bench/realsets/freshN.labels.jsonl`. `--used-queries` writes `SET_DIR/used_queries.txt`, every
query any labelled set was found by, which the readers must not use again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parents[1]) not in sys.path:
    sys.path.insert(0, str(HERE.parents[1]))

from indexer.text.chinese import to_simplified  # noqa: E402  (the repository's root is on the path now)

DEVSET_LABELS = HERE.parents[1].parent / "shared" / "devset" / "labels.jsonl"
CODES = {"drowning", "fire", "traffic", "food_safety", "bullying", "fraud", "epidemic", "mental_health",
         "gas_poisoning", "lab_chemicals", "natural_disaster", "extreme_weather", "cyber", "building",
         "security", "electrical", "special_equipment", "accident_general", "other"}
LEVELS = {"国家", "省", "市", "县", "乡镇", "学校", "其他"}
FIELDS = ("url", "source_query", "regions", "region_confidence", "region_note", "hazards", "hazards_primary",
          "negative", "safety_related", "script", "pinyin_artifacts", "date", "level")


def _labels() -> list[dict]:
    """Every label of every labelled set (the devset's and ours)."""
    out = []
    for path in [DEVSET_LABELS, *sorted(HERE.glob("*.labels.jsonl"))]:
        if path.is_file():
            out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def known_hashes() -> set[str]:
    """The text hashes of every labelled set: a text labelled once is never labelled again."""
    return {label["text_sha256"] for label in _labels() if label.get("text_sha256")}


def write_used_queries(set_dir: Path) -> int:
    queries = sorted({label["source_query"] for label in _labels() if label.get("source_query")})
    set_dir.mkdir(parents=True, exist_ok=True)
    (set_dir / "used_queries.txt").write_text("\n".join(queries) + "\n", encoding="utf-8")
    print(f"{len(queries)} queries in {set_dir / 'used_queries.txt'}")
    return 0


SHINGLE = 8  # characters
NEAR_COPY = 0.8  # Jaccard similarity of the shingle sets above which a text is another's copy


def shingles(text: str) -> set[str]:
    """Eight-character pieces of the Simplified text without whitespace: a mirror's Traditional copy
    of a Simplified text is the same text."""
    text = "".join(to_simplified(text).split())
    return {text[i:i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}


def near_copy(text: str, data_dir: Path) -> str | None:
    """The id of a gathered text (any set's, `data/*/texts.jsonl` on this machine) this one is a copy
    of: another mirror's or a retyped copy differs by a few characters, which its hash does not see."""
    mine = shingles(text)
    for texts in sorted(data_dir.glob("*/texts.jsonl")):
        for line in texts.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                theirs = shingles(row["text"])
                if len(mine & theirs) / len(mine | theirs) >= NEAR_COPY:
                    return f"{texts.parent.name}:{row['id']}"
    return None


def label_problem(label: dict) -> str | None:
    """What is wrong with a reader's label, or None."""
    missing = [f for f in FIELDS if f not in label]
    if missing:
        return f"the label lacks {missing}"
    unknown = [c for c in label["hazards"] + label["hazards_primary"] if c not in CODES]
    if unknown:
        return f"unknown hazard codes {unknown}"
    if not set(label["hazards_primary"]) <= set(label["hazards"]):
        return "hazards_primary must be some of hazards"
    if label["level"] not in LEVELS or label["region_confidence"] not in ("high", "medium", "low"):
        return f"level must be one of {sorted(LEVELS)}, region_confidence high, medium or low"
    if any(set(region) != {"province", "city", "county"} for region in label["regions"]):
        return "each region needs exactly province, city and county"
    if label["negative"] and label["hazards"]:
        return "a negative text has no hazards"
    return None


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--used-queries":
        return write_used_queries(Path(argv[1]))
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    set_dir, slice_, text_file, label_file = Path(argv[0]), argv[1], Path(argv[2]), Path(argv[3])
    text = text_file.read_text(encoding="utf-8")
    label = json.loads(label_file.read_text(encoding="utf-8"))
    problem = label_problem(label)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    set_dir.mkdir(parents=True, exist_ok=True)
    with open(set_dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        texts = set_dir / "texts.jsonl"
        rows = [json.loads(line) for line in texts.read_text(encoding="utf-8").splitlines()] if texts.exists() else []
        ours = {hashlib.sha256(row["text"].encode("utf-8")).hexdigest() for row in rows}
        if text_hash in ours or text_hash in known_hashes():
            print("REFUSED: this text is already labelled in some set; pick another", file=sys.stderr)
            return 1
        copy_of = near_copy(text, HERE.parents[1] / "data")
        if copy_of:
            print(f"REFUSED: this text is a near copy of {copy_of}, already labelled; pick another", file=sys.stderr)
            return 1
        ident = f"{slice_}-{sum(row['id'].startswith(slice_ + '-') for row in rows) + 1:03d}"
        row = {"id": ident, **{f: label[f] for f in FIELDS}, "text_sha256": text_hash, "text_len": len(text)}
        with open(set_dir / f"{slice_}.labels.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        with open(texts, "a", encoding="utf-8") as out:
            out.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
    print(f"ADDED {ident} ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
