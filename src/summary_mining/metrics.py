"""Find every reported figure in a document: amounts, percentages and counts.

The hot path is one compiled ``regex`` scan of the normalised text; jieba only looks at a few
characters around a candidate when a decision needs word boundaries.

>>> from summary_mining import read_document
>>> doc = read_document(text="第十五届西博会签约项目10个，投资总额24亿元；履约率90﹪，共邀请客商近100人。")
>>> [(m.surface, m.kind, m.value, m.unit, m.qualifier) for m in find_mentions(doc)]
[('10个', 'count', 10.0, '个', None), ('24亿元', 'amount', 2400000000.0, '元', None), ('90﹪', 'percentage', 90.0, '%', None), ('100人', 'count', 100.0, '人', '近')]
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import regex

from .datafiles import load_toml, rx_finditer, rx_fullmatch, rx_match, rx_search
from .lexicon import MetricRules, Unit, metric_rules
from .model import Document
from .normalize import normalize
from .numerals import SCALES, is_redacted, last_digit_unit, parse_number
from .segment import is_boundary, token_ending_at, token_starting_at

__all__ = ["Mention", "find_mentions"]

NAN = float("nan")
_CN_DIGIT_CHARS = frozenset("零〇○一二两三四五六七八九")
_APPROX_CHARS = "近约逾超上数"
_HEADER_UNIT = regex.compile(r"[（(]\s*([^（()）]{1,8}?)\s*[)）]\s*$")
_CELL_NUMBER = regex.compile(r"\s*-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?\s*")

#: Runs no figure is made of: 33+ characters of digits, numerals, separators or redaction marks
#: (``一一一…``, ``×××…``, ``1,000,000,…``), and 9+ blanks. The figure patterns repeat these
#: characters, so from every position inside such a run they would scan to its end — quadratic
#: time on a long run. The scans read a copy of the text with these runs blanked out (same
#: length, so offsets are unchanged); everything else reads the text itself.
_NO_FIGURE_RUN = regex.compile(r"[0-9xX×*,.零〇○一二两三四五六七八九十百千万亿点]{33,}|[ \t]{9,}")
_MASK = "\x00"
#: Characters after a figure that the qualifier / unit-exclusion / 个百分点-list rules may look at.
_AFTER_WINDOW = 64
_POINTS_WINDOW = 256


@dataclass
class Mention:
    """One figure as written, with its parsed value and the evidence for it."""

    start: int
    end: int
    surface: str
    kind: str
    value: float
    low: float
    high: float
    unit: str
    currency: str | None = None
    qualifier: str | None = None
    redacted: bool = False
    in_name: bool = False
    source: str = "text"
    direction: str | None = None
    role: str = "actual"
    label: str = ""
    indicator: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Extras:
    """Rules from ``filters.toml`` that :class:`~summary_mining.lexicon.MetricRules` does not carry."""

    count_not_followed_by: frozenset[str]
    population_context: tuple[str, ...]


@lru_cache(maxsize=4)
def _extras(path: str = "filters.toml") -> _Extras:
    f = load_toml(path)
    return _Extras(frozenset(f.get("count_not_followed_by", "")), tuple(f.get("population_context", ())))


def _f(d: Decimal | None) -> float:
    return NAN if d is None else float(d)


class _Context:
    """Per-document state shared by the candidate checks."""

    def __init__(self, doc: Document, rules: MetricRules):
        self.doc = doc
        self.text = doc.text
        self.norm = doc.normalized_text
        self.rules = rules
        self.extras = _extras()
        self.scan = _scan_text(self.norm)
        self.excluded = []
        if rules.fixed_phrases is not None:
            self.excluded = [m.span() for m in rx_finditer(rules.fixed_phrases, self.norm)]
        self._ex_starts = [s for s, _ in self.excluded]
        self.names = _bracket_spans(self.norm, "《", "》")
        self._name_starts = [s for s, _ in self.names]

    def window(self, start: int, end: int, before: int = 6, after: int = 4) -> tuple[str, int]:
        lo = max(0, start - before)
        return self.norm[lo:min(len(self.norm), end + after)], lo

    def in_excluded(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._ex_starts, end) - 1
        while i >= 0:
            s, e = self.excluded[i]
            if s < end and start < e:
                return True
            if e <= start and s < start - 20:
                break
            i -= 1
        return False

    def in_name(self, start: int) -> bool:
        i = bisect.bisect_right(self._name_starts, start) - 1
        return i >= 0 and self.names[i][0] < start < self.names[i][1]


def _scan_text(norm: str) -> str:
    """``norm`` with the runs of :data:`_NO_FIGURE_RUN` blanked out (``norm`` itself when there are none)."""
    parts: list[str] = []
    pos = 0
    for m in rx_finditer(_NO_FIGURE_RUN, norm):
        parts.append(norm[pos:m.start()])
        parts.append(_MASK * (m.end() - m.start()))
        pos = m.end()
    if not parts:
        return norm
    parts.append(norm[pos:])
    return "".join(parts)


def _bracket_spans(text: str, open_: str, close: str, limit: int = 80) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    while True:
        s = text.find(open_, pos)
        if s < 0:
            return spans
        e = text.find(close, s + 1, s + limit)
        if e < 0:
            pos = s + 1
            continue
        spans.append((s, e + 1))
        pos = e + 1


def _is_chinese_number(num: str) -> bool:
    return bool(num) and not num[0].isdigit() and not is_redacted(num)


def _prefix_qualifier(ctx: _Context, start: int) -> str | None:
    """约/近/超… written right before the figure — and a word of its own (签约12家 has no 约)."""
    before = ctx.norm[max(0, start - 4):start]
    for q in ctx.rules.prefix_qualifiers:
        if before.endswith(q):
            win, lo = ctx.window(start, start, before=6, after=2)
            tok = token_ending_at(win, start - lo)
            # jieba may fuse the qualifier with the figure (近百家): then the token starts with it
            fused = tok is None and token_starting_at(win, start - lo - len(q)) is not None
            if (tok != q and not fused) or q in ctx.rules.ignored_qualifiers:
                return None
            return q
    return None


def _qualifier(ctx: _Context, prefix: str | None, infix: str | None, end: int) -> str | None:
    """The figure's qualifier as written: prefix (约/近/超), else infix (余/多), else suffix (以上/左右)."""
    if prefix or infix:
        return prefix or infix
    sq = rx_match(ctx.rules.suffix_qualifiers, ctx.norm, end, end + _AFTER_WINDOW)
    return sq.group(0) if sq else None


