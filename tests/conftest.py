"""Test-session settings: the caches live in a temporary folder, never in the project's ``.cache``."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from analysis_utils.pipeline import article_cache


def pytest_configure(config: pytest.Config) -> None:
    """A run's cached tables and analyses do not outlive it, nor come from a developer's earlier runs.

    Set in the environment, so that subprocesses and the notebooks' kernels (nbval) use it too;
    tests of the cache's own location set or clear the variable themselves.
    """
    if article_cache.CACHE_DIR_ENV not in os.environ:
        folder = tempfile.mkdtemp(prefix="analysis-cache-")
        os.environ[article_cache.CACHE_DIR_ENV] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, enabled cache folder (tables and articles) for the test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(article_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(article_cache.CACHE_ENV, raising=False)
    return folder
