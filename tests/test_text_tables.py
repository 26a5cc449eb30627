"""Plain-text tables with | between cells (issue #19, tables; #15, relations a table states): the layouts
met in real files, read into Document.tables with cells as spans of the unchanged text."""
from __future__ import annotations

from pathlib import Path

import pytest

import summary_mining as sm
from summary_mining.readers.text_tables import find_space_tables, find_text_tables, find_word_tables

ROOT = Path(__file__).resolve().parents[1]
RELDOCS = ROOT / "tests" / "data" / "relations" / "docs"

# (layout, text, header, first row, last row, cells before the header) — excerpts of real files:
# corpora/ningyuan_2023_tjgb.txt, tests/data/relations/docs/c13.txt, c09.txt, r53.txt, r24.txt
LAYOUTS = [
    ("row per line, header wrapped",
     "品 名 | 播种面积\n(亩﹚ |\n同比增减(%) | 产量﹙吨﹚ | 同比增减﹙%﹚ |\n粮食作物 | 726760 | -1.78 | 315690 | 0.8 |\n"
     "其中:稻谷 | 607056 | -0.32 | 267838 | 1.05 |\n林业保持稳定。全县森林覆盖率为53.77%。\n",
     ["品 名", "播种面积(亩﹚", "同比增减(%)", "产量﹙吨﹚", "同比增减﹙%﹚"],
     ["粮食作物", "726760", "-1.78", "315690", "0.8"], ["其中:稻谷", "607056", "-0.32", "267838", "1.05"], []),
    ("cell per line, a cell over two lines",
     "项 目 |\n单 位 |\n2014年 |\n2015年 |\n2015年比\n2014增长% |\n一、旅游业收入 |\n亿元 |\n210.23 |\n227.44 |\n8.2 |\n"
     "其中:旅游外汇收入 |\n万美元 |\n48413.47 |\n29843.23 |\n-38.0 |\n",
     ["项 目", "单 位", "2014年", "2015年", "2015年比2014增长%"],
     ["一、旅游业收入", "亿元", "210.23", "227.44", "8.2"], ["其中:旅游外汇收入", "万美元", "48413.47", "29843.23", "-38.0"], []),
    ("cell per line, a | line between rows",
     "|\n行業名稱 |\n現價 (萬元) |\n增速 (%) |\n|\n地區生產總值 |\n529757 |\n13.1 |\n|\n工業 |\n111250 |\n12.7 |\n",
     ["行業名稱", "現價 (萬元)", "增速 (%)"], ["地區生產總值", "529757", "13.1"], ["工業", "111250", "12.7"], []),
    ("| on a line of its own, a unit cell before the header",
     "2022年全区生产总值及其增长速度\n|\n单位:亿元\n|\n指 标\n|\n绝对数\n|\n比上年增长%\n|\n生产总值\n|\n295.4\n|\n7.7\n|\n"
     "第一产业\n|\n24.4\n|\n3.3\n|\n",
     ["指 标", "绝对数", "比上年增长%"], ["生产总值", "295.4", "7.7"], ["第一产业", "24.4", "3.3"], ["单位:亿元"]),
    ("a blank stub header",
     "| 绝 对 数 (亿元) | 比上年增长 (%) |\n地区生产总值 | 617.50 | 5.2 |\n第一产业 | 37.11 | 2.6 |\n",
     ["", "绝 对 数 (亿元)", "比上年增长 (%)"], ["地区生产总值", "617.50", "5.2"], ["第一产业", "37.11", "2.6"], []),
    # a table of shared/formats/qiandongnan_2023_stats_bulletin.pdf written as text converters write it
    ("markdown, an alignment row under the header",
     "| 指标名称 | 年末数（人） | 比重（%） |\n|---|:---:|---:|\n| 全州总户籍人口 | 4899310 | 100.0 |\n| #城镇 | 1654272 | 33.8 |\n"
     "| 乡村 | 3245038 | 66.2 |\n",
     ["指标名称", "年末数（人）", "比重（%）"], ["全州总户籍人口", "4899310", "100.0"], ["乡村", "3245038", "66.2"], []),
    ("rows written between their cells only",
     "指标名称 | 年末数（人） | 比重（%）\n全州总户籍人口 | 4899310 | 100.0\n#城镇 | 1654272 | 33.8\n乡村 | 3245038 | 66.2\n",
     ["指标名称", "年末数（人）", "比重（%）"], ["全州总户籍人口", "4899310", "100.0"], ["乡村", "3245038", "66.2"], []),
    ("full-width separators between the cells only",
     "指标名称｜年末数（人）｜比重（%）\n全州总户籍人口｜4899310｜100.0\n#城镇｜1654272｜33.8\n乡村｜3245038｜66.2\n",
     ["指标名称", "年末数（人）", "比重（%）"], ["全州总户籍人口", "4899310", "100.0"], ["乡村", "3245038", "66.2"], []),
]




