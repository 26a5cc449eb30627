"""Differences named by a word: a figure called what one thing exceeds another by (``[[named_difference]]`` of
``data/relations.toml``). 进出口顺差53.71亿元 is the exports less the imports stated before it; 逆差 the other way.

A new name is a data entry: the word, the words naming the figure taken from (``minuend``) and the one taken
away (``subtrahend``, a target when ``subtrahend_target``: 超收收入 is the income less its budget), and words that
hold those without naming them (进出口 holds 出口).

>>> import summary_mining as sm
>>> text = "全年货物进出口总值1044.37亿元。其中，进口495.33亿元，增长5.7%；出口549.04亿元，增长19.3%。进出口顺差53.71亿元。"
>>> sm.audit(text=text).query("check == 'difference'")["message"].tolist()
['出口549.04亿元与进口495.33亿元之差 53.71亿元，与所述53.71亿元 一致']
"""
from __future__ import annotations

from ..datafiles import rx_sub
from .context import BRACKETED, Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_named_differences"]

#: How many statements back the two figures may stand (the sentences of one paragraph).
STATEMENTS = 4
_LINK = "为是达："


def find_named_differences(ctx: Context) -> list[Relation]:
    """A figure whose label or clause ends with a difference's name (进出口顺差（进口小于出口）53.71亿元) against the nearest
    figures before it in its paragraph that the minuend's and the subtrahend's words name (firm)."""
    rules = ctx.rules.named_differences
    if not rules:
        return []
    out = []
    differences = tuple(r.name for r in rules)
    for d in ctx.figs:
        if d.redacted or d.in_name or not (d.label.endswith(differences) or any(w in d.clause for w in differences)) \
                or ctx.bound(d):
            continue  # (no name of a difference in its words: most figures, read past at once)
        names = (d.label, rx_sub(BRACKETED, "", d.clause).rstrip(_LINK))  # (a bracket opens a clause: its label)
        rule = next((r for r in rules if any(n.endswith(r.name) for n in names)), None)
        if rule is None or d.direction and not d.label.endswith(rule.name):
            continue  # (a change word of the name itself is no change: 自然增长人口1011人)
        found: dict[int, Fig] = {}
        for g in ctx.nearest_before(d):
            if g.para != d.para or d.stmt - g.stmt > STATEMENTS:
                break
            if g.family != d.family or g.redacted or g.direction or g.in_name or ctx.bound(g):
                continue  # (rates of one unit may be taken from each other: 出生率9.2‰ less 死亡率4.3‰)
            words = g.label or g.clause
            if any(w in words for w in rule.excluded):
                continue
            target = ctx.is_target(g)
            for k, names in enumerate((rule.minuend, rule.subtrahend)):
                if k not in found and target == (k == 1 and rule.subtrahend_target) and any(w in words for w in names):
                    found[k] = g
                    break
            if len(found) == 2:
                break
        if len(found) == 2:
            out.append(_rel(ctx, "difference_of", "difference", d, [found[0], found[1]], cue=rule.name,
                            formula="difference", names=(ctx.name(found[0]), ctx.name(found[1]))))
    return out
