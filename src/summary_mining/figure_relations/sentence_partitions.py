"""Breakdowns by sentences: a whole stated first in one statement (to 。！？；), and its parts — one complete set of a
known partition whose whole it names (``[[partition]]`` with ``wholes`` in ``data/relations.toml``) — each stated
first in a later statement of the same paragraph, with no 其中 to say so (2025年全市一般公共预算收入完成278.26亿元…。
税收收入完成201.46亿元…。其中：增值税…。非税收入完成76.81亿元…).

Firm: the partition's names say the parts make up the whole, and the paragraph keeps them together. A statement
that names the whole's measure again (another scope's 一般公共预算收入) ends the search; a whole that a 其中 lists
as a part, or that a 其中 or a cue already breaks down, is left to those.

>>> import summary_mining as sm
>>> text = ("2025年全市一般公共预算收入完成278.26亿元，下降16.25%。税收收入完成201.46亿元，下降14.31%。其中：增值税下降18.18%。"
...         "非税收入完成76.81亿元，下降20.94%。")
>>> [m for m in sm.audit(text=text)["message"] if "所列" in m]
['一般公共预算收入278.26亿元与其后分句所列 201.46亿元+76.81亿元=278.27亿元 一致']
"""
from __future__ import annotations

from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation
from .rules import class_named

__all__ = ["find_sentence_partitions"]

#: The cue a message shows for such a breakdown.
CUE = "其后分句"


def _first_of_statements(para: list[Fig]) -> list[Fig]:
    """The first figure of each statement of a paragraph's figures, in order."""
    out: list[Fig] = []
    for g in para:
        if not out or g.sentence != out[-1].sentence:
            out.append(g)
    return out


def _parts(ctx: Context, whole: Fig, later: list[Fig], k: int) -> list[Fig] | None:
    """One figure per name of partition ``k``, each the first of a later statement naming it, until a statement
    names the whole's measure again; None when a name is missing or named twice."""
    names = tuple(ctx.rules.partitions[k])
    found: dict[str, Fig] = {}
    for g in later:
        name = g.label or g.clause
        if ctx.rules.names_whole(k, name):
            break
        c = class_named(names, name)
        if c is None or g.family != whole.family or not ctx.addable(g) or g.redacted:
            continue
        if c in found:
            return None
        found[c] = g
    return [found[c] for c in sorted(found, key=lambda c: found[c].start)] if len(found) == len(names) else None


def find_sentence_partitions(ctx: Context) -> list[Relation]:
    """Each whole whose known partition's parts open later statements of its paragraph (see the module)."""
    by_para: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        by_para.setdefault(g.para, []).append(g)
    grouped = {grp.whole.i for grp in ctx.groups}  # (a whole a 其中 or a cue breaks down is read there)
    out = []
    for figs in by_para.values():
        firsts = _first_of_statements(figs)
        for j, whole in enumerate(firsts[:-1]):
            if whole.i in grouped or ctx.group_of(whole) is not None or not ctx.addable(whole) or whole.redacted \
                    or whole.kind != "amount":
                continue  # (a part a 其中 lists is no whole of the parts after it: they break down the whole above)
            name = whole.label or whole.clause
            for k in range(len(ctx.rules.partitions)):
                if not ctx.rules.names_whole(k, name):
                    continue
                parts = _parts(ctx, whole, firsts[j + 1:], k)
                if parts:
                    out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=CUE, exhaustive=True,
                                    firm=ctx.certain(whole.stmt)))
                    break
    return out
