"""Find every reported figure in a document: amounts, percentages and counts.

The hot path is one compiled ``regex`` scan of the normalised text; jieba only looks at a few
characters around a candidate when a decision needs word boundaries.

>>> from summary_mining import read_document
>>> doc = read_document(text="第十五届西博会签约项目10个，投资总额24亿元；履约率90﹪，共邀请客商近100人。")
>>> [(f.surface, f.kind, f.value, f.unit, f.qualifier) for f in find_figures(doc)]
[('10个', 'count', 10.0, '个', None), ('24亿元', 'amount', 2400000000.0, '元', None), ('90﹪', 'percentage', 90.0, '%', None), ('100人', 'count', 100.0, '人', '近')]
"""
from __future__ import annotations

import bisect
import math
from dataclasses import replace
from decimal import Decimal
from typing import Any, NamedTuple

import regex

from ..datafiles import code_pattern, rx_finditer, rx_match, rx_search
from ..model import Document
from ..normalize import normalize
from ..numerals import decimals, is_redacted, last_digit_unit, parse_number
from ..rules.segment import Segmenter
from ..rules.units import MetricRules, Unit, metric_rules
from ..structure import PAD_SPACES, strip_glosses, structure_rules
from .record import NAN, Figure
from .tables import table_cells

__all__ = ["find_figures"]

_CN_DIGIT_CHARS = frozenset("零〇○一二两三四五六七八九")
_APPROX_CHARS = "近约逾超上数"
_HEADER_UNIT = code_pattern(r"[（(]\s*([^（()）]{1,8}?)\s*[)）]\s*$")
_CELL_NUMBER = code_pattern(r"\s*-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?\s*")

#: Runs no figure is made of: 33+ characters of digits, numerals, separators or redaction marks
#: (``一一一…``, ``×××…``, ``1,000,000,…``), and 9+ blanks. The figure patterns repeat these
#: characters, so from every position inside such a run they would scan to its end — quadratic
#: time on a long run. The scans read a copy of the text with these runs blanked out (same
#: length, so offsets are unchanged); everything else reads the text itself.
_NO_FIGURE_RUN = code_pattern(r"[0-9xX×*,.零〇○一二两三四五六七八九十百千万亿点]{33,}|[ \t]{9,}")
_MASK = "\x00"
#: A line holding only a page number (``page_number`` of structure.toml: — 12 —), with the line break before it.
_PAGE_LINE = (code_pattern(rf"\n[ \t]*(?:{structure_rules().page_number.pattern})[ \t]*(?=\n)")
              if structure_rules().page_number is not None else None)
#: Characters after a figure that the qualifier / unit-exclusion / 个百分点-list rules may look at.
_AFTER_WINDOW = 64
_POINTS_WINDOW = 256


def _f(d: Decimal | None) -> float:
    return NAN if d is None else float(d)


class _Context:
    """Per-document state shared by the candidate checks."""

    def __init__(self, doc: Document, rules: MetricRules, seg: Segmenter):
        self.doc = doc
        self.text = doc.text
        self.norm = doc.normalized_text
        self.rules = rules
        self.seg = seg
        self.terminator = structure_rules().terminator
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
    """``norm`` with the runs of :data:`_NO_FIGURE_RUN` blanked out, and each page number line a PDF's page break
    leaves (1530.7亿⏎— 2 —⏎元) read as blanks with the line break before it, so that a figure the page break cut
    reads as one across it (``norm`` itself when there are neither)."""
    parts: list[str] = []
    pos = 0
    for m in rx_finditer(_NO_FIGURE_RUN, norm):
        parts.append(norm[pos:m.start()])
        parts.append(_MASK * (m.end() - m.start()))
        pos = m.end()
    if parts:
        parts.append(norm[pos:])
        norm = "".join(parts)
    if _PAGE_LINE is None:
        return norm
    chunks: list[str] = []
    pos = 0
    for m in rx_finditer(_PAGE_LINE, norm):  # the line break before it and the page number, as blanks
        chunks += [norm[pos:m.start()], " " * (m.end() - m.start())]
        pos = m.end()
    return "".join(chunks) + norm[pos:] if chunks else norm


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


