"""Text structure, computed once per document: lines, paragraphs, statements, clauses, full
sentences, articles, sections and metadata — every boundary in one place, from one rules file
(``data/structure.toml``).

Later stages (labels, relations and the audit, regions, periods, problems) read these boundaries
through the :class:`~summary_mining.model.Document` lookups and compute none of their own.

>>> from summary_mining.readers.base import ReadResult
>>> text = "投资促进工作总结篇1\\n一、目标任务完成情况\\n签约项目10个；履约率90%。\\n投资促进工作总结篇2\\n二、存在的问题\\n融资难。"
>>> doc = build_document(ReadResult(text, "txt"), doc_id="d", source="<text>")
>>> [(a.index, a.title) for a in doc.articles]
[(1, '投资促进工作总结篇1'), (2, '投资促进工作总结篇2')]
>>> doc.section_path(text.index("融资难")), doc.article_index(text.index("融资难"))
('二、存在的问题', 2)
>>> [text[s.start:s.end] for s in doc.sentences][2:4]
['签约项目10个；', '履约率90%。']
>>> text[slice(*doc.stop_span(text.index("履约率")))]
'签约项目10个；履约率90%。'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

from .datafiles import (
    compile_pattern,
    rule_entries,
    rule_guard,
    rules_from,
    rx_finditer,
    rx_fullmatch,
    rx_match,
    rx_search,
    rx_sub,
)
from .errors import RuleError
from .model import Article, Block, Document, Paragraph, Section, SectionIndex, Sentence
from .normalize import normalize
from .readers.base import ReadResult
from .readers.text import split_lines

__all__ = ["build_document", "StructureRules", "structure_rules", "heading_at_line", "MAX_SENTENCE_CHARS",
           "split_lines", "PAD_SPACES"]

#: Longest statement kept whole (``max_sentence_chars`` in ``structure.toml`` overrides it). A longer
#: run without 。！？； or a paragraph end (a PDF without punctuation, a file of one 5 MB line) is cut
#: at the last comma/enumeration mark before the limit, else between two non-digits. This keeps
#: every per-statement step bounded: memory grows with the text, not with figures x statement length.
MAX_SENTENCE_CHARS = 1000
_SOFT_BREAKS = "，,、；;：:"
_NUMBERISH = frozenset("0123456789.,%xX×*零〇○一二两三四五六七八九十百千万亿点")


@dataclass(frozen=True)
class StructureRules:
    article_markers: tuple[regex.Pattern[str], ...]
    min_articles: int
    max_article_title_chars: int
    headings: tuple[tuple[int, regex.Pattern[str]], ...]
    #: the heading patterns as one alternation tried at a line start (group ``h<i>`` is
    #: ``headings[i]``): one call per line instead of one per pattern
    heading_any: regex.Pattern[str]
    heading_levels: dict[str, int]
    title_stop: regex.Pattern[str]
    max_title_chars: int
    #: ``sentence`` and ``clause_break`` are character classes generated from the break characters
    #: (never a user regex, linear on any input), scanned directly: compiled by the stdlib ``re``,
    #: which scans a character class several times faster than ``regex``
    sentence: re.Pattern[str]
    full_stop: regex.Pattern[str]
    terminator: regex.Pattern[str]  # one statement terminator (。！？；)
    clause_break: re.Pattern[str]
    clause_breaks: frozenset[str]
    digit_group: regex.Pattern[str] | None
    gloss: regex.Pattern[str] | None
    dates: tuple[regex.Pattern[str], ...]
    authors: tuple[regex.Pattern[str], ...]
    head_chars: int
    max_sentence_chars: int = MAX_SENTENCE_CHARS
    min_wrapped_lines: int = 5
    min_wrap_width: int = 15
    wrap_slack: int = 4
    hard_end: str = "。！？!?；;：:"
    closers: str = "”’」』）)】"
    #: a line holding only a page number (—3—), left inside a paragraph that a page break cut
    page_number: regex.Pattern[str] | None = None


@lru_cache(maxsize=8)
def structure_rules(path: str = "structure.toml") -> StructureRules:
    """The compiled structure rules (cached: compiled once per process)."""
    return rules_from(path, _compile)


def _compile(d: dict, src: str) -> StructureRules:
    with rule_entries(src, "article_markers"):
        markers = tuple(compile_pattern(p, src, f"article_markers[{i}]") for i, p in enumerate(d["article_markers"]))
    with rule_entries(src, "headings"):
        heads = tuple((int(h["level"]), compile_pattern(h["pattern"], src, f"headings[{i}].pattern"))
                      for i, h in enumerate(d["headings"]))
    with rule_entries(src):
        return _structure_rules(d, src, markers, heads)


def _chars(d: dict, key: str, src: str) -> str:
    v = d[key]
    if not isinstance(v, str) or not v:
        raise RuleError(f"{src}: {key}: must be a non-empty string of characters, got {v!r}")
    return v


def _char_classes(pattern: str, src: str, where: str) -> re.Pattern[str]:
    """A pattern of character classes generated from a rules file's break characters, compiled by
    the stdlib ``re`` (checked by :func:`compile_pattern` first, so a bad character names its entry)."""
    compile_pattern(pattern, src, where)
    return re.compile(pattern)


def _structure_rules(d: dict, src: str, markers, heads) -> StructureRules:
    meta = d.get("metadata", {})
    for key in ("date", "author"):
        for i, p in enumerate(meta.get(key, [])):
            if key not in compile_pattern(p, src, f"metadata.{key}[{i}]").groupindex:
                raise RuleError(f"{src}: metadata.{key}[{i}]: pattern must capture (?P<{key}>...), got {p!r}")
    term = regex.escape(_chars(d, "sentence_terminators", src))
    close = regex.escape(_chars(d, "sentence_closers", src))
    stops = regex.escape(_chars(d, "full_stops", src))
    breaks = _chars(d, "clause_breaks", src)
    wrap = d.get("wrap", {})
    return StructureRules(
        article_markers=markers,
        min_articles=int(d.get("min_articles", 2)),
        max_article_title_chars=int(d.get("max_article_title_chars", 40)),
        headings=heads,
        heading_any=compile_pattern("|".join(f"(?P<h{i}>{p.pattern})" for i, (_, p) in enumerate(heads)),
                                    src, "headings"),
        heading_levels={f"h{i}": level for i, (level, _) in enumerate(heads)},
        title_stop=compile_pattern(f"[{regex.escape(_chars(d, 'title_stops', src))}]", src, "title_stops"),
        max_title_chars=int(d.get("max_title_chars", 40)),
        sentence=_char_classes(f"[^{term}]+(?:[{term}]+[{close}]*)?|[{term}]+[{close}]*", src, "sentence_terminators"),
        full_stop=compile_pattern(f"[{stops}]+[{close}]*", src, "full_stops"),
        terminator=compile_pattern(f"[{term}]", src, "sentence_terminators"),
        clause_break=_char_classes(f"[{regex.escape(breaks)}\\n]", src, "clause_breaks"),
        clause_breaks=frozenset(breaks),
        digit_group=compile_pattern(d["digit_group"], src, "digit_group") if d.get("digit_group") else None,
        gloss=compile_pattern(d["glosses"], src, "glosses") if d.get("glosses") else None,
        dates=tuple(compile_pattern(p, src, f"metadata.date[{i}]") for i, p in enumerate(meta.get("date", []))),
        authors=tuple(compile_pattern(p, src, f"metadata.author[{i}]") for i, p in enumerate(meta.get("author", []))),
        head_chars=int(meta.get("head_chars", 600)),
        max_sentence_chars=max(16, int(d.get("max_sentence_chars", MAX_SENTENCE_CHARS))),
        min_wrapped_lines=int(wrap.get("min_wrapped_lines", 5)),
        min_wrap_width=int(wrap.get("min_wrap_width", 15)),
        wrap_slack=int(wrap.get("wrap_slack", 4)),
        hard_end=str(wrap.get("hard_end", "。！？!?；;：:")),
        closers=_chars(d, "sentence_closers", src),
        page_number=compile_pattern(wrap["page_number"], src, "wrap.page_number") if wrap.get("page_number") else None,
    )


def heading_at_line(line: str, rules: StructureRules | None = None) -> tuple[int, str] | None:
    """``(level, number)`` when ``line`` starts with outline numbering, else None.

    >>> heading_at_line("（二）注重对外宣传,强化区域合作")
    (2, '（二）')
    >>> heading_at_line("1.5亿元用于基础设施") is None
    True
    """
    rules = rules or structure_rules()
    m = rx_match(rules.heading_any, line)  # the alternation tries the patterns in order, like a loop would
    if not m:
        return None
    name = m.lastgroup if m.lastgroup in rules.heading_levels else next(n for n in rules.heading_levels if m.group(n) is not None)
    return rules.heading_levels[name], m.group(0)


# -- lines and paragraphs ---------------------------------------------------------------------------
def _raw_lines(text: str) -> list[tuple[int, int]]:
    """Every line of the text (line break excluded), blank ones included."""
    out, pos = [], 0
    while (nl := text.find("\n", pos)) >= 0:  # no copy of each line (a split would hold them all at once)
        out.append((pos, nl))
        pos = nl + 1
    out.append((pos, len(text)))
    return out


#: The spaces a justified PDF line pads its words with (全 市 社 会 保 险): they take no width of their own and
#: are read past inside a clause (figure_relations.context).
PAD_SPACES = " \t\u3000\u00a0"


def _visible_len(line: str) -> int:
    """The width a line takes, in Chinese characters: spaces not counted (a justified PDF line pads its words with
    spaces: 全 市 社 会 保 险 基 金 收 is as wide as 全市社会保险基金收入114.3亿元), and an ASCII character (a digit, a Latin
    letter, punctuation) half as wide as a Chinese one (地方政府债务余额 266.63 亿元，控制在限额范围内，风险总体
    and 性质看，一般债务 193.29 亿元，占 73.35%，专项债务 73.34 亿 fill one line of a page alike)."""
    pads = sum(line.count(c) for c in PAD_SPACES)
    half = len(line.encode("ascii", "ignore")) - line.count(" ") - line.count("\t")  # (ASCII: one C call)
    return len(line) - pads - half // 2


def _wrap_width(text: str, lines: list[tuple[int, int]], rules: StructureRules) -> int | None:
    """The line width of a hard-wrapped text (fixed-width lines), None when the text is not wrapped."""
    lens = [_visible_len(text[s:e]) for s, e in lines]
    long = [n for n in lens if n >= 12]
    if len(long) < rules.min_wrapped_lines:
        return None
    counts = Counter(long)
    mode, _ = counts.most_common(1)[0]
    # the longest well-populated length (a twentieth of the lines; a few long headings are not the width)
    width = max((n for n, c in counts.items() if c >= max(2, len(long) // 20) and n >= mode), default=mode)
    cluster = sum(1 for n in long if width - 4 <= n <= width + 2)
    longer = sum(1 for n in long if n > width + 6)
    if width >= rules.min_wrap_width and cluster >= 4 and cluster >= 0.4 * len(long) and longer <= 0.15 * len(long):
        return width
    return None


def _soft_breaks(text: str, lines: list[tuple[int, int]], hard_lines: set[int], rules: StructureRules) -> set[int]:
    """Indexes ``i`` of the lines whose break (to line ``i + 1``) only wraps the line."""
    width = _wrap_width(text, lines, rules)
    if width is None:
        return set()
    soft = set()
    for i in range(len(lines) - 1):
        if i in hard_lines or i + 1 in hard_lines:
            continue
        line = text[lines[i][0]:lines[i][1]].strip()
        nxt = text[lines[i + 1][0]:lines[i + 1][1]].strip()
        page = i + 2 < len(lines) and _is_page_number(nxt, rules)
        if page:  # 加上中央补助2420亿元、⏎—3—⏎政府一般债务收入931亿元…: the page break is no paragraph end
            nxt = text[lines[i + 2][0]:lines[i + 2][1]].strip()
        # a line well short of the width ends its paragraph; PDF text pads lines unevenly (digits are half as
        # wide), so "short" is under 60 % of the width or under it less the slack, whichever is shorter
        if not line or not nxt or _visible_len(line) < min(width - rules.wrap_slack, 0.6 * width):
            continue
        if line.rstrip(rules.closers)[-1:] in rules.hard_end or line[-1:] in rules.hard_end:
            continue
        if heading_at_line(nxt, rules) is not None:
            continue
        soft.add(i)
        if page:
            soft.add(i + 1)
    return soft


def _is_page_number(line: str, rules: StructureRules) -> bool:
    """A line holding only a page number (—3—; full-width digits too: — ９ —)."""
    return rules.page_number is not None and rx_fullmatch(rules.page_number, normalize(line)) is not None


def _paragraphs(text: str, lines: list[tuple[int, int]], soft: set[int]) -> list[Paragraph]:
    """Non-blank lines, joined across soft wraps; offsets trimmed of edge whitespace."""
    out: list[Paragraph] = []
    start = None
    for i, (s, e) in enumerate(lines):
        if start is None:
            if text[s:e].strip():
                start = s
            else:
                continue
        if i in soft:
            continue
        a, b = start, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Paragraph(len(out), a, b))
        start = None
    return out


def _line_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """Line-level blocks: reader blocks split at line breaks (a table row stays one line)."""
    out: list[Block] = []
    for b in blocks:
        seg = text[b.start:b.end]
        if "\n" not in seg or b.kind == "table_row":
            out.append(b)
            continue
        for sub in split_lines(seg):
            out.append(Block(b.start + sub.start, b.start + sub.end, b.kind, b.level, b.table, b.row, b.page))
    return out


# -- outline ----------------------------------------------------------------------------------------
def _find_articles(text: str, lines: list[Block], rules: StructureRules, title: str) -> list[Article]:
    starts = []
    for b in lines:
        if b.kind == "table_row" or b.end - b.start > rules.max_article_title_chars:
            continue
        line = text[b.start:b.end]
        if any(rx_search(p, line) for p in rules.article_markers):
            starts.append(b)
    if len(starts) < rules.min_articles:
        return [Article(1, title, 0, len(text))]
    arts = []
    for i, b in enumerate(starts):
        end = starts[i + 1].start if i + 1 < len(starts) else len(text)
        arts.append(Article(i + 1, text[b.start:b.end], b.start, end))
    return arts


def _heading_title(text: str, b: Block, rules: StructureRules, numbered: bool) -> int:
    """End offset of the heading's title within the line block ``b``."""
    line = text[b.start:b.end]
    if not numbered:
        return b.end
    m = rx_search(rules.title_stop, line)
    end = m.start() if m else len(line)
    end = min(end, rules.max_title_chars)
    while end > 0 and line[end - 1] in " \t\u3000,，、":
        end -= 1
    return b.start + max(end, 1)


