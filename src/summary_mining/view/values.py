"""Values as the view shows them: cells of the result frames, numbers, names of kinds and statuses."""
from __future__ import annotations

import math
from typing import Any, Iterable

import pandas as pd

__all__ = ["FIGURE_KINDS", "KIND_NAMES", "STATUS_NAMES", "STATUS_RANK", "STATUS_ORDER", "CHECK_NAMES", "ROLE_NAMES",
           "DIRECTION_NAMES", "missing", "cell_text", "flag", "number", "format_value", "human", "scaled",
           "column_values", "records"]

FIGURE_KINDS = ("amount", "percentage", "count")
KIND_NAMES = {"amount": "金额", "percentage": "百分比", "count": "数量", "problem": "问题"}
STATUS_NAMES = {"inconsistent": "不一致", "unverifiable": "无法核实", "consistent": "一致"}
STATUS_RANK = {"consistent": 0, "unverifiable": 1, "inconsistent": 2}
STATUS_ORDER = ("inconsistent", "unverifiable", "consistent")
CHECK_NAMES = {"rate": "比率", "share": "占比", "completion": "完成率", "sum": "合计", "breakdown": "分项之和",
               "share_total": "占比之和", "target_claim": "任务分解", "enumeration": "列举个数",
               "repeat": "重复指标"}
ROLE_NAMES = {"actual": "实际", "target": "目标", "share": "占比", "rate": "比率"}
DIRECTION_NAMES = {"+": "增长", "-": "下降"}


def missing(x: Any) -> bool:
    if x is None or x is pd.NA:
        return True
    try:
        return bool(pd.isna(x)) if not isinstance(x, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def cell_text(x: Any) -> str:
    """A cell as text: "" for None/NA/NaN."""
    return "" if missing(x) else str(x)


def flag(x: Any) -> bool:
    return False if missing(x) else bool(x)


def number(x: Any) -> float | None:
    if missing(x):
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def format_value(value: Any) -> str:
    """``data-value`` of a figure: an integer without a point, else the shortest exact float.

    >>> format_value(6007000000.0), format_value(92.42), format_value(float("nan")), format_value(None)
    ('6007000000', '92.42', '', '')
    """
    v = number(value)
    if v is None:
        return ""
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    return repr(v)


def human(v: float) -> str:
    """60.07 -> '60.07', 6007000000 -> '6,007,000,000'."""
    if v.is_integer() and abs(v) < 1e16:
        return f"{int(v):,}"
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def scaled(v: float) -> str:
    """A large value in 亿/万 (6007000000 -> '60.07亿'), "" when small."""
    for scale, word in ((1e8, "亿"), (1e4, "万")):
        if abs(v) >= scale:
            return f"{v / scale:.6g}{word}"
    return ""


def column_values(df: pd.DataFrame | None, name: str) -> list[Any]:
    if df is None:
        return []
    if name not in df.columns:
        return [None] * len(df)
    return df[name].tolist()


def records(df: pd.DataFrame | None, names: Iterable[str]) -> list[dict[str, Any]]:
    """Rows as dicts (column-wise conversion: fast on large frames)."""
    if df is None or len(df) == 0:
        return []
    cols = {n: column_values(df, n) for n in names}
    return [dict(zip(cols, vals)) for vals in zip(*cols.values())]
