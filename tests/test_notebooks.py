"""The notebooks run top to bottom (nbclient) and show what they promise."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run(name: str):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def outputs_text(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        if "text" in o:
            parts.append(o["text"])
        parts.append(o.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_quickstart_runs_and_shows_the_seed_figures():
    nb = run("01_quickstart.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(o.get("output_type") != "error" for c in code for o in c.get("outputs", []))
    text = "\n".join(outputs_text(c) for c in code)
    assert "投资促进工作总结篇6" in text
    assert "60.07亿元" in text and "6.007000e+09" in text
    assert "60.07亿元 197 204 引进国内市外到位资金60.07亿元" in text
    assert "企业投资信心不足" in text
    assert "inconsistent" in text


def test_compare_notebook_runs_on_the_bundled_corpus_alone():
    # corpora/ only (CI has no ../shared): 15 regions' bulletins and the seed
    nb = run("02_compare_and_audit.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(o.get("output_type") != "error" for c in code for o in c.get("outputs", []))
    assert "../shared" not in "".join(c.source for c in code)
    text = "\n".join(outputs_text(c) for c in code)
    assert "16 documents:" in text
    for region in ("洛阳市", "朝阳区", "蚌埠市", "开州区", "子洲县", "平昌县", "江口县", "龙沙区"):
        assert region in text
    table = outputs_text(code[3])  # the comparison table, rows by region code: 朝阳区 (110105) first
    assert table.index("朝阳区") < table.index("洛阳市") < table.index("子洲县")
    assert "5481.6000" in table and "9230.1000" in table
    assert "missing glyph warnings: 0" in text
    assert "chart: gdp_growth.png True" in text
    assert any("image/png" in o.get("data", {}) for c in code for o in c.get("outputs", []))
    assert "consistent" in text and "农林牧渔业总产值55.2億元" in text


def test_progress_bar_shows_in_a_notebook_kernel(monkeypatch):
    """stderr is no terminal in Jupyter: the bar (tqdm.auto) shows when an IPython kernel runs the code."""
    import io
    import sys
    import types

    from summary_mining.corpus import _progress

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    monkeypatch.delitem(sys.modules, "ipykernel", raising=False)  # loaded by an earlier test, perhaps
    assert _progress(10, True) is None  # a script with stderr redirected: no bar
    monkeypatch.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    bar = _progress(10, True)
    assert bar is not None and bar.total == 10
    bar.close()
    assert _progress(10, False) is None
