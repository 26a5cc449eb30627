"""``extract_problems``: the problem statements of a summary (存在的问题), one row per item.

A *problem block* is opened by

* a problem heading, numbered or not, in any usual phrasing (``四、存在的主要问题``,
  ``(三)存在的问题``, ``二、存在困难和问题``, a line ``存在问题`` on its own, ``问题与不足``,
  ``短板和不足``, ``制约因素`` …), ending where the next heading of the same or a higher level
  begins, or at a section-end heading (``下一步工作计划``, ``二、下半年工作计划`` …); or
* an explicit cue in running text (``但还存在一些问题和不足,主要表现在:`` followed by 一是…二是…,
  ``同时也存在一些不足,主要有:`` …).

Items are split as the author numbered them (一是/二是, (一)(二), 1./2., (1), ①, 第一/第二): one
row per item, the text starting after the marker and running to the end of the item (several
sentences or hard-wrapped lines; a truncated last item runs to the end of the text; inline items
lose their separating comma). A block without numbered items gives one row per sentence; a cue
followed by a plain list gives one row per clause. The patterns, markers and lexicons are data:
``data/problems.toml`` and ``data/problem_categories.csv``.

>>> import summary_mining.problems as pr
>>> text = ("二、存在困难和问题\\n"
...         "(一)园区配套设施建设不足,水电、路网等基础设施没有跟上项目的建设步伐。\\n"
...         "(二)建设资金缺乏。资金短缺、融资难仍然是制约园区发展的瓶颈。\\n"
...         "三、下一步工作计划\\n"
...         "1.做好项目服务。\\n")
>>> df = pr.extract_problems(text=text)
>>> df[["section", "item", "text"]].values.tolist()
[['二、存在困难和问题', 1, '园区配套设施建设不足,水电、路网等基础设施没有跟上项目的建设步伐。'], ['二、存在困难和问题', 2, '建设资金缺乏。资金短缺、融资难仍然是制约园区发展的瓶颈。']]
>>> df.loc[1, "categories"]
['资金']
>>> all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))
True
"""
from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Union

import jieba
import pandas as pd
import regex

from .datafiles import (compile_pattern, load_csv, rule_entries, rules_from, rule_guard, rx_finditer, rx_fullmatch, rx_match,
                        rx_search)
from .errors import RuleError
from .documents import Source, as_document, doc_name
from .frame import to_frame
from .model import SECTION_SEPARATOR, Document, Section
from .structure import heading_at_line, structure_rules
from .rules.segment import CACHE_MAX_CHARS, Segmenter

__all__ = ["problem_rows", "problem_rows_of", "extract_problems", "PROBLEM_DTYPES", "PROBLEM_COLUMNS", "ProblemRules", "problem_rules",
           "category_lexicon", "categorize", "keywords_of", "is_problem_heading", "CategoryMap"]

#: Column -> pandas dtype of the problems frame (the order is the frame's column order).
#: ``categories`` and ``keywords`` hold Python lists of ``str`` (dtype ``object``).
PROBLEM_DTYPES: dict[str, str] = {
    "doc_id": "string",
    "article": "Int64",
    "section": "string",
    "item": "Int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "categories": "object",
    "keywords": "object",
    "in_problem_section": "bool",
}
PROBLEM_COLUMNS = tuple(PROBLEM_DTYPES)

#: A category lexicon: category -> keywords (``{"资金": ["融资", "贷款"]}``), or a path to a CSV
#: file with ``category,keyword`` rows.
CategoryMap = Union[Mapping[str, Iterable[str]], str, Path]

_TRAIL = "，,；;、：: \t\r\n\u3000"
_LEAD = "：:，,、.．） \t\r\n\u3000"
_SENTENCE_PUNCT = "。！？!?；;，,"  # a heading title holds none of these
#: ``categories`` and ``keywords`` are read from at most this many characters of an item (a real
#: problem statement is a few hundred; an "item" of a megabyte is an endless unpunctuated line).
ANALYSE_MAX_CHARS = 4000
#: A cue's clause is looked for at most this many characters back (for ``cues.exclude``).
_CLAUSE_WINDOW = 200
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# -- rules ---------------------------------------------------------------------------------------
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


def _resolve_lexicon(categories: CategoryMap | None, replace: bool) -> dict[str, tuple[str, ...]]:
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


# -- small helpers -------------------------------------------------------------------------------
def _ordinal(s: str) -> int | None:
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


_NUMBER_IN = regex.compile(r"[一二三四五六七八九十百]+|[0-9０-９]+|[①-⑳⑴-⒇]")


def _bare_title(title: str) -> str:
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
    return _heading_match(_bare_title(title), rules or problem_rules()) is not None


def _heading_match(bare: str, rules: ProblemRules) -> regex.Match[str] | None:
    if not bare or len(bare) > rules.heading_max or any(ch in _SENTENCE_PUNCT for ch in bare):
        return None
    m = rx_fullmatch(rules.headings, bare)
    if not m:
        return None
    if rules.heading_exclude and rx_search(rules.heading_exclude, m.group("core")):
        return None
    return m


