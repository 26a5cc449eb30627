"""Build ``tests/data/relations/relations.jsonl`` — the hand-annotated relation gold — from the compact
annotations below, and check every one of them.

Each annotation names a relation the text asserts, by the surfaces of its figures as written: the stated
figure (with ``k`` = which occurrence, counting from 0) and its operands (each the occurrence nearest the
stated figure, unless given as ``(surface, k)``). This script finds the offsets, reads the numbers (by a
small parser of its own, independent of the library), does the arithmetic, and decides the status by a
reader's rule: the stated figure agrees when the computed value, rounded (or double-rounded, or truncated)
to the stated precision, equals it, allowing for the rounding of the operands as written. Statuses it
computes are checked against the annotator's expectation (``expect``), so a slip in either is caught.

usage: python tools/relations_gold.py            (writes the JSONL and prints a summary)
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "relations"
SHARED = ROOT.parent / "shared"

T2S = {"萬": "万", "億": "亿", "個": "个", "項": "项", "頭": "头", "噸": "吨", "畝": "亩"}
SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
NUM = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")

# -- the annotations ------------------------------------------------------------------------------
# (doc, relation, stated, operands, options). Options: rounded (the document says its whole numbers are
# rounded as well), k (occurrence of the stated surface), ex
# (exhaustive, total_of), diff (growth from a stated difference: operands [now, difference]), sign (-1:
# a decline), items (count_of: the listed names), expect (consistent | inconsistent), note.
A: list[tuple] = [
    ("r01", "total_of", "56.82亿元", ["5.32亿元", "11.49亿元", "40.01亿元"], {"ex": True}),
    ("r02", "total_of", "125.95億元", ["18.33億元", "53.78億元", "53.84億元"], {"ex": True}),
    ("r03", "total_of", "235.28亿元", ["29.08亿元", "113.74亿元", "92.47亿元"], {"ex": True, "note": "parts add to 235.29: rounding of three parts"}),
    ("r03", "total_of", "59.16亿元", ["25.36亿元", "5.44亿元", "19.55亿元", "5.25亿元", "3.56亿元"], {"ex": True}),
    ("r03", "total_of", "119661公顷", ["86608公顷", "13457公顷", "15120公顷"], {"ex": False}),
    ("r04", "total_of", "244394万元", ["62857万元", "65585万元", "115952万元"], {"ex": True}),
    ("r04", "total_of", "65585万元", ["40653万元", "24932万元"], {"ex": True}),
    ("r04", "total_of", "46695吨", ["7327吨", "39368吨"], {"ex": True}),
    ("r04", "total_of", "39603吨", ["26765吨", "2351吨", "10015吨"], {"ex": False}),
    ("r05", "total_of", "133.86亿元", ["12.51亿元", "54.9亿元", "66.45亿元"], {"ex": True}),
    ("r05", "total_of", "210084人", ["108374人", "101710人"], {"ex": True}),
    ("r05", "total_of", "18.19亿元", ["14.91亿元", "1.36亿元", "1.61亿元"], {"ex": False}),
    ("r06", "total_of", "34096万元", ["21334万元", "12762万元"], {"ex": True}),
    ("r06", "share_of", "62.57%", ["21334万元", "34096万元"], {}),
    ("r07", "ratio_of", "43.2%", ["4348萬元", "10065萬元"], {}),
    ("r07", "ratio_of", "41.5%", ["3511萬元", "8465萬元"], {}),
    ("r07", "ratio_of", "52.3%", ["837萬元", "1600萬元"], {}),
    ("r07", "ratio_of", "41.9%", ["2628萬元", "6265萬元"], {}),
    ("r07", "ratio_of", "45.3%", ["1720萬元", "3800萬元"], {}),
    ("r07", "ratio_of", "43.1%", ["1035萬元", "2400萬元"], {}),
    ("r07", "ratio_of", "48.9%", ["685萬元", "1400萬元"], {}),
    ("r07", "ratio_of", "52.0%", ["1431萬元", "2750萬元"], {}),
    ("r07", "ratio_of", "27.5%", ["289萬元", "1050萬元"], {}),
    ("r07", "ratio_of", "77.1%", ["57271萬元", "74261萬元"], {}),
    ("r07", "ratio_of", "44.5%", ["969萬元", "2180萬元"], {"note": "969/2180 = 44.4495%: 44.45% rounded once more"}),
    ("r07", "ratio_of", "74.5%", ["4093萬元", "5497萬元"], {}),
    ("r07", "total_of", "969萬元", ["866萬元", "35萬元", "68萬元"], {"ex": False}),
    ("r07", "total_of", "4348萬元", ["3511萬元", "837萬元"], {"ex": True}),
    ("r07", "total_of", "4348萬元", ["2628萬元", "1720萬元"], {"ex": True, "note": "按級次分"}),
    ("r07", "total_of", "1720萬元", ["1035萬元", "685萬元"], {"ex": True, "note": "地方收入按構成分"}),
    ("r07", "total_of", "1720萬元", ["1431萬元", "289萬元"], {"ex": True, "note": "地方收入按部門分"}),
    ("r08", "ratio_of", "40.4%", ["24627万元", "60999万元"], {}),
    ("r08", "growth_of", "4.2%", ["24627万元", "1070万元"], {"diff": True, "sign": -1}),
    ("r08", "total_of", "24627万元", ["8103万元", "16524万元"], {"ex": True}),
    ("r08", "growth_of", "18.8%", ["8103万元", "1284万元"], {"diff": True}),
    ("r08", "growth_of", "12.5%", ["16524万元", "2354万元"], {"diff": True, "sign": -1}),
    ("r08", "ratio_of", "41.9%", ["107752万元", "257288万元"], {}),
    ("r08", "growth_of", "7.9%", ["107752万元", "9240万元"], {"diff": True, "sign": -1}),
    ("r08", "ratio_of", "8.9%", ["2236万元", "25200万元"], {}),
    ("r08", "growth_of", "19.6%", ["2236万元", "367万元"], {"diff": True}),
    ("r08", "ratio_of", "21.5%", ["5308万元", "24710万元"], {}),
    ("r08", "growth_of", "83.9%", ["5308万元", "27580万元"], {"diff": True, "sign": -1}),
    ("r09", "total_of", "20348萬(wàn)元", ["13916萬(wàn)元", "6432萬(wàn)元"], {"ex": True}),
    ("r09", "total_of", "20348萬(wàn)元", ["3954萬(wàn)元", "10529萬(wàn)元", "5865萬(wàn)元"], {"ex": True}),
    ("r10", "growth_of", "32.62%", ["170,024萬元", "41,823萬元"], {"diff": True}),
    ("r10", "growth_of", "21.87%", ["1,392,476萬元", "249,885萬元"], {"diff": True}),
    ("r10", "total_of", "1,392,476萬元", ["541,412萬元", "851,064萬元"], {"ex": True}),
    ("r10", "growth_of", "15.40%", ["541,412萬元", "72,266萬元"], {"diff": True}),
    ("r10", "growth_of", "26.37%", ["851,064萬元", "177,619萬元"], {"diff": True}),
    ("r10", "difference_of", "6個百分點", ["21.87%", "15.97%"], {}),
    ("r10", "growth_of", "15.21%", ["1,655,028萬元", "218,447萬元"], {"diff": True}),
    ("r11", "growth_of", "10.61%", ["67949万元", "6517万元"], {"diff": True}),
    ("r11", "total_of", "67949万元", ["51653万元", "12133万元", "4163万元"], {"ex": True}),
    ("r11", "growth_of", "14.28%", ["51653万元", "6455万元"], {"diff": True}),
    ("r11", "growth_of", "2.27%", ["12133万元", "282万元"], {"diff": True, "sign": -1}),
    ("r11", "growth_of", "9.01%", ["4163万元", "344万元"], {"diff": True}),
    ("r11", "growth_of", "6.91%", ["36552万元", "2362万元"], {"diff": True}),
    ("r11", "share_of", "53.79%", ["36552万元", "67949万元"], {}),
    ("r11", "growth_of", "15.25%", ["31397万元", "4155万元"], {"diff": True}),
    ("r11", "share_of", "46.21%", ["31397万元", "67949万元"], {}),
    ("r11", "total_of", "67949万元", ["36552万元", "31397万元"], {"ex": True, "note": "分收入结构看: 税收 + 非税"}),
    ("r11", "growth_of", "1.52%", ["13040万元", "201万元"], {"diff": True, "sign": -1}),
    ("r11", "growth_of", "12.16%", ["24307万元", "2635万元"], {"diff": True}),
    ("r11", "growth_of", "15.4%", ["30602万元", "4083万元"], {"diff": True}),
    ("r11", "total_of", "67949万元", ["13040万元", "24307万元", "30602万元"], {"ex": True, "note": "分征收部门"}),
    ("r11", "growth_of", "4.22%", ["124241万元", "5025万元"], {"diff": True}),
    ("r11", "growth_of", "51.7 %", ["13658万元", "14621万元"], {"diff": True, "sign": -1}),
    ("r12", "total_of", "56033萬元", ["22891萬元", "28659萬元", "4483萬元"], {"ex": True}),
    ("r12", "share_of", "81.68%", ["80242萬元", "98240萬元"], {}),
    ("r15", "total_of", "235.79亿元", ["21.99亿元", "115.77亿元", "98.03亿元"], {"ex": True}),
    ("r16", "total_of", "27.54億元", ["2.55億元", "7.33億元", "17.67億元"], {"ex": True, "note": "parts add to 27.55: rounding"}),
    ("r17", "total_of", "126.6億元", ["108.4億元", "18.2億元"], {"ex": True}),
    ("r18", "total_of", "31.8億元", ["2.8億元", "13.3億元", "15.7億元"], {"ex": True}),
    ("r20", "total_of", "59.6亿元", ["5.94亿元", "34.1亿元", "19.6亿元"], {"ex": True, "note": "parts add to 59.64: rounding"}),
    ("r21", "total_of", "386个", ["189个", "197个"], {"ex": True}),
    ("r21", "total_of", "2095.66亿元", ["1626.8亿元", "468.86亿元"], {"ex": True}),
    ("r21", "total_of", "495.58亿元", ["353.2亿元", "142.38亿元"], {"ex": True}),
    ("r21", "total_of", "270.03亿元", ["188.7亿元", "81.33亿元"], {"ex": True}),
    ("r21", "ratio_of", "73.32%", [["223个", "60个"], "386个"], {"note": "开工率 = (在建 + 竣工) / 项目数"}),
    ("r21", "ratio_of", "54.49%", ["270.03亿元", "495.58亿元"], {}),
    ("r21", "ratio_of", "65.61%", [["95个", "29个"], "189个"], {}),
    ("r21", "ratio_of", "53.43%", ["188.7亿元", "353.2亿元"], {}),
    ("r21", "ratio_of", "80.71%", [["128个", "31个"], "197个"], {}),
    ("r21", "ratio_of", "57.12%", ["81.33亿元", "142.38亿元"], {}),
    ("r21", "total_of", "223个", ["95个", "128个"], {"ex": True, "note": "在建项目: 中心城区 + 4个县(市)"}),
    ("r21", "total_of", "60个", ["29个", "31个"], {"ex": True, "note": "竣工项目: 中心城区 + 4个县(市)"}),
    ("r22", "ratio_of", "117%", ["79.5亿元", "68亿元"], {}),
    ("r22", "ratio_of", "155.2%", ["59.3亿元", "38.2亿元"], {}),
    ("r22", "ratio_of", "107.7%", ["1.4亿元", "1.3亿元"], {}),
    ("r22", "ratio_of", "87.1%", ["8.1亿元", "9.3亿元"], {}),
    ("r22", "ratio_of", "128.6%", ["52.6亿元", "40.9亿元"], {}),
    ("r23", "ratio_of", "97.2%", ["629.0億元", "647.4億元"], {}),
    ("r23", "ratio_of", "80.8%", ["206項", "255項"], {}),
    ("r24", "total_of", "617.50亿元", ["37.11亿元", "339.85亿元", "240.54亿元"], {"ex": True}),
    ("r24", "same_as", ("617.50", 1), [("617.50亿元", 0)], {"note": "表1 restates the text"}),
    ("r24", "total_of", "69.93亿元", ["7.09亿元", "0.11亿元", "1.14亿元", "60.75亿元", "0.84亿元"], {"ex": True}),
    ("r28", "count_of", "四方面", [], {"items": ["组织体系", "网络", "农民合作社", "为农服务"]}),
    ("r29", "total_of", "6252.3億元", ["3671.3億元", "2581億元"], {"ex": True}),
    ("r29", "total_of", "637.7億元", ["387.8億元", "249.9億元"], {"ex": True}),
    ("r29", "total_of", "966.5億美元", ["567.6億美元", "398.9億美元"], {"ex": True}),
    ("r29", "total_of", "99.4億美元", ["60.4億美元", "39億美元"], {"ex": True}),
    ("r30", "total_of", "1.15万亿元", ["7070.6亿元", "4431.3亿元"], {"ex": True}),
    ("r30", "share_of", "60.3%", ["6934亿元", "1.15万亿元"], {}),
    ("r30", "share_of", "48.3%", [["2601.5亿元", "1560亿元", "1391.2亿元"], "1.15万亿元"], {"note": "上述三者合计占"}),
    ("r30", "share_of", "43.2%", ["3052亿元", "7070.6亿元"], {}),
    ("r30", "share_of", "28.8%", ["2035.2亿元", "7070.6亿元"], {}),
    ("r30", "total_of", "3052亿元", ["113.7亿元", "111.2亿元", "97.8亿元", "87.2亿元", "78.3亿元"], {"ex": False}),
    ("r30", "total_of", "713.3亿元", ["74.5亿元", "59.6亿元", "49亿元"], {"ex": False}),
    ("r31", "total_of", "1.62萬億元", ["9871.8億元", "6358.7億元"], {"ex": True}),
    ("r31", "share_of", "54.7%", ["8885.5億元", "1.62萬億元"], {}),
    ("r31", "share_of", "22.3%", ["3613.5億元", "1.62萬億元"], {}),
    ("r31", "share_of", "22.9%", ["3718.3億元", "1.62萬億元"], {}),
    ("r31", "total_of", "1.62萬億元", ["8885.5億元", "3613.5億元", "3718.3億元"], {"ex": True, "note": "民營 + 國有 + 外商投資"}),
    ("r31", "share_of", "46.7%", [["3402.9億元", "2160.5億元", "2014.9億元"], "1.62萬億元"], {"note": "上述3者合計占"}),
    ("r31", "share_of", "37.3%", ["3682.4億元", "9871.8億元"], {}),
    ("r32", "total_of", "81.3亿美元", ["43.5亿美元", "37.8亿美元"], {"ex": True}),
    ("r32", "total_of", "18.1亿美元", ["10.6亿美元", "7.5亿美元"], {"ex": True}),
    ("r34", "total_of", "1.32万亿元", ["8061.1亿元", "5125.8亿元"], {"ex": True}),
    ("r34", "share_of", "76.8%", ["1.01万亿元", "1.32万亿元"], {}),
    ("r34", "share_of", "12.1%", ["1596.5亿元", "1.32万亿元"], {}),
    ("r34", "share_of", "7.3%", ["962.8亿元", "1.32万亿元"], {}),
    ("r34", "share_of", "54.4%", ["7174.1亿元", "1.32万亿元"], {}),
    ("r34", "share_of", "23.3%", ["3066.3亿元", "1.32万亿元"], {}),
    ("r34", "share_of", "22.3%", ["2935.1亿元", "1.32万亿元"], {}),
    ("r34", "share_of", "46.9%", [["2725.7亿元", "1822.4亿元", "1631亿元"], "1.32万亿元"], {"note": "上述3者合计占"}),
    ("r34", "share_of", "36.9%", ["2973.1亿元", "8061.1亿元"], {}),
    ("r34", "share_of", "31.8%", ["2561.3亿元", "8061.1亿元"], {}),
    ("r34", "share_of", "7%", ["566.3亿元", "8061.1亿元"], {}),
    ("r34", "total_of", "1.32万亿元", ["7174.1亿元", "3066.3亿元", "2935.1亿元"], {"ex": True, "note": "民营 + 外商投资 + 国有"}),
    ("r35", "total_of", "9314.4億元", ["5670.1億元", "3644.3億元"], {"ex": True}),
    ("r35", "total_of", "1125.9億元", ["677.3億元", "448.6億元"], {"ex": True}),
    ("r35", "share_of", "32.3%", ["3006.5億元", "9314.4億元"], {}),
    ("r36", "growth_of", "3.2%", ["58957万吨", "1836万吨"], {"diff": True}),
    ("r36", "growth_of", "0.6%", ["111267千公顷", "694千公顷"], {"diff": True}),
    ("r37", "growth_of", ("2.7%", 1), ["2802萬噸", "72.3萬噸"], {"diff": True, "note": "72.3/2729.7 = 2.649%: rounded once more, 2.7"}),
    ("r37", "growth_of", "0.4%", ["4734千公頃", "16.6千公頃"], {"diff": True, "sign": -1, "note": "16.6/4750.6 = 0.3494%: rounded once more, 0.4"}),
    ("r38", "growth_of", "2.0%", ["13657億斤", "267億斤"], {"diff": True}),
    ("r38", "growth_of", "1.9%", ["10178億斤", "191億斤"], {"diff": True}),
    ("r38", "growth_of", "0.7%", ["17.64億畝", "1295萬畝"], {"diff": True}),
    ("r38", "growth_of", "2.3%", ["15.03億畝", "3320萬畝"], {"diff": True}),
    ("r38", "growth_of", "5.0%", ["6.50億畝", "3090萬畝"], {"diff": True}),
    ("r38", "growth_of", "0.8%", ["3.54億畝", "283萬畝"], {"diff": True}),
    ("r38", "growth_of", "12.7%", ["1.52億畝", "2209萬畝"], {"diff": True, "sign": -1}),
    ("r39", "growth_of", "95.66%", ["313.64億元", "153.34億元"], {"diff": True}),
    ("r39", "ratio_of", "30.90%", ["313.64億元", "1015億元"], {}),
    ("r39", "ratio_of", "47%", ["129項", "270項"], {"note": "129/270 = 47.78%: truncated to 47"}),
    ("r40", "ratio_of", "91.28%", ["199个", "218个"], {}),
    ("r40", "ratio_of", "54.13%", ["118个", "218个"], {}),
    ("r41", "total_of", "66个", ["56个", "10个"], {"ex": True}),
    ("r41", "total_of", "1334个", ["875个", "459个"], {"ex": True}),
]

# Second round (r43..r57; r45 was held out by shared/dev/heldout and deleted unread): page excerpts collected
# for the kinds the set was short of, annotated by reading the text before the library was run on them.
#   r43 中江县 (Sichuan, county) 投资促进工作总结, 20xx (第十五届西博会: 2014): 签约/履约/开工 counts and rates
#   r44 夏邑县 (Henan, county) 上半年招商引资工作总结, XX年: breakdowns by industry and by size, shares
#   r46 屯溪区 (Anhui, district) 1-6月 budget execution: completion of the annual budget, growth from 增收
#   r47 a city (traditional script) 截至4月底 budget execution, 2022: growth from 增收/增支, a share
#   r48 巴南区 (Chongqing, district) June 2021 budget execution: tax + non-tax, 民生支出 share
#   r49 昭通市 (Yunnan, city) H1 2018 budget execution: growth from 增收, tax share
#   r50 交城县 (Shanxi, county) 2019 statistical bulletin: GDP by industry with 占比, open 其中 lists
#   r51 a county of 宜春 (Jiangxi) 2022 statistical bulletin: GDP, 财政总收入 by level and by kind, shares
#   r52 衡阳县 (Hunan, county) 2022 statistical bulletin: GDP, contributions (拉动), growth from 增加/减少
#   r53 潘集区 (Anhui, district) 2022 bulletin excerpt: GDP, share points, table restatement and breakdown
#   r54 贵南县 (Qinghai, county) 2019 project inspection: 开复工 counts by 续建/新建, 开复工率
#   r55 镇远县 (Guizhou, county) 2014 招商引资 report: 开工率/投产率 of the newly signed projects
#   r56 a county of a city with 7 县(市) (province not named), H1 2020 key projects: completion of annual plans
#   r57 a county (traditional script, province not named), 1-5月 project investment: completion, 新增 breakdown
A += [
    ("r43", "ratio_of", "90﹪", [("9个", 0), "10个"], {"note": "履约率 = 履约项目 / 签约项目"}),
    ("r43", "ratio_of", "60﹪", ["6个", "10个"], {"note": "开工率 = 开工项目 / 签约项目"}),
    ("r43", "ratio_of", "41.17﹪", ["9.88亿元", "24亿元"], {"note": "资金到位率 = 到位资金 / 投资总额"}),
    ("r43", "ratio_of", ("81.82﹪", 0), [("9个", 1), "11个"], {"note": "履约率"}),
    ("r43", "ratio_of", ("81.82﹪", 1), [("9个", 2), "11个"], {"note": "开工率"}),
    ("r43", "ratio_of", "23.31﹪", ["7.88亿元", "33.8亿元"], {"note": "资金到位率"}),
    ("r44", "total_of", "434个", ["27个", "274个", "104个", "29个"], {"ex": True, "note": "一产 + 二产 + 三产 + 专项资金项目"}),
    ("r44", "total_of", ("434个", 0), ["328个", "47个", "37个", "22个"], {"ex": True, "note": "按投资规模划分"}),
    ("r44", "total_of", "10.4亿元", ["4054万元", "59276万元", "23297万元", "10433万元", "6645万元"],
     {"ex": True, "note": "10.3705亿: rounding"}),
    ("r44", "share_of", "3.9%", ["4054万元", "10.4亿元"], {}),
    ("r44", "share_of", "57%", ["59276万元", "10.4亿元"], {}),
    ("r44", "share_of", "22.4%", ["23297万元", "10.4亿元"], {}),
    ("r44", "share_of", "10.3%", ["10433万元", "10.4亿元"],
     {"expect": "inconsistent", "note": "10433/104000 = 10.03%, not 10.3% (the five shares as written add up to 100.0)"}),
    ("r44", "share_of", "6.4%", ["6645万元", "10.4亿元"], {}),
    ("r46", "ratio_of", ("56.3%", 0), ["61646万元", "109466万元"], {}),
    ("r46", "growth_of", "10.7%", ["61646万元", "5939万元"], {"diff": True}),
    ("r46", "total_of", "61646万元", ["28684万元", "32962万元"], {"ex": True, "note": "税务部门 + 财政部门"}),
    ("r47", "growth_of", "15.35%", ["191347萬元", "25457萬元"], {"diff": True}),
    ("r47", "growth_of", "2.61%", ["100223萬元", "2546萬元"], {"diff": True}),
    ("r47", "growth_of", "18.39%", ["66342萬元", "10304萬元"], {"diff": True}),
    ("r47", "share_of", "66.19%", ["66342萬元", "100223萬元"], {}),
    ("r47", "growth_of", "9.66%", ["372037萬元", "32770萬元"], {"diff": True, "note": "增支"}),
    ("r48", "total_of", "316580万元", ["238998万元", "77582万元"], {"ex": True, "note": "税收 + 非税"}),
    ("r48", "share_of", "64.7%", ["257215万元", "397641万元"], {}),
    ("r49", "growth_of", "20.4%", ["38.3亿元", "6.5亿元"], {"diff": True}),
    ("r49", "share_of", "73.5%", ["28.1亿元", "38.3亿元"], {"note": "28.1/38.3 = 73.37%: within the rounding of the operands"}),
    ("r50", "total_of", "914326万元", ["37952万元", "624710万元", "251664万元"], {"ex": True}),
    ("r50", "share_of", "4.1%", ["37952万元", "914326万元"], {"note": "37952/914326 = 4.151%: truncated"}),
    ("r50", "share_of", "68.3%", ["624710万元", "914326万元"], {}),
    ("r50", "share_of", "27.6%", ["251664万元", "914326万元"],
     {"expect": "inconsistent", "note": "251664/914326 = 27.52%, not 27.6% (the three shares as written add up to 100.0)"}),
    ("r50", "total_of", "251664万元", ["39358万元", "26818万元", "23862万元"], {"ex": False, "note": "第三产业中"}),
    ("r50", "total_of", "189729万元", ["34895万元", "52423万元", "19391万元", "17459万元", "4341万元", "7874万元", "8376万元"],
     {"ex": False}),
    ("r50", "total_of", "8521.9公顷", ["7322.2公顷", "65公顷"], {"ex": False}),
    ("r51", "total_of", "2842073万元", ["293981万元", "1350063万元", "1198029万元"], {"ex": True}),
    ("r51", "share_of", "59.6%", ["1695125万元", "2842073万元"], {"note": "非公有制经济"}),
    ("r51", "total_of", "452964万元", ["211174.4万元", "173816.5万元", "67973.1万元"], {"ex": True, "note": "一般公共预算 + 上划中央 + 省级"}),
    ("r51", "share_of", "15.9%", ["452964万元", "2842073万元"], {"note": "财政总收入占GDP"}),
    ("r51", "share_of", "82.4%", ["373219.7万元", "452964万元"], {"note": "占总收入"}),
    ("r51", "share_of", "17.6%", ["79744.3万元", "452964万元"], {}),
    ("r51", "total_of", ("452964万元", 0), ["373219.7万元", "79744.3万元"], {"ex": True, "note": "税收 + 非税"}),
    ("r51", "total_of", "421888万元", ["36939万元", "295万", "18635万元", "80225万元", "25305万元"], {"ex": False}),
    ("r52", "total_of", "420.77亿元", ["77.84亿元", "154.35亿元", "188.58亿元"], {"ex": True}),
    ("r52", "total_of", "5.2%", ["0.7个百分点", ("2.1", 0), "2.4个百分点"], {"ex": True, "note": "拉动: the contributions add up to the growth"}),
    ("r52", "growth_of", "0.1%", ["85.76千公顷", "0.09千公顷"], {"diff": True}),
    ("r52", "growth_of", ("0.3%", 1), ["78.06千公顷", "0.24千公顷"], {"diff": True, "sign": -1}),
    ("r52", "growth_of", ("0.4%", 2), ["44.86千公顷", "0.19千公顷"], {"diff": True}),
    ("r52", "growth_of", "4.8%", ["3.69千公顷", ("0.17千公顷", 0)], {"diff": True}),
    ("r52", "growth_of", "2.7%", ["6.47千公顷", ("0.17千公顷", 1)], {"diff": True}),
    ("r52", "growth_of", "1.2%", ["59.28万吨", "0.7万吨"], {"diff": True, "sign": -1}),
    ("r52", "growth_of", "2.5%", ["11.47万吨", "0.28万吨"], {"diff": True}),
    ("r53", "total_of", "295.4亿元", ["24.4亿元", "210.1亿元", "60.9亿元"], {"ex": True}),
    ("r53", "difference_of", "3.2个百分点", ["23.8", "20.6"], {"note": "服务业比重 23.8 -> 20.6 (三次产业结构)"}),
    ("r53", "same_as", ("295.4", 1), [("295.4亿元", 0)], {"note": "the table restates the text"}),
    ("r53", "total_of", ("60.9", 1), ["11.1", "13.4", ("4.1", 0), "8.8", ("4.5", 0), "6.9", "10.7"],
     {"ex": False, "note": "table rows under 第三产业; 农林牧渔专业及辅助性活动 etc. are not listed"}),
    ("r54", "total_of", "36项", ["29项", "7项"], {"ex": True, "note": "续建 + 新建"}),
    ("r54", "total_of", "10项", ["8项", "2项"], {"ex": True, "note": "续建 + 新建"}),
    ("r54", "ratio_of", "72.2%", ["26项", "36项"], {"note": "开复工率"}),
    ("r54", "total_of", ("36项", 0), ["26项", "10项"], {"ex": True, "note": "已开复工 + 未开复工"}),
    ("r55", "ratio_of", "86.67%", ["26个", "30个"], {"note": "新建项目开工率 on the 30 newly signed"}),
    ("r55", "ratio_of", "26.67%", ["8个", "30个"], {"note": "新建项目投产率"}),
    ("r56", "ratio_of", "63.88%", ["35.9亿元", "56.21亿元"], {"note": "35.9/56.21 = 63.87%: within the rounding of 35.9"}),
    ("r56", "ratio_of", "87.78%", ["7.9亿元", ("9亿元", 2)], {}),
    ("r56", "ratio_of", "84.02%", ["8.15亿元", "9.7亿元"], {}),
    ("r57", "ratio_of", "47.2%", ["44.24億元", "93.68億元"], {}),
    ("r57", "ratio_of", "48.4%", ["26.38億元", "54.5億元"], {}),
    ("r57", "total_of", "25個", ["8個", ("2個", 0), "10個", ("3個", 1), ("2個", 1)], {"ex": True}),
]

# Full-length bulletins in shared/formats (read through the library's reader: offsets are into
# Document.text). Annotated after the rules of this round were written: none was tuned on them.
Z = "formats/zhoukou_2023_stats_bulletin.pdf"
A += [
    (Z, "total_of", "866.60万人", ["392.66万人", "473.94万人"], {"ex": True}),
    (Z, "ratio_of", "45.31%", ["392.66万人", "866.60万人"], {"note": "常住人口城镇化率"}),
    (Z, "total_of", "300.05万人", ["121.36万人", "178.31万人"], {"ex": False, "note": "299.67: 省内+省外 leave 0.38万 (abroad?) out"}),
    (Z, "total_of", "19.91万户", ["3.57万户", "16.16万户", "1871户"], {"ex": False, "note": "19.9171: rounding"}),
    (Z, "total_of", "1185.63亿元", ["773.04亿元", "5.40亿元", "296.70亿元", "6.57亿元", "103.92亿元"], {"ex": True}),
    (Z, "total_of", "902.61万吨", ["508.58万吨", "394.03万吨"], {"ex": True}),
    (Z, "total_of", "2066.70万亩", ["1101.60万亩", "965.10万亩"], {"ex": True}),
    (Z, "ratio_of", "56.3%", ["18个", "32个"], {"note": "增长面: 18 of 32 industries"}),
    (Z, "ratio_of", "54.1%", ["72种", "133种"], {"note": "增长面: 72 of 133 products"}),
    (Z, "total_of", "1954.60亿元", ["1615.23亿元", "339.37亿元"], {"ex": True, "note": "按销售单位所在地分"}),
    (Z, "total_of", ("1954.60亿元", 0), ["273.45亿元", "1247.37亿元", "23.61亿元", "410.17亿元"], {"ex": True, "note": "按行业分"}),
    (Z, "total_of", "109.26亿元", ["64.6亿元", "44.66亿元"], {"ex": True}),
    (Z, "total_of", "7.51万册", ["0.72万册", "6.79万册"], {"ex": True}),
    (Z, "total_of", "39家", ["6家", "23家", "10家"], {"ex": False}),
    (Z, "total_of", "138.96万人", ["105.55万人", "33.41万人"], {"ex": True}),
    (Z, "total_of", "105.55万人", ["81.33万人", "24.22万人"], {"ex": True}),
    (Z, "total_of", "33.41万人", ["21.28万人", "12.13万人"], {"ex": True}),
    (Z, "total_of", "1026.69万人", ["60.68万人", "966.01万人"], {"ex": True}),
    (Z, "total_of", "21个", ["18个", "2个", "1个"], {"ex": False}),
    (Z, "total_of", "5次", ["3次", "2次"], {"ex": True}),
    (Z, "total_of", "14家", ["1家", "4家"], {"ex": False}),
]
Q = "formats/qiandongnan_2023_stats_bulletin.pdf"
A += [
    (Q, "total_of", "1329.65亿元", ["277.25亿元", "294.25亿元", "758.14亿元"], {"ex": True, "note": "1329.64: rounding"}),
    (Q, "share_of", "20.9%", ["277.25亿元", "1329.65亿元"], {}),
    (Q, "share_of", ("22.1%", 0), ["294.25亿元", "1329.65亿元"], {}),
    (Q, "share_of", "57.0%", ["758.14亿元", "1329.65亿元"], {}),
    (Q, "total_of", "402.33万人", ["213.93万人", "149.88万人"], {"ex": False}),
    (Q, "total_of", "481.96亿元", ["282.41亿元", "86.95亿元", "75.17亿元", "15.49亿元"], {"ex": False, "note": "服务业 not listed"}),
    (Q, "total_of", "133.77万吨", ["16.38万吨", "117.39万吨"], {"ex": True}),
    (Q, "total_of", "200个", ["8个", "78个", "114个"], {"ex": True}),
    (Q, "total_of", "658.36亿元", ["497.06亿元", "161.30亿元"], {"ex": True, "note": "按经营地"}),
    (Q, "total_of", ("658.36亿元", 0), ["578.57亿元", "79.79亿元"], {"ex": True, "note": "按消费类型"}),
    (Q, "total_of", "90111万元", ["90065万元", "46万元"], {"ex": True}),
    (Q, "total_of", "31700公里", [("1236公里", 0), "1449公里", "2735公里", "5096公里", "6820公里", "14365公里"],
     {"ex": True, "rounded": True, "note": "31701: rounding (the bulletin's note [1] says totals may differ)"}),
    (Q, "total_of", ("31700公里", 0), [("1236公里", 1), "236公里", "1537公里", "600公里", "24467公里", "3624公里"], {"ex": True, "note": "按技术等级"}),
    (Q, "total_of", "473.1万户", ["17.4万户", "455.7万户"], {"ex": True}),
    (Q, "total_of", "38.64亿元", ["22.00亿元", "16.64亿元"], {"ex": True}),
    (Q, "total_of", "15.12亿元", ["12.49亿元", "2.63亿元"], {"ex": True}),
    (Q, "total_of", "445.97万人", ["33.03万人", "412.95万人"], {"ex": True, "note": "445.98: rounding"}),
    (Q, "total_of", "41个", ["8个", "4个"], {"ex": False}),
    (Q, "total_of", "7883.48万人次", ["4.03万人次", "7879.45万人次"], {"ex": True}),
    (Q, "total_of", "10个", ["3个", "7个"], {"ex": True}),
    (Q, "total_of", "20.43万公顷", ["12.49万公顷", "7.94万公顷"], {"ex": True}),
    (Q, "total_of", "3所", ["1所", "2所"], {"ex": True}),
    (Q, "total_of", "34286人", ["8658人", "2769人", "14936人", "1297人", "2757人", "233人", "3636人"], {"ex": True}),
    (Q, "total_of", "2770个", ["1个", "141个", "2623个", "5个"], {"ex": True}),
    (Q, "total_of", "3.54万公顷", ["0.45万公顷", "1.60万公顷", "1.11万公顷", "0.38万公顷"], {"ex": True}),
    # (table 9, tab-separated: 私营企业 10374 of 57802 is 17.95%, written 18.0 so that the shares make 100 — the real
    # inconsistency tests/test_audit_long.py keeps, found in the text once tabs separate a table's cells)
    (Q, "share_of", ("18.0", 0), ["10374", "57802"],
     {"note": "17.95: shares forced to make 100", "strict": True, "expect": "inconsistent"}),
]
P = "formats/qiandongnan_2016_stats_bulletin.docx"
A += [
    (P, "total_of", "939.05亿元", ["184.11亿元", "261.36亿元", "493.58亿元"], {"ex": True}),
    (P, "share_of", "19.6%", ["184.11亿元", "939.05亿元"], {}),
    (P, "share_of", "27.8%", ["261.36亿元", "939.05亿元"], {}),
    (P, "share_of", "52.6%", ["493.58亿元", "939.05亿元"], {}),
    (P, "ratio_of", "12.2%", ["52户", "427户"], {"note": "企业亏损面"}),
    (P, "total_of", "29479公里", [("814公里", 0), "1472公里", "2774公里", "5102公里", "6718公里", "12599公里"], {"ex": True}),
    (P, "total_of", ("29479公里", 0), [("814公里", 1), "208公里", "925公里", "705公里", "16104公里", "10723公里"], {"ex": True, "note": "按技术等级"}),
    (P, "total_of", "18.9万户", ["12.72万户", "5.03万户", "1.15万户"], {"ex": True}),
    (P, "total_of", "290.16亿元", ["56.91亿元", "202.75亿元", "3.40亿元", "27.10亿元"], {"ex": True, "note": "分行业"}),
    (P, "total_of", ("290.16亿元", 0), ["221.10亿元", "69.06亿元"], {"ex": True, "note": "分地域"}),
    (P, "total_of", "2616万美元", ["2395万美元", "221万美元"], {"ex": True}),
    (P, "total_of", "26962万美元", ["862万美元", "26100万美元"], {"ex": True}),
    (P, "total_of", "31.44万人次", ["13.60万人次", "17.65万人次"], {"ex": False}),
    (P, "total_of", "20.12亿元", ["11.84亿元", "4.73亿元", "3.55亿元"], {"ex": True}),
    (P, "total_of", "22个", ["1个", "9个", "12个"], {"ex": True}),
    (P, "total_of", ("9个", -1), ["3个", "6个"], {"ex": True}),
    (P, "total_of", "80个", ["18个", "17个"], {"ex": False}),
    (P, "total_of", "502人", ["134人", "158人"], {"ex": False}),
    (P, "total_of", "157起", ["12起", "138起", "7起"], {"ex": True}),
    (P, "total_of", "101人", ["13人", "86人", "2人"], {"ex": True}),
    (P, "total_of", "22561人", ["5164人", "7238人", "8808人", "855人", "920人"],
     {"ex": False, "expect": "inconsistent", "note": "the listed kinds add up to 22985, over the total"}),
]


# -- reading the annotations ------------------------------------------------------------------------
KIND = {"total_of": "sum", "share_of": "ratio", "ratio_of": "ratio", "growth_of": "growth", "difference_of": "difference",
        "count_of": "enumeration", "bound": "bound", "same_as": "repeat"}


def split_of(doc_id: str) -> str:
    """A third of the documents set aside, decided by the document id alone (before any rule was written
    for them): sha1(doc_id) mod 3 == 0."""
    return "setaside" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def occurrences(text: str, surface: str) -> list[int]:
    out, k = [], text.find(surface)
    while k >= 0:
        out.append(k)
        k = text.find(surface, k + 1)
    return out


def parse(surface: str) -> tuple[float, float, int]:
    """(value in base units, half a unit of its last written place in base units, decimals) of a surface:
    an Arabic number, an optional scale (万 亿 万亿 千), an optional unit. Chinese numerals: 一…十."""
    s = "".join(T2S.get(c, c) for c in surface)
    s = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", s)
    m = NUM.search(s)
    if not m:
        cn = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
        return float(cn[s[0]]), 0.0, 0
    num = m.group(0).replace(",", "")
    dec = len(num.split(".")[1]) if "." in num else 0
    rest = s[m.end():].strip()
    mult = next((v for k, v in SCALE.items() if rest.startswith(k)), 1.0)
    return float(num) * mult, 0.5 * 10 ** -dec * mult, dec


def round_half_up(x: float, d: int) -> float:
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP))


def agrees(stated: float, computed: float, dec: int, slack: float) -> bool:
    """A reader's rule: the computed value rounded to the stated precision — or rounded first to one place
    more, or truncated — is the stated figure, allowing ``slack`` for the operands' own rounding."""
    half = 0.5 * 10 ** -dec
    if abs(stated - computed) <= half + slack + 1e-9:
        return True
    if round_half_up(round_half_up(computed, dec + 1), dec) == stated:
        return True
    return math.trunc(computed * 10 ** dec) / 10 ** dec == stated


