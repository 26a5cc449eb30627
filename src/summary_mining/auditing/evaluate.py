"""Check a relation: compute what its operands give, compare with the stated figure within the
tolerance its written precision allows, and say so in Chinese with the arithmetic.

Status: ``consistent``; ``inconsistent`` — beyond tolerance, and the figures stand where the wording
puts them (``Relation.firm``) and none is approximate; ``unverifiable`` — the text asserts the
relation but an operand is missing (``Relation.missing``), redacted (xx亿元), approximate, or its place
uncertain. An open list (其中 …, 等) whose parts stay within the total is consistent.

>>> import summary_mining as sm
>>> sm.audit(text="签约项目10个，履约项目9个，履约率90﹪。").loc[0, "message"]
'履约率90﹪与 履约项目9个/签约项目10个=90.00% 一致'
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from ..figure_relations.arithmetic import agrees, growth, growth_by_change, ratio, rounding, sum_tolerance
from ..figure_relations.context import Context, Fig
from ..figure_relations.record import Relation

__all__ = ["evaluate", "CONSISTENT", "INCONSISTENT", "UNVERIFIABLE"]

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
NAN = float("nan")
#: Breakdown cues that are a verb alone (为/是 before a list): the message names no cue.
_VERB_CUES = frozenset({"为", "是", "分别为", "分别是"})
_WORD = {CONSISTENT: "一致", INCONSISTENT: "不一致", UNVERIFIABLE: "无法确认"}

Row = dict[str, Any]


def _fmt(x: float, decimals: int = 2) -> str:
    return "?" if math.isnan(x) else f"{x:.{decimals}f}"


def _pct(x: float, stated: Fig) -> str:
    return f"{_fmt(x, max(2, stated.f.decimals))}%"


def _amount(base_value: float, ref: Fig) -> str:
    """A base-unit value written in ``ref``'s unit: 103000000 -> 103万元 (for ref 100万元)."""
    w = base_value / ref.factor
    d = max(ref.f.decimals, 0)
    text = f"{w:.{d}f}" if abs(w - round(w, d)) < 1e-9 else f"{w:.{d + 2}f}".rstrip("0").rstrip(".")
    return f"{text}{ref.unit_text}"


def _verdict(ok: bool, firm: bool, approximate: bool) -> str:
    if ok:
        return CONSISTENT
    return INCONSISTENT if firm and not approximate else UNVERIFIABLE


def _row(ctx: Context, rel: Relation, status: str, stated: float, computed: float, tol: float, message: str,
         evidence: list[Fig]) -> Row:
    ev = ctx.evidence([(g.start, g.end) for g in evidence] + [(s, e) for s, e, _ in rel.items])
    ev = list(dict.fromkeys(ev))
    comp = round(computed, 6) if not math.isnan(computed) else NAN
    diff = round(stated - computed, 6) if not math.isnan(stated) and not math.isnan(computed) else NAN
    return {"doc_id": ctx.doc_id, "article": rel.article, "check": rel.check, "status": status,
            "stated": float(stated), "computed": comp, "difference": diff,
            "tolerance": round(tol, 9) if not math.isnan(tol) else NAN, "message": message, "evidence": ev}


def evaluate(ctx: Context, rel: Relation) -> Row:
    """The audit row of one relation."""
    figs = ctx.by_record
    stated = figs[id(rel.stated)] if rel.stated is not None else None
    ops = [figs[id(f)] for f in rel.operands]
    if rel.relation in ("ratio_of", "share_of"):
        return _ratio_row(ctx, rel, stated, ops)
    if rel.relation == "total_of" or rel.check == "sum":  # (a balance of several items: 收入 - 支出 - 上解 = 结转)
        return _total_row(ctx, rel, stated, ops)
    if rel.relation == "count_of":
        return _count_row(ctx, rel, stated)
    if rel.relation in ("growth_of", "difference_of"):
        return _change_row(ctx, rel, stated, ops)
    if rel.relation == "bound":
        return _bound_row(ctx, rel, stated, ops)
    return _same_row(ctx, rel, stated, ops)


