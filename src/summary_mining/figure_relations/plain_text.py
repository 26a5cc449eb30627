"""A text without what only decorates its words, and where each of its characters is written.

A mirror site glosses characters with their pronunciation (增長(zhǎng)), a statistics page marks footnotes ([3]), a
justified PDF line pads its letters with spaces (全 市 社 会 保 险 基 金), a PDF's text wraps its lines at a fixed
width (32.9亿⏎元). None of it is a word, yet each breaks a cue word, a name or a figure's scale the relation finders
look for. :class:`PlainReading` builds the document's plain twin — the same blocks and tables over the text with
those pieces left out, its structure built there afresh — on which the relations are read like those of any other
text; every offset they give is then mapped back to the text as written (:class:`PlainText`).

>>> from summary_mining import read_document
>>> r = PlainReading.of(read_document(text="全 市 收 入 增 長(zhǎng)3%。"))
>>> r.doc.text
'全市收入增長3%。'
>>> r.plain_span(18, 20), r.written_span(6, 8)  # 3%
((6, 8), (18, 20))
>>> PlainReading.of(read_document(text="全市收入增长3%。")) is None
True
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..datafiles import code_pattern, rx_finditer, rx_fullmatch
from ..figures.record import Figure
from ..model import Document, Paragraph, Sentence
from ..normalize import normalize
from ..readers.base import Block, ReadResult
from ..structure import PAD_SPACES, build_document, structure_rules

__all__ = ["PlainText", "PlainReading", "glosses", "pads", "wraps", "page_breaks"]

#: A pronunciation gloss or a footnote mark (``glosses`` of structure.toml).
_GLOSS = structure_rules().gloss or code_pattern("(?!)")
_HAN = code_pattern(r"\p{Han}")
_CJK = r"\p{Han}，。；：、！？（）“”《》"
#: One space padding a letter of a justified line (全 市 社 会, 其 中 ，, 增 长 8.1%, 值 (GDP)): a Chinese character or
#: full-width mark (its gloss read past) on one side, no other space nor a cell's bar on either. (Two or more spaces, and
#: tabs, may set table cells apart: kept; so is one space between two cells of a table row.)
_ONE = "[" + PAD_SPACES.replace("\t", "") + "]"
_PAD = code_pattern(rf"(?<=[{_CJK}](?:{_GLOSS.pattern})?){_ONE}(?=[^\s|｜])|(?<=[^\s|｜]){_ONE}(?=[{_CJK}])")


class PlainText:
    """``text`` without the ``dropped`` spans (sorted by start; they may overlap), and where each of its characters is
    in the text: kept as the runs between the pieces left out (two ints a piece), not an offset per character.

    >>> p = PlainText("增長(zhǎng)3%，其 中5%", [(2, 9), (13, 14)])
    >>> p.plain, [p.at(k) for k in range(len(p.plain) + 1)]
    ('增長3%，其中5%', [0, 1, 9, 10, 11, 12, 14, 15, 16, 17])
    """

    def __init__(self, text: str, dropped: Iterable[tuple[int, int]]) -> None:
        pieces, self._plain_starts, self._starts = [], [0], [0]
        pos = n = 0
        for a, b in dropped:
            if b <= pos:
                continue
            a = max(a, pos)
            pieces.append(text[pos:a])
            n += a - pos
            pos = b
            self._plain_starts.append(n)
            self._starts.append(pos)
        pieces.append(text[pos:])
        self.plain = "".join(pieces) if len(pieces) > 1 else text
        self._runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def at(self, k: int) -> int:
        """The text offset of plain character ``k`` (``len(plain)``: the end of the text)."""
        i = bisect.bisect_right(self._plain_starts, k) - 1
        return self._starts[i] + k - self._plain_starts[i]

    def index(self, offset: int) -> int:
        """The plain character at or right after text ``offset`` (one inside a piece left out: the next kept one).

        >>> p = PlainText("增長(zhǎng)3%", [(2, 9)])
        >>> p.index(0), p.index(4), p.index(9)
        (0, 2, 2)
        """
        i = bisect.bisect_right(self._starts, offset) - 1
        k = self._plain_starts[i] + offset - self._starts[i]
        return min(k, self._plain_starts[i + 1]) if i + 1 < len(self._plain_starts) else min(k, len(self.plain))

    def indexes(self, offsets: Sequence[int]) -> list[int]:
        """:meth:`index` of each of ``offsets`` at once (a document's every sentence, line and clause cut: one
        vectorised lookup instead of a call per offset).

        >>> PlainText("增長(zhǎng)3%", [(2, 9)]).indexes([0, 4, 9, 11])
        [0, 2, 2, 4]
        """
        if self._runs is None:
            starts, plain_starts = np.array(self._starts), np.array(self._plain_starts)
            self._runs = (starts, plain_starts, np.append(plain_starts[1:], len(self.plain)))
        starts, plain_starts, next_starts = self._runs
        at = np.asarray(offsets, dtype=np.int64)
        i = np.searchsorted(starts, at, side="right") - 1
        return np.minimum(plain_starts[i] + at - starts[i], next_starts[i]).tolist()


def glosses(text: str) -> list[tuple[int, int]]:
    """The spans of the pronunciation glosses and footnote marks of ``text`` (a bracket of words, 下同, is kept: it says
    whose a figure is).

    >>> glosses("增長(zhǎng)8%（下同），總值[3]")
    [(2, 9), (18, 21)]
    """
    return [m.span() for m in rx_finditer(_GLOSS, text) if not _HAN.search(m.group())]


def pads(doc: Document) -> list[tuple[int, int]]:
    """The single spaces padding the letters of ``doc``'s text (in a table row, those inside a cell: 县 区 级, not the
    one between two cells; two spaces are no pad), in text order.

    >>> from summary_mining import read_document
    >>> doc = read_document(text="全 市 社 会 保 险 基 金 支 出 完 成 12.3亿元 ，增 长 8%。\\n城镇  110.8  51.3\\n乡村  105.0  48.7")
    >>> PlainText(doc.text, pads(doc)).plain
    '全市社会保险基金支出完成12.3亿元，增长8%。\\n城镇  110.8  51.3\\n乡村  105.0  48.7'
    """
    text = doc.normalized_text
    if not any(c in text for c in PAD_SPACES if c != "\t"):
        return []
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    starts = [b.start for b in rows]

    def inside_cell(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        return i < 0 or rows[i].end <= s or any(a < s and e < b for a, b in rows[i].cell_spans(doc.text))
    return [m.span() for m in rx_finditer(_PAD, text) if inside_cell(*m.span())]


def wraps(doc: Document) -> list[int]:
    """The line breaks inside ``doc``'s paragraphs: the soft wraps of a hard-wrapped text (a paragraph ends at a hard
    break).

    >>> from summary_mining import read_document
    >>> text = ("全市一般公共预算收入完成31.99亿元，为预算\\n的120.9%，增长26%。其中：税收收入26.83\\n亿元，增长54.1%；非税收入5.16亿元，下降"
    ...         "\\n35.3%。全市一般公共预算支出完成212.71亿\\n元，为变动预算的87.5%，增长5%。\\n市本级收入完成15.05亿元。")
    >>> wraps(read_document(text=text))
    [23, 50, 75, 101]
    """
    text, out = doc.text, []
    for p in doc.paragraphs:
        i = text.find("\n", p.start, p.end)
        while i >= 0:
            out.append(i)
            i = text.find("\n", i + 1, p.end)
    return out


def page_breaks(doc: Document) -> list[tuple[int, int]]:
    """The page numbers a paragraph runs across (…经费类支⏎— 7 —⏎出311.5亿元: ``page_number`` of structure.toml), each with
    the line break before it, and the other line breaks inside paragraphs (:func:`wraps`), in text order.

    >>> from summary_mining import read_document
    >>> text = ("交通运输支出385.4亿元。其中：地方财力安排的经费类支\\n— 7 —\\n出311.5亿元，包括市本级310.5亿元，完成调整预算\\n"
    ...         "的100.2%；市对区转移支付支出73.9亿元，完成调\\n整预算的100%，主要用于支持各区交通基础设施建\\n设。教育支出完成"
    ...         "调整预算的99.8%，增长3.1%，主\\n要用于支持学前教育、义务教育和高中教育发展。\\n城乡社区支出完成调整预算的97.1%。")
    >>> PlainText(text, page_breaks(read_document(text=text))).plain[:48]
    '交通运输支出385.4亿元。其中：地方财力安排的经费类支出311.5亿元，包括市本级310.5亿'
    """
    rule, text, out = structure_rules().page_number, doc.text, []
    for k in wraps(doc):
        end = text.find("\n", k + 1)
        line = text[k + 1:end if end >= 0 else len(text)]
        if rule is not None and end >= 0 and rx_fullmatch(rule, normalize(line.strip())) is not None:
            out.append((k, end))  # (the break after it is a wrap of its own: left out next)
        else:
            out.append((k, k + 1))
    return out


def _plain_cell(cell: object) -> object:
    """A table cell's or header's text without glosses and pads (县區(qū)级, 累 計 -> 县區级, 累計); anything else as it is."""
    if not isinstance(cell, str):
        return cell
    dropped = sorted(glosses(cell) + [m.span() for m in rx_finditer(_PAD, cell)])
    return PlainText(cell, dropped).plain if dropped else cell


def _plain_table(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its cells and headers without glosses and pads (a copy, its ``attrs`` kept), or itself when none
    holds any."""
    cells = [*table.columns, *(v for row in table.itertuples(index=False) for v in row)]
    if not any(isinstance(c, str) and (_plain_cell(c) is not c) for c in cells):
        return table
    return table.rename(columns=_plain_cell).map(_plain_cell)


