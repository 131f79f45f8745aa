"""bench/realsets/new_text.py: a reader's new text is refused when some set already holds it or a near copy."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realsets" / "new_text.py"
_spec = importlib.util.spec_from_file_location("new_text", _SCRIPT)
assert _spec and _spec.loader
new_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(new_text)

TEXT = ("县教育局关于做好暑期防溺水工作的通知\n各中小学：暑期将至，学生溺水事故进入高发期。"
        "各校要通过家长会、告家长书等形式，提醒家长切实履行监护责任，严禁学生私自下水游泳。")


def _gathered(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "fresh1").mkdir(parents=True)
    (data / "fresh1" / "texts.jsonl").write_text(json.dumps({"id": "A-001", "text": TEXT}, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")
    return data


def test_another_mirrors_copy_is_a_near_copy(tmp_path: Path) -> None:
    # a mirror's copy: a character in another form, spaces and a line break more (whitespace is no
    # character of the text)
    copy = TEXT.replace("将", "將").replace("，", "， ", 2) + "\n"
    assert new_text.near_copy(copy, _gathered(tmp_path)) == "fresh1:A-001"


def test_another_notice_on_the_same_theme_is_no_copy(tmp_path: Path) -> None:
    other = ("市教育局关于做好寒假学生安全工作的通知\n各区县教育局：寒假将至，请各地加强学生交通安全、消防安全教育，"
             "提醒家长做好假期监护，确保学生度过一个平安的寒假。")
    assert new_text.near_copy(other, _gathered(tmp_path)) is None


def test_a_traditional_mirrors_copy_is_a_near_copy(tmp_path: Path) -> None:
    trad = "縣教育局關於做好暑期防溺水工作的通知\n各中小學：暑期將至，學生溺水事故進入高發期。" \
           "各校要通過家長會、告家長書等形式，提醒家長切實履行監護責任，嚴禁學生私自下水游泳。"
    assert new_text.near_copy(trad, _gathered(tmp_path)) == "fresh1:A-001"
