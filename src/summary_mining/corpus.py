"""Corpus runs: every file of a folder mined into five DataFrames, in parallel, cached, resumable.

>>> import summary_mining as sm
>>> corpus = sm.mine("corpora/", n_jobs=1, progress=False)        # doctest: +SKIP
>>> corpus.documents[["doc_id", "article", "title"]].head(2)       # doctest: +SKIP
  doc_id  article                title
0   seed        1  投资促进工作总结篇1
1   seed        2  投资促进工作总结篇2

Every input file ends up either in ``documents`` or in ``errors`` — nothing is lost — and the
frames are identical whatever ``n_jobs`` or ``engine`` (results are put back in input order).
"""
from __future__ import annotations

import hashlib
import os
import signal
import stat
import sys
import warnings
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pandas as pd

from ._version import __version__
from .errors import CacheWarning, NotAFile, OutsideRoot, ReadError, SummaryMiningError, TimeLimitError, WorkerCrashed
from .readers import FORMATS, Limits, DEFAULT_LIMITS
from .places.regions import _read_override_csv
from .writer import restore_lists, to_parquet

__all__ = ["Corpus", "mine", "NotAFile", "OutsideRoot", "WorkerCrashed", "CacheWarning", "shown_name", "read_out_dir", "list_files", "doc_ids", "process_file", "FileResult", "rules_version",
           "DOCUMENT_COLUMNS", "ERROR_COLUMNS"]

DOCUMENT_COLUMNS = {"doc_id": "string", "path": "string", "article": "Int64", "title": "string",
                    "region": "string", "period": "string", "chars": "Int64", "format": "string"}
ERROR_COLUMNS = {"path": "string", "doc_id": "string", "error": "string", "message": "string"}
ENGINES = ("process", "dask")


@dataclass
class FileResult:
    """What one file gave: the rows of each frame (frames are built per batch of files: a DataFrame
    per file would cost more than mining a short file), or the error that stopped it."""

    path: str
    doc_id: str
    metrics: list[dict] | None = None
    problems: list[dict] | None = None
    audit: list[dict] | None = None
    documents: list[dict] | None = None
    error: dict | None = None


