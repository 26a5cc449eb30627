"""Slogans of counts explained after them: “一减两稳五增”（“一减”：减少玉米种植面积；“两稳”：稳定花生和烤烟种植面积；
“五增”：增加水稻、…种植面积）; “八增长两收窄”特点（GDP实现1.5%的正增长、…、规上工业和地方财政收入降幅同比收窄）.

A quoted slogan made of two or more counts, each a numeral and a word (``[explained_slogan]`` of
``data/relations.toml``), counts the items its explanation lists for each word:

* each count quoted again with a colon after the slogan, in its paragraph (“两稳”：稳定花生和烤烟种植面积): the items listed
  to the next statement break;
* else a bracket right after the slogan (a few words between: 特点): the items ending with the count's word (…正增长、
  …同步增长 for 增长).

Items are cut at 、 and at the joining words (花生和烤烟: two). Read only when as many (the names of an explanation are
not always cut where the count cuts them), as the other counts written as words.

>>> import summary_mining as sm
>>> text = "种植结构优化，“一减两稳”（“一减”：减少玉米种植面积；“两稳”：稳定花生和烤烟种植面积）。"
>>> sm.audit(text=text)["message"].tolist()
['一减，列出1项（减少玉米种植面积）一致', '两稳，列出2项（稳定花生、烤烟种植面积）一致']
"""
from __future__ import annotations

from ..datafiles import rx_finditer, rx_match
from .context import Context
from .context import make_relation as _rel
from .record import Relation
from .word_counts import numeral_count

__all__ = ["find_explained_slogans"]

#: How far after a slogan its explanation may stand (characters, in its paragraph).
EXPLANATION_WINDOW = 300


def _items(text: str, lo: int, hi: int, joiners: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the items listed in ``text[lo:hi]``: cut at 、 and at each joining word."""
    cuts = [lo]
    for k in range(lo, hi):
        if text[k] == "、":
            cuts += [k, k + 1]
        else:
            w = next((w for w in joiners if text.startswith(w, k) and k + len(w) < hi), None)
            if w is not None and k > cuts[-1]:
                cuts += [k, k + len(w)]
    cuts.append(hi)
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if text[a:b].strip()]


def find_explained_slogans(ctx: Context) -> list[Relation]:
    """A ``count_of`` for each count of a quoted slogan of counts whose explanation lists as many items."""
    rule = ctx.rules.explained_slogan
    if rule is None:
        return []
    text = ctx.text
    out: list[Relation] = []
    for m in rx_finditer(rule.slogan, text):
        parts = [(p.start(), p.end(), p.group("n"), p.group("word")) for p in rx_finditer(rule.part, text, m.start(1), m.end(1))]
        if len(parts) < 2 or parts[-1][1] != m.end(1):
            continue
        para = ctx.doc.paragraph_at(m.start())
        hi = min(para.end if para is not None else len(text), m.end() + EXPLANATION_WINDOW)
        bracket = rx_match(rule.bracket, text, m.end(), min(hi, m.end() + rule.bracket_gap + 1))
        for start, end, numeral, word in parts:
            n = numeral_count(numeral, rule.numerals)
            if n is None:
                continue
            quoted = text.find(f"“{numeral}{word}”", m.end(), hi)
            if quoted >= 0 and text[quoted + len(numeral) + len(word) + 2:][:1] in "：:":
                lo = quoted + len(numeral) + len(word) + 3
                stop = next((k for k in range(lo, hi) if text[k] in rule.item_stops), hi)
                items = _items(text, lo, stop, rule.joiners)
            elif bracket is not None:
                lo = bracket.end()
                close = text.find("）", lo, hi)
                segments = _items(text, lo, close if close >= 0 else hi, ("、",))
                items = [s for a, b in segments if text[a:b].rstrip().endswith(word)
                         for s in _items(text, a, b, rule.joiners)]
            else:
                continue
            if len(items) == n:
                out.append(_rel(ctx, "count_of", "enumeration", ctx.count_record(start, end, n), [], firm=False, cue="",
                                items=[(a, b, ctx.written[a:b]) for a, b in items]))
    return out
