"""Where the corpus is: the argument, else $ANALYSIS_CORPUS, else the project's seeds."""

from __future__ import annotations

from pathlib import Path

from analysis_utils.paths import CORPUS_ENV, corpus_dir

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def test_default_corpus_is_the_repos_seeds_folder_with_five_articles(monkeypatch):
    monkeypatch.delenv(CORPUS_ENV, raising=False)
    folder = corpus_dir(None)
    assert folder == SEEDS
    assert len(list(folder.glob("*.txt"))) == 5


def test_env_var_wins_over_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path))
    assert corpus_dir(None) == tmp_path.resolve()


def test_explicit_argument_wins_over_the_env_var(monkeypatch, tmp_path):
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path / "from_env"))
    assert corpus_dir(chosen) == chosen.resolve()


def test_relative_seeds_resolves_to_the_project_seeds_from_the_notebooks_folder(monkeypatch):
    monkeypatch.delenv(CORPUS_ENV, raising=False)
    monkeypatch.chdir(ROOT / "notebooks")
    assert corpus_dir("seeds") == SEEDS