#: A space padding a figure from the word before it (突破 1600亿元; a tab sets table cells apart).
_PAD_CHARS = PAD_SPACES.replace("\t", "")


def _prefix_qualifier(ctx: _Context, start: int) -> str | None:
    """约/近/超… written right before the figure, or one space before it (突破 1600亿元: a PDF's text) — and a word of its
    own (签约12家 has no 约)."""
    if start >= 2 and ctx.norm[start - 1] in _PAD_CHARS and ctx.norm[start - 2] not in _PAD_CHARS:
        start -= 1  # (the qualifier ends before the space)
    before = ctx.norm[max(0, start - 4):start]
    if not before.endswith(ctx.rules.prefix_qualifiers):  # one C call for the common case: none
        return None
    for q in ctx.rules.prefix_qualifiers:
        if before.endswith(q):
            win, lo = ctx.window(start, start, before=6, after=2)
            tok = ctx.seg.token_ending_at(win, start - lo)
            # jieba may fuse the qualifier with the figure (近百家): then the token starts with it
            fused = tok is None and ctx.seg.token_starting_at(win, start - lo - len(q)) is not None
            if (tok != q and not fused) or q in ctx.rules.ignored_qualifiers:
                return None
            return q
    return None


def _qualifier(ctx: _Context, prefix: str | None, infix: str | None, end: int) -> str | None:
    """The figure's qualifier as written: prefix (约/近/超), else infix (余/多), else suffix (以上/左右)."""
    if prefix or infix:
        return prefix or infix
    sq = rx_match(ctx.rules.suffix_qualifiers, ctx.norm, end, end + _AFTER_WINDOW)
    return "".join(sq.group(0).split()) if sq else None  # 及⏎以上 (a hard line break inside) is 及以上


def _rejects_start(ctx: _Context, start: int, num: str) -> bool:
    norm = ctx.norm
    if norm.endswith(ctx.rules.ordinal_prefixes, 0, start):
        return True
    if start > 0 and norm[start - 1] in "第篇":
        return True
    if _is_chinese_number(num):
        win, lo = ctx.window(start, start + len(num))
        if not ctx.seg.is_boundary(win, start - lo) and not (start > 0 and norm[start - 1] in _APPROX_CHARS
                                                     and ctx.seg.is_boundary(win, start - 1 - lo)):
            return True
    return False


def _session_or_rank(ctx: _Context, start: int, unit: Unit) -> bool:
    """十一届三次全会 (the 次 numbers a session) and 排名提升7位 (a change of rank) are not counts."""
    before = ctx.norm[max(0, start - 5):start]
    if unit.base == "次" and any(w in before for w in ctx.rules.session_markers):
        return True
    return unit.written in ctx.rules.rank_units and before.endswith(ctx.rules.rank_verbs)


def _after_join(ctx: _Context, pos: int) -> int:
    """``pos``, or past the hard line break written at ``pos`` (``line_join`` of filters.toml)."""
    j, norm = ctx.rules.line_join, ctx.norm
    if j is None or pos >= len(norm) or norm[pos] not in " \t\r\n":
        return pos
    m = rx_match(j, norm, pos, pos + _AFTER_WINDOW)
    return m.end() if m else pos


def _noun_after(ctx: _Context, end: int, nouns: frozenset[str]) -> bool:
    """The word right after a count's unit (across a hard line break: 两个⏎维护) is one of ``nouns``.
    The token is a prefix of the window, so jieba runs only when some prefix of it is one of them."""
    pos = _after_join(ctx, end)
    win = ctx.norm[pos:pos + 6]
    if not any(win[:k] in nouns for k in range(1, len(win) + 1)):
        return False
    tok = ctx.seg.token_starting_at(win, 0)
    return tok in nouns if tok else False


