"""One document through every stage (read → clean → metadata), and a whole corpus."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import clean, corpus, metadata
from .dates import DateExpr, extract_dates
from .events import Event, extract_events
from .letters import Letter, extract_letters
from .quotes import QuoteResult, extract_quotes


@dataclass
class Analysed:
    """Everything the package knows about one input file."""

    doc: corpus.Document
    clean: clean.CleanDoc | None
    meta: metadata.Metadata
    quotes: QuoteResult = field(default_factory=QuoteResult)
    dates: list[DateExpr] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return list(dict.fromkeys(self.doc.warnings + self.meta.warnings + self.quotes.warnings))

    @property
    def when(self) -> dt.date | None:
        """The day the story speaks from: its publication date, or the latest bound."""
        p = self.meta.published
        return p.published or p.latest


def analyse_document(doc: corpus.Document, today: dt.date | None = None) -> Analysed:
    """Clean and describe one document; unusable files keep their row with their warnings."""
    if doc.status in ("empty", "binary", "unreadable"):
        return Analysed(doc, None, metadata.Metadata())
    try:
        cd = clean.classify(doc)
        a = Analysed(doc, cd, metadata.extract(cd, today))
        a.quotes = extract_quotes(cd, a.when)
        a.dates = extract_dates(cd, a.meta.published)
        a.letters = extract_letters(cd, a.meta.published, a.dates, a.when)
        a.events = extract_events(cd, a.letters, a.dates)
        return a
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
