"""Figures: find every amount, percentage and count of a document (:mod:`.find`), then read what each
measures (:mod:`.label`) — one :class:`~.record.Figure` record per figure.

>>> from summary_mining import read_document
>>> [(f.surface, f.label) for f in figures_of(read_document(text="签约项目10个，投资总额24亿元。"))]
[('10个', '签约项目'), ('24亿元', '投资总额')]
"""
from __future__ import annotations

from ..model import Document
from ..rules import DEFAULT_RULES, RuleSet
from .find import find_figures
from .label import annotate
from .record import Figure

__all__ = ["Figure", "find_figures", "annotate", "figures_of"]


def figures_of(doc: Document, rules: RuleSet = DEFAULT_RULES) -> list[Figure]:
    """Every figure of ``doc`` with its label, indicator, direction and role, in text order."""
    seg = rules.segmenter()
    figures = find_figures(doc, rules.metric_rules(), seg)
    return annotate(doc, figures, rules=rules.label_rules(), lexicon=rules.lexicon(), seg=seg)
