"""Plain-text reader: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5.

``Document.text`` is the decoded file, unchanged (a leading BOM is part of the encoding and is
dropped), so offsets index the original characters.

>>> decode_text("全县到位资金60.07亿元".encode("gbk"), "a.txt")
('全县到位资金60.07亿元', 'gb18030')
>>> decode_text("全縣到位資金60.07億元".encode("big5"), "b.txt")
('全縣到位資金60.07億元', 'big5')
"""
from __future__ import annotations

import codecs
from functools import lru_cache

from ..errors import EncodingError
from ..model import Block
from .base import ReadResult

__all__ = ["decode_text", "read_text", "split_lines"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@lru_cache(maxsize=65536)
def _is_common(ch: str) -> bool:
    """True for a frequent Chinese character, simplified or traditional.

    GB2312 level 1 (lead bytes 0xB0-0xD7) holds the 3,755 most frequent simplified characters
    and Big5 level 1 (0xA440-0xC67E) the 5,401 most frequent traditional ones. Text decoded
    with the wrong codec turns into rare characters, so the share of common ones tells the
    right decoding from a wrong one.
    """
    try:
        b = ch.encode("gb2312")
        if len(b) == 2 and 0xB0 <= b[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        return len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E
    except UnicodeEncodeError:
        return False


def _score(text: str) -> float:
    cjk = [c for c in text[:20000] if "\u3400" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(map(_is_common, cjk)) / len(cjk)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return controls > max(8, len(head) // 50)


def decode_text(data: bytes, path: object = "<bytes>") -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)``.

    Raises :class:`EncodingError` for binary data or bytes no supported encoding decodes.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise EncodingError(path, f"starts with a {enc} byte-order mark but is not valid {enc}: {e.reason} at byte {e.start}") from None
    if _looks_binary(data):
        raise EncodingError(path, "binary data (NUL or control bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((_score(text := data.decode(enc)), enc == "gb18030", text, enc))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise EncodingError(path, "not valid UTF-8, GB18030/GBK or Big5 text")
    best = max(candidates)
    return best[2], best[3]


def split_lines(text: str) -> list[Block]:
    """One paragraph block per non-blank line (offsets exclude the line break and edge spaces)."""
    blocks = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            blocks.append(Block(s, e))
        pos = end + 1
    return blocks


def read_text(data: bytes, path: object = "<bytes>") -> ReadResult:
    text, encoding = decode_text(data, path)
    return ReadResult(text=text, format="txt", blocks=split_lines(text), metadata={"encoding": encoding})
