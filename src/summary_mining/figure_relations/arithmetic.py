"""The arithmetic of relations: what the operands give, and how far from the stated figure that may be.

Tolerance comes from the precision of the figures as written, never a fixed percentage: half a unit
in the last written place of the stated figure, plus the rounding of the operands carried through the
operation (a sum of rounded parts may be off by the parts' half units; a ratio by the relative rounding
of its two inputs). A stated figure equal to the computed value truncated (not rounded) to the stated
precision counts as consistent too (2/3 written 66.66%), unless the audit reads the figure as a term of a structure
adding up to exactly 100, which may have been forced so (``Relation.forced``).

>>> agrees(90.0, 90.0, 0.005), agrees(41.17, 41.1667, 0.005, 0.005), agrees(95.0, 90.0, 0.5)
(True, True, False)
"""
from __future__ import annotations

import math

__all__ = ["agrees", "ratio", "growth", "rounding", "sum_tolerance", "prefix_match", "firm_by_the_others", "NOT_PARTS"]

#: An open list whose figures add up to more than this many times its "whole" lists other measures, not
#: parts (a slip in one part overshoots by far less).
NOT_PARTS = 1.5


def agrees(stated: float, computed: float, tol: float, half: float = 0.0) -> bool:
    """Within tolerance, or (when ``half`` is given, for ratios) the computed value truncated rather
    than rounded to the stated precision. A value that is no number (an operand written 24亿多元 has none) agrees
    with nothing.

    >>> agrees(41.7, 41.66, 0.05), agrees(41.7, float("nan"), 0.05, 0.05)
    (True, False)
    """
    if not (math.isfinite(stated) and math.isfinite(computed)):
        return False
    if abs(stated - computed) <= tol + 1e-9 * max(1.0, abs(stated)):
        return True
    step = 2 * half
    if step <= 0:
        return False
    trunc = math.floor(computed / step + 1e-9) * step
    return abs(trunc - stated) <= 1e-9 * max(1.0, abs(stated)) and abs(stated - computed) < step + tol - half


def ratio(part, whole) -> tuple[float, float]:
    """part / whole * 100 and its rounding uncertainty from the inputs' written precision (a count written
    whole in its own unit is exact, 427户; any other figure is known to half a unit in its last written
    place, 53.7万人 to 500 people).

    >>> from types import SimpleNamespace as F
    >>> c, u = ratio(F(value=537000.0, half_base=500.0, kind="count", factor=1e4, f=F(decimals=1)),
    ...              F(value=884000.0, half_base=500.0, kind="count", factor=1e4, f=F(decimals=1)))
    >>> round(c, 2), round(u, 3)
    (60.75, 0.091)
    """
    c = part.value / whole.value * 100
    rel = sum(f.half_base / abs(f.value) for f in (part, whole) if f.value and not _exact(f))
    return c, abs(c) * rel


def _exact(f) -> bool:
    """A count written as a whole number of its own unit (427户, 36项): no rounding."""
    return f.kind == "count" and f.factor == 1 and not f.f.decimals


def rounding(f) -> float:
    """Half a unit in ``f``'s last written place, in the base unit; 0 for an exact count (58起, 6起).

    >>> from types import SimpleNamespace as F
    >>> rounding(F(half_base=0.5, kind="count", factor=1, f=F(decimals=0))), rounding(F(half_base=500.0, kind="count", factor=1e4, f=F(decimals=1)))
    (0.0, 500.0)
    """
    return 0.0 if _exact(f) else f.half_base


def growth(now: float, before: float, d_now: float, d_before: float) -> tuple[float, float]:
    """(now - before) / before * 100 and its rounding uncertainty."""
    c = (now - before) / before * 100
    err = 100 * (d_now / abs(before) + abs(now) * d_before / before ** 2)
    return c, err


