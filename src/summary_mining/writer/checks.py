"""Output paths checked before any work: a suffix the writer knows, and the packages it needs."""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path

from ..errors import SummaryMiningError

__all__ = ["SUFFIXES", "OutputError", "check_output"]

#: Output suffix -> the packages it needs and the command that installs them.
SUFFIXES: dict[str, tuple[tuple[str, ...], str]] = {
    ".csv": ((), ""),
    ".jsonl": ((), ""),
    ".xlsx": (("openpyxl",), "pip install openpyxl"),
    ".parquet": (("pyarrow",), "pip install 'summary-mining[parquet]'"),
}


class OutputError(SummaryMiningError, ValueError):
    """An output path the writer cannot write: unknown suffix, or a package it needs is missing.
    The message is one line that names the fix (``pip install 'summary-mining[parquet]'``)."""

    __module__ = "summary_mining.writer"  # its public name


def check_output(path: str | Path, *, allowed: Iterable[str] | None = None) -> Path:
    """``path`` as a :class:`~pathlib.Path` if its suffix is known and its packages are installed.

    Call it before mining, so a run never ends in a traceback with nothing written.

    >>> check_output("结果.xlsx").name
    '结果.xlsx'
    >>> check_output("out.xls")
    Traceback (most recent call last):
    ...
    summary_mining.writer.OutputError: out.xls: cannot write '.xls' files; use .csv, .jsonl, .xlsx or .parquet
    """
    path = Path(path)
    suffix = path.suffix.lower()
    ok = tuple(allowed) if allowed is not None else tuple(SUFFIXES)
    if suffix not in ok:
        got = f"{suffix!r} files" if suffix else "a file without a suffix"
        raise OutputError(f"{path}: cannot write {got}; use {', '.join(ok[:-1])} or {ok[-1]}" if len(ok) > 1
                          else f"{path}: cannot write {got}; use {ok[0]}")
    packages, command = SUFFIXES.get(suffix, ((), ""))
    missing = [p for p in packages if importlib.util.find_spec(p) is None]
    if missing:
        raise OutputError(f"{path}: writing {suffix} needs {', '.join(missing)}: {command}")
    return path
