"""Worker start-up: forked from a warmed-up parent, or a forkserver that preloads the package."""
from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import textwrap
import threading

import pandas as pd
import pytest

corpus = importlib.import_module("summary_mining.corpus")

LINUX = sys.platform.startswith("linux")


@pytest.fixture()
def small_corpus(tmp_path, seed_path):
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(seed_path, d / "seed.txt")
    (d / "b.txt").write_text("一、目标任务完成情况\n签约项目10个，投资总额24亿元；履约项目9个，履约率90%。\n", encoding="utf-8")
    (d / "c.txt").write_text("2023年，全县实现到位资金9.88亿元，同比增长12.5%。\n", encoding="utf-8")
    return d


def test_warm_loads_jieba_and_every_rule_set():
    seg = importlib.import_module("summary_mining.rules.segment")
    corpus.warm()
    assert seg.Segmenter._default is not None and seg.Segmenter._default.tokenizer.initialized
    for mod, fn in [("rules.units", "metric_rules"), ("rules.labels", "label_rules"), ("structure", "structure_rules"),
                    ("problems", "problem_rules"), ("figure_relations.rules", "relation_rules")]:
        assert getattr(importlib.import_module(f"summary_mining.{mod}"), fn).cache_info().currsize >= 1, fn


@pytest.mark.skipif(not LINUX, reason="fork is only used on Linux")
def test_fork_when_no_other_thread_runs(monkeypatch):
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert corpus._pool_context().get_start_method() == "fork"


@pytest.mark.skipif(sys.platform == "win32", reason="spawn on Windows")
def test_forkserver_with_preload_when_threads_run(monkeypatch, small_corpus):
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    ctx = corpus._pool_context()
    assert ctx.get_start_method() == "forkserver"
    two = corpus.mine(small_corpus, n_jobs=2, progress=False)
    one = corpus.mine(small_corpus, n_jobs=1, progress=False)
    for name in ("metrics", "problems", "audit", "documents", "errors"):
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name))
    assert two.metrics[two.metrics["doc_id"] == "b"]["surface"].tolist() == ["10个", "24亿元", "9个", "90%"]


@pytest.mark.skipif(not LINUX, reason="elsewhere workers start by forkserver/spawn, which need the guard")
def test_a_script_without_a_main_guard_runs_two_workers(tmp_path, small_corpus):
    """A plain script (no ``if __name__ == "__main__":``) must not re-run itself in each worker."""
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import json
        from summary_mining import mine
        c = mine({str(small_corpus)!r}, n_jobs=2, progress=False)
        print(json.dumps({{"files": c.stats["files"], "failed": c.stats["failed"], "n": len(c.metrics),
                          "docs": sorted(set(c.metrics["doc_id"]))}}))
    """), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["files"] == 3 and res["failed"] == 0 and res["docs"] == ["b", "c", "seed"]
    assert res["n"] == len(corpus.mine(small_corpus, n_jobs=1, progress=False).metrics)


@pytest.mark.parametrize("cached, size, want", [
    ([], 16, [[0, 1, 2, 3, 4, 5]]),
    ([], 4, [[0, 1, 2, 3], [4, 5]]),
    ([2], 16, [[0, 1], [2, 3, 4]]),          # positions in todo: input 0,1 | 3,4,5 (input 2 is cached)
    ([0, 5], 16, [[0, 1, 2, 3]]),
    ([1, 3], 2, [[0], [1], [2, 3]]),
])
def test_batches_never_span_a_cached_file(cached, size, want):
    todo = [(i, None) for i in range(6) if i not in cached]
    assert corpus._batches(todo, size) == want


def test_cached_files_interleaved_with_new_ones_keep_input_order(tmp_path, seed_path):
    """Re-running after adding files between cached ones: same frames as a fresh run, 1 or 2 workers."""
    d = tmp_path / "corpus"
    d.mkdir()
    texts = {f"{k:02d}": f"第{k}季度签约项目{k + 1}个，投资总额{k + 2}亿元，同比增长{k + 3}.5%。\n" for k in range(12)}
    for name in list(texts)[::2]:
        (d / f"{name}.txt").write_text(texts[name], encoding="utf-8")
    cache = tmp_path / "cache"
    corpus.mine(d, n_jobs=2, cache_dir=cache, progress=False)
    for name in list(texts)[1::2]:
        (d / f"{name}.txt").write_text(texts[name], encoding="utf-8")
    fresh = corpus.mine(d, n_jobs=1, progress=False)
    for n_jobs in (1, 2):
        again = corpus.mine(d, n_jobs=n_jobs, cache_dir=cache, progress=False)
        assert (again.stats["processed"], again.stats["cached"]) == (6 if n_jobs == 1 else 0, 6 if n_jobs == 1 else 12)
        for name in ("metrics", "problems", "audit", "documents", "errors"):
            pd.testing.assert_frame_equal(getattr(again, name), getattr(fresh, name))
    assert fresh.metrics["doc_id"].drop_duplicates().tolist() == sorted(texts)
    assert fresh.metrics[fresh.metrics["doc_id"] == "07"]["surface"].tolist() == ["8个", "9亿元", "10.5%"]


def test_a_long_run_of_cached_files_streams_in_order(tmp_path):
    """More cached files in a row than one pack holds: same frames, parts written as they come."""
    d = tmp_path / "corpus"
    d.mkdir()
    for k in range(70):
        (d / f"{k:03d}.txt").write_text(f"签约项目{k + 1}个，到位资金{k + 2}亿元。\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = corpus.mine(d, n_jobs=1, cache_dir=cache, progress=False)
    again = corpus.mine(d, n_jobs=1, cache_dir=cache, progress=False, out_dir=tmp_path / "out", batch=20)
    assert again.stats["cached"] == 70
    pd.testing.assert_frame_equal(again.metrics, first.metrics, check_dtype=False)
    assert again.metrics["surface"].tolist()[-2:] == ["70个", "71亿元"]
    assert len(list((tmp_path / "out" / "metrics").glob("part-*.parquet"))) >= 2
