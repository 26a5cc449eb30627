"""DOCX reader: real Word files, the seed DOCX, crafted packages for numbering/tables/text, bad input."""
from __future__ import annotations

import doctest
import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from summary_mining import read_document
from summary_mining.errors import FileTooLargeError, ReadError, UnsupportedFormatError
from summary_mining.readers import docx as docx_reader
from summary_mining.readers.base import DEFAULT_LIMITS, Limits
from summary_mining.readers.docx import format_list_number, read_docx

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SEED = CORPORA / "seed.txt"
SEED_DOCX = CORPORA / "seed.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# ---------------------------------------------------------------------------------------------
# Helpers: a minimal DOCX package written by hand
# ---------------------------------------------------------------------------------------------
def make_docx(body: str, *, styles: str | None = None, numbering: str | None = None, core: str | None = None,
              main_ct: str = MAIN_CT, document_xml: str | None = None, extra: dict[str, bytes] | None = None,
              skip: tuple[str, ...] = ()) -> bytes:
    """A DOCX zip with ``body`` (the inside of ``w:body``) and optional styles/numbering/core parts."""
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{main_ct}"/>']
    doc_rels, pkg_rels = [], ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                              'relationships/officeDocument" Target="word/document.xml"/>']
    parts: dict[str, str | bytes] = {}
    if styles is not None:
        overrides.append('<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.styles+xml"/>')
        doc_rels.append('<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/styles" Target="styles.xml"/>')
        parts["word/styles.xml"] = f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    if numbering is not None:
        overrides.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.numbering+xml"/>')
        doc_rels.append('<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/numbering" Target="numbering.xml"/>')
        parts["word/numbering.xml"] = f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
    if core is not None:
        overrides.append('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
                         'package.core-properties+xml"/>')
        pkg_rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                        'relationships/metadata/core-properties" Target="docProps/core.xml"/>')
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{core}</cp:coreProperties>')
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>")
    rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts["_rels/.rels"] = f'<Relationships xmlns="{rels_ns}">{"".join(pkg_rels)}</Relationships>'
    parts["word/_rels/document.xml.rels"] = f'<Relationships xmlns="{rels_ns}">{"".join(doc_rels)}</Relationships>'
    parts["word/document.xml"] = document_xml if document_xml is not None else (
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        f'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>{body}</w:body></w:document>')
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            if name not in skip:
                zf.writestr(name, blob if isinstance(blob, bytes) else blob.encode("utf-8"))
    return buf.getvalue()


