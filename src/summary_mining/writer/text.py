"""Text formats: CSV (UTF-8 with a byte-order mark, formula-like text quoted) and JSON lines."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .cells import _headers, _text_cells

__all__ = ["to_csv", "to_jsonl"]


def to_csv(df: pd.DataFrame, path: str | Path, *, headers: Mapping[str, str] | bool | None = False) -> Path:
    """Write a UTF-8 CSV with a byte-order mark (Excel reads it as UTF-8); returns the path.

    Column names stay as they are unless ``headers`` is True (Chinese) or a mapping. Lists are
    joined with ``、``; formula-like text gets a ``'`` in front (:func:`neutralise`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = _text_cells(df, quote=True)
    if headers is not False:
        out.columns = _headers(df, headers)
    out.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")  # CRLF, as Excel writes: a CR in a
    # cell is then quoted (with "\n" pandas leaves it bare and the row breaks)
    return path


def to_jsonl(df: pd.DataFrame, path: str | Path) -> Path:
    """One JSON object per line, Chinese kept as written; lists stay lists."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_json(path, orient="records", lines=True, force_ascii=False)
    return path
