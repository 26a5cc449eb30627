"""Growth against the same measure stated earlier for the year before: a budget report states this year's
execution (全市地方一般公共预算收入完成62.57亿元) and, in next year's plan, the new level and its change
(全市地方一般公共预算收入56.87亿元，下降9.1%; 收入667,301万元，比上年增收13,068万元: the difference). The base is the nearest of the few earlier figures under the same
name that gives the rate (the 全市 and 市本级 sections of a report name their figures alike); failing one, the nearest
earlier level whose name shares a few words with it that does (named otherwise in the two years: 全市一般公共预算收入
完成 / 全市地方一般公共预算收入安排), where the figures are precise enough that a coincidence of value is unlikely.

Read only when it holds: the same name may be another year's or another scope's, so a mismatch says nothing and gives
no row — unless the rate's clause says its base is last year's achieved level (比上年完成数增长2%: ``actual_bases`` of
relations.toml) and one level so named stands before it: then that level, firm.

>>> import summary_mining as sm
>>> text = ("一、2025年预算执行情况\\n全市地方一般公共预算收入完成62.57亿元。\\n"
...         "二、2026年预算草案\\n全市地方一般公共预算收入56.87亿元，下降9.1%。")
>>> sm.audit(text=text).query("check == 'growth'")["message"].tolist()
['下降9.1%与 (56.87亿元-62.57亿元)/62.57亿元=-9.11% 一致']

A change stated on its own under a name (其中公务接待较上年同期减少0.58万元，减少4.68%) is the difference of the two
levels stated before under that name in two paragraphs (this year's plan, last year's accounts), read when it is one:

>>> text = ("2022年度“三公”经费预算总计21.8万元，其中：公务接待11.8万元。\\n2021年度“三公”经费合计支出20.12万元，"
...         "其中：公务接待12.39万元。\\n其中公务接待较上年同期减少0.58万元，减少4.68%。")
>>> sm.audit(text=text).query("check in ('difference', 'growth')")["message"].tolist()[-2:]
['公务接待11.8万元与公务接待12.39万元之差 -0.59万元，与所述0.58万元 一致', '下降4.68%与 0.58万元/(11.8万元+0.58万元)=-4.68% 一致']
"""
from __future__ import annotations

import itertools
from typing import Callable

from ..datafiles import code_pattern, rx_search
from .arithmetic import agrees, growth, sum_tolerance
from .context import Context, Fig, longest_common, without_ends
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_prior_levels", "find_changes_of_named_levels"]

#: The shortest name two figures must share to be read as one measure in two years.
MIN_NAME = 4
#: How many earlier levels of that name are tried, nearest first.
CANDIDATES = 3


def _key(name: str, ends: tuple[str, ...]) -> str:
    """A level's name without the words at its end saying it was achieved or planned (``ends``: 完成, 预算数 …), and
    without 预算 (a plan names the fund's budget, 社会保险基金预算收入176.59亿元, what was done the fund's, 社会保险基金
    收入完成166.37亿元)."""
    return without_ends(name, ends).replace(BUDGET, "")


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
            gives = lambda h: agrees(g.value, h.value + sign * change.value, sum_tolerance(g, [h, change]))  # noqa: E731
            before = next((h for h in earlier if gives(h)), None) or _prior_by_value(ctx, g, gives)
            if before is not None:
                out.append(_rel(ctx, "difference_of", "difference", change, [g, before], cue=key, firm=False,
                                formula="difference", sign=sign, names=(ctx.name(g), ctx.name(before))))
        if rate is None:
            continue
        stated = -abs(rate.written) if rate.direction == "-" else rate.written
        # the nearest of the few earlier levels so named that gives the rate (全市 and 市本级 sections name theirs alike)
        before = next((h for h in earlier if agrees(stated, *_growth_tol(g, h, rate), rate.half)), None)
        # (the one level so named before it, in another paragraph, when the rate says its base is last year's achieved
        # level: that level, whether or not the rate holds on it)
        sole = len(named) == 2 and earlier == named[:1] and any(w in rate.clause for w in ctx.rules.actual_bases)
        if before is None and sole:
            before = earlier[0]
        if before is None:
            before = _prior_by_value(ctx, g, _gives_rate(g, rate, stated))
        if before is None:
            continue
        ctx.claimed.add(rate.i)
        out.append(_rel(ctx, "growth_of", "growth", rate, [g, before], cue=key, firm=sole and before is earlier[0],
                        sign=-1.0 if rate.direction == "-" else 1.0))
    return out


