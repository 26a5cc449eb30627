"""Export: Excel read back with openpyxl (frozen header, numbers as numbers, Chinese headers), CSV, Parquet."""
from __future__ import annotations

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.comparison import compare
from summary_mining.export import HEADERS_ZH, chinese_headers, to_csv, to_excel, to_parquet
from summary_mining.places.regions import add_region_period

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def metrics(seed_path):
    doc = sm.read_document(seed_path)
    return add_region_period(sm.extract(doc), doc)


def _sheet(path, name=None):
    wb = openpyxl.load_workbook(path)
    return wb[name] if name else wb.active


def test_metrics_to_excel(metrics, tmp_path):
    path = to_excel(metrics, tmp_path / "out" / "指标.xlsx")
    ws = _sheet(path)
    assert ws.title == "数据" and ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:5] == ["文档", "篇", "地区", "行政区划代码", "时期"]
    assert "数值(基本单位)" in header and "基本单位" in header and len(header) == len(metrics.columns)
    first = dict(zip(header, [c for c in ws[2]]))
    assert (first["原文"].value, first["数值(基本单位)"].value, first["基本单位"].value) == ("60.07亿元", 6007000000, "元")
    assert first["数值(基本单位)"].data_type == "n" and first["篇"].data_type == "n" and first["起始位置"].value == 197
    assert first["已脱敏"].data_type == "b" and first["已脱敏"].value is False
    assert (first["地区"].value, first["行政区划代码"].value, first["时期"].value) == ("中江县", "510623", "xxxx-01..10")
    assert first["行政区划代码"].data_type == "s"  # a code stays text (no 510,623)
    assert first["修饰词"].value is None  # NA -> empty cell
    assert ws[1][0].font.bold
    assert ws.max_row == len(metrics) + 1


def test_compare_table_to_excel_with_conflicts(metrics, tmp_path):
    table, extra = compare(metrics, return_conflicts=True)
    path = to_excel(table, tmp_path / "对比.xlsx", sheet_name="对比", sheets={"冲突": extra})
    ws = _sheet(path, "对比")
    header = [c.value for c in ws[1]]
    assert header[:4] == ["地区", "行政区划代码", "时期", "到位资金(亿元)"]
    assert ws.freeze_panes == "A2"
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    cell = rows["中江县"][header.index("到位资金(亿元)")]
    assert cell.value == pytest.approx(60.07) and cell.data_type == "n"
    assert rows["大竹县"][header.index("开工率(%)")].value == pytest.approx(84.62)
    assert rows["中江县"][header.index("签约项目(个)")].value == 10
    conflicts = _sheet(path, "冲突")
    assert conflicts.freeze_panes == "A2"
    assert [c.value for c in conflicts[1]][:6] == ["地区", "行政区划代码", "时期", "列", "采用值(列单位)", "其他值(列单位)"]
    assert conflicts.max_row == len(extra) + 1


def test_excel_headers_can_be_kept_or_extended(tmp_path):
    df = pd.DataFrame({"region": ["大竹县"], "value": [83.5], "备注": ["x"]})
    ws = _sheet(to_excel(df, tmp_path / "a.xlsx", headers=False))
    assert [c.value for c in ws[1]] == ["region", "value", "备注"]
    ws = _sheet(to_excel(df, tmp_path / "b.xlsx", headers={"value": "到位资金(亿元)"}))
    assert [c.value for c in ws[1]] == ["地区", "到位资金(亿元)", "备注"]


def test_csv_has_a_bom_and_reads_back(metrics, tmp_path):
    path = to_csv(metrics, tmp_path / "m.csv")
    raw = path.read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf" and "中江县".encode() in raw
    back = pd.read_csv(path, encoding="utf-8-sig", dtype={"region_code": str})
    assert back.columns.tolist() == metrics.columns.tolist()
    assert back.loc[0, ["surface", "value", "region", "region_code"]].tolist() == ["60.07亿元", 6007000000.0, "中江县", "510623"]


def test_csv_chinese_headers(tmp_path):
    path = to_csv(pd.DataFrame({"region": ["大竹县"], "period": ["xxxx-H1"]}), tmp_path / "c.csv", headers=True)
    assert path.read_text(encoding="utf-8-sig").splitlines() == ["地区,时期", "大竹县,xxxx-H1"]


def test_parquet_round_trip(metrics, tmp_path):
    pytest.importorskip("pyarrow")
    table = compare(metrics)
    path = to_parquet(table, tmp_path / "t.parquet")
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, table.reset_index(drop=True), check_like=False, check_exact=False)
    m = pd.read_parquet(to_parquet(metrics, tmp_path / "m.parquet"))
    assert str(m["region"].dtype) == "string" and str(m["article"].dtype) == "Int64" and m["redacted"].dtype == bool
    assert m.loc[0, "value"] == 6007000000.0


def test_chinese_headers_cover_the_metrics_columns():
    missing = [c for c in sm.COLUMNS if c not in HEADERS_ZH]
    assert missing == []
    assert chinese_headers(pd.DataFrame(columns=["region_code", "x"])).columns.tolist() == ["行政区划代码", "x"]


def test_module_doctests():
    import doctest

    import importlib

    mod = importlib.import_module("summary_mining.export")
    assert doctest.testmod(mod).failed == 0
