"""Add one gathered real text to a git-ignored texts file, checked against its label's hash.

    python bench/realsets/add_text.py LABELS.jsonl OUT.jsonl ID TEXTFILE
    python bench/realsets/add_text.py LABELS.jsonl OUT.jsonl - TEXTFILE   (the id found by the hash)

The texts of the real sets are third-party pages and never committed: each checkout gathers them
again from the `pages` corpus (see README.md here). Whoever gathers writes one search excerpt,
exactly as returned, to TEXTFILE and runs this: it compares the UTF-8 sha256 with the label's
`text_sha256` and appends `{"id", "text"}` to OUT. A text within 3 % of the labelled length is kept
with `"approx": true` (a slipped character does not change the labels); anything else is refused
(exit 1), and an id already in OUT is never added twice. With `-` for ID the label is the one whose
hash the text has (a gatherer with many results per query need not know which is which); a text
whose hash no label has is refused, and can be offered again under an explicit ID as approximate.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path


def label_of(labels: Path, ident: str, text_hash: str) -> dict | None:
    """The label with this id, or with this text's hash when the id is `-`."""
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        if label["id"] == ident or (ident == "-" and label["text_sha256"] == text_hash):
            return label
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    labels, out, ident, text_file = Path(argv[0]), Path(argv[1]), argv[2], Path(argv[3])
    text = text_file.read_text(encoding="utf-8")
    text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    label = label_of(labels, ident, text_hash)
    if label is None:
        what = "whose hash this text has" if ident == "-" else f"with id {ident}"
        print(f"no label {what} in {labels} ({len(text)} characters)", file=sys.stderr)
        return 1
    ident = label["id"]
    if out.is_file() and any(json.loads(line)["id"] == ident
                             for line in out.read_text(encoding="utf-8").splitlines() if line.strip()):
        print(f"{ident} is already in {out}", file=sys.stderr)
        return 1
    row: dict[str, object] = {"id": ident, "text": text}
    if text_hash == label["text_sha256"]:
        print(f"MATCH {ident} ({len(text)} characters)")
    else:
        want = label.get("text_len") or 0
        if not want or abs(len(text) - want) > max(3, 0.03 * want):
            print(f"MISMATCH {ident}: {len(text)} characters, the label's text has {want}; not kept", file=sys.stderr)
            return 1
        print(f"MISMATCH {ident}: {len(text)} characters against {want}; kept as approximate")
        row["approx"] = True
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
