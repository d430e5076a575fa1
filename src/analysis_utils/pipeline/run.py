"""One document through every stage (read → clean → metadata → extract), and a whole corpus: in name order,
in one process or a pool, with a progress bar and the article cache."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .. import paths
from ..clean.page import classify
from ..corpus.document import Document
from ..corpus.manifest import manifest_entry, read_manifest
from ..corpus.read import corpus_files, read_document
from ..extract.citations import extract_citations
from ..extract.dates.resolve import extract_dates
from ..extract.events import extract_events
from ..extract.letters import extract_letters
from ..extract.quotes import extract_quotes
from ..metadata.extract import extract_metadata
from ..metadata.pubdate import infer_pubdate
from ..metadata.values import Metadata
from . import article_cache
from .analysed import Analysed
from .article_cache import ArticleCache
from .dedupe import DuplicateFinder


def analyse_document(doc: Document, today: dt.date | None = None) -> Analysed:
    """Clean and describe one document; unusable files keep their row with their warnings."""
    if doc.status in ("empty", "binary", "unreadable"):
        return Analysed(doc, None, Metadata())
    try:
        cd = classify(doc)
        a = Analysed(doc, cd, extract_metadata(cd, today))
        a.quotes = extract_quotes(cd, a.when)
        a.cited = extract_citations(cd, (a.meta.outlet.value, a.meta.wire_agency.value))
        a.dates = extract_dates(cd, a.meta.published)
        a.letters = extract_letters(cd, a.meta.published, a.dates, a.when)
        a.events = extract_events(cd, a.letters, a.dates)
        if not cd.story.strip():
            doc.warnings.append("no story text left after cleaning")
        else:
            if not a.quotes.quotes:
                doc.warnings.append("no quotations found")
            if not any(d.section == "body" for d in a.dates):
                doc.warnings.append("no date expressions in the story")
        return a
    except Exception as err:  # a bug must not lose the file: keep its row and say what happened
        doc.status = "error"
        doc.warnings.append(f"analysis failed: {type(err).__name__}: {err}")
        return Analysed(doc, None, Metadata())


AUTO_JOBS_FROM = 200
"""With ``jobs=0`` (auto), this many files to analyse or more use every core; fewer are not worth a process pool."""


def auto_jobs(n_files: int) -> int:
    """The processes ``jobs=0`` means for ``n_files`` files to analyse: every usable core from ``AUTO_JOBS_FROM`` on."""
    if n_files < AUTO_JOBS_FROM:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, n_files // 50))


def iter_corpus(
    folder: str | os.PathLike[str],
    today: dt.date | None = None,
    jobs: int = 1,
    progress: bool = False,
    cache: bool = False,
    manifest: bool = True,
) -> Iterator[Analysed]:
    """Analyse every ``*.txt`` of ``folder`` in name order, one at a time.

    ``jobs`` processes (0: ``auto_jobs``), a progress bar, and with ``cache`` the article
    cache (``article_cache``): files analysed before, unchanged, under the same code and
    day, are read back instead of analysed again, and the new analyses are stored.
    With ``manifest``, what the folder's ``sources.csv`` says of a page is used (``corpus.manifest``);
    a manifest that cannot be used raises ``CorpusError`` before anything is analysed.
    """
    files = corpus_files(folder)
    if manifest:
        read_manifest(folder)
    seen = DuplicateFinder()
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(ArticleCache.open(today)) if cache else None
        if store is not None and not store.usable:
            store = None
        keys = [store.key(p, manifest_entry(p) if manifest else None) for p in files] if store else [None] * len(files)
        stored = store.present(keys) if store else {}

        def ready(key: str | None) -> bool:
            """An entry that holds on this day as it is (no check needed)."""
            return store is not None and key in stored and store.holds(stored[key])

        # the work: files to analyse, and entries made on another day whose date may have moved
        # (checked where the analyses run, so in parallel and under the progress bar)
        todo = [(p, k if k in stored else None) for p, k in zip(files, keys, strict=True) if not ready(k)]
        n_jobs = auto_jobs(len(todo)) if jobs <= 0 else jobs
        where = store.location if store is not None else None
        fresh = _analyse_all(todo, today, n_jobs, where, stack, manifest)

        def analysed() -> Iterator[Analysed]:
            for path, key in zip(files, keys, strict=True):
                if ready(key):
                    a = store.get(key, path) or analyse_path(path, today, manifest)  # type: ignore[union-attr]
                else:
                    held, a, blob = next(fresh)
                    if held and store and key:
                        store.renew(key)
                        a.from_cache = True
                    elif store and key and blob is not None and a.doc.status != "error":
                        # before the duplicate check marks the article: that is the corpus's
                        store.put(key, blob, today_bound=a.meta.published.today_bound)
                seen.check(a)
                yield a

        yield from _progress(analysed(), len(files), progress)


def holds_on(a: Analysed, today: dt.date | None) -> bool:
    """Would ``a``'s file analysed on ``today`` give ``a`` again?

    Only the publication date reads the day, and only when it is ``today_bound``: it is
    inferred anew and compared (``tests/test_article_cache.py`` checks this on every
    fixture page).
    """
    if a.clean is None or not a.meta.published.today_bound:
        return True
    return infer_pubdate(a.clean, today) == a.meta.published


Work = tuple[Path, "str | None"]
"""A file to analyse, with the key of its entry made on another day (checked first), or None."""


def _analyse_all(
    todo: list[Work],
    today: dt.date | None,
    jobs: int,
    cache_at: Path | None,
    stack: contextlib.ExitStack,
    manifest: bool = True,
) -> Iterator[tuple[bool, Analysed, bytes | None]]:
    """For each item, in order: ``(held, analysis, packed analysis)`` (see ``_check_or_analyse``).

    A pool's workers send only the packed form when there is one (they pack what they
    analyse, so the main process need not), and the main process unpacks it.
    """
    if jobs > 1 and len(todo) > 1:
        from concurrent.futures import ProcessPoolExecutor  # 20 ms to import: only runs in a pool pay it

        pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
        work = functools.partial(_in_worker, today=today, cache_at=cache_at, manifest=manifest)
        results = pool.map(work, todo, chunksize=max(1, min(64, len(todo) // (4 * jobs))))
        for (path, _key), (held, r) in zip(todo, results, strict=True):
            if isinstance(r, bytes):
                a = article_cache.unpack(r, path)
                yield (held, a, r) if a is not None else (False, analyse_path(path, today, manifest), None)
            else:
                yield held, r, None
        return
    for item in todo:
        yield _check_or_analyse(item, today, cache_at, manifest)


def _check_or_analyse(
    item: Work, today: dt.date | None, cache_at: Path | None, manifest: bool = True
) -> tuple[bool, Analysed, bytes | None]:
    """The unit of work: ``(True, stored analysis, its entry)`` when the item's entry holds on ``today``,
    else ``(False, analysis, packed analysis)``, packed only for the article cache at ``cache_at``."""
    path, key = item
    if key is not None and cache_at is not None:
        blob = article_cache.stored_blob(cache_at, key)
        a = article_cache.unpack(blob, path) if blob is not None else None
        if a is not None and holds_on(a, today):
            return True, a, blob
    a = analyse_path(path, today, manifest)
    return False, a, article_cache.pack(a) if cache_at is not None else None


def _in_worker(
    item: Work, today: dt.date | None, cache_at: Path | None, manifest: bool = True
) -> tuple[bool, Analysed | bytes]:
    """``_check_or_analyse`` in a pool's worker: the packed form alone when there is one (it is what crosses)."""
    held, a, blob = _check_or_analyse(item, today, cache_at, manifest)
    return held, blob if blob is not None else a