def test_rows_broken_over_lines_at_blank_cells_under_a_header_over_two_lines():
    """tests/data/relations/docs/x08.txt (a county finance office's monthly table, PDF text): each row runs over
    three lines, broken where a cell is blank (为预算的%), and its header spans two lines. The rows are read by
    their names, the header's first line heads equal shares of its second, and the table's totals are read."""
    text = (RELDOCS / "x08.txt").read_text(encoding="utf-8")
    (t,) = find_text_tables(text)
    assert t.header == ["单位名称", "一般公共预算收入当月", "一般公共预算收入累计", "一般公共预算收入为预算的%",
                        "一般公共预算收入增幅%", "税收比重%", "一般公共预算支出当月", "一般公共预算支出累计",
                        "一般公共预算支出为预算的%", "一般公共预算支出增幅%"]
    rows = [[text[a:b] for a, b in r] for r in t.rows]
    assert len(rows) == 14
    assert rows[0] == ["濮阳市", "73795", "234267", "", "-10.9", "70.9", "380990", "744234", "", "-4.1"]
    assert rows[-1] == ["台前县", "4183", "11224", "", "-5.4", "72.5", "67713", "86999", "", "0.4"]
    df = sm.extract(text=text)
    cell = df[(df["source"] == "table") & (df["surface"] == "70.9")].iloc[0]
    assert (cell["value"], cell["unit"]) == (70.9, "%")  # (税收比重%: no amount in 万元)
    growth = df[(df["source"] == "table") & (df["surface"] == "-10.9")].iloc[0]
    assert (growth["value"], growth["unit"], growth["label"]) == (-10.9, "%", "濮阳市一般公共预算收入增幅")
    a = sm.audit(text=text)
    msgs = a.loc[a["status"] == "consistent", "message"].tolist()
    for total in ("濮阳市73795与表内分项所列 14070+59725=73795万元", "县级514301与表内分项所列 164712+51975+101285+109330+86999=514301万元"):
        assert any(m.startswith(total) for m in msgs), total
    assert not (a["status"] == "inconsistent").any()


@pytest.mark.parametrize("layout, text, header, first, last, before", LAYOUTS, ids=[c[0] for c in LAYOUTS])
def test_layouts(layout, text, header, first, last, before):
    (t,) = find_text_tables(text)
    assert t.header == header
    rows = [[text[a:b] for a, b in r] for r in t.rows]
    assert rows[0] == first and rows[-1] == last
    assert [text[a:b] for a, b in t.before] == before


# Lines with | that are no table: page furniture, a paragraph ending in |, a one-column list.
NOT_TABLES = [
    "- 2021-04-13 发布 |\n- 37.5 KB |\n正文开始。",
    "|\n据海关统计,前7个月外贸进出口1.15万亿元,增长4.6%。其中,出口7070.6亿元,增长8.6%。 |\n",
    "我市西洽会签约项目履约良好 |\n发布时间:2010/7/16 浏览次数:1025 次 |\n文字 〖 大 中 小 〗 |\n",
    "乡镇政府工作总结|乡镇人民政府五年工作总结\n一、工作回顾\n",
]


@pytest.mark.parametrize("text", NOT_TABLES, ids=range(len(NOT_TABLES)))
def test_no_table_where_there_is_none(text):
    assert find_text_tables(text) == []
    assert sm.read_document(text=text).tables == []


#: A table of shared/formats/qiandongnan_2023_stats_bulletin.pdf as a PDF's text layout writes it (columns set apart
#: by spaces), between two sentences.
SPACED = ("全年全州户籍人口如下表。\n指标名称          年末数（人）    比重（%）\n全州总户籍人口        4899310      100.0\n"
          "  #城镇                 1654272       33.8\n  乡村                  3245038       66.2\n全年出生人口4.2万人。")


def test_a_table_whose_columns_are_set_apart_by_spaces():
    doc = sm.read_document(text=SPACED)
    (t,) = doc.tables
    assert t.columns.tolist() == ["指标名称", "年末数（人）", "比重（%）"]
    assert t.values.tolist()[-1] == ["乡村", "3245038", "66.2"]
    df = sm.extract(text=SPACED)
    cell = df[df["surface"] == "3245038"].iloc[0]
    assert (cell["source"], cell["value"], SPACED[cell["start"]:cell["end"]]) == ("table", 3245038.0, "3245038")
    assert cell["unit"] == "人" and df[df["surface"] == "66.2"].iloc[0]["kind"] == "percentage"
    audit = sm.audit(text=SPACED)
    assert "consistent" in set(audit["status"]) and "inconsistent" not in set(audit["status"])


