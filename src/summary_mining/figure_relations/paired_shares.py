"""Shares listed after the values they are of: 教育、社保、卫生健康领域分别投入48.47、51.50、39.07亿元，占比16.13%、17.14%、
13.00%. A clause opening with a share word (``[share] patterns`` with nothing before the word) lists as many shares
as the clause before it lists values of one family: the k-th share is the k-th value over the whole.

The whole is the one the shares name (占一般公共预算支出的…), else the one the paragraph's last share before them named and
was read against (全年民生支出237.86亿元，占一般公共预算支出的79.14%。…占比16.13%、…): found as a named share's whole is
(``finders._named_whole``). Firm when that match is strong.

>>> import summary_mining as sm
>>> text = ("全市一般公共预算支出300.55亿元。全年民生支出237.86亿元，占一般公共预算支出的79.14%。教育、社保、卫生健康领域"
...         "分别投入48.47、51.50、39.07亿元，占比16.13%、17.14%、13.00%。")
>>> [m for m in sm.audit(text=text)["message"] if "16.13" in m]
['占比16.13%与 教育健康领域48.47/一般公共预算支出300.55亿元=16.13% 一致']
"""
from __future__ import annotations

import math
from collections.abc import Callable

from ..datafiles import rx_fullmatch
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_paired_shares"]

#: How many figures back the shares' paragraph is searched for a share that names its whole.
NAMED_BACK = 40


def _values_before(ctx: Context, p: Fig, n: int) -> list[Fig]:
    """The ``n`` values of one family listed right before the clause of ``p`` (48.47、51.50、39.07亿元，占比…)."""
    k = p.i - 1
    if k < 0:
        return []
    last = ctx.figs[k]
    if last.kind == "percentage" or last.sentence != p.sentence or ctx.text[last.end:ctx.clause_pos(p, 0)].strip() not in ("，", ","):
        return []
    values = [last]
    for g in reversed(ctx.figs[max(0, k - n + 1):k]):
        if g.family != last.family or not rx_fullmatch(ctx.label_rules.list_join, ctx.text[g.end:values[0].start]):
            return []
        values.insert(0, g)
    return values if len(values) == n and all(ctx.usable(g) and not g.direction for g in values) else []


def _named_before(ctx: Context, p: Fig, share_match: Callable) -> tuple[str, Fig | None]:
    """The whole the paragraph's last share before ``p`` names (占一般公共预算支出的79.14%), and that share; or ''."""
    for g in reversed(ctx.figs[max(0, p.i - NAMED_BACK):p.i]):
        if g.para != p.para:
            break
        if g.kind == "percentage":
            m = share_match(ctx, g)
            if m is not None and m.group("whole").strip():
                return m.group("whole"), g
    return "", None


def find_paired_shares(ctx: Context, share_match: Callable, named_whole: Callable, part_before: Callable) -> list[Relation]:
    """Each share of a list opening its clause, over the value the clause before lists in its place (see the module).
    ``share_match``, ``named_whole`` and ``part_before`` are the share readings' own (``finders``)."""
    out: list[Relation] = []
    for p in ctx.figs:
        if p.kind != "percentage" or p.unit != "%" or p.i in ctx.claimed or p.redacted or p.in_name or math.isnan(p.value):
            continue
        if "占" not in p.clause and "比重" not in p.clause:
            continue  # (no share word: the share patterns need not run)
        m = share_match(ctx, p)
        if m is None or p.clause[:m.start()].strip():
            continue  # (a share whose clause names its subject is read with it)
        shares = ctx.listed_after(p)
        values = _values_before(ctx, p, len(shares)) if len(shares) >= 2 else []
        if not values:
            continue
        name, earlier = m.group("whole").strip(), None
        if not name:
            name, earlier = _named_before(ctx, p, share_match)
        # the whole the earlier share named is the one it was read against (民生支出237.86亿元 over 300.55亿元, not a
        # smaller 一般公共预算支出 nearer: the city level's 79.35亿元)
        base = part_before(ctx, earlier) if earlier is not None else None
        whole, firm = (named_whole(ctx, earlier, base, name) if base is not None
                       else named_whole(ctx, p, max(values, key=lambda g: g.value), name) if name else (None, False))
        if whole is None:
            continue
        ctx.claimed.update(g.i for g in shares)
        for share, part in zip(shares, values):
            out.append(_rel(ctx, "share_of", "share", share, [part, whole], cue="占比", firm=firm,
                            cap=ctx.rules.share_max, names=(ctx.name(part), ctx.name(whole))))
    return out

