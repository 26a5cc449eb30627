"""CJK fonts for charts: a system SC family first, the pip-installed Noto Sans CJK SC when none, a rescan of
matplotlib's stale font list on a miss, and an install hint when there is nothing at all."""
from __future__ import annotations

import warnings

import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
from matplotlib import font_manager  # noqa: E402

from summary_mining import fonts  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_lookup():
    fonts._cjk_font.cache_clear()
    saved = dict(mpl.rcParams)
    yield
    fonts._cjk_font.cache_clear()
    mpl.rcParams.update(saved)


@pytest.fixture
def no_system_font(monkeypatch):
    """A machine without a system CJK font: matplotlib's list (rescanned or not) holds none."""
    rescans = []
    monkeypatch.setattr(fonts, "_system_font", lambda ttflist: (None, None))
    monkeypatch.setattr(font_manager, "_load_fontmanager",
                        lambda try_read_cache=True: rescans.append(try_read_cache) or font_manager.fontManager)
    return rescans


def _draw() -> list[str]:
    import matplotlib.pyplot as plt

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title("各地区经济增长")
        ax.barh(["平昌县", "江口县"], [6.1, 5.8])
        fig.canvas.draw()
        plt.close(fig)
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_pip_font_when_no_system_font(no_system_font):
    if fonts.packaged_cjk_font() is None:
        pytest.skip("mplfonts is not installed (pip install mplfonts)")
    assert fonts.cjk_font_path().endswith("NotoSansCJKsc-Regular.otf")
    assert fonts.use_cjk_font() == "Noto Sans CJK SC"
    assert no_system_font == [False]  # the stale list was rebuilt once, without its cache
    assert _draw() == []


def test_no_font_at_all_says_how_to_get_one(no_system_font, monkeypatch):
    monkeypatch.setattr(fonts, "packaged_cjk_font", lambda: None)
    assert fonts.cjk_font_path() is None
    with pytest.raises(RuntimeError, match=r"pip install mplfonts.*fonts-noto-cjk"):
        fonts.use_cjk_font()


def test_system_sc_family_is_used_by_name_not_face_zero_of_its_collection(monkeypatch):
    """Face 0 of NotoSansCJK-Regular.ttc is the JP variant; the SC family is named, not loaded by file."""
    entries = [font_manager.FontEntry(fname="/fonts/NotoSansCJK-Regular.ttc", name=name, weight=400)
               for name in ("Noto Sans CJK JP", "Noto Sans CJK SC")]
    sc, other = fonts._system_font(entries)
    assert sc == ("Noto Sans CJK SC", "/fonts/NotoSansCJK-Regular.ttc")
    assert other == ("Noto Sans CJK JP", "/fonts/NotoSansCJK-Regular.ttc")


def test_stale_list_is_rescanned_once(monkeypatch):
    lists = iter([(None, None), (("Noto Sans CJK SC", "/fonts/sc.otf"), None)])
    monkeypatch.setattr(fonts, "_system_font", lambda ttflist: next(lists))
    rescans = []
    monkeypatch.setattr(font_manager, "_load_fontmanager",
                        lambda try_read_cache=True: rescans.append(try_read_cache) or font_manager.fontManager)
    assert fonts.use_cjk_font() == "Noto Sans CJK SC"
    assert rescans == [False]
    assert mpl.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
