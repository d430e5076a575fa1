"""Metadata: headline, outlet, wire agency, byline, dateline, each with its evidence."""

from __future__ import annotations

import datetime as dt

from analysis_utils.metadata.extract import extract_metadata as extract
from helpers import page

TODAY = dt.date(2026, 11, 23)
STORY = (
    "North Korean leader Kim Jong Un sent a message to Russian President Vladimir Putin, "
    "state media said, pledging to deepen the ties between the two countries."
)


def meta(text: str):
    return extract(page(text), TODAY)


def test_by_an_agency_is_a_wire_credit_not_a_byline():
    m = meta(f"Kim writes to Putin on ties\n\nBy ANI\n\nPYONGYANG: {STORY}\n")
    assert m.wire_agency.value == "ANI"
    assert m.byline.value is None
    assert m.outlet.value is None  # a syndicated copy: the host site is not named


def test_the_agency_credit_in_a_dateline_is_the_wire_and_its_own_outlet():
    m = meta(f"Kim writes to Putin on ties\n\nSEOUL, March 18 (Reuters) - {STORY}\n")
    assert m.wire_agency.value == "Reuters"
    assert m.outlet.value == "Reuters"
    assert m.dateline.value == "SEOUL"
    assert "dateline" in m.wire_agency.evidence


def test_a_masthead_names_the_outlet_even_for_agency_copy():
    m = meta(f"FRANCE 24\nLive\n\nKim writes to Putin\n\nSeoul (AFP) – {STORY}\n\nceb/kjk\n\n© 2023 AFP\n")
    assert m.outlet.value == "France 24"
    assert m.wire_agency.value == "AFP"


def test_an_email_domain_names_the_outlet_and_the_author_box_the_byline():
    m = meta(f"Putin sends letter to Kim\n\n{STORY}\n\nYi Whan-woo yistory@koreatimes.co.kr\n")
    assert m.outlet.value == "The Korea Times"
    assert m.byline.value == "Yi Whan-woo"
    assert m.wire_agency.value is None


def test_a_byline_loses_its_email_and_brackets():
    m = meta(f"Kim hails Putin\n\n{STORY}\n\nBY SEO JI-EUN [seo.jieun1@joongang.co.kr]\n")
    assert m.byline.value == "SEO JI-EUN"
    assert m.outlet.value == "Korea JoongAng Daily"


def test_a_reporting_credit_gives_the_byline():
    m = meta(
        f"Kim congratulates Putin\n\nBy Reuters\n\nSEOUL, March 19 (Reuters) - {STORY}\n\n(Reporting by Min Ji-hye; Editing by Tom Harwell)\n"
    )
    assert m.byline.value == "Min Ji-hye"
    assert m.wire_agency.value == "Reuters"


def test_a_sign_off_names_the_wire():
    m = meta(f"Kim expresses desire for ties\n\n{STORY}\n\nThe friendship is old and strong, the message said. EFE\n")
    assert m.wire_agency.value == "EFE"


def test_a_photo_credit_does_not_make_a_wire_agency():
    m = meta(f"Putin sends letter to Kim\n\nKim shakes hands with an official. / Yonhap\n\nBy Yi Whan-woo\n\n{STORY}\n")
    assert m.wire_agency.value is None
    assert m.byline.value == "Yi Whan-woo"


def test_the_headline_keeps_its_offsets():
    cd = page(f"Settings\n\nKim writes to Putin on ties\n\n{STORY}\n")
    m = extract(cd, TODAY)
    assert cd.doc.text[m.headline.start : m.headline.end] == "Kim writes to Putin on ties"


def test_a_page_without_headline_warns():
    m = meta(f"PYONGYANG, Oct. 7 (Xinhua) -- {STORY}\n")
    assert m.headline.value is None
    assert "no headline found" in m.warnings


def test_an_unknown_publication_name_above_the_headline_is_a_masthead_not_the_headline():
    m = meta(f"The Daily Example Times\n\nKim writes to Putin on ties\n\n{STORY}\n")
    assert m.headline.value == "Kim writes to Putin on ties"


def test_a_name_alone_under_the_headline_is_the_byline():
    m = meta(f"Kim writes to Putin on ties\n\nKim Tong-Hyung\n\nSEOUL, South Korea (AP) — {STORY}\n")
    assert m.byline.value == "Kim Tong-Hyung"
    assert m.wire_agency.value == "AP"


def test_an_agency_copyright_names_the_wire():
    m = meta(f"Kim writes to Putin on ties\n\n{STORY}\n\nCopyright 2024 The Associated Press. All Rights Reserved.\n")
    assert m.wire_agency.value == "AP"


