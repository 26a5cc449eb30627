"""The document model: a text, and everything we know about its layout, as offsets into it.

Every ``start``/``end`` in this module indexes :attr:`Document.text`, so
``doc.text[s.start:s.end]`` is always the exact characters a part came from.

>>> from summary_mining import read_document
>>> doc = read_document("一、目标任务完成情况\\n全县到位资金60.07亿元。\\n")
>>> [s.title for s in doc.sections]
['一、目标任务完成情况']
>>> doc.section_path(15)
'一、目标任务完成情况'
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['一、目标任务完成情况', '全县到位资金60.07亿元。']
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

__all__ = ["Block", "Article", "Section", "Sentence", "Document", "SECTION_SEPARATOR"]

#: Joins section titles into a path: ``一、工作完成情况 > (一)招商引资``.
SECTION_SEPARATOR = " > "


@dataclass(frozen=True)
class Block:
    """A layout unit a reader emitted: a paragraph, a heading, or one row of a table.

    ``level`` is set for headings whose level the file states (DOCX ``Heading 2`` -> 2);
    ``table`` indexes :attr:`Document.tables` for table rows (``row`` is the row in that table);
    ``page`` is the 1-based page for PDFs.
    """

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | table_row
    level: int | None = None
    table: int | None = None
    row: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Article:
    """One summary in a file that bundles several (投资促进工作总结篇1 … 篇6)."""

    index: int
    title: str
    start: int
    end: int


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Sentence:
    """A sentence: split on 。！？； and line breaks, whitespace trimmed."""

    index: int
    start: int
    end: int
    article: int
    section: str  # the section path, "" outside any section


@dataclass
class Document:
    """A read document. Build one with :func:`summary_mining.read_document`."""

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

    def __post_init__(self) -> None:
        self._article_starts = [a.start for a in self.articles]
        self._sentence_starts = [s.start for s in self.sentences]
        self._section_starts = [s.start for s in self.sections]
        self._block_starts = [b.start for b in self.blocks]

    def __repr__(self) -> str:
        return (f"Document(doc_id={self.doc_id!r}, format={self.format!r}, chars={len(self.text)}, "
                f"articles={len(self.articles)}, sections={len(self.sections)}, "
                f"sentences={len(self.sentences)}, tables={len(self.tables)})")

    # -- lookups ---------------------------------------------------------------------------
    def article_at(self, offset: int) -> Article | None:
        """The article holding ``offset``, or None in a preamble before the first article."""
        i = bisect.bisect_right(self._article_starts, offset) - 1
        if i >= 0 and offset < self.articles[i].end:
            return self.articles[i]
        return None

    def article_index(self, offset: int) -> int:
        """Article number at ``offset`` (1-based as the file numbers them; 0 for a preamble)."""
        a = self.article_at(offset)
        return a.index if a else 0

    def section_at(self, offset: int) -> Section | None:
        """The innermost section holding ``offset`` (bisect, then up its enclosing sections:
        :class:`summary_mining.outline.SectionIndex`, built once per document)."""
        from .outline import section_index  # outline builds documents: imported here, not at the top

        return section_index(self).at(offset)

    def section_path(self, offset: int) -> str:
        """The section path at ``offset`` (``一、工作完成情况 > (一)招商引资``), "" outside any."""
        s = self.section_at(offset)
        return s.path_str if s else ""

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def block_at(self, offset: int) -> Block | None:
        """The reader block (paragraph, heading or table row) holding ``offset``."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    @cached_property
    def normalized_text(self) -> str:
        """``text`` normalised one character for one character (full-width digits, ％ ﹪, 個 萬 …)."""
        from .normalize import normalize
        return normalize(self.text)

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or "")
