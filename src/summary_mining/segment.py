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


def add_user_dict(path: str | Path) -> None:
    """Add a jieba user dictionary (``word [freq] [tag]`` per line) to the shared tokenizer."""
    tokenizer().load_userdict(str(path))
    tokens.cache_clear()


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """``(word, start, end)`` for each jieba token of a short text (cached)."""
    return tuple(tokenizer().tokenize(text, HMM=False))


def is_boundary(text: str, offset: int) -> bool:
    """True when ``offset`` falls between two jieba tokens of ``text`` (or at either end)."""
    if offset <= 0 or offset >= len(text):
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
