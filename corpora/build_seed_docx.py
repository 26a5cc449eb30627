"""Build ``corpora/seed.docx``: ``seed.txt`` rendered as a Word file that exercises the DOCX reader.

Run ``python corpora/build_seed_docx.py`` (python-docx needed); the output is byte-for-byte
deterministic (fixed core properties, fixed zip timestamps).

What the file holds besides the seed's paragraphs, one per non-blank line:

* Word **automatic numbering** in articles 1, 4, 5 and 6: the typed outline labels (一、 / (一) /
  1.) are removed and Word's list numbering (``numbering.xml``) draws them. Article 1 gets them
  from the paragraph styles (``Heading 2``/``Heading 3`` carry ``w:numPr``); articles 4-6 use
  paragraph ``w:numPr`` on lists with a ``w:startOverride`` so that each restarts at 一.
  Articles 2 and 3 keep typed labels.
* Headings: article titles use ``Heading 1``, numbered outline headings ``Heading 2``/``3``;
  the first line uses ``Title``.
* A **table** after the 四川行 paragraph of article 1 with 签约项目（个） / 投资总额（亿元）
  headers, a horizontally merged 合计 cell (gridSpan) and a vertically merged 统计口径 cell.
* A **page header and footer** whose text is not body text.
* A block-level **content control** (``w:sdt``) around 区委办: and a **soft line break**
  (``w:br``) between two CJK characters in the first paragraph of article 3.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = Path(__file__).resolve().parent
SEED_TXT = HERE / "seed.txt"
SEED_DOCX = HERE / "seed.docx"

HEADER_TEXT = "网客范文汇编·页眉专用"
FOOTER_TEXT = "内部资料 注意保存·页脚专用"
SDT_LINE = "区委办:"
BREAK_LINE_PREFIX = "xxxx年,在区委、区政府的坚强领导下"
BREAK_AFTER = "现将主要工作情况"
TABLE_AFTER = "20xx中外知名企业四川行活动签约项目11个"
TABLE = [
    ["序号", "平台活动", "签约项目（个）", "投资总额（亿元）", "统计口径"],
    ["1", "第十五届西博会", "10", "24", "县投促局统计"],
    ["2", "20xx中外知名企业四川行", "11", "33.8", ""],
    ["合计", "", "21", "57.8", ""],
]

# numId per article for Word-numbered outlines; article 1 takes its numbering from the styles.
STYLE_NUM_ID = 90
ARTICLE_NUM_ID = {4: 91, 5: 93, 6: 92}
L1 = re.compile(r"^[一二三四五六七八九十]+、")
L2 = re.compile(r"^\([一二三四五六七八九十]+\)")
L3 = re.compile(r"^[0-9]+\.(?![0-9])")
ARTICLE = re.compile(r"^投资促进工作总结篇([0-9])$")


def _level(ilvl: int, fmt: str, text: str, suff: str, pstyle: str | None = None) -> str:
    style = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def _abstract(aid: int, levels: list[str]) -> str:
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')


def _num(num_id: int, aid: int, restart: bool) -> str:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    return f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'


def add_numbering(document: docx.document.Document) -> None:
    """Two outline list definitions (一、 / (一) / 1.) and the lists the articles use."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstracts = [
        _abstract(90, [_level(0, "chineseCounting", "%1、", "nothing", "Heading2"),
                       _level(1, "chineseCounting", "(%2)", "nothing", "Heading3"),
                       _level(2, "decimal", "%3.", "nothing")]),
        _abstract(91, [_level(0, "chineseCountingThousand", "%1、", "tab"),
                       _level(1, "chineseCounting", "(%2)", "nothing"),
                       _level(2, "decimal", "%3.", "nothing")]),
    ]
    for xml in abstracts:
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for num_id, aid, restart in ((90, 90, False), (91, 90, True), (92, 91, True), (93, 91, True)):
        numbering.append(parse_xml(_num(num_id, aid, restart)))
    styles = document.styles
    for name, ilvl in (("Heading 2", None), ("Heading 3", 1)):
        num_pr = styles[name].element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = STYLE_NUM_ID
        if ilvl is not None:
            num_pr.get_or_add_ilvl().val = ilvl


