"""Letters: who wrote to whom, when and why; one row per letter per article."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis_utils.extract.dates.resolve import extract_dates
from analysis_utils.extract.letters import extract_letters
from analysis_utils.metadata.values import PubDate
from helpers import page

D = dt.date


PUBLISHED = D(2019, 4, 20)


def letters(body: str, published: dt.date = PUBLISHED):
    cd = page(f"Kim writes to Putin on ties\n\n{body}")
    pub = PubDate(published=published, earliest=published, latest=published, precision="day")
    return extract_letters(cd, pub, extract_dates(cd, pub), published)


def pairs(found) -> list[tuple[str, str]]:
    return [(lt.sender, lt.recipient) for lt in found]


def test_a_letter_with_sender_recipient_and_weekday():
    (lt,) = letters("North Korean leader Kim Jong-un on Friday wrote a letter to Russian President Vladimir Putin.")
    assert (lt.sender, lt.recipient) == ("Kim Jong Un", "Vladimir Putin")
    assert (lt.date_earliest, lt.date_latest) == (D(2019, 4, 19), D(2019, 4, 19))
    assert lt.date == "2019-04-19"


def test_mentions_of_the_same_letter_are_merged():
    found = letters(
        "Putin has congratulated Kim on his re-election. "
        "According to a Kremlin press release, Sunday, Putin sent a congratulatory letter after Kim was re-elected.\n\n"
        "The message came amid speculation of a summit.",
        D(2019, 4, 15),
    )
    assert pairs(found) == [("Vladimir Putin", "Kim Jong Un")]
    assert found[0].mentions == 2
    assert found[0].date_earliest == D(2019, 4, 14)
    assert found[0].occasion_type == "re-election"
    assert found[0].channel == "Kremlin"


def test_a_third_party_message_is_its_own_letter():
    found = letters(
        "Putin sent a congratulatory letter to Kim on his re-election.\n\n"
        "Meanwhile, Chinese President Xi Jinping also sent a congratulatory message on Kim's re-election."
    )
    assert pairs(found) == [("Vladimir Putin", "Kim Jong Un"), ("Xi Jinping", "Kim Jong Un")]


def test_an_exchange_of_letters_is_two_letters():
    found = letters("Kim visited Russia in September, after which the two leaders exchanged letters a month later.")
    assert sorted(pairs(found)) == [
        ("Kim Jong Un", "Vladimir Putin"),
        ("Vladimir Putin", "Kim Jong Un"),
    ]


def test_several_recipients_give_several_letters():
    found = letters(
        "Kim sent New Year’s cards on Monday to Putin and Chinese President Xi Jinping, KCNA said.",
        D(2024, 1, 1),
    )
    assert pairs(found) == [("Kim Jong Un", "Vladimir Putin"), ("Kim Jong Un", "Xi Jinping")]
    assert all(lt.date_earliest == D(2024, 1, 1) for lt in found)
    assert all(lt.occasion_type == "new year" for lt in found)


def test_a_received_letter_runs_from_the_giver():
    found = letters("Kim received a letter from Putin on Friday thanking him for his support.")
    assert pairs(found) == [("Vladimir Putin", "Kim Jong Un")]


def test_vague_repeated_exchanges_are_not_a_letter():
    assert letters("The two leaders have exchanged letters on several occasions since 2019.") == []


def test_an_invitation_or_a_denial_is_not_a_letter():
    assert (
        letters(
            "Putin has invited Kim to Russia, according to the Kremlin. Kim did not send a message, officials said."
        )
        == []
    )


def test_the_date_of_the_report_is_not_the_date_of_the_letter():
    (lt,) = letters(
        "Kim sent a message to Putin marking Russia Day, state media said on Wednesday.",
        D(2019, 6, 13),
    )
    assert "Wednesday" not in lt.date_evidence
    assert lt.date_earliest == lt.date_latest == D(2019, 6, 12)  # Russia Day, not the day of the report
    assert lt.occasion_type == "national day"


def test_years_ago_dates_the_anniversary_not_the_year_of_the_event():
    (lt,) = letters(
        "Kim sent the letter to Putin on the occasion of the liberation of the Korean Peninsula from Japanese colonial rule 77 years ago.",
        D(2022, 8, 15),
    )
    assert (lt.date_earliest, lt.date_latest) == (D(2022, 8, 15), D(2022, 8, 15))


def test_the_letter_keeps_its_evidence_sentence():
    cd = page("Kim writes\n\nKim sent a letter to Putin on Friday, KCNA said.")
    pub = PubDate(published=D(2019, 4, 20), earliest=D(2019, 4, 20), latest=D(2019, 4, 20))
    (lt,) = extract_letters(cd, pub, extract_dates(cd, pub), D(2019, 4, 20))
    assert cd.body[lt.start : lt.end].strip() == lt.evidence


def test_a_reply_the_day_after_an_exchange_is_the_exchange_letter_not_another():
    found = letters(
        "Kim and Putin exchanged letters on October 12 marking the anniversary of diplomatic relations.\n\n"
        "In his message, Kim praised the summit. Putin replied the following day, KCNA said.",
        D(2023, 10, 20),
    )
    assert sorted((lt.sender, lt.recipient, lt.date) for lt in found) == [
        ("Kim Jong Un", "Vladimir Putin", "2023-10-12"),
        ("Vladimir Putin", "Kim Jong Un", "2023-10-13"),  # the reply dates the exchange's second letter
    ]


def test_a_letter_days_apart_from_an_exchange_is_another_letter():
    found = letters(
        "Kim and Putin exchanged messages on Sunday marking the anniversary of diplomatic relations.\n\n"
        "Kim's message to Putin on October 1, his birthday greeting, was shorter still.",
        D(2023, 10, 10),
    )
    kim = sorted(lt.date for lt in found if lt.sender == "Kim Jong Un")
    assert kim == ["2023-10-01", "2023-10-08"]


def test_two_letters_in_one_sentence_keep_their_own_dates():
    found = letters(
        "Last Saturday, as North Korea celebrated the anniversary of its founding, Putin sent Kim a message pledging "
        "to strengthen ties “on all fronts,” and Kim had written to Putin on August 15, the anniversary of liberation.",
        D(2023, 9, 14),
    )
    dated = sorted((lt.sender, lt.date) for lt in found)
    assert dated == [("Kim Jong Un", "2023-08-15"), ("Vladimir Putin", "2023-09-09")]


def test_a_participle_after_the_sending_is_the_same_letter():
    found = letters(
        "Putin sent a message to North Korean leader Kim Jong Un congratulating him on the founding anniversary.",
        D(2024, 9, 9),
    )
    assert pairs(found) == [("Vladimir Putin", "Kim Jong Un")]


def test_he_in_a_reported_clause_is_the_subject_who_reports():
    found = letters(
        "Putin has written to Kim often.\n\n"
        "U.S. President Donald Trump told reporters on Tuesday that he had received a beautiful letter from Kim.",
        D(2019, 6, 12),
    )
    assert ("Kim Jong Un", "Donald Trump") in pairs(found)
    assert ("Kim Jong Un", "Vladimir Putin") not in pairs(found)


def test_receiving_a_gift_is_no_letter_but_a_quoted_letter_is():
    gift = letters(
        "Before leaving, he received a parting gift from the governor of Russia's Primorsky region.", D(2023, 9, 19)
    )
    assert gift == []
    quoted = letters("Trump said on Tuesday that he had received a “beautiful letter” from Kim.", D(2019, 6, 12))
    assert pairs(quoted) == [("Kim Jong Un", "Donald Trump")]


def test_letters_for_different_occasions_in_one_week_stay_apart():
    found = letters(
        "The message came days after Kim congratulated Putin on his landslide re-election.\n\n"
        "Kim Jong Un has sent Vladimir Putin a message of condolence over the attack on a concert hall, "
        "state media reported on Sunday.",
        D(2024, 3, 24),
    )
    kinds = sorted(lt.occasion_type for lt in found if lt.sender == "Kim Jong Un")
    assert kinds == ["condolences", "re-election"]


def test_his_message_opening_a_sentence_is_the_last_subjects_and_goes_to_the_other_leader():
    found = letters(
        "Kim has written to Putin on nearly every Russian holiday since the two leaders grew closer. "
        "His Russia Day message of June 12, 2024, sent a week before Putin's visit to Pyongyang, hailed Russia.",
        D(2025, 8, 15),
    )
    assert ("Kim Jong Un", "Vladimir Putin", "2024-06-12") in [(lt.sender, lt.recipient, lt.date) for lt in found]
    assert all(lt.recipient != "North Korea" for lt in found)


def test_a_name_closing_one_paragraph_and_a_role_opening_the_next_are_two_mentions():
    found = letters(
        "Greetings to Chairman of the State Affairs Commission of the DPRK Kim Jong-un\n\n"
        "The President of Russia sent a message of congratulations to Kim Jong-un on the anniversary of liberation.",
        D(2020, 8, 15),
    )
    assert pairs(found) == [("Vladimir Putin", "Kim Jong Un")]


def letters_under(headline: str, body: str, published: dt.date = PUBLISHED):
    cd = page(f"{headline}\n\n{body}")
    pub = PubDate(published=published, earliest=published, latest=published, precision="day")
    return extract_letters(cd, pub, extract_dates(cd, pub), published)


def test_a_letter_without_a_named_recipient_goes_to_the_other_leader_the_story_is_about():
    found = letters_under(
        "Trump says Kim sent him a beautiful letter",
        "Donald Trump said on Monday he had received a letter from Kim Jong Un. "
        "Last year, Trump called one of Kim’s letters a piece of art.",
        D(2019, 6, 11),
    )
    assert set(pairs(found)) == {("Kim Jong Un", "Donald Trump")}


def test_his_letter_is_the_letter_of_his_the_story_told_of():
    found = letters_under(
        "Kim receives letters from Xi and Putin",
        "Kim Jong Un received a personal letter from Chinese President Xi Jinping and a letter from "
        "Russian President Vladimir Putin. In his letter, Xi said the two countries were good neighbours.",
        D(2023, 7, 28),
    )
    assert ("Xi Jinping", "Vladimir Putin") not in pairs(found)
    assert {("Xi Jinping", "Kim Jong Un"), ("Vladimir Putin", "Kim Jong Un")} <= set(pairs(found))


def test_cards_to_the_leaders_of_countries_go_to_the_leader_the_story_names_else_the_country():
    found = letters_under(
        "Kim sends New Year cards",
        "Kim Jong Un sent New Year’s cards to leaders of various countries, including China and Russia, "
        "and to the leaders of Myanmar and Belarus. Russian President Vladimir Putin thanked him.",
        D(2025, 1, 1),
    )
    assert set(pairs(found)) == {
        ("Kim Jong Un", "China"),
        ("Kim Jong Un", "Vladimir Putin"),
        ("Kim Jong Un", "Myanmar"),
        ("Kim Jong Un", "Belarus"),
    }


def test_the_two_men_who_exchanged_are_the_two_named_not_a_pronoun_of_an_earlier_sentence():
    found = letters_under(
        "Letters grow warmer",
        "Kim’s sister, Kim Yo-jong, dismissed Seoul’s gestures. "
        "Kim sent Putin a birthday message in October, calling him his closest comrade, "
        "and the two men exchanged New Year greetings.",
        D(2025, 8, 15),
    )
    assert set(pairs(found)) == {("Kim Jong Un", "Vladimir Putin"), ("Vladimir Putin", "Kim Jong Un")}


def test_two_senders_named_together_send_two_letters():
    found = letters_under(
        "Putin turns 73",
        "Chinese President Xi Jinping and North Korean leader Kim Jong Un sent Russian President Vladimir Putin "
        "warm birthday greetings, Kremlin aide Yury Ushakov told reporters.",
        D(2025, 10, 7),
    )
    assert set(pairs(found)) == {("Xi Jinping", "Vladimir Putin"), ("Kim Jong Un", "Vladimir Putin")}


def test_condolences_expressed_to_a_leader_are_a_message():
    found = letters_under(
        "Kim conveys condolences",
        "North Korean leader Kim Jong Un expresses condolence to Russian President Vladimir Putin over the attack.",
        D(2024, 3, 24),
    )
    assert pairs(found) == [("Kim Jong Un", "Vladimir Putin")]


def test_new_year_greetings_published_before_new_year_are_dated_by_the_story():
    (lt,) = letters_under(
        "Kim sends New Year letter",
        "Kim Jong Un sent a New Year’s letter to Russian President Vladimir Putin.",
        D(2025, 12, 27),
    )
    assert lt.date_earliest <= D(2025, 12, 27) <= lt.date_latest and lt.date_latest <= D(2025, 12, 27)


def test_greetings_exchanged_at_a_meeting_are_no_letter():
    found = letters_under(
        "Putin and Kim meet",
        "Putin and Kim shook hands outside the venue, then sat down in a conference room to exchange greetings "
        "in front of the television cameras.",
        D(2019, 4, 25),
    )
    assert found == []


def test_the_recipients_after_to_stop_where_a_new_clause_begins():
    found = letters_under(
        "Trump wrote to Kim",
        "President Donald Trump recently wrote a letter to North Korean leader Kim Jong-un, Secretary of State "
        "Mike Pompeo confirmed on Sunday.",
        D(2019, 6, 23),
    )
    assert pairs(found) == [("Donald Trump", "Kim Jong Un")]
    assert found[0].date_latest < D(2019, 6, 23) or found[0].date_evidence.startswith("no date")


def test_a_letter_to_a_country_from_a_leader_goes_to_its_leader_and_a_medal_is_no_letter():
    found = letters_under(
        "Moon replies to Kim",
        "Moon Jae-in received a personal letter from Kim Jong-un on Thursday. "
        "In reply, Moon conveyed his gratitude in his own letter delivered to the North the same day. "
        "The message came days after Kim received a commemorative medal from Putin.",
        D(2020, 3, 5),
    )
    assert set(pairs(found)) == {("Kim Jong Un", "Moon Jae-in"), ("Moon Jae-in", "Kim Jong Un")}


def test_a_dated_apposition_dates_the_letter_and_a_back_reference_is_the_same_letter():
    found = letters_under(
        "Kim writes to Moon",
        "North Korean leader Kim Jong-un expressed hope for the well-being of South Koreans in a letter to Moon Jae-in. "
        "The letter, dated Sept. 12, was a reply to Moon's letter to him sent on Sept. 8, an official said. "
        "In his letter to Kim, Moon pointed out that both Koreas are going through big predicaments.",
        D(2020, 9, 25),
    )
    assert sorted((lt.sender, lt.recipient, lt.date) for lt in found) == [
        ("Kim Jong Un", "Moon Jae-in", "2020-09-12"),
        ("Moon Jae-in", "Kim Jong Un", "2020-09-08"),
    ]


def test_a_date_in_what_the_letter_says_does_not_date_it():
    (lt,) = letters_under(
        "Kim wants to meet Moon",
        "Kim Jong Un said in a personal letter to South Korean President Moon Jae-in that he would like to meet "
        "frequently in 2019, the Blue House said.",
        D(2018, 12, 30),
    )
    assert lt.date_latest <= D(2018, 12, 30)


def test_a_note_after_after_is_another_letter_of_the_same_two():
    found = letters_under(
        "Kim sends condolences",
        "It was the second message Kim has sent Putin in less than a week, after a congratulatory note on Monday "
        "on Putin’s victory in the presidential election.",
        D(2024, 3, 24),
    )
    assert ("Kim Jong Un", "Vladimir Putin", "2024-03-18") in {(lt.sender, lt.recipient, lt.date) for lt in found}


def test_an_envoy_carries_the_letter_of_the_one_it_names():
    found = letters_under(
        "Shoigu meets Kim",
        "Russian Security Council Secretary Sergey Shoigu conveyed a message from President Vladimir Putin to North "
        "Korean leader Kim Jong Un during a meeting in Pyongyang. A North Korean official handed a written message to "
        "Russian President Vladimir Putin from North Korean leader Kim Jong-un at a meeting on Thursday.",
        D(2025, 6, 5),
    )
    assert set(pairs(found)) == {("Vladimir Putin", "Kim Jong Un"), ("Kim Jong Un", "Vladimir Putin")}


def test_him_after_the_verb_is_the_person_named_before_it():
    found = letters_under(
        "Kim Dae-jung writes to Kim Jong Il",
        "Earlier this month, a South Korean presidential envoy met Kim Jong-Il in Pyongyang and handed him a letter "
        "from president Kim Dae-Jung urging him to resume talks.",
        D(2002, 4, 20),
    )
    assert pairs(found) == [("Kim Dae-jung", "Kim Jong Il")]


def test_a_leader_congratulated_on_an_occasion_is_sent_a_message_but_not_on_the_phone():
    assert pairs(
        letters_under(
            "Xi congratulates Putin",
            "Xi Jinping on Monday congratulated Vladimir Putin on his reelection as Russian president.",
            D(2024, 3, 18),
        )
    ) == [("Xi Jinping", "Vladimir Putin")]
    assert (
        letters_under(
            "Xi calls Putin",
            "Xi Jinping congratulated Vladimir Putin on his reelection in a phone call on Monday.",
            D(2024, 3, 18),
        )
        == []
    )


def test_new_year_greetings_told_twice_before_the_day_are_one_letter_dated_by_the_day_given():
    body = (
        "Russian President Vladimir Putin has sent a message of greeting to mark New Year's Day to North Korean "
        "leader Kim Jong Un, hailing the friendship of the two countries.\n\n"
        "Kim received the message on Dec. 18, in which Putin extended wholehearted congratulations on the occasion "
        "of the new year, the Korean Central News Agency said."
    )
    found = letters(body, dt.date(2025, 12, 25))
    assert [(lt.sender, lt.recipient, lt.date_earliest, lt.date_latest) for lt in found] == [
        ("Vladimir Putin", "Kim Jong Un", dt.date(2025, 12, 18), dt.date(2025, 12, 18))
    ]


def test_a_reply_implies_the_message_it_answers_dated_before_it():
    body = (
        "Kim Jong Un received a reply message from Xi Jinping, general secretary of the Communist Party of China, "
        "on October 16.\n\nThe reply message says the two parties will deepen their friendship."
    )
    found = letters(body, dt.date(2024, 10, 21))
    got = {(lt.sender, lt.recipient): lt for lt in found}
    assert set(got) == {("Xi Jinping", "Kim Jong Un"), ("Kim Jong Un", "Xi Jinping")}
    implied = got[("Kim Jong Un", "Xi Jinping")]
    assert implied.date_latest == dt.date(2024, 10, 16) and implied.date_earliest < dt.date(2024, 10, 16)
    assert implied.warnings and "implied by a reply" in implied.warnings[0]


def test_a_reply_to_a_message_the_story_tells_adds_nothing():
    body = (
        "Putin sent a message to Kim Jong Un on October 10, wishing him success.\n\n"
        "Kim Jong Un sent a reply message to Putin on October 14, thanking him."
    )
    assert sorted(pairs(letters(body, dt.date(2024, 10, 21)))) == [
        ("Kim Jong Un", "Vladimir Putin"),
        ("Vladimir Putin", "Kim Jong Un"),
    ]


def test_listed_countries_stay_countries_unless_the_story_names_their_leader():
    body = (
        "Kim Jong Un sent a New Year card to Chinese President Xi Jinping.\n\n"
        "On January 18, Rodong Sinmun reported that Kim had sent New Year's letters to heads of state from various "
        "countries, including China, Vietnam and Belarus."
    )
    found = letters(body, dt.date(2026, 1, 18))
    got = {lt.recipient: lt for lt in found if lt.sender == "Kim Jong Un"}
    assert {"Xi Jinping", "Vietnam", "Belarus"} <= set(got), sorted(got)
    assert got["Vietnam"].date_earliest <= dt.date(2026, 1, 1) and got["Vietnam"].date_latest == dt.date(2026, 1, 18)


def test_messages_received_from_a_list_of_leaders_are_one_letter_each():
    body = (
        "Kim also received congratulatory messages from Vietnamese President Nguyen Xuan Phuc, Cuban President "
        "Miguel Diaz-Canel and Lao President Thongloun Sisoulith."
    )
    senders = [lt.sender for lt in letters(body, dt.date(2022, 9, 9))]
    assert len(senders) == 3 and senders[0] == "Nguyen Xuan Phuc" and "Thongloun Sisoulith" in senders, senders


def test_an_envoy_who_gave_a_written_message_carries_the_letter_of_the_one_named_after_it():
    body = "The parliament’s head gave Putin a personal written message from North Korean leader Kim Jong-un."
    assert pairs(letters(body, dt.date(2018, 6, 14))) == [("Kim Jong Un", "Vladimir Putin")]


def test_a_passive_names_its_sender_after_by():
    body = "North Korea’s treatment of the New Year’s greeting card sent by Kim Jong Un to Chinese President Xi Jinping was muted."
    assert pairs(letters(body, dt.date(2026, 1, 18))) == [("Kim Jong Un", "Xi Jinping")]


def test_a_letter_told_in_reported_speech_after_a_fronted_date_is_sent_by_that_day():
    body = (
        "On June 9, the Russian ambassador in Seoul said that South Korean President Yoon Suk Yeol also "
        "congratulated Putin on Russia Day."
    )
    (lt,) = letters(body, dt.date(2023, 6, 12))
    assert (lt.sender, lt.recipient) == ("Yoon Suk Yeol", "Vladimir Putin")
    assert lt.date_latest == dt.date(2023, 6, 9) and lt.date_earliest < dt.date(2023, 6, 9)


def test_greetings_for_a_day_after_their_report_were_sent_ahead_of_it():
    (lt,) = letters(
        "Vladimir Putin sent a message to Kim Jong Un on the 76th anniversary of the founding of the DPRK.",
        published=D(2024, 9, 8),
    )
    assert lt.date_latest == D(2024, 9, 8) and lt.date_earliest < D(2024, 9, 8), lt.date_evidence
    assert "sent ahead" in lt.date_evidence


def test_every_name_of_a_list_of_senders_sends_its_own_letter():
    found = letters(
        "Russian President Vladimir Putin, Emir of Kuwait Sabah Al Ahmad Al Jaber Al Sabah, Syrian President "
        "Bashar Assad, and Azerbaijan’s President Ilham Aliyev were the first world leaders to congratulate "
        "Iranian President Hassan Rouhani on his re-election in separate messages."
    )
    assert sorted(pairs(found)) == [
        ("Bashar al-Assad", "Hassan Rouhani"),
        ("Ilham Aliyev", "Hassan Rouhani"),
        ("Sabah Al Ahmad Al Jaber Al Sabah", "Hassan Rouhani"),
        ("Vladimir Putin", "Hassan Rouhani"),
    ]


def test_a_day_weeks_after_the_report_is_what_the_letter_is_about_not_its_day():
    (lt,) = letters("Trump's letter cancelling a planned summit for June 12 was made public.", published=D(2018, 5, 24))
    assert lt.date_latest == D(2018, 5, 24), lt.date_evidence


def test_new_year_wishes_are_a_message_but_wishes_the_verb_is_not():
    found = letters("Additionally, Putin sent New Year wishes to Pope Francis and Raul Castro of Cuba.")
    assert sorted(pairs(found)) == [("Vladimir Putin", "Pope Francis"), ("Vladimir Putin", "Raul Castro")]
    assert letters("Putin wishes to send troops; he sent troops to the border.") == []


def test_a_list_of_leaders_written_to_runs_past_its_clause_but_not_into_the_next():
    found = letters(
        "Putin also sent greetings to leaders from former Soviet countries like Armenia, Belarus, and Azerbaijan, "
        "as well as leaders from China, India and Turkey."
    )
    assert [r for _, r in pairs(found)] == ["Armenia", "Belarus", "Azerbaijan", "China", "India", "Turkey"]
    found = letters("Putin sent greetings to the leaders of Armenia and Belarus, and Kim Jong Un wrote to Xi Jinping.")
    assert ("Vladimir Putin", "Kim Jong Un") not in pairs(found), pairs(found)


def test_a_year_compared_with_is_not_the_letters_date():
    (lt,) = letters("Putin sent New Year greetings to Kim Jong Un, two more than in 2017.", published=D(2019, 1, 2))
    assert lt.date_earliest is None or lt.date_earliest.year >= 2018, lt.date_evidence


def test_reciprocated_answers_the_letter_just_told_of_and_a_later_events_date_is_not_the_first_letters():
    found = letters(
        "On Dec. 27, it announced that Putin had sent a New Year’s message to Kim Jong Un, followed by a Dec. 31 "
        "report that Kim had reciprocated.",
        published=D(2025, 1, 1),
    )
    by_pair = {(lt.sender, lt.recipient): lt for lt in found}
    assert set(by_pair) == {("Vladimir Putin", "Kim Jong Un"), ("Kim Jong Un", "Vladimir Putin")}
    putins = by_pair[("Vladimir Putin", "Kim Jong Un")]
    assert putins.date_latest == D(2024, 12, 27), putins.date_evidence
    assert by_pair[("Kim Jong Un", "Vladimir Putin")].date_latest == D(2024, 12, 31)


def test_reciprocated_with_no_letter_to_the_one_who_reciprocates_is_no_letter():
    assert letters("Kim Jong Un welcomed the Russian delegation, and Putin reciprocated with a banquet.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Kim Jong Un received messages from the leaders of Vietnam, Mongolia and Belarus.",
        "Xi's message to Kim Jong Un was listed alongside those from the leaders of Vietnam, Mongolia and Belarus.",
        "Xi's message to Kim Jong Un was listed alongside messages from the leaders of Vietnam, Mongolia and Belarus.",
    ],
)
def test_messages_from_the_leaders_of_listed_countries_are_one_letter_each(body):
    got = [s for s, r in pairs(letters(body)) if r == "Kim Jong Un"]
    assert {"Vietnam", "Mongolia", "Belarus"} <= set(got), got


def test_a_message_in_response_to_news_reports_answers_no_letter():
    found = letters(
        "Kim Jong Un sent a message consoling Vladimir Putin over floods.\n\n"
        "Kim's message came in response to media reports that Russia declared a federal emergency."
    )
    assert pairs(found) == [("Kim Jong Un", "Vladimir Putin")]


def test_a_second_message_as_well_as_the_first_is_another_letter():
    found = letters(
        "In March, Kim sent a congratulatory message to Putin on his reelection, as well as a message of condolence "
        "over a deadly shooting at a concert venue in Moscow."
    )
    assert pairs(found) == [("Kim Jong Un", "Vladimir Putin"), ("Kim Jong Un", "Vladimir Putin")]


def test_also_sent_with_no_recipient_goes_to_the_last_letters_recipient():
    found = letters(
        "Kim Jong Un on Thursday sent a condolence message to South Korean President Moon Jae-in.\n\n"
        'Pope Francis also sent a message saying, "I was saddened to learn of the death of your dear mother."'
    )
    assert ("Pope Francis", "Moon Jae-in") in pairs(found), pairs(found)


def test_lukashenka_is_lukashenko():
    found = letters("Right after Putin left Minsk on Friday, he sent a telegram to Lukashenka, his closest ally.")
    assert pairs(found) == [("Vladimir Putin", "Alexander Lukashenko")]


def test_a_passive_names_its_sender_after_the_recipient_too():
    found = letters(
        "In a telegraph that was sent to Donald Trump by Putin, the Russian president hoped the crisis would end."
    )
    assert pairs(found) == [("Vladimir Putin", "Donald Trump")]


def test_a_senders_titles_in_apposition_do_not_make_his_country_the_sender():
    found = letters(
        "Kim Jong Un, chairman of the Workers' Party of Korea (WPK) and chairman of the State Affairs Commission of "
        "the Democratic People's Republic of Korea (DPRK), sent a message of greeting to Xi Jinping on October 1."
    )
    assert pairs(found) == [("Kim Jong Un", "Xi Jinping")]


@pytest.mark.parametrize("name", ["S. M. Mironov", "G. A. Zhuganov"])
def test_a_name_with_initials_and_a_title_after_it_sends_a_letter(name):
    found = letters(
        f'Kim Jong Un received a congratulatory message from {name}, chairman of "A Just Russia", on May 11.'
    )
    assert pairs(found) == [(name, "Kim Jong Un")]


def test_swapped_letters_are_an_exchange_and_a_president_elect_is_a_person():
    found = letters(
        "New intelligence shows Russian President Vladimir Putin and North Korean leader Kim Jong Un have swapped "
        "letters as Moscow looks for munitions."
    )
    assert sorted(pairs(found)) == [("Kim Jong Un", "Vladimir Putin"), ("Vladimir Putin", "Kim Jong Un")]
    found = letters(
        "Russian President Vladimir Putin congratulated Philippine president-elect Ferdinand Marcos Jr., saying he "
        "hoped that his victory would strengthen ties, in a message on Tuesday."
    )
    assert [r for _, r in pairs(found)] == ["Ferdinand Marcos Jr"]
