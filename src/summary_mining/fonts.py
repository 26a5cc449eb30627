"""Find a font that draws Chinese, for charts (no tofu boxes in matplotlib plots).

>>> path = cjk_font_path()            # doctest: +SKIP
>>> path.endswith((".ttc", ".otf", ".ttf"))   # doctest: +SKIP
True
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["cjk_font_path", "use_cjk_font", "CJK_FONT_NAMES"]

#: Families tried in order; the first installed one wins (Debian: fonts-noto-cjk, fonts-wqy-zenhei).
CJK_FONT_NAMES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                  "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC", "AR PL UMing CN")


@lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    """Path of an installed font that covers common Chinese characters, or None."""
    from matplotlib import font_manager

    by_name = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for name in CJK_FONT_NAMES:
        if name in by_name:
            return by_name[name]
    for f in font_manager.fontManager.ttflist:  # any other font with CJK glyphs
        if "CJK" in f.name or "Hei" in f.name or "Song" in f.name:
            return f.fname
    return None


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese labels with an installed CJK font; return its family name.

    Raises RuntimeError with the install hint when none is installed.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    path = cjk_font_path()
    if path is None:
        raise RuntimeError("no CJK font found: install one, e.g. `apt-get install fonts-noto-cjk`")
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name] + list(mpl.rcParams["font.sans-serif"])
    mpl.rcParams["axes.unicode_minus"] = False
    return name
