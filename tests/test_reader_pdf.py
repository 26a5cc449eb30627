"""The PDF reader on real government PDFs (``shared/formats``), the committed seed PDF and small
PDFs built here with PDFium (Latin text, since PDFium's standard fonts have no CJK glyphs).

Each real-file case quotes a passage found in the file and names the artifact it checks.
"""
from __future__ import annotations

import ctypes
import doctest
import io
import re
from pathlib import Path
from typing import Callable

import pandas as pd
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from summary_mining import read_document
from summary_mining.errors import FileTooLargeError, NoTextLayerError, ReadError
from summary_mining.readers import read_file_result
from summary_mining.readers import pdf as pdf_module
from summary_mining.readers import pdf_layout
from summary_mining.readers.base import Limits, ReadResult
from summary_mining.readers.pdf import read_pdf
from summary_mining.readers.pdf_layout import Char, join_chars, strip_cjk_spaces, strip_markers

FILES = {
    "beijing": "beijing_2024_gov_work_report.pdf",
    "zhoukou": "zhoukou_2023_stats_bulletin.pdf",
    "qiandongnan": "qiandongnan_2023_stats_bulletin.pdf",
}
SEED_PDF = Path(__file__).resolve().parents[1] / "corpora" / "seed.pdf"
PAGE_NUMBER_LINE = re.compile(r"^[-—–\s]*\d+[-—–\s]*$")
MARKER_IN_FIGURE = re.compile(r"[\u4e00-\u9fff][\[［]\d{1,2}[\]］](?=[\d\u4e00-\u9fff])")


# -- fixtures ------------------------------------------------------------------------------

_READ: dict[str, ReadResult] = {}


@pytest.fixture
def real(request: pytest.FixtureRequest) -> Callable[[str], ReadResult]:
    """Read a file once per session: ``real("zhoukou")``, or ``real("seed")`` for the committed PDF.

    Only the shared/ files need ``formats_dir`` (so only their cases skip when it is absent).
    """
    def get(name: str) -> ReadResult:
        if name not in _READ:
            path = SEED_PDF if name == "seed" else request.getfixturevalue("formats_dir") / FILES[name]
            _READ[name] = read_pdf(path.read_bytes(), path.name, Limits())
        return _READ[name]

    return get


@pytest.fixture(scope="module")
def seed() -> ReadResult:
    return read_pdf(SEED_PDF.read_bytes(), SEED_PDF.name, Limits())


def paragraphs(r: ReadResult) -> list[str]:
    return [r.text[b.start:b.end] for b in r.blocks if b.kind == "paragraph"]


def row_blocks(r: ReadResult, table: int) -> list[tuple[int, int | None, list[str]]]:
    return [(b.row or 0, b.page, r.text[b.start:b.end].split("\t"))
            for b in r.blocks if b.kind == "table_row" and b.table == table]


# -- real files: passages that must come out whole -----------------------------------------

