"""Analyse press coverage of the letters between Kim Jong Un and Vladimir Putin.

The few names a notebook needs:

- ``load_tables(corpus)``: every table of a corpus folder as pandas DataFrames;
- ``analyse_document(doc)`` and ``analyse_corpus(folder)``: the analysis of one document or a folder;
- ``corpus_dir(corpus)``: the folder a name means (``$ANALYSIS_CORPUS``, else the seeds).

The stages live in one sub-package each (text, corpus, clean, metadata, extract, pipeline,
tables, analysis, report); ``docs/architecture.md`` walks through them.
"""

from .paths import corpus_dir
from .pipeline.run import analyse_corpus, analyse_document
from .tables.frames import load_tables

__version__ = "0.1.0"
__all__ = ["analyse_corpus", "analyse_document", "corpus_dir", "load_tables"]
