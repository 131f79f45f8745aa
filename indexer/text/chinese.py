"""Script conversion shared by every stage: matching runs on Simplified text, display keeps the original."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC t2s); Simplified text passes through unchanged."""
    return _t2s().convert(text) if text else text
