"""PDF: end-to-end ``extract`` vs pdfplumber's own ``page.extract_text()`` over the same pages.

usage: python benchmarks/bench_pdf.py [--repeat 3] [--before REV] [--no-profile]

For every multi-page PDF in ``../shared/formats/``: the time of ``summary_mining.extract(path)``
(read with the pypdfium2 text layer, outline, figures, frame) against opening the file with
pdfplumber and calling ``extract_text()`` on every page (target: ours >= 10x faster), and
whether the figures agree: ``extract`` on our reading vs ``extract`` on the text joined from
pdfplumber's pages, compared as multisets of (kind, value, unit) and of surfaces.
"""
from __future__ import annotations

import json
import math
import time
from collections import Counter
from pathlib import Path

from common import FORMATS, Row, Section, bench_parser, interleaved, profile

TARGET = 10.0


def pdf_files() -> list[tuple[Path, int]]:
    import pypdfium2 as pdfium

    out = []
    for p in sorted(FORMATS.glob("*.pdf")) if FORMATS.exists() else []:
        pdf = pdfium.PdfDocument(str(p))
        try:
            n = len(pdf)
        finally:
            pdf.close()
        if n > 1:
            out.append((p, n))
    return out


def plumber_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _value_keys(df) -> Counter:
    keys = Counter()
    for kind, value, unit, surface in zip(df["kind"], df["value"], df["unit"], df["surface"]):
        v = None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 6)
        keys[(kind, unit, v if v is not None else "".join(str(surface).split()))] += 1
    return keys


def _surface_keys(df) -> Counter:
    return Counter("".join(str(s).split()) for s in df["surface"])


def _overlap(a: Counter, b: Counter) -> tuple[int, float, float, float]:
    common = sum((a & b).values())
    union = sum((a | b).values())
    na, nb = sum(a.values()), sum(b.values())
    return common, common / nb if nb else 1.0, common / na if na else 1.0, common / union if union else 1.0


def core(repeat: int) -> dict[str, float]:
    """Target 3 over all the PDFs together as a same-process ratio (what ``--json`` prints)."""
    import summary_mining as sm

    files = pdf_files()
    sm.extract(files[0][0])  # warm up: PDF modules imported, rules compiled
    plumber_texts(files[0][0])

    def ours():
        for p, _ in files:
            sm.extract(p)

    def plumber():
        for p, _ in files:
            plumber_texts(p)
    t = interleaved({"ours": ours, "pdfplumber": plumber}, repeat)
    return {"ratio": t["pdfplumber"] / t["ours"], **t}


def run(repeat: int = 3, do_profile: bool = True, before: str | None = None) -> Section:
    import summary_mining as sm

    started = time.perf_counter()
    sec = Section("3. PDF: end-to-end `extract` vs pdfplumber `page.extract_text()`")
    files = pdf_files()
    if not files:
        sec.notes.append(f"skipped: no multi-page PDF in {FORMATS}")
        return sec
    sm.extract(text="签约项目10个，投资总额24亿元。")
    sm.read_document(files[0][0])  # warm up: PDF modules imported
    plumber_texts(files[0][0])
    tot_ours = tot_base = 0.0
    worst: tuple[float, Path] | None = None
    for path, pages in files:
        t = interleaved({"ours": lambda p=path: sm.extract(p), "pdfplumber": lambda p=path: plumber_texts(p)}, repeat)
        ratio = t["pdfplumber"] / t["ours"]
        tot_ours += t["ours"]
        tot_base += t["pdfplumber"]
        if worst is None or ratio < worst[0]:
            worst = (ratio, path)
        ours = sm.extract(path)
        theirs = sm.extract(text="\n".join(plumber_texts(path)))
        in_text = ours[ours["source"] == "text"]
        c, of_base, of_ours, jac = _overlap(_value_keys(ours), _value_keys(theirs))
        ct, t_base, t_ours, t_jac = _overlap(_value_keys(in_text), _value_keys(theirs))
        cs, s_base, s_ours, s_jac = _overlap(_surface_keys(in_text), _surface_keys(theirs))
        detail = (f"{pages} pages; ours {t['ours'] * 1000:.0f} ms, pdfplumber {t['pdfplumber'] * 1000:.0f} ms"
                  f". Figures: ours {len(ours)} ({len(ours) - len(in_text)} from table cells), on pdfplumber's "
                  f"text {len(theirs)}; (kind, value, unit) found by both: {c} = {of_base:.0%} of pdfplumber's, "
                  f"{of_ours:.0%} of ours; running-text figures only: Jaccard {t_jac:.2f} by value, "
                  f"{s_jac:.2f} by surface")
        sec.rows.append(Row(f"`{path.name}`", f"{ratio:.1f}x faster", f">= {TARGET:g}x faster", ratio >= TARGET,
                            detail))
    total = tot_base / tot_ours
    sec.rows.insert(0, Row(f"all {len(files)} PDFs together", f"{total:.1f}x faster", f">= {TARGET:g}x faster",
                           total >= TARGET, f"ours {tot_ours:.2f} s, pdfplumber {tot_base:.2f} s"))
    if before:
        import before as bf

        old = bf.run_json("bench_pdf.py", ["--repeat", str(repeat)], before)
        sec.rows.insert(1, Row(f"all {len(files)} PDFs together, before (`{bf.short(before)}`)", f"{old['ratio']:.1f}x faster",
                               "", None, f"now {total / old['ratio']:.2f}x the before ratio; measured in a subprocess "
                               "importing the package at that revision"))
    sec.notes.append(f"Times are the best of {repeat}, ours and pdfplumber interleaved. pdfplumber's side is only "
                     "reading text (no figure extraction), ours is the whole `extract` (read, outline, figures, frame). "
                     "Figures on pdfplumber's side are what `extract` finds in the text joined from its pages. "
                     "Figures from table cells (a bare number taking its unit from the column header, "
                     "`source == \"table\"`) exist only on our side: pdfplumber's plain text has no table "
                     "structure, so the comparison of like with like is the running-text figures.")
    if do_profile and worst is not None and worst[0] < TARGET:
        p = worst[1]
        sm.extract(p)
        sec.profiles.append((f"cProfile of `extract({p.name})` (the slowest ratio, {worst[0]:.1f}x)",
                             profile(lambda: sm.extract(p), 16)))
    sec.seconds = time.perf_counter() - started
    return sec


def main() -> None:
    a = bench_parser(__doc__, repeat=3, before=True, profile=True, json_what="target 3").parse_args()
    if a.json:
        print(json.dumps(core(a.repeat)))
        return
    print(run(a.repeat, a.profile, a.before).markdown())


if __name__ == "__main__":
    main()
