"""Multiples: a level stated as so many times another (完成造林绿化栽植任务28130亩,为年度任务7581亩的3.7倍) is the one
over the other, in times. The wording is data (``[multiple] pattern`` of ``data/relations.toml``: the verb, the words
naming the base, 的, the number, 倍); the base is the figure in those words, the level the figure right before the verb in
its statement, of the base's family. A multiple is no figure of the document's (the annotation guidelines leave
``2.4倍`` out): its number is a record made for the relation, in percent (3.7倍 = 370 %, to half its last place).

>>> import summary_mining as sm
>>> text = "完成造林绿化栽植任务28130亩,为年度任务7581亩的3.7倍。"
>>> sm.audit(text=text)[["status", "message"]].values.tolist()
[['consistent', '为年度任务7581亩的3.7倍与 造林绿化栽植任务28130亩/目标7581亩=371.06% 一致（推算目标7602.70亩）']]
"""
from __future__ import annotations

from ..datafiles import rx_search
from .context import Context, occurrences
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
    for pos in occurrences(ctx.text, TIMES):
        lo = max(ctx.stmt_start(pos), pos - WINDOW)
        m = rx_search(pattern, ctx.text, lo, pos + 1)
        if m is None or m.end() != pos + 1:
            continue
        base = next((g for g in reversed(ctx.between(*m.span("base"))) if ctx.usable(g)), None)
        if base is None:
            continue  # (是去年同期的18倍: no base stated)
        level = next((g for g in reversed(ctx.between(ctx.stmt_start(pos), m.start())) if ctx.usable(g)), None)
        if level is None or level.family != base.family or level.stmt != base.stmt or level.direction:
            continue
        # (the number to 倍, in percent: 3.7倍 = 370 %)
        stated = ctx.stated_number(m.start("n"), m.end(), "%", m.group("n"), 100.0, TIMES)
        target = ctx.is_target(base)
        out.append(_rel(ctx, "ratio_of", "completion" if target else "share", stated, [level, base],
                        cue=m.group(0)[:-len(TIMES)].rstrip("0123456789. 的"), firm=True,
                        names=(ctx.name(level), "目标" if target else ctx.name(base))))
    return out
