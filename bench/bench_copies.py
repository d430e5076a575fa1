"""Benchmark copy detection (``similarity.near_duplicates``, notebook 03) on corpora of many distinct stories.

    .venv/bin/python bench/bench_copies.py                      # 500 … 50,000 bodies (about 5 minutes)
    .venv/bin/python bench/bench_copies.py --sizes 1000 --exhaustive-up-to 1000

The synthetic export corpora are all copies of five seeds, which is no test of copy detection:
here every story is new text, written by a word-trigram chain trained on the seeds and the
held-out sets (so stories share the names and stock phrases of real coverage), and one story in
twenty gets a copy: cut, rearranged, lightly edited, or given a new lede. Each size is timed
scoring every pair (up to ``--exhaustive-up-to``) and with the MinHash proposal that the
notebook uses past ``similarity.EXHAUSTIVE_UP_TO`` bodies; where both ran, the tables are compared.
Results go to ``copies.csv``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pandas as pd
from common import write_rows

from analysis_utils.analysis import similarity

ROOT = Path(__file__).resolve().parents[1]


def _chain() -> tuple[dict[tuple[str, str], list[str]], list[tuple[str, str]]]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("dev*/articles/*.txt"))
    nxt: dict[tuple[str, str], list[str]] = {}
    for path in paths:
        words = path.read_text(encoding="utf-8").split()
        for a, b, c in zip(words, words[1:], words[2:], strict=False):
            nxt.setdefault((a, b), []).append(c)
    starts = [k for k in nxt if k[0][:1].isupper() and k[0].isalpha()]
    return nxt, starts


def corpus(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` documents (``doc_id``, ``body``, ``wire_agency``): new stories, one in twenty with a copy."""
    rng = random.Random(seed)
    nxt, starts = _chain()
    rows = []
    while len(rows) < n:
        words = list(rng.choice(starts))
        while len(words) < rng.randint(250, 600):
            options = nxt.get((words[-2], words[-1]))
            words += list(rng.choice(starts)) if not options else [rng.choice(options)]
        paras = [" ".join(words[i : i + 45]) for i in range(0, len(words), 45)]
        wire = rng.choice(["", "", "AP", "Yonhap", "TASS"])
        k = len(rows)
        rows.append(
            {"doc_id": f"s{k:06d}", "body": "\n\n".join(paras), "wire_agency": wire, "outlet": f"outlet {k % 40}"}
        )
        if rng.random() < 0.05 and len(rows) < n:
            how = rng.choice(["cut", "shuffle", "edit", "lede"])
            copy = list(paras)
            if how == "cut":
                copy = copy[: max(2, int(len(copy) * rng.uniform(0.35, 0.8)))]
            elif how == "shuffle":
                rng.shuffle(copy)
            elif how == "edit":
                copy = [" ".join(w if rng.random() > 0.03 else "the" for w in p.split()) for p in copy]
            else:
                copy = ["Officials said on Tuesday that the exchange was being watched closely.", *copy[1:]]
            rows.append(
                {
                    "doc_id": f"s{k:06d}_{how}",
                    "body": "\n\n".join(copy),
                    "wire_agency": wire,
                    "outlet": f"outlet {(k + 7) % 40}",
                }
            )
    return pd.DataFrame(rows)


def timed(docs: pd.DataFrame, exhaustive: bool) -> tuple[float, pd.DataFrame]:
    saved = similarity.EXHAUSTIVE_UP_TO
    similarity.EXHAUSTIVE_UP_TO = len(docs) if exhaustive else 0
    try:
        t = time.perf_counter()
        pairs = similarity.near_duplicates(docs)
        return time.perf_counter() - t, pairs
    finally:
        similarity.EXHAUSTIVE_UP_TO = saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 10000, 50000])
    parser.add_argument("--exhaustive-up-to", type=int, default=2000, help="largest size also timed on every pair")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        docs = corpus(n)
        seconds, pairs = timed(docs, exhaustive=False)
        row = {"bodies": n, "copy_pairs": len(pairs), "proposed_seconds": round(seconds, 2)}
        if n <= args.exhaustive_up_to:
            every, expected = timed(docs, exhaustive=True)
            row |= {"every_pair_seconds": round(every, 2), "same_table": bool(pairs.equals(expected))}
        else:
            row |= {"every_pair_seconds": "", "same_table": ""}
        rows.append(row)
        print(row, flush=True)
    write_rows(Path(args.out) / "copies.csv", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
