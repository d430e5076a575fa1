"""``export --engine dask``: the per-article work on a Dask cluster, the tables as Parquet folders.

Each partition of a ``dask.bag`` of file paths is analysed on a worker, which writes
``OUT/<table>/part-NNNNN.parquet`` for documents, lines, quotes, dates and metadata_evidence
and sends back only light copies of its articles (metadata, letters, events, warnings) and
their duplicate fingerprints. The client then flags duplicates in name order (patching the
few documents partitions concerned), links letters and events across articles, and writes
``letters/`` and ``events/`` the same way. The values equal the local engine's CSV files.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import itertools
import logging
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..corpus.document import TextMap
from ..corpus.manifest import read_manifest
from ..corpus.read import corpus_files
from ..extract.values import QuoteResult
from ..pipeline.analysed import Analysed
from ..pipeline.dedupe import DuplicateFinder, Fingerprint, fingerprint
from ..pipeline.link import LinkSpool
from ..pipeline.run import analyse_path
from .rows import LINKED, PER_ARTICLE
from .summary import Summary

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

INSTALL_HINT = "pip install 'kim-putin-letters[dask]'"
INT_COLUMNS = frozenset(
    {"size_bytes", "n_lines", "n_body_lines", "n_body_chars", "line", "start", "end", "paragraphs", "n_words"}
    | {"mentions", "n_docs"}
)
"""Columns stored as (nullable) 64-bit integers; every other column is a string, empty where the CSV is empty."""
CONNECT_TIMEOUT = "10s"
"""How long to try to reach a scheduler given by address."""
MAX_PARTITION = 200
"""Articles per partition at most: a partition's rows are held in the worker's memory until written."""


class DaskEngineError(RuntimeError):
    """A one-line reason the Dask engine cannot run (missing packages, unreachable scheduler)."""


def export_dask(
    corpus: str | os.PathLike[str],
    out: str | os.PathLike[str],
    jobs: int = 1,
    progress: bool = False,
    scheduler: str | None = None,
    partition_size: int | None = None,
    today: dt.date | None = None,
    manifest: bool = True,
) -> dict[str, Any]:
    """Analyse ``corpus`` on Dask and write one Parquet folder per table into ``out``; returns a summary.

    ``scheduler`` is the address of a running cluster (``tcp://host:8786``; default: the
    ``DASK_SCHEDULER_ADDRESS`` setting), else a ``LocalCluster`` of ``jobs`` processes with one
    thread each is started and closed. The summary holds what ``export.export`` returns plus
    ``partitions`` and ``worker_peak_mb`` (the largest peak resident memory of a worker).
    """
    files = corpus_files(corpus)  # a one-line CorpusError before anything is written or started
    if manifest:
        read_manifest(corpus)
    db = _require_dask()
    out = _prepare(Path(out).resolve())
    size = partition_size or max(1, min(MAX_PARTITION, math.ceil(len(files) / (4 * max(1, jobs)))))
    items = [(i, str(p.resolve())) for i, p in enumerate(files)]
    parts = db.from_sequence(items, partition_size=size).map_partitions(
        _analyse_partition, size, str(out), today, manifest
    )

    seen = DuplicateFinder()
    summary = Summary()
    sizes: list[int] = []
    flagged: dict[int, list[Analysed]] = {}
    with LinkSpool(out) as spool:
        with _client(scheduler, jobs) as client, _bar(len(files), progress) as bar:
            for index, future in enumerate(_in_order(client, parts.to_delayed())):  # DuplicateFinder needs name order
                part = future.result()
                future.release()
                for a, fp in part:
                    seen.check_fingerprint(a, fp)
                    if a.duplicate_of:
                        flagged.setdefault(index, []).append(a)
                    summary.add(a.doc.file, a.doc.status, a.warnings)
                    spool.add(a.doc.doc_id, a.doc.file, a.letters, a.events)
                sizes.append(len(part))
                bar.update(len(part))
            worker_mb = max(client.run(_peak_rss_mb).values(), default=0.0)
        del seen  # its bodies are no longer needed

        for index, docs in flagged.items():
            _patch_documents(out / "documents" / _part(index), docs)
        articles = iter(spool)  # linked letters and events, in name order
        for index, n in enumerate(sizes):
            part = list(itertools.islice(articles, n))
            for name, table in LINKED.items():
                _write(out / name / _part(index), [r for a in part for r in table.rows(a)], table.columns)
    return {**summary.as_dict(), "partitions": len(sizes), "worker_peak_mb": round(worker_mb, 1)}


def _prepare(out: Path) -> Path:
    """One empty folder per table under ``out`` (a former run may have left more partitions)."""
    for name in [*PER_ARTICLE, *LINKED]:
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()
    return out


IN_FLIGHT_PER_WORKER = 2
"""Partitions submitted ahead per worker: results wait in the workers' memory until the client reads them."""


