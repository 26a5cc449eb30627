"""Quotients stated as a bare number: 城乡居民收入比为2.14 — the urban over the rural per-head disposable income, each the
nearest amount before (:meth:`~.context.Context.amount_before`) whose label ends with one of the rule's names
(``[[quotient]]`` of ``data/relations.toml``; a new quotient is a data entry). The stated number is a record made for the relation (no reported figure of the
document's, like the numbers of structure ratios); the text is read past glosses, padding and soft wraps.

Firm when both operands stand in the quotient's paragraph — for a loose rule (亩产: the nearest output and area may
be of different crops) only when both stand in its full sentence named alike (夏收粮豆面积 / 夏收粮豆总产量).

>>> import summary_mining as sm
>>> text = "城镇居民人均可支配收入58297元，增长4.0%；农村居民人均可支配收入27196元，增长5.5%。城乡居民人均可支配收入比值为2.14。"
>>> [m for m in sm.audit(text=text)["message"] if "2.14" in m]
['城乡居民收入比2.14与 城镇居民人均可支配收入58297元/农村居民人均可支配收入27196元=2.14 一致']
"""
from __future__ import annotations

import os

from ..datafiles import rx_finditer
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_quotients"]


def find_quotients(ctx: Context) -> list[Relation]:
    """Each quotient a ``[[quotient]]`` rule reads, against its two named figures (see the module)."""
    out: list[Relation] = []
    if not ctx.rules.quotients:
        return out
    plain = ctx.plain()
    for rule in ctx.rules.quotients:
        for m in rx_finditer(rule.pattern, plain.plain):
            s, e = plain.at(m.start("ratio")), plain.at(m.end("ratio") - 1) + 1
            # (an operand stated after the quotient, in its paragraph, when none before: 粮食综合单产390.22公斤/亩…。全年粮食总产量
            # 达到30.18万吨)
            num, den = (ctx.amount_before(s, lambda g: _named(g.label, names, rule.excluded), kinds=("amount", "count"))
                        or ctx.amount_before(e, lambda g: _named(g.label, names, rule.excluded), 1, ("amount", "count"), True)
                        for names in (rule.numerator, rule.denominator))
            if num is None or den is None or (num.unit, den.unit) != rule.units if rule.units[0] \
                    else num is None or den is None or num.family != den.family:
                continue  # (one family, or the units the rule names: 亩产 is 吨 over 亩)
            stated = ctx.stated_number(s, e, "")
            para = ctx.para_at(s)
            out.append(_rel(ctx, "ratio_of", "rate", stated, [num, den], cue=rule.name, scale=rule.scale,
                            firm=num.para == para and den.para == para and (not rule.loose or _of_one_thing(ctx, s, num, den)),
                            names=(ctx.name(num), ctx.name(den))))
    return out


#: How many characters two operands' names must open alike with to be of one thing (夏收粮豆面积 / 夏收粮豆总产量).
SAME_THING = 2


def _of_one_thing(ctx: Context, at: int, num: Fig, den: Fig) -> bool:
    """A loose rule's operands (their nearest names may be of different things: 秋粮产量 and 粮食种植面积) are of one when
    both stand in the quotient's full sentence and their names open alike (夏收粮豆面积…夏收粮豆总产量…平均亩产108公斤)."""
    return num.stmt == den.stmt == ctx.stmt_at(at) and len(os.path.commonprefix([num.label, den.label])) >= SAME_THING


def _named(label: str | None, names: tuple[str, ...], excluded: tuple[str, ...]) -> bool:
    return bool(label) and label.endswith(names) and not any(w in label for w in excluded)