@dataclass
class Corpus:
    """The results of :func:`mine`: ``metrics``, ``problems``, ``audit``, ``documents``, ``errors``."""

    metrics: pd.DataFrame
    problems: pd.DataFrame
    audit: pd.DataFrame
    documents: pd.DataFrame
    errors: pd.DataFrame
    stats: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"Corpus(files={self.stats.get('files', '?')}, documents={self.documents['doc_id'].nunique()}, "
                f"metrics={len(self.metrics)}, problems={len(self.problems)}, audit={len(self.audit)}, "
                f"errors={len(self.errors)}, cached={self.stats.get('cached', 0)}"
                + (", cache off" if str(self.stats.get("cache", "")).startswith("off") else "") + ")")

    def to_parquet(self, directory: str | os.PathLike[str]) -> None:
        """Write the five frames as ``<directory>/<name>.parquet``."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        for name in ("metrics", "problems", "audit", "documents", "errors"):
            to_parquet(getattr(self, name), d / f"{name}.parquet")


# -- inputs ------------------------------------------------------------------------------------
def _walk(root: Path, follow_links: bool) -> list[Path]:
    """Every path with a document suffix under ``root`` — regular or not, links included — and,
    when links are not followed, every linked folder (the run reports it rather than skipping it
    silently). Sorted as full paths; linked folders visited once (no cycles)."""
    out: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_links):
        try:
            st = os.stat(dirpath)
            if (st.st_dev, st.st_ino) in seen:
                dirnames[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        d = Path(dirpath)
        for name in filenames:
            if Path(name).suffix.lower() in FORMATS:
                out.append(d / name)
        if not follow_links:
            out.extend(d / n for n in dirnames if os.path.islink(d / n))
    return sorted(out)


def _refusal(f: Path, root: Path | None, follow_links: bool) -> tuple[type[ReadError], str] | None:
    """Why a listed path is not read (error class and reason), or None to read it."""
    try:
        st = os.lstat(f)
    except OSError:
        return None  # gone: the reader says "no such file"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = f.resolve(strict=True)
        except (OSError, RuntimeError):
            return NotAFile, f"a symbolic link to nothing ({os.readlink(f)})"
        if root is not None and not follow_links:
            base = root.resolve()
            if target != base and base not in target.parents:
                what = "folder" if target.is_dir() else "file"
                return OutsideRoot, (f"a symbolic link to the {what} {target}, outside {root}: not followed "
                                     "(mine(..., follow_links=True) follows links)")
            if target.is_dir():
                return NotAFile, f"a symbolic link to the folder {target}, inside {root}: its files are read there"
        st = os.stat(f)
    if stat.S_ISDIR(st.st_mode):
        return NotAFile, "a folder, not a file"
    if not stat.S_ISREG(st.st_mode):
        return NotAFile, "not a regular file (a named pipe, socket or device): never opened"
    return None


def _entries(paths_or_dir, follow_links: bool = False) -> list[tuple[Path, Path | None]]:
    """``(file, root)`` for every input: paths under a directory with that directory as root, a
    file given by itself with no root. Each path once (a path reached twice keeps its first place)."""
    if isinstance(paths_or_dir, (str, os.PathLike)):
        paths_or_dir = [paths_or_dir]
    out: list[tuple[Path, Path | None]] = []
    seen: set[str] = set()
    for p in map(Path, paths_or_dir):
        found = [(f, p) for f in _walk(p, follow_links)] if p.is_dir() else [(p, None)]
        for f, root in found:
            k = os.path.abspath(f)
            if k not in seen:
                seen.add(k)
                out.append((f, root))
    return out


def list_files(paths_or_dir: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
               follow_links: bool = False) -> list[Path]:
    """Files as given and every path with a document suffix (.txt/.md/.docx/.pdf) under
    directories, in a stable order: the paths :func:`mine` accounts for, each ending in
    ``documents`` or ``errors`` (pipes, dangling links and links out of the folder included)."""
    return [f for f, _ in _entries(paths_or_dir, follow_links)]


def doc_ids(paths: Sequence[Path], roots: Sequence[Path | None] | None = None) -> list[str]:
    """A unique id per file: its stem, or — when files of the run share a stem — its path relative
    to the folder it was found in (``roots``; a file given by itself: the path as given), with
    ``/`` between folders.

    >>> doc_ids([Path("c/报告.txt"), Path("c/a/总结.txt"), Path("c/b/总结.txt"), Path("c/总结.docx")],
    ...         [Path("c")] * 4)
    ['报告', 'a/总结.txt', 'b/总结.txt', '总结.docx']

    Ids that still collide (two folders given, each with ``a/总结.txt``) take the full path.
    """
    roots = list(roots) if roots is not None else [None] * len(paths)
    stems = [p.stem for p in paths]
    n = {s: stems.count(s) for s in set(stems)}

    def rel(p: Path, root: Path | None) -> str:
        try:
            return p.relative_to(root).as_posix() if root is not None else p.as_posix()
        except ValueError:
            return p.as_posix()

    ids = [s if n[s] == 1 else rel(p, r) for p, r, s in zip(paths, roots, stems)]
    counts = {i: ids.count(i) for i in set(ids)}
    ids = [i if counts[i] == 1 else Path(os.path.abspath(p)).as_posix() for i, p in zip(ids, paths)]
    return ids


# -- one file ------------------------------------------------------------------------------------
def _time_limit_error(seconds: float, path: str) -> TimeLimitError:
    return TimeLimitError(path, f"took longer than the {seconds:g}-second time limit (mine(time_limit=...))")


@contextmanager
def _time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Abort work on one file after ``seconds`` with :class:`TimeLimitError`: by ``SIGALRM`` on a
    POSIX main thread, elsewhere (dask worker threads, a thread of yours) by :func:`_thread_deadline`."""
    if not seconds:
        yield
        return
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        with _thread_deadline(seconds, path):
            yield
        return

    def _alarm(signum, frame):
        raise _time_limit_error(seconds, path)

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


class _Deadline(BaseException):
    """Raised asynchronously in a thread whose file ran past its time limit (a BaseException, so
    no ``except Exception`` on the way swallows it); turned into :class:`TimeLimitError`."""


@contextmanager
def _thread_deadline(seconds: float, path: str) -> Iterator[None]:
    """The time limit off the main thread: a timer thread raises :class:`_Deadline` in this thread
    (``PyThreadState_SetAsyncExc``) at its next Python instruction. Like ``SIGALRM`` it cannot cut
    a single long C call short (each regex match has its own MATCH_TIMEOUT for that)."""
    import ctypes

    tid = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, ctypes.py_object(_Deadline))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Deadline:
        raise _time_limit_error(seconds, path) from None
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:  # fired as the work ended: drop it if still pending
                ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, None)