#: How far back (figures) a level's growth looks for the level its value points to, and how loose the arithmetic of
#: the two levels' written precision may make the growth (percentage points) for it to be read so.
BY_VALUE_FIGURES = 200
BY_VALUE_SPREAD = 0.2
#: … and how many characters in a row the two levels' names (label and clause) must share: one measure, named otherwise
#: in the two years (市级一般公共预算支出 / 一般公共预算支出执行), not another that happens to give the rate.
BY_VALUE_NAME = 3


def _prior_by_value(ctx: Context, now: Fig, holds: Callable[[Fig], bool]) -> Fig | None:
    """The earlier level, named with a few words of ``now``'s name, that ``now``'s change points to: the nearest amount of
    its family in its article, in another paragraph, that ``holds`` accepts (2026年市级一般公共预算支出安排122.25亿元，增长
    2.11%: the 2025 execution, 一般公共预算支出119.72亿元, sections before). Never firm."""
    for h in ctx.figs[max(0, now.i - BY_VALUE_FIGURES):now.i][::-1]:
        if h.article != now.article:
            break
        if h.para == now.para or h.family != now.family or h.kind != "amount" or h.direction or h.redacted \
                or not ctx.usable(h) or h.qualifier or not h.value \
                or longest_common(f"{now.label}|{now.clause}", f"{h.label}|{h.clause}") < BY_VALUE_NAME:
            continue
        if holds(h):
            return h
    return None


def _gives_rate(now: Fig, rate: Fig, stated: float) -> Callable[[Fig], bool]:
    """Whether a level gives ``now``'s growth ``rate`` as written — for a rate written to a tenth or finer, and levels
    precise enough that its arithmetic spreads by at most :data:`BY_VALUE_SPREAD` points."""
    def holds(h: Fig) -> bool:
        c, tol = _growth_tol(now, h, rate)
        return bool(rate.f.decimals) and tol - rate.half <= BY_VALUE_SPREAD and agrees(stated, c, tol)
    return holds


#: How many earlier levels under a change's name are paired, nearest first.
NAMED_LEVELS = 6
#: The shortest name a change and its levels must share.
MIN_CHANGE_NAME = 2


def _change_name(ctx: Context, change: Fig) -> str:
    """The name a change is stated under: its label up to the comparison (公务接待较上年同期减少 -> 公务接待), or ""
    when its label makes no comparison."""
    label = change.label
    year = rx_search(_COMPARED_WITH_YEAR, label)
    k = min([i for w in ctx.rules.prior_words if (i := label.find(w)) > 0] + ([year.start()] if year else []),
            default=-1)
    return label[:k] if k >= MIN_CHANGE_NAME else ""


#: A comparison with a year named by its number (经费预算较2021年度增加).
_COMPARED_WITH_YEAR = code_pattern(r"(?:较|比|与)(?:19|20)[0-9]{2}年")


def _names_level(name: str, label: str) -> bool:
    return len(label) >= MIN_CHANGE_NAME and (label.endswith(name) or name.endswith(label))


def find_changes_of_named_levels(ctx: Context) -> list[Relation]:
    """A change stated with no level of its own in its sentence (其中公务接待较上年同期减少0.58万元，减少4.68%): the
    difference of two levels stated before under its name in two other paragraphs (公务接待11.8万元 in this year's
    plan, 12.39万元 in last year's accounts), and the rate after it that change over the level it left. Read only when
    it holds, never firm: which two levels are meant is a reading."""
    out: list[Relation] = []
    for d in ctx.figs:
        if d.kind != "amount" or d.direction not in ("+", "-") or d.redacted or d.in_name or d.qualifier \
                or d.i in ctx.claimed:
            continue
        name = _change_name(ctx, d)
        if not name or any(g.family == d.family and not g.direction
                           for g in ctx.between(ctx.sentence_start(d), d.start)):
            continue  # (a level stated before it in its sentence: the templates and find_prior_levels read that)
        levels = list(itertools.islice(
            (g for g in ctx.nearest_before(d) if g.article == d.article and g.para != d.para and g.family == d.family
             and not g.direction and not g.redacted and not g.qualifier and _names_level(name, g.label)), NAMED_LEVELS))
        sign = -1.0 if d.direction == "-" else 1.0
        pair = next(((now, before) for now, before in itertools.permutations(levels, 2) if now.para != before.para
                     and agrees(now.value, before.value + sign * d.value, sum_tolerance(now, [before, d]))), None)
        if pair is None:
            continue
        now, before = pair
        out.append(_rel(ctx, "difference_of", "difference", d, [now, before], cue=name, firm=False,
                        formula="difference", sign=sign, names=(ctx.name(now), ctx.name(before))))
        rate = _rate_after(ctx, d)
        if rate is not None and rate.direction == d.direction:
            ctx.claimed.add(rate.i)
            out.append(_rel(ctx, "growth_of", "growth", rate, [now, d], cue=name, firm=False,
                            formula="growth_by_difference", sign=sign))
    return out
