"""The period of each figure (``figure_period``, issue #16 item 1): NA when it is the document's period,
else the period the figure's statement gives it, resolved against the document's period."""
from __future__ import annotations

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.comparison import compare

H1 = "2024年上半年招商引资工作总结\n"
REPORT = "2025年广东省政府工作报告\n一、2024年工作回顾\n"

# (text, surface, figure_period): phrases from real documents (tests/data/relations, shared/formats),
# under a title that fixes the document's period.
CASES = [
    # a prior-year level, stated or compared right before it
    (H1 + "上半年签约项目10个，上年同期为8个，增长25%。", "8个", "2023-H1"),
    (H1 + "上半年签约项目10个，上年同期为8个，增长25%。", "25%", None),
    (H1 + "税收比上年同期的300万元增加20万元。", "300万元", "2023-H1"),
    (H1 + "税收比上年同期的300万元增加20万元。", "20万元", None),
    (H1 + "截至4月底,全市財政總收入完成191347萬元,較上年同期增長15.35%,增收25457萬元。", "191347萬元", "2024-01..04"),
    (H1 + "截至4月底,全市財政總收入完成191347萬元,較上年同期增長15.35%,增收25457萬元。", "15.35%", "2024-01..04"),
    (H1 + "其中,去年底北京洽谈签约112个项目中,已开工动工56个。", "112个", "2023"),
    # a part of the year, in the figure's clause or opening its statement
    (H1 + "安徽省供销合作社系统一季度实现利润总额3.61亿元,同比增长58.04%。", "3.61亿元", "2024-Q1"),
    (H1 + "1-5月,全市签约项目12个,同比增长20%。", "20%", "2024-01..05"),
    (H1 + "上半年全市完成社会消费品零售总额158.3亿元,增长12.4%。", "158.3亿元", None),
    # a level of an earlier year is that year's; the level it grew to is the document's
    ("2025年吉林省政府工作报告\n全省生产总值从2020年的3.68万亿元增长到4.6万亿元。", "3.68万亿元", "2020"),
    ("2025年吉林省政府工作报告\n全省生产总值从2020年的3.68万亿元增长到4.6万亿元。", "4.6万亿元", None),
    # a clause going on with the one before (，比上年增长2.3%) keeps that clause's year (洛阳 2023 公报)
    ("2023年洛阳市国民经济和社会发展统计公报\n经最终核实，2022年全市生产总值为5386.2亿元，比上年增长2.3%。", "2.3%", "2022"),
    ("2023年洛阳市国民经济和社会发展统计公报\n全年生产总值5481.6亿元，比上年增长3.5%。", "3.5%", None),
    # a clause that is a time alone sets the period of the clauses after it (朝天区 2024 核算结果)
    ("2024年朝天区地区生产总值统一核算结果\n2.根据第五次全国经济普查结果,2023年,朝天区地区生产总值现价总量修订为85.42亿元。",
     "85.42亿元", "2023"),
    # the base of a multiple is not the figure's period
    ("2023年某县工作总结\n地方财政收入4.39亿元,为2022年的95.2%。", "95.2%", None),
    # a report reviews the year before it was written: 去年 is the year reviewed, 今年 the next
    (REPORT + "去年我省经受了25轮强降水和10个台风影响。", "10个", None),
    (REPORT + "四季度新建商品房网签销售面积环比、同比分别增长51.3%、15.3%。", "15.3%", "2024-Q4"),
    (REPORT + "二、2025年工作总体要求\n主要预期目标是：经济增长5%左右。", "5%", "2025"),
    (REPORT + "今年要新建和改扩建中小学30所。", "30所", "2025"),
    # a bulletin's 上年 is the year before the one it reports on
    ("2023年洛阳市国民经济和社会发展统计公报\n年末全市常住人口704.8万人，比上年末减少1.1万人。", "1.1万人", None),
]


@pytest.mark.parametrize("text, surface, expected", CASES, ids=[f"{c[1]}@{c[0][-20:]}" for c in CASES])
def test_figure_period(text, surface, expected):
    df = sm.extract(text=text)
    row = df[df["surface"] == surface]
    assert len(row) == 1, df[["surface", "figure_period"]]
    got = row["figure_period"].iloc[0]
    assert (None if pd.isna(got) else got) == expected, row[["surface", "period", "figure_period", "role"]]


def test_every_figure_period_filled_back_is_a_period():
    df = sm.extract(text=H1 + "上半年签约项目10个，上年同期为8个；一季度签约4个。")
    assert df["figure_period"].fillna(df["period"]).tolist() == ["2024-H1", "2023-H1", "2024-Q1"]
    assert df["figure_period"].dtype == "string"


def test_compare_leaves_out_results_of_another_year():
    text = ("2023年大竹县国民经济和社会发展统计公报\n全县地区生产总值312亿元，增长5.1%。"
            "2022年全县地区生产总值296亿元。")
    m = sm.extract(text=text).assign(region="大竹县", region_code="511724")
    table = compare(m)
    assert table.iloc[0]["地区生产总值(亿元)"] == pytest.approx(312.0)
    assert table.attrs["excluded"].get("other_period") == 1


def test_targets_for_next_year_go_to_their_row():
    text = REPORT + "全年地区生产总值14.2万亿元，增长3.5%。\n二、2025年工作总体要求\n主要预期目标是：经济增长5%左右。"
    m = sm.extract(text=text).assign(region="广东省", region_code="440000")
    table = compare(m, targets_own_period=True).set_index("period")
    assert table.loc["2024", "地区生产总值增长(%)"] == pytest.approx(3.5)
    assert table.loc["2025", "地区生产总值增长目标(%)"] == pytest.approx(5.0)