def _document_rows(doc, article_rows: list[dict]) -> list[dict]:
    """One row per article, with its region and period (``article_rows``: as detected for the metrics,
    under the document's rule guard and inside :func:`process_file`'s time limit and ``try``, so a
    pathological document becomes an error row)."""
    rows = []
    info = {r["article"]: r for r in article_rows}
    for a in doc.articles:
        r = info.get(a.index, {})
        rows.append({"doc_id": doc.doc_id, "path": doc.source, "article": a.index, "title": a.title or doc.title,
                     "region": r.get("region"), "period": r.get("period"), "chars": a.end - a.start,
                     "format": doc.format})
    return rows


def _mine_document(doc, res: FileResult, regions=None) -> None:
    from .pipeline import Analysis

    analysis = Analysis(doc, regions=regions)  # one figure scan, one region detection, one relation reading for every frame
    res.audit = analysis.audit_rows()
    analysis.drop_relations()  # the relation context and the metrics rows never live at once
    res.metrics = analysis.metrics_rows()
    res.problems = analysis.problems_rows()
    res.documents = _document_rows(doc, analysis.article_rows)


def process_file(path: str | os.PathLike[str], doc_id: str, *, limits: Limits = DEFAULT_LIMITS,
                 time_limit: float | None = None, regions=None) -> FileResult:
    """Read and mine one file; any failure is caught and returned as ``error`` (never raised)."""
    return _process(str(path), doc_id, limits, time_limit, regions)[0]


def _read(path: str, doc_id: str, limits: Limits, digest: list[str]):
    """The file read once into a document; the SHA-256 of the bytes read goes into ``digest``
    (also when they are no readable document). Errors name ``path``."""
    from .documents import read_document
    from .errors import DocumentNotFoundError, ReadError, RuleTimeoutError, UnsupportedFormatError
    from .readers import LEGACY_FORMATS, _read_bounded

    if not os.path.lexists(path):  # as read_document(path) says it
        raise DocumentNotFoundError(path, "no such file (for literal text use text=...)")
    suffix = Path(path).suffix.lower()
    if suffix in LEGACY_FORMATS:
        raise UnsupportedFormatError(path, LEGACY_FORMATS[suffix])
    data = _read_bounded(Path(path), path, limits.max_bytes)
    digest.append(hashlib.sha256(data).hexdigest())
    try:
        doc = read_document(data, doc_id=doc_id, format=FORMATS.get(suffix), limits=limits)
    except (ReadError, RuleTimeoutError) as e:  # read from bytes: name the file, not "<bytes>" or the doc_id
        if e.path in ("<bytes>", doc_id):
            raise type(e)(path, e.reason.replace("<bytes>", path)) from None
        raise
    finally:
        del data
    doc.source = path
    return doc


def _process(path: str, doc_id: str, limits: Limits, time_limit: float | None,
             regions=None) -> tuple[FileResult, str | None]:
    """:func:`process_file`, and the SHA-256 of the bytes it read (None when it read none): the
    cache key is made from exactly those bytes, so a file that changes meanwhile is never cached
    under the other content's key."""
    doc_id = shown_name(doc_id)
    res = FileResult(path, doc_id)
    digest: list[str] = []
    try:
        with _time_limit(time_limit, path):
            _mine_document(_read(path, doc_id, limits, digest), res, regions)
    except _Deadline:  # delivered just as the guarded work ended
        e = _time_limit_error(time_limit or 0, path)
        res = FileResult(path, doc_id, error={"path": path, "doc_id": doc_id, "error": type(e).__name__, "message": str(e)})
    except SummaryMiningError as e:
        res = FileResult(path, doc_id, error={"path": path, "doc_id": doc_id, "error": type(e).__name__, "message": str(e)})
    except Exception as e:  # a bug must not sink the corpus: record it with its type
        res = FileResult(path, doc_id, error={"path": path, "doc_id": doc_id, "error": type(e).__name__,
                                              "message": f"{path}: internal error: {type(e).__name__}: {e}"})
    shown = shown_name(path)
    if shown != path:
        _rename(res, path, shown)
    return res, (digest[0] if digest else None)


def shown_name(path: str) -> str:
    """A file name as the frames store it: the name itself, or — for bytes that are not UTF-8
    (a GBK name unpacked from a zip on Linux) — those bytes as ``\\xNN`` escapes, so every path and
    doc_id can be written as UTF-8 (Arrow, parquet, CSV) and still names the file unambiguously.

    >>> shown_name("报告.txt"), shown_name(os.fsdecode(bytes([0xB1, 0xA8, 0xB8, 0xE6]) + b".txt"))
    ('报告.txt', '\\\\xb1\\\\xa8\\\\xb8\\\\xe6.txt')
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a lone surrogate that no file-system encoding produced
        from .readers.base import scrub_surrogates
        return scrub_surrogates(path)


def _rename(res: FileResult, path: str, shown: str) -> None:
    """Every string of a file's rows that holds the raw ``path`` with the ``shown`` name instead."""
    def fix(rows: list[dict] | None) -> None:
        for row in rows or ():
            for k, v in row.items():
                if isinstance(v, str) and path in v:
                    row[k] = v.replace(path, shown)

    res.path = shown
    for name in ("metrics", "problems", "audit", "documents"):
        fix(getattr(res, name))
    fix([res.error] if res.error is not None else None)


