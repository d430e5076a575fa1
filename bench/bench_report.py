"""Benchmark the HTML report: cold and warm tables cache against running the notebooks one by one with nbconvert.

    .venv/bin/python bench/bench_report.py --repeat 3 [--corpus DIR] [--out bench/results]

Modes, each timed ``--repeat`` times (wall clock, the median is reported):

- ``report-cold``: ``python -m analysis_utils.report`` with an empty cache folder (parsed once, then 2 workers);
- ``report-warm``: the same command again with the cache left from the cold run (nothing parsed);
- ``nbconvert-nocache``: ``jupyter nbconvert --to html --execute`` on each notebook in turn, ``ANALYSIS_CACHE=0``
  (every notebook parses the corpus: the baseline);
- ``nbconvert-cache``: the same with a fresh cache folder per repeat (the first notebook parses, the others read).

Every run is a fresh process with ``ANALYSIS_CACHE_DIR`` in a temporary folder, so the project's own cache is
neither used nor touched. Results go to ``report.csv`` in ``--out``: one row per mode (``notebook`` = all) and,
for the nbconvert modes, one row per notebook.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import write_rows

ROOT = Path(__file__).resolve().parents[1]
JUPYTER = Path(sys.executable).parent / "jupyter"
MODES = ["report-cold", "report-warm", "nbconvert-nocache", "nbconvert-cache"]


def run(command: list[str], env: dict[str, str]) -> float:
    """Seconds of wall time of one command (run from the project root); fails loudly if it fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{tail}")
    return seconds


def environment(corpus: Path, cache_dir: Path, cached: bool, figures: Path) -> dict[str, str]:
    env = {**os.environ, "ANALYSIS_CORPUS": str(corpus), "ANALYSIS_CACHE_DIR": str(cache_dir)}
    env["ANALYSIS_CACHE"] = "1" if cached else "0"
    env["ANALYSIS_FIGURES"] = str(figures)  # keep the project's reports/figures out of it
    return env


def time_report(corpus: Path, tmp: Path, repeat: int) -> dict[str, list[float]]:
    """Cold then warm report runs; each repeat starts from an empty cache folder."""
    times: dict[str, list[float]] = {"report-cold": [], "report-warm": []}
    for i in range(repeat):
        cache_dir = tmp / f"cache-report-{i}"
        env = environment(corpus, cache_dir, True, tmp / "figures")
        command = [sys.executable, "-m", "analysis_utils.report", "--corpus", str(corpus)]
        times["report-cold"].append(run([*command, "--out", str(tmp / f"report-cold-{i}")], env))
        entries = len(list(cache_dir.glob("*.pkl")))
        if entries != 1:
            raise SystemExit(f"expected one cache entry after a cold report, found {entries} in {cache_dir}")
        before = {p.name: p.stat().st_ino for p in cache_dir.glob("*.pkl")}
        times["report-warm"].append(run([*command, "--out", str(tmp / f"report-warm-{i}")], env))
        after = {p.name: p.stat().st_ino for p in cache_dir.glob("*.pkl")}
        if after != before:
            raise SystemExit(f"the warm report rebuilt the cache: {before} -> {after}")
        print(
            f"repeat {i + 1}: cold {times['report-cold'][-1]:.1f} s, warm {times['report-warm'][-1]:.1f} s", flush=True
        )
    return times


def time_nbconvert(corpus: Path, tmp: Path, repeat: int, notebooks: list[Path], cached: bool) -> dict[str, list[float]]:
    """All notebooks one after another, each in its own ``jupyter nbconvert --execute``: total and per notebook."""
    mode = "nbconvert-cache" if cached else "nbconvert-nocache"
    times: dict[str, list[float]] = {mode: [], **{f"{mode}:{nb.stem}": [] for nb in notebooks}}
    for i in range(repeat):
        env = environment(corpus, tmp / f"cache-nbconvert-{i}", cached, tmp / "figures")
        out = tmp / f"{mode}-{i}"
        for nb in notebooks:
            command = [str(JUPYTER), "nbconvert", "--to", "html", "--execute", str(nb), "--output-dir", str(out)]
            times[f"{mode}:{nb.stem}"].append(run(command, env))
        times[mode].append(sum(times[f"{mode}:{nb.stem}"][-1] for nb in notebooks))
        print(f"repeat {i + 1}: {mode} {times[mode][-1]:.1f} s", flush=True)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT / "seeds"), help="folder of .txt articles (default: seeds)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per mode; the median is reported")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=MODES)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args(argv)
    corpus = Path(args.corpus).resolve()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    n_files = len(list(corpus.glob("*.txt")))
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_report_") as name:
        tmp = Path(name)
        if {"report-cold", "report-warm"} & set(args.modes):
            times.update(time_report(corpus, tmp, args.repeat))
        if "nbconvert-nocache" in args.modes:
            times.update(time_nbconvert(corpus, tmp, args.repeat, notebooks, cached=False))
        if "nbconvert-cache" in args.modes:
            times.update(time_nbconvert(corpus, tmp, args.repeat, notebooks, cached=True))
    baseline = statistics.median(times["nbconvert-nocache"]) if "nbconvert-nocache" in times else None
    rows = []
    for label in times:
        mode, _, notebook = label.partition(":")
        if mode not in args.modes:
            continue
        median = statistics.median(times[label])
        rows.append(
            {
                "mode": mode,
                "notebook": notebook or "all",
                "corpus": corpus.name,
                "articles": n_files,
                "notebooks": 1 if notebook else len(notebooks),
                "repeat": len(times[label]),
                "median_s": round(median, 2),
                "min_s": round(min(times[label]), 2),
                "max_s": round(max(times[label]), 2),
                "speedup_vs_nbconvert": round(baseline / median, 2) if baseline and not notebook else "",
            }
        )
        print(rows[-1], flush=True)
    write_rows(Path(args.out) / "report.csv", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
