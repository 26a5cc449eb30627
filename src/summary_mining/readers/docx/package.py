"""Zip and XML safety for DOCX: what is checked before python-docx sees a file, and opening it.

The zip is checked first (a zip at all, the main part present, total unpacked size within
:attr:`Limits.max_unpacked_bytes`, no member expanding more than :data:`MAX_RATIO` times, no
encrypted members), then every XML part's head: one that declares a DTD (``<!DOCTYPE``, needed
for entity attacks such as XXE or billion laughs) or an encoding that could hide one is refused.
python-docx's own parser also runs with ``resolve_entities=False``.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from lxml import etree

from ...errors import FileTooLargeError, ReadError, UnsupportedFormatError
from ..base import Limits

__all__ = ["MAX_RATIO", "RATIO_MIN_BYTES", "MAX_MEMBERS", "check_package", "open_document", "related_element"]

#: A member expanding more than this many times (and to more than :data:`RATIO_MIN_BYTES`) is a zip bomb.
MAX_RATIO = 200
RATIO_MIN_BYTES = 4 * 1024 * 1024
#: Most zip members a DOCX may have.
MAX_MEMBERS = 10_000
#: How much of each XML part is scanned for a DTD before parsing.
_PROLOG_BYTES = 64 * 1024

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Main-part content types python-docx refuses although the body is ordinary WordprocessingML.
_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


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


def check_package(data: bytes, path: str, limits: Limits) -> None:
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


def open_document(data: bytes, path: str) -> Any:
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


def related_element(part: Any, reltype: str) -> etree._Element | None:
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None
