"""A relation the text asserts between figures.

>>> import summary_mining as sm
>>> r = sm.relations(text="签约项目10个，履约项目9个，履约率90%。")
>>> r[["relation", "check", "cue"]].values.tolist()
[['ratio_of', 'rate', '履约率']]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..figures.record import Figure

__all__ = ["Relation", "RELATION_KINDS"]

#: The kinds of relation: totals and their parts, shares, ratios (rates, completion of a target), growth
#: against a stated earlier level, differences, counts of listed items, thresholds, restatements.
RELATION_KINDS = ("total_of", "share_of", "ratio_of", "growth_of", "difference_of", "count_of", "bound", "same_as")


@dataclass
class Relation:
    """``stated`` (the figure the text states) against ``operands`` (the figures that give it).

    ``check`` is the audit's name for the relation (``rate``, ``share``, ``breakdown``, ``sum``,
    ``growth`` …). ``items`` are the listed names a ``count_of`` counts, as ``(start, end, text)``.
    ``firm``: the figures stand where the wording puts them, so a mismatch is an inconsistency, not a
    doubt. ``exhaustive``: the parts claim to make up the total (合计, 三次产业); an open list (其中 …
    等) need only not exceed it. ``missing`` names an operand the text refers to but does not state
    (the relation is then unverifiable). ``stated_value`` is an implicit stated value (the 100 % that
    the shares of a complete breakdown add up to). ``cap``: the largest plausible value (履约率 ≤ 100).
    ``formula`` says how a change is computed (``difference`` of two levels, ``gap`` between two change rates,
    ``growth_by_difference``, ``cagr`` an average yearly growth over ``years``; ``restated`` for a figure written again).
    """

    relation: str
    check: str
    stated: Figure | None
    operands: list[Figure] = field(default_factory=list)
    items: list[tuple[int, int, str]] = field(default_factory=list)
    cue: str = ""
    statement: tuple[int, int] = (0, 0)
    article: int = 0
    firm: bool = True
    exhaustive: bool = True
    missing: str = ""
    stated_value: float | None = None
    cap: float | None = None
    names: tuple[str, ...] = ()
    formula: str = ""
    sign: float = 1.0
    approximate: bool = False
    #: operands (by index) taken away rather than added in a total (下拉 contributions to a growth)
    minus: tuple[int, ...] = ()
    #: what a ratio is multiplied by: 100 for a percentage, 10000 for a figure per 10,000 people (每万人口)
    scale: float = 100.0
    #: the numbers of a structure that add up to exactly 100 (11.1:30.1:58.8): one off by more than its rounding may
    #: have been forced so that they do (the message says so; the arithmetic is not bent)
    forced: bool = False
    #: the years an average yearly growth (``formula`` cagr) runs over (由2010年的77亿元跃升到2015年的161.1亿元: 5)
    years: int = 0
    #: the parts of an open list name distinct classes (夏粮 / 秋粮, 4A级 / 3A级): they cannot overlap, so together
    #: they may not exceed their whole
    disjoint: bool = False
    #: its whole is the whole of two or more sibling ratios that hold (the audit's series of shares of one whole): a
    #: share far off is a slip in the series, not a share of another whole
    held: bool = False

    @property
    def anchor(self) -> int:
        """Where the relation shows in reading order: its stated figure (or first operand)."""
        if self.stated is not None:
            return self.stated.start
        return min((f.start for f in self.operands), default=self.statement[0])
