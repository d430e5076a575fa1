"""The report runs each notebook with the corpus as a parameter and links it from an index."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis_utils.report import build as report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
INTRO = "# Tiny notebook\n\nCounts things. <script>alert(1)</script>"


def write_notebook(folder: Path, name: str, *code: str) -> Path:
    parameters = new_code_cell("corpus = None", metadata={"tags": ["parameters"]})
    nb = new_notebook(
        cells=[new_markdown_cell(INTRO), parameters, *(new_code_cell(c) for c in code)],
        metadata={"kernelspec": KERNEL},
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, Path]:
    root = tmp_path_factory.mktemp("report")
    corpus = root / "my_corpus"
    corpus.mkdir()
    write_notebook(root / "nbs", "01_tiny", "print('corpus is', corpus)")
    out = root / "out"
    status = report.main(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(root / "nbs")])
    return status, out, corpus


def test_report_succeeds(built: tuple[int, Path, Path]) -> None:
    status, _, _ = built
    assert status == 0


def test_index_links_to_each_notebook_page(built: tuple[int, Path, Path]) -> None:
    _, out, _ = built
    assert (out / "01_tiny.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01_tiny.html"' in index
    assert "Tiny notebook" in index


def test_index_escapes_the_notebook_introduction(built: tuple[int, Path, Path]) -> None:
    _, out, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "<script>alert(1)" not in index


def test_notebook_receives_the_absolute_corpus_path(built: tuple[int, Path, Path]) -> None:
    _, out, corpus = built
    assert (out / "executed" / "01_tiny.ipynb").is_file()
    page = (out / "01_tiny.html").read_text(encoding="utf-8")
    assert f"corpus is {corpus}" in page


def test_no_notebooks_gives_an_index_saying_so(tmp_path: Path) -> None:
    (tmp_path / "nbs").mkdir()
    args = ["--corpus", str(tmp_path), "--out", str(tmp_path / "out")]
    assert report.main([*args, "--notebooks", str(tmp_path / "nbs")]) == 0
    assert "no notebooks" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_failing_notebook_exits_non_zero_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_notebook(tmp_path / "nbs", "02_broken", "raise ValueError('bad input')")
    args = ["--corpus", str(tmp_path), "--out", str(tmp_path / "out")]
    assert report.main([*args, "--notebooks", str(tmp_path / "nbs")]) == 1
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1
    assert "02_broken.ipynb failed: ValueError: bad input" in message
    assert not (tmp_path / "out" / "index.html").exists()


def test_missing_corpus_is_an_error(tmp_path: Path) -> None:
    assert report.main(["--corpus", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2


def test_pages_load_nothing_from_the_network(built: tuple[int, Path, Path]) -> None:
    _, out, _ = built
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'src="http' not in text and "<script src" not in text and "cdnjs" not in text, page.name


def test_index_names_the_corpus_its_size_and_the_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    page = report.Page("01_tiny", "Tiny <b>notebook</b>", "Counts & things.")
    index = report.render_index([page], tmp_path, generated=date(2024, 5, 1))
    assert "<h1>Kim Jong Un and Vladimir Putin: the letters in the press</h1>" in index
    assert f"the folder &#x27;{tmp_path.name}&#x27;, 2 article files" in index
    assert '<time datetime="2024-05-01">01 May 2024</time>' in index
    assert "Tiny &lt;b&gt;notebook&lt;/b&gt;" in index and "Counts &amp; things." in index


HOSTILE = """<script>alert(1)</script> Kim Jong Un writes to Vladimir Putin <img src=x onerror=alert(2)>

By <script>alert(1)</script> Staff Reporter

PYONGYANG: North Korean leader Kim Jong Un on Friday wrote a letter to Russian President Vladimir Putin, \
<img src=x onerror=alert(2)> state media said.

"We will strengthen our ties <script>alert(1)</script>," Kim said in the letter to Putin.
"""


def test_article_text_is_escaped_in_every_page_of_the_real_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project's notebooks, run on the seeds plus an article carrying markup, never emit that markup."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "999_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    status = report.main(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(NOTEBOOKS)])
    assert status == 0, capsys.readouterr().err
    pages = {page.name: page.read_text(encoding="utf-8") for page in out.glob("*.html")}
    assert "index.html" in pages and len(pages) > 1
    for name, text in pages.items():
        assert "<script>alert(1)" not in text, name
        assert "<img src=x onerror" not in text.lower(), name
    assert any("&lt;script&gt;alert(1)" in text for text in pages.values())


def test_the_real_report_on_a_folder_without_articles_says_so_on_every_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every notebook reads an empty folder as empty tables (``load_tables``) and says there is nothing to show."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out"
    status = report.main(["--corpus", str(corpus), "--out", str(out), "--notebooks", str(NOTEBOOKS)])
    assert status == 0, capsys.readouterr().err
    pages = {page.stem: page.read_text(encoding="utf-8") for page in out.glob("*.html")}
    assert set(pages) == {"index", *(nb.stem for nb in NOTEBOOKS.glob("*.ipynb"))}
    assert "0 article files" in pages["index"]
    assert "No letters in this corpus." in pages["01_timeline"]
    assert "No articles in this corpus" in pages["03_source_comparison"]
    assert all("Traceback" not in text for text in pages.values())
