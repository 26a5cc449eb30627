"""Series stated respectively: values listed after 分别 (or 各), then their changes and their change rates listed
the same way in the same full sentence or the next of its paragraph (城镇、农村居民人均可支配收入分别为38512元、
19870元，分别增加1868元、1335元，分别增长5.1%、7.2%). The k-th change and the k-th rate are the k-th value's: each rate
is its change over the level it left, ``change / (value - change)``.

Firm when every other member of the series holds (the series is read in order; one member off while the others hold
is a slip, not a misreading); otherwise read only when it holds. A rate of a measure whose growth is at comparable
prices (生产总值, ``[figures] real_growth_words``) or said to be real (实际增长) is not read: a change in current prices
cannot give it.

>>> import summary_mining as sm
>>> text = "全县城镇、农村居民人均可支配收入分别为38512元、19870元，分别增加1868元、1335元，分别增长5.1%、7.2%。"
>>> sm.audit(text=text).query("check == 'growth'")["message"].tolist()
['增长5.1%与 1868元/(38512元-1868元)=5.10% 一致', '增长7.2%与 1335元/(19870元-1335元)=7.20% 一致']
"""
from __future__ import annotations

from .arithmetic import agrees, firm_by_the_others, growth
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_respective_series"]

#: Words that say a list's values go one to each of the names before it, besides ``respectively`` (labels.toml).
EACH = "各"
#: The word saying a growth is real, at comparable prices (实际增长5.1%).
REAL = "实际"


def _opens_series(ctx: Context, g: Fig) -> bool:
    """``g`` opens a list stated respectively: 分别 or 各 ends the words of its clause before it (分别增加, 各下降)."""
    words = g.clause[-6:]
    return ctx.label_rules.respectively in words or EACH in words


def _series(ctx: Context, para_figs: list[Fig]) -> list[list[Fig]]:
    """The lists stated respectively among a paragraph's figures, in order (each of two figures or more)."""
    out: list[list[Fig]] = []
    k = 0
    while k < len(para_figs):
        g = para_figs[k]
        run = ctx.listed_after(g) if _opens_series(ctx, g) else [g]
        if len(run) >= 2:
            out.append(run)
        k += len(run)
    return out


def _holds(level: Fig, change: Fig, rate: Fig, down: bool) -> bool:
    """The rate is the change over the level it left, within the rounding of the three as written (as the audit's
    growth check reads it)."""
    before = level.value - (-change.value if down else change.value)
    c, err = growth(level.value, before, level.half_base, level.half_base + change.half_base)
    return agrees(-abs(rate.written) if down else rate.written, c, rate.half + err, rate.half)


def find_respective_series(ctx: Context) -> list[Relation]:
    """Each rate of a series of values, changes and rates stated respectively, against its value and change (see the
    module)."""
    out: list[Relation] = []
    by_para: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        by_para.setdefault(g.para, []).append(g)
    for figs in by_para.values():
        runs = _series(ctx, figs)
        for a, levels in enumerate(runs):
            if any(g.direction or g.kind == "percentage" or g.redacted for g in levels):
                continue
            n, stmt = len(levels), levels[0].stmt
            later = [r for r in runs[a + 1:a + 3] if len(r) == n and r[0].stmt - stmt <= 1]
            # (the verb opening a list gives every member its direction: 分别增加1868元、1335元)
            changes = next((r for r in later if r[0].direction in ("+", "-") and all(
                g.family == levels[0].family and g.direction in ("", r[0].direction) and not g.redacted for g in r)), None)
            rates = next((r for r in later if r[0].direction in ("+", "-") and all(
                g.kind == "percentage" and g.unit == "%" and g.direction in ("", r[0].direction) and not g.redacted
                for g in r)), None)
            if changes is None or rates is None or any(w in levels[0].label + levels[0].clause or w in rates[0].clause
                                                       for w in (*ctx.rules.real_growth, REAL)):
                continue
            if changes[0].direction != rates[0].direction:
                continue
            down = changes[0].direction == "-"
            triples = [(lv, ch, rt) for lv, ch, rt in zip(levels, changes, rates) if lv.value > ch.value]
            for (lv, ch, rt), firm in zip(triples, firm_by_the_others([_holds(*t, down) for t in triples])):
                if firm is None:
                    continue
                ctx.claimed.add(rt.i)
                out.append(_rel(ctx, "growth_of", "growth", rt, [lv, ch], cue=ctx.label_rules.respectively,
                                firm=firm, formula="growth_by_difference", sign=-1.0 if down else 1.0))
    return out