def _rejects_start(ctx: _Context, start: int, num: str) -> bool:
    norm = ctx.norm
    if norm.endswith(ctx.rules.ordinal_prefixes, 0, start):
        return True
    if start > 0 and norm[start - 1] in "第篇":
        return True
    if _is_chinese_number(num):
        win, lo = ctx.window(start, start + len(num))
        if not is_boundary(win, start - lo) and not (start > 0 and norm[start - 1] in _APPROX_CHARS
                                                     and is_boundary(win, start - 1 - lo)):
            return True
    return False


def _session_or_rank(ctx: _Context, start: int, unit: Unit) -> bool:
    """十一届三次全会 (the 次 numbers a session) and 排名提升7位 (a change of rank) are not counts."""
    before = ctx.norm[max(0, start - 5):start]
    if unit.base == "次" and any(w in before for w in ctx.rules.session_markers):
        return True
    return unit.written in ctx.rules.rank_units and before.endswith(ctx.rules.rank_verbs)


def _framework_count(ctx: _Context, end: int) -> bool:
    """一个中心、两个基本点: the count names a framework noun. The token after the unit is a prefix
    of the window, so jieba runs only when some prefix of the window is a framework noun."""
    win, lo = ctx.window(end, end, before=0, after=6)
    nouns = ctx.rules.framework_nouns
    if not any(win[:k] in nouns for k in range(1, len(win) + 1)):
        return False
    tok = token_starting_at(win, 0)
    return tok in ctx.rules.framework_nouns if tok else False


def _ends_word(ctx: _Context, start: int, end: int) -> bool:
    """jieba agrees that the unit ends a word (十五元宵节 and 10家电子 do not)."""
    win, lo = ctx.window(start, end, before=0, after=4)
    return is_boundary(win, end - lo)


def _chinese_ok(ctx: _Context, start: int, end: int, num: str, unit: Unit) -> bool:
    """Chinese numerals count only inside a real unit frame (两栋, 五次培训; not 一个平台, “四个上杭”)."""
    rules, norm = ctx.rules, ctx.norm
    if not unit.chinese:
        return False
    if num in rules.determiner_numerals and unit.kind == "count":
        return False
    if end < len(norm) and norm[end] in _CN_DIGIT_CHARS:
        return False  # 三个四重点: garbled or a list of numerals
    if start > 0 and norm[start - 1] in "“‘「『\"" and "”" in norm[end:end + 8]:
        return False  # “四个上杭”: a slogan in quotes
    if not any(c in _CN_DIGIT_CHARS for c in num):
        # 百家 / 十家 only after an approximating word (近百家); 万元 / 亿元 alone are never figures
        return num in ("十", "百", "千") and start > 0 and norm[start - 1] in _APPROX_CHARS
    return True


