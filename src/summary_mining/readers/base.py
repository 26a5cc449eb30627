"""What every reader returns, and the limits every reader honours."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


__all__ = ["Block", "ReadResult", "Limits", "DEFAULT_LIMITS", "scrub_surrogates"]

_SURROGATES = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Lone UTF-16 surrogates (U+D800-U+DFFF: a broken PDF text layer, a string decoded with
    ``surrogateescape``) as U+FFFD, one for one, so offsets stay valid and every string can be
    written as UTF-8 (Arrow, parquet, CSV).

    >>> scrub_surrogates("到位资金\\ud993亿元")
    '到位资金\ufffd亿元'
    """
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


@dataclass(frozen=True, slots=True)
class Block:
    """A layout unit a reader emitted: a paragraph, a heading, or one row of a table.

    ``level`` is set for headings whose level the file states (DOCX ``Heading 2`` -> 2);
    ``table`` indexes the reader's tables for table rows (``row`` is the row in that table);
    ``page`` is the 1-based page for PDFs; ``cells`` the spans of a table row's cells when they are not
    the tab-separated pieces of its text (a plain-text table: ``粮食作物 | 726760 | -1.78 |``).
    """

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | table_row
    level: int | None = None
    table: int | None = None
    row: int | None = None
    page: int | None = None
    cells: tuple[tuple[int, int], ...] | None = None

    def cell_spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of a table row's cells: ``cells``, else the tab-separated pieces of ``text[start:end]``."""
        if self.cells is not None:
            return list(self.cells)
        spans, pos = [], self.start
        for cell in text[self.start:self.end].split("\t"):
            spans.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        return spans


@dataclass
class ReadResult:
    """A reader's output: the text and the layout it knows, before outline analysis.

    ``blocks`` cover the text in order (paragraphs, headings with a known level, table rows);
    ``tables`` hold each table as a DataFrame whose columns are its header row.
    """

    text: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    tables: list[pd.DataFrame] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    """Resource limits for reading one file: ``read_document(path, limits=Limits(max_pages=5000))``,
    ``mine(folder, limits=...)``.

    ``max_bytes``: largest input file (checked with ``stat`` before reading and again while
    reading, so a file is never read past it); ``max_unpacked_bytes``: largest total size of a
    DOCX's parts once decompressed (zip-bomb guard; a single part expanding more than 200:1 and
    past 4 MB is refused too); ``max_pages``: PDF pages read. Past any of them the read raises
    :class:`~summary_mining.errors.FileTooLargeError` before the content is parsed.
    The other limits: ``summary_mining.datafiles.MATCH_TIMEOUT`` (seconds one rule may spend on
    one match; :class:`~summary_mining.errors.RuleTimeoutError`) and ``mine(time_limit=120)``
    (seconds per file in a corpus run; :class:`~summary_mining.errors.TimeLimitError`).
    """

    max_bytes: int = 100 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000


DEFAULT_LIMITS = Limits()
