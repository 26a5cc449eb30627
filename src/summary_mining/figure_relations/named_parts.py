"""Parts named by their whole's name with a word before it, in the full sentence after the whole's, no cue.

年末基本养老保险参保人数599.57万人，比上年增加22.08万人。城镇企业职工基本养老保险参保人数344.63万人，城乡居民基本养老
保险参保人数232.64万人，机关事业单位基本养老保险参保人数22.3万人。 — the figures opening the next full sentence whose
names each end with the whole's name (基本养老保险参保人数), each with its own words before it, are parts of it. No word
says the list is complete, so they are read when they add up (never firm: a mismatch says nothing); when their words
name a known partition (``[[partition]]``) or distinct classes of one classification (``[[classification]]``) they are
parts for certain, all of it or some of it.

>>> import summary_mining as sm
>>> text = ("年末基本养老保险参保人数599.57万人。城镇企业职工基本养老保险参保人数344.63万人，城乡居民基本养老保险参保人数"
...         "232.64万人，机关事业单位基本养老保险参保人数22.3万人。")
>>> sm.audit(text=text)[["check", "status"]].values.tolist()
[['breakdown', 'consistent']]
"""
from __future__ import annotations

from .arithmetic import agrees, sum_tolerance
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_named_parts"]

#: The fewest characters of a whole's name its parts' names must end with, and of the words before it in each.
NAME_CHARS = 4
PREFIX_CHARS = 2
#: How many figures after a whole are looked at for its parts (their rates and changes between them included).
PARTS_WINDOW = 24


def _parts_after(ctx: Context, w: Fig) -> list[Fig]:
    """The figures of ``w``'s family opening the next full sentence named ``w``'s name with words before it (figures
    of other families, percentages and changes between them read past)."""
    nxt = [g for g in ctx.figs[w.i + 1:w.i + 1 + PARTS_WINDOW] if g.stmt == w.stmt + 1]
    out: list[Fig] = []
    for g in nxt:
        if g.family != w.family or g.direction or g.kind == "percentage":
            continue
        if not (g.label.endswith(w.label) and len(g.label) >= len(w.label) + PREFIX_CHARS) or not ctx.addable(g) \
                or g.redacted or ctx.group_of(g) is not None:
            break
        out.append(g)
    return out


def find_named_parts(ctx: Context, partition, disjoint) -> list[Relation]:
    """Each whole against the parts named by its name in the next full sentence (see the module's docstring);
    ``partition(ctx, parts)`` and ``disjoint(ctx, parts)`` say whether their words make up a known partition, or name
    distinct classes of one classification."""
    out: list[Relation] = []
    wholes = {g.whole.i for g in ctx.groups}
    for w in ctx.figs:
        if len(w.label) < NAME_CHARS or w.i in wholes or w.source != "text" or w.kind == "percentage" or w.redacted \
                or not ctx.addable(w) or ctx.group_of(w) is not None:
            continue
        parts = _parts_after(ctx, w)
        if len(parts) < 2 or w.article != parts[0].article or parts[0].para > w.para + 1:
            continue
        heads = {g.label[:len(g.label) - len(w.label)] for g in parts}
        if len(heads) != len(parts):
            continue
        adds_up = agrees(w.value, sum(g.value for g in parts), sum_tolerance(w, parts))
        complete, classes = partition(ctx, parts), disjoint(ctx, parts)
        if not (adds_up or classes):
            continue
        out.append(_rel(ctx, "total_of", "breakdown", w, parts, cue=w.label, firm=classes and ctx.certain(w.stmt),
                        exhaustive=adds_up or complete))
    return out
