"""Write metrics and comparison tables for people and for programs: Excel, CSV and Parquet.

* :func:`to_excel` — Chinese headers (``doc_id`` -> ``文档``, ``value`` -> ``数值(基本单位)``; a
  compare table's ``地区生产总值(亿元)`` already says its unit), the header row frozen, numbers stored
  as numbers, NA as empty cells; more sheets (e.g. the conflicts) with ``sheets={"冲突": conflicts}``.
* :func:`to_csv` — UTF-8 with a byte-order mark, so Excel opens Chinese text right.
* :func:`to_parquet` — column names and dtypes as they are (needs ``pyarrow``).

>>> import pandas as pd
>>> chinese_headers(pd.DataFrame(columns=["doc_id", "region", "period", "value", "地区生产总值(亿元)"])).columns.tolist()
['文档', '地区', '时期', '数值(基本单位)', '地区生产总值(亿元)']
"""
from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

__all__ = ["HEADERS_ZH", "chinese_headers", "to_excel", "to_csv", "to_parquet"]

#: English column -> Chinese header (units in brackets where a column holds numbers).
HEADERS_ZH: dict[str, str] = {
    "doc_id": "文档", "article": "篇", "section": "章节", "sentence_id": "句序号", "start": "起始位置",
    "end": "结束位置", "surface": "原文", "kind": "类型", "label": "指标原文", "indicator": "指标",
    "value": "数值(基本单位)", "low": "下限(基本单位)", "high": "上限(基本单位)", "unit": "基本单位",
    "currency": "币种", "qualifier": "修饰词", "direction": "增减", "role": "角色", "redacted": "已脱敏",
    "in_name": "在名称中", "source": "来源", "sentence": "句子", "number": "书写数值", "decimals": "小数位数", "written_unit": "书写单位", "region": "地区", "region_code": "行政区划代码",
    "region_level": "地区级别", "province": "省份", "city": "地市", "region_redacted": "地区已脱敏",
    "year": "年份", "span": "时段", "period": "时期", "title": "标题", "column": "列", "chosen": "采用值(列单位)", "other": "其他值(列单位)",
    "agrees": "一致", "chosen_doc_id": "采用值文档", "chosen_start": "采用值位置", "chosen_surface": "采用值原文",
}


def chinese_headers(df: pd.DataFrame, headers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``df`` with its known columns renamed to Chinese (``headers`` adds or overrides names)."""
    names = {**HEADERS_ZH, **(headers or {})}
    return df.rename(columns={c: names[c] for c in df.columns if c in names})


def _prepare(df: pd.DataFrame, headers: Mapping[str, str] | bool | None) -> pd.DataFrame:
    if headers is False:
        return df
    return chinese_headers(df, headers if isinstance(headers, Mapping) else None)


def _cells(df: pd.DataFrame) -> pd.DataFrame:
    """Plain Python objects for openpyxl: NA -> None, nullable ints/floats/bools -> numbers/bools."""
    out = df.astype(object)
    return out.where(df.notna(), None)


def to_excel(df: pd.DataFrame, path: str | Path, *, sheet_name: str = "数据",
             headers: Mapping[str, str] | bool | None = True,
             sheets: Mapping[str, pd.DataFrame] | None = None) -> Path:
    """Write ``df`` (and any ``sheets``) to an .xlsx file; returns the path. Needs ``openpyxl``.

    ``headers=True`` renames known columns to Chinese (:data:`HEADERS_ZH`), a mapping adds names,
    ``False`` keeps them. Each sheet has its header row frozen (``A2``) and bold, widths fitted.
    """
    try:
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_excel needs openpyxl: pip install openpyxl") from e
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    all_sheets = {sheet_name: df, **(sheets or {})}
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in all_sheets.items():
            table = _cells(_prepare(frame, headers))
            table.to_excel(writer, sheet_name=name, index=False)
            ws = writer.sheets[name]
            ws.freeze_panes = "A2"
            for i, col in enumerate(table.columns, start=1):
                ws.cell(row=1, column=i).font = Font(bold=True)
                sample = [str(col)] + [str(v) for v in table[col].head(200) if v is not None]
                width = max(_display_width(s) for s in sample)
                ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
    return path


def _display_width(s: str) -> int:
    """Columns a string takes in Excel: Chinese characters count twice."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def to_csv(df: pd.DataFrame, path: str | Path, *, headers: Mapping[str, str] | bool | None = False) -> Path:
    """Write a UTF-8 CSV with a byte-order mark (Excel reads it as UTF-8); returns the path.

    Column names stay as they are unless ``headers`` is True (Chinese) or a mapping.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _prepare(df, headers).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def to_parquet(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a Parquet file with the frame's own column names and dtypes; returns the path."""
    if importlib.util.find_spec("pyarrow") is None:  # pragma: no cover - depends on the environment
        raise ImportError("to_parquet needs pyarrow: pip install pyarrow")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = df.copy()
    clean.attrs = {}  # attrs may hold objects Parquet metadata cannot store
    clean.to_parquet(path, index=False)
    return path
