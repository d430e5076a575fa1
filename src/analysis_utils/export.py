"""Write the tables as UTF-8 CSV files (the export contract of DESIGN.md), streaming row by row."""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

from . import tables
from .corpus import corpus_files
from .pipeline import Analysed, iter_corpus

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


def export(
    corpus: str | os.PathLike[str], out: str | os.PathLike[str], jobs: int = 1, progress: bool = False
) -> dict[str, object]:
    """Analyse ``corpus`` (in ``jobs`` processes) and write one CSV per table into ``out``; returns a summary."""
    corpus_files(corpus)  # a one-line CorpusError before anything is written
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    handles = {name: (out / f"{name}.csv").open("w", newline="", encoding="utf-8") for name in TABLES}
    try:
        writers = {name: csv.DictWriter(handles[name], fieldnames=cols) for name, (cols, _) in TABLES.items()}
        for w in writers.values():
            w.writeheader()
        statuses: Counter[str] = Counter()
        warned: list[tuple[str, str]] = []
        linked: list[Analysed] = []
        for a in iter_corpus(corpus, jobs=jobs, progress=progress):
            statuses[a.doc.status] += 1
            warned += [(a.doc.file, w) for w in a.warnings]
            for name, (_, rows) in TABLES.items():
                writers[name].writerows(rows(a))
            # keep only what linking needs: the letters and events, not the texts
            linked.append(Analysed(a.doc, None, a.meta, letters=a.letters, events=a.events))
            a.doc.raw = a.doc.text = ""
    finally:
        for h in handles.values():
            h.close()
    tables.link_corpus(linked)
    for name, (cols, rows) in LINKED.items():
        with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            for a in linked:
                w.writerows(rows(a))
    return {"documents": sum(statuses.values()), "statuses": dict(statuses), "warnings": warned}
