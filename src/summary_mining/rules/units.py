"""The metric rule set: units, scales and filters from ``data/units.toml`` and ``data/filters.toml``,
compiled once into the patterns the extractor runs.

>>> rules = metric_rules()
>>> rules.units["亿元"].kind if "亿元" in rules.units else rules.units["元"].base
'元'
>>> m = rules.figure.search("实现到位资金9.88亿元，资金到位率41.17%")
>>> m.group("num"), m.group("scale"), m.group("unit")
('9.88', '亿', '元')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..datafiles import compile_pattern, load_toml, rule_entries, rules_from
from ..errors import RuleError
from ..structure import structure_rules

__all__ = ["Unit", "MetricRules", "PerUnitRules", "DefinitionRules", "metric_rules", "KINDS"]

KINDS = ("amount", "percentage", "count")


@dataclass(frozen=True)
class Unit:
    """One unit or measure word as written, and how it maps to a base unit."""

    written: str
    kind: str
    base: str
    factor: float = 1.0
    currency: str | None = None
    chinese: bool = True  # accepts Chinese-numeral numbers
    redacted: bool = True  # accepts masked numbers (xx个)
    not_followed_by: regex.Pattern[str] | None = None
    boundary: bool = True  # ask jieba whether the unit ends a word (元 in 元宵节 does not)
    requires_scale: bool = False
    no_scale: bool = False
    max_value: float | None = None


@dataclass(frozen=True)
class MetricRules:
    units: dict[str, Unit]
    scales: dict[str, int]
    figure: regex.Pattern[str]
    percent_words: regex.Pattern[str]
    #: a bare number a copy that lost its percent sign writes after 增长 (filters.toml ``bare_percent_after``)
    bare_percent: regex.Pattern[str] | None
    bare_scale: regex.Pattern[str]
    distributed_points: regex.Pattern[str]
    fixed_phrases: regex.Pattern[str] | None
    ordinal_prefixes: tuple[str, ...]
    framework_nouns: frozenset[str]
    session_markers: tuple[str, ...]
    rank_verbs: tuple[str, ...]
    rank_units: frozenset[str]
    prefix_qualifiers: tuple[str, ...]
    suffix_qualifiers: regex.Pattern[str]
    ignored_qualifiers: frozenset[str]
    money_context: tuple[str, ...]
    determiner_numerals: frozenset[str]
    count_not_followed_by: frozenset[str]
    count_before_figures: frozenset[str]
    population_context: tuple[str, ...]
    line_join: regex.Pattern[str] | None = None
    count_before_threshold: regex.Pattern[str] | None = None
    per_unit: "PerUnitRules | None" = None
    definitional: "DefinitionRules | None" = None


@dataclass(frozen=True)
class PerUnitRules:
    """``[per_unit]`` of filters.toml: 每 + size + base before a figure makes it a rate (3.2 人/万人)."""

    marker: str
    pattern: regex.Pattern[str]  # groups: size, base
    bases: dict[str, str]
    stops: frozenset[str]
    window: int

    def unit(self, unit: str, m: regex.Match[str]) -> str:
        """``人`` and the match of ``每万人口`` -> ``人/万人``."""
        return f"{unit}/{m.group('size')}{self.bases[m.group('base')]}"


@dataclass(frozen=True)
class DefinitionRules:
    """``[definitional_counts]`` of filters.toml: 包括…两个步骤 is a definition, not a count."""

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    phrase_ends: frozenset[str]
    phrase_max: int
    window: int


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


#: Digit-group separators inside a number: commas, and the invisible characters that copy-paste and
#: typesetting leave between groups (zero-width space/joiner, BOM, soft hyphen, narrow no-break space).
#: An ordinary, no-break or thin space separates groups only in ``2 345.6`` (a leading group of 1-3
#: digits, then groups of exactly 3), so ``2023 100万元`` is not read as one number. A comma may carry one
#: space after it, as text taken from a PDF leaves it (``1,421, 486万元``, ``3, 156,077万元``); a full-width comma
#: only before a group of exactly three digits (``3，208，792万元`` as a Word file typed in full width leaves it).
GROUP_SEPARATORS = ",\u200b\u2060\ufeff\u00ad\u202f"
ARABIC = (r"(?:[0-9]{1,3}(?:[ \u00a0\u2009][0-9]{3})+(?![0-9])|[0-9]+(?:(?:(?:, |，)(?=[0-9]{3}(?![0-9]))|[" + GROUP_SEPARATORS
          + r"])[0-9]{3})*)(?:\.[0-9]+)?")
DECIMAL_COMMA = r"[0-9]{1,4}、[0-9]{1,2}"  # 2、56亿元: 、 typed for a decimal point (only before 亿/万/%)
DECIMAL_SPACED = r"[0-9]{1,4}\.[ \t][0-9]{1,2}"  # 28. 1%: a space typeset after the point (only before 亿/万/%)
REDACTED = r"(?:[0-9]*[xX×*][0-9xX×*]*(?:\.[0-9xX×*]+)?)"
CHINESE = r"(?:[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"


def _unit(written: str, d: dict, src: str) -> Unit:
    """One ``[units.<written>]`` table; a missing or ill-typed entry raises RuleError (via the caller's
    :func:`~summary_mining.datafiles.rule_entries`)."""
    kind = d.get("kind")
    if kind not in KINDS:
        raise RuleError(f"{src}: units.{written}.kind: must be one of {', '.join(KINDS)}, got {kind!r}")
    if not d.get("base"):
        raise RuleError(f"{src}: units.{written}.base: missing")
    nfb = d.get("not_followed_by") or ()
    if isinstance(nfb, str) or not all(isinstance(p, str) for p in nfb):
        raise RuleError(f"{src}: units.{written}.not_followed_by: must be a list of patterns, got {nfb!r}")
    not_followed_by = compile_pattern("|".join(f"(?:{p})" for p in nfb), src, f"units.{written}.not_followed_by") if nfb else None
    return Unit(written, kind, d["base"], float(d.get("factor", 1)), d.get("currency"), bool(d.get("chinese", True)),
                bool(d.get("redacted", True)), not_followed_by, bool(d.get("boundary", True)), bool(d.get("requires_scale", False)),
                bool(d.get("no_scale", False)), None if d.get("max_value") is None else float(d["max_value"]))


@lru_cache(maxsize=8)
def metric_rules(units_path: str = "units.toml", filters_path: str = "filters.toml") -> MetricRules:
    """Load and compile the metric rules (cached per file pair: compiled once per process)."""
    return rules_from(units_path, lambda u, src: _compile(u, load_toml(filters_path), src, filters_path))


def _compile(u: dict, f: dict, units_path: str, filters_path: str) -> MetricRules:
    with rule_entries(units_path, "units"):
        entries = list(u.get("units", {}).items())
    units: dict[str, Unit] = {}
    for w, d in entries:
        with rule_entries(units_path, f"units.{w}"):
            units[w] = _unit(w, d, units_path)
    if not units:
        raise RuleError(f"{units_path}: no [units.*] tables")
    with rule_entries(units_path, "scales"):
        scale_entries = list(u.get("scales", {}).items())
    scales: dict[str, int] = {}
    for k, v in scale_entries:
        with rule_entries(units_path, f"scales.{k}"):
            scales[k] = int(v)
    with rule_entries(filters_path):
        return _metric_rules(units, scales, f, units_path, filters_path)


def _metric_rules(units: dict[str, Unit], scales: dict[str, int], f: dict, units_path: str,
                  filters_path: str) -> MetricRules:
    gloss_rule = structure_rules().gloss
    gloss = gloss_rule.pattern if gloss_rule is not None else ""
    # a unit may hold a pronunciation gloss after any character but the last: 個(gè)百分點 is 个百分点 — or the spaces a
    # justified PDF line pads its letters with (公 里, 平 方 米) …
    pad = f"{gloss}|[ \\t]{{1,2}}" if gloss else "[ \\t]{1,2}"
    # … and so may a scale of two characters: 萬(wàn)億元 is 万亿元, 3.87万 亿 元 is 3.87万亿元
    unit_alt, scale_alt = _joined_alt(units, pad), _joined_alt(scales, pad)
    num = f"(?:(?:{DECIMAL_COMMA}|{DECIMAL_SPACED})(?=\\s*(?:亿|万|%))|{ARABIC}|{REDACTED}|{CHINESE})"
    # The leading lookahead is a cheap anchor: the engine skips every position that cannot start a number.
    figure = (
        r"(?=[0-9xX×*零〇○一二两三四五六七八九十百千])(?<![0-9.A-Za-z_/])"
        rf"(?P<num>{num})"
        rf"(?:(?P<scale1>{scale_alt})?[ \t]*(?P<sep>-{{1,2}}|~|—{{1,2}}|–|至|到)[ \t]*(?P<num2>{num}))?"
        r"(?P<sp1>[ \t]*\n?[ \t]*)"
        r"(?P<infix>余|多)?"
        rf"(?P<scale>{scale_alt})?"
        + (rf"(?:{gloss})?" if gloss else "") +  # 萬(wàn)元
        r"(?P<infix2>余|多)?"
        r"[ \t]*\n?[ \t]*"
        rf"(?P<unit>{unit_alt})"
    )
    percent_words = r"百分之(?P<num>" + CHINESE + "|" + ARABIC + ")"
    after = _alt(str(w) for w in f.get("bare_percent_after", ()))
    # (the words before, then \K: the match starts at the number; a lookbehind, tried at every position, costs 10x)
    bare_percent = (rf"(?:{after})\K(?P<sign>-)?(?P<num>[0-9]{{1,3}}(?:\.[0-9]+)?)"
                    r"(?=[ \t]*[，,。；;])") if after else None
    bare_scale = (r"(?=[0-9xX×*])(?<![0-9.A-Za-z_/])(?P<num>" + ARABIC + "|" + REDACTED + r")(?P<scale>万亿|亿|万)(?P<infix>余|多)?"
                  r"(?![0-9])")
    # 12个、5个和3.6个百分点: the 个 of each number stands for the points unit at the end of the list
    # (every percentage unit written with 个: 个百分点, 个千分点)
    points = _alt(w for w, x in units.items() if x.kind == "percentage" and w.startswith("个")) or "个百分点"
    verbs = _alt(str(w) for w in f.get("points_list_verbs", ()))
    verb = rf"(?:{verbs})?" if verbs else ""  # (…下降0.2个、下降0.6个、提高0.8个百分点)
    distributed = (rf"(?:[ \t]*[、，,和及与][ \t]*{verb}(?:" + ARABIC + r")[ \t]*个)*[ \t]*[、，,和及与][ \t]*" + verb + "(?:"
                   + ARABIC + rf")[ \t]*(?P<points>{points})")
    phrases = f.get("fixed_phrases", [])
    join = f.get("line_join")
    if join is not None and not isinstance(join, str):
        raise RuleError(f"{filters_path}: line_join: must be a pattern string, got {join!r}")
    line_join = compile_pattern(join, filters_path, "line_join") if join else None
    suffixes = f.get("suffix_qualifiers", ["以上"])
    return MetricRules(
        units=units,
        scales=scales,
        figure=compile_pattern(figure, units_path, "figure pattern"),
        percent_words=compile_pattern(percent_words, filters_path, "百分之 pattern"),
        bare_percent=compile_pattern(bare_percent, filters_path, "bare_percent_after") if bare_percent else None,
        bare_scale=compile_pattern(bare_scale, filters_path, "bare scale pattern"),
        distributed_points=compile_pattern(distributed, filters_path, "distributed 个百分点 pattern"),
        fixed_phrases=compile_pattern(_joined_alt(phrases, join), filters_path, "fixed_phrases") if phrases else None,
        ordinal_prefixes=tuple(f.get("ordinal_prefixes", ())),
        framework_nouns=frozenset(f.get("framework_nouns", ())),
        session_markers=tuple(f.get("session_markers", ())),
        rank_verbs=tuple(f.get("rank_verbs", ())),
        rank_units=frozenset(f.get("rank_units", ())),
        prefix_qualifiers=tuple(sorted(f.get("prefix_qualifiers", ()), key=len, reverse=True)),
        suffix_qualifiers=compile_pattern(f"(?:{_joined_alt(suffixes, join)})", filters_path, "suffix_qualifiers"),
        ignored_qualifiers=frozenset(f.get("ignored_qualifiers", ())),
        money_context=tuple(f.get("money_context", ())),
        determiner_numerals=frozenset(f.get("determiner_numerals", ())),
        count_not_followed_by=frozenset(f.get("count_not_followed_by", "")),
        count_before_figures=frozenset(f.get("count_before_figures", ())),
        count_before_threshold=compile_pattern(str(f["count_before_threshold"]), filters_path, "count_before_threshold")
        if f.get("count_before_threshold") else None,
        population_context=tuple(f.get("population_context", ())),
        line_join=line_join,
        per_unit=_per_unit(f.get("per_unit"), filters_path),
        definitional=_definitional(f.get("definitional_counts"), filters_path),
    )


def _joined_alt(words, join: str | None) -> str:
    """An alternation of ``words`` (longest first) that also matches each with ``join`` (a hard line
    break) between any two of its characters: 一带一路 matches ``一带⏎一路``. Written as a trie of the words (one
    branch per first character, shared prefixes once), which ``regex`` scans several times faster than the flat
    alternation, and which matches the same: a longer word before the shorter one it starts with.

    >>> _joined_alt(["三个", "三个代表", "一批"], "\\n")
    '(?:一(?:\\n)?批|三(?:\\n)?个(?:(?:\\n)?代(?:\\n)?表)?)'
    """
    if not join:
        return _alt(words)
    gap = f"(?:{join})?"
    tree: dict = {}
    for w in set(words):
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def branches(node: dict, lead: str) -> str:
        alts = [lead + regex.escape(c) + branches(node[c], gap) for c in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or "" in node else alts[0]
        return body + "?" if "" in node else body
    return branches(tree, "")


def _table(d, path: str, name: str, keys: tuple[str, ...]) -> dict | None:
    if d is None:
        return None
    if not isinstance(d, dict) or any(k not in d for k in keys):
        raise RuleError(f"{path}: [{name}]: must be a table with {', '.join(keys)}, got {d!r}")
    return d


def _per_unit(d, path: str) -> PerUnitRules | None:
    d = _table(d, path, "per_unit", ("marker", "sizes", "bases"))
    if d is None:
        return None
    bases = d["bases"]
    if not isinstance(bases, dict) or not bases or not all(isinstance(v, str) for v in bases.values()):
        raise RuleError(f"{path}: per_unit.bases: must be a table of base as written = base unit, got {bases!r}")
    pattern = compile_pattern(f"{regex.escape(d['marker'])}(?P<size>{d['sizes']})(?P<base>{_alt(bases)})", path,
                              "per_unit")
    return PerUnitRules(d["marker"], pattern, dict(bases), frozenset(d.get("stops", "")), int(d.get("window", 40)))


def _definitional(d, path: str) -> DefinitionRules | None:
    d = _table(d, path, "definitional_counts", ("verbs", "nouns"))
    if d is None:
        return None
    for key in ("verbs", "nouns"):
        if not isinstance(d[key], list) or not all(isinstance(w, str) and w for w in d[key]):
            raise RuleError(f"{path}: definitional_counts.{key}: must be a list of words, got {d[key]!r}")
    return DefinitionRules(tuple(d["verbs"]), tuple(d["nouns"]), frozenset(d.get("phrase_ends", "、，,；;。")),
                           int(d.get("phrase_max", 8)), int(d.get("window", 80)))


def units_file_for(path: str | Path | None) -> str:
    return str(path) if path else "units.toml"
