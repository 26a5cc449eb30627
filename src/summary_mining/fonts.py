"""Find a font that draws Chinese, for charts (no tofu boxes in matplotlib plots).

Order: an installed system font of a Simplified Chinese family (Noto Sans CJK SC, Source Han Sans SC, …),
then the Noto Sans CJK SC file that the pip package ``mplfonts`` ships (in the ``notebooks`` and ``test``
extras, so the README's commands need no Debian package), then any other installed CJK font. On a miss
matplotlib's font list is rebuilt once: its cache is stale when a font was installed after the cache was
written.

>>> path = cjk_font_path()            # doctest: +SKIP
>>> path.endswith((".ttc", ".otf", ".ttf"))   # doctest: +SKIP
True
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

__all__ = ["cjk_font_path", "use_cjk_font", "packaged_cjk_font", "CJK_FONT_NAMES"]

#: Simplified Chinese families tried in order; the first installed one wins.
CJK_FONT_NAMES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Serif SC",
                  "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
                  "Heiti SC", "AR PL UMing CN")
#: Font files of the pip package ``mplfonts`` (SIL Open Font License), SC first.
PACKAGED_FONT_FILES = ("NotoSansCJKsc-Regular.otf", "SourceHanSerifSC-Regular.otf", "SimHei.ttf")
_ANY_CJK = ("CJK", "Hei", "Song", "Han Sans", "Han Serif")


def packaged_cjk_font() -> str | None:
    """Path of the SC font file shipped by the ``mplfonts`` package, or None when it is not installed."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        for name in PACKAGED_FONT_FILES:
            path = Path(location) / "fonts" / name
            if path.is_file():
                return str(path)
    return None


def _system_font(ttflist: list) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """((family, file) of an installed SC family, (family, file) of any other CJK font) from matplotlib's list.

    matplotlib lists every face of a .ttc collection under its own family name (Noto Sans CJK SC is face 2 of
    NotoSansCJK-Regular.ttc), so a family is used by name, never by loading face 0 of its file.
    """
    by_name = {f.name: f.fname for f in ttflist if f.weight in (400, "normal", "regular")}
    by_name = {**{f.name: f.fname for f in ttflist}, **by_name}
    sc = next(((name, by_name[name]) for name in CJK_FONT_NAMES if name in by_name), None)
    other = next(((f.name, f.fname) for f in ttflist if any(key in f.name for key in _ANY_CJK)), None)
    return sc, other


@lru_cache(maxsize=1)
def _cjk_font() -> tuple[str, str] | None:
    from matplotlib import font_manager

    sc, other = _system_font(font_manager.fontManager.ttflist)
    if sc is None and other is None:  # a font installed after matplotlib cached its list: rescan once
        font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
        sc, other = _system_font(font_manager.fontManager.ttflist)
    if sc is not None:
        return sc
    packaged = packaged_cjk_font()
    if packaged is not None:
        font_manager.fontManager.addfont(packaged)
        return font_manager.FontProperties(fname=packaged).get_name(), packaged
    return other


def cjk_font_path() -> str | None:
    """Path of a font file that covers common Chinese characters (SC preferred), or None."""
    found = _cjk_font()
    return found[1] if found else None


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese labels with a CJK font; return its family name (SC when there is one).

    Raises RuntimeError with the install hints when there is none.
    """
    import matplotlib as mpl

    found = _cjk_font()
    if found is None:
        raise RuntimeError("no CJK font found: `pip install mplfonts` (or `summary-mining[notebooks]`), "
                           "or install a system font, e.g. `apt-get install fonts-noto-cjk`")
    name = found[0]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name] + [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams["axes.unicode_minus"] = False
    return name
