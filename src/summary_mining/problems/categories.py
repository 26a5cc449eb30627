"""Categories (lexicon keywords on jieba word boundaries) and TF-IDF keywords of a problem item.

>>> categorize("征地拆迁困难")
['土地']
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import jieba
import regex

from ..rules.segment import CACHE_MAX_CHARS, Segmenter
from .rules import ProblemRules, category_lexicon, problem_rules
from ..datafiles import code_pattern

__all__ = ["categorize", "keywords_of"]


def _search_boundaries(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Start and end offsets of the jieba words of ``text``, including the dictionary words inside a
    compound token (search mode: 资金不足 -> 资金 / 不足 / 资金不足)."""
    toks = Segmenter.default().search_tokens(text)
    return frozenset(s for _, s, _ in toks), frozenset(e for _, _, e in toks)


_word_boundaries = lru_cache(maxsize=4096)(_search_boundaries)


def _boundaries(text: str) -> tuple[frozenset[int], frozenset[int]]:
    # a huge item (a problem section of one endless line) is segmented once, not kept in the cache
    return _search_boundaries(text) if len(text) > CACHE_MAX_CHARS else _word_boundaries(text)


def categorize(text: str, lexicon: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    """Categories whose keywords line up with jieba token boundaries of ``text`` (lexicon order).

    >>> categorize("企业投资信心不足、融资困难")
    ['资金', '外部环境']
    >>> categorize("征地拆迁困难")
    ['土地']
    """
    lex = category_lexicon() if lexicon is None else lexicon
    if not text:
        return []
    starts, ends = _boundaries(text)
    out = []
    for cat, words in lex.items():
        for w in words:
            i = text.find(w)
            hit = False
            while i >= 0:
                if i in starts and i + len(w) in ends:
                    hit = True
                    break
                i = text.find(w, i + 1)
            if hit:
                out.append(cat)
                break
    return out


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (``jieba/analyse/idf.txt``: ``word idf`` a line) and its median, as
    ``jieba.analyse.default_tfidf`` has them, read directly: importing ``jieba.analyse`` also
    loads the part-of-speech dictionary (~1 s) that keywords do not need."""
    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    words = path.read_text(encoding="utf-8").split()
    idf = dict(zip(words[0::2], map(float, words[1::2])))
    return idf, sorted(idf.values())[len(idf) // 2]


_WORDLIKE = code_pattern(r"^[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]*$")


def keywords_of(text: str, top: int | None = None, rules: ProblemRules | None = None) -> list[str]:
    """The ``top`` most salient jieba terms of ``text`` by TF-IDF (ties keep text order).

    >>> keywords_of("资金短缺、融资难仍然是制约园区发展的瓶颈。", 3)
    ['资金短缺', '融资难', '园区']
    """
    rules = rules or problem_rules()
    top = rules.top_keywords if top is None else top
    if top <= 0 or not text:
        return []
    idf, median = _idf()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for w, s, _ in Segmenter.default().tokens(text):
        if len(w) < rules.keyword_min_chars or w in rules.stop_words or not _WORDLIKE.match(w):
            continue
        if "x" in w.lower() and not regex.search(r"\p{Han}", w):
            continue
        counts[w] += 1
        first.setdefault(w, s)
    ranked = sorted(counts, key=lambda w: (-counts[w] * idf.get(w, median), first[w]))
    return ranked[:top]
