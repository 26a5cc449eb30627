"""One document's pipeline: every result computed once, on first use, from one structure and one
list of figure records.

``extract``, ``extract_problems``, ``audit``, ``relations``, ``show`` and a corpus run all work through
an :class:`Analysis`, so a figure is found once, a region detected once, and the frames are built from
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
from .places.regions import REGION_COLUMNS, RegionOverrides, article_rows
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

    def metrics_frame(self, kinds: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
        """The metrics frame (:data:`~summary_mining.frame.DTYPES`)."""
        figures = self.figures if kinds is None else [f for f in self.figures if f.kind in kinds]
        rows = figure_rows(self.doc, figures)
        if rows:  # no figures, no region detection
            by_article = {r["article"]: r for r in self.article_rows}
            for row in rows:
                info = by_article.get(row["article"])
                if info is not None:
                    for col in REGION_COLUMNS:
                        row[col] = info[col]
        df = to_frame(rows, DTYPES)
        df.attrs["doc_id"] = self.doc.doc_id
        return df
