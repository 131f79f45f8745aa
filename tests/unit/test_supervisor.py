"""One `gonggao up` per data directory, even when two start at the same moment (real processes)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gonggao.supervisor import AlreadyRunning, exclusive

HOLD = """
import sys, time
from pathlib import Path
from gonggao.supervisor import exclusive
with exclusive(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


def own_env() -> dict[str, str]:
    """This environment without an external Meilisearch: `up` manages its own."""
    return {k: v for k, v in os.environ.items() if k not in ("MEILI_URL", "MEILI_MASTER_KEY", "MEILI_BIN")}


def start_up(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "gonggao", "--data-dir", str(data), "up", "--no-schedule", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                            env=own_env())


def first_exit(procs: list[subprocess.Popen[str]], timeout: float = 120) -> subprocess.Popen[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                return proc
        time.sleep(0.1)
    raise AssertionError("neither `gonggao up` stopped: both run on one data directory")


def read_line(proc: subprocess.Popen[str], timeout: float = 120) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline() if ready else ""


def test_two_ups_started_together_on_one_data_dir_one_runs_the_other_says_why(tmp_path: Path) -> None:
    data = tmp_path / "data"
    both = [start_up(data), start_up(data)]
    try:
        loser = first_exit(both)
        winner = next(proc for proc in both if proc is not loser)
        _, err = loser.communicate(timeout=30)
        assert loser.returncode == 1, err
        assert f"already runs on {data}" in err and "GONGGAO_DATA_DIR" in err
        assert "Traceback" not in err
        assert "is up: http://127.0.0.1:" in read_line(winner)
        assert winner.poll() is None
    finally:
        for proc in both:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                proc.communicate(timeout=60)
    assert not (data / "meilisearch" / "running.json").exists()
    with exclusive(data):  # released by the winner's exit
        pass


def test_the_lock_dies_with_its_holder(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert read_line(holder, timeout=60) == "held\n"
        with pytest.raises(AlreadyRunning, match=f"pid {holder.pid}"), exclusive(tmp_path):
            pass
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    with exclusive(tmp_path):  # no stale lock after a SIGKILL
        pass
