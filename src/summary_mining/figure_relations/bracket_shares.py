"""Shares with their counts in brackets: 水质符合Ⅱ～Ⅲ类占96.67%（29个），Ⅳ类占3.33%（1个）. Each share is its
bracketed count over the whole those counts are of, and the counts of one statement's shares add up to that whole:
all of it when the shares make 100 %, no more than it otherwise.

The whole is a value of the counts' family stated before the shares in their article (a few statements back at
most, the shares' own statement first), not itself a bracketed count, whose words name what the shares' statement
names: the words right after it (30个地表水省控河流断面) hold at least two characters in common with the words that
open the shares' statement (主要河流断面水质…); the most in common wins, the nearest among equals; else, for shares
that make 100 %, the whole of the shares before them in the same full sentence (a second breakdown of it). Firm: the
words say which whole it is, and each count is written next to its share.

>>> import summary_mining as sm
>>> text = ("全市对30个河流断面、14个湖库点位进行了监测。河流断面水质符合Ⅱ～Ⅲ类占96.67%（29个），Ⅳ类占3.33%（1个）。"
...         "湖库点位水质符合Ⅱ～Ⅲ类的占50.00%（7个），Ⅳ类的占28.57%（4个），Ⅴ类占21.43%（3个）。")
>>> [m for m in sm.audit(text=text)["message"]][:3]
['河流断面30个与括注所列 29个+1个=30个 一致', '河流断面14个与括注所列 7个+4个+3个=14个 一致', '占比96.67%与 29个/河流断面30个=96.67% 一致']
"""
from __future__ import annotations

import math

from ..datafiles import rx_first
from ..structure import structure_rules
from .context import Context, Fig
from .context import longest_common as _lcs
from .context import make_hundred
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_bracket_shares", "find_part_shares"]

#: The cue a message shows for the counts' sum.
CUE = "括注"
#: How many statements before the shares the whole may be stated.
WHOLE_STATEMENTS = 3
#: How many characters after a candidate whole name what it counts (30个地表水省控河流断面).
NOUN_WINDOW = 14
#: Characters in common between the whole's noun and the shares' opening words for a match.
MIN_COMMON = 2

_BREAKS = structure_rules().clause_breaks | frozenset("。！？；;\n")


def _words(s: str) -> str:
    return "".join(s.split())


def _bracketed_after(ctx: Context, a: Fig, b: Fig) -> bool:
    """``b`` stands alone in brackets right after ``a`` (96.67%（29个）, 罗阳镇14个(87.5%))."""
    return _words(ctx.text[a.end:b.start]) in ("（", "(") and ctx.text[b.end:b.end + 3].lstrip()[:1] in ("）", ")")


def _pairs(ctx: Context) -> list[tuple[Fig, Fig]]:
    """(share, its bracketed count) for every share followed right away by a count in brackets."""
    out = []
    for p in ctx.figs:
        if p.kind != "percentage" or p.unit != "%" or p.i in ctx.claimed or p.redacted or p.in_name \
                or math.isnan(p.value) or p.i + 1 >= len(ctx.figs):
            continue
        c = ctx.figs[p.i + 1]
        if c.kind == "percentage" or not ctx.addable(c) or c.redacted or c.sentence != p.sentence:
            continue
        if not _bracketed_after(ctx, p, c):
            continue
        if rx_first(ctx.rules.share, p.clause) is None:
            continue
        out.append((p, c))
    return out


def _runs(pairs: list[tuple[Fig, Fig]]) -> list[list[tuple[Fig, Fig]]]:
    """The pairs of one statement, of one family, in order."""
    runs: list[list[tuple[Fig, Fig]]] = []
    for p, c in pairs:
        if runs and runs[-1][-1][0].sentence == p.sentence and runs[-1][-1][1].family == c.family:
            runs[-1].append((p, c))
        else:
            runs.append([(p, c)])
    return runs


def _noun_after(ctx: Context, g: Fig) -> str:
    """The words right after ``g`` to the next break (30个地表水省控河流断面、 -> 地表水省控河流断面)."""
    s = ctx.text[g.end:g.end + 2 * NOUN_WINDOW]
    k = next((i for i, ch in enumerate(s) if ch in _BREAKS and ch != "\n"), len(s))
    return _words(s[:k])[:NOUN_WINDOW]


def _whole(ctx: Context, run: list[tuple[Fig, Fig]], bracketed: set[int]) -> Fig | None:
    """The whole the run's counts are of (see the module), or None."""
    first, counts = run[0][0], [c for _, c in run]
    head = _words(ctx.text[ctx.sentence_start(first):first.start])
    best, best_score = None, 0
    for g in ctx.nearest_before(first):
        if g.article != first.article or first.stmt - g.stmt > WHOLE_STATEMENTS:
            break
        if g.i in bracketed or g.family != counts[0].family or not ctx.usable(g) or g.direction \
                or g.value < max(c.value for c in counts):
            continue
        score = _lcs(_noun_after(ctx, g), head)
        if score >= MIN_COMMON and score > best_score:
            best, best_score = g, score
    return best


def find_bracket_shares(ctx: Context) -> list[Relation]:
    """Each share with its bracketed count over their whole, and the counts' sum (see the module)."""
    pairs = _pairs(ctx)
    bracketed = {c.i for _, c in pairs}
    out: list[Relation] = []
    last: tuple[Fig, Fig] | None = None  # (the last run's first share, its whole)
    for run in _runs(pairs):
        whole = _whole(ctx, run, bracketed)
        if whole is None and last is not None and last[0].stmt == run[0][0].stmt and last[1].family == run[0][1].family \
                and make_hundred([p for p, _ in run]):
            # a second breakdown of the same whole in the next statement of the full sentence, its shares all of it
            # (…Ⅴ类占21.43%（3个）；营养状态级别中营养的占14.29%（2个），轻度富营养占64.29%（9个），…)
            whole = last[1]
        if whole is None:
            continue
        last = (run[0][0], whole)
        ctx.claimed.update(p.i for p, _ in run)
        counts = [c for _, c in run]
        if len(run) >= 2:
            out.append(_rel(ctx, "total_of", "breakdown", whole, counts, cue=CUE, firm=True,
                            exhaustive=make_hundred([p for p, _ in run])))
        for p, c in run:
            # (a cue of their own: two runs of one whole are two breakdowns, not one run of shares for share_partitions)
            out.append(_rel(ctx, "share_of", "share", p, [c, whole], cue=CUE + "占", firm=True, cap=ctx.rules.share_max,
                            names=("", ctx.name(whole))))
    return out


def find_part_shares(ctx: Context) -> list[Relation]:
    """The parts of a breakdown each with its share in brackets right after it (村组数16个,为罗阳镇14个(87.5%)、泗溪镇2个
    (12.5%)): each share is its part over the breakdown's whole, firm in one full sentence."""
    out: list[Relation] = []
    for grp in ctx.groups:
        for part in grp.parts:
            q = ctx.figs[part.i + 1] if 0 <= part.i < len(ctx.figs) - 1 else None
            if q is None or q.kind != "percentage" or q.unit != "%" or q.i in ctx.claimed or q.redacted \
                    or not _bracketed_after(ctx, part, q):
                continue
            ctx.claimed.add(q.i)
            out.append(_rel(ctx, "share_of", "share", q, [part, grp.whole], cue=CUE + "占",
                            firm=ctx.same_place([part, grp.whole], q), cap=ctx.rules.share_max,
                            names=(ctx.name(part), ctx.name(grp.whole))))
    return out
