"""Table cells read as figures (summary_mining.figures.tables): units from headers, unit columns, row
names and unit lines; row label paths from markers and indentation; change columns; groups.

The hand-read set ``tests/data/tables/cells.csv`` (see its README) holds cells read by eye from real
bulletins: table caption, row as written (and which occurrence of it), column header, cell as
written, value and unit in the base unit, and the row label path as the table shows it. Each cell
is located in the document from those (not from the figures), and must come out as a table figure
with that value, unit and path.
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import pytest

import summary_mining as sm
from summary_mining.figures.tables import parse_unit, table_cells, table_document, table_figures, table_label

from conftest import SHARED

DATA = Path(__file__).parent / "data" / "tables"
CELLS = list(csv.DictReader((DATA / "cells.csv").open(encoding="utf-8")))


ROOT = Path(__file__).resolve().parents[1]
#: Where the bulletins live: this folder, the formats of ../shared, and (plain-text tables, set new3) the
#: bundled corpus and the relation set's documents.
PLACES = (DATA, SHARED / "formats", ROOT / "corpora", ROOT / "tests" / "data" / "relations" / "docs")
NO_CAPTION = "(no caption) "  # a table without a caption is named by its header's first cell


def _path(name: str) -> Path | None:
    for folder in PLACES:
        if (folder / name).exists():
            return folder / name
    return None


@lru_cache(maxsize=None)
def _read(name: str):
    p = _path(name)
    doc = sm.read_document(p)
    return doc, sm.extract(doc)


def _locate(doc, row: dict) -> tuple[int, int] | None:
    """The span of a hand-read cell in the document text, found from caption, row text and header."""
    if row["table"].startswith(NO_CAPTION):
        first = row["table"][len(NO_CAPTION):]
        tables = [t for t, df in enumerate(doc.tables) if not df.attrs.get("caption") and str(df.columns[0]) == first]
    else:
        tables = [t for t, df in enumerate(doc.tables) if df.attrs.get("caption") == row["table"]]
    if len(tables) != 1:
        return None
    t = tables[0]
    headers = [str(c) for c in doc.tables[t].columns]
    if row["column"] not in headers:
        return None
    j = headers.index(row["column"])
    seen = 0
    for b in doc.blocks:
        if b.kind != "table_row" or b.table != t:
            continue
        spans = b.cell_spans(doc.text)
        if doc.text[spans[0][0]:spans[0][1]].strip() != row["row"]:
            continue
        seen += 1
        if seen != int(row["n"]):
            continue
        a, z = spans[j]
        cell = doc.text[a:z]
        s = a + len(cell) - len(cell.lstrip())
        e = a + len(cell.rstrip())
        return (s, e) if doc.text[s:e] == row["cell"] else None
    return None


def _check(row: dict) -> str:
    """"" when the hand-read cell is found as a table figure with its value, unit and label path."""
    doc, frame = _read(row["file"])
    span = _locate(doc, row)
    if span is None:
        return "cell not located"
    fig = frame[(frame["start"] == span[0]) & (frame["end"] == span[1]) & (frame["source"] == "table")]
    if len(fig) != 1:
        return "no table figure"
    f = fig.iloc[0]
    if not math.isclose(float(f["value"]), float(row["value"]), rel_tol=1e-9, abs_tol=1e-9):
        return f"value {f['value']} != {row['value']}"
    if f["unit"] != row["unit"]:
        return f"unit {f['unit']} != {row['unit']}"
    cell = table_figures(doc).at(span[0])
    if cell is None or cell.path_str != row["label"]:
        return f"path {cell.path_str if cell else None!r} != {row['label']!r}"
    return ""


def _available() -> list[dict]:
    return [r for r in CELLS if _path(r["file"]) is not None]


def test_hand_read_set_is_large_and_varied():
    assert len(CELLS) >= 150
    assert {r["set"] for r in CELLS} == {"dev", "new", "new3"}
    assert len([r for r in CELLS if r["set"] == "new"]) >= 80
    assert len([r for r in CELLS if r["set"] == "new3"]) >= 100
    assert len({(r["file"], r["table"]) for r in CELLS}) >= 10
    assert {Path(r["file"]).suffix for r in CELLS} == {".pdf", ".docx", ".txt"}


def _score(rows: list[dict]) -> tuple[float, list[str]]:
    """The share of ``rows`` found, and one line per miss."""
    misses = []
    for r in rows:
        why = _check(r)
        if why:
            misses.append(f"{r['file'][:12]} | {r['table'][:12]} | {r['row']} | {r['column']} | {r['cell']}: {why}")
    return 1 - len(misses) / len(rows), misses


# Floors: ``dev`` cells were read from the three format bulletins while figures/tables.py was being
# written; ``new`` cells were read afterwards from bulletins the rules had never seen (column ``set``),
# so their share before any rule was changed for them (37.8 %, see tests/data/tables/README.md) is the
# honest held-apart score. The floors hold what the rules read since (new 79/82 = 96.3 %, dev and new
# 332/335 = 99.1 %), so a change that loses cells fails here. ``new3`` (110 cells of 7 plain-text | tables
# in six documents, read by a helper from the text files without running the library): 88/110 (80.0 %)
# when first scored — three of the six documents' tables had been seen while the text-table reader was
# written, kaizhou, bengbu and pingchang had not — and 104/110 (94.5 %) after two general fixes (a header
# cell may not be blank after the first, a caption between | marks stays text; 本月 names a measure, not
# a group). The six misses: pingchang's unmarked food items between numbered rows (the annotator, by the
# README's rule, put them alone), and c09's last row, cut short by the end of the file.
FLOORS = {"dev": 0.95, "new": 0.96, "new3": 0.94}


@pytest.mark.parametrize("subset", ["dev", "new", "new3"])
def test_hand_read_cells_are_found_with_value_unit_and_label(subset):
    rows = [r for r in _available() if r["set"] == subset]
    if not rows:
        pytest.skip(f"none of the {subset} bulletins of {DATA / 'cells.csv'} is available")
    share, misses = _score(rows)
    assert share >= FLOORS[subset], f"{subset}: {share:.1%} of {len(rows)} hand-read cells found; misses:\n" + "\n".join(misses)


def test_hand_read_cells_overall():
    rows = [r for r in _available() if r["set"] in ("dev", "new")]
    if not rows:
        pytest.skip(f"none of the bulletins of {DATA / 'cells.csv'} is available")
    share, misses = _score(rows)
    assert share >= 0.99, f"{share:.1%} of {len(rows)} hand-read cells found; misses:\n" + "\n".join(misses)


def test_the_whole_table_set_meets_the_goal():
    """Issue #19's goal over every hand-read cell (PDF, DOCX and plain-text tables): at least 95 %."""
    rows = _available()
    share, misses = _score(rows)
    assert len(rows) >= 400 and share >= 0.95, f"{share:.1%} of {len(rows)}; misses:\n" + "\n".join(misses)


