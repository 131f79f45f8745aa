"""How crawls are spread over processes, and how their progress lines are merged."""

from __future__ import annotations

import io
import subprocess
import sys

from crawler.launch import ProgressRelay, _split, split_for_workers


def test_host_groups_stay_whole_and_balance_over_workers():
    groups = [["a1", "a2", "a3"], ["b"], ["c"], ["d1", "d2"]]
    batches = split_for_workers(groups, 2)
    assert batches == [["a1", "a2", "a3", "c"], ["d1", "d2", "b"]]
    assert split_for_workers(groups, 8) == [["a1", "a2", "a3"], ["d1", "d2"], ["b"], ["c"]]
    assert split_for_workers([["x", "y"]], 4) == [["x", "y"]]
    assert split_for_workers([], 4) == []


def test_split_tells_counts_from_lines_and_keeps_the_rest():
    *pieces, rest = _split(b"\rcrawling: 1 pages\rcrawling: 2 pages\rcrawl x: could not run\nhalf")
    assert pieces == [("count", "crawling: 1 pages"), ("count", "crawling: 2 pages"), ("line", "crawl x: could not run")]
    assert rest == b"half"


def test_relay_merges_two_processes_into_one_line():
    script = ("import sys,time\n"
              "for i in range(3):\n"
              "    print('\\rcrawling: %s pages' % i, end='', file=sys.stderr, flush=True); time.sleep(0.01)\n"
              "print(file=sys.stderr); print('done', file=sys.stderr)\n")
    procs = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE) for _ in range(2)]
    out = io.StringIO()
    relay = ProgressRelay(out)
    relay.follow(procs)
    for p in procs:
        p.wait(10)
    relay.finish()
    shown = out.getvalue()
    assert "crawling: 2 pages | 2 pages" in shown
    assert shown.count("done\n") == 2
