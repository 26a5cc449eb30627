"""Figure records -> metrics-frame rows (plain dicts keyed by :data:`~summary_mining.frame.COLUMNS`).

>>> from summary_mining import read_document
>>> from summary_mining.figures import figures_of
>>> doc = read_document(text="一、工作情况\\n签约项目10个。")
>>> row = figure_rows(doc, figures_of(doc))[0]
>>> row["surface"], row["section"], row["sentence"], row["sentence_id"]
('10个', '一、工作情况', '签约项目10个。', 1)
"""
from __future__ import annotations

import math

import pandas as pd

from ..model import Document
from .record import NAN, Figure

__all__ = ["figure_rows", "figures_from_frame", "FRAME_NEEDS"]

#: The metrics-frame columns a figure record is rebuilt from.
FRAME_NEEDS = ("start", "end", "surface", "kind", "value", "unit", "number", "decimals", "written_unit")


#: The ``sentence`` column holds a statement of at most this many characters whole; of a longer one, the
#: window of this many characters (aligned to half of it from the statement's start) that holds the
#: figure. A frame of a document written as one endless line otherwise holds each long statement once
#: per figure in it.
SENTENCE_WINDOW = 300


def _sentence_text(doc: Document, start: int, end: int, f: Figure, cache: dict[tuple[int, int], str]) -> str:
    """The statement ``[start, end)`` or, when longer than :data:`SENTENCE_WINDOW`, its window holding
    ``f`` (one string per window, shared by the rows of its figures)."""
    if end - start > SENTENCE_WINDOW:
        step = SENTENCE_WINDOW // 2
        k = max(0, (min(f.end, end) - start - SENTENCE_WINDOW + step - 1) // step)
        k = min(k, max(0, (f.start - start) // step))
        start, end = start + k * step, min(end, start + k * step + SENTENCE_WINDOW)
    key = (start, end)
    text = cache.get(key)
    if text is None:
        text = cache[key] = doc.text[start:end]
    return text


def figure_rows(doc: Document, figures: list[Figure]) -> list[dict]:
    """One metrics-frame row (a dict keyed by :data:`~summary_mining.frame.COLUMNS`) per figure."""
    rows = []
    texts: dict[tuple[int, int], str] = {}  # one string per sentence (or window), shared by its figures' rows
    sections = doc.section_index
    for m in figures:
        sent = doc.sentence_at(m.start)
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
            "sentence": _sentence_text(doc, sent.start, sent.end, m, texts) if sent else None,
            "number": m.number,
            "decimals": m.decimals,
            "written_unit": m.written_unit or None,
            "subject": None,  # filled with the region columns (places.subjects)
            "subject_code": None,
            "subject_level": None,
            "figure_period": None,  # filled with the region columns (places.figure_periods)
        })
    return rows


def _s(x) -> str | None:
    return None if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) else str(x)


#: The metrics-frame columns a figure record is rebuilt from.
_FROM_FRAME = ("start", "end", "surface", "kind", "value", "low", "high", "unit", "currency", "qualifier", "redacted",
               "in_name", "source", "direction", "role", "label", "indicator", "number", "decimals", "written_unit")


def _values(s: pd.Series) -> list:
    """A column as Python values; an Arrow-backed text column through Arrow (``__arrow_array__``, the
    public protocol: a third of the time of ``Series.tolist``)."""
    if getattr(s.dtype, "storage", None) == "pyarrow":
        return s.array.__arrow_array__().to_pylist()
    return s.tolist()


def figures_from_frame(df: pd.DataFrame, doc: Document) -> list[Figure]:
    """The records behind metrics-frame rows of ``doc`` (mapped by offsets: statement and clause from
    the document's structure, values as the frame holds them — a corrected value is used as corrected).
    The frame needs :data:`FRAME_NEEDS`; other columns default."""
    missing = [c for c in FRAME_NEEDS if c not in df.columns]
    if missing:
        raise ValueError(f"not a metrics frame of this version: missing columns {missing}")
    cols = {c: _values(df[c]) for c in _FROM_FRAME if c in df.columns}  # not the long text columns (sentence)
    n = len(df)
    get = lambda c, d=None: cols[c] if c in cols else [d] * n  # noqa: E731
    out = []
    for i in sorted(range(n), key=lambda k: (int(cols["start"][k]), int(cols["end"][k]))):
        value = float(cols["value"][i]) if _s(cols["value"][i]) is not None else NAN
        number = float(cols["number"][i]) if _s(cols["number"][i]) is not None else NAN
        low = get("low", value)[i]
        high = get("high", value)[i]
        redacted = bool(get("redacted", False)[i]) if _s(get("redacted", False)[i]) is not None else False
        start, end = int(cols["start"][i]), int(cols["end"][i])
        factor = value / number if number and not math.isnan(number) and not math.isnan(value) else 1.0
        f = Figure(start, end, str(cols["surface"][i]), str(cols["kind"][i]), value,
                   float(low) if _s(low) is not None else NAN, float(high) if _s(high) is not None else NAN,
                   str(cols["unit"][i]), _s(get("currency")[i]), _s(get("qualifier")[i]), redacted,
                   bool(get("in_name", False)[i]) if _s(get("in_name", False)[i]) is not None else False,
                   _s(get("source", "text")[i]) or "text", _s(get("direction")[i]), _s(get("role", "actual")[i]) or "actual",
                   _s(get("label", "")[i]) or "", _s(get("indicator")[i]), number,
                   int(cols["decimals"][i]) if _s(cols["decimals"][i]) is not None else 0, "", factor,
                   _s(cols["written_unit"][i]) or "")
        f.sentence = doc.sentence_index(start)
        f.clause = doc.clause_at(start).index
        out.append(f)
    return out
