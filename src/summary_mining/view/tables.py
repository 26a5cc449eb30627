"""``Document.tables`` drawn as HTML tables, and the notes the outline leaves out.

A table row of the text is a ``<tr>``, each cell a ``<td>`` (``<th>`` in header rows) holding the
cell's characters and its separator (the tab after it, a plain-text table's `` | ``, or the line break ending the row) in a
hidden ``<span class="sm-sep">`` — so the page's text is still the document's text character for
character, and figures in cells are the same elements as figures in running text. A table a
figure crosses (a number and its unit in two cells) stays plain lines.

>>> from summary_mining.figures.tables import table_document
>>> doc = table_document([["指标", "绝对数（亿元）"], ["财政总收入", "148.87"]], before="表2 财政收支情况")
>>> [m.open for m in table_marks(doc, "v", [])][:3]
['<table class="sm-dtable" id="v-t0" data-table="0" data-caption="" data-unit="" data-pages="">', '<tr class="sm-thead" data-row="0">', '<th>']
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from ..datafiles import compile_pattern, rules_from, rx_match
from ..model import Document
from ..normalize import normalize
from .markup import CELL, ROW, SEPARATOR, TABLE, Mark, tag

__all__ = ["table_marks", "table_spans", "note_sections"]

_SEP_OPEN = '<span class="sm-sep">'


Row = tuple[int, int, int, list[tuple[int, int]]]  # (row, start, end, cell spans)


def _rows(doc: Document) -> dict[int, list[Row]]:
    """(row, start, end, cells) of each table's text rows, by table, ``end`` taking in what follows the
    row's last cell up to the next row (a plain-text table's `` |⏎``) or the line break ending it. A
    plain-text table with a blank cell stays text."""
    rows: dict[int, list[Row]] = {}
    blank: set[int] = set()
    text = doc.text
    for b in doc.blocks:
        if b.kind == "table_row" and b.table is not None and b.row is not None:
            cells = b.cell_spans(text)
            if b.cells is not None and any(e <= s for s, e in cells):
                blank.add(b.table)
            rows.setdefault(b.table, []).append((b.row, b.start, b.end, cells))
    out: dict[int, list[Row]] = {}
    for t, rs in rows.items():
        if t in blank:
            continue
        fixed = []
        for k, (r, s, e, cells) in enumerate(rs):
            if k + 1 < len(rs) and rs[k + 1][1] > e and not text[e:rs[k + 1][1]].strip(" \t\u3000|｜\n"):
                end = rs[k + 1][1]  # the separators and the line break up to the next row
            else:
                end = e
                while end < len(text) and text[end] in " \t\u3000|｜":
                    end += 1
                end = end + 1 if text[end:end + 1] == "\n" else end
            fixed.append((r, s, end, cells))
        out[t] = fixed
    return out


def table_spans(doc: Document) -> list[tuple[int, int]]:
    """Where each table's text runs (its first row to the line break after its last), in order."""
    return sorted((rows[0][1], rows[-1][2]) for rows in _rows(doc).values())


def _crossed(spans: list[tuple[int, int]], starts: list[int], cuts: list[int]) -> bool:
    """Does a figure (spans sorted, not overlapping) hold one of the cell ends ``cuts``?"""
    for c in cuts:
        i = bisect.bisect_left(starts, c) - 1
        if i >= 0 and spans[i][1] > c:
            return True
    return False


def table_marks(doc: Document, vid: str, figures: list[tuple[int, int]]) -> list[Mark]:
    """Marks drawing each table of ``doc`` (figure spans ``figures`` must not cross its cells)."""
    spans = sorted(figures)
    starts = [s for s, _ in spans]
    out: list[Mark] = []
    for t, rows in sorted(_rows(doc).items()):
        df = doc.tables[t] if t < len(doc.tables) else None
        attrs = df.attrs if df is not None else {}
        header_rows = int(attrs.get("header_rows", 1))
        marks: list[Mark] = []
        cuts: list[int] = []
        for r, s, end, cells in rows:
            marks.append(Mark(s, end, ROW, tag("tr", {"class": "sm-thead" if r < header_rows else None,
                                                       "data-row": str(r)}), "</tr>", "<tr>"))
            cell = "th" if r < header_rows else "td"
            for k, (pos, stop) in enumerate(cells):
                sep = cells[k + 1][0] if k + 1 < len(cells) else end  # the tab, or `` | ``, or the row's end
                marks.append(Mark(pos, sep, CELL, f"<{cell}>", f"</{cell}>", f"<{cell}>"))
                if sep > stop:
                    marks.append(Mark(stop, sep, SEPARATOR, _SEP_OPEN, "</span>", _SEP_OPEN))
                cuts.append(stop)
        if _crossed(spans, starts, cuts):
            continue
        pages = attrs.get("pages")
        first, end = rows[0][1], rows[-1][2]
        out.append(Mark(first, end, TABLE, tag("table", {
            "class": "sm-dtable", "id": f"{vid}-t{t}", "data-table": str(t), "data-caption": str(attrs.get("caption") or ""),
            "data-unit": str(attrs.get("unit") or ""), "data-pages": "-".join(str(p) for p in pages) if pages else ""}),
            "</table>", '<table class="sm-dtable">'))
        out += marks
    return out


# ---------------------------------------------------------------------------------------------
# notes
@lru_cache(maxsize=4)
def _note_rules(path: str = "view.toml") -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    return rules_from(path, lambda d, src: (compile_pattern(d["notes_cue"], src, "notes_cue"),
                                            compile_pattern(d["note_title"], src, "note_title")))


def note_sections(doc: Document) -> set[int]:
    """Indexes of the sections that are notes (``2.生产总值…按可比价计算`` after ``注:1.…``; ``[1]…``).

    >>> from summary_mining import read_document
    >>> doc = read_document(text="一、综合\\n全年生产总值939.05亿元。\\n注:1.本公报中数据为初步统计数。\\n2.生产总值按现价计算，增长速度按可比价计算\\n3.规模以上工业统计口径为年主营业务收入2000万元及以上工业企业")
    >>> [doc.sections[i].title for i in sorted(note_sections(doc))]
    ['2.生产总值按现价计算，增长速度按可比价计算', '3.规模以上工业统计口径为年主营业务收入2000万元及以上工业企业']
    """
    cue, title = _note_rules()
    norm = doc.normalized_text
    cues = [s for s, e in doc.lines if rx_match(cue, norm[s:e])]
    out: set[int] = set()
    tops = [s.start for s in doc.sections if s.level <= 1]
    for i, sec in enumerate(doc.sections):
        if rx_match(title, normalize(sec.title)):
            out.add(i)
            continue
        if sec.level <= 1 or not cues:
            continue
        k = bisect.bisect_right(cues, sec.start) - 1
        if k >= 0 and not _top_between(tops, cues[k], sec.start):
            out.add(i)
    return out


def _top_between(tops: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_right(tops, a)
    return i < len(tops) and tops[i] < b
