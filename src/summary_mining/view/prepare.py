"""The results for one document, prepared for the view: figures, problems and findings as records with valid spans."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..model import Document
from .tables import note_sections
from .values import STATUS_RANK, cell_text, missing, number, records

__all__ = ["Finding", "Prepared", "prepare", "worst", "evidence_id"]

@dataclass
class Finding:
    index: int
    check: str
    status: str
    article: int | None
    message: str
    stated: float | None
    computed: float | None
    difference: float | None
    tolerance: float | None
    evidence: list[tuple[int, int, str]]


@dataclass
class Prepared:
    doc: Document
    vid: str
    figures: list[dict[str, Any]]
    problems: list[dict[str, Any]]
    findings: list[Finding]
    fig_findings: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    ev_findings: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    fig_ids: dict[tuple[int, int], str] = field(default_factory=dict)
    notes: set[int] = field(default_factory=set)  # sections that are notes (not in the outline)


FIGURE_COLUMNS = ("doc_id", "article", "start", "end", "surface", "kind", "label", "indicator", "value",
                   "low", "high", "unit", "currency", "qualifier", "direction", "role", "redacted", "in_name")
PROBLEM_COLUMNS = ("doc_id", "article", "section", "item", "start", "end", "text", "categories", "keywords")
AUDIT_COLUMNS = ("doc_id", "article", "check", "status", "stated", "computed", "difference", "tolerance",
                  "message", "evidence")


def own_rows(df: pd.DataFrame | None, doc: Document) -> pd.DataFrame | None:
    """The rows of ``df`` about ``doc`` (a frame may hold several documents)."""
    if df is None or len(df) == 0 or "doc_id" not in df.columns:
        return df
    mine = df["doc_id"].astype("string") == doc.doc_id
    return df[mine.fillna(False).astype(bool)] if bool(mine.any()) else df


def valid_span(s: Any, e: Any, n: int) -> tuple[int, int] | None:
    if missing(s) or missing(e):
        return None
    s, e = int(s), int(e)
    return (s, e) if 0 <= s < e <= n else None


def evidence_spans(ev: Any, n: int) -> list[tuple[int, int, str]]:
    """``evidence`` cells as (start, end, surface) within the text; anything malformed is dropped."""
    out: list[tuple[int, int, str]] = []
    if ev is None or isinstance(ev, (str, bytes, float)):
        return out
    try:
        items = list(ev)
    except TypeError:
        return out
    for item in items:
        try:
            span = valid_span(item[0], item[1], n)
            surface = cell_text(item[2]) if len(item) > 2 else ""
        except (TypeError, IndexError, KeyError, ValueError):
            continue
        if span:
            out.append((span[0], span[1], surface))
    return out


def prepare(doc: Document, metrics: pd.DataFrame | None, problems: pd.DataFrame | None,
             audit: pd.DataFrame | None, vid: str) -> Prepared:
    n = len(doc.text)
    figures = []
    for r in records(own_rows(metrics, doc), FIGURE_COLUMNS):
        span = valid_span(r["start"], r["end"], n)
        if span:
            r["start"], r["end"] = span
            r["kind"] = cell_text(r["kind"]) or "count"
            figures.append(r)
    figures.sort(key=lambda r: (r["start"], -r["end"]))
    probs = []
    for r in records(own_rows(problems, doc), PROBLEM_COLUMNS):
        span = valid_span(r["start"], r["end"], n)
        if span:
            r["start"], r["end"] = span
            probs.append(r)
    probs.sort(key=lambda r: (r["start"], -r["end"]))
    findings = []
    for i, r in enumerate(records(own_rows(audit, doc), AUDIT_COLUMNS)):
        status = cell_text(r["status"]) or "unverifiable"
        art = number(r["article"])
        findings.append(Finding(i, cell_text(r["check"]), status, None if art is None else int(art), cell_text(r["message"]),
                                 number(r["stated"]), number(r["computed"]), number(r["difference"]),
                                 number(r["tolerance"]), evidence_spans(r["evidence"], n)))
    prep = Prepared(doc, vid, figures, probs, findings, notes=note_sections(doc))
    seen: Counter[str] = Counter()
    for f in figures:
        base = f"{vid}-f{f['start']}"
        seen[base] += 1
        prep.fig_ids.setdefault((f["start"], f["end"]), base if seen[base] == 1 else f"{base}-{seen[base]}")
    for fd in findings:
        for s, e, _ in fd.evidence:
            target = prep.fig_findings if (s, e) in prep.fig_ids else prep.ev_findings
            target.setdefault((s, e), [])
            if fd.index not in target[(s, e)]:
                target[(s, e)].append(fd.index)
    return prep


def worst(prep: Prepared, indices: list[int]) -> str:
    return max((prep.findings[i].status for i in indices), key=lambda s: STATUS_RANK.get(s, 1))


def evidence_id(prep: Prepared, span: tuple[int, int]) -> str:
    return prep.fig_ids.get(span) or f"{prep.vid}-e{span[0]}-{span[1]}"
