"""The ``summary-mining`` command line.

Examples (示例)::

    summary-mining extract corpora/ -o out/metrics.csv        # 提取全部数字指标
    summary-mining extract 报告.pdf 总结.docx -o metrics.parquet
    summary-mining show corpora/seed.txt                        # 查看一份文档及其指标

Exit codes: 0 every file was read; 1 some files failed (their errors are written beside the
output as ``<output>.errors.csv`` and listed on stderr, after all results are written);
2 bad command-line usage.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .errors import SummaryMiningError
from .readers import FORMATS

__all__ = ["main", "expand_paths", "write_frame"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def expand_paths(paths: list[str]) -> list[Path]:
    """Files as given, and the readable files (.txt/.md/.docx/.pdf) under directories, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FORMATS))
        else:
            out.append(p)
    return out


def write_frame(df: pd.DataFrame, path: Path) -> None:
    """Write by suffix: .csv (UTF-8 with BOM, so Excel opens it right), .parquet, .xlsx, .jsonl."""
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif suffix == ".parquet":
        df.to_parquet(path, index=False)
    elif suffix == ".xlsx":
        df.to_excel(path, index=False)
    elif suffix == ".jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise ValueError(f"unsupported output format {suffix!r}; use .csv, .parquet, .xlsx or .jsonl")


def doc_ids(paths: list[Path]) -> list[str]:
    """File stems as document ids; files sharing a stem (seed.txt, seed.docx) keep their suffix."""
    stems = [p.stem for p in paths]
    return [p.stem if stems.count(p.stem) == 1 else p.name for p in paths]


def _run_each(paths: list[Path], fn) -> tuple[list[pd.DataFrame], list[dict]]:
    from .readers import read_document

    frames, errors = [], []
    for p, doc_id in zip(paths, doc_ids(paths)):
        try:
            frames.append(fn(read_document(p, doc_id=doc_id)))
        except SummaryMiningError as e:
            errors.append({"path": str(p), "error": type(e).__name__, "message": str(e)})
    return frames, errors


def _cmd_extract(args: argparse.Namespace) -> int:
    from .extraction import extract
    from .frame import empty_frame

    paths = expand_paths(args.paths)
    frames, errors = _run_each(paths, extract)
    df = pd.concat(frames, ignore_index=True) if frames else empty_frame()
    if args.output:
        out = Path(args.output)
        write_frame(df, out)
        print(f"{len(df)} figures from {len(frames)} of {len(paths)} files -> {out}", file=sys.stderr)
    else:
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 30):
            print(df[["doc_id", "article", "surface", "kind", "value", "unit", "label", "indicator"]].to_string(index=False))
    return _report_errors(errors, Path(args.output) if args.output else None)


def _report_errors(errors: list[dict], output: Path | None) -> int:
    if not errors:
        return EXIT_OK
    for e in errors:
        print(f"error: {e['message']}", file=sys.stderr)
    if output is not None:
        err_path = output.with_name(output.stem + ".errors.csv")
        pd.DataFrame(errors, columns=["path", "error", "message"]).to_csv(err_path, index=False, encoding="utf-8-sig")
        print(f"{len(errors)} files failed -> {err_path}", file=sys.stderr)
    return EXIT_SOME_FAILED


def _cmd_show(args: argparse.Namespace) -> int:
    from .extraction import extract
    from .readers import read_document

    try:
        doc = read_document(args.file)
    except SummaryMiningError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_SOME_FAILED
    df = extract(doc)
    print(f"{doc.doc_id}  ({doc.format}, {len(doc.text)} chars, {len(doc.articles)} articles, {len(doc.sections)} sections)")
    for a in doc.articles:
        rows = df[df["article"] == a.index]
        print(f"\n== 第{a.index}篇 {a.title}  [{a.start}:{a.end}]  {len(rows)} figures")
        for r in rows.itertuples():
            value = r.value if r.value == r.value else ("xx" if r.redacted else f"{r.low}–{r.high}")
            label = "" if pd.isna(r.label) else r.label
            print(f"  [{r.start:>6}] {r.surface:<14} {r.kind:<10} {value} {r.unit}  {label}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summary-mining", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="提取数字指标 / extract figures to a table",
                       description="Extract every figure. 例: summary-mining extract corpora/ -o out/metrics.csv")
    e.add_argument("paths", nargs="+", help="files or directories (.txt .md .docx .pdf)")
    e.add_argument("-o", "--output", help="output file: .csv .parquet .xlsx .jsonl (default: print a table)")
    e.set_defaults(func=_cmd_extract)
    s = sub.add_parser("show", help="查看文档及其指标 / show one document with its figures",
                       description="例: summary-mining show corpora/seed.txt")
    s.add_argument("file")
    s.set_defaults(func=_cmd_show)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
