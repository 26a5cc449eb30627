"""Tables of department final accounts and budget execution reports as web pages copy them to text (issue #15): two
panels side by side (收入 | 决算数 | 支出 | 决算数), a row of group names or a title and a unit line between | marks
before the header, a row numbering the columns (栏次), a unit line named 金额单位, and totals named with their measure
(收入合计) over rows numbered in one style with 其中 rows under them. Each layout is read into its figures (value, unit,
offsets) and the totals it states; written in the reader's earlier way, each either gave no figure or a false alarm."""
from __future__ import annotations

import pytest

import summary_mining as sm

#: 收入支出决算总表: two panels, a group row over them, the unit line above it.
TWO_PANELS = ("收入支出决算总表\n单位：万元\n| 收入 | | 支出 | |\n| 项目 | 决算数 | 项目 | 决算数 |\n"
              "| 一、一般公共预算财政拨款收入 | 1234.56 | 一、一般公共服务支出 | 1000.00 |\n"
              "| 二、政府性基金预算财政拨款收入 | 0.00 | 二、教育支出 | 300.00 |\n"
              "| 三、其他收入 | 65.44 | 三、社会保障和就业支出 | 0.00 |\n"
              "| 本年收入合计 | 1300.00 | 本年支出合计 | {} |\n")

#: A budget execution table whose title and unit stand in rows of their own between | marks.
TITLED = ("表9 | 2023年某镇一般公共预算收支执行情况表 | | | |\n金额单位：万元 | | | | |\n"
          "项目 | 2022年决算数 | 2023年预算数 | 2023年预算调整数 | 2023年执行数 |\n"
          "一、税收收入 | 1200 | 1300 | 1250 | 1260 |\n其中：增值税 | 500 | 520 | 510 | 515 |\n企业所得税 | 200 | 210 | 205 | 204 |\n"
          "二、非税收入 | 300 | 320 | 310 | 305 |\n收入合计 | 1500 | 1620 | 1560 | {} |\n")

#: A row numbering the columns under the header (栏次 | | 1 | 2), once read as a row of data: 1+300+150+50 ≠ 500.
NUMBERED_COLUMNS = ("单位：万元\n| 项目 | 行次 | 本年数 | 上年数 |\n| 栏次 | | 1 | 2 |\n| 工资福利支出 | 1 | 300.00 | 280.00 |\n"
                    "| 商品和服务支出 | 2 | 150.00 | 160.00 |\n| 对个人和家庭的补助 | 3 | 50.00 | 40.00 |\n"
                    "| 合计 | 4 | 500.00 | {} |\n")


def _cells(text: str) -> list[tuple[str, float, str]]:
    df = sm.extract(text=text)
    assert all(text[s:e] == surface for s, e, surface in zip(df["start"], df["end"], df["surface"]))
    return list(zip(df["surface"], df["value"], df["unit"]))


def _row(text: str, stated: str, first: str | None = None):
    """The one breakdown row stating ``stated`` (whose first operand is ``first``, if given)."""
    rows = [r for r in sm.audit(text=text).itertuples() if r.evidence and r.evidence[0][2] == stated
            and r.check == "breakdown" and (first is None or r.evidence[1][2] == first)]
    assert len(rows) == 1, [r.message for r in sm.audit(text=text).itertuples()]
    for s, e, surface in rows[0].evidence:
        assert text[s:e] == surface
    return rows[0]


def test_two_panels_side_by_side_are_two_tables_each_with_the_unit():
    text = TWO_PANELS.format("1300.00")
    doc = sm.read_document(text=text)
    assert [t.columns.tolist() for t in doc.tables] == [["项目", "决算数"], ["项目", "决算数"]]
    assert [t.attrs["unit"] for t in doc.tables] == ["万元", "万元"]
    assert doc.tables[1]["项目"].tolist() == ["一、一般公共服务支出", "二、教育支出", "三、社会保障和就业支出", "本年支出合计"]
    cells = _cells(text)
    assert ("1234.56", 12345600.0, "元") in cells and ("1000.00", 10000000.0, "元") in cells
    assert len(cells) == 8


@pytest.mark.parametrize("spending, status", [("1300.00", "consistent"), ("1310.00", "inconsistent")])
def test_each_panel_totals_its_own_rows(spending, status):
    text = TWO_PANELS.format(spending)
    income = _row(text, "1300.00", "1234.56")
    assert [e[2] for e in income.evidence[1:]] == ["1234.56", "0.00", "65.44"] and income.status == "consistent"
    row = _row(text, spending, "1000.00")
    assert [e[2] for e in row.evidence[1:]] == ["1000.00", "300.00", "0.00"]
    assert row.status == status


@pytest.mark.parametrize("last, status", [("1565", "consistent"), ("1585", "inconsistent")])
def test_a_total_named_with_its_measure_adds_the_top_rows_of_the_outline(last, status):
    text = TITLED.format(last)
    assert ("1260", 12600000.0, "元") in _cells(text)  # (金额单位：万元, the unit line between | marks)
    row = _row(text, last)
    assert [e[2] for e in row.evidence[1:]] == ["1260", "305"]  # (not 其中：增值税, 企业所得税)
    assert row.status == status


@pytest.mark.parametrize("prior, status", [("480.00", "consistent"), ("490.00", "inconsistent")])
def test_a_row_numbering_the_columns_is_no_data(prior, status):
    text = NUMBERED_COLUMNS.format(prior)
    assert not any(v in (1.0, 2.0) for _, v, _ in _cells(text))
    this_year = _row(text, "500.00")
    assert [e[2] for e in this_year.evidence[1:]] == ["300.00", "150.00", "50.00"] and this_year.status == "consistent"
    assert _row(text, prior).status == status


