"""Structures written as ratios: 三次产业结构为9.6:30.8:59.6 states, for each of the parts a collective name stands
for (第一产业, 第二产业, 第三产业), its share in percent of the whole they make (生产总值).

The names and the words that may stand between a collective name and its ratio are data (``[structure_ratio]`` of
``data/relations.toml``; the parts come from ``[share.respective] collective``). A ratio of the year before
(由上年的14.9:33.2:51.9调整为15.3:31.3:53.4) is passed over: only the last is this year's. A number off by more than its
rounding is inconsistent even where the numbers add up to exactly 100 (11.1:30.1:58.8 for 58.74 %: forced so that they
do, as the message says; the development set's annotations read them so). The ratio's numbers are
records made for the relation (no reported figure of the document's, like the counts of tallies).

>>> import summary_mining as sm
>>> text = ("全县实现生产总值369.53亿元。分产业看，第一产业实现增加值35.65亿元；第二产业实现增加值113.78亿元；"
...         "第三产业实现增加值220.10亿元。三次产业结构比为9.6:30.8:59.6。")
>>> sm.audit(text=text).query("check == 'share'")[["status", "message"]].values.tolist()[0]
['consistent', '占比9.6与 第一产业实现增加值35.65亿元/生产总值369.53亿元=9.65% 一致']
"""
from __future__ import annotations

from ..datafiles import code_pattern, rx_finditer, rx_match
from .arithmetic import agrees, ratio
from .context import Context, occurrences
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_structure_ratios", "find_breakdown_ratios"]

_NUMBER = code_pattern(r"[0-9]+(?:\.[0-9]+)?")


def find_structure_ratios(ctx: Context) -> list[Relation]:
    """Each number of a structure ratio against its part over the whole (a share, ``check`` share): firm when the
    parts and the whole stand in the ratio's paragraph."""
    rule = ctx.rules.structure_ratio
    if rule is None:
        return []
    out: list[Relation] = []
    for name, parts in ctx.rules.share_collective:
        partition = ctx.rules.partition_named(list(parts))  # (the partition whose whole they make)
        if partition is None:
            continue
        plain = ctx.plain()
        for k in occurrences(plain.plain, name):  # (read past padding and soft wraps: 三 次 产 业 结 构 为⏎2.4:…)
            m = rx_match(rule, plain.plain, k + len(name))
            if m is None:
                continue
            k = plain.at(k)
            numbers = list(rx_finditer(_NUMBER, m.group("ratio")))
            if len(numbers) != len(parts):
                continue
            terms = _terms(ctx, plain, m, "ratio")
            if m.group("before"):
                out += _moves(ctx, parts, terms, _terms(ctx, plain, m, "before"), plain.at(m.end()))
            figs = [ctx.amount_before(k, lambda g, p=p: (g.label or g.clause).startswith(p)) for p in parts]
            if any(g is None for g in figs):
                continue
            first = min(figs, key=lambda g: g.start)
            whole = ctx.amount_before(first.start, lambda g: ctx.rules.names_whole(partition, g.label or g.clause))
            if whole is None:
                continue
            para = ctx.para_at(k)
            firm = all(g.para == para for g in (*figs, whole))
            # numbers that add up to exactly 100 (11.1:30.1:58.8 for 58.74): one off may have been forced so
            forced = abs(sum(t.written for t in terms) - 100) < 1e-6
            for stated, part in zip(terms, figs):
                out.append(_rel(ctx, "share_of", "share", stated, [part, whole], cue=name, firm=firm,
                                names=(ctx.name(part), ctx.name(whole)), forced=forced))
    return out


def _terms(ctx: Context, plain, m, group: str) -> list:
    """Records for the numbers of a ratio the match holds in ``group`` (in %)."""
    base = m.start(group)
    return [ctx.stated_number(plain.at(base + n.start()), plain.at(base + n.end() - 1) + 1, "%")
            for n in rx_finditer(_NUMBER, m.group(group))]


