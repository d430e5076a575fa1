"""Show that another commit and the working copy give the same output, byte for byte.

    .venv/bin/python bench/same_output.py 71c0cfb                 # exports: seeds, fixtures, 1,000 synthetic
    .venv/bin/python bench/same_output.py 71c0cfb --report        # and the report's figure data and outputs

For a change meant to keep behaviour (a restructure, a speed-up), this is the proof. Both
versions run the command-line export (``--today`` fixed, each with its own empty article
cache) on the same inputs, taken from the working copy: ``seeds/``, every folder of
articles under ``tests/fixtures/``, and synthetic articles (``bench_export.synthetic_corpus``),
those once more with two processes and once from the warm cache. ``REF`` runs from a
temporary ``git worktree``, the working copy from ``src/``. Every file written is compared;
the script lists each corpus with its files and rows, and exits 1 on the first difference
it names.

``--report`` also builds the report from each side's notebooks on the seeds and on one
fixture folder, and compares the figures' CSV data and the text every notebook cell printed
(the executed notebooks' ``text/plain`` and ``stdout`` outputs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_export import synthetic_corpus

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-06"


def corpora(tmp: Path, synthetic: int) -> list[tuple[str, Path, list[str]]]:
    """(name, folder, extra export flags) of every corpus to compare."""
    found = [("seeds", ROOT / "seeds", [])]
    for folder in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if folder.is_dir() and any(folder.glob("*.txt")):
            found.append((str(folder.relative_to(ROOT)), folder, []))
    if synthetic:
        folder = tmp / "synthetic"
        synthetic_corpus(folder, synthetic)
        found += [
            (f"synthetic {synthetic}", folder, ["--jobs", "1"]),
            (f"synthetic {synthetic}, two processes", folder, ["--jobs", "2"]),
        ]
    return found


def export(tree: Path, corpus: Path, out: Path, cache: Path, flags: list[str]) -> None:
    """One command-line export with the package of ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "ANALYSIS_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "analysis_utils", "export", "--corpus", str(corpus), "--out", str(out)]
    subprocess.run([*command, "--today", TODAY, *flags], env=env, cwd=tree, check=True, capture_output=True)


def report(tree: Path, corpus: Path, out: Path, cache: Path) -> None:
    """The report of ``tree``'s notebooks on ``corpus``, its figures in ``out/figures``."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "ANALYSIS_CACHE_DIR": str(cache),
           "ANALYSIS_FIGURES": str(out / "figures")}  # fmt: skip
    command = [sys.executable, "-m", "analysis_utils.report", "--corpus", str(corpus), "--out", str(out)]
    subprocess.run([*command, "--notebooks", str(tree / "notebooks")], env=env, cwd=tree, check=True,
                   capture_output=True)  # fmt: skip


def printed(notebook: Path) -> list[str]:
    """What the cells of an executed notebook printed, as text (images and HTML left out)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    text = []
    for cell in cells:
        for output in cell.get("outputs", []):
            if output.get("name") == "stdout":
                text.append("".join(output["text"]))
            elif "text/plain" in output.get("data", {}):
                text.append("".join(output["data"]["text/plain"]))
    return text


def differences(left: Path, right: Path) -> list[str]:
    """The relative paths of files that are not byte for byte the same under two folders (or only in one)."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(
        str(n)
        for n in names
        if not ((left / n).is_file() and (right / n).is_file() and filecmp.cmp(left / n, right / n, shallow=False))
    )


def rows(folder: Path) -> int:
    """Lines of every CSV file under ``folder`` (header included)."""
    return sum(len(p.read_bytes().splitlines()) for p in folder.rglob("*.csv"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ref", help="the commit to compare with the working copy")
    parser.add_argument("--synthetic", type=int, default=1000, help="synthetic articles (0: none)")
    parser.add_argument("--report", action="store_true", help="also compare the reports' figure data and outputs")
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        tree = tmp / "ref"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.ref], check=True)
        sides = {"ref": tree, "work": ROOT}
        try:
            for i, (name, corpus, flags) in enumerate(corpora(tmp, args.synthetic)):
                outs = {}
                for side, root in sides.items():
                    outs[side] = tmp / side / f"export_{i}"
                    cache = tmp / side / f"cache_{i}"
                    export(root, corpus, outs[side], cache, flags)
                    if name.startswith("synthetic") and "--jobs" in flags and flags[-1] == "1":
                        export(root, corpus, tmp / side / f"warm_{i}", cache, flags)  # read back from the cache
                diff = differences(outs["ref"], outs["work"])
                if name.startswith("synthetic") and flags[-1] == "1":
                    diff += [f"warm: {d}" for d in differences(outs["ref"], tmp / "work" / f"warm_{i}")]
                files = sum(1 for p in outs["work"].rglob("*") if p.is_file())
                print(f"{name}: {files} files, {rows(outs['work'])} CSV lines: {'SAME' if not diff else diff}")
                failed |= bool(diff)
            if args.report:
                for i, corpus in enumerate((ROOT / "seeds", ROOT / "tests" / "fixtures" / "dev" / "articles")):
                    outs = {}
                    for side, root in sides.items():
                        outs[side] = tmp / side / f"report_{i}"
                        report(root, corpus, outs[side], tmp / side / f"report_cache_{i}")
                    diff = differences(outs["ref"] / "figures", outs["work"] / "figures")
                    for nb in sorted((outs["work"] / "executed").glob("*.ipynb")):
                        if printed(outs["ref"] / "executed" / nb.name) != printed(nb):
                            diff.append(f"printed by {nb.name}")
                    figures = len(list((outs["work"] / "figures").glob("*.csv")))
                    print(f"report on {corpus.relative_to(ROOT)}: {figures} figure CSVs, "
                          f"notebook outputs: {'SAME' if not diff else diff}")  # fmt: skip
                    failed |= bool(diff)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    print(f"{dt.datetime.now():%Y-%m-%d %H:%M}: {'DIFFERENT' if failed else 'identical'} ({args.ref} / working copy)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
