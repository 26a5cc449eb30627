"""Compare regions on the same indicators: one row per region and period, one column per indicator.

Columns are named ``<indicator>[增长|变动][目标](<unit>)``:

===========================================  ===================================================
figure (indicator 地区生产总值 unless noted)   column
===========================================  ===================================================
全省生产总值6.36万亿元                        ``地区生产总值(亿元)`` = 63600.0 (with ``unit="亿元"``)
生产总值增长5.1% / 下降2%                      ``地区生产总值增长(%)`` = 5.1 / -2.0 (declines negative)
预期目标：经济增长5.5%左右 (role target)       ``地区生产总值增长目标(%)`` = 5.5
到位资金任务 112亿元 (role target)              ``到位资金目标(亿元)`` (indicator 到位资金)
签约项目12个 / 签约项目8项                      ``签约项目(个)`` (counts stay counts)
居民消费价格下降0.9% (indicator …涨幅)            ``居民消费价格涨幅(%)`` = -0.9 (a change rate keeps its sign)
履约率94.23%                                  ``履约率(%)`` (an indicator that is itself a rate)
实际利用外资2.35亿美元                          ``实际利用外资(亿美元)`` (currencies are never converted)
居民人均可支配收入36439元                       ``居民人均可支配收入(元)`` (per-person money stays in 元)
粮食产量1344亿斤                               ``粮食产量(斤)`` (other quantities in their base unit)
===========================================  ===================================================

Left out (counted in ``table.attrs["excluded"]``): figures inside names (``in_name``), masked
figures (``redacted``), figures with no indicator or no single value (ranges, ``300余份``), rows
whose region is unknown, earlier levels (``role == "base"``: the 27136元 of 从27136元增长到36439元)
and percentages of a non-rate indicator that are neither growth nor rate (``占当年到位资金的71.35%``),
figures of a region total about a part of the region (``part_subject``: 省管企业…研发投入增长34.4%, see
:func:`about_a_part`). **Several figures for one cell**: the cell takes the first in reading
order (document, then offset — the overview before the details), and every other one is listed by
:func:`conflicts` (or ``compare(..., return_conflicts=True)``) with the value kept and whether it agrees.

>>> import pandas as pd
>>> m = pd.DataFrame({"doc_id": ["a", "a", "a"], "article": [1, 1, 1], "start": [0, 20, 40],
...     "region": ["大竹县"] * 3, "region_code": ["511724"] * 3, "period": ["2023-H1"] * 3,
...     "indicator": ["到位资金", "到位资金", "到位资金"], "kind": ["amount", "percentage", "amount"],
...     "value": [8.35e9, 12.5, 8.4e9], "unit": ["元", "%", "元"], "currency": ["CNY", None, "CNY"],
...     "direction": [None, "+", None], "role": ["actual", "actual", "actual"], "label": ["到位资金", "增长", "到位资金"],
...     "redacted": [False] * 3, "in_name": [False] * 3})
>>> table, extra = compare(m, return_conflicts=True)
>>> table.to_dict("records")
[{'region': '大竹县', 'region_code': '511724', 'period': '2023-H1', '到位资金(亿元)': 83.5, '到位资金增长(%)': 12.5}]
>>> extra[["column", "chosen", "other", "agrees"]].values.tolist()
[['到位资金(亿元)', 83.5, 84.0, False]]
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from .datafiles import rules_from
from .places.periods import target_period
from .places.subjects import subject_rules

__all__ = ["compare", "conflicts", "cells", "qualified_cells", "column_for", "about_a_part", "REGION_TOTALS", "PART_SUBJECTS", "MONEY_UNITS", "CURRENCY_UNITS", "CONFLICT_COLUMNS"]

#: Money units ``compare`` can convert to, and their size in 元.
MONEY_UNITS = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "万亿元": 1e12}
#: How a currency code is written in a column name (亿元 -> 亿美元).
CURRENCY_UNITS = {"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元", "GBP": "英镑"}
#: An indicator whose name ends so is itself a percentage (履约率, 占比): its % figures are levels.
RATE_SUFFIXES = ("率", "比重", "占比", "比例", "涨幅", "增速", "增幅")
#: Rate indicators that are themselves a change (居民消费价格涨幅): a decline is negative.
CHANGE_RATE_SUFFIXES = ("涨幅", "增速", "增幅")
#: Indicators per person (人均可支配收入, 人均地区生产总值) keep money in 元 whatever ``unit`` says.
PER_PERSON = ("人均",)
#: Label words that make a percentage a growth rate when no direction was read.
GROWTH_WORDS = ("增长", "增速", "增幅", "下降", "降低", "减少", "提高", "提升", "回落", "上升", "上涨", "降幅", "减幅")
#: Indicators that are totals of the whole region, and words naming a part of a region: a figure of one
#: of them whose clause names a part (省管企业…研发投入增长34.4%) is about that part and is left out
#: (``excluded["part_subject"]``). Read from ``data/comparison.toml``.
#: Label words that make a figure a prospect (推介, 洽谈 … projects), never a result: left out
#: (``excluded["prospect"]``).
#: The mark of a bound or an approximation, by qualifier (突破 -> ≥, 约 -> ≈, 以内 -> ≤).
REGION_TOTALS, PART_SUBJECTS, PROSPECT_WORDS, QUALIFIER_MARKS = rules_from(
    "comparison.toml", lambda d, src: (frozenset(d["region_totals"]), tuple(d["part_subjects"]),
                                       tuple(d.get("prospect_words", ())),
                                       {str(w): str(mark) for mark, ws in dict(d.get("marks", {})).items() for w in ws}))
_CLAUSE_END = "，,；;。：:"
#: Columns of the conflicts table.
CONFLICT_COLUMNS = ["column", "chosen", "other", "agrees", "doc_id", "article", "start", "surface", "label",
                    "sentence", "chosen_doc_id", "chosen_start", "chosen_surface"]
_MEASURE_ORDER = {"": 0, "增长": 1, "变动": 2}
_REQUIRED = ("doc_id", "start", "indicator", "kind", "value", "unit", "direction", "role", "label",
             "redacted", "in_name")


def _na(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def _clause_before(sentence: str, label: str, surface: str) -> str:
    """The clause of ``sentence`` that ends with the figure (a leading 据…调查 clause included)."""
    at = sentence.find(surface, max(sentence.find(label), 0) if label else 0)
    if at < 0:
        return label
    head = sentence[:at]
    cut = max(head.rfind(c) for c in _CLAUSE_END)
    clause = head[cut + 1:]
    if head.startswith("据"):
        clause = head[:next((i for i, c in enumerate(head) if c in _CLAUSE_END), 0)] + clause
    return clause


def about_a_part(row: dict) -> bool:
    """Whether a figure of a region total is about a part of the region (its enterprises, projects,
    central city …) rather than the region itself.

    >>> about_a_part({"indicator": "研发经费投入", "label": "研发投入增长", "surface": "34.4%",
    ...               "sentence": "省管企业净资产增长8.9%、研发投入增长34.4%，实施省管金融企业改革。"})
    True
    >>> about_a_part({"indicator": "研发经费投入", "label": "研发经费支出", "surface": "5100亿元",
    ...               "sentence": "全社会研发经费支出约5100亿元，企业研发投入增长10%。"})
    False
    """
    ind = row.get("indicator")
    if _na(ind) or ind not in REGION_TOTALS or _na(row.get("sentence")) or _na(row.get("surface")):
        return False
    label = "" if _na(row.get("label")) else str(row["label"])
    clause = _clause_before(str(row["sentence"]), label, str(row["surface"]))
    return any(w in clause for w in PART_SUBJECTS)


def _is_rate(indicator: str) -> bool:
    return indicator.endswith(RATE_SUFFIXES)


def column_for(row: dict, unit: str = "亿元") -> tuple[str, float] | None:
    """(column name, value in that column's unit) of one metrics row; None when it has no column.

    >>> column_for({"indicator": "地区生产总值", "kind": "amount", "value": 6.36e12, "unit": "元",
    ...             "currency": "CNY", "direction": None, "role": "actual", "label": "生产总值"})
    ('地区生产总值(亿元)', 63600.0)
    >>> column_for({"indicator": "地区生产总值", "kind": "percentage", "value": 5.5, "unit": "%",
    ...             "currency": None, "direction": "+", "role": "target", "label": "经济增长"})
    ('地区生产总值增长目标(%)', 5.5)
    """
    ind, value = row["indicator"], float(row["value"])
    target = "目标" if row.get("role") == "target" else ""
    kind, base = row["kind"], row["unit"]
    if kind == "amount" and not _na(row.get("currency")):
        money = "元" if any(w in ind for w in PER_PERSON) else unit  # 人均可支配收入 stays in 元
        cur = CURRENCY_UNITS.get(str(row["currency"]), str(row["currency"]))
        return f"{ind}{target}({money.replace('元', cur)})", value / MONEY_UNITS[money]
    if kind in ("amount", "count"):
        return f"{ind}{target}({base})", value
    if kind != "percentage":
        return None
    sign = -1.0 if row.get("direction") == "-" and value > 0 else 1.0
    if _is_rate(ind):
        if base == "个百分点":
            return f"{ind}变动{target}(个百分点)", sign * value
        return f"{ind}{target}({base})", sign * value if ind.endswith(CHANGE_RATE_SUFFIXES) else value
    label = "" if _na(row.get("label")) else str(row["label"])
    if not _na(row.get("direction")) or any(w in label for w in GROWTH_WORDS):
        return f"{ind}增长{target}({base})", sign * value
    return None


def _validate(metrics: pd.DataFrame, by: Sequence[str], unit: str) -> None:
    if unit not in MONEY_UNITS:
        raise ValueError(f"unit must be one of {', '.join(MONEY_UNITS)}; got {unit!r}")
    missing = [c for c in (*_REQUIRED, *by) if c not in metrics.columns]
    if missing:
        hint = " (add them with summary_mining.regions.add_region_period(df, doc))" if {"region", "period"} & set(missing) else ""
        raise ValueError(f"metrics lacks column(s) {', '.join(missing)}{hint}")


def _keys(metrics: pd.DataFrame, by: Sequence[str]) -> list[str]:
    """Group keys: ``by``, plus ``region_code`` after ``region`` (two 朝阳区 are two regions)."""
    keys = list(by)
    if "region" in keys and "region_code" in metrics.columns and "region_code" not in keys:
        keys.insert(keys.index("region") + 1, "region_code")
    return keys


def _candidates(metrics: pd.DataFrame, by: Sequence[str], keys: list[str], unit: str,
                indicators: Iterable[str] | None, targets_own_period: bool = False
                ) -> tuple[pd.DataFrame, dict[str, int]]:
    """Rows that go into the table, with ``column`` and ``cell`` (converted value); and what was left out."""
    df = metrics
    excluded: dict[str, int] = {}

    def drop(mask: pd.Series, why: str) -> None:
        nonlocal df
        excluded[why] = int(mask.sum())
        df = df[~mask]

    drop(df["in_name"].fillna(False).astype(bool), "in_name")
    drop(df["redacted"].fillna(False).astype(bool), "redacted")
    drop(df["indicator"].isna(), "no_indicator")
    if indicators is not None:
        drop(~df["indicator"].isin(list(indicators)), "other_indicator")
    drop(df["value"].isna(), "no_value")
    drop(df["role"].astype("string").fillna("") == "base", "earlier_level")  # A of 从A增长到B: another period
    drop(df[[k for k in by if k != "period"]].isna().any(axis=1), "no_key")
    if "subject_code" in df.columns and "region_code" in df.columns:
        # a figure whose statement names another division or the country (大竹县实现…) is not the row's
        other = (df["subject_code"].notna() & df["region_code"].notna()
                 & (df["subject_code"].astype("string") != df["region_code"].astype("string"))).fillna(False).astype(bool)
        if "subject_level" in df.columns:
            # an enterprise, project or zone the clause names, or a group of the region's parts (no code)
            rules = subject_rules()
            levels = sorted(set(rules.entities.values()) | {rules.group_level})
            other |= (df["subject_code"].isna() & df["subject"].notna()
                      & df["subject_level"].isin(levels)).fillna(False).astype(bool)
        if other.any():  # counted only when it happens (the key is new)
            drop(other, "other_subject")
    if PROSPECT_WORDS:
        prospect = pd.Series([isinstance(lab, str) and any(w in lab for w in PROSPECT_WORDS) for lab in df["label"]],
                             index=df.index, dtype=bool)
        if prospect.any():  # counted only when it happens (the key is new)
            drop(prospect, "prospect")
    if "sentence" in df.columns and "surface" in df.columns:
        part = pd.Series([about_a_part(r) for r in df.to_dict("records")], index=df.index, dtype=bool)
        if part.any():  # counted only when it happens (the key is new)
            drop(part, "part_subject")
    if "figure_period" in df.columns and "period" in df.columns:
        # a result of another year (上年同期为8个, 2023年全年签约20个, 从2020年的3.68万亿元) is not the row's
        other = pd.Series([_other_year(fp, p, r) for fp, p, r in zip(df["figure_period"], df["period"], df["role"])],
                          index=df.index, dtype=bool)
        if other.any():  # counted only when it happens (the key is new)
            drop(other, "other_period")
    if targets_own_period:
        df = _target_periods(df, by)
    cols, cells = [], []
    for row in df.to_dict("records"):
        found = column_for(row, unit)
        cols.append(found[0] if found else None)
        cells.append(found[1] if found else math.nan)
    df = df.assign(column=pd.array(cols, dtype="string"), cell=cells)
    drop(df["column"].isna(), "not_comparable")
    sort = [c for c in ("doc_id", "article", "start") if c in df.columns]
    return df.sort_values(sort, kind="stable"), excluded


def _year(period: Any) -> str | None:
    return None if _na(period) else str(period)[:4]


def _other_year(figure_period: Any, period: Any, role: Any) -> bool:
    """True for a result whose own period (``figure_period``) lies in another year than its row's."""
    fy, py = _year(figure_period), _year(period)
    return role != "target" and fy is not None and py is not None and fy.isdigit() and py.isdigit() and fy != py


def _target_periods(df: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Targets set for a later year (二、2025年工作安排 of a report on 2024, 明年力争…) go to that year's row:
    the figure's own period (``figure_period``), else the year its section heading names."""
    if "period" not in by or not (df["role"] == "target").any():
        return df
    target = (df["role"] == "target").fillna(False).to_numpy()
    own = df["figure_period"] if "figure_period" in df.columns else pd.Series([None] * len(df), index=df.index)
    sections = df["section"] if "section" in df.columns else pd.Series([None] * len(df), index=df.index)
    periods = [p if not t or _na(p) else (fp if not _na(fp) else target_period(p, s) if not _na(s) else p)
               for p, s, fp, t in zip(df["period"], sections, own, target)]
    return df.assign(period=pd.array(periods, dtype="string"))


def _column_order(df: pd.DataFrame, indicators: Iterable[str] | None) -> list[str]:
    order = list(indicators) if indicators is not None else list(dict.fromkeys(df["indicator"]))
    rank = {ind: i for i, ind in enumerate(order)}

    def key(col: str) -> tuple:
        row = df[df["column"] == col].iloc[0]
        rest = col[len(row["indicator"]):col.index("(")] if "(" in col else ""
        measure = rest.replace("目标", "")
        return rank.get(row["indicator"], len(rank)), "目标" in rest, _MEASURE_ORDER.get(measure, 3), col

    return sorted(df["column"].unique(), key=key)


def _count_units(df: pd.DataFrame) -> pd.DataFrame:
    """Counts of one indicator in several measure words (个, 项, 家) share the most common one."""
    counts = df["kind"] == "count"
    if not counts.any():
        return df
    stem = df["column"].str.replace(r"\([^()]*\)$", "", regex=True)
    best = df[counts].assign(stem=stem[counts]).groupby("stem")["unit"].agg(lambda u: u.value_counts().index[0])
    renamed = [f"{s}({best[s]})" if c else col for s, c, col in zip(stem, counts, df["column"])]
    return df.assign(column=pd.array(renamed, dtype="string"))


def _half_unit(row: Mapping[str, Any]) -> float:
    """Half the last written digit of a row's figure, in its cell's unit (72.68万亩 in 亩: 50); 0 when the
    frame does not say how the figure was written."""
    number, decimals, cell = row.get("number"), row.get("decimals"), row.get("cell")
    if _na(number) or _na(decimals) or _na(cell) or not number:
        return 0.0
    return 0.5 * 10.0 ** -int(decimals) * abs(float(cell) / float(number))


def _agrees(a: float, b: float, tol: float = 0.0) -> bool:
    """The same value, or values that round to each other at their written precision (72.68万亩 and 726760亩)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) or abs(a - b) <= tol


def compare(metrics: pd.DataFrame, *, indicators: Iterable[str] | None = None, unit: str = "亿元",
            by: Sequence[str] = ("region", "period"), return_conflicts: bool = False,
            targets_own_period: bool = False) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """One row per ``by`` group (region and period), one column per indicator and measure.

    ``metrics`` is :func:`summary_mining.extract` output with ``region``/``region_code``/``period``
    (from :func:`summary_mining.regions.add_region_period`); frames of several documents may be
    concatenated. ``indicators`` keeps (and orders) some indicators; ``unit`` is the money unit
    (元, 万元, 亿元, 万亿元). A cell with several figures takes the first in reading order; with
    ``return_conflicts=True`` the result is ``(table, conflicts)``, see :func:`conflicts`.
    ``targets_own_period=True`` puts a target set under a heading about a later year
    (二、2025年工作安排 of a report on 2024) in that year's row (see
    :func:`summary_mining.places.periods.target_period`); by default it stays in the document's row.
    Rows are ordered by region code (regions without one last), then by the ``by`` keys.
    ``table.attrs`` holds ``unit``, ``rule``, ``excluded`` (rows left out, by reason), ``n_conflicts``,
    and for the cells whose figure is a bound or an approximation, keyed ``(row label, column)``:
    ``qualifiers`` (the word: 突破3.1万亿元 -> ``突破``) and ``marks`` (``≥``, ``≈``, ``≤``; ``[marks]`` in
    ``data/comparison.toml``), which :func:`summary_mining.to_excel` shows before the number.

    >>> from summary_mining import extract
    >>> t = compare(extract(text="河南省2024年统计公报\\n全省生产总值突破6万亿元，增长5.1%。"))
    >>> t[["region", "地区生产总值(亿元)"]].values.tolist(), t.attrs["marks"]
    ([['河南省', 60000.0]], {(0, '地区生产总值(亿元)'): '≥'})
    """
    by = list(by)
    keys, rows, first, excluded = _choose(metrics, by, unit, indicators, targets_own_period)
    rest = rows.drop(index=first.index)
    table = _pivot(first, keys, _column_order(rows, indicators) if len(rows) else [])
    found = _conflicts(first, rest, keys)
    qualifiers = _qualifiers(first, keys, table)
    table.attrs.update({"unit": unit, "rule": "first figure in reading order (doc_id, article, start)",
                        "excluded": excluded, "n_conflicts": len(found), "qualifiers": qualifiers,
                        "marks": {cell: QUALIFIER_MARKS[q] for cell, q in qualifiers.items() if q in QUALIFIER_MARKS}})
    return (table, found) if return_conflicts else table


def qualified_cells(table: pd.DataFrame) -> pd.DataFrame:
    """The cells of a :func:`compare` table whose figure is a bound or an approximation, one row each:
    the row's keys, ``column``, ``cell`` (the value in the column's unit), ``qualifier`` (突破) and
    ``mark`` (≥) — the companion sheet of a published table (``summary-mining compare … -o 对比.xlsx``
    writes it as 修饰).

    >>> from summary_mining import extract
    >>> qualified_cells(compare(extract(text="河南省2024年统计公报\\n全省生产总值突破6万亿元。"))).values.tolist()
    [['河南省', '410000', '2024', '地区生产总值(亿元)', 60000.0, '突破', '≥']]
    """
    keys = [c for c in ("region", "region_code", "period") if c in table.columns]
    quals, marks = table.attrs.get("qualifiers") or {}, table.attrs.get("marks") or {}
    rows = [{**{k: table.at[r, k] for k in keys}, "column": c, "cell": float(table.at[r, c]), "qualifier": q,
             "mark": marks.get((r, c), pd.NA)} for (r, c), q in quals.items() if r in table.index and c in table.columns]
    out = pd.DataFrame(rows, columns=keys + ["column", "cell", "qualifier", "mark"])
    return out.astype({**{k: "string" for k in keys + ["column", "qualifier", "mark"]}, "cell": "float64"})


def _qualifiers(first: pd.DataFrame, keys: list[str], table: pd.DataFrame) -> dict[tuple[Any, str], str]:
    """``{(row label, column): qualifier}`` for the chosen figures stated with one (约, 突破, 以上)."""
    if "qualifier" not in first.columns or table.empty:
        return {}
    q = first[first["qualifier"].astype("string").fillna("") != ""]
    if q.empty:
        return {}
    key = lambda vals: tuple(None if _na(v) else str(v) for v in vals)
    label_of = {key(vals): label for label, vals in zip(table.index, table[keys].itertuples(index=False, name=None))}
    return {(label_of[key(r[k] for k in keys)], r["column"]): str(r["qualifier"]) for r in q.to_dict("records")
            if key(r[k] for k in keys) in label_of}


def _choose(metrics: pd.DataFrame, by: list[str], unit: str, indicators: Iterable[str] | None,
            targets_own_period: bool = False) -> tuple[list[str], pd.DataFrame, pd.DataFrame, dict[str, int]]:
    """Group keys, candidate rows, the row chosen for each cell, and what was left out."""
    _validate(metrics, by, unit)
    keys = _keys(metrics, by)
    rows, excluded = _candidates(metrics, by, keys, unit, indicators, targets_own_period)
    rows = _count_units(rows)
    first = rows.groupby(keys + ["column"], dropna=False, sort=False).head(1)
    return keys, rows, first, excluded


def cells(metrics: pd.DataFrame, *, indicators: Iterable[str] | None = None, unit: str = "亿元",
          by: Sequence[str] = ("region", "period"), targets_own_period: bool = False) -> pd.DataFrame:
    """The cells of :func:`compare` in long form, each with the metrics row it came from.

    One row per cell: the group keys, ``column``, ``cell`` (the value in the column's unit) and the
    chosen figure's own columns (``doc_id``, ``start``, ``surface``, ``sentence`` …), so every cell of
    the table can be traced to its characters (全市生产总值2012亿元 -> ``地区生产总值(亿元)`` = 2012.0).
    """
    keys, _, first, _ = _choose(metrics, list(by), unit, indicators, targets_own_period)
    return first.reset_index(drop=True)


_NA_KEY = "\x00NA"  # stands for a missing key while pivoting (pandas drops NA index labels)


def _pivot(first: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    """Chosen cells -> one row per key combination that has data, columns in ``columns`` order."""
    if first.empty:
        return pd.DataFrame({k: pd.Series([], dtype="string") for k in keys})
    filled = first.assign(**{k: first[k].astype("string").fillna(_NA_KEY) for k in keys})
    table = filled.set_index(keys + ["column"])["cell"].astype("float64").unstack("column")
    table = table.reindex(columns=columns).reset_index()
    table.columns.name = None
    for k in keys:
        table[k] = table[k].astype("string").replace(_NA_KEY, pd.NA)
    order = (["region_code"] if "region_code" in keys else []) + [k for k in keys if k != "region_code"]
    return table.sort_values(order, kind="stable", na_position="last").reset_index(drop=True)  # by code, then period


def _conflicts(first: pd.DataFrame, rest: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    cols = keys + CONFLICT_COLUMNS
    if rest.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    chosen = first.set_index(keys + ["column"])
    out = []
    for row in rest.to_dict("records"):
        c = chosen.loc[tuple(row[k] for k in keys + ["column"])]
        c = c.iloc[0] if isinstance(c, pd.DataFrame) else c
        out.append({**{k: row[k] for k in keys}, "column": row["column"], "chosen": c["cell"], "other": row["cell"],
                    "agrees": _agrees(c["cell"], row["cell"], _half_unit(c) + _half_unit(row)), "doc_id": row["doc_id"], "article": row.get("article"),
                    "start": row["start"], "surface": row.get("surface"), "label": row.get("label"),
                    "sentence": row.get("sentence"), "chosen_doc_id": c["doc_id"], "chosen_start": c["start"],
                    "chosen_surface": c.get("surface")})
    df = pd.DataFrame(out, columns=cols)
    text = [c for c in cols if c not in ("chosen", "other", "agrees", "article", "start", "chosen_start")]
    return df.astype({**{c: "string" for c in text}, "chosen": "float64", "other": "float64", "agrees": "bool"})


def conflicts(metrics: pd.DataFrame, **kwargs) -> pd.DataFrame:
    """The figures :func:`compare` did not put in a cell because an earlier one took it.

    One row per such figure: the group keys, ``column``, the ``chosen`` value and this ``other``
    value (both in the column's unit), ``agrees`` (the same value, or the same at the precision each was
    written with: 72.68万亩 and 726760亩), and where both come from
    (``doc_id, article, start, surface, label, sentence``; ``chosen_doc_id, chosen_start, chosen_surface``).
    """
    return compare(metrics, return_conflicts=True, **kwargs)[1]