def evaluate_all(ctx: Context, rels: list[Relation]) -> list[Row]:
    """The audit rows of a document's relations. Ratios read only when they hold (not ``firm``: the whole may be
    another's) are held to their siblings — the other ratios of the same check and cue over the same whole (苏南、苏中、
    苏北地区实际使用外资分别占全省的60.7%、20.7%、18.6%): when two or more of them hold and only one does not, that one
    is a slip in a series read right, and inconsistent (as :func:`~summary_mining.figure_relations.arithmetic.firm_by_the_others`).

    >>> import summary_mining as sm
    >>> text = ("全省实际使用外资233.2亿美元。苏南地区实际使用外资161.5亿美元，占全省总量的60.7%；苏中地区实际使用外资48.2亿美元，"
    ...         "占全省总量的20.7%；苏北地区实际使用外资43.5亿美元，占全省总量的18.6%。")
    >>> sm.audit(text=text)["status"].tolist()
    ['inconsistent', 'consistent', 'consistent']
    """
    rows = [evaluate(ctx, r) for r in rels]
    siblings: dict[tuple[str, int, int, str], list[int]] = {}
    for k, r in enumerate(rels):
        if r.relation in ("share_of", "ratio_of") and len(r.operands) == 2 and r.stated is not None:
            siblings.setdefault((r.check, r.operands[1].start, r.operands[1].end, r.cue), []).append(k)
    for members in siblings.values():
        if len(members) < 3:
            continue
        failed = [k for k in members if rows[k]["status"] != CONSISTENT]
        if len(failed) == 1 and not rels[failed[0]].approximate:
            # (firm or not: a firm share far off its whole reads as another whole's, unless its siblings hold it)
            k = failed[0]
            rows[k] = evaluate(ctx, replace(rels[k], firm=True, held=True))
    return rows


class _Listed:
    """Figures listed earlier taken together as one part (上述三者合计占…的48.3%)."""

    def __init__(self, figs: list[Fig]) -> None:
        self.figs = figs
        self.value = sum(g.value for g in figs)
        self.half_base = sum(g.half_base for g in figs)
        self.kind = figs[0].kind
        self.factor = figs[0].factor
        self.unit_text = figs[0].unit_text
        self.f = figs[0].f
        self.redacted = any(g.redacted for g in figs)
        self.surface = "+".join(g.surface for g in figs)


#: A share this many times off its computed value (either way) is read against another whole, not a slip.
SHARE_ASTRAY = 2.0


def _ratio_row(ctx: Context, rel: Relation, p: Fig, ops: list[Fig]) -> Row:
    head = rel.cue if rel.check != "share" else f"{rel.cue}的" if rel.cue and p.unit_text == "倍" else "占比"  # (是上年的4.6倍)
    cap = rel.cap
    over = cap is not None and p.written - p.half > cap
    if rel.missing or len(ops) < 2:
        if over:
            msg = f"{head}{p.surface}超过{_fmt(cap, 0)}%，{'部分不能大于整体' if rel.check == 'share' else '不合常理'}"
            return _row(ctx, rel, INCONSISTENT, p.written, NAN, p.half, msg, [p, *ops])
        if rel.check == "completion" and ops:
            part = ops[0]
            implied = part.value / (p.value / 100) if p.value else NAN
            shown = f"{_fmt(implied / part.factor, max(2, part.f.decimals))}{part.unit_text}" if not math.isnan(implied) else "?"
            msg = f"{rel.cue}的{p.surface}：按{rel.names[0]}{part.surface}推算目标约{shown}，文中未见该目标数值，无法核对"
        elif rel.check == "share":
            msg = f"占比{p.surface}：未找到{rel.missing}数值，无法核对"
        else:
            msg = f"{head}{p.surface}：未找到{rel.missing}，无法核对"
        return _row(ctx, rel, UNVERIFIABLE, p.written, NAN, p.half, msg, [p, *ops])
    if rel.formula == "complement":  # (those done over those done and those not: 33 / (33 + 17))
        part, whole = ops[0], _Listed(ops)
    else:
        *listed, whole = ops
        part = listed[0] if len(listed) == 1 else _Listed(listed)
    if part.redacted or whole.redacted:
        msg = f"{head}{p.surface}：{part.surface}或{whole.surface}为脱敏数字，无法核对"
        return _row(ctx, rel, UNVERIFIABLE, p.written, NAN, p.half, msg, [p, *ops])
    if not whole.value:  # a base of 0 (签约项目0个): no rate to compute
        msg = f"{head}{p.surface}：基数{whole.surface}为0，无法计算比例"
        return _row(ctx, rel, UNVERIFIABLE, p.written, NAN, p.half, msg, [p, *ops])
    c, extra = ratio(part, whole)
    c, extra = c * rel.scale / 100, extra * rel.scale / 100  # (每万人口…: part / people × 10000)
    tol = p.half + extra
    ok = agrees(p.written, c, tol, 0.0 if rel.forced else p.half) and not over
    # a share off by more than half of itself is more likely of another whole than a slip (占…比重 read against the
    # wrong figure): no verdict — unless its siblings hold that whole (evaluate_all)
    astray = rel.check == "share" and not ok and not over and not rel.held and not SHARE_ASTRAY * c > p.written > c / SHARE_ASTRAY
    status = _verdict(ok, (rel.firm or over) and not astray, rel.approximate)
    if rel.check == "completion":
        implied = part.value / (p.value / 100) if p.value else NAN
        shown = f"{_fmt(implied / part.factor, max(2, part.f.decimals))}{part.unit_text}" if not math.isnan(implied) else "?"
        msg = (f"{rel.cue}的{p.surface}与 {rel.names[0]}{part.surface}/目标{whole.surface}={_pct(c, p)} "
               f"{_WORD[status]}（推算目标{shown}）")
    else:  # (a figure per head: part / people × 10000, in its own unit)
        times, shown = ("", _pct(c, p)) if rel.scale == 100 and p.unit_text else \
            ("" if rel.scale == 1 else f"×{_fmt(rel.scale, 0)}", f"{_fmt(c, max(2, p.f.decimals))}{p.unit_text}")
        # (a bare quotient per hundred, 性别比107.50 = 男性/女性×100: no percent sign)
        msg = f"{head}{p.surface}与 {rel.names[0]}{part.surface}/{rel.names[1]}{whole.surface}{times}={shown} {_WORD[status]}"
    if over:
        msg += f"（{head}超过{_fmt(cap, 0)}%）"
    elif status != CONSISTENT:
        msg += f"（相差{_fmt(p.written - c, max(2, p.f.decimals))}个百分点，容差{_fmt(tol, 4)}）"
        if rel.forced:
            msg += "（结构各项合计恰为100，或为凑整所致）"
    return _row(ctx, rel, status, p.written, c, tol, msg, [p, *ops])


