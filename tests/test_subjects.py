"""Whose figure it is: the metrics columns ``subject``, ``subject_code``, ``subject_level``
(``places/subjects.py``, ``[subjects]`` in ``data/regions.toml``)."""
from __future__ import annotations

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining import compare

DAZHOU = "达州市2024年国民经济和社会发展统计公报\n全市实现地区生产总值2501亿元，增长5.8%。"

# (text after the title, surface, subject, subject_code, subject_level)
CASES = [
    # the document's own region by default
    ("全市实现地区生产总值2501亿元。", "2501亿元", "达州市", "511700", "city"),
    # a division of it opening the statement: that division, for the rest of the statement
    ("大竹县实现地区生产总值312亿元，增长5.1%。", "312亿元", "大竹县", "511724", "county"),
    ("大竹县实现地区生产总值312亿元，增长5.1%。", "5.1%", "大竹县", "511724", "county"),
    # after an opener (其中，…) too
    ("全市规上工业增加值增长9.1%，其中，达川区增长10.2%。", "10.2%", "达川区", "511703", "county"),
    ("全市规上工业增加值增长9.1%，其中，达川区增长10.2%。", "9.1%", "达州市", "511700", "city"),
    # a self-reference opening a later clause gives the own region back
    ("大竹县增长5.1%；全市增长5.8%。", "5.8%", "达州市", "511700", "city"),
    # a province or the country opening a clause qualifies what is counted: not read as the subject
    ("四川省重点项目12个。", "12个", "达州市", "511700", "city"),
    ("全国重点文物保护单位20个。", "20个", "达州市", "511700", "city"),
    # a division named inside the clause (not opening it) is no subject: 赴大竹县考察3次
    ("全市赴大竹县考察3次。", "3次", "达州市", "511700", "city"),
    # a place name going on to name an enterprise, a project or a zone: that entity (no code). Phrases from
    # shared/formats (广东 2025) and tests/data/problems (甘肃 p_x09, 辽宁 p_x03), with 达州 names
    ("达州中石油炼化一体化项目全面达产、完成年产值超110亿元。", "110亿元", "达州中石油炼化一体化项目", None, "project"),
    ("达州钢铁集团工业总产值突破500亿元。", "500亿元", "达州钢铁集团", None, "enterprise"),
    ("达州经济开发区实现工业总产值50亿元。", "50亿元", "达州经济开发区", None, "zone"),
    ("达州地铁险资项目成功落地，引入新基金20只。", "20只", "达州地铁险资项目", None, "project"),
    # … but not a category of the place's own, nor a label right before its figure
    ("大竹县重点项目完成投资20亿元。", "20亿元", "大竹县", "511724", "county"),
    ("大竹县签约项目10个。", "10个", "大竹县", "511724", "county"),
    ("达州证券交易所上市公司达26家。", "26家", "达州市", "511700", "city"),
    # a count of the region's parts opening a clause: that group, for the rest of the statement (广东 2025)
    ("15个主平台新承接产业转移项目约700个、总投资约300亿元。", "300亿元", "15个主平台", None, "group"),
    ("两个副中心城市经济总量均突破500亿元。", "500亿元", "两个副中心城市", None, "group"),
    ("全市经济平稳，57个县（市）整体经济增速5.2%。", "5.2%", "57个县（市）", None, "group"),
    # … not a count of projects or enterprises (what the region's projects did), nor a count inside a clause
    ("38个项目完成投资12亿元。", "12亿元", "达州市", "511700", "city"),
    ("全市新建5个园区，投资12亿元。", "12亿元", "达州市", "511700", "city"),
]


@pytest.mark.parametrize("text, surface, name, code, level", CASES, ids=[f"{c[1]}@{c[0][:8]}" for c in CASES])
def test_subject_of_a_figure(text, surface, name, code, level):
    df = sm.extract(text=DAZHOU + "\n" + text)
    row = df[df["surface"] == surface].iloc[-1]
    got = tuple(None if pd.isna(v) else v for v in (row["subject"], row["subject_code"], row["subject_level"]))
    assert got == (name, code, level)


def test_no_region_no_subject():
    row = sm.extract(text="签约项目10个。").iloc[0]
    assert row[["subject", "subject_code", "subject_level"]].isna().all()


def test_the_comparison_keeps_only_the_rows_own_figures():
    m = sm.extract(text=DAZHOU + "\n大竹县实现地区生产总值312亿元，增长5.1%。")
    t = compare(m)
    assert t.iloc[0]["地区生产总值(亿元)"] == pytest.approx(2501.0)
    assert t.iloc[0]["地区生产总值增长(%)"] == pytest.approx(5.8)
    assert t.attrs["excluded"]["other_subject"] == 2


def test_the_comparison_leaves_out_an_entitys_figures():
    # a zone's output is not the city's: the zone's figure stays out of the city's row
    m = sm.extract(text="达州市2024年国民经济和社会发展统计公报\n达州经济开发区实现地区生产总值50亿元。全市实现地区生产总值600亿元。")
    t = compare(m)
    assert t.iloc[0]["地区生产总值(亿元)"] == pytest.approx(600.0)
    assert t.attrs["excluded"]["other_subject"] == 1


def test_the_comparison_leaves_out_a_groups_figures():
    # the output of two of its cities is not the province's: the group's figure stays out of the row
    m = sm.extract(text="达州市2024年国民经济和社会发展统计公报\n两个县经济总量均突破500亿元。全市实现地区生产总值2501亿元。")
    t = compare(m)
    assert t.iloc[0]["地区生产总值(亿元)"] == pytest.approx(2501.0)
    assert t.attrs["excluded"]["other_subject"] == 2  # 两个 and 500亿元