def _moves(ctx: Context, parts: tuple[str, ...], now: list, before: list, end: int) -> list[Relation]:
    """The points a part's share moved by, stated after this year's ratio and the year before's in their full sentence
    (…由2018年的5.7:49.3:45.0优化为6.6:45.8:47.6,第三产业占比提高了2.6个百分点): this year's term less last year's (firm)."""
    if len(before) != len(now):
        return []
    stop = ctx.doc.stop_span(end)[1]
    points = [g for g in ctx.between(end, stop)
              if g.kind == "percentage" and "百分点" in g.unit and g.direction in ("+", "-") and not g.redacted]
    named = {i: k for i, g in enumerate(points)
             if (k := next((k for k, p in enumerate(parts) if (g.label or g.clause).startswith(p)), None)) is not None}
    if not named and len(points) == len(parts) and ctx.label_rules.respectively in points[0].clause:
        named = {k: k for k in range(len(parts))}  # (…比重较上年分别下降0.2个、下降0.6个、提高0.8个百分点: in order)
    return [_rel(ctx, "difference_of", "difference", points[i], [now[k], before[k]], cue=parts[k], firm=True,
                 formula="difference", sign=-1.0 if points[i].direction == "-" else 1.0,
                 names=(f"今年{parts[k]}占比", f"上年{parts[k]}占比")) for i, k in named.items()]


def find_breakdown_ratios(ctx: Context) -> list[Relation]:
    """A ratio named by any word of a structure (``[structure_ratio] of_breakdown``: 粮经饲比例将调整为60∶26∶14) right after
    a breakdown of as many parts, in its paragraph, no figure between (播种计划为127.76万亩，其中粮食作物76.82万亩、经济作物
    32.8万亩、饲草料作物18.14万亩，): each number the share of its part, in order, of the whole. Read only when each holds
    (a ratio of another structure would say otherwise); a ratio a collective name reads (三次产业结构) is left to
    :func:`find_structure_ratios`.

    >>> import summary_mining as sm
    >>> text = "播种计划为127.76万亩，其中粮食作物76.82万亩、经济作物32.8万亩、饲草料作物18.14万亩，粮经饲比例将调整为60∶26∶14。"
    >>> sm.audit(text=text).query("check == 'share'")["message"].tolist()[0]
    '占比60与 粮食作物76.82万亩/播种计划127.76万亩=60.13% 一致'
    """
    rule = ctx.rules.breakdown_ratio
    if rule is None or not ctx.groups:
        return []
    plain = ctx.plain()
    collective = [plain.at(k) for name, _ in ctx.rules.share_collective for k in occurrences(plain.plain, name)]
    out: list[Relation] = []
    for m in rx_finditer(rule, plain.plain):
        at = plain.at(m.start())
        if any(0 <= at - k <= 24 for k in collective):
            continue  # (三次产业结构为…: read by its collective name)
        last = ctx.last_before(at)
        if last is None:
            continue
        grp = next((g for g in ctx.groups if g.parts and g.parts[-1] is last and g.whole.para == last.para == ctx.para_at(at)
                    and g.whole.start < g.parts[0].start), None)
        if grp is None or len(grp.parts) != sum(1 for _ in rx_finditer(_NUMBER, m.group("ratio"))):
            continue
        terms = _terms(ctx, plain, m, "ratio")  # (records made only for a ratio of as many numbers as parts)
        holds = []
        for t, part in zip(terms, grp.parts):
            c, extra = ratio(part, grp.whole)
            holds.append(agrees(t.written, c, t.half + extra, t.half))
        if all(holds):
            out += [_rel(ctx, "share_of", "share", t, [part, grp.whole], cue="", firm=False,
                         names=(ctx.name(part), ctx.name(grp.whole))) for t, part in zip(terms, grp.parts)]
    return out
