"""The metrics DataFrame: its columns, their dtypes, and the conversion from mentions.

>>> list(empty_frame().columns) == list(COLUMNS)
True
"""
from __future__ import annotations

import pandas as pd

__all__ = ["COLUMNS", "DTYPES", "empty_frame", "to_frame"]

#: Column -> pandas dtype. The order is the frame's column order (a stable contract).
DTYPES: dict[str, str] = {
    "doc_id": "string",
    "article": "Int64",
    "region": "string",
    "region_code": "string",
    "period": "string",
    "section": "string",
    "sentence_id": "Int64",
    "start": "int64",
    "end": "int64",
    "surface": "string",
    "kind": "string",
    "label": "string",
    "indicator": "string",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "unit": "string",
    "currency": "string",
    "qualifier": "string",
    "direction": "string",
    "role": "string",
    "redacted": "bool",
    "in_name": "bool",
    "source": "string",
    "sentence": "string",
}
COLUMNS = tuple(DTYPES)


def empty_frame(dtypes: dict[str, str] = DTYPES) -> pd.DataFrame:
    """A frame with no rows and the full schema ("nothing found" is a normal result)."""
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in dtypes.items()})


def to_frame(rows: list[dict], dtypes: dict[str, str] = DTYPES) -> pd.DataFrame:
    """Rows (dicts keyed by column) -> a frame with exactly the schema's columns and dtypes."""
    if not rows:
        return empty_frame(dtypes)
    return pd.DataFrame({c: pd.array([r[c] for r in rows], dtype=t) for c, t in dtypes.items()})