def _plus(parts: list[Fig], minus: tuple[int, ...] = ()) -> str:
    return "".join(("-" if k in minus else "+" if k else "") + p.surface for k, p in enumerate(parts))


def _total_row(ctx: Context, rel: Relation, w: Fig | None, parts: list[Fig]) -> Row:
    if rel.check == "share_total":
        total = sum(s.value for s in parts)
        tol = sum(s.half for s in parts)
        status = _verdict(agrees(100.0, total, tol, 0), rel.firm, rel.approximate)
        msg = f"{rel.names[0]}{rel.names[1]}各分项占比 {_plus(parts)}={_fmt(total, 2)}% 与100% {_WORD[status]}"
        return _row(ctx, rel, status, 100.0, total, tol, msg, parts)
    assert w is not None
    name = ctx.name(w)
    if any(p.redacted for p in parts):
        what = "的分项" if rel.check == "breakdown" else "：所列分项" if rel.check == "sum" else "：分项"
        head = f"{name}{w.surface}" if rel.check == "breakdown" else f"{rel.cue}{w.surface}" if rel.check == "sum" else f"称完成{w.surface}"
        return _row(ctx, rel, UNVERIFIABLE, w.written, NAN, w.half, f"{head}{what}含脱敏数字，无法核对", [w, *parts])
    s = sum(-p.value if k in rel.minus else p.value for k, p in enumerate(parts))
    tol = sum_tolerance(w, parts)
    ok = agrees(w.value, s, tol)
    if not ok and not rel.exhaustive and s < w.value:
        ok = True  # an open list: its parts need only not exceed the total
    status = _verdict(ok, rel.firm, rel.approximate)
    overlap = rel.check == "breakdown" and not ok and not rel.exhaustive and len(parts) > 1 and not rel.disjoint \
        and not any(p.value > w.value + tol for p in parts) and not _cannot_overlap(ctx, w, parts, tol)
    sides = None
    if overlap:
        # an open list over its total: the parts may overlap (内资企业 and 私营企业; 工业项目, 服务业项目 and 拟落户开发区
        # 项目): each within its whole is all a 其中 asserts, so it holds (one part larger than its whole alone — the
        # finder keeps such a part only when a 其中 names it one of the whole's own measure — has no such excuse, nor
        # do parts naming distinct classes of one classification: 增值税, 企业所得税; 营运货车, 客运车辆)
        status = CONSISTENT
        sides = _two_classifications(w, parts, tol)
    if rel.check == "breakdown":
        cue = "" if rel.cue in _VERB_CUES else rel.cue  # (为罗阳镇14个、…: 与所列, not 与为所列)
        msg = f"{name}{w.surface}与{cue}所列 {_plus(parts, rel.minus)}={_amount(s, w)} {_WORD[status]}"
        if sides is not None:
            msg += f"（分属两种分类：{_plus(sides[0])}、{_plus(sides[1])} 各不超过总数）"
        elif overlap:
            msg += "（各分项均不超过总数；分项之和超过总数，分项应有交叉）"
        elif rel.names:
            msg += f"（其后 {'、'.join(rel.names)} 不计入）"
        elif status == CONSISTENT and not agrees(w.value, s, tol):
            msg += "（分项之和小于总数：所列为其中一部分）"
    elif rel.check == "target_claim":
        how = f"{rel.names[0]}{parts[0].surface}" if rel.names else f"{_plus(parts)}={_amount(s, w)}"
        msg = f"称完成{name}{w.surface}，本项所列 {how} {_WORD[status]}"
        if not ok and s < w.value:
            msg += f"（仅完成{_fmt(s / w.value * 100, 2)}%）"
    else:
        msg = f"{rel.cue}{w.surface}与 {_plus(parts, rel.minus)}={_amount(s, w)} {_WORD[status]}"
        if rel.names:
            msg += f"（{'、'.join(rel.names)} 不计入）"
    return _row(ctx, rel, status, w.written, s / w.factor, tol / w.factor, msg, [w, *parts])


