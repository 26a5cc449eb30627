"""The DOCX body: paragraphs (list numbering restored, headings), text boxes and tables, in order,
as lines of text with their blocks, and each table as a DataFrame (see the package docstring)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import pandas as pd
from lxml import etree

from ...errors import FileTooLargeError
from ..base import Block
from ..tables import marker_length
from .numbering import Numbering
from .styles import Styles
from .xml import (BREAK, CJK_CHAR, M_T, MC_ALT, MC_CHOICE, NUMERIC, SKIP_TAGS, W_BR, W_CR, W_CUSTOM_XML, W_NB_HYPHEN,
                  W_P, W_PPR, W_PTAB, W_R, W_RPR, W_SDT, W_SDT_CONTENT, W_SYM, W_T, W_TAB, W_TBL, W_TC, W_TR,
                  W_TXBX, W_VAL, child_val, to_int, truthy, wtag)

__all__ = ["BodyReader", "MAX_SPAN", "MAX_TABLE_CELLS", "cell_indent", "DEFAULT_FONT_PT"]

#: Widest merge / grid offset honoured (Word allows 63 columns); most cells one table may expand to.
MAX_SPAN = 64
MAX_TABLE_CELLS = 2_000_000


def _join_break(m: re.Match[str]) -> str:
    s, e, text = m.start(), m.end(), m.string
    if s == 0 or e == len(text):
        return ""
    return "" if CJK_CHAR.match(text[s - 1]) or CJK_CHAR.match(text[e]) else " "


_BREAK_RUN = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _one_line(text: str) -> str:
    """Remove line breaks: "" next to a CJK character or at the edges, " " between two others.

    Each maximal run of whitespace holding a break is replaced (what substituting
    ``\\s*[breaks]+\\s*`` would do), found in one pass: a regex ``\\s*`` before the break would
    rescan a long blank run from each of its characters — quadratic on a paragraph of 100k spaces.

    >>> _one_line("绝对额 \\n （万元）"), _one_line("1.5\\n2.5"), _one_line("a" + " " * 5 + "b")
    ('绝对额（万元）', '1.5 2.5', 'a     b')
    """
    out: list[str] = []
    pos, n = 0, len(text)
    for m in _BREAK_RUN.finditer(text):
        s, e = m.span()
        if s < pos:
            continue  # inside the blank run already replaced
        while s > pos and text[s - 1].isspace():
            s -= 1
        while e < n and text[e].isspace():
            e += 1
        out.append(text[pos:s])
        if s == 0 or e == n:
            out.append("")
        else:
            out.append("" if CJK_CHAR.match(text[s - 1]) or CJK_CHAR.match(text[e]) else " ")
        pos = e
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _sym(el: etree._Element) -> str:
    try:
        code = int(el.get(wtag("char"), ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:  # symbol-font private-use code: no reliable character
        return ""
    return chr(code) if 0 < code < 0x110000 else ""


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (``w:vanish``)."""
    rpr = run.find(W_RPR)
    return rpr is not None and truthy(rpr.find(wtag("vanish")))


def _paragraph_text(p: etree._Element) -> tuple[str, list[etree._Element]]:
    """A paragraph's characters (breaks as "\\n") and the text boxes anchored in it."""
    out: list[str] = []
    boxes: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP_TAGS:
                continue
            if tag == W_R and _hidden(child):
                continue
            if tag == W_T or tag == M_T:
                out.append(child.text or "")
            elif tag == W_TAB or tag == W_PTAB:
                out.append("\t")
            elif tag == W_BR or tag == W_CR:
                out.append(BREAK)
            elif tag == W_NB_HYPHEN:
                out.append("-")
            elif tag == W_SYM:
                out.append(_sym(child))
            elif tag == W_TXBX:
                boxes.append(child)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    walk(choice)
            elif len(child):
                walk(child)

    walk(p)
    return "".join(out), boxes


