"""Load the package's rule and lexicon data files (TOML, CSV, plain word lists) safely.

Data is only ever parsed, never executed. Errors name the file and the entry.

>>> outline = load_toml("outline.toml")
>>> outline["min_articles"]
2
>>> compile_pattern("[一二三]、", "outline.toml", "headings[0]").pattern
'[一二三]、'
"""
from __future__ import annotations

import csv
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from .errors import RuleError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["data_path", "load_toml", "load_csv", "load_words", "compile_pattern", "MATCH_TIMEOUT"]

#: Seconds any single rule may spend matching one text before it is abandoned (no catastrophic backtracking).
MATCH_TIMEOUT = 5.0


def data_path(name: str | Path) -> Path:
    """A file in the package's ``data/`` folder, or ``name`` itself when it is a path to a file."""
    p = Path(name)
    if p.is_absolute() or p.exists():
        return p
    return Path(str(resources.files("summary_mining") / "data" / str(name)))


def _read(name: str | Path) -> tuple[Path, str]:
    p = data_path(name)
    try:
        return p, p.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise RuleError(f"{p}: cannot read rule file: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise RuleError(f"{p}: rule files must be UTF-8 ({e.reason} at byte {e.start})") from None


@lru_cache(maxsize=64)
def load_toml(name: str | Path) -> dict[str, Any]:
    """Parse a TOML data file (cached; treat the result as read-only)."""
    p, text = _read(name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{p}: invalid TOML: {e}") from None


def load_csv(name: str | Path) -> list[dict[str, str]]:
    """Rows of a CSV data file with a header line; lines starting with ``#`` are comments."""
    p, text = _read(name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines))
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise RuleError(f"{p}: row {i}: wrong number of fields: {row}")
    return rows


def load_words(name: str | Path) -> list[str]:
    """One entry per line; blank lines and ``#`` comments skipped."""
    _, text = _read(name)
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def compile_pattern(pattern: str, source: str, where: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a rule pattern; a bad one raises :class:`RuleError` naming file and entry."""
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{source}: {where}: pattern must be a non-empty string, got {pattern!r}")
    try:
        return regex.compile(pattern, flags | regex.V0)
    except regex.error as e:
        raise RuleError(f"{source}: {where}: invalid pattern {pattern!r}: {e}") from None
