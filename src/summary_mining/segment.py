"""Chinese word segmentation with jieba — loaded once, used only on short windows around a hit.

>>> [w for w, s, e in tokens("签约12家企业")]
['签约', '12', '家', '企业']
>>> is_boundary("正月十五元宵节", 2)   # 十五 is inside the word 正月十五
False
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import jieba

from .datafiles import data_path
from .errors import RuleError

__all__ = ["tokenizer", "tokens", "is_boundary", "add_user_dict", "token_ending_at", "token_starting_at"]

jieba.setLogLevel(logging.WARNING)
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer with the package's user dictionary (loaded on first use)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                t = jieba.Tokenizer()
                t.initialize()
                t.load_userdict(str(data_path("userdict.txt")))
                _tokenizer = t
    return _tokenizer


#: Texts longer than this are segmented without caching (the cache is for the short windows
#: around figures; a huge text would pin its tokens in memory).
CACHE_MAX_CHARS = 2000


def _user_dict_entries(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """``(word, freq, tag)`` per line of a jieba user dictionary, parsed as data (never executed)."""
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


def add_user_dict(path: str | Path) -> None:
    """Add a jieba user dictionary (``word [freq] [tag]`` per line, UTF-8) to the shared tokenizer.

    The file is read as data; an unreadable or non-UTF-8 file raises :class:`RuleError`.
    """
    entries = _user_dict_entries(path)
    t = tokenizer()
    for word, freq, tag in entries:
        t.add_word(word, freq, tag)
    tokens.cache_clear()


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(tokenizer().tokenize(text, HMM=False))


def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` for each jieba token of a text (cached for short texts)."""
    if len(text) > CACHE_MAX_CHARS:
        return tuple(tokenizer().tokenize(text, HMM=False))
    return _tokens(text)


tokens.cache_clear = _tokens.cache_clear  # type: ignore[attr-defined]
tokens.cache_info = _tokens.cache_info  # type: ignore[attr-defined]


_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _no_word_across(text: str, offset: int) -> bool:
    """True when no jieba token can span ``offset``, so it is a boundary without segmenting.

    jieba (HMM off) joins ``text[k:i+1]`` into one token only when it is a dictionary word, and
    its DAG reaches a word only through prefixes that are keys of ``FREQ``; a token across
    ``offset`` therefore needs ``text[k:offset+1]`` in ``FREQ`` for some ``k < offset``. Runs of
    ASCII letters/digits and ``\r\n`` are merged too, so those are left to jieba.
    """
    if text[offset - 1] in _ASCII_ALNUM and text[offset] in _ASCII_ALNUM or text[offset - 1:offset + 1] == "\r\n":
        return False
    freq = tokenizer().FREQ
    return not any(text[k:offset + 1] in freq for k in range(offset - 1, -1, -1))


def is_boundary(text: str, offset: int) -> bool:
    """True when ``offset`` falls between two jieba tokens of ``text`` (or at either end)."""
    if offset <= 0 or offset >= len(text) or _no_word_across(text, offset):
        return True
    return any(s == offset for _, s, _ in tokens(text))


def token_ending_at(text: str, offset: int) -> str | None:
    """The token of ``text`` that ends exactly at ``offset``, if any."""
    for w, s, e in tokens(text):
        if e == offset:
            return w
    return None


def token_starting_at(text: str, offset: int) -> str | None:
    """The token of ``text`` that starts exactly at ``offset``, if any."""
    for w, s, e in tokens(text):
        if s == offset:
            return w
    return None
