"""Articles for the CMS-family demo sites: specs drawn deterministically, text from `content.build`.

The five original sites decide every article by hand (content.py). These sites exist to show how
list pages are read, so their articles only need to be plausible, dated and varied: each site
gets a fixed-seed sequence of specs (its own region, a hazard or two, an event; every seventh
article is not about safety), dated newest first, 9 to 31 days apart.
"""

from __future__ import annotations

import datetime as dt
import random

from gonggao.demo_web import content as C

EVENTS = ["meeting", "inspection", "drill", "training", "notice", "report"]
NON_SAFETY = ["enrollment", "party"]


def specs(region: str, count: int, seed: int, newest: str = "2025-06-20") -> list[C.Spec]:
    """`count` specs for one site, newest first (dates strictly decreasing)."""
    rnd = random.Random(seed)
    day = dt.date.fromisoformat(newest)
    out: list[C.Spec] = []
    for i in range(count):
        if i % 7 == 5:
            hazards: list[str] = []
            event = NON_SAFETY[(i // 7) % len(NON_SAFETY)]
        else:
            hazards = rnd.sample(C.HAZARDS, rnd.choice([1, 1, 1, 2]))
            event = EVENTS[(i + seed) % len(EVENTS)]
        out.append(C.Spec(day.isoformat(), region, hazards, event))
        day -= dt.timedelta(days=rnd.randint(9, 31))
    return out