def test_an_agency_publishing_on_its_own_site_is_the_wire_and_the_site_the_outlet():
    m = meta(f"KYODO NEWS\nWorld  Business  Sports\n\nKim writes to Putin on ties\n\nBEIJING - {STORY}\n")
    assert m.outlet.value == "Kyodo News"  # the site's own name
    assert m.wire_agency.value == "Kyodo"  # the agency, as its credits name it elsewhere
    assert "agency's own" in m.wire_agency.evidence
    assert (m.wire_agency.start, m.wire_agency.end) == (m.outlet.start, m.outlet.end) == (0, 10)


def test_an_outlet_page_without_agency_credit_has_no_wire():
    m = meta(f"DAILY NK\nNews  Analysis\n\nKim writes to Putin on ties\n\nSEOUL - {STORY}\n")
    assert m.outlet.value == "Daily NK"
    assert m.wire_agency.value is None


def test_a_dateline_ending_in_a_period_loses_it():
    m = meta(f"Putin and Kim open summit\n\nVLADIVOSTOK. April 25 (Interfax) - {STORY}\n")
    assert m.dateline.value == "VLADIVOSTOK"
    assert m.wire_agency.value == "Interfax"


def test_a_dateline_on_a_line_of_its_own_with_the_outlet_closing_it():
    cd = page(f"Kim sends condolences to Putin\n\nSeoul, South Korea CNN —\n{STORY}\n")
    m = extract(cd, TODAY)
    assert m.dateline.value == "Seoul"
    assert cd.body.startswith("North Korean leader Kim Jong Un sent a message")


def test_an_outlet_after_a_comma_is_not_part_of_the_byline():
    m = meta(f"Kim sends condolences to Putin\n\nBy Mariya Kuznetsova, CNN\n\nSEOUL — {STORY}\n")
    assert m.byline.value == "Mariya Kuznetsova"


def test_two_names_joined_by_an_ampersand_under_the_headline_are_the_byline():
    m = meta(f"Putin and Kim pledge mutual help in new pact\n\nHarriet Lowe & Daniel Ko\n\n{STORY}\n")
    assert m.byline.value == "Harriet Lowe & Daniel Ko"


def test_a_source_credit_with_desk_initials_names_the_wire():
    m = meta(f"Putin congratulates Kim\n\nSEOUL: {STORY}\n\nSource: AFP/kg\n\nRelated Topics\n")
    assert m.wire_agency.value == "AFP"
    assert "Source: AFP/kg" in m.wire_agency.evidence


def test_outlets_are_named_as_their_sites_name_themselves():
    assert meta(f"CNA\nAsia  World\n\nPutin congratulates Kim\n\n{STORY}\n").outlet.value == "CNA"
    bbc = meta(f"British Broadcasting Corporation\nHome\n\nPutin and Kim pledge help\n\n{STORY}\n")
    assert bbc.outlet.value == "BBC"


def test_one_section_word_glued_to_a_headline_printed_again_below_is_a_breadcrumb():
    m = meta(
        "Home > North Korea\nNorth KoreaKim Jong-un calls Putin his closest comrade\n\n"
        f"Kim Jong-un calls Putin his closest comrade\n\n{STORY}\n"
    )
    assert m.headline.value == "Kim Jong-un calls Putin his closest comrade"


def test_a_link_to_the_next_story_does_not_name_the_publisher():
    m = meta(
        f"Kim and Putin exchange greetings\n\nPyongyang, January 1 (KCNA) -- {STORY}\n\n"
        ">> Next: New Year Address Published in Rodong Sinmun\n"
    )
    assert m.outlet.value == "KCNA"
    assert m.wire_agency.value == "KCNA"


def test_an_end_of_story_marker_in_the_menu_above_the_story_ends_nothing():
    cd = page(
        "NBC News Logo\nSections\nMore From NBC\nFollow NBC News\n\nKim hails alliance in message to Putin\n\n"
        f"LONDON — {STORY}\n\nKim also visited the Russian Embassy in Pyongyang on Friday, state media said, and laid a wreath.\n\n"
        "More From NBC\n\nAbout\n"
    )
    m = extract(cd, TODAY)
    assert m.headline.value == "Kim hails alliance in message to Putin"
    assert "laid a wreath" in cd.body and "About" not in cd.body


