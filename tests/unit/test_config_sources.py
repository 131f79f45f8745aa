"""The sources loader: valid files load; every mistake names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.errors import ConfigError
from config.settings import CONFIG_DIR, Settings
from config.sources import load_sources

GOOD = """sources:
  - id: sxjyt
    name: 陕西省教育厅
    kind: gov
    region_hint: 陕西省
    start_urls: ["{site}/index.html"]
    allowed_domains: ["{host}"]
    schedule: {cron: "17 6 * * *"}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_and_substitutes(tmp_path: Path) -> None:
    [source] = load_sources(write(tmp_path, GOOD), {"site": "http://127.0.0.2:8000", "host": "127.0.0.2"})
    assert source.start_urls == ["http://127.0.0.2:8000/index.html"]
    assert source.allowed_domains == ["127.0.0.2"]
    assert source.schedule.cron == "17 6 * * *" and source.max_list_pages == 5


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (GOOD.replace("kind: gov", "kind: blog"), 4, "sources.0.kind", "gov"),
        (GOOD.replace('cron: "17 6 * * *"', 'cron: "17 6 *"'), 8, "sources.0.schedule.cron", "five fields"),
        (GOOD.replace('cron: "17 6 * * *"', 'cron: "17 6 * * 8"'), 8, "sources.0.schedule.cron",
         "weekday field '8': '8' is not a weekday (0-7, or SUN-SAT)"),
        (GOOD.replace('cron: "17 6 * * *"', 'cron: "17 24 * * 1-5"'), 8, "sources.0.schedule.cron", "'24' is not an hour (0-23)"),
        (GOOD.replace('cron: "17 6 * * *"', 'cron: "17 6 * * FRI-MON"'), 8, "sources.0.schedule.cron", "runs backwards"),
        (GOOD.replace('cron: "17 6 * * *"', 'cron: "17 6 * 1/2 *"'), 8, "sources.0.schedule.cron", "a step needs a range"),
        (GOOD.replace('cron: "17 6 * * *"', 'cron: "*/0 6 * * *"'), 8, "sources.0.schedule.cron", "step"),
        (GOOD.replace('["{site}/index.html"]', '["ftp://x/"]'), 6, "sources.0.start_urls", "http"),
        (GOOD + "    colour: red\n", 9, "sources.0.colour", "Extra inputs"),
        (GOOD + GOOD.replace("sources:\n", ""), 9, "sources.1.id", "duplicate"),
        (GOOD.replace("id: sxjyt", "id: Bad Id"), 2, "sources.0.id", "lowercase"),
        ("sources:\n  - id: [unclosed\n", 3, None, "YAML syntax"),
    ],
)
def test_mistakes_name_file_line_and_field(tmp_path: Path, text: str, line: int, field: str | None, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_sources(path, {"site": "http://x", "host": "x"})
    err = caught.value
    assert (err.path, err.line, err.field) == (str(path), line, field)
    assert words in err.message
    assert str(err).startswith(f"{path}:{line}")


def test_the_shipped_sources_file_loads() -> None:
    assert load_sources(CONFIG_DIR / "sources.yaml")


def test_settings_precedence(tmp_path: Path) -> None:
    env = {"GONGGAO_DATA_DIR": str(tmp_path / "from-env"), "GONGGAO_INDEX": "env_index"}
    settings = Settings.load({"data_dir": tmp_path / "from-cli"}, environ=env)
    assert settings.data_dir == (tmp_path / "from-cli").resolve()
    assert settings.index_name == "env_index"
    assert settings.catalog_url == f"sqlite:///{(tmp_path / 'from-cli').resolve() / 'catalog.sqlite3'}"
    assert Settings.load(environ={}).managed_meili
