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

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-5"), neutralise("签约项目10个")
('\\'=HYPERLINK("http://x")', '-5', '签约项目10个')
>>> unneutralise(neutralise("@SUM(A1)")), unneutralise(neutralise("'=1"))
('@SUM(A1)', "'=1")
>>> join_list(["资金", "土地"]), join_list([(197, 204, "60.07亿元")])
('资金、土地', '60.07亿元[197:204]')
"""
from __future__ import annotations

import importlib.util
import re
from copy import copy
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import SummaryMiningError

__all__ = ["HEADERS_ZH", "SUFFIXES", "OutputError", "check_output", "chinese_headers", "write_table", "write_tables",
           "to_excel", "to_csv", "to_parquet", "to_arrow", "restore_lists", "read_metrics", "read_table", "neutralise", "unneutralise",
           "join_list", "NUMBER_FORMAT", "PERCENT_FORMAT", "INTEGER_FORMAT"]

#: English column -> Chinese header (units in brackets where a column holds numbers).
HEADERS_ZH: dict[str, str] = {
    "doc_id": "文档", "article": "篇", "section": "章节", "sentence_id": "句序号", "start": "起始位置",
    "end": "结束位置", "surface": "原文", "kind": "类型", "label": "指标原文", "indicator": "指标",
    "value": "数值(基本单位)", "low": "下限(基本单位)", "high": "上限(基本单位)", "unit": "基本单位",
    "currency": "币种", "qualifier": "修饰词", "direction": "增减", "role": "角色", "redacted": "已脱敏",
    "in_name": "在名称中", "source": "来源", "sentence": "句子", "number": "书写数值", "decimals": "小数位数",
    "written_unit": "书写单位", "region": "地区", "region_code": "行政区划代码",
    "region_level": "地区级别", "province": "省份", "city": "地市", "region_redacted": "地区已脱敏",
    "year": "年份", "span": "时段", "period": "时期", "title": "标题", "column": "列", "chosen": "采用值(列单位)",
    "other": "其他值(列单位)", "agrees": "一致", "chosen_doc_id": "采用值文档", "chosen_start": "采用值位置",
    "chosen_surface": "采用值原文",
    # problems
    "item": "条目", "text": "文本", "categories": "类别", "keywords": "关键词", "in_problem_section": "在问题部分",
    # audit
    "check": "核对", "status": "结论", "stated": "所述值", "computed": "计算值", "difference": "差值",
    "tolerance": "容差", "message": "说明", "evidence": "依据",
    # documents and errors
    "path": "文件", "chars": "字数", "format": "格式", "error": "错误",
}

#: Output suffix -> the packages it needs and the command that installs them.
SUFFIXES: dict[str, tuple[tuple[str, ...], str]] = {
    ".csv": ((), ""),
    ".jsonl": ((), ""),
    ".xlsx": (("openpyxl",), "pip install openpyxl"),
    ".parquet": (("pyarrow",), "pip install 'summary-mining[parquet]'"),
}

NUMBER_FORMAT = "#,##0.00"
#: Percentages are stored as written (92.42 for 92.42%), so the format adds the sign instead of scaling.
PERCENT_FORMAT = '0.0#"%"'
INTEGER_FORMAT = "0"

_DANGER = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?\Z")


class OutputError(SummaryMiningError, ValueError):
    """An output path the writer cannot write: unknown suffix, or a package it needs is missing.
    The message is one line that names the fix (``pip install 'summary-mining[parquet]'``)."""


# -- checks -------------------------------------------------------------------------------------
def check_output(path: str | Path, *, allowed: Iterable[str] | None = None) -> Path:
    """``path`` as a :class:`~pathlib.Path` if its suffix is known and its packages are installed.

    Call it before mining, so a run never ends in a traceback with nothing written.

    >>> check_output("结果.xlsx").name
    '结果.xlsx'
    >>> check_output("out.xls")
    Traceback (most recent call last):
    ...
    summary_mining.writer.OutputError: out.xls: cannot write '.xls' files; use .csv, .jsonl, .xlsx or .parquet
    """
    path = Path(path)
    suffix = path.suffix.lower()
    ok = tuple(allowed) if allowed is not None else tuple(SUFFIXES)
    if suffix not in ok:
        got = f"{suffix!r} files" if suffix else "a file without a suffix"
        raise OutputError(f"{path}: cannot write {got}; use {', '.join(ok[:-1])} or {ok[-1]}" if len(ok) > 1
                          else f"{path}: cannot write {got}; use {ok[0]}")
    packages, command = SUFFIXES.get(suffix, ((), ""))
    missing = [p for p in packages if importlib.util.find_spec(p) is None]
    if missing:
        raise OutputError(f"{path}: writing {suffix} needs {', '.join(missing)}: {command}")
    return path


# -- cells ------------------------------------------------------------------------------------------
def neutralise(text: str) -> str:
    """``text`` with a ``'`` in front when a spreadsheet would read it as a formula (``=``, ``+``,
    ``-``, ``@``, tab, carriage return) — but not a plain number such as ``-5`` — or when it starts
    with ``'`` before such a text (so that :func:`unneutralise` gives back exactly what was written)."""
    return "'" + text if _needs_quote(text) else text


def unneutralise(text: str) -> str:
    """The inverse of :func:`neutralise`."""
    return text[1:] if text[:1] == "'" and _needs_quote(text[1:]) else text


