"""Figures in table cells: each number of a statistical table with its value, unit, row label path,
column and direction.

A bare number in a cell takes its unit from, in order: the column header (``绝对数（亿元）``,
``增长%``), the row's own unit column (``计量单位 | 亿吨公里``), a unit in the row name
(``年末城镇登记失业率（%）``) or the unit of the whole table (a line ``单位：台`` above it, in
``Document.tables[i].attrs["unit"]``); a column of changes (``比上年增长``, ``涨跌幅度``) is in %
unless it names another unit, and its figures are signed changes (direction ``+``, the sign in the
value). A column without any unit gives no figures (``指数（以上年为100）``).

Each row's label path keeps the rows it belongs to: a row marked ``#``, ``其中：``, ``在总计中：``
or ``(1)``, or indented further than the row above, is a part of it (``货物运输总量 > 铁路``);
rows at one indentation after it are its siblings, across a page break too (the reader merges a
table continued on the next page and records each row's indentation). A stub column of groups
(``城镇`` | ``工资性收入``, a merged cell) and a column header that names a group rather than a
measure (``城镇`` / ``农村`` under ``单位：台``) go into the path in front.

>>> from summary_mining import read_document
>>> import pandas as pd
>>> doc = read_document(text="x")
>>> rows = [["指标", "单位", "绝对数", "增长%"], ["货物运输总量", "亿吨", "2.92", "6.6"], ["#铁路", "亿吨", "0.80", "-6.6"],
...         ["水运", "亿吨", "0.35", "7.3"]]
>>> doc = table_document(rows)
>>> [(c.surface, c.value, c.unit, c.path, c.column, c.direction) for c in table_cells(doc)]   # doctest: +NORMALIZE_WHITESPACE
[('2.92', 292000000.0, '吨', ('货物运输总量',), '绝对数', None), ('6.6', 6.6, '%', ('货物运输总量',), '增长', '+'),
 ('0.80', 80000000.0, '吨', ('货物运输总量', '铁路'), '绝对数', None), ('-6.6', -6.6, '%', ('货物运输总量', '铁路'), '增长', '+'),
 ('0.35', 35000000.0, '吨', ('货物运输总量', '水运'), '绝对数', None), ('7.3', 7.3, '%', ('货物运输总量', '水运'), '增长', '+')]
"""
from __future__ import annotations

import bisect
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Sequence

from ..datafiles import rx_fullmatch, rx_match, rx_search
from ..model import Document
from ..normalize import normalize
from ..numerals import decimals as decimals_of
from ..readers.tables import TableRules, table_rules
from ..rules.units import MetricRules, Unit, metric_rules
from ..structure import strip_glosses
from .record import Figure

__all__ = ["TableCell", "TableRow", "TableColumn", "TableFigures", "table_cells", "table_figures", "header_year",
           "table_document", "parse_unit"]

NAN = float("nan")
_BLANKS = " \t\u3000\u00a0"


@dataclass(frozen=True)
class TableColumn:
    """What one column of a table holds."""

    index: int
    header: str  # as written (the DataFrame's column name)
    label: str  # the header without its unit and blanks: 绝对数, 比上年增长, 城镇
    role: str  # stub | group | unit | value | other
    unit: tuple[Unit, str] | None = None  # the header's unit and scale
    growth: bool = False  # a column of changes (direction +, signed values)
    change_amount: bool = False  # a change in the column's own unit (增加额), not in %
    groups: tuple[str, ...] = ()  # header parts naming a group (城镇)
    measure: str = ""  # the quantity it measures when a row has several (播种面积 | 产量): in the label


@dataclass(frozen=True)
class TableRow:
    """One data row: its name, the rows it belongs to and its unit column, as read."""

    row: int  # Block.row of the row (text rows of the table, header rows first)
    name: str  # the row's own name, markers and blanks removed (铁路)
    path: tuple[str, ...]  # stub groups, the rows it belongs to, its name
    groups: tuple[str, ...] = ()  # stub groups only
    unit: tuple[Unit, str] | None = None  # from the unit column or the row name
    style: int | None = None  # its numbering style (a position in tables.toml `numbering`), None if unnumbered
    marked: bool = False  # marked a part of the rows above (#, 其中：, 在总计中：)