def _is_end_heading(bare: str, rules: ProblemRules) -> bool:
    if not bare or len(bare) > rules.end_max or any(ch in _SENTENCE_PUNCT for ch in bare):
        return False
    return bool(rx_fullmatch(rules.ends, bare))


# -- layout: lines, hard-wrapping and paragraphs -----------------------------------------------------
class _Layout:
    """The document's lines and paragraph ends (its structure), with the lookups item splitting asks:
    which line breaks end a paragraph (hard) and which only wrap a line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = doc.lines
        self.line_starts = [s for s, _ in self.lines]
        hard, k, paras = [], 0, doc.paragraphs
        for _, e in self.lines[:-1]:  # the line break at e is soft only inside a paragraph
            while k < len(paras) and paras[k].end <= e:
                k += 1
            if not (k < len(paras) and paras[k].start <= e):
                hard.append(e)
        self.hard = hard  # sorted offsets of hard line breaks
        self.stops: _StopLines | None = None  # built on first use by _cut_limit

    def line_index(self, pos: int) -> int:
        return self.doc.line_index(pos)

    def line_start(self, pos: int) -> int:
        return self.lines[self.line_index(pos)][0]

    def at_line_start(self, pos: int) -> bool:
        ls, text = self.line_start(pos), self.text
        while pos > ls and text[pos - 1].isspace():
            pos -= 1
        return pos <= ls

    def para_end(self, pos: int, limit: int) -> int:
        """End of the paragraph holding ``pos`` (the first hard break at or after it), at most ``limit``."""
        i = bisect.bisect_left(self.hard, pos)
        return min(self.hard[i], limit) if i < len(self.hard) else limit

    def has_hard_break(self, a: int, b: int) -> bool:
        """True when a hard break with text on both sides lies inside ``[a, b)``."""
        text = self.text
        first, last = a, b - 1
        while first < b and text[first].isspace():
            first += 1
        while last > first and text[last].isspace():
            last -= 1
        i = bisect.bisect_right(self.hard, first)
        return i < len(self.hard) and self.hard[i] < last

    def para_starts(self, a: int, b: int, first_only: bool = False) -> list[int]:
        """Starts (first non-space) of the paragraphs that begin after a hard break inside ``[a, b)``."""
        out: list[int] = []
        text = self.text
        i = bisect.bisect_left(self.hard, a)
        reached = -1  # every position in [.., reached) has been skipped as blank already
        while i < len(self.hard) and self.hard[i] < b:
            p = max(self.hard[i] + 1, reached)
            while p < b and text[p].isspace():
                p += 1
            reached = p
            if p < b and (not out or out[-1] != p):
                out.append(p)
                if first_only:
                    return out
            i += 1
        return out

    def first_sentence_end(self, s: int, limit: int) -> int:
        """End of the full sentence (to 。！？) that starts at ``s``, at most ``limit``."""
        return min(self.doc.stop_span(s)[1], limit)

    def sentence_spans(self, a: int, b: int) -> list[tuple[int, int]]:
        """The document's statements (split after 。！？； and at paragraph ends) cut to ``[a, b)``."""
        doc = self.doc
        i = max(doc.sentence_index(a), 0)
        out = []
        while i < len(doc.sentences) and doc.sentences[i].start < b:
            st = doc.sentences[i]
            if st.end > a:
                out.append((max(st.start, a), min(st.end, b)))
            i += 1
        return _trimmed(self.text, out)

    def clause_spans(self, a: int, b: int, separators: str) -> list[tuple[int, int]]:
        """Clauses of ``[a, b)`` at the document's clause ends that follow one of ``separators``
        (the separators left out)."""
        out, s = [], a
        for c in self.doc.clause_cuts_between(a, b):
            if self.text[c - 1] in separators:
                out.append((s, c - 1))
                s = c
        out.append((s, b))
        return _trimmed(self.text, out)

    def full_stop_in(self, a: int, b: int) -> bool:
        """True when a full sentence ends inside ``(a, b]`` (a 。！？ within one paragraph)."""
        i = bisect.bisect_right(self.doc.stops, a)
        return i < len(self.doc.stops) and self.doc.stops[i] <= b and not self.has_hard_break(a, self.doc.stops[i])

    def statement_start(self, pos: int) -> int:
        """Start of the statement holding ``pos`` (at most :data:`_CLAUSE_WINDOW` characters back)."""
        i = self.doc.sentence_index(pos)
        start = self.doc.sentences[i].start if i >= 0 and self.doc.sentences[i].end >= pos else pos
        return max(start, pos - _CLAUSE_WINDOW)


# -- markers and item splitting -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Marker:
    pos: int
    end: int
    style: int
    n: int
    line_start: bool


