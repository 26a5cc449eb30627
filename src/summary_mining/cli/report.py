"""What a command-line run tells its user: the files it did not read, and the summary it prints.

Every file under a folder the run was given is accounted for: read, failed (in ``errors`` with the
reader's reason), or not read because of its type — a document format we do not read (``.doc``,
``.wps``, ``.xlsx`` …: :class:`UnsupportedFormatError`, the run exits 1) or any other file
(``.py``, ``.png`` …: ``NotADocument``, listed but not a failure).

>>> unread_row("报告/总结.doc")["message"]
'报告/总结.doc: legacy Word .doc is not supported; save it as .docx'
>>> unread_row("报告/build.py")["error"]
'NotADocument'
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from .display import display_value
from ..readers import FORMATS, LEGACY_FORMATS

__all__ = ["unread_files", "unread_row", "with_unread", "summary_lines", "NOT_A_DOCUMENT", "failed_count"]

NOT_A_DOCUMENT = "NotADocument"

#: Document formats we do not read (beside the reader's own list), with the reason shown to the user.
OTHER_DOCUMENT_FORMATS = {
    ".et": "WPS spreadsheets are not supported", ".csv": "spreadsheets are not supported",
    ".rtf": "RTF is not supported; save it as .docx", ".odt": "OpenDocument text is not supported; save it as .docx",
    ".ppt": "presentations are not supported", ".pptx": "presentations are not supported",
    ".dps": "WPS presentations are not supported", ".ofd": "OFD is not supported; export it as PDF",
    ".caj": "CAJ is not supported; export it as PDF", ".html": "web pages are not supported; save the text as .txt",
    ".htm": "web pages are not supported; save the text as .txt", ".wpt": "WPS templates are not supported",
    ".dotx": "Word templates are not supported; save it as .docx", ".docm": "macro documents are not supported; save it as .docx",
}


def unread_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files under the given folders that a run does not read (any suffix but .txt/.md/.docx/.pdf),
    in a stable order. Files given by name are read (or fail) in the run itself."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() not in FORMATS and not f.is_dir()))
    return out


def unread_row(path: str | os.PathLike[str]) -> dict[str, str | None]:
    """The ``errors`` row of a file the run did not read, with its reason."""
    path = str(path)
    suffix = Path(path).suffix.lower()
    reason = LEGACY_FORMATS.get(suffix) or OTHER_DOCUMENT_FORMATS.get(suffix)
    if reason:
        return {"path": path, "doc_id": None, "error": "UnsupportedFormatError", "message": f"{path}: {reason}"}
    kind = f"{suffix} files" if suffix else "files without a suffix"
    return {"path": path, "doc_id": None, "error": NOT_A_DOCUMENT,
            "message": f"{path}: not read: {kind} are not documents (.txt .md .docx .pdf are)"}


def with_unread(errors: pd.DataFrame, paths: Sequence[str | os.PathLike[str]]) -> pd.DataFrame:
    """``errors`` plus a row for each unread file under ``paths`` that it does not list yet."""
    listed = {os.path.abspath(p) for p in errors["path"].dropna()} if len(errors) else set()
    rows = [unread_row(f) for f in unread_files(paths) if os.path.abspath(f) not in listed]
    if not rows:
        return errors
    extra = pd.DataFrame(rows, columns=list(errors.columns)).astype(errors.dtypes.to_dict())
    return pd.concat([errors, extra], ignore_index=True) if len(errors) else extra


def failed_count(errors: pd.DataFrame, given: Sequence[str | os.PathLike[str]] = ()) -> int:
    """Errors that make the run exit 1: every one but files found in a folder that are not documents
    (``NotADocument``, or a refused format that is no document format, however the corpus run names it).
    A file named in ``given`` (the command line) always counts."""
    if not len(errors):
        return 0
    named = {os.path.abspath(p) for p in given}

    def counts(path, error) -> bool:
        if isinstance(path, str) and os.path.abspath(path) in named:
            return True
        if error == NOT_A_DOCUMENT:
            return False
        if error == "UnsupportedFormatError" and isinstance(path, str):
            return unread_row(path)["error"] != NOT_A_DOCUMENT
        return True

    return sum(counts(p, e) for p, e in zip(errors["path"], errors["error"]))


def _counts(s: pd.Series) -> str:
    vc = s.dropna().astype(str).value_counts()
    return ", ".join(f"{k} {v}" for k, v in vc.items())


def _names(s: pd.Series, limit: int = 8) -> str:
    names = sorted(set(s.dropna().astype(str)))
    more = f" (+{len(names) - limit} more)" if len(names) > limit else ""
    return f"{len(names)}: " + ", ".join(names[:limit]) + more if names else "none found"


def summary_lines(corpus, errors: pd.DataFrame, *, outputs: Sequence[Path] = (), errors_file: Path | None = None,
                  max_errors: int = 20, given: Sequence[str | os.PathLike[str]] = ()) -> list[str]:
    """The lines a run prints when it ends (files, rows per kind, regions and periods, audit
    findings, errors, the next command to try)."""
    m, pb, au, docs = corpus.metrics, corpus.problems, corpus.audit, corpus.documents
    n_files = corpus.stats.get("files", 0)
    read_ok = docs["path"].nunique() if len(docs) and "path" in docs.columns else docs["doc_id"].nunique() if len(docs) else 0
    failed = failed_count(errors, given)
    not_docs = len(errors) - failed
    found = n_files + len(errors) - len(corpus.errors)  # the run's files and the files it did not take
    lines = [f"files: {found} found, {read_ok} read, {failed} failed, {not_docs} not documents"
             + (f" ({corpus.stats['cached']} read from the cache)" if corpus.stats.get("cached") else "")]
    kinds = f" ({_counts(m['kind'])})" if len(m) else ""
    lines.append(f"rows: metrics {len(m)}{kinds}; problems {len(pb)}; audit {len(au)}")
    lines.append(f"regions {_names(m['region'] if len(m) else docs.get('region', pd.Series(dtype=str)))}")
    lines.append(f"periods {_names(m['period'] if len(m) else docs.get('period', pd.Series(dtype=str)))}")
    if len(au):
        lines.append(f"audit findings: {_counts(au['status'])}")
    money = m[(m["unit"] == "元") & m["value"].notna() & ~m["in_name"]] if len(m) else m
    if len(money):
        top = money.loc[money["value"].idxmax()]
        lines.append(f"largest amount: {display_value(top['value'], top['unit'])} "
                     f"({top['doc_id']}, {top['label'] if pd.notna(top['label']) else top['surface']})")
    if len(errors):
        lines.append(f"errors: {len(errors)}")
        for e in errors.head(max_errors).itertuples():
            lines.append(f"  {e.error}: {e.message}")
        if len(errors) > max_errors:
            lines.append(f"  … {len(errors) - max_errors} more" + (f" in {errors_file}" if errors_file else ""))
    for out in outputs:
        lines.append(f"written: {out}")
    lines.append(f"next: {_next_command(corpus)}")
    return lines


def _next_command(corpus) -> str:
    """A document to look at: the one with the most inconsistent findings, else the most figures."""
    au, docs, m = corpus.audit, corpus.documents, corpus.metrics
    doc_id = None
    if len(au):
        bad = au[au["status"] == "inconsistent"]["doc_id"].value_counts()
        doc_id = bad.index[0] if len(bad) else None
    if doc_id is None and len(m):
        doc_id = m["doc_id"].value_counts().index[0]
    if doc_id is None or not len(docs):
        return "summary-mining --help"
    paths = docs.loc[docs["doc_id"] == doc_id, "path"]
    path = str(paths.iloc[0]) if len(paths) else str(doc_id)
    html = f"{Path(path).stem}.html"
    q = (lambda s: f"'{s}'" if any(c in s for c in " '\"$&;|()<>*?") else s)
    return f"summary-mining show {q(path)} --html {q(html)}   # highlighted figures and audit findings"
