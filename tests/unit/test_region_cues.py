"""Region cue kinds learnt from reading real texts, each shown on a text we wrote ourselves."""

from __future__ import annotations

import pytest

from indexer.enrich.regions import Gazetteer, RegionContext, RegionResult


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.default()


def resolve(gz: Gazetteer, title: str, body: str = "", **kw) -> RegionResult:
    return gz.resolve(RegionContext(title=title, body=body, **kw))


def test_a_level_mark_picks_the_reading_of_an_ambiguous_town(gz):
    # 潞城镇 is a town of 通州区 (北京) and of 陵川县 (山西): the text's 区 or 县 says which
    body = "3月2日，潞城镇中心学校召开安全工作会议，邀请部分区、镇人大代表参加，通报校园安全检查情况。"
    r = resolve(gz, "开学安全工作会议召开", body)
    assert (r.province, r.county) == ("北京市", "通州区")
    assert any(e.rule == "region:level" for e in r.evidence)
    body = "3月2日，潞城镇中心学校召开安全工作会议，要求建立县、乡两级校园安全责任体系。"
    r = resolve(gz, "开学安全工作会议召开", body)
    assert (r.province, r.city, r.county) == ("山西省", "晋城市", "陵川县")
    # no mark: no guess
    r = resolve(gz, "开学安全工作会议召开", "3月2日，潞城镇中心学校召开安全工作会议。")
    assert r.province is None
