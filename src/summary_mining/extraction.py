"""``extract``: every reported figure of a document as one tidy DataFrame.

>>> import summary_mining as sm
>>> df = sm.extract(text="第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
>>> df[["surface", "kind", "value", "unit", "label", "role"]].values.tolist()
[['10个', 'count', 10.0, '个', '西博会签约项目', 'actual'], ['24亿元', 'amount', 2400000000.0, '元', '投资总额', 'actual'], ['9个', 'count', 9.0, '个', '履约项目', 'actual'], ['90﹪', 'percentage', 90.0, '%', '履约率', 'rate']]
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .documents import Source, as_document
from .pipeline import Analysis
from .rules import RuleSet, resolve_rules
from .rules.units import KINDS

__all__ = ["extract"]


def extract(source: Source | None = None, *, text: str | None = None, kinds: tuple[str, ...] | list[str] | None = None,
            indicators: dict[str, str] | None = None, user_dict: str | Path | None = None,
            regions=None, rules: RuleSet | None = None) -> pd.DataFrame:
    """Extract amounts, percentages and counts from a path, bytes, :class:`Document` or ``text=``.

    One row per figure; columns and dtypes in :data:`summary_mining.frame.DTYPES`.
    ``kinds`` keeps only some of ``amount``/``percentage``/``count``; ``indicators`` adds
    synonyms (``{"引资到位": "到位资金"}``); ``user_dict`` adds a jieba dictionary (for this call only);
    ``rules`` is a :class:`~summary_mining.rules.RuleSet` naming other rule files; ``regions``
    overrides the detected region/period (a mapping ``{"file.txt": "中江县"}`` or a CSV path with
    columns ``file,article,region,period``; see :func:`summary_mining.regions.add_region_period`).
    Every row satisfies ``doc.text[start:end] == surface``.
    """
    if kinds is not None:
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise ValueError(f"kinds must be among {', '.join(KINDS)}; got {bad!r}")
    doc = as_document(source, text=text)
    return Analysis(doc, resolve_rules(rules, indicators, user_dict), regions=regions).metrics_frame(kinds)
