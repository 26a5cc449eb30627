"""One check for every .xlsx the library or the command line writes (imported by the export and CLI tests)."""
from __future__ import annotations

import zipfile
from pathlib import Path


def assert_formatted(path: Path, sheets: list[str] | None = None) -> None:
    """Every sheet: bold header frozen below row 1, an autofilter over the whole table, numbers stored
    as numbers with a number format, no list written as Python text, no cell holding an empty string,
    no formula anywhere (document text is never run)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    if sheets is not None:
        assert wb.sheetnames == sheets
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        header = list(ws[1])
        assert header and all(c.font.bold and c.data_type == "s" for c in header), ws.title
        last = header[-1].column_letter
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", (ws.title, ws.auto_filter.ref)
        for row in ws.iter_rows(min_row=2):
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if c.value is None:
                    continue
                if isinstance(c.value, str):
                    assert c.value != "" and not c.value.startswith("['"), (ws.title, c.coordinate, c.value)
                elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    assert c.number_format in ("0", "#,##0.00", '0.0#"%"'), (ws.title, c.coordinate, c.number_format)
    with zipfile.ZipFile(path) as z:  # truly empty cells: no <c t="inlineStr"> without text
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode("utf-8")
                assert 't="inlineStr"></c>' not in xml and "<is><t></t></is>" not in xml, name
                assert "<f>" not in xml, name