PASSAGES = [
    # a sentence that wraps across lines (提出⏎意见)
    ("beijing", "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。", "wrapped line"),
    # a figure cut from its unit at a line end
    ("beijing", "腾退土地2282公顷", "2282⏎公顷"),
    ("beijing", "城乡建设用地减量约8平方公里", "8⏎平方公里"),
    ("beijing", "启动危旧楼房改建和简易楼腾退20.4万平方米", "20.4⏎万平方米"),
    ("beijing", "11部文艺作品荣获全国“五个一工程”奖", "11⏎部"),
    ("beijing", "全市地区生产总值增长5.2%、约4.4万亿元", "spaces around figures"),
    # sentences running over a page break
    ("beijing", "有序处置重点企业风险", "page 3->4"),
    ("beijing", "着力打造我国自主创新的重要源头", "page 6->7"),
    ("beijing", "以重大项目带动投资“稳规模、优结构”", "page 8->9"),
    # a figure split from its unit across the '- 4 -' footer
    ("zhoukou", "禽蛋产量49.48万吨，下降2.0%；牛奶产量4.32万吨，增长10.9%。", "4.32 ⟂ - 4 - ⟂ 万吨"),
    ("zhoukou", "在规模以上工业中，重工业增加值增长11.2%", "增加 ⟂ - 5 - ⟂ 值"),
    ("zhoukou", "出生率8.47‰；死亡人口7.90万人，死亡率9.04‰；自然增长率-0.57‰。", "‰ figures"),
    ("zhoukou", "全年全市PM2.5年平均浓度47微克/立方米，PM10年平均浓度74微克/立方米", "PM2.5 subscript kept"),
    ("zhoukou", "2023年全市港口货物吞吐量4081万吨，同比增长23.5%", "figure spacing"),
    ("zhoukou", "截至2023年末，全市参加城镇职工基本养老保险人数138.96万人。其中，企业职工基本养老保险参保105.55万人", "page 10->11"),
    # [n] footnote markers dropped from inside figures
    ("qiandongnan", "全年全州生产总值1329.65亿元，比上年增长4.0%", "值[2]1329.65"),
    ("qiandongnan", "规模以上工业增加值比上年增长4.7%", "增加值[3]比"),
    ("qiandongnan", "全年全州500万元及以上固定资产投资比上年增长1.2%", "投资[4]比"),
    ("qiandongnan", "全年全州社会消费品零售总额658.36亿元", "总额[5]658.36"),
    ("qiandongnan", "据全州中心城市居民消费价格调查", "价格[6]调查"),
    ("qiandongnan", "全州城镇常住居民人均可支配收入40867元", "收入[7]40867"),
    # '— 4 —' footer between a word's halves; a percentage wrapped alone onto the next line
    ("qiandongnan", "全年食用菌收获面积2.59万亩，比上年下降23.7%", "面 ⟂ — 4 — ⟂ 积"),
    ("qiandongnan", "全年全州农林牧渔业增加值290.41亿元，比上年增长4.2%。", "增长⏎4.2%"),
    ("qiandongnan", "全州有大中型拖拉机1343台，小型拖拉机2128台；农用水泵58152台。", "水泵⏎58152台"),
    # the seed PDF: page breaks, figure/unit breaks
    ("seed", "在中外知名企业四川行活动、中国西部(四川)国际投资大会", "page 1->2"),
    ("seed", "第十六届西博会以来签约项目履约率94.23%、开工率84.62%、资金到位率22.48%", "page 10->11"),
    ("seed", "新建示范社1个(发展2个", "1⏎个"),
    ("seed", "另还有17个项目正在洽谈", "17⏎个"),
]


@pytest.mark.parametrize("name,passage,artifact", PASSAGES, ids=[f"{n}-{a}" for n, _, a in PASSAGES])
def test_passage_reads_whole(real: Callable[[str], ReadResult], name: str, passage: str, artifact: str) -> None:
    assert any(passage in p for p in paragraphs(real(name))), passage


WHOLE_PARAGRAPHS = [
    ("beijing", "各位代表："),
    ("beijing", "一、2023年工作回顾"),
    ("zhoukou", "一、综合"),  # letter-spaced 综 合, glued to the previous line by PDFium
    ("zhoukou", "二、农业"),
    ("zhoukou", "表1 2023年末周口市常住人口数及其构成"),
    ("zhoukou", "注释："),
    ("qiandongnan", "一、综合"),
    ("qiandongnan", "[1]本公报中数据为初步统计数。部分数据因四舍五入的原因，存在总计与分项合计不等的情况。"),
    ("qiandongnan", "表16 2023年各级各类学校招生数、在校生数及其增长速度"),
    ("seed", "投资促进工作总结篇3"),
    ("seed", "(一)加强组织领导,落实目标考核"),
]


@pytest.mark.parametrize("name,paragraph", WHOLE_PARAGRAPHS)
def test_paragraph_stands_alone(real: Callable[[str], ReadResult], name: str, paragraph: str) -> None:
    assert paragraph in paragraphs(real(name))


@pytest.mark.parametrize("name,last", [
    ("zhoukou", "全市经济运行持续向好、高质量发展步伐坚实。"),
    ("beijing", "人均地区生产总值、全员劳动生产率、万元地区生产总值能耗水耗等多项指标保持全国省级地区最优水平。"),
])
def test_paragraph_ends_where_the_line_is_short(real: Callable[[str], ReadResult], name: str, last: str) -> None:
    assert any(p.endswith(last) for p in paragraphs(real(name)))


