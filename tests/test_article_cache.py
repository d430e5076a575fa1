"""The article cache: unchanged files are read back instead of analysed again, and the tables stay the same."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from analysis_utils.cli import main
from analysis_utils.pipeline import article_cache
from analysis_utils.pipeline import run as pipeline
from analysis_utils.tables import frames
from analysis_utils.tables.export import export
from helpers import FIXTURES, SEEDS

TABLE_FILES = ("documents", "lines", "quotes", "dates", "letters", "events", "metadata_evidence")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds and a held-out set's pages in one folder: many sites, and the seeds' letters."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in [*sorted(SEEDS.glob("*.txt")), *sorted((FIXTURES / "dev5" / "articles").glob("*.txt"))[:4]]:
        shutil.copy(path, folder / path.name)
    return folder


def tables_of(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLE_FILES}


def stored_rows(cache_home: Path) -> int:
    with sqlite3.connect(cache_home / article_cache.FILE_NAME) as db:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


class Counting:
    """Counts the documents the pipeline analyses (in this process)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        real = pipeline.analyse_document

        def counted(doc, today=None):
            self.files.append(doc.file)
            return real(doc, today)

        monkeypatch.setattr(pipeline, "analyse_document", counted)


def test_a_second_export_reads_every_article_back_and_writes_the_same_tables(cache_home, corpus, tmp_path):
    plain = export(corpus, tmp_path / "plain", cache=False)
    cold = export(corpus, tmp_path / "cold", cache=True)
    warm = export(corpus, tmp_path / "warm", cache=True)
    n = len(list(corpus.glob("*.txt")))
    assert (plain["from_cache"], cold["from_cache"], warm["from_cache"]) == (0, 0, n)
    assert stored_rows(cache_home) == n
    assert tables_of(tmp_path / "cold") == tables_of(tmp_path / "plain")
    assert tables_of(tmp_path / "warm") == tables_of(tmp_path / "plain")


