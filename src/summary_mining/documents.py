"""``read_document``: a file, bytes or literal text -> a :class:`~summary_mining.model.Document`.

A ``str`` or :class:`~pathlib.Path` is always a path (like ``pandas.read_csv``): a typo raises
:class:`~summary_mining.errors.DocumentNotFoundError` instead of quietly mining the path's
characters as text. Literal text goes in through ``text=``.

>>> doc = read_document(text="投资促进工作总结篇1\\n一、目标任务完成情况\\n签约项目10个。\\n")
>>> doc.format, len(doc.articles), doc.sections[0].title
('txt', 1, '一、目标任务完成情况')
>>> read_document("no/such/report.txt")
Traceback (most recent call last):
...
summary_mining.errors.DocumentNotFoundError: no/such/report.txt: no such file (for literal text use text=...)
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Union

from .errors import DocumentNotFoundError
from .model import Document
from .readers import DEFAULT_LIMITS, Limits, read_file_result
from .readers.base import scrub_surrogates
from .readers.text import text_result
from .structure import build_document

__all__ = ["read_document", "as_document", "doc_name", "Source"]

#: What the public functions accept as a document: a path, raw bytes, or a Document already read.
Source = Union[str, "os.PathLike[str]", bytes, Document]


def _text_document(text: str, doc_id: str | None) -> Document:
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    text = scrub_surrogates(text)  # lone surrogates -> U+FFFD (same length: offsets hold)
    result = text_result(text)
    return build_document(result, doc_id=doc_id or f"text-{digest}", source="<text>")


def read_document(path_or_bytes: Source | None = None, *, text: str | None = None, doc_id: str | None = None,
                  format: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a file (a path or its bytes) — or literal ``text=`` — into a :class:`Document`.

    ``doc_id`` defaults to the file stem (``投资促进工作总结.txt`` -> ``投资促进工作总结``). Errors are
    :class:`~summary_mining.errors.ReadError` subclasses naming the file; a path that names no file
    raises :class:`~summary_mining.errors.DocumentNotFoundError` (also a ``FileNotFoundError``).
    """
    if text is not None:
        if path_or_bytes is not None:
            raise TypeError("read_document takes a path (or bytes) or text=..., not both")
        if not isinstance(text, str):
            raise TypeError(f"text= must be a str, got {type(text).__name__}")
        return _text_document(text, doc_id)
    if isinstance(path_or_bytes, Document):
        return path_or_bytes
    if path_or_bytes is None:
        raise TypeError("read_document needs a path, bytes or text=...")
    if isinstance(path_or_bytes, (str, os.PathLike)) and not isinstance(path_or_bytes, bytes):
        p = Path(path_or_bytes)
        if not os.path.lexists(p):
            shown = str(path_or_bytes)
            shown = shown if len(shown) <= 80 and "\n" not in shown else shown[:60].replace("\n", " ") + "…"
            raise DocumentNotFoundError(shown, "no such file (for literal text use text=...)")
    result, name = read_file_result(path_or_bytes, format=format, limits=limits)  # type: ignore[arg-type]
    if doc_id is None:
        doc_id = Path(name).stem if name != "<bytes>" else "bytes-" + hashlib.sha1(bytes(path_or_bytes)).hexdigest()[:10]  # type: ignore[arg-type]
    return build_document(result, doc_id=doc_id, source=name)


def as_document(source: Source | None = None, *, text: str | None = None) -> Document:
    """A :class:`Document` from a path, bytes, ``text=`` or a Document (returned as is)."""
    if isinstance(source, Document) and text is None:
        return source
    return read_document(source, text=text)


def doc_name(doc: Document) -> str:
    """How errors name a document: its source file, or its ``doc_id`` when it came from text."""
    return doc.source if doc.source and not doc.source.startswith("<") else doc.doc_id
