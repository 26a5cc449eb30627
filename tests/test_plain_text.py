"""Relations read on a document's plain twin — its text without pronunciation glosses, footnote marks and the spaces a
justified line pads its letters with — and every offset mapped back to the text as written."""
from __future__ import annotations

import pytest

import summary_mining as sm
from summary_mining.figure_relations.plain_text import PlainReading, PlainText, glosses, pads
from summary_mining.readers.base import ReadResult
from summary_mining.structure import build_document

# (written, plain twin's text)
TWINS = [
    ("全 市 一 般 公 共 预 算 收 入 完 成 31.99亿元 ，增 长 26%。", "全市一般公共预算收入完成31.99亿元，增长26%。"),
    ("全區(qū)完成公共財(cái)政預(yù)算收入20348萬(wàn)元,同比增長(zhǎng)8.2%。", "全區完成公共財政預算收入20348萬元,同比增長8.2%。"),
    ("總 產 (chǎn)值 達 (dá)9802萬 元 ,同 比 增 長 (zhǎng)3.7%。", "總產值達9802萬元,同比增長3.7%。"),  # both at once
    ("全年公共财政预算收入[3]115.1亿元，占比（下同）12%。", "全年公共财政预算收入115.1亿元，占比（下同）12%。"),  # (下同) kept
    ("指标  单位  绝对数\n城镇  万人  110.8\n乡村  万人  105.0", "指标  单位  绝对数\n城镇  万人  110.8\n乡村  万人  105.0"),
    ("经济总量突破 1600亿元 大关 。", "经济总量突破1600亿元大关。"),
    # a hard-wrapped text's soft wraps (its lines as even as a PDF's): one line a paragraph
    ("全市一般公共预算收入完成31.99亿元，为预算\n的120.9%，增长26%。其中：税收收入26.83\n亿元，增长54.1%；非税收入5.16亿元，下降"
     "\n35.3%。全市一般公共预算支出完成212.71亿\n元，为变动预算的87.5%，增长5%。\n市本级收入完成15.05亿元。",
     "全市一般公共预算收入完成31.99亿元，为预算的120.9%，增长26%。其中：税收收入26.83亿元，增长54.1%；非税收入5.16亿元，下降"
     "35.3%。全市一般公共预算支出完成212.71亿元，为变动预算的87.5%，增长5%。\n市本级收入完成15.05亿元。"),
]


@pytest.mark.parametrize("written, plain", TWINS, ids=[t[1][:12] for t in TWINS])
def test_the_twin_reads_without_decorations_and_maps_every_figure_back(written, plain):
    doc = sm.read_document(text=written)
    reading = PlainReading.of(doc)
    if written == plain:
        assert reading is None  # nothing decorates its words: read as written
        return
    assert reading.doc.text == plain
    figures = sm.extract(doc)
    for f, twin in zip(figures.itertuples(), reading.figures(list(sm.pipeline.Analysis(doc).figures))):
        assert twin.surface == f.surface  # (messages quote it as written)
        assert reading.written_span(twin.start, twin.end) == (f.start, f.end)
        assert reading.plain_span(f.start, f.end) == (twin.start, twin.end)
        assert written[f.start:f.end] == f.surface


def test_plain_text_maps_offsets_both_ways():
    text = "增長(zhǎng)3%，其 中5%"
    p = PlainText(text, sorted(glosses(text) + [(13, 14)]))
    assert p.plain == "增長3%，其中5%"
    assert [p.at(k) for k in range(len(p.plain) + 1)] == [0, 1, 9, 10, 11, 12, 14, 15, 16, 17]
    assert [p.index(k) for k in (0, 2, 8, 9, 13, 14)] == [0, 2, 2, 2, 6, 6]  # (a piece left out: the next kept one)


def test_pads_between_two_table_cells_are_kept_and_pads_inside_a_cell_dropped():
    text = ("主要指标如下：\n| 指 标 | 单 位 | 绝 对 数 |\n| 县 区 级 | 万 元 | 59725 |\n| 市 本 级 | 万 元 | 14070 |\n"
            "| 濮 阳 市 | 万 元 | 73795 |\n")
    doc = sm.read_document(text=text)
    assert any(b.kind == "table_row" for b in doc.blocks)
    assert PlainText(text, pads(doc)).plain == ("主要指标如下：\n| 指标 | 单位 | 绝对数 |\n| 县区级 | 万元 | 59725 |\n"
                                                "| 市本级 | 万元 | 14070 |\n| 濮阳市 | 万元 | 73795 |\n")


def test_relations_of_a_padded_text_index_the_text_as_written():
    text = ("全 市 一 般 公 共 预 算 收 入 完 成 31.99亿元 ，其 中 ：税 收 收 入 26.83亿元 ，非 税 收 入 5.16亿元 。"
            "税 收 收 入 占 比 83.9%。")
    rel = sm.relations(text=text)
    got = sorted((r.relation, text[slice(*r.figure)], [text[slice(*o)] for o in r.operands]) for r in rel.itertuples())
    assert got == [("share_of", "83.9%", ["26.83亿元", "31.99亿元"]), ("total_of", "31.99亿元", ["26.83亿元", "5.16亿元"])]
    for r in rel.itertuples():
        assert r.statement_start <= r.figure[0] < r.figure[1] <= r.statement_end <= len(text)
        assert all(text[s:e] == surface for s, e, surface in r.evidence)
    share = rel[rel["relation"] == "share_of"].iloc[0]
    assert text[share.statement_start:share.statement_end] == "税 收 收 入 占 比 83.9%。"


def test_a_line_break_known_to_wrap_joins_a_paragraph_its_width_does_not_show():
    text = "全市一般公共预算收入完成31.99亿元，\n增长26%。"
    result = ReadResult(text=text, format="txt")
    assert len(build_document(result, doc_id="d", source="d").paragraphs) == 2
    assert len(build_document(result, doc_id="d", source="d", wraps=[text.index("\n")]).paragraphs) == 1
