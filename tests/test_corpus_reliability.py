"""Issue #17: a corpus run never loses, mixes up or invents data (re-runs, names, crashes, cache)."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from summary_mining import corpus
from summary_mining.corpus import mine

LINUX = sys.platform.startswith("linux")
SHORT = "一、目标任务完成情况\n签约项目10个，投资总额24亿元；履约项目9个，履约率90%。\n"
OTHER = "2023年，全县实现到位资金9.88亿元，同比增长12.5%。\n"


@pytest.fixture()
def small(tmp_path, seed_path):
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(seed_path, d / "seed.txt")
    (d / "b.txt").write_text(SHORT, encoding="utf-8")
    (d / "c.txt").write_text(OTHER, encoding="utf-8")
    return d


# -- item 1: out_dir re-runs -------------------------------------------------------------------------
@pytest.mark.parametrize("cached", [False, True])
def test_rerunning_into_the_same_out_dir_gives_the_same_rows(small, tmp_path, cached):
    out, cache = tmp_path / "out", (tmp_path / "cache" if cached else None)
    first = mine(small, n_jobs=1, progress=False, out_dir=out, batch=1, cache_dir=cache)
    again = mine(small, n_jobs=1, progress=False, out_dir=out, batch=64, cache_dir=cache)  # fewer parts
    assert len(first.metrics) == len(again.metrics) > 0
    pd.testing.assert_frame_equal(first.metrics, again.metrics)
    assert sorted(p.name for p in (out / "metrics").iterdir()) == ["part-00000.parquet"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parts"] == ["part-00000.parquet"] and manifest["stats"]["files"] == 3


def test_reusing_an_out_dir_for_another_corpus_returns_only_that_corpus(small, tmp_path):
    out = tmp_path / "out"
    mine(small, n_jobs=1, progress=False, out_dir=out, batch=1)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text(OTHER, encoding="utf-8")
    c = mine(other, n_jobs=1, progress=False, out_dir=out)
    assert set(c.documents["doc_id"]) == {"x"} and set(c.metrics["doc_id"]) == {"x"}
    frames = corpus.read_out_dir(out)
    assert frames["metrics"]["surface"].tolist() == ["9.88亿元", "12.5%"]
    assert len(pd.read_parquet(out / "metrics")) == 2  # no stale part left to read back


def test_a_run_cut_short_leaves_no_manifest(small, tmp_path, monkeypatch):
    out = tmp_path / "out"
    mine(small, n_jobs=1, progress=False, out_dir=out)

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "_work_batch", boom)
    with pytest.raises(KeyboardInterrupt):
        mine(small, n_jobs=1, progress=False, out_dir=out)
    with pytest.raises(FileNotFoundError, match="manifest.json"):
        corpus.read_out_dir(out)


# -- item 2: doc_id unique across folders -------------------------------------------------------------
def test_same_file_name_in_two_folders_gets_two_doc_ids(tmp_path):
    d = tmp_path / "corpus"
    for sub, text in (("a", SHORT), ("b", OTHER)):
        (d / sub).mkdir(parents=True)
        (d / sub / "report.txt").write_text(text, encoding="utf-8")
    (d / "alone.txt").write_text(OTHER, encoding="utf-8")
    c = mine(d, n_jobs=1, progress=False)
    assert c.documents[["doc_id", "path"]].values.tolist() == [
        ["a/report.txt", str(d / "a" / "report.txt")], ["alone", str(d / "alone.txt")],
        ["b/report.txt", str(d / "b" / "report.txt")]]
    by_doc = c.metrics.groupby("doc_id", sort=False)["surface"].apply(list).to_dict()
    assert by_doc == {"a/report.txt": ["10个", "24亿元", "9个", "90%"], "alone": ["9.88亿元", "12.5%"],
                      "b/report.txt": ["9.88亿元", "12.5%"]}
    assert set(c.audit["doc_id"]) <= {"a/report.txt"} and set(c.problems["doc_id"]) <= set(c.documents["doc_id"])


@pytest.mark.parametrize("names,ids", [
    (["seed.txt", "seed.docx"], ["seed.docx", "seed.txt"]),
    (["x/总结.txt", "y/总结.txt", "报告.txt"], ["x/总结.txt", "y/总结.txt", "报告"]),
    (["x/y/总结.md", "总结.txt"], ["x/y/总结.md", "总结.txt"]),
])
def test_doc_ids_are_unique_and_relative_to_the_folder(tmp_path, names, ids):
    paths = sorted(tmp_path / n for n in names)
    assert corpus.doc_ids(paths, [tmp_path] * len(paths)) == ids


def test_two_folders_with_the_same_relative_path_fall_back_to_full_paths(tmp_path):
    for root in ("r1", "r2"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "总结.txt").write_text(OTHER, encoding="utf-8")
        (tmp_path / root / "总结.md").write_text(OTHER, encoding="utf-8")
    c = mine([tmp_path / "r1", tmp_path / "r2"], n_jobs=1, progress=False)
    assert c.documents["doc_id"].is_unique and len(c.documents) == 4
    assert c.documents["doc_id"].tolist()[0] == (tmp_path / "r1" / "总结.md").as_posix()


# -- item 9: a worker that dies -----------------------------------------------------------------------
def _die_on(marker: str, how: str):
    """A replacement for ``corpus._mine_document`` that kills the worker process on a marked file
    (workers are forked, so they inherit it; the parent never mines in this test)."""
    import signal

    real = corpus._mine_document

    def mine_document(doc, res, regions=None):
        if marker in doc.text:
            if how == "exit":
                os._exit(3)
            import faulthandler
            faulthandler.disable()  # no traceback dump from the dying child
            os.kill(os.getpid(), signal.SIGKILL if how == "oom" else signal.SIGSEGV)
        real(doc, res, regions)

    return mine_document


@pytest.mark.skipif(not LINUX, reason="workers inherit the patched function only when forked (Linux)")
@pytest.mark.parametrize("how", ["exit", "oom", "segv"])
def test_a_dying_worker_costs_one_file_not_the_run(small, tmp_path, monkeypatch, how):
    monkeypatch.setattr(corpus.threading, "active_count", lambda: 1)  # fork: the workers inherit the patch
    for i in range(6):
        (small / f"n{i}.txt").write_text(f"签约项目{i + 1}个。\n", encoding="utf-8")
    (small / "n3.txt").write_text("签约项目4个。DIE\n", encoding="utf-8")
    want = mine(small, n_jobs=1, progress=False)
    monkeypatch.setattr(corpus, "_mine_document", _die_on("DIE", how))
    got = mine(small, n_jobs=2, progress=False, cache_dir=tmp_path / "cache")
    assert got.errors[["doc_id", "error"]].values.tolist() == [["n3", "WorkerCrashed"]]
    assert "n3.txt: the worker process died" in got.errors["message"][0]
    ok = want.metrics[want.metrics["doc_id"] != "n3"].reset_index(drop=True)
    pd.testing.assert_frame_equal(got.metrics, ok)
    assert got.documents["doc_id"].tolist() == [d for d in want.documents["doc_id"] if d != "n3"]
    assert got.stats["failed"] == 1
    monkeypatch.undo()
    again = mine(small, n_jobs=1, progress=False, cache_dir=tmp_path / "cache")  # a crash is not cached
    assert again.stats["cached"] == 8 and len(again.errors) == 0


# -- item 10: file names that are not UTF-8 -----------------------------------------------------------
GBK_NAME = "报告".encode("gbk") + b".txt"  # b"\xb1\xa8\xb8\xe6.txt": a GBK name unpacked on Linux


@pytest.fixture()
def bad_names(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    try:
        (Path(os.fsdecode(os.fsencode(d) + b"/" + GBK_NAME))).write_text(SHORT, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (Path(os.fsdecode(os.fsencode(d) + b"/bin\xff.txt"))).write_bytes(bytes(range(256)) * 8)
    (d / "ok.txt").write_text(OTHER, encoding="utf-8")
    return d


def test_file_names_that_are_not_utf8_are_mined_and_shown_escaped(bad_names, tmp_path):
    c = mine(bad_names, n_jobs=1, progress=False, out_dir=tmp_path / "out")
    shown = str(bad_names) + "/\\xb1\\xa8\\xb8\\xe6.txt"
    assert c.documents[["doc_id", "path"]].values.tolist() == [["ok", str(bad_names / "ok.txt")], ["\\xb1\\xa8\\xb8\\xe6", shown]]
    assert c.metrics[c.metrics["doc_id"] == "\\xb1\\xa8\\xb8\\xe6"]["surface"].tolist() == ["10个", "24亿元", "9个", "90%"]
    err = c.errors.iloc[0]
    assert (err["doc_id"], err["error"], err["path"]) == ("bin\\xff", "EncodingError", str(bad_names) + "/bin\\xff.txt")
    assert err["message"].startswith(str(bad_names) + "/bin\\xff.txt: binary")


def test_not_utf8_names_come_back_from_the_cache_shown_the_same(bad_names, tmp_path):
    first = mine(bad_names, n_jobs=1, progress=False, cache_dir=tmp_path / "cache")
    again = mine(bad_names, n_jobs=1, progress=False, cache_dir=tmp_path / "cache")
    assert again.stats["cached"] == 3
    for name in ("metrics", "documents", "errors"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(again, name))


# -- item 12: a cache folder that cannot be written ----------------------------------------------------
def _file_in_place(tmp_path):
    (tmp_path / "cache").write_text("not a folder")
    return tmp_path / "cache"


def _under_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    return tmp_path / "f" / "cache"


def _read_only(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    return d / "cache"


@pytest.mark.parametrize("make", [_file_in_place, _under_a_file, _read_only])
def test_an_unwritable_cache_warns_once_and_the_run_goes_on_uncached(small, tmp_path, make):
    cache = make(tmp_path)
    with pytest.warns(corpus.CacheWarning, match="cannot write the cache folder") as w:
        c = mine(small, n_jobs=2, progress=False, cache_dir=cache)
    assert len([x for x in w if issubclass(x.category, corpus.CacheWarning)]) == 1
    assert c.stats["cache"].startswith(f"off: {cache}: cannot write the cache folder")
    assert "cache off" in repr(c)
    want = mine(small, n_jobs=1, progress=False)
    pd.testing.assert_frame_equal(c.metrics, want.metrics)
    assert len(c.errors) == 0 and c.stats["processed"] == 3


def test_a_permission_error_on_the_cache_is_a_warning_even_as_root(small, tmp_path, monkeypatch):
    real = Path.write_bytes

    def denied(self, data):
        if "cache" in self.parts:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", denied)
    with pytest.warns(corpus.CacheWarning, match="PermissionError: Permission denied"):
        c = mine(small, n_jobs=1, progress=False, cache_dir=tmp_path / "cache")
    assert c.stats["cache"].startswith("off: ") and len(c.documents) > 0


# -- item 15: the cache holds data, never code ----------------------------------------------------------
class _Payload:
    """Unpickling this writes a marker file: what a planted cache entry would do under pickle.load."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "pwned"))