def p(text: str = "", *, style: str | None = None, num: tuple[str, int | None] | None = None, ppr: str = "") -> str:
    """A ``w:p`` with one run; ``num`` = (numId, ilvl or None)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        ilvl = f'<w:ilvl w:val="{num[1]}"/>' if num[1] is not None else ""
        props += f'<w:numPr>{ilvl}<w:numId w:val="{num[0]}"/></w:numPr>'
    props += ppr
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{run}</w:p>"


def tc(text: str = "", *, span: int = 1, vmerge: str | None = None, inner: str | None = None) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge is not None:
        props += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{inner if inner is not None else p(text)}</w:tc>"


def tr(*cells: str, header: bool = False, before: int = 0) -> str:
    props = ("<w:tblHeader/>" if header else "") + (f'<w:gridBefore w:val="{before}"/>' if before else "")
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 3"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline2"><w:name w:val="公文二级"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的标题"/><w:basedOn w:val="Heading1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListHead"><w:name w:val="编号标题"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListHeadChild"><w:name w:val="编号标题子"/><w:basedOn w:val="ListHead"/></w:style>'
)


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, suff: str = "nothing", extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


OUTLINE = abstract(0, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3."),
                   lvl(3, "decimalEnclosedCircle", "%4"))


def read(data: bytes, name: str = "测试.docx", limits: Limits = DEFAULT_LIMITS):
    return read_docx(data, name, limits)


def lines_of(data: bytes) -> list[str]:
    return read(data).text.split("\n")


# ---------------------------------------------------------------------------------------------
# The module's own examples
# ---------------------------------------------------------------------------------------------
def test_module_doctests() -> None:
    result = doctest.testmod(docx_reader)
    assert result.attempted >= 8 and result.failed == 0


# ---------------------------------------------------------------------------------------------
# Real Word files (shared/formats)
# ---------------------------------------------------------------------------------------------
REAL = {
    "beijing_2025_gov_work_report.docx": dict(paragraphs=87, tables=0, author="jianye", date="2025-01-22"),
    "guangdong_2025_gov_work_report.docx": dict(paragraphs=128, tables=0, author="jianye", date="2025-01-22"),
    "henan_2025_gov_work_report.docx": dict(paragraphs=75, tables=0, author="Qianyi Li", date="2025-01-24"),
    "qiandongnan_2016_stats_bulletin.docx": dict(paragraphs=81, tables=11, author="admin", date="2025-04-09"),
}


@pytest.fixture(scope="module")
def real(formats_dir: Path) -> dict:
    out = {}
    for name in REAL:
        data = (formats_dir / name).read_bytes()
        out[name] = read_docx(data, name, DEFAULT_LIMITS)
    return out


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_file_reads_cleanly(real: dict, name: str) -> None:
    result = real[name]
    want = REAL[name]
    kinds = [b.kind for b in result.blocks]
    assert result.format == "docx"
    assert kinds.count("paragraph") == want["paragraphs"]
    assert kinds.count("heading") == 0  # all four use plain Normal paragraphs
    assert len(result.tables) == want["tables"]
    assert result.metadata == {"author": want["author"], "date": want["date"]}
    assert len(result.text.split("\n")) == len(result.blocks)  # one block per line, no empty lines


@pytest.mark.parametrize("name, sentence", [
    ("beijing_2025_gov_work_report.docx",
     "深化大气污染治理攻坚，克服秋冬季大雾静稳等不利气象条件影响，细颗粒物年均浓度30.5微克/立方米、下降6.2%，优良天数达到290天、增加19天"),
    ("beijing_2025_gov_work_report.docx", "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。"),
    ("guangdong_2025_gov_work_report.docx",
     "实施高校毕业生就业创业十大行动，推进“家门口”就业服务圈建设，建成首批153个标准化就业驿站，4386万异地务工人员稳定就业。"),
    ("henan_2025_gov_work_report.docx",
     "全年生产总值6.36万亿元、增长5.1%，规上工业增加值增长8.1%，固定资产投资增长7%，工业投资增长21.6%"),
    ("qiandongnan_2016_stats_bulletin.docx", "初步核算，全年地区生产总值939.05亿元，比上年增长13.3%，增速位居全省第一。"),
    ("qiandongnan_2016_stats_bulletin.docx", "黔东南州统计局\xa0\xa0国家统计局黔东南调查队"),  # NBSP kept as written
])
def test_real_sentence_once(real: dict, name: str, sentence: str) -> None:
    assert real[name].text.count(sentence) == 1


@pytest.mark.parametrize("name, line, inner", [
    ("beijing_2025_gov_work_report.docx", "\u3000\u3000一、2024年工作回顾", "一、2024年工作回顾"),
    ("guangdong_2025_gov_work_report.docx", "\u3000\u3000二、2025年工作安排", "二、2025年工作安排"),
    ("guangdong_2025_gov_work_report.docx", "广东省省长 王伟中\u3000", "广东省省长 王伟中"),
    ("henan_2025_gov_work_report.docx", "一、2024 年工作回顾", "一、2024 年工作回顾"),
])
def test_real_indentation_kept_but_block_trimmed(real: dict, name: str, line: str, inner: str) -> None:
    result = real[name]
    lines = result.text.split("\n")
    assert lines.count(line) == 1
    block = result.blocks[lines.index(line)]
    assert result.text[block.start:block.end] == inner


@pytest.mark.parametrize("name, last", [
    ("beijing_2025_gov_work_report.docx", "奋力谱写中国式现代化的北京篇章！"),
    ("guangdong_2025_gov_work_report.docx", "构成的职业技能等级（岗位）序列。"),
])
def test_real_footer_page_number_not_in_body(real: dict, formats_dir: Path, name: str, last: str) -> None:
    with zipfile.ZipFile(formats_dir / name) as zf:
        assert "PAGE" in zf.read("word/footer1.xml").decode()  # a page-number field rendered as "1"
    lines = real[name].text.split("\n")
    assert "1" not in lines and lines[-1].endswith(last)


def test_qiandongnan_tables(real: dict) -> None:
    result = real["qiandongnan_2016_stats_bulletin.docx"]
    assert [len(df) + df.attrs["header_rows"] for df in result.tables] == [13, 12, 16, 14, 16, 20, 22, 15, 6, 11, 7]
    assert sum((len(df) + 1) * df.shape[1] for df in result.tables) == 515
    assert result.tables[1].columns.tolist() == ["列1", "绝对数（亿元）", "比上年增长（%）"]
    assert result.tables[8].columns.tolist() == ["列1", "绝对额（万元）", "比年初增长（%）"]  # "绝对额\n（万元）\n" in Word
    assert result.tables[1].iloc[0].tolist() == ["全部财税收入", "156.40", "2.3"]
    assert result.tables[2].iloc[2].tolist() == ["秋粮", "1016850", "0.9"]  # trailing empty paragraph dropped
    assert result.tables[9].columns.tolist() == ["列1", "城 镇", "农村"]


@pytest.mark.parametrize("line, table, row", [
    ("\t绝对数（亿元）\t比上年增长（%）", 1, 0),
    ("全部财税收入\t156.40\t2.3", 1, 1),
    ("各项存款余额\t14666372\t26.7", 8, 1),
    ("其中：短期贷款\t2228656\t39.8", 8, 4),
    ("从业人员\t万人\t203.33\t100.0", 10, 1),
])
def test_qiandongnan_row_lines(real: dict, line: str, table: int, row: int) -> None:
    result = real["qiandongnan_2016_stats_bulletin.docx"]
    lines = result.text.split("\n")
    assert lines.count(line) == 1
    block = result.blocks[lines.index(line)]
    assert (block.kind, block.table, block.row) == ("table_row", table, row)
    assert result.text[block.start:block.end] == line  # the whole line, leading tab included


@pytest.mark.parametrize("figure", ["14666372", "9977599", "1223474"])
def test_qiandongnan_table_only_figures_once(real: dict, figure: str) -> None:
    assert real["qiandongnan_2016_stats_bulletin.docx"].text.count(figure) == 1


@pytest.mark.parametrize("table,caption,unit", [
    (1, "表2\xa0财政收支情况", ""),
    (9, "表10年末每百户城乡居民家庭拥有耐用品", "台"),  # 单位：台 on a line of its own between caption and table
    (10, "表11\xa0从业人员情况", ""),
])
def test_qiandongnan_table_caption_and_unit(real: dict, table: int, caption: str, unit: str) -> None:
    attrs = real["qiandongnan_2016_stats_bulletin.docx"].tables[table].attrs
    assert (attrs["caption"], attrs["unit"], attrs["pages"]) == (caption, unit, None)


def test_qiandongnan_table_row_indentation(real: dict) -> None:
    # 表2 财政收支情况: w:ind firstLine 216 twips before 其中：, 706 before （1）, 835 under 其中：一般公共服务
    indent = real["qiandongnan_2016_stats_bulletin.docx"].tables[1].attrs["indent"]
    assert [round(i[0], 1) for i in indent] == [0.0, 0.0, 10.8, 35.3, 35.3, 0.0, 10.8, 41.8, 41.8, 41.8, 41.8]
    assert round(indent[2][1] - indent[2][0], 1) == 30.0  # 其中： is three characters of 10 pt


def test_qiandongnan_table_caption_precedes_table(real: dict) -> None:
    result = real["qiandongnan_2016_stats_bulletin.docx"]
    i = next(i for i, b in enumerate(result.blocks) if b.table == 1 and b.row == 0)
    prev = result.blocks[i - 1]
    assert result.text[prev.start:prev.end] == "表2\xa0财政收支情况"  # NBSP as in the file


def test_real_table_column_alignment_invariant(real: dict) -> None:
    """Column j of row r is ``line.split('\\t')[j]``, and matches the DataFrame."""
    result = real["qiandongnan_2016_stats_bulletin.docx"]
    checked = 0
    for b in result.blocks:
        if b.kind != "table_row":
            continue
        df = result.tables[b.table]
        cells = result.text[b.start:b.end].split("\t")
        assert len(cells) == df.shape[1]
        h = df.attrs["header_rows"]
        if b.row >= h:
            assert cells == df.iloc[b.row - h].tolist()
        checked += 1
    assert checked == 152


def test_real_read_document_sections(formats_dir: Path) -> None:
    doc = read_document(formats_dir / "henan_2025_gov_work_report.docx")
    titles = [s.title for s in doc.sections if s.level == 1]
    assert titles == ["一、2024 年工作回顾", "二、2025年工作总体要求和主要目标", "三、2025年重点工作"]
    assert doc.format == "docx" and doc.metadata["author"] == "Qianyi Li"


# ---------------------------------------------------------------------------------------------
# The seed DOCX (corpora/seed.docx, built by corpora/build_seed_docx.py)
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_docx():
    return read_document(SEED_DOCX)


@pytest.fixture(scope="module")
def seed_xml() -> str:
    with zipfile.ZipFile(SEED_DOCX) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_seed_docx", CORPORA / "build_seed_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_seed_docx_is_built_deterministically_from_seed_txt() -> None:
    assert _load_builder().build(SEED) == SEED_DOCX.read_bytes()


def test_seed_docx_outline_matches_txt(seed_docx) -> None:
    txt = read_document(SEED)
    assert len(seed_docx.articles) == 6
    assert [a.title for a in seed_docx.articles] == [a.title for a in txt.articles]
    assert [s.title for s in seed_docx.sections] == [s.title for s in txt.sections]
    assert [(s.level, s.article, s.path) for s in seed_docx.sections] == [(s.level, s.article, s.path) for s in txt.sections]


def test_seed_docx_text_is_seed_lines_plus_table(seed_docx, seed_text: str) -> None:
    body = [seed_docx.text[b.start:b.end] for b in seed_docx.blocks if b.kind != "table_row"]
    assert body == [line.strip() for line in seed_text.splitlines() if line.strip()]


@pytest.mark.parametrize("line, typed_in_xml", [
    ("一、目标任务完成情况", "目标任务完成情况"),
    ("(一)加强组织领导,落实目标考核", "加强组织领导,落实目标考核"),
    ("(四)搭建创业平台,强化农民企业家回引工作", "搭建创业平台,强化农民企业家回引工作"),
    ("四、存在的主要问题", "存在的主要问题"),
    ("一、工作开展情况", "工作开展情况"),  # article 4 restarts at 一 (w:startOverride)
    ("(二)建设资金缺乏。资金短缺、融资难仍然是制约园区发展的瓶颈。", "建设资金缺乏。资金短缺"),  # numbered body paragraph
    ("1.做好项目的跟踪服务工作积极做好项目的跟踪和推进工作,以及项目的服务工作。", "做好项目的跟踪服务工作积极"),
    ("2.围绕园区产业定位对一、三产业联动发展有意向的企业,想尽办法引入x。", "围绕园区产业定位"),
    ("(四)借力投促平台。在紧盯线上网络洽谈促成的重点在谈项目的同时,同步有序恢复线下招商引资活动,积极筹备参加省市各类重大平台活动,"
     "谋划包装一批项目、洽谈一批项目、签约一批项目。", "借力投促平台"),
    ("一、20xx年1-6月招商引资工作成效", "20xx年1-6月招商引资工作成效"),
    ("(三)川渝合作(达州·大竹)示范园建设情况", "川渝合作(达州·大竹)示范园建设情况"),
])
def test_seed_docx_numbering_restored(seed_docx, seed_xml: str, line: str, typed_in_xml: str) -> None:
    lines = seed_docx.text.split("\n")
    assert lines.count(line) == 1
    label = line[: len(line) - len(line.lstrip("()一二三四五六七八九十、0123456789."))]
    assert f"<w:t>{typed_in_xml}" in seed_xml and f"{label}{typed_in_xml}" not in seed_xml  # Word draws the label


@pytest.mark.parametrize("line, kind, level", [
    ("投资促进工作总结6篇", "paragraph", None),  # Title style
    ("投资促进工作总结篇1", "heading", 1),
    ("一、目标任务完成情况", "heading", 2),
    ("(一)加强组织领导,落实目标考核", "heading", 3),
    ("(二)建设资金缺乏。资金短缺、融资难仍然是制约园区发展的瓶颈。", "paragraph", None),
])
def test_seed_docx_block_kinds(seed_docx, line: str, kind: str, level: int | None) -> None:
    block = next(b for b in seed_docx.blocks if seed_docx.text[b.start:b.end] == line)
    assert (block.kind, block.level) == (kind, level)


def test_seed_docx_table(seed_docx) -> None:
    assert len(seed_docx.tables) == 1
    df = seed_docx.tables[0]
    assert df.columns.tolist() == ["序号", "平台活动", "签约项目（个）", "投资总额（亿元）", "统计口径"]
    assert df.values.tolist() == [["1", "第十五届西博会", "10", "24", "县投促局统计"],
                                  ["2", "20xx中外知名企业四川行", "11", "33.8", ""],
                                  ["合计", "", "21", "57.8", ""]]
    rows = [(b.row, seed_docx.text[b.start:b.end]) for b in seed_docx.blocks if b.kind == "table_row"]
    assert rows == [(0, "序号\t平台活动\t签约项目（个）\t投资总额（亿元）\t统计口径"),
                    (1, "1\t第十五届西博会\t10\t24\t县投促局统计"),
                    (2, "2\t20xx中外知名企业四川行\t11\t33.8\t"),
                    (3, "合计\t\t21\t57.8\t")]


@pytest.mark.parametrize("figure", ["县投促局统计", "57.8", "合计\t"])
def test_seed_docx_merged_cells_read_once(seed_docx, figure: str) -> None:
    assert seed_docx.text.count(figure) == 1


def test_seed_docx_table_sits_in_its_section(seed_docx) -> None:
    offset = seed_docx.text.index("合计\t")
    assert seed_docx.section_path(offset) == "一、目标任务完成情况"
    assert seed_docx.article_index(offset) == 1


def test_seed_docx_header_footer_not_in_body(seed_docx) -> None:
    builder = _load_builder()
    with zipfile.ZipFile(SEED_DOCX) as zf:
        assert builder.HEADER_TEXT in zf.read("word/header1.xml").decode()
        assert builder.FOOTER_TEXT in zf.read("word/footer1.xml").decode()
    for needle in (builder.HEADER_TEXT, builder.FOOTER_TEXT, "页眉", "页脚"):
        assert needle not in seed_docx.text


def test_seed_docx_sdt_and_soft_break(seed_docx, seed_xml: str) -> None:
    lines = seed_docx.text.split("\n")
    assert lines.count("区委办:") == 1 and "<w:sdtContent><w:p><w:r><w:t>区委办:" in seed_xml
    joined = next(line for line in lines if line.startswith("xxxx年,在区委、区政府的坚强领导下"))
    assert joined.endswith("现将主要工作情况及下步工作思路汇报如下:")
    assert "现将主要工作情况</w:t><w:br/>" in seed_xml


def test_seed_docx_metadata(seed_docx) -> None:
    assert seed_docx.metadata["title"] == "投资促进工作总结6篇"
    assert seed_docx.metadata["author"] == "Youaremine"
    assert seed_docx.metadata["date"] == "2023-05-10"


# ---------------------------------------------------------------------------------------------
# Word list numbering
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("n, fmt, want", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (23, "chineseCountingThousand", "二十三"), (100, "chineseCounting", "一百"),
    (105, "chineseCountingThousand", "一百零五"), (110, "chineseCounting", "一百一十"),
    (2, "chineseLegalSimplified", "贰"), (12, "chineseLegalSimplified", "拾贰"),
    (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "甲"), (1, "ideographZodiac", "子"),
    (10, "ideographDigital", "一〇"), (1, "decimalEnclosedCircle", "①"), (20, "decimalEnclosedCircleChinese", "⑳"),
    (21, "decimalEnclosedCircle", "㉑"), (3, "decimalEnclosedParen", "⑶"), (2, "decimalEnclosedFullstop", "⒉"),
    (4, "ideographEnclosedCircle", "㈣"), (7, "decimalFullWidth", "７"), (3, "decimal", "3"),
    (4, "decimalZero", "04"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (2, "upperLetter", "B"),
    (28, "lowerLetter", "bb"), (2, "ordinal", "2nd"), (5, "none", ""), (6, "someFutureFormat", "6"),
])
def test_format_list_number(n: int, fmt: str, want: str) -> None:
    assert format_list_number(n, fmt) == want


def test_numbering_levels_restart_and_continue() -> None:
    body = "".join([
        p("工作完成情况", num=("1", 0)), p("招商引资", num=("1", 1)), p("项目建设", num=("1", 1)),
        p("签约项目10个", num=("1", 2)), p("开工项目6个", num=("1", 2)), p("履约率90%", num=("1", 3)),
        p("存在问题", num=("1", 0)), p("融资难", num=("1", 1)), p("用地少", num=("1", 2)),
    ])
    assert lines_of(make_docx(body, numbering=OUTLINE + num(1, 0))) == [
        "一、工作完成情况", "（一）招商引资", "（二）项目建设", "1.签约项目10个", "2.开工项目6个", "①履约率90%",
        "二、存在问题", "（一）融资难", "1.用地少"]


def test_numbering_start_value_and_start_override() -> None:
    numbering = (abstract(0, lvl(0, "chineseCounting", "%1、", start=3)) + num(1, 0)
                 + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
    body = p("甲", num=("1", 0)) + p("乙", num=("1", 0)) + p("丙", num=("2", 0)) + p("丁", num=("1", 0))
    assert lines_of(make_docx(body, numbering=numbering)) == ["三、甲", "四、乙", "一、丙", "五、丁"]


def test_numbering_shared_abstract_continues_across_num_ids() -> None:
    numbering = OUTLINE + num(1, 0) + num(2, 0)
    body = p("甲", num=("1", 0)) + p("正文") + p("乙", num=("2", 0))
    assert lines_of(make_docx(body, numbering=numbering)) == ["一、甲", "正文", "二、乙"]


def test_numbering_lvl_restart_zero_never_restarts() -> None:
    numbering = abstract(0, lvl(0, "chineseCounting", "%1、"),
                         lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')) + num(1, 0)
    body = p("甲", num=("1", 0)) + p("a", num=("1", 1)) + p("乙", num=("1", 0)) + p("b", num=("1", 1))
    assert lines_of(make_docx(body, numbering=numbering)) == ["一、甲", "1.a", "二、乙", "2.b"]


def test_numbering_multilevel_and_legal_labels() -> None:
    numbering = (abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"))
                 + abstract(1, lvl(0, "chineseCounting", "第%1章"), lvl(1, "chineseCounting", "%1.%2", extra="<w:isLgl/>"))
                 + num(1, 0) + num(2, 1))
    body = (p("总体", num=("1", 0)) + p("目标", num=("1", 1)) + p("措施", num=("1", 1))
            + p("概况", num=("2", 0)) + p("细则", num=("2", 1)))
    assert lines_of(make_docx(body, numbering=numbering)) == ["1.总体", "1.1目标", "1.2措施", "第一章概况", "1.1细则"]


def test_numbering_bullets_skipped_and_num_id_zero() -> None:
    numbering = abstract(0, lvl(0, "bullet", "\uf0b7")) + num(1, 0) + OUTLINE.replace('w:abstractNumId="0"', 'w:abstractNumId="5"') + num(2, 5)
    body = p("要点一", num=("1", 0)) + p("编号", num=("2", 0)) + p("取消编号", style="ListHead", num=("0", None))
    styles = STYLES.replace('<w:numId w:val="1"/>', '<w:numId w:val="2"/>')
    assert lines_of(make_docx(body, numbering=numbering, styles=styles)) == ["要点一", "一、编号", "取消编号"]


def test_numbering_inherited_from_style_chain_and_pstyle_level() -> None:
    numbering = abstract(0, lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="ListHead"/>'),
                         lvl(1, "chineseCounting", "(%2)", extra='<w:pStyle w:val="ListHeadChild"/>')) + num(1, 0)
    styles = STYLES + ('<w:style w:type="paragraph" w:styleId="ListPlain"><w:name w:val="编号正文"/>'
                       '<w:basedOn w:val="ListHead"/></w:style>')
    body = (p("目标任务完成情况", style="ListHead")  # numId from the style, ilvl from the lvl's pStyle
            + p("加强组织领导", style="ListHeadChild")  # numId inherited through basedOn, lvl 1 by pStyle
            + p("主要工作措施", style="ListPlain")  # numId inherited, no pStyle match: level 0
            + p("注重对外宣传", style="ListHead", num=(None, 1)).replace('<w:numId w:val="None"/>', ""))  # own ilvl only
    assert lines_of(make_docx(body, numbering=numbering, styles=styles)) == [
        "一、目标任务完成情况", "(一)加强组织领导", "二、主要工作措施", "(一)注重对外宣传"]


def test_numbering_style_link() -> None:
    styles = STYLES + ('<w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/>'
                       '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>')
    numbering = (abstract(0, lvl(0, "chineseCounting", "%1、"), extra='<w:styleLink w:val="OutlineList"/>')
                 + abstract(1, extra='<w:numStyleLink w:val="OutlineList"/>') + num(7, 0) + num(8, 1))
    body = p("甲", num=("8", 0)) + p("乙", num=("8", 0))
    assert lines_of(make_docx(body, numbering=numbering, styles=styles)) == ["一、甲", "二、乙"]


@pytest.mark.parametrize("fmt, text, suff, want", [
    ("chineseCounting", "%1、", "tab", "一、标题"), ("chineseCounting", "（%1）", "tab", "（一）标题"),
    ("decimalEnclosedCircle", "%1", "tab", "①标题"), ("decimal", "%1.", "tab", "1. 标题"),
    ("decimal", "%1.", "space", "1. 标题"), ("decimal", "%1.", "nothing", "1.标题"),
])
def test_numbering_suffix(fmt: str, text: str, suff: str, want: str) -> None:
    numbering = abstract(0, lvl(0, fmt, text, suff=suff)) + num(1, 0)
    assert lines_of(make_docx(p("标题", num=("1", 0)), numbering=numbering)) == [want]


def test_numbering_label_goes_after_indentation_and_empty_items_count() -> None:
    body = p("\u3000\u3000目标", num=("1", 0)) + p("", num=("1", 0)) + p("问题", num=("1", 0))
    result = read(make_docx(body, numbering=OUTLINE + num(1, 0)))
    assert result.text.split("\n") == ["\u3000\u3000一、目标", "三、问题"]
    assert result.text[result.blocks[0].start:result.blocks[0].end] == "一、目标"


def test_numbering_missing_definitions_are_ignored() -> None:
    body = p("无定义", num=("9", 0)) + p("无级别", num=("1", 7))
    assert lines_of(make_docx(body, numbering=OUTLINE + num(1, 0))) == ["无定义", "无级别"]
    assert lines_of(make_docx(p("无编号部件", num=("1", 0)))) == ["无编号部件"]


# ---------------------------------------------------------------------------------------------
# Headings and metadata
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("style, ppr, kind, level", [
    ("Heading1", "", "heading", 1),
    ("Heading2", "", "heading", 2),
    ("1", "", "heading", 3),  # WPS-style Chinese name 标题 3
    ("Outline2", "", "heading", 2),  # outline level on the style
    ("MyHead", "", "heading", 1),  # based on Heading 1
    ("Normal", '<w:outlineLvl w:val="3"/>', "heading", 4),  # outline level on the paragraph
    ("Heading1", '<w:outlineLvl w:val="9"/>', "paragraph", None),  # 9 = body text
    ("Title", "", "paragraph", None),
    (None, "", "paragraph", None),
])
def test_heading_detection(style: str | None, ppr: str, kind: str, level: int | None) -> None:
    result = read(make_docx(p("招商引资工作", style=style, ppr=ppr), styles=STYLES))
    assert [(b.kind, b.level) for b in result.blocks] == [(kind, level)]


def test_title_style_and_core_metadata() -> None:
    body = p("2023年投资促进工作总结", style="Title") + p("一、目标任务完成情况")
    assert read(make_docx(body, styles=STYLES)).metadata == {"title": "2023年投资促进工作总结"}
    core = ('<dc:title>招商引资总结</dc:title><dc:creator>县投促局</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2023-05-10T08:00:00Z</dcterms:created>')
    assert read(make_docx(body, styles=STYLES, core=core)).metadata == {
        "title": "招商引资总结", "author": "县投促局", "date": "2023-05-10"}
    empty_core = "<dc:title></dc:title><dc:creator>  </dc:creator>"
    assert read(make_docx(p("正文"), core=empty_core)).metadata == {}


def test_no_core_properties_means_no_invented_metadata() -> None:
    assert read(make_docx(p("正文"))).metadata == {}  # python-docx would say "python-docx" / now


# ---------------------------------------------------------------------------------------------
# Paragraph text
# ---------------------------------------------------------------------------------------------
R = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'


@pytest.mark.parametrize("inner, want", [
    (R.format("全县到位资金") + "<w:r><w:br/></w:r>" + R.format("60.07亿元"), "全县到位资金60.07亿元"),
    (R.format("增长5.2") + "<w:r><w:br/></w:r>" + R.format("4.6"), "增长5.2 4.6"),
    (R.format("可见") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
     + '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>', "可见显示"),
    (R.format("全县到位") + "<w:r><w:br/></w:r>" + R.format("资金"), "全县到位资金"),
    (R.format("GDP") + '<w:r><w:br w:type="page"/></w:r>' + R.format("growth"), "GDP growth"),
    (R.format("到位资金") + "<w:r><w:cr/></w:r>", "到位资金"),
    (R.format("指标") + "<w:r><w:tab/></w:r>" + R.format("数值"), "指标\t数值"),
    ('<w:ins w:id="1" w:author="a">' + R.format("新增10个") + "</w:ins>"
     '<w:del w:id="2" w:author="a"><w:r><w:delText>删除20个</w:delText></w:r></w:del>', "新增10个"),
    ('<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
     + R.format("投资促进网") + "</w:hyperlink>", "投资促进网"),
    ('<w:smartTag w:uri="u" w:element="e">' + R.format("签约项目") + "</w:smartTag>", "签约项目"),
    ('<w:fldSimple w:instr=" PAGE ">' + R.format("3") + "</w:fldSimple>", "3"),
    ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + R.format("2023年5月") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
     "2023年5月"),
    ('<w:sdt><w:sdtContent>' + R.format("行内控件") + "</w:sdtContent></w:sdt>", "行内控件"),
    (R.format("同比") + "<w:r><w:noBreakHyphen/></w:r>" + R.format("增长"), "同比-增长"),
    ('<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' + R.format("要点"), "要点"),
    ('<w:r><w:sym w:font="SimSun" w:char="2460"/></w:r>' + R.format("要点"), "①要点"),
    ('<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>', "x=1"),
])
def test_paragraph_text(inner: str, want: str) -> None:
    assert lines_of(make_docx(f"<w:p>{inner}</w:p>")) == [want]


def test_text_box_read_once_after_its_paragraph() -> None:
    box = '<w:txbxContent><w:p><w:r><w:t>文本框内签约项目12个</w:t></w:r></w:p></w:txbxContent>'
    inner = ('<w:r><w:t>正文段落</w:t></w:r><w:r><mc:AlternateContent>'
             f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
             f'<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>'
             '</mc:AlternateContent></w:r>')
    assert lines_of(make_docx(f"<w:p>{inner}</w:p>" + p("下一段"))) == ["正文段落", "文本框内签约项目12个", "下一段"]


def test_block_sdt_custom_xml_and_empty_paragraphs() -> None:
    body = (p("第一段") + p("") + p("\u3000\u3000")
            + f'<w:sdt><w:sdtPr/><w:sdtContent>{p("控件内段落")}{tbl(tr(tc("a"), tc("b")))}</w:sdtContent></w:sdt>'
            + f'<w:customXml w:element="x">{p("自定义XML内段落")}</w:customXml>' + p("末段") + "<w:sectPr/>")
    result = read(make_docx(body))
    assert result.text.split("\n") == ["第一段", "控件内段落", "a\tb", "自定义XML内段落", "末段"]
    assert [b.kind for b in result.blocks] == ["paragraph", "paragraph", "table_row", "paragraph", "paragraph"]


def test_block_offsets_follow_split_lines_convention() -> None:
    result = read(make_docx(p("\u3000\u3000全县到位资金60.07亿元。\u3000") + p("  签约10个 ")))
    assert result.text == "\u3000\u3000全县到位资金60.07亿元。\u3000\n  签约10个 "
    assert [result.text[b.start:b.end] for b in result.blocks] == ["全县到位资金60.07亿元。", "签约10个"]


def test_empty_body() -> None:
    result = read(make_docx(p("") + "<w:sectPr/>"))
    assert (result.text, result.blocks, result.tables) == ("", [], [])


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------
def test_table_merges_render_once_and_keep_columns_aligned() -> None:
    table = tbl(
        tr(tc("指标"), tc("2023年", span=2), tc("备注")),
        tr(tc("签约项目（个）"), tc("10"), tc("11"), tc("县投促局", vmerge="restart")),
        tr(tc("投资总额（亿元）"), tc("24"), tc("33.8"), tc(vmerge="continue")),
        tr(tc("合计", span=2), tc("57.8"), tc(vmerge="continue")),
    )
    result = read(make_docx(table))
    assert result.text.split("\n") == ["指标\t2023年\t\t备注", "签约项目（个）\t10\t11\t县投促局",
                                       "投资总额（亿元）\t24\t33.8\t", "合计\t\t57.8\t"]
    assert result.text.count("县投促局") == 1 and result.text.count("合计") == 1
    df = result.tables[0]
    assert df.columns.tolist() == ["指标", "2023年", "2023年.1", "备注"]
    assert df.values.tolist() == [["签约项目（个）", "10", "11", "县投促局"], ["投资总额（亿元）", "24", "33.8", ""],
                                  ["合计", "", "57.8", ""]]
    assert [(b.table, b.row) for b in result.blocks] == [(0, 0), (0, 1), (0, 2), (0, 3)]


def test_table_cell_text_cleanup_and_grid_before() -> None:
    cell = p("绝对额") + p("（万元）") + p("")
    tabbed = "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>"
    table = tbl(tr(tc(), tc(inner=cell), tc(inner=p("Total") + p("value"))),
                tr(tc("存款"), tc(inner=tabbed), tc(inner=p("1.5") + p("2.5"))),
                tr(tc("贷款"), tc("9"), before=1))
    result = read(make_docx(table))
    assert result.text.split("\n") == ["\t绝对额（万元）\tTotal value", "存款\ta b\t1.5 2.5", "\t贷款\t9"]
    assert result.tables[0].columns.tolist() == ["列1", "绝对额（万元）", "Total value"]
    assert result.blocks[0].start == 0 and result.text[result.blocks[0].start:result.blocks[0].end].split("\t")[1] == "绝对额（万元）"


def test_table_numbering_inside_cells_counts_in_document_order() -> None:
    table = tbl(tr(tc(inner=p("项目", num=("1", 0))), tc("10")), tr(tc(inner=p("资金", num=("1", 0))), tc("24")))
    body = p("概况", num=("1", 0)) + table + p("问题", num=("1", 0))
    assert lines_of(make_docx(body, numbering=OUTLINE + num(1, 0))) == ["一、概况", "二、项目\t10", "三、资金\t24", "四、问题"]


def test_table_header_rows_marked_and_two_level() -> None:
    marked = tbl(tr(tc("指标"), tc("数值"), header=True), tr(tc("单位"), tc("亿元"), header=True), tr(tc("投资"), tc("24")))
    df = read(make_docx(marked)).tables[0]
    assert df.attrs["header_rows"] == 2 and df.columns.tolist() == ["指标/单位", "数值/亿元"]
    two_level = tbl(tr(tc("指标", vmerge="restart"), tc("2016年", span=2)),
                    tr(tc(vmerge="continue"), tc("绝对数（亿元）"), tc("比上年增长（%）")),
                    tr(tc("地区生产总值"), tc("939.05"), tc("13.3")))
    result = read(make_docx(two_level))
    df = result.tables[0]
    assert df.attrs["header_rows"] == 2
    assert df.columns.tolist() == ["指标", "2016年/绝对数（亿元）", "2016年/比上年增长（%）"]
    assert df.values.tolist() == [["地区生产总值", "939.05", "13.3"]]
    assert [b.row for b in result.blocks] == [0, 1, 2]


def test_a_first_row_merged_across_the_table_is_its_title() -> None:
    # 南京 2022 表1: the caption is the first row, one cell over all columns; the header is the row below
    table = tbl(tr(tc("表1 2022年居民消费和商品零售价格涨跌幅度（单位：%）", span=3)),
                tr(tc("指标名称"), tc("2021年"), tc("2022年")), tr(tc("居民消费价格"), tc("1.5"), tc("2.2")))
    result = read(make_docx(table))
    df = result.tables[0]
    assert df.columns.tolist() == ["指标名称", "2021年", "2022年"] and df.values.tolist() == [["居民消费价格", "1.5", "2.2"]]
    assert df.attrs["header_rows"] == 2 and [b.row for b in result.blocks] == [0, 1, 2]
    assert (df.attrs["caption"], df.attrs["unit"]) == ("表1 2022年居民消费和商品零售价格涨跌幅度（单位：%）", "%")
    # a merged first row over two rows only is still the header (no data row would be left)
    short = read(make_docx(tbl(tr(tc("2022年", span=2)), tr(tc("投资"), tc("24"))))).tables[0]
    assert short.attrs["header_rows"] == 1 and short.values.tolist() == [["投资", "24"]]


def test_table_first_row_is_header_even_when_data_like() -> None:
    table = tbl(tr(tc("939.05"), tc("13.3")), tr(tc("184.11"), tc("6.1")))
    df = read(make_docx(table)).tables[0]
    assert df.columns.tolist() == ["939.05", "13.3"] and df.values.tolist() == [["184.11", "6.1"]]
    assert df.attrs["header_rows"] == 1


def test_table_jagged_rows_padded_and_duplicate_names() -> None:
    table = tbl(tr(tc("项目"), tc("项目"), tc("")), tr(tc("a")), tr(tc("b"), tc("c"), tc("d")))
    result = read(make_docx(table))
    assert result.text.split("\n") == ["项目\t项目\t", "a\t\t", "b\tc\td"]
    assert result.tables[0].columns.tolist() == ["项目", "项目.1", "列3"]


def test_nested_table_flattened_into_cell() -> None:
    nested = tbl(tr(tc("内1"), tc("内2")), tr(tc("内3"), tc("")))
    table = tbl(tr(tc("外"), tc(inner=p("说明") + nested + p(""))))
    result = read(make_docx(table))
    assert result.text == "外\t说明内1 内2内3"
    assert len(result.tables) == 1


def test_tables_in_order_with_indexes() -> None:
    body = p("表1") + tbl(tr(tc("a"), tc("b")), tr(tc("1"), tc("2"))) + p("表2") + tbl(tr(tc("c")), tr(tc("3")))
    result = read(make_docx(body))
    assert [(b.kind, b.table, b.row) for b in result.blocks] == [
        ("paragraph", None, None), ("table_row", 0, 0), ("table_row", 0, 1),
        ("paragraph", None, None), ("table_row", 1, 0), ("table_row", 1, 1)]
    assert [df.columns.tolist() for df in result.tables] == [["a", "b"], ["c"]]


def test_large_table_reads_completely() -> None:
    rows = "".join(tr(*(tc(f"{r}.{c}") for c in range(6))) for r in range(3000))
    body = tbl(rows) + "".join(p(f"第{i}段，签约项目{i}个。") for i in range(5000))
    result = read(make_docx(body))
    assert len(result.tables[0]) == 2999 and len(result.blocks) == 8000
    assert result.tables[0].iloc[-1].tolist() == [f"2999.{c}" for c in range(6)]
    assert result.text.endswith("第4999段，签约项目4999个。")


# ---------------------------------------------------------------------------------------------
# Bad input and safety
# ---------------------------------------------------------------------------------------------
def _raises(exc: type[Exception], data: bytes, tmp_path: Path, *words: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Read ``data`` from a file named 坏文件.docx with read_document; return the message."""
    path = tmp_path / "坏文件.docx"
    path.write_bytes(data)
    with pytest.raises(exc) as info:
        read_document(path, limits=limits)
    message = str(info.value)
    assert str(path) in message and info.value.path == str(path)
    for w in words:
        assert w in message
    return message