def test_a_cell_with_a_doubled_decimal_point_holds_its_place():
    """43..67 (as the Qiandongnan 2023 bulletin prints it) is no figure, but the rows after it stay in the table."""
    text = ("指标名称 | 绝对数（亿元） | 比上年增长（%） |\n农林水 | 69.71 | 22.3 |\n教育 | 104.83 | 43..67 |\n"
            "交通运输 | 8.18 | 37.3 |\n")
    (t,) = find_text_tables(text)
    assert [[text[a:b] for a, b in r] for r in t.rows][-1] == ["交通运输", "8.18", "37.3"]
    df = sm.extract(text=text)
    assert df["surface"].tolist() == ["69.71", "22.3", "104.83", "8.18", "37.3"]
    assert (df["source"] == "table").all()


def test_a_spaced_table_whose_header_leaves_the_row_names_column_blank():
    text = SPACED.replace("指标名称          年末数（人）", "                  年末数（人）")
    (t,) = find_space_tables(text)
    assert t.header == ["", "年末数（人）", "比重（%）"]
    assert [[text[a:b] for a, b in r] for r in t.rows][0] == ["全州总户籍人口", "4899310", "100.0"]


@pytest.mark.parametrize("text", [
    # sentences with wide gaps (a PDF's justified lines): no table
    "全年实现地区生产总值  1162.95亿元，比上年增长  7.2%。\n其中第一产业  50.95亿元，增长  0.7%。\n第二产业  783.34亿元。\n",
    # a contents page: page numbers after wide gaps
    "目  录\n一、综合    1\n二、农业    3\n三、工业    5\n",
])
def test_no_spaced_table_where_there_is_none(text):
    assert sm.read_document(text=text).tables == []


#: A table as a PDF's text often comes out, cells set apart by one space and the header's words spaced out letter by
#: letter (tests/data/relations/docs/j08.txt, a 2025 bulletin), between two sentences.
ONE_SPACE = ("全年旅客运输量增长3.9%。\n2025 年全市各种运输方式旅客和货物运输量及增速\n指 标 单 位 绝对数 比上年增长%\n"
             "旅客运输量 万人次 8145.7 3.9\n其中：公路 万人次 1878.0 14.7\n铁路 万人次 5553.4 1.2\n"
             "民航（旅客发运量） 万人次 657.6 0.2\n水运 万人次 56.6 3.6\n年末汽车保有量 332.1 万辆，比上年末增长 5.3%。")


def test_a_table_whose_cells_are_set_apart_by_one_space():
    (t,) = sm.read_document(text=ONE_SPACE).tables
    assert t.columns.tolist() == ["指 标", "单 位", "绝对数", "比上年增长%"]
    assert t.values.tolist()[-1] == ["水运", "万人次", "56.6", "3.6"]
    df = sm.extract(text=ONE_SPACE)
    cell = df[df["surface"] == "5553.4"].iloc[0]
    # (in the unit of its row's 单位 cell: 万人次)
    assert (cell["source"], cell["value"], ONE_SPACE[cell["start"]:cell["end"]]) == ("table", 55_534_000.0, "5553.4")
    assert not (df[df["surface"] == "332.1万辆"]["source"] == "table").any()  # (the sentence after it stays text)
    # the 其中 rows break the first row down: 1878.0+5553.4+657.6+56.6 = 8145.6 (within the rounding of four parts)
    row = next(r for r in sm.audit(text=ONE_SPACE).itertuples() if r.evidence[0][2] == "8145.7" and r.check == "breakdown")
    assert row.status == "consistent" and [e[2] for e in row.evidence[1:]] == ["1878.0", "5553.4", "657.6", "56.6"]
    wrong = ONE_SPACE.replace("5553.4", "6553.4")
    row = next(r for r in sm.audit(text=wrong).itertuples() if r.evidence[0][2] == "8145.7" and r.check == "breakdown")
    assert row.status == "inconsistent", row.message


@pytest.mark.parametrize("text", [
    # lines of a PDF's prose broken mid-sentence, with single spaces round the numbers: no table
    "全年完成货物运输总量 9976.0 万吨，比上年增长 6.1%。其\n中，铁路1162.4万吨，增长18.8%；公路8704.6万吨。\n",
    # a heading, then lines of words and one number each but no header of as many cells
    "三、主要成绩\n新增 企业 120\n新增 项目 35\n新增 就业 800\n",
])
def test_no_one_space_table_where_there_is_none(text):
    assert sm.read_document(text=text).tables == []