def analyse_path(path: Path, today: dt.date | None = None, manifest: bool = True) -> Analysed:
    """Read and analyse one file (the unit of work of a process pool), with its manifest row if ``manifest``."""
    doc = read_document(path)
    if manifest:
        doc.manifest = manifest_entry(path)
    return analyse_document(doc, today)


def _progress(items: Iterator[Analysed], total: int, show: bool) -> Iterator[Analysed]:
    if not show:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, total=total, unit="article", file=sys.stderr))


PROGRESS_ENV = "ANALYSIS_PROGRESS"


PROGRESS_FROM = 200
"""Corpora of this many files or more show a progress bar when analysed from a notebook or a script."""


def show_progress(n_files: int) -> bool:
    """A progress bar for a long analysis: ``$ANALYSIS_PROGRESS`` (1/0) decides, else ``PROGRESS_FROM`` files or more."""
    chosen = paths.env_flag(PROGRESS_ENV)
    return n_files >= PROGRESS_FROM if chosen is None else chosen


def analyse_corpus(
    folder: str | os.PathLike[str],
    today: dt.date | None = None,
    progress: bool | None = None,
    jobs: int = 1,
    cache: bool = False,
    manifest: bool = True,
) -> list[Analysed]:
    """Every file of ``folder`` analysed, in name order; ``progress=None`` shows a bar on long runs (``show_progress``).

    ``jobs``, ``cache`` and ``manifest`` as for ``iter_corpus``.
    """
    if progress is None:
        progress = show_progress(len(corpus_files(folder)))
    return list(iter_corpus(folder, today, jobs=jobs, progress=progress, cache=cache, manifest=manifest))
