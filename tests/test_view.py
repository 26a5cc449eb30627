"""The HTML view: every figure one element with its value, well-formed nesting, escaping, anchors, speed.

The page is parsed with the standard library's ``html.parser`` into a small tree; tests check
the tree, never the markup's spelling.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import summary_mining as sm
from summary_mining.view import (BLOCK, EVIDENCE, FIGURE, FIGURE_KINDS, HEADING, PROBLEM, Mark, View,
                                 format_value, render_html, show, weave)

HAS_PROBLEMS = importlib.util.find_spec("summary_mining.problems") is not None
HAS_AUDIT = importlib.util.find_spec("summary_mining.auditing") is not None
VOID = {"meta", "input", "br", "img", "hr", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


# ---------------------------------------------------------------------------------------------
# a tiny DOM
@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: "Node | None" = None
    children: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(markup: str) -> TreeBuilder:
    b = TreeBuilder()
    b.feed(markup)
    b.close()
    return b


def tree(markup: str) -> Node:
    b = parse(markup)
    assert b.errors == [], b.errors[:5]
    assert [n.tag for n in b.stack] == ["#root"], "unclosed elements"
    return b.root


def figures(root: Node) -> list[Node]:
    return [n for n in root.iter() if n.attrs.get("data-kind") in FIGURE_KINDS]


def by_id(root: Node) -> dict[str, Node]:
    return {n.attrs["id"]: n for n in root.iter() if "id" in n.attrs}


def doc_text_of(root: Node) -> str:
    (text,) = [n for n in root.iter() if "sm-text" in n.classes]
    return text.text


# ---------------------------------------------------------------------------------------------
# fixtures
@pytest.fixture(scope="module")
def seed_doc(seed_path):
    return sm.read_document(seed_path)


@pytest.fixture(scope="module")
def seed_metrics(seed_doc):
    return sm.extract(seed_doc)


@pytest.fixture(scope="module")
def seed_problems(seed_doc):
    if not HAS_PROBLEMS:
        return None
    from summary_mining.problems import extract_problems
    return extract_problems(seed_doc)


@pytest.fixture(scope="module")
def seed_audit(seed_doc):
    if not HAS_AUDIT:
        return None
    from summary_mining.auditing.api import audit
    return audit(seed_doc)


@pytest.fixture(scope="module")
def seed_html(seed_doc, seed_metrics, seed_problems, seed_audit):
    return render_html(seed_doc, seed_metrics, seed_problems, seed_audit, view_id="v")


@pytest.fixture(scope="module")
def seed_tree(seed_html):
    return tree(seed_html)


def _audit_frame(doc_id: str, rows: list[dict]) -> pd.DataFrame:
    base = {"doc_id": doc_id, "article": 1, "check": "sum", "status": "inconsistent", "stated": 1.0,
            "computed": 2.0, "difference": -1.0, "tolerance": 0.5, "message": "", "evidence": []}
    return pd.DataFrame([{**base, **r} for r in rows])


# ---------------------------------------------------------------------------------------------
# figures
def test_every_figure_is_one_element_with_value_unit_start_and_surface(seed_tree, seed_metrics):
    figs = figures(seed_tree)
    assert len(figs) == len(seed_metrics) > 100
    at = {int(n.attrs["data-start"]): n for n in figs}
    for r in seed_metrics.itertuples():
        el = at[r.start]
        assert el.text == r.surface
        assert el.attrs["data-kind"] == r.kind
        assert el.attrs["data-value"] == ("" if r.redacted else format_value(r.value))
        assert el.attrs["data-unit"] == r.unit
        assert el.attrs["data-end"] == str(r.end)


def test_values_are_exact_and_readable(seed_tree):
    at = {n.attrs["data-start"]: n for n in figures(seed_tree)}
    el = at["197"]  # 60.07亿元
    assert (el.text, el.attrs["data-value"], el.attrs["data-unit"]) == ("60.07亿元", "6007000000", "元")
    assert float(el.attrs["data-value"]) == 6007000000.0
    assert "6,007,000,000 元（60.07亿元）" in el.attrs["data-tip"]
    assert "标签  国内市外到位资金" in el.attrs["data-tip"] and "指标  到位资金" in el.attrs["data-tip"]
    assert el.attrs["data-label"] == "国内市外到位资金" and el.attrs["data-indicator"] == "到位资金"


def test_format_value():
    assert [format_value(x) for x in (10.0, 92.42, 0.1 + 0.2, -3.0, float("nan"), None, pd.NA)] == \
        ["10", "92.42", "0.30000000000000004", "-3", "", "", ""]


def test_redacted_figures_have_an_empty_value_and_a_class(seed_tree, seed_metrics):
    redacted = seed_metrics[seed_metrics["redacted"]]
    assert len(redacted) > 10
    at = {int(n.attrs["data-start"]): n for n in figures(seed_tree)}
    for r in redacted.itertuples():
        el = at[r.start]
        assert el.attrs["data-value"] == "" and "sm-redacted" in el.classes
        assert el.attrs["data-unit"] == r.unit and el.text == r.surface


def test_ranges_carry_bounds():
    doc = sm.read_document(text="发放宣传资料300余份。")
    root = tree(render_html(doc, sm.extract(doc)))
    (el,) = figures(root)
    assert (el.text, el.attrs["data-value"], el.attrs["data-low"], el.attrs["data-high"]) == ("300余份", "", "300", "400")
    assert "sm-range" in el.classes and el.attrs["data-qualifier"] == "余"


def test_the_text_is_the_document_character_for_character(seed_tree, seed_doc):
    assert doc_text_of(seed_tree) == seed_doc.text


def test_figure_kinds_get_their_colour_class(seed_tree):
    for el in figures(seed_tree):
        assert {"sm-fig", "sm-" + el.attrs["data-kind"]} <= el.classes


# ---------------------------------------------------------------------------------------------
# escaping and self-containment
EVIL = ("一、情况\n<script>alert(1)</script>签约项目10个，"
        "<img src=x onerror=\"alert(2)\">投资总额24亿元 & \"引号\" '单引号' </div></span>。\n")


def test_document_text_is_escaped():
    doc = sm.read_document(text=EVIL)
    page = show(doc, problems=False, audit=False).html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    root = tree(page)
    scripts = [n for n in root.iter() if n.tag == "script"]
    assert len(scripts) == 1 and "alert" not in scripts[0].text
    assert not [n for n in root.iter() if n.tag == "img"]
    assert doc_text_of(root) == doc.text
    assert [n.text for n in figures(root)] == ["10个", "24亿元"]


def test_doc_id_and_title_are_escaped():
    doc = sm.read_document(text="签约项目10个。", doc_id='<b id="x">')
    root = tree(render_html(doc, sm.extract(doc), title="<i>标题</i>"))
    assert not [n for n in root.iter() if n.tag == "i" or n.attrs.get("id") == "x"]
    assert "<i>标题</i>" in [n for n in root.iter() if n.tag == "title"][0].text
    assert '<b id="x">' in [n for n in root.iter() if "sm-meta" in n.classes][0].text


def test_the_page_is_self_contained(seed_html):
    assert not re.search(r"""(?i)\b(src|href)\s*=\s*["']?(https?:|//)""", seed_html)
    assert "<link" not in seed_html and "@import" not in seed_html and "url(" not in seed_html
    root = tree(seed_html)
    (meta,) = [n for n in root.iter() if n.tag == "meta" and n.attrs.get("http-equiv") == "Content-Security-Policy"]
    csp = meta.attrs["content"]
    assert "default-src 'none'" in csp
    (script,) = [n for n in root.iter() if n.tag == "script"]
    digest = base64.b64encode(hashlib.sha256(script.text.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp  # only the view's own script may run


def test_nul_and_lone_surrogates_keep_offsets():
    text = "一、情况\n签约\x00项目10个，投资\ud800总额24亿元。"
    doc = sm.read_document(text=text)
    metrics = sm.extract(text=text.replace("\ud800", "资"))  # same offsets (extract cannot store a surrogate)
    page = render_html(doc, metrics)
    page.encode("utf-8")  # no lone surrogate left
    root = tree(page)
    shown = doc_text_of(root)
    assert len(shown) == len(text) and shown.replace("\ufffd", "") == text.replace("\x00", "").replace("\ud800", "")


# ---------------------------------------------------------------------------------------------
# nesting
def _figs_intact(root: Node, metrics: pd.DataFrame) -> None:
    at = {int(n.attrs["data-start"]): n for n in figures(root)}
    assert len(at) == len(metrics)
    for r in metrics.itertuples():
        assert at[r.start].text == r.surface


def test_figures_inside_problem_items_are_their_own_elements(seed_tree, seed_problems, seed_metrics):
    if seed_problems is None:
        pytest.skip("summary_mining.problems is not available")
    probs = [n for n in seed_tree.iter() if n.attrs.get("data-kind") == "problem"]
    assert len(probs) == len(seed_problems) > 0
    inside = 0
    for el in figures(seed_tree):
        s = int(el.attrs["data-start"])
        for p in seed_problems.itertuples():
            if p.start <= s < p.end:
                assert any("sm-problem" in a.classes for a in el.ancestors())
                inside += 1
    assert inside > 0


def test_spans_crossing_a_figure_never_split_it():
    text = "一、存在的问题\n投资总额24亿元，签约项目10个，履约率90﹪。\n二、下一步\n再签约5个。"
    doc = sm.read_document(text=text)
    m = sm.extract(doc)
    s24 = text.index("24亿元")
    s90 = text.index("90﹪")
    problems = pd.DataFrame({"doc_id": doc.doc_id, "article": 1, "section": "一、存在的问题", "item": [1, 2],
                             "start": [s24 + 1, s90 - 3], "end": [s90 + 1, len(text) - 3],
                             "text": ["", ""], "categories": [["资金"], []], "keywords": [[], []]})
    audit = _audit_frame(doc.doc_id, [{"message": "跨越", "evidence": [(s24 + 2, s90 + 2, "x"), (s24, s24 + 4, "24亿元")]}])
    root = tree(render_html(doc, m, problems, audit))
    _figs_intact(root, m)
    assert doc_text_of(root) == text
    # the problem spans were widened to the figures' edges, a continuation carries no data-kind
    first = [n for n in root.iter() if n.attrs.get("data-kind") == "problem"]
    assert len(first) == 2
    assert "24亿元" in first[0].text


def test_problems_crossing_articles_are_continued():
    text = "投资促进工作总结篇1\n一、存在的问题\n资金短缺10个。\n投资促进工作总结篇2\n签约项目3个。\n"
    doc = sm.read_document(text=text)
    assert len(doc.articles) == 2
    start = text.index("资金")
    problems = pd.DataFrame({"doc_id": doc.doc_id, "article": 1, "section": "", "item": [1], "start": [start],
                             "end": [len(text) - 2], "text": [""], "categories": [[]], "keywords": [[]]})
    root = tree(render_html(doc, sm.extract(doc), problems))
    parts = [n for n in root.iter() if "sm-problem" in n.classes]
    assert len(parts) >= 2 and sum("data-kind" in n.attrs for n in parts) == 1
    assert "".join(n.text for n in parts) == text[start:len(text) - 2]
    for n in parts:  # never a block inside a span
        assert not [a for a in n.iter() if a.tag == "div"]


_text_st = st.text(alphabet="ab<>&\"'\n元个%一", min_size=0, max_size=60)


@st.composite
def _marks(draw):
    text = draw(_text_st)
    n = len(text)
    marks = []
    for _ in range(draw(st.integers(0, 12))):
        if n < 1:
            break
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        layer = draw(st.sampled_from([BLOCK, HEADING, PROBLEM, EVIDENCE, FIGURE]))
        tag = "div" if layer == BLOCK else "span"
        marks.append(Mark(s, e, layer, f'<{tag} data-kind="k{layer}" data-start="{s}">', f"</{tag}>",
                          f'<{tag} class="cont">'))
    return text, marks


@given(_marks())
@settings(max_examples=300, deadline=None)
def test_weave_is_always_well_formed_and_keeps_the_text(case):
    text, marks = case
    root = tree(weave(text, marks))
    assert root.text == text
    # every mark opened exactly once with its data attributes, its first fragment at its start
    assert len([n for n in root.iter() if "data-kind" in n.attrs]) == len(marks)
    # blocks are never inside spans
    for n in root.iter():
        if n.tag == "div":
            assert all(a.tag != "span" for a in n.ancestors())


# ---------------------------------------------------------------------------------------------
# audit findings
def test_inconsistent_findings_are_marked_with_their_message():
    text = "一、情况\n投资1400万元；投资900万元，合计招商引资资金2400万元。\n"
    doc = sm.read_document(text=text)
    m = sm.extract(doc)
    spans = [(r.start, r.end, r.surface) for r in m.itertuples()]
    audit = _audit_frame(doc.doc_id, [{"message": "合计2400万元与 1400万元+900万元=2300万元 不一致",
                                       "evidence": [spans[2], spans[0], spans[1]], "stated": 2400.0,
                                       "computed": 2300.0, "difference": 100.0}])
    root = tree(render_html(doc, m, None, audit, view_id="t"))
    ids = by_id(root)
    for s, e, surface in spans:
        el = ids[f"t-f{s}"]
        assert el.text == surface and "sm-audit-inconsistent" in el.classes
        assert el.attrs["data-audit"] == "inconsistent"
        assert "审计·不一致：合计2400万元与 1400万元+900万元=2300万元 不一致" in el.attrs["data-tip"]
    (item,) = [n for n in root.iter() if "sm-finding" in n.classes]
    assert "sm-st-inconsistent" in item.classes and "2300万元 不一致" in item.text
    links = [a.attrs["href"] for a in item.iter() if a.tag == "a"]
    assert links == [f"#t-f{spans[2][0]}", f"#t-f{spans[0][0]}", f"#t-f{spans[1][0]}"]
    assert "称 2,400 · 算得 2,300 · 差 100" in item.text


def test_evidence_that_is_not_a_figure_is_marked_too():
    text = "新建网点3个(甲店、乙店)。"
    doc = sm.read_document(text=text)
    a = text.index("甲店")
    audit = _audit_frame(doc.doc_id, [{"check": "enumeration", "status": "unverifiable", "message": "列举2个",
                                       "evidence": [(4, 6, "3个"), (a, a + 2, "甲店")]}])
    root = tree(render_html(doc, sm.extract(doc), None, audit, view_id="t"))
    ids = by_id(root)
    assert ids[f"t-e{a}-{a + 2}"].text == "甲店" and "sm-ev" in ids[f"t-e{a}-{a + 2}"].classes
    assert "sm-audit-unverifiable" in ids["t-f4"].classes


def test_seed_findings_link_to_their_figures(seed_tree, seed_audit):
    if seed_audit is None:
        pytest.skip("summary_mining.audit is not available")
    ids = by_id(seed_tree)
    items = [n for n in seed_tree.iter() if "sm-finding" in n.classes]
    assert len(items) == len(seed_audit)
    bad = seed_audit[seed_audit["status"] == "inconsistent"]
    for r in bad.itertuples():
        for s, e, surface in r.evidence:
            el = ids.get(f"v-e{s}-{e}") or ids[f"v-f{s}"]
            assert el.text == surface and "sm-audit-inconsistent" in el.classes
            assert r.message in el.attrs["data-tip"]
    for a in (n for n in seed_tree.iter() if n.tag == "a"):
        assert a.attrs["href"][1:] in ids  # every link has a target


# ---------------------------------------------------------------------------------------------
# navigation
def test_toc_links_every_article_and_section(seed_tree, seed_doc):
    ids = by_id(seed_tree)
    (toc,) = [n for n in seed_tree.iter() if "sm-toc" in n.classes]
    hrefs = [a.attrs["href"] for a in toc.iter() if a.tag == "a"]
    for a in seed_doc.articles:
        assert f"#v-a{a.index}" in hrefs and ids[f"v-a{a.index}"].attrs["data-article"] == str(a.index)
        assert ids[f"v-a{a.index}"].text.startswith(a.title)
    for i, sec in enumerate(seed_doc.sections):
        assert f"#v-s{i}" in hrefs and ids[f"v-s{i}"].text.startswith(sec.title)
    assert all(h[1:] in ids for h in hrefs)


def test_side_table_lists_every_figure(seed_tree, seed_metrics):
    ids = by_id(seed_tree)
    rows = [n for n in seed_tree.iter() if n.tag == "tr" and n.attrs.get("id", "").startswith("v-r")]
    assert len(rows) == len(seed_metrics)
    row = ids["v-r197"]
    cells = [c.text for c in row.iter() if c.tag == "td"]
    assert cells[:6] == ["60.07亿元", "金额", "6,007,000,000", "元", "国内市外到位资金", "到位资金"]


# ---------------------------------------------------------------------------------------------
# the public API
def test_show_renders_in_jupyter_and_saves(tmp_path, seed_path):
    v = show(seed_path)
    assert isinstance(v, View) and len(v.metrics) > 100
    frag = v._repr_html_()
    assert frag.startswith("<style>") and "<html" not in frag and 'class="sm-view"' in frag
    tree(frag)
    ids = re.findall(r'<div class="sm-view" id="([^"]+)"', frag + v._repr_html_())
    assert len(set(ids)) == 2  # two views in one notebook do not share ids
    out = v.save(tmp_path / "sub" / "seed.html")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page == v.html
    assert "figures=" in repr(v)


def test_show_without_problems_and_audit_modules(monkeypatch):
    monkeypatch.setitem(sys.modules, "summary_mining.problems", None)  # import raises ImportError
    monkeypatch.setitem(sys.modules, "summary_mining.auditing.api", None)
    v = show(text="签约项目10个，投资总额24亿元。")
    assert v.problems is None and v.audit is None
    root = tree(v.html)
    assert len(figures(root)) == 2
    assert not [n for n in root.iter() if "sm-findings" in n.classes or "sm-problems" in n.classes]


def test_show_can_leave_results_out_and_takes_given_frames():
    v = show(text="签约项目10个，投资总额24亿元。", problems=False, audit=False)
    assert v.problems is None and v.audit is None
    doc = sm.read_document(text="签约项目10个，投资总额24亿元。", doc_id="a")
    other = sm.extract(sm.read_document(text="开工项目6个。", doc_id="b"))
    both = pd.concat([sm.extract(doc), other], ignore_index=True)
    root = tree(show(doc, metrics=both, problems=False, audit=False).html)
    assert [n.text for n in figures(root)] == ["10个", "24亿元"]


def test_no_figures_and_no_articles():
    for text in ("没有任何数字的一段话。", "一、情况\n无。"):
        doc = sm.read_document(text=text)
        root = tree(render_html(doc, sm.extract(doc), pd.DataFrame(), pd.DataFrame()))
        assert doc_text_of(root) == text and figures(root) == []


def test_rows_outside_the_text_are_ignored():
    doc = sm.read_document(text="签约项目10个。")
    m = sm.extract(doc)
    bad = m.copy()
    bad.loc[0, ["start", "end"]] = [50, 60]
    root = tree(render_html(doc, pd.concat([m, bad], ignore_index=True)))
    assert len(figures(root)) == 1


def test_view_id_is_checked():
    doc = sm.read_document(text="签约项目10个。")
    with pytest.raises(ValueError):
        render_html(doc, sm.extract(doc), view_id='x" onload="alert(1)')


# ---------------------------------------------------------------------------------------------
# long documents
def _repeat(doc, metrics, problems, audit, k):
    """The seed ``k`` times over (~1 MB for k=31), results shifted: no re-extraction needed."""
    text = doc.text if doc.text.endswith("\n") else doc.text + "\n"
    n = len(text)
    big = sm.read_document(text=text * k, doc_id="big")

    def shifted(df, cols):
        if df is None:
            return None
        parts = []
        for i in range(k):
            d = df.copy()
            for c in cols:
                d[c] = d[c] + i * n
            if "evidence" in d.columns:
                d["evidence"] = [[(s + i * n, e + i * n, x) for s, e, x in ev] for ev in d["evidence"]]
            d["doc_id"] = "big"
            parts.append(d)
        return pd.concat(parts, ignore_index=True)

    return big, shifted(metrics, ["start", "end"]), shifted(problems, ["start", "end"]), shifted(audit, [])


def test_a_one_megabyte_document_renders_proportionally(seed_doc, seed_metrics, seed_problems, seed_audit):
    k = 31
    big, m, p, a = _repeat(seed_doc, seed_metrics, seed_problems, seed_audit, k)
    assert len(big.text.encode("utf-8")) > 900_000
    page = render_html(big, m, p, a, view_id="v")
    small = render_html(seed_doc, seed_metrics, seed_problems, seed_audit, view_id="v")
    ratio = len(page.encode()) / len(small.encode())
    assert 0.8 * k < ratio < 1.1 * k, ratio  # linear in the document, no blow-up
    assert len(page.encode()) < 10 * len(big.text.encode())
    root = tree(page)
    assert len(figures(root)) == len(m)
    assert doc_text_of(root) == big.text
    blocks = [n for n in root.iter() if "sm-block" in n.classes]
    assert len(blocks) >= len(big.articles)
