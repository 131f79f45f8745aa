"""China's provinces as a tile grid: one square per province-level division, placed roughly where
it lies (north up, west left), coloured by the count of the current search.

Drawn on the server as a CSS grid of links (no JavaScript, no map data to ship); positions and
colours are classes (`r3 c5 heat2`), because the Content-Security-Policy allows no inline style.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# region.lvl0 value (GB/T 2260 full name) → (short label, grid row, grid column), 1-based
TILES: dict[str, tuple[str, int, int]] = {
    "黑龙江省": ("黑龙江", 1, 8),
    "内蒙古自治区": ("内蒙古", 2, 5), "吉林省": ("吉林", 2, 8),
    "新疆维吾尔自治区": ("新疆", 2, 1), "北京市": ("北京", 2, 6), "辽宁省": ("辽宁", 2, 7),
    "甘肃省": ("甘肃", 3, 2), "宁夏回族自治区": ("宁夏", 3, 3), "山西省": ("山西", 3, 4), "河北省": ("河北", 3, 5),
    "天津市": ("天津", 3, 6),
    "西藏自治区": ("西藏", 4, 1), "青海省": ("青海", 4, 2), "陕西省": ("陕西", 4, 3), "河南省": ("河南", 4, 4),
    "山东省": ("山东", 4, 5),
    "四川省": ("四川", 5, 2), "重庆市": ("重庆", 5, 3), "湖北省": ("湖北", 5, 4), "安徽省": ("安徽", 5, 5),
    "江苏省": ("江苏", 5, 6), "上海市": ("上海", 5, 7),
    "云南省": ("云南", 6, 2), "贵州省": ("贵州", 6, 3), "湖南省": ("湖南", 6, 4), "江西省": ("江西", 6, 5),
    "浙江省": ("浙江", 6, 6),
    "广西壮族自治区": ("广西", 7, 3), "广东省": ("广东", 7, 4), "福建省": ("福建", 7, 5), "台湾省": ("台湾", 7, 6),
    "海南省": ("海南", 8, 3), "澳门特别行政区": ("澳门", 8, 4), "香港特别行政区": ("香港", 8, 5),
}
ROWS = max(r for _, r, _ in TILES.values())
COLUMNS = max(c for _, _, c in TILES.values())
HEAT_LEVELS = 5


@dataclass
class Tile:
    province: str
    label: str
    row: int
    col: int
    count: int
    heat: int              # 0 (none) … HEAT_LEVELS
    active: bool
    url: str


def heat(count: int, highest: int) -> int:
    """0 for no documents, else 1…HEAT_LEVELS on a square-root scale (a few big provinces would
    otherwise leave every other tile in the palest colour)."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * math.sqrt(count / highest))))


def tiles(counts: dict[str, int], active: set[str], url_for) -> list[Tile]:
    """Every province, whether or not it has documents. `url_for(province)` links the tile."""
    highest = max(counts.values(), default=0)
    return [
        Tile(name, label, row, col, counts.get(name, 0), heat(counts.get(name, 0), highest), name in active, url_for(name))
        for name, (label, row, col) in TILES.items()
    ]
