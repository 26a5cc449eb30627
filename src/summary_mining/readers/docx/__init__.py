"""DOCX reader: body paragraphs and tables in document order, Word list numbering restored.

What ends up in :attr:`ReadResult.text` (one line per paragraph or table row, ``"\\n"`` joined):

* **Paragraphs** of the body, in order, including those inside block-level content controls
  (``w:sdt``), ``w:customXml`` wrappers and text boxes (a text box's paragraphs follow the
  paragraph that anchors it; ``mc:Fallback`` copies are skipped so nothing is read twice).
  Tracked insertions are read, tracked deletions and field codes are not. Page headers,
  footers, footnotes and comments are not part of the body and are not read, nor are hidden
  runs (``w:vanish``). Empty paragraphs are skipped. Paragraph text is kept as written
  (U+3000 / NBSP indents stay); a soft line break (``w:br``/``w:cr``) becomes ``""`` when
  the character on either side is CJK (or full-width / enclosed: ``年``, ``（``, ``①``) and
  ``" "`` between two other characters (``1.5 2.5``, ``GDP growth``), so a paragraph is
  always one line.
* **Word automatic numbering** (``w:numPr`` + ``numbering.xml``), which Word draws but which is
  not in the paragraph's characters, is rendered and put in front of the text: ``一、`` /
  ``（二）`` / ``3.`` / ``①`` … Counters run per list in document order, honour ``w:start``,
  ``w:startOverride``, ``w:lvlRestart``, ``w:isLgl``, numbering inherited from paragraph
  styles and ``w:numStyleLink``. Bullets are skipped. The label's suffix: ``nothing`` -> "",
  ``space`` -> " ", ``tab`` -> "" after a CJK/full-width character and " " otherwise.
* **Headings**: style ``Heading N``/``标题 N`` or an outline level (``w:outlineLvl``, on the
  paragraph or inherited through its style's ``basedOn`` chain) -> ``Block(kind="heading",
  level=N)``. A ``Title`` paragraph is the title when the core properties have none.
* **Tables**, each row one line, cells joined by ``"\\t"`` (tabs inside a cell become a space,
  a cell's paragraphs are joined like soft breaks — ``绝对额`` + ``（万元）`` -> ``绝对额（万元）``,
  ``5.2`` + ``4.6`` -> ``5.2 4.6`` — and the cell is stripped), every row padded to the
  table's width so that column *j* of a row is ``line.split("\\t")[j]``. A merged cell is
  read once: the columns a ``gridSpan`` covers after the first, and the cells a ``vMerge``
  continues, render as ``""`` (a 合计 is never counted twice). Each row is a
  ``Block(kind="table_row", table=t, row=r)`` spanning its whole line (leading tabs
  included, so the invariant also holds for ``text[b.start:b.end]``). Nested tables are
  flattened into their cell's text.

``ReadResult.tables[t]`` is a DataFrame of strings. Header rule: the first row is always a
header row (even when it does not look like one); following rows are header rows too when
Word marks them as repeated header rows (``w:tblHeader``), or — for the common two-level
header — when row 0 has both a horizontally merged cell and a cell vertically merged into
row 1 and row 1 holds no number. Column names join each column's header texts with "/"
(a spanned header names every column it covers); an empty name becomes ``列<j+1>``,
duplicates get ``.1``, ``.2`` … Data cells hold the value in a merged area's first cell and
``""`` in the cells it covers. A first row that is one cell merged across the whole table, above a
header and a data row (``表1 2022年居民消费和商品零售价格涨跌幅度（单位：%）``), is the table's title:
it is kept in ``df.attrs["title"]`` (and is the caption when no caption line precedes the table),
names no column, and counts as a header row. ``df.attrs["header_rows"]`` is the header row count,
so data row *i* is ``Block.row == i + header_rows``.

The work is split by job: :mod:`.package` (zip and XML safety, opening), :mod:`.styles`,
:mod:`.numbering` (list labels), :mod:`.body` (paragraphs, text boxes and tables).

Safety: the zip is checked before python-docx sees it (a zip at all, the main part present,
total unpacked size within :attr:`Limits.max_unpacked_bytes`, no member expanding more than
:data:`MAX_RATIO` times, no encrypted members) and any XML part that declares a DTD
(``<!DOCTYPE``, needed for entity attacks such as XXE or billion laughs) is refused; python-docx's
own parser also runs with ``resolve_entities=False``. A password-protected DOCX (an OLE2
container) raises :class:`UnsupportedFormatError`.

>>> import io, docx
>>> d = docx.Document()
>>> _ = d.add_paragraph("一、目标任务完成情况", style="Heading 1")
>>> t = d.add_table(rows=2, cols=2)
>>> for cell, s in zip(t._cells, ["签约项目（个）", "投资总额（亿元）", "10", "24"]):
...     cell.text = s
>>> buf = io.BytesIO(); d.save(buf)
>>> r = read_docx(buf.getvalue(), "示例.docx", Limits())
>>> r.text.splitlines()
['一、目标任务完成情况', '签约项目（个）\\t投资总额（亿元）', '10\\t24']
>>> [(b.kind, b.level, b.table, b.row) for b in r.blocks]
[('heading', 1, None, None), ('table_row', None, 0, 0), ('table_row', None, 0, 1)]
>>> r.tables[0].columns.tolist(), r.tables[0].iloc[0].tolist()
(['签约项目（个）', '投资总额（亿元）'], ['10', '24'])
"""
from __future__ import annotations

