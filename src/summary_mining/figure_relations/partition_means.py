"""A whole's average or change rate against those of the members of a known partition stated after it.

全体居民人均可支配收入36591元，比上年增长4.6%。按常住地分，城镇居民人均可支配收入42689元，增长4.4%；农村居民人均可支配收入
18982元，增长5.1%。 — an average of the whole (人均, a ``non_additive_words`` figure) is the mean of its members', weighted by
their people: it lies between the lowest and the highest of them, firmly. 全年居民消费价格总水平比上年上涨1.6%，其中城市上涨1.4%，
农村上涨1.8% — a price index's change is a weighted mean of its members' too (firm), as is a growth at comparable prices
(地区生产总值增长5.1%。一、二、三产业增加值分别增长4.2%、5%、5.4%). The change of an average (4.6% between 4.4% and 5.1%)
need not be — people move between the members — so it is read only when it holds.

The members are the figures right after the whole (in its full sentence or the next, its paragraph) whose names make up
one complete set of a ``[[partition]]`` of relations.toml (城镇/农村, 城市/农村, 城镇/乡村): a new partition is a data entry.

>>> import summary_mining as sm
>>> text = "全年居民消费价格总水平比上年上涨1.6%，其中城市上涨1.4%，农村上涨1.8%。"
>>> sm.audit(text=text)[["check", "status"]].values.tolist()
[['bound', 'consistent']]
"""
from __future__ import annotations

from typing import Callable

from .context import Context, Fig, longest_common
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_partition_means", "certain_mean"]

#: How many figures after a whole are looked at for its members (their other figures between them read past).
MEMBERS_WINDOW = 8
#: A member's name, its partition word left out, this short names only its change (上涨, 下降).
CHANGE_WORD_CHARS = 2


def certain_mean(ctx: Context, g: Fig) -> bool:
    """Whether ``g``'s change is for certain a weighted mean of its parts' or members': a price index's
    (``[partition_mean] firm_rates``) or a growth at comparable prices (``real_growth_words``: 生产总值, 增加值)."""
    words = f"{g.label}|{g.indicator}|{g.clause}"
    return any(w in words for w in (*ctx.rules.mean_rates, *ctx.rules.real_growth))


def _kind(ctx: Context, g: Fig) -> str:
    """``rate`` (a change rate: 增长4.6%), ``average`` (人均可支配收入36591元) or "" (neither: no mean of members)."""
    if g.redacted or g.in_name or g.qualifier:
        return ""
    if g.kind == "percentage":
        return "rate" if g.unit == "%" and g.direction else ""
    return "average" if any(w in g.label or w in g.clause for w in ctx.rules.non_additive) else ""


def _measures_it(w: Fig, g: Fig, member: str, name_of: Callable[[Fig], str], generic: tuple[str, ...] = ()) -> bool:
    """Member ``g``'s name (its change words left out: ``name_of``), its partition word left out too, names what ``w``
    measures (居民人均可支配收入 of 全体居民人均可支配收入), or nothing (城市上涨 after 居民消费价格总水平比上年上涨1.6%，其中…);
    the ``generic`` words of an average (人均) name no measure (人均生产总值 is no mean of 城镇居民人均可支配收入)."""
    rest = name_of(g).replace(member, "", 1)
    if len(rest) <= CHANGE_WORD_CHARS:
        return True
    whole = name_of(w)
    for word in generic:
        rest, whole = rest.replace(word, "|"), whole.replace(word, "/")
    return longest_common(rest, whole) >= 2