def _values(num: str, scale: str, num2: str | None, scale1: str | None, infix: str | None, unit: Unit):
    """(value, low, high, redacted) in the base unit."""
    factor = Decimal(str(unit.factor))
    redacted = is_redacted(num) or bool(num2 and is_redacted(num2))
    if redacted:
        return NAN, NAN, NAN, True
    if num2:
        lo = parse_number(num, scale1 or scale)
        hi = parse_number(num2, scale)
        lo = lo * factor if lo is not None else None
        hi = hi * factor if hi is not None else None
        return NAN, _f(lo), _f(hi), False
    v = parse_number(num, scale)
    if v is None:
        return NAN, NAN, NAN, False
    v = v * factor
    if infix:  # 300余份, 3000多欧元: between n and n + one unit of the last written digit
        step = last_digit_unit(num) * SCALES.get(scale, 1) * factor
        return NAN, float(v), float(v + step), False
    return float(v), float(v), float(v), False


def _figure_mentions(ctx: _Context, out: list[Mention]) -> None:
    rules = ctx.rules
    norm = ctx.norm
    for m in rx_finditer(rules.figure, ctx.scan):
        unit = rules.units[m.group("unit")]
        num, num2 = m.group("num"), m.group("num2")
        scale, scale1 = m.group("scale") or "", m.group("scale1")
        start, end = m.start("num"), m.end("unit")
        if unit.not_followed_by is not None and rx_match(unit.not_followed_by, norm, end, end + _AFTER_WINDOW):
            continue
        if unit.requires_scale and not scale:
            continue
        if unit.no_scale and scale:
            continue
        if not unit.redacted and (is_redacted(num) or is_redacted(num2 or "")):
            continue
        if "、" in num and not (scale or unit.kind == "percentage"):
            continue
        if _rejects_start(ctx, start, num):
            continue
        if ctx.in_excluded(start, end):
            continue
        qualifier = _prefix_qualifier(ctx, start)
        chinese = _is_chinese_number(num)
        if chinese and not _chinese_ok(ctx, start, end, num, unit):
            continue
        if (chinese or unit.boundary and "\u4e00" <= unit.written[-1] <= "\u9fff") and not _ends_word(ctx, start, end):
            continue
        if unit.kind == "count" and (end < len(norm) and norm[end] in ctx.extras.count_not_followed_by
                                     or _framework_count(ctx, end) or _session_or_rank(ctx, start, unit)):
            continue
        infix = m.group("infix") or m.group("infix2")
        value, low, high, redacted = _values(num, scale, num2, scale1, infix, unit)
        if unit.max_value is not None and not redacted and not (low <= unit.max_value * unit.factor):
            continue
        kind, base = unit.kind, unit.base
        if unit.written == "个" and rx_match(rules.distributed_points, norm, end, end + _POINTS_WINDOW):
            kind, base = "percentage", "个百分点"  # 12个、5个和3.6个百分点
        qualifier = "range" if num2 else _qualifier(ctx, qualifier, infix, end)
        if not redacted and not num2 and start >= 1 and norm[start - 1] == "-" and (start < 2 or not (norm[start - 2].isascii() and norm[start - 2].isalnum())):
            start -= 1  # a written negative: -3.15%
            value, low, high = -value, -high if infix else -low, -low if infix else -high
        out.append(Mention(start, end, ctx.text[start:end], kind, value, low, high, base, unit.currency,
                           qualifier, redacted, ctx.in_name(start)))


def _percent_word_mentions(ctx: _Context, out: list[Mention]) -> None:
    for m in rx_finditer(ctx.rules.percent_words, ctx.scan):
        v = parse_number(m.group("num"))
        if v is None:
            continue
        s, e = m.span()
        out.append(Mention(s, e, ctx.text[s:e], "percentage", float(v), float(v), float(v), "%",
                           qualifier=_qualifier(ctx, _prefix_qualifier(ctx, s), None, e), in_name=ctx.in_name(s)))


