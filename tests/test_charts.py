"""``sm.plot_compare``: one column of a comparison table as a labelled bar chart with a CJK font."""
from __future__ import annotations

import math

import pytest

import summary_mining as sm
from summary_mining.charts import compare_column

matplotlib = pytest.importorskip("matplotlib", reason="plot_compare needs matplotlib (the test extras install it)")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

TEXTS = {
    ("中江县", "510623"): "全县实现地区生产总值356.2亿元，增长6.1%。",
    ("大竹县", "511724"): "全县实现地区生产总值312.5亿元，增长5.1%。",
    ("朝天区", "510812"): "全区实现地区生产总值增长4.2%。",
}


@pytest.fixture(scope="module")
def table():
    frames = [sm.extract(text=t).assign(region=name, region_code=code, period="2024") for (name, code), t in TEXTS.items()]
    return sm.compare(__import__("pandas").concat(frames, ignore_index=True))


def _font_draws_chinese() -> bool:
    try:
        sm.fonts.use_cjk_font()
        return True
    except RuntimeError:
        return False


def test_the_column_an_indicator_names(table):
    assert compare_column(table, "地区生产总值") == "地区生产总值(亿元)"
    assert compare_column(table, "地区生产总值增长(%)") == "地区生产总值增长(%)"
    with pytest.raises(ValueError, match="no column for '城镇化率'"):
        compare_column(table, "城镇化率")


def test_bars_labels_and_values(table):
    if not _font_draws_chinese():
        pytest.skip("no CJK font: pip install mplfonts")
    ax = sm.plot_compare(table, "地区生产总值")
    try:
        heights = [b.get_height() for b in ax.patches]
        names = [t.get_text() for t in ax.get_xticklabels()]
        assert dict(zip(names, heights)) == {"中江县 2024": pytest.approx(356.2), "大竹县 2024": pytest.approx(312.5)}
        assert [t.get_text() for t in ax.texts] == ["356.20", "312.50"]  # the value on each bar
        assert ax.get_ylabel() == "亿元"
        assert ax.get_title() == "地区生产总值(亿元)\n（1 行无数值，未画出）"  # 朝天区 states only a growth
        family = matplotlib.rcParams["font.sans-serif"][0]
        assert family == sm.fonts.use_cjk_font()
    finally:
        plt.close(ax.figure)


def test_sorted_bars(table):
    if not _font_draws_chinese():
        pytest.skip("no CJK font: pip install mplfonts")
    ax = sm.plot_compare(table, "地区生产总值增长(%)", sort=True)
    try:
        heights = [b.get_height() for b in ax.patches]
        assert heights == sorted(heights, reverse=True) and len(heights) == 3
        assert not any(math.isnan(h) for h in heights)
    finally:
        plt.close(ax.figure)
