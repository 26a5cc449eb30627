"""Page geometry for the PDF reader: characters, lines, rules and table regions.

Everything here works on PDFium's text layer (via ``pypdfium2``) and its page objects, which
is 20-50x faster than a pdfminer layout pass. Coordinates are PDF user space (points, y grows
upwards); a box is ``(x0, y0, x1, y1)``.

A line is rebuilt from character boxes, not from PDFium's own line breaks, so a centred heading
that PDFium glues onto the previous line (``实。 一、综 合``) comes out on a line of its own, and
spaces are decided by geometry and script: none next to a CJK character (``综 合`` -> ``综合``,
``60.07 亿元`` -> ``60.07亿元``), one between Latin words.

>>> join_chars([Char("6", 0, 0, 5, 12), Char("0", 5, 0, 10, 12), Char("亿", 13, 0, 25, 12)])
'60亿'
>>> join_chars([Char("综", 0, 0, 12, 12), Char("合", 26, 0, 38, 12)])
'综合'
>>> join_chars([Char("a", 0, 0, 5, 12), Char("b", 9, 0, 14, 12)])
'a b'
"""
from __future__ import annotations

import ctypes
import re
import statistics
import struct
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

__all__ = [
    "Char", "Line", "PageText", "Rules", "Region", "join_chars", "page_text", "build_lines", "page_rules",
    "rule_regions", "assign_lines", "column_bounds", "split_cells", "gap_split", "is_wide",
    "strip_cjk_spaces", "strip_markers",
]