def growth_by_change(now: float, change: float, d_now: float, d_change: float) -> tuple[float, float]:
    """The growth a level and its stated change give, change / (now - change) * 100, and how far the two as
    written (``d_now``, ``d_change``: half a unit of each one's last place) let it move: the change is written
    for itself, so only the base below it carries the level's rounding (179亿元, 增加4.3亿元: 4.25/175.25 to
    4.35/174.15, 2.43 % to 2.50 %). The growth rises with the change and falls with the level, so the corners
    of the two ranges bound it; a base that may reach zero falls back to :func:`growth`'s wider bound.

    >>> c, err = growth_by_change(179.0, 4.3, 0.5, 0.05)
    >>> round(c, 2), round(err, 3)
    (2.46, 0.036)
    >>> c, err = growth_by_change(3.70, -0.06, 0.005, 0.005)  # (a fall: 减少0.06万亩 to 3.70万亩)
    >>> round(c, 2), round(err, 2)
    (-1.6, 0.13)
    """
    c = change / (now - change) * 100
    corners = [(n, ch) for n in (now - d_now, now + d_now) for ch in (change - d_change, change + d_change)]
    if any(n - ch <= 0 for n, ch in corners):
        return growth(now, now - change, d_now, d_now + d_change)
    return c, max(abs(ch / (n - ch) * 100 - c) for n, ch in corners)


def sum_tolerance(total, parts) -> float:
    """How far parts may add up from their total as written. A total written with decimals is a rounded
    statistic, and so are its parts: the larger of half a unit of the total's last place and the parts'
    half units summed (三次产业 277.25+294.25+758.14 = 1329.64 for a total written 1329.65). A whole number
    is exact to its last digit (12亿元+15亿元 is not 28亿元, 60+35+8 is not 100), unless it has three
    significant digits or more before two zeros or more, which may be rounding (公路总里程31700公里 is
    known to the hundred), or it is written in 万 or 亿 with four significant digits or more (农林牧渔业总产值41,541万元
    = 32,786+14+6,206+1,905+631 = 41,542万元: each rounded from 元). Parts written more coarsely than the
    total add their own rounding.

    >>> from types import SimpleNamespace as F
    >>> total = F(half_base=0.005, f=F(decimals=2, number=1329.65), factor=1.0)
    >>> round(sum_tolerance(total, [F(half_base=0.005)] * 3), 3)
    0.015
    >>> sum_tolerance(F(half_base=0.5, f=F(decimals=0, number=31700.0), factor=1.0), [F(half_base=0.5)] * 6)
    50.0
    """
    half = total.half_base
    fine = sum(p.half_base for p in parts if p.half_base <= half)
    zeros = _trailing_zeros(total.f.number)
    if total.f.decimals > 0 or (total.factor >= 1e4 and abs(total.f.number) >= 10 ** (zeros + 3)):
        half = max(half, fine)
    elif zeros >= 2 and abs(total.f.number) >= 10 ** (zeros + 2):  # 31700, not 100 or 2300
        half = max(half, 0.5 * 10.0 ** zeros * total.factor)
    return half + sum(p.half_base for p in parts if p.half_base > total.half_base)


def _trailing_zeros(number: float) -> int:
    if not number or not math.isfinite(number) or number != int(number):
        return 0
    n, z = int(abs(number)), 0
    while n and n % 10 == 0:
        n, z = n // 10, z + 1
    return z


def prefix_match(parts, target: float, tol_base: float) -> int:
    """Length of the shortest prefix (>= 2) of ``parts`` summing to ``target`` (0 if none)."""
    acc = 0.0
    for n, p in enumerate(parts, start=1):
        acc += p.value
        if n >= 2 and abs(acc - target) <= tol_base:
            return n
    return 0


def firm_by_the_others(holding: list[bool]) -> list[bool | None]:
    """For members of a series read in order (rates by name, values and their changes stated respectively), whether
    each is read firm: every other member holds (the series is read right, one off is a slip); else read only when it
    holds (True/False: read, firm or not; None: not read).

    >>> firm_by_the_others([True, True, False])
    [False, False, True]
    >>> firm_by_the_others([True, False, False])
    [False, None, None]
    """
    out: list[bool | None] = []
    for j, ok in enumerate(holding):
        others = holding[:j] + holding[j + 1:]
        firm = bool(others) and all(others)
        out.append(firm if ok or firm else None)
    return out
