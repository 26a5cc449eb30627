"""The panels around the text: counts, legend, table of contents, findings, problems and the figures table."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .markup import attr, escape
from .prepare import Finding, Prepared, evidence_id, worst
from .values import CHECK_NAMES, FIGURE_KINDS, KIND_NAMES, STATUS_NAMES, STATUS_ORDER, cell_text, flag, human, number

__all__ = ["TABLE_OPEN_MAX", "counts_line", "legend", "toc", "findings_panel", "problems_panel", "figures_panel"]

#: The side table starts collapsed above this many figures (it stays in the page).
TABLE_OPEN_MAX = 1500
PREVIEW_CHARS = 90


# panels
def counts_line(prep: Prepared, has_problems: bool, has_audit: bool) -> str:
    kinds = Counter(f["kind"] for f in prep.figures)
    parts = [f"<b>{len(prep.figures)}</b> 个指标（" + " · ".join(
        f"{KIND_NAMES.get(k, k)} {kinds.get(k, 0)}" for k in FIGURE_KINDS) + "）"]
    if has_problems:
        parts.append(f"<b>{len(prep.problems)}</b> 条问题")
    if has_audit:
        st = Counter(fd.status for fd in prep.findings)
        parts.append(f"审计 <b>{len(prep.findings)}</b> 项（" + " · ".join(
            f'<span class="sm-st-{s}">{STATUS_NAMES[s]} {st.get(s, 0)}</span>' for s in STATUS_ORDER) + "）")
    return '<div class="sm-counts">' + "，".join(parts) + "</div>"


def legend(has_problems: bool, has_audit: bool) -> str:
    items = [(k, f"{KIND_NAMES[k]} {k}") for k in FIGURE_KINDS]
    if has_problems:
        items.append(("problem", "问题 problem"))
    chips = [f'<label class="sm-chip sm-key-{k}"><input type="checkbox" checked data-toggle="{k}">'
             f'<span class="sm-sw"></span>{name}</label>' for k, name in items]
    chips.append('<span class="sm-chip sm-key-redacted"><span class="sm-sw"></span>已隐去 redacted</span>')
    if has_audit:
        chips += [f'<span class="sm-chip sm-key-{s}"><span class="sm-sw"></span>{STATUS_NAMES[s]} {s}</span>'
                  for s in STATUS_ORDER]
    return '<div class="sm-legend">' + "".join(chips) + "</div>"


def toc(prep: Prepared) -> str:
    doc, vid = prep.doc, prep.vid
    per_article = Counter(doc.article_index(f["start"]) for f in prep.figures)
    bad = Counter(fd.article for fd in prep.findings if fd.status == "inconsistent")
    items: list[str] = []
    if not doc.articles or doc.articles[0].start > 0:
        items.append(f'<li class="sm-t0"><a href="#{vid}-a0">{"开头" if doc.articles else "全文"}</a>'
                     f'<span class="sm-n">{per_article.get(0, 0)}</span></li>')
    sections_by_article: dict[int, list[tuple[int, Any]]] = defaultdict(list)
    for i, sec in enumerate(doc.sections):
        if i not in prep.notes:  # notes at the end (注：1.… 2.…) are no part of the outline
            sections_by_article[sec.article].append((i, sec))
    for sec_i, sec in sections_by_article.pop(0, []):
        items.append(toc_section(vid, sec_i, sec))
    for a in doc.articles:
        warn = f'<span class="sm-n sm-n-bad" title="不一致">⚠{bad[a.index]}</span>' if bad.get(a.index) else ""
        items.append(f'<li class="sm-t0"><a href="#{vid}-a{a.index}">{escape(a.title or f"第{a.index}篇")}</a>'
                     f'<span class="sm-n" title="指标">{per_article.get(a.index, 0)}</span>{warn}</li>')
        items += [toc_section(vid, i, sec) for i, sec in sections_by_article.pop(a.index, [])]
    for rest in sections_by_article.values():  # sections of an article the document does not list
        items += [toc_section(vid, i, sec) for i, sec in rest]
    return '<nav class="sm-toc"><div class="sm-ptitle">目录</div><ul>' + "".join(items) + "</ul></nav>"


def toc_section(vid: str, i: int, sec: Any) -> str:
    lvl = min(max(sec.level, 1), 4)
    return f'<li class="sm-t{lvl}"><a href="#{vid}-s{i}">{escape(sec.title)}</a></li>'


def fmt_num(x: float | None) -> str:
    return "—" if x is None else human(x)


def finding_item(fd: Finding, prep: Prepared) -> str:
    links = "".join(f'<a class="sm-evlink" href="#{evidence_id(prep, (s, e))}">{escape(surf or prep.doc.text[s:e])}</a>'
                    for s, e, surf in fd.evidence)
    nums = (f"称 {fmt_num(fd.stated)} · 算得 {fmt_num(fd.computed)} · 差 {fmt_num(fd.difference)}"
            f" · 容差 {fmt_num(fd.tolerance)}")
    art = f"第{fd.article}篇 · " if fd.article else ""
    return (f'<li class="sm-finding sm-st-{attr(fd.status)}" id="{prep.vid}-x{fd.index}" data-status="{attr(fd.status)}"'
            f' data-check="{attr(fd.check)}"><div><span class="sm-badge">{STATUS_NAMES.get(fd.status, escape(fd.status))}'
            f'</span> <span class="sm-check">{art}{CHECK_NAMES.get(fd.check, escape(fd.check))}</span></div>'
            f'<div class="sm-msg">{escape(fd.message)}</div><div class="sm-nums">{nums}</div>'
            f'<div class="sm-evs">{links}</div></li>')


def findings_panel(prep: Prepared) -> str:
    first = {fd.index: (fd.evidence[0][0] if fd.evidence else -1) for fd in prep.findings}
    groups = []
    for status in STATUS_ORDER + tuple(sorted({fd.status for fd in prep.findings} - set(STATUS_ORDER))):
        rows = sorted((fd for fd in prep.findings if fd.status == status), key=lambda fd: first[fd.index])
        if not rows:
            continue
        body = '<ul class="sm-list">' + "".join(finding_item(fd, prep) for fd in rows) + "</ul>"
        open_ = " open" if status != "consistent" else ""
        groups.append(f'<details class="sm-group"{open_}><summary>{STATUS_NAMES.get(status, escape(status))}'
                      f" {len(rows)}</summary>{body}</details>")
    if not groups:
        groups.append('<p class="sm-empty">没有可核对的关系。</p>')
    return (f'<details class="sm-panel sm-findings" open><summary>审计发现 Findings ({len(prep.findings)})</summary>'
            + "".join(groups) + "</details>")


def problems_panel(prep: Prepared) -> str:
    items = []
    for p in prep.problems:
        text = cell_text(p["text"]) or prep.doc.text[p["start"]:p["end"]]
        short = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
        cats = p["categories"] if isinstance(p["categories"], (list, tuple)) else []
        tags = "".join(f'<span class="sm-tag">{escape(str(c))}</span>' for c in cats)
        where = " · ".join(x for x in (f"第{cell_text(p['article'])}篇" if cell_text(p["article"]) not in ("", "0") else "",
                                       cell_text(p["section"]).split(" > ")[-1]) if x)
        items.append(f'<li><a href="#{prep.vid}-p{p["start"]}">{escape(where) or "问题"} · {escape(cell_text(p["item"]))}</a>'
                     f'{tags}<div class="sm-ptext">{escape(short)}</div></li>')
    body = '<ul class="sm-list">' + "".join(items) + "</ul>" if items else '<p class="sm-empty">未找到问题表述。</p>'
    return f'<details class="sm-panel sm-problems" open><summary>问题 Problems ({len(prep.problems)})</summary>{body}</details>'


def figure_row(f: dict[str, Any], prep: Prepared) -> str:
    span = (f["start"], f["end"])
    ids = prep.fig_findings.get(span, [])
    status = worst(prep, ids) if ids else ""
    v = number(f["value"])
    redacted = flag(f["redacted"])
    if redacted:
        shown = "xx"
    elif v is not None:
        shown = human(v)
    else:
        shown = "–".join(fmt_num(number(f[k])) for k in ("low", "high"))
    kind = f["kind"]
    mark = {"inconsistent": "⚠", "unverifiable": "?", "consistent": "✓"}.get(status, "")
    return (f'<tr id="{prep.vid}-r{f["start"]}" class="sm-row-{kind}{" sm-st-" + status if status else ""}">'
            f'<td><a href="#{prep.fig_ids[span]}">{escape(cell_text(f["surface"]))}</a></td>'
            f'<td><span class="sm-dot sm-key-{attr(kind)}"></span>{KIND_NAMES.get(kind, escape(kind))}</td>'
            f'<td class="sm-numcell">{shown}</td><td>{escape(cell_text(f["unit"]))}</td><td>{escape(cell_text(f["label"]))}</td>'
            f'<td>{escape(cell_text(f["indicator"]))}</td><td>{escape(cell_text(f["qualifier"]))}</td>'
            f'<td class="sm-stcell">{mark}</td></tr>')


def figures_panel(prep: Prepared) -> str:
    rows = "".join(figure_row(f, prep) for f in prep.figures)
    open_ = " open" if len(prep.figures) <= TABLE_OPEN_MAX else ""
    head = "<tr><th>原文</th><th>类型</th><th>数值</th><th>单位</th><th>标签</th><th>指标</th><th>修饰</th><th>审计</th></tr>"
    return (f'<details class="sm-panel sm-figures"{open_}><summary>指标 Figures ({len(prep.figures)})</summary>'
            f'<table class="sm-table"><thead>{head}</thead><tbody>{rows}</tbody></table></details>')
