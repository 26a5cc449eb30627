"""Label rules (``data/labels.toml``): how a figure's label, direction and role are read from the
words around it — compiled once.

>>> r = label_rules()
>>> "增长" in r.up_words, r.respectively
(True, '分别')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from ..datafiles import compile_pattern, load_toml, rules_from, rx_fullmatch, rx_search

__all__ = ["LabelRules", "label_rules"]


@dataclass(frozen=True)
class LabelRules:
    leading_drop: frozenset[str]
    trailing_drop: frozenset[str]
    up_words: tuple[str, ...]
    down_words: tuple[str, ...]
    direction: regex.Pattern[str]
    direction_window: int
    target_words: tuple[str, ...]
    rate_suffixes: tuple[str, ...]
    share_words: tuple[str, ...]
    growth_labels: frozenset[str]
    actual_verbs: tuple[str, ...]
    target_cue: regex.Pattern[str]
    target_join: regex.Pattern[str]
    list_join: regex.Pattern[str]
    change_from: regex.Pattern[str]
    change_to: regex.Pattern[str]
    respectively: str
    list_split: regex.Pattern[str]
    list_joiners: frozenset[str]
    #: words that open a breakdown (其中): a part named without its measure takes the whole's
    part_cues: tuple[str, ...]
    #: a section title announcing the coming work, and the words that make one a report instead
    plan_heading: regex.Pattern[str] | None = None
    plan_heading_exclude: regex.Pattern[str] | None = None
    #: terms that hold a target word but name a thing (计划生育): read past when looking for a role
    not_target: tuple[str, ...] = ()
    #: words right before a percentage that make it a ratio to what they name (为预算的110.91%)
    ratio_ends: tuple[str, ...] = ()
    #: what ends "among N things" between two figures (15个工业行业大类中11个行业增长): the second is named after it
    among_ends: tuple[str, ...] = ()
    #: qualifiers of a bound whose exact value may follow it (突破10亿元，达到10.45亿元), and what stands between the two
    bound_prefixes: tuple[str, ...] = ()
    exact_after: regex.Pattern[str] | None = None

    def without_non_targets(self, s: str) -> str:
        """``s`` without the terms that only look like targets (医疗卫生与计划生育支出 -> 医疗卫生与支出)."""
        for w in self.not_target:
            if w in s:
                s = s.replace(w, "")
        return s

    def written_as_change(self, text: str, first: tuple[int, int], second: int) -> bool:
        """Whether two figures of ``text`` are written as a change from the first to the second (从A增长到B, 由A提高到B:
        ``change_from`` before the first, ``change_to`` between them); ``first`` is the first's span, ``second`` where
        the second starts."""
        return rx_search(self.change_from, text, max(0, first[0] - CHANGE_FROM_WINDOW), first[0]) is not None \
            and rx_fullmatch(self.change_to, text, first[1], second) is not None

    @cached_property
    def growth_suffixes(self) -> tuple[str, ...]:
        """``growth_labels`` as a tuple, for one ``str.endswith`` call."""
        return tuple(self.growth_labels)


#: How many characters before a figure its change word (从, 由, with a date: 由2020年的) may start.
CHANGE_FROM_WINDOW = 12


@lru_cache(maxsize=4)
def label_rules(path: str = "labels.toml", filters_path: str = "filters.toml") -> LabelRules:
    """The compiled label rules; ``filters_path`` gives the qualifiers that may stand between two
    joined figures (5.5%左右、…)."""
    return rules_from(path, lambda d, src: _label_rules(d, src, load_toml(filters_path)))


def _any(words) -> str:
    """One regex alternative of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _label_rules(d: dict, path: str, filters: dict) -> LabelRules:
    by_len = lambda ws: tuple(sorted(ws, key=len, reverse=True))
    up, down = by_len(d["up_words"]), by_len(d["down_words"])
    # a multi-character word anywhere in the window, a single character only right before the figure
    alt = lambda ws: "|".join(regex.escape(w) for w in ws if len(w) > 1)
    one = lambda ws: "".join(regex.escape(w) for w in ws if len(w) == 1)
    # terms that hold a direction word but name a thing (增加值, 增值税) are matched first and give none
    terms = _any(d.get("not_direction", ())) or "(?!)"
    direction = compile_pattern(f"(?:{terms})|(?P<down>{alt(down)}|[{one(down)}]$)|(?P<up>{alt(up)}|[{one(up)}]$)",
                                path, "direction words")
    before_q = _any(filters.get("prefix_qualifiers", ()) or ["约"])
    after_q = _any(filters.get("suffix_qualifiers", ()) or ["以上"])
    seps = _any(d.get("respectively_separators", ["、"]))
    # 5.5%左右、规上工业… / 10个、约9.88亿元: what may stand between two figures of one list
    join = lambda j, tail="": compile_pattern(f"\\s*(?:{after_q})?\\s*(?:{j}){tail}", path, "figure joiners")
    date = d.get("change_date", "(?!)")
    change_to = f"\\s*(?:{_any(d.get('change_verbs', ()))})?(?:{_any(d.get('change_to', ['到']))})\\s*(?:{date})?\\s*"
    return LabelRules(frozenset(d["leading_drop"]), frozenset(d["trailing_drop"]),
                      up, down, direction, int(d.get("direction_window", 6)),
                      tuple(d["target_words"]), tuple(d["rate_suffixes"]), tuple(d["share_words"]),
                      frozenset(d.get("growth_labels", ())), by_len(d.get("actual_verbs", ())),
                      compile_pattern(f"(?:{_any(d.get('target_cues', ['主要预期目标']))})(?:{d.get('target_cue_follow', '')})",
                                      path, "target_cues"),
                      join(_any(d.get("target_joiners", ["、"]))), join(f"{seps}|[,，]", f"\\s*(?:{before_q})?\\s*"),
                      compile_pattern(f"(?:{_any(d.get('change_from', ['从']))})\\s*(?:{date})?\\s*$", path, "change_from"),
                      compile_pattern(change_to, path, "change_to"),
                      d.get("respectively", "分别"), compile_pattern(seps, path, "respectively_separators"),
                      frozenset(w for w in d.get("respectively_separators", ["、"]) if len(w) == 1),
                      tuple(d.get("part_cues", ["其中"])),
                      compile_pattern(d["plan_heading"], path, "plan_heading") if d.get("plan_heading") else None,
                      compile_pattern(d["plan_heading_exclude"], path, "plan_heading_exclude")
                      if d.get("plan_heading_exclude") else None,
                      tuple(str(w) for w in d.get("not_target", ())),
                      tuple(str(w) for w in d.get("ratio_ends", ())),
                      tuple(str(w) for w in d.get("among_ends", ())),
                      bound_prefixes=tuple(str(w) for w in d.get("bound_prefixes", ())),
                      exact_after=compile_pattern(f"\\s*[，,]\\s*(?:{_any(d['exact_after'])})\\s*", path, "exact_after")
                      if d.get("exact_after") else None)