@dataclass
class _Block:
    head: int  # start of the heading or cue (the block is [head, limit))
    start: int  # where the body starts
    limit: int
    section: str
    bounded: bool  # True: a numbered section with content; its end is the section's end
    cue: str = ""  # "" under a heading; "list" after a cue like 主要有:; "paragraph" after 清醒地认识到…问题。
    items: tuple[tuple[int, int], ...] = ()  # a run of unheaded problem sections: its sections, found already


def _markers(text: str, layout: _Layout, rules: ProblemRules, a: int, b: int) -> list[_Marker]:
    out = []
    for si, st in enumerate(rules.markers):
        for m in rx_finditer(st.pattern, text, a, b):
            n = _ordinal(m.group("n"))
            if n is None:
                continue
            ls = layout.at_line_start(m.start())
            if not ls and m.start() != a:  # a marker right at the block's start counts (a fused heading)
                j = m.start() - 1
                while j >= a and text[j] in " \t\u3000":
                    j -= 1
                if not st.before or j < 0 or text[j] not in st.before:
                    continue
            out.append(_Marker(m.start(), m.end(), si, n, ls))
    out.sort(key=lambda m: (m.pos, -(m.end - m.pos)))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _LEAD:
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e




def _opens_subitem(text: str, layout: _Layout, rules: ProblemRules, p: int, limit: int, first: _Marker) -> bool:
    """True when the paragraph at ``p`` starts with a marker nested under the items numbered like
    ``first`` (1、 (1) ① under (一) items; 1、 (1) ① under 一是 items), not with a higher heading."""
    ms = [m for m in _markers(text, layout, rules, p, min(p + 8, limit)) if m.pos == p and m.style != first.style]
    if not ms:
        return False
    own = heading_at_line(text[first.pos:first.end + 1])
    hd = heading_at_line(text[p:p + 8])
    return hd is None or hd[0] > (own[0] if own else 2)


def _extend_over_subitems(text: str, layout: _Layout, rules: ProblemRules, e: int, limit: int,
                          first: _Marker) -> int:
    """Extend an item ending at a paragraph end over following paragraphs that open sub-items."""
    while e < limit:
        starts = layout.para_starts(e, limit, first_only=True)
        if not starts or not _opens_subitem(text, layout, rules, starts[0], limit, first):
            break
        e = layout.para_end(starts[0], limit)
    return e


