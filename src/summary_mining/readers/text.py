"""Plain-text reader: UTF-8 (with or without BOM), UTF-16 (with a BOM, or Chinese text without
one, big- or little-endian), GB18030/GBK and Big5.

``Document.text`` is the decoded file, unchanged (a leading BOM is part of the encoding and is
dropped), so offsets index the original characters.

>>> decode_text("全县到位资金60.07亿元".encode("gbk"), "a.txt")
('全县到位资金60.07亿元', 'gb18030')
>>> decode_text("全縣到位資金60.07億元".encode("big5"), "b.txt")
('全縣到位資金60.07億元', 'big5')
>>> decode_text("全县到位资金60.07亿元".encode("utf-16-be"), "c.txt")
('全县到位资金60.07亿元', 'utf-16-be')
"""
from __future__ import annotations

import codecs
import re
import threading
from functools import lru_cache

import pandas as pd

from ..errors import EncodingError
from ..normalize import fold_width
from .base import Block
from .base import ReadResult
from .tables import describe_tables
from .text_tables import (find_line_tables, find_space_tables, find_text_tables, find_word_tables, line_spans,
                          text_table_rules)

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
    """Share of common characters among the CJK ones — and among the private-use characters,
    kana and U+FFFD that a wrong codec also produces (``全縣`` in Big5 read as GB18030 is
    ``\ue784郡``), so a short text is not won by a decoding that merely looks Chinese."""
    head = text[:20000]
    cjk = [c for c in head if "\u3400" <= c <= "\u9fff"]
    odd = sum(1 for c in head if "\ue000" <= c <= "\uf8ff" or "\u3040" <= c <= "\u30ff" or c == "\ufffd")
    if not cjk:
        return 0.0
    return sum(map(_is_common, cjk)) / (len(cjk) + odd)


#: The one NUL rule: NUL bytes count wherever they are in the file. More than one NUL per
#: :data:`NUL_PER_BYTES` bytes of the whole file (or control bytes, NUL included, past 1 in 50
#: and more than 8) make it binary (:class:`~summary_mining.errors.EncodingError`); fewer are kept
#: in the text as U+0000 characters, at the start of the file as after its first 8 KB.
NUL_PER_BYTES = 1000
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 and b != 27))