#: Pads past this share of a text's characters make its lines uneven once they are gone (a letter-spaced text): its
#: structure is built afresh; fewer (一、综 合, 2023年 全市) leave it as it is, placed in the shorter text.
PADDED_SHARE = 0.01


def _without(written: Document, text: PlainText, dropped: list[tuple[int, int]], *, rebuild: bool = True) -> Document:
    """``written`` without the pieces ``text`` leaves out (``dropped``): its blocks and tables placed in the shorter text,
    and its structure built there afresh (``rebuild``: as a copy written without them reads, a line break that wraps a
    line as written wrapping it still) or placed there as it is."""
    at, many = text.index, text.indexes
    starts, ends = many([b.start for b in written.blocks]), many([b.end for b in written.blocks])
    blocks = [Block(s, e, b.kind, b.level, b.table, b.row, b.page,
                    tuple((at(a), at(z)) for a, z in b.cells) if b.cells is not None else None)
              for b, s, e in zip(written.blocks, starts, ends)]
    tables = [_plain_table(t) for t in written.tables]
    if rebuild:
        result = ReadResult(text=text.plain, format=written.format, blocks=blocks, tables=tables,
                            metadata=dict(written.metadata))
        return build_document(result, doc_id=written.doc_id, source=written.source, wraps=[at(k) for k in wraps(written)])

    # (each record built anew from its fields, the offsets placed: a dataclass replace costs several times as much;
    # the many offsets of sentences, paragraphs, lines and cuts placed at once)
    sentences, paragraphs, lines = written.sentences, written.paragraphs, written.lines
    s_starts, s_ends = many([x.start for x in sentences]), many([x.end for x in sentences])
    p_starts, p_ends = many([x.start for x in paragraphs]), many([x.end for x in paragraphs])
    l_starts, l_ends = many([a for a, _ in lines]), many([b for _, b in lines])
    return Document(
        doc_id=written.doc_id, source=written.source, format=written.format, text=text.plain,
        articles=[replace(a, start=at(a.start), end=at(a.end)) for a in written.articles],
        sections=[replace(x, start=at(x.start), end=at(x.end), title_end=at(x.title_end)) for x in written.sections],
        sentences=[Sentence(x.index, a, b, x.article, x.section) for x, a, b in zip(sentences, s_starts, s_ends)],
        tables=tables, blocks=blocks, metadata=dict(written.metadata),
        paragraphs=[Paragraph(x.index, a, b) for x, a, b in zip(paragraphs, p_starts, p_ends)],
        lines=list(zip(l_starts, l_ends)), clause_cuts=many(written.clause_cuts),
        stops=many(written.stops), stop_numbers=list(written.stop_numbers),
        normalized_text=PlainText(written.normalized_text, dropped).plain)