def _find_sections(text: str, lines: list[Block], articles: list[Article], rules: StructureRules) -> list[Section]:
    raw: list[tuple[int, int, int, int, str]] = []  # (start, title_end, level, article, number)
    art_i = 0
    for b in lines:
        while art_i + 1 < len(articles) and b.start >= articles[art_i + 1].start:
            art_i += 1
        if b.kind == "table_row":
            continue
        art = articles[art_i]
        if b.start == art.start and len(articles) > 1:
            continue  # the article's own title line
        line = text[b.start:b.end]
        hit = heading_at_line(line, rules)
        if hit:
            level, number = hit
            raw.append((b.start, _heading_title(text, b, rules, True), level, art.index, number.strip()))
        elif b.kind == "heading" and b.level:
            raw.append((b.start, b.end, b.level, art.index, ""))
    # a heading runs to the next heading of the same or a higher level in its article (one pass:
    # the headings still open wait on a stack, so thousands of headings cost no more than a few)
    art_end = {a.index: a.end for a in articles}
    ends = [0] * len(raw)
    open_: list[int] = []  # indexes into raw, levels strictly increasing from bottom to top
    for i, (start, _, level, art, _) in enumerate(raw):
        if open_ and raw[open_[-1]][3] != art:
            for j in open_:
                ends[j] = art_end.get(raw[j][3], len(text))
            open_ = []
        while open_ and raw[open_[-1]][2] >= level:
            ends[open_.pop()] = start
        open_.append(i)
    for j in open_:
        ends[j] = art_end.get(raw[j][3], len(text))
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, title)
    current_article = None
    for i, (start, tend, level, art, number) in enumerate(raw):
        if art != current_article:
            stack, current_article = [], art
        while stack and stack[-1][0] >= level:
            stack.pop()
        title = text[start:tend]
        stack.append((level, title))
        sections.append(Section(title, level, start, ends[i], tend, art, tuple(t for _, t in stack), number))
    return sections


