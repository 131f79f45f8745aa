"""The public bodies besides schools and education bureaus that act on schools, by the names texts
give them after a place (汉阴县公安局, 城关镇人民政府, 安康供电分公司).

One list for the two readers of a body's name: the issuer finder (`indexer.enrich.issuer`: who
issued the text) and the region tagger (`indexer.enrich.regions`: a place's short name before its
own office counts whole). Each adds the forms only it needs (the issuer its police brigades and fire
stations, the regions a bare 分局 or 交警 after a short name); a body added here is read by both.
"""

from __future__ import annotations

AGENCIES = (
    "人民政府", "政府",
    "应急管理局", "应急局",
    "公安局", "公安分局",
    "市场监督管理局", "市场监管局",
    "卫生健康局", "卫健局", "疾病预防控制中心", "疾控中心",
    "气象局", "地震局",
    "住建局", "民政局", "水利局", "自然资源局", "司法局",
    "人民检察院", "检察院", "人民法院", "法院",
    "供电公司", "供电分公司", "供电局",
    "妇联",
)

# The same, as a regex alternation, longest first (人民政府 is tried before 政府).
AGENCY_NAMES = "|".join(sorted(AGENCIES, key=len, reverse=True))