# -- caching ---------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of the package version and every rule/lexicon data file: a cache key component."""
    h = hashlib.sha256(__version__.encode())
    root = resources.files("summary_mining") / "data"
    for name in sorted(p.name for p in root.iterdir()):
        h.update(name.encode())
        h.update((root / name).read_bytes())
    return h.hexdigest()[:16]


def _cache_key(path: str, doc_id: str) -> str:
    """The key of the file as it is now (looked up before a run)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return _key(h.hexdigest(), doc_id)


def _key(digest: str, doc_id: str) -> str:
    """Cache key: the content's SHA-256, the doc_id and the rule-set version."""
    h = hashlib.sha256(digest.encode())
    h.update(b"\0" + doc_id.encode("utf-8", "surrogateescape") + b"\0")
    h.update(rules_version().encode())
    return h.hexdigest()


#: Cache entries are JSON (``<cache_dir>/<key[:2]>/<key>.json``): data only. Decoding one can
#: never run code (no pickle: anyone who can write to the folder could otherwise run code in the
#: run), and an entry that is not exactly what :func:`_encode` writes — truncated, hand-edited,
#: planted — is discarded and the file mined again. Entries written by older versions
#: (``.pkl``) are never opened.
CACHE_FORMAT = "summary-mining-cache/1"
_KINDS = ("metrics", "problems", "audit", "documents")