def test_a_planted_pickle_in_the_cache_does_not_run(small, tmp_path):
    import pickle

    cache, marker = tmp_path / "cache", tmp_path / "marker"
    first = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 3 and not list(cache.rglob("*.pkl"))
    bomb = pickle.dumps(_Payload(marker))
    for e in entries:  # every entry replaced, and a .pkl beside it (the old format's name)
        e.write_bytes(bomb)
        e.with_suffix(".pkl").write_bytes(bomb)
    again = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert not marker.exists()
    assert again.stats["cached"] == 0 and again.stats["processed"] == 3  # refused entries: mined again
    pd.testing.assert_frame_equal(first.metrics, again.metrics)
    third = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert third.stats["cached"] == 3 and not marker.exists()


@pytest.mark.parametrize("tamper", [
    lambda o: o.update(format="other"),
    lambda o: o.update(key="0" * 64),
    lambda o: o["metrics"][0].pop("surface"),
    lambda o: o["metrics"][0].update(start="12"),
    lambda o: o["metrics"][0].update(start=True),
    lambda o: o.update(metrics={"a": 1}),
])
def test_a_tampered_entry_is_discarded_and_the_file_mined_again(small, tmp_path, tamper):
    cache = tmp_path / "cache"
    first = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    key = corpus._cache_key(str(small / "b.txt"), "b")
    entry = corpus._entry(cache, key)
    obj = json.loads(entry.read_text(encoding="utf-8"))
    tamper(obj)
    entry.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    again = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert (again.stats["cached"], again.stats["processed"]) == (2, 1)
    pd.testing.assert_frame_equal(first.metrics, again.metrics)


