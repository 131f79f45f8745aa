"""The Alembic chain: one head, a fresh catalog migrates to exactly the tables of schema.py, and back.

Two branches adding migrations from the same parent (0005 source checks, 0006 saved searches, both
first written on 0004) leave two heads, and `upgrade head` then fails on every install.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from indexer.store.db import MIGRATIONS, make_engine, migrate
from indexer.store.schema import metadata


def _config(connection: object) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def test_the_migrations_form_one_linear_chain() -> None:
    script = ScriptDirectory.from_config(_config(None))
    assert script.get_heads() == [script.get_current_head()], "two migrations revise the same parent"
    revisions = list(script.walk_revisions())
    assert [r.down_revision for r in revisions][-1] is None
    assert all(not isinstance(r.down_revision, tuple) for r in revisions), "a merge revision: re-chain instead"


def test_a_fresh_sqlite_catalog_migrates_to_the_schema_and_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'catalog.sqlite'}")
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, metadata)
    assert differences == []
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    with engine.begin() as connection:
        command.downgrade(_config(connection), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)  # and up again: every downgrade left nothing behind that the upgrade trips on
