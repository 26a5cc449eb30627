"""What a figure measures: its label, canonical indicator, direction and role, read from the clause.

>>> from summary_mining import read_document
>>> from summary_mining.metrics import find_mentions
>>> doc = read_document("实现到位资金9.88亿元，资金到位率41.17﹪，同比增长12.5%，完成全年目标任务的64.23%。")
>>> ms = annotate(doc, find_mentions(doc))
>>> [(m.label, m.indicator, m.direction, m.role) for m in ms]
[('到位资金', '到位资金', None, 'actual'), ('资金到位率', '资金到位率', None, 'rate'), ('同比增长', None, '+', 'actual'), ('目标任务', None, None, 'rate')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .datafiles import compile_pattern, load_csv, load_toml, rule_entries, rx_finditer
from .errors import RuleError
from .metrics import Mention
from .model import Document
from .segment import tokens

__all__ = ["LabelRules", "label_rules", "annotate", "indicator_for", "IndicatorLexicon", "indicator_lexicon"]

#: A label is read from at most this many characters before its figure (the clause is cut there):
#: labels keep only the nearest 14 characters, and a bounded window keeps a clause of 100k
#: characters without punctuation from being segmented once per figure.
LABEL_WINDOW = 100


@dataclass(frozen=True)
class LabelRules:
    breaks: frozenset[str]
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


@lru_cache(maxsize=4)
def label_rules(path: str = "labels.toml") -> LabelRules:
    d = load_toml(path)
    with rule_entries(path):
        return _label_rules(d, path)


def _label_rules(d: dict, path: str) -> LabelRules:
    by_len = lambda ws: tuple(sorted(ws, key=len, reverse=True))
    up, down = by_len(d["up_words"]), by_len(d["down_words"])
    # a multi-character word anywhere in the window, a single character only right before the figure
    alt = lambda ws: "|".join(regex.escape(w) for w in ws if len(w) > 1)
    one = lambda ws: "".join(regex.escape(w) for w in ws if len(w) == 1)
    direction = compile_pattern(f"(?P<down>{alt(down)}|[{one(down)}]$)|(?P<up>{alt(up)}|[{one(up)}]$)", path, "direction words")
    return LabelRules(frozenset(d["clause_breaks"]), frozenset(d["leading_drop"]), frozenset(d["trailing_drop"]),
                      up, down, direction, int(d.get("direction_window", 6)),
                      tuple(d["target_words"]), tuple(d["rate_suffixes"]), tuple(d["share_words"]),
                      frozenset(d.get("growth_labels", ())))


class IndicatorLexicon:
    """Synonyms -> canonical indicator names, from ``data/indicators.csv`` plus user additions.

    >>> lex = IndicatorLexicon({"到位资金": "到位资金", "实际到位资金": "到位资金"})
    >>> lex.lookup("国内市外实际到位资金"), lex.lookup("签约项目")
    ('到位资金', None)
    """

    def __init__(self, synonyms: dict[str, str]):
        self.synonyms = dict(synonyms)
        self._ordered = sorted(self.synonyms, key=len, reverse=True)

    def with_extra(self, extra: dict[str, str] | None) -> "IndicatorLexicon":
        return IndicatorLexicon({**self.synonyms, **extra}) if extra else self

    def lookup(self, label: str) -> str | None:
        if not label:
            return None
        for syn in self._ordered:
            if syn in label:
                return self.synonyms[syn]
        return None


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


def _clause_start(norm: str, start: int, floor: int, rules: LabelRules) -> int:
    i = start - 1
    while i >= floor and norm[i] not in rules.breaks:
        i -= 1
    return i + 1


def _trim(words: list[str], rules: LabelRules) -> list[str]:
    while words and (words[0] in rules.leading_drop or words[0].isspace() or _is_time_word(words[0])):
        words = words[1:]
    while words and (words[-1] in rules.trailing_drop or words[-1].isspace()):
        words = words[:-1]
    return words


def _is_time_word(w: str) -> bool:
    return any(c.isdigit() for c in w) or w.endswith(("年", "月", "日", "届", "季度")) and len(w) <= 6 or w == "第"


def _label(norm: str, m: Mention, prev_end: int, rules: LabelRules) -> tuple[str, str]:
    """(label, clause-before) for a mention; the label falls back to the noun after the figure."""
    cs = _clause_start(norm, m.start, max(prev_end, m.start - LABEL_WINDOW), rules)
    before = norm[cs:m.start]
    words = _trim([w for w, _, _ in tokens(before)], rules)
    label = "".join(words)
    if len(label) > 14:  # keep the tail: the noun phrase nearest the figure
        acc: list[str] = []
        for w in reversed(words):
            if len("".join(acc)) + len(w) > 14 and acc:
                break
            acc.insert(0, w)
        label = "".join(_trim(acc, rules))
    if not label:
        after = norm[m.end:m.end + 12]
        cut = next((i for i, c in enumerate(after) if c in rules.breaks or c in "、和及与" or c.isdigit()), len(after))
        words = _trim([w for w, _, _ in tokens(after[:cut])], rules)
        label = "".join(words)[:12]
    return label, before


def _table_label(doc: Document, m: Mention) -> tuple[str, str]:
    """A table figure measures its row's first cell (指标), in its column (绝对数（亿元）)."""
    b = doc.block_at(m.start)
    if b is None or b.table is None:
        return "", ""
    line = doc.text[b.start:b.end]
    cells = line.split("\t")
    col = line.count("\t", 0, m.start - b.start)
    head = next((c.strip() for c in cells[:col] if c.strip() and not c.strip().replace(".", "").isdigit()), "")
    if col == 0 or head == m.surface:
        head = ""
    columns = list(doc.tables[b.table].columns) if b.table < len(doc.tables) else []
    column = str(columns[col]) if col < len(columns) else ""
    head = head.replace(" ", "").lstrip(".．·")
    head = head[3:] if head.startswith(("其中：", "其中:")) else head
    return (head or column), column


