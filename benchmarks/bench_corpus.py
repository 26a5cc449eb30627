"""Corpus runs: ``mine`` with 2 workers vs 1, and peak memory for 10x more files.

usage: python benchmarks/bench_corpus.py [--files 400] [--repeat 2] [--in-memory] [--before REV]

Writes the seed and dev documents, cycled, as ``--files`` text files (and 10x as many) into a
temporary directory, then runs ``summary_mining.corpus.mine`` on them, each run in a fresh
subprocess (this script with ``--worker``), so that import and pool start-up are counted as a
user pays them and the peak RSS of each run is its own:

* speed-up: wall time of ``mine(dir, n_jobs=1)`` / ``mine(dir, n_jobs=2)`` on the large corpus of
  10N files (target >= 1.7x; also shown for N files), the runs alternated, best of --repeat;
* memory: peak RSS of ``mine(dir, n_jobs=2, out_dir=..., load=False)`` (results streamed to
  parquet parts) for N and for 10N files (target: flat, 10N/N <= 1.25); with --in-memory also
  the default ``mine(dir)`` that returns every frame in memory, for contrast;
* with ``--before REV``, the speed-up once more with the package as it was at git revision REV.

Peak RSS is read two ways: ``ru_maxrss`` of the main process (getrusage in the run itself: the
process that collects results) and, when psutil is installed, the sum of RSS over the run's whole
process tree (main and workers) sampled every 50 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_SPEEDUP = 1.7
TARGET_MEMORY = 1.25


def write_corpus(directory: Path, n_files: int) -> int:
    """``n_files`` text files cycling through the seed and dev documents; returns the characters."""
    from common import source_texts

    directory.mkdir(parents=True, exist_ok=True)
    src = source_texts()
    chars = 0
    for i in range(n_files):
        name, text = src[i % len(src)]
        (directory / f"{i:05d}_{Path(name).name}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def _worker(args: argparse.Namespace) -> None:
    """One measured ``mine`` run; prints a JSON line with its wall time and peak RSS."""
    import resource

    from summary_mining.corpus import mine

    kw = {"n_jobs": args.jobs, "progress": False}
    if args.out_dir:
        kw.update(out_dir=args.out_dir, load=False)
    t0 = time.perf_counter()
    c = mine(args.dir, **kw)
    wall = time.perf_counter() - t0
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "files": c.stats.get("files"), "failed": c.stats.get("failed"),
                      "metrics": len(c.metrics), "maxrss_main_mb": self_kb / 1024}))


def measure(directory: Path, jobs: int, out_dir: Path | None = None, before: str | None = None) -> dict:
    """Run one ``mine`` in a subprocess; its result plus the sampled peak RSS of its process tree."""
    cmd = [sys.executable, str(HERE / "bench_corpus.py"), "--worker", "--dir", str(directory), "--jobs", str(jobs)]
    if out_dir is not None:
        cmd += ["--out-dir", str(out_dir)]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    env = None
    if before:
        import before as bf
        env = bf.env_for(before)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(HERE), env=env)
    peak_tree = 0.0
    cpu: dict[int, float] = {}  # pid -> last seen user+system seconds
    try:
        import psutil

        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                procs = [root] + root.children(recursive=True)
                rss = 0
                for p in procs:
                    try:
                        rss += p.memory_info().rss
                        t = p.cpu_times()
                        cpu[p.pid] = t.user + t.system
                    except psutil.Error:
                        pass
                peak_tree = max(peak_tree, rss / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.05)
    except ImportError:
        peak_tree = float("nan")
    out, err = proc.communicate()
    wall_total = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"mine run failed ({proc.returncode}): {err[-2000:]}")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_tree_mb"] = peak_tree
    res["cpu"] = sum(cpu.values()) if cpu else float("nan")  # whole process tree, includes start-up
    res["wall_total"] = wall_total  # the subprocess from start to exit (the span ``cpu`` covers)
    res["load"] = load
    return res


def _failed(*runs: dict) -> str:
    """A warning when a run had failed files (then its time and memory mean little)."""
    bad = [r for r in runs if r.get("failed")]
    return "".join(f"; **{r['failed']} of {r['files']} files failed in one run: not comparable**" for r in bad)


def run(files: int = 400, repeat: int = 2, in_memory: bool = False, before: str | None = None):
    from common import Row, Section

    started = time.perf_counter()
    sec = Section(f"4. Corpus run: `mine` with 2 workers vs 1, and memory for {files} vs {10 * files} files")
    with tempfile.TemporaryDirectory(prefix="sm-bench-") as tmp:
        tmp = Path(tmp)
        small, large = tmp / f"n{files}", tmp / f"n{10 * files}"
        chars = write_corpus(small, files)
        chars_large = write_corpus(large, 10 * files)
        one = two = old1 = old2 = None
        best = lambda a, b: b if a is None or b["wall"] < a["wall"] else a  # noqa: E731
        for _ in range(max(1, repeat)):
            one = best(one, measure(small, 1))
            two = best(two, measure(small, 2))
        speedup = one["wall"] / two["wall"]
        par = lambda r: f"CPU {r['cpu']:.0f} s, {r['cpu'] / r['wall_total']:.2f} cores busy"  # noqa: E731
        big1 = big2 = None
        for _ in range(max(1, repeat)):
            big1 = best(big1, measure(large, 1))
            big2 = best(big2, measure(large, 2))
        if before:  # once, on the large corpus the target is about
            old1, old2 = measure(large, 1, before=before), measure(large, 2, before=before)
        big_speedup = big1["wall"] / big2["wall"]
        sec.rows.append(Row(f"speed-up, large corpus: {10 * files} files ({chars_large:,} chars), n_jobs=2 vs n_jobs=1",
                            f"{big_speedup:.2f}x", f">= {TARGET_SPEEDUP:g}x", big_speedup >= TARGET_SPEEDUP,
                            f"1 worker {big1['wall']:.1f} s ({par(big1)}, load avg {big1['load']:.1f}), "
                            f"2 workers {big2['wall']:.1f} s ({par(big2)}, load avg {big2['load']:.1f}); "
                            f"{big1['metrics']:,} metric rows" + _failed(big1, big2)))
        sec.rows.append(Row(f"speed-up, small corpus: {files} files ({chars:,} chars), n_jobs=2 vs n_jobs=1",
                            f"{speedup:.2f}x", "", None,
                            f"1 worker {one['wall']:.1f} s ({par(one)}, load avg {one['load']:.1f}), "
                            f"2 workers {two['wall']:.1f} s ({par(two)}, load avg {two['load']:.1f}); "
                            f"{one['metrics']:,} metric rows; the start-up both runs pay once (jieba's "
                            "dictionary, the rules) is a larger share of a short run" + _failed(one, two)))
        if old1 is not None:
            import before as bf
            sp = old1["wall"] / old2["wall"]
            sec.rows.insert(1, Row(f"speed-up before (`{bf.short(before)}`), large corpus", f"{sp:.2f}x", "", None,
                                   f"1 worker {old1['wall']:.1f} s ({par(old1)}), 2 workers {old2['wall']:.1f} s "
                                   f"({par(old2)}); now the 1-worker run takes {big1['wall'] / old1['wall']:.2f} of "
                                   "the before time" + _failed(old1, old2)))
        two_mem = two
        two = measure(small, 2, tmp / "out-small")  # streamed, for the memory comparison
        big = measure(large, 2, tmp / "out-large")
        ratio_main = big["maxrss_main_mb"] / two["maxrss_main_mb"]
        ratio_tree = big["peak_tree_mb"] / two["peak_tree_mb"] if two["peak_tree_mb"] else float("nan")
        sec.rows.append(Row(f"peak RSS, {10 * files} vs {files} files, streamed (`out_dir=`, `load=False`), "
                            "main process", f"{ratio_main:.2f}x", f"flat (<= {TARGET_MEMORY:g}x)",
                            ratio_main <= TARGET_MEMORY,
                            f"{two['maxrss_main_mb']:.0f} MB -> {big['maxrss_main_mb']:.0f} MB "
                            f"({chars_large:,} chars in {big['wall']:.0f} s, {par(big)})" + _failed(two, big)))
        sec.rows.append(Row("peak RSS, same runs, whole process tree (sampled, sum over processes)",
                            f"{ratio_tree:.2f}x", f"flat (<= {TARGET_MEMORY:g}x)", ratio_tree <= TARGET_MEMORY,
                            f"{two['peak_tree_mb']:.0f} MB -> {big['peak_tree_mb']:.0f} MB"))
        if in_memory:
            m_small = two_mem  # the in-memory 2-worker speed-up run above
            m_large = measure(large, 2)
            sec.rows.append(Row(f"peak RSS, {10 * files} vs {files} files, default `mine()` (all frames returned in "
                                "memory), main process", f"{m_large['maxrss_main_mb'] / m_small['maxrss_main_mb']:.2f}x",
                                "", None, f"{m_small['maxrss_main_mb']:.0f} MB -> {m_large['maxrss_main_mb']:.0f} MB: "
                                "grows with the results, as expected without `out_dir`" + _failed(m_large)))
    sec.notes.append("Each run is a fresh `python` subprocess timing `mine()` alone (wall clock: it is a "
                     "multi-process measurement), so both include loading jieba and compiling the rules once (the "
                     "2-worker run does it in the parent, whose warmed-up state the workers inherit by fork) and "
                     "the 2-worker time includes starting the pool and sending results back. `mine` does the full per-file job: read, `extract`, `extract_problems`, `audit`. "
                     "The load average (1 min) at each start shows how busy the 2-core machine was; \"cores busy\" is "
                     "the CPU time of the run's process tree (sampled with psutil) over the subprocess's wall time: a 2-worker run "
                     "that keeps well under 2 cores busy was starved by start-up or by other load. Speed-up runs "
                     "return results in memory (the default); the memory runs stream to parquet.")
    sec.seconds = time.perf_counter() - started
    return sec


def main() -> None:
    from common import bench_parser

    ap = bench_parser(__doc__, repeat=2, before=True)
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--in-memory", action="store_true")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--out-dir", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        _worker(a)
        return
    print(run(a.files, a.repeat, a.in_memory, a.before).markdown())


if __name__ == "__main__":
    main()
