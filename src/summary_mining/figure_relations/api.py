"""``relations``: every relation a document's text asserts between its figures, one row each.

>>> df = relations(text="开工项目295个，其中新建项目91个，续建项目204个。")
>>> df[["relation", "check", "figure", "operands", "exhaustive", "cue"]].values.tolist()
[['total_of', 'breakdown', (4, 8), [(15, 18), (23, 27)], True, '其中']]
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..datafiles import rule_guard
from ..documents import Source, as_document, doc_name
from ..frame import to_frame
from ..pipeline import Analysis
from . import find_relations
from .rules import relation_rules

__all__ = ["relations", "RELATION_DTYPES", "RELATION_COLUMNS"]

#: Column -> dtype of the relations frame (a stable contract, in this order). ``figure`` is the
#: ``(start, end)`` of the stated figure (None for an implicit one: the 100 % shares add up to);
#: ``operands`` the ``(start, end)`` of the figures that give it; ``evidence`` ``(start, end, text)``
#: of every figure and listed name involved.
RELATION_DTYPES: dict[str, str] = {
    "doc_id": "string",
    "article": "Int64",
    "relation": "string",
    "check": "string",
    "figure": "object",
    "operands": "object",
    "exhaustive": "bool",
    "cue": "string",
    "statement_start": "int64",
    "statement_end": "int64",
    "evidence": "object",
}
RELATION_COLUMNS = tuple(RELATION_DTYPES)


def relations(source: Source | None = None, *, text: str | None = None,
              rules: str | Path = "relations.toml") -> pd.DataFrame:
    """The relations a document (path, bytes, :class:`Document` or ``text=``) asserts between its
    figures: totals and their parts, shares, ratios, growth against a stated earlier level, differences,
    counts of listed items, thresholds, restatements (:data:`RELATION_DTYPES`)."""
    doc = as_document(source, text=text)
    with rule_guard(doc_name(doc)):
        ctx, rels = find_relations(doc, Analysis(doc).figures, rules=relation_rules(str(rules)))
    rows = []
    for r in rels:  # (offsets as written: a document read on its plain twin has them mapped back)
        figs = ([r.stated] if r.stated is not None else []) + r.operands
        evidence = ctx.evidence([(f.start, f.end) for f in figs] + [(s, e) for s, e, _ in r.items])
        spans = [ev[:2] for ev in evidence]
        stated = spans[0] if r.stated is not None else None
        operands = spans[len(figs) - len(r.operands):len(figs)] or spans[len(figs):]  # (a count's operands: its items)
        (statement_start, statement_end, _), = ctx.evidence([r.statement])
        rows.append({"doc_id": doc.doc_id, "article": r.article, "relation": r.relation, "check": r.check,
                     "figure": stated, "operands": operands, "exhaustive": r.exhaustive, "cue": r.cue,
                     "statement_start": statement_start, "statement_end": statement_end, "evidence": evidence})
    df = to_frame(rows, RELATION_DTYPES)
    df.attrs["doc_id"] = doc.doc_id
    return df
