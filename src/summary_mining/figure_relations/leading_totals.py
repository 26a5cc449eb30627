"""Totals that open their statement, their parts following with no cue (置换债券130170万元，市本级留用19700万元，转贷县
（市、区）110470万元): the first value of a statement and the next values of its family that add up to it exactly — and
each leading value of another family written beside it (总户数12271户,总人口31436人,…,空挂户4542户,空挂人口10789人,现实有
住户7729户,实有人口20647人), with the values of its family after those leading ones.

No word says the later values are parts, so the arithmetic is the only evidence: read only when they add up (within the
rounding of the figures as written), never firm — a statement whose values do not add up says nothing, and a perturbed
copy gives no row.

>>> import summary_mining as sm
>>> text = "置换债券130170万元，市本级留用19700万元，转贷县（市、区）110470万元。"
>>> sm.audit(text=text)["message"].tolist()
['置换债券130170万元与所列 19700万元+110470万元=130170万元 一致']
"""
from __future__ import annotations

from ..datafiles import rx_search
from .arithmetic import agrees, sum_tolerance
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_leading_totals"]

#: The most values after the first that are tried as its parts.
MAX_PARTS = 8


def _value(ctx: Context, g: Fig) -> bool:
    return g.kind in ("amount", "count") and not g.direction and not g.redacted and not g.qualifier and ctx.addable(g)


def find_leading_totals(ctx: Context) -> list[Relation]:
    """The first value of each statement over the shortest run of the next values of its family (two or more) that add
    up to it (see the module)."""
    out: list[Relation] = []
    by_sentence: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        by_sentence.setdefault(g.sentence, []).append(g)
    listed = {g.whole.i for g in ctx.groups}  # (wholes a cue breaks down: 项目36个,分别为:…, the breakdown finder's)
    for figs in by_sentence.values():
        values = [g for g in figs if _value(ctx, g)]
        if len(values) < 3 or values[0].i in listed:
            continue
        # the statement's leading values of distinct families, each a total of its own (总户数12271户,总人口31436人,…,空挂户
        # 4542户,空挂人口10789人,现实有住户7729户,实有人口20647人: the 户 and the 人 each add up)
        n = next((k for k, g in enumerate(values) if g.family in {v.family for v in values[:k]}), len(values))
        for j, first in enumerate(values[:n]):
            if j and first.i in listed:
                continue
            rest = [g for g in values[n if j else 1:] if g.family == first.family and ctx.is_target(g) == ctx.is_target(first)]
            if ctx.rules.balance is not None and any(rx_search(ctx.rules.balance.cue, g.clause) for g in rest[:MAX_PARTS]):
                break  # (收入A，支出B，结余C: a balance, which find_balances reads as the income less the spending)
            total = 0.0
            for k, g in enumerate(rest[:MAX_PARTS]):
                total += g.value
                if total > first.value + first.half_base:
                    break
                if k >= 1 and agrees(first.value, total, sum_tolerance(first, rest[:k + 1])):
                    out.append(_rel(ctx, "total_of", "breakdown", first, rest[:k + 1], cue="", firm=False,
                                    exhaustive=True))
                    break
    return out