def _entry(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.json"


def _tag(v):
    """Tuples (audit evidence) survive the JSON round trip as ``{"__tuple__": [...]}``."""
    if isinstance(v, tuple):
        return {"__tuple__": [_tag(x) for x in v]}
    if isinstance(v, list):
        return [_tag(x) for x in v]
    if isinstance(v, dict):
        return {k: _tag(x) for k, x in v.items()}
    return v


def _encode(res: FileResult, key: str) -> bytes:
    import json

    obj = {"format": CACHE_FORMAT, "key": key, "doc_id": res.doc_id, "error": res.error}
    for name in _KINDS:
        rows = getattr(res, name)
        obj[name] = None if rows is None else [{k: _tag(v) if isinstance(v, (list, tuple, dict)) else v
                                                for k, v in row.items()} for row in rows]
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


#: Python types a JSON value of a column of each dtype may have (None: nullable).
_TYPES = {"string": {str, type(None)}, "int64": {int}, "Int64": {int, type(None)},
          "float64": {int, float, type(None)}, "bool": {bool}}


def _valid_rows(rows, dtypes: dict[str, str]) -> bool:
    """Rows of exactly the frame's columns, each value of its column's type; object columns
    (lists, evidence) have their tuples restored in place."""
    if rows is None:
        return True
    if not isinstance(rows, list) or not all(type(r) is dict and r.keys() == dtypes.keys() for r in rows):
        return False
    for c, t in dtypes.items():
        allowed = _TYPES.get(t)
        if allowed is None:  # object columns: any JSON value, tagged tuples restored
            for r in rows:
                r[c] = _untag_deep(r[c])
        elif not {type(r[c]) for r in rows} <= allowed:
            return False
    return True


def _untag_deep(v):
    if type(v) is list:
        return [_untag_deep(x) for x in v]
    if type(v) is dict:
        return tuple(_untag_deep(x) for x in v["__tuple__"]) if v.keys() == {"__tuple__"} else \
            {k: _untag_deep(x) for k, x in v.items()}
    return v


def _decode(data: bytes, key: str, path: str) -> FileResult | None:
    """The entry as a FileResult, or None when it is not a well-formed entry for ``key``."""
    import json

    try:
        obj = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(obj, dict) or obj.get("format") != CACHE_FORMAT or obj.get("key") != key \
            or not isinstance(obj.get("doc_id"), str):
        return None
    err = obj.get("error")
    if err is not None and not _valid_rows([err], ERROR_COLUMNS):
        return None
    try:
        if not all(_valid_rows(obj.get(name), _dtypes(name)) for name in _KINDS):
            return None
    except (KeyError, RecursionError):
        return None
    res = FileResult(shown_name(path), obj["doc_id"], error=err)
    for name in _KINDS:
        setattr(res, name, obj.get(name))
    return res


def _cached(cache_dir: Path | None, path: str, doc_id: str) -> tuple[FileResult | None, str | None]:
    if cache_dir is None:
        return None, None
    try:
        key = _cache_key(path, doc_id)
    except OSError:
        return None, None
    f = _entry(cache_dir, key)
    try:
        data = f.read_bytes()
    except OSError:
        return None, key
    res = _decode(data, key, path)
    if res is None:
        try:
            f.unlink()
        except OSError:
            pass
    return res, key


#: Errors that say how long a run was allowed, not what the file holds: never cached, so a
#: re-run with a bigger budget (``time_limit``, ``datafiles.MATCH_TIMEOUT``) retries the file.
_BUDGET_ERRORS = frozenset({"TimeLimitError", "RuleTimeoutError"})


def _store(cache_dir: Path, key: str, res: FileResult) -> None:
    """Cache one file's result (not when it ran out of time: that may pass with more). A cache
    that cannot be written (disk full, permissions changed mid-run) costs the entry, never the file."""
    if res.error is not None and res.error.get("error") in _BUDGET_ERRORS:
        return
    f = _entry(cache_dir, key)
    try:
        data = _encode(res, key)
    except (TypeError, ValueError):  # a value JSON cannot hold: not cached, mined again next time
        return
    try:
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(f)
    except OSError:
        pass


def _usable_cache(cache_dir: str | os.PathLike[str] | None) -> tuple[Path | None, str | None]:
    """The cache folder, created and proven writable, or ``(None, reason)`` after one warning."""
    if cache_dir is None:
        return None, None
    d = Path(cache_dir)
    try:
        d.mkdir(parents=True, exist_ok=True)
        probe = d / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return d, None
    except OSError as e:
        reason = f"{d}: cannot write the cache folder ({type(e).__name__}: {e.strerror or e}); running without a cache"
        warnings.warn(reason, CacheWarning, stacklevel=3)
        return None, reason


# -- engines ---------------------------------------------------------------------------------------
@dataclass
class _Pack:
    """Consecutive files' results as one frame per kind: what a worker sends back for a batch.

    One pickled frame per kind instead of four per file: unpickling DataFrames (~2 ms a file) in
    the collecting process otherwise competes with the workers for the cores.
    """

    frames: dict[str, pd.DataFrame]
    files: int
    failed: int


def _pack(results: list[FileResult]) -> _Pack:
    """The results as one frame per kind (their rows are released as they are framed)."""
    failed = sum(r.error is not None for r in results)
    return _Pack(_collect(results, release=True), len(results), failed)


def _work_batch(batch: list[tuple]) -> _Pack:
    """Mine a batch of files (in a worker); each is cached here, by the worker, when a key is given."""
    return _pack([_work_one(item) for item in batch])


def _work_one(item: tuple) -> FileResult:
    """Mine one file (in a worker) and cache it under the key of the bytes it read."""
    path, doc_id, limits, time_limit, cache_dir, regions = item
    res, digest = _process(path, doc_id, limits, time_limit, regions)
    if cache_dir is not None and digest is not None:
        _store(cache_dir, _key(digest, doc_id), res)
    return res


#: A small document that goes through every stage, so warming up loads whatever each stage loads lazily.
_WARM_TEXT = ("四川省大竹县2023年上半年投资促进工作总结\n一、主要成效\n签约项目10个，投资总额24亿元；履约项目9个，"
              "履约率90%，完成全年目标任务的64.23%。\n二、存在的主要问题\n（一）项目落地慢。\n")


def warm() -> None:
    """Load jieba's dictionary and compile every rule set now rather than at the first file.

    Called before worker processes are forked (and by the forkserver through
    ``summary_mining._warm``), so each worker starts ready instead of spending a second or more
    loading the same data, serially with its first files.
    """
    from .documents import read_document

    res = FileResult("<warm>", "warm")
    _mine_document(read_document(text=_WARM_TEXT, doc_id="warm"), res)
    _collect([res])  # and the frames: pandas loads its own parts lazily too
    rules_version()


def _pool_context():
    """Fork on Linux when this process runs no other threads (workers inherit the warmed-up state
    and a script without an ``if __name__ == "__main__"`` guard still works); otherwise a forkserver
    that preloads the package and its data (fork is unsafe with threads and on macOS); spawn on Windows."""
    import multiprocessing as mp

    if sys.platform == "win32":
        return mp.get_context("spawn")
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        warm()
        return mp.get_context("fork")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["summary_mining._warm"])
    return ctx