# -- statements, clauses, full sentences ------------------------------------------------------------------
def _cut_point(text: str, s: int, cap: int) -> int:
    """Where to cut a run longer than ``cap`` that starts at ``s``: after the last comma-like mark
    in its second half, else between two characters that are not both part of a number."""
    lo, hi = s + cap // 2, s + cap
    cut = max(text.rfind(c, lo, hi) for c in _SOFT_BREAKS)
    if cut >= 0:
        return cut + 1
    cut = hi
    while cut > hi - 64 and text[cut - 1] in _NUMBERISH and text[cut] in _NUMBERISH:
        cut -= 1
    return cut if text[cut - 1] not in _NUMBERISH or text[cut] not in _NUMBERISH else hi


def _sentence_spans(text: str, paragraphs: list[Paragraph], rules: StructureRules):
    cap = rules.max_sentence_chars
    for p in paragraphs:
        for m in rules.sentence.finditer(text, p.start, p.end):  # a negated character class: linear
            s, e = m.span()
            while e - s > cap:
                cut = _cut_point(text, s, cap)
                yield s, cut
                s = cut
            yield s, e


def _sentences(text: str, paragraphs: list[Paragraph], articles: list[Article], index: SectionIndex,
               rules: StructureRules) -> list[Sentence]:
    out: list[Sentence] = []
    paths: dict[int, str] = {}  # section index -> its path, joined once per section
    starts = [a.start for a in articles]
    art_i = 0
    for s, e in _sentence_spans(text, paragraphs, rules):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        while art_i + 1 < len(starts) and s >= starts[art_i + 1]:
            art_i += 1
        a = articles[art_i] if articles else None
        article = a.index if a is not None and a.start <= s < a.end else 0
        k = index.index_at(s)
        if k < 0:
            path = ""
        elif (path := paths.get(k)) is None:
            path = paths[k] = index.sections[k].path_str
        out.append(Sentence(len(out), s, e, article, path))
    return out