def test_a_text_table_gives_table_figures_with_offsets_into_the_unchanged_text():
    path = ROOT / "corpora" / "ningyuan_2023_tjgb.txt"
    doc = sm.read_document(path)
    assert doc.text == path.read_text(encoding="utf-8")
    df = sm.extract(doc)
    t = df[df["source"] == "table"]
    row = t[t["surface"] == "-1.78"].iloc[0]
    assert doc.text[row["start"]:row["end"]] == "-1.78"
    assert (row["label"], row["indicator"], row["value"], row["unit"]) == ("粮食作物播种面积同比增", "粮食播种面积", -1.78, "%")
    area = t[t["surface"] == "726760"].iloc[0]
    assert (area["label"], area["value"], area["unit"]) == ("粮食作物播种面积", 726760.0, "亩")
    output = t[t["surface"] == "315690"].iloc[0]
    assert (output["label"], output["indicator"], output["unit"]) == ("粮食作物产量", "粮食产量", "吨")
    for r in df.itertuples():
        assert doc.text[r.start:r.end] == r.surface


def test_a_unit_in_a_row_name_holds_for_the_rows_below():
    doc = sm.read_document(RELDOCS / "c15.txt")
    df = sm.extract(doc)
    t = df[(df["source"] == "table") & (df["kind"] != "percentage")]
    assert t[t["surface"] == "1065617"].iloc[0]["unit"] == "人次"  # 1、国际游客, under 一、城市接待旅游人数(人次)


@pytest.mark.parametrize("doc, stated, status, computed", [
    ("c13", "8.2", "consistent", 8.186272),  # 2014年 | 2015年 | 增长%: growth along the row
    ("c13", "-38.0", "inconsistent", -38.357589),  # the real slip the annotator found
    ("c13", "9021531", "consistent", 9021531.0),  # 二、 = (一) + (二): numbered parts
    ("c15", "7009753", "consistent", 7009753.0),  # 一、 = 1、 + 2、
    ("c09", "21", "consistent", 21.000194),  # 行业占比 against 现价, the total row's share being 100
    ("r24", "617.50", "consistent", 617.5),  # rows adding up with no outline
])
def test_relations_a_table_states(doc, stated, status, computed):
    a = sm.audit(RELDOCS / f"{doc}.txt")
    rows = [r for r in a.itertuples() if r.evidence[0][2] == stated and r.check in ("growth", "breakdown", "share")]
    assert len(rows) == 1, a[["check", "message"]]
    assert rows[0].status == status and rows[0].computed == pytest.approx(computed, abs=1e-4), rows[0].message


def test_a_figure_never_reads_across_a_table_row():
    # 黔东南 2023 表9: 私营企业 | 10374 | 18.0 ⏎ 个体工商户 …: no "18.0个"
    doc = sm.read_document(ROOT.parent / "shared" / "formats" / "qiandongnan_2023_stats_bulletin.pdf") \
        if (ROOT.parent / "shared" / "formats").is_dir() else None
    if doc is None:
        pytest.skip("../shared/formats is not here")
    df = sm.extract(doc)
    assert not df["surface"].str.contains("\n").any()
    cell = df[(df["surface"] == "18.0") & (df["source"] == "table")].iloc[0]
    assert (cell["label"], cell["unit"]) == ("私营企业", "%")


