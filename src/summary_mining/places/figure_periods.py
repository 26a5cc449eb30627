"""The period of each figure when its statement says it is not the document's (``figure_period``; None
when it is the document's period).

Read from the statement up to the figure: a year (``2023年``), a year relative to the document's
(``上年``, ``去年``, ``今年``, ``明年``: ``[figure] relative_years`` in ``data/periods.toml``) and a
part of the year (``上半年``, ``前三季度``, ``1-6月``), the last one written before the figure
counting. A time after a comparison word (``比上年增长``, ``同比``) is the base of a change, not the
figure's period, except for the figure right after it (``比上年同期的280亿元`` is last year's level).
``上年同期`` keeps the document's part of the year. Only the statement's opening clause (``2024年，``) and
the figure's own clause are read. A target with no time of its own belongs to the
year its section heading names (``二、2025年工作安排`` of a report on 2024: :func:`target_period`).

>>> from summary_mining import extract
>>> df = extract(text="2024年上半年招商引资工作总结\\n1-6月签约项目10个，上年同期为8个；一季度签约4个。")
>>> df[["surface", "period", "figure_period"]].astype(object).where(df.notna(), None).values.tolist()
[['10个', '2024-H1', None], ['8个', '2024-H1', '2023-H1'], ['4个', '2024-H1', '2024-Q1']]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Mapping

import regex

from ..datafiles import compile_pattern, rules_from, rx_fullmatch
from ..figures.record import Figure
from ..model import Document
from ..structure import structure_rules
from .periods import period_label, period_rules, span_hits, target_period, year_hits

__all__ = ["FigurePeriodRules", "figure_period_rules", "figure_periods"]


@dataclass(frozen=True)
class FigurePeriodRules:
    relative_years: dict[str, int]  # 上年 -> -1
    same_span: tuple[str, ...]  # 同期: the document's part of the year
    compare_only: tuple[str, ...]  # 是 (2022年的2.4倍): a time after these is never the figure's
    base_link: regex.Pattern[str]  # the words between a compared time and the figure it is the period of
    continues: tuple[str, ...] = ()  # a clause opening with these goes on with the one before (，比上年增长2.3%)

    @cached_property
    def relative(self) -> re.Pattern[str]:
        """The relative years as one alternation (standard library ``re``: literal words, linear), longest first."""
        return re.compile("|".join(re.escape(w) for w in self.relative_years))


@lru_cache(maxsize=4)
def figure_period_rules(path: str = "periods.toml") -> FigurePeriodRules:
    """``[figure]`` of ``data/periods.toml`` (cached)."""
    def build(d: dict, src: str) -> FigurePeriodRules:
        f = d.get("figure", {})
        rel = {str(k): int(v) for k, v in dict(f.get("relative_years", {})).items()}
        return FigurePeriodRules(dict(sorted(rel.items(), key=lambda kv: -len(kv[0]))),
                                 tuple(map(str, f.get("same_span", ()))), tuple(map(str, f.get("compare_only", ()))),
                                 compile_pattern(str(f.get("base_link", "(?!)")), src, "figure.base_link"),
                                 tuple(map(str, f.get("continues", ()))))
    return rules_from(path, build)


#: What a clause that is a time alone may hold besides the time: spaces and the clause breaks of
#: structure.toml.
_TIME_CLAUSE_TRIM = " \u3000\t、" + "".join(sorted(structure_rules().clause_breaks))

Time = tuple[int, int, int | None, str | None, int | None]  # (start, end, year, span, years relative)


def _document_times(text: str) -> list[Time]:
    """Every time written in ``text``, in order: (start, end, year, span, delta) — a year written out, a
    part of a year, or a year relative to the document's (上年: delta -1). One scan of the document; a
    figure then looks up the times in its clause by bisection."""
    rules, fig = period_rules(), figure_period_rules()
    out: list[Time] = [(s, e, y, None, None) for s, e, y in year_hits(text, rules) if y is not None]
    taken = sorted((s, e) for s, e, *_ in out)
    starts = [s for s, _ in taken]
    for m in fig.relative.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or taken[k][1] <= m.start():  # (not inside a written year)
            out.append((m.start(), m.end(), None, None, fig.relative_years[m.group()]))
    out += [(s, e, None, span, None) for s, e, span in span_hits(text, rules)]
    return sorted(out)


def _between(times: list[Time], starts: list[int], a: int, b: int) -> list[Time]:
    return [t for t in times[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if t[1] <= b]


def period_of(doc: Document, stmt_start: int, fig_start: int, info: Mapping[str, Any],
              times: tuple[list[Time], list[int]] | None = None) -> str | None:
    """The period of a figure at ``fig_start`` whose statement starts at ``stmt_start`` (``info``: the
    article's ``year``, ``span`` and ``review``; ``times``: :func:`_document_times` and their starts, read
    once per document); None when the figure states no time of its own.

    Times count in the statement's opening clause (``2024年，`` ``上半年，``) and in the figure's own
    clause. In a report that reviews the year before it was written (政府工作报告), ``去年`` is the
    year reviewed."""
    rules, fig = period_rules(), figure_period_rules()
    text = doc.normalized_text
    if times is None:
        found_all = _document_times(text)
        times = (found_all, [t[0] for t in found_all])
    doc_year, doc_span = info.get("year"), info.get("span")
    written = doc_year + 1 if doc_year is not None and info.get("review") else doc_year
    cuts = doc.clause_cuts_between(stmt_start, fig_start)
    k = len(cuts) - 1  # the figure's own clause, back over clauses that go on with the one before
    while k >= 0 and text.startswith(fig.continues, cuts[k]):
        k -= 1
    own = cuts[k] if k >= 0 else stmt_start
    found = _between(*times, own, fig_start)
    if cuts:
        # the statement's opening clause (2024年，…), and any later clause before the figure's that is a time
        # alone (2.根据…普查结果,2023年,朝天区地区生产总值…修订为85.42亿元)
        before = _between(*times, stmt_start, min(cuts[0], own))
        for a, b in zip(cuts, cuts[1:] + [own]):
            if a >= own:
                break
            alone = _between(*times, a, b)
            if alone and sum(e - s for s, e, *_ in alone) >= len(text[a:b].strip(_TIME_CLAUSE_TRIM)):
                before += alone
        found = before + found
    year: int | None = None
    span: str | None = None
    stated = False
    for s, e, y, sp, delta in found:
        if delta is not None:
            if written is None:
                continue
            y = written + delta
        before = text[max(stmt_start, s - 3):s]
        if before.endswith(fig.compare_only):
            continue  # 是2022年的2.4倍: the base of a multiple
        if before.endswith(rules.compare_before) and not rx_fullmatch(fig.base_link, text, e, fig_start):
            continue  # 比上年增长5%: the base of a change, not this figure's time
        stated = True
        if y is not None:
            year, span = y, None
            if text.startswith(fig.same_span, e):
                span = doc_span  # 上年同期: the same part of that year
            elif y == doc_year:
                span = doc_span
        else:
            span = sp
    if not stated:
        return None
    if year is None:
        year = doc_year
    return period_label(year, span or "FY")


def figure_periods(doc: Document, figures: list[Figure], rows: list[Mapping[str, Any]],
                   by_article: Mapping[int, Mapping[str, Any]]) -> list[str | None]:
    """The period of each figure when it is not its document's (see the module docstring), else None:
    ``rows`` are the figures' metrics rows (their ``article``, ``period`` and ``section``), ``by_article``
    the articles' ``year``, ``span`` and ``review``. ``figure_period.fillna(period)`` is every figure's period;
    a frame whose ``period`` is set by hand keeps the figures that state no time of their own with it."""
    out: list[str | None] = []
    found = _document_times(doc.normalized_text)
    times = (found, [t[0] for t in found])
    for f, row in zip(figures, rows):
        period = row.get("period")
        own = None
        if f.cell is None and 0 <= f.sentence < len(doc.sentences):
            own = period_of(doc, doc.sentences[f.sentence].start, f.start, by_article.get(row["article"], {}), times)
        if own is None and f.role == "target":
            own = target_period(period, row.get("section"))
        out.append(own if own != period else None)
    return out
