"""The figure record: one reported figure, with everything later stages need to know about it.

The figure scan (:mod:`summary_mining.figures.find`) creates records; labelling, places, relations,
the audit, the view and the comparison read and fill them. A DataFrame is built from records only at
the public API edge (``extract``, ``audit``, ``mine``).

>>> from summary_mining import read_document
>>> from summary_mining.figures import find_figures
>>> f = find_figures(read_document(text="全县到位资金60.07亿元。"))[0]
>>> f.surface, f.number, f.decimals, f.scale, f.factor, f.value, f.unit, f.written_unit
('60.07亿元', 60.07, 2, '亿', 100000000.0, 6007000000.0, '元', '亿元')
>>> f.half_unit()   # half a unit in the last written place, in written units: the rounding a reader allows
0.005
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from operator import attrgetter

__all__ = ["Figure", "NAN"]

NAN = float("nan")


@dataclass(slots=True)
class Figure:
    """One figure as written, with its parsed value and what it measures.

    Value fields: ``number`` is the number as written, before scale and unit factor (60.07 for
    ``60.07亿元``, 90 for ``90﹪``; NaN when redacted or a range); ``decimals`` how many decimal places
    were written; ``scale`` the written scale (``亿``, ``万``, ``""``); ``factor`` multiplies
    ``number`` into ``value`` (scale times unit factor); ``written_unit`` the unit as written with its
    scale (``亿元``, ``%``, ``个``). ``value``/``low``/``high`` are in the base ``unit``.

    Position fields: ``sentence`` (index into ``Document.sentences``), ``clause`` (index of its clause,
    see ``Document.clause_at``), ``cell`` (``(table, row, column)`` for a figure in a table cell).
    """

    start: int
    end: int
    surface: str
    kind: str
    value: float
    low: float
    high: float
    unit: str
    currency: str | None = None
    qualifier: str | None = None
    redacted: bool = False
    in_name: bool = False
    source: str = "text"
    direction: str | None = None
    role: str = "actual"
    label: str = ""
    indicator: str | None = None
    number: float = NAN
    decimals: int = 0
    scale: str = ""
    factor: float = 1.0
    written_unit: str = ""
    sentence: int = -1
    clause: int = -1
    cell: tuple[int, int, int] | None = None

    def copied(self) -> Figure:
        """A shallow copy, its fields read at once (``copy.copy`` of a slotted record costs six times as much).

        >>> f = Figure(0, 4, "24亿元", "amount", 2.4e9, 2.4e9, 2.4e9, "元")
        >>> g = f.copied(); g.start = 9
        >>> (f.start, g.start, g.surface)
        (0, 9, '24亿元')
        """
        return Figure(*_FIELDS(self))

    def half_unit(self) -> float:
        """Half a unit in the last written place, in written units (41.17% -> 0.005, 2300万元 -> 0.5)."""
        return 0.5 * 10.0 ** -self.decimals

    @property
    def written_value(self) -> float:
        """``value`` in the written unit (2300 for 2300万元): ``number`` for a plain figure."""
        if not math.isnan(self.number):
            return self.number
        return self.value / self.factor if self.factor else self.value


_FIELDS = attrgetter(*Figure.__slots__)  # (every field, in the order __init__ takes them)
