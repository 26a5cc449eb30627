"""Regions: the gazetteer, detect_region on real phrases and documents, overrides, the frame columns."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.datafiles import data_path, load_csv
from summary_mining.places.regions import (RegionError, RegionInfo, add_region_period, article_info, detect_region,
                                    gazetteer, region_candidates, resolve_region)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_doc(seed_path):
    return sm.read_document(seed_path)


# -- the gazetteer -------------------------------------------------------------------------------
GAZETTEER_ROWS = [
    # code, name, short, level, province, city
    ("511724", "大竹县", "大竹", "county", "510000", "511700"),
    ("510623", "中江县", "中江", "county", "510000", "510600"),
    ("510108", "成华区", "成华", "county", "510000", "510100"),
    ("410000", "河南省", "河南", "province", "410000", ""),
    ("450000", "广西壮族自治区", "广西", "province", "450000", ""),
    ("640000", "宁夏回族自治区", "宁夏", "province", "640000", ""),
    ("522600", "黔东南苗族侗族自治州", "黔东南", "city", "520000", ""),
    ("110105", "朝阳区", "朝阳", "county", "110000", "110000"),
    ("429004", "仙桃市", "仙桃", "county", "420000", ""),
    ("500233", "忠县", "", "county", "500000", "500000"),
]


@pytest.mark.parametrize("row", GAZETTEER_ROWS, ids=[r[1] for r in GAZETTEER_ROWS])
def test_gazetteer_rows(row):
    r = gazetteer().get(row[0])
    assert (r.code, r.name, r.short, r.level, r.province, r.city) == row


def test_gazetteer_file_states_its_source():
    head = [ln for ln in data_path("regions.csv").read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    text = "\n".join(head)
    assert "tools/build_gazetteer.py" in text and "cpca 0.5.5" in text and "sha256 1635b589" in text
    assert "MIT" in text


def test_gazetteer_is_consistent():
    rows = load_csv("regions.csv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) == 3219
    by_code = {r["code"]: r for r in rows}
    assert sum(r["level"] == "province" for r in rows) == 34
    for r in rows:
        assert len(r["code"]) == 6 and r["province"] in by_code
        assert not r["city"] or r["city"] in by_code


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_script_derives_the_committed_rows():
    """The generator, run on cpca's own lines for these divisions, gives exactly the committed rows."""
    build = _build_module()
    adcodes = "\n".join(["adcode,name,longitude,latitude", "510000000000,四川省,1,1", "511700000000,达州市,1,1",
                         "511724000000,大竹县,1,1", "522600000000,黔东南苗族侗族自治州,1,1",
                         "429000000000,省直辖县级行政区划,,", "429004000000,仙桃市,1,1", "150724000000,鄂温克族自治旗,1,1",
                         "150700000000,呼伦贝尔市,1,1"])
    rows = build.build_rows(adcodes, "苗族\n侗族\n鄂温克族\n")
    committed = {r["code"]: r for r in load_csv("regions.csv")}
    assert [r["code"] for r in rows] == ["150700", "150724", "429004", "510000", "511700", "511724", "522600"]
    for r in rows:
        assert r == committed[r["code"]]


# -- detect_region on real phrases ---------------------------------------------------------------
# (text, name, code, level, redacted) — phrases from the seed, the formats and the dev corpus
PHRASES = [
    ("一是加强对外宣传，提高中江对外知名度和影响力。认真对中江籍在外创业人士信息进行全面梳理，全县共引进到位资金60.07亿元。",
     "中江县", "510623", "county", False),
    ("20xx年以来大竹县共参加两次省级重大活动。川渝合作(达州·大竹)示范园建设作为全市重点项目正日臻成熟。由于我县很多产业起步晚。",
     "大竹县", "511724", "county", False),
    ("成华区投促局深入贯彻落实区委决策部署，全区新签约项目12个。", "成华区", "510108", "county", False),
    ("各位代表：现在，我代表上杭县人民政府，向大会报告政府工作。全县地区生产总值391亿元。", "上杭县", "350823", "county", False),
    ("2025年河南省政府工作报告\n全省生产总值6.36万亿元。郑州、洛阳、南阳加快发展，现代化河南建设迈出新步伐。",
     "河南省", "410000", "province", False),
    ("全区上下共建中华民族共同体、书写美丽西藏新篇章，西藏地区生产总值增长7%。拉萨市、林芝市旅游增长。", "西藏自治区", "540000", "province", False),
    ("宁夏全区地区生产总值增长5.5%，全区上下奋力建设美丽新宁夏。", "宁夏回族自治区", "640000", "province", False),
    ("广西全区上下，推动广西高质量发展，北部湾经济区加快建设。", "广西壮族自治区", "450000", "province", False),
    ("我州取得第一季度开门红，黔东南州新签约项目280个。全州各族干部群众奋力拼搏。", "黔东南苗族侗族自治州", "522600", "city", False),
    ("xx县供销社在县委、县人民政府及xx供销社的正确领导下，我社和库尔勒中心供销合作社签订合作协议，全县储存农资9000吨。",
     None, None, "county", True),
    ("年初成立了x镇投资促进工作领导小组，制定了x镇20xx年投资促进工作方案，全镇招商引资工作取得成效。", None, None, "town", True),
]


