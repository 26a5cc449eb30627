"""Rates listed by name against lists of their inputs by the same names (a ranking bulletin's tables written as text):

    固投亿元以上新签约项目344个,分别为:霍邱县52个、舒城县52个、…、叶集区19个。
    固投亿元以上新签约开工项目285个,分别为:霍邱县45个、金安区43个、…、叶集区17个;
    各县区亿元以上新签约项目开工率分别为:金安区93.5%、叶集区89.5%、…

Each name's rate (``[[rate]]``: 开工率) is its value in the list whose head names the rate's numerator (开工) over its
value in the list whose head names the denominator (签约) but not the numerator; of several such lists, the one whose
head has the most words in common with the rate list's (亿元以上新签约项目, not 10亿元及以上新签约项目). Firm when every
other name's rate holds (then the lists are the right ones, and a name off is a slip); else read only when it holds.

>>> import summary_mining as sm
>>> text = ("全市新签约项目100个,分别为:甲县60个、乙县40个。全市新签约开工项目80个,分别为:乙县30个、甲县50个;"
...         "各县新签约项目开工率分别为:甲县83.3%、乙县75%。")
>>> sm.audit(text=text).query("check == 'rate'")["message"].tolist()
['开工率83.3%与 开工项目50个/签约项目60个=83.33% 一致', '开工率75%与 开工项目30个/签约项目40个=75.00% 一致']
"""
from __future__ import annotations

from dataclasses import dataclass

from ..datafiles import code_pattern, rx_fullmatch, rx_search
from .arithmetic import agrees, firm_by_the_others, ratio
from .context import Context, Fig, longest_common
from .context import make_relation as _rel
from .record import Relation
from .rules import RateRule

__all__ = ["find_named_rates"]

#: What opens a list of values by name after its head (分别为：, 分别是).
_OPENS_LIST = code_pattern(r"分别(?:为|是)[：:]?\s*(?=[^\s，,。；;：:、0-9]{2,12}\s*$)")
#: What may stand between two items of such a list: a separator, then the next item's name.
_NEXT_ITEM = code_pattern(r"[、，,；;]\s*(?P<name>[^\s，,。；;：:、0-9]{2,12})\s*")
_ITEM_SEPARATORS = "、，,；; \t"
#: The word the list opens with (a window without it is read past at once).
_RESPECTIVELY = "分别"
#: The longest name an item may have (霍邱县, 市开发区).
MAX_NAME = 12
#: How far before a list's first value its 分别为 is looked for (the cue and the first name).
LOOK_BACK = MAX_NAME + 6


@dataclass
class _NamedList:
    head: str  # the words of the list's sentence before it (固投亿元以上新签约开工项目285个), figures left in
    values: dict[str, Fig]  # name -> its value
    article: int
    start: int


def _named_lists(ctx: Context) -> list[_NamedList]:
    """Every list of two or more values by name after 分别为 (each value's name: the words after the item before it)."""
    out: list[_NamedList] = []
    k = 0
    figs = ctx.figs
    while k < len(figs):
        g = figs[k]
        lo = max(ctx.sentence_start(g), g.start - LOOK_BACK)
        cue = rx_search(_OPENS_LIST, ctx.text, lo, g.start) if _RESPECTIVELY in ctx.text[lo:g.start] else None
        if cue is None:
            k += 1
            continue
        values = {ctx.text[cue.end():g.start].strip(_ITEM_SEPARATORS): g}
        for f in figs[k + 1:]:
            item = rx_fullmatch(_NEXT_ITEM, ctx.text, figs[k + len(values) - 1].end, f.start)
            if item is None or f.family != g.family or f.stmt != g.stmt or item.group("name") in values:
                break
            values[item.group("name")] = f
        k += len(values)
        if len(values) >= 2:
            out.append(_NamedList(ctx.text[ctx.sentence_start(g):cue.start()], values, g.article, g.start))
    return out


def _rule_of(ctx: Context, head: str) -> RateRule | None:
    return next((r for r in ctx.rules.rates if head.rstrip().endswith(r.name) or r.name in head[-12:]), None)


def _inputs(lists: list[_NamedList], rate: _NamedList, rule: RateRule, numerator: bool) -> _NamedList | None:
    """The list before ``rate`` in its article holding the rate's numerator (or denominator) for its names."""
    def fits(nl: _NamedList) -> bool:
        has_num = any(w in nl.head for w in rule.numerator) and not any(w in nl.head for w in rule.numerator_excluded)
        has_den = any(w in nl.head for w in rule.denominator)
        return (has_num if numerator else has_den and not has_num) and bool(set(rate.values) <= set(nl.values)) \
            and all(f.kind != "percentage" for f in nl.values.values())
    key = rate.head.replace(rule.name, "")
    found = [nl for nl in lists if nl.article == rate.article and nl.start < rate.start and fits(nl)]
    return max(found, key=lambda nl: (longest_common(key, nl.head), nl.start), default=None)


def _agrees(rate: Fig, computed: float, extra: float) -> bool:
    """The rate as written agrees with the computed one, within its rounding and its inputs' (as the audit reads it)."""
    return agrees(rate.written, computed, rate.half + extra, rate.half)


def find_named_rates(ctx: Context) -> list[Relation]:
    """Each rate of a list of rates by name against its inputs listed by the same names (see the module)."""
    lists = _named_lists(ctx)
    out: list[Relation] = []
    for rl in lists:
        if not all(f.kind == "percentage" and f.unit == "%" and not f.redacted for f in rl.values.values()):
            continue
        rule = _rule_of(ctx, rl.head)
        if rule is None:
            continue
        num, den = _inputs(lists, rl, rule, True), _inputs(lists, rl, rule, False)
        if num is None or den is None:
            continue
        triples = [(rl.values[n], num.values[n], den.values[n]) for n in rl.values]
        holding = [bool(d.value) and _agrees(r, *ratio(n, d)) for r, n, d in triples]
        for (r, n, d), firm in zip(triples, firm_by_the_others(holding)):
            if firm is None:
                continue
            ctx.claimed.add(r.i)
            out.append(_rel(ctx, "ratio_of", rule.check, r, [n, d], cue=rule.name, firm=firm, cap=rule.max,
                            names=(rule.numerator_name, rule.denominator_name)))
    return out