@dataclass(slots=True)
class TableCell:
    """A number in a table cell, read as a figure: the :class:`~.record.Figure` record (``source``
    ``"table"``, ``cell`` its ``(table, row, column)``) and what the table says of it.

    ``path`` is the row label path (column groups, stub groups, parent rows, the row); ``label``
    is what the metrics frame shows (groups and the row's name: ``城镇彩色电视机``); ``column`` the
    column's label and ``direction`` ``+`` in a column of changes.
    """

    figure: Figure
    path: tuple[str, ...]
    name: str
    groups: tuple[str, ...]
    column: str
    header: str
    direction: str | None

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        return self.figure.end

    @property
    def surface(self) -> str:
        return self.figure.surface

    @property
    def kind(self) -> str:
        return self.figure.kind

    @property
    def value(self) -> float:
        return self.figure.value

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def table(self) -> int:
        return self.figure.cell[0] if self.figure.cell else -1

    @property
    def label(self) -> str:
        return "".join(self.groups) + self.name

    @property
    def path_str(self) -> str:
        return " > ".join(self.path)


@dataclass
class TableFigures:
    """The table figures of one document, with each table's rows and columns, looked up by offset."""

    cells: list[TableCell]
    rows: dict[tuple[int, int], TableRow] = field(default_factory=dict)
    columns: dict[tuple[int, int], TableColumn] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cells.sort(key=lambda c: c.start)
        self._starts = [c.start for c in self.cells]

    def at(self, offset: int) -> TableCell | None:
        """The cell figure holding ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.cells[i].end:
            return self.cells[i]
        return None


# ---------------------------------------------------------------------------------------------
# units
_UNITS: dict[tuple[str, int, int, bool], tuple[Unit, str] | None] = {}


def parse_unit(written: str, rules: MetricRules | None = None, trules: TableRules | None = None, *,
               known: bool = False) -> tuple[Unit, str] | None:
    """A unit as written in a table (``亿吨公里``, ``万人``, ``%``, ``台``) -> (unit, scale); a
    written unit neither rules file knows is kept as written, as a physical amount.

    >>> [(u.base, u.kind, s) for u, s in (parse_unit(w) for w in ("亿吨公里", "万人", "%", "万块", "千克"))]
    [('吨公里', 'amount', '亿'), ('人', 'count', '万'), ('%', 'percentage', ''), ('块', 'count', '万'), ('公斤', 'amount', '')]
    >>> parse_unit("2023年") is None, parse_unit("以上年为100") is None, parse_unit("彩色电视机", known=True) is None
    (True, True, True)

    ``known=True`` accepts only units a rules file knows (after a scale).
    """
    rules = rules or metric_rules()
    trules = trules or table_rules()
    key = (written, id(rules), id(trules), known)
    if key not in _UNITS:
        if len(_UNITS) > 20_000:
            _UNITS.clear()
        _UNITS[key] = _parse_unit(written, rules, trules, known)
    return _UNITS[key]


def _parse_unit(written: str, rules: MetricRules, trules: TableRules, known: bool) -> tuple[Unit, str] | None:
    text = strip_glosses(normalize(written)).strip(_BLANKS)  # (萬(wàn)人次: a mirror site's gloss is no part of it)
    for ch in _BLANKS:
        text = text.replace(ch, "")
    if not text or len(text) > 8 or any(c.isdigit() for c in text):
        return None
    unit = _known_unit(text, rules, trules)
    if unit is not None:
        return unit, ""
    for scale in sorted(rules.scales, key=len, reverse=True):
        rest = text[len(scale):]
        if text.startswith(scale) and rest:
            unit = _known_unit(rest, rules, trules)
            if unit is not None:
                return unit, scale
            if _is_word(rest) and not known:
                return Unit(rest, "amount", rest), scale
    return (Unit(text, "amount", text), "") if _is_word(text) and not known else None


def _known_unit(text: str, rules: MetricRules, trules: TableRules) -> Unit | None:
    d = trules.units.get(text)
    if d is not None:
        return Unit(text, d["kind"], d["base"], float(d.get("factor", 1)), d.get("currency"))
    return rules.units.get(text)


def _is_word(text: str) -> bool:
    """A unit written as a short word of CJK characters (蒸发量吨, 重量箱)."""
    return 0 < len(text) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in text)


# ---------------------------------------------------------------------------------------------
# columns
_DROP_BLANKS = str.maketrans("", "", _BLANKS)
_NUMBER_CHARS = frozenset("0123456789.,+-%" + _BLANKS)


def _squeeze(text: str, normalized: bool = False) -> str:
    """``text`` normalised, without blanks (``城 镇`` -> ``城镇``)."""
    return (text if normalized else normalize(str(text))).translate(_DROP_BLANKS)


def _number(cell: str, trules: TableRules) -> Any:
    """The match of a cell that is a number alone (None for names, units, blanks and text)."""
    if not cell or not _NUMBER_CHARS.issuperset(cell) or not any(c.isdigit() for c in cell):
        return None
    return rx_fullmatch(trules.cell_number, cell)


def _is_placeholder(header: str) -> bool:
    """A DataFrame name for a column without a header: 列3."""
    return header.startswith("列") and header[1:].split(".")[0].isdigit()


def _header_unit(part: str, rules: MetricRules, trules: TableRules) -> tuple[tuple[Unit, str] | None, str]:
    """(unit, the part without it) of one header part: 绝对数（亿元） -> ((元, 亿), 绝对数)."""
    m = rx_search(trules.header_unit, part)
    if not m:
        return None, part
    if m.group("pct"):
        return parse_unit(m.group("pct"), rules, trules), part[:m.start()]
    unit = parse_unit(m.group("unit"), rules, trules)
    return (unit, part[:m.start()]) if unit else (None, part)


def _is_period(text: str) -> bool:
    return bool(text) and (text.rstrip("年").isdigit() or text in ("年份", "年度", "时间", "月份", "年"))


def header_year(text: str) -> int | None:
    """The year a header names alone (2022年: its column holds that year's figures, not row names), or None.

    >>> header_year("2022年"), header_year("2022年比2021增长")
    (2022, None)
    """
    t = text.strip()
    return int(t[:4]) if len(t) == 5 and t.endswith("年") and t[:4].isdigit() else None


def _is_year(text: str) -> bool:
    return header_year(text) is not None


def _classify(j: int, header: str, cells: list[str], rules: MetricRules, trules: TableRules) -> TableColumn:
    """A column's role from its header and its cells (numbers, units or names)."""
    h = "" if _is_placeholder(header) else strip_glosses(_squeeze(header))  # (年末数（萬(wàn)人）)
    filled = [c for c in cells if c]
    numeric = sum(1 for c in filled if _number(c, trules))
    if h in trules.unit_columns or (not h and filled and len(filled) >= 2 and not numeric
                                     and all(parse_unit(c, rules, trules, known=True) for c in filled)):
        return TableColumn(j, header, h, "unit")
    values = bool(filled) and numeric * 2 >= len(filled)
    if h in trules.index_columns:
        return TableColumn(j, header, h, "other")  # (行号 | 1, 2, 3: the rows' numbers)
    if (_is_period(h) and not (_is_year(h) and values)) or (filled and not values):
        return TableColumn(j, header, h, "stub")  # names, or periods; one year's figures (2022年) are values
    unit, label, groups = None, [], []
    growth = change_amount = False
    for part in (p for p in h.split("/") if p):
        u, rest = _header_unit(part, rules, trules)
        unit = u or unit
        if any(w in part for w in trules.change_amount_words):
            change_amount = growth = True
        elif any(w in part for w in trules.growth_words):
            growth = True
        elif not u and rest and not _is_period(rest) and not any(w in rest for w in trules.measure_words):
            groups.append(rest)
            continue
        if rest:
            label.append(rest)
    if not numeric:
        return TableColumn(j, header, "/".join(label) or h, "other", unit, growth, change_amount, tuple(groups))
    return TableColumn(j, header, "/".join(label) or (groups[-1] if groups else h), "value", unit, growth,
                       change_amount, tuple(groups))


def _with_change_amounts(columns: list[TableColumn], trules: TableRules) -> list[TableColumn]:
    """``columns`` with a column of changes read as a change in the levels' own unit when its header names neither a rate
    (a percent mark, ``rate_words``) nor a unit, and another column of changes names a rate (本年 | 上年 | 增减 | 增长%).

    >>> from summary_mining.readers.tables import table_rules
    >>> cols = [TableColumn(k, h, h, "value", None, k > 1) for k, h in enumerate(["本年", "上年", "增减", "增长%"])]
    >>> [c.change_amount for c in _with_change_amounts(cols, table_rules())]
    [False, False, True, False]
    """
    def rate(c: TableColumn) -> bool:
        m = rx_search(trules.header_unit, c.header)
        marked = bool(m) and (bool(m.group("pct")) or (m.group("unit") or "").strip() in ("%", "％", "‰"))
        return marked or any(w in c.header for w in trules.rate_words)

    changes = [c for c in columns if c.role == "value" and c.growth and not c.change_amount]
    plain = [c for c in changes if not rate(c) and c.unit is None]
    if len(plain) != 1 or len(changes) - len(plain) < 1:
        return columns
    return [replace(c, change_amount=True) if c is plain[0] else c for c in columns]


def _with_measures(columns: list[TableColumn], trules: TableRules) -> list[TableColumn]:
    """``columns`` with ``measure`` set when two or more value columns name different quantities
    (``row_measures``): a column of changes takes the quantity of the nearest such column before it."""
    named = {c.index: c.label for c in columns if c.role == "value" and not c.growth
             and any(w in c.label for w in trules.row_measures)}
    if len(set(named.values())) < 2:
        return columns
    out, current = [], ""
    for c in columns:
        if c.index in named:
            current = named[c.index]
            out.append(replace(c, measure=current))
        elif c.role == "value" and c.growth and current:
            out.append(replace(c, measure=current))
        else:
            out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# rows
@dataclass
class _Node:
    name: str
    raw: float
    eff: float
    marked: bool | str
    style: int | None
    parent: "_Node | None"
    unit: str = ""  # the row's unit as written (亿吨公里), "" when it has none of its own

    def path(self) -> tuple[str, ...]:
        out: list[str] = []
        node: _Node | None = self
        while node is not None:
            out.append(node.name)
            node = node.parent
        return tuple(reversed(out))


_MARKS: dict[tuple[str, int], tuple[str, bool | str, int | None]] = {}


def _marks(name: str, trules: TableRules) -> tuple[str, bool | str, int | None]:
    """:func:`_read_marks`, remembered (a table asks for each row name several times)."""
    key = (name, id(trules))
    hit = _MARKS.get(key)
    if hit is None:
        if len(_MARKS) > 50_000:
            _MARKS.clear()
        hit = _MARKS[key] = _read_marks(name, trules)
    return hit


def _read_marks(name: str, trules: TableRules) -> tuple[str, bool | str, int | None]:
    """(name without its markers, how it is marked a part of the rows above — True for the row
    above, ``"total"`` for the table's total — and its numbering style).

    >>> from summary_mining.readers.tables import table_rules
    >>> [_read_marks(n, table_rules()) for n in ("#铁路", "在总计中：轻工业", "（1）税收收入", "粮 食")]
    [('铁路', True, None), ('轻工业', 'total', None), ('税收收入', False, 0), ('粮食', False, None)]
    """
    text = normalize(name)
    pos, style = 0, None
    marked: bool | str = False
    kinds = [(p, "total") for p in trules.total_markers] + [(p, "child") for p in trules.child_markers] \
        + [(p, k) for k, p in enumerate(trules.numbering)]
    moved = True
    while moved:
        moved = False
        for p, kind in kinds:
            m = rx_match(p, text, pos)
            if m and m.end() > pos:
                pos, moved = m.end(), True
                if kind == "total":
                    marked = "total"
                elif kind == "child":
                    marked = marked or True
                else:
                    style = kind  # type: ignore[assignment]
                break
    rest = trules.name_footnote.sub("", name[pos:])  # 三、居住[3] -> 居住
    for ch in _BLANKS:
        rest = rest.replace(ch, "")
    return rest, marked, style


def _root(node: "_Node") -> "_Node":
    while node.parent is not None:
        node = node.parent
    return node


def _parallel(name: str, top: str) -> bool:
    """Whether an unmarked row names the same kind of thing as the top row above it: the same ending
    of at least two characters (出口额 / 进口额, 金融机构本外币存款余额 / 金融机构人民币存款余额), so it is
    not one more part of that row's breakdown (with no indentation to tell)."""
    k = 0
    while k < min(len(name), len(top)) and name[-1 - k] == top[-1 - k]:
        k += 1
    return k >= 2 and name != top


def _usable_indents(indents: Sequence[Any], tol: float, most: int) -> bool:
    """Indents that tell levels: known for most rows, and few distinct starts (not centred names)."""
    xs = sorted(i[0] for i in indents if i)
    if len(xs) < max(2, len(indents) // 2):
        return False
    levels = 1 + sum(1 for a, b in zip(xs, xs[1:]) if b - a > tol)
    return 1 < levels <= most


class _Hierarchy:
    """Places rows under the rows they belong to (see the module docstring)."""

    def __init__(self, trules: TableRules, indents: Sequence[Any]) -> None:
        self.trules = trules
        ems = [i[2] for i in indents if i]
        em = sorted(ems)[len(ems) // 2] if ems else 10.0
        self.tol = trules.indent_tolerance * em
        self.use_indent = _usable_indents(indents, self.tol, trules.max_indent_levels)
        self.stack: list[_Node] = []
        self.prev: _Node | None = None

    def reset(self) -> None:
        """A new group of rows begins (a stub group cell): nothing above it is its parent."""
        self.stack.clear()
        self.prev = None

    def place(self, raw_name: str, indent: Any, unit: str = "") -> _Node:
        name, marked, style = _marks(raw_name, self.trules)
        raw = eff = 0.0
        if self.use_indent and indent:
            raw, eff = float(indent[0]), float(indent[1])
        stack, tol = self.stack, self.tol

        def node(parent: _Node | None) -> _Node:
            return _Node(name, raw, eff, marked, style, parent, unit)

        if marked == "total":  # 在总计中：a part of the nearest top-level row
            root = next((n for n in stack if n.parent is None), None)
            while stack and stack[-1] is not root:
                stack.pop()
            return self._push(node(root))
        if style is not None:
            opened = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == style), None)
            if opened is not None:  # another item of an open list: its sibling
                parent = stack[opened].parent
                del stack[opened:]
                return self._push(node(parent))
            if self.prev is not None and any(rx_match(p, normalize(raw_name)) for p in self.trules.child_of_previous):
                while stack and stack[-1] is not self.prev:
                    stack.pop()
                return self._push(node(self.prev))
            if len(stack) == 1 and stack[0] is self.prev and self.prev.style is None and not self.prev.marked:
                # 居民消费价格 ⏎ 一、食品烟酒 …: a list opening right under a lone top row is its breakdown
                return self._push(node(self.prev))
            outer = self._outer(style)
            if outer is not None:  # 一、城市接待旅游人数 ⏎ 1、国际游客: a list inside an outer numbered row
                while stack and stack[-1] is not outer:
                    stack.pop()
                return self._push(node(outer))
        while stack and stack[-1].raw - tol > raw:
            stack.pop()
        if not stack:
            return self._push(node(None))
        top = stack[-1]
        if marked:  # a part of the row above: of a row at its level, a new breakdown of that row's parent
            same = abs(top.raw - raw) <= tol
            nested = not self.use_indent and top.marked and top is self.prev  # #一般公共预算收入 ⏎ #税收收入
            # (a numbered row heads its own block: 一、亚洲 ⏎ #日本 is a part of 亚洲)
            sibling = same and not nested and top.style is None and (top.marked or top.parent is not None)
        else:
            sibling = raw <= top.eff + tol
        parent = top.parent if sibling else top
        if not marked and not self.use_indent and parent is not None and _parallel(name, _root(parent).name):
            parent = None  # 进口额 after the parts of 出口额: a row like the top one is another top row
        if not marked and unit:  # a row in another unit is no part of the rows above (万人 after 亿吨公里)
            while parent is not None and parent.unit and parent.unit != unit:
                parent = parent.parent
        while stack and stack[-1] is not parent:
            stack.pop()
        return self._push(node(parent))

    def _outer(self, style: int) -> _Node | None:
        """The nearest open row numbered in a style that nests ``style`` (``numbering_outline``)."""
        rank = self.trules.numbering_rank
        if style not in rank:
            return None
        return next((n for n in reversed(self.stack) if n.style is not None and rank.get(n.style, rank[style]) < rank[style]),
                    None)

    def _push(self, node: _Node) -> _Node:
        self.stack.append(node)
        self.prev = node
        return node


# ---------------------------------------------------------------------------------------------
# the document's tables
@dataclass
class _Grid:
    table: int
    header_rows: int
    rows: list[tuple[int, int, list[tuple[int, int]]]]  # (Block.row, block start, cell spans)


def _grids(doc: Document) -> dict[int, _Grid]:
    grids: dict[int, _Grid] = {}
    for b in doc.blocks:
        if b.kind != "table_row" or b.table is None or b.row is None or b.table >= len(doc.tables):
            continue
        g = grids.get(b.table)
        if g is None:
            g = grids[b.table] = _Grid(b.table, int(doc.tables[b.table].attrs.get("header_rows", 1)), [])
        g.rows.append((b.row, b.start, b.cell_spans(doc.text)))
    return grids


def _is_header_again(cells: list[str], headers: list[str], trules: TableRules) -> bool:
    """A header row repeated on the next page, read as a data row (``headers`` squeezed)."""
    first = cells[0] if cells else ""
    same = sum(1 for c, h in zip(cells, headers) if c and c == h)
    return first in trules.header_names or same >= max(2, len([c for c in cells if c]) - 1)


def _analyse(doc: Document, grid: _Grid, rules: MetricRules, trules: TableRules, out: TableFigures) -> None:
    df = doc.tables[grid.table]
    headers = [str(c) for c in df.columns]
    norm = doc.normalized_text
    data = [(r, s, spans) for r, s, spans in grid.rows if r >= grid.header_rows]
    width = len(headers)
    texts = [[_squeeze(norm[a:b], normalized=True) for a, b in spans] for _, _, spans in data]
    squeezed = [_squeeze(h) for h in headers]
    keep = [len(t) == width and not _is_header_again(t, squeezed, trules) for t in texts]
    columns = _with_measures(_with_change_amounts([_classify(j, headers[j], [t[j] for t, k in zip(texts, keep) if k], rules,
                                                             trules) for j in range(width)], trules), trules)
    stubs = [c.index for c in columns if c.role == "stub"]
    stubs = [j for k, j in enumerate(stubs) if j == k]  # the leading run of name columns
    unit_cols = [c.index for c in columns if c.role == "unit"]
    for c in columns:
        out.columns[(grid.table, c.index)] = c
    table_unit = parse_unit(str(df.attrs.get("unit") or ""), rules, trules) if df.attrs.get("unit") else None
    indents = list(df.attrs.get("indent") or [])
    hierarchy = _Hierarchy(trules, [indents[r - grid.header_rows] if r - grid.header_rows < len(indents) else None
                                    for r, _, _ in data])
    carried: dict[int, str] = {}
    last_name = ""
    # with no unit column and no unit for the whole table, a unit in a row's name (城市接待旅游人数(人次))
    # holds for the rows below that name none (国际游客, 台湾同胞), until a row names its own
    carry_unit = table_unit is None and not unit_cols
    running: tuple[Unit, str] | None = None
    for (r, _, spans), t, k in zip(data, texts, keep):
        if not k:
            continue
        i = r - grid.header_rows
        groups: list[str] = []
        for j in stubs[:-1]:  # group columns: a merged cell holds for the rows below
            if t[j]:
                carried[j] = _marks(t[j], trules)[0]
                hierarchy.reset()
            if carried.get(j):
                groups.append(carried[j])
        raw_name = doc.text[spans[stubs[-1]][0]:spans[stubs[-1]][1]].strip(_BLANKS) if stubs else ""
        if any(c in trules.index_columns for c in t[:len(stubs) or 1]):
            continue  # a row numbering the columns (栏次 | | 1 | 2), no data
        if not raw_name:
            raw_name = last_name
        last_name = raw_name
        row_unit = None
        for j in unit_cols:
            row_unit = parse_unit(t[j], rules, trules) if t[j] else None
        name_unit = None
        if not row_unit:
            name_unit, _ = _header_unit(_marks(raw_name, trules)[0], rules, trules)
        own = row_unit or name_unit
        if carry_unit:
            running = own or running
            name_unit = name_unit or running
        node = hierarchy.place(raw_name, indents[i] if i < len(indents) else None,
                               own[1] + own[0].written if own else "")
        path = tuple(groups) + node.path()
        row = TableRow(r, node.name, path, tuple(groups), row_unit or name_unit, node.style, bool(node.marked))
        out.rows[(grid.table, r)] = row
        for col in columns:
            if col.role != "value":
                continue
            a, b = spans[col.index]
            cell = _cell(doc, norm, a, b, grid.table, r, col, row, row_unit, name_unit, table_unit, rules, trules)
            if cell is not None:
                out.cells.append(cell)


def _unit_for(col: TableColumn, row_unit: tuple[Unit, str] | None, name_unit: tuple[Unit, str] | None,
              table_unit: tuple[Unit, str] | None, rules: MetricRules, trules: TableRules) -> tuple[Unit, str] | None:
    if col.unit:
        return col.unit
    if col.growth and not col.change_amount:
        if row_unit and row_unit[0].kind == "percentage":
            return row_unit
        return parse_unit("%", rules, trules)
    return row_unit or name_unit or table_unit


def _cell(doc: Document, norm: str, a: int, b: int, table: int, r: int, col: TableColumn, row: TableRow,
          row_unit: tuple[Unit, str] | None, name_unit: tuple[Unit, str] | None,
          table_unit: tuple[Unit, str] | None, rules: MetricRules, trules: TableRules) -> TableCell | None:
    m = _number(norm[a:b], trules)
    if not m:
        return None
    pct = m.groupdict().get("pct")
    unit = parse_unit(pct, rules, trules) if pct else _unit_for(col, row_unit, name_unit, table_unit, rules, trules)
    if unit is None:
        return None
    u, scale = unit
    num = m.group("num")
    s, e = a + m.start("num"), a + (m.end("pct") if pct else m.end("num"))
    written = Decimal(num.replace(",", ""))
    mult = Decimal(rules.scales.get(scale, 1)) if scale else Decimal(1)
    factor = mult * Decimal(str(u.factor))
    value = float(written * factor)
    figure = Figure(s, e, doc.text[s:e], u.kind, value, value, value, u.base, u.currency, source="table",
                    number=float(written), decimals=decimals_of(num.lstrip("-+")), scale=scale, factor=float(factor),
                    written_unit=scale + u.written)
    figure.cell = (table, r, col.index)
    return TableCell(figure, tuple(col.groups) + row.path, row.name, tuple(col.groups) + row.groups, col.label,
                     col.header, "+" if col.growth else None)


# ---------------------------------------------------------------------------------------------
# entry points
def table_cells(doc: Document, rules: MetricRules | None = None, trules: TableRules | None = None) -> list[TableCell]:
    """Every number of ``doc``'s tables read as a figure, in text order."""
    return table_figures(doc, rules, trules).cells


_MEMO: "OrderedDict[int, tuple[weakref.ref[Document], int, int, int, TableFigures]]" = OrderedDict()
_MEMO_SIZE = 8


def table_figures(doc: Document, rules: MetricRules | None = None, trules: TableRules | None = None) -> TableFigures:
    """The table figures of ``doc`` with its rows and columns (read once per document and rule set:
    the figure scan and the labels both ask; without ``rules``, the last reading of ``doc`` is
    returned, whatever rules it was read with)."""
    key = id(doc)
    hit = _MEMO.get(key)
    if hit is not None and hit[0]() is doc and hit[1] == len(doc.text) and (
            (rules is None and trules is None) or (hit[2] == id(rules or metric_rules()) and hit[3] == id(trules or table_rules()))):
        _MEMO.move_to_end(key)
        return hit[4]
    rules = rules or metric_rules()
    trules = trules or table_rules()
    out = TableFigures([])
    for grid in _grids(doc).values():
        _analyse(doc, grid, rules, trules, out)
    out = TableFigures(out.cells, out.rows, out.columns)
    _MEMO[key] = (weakref.ref(doc), len(doc.text), id(rules), id(trules), out)
    while len(_MEMO) > _MEMO_SIZE:
        _MEMO.popitem(last=False)
    return out


def table_label(doc: Document, cell: tuple[int, int, int] | None, surface: str = "") -> tuple[str, str]:
    """(label, column) of the figure in table cell ``cell`` = ``(table, row, column)``: the row's
    groups and name (城镇彩色电视机, 税收收入), and the column's label (比上年增长) — a column that
    names both directions reads as its rising one (比上年涨跌幅度 -> 比上年涨: the sign is in the value).

    >>> doc = table_document([["指标名称", "单位", "比上年涨跌幅度"], ["居民消费价格", "%", "-0.9"], ["#食品烟酒", "%", "-0.4"]])
    >>> table_label(doc, (0, 2, 2))
    ('食品烟酒', '比上年涨')
    """
    if cell is None:
        return "", ""
    tf = table_figures(doc)
    table, r, j = cell
    row, col = tf.rows.get((table, r)), tf.columns.get((table, j))
    if row is None or col is None:
        return "", ""
    column = col.label
    if col.growth:  # 比上年涨跌幅度 -> 比上年涨: a change in either direction reads as its rising one
        for pair in table_rules().signed_pairs:
            if pair in column:
                column = column[:column.index(pair) + 1]
    # (labels read as the text's are, normalised and less glosses: the row 國內(nèi)生產(chǎn)總值 -> 国内生产总值)
    if col.role != "value":  # a figure written in a name cell (60周岁及以上): the row's column is its name
        return strip_glosses(normalize("".join(row.groups) + row.name)) if j != 0 else "", column
    label = strip_glosses(normalize("".join(col.groups + row.groups) + row.name + col.measure))
    if label == surface:
        label = ""
    return label or column, column


def table_document(rows: list[list[str]], *, unit: str = "", caption: str = "", before: str = "") -> Document:
    """A document holding one table (``rows[0]`` its header): for examples and tests.

    >>> doc = table_document([["", "城镇", "农村"], ["彩色电视机", "110", "107"]], unit="台")
    >>> [(c.surface, c.unit, c.path) for c in table_cells(doc)]
    [('110', '台', ('城镇', '彩色电视机')), ('107', '台', ('农村', '彩色电视机'))]
    """
    import pandas as pd

    from ..readers.base import Block, ReadResult
    from ..structure import build_document

    lines = ([before] if before else []) + ["\t".join(r) for r in rows]
    text = "\n".join(lines)
    blocks, pos = [], 0
    for i, line in enumerate(lines):
        if before and i == 0:
            blocks.append(Block(pos, pos + len(line)))
        else:
            r = i - (1 if before else 0)
            blocks.append(Block(pos, pos + len(line), "table_row", table=0, row=r))
        pos += len(line) + 1
    header = [h or f"列{j + 1}" for j, h in enumerate(rows[0])]
    df = pd.DataFrame(rows[1:], columns=header)
    df.attrs.update(header_rows=1, caption=caption, unit=unit, pages=None, indent=[None] * (len(rows) - 1))
    return build_document(ReadResult(text, "docx", blocks, [df]), doc_id="table", source="<table>")
