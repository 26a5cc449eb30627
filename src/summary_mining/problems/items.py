"""A problem block split into items: as the author numbered them (一是/（一）/1、…), a cue's paragraph
one item per statement (or per clause when it is one statement), facets and the clause about the
government itself kept apart, tails (，这更加坚定我们…, ，等等, site adverts) cut off.

>>> import summary_mining as sm
>>> text = "我们也清醒地看到，发展中还存在不少困难和问题。有效需求不足；民生领域还有短板。我们一定直面问题。"
>>> sm.extract_problems(text=text)["text"].tolist()
['有效需求不足', '民生领域还有短板。']
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..datafiles import rx_finditer, rx_match, rx_search
from ..model import Document
from ..structure import heading_at_line
from .blocks import Block
from .layout import LEAD, Layout, trim, trimmed
from .phrases import any_match, names_problem, ordinal, reads_like_problem, skip_sentence
from .rules import ProblemRules

__all__ = ["block_items", "without_tail"]


@dataclass(frozen=True)
class _Marker:
    pos: int
    end: int
    style: int
    n: int
    line_start: bool

def _markers(text: str, layout: Layout, rules: ProblemRules, a: int, b: int) -> list[_Marker]:
    out = []
    for si, st in enumerate(rules.markers):
        for m in rx_finditer(st.pattern, text, a, b):
            n = ordinal(m.group("n"))
            if n is None:
                continue
            ls = layout.at_line_start(m.start())
            if not ls and m.start() != a:  # a marker right at the block's start counts (a fused heading)
                j = m.start() - 1
                while j >= a and text[j] in " \t\u3000":
                    j -= 1
                if not st.before or j < 0 or text[j] not in st.before:
                    continue
            out.append(_Marker(m.start(), m.end(), si, n, ls))
    out.sort(key=lambda m: (m.pos, -(m.end - m.pos)))
    return out

def _opens_subitem(text: str, layout: Layout, rules: ProblemRules, p: int, limit: int, first: _Marker) -> bool:
    """True when the paragraph at ``p`` starts with a marker nested under the items numbered like
    ``first`` (1、 (1) ① under (一) items; 1、 (1) ① under 一是 items), not with a higher heading."""
    ms = [m for m in _markers(text, layout, rules, p, min(p + 8, limit)) if m.pos == p and m.style != first.style]
    if not ms:
        return False
    own = heading_at_line(text[first.pos:first.end + 1])
    hd = heading_at_line(text[p:p + 8])
    return hd is None or hd[0] > (own[0] if own else 2)


def _extend_over_subitems(text: str, layout: Layout, rules: ProblemRules, e: int, limit: int,
                          first: _Marker) -> int:
    """Extend an item ending at a paragraph end over following paragraphs that open sub-items."""
    while e < limit:
        starts = layout.para_starts(e, limit, first_only=True)
        if not starts or not _opens_subitem(text, layout, rules, starts[0], limit, first):
            break
        e = layout.para_end(starts[0], limit)
    return e


def _enumerated(text: str, layout: Layout, rules: ProblemRules, blk: Block) -> list[tuple[int, int]] | None:
    """Item spans when the block numbers its items, else None. After a cue, the first item follows it
    directly (a list numbered further on is something else)."""
    a, limit = blk.start, blk.limit
    ms = _markers(text, layout, rules, a, limit)
    firsts = [m for m in ms if m.n == 1]
    if not firsts:
        return None
    first = firsts[0]
    if blk.cue and text[a:first.pos].strip(LEAD + "。；;"):
        return None
    seq = [first]
    by_n: dict[int, list[_Marker]] = {}  # this style's markers by ordinal, in text order
    for m in ms:
        if m.style == first.style:
            by_n.setdefault(m.n, []).append(m)
    while True:
        cur = seq[-1]
        cands = by_n.get(cur.n + 1, [])
        i = bisect.bisect_left(cands, cur.end, key=lambda m: m.pos)
        nxt = cands[i] if i < len(cands) else None
        if nxt is None:
            break
        if not blk.bounded:
            # outside a numbered section, items must follow one another: every paragraph in between
            # has to start with a (sub-)item marker
            if not all(p == nxt.pos or _opens_subitem(text, layout, rules, p, limit, first)
                       for p in layout.para_starts(cur.end, nxt.pos)):
                break
        seq.append(nxt)
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(seq[:-1]):
        spans.append((m.end, seq[i + 1].pos))
    last = seq[-1]
    s = last.end
    multi_para = any(layout.has_hard_break(*trim(text, x, y)) for x, y in spans)
    inline = (len(seq) > 1 and not layout.has_hard_break(first.pos, last.pos)
              and not any(layout.full_stop_in(*trim(text, x, y)) for x, y in spans))
    if inline:
        e = min(layout.first_sentence_end(s, limit), layout.para_end(s, limit))
    elif multi_para and blk.bounded:
        e = limit
    else:
        e = _extend_over_subitems(text, layout, rules, layout.para_end(s, limit), limit, first)
    spans.append((s, e))
    return trimmed(text, spans)

def without_tail(text: str, span: tuple[int, int], rules: ProblemRules) -> tuple[int, int]:
    """``span`` cut where its first tail starts (``，这更加坚定我们…``, ``，等等``, a site's advert)."""
    s, e = span
    cut = e
    for p in rules.tails:
        m = rx_search(p, text, s, e)
        if m and m.start() < cut:
            cut = m.start()
    return trim(text, s, cut)


def _paragraph_items(doc: Document, layout: Layout, rules: ProblemRules, blk: Block) -> list[tuple[int, int]]:
    """Items of a cue inside a paragraph: the statements (。；) of the rest of the paragraph up to its first
    closing statement (sentences.closing); of the cue's own statement, what follows its colon or its last
    clause that only says there are problems (cues.generic)."""
    text = doc.text
    a = blk.start
    end = layout.para_end(a, blk.limit)
    own = a > 0 and text[a - 1] not in "。！？!?；;：:\n"  # the cue ends inside its statement
    # the cue says there are problems (…还面临不少困难和问题) rather than only "we see"
    announced = bool(rules.generic_cue and rx_search(rules.generic_cue, text, blk.head, a))
    items: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(layout.sentence_spans(a, end)):
        t = text[s:e]
        if any_match(rules.closing, t):
            break
        if k == 0 and own:
            colon = max(t.rfind("："), t.rfind(":"))
            if colon >= 0:  # "…老问题、新挑战仍然不少，主要是：A；" - the cue runs to the colon
                s, t = s + colon + 1, t[colon + 1:]
            elif rules.generic_cue:  # the cue runs to its last clause that only says there are problems
                for cs, ce in layout.clause_spans(s, e, rules.item_separators):
                    if rx_search(rules.generic_cue, text, cs, ce):
                        s, announced = ce, True
                s, e = trim(text, s, e)
                t = text[s:e]
        if skip_sentence(t, rules):
            continue
        items.append((s, e))
    if blk.cue == "paragraph" and not announced and not any(reads_like_problem(text[s:e], rules) for s, e in items):
        return []
    if blk.cue == "paragraph" and items:
        lead = _lead_in(doc, layout, rules, blk.head)
        if lead:
            return [lead] + _split_paragraph_items(text, items, layout, rules)
    return _split_paragraph_items(text, items, layout, rules)


def _lead_in(doc: Document, layout: Layout, rules: ProblemRules, head: int) -> tuple[int, int] | None:
    """The statement right before a paragraph cue that opens its statement (我们清醒认识到), in the cue's paragraph, when it
    names a shortfall itself (outside.patterns): "…5项预期性指标、1项约束性指标未能如期完成。我们清醒认识到，…".
    A leading address (sentences.address: 各位代表，) is left out."""
    text = doc.text
    k = layout.statement_start(head)
    if k == 0 or head - k > 8 or text[k - 1] not in "。！？!?；;":
        return None
    spans = layout.sentence_spans(max(0, k - 400), k)
    if not spans or layout.has_hard_break(spans[-1][0], head):
        return None
    s, e = spans[-1]
    if not reads_like_problem(text[s:e], rules) or skip_sentence(text[s:e], rules):
        return None
    if rules.address is not None:
        m = rx_match(rules.address, text, s, e)
        if m:
            s = m.end()
    return trim(text, s, e)


def _split_paragraph_items(text: str, items: list[tuple[int, int]], layout: Layout,
                           rules: ProblemRules) -> list[tuple[int, int]]:
    if len(items) == 1:  # one statement: an item per clause ("A，B，C。")
        return [c for c in layout.clause_spans(*items[0], rules.item_separators) if not skip_sentence(text[c[0]:c[1]], rules)]
    return [g for it in items for f in _facets(text, it, rules) for g in _government_apart(text, f, layout, rules)]


def _government_apart(text: str, span: tuple[int, int], layout: Layout, rules: ProblemRules) -> list[tuple[int, int]]:
    """``span`` split before its first clause about the reporting body itself when the clauses before it
    name a problem of their own ("公共服务…仍有不少短板弱项，|一些干部政绩观有偏差…")."""
    if rules.government is None:
        return [span]
    clauses = layout.clause_spans(*span, rules.item_separators)
    for k, (cs, _) in enumerate(clauses[1:], start=1):
        if rx_match(rules.government, text, cs, span[1]):
            if rx_match(rules.government, text, *clauses[0]) or not any(
                    names_problem(text[a:b], rules) for a, b in clauses[:k]):
                break
            return [trim(text, span[0], cs), (cs, span[1])]
    return [span]


def _facets(text: str, span: tuple[int, int], rules: ProblemRules) -> list[tuple[int, int]]:
    """``span`` split where a facet opens ("从需求看，…；从产业看，…" gives one item per facet)."""
    s, e = span
    cuts = [m.start() for m in rx_finditer(rules.facet, text, s + 1, e)] if rules.facet is not None else []
    if not cuts or not rx_match(rules.facet, text, s):
        return [span]
    return trimmed(text, list(zip([s] + cuts, cuts + [e])))






def block_items(doc: Document, layout: Layout, rules: ProblemRules, blk: Block) -> list[tuple[int, int]]:
    text = doc.text
    if blk.limit <= blk.start or not text[blk.start:blk.limit].strip():
        return []
    if blk.items:
        return list(blk.items)
    items = _enumerated(text, layout, rules, blk)
    if items is not None:
        return items
    a, b = blk.start, blk.limit
    if blk.cue == "paragraph" or (blk.cue and text[a:layout.para_end(a, b)].strip()):
        # a cue inside a paragraph: the rest of the paragraph
        return _paragraph_items(doc, layout, rules, blk)
    if blk.cue:
        # a cue ending its line (主要表现在：⏎): the next paragraph, one row per clause when it is a single
        # sentence
        starts = layout.para_starts(a, b, first_only=True)
        if not starts:
            return []
        sents = [sp for sp in layout.sentence_spans(starts[0], layout.para_end(starts[0], b))
                 if not skip_sentence(text[sp[0]:sp[1]], rules)]
        if len(sents) == 1:
            sents = [c for c in layout.clause_spans(*sents[0], rules.item_separators) if not skip_sentence(text[c[0]:c[1]], rules)]
        return sents
    if not blk.bounded:
        # a heading line without numbered items: up to the next outline heading
        i = bisect.bisect_right(doc.section_index.starts, a)
        if i < len(doc.sections) and doc.sections[i].start < b:
            b = doc.sections[i].start
    # an introduction ending in a cue ("但还存在一些问题,主要表现在:", "我们清醒地认识到:") is not a problem
    for pat in rules.cues + ((rules.intro,) if rules.intro else ()):
        m = rx_search(pat, text, a, min(b, a + 300))
        if m and text[m.end():b].strip():
            a = m.end()
            break
    return [sp for sp in layout.sentence_spans(a, b) if not skip_sentence(text[sp[0]:sp[1]], rules)]
