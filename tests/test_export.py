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


# -- one writer: formatting, formula injection, lists, evidence, reading back -------------------------
from xlsx_checks import assert_formatted  # noqa: E402

from summary_mining.writer import (OutputError, check_output, neutralise, read_metrics, unneutralise,  # noqa: E402
                                   write_tables)


@pytest.fixture(scope="module")
def frames(seed_path):
    """The seed's problems and audit frames (lists of str; evidence spans)."""
    return {"problems": sm.extract_problems(seed_path), "audit": sm.audit(seed_path)}


@pytest.fixture
def problems(frames):
    return frames["problems"]


@pytest.fixture
def audit(frames):
    return frames["audit"]


def test_every_frame_to_excel_has_the_same_formatting(metrics, problems, audit, tmp_path):
    table, extra = compare(metrics, return_conflicts=True)
    path = write_tables({"metrics": metrics, "problems": problems, "audit": audit, "comparison": table,
                         "conflicts": extra}, tmp_path / "结果.xlsx")[0]
    assert_formatted(path, ["metrics", "problems", "audit", "comparison", "conflicts"])
    wb = openpyxl.load_workbook(path)
    m = wb["metrics"]
    header = [c.value for c in m[1]]
    rows = {r[header.index("原文")].value: r for r in m.iter_rows(min_row=2)}
    amount, percent = rows["60.07亿元"], rows["92.42﹪"]
    assert amount[header.index("数值(基本单位)")].number_format == "#,##0.00"
    assert percent[header.index("数值(基本单位)")].value == pytest.approx(92.42)  # stored as written
    assert percent[header.index("数值(基本单位)")].number_format == '0.0#"%"'
    assert percent[header.index("起始位置")].value == 218 and percent[header.index("起始位置")].number_format == "0"
    p = wb["problems"]
    ph = [c.value for c in p[1]]
    first = [c.value for c in p[2]]
    assert first[ph.index("类别")] == "资金、土地、项目推进、外部环境"  # a list, joined with 、
    assert first[ph.index("文本")] == problems.loc[0, "text"]
    a = wb["audit"]
    ah = [c.value for c in a[1]]
    assert [c.value for c in a[2]][ah.index("依据")] == "92.42﹪[218:224]、60.07亿元[197:204]"
    c = wb["comparison"]
    ch = [x.value for x in c[1]]
    cells = {r[0].value: r for r in c.iter_rows(min_row=2)}
    assert cells["大竹县"][ch.index("开工率(%)")].number_format == '0.0#"%"'


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil.example\",\"点击\")", "+1+1", "-2+3", "@SUM(A1:A9)",
                                  "\t=1+1", "\r=1", "'=1+1", "''@x"])
