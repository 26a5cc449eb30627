"""The summary-mining command line: outputs, error files and exit codes."""
from __future__ import annotations

import pandas as pd
import pytest

from summary_mining.cli import main


def test_extract_writes_csv_with_bom_and_exit_0(tmp_path, seed_path, capsys):
    out = tmp_path / "m.csv"
    assert main(["extract", str(seed_path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8-sig")
    row = df[df["surface"] == "60.07亿元"].iloc[0]
    assert (row["doc_id"], row["value"], row["unit"], row["start"]) == ("seed", 6007000000.0, "元", 197)


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".xlsx"])
def test_extract_output_formats(tmp_path, seed_path, suffix):
    out = tmp_path / f"m{suffix}"
    assert main(["extract", str(seed_path), "-o", str(out)]) == 0
    df = {".parquet": pd.read_parquet, ".jsonl": lambda p: pd.read_json(p, lines=True),
          ".xlsx": pd.read_excel}[suffix](out)
    column = "原文" if suffix == ".xlsx" else "surface"  # Excel: Chinese headers
    assert "92.42﹪" in df[column].tolist()


def test_failed_files_are_reported_and_exit_1(tmp_path, seed_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out" / "m.csv"
    assert main(["extract", str(corpus), "-o", str(out)]) == 1
    errors = pd.read_csv(tmp_path / "out" / "m.errors.csv", encoding="utf-8-sig")
    assert sorted(errors["path"].map(lambda p: p.rsplit("/", 1)[-1])) == ["empty.txt", "junk.txt"]
    assert sorted(errors["error"]) == ["EncodingError", "ReadError"]
    assert set(pd.read_csv(out, encoding="utf-8-sig")["doc_id"]) == {"good"}
    assert "junk.txt" in capsys.readouterr().err


def test_show_prints_articles_and_figures(seed_path, capsys):
    assert main(["show", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "== 第1篇 投资促进工作总结篇1" in out and "60.07亿元" in out and "== 第6篇" in out


def test_usage_error_exits_2():
    with pytest.raises(SystemExit) as e:
        main(["extract"])
    assert e.value.code == 2


def test_show_html_writes_a_self_contained_view(tmp_path, seed_path):
    out = tmp_path / "seed.html"
    assert main(["show", str(seed_path), "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'data-kind="amount"' in html and 'data-start="197"' in html
    assert "http://" not in html.split("<body", 1)[1] and "https://" not in html.split("<body", 1)[1]


def test_compare_writes_table_and_conflicts(tmp_path, formats_dir):
    out = tmp_path / "cmp.csv"
    files = [str(formats_dir / f"{n}_2025_gov_work_report.docx") for n in ("beijing", "henan")]
    assert main(["compare", *files, "-o", str(out), "-j", "1", "--no-progress"]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"region_code": str})
    assert set(table["region"]) == {"北京市", "河南省"}
    assert set(table["region_code"]) == {"110000", "410000"}
    assert (tmp_path / "cmp.conflicts.csv").exists()
    xlsx = tmp_path / "cmp.xlsx"
    assert main(["compare", *files, "-o", str(xlsx), "-j", "1", "--no-progress"]) == 0
    assert pd.ExcelFile(xlsx).sheet_names[1] == "冲突"


def test_compare_on_the_bundled_corpus_prints_the_table_and_writes_three_sheets(tmp_path, capsys, seed_path):
    # the README's first command: corpora/ alone, no ../shared
    out = tmp_path / "对比.xlsx"
    assert main(["compare", str(seed_path.parent), "-o", str(out), "-j", "1", "--no-progress"]) == 0
    printed = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert printed["region"][:3] == ["period", "地区生产总值(亿元)", "地区生产总值增长(%)"]
    assert printed["洛阳市"][:3] == ["2023", "5481.6000", "3.5"] and printed["朝阳区"][:3] == ["2024", "9230.1000", "5.0"]
    book = pd.ExcelFile(out)
    assert book.sheet_names == ["对比", "冲突", "修饰"]
    table = pd.read_excel(out, sheet_name="对比", dtype={"行政区划代码": str})
    codes = table["行政区划代码"].dropna().tolist()
    assert codes == sorted(codes) and len(set(table["地区"])) >= 15  # one row per region and year, by code
    # a .csv table gets its companions as files beside it
    assert main(["compare", str(seed_path.parent), "-o", str(tmp_path / "对比.csv"), "-j", "1", "--no-progress"]) == 0
    assert (tmp_path / "对比.conflicts.csv").exists() and (tmp_path / "对比.qualifiers.csv").exists()


# -- exit codes, checks before mining, the one-workbook run, the summary ---------------------------------
import subprocess  # noqa: E402
import sys  # noqa: E402

from xlsx_checks import assert_formatted  # noqa: E402

import summary_mining as sm  # noqa: E402


@pytest.fixture
def folder(tmp_path, seed_path):
    """A folder with one report; each test adds the other files users keep beside their reports."""
    d = tmp_path / "报告"
    d.mkdir()
    (d / "seed.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    return d


def _no_mining(monkeypatch):
    """Mining must not start: a usage error is found before any file is read."""
    import summary_mining.corpus as corpus

    def boom(*a, **k):
        raise AssertionError("mined before the command line was checked")
    monkeypatch.setattr(corpus, "mine", boom)


def _hide_pyarrow(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "pyarrow" else real(n, *a))


@pytest.mark.parametrize("case, argv, message", [
    ("missing path", ["extract", "{tmp}/nodir/", "-o", "{tmp}/m.csv"], "nodir/: no such file or directory"),
    ("missing path among good ones", ["audit", "{folder}", "{tmp}/typo.txt"], "typo.txt: no such file or directory"),
    ("bad extension", ["extract", "{folder}", "-o", "{tmp}/out.xls"],
     "out.xls: cannot write '.xls' files; use .csv, .jsonl, .xlsx or .parquet"),
    ("no suffix", ["problems", "{folder}", "-o", "{tmp}/out"], "cannot write a file without a suffix"),
    ("missing extra", ["audit", "{folder}", "-o", "{tmp}/a.parquet"],
     "a.parquet: writing .parquet needs pyarrow: pip install 'summary-mining[parquet]'"),
    ("missing extra, every table", ["mine", "{folder}", "-o", "{tmp}/all.parquet"], "pip install 'summary-mining[parquet]'"),
    ("missing region table", ["extract", "{folder}", "--regions", "{tmp}/r.csv"], "r.csv: no such region table"),
    ("show: missing file", ["show", "{tmp}/nofile.txt"], "nofile.txt: no such file"),
    ("show: html not .html", ["show", "{folder}/seed.txt", "--html", "{tmp}/x.png"], "x.png: cannot write '.png' files; use .html or .htm"),
])
def test_usage_errors_exit_2_with_one_line_before_mining(case, argv, message, tmp_path, folder, monkeypatch, capsys):
    _no_mining(monkeypatch)
    _hide_pyarrow(monkeypatch)
    argv = [a.format(tmp=tmp_path, folder=folder) for a in argv]
    assert main(argv) == 2, case
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("summary-mining: error: ") and message in err[0], err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告"]  # nothing written


@pytest.mark.parametrize("case, files, code, listed", [
    ("all read", {}, 0, []),
    ("a file that is not a document", {"build.py": b"print(1)\n"}, 0, [("build.py", "NotADocument")]),
    ("a broken text file", {"junk.txt": b"\x00\x01\x02" * 100}, 1, [("junk.txt", "EncodingError")]),
    ("a .doc", {"旧报告.doc": b"\xd0\xcf\x11\xe0"}, 1, [("旧报告.doc", "UnsupportedFormatError")]),
    ("a .wps and a spreadsheet", {"a.wps": b"x", "b.xlsx": b"PK"}, 1,
     [("a.wps", "UnsupportedFormatError"), ("b.xlsx", "UnsupportedFormatError")]),
])
def test_files_in_a_folder_exit_code_and_errors(case, files, code, listed, tmp_path, folder, capsys):
    for name, data in files.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out" / "m.csv"
    assert main(["extract", str(folder), "-o", str(out), "-j", "1", "--no-progress"]) == code, case
    err = capsys.readouterr().err
    assert f"files: {1 + len(files)} found, 1 read" in err
    errors_file = out.with_name("m.errors.csv")
    if not listed:
        assert not errors_file.exists()
        return
    errors = pd.read_csv(errors_file, encoding="utf-8-sig")
    assert sorted(zip(errors["path"].map(lambda p: p.rsplit("/", 1)[-1]), errors["error"])) == sorted(listed)
    for name, _ in listed:
        assert name in err  # and in the summary, with the reason
    assert set(sm.read_metrics(out)["doc_id"]) == {"seed"}


def test_mine_writes_one_workbook_with_every_table(tmp_path, folder, capsys):
    (folder / "旧报告.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    out = tmp_path / "结果.xlsx"
    assert main(["mine", str(folder), "-o", str(out), "-j", "1", "--no-progress"]) == 1
    assert_formatted(out, ["metrics", "problems", "audit", "comparison", "documents", "errors"])
    sheets = pd.read_excel(out, sheet_name=None)
    corpus = sm.mine(folder, n_jobs=1, progress=False)
    assert len(sheets["metrics"]) == len(corpus.metrics) and len(sheets["audit"]) == len(corpus.audit)
    assert len(sheets["problems"]) == len(corpus.problems) and len(sheets["documents"]) == len(corpus.documents)
    assert sheets["errors"]["错误"].tolist() == ["UnsupportedFormatError"]
    assert set(sheets["comparison"]["地区"]) == {"中江县", "大竹县"}
    err = capsys.readouterr().err
    assert "rows: metrics 156 (count 83, amount 51, percentage 22); problems 9; audit 38" in err
    assert "regions 2: 中江县, 大竹县" in err and "periods 2: xxxx-01..10, xxxx-H1" in err
    assert "audit findings: consistent 24, unverifiable 11, inconsistent 3" in err
    assert "largest amount: 669.50亿元" in err  # 亿元, not 6.695000e+10
    assert f"next: summary-mining show {folder / 'seed.txt'} --html seed.html" in err


def test_extract_all_is_mine(tmp_path, folder):
    out = tmp_path / "all.xlsx"
    assert main(["extract", "--all", str(folder), "-o", str(out), "-j", "1", "--no-progress"]) == 0
    assert_formatted(out, ["metrics", "problems", "audit", "comparison", "documents", "errors"])


def test_mine_to_csv_writes_a_file_per_table(tmp_path, folder):
    out = tmp_path / "r.csv"
    assert main(["mine", str(folder), "-o", str(out), "-j", "1", "--no-progress"]) == 0
    assert sorted(p.name for p in tmp_path.glob("r.*.csv")) == \
        ["r.audit.csv", "r.comparison.csv", "r.documents.csv", "r.errors.csv", "r.metrics.csv", "r.problems.csv"]
    assert str(sm.read_metrics(tmp_path / "r.metrics.csv")["region_code"].dtype) == "string"


@pytest.mark.parametrize("command, sheet", [("extract", "metrics"), ("problems", "problems"), ("audit", "audit"),
                                            ("compare", "对比")])
def test_every_xlsx_output_has_the_same_formatting(command, sheet, tmp_path, seed_path):
    out = tmp_path / f"{command}.xlsx"
    assert main([command, str(seed_path), "-o", str(out), "-j", "1", "--no-progress"]) == 0
    assert_formatted(out)
    assert openpyxl_sheetnames(out)[0] == sheet


def openpyxl_sheetnames(path):
    return pytest.importorskip("openpyxl").load_workbook(path, read_only=True).sheetnames


def test_audit_to_parquet_from_the_command_line(tmp_path, seed_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "a.parquet"
    assert main(["audit", str(seed_path), "-o", str(out), "--no-progress"]) == 0
    back = pd.read_parquet(out)
    assert len(back) == 38 and {"start", "end", "text"} == set(back.loc[0, "evidence"][0])


def test_regions_csv_overrides_detection(tmp_path, seed_path):
    table = tmp_path / "regions.csv"
    table.write_text("file,article,region,period\nseed,2,中江县,2023\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    assert main(["extract", str(seed_path), "-o", str(out), "--regions", str(table), "--no-progress"]) == 0
    m = sm.read_metrics(out)
    art2 = m[m["article"] == 2]
    assert set(art2["region"]) == {"中江县"} and set(art2["period"]) == {"2023"} and set(art2["region_code"]) == {"510623"}
    assert set(m[m["article"] == 6]["region"]) == {"大竹县"}  # other articles as detected


def test_mine_regions_mapping(seed_path):
    corpus = sm.mine(seed_path, n_jobs=1, progress=False, regions={"seed.txt": "大竹县"})
    assert set(corpus.metrics["region"]) == {"大竹县"} and set(corpus.documents["region"]) == {"大竹县"}


def test_show_prints_values_in_yi_and_wan(seed_path, capsys):
    assert main(["show", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "60.07亿元" in out and "e+09" not in out


def test_version_and_python_dash_m(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.strip() == f"summary-mining {sm.__version__}"
    run = subprocess.run([sys.executable, "-m", "summary_mining", "--version"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == f"summary-mining {sm.__version__}"
    run = subprocess.run([sys.executable, "-m", "summary_mining", "extract", "nodir/"], capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.strip() == "summary-mining: error: nodir/: no such file or directory"


def test_exit_code_does_not_depend_on_how_the_corpus_run_names_an_unread_file():
    """mine() may list files of other types itself (every path in documents or errors): a script found
    in a folder stays no failure, a .doc found there stays one."""
    from summary_mining.cli.report import failed_count

    errors = pd.DataFrame({"path": ["d/build.py", "d/旧.doc", "d/x.txt"], "doc_id": [None] * 3,
                           "error": ["UnsupportedFormatError", "UnsupportedFormatError", "EncodingError"],
                           "message": ["", "", ""]})
    assert failed_count(errors) == 2 and failed_count(errors.iloc[:1]) == 0
    assert failed_count(errors.iloc[:1], given=["d/build.py"]) == 1
