"""The statistical tables of two real bulletins (shared/formats: 黔东南 and 周口 2023, read from their PDFs) written in the
layouts plain text gives tables — bars with or without the rows' end bars, full-width bars, tabs, two or more spaces
(with the row names' header cell or without it), one space, a cell per line — each put back in a short text and read:
the table figures found are held to a floor per layout, so a reader that knows one layout only fails here.

Measured on 2026-12-07 (session 27's end; before it in brackets): 420 of the 437 number cells of 31 tables in every
layout with bars, tabs, two spaces or one space (412 with no end bars or full-width bars, 403 with two spaces, 361 with
one space: rows whose last cell is empty, or whose name and unit are one letter each, broke the table), 403 with two
spaces under a header leaving the row names' column blank (393: a header of one cell, indented), 403 a cell per line.
The 17 cells never read are a price index table's (指数（以上年为100）: no unit).
"""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

import summary_mining as sm

from conftest import shared_path

BULLETINS = ("qiandongnan_2023_stats_bulletin.pdf", "zhoukou_2023_stats_bulletin.pdf")
FLOORS = {"bars": 420, "no_end_bars": 420, "end_bars_only": 420, "full_width_bars": 420, "tabs": 420, "two_spaces": 420,
          "two_spaces_no_stub_header": 403, "one_space": 420, "a_cell_per_line": 403}
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def layouts(header: list[str], rows: list[list[str]]) -> dict[str, str]:
    """One table written in each layout of :data:`FLOORS`."""
    return {
        "bars": "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n" + "\n".join("| " + " | ".join(r) + " |" for r in rows),
        "no_end_bars": " | ".join(header) + "\n" + "\n".join(" | ".join(r) for r in rows),
        "end_bars_only": " | ".join(header) + " |\n" + "\n".join(" | ".join(r) + " |" for r in rows),
        "full_width_bars": "｜".join(header) + "\n" + "\n".join("｜".join(r) for r in rows),
        "tabs": "\t".join(header) + "\n" + "\n".join("\t".join(r) for r in rows),
        "two_spaces": "  ".join(header) + "\n" + "\n".join("  ".join(r) for r in rows),
        "two_spaces_no_stub_header": "          " + "    ".join(header[1:]) + "\n" + "\n".join("    ".join(r) for r in rows),
        "one_space": " ".join(header) + "\n" + "\n".join(" ".join(r) for r in rows),
        "a_cell_per_line": "\n".join(header) + "\n" + "\n".join("\n".join(r) for r in rows),
    }


@lru_cache(maxsize=1)
def _tables() -> list[tuple[list[str], list[list[str]], int]]:
    """Each table of the bulletins with at least three number cells: header, rows, its number cells."""
    out = []
    for name in BULLETINS:
        for t in sm.read_document(shared_path("formats", name)).tables:
            rows = [[str(x) for x in r] for r in t.values.tolist()]
            n = sum(1 for r in rows for x in r[1:] if _NUMBER.match(x))
            if n >= 3:
                out.append(([str(c) for c in t.columns], rows, n))
    return out


def test_layouts_write_the_same_cells():
    written = layouts(["指标", "单位", "绝对数"], [["粮食产量", "万吨", "107.4"], ["油料", "万吨", ""]])
    assert written["no_end_bars"] == "指标 | 单位 | 绝对数\n粮食产量 | 万吨 | 107.4\n油料 | 万吨 | "
    assert written["a_cell_per_line"].split("\n") == ["指标", "单位", "绝对数", "粮食产量", "万吨", "107.4", "油料", "万吨", ""]


@pytest.mark.parametrize("layout", list(FLOORS))
def test_the_bulletins_tables_give_their_figures_in_every_layout(layout):
    found = total = 0
    for header, rows, n in _tables():
        text = "主要指标如下表：\n" + layouts(header, rows)[layout] + "\n\n全年情况良好。"
        got = int((sm.extract(text=text)["source"] == "table").sum())
        found += min(got, n)
        total += n
    assert total == 437
    assert found >= FLOORS[layout], f"{layout}: {found}/{total}"
