"""PDF reader: paragraphs and tables from a PDF's text layer.

The body text comes from PDFium (``pypdfium2``, hundreds of pages a second); pdfplumber is
opened only for pages holding a fully ruled grid table, whose cells it splits best. On the way:

* lines are rebuilt from character boxes and joined back into paragraphs (one per output line),
  also across a page footer: ``牛奶产量 4.32 ⏎ - 3 - ⏎ 万吨`` -> ``牛奶产量4.32万吨``;
* no spaces next to CJK characters (``综 合`` -> ``综合``), one between Latin words;
* page numbers (``- 2 -``, ``— 2 —``) and running headers repeated on every page are dropped;
* footnote markers inside figures are dropped (``值[2]1329.65亿元`` -> ``值1329.65亿元``);
* tables (ruled, three-line, or aligned by whitespace) become DataFrames and are written into
  the text one row per line, cells joined by tabs, and left out of the paragraphs.

>>> import pypdfium2 as pdfium, io
>>> pdf = pdfium.PdfDocument.new(); _ = pdf.new_page(595, 842); buf = io.BytesIO(); pdf.save(buf)
>>> read_pdf(buf.getvalue(), "扫描件.pdf", Limits())
Traceback (most recent call last):
...
summary_mining.errors.NoTextLayerError: 扫描件.pdf: no text layer: none of the 1 pages has extractable text (scanned images?); run OCR first

A text PDF of ``全年全市地区生产总值同比增长 4.8%。`` reads as ``全年全市地区生产总值同比增长4.8%。``.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Union

import pandas as pd
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import FileTooLargeError, NoTextLayerError, ReadError
from .base import Block
from .base import Limits, ReadResult, scrub_surrogates
from .tables import describe_tables, marker_length
from .pdf_layout import (Char, Line, Region, Rules, assign_lines, build_lines, column_bounds, gap_split, page_rules,
                         page_text, rule_regions, split_cells, strip_cjk_spaces, strip_markers)

__all__ = ["read_pdf"]

#: Share of sampled characters without a Unicode mapping (or private-use / U+FFFD) above which
#: the text layer is glyph garbage rather than text.
GARBAGE_SHARE = 0.3
#: Header/footer zones: this share of the page height at the top and at the bottom.
ZONE = 0.1

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–―－_~·•.]*(?:第\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–―－_~·•.]*$"
    r"|^[\s\-—–―－_~·•]+$|^(?:Page|page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$")
_CAPTION = re.compile(r"^\s*[表图]\s*\d")
_TERMINAL = frozenset("。；：！？…;:!?.")
_SOFT_HYPHENS = "\ufffe\u00ad"  # PDFium reports a hyphen that splits a word at a line end as U+FFFE
_CLOSERS = "”’」』）)】"
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百]+\s*[）)]|第[一二三四五六七八九十百\d]+[章节部分篇条]"
    r"|\d{1,2}\s*[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473]|[表图]\s*\d|注释?\s*[:：]|资料来源\s*[:：]|[\[［]\d{1,2}[\]］])")


@dataclass
class _Page:
    number: int  # 1-based
    box: tuple[float, float, float, float]  # the page's visible box (x0, y0, x1, y1)
    lines: list[Line]
    rules: Rules
    n_chars: int
    checked: int
    unmapped: int
    garbage: int

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    header: list[str] | None
    rows: list[list[str]]
    row_pages: list[int] = field(default_factory=list)
    continues: bool = False  # found without a top rule: may continue the previous page's table
    bounds: list[float] | None = None  # column separators, when every column was kept
    indents: list[tuple[float, float, float] | None] = field(default_factory=list)  # per row: (x, name_x, em)

    def __post_init__(self) -> None:
        if len(self.indents) != len(self.rows):
            self.indents = (self.indents + [None] * len(self.rows))[:len(self.rows)]


Item = Union[Line, _Table]


# -- opening and errors --------------------------------------------------------------------

_PDFIUM_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file cannot be read",
    pdfium_c.FPDF_ERR_FORMAT: "not a valid PDF (truncated or damaged)",
    pdfium_c.FPDF_ERR_UNKNOWN: "damaged PDF",
    pdfium_c.FPDF_ERR_PAGE: "damaged PDF (page tree not found)",
}


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    """Open with PDFium's own loader, so a zero-page file and a load failure are told apart."""
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not raw:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(path, "encrypted PDF: a password is required to open it")
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError(path, "encrypted PDF with an unsupported security handler")
        raise ReadError(path, f"{_PDFIUM_ERRORS.get(code, 'damaged PDF')} (PDFium error {code})")
    if pdfium_c.FPDF_GetPageCount(raw) < 1:
        pdfium_c.FPDF_CloseDocument(raw)
        raise ReadError(path, "PDF has no pages")
    return pdfium.PdfDocument(raw)  # ``data`` stays referenced by the caller while it is open


