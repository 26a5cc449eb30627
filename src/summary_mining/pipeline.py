"""One document's pipeline: every result computed once, on first use, from one structure and one
list of figure records.

``extract``, ``audit``, ``relations``, ``show`` and a corpus run work through an :class:`Analysis`, so a
figure is found once, a region detected once, the relations read once, and the frames are built from
the records only at the end.

>>> from summary_mining import read_document
>>> a = Analysis(read_document(text="四川省大竹县\\n签约项目10个，履约项目9个，履约率90%。"))
>>> [(f.surface, f.label) for f in a.figures]
[('10个', '签约项目'), ('9个', '履约项目'), ('90%', '履约率')]
>>> a.metrics_frame()[["surface", "region"]].values.tolist()
[['10个', '大竹县'], ['9个', '大竹县'], ['90%', '大竹县']]
"""
from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd

from .datafiles import rule_guard
from .documents import doc_name
from .figures import Figure, figures_of
from .figures.rows import figure_rows
from .frame import DTYPES, to_frame
from .model import Document
from .auditing import AUDIT_DTYPES
from .auditing.evaluate import evaluate_all
from .figure_relations import Context, Relation, find_relations
from .places.regions import REGION_COLUMNS, RegionOverrides, article_rows
from .places.figure_periods import figure_periods
from .places.subjects import figure_subjects
from .problems import PROBLEM_DTYPES, problem_rows_of
from .rules import DEFAULT_RULES, RuleSet

__all__ = ["Analysis"]


class Analysis:
    """The results of one document under one rule set (and region overrides), each computed once."""

    def __init__(self, doc: Document, rules: RuleSet = DEFAULT_RULES, *, regions: RegionOverrides = None) -> None:
        self.doc = doc
        self.rules = rules
        self.regions = regions
        self.name = doc_name(doc)

    @cached_property
    def figures(self) -> list[Figure]:
        """Every figure, labelled, in text order."""
        with rule_guard(self.name):
            return figures_of(self.doc, self.rules)

    @cached_property
    def article_rows(self) -> list[dict[str, Any]]:
        """Region and period per article (0 = the preamble), detected once."""
        with rule_guard(self.name):
            return article_rows(self.doc, regions=self.regions)

    def metrics_rows(self, kinds: tuple[str, ...] | list[str] | None = None) -> list[dict[str, Any]]:
        """One metrics-frame row per figure (:data:`~summary_mining.frame.DTYPES`), region and period filled."""
        figures = self.figures if kinds is None else [f for f in self.figures if f.kind in kinds]
        rows = figure_rows(self.doc, figures)
        if rows:  # no figures, no region detection
            by_article = {r["article"]: r for r in self.article_rows}
            for row in rows:
                info = by_article.get(row["article"])
                if info is not None:
                    for col in REGION_COLUMNS:
                        row[col] = info[col]
            with rule_guard(self.name):
                subjects = figure_subjects(self.doc, figures, by_article)
                periods = figure_periods(self.doc, figures, rows, by_article)
            for row, (name, code, level), period in zip(rows, subjects, periods):
                row["subject"], row["subject_code"], row["subject_level"] = name, code, level
                row["figure_period"] = period
        return rows

    def metrics_frame(self, kinds: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
        """The metrics frame (:data:`~summary_mining.frame.DTYPES`)."""
        return self._frame(self.metrics_rows(kinds), DTYPES)

    def problems_rows(self) -> list[dict[str, Any]]:
        """The problems-frame rows (default options)."""
        with rule_guard(self.name):
            return problem_rows_of(self.doc)

    def problems_frame(self) -> pd.DataFrame:
        """The problems frame (:data:`~summary_mining.problems.PROBLEM_DTYPES`), default options."""
        return self._frame(self.problems_rows(), PROBLEM_DTYPES)

    @cached_property
    def relations(self) -> tuple[Context, list[Relation]]:
        """The relations the text asserts between the figures, and the context they were read in
        (errors of a finder that failed are in :attr:`errors`)."""
        self.errors: list[str] = []
        with rule_guard(self.name):
            return find_relations(self.doc, self.figures, errors=self.errors)

    def audit_rows(self) -> list[dict[str, Any]]:
        """One audit row per relation, checked — as :func:`summary_mining.audit` checks them (ratios held to their
        siblings: :func:`~summary_mining.auditing.evaluate.evaluate_all`), so ``mine()`` and ``audit()`` agree."""
        ctx, rels = self.relations
        return evaluate_all(ctx, rels)

    def drop_relations(self) -> None:
        """Forget the relations read (their context holds a record per figure): a corpus run needs them
        only for the audit rows, and drops them before the metrics rows are built (a lower peak)."""
        self.__dict__.pop("relations", None)

    def audit_frame(self) -> pd.DataFrame:
        """The audit frame: each relation checked (:data:`~summary_mining.auditing.AUDIT_DTYPES`)."""
        df = self._frame(self.audit_rows(), AUDIT_DTYPES)
        df.attrs["errors"] = list(self.errors)
        return df

    def _frame(self, rows: list[dict[str, Any]], dtypes: dict[str, str]) -> pd.DataFrame:
        df = to_frame(rows, dtypes)
        df.attrs["doc_id"] = self.doc.doc_id
        return df
