"""The view draws ``Document.tables`` as HTML tables with their figures, leaves notes out of the
outline, and finds the figures of a document once."""
from __future__ import annotations

import pytest

import summary_mining as sm
import summary_mining.pipeline as pipeline
from summary_mining.figures.tables import table_document
from summary_mining.view import FIGURE_KINDS, render_html, show

from test_view import doc_text_of, figures, tree

from conftest import ROOT, SHARED


def _cells(node):
    return [c for c in node.iter() if c.tag in ("td", "th")]


def test_a_table_is_drawn_as_rows_and_cells_with_its_figures():
    doc = table_document([["指标名称", "单位", "绝对数", "比上年增长（%）"], ["接待海外旅游者人数", "人次", "40277", "500.8"],
                          ["#外国人", "人次", "16272", "442.6"]], before="表15 2023年主要旅游指标完成情况")
    doc.tables[0].attrs["caption"] = "表15 2023年主要旅游指标完成情况"
    m = sm.extract(doc)
    root = tree(render_html(doc, m, view_id="v"))
    (table,) = [n for n in root.iter() if n.tag == "table" and "sm-dtable" in n.classes]
    assert (table.attrs["id"], table.attrs["data-caption"]) == ("v-t0", "表15 2023年主要旅游指标完成情况")
    rows = [n for n in table.iter() if n.tag == "tr"]
    assert [[c.text.rstrip("\t\n") for c in _cells(r)] for r in rows] == [
        ["指标名称", "单位", "绝对数", "比上年增长（%）"], ["接待海外旅游者人数", "人次", "40277", "500.8"],
        ["#外国人", "人次", "16272", "442.6"]]
    assert [c.tag for c in _cells(rows[0])] == ["th"] * 4 and [c.tag for c in _cells(rows[1])] == ["td"] * 4
    # every table figure is the same element as a text figure, inside its cell
    figs = figures(table)
    assert [(f.text, f.attrs["data-kind"], f.attrs["data-value"], f.attrs["data-unit"]) for f in figs] == [
        ("40277", "count", "40277", "人次"), ("500.8", "percentage", "500.8", "%"),
        ("16272", "count", "16272", "人次"), ("442.6", "percentage", "442.6", "%")]
    for f in figs:
        s, e = int(f.attrs["data-start"]), int(f.attrs["data-end"])
        assert doc.text[s:e] == f.text and f.parent.tag == "td"
    # the separators are in the page (hidden), so the page's text is the document's
    assert doc_text_of(root) == doc.text
    assert all("sm-sep" in c.children[-1].classes for r in rows for c in _cells(r)[:-1])


def test_a_table_a_figure_crosses_stays_lines():
    # a number and its unit in two cells: the figure is kept whole, the table is not drawn
    doc = table_document([["指标", "数值", "单位"], ["签约项目", "10", "个"]])
    m = sm.extract(doc)
    root = tree(render_html(doc, m, view_id="v"))
    assert not [n for n in root.iter() if n.tag == "table" and "sm-dtable" in n.classes] or all(
        f.parent.tag != "td" or doc.text[int(f.attrs["data-start"]):int(f.attrs["data-end"])] == f.text
        for f in figures(root))
    assert doc_text_of(root) == doc.text


@pytest.mark.skipif(not (SHARED / "formats").exists(), reason="shared/formats not available")
@pytest.mark.parametrize("name,tables", [("qiandongnan_2016_stats_bulletin.docx", 11), ("zhoukou_2023_stats_bulletin.pdf", 6)])
def test_real_bulletin_tables_are_drawn(name, tables):
    doc = sm.read_document(SHARED / "formats" / name)
    m = sm.extract(doc)
    root = tree(render_html(doc, m, view_id="v"))
    drawn = [n for n in root.iter() if n.tag == "table" and "sm-dtable" in n.classes]
    assert len(drawn) == tables == len(doc.tables)
    in_cells = [f for t in drawn for f in figures(t)]
    table_figs = m[m["source"] == "table"]
    assert len(in_cells) == len(table_figs)
    assert {int(f.attrs["data-start"]) for f in in_cells} == set(table_figs["start"])
    assert {f.attrs["data-kind"] for f in in_cells} <= set(FIGURE_KINDS)
    assert doc_text_of(root) == doc.text


@pytest.mark.parametrize("name, tables", [("corpora/ningyuan_2023_tjgb.txt", 2), ("corpora/kaizhou_2024_tjgb.txt", 2),
                                          ("tests/data/relations/docs/c13.txt", 1)])
def test_plain_text_tables_are_drawn(name, tables):
    # a row per line, and a cell per line: the | marks and line breaks are hidden separators
    doc = sm.read_document(ROOT / name)
    m = sm.extract(doc)
    root = tree(render_html(doc, m, view_id="v"))
    drawn = [n for n in root.iter() if n.tag == "table" and "sm-dtable" in n.classes]
    assert len(drawn) == tables == len(doc.tables)
    first = [n for n in drawn[0].iter() if n.tag == "tr"][1]
    assert [c.text.strip(" |\n") for c in _cells(first)] == [str(v) for v in doc.tables[0].iloc[0].tolist()]
    table_figs = m[m["source"] == "table"]
    assert {int(f.attrs["data-start"]) for t in drawn for f in figures(t)} >= set(table_figs["start"])
    assert doc_text_of(root) == doc.text


@pytest.mark.skipif(not (SHARED / "formats").exists(), reason="shared/formats not available")
def test_notes_are_not_in_the_outline():
    # 黔东南 2016: 注:1.本公报中数据为初步统计数… 2.生产总值… 8.由于2016年安全事故…
    doc = sm.read_document(SHARED / "formats" / "qiandongnan_2016_stats_bulletin.docx")
    root = tree(render_html(doc, sm.extract(doc), view_id="v"))
    (toc,) = [n for n in root.iter() if "sm-toc" in n.classes]
    entries = [a.text for a in toc.iter() if a.tag == "a"]
    assert "一、综合" in entries and "十三、环境保护和安全生产" in entries
    assert not [e for e in entries if e[:2] in ("2.", "3.", "8.")]
    headings = [n.text for n in root.iter() if "sm-heading" in n.classes]
    assert not [h for h in headings if h.startswith("2.生产总值")]


def test_a_note_marked_by_itself_is_no_heading():
    doc = sm.read_document(text="一、综合\n全年生产总值939.05亿元。\n二、农业\n粮食产量122.35万吨。\n注释：\n[1]本公报中数据为初步统计数。")
    root = tree(render_html(doc, sm.extract(doc), view_id="v"))
    (toc,) = [n for n in root.iter() if "sm-toc" in n.classes]
    sections = [li for li in toc.iter() if li.tag == "li" and "sm-t0" not in li.classes]
    assert [li.text for li in sections] == ["一、综合", "二、农业"]
    assert not [n for n in root.iter() if "sm-heading" in n.classes and n.text.startswith("[1]")]


def test_show_finds_the_figures_once(monkeypatch):
    calls = []
    real = pipeline.figures_of

    def counting(*args, **kw):
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(pipeline, "figures_of", counting)
    v = show(text="第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
    assert len(v.metrics) == 4 and v.audit is not None and len(calls) == 1