@pytest.mark.parametrize("text, name, code, level, redacted", PHRASES, ids=[p[0][:12] for p in PHRASES])
def test_detect_region_phrases(text, name, code, level, redacted):
    info = detect_region(text)
    assert (info.name, info.code, info.level, info.redacted) == (name, code, level, redacted)


# Page furniture and titles that contradict the body (issue #16 item 6): (text, region). A navigation
# line copied with a web page names the site's categories; a title naming a division of another kind
# than the body's self-references loses to the division the body names (not when the body names the
# title's region more: a county summary's 全市重点项目 is its city's)
FURNITURE = [
    ("当前位置：首页 > 范文大全 > 演讲稿 > 成都市演讲稿\n2023年投资促进工作总结\n今年以来，我县认真贯彻落实县委决策部署。"
     "全县签约项目10个，中江县到位资金9.88亿元。", "中江县"),
    ("首页 » 工作总结 » 成都市\n2023年投资促进工作总结\n全县签约项目10个，中江县到位资金9.88亿元，我县新开工项目5个。", "中江县"),
    ("成都市2023年投资促进工作总结\n今年以来，中江县认真贯彻落实县委决策部署。全县签约项目10个，我县到位资金9.88亿元。", "中江县"),
    # … but when nothing else names a division, the navigation's one of the body's own kind (商洛 2015 报告)
    ("首页 > 专题报道 > 2015年商洛市两会专题报道 > 直通两会\n政府工作报告\n全市压缩“三公”经费开支3771万元。", "商洛市"),
    ("首页 > 范文 > 成都市演讲稿\n工作总结\n全县压缩“三公”经费开支3771万元。", None),
    ("大竹县2023年投资促进工作总结\n大竹县签约项目10个。川渝合作示范园作为全市重点项目，全市招商大会在大竹县召开，全县到位资金9亿元。",
     "大竹县"),
]


@pytest.mark.parametrize("text, name", FURNITURE, ids=[t[:8] for t, _ in FURNITURE])
def test_page_furniture_and_titles_against_the_body(text, name):
    assert detect_region(text).name == name


# Texts that must not name a region: places only visited, words that contain a county's name
NO_REGION = [
    "我局组团赴上海、广州、深圳开展招商推介。",
    "创建国家级示范县，完成县下达的目标任务，全县新签约项目10个。",  # 示范县 is not 范县, 完成县 not 成县
    "年末全州县级以上环境监测站12个。",  # 全州 + 县级, not 全州县
    "签约项目10个，投资总额24亿元。",
]


@pytest.mark.parametrize("text", NO_REGION, ids=[t[:10] for t in NO_REGION])
def test_no_region(text):
    assert detect_region(text) == RegionInfo()


# A place name that starts a brand (北京华联, 青岛啤酒) names no region: (text, name, code, brand places)
BRANDS = [
    ("西宁市全市开工项目295个，北京华联投资0.2亿元扩建北京华联超市城中店。", "西宁市", "630100", ["北京市"]),
    ("青岛啤酒、重庆啤酒在我市新建生产线，全市签约项目8个。", None, None, ["青岛市", "重庆市"]),
    ("天津一汽、广州本田、上海大众的配套企业落户大竹县，全县新签约项目12个。", "大竹县", "511724",
     ["天津市", "广州市", "上海市"]),
    ("上海市全市新签约项目120个，上海大众扩建项目开工。", "上海市", "310000", []),  # its other mentions count
]


