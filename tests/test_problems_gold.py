"""Character precision and recall of :func:`summary_mining.extract_problems` on real documents.

The set in ``tests/data/problems/`` (25 real 政府工作报告 and summaries, 134 hand-marked items, see its
README.md and SOURCES.tsv) has a fixed split: ``dev`` may be used to tune rules, ``setaside`` may not.
Scores are over characters of problem text (punctuation and whitespace not counted): precision is the
share of extracted characters that lie in a hand-marked item, recall the share of hand-marked characters
that are extracted. E.g. gold 「内需动能不足」 and extracted 「内需动能不足。」 score 1.0/1.0.
"""
from __future__ import annotations

import csv
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

import summary_mining as sm

DATA = Path(__file__).parent / "data" / "problems"

# Floors at the scores reached; dev is tuned on, setaside is reported, never tuned on.
# Before the prose rules (issue #19 item 2): dev P 0.596 R 0.515, setaside P 0.915 R 0.769.
# After: dev P 1.000 R 0.950, setaside P 0.937 R 0.769; a problem that waits to be solved (急需解决) is
# one: dev R 0.955. A statement naming a missed target right before the cue (…指标未能如期完成。我们清醒认识到，…)
# is one: dev R 0.971, setaside unchanged (P 0.937 R 0.769); the whole set P 0.983 R 0.909.
FLOORS = {"dev": (0.99, 0.97), "setaside": (0.93, 0.76)}


def _counted(ch: str) -> bool:
    return not (ch.isspace() or unicodedata.category(ch).startswith("P"))


@lru_cache(maxsize=None)
def _split() -> dict[str, str]:
    with open(DATA / "SOURCES.tsv", encoding="utf-8", newline="") as f:
        return {r["doc_id"]: r["split"] for r in csv.DictReader(f, delimiter="\t")}


@lru_cache(maxsize=None)
def _gold() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {d: [] for d in _split()}
    with open(DATA / "problems.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[r["doc_id"]].append(r)
    return out


def _text(doc_id: str) -> str:
    return (DATA / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")


def _chars(text: str, spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if _counted(text[i])}


@lru_cache(maxsize=None)
def _doc_counts(doc_id: str) -> tuple[int, int, int]:
    """(true positive, extracted, gold) counted characters of one document."""
    text = _text(doc_id)
    gold = _chars(text, [(r["start"], r["end"]) for r in _gold()[doc_id]])
    df = sm.extract_problems(text=text)
    pred = _chars(text, zip(df["start"], df["end"]))
    return len(gold & pred), len(pred), len(gold)


def scores(split: str) -> tuple[float, float]:
    tp = n_pred = n_gold = 0
    for d, s in _split().items():
        if s == split:
            a, b, c = _doc_counts(d)
            tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
    return (tp / n_pred if n_pred else 1.0), tp / n_gold


def test_gold_offsets_match_documents():
    for d, rows in _gold().items():
        text = _text(d)
        for r in rows:
            assert text[r["start"]:r["end"]] == r["surface"], (d, r["start"])


def test_split_is_fixed():
    splits = list(_split().values())
    assert (splits.count("dev"), splits.count("setaside")) == (15, 10)


@pytest.mark.parametrize("split", ["dev", "setaside"])
def test_problem_characters(split):
    p, r = scores(split)
    print(f"{split}: precision {p:.3f} recall {r:.3f}")
    floor_p, floor_r = FLOORS[split]
    assert p >= floor_p and r >= floor_r, (split, round(p, 3), round(r, 3))


def test_whole_set_meets_the_goal():
    """Issue #19's goal over the whole set (dev and set aside together): precision >= 0.95, recall >= 0.90.
    The set-aside half alone is lower (its floor above) and is reported, never tuned on."""
    tp = n_pred = n_gold = 0
    for d in _split():
        a, b, c = _doc_counts(d)
        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
    assert tp / n_pred >= 0.95 and tp / n_gold >= 0.90, (round(tp / n_pred, 3), round(tp / n_gold, 3))


@lru_cache(maxsize=None)
def _government_calls(split: str) -> tuple[int, int, int]:
    """(hit, predicted, gold) rows for the category 政府自身建设 among the extracted rows that overlap a
    hand-marked item: gold when one of those items is marked about_government."""
    hit = n_pred = n_gold = 0
    for d, s in _split().items():
        if s != split:
            continue
        df = sm.extract_problems(text=_text(d))
        for start, end, cats in zip(df["start"], df["end"], df["categories"]):
            items = [r for r in _gold()[d] if r["start"] < end and start < r["end"]]
            if not items:
                continue
            gold, pred = any(r["about_government"] for r in items), "政府自身建设" in cats
            hit, n_pred, n_gold = hit + (gold and pred), n_pred + pred, n_gold + gold
    return hit, n_pred, n_gold


@pytest.mark.parametrize("split, floor", [("dev", 0.9), ("setaside", 0.9)])
def test_items_about_the_government_get_their_category(split, floor):
    # measured: dev 13 of 13 found, 1 of 14 calls wrong (部分干部思想观念 in a list of bottlenecks);
    # setaside 7 of 7, no wrong call
    hit, n_pred, n_gold = _government_calls(split)
    assert n_gold >= 7
    assert hit / n_gold >= floor and hit / n_pred >= floor, (hit, n_pred, n_gold)


if __name__ == "__main__":  # python tests/test_problems_gold.py: per-document table
    for d, s in sorted(_split().items(), key=lambda x: (x[1], x[0])):
        a, b, c = _doc_counts(d)
        print(f"{s:9} {d}  P {a / b if b else 1:.3f}  R {a / c if c else 1:.3f}  pred {b:5}  gold {c:5}")
    for s in ("dev", "setaside"):
        print(s, "P %.3f R %.3f" % scores(s))
