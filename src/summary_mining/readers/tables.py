"""What a reader knows about each table besides its cells: its caption, the unit of the whole table,
the pages it spans and how far each row name is indented — kept in the DataFrame's ``attrs``.

``df.attrs``:

* ``caption`` — the line right before the table naming it (``表6 2023年周口市交通运输主要指标及增速``), "" if none;
* ``unit`` — the unit of the whole table as written (``台`` from a line ``单位：台`` above it, from a
  caption ending ``（单位：亿元）`` or from a header cell), "" if none;
* ``pages`` — ``(first, last)`` page of a PDF table (``None`` for DOCX);
* ``header_rows`` — how many text rows of the table are header rows (data row *i* is
  ``Block.row == i + header_rows``);
* ``indent`` — per data row, ``(x, name_x, em)``: where the row's first cell starts, where its name
  starts after a marker (``#``, ``其中：``, ``(1)``) and the font size, in points (``None`` when
  not known); rows indented further are parts of the rows above.

The rules (caption and unit-line patterns) are in ``data/tables.toml``.

>>> from summary_mining.readers.base import Block, ReadResult
>>> import pandas as pd
>>> text = "表10年末每百户城乡居民家庭拥有耐用品\\n单位：台\\n\\t城镇\\t农村\\n彩色电视机\\t110\\t107"
>>> lines = text.split("\\n"); starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(4)]
>>> blocks = [Block(starts[0], starts[0] + len(lines[0])), Block(starts[1], starts[1] + len(lines[1])),
...           Block(starts[2], starts[2] + len(lines[2]), "table_row", table=0, row=0),
...           Block(starts[3], starts[3] + len(lines[3]), "table_row", table=0, row=1)]
>>> r = ReadResult(text, "docx", blocks, [pd.DataFrame([["彩色电视机", "110", "107"]], columns=["列1", "城镇", "农村"])])
>>> describe_tables(r)
>>> r.tables[0].attrs["caption"], r.tables[0].attrs["unit"]
('表10年末每百户城乡居民家庭拥有耐用品', '台')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import regex

from ..datafiles import compile_pattern, rules_from, rx_match, rx_search
from ..normalize import normalize
from .base import Block, ReadResult

__all__ = ["TableRules", "table_rules", "describe_tables", "marker_length", "unit_of_line", "TABLE_RULES_FILE"]

TABLE_RULES_FILE = "tables.toml"
_TERMINAL = frozenset("。；;！!？?：:，,")


@dataclass(frozen=True)
class TableRules:
    """The compiled rules of ``data/tables.toml`` (see the comments there)."""

    caption: regex.Pattern[str]
    caption_max_chars: int
    unit_line: regex.Pattern[str]
    unit_suffix: regex.Pattern[str]
    unit_columns: frozenset[str]
    header_unit: regex.Pattern[str]
    growth_words: tuple[str, ...]
    change_amount_words: tuple[str, ...]
    rate_words: tuple[str, ...]
    index_columns: frozenset[str]
    signed_pairs: tuple[str, ...]
    measure_words: tuple[str, ...]
    row_measures: tuple[str, ...]
    child_markers: tuple[regex.Pattern[str], ...]
    total_markers: tuple[regex.Pattern[str], ...]
    numbering: tuple[regex.Pattern[str], ...]
    child_of_previous: tuple[regex.Pattern[str], ...]
    numbering_outline: tuple[int, ...]  # positions in ``numbering``, outermost first (一、 > （一） > 1. > （1）)
    name_footnote: regex.Pattern[str]
    indent_tolerance: float
    max_indent_levels: int
    header_names: frozenset[str]
    cell_number: regex.Pattern[str]
    units: dict[str, dict[str, Any]]

    @cached_property
    def numbering_rank(self) -> dict[int, int]:
        """How deep each numbering style nests (``numbering_outline``): 0 for the outermost."""
        return {k: i for i, k in enumerate(self.numbering_outline)}


def _build(d: dict[str, Any], src: str) -> TableRules:
    def pat(key: str) -> regex.Pattern[str]:
        return compile_pattern(d[key], src, key)

    def pats(key: str) -> tuple[regex.Pattern[str], ...]:
        return tuple(compile_pattern(p, src, f"{key}[{i}]") for i, p in enumerate(d[key]))

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in d[key])

    units = {str(k): dict(v) for k, v in d.get("units", {}).items()}
    for name, u in units.items():
        if u.get("kind") not in ("amount", "percentage", "count") or not isinstance(u.get("base"), str):
            raise ValueError(f"units.{name}: kind must be amount|percentage|count and base a string")
    return TableRules(caption=pat("caption"), caption_max_chars=int(d["caption_max_chars"]),
                      unit_line=pat("unit_line"), unit_suffix=pat("unit_suffix"),
                      unit_columns=frozenset(words("unit_columns")), header_unit=pat("header_unit"),
                      growth_words=words("growth_words"), change_amount_words=words("change_amount_words"),
                      rate_words=tuple(str(w) for w in d.get("rate_words", ())),
                      index_columns=frozenset(str(w) for w in d.get("index_columns", ())),
                      signed_pairs=words("signed_pairs"), measure_words=words("measure_words"),
                      row_measures=tuple(str(w) for w in d.get("row_measures", ())),
                      child_markers=pats("child_markers"), total_markers=pats("total_markers"),
                      numbering=pats("numbering"),
                      child_of_previous=pats("child_of_previous"),
                      numbering_outline=tuple(int(k) for k in d.get("numbering_outline", ())),
                      name_footnote=compile_pattern(d.get("name_footnote", "(?!)"), src, "name_footnote"),
                      indent_tolerance=float(d["indent_tolerance"]),
                      max_indent_levels=int(d["max_indent_levels"]), header_names=frozenset(words("header_names")),
                      cell_number=pat("cell_number"), units=units)


@lru_cache(maxsize=8)
def table_rules(path: str = TABLE_RULES_FILE) -> TableRules:
    """The table rules (``data/tables.toml`` or another file of the same form), compiled once."""
    return rules_from(path, _build)


def marker_length(name: str, rules: TableRules | None = None) -> int:
    """How many characters a row name's leading markers take (``#``, ``其中：``, ``(1)``, ``1.``).

    >>> marker_length("其中：城镇"), marker_length("#铁路"), marker_length("（1）税收收入"), marker_length("粮食")
    (3, 1, 3, 0)
    """
    rules = rules or table_rules()
    text = normalize(name)
    pos = 0
    while True:
        for p in rules.total_markers + rules.child_markers + rules.numbering:
            m = rx_match(p, text, pos)
            if m and m.end() > pos:
                pos = m.end()
                break
        else:
            return pos


def unit_of_line(line: str, rules: TableRules | None = None) -> str:
    """The unit a line gives a whole table, "" if it gives none.

    >>> unit_of_line("单位：台"), unit_of_line("（单位：亿元）"), unit_of_line("表3 主要林业产品产量（单位：吨）")
    ('台', '亿元', '吨')
    >>> unit_of_line("全年全州财税收入128.64亿元")
    ''
    """
    rules = rules or table_rules()
    text = normalize(line).strip()
    m = rx_match(rules.unit_line, text) or rx_search(rules.unit_suffix, text)
    if not m:
        return ""
    return next((g for g in (m.groupdict().get("unit"), m.groupdict().get("unit2")) if g), "")


def _is_caption(line: str, rules: TableRules) -> bool:
    text = normalize(line).strip()
    if rx_match(rules.caption, text):
        return True
    return 0 < len(text) <= rules.caption_max_chars and text[-1] not in _TERMINAL and not any(c.isdigit() for c in text[-3:])


def describe_tables(result: ReadResult, rules: TableRules | None = None) -> None:
    """Fill ``caption``, ``unit``, ``pages`` and ``header_rows`` of each table's ``attrs`` (in place)
    from the blocks around it; ``indent`` is left to the reader (``None`` rows when it set none)."""
    rules = rules or table_rules()
    first: dict[int, int] = {}
    pages: dict[int, list[int]] = {}
    for i, b in enumerate(result.blocks):
        if b.kind == "table_row" and b.table is not None:
            first.setdefault(b.table, i)
            if b.page is not None:
                pages.setdefault(b.table, []).append(b.page)
    text = result.text
    for t, df in enumerate(result.tables):
        attrs = df.attrs
        attrs.setdefault("header_rows", 1)
        attrs.setdefault("indent", [None] * len(df))
        caption, unit = "", ""
        i = first.get(t)
        if i is not None:
            caption, unit = _caption_and_unit(result.blocks, i, text, rules)
            title = attrs.get("title", "")  # a first row merged across the table (DOCX)
            if title and not caption and _is_caption(title, rules):
                caption, unit = title, unit or unit_of_line(title, rules)
            if not unit:  # a header cell: 单位：万元
                head = [text[a:b] for a, b in result.blocks[i].cell_spans(text)]
                unit = next((u for u in (unit_of_line(c, rules) for c in head) if u), "")
            left = result.blocks[i - 1] if i else None
            if not unit and left is not None and left.kind == "table_row" and left.table is not None \
                    and left.table < t and "\n" not in text[left.end:result.blocks[i].start]:
                # a panel printed beside another (收入 | 决算数 | 支出 | 决算数): the caption and unit of the one to its left
                caption, unit = result.tables[left.table].attrs.get("caption", ""), result.tables[left.table].attrs.get("unit", "")
        attrs["caption"] = caption
        attrs["unit"] = unit
        ps = pages.get(t)
        attrs["pages"] = (min(ps), max(ps)) if ps else None


#: How many short blocks before a table's first row its unit line may stand.
UNIT_BLOCKS = 5


def _caption_and_unit(blocks: list[Block], i: int, text: str, rules: TableRules) -> tuple[str, str]:
    """The caption and unit lines among the (at most two) blocks right before block ``i``."""
    caption, unit = "", ""
    for b in reversed(blocks[max(0, i - 2):i]):
        if b.kind == "table_row":
            break
        line = text[b.start:b.end].strip()
        u = unit_of_line(line, rules)
        if u and not unit:
            unit = u
            if rx_match(rules.unit_line, normalize(line)):
                continue  # a line of its own: the caption may stand above it
        if _is_caption(line, rules):
            caption = line
        break
    if not unit:
        # (a unit line above a row of group names of its own: 单位：万元⏎| 收入 | | 支出 | |⏎| 项目 | 决算数 | …)
        for b in reversed(blocks[max(0, i - UNIT_BLOCKS):i]):
            line = text[b.start:b.end].strip()
            if b.kind == "table_row" or len(line) > rules.caption_max_chars:
                break
            if rx_match(rules.unit_line, normalize(line)):
                unit = unit_of_line(line, rules)
                break
    return caption, unit