@pytest.mark.parametrize("text, name, code, brands", BRANDS, ids=[b[0][:12] for b in BRANDS])
def test_brand_prefix_is_not_a_region(text, name, code, brands):
    info = detect_region(text)
    assert (info.name, info.code) == (name, code)
    assert not set(brands) & set(region_candidates(text)["name"])


# Places an activity targets (以…为重点, 在…举办, 到…开展招商) are visits, not the text's region
VISITS = [
    ("我局以上海、温州为重点开展驻点招商，本月将以上海为重点举办推介活动，全区新增签约项目12个。", None, None),
    ("我局已经在上海长宁、静安等区域成功举办三场专业推介会，进一步提高了我区知名度。", None, None),
    ("成华区投促局在上海长宁区成功举办专场推介会，在北京市召开项目发布会，全区新签约项目12个。", "成华区", "510108"),
    ("我县到深圳开展招商引资活动，全县到位资金8亿元。", None, None),
    ("闵行区以深圳、广州为重点开展驻点招商，全区新增签约项目12个。", "闵行区", "310112"),
]


def test_visit_score_of_a_targeted_place():
    scores = dict(zip(*[region_candidates("我局以上海为重点开展驻点招商，以上海为重点招商区域。")[c] for c in ("name", "score")]))
    assert scores == {"上海市": pytest.approx(2 * 0.3)}  # two short-name mentions, each a visit


# A name several divisions share (城中区 of 西宁 and of 柳州) names none of them, unless its city tells them apart
AMBIGUOUS = [
    ("全市新建项目42个，城中区原商场扩建项目开工，城中区招商引资到位资金4亿元。", None, None),
    ("西宁市城中区招商引资到位资金4亿元，全区新建项目42个。", "城中区", "630103"),
]


@pytest.mark.parametrize("text, name, code", VISITS + AMBIGUOUS, ids=[v[0][:12] for v in VISITS + AMBIGUOUS])
def test_visits_and_shared_names(text, name, code):
    info = detect_region(text)
    assert (info.name, info.code) == (name, code)


def test_visit_around_rules_read_before_and_after():
    from summary_mining.errors import RuleError
    from summary_mining.places.regions import _around

    assert _around("以…为重点", "regions.toml") == ("以", "为重点")
    with pytest.raises(RuleError, match="visit_around"):
        _around("以为重点", "regions.toml")


def test_province_and_city_of_a_county():
    info = detect_region("提高中江对外知名度，宣传推介中江。")
    assert (info.province, info.city) == ("四川省", "德阳市")


# -- the seed, article by article ----------------------------------------------------------------
SEED = [  # article, name, code, level, province, city, redacted
    (1, "中江县", "510623", "county", "四川省", "德阳市", False),
    (2, None, None, "county", None, None, True),   # xx县供销社
    (3, None, None, "county", None, None, True),   # xx区 (我区)
    (4, None, None, "town", None, None, True),     # x镇 (我镇)
    (5, None, None, "county", None, None, True),   # xx区 (全区)
    (6, "大竹县", "511724", "county", "四川省", "达州市", False),
]


@pytest.mark.parametrize("article, name, code, level, province, city, redacted", SEED, ids=[f"篇{s[0]}" for s in SEED])
def test_seed_articles(seed_doc, article, name, code, level, province, city, redacted):
    assert detect_region(seed_doc, article) == RegionInfo(name, code, level, province, city, redacted)


def test_article_object_or_index(seed_doc):
    assert detect_region(seed_doc, seed_doc.articles[5]) == detect_region(seed_doc, 6)


def test_own_region_beats_visited_places(seed_doc):
    cands = region_candidates(seed_doc, 1)
    assert cands.iloc[0]["code"] == "510623"
    scores = dict(zip(cands["name"], cands["score"]))
    assert scores["中江县"] > 5 * max(scores.get("上海市", 0), scores.get("深圳市", 0), scores.get("广州市", 0))
    six = region_candidates(seed_doc, 6)
    assert list(six["code"][:2]) == ["511724", "511700"]  # 大竹县, then its city 达州市 (深圳 firms count little)


