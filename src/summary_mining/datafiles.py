"""Load the package's rule and lexicon data files (TOML, CSV, plain word lists) safely.

Data is only ever parsed, never executed. Errors name the file and the entry.

>>> structure = load_toml("structure.toml")
>>> structure["min_articles"]
2
>>> compile_pattern("[一二三]、", "structure.toml", "headings[0]").pattern
'[一二三]、'
"""
from __future__ import annotations

import csv
import sys
import threading
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

import regex

from .errors import RuleError, RuleTimeoutError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["data_path", "load_toml", "load_csv", "load_words", "compile_pattern", "code_pattern", "rules_from",
           "MATCH_TIMEOUT", "TRUST_SHIPPED_RULES",
           "rx_search", "rx_match", "rx_fullmatch", "rx_finditer", "rx_sub", "rx_first", "rule_guard", "rule_entries"]

#: Seconds of CPU time one rule may spend on one match attempt (one ``search``/``match`` call; a
#: scan over a document is a series of such calls, each with its own budget) before it is
#: abandoned with :class:`~summary_mining.errors.RuleTimeoutError`. The ``rx_*`` helpers read this
#: module attribute at call time, so ``summary_mining.datafiles.MATCH_TIMEOUT = 20`` takes effect
#: at once. The shipped rules are linear on any input; the limit guards user rule files.
MATCH_TIMEOUT = 5.0

#: Whether the package's own rules — compiled from its data files alone, or written in its code
#: (:func:`code_pattern`) — run without that budget. They are linear on any input (tests/test_hostile.py
#: runs them on pathological texts), and the budget costs two reads of the process clock per call, a
#: quarter of the whole analysis; a corpus run's ``time_limit`` still stops a file whatever runs.
#: Rules read from a file of yours (``rules=``, ``RuleSet(units=…)``, a path) always run under
#: :data:`MATCH_TIMEOUT`; ``summary_mining.datafiles.TRUST_SHIPPED_RULES = False`` puts every rule under it.
TRUST_SHIPPED_RULES = True

#: The shipped patterns (see :data:`TRUST_SHIPPED_RULES`): equal patterns are equally safe, whoever compiled them.
_SHIPPED: set[regex.Pattern[str]] = set()

#: The rule builds under way in this thread (:func:`rules_from`, innermost last): [every file read is the
#: package's, patterns].
_LOCAL = threading.local()


def _builds() -> list[list[Any]]:
    b = getattr(_LOCAL, "builds", None)
    if b is None:
        b = _LOCAL.builds = []
    return b

_UNNAMED = "<text>"


def _budget(pattern: regex.Pattern[str]) -> float | None:
    """The timeout a call of ``pattern`` runs under: none for a shipped rule (:data:`TRUST_SHIPPED_RULES`)."""
    return None if TRUST_SHIPPED_RULES and pattern in _SHIPPED else MATCH_TIMEOUT