def _in_order(client: Client, delayed: list[Any]) -> Iterator[Any]:
    """Futures of the partitions in order, a few per worker submitted ahead (not all at once).

    Submitting every partition at once lets finished results pile up on the workers while
    the client reads them in name order; a window keeps the workers' memory flat.
    """
    window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    pending: collections.deque[Any] = collections.deque()
    todo = iter(delayed)
    for d in itertools.islice(todo, window):
        pending.append(client.compute(d))
    while pending:
        yield pending.popleft()
        nxt = next(todo, None)
        if nxt is not None:
            pending.append(client.compute(nxt))


def _require_dask() -> Any:
    """``dask.bag``, or a one-line DaskEngineError saying what to install."""
    try:
        import dask.bag as db
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError as err:
        missing = err.name or "dask"
        raise DaskEngineError(f"--engine dask needs {missing.split('.')[0]}: {INSTALL_HINT}") from None
    return db


@contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (or DASK_SCHEDULER_ADDRESS), else of a new LocalCluster."""
    import dask
    from distributed import Client, LocalCluster

    address = scheduler or dask.config.get("scheduler-address", None)
    if address:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise DaskEngineError(f"cannot connect to the Dask scheduler at {address}: {err}") from None
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=max(1, jobs),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # no fixed port: other clusters may hold 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def _bar(total: int, show: bool) -> Iterator[Any]:
    if not show:
        yield _NoBar()
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="article", file=sys.stderr) as bar:
        yield bar


class _NoBar:
    def update(self, n: int) -> None:
        pass


def _analyse_partition(
    items: list[tuple[int, str]], size: int, out: str, today: dt.date | None, manifest: bool = True
) -> list[tuple[Analysed, Fingerprint | None]]:
    """On a worker: analyse a partition's files, write its per-article tables, return light articles."""
    index = items[0][0] // size  # partitions are consecutive runs of ``size`` files
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in PER_ARTICLE}
    light = []
    for _, path in items:
        a = analyse_path(Path(path), today, manifest)
        for name, table in PER_ARTICLE.items():
            rows[name] += table.rows(a)
        light.append((_light(a), fingerprint(a)))
    for name, table in PER_ARTICLE.items():
        _write(Path(out) / name / _part(index), rows[name], table.columns)
    return light


def _light(a: Analysed) -> Analysed:
    """What the client needs of an article: metadata, letters, events and warnings; not its texts."""
    doc = dataclasses.replace(a.doc, raw="", text="", text_map=TextMap())
    return Analysed(doc, None, a.meta, QuoteResult(warnings=a.quotes.warnings), letters=a.letters, events=a.events)


def _patch_documents(path: Path, docs: list[Analysed]) -> None:
    """Write the duplicate flags found in the client into a documents partition."""
    import pyarrow.parquet as pq

    by_id = {a.doc.doc_id: a for a in docs}
    table = pq.read_table(path)
    rows = table.to_pylist()
    for row in rows:
        a = by_id.get(row["doc_id"])
        if a is not None:
            row.update(status=a.doc.status, duplicate_of=a.duplicate_of, warnings="; ".join(a.warnings))
    _write(path, rows, table.column_names)


def _part(index: int) -> str:
    return f"part-{index:05d}.parquet"


def _schema(columns: list[str]) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in columns])


def _cell(value: Any, integer: bool) -> Any:
    if integer:
        return None if value is None or value == "" else int(value)
    return "" if value is None else str(value)


def _write(path: Path, rows: list[dict[str, Any]], columns: list[str]) -> None:
    """One Parquet file with a fixed schema (empty partitions too), written whole then renamed into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [_cell(r.get(c), c in INT_COLUMNS) for r in rows] for c in columns}
    tmp = path.with_name(f".{path.name}.tmp")  # hidden: readers of the folder skip it
    pq.write_table(pa.Table.from_pydict(data, schema=_schema(columns)), tmp)
    os.replace(tmp, path)


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB (run on each worker before the cluster closes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
