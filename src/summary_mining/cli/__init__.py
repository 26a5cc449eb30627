"""The ``summary-mining`` command line (also ``python -m summary_mining``): the commands here, the run
summary in :mod:`.report`, values for people in :mod:`.display`.

Examples (示例)::

    summary-mining mine corpora/ -o out/结果.xlsx               # 一个工作簿: 指标、问题、核对、对比、文档、错误
    summary-mining extract corpora/ -o out/metrics.csv        # 提取全部数字指标
    summary-mining extract 报告.pdf 总结.docx -o metrics.parquet --jobs 4 --cache .cache
    summary-mining problems corpora/ -o out/problems.xlsx     # 存在的问题
    summary-mining audit corpora/ -o out/audit.csv            # 数字一致性核对
    summary-mining compare reports/ -o out/对比.xlsx           # 地区对比表（冲突另列）
    summary-mining show corpora/seed.txt                        # 查看一份文档及其指标
    summary-mining show corpora/seed.txt --html out/seed.html   # 高亮显示的 HTML 页面

Outputs: .csv (UTF-8 with BOM), .xlsx, .parquet (pip install 'summary-mining[parquet]'), .jsonl.
The output and every input path are checked before any file is mined.

Exit codes: 0 every document was read (other files found in folders, such as .py or .png, are
listed as not documents); 1 some files failed or are documents in a format we do not read (.doc,
.wps, .xlsx …): they are listed on stderr and written beside the output as
``<output>.errors.csv``, after all results are written; 2 bad usage: unknown option, a path that
does not exist, an output suffix we cannot write or whose package is missing.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from .._version import __version__
from ..errors import SummaryMiningError
from ..writer import OutputError, check_output, to_csv, write_table, write_tables

__all__ = ["main", "write_frame", "build_parser", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

#: The sheets (or files) of ``mine -o`` / ``extract --all -o``, in this order.
ALL_FRAMES = ("metrics", "problems", "audit", "comparison", "documents", "errors")


class UsageError(Exception):
    """A command line that cannot run: printed as one line, exit 2."""


def write_frame(df: pd.DataFrame, path: Path, sheet_name: str = "数据") -> None:
    """Write by suffix (.csv .xlsx .parquet .jsonl) through :func:`summary_mining.writer.write_table`."""
    write_table(df, path, sheet_name=sheet_name)


# -- checks before any work ---------------------------------------------------------------------
def _check_inputs(paths: list[str]) -> None:
    for p in paths:
        if not os.path.lexists(p):
            raise UsageError(f"{p}: no such file or directory")


def _check_output(out: str | None, allowed: tuple[str, ...] | None = None) -> Path | None:
    if out is None:
        return None
    try:
        return check_output(out, allowed=allowed)
    except OutputError as e:
        raise UsageError(str(e)) from None


def _check_regions(path: str | None) -> str | None:
    if path is not None and not Path(path).is_file():
        raise UsageError(f"{path}: no such region table (a CSV with columns file,article,region,period)")
    return path


# -- corpus commands ---------------------------------------------------------------------------
def _mine(args: argparse.Namespace):
    from ..corpus import mine

    kwargs = {"regions": args.regions} if args.regions else {}
    return mine(args.paths, n_jobs=args.jobs, engine=args.engine, cache_dir=args.cache,
                progress=not args.no_progress, time_limit=args.time_limit or None, **kwargs)


def _finish(args: argparse.Namespace, corpus, outputs: list[Path], out: Path | None) -> int:
    """Unread files into ``errors``, the errors file, the summary on stderr; the exit code."""
    from .report import failed_count, summary_lines, with_unread

    errors = with_unread(corpus.errors, args.paths)
    err_path = None
    if out is not None and len(errors):
        err_path = out.with_name(out.stem + ".errors.csv")
        to_csv(errors, err_path)
    for line in summary_lines(corpus, errors, outputs=outputs, errors_file=err_path, given=args.paths):
        print(line, file=sys.stderr)
    if err_path is not None:
        print(f"errors written: {err_path}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed_count(errors, args.paths) else EXIT_OK


def _printable(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The columns to print, values shown in 万/亿 of their unit."""
    from .display import display_value

    out = df[[c for c in columns if c in df.columns]].copy()
    if "value" in out.columns and "unit" in df.columns:
        out["value"] = [display_value(v, u if isinstance(u, str) else "") for v, u in zip(df["value"], df["unit"])]
        out = out.drop(columns=[c for c in ("unit",) if c in out.columns])
    return out


def _table_command(name: str, columns: list[str]):
    """extract / problems / audit: mine the files, write (or print) one of the corpus frames."""

    def run(args: argparse.Namespace) -> int:
        if getattr(args, "all", False):
            return _cmd_mine(args)
        out = _check_output(args.output)
        corpus = _mine(args)
        df = getattr(corpus, name)
        if out is not None:
            write_frame(df, out, sheet_name=name)
        else:
            with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 40):
                print(_printable(df, columns).to_string(index=False))
        return _finish(args, corpus, [out] if out else [], out)

    return run


def _cmd_mine(args: argparse.Namespace) -> int:
    """Every frame at once: one workbook (.xlsx) or a file per frame."""
    from .report import with_unread
    from ..comparison import compare

    out = _check_output(args.output)
    corpus = _mine(args)
    outputs: list[Path] = []
    if out is not None:
        table = compare(corpus.metrics, unit=getattr(args, "unit", "亿元"))
        frames = {"metrics": corpus.metrics, "problems": corpus.problems, "audit": corpus.audit,
                  "comparison": table, "documents": corpus.documents,
                  "errors": with_unread(corpus.errors, args.paths)}
        outputs = write_tables({k: frames[k] for k in ALL_FRAMES}, out)
    return _finish(args, corpus, outputs, out)


