"""One document through every stage (read → clean → metadata), and a whole corpus."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass

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
    try:
        cd = clean.classify(doc)
        return Analysed(doc, cd, metadata.extract(cd, today))
    except Exception as err:  # a bug must not lose the file: keep its row and say what happened
        doc.status = "error"
        doc.warnings.append(f"analysis failed: {type(err).__name__}: {err}")
        return Analysed(doc, None, metadata.Metadata())


def iter_corpus(folder: str | os.PathLike[str], today: dt.date | None = None) -> Iterator[Analysed]:
    """Analyse every ``*.txt`` of ``folder`` in name order, one at a time."""
    for path in corpus.corpus_files(folder):
        yield analyse_document(corpus.read_document(path), today)


def analyse_corpus(folder: str | os.PathLike[str], today: dt.date | None = None) -> list[Analysed]:
    return list(iter_corpus(folder, today))
