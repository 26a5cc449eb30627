"""WordprocessingML names and small element helpers shared by the DOCX reader's modules."""
from __future__ import annotations

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def wtag(tag: str) -> str:
    """The Clark name of a ``w:`` tag: ``wtag("p")`` -> ``{...main}p``."""
    return f"{{{W_NS}}}{tag}"


W_P, W_TBL, W_TR, W_TC = wtag("p"), wtag("tbl"), wtag("tr"), wtag("tc")
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = wtag("sdt"), wtag("sdtContent"), wtag("customXml")
W_T, W_TAB, W_PTAB, W_BR, W_CR = wtag("t"), wtag("tab"), wtag("ptab"), wtag("br"), wtag("cr")
W_NB_HYPHEN, W_SYM, W_TXBX = wtag("noBreakHyphen"), wtag("sym"), wtag("txbxContent")
W_PPR, W_VAL = wtag("pPr"), wtag("val")
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"
# Subtrees that hold no visible body text (or text already taken elsewhere).
SKIP_TAGS = frozenset({W_PPR, wtag("rPr"), wtag("del"), wtag("moveFrom"), wtag("instrText"), wtag("delText"),
                       wtag("delInstrText"), MC_FALLBACK, wtag("footnoteReference"), wtag("endnoteReference")})
BREAK = "\n"
W_R, W_RPR = wtag("r"), wtag("rPr")

CJK_RANGES = r"\u2460-\u24ff\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
NUMERIC = re.compile(r"[-+−]?\d[\d,.，]*%?")


def to_int(value: str | None, default: int | None = None) -> int | None:
    """``int(value)``, or ``default`` when it is missing or not an integer."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def child_val(el: etree._Element | None, *path: str) -> str | None:
    """``w:val`` of the element reached from ``el`` by child tags ``path``."""
    for tag in path:
        if el is None:
            return None
        el = el.find(wtag(tag))
    return None if el is None else el.get(W_VAL)


def truthy(el: etree._Element | None) -> bool:
    return el is not None and el.get(W_VAL, "true") not in ("0", "false", "off")
