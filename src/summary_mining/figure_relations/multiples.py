"""Multiples: a level stated as so many times another (完成造林绿化栽植任务28130亩,为年度任务7581亩的3.7倍) is the one
over the other, in times. The wording is data (``[multiple] pattern`` of ``data/relations.toml``: the verb, the words
naming the base, 的, the number, 倍); the base is the figure in those words, the level the figure right before the verb in
its statement, of the base's family (not the base of a multiple before it: 为年度任务662亩的16.4倍,为总任务1654亩的6.5倍); a
base named by a time only (是“十五”末的4.6倍) is the level a change written before it went from (由2.9亿元增加到13.4亿元),
the level the one it went to. A multiple is no figure of the document's (the annotation guidelines leave
``2.4倍`` out): its number is a record made for the relation, in percent (3.7倍 = 370 %, to half its last place).

>>> import summary_mining as sm
>>> text = "完成造林绿化栽植任务28130亩,为年度任务7581亩的3.7倍。"
>>> sm.audit(text=text)[["status", "message"]].values.tolist()
[['consistent', '为年度任务7581亩的3.7倍与 造林绿化栽植任务28130亩/目标7581亩=371.06% 一致（推算目标7602.70亩）']]
"""
from __future__ import annotations

from ..datafiles import rx_finditer
from .context import Context, Fig, occurrences
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_multiples"]

#: How many characters before 倍 the wording may start.
WINDOW = 40
#: The word a multiple ends with.
TIMES = "倍"


def find_multiples(ctx: Context) -> list[Relation]:
    """Each multiple whose base and level are stated in its statement (see the module): firm."""
    pattern = ctx.rules.multiple
    if pattern is None:
        return []
    out: list[Relation] = []
    bases: set[int] = set()  # the bases of the multiples read (a second one of a level: 为年度任务…的16.4倍,为总任务…的6.5倍)
    for pos in occurrences(ctx.text, TIMES):
        lo = max(ctx.stmt_start(pos), pos - WINDOW)
        m = next((m for m in rx_finditer(pattern, ctx.text, lo, pos + 1) if m.end() == pos + 1), None)
        if m is None:
            continue
        base = next((g for g in reversed(ctx.between(*m.span("base"))) if ctx.usable(g)), None)
        if base is None:
            # (由2.9亿元增加到13.4亿元,是“十五”末的4.6倍: a base named by its time is the level the change went from)
            base, level = _change_before(ctx, ctx.stmt_start(pos), m.start())
            if base is None:
                continue  # (是去年同期的18倍: no base stated)
        else:
            level = next((g for g in reversed(ctx.between(ctx.stmt_start(pos), m.start()))
                          if ctx.usable(g) and g.i not in bases), None)
        if level is None or level.family != base.family or level.stmt != base.stmt or level.direction:
            continue
        bases.add(base.i)
        # (the number to 倍, in percent: 3.7倍 = 370 %)
        stated = ctx.stated_number(m.start("n"), m.end(), "%", m.group("n"), 100.0, TIMES)
        target = ctx.is_target(base)
        out.append(_rel(ctx, "ratio_of", "completion" if target else "share", stated, [level, base],
                        cue=m.group(0)[:-len(TIMES)].rstrip("0123456789. 的"), firm=True,
                        names=(ctx.name(level), "目标" if target else ctx.name(base))))
    return out


def _change_before(ctx: Context, lo: int, hi: int) -> tuple[Fig | None, Fig | None]:
    """The two levels of a change written ``由A增加到B`` (labels.toml change_from, change_to) whose B is the last value
    from ``lo`` to ``hi``: (A, B), or (None, None) (累计完成投资1008亿元,是“十一五”的2.5倍: the change before is another's)."""
    rules = ctx.label_rules
    figs = [g for g in ctx.between(lo, hi) if ctx.usable(g)]
    if len(figs) < 2:
        return None, None
    a, b = figs[-2:]
    if a.family == b.family and rules.written_as_change(ctx.text, (a.start, a.end), b.start):
        return a, b
    return None, None
