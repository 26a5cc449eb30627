"""Figure records -> metrics-frame rows (plain dicts keyed by :data:`~summary_mining.frame.COLUMNS`).

>>> from summary_mining import read_document
>>> from summary_mining.figures import figures_of
>>> doc = read_document(text="一、工作情况\\n签约项目10个。")
>>> row = figure_rows(doc, figures_of(doc))[0]
>>> row["surface"], row["section"], row["sentence"], row["sentence_id"]
('10个', '一、工作情况', '签约项目10个。', 1)
"""
from __future__ import annotations

from ..model import Document
from .record import Figure

__all__ = ["figure_rows"]


def figure_rows(doc: Document, figures: list[Figure]) -> list[dict]:
    """One metrics-frame row (a dict keyed by :data:`~summary_mining.frame.COLUMNS`) per figure."""
    rows = []
    sentences: dict[int, str] = {}  # one string per sentence, shared by its figures' rows
    sections = doc.section_index
    for m in figures:
        sent = doc.sentence_at(m.start)
        if sent is not None and sent.index not in sentences:
            sentences[sent.index] = doc.text[sent.start:sent.end]
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
            "sentence": sentences[sent.index] if sent else None,
        })
    return rows
