"""``show``: look at a document with every result marked in place (Jupyter and standalone HTML).

The document text is shown with every extracted figure highlighted by kind (金额 amount, 百分比
percentage, 数量 count), problem statements (问题) shaded, and audit findings outlined — an
inconsistent one in a warning colour with its Chinese message on hover and in a findings panel
that links to the figures. A table of contents links every article and section; a side table
lists each figure's value, unit, label, indicator and qualifier.

>>> from summary_mining.view import show
>>> v = show(text="一、目标任务完成情况\\n第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
>>> v                                    # doctest: +SKIP
View(doc_id='text-…', figures=4, problems=0, findings=1 (0 inconsistent))
>>> 'data-kind="amount" data-value="2400000000" data-unit="元"' in v.html
True
>>> path = v.save("out/西博会.html")     # doctest: +SKIP

In Jupyter the :class:`View` renders itself (``_repr_html_``); ``v.html`` is a standalone page
(inline CSS and JS, no network, a Content-Security-Policy that only runs the view's own script),
``v.save(path)`` writes it. Every highlighted figure is one element carrying ``data-kind``,
``data-value`` (:func:`format_value` of the value, ``""`` for ranges and redactions),
``data-unit``, ``data-start`` and ``data-end`` (offsets into ``Document.text``), so the page can
be checked and scripted: ``document.querySelectorAll('[data-kind=amount]')``.

Markup is built in one pass from a sorted list of boundary events (:func:`weave`), so nesting is
always well formed: articles and long runs of text are blocks, headings and problem items are
outer spans, audit evidence is inside them and figures are innermost and never split (other
spans are widened to a figure's edges rather than cut through it). All document text is escaped.
"""
from __future__ import annotations

import base64
import hashlib
import html
import math
import re
import secrets
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from .documents import Source, as_document
from .model import Document

__all__ = ["show", "View", "render_html", "format_value", "weave", "Mark", "FIGURE_KINDS"]

#: Kinds of figure the view highlights (``data-kind``); problem items carry ``data-kind="problem"``.
FIGURE_KINDS = ("amount", "percentage", "count")
KIND_NAMES = {"amount": "金额", "percentage": "百分比", "count": "数量", "problem": "问题"}
STATUS_NAMES = {"inconsistent": "不一致", "unverifiable": "无法核实", "consistent": "一致"}
_STATUS_RANK = {"consistent": 0, "unverifiable": 1, "inconsistent": 2}
_STATUS_ORDER = ("inconsistent", "unverifiable", "consistent")
CHECK_NAMES = {"rate": "比率", "share": "占比", "completion": "完成率", "sum": "合计", "breakdown": "分项之和",
               "share_total": "占比之和", "target_claim": "任务分解", "enumeration": "列举个数",
               "repeat": "重复指标"}
ROLE_NAMES = {"actual": "实际", "target": "目标", "share": "占比", "rate": "比率"}
DIRECTION_NAMES = {"+": "增长", "-": "下降"}

# Layers, outermost first. A span of a lower layer is never opened inside one of a higher layer.
BLOCK, HEADING, PROBLEM, EVIDENCE, FIGURE = range(5)
#: Blocks of text are cut at the first line break after this many characters (browsers skip
#: laying out off-screen blocks: ``content-visibility: auto``).
CHUNK_CHARS = 6000
#: The side table starts collapsed above this many figures (it stays in the page).
TABLE_OPEN_MAX = 1500
_PREVIEW_CHARS = 90
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


