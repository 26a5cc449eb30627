"""Relation readings over real phrases (issue #15): what each reading relates, the arithmetic and where its
figures are. The rule files' examples (tests/test_rule_examples.py) check the status of each; these check the
rows themselves — the stated figure, the operands in order, the computed value — and that every evidence span
is the text's own characters. Phrases from the development documents of tests/data/relations (d01, d05, e01, e02, e04, e07,
e08, e10, e11, d13, d14) and the bundled corpora."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

import summary_mining as sm

#: A whole and its three parts (e04), for the shares stated respectively.
GDP = "全市生产总值6212.46亿元。其中，第一产业增加值655.84亿元；第二产业增加值1200.63亿元；第三产业增加值4355.99亿元。"

#: Shares of water quality classes with their counts in brackets, after the wholes they are of (i08, set I).
WATER = ("年末全市环境质量监测网络对 30 个地表水省控河流断面、14 个主要湖库点位进行了监测。全市主要河流断面水质"
         "符合Ⅱ～Ⅲ类占 96.67%（29 个），Ⅳ类占 3.33%（1 个）。全市主要湖库测点水质符合Ⅱ～Ⅲ类的占 50.00%（7 个），"
         "Ⅳ类的占 28.57%（4 个），Ⅴ类占 21.43%（3 个）；营养状态为中营养。")

#: A county's key projects (i14, set I's dev half, in simplified script).
KEY_PROJECTS = ("2024年,我县安排重点项目91宗,总投资1964.4亿元,年度投资计划304亿元。1-4月,完成投资96.4亿元,完成年度计划投资的31.7%,"
                "低于序时进度1.6个百分点。其中续建项目35宗,完成投资47.7亿元,完成年度计划投资的24.3%;计划投产项目17宗,完成投资16.1亿元,"
                "完成年度计划投资的39.9%。")

# (reading, text, stated, status, operands as written, computed value)
#: A price table by scope (p02): the province's change between the city's and the rural one's.
CPI_TABLE = "单位: %\n指 标 | 全省 | 城市 | 农村 |\n居民消费价格 | 1.6 | 1.4 | 1.8 |\n居住 | 1.9 | 2.6 | 0.8 |\n"

#: Three counties' levels and growths in the text, restated by a table (d07).
COUNTY_TABLE = ("分区县看，伊州区实现地区生产总值664.08亿元，比上年增长7.6%；巴里坤县实现地区生产总值211.11亿元，增长14.6%；"
                "伊吾县实现地区生产总值287.75亿元，增长10.4%。\n表1 2023年各区县地区生产总值\n"
                "区县 | 地区生产总值(亿元) | 比上年增长(%) |\n伊州区 | 664.08 | 7.6 |\n巴里坤县 | 211.11 | 14.6 |\n"
                "伊吾县 | 287.75 | 10.4 |\n")

#: Last year's accounts and this year's plan, its growth over a base its clause names (k05); {} is the base's word.
PLAN = ("一、2025年预算执行情况\n全市一般公共预算收入完成148.21亿元，增长3.1%。\n二、2026年预算安排\n"
        "全市一般公共预算收入151.16亿元，比上年{}增长12%。")

#: Gaps of three counties' growths to the prefecture's, stated respectively (e10); {} is the first county's growth.
_GAPS = ("全州社会消费品零售总额49.00亿元，同比增长3.6%。\n阿克陶县实现社会消费品零售总额12.19亿元，增长{}%，阿合奇县实现社会消费品"
         "零售总额5.65亿元，增长6.3%，乌恰县实现社会消费品零售总额7.60亿元，增长6.0%，3个县实现社会消费品零售总额增速分别高于全州平均水平"
         "3.2、2.7、2.4个百分点。")

#: Pension insurance by scheme, each with its change (i01); {} is the last scheme's fall.
_PENSIONS = ("年末参加养老保险人数624.87万人，比上年末减少17.76万人。其中，参加企业养老保险人数229.08万人，减少17.12万人；参加"
             "机关事业单位养老保险人数22.03万人（含退休），增加0.47万人；参加城乡居民基本养老保险人数373.76万人，减少{}万人。")

READINGS = [
    # a justified PDF line pads its letters, a mirror site glosses them: read on the text's plain twin, offsets as written
    ("padded letters: a completion of a target",
     "临 杭 工 业 区 的 目 标 任 务 是 7亿 元 ,已 完 成 了 82086万 元 的 到 位 资 金 ,完 成 全 年 目 标 的 117.27%。",
     "117.27%", "consistent", ["82086万 元", "7亿 元"], 117.27),
    ("padded letters: shares listed after a colon",
     "全 年 完 成 农 林 牧 渔 业 总 产 值 444189万 元 ,其 中 ,农 业 产 值 275152万 元 ;林 业 产 值 20002万 元 ;牧 业 产 值 122633万 元 ;"
     "渔 业 产 值 24756万 元 ;农 业 服 务 业 产 值 1646万 元 。占 农 林 牧 渔 业 的 比 重 分 别 为 :农 业 61.9%,林 业 4.5%,牧 业 27.6%。",
     "4.5%", "consistent", ["20002万 元", "444189万 元"], 4.503),
    ("padded letters: a rate of a target count",
     "年 度 省 下 达 我 市 棚 户 区 改 造 基 本 建 成 任 务 为 3557套 ,全 市 棚 户 区 改 造 已 基 本 建 成 4385套 ,年 度 基 本 建 成 率 达 123.28%。",
     "123.28%", "consistent", ["4385套", "3557套"], 123.28),
    ("a count's names before it, a remark in brackets after its noun",
     "全市一般公共预算收入规模挺进全省第3位，高平、阳城、泽州、沁水4个县（市）一般公共预算收入规模持续位列全省前10位。",
     "4个", "consistent", ["高平", "阳城", "泽州", "沁水"], 4.0),
    ("hard-wrapped lines: a breakdown whose part a wrap breaks from its scale",
     "●市级收支情况。市四届人大三次会议批准的市级政府性基金收入预算94.7\n亿元（其中：开发区1.1亿元），后经市人大常委会批准调整为32.7亿元（\n"
     "其中：开发区1.1亿元），实际完成44.7亿元（其中：开发区6.7亿元），\n为调整预算的136.5%，增长84.3%。执行中因中央补助增加、发行地方政府\n"
     "专项债券、补助市县等，支出预算调整为39.7亿元（其中：市本级32.9亿\n元，开发区6.8亿元），实际完成37.6亿元（市本级31.4亿元，开发区6.2\n"
     "亿元），为调整预算的94.8%，增长64.6%。\n3.国有资本经营预算\n●全市收支情况。2018年全市实现国有资本经营预算收入3731万元，支\n"
     "出3715万元，结余16万元。",
     "39.7亿元", "consistent", ["32.9亿\n元", "6.8亿元"], 39.7),
    ("a share's whole its value points to: the named whole is another's",
     "今年前5个月,辽宁全省招商引资实际到位资金1931.7亿元,同比增长10.7%。其中,实际到位内资1845.1亿元,同比增长14.5%;注册资本项下实际利用外资"
     "8.1亿美元,同比增长19.3%。\n在引进外资中,今年1月至5月,辽宁全省新设立外商投资企业230家,同比增长28.5%。\n今年以来,重大项目始终为"
     "辽宁省招商引资提供强有力支撑。今年前5个月,辽宁省到资1亿元以上项目达291个,到位资金1619.6亿元,占总额的87.8%,其中到资10亿元以上项目37个。",
     "87.8%", "consistent", ["1619.6亿元", "1845.1亿元"], 87.778),
    ("a completion's target its value points to, named otherwise in the statement of targets",
     "2016年中山市“3.23”洽谈会,我镇目标分解任务主要是:境内外招商引资总额17000万美元,外贸出口8400万美元,国内贸易24000万元人民币。\n"
     "我镇今年的招商工作顺利开展。一是上报境外投资项目1个,投资总额2600万美元。二是上报出口贸易合同467宗,贸易额25995.74万美元,完成目标任务的309.47%。",
     "309.47%", "consistent", ["25995.74万美元", "8400万美元"], 309.47),
    ("a growth over last year's level named otherwise, sections before",
     "一、2025年预算执行情况\n市级地方一般公共预算收入完成76.39亿元，比2024年下降5.09%；加上上级补助等转移性收入183.03亿元，收入合计"
     "259.42亿元。一般公共预算支出119.72亿元，加上上解上级等转移性支出110.79亿元、结转下年28.91亿元，支出合计259.42亿元。\n"
     "二、2026年预算草案\n市级地方一般公共预算收入安排77.53亿元，增长1.5%。市级一般公共预算支出安排122.25亿元，增长2.11%，加上上解上级等"
     "转移性支出78.54亿元、结转下年支出28.2亿元，支出合计228.99亿元。",
     "2.11%", "consistent", ["122.25亿元", "119.72亿元"], 2.113),
    ("a difference from last year's level named otherwise, sections before",
     "一、2025年预算执行情况\n全市一般公共预算收入完成654233万元，为预算的101.2%。\n二、2026年预算草案\n"
     "全市地方一般公共预算收入安排667301万元，比上年增收13068万元。",
     "13068万元", "consistent", ["667301万元", "654233万元"], 13068.0),
    ("glossed letters: a completion of a target in brackets",
     "1-5月,全區(qū)社会消费品零售總(zǒng)额累計(jì)完成43.11億(yì)元,同比下降9.2%,完成年度任务(111.3億(yì)元)的38.7%。",
     "38.7%", "consistent", ["43.11億(yì)元", "111.3億(yì)元"], 38.733),
    ("tally: the rates that rose",
     "7个主要行业“5增2降”，其中，有色金属矿采选业同比增长23.9%；有色金属冶炼业、纺织业、电力业、建材业分别增长28.8%、13.7%、"
     "196.0%、5.3%；非金属矿物制品业、黑色金属矿采选业分别下降17.9%、9.1%。",
     "5增", "consistent", ["23.9%", "28.8%", "13.7%", "196.0%", "5.3%"], 5.0),
    ("tally: the count before it counts all",
     "7个主要行业“5增2降”，其中，有色金属矿采选业同比增长23.9%；有色金属冶炼业、纺织业、电力业、建材业分别增长28.8%、13.7%、"
     "196.0%、5.3%；非金属矿物制品业、黑色金属矿采选业分别下降17.9%、9.1%。",
     "7个", "consistent", ["23.9%", "28.8%", "13.7%", "196.0%", "5.3%", "17.9%", "9.1%"], 7.0),
    ("tally: an item that held is written 持平",
     "八大类消费品价格呈现“四升三降一平”格局：食品烟酒类上涨2.6%，居住类上涨0.5%，医疗保健类上涨0.8%，教育文化和娱乐类上涨0.1%；"
     "衣着类下降1.5%，生活用品及服务类下降0.2%，交通和通信类下降0.7%；其他用品和服务类价格与同期持平。",
     "一平", "consistent", ["持平"], 1.0),
    ("tally: not as stated, unverifiable",
     "4个县（市）工业生产“3增1降”。甲县规模以上工业增加值同比增长25.9%；乙县同比增长1.8%；丙县同比下降0.3%；丁县同比下降3.4%。",
     "3增", "unverifiable", ["25.9%", "1.8%"], 2.0),
    ("count of the names before it",
     "通高速公路县（市、区）达82个，迭部、碌曲、玛曲、镇原4县高速项目全部开工。",
     "4县", "consistent", ["迭部", "碌曲", "玛曲", "镇原"], 4.0),
    ("share of the count the clause before says it is among (u11)",
     "今年已开复工3114个项目中,新开工项目达2579个,占比66.2%。",
     "66.2%", "inconsistent", ["2579个", "3114个"], 2579 / 3114 * 100),
    ("share of a whole named by an indicator's synonym (外贸总值 for 外贸进出口: r35)",
     "前三季度福建省外贸进出口9314.4亿元,同比增长8.3%。\n福建省对“一带一路”国家(地区)前三季度实现进出口3758.1亿元,"
     "占同期福建省外贸总值的32.3%。",
     "32.3%", "inconsistent", ["3758.1亿元", "9314.4亿元"], 3758.1 / 9314.4 * 100),
    ("rate over the base in its numerator's own clause, firmly (q10)",
     "全县107个建设项目一季度开工100项,开工率达到75%。",
     "75%", "inconsistent", ["100项", "107个"], 100 / 107 * 100),
    ("rate over a base in the clause before the numerator's: a reading (k11)",
     "今年1至8月,梧州市引进区外投资项目315个,已开工项目300个,开工率达87.9%。",
     "87.9%", "unverifiable", ["300个", "315个"], 300 / 315 * 100),
    ("the changes of a known partition's two halves make up the whole's, firmly (e08)",
     "年末全市常住人口294.26万人，比上年末增加2.79万人。其中，城镇人口247.70万人，比上年末增加5.95万人；乡村人口46.56万人，"
     "比上年末减少1.97万人。",
     "2.79万人", "inconsistent", ["5.95万人", "1.97万人"], 5.95 - 1.97),
    ("gap to the one growth of its article the clause names, firmly (m11)",
     "全年规模以上工业增加值比上年增长7.5%。\n高技术制造业增加值比上年增长25.0%，高于规模以上工业增速12.9个百分点。",
     "12.9个百分点", "inconsistent", ["25.0%", "7.5%"], 17.5),
    ("gap to one of two growths the clause names alike: a reading",
     "全年规模以上工业增加值比上年增长7.5%。规模以上工业营业收入增长3.1%。\n高技术制造业增加值比上年增长25.0%，"
     "高于规模以上工业增速12.9个百分点。",
     "12.9个百分点", "unverifiable", ["25.0%", "3.1%"], 21.9),
    ("growth from exact counts: no rounding to allow (g08)",
     "全年各类生产安全事故58起，同比减少6起，下降11.5%；安全事故死亡41人，同比减少5人，下降10.9%。",
     "11.5%", "inconsistent", ["58起", "6起"], -6 / 64 * 100),
    ("growth from counts in 万: rounded, within it",
     "年末全市常住人口874.4万人，比上年增加5.7万人，增长0.65%。",
     "0.65%", "consistent", ["874.4万人", "5.7万人"], 5.7 / (874.4 - 5.7) * 100),
    ("a full sentence opening with the comparison goes on from the level before, firmly (ca02)",
     "1.一般公共预算财政拨款收入382.17万元,为市本级财政当年拨付的资金。较2020年度决算数减少157.86万元,下降39.2%,主要原因是减员。",
     "39.2%", "inconsistent", ["382.17万元", "157.86万元"], -157.86 / (382.17 + 157.86) * 100),
    ("shares of the whole their full sentence opens among, firmly (w04)",
     "年末全县常住人口98509人,比上年末减少5647人。全年出生人口542人,出生率为5.20‰。常住人口中,男性人口为51034人,占51.81%;"
     "女性人口为57475人,占48.19%。",
     "48.19%", "inconsistent", ["57475人", "98509人"], 57475 / 98509 * 100),
    ("a lone 其中 part named as its whole is, however large (k02)",
     "据统计,全省签约项目共472个,协议投资额4994亿元。其中,列入市县考核的417个,协议投资额5686亿元。",
     "4994亿元", "inconsistent", ["5686亿元"], 5686.0),
    ("a 其中 part named as a kind of its whole breaks that whole down, however large (ba05)",
     "全年完成工业总产值145.2亿元,同比增长15%,其中规模以上工业总产值95.4亿元,增长16.6%;实现工业增加值40.6亿元,占GDP的27.3%。"
     "其中规模以上工业增加值50.7亿元,增长15.1%。",
     "40.6亿元", "inconsistent", ["50.7亿元"], 50.7),
    ("a 其中 restating its whole's measures in the whole's own full sentence: parts however large, firmly (x02)",
     "我市投资5000万元以上在建内资项目80个,同比增加11个,投资总额415.9亿元,其中,投资亿元以上在建项目96个,同比增加13个,投资总额414亿元。",
     "80个", "inconsistent", ["96个"], 96.0),
    ("a bare share of the figure of its measure right before its part, firmly (m04)",
     "新增发电装机4178万千瓦、总装机达9157万千瓦，新能源装机达5114万千瓦、占比达44.7%、成为第一大电源。",
     "44.7%", "inconsistent", ["5114万千瓦", "9157万千瓦"], 5114 / 9157 * 100),
    ("a rate over inputs each the one figure so named in its paragraph, firmly (e10)",
     "12月末，全州金融机构各项存款余额318.04亿元，同比增长7.9%。其中，住户存款154.96亿元，增长8.6%。金融机构各项贷款余额398.38亿元，"
     "同比增长12.8%。其中，住户贷款96.47亿元，同比增长25.4%。存贷比为93.8%，同比提高2.1个百分点。",
     "93.8%", "inconsistent", ["398.38亿元", "318.04亿元"], 398.38 / 318.04 * 100),
    ("shares stated respectively, names sharing head and tail",
     GDP + "第一、二、三产业增加值占地区生产总值的比重分别为10.6%、19.3%和70.1%。",
     "19.3%", "consistent", ["1200.63亿元", "6212.46亿元"], 1200.63 / 6212.46 * 100),
    ("shares stated respectively, a collective name",
     GDP + "三次产业增加值占地区生产总值的比重分别为10.6%、29.3%和70.1%。",
     "29.3%", "inconsistent", ["1200.63亿元", "6212.46亿元"], 1200.63 / 6212.46 * 100),
    ("contributions over statements, 下拉 taken away",
     "全州规模以上工业增加值同比增长12.9%。\n4个县（市）工业生产“3增1降”。乌恰县规模以上工业增加值同比增长25.9%，拉动规模以上工业增加值"
     "增速12.5个百分点；阿图什市规模以上工业增加值同比增长1.8%，拉动规模以上工业增加值增速0.4个百分点；阿克陶县规模以上工业增加值同比"
     "增长0.3%，拉动规模以上工业增加值增长0.1个百分点；阿合奇县规模以上工业增加值同比下降3.4%，下拉规模以上工业增加值增速0.1个百分点。",
     "12.9%", "consistent", ["12.5个百分点", "0.4个百分点", "0.1个百分点", "0.1个百分点"], 12.9),
    ("gap with the wider growth in brackets",
     "全州房地产开发投资同比增长13.9%，增幅高于全国（-17.2%）31.1个百分点，高于全疆（-5.1%）19.0个百分点。",
     "19.0个百分点", "consistent", ["13.9%", "-5.1%"], 19.0),
    ("gap between two named growths",
     "从轻重工业看，轻工业增长12.7%，重工业增长4.2%，轻工业增速快于重工业8.5个百分点。",
     "8.5个百分点", "consistent", ["12.7%", "4.2%"], 8.5),
    ("gaps stated respectively", _GAPS.format("6.8"), "2.4个百分点", "consistent", ["6.0%", "3.6%"], 2.4),
    # a table's rows under a 其中 naming distinct classes (省内 / 省外) cannot overlap: over their row is a slip (c15) …
    ("a table's breakdown of distinct classes over its row",
     "指标 | 本月 | 增长% |\n三、旅行社组团人数(人) | 459022 | -43.1 |\n其中:省内游 | 445076 | -15.1 |\n省外游 | 102961 | -73.4 |\n",
     "459022", "inconsistent", ["445076", "102961"], 548037.0),
    # … and so do the top-level rows right after a 其中 row whose names end with the head's, up to the next product (n02)
    ("a table's 其中 row and the rows named like it",
     "产品名称\t单位\t产量\t比上年增长（%）\n原 煤\t万吨\t23908.72\t-0.2\n发电量\t亿千瓦时\t1855.69\t0.7\n其中：火力发电量\t亿千瓦时\t"
     "2038.65\t-1.4\n水力发电量\t亿千瓦时\t27.99\t49.7\n风力发电量\t亿千瓦时\t129.81\t17.2\n太阳能发电量\t亿千瓦时\t66.97\t14.4\n"
     "小麦粉\t万吨\t110.55\t11.6\n",
     "1855.69", "inconsistent", ["2038.65", "27.99", "129.81", "66.97"], 2263.42),
    # … or naming with it distinct classes of one classification (#短期贷款 ⏎中长期贷款 under 非金融企业及机关团体贷款: n02)
    ("a table's # row and the classes after it",
     "指 标\t年末数（亿元）\t比上年末增长（%）\n各项贷款\t2798.60\t14.7\n非金融企业及机关团体贷款\t2176.09\t17.4\n#短期贷款\t"
     "849.12\t1.75\n中长期贷款\t1381.93\t22.36\n",
     "2176.09", "inconsistent", ["849.12", "1381.93"], 2231.05),
    # … and the outline running on past a row's parts (其中：花生 ⏎油菜籽 ⏎甘蔗 under 油料): its first rows of distinct classes
    ("a table's outline running on past the row's parts",
     "表2  2025年主要农产品产量\n产品名称\n产量(万吨)\n比上年增长(%)\n粮食\n50.49\n1.1\n春收\n5.86\n0.4\n夏收\n6.14\n0.7\n秋收\n"
     "38.49\n1.3\n油料\n6.08\n0.9\n其中：花生\n7.08\n0.9\n油菜籽\n0.42\n1.3\n甘蔗\n3.96\n2.4\n茶叶\n5.41\n3.3\n",
     "6.08", "inconsistent", ["7.08", "0.42"], 7.5),
    # a gap to a wider growth named word for word after its scope is firm: a slip in it is inconsistent (e10)
    ("gaps stated respectively, one off", _GAPS.format("8.5"), "3.2", "inconsistent", ["8.5%", "3.6%"], 4.9),
    ("a gap to the wider area, one off",
     "2025年，全州农林牧渔业总产值64.26亿元，按可比价计算，同比增长5.7%。\n乌恰县农林牧渔业总产值同比增长22.0%，增速高于全州11.9个百分点。",
     "11.9个百分点", "inconsistent", ["22.0%", "5.7%"], 16.3),
    # … and one named otherwise is not (规上工业 / 工业: the wider growth may measure another thing)
    ("a gap to a wider growth named otherwise",
     "全州工业增加值同比增长5.7%。\n乌恰县规模以上工业增加值同比增长22.0%，增速高于全州11.9个百分点。",
     "11.9个百分点", "unverifiable", ["22.0%", "5.7%"], 16.3),
    # the rates of an item of a list, in a full sentence of rates after the item's figures, are of the item's own
    # figures (q01); rates after the whole list are the whole's (e10: 存贷比 of all loans)
    ("the rates of an item of a list",
     "共签约项目140个,签约金额496.47亿元。截至目前,已开工建设项目107个,完成到位资金107.36亿元。其中,州政府负责推进落实项目96个,"
     "签约金额210.44亿元,已开工建设项目78个,完成到位资金62.08亿元。签约项目履约率、开工率、资金到位率分别为100%、81.25%、29.5%;"
     "试验区管委会负责推进落得项目44个,签约金额286.03亿元,已开工建设项目26个。",
     "81.25%", "consistent", ["78个", "96个"], 81.25),
    ("a rate after the whole list",
     "金融机构各项存款余额318.04亿元。其中，住户存款154.96亿元。金融机构各项贷款余额298.38亿元，同比增长12.8%。其中，企（事）业贷款201.91亿元，"
     "同比增长7.6%；住户贷款96.47亿元，同比增长25.4%。存贷比为93.8%，同比提高4.1个百分点。",
     "93.8%", "consistent", ["298.38亿元", "318.04亿元"], 93.82),
    # a lone 其中 part whose measure word the whole's name writes (住户存款 of 各项存款余额) is a part however large: over it
    # is a slip (e08)
    ("a lone part measured as its whole, over it",
     "年末全市金融机构人民币各项存款余额6979.02亿元，比上年末增长7.3%，其中，住户存款7550.94亿元，增长9.3%。",
     "6979.02亿元", "inconsistent", ["7550.94亿元"], 7550.94),
    # … and a bracket closed inside the part's name is no aside the part stands in (g05)
    ("a lone part with a bracket in its name, over its whole",
     "工业信息等支出308.0亿元，其中:地方财力安排的经费类支出(市本级支出)510.5亿元,完成调整预算的100.4%。",
     "308.0亿元", "inconsistent", ["510.5亿元"], 510.5),
    # a rate's two inputs stated together in one full sentence, two before it in its paragraph, are firmly its (e02)
    ("a rate of inputs paired two sentences back",
     "年末全市常住人口874.4万人，其中城镇常住人口918.4万人，乡村常住人口139.7万人。全年人口出生率为7.78‰，死亡率为7.88‰。"
     "年末全市城镇化率84.02%，比上年末提高0.48个百分点。",
     "84.02%", "inconsistent", ["918.4万人", "874.4万人"], 918.4 / 874.4 * 100),
    # … and a rate of a 其中 part over its whole, in the full sentence right after the part's (d11)
    ("a rate of a part over its whole, right after",
     "2025年，全市一般预算收入1181.3亿元，增长2.3%。其中：税收收入994.9亿元，增长2.6%；非税收入385.4亿元，增长1.5%。收入质量为67.4%。",
     "67.4%", "inconsistent", ["994.9亿元", "1181.3亿元"], 994.9 / 1181.3 * 100),
    # the adjusted budget of the completion's measure, in the paragraph right before, is its target firmly (h01)
    ("an adjusted budget in the paragraph before",
     "经汇总，全市一般公共预算收入调整为290.95亿元，支出调整为631.54亿元。\n2025年全市一般公共预算收入完成347.82亿元，为调整预算的95.64％，"
     "下降16.25％。",
     "95.64％", "inconsistent", ["347.82亿元", "290.95亿元"], 347.82 / 290.95 * 100),
    # … and two paragraphs back in the completion's own section (h01: the spending's, after the revenue's paragraph)
    ("an adjusted budget earlier in the section",
     "（一）一般公共预算执行情况\n经汇总，全市一般公共预算收入调整为290.95亿元，支出调整为631.54亿元。\n2025年全市一般公共预算收入完成"
     "278.26亿元，为调整预算的95.64％。\n全市一般公共预算支出执行731.85亿元，为调整预算的92.71％，增长3.2％。",
     "92.71％", "inconsistent", ["731.85亿元", "631.54亿元"], 731.85 / 631.54 * 100),
    # an actual named by its verb alone, opening the full sentence right after its budget's: that budget firmly (o01)
    ("an actual by its verb right after its budget",
     "年初市级一般公共预算支出70.8亿元，执行中因上级补助增加等，支出预算调整为79.4亿元（其中：开发区9.8亿元）。实际完成92.8亿元"
     "（其中：开发区9.7亿元），为调整预算的93.5%，增长7.4%。",
     "93.5%", "inconsistent", ["92.8亿元", "79.4亿元"], 92.8 / 79.4 * 100),
    # the one target before it named as the part is, word for word, firmly (z08)
    ("a target named as its value word for word",
     "我镇目标分解任务主要是:境内外招商引资总额17000万美元,外贸出口8400万美元。\n我镇今年的招商工作做到早布局。上报境外投资项目1个,"
     "合计完成境内外招商引资总额22642万美元,完成目标任务的106.55%。",
     "106.55%", "inconsistent", ["22642万美元", "17000万美元"], 22642 / 17000 * 100),
    # a rate's base in its numerator's own clause, smaller than the numerator by a slip: still its base (u11)
    ("a rate's base in its numerator's clause, under it",
     "截至6月底,省市两级开工建设重点项目3114个,开工率87.8%。其中500个省级重点项目已开工562个,开工率90%。",
     "90%", "inconsistent", ["562个", "500个"], 562 / 500 * 100),
    # a growth from a level and its change: the change is written for itself, only the base below it carries the
    # level's rounding (4.25/175.25 to 4.35/174.15: 2.43 % to 2.50 %, not 3.1 %; i11)
    ("a growth from a level and its change, held to the change's precision",
     "全年累计争取各类上级转移支付资金179亿元，同口径增加4.3亿元，增长3.1%。",
     "3.1%", "inconsistent", ["179亿元", "4.3亿元"], 4.3 / (179 - 4.3) * 100),
    ("… and a fall, held likewise (e04)",
     "果园面积219.43万亩，减少3.33万亩，下降1.5%。茶园面积3.70万亩，减少0.06万亩，下降2.0%。",
     "2.0%", "inconsistent", ["3.70万亩", "0.06万亩"], -0.06 / (3.70 + 0.06) * 100),
    # a remote cue opening the paragraph right after its whole's full sentence: the full sentence right after it, the
    # line break between the paragraphs no sentence of its own (j08)
    ("a remote cue opening the next paragraph",
     "六、国内贸易\n全年社会消费品零售总额 5320.9 亿元，比上年增长 3.2%。\n按经营地统计，城镇消费品零售额 6257.4 亿元，增长 3.3%；\n"
     "乡村消费品零售额 315.0 亿元，增长 1.8%。",
     "5320.9 亿元", "inconsistent", ["6257.4 亿元", "315.0 亿元"], 6572.4),
    # a share stated with a lone 其中 part in its whole's full sentence is of that whole, firmly (x04)
    ("a share of a lone part in its whole's full sentence",
     "地方一般公共预算支出当月完成38.8亿元,增长17%;累计完成210亿元,增长17.9%,其中民生支出完成172.9亿元,增长11.1%,占比65.8%。",
     "65.8%", "inconsistent", ["172.9亿元", "210亿元"], 172.9 / 210 * 100),
    # a gap to the one growth of the article its scope's words and its indicator point to, firmly (e10)
    ("a gap to the one wider growth so named",
     "三、工业发展势头持续向好\n全年实现规模以上工业增加值同比增长12.9%，凸显了全州工业经济的韧性与活力。\n"
     "乌恰县规模以上工业增加值同比增长32.4%，增速高于全州13.0个百分点。",
     "13.0个百分点", "inconsistent", ["32.4%", "12.9%"], 19.5),
    # an average yearly growth over the span a parallel growth before it states (由2010年的…到2015年的…，年均增长10%: eb02)
    ("an average growth over a parallel item's span",
     "综合经济实力显著增强。地区生产总值由2010年的1.17万亿元增加到2015年的1.8万亿元，年均增长10%；人均生产总值由7070美元"
     "增加到1.15万美元。一般公共预算收入由1070亿元增加到2454.4亿元，年均增长15.9%。",
     "15.9%", "inconsistent", ["2454.4亿元", "1070亿元"], ((2454.4 / 1070) ** 0.2 - 1) * 100),
    # a lone 其中 part named as its whole less the whole's 总 (协议投资总额 / 中方协议投资额: k08)
    ("a lone part named as its whole less 总",
     "新批境外协议投资总额34.33亿美元，其中，中方协议投资额8.64亿美元。",
     "34.33亿美元", "consistent", ["8.64亿美元"], 8.64),
    ("numbered paragraphs restating the measures of the one before",
     "2025年市直社保基金预算收入完成596091万元，市直社保基金预算支出完成579601万元，当年收支结余16490万元，累计滚存结余637138万元。\n"
     "1. 机关事业单位养老保险基金收入106303万元，支出105645万元，当年结余658万元，累计结余19216万元。\n"
     "2. 职工医疗保险基金（含生育保险）收入301022万元，支出289804万元，当年结余11218万元，累计结余430834万元。\n"
     "3. 居民医疗保险基金收入188766万元，支出184152万元，当年结余4614万元，累计结余187088万元。",
     "637138万元", "consistent", ["19216万元", "430834万元", "187088万元"], 637138.0),
    ("allocation of a total, all of it",
     "专项债券1510亿元，362亿元用于土地储备，263亿元用于产业园区基础设施，250亿元用于保障性安居工程及城市更新，160亿元用于交通基础设施，"
     "117亿元用于科教文卫社会事业，66亿元用于农林水利项目，231亿元用于补充政府性基金财力，71亿元用于其他。",
     "1510亿元", "inconsistent", ["362亿元", "263亿元", "250亿元", "160亿元", "117亿元", "66亿元", "231亿元", "71亿元"], 1520.0),
    ("a lone part within its whole",
     "小型载客汽车保有量271万辆，比上年末增长6.6%；其中，非营运汽车264.57万辆，增长6.0%。",
     "271万辆", "consistent", ["264.57万辆"], 264.57),
    ("changes of two parts in both directions",
     "年末全市常住人口294.26万人，比上年末增加2.79万人。其中，城镇人口247.70万人，比上年末增加4.76万人；乡村人口46.56万人，比上年末"
     "减少1.97万人。",
     "2.79万人", "consistent", ["4.76万人", "1.97万人"], 2.79),
    ("statements restating a whole's measure for one part each",
     "全州限额以上单位消费品零售额14.16亿元，增长2.3%。\n县（市）限额以上消费呈“3增1降”。2025年，乌恰县限额以上单位消费品零售额0.68亿元，"
     "同比增长28.3%；阿合奇县限额以上单位消费品零售额0.64亿元，同比增长27.1%；阿克陶县限额以上单位消费品零售额2.56亿元，同比增长18.6%；"
     "阿图什市限额以上单位消费品零售额10.28亿元，同比下降3.2%。",
     "14.16亿元", "consistent", ["0.68亿元", "0.64亿元", "2.56亿元", "10.28亿元"], 14.16),
    ("a shortfall: spending less income",
     "市本级统筹的机关事业单位养老保险基金预算收入完成23,397万元，比上年减少4,896万元。市本级统筹的机关事业单位养老保险基金预算支出"
     "完成57,485万元，比上年增加10,526万元，当年收支相抵缺口34,088万元。",
     "34,088万元", "consistent", ["23,397万元", "57,485万元"], -34088.0),
    ("a figure per head of the population",
     "年末全市常住人口321.56万人，城镇人口比重63.4%。\n全年城镇新增就业4.41万人。\n年末全市发明专利拥有量3384件，每万人口发明专利拥有量"
     "10.52件；高价值发明专利拥有量1196件，每万人口高价值发明专利拥有量3.72件。",
     "3.72件", "consistent", ["1196件", "321.56万人"], 1196 / 3215600 * 10000),
    ("a share's whole is no sibling's same measure",
     "全州限额以上单位消费品零售额14.16亿元，增长2.3%。\n2025年，乌恰县限额以上单位消费品零售额0.68亿元，占全州限上消费品零售额的4.8%；"
     "阿合奇县限额以上单位消费品零售额0.64亿元，占全州限上消费品零售额的4.5%。",
     "4.5%", "consistent", ["0.64亿元", "14.16亿元"], 0.64 / 14.16 * 100),
    ("items followed by their own breakdowns, known by their sums",
     "2018年，省财政厅转贷我市地方政府债券461616万元，其中：新增债券331446万元，市本级留用90000万元，转贷县（市、区）241446万元。"
     "新增债券主要用于精准脱贫等项目建设。",
     "331446万元", "consistent", ["90000万元", "241446万元"], 331446.0),
    ("a growth and its change named after its level later in the sentence",
     "其中税收完成135.4亿元，为预算的100.6%，增长10.9%，在减税16.92亿元的基础上，税收增收13.3亿元，税收占比69.1%。",
     "10.9%", "consistent", ["135.4亿元", "13.3亿元"], 13.3 / (135.4 - 13.3) * 100),
    ("a rate whose formula is written in brackets",
     "全年实现地区生产总值2648.87亿元，比上年增长6.0%。\n全年全市原保险保费收入98.8亿元，比上年增长6.7%。保险深度（保费收入/GDP）3.73%。",
     "3.73%", "consistent", ["98.8亿元", "2648.87亿元"], 98.8 / 2648.87 * 100),
    ("a balance after 收支相抵",
     "全市基金收入总计1,415,736万元。全市政府性基金支出完成846,150万元。加上调出资金401,779万元，支出总计1,247,929万元。"
     "收支相抵，基金滚存结转167,807万元。",
     "167,807万元", "consistent", ["1,415,736万元", "1,247,929万元"], 167807.0),
    ("a balance opening its own paragraph after 收支相抵: the totals before",
     "上年结余82.19亿元，动用预算稳定调节基金3.52亿元，收入总计624.65亿元。\n市本级一般公共预算支出268.7亿元。加上上解上级支出"
     "22.99亿元，补助下级支出192.78亿元，支出总计557.63亿元。\n收 支 相 抵 ，结 转 下 年 支 出 67.02亿元。",
     "67.02亿元", "consistent", ["624.65亿元", "557.63亿元"], 67.02),
    ("a balance naming its fund, the fund's income and spending paragraphs before",
     "全市社会保险基金收入114.3亿元。其中，城乡居民社会养老保险基金收入10.75亿元。\n全市社会保险基金支出112.15亿元。其中，"
     "城乡居民社会养老保险基金支出7.71亿元。\n2024年全市社会保险基金收支结余2.15亿元，年末滚存结余130.41亿元。",
     "2.15亿元", "consistent", ["114.3亿元", "112.15亿元"], 2.15),
    ("a rate of the totals, not of the last 其中 parts",
     "各项存款余额318.04亿元。其中，住户存款154.96亿元，非金融企业存款56.96亿元。各项贷款余额298.38亿元。其中，"
     "企（事）业贷款201.91亿元；住户贷款96.47亿元。存贷比为93.8%。",
     "93.8%", "consistent", ["298.38亿元", "318.04亿元"], 298.38 / 318.04 * 100),
    ("a completion of the budget stated as 支出预算由…变动为",
     "支出预算由3190691万元变动为4202408万元，主要是上级转移支付增加所致。\n全市一般公共预算收入完成1748028万元；"
     "全市一般公共预算支出执行4086166万元，为预算的97.23%，增长29.57%。",
     "97.23%", "consistent", ["4086166万元", "4202408万元"], 4086166 / 4202408 * 100),
    ("a completion of the budget approved (批准) a statement before",
     "市人大审议批准“三保”政策支出合计227,002万元。实际完成“三保”支出214,858万元，完成预算数的94.7%，比2024年增加14,129万元。",
     "94.7%", "consistent", ["214,858万元", "227,002万元"], 214858 / 227002 * 100),
    ("a value plus another, then their total",
     "收支两抵，本年收支结余－12,378万元，加上年结余37,123万元，年末滚存结余24,745万元。",
     "24,745万元", "consistent", ["－12,378万元", "37,123万元"], 24745.0),
    ("a lone 其中 part's rise within its whole's",
     "民用汽车保有量141.40万辆，增加6.83万辆，其中，私人汽车保有量129.36万辆，增加5.99万辆。",
     "6.83万辆", "consistent", ["5.99万辆"], 5.99),
    ("a named difference: exports less imports",
     "全年货物进出口总值1044.37亿元。其中，进口495.33亿元，增长5.7%；出口549.04亿元，增长19.3%。进出口顺差（进口小于出口）53.71亿元。",
     "53.71亿元", "consistent", ["549.04亿元", "495.33亿元"], 53.71),
    ("a named difference: income over its budget",
     "市本级一般公共预算收入52.18亿元，完成年初预算数45.23亿元的115.37%，超收收入7.95亿元按规定统筹用于化解政府债务。",
     "7.95亿元", "inconsistent", ["52.18亿元", "45.23亿元"], 6.95),
    ("a structure ratio: each number a part's share of the whole (g13)",
     "初步核算,全縣實現生產總值369.53億元,同比增長6.4%。分產業看,第一產業實現增加值35.65億元,增長4.6%;第二產業實現增加值"
     "113.78億元,增長8.7%;第三產業實現增加值220.10億元,增長5.5%。三次產業結構比為9.6:30.8:59.6。",
     "30.8", "consistent", ["113.78億元", "369.53億元"], 113.78 / 369.53 * 100),
    ("a structure ratio after the year before's (由上年的…调整为)",
     "全县地区生产总值276.29亿元。其中，第一产业增加值33.26亿元；第二产业增加值96.21亿元；第三产业增加值146.82亿元。"
     "三次产业结构比重由上年的12.3:35.4:52.3调整为12.0:36.8:51.2。",
     "36.8", "inconsistent", ["96.21亿元", "276.29亿元"], 96.21 / 276.29 * 100),
    ("next year's level against this year's under the same name (g02)",
     "（一）2025年预算执行情况\n全市地方一般公共预算收入完成62.57亿元，增长3.2%。\n（二）2026年全市和市本级财政收支预算安排\n"
     "1.一般公共预算。全市地方一般公共预算收入56.87亿元，下降9.1%，下降的主要原因是盘活存量资源资产实现收入的空间进一步收窄。",
     "9.1%", "consistent", ["56.87亿元", "62.57亿元"], -9.11),
    ("a share's part across a line wrap (e07, a PDF's fixed-width lines)",
     "认真贯彻党的二十大和二十届二中、\n三中全会精神，全面落实习近平总书记\n对内蒙古重要指示精神，以铸牢中华\n民族共同体意识为工作主线，扎实实\n"
     "施积极的财政政策，加强预算执行管\n理，稳步推进财政改革，有效防控财\n政风险，不断强化办好两件大事财政\n保障能力，为首府高质量发展提供了\n"
     "有力支撑。\n（一）全市财政预算执行情况\n1. 一般公共预算执行情况。\n2024 年 ，全 市 一 般 公 共 预 算 收\n"
     "入 254.8 亿 元 、同 比 增 长 7.03% 。 其\n中 ，税 收 收 入 209 亿 元 ，同 比 增 长\n7.39% ，占 一 般 公 共 预 算 收 入 的\n"
     "82.02%；非税收入 45.8 亿元，占一般\n公共预算收入的 17.98%。收入增长\n",
     "82.02%", "consistent", ["209 亿 元", "254.8 亿 元"], 209 / 254.8 * 100),
    # shares with their counts in brackets (a bulletin's water quality, set I): the count over the whole the
    # statement's words name (湖库 -> 14个湖库点位, not the 30 river sections stated first)
    ("share with its count in brackets",
     WATER, "28.57%", "consistent", ["4 个", "14 个"], 4 / 14 * 100),
    ("share with its count in brackets, a slip",
     WATER.replace("28.57%（4 个）", "38.57%（4 个）"), "38.57%", "inconsistent", ["4 个", "14 个"], 4 / 14 * 100),
    ("bracketed counts of shares making 100 % add up to the whole",
     WATER, "30 个", "consistent", ["29 个", "1 个"], 30.0),
    ("bracketed counts of shares short of 100 %: no more than the whole",
     WATER.replace("，Ⅴ类占 21.43%（3 个）", ""), "14 个", "consistent", ["7 个", "4 个"], 11.0),
    # shares stated respectively of a whole named by its scope alone (占全市比重): the whole of what the parts measure,
    # the last name carrying that measure (伊吾县地区生产总值 for 伊吾县实现地区生产总值); d07
    ("shares stated respectively of the whole the parts measure",
     "全年实现地区生产总值（GDP）1162.95亿元，比上年增长9.3%。\n图1  2021-2025年地区生产总值及增速\n分区县看，伊州区实现地区生产总值"
     "664.08亿元，比上年增长7.6%；巴里坤县实现地区生产总值211.11亿元，增长14.6%；伊吾县实现地区生产总值287.75亿元，增长10.4%。"
     "伊州区、巴里坤县、伊吾县地区生产总值占全市比重分别为57.1%、18.2%、26.7%。",
     "26.7%", "inconsistent", ["287.75亿元", "1162.95亿元"], 287.75 / 1162.95 * 100),
    # a target named with its words in another order (年度计划投资: 年度投资计划304亿元); a target measured once is no
    # firm reading of another value's (其中续建项目…完成年度计划投资的24.3%: its own target is not stated); i14
    ("completion of a target named in another order",
     KEY_PROJECTS, "31.7%", "consistent", ["96.4亿元", "304亿元"], 96.4 / 304 * 100),
    ("a target already measured is no firm target of a part",
     KEY_PROJECTS, "24.3%", "unverifiable", ["47.7亿元", "304亿元"], 47.7 / 304 * 100),
    # a budget word heading its statement marks each figure the statement lists (the adjusted spending, not the
    # original budget of the paragraph before nor the revenue stated first)
    ("completion of a budget a heading word marks",
     "备案的全市一般公共预算收入为192.87亿元，一般公共预算支出为482.01亿元。预算执行中，市本级和部分县区调整了收支预算，调整后的全市"
     "一般公共预算收入为189.7亿元，一般公共预算支出为498.24亿元。\n收入执行情况。全市一般公共预算收入完成175.39亿元，为调整预算的"
     "92.46%。\n支出执行情况。全市一般公共预算支出执行469.28亿元，为预算的94.19%，下降1.71%。",
     "94.19%", "consistent", ["469.28亿元", "498.24亿元"], 469.28 / 498.24 * 100),
    ("a plan's change against last year's level of the same name",
     "（一）2025年预算执行情况\n全市一般公共预算收入654,233万元，完成年初预算的120.2%。\n（二）2026年收支预算\n"
     "全市一般公共预算收入667,301万元，比上年增收13,068万元，增长2%。",
     "13,068万元", "consistent", ["667,301万元", "654,233万元"], 13068.0),
    ("a plan named by 安排 against last year's level of the same name",
     "（一）一般公共预算\n全市地方一般公共预算收入预计完成192.68亿元，比2024年增长0.31%。\n二、2026年预算草案\n"
     "全市地方一般公共预算收入安排195.57亿元，比2025年预计数增长1.5%。",
     "1.5%", "consistent", ["195.57亿元", "192.68亿元"], (195.57 - 192.68) / 192.68 * 100),
    ("a plan naming the fund's budget against what the fund did",
     "一、2025年预算执行情况\n全市社会保险基金收入完成166.37亿元，增长6.9%。\n二、2026年预算草案\n"
     "全市社会保险基金预算收入176.59亿元，增长6.1%。",
     "6.1%", "consistent", ["176.59亿元", "166.37亿元"], (176.59 - 166.37) / 166.37 * 100),
    ("scopes summed past a part in brackets, for a whole a 其中 breaks down by kind too",
     "省财政厅核定我市2018年政府债务限额264.3亿元，其中：一般债务138.2亿元，专项债务126.1亿元。经市人大常委会批准，市级政府债务限额"
     "78.2亿元（其中：开发区6.4亿元），其中：一般债务50.3亿元，专项债务27.9亿元；县区政府债务限额186.1亿元，其中：一般债务87.9亿元，"
     "专项债务98.2亿元。",
     "138.2亿元", "consistent", ["50.3亿元", "87.9亿元"], 138.2),
    ("a table's column of changes in the levels' unit, its cells written with their sign",
     "单位:元 | |||||\n项目 | 行号 | 本 期 | 上年同期 | 增加额 | 增长率 |\n1、总收入 | 1 | 61625022.26 | 66095039.04 | "
     "-4470016.78 | -6.76% |\n其中:医疗收入 | 2 | 43245334.20 | 44398351.66 | -1153017.46 | -2.60% |\n",
     "-1153017.46", "consistent", ["43245334.20", "44398351.66"], -1153017.46),
    ("an average yearly growth over the years its levels are named by",
     "社会消费品零售总额由2010年的21亿元提高到2015年的41.5亿元,年均增长14.6%。",
     "14.6%", "consistent", ["41.5亿元", "21亿元"], ((41.5 / 21) ** (1 / 5) - 1) * 100),
    ("a multiple of a target",
     "完成造林绿化栽植任务 28130 亩,为年度任务 7581 亩的 3.7 倍。",
     "3.7 倍", "consistent", ["28130 亩", "7581 亩"], 28130 / 7581 * 100),
    ("a table's growth column written with percent signs",
     "单位:元 | |||||\n项目 | 行号 | 本 期 | 上年同期 | 增加额 | 增长率 |\n1、总收入 | 1 | 61625022.26 | 66095039.04 | "
     "-4470016.78 | -6.76% |\n其中:医疗收入 | 2 | 43245334.20 | 44398351.66 | -1153017.46 | -2.60% |\n",
     "-2.60%", "consistent", ["43245334.20", "44398351.66"], (43245334.20 - 44398351.66) / 44398351.66 * 100),
    # a whole's column before its members' (全省 | 城市 | 农村): the whole between them is their weighted mean (p02)
    ("a table's whole column between its members' columns",
     CPI_TABLE, "1.9", "consistent", ["0.8", "2.6"], 1.9),
    # a table's column restates the figure at one place in each statement naming its row (d07): the k-th figure after
    # the row's name, equal in two rows or more, pairs with the row's cell whatever it is written
    ("a table's column restating a place in the statements naming its rows",
     COUNTY_TABLE.replace("巴里坤县实现地区生产总值211.11", "巴里坤县实现地区生产总值213.11"),
     "213.11亿元", "inconsistent", ["211.11"], 211.11),
    # a level written again as it was, under a name ending alike: the growth right after each is one growth (d02)
    ("the growth of a level written again as it was",
     "一、2025年预算执行情况\n全市一般公共预算收入完成150.1亿元，同比增长6.9%。\n二、2025年重点财政工作\n深挖财源潜力。"
     "全市一般公共预算收入150.1亿元，同比增长7.9%，收入增幅全省第3。",
     "6.9%", "inconsistent", ["7.9%"], 7.9),
    # a share far off its whole (more than twice) reads as another whole's — unless its siblings hold that whole (h05)
    ("a share far off the whole its siblings hold",
     "全省实际使用外资233.2亿美元。苏南地区实际使用外资141.5亿美元，占全省总量的60.7%；苏中地区实际使用外资48.2亿美元，"
     "占全省总量的20.7%；苏北地区实际使用外资43.5亿美元，占全省总量的5.6%。",
     "5.6%", "inconsistent", ["43.5亿美元", "233.2亿美元"], 43.5 / 233.2 * 100),
    # a growth whose clause says its base is last year's achieved level, of the one level so named before it (k05)
    ("a growth over last year's achieved level, the one so named before it",
     PLAN.format("完成数"), "12%", "inconsistent", ["151.16亿元", "148.21亿元"], (151.16 - 148.21) / 148.21 * 100),
    # a slogan of counts, each explained after it (d10): a count quoted again with a colon, or the bracket's items ending
    # with its word
    ("a slogan's count explained by its own quoted colon",
     "种植结构优化，“一减两稳”（“一减”：减少玉米种植面积；“两稳”：稳定花生和烤烟种植面积）。",
     "两稳", "consistent", ["稳定花生", "烤烟种植面积"], 2.0),
    ("a slogan's count explained by the bracket's items ending with its word",
     "经济运行呈现“三增长一收窄”特点（农村经济稳步增长、城镇和农村居民收入同步增长、地方财政收入降幅收窄）。",
     "三增长", "consistent", ["农村经济稳步增长", "城镇", "农村居民收入同步增长"], 3.0),
    # a ratio named by any word of a structure, of the breakdown of as many parts right before it (u08)
    ("a structure ratio of the breakdown right before it",
     "今年全地区农作物播种计划为127.76万亩，其中粮食作物76.82万亩、经济作物32.8万亩、饲草料作物18.14万亩，粮经饲比例将调整为60∶26∶14。",
     "14", "consistent", ["18.14万亩", "127.76万亩"], 18.14 / 127.76 * 100),
    # a spending total that counts what is carried out of the year closes the books: the income total equals it (k10)
    ("a spending total counting the year-end balance equals the income total",
     "全市政府性基金收入 5.56 亿元，加上转移支付、债务转贷等转移性收入，收入总量为 80.92 亿元。支出 41.05 亿元，同比增长 183.86%；"
     "加上债务还本、年终结余等支出总量为 81.92 亿元。",
     "80.92 亿元", "inconsistent", ["81.92 亿元"], 81.92),
    ("a spending total whose items after it count the year-end balance equals the income total (l01)",
     "1.一般公共预算\n（1）总收入1166.3亿元。\n（2）总支出1176.3亿元，其构成是：①一般公共预算支出995.8亿元；②结转下年支出180.5亿元。",
     "1166.3亿元", "inconsistent", ["1176.3亿元"], 1176.3),
    ("a spending total the next full sentence says balances equals the income total (s04)",
     "全县一般公共财政预算收入364900万元，加上转移性收入后，收入合计1099245万元。\n\n2020年全县一般公共预算支出917537万元，"
     "加上转移性支出181708万元，支出合计1099345万元。\n\n收支相抵，全县一般公共预算收支平衡。",
     "1099245万元", "inconsistent", ["1099345万元"], 1099345),
    # a 其中 opening its paragraph breaks down the one level of the full sentence before it; a change there (比上年增加) is
    # no whole (n02, wrapped at a full stop)
    ("a 其中 paragraph after a sentence stating a level and its change",
     "全年粮食产量155.22万吨，比上年增加0.26万吨，增产0.2%。\n其中：夏粮产量61.55万吨，减产4.9%；秋粮产量95.68万吨，增产3.8%。",
     "155.22万吨", "inconsistent", ["61.55万吨", "95.68万吨"], 157.23),
    # a mirror site's pronunciation gloss after a count's measure word (個(gè)) is read past: the words after it start later
    ("a count with a gloss before the colon of its list",
     "已完成新模块审批流设置的乡镇4個(gè):罗阳镇、东溪乡、龟湖镇、雪溪乡,其余15個(gè)乡镇未完成。",
     "4個", "consistent", ["罗阳镇", "东溪乡", "龟湖镇", "雪溪乡"], 4.0),
    ("a count with a gloss before 分别是 and its names",
     "全镇計(jì)划出列贫困村3個(gè),分别是中山村、六路村、力木村。", "3個", "consistent", ["中山村", "六路村", "力木村"], 3.0),
    ("a count with a gloss before its share in brackets",
     "全县现金账面有余额的村组数13個(gè),为罗阳镇8個(gè)(61.54%),雅阳镇2個(gè)(15.38%),泗溪镇3個(gè)(23.08%)。",
     "61.54%", "consistent", ["8個", "13個"], 8 / 13 * 100),
    ("names before a count whose noun after it holds a gloss in brackets (no list of names)",
     "武汉东湖、襄阳、宜昌3家高新區(qū)位列全国50强。", "3家", "consistent", ["武汉东湖", "襄阳", "宜昌"], 3.0),
    ("names before a count with a gloss after its measure word",
     "新增荆州、孝感、黄冈3個(gè)过三千億(yì)元城市。", "3個", "consistent", ["新增荆州", "孝感", "黄冈"], 3.0),
    # the names before a count read past the spaces a justified PDF line pads its letters with (e11: 四 个 科 目)
    ("names before a count, letters padded by spaces",
     "明 确 稳 定 、 发 展 、 生 态 、 强 边 四 件 大 事 。", "四 件", "consistent", ["明 确 稳 定", "发 展", "生 态", "强 边"], 4.0),
    ("a table whose header's unit holds a gloss (年末数（萬(wàn)人）)",
     "2025年年末全市户籍人口数及其构成\n指 标\n年末数（萬(wàn)人）\n比重（%）\n全市户籍總(zǒng)人口\n215.9\n100.0\n其中：城镇\n110.8\n"
     "51.3\n乡村\n105.9\n48.7\n", "215.9", "inconsistent", ["110.8", "105.9"], 216.7),
    # (m10) a list its cue says is complete, in one statement: all its items, no first few that add up (nor a cue-less
    # total read over them)
    ("a complete list (分别为：) in one statement is held whole", "1-9月份全市固投10亿元及以上新签约项目36个,分别为:金安区9个、"
     "市开发区6个、舒城县5个、霍邱县4个、金寨县4个、霍山县4个、叶集区4个、裕安区3个。", "36个", "inconsistent",
     ["9个", "6个", "5个", "4个", "4个", "4个", "4个", "3个"], 39),
    # (i01) a whole's change made of its parts', one of them the other way: those of its direction less the other
    ("the changes of three parts, one of them the other way, make up the whole's", _PENSIONS.format("1.11"),
     "17.76万人", "consistent", ["17.12万人", "0.47万人", "1.11万人"], 17.76),
    ("the changes of three parts that do not make up the whole's: no partition known, so unverifiable",
     _PENSIONS.format("2.11"), "17.76万人", "unverifiable", ["17.12万人", "0.47万人", "2.11万人"], 18.76),
    # (cb08) the values of distinct families opening a statement each total the later values of their family that add up
    ("a second total opening its statement beside the first, its parts after the first's",
     "总户数12271户,总人口31436人,因动迁改造,空挂户4542户,空挂人口10789人,现实有住户7729户,实有人口20647人,外来人口3418人。",
     "31436人", "consistent", ["10789人", "20647人"], 31436),
    # (ca05) last year's level an item compares with is no part of the list, nor the whole's a whole
    ("a 其中 list whose items compare with last year's levels",
     "2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元。其中,因公出国(境)费用没有;公务用车及运行维护费支出251万元,比上年"
     "累计支出285万元下降34万元;公务用车购置支出56万元比上年增加56万元;公务接待支出124万元,比上年累计支出148万元下降24万元。",
     "431万元", "consistent", ["251万元", "56万元", "124万元"], 431),
    # (ca02) a sentence of its own saying the list follows, then numbered paragraphs: the last figure before it broken down
    ("a sentence saying the list follows (收入具体情况如下。), numbered paragraphs after it",
     "(一)本单位2021年度总收入581.45万元,其中本年收入390.55万元,较2020年度决算数减少175.26万元,下降31%。\n收入具体情况如下。\n"
     "1.一般公共预算财政拨款收入382.17万元,为市本级财政当年拨付的资金。较2020年度决算数减少157.86万元。\n"
     "2.上级补助收入8.58万元,为事业单位开展业务活动取得的收入。较2020年度决算数减少17.40万元。",
     "390.55万元", "inconsistent", ["382.17万元", "8.58万元"], 390.75),
    # (s11) a completion of the adjusted budget by a part: the part's own budget a 其中 lists under the whole's (not the
    # whole's: 132.42 / 167.80 = 78.9 % was a false alarm)
    ("a part's completion of the adjusted budget its whole's breakdown lists",
     "区人大常委会批准调整一般公共预算支出预算数167.80亿元,其中区级一般公共预算支出135亿元。\n一般公共预算支出167.75亿元。其中:区级"
     "一般公共预算支出132.42亿元,为调整预算的98.1%,增长8.8%。", "98.1%", "consistent", ["132.42亿元", "135亿元"], 98.09),
    # a change opening its own full sentence is of the full sentence before's whole, not its last 其中 part (156.32 over
    # 100万元 was a false alarm on a probe phrasing)
    ("a change opening its full sentence after a whole and its parts",
     "收入情况：本年收入合计1856.32万元，其中财政拨款收入1756.32万元，占94.6%；其他收入100万元，占5.4%。与上年相比，收入增加156.32万元，"
     "增长9.2%。", "9.2%", "consistent", ["1856.32万元", "156.32万元"], 9.2),
    # (ca10) a table's 其中 row and the rows after it named with the measure of the total above (總收入: 收入), in traditional
    # script; the 其中 is read by the table alone (no text 其中 taking the cell before as its whole)
    ("a table's 其中 row and the rows after it naming the total's measure",
     "單位:元 | |||||\n項目 | 行號 | 本 期 | 上年同期 |\n1、總收入 | 1 | 61625022.26 | 66095039.04 |\n"
     "其中:醫(yī)療收入 | 2 | 43245334.20 | 44398351.66 |\n財政撥款收入 | 3 | 12954900.00 | 11152900.00 |\n"
     "其他收入 | 4 | 848050.98 | 6370215.00 |\n2、總支出 | 5 | 65142258.61 | 58480172.81 |\n",
     "66095039.04", "consistent", ["44398351.66", "11152900.00", "6370215.00"], 61921466.66),
]


#: One year's books carry three balances out, the next year's draft takes them in, in the same order (g04).
_CARRIED = ("一、2025年预算执行情况\n全市一般公共预算支出216.3亿元，结转下年支出41.1亿元。\n全市政府性基金预算支出65.7亿元，"
            "结转下年支出12.9亿元。\n全市国有资本经营预算支出10.0亿元，结转下年支出4.2亿元。\n二、2026年预算草案\n"
            "全市一般公共预算收入154.7亿元，上年结余41.1亿元。\n全市政府性基金预算收入20.6亿元，上年结余{}亿元。\n"
            "全市国有资本经营预算收入30.0亿元，上年结余{}亿元。")


@pytest.mark.parametrize("fund, state, rows", [
    ("13.9", "4.2", [("consistent", "41.1亿元", "41.1亿元"), ("inconsistent", "12.9亿元", "13.9亿元"),
                     ("consistent", "4.2亿元", "4.2亿元")]),  # the one left between two equal pairs
    ("12.9", "4.2", [("consistent", "41.1亿元", "41.1亿元"), ("consistent", "12.9亿元", "12.9亿元"),
                     ("consistent", "4.2亿元", "4.2亿元")]),
    ("13.9", "5.2", [("consistent", "41.1亿元", "41.1亿元")]),  # one equal pair is no run: the others are no pairs
])
def test_balances_carried_in_order_pair_up_whatever_they_are_written(fund, state, rows):
    text = _CARRIED.format(fund, state)
    found = [r for r in sm.audit(text=text).itertuples() if r.check == "repeat"]
    assert [(r.status, r.evidence[0][2], r.evidence[1][2]) for r in found] == rows
    assert all(text[s:e] == surface for r in found for s, e, surface in r.evidence)


@pytest.mark.parametrize("text", [
    # the row's name in a statement of another measure (烤烟种植面积): none of its figures is the row's, so no place pairs
    "全年烤烟种植面积11.71万亩，比上年下降5.2%；烤烟产量1.34万吨，比上年下降4.4%。蔬菜产量389.84万吨，比上年增长3.8%。"
    "茶叶产量2.24万吨，比上年增长4.0%。\n指标名称 | 产量（万吨） | 比上年增长（%） |\n烤烟 | 1.34 | -4.4 |\n"
    "蔬菜 | 389.84 | 3.8 |\n茶叶 | 2.24 | 4.0 |\n",
    # a place one row alone restates is no column's (the growths: 伊州区's alone equal)
    COUNTY_TABLE.replace("增长14.6%", "增长14.8%").replace("287.75亿元，增长10.4%", "289.75亿元，增长10.9%"),
])
def test_a_table_restates_no_place_it_was_not_seen_to(text):
    rows = sm.audit(text=text)
    assert "inconsistent" not in set(rows["status"]), rows["message"].tolist()


@pytest.mark.parametrize("second", [
    "市本级国有资本经营预算收入完成3,042万元，下降39.2%。",  # another scope's level of the same value
    "全市国有资本经营预算支出完成3,042万元，下降39.2%。",  # the spending, not the income
    "全市国有资本经营预算收入完成3,043万元，下降39.2%。",  # not written as it was
])
def test_the_growths_of_two_levels_that_are_not_one_are_no_restatement(second):
    text = "3.国有资本经营预算\n全市国有资本经营预算收入完成3,042万元，完成年初预算的152.1%，下降56%。\n" + second
    assert "inconsistent" not in set(sm.audit(text=text)["status"]), sm.audit(text=text)["message"].tolist()


@pytest.mark.parametrize("base", ["预算", "", "同期"])
def test_a_growth_over_a_base_not_named_achieved_is_read_only_when_it_holds(base):
    # (比上年预算: last year's budget, not its accounts; 同比: any level of last year)
    assert sm.audit(text=PLAN.format(base)).empty


@pytest.mark.parametrize("spending", [
    "加上债务还本等支出总量为 81.92 亿元。",  # no balance counted: unequal totals leave one, read by find_balances
    "加上债务还本等支出总量为 79.92 亿元。收支相抵，结转下年 1 亿元。",  # a balance stated after the total
    "加上债务还本、上年结余等支出总量为 81.92 亿元。",  # 上年结余 is income, no balance carried out
    "加上债务还本等支出总量为 79.92 亿元，其中，收支相抵，结转下年 1 亿元。",  # a balance left after the total, not an item of it
])
def test_unequal_totals_that_do_not_close_the_books_are_no_restatement(spending):
    text = "全市政府性基金收入 5.56 亿元，加上转移性收入，收入总量为 80.92 亿元。支出 41.05 亿元，" + spending
    assert "inconsistent" not in set(sm.audit(text=text)["status"])
    assert not any(r.check == "repeat" for r in sm.audit(text=text).itertuples())


@pytest.mark.parametrize("text, stated", [
    # no base makes the share true: the named whole stays, and a reading the words do not make firm is no verdict
    ("全省招商引资实际到位资金1931.7亿元。其中,实际到位内资1845.1亿元。\n到资1亿元以上项目到位资金1619.6亿元,占总额的80.0%。", "80.0%"),
    ("我镇目标任务主要是:外贸出口8400万美元,国内贸易24000万元人民币。\n上报出口贸易合同467宗,贸易额25995.74万美元,完成目标任务的290.00%。",
     "290.00%"),
    # a share to whole percents is read by value only against a base of its paragraph or the one before (not 97.74亿元)
    ("1-5月,规上工业总产值97.74亿元。\n预测上半年两区规模以上工业总产值122亿元。\n今年市下达两区产业产值目标201亿元。\n"
     "两区产业规上企业79家,产值66.42亿元,占规上总产值68%。", "68%"),
])
def test_a_base_read_by_value_only_where_the_value_is_true_and_near(text, stated):
    rows = [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == stated]
    assert [r.status for r in rows] == ["unverifiable"], [r.message for r in rows]


def test_a_growth_is_read_by_value_only_over_a_level_of_the_same_name():
    """餐饮业零售额27.10亿元增长20.6% is 27.10 / 22.47 - 1 — the 电信主营业务收入 of another paragraph: a coincidence of
    value, no level of its name (qiandongnan 2016)."""
    text = ("全年邮政业务总量完成3.83亿元，比上年增长20.7%。电信业务总量70.01亿元，电信主营业务收入22.47亿元，比上年增长8.6%。\n"
            "六、国内贸易\n全社会消费品零售总额290.16亿元，比上年增长13.4%。住宿业零售额3.40亿元，比上年增长19.4%，餐饮业零售额27.10亿元，"
            "比上年增长20.6%。")
    assert not [r.message for r in sm.audit(text=text).itertuples() if r.check == "growth"]


def test_the_income_total_of_a_full_sentence_closes_the_books_not_its_items():
    """收入总计…，其中：本年收入合计…: the books close on the first income total of its full sentence; the total of
    this year's income is one of its items, no restatement of the spending total (ca07, once 结转 was read past glosses)."""
    text = ("2023年度收入總計434.72萬元,其中:本年收入合計434.16萬元,年初結轉(zhuǎn)和結余0.55萬元。"
            "2023年度支出總計434.72萬元,其中:本年支出合計434.16萬元,年末結轉(zhuǎn)和結余0.55萬元。")
    df = sm.audit(text=text)
    assert "inconsistent" not in set(df["status"]), df["message"].tolist()
    repeats = [[e[2] for e in r.evidence] for r in df.itertuples() if r.check == "repeat"]
    assert ["434.72萬元", "434.72萬元"] in repeats and ["434.16萬元", "434.72萬元"] not in repeats


