"""Benchmark the export: synthetic corpora made from the seeds, articles per second and peak memory.

    .venv/bin/python bench/bench_export.py                 # the plan: 1k, 10k, 100k articles (about 45 min)
    .venv/bin/python bench/bench_export.py --sizes 200 1000 --jobs 1 2 --engines local dask

Each synthetic article is a seed with its years shifted, its numbers changed and its
paragraphs shuffled, so no two are alike. The export runs in a fresh process per size so
that peak memory (ru_maxrss) is that run's own. ``--engines dask`` runs ``export --engine dask``
on a new local cluster of ``jobs`` worker processes (its start and close are in the time);
its ``worker_mb`` is the largest worker's peak, asked of each worker before the cluster closes.
``peak_mb`` is the larger of the client's (``client_mb``) and the workers' peaks. Results go to
``results.csv`` and a plot of time against size (``scaling.png``), one line per engine and jobs.

The local engine runs as the command line does, with the article cache on: each timed run
starts from an empty cache (so it pays for storing every analysis). At the ``--incremental``
sizes (10,000 in the plan) the same corpus is then exported again from the warm cache, and
once more with 1% new articles added, as an analyst adding a month of coverage would
(``incremental.csv``).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import write_rows

ROOT = Path(__file__).resolve().parents[1]


def synthetic_corpus(folder: Path, n: int, seed: int = 0, first: int = 0) -> list[Path]:
    """Write ``n`` varied articles made from the seeds into ``folder``, numbered from ``first``; their paths."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(first, first + n):
        text = seeds[i % len(seeds)]
        shift = rng.randint(-3, 3)
        text = re.sub(r"\b(20[12]\d)\b", lambda m, shift=shift: str(int(m.group(1)) + shift), text)
        text = re.sub(
            r"\b(\d{1,2})(?=\s+(?:covered|countries|years))", lambda m: str(int(m.group(1)) + rng.randint(1, 9)), text
        )
        head, _, body = text.partition("\n\n")
        paras = body.split("\n\n")
        middle = paras[2:-2]
        rng.shuffle(middle)
        text = "\n\n".join([head, *paras[:2], *middle, *paras[-2:]]) + f"\n\nReference {i}-{rng.random():.6f}.\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        written.append(folder / f"{i:06d}.txt")
    return written


def run_export(
    corpus: Path, out: Path, jobs: int, engine: str = "local", cache: Path | None = None, today: str | None = None
) -> tuple[float, float, float]:
    """Seconds, the client's and the workers' peak memory (MB) of one export in a fresh process.

    The workers are the process pool's (local engine, ``RUSAGE_CHILDREN``) or the Dask workers.
    The local engine uses the article cache as the command line does, in ``cache`` (a fresh
    folder for a cold run); without one, it is turned off. ``today`` (YYYY-MM-DD): the day of the analysis.
    """
    module, function = ("tables.export", "export") if engine == "local" else ("tables.dask_export", "export_dask")
    code = (
        "import datetime, resource, sys, time\n"
        f"from analysis_utils.{module} import {function}\n"
        "if __name__ == '__main__':\n"
        "    t = time.perf_counter()\n"
        f"    today = {f'datetime.date.fromisoformat({today!r})' if today else None}\n"
        f"    summary = {function}({str(corpus)!r}, {str(out)!r}, jobs={jobs}, today=today)\n"
        "    seconds = time.perf_counter() - t\n"
        "    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "    print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
        "max(children, summary.get('worker_peak_mb', 0.0)))\n"
    )
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(cache)} if cache else {**os.environ, "ANALYSIS_CACHE": "0"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    seconds, own, workers = (float(x) for x in done.stdout.split())
    return seconds, own, workers


INCREMENTAL = (10000,)
"""Sizes at which the plan also times a warm re-export and one with 1% more articles (``incremental.csv``)."""

PLAN = [
    # (engine, jobs, sizes): one core (to 10k: 100k would take half an hour), two cores, Dask on two workers
    ("local", 1, (1000, 10000)),
    ("local", 2, (1000, 10000, 100000)),
    ("dask", 2, (1000, 10000, 100000)),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default: the plan, 1k 10k 100k)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="with --sizes: process counts")
    parser.add_argument("--engines", nargs="+", choices=["local", "dask"], default=["local"], help="with --sizes")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--append", action="store_true", help="keep the other rows of OUT/results.csv")
    parser.add_argument(
        "--incremental",
        type=int,
        nargs="*",
        help="sizes at which to time a warm re-export and one with 1%% more articles (default: 10000 in the plan)",
    )
    args = parser.parse_args(argv)
    if args.sizes:
        plan = [(engine, jobs, tuple(args.sizes)) for engine in args.engines for jobs in args.jobs]
    else:
        plan = PLAN
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows, again = [], []
    incremental = set(args.incremental if args.incremental is not None else ([] if args.sizes else INCREMENTAL))
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted({n for _, _, sizes in plan for n in sizes}):
            corpus = Path(tmp) / f"corpus_{n}"
            synthetic_corpus(corpus, n)
            for engine, jobs, sizes in plan:
                if n not in sizes:
                    continue
                target = Path(tmp) / f"out_{n}_{engine}_{jobs}"
                cache = Path(tmp) / f"cache_{n}_{jobs}" if engine == "local" else None  # a cold article cache
                seconds, own, workers = run_export(corpus, target, jobs, engine, cache)
                shutil.rmtree(target)  # 100k articles write gigabytes of tables
                row = {"engine": engine, "articles": n, "jobs": jobs, "seconds": round(seconds, 2),
                       "articles_per_second": round(n / seconds, 1), "ms_per_article": round(1000 * seconds / n, 2),
                       "peak_mb": round(max(own, workers), 1), "client_mb": round(own, 1),
                       "worker_mb": round(workers, 1)}  # fmt: skip
                rows.append(row)
                print(row, flush=True)
                if cache is not None and n in incremental:
                    again.append(rerun(corpus, target, jobs, cache, seconds))
                    print(again[-1], flush=True)
                if cache is not None:
                    shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(corpus)
    if args.append and (out / "results.csv").exists():
        with (out / "results.csv").open(newline="") as fh:
            old = [_typed(r) for r in csv.DictReader(fh)]
        done = {(r["engine"], r["articles"], r["jobs"]) for r in rows}
        rows = sorted([r for r in old if (r["engine"], r["articles"], r["jobs"]) not in done] + rows,
                      key=lambda r: (r["engine"], r["jobs"], r["articles"]))  # fmt: skip
    write_rows(out / "results.csv", rows)
    plot(rows, out / "scaling.png")
    if again:
        write_rows(out / "incremental.csv", again)
    return 0


