"""The command line: ``python -m analysis_utils export --corpus DIR --out OUT``."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
from pathlib import Path

from analysis_utils.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CONTRACT_COLUMNS = [
    "doc_id", "file", "headline", "outlet", "wire_agency", "byline", "dateline", "published",
    "published_earliest", "published_latest", "body",
]  # fmt: skip


def run_export(corpus: str | Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis_utils",
            "export",
            "--corpus",
            str(corpus),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def read_documents(out: Path) -> list[dict[str, str]]:
    raw = (out / "documents.csv").read_bytes()
    text = raw.decode("utf-8")  # raises if the file is not UTF-8
    return list(csv.DictReader(text.splitlines(keepends=True)))


def assert_one_error_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error:")
    assert "Traceback" not in result.stderr


def test_export_of_the_seeds_writes_one_utf8_row_per_seed_file(tmp_path):
    result = run_export("seeds", tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read_documents(tmp_path)
    assert set(CONTRACT_COLUMNS) <= set(rows[0])
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(rows) == 5


def test_export_prints_a_one_line_summary_on_stderr(tmp_path):
    result = run_export("seeds", tmp_path)
    summary = result.stderr.splitlines()[0]
    assert summary.startswith("5 documents (")
    assert str(tmp_path) in summary


def test_missing_corpus_folder_is_one_error_line_without_traceback(tmp_path):
    assert_one_error_line(run_export(tmp_path / "nowhere", tmp_path / "out"))


def test_folder_without_txt_files_is_one_error_line_without_traceback(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.md").write_text("not an article\n", encoding="utf-8")
    assert_one_error_line(run_export(corpus, tmp_path / "out"))


def test_empty_and_binary_files_are_rows_with_status_and_warnings(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = sorted(SEEDS.glob("*.txt"))[0]
    (corpus / "a_good.txt").write_bytes(good.read_bytes())
    (corpus / "b_empty.txt").write_bytes(b"")
    (corpus / "c_binary.txt").write_bytes(random.Random(0).randbytes(4000))
    result = run_export(corpus, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    rows = {r["file"]: r for r in read_documents(tmp_path / "out")}
    assert rows["a_good.txt"]["status"] == "ok"
    assert rows["b_empty.txt"]["status"] == "empty"
    assert rows["c_binary.txt"]["status"] == "binary"
    assert rows["b_empty.txt"]["warnings"] and rows["c_binary.txt"]["warnings"]
    assert "b_empty.txt: file is empty" in result.stderr
    assert "c_binary.txt: file looks binary" in result.stderr


def test_main_in_process_exports_the_seeds(tmp_path, capsys):
    assert main(["export", "--corpus", str(SEEDS), "--out", str(tmp_path)]) == 0
    assert len(read_documents(tmp_path)) == 5
    assert capsys.readouterr().err.startswith("5 documents (")


def test_export_with_two_processes_writes_the_same_tables(tmp_path):
    from analysis_utils.tables.export import export

    one, two = tmp_path / "one", tmp_path / "two"
    export(SEEDS, one, jobs=1)
    export(SEEDS, two, jobs=2)
    for name in ("documents", "quotes", "dates", "letters", "events"):
        assert (one / f"{name}.csv").read_text(encoding="utf-8") == (two / f"{name}.csv").read_text(encoding="utf-8"), (
            name
        )


def test_the_export_starts_without_pandas():
    """The command line writes CSV rows itself; pandas (most of a cold start) is for the notebooks' tables."""
    code = "import sys, analysis_utils.cli, analysis_utils.tables.export; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_today_fixes_the_upper_bound_of_an_unprinted_publication_date(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "undated.txt").write_text(
        "Kim writes to Putin\n\nKim Jong Un, who met Vladimir Putin in Vladivostok in 2019, sent him a letter, state media said.\n",
        encoding="utf-8",
    )
    latest = {}
    for day in ("2019-06-01", "2019-11-15"):
        out = tmp_path / day
        assert main(["export", "--corpus", str(folder), "--out", str(out), "--today", day, "--no-cache"]) == 0
        latest[day] = read_documents(out)[0]["published_latest"]
    assert latest == {"2019-06-01": "2019-06-01", "2019-11-15": "2019-11-15"}  # bounds within a year are reported


def test_today_must_be_a_day(tmp_path, capsys):
    try:
        main(["export", "--corpus", str(SEEDS), "--out", str(tmp_path), "--today", "yesterday"])
    except SystemExit as exit:
        assert exit.code == 2
    else:
        raise AssertionError("a bad --today was accepted")
    assert "not a day (YYYY-MM-DD): 'yesterday'" in capsys.readouterr().err
