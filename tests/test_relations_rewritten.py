"""The relations of the development set read from the same documents written otherwise — as real files write them:
traditional script, full-width digits and ％, half-width punctuation, pronunciation glosses after common characters
(mirror sites: 增長(zhǎng)), hard line breaks at a fixed width (a PDF's text, never inside a number), Windows line ends,
a space after every Chinese character (a justified PDF line pads its letters so, 全 市 社 会 保 险 基 金; here the whole
document) and long integers' digits grouped by commas (146,041). Each rewrite keeps the meaning; the share of relations still read with their status is held to a
floor, so a rule that reads only one way of writing fails here.

Measured on the development relations read right as written (3,229 on 2026-12-08, session 29's end; in brackets the
share before session 26's changes, then after it): traditional 3199 (a table's row names now read as the text is,
simplified), full-width 3221 (94.9 %: the tables' finders did
not read full-width digits), half-width punctuation 3228, glosses 3207 (92.9 %, 95.7 %: a gloss inside 萬(wàn)億, after a
count's 個(gè), after a count's noun and in a table's unit hid the figure or its list; then cue words, names and a table's
unit line 单位:萬(wàn)元 — the relations are now read on the document's plain twin), wrapped lines 3155 (96.5 %, 96.9 %:
lists of names broken by a wrap; then a figure's scale or a cue broken from it — the plain twin joins the lines a wrap
breaks), Windows line ends 3229 (98.2 %: a carriage return was no space), letter-spaced 3176 (88.0 %, 92.2 %: units and
scales padded, 370公 里, 3.87万 亿 元, and names before a count were not read; then every cue word — the plain twin drops
the pads), digits grouped by commas 3226 (97.4 %: a table cell of 146,041 was no number).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

import test_relations_gold as T

DATA = Path(__file__).parents[1] / "src" / "summary_mining" / "data"
FLOORS = {"traditional": 0.985, "full_width": 0.99, "half_width_punctuation": 0.995, "glosses": 0.99, "wrapped": 0.975,
          "windows_line_ends": 0.995, "letter_spaced": 0.98, "digits_grouped": 0.995}
#: the glosses a mirror site writes after these characters (the commonest in tests/data/relations/docs)
GLOSSES = {"长": "zhǎng", "产": "chǎn", "经": "jīng", "济": "jì", "业": "yè", "区": "qū", "亿": "yì", "万": "wàn",
           "点": "diǎn", "个": "gè", "计": "jì", "实": "shí", "现": "xiàn", "总": "zǒng", "值": "zhí"}
WRAP_WIDTH = 32  # (a line's width as it is seen: ASCII half a character)
_NUMERIC = set("0123456789.%")
_HALF = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"}


@lru_cache(maxsize=1)
def _to_traditional() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA / "t2s.tsv").read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            trad, simp = line.split("\t")[:2]
            if trad != simp:
                out.setdefault(simp, trad)
    return out


#: an integer of five digits or more, not a year: written with its digits grouped by commas (123,456)
_LONG_INTEGER = re.compile(r"(?<![0-9.,])[0-9]{5,}(?![0-9年])")


def _grouped(text: str) -> tuple[str, list[int]]:
    out, where, n, last = [], [], 0, 0
    for m in _LONG_INTEGER.finditer(text):
        for k in range(last, m.start()):
            where.append(n)
            out.append(text[k])
            n += 1
        head = len(m.group()) % 3 or 3
        for k, ch in enumerate(m.group()):
            if k >= head and (k - head) % 3 == 0:
                out.append(",")
                n += 1
            where.append(n)
            out.append(ch)
            n += 1
        last = m.end()
    for k in range(last, len(text)):
        where.append(n)
        out.append(text[k])
        n += 1
    return "".join(out), where + [n]


def rewrite(text: str, how: str) -> tuple[str, list[int]]:
    """``text`` written ``how``, and where each of its characters went (one offset more: the end)."""
    if how == "digits_grouped":
        return _grouped(text)
    s2t = _to_traditional()
    out, where, n, col = [], [], 0, 0.0
    for i, ch in enumerate(text):
        where.append(n)
        piece = ch
        if how == "traditional":
            piece = s2t.get(ch, ch)
        elif how == "full_width" and (ch.isascii() and ch.isdigit() or ch == "%"):
            piece = chr(ord(ch) + 0xFEE0)
        elif how == "letter_spaced" and "\u4e00" <= ch <= "\u9fff":
            piece = ch + " "  # (a justified PDF line pads its letters: 全 市 社 会 保 险 基 金 支 出)
        elif how == "windows_line_ends" and ch == "\n":
            piece = "\r\n"
        elif how == "half_width_punctuation":
            piece = _HALF.get(ch, ch)
        elif how == "glosses" and ch in GLOSSES:
            piece = f"{s2t.get(ch, ch)}({GLOSSES[ch]})"
        elif how == "wrapped" and ch != "\n" and col >= WRAP_WIDTH and text[i + 1:i + 2] not in ("", "\n") \
                and not (ch in _NUMERIC and i and text[i - 1] in _NUMERIC):
            piece = "\n" + ch
            where[-1] = n + 1
        out.append(piece)
        n += len(piece)
        k = piece.rfind("\n")
        width = sum(0.5 if c.isascii() else 1.0 for c in piece[k + 1:])
        col = width if k >= 0 else col + width
    where.append(n)
    return "".join(out), where


@lru_cache(maxsize=1)
def _read_right() -> dict[str, list[dict]]:
    """The development relations read with their gold status from the documents as written, by document."""
    out: dict[str, list[dict]] = {}
    for g in T.GOLD:
        if T._group(g) != "dev":
            continue
        rows = T._overlapping(T._rows(T._text(g["doc_id"])), g["stated_start"], g["stated_end"])
        if any(r[0] == g["status"] for r in rows):
            out.setdefault(g["doc_id"], []).append(g)
    return out


def test_rewriting_keeps_offsets_and_meaning():
    text = "签约项目10个，履约项目9个，履约率90%。（其中：工业项目6个）"
    for how in FLOORS:
        new, where = rewrite(text, how)
        assert len(where) == len(text) + 1
        start = text.index("90%")
        assert new[where[start]:where[start + 3]].replace("％", "%").replace("９", "9").replace("０", "0") == "90%"
    assert rewrite("增长12.5%", "glosses")[0] == "增長(zhǎng)12.5%"
    assert rewrite("收入123456万元，2023年，12345.67亿元，1234元", "digits_grouped")[0] == "收入123,456万元，2023年，12,345.67亿元，1234元"
    assert rewrite("二〇二五年地区生产总值", "traditional")[0] == "二〇二五年地區生產總值"


@pytest.mark.parametrize("how", list(FLOORS))
def test_relations_hold_when_the_documents_are_written_otherwise(how):
    by_doc = _read_right()
    kept = total = 0
    for doc, golds in by_doc.items():
        new, where = rewrite(T._text(doc), how)
        rows = T._rows(new)
        for g in golds:
            total += 1
            kept += any(r[0] == g["status"] for r in T._overlapping(rows, where[g["stated_start"]], where[g["stated_end"]]))
    assert total >= 3000
    assert kept / total >= FLOORS[how], f"{how}: {kept}/{total} = {kept / total:.3f}"