@pytest.mark.parametrize("name", sorted({r["file"] for r in CELLS}))
def test_every_table_figure_is_its_surface(name):
    if _path(name) is None:
        pytest.skip(f"{name} not available")
    doc, frame = _read(name)
    for s, e, surface in zip(frame["start"], frame["end"], frame["surface"]):
        assert doc.text[s:e] == surface
    for c in table_cells(doc):
        assert doc.text[c.start:c.end] == c.surface


# ---------------------------------------------------------------------------------------------
# shapes, on small tables built from real rows
def _cells(rows, **kw):
    return [(c.surface, c.value, c.unit, c.path_str, c.column, c.direction) for c in table_cells(table_document(rows, **kw))]


def test_unit_line_and_group_columns():
    # 表10年末每百户城乡居民家庭拥有耐用品 / 单位：台 (黔东南 2016)
    got = _cells([["", "城 镇", "农村"], ["彩色电视机", "110", "107"], ["移动电话", "287", "299"]], unit="台")
    assert got == [("110", 110.0, "台", "城镇 > 彩色电视机", "城镇", None), ("107", 107.0, "台", "农村 > 彩色电视机", "农村", None),
                   ("287", 287.0, "台", "城镇 > 移动电话", "城镇", None), ("299", 299.0, "台", "农村 > 移动电话", "农村", None)]


@pytest.mark.parametrize("line, unit, read", [
    ("单位：万元", "万元", ("元", "万")), ("（单位：亿元）", "亿元", ("元", "亿")), ("计量单位：台", "台", ("台", "")),
    ("单位:萬(wàn)元", "万(wàn)元", ("元", "万")),  # a mirror site's gloss inside the unit (read past by parse_unit)
    ("单 位 :万 元 ", "万 元", ("元", "万")),  # a justified line pads each letter
    ("单位：万元 同比%", "", None), ("单位(元)", "", None),  # two words, or no colon: no line of a unit
])
def test_a_unit_line_read_past_glosses_and_padded_letters(line, unit, read):
    from summary_mining.readers.tables import unit_of_line
    assert unit_of_line(line) == unit
    if read is not None:
        u, scale = parse_unit(unit)
        assert (u.base, scale) == read


