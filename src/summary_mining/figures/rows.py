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


def _column(df: pd.DataFrame, name: str) -> list:
    """A column as Python values, missing ones as None (NaN stays in float columns). Read through pandas'
    column-array accessor where there is one (no Series built per column: a fifth of the time), Arrow
    text through the ``__arrow_array__`` protocol (a third of the time of ``Series.tolist``)."""
    try:
        arr = df._get_column_array(df.columns.get_loc(name))  # pandas' own accessor; df[name] if it goes
    except (AttributeError, TypeError):
        arr = df[name].array
    if getattr(arr.dtype, "storage", None) == "pyarrow":
        return arr.__arrow_array__().to_pylist()
    values = arr.tolist() if hasattr(arr, "tolist") else list(arr)
    return [None if x is pd.NA or x is None else x for x in values]


def figures_from_frame(df: pd.DataFrame, doc: Document) -> list[Figure]:
    """The records behind metrics-frame rows of ``doc`` (mapped by offsets: statement and clause from
    the document's structure, values as the frame holds them — a corrected value is used as corrected).
    The frame needs :data:`FRAME_NEEDS`; other columns default."""
    missing = [c for c in FRAME_NEEDS if c not in df.columns]
    if missing:
        raise ValueError(f"not a metrics frame of this version: missing columns {missing}")
    n = len(df)
    defaults = {"redacted": False, "in_name": False, "source": "text", "role": "actual", "label": ""}
    cols = {c: _column(df, c) if c in df.columns else [defaults.get(c)] * n for c in _FROM_FRAME}
    starts, ends, values, numbers = cols["start"], cols["end"], cols["value"], cols["number"]
    lows, highs, decimals = cols["low"], cols["high"], cols["decimals"]
    out = []
    for i in sorted(range(n), key=lambda k: (int(starts[k]), int(ends[k]))):
        value = NAN if values[i] is None else float(values[i])
        number = NAN if numbers[i] is None else float(numbers[i])
        low = value if "low" not in df.columns else NAN if lows[i] is None else float(lows[i])
        high = value if "high" not in df.columns else NAN if highs[i] is None else float(highs[i])
        start, end = int(starts[i]), int(ends[i])
        factor = value / number if number and not math.isnan(number) and not math.isnan(value) else 1.0
        f = Figure(start, end, str(cols["surface"][i]), str(cols["kind"][i]), value, low, high,
                   str(cols["unit"][i]), _s(cols["currency"][i]), _s(cols["qualifier"][i]), bool(cols["redacted"][i]),
                   bool(cols["in_name"][i]), _s(cols["source"][i]) or "text", _s(cols["direction"][i]),
                   _s(cols["role"][i]) or "actual", _s(cols["label"][i]) or "", _s(cols["indicator"][i]), number,
                   0 if decimals[i] is None else int(decimals[i]), "", factor, _s(cols["written_unit"][i]) or "")
        f.sentence = doc.sentence_index(start)
        f.clause = doc.clause_at(start).index
        out.append(f)
    return out
