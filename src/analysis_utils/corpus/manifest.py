"""A corpus folder's manifest, ``sources.csv``: where each saved page came from, as whoever saved it knows.

The text of a page often does not name its outlet or its day; the person who saved it does.
A manifest is a CSV file with a header: ``file`` (the page's file name) and any of ``url``,
``outlet`` and ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``story_date`` or ``date``
are read as ``published`` when it is absent); other columns are ignored. Its values are used with ``manifest`` as their evidence (``metadata.extract``).
"""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

from .document import Entry
from .read import CorpusError

MANIFEST_FILE = "sources.csv"
FIELDS = ("url", "outlet", "published")
"""The columns a manifest may give besides ``file``."""
SYNONYMS = {"published": ("story_date", "date")}
"""Other headers a saver may have given a column (the first present is used)."""


def manifest_path(folder: str | os.PathLike[str]) -> Path:
    return Path(folder) / MANIFEST_FILE


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, Entry]:
    """The manifest of ``folder`` by file name ({} when the folder has none).

    Raises ``CorpusError`` with the file and line when the manifest cannot be used: no ``file``
    column, a file named twice, or bytes that are not UTF-8.
    """
    path = manifest_path(folder)
    try:
        stat = path.stat()
    except OSError:
        return {}
    return dict(_read(path, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=8)
def _read(path: Path, _mtime_ns: int, _size: int) -> tuple[tuple[str, Entry], ...]:
    """Read once per version of the file (a pool's worker reads it once, not once per page)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise CorpusError(f"cannot read {path}: {err.strerror or err}") from None
    reader = csv.DictReader(text.splitlines())
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "file" not in columns:
        raise CorpusError(f"{path} line 1: the header has no 'file' column (it has: {', '.join(columns) or 'nothing'})")
    out: dict[str, Entry] = {}
    for n, row in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        name = Path(values.get("file", "")).name
        if not name:
            continue
        if name in out:
            raise CorpusError(f"{path} line {n}: {name} is named twice (first on line {out[name].line})")
        out[name] = Entry(n, **{f: _value(values, f) for f in FIELDS})
    return tuple(out.items())


def _value(values: dict[str, str], field: str) -> str:
    for key in (field, *SYNONYMS.get(field, ())):
        if values.get(key):
            return values[key]
    return ""


def manifest_entry(path: Path) -> Entry | None:
    """The manifest row of the page at ``path`` (from the manifest of its folder), or None."""
    return read_manifest(path.parent).get(path.name)