def test_only_new_and_changed_files_are_analysed_again(cache_home, corpus, tmp_path, monkeypatch):
    export(corpus, tmp_path / "first", cache=True)
    first = sorted(p.name for p in corpus.glob("*.txt"))
    changed = corpus / first[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA paragraph added later.\n", encoding="utf-8")
    shutil.copy(FIXTURES / "dev4" / "articles" / sorted(p.name for p in (FIXTURES / "dev4" / "articles").glob("*.txt"))[0],
                corpus / "zz_new.txt")  # fmt: skip
    seen = Counting(monkeypatch)
    summary = export(corpus, tmp_path / "second", cache=True)
    assert sorted(seen.files) == sorted([first[1], "zz_new.txt"])
    assert summary["from_cache"] == len(first) - 1
    monkeypatch.undo()
    export(corpus, tmp_path / "fresh", cache=False)
    assert tables_of(tmp_path / "second") == tables_of(tmp_path / "fresh")
    assert "A paragraph added later." in (tmp_path / "second" / "lines.csv").read_text(encoding="utf-8")


def test_a_renamed_file_is_analysed_under_its_new_name(cache_home, corpus, tmp_path, monkeypatch):
    export(corpus, tmp_path / "first", cache=True)
    old = sorted(corpus.glob("*.txt"))[0]
    old.rename(corpus / "renamed.txt")
    seen = Counting(monkeypatch)
    export(corpus, tmp_path / "second", cache=True)
    assert seen.files == ["renamed.txt"]
    documents = (tmp_path / "second" / "documents.csv").read_text(encoding="utf-8")
    assert "renamed.txt" in documents and old.name not in documents


def test_the_same_files_in_another_folder_are_read_back_with_their_new_path(cache_home, corpus, tmp_path):
    export(corpus, tmp_path / "first", cache=True)
    moved = tmp_path / "moved"
    shutil.copytree(corpus, moved)
    analysed = list(pipeline.iter_corpus(moved, cache=True))
    assert all(a.from_cache for a in analysed)
    assert {a.doc.path for a in analysed} == set(moved.glob("*.txt"))


def test_copies_are_flagged_on_a_warm_run_as_on_a_cold_one(cache_home, tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(seed, folder / name)
    cold = list(pipeline.iter_corpus(folder, cache=True))
    warm = list(pipeline.iter_corpus(folder, cache=True))
    assert [a.from_cache for a in warm] == [True, True, True]
    for run in (cold, warm):
        assert [a.doc.status for a in run] == ["ok", "duplicate", "duplicate"]
        assert [a.duplicate_of for a in run] == ["", "a", "a"]


def test_two_processes_store_and_read_back_the_same_tables(cache_home, corpus, tmp_path):
    export(corpus, tmp_path / "plain", jobs=1, cache=False)
    half = sorted(corpus.glob("*.txt"))[::2]
    other = tmp_path / "half"
    other.mkdir()
    for p in half:
        shutil.copy(p, other / p.name)
    export(other, tmp_path / "half_out", jobs=2, cache=True)  # half the corpus stored by the workers
    mixed = export(corpus, tmp_path / "mixed", jobs=2, cache=True)
    warm = export(corpus, tmp_path / "warm", jobs=2, cache=True)
    assert mixed["from_cache"] == len(half)
    assert warm["from_cache"] == len(list(corpus.glob("*.txt")))
    assert tables_of(tmp_path / "mixed") == tables_of(tmp_path / "plain")
    assert tables_of(tmp_path / "warm") == tables_of(tmp_path / "plain")


def test_a_damaged_database_is_set_aside_and_nothing_is_lost(cache_home, corpus, tmp_path):
    export(corpus, tmp_path / "plain", cache=False)
    cache_home.mkdir(parents=True)
    (cache_home / article_cache.FILE_NAME).write_bytes(b"this is not a database" * 100)
    summary = export(corpus, tmp_path / "after", cache=True)
    assert summary["documents"] == len(list(corpus.glob("*.txt")))
    assert tables_of(tmp_path / "after") == tables_of(tmp_path / "plain")
    assert (cache_home / "articles.damaged").exists()
    assert stored_rows(cache_home) == summary["documents"]  # a new database took the analyses


def test_an_entry_that_cannot_be_read_back_is_analysed_again(cache_home, corpus, tmp_path, monkeypatch):
    export(corpus, tmp_path / "plain", cache=True)
    with sqlite3.connect(cache_home / article_cache.FILE_NAME) as db:
        key = db.execute("SELECT key FROM articles ORDER BY key LIMIT 1").fetchone()[0]
        db.execute("UPDATE articles SET blob = ? WHERE key = ?", (b"garbage", key))
    seen = Counting(monkeypatch)
    summary = export(corpus, tmp_path / "after", cache=True)
    assert len(seen.files) == 1
    assert summary["from_cache"] == summary["documents"] - 1
    assert tables_of(tmp_path / "after") == tables_of(tmp_path / "plain")


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path, corpus, monkeypatch):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(article_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    monkeypatch.delenv(article_cache.CACHE_ENV, raising=False)
    plain = export(corpus, tmp_path / "plain", cache=False)
    summary = export(corpus, tmp_path / "out", cache=True)
    assert summary["from_cache"] == 0 and summary["documents"] == plain["documents"]
    assert tables_of(tmp_path / "out") == tables_of(tmp_path / "plain")


@pytest.mark.parametrize("how", ["env", "flag"])
def test_the_cache_can_be_turned_off(cache_home, corpus, tmp_path, monkeypatch, capsys, how):
    args = ["export", "--corpus", str(corpus), "--out", str(tmp_path / "out")]
    if how == "env":
        monkeypatch.setenv(article_cache.CACHE_ENV, "0")
    else:
        args.append("--no-cache")
    assert main(args) == 0
    assert main(args) == 0
    assert "article cache" not in capsys.readouterr().err
    assert not (cache_home / article_cache.FILE_NAME).exists()


def test_the_command_line_says_how_many_articles_it_read_back(cache_home, corpus, tmp_path, capsys):
    args = ["export", "--corpus", str(corpus), "--out", str(tmp_path / "out")]
    assert main(args) == 0
    assert "article cache" not in capsys.readouterr().err
    assert main(args) == 0
    n = len(list(corpus.glob("*.txt")))
    assert capsys.readouterr().err.startswith(f"{n} documents ({n} ok; {n} read from the article cache)")


def test_a_failed_analysis_is_not_stored(cache_home, corpus, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "extract_quotes", broken)
    summary = export(corpus, tmp_path / "broken", cache=True)
    assert summary["statuses"] == {"error": summary["documents"]}
    assert stored_rows(cache_home) == 0
    monkeypatch.undo()
    monkeypatch.setenv(article_cache.CACHE_DIR_ENV, str(cache_home))  # undo() took the fixture's settings too
    monkeypatch.delenv(article_cache.CACHE_ENV, raising=False)
    fixed = export(corpus, tmp_path / "fixed", cache=True)
    assert fixed["from_cache"] == 0 and "error" not in fixed["statuses"]


def test_only_the_two_most_recent_code_versions_are_kept(cache_home, corpus, monkeypatch):
    versions = ["code a", "code b", "code c"]
    generations = []
    for version in versions:
        monkeypatch.setattr(article_cache, "package_fingerprint", lambda version=version: version)
        generations.append(article_cache.generation())
        list(pipeline.iter_corpus(corpus, cache=True))
    n = len(list(corpus.glob("*.txt")))
    assert stored_rows(cache_home) == 2 * n
    with sqlite3.connect(cache_home / article_cache.FILE_NAME) as db:
        kept = {r[0] for r in db.execute("SELECT DISTINCT generation FROM articles")}
    assert kept == set(generations[1:])
    monkeypatch.setattr(article_cache, "package_fingerprint", lambda: versions[0])
    again = list(pipeline.iter_corpus(corpus, cache=True))
    assert not any(a.from_cache for a in again)  # the oldest version's analyses were deleted


UNDATED = "Kim writes to Putin\n\nKim Jong Un, who met Vladimir Putin in Vladivostok in 2019, sent him a letter.\n"
"""A page whose publication date can be any day from 2019 to today: its analysis changes with the day."""


def test_on_another_day_only_the_analyses_whose_date_moves_are_made_again(cache_home, corpus, monkeypatch):
    """A printed date holds for every day; an inferred one is inferred anew, and only if it moved is the page analysed."""
    (corpus / "undated.txt").write_text(UNDATED, encoding="utf-8")
    day1, day2 = dt.date(2026, 12, 6), dt.date(2027, 3, 1)
    first = list(pipeline.iter_corpus(corpus, today=day1, cache=True))
    bound = sorted(a.doc.file for a in first if a.meta.published.today_bound)
    assert "undated.txt" in bound and len(bound) > 1 and len(bound) < len(first)  # every kind is in the corpus
    seen = Counting(monkeypatch)
    second = list(pipeline.iter_corpus(corpus, today=day2, cache=True))
    assert seen.files == ["undated.txt"]
    assert [a.doc.file for a in second if not a.from_cache] == ["undated.txt"]
    assert f"..{day2}" in second[-1].meta.published.evidence  # the bound moved with the day (too loose to report)
    third = list(pipeline.iter_corpus(corpus, today=day2, cache=True))
    assert all(a.from_cache for a in third)  # renewed and re-analysed entries now hold for day 2
    monkeypatch.undo()
    fresh = list(pipeline.iter_corpus(corpus, today=day2, cache=False))
    for a in (*second, *third):
        a.from_cache = False
    assert second == fresh and third == fresh


def test_the_checks_of_another_days_entries_run_as_the_articles_come_and_in_the_workers(
    cache_home, corpus, monkeypatch, tmp_path
):
    """Not all before the first article (no silent wait before the progress bar), and in the pool with ``jobs``."""
    (corpus / "undated.txt").write_text(UNDATED, encoding="utf-8")
    first = list(pipeline.iter_corpus(corpus, today=dt.date(2026, 12, 6), cache=True))
    bound = sum(a.meta.published.today_bound for a in first)
    log = tmp_path / "checked_by"
    real = pipeline.holds_on

    def logged(a, today):
        with log.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real(a, today)

    monkeypatch.setattr(pipeline, "holds_on", logged)
    checked = lambda: log.read_text().split() if log.exists() else []  # noqa: E731
    articles = pipeline.iter_corpus(corpus, today=dt.date(2027, 3, 1), cache=True)
    next(articles)
    assert len(checked()) <= 1
    assert len(list(articles)) == len(first) - 1
    assert checked() == [str(os.getpid())] * bound
    log.unlink()
    third = list(pipeline.iter_corpus(corpus, today=dt.date(2028, 5, 1), cache=True, jobs=2))
    assert len(checked()) == bound and str(os.getpid()) not in checked()  # the workers checked them
    monkeypatch.undo()
    assert sum(a.from_cache for a in third) == len(third) - 1  # only the undated page moved again
    for a in third:
        a.from_cache = False
    assert third == list(pipeline.iter_corpus(corpus, today=dt.date(2028, 5, 1), cache=False))


def test_an_entry_made_on_another_day_is_checked_again_on_every_fixture_page():
    """``holds_on`` says yes only when analysing the page on the new day gives the same analysis.

    It answers yes without a look for every page whose date is not ``today_bound``: so this
    also checks that no such analysis changes with the day.
    """
    files = [*sorted(SEEDS.glob("*.txt")), *sorted(FIXTURES.glob("*/articles/*.txt"))]
    days = (dt.date(2024, 6, 20), dt.date(2026, 12, 6), dt.date(2031, 6, 1))
    said = set()
    for path in files:
        made = pipeline.analyse_path(path, days[1])
        for day in (days[0], days[2]):
            again = pipeline.analyse_path(path, day)
            holds = pipeline.holds_on(article_cache.unpack(article_cache.pack(made), path), day)
            assert holds == (again == made), (path.name, day)
            said.add(holds)
    assert said == {True, False}


def test_an_entry_marked_with_its_day_holds_on_that_day_until_renewed(cache_home, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(UNDATED, encoding="utf-8")
    day1, day2 = dt.date(2026, 1, 1), dt.date(2026, 1, 2)
    with article_cache.ArticleCache.open(day1) as store:
        key = store.key(path)
        assert store.present([key]) == {}
        store.put(key, b"entry", today_bound=True)
    with article_cache.ArticleCache.open(day1) as store:
        assert store.present([key]) == {key: "2026-01-01"} and store.holds("2026-01-01")
    with article_cache.ArticleCache.open(day2) as store:
        assert not store.holds(store.present([key])[key])
        store.renew(key)
    with article_cache.ArticleCache.open(day2) as store:
        assert store.holds(store.present([key])[key])
        store.put(key, b"entry", today_bound=False)
    for day in (dt.date(2020, 1, 1), dt.date(2030, 1, 1)):  # an entry for every day
        with article_cache.ArticleCache.open(day) as store:
            assert store.present([key]) == {key: ""} and store.holds("")


def test_the_key_follows_the_name_the_bytes_and_the_code_not_the_day(cache_home, corpus, tmp_path, monkeypatch):
    path = sorted(corpus.glob("*.txt"))[0]
    store = article_cache.ArticleCache.open(dt.date(2024, 5, 1))
    other_day = article_cache.ArticleCache.open(dt.date(2024, 5, 2))
    monkeypatch.setattr(article_cache, "package_fingerprint", lambda: "other code")
    other_code = article_cache.ArticleCache.open(dt.date(2024, 5, 1))
    copy = tmp_path / "copy.txt"
    shutil.copy(path, copy)
    try:
        assert store.key(path) == store.key(path) == other_day.key(path)
        assert store.key(path) != other_code.key(path)
        assert store.key(path) != store.key(copy)
        assert store.key(tmp_path / "missing.txt") is None
    finally:
        for s in (store, other_day, other_code):
            s.close()


def test_a_database_of_an_older_format_is_replaced(cache_home, corpus, tmp_path):
    cache_home.mkdir(parents=True)
    db = sqlite3.connect(cache_home / article_cache.FILE_NAME)
    db.execute("CREATE TABLE articles (key TEXT PRIMARY KEY, generation TEXT NOT NULL, blob BLOB)")
    db.execute("INSERT INTO articles VALUES ('a key', 'a generation', x'00')")
    db.commit()
    db.close()
    export(corpus, tmp_path / "plain", cache=False)
    export(corpus, tmp_path / "cold", cache=True)
    warm = export(corpus, tmp_path / "warm", cache=True)
    assert warm["from_cache"] == warm["documents"] == stored_rows(cache_home)
    assert tables_of(tmp_path / "warm") == tables_of(tmp_path / "plain")


def test_the_notebooks_tables_analyse_only_the_files_added(cache_home, corpus, monkeypatch):
    frames.load_tables(corpus)
    shutil.copy(FIXTURES / "dev6" / "articles" / sorted(p.name for p in (FIXTURES / "dev6" / "articles").glob("*.txt"))[0],
                corpus / "zz_added.txt")  # fmt: skip
    seen = Counting(monkeypatch)
    got = frames.load_tables(corpus)
    assert seen.files == ["zz_added.txt"]
    assert "zz_added.txt" in set(got["documents"]["file"])


def test_auto_jobs_uses_every_core_only_for_long_runs():
    cores = pipeline.auto_jobs(10**6)
    assert cores >= 1
    assert pipeline.auto_jobs(pipeline.AUTO_JOBS_FROM - 1) == 1
    assert pipeline.auto_jobs(pipeline.AUTO_JOBS_FROM) == min(cores, pipeline.AUTO_JOBS_FROM // 50)


def test_two_runs_storing_into_one_cache_at_once_do_not_wait_for_each_other(cache_home, corpus, monkeypatch):
    """Rows wait in memory and go to disk in short transactions: no run holds the database while it analyses."""
    import time

    monkeypatch.setattr(article_cache, "COMMIT_EVERY", 3)
    paths = sorted(corpus.glob("*.txt"))
    first, second = article_cache.ArticleCache.open(), article_cache.ArticleCache.open()
    started = time.monotonic()
    try:
        for path in paths[:4]:  # the first run has written a batch and holds one more row
            first.put(first.key(path), b"first")
        for path in paths[4:8]:
            second.put(second.key(path), b"second")
        second.close()
        assert time.monotonic() - started < 5  # a transaction left open by the first run would hold it 30 s
    finally:
        first.close()
    with sqlite3.connect(cache_home / article_cache.FILE_NAME) as db:
        blobs = sorted(r[0] for r in db.execute("SELECT blob FROM articles"))
    assert blobs == [b"first"] * 4 + [b"second"] * 4


def test_a_folder_of_bad_files_reads_back_as_it_was_written(cache_home, tmp_path):
    """Empty, binary, mis-encoded, HTML and copied files: every row, status and warning the same from the cache."""
    from test_bad_input import bad_folder

    folder = bad_folder(tmp_path)
    plain = export(folder, tmp_path / "plain", cache=False)
    export(folder, tmp_path / "cold", cache=True)
    warm = export(folder, tmp_path / "warm", cache=True)
    assert warm["from_cache"] > 0 and warm["statuses"] == plain["statuses"]
    assert warm["warnings"] == plain["warnings"]
    assert tables_of(tmp_path / "warm") == tables_of(tmp_path / "plain")


def test_the_workers_reading_connections_stay_few_and_read_the_right_entry(tmp_path):
    blobs = {}
    for i in range(12):
        with article_cache.ArticleCache.open(dt.date(2026, 1, 1), folder=tmp_path / f"cache{i}") as store:
            store.put("key", f"entry {i}".encode(), today_bound=False)
        blobs[tmp_path / f"cache{i}" / article_cache.FILE_NAME] = f"entry {i}".encode()
    for location, blob in blobs.items():
        assert article_cache.stored_blob(location, "key") == blob
        assert article_cache.stored_blob(location, "other") is None
        assert article_cache.reader_count() <= article_cache.READERS_KEPT
    assert article_cache.stored_blob(tmp_path / "none" / article_cache.FILE_NAME, "key") is None