def test_not_a_zip(tmp_path: Path) -> None:
    _raises(ReadError, "这不是一个Word文件".encode("utf-8") * 10, tmp_path, "not a DOCX (zip) file")
    with pytest.raises(ReadError, match="x.docx: not a DOCX"):
        read_docx(b"PK\x03\x04 truncated", "x.docx", DEFAULT_LIMITS)


def test_zip_without_document_xml(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _raises(ReadError, buf.getvalue(), tmp_path, "missing word/document.xml")
    _raises(ReadError, make_docx(p("x"), skip=("_rels/.rels",)), tmp_path, "missing _rels/.rels")
    msg = _raises(ReadError, make_docx(p("x"), skip=("word/document.xml",)), tmp_path, "word/document.xml")
    assert "main document part" in msg
    _raises(ReadError, make_docx(p("x"), skip=("[Content_Types].xml",)), tmp_path, "[Content_Types].xml")


def _with_member(data: bytes, name: str, blob: bytes) -> bytes:
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, blob)
    return buf.getvalue()


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    data = _with_member(make_docx(p("正文")), "word/media/zeros.bin", b"\0" * 2_000_000)
    assert len(data) < 20_000
    msg = _raises(FileTooLargeError, data, tmp_path, "Limits.max_unpacked_bytes", "1,000,000-byte limit",
                  limits=Limits(max_unpacked_bytes=1_000_000))
    assert "unpacks to 2,00" in msg
    assert read_docx(data, "ok.docx", Limits(max_unpacked_bytes=3_000_000)).text == "正文"


