"""Where problem blocks are: problem headings (numbered or not, fused with their first item), explicit
cues in running text (…存在以下问题：), cues that open a paragraph of problems (我们也清醒地看到，…), and
runs of unheaded sections that read like problems; each with the limit it may run to.

>>> import summary_mining as sm
>>> doc = sm.read_document(text="一、工作成绩\\n完成投资10亿元。\\n二、存在问题\\n资金不足。\\n三、下一步工作计划\\n加强招商。\\n")
>>> from summary_mining.problems.rules import problem_rules
>>> [(doc.text[b.head:b.start], doc.text[b.start:b.limit].strip()) for b in find_blocks(doc, Layout(doc), problem_rules())]
[('二、存在问题', '资金不足。')]
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from ..datafiles import rx_finditer, rx_search
from ..model import SECTION_SEPARATOR, Document, Section
from ..structure import heading_at_line, structure_rules
from .layout import Layout, trim
from .phrases import NUMBER_IN, bare_title, heading_match, is_end_heading, ordinal, reads_like_problem
from .rules import ProblemRules

__all__ = ["Block", "find_blocks"]


@dataclass
class Block:
    head: int  # start of the heading or cue (the block is [head, limit))
    start: int  # where the body starts
    limit: int
    section: str
    bounded: bool  # True: a numbered section with content; its end is the section's end
    cue: str = ""  # "" under a heading; "list" after a cue like 主要有:; "paragraph" after 清醒地认识到…问题。
    items: tuple[tuple[int, int], ...] = ()  # a run of unheaded problem sections: its sections, found already

def _line_title(text: str, s: int, e: int) -> str:
    line = text[s:e]
    stop = rx_search(structure_rules().title_stop, line)
    return line[: stop.start()] if stop else line


def _article_end(doc: Document, pos: int) -> int:
    a = doc.article_at(pos)
    return a.end if a else (doc.articles[0].start if doc.articles and pos < doc.articles[0].start else len(doc.text))


class _StopLines:
    """Starts of the lines that end a problem block: section-end headings, and problem headings
    (which end a mixed heading's block). Classified once per document on first use, so each block
    finds its end by bisection instead of re-reading every line after it."""

    def __init__(self, doc: Document, layout: Layout, rules: ProblemRules) -> None:
        self.doc, self.layout, self.rules = doc, layout, rules
        self.ends: list[int] | None = None  # section-end heading lines
        self.heads: list[int] = []  # problem heading lines

    def _classify(self) -> list[int]:
        text, rules = self.doc.text, self.rules
        cap = max(rules.end_max, rules.heading_max) + 8
        ends: list[int] = []
        for s, e in self.layout.lines:
            if s == e:
                continue
            title = _line_title(text, s, e)
            if len(title.strip()) > cap:
                continue
            bare = bare_title(title)
            if is_end_heading(bare, rules):
                ends.append(s)
            elif heading_match(bare, rules):
                self.heads.append(s)
        return ends

    @staticmethod
    def _first(starts: list[int], lo: int, limit: int) -> int:
        i = bisect.bisect_left(starts, lo)
        return starts[i] if i < len(starts) and starts[i] < limit else limit

    def cut(self, head: int, start: int, limit: int, mixed: bool) -> tuple[int, bool]:
        """``limit`` moved up to the first section-end heading line (or, for a mixed heading, a nested
        problem heading), and whether a nested problem heading cut it (the block is then only a preamble
        to that one's: "招商引资工作存在问题及下步措施⏎(date, site lines)⏎一、招商引资工作中存在的问题和不足")."""
        if self.ends is None:
            self.ends = self._classify()
        layout = self.layout
        lo = max(start, layout.lines[layout.line_index(head)][0] + 1)  # lines after the heading's own line
        cut = self._first(self.ends, lo, limit)
        nested = self._first(self.heads, lo, limit) if mixed else limit
        return (nested, True) if nested < cut else (cut, False)


class _Covered:
    """Blocks found so far, for "does this position fall inside one?" in O(log n).

    Blocks are added in phases (headings, list cues, paragraph cues); within a phase heads only
    grow, so each phase keeps its heads in order and a running maximum of its limits.
    """

    def __init__(self) -> None:
        self.phases: list[tuple[list[int], list[int]]] = []  # (heads, prefix max of limits)

    def new_phase(self) -> None:
        self.phases.append(([], []))

    def add(self, head: int, limit: int) -> None:
        heads, maxes = self.phases[-1]
        heads.append(head)
        maxes.append(max(limit, maxes[-1]) if maxes else limit)

    def contains(self, pos: int) -> bool:
        for heads, maxes in self.phases:
            i = bisect.bisect_right(heads, pos) - 1
            if i >= 0 and pos < maxes[i]:
                return True
        return False

    def head_in(self, a: int, b: int) -> bool:
        for heads, _ in self.phases:
            i = bisect.bisect_left(heads, a)
            if i < len(heads) and heads[i] < b:
                return True
        return False


def _starts_with_first_heading(doc: Document, pos: int, limit: int) -> Section | None:
    """The outline heading numbered 1 that the body at ``pos`` begins with, if any."""
    text = doc.text
    p = pos
    while p < limit and text[p] in " \t\r\n\u3000：:":
        p += 1
    i = bisect.bisect_left(doc.section_index.starts, p)
    if i < len(doc.sections) and doc.sections[i].start == p:
        sec = doc.sections[i]
        num = NUMBER_IN.search(sec.number)
        if num and ordinal(num.group(0)) == 1:
            return sec
    return None


def _problem_runs(doc: Document, rules: ProblemRules) -> list[Block]:
    """Runs of at least ``runs.min_sections`` consecutive sibling sections, each of whose first statement names
    a shortcoming, with no problem heading above them (a list whose heading is on an earlier page:
    "十、文化市场执法人员的业务素质有待提高…⏎十一、体育运动管理中心人员老化问题严重…⏎十二、…急需兑现")."""
    text, secs = doc.text, doc.sections
    out: list[Block] = []
    run: list[int] = []

    def close() -> None:
        if len(run) >= rules.run_min_sections:
            first, last = secs[run[0]], secs[run[-1]]
            spans = tuple(trim(text, secs[i].start + len(secs[i].number), secs[i].end) for i in run)
            parent = doc.section_index.path(first.start).rpartition(SECTION_SEPARATOR)[0]
            out.append(Block(first.start, first.start, last.end, parent, True, items=spans))
        run.clear()

    for i, sec in enumerate(secs):
        if run and not (sec.level == secs[run[-1]].level and sec.start == secs[run[-1]].end):
            close()
        if reads_like_problem(text[sec.start + len(sec.number):doc.stop_span(sec.start)[1]], rules):
            run.append(i)
        else:
            close()
    close()
    return out


def _fused_heading(text: str, sec: Section, rules: ProblemRules) -> tuple[regex.Match[str] | None, int]:
    """A problem heading run together with its first item ("一、存在问题一是思想认识不重视。", a line break lost):
    the heading's match and where the first item's marker starts."""
    a = sec.start + len(sec.number)
    if not rx_search(rules.headings, bare_title(text[a:sec.title_end])):
        return None, sec.title_end
    for st in rules.markers:
        mk = rx_search(st.pattern, text, a + 2, sec.title_end)
        if mk and ordinal(mk.group("n")) == 1:
            m = heading_match(bare_title(text[sec.start:mk.start()]), rules)
            if m:
                return m, mk.start()
    return None, sec.title_end


def _unbounded_limit(doc: Document, pos: int, body: int) -> int:
    """Where a block opened by an unnumbered heading or a cue may run to at most."""
    limit = _article_end(doc, pos)
    enclosing = doc.section_index.at(pos)
    if enclosing is not None and _starts_with_first_heading(doc, body, limit) is None:
        limit = min(limit, enclosing.end)
    return limit




def find_blocks(doc: Document, layout: Layout, rules: ProblemRules) -> list[Block]:
    """The problem blocks of ``doc`` in text order, each ending before the next one starts."""
    text = doc.text
    stops = _StopLines(doc, layout, rules)
    cands: list[tuple[int, Block]] = []  # (heading line start, block)
    numbered_lines = set()
    for si, sec in enumerate(doc.sections):
        numbered_lines.add(layout.line_index(sec.start))
        m, body = heading_match(bare_title(text[sec.start:sec.title_end]), rules), sec.title_end
        if not m:
            m, body = _fused_heading(text, sec, rules)
            if not m:
                continue
        limit, bounded = sec.end, True
        if not text[body:sec.end].strip(" \t\r\n\u3000：:"):
            first = _starts_with_first_heading(doc, body, _article_end(doc, sec.start))
            if first is None:
                continue
            # "三、存在问题" followed by items numbered like headings of its own level (一、… 二、…)
            parent = doc.section_index.enclosing(si)
            parent = parent if parent is not None and parent.level < sec.level else None
            limit, bounded = (parent.end if parent else _article_end(doc, sec.start)), False
        limit, preamble = stops.cut(sec.start, body, limit, bool(m.group("suffix")))
        if preamble:
            continue
        cands.append((sec.start, Block(sec.start, body, limit, sec.path_str, bounded)))
    # heading lines without outline numbers ("存在问题", "存在的主要问题：…")
    for li, (s, e) in enumerate(layout.lines):
        if li in numbered_lines:
            continue
        line = text[s:e]
        if not line.strip() or heading_at_line(line.strip()) is not None:
            continue
        colon = min((i for i in (line.find("："), line.find(":")) if i >= 0), default=-1)
        title = line[:colon] if colon >= 0 else line
        if colon < 0 and len(line.strip()) > rules.heading_max + 4:
            continue
        m = heading_match(bare_title(title), rules)
        if not m or (colon >= 0 and line[colon + 1:].strip() and len(bare_title(title)) > rules.heading_inline_max):
            continue
        body = s + (colon + 1 if colon >= 0 else len(line))
        limit = _unbounded_limit(doc, s, body)
        limit, preamble = stops.cut(s, body, limit, bool(m.group("suffix")))
        if preamble:
            continue
        parent = doc.section_index.path(s)
        path = (parent + SECTION_SEPARATOR if parent else "") + bare_title(title)
        cands.append((s, Block(s, body, limit, path, False)))
    cands.sort(key=lambda c: c[0])
    blocks: list[Block] = []
    covered = _Covered()
    covered.new_phase()
    for _, blk in cands:
        if covered.contains(blk.head):
            continue
        blocks.append(blk)
        covered.add(blk.head, blk.limit)
    covered.new_phase()
    for blk in _problem_runs(doc, rules):
        if not (covered.contains(blk.head) or covered.head_in(blk.head, blk.limit)):
            blocks.append(blk)
            covered.add(blk.head, blk.limit)
    # explicit cues in running text
    for cue in rules.cues:
        covered.new_phase()  # each cue pattern scans the text afresh: its heads grow again
        for m in rx_finditer(cue, text):
            if covered.contains(m.start()):
                continue
            if rules.cue_exclude and rx_search(rules.cue_exclude, text, layout.statement_start(m.start()), m.end()):
                continue
            limit = _unbounded_limit(doc, m.start(), m.end())
            limit = stops.cut(m.start(), m.end(), limit, False)[0]
            blocks.append(Block(m.start(), m.end(), limit, doc.section_index.path(m.start()), False, cue="list"))
            covered.add(m.start(), limit)
    for cue in rules.paragraph_cues:
        covered.new_phase()
        for m in rx_finditer(cue, text):
            pend = layout.para_end(m.start(), len(text))
            if covered.contains(m.start()) or covered.head_in(m.start(), pend):
                continue  # inside a block, or a list cue in the same paragraph opens it already
            if rules.cue_exclude and rx_search(rules.cue_exclude, text, m.start(), m.end()):
                continue
            blocks.append(Block(m.start(), m.end(), pend, doc.section_index.path(m.start()), False, cue="paragraph"))
            covered.add(m.start(), pend)
    blocks.sort(key=lambda b: b.head)
    for b, nxt in zip(blocks, blocks[1:]):
        b.limit = min(b.limit, nxt.head)  # a block never runs into the next one
    return blocks
