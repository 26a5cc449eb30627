"""All errors the library raises on purpose, in one place.

Every error about a file names the file and the reason, so that a corpus run can record it
(``path, error type, message``) and go on.

>>> err = NoTextLayerError("报告.pdf", "no text layer (scanned images?)")
>>> str(err)
'报告.pdf: no text layer (scanned images?)'
>>> isinstance(err, ReadError) and isinstance(err, SummaryMiningError)
True
"""
from __future__ import annotations

__all__ = [
    "SummaryMiningError",
    "ReadError",
    "DocumentNotFoundError",
    "UnsupportedFormatError",
    "EncodingError",
    "NoTextLayerError",
    "FileTooLargeError",
    "TimeLimitError",
    "RuleError",
    "RuleTimeoutError",
    "NotAFile",
    "OutsideRoot",
    "WorkerCrashed",
    "CacheWarning",
]


class SummaryMiningError(Exception):
    """Base class of every error raised by summary_mining."""


class ReadError(SummaryMiningError):
    """A document could not be read. ``path`` names it, ``reason`` says why."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # keep the two-argument form picklable (process pools)
        return (type(self), (self.path, self.reason))


class DocumentNotFoundError(ReadError, FileNotFoundError):
    """A path that names no file. Strings and paths are always paths: literal text goes in through
    ``text=`` (``sm.extract(text="签约项目10个")``).

    >>> err = DocumentNotFoundError("data/report", "no such file (for literal text use text=...)")
    >>> isinstance(err, FileNotFoundError), isinstance(err, ReadError)
    (True, True)
    """


class UnsupportedFormatError(ReadError):
    """The file is not a format we read (.txt/.md, .docx, .pdf)."""


class EncodingError(ReadError):
    """A text file is binary or in no encoding we can recognise."""


class NoTextLayerError(ReadError):
    """A PDF has no usable text layer (scanned pages, or ``(cid:NN)`` glyph garbage)."""


class FileTooLargeError(ReadError):
    """A file (or the content it unpacks to) exceeds a configured limit."""


class TimeLimitError(ReadError):
    """Reading or mining one file took longer than the corpus run's per-file time limit."""


class RuleError(SummaryMiningError, ValueError):
    """A rule or lexicon data file is malformed; the message says which file and entry."""


class RuleTimeoutError(SummaryMiningError):
    """A rule's pattern ran longer than :data:`summary_mining.datafiles.MATCH_TIMEOUT` on one document.

    ``path`` names the document (its source file, or its ``doc_id`` for text), ``reason`` the rule.
    Raised instead of the ``regex`` module's bare :class:`TimeoutError`.

    >>> err = RuleTimeoutError("报告.txt", "rule 'figure pattern' timed out")
    >>> str(err), isinstance(err, SummaryMiningError)
    ("报告.txt: rule 'figure pattern' timed out", True)
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


class NotAFile(ReadError):
    """A path of a corpus run that is no regular file: a named pipe, socket or device (never
    opened, so it cannot block the run), a folder, or a symbolic link to nothing."""


class OutsideRoot(ReadError):
    """A symbolic link under a folder given to :func:`~summary_mining.corpus.mine` that leads outside
    it: not followed unless ``mine(..., follow_links=True)``."""


class WorkerCrashed(ReadError):
    """The worker process died on this file, twice (see :func:`~summary_mining.corpus.mine`)."""


class CacheWarning(UserWarning):
    """``mine(cache_dir=...)`` cannot use that folder: the run goes on without a cache."""
