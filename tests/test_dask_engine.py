"""``export --engine dask``: Parquet folders on a Dask cluster, with the local engine's values."""

from __future__ import annotations

import logging
import random
import shutil
import subprocess
import sys
from pathlib import Path

import distributed  # the dev extra installs the dask extra: these tests must run in CI
import pandas as pd
import pytest

from analysis_utils.cli import main
from analysis_utils.tables import dask_export, rows
from analysis_utils.tables.dask_export import export_dask
from analysis_utils.tables.export import export

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
COLUMNS = {
    "documents": rows.DOCUMENT_COLUMNS,
    "lines": rows.LINE_COLUMNS,
    "quotes": rows.QUOTE_COLUMNS,
    "dates": rows.DATE_COLUMNS,
    "metadata_evidence": rows.EVIDENCE_COLUMNS,
    "letters": rows.LETTER_COLUMNS,
    "events": rows.EVENT_COLUMNS,
}
BRIEF = (
    "Leaders exchange greetings\n\n"
    "North Korean leader Kim Jong Un sent greetings to Russian President Vladimir Putin, state media reported. "
    "The message praised the friendship between the two countries and wished the Russian people well.\n"
)
PARTITION = 3


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread, as ``--jobs 2`` starts; shared by the tests of this module."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, an exact copy, an edited copy, a short story and its copy, an empty file and random bytes."""
    folder = tmp_path_factory.mktemp("corpus")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[2], folder / f"{seeds[2].stem}_copy.txt")
    paragraphs = seeds[3].read_text(encoding="utf-8").split("\n\n")
    del paragraphs[len(paragraphs) // 2]  # one story paragraph cut: a near copy
    (folder / f"{seeds[3].stem}_edited.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "brief_copy.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    rng = random.Random(7)
    (folder / "noise.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    return folder


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("local")
    return out, export(corpus, out)


@pytest.fixture(scope="module")
def dask_run(corpus, cluster, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("dask")
    return out, export_dask(corpus, out, scheduler=cluster.scheduler_address, partition_size=PARTITION)


def values(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text, empty for missing, rows by doc_id (stable): CSV and Parquet compare equal."""
    df = df.astype("string").fillna("").astype(object)
    return df.sort_values("doc_id", kind="stable").reset_index(drop=True)


def read_csv(out: Path, name: str) -> pd.DataFrame:
    return values(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False))


def read_parquet(out: Path, name: str) -> pd.DataFrame:
    return values(pd.read_parquet(out / name, dtype_backend="numpy_nullable"))


def test_every_input_file_has_a_documents_row(corpus, dask_run):
    docs = read_parquet(dask_run[0], "documents")
    assert sorted(docs["file"]) == sorted(p.name for p in corpus.iterdir())


def test_bad_files_keep_their_row_with_status_and_warning(dask_run):
    docs = read_parquet(dask_run[0], "documents").set_index("file")
    assert docs.loc["empty.txt", "status"] == "empty"
    assert docs.loc["noise.txt", "status"] == "binary"
    assert docs.loc["empty.txt", "warnings"] and docs.loc["noise.txt", "warnings"]


def test_copies_are_flagged_even_across_partitions(dask_run):
    docs = read_parquet(dask_run[0], "documents").set_index("file")
    seeds = sorted(SEEDS.glob("*.txt"))
    copy = docs.loc[f"{seeds[2].stem}_copy.txt"]
    assert (copy["status"], copy["duplicate_of"]) == ("duplicate", seeds[2].stem)
    assert f"identical to {seeds[2].stem}" in copy["warnings"]
    edited = docs.loc[f"{seeds[3].stem}_edited.txt"]
    assert (edited["status"], edited["duplicate_of"]) == ("ok", seeds[3].stem)
    assert edited["warnings"].startswith("near-duplicate of")
    brief = docs.loc["brief_copy.txt"]
    assert "identical to brief (same story text)" in brief["warnings"].split("; ")
    assert docs.loc[seeds[2].name, "duplicate_of"] == ""


@pytest.mark.parametrize("name", list(COLUMNS))
def test_each_table_has_the_local_engines_values(local_run, dask_run, name):
    expected, got = read_csv(local_run[0], name), read_parquet(dask_run[0], name)
    assert list(got.columns) == list(expected.columns) == COLUMNS[name]
    assert len(got) == len(expected)
    pd.testing.assert_frame_equal(got, expected)


def test_summary_matches_the_local_engine(local_run, dask_run):
    summary = dask_run[1]
    same = ("documents", "statuses", "warnings", "n_warnings")
    assert {k: summary[k] for k in same} == {k: local_run[1][k] for k in same}
    assert summary["from_cache"] == 0  # Dask workers analyse every file
    assert summary["statuses"]["duplicate"] == 2
    assert summary["worker_peak_mb"] > 0


def test_each_table_is_a_folder_of_parquet_partitions(corpus, dask_run):
    n_parts = -(-len(list(corpus.iterdir())) // PARTITION)
    for name in COLUMNS:
        parts = sorted(p.name for p in (dask_run[0] / name).iterdir())
        assert parts == [f"part-{i:05d}.parquet" for i in range(n_parts)], name


def test_counts_and_offsets_are_integer_columns(dask_run):
    docs = pd.read_parquet(dask_run[0] / "documents" / "part-00000.parquet")
    assert str(docs["size_bytes"].dtype) == "int64"
    evidence = pd.read_parquet(dask_run[0] / "metadata_evidence", dtype_backend="numpy_nullable")
    assert str(evidence["start"].dtype) == "Int64"


def test_cli_engine_dask_starts_a_local_cluster_and_prints_the_usual_summary(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis_utils", "export", "--corpus", "seeds", "--out", str(tmp_path)]
        + ["--engine", "dask", "--jobs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0].startswith("5 documents (")
    assert str(tmp_path) in result.stderr.splitlines()[0]
    docs = read_parquet(tmp_path, "documents")
    assert sorted(docs["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert not list(tmp_path.glob("*.csv"))


def test_cli_uses_a_running_scheduler_and_drops_stale_partitions(cluster, tmp_path, capsys):
    stale = tmp_path / "documents" / "part-00099.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"left over from a larger corpus")
    argv = ["export", "--corpus", str(SEEDS), "--out", str(tmp_path), "--engine", "dask"]
    assert main([*argv, "--scheduler", cluster.scheduler_address]) == 0
    assert not stale.exists()
    assert len(read_parquet(tmp_path, "documents")) == 5
    assert capsys.readouterr().err.startswith("5 documents (")


def test_missing_dask_is_one_error_line_naming_the_extra(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    out = tmp_path / "out"
    assert main(["export", "--corpus", str(SEEDS), "--out", str(out), "--engine", "dask"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("error:") and "pip install 'kim-putin-letters[dask]'" in err[0]
    assert not out.exists()


def test_unreachable_scheduler_is_one_error_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(dask_export, "CONNECT_TIMEOUT", "1s")
    argv = ["export", "--corpus", str(SEEDS), "--out", str(tmp_path), "--engine", "dask"]
    assert main([*argv, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("error: cannot connect to the Dask scheduler at tcp://127.0.0.1:9")


def test_scheduler_without_engine_dask_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9"])
    assert exit_.value.code == 2