# ---------------------------------------------------------------------------------------------
# values and small helpers
def _missing(x: Any) -> bool:
    if x is None or x is pd.NA:
        return True
    try:
        return bool(pd.isna(x)) if not isinstance(x, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def _s(x: Any) -> str:
    """A cell as text: "" for None/NA/NaN."""
    return "" if _missing(x) else str(x)


def _flag(x: Any) -> bool:
    return False if _missing(x) else bool(x)


def _num(x: Any) -> float | None:
    if _missing(x):
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def format_value(value: Any) -> str:
    """``data-value`` of a figure: an integer without a point, else the shortest exact float.

    >>> format_value(6007000000.0), format_value(92.42), format_value(float("nan")), format_value(None)
    ('6007000000', '92.42', '', '')
    """
    v = _num(value)
    if v is None:
        return ""
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    return repr(v)


def _human(v: float) -> str:
    """60.07 -> '60.07', 6007000000 -> '6,007,000,000'."""
    if v.is_integer() and abs(v) < 1e16:
        return f"{int(v):,}"
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def _scaled(v: float) -> str:
    """A large value in 亿/万 (6007000000 -> '60.07亿'), "" when small."""
    for scale, word in ((1e8, "亿"), (1e4, "万")):
        if abs(v) >= scale:
            return f"{v / scale:.6g}{word}"
    return ""


def _attr(s: str) -> str:
    return html.escape(s, quote=True)


def _text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tag(name: str, attrs: Mapping[str, str | None]) -> str:
    parts = [name] + [f'{k}="{_attr(v)}"' for k, v in attrs.items() if v is not None]
    return "<" + " ".join(parts) + ">"


def _column(df: pd.DataFrame | None, name: str) -> list[Any]:
    if df is None:
        return []
    if name not in df.columns:
        return [None] * len(df)
    return df[name].tolist()


def _records(df: pd.DataFrame | None, names: Iterable[str]) -> list[dict[str, Any]]:
    """Rows as dicts (column-wise conversion: fast on large frames)."""
    if df is None or len(df) == 0:
        return []
    cols = {n: _column(df, n) for n in names}
    return [dict(zip(cols, vals)) for vals in zip(*cols.values())]


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("summary_mining").joinpath("data", name).read_text(encoding="utf-8")


def _script_hash(js: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")


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
    right after it; a span opening on an outer layer than the innermost open span closes and
    reopens the inner ones around itself, so the stack of open elements is always ordered by
    layer. O(n + m log m) for n characters and m marks.
    """
    n = len(text)
    opens = sorted((m for m in marks if 0 <= m.start < m.end <= n), key=lambda m: (m.start, m.layer, -m.end))
    points = sorted({m.start for m in opens} | {m.end for m in opens})
    out: list[str] = []
    stack: list[Mark] = []
    pos = oi = 0
    for p in points:
        if p > pos:
            out.append(_text(text[pos:p]))
            pos = p
        low = next((i for i, m in enumerate(stack) if m.end <= p), None)
        if low is not None:
            popped = stack[low:]
            del stack[low:]
            out.extend(m.close for m in reversed(popped))
            for m in popped:
                if m.end > p:
                    out.append(m.cont)
                    stack.append(m)
        while oi < len(opens) and opens[oi].start == p:
            m = opens[oi]
            oi += 1
            j = len(stack)
            while j > 0 and stack[j - 1].layer > m.layer:
                j -= 1
            inner = stack[j:]
            del stack[j:]
            out.extend(q.close for q in reversed(inner))
            out.append(m.open)
            stack.append(m)
            for q in inner:
                out.append(q.cont)
                stack.append(q)
    out.append(_text(text[pos:]))
    out.extend(m.close for m in reversed(stack))
    return "".join(out)


class _Snapper:
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


# ---------------------------------------------------------------------------------------------
# the results, prepared
@dataclass
class _Finding:
    index: int
    check: str
    status: str
    article: int | None
    message: str
    stated: float | None
    computed: float | None
    difference: float | None
    tolerance: float | None
    evidence: list[tuple[int, int, str]]


@dataclass
class _Prepared:
    doc: Document
    vid: str
    figures: list[dict[str, Any]]
    problems: list[dict[str, Any]]
    findings: list[_Finding]
    fig_findings: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    ev_findings: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    fig_ids: dict[tuple[int, int], str] = field(default_factory=dict)


_FIGURE_COLUMNS = ("doc_id", "article", "start", "end", "surface", "kind", "label", "indicator", "value",
                   "low", "high", "unit", "currency", "qualifier", "direction", "role", "redacted", "in_name")
_PROBLEM_COLUMNS = ("doc_id", "article", "section", "item", "start", "end", "text", "categories", "keywords")
_AUDIT_COLUMNS = ("doc_id", "article", "check", "status", "stated", "computed", "difference", "tolerance",
                  "message", "evidence")


def _own_rows(df: pd.DataFrame | None, doc: Document) -> pd.DataFrame | None:
    """The rows of ``df`` about ``doc`` (a frame may hold several documents)."""
    if df is None or len(df) == 0 or "doc_id" not in df.columns:
        return df
    mine = df["doc_id"].astype("string") == doc.doc_id
    return df[mine.fillna(False).astype(bool)] if bool(mine.any()) else df


def _valid_span(s: Any, e: Any, n: int) -> tuple[int, int] | None:
    if _missing(s) or _missing(e):
        return None
    s, e = int(s), int(e)
    return (s, e) if 0 <= s < e <= n else None


def _evidence(ev: Any, n: int) -> list[tuple[int, int, str]]:
    """``evidence`` cells as (start, end, surface) within the text; anything malformed is dropped."""
    out: list[tuple[int, int, str]] = []
    if ev is None or isinstance(ev, (str, bytes, float)):
        return out
    try:
        items = list(ev)
    except TypeError:
        return out
    for item in items:
        try:
            span = _valid_span(item[0], item[1], n)
            surface = _s(item[2]) if len(item) > 2 else ""
        except (TypeError, IndexError, KeyError, ValueError):
            continue
        if span:
            out.append((span[0], span[1], surface))
    return out


def _prepare(doc: Document, metrics: pd.DataFrame | None, problems: pd.DataFrame | None,
             audit: pd.DataFrame | None, vid: str) -> _Prepared:
    n = len(doc.text)
    figures = []
    for r in _records(_own_rows(metrics, doc), _FIGURE_COLUMNS):
        span = _valid_span(r["start"], r["end"], n)
        if span:
            r["start"], r["end"] = span
            r["kind"] = _s(r["kind"]) or "count"
            figures.append(r)
    figures.sort(key=lambda r: (r["start"], -r["end"]))
    probs = []
    for r in _records(_own_rows(problems, doc), _PROBLEM_COLUMNS):
        span = _valid_span(r["start"], r["end"], n)
        if span:
            r["start"], r["end"] = span
            probs.append(r)
    probs.sort(key=lambda r: (r["start"], -r["end"]))
    findings = []
    for i, r in enumerate(_records(_own_rows(audit, doc), _AUDIT_COLUMNS)):
        status = _s(r["status"]) or "unverifiable"
        art = _num(r["article"])
        findings.append(_Finding(i, _s(r["check"]), status, None if art is None else int(art), _s(r["message"]),
                                 _num(r["stated"]), _num(r["computed"]), _num(r["difference"]),
                                 _num(r["tolerance"]), _evidence(r["evidence"], n)))
    prep = _Prepared(doc, vid, figures, probs, findings)
    seen: Counter[str] = Counter()
    for f in figures:
        base = f"{vid}-f{f['start']}"
        seen[base] += 1
        prep.fig_ids.setdefault((f["start"], f["end"]), base if seen[base] == 1 else f"{base}-{seen[base]}")
    for fd in findings:
        for s, e, _ in fd.evidence:
            target = prep.fig_findings if (s, e) in prep.fig_ids else prep.ev_findings
            target.setdefault((s, e), [])
            if fd.index not in target[(s, e)]:
                target[(s, e)].append(fd.index)
    return prep


def _worst(prep: _Prepared, indices: list[int]) -> str:
    return max((prep.findings[i].status for i in indices), key=lambda s: _STATUS_RANK.get(s, 1))


def _ev_id(prep: _Prepared, span: tuple[int, int]) -> str:
    return prep.fig_ids.get(span) or f"{prep.vid}-e{span[0]}-{span[1]}"


# ---------------------------------------------------------------------------------------------
# marks
def _figure_tip(f: dict[str, Any], prep: _Prepared, finding_ids: list[int]) -> str:
    kind = f["kind"]
    lines = [f"{KIND_NAMES.get(kind, kind)}  {_s(f['surface'])}"]
    v, unit = _num(f["value"]), _s(f["unit"])
    if _flag(f["redacted"]):
        lines.append(f"数值  （已隐去）{unit}")
    elif v is not None:
        sc = _scaled(v) if unit not in ("%", "‰", "个百分点") else ""
        lines.append(f"数值  {_human(v)} {unit}" + (f"（{sc}{unit}）" if sc else ""))
    else:
        lo, hi = _num(f["low"]), _num(f["high"])
        rng = "–".join(_human(x) if x is not None else "?" for x in (lo, hi))
        lines.append(f"区间  {rng} {unit}")
    for key, name in (("label", "标签"), ("indicator", "指标"), ("qualifier", "修饰")):
        if _s(f[key]):
            lines.append(f"{name}  {_s(f[key])}")
    extra = [ROLE_NAMES.get(_s(f["role"]), _s(f["role"])), DIRECTION_NAMES.get(_s(f["direction"]), ""),
             _s(f["currency"]), "名称内" if _flag(f["in_name"]) else ""]
    if any(extra):
        lines.append("角色  " + " · ".join(x for x in extra if x))
    for i in finding_ids:
        fd = prep.findings[i]
        mark = "⚠ " if fd.status == "inconsistent" else ""
        lines.append(f"{mark}审计·{STATUS_NAMES.get(fd.status, fd.status)}：{fd.message}")
    return "\n".join(lines)


def _figure_mark(f: dict[str, Any], prep: _Prepared) -> Mark:
    span = (f["start"], f["end"])
    finding_ids = prep.fig_findings.get(span, [])
    redacted = _flag(f["redacted"])
    value = _num(f["value"])
    classes = ["sm-fig", f"sm-{f['kind']}"]
    if redacted:
        classes.append("sm-redacted")
    elif value is None:
        classes.append("sm-range")
    if _flag(f["in_name"]):
        classes.append("sm-in-name")
    status = _worst(prep, finding_ids) if finding_ids else None
    if status:
        classes.append(f"sm-audit-{status}")
    low, high = _num(f["low"]), _num(f["high"])
    attrs: dict[str, str | None] = {
        "class": " ".join(classes),
        "id": prep.fig_ids.get(span),
        "data-kind": f["kind"],
        "data-value": "" if redacted else format_value(value),
        "data-unit": _s(f["unit"]),
        "data-start": str(f["start"]),
        "data-end": str(f["end"]),
        "data-label": _s(f["label"]) or None,
        "data-indicator": _s(f["indicator"]) or None,
        "data-qualifier": _s(f["qualifier"]) or None,
        "data-role": _s(f["role"]) or None,
        "data-low": format_value(low) if value is None and low is not None and not redacted else None,
        "data-high": format_value(high) if value is None and high is not None and not redacted else None,
        "data-audit": status,
        "data-findings": " ".join(str(i) for i in finding_ids) or None,
        "data-tip": _figure_tip(f, prep, finding_ids),
    }
    cls = "sm-fig-cont sm-" + f["kind"]
    return Mark(span[0], span[1], FIGURE, _tag("span", attrs), "</span>", f'<span class="{cls}">')


def _problem_mark(p: dict[str, Any], prep: _Prepared, snap: _Snapper) -> Mark:
    s, e = snap.span(p["start"], p["end"])
    cats = [str(c) for c in p["categories"]] if isinstance(p["categories"], (list, tuple)) else []
    kws = [str(c) for c in p["keywords"]] if isinstance(p["keywords"], (list, tuple)) else []
    item = _s(p["item"])
    tip = f"问题 {item}" + (f"（{'、'.join(cats)}）" if cats else "")
    if kws:
        tip += "\n关键词  " + "、".join(kws)
    attrs = {"class": "sm-problem", "id": f"{prep.vid}-p{p['start']}", "data-kind": "problem",
             "data-value": "", "data-unit": "", "data-start": str(p["start"]), "data-end": str(p["end"]),
             "data-item": item or None, "data-categories": " ".join(cats) or None, "data-tip": tip}
    return Mark(s, e, PROBLEM, _tag("span", attrs), "</span>", '<span class="sm-problem sm-cont">')


def _evidence_mark(span: tuple[int, int], ids: list[int], prep: _Prepared, snap: _Snapper) -> Mark:
    status = _worst(prep, ids)
    s, e = snap.span(*span)
    tip = "\n".join(f"审计·{STATUS_NAMES.get(prep.findings[i].status, '')}：{prep.findings[i].message}" for i in ids)
    attrs = {"class": f"sm-ev sm-audit-{status}", "id": _ev_id(prep, span), "data-audit": status,
             "data-start": str(span[0]), "data-end": str(span[1]),
             "data-findings": " ".join(map(str, ids)), "data-tip": tip}
    return Mark(s, e, EVIDENCE, _tag("span", attrs), "</span>", f'<span class="sm-ev sm-audit-{status} sm-cont">')


def _heading_marks(doc: Document, vid: str, snap: _Snapper) -> list[Mark]:
    out = []
    text = doc.text
    for a in doc.articles:
        end = a.start + len(a.title)
        if a.title and text[a.start:end] == a.title:
            s, e = snap.span(a.start, end)
            out.append(Mark(s, e, HEADING, '<span class="sm-heading sm-h0">', "</span>",
                            '<span class="sm-heading sm-h0">'))
    for i, sec in enumerate(doc.sections):
        s, e = snap.span(sec.start, max(sec.title_end, sec.start + 1))
        cls = f"sm-heading sm-h{min(max(sec.level, 1), 4)}"
        out.append(Mark(s, e, HEADING, f'<span class="{cls}" id="{vid}-s{i}">', "</span>", f'<span class="{cls}">'))
    return out


def _block_marks(doc: Document, vid: str, snap: _Snapper) -> list[Mark]:
    """Blocks covering the text: one per article (and the preamble), long ones cut at line breaks."""
    text, n = doc.text, len(doc.text)
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
        marks.append(Mark(s, e, BLOCK, _tag("div", attrs), "</div>", '<div class="sm-block">'))
    return marks


def _marks(prep: _Prepared) -> list[Mark]:
    snap = _Snapper([(f["start"], f["end"]) for f in prep.figures])
    marks = _block_marks(prep.doc, prep.vid, snap) + _heading_marks(prep.doc, prep.vid, snap)
    marks += [_problem_mark(p, prep, snap) for p in prep.problems]
    marks += [_evidence_mark(span, ids, prep, snap) for span, ids in prep.ev_findings.items()]
    marks += [_figure_mark(f, prep) for f in prep.figures]
    return marks


# ---------------------------------------------------------------------------------------------
# panels
def _counts_line(prep: _Prepared, has_problems: bool, has_audit: bool) -> str:
    kinds = Counter(f["kind"] for f in prep.figures)
    parts = [f"<b>{len(prep.figures)}</b> 个指标（" + " · ".join(
        f"{KIND_NAMES.get(k, k)} {kinds.get(k, 0)}" for k in FIGURE_KINDS) + "）"]
    if has_problems:
        parts.append(f"<b>{len(prep.problems)}</b> 条问题")
    if has_audit:
        st = Counter(fd.status for fd in prep.findings)
        parts.append(f"审计 <b>{len(prep.findings)}</b> 项（" + " · ".join(
            f'<span class="sm-st-{s}">{STATUS_NAMES[s]} {st.get(s, 0)}</span>' for s in _STATUS_ORDER) + "）")
    return '<div class="sm-counts">' + "，".join(parts) + "</div>"


def _legend(has_problems: bool, has_audit: bool) -> str:
    items = [(k, f"{KIND_NAMES[k]} {k}") for k in FIGURE_KINDS]
    if has_problems:
        items.append(("problem", "问题 problem"))
    chips = [f'<label class="sm-chip sm-key-{k}"><input type="checkbox" checked data-toggle="{k}">'
             f'<span class="sm-sw"></span>{name}</label>' for k, name in items]
    chips.append('<span class="sm-chip sm-key-redacted"><span class="sm-sw"></span>已隐去 redacted</span>')
    if has_audit:
        chips += [f'<span class="sm-chip sm-key-{s}"><span class="sm-sw"></span>{STATUS_NAMES[s]} {s}</span>'
                  for s in _STATUS_ORDER]
    return '<div class="sm-legend">' + "".join(chips) + "</div>"


def _toc(prep: _Prepared) -> str:
    doc, vid = prep.doc, prep.vid
    per_article = Counter(doc.article_index(f["start"]) for f in prep.figures)
    bad = Counter(fd.article for fd in prep.findings if fd.status == "inconsistent")
    items: list[str] = []
    if not doc.articles or doc.articles[0].start > 0:
        items.append(f'<li class="sm-t0"><a href="#{vid}-a0">{"开头" if doc.articles else "全文"}</a>'
                     f'<span class="sm-n">{per_article.get(0, 0)}</span></li>')
    sections_by_article: dict[int, list[tuple[int, Any]]] = defaultdict(list)
    for i, sec in enumerate(doc.sections):
        sections_by_article[sec.article].append((i, sec))
    for sec_i, sec in sections_by_article.pop(0, []):
        items.append(_toc_section(vid, sec_i, sec))
    for a in doc.articles:
        warn = f'<span class="sm-n sm-n-bad" title="不一致">⚠{bad[a.index]}</span>' if bad.get(a.index) else ""
        items.append(f'<li class="sm-t0"><a href="#{vid}-a{a.index}">{_text(a.title or f"第{a.index}篇")}</a>'
                     f'<span class="sm-n" title="指标">{per_article.get(a.index, 0)}</span>{warn}</li>')
        items += [_toc_section(vid, i, sec) for i, sec in sections_by_article.pop(a.index, [])]
    for rest in sections_by_article.values():  # sections of an article the document does not list
        items += [_toc_section(vid, i, sec) for i, sec in rest]
    return '<nav class="sm-toc"><div class="sm-ptitle">目录</div><ul>' + "".join(items) + "</ul></nav>"


def _toc_section(vid: str, i: int, sec: Any) -> str:
    lvl = min(max(sec.level, 1), 4)
    return f'<li class="sm-t{lvl}"><a href="#{vid}-s{i}">{_text(sec.title)}</a></li>'


def _fmt_num(x: float | None) -> str:
    return "—" if x is None else _human(x)


def _finding_item(fd: _Finding, prep: _Prepared) -> str:
    links = "".join(f'<a class="sm-evlink" href="#{_ev_id(prep, (s, e))}">{_text(surf or prep.doc.text[s:e])}</a>'
                    for s, e, surf in fd.evidence)
    nums = (f"称 {_fmt_num(fd.stated)} · 算得 {_fmt_num(fd.computed)} · 差 {_fmt_num(fd.difference)}"
            f" · 容差 {_fmt_num(fd.tolerance)}")
    art = f"第{fd.article}篇 · " if fd.article else ""
    return (f'<li class="sm-finding sm-st-{_attr(fd.status)}" id="{prep.vid}-x{fd.index}" data-status="{_attr(fd.status)}"'
            f' data-check="{_attr(fd.check)}"><div><span class="sm-badge">{STATUS_NAMES.get(fd.status, _text(fd.status))}'
            f'</span> <span class="sm-check">{art}{CHECK_NAMES.get(fd.check, _text(fd.check))}</span></div>'
            f'<div class="sm-msg">{_text(fd.message)}</div><div class="sm-nums">{nums}</div>'
            f'<div class="sm-evs">{links}</div></li>')


def _findings_panel(prep: _Prepared) -> str:
    first = {fd.index: (fd.evidence[0][0] if fd.evidence else -1) for fd in prep.findings}
    groups = []
    for status in _STATUS_ORDER + tuple(sorted({fd.status for fd in prep.findings} - set(_STATUS_ORDER))):
        rows = sorted((fd for fd in prep.findings if fd.status == status), key=lambda fd: first[fd.index])
        if not rows:
            continue
        body = '<ul class="sm-list">' + "".join(_finding_item(fd, prep) for fd in rows) + "</ul>"
        open_ = " open" if status != "consistent" else ""
        groups.append(f'<details class="sm-group"{open_}><summary>{STATUS_NAMES.get(status, _text(status))}'
                      f" {len(rows)}</summary>{body}</details>")
    if not groups:
        groups.append('<p class="sm-empty">没有可核对的关系。</p>')
    return (f'<details class="sm-panel sm-findings" open><summary>审计发现 Findings ({len(prep.findings)})</summary>'
            + "".join(groups) + "</details>")


def _problems_panel(prep: _Prepared) -> str:
    items = []
    for p in prep.problems:
        text = _s(p["text"]) or prep.doc.text[p["start"]:p["end"]]
        short = text if len(text) <= _PREVIEW_CHARS else text[:_PREVIEW_CHARS] + "…"
        cats = p["categories"] if isinstance(p["categories"], (list, tuple)) else []
        tags = "".join(f'<span class="sm-tag">{_text(str(c))}</span>' for c in cats)
        where = " · ".join(x for x in (f"第{_s(p['article'])}篇" if _s(p["article"]) not in ("", "0") else "",
                                       _s(p["section"]).split(" > ")[-1]) if x)
        items.append(f'<li><a href="#{prep.vid}-p{p["start"]}">{_text(where) or "问题"} · {_text(_s(p["item"]))}</a>'
                     f'{tags}<div class="sm-ptext">{_text(short)}</div></li>')
    body = '<ul class="sm-list">' + "".join(items) + "</ul>" if items else '<p class="sm-empty">未找到问题表述。</p>'
    return f'<details class="sm-panel sm-problems" open><summary>问题 Problems ({len(prep.problems)})</summary>{body}</details>'


def _figure_row(f: dict[str, Any], prep: _Prepared) -> str:
    span = (f["start"], f["end"])
    ids = prep.fig_findings.get(span, [])
    status = _worst(prep, ids) if ids else ""
    v = _num(f["value"])
    redacted = _flag(f["redacted"])
    if redacted:
        shown = "xx"
    elif v is not None:
        shown = _human(v)
    else:
        shown = "–".join(_fmt_num(_num(f[k])) for k in ("low", "high"))
    kind = f["kind"]
    mark = {"inconsistent": "⚠", "unverifiable": "?", "consistent": "✓"}.get(status, "")
    return (f'<tr id="{prep.vid}-r{f["start"]}" class="sm-row-{kind}{" sm-st-" + status if status else ""}">'
            f'<td><a href="#{prep.fig_ids[span]}">{_text(_s(f["surface"]))}</a></td>'
            f'<td><span class="sm-dot sm-key-{_attr(kind)}"></span>{KIND_NAMES.get(kind, _text(kind))}</td>'
            f'<td class="sm-numcell">{shown}</td><td>{_text(_s(f["unit"]))}</td><td>{_text(_s(f["label"]))}</td>'
            f'<td>{_text(_s(f["indicator"]))}</td><td>{_text(_s(f["qualifier"]))}</td>'
            f'<td class="sm-stcell">{mark}</td></tr>')


def _figures_panel(prep: _Prepared) -> str:
    rows = "".join(_figure_row(f, prep) for f in prep.figures)
    open_ = " open" if len(prep.figures) <= TABLE_OPEN_MAX else ""
    head = "<tr><th>原文</th><th>类型</th><th>数值</th><th>单位</th><th>标签</th><th>指标</th><th>修饰</th><th>审计</th></tr>"
    return (f'<details class="sm-panel sm-figures"{open_}><summary>指标 Figures ({len(prep.figures)})</summary>'
            f'<table class="sm-table"><thead>{head}</thead><tbody>{rows}</tbody></table></details>')


# ---------------------------------------------------------------------------------------------
# the page
def _sanitize(text: str) -> str:
    """NUL and lone surrogates -> U+FFFD, one character for one (offsets are unchanged)."""
    return _BAD_CHARS.sub("\ufffd", text) if _BAD_CHARS.search(text) else text


def _view_id(view_id: str | None) -> str:
    if view_id is None:
        return "smv-" + secrets.token_hex(4)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", view_id):
        raise ValueError(f"view_id must be a letter followed by letters, digits, - or _; got {view_id!r}")
    return view_id


def _fragment(prep: _Prepared, title: str, has_problems: bool, has_audit: bool, script: str) -> str:
    doc = prep.doc
    body = weave(_sanitize(doc.text), _marks(prep))
    side = (_findings_panel(prep) if has_audit else "") + (_problems_panel(prep) if has_problems else "") \
        + _figures_panel(prep)
    meta = f"{_text(doc.doc_id)} · {_text(doc.format)} · {len(doc.text):,} 字 · {len(doc.articles)} 篇 · {len(doc.sections)} 节"
    return (f'<div class="sm-view" id="{prep.vid}" lang="zh-CN" data-doc-id="{_attr(doc.doc_id)}">'
            f'<header class="sm-head"><div class="sm-title">{_text(title)}</div><div class="sm-meta">{meta}</div>'
            f"{_counts_line(prep, has_problems, has_audit)}{_legend(has_problems, has_audit)}</header>"
            f"{_toc(prep)}"
            f'<main class="sm-doc"><div class="sm-text">{body}</div></main>'
            f'<aside class="sm-side">{side}</aside>'
            f'<div class="sm-tip" role="tooltip"></div>'
            f"<script>{script}</script></div>")


def render_html(doc: Document, metrics: pd.DataFrame | None, problems: pd.DataFrame | None = None,
                audit: pd.DataFrame | None = None, *, title: str | None = None, standalone: bool = True,
                view_id: str | None = None) -> str:
    """The view of ``doc`` with ``metrics`` (and ``problems``, ``audit`` when given) as HTML.

    ``standalone=True`` gives a complete page (inline CSS/JS, a Content-Security-Policy that
    forbids all network access and any script but the view's own); ``False`` a fragment for
    Jupyter. ``view_id`` prefixes every element id (random by default, so several views can
    share a notebook). Rendering is one pass over the text: linear in its length and in the
    number of results.
    """
    vid = _view_id(view_id)
    title = title or doc.title or doc.doc_id
    script = _asset("view.js")
    prep = _prepare(doc, metrics, problems, audit, vid)
    frag = _fragment(prep, title, problems is not None, audit is not None, script)
    css = _asset("view.css")
    if not standalone:
        return f"<style>{css}</style>{frag}"
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_script_hash(script)}'; "
           "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_text(title)}</title><style>{css}</style></head>"
            f'<body class="sm-page">{frag}</body></html>\n')


# ---------------------------------------------------------------------------------------------
# the public entry points
@dataclass
class View:
    """A document and its results, ready to look at: ``_repr_html_`` (Jupyter), ``.html``, ``.save``."""

    doc: Document
    metrics: pd.DataFrame
    problems: pd.DataFrame | None = None
    audit: pd.DataFrame | None = None
    title: str | None = None

    @cached_property
    def html(self) -> str:
        """The standalone page (self-contained: no network)."""
        return render_html(self.doc, self.metrics, self.problems, self.audit, title=self.title)

    def _repr_html_(self) -> str:
        return render_html(self.doc, self.metrics, self.problems, self.audit, title=self.title, standalone=False)

    def save(self, path: str | Path) -> Path:
        """Write the standalone page to ``path`` (UTF-8), creating folders; returns the path."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(self.html, encoding="utf-8")
        return p

    def __repr__(self) -> str:
        parts = [f"doc_id={self.doc.doc_id!r}", f"figures={len(self.metrics)}"]
        if self.problems is not None:
            parts.append(f"problems={len(self.problems)}")
        if self.audit is not None:
            bad = int((self.audit["status"] == "inconsistent").sum()) if "status" in self.audit.columns else 0
            parts.append(f"findings={len(self.audit)} ({bad} inconsistent)")
        return f"View({', '.join(parts)})"


def _problems_of(analysis: Any) -> pd.DataFrame | None:
    try:
        from .problems import problem_rows_of  # noqa: F401 - absent when the module is not installed
    except ImportError:
        return None
    return analysis.problems_frame()


def _audit_of(analysis: Any, metrics: pd.DataFrame | None) -> pd.DataFrame | None:
    try:
        from .auditing.api import audit as run_audit
    except ImportError:
        return None
    # the figures found for the metrics, read once: given metrics are mapped back to their records
    return analysis.audit_frame() if metrics is None else run_audit(analysis.doc, metrics=metrics)


def _given(value: pd.DataFrame | bool | None, compute: Any) -> pd.DataFrame | None:
    if value is None or value is True:
        return compute()
    if value is False:
        return None
    return value


def show(source: Source | None = None, *, text: str | None = None, metrics: pd.DataFrame | None = None,
         problems: pd.DataFrame | bool | None = None, audit: pd.DataFrame | bool | None = None,
         title: str | None = None) -> View:
    """A :class:`View` of a document (path, bytes, :class:`Document` or ``text=``) and its results.

    Missing results are computed: ``metrics`` with :func:`summary_mining.extract`, ``problems``
    with ``summary_mining.problems.extract_problems`` and ``audit`` with
    ``summary_mining.audit.audit`` (each skipped when that module is not installed). Pass a frame
    to show your own results, or ``False`` to leave problems or audit findings out.
    """
    from .pipeline import Analysis

    doc = as_document(source, text=text)
    analysis = Analysis(doc)
    m = analysis.metrics_frame() if metrics is None else metrics
    return View(doc, m, _given(problems, lambda: _problems_of(analysis)),
                _given(audit, lambda: _audit_of(analysis, metrics)), title)