#: How many indicator columns the printed preview of a written comparison table shows.
PREVIEW_COLUMNS = 5


def _preview(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a comparison table with its most filled indicator columns (in table order): what
    ``compare … -o 对比.xlsx`` prints while the whole table goes to the file."""
    keys = [c for c in ("region", "period") if c in table.columns]
    values = [c for c in table.columns if c not in keys and c != "region_code"]
    filled = sorted(values, key=lambda c: -int(table[c].notna().sum()))[:PREVIEW_COLUMNS]
    return table[keys + [c for c in values if c in filled]]


def _cmd_compare(args: argparse.Namespace) -> int:
    from ..comparison import compare, qualified_cells

    out = _check_output(args.output)
    corpus = _mine(args)
    table, conflicts = compare(corpus.metrics, unit=args.unit, return_conflicts=True)
    if out is None:
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_columns", 12):
            print(table.to_string(index=False))
    else:
        with pd.option_context("display.max_rows", None, "display.width", 200):
            print(_preview(table).to_string(index=False, na_rep="-"))
        companions = {"冲突": ("conflicts", conflicts), "修饰": ("qualifiers", qualified_cells(table))}
        xlsx = out.suffix.lower() == ".xlsx"
        write_table(table, out, sheet_name="对比", sheets={k: f for k, (_, f) in companions.items()} if xlsx else None)
        if not xlsx:
            for name, frame in companions.values():
                write_table(frame, out.with_name(f"{out.stem}.{name}{out.suffix}"))
        print(f"{len(table)} regions/periods, {len(conflicts)} conflicting figures -> {out}", file=sys.stderr)
    return _finish(args, corpus, [out] if out else [], out)


# -- show -----------------------------------------------------------------------------------------
def _cmd_show(args: argparse.Namespace) -> int:
    from .display import display_value
    from ..documents import read_document
    from ..extraction import extract

    html = _check_output(args.html, allowed=(".html", ".htm")) if args.html else None
    regions = _check_regions(args.regions)
    try:
        doc = read_document(args.file)
    except FileNotFoundError as e:
        raise UsageError(str(e)) from None
    except SummaryMiningError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_SOME_FAILED
    df = extract(doc, regions=regions)
    if html is not None:
        from ..view import show
        path = show(doc, metrics=df).save(html)
        print(f"{doc.doc_id}: {len(df)} figures -> {path}", file=sys.stderr)
        return EXIT_OK
    print(f"{doc.doc_id}  ({doc.format}, {len(doc.text)} chars, {len(doc.articles)} articles, {len(doc.sections)} sections)")
    for a in doc.articles:
        rows = df[df["article"] == a.index]
        print(f"\n== 第{a.index}篇 {a.title}  [{a.start}:{a.end}]  {len(rows)} figures")
        for r in rows.itertuples():
            if r.value == r.value:
                value = display_value(r.value, r.unit)
            else:
                value = "xx" if r.redacted else f"{display_value(r.low, r.unit)}–{display_value(r.high, r.unit)}"
            label = "" if pd.isna(r.label) else r.label
            print(f"  [{r.start:>6}] {r.surface:<14} {r.kind:<10} {value}  {label}")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------------
def _corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="files or directories (.txt .md .docx .pdf)")
    p.add_argument("-o", "--output", help="output file: .csv .xlsx .parquet .jsonl (default: print a table)")
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=("process", "dask"), default="process", help="process pool or dask.distributed")
    p.add_argument("--cache", metavar="DIR", help="cache results by content hash; re-runs process only new files")
    p.add_argument("--time-limit", type=float, default=120.0, metavar="SECONDS", help="per-file time limit (0: none)")
    p.add_argument("--regions", metavar="CSV",
                   help="region/period overrides: a CSV with columns file,article,region,period (article and period optional)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summary-mining", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"summary-mining {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    m = sub.add_parser("mine", help="全部结果 / every table at once: metrics, problems, audit, comparison, documents, errors",
                       description="全部结果. 例: summary-mining mine corpora/ -o 结果.xlsx (one workbook, a sheet per table; "
                                   ".csv/.parquet/.jsonl: a file per table, 结果.metrics.csv …)")
    _corpus_options(m)
    m.add_argument("--unit", default="亿元", help="money unit of the comparison table: 亿元 (default), 万元 or 元")
    m.set_defaults(func=_cmd_mine)
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
        if name == "extract":
            c.add_argument("--all", action="store_true", help="write every table, as `summary-mining mine` does")
            c.set_defaults(unit="亿元")
        c.set_defaults(func=_table_command(frame, columns))
    c = sub.add_parser("compare", help="地区对比表 / one row per region and period, one column per indicator",
                       description="地区对比表. 例: summary-mining compare reports/ -o 对比.xlsx --unit 亿元")
    _corpus_options(c)
    c.add_argument("--unit", default="亿元", help="money unit of the table: 亿元 (default), 万元 or 元")
    c.set_defaults(func=_cmd_compare)
    s = sub.add_parser("show", help="查看文档及其指标 / show one document with its figures",
                       description="例: summary-mining show corpora/seed.txt --html seed.html")
    s.add_argument("file")
    s.add_argument("--html", metavar="OUT.html", help="write a highlighted, self-contained HTML view / 输出可视化 HTML 文件")
    s.add_argument("--regions", metavar="CSV", help="region/period overrides (columns file,article,region,period)")
    s.set_defaults(func=_cmd_show)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 all read, 1 some files failed, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    try:
        if hasattr(args, "paths"):
            _check_inputs(args.paths)
            _check_regions(args.regions)
        return args.func(args)
    except UsageError as e:
        print(f"summary-mining: error: {e}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