def _framework_count(ctx: _Context, end: int) -> bool:
    """一个中心、两个基本点: the count names a framework noun."""
    return _noun_after(ctx, end, ctx.rules.framework_nouns)


def _definitional_count(ctx: _Context, start: int, end: int) -> bool:
    """涉及…十九个国民经济门类, 核算包括…两个步骤: a category count in a definition (a verb of
    ``[definitional_counts]`` earlier in its clause; the noun phrase after the unit ends in one of its nouns)."""
    d = ctx.rules.definitional
    if d is None:
        return False
    pos = _after_join(ctx, end)
    phrase = strip_glosses(ctx.norm[pos:pos + 4 * d.phrase_max])  # 國民經(jīng)濟門類 -> 国民经济门类
    cut = next((i for i, c in enumerate(phrase[:d.phrase_max + 1]) if c in d.phrase_ends),
               len(phrase) if len(phrase) <= d.phrase_max else None)  # or the end of the text
    if cut is None or not phrase[:cut].endswith(d.nouns):
        return False
    before = ctx.norm[max(ctx.doc.clause_start(start), start - d.window):start]
    return any(v in before for v in d.verbs)


def _ends_word(ctx: _Context, start: int, end: int) -> bool:
    """jieba agrees that the unit ends a word (十五元宵节 and 10家电子 do not)."""
    win, lo = ctx.window(start, end, before=0, after=4)
    return ctx.seg.is_boundary(win, end - lo)


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


class _Parsed(NamedTuple):
    """A written number read in a unit: values in the base unit, and how it was written."""

    value: float
    low: float
    high: float
    redacted: bool
    number: float  # as written, before scale and unit factor (NaN for a range or a redaction)
    decimals: int
    factor: float  # scale multiplier times unit factor: value = number * factor


_FACTORS: dict[float, Decimal] = {}
_FULL: dict[tuple[int, Decimal], float] = {}


def _decimal_factor(factor: float) -> Decimal:
    """A unit's factor as the Decimal its shortest repr writes (once per factor: a handful of them)."""
    d = _FACTORS.get(factor)
    if d is None:
        d = _FACTORS[factor] = Decimal(str(factor))
    return d


def _full_factor(mult: int, factor: Decimal) -> float:
    """Scale multiplier times unit factor, as a float (once per pair)."""
    f = _FULL.get((mult, factor))
    if f is None:
        f = _FULL[(mult, factor)] = float(mult * factor)
    return f


def _values(rules: MetricRules, num: str, scale: str, num2: str | None, scale1: str | None, infix: str | None,
            unit: Unit) -> _Parsed | None:
    """The figure's values in the base unit; None when it is no figure (a range whose bounds do not
    read as numbers, or whose upper bound is below its lower: 3~万元, 50-30亿元)."""
    mult = rules.scales.get(scale, 1)
    factor = _decimal_factor(unit.factor)
    dec = decimals(num2 or num)
    full = _full_factor(mult, factor)
    if is_redacted(num) or bool(num2 and is_redacted(num2)):
        return _Parsed(NAN, NAN, NAN, True, NAN, dec, full)
    if num2:
        if _is_chinese_number(num2) and _is_chinese_number(num) and not scale1:
            # 三至五亿元: the scale written once, inside the upper bound's numeral, scales both
            tail = next((k for k in sorted(rules.scales, key=len, reverse=True) if num2.endswith(k)), "")
            if tail and not num.endswith(tail):
                num = num + tail
        lo = parse_number(num, rules.scales.get(scale1 or scale, 1))
        hi = parse_number(num2, mult)
        if lo is None or hi is None or hi < lo:
            return None
        return _Parsed(NAN, float(lo * factor), float(hi * factor), False, NAN, dec, full)
    written = parse_number(num)
    if written is None:
        return _Parsed(NAN, NAN, NAN, False, NAN, dec, full)
    v = written * mult * factor
    if infix:  # 300余份, 3000多欧元: between n and n + one unit of the last written digit
        step = last_digit_unit(num) * mult * factor
        return _Parsed(NAN, float(v), float(v + step), False, float(written), dec, full)
    return _Parsed(float(v), float(v), float(v), False, float(written), dec, full)


