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
