"""Figure views: a full sentence with each figure as one placeholder character, for templates.

Spaces and line breaks are left out (a hard-wrapped line is one sentence), and so are pinyin glosses
inside words (增長(zhǎng) reads 增长: the text is normalised, traditional to simplified, first).

>>> from summary_mining import read_document
>>> from summary_mining.figures import figures_of
>>> from summary_mining.figure_relations.context import Context
>>> doc = read_document(text="收入12.3亿元，比上年增長(zhǎng)9.8%。")
>>> v = next(figure_views(Context(doc, figures_of(doc))))
>>> v.text.replace("\\ue000", "{A}").replace("\\ue800", "{P}")
'收入{A}，比上年增长{P}。'
"""
from __future__ import annotations

from itertools import groupby
from typing import Iterator

import regex

from ..datafiles import code_pattern, rx_sub
from ..structure import strip_glosses
from .context import Context, Fig
from .rules import PLACEHOLDER_BASE

__all__ = ["FigureView", "figure_views"]

_BLANK = code_pattern(r"\s+")
_PER_KIND = 0x800


class FigureView:
    """The text of one full sentence with figures as placeholders, and the figures behind them."""

    def __init__(self, ctx: Context, lo: int, hi: int, figs: list[Fig]) -> None:
        parts: list[str] = []
        self._by_char: dict[str, Fig] = {}
        counts = dict.fromkeys(PLACEHOLDER_BASE, 0)
        pos = lo
        for g in figs:
            if g.start < pos:
                continue
            parts.append(ctx.text[pos:g.start])
            n = counts[g.kind]
            if n >= _PER_KIND:
                break
            counts[g.kind] = n + 1
            ch = chr(PLACEHOLDER_BASE[g.kind] + n)
            self._by_char[ch] = g
            parts.append(ch)
            pos = g.end
        parts.append(ctx.text[pos:hi])
        self.text = rx_sub(_BLANK, "", strip_glosses("".join(parts)))

    def figure(self, m: regex.Match, group: str) -> Fig | None:
        """The one figure a group of a template match holds, else None."""
        figs = self.figures(m, group)
        return figs[0] if len(figs) == 1 else None

    def figures(self, m: regex.Match, group: str) -> list[Fig]:
        """The figures a group of a template match holds, in order: every capture of a group written more than once
        in its pattern (``(?P<parts>…)…(?P<parts>…)``: the items of a list, leaving out what lies between them)."""
        span = "".join(m.captures(group))
        return [self._by_char[c] for c in span if c in self._by_char]


def figure_views(ctx: Context) -> Iterator[FigureView]:
    """One view per full sentence (to 。！？ or a paragraph end) that holds at least two figures."""
    for stmt, group in groupby(ctx.figs, key=lambda g: g.stmt):
        figs = list(group)
        if len(figs) < 2:
            continue
        lo, hi = ctx.doc.stop_span(figs[0].start)
        yield FigureView(ctx, lo, hi, figs)
