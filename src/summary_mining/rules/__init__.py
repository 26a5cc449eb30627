"""The rules: units, scales, filters, labels, indicator synonyms and the word segmenter, as one
:class:`RuleSet` that the public functions take as ``rules=``.

Every rule lives in a data file in the package's ``data/`` folder; a :class:`RuleSet` names the files
to use instead (or adds indicator synonyms and a jieba user dictionary) without touching module
globals or the shared segmenter: two calls with different rule sets never see each other's rules.

>>> import summary_mining as sm
>>> rs = sm.RuleSet(indicators={"引资到位额": "到位资金"})
>>> sm.extract(text="引资到位额9.88亿元。", rules=rs)["indicator"].tolist()
['到位资金']
>>> sm.extract(text="引资到位额9.88亿元。")["indicator"].tolist()
[<NA>]
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ..datafiles import data_path
from .indicators import IndicatorLexicon, indicator_lexicon
from .labels import LabelRules, label_rules
from .segment import Segmenter
from .units import MetricRules, metric_rules

__all__ = ["RuleSet", "DEFAULT_RULES", "resolve_rules"]


@dataclass(frozen=True)
class RuleSet:
    """Which rule files to use. Every field defaults to the package's own file.

    ``units``/``filters``/``labels``: TOML files (``data/units.toml`` …); ``indicator_files``: CSV
    files of ``indicator,synonym`` rows; ``indicators``: extra synonyms (``{"引资到位": "到位资金"}``);
    ``user_dict``: a jieba user dictionary (``word [freq] [tag]`` per line) for this rule set only.
    """

    units: str = "units.toml"
    filters: str = "filters.toml"
    labels: str = "labels.toml"
    indicator_files: tuple[str, ...] = ("indicators.csv", "indicators_headline.csv")
    indicators: Mapping[str, str] | None = field(default=None, hash=False, compare=False)
    user_dict: str | None = None
    _extra: tuple[tuple[str, str], ...] = field(default=(), init=False, repr=False)  # indicators, hashable

    def __post_init__(self) -> None:
        object.__setattr__(self, "user_dict", str(self.user_dict) if self.user_dict is not None else None)
        object.__setattr__(self, "indicator_files", tuple(str(p) for p in self.indicator_files))
        object.__setattr__(self, "_extra", tuple(sorted((self.indicators or {}).items())))

    # -- compiled rules (each compiled once per process and file) ---------------------------------
    def metric_rules(self) -> MetricRules:
        return metric_rules(self.units, self.filters)

    def label_rules(self) -> LabelRules:
        return label_rules(self.labels, self.filters)

    def lexicon(self) -> IndicatorLexicon:
        return _lexicon(self.indicator_files, self._extra)

    def segmenter(self) -> Segmenter:
        return Segmenter.default() if self.user_dict is None else _segmenter(self.user_dict)

    def fingerprint(self) -> str:
        """A digest of every file and entry this rule set reads: a cache of results keyed by it is
        invalid as soon as any rule changes."""
        h = hashlib.sha256()
        for name in (self.units, self.filters, self.labels, *self.indicator_files, self.user_dict):
            if name is None:
                continue
            h.update(name.encode("utf-8", "surrogatepass"))
            try:
                h.update(Path(data_path(name)).read_bytes())
            except OSError:
                h.update(b"<unreadable>")
        h.update(repr(self._extra).encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:16]


@lru_cache(maxsize=16)
def _lexicon(files: tuple[str, ...], extra: tuple[tuple[str, str], ...]) -> IndicatorLexicon:
    return indicator_lexicon(*files).with_extra(dict(extra))


@lru_cache(maxsize=8)
def _segmenter(user_dict: str) -> Segmenter:
    return Segmenter.with_user_dict(user_dict)


#: The package's own rules.
DEFAULT_RULES = RuleSet()


def resolve_rules(rules: RuleSet | None, indicators: dict[str, str] | None = None,
                  user_dict: str | Path | None = None) -> RuleSet:
    """The rule set of a call: ``rules`` (or the package's), with ``indicators``/``user_dict`` added."""
    rules = rules or DEFAULT_RULES
    if indicators:
        rules = dataclasses.replace(rules, indicators={**(rules.indicators or {}), **indicators})
    if user_dict is not None:
        rules = dataclasses.replace(rules, user_dict=str(user_dict))
    return rules
