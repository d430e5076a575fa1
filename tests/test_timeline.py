"""Timeline views: letters counted once, each way; coverage lag from letter to article."""

from __future__ import annotations

import pandas as pd

from analysis_utils.analysis import timeline
from analysis_utils.tables import frames
from helpers import SEEDS


def letters_frame(rows: list[dict]) -> dict[str, pd.DataFrame]:
    base = {
        "doc_id": "",
        "file": "",
        "letter_key": "",
        "sender": "",
        "recipient": "",
        "date": "",
        "date_earliest": "",
        "date_latest": "",
        "date_evidence": "",
        "occasion": "",
        "occasion_type": "",
        "channel": "",
        "mentions": 1,
        "start": 0,
        "end": 0,
        "evidence": "",
    }
    letters = pd.DataFrame([{**base, **r} for r in rows])
    docs = pd.DataFrame(
        [
            {
                "doc_id": "a",
                "published": "2023-10-13",
                "published_earliest": "2023-10-13",
                "published_latest": "2023-10-13",
            },
            {"doc_id": "b", "published": "", "published_earliest": "2023-10-20", "published_latest": "2023-10-30"},
        ]
    )
    return {"letters": letters, "documents": docs, "events": pd.DataFrame()}


def test_a_letter_reported_by_two_articles_is_one_letter():
    t = letters_frame(
        [
            {
                "doc_id": "a",
                "letter_key": "E1",
                "sender": "Kim Jong Un",
                "recipient": "Vladimir Putin",
                "date_earliest": "2023-10-12",
                "date_latest": "2023-10-12",
            },
            {
                "doc_id": "b",
                "letter_key": "E1",
                "sender": "Kim Jong Un",
                "recipient": "Vladimir Putin",
                "date_earliest": "2023-10-01",
                "date_latest": "2023-10-31",
            },
        ]
    )
    tl = timeline.letters_timeline(t)
    assert len(tl) == 1
    assert tl.loc[0, "n_articles"] == 2
    assert (tl.loc[0, "date_earliest"], tl.loc[0, "date_latest"]) == (
        "2023-10-12",
        "2023-10-12",
    )  # the narrowest dating wins
    assert timeline.letters_each_way(t) == {"Kim Jong Un → Vladimir Putin": 1, "Vladimir Putin → Kim Jong Un": 0}


def test_coverage_lag_is_days_from_letter_to_article():
    t = letters_frame(
        [
            {
                "doc_id": "a",
                "letter_key": "E1",
                "sender": "Kim Jong Un",
                "recipient": "Vladimir Putin",
                "date_earliest": "2023-10-12",
                "date_latest": "2023-10-12",
            },
            {
                "doc_id": "b",
                "letter_key": "E1",
                "sender": "Kim Jong Un",
                "recipient": "Vladimir Putin",
                "date_earliest": "2023-10-12",
                "date_latest": "2023-10-12",
            },
        ]
    )
    lag = timeline.coverage_lag(t)
    assert list(lag["lag_days"]) == [1, 13]
    assert list(lag["published_exact"]) == [True, False]


def test_the_seeds_hold_three_letters_each_way():
    t = frames.load_tables(SEEDS)
    assert timeline.letters_each_way(t) == {"Kim Jong Un → Vladimir Putin": 3, "Vladimir Putin → Kim Jong Un": 3}
    events = timeline.events_timeline(t, kinds=("summit",))
    assert "Trump-Kim summit in Hanoi" in set(events["description"])
