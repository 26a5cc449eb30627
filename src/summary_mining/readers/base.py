"""What every reader returns, and the limits every reader honours."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..model import Block

__all__ = ["ReadResult", "Limits", "DEFAULT_LIMITS"]


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
    """Resource limits for reading one file. Change them per call or globally.

    ``max_bytes``: largest input file; ``max_unpacked_bytes``: largest total size of a DOCX's
    parts once decompressed (zip-bomb guard); ``max_pages``: PDF pages read (a longer PDF
    raises :class:`~summary_mining.errors.FileTooLargeError`).
    """

    max_bytes: int = 100 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000


DEFAULT_LIMITS = Limits()
