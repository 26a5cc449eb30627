"""A corpus run over a folder of good files mixed with hostile ones: it finishes, records every
failure in ``errors`` with its type, and loses none of the good files' results."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.problems import extract_problems
from summary_mining.readers import Limits

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_hostile import LAUGHS, ONE_PAGE, SEED, SEED_DOCX, SEED_PDF, SEED_TXT, _docx, _many_pages, _rezip, _with_dtd, build_pdf  # noqa: E402

corpus = pytest.importorskip("summary_mining.corpus")

MAX_BYTES = 2 * 1024 * 1024


def _good(d: Path) -> list[Path]:
    files = {
        "good_seed.txt": SEED_TXT.read_bytes(),
        "good_seed.docx": SEED_DOCX.read_bytes(),
        "good_seed.pdf": SEED_PDF.read_bytes(),
        "good_gbk.txt": SEED[:4000].encode("gbk"),
        "good_mixed.txt": SEED[:3000].encode() + SEED[3000:3200].encode("gbk") + SEED[3200:5000].encode(),
        "good_nul.txt": ("一、目标任务完成情况\n" + "签约项目10个。\n" * 1200 + "投资\x00总额24亿元。\n").encode(),
        "good_numerals.txt": ("一" * 100_000 + "\n签约项目12个，投资总额3.5亿元。\n").encode(),
        "good_brackets.txt": ("《" * 50_000 + "\n履约项目9个，履约率90%。\n").encode(),
    }
    out = []
    for name, data in files.items():
        (d / name).write_bytes(data)
        out.append(d / name)
    return out


def _bad(d: Path) -> dict[Path, tuple[str, str]]:
    good_docx = _docx()
    zero = build_pdf([ONE_PAGE[0], b"<< /Type /Pages /Kids [] /Count 0 >>"])
    encrypted = build_pdf(ONE_PAGE + [b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32
                                      + b"> /P -4 >>"],
                          b"/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")
    seed_pdf = SEED_PDF.read_bytes()
    files = {
        "bad_binary.txt": (bytes(range(256)) * 40, "EncodingError", "binary"),
        "bad_empty.txt": (b" \n\n ", "ReadError", "empty file"),
        "bad_big.txt": ("签约项目10个，".encode() * 120_000, "FileTooLargeError", "Limits.max_bytes"),
        "bad_bomb.docx": (_rezip(good_docx, add={"word/media/image1.png": b"\0" * (6 << 20)}), "FileTooLargeError", "zip bomb"),
        "bad_laughs.docx": (_rezip(good_docx, replace={"word/document.xml": _with_dtd(good_docx, LAUGHS, "d").encode()}),
                            "ReadError", "DTD"),
        "bad_missing.docx": (_rezip(good_docx, drop={"word/document.xml"}), "ReadError", "main document part"),
        "bad_notzip.docx": (b"PK\x03\x04" + os.urandom(2000), "ReadError", "not a DOCX"),
        "bad_ole.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + bytes(512),
                         "UnsupportedFormatError", "password"),
        "bad_encrypted.pdf": (encrypted, "ReadError", "encrypted"),
        "bad_truncated.pdf": (seed_pdf[: len(seed_pdf) // 3], "ReadError", "truncated or damaged"),
        "bad_zero_pages.pdf": (zero, "ReadError", "no pages"),
        "bad_scanned.pdf": (_many_pages(3), "NoTextLayerError", "no text layer"),
        "bad_too_many_pages.pdf": (_many_pages(2500), "FileTooLargeError", "Limits.max_pages"),
        "bad_pdf_junk.txt": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "ReadError", "truncated or damaged"),
    }
    out = {}
    for name, (data, error, reason) in files.items():
        (d / name).write_bytes(data)
        out[d / name] = (error, reason)
    return out


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile_corpus")
    good, bad = _good(d), _bad(d)
    assert all(p.stat().st_size <= MAX_BYTES for p in good)
    result = corpus.mine(d, n_jobs=1, progress=False, limits=Limits(max_bytes=MAX_BYTES))
    return good, bad, result


def test_the_run_finishes_and_accounts_for_every_file(hostile_run):
    good, bad, result = hostile_run
    assert result.stats["files"] == len(good) + len(bad)
    assert result.stats["failed"] == len(bad)
    read = set(result.documents["path"].astype(str))
    failed = set(result.errors["path"].astype(str))
    assert read == {str(p) for p in good}
    assert failed == {str(p) for p in bad}
    assert not read & failed


def test_every_failure_is_recorded_with_its_type_and_reason(hostile_run):
    _, bad, result = hostile_run
    errors = result.errors.set_index(result.errors["path"].astype(str))
    for path, (error, reason) in bad.items():
        row = errors.loc[str(path)]
        assert row["error"] == error, (path.name, row["message"])
        assert reason in row["message"] and row["message"].startswith(str(path)), (path.name, row["message"])
        assert row["doc_id"] == path.stem


@pytest.mark.parametrize("name", ["good_seed.txt", "good_seed.docx", "good_seed.pdf", "good_gbk.txt",
                                  "good_mixed.txt", "good_nul.txt", "good_numerals.txt", "good_brackets.txt"])
def test_good_files_lose_nothing(hostile_run, name):
    good, _, result = hostile_run
    path = next(p for p in good if p.name == name)
    docs = result.documents[result.documents["path"].astype(str) == str(path)]
    doc_id = docs["doc_id"].iloc[0]  # good_seed.txt / .docx / .pdf share a stem: the id keeps the suffix
    doc = sm.read_document(path, doc_id=doc_id)
    assert len(docs) == len(doc.articles)
    for frame, fn in ((result.metrics, sm.extract), (result.problems, extract_problems)):
        got = frame[frame["doc_id"] == doc_id].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, fn(doc).reset_index(drop=True), check_dtype=True)
    if name.startswith("good_seed"):
        assert (result.metrics["doc_id"] == doc_id).sum() > 100
    from summary_mining.auditing.api import audit

    got = result.audit[result.audit["doc_id"] == doc_id].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, audit(doc).reset_index(drop=True), check_dtype=True)


def test_the_mixed_encoding_file_is_read_as_written(hostile_run):
    good, _, result = hostile_run
    path = next(p for p in good if p.name == "good_mixed.txt")
    doc = sm.read_document(path)
    assert doc.text == SEED[:5000] and doc.metadata["encoding"] == "utf-8+gb18030"
    assert set(result.metrics.loc[result.metrics["doc_id"] == "good_mixed", "surface"]) >= {"60.07亿元", "92.42﹪"}
