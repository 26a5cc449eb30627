"""Parse written numbers: Arabic (with thousands separators), Chinese numerals, redactions.

Pure helpers; values are computed with :class:`~decimal.Decimal` so ``60.07亿`` is exactly
6007000000 and not 6007000000.000001. Scales (万, 亿 …) are rules: their multipliers come from
``data/units.toml`` ``[scales]`` and are passed in.

>>> float(parse_number("60.07", 10**8))
6007000000.0
>>> parse_number("一千二百万")
Decimal('12000000')
>>> parse_chinese("九十二点四二")
Decimal('92.42')
>>> parse_number("xx.xx", "亿") is None
True
>>> last_digit_unit("300"), last_digit_unit("35"), last_digit_unit("1.5")
(Decimal('100'), Decimal('1'), Decimal('0.1'))
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

__all__ = ["CN_DIGITS", "CN_SMALL_UNITS", "CN_BIG_UNITS", "parse_arabic", "parse_chinese",
           "parse_number", "is_redacted", "last_digit_unit", "decimals", "REDACTION_CHARS"]

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}
REDACTION_CHARS = frozenset("xX×*ｘＸ＊")


def is_redacted(number: str) -> bool:
    """True when a written number is masked (``xx``, ``xxx.xx``, ``X``)."""
    return not REDACTION_CHARS.isdisjoint(number)


#: Characters between digit groups that carry no value (commas, spaces, zero-width characters).
_GROUP_CHARS = str.maketrans("", "", ",， \u00a0\u2009\u202f\u200b\u2060\ufeff\u00ad")


def parse_arabic(s: str) -> Decimal | None:
    """``"1,234.5"`` -> Decimal('1234.5'); ``"2、56"`` (、 used as a decimal point) -> 2.56;
    ``"1\u200b000"`` and ``"2 345.6"`` (group separators) -> 1000 and 2345.6."""
    s = s.translate(_GROUP_CHARS).replace("、", ".").strip()
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _cn_integer(s: str) -> int | None:
    if not s:
        return 0
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        return int("".join(str(CN_DIGITS[c]) for c in s))  # 二〇二三 read digit by digit
    total = section = num = 0
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_SMALL_UNITS:
            section += (num or 1) * CN_SMALL_UNITS[c]
            num = 0
        elif c == "万":
            total += (section + num) * 10**4
            section = num = 0
        elif c == "亿":
            total = (total + section + num) * 10**8
            section = num = 0
        else:
            return None
    return total + section + num


def parse_chinese(s: str) -> Decimal | None:
    """Chinese numerals, with 点 as decimal point: ``两千三百`` -> 2300, ``百`` -> 100."""
    whole, _, frac = s.partition("点")
    n = _cn_integer(whole)
    if n is None:
        return None
    if not frac:
        return Decimal(n)
    if not all(c in CN_DIGITS for c in frac):
        return None
    return Decimal(f"{n}.{''.join(str(CN_DIGITS[c]) for c in frac)}")


def parse_number(number: str, multiplier: int | Decimal = 1) -> Decimal | None:
    """The value of a written number times its scale's ``multiplier`` (10**8 for 亿); None when
    redacted or unreadable."""
    if not number or is_redacted(number):
        return None
    if number[0].isdigit():
        v = parse_arabic(number)
    else:
        v = parse_chinese(number)
    if v is None:
        return None
    return v * multiplier if multiplier != 1 else v


def decimals(number: str) -> int:
    """Decimal places written: ``41.17`` -> 2, ``2、56`` -> 2 (、 as a decimal point), ``九十二点四二`` -> 2.

    >>> decimals("41.17"), decimals("2、56"), decimals("2300"), decimals("九十二点四二"), decimals("28. 1")
    (2, 2, 0, 2, 1)
    """
    for sep in (".", "、", "点"):
        if sep in number:
            return len(number.split(sep, 1)[1].strip())  # 28. 1: a space typeset after the point
    return 0


def last_digit_unit(number: str) -> Decimal:
    """Place value of the last significant written digit: 300 -> 100, 35 -> 1, 1.5 -> 0.1.

    Used for ``300余份`` / ``3000多欧元``: the figure lies between n and n + this unit.
    """
    s = number.translate(_GROUP_CHARS)
    if "." in s:
        return Decimal(1).scaleb(-len(s.split(".", 1)[1]))
    if s.isdigit():
        stripped = s.rstrip("0")
        return Decimal(10) ** (len(s) - len(stripped)) if stripped else Decimal(1)
    v = parse_chinese(s)
    if v is None or v == 0:
        return Decimal(1)
    zeros = len(str(int(v))) - len(str(int(v)).rstrip("0"))
    return Decimal(10) ** zeros