@pytest.mark.parametrize("name", ["beijing", "zhoukou", "qiandongnan", "seed"])
def test_no_page_numbers_or_footers_remain(real: Callable[[str], ReadResult], name: str) -> None:
    r = real(name)
    assert [ln for ln in r.text.split("\n") if PAGE_NUMBER_LINE.match(ln)] == []
    assert not any(re.search(r"[-—–]\s*\d{1,2}\s*[-—–](?!\d)", p) for p in paragraphs(r))
    assert "—" not in r.text  # qiandongnan's '— N —' footers
    assert r.text.count("- 2 -") == 0


@pytest.mark.parametrize("name", ["zhoukou", "qiandongnan"])
def test_no_footnote_markers_before_figures(real: Callable[[str], ReadResult], name: str) -> None:
    assert [m.group() for p in paragraphs(real(name)) for m in MARKER_IN_FIGURE.finditer(p)] == []


def test_footnote_definitions_are_kept(real: Callable[[str], ReadResult]) -> None:
    notes = [p[:3] for p in paragraphs(real("qiandongnan")) if p.startswith("[")]
    assert notes == ["[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[7]"]


@pytest.mark.parametrize("spaced,joined", [("综 合", "综合"), ("鲜 菜", "鲜菜"), ("水 产 品", "水产品"), ("指 标", "指标")])
def test_letter_spaced_labels_are_joined(real: Callable[[str], ReadResult], spaced: str, joined: str) -> None:
    text = real("zhoukou").text
    assert spaced not in text and joined in text


def test_no_space_next_to_cjk(real: Callable[[str], ReadResult]) -> None:
    for name in ("beijing", "zhoukou", "qiandongnan"):
        text = real(name).text
        assert not re.search(r"[\u4e00-\u9fff] |\d [\u4e00-\u9fff%]", text), name


# -- tables --------------------------------------------------------------------------------

@pytest.mark.parametrize("name,count", [("beijing", 0), ("zhoukou", 6), ("qiandongnan", 16), ("seed", 0)])
def test_table_count(real: Callable[[str], ReadResult], name: str, count: int) -> None:
    r = real(name)
    assert len(r.tables) == count
    assert len({b.table for b in r.blocks if b.kind == "table_row"}) == count


TABLES = [
    # (file, table index, header, a data row)
    ("zhoukou", 0, ["指标", "年末数（万人）", "比重（%）"], ["其中：城镇", "392.66", "45.31"]),
    ("zhoukou", 0, ["指标", "年末数（万人）", "比重（%）"], ["全市常住人口", "866.60", ""]),
    ("zhoukou", 1, ["类别", "指数（以上年为100）"], ["鲜菜", "91.9"]),
    ("zhoukou", 2, ["产品名称", "产量（万吨）", "比上年增长（%）"], ["牛奶", "4.32", "10.9"]),
    ("zhoukou", 4, ["产品名称", "单位", "产量", "比上年增长（%）"], ["钢材", "吨", "1577693", "48.8"]),
    ("zhoukou", 5, ["指标", "单位", "绝对数", "增长%"], ["#铁路", "亿吨", "0.80", "-6.6"]),
    ("qiandongnan", 0, ["指标名称", "年末数（人）", "比重（%）"], ["全州总户籍人口", "4899310", "100.0"]),
    ("qiandongnan", 0, ["指标名称", "年末数（人）", "比重（%）"], ["女性", "2282011", "46.6"]),  # on page 3
    ("qiandongnan", 1, ["指标名称", "绝对数（亿元）", "比上年增长（%）"], ["林业", "86.95", "4.2"]),
    ("qiandongnan", 3, ["指标名称", "单位", "产量", "比上年增长(%)"], ["活家禽出栏", "万只", "1958.08", "-0.3"]),
    ("qiandongnan", 6, ["指标名称", "单位", "比上年增长"], ["采矿业", "%", "-50.2"]),  # page 9
    ("qiandongnan", 15, ["指标", "绝对数（人）", "比上年增长（%）"], ["各级各类学校在校生数", "961673", "2.1"]),
]


