"""Long city/county bulletins (issue #19 item 3): the rule cases that full-length documents turn up.

Every text is a real phrase, copied exactly from the document named in its comment:

* ``formats/…`` — ``../shared/formats`` (the text ``read_document`` gives for the PDF/DOCX);
* ``corpora/…`` — ``corpora/`` of this repository (sources in ``corpora/SOURCES.tsv``);
* ``problems/…`` — ``tests/data/problems/docs/`` (sources in its SOURCES.tsv; only ``dev`` documents);
* a web page — its address (checked with ``../shared/dev/heldout``: not held out).

``⏎`` in a comment is a hard line break (``\\n``) put into the real phrase where a hard-wrapped text
breaks its line: the real documents here are not hard-wrapped, the rule is about those that are.
Every case asserts every figure of its text: surface, offsets into the text (``text[start:end] ==
surface``), value, unit and qualifier.
"""
from __future__ import annotations

import math

import pytest

import summary_mining as sm


def _figures(text: str) -> list[tuple]:
    df = sm.extract(text=text)
    out = []
    for r in df.itertuples(index=False):
        assert text[r.start:r.end] == r.surface  # provenance: offsets index the text as given
        value = None if r.value is None or (isinstance(r.value, float) and math.isnan(r.value)) else r.value
        out.append((r.surface, r.start, r.end, value, r.unit, r.qualifier if isinstance(r.qualifier, str) else None))
    return out


def _check(text: str, expected: list[tuple]) -> None:
    got = _figures(text)
    assert [g[:3] for g in got] == [e[:3] for e in expected], got
    for g, e in zip(got, expected):
        assert g[3] == pytest.approx(e[3]) if e[3] is not None else g[3] is None, (g, e)
        assert g[4:] == e[4:], (g, e)


# ---- measure words and units: 艘, 册, 架, 架次, 个千分点 ---------------------------------------------------
UNITS = [
    # formats/zhoukou_2023_stats_bulletin.pdf
    pytest.param("拥有航运企业20家，从业人员2.5万人，货运船舶1389艘，总载重吨位151万吨以上。",
                 [("20家", 6, 9, 20.0, "家", None), ("2.5万人", 14, 19, 25000.0, "人", None),
                  ("1389艘", 24, 29, 1389.0, "艘", None), ("151万吨", 35, 40, 1510000.0, "吨", "以上")], id="艘"),
    # problems/p_x03.txt (辽宁省 2025 政府工作报告)
    pytest.param("更新改造老旧渔船952艘、减船转产990艘，",
                 [("952艘", 8, 12, 952.0, "艘", None), ("990艘", 17, 21, 990.0, "艘", None)], id="艘-list"),
    # formats/zhoukou_2023_stats_bulletin.pdf
    pytest.param("本年新增图书藏量7.51万册，其中少儿类0.72万册，成人类6.79万册。",
                 [("7.51万册", 8, 14, 75100.0, "册", None), ("0.72万册", 20, 26, 7200.0, "册", None),
                  ("6.79万册", 30, 36, 67900.0, "册", None)], id="万册"),
    # formats/qiandongnan_2016_stats_bulletin.docx
    pytest.param("全年出版杂志1.79万册，其中《凯里学院学报》出版7期，发行7000册；",
                 [("1.79万册", 6, 12, 17900.0, "册", None), ("7期", 25, 27, 7.0, "期", None),
                  ("7000册", 30, 35, 7000.0, "册", None)], id="册"),
    # http://paper.ce.cn/jjrb/html/2016-05/31/content_302434.htm (经济日报 on the 2015 民航 bulletin)
    pytest.param("截至2015年底,民航全行业运输飞机期末在册架数2650架,比上年增加280架;",
                 [("2650架", 24, 29, 2650.0, "架", None), ("280架", 35, 39, 280.0, "架", None)], id="架"),
    # http://att.caacnews.com.cn/sjfw/jichang2/201701/t20170120_2276.html (2006年民航机场生产统计公报)
    pytest.param("飞机起降架次为348.6万架次,比上年增长14.1%。",
                 [("348.6万架次", 7, 15, 3486000.0, "架次", None), ("14.1%", 21, 26, 14.1, "%", None)], id="架次"),
    # corpora/lujiang_2024_tjgb.txt
    pytest.param("登记出生率5.72‰,比上年下降0.14个千分点;当年死亡7455人,死亡率6.31‰,比上年下降0.74个千分点;",
                 [("5.72‰", 5, 10, 5.72, "‰", None), ("0.14个千分点", 16, 24, 0.14, "个千分点", None),
                  ("7455人", 29, 34, 7455.0, "人", None), ("6.31‰", 38, 43, 6.31, "‰", None),
                  ("0.74个千分点", 49, 57, 0.74, "个千分点", None)], id="个千分点"),
]



