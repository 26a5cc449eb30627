"""Balances carried over: what one year's books carry into the next (年终结转45亿元, 结转下年支出41.1亿元) is what the
next year's books take in from the year before (上年结转收入45亿元, 上年结余41.1亿元) — a budget report states both,
this year's execution and next year's draft (``[carry_over]`` of ``data/relations.toml``).

Read when the two are equal (a restatement, ``same_as``): which fund's balance is carried where is read from the
names alone. Where such equal pairs run in the same order through the two years' books, the one balance they leave
unpaired on each side at a place in the run is the same balance, equal or not (firm).

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
    to it in number and unit (``same_as``, consistent only) — and, where such pairs run in the same order through both
    years' books, the balance between two of them (or next to the run's first or last) that is the only one on each
    side is the same one whatever it is written: a firm restatement (:func:`_run_pairs`)."""
    rule = ctx.rules.carry_over
    if rule is None:
        return []
    out: list[Relation] = []
    carried: list[Fig] = []
    taken: list[Fig] = []
    pairs: list[tuple[Fig, Fig]] = []  # (carried out, taken in), equal
    for g in ctx.figs:
        if g.kind != "amount" or g.redacted or g.direction or g.in_name:
            continue
        if _named(g, rule[0]):  # 上年结转收入45亿元
            taken.append(g)
            h = next((h for h in reversed(carried) if h.unit_text == g.unit_text and h.f.number == g.f.number), None)
            if h is not None:
                pairs.append((h, g))
        elif _named(g, rule[1]):  # 年终结转45亿元
            carried.append(g)
    run = _run_pairs(pairs, carried, taken)
    for h, g in sorted(pairs + run, key=lambda p: p[1].start):
        cue = next(w for w in rule[1] if w in f"{h.label}|{h.clause}")  # (年终结转: how it was carried out)
        out.append(_rel(ctx, "same_as", "repeat", h, [g], cue=cue, firm=(h, g) in run, formula="restated"))
    return out


def _run_pairs(pairs: list[tuple[Fig, Fig]], carried: list[Fig], taken: list[Fig]) -> list[tuple[Fig, Fig]]:
    """The balances a run of equal pairs (one year's 结转下年支出41.1亿元、待偿债再融资一般债券结余0.9亿元、…, the next
    year's 上年结余41.1亿元、…上年结余0.9亿元、…, two pairs at least, each next in order on both sides) leaves unpaired
    where it holds exactly one on each side: between two of its pairs, or right before its first or after its last.
    Empty when the equal pairs make no such run."""
    ci = {id(g): k for k, g in enumerate(carried)}
    ti = {id(g): k for k, g in enumerate(taken)}
    paired = {id(g) for p in pairs for g in p}
    seq = sorted(((ci[id(h)], ti[id(g)]) for h, g in pairs), key=lambda p: p[1])
    steps = [(a, b) for a, b in zip(seq, seq[1:]) if a[0] < b[0] and a[1] < b[1]]
    if not steps:
        return []
    # (the one year's books before the next's: every balance paired lies after the run's last carried out, before
    # its first taken in — a 上年结余 among this year's income items is no part of it)
    run = {p for step in steps for p in step}
    books = max(carried[c].end for c, _ in run), min(taken[t].start for _, t in run)

    def unpaired(side: list[Fig], lo: int, hi: int) -> list[Fig]:
        return [g for g in side[max(lo, 0):max(hi, 0)] if id(g) not in paired]

    gaps = [(unpaired(carried, a[0] + 1, b[0]), unpaired(taken, a[1] + 1, b[1])) for a, b in steps]
    first, last = steps[0][0], steps[-1][1]
    # (right before the run or after it: the next on each side with no balance of the other side between — 年终结转
    # 28.91亿元 and a 上年结余60.12亿元 among the same year's income are no pair)
    for c, t, dc, dt in ((first[0] - 1, first[1] - 1, first[0], first[1]), (last[0] + 1, last[1] + 1, last[0], last[1])):
        if 0 <= c < len(carried) and 0 <= t < len(taken) and not _crossed(carried, c, dc, taken) \
                and not _crossed(taken, t, dt, carried):
            gaps.append((unpaired(carried, c, c + 1), unpaired(taken, t, t + 1)))
    out = []
    for hs, gs in gaps:
        if len(hs) == 1 and len(gs) == 1 and hs[0].end <= books[1] and gs[0].start >= books[0] \
                and hs[0].unit_text == gs[0].unit_text:
            out.append((hs[0], gs[0]))
    return out


def _crossed(side: list[Fig], a: int, b: int, other: list[Fig]) -> bool:
    """A balance of ``other`` lies between ``side[a]`` and ``side[b]``."""
    lo, hi = sorted((side[a].start, side[b].start))
    return any(lo < g.start < hi for g in other)
