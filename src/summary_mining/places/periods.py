"""The reporting period of a summary or report: its year and its span within the year.

``PeriodInfo.label`` is the readable form used in the ``period`` column:

==========================  ======  ========  ==============
written                     year    span      label
==========================  ======  ========  ==============
2023年工作总结 / 全年        2023    FY        ``2023``
2023年上半年 / 1-6月         2023    H1        ``2023-H1``
2023年一季度 / 1-3月         2023    Q1        ``2023-Q1``
2023年前三季度 / 1-9月       2023    01..09    ``2023-01..09``
2023年截止10月底             2023    01..10    ``2023-01..10``
20xx年1-6月 (masked year)    None    H1        ``xxxx-H1``
20xx年 / no year, no span    None    None      None (NA)
==========================  ======  ========  ==============

Spans are ``FY`` (the whole year), ``H1 H2``, ``Q1``…``Q4``, ``MM..MM`` for other cumulative
months and ``MM`` for a single month. A 政府工作报告 dated 2025 reviews 2024, so its period is
``2024`` unless a heading (``一、2024年工作回顾``) says otherwise; its targets for 2025 keep
``role == "target"`` in the metrics.

>>> detect_period("2023年上半年招商引资工作总结\\n1-6月实现到位资金83.50亿元。")
PeriodInfo(year=2023, span='H1', label='2023-H1', year_redacted=False)
>>> detect_period("截止10月底,全县共引进国内市外到位资金60.07亿元。").label
'xxxx-01..10'
>>> detect_period("2025年河南省政府工作报告\\n过去一年，全年生产总值6.36万亿元。").label
'2024'
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ..datafiles import code_pattern, compile_pattern, rules_from, rx_finditer, rx_search
from ..model import Article, Document
from ..normalize import normalize

__all__ = ["PeriodInfo", "PeriodRules", "period_rules", "detect_period", "period_label", "canonical_span",
           "article_text", "title_lines", "target_period", "year_hits", "span_hits"]

_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "О": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = code_pattern(r"([一二][〇零○О一二三四五六七八九]{3})年")


@dataclass(frozen=True)
class PeriodInfo:
    """The period a text reports on: ``year`` (None when missing or masked), ``span``, ``label``."""

    year: int | None
    span: str | None
    label: str | None
    year_redacted: bool = False
    # the text reviews the year before it was written (a 政府工作报告); not part of equality or repr
    review: bool = field(default=False, compare=False, repr=False)


@dataclass(frozen=True)
class PeriodRules:
    year: regex.Pattern[str]
    redacted_year: regex.Pattern[str]
    month_range: regex.Pattern[str]
    through_month: regex.Pattern[str]
    named: regex.Pattern[str]
    named_spans: dict[str, str]
    review_heading: regex.Pattern[str]
    review_titles: tuple[str, ...]
    title_words: tuple[str, ...]
    title_max_chars: int
    title_lines: int
    title_weight: float
    plan_after: tuple[str, ...]
    compare_before: tuple[str, ...]
    report_after: tuple[str, ...]
    weak_weight: float
    strong_weight: float


@lru_cache(maxsize=4)
def period_rules(path: str = "periods.toml") -> PeriodRules:
    """The period rules from ``data/periods.toml`` (cached)."""
    return rules_from(path, _period_rules)


def _period_rules(d: dict[str, Any], path: str) -> PeriodRules:
    named = dict(d["named"])
    alt = "|".join(regex.escape(k) for k in sorted(named, key=len, reverse=True))
    return PeriodRules(
        year=compile_pattern(d["year"], path, "year"),
        redacted_year=compile_pattern(d["redacted_year"], path, "redacted_year"),
        month_range=compile_pattern(d["month_range"], path, "month_range"),
        through_month=compile_pattern(d["through_month"], path, "through_month"),
        named=compile_pattern(f"(?:{alt})", path, "named"),
        named_spans=named,
        review_heading=compile_pattern(d["review_heading"], path, "review_heading"),
        review_titles=tuple(d["review_titles"]),
        title_words=tuple(d["title_words"]),
        title_max_chars=int(d["title_max_chars"]),
        title_lines=int(d["title_lines"]),
        title_weight=float(d["title_weight"]),
        plan_after=tuple(d["plan_after"]),
        compare_before=tuple(d["compare_before"]),
        report_after=tuple(d["report_after"]),
        weak_weight=float(d["weak_weight"]),
        strong_weight=float(d["strong_weight"]),
    )


# -- text of a document or an article ------------------------------------------------------------
def article_text(source: Document | str, article: Article | int | None = None) -> tuple[str, str, int]:
    """(text, extra title, offset of the text in the document) of a whole text, a document, or one of
    its articles.

    ``article`` is an :class:`Article` or its index (0 is the preamble before the first article).
    The extra title is the document's own title when the text is the whole document.
    """
    if isinstance(source, str):
        return normalize(source), "", 0
    doc = source
    norm = doc.normalized_text
    if article is None or not doc.articles and article == 0:
        return norm, doc.title if len(doc.articles) <= 1 else "", 0
    if isinstance(article, int):
        if article == 0:
            return norm[:doc.articles[0].start], doc.title, 0
        found = next((a for a in doc.articles if a.index == article), None)
        if found is None:
            raise ValueError(f"{doc.doc_id}: no article {article} (articles: {[a.index for a in doc.articles]})")
        article = found
    extra = doc.title if len(doc.articles) <= 1 else ""
    return norm[article.start:article.end], extra, article.start


def title_lines(text: str, extra: str = "", rules: PeriodRules | None = None) -> list[tuple[int, int]]:
    """Spans of the lines that name the document: short lines near the top holding a title word."""
    rules = rules or period_rules()
    spans: list[tuple[int, int]] = []
    pos, prev = 0, None
    for i, line in enumerate(text.split("\n")):
        if i >= rules.title_lines:
            break
        stripped = line.strip()
        short = bool(stripped) and len(stripped) <= rules.title_max_chars and not stripped.endswith(("。", "："))
        if short and any(w in stripped for w in rules.title_words):
            if prev is not None:  # a two-line title: 黔东南苗族侗族自治州 / 2016年…统计公报
                spans.append(prev)
            spans.append((pos, pos + len(line)))
        prev = (pos, pos + len(line)) if short else None if stripped else prev
        pos += len(line) + 1
    return sorted(set(spans))


def _in(spans: list[tuple[int, int]], i: int) -> bool:
    return any(s <= i < e for s, e in spans)


# -- spans ---------------------------------------------------------------------------------------
def canonical_span(first: int, last: int) -> str | None:
    """Months ``first..last`` -> ``FY``, ``H1``, ``Q3``, ``01..10`` or ``05``; None when not months.

    >>> canonical_span(1, 6), canonical_span(1, 10), canonical_span(7, 9), canonical_span(5, 5)
    ('H1', '01..10', 'Q3', '05')
    """
    if not (1 <= first <= last <= 12):
        return None
    named = {(1, 12): "FY", (1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
    if (first, last) in named:
        return named[(first, last)]
    return f"{first:02d}" if first == last else f"{first:02d}..{last:02d}"


def _weight(text: str, start: int, end: int, titles: list[tuple[int, int]], rules: PeriodRules) -> float:
    after = text[end:end + 8].lstrip()
    before = text[max(0, start - 3):start]
    if _in(titles, start):
        w = rules.title_weight
    elif after.startswith(rules.plan_after) or before.endswith(rules.compare_before):
        w = rules.weak_weight
    else:
        w = 1.0
    return w


def span_hits(text: str, rules: PeriodRules) -> list[tuple[int, int, str]]:
    """(start, end, span) of every span mention, in text order."""
    hits = []
    for m in rx_finditer(rules.month_range, text):
        span = canonical_span(int(m.group(1)), int(m.group(2)))
        if span and int(m.group(1)) in (1, 4, 7, 10):
            hits.append((m.start(), m.end(), span))
    for m in rx_finditer(rules.through_month, text):
        span = canonical_span(1, int(m.group(1)))
        if span:
            hits.append((m.start(), m.end(), span))
    for m in rx_finditer(rules.named, text):
        hits.append((m.start(), m.end(), rules.named_spans[m.group()]))
    return sorted(hits)


def _spans(text: str, titles: list[tuple[int, int]], rules: PeriodRules, *,
           titles_only: bool = False) -> dict[str, float]:
    """Weighted span mentions (dict order: first mention first)."""
    found: dict[str, float] = defaultdict(float)
    for start, end, span in span_hits(text, rules):
        if not titles_only or _in(titles, start):
            found[span] += _weight(text, start, end, titles, rules)
    return found


def _best(scores: dict[Any, float], minimum: float = 0.0) -> Any:
    """The key with the highest score (the first one on a tie), None when none reaches ``minimum``."""
    best = None
    for k, v in scores.items():
        if v >= minimum and (best is None or v > scores[best]):
            best = k
    return best


# -- years ---------------------------------------------------------------------------------------
def _cn_year(s: str) -> int:
    return int("".join(_CN_DIGITS[c] for c in s))


def year_hits(text: str, rules: PeriodRules | None = None) -> list[tuple[int, int, int | None]]:
    """(start, end, year) of every year written in ``text`` (2023年, 二〇二三年; None for a masked 20xx年).

    >>> year_hits("二〇二三年签约10个，2024年签约12个，20xx年签约8个")
    [(0, 5, 2023), (11, 16, 2024), (22, 27, None)]
    """
    rules = rules or period_rules()
    hits: list[tuple[int, int, int | None]]
    hits = [(m.start(), m.end(), int(m.group(1))) for m in rx_finditer(rules.year, text)]
    hits += [(m.start(), m.end(), _cn_year(m.group(1))) for m in rx_finditer(_CN_YEAR, text)]
    hits += [(m.start(), m.end(), None) for m in rx_finditer(rules.redacted_year, text)]
    return sorted(hits, key=lambda h: h[0])


def _years(text: str, titles: list[tuple[int, int]], rules: PeriodRules) -> dict[int | None, float]:
    """Weighted year mentions; ``None`` collects the masked ones (20xx年)."""
    found: dict[int | None, float] = defaultdict(float)
    for start, end, year in year_hits(text, rules):
        w = _weight(text, start, end, titles, rules)
        if w == 1.0 and text[end:end + 12].lstrip().startswith(rules.report_after):
            w = rules.strong_weight
        found[year] += w
    return found


def _title_year(text: str, titles: list[tuple[int, int]], extra: str, rules: PeriodRules) -> tuple[int | None, bool, str]:
    """(year, masked, title text) of the first title line that states a year."""
    for line in [text[s:e] for s, e in titles] + ([normalize(extra)] if extra else []):
        m = rx_search(rules.year, line)
        if m:
            return int(m.group(1)), False, line
        m = rx_search(_CN_YEAR, line)
        if m:
            return _cn_year(m.group(1)), False, line
        if rx_search(rules.redacted_year, line):
            return None, True, line
    return None, False, ""


def _year(text: str, titles: list[tuple[int, int]], extra: str, rules: PeriodRules) -> tuple[int | None, bool, bool]:
    """(year, masked, review): ``review`` when the text reviews a whole year (政府工作报告)."""
    year, masked, line = _title_year(text, titles, extra, rules)
    heading = rx_search(rules.review_heading, text)
    if year is not None and any(w in line for w in rules.review_titles):
        return (int(heading.group(1)) if heading else year - 1), False, True
    if year is not None or masked:
        return year, masked, False
    if heading:
        return int(heading.group(1)), False, True
    scores = _years(text, titles, rules)
    best = _best(scores)
    return best, best is None and None in scores, False


def period_label(year: int | None, span: str | None) -> str | None:
    """``2023`` / ``2023-H1`` / ``xxxx-H1``; None when neither the year nor a part of it is known.

    >>> period_label(2023, "FY"), period_label(2023, "01..10"), period_label(None, "H1"), period_label(None, "FY")
    ('2023', '2023-01..10', 'xxxx-H1', None)
    """
    part = None if span in (None, "FY") else span
    if year is None:
        return f"xxxx-{part}" if part else None
    return f"{year}-{part}" if part else str(year)


def detect_period(doc_or_text: Document | str, article: Article | int | None = None, *,
                  rules: PeriodRules | None = None) -> PeriodInfo:
    """The reporting period of a text, a document, or one article of it (read from title and text).

    The year comes from the title (a 政府工作报告 reviews the year before its title's), else from a
    ``2024年工作回顾`` heading, else the year mentioned most as the period reported on (plans,
    targets and comparison bases count little). The span is the one mentioned most (titles count
    five times; a mention in a plan or comparison alone is not enough; a reviewed year is ``FY``
    unless its title says otherwise); a masked year (``20xx年``) gives ``year=None, year_redacted=True``.
    """
    rules = rules or period_rules()
    text, extra, _ = article_text(doc_or_text, article)
    titles = title_lines(text, extra, rules)
    year, masked, review = _year(text, titles, extra, rules)
    spans = _spans(text, titles, rules, titles_only=review)
    if extra:
        for found, w in _spans(normalize(extra), [(0, len(extra))], rules).items():
            spans[found] += w
    span: str | None = _best(spans, minimum=1.0) or ("FY" if review else None)
    return PeriodInfo(year, span, period_label(year, span), masked and year is None, review)


_YEAR_IN_HEADING = code_pattern(r"(?<![0-9])((?:19|20)[0-9]{2})年")


def target_period(period: str | None, section: str | None) -> str | None:
    """The period a target belongs to: the latest year its section heading names when that year comes
    after the document's full-year ``period`` (a 2025 report on 2024 sets targets for 2025); otherwise
    ``period`` itself (a 2024 summary's own 目标任务 stay in 2024).

    >>> target_period("2024", "二、2025年工作总体要求和重点任务")
    '2025'
    >>> target_period("2024", "一、2024年目标任务完成情况"), target_period("2023-H1", "二、2024年工作打算")
    ('2024', '2023-H1')
    """
    if not period or not section or not str(period).isdigit():
        return period
    years = [int(m.group(1)) for m in rx_finditer(_YEAR_IN_HEADING, str(section))]
    later = [y for y in years if y > int(period)]
    return str(max(later)) if later else period
