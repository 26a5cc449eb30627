"""Before/after: run a benchmark against the package as it was at an earlier git revision.

``--before REV`` on the benchmark scripts exports ``src/`` of ``REV`` (``git archive``) into a
cache directory and runs the same benchmark script in a subprocess whose ``PYTHONPATH`` puts that
old package first. The subprocess measures its own ratios (old ``extract`` against ``jieba.lcut``
in the same process, and so on), so "before" and "after" are each a same-process ratio and
can be compared even though they ran minutes apart.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def export_src(rev: str) -> Path:
    """``src/`` of ``rev`` in a cache directory (reused across runs); returns the ``src`` folder."""
    full = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    dest = Path(tempfile.gettempdir()) / "summary-mining-bench" / full[:12]
    src = dest / "src"
    if not (src / "summary_mining" / "__init__.py").exists():
        tar = subprocess.run(["git", "archive", "--format=tar", full, "src"], cwd=ROOT, capture_output=True,
                             check=True).stdout
        dest.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(tar)) as t:
            t.extractall(dest, filter="data")
    return src


def env_for(rev: str) -> dict[str, str]:
    """The environment of a subprocess that imports ``summary_mining`` as it was at ``rev``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(export_src(rev)), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def short(rev: str) -> str:
    return subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def run_json(script: str, args: list[str], rev: str) -> dict:
    """Run ``benchmarks/<script> --json ARGS`` against ``rev``'s package; its last stdout line as JSON."""
    cmd = [sys.executable, str(HERE / script), "--json", *args]
    proc = subprocess.run(cmd, cwd=HERE, env=env_for(rev), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{script} at {rev} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