def test_points_list_takes_the_unit_it_ends_in():
    # 12个、5个和3.6个百分点 style lists end in 个千分点 as well (the 个 of each number stands for it)
    text = "出生率、死亡率分别下降1个、2个千分点"
    assert [(s, u) for s, _, _, _, u, _ in _figures(text)] == [("1个", "个千分点"), ("2个千分点", "个千分点")]


# ---- a hard line break inside a fixed phrase ----------------------------------------------------------
LINE_BREAKS = [
    # formats/beijing_2024_gov_work_report.pdf: 严格落实中央八项规定精神 (⏎ after 八项): 八项 was a count
    pytest.param("严格落实中央八项\n规定精神，力戒形式主义、官僚主义，", [], id="八项⏎规定"),
    pytest.param("严格落实中央八\n项规定精神，", [], id="八⏎项规定"),
    # corpora/chaoyang_beijing_2024_tjgb.txt: 三次产业结构为0.03:4.66:95.31 (⏎ after 三次): 三次 was a count
    pytest.param("三次\n产业结构为0.03:4.66:95.31。", [], id="三次⏎产业"),
    # problems/p_x04.txt (新疆 2025): 我们要胸怀两个大局 (⏎ after 两个)
    pytest.param("我们要胸怀两个\n大局，保持战略定力，", [], id="两个⏎大局"),
    # problems/p_x05.txt (贵州 2025): 牢牢守好发展和生态两条底线
    pytest.param("牢牢守好发展和生态两条\n底线，", [], id="两条⏎底线"),
    # formats/beijing_2024_gov_work_report.pdf: 圆满完成第三届“一带一路”国际合作高峰论坛服务保障任务
    pytest.param("圆满完成第三届“一带\n一路”国际合作高峰论坛服务保障任务。", [], id="一带⏎一路"),
    # 四上企业 in a bulletin's enterprise count (the phrase of zhoukou's 规模以上 counts, written as 四上)
    pytest.param("“四上\n企业”", [], id="四上⏎企业"),
    # formats/beijing_2024_gov_work_report.pdf: 做到“两个维护” (⏎ after 两个)
    pytest.param("增强“四个意识”、坚定“四个自信”、做到“两个\n维护”，", [], id="两个⏎维护"),
]



# ---- abbreviations and fixed terms with numerals ---------------------------------------------------------
ABBREVIATIONS = [
    # problems/p_x01.txt (安徽 2025): 五经普 / 四经普 are the 5th / 4th economic census
    pytest.param("“五经普”二三产业法人单位从业人员比“四经普”增长29.8%、居全国第1位，",
                 [("29.8%", 25, 30, 29.8, "%", None)], id="五经普"),
    # formats/beijing_2025_gov_work_report.docx: 两重 / 两新 are programmes; 86个 counts projects
    pytest.param("86个“两重”项目全部开工,“两新”政策带动设备购置等金额快速增长；",
                 [("86个", 0, 3, 86.0, "个", None)], id="两重-两新"),
    # problems/p_x01.txt (安徽 2025)
    pytest.param("充分用好两个市场、两种资源，", [], id="两个市场"),
    # problems/p_x04.txt (新疆 2025)
    pytest.param("我们要胸怀两个大局，保持战略定力，", [], id="两个大局"),
    pytest.param("发挥好援受双方两个积极性，", [], id="两个积极性"),
    # formats/qiandongnan_2016_stats_bulletin.docx
    pytest.param("牢牢守住发展和生态两条底线，", [], id="两条底线"),
    # problems/p_x02.txt (2025): 两项补贴 names the two disability allowances
    pytest.param("提升城乡低保、残疾人两项补贴、散居和集中供养孤儿救助标准。", [], id="两项补贴"),
    # formats/beijing_2024_gov_work_report.pdf
    pytest.param("对接“十四五”规划，提出今年全市经济社会发展的主要预期目标", [], id="十四五"),
]



