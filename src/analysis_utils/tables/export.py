"""Write the tables as UTF-8 CSV files (the export contract the README documents), streaming row by row."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from ..corpus.manifest import read_manifest
from ..corpus.read import corpus_files
from ..pipeline import article_cache
from ..pipeline.link import LinkSpool
from ..pipeline.run import iter_corpus
from .rows import LINKED, PER_ARTICLE, Table
from .summary import Summary


def export(
    corpus: str | os.PathLike[str],
    out: str | os.PathLike[str],
    jobs: int = 1,
    progress: bool = False,
    cache: bool | None = None,
    today: dt.date | None = None,
    manifest: bool = True,
) -> dict[str, object]:
    """Analyse ``corpus`` (in ``jobs`` processes, 0 for auto) and write one CSV per table into ``out``; returns a summary.

    ``manifest``: use what the folder's ``sources.csv`` says of each page (``corpus.manifest``);
    off, the tables say only what the text says.

    ``cache``: read unchanged articles back from the article cache and store the new ones
    (``article_cache``; None: unless ``$ANALYSIS_CACHE`` is 0). The tables are the same either way.
    ``today``: the day the analysis is made on (default: the date today), the upper bound of
    a publication date the page does not print; fixing it makes an export reproducible.

    Memory does not grow with the corpus: rows go to disk as each article is read, and
    the letters and events wait in a temporary file (``LinkSpool``) until every article
    is linked; only the event groups stay in memory.
    """
    corpus_files(corpus)  # a one-line CorpusError before anything is written
    if manifest:
        read_manifest(corpus)  # likewise for a manifest that cannot be used
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    with LinkSpool(out) as spool:
        with _csv_writers(out, PER_ARTICLE) as writers:
            use_cache = article_cache.enabled() if cache is None else cache
            for a in iter_corpus(corpus, today, jobs=jobs, progress=progress, cache=use_cache, manifest=manifest):
                summary.add(a.doc.file, a.doc.status, a.warnings, a.from_cache)
                for name, table in PER_ARTICLE.items():
                    writers[name].writerows(table.rows(a))
                spool.add(a.doc.doc_id, a.doc.file, a.letters, a.events)
        with _csv_writers(out, LINKED) as writers:
            for a in spool:
                for name, table in LINKED.items():
                    writers[name].writerows(table.rows(a))
    return summary.as_dict()


@contextmanager
def _csv_writers(out: Path, spec: dict[str, Table]) -> Iterator[dict[str, csv.DictWriter]]:
    """``out/<name>.csv`` opened with its header written, for each table of ``spec``; all closed on exit."""
    with ExitStack() as stack:
        writers = {}
        for name, table in spec.items():
            fh = stack.enter_context((out / f"{name}.csv").open("w", newline="", encoding="utf-8"))
            writers[name] = csv.DictWriter(fh, fieldnames=table.columns)
            writers[name].writeheader()
        yield writers
