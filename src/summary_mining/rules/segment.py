"""Chinese word segmentation with jieba — loaded once, used only on short windows around a hit.

A :class:`Segmenter` wraps one jieba tokenizer and a cache of the short windows it segmented. The
default one (:meth:`Segmenter.default`) holds jieba's dictionary plus the package's
``data/userdict.txt``; a rule set with a user dictionary gets a segmenter of its own
(:meth:`Segmenter.with_user_dict`), so a custom dictionary never changes what other calls see.

>>> seg = Segmenter.default()
>>> [w for w, s, e in seg.tokens("签约12家企业")]
['签约', '12', '家', '企业']
>>> seg.is_boundary("正月十五元宵节", 2)   # 十五 is inside the word 正月十五
False
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import jieba

from ..datafiles import data_path
from ..errors import RuleError

__all__ = ["Segmenter", "tokens", "CACHE_MAX_CHARS", "user_dict_entries"]

#: Texts longer than this are segmented without caching (the cache is for the short windows
#: around figures; a huge text would pin its tokens in memory).
CACHE_MAX_CHARS = 2000
_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_lock = threading.Lock()


def user_dict_entries(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """``(word, freq, tag)`` per line of a jieba user dictionary, parsed as data (never executed);
    an unreadable or non-UTF-8 file raises :class:`RuleError`."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise RuleError(f"{p}: cannot read user dictionary: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RuleError(f"{p}: user dictionaries must be UTF-8 ({e.reason} at byte {e.start})") from None
    out = []
    for i, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if any(ord(c) < 32 and c != "\t" for c in line):
            raise RuleError(f"{p}: line {i}: control characters in a dictionary entry: {line[:40]!r}")
        m = jieba.re_userdict.match(line)  # jieba's own "word [freq] [tag]" grammar
        word, freq, tag = (m.groups() if m else (line, None, None))
        out.append((word.strip(), int(freq) if freq else None, tag.strip() if tag else None))
    return out


def _quiet_initialize(t: jieba.Tokenizer) -> None:
    """Load jieba's dictionary without its "Building prefix dict" log lines — and without changing the
    level of jieba's logger for the rest of the process."""
    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        t.initialize()
    finally:
        logger.setLevel(level)


class Segmenter:
    """One jieba tokenizer and the boundary questions the rules ask of short windows."""

    _default: "Segmenter | None" = None

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        self.tokenizer = tokenizer
        self._cached = lru_cache(maxsize=65536)(self._tokenize)

    @classmethod
    def default(cls) -> "Segmenter":
        """The process-wide segmenter: jieba's dictionary and the package's user dictionary."""
        if cls._default is None:
            with _lock:
                if cls._default is None:
                    t = jieba.Tokenizer()
                    _quiet_initialize(t)
                    for word, freq, tag in user_dict_entries(data_path("userdict.txt")):
                        t.add_word(word, freq, tag)
                    cls._default = cls(t)
        return cls._default

    @classmethod
    def with_user_dict(cls, path: str | Path) -> "Segmenter":
        """A new segmenter: the default dictionary plus ``path`` (``word [freq] [tag]`` per line)."""
        entries = user_dict_entries(path)
        base = cls.default().tokenizer
        t = jieba.Tokenizer()
        t.FREQ, t.total, t.initialized = dict(base.FREQ), base.total, True  # a copy: the default stays as it is
        for word, freq, tag in entries:
            t.add_word(word, freq, tag)
        return cls(t)

    def _tokenize(self, text: str) -> tuple[tuple[str, int, int], ...]:
        return tuple(self.tokenizer.tokenize(text, HMM=False))

    def tokens(self, text: str) -> tuple[tuple[str, int, int], ...]:
        """``(word, start, end)`` for each jieba token of a text (cached for short texts)."""
        if len(text) > CACHE_MAX_CHARS:
            return self._tokenize(text)
        return self._cached(text)

    def _no_word_across(self, text: str, offset: int) -> bool:
        """True when no jieba token can span ``offset``, so it is a boundary without segmenting.

        jieba (HMM off) joins ``text[k:i+1]`` into one token only when it is a dictionary word, and
        its DAG reaches a word only through prefixes that are keys of ``FREQ``; a token across
        ``offset`` therefore needs ``text[k:offset+1]`` in ``FREQ`` for some ``k < offset``. Runs of
        ASCII letters/digits and ``\\r\\n`` are merged too, so those are left to jieba.
        """
        if text[offset - 1] in _ASCII_ALNUM and text[offset] in _ASCII_ALNUM or text[offset - 1:offset + 1] == "\r\n":
            return False
        freq = self.tokenizer.FREQ
        return not any(text[k:offset + 1] in freq for k in range(offset - 1, -1, -1))

    def is_boundary(self, text: str, offset: int) -> bool:
        """True when ``offset`` falls between two jieba tokens of ``text`` (or at either end)."""
        if offset <= 0 or offset >= len(text) or self._no_word_across(text, offset):
            return True
        return any(s == offset for _, s, _ in self.tokens(text))

    def token_ending_at(self, text: str, offset: int) -> str | None:
        """The token of ``text`` that ends exactly at ``offset``, if any."""
        for w, s, e in self.tokens(text):
            if e == offset:
                return w
        return None

    def token_starting_at(self, text: str, offset: int) -> str | None:
        """The token of ``text`` that starts exactly at ``offset``, if any."""
        for w, s, e in self.tokens(text):
            if s == offset:
                return w
        return None

    def search_tokens(self, text: str) -> list[tuple[str, int, int]]:
        """jieba's search-mode tokens (the dictionary words inside a compound token too)."""
        return list(self.tokenizer.tokenize(text, mode="search", HMM=False))


def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` tokens of ``text`` with the default segmenter."""
    return Segmenter.default().tokens(text)