def test_a_web_address_is_not_the_headline_and_a_byline_with_its_outlet_is_not_a_menu():
    cd = page(
        "https://www.example.com/world/kim-thanks-putin.amp\nFox News\n\nKim thanks Putin for warm hospitality\n\n"
        f"By Greg Norton | Fox News\nPublished\n2023-09-19T06:32:11-04:00\n\n{STORY}\n"
    )
    m = extract(cd, TODAY)
    assert m.headline.value == "Kim thanks Putin for warm hospitality"
    assert m.byline.value == "Greg Norton"
    assert m.published.published == dt.date(2023, 9, 19)  # an ISO time stamp


def test_an_agency_alone_after_the_story_signs_it_off_but_a_source_line_above_does_not():
    signed = meta(f"Kim and Putin trade messages\n\nSEOUL, AUGUST 15\n\n{STORY}\n\nAFP\n\nRelated Topics\n")
    assert signed.wire_agency.value == "AFP"
    sourced = meta(f"Meduza\nNews  Features\nSource: KCNA\nKim sends Putin condolences\n\n{STORY}\n")
    assert sourced.wire_agency.value is None
    assert sourced.outlet.value == "Meduza"


def test_a_logo_names_the_outlet_and_a_lone_menu_word_is_no_masthead():
    m = meta(f"NBC News Logo\nSections\nTV\nFeatured\n\nKim hails alliance in message to Putin\n\n{STORY}\n")
    assert m.outlet.value == "NBC News"
    assert "logo" in m.outlet.evidence


def test_a_place_and_day_in_capitals_alone_on_a_line_is_the_dateline():
    cd = page(f"Kim and Putin trade messages\n\nSEOUL, AUGUST 15\n\n{STORY}\n")
    assert extract(cd, TODAY).dateline.value == "SEOUL"
    assert cd.body.startswith("North Korean leader")
    story = meta(f"Kim and Putin trade messages\n\nSeoul, August 15\n\n{STORY}\n")
    assert story.dateline.value is None  # mixed case alone on a line may be anything


def test_a_short_name_opening_the_page_above_its_menu_is_the_outlet():
    m = meta(f"Hermit & Bear\nSubscribe\nSign in\n\nIssue 41: Putin's letter in full\n\n{STORY}\n")
    assert m.outlet.value == "Hermit & Bear"
    menu = meta(f"Skip to content\nSubscribe\n\nPutin's letter in full\n\n{STORY}\n")
    assert menu.outlet.value is None


def test_a_hyphenated_site_name_after_the_title_and_a_linked_headline_in_capitals():
    cd = page(
        f"Kim sends Russia Day greetings to Putin - The Dong-A Ilbo\n\n{STORY}\n\n"
        "KIM JONG UN TOURS RUSSIAN FIGHTER JET FACTORY AS WEST WATCHES\n\n"
        "Kim met Putin on Sept. 13 at the Vostochny Cosmodrome, where the two leaders toured the launch site.\n"
    )
    m = extract(cd, TODAY)
    assert m.headline.value == "Kim sends Russia Day greetings to Putin"
    assert m.outlet.value == "Dong-A Ilbo"
    assert "FIGHTER JET" not in cd.body and "Vostochny Cosmodrome" in cd.body


def test_a_label_before_the_headline_is_cut_off():
    for label in ("ANALYSIS | ", "EXCLUSIVE: ", "UPDATE 2-"):
        m = meta(f"{label}Kim congratulates Putin on his election win\n\n{STORY}\n")
        assert m.headline.value == "Kim congratulates Putin on his election win", label
        assert m.dateline.value is None


def test_a_partner_site_carrying_agency_copy_is_the_outlet_and_the_agency_the_wire():
    m = meta(
        "The Columbian\nSubscribe   Sign In   e-Edition\n\nKim sends Putin birthday greetings\n\n"
        f"SEOUL, South Korea (AP) — {STORY}\n\n"
        "Copyright 2023 The Associated Press. All rights reserved.\n"
    )
    assert m.outlet.value == "The Columbian"
    assert m.wire_agency.value == "AP"


def test_counters_print_lines_and_bare_addresses_are_furniture_and_an_emoji_leaves_the_headline():
    cd = page(
        "Korea Desk\n14 802 subscribers\n\n‼️ Kim sends condolences to Putin over concert hall attack\n\n"
        f"{STORY}\n\nStory continues\n\nPage 1 of 2\n\nkcnawatch.org/newstream\n\nDirect link: en.kremlin.ru/events\n"
    )
    assert extract(cd, TODAY).headline.value == "Kim sends condolences to Putin over concert hall attack"
    for furniture in ("subscribers", "Story continues", "Page 1 of 2", "kcnawatch.org", "Direct link"):
        assert furniture not in cd.body