# Tables flattened to a cell per line, as PDF text extraction leaves a bulletin's tables (no | at all): excerpts of
# tests/data/relations/docs/e14.txt (a dev document). (text, header, first row, last row)
LINE_TABLES = [
    ("2025年年末全市户籍人口数及其构成\n指 标\n年末数（万人）\n比重（%）\n全市户籍总人口\n215.9\n100.0\n其中：城镇\n110.8\n51.3\n"
     "乡村\n105.0\n48.7\n全年全市实现新增就业人员25369人，失业人员实现再就业18848人。\n",
     ["指 标", "年末数（万人）", "比重（%）"], ["全市户籍总人口", "215.9", "100.0"], ["乡村", "105.0", "48.7"]),
    # two tables printed one after the other: the lines after the first one's last row start the next
    ("2025年全市规模以上工业产值增速\n指 标\n比上年增长（%）\n规模以上工业产值增长速度\n0.4\n其中：轻工业\n-4.4\n重工业\n5.1\n"
     "2025年全市规模以上工业企业主要产品产量及增速\n指 标\n单 位\n数 量\n比上年增长\n大米\n万吨\n267.0\n-1.1%\n鲜、冷藏肉\n万吨\n"
     "3.0\n1.8%\n啤酒\n万千升\n5.7\n-16.2%\n",
     ["指 标", "比上年增长（%）"], ["规模以上工业产值增长速度", "0.4"], ["重工业", "5.1"]),
    # each header cell broken over lines (地区生⏎产总值⏎（亿元）), the growth columns' one sub-header repeated after the
    # indicators while each row gives an indicator then its growth (tests/data/relations/docs/d07.txt, a dev document)
    ("表1  2025年分区县地区生产总值及其增长速度\n区 县\n地区生\n产总值\n（亿元）\n第一产业\n增加值\n（亿元）\n第二产业\n增加值\n"
     "（亿元）\n比上年\n增长（%）\n比上年\n增长（%）\n比上年\n增长（%）\n伊州区\n664.08\n7.6\n33.65\n-0.7\n367.44\n8.9\n"
     "巴里坤县\n211.11\n14.6\n12.61\n4.1\n167.96\n17.9\n伊吾县\n287.75\n10.4\n4.69\n2.8\n247.94\n11.4\n"
     "全年城镇新增就业9575人。\n",
     ["区 县", "地区生产总值（亿元）", "比上年增长（%）", "第一产业增加值（亿元）", "比上年增长（%）", "第二产业增加值（亿元）",
      "比上年增长（%）"], ["伊州区", "664.08", "7.6", "33.65", "-0.7", "367.44", "8.9"],
     ["伊吾县", "287.75", "10.4", "4.69", "2.8", "247.94", "11.4"]),
    # a web page's table: each cell a line set apart by a blank line, two blank lines an empty cell (the stub's header)
    ("主要产品产量\n\n\n2023年\n\n较上年增长(%)\n\n粮食总产量\n\n16.28\n\n0.5\n\n其中:谷物\n\n9.77\n\n-9.7\n\n"
     "油料总产量\n\n0.40\n\n5.9\n\n水果总产量\n\n38.44\n\n4.9\n\n畜牧业生产情况\n",
     ["列1", "2023年", "较上年增长(%)"], ["粮食总产量", "16.28", "0.5"], ["水果总产量", "38.44", "4.9"]),
]


@pytest.mark.parametrize("text, header, first, last", LINE_TABLES, ids=["one table", "two tables in a row",
                                                                       "header cells over lines, two levels",
                                                                       "cells set apart by blank lines"])
def test_tables_of_a_cell_per_line(text, header, first, last):
    doc = sm.read_document(text=text)
    assert doc.text == text
    table = doc.tables[0]
    assert [str(c) for c in table.columns] == header
    assert table.values[0].tolist() == first and table.values[-1].tolist() == last
    df = sm.extract(doc)
    cells = df[df["source"] == "table"]
    assert all(text[r.start:r.end] == r.surface for r in cells.itertuples())


def test_a_line_table_gives_figures_and_relations_like_any_table():
    doc = sm.read_document(text=LINE_TABLES[0][0])
    cells = sm.extract(doc).query("source == 'table'")
    share = cells[cells["surface"] == "51.3"].iloc[0]
    assert (share["label"], share["kind"], share["value"], share["unit"]) == ("城镇", "percentage", 51.3, "%")
    people = cells[cells["surface"] == "215.9"].iloc[0]
    assert (people["value"], people["unit"]) == (2159000.0, "人")
    rows = {(r.check, r.status, r.evidence[0][2], tuple(e[2] for e in r.evidence[1:])) for r in sm.audit(doc).itertuples()}
    assert ("breakdown", "consistent", "215.9", ("110.8", "105.0")) in rows  # its 其中 row: 城镇 + 乡村


def test_two_line_tables_in_a_row_are_two_tables():
    doc = sm.read_document(text=LINE_TABLES[1][0])
    assert [list(map(str, t.columns)) for t in doc.tables] == [["指 标", "比上年增长（%）"], ["指 标", "单 位", "数 量", "比上年增长"]]
    assert doc.tables[1].values[-1].tolist() == ["啤酒", "万千升", "5.7", "-16.2%"]


# Short lines that are no table: a table of contents (numbers are no values of a row), prose lines ending a sentence.
NOT_LINE_TABLES = [
    "目录\n一、综合\n1\n二、农业\n3\n三、工业\n5\n四、服务业\n7\n五、财政\n9\n",
    "全年粮食产量增长。\n面积增加。\n12.5\n单产提高。\n8.1\n总产增加。\n7.7\n其他。\n3.3\n",
]


@pytest.mark.parametrize("text", NOT_LINE_TABLES, ids=["contents", "sentences"])
def test_no_line_table_where_there_is_none(text):
    assert sm.read_document(text=text).tables == []


