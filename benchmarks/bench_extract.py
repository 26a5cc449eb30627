"""Extraction throughput vs baselines measured in the same process (ratios, not absolute times).

usage: python benchmarks/bench_extract.py [--chars 5000000]

Builds a corpus from the seed and ../shared/dev documents repeated to --chars characters, then
reports: extract() vs jieba.lcut over the same text (target >= 10x faster) and extract() vs one
bare regex scan of a plain number pattern (the floor; target within 6x).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import regex

import summary_mining as sm
from summary_mining.segment import tokenizer

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(n_chars: int) -> list[str]:
    texts = [(ROOT / "corpora" / "seed.txt").read_text(encoding="utf-8")]
    dev = ROOT.parent / "shared" / "dev" / "corpus"
    if dev.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))]
    out, total, i = [], 0, 0
    while total < n_chars:
        t = texts[i % len(texts)]
        out.append(t)
        total += len(t)
        i += 1
    return out


def timed(fn, texts) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=5_000_000)
    a = ap.parse_args()
    texts = corpus_texts(a.chars)
    n = sum(map(len, texts))
    tk = tokenizer()
    sm.extract(texts[0])  # warm up: rules compiled, jieba loaded
    plain = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
    t_extract = timed(sm.extract, texts)
    t_jieba = timed(lambda t: tk.lcut(t), texts)
    t_regex = timed(lambda t: sum(1 for _ in plain.finditer(t)), texts)
    print(f"corpus: {len(texts)} documents, {n:,} characters")
    print(f"| measure | seconds | chars/s | ratio |")
    print(f"| --- | ---: | ---: | --- |")
    print(f"| extract() | {t_extract:.2f} | {n / t_extract:,.0f} | 1 |")
    print(f"| jieba.lcut | {t_jieba:.2f} | {n / t_jieba:,.0f} | extract is {t_jieba / t_extract:.1f}x faster (target >= 10x) |")
    print(f"| bare regex number scan | {t_regex:.2f} | {n / t_regex:,.0f} | extract is {t_extract / t_regex:.1f}x slower (target <= 6x) |")


if __name__ == "__main__":
    main()