def resolve(text: str, spec, near: int) -> tuple[int, int, str]:
    surface, k = spec if isinstance(spec, tuple) else (spec, None)
    offs = occurrences(text, surface)
    if not offs:
        raise SystemExit(f"not found: {surface!r}")
    s = offs[k] if k is not None else min(offs, key=lambda o: abs(o - near))
    return s, s + len(surface), surface


def build(doc_id: str, relation: str, stated_spec, operand_specs, opt: dict, text: str) -> dict:
    s0, e0, ss = resolve(text, stated_spec, 0)
    stated, s_half, dec = parse(ss)
    is_pct = ss.rstrip().endswith(("%", "％", "﹪")) or "百分點" in ss or "百分点" in ss
    groups = []  # each operand: a figure, or a list of figures added up
    for spec in operand_specs:
        if isinstance(spec, list):
            groups.append([resolve(text, x, s0) for x in spec])
        else:
            groups.append([resolve(text, spec, s0)])
    vals = [(sum(parse(x[2])[0] for x in g), sum(parse(x[2])[1] for x in g if parse(x[2])[2] > 0)) for g in groups]
    sign = opt.get("sign", 1)
    ex = opt.get("ex", True)
    if relation == "total_of":
        computed = sum(v for v, _ in vals)
        slack = max(0.0, sum(h for _, h in vals) - s_half)
        # opt "rounded": the document says its whole numbers are rounded too (本公报…因四舍五入…总计与分项
        #合计不等): each part may then be off by half a unit
        halves = sum(h for _, h in vals) + (0.5 * len(vals) if opt.get("rounded") else 0.0)
        ok = (abs(stated - computed) <= max(s_half, halves) + 1e-6
              or (not ex and computed <= stated + s_half))
    elif relation in ("share_of", "ratio_of"):
        (a, da), (b, db) = vals
        computed = a / b * 100
        slack = abs(computed) * (da / abs(a) + db / abs(b))
        # (opt "strict": only the stated figure's half unit and the operands' rounding — a share written to make the
        # shares of its table 100, 17.95 as 18.0, is no double rounding)
        ok = abs(stated - computed) <= 0.5 * 10 ** -dec + slack + 1e-9 if opt.get("strict") else agrees(stated, computed, dec, slack)
    elif relation == "growth_of":
        (a, da), (b, db) = vals
        if opt.get("diff"):
            d = sign * b
            computed = d / (a - d) * 100
            slack = 100 * (db / abs(a - d) + abs(d) * (da + db) / (a - d) ** 2)
        else:
            computed = (a - b) / b * 100
            slack = 100 * (da / abs(b) + abs(a) * db / b ** 2)
        stated = sign * stated
        ok = agrees(abs(stated), abs(computed), dec, slack) and (stated >= 0) == (computed >= 0)
    elif relation == "difference_of":
        (a, da), (b, db) = vals
        computed = a - b
        slack = da + db
        ok = agrees(stated, computed, dec, slack)
    elif relation == "count_of":
        computed = float(len(opt["items"]))
        ok = computed == stated
    elif relation == "same_as":  # the numbers as written (a table cell gives its unit in the header)
        computed = float(NUM.search(groups[0][0][2]).group(0).replace(",", ""))
        stated = float(NUM.search(ss).group(0).replace(",", ""))
        ok = abs(computed - stated) <= 0.5 * 10 ** -dec + 1e-9
    else:
        raise SystemExit(f"unknown relation {relation}")
    status = "consistent" if ok else "inconsistent"
    if opt.get("expect", "consistent") != status:
        raise SystemExit(f"{doc_id} {ss}: computed {computed:.6g} gives {status}, annotated {opt.get('expect', 'consistent')}")
    # the gold keeps numbers in the stated figure's written unit (2300 for 2300万元, 90 for 90%)
    unit = (parse(ss)[0] / float(NUM.search(ss).group(0).replace(",", ""))
            if NUM.search(ss) and not is_pct and relation != "same_as" else 1.0)
    items = opt.get("items", [])
    item_spans = []
    for it in items:
        s = text.find(it)
        item_spans.append([s, s + len(it)])
    lo = min([s0] + [x[0] for g in groups for x in g])
    hi = max([e0] + [x[1] for g in groups for x in g])
    return {
        "doc_id": doc_id, "relation": relation, "kind": KIND[relation],
        "statement": text[max(0, lo - 10):hi + 4].replace("\n", " "),
        "stated": round(stated / unit if relation != "growth_of" else stated, 6), "stated_surface": ss,
        "stated_start": s0, "stated_end": e0,
        "parts": [x[2] for g in groups for x in g] if relation != "count_of" else items,
        "part_spans": [[x[0], x[1]] for g in groups for x in g] if relation != "count_of" else item_spans,
        "computed": round(computed / unit if relation not in ("growth_of",) else computed, 6),
        "consistent": status == "consistent", "status": status, "exhaustive": bool(ex),
        "note": opt.get("note", ""), "split": split_of(doc_id),
    }


