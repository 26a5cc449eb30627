"""Cells for people: Chinese headers, lists joined with 、, formula-like text neutralised, NA as None.

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-5"), neutralise("签约项目10个")
('\\'=HYPERLINK("http://x")', '-5', '签约项目10个')
>>> unneutralise(neutralise("@SUM(A1)")), unneutralise(neutralise("'=1"))
('@SUM(A1)', "'=1")
>>> join_list(["资金", "土地"]), join_list([(197, 204, "60.07亿元")])
('资金、土地', '60.07亿元[197:204]')
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

__all__ = ["HEADERS_ZH", "chinese_headers", "neutralise", "unneutralise", "join_list"]

#: English column -> Chinese header (units in brackets where a column holds numbers).
HEADERS_ZH: dict[str, str] = {
    "doc_id": "文档", "article": "篇", "section": "章节", "sentence_id": "句序号", "start": "起始位置",
    "end": "结束位置", "surface": "原文", "kind": "类型", "label": "指标原文", "indicator": "指标",
    "value": "数值(基本单位)", "low": "下限(基本单位)", "high": "上限(基本单位)", "unit": "基本单位",
    "currency": "币种", "qualifier": "修饰词", "mark": "标记", "direction": "增减", "role": "角色", "redacted": "已脱敏",
    "in_name": "在名称中", "source": "来源", "sentence": "句子", "number": "书写数值", "decimals": "小数位数",
    "written_unit": "书写单位", "subject": "主体", "subject_code": "主体代码", "subject_level": "主体级别", "figure_period": "数字所属时期",
    "region": "地区", "region_code": "行政区划代码",
    "region_level": "地区级别", "province": "省份", "city": "地市", "region_redacted": "地区已脱敏",
    "year": "年份", "span": "时段", "period": "时期", "title": "标题", "column": "列", "chosen": "采用值(列单位)",
    "other": "其他值(列单位)", "agrees": "一致", "chosen_doc_id": "采用值文档", "chosen_start": "采用值位置",
    "chosen_surface": "采用值原文", "cell": "数值(列单位)",
    # problems
    "item": "条目", "text": "文本", "categories": "类别", "keywords": "关键词", "in_problem_section": "在问题部分",
    # audit
    "check": "核对", "status": "结论", "stated": "所述值", "computed": "计算值", "difference": "差值",
    "tolerance": "容差", "message": "说明", "evidence": "依据",
    # documents and errors
    "path": "文件", "chars": "字数", "format": "格式", "error": "错误",
}

_DANGER = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?\Z")


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