def _crashed(path: str, doc_id: str) -> FileResult:
    return FileResult(path, doc_id, error={
        "path": path, "doc_id": doc_id, "error": WorkerCrashed.__name__,
        "message": f"{path}: the worker process died while reading or mining this file (a crash in a native "
                   "library, the out-of-memory killer, or a signal); retried alone, it died again"})


def _new_pool(n_jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=n_jobs, mp_context=_pool_context())


def _isolate(batch: list[tuple]) -> _Pack:
    """Run a batch's files one at a time, each in a one-worker pool, after a worker died: a file
    whose worker dies again is the culprit, recorded as ``WorkerCrashed``; the others are mined."""
    from concurrent.futures.process import BrokenProcessPool

    results: list[FileResult] = []
    pool = _new_pool(1)
    try:
        for item in batch:
            try:
                results.append(pool.submit(_work_one, item).result())
            except BrokenProcessPool:  # not cached: it may be the machine (memory), not the file
                pool.shutdown(wait=True)
                results.append(_crashed(shown_name(item[0]), item[1]))
                pool = _new_pool(1)
    finally:
        pool.shutdown(wait=True)
    return _pack(results)


def _run_process(batches: list[list[tuple]], n_jobs: int) -> Iterator[_Pack]:
    """Results of the batches in input order. When a worker dies (segfault, ``os._exit``, the
    out-of-memory killer) the pool breaks: it is restarted, the first batch without a result is
    re-run one file at a time (:func:`_isolate`: the culprit becomes a ``WorkerCrashed`` error)
    and the batches after it go to the new pool. Finished batches are never lost."""
    from concurrent.futures.process import BrokenProcessPool

    if n_jobs <= 1 or len(batches) <= 1:
        yield from map(_work_batch, batches)
        return
    with warnings.catch_warnings():
        # Python >= 3.12 warns on fork whenever the OS reports more than one thread; the only
        # other threads here are numpy's/pyarrow's native pools, which re-initialise after fork
        warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
        pool = _new_pool(n_jobs)
        try:
            futures = [pool.submit(_work_batch, b) for b in batches]
            for k in range(len(batches)):
                try:
                    pack = futures[k].result()
                except BrokenProcessPool:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pack = _isolate(batches[k])
                    pool = _new_pool(n_jobs)
                    for j in range(k + 1, len(batches)):
                        f = futures[j]
                        if not (f.done() and not f.cancelled() and f.exception() is None):
                            futures[j] = pool.submit(_work_batch, batches[j])
                yield pack
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(batches: list[list[tuple]], client) -> Iterator[_Pack]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover
        raise ImportError("engine='dask' needs the optional extra: pip install 'summary-mining[dask]'") from None
    own = client is None
    if own:
        cluster = LocalCluster(processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(_work_batch, batches, pure=False)
        for fut in futures:  # input order, whatever order they finish in
            yield fut.result()
    finally:
        if own:
            client.close()
            cluster.close()


def _concat(frames: list[pd.DataFrame], empty: pd.DataFrame) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    if len(frames) == 1 and isinstance(frames[0].index, pd.RangeIndex) and frames[0].index.start == 0:
        return frames[0]  # one pack (one worker, one batch): no copy
    return pd.concat(frames, ignore_index=True) if frames else empty


def _empty_frames() -> dict[str, pd.DataFrame]:
    from .frame import empty_frame
    return {name: empty_frame(_dtypes(name)) for name in FRAMES}


FRAMES = ("metrics", "problems", "audit", "documents", "errors")


MANIFEST = "manifest.json"


class _PartWriter:
    """Streams results to ``<out_dir>/<frame>/part-NNNNN.parquet`` (a part per ``batch`` files or
    more) so memory stays flat.

    A run owns its ``out_dir``: the parts of an earlier run (of this corpus or another) are removed
    before the first part is written, and ``<out_dir>/manifest.json`` — written last — names the
    corpus (a hash of its files and doc_ids), the rule-set version and the parts. A folder without a
    manifest holds an unfinished run; :func:`read_out_dir` reads only the parts a manifest lists.
    """

    def __init__(self, out_dir: Path, batch: int, corpus_key: str):
        self.out_dir, self.batch, self.corpus_key = out_dir, batch, corpus_key
        self.pending: list[_Pack] = []
        self.files = 0
        self.parts = 0
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / MANIFEST).unlink(missing_ok=True)  # first: a run cut short leaves no manifest
        for name in FRAMES:
            (out_dir / name).mkdir(parents=True, exist_ok=True)
            for old in (out_dir / name).glob("part-*.parquet"):
                old.unlink()

    def add(self, pack: _Pack) -> None:
        self.pending.append(pack)
        self.files += pack.files
        if self.files >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        for name, df in _merge(self.pending).items():
            to_parquet(df, self.out_dir / name / self._part(self.parts))
        self.parts += 1
        self.pending, self.files = [], 0

    @staticmethod
    def _part(i: int) -> str:
        return f"part-{i:05d}.parquet"

    def finish(self, stats: dict) -> None:
        """Write the last part and the manifest (atomically: a temporary file renamed)."""
        import json

        self.flush()
        manifest = {"corpus": self.corpus_key, "rules": rules_version(), "version": __version__,
                    "parts": [self._part(i) for i in range(self.parts)], "frames": list(FRAMES),
                    "stats": stats}
        tmp = self.out_dir / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.out_dir / MANIFEST)


