"""Read TXT/MD, DOCX and PDF files into a :class:`~summary_mining.readers.base.ReadResult`: the
text and the layout the file states (blocks, tables, metadata). Building the
:class:`~summary_mining.model.Document` from it happens one layer up, in
:mod:`summary_mining.structure` (``summary_mining.read_document``).

>>> result, name = read_file_result("签约项目10个。".encode("gbk"))
>>> result.format, result.text, name
('txt', '签约项目10个。', '<bytes>')
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from ..errors import FileTooLargeError, ReadError, RuleTimeoutError, UnsupportedFormatError
from .base import DEFAULT_LIMITS, Limits, ReadResult
from .text import read_text

__all__ = ["read_file_result", "Limits", "DEFAULT_LIMITS", "FORMATS", "LEGACY_FORMATS"]

#: File suffix -> format name.
FORMATS = {".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx", ".pdf": "pdf"}
#: File suffix -> why that format is refused (a corpus run records it as an error, never skips it silently).
LEGACY_FORMATS = {".doc": "legacy Word .doc is not supported; save it as .docx",
                  ".wps": "WPS .wps is not supported; save it as .docx",
                  ".xls": "spreadsheets are not supported", ".xlsx": "spreadsheets are not supported"}


def _reader(fmt: str) -> Callable[[bytes, str, Limits], ReadResult]:
    if fmt == "txt":
        return lambda data, path, limits: read_text(data, path)
    if fmt == "docx":
        from .docx import read_docx
        return read_docx
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf
    raise UnsupportedFormatError("<input>", f"unknown format {fmt!r}; expected one of txt, docx, pdf")


def _sniff(data: bytes) -> str:
    head = data[:8].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    return "txt"


def _read_bounded(p: Path, name: str, max_bytes: int) -> bytes:
    """A regular file's bytes, read once, refused past ``max_bytes`` without reading it all.

    The size is checked before reading (``stat``) and again while reading (at most
    ``max_bytes + 1`` bytes are read), so a file that grows meanwhile, or one whose size ``stat``
    does not tell (``/proc`` files), cannot exhaust memory; devices, FIFOs and sockets
    (``/dev/zero``, a named pipe that would block forever) are refused.
    """
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReadError(name, "no such file") from None
    except OSError as e:
        raise ReadError(name, f"cannot open: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(name, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(name, "not a regular file (a device, pipe or socket)")
    too_large = f"exceeds the {max_bytes:,}-byte limit (Limits.max_bytes)"
    if st.st_size > max_bytes:
        raise FileTooLargeError(name, f"{st.st_size:,} bytes {too_large}")
    try:
        with open(p, "rb") as f:
            data = f.read(min(st.st_size, max_bytes) + 1)  # one buffer of the file's size
            if len(data) > st.st_size:  # more than stat said (/proc, a growing file): read on, bounded
                parts, total = [data], len(data)
                while total <= max_bytes:
                    chunk = f.read(min(1 << 20, max_bytes + 1 - total))
                    if not chunk:
                        break
                    parts.append(chunk)
                    total += len(chunk)
                data = b"".join(parts)
    except OSError as e:
        raise ReadError(name, f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise FileTooLargeError(name, f"more than {max_bytes:,} bytes: {too_large}")
    return data


def read_file_result(path: str | os.PathLike[str] | bytes, *, format: str | None = None,
                     limits: Limits = DEFAULT_LIMITS) -> tuple[ReadResult, str]:
    """Read a path or raw bytes with the right reader; return the result and the source name."""
    if isinstance(path, (bytes, bytearray, memoryview)):
        data, name = bytes(path), "<bytes>"
        fmt = format or _sniff(data)
        if len(data) > limits.max_bytes:
            raise FileTooLargeError(name, f"{len(data):,} bytes exceeds the {limits.max_bytes:,}-byte limit (Limits.max_bytes)")
    else:
        p = Path(path)
        name = str(p)
        suffix = p.suffix.lower()
        if suffix in LEGACY_FORMATS and format is None:
            raise UnsupportedFormatError(name, LEGACY_FORMATS[suffix])
        data = _read_bounded(p, name, limits.max_bytes)
        fmt = format or FORMATS.get(suffix) or _sniff(data)
    if fmt == "ole":
        raise UnsupportedFormatError(name, "an OLE2 file (legacy .doc/.xls); save it as .docx")
    if fmt == "txt" and _sniff(data) in ("pdf", "docx"):
        fmt = _sniff(data)  # a PDF or DOCX saved under a text name: read what it is
    if fmt not in ("txt", "docx", "pdf"):
        raise UnsupportedFormatError(name, f"unknown format {fmt!r}; expected txt, docx or pdf")
    if not data or data.isspace():  # (no .strip(): that would copy a 100 MB file to test it)
        raise ReadError(name, "empty file")
    try:
        return _reader(fmt)(data, name, limits), name
    except ReadError:
        raise
    except RuleTimeoutError as e:  # a rule the reader runs (a table's number cells) over its budget: that, not a read error
        raise RuleTimeoutError(name, e.reason) from None
    except MemoryError:
        raise FileTooLargeError(name, "ran out of memory while reading") from None
    except Exception as e:  # a parser library's own error: never let it escape raw
        raise ReadError(name, f"cannot read {fmt.upper()}: {type(e).__name__}: {e}") from None