from typing import Any

from ...errors import ReadError, UnsupportedFormatError
from ..base import Limits, ReadResult
from ..tables import describe_tables
from .body import MAX_SPAN, MAX_TABLE_CELLS, BodyReader
from .numbering import Numbering, format_list_number
from .package import MAX_MEMBERS, MAX_RATIO, RATIO_MIN_BYTES, check_package, open_document, related_element
from .styles import Styles
from .xml import RT_CORE, RT_NUMBERING, RT_STYLES, W_NS, wtag

__all__ = ["read_docx", "format_list_number", "MAX_RATIO", "MAX_MEMBERS", "MAX_SPAN", "MAX_TABLE_CELLS",
           "RATIO_MIN_BYTES"]


def _core_metadata(document: Any) -> dict[str, str]:
    """Title, author and created date from ``docProps/core.xml`` (only non-empty values)."""
    try:
        part = document.part.package.part_related_by(RT_CORE)
    except KeyError:
        return {}  # python-docx would invent defaults ("python-docx", now): don't ask it
    props = part.core_properties
    meta: dict[str, str] = {}
    title, author = (props.title or "").strip(), (props.author or "").strip()
    if title:
        meta["title"] = title
    if author:
        meta["author"] = author
    created = props.created
    if created is not None:
        meta["date"] = created.date().isoformat()
    return meta


def read_docx(data: bytes, path: str, limits: Limits) -> ReadResult:
    """Read a DOCX's body (paragraphs and tables) into text, blocks, tables and metadata."""
    check_package(data, path, limits)
    document = open_document(data, path)
    part = document.part
    styles = Styles(related_element(part, RT_STYLES))
    reader = BodyReader(path, styles, Numbering(related_element(part, RT_NUMBERING), styles))
    root = document.element
    if not str(root.tag).startswith(f"{{{W_NS}}}"):
        raise UnsupportedFormatError(path, f"main part is not transitional WordprocessingML ({root.tag}); "
                                           "Strict Open XML? Save it as an ordinary Word document (.docx)")
    body = root.find(wtag("body"))
    if body is None:
        raise ReadError(path, "DOCX has no document body (w:body)")
    reader.body(body)
    meta = _core_metadata(document)
    if not meta.get("title") and reader.title:
        meta["title"] = reader.title
    result = ReadResult(text=reader.text, format="docx", blocks=reader.blocks, tables=reader.tables, metadata=meta)
    describe_tables(result)
    return result