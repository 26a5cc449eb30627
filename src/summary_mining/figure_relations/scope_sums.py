"""Scopes summed: a measure stated for a whole, then in the statements right after it for scopes that make it up,
each named by the same measure with another scope word before it, the k-th figure of each in the same place
(来自海口的一般公共预算收入当月完成25.2亿元…；累计完成427.4亿元…。中央级一般公共预算收入当月完成5亿元…，累计完成
188亿元…。省级…当月完成7.1亿元…；累计完成80.6亿元…。我市地方一般公共预算收入当月完成13.1亿元…；累计完成158.9亿元…;
地方公共财政预算收入完成31959万元…。地本级地方公共财政预算收入完成7234万元…；县级地方公共财政预算收入完成24725万元…).

Nothing in the words says the scopes are all of the whole (a list may leave one out), so the reading is kept only when
the figures add up (never an alarm) — or, when the scopes name distinct classes or places that cannot overlap (中央级 /
省级 / 我市地方, ``[[classification]]``), as an open list that may not exceed its whole; a statement whose first figure
names no measure of its own (累计完成427.4亿元) goes on the one before.

>>> import summary_mining as sm
>>> text = ("地方公共财政预算收入完成31959万元，比上年同期增长30.9%。地本级地方公共财政预算收入完成7234万元，"
...         "比上年同期增长17.3%；县级地方公共财政预算收入完成24725万元，比上年同期增长35.6%。")
>>> [m for m in sm.audit(text=text)["message"] if "所列" in m]
['地方公共财政预算收入31959万元与地方公共财政预算收入所列 7234万元+24725万元=31959万元 一致']
"""
from __future__ import annotations

from .arithmetic import NOT_PARTS, agrees, sum_tolerance
from .context import Context, Fig
from .context import common_suffix
from .context import make_relation as _rel
from .record import Relation

__all__ = ["scope_sums"]

#: The cue a message shows for such a breakdown.
CUE = "各级次"
#: How many characters the names of a whole and its scopes must end alike in (一般公共预算收入当月).
MEASURE_CHARS = 4
#: How many scopes a whole may be read with at most (a paragraph of parallel statements stays linear).
MAX_SCOPES = 12


def _units(ctx: Context) -> list[list[Fig]]:
    """The figures that may be added, by statement, in text order; a statement whose first such figure has no name of
    its own (累计完成427.4亿元) is joined to the statement before in its paragraph."""
    units: list[list[Fig]] = []
    for g in ctx.figs:
        if g.kind == "percentage" or g.redacted or g.in_name or g.source == "table" or not ctx.usable(g) \
                or not ctx.addable(g) or ctx.inside_bracket(ctx.sentence_start(g), g.start):
            continue  # (a part in brackets, 市级政府债务限额78.2亿元（其中：开发区6.4亿元）, is no figure of the scope's own)
        last = units[-1] if units else None
        if last is not None and last[-1].sentence == g.sentence:
            last.append(g)
        elif last is not None and not g.label and last[-1].para == g.para:
            last.append(g)
        else:
            units.append([g])
    return units


def _scopes_after(units: list[list[Fig]], k: int) -> list[list[Fig]]:
    """The units right after ``units[k]`` in its paragraph whose first figures are named by its measure with another
    scope word before it (中央级…, 省级…, 我市地方… after 海口的一般公共预算收入当月)."""
    head = units[k][0]
    out: list[list[Fig]] = []
    for u in units[k + 1:k + 1 + MAX_SCOPES]:
        g = u[0]
        if g.para != head.para or g.family != head.family or not g.label or g.label == head.label \
                or common_suffix(g.label, head.label) < MEASURE_CHARS or any(o[0].label == g.label for o in out):
            break
        out.append(u)
    return out


def scope_sums(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` and, for each whole a run of scopes right after it adds up to in the same place, that breakdown
    (see the module); wholes a breakdown already reads are left to it."""
    # (a whole broken down by kind may be broken down by scope too: 债务限额264.3亿元，其中：一般债务…，专项债务…。
    # 市级…78.2亿元…；县区…186.1亿元: the same parts twice are read once)
    summed = {(id(r.stated), tuple(sorted(id(o) for o in r.operands))) for r in relations
              if r.relation == "total_of" and r.stated is not None}
    out = list(relations)
    units = _units(ctx)
    for k, unit in enumerate(units):
        if len(unit[0].label) < MEASURE_CHARS:
            continue
        scopes = _scopes_after(units, k)
        if len(scopes) < 2:
            continue
        for j, whole in enumerate(unit):
            parts = [u[j] for u in scopes if j < len(u) and u[j].family == whole.family]
            if len(parts) != len(scopes) or (id(whole.f), tuple(sorted(id(p.f) for p in parts))) in summed \
                    or any(p.value > whole.value for p in parts):
                continue
            if agrees(whole.value, sum(p.value for p in parts), sum_tolerance(whole, parts)):
                out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=CUE, firm=False))
            elif sum(p.value for p in parts) <= NOT_PARTS * whole.value and _distinct_scopes(ctx, whole, parts):
                # scopes naming distinct classes or places (中央级 / 省级 / 我市地方) cannot overlap: over the whole is a slip
                out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=CUE, exhaustive=False, disjoint=True))
    return out


def _distinct_scopes(ctx: Context, whole: Fig, parts: list[Fig]) -> bool:
    """The words before the measure all ``parts`` are named by (中央级 of 中央级一般公共预算收入当月) name distinct classes of
    one classification, or distinct places (``RelationRules.disjoint``), of which the whole's words name none (来自海口的:
    教育支出 after 社会保障和就业支出 is its sibling, not its part)."""
    labels = [p.label for p in parts]
    shared = min(common_suffix(lab, whole.label) for lab in labels)
    if shared < MEASURE_CHARS:
        return False
    scopes = [lab[:len(lab) - shared] for lab in labels]
    return ctx.rules.disjoint(scopes) and not ctx.rules.disjoint([whole.label[:len(whole.label) - shared], *scopes])
