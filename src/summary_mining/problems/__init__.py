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
followed by a plain list gives one row per clause. A cue inside a paragraph (``我们也清醒地看到，…``)
opens the rest of the paragraph, one row per statement up to its closing (``我们一定…``). The patterns,
markers and lexicons are data: ``data/problems.toml`` and ``data/problem_categories.csv``.

The package, one job a module: ``rules`` (the rules files, compiled once), ``phrases`` (what a title
or a statement says), ``layout`` (paragraphs, statements and clauses cut to a span), ``blocks`` (where
problem blocks are and how far they run), ``items`` (a block split into items), ``categories``
(categories and keywords of an item); this module builds the frame.

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

import pandas as pd

from ..datafiles import rule_guard
from ..documents import Source, as_document, doc_name
from ..frame import to_frame
from ..model import Document
from ..structure import heading_at_line
from .blocks import find_blocks
from .categories import categorize, keywords_of
from .items import block_items, without_tail
from .layout import Layout, trim
from .phrases import is_problem_heading, reads_like_problem
from .rules import CategoryMap, ProblemRules, category_lexicon, problem_rules, resolve_lexicon

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

#: ``categories`` and ``keywords`` are read from at most this many characters of an item (a real
#: problem statement is a few hundred; an "item" of a megabyte is an endless unpunctuated line).
ANALYSE_MAX_CHARS = 4000


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
        s, e = trim(text, sent.start, sent.end)
        t = text[s:e]
        if len(t) < 6 or not reads_like_problem(t, rules):
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
    lexicon = resolve_lexicon(categories, replace_categories)
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
    layout = Layout(doc)
    spans: list[tuple[int, int, str, int, bool]] = []  # start, end, section, item, in_section
    covered: list[tuple[int, int]] = []
    for blk in find_blocks(doc, layout, rules):
        items = [sp for sp in (without_tail(text, it, rules) for it in block_items(doc, layout, rules, blk))
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