GROUPED = ("表1 2022年年末常住人口数及其构成\n指标名称 | 绝对数(万人) | 占年末常住人口比重(%) |\n年末常住人口 | 3856 | 100 |\n"
           "按城乡分 | ||\n城镇 | 2114 | 54.81 |\n乡村 | 1742 | 45.19 |\n按性别分 | ||\n男性 | 1971 | 51.12 |\n女性 | 1885 | 48.88 |\n")


def test_a_row_naming_a_group_of_rows_stays_in_its_table():
    """按城乡分 | | : a row of no values before a row of values heads a group; the table goes on past it."""
    doc = sm.read_document(text=GROUPED)
    (table,) = doc.tables
    assert table.iloc[:, 0].tolist() == ["年末常住人口", "按城乡分", "城镇", "乡村", "按性别分", "男性", "女性"]


@pytest.mark.parametrize("women, status", [("1885", "consistent"), ("1985", "inconsistent")])
def test_each_group_of_rows_breaks_down_the_row_above_the_first_head(women, status):
    """城镇 + 乡村 and 男性 + 女性 each make up 年末常住人口 (known partitions: a mismatch is an error)."""
    rows = sm.audit(text=GROUPED.replace("1885 |", f"{women} |"))
    found = {(r.message.split("所列")[0], r.status) for r in rows.itertuples() if r.check == "breakdown"}
    assert found == {("年末常住人口3856与按城乡分", "consistent"), ("年末常住人口3856与按性别分", status)}


def _full_width(text: str) -> str:
    return text.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789%"})


def _traditional(text: str) -> str:
    return text.replace("城镇", "城鎮").replace("乡村", "鄉村").replace("指标名称", "指標名稱")


@pytest.mark.parametrize("write", [_full_width, _traditional, lambda t: _full_width(t).replace("|", "｜")])
@pytest.mark.parametrize("women, status", [("1885", "consistent"), ("1985", "inconsistent")])
def test_a_table_written_in_full_width_digits_or_traditional_script_is_read_alike(write, women, status):
    """The tables' rules read the normalised text (length for length), so a table of full-width digits (年末常住人口 |
    ３８５６ | １００ |) or in traditional script is found as its plain form is; its figures keep offsets into the text as
    written."""
    text = write(GROUPED.replace("1885 |", f"{women} |"))
    doc = sm.read_document(text=text)
    (table,) = doc.tables
    assert len(table) == 7
    cells = sm.extract(doc).query("source == 'table'")
    assert len(cells) == 10 and all(text[r.start:r.end] == r.surface for r in cells.itertuples())
    total = cells[cells["surface"] == write("3856")].iloc[0]
    assert (total["start"], total["value"], total["unit"]) == (text.index(write("| 3856 |")) + 2, 38560000.0, "人")
    found = {(r.message.split("与")[1][:4], r.status) for r in sm.audit(doc).itertuples() if r.check == "breakdown"}
    assert found == {("按城乡分", "consistent"), ("按性别分", status)}


@pytest.mark.parametrize("rural, status", [("1,051,000", "consistent"), ("1,151,000", "inconsistent")])
def test_a_table_of_a_cell_per_line_whose_numbers_group_their_digits(rural, status):
    """2,159,000 (digits grouped by commas) is one number cell: the table of a cell per line is found and its 其中 rows
    break its total down."""
    text = ("2025年年末全市户籍人口\n指 标\n年末数（人）\n比重（%）\n全市户籍总人口\n2,159,000\n100.0\n其中：城镇\n1,108,000\n"
            f"51.3\n乡村\n{rural}\n48.7\n")
    doc = sm.read_document(text=text)
    (table,) = doc.tables
    assert table.iloc[:, 1].tolist() == ["2,159,000", "1,108,000", rural]
    rows = [(r.status, r.computed) for r in sm.audit(doc).itertuples() if r.check == "breakdown"]
    assert rows == [(status, 1108000 + int(rural.replace(",", "")))]


def test_a_page_number_in_full_width_digits_does_not_end_a_wrapped_paragraph():
    """— ９ — between two lines of a hard-wrapped text is read past as — 9 — is: the statement goes on."""
    body = ("全市一般公共预算收入完成２７.６３亿元，比上年增长５.２％，完成年度预算的１０２％。其中，税收收入完成",
            "１７.２３亿元，非税收入完成１０.４亿元。全市一般公共预算支出完成８０.９７亿元，比上年增长３.１％。",
            "市级一般公共预算收入完成１２.５亿元，比上年增长４.１％，其中税收收入８.６亿元，非税收入３.９亿元，",
            "完成年度预算的１０１.３％。市级一般公共预算支出完成３０.２亿元，比上年增长２.９％，完成预算的９８％。",
            "全市政府性基金预算收入完成１５.６亿元，比上年下降１２.４％，完成调整预算的９２.５％，其中国有土地使",
            "用权出让收入１３.２亿元。全市政府性基金预算支出完成２１.８亿元，比上年下降８.７％。")
    for page in ("— ９ —", "— 9 —"):
        text = "\n".join(body[:1] + (page,) + body[1:]) + "\n"
        rows = {r.evidence[0][2]: r.status for r in sm.audit(text=text).itertuples() if r.check == "breakdown"}
        assert rows["２７.６３亿元"] == "consistent", page  # 税收 17.23 + 非税 10.4 = 27.63, across the page break


