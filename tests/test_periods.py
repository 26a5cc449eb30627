"""Periods: the year and span of a summary or report, from real titles and sentences."""
from __future__ import annotations

import pytest

import summary_mining as sm
from summary_mining.places.periods import PeriodInfo, canonical_span, detect_period, period_label

# (text, year, span, label, year_redacted) — phrases from the seed, the dev corpus and the formats
PHRASES = [
    ("2022年上半年招商引资工作总结及下半年工作计划\n今年以来，全市新签约项目38个。", 2022, "H1", "2022-H1", False),
    ("2020年第一季度工作总结及下一步工作计划\n2020年以来,我县招商引资工作不断创新。", 2020, "Q1", "2020-Q1", False),
    ("截止10月底,全县共引进国内市外到位资金60.07亿元,占市下达全年考核目标任务的92.42﹪。", None, "01..10", "xxxx-01..10", False),
    ("一、20xx年1-6月招商引资工作成效\n1-6月实现到位资金83.50亿元,完成全年目标任务的64.23%。", None, "H1", "xxxx-H1", True),
    ("根据工作需要，现将我局xxxx年上半年工作总结和下半年工作安排报告如下。", None, "H1", "xxxx-H1", True),
    ("使2018年度招商引资工作取得实效。今年1到10月,开发区招商引资到位资金超历史同期水平。", 2018, "01..10", "2018-01..10", False),
    ("截至今年10月,全市供销社系统完成销售总额50.3亿元,增长20%。", None, "01..10", "xxxx-01..10", False),
    ("截止5月底,全市招商引资总的开工项目295个。", None, "01..05", "xxxx-01..05", False),
    ("2023年前三季度，全市地区生产总值增长5.2%。", 2023, "01..09", "2023-01..09", False),
    ("2023年1—3月，全县签约项目12个。", 2023, "Q1", "2023-Q1", False),
    ("2025年河南省政府工作报告\n过去一年，全年生产总值6.36万亿元、增长5.1%。", 2024, "FY", "2024", False),
    ("各位代表：\n一、2023年工作回顾\n2023年是全面贯彻落实党的二十大精神的开局之年。全市地区生产总值增长5.2%。", 2023, "FY", "2023", False),
    ("2023年周口市国民经济和社会发展统计公报\n全年全市地区生产总值同比增长4.8%。", 2023, "FY", "2023", False),
    ("二〇二三年工作总结\n全年完成固定资产投资52.7亿元。", 2023, "FY", "2023", False),
    ("预计2023年实现生产总值95亿元,是2022年的2.4倍,由2022年的4500万美元增加到2.3亿美元。", 2023, None, "2023", False),
    ("20xx年工作完成情况及20xx年工作计划总结如下", None, None, None, True),
    ("保障全年任务落实，年初成立了领导小组。", None, None, None, False),  # 全年任务 is a target, not a span
]


@pytest.mark.parametrize("text, year, span, label, masked", PHRASES, ids=[p[0][:14] for p in PHRASES])
def test_detect_period_phrases(text, year, span, label, masked):
    assert detect_period(text) == PeriodInfo(year, span, label, masked)


SPANS = [((1, 6), "H1"), ((7, 12), "H2"), ((1, 3), "Q1"), ((4, 6), "Q2"), ((10, 12), "Q4"), ((1, 12), "FY"),
         ((1, 10), "01..10"), ((1, 9), "01..09"), ((5, 5), "05"), ((6, 1), None), ((0, 3), None), ((1, 13), None)]


@pytest.mark.parametrize("months, span", SPANS, ids=[f"{m[0]}-{m[1]}" for m, _ in SPANS])
def test_canonical_span(months, span):
    assert canonical_span(*months) == span


LABELS = [((2023, "FY"), "2023"), ((2023, None), "2023"), ((2023, "H1"), "2023-H1"), ((2023, "01..10"), "2023-01..10"),
          ((None, "H1"), "xxxx-H1"), ((None, "FY"), None), ((None, None), None)]


@pytest.mark.parametrize("args, label", LABELS, ids=[str(a) for a, _ in LABELS])
def test_period_label(args, label):
    assert period_label(*args) == label


SEED = [(1, None, "01..10", "xxxx-01..10"), (2, None, None, None), (3, None, "FY", None), (4, None, None, None),
        (5, None, "H1", "xxxx-H1"), (6, None, "H1", "xxxx-H1")]


@pytest.mark.parametrize("article, year, span, label", SEED, ids=[f"篇{s[0]}" for s in SEED])
def test_seed_articles(seed_path, article, year, span, label):
    p = detect_period(sm.read_document(seed_path), article)
    assert (p.year, p.span, p.label) == (year, span, label)


FORMATS = [
    ("beijing_2024_gov_work_report.pdf", "2023"),  # its heading 一、2023年工作回顾
    ("beijing_2025_gov_work_report.docx", "2024"),
    ("guangdong_2025_gov_work_report.docx", "2024"),
    ("henan_2025_gov_work_report.docx", "2024"),
    ("zhoukou_2023_stats_bulletin.pdf", "2023"),
    ("qiandongnan_2016_stats_bulletin.docx", "2016"),
    ("qiandongnan_2023_stats_bulletin.pdf", "2023"),
]


@pytest.mark.parametrize("name, label", FORMATS, ids=[f[0] for f in FORMATS])
def test_format_documents(formats_dir, name, label):
    p = detect_period(sm.read_document(formats_dir / name))
    assert (p.label, p.span) == (label, "FY")


DEV = [("g01", "2025"), ("g02", "2025"), ("g03", "2025"), ("p02", "2018-01..10"), ("p16", "2022-H1"),
       ("p20", "2020-Q1"), ("p04", "xxxx-Q1"), ("p06", "xxxx-01..05"), ("p28", "2011")]


@pytest.mark.parametrize("doc_id, label", DEV, ids=[d[0] for d in DEV])
def test_dev_documents(dev_dir, doc_id, label):
    assert detect_period(sm.read_document(dev_dir / "corpus" / f"{doc_id}.txt")).label == label


def test_module_doctests():
    import doctest

    import importlib

    mod = importlib.import_module("summary_mining.places.periods")
    assert doctest.testmod(mod).failed == 0
