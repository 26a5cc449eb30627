"""Counts of things that reached a state, named by the state's verb only, after a count of those things in its full
sentence: 引进亿元以上项目38个,开工31个,试投产12个 — the 31 started are among the 38, the 12 in trial production among
the 31 started. Each is a ``bound`` of the count before it (no larger), read only when it holds: which things a verb
counts is a reading (the started may include older projects). The verbs and the words that may stand before them
are data (``[state_subset]`` of ``data/relations.toml``).

>>> import summary_mining as sm
>>> sm.audit(text="全年引进亿元以上项目38个,开工31个,试投产12个。")["message"].tolist()
['开工31个不高于亿元以上项目38个：一致', '试投产12个不高于开工31个：一致']
"""
from __future__ import annotations

from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_state_subsets"]

#: What may follow a count that is the things themselves (开工31个, / 。): no noun of its own after it.
_ENDS = frozenset("，,；;。、）)")


def _state(label: str, verbs: frozenset[str], adverbs: tuple[str, ...]) -> str:
    """The state verb ``label`` is, read past the words that may stand before it (首批认定 -> 认定), or ""."""
    trimmed = True
    while trimmed:
        trimmed = False
        for w in adverbs:
            if label.startswith(w) and len(label) > len(w):
                label, trimmed = label[len(w):], True
    return label if label in verbs else ""


def find_state_subsets(ctx: Context) -> list[Relation]:
    """Each count named by a state verb against the count of its unit right before it in its full sentence."""
    rule = ctx.rules.state_subset
    if rule is None:
        return []
    verbs, adverbs = rule
    out: list[Relation] = []
    last: dict[tuple[int, str], Fig] = {}  # (full sentence, unit) -> the count before
    for g in ctx.figs:
        if g.kind != "count" or g.redacted or g.in_name or g.direction or g.qualifier:
            continue
        key = (g.stmt, g.unit)
        before = last.get(key)
        last[key] = g
        verb = _state(g.label, verbs, adverbs)
        if not verb or before is None or ctx.is_target(before) != ctx.is_target(g) or before.family != g.family \
                or ctx.text[g.end:g.end + 1] not in _ENDS or any(w in before.label for w in ctx.rules.flow_words):
            continue  # (建成100个物业示范项目: the count's noun after it, other things; 新开工300个、完工200个: what was
            # completed need not have started this year)
        if g.value <= before.value + g.half_base and not _rate_stated(ctx, g, verb):  # (read when it holds)
            out.append(_rel(ctx, "bound", "bound", before, [g], cue=verb, firm=False, formula="at_most"))
    return out


def _rate_stated(ctx: Context, g: Fig, verb: str) -> bool:
    """The statement states the verb's rate (签约项目20个，已履约18个，履约率95%): the rate reads the two counts."""
    rate = verb + "率"
    return any(h.kind == "percentage" and rate in h.label for h in ctx.figs[g.i + 1:g.i + 4] if h.stmt == g.stmt)
