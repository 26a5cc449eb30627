"""Tables written in plain text with ``|`` between cells, as web pages copied to text leave them.

Three layouts occur in real files, and one reading serves them all: the table's lines are taken as one
stream of cells cut at each ``|``, and the stream is cut into rows of the width that makes every row a
name followed by numbers (``[text_tables]`` in ``data/tables.toml``):

* a row per line, the header wrapped over lines (``品 名 | 播种面积⏎(亩﹚ |⏎同比增减(%) | 产量﹙吨﹚ |``);
* a cell per line (``项 目 |⏎单 位 |⏎2014年 |⏎…⏎一、旅游业收入 |⏎亿元 |⏎210.23 |``), rows told apart
  only by the width, or by a ``|`` line of its own between rows;
* a ``|`` on its own line after each cell (``|⏎单位:亿元⏎|⏎指 标⏎|⏎绝对数⏎|``); cells before the header
  that give the unit (``单位:亿元``) stay outside the table.

Offsets are into the text unchanged: each cell is a span of ``text``.

>>> text = "主要农作物产量如下表:\\n品 名 | 产量(吨) | 同比增减(%) |\\n粮食作物 | 315690 | 0.8 |\\n其中:稻谷 | 267838 | 1.05 |\\n"
>>> [(t.header, [[text[a:b] for a, b in r] for r in t.rows]) for t in find_text_tables(text)]
[(['品 名', '产量(吨)', '同比增减(%)'], [['粮食作物', '315690', '0.8'], ['其中:稻谷', '267838', '1.05']])]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterator

import regex

from ..datafiles import compile_pattern, rules_from, rx_fullmatch, rx_search

__all__ = ["TextTable", "TextTableRules", "text_table_rules", "find_text_tables", "find_line_tables", "find_space_tables",
           "find_word_tables", "line_spans"]

Span = tuple[int, int]


#: A header cell that names a unit (税收比重%, 产量(吨)), unless ``[text_tables] leaf_header`` says otherwise.
_LEAF_HEADER = r"(?:%|[（(][^（()）]{1,8}[)）])\s*$"


@dataclass(frozen=True)
class TextTableRules:
    separators: str  # characters between cells: | ｜
    max_line_chars: int  # a longer line is prose, never part of a table
    max_continuation_chars: int  # a line without a separator between two table lines continues a cell
    max_width: int
    min_rows: int  # data rows a table needs
    number: regex.Pattern[str]  # a cell holding a number (or a placeholder for one)
    max_value_text_chars: int  # a non-number cell after the row name (a unit: 亿元) is at most this long
    max_cells: int  # a run of | lines with more cells than this is no table (it stays text)
    # tables flattened to a cell per line ([line_tables]): the longest cell line, the shortest run of such lines,
    # how many of them are numbers, and how many rows a table needs
    line_cell_chars: int = 30
    line_min_lines: int = 8
    line_min_numbers: int = 4
    line_min_rows: int = 3
    line_stub_names: frozenset[str] = frozenset()  # the header of the row names, spaces left out (区县, 指标)
    # cells a line each set apart by a blank line (a web page's table): the share of a run's gaps that must be one blank
    # line (two are an empty cell), 0 to read no such run
    line_spaced_share: float = 0.0
    leaf_header: regex.Pattern[str] = regex.compile(_LEAF_HEADER)  # a header cell naming a unit
    # tables whose columns are set apart by spaces ([space_tables]): the shortest gap between two cells, the fewest
    # lines of one width a table takes (header and rows), characters no such line holds (a sentence's)
    space_gap: int = 2
    space_min_lines: int = 3
    space_not_in_line: str = "。，,；;！？"
    # tables whose cells are set apart by one space ([word_tables]): the fewest rows a table takes under its header
    word_min_rows: int = 3

    @cached_property
    def space_marks(self) -> re.Pattern[str]:
        """What no line of a table set apart by spaces holds: a separator, a sentence's marks (one character class)."""
        return re.compile("[" + re.escape(self.separators + self.space_not_in_line) + "]")

    @cached_property
    def space_gap_run(self) -> re.Pattern[str]:
        """A gap between two cells of a table set apart by spaces (a run of at least ``space_gap`` spaces)."""
        return re.compile("[ \u3000]{%d,}" % self.space_gap)

    @cached_property
    def separator_class(self) -> re.Pattern[str]:
        """The separators as one character class of the standard library's ``re`` (linear, no timeout needed)."""
        return re.compile("[" + re.escape(self.separators) + "]")


@lru_cache(maxsize=4)
def text_table_rules(path: str = "tables.toml") -> TextTableRules:
    """``[text_tables]`` of ``data/tables.toml`` (cached)."""
    def build(d: dict, src: str) -> TextTableRules:
        t, lt, st = d.get("text_tables", {}), d.get("line_tables", {}), d.get("space_tables", {})
        return TextTableRules(
            separators=str(t.get("separators", "|｜")),
            max_line_chars=int(t.get("max_line_chars", 200)),
            max_continuation_chars=int(t.get("max_continuation_chars", 16)),
            max_width=int(t.get("max_width", 12)),
            min_rows=int(t.get("min_rows", 2)),
            number=compile_pattern(str(t.get("number", r"[-+−]?[0-9]+(?:\.[0-9]+)?%?|[-—–…]+")), src,
                                   "text_tables.number"),
            max_value_text_chars=int(t.get("max_value_text_chars", 8)),
            max_cells=int(t.get("max_cells", 20_000)),
            line_cell_chars=int(lt.get("max_cell_chars", 30)),
            line_min_lines=int(lt.get("min_lines", 8)),
            line_min_numbers=int(lt.get("min_numbers", 4)),
            line_min_rows=int(lt.get("min_rows", 3)),
            line_stub_names=frozenset("".join(str(w).split()) for w in lt.get("stub_names", ())),
            line_spaced_share=float(lt.get("spaced_share", 0.0)),
            leaf_header=compile_pattern(str(t.get("leaf_header", _LEAF_HEADER)), src, "text_tables.leaf_header"),
            space_gap=int(st.get("gap", 2)),
            space_min_lines=int(st.get("min_lines", 3)),
            space_not_in_line=str(st.get("not_in_line", "。，,；;！？")),
            word_min_rows=int(d.get("word_tables", {}).get("min_rows", 3)),
        )
    return rules_from(path, build)


