"""The metrics DataFrame: its columns, their dtypes, and the conversion from mentions.

>>> list(empty_frame().columns) == list(COLUMNS)
True
"""
from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Callable

import numpy as np
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
    "number": "float64",
    "decimals": "Int64",
    "written_unit": "string",
    "subject": "string",
    "subject_code": "string",
    "subject_level": "string",
    "figure_period": "string",
}
COLUMNS = tuple(DTYPES)


def empty_frame(dtypes: dict[str, str] = DTYPES) -> pd.DataFrame:
    """A frame with no rows and the full schema ("nothing found" is a normal result): a copy of a template
    built once per schema (building a frame of 28 typed columns costs several times a copy)."""
    return _empty_template(tuple(dtypes.items())).copy()


@lru_cache(maxsize=32)
def _empty_template(items: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.array([], dtype=t) for c, t in _resolved(items)}, copy=False)


@lru_cache(maxsize=32)
def _resolved(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, object], ...]:
    """Column -> resolved dtype object (pandas' registry lookup of "string"/"Int64" is slow, so once)."""
    return tuple((c, pd.api.types.pandas_dtype(t)) for c, t in items)


def _arrow_string():
    """The "string" dtype when it is pyarrow-backed with ``pd.NA`` (pandas 3 with pyarrow), else None."""
    try:
        import pyarrow as pa
    except ImportError:
        return None, None
    dt = pd.api.types.pandas_dtype("string")
    ok = getattr(dt, "storage", None) == "pyarrow" and dt.na_value is pd.NA
    return (dt, pa) if ok else (None, None)


_ARROW_STRING, _pa = _arrow_string()


#: Columns up to this many rows go through one ``pyarrow.array`` call (a document's frame: fastest);
#: longer ones are built at their exact size by :func:`_arrow_strings` (a corpus's frame: least memory).
_SMALL_COLUMN = 4096


def _arrow_strings(values: tuple):
    """A pyarrow large_string array of ``values`` (str or None) built at its exact size: each distinct
    string object is encoded once (rows of one sentence share it) and the characters are joined into one
    buffer that arrow wraps without a copy. ``pyarrow.array`` grows its buffer by doubling instead, and
    its memory pool keeps the high-water mark: twice the column for a column of long sentences.

    >>> _arrow_strings(("增长8.9%", None, "增长8.9%")).to_pylist()
    ['增长8.9%', None, '增长8.9%']
    """
    valid = np.fromiter((v is not None and v is not pd.NA for v in values), dtype=bool, count=len(values))
    if not all(isinstance(v, str) for v, ok in zip(values, valid) if ok):
        return _pa.array([v if ok else None for v, ok in zip(values, valid)], type=_pa.large_string())
    encoded: dict[int, bytes] = {}  # one encoding per distinct string object
    pieces = [encoded[id(v)] if id(v) in encoded else encoded.setdefault(id(v), v.encode("utf-8"))
              for v, ok in zip(values, valid) if ok]
    lengths = np.zeros(len(values) + 1, dtype=np.int64)
    lengths[1:][valid] = [len(b) for b in pieces]
    nulls = len(values) - len(pieces)
    validity = _pa.array(valid).buffers()[1] if nulls else None
    return _pa.LargeStringArray.from_buffers(len(values), _pa.py_buffer(np.cumsum(lengths)), _pa.py_buffer(b"".join(pieces)),
                                             validity, nulls)


def to_frame(rows: list[dict], dtypes: dict[str, str] = DTYPES) -> pd.DataFrame:
    """Rows (dicts keyed by column) -> a frame with exactly the schema's columns and dtypes.

    Built column-wise from one transpose: numpy for numeric columns, one ``pyarrow.array`` call
    for string columns when "string" is pyarrow-backed, a masked array for whole numbers with
    gaps (``Int64``), ``pd.array`` for the rest. Each column is built at its final dtype, so the
    frame is assembled from them as they are (no second pass checking and converting each column).
    """
    if not rows:
        return empty_frame(dtypes)
    resolved = _resolved(tuple(dtypes.items()))
    names = [c for c, _ in resolved]
    columns = zip(*map(_row_getter(tuple(names)), rows))
    arrays = []
    for (c, t), values in zip(resolved, columns):
        if isinstance(t, np.dtype) and t.kind in "iufb":  # numbers and bools; objects (lists) go to pd.array
            arrays.append(np.array(values, dtype=t))
        elif _ARROW_STRING is not None and t == _ARROW_STRING:
            arr = (_pa.array(values, type=_pa.large_string(), from_pandas=True) if len(values) <= _SMALL_COLUMN
                   else _arrow_strings(values))
            arrays.append(pd.arrays.ArrowStringArray(arr, dtype=_ARROW_STRING))
        elif t == _INT64 and all(type(v) is int or v is None for v in values):
            mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
            data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
            arrays.append(pd.arrays.IntegerArray(data, mask))
        else:
            arrays.append(pd.array(list(values), dtype=t))
    if _arrays_to_mgr is None:  # pragma: no cover (a pandas without these internals)
        return pd.DataFrame(dict(zip(names, arrays)), copy=False)
    # what DataFrame(dict, copy=False) builds (one block per column, none consolidated), minus its checks
    mgr = _arrays_to_mgr(arrays, _column_index(tuple(names)).copy(), pd.RangeIndex(len(rows)),
                         verify_integrity=False, consolidate=False)
    return pd.DataFrame._from_mgr(mgr, axes=mgr.axes)


_INT64 = pd.api.types.pandas_dtype("Int64")
try:  # pandas' constructor from arrays already of their final type and length (no per-column check)
    from pandas.core.internals.construction import arrays_to_mgr as _arrays_to_mgr
    if not hasattr(pd.DataFrame, "_from_mgr"):  # pragma: no cover
        _arrays_to_mgr = None
except ImportError:  # pragma: no cover
    _arrays_to_mgr = None


@lru_cache(maxsize=32)
def _row_getter(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """A row's values in the schema's order, as a tuple (one C call per row: the transpose of a corpus's
    frame reads each row once, no Python loop over its columns).

    >>> _row_getter(("end", "start"))({"start": 1, "end": 3, "surface": "3亿元"})
    (3, 1)
    """
    if len(names) == 1:  # (itemgetter of one key returns the value itself)
        key = names[0]
        return lambda r: (r[key],)
    return itemgetter(*names)


@lru_cache(maxsize=32)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The columns' index as the dict constructor makes it, built once per schema (each frame gets a copy)."""
    return pd.DataFrame({c: [] for c in names}).columns