#: A bulletin's retail table: a 其中 row, then the classes of that row numbered (some of them), a cell per line.
RETAIL = [["指标", "本月(万元)", "增长%"], ["社会消费品零售总额", "52000", "5.2"], ["其中：限上单位消费品零售额", "21000", "4.8"],
          ["1.粮油、食品、饮料、烟酒类", "5000", "6.0"], ["2.服装、鞋帽、针纺织品类", "3000", "3.2"], ["3.化妆品类", "800", "-1.5"],
          ["4.金银珠宝类", "1200", "10.1"]]


@pytest.mark.parametrize("layout", ["bars", "a_cell_per_line"])
def test_a_numbered_list_after_a_qizhong_row_breaks_that_row_down(layout):
    text = ("\n".join(" | ".join(r) + " |" for r in RETAIL) if layout == "bars"
            else "\n".join(c + " |" for r in RETAIL for c in r))
    rows = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    # the classes are of 限上 (open: some of them), not siblings of it under the total; and 1.粮油… (5000) totals none of
    # the items numbered after it (3000+800+1200 = 5000 by chance)
    assert [(r.evidence[0][2], [e[2] for e in r.evidence[1:]], r.status) for r in rows] == [
        ("21000", ["5000", "3000", "800", "1200"], "consistent")]
    assert "所列为其中一部分" in rows[0].message


#: A final-accounts table of this year's and last year's spending set apart by single spaces, with its changes.
BY_YEAR = ("单位：万元\n项目 2023年决算数 2022年决算数 增减额 增减率\n工资福利支出 300.00 280.00 20.00 7.14%\n"
           "商品和服务支出 150.00 160.00 -10.00 -6.25%\n对个人和家庭的补助 50.00 40.00 10.00 25.00%\n合计 500.00 480.00 20.00 4.17%\n")


def test_a_tables_total_row_adds_its_own_column_only():
    """The 合计 row's cells add up their columns; no cells of other columns that happen to add up to one (300.00 of this
    year with 160.00 and 40.00 of last year: 500.00) are read as its items."""
    sums = {(r.evidence[0][2], tuple(e[2] for e in r.evidence[1:])) for r in sm.audit(text=BY_YEAR).itertuples()
            if r.check in ("breakdown", "sum") and r.status == "consistent"}
    assert sums == {("500.00", ("300.00", "150.00", "50.00")), ("480.00", ("280.00", "160.00", "40.00")),
                    ("20.00", ("20.00", "-10.00", "10.00"))}


#: The whole 收入支出决算总表: a blank row in the right panel, then the balances brought in and out, and the grand totals.
WHOLE_SUMMARY = ("单位：万元\n| 收入 | | 支出 | |\n| 项目 | 决算数 | 项目 | 决算数 |\n"
                 "| 一、一般公共预算财政拨款收入 | 1234.56 | 一、一般公共服务支出 | 1000.00 |\n"
                 "| 二、政府性基金预算财政拨款收入 | 0.00 | 二、教育支出 | 300.00 |\n| 三、其他收入 | 65.44 | | |\n"
                 "| 本年收入合计 | 1300.00 | 本年支出合计 | 1300.00 |\n| 使用非财政拨款结余 | 0.00 | 结余分配 | 0.00 |\n"
                 "| 年初结转和结余 | 20.00 | 年末结转和结余 | 20.00 |\n| 总计 | {} | 总计 | 1320.00 |\n")


@pytest.mark.parametrize("grand, status", [("1320.00", "consistent"), ("1330.00", "inconsistent")])
def test_a_grand_total_adds_the_total_before_it_and_the_rows_after(grand, status):
    text = WHOLE_SUMMARY.format(grand)
    assert [t["项目"].tolist()[-1] for t in sm.read_document(text=text).tables] == ["总计", "总计"]
    assert _row(text, "1300.00", "1234.56").status == "consistent"
    left = min((r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == grand and r.check == "breakdown"),
               key=lambda r: r.evidence[0][0])  # (the right panel's 总计 may read the same)
    assert left.evidence[0][0] == text.index(f"| 总计 | {grand}") + len("| 总计 | ")
    assert [e[2] for e in left.evidence[1:]] == ["1300.00", "0.00", "20.00"]
    assert left.status == status


@pytest.mark.parametrize("text", [
    # a 合计 heading the rows under it, a 总计 after them: no running total (1300 + 1000 + 300)
    "单位：万元\n项目 | 金额 |\n合计 | 1300 |\n一般公共服务支出 | 1000 |\n教育支出 | 300 |\n总计 | 1320 |\n",
    "单位：万元\n项目 | 金额 |\n本年收入合计 | 1300 |\n一般公共预算财政拨款收入 | 1234 |\n其他收入 | 66 |\n年初结转和结余 | 20 |\n收入总计 | 1320 |\n",
    # a 合计 closing the income rows is no head of the spending rows after it; the 支出合计 totals its own section
    "单位：万元\n项目 | 金额 |\n一般公共预算财政拨款收入 | 1234 |\n其他收入 | 66 |\n本年收入合计 | 1300 |\n一般公共服务支出 | 1000 |\n"
    "教育支出 | 300 |\n本年支出合计 | 1310 |\n",
])
def test_totals_read_only_over_the_rows_they_close(text):
    rows = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert all(r.status == "consistent" for r in rows if not r.message.startswith("本年支出合计")), [r.message for r in rows]
    assert not [r for r in rows if r.message.startswith("本年收入合计") and "1000" in r.message]
    spending = [r for r in rows if r.message.startswith("本年支出合计")]
    assert [[e[2] for e in r.evidence[1:]] for r in spending] == ([["1000", "300"]] if "本年支出合计" in text else [])
    assert all(r.status == "inconsistent" for r in spending)
