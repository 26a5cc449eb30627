"""Shares listed after the values they are of: 教育、社保、卫生健康领域分别投入48.47、51.50、39.07亿元，占比16.13%、17.14%、
13.00%. A clause opening with a share word (``[share] patterns`` with nothing before the word) lists as many shares
as the clause before it lists values of one family: the k-th share is the k-th value over the whole.

The whole is the one the shares name (占一般公共预算支出的…), else the one the paragraph's last share before them named and
was read against (全年民生支出237.86亿元，占一般公共预算支出的79.14%。…占比16.13%、…): found as a named share's whole is
(``finders._named_whole``). Firm when that match is strong.

>>> import summary_mining as sm
>>> text = ("全市一般公共预算支出300.55亿元。全年民生支出237.86亿元，占一般公共预算支出的79.14%。教育、社保、卫生健康领域"
...         "分别投入48.47、51.50、39.07亿元，占比16.13%、17.14%、13.00%。")
>>> [m for m in sm.audit(text=text)["message"] if "16.13" in m]
['占比16.13%与 教育健康领域48.47/一般公共预算支出300.55亿元=16.13% 一致']
"""
from __future__ import annotations

import math
from collections.abc import Callable

from ..datafiles import rx_first, rx_fullmatch
from .context import NAMED_PART_STATEMENTS, Context, Fig
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_paired_shares", "find_respective_values", "find_shares_named_after"]

#: How many figures back the shares' paragraph is searched for a share that names its whole.
NAMED_BACK = 40


def _values_before(ctx: Context, p: Fig, n: int) -> list[Fig]:
    """The ``n`` values of one family listed right before the clause of ``p`` (48.47、51.50、39.07亿元，占比…)."""
    k = p.i - 1
    if k < 0:
        return []
    last = ctx.figs[k]
    if last.kind == "percentage" or last.sentence != p.sentence or ctx.text[last.end:ctx.clause_pos(p, 0)].strip() not in ("，", ","):
        return []
    values = [last]
    for g in reversed(ctx.figs[max(0, k - n + 1):k]):
        if g.family != last.family or not rx_fullmatch(ctx.label_rules.list_join, ctx.text[g.end:values[0].start]):
            return []
        values.insert(0, g)
    return values if len(values) == n and all(ctx.usable(g) and not g.direction for g in values) else []


def _named_before(ctx: Context, p: Fig, share_match: Callable) -> tuple[str, Fig | None]:
    """The whole the paragraph's last share before ``p`` names (占一般公共预算支出的79.14%), and that share; or ''."""
    for g in reversed(ctx.figs[max(0, p.i - NAMED_BACK):p.i]):
        if g.para != p.para:
            break
        if g.kind == "percentage":
            m = share_match(ctx, g)
            if m is not None and m.group("whole").strip():
                return m.group("whole"), g
    return "", None


def find_paired_shares(ctx: Context, share_match: Callable, named_whole: Callable, part_before: Callable) -> list[Relation]:
    """Each share of a list opening its clause, over the value the clause before lists in its place (see the module).
    ``share_match``, ``named_whole`` and ``part_before`` are the share readings' own (``finders``)."""
    out: list[Relation] = []
    for p in ctx.figs:
        if p.kind != "percentage" or p.unit != "%" or p.i in ctx.claimed or p.redacted or p.in_name or math.isnan(p.value):
            continue
        if "占" not in p.clause and "比重" not in p.clause:
            continue  # (no share word: the share patterns need not run)
        m = share_match(ctx, p)
        if m is None or p.clause[:m.start()].strip():
            continue  # (a share whose clause names its subject is read with it)
        shares = ctx.listed_after(p)
        values = _values_before(ctx, p, len(shares)) if len(shares) >= 2 else []
        if not values:
            continue
        name, earlier = m.group("whole").strip(), None
        if not name:
            name, earlier = _named_before(ctx, p, share_match)
        # the whole the earlier share named is the one it was read against (民生支出237.86亿元 over 300.55亿元, not a
        # smaller 一般公共预算支出 nearer: the city level's 79.35亿元)
        base = part_before(ctx, earlier) if earlier is not None else None
        whole, firm = (named_whole(ctx, earlier, base, name) if base is not None
                       else named_whole(ctx, p, max(values, key=lambda g: g.value), name) if name else (None, False))
        if whole is None:
            continue
        ctx.claimed.update(g.i for g in shares)
        for share, part in zip(shares, values):
            out.append(_rel(ctx, "share_of", "share", share, [part, whole], cue="占比", firm=firm,
                            cap=ctx.rules.share_max, names=(ctx.name(part), ctx.name(whole))))
    return out



