"""The tables as pandas DataFrames, for the notebooks: ``load_tables`` is the one way every notebook reads a corpus.

A folder's tables come from the table cache (``table_cache``) when its files, the package
and the day are unchanged; otherwise the corpus is analysed (unchanged articles read back
from the article cache) and linked.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .. import paths
from ..corpus.read import CorpusError, corpus_files
from ..pipeline import article_cache
from ..pipeline.analysed import Analysed
from ..pipeline.link import assign_letter_keys, link
from ..pipeline.run import analyse_corpus
from . import table_cache
from .rows import TABLES

if TYPE_CHECKING:  # pandas is loaded when a frame is built: the export writes CSV rows without it
    import pandas as pd


def load_tables(corpus: str | os.PathLike[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a corpus folder: documents, lines, quotes, dates, letters, events, metadata_evidence.

    ``corpus`` is found as ``paths.corpus_dir`` finds it (None: ``$ANALYSIS_CORPUS``, else the
    seeds; a relative path from the project root). A folder without ``*.txt`` files gives empty
    tables (empty charts); a folder that does not exist raises ``CorpusError``: a mistyped path
    fails loudly.
    """
    folder = paths.corpus_dir(corpus)
    try:
        corpus_files(folder)
    except CorpusError:
        if folder.is_dir():
            return tables_of([])
        raise
    return table_cache.cached_tables(folder, lambda: tables_of(analysed_corpus(folder)))


def analysed_corpus(folder: str | os.PathLike[str]) -> list[Analysed]:
    """Every article of ``folder`` analysed (every core on long runs, the article cache unless turned off), then linked."""
    analysed = analyse_corpus(folder, jobs=0, cache=article_cache.enabled())
    link_corpus(analysed)
    return analysed


def link_corpus(analysed: list[Analysed]) -> None:
    """Give the same event (and the same letter) in different articles one id: ``event_id`` / ``letter_key``."""
    link({a.doc.doc_id: a.events for a in analysed})
    for a in analysed:
        assign_letter_keys(a.letters, a.events)


def tables_of(analysed: list[Analysed]) -> dict[str, pd.DataFrame]:
    """Every table (``rows.TABLES``) of articles already analysed (and linked), one DataFrame each."""
    import pandas as pd

    return {t.name: pd.DataFrame([r for a in analysed for r in t.rows(a)], columns=t.columns) for t in TABLES}