def _cuts(pattern: regex.Pattern[str], norm: str, extra: list[int], skip: set[int] = frozenset()) -> list[int]:
    """Offsets right after each match of ``pattern`` (but those in ``skip``), merged with ``extra``
    (sorted, unique).

    ``pattern`` is a character class (built from the break characters of ``structure.toml``, never a
    user regex): linear on any input, so it runs without the per-match budget of the ``rx_*`` helpers,
    which would cost a call per clause."""
    found = {m.end() for m in pattern.finditer(norm)} - skip
    found.update(extra)
    return sorted(found)


#: The longest span between two stops that may be blank (the line break between two paragraphs).
BLANK_SPAN = 8


def _stop_numbers(stops: list[int], text: str) -> list[int]:
    """The number of each span between ``stops`` (``Document.stop_index``), blank ones left out of the count: the line
    break between two paragraphs is a span of its own between the stop closing one and the one opening the next, and
    takes the next one's number, so "the full sentence right after" reads across a line break (…零售总额5320.9亿元，增长
    3.2%。⏎按经营地统计，城镇…).

    >>> text = "零售总额5320.9亿元，增长3.2%。\\n按经营地统计，城镇6257.4亿元。"
    >>> _stop_numbers([0, 20, 21, 39], text)
    [0, 0, 1, 1, 2]
    """
    out, blanks, prev = [], 0, 0
    for k in range(len(stops) + 1):
        end = stops[k] if k < len(stops) else len(text)
        out.append(k - blanks)
        blanks += end - prev <= BLANK_SPAN and not text[prev:end].strip()
        prev = end
    return out