def _figure(ctx: _Context, start: int, end: int, kind: str, unit: Unit, p: _Parsed, *, scale: str = "",
            qualifier: str | None = None, base: str | None = None, written_unit: str | None = None,
            source: str = "text") -> Figure:
    return Figure(start, end, ctx.text[start:end], kind, p.value, p.low, p.high, base or unit.base, unit.currency,
                  qualifier, p.redacted, ctx.in_name(start), source, number=p.number, decimals=p.decimals,
                  scale=scale, factor=p.factor, written_unit=written_unit if written_unit is not None else scale + unit.written)


def _figure_mentions(ctx: _Context, out: list[Figure]) -> None:
    rules = ctx.rules
    for m in rx_finditer(rules.figure, ctx.scan):
        unit_w = m.group("unit")
        f = _mention(ctx, m, unit_w)
        if f is _CUT:  # 278个村社: the unit 个村 is cut across the word 村社; a shorter unit it opens with is not
            f = next((g for w in _shorter_units(rules, unit_w) if (g := _mention(ctx, m, w)) is not _CUT), None)
        if f is not None:
            out.append(f)


#: What :func:`_mention` returns for a unit that ends inside a word (the segmenter's).
_CUT = object()


def _shorter_units(rules: MetricRules, written: str) -> list[str]:
    """The units ``written`` opens with, longest first (个村 -> 个)."""
    return [written[:k] for k in range(len(written) - 1, 0, -1) if written[:k] in rules.units]


def _mention(ctx: _Context, m: regex.Match[str], unit_w: str) -> Any:
    """The figure of match ``m`` read with unit ``unit_w`` (the unit group as written, or a unit it opens with): None
    when a check rejects it, :data:`_CUT` when the unit ends inside a word."""
    rules = ctx.rules
    norm = ctx.norm
    num, num2, scale, scale1, infix, infix2 = m.group("num", "num2", "scale", "scale1", "infix", "infix2")
    unit = rules.units["".join(strip_glosses(unit_w).split())]  # 個(gè)百分點, 公 里
    scale = "".join(strip_glosses(scale).split()) if scale else ""  # (萬(wàn)億, 万 亿: a gloss or pad inside a scale)
    scale1 = "".join(strip_glosses(scale1).split()) if scale1 else scale1
    start, end = m.start("num"), m.start("unit") + len(unit_w)
    if unit.not_followed_by is not None and rx_match(unit.not_followed_by, norm, end, end + _AFTER_WINDOW):
        return None
    if unit.requires_scale and not scale:
        return None
    if unit.no_scale and scale:
        return None
    if not unit.redacted and (is_redacted(num) or is_redacted(num2 or "")):
        return None
    if "、" in num and not (scale or unit.kind == "percentage"):
        return None
    if _rejects_start(ctx, start, num):
        return None
    if ctx.in_excluded(start, end):
        return None
    qualifier = _prefix_qualifier(ctx, start)
    chinese = _is_chinese_number(num)
    if chinese and not _chinese_ok(ctx, start, end, num, unit):
        return None
    if (chinese or unit.boundary and "\u4e00" <= unit.written[-1] <= "\u9fff") and not _ends_word(ctx, start, end):
        return _CUT
    if unit.kind == "count" and (end < len(norm) and norm[end] in ctx.rules.count_not_followed_by
                                 and not (norm[end].isdigit() and unit.written in ctx.rules.count_before_figures)
                                 and not (ctx.rules.count_before_threshold is not None
                                          and rx_match(ctx.rules.count_before_threshold, norm, end))
                                 or _framework_count(ctx, end) or _session_or_rank(ctx, start, unit)
                                 or _definitional_count(ctx, start, end)):
        return None
    infix = infix or infix2
    parsed = _values(rules, num, scale, num2, scale1, infix, unit)
    if parsed is None and num2 and _is_chinese_number(num2) == _is_chinese_number(num):
        # 50-30亿元: bounds out of order are no range; the figure is the number next to the unit
        num, num2, start = num2, None, m.start("num2")
        parsed = _values(rules, num, scale, None, None, infix, unit)
    if parsed is None:
        return None
    if unit.max_value is not None and not parsed.redacted and not (parsed.low <= unit.max_value * unit.factor):
        return None
    kind, base, written = unit.kind, unit.base, None
    if unit.written == "个" and (pts := rx_match(rules.distributed_points, norm, end, end + _POINTS_WINDOW)):
        # 12个、5个和3.6个百分点: the unit the list ends in
        kind, base, written = "percentage", rules.units[pts.group("points")].base, pts.group("points")
    qualifier = "range" if num2 else _qualifier(ctx, qualifier, infix, end)
    if not parsed.redacted and not num2 and start >= 1 and norm[start - 1] == "-" and (start < 2 or not (norm[start - 2].isascii() and norm[start - 2].isalnum())):
        start -= 1  # a written negative: -3.15%
        v, lo, hi = parsed.value, parsed.low, parsed.high
        parsed = parsed._replace(value=-v, low=-hi if infix else -lo, high=-lo if infix else -hi, number=-parsed.number)
    return _figure(ctx, start, end, kind, unit, parsed, scale=scale, qualifier=qualifier, base=base,
                   written_unit=written)


