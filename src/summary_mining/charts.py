"""Charts of a comparison table: ``plot_compare(table, indicator)`` draws one column of
:func:`~summary_mining.compare` as a labelled bar chart, Chinese drawn with a CJK font (:mod:`.fonts`).

>>> import summary_mining as sm                                       # doctest: +SKIP
>>> m = sm.extract(["中江县.txt", "大竹县.txt"])                         # doctest: +SKIP
>>> ax = sm.plot_compare(sm.compare(m), "地区生产总值")                  # doctest: +SKIP
"""
from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .fonts import use_cjk_font

__all__ = ["plot_compare", "compare_column"]


def compare_column(table: pd.DataFrame, indicator: str) -> str:
    """The column of ``table`` that ``indicator`` names: the column itself (``地区生产总值(亿元)``), or the
    first whose name is the indicator followed by its unit in brackets (``地区生产总值`` -> ``地区生产总值(亿元)``).

    >>> t = pd.DataFrame(columns=["region", "period", "地区生产总值(亿元)", "地区生产总值增长(%)"])
    >>> compare_column(t, "地区生产总值"), compare_column(t, "地区生产总值增长(%)")
    ('地区生产总值(亿元)', '地区生产总值增长(%)')
    """
    if indicator in table.columns:
        return indicator
    found = [c for c in table.columns if isinstance(c, str) and c.startswith(indicator + "(")]
    if not found:
        numeric = [c for c in table.columns if c not in ("region", "region_code", "period")]
        raise ValueError(f"no column for {indicator!r} in the table; its columns: {numeric}")
    return found[0]


def _row_name(row: dict[str, Any]) -> str:
    name = row.get("region")
    period = row.get("period")
    parts = [str(x) for x in (name, period) if x is not None and x is not pd.NA and not (isinstance(x, float) and math.isnan(x))]
    return " ".join(parts) or "?"


def plot_compare(table: pd.DataFrame, indicator: str, *, ax=None, sort: bool = False, fmt: str = "{:,.2f}"):
    """Draw ``table[indicator]`` (a :func:`~summary_mining.compare` table) as a bar chart: one bar per row
    with a value (region and period under it), the value written on the bar, the column as the title and
    its unit on the axis; rows without a value are left out and said in the subtitle. Returns the axes.

    ``indicator`` is a column name or an indicator (its first column); ``sort`` orders bars by value;
    ``ax`` draws into existing axes. Needs matplotlib (``summary-mining[notebooks]``) and a CJK font
    (``pip install mplfonts`` or a system font such as fonts-noto-cjk).
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - the test extras install it
        raise ImportError("plot_compare needs matplotlib: pip install 'summary-mining[notebooks]'") from None
    column = compare_column(table, indicator)
    rows = [r for r in table.to_dict("records")
            if r.get(column) is not None and r.get(column) is not pd.NA and not math.isnan(float(r[column]))]
    if sort:
        rows.sort(key=lambda r: float(r[column]), reverse=True)
    missing = len(table) - len(rows)
    use_cjk_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(max(4.0, 0.9 * len(rows) + 2), 4))
    names = [_row_name(r) for r in rows]
    values = [float(r[column]) for r in rows]
    bars = ax.bar(range(len(rows)), values, color="#4C72B0")
    ax.set_xticks(range(len(rows)), names, rotation=30 if len(rows) > 4 else 0, ha="right" if len(rows) > 4 else "center")
    for bar, v in zip(bars, values):
        ax.annotate(fmt.format(v), (bar.get_x() + bar.get_width() / 2, v), ha="center",
                    va="bottom" if v >= 0 else "top", fontsize=9)
    unit = column[column.rfind("(") + 1:-1] if column.endswith(")") and "(" in column else ""
    ax.set_ylabel(unit)
    ax.set_title(column + (f"\n（{missing} 行无数值，未画出）" if missing else ""))
    ax.axhline(0, color="#888888", linewidth=0.8)
    return ax
