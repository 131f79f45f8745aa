"""`gonggao sources check`: a live probe of every list of a source, and a verdict.

Per list (crawler/onboard/probe.py), worst first:

- broken: unreachable, robots.txt forbids it, 401/403, 404/410 (the column moved or was removed),
  a JavaScript anti-bot challenge (needs a browser), not a web page;
- needs attention: it lists no articles (all the more when it listed some before: "0 article links
  where there were 20" is a layout change the crawl would miss silently), links without dates, less
  than half the articles it listed before (`SHARP_DROP`), a permanent redirect (the list moved; the
  crawl follows it, the file should say where it went), a next page that lists nothing new, a
  charset declaration the bytes contradict (set `encoding:`).

A source is broken when none of its lists works, needs attention when any list is not fine, ok
otherwise. "Before" is the previous check's count for that list, else what the crawl last saw
listed on it (indexer/store/checks.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from config.sources import Source
from config.vocabulary import CheckVerdict
from crawler.links import canonical
from crawler.onboard.fetch import PoliteClient
from crawler.onboard.probe import ListProbe, probe_list, same_encoding
from indexer.store.checks import CheckRecord

SHARP_DROP = 0.5
BROKEN_KINDS = ("unreachable", "robots", "forbidden", "gone", "needs_browser", "not_html")
PERMANENT = (301, 308)


@dataclass
class ListVerdict:
    probe: ListProbe
    verdict: CheckVerdict
    reason: str | None
    before: int | None

    def to_json(self) -> dict[str, Any]:
        return {**self.probe.to_json(), "verdict": str(self.verdict), "reason": self.reason, "before": self.before}


@dataclass
class SourceCheck:
    source_id: str
    name: str
    lists: list[ListVerdict]
    checked_at: int = field(default_factory=lambda: int(time.time()))

    @property
    def verdict(self) -> CheckVerdict:
        verdicts = [item.verdict for item in self.lists]
        if not verdicts or all(v == CheckVerdict.BROKEN for v in verdicts):
            return CheckVerdict.BROKEN
        if any(v != CheckVerdict.OK for v in verdicts):
            return CheckVerdict.ATTENTION
        return CheckVerdict.OK

    @property
    def articles(self) -> int:
        return sum(item.probe.items for item in self.lists)

    @property
    def newest(self) -> str | None:
        return max((item.probe.newest for item in self.lists if item.probe.newest), default=None)

    @property
    def reasons(self) -> list[str]:
        return [item.reason for item in self.lists if item.reason]

    @property
    def summary(self) -> str:
        if self.reasons:
            return "; ".join(self.reasons)
        paging = sum(1 for item in self.lists if item.probe.next_page_ok)
        lists = f"{len(self.lists)} lists" if len(self.lists) != 1 else "the list"
        return (f"{lists} work: {self.articles} dated articles" + (f", newest {self.newest}" if self.newest else "")
                + (f"; the next page read on {paging}" if paging else ""))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.source_id, "name": self.name, "verdict": str(self.verdict), "summary": self.summary,
                "articles": self.articles, "newest": self.newest, "checked_at": self.checked_at,
                "lists": [item.to_json() for item in self.lists]}

    def record(self) -> CheckRecord:
        return CheckRecord(self.source_id, self.checked_at, self.verdict, self.summary, self.articles, self.newest,
                           {"lists": [item.to_json() for item in self.lists]})


def check_source(client: PoliteClient, source: Source, before: dict[str, int]) -> SourceCheck:
    """Probe every start URL of `source`; `before` maps a list URL (canonical) to what it listed before."""
    verdicts = []
    for url in source.start_urls:
        probe = probe_list(client, url, source.allowed_domains, encoding=source.encoding)
        verdicts.append(judge(probe, before.get(canonical(url)), source.encoding))
    return SourceCheck(source.id, source.name, verdicts)


def judge(probe: ListProbe, before: int | None, configured_encoding: str | None) -> ListVerdict:
    """The verdict on one list, and the reason when it is not ok."""
    def verdict(level: CheckVerdict, reason: str | None) -> ListVerdict:
        return ListVerdict(probe, level, reason, before)

    if probe.problem_kind in BROKEN_KINDS:
        hint = "; find its new address with `gonggao sources add`" if probe.problem_kind == "gone" else ""
        return verdict(CheckVerdict.BROKEN, f"{probe.problem}{hint}")
    if probe.problem_kind == "no_list":
        was = f" where there were {before}" if before else ""
        moved = f"; the page links {probe.links_to}" if probe.links_to else ""
        return verdict(CheckVerdict.ATTENTION, f"{probe.url}: 0 article links{was} (the layout changed or the column moved){moved}")
    if probe.problem:
        return verdict(CheckVerdict.ATTENTION, probe.problem)
    moved_to = next((target for status, target in probe.redirects if status in PERMANENT), None)
    if moved_to:
        return verdict(CheckVerdict.ATTENTION, f"{probe.url} moved permanently to {probe.final_url}: put that in start_urls")
    if before and probe.items < SHARP_DROP * before:
        return verdict(CheckVerdict.ATTENTION, f"{probe.url}: {probe.items} article links where there were {before}")
    if probe.next_page_ok is False:
        return verdict(CheckVerdict.ATTENTION, f"{probe.url}: its next page ({probe.next_pages[0]}) lists nothing new")
    if (not configured_encoding and probe.declared_encoding and probe.encoding
            and not same_encoding(probe.declared_encoding, probe.encoding)):
        return verdict(CheckVerdict.ATTENTION, f"{probe.url} declares {probe.declared_encoding} but its bytes are {probe.encoding}: set encoding: {probe.encoding}")
    return verdict(CheckVerdict.OK, None)
