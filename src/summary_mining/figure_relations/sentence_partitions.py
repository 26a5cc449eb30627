"""Breakdowns by sentences: a whole stated first in one statement (to 。！？；), and its parts — one complete set of a
known partition whose whole it names (``[[partition]]`` with ``wholes`` in ``data/relations.toml``) — each stated
first in a later statement of the same paragraph, or first in one of the next paragraphs of its section, with no 其中
to say so (2025年全市一般公共预算收入完成278.26亿元…。税收收入完成201.46亿元…。其中：增值税…。非税收入完成76.81亿元…;
一般公共预算收入完成40.5亿元…⏎在税收收入方面，完成36.9亿元…⏎在非税收入方面，完成3.7亿元…).

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

from .context import Context, Fig, partition_found
from .context import longest_common
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_sentence_partitions", "find_second_partitions", "find_trailing_wholes"]

#: The cue a message shows for such a breakdown.
CUE = "其后分句"
#: How many paragraphs after the whole's, in its section, may open with its parts.
NEXT_PARAGRAPHS = 3


def _first_of_statements(para: list[Fig]) -> list[Fig]:
    """The first figure of each statement of a paragraph's figures, in order."""
    out: list[Fig] = []
    for g in para:
        if not out or g.sentence != out[-1].sentence:
            out.append(g)
    return out


def find_sentence_partitions(ctx: Context) -> list[Relation]:
    """Each whole whose known partition's parts open later statements of its paragraph (see the module)."""
    by_para: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        if g.source != "table":  # (a table's rows are read with their table)
            by_para.setdefault(g.para, []).append(g)
    paras = sorted(by_para)
    grouped = {grp.whole.i for grp in ctx.groups}  # (a whole a 其中 or a cue breaks down is read there)
    out = []
    for k, para in enumerate(paras):
        firsts = _first_of_statements(by_para[para])
        # then the first value of each of the next paragraphs of its section (在税收收入方面，完成36.9亿元…⏎在非税收入方面…)
        section = ctx.doc.section_at(firsts[0].start)
        for q in paras[k + 1:k + 1 + NEXT_PARAGRAPHS]:
            g = by_para[q][0]
            if g.article != firsts[0].article or ctx.doc.section_at(g.start) != section:
                break
            firsts.append(g)
        for j, whole in enumerate(firsts[:-1]):
            if whole.para != para:
                break
            if whole.i in grouped or ctx.group_of(whole) is not None or not ctx.addable(whole) or whole.redacted \
                    or whole.kind != "amount":
                continue  # (a part a 其中 lists is no whole of the parts after it: they break down the whole above)
            name = whole.label or whole.clause
            named = [k for k in range(len(ctx.rules.partitions)) if ctx.rules.names_whole(k, name)]
            if not named:
                continue
            run = []  # the later statements' first values, until one names the whole's measure again
            for g in firsts[j + 1:]:
                if any(ctx.rules.names_whole(k, g.label or g.clause) for k in named):
                    break
                if g.family == whole.family and ctx.addable(g) and not g.redacted:
                    run.append(g)
            found = partition_found(ctx, run)
            if found is not None and found[0] in named:
                out.append(_rel(ctx, "total_of", "breakdown", whole, found[1], cue=CUE, exhaustive=True,
                                firm=ctx.certain(whole.stmt)))
    return out


#: How many characters what a second partition's members measure (城镇消费品零售额 -> 消费品零售额) must share with their
#: whole's name (社会消费品零售总额).
MEASURE_CHARS = 3


