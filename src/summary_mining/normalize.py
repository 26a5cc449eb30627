"""Length-preserving text normalisation, so offsets found in normalised text index the original.

Every mapping is one character to one character: full-width digits and signs to ASCII, ideographic
space to a space, and traditional characters to simplified ones (the measure words here, every other
one from ``data/t2s.tsv``, OpenCC's one-to-one character table), so rules written in simplified
script read traditional text too.

>>> normalize("６０．０７億元，92.42﹪，签约項目10個")
'60.07亿元，92.42%，签约项目10个'
>>> normalize("財政收入增長12.5%，較上年減少")
'财政收入增长12.5%，较上年减少'
>>> len(normalize("１２３％")) == len("１２３％")
True
"""
from __future__ import annotations

import re

from .datafiles import data_path

__all__ = ["normalize", "fold_width", "NORMALIZE_TABLE"]

_PAIRS = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # ０-９
    # (℅, the care-of sign, stands for the percent sign in some typed texts: 增长15.2℅)
    "．": ".", "％": "%", "﹪": "%", "℅": "%", "～": "~", "－": "-", "﹣": "-", "‐": "-", "‑": "-", "−": "-",
    "ｘ": "x", "Ｘ": "X", "＊": "*", "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    # (the carriage return of a Windows line end, \r\n: a space before the line break, so rules see one \n)
    "\r": " ",
    "，": "，", "﹐": "，", "：": "：", "﹙": "（", "﹚": "）",
    # the small form variants of punctuation (人民网's ﹔ between statements)
    "﹑": "、", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！",
    # traditional -> simplified, for the characters the rules look at
    "個": "个", "萬": "万", "億": "亿", "項": "项", "戶": "户", "處": "处", "畝": "亩", "噸": "吨", "隻": "只",
    "條": "条", "臺": "台", "兩": "两", "點": "点", "間": "间", "張": "张", "場": "场", "筆": "笔", "棟": "栋",
    "頭": "头", "輛": "辆", "種": "种", "類": "类", "圓": "元", "幣": "币", "歐": "欧", "鎊": "镑", "韓": "韩",
    "區": "区", "縣": "县", "鄉": "乡", "鎮": "镇", "實": "实", "現": "现", "資": "资", "額": "额", "總": "总",
    "與": "与", "約": "约", "餘": "余", "幾": "几", "計": "计", "達": "达", "增": "增",
    "長": "长", "百": "百", "陸": "陆", "貳": "贰", "參": "参", "斤": "斤", "雙": "双", "單": "单",
    "樣": "样", "門": "门", "體": "体", "產": "产", "業": "业", "費": "费", "稅": "税", "銷": "销", "售": "售",
    "農": "农", "夥": "伙", "莊": "庄", "級": "级", "帶": "带", "動": "动", "開": "开", "發": "发", "簽": "签",
}


def _t2s(name: str = "t2s.tsv") -> dict[str, str]:
    """Traditional -> simplified pairs of ``data/t2s.tsv`` (one character each; ``#`` lines are comments)."""
    pairs = {}
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, _, simp = line.partition("\t")
            if len(trad) == 1 and len(simp) == 1:
                pairs[trad] = simp
    return pairs


NORMALIZE_TABLE = str.maketrans({k: v for k, v in {**_t2s(), **_PAIRS}.items() if len(k) == len(v) == 1 and k != v})


#: every mapped character as one class of the standard library's ``re`` (a bitmap: ~7 ns a character to
#: search; ``str.translate`` looks up every character in a dict, ~160 ns, and the ``regex`` module is
#: slow on a class of thousands of characters). Most texts need few replacements.
_NEEDS = re.compile("[" + "".join(re.escape(chr(k)) for k in NORMALIZE_TABLE) + "]")


def normalize(text: str) -> str:
    """Normalise ``text`` one character for one character (offsets are preserved)."""
    if _NEEDS.search(text) is None:
        return text
    return _NEEDS.sub(lambda m: NORMALIZE_TABLE[ord(m.group())], text)


#: the full-width digits and signs alone (no script): what a number is written with.
_WIDTH = {ord(k): v for k, v in _PAIRS.items() if len(k) == len(v) == 1 and k != v and not "\u4e00" <= k <= "\u9fff"}
_NEEDS_WIDTH = re.compile("[" + "".join(re.escape(chr(k)) for k in _WIDTH) + "]")


def fold_width(text: str) -> str:
    """``text`` with full-width digits and signs made ASCII, one character for one, its script left as written (a
    table's cells and names read as numbers and kept as written).

    >>> fold_width("鎮區 | ３８５６ | ５４．８１％ |")
    '鎮區 | 3856 | 54.81% |'
    """
    if _NEEDS_WIDTH.search(text) is None:
        return text
    return _NEEDS_WIDTH.sub(lambda m: _WIDTH[ord(m.group())], text)