#: The brackets a gloss (or a footnote's number) opens with: a string holding none has none (one C call each).
GLOSS_OPENERS = "(（[［"


def may_hold_gloss(s: str) -> bool:
    """``s`` holds a bracket a gloss opens with (:data:`GLOSS_OPENERS`)."""
    return any(map(s.__contains__, GLOSS_OPENERS))  # (no generator: one C loop)


def strip_glosses(s: str) -> str:
    """``s`` without pronunciation glosses (``glosses`` in structure.toml): 第一產(chǎn)業 -> 第一產業.

    >>> strip_glosses("增長(zhǎng)3.6%")
    '增長3.6%'
    """
    if not may_hold_gloss(s):  # (most strings hold no bracket: no rule lookup)
        return s
    gloss = structure_rules().gloss
    return rx_sub(gloss, "", s) if gloss is not None else s


def _gloss_brackets(gloss: regex.Pattern[str] | None, norm: str) -> set[int]:
    """Cuts after the brackets of pronunciation glosses (企业(yè)): a gloss annotates a word, it ends no
    clause."""
    if gloss is None or not may_hold_gloss(norm):
        return set()
    return {k for m in rx_finditer(gloss, norm) for k in (m.start() + 1, m.end())}


def _digit_groups(pattern: regex.Pattern[str] | None, norm: str) -> set[int]:
    """Cuts after the commas that group a number's digits (391,267万元): no clause ends there."""
    if pattern is None or "," not in norm:
        return set()
    return {m.end() for m in rx_finditer(pattern, norm)}