_TEXTS: dict[str, str] = {}


def doc_text(doc_id: str) -> str:
    """A document's text: tests/data/relations/docs/<id>.txt, or a shared/formats file through the
    library's reader (``formats/<name>``)."""
    if doc_id not in _TEXTS:
        if doc_id.startswith("formats/"):
            from summary_mining import read_document

            _TEXTS[doc_id] = read_document(SHARED / doc_id).text
        else:
            _TEXTS[doc_id] = (DATA / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
    return _TEXTS[doc_id]


def main() -> int:
    docs = DATA / "docs"
    out = []
    for doc_id, relation, stated, operands, opt in A:
        out.append(build(doc_id, relation, stated, operands, opt, doc_text(doc_id)))
    for r in out:
        text = doc_text(r["doc_id"])
        assert text[r["stated_start"]:r["stated_end"]] == r["stated_surface"]
        for (s, e), p in zip(r["part_spans"], r["parts"]):
            assert text[s:e] == p, (r["doc_id"], p)
    # sets C and D were annotated (and checked) by their own helpers' scripts and joined the file as records:
    # keep every record of a document this script does not annotate
    annotated = {r["doc_id"] for r in out}
    path = DATA / "relations.jsonl"
    kept = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line and json.loads(line)["doc_id"] not in annotated] if path.exists() else []
    out += kept
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    n_docs = len(list(docs.glob("*.txt"))) + len({r["doc_id"] for r in out if r["doc_id"].startswith("formats/")})
    by = {}
    for r in out:
        by.setdefault((r["split"], r["relation"]), 0)
        by[(r["split"], r["relation"])] += 1
    print(f"{len(out)} relations in {len({r['doc_id'] for r in out})} of {n_docs} documents")
    for k in sorted(by):
        print(" ", *k, by[k])
    print("setaside documents:", sorted(p.stem for p in docs.glob('*.txt') if split_of(p.stem) == "setaside"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
