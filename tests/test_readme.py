"""Every command block of the README runs as written: the shell commands (set-up lines checked, the
work they do run in a copy of ``corpora/``), the Python blocks in order, and — marked slow — the
first command end to end in a fresh venv with pip alone."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", README, flags=re.S | re.M)

#: Set-up steps the README's commands may use (they are what a fresh machine runs).
SETUP = {"python3 -m venv .venv", ". .venv/bin/activate", "pip install -e .", "pip install -e '.[test]'"}
#: This very test suite: run by whoever runs these tests, not again from inside them.
THE_SUITE = "python -m pytest -q"


def _shell_lines() -> list[str]:
    lines = []
    for lang, body in BLOCKS:
        if lang not in ("", "bash"):
            continue
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith("#") and (line.startswith("summary-mining") or "&&" in line):
                lines.append(line)
    return lines


def _python_blocks() -> list[str]:
    return [body for lang, body in BLOCKS if lang == "python"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "corpora", d / "corpora")
    return d


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def test_the_readme_has_its_two_commands_and_the_command_line_examples():
    lines = _shell_lines()
    assert sum("&&" in line for line in lines) == 2
    assert any(line.startswith("summary-mining mine corpora/ -o out/结果.xlsx") for line in lines)
    assert len(_python_blocks()) >= 6


def test_setup_steps_are_ones_a_fresh_machine_can_run():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for line in _shell_lines():
        if "&&" not in line:
            continue
        *setup, work = [p.strip() for p in line.split("&&")]
        assert set(setup) <= SETUP, setup
        for extra in re.findall(r"\.\[(\w+)\]", line):
            assert re.search(rf"^{extra} = \[", pyproject, flags=re.M), f"extra [{extra}] is not in pyproject.toml"
        assert work.startswith("summary-mining ") or work == THE_SUITE


@pytest.mark.parametrize("line", [line.split("&&")[-1].strip() for line in _shell_lines()
                                  if line.split("&&")[-1].strip() != THE_SUITE])
def test_readme_command_runs(line, workdir):
    command = line.split("  #")[0].split(" # ")[0].strip()
    argv = shlex.split(command)
    run = subprocess.run(argv, cwd=workdir, env=_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, (command, run.stderr[-2000:])
    for flag in ("-o", "--html"):
        if flag in argv:
            assert (workdir / argv[argv.index(flag) + 1]).stat().st_size > 0, command
    if "-o" in argv:
        assert "files: " in run.stderr and "next: summary-mining show" in run.stderr


def test_readme_python_blocks_run_in_order(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    namespace: dict = {}
    for block in _python_blocks():
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    assert (workdir / "out" / "seed.html").exists() and (workdir / "out" / "对比.xlsx").exists()
    assert namespace["doc"].section_path(200) == "一、目标任务完成情况"
    assert len(namespace["findings"]) == 38 and len(namespace["corpus"].documents) > 0


@pytest.mark.slow
def test_first_command_in_a_fresh_venv_with_pip_alone(tmp_path):
    """The README's first line, exactly as written, in a clean copy of the checkout (pip needs an index)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to copy the tracked files from")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    checkout = tmp_path / "checkout"
    for f in filter(None, files):
        src = ROOT / f.decode()
        if src.is_file():
            (checkout / f.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, checkout / f.decode())
    first = next(line for line in _shell_lines() if "&&" in line and THE_SUITE not in line)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(Path(sys.prefix))))
    run = subprocess.run(["bash", "-c", first], cwd=checkout, env=env, capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    assert (checkout / "out" / "对比.xlsx").stat().st_size > 10_000
    assert "files: " in run.stderr
    printed = {line.split()[0]: line.split()[1:] for line in run.stdout.splitlines() if line.strip()}
    assert printed["洛阳市"][:3] == ["2023", "5481.6000", "3.5"]  # region, period, 地区生产总值(亿元), its growth
