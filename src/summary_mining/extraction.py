"""``extract``: every reported figure of a document as one tidy DataFrame.

>>> import summary_mining as sm
>>> df = sm.extract(text="第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
>>> df[["surface", "kind", "value", "unit", "label", "role"]].values.tolist()
[['10个', 'count', 10.0, '个', '西博会签约项目', 'actual'], ['24亿元', 'amount', 2400000000.0, '元', '投资总额', 'actual'], ['9个', 'count', 9.0, '个', '履约项目', 'actual'], ['90﹪', 'percentage', 90.0, '%', '履约率', 'rate']]
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from .datafiles import rule_guard
from .documents import Source, as_document, doc_name
from .figures import Figure, figures_of
from .frame import DTYPES, to_frame
from .model import Document
from .places.regions import REGION_COLUMNS, article_rows
from .rules import DEFAULT_RULES, RuleSet
from .rules.units import KINDS

__all__ = ["extract", "figure_rows", "resolve_rules"]


def resolve_rules(rules: RuleSet | None, indicators: dict[str, str] | None = None,
                  user_dict: str | Path | None = None) -> RuleSet:
    """The rule set of a call: ``rules`` (or the package's), with ``indicators``/``user_dict`` added."""
    rules = rules or DEFAULT_RULES
    if indicators:
        rules = dataclasses.replace(rules, indicators={**(rules.indicators or {}), **indicators})
    if user_dict is not None:
        rules = dataclasses.replace(rules, user_dict=str(user_dict))
    return rules


def figure_rows(doc: Document, figures: list[Figure]) -> list[dict]:
    """One metrics-frame row (a dict keyed by :data:`~summary_mining.frame.COLUMNS`) per figure."""
    rows = []
    sentences: dict[int, str] = {}  # one string per sentence, shared by its figures' rows
    sections = doc.section_index
    for m in figures:
        sent = doc.sentence_at(m.start)
        if sent is not None and sent.index not in sentences:
            sentences[sent.index] = doc.text[sent.start:sent.end]
        rows.append({
            "doc_id": doc.doc_id,
            "article": doc.article_index(m.start),
            "region": None,
            "region_code": None,
            "period": None,
            "section": sent.section if sent else sections.path(m.start),  # a section never starts mid-sentence
            "sentence_id": sent.index if sent else None,
            "start": m.start,
            "end": m.end,
            "surface": m.surface,
            "kind": m.kind,
            "label": m.label or None,
            "indicator": m.indicator,
            "value": m.value,
            "low": m.low,
            "high": m.high,
            "unit": m.unit,
            "currency": m.currency,
            "qualifier": m.qualifier,
            "direction": m.direction,
            "role": m.role,
            "redacted": m.redacted,
            "in_name": m.in_name,
            "source": m.source,
            "sentence": sentences[sent.index] if sent else None,
        })
    return rows


def _fill_region_period(rows: list[dict], doc: Document, regions) -> None:
    """Set each row's ``region``/``region_code``/``period`` from its article (in place, before the
    frame is built: no column is copied or re-inserted). No rows, no region detection."""
    if not rows:
        return
    by_article = {r["article"]: r for r in article_rows(doc, regions=regions)}
    for row in rows:
        info = by_article.get(row["article"])
        if info is not None:
            for col in REGION_COLUMNS:
                row[col] = info[col]


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
    rules = resolve_rules(rules, indicators, user_dict)
    doc = as_document(source, text=text)
    with rule_guard(doc_name(doc)):
        figures = figures_of(doc, rules)
        if kinds is not None:
            figures = [f for f in figures if f.kind in kinds]
        rows = figure_rows(doc, figures)
        _fill_region_period(rows, doc, regions)
        df = to_frame(rows, DTYPES)
    df.attrs["doc_id"] = doc.doc_id
    return df