def test_a_table_of_tab_separated_cells_is_a_table():
    """指标\\t利润总额（亿元）\\t比上年增长（%）: tabs separate cells as | does; its value restates the text's."""
    text = ("全年规模以上工业企业利润总额345.30亿元，比上年增长9.3%。\n表4 2025年规模以上工业企业利润总额及增长速度\n"
            "指标\t利润总额（亿元）\t比上年增长（%）\n规模以上工业\t345.3\t9.3\n其中：国有控股企业\t98.1\t5.2\n")
    doc = sm.read_document(text=text)
    (table,) = doc.tables
    assert table.iloc[:, 0].tolist() == ["规模以上工业", "其中：国有控股企业"]
    cells = sm.extract(text=text).query("surface == '345.3'")
    assert (cells["value"].tolist(), cells["unit"].tolist()) == ([345.3e8], ["元"])
    rows = sm.audit(text=text)
    restated = {tuple(e[2] for e in r.evidence[:2]): r.status for r in rows.itertuples() if r.check == "repeat"}
    assert restated[("345.30亿元", "345.3")] == "consistent" and restated[("9.3%", "9.3")] == "consistent"


#: 哈密 2025 (tests/data/relations/docs/d07.txt) 表1, as a | table: each county's GDP and its three sectors, growth beside each.
_SECTORS = ("表1 2025年分区县地区生产总值及其增长速度\n"
            "区县 | 地区生产总值（亿元） | 比上年增长（%） | 第一产业增加值（亿元） | 比上年增长（%） | 第二产业增加值（亿元） | "
            "比上年增长（%） | 第三产业增加值（亿元） | 比上年增长（%） |\n"
            "伊州区 | 664.08 | 7.6 | 33.65 | -0.7 | 367.44 | 8.9 | 262.99 | 7.1 |\n"
            "巴里坤县 | 211.11 | 14.6 | 12.61 | 4.1 | 167.96 | 17.9 | 30.54 | 7.0 |\n")


@pytest.mark.parametrize("cell, changed, status", [("367.44", "367.44", "consistent"), ("367.44", "387.44", "inconsistent")])
def test_a_partitions_columns_add_up_to_its_wholes_column_in_each_row(cell, changed, status):
    """地区生产总值 | 第一产业增加值 | 第二产业增加值 | 第三产业增加值: the three sectors' columns add up to the GDP's in each
    row (a known partition whose whole the first column names)."""
    rows = [r for r in sm.audit(text=_SECTORS.replace(cell, changed)).itertuples()
            if r.check == "breakdown" and r.evidence[0][2] == "664.08"]
    assert len(rows) == 1 and [e[2] for e in rows[0].evidence[1:]] == ["33.65", changed, "262.99"], rows
    assert rows[0].status == status, rows[0].message


@pytest.mark.parametrize("layout", range(len(LINE_TABLES)))
def test_a_table_of_a_cell_per_line_with_windows_line_ends_is_the_same_table(layout):
    """\\r\\n line ends (a Windows file) give the same table, cells as spans of the text as written."""
    text, header, first, last = LINE_TABLES[layout]
    crlf = text.replace("\n", "\r\n")
    doc = sm.read_document(text=crlf)
    assert doc.text == crlf
    table = doc.tables[0]
    assert [str(c) for c in table.columns] == header
    assert table.values[0].tolist() == first and table.values[-1].tolist() == last


#: 表1 of a county bulletin (w01), its rows written between their cells only (no bar at a line's ends), or with
#: full-width bars: a row whose last cell is empty ends with a bar all the same.
_OPEN_ROWS = ("表1 2019年年末阿左旗人口数及构成 |  |  | \n指 标 | 单位 | 年末数 | 比重(%)\n总户数 | 户 | 64933 | \n"
              "户籍总人口 | 人 | 146041 | 100.0\n其中: 城镇 | 人 | 90730 | 62.1\n乡村 | 人 | 55311 | 37.9\n")