#: How far over their whole the parts naming distinct classes must add up, past its tolerance, to be read as over it: an
#: estimate's parts a little over (预计…38万亩，其中水稻30万亩、玉米7.05万亩、薯类1.57万亩) are no finding.
DISJOINT_OVER = 1.05


def _cannot_overlap(ctx, w: Fig, parts: list[Fig], tol: float) -> bool:
    """An open list over its whole whose ``parts``, named by their labels or by their list items' words, name distinct
    classes (:meth:`~summary_mining.figure_relations.RelationRules.disjoint_parts`), or of which two or more name distinct
    classes of one classification its whole names none of and add up to more than that whole by themselves (博士生、硕士
    研究生、本科生、大专生 over 在校生, whatever the list goes on with): no overlap excuses it."""
    over = w.value * DISJOINT_OVER + tol
    return any(ctx.rules.disjoint_parts(names)
               or any(sum(parts[k].value for k in group) > over for group in ctx.rules.disjoint_groups(names, w.label or ""))
               for names in _part_name_sets(ctx, parts))


def _part_name_sets(ctx, parts: list[Fig]) -> tuple[list[str], list[str]]:
    """The parts' names two ways: by their labels (or clauses), and by the words of each one's list item around its figure
    (:meth:`~summary_mining.figure_relations.Context.item_words`: 1个已完工, 8个在建 — a count's state written after it)."""
    return [p.label or p.clause for p in parts], [ctx.item_words(p) for p in parts]


def _two_classifications(w: Fig, parts: list[Fig], tol: float) -> tuple[list[Fig], list[Fig]] | None:
    """An open list over its whole that is two breakdowns by two classifications, each within the whole: two or
    more parts named by the whole's own noun and parts named otherwise (在谈项目24个，其中，工业项目9个，现代服务业项目14个，
    拟落户县经济开发区9个: 9+14 by sector, 9 by place), else None.

    >>> from types import SimpleNamespace as F
    >>> w = F(label="在谈项目", value=24.0)
    >>> ps = [F(label="工业项目", value=9.0), F(label="现代服务业项目", value=14.0), F(label="拟落户县经济开发区", value=9.0)]
    >>> [[p.value for p in side] for side in _two_classifications(w, ps, 0.0)]
    [[9.0, 14.0], [9.0]]
    """
    head = (w.label or "")[-2:]
    if len(head) < 2:
        return None
    own = [p for p in parts if (p.label or "").endswith(head)]
    other = [p for p in parts if not (p.label or "").endswith(head)]
    if len(own) < 2 or not other or not all(sum(p.value for p in side) <= w.value + tol for side in (own, other)):
        return None
    return own, other