def test_zip_bomb_compression_ratio(tmp_path: Path) -> None:
    data = _with_member(make_docx(p("正文")), "word/media/image1.png", b"\0" * 8_000_000)
    _raises(FileTooLargeError, data, tmp_path, "word/media/image1.png", "zip bomb")


XXE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
       f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
LAUGHS = ('<?xml version="1.0"?>\n<!-- a comment first -->\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + f']>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_attacks_refused(tmp_path: Path, xml: str) -> None:
    _raises(ReadError, make_docx("", document_xml=xml), tmp_path, "word/document.xml", "DTD")  # refused, never expanded


def test_dtd_in_any_part_refused(tmp_path: Path) -> None:
    styles = '<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.com/x.dtd"><w:styles xmlns:w="' + W_NS + '"/>'
    data = make_docx(p("正文"), extra={"word/styles.xml": styles.encode()})
    _raises(ReadError, data, tmp_path, "word/styles.xml", "DTD")
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>').encode("utf-16")
    _raises(ReadError, make_docx(p("正文"), extra={"customXml/item1.xml": utf16}), tmp_path, "customXml/item1.xml", "DTD")


def test_python_docx_parser_does_not_resolve_entities() -> None:
    """Second line of defence: even without our DTD check, python-docx's parser keeps entities unexpanded."""
    from docx.oxml.parser import parse_xml

    element = parse_xml(XXE.encode("utf-8"))
    assert "root:" not in "".join(element.itertext())