@pytest.mark.parametrize("text", [_OPEN_ROWS, _OPEN_ROWS.replace(" | ", "｜")], ids=["bars", "full-width bars"])
def test_open_rows_with_an_empty_last_cell_keep_their_columns(text):
    doc = sm.read_document(text="人口情况如下：\n" + text + "\n全年出生人口1913人。")
    (table,) = doc.tables
    assert list(table.columns) == ["指 标", "单位", "年末数", "比重(%)"]
    assert table.values.tolist()[:2] == [["总户数", "户", "64933", ""], ["户籍总人口", "人", "146041", "100.0"]]
    shares = [(r.status, round(r.computed, 1), [e[2] for e in r.evidence]) for r in sm.audit(doc).itertuples() if r.check == "share"]
    assert ("consistent", 62.1, ["62.1", "90730", "146041"]) in shares


def test_a_spaced_table_row_whose_last_cell_is_empty_stays_in_the_table():
    """总户数  户  64933   (its empty 比重 cell left as the gap before the line's end) is a row of the table, a cell fewer."""
    text = ("人口情况如下：\n表1 2019年年末阿左旗人口数及构成\n指 标  单位  年末数  比重(%)\n总户数  户  64933  \n"
            "户籍总人口  人  146041  100.0\n其中: 城镇  人  90730  62.1\n乡村  人  55311  37.9\n全年出生人口1913人。")
    (table,) = find_space_tables(text)
    assert table.header == ["指 标", "单位", "年末数", "比重(%)"]
    assert [[text[a:b] for a, b in r] for r in table.rows[:2]] == [["总户数", "户", "64933", ""], ["户籍总人口", "人", "146041", "100.0"]]
    shares = [(r.status, round(r.computed, 1)) for r in sm.audit(text=text).itertuples() if r.check == "share"]
    assert ("consistent", 62.1) in shares
    # without the gap the row's missing cell could be any: no row of the table
    assert not find_space_tables(text.replace("64933  \n", "64933\n"))


def test_a_one_space_table_row_of_one_letter_words_is_no_word_spaced_out():
    """纱 吨 1440.63 8.3 (a product of one letter, its unit one letter) keeps four cells under a header of four: the
    letters of a word a PDF spaced out (指 标 单 位) pair up only where the row would not fit the header otherwise."""
    text = ("主要产品产量如下：\n产品名称 单位 产量 比上年增长(%)\n饲料 万吨 35.58 53.6\n饮料 万吨 19.86 3.8\n纱 吨 1440.63 8.3\n"
            "蚕丝 吨 148.47 113.9\n人造板表面装饰板 万平方米 243.34 4.3\n\n全年情况良好。")
    (table,) = find_word_tables(text)
    assert [[text[a:b] for a, b in r] for r in table.rows][2:4] == [["纱", "吨", "1440.63", "8.3"], ["蚕丝", "吨", "148.47", "113.9"]]
    assert len(table.rows) == 5


def test_a_one_space_table_row_whose_last_cell_is_empty_stays_in_the_table():
    """全市常住人口 866.60  (its empty 比重 cell left as the space before the line's end) is a row of the table."""
    text = ("人口情况如下：\n指标 年末数（万人） 比重（%）\n全市常住人口 866.60 \n其中：城镇 392.66 45.31\n乡村 473.94 54.69\n"
            "其中：男性 428.20 49.41\n女性 438.40 50.59\n\n全年出生人口7.5万人。")
    (table,) = find_word_tables(text)
    assert [[text[a:b] for a, b in r] for r in table.rows][:2] == [["全市常住人口", "866.60", ""], ["其中：城镇", "392.66", "45.31"]]
    shares = [(r.status, round(r.computed, 2)) for r in sm.audit(text=text).itertuples() if r.check == "share"]
    assert ("consistent", 45.31) in shares


def test_a_spaced_table_of_one_value_column_under_an_indented_header():
    """          比上年增长（%） — one header cell indented past the row names' column — heads a table of two columns."""
    text = ("主要工业指标：\n          比上年增长（%）\n规模以上工业增加值    5.0\n在总计中：轻工业    0.2\n重工业    11.2\n"
            "在总计中：国有企业    -2.0\n集体企业    -28.0\n股份制企业    6.7\n\n全年工业生产平稳。")
    (table,) = find_space_tables(text)
    assert table.header == ["", "比上年增长（%）"]
    assert [[text[a:b] for a, b in r] for r in table.rows][:2] == [["规模以上工业增加值", "5.0"], ["在总计中：轻工业", "0.2"]]
    df = sm.extract(text=text)
    assert df.loc[df["source"] == "table", ["surface", "value", "unit"]].values.tolist()[:2] == [["5.0", 5.0, "%"], ["0.2", 0.2, "%"]]
