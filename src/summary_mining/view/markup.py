"""Markup from boundary events: marks (spans of the text to wrap) woven into escaped text in one pass."""
from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass
from typing import Mapping, Sequence

__all__ = ["BLOCK", "TABLE", "ROW", "CELL", "HEADING", "PROBLEM", "EVIDENCE", "FIGURE", "SEPARATOR", "Mark", "weave",
           "Snapper", "attr", "escape", "tag"]

# Layers, outermost first. A span of a lower layer is never opened inside one of a higher layer.
# A table's rows and cells sit between the blocks and the headings; a cell's separator (its tab
# or line break, hidden) is innermost.
BLOCK, TABLE, ROW, CELL, HEADING, PROBLEM, EVIDENCE, FIGURE, SEPARATOR = range(9)


def attr(s: str) -> str:
    return html.escape(s, quote=True)


def escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tag(name: str, attrs: Mapping[str, str | None]) -> str:
    parts = [name] + [f'{k}="{attr(v)}"' for k, v in attrs.items() if v is not None]
    return "<" + " ".join(parts) + ">"


# ---------------------------------------------------------------------------------------------
# markup from boundary events
@dataclass(frozen=True)
class Mark:
    """A span of the text to wrap: ``open`` + text[start:end] + ``close``.

    ``cont`` opens a continuation fragment when an outer span closes or opens inside this one
    (it never carries ``data-kind``, so a split span is still counted once). Lower ``layer``
    values are outer.
    """

    start: int
    end: int
    layer: int
    open: str
    close: str
    cont: str


def weave(text: str, marks: Sequence[Mark]) -> str:
    """Escaped ``text`` with every mark's tags inserted; always well formed, one pass.

    Marks are opened outer layer first at equal offsets (longer first within a layer); when a
    span ends while spans inside it are still open, those are closed and reopened (``cont``)
    after it; a span opening on an outer layer than the innermost open span closes and reopens
    the inner ones around itself, so the stack of open elements is always ordered by layer. A
    reopened fragment is written only when text or an inner element follows (no empty
    fragments, none between the rows and cells of a table). O(n + m log m) for n characters
    and m marks.

    >>> weave("a<b", [Mark(0, 3, BLOCK, "<div>", "</div>", "<div>"), Mark(1, 2, FIGURE, "<i>", "</i>", "<i>")])
    '<div>a<i>&lt;</i>b</div>'
    """
    n = len(text)
    opens = sorted((m for m in marks if 0 <= m.start < m.end <= n), key=lambda m: (m.start, m.layer, -m.end))
    points = sorted({m.start for m in opens} | {m.end for m in opens})
    out: list[str] = []
    stack: list[list] = []  # [mark, written]: a fragment not yet written is reopened lazily

    def flush() -> None:
        for entry in stack:
            if not entry[1]:
                out.append(entry[0].cont)
                entry[1] = True

    def close(entries: list[list]) -> None:
        out.extend(e[0].close for e in reversed(entries) if e[1])

    pos = oi = 0
    for p in points:
        if p > pos:
            flush()
            out.append(escape(text[pos:p]))
            pos = p
        low = next((i for i, e in enumerate(stack) if e[0].end <= p), None)
        if low is not None:
            popped = stack[low:]
            del stack[low:]
            close(popped)
            stack.extend([e[0], False] for e in popped if e[0].end > p)
        while oi < len(opens) and opens[oi].start == p:
            m = opens[oi]
            oi += 1
            j = len(stack)
            while j > 0 and stack[j - 1][0].layer > m.layer:
                j -= 1
            inner = stack[j:]
            del stack[j:]
            close(inner)
            flush()
            out.append(m.open)
            stack.append([m, True])
            stack.extend([e[0], False] for e in inner)
    if pos < n:
        flush()
        out.append(escape(text[pos:]))
    close(stack)
    return "".join(out)


class Snapper:
    """Moves a boundary that falls strictly inside a figure to that figure's edge."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.cover: list[int] = []  # running max of ends: a position < cover[i] may be inside
        top = -1
        for _, e in spans:
            top = max(top, e)
            self.cover.append(top)
        self.spans = spans

    def _inside(self, x: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, x - 1) - 1  # figures starting before x
        if i < 0 or self.cover[i] <= x:
            return None
        while i >= 0 and self.cover[i] > x:
            s, e = self.spans[i]
            if s < x < e:
                return s, e
            i -= 1
        return None

    def left(self, x: int) -> int:
        while (f := self._inside(x)) is not None:
            x = f[0]
        return x

    def right(self, x: int) -> int:
        while (f := self._inside(x)) is not None:
            x = f[1]
        return x

    def span(self, s: int, e: int) -> tuple[int, int]:
        return self.left(s), self.right(e)
