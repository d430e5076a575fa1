"""One document through every stage (read → clean → metadata), and a whole corpus."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import clean, corpus, metadata


@dataclass
class Analysed:
    """Everything the package knows about one input file."""

    doc: corpus.Document
    clean: clean.CleanDoc | None
    meta: metadata.Metadata

    @property
    def warnings(self) -> list[str]:
        return list(dict.fromkeys(self.doc.warnings + self.meta.warnings))


def analyse_document(doc: corpus.Document, today: dt.date | None = None) -> Analysed:
    """Clean and describe one document; unusable files keep their row with their warnings."""
    if doc.status in ("empty", "binary", "unreadable"):
        return Analysed(doc, None, metadata.Metadata())
    cd = clean.classify(doc)
    return Analysed(doc, cd, metadata.extract(cd, today))


def iter_corpus(folder: str | os.PathLike[str], today: dt.date | None = None) -> Iterator[Analysed]:
    """Analyse every ``*.txt`` of ``folder`` in name order, one at a time."""
    folder = Path(folder)
    if not folder.is_dir():
        corpus.read_corpus(folder)  # raises the right CorpusError
    files = corpus.list_files(folder)
    if not files:
        raise corpus.CorpusError(f"no *.txt files in corpus folder: {folder}")
    for path in files:
        yield analyse_document(corpus.read_document(path), today)


def analyse_corpus(folder: str | os.PathLike[str], today: dt.date | None = None) -> list[Analysed]:
    return list(iter_corpus(folder, today))