class Char:
    """One character and its loose (font-height) box."""

    __slots__ = ("ch", "x0", "y0", "x1", "y1")

    def __init__(self, ch: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.ch, self.x0, self.y0, self.x1, self.y1 = ch, x0, y0, x1, y1

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    def __repr__(self) -> str:
        return f"Char({self.ch!r}, {self.x0:.1f}, {self.y0:.1f}, {self.x1:.1f}, {self.y1:.1f})"


@dataclass
class Line:
    """A visual text line on one page: its characters left to right and its text."""

    chars: list[Char]
    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    h: float  # typical character height (the font's line height)
    em: float  # typical CJK character advance
    text: str = ""
    cjk: bool = False  # has CJK characters (``em`` is then their advance: the font size)
    max_gap: float = 0.0  # widest gap between two characters, in ``em``
    role: str = "body"  # body | furniture (header/footer) | table

    @property
    def width(self) -> float:
        return self.x1 - self.x0


# -- characters --------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def is_wide(ch: str) -> bool:
    """True for CJK ideographs, kana, hangul and full-width forms: no space is put next to them.

    >>> is_wide("亿"), is_wide("，"), is_wide("%"), is_wide("A")
    (True, True, False, False)
    """
    return unicodedata.east_asian_width(ch) in ("W", "F")


_NO_SPACE_BEFORE = frozenset("%‰℃°′″,.;:!?)]}、，。；：！？）】》”’")
_NO_SPACE_AFTER = frozenset("([{（【《“‘#$￥¥")


def _needs_space(a: str, b: str) -> bool:
    return not (is_wide(a) or is_wide(b) or b in _NO_SPACE_BEFORE or a in _NO_SPACE_AFTER)


def join_chars(chars: Sequence[Char], gap_ratio: float = 0.12) -> str:
    """Characters of one line (or cell) as text, with a space only where a Latin gap is."""
    return _join_gap(chars, gap_ratio)[0]


def _join_gap(chars: Sequence[Char], gap_ratio: float = 0.12) -> tuple[str, float]:
    """``join_chars`` and the widest gap between two neighbouring characters."""
    out: list[str] = []
    prev: Char | None = None
    widest = 0.0
    for c in chars:
        if prev is not None:
            gap = c.x0 - prev.x1
            if gap > widest:
                widest = gap
            if gap > gap_ratio * (c.y1 - c.y0) and _needs_space(prev.ch, c.ch):
                out.append(" ")
        out.append(c.ch)
        prev = c
    return "".join(out), widest


_WIDE_CLASS = "\u2e80-\u303f\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_BLANK_RUN = re.compile("[ \u00a0]+")
_WIDE_CHAR = re.compile(f"[{_WIDE_CLASS}]")
_CJK_SPACE = re.compile(f"(?<=[{_WIDE_CLASS}])[ \u00a0]+|[ \u00a0]+(?=[{_WIDE_CLASS}])")


def strip_cjk_spaces(text: str) -> str:
    """Drop spaces next to CJK characters (text from another extractor, e.g. pdfplumber cells).

    >>> strip_cjk_spaces("综 合 60.07 亿元 PM2.5 index")
    '综合60.07亿元PM2.5 index'
    """
    if " " not in text and "\u00a0" not in text:
        return text
    # one pass over the blank runs: the lookahead alternative of _CJK_SPACE would rescan a long
    # run of spaces from each of its characters (quadratic)
    out: list[str] = []
    pos, n = 0, len(text)
    for m in _BLANK_RUN.finditer(text):
        s, e = m.span()
        if (s > 0 and _WIDE_CHAR.match(text[s - 1])) or (e < n and _WIDE_CHAR.match(text[e])):
            out.append(text[pos:s])
            pos = e
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


# A footnote marker like [2] glued between a CJK word and a figure or word: 值[2]1329.65亿元.
_MARKER = re.compile(r"(?<=[\u3400-\u9fff）)])[\[［]\d{1,2}[\]］](?=[\d\u3400-\u9fff（(])")


def strip_markers(text: str) -> str:
    """Remove ``[n]`` footnote markers that sit inside running text.

    >>> strip_markers("全年全州生产总值[2]1329.65亿元")
    '全年全州生产总值1329.65亿元'
    >>> strip_markers("[1]本公报数据为初步统计数。")
    '[1]本公报数据为初步统计数。'
    """
    return _MARKER.sub("", text)


_RECT = struct.Struct("4f")
_GARBAGE = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")


@dataclass
class PageText:
    """A page's characters grouped into runs, and counts for judging the text layer."""

    runs: list[list[Char]]
    n_chars: int = 0
    checked: int = 0  # characters sampled for a Unicode mapping
    unmapped: int = 0  # ... of which had none (glyph codes, ``(cid:NN)``)
    garbage: int = 0  # private-use, U+FFFD and control characters


def page_text(textpage: object, raw_api: object) -> PageText:
    """The visible characters of a PDFium text page, grouped into runs.

    A run is consecutive characters (content order) on one visual band going rightwards; a
    raised footnote marker stays in its run. Whitespace and PDFium's generated characters are
    dropped (spacing is decided later from geometry), and a sample of characters is checked
    for a missing Unicode mapping so the caller can tell a text layer of glyph garbage.
    """
    c = raw_api
    raw = textpage.raw  # type: ignore[attr-defined]
    n = c.FPDFText_CountChars(raw)  # type: ignore[attr-defined]
    out = PageText([])
    if n <= 0:
        return out
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    if len(text) != n:  # excluded/inserted characters or non-BMP: ask char by char
        text = "".join(chr(c.FPDFText_GetUnicode(raw, i) or 0xFFFD) for i in range(n))  # type: ignore[attr-defined]
    if _SURROGATE.search(text):
        text = _pair_surrogates(text)
    rect = c.FS_RECTF()  # type: ignore[attr-defined]  # fields: left, top, right, bottom
    pr = ctypes.byref(rect)
    unpack = _RECT.unpack_from
    box = c.FPDFText_GetLooseCharBox  # type: ignore[attr-defined]
    unmapped = c.FPDFText_HasUnicodeMapError  # type: ignore[attr-defined]
    runs = out.runs
    run: list[Char] = []
    rx1 = ry0 = ry1 = 0.0
    count = 0
    skip = _SKIP_CHARS
    for i, ch in enumerate(text):
        if ch in skip or not box(raw, i, pr):
            continue
        x0, y1, x1, y0 = unpack(rect)
        h = y1 - y0
        if h <= 0.1:
            continue
        count += 1
        char = Char(ch, x0, y0, x1, y1)
        if run:
            rh = ry1 - ry0
            overlap = (y1 if y1 < ry1 else ry1) - (y0 if y0 > ry0 else ry0)
            if overlap >= 0.5 * (h if h < rh else rh) and x0 >= rx1 - 0.6 * (h if h > rh else rh):
                run.append(char)
                if x1 > rx1:
                    rx1 = x1
                if h > 1.25 * rh:  # a bigger glyph sets the run's band
                    ry0, ry1 = y0, y1
                elif h >= 0.8 * rh:
                    ry0, ry1 = (y0 if y0 < ry0 else ry0), (y1 if y1 > ry1 else ry1)
                continue
        run = [char]
        runs.append(run)
        rx1, ry0, ry1 = x1, y0, y1
    sample = [i for i in range(0, n, max(1, n // 200)) if not text[i].isspace()]
    out.n_chars, out.checked = count, len(sample)
    out.unmapped = sum(unmapped(raw, i) == 1 for i in sample)
    out.garbage = len(_GARBAGE.findall("".join(text)))
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")
#: characters page_text drops (spacing is decided from geometry): controls, whitespace, BOM, and
#: the empty string left by a surrogate pair's second half
_SKIP_CHARS = frozenset(chr(i) for i in range(0x10000) if chr(i) <= " " or chr(i).isspace()) | {"\ufeff", ""}


def _pair_surrogates(text: str) -> list[str]:
    """PDFium counts UTF-16 units: a surrogate pair is two character indexes. The pair's
    character goes to the first index and the second is left empty (skipped like a space); a
    lone surrogate, from a broken ToUnicode map, becomes U+FFFD.

    >>> _pair_surrogates("a\\ud840\\udc00b\\udc00")
    ['a', '𠀀', '', 'b', '\ufffd']
    """
    out = list(text)
    i = 0
    while i < len(out):
        ch = out[i]
        if "\ud800" <= ch <= "\udbff" and i + 1 < len(out) and "\udc00" <= out[i + 1] <= "\udfff":
            out[i] = chr(0x10000 + ((ord(ch) - 0xD800) << 10) + ord(out[i + 1]) - 0xDC00)
            out[i + 1] = ""
            i += 2
            continue
        if "\ud800" <= ch <= "\udfff":
            out[i] = "\ufffd"
        i += 1
    return out


# -- lines -------------------------------------------------------------------------------

def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _band(run: list[Char]) -> tuple[float, float]:
    """The vertical band of a run: its tallest-class characters (superscripts left out)."""
    h = max(c.y1 - c.y0 for c in run)
    main = [c for c in run if c.y1 - c.y0 >= 0.8 * h]
    return min(c.y0 for c in main), max(c.y1 for c in main)


def _dedupe(chars: list[Char]) -> list[Char]:
    """Drop a glyph painted twice at (almost) the same place (fake bold)."""
    out: list[Char] = []
    for c in chars:
        if out:
            p = out[-1]
            if p.ch == c.ch and abs(p.x0 - c.x0) < 0.3 * (c.x1 - c.x0 + 0.1) and abs(p.y0 - c.y0) < 1.0:
                continue
        out.append(c)
    return out


_SUPERSCRIPT_MARKER = re.compile(r"^(?:[\[［(（]?\d{1,3}[\]］)）]?|[*※†‡]+|[\u2460-\u2473])$")


def _drop_superscripts(chars: list[Char], h: float, base: float) -> list[Char]:
    """Remove raised, smaller footnote markers (``值²``, ``值[2]``) from a line's characters."""
    small = [c.y1 - c.y0 < 0.9 * h and c.y0 > base + 0.2 * h for c in chars]
    if not any(small):
        return chars
    out: list[Char] = []
    i = 0
    while i < len(chars):
        if not small[i]:
            out.append(chars[i])
            i += 1
            continue
        j = i
        while j < len(chars) and small[j]:
            j += 1
        group = "".join(c.ch for c in chars[i:j])
        prev = out[-1].ch if out else ""
        is_exponent = group.isdigit() and prev.isascii() and prev.isalpha()  # m² stays
        if not _SUPERSCRIPT_MARKER.match(group) or is_exponent:
            out.extend(chars[i:j])
        i = j
    return out


def _median(values: list[float]) -> float:
    values.sort()
    return values[len(values) // 2]


def _make_line(chars: list[Char], page: int) -> Line:
    chars.sort(key=lambda c: c.x0)
    chars = _dedupe(chars)
    wide = [c for c in chars if is_wide(c.ch)]
    # CJK glyphs give the font size; Latin digits often come from a font with taller boxes
    h = _median([c.y1 - c.y0 for c in (wide or chars)])
    main = [c for c in chars if c.y1 - c.y0 >= 0.8 * h] or chars
    y0 = min(c.y0 for c in main)
    y1 = max(c.y1 for c in main)
    chars = _drop_superscripts(chars, h, y0) or chars
    em = _median([c.x1 - c.x0 for c in wide]) if wide else 0.9 * h
    text, widest = _join_gap(chars)
    return Line(chars, page, chars[0].x0, y0, max(c.x1 for c in chars), y1, h, em, text, cjk=bool(wide),
                max_gap=widest / em)


def build_lines(runs: list[list[Char]], page: int) -> list[Line]:
    """Group a page's runs into lines, top to bottom, each left to right."""
    bands = sorted(((*_band(r), r) for r in runs), key=lambda b: -(b[0] + b[1]))
    groups: list[list[Char]] = []
    lo = hi = 0.0
    for y0, y1, run in bands:
        if groups and _overlap(y0, y1, lo, hi) >= 0.5 * min(y1 - y0, hi - lo):
            groups[-1].extend(run)
            if y1 - y0 > 1.25 * (hi - lo):
                lo, hi = y0, y1
            continue
        groups.append(list(run))
        lo, hi = y0, y1
    return [_make_line(g, page) for g in groups]


# -- rules (ruling lines) ----------------------------------------------------------------

@dataclass
class Rules:
    """Horizontal and vertical ruling segments on a page: ``(y, x0, x1)`` and ``(x, y0, y1)``."""

    h: list[tuple[float, float, float]] = field(default_factory=list)
    v: list[tuple[float, float, float]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.h or self.v)


_MAX_SEGMENTS = 600


def _path_bounds(page_raw: object, c: object, max_depth: int = 4) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of the path objects on a page (descending into form XObjects)."""
    out: list[tuple[float, float, float, float]] = []
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
    path_t, form_t = c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM  # type: ignore[attr-defined]

    def walk(count, get, parent, matrix, depth):  # type: ignore[no-untyped-def]
        for i in range(count(parent)):
            obj = get(parent, i)
            if not obj:
                continue
            kind = c.FPDFPageObj_GetType(obj)  # type: ignore[attr-defined]
            if kind == path_t:
                if c.FPDFPageObj_GetBounds(obj, *refs):  # type: ignore[attr-defined]
                    out.append(_transform(matrix, l.value, b.value, r.value, t.value))
            elif kind == form_t and depth < max_depth:
                m = c.FS_MATRIX()  # type: ignore[attr-defined]
                if c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):  # type: ignore[attr-defined]
                    inner = _compose((m.a, m.b, m.c, m.d, m.e, m.f), matrix)
                    count, get = c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject  # type: ignore[attr-defined]
                    walk(count, get, obj, inner, depth + 1)
            if len(out) > _MAX_SEGMENTS * 4:
                return

    walk(c.FPDFPage_CountObjects, c.FPDFPage_GetObject, page_raw, None, 0)  # type: ignore[attr-defined]
    return out


Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: Matrix, outer: Matrix | None) -> Matrix:
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _transform(m: Matrix | None, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    if m is None:
        return x0, y0, x1, y1
    a, b, c, d, e, f = m
    pts = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def page_rules(page_raw: object, raw_api: object, page_area: float) -> Rules:
    """Ruling segments from the page's path objects; a filled box counts as its four edges."""
    rules = Rules()
    for x0, y0, x1, y1 in _path_bounds(page_raw, raw_api):
        w, h = x1 - x0, y1 - y0
        if h <= 4 and w >= 15:
            rules.h.append(((y0 + y1) / 2, x0, x1))
        elif w <= 4 and h >= 6:
            rules.v.append(((x0 + x1) / 2, y0, y1))
        elif w >= 15 and h >= 6 and w * h < 0.5 * page_area:
            rules.h += [(y0, x0, x1), (y1, x0, x1)]
            rules.v += [(x0, y0, y1), (x1, y0, y1)]
    if len(rules.h) + len(rules.v) > _MAX_SEGMENTS:  # a vector chart, not a table
        return Rules()
    return rules


# -- table regions -----------------------------------------------------------------------

@dataclass
class Region:
    """A table's area on a page, found from its ruling lines (or from aligned whitespace)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    hs: list[float] = field(default_factory=list)  # y of horizontal rules, top to bottom
    vs: list[float] = field(default_factory=list)  # x of interior vertical rules
    top_rule: bool = False
    lines: list[Line] = field(default_factory=list)

    @property
    def header_sep(self) -> float | None:
        """The rule under the header row (second rule from the top of a table with a top rule)."""
        inner = [y for y in self.hs if self.y0 + 2 < y < self.y1 - 2]
        return inner[0] if self.top_rule and inner else None

    @property
    def is_grid(self) -> bool:
        """Rows separated by rules (a fully ruled table): pdfplumber reads its cells best."""
        inner = [y for y in self.hs if self.y0 + 2 < y < self.y1 - 2]
        return len(inner) >= 2 and bool(self.vs)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


_CAPTION = re.compile(r"^\s*[表图]\s*\d")


def _merge_close(values: Iterable[float], tol: float = 3.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def rule_regions(rules: Rules, lines: Sequence[Line], page: int, tol: float = 3.0) -> list[Region]:
    """Table regions on a page: connected ruling lines, and stacks of equal-width rules."""
    hs, vs = rules.h, rules.v
    n = len(hs) + len(vs)
    if n == 0:
        return []
    uf = _UnionFind(n)
    for i, (y, x0, x1) in enumerate(hs):
        for j, (y2, a0, a1) in enumerate(hs[:i]):
            if abs(y - y2) <= tol and _overlap(x0, x1, a0, a1) >= -tol:
                uf.union(i, j)
        for k, (x, v0, v1) in enumerate(vs):
            if x0 - tol <= x <= x1 + tol and v0 - tol <= y <= v1 + tol:
                uf.union(i, len(hs) + k)
    for k, (x, v0, v1) in enumerate(vs):
        for m, (x2, w0, w1) in enumerate(vs[:k]):
            if abs(x - x2) <= tol and _overlap(v0, v1, w0, w1) >= -tol:
                uf.union(len(hs) + k, len(hs) + m)
    comps: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(hs)):
        comps.setdefault(uf.find(i), ([], []))[0].append(i)
    for k in range(len(vs)):
        comps.setdefault(uf.find(len(hs) + k), ([], []))[1].append(k)
    regions: list[Region] = []
    lone: list[tuple[float, float, float]] = []
    for h_idx, v_idx in comps.values():
        if v_idx and h_idx:
            regions.append(_component_region([hs[i] for i in h_idx], [vs[k] for k in v_idx], page, tol))
        elif h_idx and not v_idx:
            lone += [hs[i] for i in h_idx]
    regions += _stacked_rules(lone, lines, page, tol)
    return [r for r in regions if r.x1 - r.x0 > 40 and r.y1 - r.y0 > 8]


def _component_region(h: list[tuple[float, float, float]], v: list[tuple[float, float, float]], page: int,
                      tol: float) -> Region:
    x0 = min([s[1] for s in h] + [s[0] for s in v])
    x1 = max([s[2] for s in h] + [s[0] for s in v])
    y0 = min([s[0] for s in h] + [s[1] for s in v])
    y1 = max([s[0] for s in h] + [s[2] for s in v])
    ys = _merge_close((s[0] for s in h if s[2] - s[1] > 0.5 * (x1 - x0)), tol)[::-1]
    xs = _merge_close((s[0] for s in v if x0 + 2 * tol < s[0] < x1 - 2 * tol
                       and s[2] - s[1] > 0.3 * (y1 - y0)), tol)
    top_rule = bool(ys) and ys[0] >= y1 - 2 * tol
    return Region(page, x0, y0, x1, y1, ys, xs, top_rule)


def _stacked_rules(lone: list[tuple[float, float, float]], lines: Sequence[Line], page: int,
                   tol: float) -> list[Region]:
    """Three-line tables without vertical rules: equal-width rules stacked with rows between."""
    lone = sorted(lone, key=lambda s: -s[0])
    used: set[int] = set()
    regions: list[Region] = []
    for i, (y, x0, x1) in enumerate(lone):
        if i in used:
            continue
        chain = [i]
        for j in range(i + 1, len(lone)):
            y2, a0, a1 = lone[j]
            if j in used or abs(a0 - x0) > 2 * tol or abs(a1 - x1) > 2 * tol:
                continue
            between = [ln for ln in lines if y2 < (ln.y0 + ln.y1) / 2 < lone[chain[-1]][0]]
            if any(_CAPTION.match(ln.text) or ln.x0 < x0 - 6 or ln.x1 > x1 + 6 for ln in between):
                break
            chain.append(j)
        if len(chain) >= 2:
            used.update(chain)
            ys = [lone[k][0] for k in chain]
            regions.append(Region(page, x0, ys[-1], x1, ys[0], ys, [], True))
    return regions


def assign_lines(regions: list[Region], lines: Sequence[Line]) -> None:
    """Give each region the lines whose middle lies inside it."""
    for ln in lines:
        if ln.role != "body":
            continue
        mid = (ln.y0 + ln.y1) / 2
        for r in regions:
            if r.y0 - 1 <= mid <= r.y1 + 1 and _overlap(ln.x0, ln.x1, r.x0, r.x1) >= 0.5 * max(ln.width, 1):
                r.lines.append(ln)
                break


# -- columns -----------------------------------------------------------------------------

def gap_split(line: Line, min_gap_em: float = 1.8) -> list[list[Char]]:
    """A line's characters cut at wide gaps (candidate table cells)."""
    em = line.em or line.h
    groups: list[list[Char]] = [[line.chars[0]]]
    for prev, c in zip(line.chars, line.chars[1:]):
        if c.x0 - prev.x1 >= min_gap_em * em:
            groups.append([c])
        else:
            groups[-1].append(c)
    return groups


def column_bounds(lines: Sequence[Line], min_gap_em: float = 1.8) -> list[float]:
    """Column separators (x positions) from whitespace that runs through every line."""
    spans: list[tuple[float, float]] = []
    em = statistics.median(ln.em or ln.h for ln in lines) if lines else 10.0
    for ln in lines:
        for g in gap_split(ln, min_gap_em):
            spans.append((g[0].x0, max(c.x1 for c in g)))
    if not spans:
        return []
    spans.sort()
    cuts: list[float] = []
    end = spans[0][1]
    for s0, s1 in spans[1:]:
        if s0 - end >= 0.8 * em:
            cuts.append((s0 + end) / 2)
        end = max(end, s1)
    return cuts


def split_cells(line: Line, bounds: Sequence[float]) -> list[str]:
    """A line's text cut into ``len(bounds) + 1`` cells by column separators."""
    cells: list[list[Char]] = [[] for _ in range(len(bounds) + 1)]
    for c in line.chars:
        cells[bisect_right(bounds, (c.x0 + c.x1) / 2)].append(c)
    return [strip_markers(join_chars(cs)).strip() for cs in cells]