def read_out_dir(out_dir: str | os.PathLike[str]) -> dict[str, pd.DataFrame]:
    """The five frames of a finished ``mine(..., out_dir=...)`` run: only the parts its manifest
    lists, in order (stray or stale files in the folder are never read).

    >>> frames = read_out_dir("out/")          # doctest: +SKIP
    >>> frames["metrics"][["doc_id", "surface"]].head(1)   # doctest: +SKIP
      doc_id     surface
    0   seed  60.07亿元
    """
    import json

    d = Path(out_dir)
    try:
        manifest = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{d}: no {MANIFEST} — not the folder of a finished mine(out_dir=...) run") from None
    empty = _empty_frames()
    out = {}
    for name in FRAMES:
        parts = [restore_lists(pd.read_parquet(d / name / p)) for p in manifest["parts"]]
        out[name] = pd.concat(parts, ignore_index=True) if parts else empty[name]
    return out


def _corpus_key(files: Sequence[Path], ids: Sequence[str]) -> str:
    h = hashlib.sha256()
    for p, d in zip(files, ids):
        h.update(os.fsencode(p) + b"\0" + d.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()[:16]


def _collect(done: list[FileResult], release: bool = False) -> dict[str, pd.DataFrame]:
    """One frame per kind from the files' rows, in file order. With ``release`` each kind's rows are
    dropped from the results once framed (rows and frame of every kind never live at once)."""
    from .frame import to_frame

    frames = {}
    for name in FRAMES[:-1]:
        frames[name] = to_frame([row for r in done for row in (getattr(r, name) or ())], _dtypes(name))
        if release:
            for r in done:
                setattr(r, name, None)
    frames["errors"] = to_frame([r.error for r in done if r.error is not None], ERROR_COLUMNS)
    return frames


def _dtypes(name: str) -> dict[str, str]:
    from .auditing import AUDIT_DTYPES
    from .frame import DTYPES
    from .problems import PROBLEM_DTYPES
    return {"metrics": DTYPES, "problems": PROBLEM_DTYPES, "audit": AUDIT_DTYPES, "documents": DOCUMENT_COLUMNS,
            "errors": ERROR_COLUMNS}[name]


def _merge(packs: list[_Pack]) -> dict[str, pd.DataFrame]:
    """The packs' frames, kind by kind, in order."""
    empty = _empty_frames()
    return {name: _concat([p.frames[name] for p in packs], empty[name]) for name in FRAMES}


def _batches(todo: list[tuple[int, str | None]], size: int) -> list[list[int]]:
    """Positions in ``todo`` grouped into batches of consecutive input files (at most ``size``): a
    batch never spans a cached file, so packs and cached results go back in input order."""
    out: list[list[int]] = []
    for k, (i, _) in enumerate(todo):
        if out and len(out[-1]) < size and todo[out[-1][-1]][0] == i - 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def mine(paths_or_dir, *, n_jobs: int | None = None, engine: str = "process", cache_dir: str | os.PathLike[str] | None = None,
         progress: bool = True, client=None, limits: Limits = DEFAULT_LIMITS, time_limit: float | None = 120.0,
         out_dir: str | os.PathLike[str] | None = None, batch: int = 500, load: bool = True,
         follow_links: bool = False, regions=None) -> Corpus:
    """Mine every file: figures, problems, audit, one row per article, and the files that failed.

    ``n_jobs`` worker processes (default: all cores); ``engine="dask"`` runs the same work on a
    ``dask.distributed`` cluster (``client=`` yours, or a LocalCluster); ``cache_dir`` caches each
    file's results by content hash and rule-set version; ``time_limit`` seconds per file (None: no
    limit). With ``out_dir``, results stream to parquet parts (``<out_dir>/metrics/part-00000.parquet``
    …, about ``batch`` files a part) and memory stays flat; ``load=False`` then returns empty frames and
    leaves the results on disk (read them with :func:`read_out_dir`). A run replaces whatever an
    earlier run left in ``out_dir`` (see :class:`_PartWriter`): re-runs never duplicate or mix rows.
    Frames are identical whatever ``n_jobs``/``engine``. ``regions`` overrides the detected region
    and period as in :func:`~summary_mining.places.regions.article_info` (a mapping, or a CSV path
    with columns ``file,article,region,period``); results cached without it are not reused.

    Every path with a document suffix under a folder ends in ``documents`` or ``errors``: a named
    pipe, socket, device or dangling link is a :class:`NotAFile` error (never opened), a symbolic
    link leading out of the folder an :class:`OutsideRoot` error unless ``follow_links=True``; a
    file whose worker process dies (twice) is a :class:`WorkerCrashed` error.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}; got {engine!r}")
    entries = _entries(paths_or_dir, follow_links)
    files = [f for f, _ in entries]
    ids = [shown_name(i) for i in doc_ids(files, [r for _, r in entries])]
    n_jobs = (os.cpu_count() or 1) if n_jobs is None else max(1, int(n_jobs))
    regions = _read_override_csv(regions) if isinstance(regions, (str, os.PathLike)) else regions
    cache, cache_off = _usable_cache(Path(cache_dir) / f"regions-{_regions_key(regions)}"
                                     if cache_dir is not None and regions else cache_dir)
    writer = _PartWriter(Path(out_dir), batch, _corpus_key(files, ids)) if out_dir is not None else None
    todo: list[tuple[int, str | None]] = []
    cached: dict[int, FileResult] = {}
    refused = 0
    for i, ((p, root), d) in enumerate(zip(entries, ids)):
        why = _refusal(p, root, follow_links)
        if why is not None:  # settled here: never sent to a worker, never cached
            shown = shown_name(str(p))
            err = why[0](shown, why[1])
            cached[i] = FileResult(shown, d, error={"path": shown, "doc_id": d, "error": type(err).__name__,
                                                    "message": str(err)})
            refused += 1
            continue
        hit, key = _cached(cache, str(p), d)
        if hit is not None:
            cached[i] = hit
        else:
            todo.append((i, key))
    workers = 1 if engine == "process" and n_jobs <= 1 else max(n_jobs, 2)
    groups = _batches(todo, max(1, min(16, len(todo) // (workers * 8))))
    batches = [[(str(files[todo[k][0]]), ids[todo[k][0]], limits, time_limit, cache, regions) for k in g]
               for g in groups]
    stream = _run_dask(batches, client) if engine == "dask" else _run_process(batches, n_jobs)
    bar = _progress(len(todo), progress)
    packs: list[_Pack] = []
    failed = 0

    def emit(pack: _Pack) -> None:
        nonlocal failed
        failed += pack.failed
        if writer is not None:
            writer.add(pack)
        else:
            packs.append(pack)

    run: list[FileResult] = []  # consecutive cached results, packed together
    starts = {todo[g[0]][0]: len(g) for g in groups}
    i = 0
    while i < len(files):  # input order, whether a result came from the cache or a worker
        if i in cached:
            run.append(cached[i])
            i += 1
            if len(run) >= 64:  # bounded, so a cached re-run streams too
                emit(_pack(run))
                run = []
            continue
        if run:
            emit(_pack(run))
            run = []
        pack = next(stream)
        emit(pack)
        if bar is not None:
            bar.update(pack.files)
        i += starts[i]
    if run:
        emit(_pack(run))
    if bar is not None:
        bar.close()
    stats = {"files": len(files), "processed": len(todo) + refused, "cached": len(files) - len(todo) - refused,
             "failed": failed, "n_jobs": n_jobs, "engine": engine}
    if cache_dir is not None:
        stats["cache"] = str(cache) if cache is not None else f"off: {cache_off}"
    if writer is not None:
        writer.finish(stats)
        if load:
            frames = read_out_dir(out_dir)
        else:
            frames = _collect([])
        return Corpus(**frames, stats=stats)
    return Corpus(**_merge(packs), stats=stats)


def _regions_key(regions) -> str:
    """A hash of region overrides (a cache sub-folder per override table)."""
    return hashlib.sha256(repr(sorted((repr(k), repr(v)) for k, v in dict(regions).items())).encode()).hexdigest()[:16]


def _progress(total: int, wanted: bool):
    if not wanted or total < 2 or not (sys.stderr.isatty() or "ipykernel" in sys.modules):  # tqdm.auto: a widget in Jupyter
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, unit="file", desc="summary-mining")
