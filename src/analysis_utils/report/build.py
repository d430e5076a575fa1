"""Build the HTML report: run every notebook with papermill, export each to HTML, write an index.

Usage: ``python -m analysis_utils.report --corpus DIR --out reports [--notebooks notebooks]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import multiprocessing
import os
import re
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..corpus.read import corpus_files, list_files
from ..pipeline import article_cache
from ..tables.frames import load_tables

WORKERS = max(1, min(4, os.cpu_count() or 1))
"""Notebooks executed at once: one per core, at most four (there are four notebooks; each kernel takes ~200 MB)."""
KERNEL = "python3"
TITLE = "Kim Jong Un and Vladimir Putin: the letters in the press"

# One look for the index and the notebook pages: system fonts, a readable measure, no external files.
STYLE = """
:root { color-scheme: light; }
body.report { margin: 0; background: #fafaf7; color: #1d1d1f;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 17px; line-height: 1.6; }
.report-wrap { max-width: 860px; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
.report-kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: #8a1c1c;
  font-weight: 700; margin: 0 0 .5rem; }
.report h1 { font-family: Georgia, "Times New Roman", serif; font-size: 2.3rem; line-height: 1.2; margin: 0 0 .75rem; }
.report-lede { font-size: 1.1rem; color: #3a3a3c; margin: 0 0 .25rem; }
.report-meta { font-size: .9rem; color: #6e6e73; margin: 0 0 2rem; padding-bottom: 1.5rem;
  border-bottom: 1px solid #d2d2d7; }
.report-card { background: #fff; border: 1px solid #e0e0e5; border-radius: 8px; padding: 1.25rem 1.5rem;
  margin: 0 0 1.25rem; box-shadow: 0 1px 2px rgba(0, 0, 0, .04); }
.report-card h2 { font-family: Georgia, "Times New Roman", serif; font-size: 1.4rem; line-height: 1.3; margin: 0 0 .5rem; }
.report-card h2 a { color: inherit; text-decoration: none; }
.report-card h2 a:hover { text-decoration: underline; }
.report-card p { margin: 0 0 .75rem; }
.report-card .report-more { font-weight: 600; color: #0a5bb5; text-decoration: none; }
.report-footer { margin-top: 2.5rem; font-size: .85rem; color: #6e6e73; }
"""

# nbconvert's lab template, without what would be fetched from a CDN (require.js, MathJax,
# mermaid): the report is read offline. A navigation bar leads back to the index.
PAGE_TEMPLATE = (
    "{%- extends 'index.html.j2' -%}\n"
    "{%- block html_head_js -%}{%- endblock html_head_js -%}\n"
    "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
    "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"
    "{% block extra_css %}<style>\n"
    "body.jp-Notebook { background: #fafaf7; }\n"
    "main { max-width: 1100px; margin: 0 auto; }\n"
    ".jp-RenderedHTMLCommon { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue',"
    " Arial, sans-serif; font-size: 16px; line-height: 1.6; }\n"
    ".report-nav { max-width: 1100px; margin: 0 auto; padding: .75rem 20px; font: 15px/1.4 system-ui,"
    " -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }\n"
    ".report-nav a { color: #0a5bb5; text-decoration: none; font-weight: 600; }\n"
    "</style>{% endblock extra_css %}\n"
    "{%- block body_header -%}{{ super() }}\n"
    '<nav class="report-nav"><a href="index.html">&larr; ' + TITLE + "</a></nav>\n"
    "{%- endblock body_header -%}\n"
)


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

    name = notebook.stem
    os.environ.setdefault("ANALYSIS_PROGRESS", "0")  # the kernels inherit it: no progress bar in the pages
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
    (out / f"{name}.html").write_text(export_page(nbformat.read(executed, as_version=4), title), encoding="utf-8")
    return Page(name, title, summary)


def export_page(nb: nbformat.NotebookNode, title: str) -> str:
    """An executed notebook as a self-contained HTML page: no code, no stderr, nothing fetched."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    for cell in nb.cells:
        if cell.cell_type == "code":  # warnings and logging are for the analyst, not the reader
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
    # With the code hidden, a cell without output would only leave an empty gap.
    nb.cells = [cell for cell in nb.cells if cell.cell_type != "code" or cell.outputs]
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        template_file="report_page.html.j2",
        extra_loaders=[DictLoader({"report_page.html.j2": PAGE_TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def describe_corpus(corpus: Path) -> str:
    """One line on the corpus: its folder and how many article files it holds."""
    count = len(list_files(corpus))
    return f"Corpus: the folder {corpus.name!r}, {count} article file{'' if count == 1 else 's'} (.txt)."


def render_index(pages: Sequence[Page], corpus: Path, generated: dt.date | None = None) -> str:
    """The report's front page: title, corpus line, date, then one card per notebook."""
    generated = generated or dt.datetime.now(dt.UTC).date()
    cards = [
        f'<article class="report-card">\n<h2><a href="{html.escape(p.name)}.html">{html.escape(p.title)}</a></h2>\n'
        f"<p>{html.escape(p.summary)}</p>\n"
        f'<a class="report-more" href="{html.escape(p.name)}.html">Read: {html.escape(p.title)} &rarr;</a>\n</article>'
        for p in pages
    ]
    body = "\n".join(cards) or "<p>There are no notebooks to report.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(TITLE)}</title>\n<style>{STYLE}</style>\n</head>\n"
        '<body class="report">\n<div class="report-wrap">\n<header>\n'
        '<p class="report-kicker">Press analysis</p>\n'
        f"<h1>{html.escape(TITLE)}</h1>\n"
        '<p class="report-lede">How newspapers and wire agencies reported the letters between the two leaders: '
        "who said what, when the letters were sent, and how the outlets differ.</p>\n"
        f'<p class="report-meta">{html.escape(describe_corpus(corpus))} '
        f'Generated on <time datetime="{generated.isoformat()}">{generated:%d %B %Y}</time>.</p>\n'
        f"</header>\n<main>\n{body}\n</main>\n"
        '<footer class="report-footer">Each page is one of the project\'s notebooks, run on this corpus '
        "when the report was generated.</footer>\n</div>\n</body>\n</html>\n"
    )


def warm_cache(corpus: Path) -> bool:
    """Parse the corpus once here, so the notebooks running in parallel load its tables from the cache.

    False when there was nothing to warm: the cache is off, the folder holds no article, or the pipeline
    refused the corpus (the notebooks then report the error where the reader sees it).
    """
    if not article_cache.enabled():
        return False
    try:
        corpus_files(corpus)  # a folder without articles has nothing to cache
        load_tables(corpus)
    except Exception:  # the notebooks show the error where the reader sees it
        return False
    return True


def build_report(corpus: Path, out: Path, notebooks: Path) -> list[Page]:
    """Warm the tables cache, run all ``notebooks/*.ipynb`` (sorted, two at a time) and write ``out/index.html``."""
    sources = sorted(notebooks.glob("*.ipynb"))
    (out / "executed").mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    index.unlink(missing_ok=True)
    pages: list[Page] = []
    if sources:
        warm_cache(corpus)
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
