"""The marks of a view: blocks, headings, tables, problem items, audit evidence and figures."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..model import Document
from .markup import BLOCK, EVIDENCE, FIGURE, HEADING, PROBLEM, TABLE, Mark, Snapper, tag
from .prepare import Prepared, evidence_id, worst
from .tables import table_marks
from .values import DIRECTION_NAMES, KIND_NAMES, ROLE_NAMES, STATUS_NAMES, cell_text, flag, format_value, human, number, scaled

__all__ = ["CHUNK_CHARS", "all_marks", "figure_mark", "problem_mark", "evidence_mark", "heading_marks", "block_marks"]

#: Blocks of text are cut at the first line break after this many characters (browsers skip
#: laying out off-screen blocks: ``content-visibility: auto``).
CHUNK_CHARS = 6000


# ---------------------------------------------------------------------------------------------
# marks
def figure_tip(f: dict[str, Any], prep: Prepared, finding_ids: list[int]) -> str:
    kind = f["kind"]
    lines = [f"{KIND_NAMES.get(kind, kind)}  {cell_text(f['surface'])}"]
    v, unit = number(f["value"]), cell_text(f["unit"])
    if flag(f["redacted"]):
        lines.append(f"数值  （已隐去）{unit}")
    elif v is not None:
        sc = scaled(v) if unit not in ("%", "‰", "个百分点") else ""
        lines.append(f"数值  {human(v)} {unit}" + (f"（{sc}{unit}）" if sc else ""))
    else:
        lo, hi = number(f["low"]), number(f["high"])
        rng = "–".join(human(x) if x is not None else "?" for x in (lo, hi))
        lines.append(f"区间  {rng} {unit}")
    for key, name in (("label", "标签"), ("indicator", "指标"), ("qualifier", "修饰")):
        if cell_text(f[key]):
            lines.append(f"{name}  {cell_text(f[key])}")
    extra = [ROLE_NAMES.get(cell_text(f["role"]), cell_text(f["role"])), DIRECTION_NAMES.get(cell_text(f["direction"]), ""),
             cell_text(f["currency"]), "名称内" if flag(f["in_name"]) else ""]
    if any(extra):
        lines.append("角色  " + " · ".join(x for x in extra if x))
    for i in finding_ids:
        fd = prep.findings[i]
        mark = "⚠ " if fd.status == "inconsistent" else ""
        lines.append(f"{mark}审计·{STATUS_NAMES.get(fd.status, fd.status)}：{fd.message}")
    return "\n".join(lines)


def figure_mark(f: dict[str, Any], prep: Prepared) -> Mark:
    span = (f["start"], f["end"])
    finding_ids = prep.fig_findings.get(span, [])
    redacted = flag(f["redacted"])
    value = number(f["value"])
    classes = ["sm-fig", f"sm-{f['kind']}"]
    if redacted:
        classes.append("sm-redacted")
    elif value is None:
        classes.append("sm-range")
    if flag(f["in_name"]):
        classes.append("sm-in-name")
    status = worst(prep, finding_ids) if finding_ids else None
    if status:
        classes.append(f"sm-audit-{status}")
    low, high = number(f["low"]), number(f["high"])
    attrs: dict[str, str | None] = {
        "class": " ".join(classes),
        "id": prep.fig_ids.get(span),
        "data-kind": f["kind"],
        "data-value": "" if redacted else format_value(value),
        "data-unit": cell_text(f["unit"]),
        "data-start": str(f["start"]),
        "data-end": str(f["end"]),
        "data-label": cell_text(f["label"]) or None,
        "data-indicator": cell_text(f["indicator"]) or None,
        "data-qualifier": cell_text(f["qualifier"]) or None,
        "data-role": cell_text(f["role"]) or None,
        "data-low": format_value(low) if value is None and low is not None and not redacted else None,
        "data-high": format_value(high) if value is None and high is not None and not redacted else None,
        "data-audit": status,
        "data-findings": " ".join(str(i) for i in finding_ids) or None,
        "data-tip": figure_tip(f, prep, finding_ids),
    }
    cls = "sm-fig-cont sm-" + f["kind"]
    return Mark(span[0], span[1], FIGURE, tag("span", attrs), "</span>", f'<span class="{cls}">')


def problem_mark(p: dict[str, Any], prep: Prepared, snap: Snapper) -> Mark:
    s, e = snap.span(p["start"], p["end"])
    cats = [str(c) for c in p["categories"]] if isinstance(p["categories"], (list, tuple)) else []
    kws = [str(c) for c in p["keywords"]] if isinstance(p["keywords"], (list, tuple)) else []
    item = cell_text(p["item"])
    tip = f"问题 {item}" + (f"（{'、'.join(cats)}）" if cats else "")
    if kws:
        tip += "\n关键词  " + "、".join(kws)
    attrs = {"class": "sm-problem", "id": f"{prep.vid}-p{p['start']}", "data-kind": "problem",
             "data-value": "", "data-unit": "", "data-start": str(p["start"]), "data-end": str(p["end"]),
             "data-item": item or None, "data-categories": " ".join(cats) or None, "data-tip": tip}
    return Mark(s, e, PROBLEM, tag("span", attrs), "</span>", '<span class="sm-problem sm-cont">')


def evidence_mark(span: tuple[int, int], ids: list[int], prep: Prepared, snap: Snapper) -> Mark:
    status = worst(prep, ids)
    s, e = snap.span(*span)
    tip = "\n".join(f"审计·{STATUS_NAMES.get(prep.findings[i].status, '')}：{prep.findings[i].message}" for i in ids)
    attrs = {"class": f"sm-ev sm-audit-{status}", "id": evidence_id(prep, span), "data-audit": status,
             "data-start": str(span[0]), "data-end": str(span[1]),
             "data-findings": " ".join(map(str, ids)), "data-tip": tip}
    return Mark(s, e, EVIDENCE, tag("span", attrs), "</span>", f'<span class="sm-ev sm-audit-{status} sm-cont">')


def heading_marks(doc: Document, vid: str, snap: Snapper, notes: set[int] | frozenset[int] = frozenset()) -> list[Mark]:
    """Article titles and section headings (notes, ``notes``, are not headings)."""
    out = []
    text = doc.text
    for a in doc.articles:
        end = a.start + len(a.title)
        if a.title and text[a.start:end] == a.title:
            s, e = snap.span(a.start, end)
            out.append(Mark(s, e, HEADING, '<span class="sm-heading sm-h0">', "</span>",
                            '<span class="sm-heading sm-h0">'))
    for i, sec in enumerate(doc.sections):
        if i in notes:
            continue
        s, e = snap.span(sec.start, max(sec.title_end, sec.start + 1))
        cls = f"sm-heading sm-h{min(max(sec.level, 1), 4)}"
        out.append(Mark(s, e, HEADING, f'<span class="{cls}" id="{vid}-s{i}">', "</span>", f'<span class="{cls}">'))
    return out


def block_marks(doc: Document, vid: str, snap: Snapper, keep: list[tuple[int, int]] | None = None) -> list[Mark]:
    """Blocks covering the text: one per article (and the preamble), long ones cut at line breaks
    outside the spans ``keep`` (tables stay whole)."""
    text, n = doc.text, len(doc.text)
    keep = sorted(keep or [])
    keep_starts = [s for s, _ in keep]
    cuts = {0, n}
    art_at: dict[int, int] = {}
    for a in doc.articles:
        s = snap.left(max(0, min(a.start, n)))
        cuts.add(s)
        cuts.add(snap.left(max(0, min(a.end, n))))
        art_at.setdefault(s, a.index)
    bounds = sorted(cuts)
    for s, e in zip(bounds, bounds[1:]):
        p = s + CHUNK_CHARS
        while p < e:
            nl = text.find("\n", p, e)
            if nl < 0:
                break
            cut = snap.right(nl + 1)
            k = bisect_right(keep_starts, cut - 1) - 1
            if k >= 0 and keep[k][0] < cut < keep[k][1]:
                cut = keep[k][1]
            if cut < e:
                cuts.add(cut)
            p = cut + CHUNK_CHARS
    bounds = sorted(cuts)
    marks = []
    for s, e in zip(bounds, bounds[1:]):
        attrs: dict[str, str | None] = {"class": "sm-block"}
        if s in art_at:
            attrs = {"class": "sm-block sm-art", "id": f"{vid}-a{art_at[s]}", "data-article": str(art_at[s])}
        elif s == 0:
            attrs = {"class": "sm-block sm-art sm-preamble", "id": f"{vid}-a0", "data-article": "0"}
        marks.append(Mark(s, e, BLOCK, tag("div", attrs), "</div>", '<div class="sm-block">'))
    return marks


def all_marks(prep: Prepared) -> list[Mark]:
    spans = [(f["start"], f["end"]) for f in prep.figures]
    snap = Snapper(spans)
    tables = table_marks(prep.doc, prep.vid, spans)
    whole = [(m.start, m.end) for m in tables if m.layer == TABLE]
    marks = block_marks(prep.doc, prep.vid, snap, whole) + heading_marks(prep.doc, prep.vid, snap, prep.notes) + tables
    marks += [problem_mark(p, prep, snap) for p in prep.problems]
    marks += [evidence_mark(span, ids, prep, snap) for span, ids in prep.ev_findings.items()]
    marks += [figure_mark(f, prep) for f in prep.figures]
    return marks


# ---------------------------------------------------------------------------------------------