def test_cached_frames_equal_fresh_frames_audit_evidence_included(small, tmp_path):
    cache = tmp_path / "cache"
    fresh = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    cached = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert cached.stats["cached"] == 3
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(getattr(fresh, name), getattr(cached, name))
    assert isinstance(cached.audit["evidence"].iloc[0][0], tuple)


# -- item 5: the cache key is made from the bytes the worker read ---------------------------------------
def test_a_file_changed_between_lookup_and_read_is_cached_under_what_was_read(small, tmp_path, monkeypatch):
    cache, f = tmp_path / "cache", small / "b.txt"
    real = corpus._cache_key

    def key_then_change(path, doc_id):
        key = real(path, doc_id)  # the main process hashes SHORT ...
        if path.endswith("b.txt"):
            f.write_text(OTHER, encoding="utf-8")  # ... and the file changes before the worker reads it
        return key

    monkeypatch.setattr(corpus, "_cache_key", key_then_change)
    raced = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert raced.metrics[raced.metrics["doc_id"] == "b"]["surface"].tolist() == ["9.88亿元", "12.5%"]  # what was read
    monkeypatch.undo()
    f.write_text(SHORT, encoding="utf-8")  # back to the content the lookup hashed
    again = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert again.metrics[again.metrics["doc_id"] == "b"]["surface"].tolist() == ["10个", "24亿元", "9个", "90%"]
    f.write_text(OTHER, encoding="utf-8")  # the content the worker read was cached under its own key
    third = mine(small, n_jobs=1, progress=False, cache_dir=cache)
    assert third.stats["cached"] == 3
    assert third.metrics[third.metrics["doc_id"] == "b"]["surface"].tolist() == ["9.88亿元", "12.5%"]