def test_formula_like_text_is_never_a_formula(text, tmp_path):
    df = pd.DataFrame({"doc_id": pd.array([text], dtype="string"), "surface": pd.array(["-5%"], dtype="string"),
                       "value": [-5.0], "unit": pd.array(["%"], dtype="string")})
    ws = _sheet(to_excel(df, tmp_path / "x.xlsx"))
    cell = ws["A2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix  # text unchanged, shown as text
    assert ws["B2"].value == "-5%" and ws["C2"].value == -5 and ws["C2"].data_type == "n"  # numbers stay numbers
    assert_formatted(tmp_path / "x.xlsx")
    import csv

    with open(to_csv(df, tmp_path / "x.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1] == ["'" + text, "-5%", "-5.0", "%"]  # a ' in front; numbers and "-5%" as they were
    back = read_metrics(tmp_path / "x.csv")
    assert back.loc[0, "doc_id"] == text and back.loc[0, "value"] == -5.0


@pytest.mark.parametrize("text, quoted", [("=1", "'=1"), ("-12.5", "-12.5"), ("+86 10 1234", "'+86 10 1234"),
                                          ("签约项目", "签约项目"), ("'x", "'x"), ("'-x", "''-x"), ("", "")])
def test_neutralise_is_reversible(text, quoted):
    assert neutralise(text) == quoted and unneutralise(quoted) == text


def test_file_names_in_errors_are_neutralised(tmp_path):
    errors = pd.DataFrame({"path": ["c/=cmd|' /C calc'!A0.doc"], "doc_id": [None], "error": ["UnsupportedFormatError"],
                           "message": ["c/=cmd|' /C calc'!A0.doc: legacy Word .doc is not supported"]})
    raw = to_csv(errors, tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert raw.splitlines()[1].startswith("'c/=cmd") is False  # only a leading sign is dangerous
    errors.loc[0, "path"] = "=cmd|' /C calc'!A0.doc"
    assert to_csv(errors, tmp_path / "e.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("'=cmd")


def test_audit_evidence_is_an_arrow_list_of_structs(audit, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = sm.to_parquet(audit, tmp_path / "a.parquet")
    field = pq.read_schema(path).field("evidence").type
    assert field == pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]))
    back = pd.read_parquet(path)
    assert [dict(x) for x in back.loc[0, "evidence"]] == [{"start": 218, "end": 224, "text": "92.42﹪"},
                                                          {"start": 197, "end": 204, "text": "60.07亿元"}]
    assert back["status"].tolist() == audit["status"].tolist()
    empty = pq.read_schema(sm.to_parquet(audit.iloc[:0], tmp_path / "empty.parquet")).field("evidence").type
    assert empty == field


def test_problem_lists_are_arrow_lists_of_strings(problems, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = sm.to_parquet(problems, tmp_path / "p.parquet")
    assert pq.read_schema(path).field("categories").type == pa.list_(pa.string())
    assert list(pd.read_parquet(path).loc[0, "categories"]) == ["资金", "土地", "项目推进", "外部环境"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_read_metrics_round_trip_keeps_the_documented_dtypes(metrics, tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = (to_csv if suffix == ".csv" else to_parquet)(metrics, tmp_path / f"m{suffix}")
    back = read_metrics(path)
    assert {c: str(t) for c, t in back.dtypes.items()} == {c: str(t) for c, t in metrics.dtypes.items()}
    assert back.loc[0, ["region_code", "period", "surface", "value", "start"]].tolist() == \
        ["510623", "xxxx-01..10", "60.07亿元", 6007000000.0, 197]
    expected = metrics.reset_index(drop=True)
    if suffix == ".csv":  # a CSV cannot tell an empty text from a missing one: both read back as NA
        expected = expected.apply(lambda s: s.mask(s == "") if str(s.dtype) == "string" else s)
    pd.testing.assert_frame_equal(back, expected)


def test_read_metrics_takes_chinese_headers_back(metrics, tmp_path):
    back = read_metrics(to_csv(metrics, tmp_path / "zh.csv", headers=True))
    assert back.columns.tolist() == list(metrics.columns) and str(back["region_code"].dtype) == "string"


@pytest.mark.parametrize("name, message", [
    ("out.xls", "cannot write '.xls' files; use .csv, .jsonl, .xlsx or .parquet"),
    ("out", "cannot write a file without a suffix"),
    ("x.png", "cannot write '.png' files"),
])
def test_check_output_refuses_unknown_suffixes(name, message):
    with pytest.raises(OutputError, match=message.replace(".", r"\.").replace("(", r"\(")):
        check_output(name)


def test_check_output_names_the_install_command_for_a_missing_package(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "pyarrow" else real(n, *a))
    with pytest.raises(OutputError) as e:
        check_output("m.parquet")
    assert str(e.value) == "m.parquet: writing .parquet needs pyarrow: pip install 'summary-mining[parquet]'"
    with pytest.raises(OutputError):
        to_parquet(pd.DataFrame({"a": [1]}), "m.parquet")


def test_parquet_lists_come_back_as_the_library_makes_them(frames, tmp_path):
    pytest.importorskip("pyarrow")
    from summary_mining.writer import restore_lists

    for name, df in frames.items():
        back = restore_lists(pd.read_parquet(sm.to_parquet(df, tmp_path / f"{name}.parquet")))
        pd.testing.assert_frame_equal(back, df.reset_index(drop=True))
    assert restore_lists(pd.read_parquet(tmp_path / "audit.parquet")).loc[0, "evidence"][0] == (218, 224, "92.42﹪")


def test_empty_frames_keep_the_list_types(frames, tmp_path):
    """Parquet parts of a corpus run must share one schema, whether or not a part has rows."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    for name, df in frames.items():
        full = pq.read_schema(sm.to_parquet(df, tmp_path / f"{name}.parquet"))
        empty = pq.read_schema(sm.to_parquet(df.iloc[:0], tmp_path / f"{name}0.parquet"))
        assert full.remove_metadata() == empty.remove_metadata(), name
    both = pd.read_parquet([tmp_path / "problems.parquet", tmp_path / "problems0.parquet"])
    assert len(both) == len(frames["problems"])