def _clause_ends_before(ctx: Context, p: Fig, n: int) -> list[Fig]:
    """The ``n`` figures ending the ``n`` clauses right before ``p``'s in its statement, in order (项目20个，投资总额
    97.3亿元，分别占…: 20个, 97.3亿元); [] when a clause between ends in no figure or holds a rate."""
    values: list[Fig] = []
    pos = ctx.clause_pos(p, 0)
    k = p.i - 1
    while len(values) < n and k >= 0:
        g = ctx.figs[k]
        if g.sentence != p.sentence or g.kind == "percentage" or g.direction or not ctx.usable(g) \
                or ctx.text[g.end:pos].strip() not in ("，", ","):
            return []
        values.insert(0, g)
        pos = ctx.clause_start(g.start)
        k -= 1
    return values if len(values) == n else []


def _named_alike_before(ctx: Context, part: Fig, listed: dict[int, Fig]) -> Fig | None:
    """The nearest figure before ``part``'s full sentence, in its paragraph or the one before, of its family and named as
    it is, larger than it and listed in no breakdown (投资总额97.3亿元 -> 投资总额415.9亿元, not the 投资总额414亿元 its
    其中 lists, nor a sibling's 投资总额132.8亿元 of an item before)."""
    for g in reversed(ctx.figs[max(0, part.i - NAMED_BACK):part.i]):
        if g.para < part.para - 1:
            break
        if g.stmt != part.stmt and g.family == part.family and g.label == part.label and ctx.usable(g) \
                and g.value > part.value and g.i not in listed:
            return g
    return None


def _outermost(g: Fig, listed: dict[int, Fig]) -> Fig:
    """``g``, or the whole a breakdown lists it in, of its family (在建项目77个 listed under 在建内资项目80个 -> 80个)."""
    seen = {g.i}
    while g.i in listed and listed[g.i].family == g.family and listed[g.i].i not in seen:
        g = listed[g.i]
        seen.add(g.i)
    return g


def find_respective_values(ctx: Context, share_match: Callable, named_whole: Callable) -> list[Relation]:
    """Shares listed after the respective word (labels.toml ``respectively``: 分别) over the figures the clauses before
    them end with, the k-th share of the k-th (项目20个，投资总额97.3亿元，分别占在建项目总数的25%和23.4%): of the whole the shares
    name when it is of the figure's family, else of the nearest larger figure named as it is. Never firm."""
    word = ctx.label_rules.respectively
    out: list[Relation] = []
    listed: dict[int, Fig] | None = None  # part -> the whole a breakdown lists it in (built when first needed)
    for p in ctx.figs:
        if p.kind != "percentage" or p.i in ctx.claimed or p.redacted or p.in_name or "占" not in p.clause:
            continue
        m = share_match(ctx, p)
        # 分别占96.25%和占3.75%: no whole named, the shares are of the whole the values are listed in (a breakdown's)
        bare = p.clause.strip(" ，,") == word + SHARE_WORD
        if not bare and (m is None or p.clause[:m.start()].strip(" ，,") != word):
            continue
        shares = ctx.listed_after(p, repeated=SHARE_WORD)  # (分别占96.25%和占3.75%: each may repeat the share word)
        values = _clause_ends_before(ctx, p, len(shares)) if len(shares) >= 2 else []
        if not values:
            continue
        if listed is None:
            listed = {x.i: grp.whole for grp in ctx.groups for x in grp.parts}
        if bare:
            wholes = {listed.get(v.i) for v in values}
            if len(wholes) != 1 or None in wholes:
                continue
            ctx.claimed.update(g.i for g in shares)
            whole = wholes.pop()
            # (firm when the whole and its parts are stated in the shares' full sentence)
            out.extend(_rel(ctx, "share_of", "share", share, [part, whole], cue="占", firm=ctx.same_place([part, whole], share),
                            cap=ctx.rules.share_max, names=(ctx.name(part), ctx.name(whole)))
                       for share, part in zip(shares, values))
            continue
        name = m.group("whole").strip()
        pairs = []
        for share, part in zip(shares, values):
            named, strong = named_whole(ctx, share, part, name) if name else (None, False)
            whole = _outermost(named, listed) if named is not None and strong else \
                _named_alike_before(ctx, part, listed) or named
            if whole is None:
                break
            pairs.append((share, part, whole))
        if len(pairs) != len(shares):
            continue
        ctx.claimed.update(g.i for g in shares)
        for share, part, whole in pairs:
            out.append(_rel(ctx, "share_of", "share", share, [part, whole], cue="占", firm=False,
                            cap=ctx.rules.share_max, names=(ctx.name(part), ctx.name(whole))))
    return out