def test_bad_article(seed_doc):
    with pytest.raises(ValueError, match="no article 9"):
        detect_region(seed_doc, 9)


# -- whole documents -----------------------------------------------------------------------------
FORMATS = [
    ("beijing_2024_gov_work_report.pdf", "北京市", "110000", "province"),
    ("beijing_2025_gov_work_report.docx", "北京市", "110000", "province"),
    ("guangdong_2025_gov_work_report.docx", "广东省", "440000", "province"),
    ("henan_2025_gov_work_report.docx", "河南省", "410000", "province"),
    ("zhoukou_2023_stats_bulletin.pdf", "周口市", "411600", "city"),
    ("qiandongnan_2016_stats_bulletin.docx", "黔东南苗族侗族自治州", "522600", "city"),
    ("qiandongnan_2023_stats_bulletin.pdf", "黔东南苗族侗族自治州", "522600", "city"),
]


@pytest.mark.parametrize("name, region, code, level", FORMATS, ids=[f[0] for f in FORMATS])
def test_format_documents(formats_dir, name, region, code, level):
    info = detect_region(sm.read_document(formats_dir / name))
    assert (info.name, info.code, info.level, info.redacted) == (region, code, level, False)


DEV = [
    ("g01", "河北省", "130000"), ("g02", "西藏自治区", "540000"), ("g03", "吉林省", "220000"),
    ("p03", "雅安市", "511800"), ("p10", "上杭县", "350823"), ("p12", "济南市", "370100"),
    ("p14", "贵港市", "450800"), ("p15", "茌平县", "371523"), ("p22", "桐城市", "340881"),
    ("p26", "安徽省", "340000"), ("p27", "青海省", "630000"), ("p28", "平昌县", "511923"),
    ("p04", None, None),  # 我州…, never named
    ("p16", None, None),  # a city summary that never names its city
    ("p06", None, None),  # 全市 summary that never names its city (西宁): 北京华联 is a brand, 城中区 is in 西宁 and 柳州
    ("p21", None, None),  # a 我局 report: 上海 is only where it recruits (以上海、温州为重点, 在上海举办)
]


@pytest.mark.parametrize("doc_id, region, code", DEV, ids=[d[0] for d in DEV])
def test_dev_documents(dev_dir, doc_id, region, code):
    info = detect_region(sm.read_document(dev_dir / "corpus" / f"{doc_id}.txt"))
    assert (info.name, info.code) == (region, code)


# -- user overrides ------------------------------------------------------------------------------
RESOLVE = [
    ("511724", "大竹县", "511724", "county"),
    ("511724000000", "大竹县", "511724", "county"),
    ("大竹县", "大竹县", "511724", "county"),
    ("中江", "中江县", "510623", "county"),
    ("四川省达州市大竹县", "大竹县", "511724", "county"),
    ("长春市朝阳区", "朝阳区", "220104", "county"),
    ("北京市朝阳区", "朝阳区", "110105", "county"),
    ("河南省", "河南省", "410000", "province"),
    ("广西", "广西壮族自治区", "450000", "province"),
    ("仁和镇", "仁和镇", None, "town"),
]


@pytest.mark.parametrize("value, name, code, level", RESOLVE, ids=[r[0] for r in RESOLVE])
def test_resolve_region(value, name, code, level):
    info = resolve_region(value)
    assert (info.name, info.code, info.level) == (name, code, level)


@pytest.mark.parametrize("value, message", [("朝阳区", "ambiguous"), ("999999", "unknown administrative code")])
def test_resolve_region_errors(value, message):
    with pytest.raises(RegionError, match=message):
        resolve_region(value)
    assert issubclass(RegionError, sm.SummaryMiningError) and issubclass(RegionError, ValueError)


def test_override_whole_document(seed_doc):
    info = article_info(seed_doc, regions={"seed.txt": "成华区"})
    assert set(info["region_code"]) == {"510108"} and set(info["region"]) == {"成华区"}


def test_override_one_article_and_period(seed_doc):
    info = article_info(seed_doc, regions={("seed", 3): {"region": "成都市成华区", "period": "2014"}})
    row = info.set_index("article").loc[3]
    assert (row["region"], row["region_code"], row["period"]) == ("成华区", "510108", "2014")
    assert info.set_index("article").loc[1, "region_code"] == "510623"  # the others are still detected


