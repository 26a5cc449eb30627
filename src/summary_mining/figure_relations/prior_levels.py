"""Growth against the same measure stated earlier for the year before: a budget report states this year's
execution (全市地方一般公共预算收入完成62.57亿元) and, in next year's plan, the new level and its change
(全市地方一般公共预算收入56.87亿元，下降9.1%; 收入667,301万元，比上年增收13,068万元: the difference). The base is the nearest of the few earlier figures under the same
name that gives the rate (the 全市 and 市本级 sections of a report name their figures alike).

Read only when it holds, never firm: the same name may be another year's or another scope's, so a mismatch says
nothing and gives no row.

>>> import summary_mining as sm
>>> text = ("一、2025年预算执行情况\\n全市地方一般公共预算收入完成62.57亿元。\\n"
...         "二、2026年预算草案\\n全市地方一般公共预算收入56.87亿元，下降9.1%。")
>>> sm.audit(text=text).query("check == 'growth'")["message"].tolist()
['下降9.1%与 (56.87亿元-62.57亿元)/62.57亿元=-9.11% 一致']
"""
from __future__ import annotations

import itertools

from .arithmetic import agrees, growth, sum_tolerance
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_prior_levels"]

#: The shortest name two figures must share to be read as one measure in two years.
MIN_NAME = 4
#: How many earlier levels of that name are tried, nearest first.
CANDIDATES = 3


def _key(name: str, ends: tuple[str, ...]) -> str:
    """A level's name without the words at its end saying it was achieved or planned (``ends``: 完成, 预算数 …), and
    without 预算 (a plan names the fund's budget, 社会保险基金预算收入176.59亿元, what was done the fund's, 社会保险基金
    收入完成166.37亿元)."""
    trimmed = True
    while trimmed:
        trimmed = False
        for w in ends:
            if name.endswith(w):
                name, trimmed = name[:-len(w)], True
    return name.replace(BUDGET, "")


#: The word a plan's name may hold where what was done has none (社会保险基金预算收入 / 社会保险基金收入).
BUDGET = "预算"


def _rate_after(ctx: Context, level: Fig) -> Fig | None:
    """The change rate stated right after ``level`` in its sentence (no other figure between)."""
    nxt = ctx.figs[level.i + 1] if level.i + 1 < len(ctx.figs) else None
    if nxt is None or nxt.sentence != level.sentence or nxt.kind != "percentage" or nxt.unit != "%" \
            or nxt.direction not in ("+", "-") or nxt.redacted or nxt.in_name or nxt.qualifier or nxt.i in ctx.claimed:
        return None
    return nxt


def _change_after(ctx: Context, level: Fig) -> Fig | None:
    """The change amount stated right after ``level`` in its sentence (比上年增收13,068万元), no other figure between."""
    nxt = ctx.figs[level.i + 1] if level.i + 1 < len(ctx.figs) else None
    if nxt is None or nxt.sentence != level.sentence or nxt.kind != "amount" or nxt.family != level.family \
            or nxt.direction not in ("+", "-") or nxt.redacted or nxt.in_name or nxt.qualifier or nxt.i in ctx.claimed:
        return None
    return nxt


def _growth_tol(now: Fig, before: Fig, rate: Fig) -> tuple[float, float]:
    """(growth of ``now`` over ``before`` in percent, its tolerance for ``rate`` as written)."""
    c, err = growth(now.value, before.value, now.half_base, before.half_base)
    return c, rate.half + err


def find_prior_levels(ctx: Context) -> list[Relation]:
    """A level's change rate against the nearest earlier level of the same name (at least :data:`MIN_NAME`
    characters) in another paragraph for which the arithmetic holds (of the :data:`CANDIDATES` nearest)."""
    seen: dict[str, list[Fig]] = {}
    out: list[Relation] = []
    ends = (*ctx.rules.actual_labels, *ctx.rules.target_words, *ctx.rules.plan_labels)
    for g in ctx.figs:
        if g.kind != "amount" or g.direction or g.redacted or g.in_name or not ctx.usable(g) or g.qualifier:
            continue
        key = _key(g.label, ends)
        if len(key) < MIN_NAME or any(w in key for w in ctx.rules.real_growth):
            continue
        rate = _rate_after(ctx, g)
        named = seen.setdefault(key, [])
        earlier = list(itertools.islice((h for h in reversed(named) if h.para != g.para and h.family == g.family
                                         and h.value), CANDIDATES))  # (lazily: a name written 10,000 times costs no more)
        named.append(g)
        change = _change_after(ctx, g)
        if change is not None:
            # the level less the change is the level before (收入667,301万元，比上年增收13,068万元 … 2025: 654,233万元)
            sign = -1.0 if change.direction == "-" else 1.0
            before = next((h for h in earlier if agrees(g.value, h.value + sign * change.value,
                                                        sum_tolerance(g, [h, change]))), None)
            if before is not None:
                out.append(_rel(ctx, "difference_of", "difference", change, [g, before], cue=key, firm=False,
                                formula="difference", sign=sign, names=(ctx.name(g), ctx.name(before))))
        if rate is None:
            continue
        stated = -abs(rate.written) if rate.direction == "-" else rate.written
        # the nearest of the few earlier levels so named that gives the rate (全市 and 市本级 sections name theirs alike)
        before = next((h for h in earlier if agrees(stated, *_growth_tol(g, h, rate), rate.half)), None)
        if before is None:
            continue
        ctx.claimed.add(rate.i)
        out.append(_rel(ctx, "growth_of", "growth", rate, [g, before], cue=key, firm=False,
                        sign=-1.0 if rate.direction == "-" else 1.0))
    return out
