"""The reference tables of data/: every row well formed, as the loaders and README.md expect."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest

TABLES = {
    "outlets.csv": ["name", "kind", "aliases", "domains", "site", "note"],
    "people.csv": ["canonical", "kind", "aliases", "born", "note"],
    "offices.csv": ["person", "role", "title_aliases", "start", "end", "country", "generic", "note"],
    "countries.csv": ["country", "names", "adjectives", "short", "capital", "note"],
    "known_events.csv": [
        "key",
        "name",
        "kind",
        "date_earliest",
        "date_latest",
        "aliases",
        "recurring",
        "parties",
        "note",
    ],
    "roles.csv": ["phrase", "canonical", "valid_from", "valid_to", "note"],
}


def rows(name: str) -> tuple[list[str], list[list[str]]]:
    text = resources.files("analysis_utils.data").joinpath(name).read_text(encoding="utf-8")
    table = list(csv.reader(text.splitlines()))
    return table[0], table[1:]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_row_has_the_columns_of_the_header(name):
    header, body = rows(name)
    assert header == TABLES[name]
    bad = [(i + 2, len(r)) for i, r in enumerate(body) if len(r) != len(header)]
    assert bad == [], f"{name}: rows with the wrong number of fields (line, fields): {bad}"


@pytest.mark.parametrize(
    "name, columns",
    [
        ("offices.csv", ("start", "end")),
        ("known_events.csv", ("date_earliest", "date_latest")),
        ("people.csv", ("born",)),
        ("roles.csv", ("valid_from", "valid_to")),
    ],
)
def test_dates_are_iso_days_and_spans_run_forward(name, columns):
    header, body = rows(name)
    idx = [header.index(c) for c in columns]
    for r in body:
        days = [dt.date.fromisoformat(r[i]) if r[i] else None for i in idx]
        if len(days) == 2 and all(days):
            assert days[0] <= days[1], r


def test_kinds_are_the_documented_ones():
    assert {r[1] for r in rows("outlets.csv")[1]} <= {"agency", "outlet"}
    assert {r[1] for r in rows("people.csv")[1]} <= {"person", "institution", "media"}
    assert {r[6] for r in rows("known_events.csv")[1]} <= {"yes", "no"}
