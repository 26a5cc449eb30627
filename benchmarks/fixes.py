"""Proposed hot-path fixes, as monkeypatches, so their gain can be measured before anyone edits src/.

Each fix is a function that installs a patch and returns an undo callable. ``applied(names)``
installs several for the duration of a ``with`` block. ``check_identical`` runs ``extract`` with
and without the fixes over the dev documents and asserts the frames are equal, so a fix that
changes any output is caught here rather than by the test suite later.

The code of each patch is the proposed change: copy the function body into the named module.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

import numpy as np
import pandas as pd
import regex

import summary_mining.extraction as extraction
import summary_mining.frame as frame
import summary_mining.metrics as metrics
import summary_mining.normalize as normalize_mod
import summary_mining.outline as outline
import summary_mining.segment as segment
from summary_mining.datafiles import MATCH_TIMEOUT
from summary_mining.model import Sentence

Undo = Callable[[], None]


def _swap(module, name: str, new) -> Undo:
    old = getattr(module, name)
    setattr(module, name, new)
    return lambda: setattr(module, name, old)


# -- F1 frame.to_frame: resolved dtypes, numpy for numeric columns, one transpose -------------------
_RESOLVED: dict[str, object] = {}
try:  # pandas >= 3 with pyarrow: "string" is pyarrow-backed with pd.NA; build those columns in one arrow call
    import pyarrow as _pa

    _ARROW_STRING = pd.api.types.pandas_dtype("string")
    if getattr(_ARROW_STRING, "storage", None) != "pyarrow" or _ARROW_STRING.na_value is not pd.NA:
        _ARROW_STRING = None
except ImportError:  # pragma: no cover
    _ARROW_STRING = None


def _resolved(dtypes: dict[str, str]) -> dict[str, object]:
    key = id(dtypes)
    if key not in _RESOLVED:
        _RESOLVED[key] = {c: pd.api.types.pandas_dtype(t) for c, t in dtypes.items()}
    return _RESOLVED[key]  # type: ignore[return-value]


def to_frame_fast(rows: list[dict], dtypes: dict[str, str] = frame.DTYPES) -> pd.DataFrame:
    """Same frame as ``frame.to_frame``: dtype strings resolved once (pandas' registry lookup of
    ``"string"``/``"Int64"`` is ~40 % of the old cost), numeric columns built by numpy, string
    columns by one ``pyarrow.array`` call when "string" is pyarrow-backed (pandas 3), and the rows
    transposed with one ``zip`` instead of one list comprehension per column."""
    if not rows:
        return frame.empty_frame(dtypes)
    resolved = _resolved(dtypes)
    names = list(resolved)
    columns = zip(*[[r[c] for c in names] for r in rows])
    data = {}
    for (c, t), values in zip(resolved.items(), columns):
        if isinstance(t, np.dtype):
            data[c] = np.array(values, dtype=t)
        elif _ARROW_STRING is not None and t == _ARROW_STRING:
            data[c] = pd.arrays.ArrowStringArray(_pa.array(values, type=_pa.large_string()))
        else:
            data[c] = pd.array(list(values), dtype=t)
    return pd.DataFrame(data, copy=False)


def fix_frame() -> Undo:
    undo = [_swap(frame, "to_frame", to_frame_fast), _swap(extraction, "to_frame", to_frame_fast)]
    return lambda: [u() for u in undo]


# -- F2 normalize: translate only when a character needs it ---------------------------------------
_NEEDS = regex.compile("[" + "".join(regex.escape(chr(k)) for k in normalize_mod.NORMALIZE_TABLE) + "]")


def normalize_sparse(text: str) -> str:
    """Same result as ``text.translate(NORMALIZE_TABLE)``. ``str.translate`` with a dict walks every
    character through a Python-level mapping lookup (~70 ns/char on CJK text); most documents need
    few or no replacements, so find them with one compiled character-class scan and translate only
    the hits."""
    table = normalize_mod.NORMALIZE_TABLE
    if _NEEDS.search(text) is None:
        return text
    return _NEEDS.sub(lambda m: table[ord(m.group())], text)


def fix_normalize() -> Undo:
    return _swap(normalize_mod, "normalize", normalize_sparse)


# -- F3 metrics._rejects_start: one C call for the ordinal prefixes -------------------------------
def rejects_start_fast(ctx, start: int, num: str) -> bool:
    """Same as ``metrics._rejects_start``; ``str.endswith(tuple, 0, start)`` replaces the Python
    loop of ``startswith`` + ``max`` over every ordinal prefix (9 iterations per candidate)."""
    norm = ctx.norm
    if norm.endswith(ctx.rules.ordinal_prefixes, 0, start):
        return True
    if start > 0 and norm[start - 1] in "第篇":
        return True
    if metrics._is_chinese_number(num):
        win, lo = ctx.window(start, start + len(num))
        if not metrics.is_boundary(win, start - lo) and not (start > 0 and norm[start - 1] in metrics._APPROX_CHARS
                                                             and metrics.is_boundary(win, start - 1 - lo)):
            return True
    return False


def fix_rejects_start() -> Undo:
    return _swap(metrics, "_rejects_start", rejects_start_fast)


# -- F4 jieba only when a dictionary word can straddle the offset ---------------------------------
_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _no_word_across(text: str, offset: int) -> bool:
    """True when no jieba dictionary word can span ``offset`` in ``text`` (so it is a boundary).

    jieba (HMM off) only joins ``text[k:i+1]`` into one token when it is a dictionary word, and
    its DAG reaches such a word only through prefixes that are themselves keys of ``FREQ``. A
    token across ``offset`` therefore needs ``text[k:offset+1]`` in ``FREQ`` for some ``k <
    offset``. Single ASCII letters/digits are merged too (and ``\\r\\n``), so those are left to jieba.
    """
    if text[offset - 1] in _ASCII_ALNUM and text[offset] in _ASCII_ALNUM or text[offset - 1:offset + 1] == "\r\n":
        return False
    freq = segment.tokenizer().FREQ
    for k in range(offset - 1, -1, -1):
        if text[k:offset + 1] in freq:
            return False
    return True


def is_boundary_precheck(text: str, offset: int) -> bool:
    """Same answer as ``segment.is_boundary``, without segmenting when no word can straddle."""
    if offset <= 0 or offset >= len(text):
        return True
    if _no_word_across(text, offset):
        return True
    return any(s == offset for _, s, _ in segment.tokens(text))


def framework_count_precheck(ctx, end: int) -> bool:
    """Same as ``metrics._framework_count``: the token starting after the unit is a prefix of the
    window, so when no prefix of the window is a framework noun, jieba need not run."""
    win, lo = ctx.window(end, end, before=0, after=6)
    nouns = ctx.rules.framework_nouns
    if not any(win[:k] in nouns for k in range(1, len(win) + 1)):
        return False
    tok = metrics.token_starting_at(win, 0)
    return tok in nouns if tok else False


def fix_jieba_precheck() -> Undo:
    undo = [_swap(metrics, "is_boundary", is_boundary_precheck),
            _swap(metrics, "_framework_count", framework_count_precheck)]
    return lambda: [u() for u in undo]


# -- F5 outline: one combined heading pattern; section paths joined once per section ---------------
_COMBINED: dict[int, tuple[object, regex.Pattern[str], dict[str, int]]] = {}


def _combined_headings(rules) -> tuple[regex.Pattern[str], dict[str, int]]:
    """(in src: a field of OutlineRules compiled in ``outline_rules``)"""
    hit = _COMBINED.get(id(rules))
    if hit is None or hit[0] is not rules:
        parts, levels = [], {}
        for i, (level, pat) in enumerate(rules.headings):
            parts.append(f"(?P<h{i}>{pat.pattern})")
            levels[f"h{i}"] = level
        hit = _COMBINED[id(rules)] = (rules, regex.compile("|".join(parts), regex.V0), levels)
    return hit[1], hit[2]


def heading_at_line_fast(line: str, rules=None):
    """Same as ``outline.heading_at_line``: the patterns are tried in order at the line start, which
    is what one alternation of them does, in one call instead of up to six."""
    rules = rules or outline.outline_rules()
    pat, levels = _combined_headings(rules)
    m = pat.match(line, timeout=MATCH_TIMEOUT)
    if not m:
        return None
    return levels[m.lastgroup], m.group(0)


def sentences_fast(text: str, doc, rules) -> list[Sentence]:
    """Same as ``outline._sentences``; the section path string is joined once per section (not
    once per sentence) and the lookups are bound once."""
    out: list[Sentence] = []
    article_index, section_at = doc.article_index, doc.section_at
    paths: dict[int, str] = {}
    for m in rules.sentence.finditer(text, timeout=MATCH_TIMEOUT):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sec = section_at(s)
            if sec is None:
                path = ""
            else:
                path = paths.get(id(sec))
                if path is None:
                    path = paths[id(sec)] = sec.path_str
            out.append(Sentence(len(out), s, e, article_index(s), path))
    return out


def fix_outline() -> Undo:
    undo = [_swap(outline, "heading_at_line", heading_at_line_fast), _swap(outline, "_sentences", sentences_fast)]
    return lambda: [u() for u in undo]


# -- F7 extraction: fill the region columns of the fresh frame instead of rebuilding it -----------
def _region_fill(original):
    def add_region_period_fill(df: pd.DataFrame, doc, *, regions=None) -> pd.DataFrame:
        """What ``extract`` needs from ``regions.add_region_period``, for the frame it has just built
        (which already holds NA ``region``/``region_code``/``period`` columns from ``DTYPES``):
        assign the three columns in place from a plain dict per article. The public function
        drops them, copies the 25-column frame, and re-inserts each through ``Series.map`` and
        ``DataFrame.insert`` (block consolidation each time): ~60 % of ``extract`` as measured.
        An empty frame needs no region detection at all. In src: do this inside ``extract`` (or put
        the values straight into ``mention_rows``) and keep ``add_region_period`` for other callers."""
        from summary_mining import regions as R

        cols = R.REGION_COLUMNS
        if "article" not in df.columns or not all(c in df.columns for c in cols):
            return original(df, doc, regions=regions)
        if not len(df):
            return df
        info = R.article_info(doc, regions=regions)
        keys = info["article"].tolist()
        articles = df["article"].tolist()
        for col, dtype in cols.items():
            by_article = dict(zip(keys, info[col].tolist()))
            df[col] = pd.array([by_article.get(a) for a in articles], dtype=dtype)
        return df
    return add_region_period_fill


def fix_region_fill() -> Undo:
    if not hasattr(extraction, "add_region_period"):  # already in src (extraction._fill_region_period)
        return lambda: None
    return _swap(extraction, "add_region_period", _region_fill(extraction.add_region_period))


FIXES: dict[str, tuple[str, Callable[[], Undo]]] = {
    "F1 frame": ("frame.py `to_frame`: resolve dtypes once, numpy numeric and pyarrow string columns, one zip transpose", fix_frame),
    "F2 normalize": ("normalize.py `normalize`: translate only when a mapped character occurs", fix_normalize),
    "F3 ordinals": ("metrics.py `_rejects_start`: `norm.endswith(ordinal_prefixes, 0, start)`", fix_rejects_start),
    "F4 jieba precheck": ("metrics.py `is_boundary`/`_framework_count`: skip jieba when no dictionary word "
                          "can straddle the offset / no framework noun is a prefix", fix_jieba_precheck),
    "F5 outline": ("outline.py `heading_at_line` one combined pattern; `_sentences` joins each section path once",
                   fix_outline),
    "F7 region columns": ("extraction.py `extract`: fill the NA region/region_code/period columns of the fresh "
                          "frame in place (no drop, copy, `Series.map`, `insert`; no detection for an empty frame)",
                          fix_region_fill),
}


@contextmanager
def applied(names: list[str] | tuple[str, ...] | None = None) -> Iterator[None]:
    """Install the named fixes (all when None) for the duration of the block."""
    undo = [FIXES[n][1]() for n in (names if names is not None else list(FIXES))]
    try:
        yield
    finally:
        for u in reversed(undo):
            u()


def check_identical(texts: list, names: list[str] | None = None) -> int:
    """Assert ``extract`` gives equal frames with and without the fixes (texts or paths); return the rows compared."""
    import summary_mining as sm

    segment.tokens.cache_clear()
    before = [sm.extract(t) for t in texts]
    with applied(names):
        segment.tokens.cache_clear()
        after = [sm.extract(t) for t in texts]
    for a, b in zip(before, after):
        pd.testing.assert_frame_equal(a, b)
    return sum(map(len, before))
