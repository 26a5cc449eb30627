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
## Reading the results

Before/after rows compare with `fa5d4c0` (the state of the previous RESULTS.md), each ratio measured
within one process run of that revision.

- **1 (10x jieba): missed, 1.6x, was 0.68x at `fa5d4c0`.** What moved it this session:
  - region detection (once 61 % of `extract`) runs once per document, keeps its answer on the
    `Document` (shared by `extract`, `audit` and a corpus run's documents table), and puts its
    values into the rows before the frame is built; `Gazetteer.find` walks a prefix table and
    checks two-character starts; "does this full name occur" is a remembered substring search;
  - the indicator lookup is a suffix/substring table with a memo (the synonym loop was ~9 %);
  - `to_frame` resolves dtypes once and builds each column in one numpy/pyarrow call; the outline
    tries one combined heading pattern; `normalize` translates only hits; jieba is skipped where
    no dictionary word can straddle the offset.
  What is left is spread out (stage shares in section 1-2): the figure scan and its per-figure
  checks (~25 %), region and period detection (~22 %), the per-document DataFrame (~20 %), the
  outline (~13 %), labels (~11 %). The per-document costs alone (frame, outline, detection) are
  24 % of the run (the "~200k-char documents" row). 10x would need extract to cost about what
  building its own DataFrame costs now: it would take a batch API that builds one frame for many
  documents and the per-figure checks moved out of Python, not another round of tuning.
- **2 (within 6x of a bare regex scan): missed, 448x (was 851x).** The library's own figure pattern,
  scanned with nothing done per match, is already 17x the bare scan; a DataFrame per document
  costs more than the bare scan of that document. This target cannot be met by an `extract` that
  returns a labelled frame per document.
- **3 (PDF 10x pdfplumber): missed, 7.6x (was 6.9x).** It moves between 7.5x and 9x from run to
  run. PDFium's own page load and text page (C) are about a third of our time. Most of the rest is
  the per-glyph Python loop that rebuilds lines from character boxes (`pdf_layout.page_text`,
  `build_lines`) and the text-side `extract` measured in 1. Tried this session without a
  measurable gain: bypassing pypdfium2's page wrappers, tuple-based glyphs (slower attribute
  access downstream). The next step would be fewer Python objects per glyph (runs as arrays).
- **4 (corpus 2 workers >= 1.7x): met, 1.99x on 4000 files (was 1.69x); 1.74x on 400 files.**
  Changes: workers fork from a parent that has loaded jieba and compiled the rules (forkserver with
  the same preload where fork is unsafe); each worker mines batches of consecutive files and sends
  back one frame per kind instead of four per file (the collecting process had been unpickling
  ~2 ms a file while the workers needed both cores); a file is extracted once (`audit(doc,
  metrics=...)`) and its regions detected once; problem keywords read jieba's IDF file directly
  instead of importing `jieba.analyse`, which also parsed the part-of-speech dictionary (~1 s).
  The 1-worker run itself takes 0.53 of the `fa5d4c0` time.
- **Memory: flat** (1.00x main process, 1.02x process tree from 400 to 4000 files, streamed).
- **5 (peer)**: JioNLP finds money only and is ~3x faster at that; ours extracts every figure
  with labels into a frame. Recall on the dev gold 100 % vs 84 % (the gold shaped our rules).
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