def _count_row(ctx: Context, rel: Relation, g: Fig) -> Row:
    n = len(rel.items)
    ok = n == g.written or (not rel.exhaustive and n <= g.written)
    status = _verdict(ok, rel.firm, rel.approximate)
    shown = "、".join(t for _, _, t in rel.items)
    name = "" if not rel.firm else ctx.name(g)
    msg = f"{name}{g.surface}，列出{n}项（{shown}）{_WORD[status]}"
    if not rel.exhaustive and n < g.written:
        msg += "（列举未完，以“等”结尾）"
    return _row(ctx, rel, status, g.written, float(n), 0.0, msg, [g])


def _signed(g: Fig, sign: float) -> float:
    return -abs(g.written) if sign < 0 else g.written


def _change(g: Fig) -> float:
    """A change rate as a signed number: 下降3.4% is -3.4."""
    return -abs(g.value) if g.direction == "-" else g.value


def _change_row(ctx: Context, rel: Relation, p: Fig, ops: list[Fig]) -> Row:
    a, b = ops
    if a.redacted or b.redacted or p.redacted:
        return _row(ctx, rel, UNVERIFIABLE, p.written, NAN, p.half,
                    f"{p.surface}：所用数字含脱敏数字，无法核对", [p, a, b])
    stated = _signed(p, rel.sign)
    if rel.formula in ("difference", "gap"):
        # a gap between two growth rates reads a decline as negative (下降3.4%，增速低于全州16.3个百分点: -3.4 - 12.9)
        c = ((_change(a) - _change(b)) if rel.formula == "gap" else (a.value - b.value)) / p.factor
        tol = p.half + (rounding(a) + rounding(b)) / p.factor
        ok = agrees(stated, c, tol)
        status = _verdict(ok, rel.firm, rel.approximate)
        # the operands' names when the relation gives them (a balance: 收入…与支出…之差), else a change on the period before
        first, second = rel.names if len(rel.names) == 2 else (ctx.name(a), "上期")
        msg = f"{first}{a.surface}与{second}{b.surface}之差 {_fmt(c, max(p.f.decimals, 2))}{p.unit_text}，与所述{p.surface} {_WORD[status]}"
        return _row(ctx, rel, status, stated, c, tol, msg, [p, a, b])
    if rel.formula == "cagr":  # an average yearly growth: (now / before) ** (1 / years) - 1, its bounds from rounding
        c = growth_rate(a.value, b.value, rel.years)
        lo = growth_rate(a.value - a.half_base, b.value + b.half_base, rel.years)
        hi = growth_rate(a.value + a.half_base, b.value - b.half_base, rel.years)
        if c != c or lo != lo or hi != hi:
            return _row(ctx, rel, UNVERIFIABLE, p.written, NAN, p.half, f"{p.surface}：所用数字无法计算年均增速", [p, a, b])
        err = max(abs(hi - c), abs(c - lo))
        shown = f"({a.surface}/{b.surface})^(1/{rel.years})-1"
    elif rel.formula == "growth_by_difference":
        diff = abs(b.value) * (-1.0 if rel.sign < 0 else 1.0)
        c, err = growth_by_change(a.value, diff, rounding(a), rounding(b))  # (exact counts: 58起, 减少6起)
        shown = f"{_plus([b])}/({a.surface}{'+' if diff < 0 else '-'}{b.surface})"
    else:
        before = b.value
        c, err = growth(a.value, before, rounding(a), rounding(b))
        shown = f"({a.surface}-{b.surface})/{b.surface}"
    tol = p.half + err
    ok = agrees(stated, c, tol, p.half)
    real = _at_comparable_prices(ctx, a, b)
    status = _verdict(ok, rel.firm and not real, rel.approximate)
    # (a surface written with its sign, -6.76% in a table, needs no word for its direction)
    word = "" if p.surface.lstrip()[:1] in "-－−+" else "增长" if stated >= 0 else "下降"
    msg = f"{word}{p.surface}与 {shown}={_fmt(c, max(2, p.f.decimals))}% {_WORD[status]}"
    if status != CONSISTENT:
        msg += f"（相差{_fmt(stated - c, max(2, p.f.decimals))}个百分点，容差{_fmt(tol, 4)}）"
        if real:
            msg += "（按可比价格计算的增速，不能由现价总量核对）"
    return _row(ctx, rel, status, stated, c, tol, msg, [p, a, b])