@dataclass
class TextTable:
    """One table found in text: ``header`` (cell texts, lines joined), ``header_spans`` and ``rows``
    (cell spans of the data rows), ``before`` (spans of cells ahead of the header, e.g. ``单位:亿元``),
    and the span of its text."""

    start: int
    end: int
    header: list[str]
    header_spans: list[Span]
    rows: list[list[Span]]
    before: list[Span] = field(default_factory=list)


def _piped_lines(text: str, rules: TextTableRules) -> list[Span]:
    """Spans of the lines holding a separator, at most ``max_line_chars`` long, in order (found from the
    separators, one character class: a text without one costs a scan and no allocation)."""
    out: list[Span] = []
    max_chars = rules.max_line_chars
    for hit in rules.separator_class.finditer(text):
        i = hit.start()
        if out and i < out[-1][1]:
            continue
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        b = len(text) if b < 0 else b
        if b - a <= max_chars:
            out.append((a, b))
    return out


def _regions(text: str, rules: TextTableRules) -> list[tuple[int, int]]:
    """Runs of lines holding separators, with at most two short lines between two of them (a cell
    continued: ``2015年比⏎2014增长% |``)."""
    out: list[tuple[int, int]] = []
    run: list[Span] = []
    for a, b in _piped_lines(text, rules):
        if run:
            gap = text[run[-1][1] + 1:a] if a > run[-1][1] else ""
            lines = gap.split("\n")[:-1] if gap else []
            if len(lines) <= 2 and all(0 < len(x.strip()) <= rules.max_continuation_chars for x in lines):
                run.append((a, b))
                continue
            if len(run) > 1:
                out.append((run[0][0], run[-1][1]))
        run = [(a, b)]
    if len(run) > 1:
        out.append((run[0][0], run[-1][1]))
    return out


#: A markdown table's alignment row (|---|:---:|), no cells: matched on a stripped line.
_ALIGNMENT_ROW = re.compile(r"[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?")


def _open_rows(text: str, a: int, b: int, seps: str) -> bool:
    """Whether most lines of ``text[a:b]`` that hold a separator other than a tab end with none (甲 | 1 | 2⏎乙 | 3 | 4:
    rows written between their cells only; a row whose last cell is empty ends with one, 总户数 | 户 | 64933 |), so that
    the line break of each such line ends a cell (a line holding none continues a cell: 比上年增长⏎（%）)."""
    marks = seps.replace("\t", "")
    ends = [text[x:y].rstrip()[-1:] for x, y in _line_spans_in(text, a, b) if any(c in marks for c in text[x:y])]
    return 2 * sum(e not in marks for e in ends) > len(ends)


def _line_spans_in(text: str, a: int, b: int) -> Iterator[Span]:
    """The lines of ``text[a:b]`` (spans, line breaks left out; none after a last line break)."""
    pos = a
    while pos < b:
        end = text.find("\n", pos, b)
        end = b if end < 0 else end
        yield pos, end
        pos = end + 1


def _cells(text: str, a: int, b: int, seps: str) -> list[Span]:
    """The spans between separators in ``text[a:b]``, stripped (empty spans kept as zero-length). A line holding a
    tab ends its last cell (指标\t利润总额（亿元）\t比上年增长（%）⏎: tab-separated lines end in no separator), and so does
    every line of rows written between their cells only (甲 | 1 | 2⏎乙 | 3 | 4). A markdown alignment row (|---|---|)
    holds no cells."""
    out: list[Span] = []
    s = a
    line = a
    open_rows = _open_rows(text, a, b, seps)
    # (the alignment rows' characters are no cell's: each is skipped whole, its line break with it)
    skip = {x: y for x, y in _line_spans_in(text, a, b) if "-" in text[x:y] and _ALIGNMENT_ROW.fullmatch(text[x:y].strip())}
    i = a - 1
    while i < b:
        i += 1
        if i in skip:
            i = skip[i]
            s = line = i + 1
            continue
        if i < b and text[i] == "\n":
            held = text[line:i]
            tabbed = "\t" in seps and "\t" in held or open_rows and any(c in seps for c in held)
            line = i + 1
            if not tabbed:
                continue
        if i == b or text[i] in seps or text[i] == "\n":
            cs, ce = s, i
            while cs < ce and text[cs].isspace():
                cs += 1
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            out.append((cs, ce))
            s = i + 1
    return out


def _squeeze(t: str) -> str:
    return "".join(t.split())


