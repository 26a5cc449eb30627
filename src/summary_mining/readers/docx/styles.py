"""Paragraph styles of a DOCX: heading levels, the title style and numbering a style gives."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from .xml import W_PPR, child_val, to_int, wtag

__all__ = ["Styles"]

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAMES = frozenset({"title", "标题"})


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


class Styles:
    """Paragraph styles by id, with the inherited properties the reader needs."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_id: str | None = None
        self._heading: dict[str | None, int | None] = {}
        if root is None:
            return
        for st in root.iterchildren(wtag("style")):
            sid = st.get(wtag("styleId"))
            if sid is None or st.get(wtag("type"), "paragraph") not in ("paragraph", "numbering"):
                continue
            ppr = st.find(W_PPR)
            self._styles[sid] = _Style(name=(child_val(st, "name") or "").strip(), based_on=child_val(st, "basedOn"),
                                       num_id=child_val(ppr, "numPr", "numId"), ilvl=to_int(child_val(ppr, "numPr", "ilvl")),
                                       outline=to_int(child_val(ppr, "outlineLvl")))
            if st.get(wtag("default")) in ("1", "true", "on") and st.get(wtag("type"), "paragraph") == "paragraph":
                self.default_id = sid

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            st = self._styles[style_id]
            yield st
            style_id = st.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """``N`` for a ``Heading N``/``标题 N`` style or one with an outline level (inherited)."""
        if style_id not in self._heading:
            level = None
            for st in self.chain(style_id):
                m = _HEADING_NAME.match(st.name)
                if m:
                    level = int(m.group(1))
                    break
                if st.outline is not None:
                    level = st.outline + 1 if 0 <= st.outline < 9 else None
                    break
            self._heading[style_id] = level
        return self._heading[style_id]

    def is_title(self, style_id: str | None) -> bool:
        st = self._styles.get(style_id or "")
        return style_id == "Title" or (st is not None and st.name.lower() in _TITLE_NAMES)

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The ``(numId, ilvl)`` a style gives its paragraphs (the nearest in the basedOn chain)."""
        num_id, ilvl = None, None
        for st in self.chain(style_id):
            if ilvl is None:
                ilvl = st.ilvl
            if st.num_id is not None:
                num_id = st.num_id
                break
        return num_id, ilvl
