"""Compare the analysis speed of another commit with the working copy's, in turns.

    .venv/bin/python bench/bench_ab.py f34e18d                 # three rounds of 400 articles
    .venv/bin/python bench/bench_ab.py HEAD~3 --rounds 5 --articles 1000

This machine's speed drifts by a tenth or more from one hour to the next, so two figures
taken at different times cannot tell a 10% change. Here both versions analyse the same
synthetic articles (``bench_export.synthetic_corpus``) one after the other, round after
round, each in a fresh process: ``REF`` from a temporary ``git worktree``, the working copy
from ``src/``. Each run times ``pipeline.analyse_path`` and ``article_cache.pack`` per
article (the analysis a pool's worker does), after a warm-up, and reports its fastest of
three passes. The output is one line per run and the range of each side.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_export import synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]

TIMER = """
import datetime as dt, sys, time
from pathlib import Path
try:  # one sub-package per stage (since issue 15)
    from analysis_utils.pipeline import article_cache, run as pipeline
except ImportError:  # a commit from before: the modules side by side
    from analysis_utils import article_cache, pipeline
files = sorted(Path(sys.argv[1]).glob("*.txt"))
day = dt.date(2026, 12, 6)
for p in files[:20]:
    pipeline.analyse_path(p, day)
best = float("inf")
for _ in range(3):
    t = time.perf_counter()
    for p in files:
        article_cache.pack(pipeline.analyse_path(p, day))
    best = min(best, (time.perf_counter() - t) / len(files) * 1000)
print(f"{best:.2f}")
"""


def run(src: Path, corpus: Path) -> float:
    """Milliseconds per article with the package at ``src`` (the fastest of three passes)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", TIMER, str(corpus)], env=env, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ref", help="the commit to compare with the working copy")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {args.ref: [], "working copy": []}
    with tempfile.TemporaryDirectory() as tmp:
        tree, corpus = Path(tmp) / "ref", Path(tmp) / "corpus"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.ref], check=True)
        try:
            synthetic_corpus(corpus, args.articles)
            for i in range(args.rounds):
                for name, src in ((args.ref, tree / "src"), ("working copy", ROOT / "src")):
                    times[name].append(run(src, corpus))
                    print(f"round {i + 1}: {name}: {times[name][-1]:.2f} ms per article", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    for name, ms in times.items():
        print(f"{name}: {min(ms):.2f}–{max(ms):.2f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