def test_a_table_under_a_glossed_unit_line_has_its_figures():
    """单位:萬(wàn)元 above a table (x08 as a mirror site writes it): its cells are amounts in 万元."""
    text = ("市本级及各县區(qū)具体情况如下表:\n单位:萬(wàn)元\n单位名称 | 一般公共预算收入 | 一般公共预算支出 |\n"
            "濮阳市 | 73795 | 380990 |\n市本级 | 14070 | 59373 |\n县區(qū)级 | 59725 | 321617 |\n")
    df = sm.extract(text=text)
    cells = df[df["source"] == "table"]
    assert list(zip(cells["surface"], cells["value"], cells["unit"]))[:2] == [("73795", 737950000.0, "元"), ("380990", 3809900000.0, "元")]
    assert len(cells) == 6


def test_unit_column_per_row():
    # 表6 交通运输主要指标 (周口 2023): 单位 per row, #铁路 and its siblings under each total
    rows = [["指标", "单位", "绝对数", "增长%"], ["货物运输周转量", "亿吨公里", "962.97", "-15.4"],
            ["#铁路", "亿吨公里", "139.57", "-2.2"], ["水运", "亿吨公里", "175.26", "6.6"],
            ["旅客运输总量", "万人", "4448.38", "110.6"], ["#铁路", "万人", "148.62", "132.9"]]
    got = _cells(rows)
    assert got[0] == ("962.97", 96297000000.0, "吨公里", "货物运输周转量", "绝对数", None)
    assert got[1] == ("-15.4", -15.4, "%", "货物运输周转量", "增长", "+")
    assert [g[3] for g in got[2::2]] == ["货物运输周转量 > 铁路", "货物运输周转量 > 水运", "旅客运输总量", "旅客运输总量 > 铁路"]
    assert got[8][:3] == ("148.62", 1486200.0, "人")


def test_header_unit_in_wan_ren():
    # 表11 从业人员情况: 绝对数 in 万人 from the unit column, 构成（%） from the header
    rows = [["", "单位", "绝对数", "构成（%）"], ["从业人员", "万人", "203.33", "100.0"], ["其中：第一产业", "万人", "133.73", "65.77"],
            ["第二产业", "万人", "24.00", "11.80"], ["年末城镇登记失业率（%）", "%", "3.25", ""]]
    got = _cells(rows)
    assert [g[:4] for g in got] == [("203.33", 2033300.0, "人", "从业人员"), ("100.0", 100.0, "%", "从业人员"),
                                    ("133.73", 1337300.0, "人", "从业人员 > 第一产业"), ("65.77", 65.77, "%", "从业人员 > 第一产业"),
                                    ("24.00", 240000.0, "人", "从业人员 > 第二产业"), ("11.80", 11.8, "%", "从业人员 > 第二产业"),
                                    ("3.25", 3.25, "%", "年末城镇登记失业率（%）")]


@pytest.mark.parametrize("rows,paths", [
    # (1)(2) under 其中：…: the first numbered item is a part of the row above (黔东南 2016 表2)
    ([["", "绝对数（亿元）"], ["财政总收入", "148.87"], ["其中：一般公共预算收入", "110.68"], ["（1）税收收入", "69.10"],
      ["（2）非税收入", "41.58"]],
     ["财政总收入", "财政总收入 > 一般公共预算收入", "财政总收入 > 一般公共预算收入 > 税收收入",
      "财政总收入 > 一般公共预算收入 > 非税收入"]),
    # 在总计中： opens a new breakdown of the total each time (周口 2023 表4)
    ([["指标", "比上年增长（%）"], ["规模以上工业增加值", "5.0"], ["在总计中：轻工业", "0.2"], ["重工业", "11.2"],
      ["在总计中：国有企业", "-2.0"], ["在总计中：公有制", "3.2"]],
     ["规模以上工业增加值", "规模以上工业增加值 > 轻工业", "规模以上工业增加值 > 重工业", "规模以上工业增加值 > 国有企业",
      "规模以上工业增加值 > 公有制"]),
    # a # row after an unmarked sibling is another breakdown of the same total (黔东南 2023 表1)
    ([["指标名称", "年末数（人）"], ["全州总户籍人口", "4899310"], ["#城镇", "1654272"], ["乡村", "3245038"], ["#男性", "2617299"]],
     ["全州总户籍人口", "全州总户籍人口 > 城镇", "全州总户籍人口 > 乡村", "全州总户籍人口 > 男性"]),
    # consecutive # rows nest (黔东南 2023 表12)
    ([["指标名称", "绝对数（亿元）"], ["财政总收入", "122.22"], ["#一般公共预算收入", "77.25"], ["#税收收入", "39.52"]],
     ["财政总收入", "财政总收入 > 一般公共预算收入", "财政总收入 > 一般公共预算收入 > 税收收入"]),
    # a numbered list right under a lone top row is its breakdown, and # rows under a numbered row are
    # its parts (南京 2022 表1 居民消费价格 ⏎ 一、食品烟酒; 表5 合计 ⏎ 一、亚洲 ⏎ #日本)
    ([["指标名称", "涨跌幅度（%）"], ["居民消费价格", "2.2"], ["一、食品烟酒", "2.7"], ["二、衣着", "1.4"], ["商品零售价格", "2.6"]],
     ["居民消费价格", "居民消费价格 > 食品烟酒", "居民消费价格 > 衣着", "商品零售价格"]),
    ([["国家和地区", "出口额（亿元）"], ["合计", "3856.1"], ["一、亚洲", "1675.7"], ["# 日本", "146.1"], ["韩国", "180.2"],
      ["二、北美洲", "700.5"], ["# 美国", "640.0"]],
     ["合计", "合计 > 亚洲", "合计 > 亚洲 > 日本", "合计 > 亚洲 > 韩国", "合计 > 北美洲", "合计 > 北美洲 > 美国"]),
])
def test_row_markers_without_indentation(rows, paths):
    assert [g[3] for g in _cells(rows)] == paths