def _pdf_date(value: str) -> str | None:
    """The date of a PDF date string: ``D:20240208203412+08'00'`` -> ``2024-02-08`` (None if unreadable)."""
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not m:
        return None
    return "-".join(p for p in m.groups() if p)


def _metadata(pdf: pdfium.PdfDocument, n: int) -> dict[str, Any]:
    meta: dict[str, Any] = {"pages": n}
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # a broken info dictionary is no reason to fail the read
        return meta
    for key, name in (("Title", "title"), ("Author", "author")):
        value = (info.get(key) or "").strip()
        if value:
            meta[name] = value
    date = _pdf_date(info.get("CreationDate") or "")
    if date:
        meta["date"] = date  # as the DOCX reader does with its created date
    return meta


# -- pages ---------------------------------------------------------------------------------

def _needs_rules(lines: list[Line]) -> bool:
    """Could this page hold a table? (a wide gap inside a line, or a 表N caption)"""
    return any(ln.max_gap >= 0.8 or _CAPTION.match(ln.text) for ln in lines)


def _read_page(pdf: pdfium.PdfDocument, index: int, path: str) -> _Page:
    try:
        page = pdf[index]
    except pdfium.PdfiumError as e:
        raise ReadError(path, f"damaged PDF: cannot load page {index + 1} ({e})") from None
    try:
        box = tuple(page.get_bbox())
        textpage = page.get_textpage()
        try:
            found = page_text(textpage, pdfium_c)
        finally:
            textpage.close()
        lines = build_lines(found, index + 1)
        area = (box[2] - box[0]) * (box[3] - box[1])
        rules = Rules()
        if _needs_rules(lines):
            rules = page_rules(page.raw, pdfium_c, area)
        else:  # a page of running text: its lines' characters are not needed again (memory)
            for ln in lines:
                ln.release()
    except pdfium.PdfiumError as e:
        raise ReadError(path, f"damaged PDF: cannot read page {index + 1} ({e})") from None
    finally:
        page.close()
    x0, y0, x1, y1 = box
    return _Page(index + 1, (x0, y0, x1, y1), lines, rules, found.n_chars, found.checked, found.unmapped, found.garbage)


def _check_text_layer(pages: list[_Page], path: str) -> None:
    total = sum(p.n_chars for p in pages)
    if total == 0:
        raise NoTextLayerError(path, f"no text layer: none of the {len(pages)} pages has extractable text "
                                     "(scanned images?); run OCR first")
    checked = sum(p.checked for p in pages)
    unmapped = sum(p.unmapped for p in pages)
    if checked and unmapped / checked > GARBAGE_SHARE:
        raise NoTextLayerError(path, f"unusable text layer: {unmapped / checked:.0%} of sampled characters have no "
                                     "Unicode mapping (they extract as (cid:NN) glyph codes); run OCR first")
    garbage = sum(p.garbage for p in pages)
    text = "".join(ln.text for p in pages for ln in p.lines)
    cid = sum(len(m) for m in re.findall(r"\(cid:\d+\)", text))
    if (garbage + cid) / total > GARBAGE_SHARE:
        raise NoTextLayerError(path, f"unusable text layer: {(garbage + cid) / total:.0%} of characters are "
                                     "private-use, replacement or (cid:NN) glyph codes; run OCR first")


