"""The arithmetic of relations: what the operands give, and how far from the stated figure that may be.

Tolerance comes from the precision of the figures as written, never a fixed percentage: half a unit
in the last written place of the stated figure, plus the rounding of the operands carried through the
operation (a sum of rounded parts may be off by the parts' half units; a ratio by the relative rounding
of its two inputs). A stated figure equal to the computed value truncated (not rounded) to the stated
precision counts as consistent too (2/3 written 66.66%).

>>> agrees(90.0, 90.0, 0.005), agrees(41.17, 41.1667, 0.005, 0.005), agrees(95.0, 90.0, 0.5)
(True, True, False)
"""
from __future__ import annotations

import math

__all__ = ["agrees", "ratio", "growth", "sum_tolerance", "prefix_match"]


def agrees(stated: float, computed: float, tol: float, half: float = 0.0) -> bool:
    """Within tolerance, or (when ``half`` is given, for ratios) the computed value truncated rather
    than rounded to the stated precision."""
    if abs(stated - computed) <= tol + 1e-9 * max(1.0, abs(stated)):
        return True
    step = 2 * half
    if step <= 0:
        return False
    trunc = math.floor(computed / step + 1e-9) * step
    return abs(trunc - stated) <= 1e-9 * max(1.0, abs(stated)) and abs(stated - computed) < step + tol - half


def ratio(part, whole) -> tuple[float, float]:
    """part / whole * 100 and its rounding uncertainty from the inputs' written precision (counts are
    exact; an amount is known to half a unit in its last written place)."""
    c = part.value / whole.value * 100
    rel = sum(f.half_base / abs(f.value) for f in (part, whole) if f.value and f.kind != "count")
    return c, abs(c) * rel


def growth(now: float, before: float, d_now: float, d_before: float) -> tuple[float, float]:
    """(now - before) / before * 100 and its rounding uncertainty."""
    c = (now - before) / before * 100
    err = 100 * (d_now / abs(before) + abs(now) * d_before / before ** 2)
    return c, err


def sum_tolerance(total, parts) -> float:
    """Half a unit of the total's last place, plus the rounding of items written more coarsely."""
    tol = total.half_base
    tol += sum(p.half_base for p in parts if p.half_base > total.half_base)
    return tol


def prefix_match(parts, target: float, tol_base: float) -> int:
    """Length of the shortest prefix (>= 2) of ``parts`` summing to ``target`` (0 if none)."""
    acc = 0.0
    for n, p in enumerate(parts, start=1):
        acc += p.value
        if n >= 2 and abs(acc - target) <= tol_base:
            return n
    return 0