def test_a_date_with_a_time_after_a_dash_above_the_headline_is_the_stamp():
    from analysis_utils.metadata.pubdate import infer_pubdate as infer

    p = infer(page(f"June, 19/2024 - 09:12\n\nPutin arrives in Pyongyang\n\n{STORY}\n"), TODAY)
    assert p.published == dt.date(2024, 6, 19)


def test_a_masthead_with_its_domain_names_the_outlet_and_leaves_the_headline_alone():
    m = meta(
        "TASS Russian News Agency                 tass.com\nPrinted from: https://tass.com/politics/1\n\n"
        f"Kim Jong Un congratulates Putin on Russia Day, hails alliance\n\n{STORY}\n"
    )
    assert m.headline.value == "Kim Jong Un congratulates Putin on Russia Day, hails alliance"
    assert m.outlet.value == "TASS"


def test_only_pictographs_leave_the_front_of_a_headline():
    assert meta(f"🚨‼️ Kim sends condolences to Putin\n\n{STORY}\n").headline.value == "Kim sends condolences to Putin"
    kept = meta(f"[ANALYSIS] Kim's card to Putin reads like an invoice\n\n{STORY}\n").headline.value
    assert kept == "[ANALYSIS] Kim's card to Putin reads like an invoice"


def test_a_dateline_may_open_the_paragraph_after_a_standfirst_and_name_the_partner_page():
    m = meta(
        "Putin, Kim Conclude First Ever Summit\n\n"
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un have concluded their first summit.\n\n"
        "VLADIVOSTOK (Pakistan Point News / Sputnik - 25th April, 2019) Russian President Vladimir Putin and "
        "North Korean leader Kim Jong Un have concluded their first ever summit in Vladivostok.\n"
    )
    assert (m.dateline.value, m.wire_agency.value, m.outlet.value) == ("VLADIVOSTOK", "Sputnik", "Pakistan Point News")
    assert m.published.published == dt.date(2019, 4, 25)


def test_a_placeless_dateline_without_a_year_takes_it_from_an_anniversary():
    m = meta(
        "Aug. 16 (UPI) — North Korea highlighted its friendship with Russia on the 76th anniversary of its "
        "independence from Japanese colonial rule, after Kim Jong Un exchanged messages with Vladimir Putin.\n\n"
        "Rodong Sinmun reported Monday on its front page that Kim sent a wreath.\n"
    )
    assert (m.dateline.value, m.wire_agency.value) == ("", "UPI")
    assert m.published.published == dt.date(2021, 8, 16)


def test_the_agencys_own_copy_under_a_pull_quote_is_its_own_but_not_under_a_relaying_intro():
    own = page(
        "All news\n\nPutin congratulates Kim on the anniversary\n\n"
        '"The two countries maintain traditionally friendly relations", Vladimir Putin said\n\n'
        "SEOUL, September 9. /TASS/. Russian President Vladimir Putin congratulated Kim Jong-un, KCNA reported.\n"
    )
    assert extract(own).outlet.value == "TASS"
    relayed = page(
        "Korea Desk\n\nKim sends condolences to Putin\n\nPyongyang reacted this past weekend to the attack on the hall.\n\n"
        "Pyongyang, March 24 (KCNA) -- Kim Jong Un sent a message of condolences to Vladimir Putin.\n"
    )
    assert extract(relayed).outlet.value != "KCNA"


def test_a_name_with_the_time_since_posting_is_the_byline():
    meta = extract(
        page(
            "Putin sends condolences to Kim\n\nFaizan Hashmi 4 minutes ago Mon 06th July 2020 | 06:57 PM\n\n"
            "MOSCOW, (UrduPoint / Sputnik - 06th July, 2020) Russian President Vladimir Putin sent condolences.\n"
        )
    )
    assert meta.byline.value == "Faizan Hashmi"


def test_a_signature_with_its_sources_is_the_byline_and_its_sources_are_not_the_wire():
    meta = extract(
        page(
            "Putin sends condolences to Kim\n\nMr Putin sent his condolences to North Korean leader Kim Jong Un over "
            "the floods, the Kremlin said on Thursday.\n\nHoai Phuong (according to KCNA, AFP)\n"
        )
    )
    assert (meta.byline.value, meta.wire_agency.value) == ("Hoai Phuong", None)


def test_an_outlets_credit_standing_alone_at_the_start_makes_it_outlet_and_wire():
    meta = extract(
        page(
            "North Korean leader sends congratulatory message to Russian President\n\n(MENAFN) Russian President "
            "Vladimir Putin has reportedly received a congratulatory letter from Kim Jong-un.\n"
        )
    )
    assert (meta.outlet.value, meta.wire_agency.value) == ("MENAFN", "MENAFN")
