"""Read a folder of articles: one Document per ``*.txt`` file, decoded and normalised, never dropped."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .decode import decode, normalise, repair_mojibake
from .document import Document, TextMap
from .htmltext import html_to_text, looks_like_html

MAX_BYTES = 1_000_000
"""Files larger than this are read up to the cap, with a warning."""


MAX_CHARS = 100_000
"""Text analysed per file: a news article is a few thousand characters; beyond this is not a story."""


def read_document(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a Document. Problems become ``status`` and ``warnings``, not exceptions."""
    warnings: list[str] = []
    status = "ok"
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        return Document(
            doc_id or path.stem,
            path.name,
            path,
            0,
            "",
            "",
            "",
            TextMap(),
            "unreadable",
            [f"cannot read file: {err.strerror or err}"],
        )
    if len(data) > max_bytes:
        data = data[:max_bytes]
        status = "truncated"
        warnings.append(f"file is {size:,} bytes; only the first {max_bytes:,} were read")
    raw, encoding, dec_warnings = decode(data)
    warnings += dec_warnings
    raw, repaired = repair_mojibake(raw)
    if repaired:
        warnings.append("repaired mojibake (UTF-8 text that had been decoded as cp1252)")
    text, text_map = normalise(raw)
    if looks_like_html(text):
        text, text_map = normalise(html_to_text(text))
        status = "html" if status == "ok" else status
        warnings.append(
            "raw HTML page: converted to text (scripts and styles dropped); offsets refer to the converted text"
        )
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
        warnings.append(f"text is {len(text):,} characters; only the first {cut:,} are analysed")
        text, status = text[:cut], "truncated" if status in ("ok", "html") else status
    if "\x00" in raw:
        warnings.append("NUL bytes removed")
    if not text.strip():
        status = "empty"
        warnings.append("file is empty" if size == 0 else "file holds only whitespace")
    elif _looks_binary(text):
        status = "binary"
        warnings.append("file looks binary (many control or replacement characters); not analysed")
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"decoded as {encoding}")
    return Document(doc_id or path.stem, path.name, path, size, encoding, raw, text, text_map, status, warnings)


_BAD_CHARS = re.compile("[\x00-\x09\x0b-\x1f\ufffd]")
"""Control characters other than the newline, and replacement characters."""


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    bad = len(_BAD_CHARS.findall(sample))
    return bad > max(8, len(sample) // 20)


def list_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``*.txt`` files of a folder (not recursive), in name order."""
    return sorted(p for p in Path(folder).glob("*.txt") if p.is_file())


def corpus_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``*.txt`` files of a usable corpus folder; raises ``CorpusError`` with a one-line reason otherwise."""
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"corpus folder not found: {folder}")
    if not folder.is_dir():
        raise CorpusError(f"corpus path is not a folder: {folder}")
    try:
        files = list_files(folder)
    except OSError as err:
        raise CorpusError(f"cannot list corpus folder {folder}: {err.strerror or err}") from err
    if not files:
        raise CorpusError(f"no *.txt files in corpus folder: {folder}")
    return files


def read_corpus(folder: str | os.PathLike[str]) -> list[Document]:
    """Every ``*.txt`` in ``folder`` as a Document, in file-name order. Raises ``CorpusError`` if unusable."""
    return [read_document(p) for p in corpus_files(folder)]


class CorpusError(Exception):
    """The corpus folder itself cannot be used (missing, not a folder, no ``*.txt``)."""
