"""The lookups item splitting asks of a document's structure: which line breaks end a paragraph
(hard) and which only wrap a line, statements and clauses cut to a span, and span trimming.

>>> import summary_mining as sm
>>> doc = sm.read_document(text="存在问题：\\n资金不足，人才缺乏。\\n用地紧张。\\n")
>>> layout = Layout(doc)
>>> [doc.text[s:e] for s, e in layout.sentence_spans(6, len(doc.text))]
['资金不足，人才缺乏。', '用地紧张。']
>>> trim("，资金不足；", 0, 6)
(1, 5)
"""
from __future__ import annotations

import bisect

from ..model import Document

__all__ = ["Layout", "trim", "trimmed", "LEAD"]

_TRAIL = "，,；;、：: \t\r\n\u3000"
#: Characters an item never starts with (a marker's leftovers, separators, blanks).
LEAD = "：:，,、.．） \t\r\n\u3000"
#: A cue's clause is looked for at most this many characters back (for ``cues.exclude``).
_CLAUSE_WINDOW = 200


class Layout:
    """The document's lines and paragraph ends (its structure), with the lookups item splitting asks:
    which line breaks end a paragraph (hard) and which only wrap a line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = doc.lines
        self.line_starts = [s for s, _ in self.lines]
        hard, k, paras = [], 0, doc.paragraphs
        for _, e in self.lines[:-1]:  # the line break at e is soft only inside a paragraph
            while k < len(paras) and paras[k].end <= e:
                k += 1
            if not (k < len(paras) and paras[k].start <= e):
                hard.append(e)
        self.hard = hard  # sorted offsets of hard line breaks

    def line_index(self, pos: int) -> int:
        return self.doc.line_index(pos)

    def line_start(self, pos: int) -> int:
        return self.lines[self.line_index(pos)][0]

    def at_line_start(self, pos: int) -> bool:
        ls, text = self.line_start(pos), self.text
        while pos > ls and text[pos - 1].isspace():
            pos -= 1
        return pos <= ls

    def para_end(self, pos: int, limit: int) -> int:
        """End of the paragraph holding ``pos`` (the first hard break at or after it), at most ``limit``."""
        i = bisect.bisect_left(self.hard, pos)
        return min(self.hard[i], limit) if i < len(self.hard) else limit

    def has_hard_break(self, a: int, b: int) -> bool:
        """True when a hard break with text on both sides lies inside ``[a, b)``."""
        text = self.text
        first, last = a, b - 1
        while first < b and text[first].isspace():
            first += 1
        while last > first and text[last].isspace():
            last -= 1
        i = bisect.bisect_right(self.hard, first)
        return i < len(self.hard) and self.hard[i] < last

    def para_starts(self, a: int, b: int, first_only: bool = False) -> list[int]:
        """Starts (first non-space) of the paragraphs that begin after a hard break inside ``[a, b)``."""
        out: list[int] = []
        text = self.text
        i = bisect.bisect_left(self.hard, a)
        reached = -1  # every position in [.., reached) has been skipped as blank already
        while i < len(self.hard) and self.hard[i] < b:
            p = max(self.hard[i] + 1, reached)
            while p < b and text[p].isspace():
                p += 1
            reached = p
            if p < b and (not out or out[-1] != p):
                out.append(p)
                if first_only:
                    return out
            i += 1
        return out

    def first_sentence_end(self, s: int, limit: int) -> int:
        """End of the full sentence (to 。！？) that starts at ``s``, at most ``limit``."""
        return min(self.doc.stop_span(s)[1], limit)

    def sentence_spans(self, a: int, b: int) -> list[tuple[int, int]]:
        """The document's statements (split after 。！？； and at paragraph ends) cut to ``[a, b)``."""
        doc = self.doc
        i = max(doc.sentence_index(a), 0)
        out = []
        while i < len(doc.sentences) and doc.sentences[i].start < b:
            st = doc.sentences[i]
            if st.end > a:
                out.append((max(st.start, a), min(st.end, b)))
            i += 1
        return trimmed(self.text, out)

    def clause_spans(self, a: int, b: int, separators: str) -> list[tuple[int, int]]:
        """Clauses of ``[a, b)`` at the document's clause ends that follow one of ``separators``
        (the separators left out)."""
        out, s = [], a
        for c in self.doc.clause_cuts_between(a, b):
            if self.text[c - 1] in separators:
                out.append((s, c - 1))
                s = c
        out.append((s, b))
        return trimmed(self.text, out)

    def full_stop_in(self, a: int, b: int) -> bool:
        """True when a full sentence ends inside ``(a, b]`` (a 。！？ within one paragraph)."""
        i = bisect.bisect_right(self.doc.stops, a)
        return i < len(self.doc.stops) and self.doc.stops[i] <= b and not self.has_hard_break(a, self.doc.stops[i])

    def statement_start(self, pos: int) -> int:
        """Start of the statement holding ``pos`` (at most :data:`_CLAUSE_WINDOW` characters back)."""
        i = self.doc.sentence_index(pos)
        start = self.doc.sentences[i].start if i >= 0 and self.doc.sentences[i].end >= pos else pos
        return max(start, pos - _CLAUSE_WINDOW)

def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in LEAD:
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e

def trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with surrounding blanks trimmed; spans left empty are dropped."""
    out = []
    for x, y in spans:
        x, y = trim(text, x, y)
        if y > x:
            out.append((x, y))
    return out
