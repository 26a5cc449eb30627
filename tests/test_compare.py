"""compare / conflicts: one row per region and period, converted units, nothing silently dropped."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.comparison import column_for, compare, conflicts
from summary_mining.datafiles import load_csv
from summary_mining.places.regions import add_region_period

HEADLINE = {r["synonym"]: r["indicator"] for r in load_csv("indicators_headline.csv")}


def row(indicator, kind, value, unit, *, region="大竹县", code="511724", period="2023-H1", currency=None,
        direction=None, role="actual", label=None, doc_id="d", start=0, redacted=False, in_name=False):
    return {"doc_id": doc_id, "article": 1, "start": start, "region": region, "region_code": code, "period": period,
            "indicator": indicator, "kind": kind, "value": value, "unit": unit,
            "currency": currency if currency or kind != "amount" or unit != "元" else "CNY",
            "direction": direction, "role": role, "label": label or indicator, "redacted": redacted,
            "in_name": in_name, "surface": f"{value}{unit}", "sentence": ""}


def frame(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# (row, unit, column, value) — how each kind of figure becomes a cell
COLUMNS = [
    (row("地区生产总值", "amount", 6.36e12, "元"), "亿元", "地区生产总值(亿元)", 63600.0),
    (row("地区生产总值", "amount", 6.36e12, "元"), "万亿元", "地区生产总值(万亿元)", 6.36),
    (row("到位资金", "amount", 6.007e9, "元"), "万元", "到位资金(万元)", 600700.0),
    (row("地区生产总值", "percentage", 5.1, "%", direction="+", label="生产总值增长"), "亿元", "地区生产总值增长(%)", 5.1),
    (row("地区生产总值", "percentage", 2.0, "%", direction="-", label="生产总值下降"), "亿元", "地区生产总值增长(%)", -2.0),
    (row("地区生产总值", "percentage", 5.5, "%", direction="+", role="target", label="经济增长"), "亿元", "地区生产总值增长目标(%)", 5.5),
    (row("到位资金", "amount", 1.3e10, "元", role="target", label="到位资金任务"), "亿元", "到位资金目标(亿元)", 130.0),
    (row("签约项目", "count", 12.0, "个"), "亿元", "签约项目(个)", 12.0),
    (row("履约率", "percentage", 94.23, "%", role="rate"), "亿元", "履约率(%)", 94.23),
    (row("常住人口城镇化率", "percentage", 1.01, "个百分点", direction="+"), "亿元", "常住人口城镇化率变动(个百分点)", 1.01),
    (row("实际利用外资", "amount", 2.35e8, "美元", currency="USD"), "亿元", "实际利用外资(亿美元)", 2.35),
    (row("居民人均可支配收入", "amount", 36439.0, "元"), "亿元", "居民人均可支配收入(元)", 36439.0),
    (row("粮食产量", "amount", 1.344e11, "斤", currency=None), "亿元", "粮食产量(斤)", 1.344e11),
]


@pytest.mark.parametrize("r, unit, column, value", COLUMNS, ids=[c[2] + c[1] for c in COLUMNS])
def test_column_for(r, unit, column, value):
    col, cell = column_for(r, unit)
    assert col == column and math.isclose(cell, value, rel_tol=1e-12)


def test_share_of_an_amount_indicator_has_no_column():
    # 占当年到位资金的71.35%: a share, not a growth rate of 到位资金
    assert column_for(row("到位资金", "percentage", 71.35, "%", role="share", label="占当年到位资金"), "亿元") is None


def test_one_row_per_region_and_period():
    m = frame(row("到位资金", "amount", 8.35e9, "元"), row("签约项目", "count", 12.0, "个", start=5),
              row("到位资金", "amount", 6.007e9, "元", region="中江县", code="510623", period="xxxx-01..10", doc_id="e"),
              row("履约率", "percentage", 90.0, "%", region="中江县", code="510623", period="xxxx-01..10", doc_id="e"))
    t = compare(m)
    assert t.columns.tolist() == ["region", "region_code", "period", "到位资金(亿元)", "签约项目(个)", "履约率(%)"]
    assert t.to_dict("records") == [
        {"region": "中江县", "region_code": "510623", "period": "xxxx-01..10", "到位资金(亿元)": 60.07,
         "签约项目(个)": pytest.approx(float("nan"), nan_ok=True), "履约率(%)": 90.0},
        {"region": "大竹县", "region_code": "511724", "period": "2023-H1", "到位资金(亿元)": 83.5, "签约项目(个)": 12.0,
         "履约率(%)": pytest.approx(float("nan"), nan_ok=True)},
    ]


def test_several_values_keep_the_first_and_list_the_rest():
    m = frame(row("到位资金", "amount", 8.35e9, "元", start=10), row("到位资金", "amount", 8.35e9, "元", start=90),
              row("到位资金", "amount", 5.678e9, "元", start=50))
    t, c = compare(m, return_conflicts=True)
    assert t["到位资金(亿元)"].tolist() == [83.5]
    assert c[["column", "chosen", "other", "agrees", "start", "chosen_start"]].values.tolist() == [
        ["到位资金(亿元)", 83.5, 56.78, False, 50, 10], ["到位资金(亿元)", 83.5, 83.5, True, 90, 10]]
    assert t.attrs["n_conflicts"] == 2 and "first figure" in t.attrs["rule"]
    pd.testing.assert_frame_equal(conflicts(m), c)


def test_growth_level_and_target_stay_apart():
    m = frame(row("地区生产总值", "amount", 5.3e12, "元", label="经济总量"),
              row("地区生产总值", "percentage", 4.8, "%", direction="+", label="增长", start=10),
              row("地区生产总值", "percentage", 5.0, "%", direction="+", role="target", label="经济增长", start=99))
    t, c = compare(m, return_conflicts=True)
    assert t.iloc[0][["地区生产总值(亿元)", "地区生产总值增长(%)", "地区生产总值增长目标(%)"]].tolist() == [53000.0, 4.8, 5.0]
    assert c.empty


def test_counts_in_several_measure_words_share_a_column():
    m = frame(row("签约项目", "count", 12.0, "个"), row("签约项目", "count", 8.0, "项", start=5, period="2023"),
              row("签约项目", "count", 3.0, "个", start=6, period="2022"))
    t = compare(m)
    assert t.columns.tolist()[-1] == "签约项目(个)" and t["签约项目(个)"].tolist() == [3.0, 8.0, 12.0]


def test_left_out_rows_are_counted():
    m = frame(row("到位资金", "amount", 6.0e9, "元"),
              row("到位资金", "amount", math.nan, "元", redacted=True, start=1),
              row("到位资金", "amount", 1.0e7, "元", in_name=True, start=2),
              row(None, "count", 5.0, "个", start=3),
              row("到位资金", "amount", 7.0e9, "元", region=None, code=None, start=4),
              row("到位资金", "percentage", 71.35, "%", role="share", label="占当年到位资金", start=5))
    t = compare(m)
    assert t["到位资金(亿元)"].tolist() == [60.0]
    assert t.attrs["excluded"] == {"in_name": 1, "redacted": 1, "no_indicator": 1, "no_value": 0, "earlier_level": 0, "no_key": 1,
                                   "not_comparable": 1}


def test_unknown_period_is_its_own_row():
    m = frame(row("到位资金", "amount", 6.0e9, "元", period=None), row("到位资金", "amount", 7.0e9, "元", start=3))
    t = compare(m)
    assert t["period"].tolist() == ["2023-H1", pd.NA] and t["到位资金(亿元)"].tolist() == [70.0, 60.0]


def test_same_name_different_regions():
    m = frame(row("到位资金", "amount", 1e9, "元", region="朝阳区", code="110105"),
              row("到位资金", "amount", 2e9, "元", region="朝阳区", code="220104", doc_id="x"))
    assert compare(m)[["region_code", "到位资金(亿元)"]].values.tolist() == [["110105", 10.0], ["220104", 20.0]]


def test_indicators_filter_and_order():
    m = frame(row("签约项目", "count", 12.0, "个"), row("到位资金", "amount", 8.35e9, "元", start=3),
              row("履约率", "percentage", 94.23, "%", start=4))
    t = compare(m, indicators=["履约率", "到位资金"])
    assert t.columns.tolist() == ["region", "region_code", "period", "履约率(%)", "到位资金(亿元)"]
    assert t.attrs["excluded"]["other_indicator"] == 1


@pytest.mark.parametrize("kwargs, message", [({"unit": "千元"}, "unit must be one of"),
                                             ({"by": ("county",)}, "lacks column")])
def test_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compare(frame(row("到位资金", "amount", 6e9, "元")), **kwargs)


def test_missing_region_columns_say_how_to_add_them(seed_path):
    with pytest.raises(ValueError, match="add_region_period"):
        compare(sm.extract(seed_path).drop(columns=["region", "region_code", "period"]))


def test_empty_metrics():
    t, c = compare(frame(row("到位资金", "amount", 6e9, "元", in_name=True)), return_conflicts=True)
    assert t.empty and c.empty and list(t.columns) == ["region", "region_code", "period"]


# -- on real documents --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_metrics(seed_path):
    doc = sm.read_document(seed_path)
    return add_region_period(sm.extract(doc, indicators=HEADLINE), doc)


SEED_CELLS = [  # region, column, value — verified against the seed text
    ("中江县", "到位资金(亿元)", 60.07),    # 截止10月底,全县共引进国内市外到位资金60.07亿元
    ("中江县", "签约项目(个)", 10.0),       # 第十五届西博会签约项目10个
    ("中江县", "投资总额(亿元)", 24.0),
    ("中江县", "履约率(%)", 90.0),
    ("中江县", "开工率(%)", 60.0),
    ("中江县", "资金到位率(%)", 41.17),
    ("中江县", "签约金额(亿元)", 57.5),     # 签约总金额57.5亿元
    ("大竹县", "到位资金(亿元)", 83.5),      # 1-6月实现到位资金83.50亿元
    ("大竹县", "履约率(%)", 94.23),          # 签约项目履约率94.23% (the synonym that ends the label wins: 履约率)
    ("大竹县", "开工率(%)", 84.62),
    ("大竹县", "资金到位率(%)", 22.48),
    ("大竹县", "签约项目(个)", 12.0),        # 中外知名企业四川行活动上…共签约项目12个
    ("大竹县", "签约金额(亿元)", 112.0),
]


def test_seed_table(seed_metrics):
    t = compare(seed_metrics).set_index("region")
    assert t.index.tolist() == ["中江县", "大竹县"]
    assert t["period"].tolist() == ["xxxx-01..10", "xxxx-H1"] and t["region_code"].tolist() == ["510623", "511724"]
    for region, column, value in SEED_CELLS:
        assert t.loc[region, column] == pytest.approx(value), (region, column)


def test_seed_conflicts(seed_metrics):
    c = conflicts(seed_metrics)
    funds = c[(c["region"] == "中江县") & (c["column"] == "到位资金(亿元)")]
    assert sorted(funds["other"].round(2)) == [7.88, 9.88, 37.84]  # 到位省外资金, and the two events' 到位资金
    assert set(funds["chosen"]) == {60.07} and not funds["agrees"].any()
    assert set(funds["chosen_surface"]) == {"60.07亿元"}


def test_seed_in_wan_yuan(seed_metrics):
    t = compare(seed_metrics, unit="万元", indicators=["到位资金"]).set_index("region")
    assert t.loc["中江县", "到位资金(万元)"] == pytest.approx(600700.0)


def _metrics(path):
    doc = sm.read_document(path)
    return add_region_period(sm.extract(doc, indicators=HEADLINE), doc)


def test_provincial_reports(formats_dir, dev_dir):
    m = pd.concat([_metrics(formats_dir / "henan_2025_gov_work_report.docx"),
                   _metrics(dev_dir / "corpus" / "g02.txt")], ignore_index=True)
    t = compare(m).set_index("region")
    assert t.loc["河南省", "period"] == "2024" and t.loc["西藏自治区", "period"] == "2025"
    henan = t.loc["河南省"]
    assert henan["地区生产总值(亿元)"] == pytest.approx(63600.0)       # 全年生产总值6.36万亿元
    assert henan["地区生产总值增长目标(%)"] == pytest.approx(5.5)       # 主要预期目标是:经济增长5.5%左右
    assert henan["社会消费品零售总额(亿元)"] == pytest.approx(27600.0)  # 社会消费品零售总额2.76万亿元
    assert henan["社会消费品零售总额增长(%)"] == pytest.approx(6.1)
    assert henan["进出口总额(亿元)"] == pytest.approx(8202.0)
    tibet = t.loc["西藏自治区"]
    assert tibet["地区生产总值增长(%)"] == pytest.approx(7.0)          # 地区生产总值增长7%
    assert tibet["固定资产投资增长(%)"] == pytest.approx(17.2)
    assert tibet["到位资金(亿元)"] == pytest.approx(619.0)              # 招商引资到位资金619亿元


def test_henan_growth_after_a_level(formats_dir):
    t = compare(_metrics(formats_dir / "henan_2025_gov_work_report.docx")).set_index("region")
    assert t.loc["河南省", "地区生产总值增长(%)"] == pytest.approx(5.1)


def test_henan_targets_after_the_first(formats_dir):
    t, c = compare(_metrics(formats_dir / "henan_2025_gov_work_report.docx"), return_conflicts=True)
    assert t.set_index("region").loc["河南省", "固定资产投资增长目标(%)"] == pytest.approx(7.0)


# (text, column, value) — real phrases: level, growth and target of one indicator land in their own columns
PHRASE_CELLS = [
    ("全年生产总值6.36万亿元、增长5.1%，规上工业增加值增长8.1%。", "地区生产总值(亿元)", 63600.0),
    ("全年生产总值6.36万亿元、增长5.1%，规上工业增加值增长8.1%。", "地区生产总值增长(%)", 5.1),
    ("全市地区生产总值增长5.2%、约4.4万亿元，一般公共预算收入增长8.2%、突破6000亿元。", "地区生产总值(亿元)", 44000.0),
    ("全市地区生产总值增长5.2%、约4.4万亿元，一般公共预算收入增长8.2%、突破6000亿元。", "一般公共预算收入增长(%)", 8.2),
    ("全市地区生产总值增长5.2%、约4.4万亿元，一般公共预算收入增长8.2%、突破6000亿元。", "一般公共预算收入(亿元)", 6000.0),
    ("主要预期目标是:经济增长5.5%左右，固定资产投资增长7%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。",
     "固定资产投资增长目标(%)", 7.0),
    ("主要预期目标是:经济增长5.5%左右，固定资产投资增长7%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。",
     "城镇调查失业率目标(%)", 5.5),
    ("主要预期目标是:经济增长5.5%左右，固定资产投资增长7%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。",
     "居民消费价格涨幅目标(%)", 2.0),
    ("签约项目、到位资金分别为10个、9.88亿元。", "到位资金(亿元)", 9.88),
    ("签约项目履约率94.23%，", "履约率(%)", 94.23),
    # 从A增长到B: the newer level fills the cell, the earlier one (role base) is another period's
    ("全市居民人均可支配收入从2020年的27136元增长到36439元。", "居民人均可支配收入(元)", 36439.0),
    # a change rate keeps the sign of its direction word
    ("全年居民消费价格比上年下降0.9%。", "居民消费价格涨幅(%)", -0.9),
    ("全年居民消费价格上涨1.2%。", "居民消费价格涨幅(%)", 1.2),
]


@pytest.mark.parametrize("text, column, value", PHRASE_CELLS, ids=[f"{c[1]}@{c[0][:10]}" for c in PHRASE_CELLS])
def test_phrase_cells(text, column, value):
    m = sm.extract(text=text, indicators=HEADLINE).assign(region="河南省", region_code="410000", period="2024")
    t, c = compare(m, return_conflicts=True)
    assert t.iloc[0][column] == pytest.approx(value) and c.empty


# A work-plan section's result-like figure is a target (labels.toml plan_heading); a prospect (推介, 洽谈 …
# projects; comparison.toml prospect_words) is no result and stays out of the table.
PLAN_TEXT = ("一、2024年工作回顾\n全年城镇新增就业28.1万人，签约项目投资总额900亿元。\n二、2025年工作总体要求和重点任务\n"
             "（九）持续改善民生福祉\n实现城镇新增就业不少于26万人。面向民间资本推介重大项目总投资不低于2000亿元。")


@pytest.mark.parametrize("column, value", [("城镇新增就业(人)", 281000.0), ("城镇新增就业目标(人)", 260000.0),
                                           ("投资总额(亿元)", 900.0)])
def test_plan_section_targets_and_prospects(column, value):
    m = sm.extract(text=PLAN_TEXT).assign(region="北京市", region_code="110000", period="2024")
    t = compare(m)
    assert t.iloc[0][column] == pytest.approx(value)
    assert "投资总额目标(亿元)" not in t.columns and t.attrs["excluded"]["prospect"] == 1


def test_henan_headline_rows(formats_dir):
    df = sm.extract(formats_dir / "henan_2025_gov_work_report.docx")
    targets = df[df["role"] == "target"]
    # the nine figures of 主要预期目标是:… first; then every result-like figure of the 2025 work plan
    # (三、2025年重点工作: 力争整车产量200万辆 …), and none of the 2024 review
    plan = df["section"].fillna("").str.contains("2025年")
    # (67 since 建成1000个村级标准化养老服务站点 is read: the unit 个村 ran across the word 村级 and the figure was lost)
    assert len(targets) == 67 and plan[targets.index].all()
    assert set(df.loc[~plan, "role"]) <= {"actual", "rate", "share", "base"}
    assert targets["indicator"].head(9).tolist() == [
        "地区生产总值", "规上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入", "城镇调查失业率",
        "城镇新增就业", "居民消费价格涨幅", "粮食产量"]


def test_bulletin_table_growth_column(formats_dir):
    # a table row #税收收入 | 39.52 | 24.4 under 绝对数（亿元） | 比上年增长（%）
    m = _metrics(formats_dir / "qiandongnan_2023_stats_bulletin.pdf")
    rows = m[(m["source"] == "table") & m["label"].fillna("").str.startswith("税收收入")]
    assert rows[["label", "indicator", "direction"]].fillna("").values.tolist() == [
        ["税收收入", "税收收入", ""], ["税收收入比上年增长", "税收收入", "+"]]
    t = compare(m).set_index("region")
    assert t.loc["黔东南苗族侗族自治州", ["税收收入(亿元)", "税收收入增长(%)"]].tolist() == [39.52, 24.4]


def test_module_doctests():
    import doctest

    import importlib

    mod = importlib.import_module("summary_mining.comparison")
    assert doctest.testmod(mod).failed == 0


def test_earlier_level_is_left_out_and_counted():
    m = sm.extract(text="全市居民人均可支配收入从2020年的27136元增长到36439元。").assign(
        region="某市", region_code="000000", period="2023")
    assert m["role"].tolist() == ["base", "actual"]
    t = compare(m)
    assert t.attrs["excluded"]["earlier_level"] == 1 and t.attrs["n_conflicts"] == 0


def test_rows_are_ordered_by_region_code_then_period():
    # 广东省 sorts before 河南省 by name; by code 河南省 (410000) comes first, and each region's years in order
    m = frame(row("地区生产总值", "amount", 1.4e13, "元", region="广东省", code="440000", period="2024"),
              row("地区生产总值", "amount", 6.4e12, "元", region="河南省", code="410000", period="2024", start=1),
              row("地区生产总值", "amount", 6.1e12, "元", region="河南省", code="410000", period="2023", start=2))
    t = compare(m)
    assert t[["region", "period"]].values.tolist() == [["河南省", "2023"], ["河南省", "2024"], ["广东省", "2024"]]
    assert t["地区生产总值(亿元)"].tolist() == [61000.0, 64000.0, 140000.0]


# (text after a title, column, qualifier, mark): bounds and approximations keep their number and get a mark
QUALIFIED = [
    ("全省生产总值突破6万亿元。", "地区生产总值(亿元)", "突破", "≥"),
    ("城镇新增就业超143万人。", "城镇新增就业(人)", "超", "≥"),
    ("全社会研发经费支出约5100亿元。", "研发经费投入(亿元)", "约", "≈"),
    ("主要预期目标是：经济增长5%左右。", "地区生产总值增长目标(%)", "左右", "≈"),
    ("全省生产总值6.36万亿元。", "地区生产总值(亿元)", None, None),
]


@pytest.mark.parametrize("text, column, qualifier, mark", QUALIFIED, ids=[c[0][:10] for c in QUALIFIED])
def test_bounds_and_approximations_are_marked(text, column, qualifier, mark, tmp_path):
    t = compare(sm.extract(text="广东省2024年国民经济和社会发展统计公报\n" + text))
    assert t.attrs["qualifiers"].get((0, column)) == qualifier and t.attrs["marks"].get((0, column)) == mark
    path = sm.to_excel(t, tmp_path / "t.xlsx")
    import openpyxl
    ws = openpyxl.load_workbook(path).active
    cell = ws.cell(row=2, column=list(t.columns).index(column) + 1)
    assert isinstance(cell.value, (int, float))  # still a number
    assert cell.number_format.startswith(f'"{mark}"') == (mark is not None)


def test_qualified_cells_lists_the_marked_cells_and_survives_a_column_selection():
    from summary_mining.comparison import qualified_cells
    t = compare(sm.extract(text="广东省2024年国民经济和社会发展统计公报\n全省生产总值突破14万亿元，增长3.5%；进出口总额超9万亿元。"))
    q = qualified_cells(t)
    assert q[["column", "cell", "qualifier", "mark"]].values.tolist() == [
        ["地区生产总值(亿元)", 140000.0, "突破", "≥"], ["进出口总额(亿元)", 90000.0, "超", "≥"]]
    assert qualified_cells(t[["region", "period", "进出口总额(亿元)"]])["column"].tolist() == ["进出口总额(亿元)"]


def test_a_sectors_contribution_is_not_the_regions_growth():
    # 龙沙区 2024: the sectors' contributions in points are no 地区生产总值增长 of the district
    m = sm.extract(text="龙沙区2024年国民经济和社会发展统计公报\n全年地区生产总值152.8亿元，比上年增长3.4%。"
                        "第一、二、三产业分别拉动经济增长0.1个、0.9个和2.4个百分点。")
    t, found = compare(m, return_conflicts=True)
    assert "地区生产总值增长(个百分点)" not in t.columns and found.empty
    assert t.iloc[0]["地区生产总值增长(%)"] == pytest.approx(3.4)
    assert t.attrs["excluded"]["part_subject"] == 3


@pytest.mark.parametrize("second, agrees", [("726760亩", True), ("726860亩", False), ("72.68万亩", True)])
def test_a_restatement_agrees_at_the_precision_it_was_written_with(second, agrees):
    # 宁远县 2023: 72.68万亩 in the text, 726760 in its table — the same figure rounded
    m = sm.extract(text=f"宁远县2023年国民经济和社会发展统计公报\n全年粮食播种面积72.68万亩。粮食播种面积{second}。")
    _, found = compare(m, return_conflicts=True)
    assert found["agrees"].tolist() == [agrees]
