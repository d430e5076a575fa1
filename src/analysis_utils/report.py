"""Build the HTML report: run every notebook with papermill, export each to HTML, write an index.

Usage: ``python -m analysis_utils.report --corpus DIR --out reports [--notebooks notebooks]``
"""

from __future__ import annotations

import argparse
import html
import multiprocessing
import re
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

WORKERS = 2
KERNEL = "python3"


@dataclass(frozen=True)
class Page:
    """One notebook's place in the report."""

    name: str
    title: str
    summary: str
    error: str | None = None


def describe(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """Title (first heading) and summary (the rest) of the notebook's first markdown cell."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        title, text = fallback, []
        for line in cell.source.splitlines():
            stripped = line.strip()
            if stripped.startswith("#") and title == fallback and not text:
                title = stripped.lstrip("#").strip() or fallback
            elif stripped:
                text.append(re.sub(r"^(?:[-*+]|\d+\.)\s+", "", stripped))
        return title, " ".join(text)
    return fallback, ""


def build_page(notebook: Path, corpus: Path, out: Path) -> Page:
    """Execute one notebook (cwd = its folder) and write ``out/<name>.html``."""
    import papermill
    from nbconvert import HTMLExporter

    name = notebook.stem
    title, summary = describe(nbformat.read(notebook, as_version=4), name)
    executed = out / "executed" / notebook.name
    try:
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters={"corpus": str(corpus)},
            kernel_name=KERNEL,
            cwd=str(notebook.parent),
            progress_bar=False,
        )
    except Exception as exc:  # papermill's errors do not survive pickling: report as text
        ename = getattr(exc, "ename", type(exc).__name__)
        evalue = str(getattr(exc, "evalue", exc)).strip().splitlines()
        reason = f"{ename}: {evalue[0]}" if evalue else ename
        return Page(name, title, summary, error=f"{reason} (see {executed})")
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    (out / f"{name}.html").write_text(body, encoding="utf-8")
    return Page(name, title, summary)


def render_index(pages: Sequence[Page], corpus: Path) -> str:
    """The report's front page: one linked paragraph per notebook."""
    items = [
        f'<section>\n<h2><a href="{html.escape(p.name)}.html">{html.escape(p.title)}</a></h2>\n'
        f"<p>{html.escape(p.summary)}</p>\n</section>"
        for p in pages
    ]
    body = "\n".join(items) or "<p>There are no notebooks to report.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Kim Jong Un and Vladimir Putin: the letters in the press</title>\n</head>\n"
        "<body>\n<h1>Kim Jong Un and Vladimir Putin: the letters in the press</h1>\n"
        f"<p>Corpus: {html.escape(corpus.name)}</p>\n{body}\n</body>\n</html>\n"
    )


def build_report(corpus: Path, out: Path, notebooks: Path) -> list[Page]:
    """Run all ``notebooks/*.ipynb`` (sorted, two at a time) and write ``out/index.html``."""
    sources = sorted(notebooks.glob("*.ipynb"))
    (out / "executed").mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    index.unlink(missing_ok=True)
    pages: list[Page] = []
    if sources:
        context = multiprocessing.get_context("spawn")
        workers = min(WORKERS, len(sources))
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(build_page, nb, corpus, out) for nb in sources]
            pages = [future.result() for future in futures]
    if not any(page.error for page in pages):
        index.write_text(render_index(pages, corpus), encoding="utf-8")
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m analysis_utils.report", description=__doc__)
    parser.add_argument("--corpus", default="seeds", help="folder of .txt articles")
    parser.add_argument("--out", default="reports", help="output folder")
    parser.add_argument("--notebooks", default="notebooks", help="folder of .ipynb notebooks")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus).resolve()
    if not corpus.is_dir():
        print(f"report: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    pages = build_report(corpus, Path(args.out).resolve(), Path(args.notebooks).resolve())
    failed = [page for page in pages if page.error]
    for page in failed:
        print(f"report: notebook {page.name}.ipynb failed: {page.error}", file=sys.stderr)
    if failed:
        return 1
    print(f"report: {len(pages)} notebook(s) -> {Path(args.out) / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