# ---- per-unit rates ---------------------------------------------------------------------------------------
RATES = [
    # problems/p_x05.txt (贵州 2025)
    pytest.param("每万人口高价值发明专利拥有量达3.3件，特色优势产业关键核心技术取得突破，",
                 [("3.3件", 15, 19, 3.3, "件/万人", None)], id="件/万人"),
    # problems/p_x09.txt (2025): the next statement is no rate
    pytest.param("村级互助幸福院900个。每千人拥有3岁以下婴幼儿托位数4.59个。完成困难重度残疾人家庭无障碍改造403",
                 [("900个", 7, 11, 900.0, "个", None), ("4.59个", 27, 32, 4.59, "个/千人", None)], id="个/千人"),
    # problems/p_x24.txt (江西 2025): the clause after the comma is no rate
    pytest.param("新增学位、园位138.47万个。每千人口托位数达4.6个，养老机构护理型床位占比达63.25%。",
                 [("138.47万个", 7, 15, 1384700.0, "个", None), ("4.6个", 24, 28, 4.6, "个/千人", None),
                  ("63.25%", 41, 47, 63.25, "%", None)], id="每千人口"),
    # https://www.gilin.com.cn/news/12397395 (国家统计局 report quoted): two figures of one rate; years are no figures
    pytest.param("我国每千人口医疗卫生机构床位数从2020年的6.46张增加到2023年的7.23张;每千人口执业(助理)医师由2.90人提高到3.40人。",
                 [("6.46张", 22, 27, 6.46, "张/千人", None), ("7.23张", 36, 41, 7.23, "张/千人", None),
                  ("2.90人", 55, 60, 2.9, "人/千人", None), ("3.40人", 63, 68, 3.4, "人/千人", None)], id="张/千人"),
    # formats/qiandongnan_2023_stats_bulletin.pdf: 每百元 (money per money)
    pytest.param("每百元营业收入中的成本为88.86元，比上年下降0.2%。",
                 [("88.86元", 12, 18, 88.86, "元/百元", None), ("0.2%", 24, 28, 0.2, "%", None)], id="元/百元"),
    # problems/p_x25.txt (重庆 2025): 每年 is no per-unit base
    pytest.param("每年开展流动文化进基层活动超过3万场次，",
                 [("3万场次", 15, 19, 30000.0, "场次", "超过")], id="每年-no-rate"),
    # issue #19's example, with a hard line break between the base and the figure (one break of prose is read past)
    pytest.param("每万人口拥有执业医师\n3.2人", [("3.2人", 11, 15, 3.2, "人/万人", None)], id="人/万人⏎"),
]



# ---- qualifiers across a line break -----------------------------------------------------------------------
QUALIFIERS = [
    # formats/qiandongnan_2016_stats_bulletin.docx, on one line and with ⏎ inside 及以上
    pytest.param("3.规模以上工业统计口径为年主营业务收入2000万元及以上工业企业。",
                 [("2000万元", 20, 26, 20000000.0, "元", "及以上")], id="one-line"),
    pytest.param("3.规模以上工业统计口径为年主营业务收入2000万元及\n以上工业企业。",
                 [("2000万元", 20, 26, 20000000.0, "元", "及以上")], id="及⏎以上"),
    # formats/qiandongnan_2023_stats_bulletin.pdf
    pytest.param("全年全州500万元及以\n上固定资产投资比上年增长1.2%",
                 [("500万元", 4, 9, 5000000.0, "元", "及以上"), ("1.2%", 24, 28, 1.2, "%", None)], id="及以⏎上"),
]



# ---- definitional counts ----------------------------------------------------------------------------------
DEFINITIONS = [
    # corpora/luoyang_2023_tjgb.txt, note ②
    pytest.param("按照我国地区生产总值统一核算和数据发布制度规定，年度地区生产总值核算包括初步核算和最终核实两个步骤。",
                 [], id="两个步骤"),
    # http://m.nbnewpower.cn/cj/kong/news/2007/11-20/1082884.shtml (中新社 on the 2nd economic census, with
    # pinyin glosses): the classification counts are a definition; the census objects are counts
    pytest.param("涉及除農(nóng)業(yè)以外的十九個國民經(jīng)濟門類、九十個行業(yè)大類、三百七十八個行業(yè)中類和"
                 "八百七十五個行業(yè)小類,涉及普查對象約有八百萬個各類單位和三千多萬個個體經(jīng)營戶。",
                 [("八百萬個", 84, 88, 8000000.0, "个", None), ("三千多萬個", 93, 98, None, "个", "多")],
                 id="门类-大类"),
    # issue #19's example
    pytest.param("国民经济行业分类涉及两个门类", [], id="涉及两个门类"),
]


CASES = {"units": UNITS, "line-break": LINE_BREAKS, "abbreviation": ABBREVIATIONS, "rate": RATES,
         "qualifier": QUALIFIERS, "definition": DEFINITIONS}


@pytest.mark.parametrize("text, expected", [pytest.param(*p.values, id=f"{kind}-{p.id}")
                                            for kind, params in CASES.items() for p in params])
def test_long_bulletin_case(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("table, reason", [
    ('[per_unit]\nmarker = "每"\n', "per_unit"),
    ('[per_unit]\nmarker = "每"\nsizes = "万"\nbases = ["人口"]\n', "per_unit.bases"),
    ('[definitional_counts]\nverbs = "涉及"\nnouns = ["门类"]\n', "definitional_counts.verbs"),
])
def test_bad_rule_tables_name_file_and_entry(tmp_path, table, reason):
    from summary_mining.errors import RuleError
    from summary_mining.rules.units import metric_rules
    bad = tmp_path / "filters.toml"
    bad.write_text('fixed_phrases = ["一带一路"]\n' + table, encoding="utf-8")
    with pytest.raises(RuleError, match=reason) as e:
        metric_rules("units.toml", str(bad))
    assert str(bad) in str(e.value)