def _bare_scale_mentions(ctx: _Context, taken: list[tuple[int, int]], out: list[Mention]) -> None:
    """投资6000万, 40.7亿、39.05亿…亿元: a scale with no unit, in a money context."""
    rules, norm = ctx.rules, ctx.norm
    starts = [s for s, _ in taken]
    for m in rx_finditer(rules.bare_scale, ctx.scan):
        s, e = m.span()
        i = bisect.bisect_right(starts, e) - 1
        if i >= 0 and taken[i][0] < e and s < taken[i][1]:
            continue
        if _rejects_start(ctx, s, m.group("num")) or ctx.in_excluded(s, e):
            continue
        # only the 12 characters before and the 25 after are looked at: search no further
        clause_start = max(norm.rfind(c, max(0, s - 13), s) for c in "。；;，,\n")
        before = norm[max(clause_start + 1, s - 12, 0):s]
        sentence_end = min((x for x in (norm.find(c, e, e + 25) for c in "。；;") if x >= 0), default=len(norm))
        after = norm[e:min(sentence_end, e + 25)]
        people = _people(ctx, before)
        if not (people or any(w in before for w in rules.money_context) or "亿元" in after or "万元" in after):
            continue
        num, scale, infix = m.group("num"), m.group("scale"), m.group("infix")
        unit = rules.units["人" if people else "元"]
        value, low, high, redacted = _values(num, scale, None, None, infix, unit)
        out.append(Mention(s, e, ctx.text[s:e], unit.kind, value, low, high, unit.base, unit.currency,
                           _qualifier(ctx, _prefix_qualifier(ctx, s), infix, e), redacted, ctx.in_name(s)))


def _people(ctx: _Context, before: str) -> bool:
    """人口1300万: a bare 万 counts people when a population word stands after the last money word."""
    last = lambda words: max((before.rfind(w) for w in words), default=-1)
    pop = last(ctx.extras.population_context)
    return pop >= 0 and pop > last(ctx.rules.money_context) and "人" in ctx.rules.units


def _header_unit(rules: MetricRules, header: str) -> tuple[Unit, str] | None:
    """``绝对数（亿元）`` -> (元, '亿'); ``签约项目（个）`` -> (个, '')."""
    m = rx_search(_HEADER_UNIT, normalize(str(header)))
    if not m:
        return None
    written = m.group(1).strip()
    for scale in sorted(rules.scales, key=len, reverse=True) + [""]:
        if written.startswith(scale) and written[len(scale):] in rules.units:
            return rules.units[written[len(scale):]], scale
    return None


def _table_mentions(ctx: _Context, taken: list[tuple[int, int]], out: list[Mention]) -> None:
    """Bare numbers in table cells take their unit from the column header (绝对数（亿元）)."""
    doc, rules = ctx.doc, ctx.rules
    starts = [s for s, _ in taken]
    for b in doc.blocks:
        if b.kind != "table_row" or b.table is None or b.row is None or b.table >= len(doc.tables):
            continue
        table = doc.tables[b.table]
        if b.row < table.attrs.get("header_rows", 1):
            continue
        columns = list(table.columns)
        pos = b.start
        for j, cell in enumerate(ctx.norm[b.start:b.end].split("\t")):
            cs, ce = pos, pos + len(cell)
            pos = ce + 1
            if j >= len(columns) or not rx_fullmatch(_CELL_NUMBER, cell):
                continue
            hu = _header_unit(rules, columns[j])
            if hu is None:
                continue
            unit, scale = hu
            lead = len(cell) - len(cell.lstrip())
            s, e = cs + lead, cs + len(cell.rstrip())
            i = bisect.bisect_right(starts, e) - 1
            if i >= 0 and taken[i][0] < e and s < taken[i][1]:
                continue
            num = ctx.norm[s:e].lstrip("-")
            value, low, high, _ = _values(num, scale, None, None, None, unit)
            if ctx.norm[s] == "-":
                value, low, high = -value, -high, -low
            out.append(Mention(s, e, ctx.text[s:e], unit.kind, value, low, high, unit.base, unit.currency,
                               source="table"))


def _mark_table_source(doc: Document, mentions: list[Mention]) -> None:
    for m in mentions:
        b = doc.block_at(m.start)
        if b is not None and b.kind == "table_row":
            m.source = "table"


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Overlapping candidates: keep the longer one, then the earlier (spaCy's filter_spans)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def find_mentions(doc: Document, rules: MetricRules | None = None) -> list[Mention]:
    """All metric mentions of ``doc``, in text order (labels not yet attached)."""
    ctx = _Context(doc, rules or metric_rules())
    out: list[Mention] = []
    _figure_mentions(ctx, out)
    _percent_word_mentions(ctx, out)
    out.sort(key=lambda m: (m.start, -m.end))
    taken = [(m.start, m.end) for m in out]
    _bare_scale_mentions(ctx, taken, out)
    if doc.tables:
        taken = sorted((m.start, m.end) for m in out)
        _table_mentions(ctx, taken, out)
    out.sort(key=lambda m: (m.start, -m.end))
    kept = _drop_overlaps(out)
    kept.sort(key=lambda m: m.start)
    if doc.tables:
        _mark_table_source(doc, kept)
    for m in kept:
        if m.redacted:
            m.value = m.low = m.high = NAN
        elif math.isnan(m.value) and m.qualifier not in ("range", "余", "多"):
            m.low = m.high = NAN
    return kept
