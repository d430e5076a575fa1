"""The timeline: events per article, and the same event linked across articles."""

from __future__ import annotations

import datetime as dt

from analysis_utils.tables.frames import load_tables
from helpers import SEEDS

D = dt.date


def test_every_letter_is_an_event_and_shares_its_id_with_the_letter_row():
    events = load_tables(SEEDS)["events"]
    letters = load_tables(SEEDS)["letters"]
    letter_events = events[events.kind == "letter"]
    assert len(letter_events) == len(letters)
    assert set(letters.letter_key) == set(letter_events.event_id)


def test_named_events_get_their_known_dates():
    events = load_tables(SEEDS)["events"]
    hanoi = events[events.description.str.contains("Hanoi")]
    assert not hanoi.empty
    assert set(hanoi.date_earliest) == {"2019-02-27"}


def test_the_same_event_in_several_articles_has_one_id():
    events = load_tables(SEEDS)["events"]
    hanoi = events[events.description.str.contains("Hanoi")]
    assert hanoi.event_id.nunique() == 1
    assert hanoi.n_docs.iloc[0] >= 2


def test_an_anniversary_is_dated_by_its_known_event():
    events = load_tables(SEEDS)["events"]
    ann = events[events.kind == "anniversary"]
    assert "2023-09-09" in set(ann.date_earliest)
    assert "2023-10-12" in set(ann.date_earliest)


def test_years_ago_names_the_historical_event():
    events = load_tables(SEEDS)["events"]
    assert ((events.kind == "history") & (events.date_earliest == "1945-08-15")).any()


def test_every_event_has_evidence_and_an_interval():
    events = load_tables(SEEDS)["events"]
    assert (events.evidence.str.len() > 0).all()
    assert (events.date_earliest <= events.date_latest).all()


def test_diplomatic_ties_are_between_the_countries_the_sentence_names() -> None:
    from analysis_utils.text.known_events import event_mentions

    def keys(sentence: str) -> list[list[str]]:
        return [[e.key for e in m.events] for m in event_mentions(sentence)]

    china_russia = "Xi sent a message to Russian President Vladimir Putin on the 75th anniversary of diplomatic ties."
    china_korea = "Kim and Chinese President Xi Jinping marked the 75th anniversary of diplomatic relations."
    unnamed = "Pyongyang marked the 75th anniversary of diplomatic ties with a reception."
    assert keys(china_russia) == [["prc_ussr_diplomatic_relations"]]
    assert keys(china_korea) == [["china_dprk_diplomatic_relations"]]
    assert keys(unnamed) == [["dprk_ussr_diplomatic_relations"]]
    three = "Leaders of China, Japan and India noted the anniversary of diplomatic ties."
    assert keys(three) == []
