"""Publication dates: printed, inferred from the text, or left open with bounds, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis_utils.metadata.pubdate import infer_pubdate as infer
from helpers import page

TODAY = dt.date(2026, 11, 23)
D = dt.date


def pub(text: str):
    return infer(page(text), TODAY)


def test_a_labelled_date_line_is_the_publication_date():
    p = pub(
        "Kim writes to Putin\n\nPublished: 20th April 2019 09:18 PM\n\nBy ANI\n\nPYONGYANG: Kim wrote a letter on Friday to Putin.\n"
    )
    assert p.published == D(2019, 4, 20)
    assert p.precision == "day"
    assert "Published: 20th April 2019" in p.evidence


def test_a_date_line_under_the_headline_is_the_publication_date():
    p = pub("Putin calls for closer ties\n\nSat Sep 09 2023\nicon-facebook\n\nMOSCOW: Putin sent greetings to Kim.\n")
    assert p.published == D(2023, 9, 9)


def test_a_today_banner_above_the_page_is_only_an_upper_bound():
    text = (
        "Wednesday, April 17, 2024\nHomeWorldAsiaKim and Putin exchange letters\n\nKim and Putin exchange letters\n\n"
        "Kim wrote a letter on Friday to Putin, pledging to strengthen ties, the state media said today.\n"
    )
    p = pub(text)
    assert p.published is None
    assert p.page_date == D(2024, 4, 17)
    assert p.latest is None or p.latest <= D(2024, 4, 17)


def test_a_dateline_without_year_takes_the_year_from_years_ago():
    p = pub(
        "Kim expresses desire for ties\n\nSeoul, Aug 15 (EFE).- Kim sent a message to Putin, state media said on Monday.\n\n"
        "Kim sent the letter on the occasion of the liberation of the Korean Peninsula from Japanese colonial rule 77 years ago.\n"
    )
    assert p.published == D(2022, 8, 15)
    assert "77 years ago" in p.evidence


def test_a_dateline_without_year_takes_the_year_from_an_anniversary():
    p = pub(
        "Putin congratulates Kim\n\nPYONGYANG, September 9. /TASS/. Putin congratulated Kim Jong Un on the "
        "76th anniversary of the founding of the republic, KCNA reported.\n"
    )
    assert p.published == D(2024, 9, 9)


def test_a_dateline_without_year_takes_the_year_from_an_age():
    p = pub("PYONGYANG, Oct. 7 (Xinhua) -- Kim sent greetings to Putin on Saturday.\n\nPutin turned 71 on Saturday.\n")
    assert p.published == D(2023, 10, 7)


def test_a_weekday_after_the_latest_dated_fact_is_the_news_peg():
    p = pub(
        "Putin sends letter to Kim\n\nBy Yi Whan-woo\n\nPutin congratulated Kim on his re-election.\n\n"
        "According to a Kremlin press release, Sunday, Putin sent a congratulatory letter.\n\n"
        "On April 11, a Japanese newspaper reported they will soon meet.\n\n"
        "Kim is stepping up efforts after the Hanoi summit collapse between Kim and U.S. President Donald Trump in late February.\n"
    )
    assert p.published == D(2019, 4, 14)  # the day of the report (NEWS_LAG_DAYS)
    assert "Sunday" in p.evidence and "reported the same day" in p.evidence


def test_the_anniversary_a_letter_marks_is_the_news_peg():
    p = pub(
        "Wednesday, April 17, 2024\n\nKim and Putin exchange letters\n\n"
        "The North Korean leader wrote to the Russian president on the 75th anniversary of bilateral relations.\n"
    )
    assert p.earliest == D(2023, 10, 12)
    assert p.latest <= D(2023, 10, 13)


def test_former_president_bounds_the_date_from_below():
    p = pub(
        "Kim writes to Putin\n\nKim met former U.S. President Donald Trump three times, officials said at a briefing.\n"
        "The message came two days after the summit marking the 75th anniversary of diplomatic relations.\n"
    )
    assert p.earliest >= D(2021, 1, 20)


def test_bounds_wider_than_a_year_do_not_date_the_story_but_stay_in_the_evidence():
    p = pub(
        "Kim writes to Putin\n\nKim met former U.S. President Donald Trump three times, officials said at a briefing.\n"
    )
    assert p.published is None and p.earliest is None and p.latest is None
    assert "only bounds it to 2021-01-20.." in p.evidence and "Donald Trump" in p.evidence
    assert "publication date unknown (only loose bounds)" in p.warnings


def test_no_evidence_leaves_the_date_open():
    p = pub("Kim writes to Putin\n\nKim wrote to Putin about friendship, officials said in a statement.\n")
    assert p.published is None and p.earliest is None and p.latest is None
    assert "publication date unknown" in p.warnings


def test_conflicting_evidence_is_set_aside_with_a_warning():
    p = pub(
        "PYONGYANG, Oct. 7 (Xinhua) -- Kim sent greetings to Putin.\n\nPutin turned 71 on Saturday.\n\n"
        "Kim met former U.S. President Joe Biden in 2019, officials said.\n"
    )
    assert p.published == D(2023, 10, 7)


def test_a_printed_weekday_that_disagrees_is_a_warning():
    p = pub("Kim writes to Putin\n\nFriday, September 9, 2023\n\nKim sent a message to Putin, officials said.\n")
    assert p.published == D(2023, 9, 9)
    assert any("weekday" in w for w in p.warnings)


def test_kim_jong_un_as_leader_bounds_the_year_of_a_dateline_from_below():
    p = pub(
        "Kim writes to Putin\n\nSEOUL, March 19 (Reuters) - North Korean leader Kim Jong Un sent a message on Tuesday.\n"
    )
    assert p.earliest is not None and p.earliest >= D(2012, 1, 1)


def _events_named(sentence: str) -> list[str]:
    from analysis_utils.text.known_events import event_mentions as _event_mentions

    return [ev.name for _a, _b, evs in _event_mentions(sentence) for ev in evs]


def test_the_first_visit_in_n_years_is_the_visit_n_years_after_the_first():
    later = _events_named("They signed it during Putin's first visit to Pyongyang in 24 years.")
    assert later == ["Putin's state visit to Pyongyang (Putin-Kim summit)"]
    trip = _events_named("It is Mr Putin's first trip to North Korea in 24 years, since July 2000.")
    assert trip == ["Putin's state visit to Pyongyang (Putin-Kim summit)"]
    assert _events_named("It was Putin's first visit to Pyongyang, in July 2000.") == [
        "Putin's first visit to Pyongyang (Putin-Kim Jong Il summit)"
    ]


def test_the_first_visit_in_decades_or_an_unknown_gap_names_no_event():
    assert _events_named("They met during Putin's first visit to Pyongyang in more than two decades.") == []
    assert _events_named("They met during Putin's first visit to Pyongyang in 11 years.") == []


def test_the_first_visit_in_24_years_pegs_the_story_to_the_later_visit():
    p = pub(
        "Thursday, July 11, 2024\nKim and Putin sign treaty\n\nKim and Putin sign treaty\n\n"
        "Kim and Putin signed a treaty on Wednesday during Putin's first visit to Pyongyang in 24 years.\n"
    )
    assert p.earliest == D(2024, 6, 19)
    assert p.latest is not None and p.latest <= D(2024, 6, 26)


def test_a_weekday_in_the_lede_on_which_a_named_event_fell_is_the_news_peg():
    p = pub(
        "Putin and Kim pledge mutual help\n\nUpdated 3 hours ago\n\n"
        "Putin and Kim signed a pact at a summit in Pyongyang on Wednesday.\n\n"
        "It is Mr Putin's first trip to North Korea in 24 years, since July 2000.\n"
    )
    assert p.earliest == D(2024, 6, 19)  # the visit, a Wednesday
    assert p.latest is not None and p.latest <= D(2024, 6, 20)
    assert "news peg" in p.evidence


def test_a_time_stamp_above_the_headline_is_the_storys_but_a_mirror_time_is_not():
    stamp = pub(
        "Meduza\nNews  Features\n24.03.2024, 14:05\nKim sends Putin condolences\n\nKim sent Putin a message on Sunday.\n"
    )
    assert stamp.published == D(2024, 3, 24)
    mirror = pub(
        "Mirrored: Thu 2 Jan 2025 03:14 UTC\nKim and Putin exchange greetings\n\n"
        "Kim and Putin exchanged greetings on Tuesday, state media said.\n"
    )
    assert mirror.published is None and mirror.page_date == D(2025, 1, 2)


def test_a_printed_date_does_not_depend_on_the_day_the_page_is_read():
    p = pub("Kim writes to Putin\n\nPublished: 20th April 2019 09:18 PM\n\nKim wrote a letter on Friday to Putin.\n")
    assert p.published == D(2019, 4, 20) and not p.today_bound


def test_an_inferred_date_is_bounded_by_today_and_says_so():
    p = pub("Kim writes to Putin\n\nKim wrote a letter on Friday to Putin, marking the 75th anniversary of ties.\n")
    assert p.today_bound
    assert p.latest is None or p.latest <= TODAY


def test_an_index_line_is_the_storys_date_unless_the_text_contradicts_it():
    p = pub(
        " date 2021-01-12 BEIJING, Jan. 11 (Xinhua) -- Xi sent a message to Kim on Monday.\n\nXi said he was glad.\n"
    )
    assert p.published == D(2021, 1, 12)
    assert "index line" in p.evidence and "dateline" in p.evidence
    late = pub(
        " date 2021-03-30 BEIJING, Jan. 11 (Xinhua) -- Xi sent a message to Kim on Monday.\n\nXi said he was glad.\n"
    )
    assert late.published != D(2021, 3, 30)
    assert any("does not fit the story" in w and "dateline" in w for w in late.warnings)
    bare = pub(" date 2024-01-12\nKim sends New Year cards\n\nKim sent New Year cards to Putin, KCNA said.\n")
    assert bare.published == D(2024, 1, 12) and "nothing in it contradicts it" in bare.evidence


def test_a_yearless_dateline_takes_the_year_its_day_falls_on_the_ledes_first_weekday():
    text = (
        "Kremlin worried\n\nMOSCOW, January 6 (TASS) - The Kremlin is worried, Peskov told reporters on Wednesday.\n\n"
        "North Korea conducted nuclear tests in 2006, in 2009 and in 2013.\n"
    )
    p = pub(text)
    # 6 January fell on a Wednesday in 2016 and 2021: the first after the latest dated fact (2013)
    assert p.published == D(2016, 1, 6)
    assert "weekday agreement" in p.evidence and "latest dated fact" in p.evidence


def test_a_date_with_its_weekday_in_the_lede_dates_the_report():
    p = pub(
        "Speaker hands Putin's letter to Kim\n\nKim Jong Un. © REUTERS / KCNA – Kim received letters from Putin today.\n\n"
        "Reporting from Russia Today, Saturday (8/9/2018), the letter was given by Valentina Matvienko.\n"
    )
    # 8 September 2018 was a Saturday (9 August a Thursday): the weekday also settles the order
    assert p.published == D(2018, 9, 8)
    assert "weekday" in p.evidence


def test_an_anniversary_still_to_come_is_an_upper_bound_not_the_news_peg():
    p = pub(
        "Kim to visit Moscow\n\nSEOUL, January 13 (TASS) - Kim Jong Un will attend the celebrations of the 70th "
        "anniversary of the victory in the Great Patriotic War in Moscow, Yonhap reported on Tuesday.\n\n"
        "Kim, who took power in late 2011, has not travelled abroad since.\n"
    )
    assert p.published == D(2015, 1, 13)
    assert "still to come" in p.evidence


def test_victory_day_counts_from_the_victory_whose_anniversary_has_come():
    p = pub(
        "Putin hosts parade\n\nPutin hosted the 80th anniversary Victory Day parade on Red Square on the 9th, "
        "with Xi Jinping beside him, state media said on Friday.\n"
    )
    # the 80th anniversary of 9 May 1945 (not of 27 July 1953, still to come in 2033)
    assert p.earliest is not None and p.earliest.year == 2025 and p.latest.year == 2025


def test_the_end_of_world_war_ii_spans_both_its_ends():
    p = pub(
        " date 2020-05-09\nKim writes to Putin\n\nSEOUL, May 9 (Yonhap) -- Kim Jong Un sent a message to Putin on "
        "Saturday on the occasion of the 75th anniversary of the end of World War II, state media reported.\n"
    )
    assert p.published == D(2020, 5, 9)


def test_an_event_told_as_last_week_dates_the_story_and_sets_aside_a_site_date():
    p = pub(
        "April 27, 2024\nNews\n\nKim Jong Un expresses condolences to Putin over deadly Moscow terrorist attack\n\n"
        "North Korean leader Kim Jong Un has expressed condolences to Vladimir Putin over the deadly terrorist attack "
        "at a concert hall in Moscow last week.\n"
    )
    # the Crocus City Hall attack was on Friday 22 March 2024: "last week" is the week of 25 March
    assert (p.earliest, p.latest) == (D(2024, 3, 25), D(2024, 3, 31))
    assert any("does not fit the story" in w for w in p.warnings)


def test_an_unlabelled_stamp_that_the_news_peg_contradicts_is_not_the_storys_date():
    p = pub(
        "N. Korean leader sends condolences to Putin over Russian concert hall shooting     DATE: 2024-09-21 00:34:19\n\n"
        "North Korean leader Kim Jong-un has sent a message of condolence to Russian President Vladimir Putin following "
        "a deadly shooting at a concert venue in Moscow, Pyongyang's state media said Sunday.\n\n"
        "Gunmen opened fire at the venue in the Russian capital Friday, leaving at least 133 dead.\n"
    )
    assert p.published == D(2024, 3, 24)  # the Sunday after the Crocus City Hall attack (Friday 22 March 2024)
    assert any("is not the story's date" in w for w in p.warnings)


def test_a_weekday_on_a_holiday_picks_the_year_the_holiday_fell_on_it():
    text = (
        "Putin greets Kim\n\nPutin on Tuesday sent a telegram on the occasion of Korea's National Liberation Day "
        "to Kim Jong Un and to South Korean President Yoon Suk-yeol.\n"
    )
    p = pub(text)  # Yoon's term (2022-05..2025-04): 15 August was a Tuesday in 2023 only
    assert p.published == D(2023, 8, 15), p.evidence
    assert "Liberation" in p.evidence


def test_a_file_photo_caption_dates_a_past_event_not_the_story():
    caption = "Putin greets Kim at the Vostochny cosmodrome, 13 September 2023. EFE-EPA FILE/POOL\n\n"
    story = "Kim, Putin exchange messages\n\nSeoul, Oct 12 (EFE).- Kim and Putin exchanged messages, KCNA reported on Thursday.\n"
    p = pub(caption + story)
    assert p.published == D(2023, 10, 12), p.evidence  # the first Thursday 12 October after the photo


def test_a_yearless_day_in_the_lede_is_the_first_after_the_latest_dated_fact():
    text = (
        "Kim's cards\n\nNorth Korea's Rodong Sinmun reported on Dec. 31, 2024, that Kim visited new hotels.\n\n"
        "The Korean Central News Agency reported on Jan. 1 that Kim had received New Year's greetings from Xi.\n"
    )
    p = pub(text)
    assert p.published == D(2025, 1, 1), p.evidence


def test_an_anniversary_told_as_past_is_not_the_news_peg():
    text = (
        "Kim's cards\n\nKim's visit to Beijing last September for the 80th anniversary of the end of World War II "
        "had sparked speculation about improving ties.\n"
    )
    p = pub(text)
    assert p.published is None, p.evidence
    assert "2025-03-10..2026-11-23" in p.evidence and "told as past" in p.evidence


def test_the_founding_anniversary_of_the_dprk_dates_a_greeting():
    text = (
        "Greetings to Kim Jong Un\n\nKim Jong Un on September 9 received a message of greetings from V. Putin.\n\n"
        "The message offered felicitations on the occasion of the 73rd founding anniversary of the DPRK.\n"
    )
    assert pub(text).published == D(2021, 9, 9)


def test_his_birthday_is_the_birthday_of_the_name_before_it():
    p = pub(
        "Putin greets Modi\n\nRussian President Vladimir Putin on Thursday greeted Prime Minister Modi on his 70th birthday.\n"
    )
    assert "aged 70" not in p.evidence, p.evidence  # Modi's birthday, not Putin's (2022)


def test_a_weekday_does_not_pick_the_year_of_an_anniversary_named_only_in_passing():
    text = (
        "Kim thanks Putin\n\nKim Jong Un sent a letter to Vladimir Putin on Monday, KCNA said.\n\n"
        "Their meeting on Sept. 13, 2023 deepened the diplomatic relations of the two countries.\n"
    )
    p = pub(text)
    assert p.published == D(2023, 9, 18), p.evidence  # the first Monday after the meeting, not a 12 October


def test_a_year_that_marked_an_anniversary_is_behind_the_story():
    text = (
        "Xi writes to Putin\n\nXi sent a New Year's message to Putin, state media reported on Tuesday.\n\n"
        "Xi noted that 2024 marked the 75th anniversary of diplomatic relations between China and Russia.\n"
    )
    p = pub(text)
    assert p.published is None and "told as past" in p.evidence, p.evidence


def test_an_anniversary_named_with_a_curly_apostrophe_still_dates_the_story():
    # the alias list holds both spellings of the event's name: they must name one event, not two that cancel out
    text = (
        "Putin greets Kim\n\nSEOUL, September 9. /TASS/. Russian President Vladimir Putin congratulated Kim Jong-un "
        "on the 74th anniversary of the founding of the Democratic People\u2019s Republic of Korea, KCNA reported on Friday.\n"
    )
    p = pub(text)
    assert p.published == D(2022, 9, 9), p.evidence  # a Friday 9 September: 2016 too, but the 74th was in 2022


def test_an_index_line_on_the_eve_of_the_anniversary_its_greetings_mark_is_kept():
    text = (
        " date 2024-09-08 https://example.com/putin-greets-kim\n\nPutin greets Kim\n\n"
        "Vladimir Putin sent a message to Kim Jong Un on the 76th anniversary of the founding of the DPRK.\n"
    )
    p = pub(text)
    assert p.published == D(2024, 9, 8), p.evidence
    text = text.replace("2024-09-08", "2024-09-02")  # a week early is another story's date
    assert pub(text).published != D(2024, 9, 2)


def test_an_event_a_sentence_says_will_not_take_place_has_not_happened():
    text = (
        " date 2018-05-24 Trump's letter to Kim\n\nTrump's letter to Kim\n\n"
        "Please let this letter serve to represent that the Singapore summit, for the good of both parties, "
        "will not take place.\n"
    )
    p = pub(text)
    assert p.published == D(2018, 5, 24), p.evidence


def test_the_year_new_year_greetings_hope_for_places_the_story_around_its_first_day():
    text = (
        "Kim greets Putin\n\nKim Jong-un sent a New Year’s message to Vladimir Putin.\n\n"
        "Kim expressed hope that 2025 would mark a year of victory.\n"
    )
    p = pub(text)
    assert (p.earliest, p.latest) == (D(2024, 12, 1), D(2025, 1, 31)), p.evidence
    told_after = text.replace("Kim expressed hope that 2025", "Kim had hoped that 2025")
    assert pub(told_after).latest != D(2025, 1, 31)  # told from after it: no bound


def test_a_year_still_to_come_is_an_upper_bound():
    p = pub("Kim and Putin\n\nKim Jong Un met Vladimir Putin. Officials expect that 2019 will bring a second summit.\n")
    assert "..2019-12-31" in p.evidence and "still to come" in p.evidence, p.evidence  # too loose to be kept


def test_a_yearless_dateline_is_the_first_such_day_after_the_storys_latest_dated_fact():
    text = (
        "Kim congratulates Putin\n\nPyongyang, March 18 (KCNA) -- Kim Jong Un on March 18 sent a congratulatory "
        "message to Vladimir Putin on his reelection.\n\nTheir talks in September 2023 opened a new chapter.\n"
    )
    p = pub(text)
    assert p.published == D(2024, 3, 18), p.evidence


def test_an_office_taken_is_not_a_fact_the_news_follows():
    text = (
        "Greetings to Kim Jong Un\n\nPyongyang, August 15 (KCNA) — Kim Jong Un, chairman of the State Affairs "
        "Commission of the DPRK, received a message of greeting from Vladimir Putin on August 11.\n"
    )
    p = pub(text)
    assert p.published is None, p.evidence  # 2016 or any later year: the text does not say


@pytest.mark.parametrize(
    ("line", "lo", "hi"),
    [
        ("Xi noted to Putin that 2024 marked the 75th anniversary of diplomatic ties.", D(2024, 12, 1), D(2025, 1, 31)),
        ("Kim sent his best wishes to Putin and the Russian people for New Year 2026.", D(2025, 12, 1), D(2026, 1, 31)),
    ],
)
def test_the_year_new_year_greetings_close_or_name_places_the_story(line, lo, hi):
    p = pub(f"Xi writes to Putin\n\nXi Jinping sent a New Year's message to Vladimir Putin.\n\n{line}\n")
    assert (p.earliest, p.latest) == (lo, hi), p.evidence


def test_an_index_line_with_only_a_month_bounds_the_story_to_it():
    p = pub(
        " date 2023-10 https://example.com/putin-congratulates-kim\n\nPutin Congratulates Kim Jong Un\n\n"
        "Russian President Vladimir Putin on Thursday congratulated Kim Jong Un on the anniversary of ties.\n"
    )
    assert p.earliest >= D(2023, 10, 1) and p.latest <= D(2023, 10, 31), p.evidence


def test_the_day_the_lede_says_the_news_was_reported_is_the_storys():
    p = pub(
        "Kim writes to Putin\n\nSEOUL – Kim Jong Un pledged to solidify ties with Russia, according to a letter he sent "
        "to President Vladimir Putin on December 30, as reported by state media KCNA on December 31.\n\n"
        "In his message, Kim extended New Year greetings to Putin. Kim wished that 2025 would be recorded as the "
        "first year of victory.\n"
    )
    assert p.published == D(2024, 12, 31), p.evidence
