"""The report runs each notebook with the corpus as a parameter and links it from an index."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis_utils import report

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