def _fit(texts: list[str], nums: list[bool], width: int, offset: int, rules: TextTableRules) -> int:
    """How many data rows follow a header of ``width`` cells at ``offset``: rows of a name and values
    (``nums``: which cells hold a number)."""
    header = texts[offset:offset + width]  # its first cell may be blank (the stub's header), no other
    if len(header) < width or not all(header[1:]) or any(nums[offset:offset + width]):
        return 0
    rows = 0
    pos = offset + width
    kinds: list[bool | None] = [None] * (width - 1)  # per value position: numbers (True) or words (False)
    while pos + width <= len(texts):
        name, values, is_num = texts[pos], texts[pos + 1:pos + width], nums[pos + 1:pos + width]
        if not name or nums[pos]:
            break
        if rows and not any(values) and pos + 2 * width <= len(texts) and any(nums[pos + width + 1:pos + 2 * width]):
            rows += 1  # a row naming the group of rows below it (按城乡分 | | |), before a row of values
            pos += width
            continue
        if not any(is_num) or any(v and not n and len(v) > rules.max_value_text_chars for v, n in zip(values, is_num)):
            break
        # a column holds one kind of cell: numbers, or words (units); a cut at the wrong width mixes them
        if any(v and k is not None and k != n for v, n, k in zip(values, is_num, kinds)):
            break
        kinds = [k if not v else n for v, n, k in zip(values, is_num, kinds)]
        rows += 1
        pos += width
    return rows


def _covered(texts: list[str], width: int, offset: int, rows: int) -> int:
    return sum(1 for t in texts[offset:offset + width * (rows + 1)] if t)


def _numbers(texts: list[str], rules: TextTableRules) -> list[bool]:
    return [bool(t) and rx_fullmatch(rules.number, t) is not None for t in texts]  # each cell tested once


def _best_cut(texts: list[str], rules: TextTableRules, nums: list[bool] | None = None,
              min_rows: int | None = None, starts: tuple[int, ...] = ()) -> tuple[int, int, int, int] | None:
    """(width, offset, rows, cells covered) covering the most non-blank cells; the narrowest on a tie. ``starts``:
    more offsets to try, the cells opening the first lines (a title and a unit line of their own before the header:
    表9 | …执行情况表 | | | |⏎单位：万元 | | | | |⏎项目 | …)."""
    best: tuple[int, int, int, int] | None = None
    nums = _numbers(texts, rules) if nums is None else nums
    need = rules.min_rows if min_rows is None else min_rows
    for width in range(2, rules.max_width + 1):
        # (a title row of its own before the header: | 表1 … | |||)
        for offset in dict.fromkeys((*range(0, min(width, 3)), width, *starts)):
            rows = _fit(texts, nums, width, offset, rules)
            if rows >= need:
                covered = _covered(texts, width, offset, rows)
                if best is None or covered > best[3]:
                    best = (width, offset, rows, covered)
    return best


#: How many of a table's first lines may stand before its header (a title, a unit line, a group row).
HEADER_LINES = 4


def _line_openers(text: str, cells: list[Span]) -> tuple[int, ...]:
    """The indices of the cells opening each of the first :data:`HEADER_LINES` lines ``cells`` run over."""
    out: list[int] = []
    for k in range(1, len(cells)):
        if "\n" in text[cells[k - 1][1]:cells[k][0]]:
            out.append(k)
            if len(out) == HEADER_LINES:
                break
    return tuple(out)


def find_text_tables(text: str, rules: TextTableRules | None = None) -> list[TextTable]:
    """The ``|`` tables of a plain text (see the module docstring), in text order."""
    rules = rules or text_table_rules()
    out: list[TextTable] = []
    for a, b in _regions(text, rules):
        spans = _cells(text, a, b, rules.separators)
        if len(spans) > rules.max_cells:
            continue  # no statistical table holds so many cells: a dump of | lines, read as text
        panels = _panels(text, a, b, rules)
        if panels:
            out += panels
            continue
        # empty cells dropped (row breaks), kept, or kept but for the break between two lines a separator ends
        # and opens (| 总户数 | 户 | 64933 | |⏎| 户籍总人口 | 人 | 146041 | 100.0 |: a row's last cell is empty)
        kept = [s for s in spans if s[1] > s[0] or not _row_break(text, s[0])]
        variants = [[s for s in spans if s[1] > s[0]], spans] + ([kept] if len(kept) != len(spans) else [])
        found = _variant_cut(text, variants, rules)
        named = _named_rows(text, spans, rules) if found is None else None
        if found is None and named is None:
            # (no cut, no rows of a name each: the header may follow lines of its own, a title and a unit line between |
            # marks)
            found = _variant_cut(text, variants, rules, from_lines=True)
        if found is None:
            if named is not None:
                out.append(named)
            continue
        out.append(_table(text, *found))
    return out


def _variant_cut(text: str, variants: list[list[Span]], rules: TextTableRules, from_lines: bool = False
                 ) -> tuple[list[Span], tuple[int, int, int, int]] | None:
    """(cells, cut) of the variant of a region's cells whose best cut covers the most cells, if any; ``from_lines``:
    the cells opening its first lines tried as headers' offsets too."""
    found = None
    for cells in variants:
        cut = _best_cut([_squeeze(text[s:e]) for s, e in cells], rules,
                        starts=_line_openers(text, cells) if from_lines else ())
        if cut and (found is None or cut[3] > found[1][3]):
            found = (cells, cut)
    return found


