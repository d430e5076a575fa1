"""The tables of a corpus folder are cached on disk, keyed by the files' contents; the report warms the cache."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import threading
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from pandas.testing import assert_frame_equal

import analysis_utils
from analysis_utils import paths
from analysis_utils.corpus.read import CorpusError
from analysis_utils.pipeline import article_cache
from analysis_utils.report import build as report
from analysis_utils.tables import frames, rows
from analysis_utils.tables import table_cache as cache
from helpers import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two seed articles in a folder of their own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEED_FILES[:2]:
        shutil.copy(path, folder / path.name)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{cache.SUFFIX}"))


def assert_tables_equal(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    assert list(got) == list(expected)
    for name in expected:
        assert_frame_equal(got[name], expected[name], obj=name)


def refuse_to_parse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the corpus was parsed again instead of read from the cache")


# --------------------------------------------------------------------------- same tables, parsed once


def test_cached_tables_equal_the_uncached_tables_of_the_seeds(cache_home: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(article_cache.CACHE_ENV, "0")
    uncached = frames.load_tables(SEEDS)
    monkeypatch.delenv(article_cache.CACHE_ENV)
    built = frames.load_tables(SEEDS)
    assert len(entries(cache_home)) == 1
    loaded = frames.load_tables(SEEDS)
    assert_tables_equal(built, uncached)
    assert_tables_equal(loaded, uncached)
    assert len(loaded["documents"]) == len(SEED_FILES)


def test_a_second_call_reads_the_cache_instead_of_parsing(
    cache_home: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
):
    first = frames.load_tables(small_corpus)
    monkeypatch.setattr(frames, "analyse_corpus", refuse_to_parse)
    assert_tables_equal(frames.load_tables(small_corpus), first)


def test_the_same_files_in_another_folder_share_the_entry(cache_home: Path, small_corpus: Path, tmp_path: Path):
    frames.load_tables(small_corpus)
    elsewhere = shutil.copytree(small_corpus, tmp_path / "elsewhere")
    assert cache.corpus_key(elsewhere) == cache.corpus_key(small_corpus)
    frames.load_tables(elsewhere)
    assert len(entries(cache_home)) == 1


def test_touching_a_file_without_changing_it_keeps_the_key(small_corpus: Path):
    key = cache.corpus_key(small_corpus)
    path = next(small_corpus.glob("*.txt"))
    os.utime(path, (time.time() + 60, time.time() + 60))
    assert cache.corpus_key(small_corpus) == key


def test_mutating_a_returned_frame_does_not_change_the_next_result(cache_home: Path, small_corpus: Path):
    first = frames.load_tables(small_corpus)
    expected = {name: frame.copy() for name, frame in first.items()}
    first["documents"]["headline"] = "changed"
    first["quotes"].loc[:, "speaker"] = "nobody"
    assert_tables_equal(frames.load_tables(small_corpus), expected)
    assert_tables_equal(frames.load_tables(small_corpus), expected)


def test_a_list_of_analysed_documents_is_not_cached(cache_home: Path, small_corpus: Path):
    from analysis_utils import analyse_corpus

    frames.tables_of(analyse_corpus(small_corpus))
    assert not cache_home.exists() or entries(cache_home) == []


# --------------------------------------------------------------------------- invalidation


def test_changing_a_file_rebuilds_the_tables(cache_home: Path, small_corpus: Path):
    before = frames.load_tables(small_corpus)
    path = sorted(small_corpus.glob("*.txt"))[0]
    path.write_bytes(path.read_bytes() + b"\n\nA closing paragraph added later.\n")
    after = frames.load_tables(small_corpus)
    sizes = dict(zip(after["documents"]["file"], after["documents"]["size_bytes"], strict=True))
    assert sizes[path.name] == path.stat().st_size
    assert (
        sizes[path.name]
        != dict(zip(before["documents"]["file"], before["documents"]["size_bytes"], strict=True))[path.name]
    )
    assert len(entries(cache_home)) == 2


def test_adding_a_file_rebuilds_the_tables(cache_home: Path, small_corpus: Path):
    assert len(frames.load_tables(small_corpus)["documents"]) == 2
    shutil.copy(SEED_FILES[2], small_corpus / SEED_FILES[2].name)
    documents = frames.load_tables(small_corpus)["documents"]
    assert list(documents["file"]) == sorted(p.name for p in small_corpus.glob("*.txt"))


def test_removing_a_file_rebuilds_the_tables(cache_home: Path, small_corpus: Path):
    assert len(frames.load_tables(small_corpus)["documents"]) == 2
    gone = sorted(small_corpus.glob("*.txt"))[0]
    gone.unlink()
    documents = frames.load_tables(small_corpus)["documents"]
    assert gone.name not in set(documents["file"]) and len(documents) == 1


def test_renaming_a_file_rebuilds_the_tables(cache_home: Path, small_corpus: Path):
    frames.load_tables(small_corpus)
    path = sorted(small_corpus.glob("*.txt"))[0]
    path.rename(small_corpus / "renamed.txt")
    documents = frames.load_tables(small_corpus)["documents"]
    assert "renamed.txt" in set(documents["file"]) and "renamed" in set(documents["doc_id"])


def test_the_key_depends_on_the_day_and_the_pandas_version(small_corpus: Path, monkeypatch: pytest.MonkeyPatch):
    key = cache.corpus_key(small_corpus, today=dt.date(2024, 5, 1))
    assert cache.corpus_key(small_corpus, today=dt.date(2024, 5, 2)) != key
    monkeypatch.setattr(pd, "__version__", "0.0.0")
    assert cache.corpus_key(small_corpus, today=dt.date(2024, 5, 1)) != key


def test_the_code_fingerprint_follows_code_and_data_not_bytecode(tmp_path: Path):
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "mod.py").write_text("X = 1\n", encoding="utf-8")
    (package / "data" / "people.csv").write_text("name\nKim Jong Un\n", encoding="utf-8")
    first = article_cache.code_fingerprint(package)
    (package / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"\0\1")
    assert article_cache.code_fingerprint(package) == first
    (package / "data" / "people.csv").write_text("name\nVladimir Putin\n", encoding="utf-8")
    second = article_cache.code_fingerprint(package)
    assert second != first
    (package / "mod.py").write_text("X = 2\n", encoding="utf-8")
    assert article_cache.code_fingerprint(package) != second


def test_the_package_fingerprint_covers_every_room_of_the_installed_package():
    package = Path(analysis_utils.__file__).resolve().parent
    assert article_cache.package_fingerprint() == article_cache.code_fingerprint(package)
    assert article_cache.package_fingerprint() != article_cache.code_fingerprint(package / "pipeline")


# --------------------------------------------------------------------------- damaged entries and folders


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: b"this is not a pickle",
        lambda good: good[: len(good) // 2],  # a half-written file
        lambda good: b"",
        lambda good: pickle.dumps({"key": "another key", "tables": {}}, protocol=5),
        lambda good: pickle.dumps(["not", "a", "table", "set"], protocol=5),
    ],
    ids=["garbage", "truncated", "empty", "other-key", "wrong-type"],
)
def test_a_damaged_entry_is_rebuilt(cache_home: Path, small_corpus: Path, damage):
    expected = frames.load_tables(small_corpus)
    key = cache.corpus_key(small_corpus)
    path = cache.entry_path(key)
    path.write_bytes(damage(path.read_bytes()))
    assert cache.load(key) is None
    assert_tables_equal(frames.load_tables(small_corpus), expected)
    assert_tables_equal(cache.load(key), expected)


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(article_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    monkeypatch.delenv(article_cache.CACHE_ENV, raising=False)
    assert len(frames.load_tables(small_corpus)["documents"]) == 2


def test_the_cache_can_be_turned_off(cache_home: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(article_cache.CACHE_ENV, "0")
    frames.load_tables(small_corpus)
    assert not cache_home.exists()
    monkeypatch.setattr(frames, "analyse_corpus", refuse_to_parse)
    with pytest.raises(AssertionError, match="parsed again"):
        frames.load_tables(small_corpus)


def test_a_missing_folder_raises_corpus_error_and_an_empty_one_gives_empty_tables(cache_home: Path, tmp_path: Path):
    with pytest.raises(CorpusError, match="not found"):
        frames.load_tables(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not an article")
    empty = frames.load_tables(tmp_path / "empty")
    assert list(empty) == [t.name for t in rows.TABLES]
    assert all(
        frame.empty and list(frame.columns) == t.columns for frame, t in zip(empty.values(), rows.TABLES, strict=True)
    )
    assert not cache_home.exists()  # nothing to cache


def test_the_cache_lives_under_the_project_root_unless_told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv(article_cache.CACHE_DIR_ENV, raising=False)
    assert cache.cache_dir() == paths.project_root() / ".cache" / "tables"
    monkeypatch.setenv(article_cache.CACHE_DIR_ENV, "build/tables-cache")
    assert cache.cache_dir() == paths.project_root() / "build" / "tables-cache"
    monkeypatch.setenv(article_cache.CACHE_DIR_ENV, str(tmp_path))
    assert cache.cache_dir() == tmp_path


def test_the_project_cache_folder_is_ignored_by_git():
    ignored = (paths.project_root() / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".cache/" in ignored


def test_only_the_most_recent_entries_are_kept(tmp_path: Path):
    frame = {"documents": pd.DataFrame({"doc_id": ["a"]})}
    now = time.time()
    for i in range(cache.KEEP + 3):
        path = cache.store(f"{i:064x}", frame, tmp_path)
        os.utime(path, (now - 1000 + i, now - 1000 + i))
    stale = tmp_path / "leftover.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (now - 7200, now - 7200))
    cache.prune(tmp_path)
    kept = [int(p.stem, 16) for p in entries(tmp_path)]
    assert kept == list(range(3, cache.KEEP + 3))
    assert not stale.exists()


def test_a_process_waiting_for_the_builder_reads_its_entry(cache_home: Path, small_corpus: Path):
    builds: list[str] = []
    started, release = threading.Event(), threading.Event()

    def slow_build() -> dict[str, pd.DataFrame]:
        builds.append("first")
        started.set()
        release.wait(10)
        return frames.tables_of(frames.analysed_corpus(small_corpus))

    def quick_build() -> dict[str, pd.DataFrame]:
        builds.append("second")
        return frames.tables_of(frames.analysed_corpus(small_corpus))

    results: dict[str, dict[str, pd.DataFrame]] = {}
    first = threading.Thread(target=lambda: results.update(first=cache.cached_tables(small_corpus, slow_build)))
    second = threading.Thread(target=lambda: results.update(second=cache.cached_tables(small_corpus, quick_build)))
    first.start()
    assert started.wait(10)
    second.start()
    time.sleep(0.5)  # give the second caller time to reach the lock; without one it would build now
    release.set()
    first.join(30)
    second.join(30)
    assert builds == ["first"]
    assert_tables_equal(results["second"], results["first"])


# --------------------------------------------------------------------------- the report parses once


def write_notebook(folder: Path, name: str, *code: str) -> Path:
    parameters = new_code_cell("corpus = None", metadata={"tags": ["parameters"]})
    nb = new_notebook(
        cells=[new_markdown_cell(f"# {name}\n\nReads the tables."), parameters, *(new_code_cell(c) for c in code)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


NOTEBOOK_THAT_MUST_NOT_PARSE = """
from analysis_utils.tables import frames

def refuse(*args, **kwargs):
    raise RuntimeError("the notebook parsed the corpus")

frames.analyse_corpus = refuse
t = frames.load_tables(corpus)
print(len(t["documents"]), "documents read from the cache")
"""


def test_the_report_warms_the_cache_and_the_notebooks_read_it(cache_home: Path, small_corpus: Path, tmp_path: Path):
    for name in ("01_first", "02_second"):
        write_notebook(tmp_path / "nbs", name, NOTEBOOK_THAT_MUST_NOT_PARSE)
    out = tmp_path / "out"
    article_cache.package_fingerprint.cache_clear()  # the code as the notebooks' kernels will import it
    status = report.main(["--corpus", str(small_corpus), "--out", str(out), "--notebooks", str(tmp_path / "nbs")])
    assert status == 0
    for name in ("01_first", "02_second"):
        assert "2 documents read from the cache" in (out / f"{name}.html").read_text(encoding="utf-8")
    assert len(entries(cache_home)) == 1


def test_warming_a_corpus_the_pipeline_refuses_is_no_error(cache_home: Path, tmp_path: Path):
    assert report.warm_cache(tmp_path) is False
    assert report.warm_cache(tmp_path / "nope") is False
