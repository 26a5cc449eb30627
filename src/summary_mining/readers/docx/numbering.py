"""Word list numbering (``w:numPr`` + ``numbering.xml``) rendered as the labels Word draws.

>>> format_list_number(12, "chineseCounting"), format_list_number(3, "upperRoman")
('十二', 'III')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .styles import Styles
from .xml import CJK_CHAR, W_VAL, child_val, to_int, wtag

__all__ = ["format_list_number", "Numbering"]

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千", zero: str = "零") -> str:
    """Chinese counting numerals: 1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = _chinese(low, digits, units, zero) if low else ""
        return _chinese(high, digits, units, zero) + "万" + (zero if 0 < low < 1000 else "") + rest
    out, pending_zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(("" if d == 1 and power == 10 and not out else digits[d]) + unit)
    return "".join(out)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _enclosed(n: int, ranges: tuple[tuple[int, int, int], ...]) -> str:
    for lo, hi, base in ranges:
        if lo <= n <= hi:
            return chr(base + n - lo)
    return str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_list_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word's ``w:numFmt`` ``fmt`` (unknown formats fall back to decimal).

    >>> [format_list_number(n, "chineseCounting") for n in (1, 10, 12, 20, 105)]
    ['一', '十', '十二', '二十', '一百零五']
    >>> format_list_number(3, "ideographTraditional"), format_list_number(2, "decimalEnclosedCircle")
    ('丙', '②')
    """
    if fmt in ("decimal", "ordinalText", "cardinalText", "decimalHalfWidth"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    simple = {
        "decimalZero": lambda: f"{n:02d}",
        "upperRoman": lambda: _roman(n), "lowerRoman": lambda: _roman(n).lower(),
        "upperLetter": lambda: chr(65 + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n),
        "lowerLetter": lambda: chr(97 + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n),
        "ordinal": lambda: _ordinal(n),
        "chineseLegalSimplified": lambda: _chinese(n, _CN_LEGAL, "拾佰仟"),
        "ideographLegalTraditional": lambda: _chinese(n, _TW_LEGAL, "拾佰仟"),
        "ideographTraditional": lambda: _TIANGAN[(n - 1) % 10] if n > 0 else str(n),
        "ideographZodiac": lambda: _DIZHI[(n - 1) % 12] if n > 0 else str(n),
        "ideographDigital": lambda: "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n),
        "japaneseDigitalTenThousand": lambda: "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n),
        "taiwaneseDigital": lambda: "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n),
        "decimalFullWidth": lambda: str(n).translate(_FULLWIDTH),
        "decimalFullWidth2": lambda: str(n).translate(_FULLWIDTH),
        "decimalEnclosedCircle": lambda: _enclosed(n, ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))),
        "decimalEnclosedCircleChinese": lambda: _enclosed(n, ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))),
        "decimalEnclosedParen": lambda: _enclosed(n, ((1, 20, 0x2474),)),
        "decimalEnclosedFullstop": lambda: _enclosed(n, ((1, 20, 0x2488),)),
        "ideographEnclosedCircle": lambda: _enclosed(n, ((1, 10, 0x3220),)),
        "ideographParenthesized": lambda: _enclosed(n, ((1, 10, 0x3220),)),
        "none": lambda: "",
    }
    f = simple.get(fmt)
    return f() if f else str(n)


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


def _parse_level(lvl: etree._Element) -> _Level:
    legal = lvl.find(wtag("isLgl"))
    start = to_int(child_val(lvl, "start"))
    return _Level(start=1 if start is None else start, fmt=child_val(lvl, "numFmt") or "decimal",
                  text=child_val(lvl, "lvlText") or "", restart=to_int(child_val(lvl, "lvlRestart")),
                  legal=legal is not None and legal.get(W_VAL, "1") not in ("0", "false", "off"),
                  suffix=child_val(lvl, "suff") or "tab", style=child_val(lvl, "pStyle"))


def _levels(parent: etree._Element) -> dict[int, _Level]:
    out = {}
    for lvl in parent.iterchildren(wtag("lvl")):
        ilvl = to_int(lvl.get(wtag("ilvl")))
        if ilvl is not None and 0 <= ilvl < 9:
            out[ilvl] = _parse_level(lvl)
    return out


@dataclass
class _Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # w:lvlOverride/w:startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


class Numbering:
    """Word list definitions and the running counters, advanced in document order.

    Lists sharing an abstract definition share counters (as in Word) unless the ``w:num`` has
    overrides, which makes it a list of its own that restarts.
    """

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId -> numStyleLink style id
        self._nums: dict[str, _Num] = {}
        self._counters: dict[tuple[str, str], list[int | None]] = {}
        if root is None:
            return
        for an in root.iterchildren(wtag("abstractNum")):
            aid = an.get(wtag("abstractNumId"))
            if aid is None:
                continue
            self._abstract[aid] = _levels(an)
            link = child_val(an, "numStyleLink")
            if link:
                self._style_link[aid] = link
        for num in root.iterchildren(wtag("num")):
            nid, aid = num.get(wtag("numId")), child_val(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            entry = _Num(aid)
            for ov in num.iterchildren(wtag("lvlOverride")):
                ilvl = to_int(ov.get(wtag("ilvl")))
                if ilvl is None or not 0 <= ilvl < 9:
                    continue
                start = to_int(child_val(ov, "startOverride"))
                if start is not None:
                    entry.starts[ilvl] = start
                lvl = ov.find(wtag("lvl"))
                if lvl is not None:
                    entry.levels[ilvl] = _parse_level(lvl)
            self._nums[nid] = entry

    def _base_abstract(self, aid: str) -> str:
        """Follow ``w:numStyleLink`` (a list defined by a numbering style) to the real definition."""
        for _ in range(8):
            link = self._style_link.get(aid)
            if not link:
                break
            num_id, _ = self._styles.numbering(link)
            num = self._nums.get(num_id or "")
            if num is None or num.abstract_id == aid:
                break
            aid = num.abstract_id
        return aid

    def label(self, num_id: str, ilvl: int | None, style_id: str | None) -> str | None:
        """Advance the counter of list ``num_id`` at ``ilvl`` and return the rendered label."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        aid = self._base_abstract(num.abstract_id)
        levels = {**self._abstract.get(aid, {}), **num.levels}
        if ilvl is None:
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style == style_id), 0)
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        key = ("num", num_id) if num.starts or num.levels else ("abstract", aid)
        counters = self._counters.setdefault(key, [None] * 9)

        def start(i: int) -> int:
            return num.starts.get(i, levels[i].start if i in levels else 1)

        counters[ilvl] = start(ilvl) if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for d in range(ilvl + 1, 9):
            restart = levels[d].restart if d in levels and levels[d].restart is not None else d
            if restart > d:  # a restart level below this one is ignored
                restart = d
            if restart and ilvl < restart:
                counters[d] = None
        if lvl.fmt == "bullet":
            return None

        def render(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            value = counters[i] if counters[i] is not None else start(i)
            fmt = "decimal" if lvl.legal else (levels[i].fmt if i in levels else "decimal")
            return format_list_number(value, fmt)  # type: ignore[arg-type]

        text = re.sub(r"%([1-9])", render, lvl.text)
        if not text:
            return None
        if lvl.suffix == "space" or (lvl.suffix == "tab" and not CJK_CHAR.match(text[-1])):
            text += " "
        return text