def _enumerated(text: str, layout: _Layout, rules: ProblemRules, blk: _Block) -> list[tuple[int, int]] | None:
    """Item spans when the block numbers its items, else None. After a cue, the first item follows it
    directly (a list numbered further on is something else)."""
    a, limit = blk.start, blk.limit
    ms = _markers(text, layout, rules, a, limit)
    firsts = [m for m in ms if m.n == 1]
    if not firsts:
        return None
    first = firsts[0]
    if blk.cue and text[a:first.pos].strip(_LEAD + "。；;"):
        return None
    seq = [first]
    by_n: dict[int, list[_Marker]] = {}  # this style's markers by ordinal, in text order
    for m in ms:
        if m.style == first.style:
            by_n.setdefault(m.n, []).append(m)
    while True:
        cur = seq[-1]
        cands = by_n.get(cur.n + 1, [])
        i = bisect.bisect_left(cands, cur.end, key=lambda m: m.pos)
        nxt = cands[i] if i < len(cands) else None
        if nxt is None:
            break
        if not blk.bounded:
            # outside a numbered section, items must follow one another: every paragraph in between
            # has to start with a (sub-)item marker
            if not all(p == nxt.pos or _opens_subitem(text, layout, rules, p, limit, first)
                       for p in layout.para_starts(cur.end, nxt.pos)):
                break
        seq.append(nxt)
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(seq[:-1]):
        spans.append((m.end, seq[i + 1].pos))
    last = seq[-1]
    s = last.end
    multi_para = any(layout.has_hard_break(*_trim(text, x, y)) for x, y in spans)
    inline = (len(seq) > 1 and not layout.has_hard_break(first.pos, last.pos)
              and not any(layout.full_stop_in(*_trim(text, x, y)) for x, y in spans))
    if inline:
        e = min(layout.first_sentence_end(s, limit), layout.para_end(s, limit))
    elif multi_para and blk.bounded:
        e = limit
    else:
        e = _extend_over_subitems(text, layout, rules, layout.para_end(s, limit), limit, first)
    spans.append((s, e))
    return _trimmed(text, spans)


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with surrounding blanks trimmed; spans left empty are dropped."""
    out = []
    for x, y in spans:
        x, y = _trim(text, x, y)
        if y > x:
            out.append((x, y))
    return out


def _skip_sentence(sent: str, rules: ProblemRules) -> bool:
    t = sent.strip()
    if len(t) < 2 or t[-1:] in "：:":
        return True
    return _any(rules.skip, t) or _any(rules.closing, t)


def _any(patterns: Iterable[regex.Pattern[str]], t: str) -> bool:
    return any(rx_search(p, t) for p in patterns)


def _without_tail(text: str, span: tuple[int, int], rules: ProblemRules) -> tuple[int, int]:
    """``span`` cut where its first tail starts (``，这更加坚定我们…``, ``，等等``, a site's advert)."""
    s, e = span
    cut = e
    for p in rules.tails:
        m = rx_search(p, text, s, e)
        if m and m.start() < cut:
            cut = m.start()
    return _trim(text, s, cut)


def _paragraph_items(doc: Document, layout: _Layout, rules: ProblemRules, blk: _Block) -> list[tuple[int, int]]:
    """Items of a cue inside a paragraph: the statements (。；) of the rest of the paragraph up to its first
    closing statement or plan, the cue's own statement included unless it only says there are problems."""
    text = doc.text
    a = blk.start
    end = layout.para_end(a, blk.limit)
    own = a > 0 and text[a - 1] not in "。！？!?；;：:\n"  # the cue ends inside its statement
    # the cue says there are problems (…还面临不少困难和问题) rather than only "we see"
    announced = bool(rules.generic_cue and rx_search(rules.generic_cue, text, blk.head, a))
    items: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(layout.sentence_spans(a, end)):
        t = text[s:e]
        if _any(rules.closing, t):
            break
        if k == 0 and own:
            colon = max(t.rfind("："), t.rfind(":"))
            if colon >= 0:  # "…老问题、新挑战仍然不少，主要是：A；" - the cue runs to the colon
                s, t = s + colon + 1, t[colon + 1:]
            elif rules.generic_cue:  # the cue runs to its last clause that only says there are problems
                for cs, ce in layout.clause_spans(s, e, rules.item_separators):
                    if rx_search(rules.generic_cue, text, cs, ce):
                        s, announced = ce, True
                s, e = _trim(text, s, e)
                t = text[s:e]
        if _skip_sentence(t, rules):
            continue
        items.append((s, e))
    if blk.cue == "paragraph" and not announced and not any(_reads_like_problem(text[s:e], rules) for s, e in items):
        return []
    if len(items) == 1:  # one statement: an item per clause ("A，B，C。")
        return [c for c in layout.clause_spans(*items[0], rules.item_separators) if not _skip_sentence(text[c[0]:c[1]], rules)]
    return [g for it in items for f in _facets(text, it, rules) for g in _government_apart(text, f, layout, rules)]


def _government_apart(text: str, span: tuple[int, int], layout: _Layout, rules: ProblemRules) -> list[tuple[int, int]]:
    """``span`` split before its first clause about the reporting body itself when the clauses before it
    name a problem of their own ("公共服务…仍有不少短板弱项，|一些干部政绩观有偏差…")."""
    if rules.government is None:
        return [span]
    clauses = layout.clause_spans(*span, rules.item_separators)
    for k, (cs, _) in enumerate(clauses[1:], start=1):
        if rx_match(rules.government, text, cs, span[1]):
            if rx_match(rules.government, text, *clauses[0]) or not any(
                    _names_problem(text[a:b], rules) for a, b in clauses[:k]):
                break
            return [_trim(text, span[0], cs), (cs, span[1])]
    return [span]


def _facets(text: str, span: tuple[int, int], rules: ProblemRules) -> list[tuple[int, int]]:
    """``span`` split where a facet opens ("从需求看，…；从产业看，…" gives one item per facet)."""
    s, e = span
    cuts = [m.start() for m in rx_finditer(rules.facet, text, s + 1, e)] if rules.facet is not None else []
    if not cuts or not rx_match(rules.facet, text, s):
        return [span]
    return _trimmed(text, list(zip([s] + cuts, cuts + [e])))






def _block_items(doc: Document, layout: _Layout, rules: ProblemRules, blk: _Block) -> list[tuple[int, int]]:
    text = doc.text
    if blk.limit <= blk.start or not text[blk.start:blk.limit].strip():
        return []
    if blk.items:
        return list(blk.items)
    items = _enumerated(text, layout, rules, blk)
    if items is not None:
        return items
    a, b = blk.start, blk.limit
    if blk.cue == "paragraph" or (blk.cue and text[a:layout.para_end(a, b)].strip()):
        # a cue inside a paragraph: the rest of the paragraph
        return _paragraph_items(doc, layout, rules, blk)
    if blk.cue:
        # a cue ending its line (主要表现在：⏎): the next paragraph, one row per clause when it is a single
        # sentence
        starts = layout.para_starts(a, b, first_only=True)
        if not starts:
            return []
        sents = [sp for sp in layout.sentence_spans(starts[0], layout.para_end(starts[0], b))
                 if not _skip_sentence(text[sp[0]:sp[1]], rules)]
        if len(sents) == 1:
            sents = [c for c in layout.clause_spans(*sents[0], rules.item_separators) if not _skip_sentence(text[c[0]:c[1]], rules)]
        return sents
    if not blk.bounded:
        # a heading line without numbered items: up to the next outline heading
        i = bisect.bisect_right(doc.section_index.starts, a)
        if i < len(doc.sections) and doc.sections[i].start < b:
            b = doc.sections[i].start
    # an introduction ending in a cue ("但还存在一些问题,主要表现在:", "我们清醒地认识到:") is not a problem
    for pat in rules.cues + ((rules.intro,) if rules.intro else ()):
        m = rx_search(pat, text, a, min(b, a + 300))
        if m and text[m.end():b].strip():
            a = m.end()
            break
    return [sp for sp in layout.sentence_spans(a, b) if not _skip_sentence(text[sp[0]:sp[1]], rules)]


# -- finding problem blocks -----------------------------------------------------------------------
def _line_title(text: str, s: int, e: int) -> str:
    line = text[s:e]
    stop = rx_search(structure_rules().title_stop, line)
    return line[: stop.start()] if stop else line


def _article_end(doc: Document, pos: int) -> int:
    a = doc.article_at(pos)
    return a.end if a else (doc.articles[0].start if doc.articles and pos < doc.articles[0].start else len(doc.text))


class _StopLines:
    """Starts of the lines that end a problem block: section-end headings, and problem headings
    (which end a mixed heading's block). Classified once per document, so each block finds its
    end by bisection instead of re-reading every line after it."""

    def __init__(self, doc: Document, layout: _Layout, rules: ProblemRules) -> None:
        text = doc.text
        cap = max(rules.end_max, rules.heading_max) + 8
        self.ends: list[int] = []
        self.heads: list[int] = []
        for s, e in layout.lines:
            if s == e:
                continue
            title = _line_title(text, s, e)
            if len(title.strip()) > cap:
                continue
            bare = _bare_title(title)
            if _is_end_heading(bare, rules):
                self.ends.append(s)
            elif _heading_match(bare, rules):
                self.heads.append(s)

    @staticmethod
    def _first(starts: list[int], lo: int, limit: int) -> int:
        i = bisect.bisect_left(starts, lo)
        return starts[i] if i < len(starts) and starts[i] < limit else limit


def _cut_limit(doc: Document, layout: _Layout, rules: ProblemRules, head: int, start: int, limit: int,
               mixed: bool) -> tuple[int, bool]:
    """``limit`` moved up to the first section-end heading line (or, for a mixed heading, a nested problem
    heading), and whether a nested problem heading cut it (the block is then only a preamble to that one's:
    "招商引资工作存在问题及下步措施⏎(date, site lines)⏎一、招商引资工作中存在的问题和不足")."""
    if layout.stops is None:
        layout.stops = _StopLines(doc, layout, rules)
    stops = layout.stops
    lo = max(start, layout.lines[layout.line_index(head)][0] + 1)  # lines after the heading's own line
    cut = stops._first(stops.ends, lo, limit)
    nested = stops._first(stops.heads, lo, limit) if mixed else limit
    return (nested, True) if nested < cut else (cut, False)




class _Covered:
    """Blocks found so far, for "does this position fall inside one?" in O(log n).

    Blocks are added in phases (headings, list cues, paragraph cues); within a phase heads only
    grow, so each phase keeps its heads in order and a running maximum of its limits.
    """

    def __init__(self) -> None:
        self.phases: list[tuple[list[int], list[int]]] = []  # (heads, prefix max of limits)

    def new_phase(self) -> None:
        self.phases.append(([], []))

    def add(self, head: int, limit: int) -> None:
        heads, maxes = self.phases[-1]
        heads.append(head)
        maxes.append(max(limit, maxes[-1]) if maxes else limit)

    def contains(self, pos: int) -> bool:
        for heads, maxes in self.phases:
            i = bisect.bisect_right(heads, pos) - 1
            if i >= 0 and pos < maxes[i]:
                return True
        return False

    def head_in(self, a: int, b: int) -> bool:
        for heads, _ in self.phases:
            i = bisect.bisect_left(heads, a)
            if i < len(heads) and heads[i] < b:
                return True
        return False


def _starts_with_first_heading(doc: Document, pos: int, limit: int) -> Section | None:
    """The outline heading numbered 1 that the body at ``pos`` begins with, if any."""
    text = doc.text
    p = pos
    while p < limit and text[p] in " \t\r\n\u3000：:":
        p += 1
    i = bisect.bisect_left(doc.section_index.starts, p)
    if i < len(doc.sections) and doc.sections[i].start == p:
        sec = doc.sections[i]
        num = _NUMBER_IN.search(sec.number)
        if num and _ordinal(num.group(0)) == 1:
            return sec
    return None


def _problem_runs(doc: Document, rules: ProblemRules) -> list[_Block]:
    """Runs of at least ``runs.min_sections`` consecutive sibling sections, each of whose first statement names
    a shortcoming, with no problem heading above them (a list whose heading is on an earlier page:
    "十、文化市场执法人员的业务素质有待提高…⏎十一、体育运动管理中心人员老化问题严重…⏎十二、…急需兑现")."""
    text, secs = doc.text, doc.sections
    out: list[_Block] = []
    run: list[int] = []

    def close() -> None:
        if len(run) >= rules.run_min_sections:
            first, last = secs[run[0]], secs[run[-1]]
            spans = tuple(_trim(text, secs[i].start + len(secs[i].number), secs[i].end) for i in run)
            parent = doc.section_index.path(first.start).rpartition(SECTION_SEPARATOR)[0]
            out.append(_Block(first.start, first.start, last.end, parent, True, items=spans))
        run.clear()

    for i, sec in enumerate(secs):
        if run and not (sec.level == secs[run[-1]].level and sec.start == secs[run[-1]].end):
            close()
        if _reads_like_problem(text[sec.start + len(sec.number):doc.stop_span(sec.start)[1]], rules):
            run.append(i)
        else:
            close()
    close()
    return out


def _fused_heading(text: str, sec: Section, rules: ProblemRules) -> tuple[regex.Match[str] | None, int]:
    """A problem heading run together with its first item ("一、存在问题一是思想认识不重视。", a line break lost):
    the heading's match and where the first item's marker starts."""
    a = sec.start + len(sec.number)
    if not rx_search(rules.headings, _bare_title(text[a:sec.title_end])):
        return None, sec.title_end
    for st in rules.markers:
        mk = rx_search(st.pattern, text, a + 2, sec.title_end)
        if mk and _ordinal(mk.group("n")) == 1:
            m = _heading_match(_bare_title(text[sec.start:mk.start()]), rules)
            if m:
                return m, mk.start()
    return None, sec.title_end


def _unbounded_limit(doc: Document, pos: int, body: int) -> int:
    """Where a block opened by an unnumbered heading or a cue may run to at most."""
    limit = _article_end(doc, pos)
    enclosing = doc.section_index.at(pos)
    if enclosing is not None and _starts_with_first_heading(doc, body, limit) is None:
        limit = min(limit, enclosing.end)
    return limit




def _find_blocks(doc: Document, layout: _Layout, rules: ProblemRules) -> list[_Block]:
    text = doc.text
    cands: list[tuple[int, _Block]] = []  # (heading line start, block)
    numbered_lines = set()
    for si, sec in enumerate(doc.sections):
        numbered_lines.add(layout.line_index(sec.start))
        m, body = _heading_match(_bare_title(text[sec.start:sec.title_end]), rules), sec.title_end
        if not m:
            m, body = _fused_heading(text, sec, rules)
            if not m:
                continue
        limit, bounded = sec.end, True
        if not text[body:sec.end].strip(" \t\r\n\u3000：:"):
            first = _starts_with_first_heading(doc, body, _article_end(doc, sec.start))
            if first is None:
                continue
            # "三、存在问题" followed by items numbered like headings of its own level (一、… 二、…)
            parent = doc.section_index.enclosing(si)
            parent = parent if parent is not None and parent.level < sec.level else None
            limit, bounded = (parent.end if parent else _article_end(doc, sec.start)), False
        limit, preamble = _cut_limit(doc, layout, rules, sec.start, body, limit, bool(m.group("suffix")))
        if preamble:
            continue
        cands.append((sec.start, _Block(sec.start, body, limit, sec.path_str, bounded)))
    # heading lines without outline numbers ("存在问题", "存在的主要问题：…")
    for li, (s, e) in enumerate(layout.lines):
        if li in numbered_lines:
            continue
        line = text[s:e]
        if not line.strip() or heading_at_line(line.strip()) is not None:
            continue
        colon = min((i for i in (line.find("："), line.find(":")) if i >= 0), default=-1)
        title = line[:colon] if colon >= 0 else line
        if colon < 0 and len(line.strip()) > rules.heading_max + 4:
            continue
        m = _heading_match(_bare_title(title), rules)
        if not m or (colon >= 0 and line[colon + 1:].strip() and len(_bare_title(title)) > rules.heading_inline_max):
            continue
        body = s + (colon + 1 if colon >= 0 else len(line))
        limit = _unbounded_limit(doc, s, body)
        limit, preamble = _cut_limit(doc, layout, rules, s, body, limit, bool(m.group("suffix")))
        if preamble:
            continue
        parent = doc.section_index.path(s)
        path = (parent + SECTION_SEPARATOR if parent else "") + _bare_title(title)
        cands.append((s, _Block(s, body, limit, path, False)))
    cands.sort(key=lambda c: c[0])
    blocks: list[_Block] = []
    covered = _Covered()
    covered.new_phase()
    for _, blk in cands:
        if covered.contains(blk.head):
            continue
        blocks.append(blk)
        covered.add(blk.head, blk.limit)
    covered.new_phase()
    for blk in _problem_runs(doc, rules):
        if not (covered.contains(blk.head) or covered.head_in(blk.head, blk.limit)):
            blocks.append(blk)
            covered.add(blk.head, blk.limit)
    # explicit cues in running text
    for cue in rules.cues:
        covered.new_phase()  # each cue pattern scans the text afresh: its heads grow again
        for m in rx_finditer(cue, text):
            if covered.contains(m.start()):
                continue
            if rules.cue_exclude and rx_search(rules.cue_exclude, text, layout.statement_start(m.start()), m.end()):
                continue
            limit = _unbounded_limit(doc, m.start(), m.end())
            limit = _cut_limit(doc, layout, rules, m.start(), m.end(), limit, False)[0]
            blocks.append(_Block(m.start(), m.end(), limit, doc.section_index.path(m.start()), False, cue="list"))
            covered.add(m.start(), limit)
    for cue in rules.paragraph_cues:
        covered.new_phase()
        for m in rx_finditer(cue, text):
            pend = layout.para_end(m.start(), len(text))
            if covered.contains(m.start()) or covered.head_in(m.start(), pend):
                continue  # inside a block, or a list cue in the same paragraph opens it already
            if rules.cue_exclude and rx_search(rules.cue_exclude, text, m.start(), m.end()):
                continue
            blocks.append(_Block(m.start(), m.end(), pend, doc.section_index.path(m.start()), False, cue="paragraph"))
            covered.add(m.start(), pend)
    blocks.sort(key=lambda b: b.head)
    for b, nxt in zip(blocks, blocks[1:]):
        b.limit = min(b.limit, nxt.head)  # a block never runs into the next one
    return blocks


# -- categories and keywords ----------------------------------------------------------------------
def _search_boundaries(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Start and end offsets of the jieba words of ``text``, including the dictionary words inside a
    compound token (search mode: 资金不足 -> 资金 / 不足 / 资金不足)."""
    toks = Segmenter.default().search_tokens(text)
    return frozenset(s for _, s, _ in toks), frozenset(e for _, _, e in toks)


_word_boundaries = lru_cache(maxsize=4096)(_search_boundaries)


def _boundaries(text: str) -> tuple[frozenset[int], frozenset[int]]:
    # a huge item (a problem section of one endless line) is segmented once, not kept in the cache
    return _search_boundaries(text) if len(text) > CACHE_MAX_CHARS else _word_boundaries(text)


def categorize(text: str, lexicon: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    """Categories whose keywords line up with jieba token boundaries of ``text`` (lexicon order).

    >>> categorize("企业投资信心不足、融资困难")
    ['资金', '外部环境']
    >>> categorize("征地拆迁困难")
    ['土地']
    """
    lex = category_lexicon() if lexicon is None else lexicon
    if not text:
        return []
    starts, ends = _boundaries(text)
    out = []
    for cat, words in lex.items():
        for w in words:
            i = text.find(w)
            hit = False
            while i >= 0:
                if i in starts and i + len(w) in ends:
                    hit = True
                    break
                i = text.find(w, i + 1)
            if hit:
                out.append(cat)
                break
    return out


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (``jieba/analyse/idf.txt``: ``word idf`` a line) and its median, as
    ``jieba.analyse.default_tfidf`` has them, read directly: importing ``jieba.analyse`` also
    loads the part-of-speech dictionary (~1 s) that keywords do not need."""
    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    words = path.read_text(encoding="utf-8").split()
    idf = dict(zip(words[0::2], map(float, words[1::2])))
    return idf, sorted(idf.values())[len(idf) // 2]


_WORDLIKE = regex.compile(r"^[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]*$")


def keywords_of(text: str, top: int | None = None, rules: ProblemRules | None = None) -> list[str]:
    """The ``top`` most salient jieba terms of ``text`` by TF-IDF (ties keep text order).

    >>> keywords_of("资金短缺、融资难仍然是制约园区发展的瓶颈。", 3)
    ['资金短缺', '融资难', '园区']
    """
    rules = rules or problem_rules()
    top = rules.top_keywords if top is None else top
    if top <= 0 or not text:
        return []
    idf, median = _idf()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for w, s, _ in Segmenter.default().tokens(text):
        if len(w) < rules.keyword_min_chars or w in rules.stop_words or not _WORDLIKE.match(w):
            continue
        if "x" in w.lower() and not regex.search(r"\p{Han}", w):
            continue
        counts[w] += 1
        first.setdefault(w, s)
    ranked = sorted(counts, key=lambda w: (-counts[w] * idf.get(w, median), first[w]))
    return ranked[:top]


# -- public API -------------------------------------------------------------------------------------
def _names_problem(t: str, rules: ProblemRules) -> bool:
    """True when ``t`` names a shortcoming (outside.patterns) and no work done on one (outside.exclude)."""
    return (rules.outside is not None and rx_search(rules.outside, t) is not None
            and not (rules.outside_exclude and rx_search(rules.outside_exclude, t)))


def _reads_like_problem(t: str, rules: ProblemRules) -> bool:
    return _names_problem(t, rules) and not (rules.outside_exclude_start and rx_search(rules.outside_exclude_start, t))


def _outside_rows(doc: Document, rules: ProblemRules, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    text = doc.text
    out = []
    spans = sorted(covered)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end among spans[:i+1]
    for sent in doc.sentences:
        i = bisect.bisect_left(starts, sent.end) - 1  # spans starting before the sentence ends
        if i >= 0 and reach[i] > sent.start:
            continue
        s, e = _trim(text, sent.start, sent.end)
        t = text[s:e]
        if len(t) < 6 or not _reads_like_problem(t, rules):
            continue
        if heading_at_line(t) is not None and len(t) <= 40:
            continue
        out.append((s, e, sent.section))
    return out


def extract_problems(source: Source | None = None, *, text: str | None = None, categories: CategoryMap | None = None,
                     replace_categories: bool = False, include_outside: bool = False,
                     top_keywords: int | None = None) -> pd.DataFrame:
    """Problem statements of a document (path, bytes, :class:`Document` or ``text=``), one row per item.

    Columns (:data:`PROBLEM_DTYPES`): ``doc_id``; ``article`` (1-based, 0 for a preamble);
    ``section`` (the path of the problem section, ``一、上半年工作总结 > (三)存在的问题``; for a
    cue in running text or a sentence outside, the section where it stands); ``item`` (1-based
    position within its problem block, or within its section for outside sentences); ``start``,
    ``end`` and ``text`` with ``doc.text[start:end] == text`` (the item without its marker, outer
    whitespace and separating comma/semicolon; a closing 。 is kept); ``categories`` (list of
    str from the category lexicon, matched on jieba token boundaries); ``keywords`` (list of str,
    the item's top TF-IDF terms); ``in_problem_section``.

    By default only problems inside a problem section or after an explicit cue are returned (all
    with ``in_problem_section=True``), so every row can be scored as a problem statement.
    ``include_outside=True`` also returns problem-like sentences elsewhere ("…仍然是制约园区发展
    的瓶颈", "…困难较大") with ``in_problem_section=False``.

    ``categories`` adds keywords to the default lexicon (``{"资金": ["专项债"], "安全": ["隐患"]}``)
    or names a ``category,keyword`` CSV; with ``replace_categories=True`` it replaces the lexicon.
    ``top_keywords`` overrides how many keywords each row gets (default from ``problems.toml``).
    Nothing found gives an empty frame with the full schema.
    """
    rules = problem_rules()
    lexicon = _resolve_lexicon(categories, replace_categories)
    doc = as_document(source, text=text)
    with rule_guard(doc_name(doc)):
        df = to_frame(problem_rows(doc, rules, lexicon, include_outside, top_keywords), PROBLEM_DTYPES)
    df.attrs["doc_id"] = doc.doc_id
    return df


def problem_rows_of(doc: Document) -> list[dict]:
    """:func:`problem_rows` of a document with the default rules and options (what
    ``extract_problems(doc)`` returns, as rows)."""
    return problem_rows(doc, problem_rules(), category_lexicon(), False, None)


def problem_rows(doc: Document, rules: ProblemRules, lexicon: Mapping[str, Iterable[str]],
                 include_outside: bool, top_keywords: int | None) -> list[dict]:
    """One problems-frame row (a dict keyed by :data:`PROBLEM_COLUMNS`) per problem item, in text order."""
    text = doc.text
    layout = _Layout(doc)
    spans: list[tuple[int, int, str, int, bool]] = []  # start, end, section, item, in_section
    covered: list[tuple[int, int]] = []
    for blk in _find_blocks(doc, layout, rules):
        items = [sp for sp in (_without_tail(text, it, rules) for it in _block_items(doc, layout, rules, blk))
                 if sp[1] > sp[0]]
        covered.append((blk.head, blk.limit))
        for n, (s, e) in enumerate(items, start=1):
            spans.append((s, e, blk.section, n, True))
    if include_outside:
        covered += [(s, e) for s, e, *_ in spans]
        per_section: Counter[str] = Counter()
        for s, e, section in _outside_rows(doc, rules, covered):
            per_section[section] += 1
            spans.append((s, e, section, per_section[section], False))
    spans.sort(key=lambda r: (r[0], r[1]))
    rows = []
    for s, e, section, n, inside in spans:
        t = text[s:e]
        rows.append({
            "doc_id": doc.doc_id,
            "article": doc.article_index(s),
            "section": section,
            "item": n,
            "start": s,
            "end": e,
            "text": t,
            "categories": categorize(t[:ANALYSE_MAX_CHARS], lexicon),
            "keywords": keywords_of(t[:ANALYSE_MAX_CHARS], top_keywords, rules),
            "in_problem_section": inside,
        })
    return rows