def _metadata(text: str, lines: list[Block], rules: StructureRules, known: dict) -> dict:
    meta = dict(known)
    head = text[: rules.head_chars]
    if not meta.get("title"):
        for b in lines[:3]:
            line = text[b.start:b.end].strip()
            if line and len(line) <= 60 and b.kind != "table_row":
                meta["title"] = line
                break
    for key, pats in (("date", rules.dates), ("author", rules.authors)):
        if meta.get(key):
            continue
        for p in pats:
            m = rx_search(p, head)
            if m:
                meta[key] = m.group(key)
                break
    return meta


def build_document(result: ReadResult, *, doc_id: str, source: str, rules: StructureRules | None = None,
                   wraps: Iterable[int] = ()) -> Document:
    """Turn a reader's output into a :class:`Document`: every boundary of the text, computed once. ``wraps``: offsets
    of line breaks of a text file known to wrap a line (as a copy of the text read them), besides those its lines'
    widths show."""
    rules = rules or structure_rules()
    with rule_guard(source if source and not source.startswith("<") else str(doc_id)):
        text = result.text
        blocks = result.blocks or split_lines(text)
        line_blocks = _line_blocks(text, blocks)
        meta = _metadata(text, line_blocks, rules, {k: v for k, v in result.metadata.items() if v})
        articles = _find_articles(text, line_blocks, rules, str(meta.get("title") or ""))
        sections = _find_sections(text, line_blocks, articles, rules)
        lines = _raw_lines(text)
        soft: set[int] = set()
        if result.format == "txt":
            tables = {i for i, (s, e) in enumerate(lines) if "\t" in text[s:e]}
            soft = _soft_breaks(text, lines, tables, rules)
            if wraps:
                known = set(wraps)
                soft |= {i for i, (_, e) in enumerate(lines[:-1]) if e in known and i not in tables and i + 1 not in tables}
        paragraphs = _paragraphs(text, lines, soft)
        index = SectionIndex(sections)
        sentences = _sentences(text, paragraphs, articles, index, rules)
        norm = normalize(text)
        starts = [s.start for s in sentences]
        para_edges = [p.start for p in paragraphs] + [p.end for p in paragraphs]
        # a soft-wrapped line break ends no clause (完成年初预算112.76⏎亿元的101.37%)
        wrapped = {lines[i][1] + 1 for i in soft}
        clause_cuts = _cuts(rules.clause_break, norm, starts,
                            _gloss_brackets(rules.gloss, norm) | wrapped | _digit_groups(rules.digit_group, norm))
        stops = _cuts(rules.full_stop, norm, para_edges)
        doc = Document(doc_id=str(doc_id), source=source, format=result.format, text=text, articles=articles,
                       sections=sections, sentences=sentences, tables=list(result.tables), blocks=list(blocks),
                       metadata=meta, paragraphs=paragraphs, lines=lines, clause_cuts=clause_cuts, stops=stops,
                       stop_numbers=_stop_numbers(stops, text), normalized_text=norm)
    return doc
