"""Relations between figures, read from the wording and the structure of each statement.

``find_relations`` runs every finder (:data:`~.finders.FINDERS`) over one document's figure records and
returns :class:`~.record.Relation` records; ``summary_mining.relations`` turns them into a frame and
``summary_mining.audit`` checks their arithmetic.

>>> from summary_mining import read_document
>>> from summary_mining.figures import figures_of
>>> doc = read_document(text="全年引进项目56个，比上年的48个增加8个。")
>>> _, rels = find_relations(doc, figures_of(doc))
>>> [(r.relation, r.stated.surface, [f.surface for f in r.operands]) for r in rels]
[('difference_of', '8个', ['56个', '48个'])]
"""
from __future__ import annotations

import logging

from ..figures.record import Figure
from ..model import Document
from .context import Context
from .finders import (FINDERS, changes_of_parts, find_groups, growth_bounds, restated_in_units, restated_rates,
                      restated_values, share_partitions)
from .plain_text import PlainReading
from .record import RELATION_KINDS, Relation
from .scope_sums import scope_sums
from .rules import RelationRules, relation_rules

__all__ = ["find_relations", "Relation", "RELATION_KINDS", "Context", "relation_rules", "RelationRules", "FINDERS"]

log = logging.getLogger(__name__)


def find_relations(doc: Document, figures: list[Figure], *, rules: RelationRules | None = None,
                   uncertain: set[int] | None = None, errors: list[str] | None = None) -> tuple[Context, list[Relation]]:
    """Every relation the text asserts between ``figures`` (in reading order), and the context they were
    read in. A finder that fails on a document is recorded in ``errors`` and does not sink the others.

    A document whose words carry decorations (pronunciation glosses, footnote marks, letters padded by spaces) is read
    on its plain twin (:class:`~.plain_text.PlainReading`): the relations' offsets are then the twin's, and
    ``ctx.evidence`` maps them back to the text as written."""
    reading = PlainReading.of(doc)  # glosses, footnote marks, letters padded: read on the plain twin
    if reading is not None:
        doc, figures = reading.doc, reading.figures(figures)
    ctx = Context(doc, figures, rules, uncertain, reading)
    errors = errors if errors is not None else []
    try:
        ctx.set_groups(find_groups(ctx))
    except Exception as e:  # noqa: BLE001 - contain a bad document, report it
        errors.append(f"{doc.doc_id}: breakdowns: {type(e).__name__}: {e}")
        log.debug("relations: breakdowns failed on %s", doc.doc_id, exc_info=True)
    out: list[Relation] = []
    for name, finder in FINDERS.items():
        try:
            out.extend(finder(ctx))
        except Exception as e:  # noqa: BLE001
            errors.append(f"{doc.doc_id}: {name}: {type(e).__name__}: {e}")
            log.debug("relations: %s failed on %s", name, doc.doc_id, exc_info=True)
    out = restated_values(ctx, scope_sums(ctx, share_partitions(ctx, restated_rates(ctx, out))))
    out = restated_in_units(ctx, growth_bounds(ctx, changes_of_parts(ctx, out)))
    out.sort(key=lambda r: r.anchor)
    return ctx, _distinct(out)


def _distinct(rels: list[Relation]) -> list[Relation]:
    """``rels`` less those another already states: the same relation of the same figures gives one row (a template and
    a finder both reading 突破1000亿元，达到1082.18亿元) — the first (the finders run most specific first), or a later one
    that is firm where the first is not (its reading is certain)."""
    at: dict[tuple, int] = {}
    out: list[Relation] = []
    for r in rels:
        key = (r.relation, _span(r.stated), tuple(sorted(_span(f) for f in r.operands)), tuple(r.items))
        k = at.get(key)
        if k is None:
            at[key] = len(out)
            out.append(r)
        elif r.firm and not out[k].firm:
            out[k] = r
    return out


def _span(f: Figure | None) -> tuple[int, int] | None:
    return None if f is None else (f.start, f.end)
