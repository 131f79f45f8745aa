"""The runner's split request (hits in one half, counts in the other) answers as the single one does."""

from __future__ import annotations

import pytest

from indexer.search_index.reader import SearchReader
from search_ui import runner
from search_ui.query import build_plan, parse_params

SEARCHES = [{}, {"q": "安全"}, {"region": "陕西省", "hazard": "drowning"}, {"q": "防溺水", "from": "2024-01-01", "to": "2024-12-31"}]


def comparable(answer: dict) -> tuple:
    return ([h["id"] for h in answer.get("hits") or []], answer.get("totalHits"), answer.get("totalPages"),
            answer.get("facetDistribution"), [h.get("_formatted", {}).get("body") for h in answer.get("hits") or []])


@pytest.mark.parametrize("params", SEARCHES, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()) or "landing")
def test_split_and_single_requests_answer_alike(web_config, monkeypatch, params):
    reader = SearchReader(web_config.meili_url, web_config.search_key, web_config.index_name)
    plan = build_plan(parse_params(list(params.items())), charts=True, shown_only=True)
    sent: list[int] = []
    multi_search = reader.multi_search
    monkeypatch.setattr(reader, "multi_search", lambda queries, federation=None: sent.append(len(queries)) or multi_search(queries, federation))

    monkeypatch.setattr(runner, "IDLE", 0)                 # never idle: one request
    single = runner.run(reader, plan)
    assert sent == [len(plan)]
    monkeypatch.setattr(runner, "IDLE", 1)                 # idle: two requests at once
    sent.clear()
    split = runner.run(reader, plan)
    assert sorted(sent)[0] == 1 and sum(sent) - 1 in (len(plan), len(plan) + 1)   # the hits; the counts in one or two parts
    assert [comparable(a) for a in split] == [comparable(a) for a in single]
    assert split[0]["hits"] and split[0]["facetDistribution"]
