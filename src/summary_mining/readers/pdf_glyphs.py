"""A PDF page's text layer as glyph arrays, and the text lines rebuilt from them.

PDFium gives each character of a page (content order) and its loose, font-height box. They are
read into parallel arrays — one NumPy array per coordinate, one list of characters — not into
one Python object per glyph; runs, lines, heights, gaps and spaces are then worked out over
whole arrays, and only the few lines that need a glyph-by-glyph decision (a glyph painted twice,
a raised footnote marker) are looked at one character at a time.

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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

__all__ = ["Char", "Line", "Glyphs", "PageText", "is_wide", "join_chars", "page_text", "build_lines", "raw_function"]


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
class Glyphs:
    """A page's visible characters in content order: ``ch[i]`` (code point ``cp[i]``) in the box
    ``(x0[i], y0[i], x1[i], y1[i])``."""

    ch: str
    cp: np.ndarray
    x0: np.ndarray
    y0: np.ndarray
    x1: np.ndarray
    y1: np.ndarray

    def __len__(self) -> int:
        return len(self.ch)

    def chars(self, idx: Sequence[int] | np.ndarray) -> list[Char]:
        """The glyphs at ``idx`` as :class:`Char` objects (for the few lines that need them)."""
        ix = np.asarray(idx, dtype=np.int64)
        ch = self.ch
        return [Char(ch[i], a, b, c, d) for i, a, b, c, d in zip(ix.tolist(), self.x0[ix].tolist(), self.y0[ix].tolist(),
                                                                 self.x1[ix].tolist(), self.y1[ix].tolist())]


class Line:
    """A visual text line on one page: its characters left to right and its text.

    The characters are indexes into the page's :class:`Glyphs` (``chars`` makes :class:`Char`
    objects of them on first use: only table pages ask); ``release()`` drops them once a page is
    known to hold running text only.
    """

    __slots__ = ("_glyphs", "_idx", "_chars", "page", "x0", "y0", "x1", "y1", "h", "em", "text", "cjk", "max_gap",
                 "role")

    def __init__(self, glyphs: Glyphs | None, idx: Sequence[int], page: int, x0: float, y0: float, x1: float,
                 y1: float, h: float, em: float, text: str = "", cjk: bool = False, max_gap: float = 0.0,
                 role: str = "body") -> None:
        self._glyphs, self._idx, self._chars = glyphs, idx, None
        self.page = page  # 1-based
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.h = h  # typical character height (the font's line height)
        self.em = em  # typical CJK character advance
        self.text = text
        self.cjk = cjk  # has CJK characters (``em`` is then their advance: the font size)
        self.max_gap = max_gap  # widest gap between two characters, in ``em``
        self.role = role  # body | furniture (header/footer) | table

    @property
    def chars(self) -> list[Char]:
        if self._chars is None:
            self._chars = self._glyphs.chars(self._idx) if self._glyphs is not None else []
        return self._chars

    def release(self) -> None:
        """Forget the characters (the page's glyph arrays can be freed)."""
        self._glyphs, self._idx, self._chars = None, [], []

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    def __repr__(self) -> str:
        return f"Line(page={self.page}, y0={self.y0:.1f}, text={self.text!r})"


# -- characters --------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def is_wide(ch: str) -> bool:
    """True for CJK ideographs, kana, hangul and full-width forms: no space is put next to them.

    >>> is_wide("亿"), is_wide("，"), is_wide("%"), is_wide("A")
    (True, True, False, False)
    """
    return unicodedata.east_asian_width(ch) in ("W", "F")


_WIDE_CODES: dict[int, bool] = {}


def _wide_code(code: int) -> bool:
    """:func:`is_wide` of a code point (remembered)."""
    wide = _WIDE_CODES.get(code)
    if wide is None:
        wide = _WIDE_CODES[code] = is_wide(chr(code))
    return wide


_NO_SPACE_BEFORE = frozenset("%‰℃°′″,.;:!?)]}、，。；：！？）】》”’")
_NO_SPACE_AFTER = frozenset("([{（【《“‘#$￥¥")


def _needs_space(a: str, b: str) -> bool:
    return not (is_wide(a) or is_wide(b) or b in _NO_SPACE_BEFORE or a in _NO_SPACE_AFTER)


#: A gap wider than this share of the right-hand character's height is a space (between Latin words).
GAP_RATIO = 0.12


def join_chars(chars: Sequence[Char], gap_ratio: float = GAP_RATIO) -> str:
    """Characters of one line (or cell) as text, with a space only where a Latin gap is."""
    out: list[str] = []
    prev: Char | None = None
    for c in chars:
        if prev is not None and c.x0 - prev.x1 > gap_ratio * (c.y1 - c.y0) and _needs_space(prev.ch, c.ch):
            out.append(" ")
        out.append(c.ch)
        prev = c
    return "".join(out)


# -- the text layer ----------------------------------------------------------------------

_GARBAGE = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: code points page_text drops (spacing is decided from geometry): controls, whitespace and the
#: BOM; the empty string left by a surrogate pair's second half reads as code point 0
_SKIP = np.array([chr(i) <= " " or chr(i).isspace() or i == 0xFEFF for i in range(0xFEFF + 1)], dtype=bool)


def _skipped(cp: np.ndarray) -> np.ndarray:
    return _SKIP[np.minimum(cp, len(_SKIP) - 1)] & (cp < len(_SKIP))


@dataclass
class PageText:
    """A page's glyphs, where each run of them starts, and counts for judging the text layer.

    A run is consecutive glyphs (content order) on one visual band going rightwards:
    ``glyphs[starts[k]:starts[k + 1]]``.
    """

    glyphs: Glyphs
    starts: list[int]
    n_chars: int = 0
    checked: int = 0  # characters sampled for a Unicode mapping
    unmapped: int = 0  # ... of which had none (glyph codes, ``(cid:NN)``)
    garbage: int = 0  # private-use, U+FFFD and control characters


_BOX_PROTOTYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
_INDEX_PROTOTYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_RAW_FUNCTIONS: dict[tuple[int, Any], Any] = {}


def raw_function(fn: Any, prototype: Any) -> Any:
    """A PDFium function called with plain integers and addresses: no ctypes object is made per
    call (``FPDFText_GetLooseCharBox`` runs once per glyph)."""
    address = ctypes.cast(fn, ctypes.c_void_p).value or 0
    key = (address, prototype)
    if key not in _RAW_FUNCTIONS:
        _RAW_FUNCTIONS[key] = prototype(address)
    return _RAW_FUNCTIONS[key]


def _boxes(c: Any, raw: Any, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The loose boxes of the glyphs ``which`` as float64 rows of left, top, right, bottom, and
    whether PDFium had one."""
    n = len(which)
    buf = np.zeros((n, 4), dtype=np.float32)
    box = raw_function(c.FPDFText_GetLooseCharBox, _BOX_PROTOTYPE)
    page = ctypes.cast(raw, ctypes.c_void_p).value
    base = buf.ctypes.data
    ok = np.fromiter(map(box, [page] * n, which.tolist(), range(base, base + 16 * n, 16)), dtype=bool, count=n)
    return buf.astype(np.float64), ok


def _runs(x0: list[float], y0: list[float], x1: list[float], y1: list[float]) -> list[int]:
    """Where each run starts: a glyph continues the run when it overlaps the run's band by half
    the smaller height and does not step back left; a bigger glyph sets the run's band (a raised
    footnote marker stays in its run)."""
    starts = [0]
    rx1, ry0, ry1 = x1[0], y0[0], y1[0]
    i = 0
    for b0, a0, b1, a1 in zip(x0, y0, x1, y1):
        if i == 0:
            i = 1
            continue
        h = a1 - a0
        rh = ry1 - ry0
        if ((a1 if a1 < ry1 else ry1) - (a0 if a0 > ry0 else ry0) >= 0.5 * (h if h < rh else rh)
                and b0 >= rx1 - 0.6 * (h if h > rh else rh)):
            if b1 > rx1:
                rx1 = b1
            if h > 1.25 * rh:
                ry0, ry1 = a0, a1
            elif h >= 0.8 * rh:
                if a0 < ry0:
                    ry0 = a0
                if a1 > ry1:
                    ry1 = a1
        else:
            starts.append(i)
            rx1, ry0, ry1 = b1, a0, a1
        i += 1
    return starts


def page_text(textpage: object, raw_api: object) -> PageText:
    """The visible characters of a PDFium text page as glyph arrays, cut into runs.

    Whitespace and PDFium's generated characters are dropped (spacing is decided later from
    geometry), and a sample of characters is checked for a missing Unicode mapping so the caller
    can tell a text layer of glyph garbage.
    """
    c: Any = raw_api
    raw = textpage.raw  # type: ignore[attr-defined]
    n = c.FPDFText_CountChars(raw)
    if n <= 0:
        return PageText(Glyphs("", *(np.zeros(0) for _ in range(5))), [])
    text: str | list[str] = textpage.get_text_range()  # type: ignore[attr-defined]
    if len(text) != n:  # excluded/inserted characters or non-BMP: ask char by char
        text = "".join(chr(c.FPDFText_GetUnicode(raw, i) or 0xFFFD) for i in range(n))
    if _SURROGATE.search(text):  # type: ignore[arg-type]
        text = _pair_surrogates(text)  # type: ignore[arg-type]
        cp = np.fromiter((ord(ch) if ch else 0 for ch in text), dtype=np.uint32, count=n)
    else:
        cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)  # type: ignore[union-attr]
    shown = np.flatnonzero(~_skipped(cp))
    boxes, ok = _boxes(c, raw, shown)
    left, top, right, bottom = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    sel = np.flatnonzero(ok & (top - bottom > 0.1))
    kept = cp[shown[sel]]
    glyphs = Glyphs(kept.tobytes().decode("utf-32-le"), kept, left[sel], bottom[sel], right[sel], top[sel])
    starts = _runs(glyphs.x0.tolist(), glyphs.y0.tolist(), glyphs.x1.tolist(), glyphs.y1.tolist()) if len(sel) else []
    sample = [i for i in range(0, n, max(1, n // 200)) if not text[i].isspace()]
    unmapped = raw_function(c.FPDFText_HasUnicodeMapError, _INDEX_PROTOTYPE)
    page = ctypes.cast(raw, ctypes.c_void_p).value
    return PageText(glyphs, starts, n_chars=len(sel), checked=len(sample),
                    unmapped=sum(unmapped(page, i) == 1 for i in sample),
                    garbage=len(_GARBAGE.findall(text if isinstance(text, str) else "".join(text))))


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

def _segments(key: np.ndarray) -> np.ndarray:
    """Start offsets of the runs of equal values in ``key`` (sorted by segment)."""
    if not len(key):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))


def _upper_median(values: np.ndarray, seg: np.ndarray, pool: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """Per segment, ``sorted(values)[len // 2]`` over the pooled entries (all of them when none is pooled).

    ``seg`` is the segment id of each entry (non-decreasing); ``fallback`` says, per segment, to use all entries.
    """
    use = pool | fallback[seg]
    order = np.lexsort((values, ~use, seg))  # per segment: used entries first, ascending
    starts = _segments(seg)
    counts = np.add.reduceat(use.astype(np.int64), starts)
    return values[order[starts + counts // 2]]


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


def _drop_superscripts(idx: list[int], small: list[bool], ch: list[str]) -> list[int]:
    """Leave out raised, smaller footnote markers (``值²``, ``值[2]``): ``small`` flags the raised
    glyphs; a group of them is dropped when it reads as a marker (m² stays)."""
    out: list[int] = []
    i = 0
    while i < len(idx):
        if not small[i]:
            out.append(idx[i])
            i += 1
            continue
        j = i
        while j < len(idx) and small[j]:
            j += 1
        group = "".join(ch[k] for k in idx[i:j])
        prev = ch[out[-1]] if out else ""
        is_exponent = group.isdigit() and prev.isascii() and prev.isalpha()
        if not _SUPERSCRIPT_MARKER.match(group) or is_exponent:
            out.extend(idx[i:j])
        i = j
    return out


def _groups(glyphs: Glyphs, starts: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The page's runs grouped into lines, top to bottom: glyph indexes in group order, and the group of each.

    A run's band is that of its tallest-class glyphs (superscripts left out); runs are taken top
    to bottom and a run joins the line above when the bands overlap by half the smaller one.
    """
    n = len(glyphs)
    st = np.asarray(starts, dtype=np.int64)
    run_of = np.repeat(np.arange(len(st)), np.diff(np.append(st, n)))
    h = glyphs.y1 - glyphs.y0
    main = h >= 0.8 * np.maximum.reduceat(h, st)[run_of]
    lo = np.minimum.reduceat(np.where(main, glyphs.y0, np.inf), st)
    hi = np.maximum.reduceat(np.where(main, glyphs.y1, -np.inf), st)
    order = np.argsort(-(lo + hi), kind="stable").tolist()
    los, his = lo.tolist(), hi.tolist()
    group_of = [0] * len(st)
    g, glo, ghi = -1, 0.0, 0.0
    for r in order:
        y0, y1 = los[r], his[r]
        if g >= 0 and (y1 if y1 < ghi else ghi) - (y0 if y0 > glo else glo) >= 0.5 * min(y1 - y0, ghi - glo):
            group_of[r] = g
            if y1 - y0 > 1.25 * (ghi - glo):
                glo, ghi = y0, y1
            continue
        g += 1
        group_of[r] = g
        glo, ghi = y0, y1
    order_a = np.asarray(order, dtype=np.int64)
    lengths = np.diff(np.append(st, n))[order_a]
    cat = np.arange(n) + np.repeat(st[order_a] - np.cumsum(lengths) + lengths, lengths)
    gid = np.asarray(group_of, dtype=np.int64)[run_of[cat]]
    by_x = np.argsort(glyphs.x0[cat], kind="stable")  # within a line left to right, ties in group order
    by_x = by_x[np.argsort(gid[by_x], kind="stable")]
    return cat[by_x], gid[by_x]


def build_lines(found: PageText, page: int) -> list[Line]:
    """Group a page's runs into lines, top to bottom, each left to right."""
    glyphs = found.glyphs
    if not len(glyphs):
        return []
    cat, gid = _groups(glyphs, found.starts)
    cat, gid = _dedupe_lines(glyphs, cat, gid)
    x0, y0, x1, y1 = glyphs.x0[cat], glyphs.y0[cat], glyphs.x1[cat], glyphs.y1[cat]
    cp = glyphs.cp[cat]
    text = cp.tobytes().decode("utf-32-le")  # the glyphs in line order
    m = len(cat)
    starts = _segments(gid)
    ends = np.append(starts[1:], m)
    line_of = np.repeat(np.arange(len(starts)), ends - starts)
    codes, inverse = np.unique(cp, return_inverse=True)
    wide = np.fromiter(map(_wide_code, codes.tolist()), dtype=bool, count=len(codes))[inverse]
    has_wide = np.logical_or.reduceat(wide, starts)
    heights = y1 - y0
    # CJK glyphs give the font size; Latin digits often come from a font with taller boxes
    h = _upper_median(heights, line_of, wide, ~has_wide)
    main = heights >= 0.8 * h[line_of]
    main |= ~np.logical_or.reduceat(main, starts)[line_of]
    top = np.maximum.reduceat(np.where(main, y1, -np.inf), starts)
    base = np.minimum.reduceat(np.where(main, y0, np.inf), starts)
    em = np.where(has_wide, _upper_median(x1 - x0, line_of, wide, ~has_wide), 0.9 * h)
    small = (heights < 0.9 * h[line_of]) & (y0 > base[line_of] + 0.2 * h[line_of])
    has_small = np.logical_or.reduceat(small, starts).tolist()
    # gaps between neighbours of one line; a space where a Latin gap is
    first = np.zeros(m, dtype=bool)
    first[starts] = True
    gap = np.append(0.0, x0[1:] - x1[:-1])
    widest = np.maximum(np.maximum.reduceat(np.where(first, 0.0, gap), starts), 0.0)
    spaces = [i for i in np.flatnonzero(~first & (gap > GAP_RATIO * heights)).tolist()
              if _needs_space(text[i - 1], text[i])]
    right = np.maximum.reduceat(x1, starts).tolist()
    x0_l = x0.tolist()
    out: list[Line] = []
    sp = 0
    for k, (s, e, hk, emk, lo, hi, wk, cjk) in enumerate(zip(starts.tolist(), ends.tolist(), h.tolist(), em.tolist(),
                                                               base.tolist(), top.tolist(), widest.tolist(),
                                                               has_wide.tolist())):
        if has_small[k]:
            pos = list(range(s, e))
            kept = _drop_superscripts(pos, small[s:e].tolist(), text) or pos
            if len(kept) != len(pos):
                line_text, gap_k = _joined_at(text, kept, x0_l, x1, y0, y1)
                out.append(Line(glyphs, cat[kept], page, x0_l[kept[0]], lo, float(x1[kept].max()), hi, hk, emk,
                                line_text, cjk=cjk, max_gap=gap_k / emk))
                while sp < len(spaces) and spaces[sp] < e:
                    sp += 1
                continue
        if sp < len(spaces) and spaces[sp] < e:
            parts, pos = [], s
            while sp < len(spaces) and spaces[sp] < e:
                parts.append(text[pos:spaces[sp]])
                pos = spaces[sp]
                sp += 1
            parts.append(text[pos:e])
            line_text = " ".join(parts)
        else:
            line_text = text[s:e]
        out.append(Line(glyphs, cat[s:e], page, x0_l[s], lo, right[k], hi, hk, emk, line_text, cjk=cjk,
                        max_gap=wk / emk))
    return out


def _dedupe_lines(glyphs: Glyphs, cat: np.ndarray, gid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``cat``/``gid`` without glyphs painted twice (:func:`_dedupe`): only a line where a glyph
    repeats its left neighbour needs the glyph-by-glyph pass (with no such pair nothing is dropped)."""
    if len(cat) < 2:
        return cat, gid
    x0, y0, x1, cp = glyphs.x0[cat], glyphs.y0[cat], glyphs.x1[cat], glyphs.cp[cat]
    same = np.append(False, (gid[1:] == gid[:-1]) & (cp[1:] == cp[:-1])
                     & (np.abs(x0[1:] - x0[:-1]) < 0.3 * (x1[1:] - x0[1:] + 0.1)) & (np.abs(y0[1:] - y0[:-1]) < 1.0))
    if not same.any():
        return cat, gid
    keep = np.ones(len(cat), dtype=bool)
    starts = _segments(gid)
    for s, e in zip(starts.tolist(), np.append(starts[1:], len(cat)).tolist()):
        if same[s:e].any():
            cs = glyphs.chars(cat[s:e])
            survivors = {id(c) for c in _dedupe(cs)}
            keep[s:e] = [id(c) in survivors for c in cs]
    return cat[keep], gid[keep]


def _joined_at(text: str, pos: list[int], x0: list[float], x1: np.ndarray, y0: np.ndarray,
               y1: np.ndarray) -> tuple[str, float]:
    """The text of the glyphs at ``pos`` (one line, footnote markers left out) and its widest gap."""
    out: list[str] = [text[pos[0]]]
    widest = 0.0
    for a, b in zip(pos, pos[1:]):
        gap = x0[b] - float(x1[a])
        if gap > widest:
            widest = gap
        if gap > GAP_RATIO * float(y1[b] - y0[b]) and _needs_space(text[a], text[b]):
            out.append(" ")
        out.append(text[b])
    return "".join(out), widest
