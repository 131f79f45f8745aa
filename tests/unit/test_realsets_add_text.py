"""bench/realsets/add_text.py: a gathered text goes in only when it is the labelled one."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realsets" / "add_text.py"
_spec = importlib.util.spec_from_file_location("add_text", _SCRIPT)
assert _spec and _spec.loader
add_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(add_text)
main = add_text.main

TEXT = "县教育局关于做好暑期防溺水工作的通知\n各中小学：暑期将至，现将有关事项通知如下。"


def _labels(tmp_path: Path) -> Path:
    path = tmp_path / "labels.jsonl"
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    path.write_text(json.dumps({"id": "T-001", "text_sha256": digest, "text_len": len(TEXT)}) + "\n", encoding="utf-8")
    return path


def test_the_labelled_text_is_added_once(tmp_path: Path) -> None:
    labels, out, text = _labels(tmp_path), tmp_path / "out" / "texts.jsonl", tmp_path / "t.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert main([str(labels), str(out), "T-001", str(text)]) == 0
    assert main([str(labels), str(out), "T-001", str(text)]) == 1  # never twice
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"id": "T-001", "text": TEXT}]


def test_a_slipped_character_is_kept_as_approximate_and_another_text_is_refused(tmp_path: Path) -> None:
    labels, out, text = _labels(tmp_path), tmp_path / "texts.jsonl", tmp_path / "t.txt"
    text.write_text(TEXT.replace("将", "將"), encoding="utf-8")
    assert main([str(labels), str(out), "T-001", str(text)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["approx"] is True
    other = tmp_path / "other.txt"
    other.write_text(TEXT * 2, encoding="utf-8")
    assert main([str(labels), str(tmp_path / "b.jsonl"), "T-001", str(other)]) == 1
