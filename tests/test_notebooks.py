"""Notebook hygiene: stored with outputs stripped but for the checked cells, so nbval really compares the checked cells."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from analysis_utils.report.nbhygiene import is_checked, problems
from helpers import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_the_four_notebooks_of_the_plan():
    names = [p.stem for p in NOTEBOOKS]
    assert [n[:2] for n in names] == ["00", "01", "02", "03"], names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_are_stripped_except_checked_cells_which_are_stored_executed(path: Path):
    assert problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_checks_at_least_one_key_figure(path: Path):
    nb = nbformat.read(path, as_version=4)
    assert any(is_checked(c) for c in nb.cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_opens_with_a_title_and_its_questions(path: Path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "?" in first.source


def test_a_badly_stored_notebook_is_reported(tmp_path: Path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("corpus = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(1)"),
        nbformat.v4.new_code_cell("x = 1", execution_count=3),
    ]
    path = tmp_path / "bad.ipynb"
    nbformat.write(nb, path)
    found = problems(path)
    assert any("checked cell stored without" in p for p in found)
    assert any("output not stripped" in p for p in found)
