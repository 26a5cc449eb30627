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
``""`` in the cells it covers. ``df.attrs["header_rows"]`` is the header row count, so data
row *i* is ``Block.row == i + header_rows``.

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

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any, Iterator

import pandas as pd
from lxml import etree

from ..errors import FileTooLargeError, ReadError, UnsupportedFormatError
from .base import Block
from .base import Limits, ReadResult

__all__ = ["read_docx", "format_list_number", "MAX_RATIO", "MAX_MEMBERS"]

#: A member expanding more than this many times (and to more than :data:`RATIO_MIN_BYTES`) is a zip bomb.
MAX_RATIO = 200
RATIO_MIN_BYTES = 4 * 1024 * 1024
#: Most zip members a DOCX may have.
MAX_MEMBERS = 10_000
#: Widest merge / grid offset honoured (Word allows 63 columns); most cells one table may expand to.
MAX_SPAN = 64
MAX_TABLE_CELLS = 2_000_000
#: How much of each XML part is scanned for a DTD before parsing.
_PROLOG_BYTES = 64 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Main-part content types python-docx refuses although the body is ordinary WordprocessingML.
_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_TBL, W_TR, W_TC = _w("p"), _w("tbl"), _w("tr"), _w("tc")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
W_T, W_TAB, W_PTAB, W_BR, W_CR = _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_NB_HYPHEN, W_SYM, W_TXBX = _w("noBreakHyphen"), _w("sym"), _w("txbxContent")
W_PPR, W_VAL = _w("pPr"), _w("val")
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
M_T = f"{{{_M}}}t"
# Subtrees that hold no visible body text (or text already taken elsewhere).
_SKIP = frozenset({W_PPR, _w("rPr"), _w("del"), _w("moveFrom"), _w("instrText"), _w("delText"),
                   _w("delInstrText"), MC_FALLBACK, _w("footnoteReference"), _w("endnoteReference")})
_BREAK = "\n"
W_R, W_RPR = _w("r"), _w("rPr")

_CJK = r"\u2460-\u24ff\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_BREAKS = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NUMERIC = re.compile(r"[-+−]?\d[\d,.，]*%?")


# ---------------------------------------------------------------------------------------------
# Package checks
# ---------------------------------------------------------------------------------------------
def _refuse_ole(data: bytes, path: str) -> None:
    if not data.startswith(_OLE_MAGIC):
        return
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise UnsupportedFormatError(path, "password-protected (encrypted) DOCX; remove the password in Word and save again")
    raise UnsupportedFormatError(path, "an OLE2 file (legacy Word .doc?) with a .docx name; save it as .docx")


def _open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as e:
        raise ReadError(path, f"not a DOCX (zip) file: {e}") from None


_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)