@pytest.mark.parametrize("name,index,header,row", TABLES, ids=[f"{t[0]}-{t[1]}-{t[3][0]}" for t in TABLES])
def test_table_header_and_row(real: Callable[[str], ReadResult], name: str, index: int, header: list[str],
                              row: list[str]) -> None:
    df = real(name).tables[index]
    assert list(df.columns) == header
    assert row in df.values.tolist()


@pytest.mark.parametrize("name", ["zhoukou", "qiandongnan"])
def test_table_rows_in_text_match_frames(real: Callable[[str], ReadResult], name: str) -> None:
    r = real(name)
    for i, df in enumerate(r.tables):
        rows = row_blocks(r, i)
        assert [n for n, _, _ in rows] == list(range(len(df) + 1))
        assert rows[0][2] == list(df.columns)
        assert [cells for _, _, cells in rows[1:]] == df.values.tolist()


@pytest.mark.parametrize("name,index,pages", [
    ("qiandongnan", 0, [2, 2, 2, 2, 3, 3, 3, 3, 3]),  # 表1 continues on page 3 (no top rule there)
    ("qiandongnan", 6, [8, 8, 8] + [9] * 10),  # 表7
    ("zhoukou", 0, [1] * 10),
])
def test_table_continued_over_a_page(real: Callable[[str], ReadResult], name: str, index: int,
                                    pages: list[int]) -> None:
    assert [p for _, p, _ in row_blocks(real(name), index)] == pages


@pytest.mark.parametrize("name,index,caption,pages", [
    ("zhoukou", 5, "表6 2023年周口市交通运输主要指标及增速", (7, 7)),
    ("qiandongnan", 0, "表1 2023年年末户籍人口及其构成", (2, 3)),
    ("qiandongnan", 13, "表14 2023年城乡常住居民人均可支配收入构成及其增长速度", (14, 15)),
    ("qiandongnan", 15, "表16 2023年各级各类学校招生数、在校生数及其增长速度", (17, 18)),
])
def test_table_caption_and_page_span(real: Callable[[str], ReadResult], name: str, index: int, caption: str,
                                     pages: tuple[int, int]) -> None:
    attrs = real(name).tables[index].attrs
    assert (attrs["caption"], attrs["pages"], attrs["header_rows"], attrs["unit"]) == (caption, pages, 1, "")


@pytest.mark.parametrize("name,index,levels", [
    # where each row's name starts (after its marker), in em from the table's least indented row
    ("zhoukou", 2, [0, 4, 4, 4, 8, 8, 4, 4, 0, 4, 0]),  # 粮食 | 其中：夏粮 | 秋粮 | 其中：谷物 | 其中：小麦 | 玉米 | 豆类 …
    ("qiandongnan", 0, [0, 3, 3, 3, 3, 3, 3, 3]),  # 表1 over two pages: the rows of page 3 keep their level
])
def test_table_row_indentation(real: Callable[[str], ReadResult], name: str, index: int, levels: list[int]) -> None:
    indent = real(name).tables[index].attrs["indent"]
    base = min(i[1] for i in indent)
    assert [round((i[1] - base) / i[2]) for i in indent[:len(levels)]] == levels


def test_built_table_attrs() -> None:
    data = make_pdf([[("text", 72, 760, "Table 3 Output of grain", 11), *table_ops(ROWS, 700, rules="three-line")]])
    r = read_pdf(data, "caption.pdf", Limits())
    attrs = r.tables[0].attrs
    assert (attrs["pages"], attrs["header_rows"], len(attrs["indent"])) == ((1, 1), 1, 3)
    assert attrs["indent"][0][0] == XS[0] + 5  # where "Grain" starts


