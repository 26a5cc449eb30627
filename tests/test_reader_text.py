"""Text reader and outline: encodings, offsets, articles, sections, sentences, errors."""
from __future__ import annotations

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.readers.text import decode_text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_seed_reads_back_identical_in_every_encoding(tmp_path, seed_text, encoding):
    p = tmp_path / f"seed_{encoding}.txt"
    p.write_bytes(seed_text.encode(encoding))
    doc = sm.read_document(p)
    assert doc.text == seed_text
    assert doc.doc_id == f"seed_{encoding}"


def test_big5_traditional_text_is_detected(tmp_path):
    text = "2011年招商引資工作總結\n今年的招商引資工作雖然取得了一定成績,全年完成引資4億元。\n"
    p = tmp_path / "big5.txt"
    p.write_bytes(text.encode("big5"))
    doc = sm.read_document(p)
    assert doc.text == text and doc.metadata["encoding"] == "big5"
    assert sm.extract(doc)["surface"].tolist() == ["4億元"]


def test_text_is_the_decoded_file_unchanged(tmp_path):
    raw = "  一、目标任务完成情况\r\n\u3000\u3000签约项目10个。\r\n"
    p = tmp_path / "crlf.txt"
    p.write_bytes(raw.encode("utf-8"))
    doc = sm.read_document(p)
    assert doc.text == raw
    df = sm.extract(doc)
    assert raw[df.start[0]:df.end[0]] == "10个"


@pytest.mark.parametrize("data,reason", [
    (b"\x00\x01\x02binary\x00junk" * 10, "binary"),
    (bytes(range(0x80, 0x100)) * 4 + b"\x00", "binary"),
])
def test_binary_text_raises_encoding_error(tmp_path, data, reason):
    p = tmp_path / "junk.txt"
    p.write_bytes(data)
    with pytest.raises(sm.EncodingError, match=reason) as e:
        sm.read_document(p)
    assert "junk.txt" in str(e.value)


