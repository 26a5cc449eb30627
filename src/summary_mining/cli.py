"""The ``summary-mining`` command line.

Examples (示例)::

    summary-mining extract corpora/ -o out/metrics.csv        # 提取全部数字指标
    summary-mining extract 报告.pdf 总结.docx -o metrics.parquet --jobs 4 --cache .cache
    summary-mining problems corpora/ -o out/problems.xlsx     # 存在的问题
    summary-mining audit corpora/ -o out/audit.csv            # 数字一致性核对
    summary-mining compare reports/ -o out/对比.xlsx           # 地区对比表（冲突另列）
    summary-mining show corpora/seed.txt                        # 查看一份文档及其指标
    summary-mining show corpora/seed.txt --html out/seed.html   # 高亮显示的 HTML 页面

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
__all__ = ["main", "write_frame", "build_parser"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


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


def _mine(args: argparse.Namespace):
    from .corpus import mine

    return mine(args.paths, n_jobs=args.jobs, engine=args.engine, cache_dir=args.cache,
                progress=not args.no_progress, time_limit=args.time_limit or None)


def _table_command(name: str, columns: list[str]):
    """extract / problems / audit: mine the files, write (or print) one of the corpus frames."""

    def run(args: argparse.Namespace) -> int:
        corpus = _mine(args)
        df = getattr(corpus, name)
        out = Path(args.output) if args.output else None
        if out is not None:
            write_frame(df, out)
            n_ok = corpus.stats["files"] - corpus.stats["failed"]
            print(f"{len(df)} rows from {n_ok} of {corpus.stats['files']} files -> {out}", file=sys.stderr)
        else:
            with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 40):
                print(df[[c for c in columns if c in df.columns]].to_string(index=False))
        return _report_errors(corpus.errors.to_dict("records"), out)

    return run


def _cmd_compare(args: argparse.Namespace) -> int:
    from .comparison import compare

    corpus = _mine(args)
    table, conflicts = compare(corpus.metrics, unit=args.unit, return_conflicts=True)
    out = Path(args.output) if args.output else None
    if out is None:
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_columns", 12):
            print(table.to_string(index=False))
    elif out.suffix.lower() == ".xlsx":
        from .export import to_excel
        out.parent.mkdir(parents=True, exist_ok=True)
        to_excel(table, out, sheets={"冲突": conflicts})
    else:
        write_frame(table, out)
        write_frame(conflicts, out.with_name(out.stem + ".conflicts" + out.suffix))
    if out is not None:
        print(f"{len(table)} regions/periods, {len(conflicts)} conflicting figures -> {out}", file=sys.stderr)
    return _report_errors(corpus.errors.to_dict("records"), out)


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
    from .documents import read_document

    try:
        doc = read_document(args.file)
    except SummaryMiningError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_SOME_FAILED
    df = extract(doc)
    if args.html:
        from .view import show
        path = show(doc, metrics=df).save(args.html)
        print(f"{doc.doc_id}: {len(df)} figures -> {path}", file=sys.stderr)
        return EXIT_OK
    print(f"{doc.doc_id}  ({doc.format}, {len(doc.text)} chars, {len(doc.articles)} articles, {len(doc.sections)} sections)")
    for a in doc.articles:
        rows = df[df["article"] == a.index]
        print(f"\n== 第{a.index}篇 {a.title}  [{a.start}:{a.end}]  {len(rows)} figures")
        for r in rows.itertuples():
            value = r.value if r.value == r.value else ("xx" if r.redacted else f"{r.low}–{r.high}")
            label = "" if pd.isna(r.label) else r.label
            print(f"  [{r.start:>6}] {r.surface:<14} {r.kind:<10} {value} {r.unit}  {label}")
    return EXIT_OK


def _corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="files or directories (.txt .md .docx .pdf)")
    p.add_argument("-o", "--output", help="output file: .csv .parquet .xlsx .jsonl (default: print a table)")
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=("process", "dask"), default="process", help="process pool or dask.distributed")
    p.add_argument("--cache", metavar="DIR", help="cache results by content hash; re-runs process only new files")
    p.add_argument("--time-limit", type=float, default=120.0, metavar="SECONDS", help="per-file time limit (0: none)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summary-mining", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    commands = [
        ("extract", "metrics", "提取数字指标 / extract figures",
         "例: summary-mining extract corpora/ -o out/metrics.csv --jobs 2",
         ["doc_id", "article", "surface", "kind", "value", "unit", "label", "indicator"]),
        ("problems", "problems", "提取存在的问题 / extract problem statements",
         "例: summary-mining problems corpora/ -o out/problems.xlsx",
         ["doc_id", "article", "item", "text", "categories"]),
        ("audit", "audit", "核对数字一致性 / check figures against each other",
         "例: summary-mining audit corpora/seed.txt",
         ["doc_id", "article", "check", "status", "stated", "computed", "message"]),
    ]
    for name, frame, help_, example, columns in commands:
        c = sub.add_parser(name, help=help_, description=f"{help_}. {example}")
        _corpus_options(c)
        c.set_defaults(func=_table_command(frame, columns))
    c = sub.add_parser("compare", help="地区对比表 / one row per region and period, one column per indicator",
                       description="地区对比表. 例: summary-mining compare reports/ -o 对比.xlsx --unit 亿元")
    _corpus_options(c)
    c.add_argument("--unit", default="亿元", help="money unit of the table: 亿元 (default), 万元 or 元")
    c.set_defaults(func=_cmd_compare)
    s = sub.add_parser("show", help="查看文档及其指标 / show one document with its figures",
                       description="例: summary-mining show corpora/seed.txt")
    s.add_argument("file")
    s.add_argument("--html", metavar="OUT", help="write a highlighted, self-contained HTML view / 输出可视化 HTML 文件")
    s.set_defaults(func=_cmd_show)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