@pytest.mark.parametrize("name,figure", [
    ("zhoukou", "1577693"), ("zhoukou", "242158"), ("zhoukou", "648.14"),
    ("qiandongnan", "4899310"), ("qiandongnan", "2617299"), ("qiandongnan", "31376.00"), ("qiandongnan", "1536.29"),
])
def test_table_figure_appears_once(real: Callable[[str], ReadResult], name: str, figure: str) -> None:
    r = real(name)
    assert r.text.count(figure) == 1
    (block,) = [b for b in r.blocks if figure in r.text[b.start:b.end]]
    assert block.kind == "table_row"


@pytest.mark.parametrize("name", ["zhoukou", "qiandongnan"])
def test_table_rows_not_in_paragraphs(real: Callable[[str], ReadResult], name: str) -> None:
    r = real(name)
    body = "\n".join(paragraphs(r))
    rows = [r.text[b.start:b.end].split("\t") for b in r.blocks if b.kind == "table_row" and b.row]
    full = ["".join(cells) for cells in rows if len(cells) >= 3 and all(cells)]  # short rows may match prose
    assert len(full) > 20 and [row for row in full if row in body] == []


# -- blocks and metadata ---------------------------------------------------------------------

@pytest.mark.parametrize("name,pages,last", [("beijing", 13, 13), ("zhoukou", 13, 12), ("qiandongnan", 21, 21),
                                            ("seed", 11, 11)])
def test_blocks_tile_the_text(real: Callable[[str], ReadResult], name: str, pages: int, last: int) -> None:
    r = real(name)
    assert "\n".join(r.text[b.start:b.end] for b in r.blocks) == r.text
    assert all(b.kind in ("paragraph", "table_row") for b in r.blocks)
    page_seq = [b.page for b in r.blocks]
    assert page_seq == sorted(page_seq) and page_seq[0] == 1 and page_seq[-1] == last  # type: ignore[type-var]
    assert r.metadata["pages"] == pages and r.format == "pdf"
    assert "pdfplumber_pages" not in r.metadata  # no ruled grid: pdfplumber never opened


@pytest.mark.parametrize("name,expected", [
    ("beijing", {"pages": 13, "author": "sky", "date": "2024-02-08"}),  # empty Title left out
    ("zhoukou", {"pages": 13, "date": "2024-04-29"}),
    ("qiandongnan", {"pages": 21, "title": "黔东南苗族侗族自治州", "author": "Lenovo User", "date": "2024-05-08"}),
    ("seed", {"pages": 11, "title": "投资促进工作总结6篇", "author": "Youaremine", "date": "2000-01-01"}),
])
def test_metadata(real: Callable[[str], ReadResult], name: str, expected: dict[str, object]) -> None:
    assert real(name).metadata == expected


def test_paragraph_page_is_where_it_starts(real: Callable[[str], ReadResult]) -> None:
    r = real("zhoukou")
    (block,) = [b for b in r.blocks if "牛奶产量4.32万吨" in r.text[b.start:b.end]]
    assert block.page == 3  # runs on to page 4


# -- the committed seed PDF (no shared/ needed) ------------------------------------------------

def _normalise(line: str) -> str:
    return re.sub(r" +(?=[%﹪])", "", strip_cjk_spaces(line.strip()))


def test_seed_pdf_paragraphs_equal_seed_txt(seed: ReadResult, seed_text: str) -> None:
    expected = [_normalise(line) for line in seed_text.splitlines() if line.strip()]
    assert paragraphs(seed) == expected


def test_seed_running_header_removed(seed: ReadResult, seed_text: str) -> None:
    header = "投资促进工作总结6篇"
    assert paragraphs(seed).count(header) == seed_text.splitlines().count(header) == 2


def test_seed_pages_and_blocks(seed: ReadResult) -> None:
    pages = [b.page for b in seed.blocks]
    assert pages[0] == 1 and pages[-1] == 11 and pages == sorted(pages)  # type: ignore[type-var]
    assert seed.metadata["pages"] == 11 and seed.tables == []


def test_seed_pdf_through_read_document(seed_path: Path) -> None:
    doc = read_document(seed_path.with_suffix(".pdf"))
    assert doc.format == "pdf" and doc.doc_id == "seed"
    assert [a.title for a in doc.articles] == [f"投资促进工作总结篇{i}" for i in range(1, 7)]
    assert doc.sections[0].title == "一、目标任务完成情况"
    offset = doc.text.index("60.07亿元")
    assert doc.section_path(offset) == "一、目标任务完成情况"
    assert doc.block_at(offset).page == 1  # type: ignore[union-attr]


