"""Test-session settings: the caches live in a temporary folder, never in the project's ``.cache``."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """A run's cached tables and analyses do not outlive it, nor come from a developer's earlier runs.

    Set in the environment, so that subprocesses and the notebooks' kernels (nbval) use it too;
    tests of the cache's own location set or clear the variable themselves.
    """
    if "ANALYSIS_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="analysis-cache-")
        os.environ["ANALYSIS_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