def test_malformed_document_xml(tmp_path: Path) -> None:
    _raises(ReadError, make_docx("", document_xml=f'<w:document xmlns:w="{W_NS}"><w:body><w:p>'), tmp_path, "malformed XML")


@pytest.mark.parametrize("blob, words", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512,
     ("password-protected",)),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024 + "WordDocument".encode("utf-16-le"), ("OLE2",)),
])
def test_ole2_files_named_docx(tmp_path: Path, blob: bytes, words: tuple[str, ...]) -> None:
    _raises(UnsupportedFormatError, blob, tmp_path, *words)


def test_encrypted_zip_member(tmp_path: Path) -> None:
    data = bytearray(make_docx(p("正文")))
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 0x1  # general-purpose flag bit 0: encrypted
    _raises(UnsupportedFormatError, bytes(data), tmp_path, "encrypted")


def test_corrupt_member(tmp_path: Path) -> None:
    data = bytearray(make_docx(p("签约项目10个。" * 200)))
    start = data.find(b"word/document.xml") + len("word/document.xml")  # the local header's name, then data
    data[start + 40:start + 80] = b"\xff" * 40
    _raises(ReadError, bytes(data), tmp_path, "corrupt DOCX")


def test_merge_spans_clamped_and_table_size_limited(tmp_path: Path) -> None:
    rows = "".join(tr(tc("x", span=5000)) for _ in range(50))
    assert read(make_docx(tbl(rows))).tables[0].shape == (49, docx_reader.MAX_SPAN)
    wide = tr(*(tc("x", span=64) for _ in range(1000))) + "".join(tr(tc("y")) for _ in range(40))
    _raises(FileTooLargeError, make_docx(tbl(wide)), tmp_path, "cell limit")


