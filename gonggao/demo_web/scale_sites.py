"""Forty small bureau sites for scheduling tests: many sources, many hosts, per-host politeness.

Opt-in (`DemoWeb(SCALE_SITES)`): each site is a TRS-style bureau with five columns
(`/tzgg/`, `/gzdt/`, `/jyyw/`, `/aqjy/`, `/zcwj/`, one list page each) of one dated article, so
forty hosts carry two hundred sources. Served like every demo site, one loopback address per host.
"""

from __future__ import annotations

from gonggao.demo_web import content as C
from gonggao.demo_web.cms_sites import (
    Item,
    article_body,
    article_meta,
    gov_frame,
    html_page,
    make_items,
    robots_page,
    static_column,
    truths,
    ymd,
)
from gonggao.demo_web.sites import Built, _ts

SCALE_SITES = [f"bureau{i:02d}" for i in range(40)]
COLUMNS = {"tzgg": "通知公告", "gzdt": "工作动态", "jyyw": "教育要闻", "aqjy": "安全教育", "zcwj": "政策文件"}
ARTICLES_PER_COLUMN = 1
FIRST_NUMBER = 5000  # clear of the other demo sites' article numbers
# city bureaus of content.REGIONS: the forty sites take them in turn
CITY_REGIONS = [key for key, region in C.REGIONS.items() if region.city and not region.county and region.issuer.endswith("教育局")]


def build_site(index: int, counter: list[int]) -> Built:
    region = C.REGIONS[CITY_REGIONS[index % len(CITY_REGIONS)]]
    name = region.issuer
    frame = gov_frame(name, f"99{index:02d}000000", [(label, f"/{col}/index.html") for col, label in COLUMNS.items()],
                    region.city or region.province, "演示ICP备00000000号")
    pages = {}
    items: list[Item] = []
    for c, (col, label) in enumerate(COLUMNS.items()):
        def path_of(i: int, spec: C.Spec, col: str = col, c: int = c) -> str:
            y, m, d = ymd(spec)
            return f"/{col}/{y}{m}/t{y}{m}{d}_{index * 1000 + c * 10 + i}.html"

        column = make_items(counter, CITY_REGIONS[index % len(CITY_REGIONS)], ARTICLES_PER_COLUMN, seed=index * 10 + c, path_of=path_of)
        items += column
        for it in column:
            body = article_body(it, f'<a href="/">首页</a> &gt; <a href="/{col}/index.html">{label}</a>', name)
            pages[it.path] = html_page(frame(f"{it.title}_{name}", article_meta(it, label, name), body), _ts(it.date, 10))
        pages.update(static_column(frame, name, f"/{col}/", label, column, 20))
    pages["/"] = html_page(frame(name, "", '<div class="home"></div>'), _ts("2023-01-01"))
    pages["/robots.txt"] = robots_page("User-agent: *\nDisallow:\n")
    return Built(pages, truths(SCALE_SITES[index], items))


def build_scale() -> dict[str, Built]:
    counter = [FIRST_NUMBER]
    return {site: build_site(i, counter) for i, site in enumerate(SCALE_SITES)}