def _iter_blocks(parent: etree._Element) -> Iterator[etree._Element]:
    """``w:p`` and ``w:tbl`` children in order, looking through sdt / customXml wrappers."""
    for child in parent:
        tag = child.tag
        if tag == W_P or tag == W_TBL:
            yield child
        elif tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _iter_blocks(content)
        elif tag == W_CUSTOM_XML or tag == wtag("ins") or tag == wtag("moveTo"):
            yield from _iter_blocks(child)
        elif tag == MC_ALT:
            choice = child.find(MC_CHOICE)
            if choice is not None:
                yield from _iter_blocks(choice)


def _iter_wrapped(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag`` (rows of a table, cells of a row), also inside sdt / customXml."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _iter_wrapped(content, tag)
        elif child.tag == W_CUSTOM_XML:
            yield from _iter_wrapped(child, tag)


def _join_pieces(pieces: list[str]) -> str:
    return _one_line(BREAK.join(p for p in pieces if p))



@dataclass
class _Cell:
    text: str  # what the row line shows ("" for a merged continuation)
    label: str  # the merged area's text (names header columns)
    h_cont: bool = False
    v_cont: bool = False
    v_start: bool = False


def _span(value: str | None, default: int) -> int:
    """A grid count (``gridSpan``/``gridBefore``/``gridAfter``) clamped to ``0..MAX_SPAN``."""
    n = to_int(value, default)
    return min(max(default if n is None else n, default), MAX_SPAN)



def _header_rows(grid: list[list[_Cell]], flags: list[bool]) -> int:
    """How many leading rows are header rows (see the module docstring for the rule)."""
    h = 1
    while h < len(grid) - 1 and flags[0] and flags[h]:
        h += 1
    if h == 1 and len(grid) > 2:
        row0, row1 = grid[0], grid[1]
        if (any(c.h_cont for c in row0) and any(c.v_start for c in row0) and any(c.v_cont for c in row1)
                and not any(NUMERIC.fullmatch(c.text) for c in row1)):
            h = 2
    return h


def _column_names(grid: list[list[_Cell]], h: int, width: int) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for j in range(width):
        parts: list[str] = []
        for r in range(h):
            label = grid[r][j].label
            if label and label not in parts:
                parts.append(label)
        name = "/".join(parts) or f"列{j + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        names.append(name)
    return names


def _title_row(grid: list[list[_Cell]]) -> str:
    """The text of a first row that is one cell merged across the table (表1 2022年居民消费和商品零售价格涨跌
    幅度（单位：%）) above at least a header and a data row: the table's title, not its column names."""
    row = grid[0]
    if len(grid) < 3 or len(row) < 2 or not row[0].text or not all(c.h_cont for c in row[1:]):
        return ""
    if all(c.h_cont for c in grid[1][1:]):
        return ""  # every row one merged cell: no title above a header
    return "" if NUMERIC.fullmatch(row[0].text) else row[0].text


def _table_frame(grid: list[list[_Cell]], flags: list[bool], width: int,
                 indents: list[tuple[float, float, float] | None]) -> pd.DataFrame:
    title = _title_row(grid)
    t = 1 if title else 0
    h = t + _header_rows(grid[t:], flags[t:])
    df = pd.DataFrame([[c.text for c in row] for row in grid[h:]], columns=_column_names(grid[t:], h - t, width),
                      dtype=object)
    df.attrs["header_rows"] = h
    df.attrs["indent"] = indents[h:]
    if title:
        df.attrs["title"] = title
    return df


def is_wide_char(ch: str) -> bool:
    """A CJK or full-width character (one em wide)."""
    return bool(CJK_CHAR.match(ch))


#: Font size assumed when a cell's first run states none (五号, 10.5 pt).
DEFAULT_FONT_PT = 10.5
_ALIGNED = frozenset({"center", "right", "end", "distribute"})
_LEAD_EM = {"\u3000": 1.0, " ": 0.5, "\u00a0": 0.5, "\t": 2.0}


def cell_indent(tc: etree._Element) -> tuple[float, float, float] | None:
    """``(x, name_x, em)``: where the text of a cell's first paragraph starts, in points from the
    cell's edge (``w:ind`` in twips or hundredths of a character, plus leading blanks), where the
    row name starts after a marker (``其中：`` is three characters wide) and the font size. None for
    a centred or right-aligned paragraph (its start says nothing about levels)."""
    p = next((el for el in _iter_blocks(tc) if el.tag == W_P), None)
    if p is None:
        return None
    ppr = p.find(W_PPR)
    if child_val(ppr, "jc") in _ALIGNED:
        return None
    size = None
    for r in p.iter(W_R):
        sz = to_int(child_val(r.find(W_RPR), "sz"))
        if sz:
            size = sz / 2
            break
    em = size or DEFAULT_FONT_PT
    x = 0.0
    ind = ppr.find(wtag("ind")) if ppr is not None else None
    if ind is not None:
        def twips(name: str) -> float:
            return (to_int(ind.get(wtag(name)), 0) or 0) / 20

        def chars(name: str) -> float:
            return (to_int(ind.get(wtag(name)), 0) or 0) / 100 * em

        left = chars("leftChars") or chars("startChars") or twips("left") or twips("start")
        first = chars("firstLineChars") or twips("firstLine")
        hanging = chars("hangingChars") or twips("hanging")
        x = left + first - hanging
    raw, _ = _paragraph_text(p)
    body = raw.lstrip("".join(_LEAD_EM))
    for ch in raw[:len(raw) - len(body)]:
        x += _LEAD_EM[ch] * em
    marker = body[:marker_length(body)]
    return x, x + sum(em if is_wide_char(ch) else 0.5 * em for ch in marker if not ch.isspace()), em



class BodyReader:
    def __init__(self, path: str, styles: Styles, numbering: Numbering) -> None:
        self.path = path
        self.styles = styles
        self.numbering = numbering
        self.lines: list[str] = []
        self.blocks: list[Block] = []
        self.tables: list[pd.DataFrame] = []
        self.title: str | None = None
        self._pos = 0

    # -- output ---------------------------------------------------------------------------
    def _add_line(self, line: str, kind: str = "paragraph", level: int | None = None,
                  table: int | None = None, row: int | None = None) -> None:
        if self.lines:
            self._pos += 1  # the "\n" before this line
        start = self._pos
        s, e = start, start + len(line)
        if kind != "table_row":
            s += len(line) - len(line.lstrip())
            e -= len(line) - len(line.rstrip())
        self.lines.append(line)
        self._pos += len(line)
        self.blocks.append(Block(s, e, kind, level, table, row))

    # -- paragraphs -----------------------------------------------------------------------
    def _style_of(self, p: etree._Element) -> tuple[etree._Element | None, str | None]:
        ppr = p.find(W_PPR)
        return ppr, (child_val(ppr, "pStyle") or self.styles.default_id)

    def _label(self, ppr: etree._Element | None, style_id: str | None) -> str | None:
        num_id, ilvl = child_val(ppr, "numPr", "numId"), to_int(child_val(ppr, "numPr", "ilvl"))
        style_num, style_ilvl = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        elif ilvl is None and num_id == style_num:
            ilvl = style_ilvl
        if not num_id or num_id == "0":
            return None
        return self.numbering.label(num_id, ilvl, style_id)

    def paragraph_text(self, p: etree._Element) -> tuple[str, etree._Element | None, str | None, list[etree._Element]]:
        """The paragraph's line (numbering label restored), its pPr, style id and text boxes."""
        ppr, style_id = self._style_of(p)
        raw, boxes = _paragraph_text(p)
        text = _one_line(raw)
        label = self._label(ppr, style_id)
        if label and text.strip():
            body = text.lstrip()
            text = text[: len(text) - len(body)] + label + body
        return text, ppr, style_id, boxes

    def _heading_level(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        own = to_int(child_val(ppr, "outlineLvl"))
        if own is not None:
            return own + 1 if 0 <= own < 9 else None
        return self.styles.heading_level(style_id)

    def paragraph(self, p: etree._Element) -> None:
        text, ppr, style_id, boxes = self.paragraph_text(p)
        if text.strip():
            level = self._heading_level(ppr, style_id)
            self._add_line(text, "heading" if level else "paragraph", level)
            if self.title is None and self.styles.is_title(style_id):
                self.title = text.strip()
        for box in boxes:
            self.body(box)

    # -- tables ---------------------------------------------------------------------------
    def cell_text(self, tc: etree._Element) -> str:
        pieces: list[str] = []
        for el in _iter_blocks(tc):
            if el.tag == W_P:
                text, _, _, boxes = self.paragraph_text(el)
                pieces.append(text.strip())
                pieces.extend(self.cell_text(box) for box in boxes)
            else:  # a nested table: its rows, flattened into this cell
                for tr in _iter_wrapped(el, W_TR):
                    pieces.append(" ".join(t for t in (self.cell_text(c) for c in _iter_wrapped(tr, W_TC)) if t))
        return _join_pieces(pieces).replace("\t", " ").strip()

    def _row_cells(self, tr: etree._Element) -> list[_Cell]:
        trpr = tr.find(wtag("trPr"))
        cells = [_Cell("", "") for _ in range(_span(child_val(trpr, "gridBefore"), 0))]
        for tc in _iter_wrapped(tr, W_TC):
            tcpr = tc.find(wtag("tcPr"))
            span = _span(child_val(tcpr, "gridSpan"), 1)
            vmerge = tcpr.find(wtag("vMerge")) if tcpr is not None else None
            v_cont = vmerge is not None and vmerge.get(W_VAL, "continue") == "continue"
            h_cont = child_val(tcpr, "hMerge") == "continue"
            text = "" if (v_cont or h_cont) else self.cell_text(tc)
            cells.append(_Cell(text, text, h_cont=h_cont, v_cont=v_cont,
                               v_start=vmerge is not None and not v_cont))
            cells.extend(_Cell("", text, h_cont=True, v_cont=v_cont) for _ in range(span - 1))
        cells.extend(_Cell("", "") for _ in range(_span(child_val(trpr, "gridAfter"), 0)))
        return cells

    def table(self, tbl: etree._Element) -> None:
        grid: list[list[_Cell]] = []
        flags: list[bool] = []
        indents: list[tuple[float, float, float] | None] = []
        for tr in _iter_wrapped(tbl, W_TR):
            trpr = tr.find(wtag("trPr"))
            flags.append(truthy(trpr.find(wtag("tblHeader")) if trpr is not None else None))
            grid.append(self._row_cells(tr))
            first = next(_iter_wrapped(tr, W_TC), None)
            indents.append(cell_indent(first) if first is not None else None)
        width = max((len(r) for r in grid), default=0)
        if not grid or width == 0:
            return
        if width * len(grid) > MAX_TABLE_CELLS:
            raise FileTooLargeError(self.path, f"table {len(self.tables) + 1} expands to {len(grid):,} rows x {width:,} "
                                               f"columns, over the {MAX_TABLE_CELLS:,}-cell limit")
        for row in grid:
            row.extend(_Cell("", "") for _ in range(width - len(row)))
        index = len(self.tables)
        for r, row in enumerate(grid):
            self._add_line("\t".join(c.text for c in row), "table_row", table=index, row=r)
        self.tables.append(_table_frame(grid, flags, width, indents))

    # -- body -----------------------------------------------------------------------------
    def body(self, parent: etree._Element) -> None:
        for el in _iter_blocks(parent):
            if el.tag == W_P:
                self.paragraph(el)
            else:
                self.table(el)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)
