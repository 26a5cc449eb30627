"""Outline analysis: articles, sections, sentences and metadata from a reader's text and blocks.

>>> from summary_mining.readers.base import ReadResult
>>> text = "投资促进工作总结篇1\\n一、目标任务完成情况\\n签约项目10个。\\n投资促进工作总结篇2\\n二、存在的问题\\n融资难。"
>>> doc = build_document(ReadResult(text, "txt"), doc_id="d", source="<text>")
>>> [(a.index, a.title) for a in doc.articles]
[(1, '投资促进工作总结篇1'), (2, '投资促进工作总结篇2')]
>>> doc.section_path(text.index("融资难")), doc.article_index(text.index("融资难"))
('二、存在的问题', 2)
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from .errors import RuleError
from .datafiles import compile_pattern, load_toml, rule_entries, rule_guard, rx_finditer, rx_match, rx_search
from .model import Article, Block, Document, Section, Sentence
from .readers.base import ReadResult
from .readers.text import split_lines

__all__ = ["build_document", "OutlineRules", "outline_rules", "heading_at_line", "MAX_SENTENCE_CHARS",
           "SectionIndex", "section_index"]

#: Longest sentence kept whole (``max_sentence_chars`` in ``outline.toml`` overrides it). A longer
#: run without 。！？； or a line break (a PDF without punctuation, a file of one 5 MB line) is cut
#: at the last comma/enumeration mark before the limit, else between two non-digits. This keeps
#: every per-sentence step — and the ``sentence`` column, which repeats the sentence for each of
#: its figures — bounded: memory grows with the text, not with figures x sentence length.
MAX_SENTENCE_CHARS = 1000
_SOFT_BREAKS = "，,、；;：:"
_NUMBERISH = frozenset("0123456789.,%xX×*零〇○一二两三四五六七八九十百千万亿点")


@dataclass(frozen=True)
class OutlineRules:
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
    sentence: regex.Pattern[str]
    dates: tuple[regex.Pattern[str], ...]
    authors: tuple[regex.Pattern[str], ...]
    head_chars: int
    max_sentence_chars: int = MAX_SENTENCE_CHARS


@lru_cache(maxsize=8)
def outline_rules(path: str = "outline.toml") -> OutlineRules:
    """The compiled outline rules (cached: compiled once per process)."""
    d = load_toml(path)
    src = path
    with rule_entries(src, "article_markers"):
        markers = tuple(compile_pattern(p, src, f"article_markers[{i}]") for i, p in enumerate(d["article_markers"]))
    with rule_entries(src, "headings"):
        heads = tuple((int(h["level"]), compile_pattern(h["pattern"], src, f"headings[{i}].pattern"))
                      for i, h in enumerate(d["headings"]))
    with rule_entries(src, "title_stops / sentence_terminators / sentence_closers"):
        stops = regex.escape(d["title_stops"])
        term, close = regex.escape(d["sentence_terminators"]), regex.escape(d["sentence_closers"])
    sentence = compile_pattern(f"[^{term}\\n]+(?:[{term}]+[{close}]*)?|[{term}]+[{close}]*", src, "sentence_terminators")
    with rule_entries(src):
        return _outline_rules(d, src, markers, heads, stops, sentence)


def _outline_rules(d: dict, src: str, markers, heads, stops, sentence) -> OutlineRules:
    meta = d.get("metadata", {})
    for key in ("date", "author"):
        for i, p in enumerate(meta.get(key, [])):
            if key not in compile_pattern(p, src, f"metadata.{key}[{i}]").groupindex:
                raise RuleError(f"{src}: metadata.{key}[{i}]: pattern must capture (?P<{key}>...), got {p!r}")
    return OutlineRules(
        article_markers=markers,
        min_articles=int(d.get("min_articles", 2)),
        max_article_title_chars=int(d.get("max_article_title_chars", 40)),
        headings=heads,
        heading_any=compile_pattern("|".join(f"(?P<h{i}>{p.pattern})" for i, (_, p) in enumerate(heads)),
                                    src, "headings"),
        heading_levels={f"h{i}": level for i, (level, _) in enumerate(heads)},
        title_stop=compile_pattern(f"[{stops}]", src, "title_stops"),
        max_title_chars=int(d.get("max_title_chars", 40)),
        sentence=sentence,
        dates=tuple(compile_pattern(p, src, f"metadata.date[{i}]") for i, p in enumerate(meta.get("date", []))),
        authors=tuple(compile_pattern(p, src, f"metadata.author[{i}]") for i, p in enumerate(meta.get("author", []))),
        head_chars=int(meta.get("head_chars", 600)),
        max_sentence_chars=max(16, int(d.get("max_sentence_chars", MAX_SENTENCE_CHARS))),
    )


def heading_at_line(line: str, rules: OutlineRules | None = None) -> tuple[int, str] | None:
    """``(level, number)`` when ``line`` starts with outline numbering, else None.

    >>> heading_at_line("（二）注重对外宣传,强化区域合作")
    (2, '（二）')
    >>> heading_at_line("1.5亿元用于基础设施") is None
    True
    """
    rules = rules or outline_rules()
    m = rx_match(rules.heading_any, line)  # the alternation tries the patterns in order, like a loop would
    if not m:
        return None
    name = m.lastgroup if m.lastgroup in rules.heading_levels else next(n for n in rules.heading_levels if m.group(n) is not None)
    return rules.heading_levels[name], m.group(0)


def _lines(text: str, blocks: list[Block]) -> list[Block]:
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


def _find_articles(text: str, lines: list[Block], rules: OutlineRules, title: str) -> list[Article]:
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


def _heading_title(text: str, b: Block, rules: OutlineRules, numbered: bool) -> int:
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


def _find_sections(text: str, lines: list[Block], articles: list[Article], rules: OutlineRules) -> list[Section]:
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


def _sentence_spans(text: str, rules: OutlineRules):
    cap = rules.max_sentence_chars
    for m in rx_finditer(rules.sentence, text):
        s, e = m.span()
        while e - s > cap:
            cut = _cut_point(text, s, cap)
            yield s, cut
            s = cut
        yield s, e


class SectionIndex:
    """The innermost section at an offset in O(nesting depth), like :meth:`Document.section_at`
    (which walks back over every earlier section: quadratic when thousands of sections precede
    a long run of text that none of them holds, e.g. a second article without headings).

    Sections nest (each ends where the next one of its level or higher begins), so the sections
    holding an offset are the last section starting at or before it and its enclosing ones.
    """

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.starts = [s.start for s in sections]
        self.parent: list[int] = []
        stack: list[int] = []
        for i, sec in enumerate(sections):
            while stack and sections[stack[-1]].end <= sec.start:
                stack.pop()
            self.parent.append(stack[-1] if stack and sections[stack[-1]].start <= sec.start else -1)
            stack.append(i)

    def at(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            sec = self.sections[i]
            if sec.start <= offset < sec.end:
                return sec
            i = self.parent[i]
        return None

    def path(self, offset: int) -> str:
        sec = self.at(offset)
        return sec.path_str if sec else ""


def section_index(doc: Document) -> SectionIndex:
    """The :class:`SectionIndex` of ``doc`` (built once per document)."""
    idx = doc.__dict__.get("_section_index")
    if idx is None or idx.sections is not doc.sections:
        idx = SectionIndex(doc.sections)
        doc.__dict__["_section_index"] = idx
    return idx


def _sentences(text: str, doc: Document, rules: OutlineRules) -> list[Sentence]:
    out: list[Sentence] = []
    section_at, article_index = section_index(doc).at, doc.article_index
    paths: dict[int, str] = {}  # id(section) -> its path, joined once per section
    for s, e in _sentence_spans(text, rules):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sec = section_at(s)
            if sec is None:
                path = ""
            elif (path := paths.get(id(sec))) is None:
                path = paths[id(sec)] = sec.path_str
            out.append(Sentence(len(out), s, e, article_index(s), path))
    return out


def _metadata(text: str, lines: list[Block], rules: OutlineRules, known: dict) -> dict:
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


def build_document(result: ReadResult, *, doc_id: str, source: str, rules: OutlineRules | None = None) -> Document:
    """Turn a reader's output into a :class:`Document` with articles, sections and sentences."""
    rules = rules or outline_rules()
    with rule_guard(source if source and not source.startswith("<") else str(doc_id)):
        text = result.text
        blocks = result.blocks or split_lines(text)
        lines = _lines(text, blocks)
        meta = _metadata(text, lines, rules, {k: v for k, v in result.metadata.items() if v})
        articles = _find_articles(text, lines, rules, str(meta.get("title") or ""))
        sections = _find_sections(text, lines, articles, rules)
        doc = Document(doc_id=str(doc_id), source=source, format=result.format, text=text, articles=articles,
                       sections=sections, tables=list(result.tables), blocks=list(blocks), metadata=meta)
        doc.sentences = _sentences(text, doc, rules)
        doc.__post_init__()
    return doc