def _panels(text: str, a: int, b: int, rules: TextTableRules) -> list[TextTable]:
    """A table of two panels side by side (收入 | 决算数 | 支出 | 决算数, as a final-accounts summary is printed), line by
    line: a header line whose cells are one header written twice, each line after it holding a row of each panel (a
    panel's row may be blank: | 三、其他收入 | 65.44 | | |), up to a line of another width; the lines before the header
    (a row of group names, 收入 | | 支出 | |) stay ahead of the left panel. The two panels as two tables; [] when the
    lines hold none."""
    lines = []
    for x, y in _line_spans_in(text, a, b):
        if not text[x:y].strip():
            continue
        cells = _cells(text, x, y, rules.separators)
        if cells and cells[0][0] == cells[0][1] and text[x:y].lstrip()[:1] in rules.separators:
            cells = cells[1:]  # (the empty span before a leading |)
        if cells and cells[-1][0] == cells[-1][1] and text[x:y].rstrip()[-1:] in rules.separators:
            cells = cells[:-1]  # (… and after a trailing one)
        lines.append(cells)
    texts = [[_squeeze(text[x:y]) for x, y in cells] for cells in lines]
    head = next((k for k, t in enumerate(texts[:HEADER_LINES + 1]) if len(t) >= 4 and len(t) % 2 == 0 and all(t)
                 and t[:len(t) // 2] == t[len(t) // 2:] and not any(_numbers(t, rules))), None)
    if head is None:
        return []
    width = len(texts[head]) // 2
    rows = []
    for cells in lines[head + 1:]:
        if len(cells) != 2 * width:
            break
        rows.append((cells[:width], cells[width:]))
    if len(rows) < rules.min_rows:
        return []
    out = []
    before = [c for cells in lines[:head] for c in cells if c[1] > c[0]]
    for side, header_spans in ((0, lines[head][:width]), (1, lines[head][width:])):
        panel = [row[side] for row in rows if any(y > x for x, y in row[side])]
        used = [c for c in (*header_spans, *(c for row in panel for c in row)) if c[1] > c[0]]
        out.append(TextTable(used[0][0], used[-1][1], [_joined(text, c) for c in header_spans], header_spans, panel,
                             before if side == 0 else []))
    return out


def _named_rows(text: str, spans: list[Span], rules: TextTableRules) -> TextTable | None:
    """A table whose rows a PDF broke over lines at its blank cells, so no one width cuts the stream
    (``濮阳市 | 73795 | 234267 |⏎| -10.9 | 70.9 | 380990 | 744234 |⏎| -4.1 |⏎市本级 | 14070 | …``): each row is
    a name and the cells up to the next name, an empty cell where a line ends and the next opens with a
    separator being a blank cell (the row's last such one only the break between two rows). The longest run
    of rows of one width (``min_rows`` or more, at most ``max_width`` cells) is the table, under a header
    of as many cells or over two lines (:func:`_two_level_header`); with no header that names each column
    there is no table (no figure of an unknown measure).

    >>> text = ("单位 | 收入 | 比重% | 支出 ||⏎当月 | 为预算% | 增幅% | 当月 | 为预算% | 增幅% |⏎"
    ...         "甲市 | 73 |⏎| 1.5 | 70.9 | 380 |⏎| -4.1 |⏎乙县 | 14 |⏎| -2.8 | 61.4 | 59 |⏎| 3.0 |⏎"
    ...         "丙县 | 59 |⏎| 2.6 | 73.8 | 321 |⏎| 3.0 |").replace("⏎", "\\n")
    >>> (t,) = find_text_tables(text)
    >>> t.header
    ['单位', '收入当月', '收入为预算%', '收入增幅%', '比重%', '支出当月', '支出为预算%', '支出增幅%']
    >>> [text[a:b] for a, b in t.rows[0]], [text[a:b] for a, b in t.before]
    (['甲市', '73', '', '1.5', '70.9', '380', '', '-4.1'], ['收入', '支出'])
    """
    texts = [_squeeze(text[s:e]) for s, e in spans]
    nums = _numbers(texts, rules)
    names = [i for i, t in enumerate(texts) if t and not nums[i]]
    rows: list[tuple[int, int]] = []  # (first cell, end) of each row
    for k, i in enumerate(names):
        end = names[k + 1] if k + 1 < len(names) else len(spans)
        if end - i > 1 and not texts[end - 1] and (k + 1 == len(names) or _row_break(text, spans[end - 1][0])):
            end -= 1  # (the break between this row and the next, or the table's closing separator)
        rows.append((i, end))
    best = (0, 0)  # (first row, how many) of the longest run of rows of one width, each broken over lines and holding a number
    k = 0
    while k < len(rows):
        width, j = rows[k][1] - rows[k][0], k
        while j < len(rows) and rows[j][1] - rows[j][0] == width and any(nums[rows[j][0] + 1:rows[j][1]]) \
                and "\n" in text[spans[rows[j][0]][0]:spans[rows[j][1] - 1][1]]:  # (a row broken over lines)
            j += 1
        if 3 <= width <= rules.max_width and j - k > best[1]:
            best = (k, j - k)
        k = max(j, k + 1)
    first, count = best
    if count < max(rules.min_rows, 3) or first == 0:
        return None
    data = [spans[a:b] for a, b in rows[first:first + count]]
    opens = max((i + 1 for i in range(rows[first][0]) if nums[i]), default=0)  # (after any rows of other widths)
    head = [c for c in spans[opens:rows[first][0]] if c[1] > c[0]]
    if not head:
        return None
    width = len(data[0])
    if len(head) == width:
        header, header_spans, before = [_joined(text, c) for c in head], head, []
    elif (two := _two_level_header(text, head, width, rules)) is not None:
        header, header_spans, before = two
    else:
        return None  # (columns no header names: no table, no figures of unknown measure)
    return TextTable(header_spans[0][0], max(e for _, e in data[-1]), header, header_spans, data, before)


def _joined(text: str, span: Span) -> str:
    """A cell's text, its lines joined (a Windows line end's \r, read as a space, and spaces ending a line left out)."""
    return "".join(line.rstrip(" \r") for line in text[span[0]:span[1]].split("\n")).strip()


def _two_level_header(text: str, head: list[Span], width: int, rules: TextTableRules
                      ) -> tuple[list[str], list[Span], list[Span]] | None:
    """A header over two lines (``单位名称 | 一般公共预算收入 | 税收比重% | 一般公共预算支出 |⏎当月 | 累计 | 为预算的% | 增幅% |
    当月 | …``): after the stub, a first-line cell that names a unit (``税收比重%``) is one column of its own, and
    the others each head an equal share of the second line's cells, in order (一般公共预算收入当月 …). Returns the
    column names, their spans (the second line's cell for a headed column) and the heads' spans, which stay text;
    None when the cells do not make ``width`` columns so."""
    lines: list[list[Span]] = []
    for c in head:
        if not lines or "\n" in text[lines[-1][-1][1]:c[0]]:
            lines.append([])
        lines[-1].append(c)
    if len(lines) != 2 or len(lines[0]) < 2:
        return None
    stub, tops, subs = lines[0][0], lines[0][1:], lines[1]
    leaves = [rx_search(rules.leaf_header, _joined(text, c)) is not None for c in tops]
    groups = len(tops) - sum(leaves)
    if not groups or len(subs) % groups or sum(leaves) + len(subs) != width - 1:
        return None
    share = len(subs) // groups
    names, spans, before = [_joined(text, stub)], [stub], []
    k = 0
    for top, leaf in zip(tops, leaves):
        if leaf:
            names.append(_joined(text, top))
            spans.append(top)
            continue
        before.append(top)
        for c in subs[k:k + share]:
            names.append(_joined(text, top) + _joined(text, c))
            spans.append(c)
        k += share
    return names, spans, before


def _row_break(text: str, i: int) -> bool:
    """Whether the empty cell at ``i`` is only the break between a line ending in a separator and the next, which
    opens with one (its stripped span starts on the next line)."""
    k = i - 1
    while k >= 0 and text[k] in " \t\u3000":
        k -= 1
    return k >= 0 and text[k] == "\n"


def _table(text: str, cells: list[Span], cut: tuple[int, int, int, int]) -> TextTable:
    """The table a cut of ``cells`` gives: the header at ``offset``, ``rows`` rows of ``width`` cells."""
    width, offset, rows, _ = cut
    header_spans = cells[offset:offset + width]
    data = [cells[offset + width * (k + 1):offset + width * (k + 2)] for k in range(rows)]
    header = [_joined(text, c) for c in header_spans]
    used = [c for c in cells[offset:offset + width * (rows + 1)] if c[1] > c[0]]
    return TextTable(used[0][0], used[-1][1], header, header_spans, data, [c for c in cells[:offset] if c[1] > c[0]])


def line_spans(text: str) -> Iterator[Span]:
    """Each line of ``text`` as a span without its line break and edge spaces (empty for a blank line)."""
    for a, b in _line_spans_in(text, 0, len(text)):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        yield a, b


def _short_line_runs(text: str, rules: TextTableRules) -> list[list[Span]]:
    """Runs of consecutive non-blank lines of at most ``line_cell_chars`` characters (stripped), at least
    ``line_min_lines`` long and holding ``line_min_numbers`` numbers."""
    runs: list[list[Span]] = []
    run: list[Span] = []
    for a, b in line_spans(text):
        if _cell_line(text, a, b, rules):
            run.append((a, b))
        else:
            if len(run) >= rules.line_min_lines:
                runs.append(run)
            run = []
    if len(run) >= rules.line_min_lines:
        runs.append(run)
    return [r for r in runs if _holds_numbers(text, r, rules)]


def _cell_line(text: str, a: int, b: int, rules: TextTableRules) -> bool:
    """Line ``text[a:b]`` (stripped) may be a cell of a table of a cell per line: short, and no sentence."""
    return a < b and b - a <= rules.line_cell_chars and text[b - 1] not in "。！？!?；;"


def _holds_numbers(text: str, cells: list[Span], rules: TextTableRules) -> bool:
    """A run of cell lines holds numbers enough for a table (``line_min_numbers``)."""
    return sum(_numbers([_squeeze(text[a:b]) for a, b in cells], rules)) >= rules.line_min_numbers


#: A blank line (spaces and a Windows line end's \r are blank).
_BLANK_LINE = re.compile(r"\n[ \t\r\u3000]*\n")


def _spaced_line_runs(text: str, rules: TextTableRules) -> list[list[Span]]:
    """Runs of short lines (as :func:`_short_line_runs` reads them) each set apart from the next by one blank line, as a
    web page's table cells come out (粮食总产量⏎⏎162817吨⏎⏎0.5⏎⏎其中:谷物 …); two blank lines hold an empty cell (a header's
    blank first cell: a zero-length span where the second blank line is). A run holds at least ``line_min_lines``
    lines, ``line_spaced_share`` of its gaps one blank line, no gap of none or of more than two.

    >>> text = "主要产品产量\\n\\n\\n2023年\\n\\n较上年增长(%)\\n\\n粮食总产量\\n\\n162817\\n\\n0.5\\n\\n油料总产量\\n\\n3959\\n\\n5.9\\n\\n水果总产量\\n\\n384424\\n\\n4.9\\n"
    >>> [t.header for t in find_line_tables(text)], [[text[a:b] for a, b in r] for r in find_line_tables(text)[0].rows][:1]
    ([['', '2023年', '较上年增长(%)']], [['粮食总产量', '162817', '0.5']])
    """
    if not rules.line_spaced_share or _BLANK_LINE.search(text) is None:
        return []
    runs: list[list[Span]] = []
    run: list[Span] = []
    gaps: list[int] = []
    blanks: list[int] = []  # where the blank lines since the last line start

    def close() -> None:
        cells = [c for c in run if c[1] > c[0]]
        if len(cells) >= rules.line_min_lines and gaps and sum(g == 1 for g in gaps) >= rules.line_spaced_share * len(gaps) \
                and _holds_numbers(text, cells, rules):
            runs.append(list(run))

    for a, b in line_spans(text):
        if a == b:
            blanks.append(a)
            continue
        cell = _cell_line(text, a, b, rules)
        if cell and run and 1 <= len(blanks) <= 2:
            if len(blanks) == 2:
                run.append((blanks[1], blanks[1]))  # (an empty cell)
            run.append((a, b))
            gaps.append(len(blanks))
        else:
            close()
            run, gaps = ([(a, b)] if cell else []), []
        blanks = []
    close()
    return runs


#: What a header cell broken over lines ends with: its unit in brackets (（亿元）, 增长（%）).
_CELL_CLOSERS = "）)"


def _header_over_lines(text: str, lines: list[Span], table: TextTable, rules: TextTableRules) -> TextTable | None:
    """``table`` with its header read again when each header cell was broken over lines (地区生⏎产总值⏎（亿元）): the
    lines before its data, back from its first row, grouped into cells that each end with a bracketed unit, the row
    names' header one line before them; and when the second half of those cells is one repeated sub-header
    (比上年增长（%） four times) under the first half's indicators, the two interleaved as the rows give them
    (indicator, its growth, indicator, its growth …). None when the lines do not group so.

    >>> text = "区 县\\n地区生\\n产总值\\n（亿元）\\n工业\\n（亿元）\\n比上年\\n增长（%）\\n比上年\\n增长（%）\\n甲区\\n66.0\\n7.6\\n33.6\\n-0.7\\n乙县\\n21.1\\n14.6\\n12.6\\n4.1\\n丙县\\n28.7\\n10.4\\n4.6\\n2.8\\n"
    >>> [t.header for t in find_line_tables(text)]
    [['区 县', '地区生产总值（亿元）', '比上年增长（%）', '工业（亿元）', '比上年增长（%）']]
    """
    width = len(table.header)
    if not any(_squeeze(h).startswith(("（", "(")) for h in table.header):
        return None  # no header cell is a unit alone (（亿元）): none was broken over lines
    seq = [*lines, *table.before, *table.header_spans]
    texts = [_squeeze(text[a:b]) for a, b in seq]
    if len(seq) <= width or width < 3 or not texts[-1].endswith(tuple(_CELL_CLOSERS)):
        return None
    closes = [k for k, t in enumerate(texts) if t.endswith(tuple(_CELL_CLOSERS))]
    if len(closes) < width - 1 or width < 3 or any(_numbers(texts, rules)):
        return None
    ends = closes[-(width - 1):]  # the last line of each cell after the row names' header
    # each cell runs from the line after the cell before it; the first from the line after the row names' header
    # (``stub_names``: 区 县⏎地区生⏎产总值⏎（亿元）)
    i = next((k for k in range(ends[0] - 1, -1, -1) if texts[k] in rules.line_stub_names), -1)
    if i < 0 or any(k in closes for k in range(i, ends[0])):
        return None
    first = i + 1
    groups = [(first, ends[0])] + [(ends[m - 1] + 1, ends[m]) for m in range(1, len(ends))]
    cells = [(i, i), *groups]
    names = ["".join(texts[a:b + 1]) for a, b in cells]
    if len(set(names)) == len(names) and all(a == b for a, b in groups):
        return None  # every cell on one line already: the cut read it
    half = (width - 1) // 2
    if (width - 1) % 2 == 0 and half >= 2 and len(set(names[1 + half:])) == 1 and names[-1] not in names[1:1 + half]:
        order = [0] + [k for m in range(half) for k in (1 + m, 1 + half + m)]
        cells, names = [cells[k] for k in order], [names[k] for k in order]
    spans = [(seq[a][0], seq[b][1]) for a, b in cells]
    header = [_joined(text, c) for c in spans]  # (as _table joins a cell's lines)
    return TextTable(spans[0][0], table.end, header, spans, table.rows, [])


def find_line_tables(text: str, rules: TextTableRules | None = None, skip: list[Span] | None = None) -> list[TextTable]:
    """Tables flattened to one cell per line (``[line_tables]`` of ``data/tables.toml``): each run of short lines
    is cut like a ``|`` table's stream of cells; the lines after a table's last row are read for the next table.
    Runs overlapping ``skip`` (the ``|`` tables already found) are left alone.

    >>> text = "户籍人口\\n指 标\\n年末数（万人）\\n比重（%）\\n全市户籍总人口\\n215.9\\n100.0\\n其中：城镇\\n110.8\\n51.3\\n乡村\\n105.0\\n48.7\\n"
    >>> [(t.header, [[text[a:b] for a, b in r] for r in t.rows]) for t in find_line_tables(text)]
    [(['指 标', '年末数（万人）', '比重（%）'], [['全市户籍总人口', '215.9', '100.0'], ['其中：城镇', '110.8', '51.3'], ['乡村', '105.0', '48.7']])]
    """
    rules = rules or text_table_rules()
    skip = skip or []
    out: list[TextTable] = []
    if "\n" not in text:
        return out
    taken = sorted(skip)  # (the spans of tables already found, | tables and those read here: none is read twice)
    for run in _short_line_runs(text, rules) + _spaced_line_runs(text, rules):
        if len(run) > rules.max_cells or _overlaps(taken, run[0][0], run[-1][1]):
            continue  # a dump of short lines, no statistical table (its reading stays linear); or a table found
        texts = [_squeeze(text[a:b]) for a, b in run]
        nums = _numbers(texts, rules)
        k = 0
        while len(run) - k >= rules.line_min_lines:
            cut = _best_cut(texts[k:], rules, nums[k:], rules.line_min_rows)
            if cut is None:
                k += 1
                continue
            table = _table(text, run[k:], cut)
            out.append(_header_over_lines(text, run[:k], table, rules) or table)
            bisect.insort(taken, (out[-1].start, out[-1].end))
            width, offset, rows, _ = cut
            k += offset + width * (rows + 1)
    return out


def _overlaps(spans: list[Span], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps one of ``spans`` (sorted, none inside another): one search, not a scan."""
    i = bisect.bisect_left(spans, (b, b))
    return any(s < b and a < e for s, e in spans[max(0, i - 2):i])


def _gap_cells(text: str, a: int, b: int, gap: re.Pattern[str]) -> list[Span]:
    """The cells of line ``text[a:b]`` (stripped) set apart by the runs of spaces ``gap`` matches."""
    out: list[Span] = []
    s = a
    for m in gap.finditer(text, a, b):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, b))
    return [(x, y) for x, y in out if y > x]


def _empty_last_cell(text: str, cells: list[Span], width: int) -> list[Span]:
    """The cells of a row one short of ``width`` with an empty last cell added when a space after its last written
    cell, left before the line's end, says that cell is empty (总户数  户  64933  ; 全市常住人口 866.60 ); else ``cells``.

    >>> text = "总户数  户  64933  \\n"
    >>> _empty_last_cell(text, [(0, 3), (5, 6), (8, 13)], 4), _empty_last_cell(text.rstrip(), [(0, 3), (5, 6), (8, 13)], 4)
    ([(0, 3), (5, 6), (8, 13), (13, 13)], [(0, 3), (5, 6), (8, 13)])
    """
    end = cells[-1][1] if cells else 0
    if cells and len(cells) == width - 1 and text[end:end + 1] in (" ", "\u3000"):
        return [*cells, (end, end)]
    return cells


def find_space_tables(text: str, rules: TextTableRules | None = None, skip: list[Span] | None = None) -> list[TextTable]:
    """Tables whose columns are set apart by spaces, as a PDF's text layout writes them (``[space_tables]`` of
    ``data/tables.toml``): a run of at least ``min_lines`` lines of as many cells each (two or more, none a
    sentence's line), cut like a ``|`` table's stream of cells, each row one line; a line right before the run with a
    cell fewer is its header over all columns but the row names'. Runs overlapping ``skip`` (tables already found) are
    left alone.

    >>> text = "表1 人口\\n指标名称    年末数（人）    比重（%）\\n全州总户籍人口    4899310    100.0\\n乡村    3245038    66.2\\n"
    >>> [(t.header, [[text[a:b] for a, b in r] for r in t.rows]) for t in find_space_tables(text)]
    [(['指标名称', '年末数（人）', '比重（%）'], [['全州总户籍人口', '4899310', '100.0'], ['乡村', '3245038', '66.2']])]
    """
    rules = rules or text_table_rules()
    skip = skip or []
    out: list[TextTable] = []
    if "  " not in text and "\u3000\u3000" not in text:
        return out
    marks, gap = rules.space_marks, rules.space_gap_run
    runs: list[tuple[list[Span], list[list[Span]]]] = []  # (the line right before, the run of lines of one width)
    run: list[list[Span]] = []
    lead: list[Span] = []
    prev: list[Span] = []
    for a, b in line_spans(text):
        # (a line with no gap, or with a sentence's marks, is looked at no further: str and re scans, no Python loop)
        cells = _gap_cells(text, a, b, gap) if 0 < b - a <= rules.max_line_chars \
            and gap.search(text, a, b) and not marks.search(text, a, b) else []
        if not cells and 0 < b - a <= rules.max_line_chars and a >= 2 and text[a - 2:a] in ("  ", "\u3000\u3000") \
                and not marks.search(text, a, b):
            cells = [(a, b)]  # (one header cell indented past the row names' column:           比上年增长（%）)
        if run and len(cells) >= 2 and not _numbers([_squeeze(text[cells[0][0]:cells[0][1]])], rules)[0]:
            cells = _empty_last_cell(text, cells, len(run[-1]))  # (its name no number: 总户数  户  64933  )
        if len(cells) >= 2 and (not run or len(cells) == len(run[-1])):
            if not run:
                lead = prev
            run.append(cells)
            prev = cells
            continue
        if len(run) >= rules.space_min_lines:
            runs.append((lead, run))
        run, lead = ([cells], prev) if len(cells) >= 2 else ([], [])
        prev = cells
    if len(run) >= rules.space_min_lines:
        runs.append((lead, run))
    for lead, run in runs:
        if any(run[0][0][0] < e and s < run[-1][-1][1] for s, e in skip):
            continue
        spans = [c for line in run for c in line]
        if len(lead) == len(run[0]) - 1 and not any(_numbers([_squeeze(text[x:y]) for x, y in lead], rules)):
            # a header over all columns but the row names' (            年末数（人）    比重（%）): a blank stub cell
            spans = [(lead[0][0], lead[0][0]), *lead, *spans]
        if len(spans) > rules.max_cells:
            continue
        texts = [_squeeze(text[x:y]) for x, y in spans]
        cut = _best_cut(texts, rules)
        if cut is None or cut[0] != len(run[0]) or cut[1] % cut[0]:
            continue  # (a row a line)
        if all(len(h) < 2 for h in texts[cut[1]:cut[1] + cut[0]]):
            continue  # (目  录: a word set apart by spaces, no header)
        out.append(_table(text, spans, cut))
    return out


#: One space or ideographic space between two cells of a table set apart by single spaces.
_ONE_SPACE = re.compile("[ \u3000]")


def _word_cells(text: str, a: int, b: int, pair: bool = True) -> list[Span]:
    """The cells of line ``text[a:b]`` set apart by single spaces, words a PDF's layout spaced out put together again:
    a lone CJK character after a cell ending in a digit joins it (2020 年 -> 2020年), and (``pair``) a run of lone CJK
    characters of even length pairs up (指 标 单 位 -> 指标, 单位)."""
    cells = _gap_cells(text, a, b, _ONE_SPACE)
    out: list[Span] = []
    k = 0
    while k < len(cells):
        x, y = cells[k]
        lone = y - x == 1 and not text[x].isascii() and not text[x].isdigit()
        if lone and out and text[out[-1][1] - 1].isdigit():
            out[-1] = (out[-1][0], y)
            k += 1
            continue
        if lone and pair:
            j = k
            while j < len(cells) and cells[j][1] - cells[j][0] == 1 and not text[cells[j][0]].isascii():
                j += 1
            if (j - k) % 2 == 0:
                out += [(cells[i][0], cells[i + 1][1]) for i in range(k, j, 2)]
                k = j
                continue
        out.append((x, y))
        k += 1
    return out


def find_word_tables(text: str, rules: TextTableRules | None = None, skip: list[Span] | None = None) -> list[TextTable]:
    """Tables whose cells are set apart by one space, as a PDF's text often comes out (``[word_tables]`` of
    ``data/tables.toml``): a header line of no numbers and at least ``min_rows`` lines right under it of as many
    cells, each ending in a number (none a sentence's line, none with a wider gap: :func:`find_space_tables`), cut
    like a ``|`` table's stream of cells. Words spaced out letter by letter are one cell (指 标 单 位: 指 标, 单 位).
    Runs overlapping ``skip`` (tables already found) are left alone.

    >>> text = "表 运输量\\n指 标 单 位 绝对数 比上年增长%\\n旅客运输量 万人次 8145.7 3.9\\n其中：公路 万人次 1878.0 14.7\\n铁路 万人次 5553.4 1.2\\n"
    >>> [(t.header, [[text[a:b] for a, b in r] for r in t.rows]) for t in find_word_tables(text)]
    [(['指 标', '单 位', '绝对数', '比上年增长%'], [['旅客运输量', '万人次', '8145.7', '3.9'], ['其中：公路', '万人次', '1878.0', '14.7'], ['铁路', '万人次', '5553.4', '1.2']])]
    """
    rules = rules or text_table_rules()
    taken = sorted(skip or [])
    out: list[TextTable] = []
    marks, wide = rules.space_marks, rules.space_gap_run
    lines: list[list[Span]] = []  # each line's cells ([] for no candidate line)
    for a, b in line_spans(text):
        ok = 0 < b - a <= rules.max_line_chars and _ONE_SPACE.search(text, a, b) and not marks.search(text, a, b) \
            and not wide.search(text, a, b)
        lines.append(_word_cells(text, a, b) if ok else [])
    k = 0
    while k < len(lines):
        head = lines[k]
        width = len(head)
        texts = [_squeeze(text[x:y]) for x, y in head]
        if width < 2 or any(_numbers(texts, rules)):
            k += 1
            continue
        j = k + 1
        while j < len(lines) and lines[j]:
            if len(lines[j]) != width:  # (纱 吨 1440.63 8.3: a name and a unit of one letter each, not a word spaced out)
                alone = _word_cells(text, lines[j][0][0], lines[j][-1][1], pair=False)
                if len(alone) == width:
                    lines[j] = alone
            if _numbers([_squeeze(text[x:y]) for x, y in lines[j][-1:]], rules)[0]:
                lines[j] = _empty_last_cell(text, lines[j], width)  # (its last written cell a number: 全市常住人口 866.60 )
            last = next((c for c in reversed(lines[j]) if c[1] > c[0]), None) if len(lines[j]) == width else None
            if last is None or not _numbers([_squeeze(text[last[0]:last[1]])], rules)[0]:
                break
            j += 1
        if j - k - 1 < rules.word_min_rows or _overlaps(taken, head[0][0], lines[j - 1][-1][1]):
            k += 1
            continue
        spans = [c for line in lines[k:j] for c in line]
        if len(spans) > rules.max_cells:
            k = j
            continue  # (no statistical table holds so many cells: text)
        cut = _best_cut([_squeeze(text[x:y]) for x, y in spans], rules, min_rows=rules.word_min_rows)
        if cut is not None and cut[0] == width and cut[1] == 0:
            out.append(_table(text, spans, cut))
            k = j
            continue
        k += 1
    return out