class PlainReading:
    """The plain twin of a document (:attr:`doc`: its text without :func:`glosses`, then without :func:`pads`, then
    without the line breaks that only wrap its lines and the page numbers inside its paragraphs, :func:`page_breaks`; its
    structure built afresh each time) and the mapping of offsets between the two."""

    def __init__(self, written: Document, steps: list[PlainText], doc: Document) -> None:
        self.written = written
        self.steps = steps  # written -> ... -> plain
        self.doc = doc

    @classmethod
    def of(cls, doc: Document) -> "PlainReading | None":
        """The plain reading of ``doc``, or None when nothing in it only decorates its words (the usual case)."""
        written, steps = doc, []
        # (pads once glosses are gone: 產 (chǎn)業 -> 產 業; wraps once the lines are read as they are written without them)
        for find in (lambda d: glosses(d.normalized_text), pads, page_breaks):
            dropped = find(doc)
            if dropped:
                text = PlainText(doc.text, dropped)
                # (a few pads leave the lines as they were: the structure placed, not built again)
                few = find is pads and len(dropped) <= PADDED_SHARE * len(doc.text)
                doc = _without(doc, text, dropped, rebuild=not few)
                steps.append(text)
        return cls(written, steps, doc) if steps else None

    def plain_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the written text in the plain text."""
        for t in self.steps:
            start, end = t.index(start), t.index(end)
        return start, end

    def written_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the plain text in the written text (a piece left out right after its last character is not in it)."""
        last = end - 1 if end > start else None
        for t in reversed(self.steps):
            start = t.at(start)
            last = t.at(last) if last is not None else None
        return start, (last + 1 if last is not None else start)

    def figures(self, figures: list[Figure]) -> list[Figure]:
        """A copy of each figure record placed in the plain text (its statement and clause those of the plain twin; its
        surface as written, which messages quote: 266.63 亿元)."""
        doc, out = self.doc, []
        for f in figures:
            g = f.copied()
            g.start, g.end = self.plain_span(f.start, f.end)
            g.sentence, g.clause = doc.sentence_index(g.start), doc.clause_at(g.start).index
            out.append(g)
        return out

    def evidence(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """``(start, end, text)`` as written of each span of the plain text."""
        out = []
        for s, e in spans:
            ws, we = self.written_span(s, e)
            out.append((ws, we, self.written.text[ws:we]))
        return out
