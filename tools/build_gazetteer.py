#!/usr/bin/env python3
"""Build ``src/summary_mining/data/regions.csv`` — China's administrative divisions with codes.

The source is the adcodes table bundled with the ``cpca`` package (MIT licence, PyPI), read straight
from its wheel: cpca itself (and its C dependency pyahocorasick) is *not* a runtime dependency of
summary_mining. The script downloads the pinned wheel with pip, checks its sha256, and writes one row
per province, prefecture and county with the short forms documents use (四川, 德阳, 中江):

    python tools/build_gazetteer.py                 # pip download cpca==0.5.5, then build
    python tools/build_gazetteer.py --wheel cpca-0.5.5-py3-none-any.whl
    python tools/build_gazetteer.py --check         # exit 1 when the committed CSV differs

示例: 510623000000,中江县 -> ``510623,中江县,中江,county,510000,510600``
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "cpca"
VERSION = "0.5.5"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
SHA256 = "1635b589506b3e28424032bce61d2488e1f6fac1034a736014e70e043f824fe6"
ADCODES = "cpca/resources/adcodes.csv"
NATIONS = "cpca/resources/56_nations.csv"
OUT = Path(__file__).resolve().parents[1] / "src" / "summary_mining" / "data" / "regions.csv"

#: Names in the source that are grouping rows, not divisions (市辖区 of a municipality, …).
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
#: Province-level short forms that are not the name minus its suffix (cpca's own table).
SPECIAL_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                 "新疆维吾尔自治区": "新疆", "宁夏回族自治区": "宁夏"}
#: Suffixes stripped (longest first) to get a short form: 德阳市 -> 德阳, 锡林郭勒盟 -> 锡林郭勒.
SUFFIXES = ("特别行政区", "自治州", "自治县", "自治旗", "自治区", "林区", "特区", "地区", "新区",
            "省", "市", "县", "区", "旗", "盟")
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})


def level_of(code: str) -> str:
    """``510000`` -> province, ``510600`` -> city, ``510623`` -> county."""
    if code[2:] == "0000":
        return "province"
    return "city" if code[4:] == "00" else "county"


def short_form(name: str, nations: list[str]) -> str:
    """The name without its administrative suffix and nationality names; "" when under 2 characters.

    >>> short_form("黔东南苗族侗族自治州", ["苗族", "侗族", "苗", "侗"])
    '黔东南'
    >>> short_form("中江县", []), short_form("忠县", [])
    ('中江', '')
    """
    if name in SPECIAL_SHORT:
        return SPECIAL_SHORT[name]
    base = name
    for suffix in SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
            break
    if name.endswith(("自治州", "自治县", "自治旗")):
        stripped = True
        while stripped:
            stripped = False
            for n in nations:
                if base.endswith(n) and len(base) - len(n) >= 2:
                    base, stripped = base[: -len(n)], True
                    break
        if base.endswith("族") and base in nations:  # 鄂温克族自治旗 -> 鄂温克
            base = base[:-1]
    return base if len(base) >= 2 and base != name else ""


def nation_names(text: str) -> list[str]:
    """Nationality names as they occur in place names (苗族 and, for 蒙古族/哈萨克族…, 蒙古/哈萨克)."""
    names = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = names + [n[:-1] for n in names if len(n) > 2]
    return sorted(set(out), key=len, reverse=True)


def build_rows(adcodes_csv: str, nations_csv: str) -> list[dict[str, str]]:
    """Rows of regions.csv from the text of cpca's two resource files, sorted by code."""
    nations = nation_names(nations_csv)
    records = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(io.StringIO(adcodes_csv))]
    names = {code: name for code, name in records if name not in PLACEHOLDERS}
    rows = []
    for code, name in sorted(records):
        if name in PLACEHOLDERS:
            continue
        level = level_of(code)
        province = code[:2] + "0000"
        city = ""
        if level == "county":
            city = code[:4] + "00"
            if city not in names:  # 省直辖县级行政区划 / a municipality's 市辖区
                city = province if code[:2] in MUNICIPALITIES else ""
        rows.append({"code": code, "name": name, "short": short_form(name, nations), "level": level,
                     "province": province, "city": city})
    return rows


def read_wheel(wheel: Path) -> tuple[str, str, str]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{wheel}: sha256 {digest} does not match the pinned {SHA256}")
    with zipfile.ZipFile(wheel) as z:
        return z.read(ADCODES).decode("utf-8-sig"), z.read(NATIONS).decode("utf-8-sig"), digest


def download(dest: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}", "--no-deps",
                    "--only-binary=:all:", "-d", str(dest), "--quiet"], check=True)
    return dest / WHEEL


def render(rows: list[dict[str, str]], digest: str) -> str:
    head = [
        "# Administrative divisions of China: province / city (prefecture) / county, 6-digit codes (GB/T 2260).",
        f"# GENERATED by tools/build_gazetteer.py from {PACKAGE} {VERSION} (PyPI wheel {WHEEL},",
        f"# sha256 {digest}), file {ADCODES};",
        "# cpca is MIT-licensed, Copyright (c) 2018 QinYuan Du, https://github.com/DQinYuan/chinese_province_city_area_mapper",
        "# The snapshot is the one cpca ships (divisions as of about 2020); later changes are not in it.",
        "# Do not edit by hand: re-run `python tools/build_gazetteer.py`.",
        "# short: the name without its suffix and nationality names (中江县 -> 中江), empty under 2 characters.",
        "# province, city: codes of the enclosing divisions (city is empty for counties a province governs directly).",
    ]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["code", "name", "short", "level", "province", "city"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return "\n".join(head) + "\n" + buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--wheel", type=Path, help=f"a local {WHEEL} (default: pip download it)")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download(Path(tmp))
        adcodes, nations, digest = read_wheel(wheel)
    text = render(build_rows(adcodes, nations), digest)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs from the source'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10)) - 9} divisions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
