"""Who a text names: people by name, office holders by a role phrase built from the office and the country."""

from __future__ import annotations

import datetime as dt

from analysis_utils.extract.entities import find_mentions
from analysis_utils.text import reference


def people(text: str, when: dt.date | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in find_mentions(text, when) if m.kind == "person"]


def test_a_role_phrase_names_the_holder_of_the_office_on_the_day():
    assert people("The Russian president met the North Korean leader.", dt.date(2010, 5, 1)) == [
        ("The Russian president", "Dmitry Medvedev"),
        ("the North Korean leader", "Kim Jong Il"),
    ]
    assert people("The Russian president met the North Korean leader.", dt.date(2019, 4, 25)) == [
        ("The Russian president", "Vladimir Putin"),
        ("the North Korean leader", "Kim Jong Un"),
    ]


def test_role_phrases_are_built_from_every_form_of_the_country():
    text = (
        "The message was delivered to the North's leader. Kim sent it to President of Russian Federation. "
        "He also wrote to the Belarusian president and to Cuba's president."
    )
    assert [c for _, c in people(text, dt.date(2024, 3, 18))] == [
        "Kim Jong Un",
        "Kim Jong Un",
        "Vladimir Putin",
        "Alexander Lukashenko",
        "Miguel Diaz-Canel",
    ]


def test_a_country_a_title_and_a_name_are_one_person():
    ms = [
        m
        for m in find_mentions("Xi congratulated North Korea leader Kim Jong Un on his election.", dt.date(2021, 1, 11))
    ]
    assert [(m.text, m.canonical, m.kind) for m in ms if m.kind != "pronoun"] == [
        ("Xi", "Xi Jinping", "person"),
        ("North Korea leader Kim Jong Un", "Kim Jong Un", "person"),
    ]


def test_every_office_row_names_a_known_country():
    names = reference.country_names()
    for row in reference.data.rows("offices.csv"):
        assert row["country"] in names, row
    assert reference.office_role_phrases()


def test_a_name_followed_by_anothers_title_stays_two_people():
    ms = [
        m
        for m in find_mentions("“…,” wrote Erdogan Russian President. Russian President Vladimir Putin replied.")
        if m.kind == "person"
    ]
    assert [m.canonical for m in ms] == ["Recep Tayyip Erdogan", "Vladimir Putin", "Vladimir Putin"], ms
    assert ms[2].text == "Russian President Vladimir Putin"  # a title and its holder's name stay one mention


def test_a_title_names_the_holder_the_story_named_not_todays():
    text = "Leaders congratulated Iranian President Hassan Rouhani. The Iranian president thanked them."
    ms = [m for m in find_mentions(text) if m.kind == "person"]
    assert [m.canonical for m in ms] == ["Hassan Rouhani", "Hassan Rouhani"], ms


def test_the_cuban_presidents_full_name_without_his_middle_name_is_still_him():
    ms = [m for m in find_mentions("Miguel Diaz-Canel Bermudez sent greetings to Kim Jong Un.") if m.kind == "person"]
    assert [m.canonical for m in ms] == ["Miguel Diaz-Canel", "Kim Jong Un"]
