"""Run the benchmark suite and write benchmarks/RESULTS.md.

usage:
    python benchmarks/run_all.py --chars 5000000          # the full run; writes benchmarks/RESULTS.md
    python benchmarks/run_all.py --quick                   # a smoke run in about two minutes (prints only)
    python benchmarks/run_all.py --only extract,peer       # a subset: extract pdf corpus peer
    python benchmarks/run_all.py --before fa5d4c0          # also before/after against a git revision

Every result is a ratio against a baseline measured in the same run (absolute times on a shared
machine are noise). In-process timings use this process's CPU time (``BENCH_CLOCK=wall`` for wall
time), best of ``--repeat``, measurement and baseline interleaved; the corpus runs are wall time
of fresh subprocesses. Where a target is missed the section carries a cProfile of the hot path.
``--before REV`` measures targets 1, 3 and 4 once more with the package as it was at git
revision REV (``before.py``: each is again a ratio measured within one process run), so a
change to the hot path is recorded as before/after.

The suite is not part of the test run: ``python -m pytest`` collects ``tests/`` only and no file
here is named ``test_*``.
"""
from __future__ import annotations

import argparse
import shlex
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import CLOCK_NAME, Section, machine, versions  # noqa: E402

PARTS = ("extract", "pdf", "corpus", "peer")