# -- PDFs built here -------------------------------------------------------------------------

Op = tuple  # ("text", x, y, text, size) | ("line", x0, y0, x1, y1)


def make_pdf(pages: list[list[Op]], size: tuple[float, float] = (595.0, 842.0)) -> bytes:
    """A PDF with Helvetica text and stroked lines, one list of operations per page."""
    pdf = pdfium.PdfDocument.new()
    font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for ops in pages:
        page = pdf.new_page(*size)
        for op in ops:
            if op[0] == "text":
                _, x, y, text, font_size = op
                obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, font_size)
                wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
                pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
                pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            else:
                _, x0, y0, x1, y1 = op
                obj = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
                pdfium_c.FPDFPath_LineTo(obj, x1, y1)
                pdfium_c.FPDFPath_SetDrawMode(obj, 0, 1)
                pdfium_c.FPDFPageObj_SetStrokeWidth(obj, 1.0)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


ROWS: list[tuple[str, ...]] = [
    ("Item", "Amount", "Growth"), ("Grain", "133.77", "-2.3"), ("Oil crops", "11.15", "12.2"), ("Tea", "2.24", "4.0")]
XS = [100.0, 250.0, 380.0, 500.0]
INTRO = ("text", 72, 760, "Output rose last year as follows in the table below.", 11)


def table_ops(rows: list[tuple[str, ...]], top: float, *, rules: str) -> list[Op]:
    """A table: ``grid`` (every row ruled), ``three-line`` (top, header, bottom rules) or ``none``."""
    ops: list[Op] = []
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            ops.append(("text", XS[j] + 5, top - 20 * i - 14, cell, 10))
    bottom = top - 20 * len(rows)
    if rules == "grid":
        ops += [("line", XS[0], top - 20 * i, XS[-1], top - 20 * i) for i in range(len(rows) + 1)]
        ops += [("line", x, top, x, bottom) for x in XS]
    elif rules == "three-line":
        ops += [("line", XS[0], y, XS[-1], y) for y in (top, top - 20, bottom)]
    return ops


EXPECTED = pd.DataFrame([list(r) for r in ROWS[1:]], columns=list(ROWS[0]))


@pytest.mark.parametrize("rules,plumber", [("grid", [1]), ("three-line", None), ("none", None)])
def test_built_table(rules: str, plumber: list[int] | None) -> None:
    data = make_pdf([[INTRO, *table_ops(ROWS, 700, rules=rules),
                      ("text", 72, 560, "Prices were stable.", 11)]])
    r = read_pdf(data, f"{rules}.pdf", Limits())
    assert len(r.tables) == 1
    pd.testing.assert_frame_equal(r.tables[0], EXPECTED)
    assert r.text.split("\n") == ["Output rose last year as follows in the table below.",
                                  "Item\tAmount\tGrowth", "Grain\t133.77\t-2.3", "Oil crops\t11.15\t12.2",
                                  "Tea\t2.24\t4.0", "Prices were stable."]
    assert r.metadata.get("pdfplumber_pages") == plumber  # pdfplumber only for the ruled grid


def test_grid_read_without_pdfplumber_when_it_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, number: int) -> None:
        raise RuntimeError("pdfminer choked")

    monkeypatch.setattr(pdf_module._Plumber, "page", broken)
    r = read_pdf(make_pdf([[INTRO, *table_ops(ROWS, 700, rules="grid")]]), "grid.pdf", Limits())
    pd.testing.assert_frame_equal(r.tables[0], EXPECTED)
    assert "pdfplumber_pages" not in r.metadata


