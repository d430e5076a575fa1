"""Date expressions resolved to intervals: one behaviour per test, then the gold annotations."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import unicodedata

import pytest

from analysis_utils import analyse_corpus
from analysis_utils.extract.dates.resolve import extract_dates
from analysis_utils.extract.values import DateExpr
from analysis_utils.metadata.values import PubDate
from helpers import FIXTURES, SEEDS, page

D = dt.date
HEADLINE = "Kim writes to Putin about bilateral ties"
FILLER = "The official news agency of the country carried the full text of the message in its report."


def run(text: str, published: D | None = None, earliest: D | None = None, latest: D | None = None):
    """Date expressions of a page made of a headline, a filler paragraph and ``text``."""
    cd = page(f"{HEADLINE}\n\n{FILLER}\n\n{text}\n\n{FILLER}\n")
    return extract_dates(cd, PubDate(published=published, earliest=earliest, latest=latest))


def find(found: list[DateExpr], expression: str) -> DateExpr:
    hits = [e for e in found if e.expression.lower() == expression.lower()]
    assert hits, f"{expression!r} not in {[e.expression for e in found]}"
    return hits[0]


def span(found: list[DateExpr], expression: str) -> tuple[D, D]:
    e = find(found, expression)
    return e.date_earliest, e.date_latest


def one(text: str, expression: str, published: D | None = None, **kw) -> tuple[D, D]:
    return span(run(text, published, **kw), expression)


SAT = D(2019, 4, 20)  # a Saturday
MON = D(2022, 8, 15)  # a Monday


# ---------------------------------------------------------------- absolute dates


def test_a_full_month_day_year_date_is_that_day():
    assert one("They met in Vladivostok on April 25, 2019, for talks.", "on April 25, 2019", SAT) == (
        D(2019, 4, 25),
        D(2019, 4, 25),
    )


def test_a_day_month_year_date_is_that_day():
    assert one("They met in Vladivostok on 25 April 2019 for talks.", "on 25 April 2019") == (
        D(2019, 4, 25),
        D(2019, 4, 25),
    )


def test_a_month_and_year_has_month_precision():
    e = find(run("They met in Vladivostok in April 2019 for talks.", SAT), "in April 2019")
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2019, 4, 1), D(2019, 4, 30), "month")


def test_a_year_after_a_preposition_has_year_precision():
    e = find(run("Kim was first elected to the post in 2016 by the assembly.", SAT), "in 2016")
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2016, 1, 1), D(2016, 12, 31), "year")


def test_a_year_after_an_article_is_that_year():
    assert one("The agreements reached at the 2019 meeting in Vladivostok hold.", "the 2019", SAT) == (
        D(2019, 1, 1),
        D(2019, 12, 31),
    )


def test_a_bare_number_is_not_a_year():
    found = run("The deal violates Resolution 2397, and 2023 had been a milestone year.", SAT)
    assert [e.expression for e in found] == []


def test_a_hyphenated_day_range_is_day_bounds():
    e = find(
        run("Putin paid a state visit to the country on June 18-19 last summer.", D(2024, 9, 9)),
        "on June 18-19",
    )
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2024, 6, 18), D(2024, 6, 19), "day")


def test_a_from_to_range_is_day_bounds():
    text = "Vladivostok is set to host the Eastern Economic Forum from September 10 to 13 this year."
    assert one(text, "from September 10 to 13", D(2023, 9, 9)) == (D(2023, 9, 10), D(2023, 9, 13))


def test_an_abbreviated_month_range_is_day_bounds():
    text = "Kim visited Russia's Far East from Sept. 12 to 17 and held talks with Putin."
    assert one(text, "from Sept. 12 to 17", D(2023, 10, 7)) == (D(2023, 9, 12), D(2023, 9, 17))


def test_a_juche_date_is_its_gregorian_day():
    assert one("The message was dated Juche112(2023).6.12. in the archive.", "Juche112(2023).6.12") == (
        D(2023, 6, 12),
        D(2023, 6, 12),
    )


def test_an_iso_date_is_that_day():
    assert one("The archive lists the letter under 2019-04-19 in its index.", "2019-04-19") == (
        D(2019, 4, 19),
        D(2019, 4, 19),
    )


# ---------------------------------------------------------------- dates without a year


def test_a_day_without_year_in_a_past_sentence_is_the_most_recent_one():
    text = "On April 11, Japan's Asahi Shimbun reported the leaders would soon meet."
    assert one(text, "On April 11", D(2019, 4, 14)) == (D(2019, 4, 11), D(2019, 4, 11))


def test_a_day_without_year_after_publication_in_a_past_sentence_is_last_year():
    assert one("Kim inspected a factory on December 30 with officials.", "on December 30", D(2024, 1, 2)) == (
        D(2023, 12, 30),
        D(2023, 12, 30),
    )


def test_a_day_without_year_in_a_future_sentence_is_the_next_one():
    text = "Kim will visit Moscow on January 5 for talks with Putin."
    assert one(text, "on January 5", D(2023, 12, 20)) == (D(2024, 1, 5), D(2024, 1, 5))


def test_a_month_without_year_earlier_in_the_year_is_the_same_year():
    text = "Kim's meeting with Trump in Hanoi in February ended without a deal."
    assert one(text, "in February", SAT) == (D(2019, 2, 1), D(2019, 2, 28))


def test_a_month_without_year_later_in_the_year_in_a_past_sentence_is_last_year():
    text = "Kim held talks with a Russian delegation in October in the capital."
    assert one(text, "in October", D(2024, 1, 15)) == (D(2023, 10, 1), D(2023, 10, 31))


def test_a_month_without_year_in_a_future_sentence_is_the_next_one():
    text = "Putin is expected to travel to Pyongyang in March for a summit."
    assert one(text, "in March", D(2023, 10, 15)) == (D(2024, 3, 1), D(2024, 3, 31))


def test_last_month_name_is_the_most_recent_before_the_publication_month():
    text = "The two leaders met at the cosmodrome in Russia's Far East last September."
    assert one(text, "last September", D(2024, 3, 19)) == (D(2023, 9, 1), D(2023, 9, 30))


def test_a_month_last_year_is_that_month_of_the_previous_year():
    text = "The two leaders held their first summit in Vladivostok in April last year."
    assert one(text, "in April last year", D(2020, 5, 9)) == (D(2019, 4, 1), D(2019, 4, 30))


# ---------------------------------------------------------------- parts of months


@pytest.mark.parametrize(
    "part,lo,hi",
    [("early", 1, 10), ("mid", 11, 20), ("late", 21, 28)],
    ids=["early", "mid", "late"],
)
def test_early_mid_late_month_are_its_thirds(part, lo, hi):
    text = f"The Hanoi summit between Kim and Trump collapsed in {part} February."
    assert one(text, f"in {part} February", D(2019, 4, 14)) == (D(2019, 2, lo), D(2019, 2, hi))


def test_the_second_half_of_a_month_starts_on_the_sixteenth():
    text = 'The Kremlin said Kim will visit Russia "in the second half of April" at Putin\'s invitation.'
    assert one(text, "in the second half of April", SAT) == (D(2019, 4, 16), D(2019, 4, 30))


def test_the_first_half_of_a_month_ends_on_the_fifteenth():
    text = "Officials said the talks took place in the first half of March in Moscow."
    assert one(text, "in the first half of March", SAT) == (D(2019, 3, 1), D(2019, 3, 15))


def test_the_first_week_of_a_month_is_days_one_to_seven():
    text = "In the first week of October, at least 73 covered rail cars travelled to Russia."
    assert one(text, "In the first week of October", D(2023, 10, 12)) == (
        D(2023, 10, 1),
        D(2023, 10, 7),
    )


def test_the_last_week_of_a_month_is_its_last_seven_days():
    text = "Satellite images showed heavy rail traffic in the last week of September at the border."
    assert one(text, "in the last week of September", D(2023, 10, 12)) == (
        D(2023, 9, 24),
        D(2023, 9, 30),
    )


def test_the_end_of_the_month_is_its_last_days():
    text = "The delegation is expected to arrive by the end of the month for talks."
    assert one(text, "by the end of the month", D(2023, 9, 9)) == (D(2023, 9, 21), D(2023, 9, 30))


def test_the_beginning_of_a_month_is_its_first_days():
    text = "Shoigu visited Pyongyang at the beginning of March for consultations."
    assert one(text, "at the beginning of March", SAT) == (D(2019, 3, 1), D(2019, 3, 10))


# ---------------------------------------------------------------- weekdays and weeks


def test_a_weekday_in_a_past_sentence_is_the_most_recent_one():
    text = "North Korean leader Kim Jong-un on Friday wrote a letter to Putin."
    e = find(run(text, SAT), "on Friday")
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2019, 4, 19), D(2019, 4, 19), "day")
    assert "Sat 2019-04-20" in e.evidence


def test_a_weekday_on_the_day_of_publication_is_that_day():
    assert one("Kim sent the letter on Monday, state media said.", "on Monday", MON) == (MON, MON)


def test_a_bare_sunday_in_a_monday_story_is_the_day_before():
    text = "According to a Kremlin press release, Sunday, Putin sent a congratulatory letter."
    assert one(text, "Sunday", MON) == (D(2022, 8, 14), D(2022, 8, 14))


def test_a_weekday_in_a_future_sentence_is_the_next_one():
    assert one("The two leaders will meet on Friday in Vladivostok.", "on Friday", SAT) == (
        D(2019, 4, 26),
        D(2019, 4, 26),
    )


def test_last_weekday_is_before_the_day_of_publication():
    assert one("Kim sent the letter last Saturday to the Kremlin.", "last Saturday", SAT) == (
        D(2019, 4, 13),
        D(2019, 4, 13),
    )


def test_next_weekday_is_after_the_day_of_publication():
    assert one("The envoy travels to Moscow next Monday for talks.", "next Monday", SAT) == (
        D(2019, 4, 22),
        D(2019, 4, 22),
    )


def test_a_weekday_with_a_time_of_day_is_that_day():
    assert one("Putin left for Vietnam on Monday night after the talks.", "on Monday night", D(2022, 8, 16)) == (
        MON,
        MON,
    )


def test_next_week_is_the_week_after_the_publication_week():
    text = "The two leaders will hold their first summit in Vladivostok next week, Yonhap reported."
    lo, hi = one(text, "next week", SAT)
    assert D(2019, 4, 21) <= lo <= hi <= D(2019, 4, 28) and (hi - lo).days == 6


def test_this_week_is_the_publication_week():
    assert one("Officials met in Moscow this week to prepare the visit.", "this week", SAT) == (
        D(2019, 4, 15),
        D(2019, 4, 21),
    )


def test_last_week_is_the_week_before_the_publication_week():
    assert one("Officials met in Moscow last week to prepare the visit.", "last week", SAT) == (
        D(2019, 4, 8),
        D(2019, 4, 14),
    )


def test_earlier_this_week_ends_before_publication():
    text = "Pyongyang earlier this week voiced support for Moscow's annexation plans."
    assert one(text, "earlier this week", D(2022, 10, 7)) == (D(2022, 10, 3), D(2022, 10, 6))


@pytest.mark.parametrize("word,days", [("today", 0), ("yesterday", -1), ("tomorrow", 1)])
def test_today_yesterday_tomorrow_count_from_publication(word, days):
    day = SAT + dt.timedelta(days=days)
    assert one(f"The Kremlin said {word} that the visit was being prepared.", word, SAT) == (
        day,
        day,
    )


def test_a_weekday_inside_a_quote_is_still_a_date():
    text = 'Peskov said: "We received the letter on Monday and will answer it."'
    assert one(text, "on Monday", SAT) == (D(2019, 4, 15), D(2019, 4, 15))


# ---------------------------------------------------------------- relative to publication


@pytest.mark.parametrize(
    "words,lo,hi",
    [
        ("last year", D(2022, 1, 1), D(2022, 12, 31)),
        ("this year", D(2023, 1, 1), D(2023, 12, 31)),
        ("next year", D(2024, 1, 1), D(2024, 12, 31)),
        ("last month", D(2023, 8, 1), D(2023, 8, 31)),
        ("this month", D(2023, 9, 1), D(2023, 9, 30)),
        ("next month", D(2023, 10, 1), D(2023, 10, 31)),
    ],
)
def test_last_this_next_year_and_month_count_from_publication(words, lo, hi):
    assert one(
        f"The forum drew delegations from 68 countries {words} in Vladivostok.",
        words,
        D(2023, 9, 9),
    ) == (
        lo,
        hi,
    )


def test_later_this_month_is_the_rest_of_the_month():
    text = "Reports suggest a meeting between the two leaders to be held in Russia later this month."
    assert one(text, "later this month", D(2023, 9, 9)) == (D(2023, 9, 10), D(2023, 9, 30))


def test_earlier_this_month_is_the_month_before_publication():
    text = "Kim inspected a munitions factory earlier this month, state media said."
    assert one(text, "earlier this month", D(2023, 9, 9)) == (D(2023, 9, 1), D(2023, 9, 8))


def test_in_recent_months_is_a_six_month_window_before_publication():
    text = "Pyongyang has hardened its criticism of Washington in recent months, officials said."
    assert one(text, "in recent months", MON) == (D(2022, 2, 15), MON)


def test_years_ago_is_a_year():
    text = "Kim marked the liberation of the Korean Peninsula from Japanese colonial rule 77 years ago."
    e = find(run(text, MON), "77 years ago")
    assert (e.date_earliest, e.date_latest, e.precision) == (D(1945, 1, 1), D(1945, 12, 31), "year")


def test_number_words_count_in_months_ago():
    assert one("The two sides signed the accord three months ago in Moscow.", "three months ago", MON) == (
        D(2022, 5, 1),
        D(2022, 5, 31),
    )


def test_vague_counts_give_wide_bounds():
    lo, hi = one(
        "The two sides first discussed the idea several years ago in Moscow.",
        "several years ago",
        MON,
    )
    assert (lo, hi) == (D(2013, 1, 1), D(2019, 12, 31))


# ---------------------------------------------------------------- relative to another date


def test_months_earlier_count_from_the_date_before_in_the_sentence():
    text = "He and Putin met in Vladivostok in April 2019, after the second summit held two months earlier in Hanoi."
    e = find(run(text, MON), "two months earlier")
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2019, 2, 1), D(2019, 2, 28), "month")
    assert "in April 2019" in e.evidence


def test_the_next_day_counts_from_the_date_before():
    text = "The two leaders met on April 25, 2019, and state media released photos the next day."
    assert one(text, "the next day", SAT) == (D(2019, 4, 26), D(2019, 4, 26))


def test_a_week_later_counts_from_the_previous_sentence():
    text = "Kim arrived in Moscow on March 3, 2019. A week later he returned to Pyongyang by train."
    assert one(text, "A week later", SAT) == (D(2019, 3, 10), D(2019, 3, 10))


def test_a_month_later_counts_from_a_known_event_in_the_sentence():
    text = "After the Hanoi summit collapsed, the leaders exchanged letters a month later."
    e = find(run(text, D(2019, 6, 1)), "a month later")
    assert (e.date_earliest, e.date_latest) == (D(2019, 3, 1), D(2019, 3, 31))
    assert "Hanoi" in e.evidence


def test_without_any_anchor_a_month_later_is_the_publication_month():
    text = "Kim made a six-day visit to the region, after which the leaders exchanged letters a month later."
    e = find(run(text, D(2023, 10, 12)), "a month later")
    assert (e.date_earliest, e.date_latest) == (D(2023, 10, 1), D(2023, 10, 31))
    assert "no dated anchor" in e.evidence


# ---------------------------------------------------------------- anniversaries and events


def test_an_anniversary_of_a_known_event_is_its_date_plus_the_years():
    text = "Putin congratulated Kim on the 75th anniversary of North Korea’s founding in a message."
    e = find(run(text, D(2023, 9, 9)), "the 75th anniversary of North Korea’s founding")
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2023, 9, 9), D(2023, 9, 9), "day")


def test_a_named_event_alone_is_not_a_date_expression():
    assert run("The Hanoi summit ended abruptly without an agreement on denuclearisation.", SAT) == []


def test_an_ordinal_alone_is_not_a_date():
    assert (
        run(
            "Kim was re-elected at a session of the 14th Supreme People's Assembly on the 75th.",
            SAT,
        )
        == []
    )


# ---------------------------------------------------------------- false dates


def test_may_and_march_the_verbs_are_not_dates():
    assert run("Kim may travel by train, and troops may march through the capital in a parade.", SAT) == []


def test_counts_ages_and_times_are_not_dates():
    text = "Putin, 71, said 73 covered rail cars crossed the border at 09:18 PM local time."
    assert run(text, SAT) == []


def test_newspaper_names_with_a_weekday_are_not_dates():
    assert run("The Sunday Times and the Korea Times both carried the letter in full.", SAT) == []


# ---------------------------------------------------------------- metadata sections and offsets


def test_the_dateline_date_takes_the_publication_year():
    text = "Kim expresses to Putin his desire to strengthen ties\n\nSeoul, Aug 15 (EFE).- Kim Jong-un has conveyed his desire to strengthen ties with Russia, state media said on Monday.\n"
    cd = page(text)
    e = next(x for x in extract_dates(cd, PubDate(published=MON)) if x.section == "dateline")
    assert (e.expression, e.date_earliest) == ("Aug 15", MON)
    assert cd.doc.text[e.start : e.end] == "Aug 15"


def test_a_printed_date_line_under_the_headline_is_a_date_line():
    cd = page(f"{HEADLINE}\n\nSat Sep 09 2023\n\n{FILLER}\n")
    found = extract_dates(cd, PubDate(published=D(2023, 9, 9)))
    e = find(found, "Sat Sep 09 2023")
    assert e.section == "date line" and cd.doc.text[e.start : e.end] == "Sat Sep 09 2023"


def test_a_date_above_the_headline_recorded_as_page_date_is_a_page_banner():
    cd = page(f"Wednesday, April 17, 2024\n{HEADLINE}\n\n{HEADLINE}\n\n{FILLER}\n")
    pub = PubDate(earliest=D(2023, 10, 12), latest=D(2023, 10, 13), page_date=D(2024, 4, 17))
    e = find(extract_dates(cd, pub), "Wednesday, April 17, 2024")
    assert e.section == "page banner" and e.date_earliest == D(2024, 4, 17)


def test_headline_offsets_point_into_the_document_text():
    cd = page(f"Kim and Putin vow to deepen ties in 2024\n\n{FILLER}\n")
    e = find(extract_dates(cd, PubDate(published=D(2024, 1, 1))), "in 2024")
    assert e.section == "headline" and cd.doc.text[e.start : e.end] == "in 2024"


def test_body_offsets_point_into_the_body():
    cd = page(f"{HEADLINE}\n\n{FILLER}\n\nKim sent the letter on Friday to the Kremlin.\n")
    e = find(extract_dates(cd, PubDate(published=SAT)), "on Friday")
    assert cd.body[e.start : e.end] == "on Friday"


def test_the_place_and_year_closing_a_message_are_a_signature_date():
    body = "“I wish you good health and success in your responsible work,” the message said.\n\nKIM JONG UN\n\nPyongyang, Juche 113"
    cd = page(f"{HEADLINE}\n\n{FILLER}\n\n{body}\n")
    e = find(extract_dates(cd, PubDate(published=D(2024, 10, 7))), "Juche 113")
    assert e.section == "signature" and cd.doc.text[e.start : e.end] == "Juche 113"
    assert (e.date_earliest, e.date_latest, e.precision) == (D(2024, 1, 1), D(2024, 12, 31), "year")


def test_a_juche_year_in_the_story_is_that_year_and_a_juche_date_is_that_day():
    found = run(
        "The message was dated Juche 112 and carried a full Juche112(2023).6.12. date.", published=D(2023, 6, 20)
    )
    assert span(found, "Juche 112") == (D(2023, 1, 1), D(2023, 12, 31))
    assert span(found, "Juche112(2023).6.12") == (D(2023, 6, 12), D(2023, 6, 12))


def test_a_day_and_month_of_last_year_is_that_day_a_year_before_publication():
    found = run(
        "Kim visited the site on December 4 last year and will return on 19 June next year.", published=D(2025, 5, 9)
    )
    assert span(found, "on December 4 last year") == (D(2024, 12, 4), D(2024, 12, 4))
    assert span(found, "on 19 June next year") == (D(2026, 6, 19), D(2026, 6, 19))


def test_compact_printed_dates_are_days():
    cd = page(f"{HEADLINE}\n\nPosted on : Oct.8,2024 17:02 KST\n\n{FILLER}\n\nwww.kcna.kp (Juche114.1.1.)\n")
    found = extract_dates(cd, PubDate(published=D(2024, 10, 8)))
    assert find(found, "Oct.8,2024").date_earliest == D(2024, 10, 8)
    kcna = run("The report was filed on Juche114.1.1. in Pyongyang.", published=D(2025, 1, 1))
    assert span(kcna, "Juche114.1.1") == (D(2025, 1, 1), D(2025, 1, 1))  # Juche 114 is 2025


def test_over_the_weekend_is_the_last_weekend_or_in_the_future_tense_the_next():
    assert span(
        run("Kim left Vladivostok over the weekend for home.", published=D(2023, 9, 18)), "over the weekend"
    ) == (
        D(2023, 9, 16),
        D(2023, 9, 17),
    )
    ahead = run("He is expected in Vladivostok over the weekend for a tour.", published=D(2023, 9, 15))
    assert span(ahead, "over the weekend") == (D(2023, 9, 16), D(2023, 9, 17))


def test_the_same_day_and_a_week_earlier_count_from_the_last_day_named_however_far_back():
    found = run(
        "Kim sent his greetings on Tuesday. He praised the alliance. He hailed the treaty. He thanked the army. "
        "Kim received a card from Putin on the same day.",
        published=D(2025, 1, 1),
    )
    assert span(found, "the same day") == (D(2024, 12, 31), D(2024, 12, 31))
    assert "the last day named" in find(found, "the same day").evidence
    earlier = run(
        "They signed the pact on Wednesday. Putin spoke of a new era. Kim praised the army. "
        "A week earlier, Kim had sent Putin a message.",
        published=D(2024, 6, 20),
    )
    assert span(earlier, "A week earlier") == (D(2024, 6, 12), D(2024, 6, 12))


def test_seasons_holidays_the_coming_days_and_earlier_in_the_week():
    assert span(run("Troops arrived last fall in Kursk.", published=D(2025, 5, 10)), "last fall") == (
        D(2024, 9, 1),
        D(2024, 11, 30),
    )
    summer = run("He visited last summer and will return next spring.", published=D(2025, 10, 5))
    assert span(summer, "last summer") == (D(2025, 6, 1), D(2025, 8, 31))  # the summer just ended
    assert span(summer, "next spring") == (D(2026, 3, 1), D(2026, 5, 31))
    winter = run("Snow fell this winter and last winter.", published=D(2025, 1, 15))
    assert span(winter, "this winter") == (D(2024, 12, 1), D(2025, 2, 28))
    assert span(
        run("Kim sent greetings on New Year's Day to Putin.", published=D(2025, 1, 2)), "on New Year's Day"
    ) == (
        D(2025, 1, 1),
        D(2025, 1, 1),
    )
    coming = run("Kim may visit in the coming days, officials said.", published=D(2024, 10, 7))
    assert span(coming, "in the coming days") == (D(2024, 10, 7), D(2024, 10, 17))
    week = run("Kim visited the embassy earlier in the week to lay flowers.", published=D(2025, 5, 9))
    assert span(week, "earlier in the week") == (D(2025, 5, 5), D(2025, 5, 8))


def test_results_are_sorted_by_section_then_start():
    cd = page(f"Kim and Putin vow to deepen ties in 2024\n\n{FILLER}\n\nKim wrote on Friday and again on Sunday.\n")
    found = extract_dates(cd, PubDate(published=D(2024, 1, 1)))
    assert [e.section for e in found] == ["headline", "body", "body"]
    assert found[1].start < found[2].start


# ---------------------------------------------------------------- unknown or bounded publication


def test_with_only_bounds_a_relative_date_is_the_union_over_both_bounds():
    text = "Kim's meeting with Trump in Hanoi in February ended without a deal, officials said last month."
    found = run(text, earliest=D(2019, 3, 10), latest=D(2019, 4, 20))
    assert span(found, "last month") == (D(2019, 2, 1), D(2019, 3, 31))
    assert "union" in find(found, "last month").evidence


def test_with_no_publication_date_only_absolute_dates_are_resolved():
    text = "Kim wrote on Friday, last month, after they met in Vladivostok in April 2019."
    found = run(text)
    assert [e.expression for e in found] == ["in April 2019"]


# ---------------------------------------------------------------- gold


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\xa0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def _bounds(value: str) -> tuple[D, D]:
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return D(*parts), D(*parts)
    if len(parts) == 2:
        return D(parts[0], parts[1], 1), D(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return D(parts[0], 1, 1), D(parts[0], 12, 31)


def _gold_interval(g: dict) -> tuple[D, D]:
    if g.get("date_earliest"):
        return _bounds(g["date_earliest"])[0], _bounds(g["date_latest"])[1]
    return _bounds(g["date"])


def score(folder, gold_docs: list[dict]) -> tuple[int, int, list[str]]:
    """(right, scored, misses): a gold expression is right when a predicted one whose text contains
    it (or is contained in it) lies inside the gold interval; exact text matches are judged first."""
    by_file = {a.doc.file: a for a in analyse_corpus(folder)}
    right, total, misses = 0, 0, []
    for doc in gold_docs:
        a = by_file[doc["file"]]
        found = extract_dates(a.clean, a.meta.published) if a.clean else []
        for g in doc.get("date_expressions", []):
            if g.get("note"):
                continue
            total += 1
            gt, (lo, hi) = _norm(g["expression"]), _gold_interval(g)
            cands = [e for e in found if _norm(e.expression) in gt or gt in _norm(e.expression)]
            exact = [e for e in cands if _norm(e.expression) == gt]
            judged = exact or cands
            if any(lo <= e.date_earliest and e.date_latest <= hi for e in judged):
                right += 1
            else:
                got = [f"{e.expression!r} {e.date_earliest}..{e.date_latest}" for e in judged] or "nothing"
                misses.append(f"{doc['file']}: {g['expression']!r} gold {lo}..{hi} got {got}")
    return right, total, misses


def test_every_seed_date_expression_is_found_and_resolved():
    gold = json.loads((FIXTURES / "gold_seeds.json").read_text(encoding="utf-8"))["documents"]
    right, total, misses = score(SEEDS, gold)
    assert total and right == total, f"{right}/{total}\n" + "\n".join(misses)


def test_development_set_dates_score_90_percent_or_better():
    dev = FIXTURES / "dev"
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))["documents"]
    right, total, misses = score(dev / "articles", gold)
    print(f"dev dates {right}/{total}", *misses, sep="\n")
    assert right / total >= 0.9, f"{right}/{total}\n" + "\n".join(misses)


def test_a_decade_is_ten_years():
    from analysis_utils.extract.dates.resolve import extract_dates as _extract

    cd = page("Kim writes\n\nMoscow all but abandoned its ally in the 1990s, analysts said, and again in the ’90s.")
    got = {e.expression: (e.date_earliest, e.date_latest) for e in _extract(cd, PubDate())}
    assert got["the 1990s"] == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert got["the ’90s"] == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))


def test_relative_dates_speak_from_the_printed_update_day():
    from analysis_utils.extract.dates.resolve import extract_dates as _extract

    day = dt.date(2025, 1, 1)
    pub = PubDate(published=day, earliest=day, latest=day, precision="day", updated=dt.date(2025, 1, 2))
    cd = page("Kim writes\n\nThe ministry said on Thursday that it was analysing the messages sent by the two leaders.")
    (e,) = [x for x in _extract(cd, pub) if x.expression.endswith("Thursday")]
    assert (e.date_earliest, e.date_latest) == (dt.date(2025, 1, 2), dt.date(2025, 1, 2))


def test_the_previous_day_counts_from_a_day_not_from_a_month():
    from analysis_utils.extract.dates.resolve import extract_dates as _extract

    day = dt.date(2025, 1, 1)
    pub = PubDate(published=day, earliest=day, latest=day, precision="day")
    cd = page(
        "Kim writes\n\nThe treaty was signed in June. The Kremlin had published its list the previous day, officials said."
    )
    (e,) = [x for x in _extract(cd, pub) if "previous day" in x.expression]
    assert e.date_earliest == e.date_latest and e.date_earliest.month != 6


def test_recent_days_and_this_past_weekend():
    found = run("Kim wrote this past weekend, and in recent days more letters followed.", published=D(2024, 3, 25))
    assert span(found, "this past weekend") == (D(2024, 3, 23), D(2024, 3, 24))
    assert span(found, "in recent days") == (D(2024, 3, 18), D(2024, 3, 25))


@pytest.mark.parametrize(
    "text",
    [
        "0/0/0\n0/0/Apr\n\n1/0/0",  # found by the property test: "Apr" ends one paragraph, "1" opens the next
        "Kim and Putin\n\nThe letter was sent on Sept. 9, 2023, the Kremlin said. It mentioned April\n\n"
        "12 officials attended the ceremony in Pyongyang.",
    ],
)
def test_a_date_never_runs_across_a_paragraph_break(text):
    cd = page(text)
    day = dt.date(2023, 9, 13)
    found = extract_dates(cd, PubDate(published=day, earliest=day, latest=day))
    for e in found:
        source = cd.body if e.section == "body" else cd.doc.text
        assert source[e.start : e.end].strip() == e.expression.strip()
        assert "\n\n" not in e.expression
    assert not any(e.expression.startswith("Apr") for e in found)
    if "Sept." in text:
        assert any(e.expression.endswith("Sept. 9, 2023") and e.date_earliest == dt.date(2023, 9, 9) for e in found)


def test_year_ranges_and_a_number_of_days_after_a_date():
    cd = page(
        f"{HEADLINE}\n\nKim sent a note 24 days after the June 12 summit, recalling the Korean War of 1950-53 and Japan's 1910-45 rule.\n"
    )
    found = extract_dates(cd, PubDate(published=D(2018, 7, 12)))
    after = find(found, "24 days after the June 12")
    assert (after.date_earliest, after.date_latest) == (D(2018, 7, 6), D(2018, 7, 6))
    war = find(found, "of 1950-53")
    assert (war.date_earliest, war.date_latest) == (D(1950, 1, 1), D(1953, 12, 31))
    assert (find(found, "1910-45").date_earliest, find(found, "1910-45").date_latest) == (
        D(1910, 1, 1),
        D(1945, 12, 31),
    )


def test_a_photo_captions_date_is_a_date_expression_of_the_page():
    text = (
        "Kim Jong Un sent a letter to Putin on Friday.\n\n"
        "Russian President Vladimir Putin, right, and North Korean leader Kim Jong Un shake hands during their "
        "meeting at the Vostochny cosmodrome, Russia on Sept. 13, 2023. (AP Photo)\n\n"
        "The letter praised the ties between the countries.\n"
    )
    cd = page(f"{HEADLINE}\n\n{FILLER}\n\n{text}")
    assert any(ln.cls == "caption" for ln in cd.lines), [(ln.cls, ln.text[:30]) for ln in cd.lines]
    found = extract_dates(cd, PubDate(published=D(2024, 3, 1)))
    e = find(found, "on Sept. 13, 2023")
    assert (e.section, e.date_earliest, e.date_latest) == ("caption", D(2023, 9, 13), D(2023, 9, 13))
    assert cd.doc.text[e.start : e.end] == "on Sept. 13, 2023"  # offsets into the page's text, as for date lines


@pytest.mark.parametrize(
    ("text", "expression", "year"),
    [
        ("The two have drawn closer since Moscow’s 2022 invasion of Ukraine.", "2022", 2022),
        ("Kim hoped that 2025 will be recorded as the first year of victory.", "2025", 2025),
        ("Xi noted to Putin that 2024 marked the 75th anniversary of ties.", "2024", 2024),
    ],
)
def test_a_bare_year_is_a_date_expression(text, expression, year):
    e = find(run(text, published=D(2025, 1, 2)), expression)
    assert (e.date_earliest, e.date_latest) == (D(year, 1, 1), D(year, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "Russia sent 2000 soldiers to the border.",
        "The plane flew 1950 km.",
        "It cost $2020 a month.",
        "Code 2019-07 applies.",
    ],
)
def test_a_number_that_counts_is_no_year(text):
    assert not [e for e in run(text, published=D(2025, 1, 2)) if e.expression in ("2000", "1950", "2020", "2019")]