def _direction(before: str, rules: LabelRules) -> str | None:
    downs = ups = False
    for m in rx_finditer(rules.direction, before[-rules.direction_window:]):
        downs |= m.group("down") is not None
        ups |= m.group("up") is not None
    return "-" if downs else "+" if ups else None


def _role(m: Mention, label: str, before: str, rules: LabelRules) -> str:
    if m.kind == "percentage":
        if label.endswith(rules.rate_suffixes) or "完成" in before and "的" in before[-3:]:
            return "rate"
        if any(w in before for w in rules.share_words):
            return "share"
    if any(w in label or w in before[-8:] for w in rules.target_words):
        return "rate" if m.kind == "percentage" and "的" in before[-3:] else "target"
    return "actual"


def annotate(doc: Document, mentions: list[Mention], *, indicators: dict[str, str] | None = None,
             rules: LabelRules | None = None) -> list[Mention]:
    """Fill ``label``, ``indicator``, ``direction`` and ``role`` of each mention (in place)."""
    rules = rules or label_rules()
    lex = indicator_lexicon().with_extra(indicators)
    norm = doc.normalized_text
    prev: Mention | None = None
    for m in mentions:
        sent = doc.sentence_at(m.start)
        sent_start = sent.start if sent else 0
        floor = max(prev.end if prev else 0, sent_start)
        label, before = _table_label(doc, m) if m.source == "table" else _label(norm, m, floor, rules)
        same_sentence = prev is not None and prev.end > sent_start
        if same_sentence and prev.label and m.kind == "percentage" and (label in rules.growth_labels or not label):
            # 社会消费品零售总额158.3亿元，增长12.4% -> 社会消费品零售总额增长;  …任务数132.63亿元的90.8% -> …比例
            label = prev.label + (label or "比例")
            m.indicator = prev.indicator
        else:
            m.indicator = lex.lookup(label)
        m.label = label
        m.direction = _direction(norm[max(floor, m.start - 12):m.start], rules)
        m.role = _role(m, label, norm[max(floor, m.start - 30):m.start], rules)
        prev = m
    return mentions
