"""Score the exports of the seeds and of the real pages with the shared scorer, batch by batch.

    .venv/bin/python tests/tools/score.py              # the table: seeds, each batch of tests/fixtures/real, all
    .venv/bin/python tests/tools/score.py --misses     # and every miss, batch by batch
    .venv/bin/python tests/tools/score.py --batches    # each batch at first contact and now (the README's table)
    make score                                         # the same

The real pages are exported from their text alone (``--no-manifest``: their gold is what the
text says, not what ``sources.csv`` knows), with the day fixed (``TODAY``) so that the bounds
of undated pages do not move. ``score_export.py`` and ``reserved.py`` beside this file are
copies of ``../shared/tools`` (``tests/test_real_pages.py`` checks they have not drifted).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "fixtures" / "gold_seeds.json"
TODAY = dt.date(2026, 12, 6)
COLUMNS = (
    ("overall", None),
    ("quote speaker", ("quote speaker",)),
    ("published", ("meta published",)),
    ("letters P", ("letters precision",)),
    ("letters R", ("letters recall",)),
    ("quotes P", ("quotes precision",)),
    ("quotes R", ("quotes recall",)),
    ("body", ("body keeps text", "body drops boilerplate")),
    ("cited P", ("cited sources precision",)),
    ("cited R", ("cited sources recall",)),
    ("dates", ("date expressions resolved",)),
)


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scorer = _module("score_export")
reserved = _module("reserved")


def export_of(corpus: Path, out: Path) -> Path:
    """The CSV export of ``corpus`` from its text alone, on ``TODAY``, without caches."""
    from analysis_utils.tables.export import export

    export(corpus, out, cache=False, today=TODAY, manifest=False)
    return out


def measures(export_dir: Path, gold: dict) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """(correct, total) per measure of the shared scorer, and its misses."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(gold, fh, ensure_ascii=False)
    try:
        tally = scorer.score(export_dir, fh.name)
    finally:
        Path(fh.name).unlink()
    return dict(tally.rows), tally.misses


def row(name: str, pages: int, rows: dict[str, tuple[int, int]]) -> dict[str, object]:
    """One line of the table: each column's percentage (None where the gold has nothing to score)."""
    out: dict[str, object] = {"batch": name, "pages": pages}
    for column, keys in COLUMNS:
        picked = list(rows.values()) if keys is None else [rows[k] for k in keys if k in rows]
        correct, total = sum(c for c, _ in picked), sum(t for _, t in picked)
        out[column] = round(100 * correct / total, 1) if total else None
    return out


def score_all(misses: bool = False) -> list[dict[str, object]]:
    """The seeds, every batch of the real pages and all of them, scored; with ``misses`` each row lists its misses."""
    gold = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))
    seed_gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        seeds_out = export_of(SEEDS, Path(tmp) / "seeds")
        real_out = export_of(REAL, Path(tmp) / "real")
        rows, missed = measures(seeds_out, seed_gold)
        table.append({**row("seeds", len(seed_gold["documents"]), rows), **({"misses": missed} if misses else {})})
        batches = sorted({d["batch"] for d in gold["documents"]})
        for b in [*batches, "all"]:
            docs = [d for d in gold["documents"] if b == "all" or d["batch"] == b]
            rows, missed = measures(real_out, {**gold, "documents": docs})
            name = "real, all" if b == "all" else f"real, batch {b}"
            table.append({**row(name, len(docs), rows), **({"misses": missed} if misses else {})})
    return table


def markdown(table: list[dict[str, object]]) -> str:
    heads = ["batch", "pages", *(c for c, _ in COLUMNS)]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for r in table:
        cells = [str(r["batch"]), str(r["pages"])]
        cells += ["–" if r[c] is None else f"{r[c]:.1f}" for c, _ in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


BATCH_COLUMNS = ("overall", "quote speaker", "published", "letters P", "letters R", "quotes P", "quotes R", "body")


def batches_markdown(table: list[dict[str, object]]) -> str:
    """Each batch's first-contact score (first_contact.json) above its score now."""
    first = json.loads((REAL / "first_contact.json").read_text(encoding="utf-8"))["batches"]
    now = {str(r["batch"]).removeprefix("real, batch "): r for r in table}
    heads = ["batch", "pages", "when", *BATCH_COLUMNS]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    cell = lambda v: "–" if v is None else f"{v:.1f}"  # noqa: E731
    for b in sorted(first, key=int):
        f, n = first[b], now.get(b, {})
        lines.append(
            f"| {b} | {f['pages']} | first contact ({f['commit']}) | "
            + " | ".join(cell(f.get(c)) for c in BATCH_COLUMNS)
            + " |"
        )
        lines.append("| | | now | " + " | ".join(cell(n.get(c)) for c in BATCH_COLUMNS) + " |")
    total = now.get("real, all")
    if total:
        lines.append(
            f"| all | {total['pages']} | now | " + " | ".join(cell(total.get(c)) for c in BATCH_COLUMNS) + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="also print every miss")
    parser.add_argument("--json", action="store_true", help="the table as JSON")
    parser.add_argument("--batches", action="store_true", help="each batch at first contact and now")
    args = parser.parse_args(argv)
    table = score_all(args.misses)
    if args.batches:
        print(batches_markdown(table))
        return 0
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    print(markdown(table))
    for r in table if args.misses else ():
        print(f"\n## {r['batch']}")
        print("\n".join(f"  {m}" for m in r["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