def _members(ctx: Context, w: Fig, kind: str, name_of: Callable[[Fig], str]) -> list[Fig] | None:
    """The figures of ``w``'s kind and unit after it whose names make up one known partition, one at least naming what
    ``w`` measures, in order, ``w`` naming none of its members (接待国内旅游者 is a member of 入境/国内, no whole); None."""
    after = [g for g in ctx.figs[w.i + 1:w.i + 1 + MEMBERS_WINDOW]
             if g.para == w.para and g.stmt <= w.stmt + 1 and g.unit == w.unit and _kind(ctx, g) == kind]
    named = _spelled_out(ctx, after)
    for size in sorted({len(p) for p in ctx.rules.partitions}):
        for k in range(len(after) - size + 1):
            run = after[k:k + size]
            names = [named.get(g.i) or f"{g.label}|{g.clause}" for g in run]  # (a label may lose a member's word)
            pk = ctx.rules.partition_named(names)
            whole = w.label or w.clause
            if pk is None or any(m in f"{w.label}|{w.clause}" for m in ctx.rules.partitions[pk]) \
                    or ctx.rules.disjoint([whole, *(g.label or g.clause for g in run)]):
                continue  # (a sibling class of one classification: 农林牧渔业 before 工业, 建筑业 — no whole of them)
            members = [next((m for m in ctx.rules.partitions[pk] if m in n), "") for n in names]
            if not all(members):
                continue  # (one name holding two members, another none: no member each)
            # the partition's whole named (生产总值 for 第一/二/三产业), or one member naming the measure (the others'
            # names may be their own: 燃气及水生产和供应业)
            own = [x for x in ctx.rules.measure_words if x in whole]
            if own and any(x in name_of(g).replace(m, "", 1) and x not in own
                           for g, m in zip(run, members) for x in ctx.rules.measure_words):
                continue  # (夏粮产量下降1.7% measures output: no member of 粮食种植面积比上年下降0.7%, which measures area)
            if ctx.rules.names_whole(pk, whole) or any(_measures_it(w, g, m, name_of, ctx.rules.non_additive)
                                                       for g, m in zip(run, members)):
                return run
    return None


def _spelled_out(ctx: Context, figs: list[Fig]) -> dict[int, str]:
    """Each figure of a run sharing one name that stands for several parts in order (一、二、三产业增加值分别增长4.2%、
    5%、5.4%: ``[share] collective`` of relations.toml) -> its part's name (第一产业增加值增长, …)."""
    out: dict[int, str] = {}
    k = 0
    while k < len(figs):
        n = 1
        while k + n < len(figs) and figs[k + n].label == figs[k].label:
            n += 1
        key, parts = next(((c, ps) for c, ps in ctx.rules.share_collective if c in figs[k].label and len(ps) == n),
                          ("", ()))
        for g, part in zip(figs[k:k + n], parts):
            out[g.i] = g.label.replace(key, part)
        k += n
    return out


def find_partition_means(ctx: Context, name_of: Callable[[Fig], str]) -> list[Relation]:
    """Each average or change rate of a whole against its partition members' (see the module's docstring);
    ``name_of(g)`` is what a figure measures, its change words left out (农村居民人均可支配收入增长 -> 农村居民人均可支配收入)."""
    out: list[Relation] = []
    used: set[int] = set()
    for w in ctx.figs:
        kind = _kind(ctx, w)
        if not kind or w.i in used:
            continue
        if any(_kind(ctx, g) == kind and g.unit == w.unit for g in ctx.figs[max(0, w.i - MEMBERS_WINDOW):w.i]
               if g.stmt == w.stmt):
            continue  # a later item of a list in its full sentence (生产资料价格下降5.3%,生活资料价格下降3.1%;从轻重工业看，…)
        if (w.label or w.clause).startswith(tuple(n for ps in ctx.rules.partitions for n in ps)):
            continue  # a member of a list itself (国有企业…, 工业投资…, 城镇居民人均…), no whole (规模以上工业 is one)
        run = _members(ctx, w, kind, name_of)
        if run is None:
            continue
        used.update(g.i for g in run)
        ordered = sorted(run, key=lambda g: -abs(g.value) if g.direction == "-" else g.value)
        # an average's level is a weighted mean of the members' for certain, and so are some changes (certain_mean)
        firm = kind == "average" or certain_mean(ctx, w)
        out.append(_rel(ctx, "bound", "bound", w, [ordered[0], ordered[-1]], formula="between", firm=firm,
                        cue="、".join(g.label or g.clause for g in run)))
    return out