def code_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern written in the package's code, compiled once (a shipped rule: :data:`TRUST_SHIPPED_RULES`).

    >>> code_pattern("[0-9]+").findall("签约项目10个，履约9个")
    ['10', '9']
    """
    compiled = regex.compile(pattern, flags)
    _SHIPPED.add(compiled)
    return compiled


def _timed_out(pattern: regex.Pattern[str]) -> RuleTimeoutError:
    shown = pattern.pattern if len(pattern.pattern) <= 60 else pattern.pattern[:57] + "..."
    return RuleTimeoutError(_UNNAMED, f"rule pattern {shown!r} ran longer than MATCH_TIMEOUT={MATCH_TIMEOUT:g} s "
                                      "on one match (pathological input or a backtracking rule; "
                                      "summary_mining.datafiles.MATCH_TIMEOUT)")


def _budgeted(pattern: regex.Pattern[str], call: Callable[..., Any], *args: Any) -> Any:
    """``call(*args)`` (a method of ``pattern``) with the :data:`MATCH_TIMEOUT` budget."""
    try:
        return call(*args, timeout=_budget(pattern))
    except TimeoutError:
        raise _timed_out(pattern) from None


def rx_search(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    """``pattern.search`` with the :data:`MATCH_TIMEOUT` budget; a timeout raises :class:`RuleTimeoutError`."""
    try:  # (the call itself, not through _budgeted: the helpers run some 400 times per document)
        return pattern.search(text, pos, endpos, timeout=_budget(pattern))
    except TimeoutError:
        raise _timed_out(pattern) from None


def rx_match(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    """``pattern.match`` with the :data:`MATCH_TIMEOUT` budget."""
    try:
        return pattern.match(text, pos, endpos, timeout=_budget(pattern))
    except TimeoutError:
        raise _timed_out(pattern) from None


def rx_fullmatch(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    """``pattern.fullmatch`` with the :data:`MATCH_TIMEOUT` budget."""
    try:
        return pattern.fullmatch(text, pos, endpos, timeout=_budget(pattern))
    except TimeoutError:
        raise _timed_out(pattern) from None


def rx_first(patterns: Iterable[regex.Pattern[str]], text: str) -> regex.Match[str] | None:
    """The ``search`` match of the first of ``patterns`` that matches ``text`` (each under the
    :data:`MATCH_TIMEOUT` budget), or None."""
    for pattern in patterns:
        m = rx_search(pattern, text)
        if m:
            return m
    return None


def rx_sub(pattern: regex.Pattern[str], repl: str, text: str, count: int = 0) -> str:
    """``pattern.sub`` with the :data:`MATCH_TIMEOUT` budget (for the whole substitution: use it
    on a bounded piece of text, such as a clause or a sentence)."""
    return _budgeted(pattern, pattern.sub, repl, text, count)


_REVERSE = int(regex.REVERSE)  # (an int: the enum's own & is a Python call)


def rx_finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
    """Non-overlapping matches, left to right, like ``pattern.finditer`` — but each match gets its own
    :data:`MATCH_TIMEOUT` budget.

    (``regex``'s own ``finditer(timeout=)`` counts the CPU time of the whole iteration, including
    the caller's work between two matches, so a long but harmless document would time out.)
    After an empty match the scan moves on by one character.

    The matches are read in batches (a few at first, more as the caller keeps reading), each batch
    by one ``regex`` scanner under one budget before any is yielded, so no caller's work is counted:
    a timeout inside a batch that found matches only ends the batch early (the next one starts
    afresh at the same place); one that found none is a single match over the budget, and raises.
    (The timeout costs two clock reads per ``regex`` call: once per batch instead of once per match.)

    >>> [m.group() for m in rx_finditer(regex.compile("[0-9]+"), "a1b22c333", 2)]
    ['22', '333']
    """
    end = len(text) if endpos is None else max(0, min(endpos, len(text)))
    if pattern.flags & _REVERSE:  # a reverse scanner reads right to left: one search at a time
        while pos <= end:
            m = rx_search(pattern, text, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
        return
    budget = _budget(pattern)
    if budget is None:  # a shipped rule: the engine's own scan, to the first empty match (then ours goes on)
        for m in pattern.finditer(text, pos, end):
            yield m
            if m.end() == m.start():
                pos = m.end() + 1
                break
        else:
            return
    size = 4
    while pos <= end:
        batch: list[regex.Match[str]] = []
        done = False
        scanner = pattern.scanner(text, pos, end, timeout=budget)
        try:
            while len(batch) < size:
                m = scanner.search()
                if m is None:
                    done = True
                    break
                batch.append(m)
                if m.end() == m.start():
                    break  # the scanner's rule after an empty match is not ours: a new scanner goes on
        except TimeoutError:
            if not batch:
                raise _timed_out(pattern) from None
        yield from batch
        if done or not batch:
            return
        m = batch[-1]
        pos = m.end() if m.end() > m.start() else m.end() + 1
        size = min(size * 2, 256)


def rx_finditer_any(patterns: Sequence[regex.Pattern[str]], text: str) -> list[regex.Match[str]]:
    """Non-overlapping matches of any of ``patterns``, left to right; at one position the earlier
    pattern wins — what ``finditer`` of their alternation ``p1|p2|…`` gives, except that a match one
    pattern's own scan skipped (inside its previous match) is not tried again.

    Why: ``regex`` scans a single pattern (a literal, a character class) fast, but an alternation of
    alternatives that open with lookbehinds is tried whole at every position: for the breakdown cues
    of ``relations.toml`` one scan per alternative is 50x faster than one scan of the alternation.

    >>> ps = [regex.compile("其中"), regex.compile(r"(?<=[0-9]个)[（(]"), regex.compile("其中新建")]
    >>> [(m.start(), m.group()) for m in rx_finditer_any(ps, "完成10个(其中新建3个)，其中续建7个")]
    [(5, '('), (6, '其中'), (14, '其中')]
    """
    found = sorted(((m.start(), i, m) for i, p in enumerate(patterns) for m in rx_finditer(p, text)),
                   key=lambda t: (t[0], t[1]))
    out: list[regex.Match[str]] = []
    for start, _, m in found:
        if not out or start >= out[-1].end():
            out.append(m)
    return out


@contextmanager
def rule_guard(name: str) -> Iterator[None]:
    """Name the document in a :class:`RuleTimeoutError` raised inside (and turn a bare regex
    :class:`TimeoutError` from a call that bypassed the ``rx_*`` helpers into one)."""
    try:
        yield
    except RuleTimeoutError as e:
        if e.path != _UNNAMED:
            raise
        raise RuleTimeoutError(name, e.reason) from None
    except TimeoutError:
        raise RuleTimeoutError(name, f"a rule pattern ran longer than MATCH_TIMEOUT={MATCH_TIMEOUT:g} s on one match "
                                     "(summary_mining.datafiles.MATCH_TIMEOUT)") from None


@contextmanager
def rule_entries(source: object, what: str = "") -> Iterator[None]:
    """Turn a missing or ill-typed entry met while building rules from a data file into a
    :class:`RuleError` naming the file (and ``what`` was being read)."""
    where = f"{source}: {what + ': ' if what else ''}"
    try:
        yield
    except RuleError:
        raise
    except KeyError as e:
        raise RuleError(f"{where}missing entry {e.args[0]!r}") from None
    except (TypeError, ValueError, AttributeError, IndexError) as e:
        raise RuleError(f"{where}malformed entry: {type(e).__name__}: {e}") from None


_DATA_DIR = Path(str(resources.files("summary_mining") / "data")).resolve()


def data_path(name: str | Path) -> Path:
    """A file in the package's ``data/`` folder, or ``name`` itself when it is a path to a file."""
    p = Path(name)
    if p.is_absolute() or p.exists():
        return p
    return Path(str(resources.files("summary_mining") / "data" / str(name)))


def _note_file(name: str | Path) -> None:
    """Mark the rule builds under way as not shipped when ``name`` is no file of the package's ``data/`` folder."""
    builds = _builds()
    if builds and data_path(name).resolve().parent != _DATA_DIR:
        for b in builds:
            b[0] = False


def _read(name: str | Path) -> tuple[Path, str]:
    p = data_path(name)
    try:
        return p, p.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise RuleError(f"{p}: cannot read rule file: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise RuleError(f"{p}: rule files must be UTF-8 ({e.reason} at byte {e.start})") from None


def load_toml(name: str | Path) -> dict[str, Any]:
    """Parse a TOML data file (cached; treat the result as read-only)."""
    _note_file(name)
    return _load_toml(name)


@lru_cache(maxsize=64)
def _load_toml(name: str | Path) -> dict[str, Any]:
    p, text = _read(name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{p}: invalid TOML: {e}") from None


def load_csv(name: str | Path) -> list[dict[str, str]]:
    """Rows of a CSV data file with a header line; lines starting with ``#`` are comments."""
    _note_file(name)
    p, text = _read(name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    try:
        rows = list(csv.DictReader(lines))
    except csv.Error as e:
        raise RuleError(f"{p}: invalid CSV: {e}") from None
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise RuleError(f"{p}: row {i}: wrong number of fields: {row}")
    return rows


def load_words(name: str | Path) -> list[str]:
    """One entry per line; blank lines and ``#`` comments skipped."""
    _note_file(name)
    _, text = _read(name)
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def compile_pattern(pattern: str, source: str, where: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a rule pattern; a bad one raises :class:`RuleError` naming file and entry."""
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{source}: {where}: pattern must be a non-empty string, got {pattern!r}")
    try:
        compiled = regex.compile(pattern, flags | regex.V0)
    except (regex.error, OverflowError, ValueError, RecursionError, MemoryError) as e:
        raise RuleError(f"{source}: {where}: invalid pattern {pattern!r}: {type(e).__name__}: {e}") from None
    builds = _builds()
    if builds:
        builds[-1][1].append(compiled)
    return compiled


_T = TypeVar("_T")


def rules_from(name: str | Path, build: Callable[[dict[str, Any], str], _T]) -> _T:
    """The one way a rules file becomes compiled rules: parse the TOML file ``name`` (UTF-8, data only)
    and ``build(data, name)`` — any missing or ill-typed entry met while building raises
    :class:`RuleError` naming the file and the entry, never a raw ``KeyError``/``TypeError``.

    >>> rules_from("structure.toml", lambda d, src: d["min_articles"])
    2
    >>> rules_from("structure.toml", lambda d, src: d["no_such_entry"])
    Traceback (most recent call last):
    ...
    summary_mining.errors.RuleError: structure.toml: missing entry 'no_such_entry'
    """
    builds = _builds()
    builds.append([True, []])
    try:
        _note_file(name)
        data = load_toml(name)
        with rule_entries(name):
            return build(data, str(name))
    finally:
        shipped, patterns = builds.pop()
        if shipped:
            _SHIPPED.update(patterns)
        elif builds:  # a build that read a file of yours makes the build it serves one too
            builds[-1][0] = False
