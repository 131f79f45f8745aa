"""The YAML entry `gonggao sources add` proposes: one field per decision, each with its reason."""

from __future__ import annotations

import io

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from config.sources_writer import yaml_writer
from config.vocabulary import Layout
from crawler.onboard.discover import Confirmed, Onboarding

JITTER_SECONDS = 600


def _flow(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq([DoubleQuotedScalarString(v) for v in values])
    seq.fa.set_flow_style()
    return seq


def describe_list(item: Confirmed) -> str:
    """One line on a confirmed list: what it is, what it holds, how it pages."""
    probe = item.probe
    parts = [f"{item.candidate.label} ({item.candidate.why})", f"{probe.family}: {probe.dated} dated articles"]
    if probe.newest:
        parts[-1] += f", newest {probe.newest}"
    if probe.via_proxy:
        parts.append("records from the data proxy")
    if probe.next_pages:
        read = "read" if probe.next_page_ok else "NOT readable"
        parts.append(f"{len(probe.next_pages) + 1}+ pages, the next {read}")
    else:
        parts.append("one page")
    return "; ".join(parts)


def entry(ob: Onboarding) -> CommentedMap:
    """The source entry, ready for config/sources.yaml."""
    out = CommentedMap()
    out["id"] = ob.source_id
    out.yaml_add_eol_comment(ob.id_source, "id")
    out["name"] = ob.name.value
    out.yaml_add_eol_comment(f"from {ob.name.source}", "name")
    out["kind"] = ob.kind.value
    out.yaml_add_eol_comment(ob.kind.source, "kind")
    out["layout"] = str(Layout.ARTICLE)
    out.yaml_add_eol_comment("one article per page", "layout")
    if ob.region.hint:
        out["region_hint"] = ob.region.hint
        out.yaml_add_eol_comment(f"{ob.region.source}; GB/T 2260 {', '.join(ob.region.codes)}", "region_hint")
    start_urls = CommentedSeq([DoubleQuotedScalarString(item.probe.url) for item in ob.lists])
    for i, item in enumerate(ob.lists):
        start_urls.yaml_add_eol_comment(describe_list(item), i)
    out["start_urls"] = start_urls
    out["allowed_domains"] = _flow([ob.host])
    out.yaml_add_eol_comment("the host of every list", "allowed_domains")
    out["max_list_pages"] = ob.max_list_pages
    out.yaml_add_eol_comment("list pages per crawl over all start URLs; later runs stop at pages of known articles", "max_list_pages")
    if ob.encoding:
        out["encoding"] = ob.encoding.value
        out.yaml_add_eol_comment(ob.encoding.source, "encoding")
    schedule = CommentedMap(cron=DoubleQuotedScalarString(ob.schedule_cron), jitter_seconds=JITTER_SECONDS)
    schedule.fa.set_flow_style()
    out["schedule"] = schedule
    out.yaml_add_eol_comment("daily, at a time derived from the id so sources do not all start at once", "schedule")
    return out


def render(ob: Onboarding) -> str:
    """The entry as text to paste under `sources:`, preceded by the candidates left out and why."""
    lines = [f"# gonggao sources add {ob.url}"]
    lines += [f"# not used: {r.candidate.url} ({r.candidate.label}): {r.reason}" for r in ob.rejected]
    if not ob.region.hint:
        lines.append(f"# region_hint left out: {ob.region.source}; add one with --region")
    seq = CommentedSeq([entry(ob)])
    buffer = io.StringIO()
    yaml_writer().dump(seq, buffer)
    return "\n".join(lines) + "\n" + "\n".join("  " + line if line.strip() else line for line in buffer.getvalue().splitlines()) + "\n"
