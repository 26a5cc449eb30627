"""Parquet through Arrow, with the library's list columns typed (evidence, categories, keywords)."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .cells import _is_array
from .checks import check_output

__all__ = ["to_arrow", "to_parquet", "restore_lists"]


def _evidence_type():
    import pyarrow as pa
    return pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]))


def _list_column(values: pd.Series):
    """An object column of lists as an Arrow array: evidence spans as structs, other lists as list<string>."""
    import pyarrow as pa

    items = [v for v in values if v is not None and not (isinstance(v, float) and v != v)]
    if not items or not all(isinstance(v, (list, tuple)) or _is_array(v) for v in items):
        return None
    firsts = [x for v in items for x in v][:50]
    if firsts and all(isinstance(x, (tuple, list, Mapping)) and len(x) == 3 for x in firsts):
        rows = [None if v is None or (isinstance(v, float) and v != v) else
                [dict(x) if isinstance(x, Mapping) else {"start": int(x[0]), "end": int(x[1]), "text": str(x[2])}
                 for x in v] for v in values]
        return pa.array(rows, type=_evidence_type())
    rows = [None if v is None or (isinstance(v, float) and v != v) else [str(x) for x in v] for v in values]
    return pa.array(rows, type=pa.list_(pa.string()))


def _typed_lists() -> dict:
    """The library's list columns and their Arrow types (also when a frame has no rows, so that the
    parts of a corpus run share one schema)."""
    import pyarrow as pa
    return {"evidence": _evidence_type(), "categories": pa.list_(pa.string()), "keywords": pa.list_(pa.string())}


def to_arrow(df: pd.DataFrame):
    """``df`` as a ``pyarrow.Table``: list columns typed (see the module doc), other columns as pandas
    converts them, no index, no ``attrs``."""
    import pyarrow as pa

    lists = {}
    for c in df.columns:
        if df[c].dtype == object:
            arr = _list_column(df[c])
            if arr is not None:
                lists[c] = arr
    plain = df.drop(columns=list(lists)).copy()
    plain.attrs = {}  # attrs may hold objects Parquet metadata cannot store
    table = pa.Table.from_pandas(plain, preserve_index=False)
    for i, c in enumerate(df.columns):
        if c in lists:
            table = table.add_column(i, pa.field(str(c), lists[c].type), lists[c])
    for c, type_ in _typed_lists().items():  # the library's list columns keep their type with no rows
        i = table.schema.get_field_index(c)
        if i >= 0 and c not in lists and df[c].isna().all():
            table = table.set_column(i, pa.field(c, type_), pa.nulls(len(df), type=type_))
    return table


def restore_lists(df: pd.DataFrame) -> pd.DataFrame:
    """A frame read from Parquet (``pandas.read_parquet``) with its list columns as the library makes
    them: ``evidence`` as lists of ``(start, end, text)`` tuples, other list columns as lists of str.

    例: ``restore_lists(pd.read_parquet("audit.parquet"))["evidence"][0]`` -> ``[(218, 224, '92.42﹪'), …]``
    """
    out = df.copy()
    for c in out.columns:
        if out[c].dtype != object:
            continue
        sample = next((v for v in out[c] if v is not None and not (isinstance(v, float) and v != v)), None)
        if not (isinstance(sample, (list, tuple)) or _is_array(sample)):
            continue
        out[c] = [v if v is None or (isinstance(v, float) and v != v) else
                  [(int(x["start"]), int(x["end"]), str(x["text"])) if isinstance(x, Mapping) else x for x in v]
                  for v in out[c]]
    return out


def to_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a Parquet file with the frame's own column names and dtypes; returns the path.

    Needs ``pyarrow`` (``pip install 'summary-mining[parquet]'``). ``evidence`` is a
    ``list<struct<start, end, text>>``, ``categories``/``keywords`` are ``list<string>``.
    """
    check_output(Path(path).with_suffix(".parquet"))
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(df), path)
    return path
