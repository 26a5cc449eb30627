"""Figures of one full sentence whose names say one is within the other by what they measure (``[[named_bound]]`` of
``data/relations.toml``): value added within gross output (规模以上工业总产值190亿元，…完成工业增加值76.5亿元), a
year's planned investment within the projects' total (计划总投资42.1亿元，年度计划投资17.4亿元), the grain sown within
all crops sown. In one statement the two are of one scope and period, and so in one full sentence when the words
their names carry before the measure name one thing (规模以上工业总产值…；规模以上工业增加值…); those words must never
name two things (农林牧渔业总产值 and 工业增加值 are no pair). The smaller is no larger than the larger, firmly; a new
pair of measures is a data entry.

>>> import summary_mining as sm
>>> sm.audit(text="规模以上工业企业完成总产值190亿元，增长26.1%，完成工业增加值76.5亿元，增长26.9%。")["message"].tolist()
['规模以上工业增加值76.5亿元不高于模以上工业企业完成总产值190亿元：一致']
"""
from __future__ import annotations

from .context import Context, Fig, longest_common
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_named_bounds"]

#: Characters two names' words before their measure must share to name one thing (规模以上工业 / 工业).
SAME_THING_CHARS = 2


def _head(label: str, names: tuple[str, ...]) -> str | None:
    """``label`` less the name of ``names`` it ends with (规模以上工业增加值 -> 规模以上工业), or None."""
    return next((label[:-len(n)] for n in names if label.endswith(n)), None)


def _plain(ctx: Context, head: str) -> str:
    """``head`` less the words that say nothing of what is measured (完成, 全市: ``[named_bounds] plain_words``)."""
    for w in ctx.rules.named_bound_plain:
        head = head.replace(w, "")
    return head


def _one_thing(ctx: Context, a: str, b: str, *, named: bool) -> bool:
    """The words before two measures name one thing, or — unless ``named`` — one of them names nothing (完成总产值)."""
    a, b = _plain(ctx, a), _plain(ctx, b)
    return (not named and (not a or not b)) or longest_common(a, b) >= SAME_THING_CHARS


def find_named_bounds(ctx: Context) -> list[Relation]:
    """Each figure named by a smaller measure against the nearest figure of its full sentence named by the larger one."""
    out: list[Relation] = []
    named = [g for g in ctx.figs if g.label and not g.redacted and not g.direction and ctx.usable(g)]  # (once, not per bound)
    for smaller, larger in ctx.rules.named_bounds:
        lows: list[tuple[Fig, str]] = []
        highs: dict[int, list[tuple[Fig, str]]] = {}
        for g in named:
            if (head := _head(g.label, smaller)) is not None:
                lows.append((g, head))
            elif (head := _head(g.label, larger)) is not None:
                highs.setdefault(g.stmt, []).append((g, head))
        for g, head in lows:
            # (in one statement; in another of its full sentence only when both name the thing: 规模以上工业总产值…；规模以上
            # 工业增加值… — ；-items may be of other things: 重点项目100个，年度计划投资…；新增中央投资项目98个，总投资…)
            near = [(h, hh) for h, hh in highs.get(g.stmt, [])
                    if h.family == g.family and _one_thing(ctx, head, hh, named=h.sentence != g.sentence)]
            if not near or not ctx.certain(g.stmt):
                continue
            h = min(near, key=lambda x: abs(x[0].start - g.start))[0]
            if (grp := ctx.group_of(g)) is not None and grp.whole is h:
                continue  # (a 其中 part of it: its breakdown reads the two)
            out.append(_rel(ctx, "bound", "bound", h, [g], cue=g.label, firm=True, formula="at_most"))
    return out
