"""Each article's analysis cached on disk, keyed by its file's name and contents and the package code.

A corpus that gains a year of coverage is re-analysed only for the new files: the rest
come back from ``<cache folder>/articles.sqlite`` (one row per article, the analysis
pickled and compressed, about 4 KB). The folder is the tables cache's (``$ANALYSIS_CACHE_DIR``,
default ``<project root>/.cache/tables``) and ``ANALYSIS_CACHE=0`` turns both off.

An analysis holds for any day unless its publication date was inferred with today's date
as the upper bound (no date printed on the page: ``PubDate.today_bound``); such an entry is
marked with the day it holds for, and on another day the pipeline infers that date anew
(a few milliseconds) and either marks the entry for the new day (``renew``) or analyses
the file again. A corpus exported again tomorrow is read back but for the pages whose
date moved.

The cache never costs an article: a database that cannot be opened or written, or an
entry that cannot be read back, only means the article is analysed again. Rows of the
two most recently used generations (code and Python) are kept; older ones are
deleted when the cache is opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import logging
import os
import pickle
import sqlite3
import sys
import time
import zlib
from collections.abc import Iterable
from pathlib import Path

from .. import paths
from .analysed import Analysed

CACHE_ENV = "ANALYSIS_CACHE"
CACHE_DIR_ENV = "ANALYSIS_CACHE_DIR"
FILE_NAME = "articles.sqlite"
FORMAT = 2
"""Bumped when what is stored for an article changes shape (2: entries carry the day they hold for)."""
GENERATIONS_KEPT = 2
COMMIT_EVERY = 500
"""Rows written per transaction (a commit per article would cost more than the analysis it saves)."""
LEVEL = 1
"""zlib level: level 1 already shrinks an entry fourfold, and costs a tenth of a millisecond."""

log = logging.getLogger(__name__)


def enabled() -> bool:
    """False when ``$ANALYSIS_CACHE`` is 0 (or off, false, no)."""
    return paths.env_flag(CACHE_ENV) is not False


def cache_dir() -> Path:
    """``$ANALYSIS_CACHE_DIR`` (a relative path is taken from the project root), else ``<project root>/.cache/tables``."""
    chosen = os.environ.get(CACHE_DIR_ENV, "").strip()
    if not chosen:
        return paths.project_root() / ".cache" / "tables"
    path = Path(chosen).expanduser()
    return path if path.is_absolute() else paths.project_root() / path


def code_fingerprint(package: Path) -> str:
    """sha256 over the names and contents of every ``*.py`` and ``data/*`` file under ``package``."""
    digest = hashlib.sha256()
    files = [p for p in package.rglob("*.py") if "__pycache__" not in p.parts]
    files += [p for p in (package / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(set(files)):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def package_fingerprint() -> str:
    """``code_fingerprint`` of the imported analysis_utils package (every room, not only this one), once per process."""
    return code_fingerprint(Path(__file__).resolve().parents[1])


def generation() -> str:
    """What every entry's key shares: the storage format, Python, the package's code and data."""
    parts = (
        f"format {FORMAT}",
        f"python {sys.version_info.major}.{sys.version_info.minor}",
        f"code {package_fingerprint()}",
    )
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def pack(a: Analysed) -> bytes:
    """An analysis as stored: pickled, then compressed."""
    return zlib.compress(pickle.dumps(a, protocol=5), LEVEL)


def unpack(blob: bytes, path: Path) -> Analysed | None:
    """The analysis in ``blob`` with its document pointing at ``path``; None when it cannot be read back."""
    try:
        a = pickle.loads(zlib.decompress(blob))
    except Exception as err:  # a damaged entry is analysed again, never an error
        log.info("ignoring unreadable cached analysis of %s: %s: %s", path.name, type(err).__name__, err)
        return None
    if not isinstance(a, Analysed) or a.doc.file != path.name:
        log.info("ignoring cached analysis of %s: not this file's", path.name)
        return None
    a.doc.path = path  # the same file may have moved with its folder
    return a


_readers: dict[tuple[int, Path], sqlite3.Connection] = {}
"""Reading connections by process and database: a pool's workers read the entries they check
(keyed by process too, since a connection must not cross a fork)."""
READERS_KEPT = 8
"""Reading connections a process keeps open at most (a long session may use many caches: the tests do)."""


def reader_count() -> int:
    """How many reading connections ``stored_blob`` holds open (this process's and, after a fork, its parent's)."""
    return len(_readers)


def stored_blob(location: Path, key: str) -> bytes | None:
    """The packed entry under ``key`` in the database at ``location``, or None (absent, or the database fails)."""
    where = (os.getpid(), location)
    try:
        if where not in _readers:
            if not location.exists():
                return None
            if len(_readers) >= READERS_KEPT:
                for (pid, _), db in _readers.items():
                    if pid == where[0]:  # a parent's connection is only forgotten, never used or closed here
                        db.close()
                _readers.clear()
            _readers[where] = sqlite3.connect(location, timeout=30.0)
        row = _readers[where].execute("SELECT blob FROM articles WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error as err:
        log.info("article cache %s cannot be read here: %s", location, err)
        return None
    return row[0] if row else None


class ArticleCache:
    """The article store of one run: look up, read and write analyses by key (see ``key``).

    Opened with ``ArticleCache.open()``; use it as a context manager so that the last rows
    are committed. Every database error turns the cache off for the rest of the run.
    """

    def __init__(self, db: sqlite3.Connection | None, gen: str, location: Path, today: dt.date | None = None) -> None:
        self.db = db
        self.gen = gen
        self.location = location
        self.day = (today or dt.date.today()).isoformat()
        self.pending: list[tuple[str, str, str, bytes]] = []
        self.renewed: list[str] = []

    @classmethod
    def open(cls, today: dt.date | None = None, folder: Path | None = None) -> ArticleCache:
        """The cache in ``folder`` (default ``cache_dir()``) for analyses made on ``today`` (default: the date today).

        A damaged database file is set aside and started anew.
        """
        gen = generation()
        location = (folder or cache_dir()) / FILE_NAME
        try:
            return cls(_connect(location, gen), gen, location, today)
        except (OSError, sqlite3.OperationalError) as err:  # no folder, no permission, locked
            log.info("article cache %s cannot be used: %s", location, err)
            return cls(None, gen, location, today)
        except sqlite3.DatabaseError as err:  # not a database, or a damaged one
            log.info("article cache %s is damaged (%s); starting a new one", location, err)
        try:
            location.replace(location.with_suffix(".damaged"))
            return cls(_connect(location, gen), gen, location, today)
        except (OSError, sqlite3.Error) as err:
            log.info("article cache %s cannot be used: %s", location, err)
            return cls(None, gen, location, today)

    @property
    def usable(self) -> bool:
        return self.db is not None

    def key(self, path: Path, manifest: object = None) -> str | None:
        """The key of a file: its name and bytes (and its manifest row) in this generation; None when it cannot be read."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest = hashlib.sha256(f"{self.gen}\0{path.name}\0".encode())
        if manifest is not None:
            digest.update(f"manifest {manifest!r}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def present(self, keys: Iterable[str | None]) -> dict[str, str]:
        """Which of ``keys`` have an entry, each with the day it holds for ('' for every day: see ``holds``)."""
        wanted = [k for k in keys if k]
        found: dict[str, str] = {}
        if self.db is None:
            return found
        try:
            for i in range(0, len(wanted), 900):  # SQLite's bound on parameters per statement
                chunk = wanted[i : i + 900]
                rows = self.db.execute(
                    f"SELECT key, day FROM articles WHERE key IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
                found.update(rows)
        except sqlite3.Error as err:
            self._fail(err)
            return {}
        return found

    def holds(self, day: str) -> bool:
        """Does an entry marked ``day`` (as ``present`` gives it) hold on this cache's day?"""
        return day in ("", self.day)

    def get(self, key: str, path: Path) -> Analysed | None:
        """The stored analysis of ``path`` under ``key``, or None."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT blob FROM articles WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as err:
            self._fail(err)
            return None
        a = unpack(row[0], path) if row else None
        if a is not None:
            a.from_cache = True
        return a

    def put(self, key: str, blob: bytes, today_bound: bool = True) -> None:
        """Store a packed analysis (``pack``) under ``key``: held in memory, written ``COMMIT_EVERY`` at a time.

        ``today_bound``: the analysis depends on today's date (``PubDate.today_bound``) and
        holds for this cache's day only (the default: the safe side); any other analysis holds
        for every day.

        Rows are written in one short transaction per batch, so another process exporting into
        the same cache meanwhile never waits for this one's analysis, only for its writes.
        """
        if self.db is None:
            return
        self.pending.append((key, self.gen, self.day if today_bound else "", blob))
        self._write_when_full()

    def renew(self, key: str) -> None:
        """Mark the entry under ``key``, made on another day and found to hold today, as this day's."""
        if self.db is None:
            return
        self.renewed.append(key)
        self._write_when_full()

    def _write_when_full(self) -> None:
        if len(self.pending) + len(self.renewed) >= COMMIT_EVERY:
            self._write()

    def _write(self) -> None:
        rows, self.pending = self.pending, []
        renewed, self.renewed = self.renewed, []
        if self.db is None or not (rows or renewed):
            return
        try:
            with self.db:  # one transaction, committed at once
                self.db.executemany(
                    "INSERT OR REPLACE INTO articles (key, generation, day, blob) VALUES (?, ?, ?, ?)", rows
                )
                self.db.executemany("UPDATE articles SET day = ? WHERE key = ?", [(self.day, k) for k in renewed])
        except sqlite3.Error as err:
            self._fail(err)

    def close(self) -> None:
        self._write()
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.db = None

    def _fail(self, err: sqlite3.Error) -> None:
        log.info("article cache %s turned off for this run: %s", self.location, err)
        with contextlib.suppress(sqlite3.Error):
            self.db.close()  # type: ignore[union-attr]
        self.db = None

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(location: Path, gen: str) -> sqlite3.Connection:
    """Open (creating it if need be) the database, note this generation as used and drop the stale ones."""
    location.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(location, timeout=30.0)
    try:
        db.execute("PRAGMA journal_mode=WAL")  # readers (notebooks) do not wait for a writer
        db.execute("PRAGMA synchronous=NORMAL")
        columns = [r[1] for r in db.execute("PRAGMA table_info(articles)")]
        if columns and "day" not in columns:  # written by an older version (format 1): its entries cannot be used
            db.execute("DROP TABLE articles")
            db.execute("DROP TABLE IF EXISTS generations")
        db.execute(
            "CREATE TABLE IF NOT EXISTS articles"
            " (key TEXT PRIMARY KEY, generation TEXT NOT NULL, day TEXT NOT NULL DEFAULT '', blob BLOB)"
        )
        db.execute("CREATE TABLE IF NOT EXISTS generations (generation TEXT PRIMARY KEY, used REAL NOT NULL)")
        db.execute("INSERT OR REPLACE INTO generations VALUES (?, ?)", (gen, time.time()))
        stale = [
            r[0]
            for r in db.execute(
                "SELECT generation FROM generations ORDER BY used DESC LIMIT -1 OFFSET ?", (GENERATIONS_KEPT,)
            )
        ]
        for old in stale:
            db.execute("DELETE FROM articles WHERE generation = ?", (old,))
            db.execute("DELETE FROM generations WHERE generation = ?", (old,))
        db.commit()
    except BaseException:
        db.close()
        raise
    return db
