"""Where things live: the project root, the seed corpus, the corpus a notebook should read."""

from __future__ import annotations

import os
from pathlib import Path

CORPUS_ENV = "ANALYSIS_CORPUS"


def project_root() -> Path:
    """The repository root: the nearest parent of this package (or the cwd) holding pyproject.toml."""
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for parent in (start, *start.parents):
            if (parent / "pyproject.toml").is_file() and (parent / "seeds").is_dir():
                return parent
    return Path.cwd().resolve()


def seeds_dir() -> Path:
    """The five seed articles shipped with the project."""
    return project_root() / "seeds"


def corpus_dir(corpus: str | os.PathLike[str] | None = None) -> Path:
    """The corpus folder: the argument, else $ANALYSIS_CORPUS, else the seeds.

    A relative argument is taken from the project root, so notebooks (whose working
    directory is ``notebooks/``) and the command line agree on what ``seeds`` means.
    """
    chosen = corpus if corpus not in (None, "") else os.environ.get(CORPUS_ENV) or None
    if chosen is None:
        return seeds_dir()
    path = Path(chosen).expanduser()
    if not path.is_absolute():
        in_cwd = Path.cwd() / path
        path = in_cwd if in_cwd.exists() else project_root() / path
    return path.resolve()


def env_flag(name: str) -> bool | None:
    """A yes/no setting from the environment: True for 1/on/true/yes, False for 0/off/false/no, else None."""
    value = os.environ.get(name, "").strip().lower()
    if value in ("0", "off", "false", "no"):
        return False
    if value in ("1", "on", "true", "yes"):
        return True
    return None
