"""Shared helpers for the benchmark scripts: the corpus, timing, tables and profiles.

Not part of the test suite (``python -m pytest`` only collects ``tests/``; nothing here is named
``test_*``). Every figure the scripts report is a ratio against a baseline timed in the same
process, because absolute times on a shared machine are noise.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # the shared dir sits beside the checkout
DEV = SHARED / "dev"
FORMATS = SHARED / "formats"

try:
    import summary_mining  # noqa: F401  (installed, editable or not)
except ImportError:  # a checkout that is not installed
    sys.path.insert(0, str(ROOT / "src"))


def source_texts() -> list[tuple[str, str]]:
    """(name, text) of the seed and every ``../shared/dev/corpus/*.txt`` document (read once)."""
    out = [("corpora/seed", (ROOT / "corpora" / "seed.txt").read_text(encoding="utf-8"))]
    corpus = DEV / "corpus"
    if corpus.exists():
        out += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
    return out


def corpus_texts(n_chars: int) -> list[str]:
    """The source documents repeated, in order, until they hold at least ``n_chars`` characters."""
    texts = [t for _, t in source_texts()]
    out, total, i = [], 0, 0
    while total < n_chars:
        t = texts[i % len(texts)]
        out.append(t)
        total += len(t)
        i += 1
    return out


#: The clock for in-process measurements: CPU time of this process. On a shared machine wall time
#: also counts the time other processes held the core; CPU time does not (set BENCH_CLOCK=wall).
CLOCK = time.perf_counter if os.environ.get("BENCH_CLOCK") == "wall" else time.process_time
CLOCK_NAME = "wall time" if CLOCK is time.perf_counter else "process CPU time"


def timed(fn: Callable[[], object]) -> float:
    t0 = CLOCK()
    fn()
    return CLOCK() - t0


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Fastest of ``repeat`` runs (the least disturbed by other load on the machine)."""
    return min(timed(fn) for _ in range(max(1, repeat)))


def interleaved(fns: dict[str, Callable[[], object]], repeat: int = 3) -> dict[str, float]:
    """Best of ``repeat`` rounds, each round running every function once (order rotated per round).

    Interleaving puts the measurement and its baseline under the same background load.
    """
    best = {k: float("inf") for k in fns}
    names = list(fns)
    for r in range(max(1, repeat)):
        order = names[r % len(names):] + names[:r % len(names)]
        for k in order:
            best[k] = min(best[k], timed(fns[k]))
    return best


@dataclass
class Row:
    """One line of a results table."""

    measure: str
    value: str  # the ratio (or other figure) as shown
    target: str = ""
    met: bool | None = None  # None: informational, no target
    detail: str = ""

    @property
    def status(self) -> str:
        return "" if self.met is None else ("met" if self.met else "**missed**")


@dataclass
class Section:
    """The result of one benchmark: a table, notes, and profiles of what missed its target."""

    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    seconds: float = 0.0

    def markdown(self) -> str:
        out = [f"## {self.title}", ""]
        if self.rows:
            out += ["| measure | result | target | status | detail |", "| --- | ---: | --- | --- | --- |"]
            for r in self.rows:
                out.append(f"| {r.measure} | {r.value} | {r.target} | {r.status} | {r.detail} |")
            out.append("")
        for n in self.notes:
            out.append(n if n.startswith(("-", "|", " ", "#")) or not n else f"- {n}")
        if self.notes:
            out.append("")
        for heading, text in self.profiles:
            out += [f"### {heading}", "", "```", text.rstrip(), "```", ""]
        out.append(f"_section wall time: {self.seconds:.0f} s_")
        out.append("")
        return "\n".join(out)


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s" if seconds > 0 else "inf"


def _short(path: str) -> str:
    for marker in ("site-packages/", "src/", "lib/python3"):
        i = path.find(marker)
        if i >= 0:
            return path[i + len(marker):] if marker != "lib/python3" else "stdlib" + path[i + len(marker) + 3:]
    return path


def profile(fn: Callable[[], object], top: int = 18, sort: Iterable[str] = ("tottime", "cumulative")) -> str:
    """cProfile ``fn`` once; the ``top`` entries by each sort key, with paths shortened."""
    pr = cProfile.Profile()
    pr.enable()
    fn()
    pr.disable()
    out = []
    for key in sort:
        buf = io.StringIO()
        st = pstats.Stats(pr, stream=buf)
        st.sort_stats(key).print_stats(top)
        lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
        # keep the header line "ncalls tottime ..." and the entries
        start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
        total = next((ln.strip() for ln in lines if "function calls" in ln), "")
        out.append(f"-- by {key} ({total})")
        for ln in lines[start:]:
            parts = ln.split(None, 5)
            if len(parts) == 6:
                parts[5] = _short(parts[5])
                ln = f"{parts[0]:>12} {parts[1]:>8} {parts[2]:>8} {parts[3]:>8} {parts[4]:>8}  {parts[5]}"
            out.append(ln)
    return "\n".join(out)


def machine() -> str:
    try:
        load = "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:  # pragma: no cover
        load = "load average n/a"
    return f"Python {platform.python_version()}, {os.cpu_count()} cores, {load}"


def versions(*names: str) -> str:
    from importlib import metadata
    out = []
    for n in names:
        try:
            out.append(f"{n} {metadata.version(n)}")
        except metadata.PackageNotFoundError:
            out.append(f"{n} (not installed)")
    return ", ".join(out)


def bench_parser(doc: str | None, *, repeat: int, chars: int | None = None, before: bool = False,
                 profile: bool = False, json_what: str | None = None) -> argparse.ArgumentParser:
    """The command-line options the benchmark scripts share."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    if chars is not None:
        ap.add_argument("--chars", type=int, default=chars)
    ap.add_argument("--repeat", type=int, default=repeat)
    if before:
        ap.add_argument("--before", metavar="REV", help="also measure the package as it was at git revision REV")
    if profile:
        ap.add_argument("--no-profile", dest="profile", action="store_false")
    if json_what:
        ap.add_argument("--json", action="store_true", help=f"print {json_what} as one JSON line (used for --before)")
    return ap
