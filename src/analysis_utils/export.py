"""Write the tables as UTF-8 CSV files (the export contract of DESIGN.md), streaming row by row."""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

from . import tables
from .corpus import corpus_files
from .pipeline import iter_corpus

TABLES = {
    "documents": (tables.DOCUMENT_COLUMNS, lambda a: [tables.document_row(a)]),
    "lines": (tables.LINE_COLUMNS, tables.line_rows),
    "metadata_evidence": (tables.EVIDENCE_COLUMNS, tables.evidence_rows),
}


def export(corpus: str | os.PathLike[str], out: str | os.PathLike[str]) -> dict[str, object]:
    """Analyse ``corpus`` and write one CSV per table into ``out``; returns a summary of the run."""
    corpus_files(corpus)  # a one-line CorpusError before anything is written
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    handles = {
        name: (out / f"{name}.csv").open("w", newline="", encoding="utf-8") for name in TABLES
    }
    try:
        writers = {
            name: csv.DictWriter(handles[name], fieldnames=cols)
            for name, (cols, _) in TABLES.items()
        }
        for w in writers.values():
            w.writeheader()
        statuses: Counter[str] = Counter()
        warned: list[tuple[str, str]] = []
        for a in iter_corpus(corpus):
            statuses[a.doc.status] += 1
            warned += [(a.doc.file, w) for w in a.warnings]
            for name, (_, rows) in TABLES.items():
                writers[name].writerows(rows(a))
    finally:
        for h in handles.values():
            h.close()
    return {"documents": sum(statuses.values()), "statuses": dict(statuses), "warnings": warned}