def test_non_word_main_part(tmp_path: Path) -> None:
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    _raises(UnsupportedFormatError, make_docx(p("x"), main_ct=ct), tmp_path, "not a Word document")


def test_strict_ooxml_and_missing_body(tmp_path: Path) -> None:
    strict = ('<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
              '<w:body><w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>')
    _raises(UnsupportedFormatError, make_docx("", document_xml=strict), tmp_path, "Strict Open XML")
    _raises(ReadError, make_docx("", document_xml=f'<w:document xmlns:w="{W_NS}"/>'), tmp_path, "no document body")


def test_macro_enabled_main_part_is_read() -> None:
    data = make_docx(p("宏文档正文"), main_ct="application/vnd.ms-word.document.macroEnabled.main+xml")
    assert read(data).text == "宏文档正文"


def test_read_document_dispatch_and_doc_id(tmp_path: Path) -> None:
    path = tmp_path / "投资促进工作总结.docx"
    path.write_bytes(make_docx(p("一、目标任务完成情况", style="Heading1") + p("签约项目10个。"), styles=STYLES))
    doc = read_document(path)
    assert (doc.doc_id, doc.format) == ("投资促进工作总结", "docx")
    assert [s.title for s in doc.sections] == ["一、目标任务完成情况"]
    assert read_document(path.read_bytes()).text == doc.text  # bytes are sniffed as DOCX


