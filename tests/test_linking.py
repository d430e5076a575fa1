"""Linking events across articles in one pass (pipeline.link.Linker) and the export's spool of letters and events."""

from __future__ import annotations

import csv
import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils import analyse_corpus
from analysis_utils.extract.values import Event
from analysis_utils.pipeline.link import Linker, link
from analysis_utils.tables.export import export
from analysis_utils.tables.summary import WARNINGS_KEPT, Summary
from helpers import SEEDS

D = dt.date


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) > 2}


def reference_groups(events_by_doc: dict[str, list[Event]], slack_days: int = 3) -> list[list[tuple[str, int]]]:
    """The rule written as plainly as possible (every event against every group): the reference."""
    groups: list[list[tuple[str, Event]]] = []
    slack = dt.timedelta(days=slack_days)
    for doc_id, events in events_by_doc.items():
        for ev in events:
            home = None
            for g in groups:
                first = g[0][1]
                overlap = (
                    first.date_earliest - slack <= ev.date_latest and ev.date_earliest - slack <= first.date_latest
                )
                if not overlap or first.kind != ev.kind:
                    continue
                if ev.key and first.key == ev.key:
                    home = g
                    break
                if not ev.key and not first.key:
                    a, b = _words(first.description), _words(ev.description)
                    if a and b and len(a & b) / len(a | b) >= 0.4:
                        home = g
                        break
            if home is None:
                groups.append([(doc_id, ev)])
            else:
                home.append((doc_id, ev))
    groups.sort(key=lambda g: (g[0][1].date_earliest, g[0][1].description))
    return [[(d, id(ev)) for d, ev in g] for g in groups]


def linked_groups(events_by_doc: dict[str, list[Event]]) -> list[list[tuple[str, int]]]:
    link(events_by_doc)
    by_id: dict[str, list[tuple[str, int]]] = {}
    for doc_id, events in events_by_doc.items():
        for ev in events:
            by_id.setdefault(ev.event_id, []).append((doc_id, id(ev)))
    return [by_id[k] for k in sorted(by_id)]


def test_linking_the_seeds_and_dev_sets_gives_the_reference_groups():
    from pathlib import Path

    root = Path(__file__).resolve().parent / "fixtures"
    for folder in [SEEDS, *sorted(root.glob("dev*/articles"))]:
        analysed = analyse_corpus(folder)
        by_doc = {a.doc.doc_id: a.events for a in analysed}
        assert sum(map(len, by_doc.values())) > 5
        assert linked_groups(by_doc) == reference_groups(by_doc), folder


KINDS = ["letter", "summit", "other", "anniversary"]
DESCRIPTIONS = ["Kim Putin summit Vladivostok", "summit in Vladivostok", "letter to Putin", "Victory Day parade",
                "parade in Moscow", "the Hanoi summit", "missile launch", "launch of a satellite"]  # fmt: skip
event = st.builds(
    lambda kind, key, day, span, desc: Event(kind, D(2023, 1, 1) + dt.timedelta(days=day),
                                            D(2023, 1, 1) + dt.timedelta(days=day + span), desc, "", "", 0, 0, key=key),
    st.sampled_from(KINDS), st.sampled_from(["", "", "k1", "k2"]), st.integers(0, 30), st.integers(0, 6),
    st.sampled_from(DESCRIPTIONS),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(event, max_size=6), max_size=8))
def test_linking_any_events_gives_the_reference_groups(docs):
    by_doc = {f"d{i}": evs for i, evs in enumerate(docs)}
    assert linked_groups(by_doc) == reference_groups(by_doc)


def test_a_group_lists_its_articles_once_and_sorted():
    linker = Linker()
    a = Event("summit", D(2024, 6, 19), D(2024, 6, 19), "Pyongyang summit", "", "", 0, 0, key="known:p")
    b = Event("summit", D(2024, 6, 19), D(2024, 6, 19), "Pyongyang summit", "", "", 0, 0, key="known:p")
    c = Event("summit", D(2024, 6, 20), D(2024, 6, 20), "Pyongyang summit", "", "", 5, 9, key="known:p")
    assert linker.add("b", [a]) == [0]
    assert linker.add("a", [b, c]) == [0, 0]
    assert linker.group_docs(0) == ["a", "b"]
    assert linker.event_id(0) == "E0001"


def test_the_export_keeps_letters_and_events_linked_as_the_tables_do(tmp_path):
    export(SEEDS, tmp_path)
    with (tmp_path / "events.csv").open(encoding="utf-8") as fh:
        events = list(csv.DictReader(fh))
    with (tmp_path / "letters.csv").open(encoding="utf-8") as fh:
        letters = list(csv.DictReader(fh))
    assert events and letters
    assert not list(tmp_path.glob(".linking-*"))  # the spool is gone
    ids = {r["event_id"] for r in events if r["kind"] == "letter"}
    assert {r["letter_key"] for r in letters} <= ids
    shared = [r for r in events if int(r["n_docs"]) > 1]
    assert shared and all(len(r["docs"].split()) == int(r["n_docs"]) for r in shared)


def test_the_summary_keeps_every_count_but_only_the_first_warnings():
    s = Summary()
    for i in range(WARNINGS_KEPT + 10):
        s.add(f"f{i}.txt", "ok", ["no quotations found"])
    d = s.as_dict()
    assert d["documents"] == WARNINGS_KEPT + 10
    assert d["n_warnings"] == WARNINGS_KEPT + 10
    assert len(d["warnings"]) == WARNINGS_KEPT


def test_an_event_row_names_at_most_twenty_articles_and_counts_them_all():
    from analysis_utils.tables.rows import DOCS_LISTED, docs_cell

    few = [f"d{i:03d}" for i in range(3)]
    many = [f"d{i:05d}" for i in range(5000)]
    assert docs_cell(few) == "d000 d001 d002"
    cell = docs_cell(many)
    assert cell.split()[:DOCS_LISTED] == many[:DOCS_LISTED]
    assert cell.endswith("… +4,980 more")


def test_a_long_analysis_shows_a_progress_bar_and_a_short_one_does_not(monkeypatch, capsys):
    from analysis_utils.pipeline import run as pipeline

    monkeypatch.delenv(pipeline.PROGRESS_ENV, raising=False)
    assert pipeline.show_progress(pipeline.PROGRESS_FROM) and not pipeline.show_progress(5)
    analyse_corpus(SEEDS)
    assert "article" not in capsys.readouterr().err
    monkeypatch.setenv(pipeline.PROGRESS_ENV, "1")
    analyse_corpus(SEEDS)
    assert "5/5" in capsys.readouterr().err  # tqdm's count, on stderr
    monkeypatch.setenv(pipeline.PROGRESS_ENV, "0")
    assert not pipeline.show_progress(10**6)
