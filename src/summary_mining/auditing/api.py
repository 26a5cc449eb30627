"""``audit``: check the arithmetic a document asserts between its figures.

One row per relation checked — consistent ones too, so a reader sees what was verified — with the figure
the document states, the value the other figures give, the tolerance its written precision allows, a
message in Chinese with the arithmetic, and the evidence (offsets into ``Document.text``).

>>> df = audit(text="第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
>>> df[["check", "status", "stated", "computed"]].values.tolist()
[['rate', 'consistent', 90.0, 90.0]]
>>> df.loc[0, "evidence"]
[(34, 37, '90﹪'), (28, 30, '9个'), (11, 14, '10个')]
>>> audit(text="全年引进项目56个，比上年的48个增加6个。")[["check", "status", "stated", "computed"]].values.tolist()
[['difference', 'inconsistent', 6.0, 8.0]]
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from ..datafiles import rule_guard
from ..documents import as_document, doc_name
from ..figure_relations import find_relations, relation_rules
from ..figures.rows import figures_from_frame
from ..model import Document
from ..pipeline import Analysis
from ..readers.base import ReadResult
from ..structure import build_document
from .evaluate import evaluate_all
from .frame import CHECKS, audit_frame

__all__ = ["audit", "audit_rows"]


def _check_names(checks: Iterable[str] | str | None) -> set[str]:
    names = list(CHECKS) if checks is None else [checks] if isinstance(checks, str) else list(checks)
    bad = [n for n in names if n not in CHECKS]
    if bad:
        raise ValueError(f"checks must be among {', '.join(CHECKS)}; got {bad!r}")
    return set(names)


def audit_rows(doc: Document, figures, *, rules: str = "relations.toml", checks: set[str] | None = None,
               uncertain: set[int] | None = None, errors: list[str] | None = None) -> list[dict[str, Any]]:
    """The audit rows of one document's figure records (in reading order)."""
    errors = errors if errors is not None else []
    with rule_guard(doc_name(doc)):
        ctx, rels = find_relations(doc, figures, rules=relation_rules(str(rules)), uncertain=uncertain, errors=errors)
        return evaluate_all(ctx, [r for r in rels if checks is None or r.check in checks])


