"""Problem statements: heading variants, item styles, section ends, cues, categories and the dev quality bar."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from summary_mining.errors import RuleError
from summary_mining.problems import (PROBLEM_COLUMNS, PROBLEM_DTYPES, categorize, extract_problems,
                                     is_problem_heading, keywords_of, problem_rules)
from summary_mining import read_document


def texts(text: str, **kw) -> list[str]:
    df = extract_problems(text=text, **kw)
    for s, e, t in zip(df["start"], df["end"], df["text"]):
        assert text[s:e] == t
    return df["text"].tolist()


# -- headings: every usual phrasing, numbered or not ---------------------------------------------------
HEADINGS = [
    "四、存在的问题", "四、存在的主要问题", "二、存在困难和问题", "三、困难和问题", "（三）问题与不足",
    "三、存在的不足", "三、短板和不足", "二、制约因素", "(二)存在问题", "存在问题", "存在的问题：",
    "【存在问题】", "四、工作中存在的问题和不足", "二、招商引资工作存在的问题", "三、存在问题及原因分析",
    "五、当前存在的突出问题", "3、存在的困难", "第四部分 存在的问题", "二、面临的困难和挑战",
    "三、工作中的不足", "## 存在的主要问题",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_heading_variants_open_a_problem_section(heading):
    text = f"一、工作完成情况\n签约项目10个。\n{heading}\n一是资金不足。\n二是用地紧张。\n"
    assert texts(text) == ["资金不足。", "用地紧张。"]


NOT_HEADINGS = [
    "二、主要工作措施", "(一)着力解决存在的问题", "一、主要成绩和存在的问题", "(三)坚持问题导向",
    "(二)积极化解矛盾和问题", "三、下一步工作计划", "(二)建设资金缺乏",
]


@pytest.mark.parametrize("heading", NOT_HEADINGS)
def test_other_headings_do_not(heading):
    assert not is_problem_heading(heading)
    assert texts(f"{heading}\n一是资金不足。\n二是用地紧张。\n") == []


# -- item styles -----------------------------------------------------------------------------------------
ITEM_STYLES = [
    ("一是/二是", "二、存在的问题\n一是资金不足。\n二是用地紧张，征地拆迁困难。\n三是人才缺乏。\n",
     ["资金不足。", "用地紧张，征地拆迁困难。", "人才缺乏。"]),
    ("(一)(二)", "二、存在困难和问题\n(一)融资难。企业贷款难度大。\n(二)人才缺乏。\n",
     ["融资难。企业贷款难度大。", "人才缺乏。"]),
    ("（一）全角", "二、存在困难和问题\n（一）融资难。\n（二）人才缺乏。\n", ["融资难。", "人才缺乏。"]),
    ("1.2.", "四、问题与不足\n1.项目落地慢。\n2.配套设施不完善。\n", ["项目落地慢。", "配套设施不完善。"]),
    ("1、2、", "四、问题与不足\n1、项目落地慢。\n2、配套设施不完善。\n", ["项目落地慢。", "配套设施不完善。"]),
    ("1. with space", "四、存在的问题\n1. 招商引资难度加大；\n2. 项目落地率不高。\n",
     ["招商引资难度加大", "项目落地率不高。"]),
    ("(1)(2)", "四、问题与不足\n（1）招商队伍专业化程度不高；\n（2）项目储备不足；\n（3）宣传推介力度不够。\n",
     ["招商队伍专业化程度不高", "项目储备不足", "宣传推介力度不够。"]),
    ("①②③ inline", "三、存在的不足\n①产业链条短；②龙头企业少；③配套能力弱。\n",
     ["产业链条短", "龙头企业少", "配套能力弱。"]),
    ("第一/第二", "三、短板和不足\n第一，基础设施薄弱。第二，人才外流严重。\n", ["基础设施薄弱。", "人才外流严重。"]),
    ("inline comma 一是", "二、存在问题\n主要有：一是项目少,二是企业小，三是配套差。\n", ["项目少", "企业小", "配套差。"]),
    ("inline semicolon 一是", "二、存在问题\n一是项目少；二是企业小；三是配套差。\n", ["项目少", "企业小", "配套差。"]),
    ("item over wrapped lines", "三、存在的主要困难\n一是受疫情影响，企业投资意愿下降，\n外出招商受限。\n二是土地要素\n制约突出。\n",
     ["受疫情影响，企业投资意愿下降，\n外出招商受限。", "土地要素\n制约突出。"]),
    ("sub-items stay inside", "四、存在问题\n(一)要素保障不足\n1、资金短缺。\n2、用地紧张。\n(二)服务不优\n1、审批慢。\n",
     ["要素保障不足\n1、资金短缺。\n2、用地紧张。", "服务不优\n1、审批慢。"]),
    ("one per sentence", "总结\n存在的问题：\n招商引资难度加大，项目落地困难。营商环境有待优化。\n",
     ["招商引资难度加大，项目落地困难。", "营商环境有待优化。"]),
    ("one paragraph, one sentence", "四、存在的主要问题\n\n企业投资信心不足、融资困难,工业用地指标不足,征地拆迁困难。\n",
     ["企业投资信心不足、融资困难,工业用地指标不足,征地拆迁困难。"]),
    ("intro skipped", "二、存在问题\n整体来看成效明显。但还存在一些问题和不足，主要表现在：\n一是思想重视不够。\n二是进展不均衡。\n",
     ["思想重视不够。", "进展不均衡。"]),
    ("intro cue, no items", "二、存在问题\n但也存在一些问题，主要是：\n资金短缺。用地紧张。\n", ["资金短缺。", "用地紧张。"]),
    ("inline ； items after an intro", "三、存在的问题和不足\n虽然取得了一定成效，但与上级要求相比还存在一定差距，主要表现在：一是招商项目规模偏小；二是项目落地慢，开工率低；三是招商队伍专业化水平不高。\n四、20xx年工作打算\n一是加大力度。\n",
     ["招商项目规模偏小", "项目落地慢，开工率低", "招商队伍专业化水平不高。"]),
    ("sentences on one line", "（四）存在的问题\n一是资金不足。二是用地紧张。三是人才缺乏。\n二、下半年工作计划\n",
     ["资金不足。", "用地紧张。", "人才缺乏。"]),
    ("subtitle and explanation", "四、存在的问题\n（一）招商力度不够\n部分乡镇对招商引资工作重视不够。\n（二）项目落地难\n受用地指标制约，部分签约项目不能开工。\n个别项目资金不到位。\n五、下一步工作打算\n（一）加大招商力度\n",
     ["招商力度不够\n部分乡镇对招商引资工作重视不够。", "项目落地难\n受用地指标制约，部分签约项目不能开工。\n个别项目资金不到位。"]),
    ("intro ending in a colon", "三、存在问题\n回顾上半年工作，我们清醒地认识到：招商引资难度加大，项目落地困难。营商环境仍需优化。\n四、下步打算\n",
     ["招商引资难度加大，项目落地困难。", "营商环境仍需优化。"]),
    ("nested enumeration", "二、存在问题\n1、要素保障不足。一是资金短缺，二是用地紧张。\n2、服务不优。\n三、下步打算\n",
     ["要素保障不足。一是资金短缺，二是用地紧张。", "服务不优。"]),
    ("truncated last item", "二、存在的问题\n(一)认识不到位。\n(二)招商手段不多。建立和完善良好的招商运行机制还",
     ["认识不到位。", "招商手段不多。建立和完善良好的招商运行机制还"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ITEM_STYLES], ids=[c[0] for c in ITEM_STYLES])
def test_item_styles(text, expected):
    assert texts(text) == expected


def test_item_headings_that_read_like_problem_headings_stay_items():
    text = ("一、总体情况\n完成投资。\n二、存在问题\n(一)思想认识上的不足\n部分单位重视不够。\n"
            "(二)工作进展不均衡\n部分乡镇任务滞后。\n三、下步打算\n")
    df = extract_problems(text=text)
    assert df["text"].tolist() == ["思想认识上的不足\n部分单位重视不够。", "工作进展不均衡\n部分乡镇任务滞后。"]
    assert set(df["section"]) == {"二、存在问题"}


def test_a_cue_block_stops_at_the_next_problem_section():
    text = "今年工作成效明显，但还存在一些问题：\n一是资金不足。\n二是用地紧张。\n三、存在的问题\n一是人才缺乏。\n"
    df = extract_problems(text=text)
    assert df[["section", "item", "text"]].values.tolist() == [
        ["", 1, "资金不足。"], ["", 2, "用地紧张。"], ["三、存在的问题", 1, "人才缺乏。"]]


def test_item_numbers_and_section_path():
    text = "一、上半年工作总结\n(一)工作成效\n完成投资5亿元。\n(二)存在的问题\n一是项目少。\n二是企业小。\n二、下半年工作计划\n一是加强招商。\n"
    df = extract_problems(text=text)
    assert df["item"].tolist() == [1, 2]
    assert df["section"].tolist() == ["一、上半年工作总结 > (二)存在的问题"] * 2
    assert df["in_problem_section"].tolist() == [True, True]


def test_hard_wrapped_items_with_x_redactions():
    # hard-wrapped at ~29 characters, as PDFs copied to text are
    text = ("二、存在问题\n"
            "整体来看,各乡镇、各部门能够按照县委、县政府部署要求,全力\n"
            "以赴抓招商、引项目,聚力为县域经济高质量发展贡献力量。但还\n"
            "存在一些问题和不足,主要表现在:\n"
            "一是思想重视程度不够。一些单位对招商引资工作不够重视,投入\n"
            "精力不多,存在消极应付思想,特别是大多数派驻单位认为本单位\n"
            "为上级派出机构,对招商引资工作“心有余而力不足”。\n"
            "二是工作进展不够均衡。从年度工作完成情况来看,X个乡镇中,X\n"
            "X\n"
            "门还没有完成“双过半”任务。\n"
            "三是项目落地建设困难。大多数单位在谈项目多、对接时间长,仅\n"
            "仅和企业签订了意向协议,后续无任何进展,跟踪推进力度不大,\n"
            "致使一些项目难以转化为合同项目。同时,地指标紧缺\n"
            "服务")
    got = texts(text)
    assert len(got) == 3
    assert got[0].startswith("思想重视程度不够。") and got[0].endswith("“心有余而力不足”。")
    assert got[1].endswith("门还没有完成“双过半”任务。")
    assert got[2].endswith("地指标紧缺\n服务")  # a truncated last item runs to the end of the text


# -- where a problem section ends -------------------------------------------------------------------------------
SECTION_ENDS = [
    ("next level-1 heading", "二、存在的问题\n一是资金不足。\n二是用地紧张。\n三、下一步工作计划\n一是加强招商。\n二是优化服务。\n"),
    ("next level-2 heading", "一、上半年\n(三)存在的问题\n1、资金不足。\n2、用地紧张。\n(四)下半年打算\n1、加强招商。\n2、优化服务。\n"),
    ("unnumbered end line", "存在问题\n1、资金不足。\n2、用地紧张。\n下一步工作打算\n1、加强招商。\n2、优化服务。\n"),
    ("unnumbered end inside numbered", "四、存在问题\n资金不足。\n用地紧张。\n下半年工作打算\n加强招商。\n优化服务。\n"),
    ("level-1 after unnumbered", "存在问题\n一是资金不足。\n二是用地紧张。\n三、工作打算\n一是加强招商。\n"),
    ("items numbered like sections", "三、存在问题\n一、资金不足。\n二、用地紧张。\n四、下步打算\n一、加强招商。\n"),
    ("mixed heading", "四、存在问题及下步打算\n(一)存在问题\n1、资金不足。\n2、用地紧张。\n(二)下步打算\n1、加强招商。\n"),
    ("closing remark", "四、存在问题\n一是资金不足。\n二是用地紧张。\n这些问题需要在今后工作中认真加以解决。\n五、下步打算\n"),
    ("bracketed headings", "【存在问题】\n一是资金不足；\n二是用地紧张。\n【下步打算】\n一是加强招商。\n"),
    ("article end", "投资促进工作总结篇1\n二、存在的问题\n一是资金不足。\n二是用地紧张。\n投资促进工作总结篇2\n一是加强招商。\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in SECTION_ENDS], ids=[c[0] for c in SECTION_ENDS])
def test_section_end(text):
    got = texts(text)
    assert [t.rstrip("。；") for t in got] == ["资金不足", "用地紧张"]


# -- cues in running text -------------------------------------------------------------------------------
CUES = [
    ("一是 after 主要有", "会议指出，一季度增势良好。同时也存在一些不足,主要有:一是省属企业增长趋势缓慢,二是基层社销售增幅较低,三是销售增幅低于全国平均水平。\n会议要求加强工作。\n",
     ["省属企业增长趋势缓慢", "基层社销售增幅较低", "销售增幅低于全国平均水平。"]),
    ("comma list after 主要是", "今年以来成效明显，但也存在一些问题，主要是：资金短缺，用地指标不足，项目推进缓慢。我们将采取措施加以解决。\n",
     ["资金短缺", "用地指标不足", "项目推进缓慢。"]),
    ("no colon, 一是 follows", "存在的问题仍然非常突出，一是融资难，二是用地难。\n",
     ["融资难", "用地难。"]),
    ("items on their own lines", "一、工作情况\n完成投资5亿元，但仍面临一些困难：\n一是资金紧张。\n二是人才缺乏。\n下一步，我们将加强招商。\n",
     ["资金紧张。", "人才缺乏。"]),
    ("government report, ； list", "各位代表，我们也清醒地看到，发展中还存在不少困难和问题：经济下行压力加大，部分企业生产经营困难；科技创新能力不强；民生领域还有不少短板。对此，我们将切实加以解决。\n",
     ["经济下行压力加大，部分企业生产经营困难", "科技创新能力不强", "民生领域还有不少短板。"]),
    ("清醒地看到 opens a paragraph", "在肯定成绩的同时，我们也清醒地看到，当前发展还面临不少困难和挑战。有效需求不足，部分企业经营困难。民生领域存在短板。我们必须正视这些问题，切实加以解决。\n",
     ["有效需求不足，部分企业经营困难。", "民生领域存在短板。"]),
    ("清醒地认识到 with a comma", "我们也清醒地认识到，发展中的老问题、新挑战仍然不少，传统产业转型任务艰巨，新兴产业规模仍须壮大；一些企业经营困难。我们要直面问题挑战。\n",
     ["传统产业转型任务艰巨，新兴产业规模仍须壮大", "一些企业经营困难。"]),
    ("。主要是：", "政府工作还存在不少问题和不足。主要是：人口、资源、环境矛盾仍然突出；经济持续回升基础不牢固。\n",
     ["人口、资源、环境矛盾仍然突出", "经济持续回升基础不牢固。"]),
    ("list then problem-like sentences", "我们也清醒地看到面临的问题和挑战:需求不足，企业经营困难，财政收支矛盾突出。工作中形式主义现象依然存在，一些领域腐败问题时有发生。我们一定直面问题。\n",
     # several statements: one item each (one statement alone would give one item per clause)
     ["需求不足，企业经营困难，财政收支矛盾突出。", "工作中形式主义现象依然存在，一些领域腐败问题时有发生。"]),
    ("not a cue: features", "经济运行呈现以下几个特点:一是销售增幅大,二是利润增长快。\n", []),
    ("not a cue: solving problems", "帮助企业解决存在的问题：一是融资，二是用地。\n", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CUES], ids=[c[0] for c in CUES])
def test_cues_in_running_text(text, expected):
    assert texts(text) == expected


def test_outside_sentences_only_on_request():
    text = "二、工作情况\n园区建设加快推进。资金短缺仍然是制约园区发展的瓶颈。\n三、存在问题\n一是用地紧张。\n四、工作计划\n加快推进园区基础设施建设。\n"
    df = extract_problems(text=text)
    assert df["text"].tolist() == ["用地紧张。"]
    assert df["in_problem_section"].all()
    df = extract_problems(text=text, include_outside=True)
    assert df[["text", "in_problem_section", "section"]].values.tolist() == [
        ["资金短缺仍然是制约园区发展的瓶颈。", False, "二、工作情况"],
        ["用地紧张。", True, "三、存在问题"],
    ]
    assert (df["text"] == [text[s:e] for s, e in zip(df["start"], df["end"])]).all()


@pytest.mark.parametrize("sentence", ["招商引资难度较大，企业外迁压力增大。", "园区配套设施还存在不足。",
                                      "专业招商人才缺乏。"])
def test_outside_cues(sentence):
    df = extract_problems(text=f"一、工作情况\n签约项目10个。{sentence}\n", include_outside=True)
    assert df["text"].tolist() == [sentence]
    assert not df["in_problem_section"].any()


@pytest.mark.parametrize("sentence", ["帮助企业解决融资困难问题12个。", "加快补齐基础设施短板。", "签约项目10个。"])
def test_outside_non_problems(sentence):
    assert extract_problems(text=f"一、工作情况\n{sentence}\n", include_outside=True).empty


def test_government_work_report_docx(formats_dir):
    df = extract_problems(formats_dir / "guangdong_2025_gov_work_report.docx")
    assert len(df) == 6
    assert df["text"].iloc[0] == "外部环境变化带来的不利影响加深，我省经济外向度高，受到的冲击尤为直接。"
    assert df["text"].iloc[-1] == "风险隐患仍然较多，公共安全还有漏洞。"
    assert set(df["section"]) == {"一、2024年工作回顾"}


@pytest.mark.parametrize("name", ["qiandongnan_2016_stats_bulletin.docx", "zhoukou_2023_stats_bulletin.pdf"])
def test_statistics_bulletins_have_no_problems(formats_dir, name):
    assert extract_problems(formats_dir / name).empty


# -- the seed ----------------------------------------------------------------------------------------------
def test_seed_has_nine_problems(seed_path, seed_text):
    df = extract_problems(seed_path)
    assert len(df) == 9
    assert df["in_problem_section"].all()
    got = df["text"].tolist()
    assert got[0] == "企业投资信心不足、融资困难,工业用地指标不足,征地拆迁困难,签约项目落地建设推进缓慢。"
    assert got[2] == "建设资金缺乏。资金短缺、融资难仍然是制约园区发展的瓶颈。"
    assert got[6] == "支撑经济快速发展的大项目少,起产业带动作用的龙头企业缺乏。"
    assert got[8] == "产业链招商还不成熟。由于我县很多产业起步晚,配套还不完善,产业链延伸水平、骨干企业带动作用不强。"
    assert df["article"].tolist() == [1, 4, 4, 5, 5, 5, 6, 6, 6]
    assert df["item"].tolist() == [1, 1, 2, 1, 2, 3, 1, 2, 3]
    assert df["section"].tolist()[3] == "一、上半年工作总结 > (三)存在的问题"
    for s, e, t in zip(df["start"], df["end"], df["text"]):
        assert seed_text[s:e] == t
    assert "资金" in df.loc[0, "categories"] and "土地" in df.loc[0, "categories"]
    assert df.loc[1, "categories"] == ["基础设施"]


@pytest.mark.parametrize("name", ["seed.docx", "seed.pdf"])
def test_seed_in_other_formats(seed_path, name):
    path = seed_path.parent / name
    if not path.exists():
        pytest.skip(f"{path} not built")
    assert extract_problems(path)["text"].tolist() == extract_problems(seed_path)["text"].tolist()


def test_seed_with_outside_keeps_in_section_rows(seed_path):
    base = extract_problems(seed_path)
    df = extract_problems(seed_path, include_outside=True)
    inside = df[df["in_problem_section"]].reset_index(drop=True)
    assert inside[["start", "end"]].values.tolist() == base[["start", "end"]].values.tolist()


# -- categories and keywords ----------------------------------------------------------------------------------
CATEGORIES = [
    ("企业投资信心不足、融资困难", "资金"),
    ("征地拆迁困难", "土地"),
    ("工业用地指标不足", "土地"),
    ("水电、路网等基础设施没有跟上项目的建设步伐", "基础设施"),
    ("现有招商队伍人员普遍缺乏对市场的调研和考察", "人才"),
    ("签约项目落地建设推进缓慢", "项目推进"),
    ("起产业带动作用的龙头企业缺乏", "产业链"),
    ("营商环境有待优化，审批效率不高", "营商环境"),
    ("受新冠肺炎疫情影响,国内经济下行压力较大", "外部环境"),
    ("项目信息来源不广，宣传推介力度不够", "信息宣传"),
]


@pytest.mark.parametrize("text,category", CATEGORIES)
def test_categories_on_real_sentences(text, category):
    assert category in categorize(text)


@pytest.mark.parametrize("text,category", [("资金不足。", "资金"), ("人才缺乏", "人才"), ("干部队伍年龄老化", "人才")])
def test_categories_inside_compound_tokens(text, category):
    # jieba keeps 资金不足 as one token; its dictionary words still count
    assert category in categorize(text)


def test_categories_match_tokens_not_substrings():
    assert "土地" not in categorize("使用地方标准")  # 用地 is not a word here
    assert categorize("天气晴好") == []


def test_categories_argument_extends_or_replaces():
    text = "二、存在问题\n一是安全生产隐患较多，融资困难。\n"
    df = extract_problems(text=text, categories={"安全": ["安全生产"]})
    assert df.loc[0, "categories"] == ["资金", "安全"]
    df = extract_problems(text=text, categories={"安全": ["安全生产"]}, replace_categories=True)
    assert df.loc[0, "categories"] == ["安全"]


def test_categories_from_csv(tmp_path):
    p = tmp_path / "cats.csv"
    p.write_text("# a comment\ncategory,keyword\n安全,安全隐患\n", encoding="utf-8")
    df = extract_problems(text="二、存在问题\n一是安全隐患较多。\n", categories=str(p), replace_categories=True)
    assert df.loc[0, "categories"] == ["安全"]


def test_keywords_are_salient_terms_of_the_item():
    kws = keywords_of("资金短缺、融资难仍然是制约园区发展的瓶颈。")
    assert 0 < len(kws) <= 5
    assert "资金短缺" in kws and "存在" not in kws
    df = extract_problems(text="二、存在问题\n一是受新冠肺炎疫情影响，企业投资意愿下降。\n", top_keywords=2)
    assert len(df.loc[0, "keywords"]) == 2
    assert all(k in df.loc[0, "text"] for k in df.loc[0, "keywords"])


# -- frame contract -------------------------------------------------------------------------------------
def test_empty_result_has_full_schema():
    df = extract_problems(text="一、工作完成情况\n签约项目10个，投资总额24亿元。\n")
    assert df.empty
    assert tuple(df.columns) == PROBLEM_COLUMNS
    assert {c: str(t) for c, t in df.dtypes.items()} == {c: str(pd.Series([], dtype=t).dtype)
                                                        for c, t in PROBLEM_DTYPES.items()}


def test_dtypes_and_lists(seed_path):
    df = extract_problems(seed_path)
    assert tuple(df.columns) == PROBLEM_COLUMNS
    assert str(df["doc_id"].dtype) == "string" and str(df["article"].dtype) == "Int64"
    assert str(df["item"].dtype) == "Int64" and df["in_problem_section"].dtype == bool
    assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in df["categories"])
    assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in df["keywords"])
    assert df["doc_id"].iloc[0] == "seed"


def test_all_source_kinds_agree(seed_path):
    by_path = extract_problems(seed_path)[["start", "end", "text"]]
    by_str_path = extract_problems(str(seed_path))[["start", "end", "text"]]
    by_bytes = extract_problems(seed_path.read_bytes())[["start", "end", "text"]]
    by_doc = extract_problems(read_document(seed_path))[["start", "end", "text"]]
    by_text = extract_problems(text=seed_path.read_text(encoding="utf-8"))[["start", "end", "text"]]
    for other in (by_str_path, by_bytes, by_doc, by_text):
        pd.testing.assert_frame_equal(by_path, other)


def test_jieba_only_sees_problem_items(monkeypatch, seed_path):
    import importlib

    mod = importlib.import_module("summary_mining.problems.categories")
    from summary_mining.rules.segment import Segmenter

    seen: list[str] = []
    seg = Segmenter.default()
    real_tokens, real_search = seg.tokens, seg.search_tokens

    monkeypatch.setattr(seg, "tokens", lambda text: (seen.append(text), real_tokens(text))[1])
    monkeypatch.setattr(seg, "search_tokens", lambda text: (seen.append(text), real_search(text))[1])
    mod._word_boundaries.cache_clear()
    df = extract_problems(seed_path)
    mod._word_boundaries.cache_clear()
    assert seen and set(seen) <= set(df["text"])


def test_rules_are_compiled_once():
    assert problem_rules() is problem_rules()


def test_bad_rule_file_names_the_entry(tmp_path):
    p = tmp_path / "problems.toml"
    p.write_text("[headings]\npatterns = ['存在(问题']\n[section_end]\npatterns = ['计划']\n"
                 "[cues]\npatterns = ['问题：']\n[[markers]]\npattern = '(?P<n>一)是'\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"headings\.patterns\[0\]"):
        problem_rules(str(p))


def test_docstring_examples():
    import doctest

    import importlib

    mod = importlib.import_module("summary_mining.problems.categories")
    assert doctest.testmod(mod).failed == 0


# -- the whole development corpus ----------------------------------------------------------------------------
def test_offsets_identity_on_every_corpus_file(dev_dir):
    for path in sorted((dev_dir / "corpus").glob("*.txt")):
        text = read_document(path).text
        df = extract_problems(path, include_outside=True)
        for s, e, t in zip(df["start"], df["end"], df["text"]):
            assert text[s:e] == t, (path.name, s, e)
            assert t == t.strip() and t[-1:] not in "，,；;、"


def _load_scorer(dev_dir: Path):
    spec = importlib.util.spec_from_file_location("dev_score", dev_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def problem_predictions(corpus: Path, gold: Path) -> pd.DataFrame:
    """Problem rows in the scorer's format for every corpus file that has a gold file."""
    frames = []
    for g in sorted(gold.glob("*.jsonl")):
        pr = extract_problems(corpus / f"{g.stem}.txt")
        frames.append(pd.DataFrame({"doc_id": pr["doc_id"].astype(str), "kind": "problem", "start": pr["start"],
                                    "end": pr["end"], "value": float("nan"), "unit": ""}))
    return pd.concat(frames, ignore_index=True)


def test_quality_bar_on_dev_corpus(dev_dir, tmp_path):
    scorer = _load_scorer(dev_dir)
    pred = problem_predictions(dev_dir / "corpus", dev_dir / "gold")
    pred.to_csv(tmp_path / "pred.csv", index=False)
    summary = scorer.main([str(tmp_path / "pred.csv"), str(dev_dir / "gold")])
    assert summary["problem"]["f1"] >= 0.90, summary["problem"]


def test_idf_table_is_jiebas_own():
    """Keywords read jieba's IDF file directly (no part-of-speech dictionary load): same table."""
    import jieba.analyse

    idf, median = importlib.import_module("summary_mining.problems.categories")._idf()
    assert idf == jieba.analyse.default_tfidf.idf_freq and median == jieba.analyse.default_tfidf.median_idf
    assert len(idf) > 200_000 and idf["融资"] < idf["融资难"] < median  # a rarer word weighs more
