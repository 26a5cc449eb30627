"""Parts listed respectively: the members of a known partition named together, then their values listed after 分别
(第一、二、三产业增加值分别为112.46、96.6、348.87亿元), are all of the whole the partition breaks down, stated before them in
the paragraph (地区生产总值557.93亿元): they must add up to it.

The names are read as shares stated respectively read theirs (numbers sharing the first name's head and the last's
tail, a collective name for its members); the whole is the nearest value before of their family whose name names the
partition's whole (``[[partition]] wholes``). Firm: the partition says the parts are all of it.

>>> import summary_mining as sm
>>> text = "2022年全市实现地区生产总值557.93亿元，比上年增长7.8%。第一、二、三产业增加值分别为112.46、96.6、348.87亿元。"
>>> [m for m in sm.audit(text=text)["message"] if "所列" in m]
['地区生产总值557.93亿元与所列 112.46+96.6+348.87亿元=557.93亿元 一致']
"""
from __future__ import annotations

from collections.abc import Callable

from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_respective_parts"]

#: How many figures back the whole is looked for (a paragraph's worth).
WHOLE_BACK = 12


def _whole_before(ctx: Context, first: Fig, k: int) -> Fig | None:
    """The nearest value before ``first``, in its paragraph, of its family whose name names partition ``k``'s whole."""
    for g in reversed(ctx.figs[max(0, first.i - WHOLE_BACK):first.i]):
        if g.para != first.para:
            return None
        if g.family == first.family and ctx.usable(g) and not g.direction and not g.redacted \
                and ctx.is_target(g) == ctx.is_target(first) and ctx.rules.names_whole(k, g.label or g.clause):
            return g
    return None


def find_respective_parts(ctx: Context, respective_names: Callable[[Context, str], list[str]]) -> list[Relation]:
    """Each list of values stated respectively for the members of a known partition, over the whole it breaks down
    (see the module). ``respective_names`` reads the names (``finders._respective_names``)."""
    word = ctx.label_rules.respectively
    out: list[Relation] = []
    for p in ctx.figs:
        if p.kind == "percentage" or word not in p.clause or p.i in ctx.claimed or not ctx.usable(p):
            continue
        names = respective_names(ctx, p.clause[:p.clause.rfind(word)])
        k = ctx.rules.partition_named(names) if len(names) >= 2 else None
        if k is None:
            continue
        parts = ctx.listed_after(p, len(names))
        if len(parts) != len(names) or any(g.direction or g.redacted for g in parts):
            continue
        whole = _whole_before(ctx, p, k)
        if whole is not None and all(g.value <= whole.value for g in parts):
            out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=word + "为", exhaustive=True))
    return out
