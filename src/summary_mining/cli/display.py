"""Figures for people to read: large values in 万/亿 of their unit, percentages as written.

>>> display_value(6007000000.0, "元"), display_value(98240000.0, "元"), display_value(2236.0, "元")
('60.07亿元', '9,824.00万元', '2,236元')
>>> display_value(92.42, "%"), display_value(12.0, "个"), display_value(float("nan"), "元")
('92.42%', '12个', '')
>>> display_value(3500000.0, "吨")
'350.00万吨'
"""
from __future__ import annotations

import math

__all__ = ["display_value"]

#: Units that are not scaled: rates and points.
_UNSCALED = frozenset({"%", "个百分点", "‰", "倍"})


def display_value(value: float | int | None, unit: str | None) -> str:
    """``value`` (in the base ``unit``) as a short text: ≥ 1亿 in 亿, ≥ 10万 in 万 (two decimals),
    otherwise with thousands separators; NA as ``""``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    unit = unit or ""
    v = float(value)
    if unit not in _UNSCALED:
        if abs(v) >= 1e8:
            return f"{v / 1e8:,.2f}亿{unit}"
        if abs(v) >= 1e5:
            return f"{v / 1e4:,.2f}万{unit}"
    text = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{text}{unit}"
