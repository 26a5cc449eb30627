"""What a heading title or a statement says: an outline ordinal, a problem heading, a section-end
heading, a sentence to skip (introductions and closings), a sentence that names a shortcoming.

>>> is_problem_heading("（三）存在困难和问题"), ordinal("十二")
(True, 12)
>>> reads_like_problem("资金短缺、融资难仍然是制约园区发展的瓶颈。", problem_rules())
True
"""
from __future__ import annotations

from collections.abc import Iterable

import regex

from ..datafiles import code_pattern, rx_fullmatch, rx_search
from ..structure import heading_at_line
from .rules import ProblemRules, problem_rules

__all__ = ["ordinal", "NUMBER_IN", "bare_title", "is_problem_heading", "heading_match", "is_end_heading", "skip_sentence",
           "any_match", "names_problem", "reads_like_problem"]

_SENTENCE_PUNCT = "。！？!?；;，,"  # a heading title holds none of these
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def ordinal(s: str) -> int | None:
    """``三`` -> 3, ``十二`` -> 12, ``２`` -> 2, ``③`` -> 3."""
    s = s.strip()
    if not s:
        return None
    if len(s) == 1 and "①" <= s <= "⑳":
        return ord(s) - ord("①") + 1
    if len(s) == 1 and "⑴" <= s <= "⒇":
        return ord(s) - ord("⑴") + 1
    if s.isdigit():
        try:
            return int(s)
        except ValueError:  # pragma: no cover - exotic digits
            return None
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGITS.get(a, 0) if a else 1
        ones = _CN_DIGITS.get(b, 0) if b else 0
        if (a and a not in _CN_DIGITS) or (b and b not in _CN_DIGITS):
            return None
        return tens * 10 + ones
    return _CN_DIGITS.get(s) if len(s) == 1 else None


NUMBER_IN = code_pattern(r"[一二三四五六七八九十百]+|[0-9０-９]+|[①-⑳⑴-⒇]")


def bare_title(title: str) -> str:
    """A heading's title without outline number, brackets, markdown marks and trailing colon."""
    t = title.strip().lstrip("#*>-•·●◆■□★☆ \t\u3000")
    hit = heading_at_line(t)
    if hit:
        t = t[len(hit[1]):]
    t = t.strip().lstrip("分章节部、.．:： \t\u3000")
    t = t.strip("【】[]〔〕<>《》*_ \t\u3000")
    t = t.rstrip("：:。.；;，, \t\u3000")
    return t.strip("【】[]〔〕*_ \t\u3000")


def is_problem_heading(title: str, rules: ProblemRules | None = None) -> bool:
    """True when a heading title names a problem section.

    >>> [is_problem_heading(t) for t in ("四、存在的主要问题", "（三）存在困难和问题", "存在问题：", "二、主要工作措施")]
    [True, True, True, False]
    """
    return heading_match(bare_title(title), rules or problem_rules()) is not None


def heading_match(bare: str, rules: ProblemRules) -> regex.Match[str] | None:
    if not bare or len(bare) > rules.heading_max or any(ch in _SENTENCE_PUNCT for ch in bare):
        return None
    m = rx_fullmatch(rules.headings, bare)
    if not m:
        return None
    if rules.heading_exclude and rx_search(rules.heading_exclude, m.group("core")):
        return None
    return m


def is_end_heading(bare: str, rules: ProblemRules) -> bool:
    if not bare or len(bare) > rules.end_max or any(ch in _SENTENCE_PUNCT for ch in bare):
        return False
    return bool(rx_fullmatch(rules.ends, bare))

def skip_sentence(sent: str, rules: ProblemRules) -> bool:
    t = sent.strip()
    if len(t) < 2 or t[-1:] in "：:":
        return True
    return any_match(rules.skip, t) or any_match(rules.closing, t)


def any_match(patterns: Iterable[regex.Pattern[str]], t: str) -> bool:
    return any(rx_search(p, t) for p in patterns)

def names_problem(t: str, rules: ProblemRules) -> bool:
    """True when ``t`` names a shortcoming (outside.patterns) and no work done on one (outside.exclude)."""
    return (rules.outside is not None and rx_search(rules.outside, t) is not None
            and not (rules.outside_exclude and rx_search(rules.outside_exclude, t)))


def reads_like_problem(t: str, rules: ProblemRules) -> bool:
    return names_problem(t, rules) and not (rules.outside_exclude_start and rx_search(rules.outside_exclude_start, t))