def growth_rate(now: float, before: float, years: int) -> float:
    """The average yearly growth in percent that takes ``before`` to ``now`` in ``years`` (NaN when undefined).

    >>> round(growth_rate(161.1, 77, 5), 2)
    15.91
    """
    if before <= 0 or now <= 0 or years <= 0:
        return NAN
    return ((now / before) ** (1 / years) - 1) * 100


def _at_comparable_prices(ctx: Context, a: Fig, b: Fig) -> bool:
    """True when the levels ``a``, ``b`` (or the level stated just before them in their statement:
    地区生产总值达到13697.5亿元，较…的9323.1亿元增加4374.4亿元) are of a measure whose growth is stated at
    comparable prices (生产总值, 增加值)."""
    first = min(a, b, key=lambda g: g.start)
    levels = [a, b] + [g for g in reversed(ctx.figs[max(0, first.i - 1):first.i])
                       if g.sentence == first.sentence and g.kind == "amount"]
    return any(g.kind == "amount" and any(w in f"{g.label}{g.indicator}{g.clause}" for w in ctx.rules.real_growth)
               for g in levels)


def _bound_row(ctx: Context, rel: Relation, p: Fig, parts: list[Fig]) -> Row:
    """The listed values all reach the stated threshold (``at_least``), or none exceeds the stated ceiling
    (``at_most``: a debt's balance within its limit), or the stated change rate lies between the two listed
    (``between``: a whole's growth between its parts' slowest and fastest)."""
    if rel.formula == "between":
        return _between_row(ctx, rel, p, parts)
    most = rel.formula == "at_most"
    past = [g for g in parts if not g.redacted
            and (g.value > p.value + g.half_base if most else g.value < p.value - g.half_base)]
    unknown = [g for g in parts if g.redacted]
    status = UNVERIFIABLE if unknown and not past else _verdict(not past, rel.firm, rel.approximate)
    edge = (max if most else min)((g.value for g in parts if not g.redacted), default=NAN)
    word = "高于" if most else "低于"
    msg = (f"{ctx.name(parts[0])}{parts[0].surface}不{word}{ctx.name(p) if most else ''}{p.surface}：{_WORD[status]}"
           if len(parts) == 1 else f"所列 {'、'.join(g.surface for g in parts)} 均不{word}{p.surface}：{_WORD[status]}")
    if past:
        msg += f"（{'、'.join(g.surface for g in past)} {word}{p.surface}）"
    return _row(ctx, rel, status, p.written, edge / p.factor if not math.isnan(edge) else NAN, p.half, msg, [p, *parts])


def _between_row(ctx: Context, rel: Relation, p: Fig, ends: list[Fig]) -> Row:
    """A whole's change rate or average against its parts' lowest and highest (a weighted mean of theirs lies between
    them), each end widened by the rounding of both: 地区生产总值增长5.1%, 第一产业4.2% … 第三产业5.4%; 全体居民人均可支配
    收入36591元, 农村18982元 … 城镇42689元."""
    low, high = ends
    lo, hi = _change(low) - low.half - p.half, _change(high) + high.half + p.half
    now = _change(p)
    status = _verdict(lo <= now <= hi, rel.firm, rel.approximate)
    msg = (f"{ctx.name(p)}{p.surface}与各分项 {low.surface}（{_head(low)}）～{high.surface}（{_head(high)}）"
           f"{_WORD[status]}")
    if status != CONSISTENT:
        msg += "（总体为各分项的加权平均，应介于其间）"
    computed = min(max(now, _change(low)), _change(high))
    return _row(ctx, rel, status, now, computed, p.half, msg, [p, low, high])


def _head(g: Fig, chars: int = 10) -> str:
    """A part's name from its start, where parts differ (城镇常住居民…, 农村常住居民…)."""
    name = (g.label or g.clause).strip()
    return name if len(name) <= chars else name[:chars - 2] + "…"


def _same_row(ctx: Context, rel: Relation, g: Fig, ops: list[Fig]) -> Row:
    prev = ops[0]
    tol = max(prev.half_base, g.half_base)
    ok = abs(prev.value - g.value) <= tol
    status = _verdict(ok, rel.firm, rel.approximate)
    msg = (f"{rel.cue}{g.surface} 在后文重述为 {prev.surface}，{_WORD[status]}" if rel.formula == "restated"
           else f"“{rel.cue}”在本节两次出现：{prev.surface} 与 {g.surface}，{_WORD[status]}")
    return _row(ctx, rel, status, g.written, prev.value / g.factor, tol / g.factor, msg, [g, prev])
