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

from dataclasses import dataclass
from functools import lru_cache

import regex

from .datafiles import MATCH_TIMEOUT, compile_pattern, load_toml
from .model import Article, Block, Document, Section, Sentence
from .readers.base import ReadResult
from .readers.text import split_lines

__all__ = ["build_document", "OutlineRules", "outline_rules", "heading_at_line"]


@dataclass(frozen=True)
class OutlineRules:
    article_markers: tuple[regex.Pattern[str], ...]
    min_articles: int
    max_article_title_chars: int
    headings: tuple[tuple[int, regex.Pattern[str]], ...]
    title_stop: regex.Pattern[str]
    max_title_chars: int
    sentence: regex.Pattern[str]
    dates: tuple[regex.Pattern[str], ...]
    authors: tuple[regex.Pattern[str], ...]
    head_chars: int


@lru_cache(maxsize=8)
def outline_rules(path: str = "outline.toml") -> OutlineRules:
    """The compiled outline rules (cached: compiled once per process)."""
    d = load_toml(path)
    src = path
    markers = tuple(compile_pattern(p, src, f"article_markers[{i}]") for i, p in enumerate(d["article_markers"]))
    heads = tuple((int(h["level"]), compile_pattern(h["pattern"], src, f"headings[{i}].pattern"))
                  for i, h in enumerate(d["headings"]))
    stops = regex.escape(d["title_stops"])
    term, close = regex.escape(d["sentence_terminators"]), regex.escape(d["sentence_closers"])
    sentence = compile_pattern(f"[^{term}\\n]+(?:[{term}]+[{close}]*)?|[{term}]+[{close}]*", src, "sentence_terminators")
    meta = d.get("metadata", {})
    return OutlineRules(
        article_markers=markers,
        min_articles=int(d.get("min_articles", 2)),
        max_article_title_chars=int(d.get("max_article_title_chars", 40)),
        headings=heads,
        title_stop=compile_pattern(f"[{stops}]", src, "title_stops"),
        max_title_chars=int(d.get("max_title_chars", 40)),
        sentence=sentence,
        dates=tuple(compile_pattern(p, src, f"metadata.date[{i}]") for i, p in enumerate(meta.get("date", []))),
        authors=tuple(compile_pattern(p, src, f"metadata.author[{i}]") for i, p in enumerate(meta.get("author", []))),
        head_chars=int(meta.get("head_chars", 600)),
    )


def heading_at_line(line: str, rules: OutlineRules | None = None) -> tuple[int, str] | None:
    """``(level, number)`` when ``line`` starts with outline numbering, else None.

    >>> heading_at_line("（二）注重对外宣传,强化区域合作")
    (2, '（二）')
    >>> heading_at_line("1.5亿元用于基础设施") is None
    True
    """
    rules = rules or outline_rules()
    for level, pat in rules.headings:
        m = pat.match(line, timeout=MATCH_TIMEOUT)
        if m:
            return level, m.group(0)
    return None


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
        if any(p.search(line, timeout=MATCH_TIMEOUT) for p in rules.article_markers):
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
    m = rules.title_stop.search(line, timeout=MATCH_TIMEOUT)
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
    art_end = {a.index: a.end for a in articles}
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, title)
    current_article = None
    for i, (start, tend, level, art, number) in enumerate(raw):
        if art != current_article:
            stack, current_article = [], art
        end = art_end.get(art, len(text))
        for s2, _, l2, a2, _ in raw[i + 1:]:
            if a2 != art:
                break
            if l2 <= level:
                end = s2
                break
        while stack and stack[-1][0] >= level:
            stack.pop()
        title = text[start:tend]
        stack.append((level, title))
        sections.append(Section(title, level, start, end, tend, art, tuple(t for _, t in stack), number))
    return sections


def _sentences(text: str, doc: Document, rules: OutlineRules) -> list[Sentence]:
    out: list[Sentence] = []
    for m in rules.sentence.finditer(text, timeout=MATCH_TIMEOUT):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e, doc.article_index(s), doc.section_path(s)))
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
            m = p.search(head, timeout=MATCH_TIMEOUT)
            if m:
                meta[key] = m.group(key)
                break
    return meta


def build_document(result: ReadResult, *, doc_id: str, source: str, rules: OutlineRules | None = None) -> Document:
    """Turn a reader's output into a :class:`Document` with articles, sections and sentences."""
    rules = rules or outline_rules()
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
