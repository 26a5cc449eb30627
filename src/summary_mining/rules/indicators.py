"""Indicator synonyms (``data/indicators.csv``, ``data/indicators_headline.csv``): a figure's label ->
its canonical indicator.

>>> indicator_for("国内市外实际到位资金")
'到位资金'
"""
from __future__ import annotations

from functools import lru_cache

from ..datafiles import load_csv
from ..errors import RuleError

__all__ = ["IndicatorLexicon", "indicator_lexicon", "indicator_for"]


class IndicatorLexicon:
    """Synonyms -> canonical indicator names, from ``data/indicators.csv`` plus user additions.

    A synonym that ends the label wins over a longer one inside it: the head noun comes last. A
    label that lists names (财政收入百亿县、城区人口) is looked up by the last one, and a synonym
    before 的 only modifies (对经济增长的贡献率 is no 经济增长).

    >>> lex = IndicatorLexicon({"到位资金": "到位资金", "实际到位资金": "到位资金", "签约项目": "签约项目",
    ...                         "履约率": "履约率"})
    >>> lex.lookup("国内市外实际到位资金"), lex.lookup("招商项目"), lex.lookup("签约项目履约率")
    ('到位资金', None, '履约率')
    >>> lex.longest_prefix("签约项目履约率达90%"), lex.longest_prefix("全年签约")
    ('签约项目', '')
    """

    def __init__(self, synonyms: dict[str, str]):
        self.synonyms = dict(synonyms)
        self._ordered = sorted(self.synonyms, key=len, reverse=True)
        self._rank = {syn: i for i, syn in enumerate(self._ordered)}  # longest first, then file order
        self._longest = len(self._ordered[0]) if self._ordered else 0
        self._memo: dict[str, str | None] = {}
        self._by_tail: dict[str, list[str]] | None = None  # built on the first completed() call

    def with_extra(self, extra: dict[str, str] | None) -> "IndicatorLexicon":
        return IndicatorLexicon({**self.synonyms, **extra}) if extra else self

    def lookup(self, label: str) -> str | None:
        found = self._memo.get(label, self)
        if found is self:
            if len(self._memo) >= 65536:
                self._memo.clear()
            found = self._memo[label] = self._lookup(label)
        return found  # type: ignore[return-value]

    def longest_prefix(self, text: str) -> str:
        """The longest synonym ``text`` starts with ('' when none): 地区生产总值跨越… -> 地区生产总值."""
        return next((text[:k] for k in range(min(len(text), self._longest), 0, -1) if text[:k] in self.synonyms), "")

    def completed(self, label: str, topic: str) -> str | None:
        """The synonym that is ``label`` completed by the start of ``topic`` (a measure named after the
        statement's topic: 粮食播种面积2066.70万亩，总产量902.61万吨 -> 粮食总产量); None when none is.

        >>> IndicatorLexicon({"粮食总产量": "粮食产量"}).completed("总产量", "粮食播种面积")
        '粮食总产量'
        """
        if len(label) < 2:
            return None
        if self._by_tail is None:  # each synonym under every tail that leaves a head of 2+ characters, once
            self._by_tail = {}
            for syn in self._ordered:  # longest first: the longest head wins
                for k in range(2, len(syn) - 1):
                    self._by_tail.setdefault(syn[k:], []).append(syn)
        return next((syn for syn in self._by_tail.get(label, ()) if topic.startswith(syn[:-len(label)])), None)

    def measured(self, label: str, whole: str) -> str | None:
        """``label`` followed by the longest ending of ``whole`` that makes it a synonym (a part named
        without the measure of its whole); None when none does.

        >>> IndicatorLexicon({"粮食作物播种面积": "粮食播种面积"}).measured("粮食作物", "农作物总播种面积")
        '粮食作物播种面积'
        """
        if len(label) < 2:
            return None
        syns = self.synonyms
        return next((label + whole[k:] for k in range(max(1, len(whole) - self._longest), len(whole) - 1)
                     if label + whole[k:] in syns), None)

    def _lookup(self, label: str) -> str | None:
        label = label[label.rfind("、") + 1:]
        if not label:
            return None
        n, syns, longest = len(label), self.synonyms, self._longest
        for k in range(max(0, n - longest), n):  # the longest synonym the label ends with
            if label[k:] in syns:
                return syns[label[k:]]
        de = label.rfind("的")
        best = None  # else the longest one inside it, whose first occurrence is not a modifier before 的
        for i in range(n):
            for j in range(i + 1, min(n, i + longest) + 1):
                syn = label[i:j]
                if syn in syns and (best is None or self._rank[syn] < self._rank[best]):
                    at = label.find(syn)
                    if at + len(syn) > de:
                        best = syn
        return syns[best] if best is not None else None


@lru_cache(maxsize=4)
def indicator_lexicon(*paths: str) -> IndicatorLexicon:
    """Synonyms from ``indicators.csv`` (investment summaries) and ``indicators_headline.csv``
    (work reports and bulletins), or from the given files; later files win."""
    synonyms: dict[str, str] = {}
    for p in paths or ("indicators.csv", "indicators_headline.csv"):
        for i, r in enumerate(load_csv(p), start=2):
            syn, ind = (r.get("synonym") or "").strip(), (r.get("indicator") or "").strip()
            if not syn or not ind:
                raise RuleError(f"{p}: row {i}: needs a synonym and an indicator (columns synonym,indicator), got {r}")
            synonyms[syn] = ind
    return IndicatorLexicon(synonyms)


def indicator_for(label: str, extra: dict[str, str] | None = None) -> str | None:
    """Canonical indicator of a label: ``实际到位资金`` -> ``到位资金``; None when unknown."""
    return indicator_lexicon().with_extra(extra).lookup(label)