def test_override_csv(seed_doc, tmp_path):
    table = tmp_path / "regions.csv"
    table.write_text("file,article,region,period\nseed.txt,2,650000,2019\nseed,5,巴中市巴州区,\n", encoding="utf-8-sig")
    info = article_info(seed_doc, regions=table).set_index("article")
    assert (info.loc[2, "region"], info.loc[2, "region_level"], info.loc[2, "period"]) == ("新疆维吾尔自治区", "province", "2019")
    assert (info.loc[5, "region"], info.loc[5, "region_code"], info.loc[5, "period"]) == ("巴州区", "511902", "xxxx-H1")


def test_override_from_metadata():
    doc = sm.read_document(text="全县签约项目10个。")
    doc.metadata["region"] = "大竹县"
    assert article_info(doc).loc[0, "region_code"] == "511724"


# -- the columns added to extract's frame ----------------------------------------------------------
def test_add_region_period(seed_doc):
    df = add_region_period(sm.extract(seed_doc), seed_doc)
    cols = list(df.columns)
    assert cols[cols.index("article") + 1: cols.index("article") + 4] == ["region", "region_code", "period"]
    assert all(str(df[c].dtype) == "string" for c in ("region", "region_code", "period"))
    by_article = df.drop_duplicates("article").set_index("article")
    assert by_article.loc[1, ["region", "region_code", "period"]].tolist() == ["中江县", "510623", "xxxx-01..10"]
    assert by_article.loc[6, ["region", "region_code", "period"]].tolist() == ["大竹县", "511724", "xxxx-H1"]
    assert by_article.loc[2, ["region", "region_code", "period"]].isna().all()
    assert len(df) == len(sm.extract(seed_doc))


def test_add_region_period_empty_and_idempotent():
    doc = sm.read_document(text="大竹县认真落实各项工作。")
    df = add_region_period(sm.extract(doc), doc)
    assert df.empty and {"region", "region_code", "period"} <= set(df.columns)
    doc2 = sm.read_document(text="大竹县签约项目12个。")
    once = add_region_period(sm.extract(doc2), doc2)
    twice = add_region_period(once, doc2)
    pd.testing.assert_frame_equal(once, twice)
    assert once.loc[0, "region_code"] == "511724"


def test_article_info_table(seed_doc):
    info = article_info(seed_doc)
    assert info["article"].tolist() == [0, 1, 2, 3, 4, 5, 6]
    assert info["region_redacted"].tolist() == [False, False, True, True, True, True, False]
    assert info.loc[info["article"] == 4, "region_level"].item() == "town"


def test_module_doctests():
    import doctest

    import importlib

    mod = importlib.import_module("summary_mining.places.regions")
    assert doctest.testmod(mod).failed == 0


# -- scanning ------------------------------------------------------------------------------------
SCANS = [
    # text, longest non-overlapping hits, every name occurring (overlaps included)
    ("达州·大竹县四川省", ["达州", "大竹县", "四川省"], {"达州", "大竹", "大竹县", "四川", "四川省"}),
    ("四川省德阳市中江县", ["四川省", "德阳市", "中江县"], {"四川", "四川省", "德阳", "德阳市", "中江", "中江县"}),
    ("黔东南苗族侗族自治州", ["黔东南苗族侗族自治州"], {"黔东南", "黔东南苗族侗族自治州"}),
]


@pytest.mark.parametrize("text, found, occurring", SCANS, ids=[s[0] for s in SCANS])
def test_gazetteer_scans(text, found, occurring):
    g = gazetteer()
    assert [h.surface for h in g.find(text)] == found
    assert occurring <= g.occurring(text)
    assert all(name in text for name in g.occurring(text))


def test_short_county_names_in_a_long_text_need_their_full_name_once():
    """A county short form (中江) counts only when the full name is somewhere in the text: looked up
    once for the whole text, not once per mention (a long report used to be quadratic)."""
    body = "在大竹举办推介会，朝阳产业园签约项目10个，" * 40_000
    assert "大竹县" not in set(region_candidates(body)["name"])
    ranked = region_candidates("大竹县" + body)
    assert ranked.loc[ranked["name"] == "大竹县", "mentions"].tolist() == [40_001]