#: The word a share is stated with (分别占…).
SHARE_WORD = "占"

#: How long a share's name written right before it may be (农业, 农业服务业).
NAME_CHARS = 8


def _name_of(g: Fig) -> str:
    """``g``'s clause when it is a short name and nothing else (农业 of 农业61.9%); else ''."""
    name = g.clause.strip(" ，,、；;")
    return name if 2 <= len(name) <= NAME_CHARS and not any(c.isdigit() for c in name) else ""


def find_shares_named_after(ctx: Context, named_whole: Callable) -> list[Relation]:
    """Shares stated respectively after a colon, each named right before it (占农林牧渔业的比重分别为：农业61.9%，林业4.5%，
    牧业27.6%): the k-th of the value before whose name opens with the k-th name, over the whole the share clause names
    (``[share] patterns``)."""
    word = ctx.label_rules.respectively
    out: list[Relation] = []
    for p in ctx.figs:
        if p.kind != "percentage" or p.unit != "%" or p.i in ctx.claimed or p.redacted or p.in_name:
            continue
        cs = ctx.clause_pos(p, 0)
        if cs < 2 or ctx.text[cs - 1] not in "：:" or not _name_of(p):
            continue
        lead = ctx.text[ctx.clause_start(cs - 1):cs - 1]
        if word not in lead:
            continue
        m = rx_first(ctx.rules.share, lead.replace(word, ""))
        if m is None or not m.group("whole").strip():
            continue
        shares = [p]
        for g in ctx.figs[p.i + 1:]:
            if g.stmt != p.stmt or g.kind != "percentage" or g.i in ctx.claimed or not _name_of(g):
                break
            shares.append(g)
        if len(shares) < 2:
            continue
        pairs = []
        names = [_name_of(g) for g in shares]
        for share, name in zip(shares, names):
            # (a value named by a longer name of the list is that one's: 农业服务业产值 is not 农业's)
            part = next((g for g in ctx.nearest_before(p) if g.article == p.article
                         and p.stmt - g.stmt <= NAMED_PART_STATEMENTS and ctx.usable(g) and not g.direction
                         and (g.label or g.clause).startswith(name)
                         and not any(len(n) > len(name) and (g.label or g.clause).startswith(n) for n in names)), None)
            if part is None:
                break
            whole, firm = named_whole(ctx, share, part, m.group("whole").strip())
            if whole is None:
                break
            pairs.append((share, part, whole, firm))
        if len(pairs) != len(shares):
            continue
        ctx.claimed.update(g.i for g in shares)
        for share, part, whole, firm in pairs:
            out.append(_rel(ctx, "share_of", "share", share, [part, whole], cue="占比", firm=firm,
                            cap=ctx.rules.share_max, names=(ctx.name(part), ctx.name(whole))))
    return out
