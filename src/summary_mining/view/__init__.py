"""``show``: look at a document with every result marked in place (Jupyter and standalone HTML).

The document text is shown with every extracted figure highlighted by kind (金额 amount, 百分比
percentage, 数量 count), problem statements (问题) shaded, and audit findings outlined — an
inconsistent one in a warning colour with its Chinese message on hover and in a findings panel
that links to the figures. A table of contents links every article and section; a side table
lists each figure's value, unit, label, indicator and qualifier.

>>> from summary_mining.view import show
>>> v = show(text="一、目标任务完成情况\\n第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
>>> v                                    # doctest: +SKIP
View(doc_id='text-…', figures=4, problems=0, findings=1 (0 inconsistent))
>>> 'data-kind="amount" data-value="2400000000" data-unit="元"' in v.html
True
>>> path = v.save("out/西博会.html")     # doctest: +SKIP

In Jupyter the :class:`View` renders itself (``_repr_html_``); ``v.html`` is a standalone page
(inline CSS and JS, no network, a Content-Security-Policy that only runs the view's own script),
``v.save(path)`` writes it. Every highlighted figure is one element carrying ``data-kind``,
``data-value`` (:func:`format_value` of the value, ``""`` for ranges and redactions),
``data-unit``, ``data-start`` and ``data-end`` (offsets into ``Document.text``), so the page can
be checked and scripted: ``document.querySelectorAll('[data-kind=amount]')``.

Markup is built in one pass from a sorted list of boundary events (:func:`weave`), so nesting is
always well formed: articles and long runs of text are blocks, headings and problem items are
outer spans, audit evidence is inside them and figures are innermost and never split (other
spans are widened to a figure's edges rather than cut through it). All document text is escaped.

The package: :mod:`.values` (cells and numbers as shown), :mod:`.markup` (marks and :func:`weave`),
:mod:`.prepare` (the results of one document), :mod:`.marks` (blocks, headings, tables, problems,
evidence, figures), :mod:`.tables` (``Document.tables`` as HTML tables), :mod:`.panels` (table of
contents, findings, problems, figures), :mod:`.page` (the HTML page) and :mod:`.api` (``show``, ``View``).
"""
from __future__ import annotations

from .api import View, show
from .markup import BLOCK, EVIDENCE, FIGURE, HEADING, PROBLEM, Mark, weave
from .page import render_html
from .values import FIGURE_KINDS, format_value

__all__ = ["show", "View", "render_html", "format_value", "weave", "Mark", "FIGURE_KINDS",
           "BLOCK", "HEADING", "PROBLEM", "EVIDENCE", "FIGURE"]
