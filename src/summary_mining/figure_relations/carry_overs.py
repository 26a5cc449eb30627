"""Balances carried over: what one year's books carry into the next (年终结转45亿元, 结转下年支出41.1亿元) is what the
next year's books take in from the year before (上年结转收入45亿元, 上年结余41.1亿元) — a budget report states both,
this year's execution and next year's draft (``[carry_over]`` of ``data/relations.toml``).

Read only when the two are equal (a restatement, ``same_as``), never firm: which fund's balance is carried where is
read from the names alone.

>>> import summary_mining as sm
>>> text = ("一、2025年预算执行情况\\n市级政府性基金预算收入完成129.82亿元，加上上级补助等485.56亿元，收入总计615.38亿元。"
...         "支出完成89.56亿元，加上上解上级等支出480.82亿元，年终结转45亿元。\\n"
...         "二、2026年预算草案\\n市级政府性基金预算收入69.03亿元，加上上年结转收入45亿元，收入总计114.03亿元。")
>>> [m for m in sm.audit(text=text)["message"] if "重述" in m]
['年终结转45亿元 在后文重述为 45亿元，一致']
"""
from __future__ import annotations

from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_carry_overs"]


def _named(g: Fig, words: tuple[str, ...]) -> bool:
    name = f"{g.label}|{g.clause}"
    return any(w in name for w in words)


def find_carry_overs(ctx: Context) -> list[Relation]:
    """Each balance taken in from the year before against the nearest earlier balance carried out of a year, equal
    to it in number and unit (``same_as``, consistent only)."""
    rule = ctx.rules.carry_over
    if rule is None:
        return []
    out: list[Relation] = []
    carried: list[Fig] = []
    for g in ctx.figs:
        if g.kind != "amount" or g.redacted or g.direction or g.in_name:
            continue
        if _named(g, rule[0]):  # 上年结转收入45亿元
            h = next((h for h in reversed(carried) if h.unit_text == g.unit_text and h.f.number == g.f.number), None)
            if h is not None:
                cue = next(w for w in rule[1] if w in f"{h.label}|{h.clause}")  # (年终结转: how it was carried out)
                out.append(_rel(ctx, "same_as", "repeat", h, [g], cue=cue, firm=False, formula="restated"))
        elif _named(g, rule[1]):  # 年终结转45亿元
            carried.append(g)
    return out