#: Byte signatures of XML in encodings a DOCX part may not use (OOXML allows UTF-8 and UTF-16).
_FOREIGN_XML = ((b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\x00<", "UTF-32"),
                (b"<\x00\x00\x00", "UTF-32"), (b"\x4c\x6f\xa7\x94", "EBCDIC"))
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']{1,40})["']""")
_DOCX_ENCODINGS = frozenset({b"utf-8", b"utf8", b"utf-16", b"utf-16le", b"utf-16be", b"us-ascii", b"ascii"})


def _xml_refusal(head: bytes) -> str | None:
    """Why an XML part must not be parsed (a DTD, or an encoding that would hide one), or None.

    Only the head (:data:`_PROLOG_BYTES`) is looked at: a DTD has to come before the root element.

    >>> _xml_refusal(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')[:14]
    'declares a DTD'
    >>> _xml_refusal('<?xml version="1.0" encoding="UTF-32"?><x/>'.encode("utf-32"))
    'is encoded in UTF-32; DOCX parts are UTF-8 or UTF-16'
    >>> _xml_refusal(b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<x/>')
    "declares encoding 'UTF-7'; DOCX parts are UTF-8 or UTF-16"
    >>> _xml_refusal(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document/>') is None
    True
    """
    for sig, name in _FOREIGN_XML:
        if head.startswith(sig):
            return f"is encoded in {name}; DOCX parts are UTF-8 or UTF-16"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    elif head[:2] in (b"\x00<", b"<\x00"):  # UTF-16 without a byte-order mark
        head = head.decode("utf-16-be" if head[0] == 0 else "utf-16-le", "ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf")
    decl = _XML_ENCODING.match(head.lstrip())
    if decl and decl.group(1).strip().lower() not in _DOCX_ENCODINGS:
        return f"declares encoding {decl.group(1).decode('ascii', 'replace')!r}; DOCX parts are UTF-8 or UTF-16"
    pos = 0
    while (m := _PROLOG_ITEM.match(head, pos)) and m.end() > pos:
        pos = m.end()
    rest = head[pos:].lstrip()
    if not rest.startswith(b"<"):
        return None  # not XML: a picture or other binary part
    if rest[:9].upper() == b"<!DOCTYPE":
        return "declares a DTD (<!DOCTYPE>), which DOCX never uses"
    if len(head) >= _PROLOG_BYTES and not re.search(rb"<[A-Za-z_]", rest):
        return "has a prolog too long to check for a DTD"
    return None


def _declares_dtd(head: bytes) -> bool:
    """True when an XML head must be refused (see :func:`_xml_refusal`)."""
    return _xml_refusal(head) is not None


def _read_head(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> bytes:
    try:
        with zf.open(info) as f:
            return f.read(_PROLOG_BYTES)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, zlib.error) as e:
        raise ReadError(path, f"corrupt DOCX: cannot unpack {info.filename}: {e}") from None


def _main_part_name(zf: zipfile.ZipFile, names: set[str], path: str) -> str:
    if "_rels/.rels" not in names:
        raise ReadError(path, "not a DOCX: missing _rels/.rels (the package relationships)")
    try:
        root = etree.fromstring(zf.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as e:
        raise ReadError(path, f"malformed _rels/.rels: {e}") from None
    for rel in root.iter(f"{{{_PKG_REL}}}Relationship"):
        if rel.get("Type") == _RT_DOC:
            return (rel.get("Target") or "").lstrip("/")
    return "word/document.xml"


def _check_package(data: bytes, path: str, limits: Limits) -> None:
    """Refuse what is not a DOCX or could exhaust memory, before any XML is parsed."""
    _refuse_ole(data, path)
    with _open_zip(data, path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise FileTooLargeError(path, f"{len(infos):,} zip members exceeds the {MAX_MEMBERS:,}-member limit")
        names = {i.filename for i in infos}
        main = _main_part_name(zf, names, path) if "_rels/.rels" in names else "word/document.xml"
        for required in (main, "[Content_Types].xml", "_rels/.rels"):
            if required not in names:
                raise ReadError(path, f"not a DOCX: missing {required}" + (" (the main document part)" if required == main else ""))
        total = sum(i.file_size for i in infos)
        if total > limits.max_unpacked_bytes:
            raise FileTooLargeError(path, f"unpacks to {total:,} bytes ({len(data):,} packed), over the "
                                          f"{limits.max_unpacked_bytes:,}-byte limit (Limits.max_unpacked_bytes)")
        for i in infos:
            if i.flag_bits & 0x1:
                raise UnsupportedFormatError(path, f"zip member {i.filename} is encrypted")
            if i.file_size > RATIO_MIN_BYTES and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                raise FileTooLargeError(path, f"zip member {i.filename} expands {i.file_size / max(i.compress_size, 1):,.0f}:1 "
                                              f"({i.compress_size:,} -> {i.file_size:,} bytes), over the {MAX_RATIO}:1 limit (zip bomb?)")
        for i in infos:
            if i.is_dir() or i.file_size == 0:
                continue
            why = _xml_refusal(_read_head(zf, i, path))
            if why:
                raise ReadError(path, f"{i.filename} {why}; refused (XML entity expansion / external entity attack)")


def _normalise_main_type(data: bytes) -> bytes:
    """Relabel a .docm/.dotx/.dotm main part as .docx so python-docx opens it (read-only use)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml")
        if not any(t.encode() in types for t in _OTHER_MAINS):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
            for info in zf.infolist():
                blob = zf.read(info)
                if info.filename == "[Content_Types].xml":
                    for t in _OTHER_MAINS:
                        blob = blob.replace(t.encode(), _WML_MAIN.encode())
                dst.writestr(info.filename, blob)
        return out.getvalue()


def _open_document(data: bytes, path: str) -> Any:
    import docx  # python-docx

    try:
        return docx.Document(io.BytesIO(_normalise_main_type(data)))
    except etree.XMLSyntaxError as e:
        raise ReadError(path, f"malformed XML in DOCX: {e}") from None
    except ValueError as e:
        raise UnsupportedFormatError(path, f"not a Word document: {e}") from None
    except KeyError as e:
        raise ReadError(path, f"broken DOCX package: missing part {e}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise ReadError(path, f"corrupt DOCX: {e}") from None
    except MemoryError:
        raise
    except Exception as e:  # python-docx's own errors: still name the file
        raise ReadError(path, f"cannot open DOCX: {type(e).__name__}: {e}") from None


def _related_element(part: Any, reltype: str) -> etree._Element | None:
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


# ---------------------------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------------------------
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAMES = frozenset({"title", "标题"})


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _child_val(el: etree._Element | None, *path: str) -> str | None:
    """``w:val`` of the element reached from ``el`` by child tags ``path``."""
    for tag in path:
        if el is None:
            return None
        el = el.find(_w(tag))
    return None if el is None else el.get(W_VAL)


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


class _Styles:
    """Paragraph styles by id, with the inherited properties the reader needs."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_id: str | None = None
        self._heading: dict[str | None, int | None] = {}
        if root is None:
            return
        for st in root.iterchildren(_w("style")):
            sid = st.get(_w("styleId"))
            if sid is None or st.get(_w("type"), "paragraph") not in ("paragraph", "numbering"):
                continue
            ppr = st.find(W_PPR)
            self._styles[sid] = _Style(name=(_child_val(st, "name") or "").strip(), based_on=_child_val(st, "basedOn"),
                                       num_id=_child_val(ppr, "numPr", "numId"), ilvl=_int(_child_val(ppr, "numPr", "ilvl")),
                                       outline=_int(_child_val(ppr, "outlineLvl")))
            if st.get(_w("default")) in ("1", "true", "on") and st.get(_w("type"), "paragraph") == "paragraph":
                self.default_id = sid

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            st = self._styles[style_id]
            yield st
            style_id = st.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """``N`` for a ``Heading N``/``标题 N`` style or one with an outline level (inherited)."""
        if style_id not in self._heading:
            level = None
            for st in self.chain(style_id):
                m = _HEADING_NAME.match(st.name)
                if m:
                    level = int(m.group(1))
                    break
                if st.outline is not None:
                    level = st.outline + 1 if 0 <= st.outline < 9 else None
                    break
            self._heading[style_id] = level
        return self._heading[style_id]

    def is_title(self, style_id: str | None) -> bool:
        st = self._styles.get(style_id or "")
        return style_id == "Title" or (st is not None and st.name.lower() in _TITLE_NAMES)

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The ``(numId, ilvl)`` a style gives its paragraphs (the nearest in the basedOn chain)."""
        num_id, ilvl = None, None
        for st in self.chain(style_id):
            if ilvl is None:
                ilvl = st.ilvl
            if st.num_id is not None:
                num_id = st.num_id
                break
        return num_id, ilvl


# ---------------------------------------------------------------------------------------------
# List numbering
# ---------------------------------------------------------------------------------------------
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千", zero: str = "零") -> str:
    """Chinese counting numerals: 1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = _chinese(low, digits, units, zero) if low else ""
        return _chinese(high, digits, units, zero) + "万" + (zero if 0 < low < 1000 else "") + rest
    out, pending_zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(("" if d == 1 and power == 10 and not out else digits[d]) + unit)
    return "".join(out)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _enclosed(n: int, ranges: tuple[tuple[int, int, int], ...]) -> str:
    for lo, hi, base in ranges:
        if lo <= n <= hi:
            return chr(base + n - lo)
    return str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_list_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word's ``w:numFmt`` ``fmt`` (unknown formats fall back to decimal).

    >>> [format_list_number(n, "chineseCounting") for n in (1, 10, 12, 20, 105)]
    ['一', '十', '十二', '二十', '一百零五']
    >>> format_list_number(3, "ideographTraditional"), format_list_number(2, "decimalEnclosedCircle")
    ('丙', '②')
    """
    if fmt in ("decimal", "ordinalText", "cardinalText", "decimalHalfWidth"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    simple = {
        "decimalZero": lambda: f"{n:02d}",
        "upperRoman": lambda: _roman(n), "lowerRoman": lambda: _roman(n).lower(),
        "upperLetter": lambda: chr(65 + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n),
        "lowerLetter": lambda: chr(97 + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n),
        "ordinal": lambda: _ordinal(n),
        "chineseLegalSimplified": lambda: _chinese(n, _CN_LEGAL, "拾佰仟"),
        "ideographLegalTraditional": lambda: _chinese(n, _TW_LEGAL, "拾佰仟"),
        "ideographTraditional": lambda: _TIANGAN[(n - 1) % 10] if n > 0 else str(n),
        "ideographZodiac": lambda: _DIZHI[(n - 1) % 12] if n > 0 else str(n),
        "ideographDigital": lambda: "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n),
        "japaneseDigitalTenThousand": lambda: "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n),
        "taiwaneseDigital": lambda: "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n),
        "decimalFullWidth": lambda: str(n).translate(_FULLWIDTH),
        "decimalFullWidth2": lambda: str(n).translate(_FULLWIDTH),
        "decimalEnclosedCircle": lambda: _enclosed(n, ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))),
        "decimalEnclosedCircleChinese": lambda: _enclosed(n, ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))),
        "decimalEnclosedParen": lambda: _enclosed(n, ((1, 20, 0x2474),)),
        "decimalEnclosedFullstop": lambda: _enclosed(n, ((1, 20, 0x2488),)),
        "ideographEnclosedCircle": lambda: _enclosed(n, ((1, 10, 0x3220),)),
        "ideographParenthesized": lambda: _enclosed(n, ((1, 10, 0x3220),)),
        "none": lambda: "",
    }
    f = simple.get(fmt)
    return f() if f else str(n)


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


def _parse_level(lvl: etree._Element) -> _Level:
    legal = lvl.find(_w("isLgl"))
    start = _int(_child_val(lvl, "start"))
    return _Level(start=1 if start is None else start, fmt=_child_val(lvl, "numFmt") or "decimal",
                  text=_child_val(lvl, "lvlText") or "", restart=_int(_child_val(lvl, "lvlRestart")),
                  legal=legal is not None and legal.get(W_VAL, "1") not in ("0", "false", "off"),
                  suffix=_child_val(lvl, "suff") or "tab", style=_child_val(lvl, "pStyle"))


def _levels(parent: etree._Element) -> dict[int, _Level]:
    out = {}
    for lvl in parent.iterchildren(_w("lvl")):
        ilvl = _int(lvl.get(_w("ilvl")))
        if ilvl is not None and 0 <= ilvl < 9:
            out[ilvl] = _parse_level(lvl)
    return out


@dataclass
class _Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # w:lvlOverride/w:startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


class _Numbering:
    """Word list definitions and the running counters, advanced in document order.

    Lists sharing an abstract definition share counters (as in Word) unless the ``w:num`` has
    overrides, which makes it a list of its own that restarts.
    """

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId -> numStyleLink style id
        self._nums: dict[str, _Num] = {}
        self._counters: dict[tuple[str, str], list[int | None]] = {}
        if root is None:
            return
        for an in root.iterchildren(_w("abstractNum")):
            aid = an.get(_w("abstractNumId"))
            if aid is None:
                continue
            self._abstract[aid] = _levels(an)
            link = _child_val(an, "numStyleLink")
            if link:
                self._style_link[aid] = link
        for num in root.iterchildren(_w("num")):
            nid, aid = num.get(_w("numId")), _child_val(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            entry = _Num(aid)
            for ov in num.iterchildren(_w("lvlOverride")):
                ilvl = _int(ov.get(_w("ilvl")))
                if ilvl is None or not 0 <= ilvl < 9:
                    continue
                start = _int(_child_val(ov, "startOverride"))
                if start is not None:
                    entry.starts[ilvl] = start
                lvl = ov.find(_w("lvl"))
                if lvl is not None:
                    entry.levels[ilvl] = _parse_level(lvl)
            self._nums[nid] = entry

    def _base_abstract(self, aid: str) -> str:
        """Follow ``w:numStyleLink`` (a list defined by a numbering style) to the real definition."""
        for _ in range(8):
            link = self._style_link.get(aid)
            if not link:
                break
            num_id, _ = self._styles.numbering(link)
            num = self._nums.get(num_id or "")
            if num is None or num.abstract_id == aid:
                break
            aid = num.abstract_id
        return aid

    def label(self, num_id: str, ilvl: int | None, style_id: str | None) -> str | None:
        """Advance the counter of list ``num_id`` at ``ilvl`` and return the rendered label."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        aid = self._base_abstract(num.abstract_id)
        levels = {**self._abstract.get(aid, {}), **num.levels}
        if ilvl is None:
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style == style_id), 0)
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        key = ("num", num_id) if num.starts or num.levels else ("abstract", aid)
        counters = self._counters.setdefault(key, [None] * 9)

        def start(i: int) -> int:
            return num.starts.get(i, levels[i].start if i in levels else 1)

        counters[ilvl] = start(ilvl) if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for d in range(ilvl + 1, 9):
            restart = levels[d].restart if d in levels and levels[d].restart is not None else d
            if restart > d:  # a restart level below this one is ignored
                restart = d
            if restart and ilvl < restart:
                counters[d] = None
        if lvl.fmt == "bullet":
            return None

        def render(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            value = counters[i] if counters[i] is not None else start(i)
            fmt = "decimal" if lvl.legal else (levels[i].fmt if i in levels else "decimal")
            return format_list_number(value, fmt)  # type: ignore[arg-type]

        text = re.sub(r"%([1-9])", render, lvl.text)
        if not text:
            return None
        if lvl.suffix == "space" or (lvl.suffix == "tab" and not _CJK_CHAR.match(text[-1])):
            text += " "
        return text


# ---------------------------------------------------------------------------------------------
# Text of paragraphs and cells
# ---------------------------------------------------------------------------------------------
def _join_break(m: re.Match[str]) -> str:
    s, e, text = m.start(), m.end(), m.string
    if s == 0 or e == len(text):
        return ""
    return "" if _CJK_CHAR.match(text[s - 1]) or _CJK_CHAR.match(text[e]) else " "


_BREAK_RUN = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _one_line(text: str) -> str:
    """Remove line breaks: "" next to a CJK character or at the edges, " " between two others.

    Each maximal run of whitespace holding a break is replaced (what ``_BREAKS.sub`` would do),
    found in one pass: a regex ``\\s*`` before the break would rescan a long blank run from each
    of its characters — quadratic on a paragraph of 100k spaces.

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
            out.append("" if _CJK_CHAR.match(text[s - 1]) or _CJK_CHAR.match(text[e]) else " ")
        pos = e
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _sym(el: etree._Element) -> str:
    try:
        code = int(el.get(_w("char"), ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:  # symbol-font private-use code: no reliable character
        return ""
    return chr(code) if 0 < code < 0x110000 else ""


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (``w:vanish``)."""
    rpr = run.find(W_RPR)
    return rpr is not None and _truthy(rpr.find(_w("vanish")))


def _paragraph_text(p: etree._Element) -> tuple[str, list[etree._Element]]:
    """A paragraph's characters (breaks as "\\n") and the text boxes anchored in it."""
    out: list[str] = []
    boxes: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W_R and _hidden(child):
                continue
            if tag == W_T or tag == M_T:
                out.append(child.text or "")
            elif tag == W_TAB or tag == W_PTAB:
                out.append("\t")
            elif tag == W_BR or tag == W_CR:
                out.append(_BREAK)
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
        elif tag == W_CUSTOM_XML or tag == _w("ins") or tag == _w("moveTo"):
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
    return _one_line(_BREAK.join(p for p in pieces if p))


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------
@dataclass
class _Cell:
    text: str  # what the row line shows ("" for a merged continuation)
    label: str  # the merged area's text (names header columns)
    h_cont: bool = False
    v_cont: bool = False
    v_start: bool = False


def _span(value: str | None, default: int) -> int:
    """A grid count (``gridSpan``/``gridBefore``/``gridAfter``) clamped to ``0..MAX_SPAN``."""
    n = _int(value, default)
    return min(max(default if n is None else n, default), MAX_SPAN)


def _truthy(el: etree._Element | None) -> bool:
    return el is not None and el.get(W_VAL, "true") not in ("0", "false", "off")


def _header_rows(grid: list[list[_Cell]], flags: list[bool]) -> int:
    """How many leading rows are header rows (see the module docstring for the rule)."""
    h = 1
    while h < len(grid) - 1 and flags[0] and flags[h]:
        h += 1
    if h == 1 and len(grid) > 2:
        row0, row1 = grid[0], grid[1]
        if (any(c.h_cont for c in row0) and any(c.v_start for c in row0) and any(c.v_cont for c in row1)
                and not any(_NUMERIC.fullmatch(c.text) for c in row1)):
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


def _table_frame(grid: list[list[_Cell]], flags: list[bool], width: int) -> pd.DataFrame:
    h = _header_rows(grid, flags)
    df = pd.DataFrame([[c.text for c in row] for row in grid[h:]], columns=_column_names(grid, h, width), dtype=object)
    df.attrs["header_rows"] = h
    return df


# ---------------------------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------------------------
class _Reader:
    def __init__(self, path: str, styles: _Styles, numbering: _Numbering) -> None:
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
        return ppr, (_child_val(ppr, "pStyle") or self.styles.default_id)

    def _label(self, ppr: etree._Element | None, style_id: str | None) -> str | None:
        num_id, ilvl = _child_val(ppr, "numPr", "numId"), _int(_child_val(ppr, "numPr", "ilvl"))
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
        own = _int(_child_val(ppr, "outlineLvl"))
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
        trpr = tr.find(_w("trPr"))
        cells = [_Cell("", "") for _ in range(_span(_child_val(trpr, "gridBefore"), 0))]
        for tc in _iter_wrapped(tr, W_TC):
            tcpr = tc.find(_w("tcPr"))
            span = _span(_child_val(tcpr, "gridSpan"), 1)
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            v_cont = vmerge is not None and vmerge.get(W_VAL, "continue") == "continue"
            h_cont = _child_val(tcpr, "hMerge") == "continue"
            text = "" if (v_cont or h_cont) else self.cell_text(tc)
            cells.append(_Cell(text, text, h_cont=h_cont, v_cont=v_cont,
                               v_start=vmerge is not None and not v_cont))
            cells.extend(_Cell("", text, h_cont=True, v_cont=v_cont) for _ in range(span - 1))
        cells.extend(_Cell("", "") for _ in range(_span(_child_val(trpr, "gridAfter"), 0)))
        return cells

    def table(self, tbl: etree._Element) -> None:
        grid: list[list[_Cell]] = []
        flags: list[bool] = []
        for tr in _iter_wrapped(tbl, W_TR):
            trpr = tr.find(_w("trPr"))
            flags.append(_truthy(trpr.find(_w("tblHeader")) if trpr is not None else None))
            grid.append(self._row_cells(tr))
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
        self.tables.append(_table_frame(grid, flags, width))

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


def _core_metadata(document: Any) -> dict[str, str]:
    """Title, author and created date from ``docProps/core.xml`` (only non-empty values)."""
    try:
        part = document.part.package.part_related_by(_RT_CORE)
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
    _check_package(data, path, limits)
    document = _open_document(data, path)
    part = document.part
    styles = _Styles(_related_element(part, _RT_STYLES))
    reader = _Reader(path, styles, _Numbering(_related_element(part, _RT_NUMBERING), styles))
    root = document.element
    if not str(root.tag).startswith(f"{{{_W}}}"):
        raise UnsupportedFormatError(path, f"main part is not transitional WordprocessingML ({root.tag}); "
                                           "Strict Open XML? Save it as an ordinary Word document (.docx)")
    body = root.find(_w("body"))
    if body is None:
        raise ReadError(path, "DOCX has no document body (w:body)")
    reader.body(body)
    meta = _core_metadata(document)
    if not meta.get("title") and reader.title:
        meta["title"] = reader.title
    return ReadResult(text=reader.text, format="docx", blocks=reader.blocks, tables=reader.tables, metadata=meta)
