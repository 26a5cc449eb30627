"""Page geometry for the PDF reader: rules, table regions and columns (lines come from
:mod:`.pdf_glyphs`, which this module re-exports).

Everything here works on PDFium's text layer (via ``pypdfium2``) and its page objects, which
is 20-50x faster than a pdfminer layout pass. Coordinates are PDF user space (points, y grows
upwards); a box is ``(x0, y0, x1, y1)``.

>>> join_chars([Char("6", 0, 0, 5, 12), Char("0", 5, 0, 10, 12), Char("亿", 13, 0, 25, 12)])
'60亿'
"""
from __future__ import annotations

import ctypes
import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from .pdf_glyphs import Char, Line, PageText, build_lines, is_wide, join_chars, page_text, raw_function

__all__ = [
    "Char", "Line", "PageText", "Rules", "Region", "join_chars", "page_text", "build_lines", "page_rules",
    "rule_regions", "assign_lines", "column_bounds", "split_cells", "gap_split", "is_wide",
    "strip_cjk_spaces", "strip_markers",
]


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


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


# -- rules (ruling lines) ----------------------------------------------------------------

@dataclass
class Rules:
    """Horizontal and vertical ruling segments on a page: ``(y, x0, x1)`` and ``(x, y0, y1)``."""

    h: list[tuple[float, float, float]] = field(default_factory=list)
    v: list[tuple[float, float, float]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.h or self.v)


_MAX_SEGMENTS = 600


_P = ctypes.c_void_p
_COUNT = ctypes.CFUNCTYPE(ctypes.c_int, _P)
_GET = ctypes.CFUNCTYPE(_P, _P, ctypes.c_int)
_GET_FORM = ctypes.CFUNCTYPE(_P, _P, ctypes.c_ulong)
_BOUNDS = ctypes.CFUNCTYPE(ctypes.c_int, _P, _P, _P, _P, _P)


def _path_bounds(page_raw: object, c: object, max_depth: int = 4) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of the path objects on a page (descending into form XObjects).

    PDFium is called through plain-address prototypes (:func:`raw_function`): a page of text
    has one object per glyph run, and this walk visits every one of them.
    """
    out: list[tuple[float, float, float, float]] = []
    box = np.zeros(4, dtype=np.float32)
    a = box.ctypes.data
    refs = (a, a + 4, a + 8, a + 12)
    path_t, form_t = c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM  # type: ignore[attr-defined]
    kind_of = raw_function(c.FPDFPageObj_GetType, _COUNT)  # type: ignore[attr-defined]
    bounds = raw_function(c.FPDFPageObj_GetBounds, _BOUNDS)  # type: ignore[attr-defined]
    form_count = raw_function(c.FPDFFormObj_CountObjects, _COUNT)  # type: ignore[attr-defined]
    form_get = raw_function(c.FPDFFormObj_GetObject, _GET_FORM)  # type: ignore[attr-defined]

    def walk(count, get, parent, matrix, depth):  # type: ignore[no-untyped-def]
        n = count(parent)
        objs = [o for o in map(get, [parent] * n, range(n)) if o]
        for obj, kind in zip(objs, map(kind_of, objs)):
            if kind == path_t:
                if bounds(obj, *refs):
                    l, b, r, t = box.tolist()
                    out.append(_transform(matrix, l, b, r, t))
            elif kind == form_t and depth < max_depth:
                m = c.FS_MATRIX()  # type: ignore[attr-defined]
                if c.FPDFPageObj_GetMatrix(ctypes.cast(obj, c.FPDF_PAGEOBJECT), ctypes.byref(m)):  # type: ignore[attr-defined]
                    inner = _compose((m.a, m.b, m.c, m.d, m.e, m.f), matrix)
                    walk(form_count, form_get, obj, inner, depth + 1)
            if len(out) > _MAX_SEGMENTS * 4:
                return

    page = ctypes.cast(page_raw, _P).value
    walk(raw_function(c.FPDFPage_CountObjects, _COUNT), raw_function(c.FPDFPage_GetObject, _GET),  # type: ignore[attr-defined]
         page, None, 0)
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
