"""Write the tables as UTF-8 CSV files (the export contract of DESIGN.md), streaming row by row."""

from __future__ import annotations

import csv
import datetime as dt
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from . import article_cache, tables
from .corpus import corpus_files
from .events import Event, Linker, assign_letter_keys
from .letters import Letter
from .pipeline import iter_corpus

TABLES = {
    "documents": (tables.DOCUMENT_COLUMNS, lambda a: [tables.document_row(a)]),
    "lines": (tables.LINE_COLUMNS, tables.line_rows),
    "quotes": (tables.QUOTE_COLUMNS, tables.quote_rows),
    "dates": (tables.DATE_COLUMNS, tables.date_rows),
    "metadata_evidence": (tables.EVIDENCE_COLUMNS, tables.evidence_rows),
}
LINKED = {
    "letters": (tables.LETTER_COLUMNS, tables.letter_rows),
    "events": (tables.EVENT_COLUMNS, tables.event_rows),
}
"""Tables written after the whole corpus is read: their ids link the same letter or event across articles."""


WARNINGS_KEPT = 1000
"""Warnings returned in the summary at most (all are in the documents table); ``n_warnings`` counts them all."""


def export(
    corpus: str | os.PathLike[str],
    out: str | os.PathLike[str],
    jobs: int = 1,
    progress: bool = False,
    cache: bool | None = None,
    today: dt.date | None = None,
) -> dict[str, object]:
    """Analyse ``corpus`` (in ``jobs`` processes, 0 for auto) and write one CSV per table into ``out``; returns a summary.

    ``cache``: read unchanged articles back from the article cache and store the new ones
    (``article_cache``; None: unless ``$ANALYSIS_CACHE`` is 0). The tables are the same either way.
    ``today``: the day the analysis is made on (default: the date today), the upper bound of
    a publication date the page does not print; fixing it makes an export reproducible.

    Memory does not grow with the corpus: rows go to disk as each article is read, and
    the letters and events wait in a temporary file (``LinkSpool``) until every article
    is linked; only the event groups stay in memory.
    """
    corpus_files(corpus)  # a one-line CorpusError before anything is written
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    with LinkSpool(out) as spool:
        with _csv_writers(out, TABLES) as writers:
            use_cache = article_cache.enabled() if cache is None else cache
            for a in iter_corpus(corpus, today, jobs=jobs, progress=progress, cache=use_cache):
                summary.add(a.doc.file, a.doc.status, a.warnings, a.from_cache)
                for name, (_, rows) in TABLES.items():
                    writers[name].writerows(rows(a))
                spool.add(a.doc.doc_id, a.doc.file, a.letters, a.events)
        with _csv_writers(out, LINKED) as writers:
            for a in spool:
                for name, (_, rows) in LINKED.items():
                    writers[name].writerows(rows(a))
    return summary.as_dict()


@contextmanager
def _csv_writers(out: Path, spec: dict[str, tuple[list[str], Any]]) -> Iterator[dict[str, csv.DictWriter]]:
    """``out/<name>.csv`` opened with its header written, for each table of ``spec``; all closed on exit."""
    with ExitStack() as stack:
        writers = {}
        for name, (columns, _) in spec.items():
            fh = stack.enter_context((out / f"{name}.csv").open("w", newline="", encoding="utf-8"))
            writers[name] = csv.DictWriter(fh, fieldnames=columns)
            writers[name].writeheader()
        yield writers


class Summary:
    """Counts of statuses and the first ``WARNINGS_KEPT`` warnings of an export."""

    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.warnings: list[tuple[str, str]] = []
        self.n_warnings = 0
        self.from_cache = 0

    def add(self, file: str, status: str, warnings: list[str], from_cache: bool = False) -> None:
        self.statuses[status] += 1
        self.from_cache += from_cache
        self.n_warnings += len(warnings)
        room = WARNINGS_KEPT - len(self.warnings)
        if room > 0:
            self.warnings += [(file, w) for w in warnings[:room]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": sum(self.statuses.values()),
            "statuses": dict(self.statuses),
            "warnings": self.warnings,
            "n_warnings": self.n_warnings,
            "from_cache": self.from_cache,
        }


class LinkSpool:
    """Letters and events of every article in a temporary file until all are linked across articles.

    ``add`` puts one article's events into their groups (``events.Linker``, in memory) and
    writes the article's letters and events to the file; iterating reads them back, one
    article at a time, with ``event_id``, ``docs`` and ``letter_key`` set: light articles
    for ``tables.letter_rows`` and ``tables.event_rows``.
    """

    def __init__(self, folder: Path) -> None:
        self.fh = tempfile.TemporaryFile(dir=folder, prefix=".linking-")
        self.linker = Linker()

    def add(self, doc_id: str, file: str, letters: list[Letter], events: list[Event]) -> None:
        groups = self.linker.add(doc_id, events)
        pickle.dump((doc_id, file, letters, events, groups), self.fh, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Any]:
        self.fh.seek(0)
        while True:
            try:
                doc_id, file, letters, events, groups = pickle.load(self.fh)
            except EOFError:
                return
            self.linker.assign(events, groups)
            assign_letter_keys(letters, events)
            yield SimpleNamespace(doc=SimpleNamespace(doc_id=doc_id, file=file), letters=letters, events=events)

    def close(self) -> None:
        self.fh.close()

    def __enter__(self) -> LinkSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