def test_built_table_continues_on_next_page() -> None:
    rows: list[tuple[str, ...]] = ROWS + [("Fruit", "93.90", "1.8"), ("Meat", "19.23", "4.7")]
    first = table_ops(rows[:4], 140, rules="none")  # ends at the bottom of page 1
    header: list[tuple[str, ...]] = [("x",)]
    second = [(op[0], op[1], op[2] + 680, *op[3:]) for op in table_ops(header + rows[4:], 140, rules="none")][1:]
    data = make_pdf([[INTRO, *first, ("text", 290, 40, "- 1 -", 10)], [*second, ("text", 290, 40, "- 2 -", 10)]])
    r = read_pdf(data, "two-pages.pdf", Limits())
    assert len(r.tables) == 1
    assert r.tables[0].values.tolist()[-2:] == [["Fruit", "93.90", "1.8"], ["Meat", "19.23", "4.7"]]
    assert [b.page for b in r.blocks if b.kind == "table_row"] == [1, 1, 1, 1, 2, 2]


def test_built_paragraph_over_page_break_and_latin_spaces() -> None:
    line1 = ("text", 72, 100, "The county attracted new investment projects in the first ten months worth", 12)
    line2 = ("text", 72, 760, "60.07 million yuan in all.", 12)
    data = make_pdf([[("text", 96, 120, "Summary of work done this year:", 12), line1, ("text", 290, 40, "- 1 -", 10)],
                     [line2, ("text", 290, 40, "- 2 -", 10)]])
    r = read_pdf(data, "latin.pdf", Limits())
    assert r.text == ("Summary of work done this year:\nThe county attracted new investment projects in the "
                      "first ten months worth 60.07 million yuan in all.")
    assert [b.page for b in r.blocks] == [1, 1]


def test_built_running_header_dropped_but_same_title_kept() -> None:
    first, second = "Revenue grew steadily over the whole year, as the tables of this report", "show."
    pages = [[("text", 200, 800, "Annual Report 2023", 9), ("text", 96, 700, first, 11), ("text", 72, 686, second, 11),
              ("text", 270, 30, f"Page {n} of 3", 9)] for n in (1, 2, 3)]
    pages[0].append(("text", 180, 765, "Annual Report 2023", 18))  # the title, also in the top zone
    r = read_pdf(make_pdf(pages), "header.pdf", Limits())
    assert r.text.split("\n") == ["Annual Report 2023"] + [f"{first} {second}"] * 3


def test_column_names_like_the_docx_reader() -> None:
    assert pdf_module._column_names(["指标", "", "指标", "指标"]) == ["指标", "列2", "指标.1", "指标.2"]


def test_built_superscript_marker_dropped() -> None:
    data = make_pdf([[("text", 72, 700, "GDP", 12), ("text", 97.5, 706, "[2]", 7),
                      ("text", 108, 700, "reached 1329.65.", 12)]])
    assert read_pdf(data, "marker.pdf", Limits()).text == "GDP reached 1329.65."


# -- bad input -------------------------------------------------------------------------------

def hand_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF written by hand: numbered objects, an xref table and a trailer."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return out


def type0_pdf(to_unicode: bytes | None) -> bytes:
    """One page of glyph codes in a Type0/Identity-H font, with or without a ToUnicode map."""
    content = b"BT /F1 12 Tf 72 700 Td <0a1b0c2d0e3f1122334455667788> Tj ET"
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R]"
    font += b" /ToUnicode 7 0 R >>" if to_unicode else b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    if to_unicode:
        objects.append(b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream")
    return hand_pdf(objects)


PUA_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PUA def /CMapType 2 def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange 7 beginbfchar <0a1b> <E000> <0c2d> <E001> "
            b"<0e3f> <E002> <1122> <E003> <3344> <E004> <5566> <E005> <7788> <E006> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")


def blank_pdf(pages: int = 1) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


ENCRYPTED = hand_pdf(
    [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
     b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"],
    b"/Encrypt 4 0 R /ID [<" + b"33" * 16 + b"><" + b"33" * 16 + b">] ")
ZERO_PAGES = hand_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])