#: A bare number and a list joint right before a figure in points or an amount with its scale (三次产业分别拉动经济增长
#: 0.6、2.0、3.4个百分点; 2.1和2.4个百分点; 48.47、51.50、39.07亿元; 1.6、-0.3、0.8个百分点): the unit at the end of the list
#: is each number's.
_BARE_JOINERS = "、和及与"
_BARE_BEFORE = code_pattern(rf"(?<![0-9.,第])(?P<sign>[-－−])?(?P<num>[0-9]{{1,3}}(?:\.[0-9]+)?)[ \t]*[{_BARE_JOINERS}][ \t]*$")
_BARE_WINDOW = 16


def _bare_listed_mentions(ctx: _Context, out: list[Figure]) -> None:
    """0.6、2.0、3.4个百分点 and 48.47、51.50、39.07亿元: the bare numbers listed before a figure in points, or in an
    amount written with its scale (each its own mention, in that unit and scale), as 12个、5个和3.6个百分点 are."""
    ends = [f for f in out if not f.redacted and f.qualifier != "range" and (
        f.kind == "percentage" and f.written_unit.startswith("个") or f.kind == "amount" and f.scale and f.number == f.number)]
    taken = {f.start for f in out}
    for f in ends:
        unit = ctx.rules.units.get(f.written_unit if f.kind == "percentage" else f.written_unit[len(f.scale):])
        if unit is None:
            continue
        pos = f.start
        while pos > 0:
            if ctx.norm[max(0, pos - 3):pos].strip(" \t")[-1:] not in _BARE_JOINERS:
                break  # (no list joint right before: the pattern need not run)
            m = rx_search(_BARE_BEFORE, ctx.norm, max(0, pos - _BARE_WINDOW), pos)
            if m is None or m.start("num") in taken:
                break
            v = parse_number(m.group("num"))
            if v is None:
                break
            factor = f.factor if f.kind == "amount" else 1.0
            w = -float(v) if m.group("sign") else float(v)  # (1.6、-0.3、0.8个百分点: a negative one keeps its sign)
            x = w * factor
            p = _Parsed(x, x, x, False, w, decimals(m.group("num")), factor)
            s, e = m.start(), m.end("num")
            out.append(_figure(ctx, s, e, f.kind, unit, p, scale=f.scale, written_unit=f.written_unit))
            taken.add(s)
            pos = m.start()