# -- item 8: every path ends in documents or errors (links, pipes) ---------------------------------------
@pytest.fixture()
def odd_paths(tmp_path):
    if not hasattr(os, "mkfifo") or not hasattr(os, "symlink"):
        pytest.skip("needs named pipes and symbolic links (POSIX)")
    d, outside = tmp_path / "corpus", tmp_path / "outside"
    d.mkdir()
    outside.mkdir()
    (d / "ok.txt").write_text(OTHER, encoding="utf-8")
    (outside / "secret.txt").write_text(SHORT, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")  # would block a reader forever
    os.symlink(outside / "secret.txt", d / "out.txt")
    os.symlink(d / "ok.txt", d / "inside.txt")
    os.symlink(tmp_path / "nowhere.txt", d / "dangling.txt")
    os.symlink(outside, d / "linked_dir")
    return d


def test_links_pipes_and_dangling_links_each_get_a_row(odd_paths):
    c = mine(odd_paths, n_jobs=1, progress=False)
    assert c.documents["doc_id"].tolist() == ["inside", "ok"]
    errors = c.errors.set_index("doc_id")
    assert errors["error"].to_dict() == {"dangling": "NotAFile", "linked_dir": "OutsideRoot", "out": "OutsideRoot",
                                         "pipe": "NotAFile"}
    assert "a symbolic link to nothing" in errors.loc["dangling", "message"]
    assert "named pipe" in errors.loc["pipe", "message"] and errors.loc["pipe", "path"] == str(odd_paths / "pipe.txt")
    assert "follow_links=True" in errors.loc["out", "message"]
    assert "secret" not in set(c.metrics["doc_id"]) and len(c.metrics[c.metrics["doc_id"] == "out"]) == 0
    assert c.stats["files"] == len(c.documents["doc_id"].unique()) + len(c.errors) == 6


def test_follow_links_reads_what_the_links_lead_to(odd_paths):
    c = mine(odd_paths, n_jobs=1, progress=False, follow_links=True)
    assert c.documents["doc_id"].tolist() == ["inside", "secret", "ok", "out"]
    assert c.errors[["doc_id", "error"]].values.tolist() == [["dangling", "NotAFile"], ["pipe", "NotAFile"]]
    assert c.metrics[c.metrics["doc_id"] == "out"]["surface"].tolist() == ["10个", "24亿元", "9个", "90%"]


def test_a_link_cycle_is_walked_once(tmp_path):
    if not hasattr(os, "symlink"):
        pytest.skip("needs symbolic links")
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text(OTHER, encoding="utf-8")
    os.symlink(d, d / "sub" / "loop")
    c = mine(d, n_jobs=1, progress=False, follow_links=True)
    assert c.documents["doc_id"].tolist() == ["a"]


# -- item 4: the time limit off the main thread (dask) ------------------------------------------------------
def _slow_on(doc_id: str, seconds: float = 5.0):
    """Analysis.metrics_rows that works (in Python, as a pathological rule would) for ``seconds`` on one file."""
    import time

    from summary_mining.pipeline import Analysis

    real = Analysis.metrics_rows

    def slow(self, *a, **kw):
        if self.doc.doc_id == doc_id:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                time.sleep(0.005)
        return real(self, *a, **kw)

    return slow


def test_the_time_limit_holds_on_a_thread(small, monkeypatch):
    import threading

    from summary_mining.pipeline import Analysis

    corpus.warm()  # jieba and the rules loaded: the limit measures the file, not the start-up
    monkeypatch.setattr(Analysis, "metrics_rows", _slow_on("b"))  # 5 s of work: the error proves the guard
    out = {}
    th = threading.Thread(target=lambda: out.update(c=mine(small, n_jobs=1, progress=False, time_limit=2)))
    th.start()
    th.join(30)
    err = out["c"].errors.set_index("doc_id").loc["b"]
    assert err["error"] == "TimeLimitError" and "2-second time limit" in err["message"]
    assert set(out["c"].documents["doc_id"]) == {"seed", "c"}


def test_dask_honours_the_time_limit_and_equals_the_process_engine(small, monkeypatch):
    distributed = pytest.importorskip("distributed")
    from summary_mining.pipeline import Analysis

    corpus.warm()
    monkeypatch.setattr(Analysis, "metrics_rows", _slow_on("b"))
    local = mine(small, n_jobs=1, progress=False, time_limit=2)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = mine(small, engine="dask", client=client, progress=False, time_limit=2)
    assert remote.errors[["doc_id", "error"]].values.tolist() == [["b", "TimeLimitError"]]
    for name in corpus.FRAMES:
        pd.testing.assert_frame_equal(getattr(local, name), getattr(remote, name))


@pytest.mark.parametrize("name,error,reason", [
    ("missing.txt", "DocumentNotFoundError", "no such file"),
    ("old.doc", "UnsupportedFormatError", "legacy Word"),
])
def test_files_given_by_name_fail_as_read_document_says(tmp_path, name, error, reason):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0whatever")
    c = mine([tmp_path / name], n_jobs=1, progress=False)
    err = c.errors.iloc[0]
    assert err["error"] == error and reason in err["message"] and err["message"].startswith(str(tmp_path / name))
