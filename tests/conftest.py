"""Shared fixtures: a real Meilisearch and the demo web, both on 127.0.0.1.

Nothing here touches the network beyond loopback. The Meilisearch binary is the one
`scripts/install-meilisearch.sh` installs (or MEILI_BIN).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.search_index.process import MeiliProcess

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def meili(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MeiliProcess]:
    """One Meilisearch server for the whole run; tests use their own index names."""
    proc = MeiliProcess(tmp_path_factory.mktemp("meili"))
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def demo_web():
    """The demo sites, served on loopback for the whole run."""
    from gonggao.demo_web.server import DemoWeb

    web = DemoWeb()
    web.start()
    yield web
    web.stop()