def test_indentation_decides_levels():
    # 周口 2023 表3: 其中：谷物 > 其中：小麦 / 玉米, then 豆类 back under 粮食 and 油料 at the top
    doc = table_document([["产品名称", "产量（万吨）"], ["粮食", "902.61"], ["其中：夏粮", "508.58"], ["秋粮", "394.03"],
                          ["其中：谷物", "874.82"], ["其中：小麦", "508.58"], ["玉米", "365.54"], ["豆类", "17.11"], ["油料", "56.43"]])
    doc.tables[0].attrs["indent"] = [(105.0, 105.0, 10.0), (115.1, 145.1, 10.0), (145.1, 145.1, 10.0), (115.1, 145.1, 10.0),
                                     (155.0, 185.0, 10.0), (185.0, 185.0, 10.0), (145.1, 145.1, 10.0), (105.0, 105.0, 10.0)]
    assert [c.path_str for c in table_cells(doc)] == [
        "粮食", "粮食 > 夏粮", "粮食 > 秋粮", "粮食 > 谷物", "粮食 > 谷物 > 小麦", "粮食 > 谷物 > 玉米", "粮食 > 豆类", "油料"]


def test_signed_change_column_reads_as_a_growth():
    # 黔东南 2023 表11 比上年涨跌幅度: the sign is in the value, the direction is +
    doc = table_document([["指标名称", "单位", "比上年涨跌幅度"], ["居民消费价格", "%", "-0.9"], ["#食品烟酒", "%", "-0.4"]])
    assert [(c.value, c.unit, c.direction) for c in table_cells(doc)] == [(-0.9, "%", "+"), (-0.4, "%", "+")]
    assert table_label(doc, (0, 1, 2)) == ("居民消费价格", "比上年涨")
    frame = sm.extract(doc)
    assert frame[["label", "value", "direction"]].values.tolist() == [["居民消费价格比上年涨", -0.9, "+"],
                                                                      ["食品烟酒比上年涨", -0.4, "+"]]


def test_stub_group_column_and_repeated_header():
    # a merged group cell holds for the rows below; a header repeated after a page break is no row
    rows = [["", "指标", "绝对数（元）"], ["城镇", "人均可支配收入", "40867"], ["", "#工资性收入", "21482"],
            ["", "指标", "绝对数（元）"], ["农村", "人均可支配收入", "14239"]]
    assert [(c.surface, c.path_str, c.label) for c in table_cells(table_document(rows))] == [
        ("40867", "城镇 > 人均可支配收入", "城镇人均可支配收入"), ("21482", "城镇 > 人均可支配收入 > 工资性收入", "城镇工资性收入"),
        ("14239", "农村 > 人均可支配收入", "农村人均可支配收入")]


def test_columns_without_a_unit_give_no_figures():
    # 周口 2023 表2 指数（以上年为100）: an index, no unit
    assert _cells([["类别", "指数（以上年为100）"], ["居民消费价格指数", "100.0"]]) == []


@pytest.mark.parametrize("written,base,kind,scale", [
    ("亿吨公里", "吨公里", "amount", "亿"), ("万人次", "人次", "count", "万"), ("千升", "升", "amount", ""),
    ("万块", "块", "count", "万"), ("万美元", "美元", "amount", "万"), ("蒸发量吨", "蒸发量吨", "amount", ""),
    ("%", "%", "percentage", ""), ("台", "台", "count", ""),
])
def test_parse_unit(written, base, kind, scale):
    unit, s = parse_unit(written)
    assert (unit.base, unit.kind, s) == (base, kind, scale)


def test_sources_cover_every_file():
    sources = list(csv.DictReader((DATA / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"))
    named = {s["file"] for s in sources}
    assert {r["file"] for r in CELLS} <= named
    for s in sources:
        assert s["source"] and s["licence"] and s["format"] in ("pdf", "docx", "txt")