# ---------------------------------------------------------------------------------------------
# What a table keeps besides its cells: caption, unit, row indentation
# ---------------------------------------------------------------------------------------------
def test_table_caption_unit_line_and_indentation() -> None:
    rows = (tr(tc(""), tc("绝对数"))
            + tr(tc("粮食"), tc("1223474"))
            + tr(tc(inner=p("其中：夏粮", ppr='<w:ind w:firstLineChars="100"/>')), tc("206624"))
            + tr(tc(inner=p("\u3000\u3000秋粮")), tc("1016850"))
            + tr(tc(inner=p("水稻", ppr='<w:jc w:val="center"/>')), tc("759628")))
    r = read(make_docx(p("表3主要农产品产量") + p("单位：吨") + tbl(rows)))
    attrs = r.tables[0].attrs
    assert (attrs["caption"], attrs["unit"], attrs["pages"], attrs["header_rows"]) == ("表3主要农产品产量", "吨", None, 1)
    # (where the cell's text starts, where the name starts after 其中：, font size) in points; None when centred
    assert attrs["indent"] == [(0.0, 0.0, 10.5), (10.5, 42.0, 10.5), (21.0, 21.0, 10.5), None]


@pytest.mark.parametrize("before,caption,unit", [
    (["表4主要林业产品产量（单位：吨）"], "表4主要林业产品产量（单位：吨）", "吨"),
    (["全州经济运行良好。", "附表1 主要指标"], "附表1 主要指标", ""),
    (["全年全州财税收入达到156.40亿元，比上年增长2.3%。"], "", ""),
])
def test_table_caption_rules(before: list[str], caption: str, unit: str) -> None:
    r = read(make_docx("".join(p(t) for t in before) + tbl(tr(tc(""), tc("产量")) + tr(tc("生漆"), tc("150")))))
    assert (r.tables[0].attrs["caption"], r.tables[0].attrs["unit"]) == (caption, unit)
