"""One writer for every table the library and the command line produce: CSV, Excel and Parquet.

* :func:`write_table` picks the format by suffix (``.csv .xlsx .parquet .jsonl``);
  :func:`write_tables` writes several frames at once (one workbook with a sheet per frame, or a file
  per frame); :func:`check_output` refuses a bad suffix or a missing package *before* any work.
* :func:`to_excel` — Chinese headers, header row frozen and bold, autofilter, number formats
  (``#,##0.00``; percentages ``0.0#"%"``), lists joined with ``、``, NA as truly empty cells.
* :func:`to_csv` — UTF-8 with a byte-order mark, so Excel opens Chinese text right.
* :func:`to_parquet` — column names and dtypes as they are; lists of str as ``list<string>`` and the
  audit's ``evidence`` as ``list<struct<start: int64, end: int64, text: string>>``.
* :func:`read_metrics` — a metrics CSV or Parquet back with the documented dtypes.

Text cells that a spreadsheet would run as a formula (starting ``= + - @``, a tab or a carriage
return: document text and file names are not trusted) are neutralised: in ``.xlsx`` they are stored
as text cells with Excel's quote prefix (the text itself unchanged); in ``.csv`` a ``'`` is put in
front, which :func:`read_metrics` takes off again. Numbers stay numbers.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .arrow import restore_lists, to_arrow, to_parquet
from .cells import HEADERS_ZH, chinese_headers, join_list, neutralise, unneutralise
from .checks import SUFFIXES, OutputError, check_output
from .excel import INTEGER_FORMAT, NUMBER_FORMAT, PERCENT_FORMAT, to_excel
from .read import read_metrics, read_table
from .text import to_csv, to_jsonl

__all__ = ["HEADERS_ZH", "SUFFIXES", "OutputError", "check_output", "chinese_headers", "write_table", "write_tables",
           "to_excel", "to_csv", "to_jsonl", "to_parquet", "to_arrow", "restore_lists", "read_metrics", "read_table",
           "neutralise", "unneutralise", "join_list", "NUMBER_FORMAT", "PERCENT_FORMAT", "INTEGER_FORMAT"]


def write_table(df: pd.DataFrame, path: str | Path, *, sheet_name: str = "数据",
                sheets: Mapping[str, pd.DataFrame] | None = None) -> Path:
    """Write ``df`` by the suffix of ``path``: ``.csv`` (UTF-8 with BOM), ``.xlsx`` (:func:`to_excel`,
    with ``sheets`` as more sheets), ``.parquet``, ``.jsonl``. Other ``sheets`` go, for formats with a
    single table, to ``<stem>.<sheet><suffix>`` beside it."""
    path = check_output(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return to_excel(df, path, sheet_name=sheet_name, sheets=sheets)
    one = {".csv": to_csv, ".parquet": to_parquet, ".jsonl": to_jsonl}[suffix]
    one(df, path)
    for name, frame in (sheets or {}).items():
        one(frame, path.with_name(f"{path.stem}.{name}{path.suffix}"))
    return path


def write_tables(frames: Mapping[str, pd.DataFrame], path: str | Path) -> list[Path]:
    """Several frames: one ``.xlsx`` workbook with a sheet per frame (in order), or for the other
    formats a file per frame, ``<stem>.<name><suffix>``. Returns the paths written.

    例: ``write_tables({"metrics": corpus.metrics, "errors": corpus.errors}, "结果.xlsx")``
    """
    path = check_output(path)
    if path.suffix.lower() == ".xlsx":
        (first, df), *rest = frames.items()
        return [to_excel(df, path, sheet_name=first, sheets=dict(rest))]
    return [write_table(df, path.with_name(f"{path.stem}.{name}{path.suffix}")) for name, df in frames.items()]
