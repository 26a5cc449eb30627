"""Excel: every sheet with a bold frozen header, an autofilter, fitted widths and number formats."""
from __future__ import annotations

import re
from collections.abc import Mapping
from copy import copy
from pathlib import Path
from typing import Any

import pandas as pd

from .cells import _headers, _is_text_column, _needs_quote, _text_cells

__all__ = ["to_excel", "NUMBER_FORMAT", "PERCENT_FORMAT", "INTEGER_FORMAT"]

NUMBER_FORMAT = "#,##0.00"
#: Percentages are stored as written (92.42 for 92.42%), so the format adds the sign instead of scaling.
PERCENT_FORMAT = '0.0#"%"'
INTEGER_FORMAT = "0"


def _number_formats(df: pd.DataFrame) -> list[Any]:
    """Per column: None (text), a format, or a per-row list of formats (a metrics ``value`` column
    whose rows are % or 元)."""
    percent_rows = None
    if "unit" in df.columns:
        percent_rows = (df["unit"].astype("string") == "%").fillna(False).to_numpy()
    out: list[Any] = []
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
            out.append(None)
        elif pd.api.types.is_integer_dtype(s.dtype):
            out.append(INTEGER_FORMAT)
        elif str(c).endswith("(%)") or str(c).endswith("（%）"):
            out.append(PERCENT_FORMAT)
        elif percent_rows is not None and c in ("value", "low", "high", "number", "stated", "computed") and percent_rows.any():
            out.append([PERCENT_FORMAT if p else NUMBER_FORMAT for p in percent_rows])
        else:
            out.append(NUMBER_FORMAT)
    return out


def _display_width(s: str) -> int:
    """Columns a string takes in Excel: Chinese characters count twice."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def _write_sheet(wb, name: str, df: pd.DataFrame, headers: Mapping[str, str] | bool | None) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=_sheet_title(name))
    header = _headers(df, headers)
    cells = _text_cells(df, quote=False)
    formats = _number_formats(df)
    text_cols = [_is_text_column(df[c]) for c in df.columns]
    for i, col in enumerate(header, start=1):  # widths from the header and the first 200 rows
        sample = [col] + [str(v) for v in cells.iloc[:200, i - 1] if v is not None]
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, max(map(_display_width, sample)) + 2))
    ws.freeze_panes = "A2"
    if len(header):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(df) + 1}"
    bold = Font(bold=True)
    row = []
    for col in header:
        c = WriteOnlyCell(ws, value=col)
        c.data_type = "s"
        c.font = bold
        row.append(c)
    ws.append(row)
    styles: dict[str, Any] = {}  # one style per number format (and one for quoted text), copied onto cells

    def style(key: str):
        if key not in styles:
            proto = WriteOnlyCell(ws, value=0)
            if key == "quote":
                proto.quotePrefix = True
            else:
                proto.number_format = key
            styles[key] = proto._style
        return copy(styles[key])

    marks = _cell_marks(df)
    for r, values in enumerate(cells.itertuples(index=False, name=None)):
        row = []
        for j, v in enumerate(values):
            if v is None:
                row.append(None)
                continue
            c = WriteOnlyCell(ws, value=v)
            if text_cols[j] and isinstance(v, str):
                c.data_type = "s"  # never a formula, whatever the text starts with
                if _needs_quote(v):
                    c._style = style("quote")
            else:
                fmt = formats[j]
                if fmt is not None and not isinstance(v, (str, bool)):
                    fmt = fmt[r] if isinstance(fmt, list) else fmt
                    mark = marks.get((r, j))
                    c._style = style(f'"{mark}"{fmt}' if mark else fmt)  # ≥3.10: still a number
            row.append(c)
        ws.append(row)


def _cell_marks(df: pd.DataFrame) -> dict[tuple[int, int], str]:
    """``df.attrs["marks"]`` (``{(row label, column): mark}``, a :func:`~summary_mining.compare` table's
    bounds and approximations) by (row position, column position); marks of rows or columns not in
    ``df`` are left out, and a mark holds only characters a number format may quote."""
    marks = df.attrs.get("marks") or {}
    if not marks:
        return {}
    rows = {label: i for i, label in enumerate(df.index)}
    cols = {c: j for j, c in enumerate(df.columns)}
    return {(rows[r], cols[c]): str(m) for (r, c), m in marks.items()
            if r in rows and c in cols and '"' not in str(m) and len(str(m)) <= 3}


def _sheet_title(name: str) -> str:
    """Excel's sheet-name rules: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", "_", str(name))[:31] or "Sheet"


def to_excel(df: pd.DataFrame, path: str | Path, *, sheet_name: str = "数据",
             headers: Mapping[str, str] | bool | None = True,
             sheets: Mapping[str, pd.DataFrame] | None = None) -> Path:
    """Write ``df`` (and any ``sheets``) to an .xlsx file; returns the path.

    ``headers=True`` renames known columns to Chinese (:data:`HEADERS_ZH`), a mapping adds names,
    ``False`` keeps them. Every sheet: header row bold and frozen (``A2``), an autofilter over the
    table, widths fitted, numbers as numbers (``#,##0.00``; a row whose unit is ``%`` and a column
    named ``…(%)``: ``0.0#"%"``), lists joined with ``、``, NA as empty cells, text never a formula.
    A comparison table's bounds and approximations (``df.attrs["marks"]``) show their mark before the
    number (``≥60,000.00``, ``≈4.40``): the cell stays a number.

    例: ``sm.to_excel(table, "对比.xlsx", sheets={"冲突": conflicts})``
    """
    import openpyxl

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook(write_only=True)
    for name, frame in {sheet_name: df, **(sheets or {})}.items():
        _write_sheet(wb, name, frame, headers)
    wb.save(path)
    return path
