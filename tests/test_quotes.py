"""Quotations: the marks that open and close them, and who speaks."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis_utils.extract.quotes import extract_quotes
from analysis_utils.text.quotemarks import find_spans
from helpers import page

WHEN = dt.date(2023, 9, 9)


def quotes(body: str, headline: str = "Kim writes to Putin on ties"):
    return extract_quotes(page(f"{headline}\n\n{body}"), WHEN)


def spoken(body: str, headline: str = "Kim writes to Putin on ties") -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(body, headline).quotes]


def texts(text: str) -> list[str]:
    spans, _ = find_spans(text)
    return [text[a:b] for a, b, _, _ in spans]


def test_curly_double_quotes():
    assert texts("He said “we are friends,” and left.") == ["we are friends,"]


def test_straight_double_quotes():
    assert texts('He said "we are friends," and "allies" too.') == ["we are friends,", "allies"]


def test_apostrophes_never_end_a_quotation():
    text = "“I hope the country’s people, who don’t fear the imperialists’ persistent policy, will win.”"
    assert texts(text) == [text[1:-1]]


def test_single_quoted_phrase_in_a_headline():
    assert texts("Putin Calls for Closer Ties with North Korea ‘on All Fronts’: Kremlin") == ["on All Fronts"]


def test_straight_single_quotes_in_a_headline_but_not_apostrophes():
    assert texts("Kim's letter hails 'invincible friendship' with Russia's Putin") == ["invincible friendship"]


def test_a_plural_possessive_inside_single_quotes_does_not_close_them():
    assert texts("He denounced ‘the hostile forces’ military threats’ in the letter.") == [
        "the hostile forces’ military threats"
    ]


def test_a_quotation_over_two_paragraphs_is_one_row_per_paragraph_with_one_speaker():
    body = "“We will stand together, and we will prevail over every hardship,\n\n“because our friendship is invincible,” Kim wrote."
    r = quotes(body)
    assert [q.text for q in r.quotes] == [
        "We will stand together, and we will prevail over every hardship,",
        "because our friendship is invincible,",
    ]
    assert {q.speaker for q in r.quotes} == {"Kim Jong Un"}
    assert r.quotes[0].group == r.quotes[1].group != ""
    assert [q.part for q in r.quotes] == [1, 2]
    assert not r.warnings


def test_a_quotation_over_three_paragraphs_in_straight_marks_keeps_every_paragraph():
    body = (
        'The message said:\n\n"We will stand together, and we will prevail over every hardship.\n\n'
        '"Our friendship has been raised to the level of an alliance.\n\n'
        '"I wish you good health and success in your work."\n\nKIM JONG UN'
    )
    r = quotes(body)
    assert [q.text for q in r.quotes] == [
        "We will stand together, and we will prevail over every hardship.",
        "Our friendship has been raised to the level of an alliance.",  # a straight opening mark is not a close
        "I wish you good health and success in your work.",
    ]
    assert [q.part for q in r.quotes] == [1, 2, 3]
    assert not any("unbalanced" in w or "closing" in w for w in r.warnings)


def test_an_unbalanced_mark_gives_a_warning_not_a_crash():
    r = quotes("Kim said “we are friends and we will stay so for ever.\n\nPutin agreed with him on that point.")
    assert [q.text for q in r.quotes] == ["we are friends and we will stay so for ever."]
    assert any("unbalanced" in w for w in r.warnings)


def test_a_stray_closing_mark_is_a_warning():
    r = quotes("Kim said we are friends” and left for home on the train.")
    assert r.quotes == []
    assert any("closing quotation mark" in w for w in r.warnings)


@pytest.mark.parametrize(
    "body, speaker",
    [
        ('"I am confident that our ties will grow," Putin wrote.', "Vladimir Putin"),
        (
            '"I am confident that our ties will grow," said Kremlin spokesman Dmitry Peskov.',
            "Dmitry Peskov",
        ),
        (
            "Putin remarked, “I am convinced that our joint efforts will bear fruit.”",
            "Vladimir Putin",
        ),
        ('Peskov added that "Russia will be ready to do everything to help."', "Dmitry Peskov"),
        (
            "The Kremlin said the leader will visit Russia “in the second half of April” this year.",
            "Kremlin",
        ),
        ('KCNA quoted Kim Jong Un as saying "the friendship will grow stronger".', "Kim Jong Un"),
        ('"The friendship will grow stronger," KCNA quoted Kim Jong Un as saying.', "Kim Jong Un"),
        (
            "Pyongyang has blamed the US for causing the “incident in Ukraine” with its policy.",
            "North Korea",
        ),
        (
            '"We will always stand with Russia," Kim Jong-un said, according to state media.',
            "Kim Jong Un",
        ),
        (
            "The supreme leader also expressed confidence that “friendly and cooperative relations” will grow.",
            "Kim Jong Un",
        ),
    ],
)
def test_reporting_cues_name_the_speaker(body, speaker):
    assert spoken(body)[0][1] == speaker


def test_the_letter_speaks_for_its_author():
    body = (
        "North Korean leader Kim Jong-un on Friday wrote a letter to Russian President Vladimir Putin.\n\n"
        '"It is fully compatible with our common interests," the state-run KCNA cited the letter as saying.\n\n'
        '"I have a willingness to cooperate closely with you," it read.'
    )
    assert [s for _, s in spoken(body)] == ["Kim Jong Un", "Kim Jong Un"]


def test_a_pronoun_is_the_sentence_subject_not_the_nearest_name():
    body = "Kim congratulated Putin on defeating what he called “hegemony and pressure from the imperialists.”"
    assert spoken(body) == [("hegemony and pressure from the imperialists.", "Kim Jong Un")]


def test_a_quotation_with_no_cue_continues_the_speaker_before():
    body = (
        '"I am confident that your activities will facilitate friendly relations," Putin wrote.\n\n'
        '"I sincerely wish you success, sound health and prosperity."'
    )
    assert [s for _, s in spoken(body)] == ["Vladimir Putin", "Vladimir Putin"]


def test_a_quotation_after_a_reply_letter_belongs_to_the_replier():
    body = (
        "Kim Jong Un expressed confidence in the relations. Putin wrote a letter in response, noting the meeting.\n\n"
        "“I am convinced that to implement the agreements will expand our cooperation.”"
    )
    assert spoken(body)[-1][1] == "Vladimir Putin"


def test_a_media_cue_defers_to_the_person_speaking():
    body = 'Kim said he was ready to develop relations "in keeping with the requirements of the new era," KCNA said.'
    assert spoken(body)[0][1] == "Kim Jong Un"


def test_a_coordinated_verb_shares_its_subject():
    body = "Kim congratulated Putin on his birthday and said the people had “smashed the threats of the US.”"
    assert spoken(body)[0][1] == "Kim Jong Un"


def test_a_headline_quotation_belongs_to_the_headline_subject():
    r = quotes(
        "MOSCOW: Putin sent greetings to Kim.",
        headline="Putin Calls for Closer Ties with North Korea ‘on All Fronts’: Kremlin",
    )
    q = r.quotes[0]
    assert (q.text, q.speaker, q.section) == ("on All Fronts", "Vladimir Putin", "headline")


def test_quote_offsets_point_at_the_quoted_words():
    cd = page(
        'Kim writes\n\nPutin remarked, “I am convinced that our joint efforts will bear fruit.”\n\n"Thank you," Kim said.'
    )
    for q in extract_quotes(cd, WHEN).quotes:
        assert cd.body[q.start : q.end] == q.text


def test_spelling_variants_of_a_name_come_out_canonical():
    body = '"We are friends," Kim Jong-Un said. "We are allies," Kim Jong-un added. "Yes," said Kim Jong Un.'
    assert {s for _, s in spoken(body)} == {"Kim Jong Un"}


def test_a_person_the_gazetteer_does_not_know_is_named_where_they_speak():
    body = (
        '"The letters are a signal to Washington," said Leif-Eric Easley, a professor at Ewha University in Seoul.\n\n'
        '"They matter more than the summit," Easley added.'
    )
    assert spoken(body) == [
        ("The letters are a signal to Washington,", "Leif-Eric Easley"),
        ("They matter more than the summit,", "Leif-Eric Easley"),
    ]


def test_an_institution_speaks_when_the_text_says_so():
    body = 'A US State Department spokesperson said the exchange was "deeply concerning for the region."'
    assert spoken(body)[0][1] == "US State Department"


def test_he_said_before_the_quotation_speaks_and_the_agency_after_only_reports_it():
    r = spoken(
        "Kim replied the same day, thanking Putin for his help. "
        "He said he had “deeply felt the special feelings of a true friend,” KCNA reported."
    )
    assert r == [("deeply felt the special feelings of a true friend,", "Kim Jong Un")]


def test_a_country_day_is_a_holiday_not_the_country():
    from analysis_utils.extract.entities import find_mentions

    text = "His Russia Day message praised Russia."
    countries = [(m.text, m.start) for m in find_mentions(text) if m.kind == "institution"]
    assert countries == [("Russia", text.rindex("Russia"))]  # only the country, not the holiday


def test_the_spokesman_is_the_last_spokesman_named_not_the_last_person():
    r = spoken(
        "Asked whether the Russian leader had received the message, the Kremlin spokesman said Mr Putin was grateful. "
        "“There are no special celebrations planned for the day,” the spokesman told reporters."
    )
    assert r[-1] == ("There are no special celebrations planned for the day,", "Dmitry Peskov")


def test_zelenskyy_is_named_as_his_government_spells_it():
    r = spoken("“There is a risk that the war will spread further east,” Ukrainian President Volodymyr Zelensky said.")
    assert r[0][1] == "Volodymyr Zelenskyy"


def test_a_letter_quoted_in_full_after_naming_its_writer_is_the_writers():
    r = spoken(
        "This week's main item is the message Vladimir Putin sent Kim Jong Un for the anniversary. "
        "KCNA carried it, and I reproduce it in full below.\n\n"
        "“Dear Comrade Kim Jong Un,\n\n“Please accept my sincere congratulations on the national holiday.”"
    )
    assert {who for _, who in r} == {"Vladimir Putin"}


def test_words_that_speak_of_the_leader_in_the_third_person_are_the_agencys():
    said = spoken(
        "KCNA reported the message on Wednesday. "
        "“The respected Comrade Kim Jong Un extended warm New Year greetings to Putin, his dearest friend,” it said. "
        "Kim said in the message: “I extend my warmest greetings to you.”"
    )
    assert said == [
        ("The respected Comrade Kim Jong Un extended warm New Year greetings to Putin, his dearest friend,", "KCNA"),
        ("I extend my warmest greetings to you.", "Kim Jong Un"),
    ]


def test_a_possessive_before_a_title_and_a_name_is_not_the_subject():
    said = spoken(
        "Japan’s Chief Cabinet Secretary Hayashi Yoshimasa said at a news conference that Tokyo was "
        "“watching the situation with strong concern,” including cooperation that he said could involve missiles."
    )
    assert said == [("watching the situation with strong concern,", "Hayashi Yoshimasa")]


def test_a_lead_in_with_despite_or_upon_is_not_the_subject():
    said = spoken(
        "Despite South Korea’s pivot toward China, Trump is determined to stress that the world is "
        "“running out of time” in the race to resolve the crisis."
    )
    assert said == [("running out of time", "Donald Trump")]


def test_words_that_say_i_or_you_given_to_a_medium_are_the_letters_authors():
    said = spoken(
        "The North's Korean Central News Agency published a rare personal message from Kim, which said, "
        "“I congratulate you on your re-election as the President of the Russian Federation.”\n\n"
        "“Today, Russia is reliably defending the dignity of the state. Such reality is unthinkable without your "
        "leadership,” KCNA quoted Kim as telling Putin."
    )
    assert [s for _, s in said] == ["Kim Jong Un", "Kim Jong Un"]


def test_he_in_the_next_sentence_is_the_person_just_quoted_and_the_agency_is_the_last_one_named():
    said = spoken(
        "Yonhap news agency reported on Tuesday that Kim was invited. "
        "“North Korea is seeking to deepen both diplomatic and economic ties with Russia,” the agency said.\n\n"
        "Moscow had invited “representatives of anti-Hitler coalition countries and many others”, Yuri Ushakov said. "
        "“Invitations to the celebrations have been sent to many states,” he told reporters."
    )
    assert [s for _, s in said] == ["Yonhap", "Yuri Ushakov", "Yuri Ushakov"]


def test_a_speaker_named_far_after_the_quote_and_told_a_news_agency():
    said = spoken(
        "“The fact that both sides are swiftly trading letters carries a symbolic meaning,” Professor Yang Moo-Jin "
        "of the University of North Korean Studies in Seoul told Agence France Presse."
    )
    assert said == [
        ("The fact that both sides are swiftly trading letters carries a symbolic meaning,", "Yang Moo-Jin")
    ]


def test_a_country_before_a_title_and_a_name_is_not_the_subject():
    said = spoken(
        "Earlier, US Secretary of State Anthony Blinken congratulated Russians on Russia Day. According to him, "
        "the United States is determined to support the Russian people and their “desire to work together with "
        "the international community”."
    )
    assert said == [("desire to work together with the international community", "Antony Blinken")]


def test_a_quoted_phrase_of_the_sentence_is_the_reporters_and_a_relay_names_its_source():
    said = spoken(
        "Shoigu conveyed to Kim a “warm and good letter” signed by Russian President Vladimir Putin, KCNA said.\n\n"
        "Kim said Russia would “smash all challenges and threats by hostile forces,” the North's Korean Central News "
        "Agency said.\n\n"
        "“Sergei Shoigu arrived in Pyongyang on special instructions from Putin to hold talks,” TASS quoted the press "
        "service of the Russian Security Council."
    )
    assert [s for _, s in said] == ["KCNA", "Kim Jong Un", "Russian Security Council"]


def test_words_of_a_leader_in_the_third_person_relayed_by_a_spokesman_are_his():
    said = spoken(
        "“Chairman Kim Jong Un emphasized the bold step the two Korean leaders have taken,” read the letter, "
        "according to Kim Eui-kyeom, spokesman for the South’s presidential office."
    )
    assert said == [
        ("Chairman Kim Jong Un emphasized the bold step the two Korean leaders have taken,", "Kim Eui-kyeom")
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "KCNA reported that Putin sent a message to Kim on the 13th, stating, “We pay our respects to the soldiers.”",
            "Vladimir Putin",
        ),
        (
            'The Kremlin, in a statement on Monday, cited Putin as hailing troops "shoulder to shoulder with us".',
            "Vladimir Putin",
        ),
        (
            "Kim said he felt pride. He stated that “victory will always stand by you,” adding the DPRK will “always be with you.”",
            "Kim Jong Un",
        ),
    ],
)
def test_a_participle_speaks_for_the_clause_it_hangs_on(body: str, speaker: str) -> None:
    got = spoken(body)
    assert got and got[0][1] == speaker, got


def test_a_title_standing_alone_names_the_one_the_story_introduced_with_it() -> None:
    body = (
        "Kim Jong Un, the Chairperson of the State Affairs Commission, sent a message to President Vladimir Putin.\n\n"
        "The Chairperson emphasized, “It has become a model of a true comradely relationship.”"
    )
    assert spoken(body) == [("It has become a model of a true comradely relationship.", "Kim Jong Un")]


def test_a_quotation_cut_off_where_the_page_ends_is_kept_only_after_its_cue() -> None:
    assert texts("Kim wrote to Moon.\n\n“Chairman Kim also expressed his intentions") == []
    assert texts("In this letter, Xi said, “We want to work in partnership with North Korea") == [
        "We want to work in partnership with North Korea"
    ]


def test_words_said_via_a_spokesman_are_the_spokesmans_and_so_is_his_next_he() -> None:
    body = (
        "“Trump’s statements give us hope,” Putin said via spokesman Dmitry Peskov, according to the AP.\n\n"
        "“The result does not mean that all issues will be resolved,” he added.\n\n"
        "Putin later said, “We are ready to talk.”\n"
    )
    got = spoken(body)
    assert [sp for _, sp in got] == ["Dmitry Peskov", "Dmitry Peskov", "Vladimir Putin"], got


def test_a_straight_mark_that_can_only_open_closes_nothing_on_an_earlier_line() -> None:
    text = (
        'In the letter, Kim "expressed deep sympathy to Xi and the bereaved families, according to KCNA.\n'
        "A jetliner crashed on Monday.\n"
        'Kim "sincerely hoped that the people would overcome sorrow" under Xi\'s leadership, the KCNA added.\n'
    )
    assert texts(text) == [
        "expressed deep sympathy to Xi and the bereaved families",  # never closed: it stops before its attribution
        "sincerely hoped that the people would overcome sorrow",
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('KCNA said Kim sent a message. Kim "sincerely hoped that the Chinese people would overcome sorrow."', "KCNA"),
        (
            "KCNA reported the talks. Meanwhile Putin “expressed satisfaction over the fact that the Russia-DPRK relations develop.”",
            "KCNA",
        ),
        (
            "After reading it, Kim “said with satisfaction that the content of the letter is excellent”, KCNA said",
            "KCNA",
        ),
        ('Kim said ties had entered "a new high stage," KCNA said.', "Kim Jong Un"),  # a phrase of his own
    ],
)
def test_marks_opening_on_what_a_person_did_hold_the_mediums_narration(body: str, speaker: str) -> None:
    ((_, got),) = spoken(body)
    assert got == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'KCNA said Kim\'s message highlighted "that the DPRK-Russia friendship has weathered all trials of history."',
            "KCNA",
        ),
        (
            "KCNA reported the message. “Expressing belief that the bilateral relations would develop further, Kim wished Putin well.”",
            "KCNA",
        ),
        (
            "KCNA reported the message. Kim said that he is “hoping that the New Year will be recorded as a year of victory.”",
            "Kim Jong Un",
        ),
    ],
)
def test_marks_that_open_on_reported_speech_hold_the_mediums_words(body: str, speaker: str) -> None:
    ((_, got),) = spoken(body)
    assert got == speaker


def test_guillemets_are_quotation_marks_and_close_only_on_their_own_mark():
    text = "Matviyenko said: «He said the message is “beautiful”, and thanked Putin.» Breadcrumbs » World » Asia"
    assert texts(text) == ["He said the message is “beautiful”, and thanked Putin."]  # the » of a trail opens nothing


def test_words_of_a_letter_received_from_someone_are_the_senders():
    body = (
        "Russian President Vladimir Putin has reportedly received a congratulatory letter from North Korean "
        "president Kim Jong-un for securing a fourth term in office.\n\n"
        'Quoting the message, KCNA wrote "I extend my heartfelt congratulations to you on your re-election."\n'
    )
    assert [sp for _, sp in spoken(body)] == ["Kim Jong Un"]


def test_words_that_name_the_other_leader_by_his_title_are_the_mediums_paraphrase() -> None:
    body = (
        'KCNA carried the message. "The Russian people have achieved great successes in building a powerful Russia '
        'under the energetic leadership of the Russian president," Kim was quoted as saying.\n'
    )
    assert [sp for _, sp in spoken(body)] == ["KCNA"]


def test_a_full_sentence_opening_with_he_is_the_speakers_own() -> None:
    body = 'KCNA reported the card. "He is talking about the front line in Kursk," said analyst Lee Seo-yeon.\n'
    assert [sp for _, sp in spoken(body)] == ["Lee Seo-yeon"]
