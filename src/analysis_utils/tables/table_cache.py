"""The tables of a corpus folder cached on disk, keyed by the files' contents, the package code and today's date.

``ANALYSIS_CACHE_DIR`` chooses the folder (default ``<project root>/.cache/tables``); ``ANALYSIS_CACHE=0`` turns it off.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus.manifest import manifest_path
from ..corpus.read import corpus_files
from ..pipeline.article_cache import cache_dir, enabled, package_fingerprint

if TYPE_CHECKING:  # pandas is imported where a key is made or an entry read: importing this module stays light
    import pandas as pd

KEEP = 8
"""Entries kept in the cache folder; older ones are deleted."""
LOCK_TIMEOUT = 900.0
"""Seconds to wait for another process building the same entry before building it too."""
FORMAT = 1
"""Bumped when the layout of a stored entry changes."""
SUFFIX = ".pkl"

Tables = dict[str, "pd.DataFrame"]
log = logging.getLogger(__name__)


def corpus_key(folder: str | os.PathLike[str], today: dt.date | None = None) -> str | None:
    """The cache key of a corpus folder, or None when a file cannot be read (then nothing is cached).

    Raises ``CorpusError`` as the pipeline does for a folder that is missing or holds no ``*.txt``.
    """
    import pandas as pd

    digest = hashlib.sha256()
    for part in (
        f"format {FORMAT}",
        f"python {sys.version_info.major}.{sys.version_info.minor}",
        f"pandas {pd.__version__}",
        f"code {package_fingerprint()}",
        f"today {(today or dt.date.today()).isoformat()}",
    ):
        digest.update(part.encode("utf-8") + b"\n")
    for path in corpus_files(folder):
        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        digest.update(f"file {path.name}\0{content}\n".encode())
    manifest = manifest_path(folder)
    if manifest.exists():  # what the manifest says of the pages is part of their tables
        try:
            digest.update(b"manifest\0" + manifest.read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


def entry_path(key: str, folder: Path | None = None) -> Path:
    """Where the entry of ``key`` is stored."""
    return (folder or cache_dir()) / f"{key}{SUFFIX}"


def load(key: str, folder: Path | None = None) -> Tables | None:
    """The tables stored under ``key``, or None when absent, unreadable, corrupt or stored for another key."""
    import pandas as pd

    path = entry_path(key, folder)
    try:
        with path.open("rb") as fh:
            payload = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as err:  # a damaged entry is rebuilt, never an error
        log.info("ignoring unreadable cache entry %s: %s: %s", path, type(err).__name__, err)
        return None
    if not (
        isinstance(payload, dict)
        and payload.get("key") == key
        and isinstance(payload.get("tables"), dict)
        and all(isinstance(k, str) and isinstance(v, pd.DataFrame) for k, v in payload["tables"].items())
    ):
        log.info("ignoring cache entry %s: not a table set stored under its key", path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used entries are the ones kept
    return payload["tables"]


def store(key: str, tables: Tables, folder: Path | None = None) -> Path | None:
    """Write the entry atomically (temporary file, then ``os.replace``); None if the folder is not writable."""
    folder = folder or cache_dir()
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f"{key}.", suffix=".tmp", delete=False) as fh:
            tmp = Path(fh.name)
            pickle.dump({"key": key, "tables": tables}, fh, protocol=5)
        path = entry_path(key, folder)
        os.replace(tmp, path)
        return path
    except OSError as err:
        log.info("cannot write cache entry in %s: %s", folder, err)
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        return None


def prune(folder: Path | None = None, keep: int = KEEP, stale_seconds: float = 3600.0) -> None:
    """Keep the ``keep`` most recently used entries; drop leftovers (temporary files, locks) older than an hour."""
    folder = folder or cache_dir()
    try:
        entries = sorted(folder.glob(f"*{SUFFIX}"), key=_mtime, reverse=True)
        now = time.time()
        for path in entries[keep:]:
            path.unlink(missing_ok=True)
        for path in [*folder.glob("*.tmp"), *folder.glob("*.lock")]:
            if now - _mtime(path) > stale_seconds and not path.with_suffix(SUFFIX).exists():
                path.unlink(missing_ok=True)
    except OSError as err:
        log.info("cannot prune cache folder %s: %s", folder, err)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@contextlib.contextmanager
def _locked(key: str, folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``key`` across processes (POSIX ``flock``); without one, just go on."""
    try:
        import fcntl
    except ImportError:  # Windows: two processes may both build; their writes are still atomic
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fh = (folder / f"{key}.lock").open("a")
    except OSError:
        yield
        return
    with fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    log.info("cache lock %s still held after %.0f s; building anyway", key, timeout)
                    yield
                    return
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def cached_tables(folder: str | os.PathLike[str], build: Callable[[], Tables]) -> Tables:
    """The tables of ``folder`` from the cache, else ``build()`` them and store them (if the files did not change).

    Every call returns frames of its own (unpickled or freshly built), so mutating them changes nothing stored.
    """
    if not enabled():
        return build()
    key = corpus_key(folder)
    if key is None:
        return build()
    where = cache_dir()
    tables = load(key, where)
    if tables is not None:
        return tables
    with _locked(key, where):
        tables = load(key, where)  # another process may have built it while we waited
        if tables is not None:
            return tables
        tables = build()
        if corpus_key(folder) == key:  # a file edited while parsing: do not store under the old contents
            store(key, tables, where)
            prune(where)
    return tables
