"""The package's data files (``analysis_utils/data``), read for the rooms that load them."""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from importlib import resources


def read_text(name: str) -> str:
    """The text of ``data/<name>``."""
    return resources.files("analysis_utils.data").joinpath(name).read_text(encoding="utf-8")


def rows(name: str) -> list[dict[str, str]]:
    """The rows of the CSV file ``data/<name>``, every value stripped of surrounding space."""
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(read_text(name).splitlines())]


def split(value: str) -> list[str]:
    """The values of a cell that lists several ("a | b | c")."""
    return [part.strip() for part in value.split("|") if part.strip()]


def toml(name: str) -> dict:
    """The TOML file ``data/<name>``."""
    return tomllib.loads(read_text(name))


def date_or_none(value: str) -> dt.date | None:
    """An ISO day from a cell, None for an empty one."""
    return dt.date.fromisoformat(value) if value else None