def rerun(corpus: Path, target: Path, jobs: int, cache: Path, cold: float) -> dict:
    """After a cold export into ``cache``: the same corpus again (warm), with 1% more articles, and the next day.

    The next day's run reads back what holds for every day, checks the entries whose
    publication date was bounded by today, and analyses again only those whose date moved.
    """
    n = len(list(corpus.glob("*.txt")))
    warm, _, _ = run_export(corpus, target, jobs, "local", cache)
    shutil.rmtree(target)
    added = synthetic_corpus(corpus, max(1, n // 100), seed=n + 1, first=n)
    grown, _, _ = run_export(corpus, target, jobs, "local", cache)
    shutil.rmtree(target)
    for path in added:
        path.unlink()
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    next_day, _, _ = run_export(corpus, target, jobs, "local", cache, today=tomorrow)
    shutil.rmtree(target)
    return {"articles": n, "jobs": jobs, "cold_seconds": round(cold, 2), "warm_seconds": round(warm, 2),
            "warm_articles_per_second": round(n / warm, 1), "added": len(added),
            "with_added_seconds": round(grown, 2), "next_day_seconds": round(next_day, 2)}  # fmt: skip


def _typed(row: dict[str, str]) -> dict:
    """A row read back from results.csv, with its numbers as numbers."""
    return {k: v if k == "engine" else (int(v) if k in ("articles", "jobs") else float(v)) for k, v in row.items()}


def plot(rows: list[dict], path: Path) -> None:
    """Time against size (log-log: a straight line of slope 1 is linear) and articles per second."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax, bx) = plt.subplots(1, 2, figsize=(10, 3.8))
    runs = sorted({(r["engine"], r["jobs"]) for r in rows})
    for engine, jobs in runs:
        pts = sorted((r["articles"], r["seconds"], r["articles_per_second"]) for r in rows
                     if (r["engine"], r["jobs"]) == (engine, jobs))  # fmt: skip
        label = f"{engine}, --jobs {jobs}"
        style = "--" if engine == "dask" else "-"
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", linestyle=style, label=label)
        bx.plot([p[0] for p in pts], [p[2] for p in pts], marker="o", linestyle=style, label=label)
    sizes = sorted({r["articles"] for r in rows})
    ax.plot(sizes, [n / 2000 for n in sizes], color="grey", linestyle=":", label="target: 2,000 articles/s")
    bx.axhline(2000, color="grey", linestyle=":", label="target")
    for a in (ax, bx):
        a.set_xscale("log")
        a.set_xlabel("Articles in the corpus")
    ax.set_yscale("log")
    ax.set_ylabel("Export time (s)")
    ax.set_title("Time against size")
    bx.set_yscale("log")
    bx.set_ylabel("Articles per second")
    bx.set_title("Throughput")
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120, bbox_inches="tight")


if __name__ == "__main__":
    sys.exit(main())