def _row(text: str, stated: str):
    rows = [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == stated]
    assert len(rows) == 1, [r.message for r in sm.audit(text=text).itertuples()]
    return rows[0]


@pytest.mark.parametrize("reading, text, stated, status, operands, computed", READINGS, ids=[r[0] for r in READINGS])
def test_reading(reading, text, stated, status, operands, computed):
    row = _row(text, stated)
    assert row.status == status, row.message
    assert [e[2] for e in row.evidence[1:]] == operands
    assert math.isclose(row.computed, computed, rel_tol=1e-3), (row.computed, computed)  # (in the stated figure's unit)
    for s, e, surface in row.evidence:
        assert text[s:e] == surface


def test_a_second_remote_cue_right_after_the_first_list_breaks_down_the_same_whole():
    """按经营地分，…。按消费形态分，…: both lists break down the 社会消费品零售总额 before the first, firmly (e02, g07)."""
    text = ("全年社会消费品零售总额3817.69亿元，比上年增长1.3%。按经营地分，城镇消费品零售额3582.20亿元，增长1.3%；乡村消费品零售额"
            "235.49亿元，增长1.5%。按消费形态分，商品零售3898.72亿元，增长1.2%；餐饮收入698.71亿元，增长1.5%。")
    rows = [(r.status, r.computed, [e[2] for e in r.evidence]) for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert rows == [("consistent", 3817.69, ["3817.69亿元", "3582.20亿元", "235.49亿元"]),
                    ("inconsistent", 4597.43, ["3817.69亿元", "3898.72亿元", "698.71亿元"])]


#: A budget report's execution section (g02): the year a share's sentence names is the heading's, over its whole.
_HEADED = ("（一）2025年预算收支完成情况\n1.一般公共预算。全市地方一般公共预算收入完成62.57亿元，下降16%。\n"
           "二、聚焦重点领域。2025年，全市税收收入完成{}亿元，占地方一般公共预算收入的57.6%，税收占比提高。")


@pytest.mark.parametrize("part, status", [("36.06", "consistent"), ("45.08", "inconsistent")])
def test_a_share_names_the_year_its_whole_stands_under(part, status):
    """A share whose sentence names a year its whole's sentence does not is firm when a heading over the whole names
    it (（一）2025年预算收支完成情况); a period named nowhere over the whole (“九五”初期) still keeps it a reading."""
    text = _HEADED.format(part)
    row = _row(text, "57.6%")
    assert (row.status, [e[2] for e in row.evidence]) == (status, ["57.6%", f"{part}亿元", "62.57亿元"])
    old = _row(text.replace("2025年，全市", "“九五”初期，全市"), "57.6%")
    assert old.status == ("consistent" if status == "consistent" else "unverifiable")



def test_a_run_of_remote_cues_breaks_down_the_whole_before_the_first():
    """分结构看…。分性质看…。分级次看…: each full sentence opened by a remote cue breaks down the figure of the sentence
    before the run, the third as firmly as the first two (i02): a level's share over it is a slip."""
    text = ("截至年末，全市地方政府债务余额266.63亿元，控制在限额范围内。分结构看，地方政府债券263.53亿元，外债3.1亿元。"
            "分性质看，一般债务193.29亿元，专项债务73.34亿元。分级次看，市本级111.69亿元，占33.51%，县、区177.28亿元，占66.49%。")
    rows = [(r.status, [e[2] for e in r.evidence]) for r in sm.audit(text=text).itertuples() if r.check in ("breakdown", "share")]
    assert rows == [("consistent", ["266.63亿元", "263.53亿元", "3.1亿元"]),
                    ("consistent", ["266.63亿元", "193.29亿元", "73.34亿元"]),
                    ("inconsistent", ["266.63亿元", "111.69亿元", "177.28亿元"]),
                    ("inconsistent", ["33.51%", "111.69亿元", "266.63亿元"]),
                    ("consistent", ["66.49%", "177.28亿元", "266.63亿元"])]

@pytest.mark.parametrize("text, status", [
    # scopes of distinct levels after the whole's statement cannot overlap: over the whole is a slip (x04) …
    ("来自海口的一般公共预算收入当月完成25.2亿元，下降43.8%。中央级一般公共预算收入当月完成6亿元，下降68.8%。省级一般公共预算收入"
     "当月完成7.1亿元，下降20.4%。我市地方一般公共预算收入当月完成13.1亿元，下降34.4%。", "inconsistent"),
    # … but siblings of one classification after the first are no scopes of it (社会保障和就业, then 教育, 卫生健康: i13)
    ("社会保障和就业支出执行97.31亿元，增长5%。教育支出执行60.74亿元，增长3%。卫生健康支出执行39.25亿元，增长2%。", None),
])
def test_scopes_of_distinct_levels(text, status):
    rows = [r.status for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert rows == ([status] if status else [])


@pytest.mark.parametrize("first, status, computed", [("54.2", "consistent", 389.0824), ("81.3", "inconsistent", 416.1824)])
def test_a_list_of_marked_items_goes_on_past_an_item_s_own_breakdown(first, status, computed):
    """其构成是：①…；②上级补助收入175.7亿元，其中，…；③…: the 其中 breaks down ②, the list goes on to ⑦; all marked items
    are the parts, whether or not they add up (l01)."""
    text = (f"（1）总收入389.1亿元，其构成是：①一般公共预算收入{first}亿元，完成预算的141.1%；②上级补助收入175.7亿元，其中，返还性收入"
            "15.4亿元，一般转移支付139.9亿元，专项转移支付20.4亿元；③下级上解收入76亿元；④调入预算稳定调节基金22亿元；⑤调入资金1824万元；"
            "⑥上年结转收入35亿元；⑦新增地方政府债券收入26亿元。")
    row = next(r for r in sm.audit(text=text).itertuples() if r.check == "breakdown" and r.evidence[0][2] == "389.1亿元")
    assert (row.status, len(row.evidence) - 1) == (status, 7)
    assert math.isclose(row.computed, computed, rel_tol=1e-6), row.computed


@pytest.mark.parametrize("general, status", [("594.19", "consistent"), ("742.74", "inconsistent")])
def test_a_list_split_by_measure_is_of_the_measures_totals_listed_before(general, status):
    """按贸易方式分，一般贸易出口…；加工贸易出口…；一般贸易进口…；加工贸易进口…: the exports are of 出口总额 (a part of the list
    before), the classes (一般贸易 / 加工贸易) within NOT_PARTS of it: over it is a slip (g08)."""
    text = (f"全年完成进出口总额1735.6亿元，同比增长3.2%。其中，出口总额1260.86亿元，增长3.1%；进口总额474.74亿元，增长3.5%。"
            f"按贸易方式分，一般贸易出口{general}亿元，增长1.1%；加工贸易出口646.53亿元，增长4.6%；一般贸易进口327.57亿元，增长6.2%；"
            "加工贸易进口127.98亿元，下降3.3%。")
    rows = [r.status for r in sm.audit(text=text).itertuples()
            if r.check == "breakdown" and r.evidence[0][2] == "1260.86亿元" and r.evidence[1][2] == f"{general}亿元"]
    assert rows == [status]


def test_a_partition_s_whole_named_with_总():
    """公共财政预算总收入 names the whole of 税收收入 / 非税收入 (a known partition) with 总 in it: a remote cue a paragraph
    on breaks it down firmly (r11)."""
    text = ("一、累计完成公共财政预算总收入67949万元，为年初预算61.22%。其中:地方公共财政预算收入完成51653万元；上划中央收入完成"
            "12133万元；上划省级收入完成4163万元。\n二、分收入结构看:累计完成税收收入45690万元，增长6.91%；累计完成非税收入31397万元，"
            "增长15.25%。")
    rows = [(r.status, r.computed) for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert rows == [("consistent", 67949.0), ("inconsistent", 77087.0)]


@pytest.mark.parametrize("people, status, computed", [("8249", "consistent", 21982.0), ("10311", "inconsistent", 24044.0)])
def test_a_measure_listed_beside_another_takes_the_items_that_add_up_there(people, status, computed):
    """7502户、21982人，其中，边缘易致贫户2906户、8249人，…；风险已消除6435户、19578人，…: the 户 add up over the first three
    items (a second classification follows), so the 人 are of the same three, all of it (g07)."""
    text = (f"截至年底，全市纳入易返贫致贫户7502户、21982人，其中，边缘易致贫户2906户、{people}人，脱贫不稳定户1076户、2941人，"
            "突发严重困难户3520户、10792人；风险已消除6435户、19578人，风险未消除1067户、2404人。")
    rows = [(r.status, r.computed) for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "21982人"]
    assert rows == [(status, computed)]


def test_a_table_breakdown_far_over_its_row_is_no_breakdown():
    """… but rows far over their row (more than NOT_PARTS times it) are another measure's, a misread table: no reading."""
    text = "指标 | 本月 | 增长% |\n三、旅行社组团人数(人) | 459022 | -43.1 |\n其中:省内游 | 956061 | -15.1 |\n省外游 | 102961 | -73.4 |\n"
    assert [r.check for r in sm.audit(text=text).itertuples()] == []


def test_members_measuring_another_thing_are_no_members_of_a_mean():
    """粮食种植面积 (area) against 夏粮产量 / 秋粮产量 (output): a whole naming its measure has no members naming another
    (the qiandongnan 2023 bulletin read them as its members and raised an unverifiable row)."""
    text = "全年粮食种植面积比上年下降0.7%，其中夏粮产量下降1.7%，秋粮产量下降2.4%。"
    assert not [r for r in sm.audit(text=text).itertuples() if r.check == "bound"]
    text = "全年粮食种植面积比上年下降0.7%，其中夏粮种植面积下降1.7%，秋粮种植面积增长0.4%。"
    assert [r.status for r in sm.audit(text=text).itertuples() if r.check == "bound"] == ["consistent"]


def test_figures_listed_after_a_colon_of_targets_are_targets():
    """目标分解任务主要是：A…，B…: the listed figures are targets (a completion finds its target by name); a plan's prose
    after its heading's colon is not such a list (its figures keep their own roles)."""
    text = ("我镇目标分解任务主要是:境内外招商引资总额17000万美元,外贸出口8400万美元。\n"
            "一是合计完成境内外招商引资总额18114万美元,完成目标任务的106.55%。")
    row = _row(text, "106.55%")
    assert (row.status, [e[2] for e in row.evidence[1:]]) == ("consistent", ["18114万美元", "17000万美元"])
    plan = "2016年脱贫计划:继续深入调查研究,确保全乡贫困户实现全面脱贫204户。其中,甲村31户;乙村62户;丙村111户。"
    assert [r.status for r in sm.audit(text=plan).itertuples() if r.evidence[0][2] == "204户"] == ["consistent"]


def test_a_count_among_a_larger_count_is_its_share_and_no_part_of_the_list():
    """其中500个省级重点项目中新开工项目318个，占比63.6%: the share is of the 500 its clause puts it among, and the 500 is
    no part of the 其中 list of 新开工项目2063个 (318 alone is)."""
    text = "今年已开复工3114个项目中,新开工项目达2063个,占比66.2%,其中500个省级重点项目中新开工项目318个,占比63.6%。"
    row = _row(text, "63.6%")
    assert (row.status, [e[2] for e in row.evidence[1:]]) == ("consistent", ["318个", "500个"])
    parts = [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "2063个"]
    assert [[e[2] for e in r.evidence[1:]] for r in parts] == [["318个"]]


def test_a_balance_opening_its_paragraph_is_of_the_totals_before_its_list():
    """本年收支结余7.57亿元 opening its paragraph, after the totals (收入52.9亿元、支出45.33亿元) and a 其中 list of the funds:
    the totals' difference, read when it is one (not the last fund's 13.48 − 11.89)."""
    text = ("2025年全市社会保险基金收入52.9亿元、支出45.33亿元。\n其中：城乡居民基本养老保险基金收入7.65亿元、支出4.71亿元；"
            "职工基本医疗保险基金收入15.47亿元、支出13.08亿元。\n本年收支结余7.57亿元，年末滚存结余60亿元。")
    row = _row(text, "7.57亿元")
    assert (row.status, [e[2] for e in row.evidence[1:]]) == ("consistent", ["52.9亿元", "45.33亿元"])
    assert not [r for r in sm.audit(text=text.replace("7.57亿元", "8.57亿元")).itertuples()
                if r.evidence[0][2] == "8.57亿元"]


def test_a_table_whole_outside_its_members_is_no_mean():
    """Read only when it holds: a province's 2.9 over both its members' (2.6, 0.8) gives no row (the layout alone does
    not say the whole is their mean)."""
    text = CPI_TABLE.replace("| 1.9 | 2.6", "| 2.9 | 2.6")
    assert not [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "2.9"]


def test_a_level_named_the_same_earlier_is_no_base_when_it_does_not_hold():
    """Read only when it holds: the same name may be another year's or another scope's (no row, not a doubt)."""
    text = ("（一）2025年预算执行情况\n全市地方一般公共预算收入完成62.57亿元。\n（二）2026年预算安排\n"
            "全市地方一般公共预算收入56.87亿元，下降19.1%。")
    assert not [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "19.1%"]


def test_a_decline_is_negative_in_a_growth_gap():
    """-3.4 - 12.9 = -16.3: a decline stated as 下降3.4% is a negative growth in the gap to the wider area's."""
    text = ("全州规模以上工业增加值同比增长12.9%。\n阿合奇县规模以上工业增加值同比下降3.4%，增速低于全州16.3个百分点，"
            "占规模以上工业增加值的3.2%。")
    row = _row(text, "16.3个百分点")
    assert (row.status, row.computed) == ("consistent", -16.3)


def test_words_that_count_nothing_are_no_count():
    """Verbs and slogans in quotes (“一减两稳五增” of crops, no growth rate and no explanation after it) and two names
    before a count of three give no row."""
    for text in ("主要农作物播种面积“一减两稳五增”，种植结构进一步优化。",
                 "归纳形成正面、负面“三张清单”。"):
        assert sm.audit(text=text).empty, text


@pytest.mark.parametrize("share, status", [("81.68%", "consistent"), ("71.68%", "inconsistent"), ("31.68%", "unverifiable")])
def test_a_share_far_off_is_of_another_whole(share, status):
    """A share off by a slip is inconsistent; one off by more than half of itself was more likely read against
    another whole than written wrong (SHARE_ASTRAY): no verdict."""
    text = f"全区一般公共预算支出98240万元。其中，民生支出80242万元，占一般公共预算支出的{share}。"
    assert _row(text, share).status == status


#: Open lists naming distinct classes of one classification (taxes; crops; transport modes …) against their whole.
CLASS_LISTS = [
    # distinct classes of one classification (taxes; crops; transport modes) cannot overlap: over the whole is a slip
    ("税收收入251322万元，其中：增值税148375万元，企业所得税54182万元，个人所得税4821万元，资源税91178万元。",
     "251322万元", "inconsistent", 298556.0),
    ("主要运输方式完成货运量6931.8万吨，其中铁路1771.6万吨，公路4954.8万吨，水路205.2万吨，航空0.15万吨。",
     "6931.8万吨", "consistent", 6931.75),
    # 土地增值税 names its own class, not 增值税's; a part naming what is left fits any classification
    ("税收收入100万元，其中：增值税60万元，土地增值税30万元，其他税收20万元。", "100万元", "inconsistent", 110.0),
    # a remote cue opening the sentence right after its whole's, its parts distinct classes: the whole is certain
    ("全年全市规模以上工业企业利润总额185.82亿元，比上年下降10.6%。分门类看，采矿业实现利润74.84亿元，下降20.0%；"
     "制造业实现利润66.91亿元，下降12.4%；电力、热力、燃气及水的生产和供应业实现利润59.04亿元，增长4.4%。",
     "185.82亿元", "inconsistent", 200.79),
    ("规模以上工业发电量461.13亿千瓦时，比上年增长1.2%。分品种看，火力发电量98.08亿千瓦时，下降5.0%；水力发电量306.20亿千瓦时，"
     "增长6.7%；风力发电量34.44亿千瓦时，下降27.2%；太阳能发电量22.41亿千瓦时，增长22.7%。", "461.13亿千瓦时", "consistent", 461.13),
    # parts naming distinct classes are parts even when one is larger than the whole (a slip), while near it
    ("共有创新创业载体153个，其中国家级157个、省级34个。", "153个", "inconsistent", 191.0),
    ("共有创新创业载体153个，其中国家级12个、省级340个。", "153个", "consistent", 12.0),
    # a list far over its whole whose first parts name distinct classes (财产险/人身险; 寿险 breaks 人身险 down):
    # those are its parts whether or not they add up
    ("全年全市保险公司原保险保费收入365.79亿元，比上年增长4.8%。其中，财产险业务原保险保费收入135.51亿元，增长0.8%；"
     "人身险业务原保险保费收入257.38亿元，增长6.6%；寿险业务原保险保费收入181.15亿元，增长7.5%；健康险业务原保险保费收入67.22亿元。",
     "365.79亿元", "inconsistent", 392.89),
    # 内资企业 and 私营企业 name one class (企业): they may overlap
    ("年末登记经营主体397193户。其中，内资企业79338户，私营企业69804户，个体工商户308621户。",
     "397193户", "consistent", 457763.0),
    # who runs a school, what kind of unit holds an asset (session 21's classifications, d-set phrases)
    ("全县共有幼儿园177所，其中公办72所，民办119所。", "177所", "inconsistent", 191.0),
    ("全国行政事业性国有资产总额33.5万亿元，其中行政单位资产12.6万亿元，事业单位资产23.4万亿元。", "33.5万亿元", "inconsistent", 36.0),
    # a remote cue's classes coming near the whole of the sentence before, its name shared by none: an open list (g08)
    ("全年保费收入284.22亿元，比上年增长9.7%。分险种看，财产险51.17亿元，增长4.3%；寿险190.23亿元，增长10.4%；健康险39.39亿元，"
     "增长14.3%。", "284.22亿元", "consistent", 280.79),
    ("全年保费收入284.22亿元，比上年增长9.7%。分险种看，财产险81.17亿元，增长4.3%；寿险190.23亿元，增长10.4%；健康险39.39亿元，"
     "增长14.3%。", "284.22亿元", "inconsistent", 310.79),
    # divisions of one level in the gazetteer (and the city's own share) cannot overlap (d05); two of one name can
    ("市级一般债券106655万元，其中：市直103160万元，开发区·铁山区4712万元，黄石港区9143万元，西塞山区8303万元，下陆区1969万元。",
     "106655万元", "inconsistent", 127287.0),
    ("市级一般债券106655万元，其中：市直82528万元，开发区·铁山区4712万元，黄石港区9143万元，西塞山区8303万元，下陆区1969万元。",
     "106655万元", "consistent", 106655.0),
    ("争取资金10亿元，其中：大冶市8亿元，大冶市工业园5亿元。", "10亿元", "consistent", 13.0),
    # a name an aside interrupts is read whole (企（事）业单位 a sector, 农业（种植业） a branch: h16, d08)
    ("金融机构本外币各项贷款余额21728.92亿元，增长5.0%。其中，企（事）业单位贷款余额21214.65亿元，增长7.6%；住户贷款余额4708.54亿元。",
     "21728.92亿元", "inconsistent", 25923.19),
    ("全年农林牧渔业总产值438.26亿元。其中，农业（种植业）产值262.1亿元，畜牧业产值120.2亿元，林业产值30.5亿元，渔业产值25.46亿元。",
     "438.26亿元", "consistent", 438.26),
    ("全年农林牧渔业总产值438.26亿元。其中，农业（种植业）产值292.1亿元，畜牧业产值120.2亿元，林业产值30.5亿元，渔业产值25.46亿元。",
     "438.26亿元", "inconsistent", 468.26),
    # a part named as a total (移动电话用户总数) naming another class than the part before it is one more part (e04)
    ("年末电话用户总数1452.05万户。其中，年末固定电话用户数126.20万户；移动电话用户总数1351.1万户，其中，5G移动电话用户数859.9万户。",
     "1452.05万户", "inconsistent", 1477.3),
    # a remote cue's known partition right after its whole, one part written over the whole: still its parts (e02)
    ("全年社会消费品零售总额3817.69亿元，比上年增长1.3%。按经营地分，城镇消费品零售额4477.75亿元，增长1.3%；"
     "乡村消费品零售额235.49亿元，增长1.5%。", "3817.69亿元", "inconsistent", 4713.24),
]

#: Lists whose first part a 其中 names in its whole's statement.
FIRST_PARTS = [
    # the first part a 其中 names in its whole's statement, of the whole's measure or a kind only, is a part however
    # large, though the list drifts on to other measures (l05, z07)
    ("1-10月,全县签约项目76个,其中亿元以上项目90个,总协议资金147.97亿元,新开工项目36个,项目开工率47.4%。",
     "76个", "inconsistent", 90.0),
    ("1-10月,全县签约项目76个,其中亿元以上项目18个,总协议资金147.97亿元,新开工项目36个,项目开工率47.4%。",
     "76个", "consistent", 54.0),
    ("全县现有龙头企业22家,其中省级28家; 农民合作社769个,新增6个。", "22家", "inconsistent", 28.0),
    ("全县现有龙头企业22家,其中省级2家; 农民合作社769个,新增6个。", "22家", "consistent", 2.0),
    # a planned total before the cue makes a plan of its own family only: the projects counted are no plan (h10)
    ("在谈项目共58个,计划总投资897.355亿元,其中9个项目已签订框架协议,总投资额121.5亿。", "58个", "consistent", 9.0),
    ("在谈项目共58个,计划总投资897.355亿元,其中9个项目已签订框架协议,总投资额121.5亿。", "897.355亿元", "consistent", 121.5),
    # a cue holding its own count breaks that count down, not the count before it (i14)
    ("39宗新开工项目(已开工8宗),完成投资32.6亿元。31宗未开工项目中,省重点项目有6宗,市重点项目有7宗,县重点项目有18宗。",
     "31宗", "consistent", 31.0),
]


@pytest.mark.parametrize("text, stated, status, computed", CLASS_LISTS + FIRST_PARTS)
def test_a_list_against_its_whole(text, stated, status, computed):
    row = _row(text, stated)
    assert (row.status, row.computed) == (status, computed), row.message


def test_items_stated_for_two_periods_are_two_lists():
    """A remote cue's items each stated for the month and the year to date (当月 … 累计 …, one item per full sentence):
    one list per period, each of its own whole (x04)."""
    text = ("我市地方一般公共预算收入当月完成13.1亿元,下降34.4%;累计完成158.9亿元,增长30.8%。\n\n  从收入结构看,地方税收收入"
            "当月完成11.1亿元,下降5.5%;累计完成137.4亿元,增长42.6%,占比86.5%。非税收入当月完成2.1亿元,下降74.9%;累计完成"
            "21.4亿元,下降14.6%,占比13.5%。")
    month, year = _row(text, "13.1亿元"), _row(text, "158.9亿元")
    assert [e[2] for e in month.evidence[1:]] == ["11.1亿元", "2.1亿元"] and month.status == "consistent"
    assert [e[2] for e in year.evidence[1:]] == ["137.4亿元", "21.4亿元"] and year.status == "consistent"
    assert round(_row(text, "13.5%").computed, 2) == 13.47


def test_a_share_naming_its_whole_wholly_is_not_of_the_parts_breakdown():
    """占户籍总人口 names a figure of the paragraph wholly: not the 少数民族人口 the part is a 其中 of, which shares only
    人口 with it (w01)."""
    text = ("2019年,全旗户籍总人口146041人。其中,城镇人口90730人,乡村人口55311人。男性72794人,女性73247人。"
            "年末少数民族人口49933人,其中,蒙古族39913人,占户籍总人口27.3%。")
    row = _row(text, "27.3%")
    assert (row.status, round(row.computed, 2)) == ("consistent", 27.33), row.message


def test_a_bare_share_after_one_of_a_larger_whole_is_no_firm_share_of_its_part_s_whole():
    """占比 naming no whole, after a bare share of its paragraph read against the section's total: of the 其中 whole it
    is only a reading (人员经费 45.7 is 64.5 % of the 70.9, not of the 48), so the whole its value points to is read (s02);
    never firm, so a share that no whole makes true is no verdict."""
    text = ("（2）支出预算。2026年共安排支出预算70.9亿元。\n①基本支出。安排48亿元，占比67.7%。其中，人员经费支出安排45.7亿元，"
            "占比64.5%。公用经费支出安排2.3亿元，占比3.2%。\n②专项支出。安排22.9亿元，占比32.3%。")
    assert _row(text, "67.7%").status == "consistent"
    for share, part in (("64.5%", "45.7亿元"), ("3.2%", "2.3亿元")):
        row = _row(text, share)
        assert (row.status, [e[2] for e in row.evidence[1:]]) == ("consistent", [part, "70.9亿元"]), row.message
    assert _row(text.replace("占比3.2%", "占比3.5%"), "3.5%").status == "unverifiable"


@pytest.mark.parametrize("entry, error", [
    *((f"[[classification]]\nclasses = {c}", r"classification\[\d+\]\.classes")
      for c in ["[]", '["增值税"]', '["增值税", "增值税"]', '["增值税", ""]']),
    *((f"[[named_bound]]\n{b}", r"named_bound\[\d+\]") for b in ['smaller = ["增加值"]', 'smaller = ["增加值"]\nlarger = [""]']),
])
def test_a_malformed_rule_entry_is_named(tmp_path, entry, error):
    """A classification needs two distinct classes; a named bound its smaller and larger names."""
    from summary_mining.figure_relations.rules import relation_rules
    src = Path(sm.__file__).parent / "data" / "relations.toml"
    bad = tmp_path / "relations.toml"
    bad.write_text(src.read_text(encoding="utf-8") + f"\n{entry}\n", encoding="utf-8")
    with pytest.raises(sm.RuleError, match=error) as e:
        relation_rules(str(bad))
    assert str(bad) in str(e.value)


def test_a_budget_adjusted_by_what_is_added_and_taken_away():
    """年初预算 + (the items added, totalled after 等) - (the items taken away, totalled after 等) = 调整为: each 等
    total checked against its listed items, and the adjusted budget against the three."""
    text = ("2025年年初全市支出预算代编数21.99亿元，加上预算执行中新增专款（0.28亿元）、上年结余（1.47亿元）等1.75亿元，"
            "减去全市短收（8.73亿元）、调出资金（7.71亿元）等16.44亿元，全年支出预算调整为7.3亿元。")
    rows = {r.evidence[0][2]: r for r in sm.audit(text=text).itertuples()}
    assert (rows["1.75亿元"].status, rows["1.75亿元"].computed) == ("consistent", 1.75)
    assert (rows["16.44亿元"].status, rows["16.44亿元"].computed) == ("consistent", 16.44)
    adjusted = rows["7.3亿元"]
    assert (adjusted.status, adjusted.computed) == ("consistent", 7.3)
    assert "21.99亿元+1.75亿元-16.44亿元=7.3亿元 一致" in adjusted.message
    assert "所列各项合计1.75亿元" in rows["1.75亿元"].message
    wrong = sm.audit(text=text.replace("调整为7.3亿元", "调整为9.3亿元"))
    assert wrong.set_index(wrong["evidence"].map(lambda e: e[0][2])).loc["9.3亿元", "status"] == "inconsistent"


@pytest.mark.parametrize("text, stated, status, computed", [
    # a known partition (税收/非税收入 of 一般公共预算收入) opening later full sentences of the whole's paragraph
    ("2025年全市一般公共预算收入完成278.26亿元，下降16.25%。税收收入完成201.46亿元，下降14.31%。其中：增值税下降18.18%。"
     "非税收入完成76.81亿元，下降20.94%。", "278.26亿元", "consistent", 278.27),
    ("2025年全市一般公共预算收入完成278.26亿元，下降16.25%。税收收入完成221.46亿元，下降14.31%。其中：增值税下降18.18%。"
     "非税收入完成76.81亿元，下降20.94%。", "278.26亿元", "inconsistent", 298.27),
    # parts in later statements of the whole's full sentence; one a 其中 list drifted on to is still a part
    ("全旗地区生产总值938.18亿元，比去年增长2%。第一产业实现增加值10.99亿元，增长2.2%；第二产业实现增加值504.84亿元，增长0.3%，"
     "其中：工业增加值完成449.42亿元，建筑业增加值完成55.42亿元；第三产业实现增加值422.35亿元，增长4.1%。",
     "938.18亿元", "consistent", 938.18),
    # a sentence naming the whole's measure again (another scope's) ends the search: no parts of the first whole
    ("全市一般公共预算收入完成278.26亿元。市本级一般公共预算收入完成54.65亿元。税收收入完成37.97亿元。非税收入完成16.68亿元。",
     "54.65亿元", "consistent", 54.65),
])
def test_a_partition_by_full_sentences(text, stated, status, computed):
    row = _row(text, stated)
    assert (row.status, row.computed) == (status, computed), row.message
    assert "其后分句所列" in row.message


def test_a_list_added_to_a_value_leaves_out_the_items_own_breakdown():
    """收入完成A，增长…；加B、C(其中…)、D，总收入T: T = A + B + C + D, read from the wording (the bracket breaks C
    down and is no item), firm, so one item changed is flagged; no second reading from the arithmetic."""
    text = ("2025年,市级一般公共预算收入完成3764.3亿元,增长6.9%,完成调整预算的102.8%;加中央返还及补助1530.7亿元、区上解501.3亿元、"
            "地方政府债券收入654.4亿元(新增债券182.0亿元、再融资债券472.4亿元)、调入资金30.4亿元、动用预算稳定调节基金25.5亿元、"
            "地方上年专项政策性结转使用146.7亿元,总收入6653.3亿元。")
    rows = [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "6653.3亿元"]
    assert len(rows) == 1
    assert [e[2] for e in rows[0].evidence[1:]] == ["3764.3亿元", "1530.7亿元", "501.3亿元", "654.4亿元", "30.4亿元",
                                                    "25.5亿元", "146.7亿元"]
    assert (rows[0].status, rows[0].computed) == ("consistent", 6653.3)
    changed = sm.audit(text=text.replace("区上解501.3亿元", "区上解601.3亿元"))
    assert [r.status for r in changed.itertuples() if r.evidence[0][2] == "6653.3亿元"] == ["inconsistent"]


def test_a_part_of_a_parallel_breakdown_is_no_whole_of_the_next():
    """分结构看，A…，B…。分性质看，C…，D…: both lists break down the balance before them; the second does not take A, a
    part listed in the first's statement, for its whole (even when a line break keeps the balance in another paragraph)."""
    text = ("截至年末，全市地方政府债务余额266.63亿元，控制在限额范围内，风险总体\n— 9 —\n可控。分结构看，地方政府债券263.53亿元，"
            "外债3.1亿元。分\n性质看，一般债务193.29亿元，专项债务73.34亿元。")
    rows = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert all(r.evidence[0][2] == "266.63亿元" and r.status != "inconsistent" for r in rows), [r.message for r in rows]
    assert not [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "263.53亿元"]


def test_a_part_a_list_names_is_no_whole_of_the_partition_after_it():
    """其中：地方…收入13916万元；上划收入6432万元。分部门情况是：国税…；地税…；财政…: the partition by collecting body
    breaks down the whole above (20348), not the part 13916 though it names the partition's whole."""
    text = ("上半年，全区完成公共财政预算收入20348万元，同比增长8.2%。其中：地方公共财政预算收入13916万元，同比增长6.3%；"
            "上划收入6432万元。分部门情况是：国税部门完成3954万元；地税部门完成10529万元；财政部门完成5865万元。")
    rows = sm.audit(text=text)
    assert not [r for r in rows.itertuples() if r.evidence[0][2] == "13916万元" and r.check == "breakdown"]
    assert {r.status for r in rows.itertuples() if r.evidence[0][2] == "20348万元"} == {"consistent"}


def test_one_wording_under_two_scopes_is_no_restatement():
    # k10 (a budget report): the city's and the city level's balance, each after its own scope — not one figure
    # written twice with two values
    text = ("全市社会保险基金收入49.75亿元，同比增长9.86%。支出45.41亿元，同比增长7.99%。当年收支结余4.34亿元，年末滚存结余"
            "59.54亿元。市本级社会保险基金收入30.84亿元，同比增长8.89%。支出25.82亿元，同比增长5.51%。当年收支结余5.02亿元，年末"
            "滚存结余40.23亿元。")
    audit = sm.audit(text=text)
    assert "repeat" not in set(audit["check"])
    assert "inconsistent" not in set(audit["status"])


_ITEMS = {  # the same three items in each numbered style (after the count's statement: a new paragraph or its colon)
    "（一）": "\n（一）立足长治久安。维护稳定。\n（二）立足扩大内需。扩大投资。\n（三）立足强链补链。发展产业。",
    "1．": "\n1．加力落实积极的财政政策。落实减税降费。\n2．聚焦重点服务大局。投入资金。\n3．持续保障和改善民生。发放补贴。",
    "一是 at paragraph starts": "\n一是始终坚持维护稳定。全面夯实基础。\n二是始终坚持高质量发展。深化改革。\n三是始终坚持生态优先。绿色发展。",
    "一是 after the colon": "一是坚持系统思维。处理好关系。二是强化统筹协同。统筹资源。三是突出重点保障。集中财力。",
}


@pytest.mark.parametrize("stated, status", [("三个方面", "consistent"), ("两个方面", "inconsistent"), ("四个方面", "unverifiable")])
@pytest.mark.parametrize("style", list(_ITEMS))
def test_a_count_announcing_numbered_items(style, stated, status):
    """重点抓好八个方面工作。⏎（一）…（八）: the items numbered in one style after the count, read by their numbers;
    more items than announced are inconsistent, fewer unverifiable (another may be written another way)."""
    items = _ITEMS[style]
    text = f"全市坚持稳中求进，重点抓好{stated}工作{'。' if items.startswith(chr(10)) else '：'}{items}\n二、其他工作"
    row = _row(text, stated)
    assert (row.check, row.status) == ("enumeration", status), row.message
    firsts = [line.strip()[:4] for line in items.replace("。二是", "。\n二是").replace("。三是", "。\n三是").split("\n")
              if line.strip()]
    assert [e[2][:4] for e in row.evidence[1:]] == firsts


def test_items_numbered_past_ten_are_counted_by_their_numbers():
    names = "一二三四五六七八九十"
    numbers = list(names) + ["十一", "十二", "十三"]
    text = "《纲要草案》具体部署了13项任务举措：" + "；".join(f"{n}是任务{k}" for k, n in enumerate(numbers, 1)) + "。\n展望未来"
    row = _row(text, "13项")
    assert row.status == "consistent", row.message
    assert [e[2] for e in row.evidence[1:]][-1].startswith("十三是")


def test_a_list_cut_by_a_line_break_after_its_semicolon_goes_on():
    """按经营地统计，城镇…；⏎乡村…: a paragraph ending in ； (a PDF line break) does not end the list its cue opened."""
    text = ("全年社会消费品零售总额 5320.9 亿元，比上年增长 3.2%。\n按经营地统计，城镇消费品零售额 5005.9 亿元，增长 3.3%；\n"
            "乡村消费品零售额 315.0 亿元，增长 1.8%。")
    row = _row(text, "5320.9 亿元")
    assert (row.status, [e[2] for e in row.evidence[1:]]) == ("consistent", ["5005.9 亿元", "315.0 亿元"]), row.message
    # (the cue opens the full sentence right after its whole's — the line break between them is no sentence — and its
    # parts are a known partition: a firm whole, so a slip is an error)
    broken = text.replace("315.0", "415.0")
    assert _row(broken, "5320.9 亿元").status == "inconsistent"


@pytest.mark.parametrize("text, stated, listed", [
    ("重点行业中，化学原料和化学制品制造业、通用设备制造业、农副食品加工业、非金属矿物制品业等四个行业增加值分别增长10.0%、"
     "16.5%、15.0%和6.2%。", "四个", 4),
    ("2026年市级社保基金共4项，包括机关事业单位基本养老保险、职工基本医疗保险、城乡居民基本医疗保险以及按上级要求2026年新增的"
     "长期护理保险。", "4项", 4),
    ("加快邵永、铜吉等6条高铁，京港澳和沪昆扩容、张官等17条高速公路。", "17条", 3),
])
def test_counts_of_listed_names(text, stated, listed):
    """A count against the names listed with it: a 和 inside a name (化学原料和化学制品制造业) is no joint when the names
    are then as many as the count; 共4项，包括 A、B、C 以及 D lists them after it."""
    row = _row(text, stated)
    assert row.check == "enumeration" and row.status == "consistent", row.message
    assert len(row.evidence) - 1 == listed


def test_partition_means_never_fails_a_document():
    """A run whose names hold a partition's words unevenly (one name two, another none) is no set of members: the finder
    reads the rest of the document (a crash here once dropped every mean of it)."""
    text = ("全区地区生产总值达262亿元,增长7.2%,增速排名全市首位,分别比全国、自治区和全市高4.2、4.3和3.2个百分点,"
            "一产增加值增长4.9%,排全市第二;二产增加值增长2.9%,排全市第三;三产增加值增长11%,排全市第一。"
            "城镇和农村居民人均可支配收入分别增长3.3%、6.5%。")
    df = sm.audit(text=text)
    assert df.attrs["errors"] == []
    row = df[df["check"] == "bound"].iloc[0]
    assert row.status == "consistent" and [e[2] for e in row.evidence] == ["7.2%", "2.9%", "11%"]


def test_an_unnamed_share_is_not_of_a_sibling_with_its_own_share():
    """占4% after a list of parts each with its share is of the paragraph's whole, not of the larger sibling before
    it."""
    text = ("4、项目履约情况。1-10月,全县共签约项目23个,其中合同项目21个,协议项目2个。目前,已投产项目7个,占30%;"
            "在建项目13个,占57%;正在筹备,拟于近期开工项目1个,占4%;已签约尚未开工项目2个,占9%。")
    df = sm.audit(text=text)
    shares = df[df["check"] == "share"]
    assert {e[2] for ev in shares["evidence"] for e in ev[1:]} >= {"23个"}
    four = shares[shares["stated"] == 4.0].iloc[0]
    assert four.status == "consistent" and [e[2] for e in four.evidence] == ["4%", "1个", "23个"]


@pytest.mark.parametrize("text, restated", [
    # a level written again in a later full sentence of its paragraph, named alike: a restatement
    ("年末全州公路总里程31700公里，其中：高速公路1236公里，普通国道1449公里。按照公路技术等级划分，高速公路1236公里、"
     "一级公路236公里。", True),
    # a rate equal to another thing's in the paragraph is no restatement of it
    ("全年固定资产投资比上年增长1.2%。其中：第二产业投资增长10.7%；第三产业投资增长0.2%。工业投资增长10.7%，"
     "基础设施投资增长11.0%。", False),
])
def test_a_value_restated_in_its_paragraph(text, restated):
    df = sm.audit(text=text)
    assert ("repeat" in set(df["check"])) is restated


def test_a_remote_partition_is_of_the_revenue_not_the_spending_beside_it():
    """税收/非税收入 after 从收入结构看 break down the revenue two full sentences back, not the spending total stated
    right after it in the same full sentence (a known partition's named wholes: v05)."""
    text = ("去年全年全盟一般公共预算收入累计完成310682万元，增长8.1%；一般公共预算支出累计完成1107315万元，下降1.2%。\n"
            "在全盟一般公共预算收入中，盟本级一般公共预算收入累计完成33648万元；旗级一般公共预算收入累计完成277034万元。"
            "从收入结构看，全盟一般公共预算收入中，税收收入累计完成266564万元，占一般公共预算收入的68.6%；非税收入累计完成97431万元。")
    rows = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown" and r.evidence[1][2] == "266564万元"]
    assert len(rows) == 1 and rows[0].evidence[0][2] == "310682万元", [r.message for r in rows]
    assert rows[0].status == "inconsistent" and rows[0].computed == 363995.0


#: d10 (a city's half-year report): one whole, then paragraphs each opened by a remote cue breaking it down another way.
_BY_FOUR_WAYS = (
    "上半年全市实现地区生产总值（GDP）1228亿元，同比增长1.5%。\n"
    "从产业增速看，三次产业均实现正增长：第一产业实现增加值47.5亿元，同比增长4.4%；第二产业实现增加值730.5亿元，同比增长0.1%；"
    "第三产业实现增加值450亿元，同比增长4.5%。三次产业比为3.9：59.5：36.6。\n"
    "从中直和地方看，地方经济正向拉动明显：中直经济实现增加值384.8亿元，同比下降1.2%；地方经济实现增加值843.2亿元，同比增长3.4%。\n"
    "从油与非油看，非油经济发力明显：油经济实现增加值275.7亿元，同比下降0.9%；非油经济实现增加值952.3亿元，同比增长2.8%。\n"
    "从公有与非公有看，非公经济表现突出：公有制经济实现增加值833亿元，同比增长0.5%；非公有制经济实现增加值395亿元，同比增长3.5%。")


@pytest.mark.parametrize("first, changed", [("384.8亿元", "484.8亿元"), ("275.7亿元", "375.7亿元"), ("833亿元", "1033亿元")])
def test_paragraphs_each_opened_by_a_remote_cue_break_down_the_whole_before_the_first(first, changed):
    """Each of a run of paragraphs opened by a remote cue (从中直和地方看 / 从油与非油看 / 从公有与非公有看) breaks down
    the whole before the first of them, firmly: a part changed is an error (油经济 / 非油经济: a class and its complement
    cannot overlap, so an open reading over its whole is no excuse either)."""
    def row(text):
        return next(r for r in sm.audit(text=text).itertuples() if r.check == "breakdown" and r.evidence[1][2] in (first, changed))
    ok = row(_BY_FOUR_WAYS)
    assert ok.status == "consistent" and ok.evidence[0][2] == "1228亿元", ok.message
    bad = row(_BY_FOUR_WAYS.replace(first, changed))
    assert bad.status == "inconsistent" and bad.evidence[0][2] == "1228亿元", bad.message


def test_a_class_and_its_complement_cannot_overlap():
    """油经济 and 非油经济 under one 其中 are a class and the rest: over their whole they are a slip, not an overlap."""
    text = "全市实现地区生产总值1228亿元，其中，油经济增加值375.7亿元，非油经济增加值952.3亿元。"
    (row,) = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert row.status == "inconsistent" and row.computed == pytest.approx(1328.0), row.message


@pytest.mark.parametrize("text, whole", [
    # one full sentence of a complete set's contributions, right after the whole's growth in the paragraph before (d10)
    ("上半年全市实现地区生产总值1228亿元，同比增长1.5%。\n从产业增速看，三次产业均实现正增长：第一产业实现增加值47.5亿元，同比增长4.4%，"
     "拉动GDP增长0.5个百分点；第二产业实现增加值730.5亿元，同比增长0.1%，拉动GDP增长0.1个百分点；第三产业实现增加值450亿元，"
     "同比增长4.5%，拉动GDP增长1.3个百分点。", "1.5%"),
    # statements opening with a known partition's names, each with its contribution (下拉 taken away: e10)
    ("2025年全州固定资产投资同比增长3.0%。\n第一产业完成投资同比下降18.5%，下拉固定资产投资0.9个百分点；第二产业完成投资同比下降"
     "22.6%，下拉固定资产投资增长11.0个百分点；第三产业完成投资同比增长25.4%，拉动固定资产投资增长16.9个百分点。", "3.0%"),
])
def test_contributions_of_a_complete_set_are_firm(text, whole):
    """Contributions (拉动/下拉 N个百分点) of the three sectors add up to the whole's growth: a slip among them is an error."""
    rows = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown" and r.evidence[0][2] == whole]
    assert len(rows) == 1 and rows[0].status == "inconsistent", [r.message for r in rows]


def test_a_second_partition_in_the_full_sentence_after_a_list():
    """其中，商品零售额…；餐饮收入…。城镇消费品零售额…；乡村消费品零售额…: the whole broken down a second way, all of it (j05)."""
    text = ("全年社会消费品零售总额1147.76亿元，比上年增长4.8%。其中，商品零售额1034.47亿元，增长4.7%；餐饮收入113.29亿元，"
            "增长5.7%。城镇消费品零售额946.03亿元，增长4.8%；乡村消费品零售额231.73亿元，增长5.0%。")
    (row,) = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown" and r.evidence[1][2] == "946.03亿元"]
    assert row.status == "inconsistent" and row.evidence[0][2] == "1147.76亿元" and row.computed == pytest.approx(1177.76)


#: A hard-wrapped text (a PDF's: lines of one width) whose list of names after a count's colon is broken by a wrap.
_WRAPPED_LIST = ("全市一般公共预算收入完成27.63亿元，比上年增长5.2%，完成年度预算的102%。其中，税收收入完成\n"
                 "17.23亿元，非税收入完成10.4亿元。全市一般公共预算支出完成80.97亿元，比上年增长3.1%。\n"
                 "市级一般公共预算收入完成12.5亿元，比上年增长4.1%，完成年度预算的101.3%，其中税收收入8.6亿元\n"
                 "。全年新增省级重点项目4个：汽车零部件产业园、智能装备制造基地、冷链物流中心、城\n"
                 "市更新片区。全市政府性基金预算收入完成15.6亿元，比上年下降12.4%，完成调整预算的92.5%。\n"
                 "全市政府性基金预算支出完成21.8亿元，比上年下降8.7%，完成调整预算的90.2%，其中土地出让支出12亿元。\n")


def test_a_list_of_names_after_a_count_reads_on_past_a_soft_wrap():
    """城⏎市更新片区 is one name: the list after the colon is read in the text without its soft wraps, each name mapped
    back to the span it is written in (the wrap inside it)."""
    (row,) = [r for r in sm.audit(text=_WRAPPED_LIST).itertuples() if r.check == "enumeration"]
    assert row.status == "consistent"
    assert [e[2] for e in row.evidence] == ["4个", "汽车零部件产业园", "智能装备制造基地", "冷链物流中心", "城\n市更新片区"]
    assert all(_WRAPPED_LIST[s:e] == surface for s, e, surface in row.evidence)


#: Students by degree (e14): the list of the 在校生 drifts into the next ；-item's 毕业生; {} is the 博士生.
_STUDENTS = ("普通高等学校招生17151人，其中：博士生230人，硕士研究生1134人，本科生8068人，大专生7903人；在校生54641人，其中：博士生{}人，"
             "硕士研究生3299人，本科生30057人，大专生21086人；毕业生14270人，其中：博士生27人，硕士研究生995人，本科生7532人，"
             "大专生5716人。")


@pytest.mark.parametrize("doctors, status, computed", [("199", "consistent", 54641), ("9950", "inconsistent", 78662)])
def test_parts_naming_distinct_classes_over_their_whole_are_no_overlap(doctors, status, computed):
    """An open list over its whole is excused as overlapping, but not when two or more of its parts name distinct classes
    of one classification (博士 / 硕士 / 本科 / 大专) and are over it by themselves, whatever the list goes on with."""
    (row,) = [r for r in sm.audit(text=_STUDENTS.format(doctors)).itertuples() if r.evidence[0][2] == "54641人"]
    assert (row.status, row.computed) == (status, computed), row.message


@pytest.mark.parametrize("whole, status", [("生猪存栏208768头", "consistent"), ("牲畜存栏208768头", "inconsistent")])
def test_classes_beside_the_one_their_whole_names_are_no_parts_of_it(whole, status):
    """生猪…，其中能繁母猪…；菜牛…；肉羊…: the 牛 and 羊 are no parts of the 猪 (q02), so their sum over it is no finding; over
    a whole naming no class of theirs, it is."""
    text = f"期末存栏情况:{whole},同比增长11.82%,其中能繁母猪存栏30044头,同比增长24.78%;菜牛存栏135162头,同比增长1.53%;肉羊存栏95788头。"
    (row,) = [r for r in sm.audit(text=text).itertuples() if r.evidence[0][2] == "208768头"]
    assert row.status == status, row.message


#: A department's final accounts (set CA's kind): its level columns named by a period's word and more (本年决算数 |
#: 上年决算数), its changes written with their signs (+58.21); {} is the first row's growth.
_ACCOUNTS = ("2023年度收入支出决算总表\n单位：万元\n项目  本年决算数  上年决算数  增减额  增减率(%)\n收入合计  434.72  376.51  +58.21  +{}\n"
             "财政拨款收入  420.10  360.00  +60.10  +16.69\n其他收入  14.62  16.51  -1.89  -11.45\n")


@pytest.mark.parametrize("header", ["本年决算数  上年决算数  增减额  增减率(%)", "本年数  上年数  增减额  增减率(%)",
                                    "2023年决算数  2022年决算数  增减额  增减率(%)",
                                    # a change column named as the rate beside it is, less its percent mark: in the levels' unit
                                    "本年  上年  增减  增长%", "本年  上年  增减  增减(%)"])
@pytest.mark.parametrize("growth, status", [("15.46", "consistent"), ("17.46", "inconsistent")])
def test_a_tables_period_columns_named_with_more_words_state_each_rows_growth(header, growth, status):
    text = _ACCOUNTS.format(growth).replace("本年决算数  上年决算数  增减额  增减率(%)", header)
    rows = {(r.check, r.evidence[0][2]): r for r in sm.audit(text=text).itertuples()}
    g, d = rows[("growth", "+" + growth)], rows[("difference", "+58.21")]
    assert (g.status, [e[2] for e in g.evidence[1:]], round(g.computed, 2)) == (status, ["434.72", "376.51"], 15.46)
    assert (d.status, [e[2] for e in d.evidence[1:]], d.computed) == ("consistent", ["434.72", "376.51"], 58.21)
    for s, e, surface in [*g.evidence, *d.evidence]:
        assert text[s:e] == surface


@pytest.mark.parametrize("text, expected", [
    ("全年出口35.2亿元，进口12.8亿元，进出口总额48.0亿元。", [("consistent", 48.0)]),
    ("全年出口35.2亿元，进口12.8亿元，进出口总额58.0亿元。", [("inconsistent", 48.0)]),
    # another scope's whole (全省), or another measure between: no reading
    ("全市出口35.2亿元，进口12.8亿元，全省进出口总额480亿元。", []),
    ("全年出口35.2亿元，实际利用外资3.1亿元，进口12.8亿元，进出口总额48.0亿元。", []),
])
def test_a_whole_stated_after_its_partitions_members_is_their_total(text, expected):
    """出口…，进口…，进出口总额…: a known partition's whole after one complete set of its members in its full sentence."""
    rows = [(r.status, r.computed) for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert rows == expected


@pytest.mark.parametrize("text, expected", [
    # a base in brackets right after its rate is its base, not a part of the count before it
    ("履约项目18个，履约率90%（签约项目20个）。", [("rate", "consistent", 90.0)]),
    ("履约项目18个，履约率80%（签约项目20个）。", [("rate", "inconsistent", 90.0)]),
    # right after the level, one is its part (统筹各类资金47.22亿元（专项债券27.02亿元）), over it a slip; so with a part word
    ("统筹各类资金47.22亿元（专项债券57.02亿元）。", [("breakdown", "inconsistent", 57.02)]),
    ("新增债券64亿元（其中一般债券70亿元）。", [("breakdown", "inconsistent", 70.0)]),
])
def test_one_figure_in_brackets_over_the_figure_before_is_an_aside(text, expected):
    rows = [(r.check, r.status, round(r.computed, 2)) for r in sm.audit(text=text).itertuples()]
    assert rows == expected


@pytest.mark.parametrize("total, status", [("2.35", "consistent"), ("2.55", "unverifiable")])
def test_a_total_opening_its_full_sentence_adds_up_every_item_of_the_one_before(total, status):
    """一是…8500万元；二是…1.2亿元；三是…3000万元。合计…2.35亿元: all the items of the full sentence before, not its last only
    (in another full sentence the list is not certain to be the total's: a mismatch is unverifiable)."""
    text = f"一是争取中央资金8500万元；二是争取省级资金1.2亿元；三是市级配套3000万元。合计争取资金{total}亿元。"
    (row,) = sm.audit(text=text).itertuples()
    assert (row.check, row.status, row.computed, [e[2] for e in row.evidence]) == (
        "sum", status, 2.35, [f"{total}亿元", "8500万元", "1.2亿元", "3000万元"])


def test_a_cue_ending_its_line_lists_the_marked_lines_after_it():
    """其中：⏎1.…；⏎2.…；⏎3.…: the marked lines after a cue ending its line are all its list (a 其中 inside a marked item does
    not run on into the next one)."""
    text = "全年共争取资金2.35亿元，其中：\n1.中央资金8500万元；\n2.省级资金1.2亿元；\n3.市级配套3000万元。"
    (row,) = [r for r in sm.audit(text=text).itertuples() if r.check == "breakdown"]
    assert (row.status, row.computed, [e[2] for e in row.evidence]) == (
        "consistent", 2.35, ["2.35亿元", "8500万元", "1.2亿元", "3000万元"])
