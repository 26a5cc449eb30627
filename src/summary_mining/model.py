"""The document model: a text, and everything known about its layout, as offsets into it.

Every ``start``/``end`` here indexes :attr:`Document.text`, so ``doc.text[s.start:s.end]`` is
always the exact characters a part came from. The layout — lines, paragraphs, sentences
(statements), clauses, articles and sections — is computed once, when the document is built
(:mod:`summary_mining.structure`); every stage reads it through the lookups below (bisect over
offsets built once) instead of finding boundaries of its own.

>>> from summary_mining import read_document
>>> doc = read_document(text="一、目标任务完成情况\\n全县到位资金60.07亿元，增长12%。\\n")
>>> [s.title for s in doc.sections]
['一、目标任务完成情况']
>>> doc.section_path(15)
'一、目标任务完成情况'
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['一、目标任务完成情况', '全县到位资金60.07亿元，增长12%。']
>>> c = doc.clause_at(doc.text.index("增长")); doc.text[c.start:c.end]
'增长12%。'
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .normalize import normalize
from .readers.base import Block

__all__ = ["Block", "Article", "Section", "Sentence", "Paragraph", "Clause", "Document", "SectionIndex",
           "SECTION_SEPARATOR"]

#: Joins section titles into a path: ``一、工作完成情况 > (一)招商引资``.
SECTION_SEPARATOR = " > "


@dataclass(frozen=True, slots=True)
class Article:
    """One summary in a file that bundles several (投资促进工作总结篇1 … 篇6)."""

    index: int
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """An outline heading (一、 / (一) / 1、 / (1) / ① or a DOCX heading) and the text it governs."""

    title: str
    level: int
    start: int  # start of the heading line
    end: int  # where the next heading of the same or a higher level (or the article) begins
    title_end: int  # end of the heading's own text
    article: int
    path: tuple[str, ...]
    number: str = ""  # the outline label as written: 一、 (三) 2. ①

    @property
    def path_str(self) -> str:
        return SECTION_SEPARATOR.join(self.path)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A statement: text up to 。！？； or the end of its paragraph, whitespace trimmed.

    ``Document.sentences`` (also ``Document.statements``) are the statements in text order;
    ``index`` is the position in that list (the metrics frame's ``sentence_id``).
    """

    index: int
    start: int
    end: int
    article: int
    section: str  # the section path, "" outside any section


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: a reader block, or the lines of a hard-wrapped text that one paragraph spans."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause: the text between two clause breaks (，；：。 brackets, quotes, line breaks; the
    break that ends it included). ``index`` counts clauses from the start of the text."""

    index: int
    start: int
    end: int


class SectionIndex:
    """The innermost section at an offset in O(nesting depth).

    Sections nest (each ends where the next one of its level or higher begins), so the sections
    holding an offset are the last section starting at or before it and its enclosing ones;
    ``parent[i]`` is the index of the section enclosing section ``i`` (-1 for none).
    """

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.starts = [s.start for s in sections]
        self.parent: list[int] = []
        stack: list[int] = []
        for i, sec in enumerate(sections):
            while stack and sections[stack[-1]].end <= sec.start:
                stack.pop()
            self.parent.append(stack[-1] if stack and sections[stack[-1]].start <= sec.start else -1)
            stack.append(i)

    def index_at(self, offset: int) -> int:
        """Index of the innermost section holding ``offset``, -1 when none does."""
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            sec = self.sections[i]
            if sec.start <= offset < sec.end:
                return i
            i = self.parent[i]
        return -1

    def at(self, offset: int) -> Section | None:
        i = self.index_at(offset)
        return self.sections[i] if i >= 0 else None

    def path(self, offset: int) -> str:
        sec = self.at(offset)
        return sec.path_str if sec else ""

    def enclosing(self, i: int) -> Section | None:
        """The section that encloses section ``i`` (its parent in the outline), if any."""
        p = self.parent[i] if 0 <= i < len(self.parent) else -1
        return self.sections[p] if p >= 0 else None


def _index_before(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


@dataclass
class Document:
    """A read document. Build one with :func:`summary_mining.read_document`.

    ``clause_cuts`` are the offsets where clauses end (after their break), ``stops`` those where
    full sentences end (after 。！？ or at a paragraph end): both sorted, computed once by
    :mod:`summary_mining.structure`. ``stop_numbers`` numbers the spans between stops, a blank one (the line
    break between two paragraphs) taking the next one's number, so the full sentence opening a paragraph is the
    next after the one closing the paragraph before.
    """

    doc_id: str
    source: str
    format: str  # txt | docx | pdf
    text: str
    articles: list[Article] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tables: list[pd.DataFrame] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    lines: list[tuple[int, int]] = field(default_factory=list)
    clause_cuts: list[int] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)
    stop_numbers: list[int] = field(default_factory=list, repr=False)
    #: ``text`` normalised one character for one character (full-width digits, ％ ﹪, 個 萬 …): the
    #: rules match it, offsets index ``text``
    normalized_text: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if len(self.normalized_text) != len(self.text):
            self.normalized_text = normalize(self.text)
        self._article_starts = [a.start for a in self.articles]
        self._sentence_starts = [s.start for s in self.sentences]
        self._block_starts = [b.start for b in self.blocks]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._line_starts = [s for s, _ in self.lines]
        self.section_index = SectionIndex(self.sections)

    def __repr__(self) -> str:
        return (f"Document(doc_id={self.doc_id!r}, format={self.format!r}, chars={len(self.text)}, "
                f"articles={len(self.articles)}, sections={len(self.sections)}, "
                f"sentences={len(self.sentences)}, tables={len(self.tables)})")

    @property
    def statements(self) -> list[Sentence]:
        """The statements (the same list as :attr:`sentences`)."""
        return self.sentences

    # -- lookups (bisect over offsets built once) -----------------------------------------------
    def article_at(self, offset: int) -> Article | None:
        """The article holding ``offset``, or None in a preamble before the first article."""
        i = _index_before(self._article_starts, offset)
        if i >= 0 and offset < self.articles[i].end:
            return self.articles[i]
        return None

    def article_index(self, offset: int) -> int:
        """Article number at ``offset`` (1-based as the file numbers them; 0 for a preamble)."""
        a = self.article_at(offset)
        return a.index if a else 0

    def section_at(self, offset: int) -> Section | None:
        """The innermost section holding ``offset``."""
        return self.section_index.at(offset)

    def section_path(self, offset: int) -> str:
        """The section path at ``offset`` (``一、工作完成情况 > (一)招商引资``), "" outside any."""
        return self.section_index.path(offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence (statement) holding ``offset``."""
        i = _index_before(self._sentence_starts, offset)
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    statement_at = sentence_at

    def sentence_index(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (-1 before the first)."""
        return _index_before(self._sentence_starts, offset)

    def block_at(self, offset: int) -> Block | None:
        """The reader block (paragraph, heading or table row) holding ``offset``."""
        i = _index_before(self._block_starts, offset)
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding ``offset``."""
        i = _index_before(self._paragraph_starts, offset)
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def paragraph_index(self, offset: int) -> int:
        """Index of the last paragraph starting at or before ``offset`` (-1 before the first):
        two offsets with the same index and no paragraph end between them share a paragraph."""
        return _index_before(self._paragraph_starts, offset)

    def line_index(self, offset: int) -> int:
        """Index into :attr:`lines` of the line holding ``offset``."""
        return max(_index_before(self._line_starts, offset), 0)

    def clause_at(self, offset: int) -> Clause:
        """The clause holding ``offset``."""
        i = bisect.bisect_right(self.clause_cuts, offset)
        start = self.clause_cuts[i - 1] if i else 0
        end = self.clause_cuts[i] if i < len(self.clause_cuts) else len(self.text)
        return Clause(i, start, end)

    def clause_start(self, offset: int) -> int:
        """Where the clause holding ``offset`` (or ending right at it) starts."""
        i = bisect.bisect_left(self.clause_cuts, offset)
        return self.clause_cuts[i - 1] if i else 0

    def clause_cuts_between(self, start: int, end: int) -> list[int]:
        """The clause ends strictly inside ``(start, end)``."""
        return self.clause_cuts[bisect.bisect_right(self.clause_cuts, start):bisect.bisect_left(self.clause_cuts, end)]

    def stop_span(self, offset: int) -> tuple[int, int]:
        """The full sentence holding ``offset``: from the last 。！？ (or paragraph start) before it to
        the next one. Statements joined by ； share it."""
        i = bisect.bisect_right(self.stops, offset)
        start = self.stops[i - 1] if i else 0
        end = self.stops[i] if i < len(self.stops) else len(self.text)
        return start, end

    def stop_index(self, offset: int) -> int:
        """Index of the full sentence holding ``offset``, blank ones not counted (``stop_numbers``)."""
        i = bisect.bisect_right(self.stops, offset)
        return self.stop_numbers[i] if self.stop_numbers else i

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or "")
