"""The problem rules (``data/problems.toml``) compiled once, and the category lexicon
(``data/problem_categories.csv``).

>>> rules = problem_rules()
>>> bool(rules.headings.fullmatch("存在的主要问题"))
True
>>> category_lexicon()["土地"][:2]
('土地', '用地')
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Union

import regex

from ..datafiles import compile_pattern, load_csv, rule_entries, rules_from
from ..errors import RuleError

__all__ = ["MarkerStyle", "ProblemRules", "problem_rules", "category_lexicon", "resolve_lexicon", "CategoryMap"]

#: A category lexicon: category -> keywords (``{"资金": ["融资", "贷款"]}``), or a path to a CSV
#: file with ``category,keyword`` rows.
CategoryMap = Union[Mapping[str, Iterable[str]], str, Path]


@dataclass(frozen=True)
class MarkerStyle:
    name: str
    pattern: regex.Pattern[str]
    before: str  # characters after which the marker counts inline ("" = line start only)


@dataclass(frozen=True)
class ProblemRules:
    headings: regex.Pattern[str]
    heading_exclude: regex.Pattern[str] | None
    heading_max: int
    heading_inline_max: int
    ends: regex.Pattern[str]
    end_max: int
    markers: tuple[MarkerStyle, ...]
    cues: tuple[regex.Pattern[str], ...]
    paragraph_cues: tuple[regex.Pattern[str], ...]
    cue_exclude: regex.Pattern[str] | None
    generic_cue: regex.Pattern[str] | None
    facet: regex.Pattern[str] | None
    government: regex.Pattern[str] | None
    skip: tuple[regex.Pattern[str], ...]
    closing: tuple[regex.Pattern[str], ...]
    tails: tuple[regex.Pattern[str], ...]
    intro: regex.Pattern[str] | None
    address: regex.Pattern[str] | None
    outside: regex.Pattern[str] | None  # outside.patterns as one alternation
    outside_exclude: regex.Pattern[str] | None
    outside_exclude_start: regex.Pattern[str] | None
    run_min_sections: int
    top_keywords: int
    keyword_min_chars: int
    stop_words: frozenset[str]
    item_separators: str = "，,；;"


def _patterns(table: dict, key: str, src: str, where: str) -> tuple[regex.Pattern[str], ...]:
    return tuple(compile_pattern(p, src, f"{where}.{key}[{i}]") for i, p in enumerate(table.get(key, [])))


def _alternation(patterns: list[str], src: str, where: str) -> str:
    for i, p in enumerate(patterns):
        compile_pattern(p, src, f"{where}[{i}]")  # validate each on its own, naming the entry
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=8)
def problem_rules(path: str = "problems.toml") -> ProblemRules:
    """The compiled problem rules (cached: compiled once per process)."""
    return rules_from(path, _compile)


def _compile(d: dict, src: str) -> ProblemRules:
    try:
        h, e, cues, sent, out, kw = (d["headings"], d["section_end"], d["cues"], d.get("sentences", {}),
                                     d.get("outside", {}), d.get("keywords", {}))
        heads = _alternation(list(h["patterns"]), src, "headings.patterns")
        suffix = h.get("suffix")
        if suffix:
            compile_pattern(suffix, src, "headings.suffix")
        headings = compile_pattern(f"(?P<core>{heads})(?P<suffix>{suffix})?" if suffix else f"(?P<core>{heads})",
                                   src, "headings.patterns")
        ends = compile_pattern(_alternation(list(e["patterns"]), src, "section_end.patterns"), src, "section_end.patterns")
        markers = []
        for i, m in enumerate(d["markers"]):
            pat = compile_pattern(m["pattern"], src, f"markers[{i}].pattern")
            if "n" not in pat.groupindex:
                raise RuleError(f"{src}: markers[{i}].pattern must capture the ordinal as (?P<n>...)")
            markers.append(MarkerStyle(str(m.get("name", i)), pat, str(m.get("before", ""))))
    except (KeyError, TypeError) as err:
        raise RuleError(f"{src}: missing or malformed entry: {err}") from None

    def opt(p: str | None, where: str) -> regex.Pattern[str] | None:
        return compile_pattern(p, src, where) if p else None

    with rule_entries(src):
        return _problem_rules(src, h, e, cues, sent, out, kw, headings, ends, markers, opt)


def _problem_rules(src, h, e, cues, sent, out, kw, headings, ends, markers, opt) -> ProblemRules:
    return ProblemRules(
        headings=headings,
        heading_exclude=opt(h.get("exclude"), "headings.exclude"),
        heading_max=int(h.get("max_chars", 30)),
        heading_inline_max=int(h.get("inline_max_chars", 12)),
        ends=ends,
        end_max=int(e.get("max_chars", 30)),
        markers=tuple(markers),
        cues=tuple(compile_pattern(p, src, f"cues.patterns[{i}]") for i, p in enumerate(cues["patterns"])),
        paragraph_cues=tuple(compile_pattern(p, src, f"cues.paragraph[{i}]")
                             for i, p in enumerate(cues.get("paragraph", []))),
        cue_exclude=opt(cues.get("exclude"), "cues.exclude"),
        generic_cue=opt(cues.get("generic"), "cues.generic"),
        facet=opt(sent.get("facet"), "sentences.facet"),
        government=opt(sent.get("government"), "sentences.government"),
        intro=opt(sent.get("intro"), "sentences.intro"),
        address=opt(sent.get("address"), "sentences.address"),
        skip=_patterns(sent, "skip", src, "sentences"),
        closing=_patterns(sent, "closing", src, "sentences"),
        tails=_patterns(sent, "tail", src, "sentences"),
        outside=opt(_alternation(list(out.get("patterns", [])), src, "outside.patterns"), "outside.patterns"),
        outside_exclude=opt(out.get("exclude"), "outside.exclude"),
        outside_exclude_start=opt(out.get("exclude_start"), "outside.exclude_start"),
        run_min_sections=int(out.get("run_min_sections", 3)),
        top_keywords=int(kw.get("top", 5)),
        keyword_min_chars=int(kw.get("min_chars", 2)),
        stop_words=frozenset(kw.get("stop_words", [])),
        item_separators=str(sent.get("item_separators", "，,；;")),
    )


def _lexicon_from_rows(rows: list[dict[str, str]], src: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for i, r in enumerate(rows, start=2):
        cat, word = (r.get("category") or "").strip(), (r.get("keyword") or "").strip()
        if not cat or not word:
            raise RuleError(f"{src}: row {i}: needs a category and a keyword, got {r}")
        out.setdefault(cat, [])
        if word not in out[cat]:
            out[cat].append(word)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=8)
def category_lexicon(path: str = "problem_categories.csv") -> dict[str, tuple[str, ...]]:
    """Category -> keywords from a ``category,keyword`` CSV (cached; treat as read-only)."""
    return _lexicon_from_rows(load_csv(path), str(path))


def resolve_lexicon(categories: CategoryMap | None, replace: bool) -> dict[str, tuple[str, ...]]:
    base = {} if replace else dict(category_lexicon())
    if categories is None:
        return base
    if isinstance(categories, (str, Path)):
        extra = category_lexicon(str(categories))
    elif isinstance(categories, Mapping):
        extra = {}
        for cat, words in categories.items():
            if isinstance(words, str):
                words = [words]
            extra[str(cat)] = tuple(str(w).strip() for w in words if str(w).strip())
    else:
        raise TypeError("categories must be a mapping {category: [keywords]} or a path to a category,keyword CSV")
    for cat, words in extra.items():
        base[cat] = tuple(dict.fromkeys(base.get(cat, ()) + tuple(words)))
    return base