BAD = [
    ("scan.pdf", lambda: blank_pdf(2), NoTextLayerError, r"scan\.pdf: no text layer: none of the 2 pages"),
    ("cid.pdf", lambda: type0_pdf(None), NoTextLayerError, r"cid\.pdf: unusable text layer: .*\(cid:NN\)"),
    ("pua.pdf", lambda: type0_pdf(PUA_CMAP), NoTextLayerError, r"pua\.pdf: unusable text layer: 100% .*private-use"),
    ("secret.pdf", lambda: ENCRYPTED, ReadError, r"secret\.pdf: encrypted PDF: a password is required"),
    ("empty.pdf", lambda: ZERO_PAGES, ReadError, r"empty\.pdf: PDF has no pages"),
    ("random.pdf", lambda: bytes(range(256)) * 40, ReadError, r"random\.pdf: not a valid PDF \(truncated or damaged\)"),
    ("half.pdf", lambda: SEED_PDF.read_bytes()[: SEED_PDF.stat().st_size * 3 // 10], ReadError,
     r"half\.pdf: not a valid PDF \(truncated or damaged\)"),
]


@pytest.mark.parametrize("name,make,error,message", BAD, ids=[b[0] for b in BAD])
def test_bad_pdf_raises_typed_error(tmp_path: Path, name: str, make: Callable[[], bytes], error: type,
                                    message: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error, match=message) as info:
        read_file_result(path)
    assert type(info.value) is error and getattr(info.value, "path") == str(path)


def test_truncated_real_pdf(formats_dir: Path) -> None:
    data = (formats_dir / FILES["beijing"]).read_bytes()
    with pytest.raises(ReadError, match=r"^cut\.pdf: not a valid PDF \(truncated or damaged\)"):
        read_pdf(data[: len(data) * 3 // 10], "cut.pdf", Limits())


def test_page_limit(seed_path: Path) -> None:
    with pytest.raises(FileTooLargeError, match=r"seed\.pdf: 11 pages exceeds the 2-page limit \(Limits\.max_pages\)"):
        read_file_result(seed_path.with_suffix(".pdf"), limits=Limits(max_pages=2))


def test_bytes_input_names_bytes() -> None:
    with pytest.raises(NoTextLayerError, match=r"^<bytes>: no text layer"):
        read_document(blank_pdf())


# -- helpers and speed ------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("综 合 60.07 亿元 PM2.5 index", "综合60.07亿元PM2.5 index"),
    ("鲜 菜\t91.9", "鲜菜\t91.9"),
])
def test_strip_cjk_spaces(text: str, expected: str) -> None:
    assert strip_cjk_spaces(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("全年全州生产总值[2]1329.65亿元", "全年全州生产总值1329.65亿元"),
    ("固定资产投资[4]比上年增长1.2%", "固定资产投资比上年增长1.2%"),
    ("[1]本公报数据为初步统计数。", "[1]本公报数据为初步统计数。"),
    ("新标准[AQI]", "新标准[AQI]"),
    ("文件[2023]5号", "文件[2023]5号"),
])
def test_strip_markers(text: str, expected: str) -> None:
    assert strip_markers(text) == expected


def chars(spec: str, size: float = 12.0) -> list[Char]:
    """``"ab 亿"`` -> characters laid left to right; a space leaves a 5pt gap."""
    out, x = [], 0.0
    for ch in spec:
        if ch == " ":
            x += 5
            continue
        w = size if ord(ch) > 0x2E80 else size / 2
        out.append(Char(ch, x, 0, x + w, size))
        x += w
    return out


@pytest.mark.parametrize("spec,expected", [
    ("60.07 亿元", "60.07亿元"), ("综 合", "综合"), ("Youth League", "Youth League"),
    ("5.3 %", "5.3%"), ("表1 2023年", "表1 2023年"), ("( 一 )", "(一)"),
])
def test_join_chars(spec: str, expected: str) -> None:
    assert join_chars(chars(spec)) == expected


@pytest.mark.parametrize("value,expected", [
    ("D:20240208203412+08'00'", "2024-02-08"),
    ("D:20240429", "2024-04-29"),
    ("20000101000000Z", "2000-01-01"),
    ("yesterday", None),
])
def test_pdf_date(value: str, expected: str | None) -> None:
    assert pdf_module._pdf_date(value) == expected


@pytest.mark.parametrize("module", [pdf_module, pdf_layout])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0 and result.attempted > 0