def _percent_word_mentions(ctx: _Context, out: list[Figure]) -> None:
    for m in rx_finditer(ctx.rules.percent_words, ctx.scan):
        v = parse_number(m.group("num"))
        if v is None:
            continue
        s, e = m.span()
        p = _Parsed(float(v), float(v), float(v), False, float(v), decimals(m.group("num")), 1.0)
        out.append(_figure(ctx, s, e, "percentage", ctx.rules.units["%"], p, written_unit="百分之",
                           qualifier=_qualifier(ctx, _prefix_qualifier(ctx, s), None, e)))


def _taken(taken: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Whether ``s``–``e`` overlaps a span of ``taken`` (sorted, not overlapping; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, e) - 1
    return i >= 0 and taken[i][0] < e and s < taken[i][1]


def _bare_percent_mentions(ctx: _Context, taken: list[tuple[int, int]], starts: list[int], out: list[Figure]) -> None:
    """比去年同期增长42。, 增长26.9，: a copy that lost its percent signs (filters.toml ``bare_percent_after``): the bare
    number is a percentage, written with no unit."""
    if ctx.rules.bare_percent is None:
        return
    for m in rx_finditer(ctx.rules.bare_percent, ctx.scan):
        s, e = m.span()
        if _taken(taken, starts, s, e) or ctx.in_excluded(s, e):
            continue
        v = parse_number(m.group("num"))
        if v is None:
            continue
        w = -float(v) if m.group("sign") else float(v)
        p = _Parsed(w, w, w, False, w, decimals(m.group("num")), 1.0)
        out.append(_figure(ctx, s, e, "percentage", ctx.rules.units["%"], p, written_unit=""))


def _bare_scale_mentions(ctx: _Context, taken: list[tuple[int, int]], starts: list[int], out: list[Figure]) -> None:
    """投资6000万, 40.7亿、39.05亿…亿元: a scale with no unit, in a money context."""
    rules, norm = ctx.rules, ctx.norm
    for m in rx_finditer(rules.bare_scale, ctx.scan):
        s, e = m.span()
        if _taken(taken, starts, s, e) or _rejects_start(ctx, s, m.group("num")) or ctx.in_excluded(s, e):
            continue
        # only the 12 characters before (in its clause) and the 25 after (to a statement's end mark, across
        # line breaks: 40.7亿、39.05亿⏎…亿元) are looked at
        before = norm[max(ctx.doc.clause_start(s), s - 12, 0):s]
        after = norm[e:e + 25]
        cut = rx_search(ctx.terminator, after)
        after = after[:cut.start()] if cut else after
        people = _people(ctx, before)
        if not (people or any(w in before for w in rules.money_context) or "亿元" in after or "万元" in after):
            continue
        num, scale, infix = m.group("num"), m.group("scale"), m.group("infix")
        unit = rules.units["人" if people else "元"]
        parsed = _values(rules, num, scale, None, None, infix, unit)
        if parsed is not None:
            out.append(_figure(ctx, s, e, unit.kind, unit, parsed, scale=scale, written_unit=scale,
                               qualifier=_qualifier(ctx, _prefix_qualifier(ctx, s), infix, e)))


def _people(ctx: _Context, before: str) -> bool:
    """人口1300万: a bare 万 counts people when a population word stands after the last money word."""
    last = lambda words: max((before.rfind(w) for w in words), default=-1)
    pop = last(ctx.rules.population_context)
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


def _table_mentions(ctx: _Context, taken: list[tuple[int, int]], out: list[Figure]) -> None:
    """Bare numbers in table cells (:mod:`summary_mining.figures.tables`): the unit from the column
    header (绝对数（亿元）), the row's unit column or name, or the table's unit line (单位：台)."""
    starts = [s for s, _ in taken]
    for c in table_cells(ctx.doc, ctx.rules):
        i = bisect.bisect_right(starts, c.end) - 1
        if i >= 0 and taken[i][0] < c.end and c.start < taken[i][1]:
            continue
        out.append(replace(c.figure, in_name=ctx.in_name(c.start)))  # a copy: labelling fills it in


def _mark_table_source(doc: Document, figures: list[Figure]) -> None:
    """A figure written with its unit inside a table cell is a table figure too (its cell found by offset)."""
    for f in figures:
        b = doc.block_at(f.start)
        if b is not None and b.kind == "table_row":
            f.source = "table"
            if f.cell is None and b.table is not None and b.row is not None:
                f.cell = (b.table, b.row, sum(1 for _, e in b.cell_spans(doc.text) if e <= f.start)
                          if b.cells is not None else doc.text.count("\t", b.start, f.start))


def _per_unit_rates(ctx: _Context, figures: list[Figure]) -> None:
    """每万人口拥有执业医师3.2人: a figure after 每 + size + base (``[per_unit]`` of filters.toml), with no
    clause stop and at most one hard line break of prose between, is a rate in ``人/万人``. Only the
    ``window`` characters before each figure are searched, never the whole document."""
    pu = ctx.rules.per_unit
    if pu is None:
        return
    norm = ctx.norm
    for f in figures:
        if f.kind == "percentage" or "/" in f.unit:
            continue
        k = norm.rfind(pu.marker, max(0, f.start - pu.window), f.start)  # the last 每 before the figure
        m = rx_match(pu.pattern, norm, k, f.start) if k >= 0 else None
        if m is None or any(c in pu.stops for c in norm[m.end():f.start]):
            continue
        breaks = norm.count("\n", m.end(), f.start)
        if breaks == 0 or breaks == 1 and not _in_table_row(ctx.doc, f.start) and not _in_table_row(ctx.doc, m.start()):
            f.unit = pu.unit(f.unit, m)  # on one line, or across one hard line break of prose


def _leaves_its_row(doc: Document, m: Figure) -> bool:
    """A figure read across the end of a table row (18.0⏎个体工商户 is no 18.0个): the row's line break
    ends a cell, it is no wrapped line."""
    if "\n" not in m.surface:
        return False
    b = doc.block_at(m.start)
    return b is not None and b.kind == "table_row" and m.end > b.end


def _in_table_row(doc: Document, offset: int) -> bool:
    """``offset`` lies in a table row (whose line break ends the row, not a wrapped line)."""
    b = doc.block_at(offset)
    return b is not None and b.kind == "table_row"


def _drop_overlaps(mentions: list[Figure]) -> list[Figure]:
    """Overlapping candidates: keep the longer one, then the earlier (spaCy's filter_spans)."""
    kept: list[Figure] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def find_figures(doc: Document, rules: MetricRules | None = None, seg: Segmenter | None = None) -> list[Figure]:
    """All figures of ``doc``, in text order, with their statement and clause (labels not yet attached)."""
    ctx = _Context(doc, rules or metric_rules(), seg or Segmenter.default())
    out: list[Figure] = []
    _figure_mentions(ctx, out)
    _bare_listed_mentions(ctx, out)
    _percent_word_mentions(ctx, out)
    out.sort(key=lambda m: (m.start, -m.end))
    taken = [(m.start, m.end) for m in out]
    starts = [s for s, _ in taken]
    _bare_scale_mentions(ctx, taken, starts, out)
    _bare_percent_mentions(ctx, taken, starts, out)
    if doc.tables:
        out = [m for m in out if not _leaves_its_row(doc, m)]
        taken = sorted((m.start, m.end) for m in out)
        _table_mentions(ctx, taken, out)
    out.sort(key=lambda m: (m.start, -m.end))
    kept = _drop_overlaps(out)
    kept.sort(key=lambda m: m.start)
    if doc.tables:
        _mark_table_source(doc, kept)
    _per_unit_rates(ctx, kept)
    for f in kept:
        if f.redacted:
            f.value = f.low = f.high = NAN
        elif math.isnan(f.value) and f.qualifier not in ("range", "余", "多"):
            f.low = f.high = NAN
        f.sentence = doc.sentence_index(f.start)
        f.clause = doc.clause_at(f.start).index
    return kept
