"""The public entry points: ``show`` and the :class:`View` it returns."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from ..documents import Source, as_document
from ..model import Document
from .page import render_html

__all__ = ["View", "show"]

# the public entry points
@dataclass
class View:
    """A document and its results, ready to look at: ``_repr_html_`` (Jupyter), ``.html``, ``.save``."""

    doc: Document
    metrics: pd.DataFrame
    problems: pd.DataFrame | None = None
    audit: pd.DataFrame | None = None
    title: str | None = None

    @cached_property
    def html(self) -> str:
        """The standalone page (self-contained: no network)."""
        return render_html(self.doc, self.metrics, self.problems, self.audit, title=self.title)

    def _repr_html_(self) -> str:
        return render_html(self.doc, self.metrics, self.problems, self.audit, title=self.title, standalone=False)

    def save(self, path: str | Path) -> Path:
        """Write the standalone page to ``path`` (UTF-8), creating folders; returns the path."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(self.html, encoding="utf-8")
        return p

    def __repr__(self) -> str:
        parts = [f"doc_id={self.doc.doc_id!r}", f"figures={len(self.metrics)}"]
        if self.problems is not None:
            parts.append(f"problems={len(self.problems)}")
        if self.audit is not None:
            bad = int((self.audit["status"] == "inconsistent").sum()) if "status" in self.audit.columns else 0
            parts.append(f"findings={len(self.audit)} ({bad} inconsistent)")
        return f"View({', '.join(parts)})"


def _problems_of(analysis: Any) -> pd.DataFrame | None:
    try:
        from ..problems import problem_rows_of  # noqa: F401 - absent when the module is not installed
    except ImportError:
        return None
    return analysis.problems_frame()


def _audit_of(analysis: Any, metrics: pd.DataFrame | None) -> pd.DataFrame | None:
    try:
        from ..auditing.api import audit as run_audit
    except ImportError:
        return None
    # the figures found for the metrics, read once: given metrics are mapped back to their records
    return analysis.audit_frame() if metrics is None else run_audit(analysis.doc, metrics=metrics)


def _given(value: pd.DataFrame | bool | None, compute: Any) -> pd.DataFrame | None:
    if value is None or value is True:
        return compute()
    if value is False:
        return None
    return value


def show(source: Source | None = None, *, text: str | None = None, metrics: pd.DataFrame | None = None,
         problems: pd.DataFrame | bool | None = None, audit: pd.DataFrame | bool | None = None,
         title: str | None = None) -> View:
    """A :class:`View` of a document (path, bytes, :class:`Document` or ``text=``) and its results.

    Missing results are computed: ``metrics`` with :func:`summary_mining.extract`, ``problems``
    with ``summary_mining.problems.extract_problems`` and ``audit`` with
    ``summary_mining.audit.audit`` (each skipped when that module is not installed). Pass a frame
    to show your own results, or ``False`` to leave problems or audit findings out.
    """
    from ..pipeline import Analysis

    doc = as_document(source, text=text)
    analysis = Analysis(doc)
    m = analysis.metrics_frame() if metrics is None else metrics
    return View(doc, m, _given(problems, lambda: _problems_of(analysis)),
                _given(audit, lambda: _audit_of(analysis, metrics)), title)