def find_second_partitions(ctx: Context) -> list[Relation]:
    """A whole a cue broke down (其中，商品零售额…；餐饮收入…), and the full sentence right after its list stating a complete
    set of another known partition, no cue before it, each member measuring what the whole measures (城镇消费品零售额
    916.03亿元…；乡村消费品零售额231.73亿元…): the whole broken down a second way, all of it, firmly.

    >>> import summary_mining as sm
    >>> text = ("全年社会消费品零售总额1147.76亿元，比上年增长4.8%。其中，商品零售额1034.47亿元，增长4.7%；餐饮收入113.29亿元，"
    ...         "增长5.7%。城镇消费品零售额916.03亿元，增长4.8%；乡村消费品零售额231.73亿元，增长5.0%。")
    >>> [m for m in sm.audit(text=text)["message"] if "其后分句" in m]
    ['社会消费品零售总额1147.76亿元与其后分句所列 916.03亿元+231.73亿元=1147.76亿元 一致']
    """
    out = []
    seen: set[int] = set()
    for grp in ctx.groups:
        whole = grp.whole
        if whole.i in seen or not grp.parts or whole.redacted or not ctx.addable(whole):
            continue
        last, end = max(p.stmt for p in grp.parts), max(p.i for p in grp.parts) + 1
        after = [g for g in ctx.figs[end:end + PARTITION_FIGURES] if g.stmt == last + 1]
        if not after or after[0].para != grp.parts[-1].para or ctx.group_of(after[0]) is not None:
            continue  # (the next full sentence, in the list's paragraph, no list of another cue)
        run = [g for g in after if g.family == whole.family and ctx.addable(g) and not g.redacted]
        found = partition_found(ctx, run)
        if found is None or not ctx.rules.may_be_whole(found[0], whole.label or whole.clause):
            continue
        k, members = found
        if ctx.rules.partition_named([p.label or p.clause for p in grp.parts]) == k:
            continue  # (the same partition again: a restatement, not a second breakdown)
        names = ctx.rules.partitions[k]
        measure = [next((m.label[len(n):] for n in names if m.label.startswith(n)), "") for m in members]
        if not all(longest_common(m, whole.label or whole.clause) >= MEASURE_CHARS for m in measure):
            continue
        seen.add(whole.i)
        out.append(_rel(ctx, "total_of", "breakdown", whole, members, cue=CUE, exhaustive=True,
                        firm=ctx.certain(whole.stmt)))
    return out


#: How many figures after a list its next full sentence's partition is looked for in.
PARTITION_FIGURES = 12


#: The cue a message shows for a whole stated after its parts.
TRAILING_CUE = "其前"


def find_trailing_wholes(ctx: Context) -> list[Relation]:
    """A whole a known partition names (``[[partition]]`` with ``wholes``) stated after one complete set of that partition's
    members in its full sentence, its members each the first value of its own clause or statement, no cue between (全年出口
    35.2亿元，进口12.8亿元，进出口总额48.0亿元): the members make it up, firmly.

    >>> import summary_mining as sm
    >>> sm.audit(text="全年出口35.2亿元，进口12.8亿元，进出口总额48.0亿元。")["message"].tolist()
    ['进出口总额48.0亿元与其前所列 35.2亿元+12.8亿元=48.0亿元 一致']
    """
    grouped = {p.i for grp in ctx.groups for p in grp.parts} | {grp.whole.i for grp in ctx.groups}
    by_sentence: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        if g.kind == "amount" and g.source != "table":
            by_sentence.setdefault(g.sentence, []).append(g)
    found = (_trailing_whole(ctx, whole, [g for g in figs[:k] if g.family == whole.family], grouped)
             for figs in by_sentence.values() for k, whole in enumerate(figs[2:], 2))  # (two members or more before it)
    return [r for r in found if r is not None]


def _trailing_whole(ctx: Context, whole: Fig, before: list[Fig], grouped: set[int]) -> Relation | None:
    """The total of ``whole`` when the amounts of its family ``before`` it in its full sentence are one complete set of
    the members of a partition whose whole it names (:func:`find_trailing_wholes`), else None."""
    if len(before) < 2 or whole.i in grouped or whole.redacted or not ctx.addable(whole):
        return None
    name = whole.label or whole.clause
    named = [k for k in range(len(ctx.rules.partitions)) if ctx.rules.names_whole(k, name)]
    if not named or any(g.i in grouped or not ctx.addable(g) or g.redacted for g in before):
        return None
    found = partition_found(ctx, before)
    if found is None or found[0] not in named or len(found[1]) != len(before):
        return None  # (every value before it is a member: no other measure between)
    if any(w in whole.clause for w in ctx.rules.repeat_scopes if w not in found[1][0].clause):
        return None  # (全市出口…，进口…，全省进出口总额…: another scope's whole)
    return _rel(ctx, "total_of", "breakdown", whole, found[1], cue=TRAILING_CUE, exhaustive=True,
                firm=ctx.certain(whole.stmt) and ctx.same_place(found[1], whole))