def _needs_quote(text: str) -> bool:
    i = 0
    while text[i:i + 1] == "'":
        i += 1
    rest = text[i:]
    return bool(rest) and rest[0] in _DANGER and not _PLAIN_NUMBER.match(rest)


def join_list(value: Any) -> Any:
    """A list/tuple cell as one text: items joined with ``、``; an evidence span ``(start, end, text)``
    as ``text[start:end]``. Anything else is returned as it is."""
    if isinstance(value, (list, tuple)) or _is_array(value):
        return "、".join(_item_text(v) for v in value)
    return value


def _item_text(v: Any) -> str:
    if isinstance(v, Mapping) and {"start", "end", "text"} <= set(v):
        return f"{v['text']}[{v['start']}:{v['end']}]"
    if isinstance(v, (tuple, list)) and len(v) == 3 and isinstance(v[0], int) and isinstance(v[2], str):
        return f"{v[2]}[{v[0]}:{v[1]}]"
    return str(v)


def _is_array(value: Any) -> bool:
    return type(value).__name__ == "ndarray" and getattr(value, "ndim", 0) == 1


def _is_text_column(s: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(s.dtype) or s.dtype == object


def chinese_headers(df: pd.DataFrame, headers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``df`` with its known columns renamed to Chinese (``headers`` adds or overrides names).

    >>> chinese_headers(pd.DataFrame(columns=["doc_id", "region", "period", "value", "地区生产总值(亿元)"])).columns.tolist()
    ['文档', '地区', '时期', '数值(基本单位)', '地区生产总值(亿元)']
    """
    names = {**HEADERS_ZH, **(headers or {})}
    return df.rename(columns={c: names[c] for c in df.columns if c in names})


def _headers(df: pd.DataFrame, headers: Mapping[str, str] | bool | None) -> list[str]:
    if headers is False:
        return [str(c) for c in df.columns]
    names = {**HEADERS_ZH, **(headers if isinstance(headers, Mapping) else {})}
    return [names.get(c, str(c)) for c in df.columns]


def _text_cells(df: pd.DataFrame, *, quote: bool) -> pd.DataFrame:
    """Lists joined, NA and "" as None, formula-like text quoted (``quote``) — numbers untouched."""
    out = df.astype(object).where(df.notna(), None)
    for c in out.columns:
        if not _is_text_column(df[c]):
            continue
        col = out[c].map(join_list)
        col = col.map(lambda v: None if v is None or v == "" else v)
        if quote:
            col = col.map(lambda v: neutralise(v) if isinstance(v, str) else v)
        out[c] = col
    return out


# -- Excel ----------------------------------------------------------------------------------------
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
                    c._style = style(fmt[r] if isinstance(fmt, list) else fmt)
            row.append(c)
        ws.append(row)


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


# -- CSV, JSON lines ------------------------------------------------------------------------------
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


# -- Parquet --------------------------------------------------------------------------------------
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


# -- one entry point --------------------------------------------------------------------------------
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


# -- reading back -----------------------------------------------------------------------------------
def read_table(path: str | Path, dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A CSV or Parquet table written by this module, with ``dtypes`` applied to the columns it has
    (Chinese headers are mapped back; CSV text is un-quoted, see :func:`unneutralise`)."""
    path = Path(path)
    if not path.exists():
        from .errors import DocumentNotFoundError
        raise DocumentNotFoundError(path, "no such file")
    suffix = path.suffix.lower()
    back = {zh: en for en, zh in HEADERS_ZH.items() if en in dtypes}
    if suffix == ".parquet":
        check_output(path)
        df = pd.read_parquet(path)
        df = df.rename(columns={c: back[c] for c in df.columns if c in back and c not in dtypes})
    elif suffix == ".csv":
        df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
        df = df.rename(columns={c: back[c] for c in df.columns if c in back and c not in dtypes})
        for c in df.columns:
            if dtypes.get(c, "string") == "string":
                df[c] = df[c].map(lambda v: unneutralise(v) if isinstance(v, str) else v)
    else:
        raise OutputError(f"{path}: cannot read {suffix!r} tables; use .csv or .parquet")
    out = {}
    for c in df.columns:
        t = dtypes.get(c)
        s = df[c]
        if t is None or t == "object":
            out[c] = s
        elif t == "bool":
            out[c] = s.map(lambda v: v if isinstance(v, bool) else str(v).strip().lower() in ("true", "1")).astype(bool)
        elif t in ("Int64", "int64", "float64"):
            num = pd.to_numeric(s)
            out[c] = num.astype("Int64").astype(t) if t != "float64" else num.astype("float64")
        else:
            out[c] = s.astype(t)
    return pd.DataFrame(out, index=range(len(df)))


def read_metrics(path: str | Path) -> pd.DataFrame:
    """A metrics table written as CSV or Parquet (``extract -o m.csv``, ``sm.to_csv``) read back with
    the documented dtypes (``region_code`` and ``period`` stay text: ``510623``, ``2023``).

    例: ``df = sm.read_metrics("out/metrics.csv")``
    """
    from .frame import DTYPES

    df = read_table(path, DTYPES)
    cols = [c for c in DTYPES if c in df.columns] + [c for c in df.columns if c not in DTYPES]
    return df[cols]
