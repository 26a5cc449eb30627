"""Corpus runs: every file accounted for, identical frames whatever the engine, caching."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.corpus import mine


@pytest.fixture()
def mixed_corpus(tmp_path, seed_path, seed_text):
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(seed_path, d / "good.txt")
    (d / "gbk.txt").write_bytes(seed_text[:3000].encode("gbk"))
    (d / "short.md").write_text("一、目标任务完成情况\n签约项目10个，投资总额24亿元。\n", encoding="utf-8")
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ngarbage" * 3)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "ignored.png").write_bytes(b"\x89PNG")  # not a document type: not listed
    return d


def test_every_file_is_in_documents_or_errors(mixed_corpus):
    c = mine(mixed_corpus, n_jobs=1, progress=False)
    ok = set(c.documents["doc_id"])
    failed = set(c.errors["doc_id"])
    assert ok == {"good", "gbk", "short"}
    assert failed == {"corrupt", "empty", "binary"}
    errors = c.errors.set_index("doc_id")
    assert errors.loc["corrupt", "error"] == "ReadError" and "corrupt.pdf" in errors.loc["corrupt", "message"]
    assert errors.loc["binary", "error"] == "EncodingError"
    assert errors.loc["empty", "message"].endswith("empty file")
    assert c.stats == {"files": 6, "processed": 6, "cached": 0, "failed": 3, "n_jobs": 1, "engine": "process"}


def test_results_equal_the_single_file_api(mixed_corpus):
    c = mine(mixed_corpus, n_jobs=1, progress=False)
    single = sm.extract(mixed_corpus / "good.txt")
    got = c.metrics[c.metrics["doc_id"] == "good"].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, single)
    probs = sm.extract_problems(mixed_corpus / "good.txt")
    pd.testing.assert_frame_equal(c.problems[c.problems["doc_id"] == "good"].reset_index(drop=True), probs)
    gbk = c.metrics[c.metrics["doc_id"] == "gbk"]
    assert gbk["surface"].tolist()[:2] == ["60.07亿元", "92.42﹪"]


#: Three shares of one whole, the last far off it: held to its siblings, it is inconsistent (not another whole's).
_SIBLING_SHARES = ("全省实际使用外资233.2亿美元。苏南地区实际使用外资141.5亿美元，占全省总量的60.7%；苏中地区实际使用外资48.2亿美元，"
                   "占全省总量的20.7%；苏北地区实际使用外资43.5亿美元，占全省总量的5.6%。")


def test_the_corpus_audit_equals_the_single_file_audit(tmp_path, seed_path):
    """mine() checks the relations as audit() does (ratios held to their siblings included)."""
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(seed_path, d / "good.txt")
    (d / "shares.txt").write_text(_SIBLING_SHARES, encoding="utf-8")
    c = mine(d, n_jobs=1, progress=False)
    for name in ("good", "shares"):
        single = sm.audit(d / f"{name}.txt")
        got = c.audit[c.audit["doc_id"] == name].reset_index(drop=True)
        assert got[["check", "status", "message"]].values.tolist() == single[["check", "status", "message"]].values.tolist()
    shares = c.audit[c.audit["doc_id"] == "shares"]
    assert shares["status"].tolist()[-1] == "inconsistent" and "5.6%" in shares["message"].tolist()[-1]


def test_documents_frame_has_one_row_per_article(mixed_corpus):
    c = mine(mixed_corpus, n_jobs=1, progress=False)
    good = c.documents[c.documents["doc_id"] == "good"]
    assert good["article"].tolist() == [1, 2, 3, 4, 5, 6]
    assert good["title"].tolist()[0] == "投资促进工作总结篇1"
    assert set(good["format"]) == {"txt"}
    assert list(c.documents.columns) == ["doc_id", "path", "article", "title", "region", "period", "chars", "format"]


def test_same_frames_with_two_workers(mixed_corpus):
    one = mine(mixed_corpus, n_jobs=1, progress=False)
    two = mine(mixed_corpus, n_jobs=2, progress=False)
    for name in ("metrics", "problems", "audit", "documents", "errors"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))


def test_cache_processes_only_new_files(mixed_corpus, tmp_path, seed_path):
    cache = tmp_path / "cache"
    first = mine(mixed_corpus, n_jobs=1, cache_dir=cache, progress=False)
    assert first.stats["processed"] == 6
    shutil.copy(seed_path, mixed_corpus / "added.txt")
    second = mine(mixed_corpus, n_jobs=1, cache_dir=cache, progress=False)
    assert (second.stats["processed"], second.stats["cached"]) == (1, 6)
    pd.testing.assert_frame_equal(second.metrics[second.metrics["doc_id"] == "good"].reset_index(drop=True),
                                  first.metrics[first.metrics["doc_id"] == "good"].reset_index(drop=True))
    assert set(second.documents["doc_id"]) == {"good", "gbk", "short", "added"}


def test_dask_engine_on_a_local_cluster_equals_the_local_run(mixed_corpus):
    distributed = pytest.importorskip("distributed")
    local = mine(mixed_corpus, n_jobs=1, progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = mine(mixed_corpus, engine="dask", client=client, progress=False)
    for name in ("metrics", "problems", "audit", "documents", "errors"):
        pd.testing.assert_frame_equal(getattr(local, name), getattr(remote, name))


def test_bad_engine_is_a_value_error(mixed_corpus):
    with pytest.raises(ValueError, match="process, dask"):
        mine(mixed_corpus, engine="spark")


def test_time_limit_records_a_typed_error(mixed_corpus, monkeypatch):
    import time

    from summary_mining.pipeline import Analysis
    real = Analysis.metrics_rows

    def slow(self, *a, **kw):
        if self.doc.doc_id == "short":
            time.sleep(5)
        return real(self, *a, **kw)

    monkeypatch.setattr(Analysis, "metrics_rows", slow)
    c = mine(mixed_corpus, n_jobs=1, progress=False, time_limit=0.5)
    err = c.errors.set_index("doc_id").loc["short"]
    assert err["error"] == "TimeLimitError" and "0.5-second time limit" in err["message"]
    assert "good" in set(c.documents["doc_id"])


def test_out_dir_streams_parquet_parts(mixed_corpus, tmp_path):
    out = tmp_path / "parts"
    c = mine(mixed_corpus, n_jobs=1, progress=False, out_dir=out, batch=2)
    parts = sorted(p.name for p in (out / "metrics").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    mem = mine(mixed_corpus, n_jobs=1, progress=False)
    assert c.metrics["surface"].tolist() == mem.metrics["surface"].tolist()
    assert sorted(c.errors["doc_id"]) == ["binary", "corrupt", "empty"]
    lazy = mine(mixed_corpus, n_jobs=1, progress=False, out_dir=tmp_path / "p2", load=False)
    assert len(lazy.metrics) == 0 and len(pd.read_parquet(tmp_path / "p2" / "metrics")) == len(mem.metrics)


def test_a_rule_timeout_is_not_cached_so_a_bigger_budget_retries(mixed_corpus, tmp_path, monkeypatch):
    from summary_mining import datafiles

    cache = tmp_path / "cache"
    monkeypatch.setattr(datafiles, "TRUST_SHIPPED_RULES", False)  # the package's own rules under the budget too
    monkeypatch.setattr(datafiles, "MATCH_TIMEOUT", 1e-9)
    tight = mine(mixed_corpus, n_jobs=1, progress=False, cache_dir=cache)
    errors = tight.errors.set_index("doc_id")
    assert set(errors.index) == {"good", "gbk", "short", "corrupt", "empty", "binary"}
    assert errors.loc["good", "error"] == "RuleTimeoutError" and "good.txt" in errors.loc["good", "message"]
    monkeypatch.setattr(datafiles, "MATCH_TIMEOUT", 5.0)
    again = mine(mixed_corpus, n_jobs=1, progress=False, cache_dir=cache)
    assert set(again.documents["doc_id"]) == {"good", "gbk", "short"}
    assert again.stats["cached"] == 3  # only the read errors (corrupt, empty, binary) came from the cache
    assert set(again.errors["doc_id"]) == {"corrupt", "empty", "binary"}


def test_region_detection_runs_under_the_rule_guard(mixed_corpus, monkeypatch):
    from summary_mining import datafiles
    from summary_mining.corpus import _document_rows
    from summary_mining.errors import RuleTimeoutError
    from summary_mining.pipeline import Analysis

    doc = sm.read_document(mixed_corpus / "short.md")
    rows = _document_rows(doc, Analysis(doc).article_rows)
    assert [(r["article"], r["title"]) for r in rows] == [(1, "一、目标任务完成情况")]
    monkeypatch.setattr(datafiles, "TRUST_SHIPPED_RULES", False)
    monkeypatch.setattr(datafiles, "MATCH_TIMEOUT", 1e-9)
    with pytest.raises(RuleTimeoutError, match="short.md: .*MATCH_TIMEOUT"):
        Analysis(sm.read_document(mixed_corpus / "short.md")).article_rows  # a fresh analysis: detection runs again


def test_a_region_detection_failure_is_an_error_row_not_a_crash(mixed_corpus, monkeypatch):
    import summary_mining.places.regions as regions

    real = regions.detect_region

    def choke(doc, *args, **kwargs):
        if getattr(doc, "doc_id", None) == "short":
            raise TimeoutError("regex timed out")  # what a regex call without the rx_* guard raises
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(regions, "detect_region", choke)
    c = mine(mixed_corpus, n_jobs=1, progress=False)
    err = c.errors.set_index("doc_id").loc["short"]
    assert err["error"] == "RuleTimeoutError" and "short.md" in err["message"]
    assert set(c.documents["doc_id"]) == {"good", "gbk"}


def test_one_region_detection_per_document(mixed_corpus, monkeypatch):
    """extract, audit and the documents table share one detection (one Analysis per document)."""
    import summary_mining.places.regions as regions

    calls = []
    real = regions.detect_region
    monkeypatch.setattr(regions, "detect_region", lambda doc, *a, **k: calls.append(a) or real(doc, *a, **k))
    c = mine(mixed_corpus, n_jobs=1, progress=False)
    readable = sorted(mixed_corpus / f"{d}{ext}" for d, ext in [("good", ".txt"), ("gbk", ".txt"), ("short", ".md")])
    expected = sum(len(regions._article_indices(sm.read_document(p))) for p in readable)  # articles + preamble
    assert len(calls) == expected == 11 and set(c.documents["doc_id"]) == {"good", "gbk", "short"}