def _zone_lines(p: _Page) -> list[Line]:
    top, bottom = p.box[3] - ZONE * p.height, p.box[1] + ZONE * p.height
    return [ln for ln in p.lines if ln.role == "body" and (ln.y0 >= top or ln.y1 <= bottom)]


def _mark_furniture(pages: list[_Page]) -> None:
    """Mark page numbers, and running headers/footers: the same text at the same height on most pages.

    The height matters: a title on page 1 that a running header repeats stays body text.
    """
    seen: dict[str, list[tuple[int, float, Line]]] = {}
    for p in pages:
        for ln in _zone_lines(p):
            if _PAGE_NUMBER.match(ln.text):
                ln.role = "furniture"
                continue
            key = re.sub(r"\d+", "#", ln.text.replace(" ", ""))
            seen.setdefault(key, []).append((p.number, ln.y0, ln))
    if len(pages) < 2:
        return
    need = max(2, (len(pages) + 1) // 2)
    for group in seen.values():
        if len({page for page, _, _ in group}) < need:
            continue
        for _, y, ln in group:
            if len({page for page, y2, _ in group if abs(y2 - y) <= 3}) >= need:
                ln.role = "furniture"


# -- tables --------------------------------------------------------------------------------

def _column_names(header: list[str]) -> list[str]:
    """DataFrame column names (as the DOCX reader names them): empty -> ``列<j+1>``, repeats -> ``.1``, ``.2``."""
    seen: Counter[str] = Counter()
    out = []
    for j, name in enumerate(header):
        name = name or f"列{j + 1}"
        out.append(name if not seen[name] else f"{name}.{seen[name]}")
        seen[name] += 1
    return out


def _drop_empty_columns(header: list[str] | None, rows: list[list[str]]) -> tuple[list[str] | None, list[list[str]]]:
    width = len(rows[0]) if rows else len(header or [])
    keep = [j for j in range(width) if (header and header[j]) or any(r[j] for r in rows)]
    if len(keep) == width:
        return header, rows
    return ([header[j] for j in keep] if header else None), [[r[j] for j in keep] for r in rows]


def _mid(ln: Line) -> float:
    return (ln.y0 + ln.y1) / 2


def _name_start(chars: list[Char], em: float) -> tuple[float, float, float] | None:
    """``(x, name_x, em)`` of a row's first cell: where it starts, where its name starts after a
    marker (``#``, ``其中：``) and the font size."""
    if not chars:
        return None
    k = marker_length("".join(c.ch for c in chars))  # glyphs hold no spaces: one glyph a character
    return chars[0].x0, chars[min(k, len(chars) - 1)].x0, em


def _stub_start(ln: Line, bounds: list[float]) -> tuple[float, float, float] | None:
    """:func:`_name_start` of the first cell of a row line (None when the line starts in another column)."""
    first = [c for c in ln.chars if not bounds or (c.x0 + c.x1) / 2 < bounds[0]]
    if not first or first[0] is not ln.chars[0]:
        return None
    return _name_start(first, ln.em or ln.h)


def _region_table(r: Region) -> _Table | None:
    lines = sorted(r.lines, key=lambda ln: -_mid(ln))
    if not lines:
        return None
    sep = r.header_sep
    if sep is not None:
        head = [ln for ln in lines if _mid(ln) > sep]
        data = [ln for ln in lines if _mid(ln) <= sep]
    elif r.top_rule:
        head, data = lines[:1], lines[1:]
    else:
        head, data = [], lines
    bounds = [x for x in r.vs if r.x0 < x < r.x1] or column_bounds(data or head)
    if not bounds:
        return None
    header = None
    if head:
        cells = [split_cells(ln, bounds) for ln in head]
        header = [strip_cjk_spaces(" ".join(c[j] for c in cells if c[j])) for j in range(len(bounds) + 1)]
    rows = [split_cells(ln, bounds) for ln in data]
    kept_header, kept = _drop_empty_columns(header, rows)
    width = len(kept_header) if kept_header else (len(kept[0]) if kept else 0)
    if width < 2 or not (kept or kept_header):
        return None
    for ln in lines:
        ln.role = "table"
    top = max(r.y1, lines[0].y1)
    same = width == len(bounds) + 1
    return _Table(r.page, top, min(r.y0, lines[-1].y0), kept_header, kept, [r.page] * len(kept),
                  continues=not r.top_rule, bounds=list(bounds) if same else None,
                  indents=[_stub_start(ln, bounds) for ln in data])


def _is_row(ln: Line) -> bool:
    if ln.max_gap < 1.8:
        return False
    groups = gap_split(ln)
    return len(groups) >= 2 and any(c.ch.isdigit() for c in groups[-1])


def _gap_tables(p: _Page) -> list[_Table]:
    """Tables without any rules: runs of 3+ lines cut into aligned cells by wide gaps."""
    body = [ln for ln in p.lines if ln.role == "body"]
    flags = [_is_row(ln) for ln in body]
    tables: list[_Table] = []
    i = 0
    while i < len(body):
        if not flags[i]:
            i += 1
            continue
        j = i + 1
        while j < len(body) and flags[j] and body[j - 1].y0 - body[j].y1 < 2.5 * body[j].h:
            j += 1
        if j - i >= 3:
            above = body[i - 1] if i > 0 else None  # a header line with its own gaps, just above
            has_header = above is not None and len(gap_split(above)) >= 2 and above.y0 - body[i].y1 < 2.5 * body[i].h
            run = body[i - 1 if has_header else i:j]
            bounds = column_bounds(body[i:j])
            if bounds:
                header = split_cells(run[0], bounds)
                rows = [split_cells(ln, bounds) for ln in run[1:]]
                header2, rows = _drop_empty_columns(header, rows)
                if header2 and len(header2) >= 2:
                    for ln in run:
                        ln.role = "table"
                    same = len(header2) == len(bounds) + 1
                    tables.append(_Table(p.number, run[0].y1, run[-1].y0, header2, rows, [p.number] * len(rows),
                                         bounds=list(bounds) if same else None,
                                         indents=[_stub_start(ln, bounds) for ln in run[1:]]))
        i = j
    return tables


class _Plumber:
    """pdfplumber, opened at most once and only when a page needs its table finder."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._pdf: Any = None
        self.used: set[int] = set()

    def page(self, number: int) -> Any:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(io.BytesIO(self.data))
        self.used.add(number)
        return self._pdf.pages[number - 1]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _cell(value: object) -> str:
    text = str(value or "").replace("\t", " ")
    if "\n" in text:  # the blanks around each line break become one space (no regex: linear)
        parts = [p.strip() for p in text.split("\n")]
        text = " ".join(p for p in parts if p)
    text = strip_cjk_spaces(text)
    return strip_markers(text).strip()


def _grid_tables(plumber: _Plumber, r: Region) -> list[_Table]:
    """A ruled grid's cells as pdfplumber's table finder splits them ([] if it finds none or fails)."""
    found: list[tuple[float, float, list[list[str]], list[Any]]] = []
    try:
        page = plumber.page(r.page)
        mx0, _, _, my1 = page.mediabox
        for t in page.find_tables():
            x0, top, x1, bottom = t.bbox
            y0, y1 = my1 - bottom, my1 - top
            if min(y1, r.y1) - max(y0, r.y0) <= 0 or min(x1 + mx0, r.x1) - max(x0 + mx0, r.x0) <= 0:
                continue
            rows, boxes = [], []
            for row, plumber_row in zip(([_cell(c) for c in row] for row in t.extract()), t.rows):
                if any(row):
                    rows.append(row)
                    first = next((c for c in plumber_row.cells if c is not None), None)
                    boxes.append(None if first is None else (first[0] + mx0, my1 - first[3], first[2] + mx0, my1 - first[1]))
            if len(rows) >= 2 and len(rows[0]) >= 2:
                found.append((y0, y1, rows, boxes))
    except Exception:  # pdfplumber choked on this page: the caller reads the grid itself
        return []
    out = []
    for y0, y1, rows, boxes in found:
        for ln in r.lines:
            if y0 - 1 <= _mid(ln) <= y1 + 1:
                ln.role = "table"
        out.append(_Table(r.page, y1, y0, rows[0], rows[1:], [r.page] * (len(rows) - 1),
                          indents=[_box_start(r.lines, box) for box in boxes[1:]]))
    return out


def _box_start(lines: list[Line], box: tuple[float, float, float, float] | None) -> tuple[float, float, float] | None:
    """:func:`_name_start` of the text inside a cell's box (the characters of our lines within it)."""
    if box is None:
        return None
    x0, y0, x1, y1 = box
    for ln in lines:
        if y0 - 1 <= _mid(ln) <= y1 + 1:
            inside = [c for c in ln.chars if x0 - 1 <= (c.x0 + c.x1) / 2 <= x1 + 1]
            if inside:
                return _name_start(inside, ln.em or ln.h)
    return None


def _find_tables(pages: list[_Page], plumber: _Plumber) -> dict[int, list[_Table]]:
    found: dict[int, list[_Table]] = {}
    for p in pages:
        tables: list[_Table] = []
        if p.rules:
            body = [ln for ln in p.lines if ln.role == "body"]
            regions = rule_regions(p.rules, body, p.number)
            assign_lines(regions, body)
            for r in regions:
                if not r.lines:
                    continue
                grid = _grid_tables(plumber, r) if r.is_grid else []
                t = None if grid else _region_table(r)
                tables += grid or ([t] if t else [])
        tables += _gap_tables(p)
        found[p.number] = tables
    return found


def _continue_borderless(pages: list[_Page], tables: dict[int, list[_Table]]) -> None:
    """Rows opening a page, aligned like the table closing the previous page, continue it.

    A borderless table cut by a page break may leave fewer than three rows (too few to be found
    on their own) on the next page; the previous table's columns tell them from text.
    """
    for p, nxt in zip(pages, pages[1:]):
        items = _page_items(p, tables[p.number])
        last = items[-1] if items else None
        if not isinstance(last, _Table) or not last.bounds:
            continue
        body = [ln for ln in nxt.lines if ln.role == "body"]
        tops = [t.top for t in tables[nxt.number]]
        rows: list[Line] = []
        cells: list[list[str]] = []
        for ln in body:
            if any(top > ln.y1 for top in tops) or not _is_row(ln):
                break
            row = split_cells(ln, last.bounds)
            if sum(1 for c in row if c) < 2:
                break
            rows.append(ln)
            cells.append(row)
        if rows:
            for ln in rows:
                ln.role = "table"
            tables[nxt.number].insert(0, _Table(nxt.number, rows[0].y1, rows[-1].y0, None, cells,
                                                [nxt.number] * len(cells), continues=True, bounds=last.bounds,
                                                indents=[_stub_start(ln, last.bounds) for ln in rows]))


# -- reading order, continued tables, paragraphs -----------------------------------------

def _page_items(p: _Page, tables: list[_Table]) -> list[Item]:
    items: list[tuple[float, Item]] = [(ln.y1, ln) for ln in p.lines if ln.role == "body"]
    items += [(t.top, t) for t in tables]
    items.sort(key=lambda it: -it[0])
    return [it for _, it in items]


def _merge_continued(per_page: list[list[Item]]) -> list[Item]:
    """Flatten pages; a table that opens a page continuing the one closing the last page joins it."""
    out: list[Item] = []
    for items in per_page:
        first = items[0] if items else None
        prev = out[-1] if out else None
        if (isinstance(first, _Table) and isinstance(prev, _Table) and first.page == prev.page + 1
                and _width(first) == _width(prev) and (first.continues or first.header == prev.header)):
            if first.header and first.header != prev.header:
                prev.rows.append(first.header)
                prev.row_pages.append(first.page)
                prev.indents.append(None)
            prev.rows += first.rows
            prev.row_pages += first.row_pages
            prev.indents += first.indents
            items = items[1:]
        out += items
    return out


def _width(t: _Table) -> int:
    return len(t.header) if t.header else len(t.rows[0]) if t.rows else 0


@dataclass
class _Margins:
    left: float
    right: float
    gap: float | None  # usual gap between two lines of one paragraph


def _left_edge(lines: list[Line], least: int) -> float | None:
    """The text column's left edge: the leftmost x where ``least`` lines start (indents lie right of it)."""
    counts = Counter(round(ln.x0) for ln in lines)
    starts = [x for x, k in counts.items() if k >= least]
    return float(min(starts)) if starts else None


def _right_edge(lines: list[Line], least: int) -> float | None:
    """The column's right edge: where most full (justified) lines end."""
    counts = Counter(round(ln.x1) for ln in lines)
    x, k = counts.most_common(1)[0] if counts else (0, 0)
    return float(x) if k >= least else None


def _margins(pages: list[_Page]) -> dict[int, _Margins]:
    """Each page's text column (left/right edge) and its usual line gap."""
    def wide(p: _Page) -> list[Line]:
        return [ln for ln in p.lines if ln.role == "body" and ln.width > 0.5 * p.width]

    every = [ln for p in pages for ln in wide(p)]
    least = max(2, len(every) // 20)
    doc_left = _left_edge(every, least) or (min(ln.x0 for ln in every) if every else 0.0)
    doc_right = _right_edge(every, 1) or 0.0
    out: dict[int, _Margins] = {}
    for p in pages:
        lines = wide(p)
        left = _left_edge(lines, 2) or doc_left
        right = _right_edge(lines, 2) or doc_right
        body = [ln for ln in p.lines if ln.role == "body"]
        gaps = [a.y0 - b.y1 for a, b in zip(body, body[1:])
                if a.x1 >= right - 1.5 * a.em and abs(a.em - b.em) < 0.15 * a.em and a.y0 > b.y1]
        out[p.number] = _Margins(left, right, sorted(gaps)[len(gaps) // 2] if len(gaps) >= 2 else None)
    return out


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _is_break(a: Line, b: Line, margins: dict[int, _Margins]) -> bool:
    """True when line ``b`` starts a new paragraph after line ``a``."""
    if a.cjk and b.cjk and abs(a.em - b.em) > 0.15 * max(a.em, b.em):
        return True  # another font size: heading, footnote
    if not (a.cjk or b.cjk) and abs(a.h - b.h) > 0.15 * max(a.h, b.h):
        return True
    ma, mb = margins[a.page], margins[b.page]
    em = max(a.em, b.em)
    if b.x0 > mb.left + 0.8 * em:
        return True  # indented first line, centred heading
    short = a.x1 < ma.right - 1.5 * em
    column = max(ma.right - ma.left, 1.0)
    if short and (_ends_sentence(a.text) or _HEADING.match(a.text) or a.width < 0.6 * column):
        return True
    if _HEADING.match(b.text) and (short or _ends_sentence(a.text)):
        return True
    if a.page == b.page and ma.gap is not None and a.y0 - b.y1 > ma.gap + 0.7 * a.h:
        return True
    return False


def _join(left: str, right: str) -> str:
    """Join two lines of a paragraph: a space only between Latin words (``worth⏎60.07 million``)."""
    a, b = left[-1:], right[:1]
    if a and a in _SOFT_HYPHENS:
        return left[:-1] + right  # manip-⏎ulation
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() and (a.isalpha() or b.isalpha()):
        return f"{left} {right}"
    return left + right


class _Writer:
    """Collects the output text and its blocks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.pos = 0

    def add(self, text: str, **block: Any) -> None:
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        self.parts.append(text)
        self.blocks.append(Block(self.pos, self.pos + len(text), **block))
        self.pos += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _write(items: list[Item], margins: dict[int, _Margins]) -> tuple[str, list[Block], list[pd.DataFrame]]:
    out = _Writer()
    frames: list[pd.DataFrame] = []
    para: list[Line] = []

    def flush() -> None:
        if not para:
            return
        text = para[0].text
        for ln in para[1:]:
            text = _join(text, ln.text)
        text = strip_markers(text).replace("\ufffe", "").strip()
        if text:
            out.add(text, kind="paragraph", page=para[0].page)
        para.clear()

    for item in items:
        if isinstance(item, _Table):
            flush()
            index = len(frames)
            header = item.header or [""] * _width(item)
            frame = pd.DataFrame(item.rows, columns=_column_names(header))
            frame.attrs.update(header_rows=1, indent=list(item.indents))
            frames.append(frame)
            out.add("\t".join(header), kind="table_row", table=index, row=0, page=item.page)
            for r, (row, page) in enumerate(zip(item.rows, item.row_pages), start=1):
                out.add("\t".join(row), kind="table_row", table=index, row=r, page=page)
            continue
        if para and _is_break(para[-1], item, margins):
            flush()
        para.append(item)
    flush()
    return out.text, out.blocks, frames


# -- entry point ---------------------------------------------------------------------------

def _scrub_frame(f: pd.DataFrame) -> pd.DataFrame:
    """``scrub_surrogates`` over a table's cells and header; the frame itself when none has one."""
    joined = "".join([str(c) for c in f.columns] + [v for v in f.to_numpy().ravel().tolist() if isinstance(v, str)])
    if scrub_surrogates(joined) is joined:  # returned unchanged: no surrogate anywhere
        return f
    out = f.map(lambda v: scrub_surrogates(v) if isinstance(v, str) else v).rename(columns=lambda c: scrub_surrogates(str(c)))
    out.attrs = dict(f.attrs)
    return out


def read_pdf(data: bytes, path: str, limits: Limits) -> ReadResult:
    """Read a PDF's paragraphs and tables (see the module docstring).

    Table row blocks carry ``row=0`` for the header line and ``row=r`` for ``df.iloc[r - 1]``.
    Raises :class:`NoTextLayerError` for scanned or glyph-garbage PDFs, :class:`ReadError` for
    encrypted, damaged or empty ones and :class:`FileTooLargeError` past ``limits.max_pages``.
    """
    data = bytes(data)  # PDFium reads from this buffer while the document is open
    pdf = _open(data, path)
    plumber = _Plumber(data)
    try:
        n = len(pdf)
        if n > limits.max_pages:
            raise FileTooLargeError(path, f"{n:,} pages exceeds the {limits.max_pages:,}-page limit (Limits.max_pages)")
        meta = _metadata(pdf, n)
        pages = [_read_page(pdf, i, path) for i in range(n)]
        _check_text_layer(pages, path)
        _mark_furniture(pages)
        tables = _find_tables(pages, plumber)
        _continue_borderless(pages, tables)
        items = _merge_continued([_page_items(p, tables[p.number]) for p in pages])
        text, blocks, frames = _write(items, _margins(pages))
        if plumber.used:
            meta["pdfplumber_pages"] = sorted(plumber.used)
    finally:
        plumber.close()
        pdf.close()
    if not text.strip():
        raise NoTextLayerError(path, "no text layer: the pages hold only page numbers or headers; run OCR first")
    # a broken text layer (or pdfplumber, or the info dictionary) can yield lone surrogates, which
    # no UTF-8 writer accepts: U+FFFD, one for one
    text = scrub_surrogates(text)
    frames = [_scrub_frame(f) for f in frames]
    meta = {k: scrub_surrogates(v) if isinstance(v, str) else v for k, v in meta.items()}
    result = ReadResult(text=text, format="pdf", blocks=blocks, tables=frames, metadata=meta)
    describe_tables(result)
    return result
