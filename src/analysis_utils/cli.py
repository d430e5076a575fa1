"""Command line: ``python -m analysis_utils export --corpus DIR --out OUT [--engine local|dask]``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Any

from .corpus.read import CorpusError
from .paths import corpus_dir
from .tables.dask_export import DaskEngineError, export_dask
from .tables.export import export

WARNINGS_SHOWN = 20
"""Warnings printed at the end of an export at most (the documents table holds them all)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for a corpus or an output that cannot be used)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    if args.cache and args.engine == "dask":
        parser.error("--cache is for the local engine (Dask workers analyse every file)")
    try:
        summary = run_export(args)
    except (CorpusError, DaskEngineError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: cannot write to {args.out}: {err.strerror or err}", file=sys.stderr)
        return 2
    print_summary(summary, args.out, args.engine)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``export`` command and its options."""
    parser = argparse.ArgumentParser(prog="python -m analysis_utils", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="analyse a folder of *.txt articles and write CSV tables")
    ex.add_argument("--corpus", default="seeds", help="folder of *.txt articles (default: seeds)")
    ex.add_argument("--out", required=True, help="folder for the CSV files (Parquet folders with --engine dask)")
    ex.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="processes to use (default 0: every core when 200 files or more are to be analysed, else 1; "
        "Dask workers with --engine dask, where 0 means one per core)",
    )
    ex.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local: CSV files, this machine (default); dask: OUT/<table>/part-*.parquet, on a Dask cluster",
    )
    ex.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running Dask scheduler (tcp://host:8786; default DASK_SCHEDULER_ADDRESS, "
        "else a local cluster of --jobs processes)",
    )
    ex.add_argument(
        "--cache",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read articles analysed before (same file and code) back from the article cache, and store "
        "the new ones (default: on, unless ANALYSIS_CACHE=0); the tables are the same either way",
    )
    ex.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help="analyse as on this day (default: the date today): the latest a publication date the page does "
        "not print can be; fix it to make an export reproducible",
    )
    ex.add_argument(
        "--manifest",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="use what the folder's sources.csv (file, url, outlet, published) says of each page (default: on); "
        "--no-manifest: only what the text says",
    )
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: when stderr is a terminal)",
    )
    return parser


def run_export(args: argparse.Namespace) -> dict[str, Any]:
    """The export the arguments ask for, on this machine (CSV) or on Dask (Parquet); its summary."""
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    if args.engine == "dask":
        return export_dask(
            corpus_dir(args.corpus),
            args.out,
            jobs=args.jobs if args.jobs > 0 else (os.cpu_count() or 1),
            progress=progress,
            scheduler=args.scheduler,
            today=args.today,
            manifest=args.manifest,
        )
    return export(
        corpus_dir(args.corpus),
        args.out,
        jobs=max(0, args.jobs),
        progress=progress,
        cache=args.cache,
        today=args.today,
        manifest=args.manifest,
    )


def print_summary(summary: dict[str, Any], out: str, engine: str) -> None:
    """One line of counts, then the first warnings, on stderr."""
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary["statuses"].items()))
    reused = f"; {summary['from_cache']} read from the article cache" if summary.get("from_cache") else ""
    print(f"{summary['documents']} documents ({statuses}{reused}) → {out}", file=sys.stderr)
    warnings = summary["warnings"]
    n_warnings = summary["n_warnings"]
    documents = "documents/*.parquet" if engine == "dask" else "documents.csv"
    if warnings:
        print(f"{n_warnings} warnings:", file=sys.stderr)
        for file, w in warnings[:WARNINGS_SHOWN]:
            print(f"  {file}: {w}", file=sys.stderr)
        if n_warnings > WARNINGS_SHOWN:
            print(
                f"  … and {n_warnings - WARNINGS_SHOWN} more (see the warnings column of {documents})",
                file=sys.stderr,
            )


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None