@pytest.mark.parametrize("name,data,error,reason", [
    ("empty.txt", b"", sm.ReadError, "empty file"),
    ("blank.txt", b"  \n\n ", sm.ReadError, "empty file"),
    ("old.doc", b"\xd0\xcf\x11\xe0whatever", sm.UnsupportedFormatError, "legacy Word"),
    ("table.xlsx", b"PK\x03\x04", sm.UnsupportedFormatError, "spreadsheets"),
])
def test_bad_files_raise_typed_errors_naming_the_file(tmp_path, name, data, error, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(error, match=reason) as e:
        sm.read_document(p)
    assert name in str(e.value)


def test_missing_file_and_size_limit(tmp_path):
    with pytest.raises(sm.ReadError, match="no such file"):
        sm.read_document(tmp_path / "nope.txt")
    p = tmp_path / "big.txt"
    p.write_text("签约项目10个。" * 100, encoding="utf-8")
    with pytest.raises(sm.FileTooLargeError, match="max_bytes"):
        sm.read_document(p, limits=sm.Limits(max_bytes=100))


def test_seed_articles(seed_path, seed_text):
    doc = sm.read_document(seed_path)
    assert [a.title for a in doc.articles] == [f"投资促进工作总结篇{i}" for i in range(1, 7)]
    assert [a.index for a in doc.articles] == [1, 2, 3, 4, 5, 6]
    for a, b in zip(doc.articles, doc.articles[1:]):
        assert a.end == b.start
    assert doc.articles[-1].end == len(seed_text)
    assert doc.article_index(seed_text.index("时间:2023-05-10")) == 0  # the preamble
    assert doc.metadata == {"encoding": "utf-8", "title": "投资促进工作总结6篇", "date": "2023-05-10", "author": "Youaremine"}


@pytest.mark.parametrize("phrase,article,path", [
    ("全县共引进国内市外到位资金", 1, "一、目标任务完成情况"),
    ("年初及时分解目标任务", 1, "二、主要工作措施 > (一)加强组织领导,落实目标考核"),
    ("企业投资信心不足", 1, "四、存在的主要问题"),
    ("按照州社的经济考核指标", 2, "一、工作完成情况 > 7、全面完成州级对口部门下达的绩效考评指标 > (1)新网工程"),
    ("园区内配套设施建设不足", 4, "二、存在困难和问题 > (一)园区内配套设施建设不足,水电、路网等基础设施没有跟上项目的建设步伐,影响了"),
])
def test_seed_section_paths(seed_path, seed_text, phrase, article, path):
    doc = sm.read_document(seed_path)
    off = seed_text.index(phrase)
    assert doc.article_index(off) == article
    assert doc.section_path(off) == path


def test_section_ends_at_next_heading_of_same_or_higher_level(seed_path, seed_text):
    doc = sm.read_document(seed_path)
    s = next(s for s in doc.sections if s.title == "二、主要工作措施")
    assert s.end == seed_text.index("三、工作亮点")
    sub = next(s for s in doc.sections if s.title.startswith("(四)搭建创业平台"))
    assert sub.end == seed_text.index("三、工作亮点")
    last = next(s for s in doc.sections if s.title == "四、存在的主要问题")
    assert last.end == doc.articles[0].end


def test_sentences_split_and_offsets(seed_path, seed_text):
    doc = sm.read_document(seed_path)
    for s in doc.sentences:
        piece = seed_text[s.start:s.end]
        assert piece == piece.strip() and piece
        assert "\n" not in piece
    s = doc.sentence_at(seed_text.index("履约率90"))
    assert seed_text[s.start:s.end] == "履约项目9个,履约率90﹪;"
    assert s.article == 1 and s.section == "一、目标任务完成情况"


@pytest.mark.parametrize("line,level,number", [
    ("一、目标任务完成情况", 1, "一、"),
    ("（三）积极参加平台活动", 2, "（三）"),
    ("(二)注重对外宣传", 2, "(二)"),
    ("1、抓好春耕备耕物资监督", 3, "1、"),
    ("2.围绕园区产业定位", 3, "2."),
    ("(1)新网工程", 4, "(1)"),
    ("①加强领导", 5, "①"),
])
def test_outline_numbering_levels(line, level, number):
    from summary_mining.structure import heading_at_line
    assert heading_at_line(line) == (level, number)


@pytest.mark.parametrize("line", ["1.5亿元用于基础设施", "20xx年工作计划", "一是加强对外宣传", "12月底完成"])
def test_not_headings(line):
    from summary_mining.structure import heading_at_line
    assert heading_at_line(line) is None


def test_decode_text_reports_encoding():
    assert decode_text("签约项目".encode("gbk")) == ("签约项目", "gb18030")
    assert decode_text("\ufeff签约".encode("utf-8")) == ("签约", "utf-8-sig")


# -- UTF-16 without a byte-order mark (#17 item 6) ------------------------------------------------------
UTF16_TEXTS = [
    "签约项目10个，投资总额24亿元；履约项目9个，履约率90%。\n",
    "全县实现到位资金9.88亿元，同比增长12.5%。",
    "一、存在的主要问题\n（一）项目落地慢。\n",
    "招商引资工作总结",  # no ASCII at all: no NUL byte to go by
    "2011年招商引資工作總結\n全年完成引資4億元。\n",
]


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
@pytest.mark.parametrize("text", UTF16_TEXTS)
def test_utf16_without_a_bom_is_decoded(tmp_path, text, encoding):
    p = tmp_path / "u16.txt"
    p.write_bytes(text.encode(encoding))
    doc = sm.read_document(p)
    assert doc.text == text and doc.metadata["encoding"] == encoding


def test_utf16_be_seed_without_a_bom_gives_the_same_figures(tmp_path, seed_path, seed_text):
    p = tmp_path / "seed_be.txt"
    p.write_bytes(seed_text.encode("utf-16-be"))
    got = sm.extract(p)
    want = sm.extract(seed_path)
    assert len(got) > 100
    pd.testing.assert_frame_equal(got.drop(columns="doc_id"), want.drop(columns="doc_id"))


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8"])
@pytest.mark.parametrize("text", ["签约项目10个，投资总额24亿元。", "全縣到位資金60.07億元，同比增長12%。"])
def test_even_length_legacy_text_is_not_taken_for_utf16(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold this text")
    data += b" " * (len(data) % 2)
    got, enc = decode_text(data)
    assert got.rstrip() == text and enc == encoding


# -- one NUL rule, wherever the NUL is (#17 item 8) -------------------------------------------------------
LONG = "一、目标任务完成情况\n" + "签约项目10个，投资总额24亿元。\n" * 600  # ~24 KB


@pytest.mark.parametrize("at", [0, 10, 4000, 8191, 8192, 20000, -1])
def test_a_stray_nul_is_kept_wherever_it_is(tmp_path, at):
    text = LONG[:at] + "\x00" + LONG[at:] if at >= 0 else LONG + "\x00"
    p = tmp_path / "nul.txt"
    p.write_text(text, encoding="utf-8")
    doc = sm.read_document(p)
    assert doc.text == text
    assert sm.extract(doc)["surface"].tolist()[:2] == ["10个", "24亿元"]


@pytest.mark.parametrize("at", ["start", "end"])
def test_nul_bytes_past_one_per_thousand_make_a_file_binary_wherever_they_are(tmp_path, at):
    nuls = "\x00" * 40  # 40 NULs in ~33 KB: more than 1 per 1,000 bytes
    text = nuls + LONG if at == "start" else LONG + nuls
    p = tmp_path / "nuls.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(sm.EncodingError, match="binary"):
        sm.read_document(p)


#: A budget report's PDF text layer, hard-wrapped at one page width (tests/data/relations/docs/i02.txt, a dev document):
#: lines full of half-width digits hold more characters than lines of Chinese alone.
WRAPPED_FIGURES = (
    "（四）国有资本经营预算收支情况\n1.全市国有资本经营预算。全市国有资本经营预算收入完成\n142 万元，国有资本经营预算支出完成 259 万元。\n"
    "2.市本级国有资本经营预算。市本级国有资本经营预算收入\n完成 142 万元，加上自治区财政补助收入 79 万元、上年结转资\n"
    "金 34 万元后，全口径收入 255 万元。国有资本经营预算支出完\n成 243 万元，加上结转下年支出 12 万元后，全口径支出 255 万元。\n"
    "（五）全市地方政府债务情况\n2025 年全市地方政府债务限额 282.9 亿元，截至年末，全市\n地方政府债务余额 266.63 亿元，控制在限额范围内，风险总体\n"
    "— 9 —\n可控。分结构看，地方政府债券 263.53 亿元，外债 3.1 亿元。分\n性质看，一般债务 193.29 亿元，占 73.35%，专项债务 73.34 亿\n"
    "元，占 26.65%。分级次看，市本级 89.35 亿元，占 33.51%，县、\n区 177.28 亿元，占 66.49%。\n")


def test_hard_wrapped_lines_of_half_width_digits_join_into_paragraphs():
    doc = sm.read_document(text=WRAPPED_FIGURES)
    para = doc.paragraph_at(WRAPPED_FIGURES.index("266.63"))
    # the debt paragraph runs from the heading's next line over the page number to its last line
    assert (WRAPPED_FIGURES[para.start:para.start + 4], WRAPPED_FIGURES[para.end - 7:para.end]) == ("2025", "66.49%。")
    messages = set(sm.audit(doc)["message"])
    assert "地方政府债务余额266.63 亿元与分结构看所列 263.53 亿元+3.1 亿元=266.63亿元 一致" in messages