ANALYSIS = """\
## Reading the misses

- **1 (10x jieba) and 2 (6x the bare regex scan).** `extract()` is not a scan with a little work
  per hit. The stage shares in section 1-2 give the split. The largest share is
  `regions.add_region_period` (new this session: region and period columns). It does two costly
  things. (i) `Gazetteer.find` slices and looks up 13 name lengths at every position whose
  character starts some name (921 such characters, so most of the text). (ii) It drops, copies
  and re-inserts three columns of the 25-column frame through `Series.map` and
  `DataFrame.insert`, and builds an `article_info` frame per document. After that come:
  - per-candidate Python in `find_mentions` (about 15k candidates per million characters in these
    documents, nearly all of them real figures);
  - the per-document pandas frame;
  - the outline (every sentence gets its article and section path, eagerly);
  - labels from a jieba segmentation of each clause.
- **Fixes, ranked by measured gain.** The fixes table in section 1-2 ranks them; each keeps
  `extract`'s output identical (checked on every dev and format file). F7 (fill the region
  columns in place) and F6 (prefix-table gazetteer scan) are the two that matter now. F1
  (frame), F5 (outline), F2 (normalize), F3 (ordinals) and F4 (jieba precheck) are a few percent
  each. Together they roughly halve `extract`'s time but do not close a 10x gap.
- **What would close more of the 10x gap:**
  1. put the region values straight into `mention_rows`, from plain per-article dicts. Then
     neither an `article_info` DataFrame nor a second frame is built per document;
  2. give corpora a batch path that builds one frame per batch of documents, not one per
     document (the "~200k-char documents" row shows the per-document share);
  3. compute a sentence's article and section path lazily, only for sentences that hold a figure.
- **Target 2 cannot be met** by any `extract` that builds a DataFrame per document: building the
  frame alone costs more than the bare scan of the whole document. Even the library's own figure
  pattern, run as a scan with nothing done per match, takes ~20x the bare scan.
- **3 (PDF)** sits at 7.5-10x between runs:
  - PDFium's page load and text page (C) are a fixed share;
  - the largest Python part is the per-character loop that rebuilds lines from character boxes
    (`pdf_layout.page_text`, `build_lines`);
  - the rest is the same text-side `extract` as in 1, whose region step now costs as much as
    the whole PDF read. F6/F7 recover part of it (the "with fixes" figure in section 3) but not all
    the way to 10x. The next step is the per-character loop: it builds a `Char` object per glyph
    even on pages with no table candidates.
- **4 (corpus).** A 2-worker run pays a fixed start-up that a 1-worker run does not. Each worker
  imports the package and loads jieba's dictionary (~2-3 s of wall time, in parallel), and the
  2-worker run burns ~25 % more CPU in total than the 1-worker run ("CPU" in each row). At 400
  files (~15 s of work) that alone caps the speed-up near 1.5x even on an idle machine; on a
  larger corpus it approaches 2x. The forkserver preload (`bench_warm.py`) loads once instead of
  once per worker. That saves CPU and memory but measured no wall-clock gain here: the two
  workers load in parallel anyway. The speed-up is also bounded by the cores the run actually
  gets: "cores busy" in each row shows how many it had.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=None, help="corpus size in characters (default 5,000,000; quick 500,000)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {', '.join(PARTS)}")
    ap.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    ap.add_argument("--repeat", type=int, default=None, help="best of N (default 3; quick 1)")
    ap.add_argument("--files", type=int, default=None, help="corpus run size N (and 10N); default 400, quick 40")
    ap.add_argument("--before", metavar="REV", help="also measure targets 1, 3, 4 with the package at git revision REV")
    ap.add_argument("--no-profile", dest="profile", action="store_false", help="skip profiles of missed targets")
    ap.add_argument("--in-memory", action="store_true", help="also measure default mine() memory at N and 10N")
    ap.add_argument("--out", default=None, help="write the results here (default: benchmarks/RESULTS.md for a full "
                                                  "run, nothing for --quick/--only); '-' prints only")
    a = ap.parse_args(argv)
    parts = [p.strip() for p in a.only.split(",") if p.strip()]
    bad = [p for p in parts if p not in PARTS]
    if bad:
        ap.error(f"--only: unknown {bad}; choose from {', '.join(PARTS)}")
    chars = a.chars or (500_000 if a.quick else 5_000_000)
    repeat = a.repeat or (1 if a.quick else 3)
    files = a.files or (40 if a.quick else 400)
    full = not a.quick and set(parts) == set(PARTS)
    out = a.out if a.out is not None else (str(HERE / "RESULTS.md") if full else "-")

    started = time.perf_counter()
    load_start = machine()
    sections: list[Section] = []
    for part in parts:
        print(f"[run_all] {part} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        if part == "extract":
            import bench_extract
            sec = bench_extract.run(chars, repeat, a.profile, a.before)
        elif part == "pdf":
            import bench_pdf
            sec = bench_pdf.run(max(repeat, 3), a.profile, a.before)  # cheap: always best of 3+
        elif part == "corpus":
            import bench_corpus
            sec = bench_corpus.run(files, max(1, min(repeat, 2)), a.in_memory, a.before)
        else:
            import bench_peer
            sec = bench_peer.run(min(chars, 1_000_000), repeat)
        sec.seconds = time.perf_counter() - t0
        sections.append(sec)
        print(f"[run_all] {part} done in {sec.seconds:.0f} s", file=sys.stderr, flush=True)
    total = time.perf_counter() - started

    cmd = "python benchmarks/run_all.py " + " ".join(shlex.quote(x) for x in (argv if argv is not None else sys.argv[1:]))
    summary = ["| # | measure | result | target | status |", "| --- | --- | ---: | --- | --- |"]
    for sec in sections:
        for r in sec.rows:
            if r.met is not None or sec.title.startswith("5."):
                summary.append(f"| {sec.title.split('.')[0]} | {r.measure} | {r.value} | {r.target} | {r.status} |")
    doc = [
        "# Benchmark results", "",
        f"Produced by `{cmd.strip()}` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC in {total / 60:.1f} min.",
        "",
        f"- machine: {load_start} at the start; {machine().split(', ')[-1]} at the end",
        f"- packages: {versions('summary-mining', 'jieba', 'regex', 'pandas', 'pyarrow', 'pypdfium2', 'pdfplumber', 'jionlp')}",
        f"- clock: {CLOCK_NAME} for in-process ratios (best of {repeat}, measurement and baseline interleaved); "
        "wall time of fresh subprocesses for the corpus runs. Ratios only: absolute times on this shared machine are "
        "noise, and even ratios move by +-15 % between runs when other jobs load the machine.",
        "- rerun: `python benchmarks/run_all.py --chars 5000000` (full), `--quick` (smoke), "
        "`--only extract,pdf,corpus,peer` (subset), `--before REV` (before/after), `--no-profile`, `--in-memory`.",
        "",
        "## Summary", "", *summary, "",
    ]
    if full or a.out:
        doc += [ANALYSIS, ""]
    doc += [s.markdown() for s in sections]
    text = "\n".join(doc).rstrip() + "\n"
    print(text)
    if out != "-":
        Path(out).write_text(text, encoding="utf-8")
        print(f"[run_all] wrote {out} ({total / 60:.1f} min)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