def _looks_binary(data: bytes) -> bool:
    """Binary by :data:`NUL_PER_BYTES`, over the whole file (two C-speed passes, no copy of it).

    >>> text = "签约项目10个。".encode() * 100
    >>> _looks_binary(b"\\x00" + text), _looks_binary(text + b"\\x00"), _looks_binary(b"\\x00" + text[:200])
    (False, False, True)
    """
    if data.count(b"\x00") > len(data) // NUL_PER_BYTES:
        return True
    controls = len(data.translate(None, _NOT_CONTROL))
    return controls > max(8, len(data) // 50)


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
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise EncodingError(path, "binary data (NUL or control bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = f"invalid UTF-8 byte 0x{data[e.start]:02X} at byte {e.start:,}"
    # Each candidate is scored on a decoded prefix (the score reads only the first 20,000
    # characters) and only the winner is decoded in full: one copy of the text in memory, not three.
    candidates: list[tuple[float, int, str, str | None]] = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((_score(_decode_prefix(data, enc)), _PRIORITY[enc], enc, None))
        except UnicodeDecodeError:
            continue
    mixed = _decode_mixed(data)
    if mixed is not None:
        candidates.append((_score(mixed), _PRIORITY[MIXED], MIXED, mixed))
    for _, _, enc, text in sorted(candidates, key=lambda c: c[:2], reverse=True):
        if text is not None:
            return text, enc
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue  # invalid after the sampled prefix
    raise EncodingError(path, f"not valid UTF-8 ({utf8_error}), GB18030/GBK or Big5 text")


#: Least score (:func:`_score`) and Chinese characters a BOM-less UTF-16 reading needs.
UTF16_MIN_SCORE = 0.6
UTF16_MIN_CJK = 2
#: ... and the least share of its characters that are Chinese, ASCII or CJK/full-width punctuation
UTF16_MIN_PLAIN = 0.95
_UTF16_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text that lost its byte-order mark, or None.

    Tried only for an even number of bytes whose start is not UTF-8 (NUL bytes between ASCII
    characters, or byte pairs UTF-8 refuses). Both byte orders are decoded on a prefix and scored
    like the legacy encodings: the right one is mostly common Chinese characters, the wrong one
    (and GB18030 or UTF-8 bytes read as UTF-16) rare characters, Hangul, Latin-1 or private-use code
    points, which also fail :data:`UTF16_MIN_PLAIN`.

    >>> _utf16_without_bom("签约项目10个，投资总额24亿元。".encode("utf-16-le"))
    ('签约项目10个，投资总额24亿元。', 'utf-16-le')
    >>> _utf16_without_bom("签约项目10个".encode("gb18030") + b"  ") is None
    True
    """
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:8192]
    if b"\x00" not in head:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            return None  # UTF-8 (or ASCII) as far as the head goes
        except UnicodeDecodeError:
            pass
    best: tuple[float, str] | None = None
    for enc in ("utf-16-be", "utf-16-le"):
        try:
            sample = _decode_prefix(data, enc)
        except UnicodeDecodeError:
            continue
        if _UTF16_CONTROLS.search(sample):
            continue
        head_text = sample[:20000]
        cjk = sum(1 for c in head_text if "\u3400" <= c <= "\u9fff")
        plain = cjk + sum(1 for c in head_text if c < "\u0080" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
                          or c in "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7")
        score = _score(sample)
        if cjk >= UTF16_MIN_CJK and plain >= UTF16_MIN_PLAIN * len(head_text) and score >= UTF16_MIN_SCORE \
                and (best is None or score > best[0]):
            best = (score, enc)
    if best is None:
        return None
    try:
        text = data.decode(best[1])
    except UnicodeDecodeError:
        return None
    return text, best[1]


#: Bytes decoded per candidate encoding to score it (>= 20,000 characters in any of them).
SAMPLE_BYTES = 128 * 1024
#: A UTF-8 file in which at most this share of the bytes are not UTF-8 — a few GBK passages
#: pasted into it — is read as UTF-8 with those passages decoded as GB18030 (encoding
#: ``"utf-8+gb18030"``); undecodable stray bytes become U+FFFD.
MIXED_MAX_SHARE = 0.1
MIXED = "utf-8+gb18030"
_PRIORITY = {"gb18030": 2, MIXED: 1, "big5": 0}  # ties: a whole-file legacy encoding first
_repair = threading.local()


def _decode_prefix(data: bytes, enc: str) -> str:
    """The first :data:`SAMPLE_BYTES` decoded (a character cut at the end is left out)."""
    if len(data) <= SAMPLE_BYTES:
        return data.decode(enc)
    return codecs.getincrementaldecoder(enc)().decode(data[:SAMPLE_BYTES], final=False)


def _utf8_cjk_at(data: bytes, j: int) -> bool:
    return j + 2 < len(data) and 0xE0 <= data[j] <= 0xEF and 0x80 <= data[j + 1] <= 0xBF and 0x80 <= data[j + 2] <= 0xBF


def _gbk_repair(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the GBK double-byte run at the error as GB18030."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    data, i = exc.object, exc.start
    j, n = i, len(data)
    while j + 1 < n and 0x81 <= data[j] <= 0xFE and 0x40 <= data[j + 1] <= 0xFE and data[j + 1] != 0x7F:
        if j > i and _utf8_cjk_at(data, j):
            break  # UTF-8 Chinese resumes
        j += 2
    if j == i:
        text, j = "\ufffd", i + 1
    else:
        text = bytes(data[i:j]).decode("gb18030", "replace")
    _repair.bytes += j - i
    if _repair.bytes > _repair.limit:
        raise exc  # not "a few" GBK bytes: this is no UTF-8 file
    return text, j


codecs.register_error("summary_mining.gbk_repair", _gbk_repair)


def _decode_mixed(data: bytes) -> str | None:
    """UTF-8 with a few GBK passages (see :data:`MIXED_MAX_SHARE`), or None when it is not that.

    >>> _decode_mixed("全县到位资金".encode() + "60.07亿元".encode("gbk") + "，同比增长。".encode())
    '全县到位资金60.07亿元，同比增长。'
    """
    _repair.bytes, _repair.limit = 0, max(4, int(len(data) * MIXED_MAX_SHARE))
    try:
        text = data.decode("utf-8", "summary_mining.gbk_repair")
    except UnicodeDecodeError:
        return None
    if not _repair.bytes:
        return text
    # a GBK character may also be a valid two-byte UTF-8 sequence (投 = CD B6 = U+0376): in a file
    # known to hold GBK passages, such Latin/Greek/Cyrillic runs that are common Chinese in GBK are GBK
    return _TWO_BYTE_RUN.sub(_regbk, text)


_TWO_BYTE_RUN = re.compile("[\u0080-\u07ff]+")


def _regbk(m: re.Match[str]) -> str:
    run = m.group(0)
    try:
        han = run.encode("utf-8").decode("gbk")
    except UnicodeDecodeError:
        return run
    return han if all(_is_common(c) for c in han) else run


def split_lines(text: str) -> list[Block]:
    """One paragraph block per non-blank line (offsets exclude the line break and edge spaces)."""
    return [Block(s, e) for s, e in line_spans(text) if e > s]


def read_text(data: bytes, path: object = "<bytes>") -> ReadResult:
    text, encoding = decode_text(data, path)
    return text_result(text, encoding)


def text_result(text: str, encoding: str | None = None) -> ReadResult:
    """What a plain text holds: its lines, and its ``|`` tables as tables (:func:`with_text_tables`)."""
    blocks, tables = with_text_tables(text, split_lines(text))
    result = ReadResult(text=text, format="txt", blocks=blocks, tables=tables, metadata={"encoding": encoding})
    if tables:
        describe_tables(result)
    return result


def with_text_tables(text: str, lines: list[Block]) -> tuple[list[Block], list[pd.DataFrame]]:
    """The line blocks of ``text`` with its ``|`` tables and its tables of a cell per line (:mod:`.text_tables`)
    as table rows: the lines a
    table takes are replaced by one block per row (its cells' spans in ``cells``), lines of separators
    alone are dropped; and the tables as DataFrames (header cells as columns, blank ones ``列N``).

    >>> text = "表1 产量\\n品 名 | 产量(吨) |\\n粮食 | 315690 |\\n稻谷 | 267838 |"
    >>> blocks, tables = with_text_tables(text, split_lines(text))
    >>> [(b.kind, b.row, [text[s:e] for s, e in b.cells or ()]) for b in blocks]
    [('paragraph', None, []), ('table_row', 0, ['品 名', '产量(吨)']), ('table_row', 1, ['粮食', '315690']), ('table_row', 2, ['稻谷', '267838'])]
    >>> tables[0].columns.tolist(), tables[0].values.tolist()
    (['品 名', '产量(吨)'], [['粮食', '315690'], ['稻谷', '267838']])
    """
    norm = fold_width(text)  # (full-width digits and ％ read as numbers: one character for one)
    found = find_text_tables(norm)
    found += find_line_tables(norm, skip=[(t.start, t.end) for t in found])
    found += find_space_tables(norm, skip=[(t.start, t.end) for t in found])
    found = sorted(found + find_word_tables(norm, skip=[(t.start, t.end) for t in found]), key=lambda t: t.start)
    if not found:
        return lines, []
    seps = text_table_rules().separators
    rows: list[Block] = []
    frames: list[pd.DataFrame] = []
    for k, t in enumerate(found):
        for r, cells in enumerate([t.header_spans] + t.rows):
            used = [c for c in cells if c[1] > c[0]]
            rows.append(Block(used[0][0], used[-1][1], "table_row", table=k, row=r, cells=tuple(cells)))
        header = [h or f"列{j + 1}" for j, h in enumerate(t.header)]
        df = pd.DataFrame([[" ".join(line.rstrip("\r") for line in text[a:b].split("\n")) for a, b in row] for row in t.rows],
                          columns=header)
        df.attrs.update(header_rows=1, indent=[None] * len(t.rows))
        frames.append(df)
    spans = [(min([t.start] + [a for a, _ in t.before]), t.end) for t in found]
    kept = [b for b in lines
            if not any(b.start < e and s < b.end for s, e in spans)
            and text[b.start:b.end].strip(seps + " \t\u3000")]
    # cells ahead of a header (a caption or 单位:亿元 between | marks) stay text, without their marks
    kept += [Block(a, b) for t in found for a, b in t.before]
    return sorted(kept + rows, key=lambda b: b.start), frames
