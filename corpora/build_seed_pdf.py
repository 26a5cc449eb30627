"""Build ``corpora/seed.pdf``: the seed document (``seed.txt``) typeset like a government PDF.

Run ``python corpora/build_seed_pdf.py`` (needs ``pip install reportlab``; the tests do not: they
read the committed PDF). The output is byte-for-byte reproducible (reportlab's invariant mode).

What the PDF exercises in the reader:

* A4 pages with a running header (``投资促进工作总结6篇`` over a rule) and a ``- N -`` footer;
* every non-blank line of ``seed.txt`` is one paragraph, first line indented by two characters,
  lines justified and broken mid-sentence, numbers kept whole but free to land at a line end
  apart from their unit (``60.07⏎亿元``), paragraphs running on over page breaks;
* article titles (``投资促进工作总结篇N``) centred in a larger size;
* the built-in CID font STSong-Light (not embedded), so the file stays small.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "seed.txt"
TARGET = HERE / "seed.pdf"

FONT = "STSong-Light"
SIZE = 12.0  # body font size (pt)
LEADING = 21.0  # baseline to baseline
PARA_SPACE = 4.0  # extra space before a paragraph
TITLE_SIZE = 15.0
MARGIN_X = 72.0
MARGIN_TOP = 80.0
MARGIN_BOTTOM = 80.0
HEADER = "投资促进工作总结6篇"

# Unbreakable runs: Latin words and numbers with their decimal point, percent, dash, colon.
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%﹪\-:/]*|\s+|.", re.S)
# Characters that may not start a line: they hang in the margin instead (like WPS does).
NO_LINE_START = set("，。、；：？！）》”’,.;:?!)%﹪")
TITLE = re.compile(r"^投资促进工作总结(?:篇\d+|\d+篇)$")


def width(text: str, size: float = SIZE) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def is_wide(token: str) -> bool:
    return len(token) == 1 and ord(token) >= 0x2E80


def wrap(paragraph: str, first_indent: float, column: float) -> list[list[str]]:
    """Greedy line breaking on tokens; closing punctuation may hang past the column."""
    tokens = [t for t in TOKEN.findall(paragraph)]
    lines: list[list[str]] = [[]]
    used = first_indent
    for tok in tokens:
        w = width(tok)
        if lines[-1] and used + w > column and not (tok in NO_LINE_START and used + w <= column + SIZE):
            lines.append([])
            used = 0.0
            if tok.isspace():
                continue
        lines[-1].append(tok)
        used += w
    for line in lines:
        while line and line[-1].isspace():
            line.pop()
    return [line for line in lines if line]


def draw_line(c: Canvas, tokens: list[str], x: float, y: float, column: float, justify: bool) -> None:
    """Draw one line as a single ``TJ`` array; justification widens only gaps next to CJK characters.

    One text object per line (rather than one ``drawString`` per token) also keeps PDFium happy:
    it drops a text object holding a single two-byte glyph of a non-embedded CID font.
    """
    natural = sum(width(t) for t in tokens)
    slack = column - natural
    gaps = {i for i in range(1, len(tokens)) if is_wide(tokens[i - 1]) or is_wide(tokens[i])}
    extra = slack / len(gaps) if justify and gaps and 0 < slack < 4 * SIZE else 0.0
    parts = []
    for i, tok in enumerate(tokens):
        if i in gaps and extra:
            parts.append(f"{-extra * 1000 / SIZE:.3f}")
        parts.append("<" + tok.encode("utf-16-be").hex().upper() + ">")
    font = c._doc.getInternalFontName(FONT)  # the font's resource name, e.g. /F2
    c._code.append(f"BT {font} {SIZE:g} Tf 1 0 0 1 {x:.3f} {y:.3f} Tm [{' '.join(parts)}] TJ ET")


def furniture(c: Canvas, page_no: int, page_w: float, page_h: float) -> None:
    c.setFont(FONT, 9)
    c.drawCentredString(page_w / 2, page_h - 44, HEADER)
    c.setLineWidth(0.6)
    c.line(MARGIN_X, page_h - 50, page_w - MARGIN_X, page_h - 50)
    c.setFont(FONT, 10.5)
    c.drawCentredString(page_w / 2, 40, f"- {page_no} -")


def build(source: Path = SOURCE, target: Path = TARGET) -> int:
    """Typeset ``source`` into ``target``; return the number of pages."""
    rl_config.invariant = 1
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page_w, page_h = A4
    column = page_w - 2 * MARGIN_X
    c = Canvas(str(target), pagesize=A4, pageCompression=1, invariant=1)
    c.setTitle("投资促进工作总结6篇")
    c.setAuthor("Youaremine")
    c.setSubject("summary_mining seed document")
    page_no = 1
    furniture(c, page_no, page_w, page_h)
    y = page_h - MARGIN_TOP

    def new_page() -> None:
        nonlocal page_no, y
        c.showPage()
        page_no += 1
        furniture(c, page_no, page_w, page_h)
        y = page_h - MARGIN_TOP

    for raw in source.read_text(encoding="utf-8").splitlines():
        para = raw.strip()
        if not para:
            continue
        if TITLE.match(para):
            if y - 2 * LEADING < MARGIN_BOTTOM:
                new_page()
            y -= PARA_SPACE + 6
            c.setFont(FONT, TITLE_SIZE)
            c.drawCentredString(page_w / 2, y, para)
            y -= LEADING + 6
            continue
        c.setFont(FONT, SIZE)
        lines = wrap(para, 2 * SIZE, column)
        y -= PARA_SPACE
        for i, tokens in enumerate(lines):
            if y < MARGIN_BOTTOM:
                new_page()
                c.setFont(FONT, SIZE)
            indent = 2 * SIZE if i == 0 else 0.0
            draw_line(c, tokens, MARGIN_X + indent, y, column - indent, justify=i < len(lines) - 1)
            y -= LEADING
    c.showPage()
    c.save()
    return page_no


if __name__ == "__main__":
    pages = build()
    print(f"wrote {TARGET} ({pages} pages, {TARGET.stat().st_size:,} bytes)")