def audit(source_or_metrics: Any = None, *, text: str | None = None, checks: Iterable[str] | None = None,
          rules: str | Path = "relations.toml", metrics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check the arithmetic relations between a document's figures.

    ``source_or_metrics`` is a path, bytes or :class:`Document` — or ``text=`` — (its figures found first,
    unless ``metrics`` — its :func:`summary_mining.extract` frame — is given: rows are mapped back to
    figure records by their offsets), or a metrics frame alone (possibly several documents: the text of
    the sentences it holds is what is known, so a count written in words in a sentence with no figure — “在谈、
    签约、促建”三个环节 — is found only with the document). ``checks`` keeps only some of :data:`CHECKS`; ``rules``
    is another relations file. Columns: :data:`AUDIT_COLUMNS`; one row per relation, in document order.
    A finder that fails on a document is skipped and named in ``df.attrs["errors"]``.

    >>> audit(text="新签约项目20个，已履约18个，履约率95%。")[["status", "stated", "computed"]].values.tolist()
    [['inconsistent', 95.0, 90.0]]
    """
    names = _check_names(checks)
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    if isinstance(source_or_metrics, pd.DataFrame):
        df = source_or_metrics
        missing = {"doc_id", "start", "end", "surface", "kind", "value"} - set(df.columns)
        if missing:
            raise ValueError(f"not a metrics frame: missing columns {sorted(missing)}")
        for doc_id, g in df.groupby(df["doc_id"].astype(str), sort=False):
            g = g.reset_index(drop=True)
            doc, uncertain = document_from_frame(g, str(doc_id))
            rows += audit_rows(doc, figures_from_frame(g, doc), rules=str(rules), checks=names,
                               uncertain=uncertain, errors=errors)
    else:
        doc = as_document(source_or_metrics, text=text)
        figures = Analysis(doc).figures if metrics is None else figures_from_frame(metrics, doc)
        rows = audit_rows(doc, figures, rules=str(rules), checks=names, errors=errors)
    out = audit_frame(rows)
    out.attrs["errors"] = errors
    return out


# -- a metrics frame alone: the text of its sentences, at their offsets ----------------------------------
#: In a metrics frame, two sentences of one section with only unknown (figure-less) sentences between
#: them are taken to share a paragraph when at most this many characters separate them.
FRAME_PARAGRAPH_GAP = 60
_STOPS = "。！？!?"


def _s(x: Any) -> str:
    return "" if x is None or x is pd.NA or (isinstance(x, float) and x != x) else str(x)


def _sentence_offsets(rows: pd.DataFrame) -> dict[int, tuple[int, str, tuple[str, str]]]:
    """Where each sentence of a metrics frame starts (the offset its figures agree on), its text, and
    the (article, section) it belongs to. A long sentence comes as windows (``SENTENCE_WINDOW``): each
    is placed by its own figures, and the gaps between them are left blank."""
    out: dict[int, tuple[int, str, tuple[str, str]]] = {}
    for _, g in rows.groupby("sentence_id", sort=True):
        pieces: list[tuple[int, str]] = []
        for text, w in g.groupby(g["sentence"].map(_s), sort=False):
            if not text:
                continue
            common: set[int] | None = None
            for s, surf in zip(w["start"], w["surface"]):
                surf = _s(surf)
                offs, k = set(), text.find(surf) if surf else -1
                while k >= 0:
                    offs.add(int(s) - k)
                    k = text.find(surf, k + 1)
                common = offs if common is None else (common & offs or common)
            ok = sorted(o for o in (common or ()) if o >= 0)
            if ok:
                pieces.append((ok[0], text))
        if not pieces:
            continue
        pieces.sort()
        start = pieces[0][0]
        buf = [" "] * (max(o + len(t) for o, t in pieces) - start)
        for o, t in pieces:
            buf[o - start:o - start + len(t)] = t
        where = (_s(g["article"].iloc[0]) if "article" in g else "", _s(g["section"].iloc[0]) if "section" in g else "")
        out[int(g["sentence_id"].iloc[0])] = (start, "".join(buf), where)
    return out


def document_from_frame(df: pd.DataFrame, doc_id: str) -> tuple[Document, set[int]]:
    """A document holding the sentences of a metrics frame at their offsets (line breaks elsewhere), and
    the full sentences whose extent is unknown.

    Sentences with consecutive ids and nothing between them share a paragraph. Figure-less sentences
    left out between two sentences of one section are bridged (one paragraph) when they are at most
    :data:`FRAME_PARAGRAPH_GAP` long or follow an unfinished statement (…；); such a statement is
    uncertain, and no ``inconsistent`` verdict rests on it."""
    offsets = _sentence_offsets(df[df["sentence_id"].notna()]) if "sentence" in df else {}
    length = max([int(df["end"].max()) if len(df) else 0] + [o + len(t) for o, t, _ in offsets.values()]) + 1
    buf = ["\n"] * length
    unknown: list[int] = []  # offsets inside statements that may continue in text the frame does not hold
    prev: tuple[int, int, tuple[str, str]] | None = None  # (id, end, where)
    for sid, (o, t, where) in sorted(offsets.items(), key=lambda kv: kv[1][0]):
        buf[o:o + len(t)] = list(t)
        gap = o - prev[1] if prev else -1
        if not (prev is not None and where == prev[2] and gap == 0 and sid == prev[0] + 1):
            ended = prev is not None and buf[prev[1] - 1] in _STOPS
            if prev is not None and not ended:
                unknown += [prev[1] - 1, o]  # was the statement continued across the gap?
            if (prev is not None and where == prev[2] and sid > prev[0] + 1
                    and 0 < gap and (gap <= FRAME_PARAGRAPH_GAP or not ended)):
                buf[prev[1]:o] = [" "] * gap if ended else ["；"] + [" "] * (gap - 1)
        prev = (sid, o + len(t), where)
    doc = build_document(ReadResult("".join(buf), "txt"), doc_id=doc_id, source="<metrics>")
    return doc, {doc.stop_index(u) for u in unknown}