def set_num(paragraph, num_id: int, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def is_heading_line(line: str) -> bool:
    """An outline line that is only a heading (no sentence after it)."""
    return "。" not in line[:-1]


def add_outline_line(document, line: str, article: int) -> bool:
    """Add ``line`` as a Word-numbered paragraph when its article uses numbering; True if done."""
    numbered = article == 1 or article in ARTICLE_NUM_ID
    if not numbered:
        return False
    for ilvl, pat in enumerate((L1, L2, L3)):
        m = pat.match(line)
        if not m:
            continue
        body = line[m.end():]
        heading = ilvl < 2 and is_heading_line(line)
        style = ("Heading 2", "Heading 3")[ilvl] if heading else "Normal"
        p = document.add_paragraph(body, style=style)
        if article in ARTICLE_NUM_ID:
            set_num(p, ARTICLE_NUM_ID[article], ilvl)
        elif not heading:
            set_num(p, STYLE_NUM_ID, ilvl)
        return True
    return False


def add_table(document) -> None:
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    table.cell(3, 0).merge(table.cell(3, 1))  # 合计 spans 序号 + 平台活动
    table.cell(1, 4).merge(table.cell(3, 4))  # 统计口径 merged down three rows
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value


def wrap_in_sdt(paragraph) -> None:
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="收文单位"/></w:sdtPr><w:sdtContent/></w:sdt>')
    p = paragraph._p
    p.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(p)


def add_broken_paragraph(document, line: str) -> None:
    i = line.index(BREAK_AFTER) + len(BREAK_AFTER)
    p = document.add_paragraph()
    run = p.add_run(line[:i])
    run.add_break()
    p.add_run(line[i:])


def add_header_footer(document) -> None:
    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.is_linked_to_previous = False
    footer = section.footer.paragraphs[0]
    footer.text = FOOTER_TEXT + " 第"
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run("页")


def set_core_properties(document) -> None:
    props = document.core_properties
    props.title = "投资促进工作总结6篇"
    props.author = "Youaremine"
    props.created = dt.datetime(2023, 5, 10, 8, 0, 0)
    props.modified = dt.datetime(2023, 5, 10, 8, 0, 0)
    props.last_modified_by = "Youaremine"
    props.revision = 1
    props.comments = "Built from seed.txt by corpora/build_seed_docx.py"


def build_document(seed_text: str) -> docx.document.Document:
    document = docx.Document()
    add_numbering(document)
    article = 0
    first = True
    for raw in seed_text.splitlines():
        line = raw.strip()
        if not line:
            continue
        m = ARTICLE.match(line)
        if first:
            document.add_paragraph(line, style="Title")
            first = False
        elif m:
            article = int(m.group(1))
            document.add_paragraph(line, style="Heading 1")
        elif add_outline_line(document, line, article):
            pass
        elif line == SDT_LINE:
            wrap_in_sdt(document.add_paragraph(line))
        elif line.startswith(BREAK_LINE_PREFIX):
            add_broken_paragraph(document, line)
        else:
            document.add_paragraph(line)
        if line.startswith(TABLE_AFTER):
            add_table(document)
    add_header_footer(document)
    set_core_properties(document)
    return document


def deterministic_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def build(seed_txt: Path = SEED_TXT) -> bytes:
    document = build_document(seed_txt.read_text(encoding="utf-8"))
    buf = io.BytesIO()
    document.save(buf)
    return deterministic_zip(buf.getvalue())


def main() -> None:
    data = build()
    SEED_DOCX.write_bytes(data)
    print(f"wrote {SEED_DOCX} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
