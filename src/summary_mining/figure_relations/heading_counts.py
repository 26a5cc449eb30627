"""Counts that announce the numbered items after them: 重点抓好八个方面工作。⏎（一）…（八）; 坚持五项原则：一是…五是.

A count (``[heading_count]`` ``count`` of ``data/relations.toml``: 八个方面, 五项, 13项) in the statement right before
item 1 of a numbered run — the run opening the next paragraph, or standing after the count's colon — counts the
items of that run: the items numbered 1, 2, 3 … in the same style (``markers``: 一是, （一）, 一、, 1．, （1）, 第一),
each at a paragraph's start or after a statement's end, within the count's section, until a number out of turn.
A count with only a few words after it (``max_tail``: 八个方面工作。, 五项原则：) announces the run, so more items
are inconsistent and fewer unverifiable (an item may be written another way), unless the run reaches the end of a
cut text; a count further inside its statement (重点抓好五个方面，为…提供坚实的财政保障。) is read only when the
items are as many.

The count is a record made for the relation when ``extract`` reports no figure there (方面 counts no metric).

>>> import summary_mining as sm
>>> text = "重点抓好三个方面工作：\\n（一）稳增长。投入资金。\\n（二）惠民生。发放补贴。\\n（三）防风险。化解债务。"
>>> sm.audit(text=text)[["check", "status", "message"]].values.tolist()
[['enumeration', 'consistent', '重点抓好三个方面，列出3项（（一）稳增长、（二）惠民生、（三）防风险）一致']]
"""
from __future__ import annotations

import regex

from ..datafiles import code_pattern, rx_finditer, rx_match, rx_search
from ..numerals import parse_number
from .context import Context
from .context import make_relation as _rel
from .record import Relation

__all__ = ["find_heading_counts"]

#: What may stand between a statement break (or a paragraph's start) and an item's number.
_LEAD = " \t\u3000"
#: Characters that end a statement before an item written in the count's paragraph (…原则：一是…。二是…).
_BREAKS = "。；;：:！!？?\n"
#: The longest item title shown in a relation's message (an item runs to its statement's end).
TITLE_CHARS = 30


def _at_item_start(text: str, pos: int, para_start: int) -> bool:
    k = pos
    while k > para_start and text[k - 1] in _LEAD:
        k -= 1
    return k == para_start or text[k - 1] in _BREAKS


def _title_end(text: str, start: int, stop: int) -> int:
    """Where an item's title ends: its first statement break, at most :data:`TITLE_CHARS` on."""
    end = min(stop, start + TITLE_CHARS)
    m = rx_search(_TITLE_END, text, start, end)
    return m.start() if m else end


_TITLE_END = code_pattern(r"[。；;：:，,\n]")


def _run(ctx: Context, style: regex.Pattern[str], first: regex.Match[str], limit: int, max_gap: int) -> list[tuple[int, int]]:
    """(start, title end) of the items numbered 1, 2, 3 … in ``style`` from ``first`` (item 1) on, each at an
    item's start, at most ``max_gap`` after the one before and before ``limit``."""
    text, doc = ctx.text, ctx.doc
    items = [first.start()]
    for m in rx_finditer(style, text, first.end(), limit):
        if m.start() - items[-1] > max_gap:
            break
        para = doc.paragraph_at(m.start())
        if para is None or not _at_item_start(text, m.start(), para.start):
            continue
        if parse_number(m.group("n")) != len(items) + 1:
            break
        items.append(m.start())
    ends = items[1:] + [limit]
    return [(a, _title_end(text, a, b)) for a, b in zip(items, ends)]


def _section_end(ctx: Context, pos: int) -> int:
    """The end of the innermost outline section holding ``pos`` (its article's end when none does)."""
    sec = ctx.doc.section_at(pos)
    if sec is not None:
        return sec.end
    art = ctx.doc.article_at(pos)
    return art.end if art is not None else len(ctx.text)


def _runs_out(ctx: Context, pos: int) -> bool:
    """The paragraph at ``pos`` is the last of its article (a cut text may leave later items out)."""
    k = ctx.para_at(pos)
    art = ctx.doc.article_at(pos)
    paras = ctx.doc.paragraphs
    return k + 1 >= len(paras) or (art is not None and paras[k + 1].start >= art.end)


def find_heading_counts(ctx: Context) -> list[Relation]:
    """Each count right before a numbered run against the run's items (see the module's docstring)."""
    rule = ctx.rules.heading_count
    if rule is None:
        return []
    text, doc = ctx.text, ctx.doc
    out: list[Relation] = []
    for hit in rx_finditer(rule.first, text, 0, len(text)):
        para = doc.paragraph_at(hit.start())
        if para is None or not _at_item_start(text, hit.start(), para.start):
            continue
        style, first = next(((s, m) for s in rule.markers if (m := rx_match(s, text, hit.start())) is not None
                             and parse_number(m.group("n")) == 1), (None, None))
        if style is None or first is None:
            continue
        before = text[para.start:first.start()].rstrip(_LEAD)
        if before:  # 原则：一是…: the count's statement ends at the colon before item 1
            if before[-1] not in "：:":
                continue
            stmt_end = para.start + len(before)
        else:  # the count ends the paragraph before
            k = ctx.para_at(para.start)
            if k <= 0:
                continue
            prev = doc.paragraphs[k - 1]
            stmt_end = prev.end
        stmt_start = ctx.stmt_start(max(stmt_end - 1, 0))
        counts = list(rx_finditer(rule.count, text, stmt_start, stmt_end))
        if not counts:
            continue
        c = counts[-1]
        tail = text[c.end():stmt_end].strip("：:。 \t\u3000\n")
        if any(ch.isdigit() for ch in tail):
            continue
        n = parse_number(c.group("n"))
        if n is None or n < 2 or n != int(n):
            continue
        a, b = c.span("count")
        figure = next((g for g in ctx.between(a, b) if g.kind == "count" and g.start == a), None)
        if figure is not None and text[b:b + 1] in "：:":
            continue  # a count the document reports, its list right after its colon: the enumeration finder's
        limit = _section_end(ctx, max(stmt_end - 1, 0))
        if limit <= first.end():  # item 1 is a heading closing the count's section (附件⏎2025年省十件民生实事⏎一、…)
            art = doc.article_at(first.start())
            limit = art.end if art is not None else len(text)
        items = _run(ctx, style, first, limit, rule.max_gap)
        firm = len(tail) <= rule.max_tail and len(items) >= n
        if len(items) != n and not (firm or len(tail) <= rule.max_tail and not _runs_out(ctx, items[-1][0])):
            continue  # a count inside its statement, or items a cut text leaves out: nothing to say
        stated = figure or ctx.count_record(a, b, int(n))
        out.append(_rel(ctx, "count_of", "enumeration", stated, [], cue=first.group(),
                        items=[(s, e, ctx.written[s:e]) for s, e in items], exhaustive=True, firm=firm))
    return out
