"""The line classifier: every line gets a class and a reason; the body keeps the story only."""

from __future__ import annotations

import pytest

from analysis_utils.clean.lines import breadcrumb_prefix, find_dateline
from analysis_utils.clean.page import classify
from analysis_utils.corpus.read import read_document
from helpers import SEEDS, classes, page

STORY = (
    "North Korean leader Kim Jong Un sent a message to Russian President Vladimir Putin on Friday, "
    "state media said, pledging to deepen the ties between the two countries."
)
SECOND = "The message marked the anniversary of the establishment of diplomatic relations, KCNA said."


def test_share_rows_and_font_size_menus_are_furniture():
    cd = page(
        "Settings\n\nⓕ font-size\n\n  • -2\n  • +1\n\nKim writes to Putin on ties\n\n"
        "  • Facebook share button\n  • Kakao share button\n\nicon-facebook icon-twitter icon-whatsapp\n\n"
        f"{STORY}\n\n{SECOND}\n"
    )
    got = classes(cd)
    assert got["ⓕ font-size"] == "navigation"
    assert got["• -2"] == "navigation"
    assert got["• Facebook share button"] == "share"
    assert got["icon-facebook icon-twitter icon-whatsapp"] == "share"
    assert got["Kim writes to Putin on ties"] == "headline"
    assert "share button" not in cd.body and "font-size" not in cd.body


def test_a_caption_printed_twice_is_a_caption_not_body():
    cap = "North Korean leader Kim Jong-un shakes hands with an official after the session. / Yonhap"
    cd = page(f"Kim writes to Putin on ties\n\n{cap}\n{cap}\n\nBy Yi Whan-woo\n\n{STORY}\n\n{SECOND}\n")
    assert [ln.cls for ln in cd.lines if ln.text == cap] == ["caption", "caption"]
    assert "Yonhap" not in cd.body


def test_a_photo_credit_in_parentheses_marks_a_caption():
    cd = page(f"Kim writes to Putin on ties\n\nNorth Korean leader Kim Jong-Un (File | AP)\n\nBy ANI\n\n{STORY}\n")
    assert classes(cd)["North Korean leader Kim Jong-Un (File | AP)"] == "caption"
    assert classes(cd)["By ANI"] == "byline"


def test_breadcrumbs_glued_to_a_repeated_headline_are_navigation():
    cd = page(
        "Wednesday, April 17, 2024\nHomeWorldAsiaNorth Korea published letters\n\n"
        f"North Korea published letters\n\n{STORY}\n\n{SECOND}\n"
    )
    assert cd.headline_text == "North Korea published letters"
    assert classes(cd)["HomeWorldAsiaNorth Korea published letters"] == "navigation"
    assert classes(cd)["Wednesday, April 17, 2024"] == "date"


def test_breadcrumbs_glued_to_the_only_headline_are_cut_off():
    cd = page(f"NationalNorth KoreaKim sends birthday greetings to Putin\n\n{STORY}\n")
    assert cd.headline_text == "Kim sends birthday greetings to Putin"
    assert "breadcrumb" in cd.headline.reason


@pytest.mark.parametrize(
    "text, crumb",
    [
        ("HomeWorldAsiaNorth Korea published", "HomeWorldAsia"),
        ("Home > World > Asia > Kim writes", "Home > World > Asia > "),
        ("Home World", "Home World"),
        ("North Korea says", ""),
    ],
)
def test_breadcrumb_prefix(text, crumb):
    assert text[: breadcrumb_prefix(text)] == crumb


def test_footer_after_an_end_of_story_marker_is_dropped():
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{SECOND} EFE\n\nco-ahg/tw\n\nRelated Articles\n\nBack to top button")
    got = classes(cd)
    assert got["co-ahg/tw"] == "footer"
    assert got["Related Articles"] == "footer"
    assert got["Back to top button"] == "footer"
    assert cd.body.endswith("KCNA said. EFE")


def test_author_box_with_an_email_is_not_body():
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{SECOND}\n\nYi Whan-woo yistory@koreatimes.co.kr\n\nX\nCLOSE\n")
    got = classes(cd)
    assert got["Yi Whan-woo yistory@koreatimes.co.kr"] == "author"
    assert got["CLOSE"] == "navigation"
    assert "@" not in cd.body


def test_a_standfirst_repeated_in_the_story_is_not_kept_twice():
    dek = "The first-ever Kim-Putin summit comes after the breakdown of talks in Hanoi in February."
    cd = page(
        f"Kim writes to Putin\n\n{dek}\n\nPublished: 20th April 2019 09:18 PM\n\nBy ANI\n\n{STORY}\n\n{dek} More text.\n"
    )
    assert classes(cd)[dek] == "duplicate"
    assert cd.body.count("first-ever") == 1


def test_a_subheading_between_paragraphs_stays_in_the_body():
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\nPutin Wishes for Kim’s Good Health\n\n{SECOND}\n")
    assert classes(cd)["Putin Wishes for Kim’s Good Health"] == "subheading"
    assert "Good Health" in cd.body


def test_a_page_without_a_headline_has_none():
    cd = page(f"PYONGYANG, Oct. 7 (Xinhua) -- {STORY}\n\n{SECOND} Enditem\n\n[Editor: huaxia]\n")
    assert cd.headline is None
    assert cd.dateline.place == "PYONGYANG" and cd.dateline.agency == "Xinhua"
    assert not cd.body.rstrip().endswith("Enditem")


def test_a_truncated_last_paragraph_is_kept():
    cut = "Kim reappeared in public on May 1 after a three-week absence that fueled specul"
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{cut}")
    assert cd.body.endswith("fueled specul")


@pytest.mark.parametrize(
    "line, place, date, agency",
    [
        ("SEOUL, March 18 (Reuters) - North Korea said", "SEOUL", "March 18", "Reuters"),
        ("PYONGYANG, September 9. /TASS/. Russian President", "PYONGYANG", "September 9", "TASS"),
        ("Seoul, Aug 15 (EFE).- North Korea’s leader", "Seoul", "Aug 15", "EFE"),
        ("SEOUL, South Korea (AP) — North Korean leader", "SEOUL", None, "AP"),
        ("Pyongyang, June 12 (KCNA) -- Kim Jong Un", "Pyongyang", "June 12", "KCNA"),
        ("NEW DELHI [India], April 20 (ANI): Kim", "NEW DELHI", "April 20", "ANI"),
        ("PYONGYANG:  North Korean leader", "PYONGYANG", None, None),
        ("MOSCOW: Russian President", "MOSCOW", None, None),
        ("SEOUL – North Korean leader Kim Jong Un", "SEOUL", None, None),
        ("Seoul, Sep 13 (IANS) North Korean leader", "Seoul", "Sep 13", "IANS"),
        ("Moscow, on August 15, 2023, 05:09 — information agency", "Moscow", "August 15, 2023", None),
        (
            "VLADIVOSTOK (Pakistan Point News / Sputnik - 25th April, 2019) Russian",
            "VLADIVOSTOK",
            "25th April, 2019",
            "Sputnik",
        ),
        ("Pyongyang, August 15 (RSTV)", "Pyongyang", "August 15", "RSTV"),
        ("VLADIVOSTOK, Russia", "VLADIVOSTOK", None, None),
        ("April 25, 2019 (EIRNS)—Russian President", "", "April 25, 2019", "EIRNS"),
    ],
)
def test_datelines_in_the_styles_of_the_agencies(line, place, date, agency):
    d = find_dateline(line)
    assert d is not None
    assert (d.place, d.date_text, d.agency) == (place, date, agency)
    if d.date_text:
        assert line[d.date_start : d.date_start + len(d.date_text)] == d.date_text


@pytest.mark.parametrize(
    "line",
    [
        "Kim Jong Un: a profile of the leader",
        "Russia said on Monday that",
        "The Kremlin, in a brief statement, said",
    ],
)
def test_ordinary_sentences_are_not_datelines(line):
    assert find_dateline(line) is None


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_body_offset_points_back_to_the_same_character(path):
    cd = classify(read_document(path))
    assert cd.body
    for i in range(0, len(cd.body)):
        if cd.body[i] != "\n":
            assert cd.doc.text[cd.to_text(i)] == cd.body[i]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_line_has_a_class_and_a_reason(path):
    cd = classify(read_document(path))
    for ln in cd.lines:
        assert ln.cls
        if ln.cls != "blank":
            assert ln.reason, ln.text
            assert cd.doc.text[ln.start : ln.end] == ln.text


def test_cleaning_the_body_again_changes_nothing():
    cd = page(f"Kim writes to Putin\n\nicon-facebook\n\n{STORY}\n\n{SECOND}\n")
    again = page("Kim writes to Putin\n\n" + cd.body)
    assert again.body == cd.body


def test_a_rights_notice_is_footer_but_a_sentence_about_rights_is_story():
    notice = "All rights to the materials belong to Interfax. Reproduction without the written consent is prohibited."
    claim = "All rights to the territory belong to the Korean people, the statement said on Friday."
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{claim}\n\n{SECOND}\n\n{notice}\n")
    assert classes(cd)[notice] == "footer"
    assert classes(cd)[claim] == "body"
    assert "materials belong" not in cd.body and "territory belong" in cd.body


def test_an_editor_credit_is_furniture_but_a_letter_edited_by_someone_is_story():
    story = "The letter was edited by Kim Yo Jong before it was sent to Moscow, the agency said."
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{story}\n\n{SECOND}\n\nEdited by Dan Holloway.\n")
    assert classes(cd)["Edited by Dan Holloway."] == "author"
    assert classes(cd)[story] == "body"
    assert "Holloway" not in cd.body and "edited by Kim Yo Jong" in cd.body


def test_a_relative_time_stamp_is_a_date_but_a_sentence_with_ago_is_story():
    story = "The two leaders last met 3 days ago at the Vostochny Cosmodrome, officials said."
    cd = page(f"Kim writes to Putin on ties\nUpdated 3 hours ago\n\n{STORY}\n\n{story}\n\n{SECOND}\n")
    assert classes(cd)["Updated 3 hours ago"] == "date"
    assert cd.headline_text == "Kim writes to Putin on ties"
    assert "3 hours ago" not in cd.body and story in cd.body


def test_image_caption_and_credit_labels_are_captions_but_a_story_about_images_is_not():
    story = "Image source code for the state media website was leaked online, researchers said on Monday."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\n{SECOND}\n\nImage source, Getty Images\n"
        f"Image caption, Kim greets Putin at the airport\n\n{story}\n\nPutin and Kim at the cosmodrome.\n"
        f"Credit: Kremlin.ru\n\n{SECOND} More text.\n"
    )
    got = classes(cd)
    assert got["Image caption, Kim greets Putin at the airport"] == "caption"
    assert got["Credit: Kremlin.ru"] == "caption"
    assert got[story] == "body"
    assert "Image caption" not in cd.body and "Kremlin.ru" not in cd.body


def test_a_related_article_label_takes_its_linked_headline_with_it():
    story = "Related talks between the two foreign ministers are expected in Moscow next week, the Kremlin said."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\nRelated article\nRussia observes day of mourning as death toll rises\n\n"
        f"{story}\n\n{SECOND}\n"
    )
    got = classes(cd)
    assert got["Related article"] == "footer"
    assert got["Russia observes day of mourning as death toll rises"] == "footer"
    assert got[story] == "body"
    assert "day of mourning" not in cd.body and cd.body.endswith("KCNA said.")


def test_previous_and_next_links_are_footer_but_a_sentence_starting_with_next_is_story():
    story = "Next: The two leaders will sign the treaty in the Kremlin."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\n{story}\n\n{SECOND}\n\n"
        "<< Previous: Kim Jong Un Sends New Year Greetings to Xi Jinping\n>> Next: New Year Address Published\n"
    )
    got = classes(cd)
    assert got["<< Previous: Kim Jong Un Sends New Year Greetings to Xi Jinping"] == "footer"
    assert got[">> Next: New Year Address Published"] == "footer"
    assert got[story] == "body"
    assert "Xi Jinping" not in cd.body


def test_a_search_box_is_navigation_but_a_search_sentence_is_story():
    story = "Search and rescue teams worked through the night at the concert hall, officials said."
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{story}\n\n{SECOND}\n\nSearch CNN...\n")
    assert classes(cd)["Search CNN..."] == "navigation"
    assert classes(cd)[story] == "body"
    assert "Search CNN" not in cd.body


def test_newsletter_prompts_are_footer_but_the_story_goes_on_after_them():
    prompt = "Enjoying this article? Click here to subscribe for full access. Just $5 a month."
    signup = "Sign up for World Brief, our free daily newsletter on the biggest news around the globe."
    alerts = "Get breaking news alerts and the latest stories delivered to you. Subscribe to our Telegram channel"
    story = "Sign up for the new military contract was voluntary, the Russian defence ministry said."
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{prompt}\n\n{story}\n\n{signup}\n\n{alerts}\n\n{SECOND}\n")
    got = classes(cd)
    assert got[prompt] == got[signup] == got[alerts] == "footer"
    assert got[story] == "body" and got[SECOND] == "body"
    assert "subscribe" not in cd.body.lower() and "newsletter" not in cd.body


def test_an_author_bio_after_the_story_is_furniture_but_a_sentence_about_a_person_is_story():
    bio = "Elena Markova is a Seoul-based journalist covering Russia-Korea relations."
    analyst = "Park Ji-hoon is a Seoul-based analyst of Russia-Korea relations."
    kim = "Kim is a reliable partner, Putin said."
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{analyst}\n\n{kim}\n\n{SECOND}\n\n{bio}\n")
    got = classes(cd)
    assert got[bio] == "author"
    assert got[analyst] == "body" and got[kim] == "body"
    assert "Markova" not in cd.body


def test_a_cookie_banner_and_a_slogan_are_not_the_headline():
    cd = page(
        "Let us know you agree to cookies\nWe use cookies to give you the best online experience.\n"
        "Yes, I agree\nNo, take me to settings\n\nDemocracy Dies in Darkness\n\n"
        f"Kim writes to Putin on ties\n\nGift Article\nShare\n\n{STORY}\n\n{SECOND}\n"
    )
    got = classes(cd)
    assert cd.headline_text == "Kim writes to Putin on ties"
    assert got["Let us know you agree to cookies"] == got["Yes, I agree"] == "navigation"
    assert got["No, take me to settings"] == got["Democracy Dies in Darkness"] == "navigation"
    assert got["Gift Article"] == "share"
    agreed = page(f"Kim writes to Putin\n\n{STORY}\n\nKim said he agreed to the terms of the treaty.\n")
    assert classes(agreed)["Kim said he agreed to the terms of the treaty."] == "body"


def test_a_mirror_sites_furniture_is_dropped_and_kcnas_date_line_is_a_date():
    cd = page(
        "DPRK MEDIA ARCHIVE :: unofficial mirror of the KCNA English service\n"
        "This is an unofficial copy provided for research. Text is reproduced as published.\n\n"
        "Kim Jong Un and Putin Exchange New Year Greetings\n\n"
        f"Pyongyang, January 1 (KCNA) -- {STORY}\n\n{SECOND}\n\nwww.kcna.kp (Juche114.1.1.)\n\n"
        "Archive: Juche 114 (2025) | January | 1\nMirror maintained by volunteers. Not affiliated with KCNA.\n"
    )
    got = classes(cd)
    assert cd.headline_text == "Kim Jong Un and Putin Exchange New Year Greetings"
    assert got["www.kcna.kp (Juche114.1.1.)"] == "date"
    assert got["Archive: Juche 114 (2025) | January | 1"] == "navigation"
    assert got["Mirror maintained by volunteers. Not affiliated with KCNA."] == "navigation"
    assert "mirror" not in cd.body.lower() and "Juche" not in cd.body
    leak = page(f"Kim writes to Putin\n\n{STORY}\n\nThe unofficial copy of the letter was leaked to reporters.\n")
    assert classes(leak)["The unofficial copy of the letter was leaked to reporters."] == "body"


def test_a_most_read_list_ends_the_story():
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{SECOND}\n\nMost Read World\n1. Photos from this week's summit\n")
    assert classes(cd)["1. Photos from this week's summit"] == "footer"
    assert cd.body.endswith("KCNA said.")


def test_a_channel_or_app_promo_is_footer_but_a_sentence_about_joining_is_story():
    channel = "Join ST's Telegram channel and get the latest breaking news delivered to you."
    app = "CLICK HERE TO GET THE FOX NEWS APP"
    story = "Joining the Telegram channel of a Russian war blogger, the soldiers posted photos from Kursk."
    download = "Download the app, the ministry told citizens, to receive air raid alerts on their phones."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\n{app}\n\n{story}\n\n{download}\n\n{SECOND}\n\n{channel}\n\nGet the app\n"
    )
    got = classes(cd)
    assert got[channel] == got[app] == got["Get the app"] == "footer"
    assert got[story] == got[download] == "body"
    assert "Telegram channel and" not in cd.body and "FOX NEWS APP" not in cd.body


def test_newsletter_platform_furniture_is_footer_but_a_sentence_about_more_is_story():
    widget = (
        "Hermit & Bear is a reader-supported publication. "
        "To receive new posts and support my work, consider becoming a free or paid subscriber."
    )
    story = "Kim discovered more from the letter than his aides had expected, the newsletter said."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\n{widget}\n\n{story}\n\n{SECOND}\n\n"
        "Discover more from Hermit & Bear\n\nSubstack is the home for great culture\n"
    )
    got = classes(cd)
    assert got[widget] == got["Discover more from Hermit & Bear"] == "footer"
    assert got["Substack is the home for great culture"] == "footer"
    assert got[story] == "body"
    assert "reader-supported" not in cd.body and "Substack" not in cd.body


def test_a_donation_appeal_is_footer_but_a_plea_in_the_story_is_story():
    appeal = "Meduza needs your support. Russia has outlawed our newsroom, and we can only keep working with help from readers like you."
    plea = "Ukraine needs your support now more than ever, Zelensky told lawmakers in Seoul on Tuesday."
    quoted = "“Russia needs your support,” Kim wrote in the message, according to KCNA."
    cd = page(f"Kim writes to Putin\n\n{STORY}\n\n{plea}\n\n{quoted}\n\n{SECOND}\n\n{appeal}\n\nWe need your help.\n")
    got = classes(cd)
    assert got[appeal] == got["We need your help."] == "footer"
    assert got[plea] == got[quoted] == "body"
    assert "outlawed our newsroom" not in cd.body


def test_more_on_this_story_ends_the_story_but_a_sentence_starting_so_does_not():
    later = "More on this story later, the Kremlin spokesman told reporters on Friday."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\n{later}\n\n{SECOND}\n\nMore on this story\n\n"
        "Russia's Shoigu meets Kim in Pyongyang\n2025.06.05 09:12\n"
        'SEOUL, June 5 (Yonhap) -- Shoigu met Kim in Pyongyang on Wednesday. "We stand together," Shoigu said.\n'
    )
    got = classes(cd)
    assert got["More on this story"] == "footer"
    assert got["Russia's Shoigu meets Kim in Pyongyang"] == "footer"
    assert got[later] == "body"
    assert "Shoigu" not in cd.body and cd.body.endswith("KCNA said.")


def test_a_search_engine_cache_banner_is_not_the_headline():
    cd = page(
        "This is Google's cache of https://www.example.com/en/article/1. It is a snapshot of the page as it "
        "appeared on 15 Jun 2019 02:11:37 GMT. The current page could have changed in the meantime. Learn more.\n"
        "Full version\tText-only version\tView source\n"
        "Tip: To quickly find your search term on this page, press Ctrl+F or ⌘-F (Mac) and use the find bar.\n\n"
        f"Kim sends Russia Day greetings to Putin\n\n{STORY}\n\n{SECOND}\n"
    )
    got = classes(cd)
    assert cd.headline_text == "Kim sends Russia Day greetings to Putin"
    assert got["Full version Text-only version View source"] == "navigation"  # tabs read as spaces
    assert "Ctrl+F" not in cd.body and "cache" not in cd.body
    story = "Full version of the letter was published by KCNA on Saturday, the ministry said."
    assert classes(page(f"Kim writes to Putin\n\n{STORY}\n\n{story}\n"))[story] == "body"


def test_a_bio_naming_the_outlet_is_author_but_an_analyst_or_a_story_about_a_reporter_is_story():
    fox = "Greg Norton is a reporter for Fox News Digital covering international affairs."
    nbc = "Colin Marsh is a London-based producer for NBC News."
    analyst = "Mara Jennings is a senior fellow at the Washington Institute."
    detained = "Evan Gershkovich is a reporter for The Wall Street Journal who was detained in Russia."
    cd = page(
        f"Kim writes to Putin\n\n{STORY}\n\n{analyst}\n\n{detained}\n\n{SECOND}\n\n"
        f"{fox}\n\n{nbc}\n\nThe Associated Press contributed.\n"
    )
    got = classes(cd)
    assert got[fox] == got[nbc] == got["The Associated Press contributed."] == "author"
    assert got[analyst] == got[detained] == "body"
    assert "Norton" not in cd.body and "contributed" not in cd.body
    fuel = "Russia contributed fuel and food, KCNA said."
    assert classes(page(f"Kim writes to Putin\n\n{STORY}\n\n{fuel}\n\n{SECOND}\n"))[fuel] == "body"


def test_a_caption_closed_by_an_agency_photo_credit_is_a_caption():
    from helpers import page

    story = "PYONGYANG — Russian President Vladimir Putin arrived in Pyongyang early on Wednesday for a state visit."
    cd = page(
        "Putin arrives in Pyongyang\n\n"
        "Putin is welcomed by Kim Jong Un at Pyongyang's airport. — AFP/VNA Photo\n\n"
        f"{story}\n\nThe visit was agreed upon in Vladivostok — a photo op for both men.\n"
    )
    assert "AFP/VNA Photo" not in cd.body
    assert cd.dateline is not None and cd.dateline.place == "PYONGYANG"
    assert "a photo op for both men" in cd.body


STORY_PARAGRAPHS = (
    "North Korean leader Kim Jong Un sent a message to Russian President Vladimir Putin on Saturday, state media said.\n\n"
    "Kim said the friendship between the two countries would grow stronger year after year, the agency reported.\n\n"
    "The message came a week after the two countries marked the anniversary of their diplomatic relations.\n"
)


def test_a_caption_glued_to_the_story_by_a_dash_is_a_line_of_its_own():
    cd = page(
        "Speaker hands Putin's letter to Kim\n\n"
        "Kim Jong Un. © REUTERS / KCNA – North Korean leader Kim Jong-un is reported to have received letters today.\n\n"
        + STORY_PARAGRAPHS
    )
    got = classes(cd)
    assert got["Kim Jong Un. © REUTERS / KCNA"] == "caption"
    assert cd.body.startswith("North Korean leader Kim Jong-un is reported to have received letters today.")


def test_photo_captions_are_told_by_their_grammar_and_credits():
    cd = page(
        "Kim writes to Putin\n\n" + STORY_PARAGRAPHS + "\n"
        "Russian President Vladimir Putin (right) shakes hands with Kim Yong-nam at a reception in Sochi on Friday.\n\n"
        "Russian President Vladimir Putin toasts with North Korean leader Kim Jong Un at a reception after their talks\n\n"
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un - Sputnik International, 1920, 07.10.2025\n\n"
        "Maxim Shipenkov/Ed Jones/AFP/Getty\n\n"
        "The exchange comes weeks after Russian Defence Minister Sergei Shoigu visited Pyongyang.\n\n"
        "Diplomatic talks between the US and North Korea stalled earlier this year, ending without any agreement.\n"
    )
    got = classes(cd)
    assert [c for t, c in got.items() if t.startswith(("Russian President", "Maxim"))] == ["caption"] * 4
    assert "The exchange comes weeks after" in cd.body and "Diplomatic talks between" in cd.body


def test_a_comment_section_ends_the_story():
    cd = page(
        "Kim writes to Putin\n\n" + STORY_PARAGRAPHS + "\n31 replies on “Kim writes to Putin”\n\n"
        "John says: The letter is a sign of closer ties between the two countries, as everyone can see now.\n\n"
        "Comments are closed.\n"
    )
    assert "31 replies" not in cd.body and "John says" not in cd.body and "Comments are closed" not in cd.body


def test_a_title_printed_again_differs_only_in_case_quotes_or_a_final_stop():
    cd = page(
        "Putin Sends Telegram to Kim Jong Un on Korea’s Liberation Day\n"
        "Putin sends telegram to Kim Jong Un on Korea's Liberation Day.\n\n" + STORY_PARAGRAPHS
    )
    assert cd.headline_text == "Putin Sends Telegram to Kim Jong Un on Korea’s Liberation Day"
    assert "Liberation Day." not in cd.body


def test_a_title_broken_over_several_lines_below_it_is_a_repeat():
    cd = page(
        "Kim Jong Un Sends Congratulatory Message to President of Russian Federation\n\n"
        "Kim Jong Un\nSends Congratulatory Message to\nPresident of Russian Federation\n\n" + STORY_PARAGRAPHS
    )
    assert cd.headline_text.startswith("Kim Jong Un Sends") and "Sends Congratulatory Message to" not in cd.body


def test_headlines_of_other_stories_closing_the_page_are_dropped_but_a_fact_box_is_not():
    cd = page(
        "Kim writes to Putin\n\n" + STORY_PARAGRAPHS + "\n"
        "Russian small missile ships set off for a mission to the Mediterranean Sea\n"
        "North Korea has missiles because the US has threatened it since 1953. The threat has its roots in Washington.\n"
        "President Vladimir Putin has not released a statement about the pension reform in Russia\n\n"
        "Key dates\n\nOct. 12, 1948 Moscow and Pyongyang establish diplomatic ties\n"
    )
    assert "Mediterranean" not in cd.body and "pension reform" not in cd.body and "since 1953" not in cd.body
    assert "Moscow and Pyongyang establish diplomatic ties" in cd.body


def test_lines_in_another_language_and_date_widgets_are_not_the_story():
    cd = page(
        "calendar>>May 15. 2016 Juche 105\nGreetings to Kim Jong Un from the Russian Communists\n\n"
        "Ким Чен Ын поздравил Путина с 75-летием Победы\n\n[조선어] [English] [Русский] [中国语] [日本語]\n\n"
        + STORY_PARAGRAPHS
    )
    got = classes(cd)
    assert cd.headline_text == "Greetings to Kim Jong Un from the Russian Communists"
    assert got["calendar>>May 15. 2016 Juche 105"] == "date"
    assert got["Ким Чен Ын поздравил Путина с 75-летием Победы"] == "navigation"
    assert got["[조선어] [English] [Русский] [中国语] [日本語]"] == "navigation"


def test_the_body_keeps_the_dateline_as_printed_and_the_story_blanks_it_at_the_same_offsets():
    cd = page("Kim writes to Putin\n\nSEOUL, May 9 (Yonhap) -- Kim Jong Un sent a message to Putin on Saturday.\n")
    assert cd.body.startswith("SEOUL, May 9 (Yonhap) -- Kim Jong Un sent")
    assert cd.story == " " * len("SEOUL, May 9 (Yonhap) -- ") + cd.body[len("SEOUL, May 9 (Yonhap) -- ") :]
    assert cd.dateline is not None and cd.dateline.place == "SEOUL"
    assert cd.doc.text[cd.to_text(0) : cd.to_text(5)] == "SEOUL"


def test_a_stamp_glued_after_the_title_and_a_title_printed_twice_in_a_link_are_lines_of_their_own():
    cd = page(
        "Kim sends condolences to Putin     DATE: 2024-09-21 00:34:19\n\n" + STORY_PARAGRAPHS + "\n"
        "Putin says gunmen tried to escape to Ukraine Putin says gunmen tried to escape to Ukraine 2024-03-24 08:28 | World\n\n"
        "People lay flowers next to the Crocus City Hall on the western edge of Moscow, March 23. AP-Yonhap\n"
    )
    got = classes(cd)
    assert cd.headline_text == "Kim sends condolences to Putin"
    assert got["DATE: 2024-09-21 00:34:19"] == "date"
    assert "gunmen tried to escape" not in cd.body and "People lay flowers" not in cd.body


def test_an_end_of_story_marker_over_most_of_the_story_is_a_menu_link():
    cd = page(
        "Kim sends a message to Putin\n\n"
        "A North Korean official handed a written message to Putin from Kim Jong-un at a meeting on Thursday.\n\n"
        "Latest News\n\nFacebookTwitterWhatsappLinkedin\n\n" + STORY_PARAGRAPHS
    )
    assert "The message came a week after" in cd.body and "FacebookTwitter" not in cd.body


def test_time_stamps_read_counts_and_a_foreign_comment_rule_are_not_the_story():
    cd = page(
        "Kim writes to Putin\n\n- 01:57 GMT\n\n19 June 202402:21 GMT\n\n" + STORY_PARAGRAPHS + "\n"
        "This news has been read 150 times in total\n\n"
        "Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.\n"
    )
    got = classes(cd)
    assert got["- 01:57 GMT"] == "date" and got["19 June 202402:21 GMT"] == "date"
    assert "150 times" not in cd.body and "Türkçe" not in cd.body


def test_a_sign_off_closing_the_last_paragraph_is_story_and_names_the_wire():
    from analysis_utils.metadata.extract import extract_metadata

    cd = page(
        "Kim writes to Putin\n\n" + STORY_PARAGRAPHS + "\nNorth Korean arms exports are banned under U.N. Security "
        "Council resolutions over the country's nuclear and missile programs. (Yonhap)\n"
    )
    assert cd.body.rstrip().endswith("missile programs. (Yonhap)")
    assert extract_metadata(cd).wire_agency.value == "Yonhap"


def test_skip_links_and_a_slogan_naming_the_site_are_not_the_headline():
    cd = page(
        "Quick access to main page (top) Direct access to main contents\n\nexample.com\n\n"
        "Breaking news and insights at example.com\n\nKim writes to Putin on ties\n\n"
        f"{STORY}\n\n{SECOND}\n"
    )
    assert cd.headline_text == "Kim writes to Putin on ties"
    got = classes(cd)
    assert got["Breaking news and insights at example.com"] == "navigation"


def test_a_title_printed_again_behind_its_breadcrumbs_is_the_headline_below_a_list_of_teasers():
    teasers = (
        "Trump Declares Shutdown of Government Offices Across the Nation\n\n"
        "Trump blames Democrats for the government shutdown, threatening layoffs across many agencies.\n\n"
    )
    title = "Kim Jong Un Sends Warm Letter to Putin on Russia Day"
    more = "Kim wished Putin good health and success in his work, the agency said on Friday, praising the ties."
    cd = page(f"Saturday, January 31, 2026\n\n{teasers}{title}\n\nNorthKorea{title}\n\n{STORY}\n\n{SECOND}\n\n{more}\n")
    assert cd.headline_text == title
    got = classes(cd)
    assert got["Trump Declares Shutdown of Government Offices Across the Nation"] == "navigation"
    assert got[f"NorthKorea{title}"] == "navigation"
    assert "Trump blames" not in cd.body


@pytest.mark.parametrize(
    ("top", "headline"),
    [
        (
            "Kim Jong Un\n\nPublished\n\nKim Jong Un says he wants closer ties with Putin and Russia\n\n",
            "Kim Jong Un says he wants closer ties with Putin and Russia",
        ),
        (
            "Connect with us\n\nKim Jong Un’s Message to Putin After Russia Visit\n\n",
            "Kim Jong Un’s Message to Putin After Russia Visit",
        ),
        (
            "Kim makes a claim in a birthday message to Putin (-)\n\n",
            "Kim makes a claim in a birthday message to Putin",
        ),
    ],
    ids=["topic-tag", "connect-with-us", "empty-bracket"],
)
def test_what_stands_around_a_headline_is_not_part_of_it(top: str, headline: str) -> None:
    assert page(f"{top}{STORY}\n\n{SECOND}\n").headline_text == headline


def test_a_stop_glued_to_the_next_sentence_still_ends_a_sentence():
    from analysis_utils.text.sentences import sentence_spans

    text = "Putin wished Kim peace and prosperity.Turkmenistan's President also wrote. The U.S. said so.Yes."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Putin wished Kim peace and prosperity.",
        "Turkmenistan's President also wrote.",
        "The U.S. said so.Yes.",
    ]


def test_an_app_promotion_under_the_headline_is_navigation():
    cd = page(f"Kim writes to Putin on ties\n\nStay tuned with Example News HD Android App\n\n{STORY}\n\n{SECOND}\n")
    assert classes(cd)["Stay tuned with Example News HD Android App"] == "navigation"


@pytest.mark.parametrize(
    ("text", "headline", "site"),
    [
        (  # the story cites the agency: it is the headline's source, kept as printed
            "Putin greets Kim — KCNA\n\nSEOUL, September 9. /TASS/. Putin congratulated Kim, KCNA reported on Friday.\n",
            "Putin greets Kim — KCNA",
            None,
        ),
        (  # the page's own address is another outlet's
            " date 2024-09-08\nhttps://sputnikglobe.com/20240908/putin-kim.html\n\nPutin Greets Kim - KCNA\n\n"
            "Russian President Vladimir Putin sent a message of congratulations to Kim Jong Un.\n",
            "Putin Greets Kim - KCNA",
            None,
        ),
        (  # the agency's own copy: its name closing the title is the site's
            "Putin greets Kim - Reuters\n\nMOSCOW (Reuters) - Putin congratulated Kim, Reuters reported.\n",
            "Putin greets Kim",
            "Reuters",
        ),
    ],
)
def test_an_agency_closing_the_headline_is_the_site_only_when_the_copy_is_its_own(text, headline, site):
    cd = page(text)
    assert (cd.headline_text, cd.site_name) == (headline, site)


def test_a_syndication_credit_opening_the_story_is_dropped_and_the_dateline_behind_it_read():
    cd = page(
        "Kim sends greetings to Putin\n\n(MENAFN- IANS) Seoul, Aug 4 (IANS) North Korean leader Kim Jong-un has sent "
        "a message to Vladimir Putin.\n\nThe message praised the ties between the two countries.\n"
    )
    assert "MENAFN" not in cd.body and cd.body.startswith("Seoul, Aug 4 (IANS)")
    assert cd.dateline is not None and (cd.dateline.place, cd.dateline.agency) == ("Seoul", "IANS")
    start = cd.segments[0][1]
    assert cd.doc.text[start:].startswith("Seoul, Aug 4")  # the body's offsets still map to the page


def test_a_source_credit_closing_a_paragraph_is_dropped():
    cd = page(
        "Kim writes to Putin\n\nKim sent a message to Putin, which praised the friendship between the two nations. "
        "Source from the Yonhap.\n\nPutin invited Kim to an economic forum in Vladivostok in September.\n"
    )
    assert "Source from" not in cd.body and "two nations." in cd.body


@pytest.mark.parametrize(
    "line",
    [
        "A picture released by North Korean newspaper Rodong Sinmun on Sept. 4 shows Kim Jong-un in a car with Putin.",
        "A man watches a TV screen showing file footage of Donald Trump and Kim Jong-un [Lee Jin-man/AP]",
        "(Photo ©Lev Fedoseyev/TASS)",
        "Russian President Vladimir Putin, left, and North Korea's leader Kim Jong-un examine a Soyuz rocket launch pad.",
        "In the photo, North Korean leader Kim Jong Un and Russian leader Vladimir Putin during an official meeting.",
    ],
)
def test_a_caption_is_known_by_what_it_says_it_shows_or_by_its_photo_credit(line):
    cd = page(
        f"Kim writes to Putin on ties\n\n{line}\n\nKim Jong Un sent a letter to Vladimir Putin on Friday, KCNA said.\n\n"
        "The letter praised the friendship between the two countries and their people.\n"
    )
    assert [ln.cls for ln in cd.lines if ln.text == line] == ["caption"]
    assert line not in cd.body


def test_a_source_a_caption_cites_is_cited():
    from analysis_utils.extract.citations import extract_citations

    cd = page(
        "Kim writes to Putin on ties\n\nKim Jong Un sent a letter to Vladimir Putin on Friday.\n\n"
        "A picture released by North Korean newspaper Rodong Sinmun on Sept. 4 shows Kim in a car with Putin.\n\n"
        "The letter praised the friendship between the two countries and their people.\n"
    )
    assert [(c.cited, c.section) for c in extract_citations(cd)] == [("Rodong Sinmun", "caption")]


def test_an_agencys_name_with_its_abbreviation_opening_a_paragraph_is_no_dateline():
    from analysis_utils.clean.lines import parse_dateline

    assert (
        parse_dateline("The Korean Central News Agency (KCNA) reported on Jan. 1 that Kim received greetings.") is None
    )
    assert parse_dateline("Pyongyang, August 15 (KCNA) — Kim Jong Un received a message.") is not None


def test_a_menu_label_is_no_masthead():
    from analysis_utils.clean.lines import looks_like_masthead

    assert not looks_like_masthead("All news")
    assert looks_like_masthead("The Korea Herald") and looks_like_masthead("Independent news from Russia")


def test_a_page_that_opens_with_its_first_paragraph_keeps_it_above_a_caption():
    lede = (
        "Mr Putin sent his condolences to North Korean leader Kim Jong Un over the devastating floods that caused "
        "significant loss of life and damage to infrastructure, the Kremlin said on Thursday in a statement."
    )
    cd = page(
        f"{lede}\n\nNorth Korean leader Kim Jong Un inspects rescue operations in flooded areas (Photo: KCNA)\n\n"
        "KCNA news agency said a message of condolence from Moscow was conveyed to Kim on Friday.\n"
    )
    assert lede in cd.body


def test_a_capital_glued_to_the_story_by_a_dash_is_a_dateline_but_not_any_word_in_capitals():
    from analysis_utils.clean.lines import parse_dateline

    d = parse_dateline("MOSCOW-In a telegram that was sent to Donald Trump, Putin hoped the crisis would end.")
    assert d is not None and d.place == "MOSCOW"
    assert parse_dateline("NATO-Russia relations have worsened since the war began in Ukraine.") is None


def test_a_title_printed_again_below_with_a_trail_glued_before_it_loses_the_trail():
    cd = page(
        "Home अन्तर्राष्ट्रीय North Korea’s Kim Jong Un Sends ‘Verbal Message’ To Xi Jinping\n\n"
        "North Korea’s Kim Jong Un Sends ‘Verbal Message’ To Xi Jinping\n\n"
        "North Korean leader Kim Jong Un sent a verbal message to Chinese President Xi Jinping, state media said.\n"
    )
    assert cd.headline_text == "North Korea’s Kim Jong Un Sends ‘Verbal Message’ To Xi Jinping"


def test_an_official_websites_name_is_its_masthead_not_the_headline():
    cd = page(
        "Official website of the President of Russia\n\nCondolences to President of Turkey Recep Tayyip Erdogan\n\n"
        "Vladimir Putin sent a message of condolences to President of Turkey Recep Tayyip Erdogan on Monday.\n"
    )
    assert cd.headline_text == "Condolences to President of Turkey Recep Tayyip Erdogan"


@pytest.mark.parametrize(
    "line",
    [
        "AIRLINK 89.35 Decreased By ▼ -0.80 (-0.89%)",
        "KSE100 80,712 Increased By 477.9 (0.6%)",
        '[CP_POLLS id="3"]',
        "SELECT LANGUAGE BELOW",
    ],
)
def test_tickers_shortcodes_and_language_pickers_are_furniture(line):
    cd = page(
        f"{line}\n\nPutin sends greetings to Kim\n\nRussian President Vladimir Putin sent a message to Kim Jong Un on "
        "Friday, the Kremlin said in a statement.\n"
    )
    assert cd.headline_text == "Putin sends greetings to Kim" and line not in cd.body


def test_an_index_line_with_only_a_month_is_an_index_line():
    cd = page(
        " date 2023-10 https://example.com/putin-congratulates-kim\n\nPutin Congratulates Kim Jong Un\n\n"
        "Russian President Vladimir Putin on Thursday congratulated Kim Jong Un on the anniversary of ties.\n"
    )
    assert cd.headline_text == "Putin Congratulates Kim Jong Un"


def test_a_wire_caption_of_two_sentences_is_a_caption():
    line = (
        "In this undated photo provided on Tuesday, June 18, 2024, by South Korea Defense Ministry, North Korean "
        "soldiers work at an undisclosed location near the border area, as seen from a South Korean guard area. "
        "South Korean soldiers fired warning shots to repel North Korean soldiers who temporarily crossed the "
        "rivals’ land border Tuesday for the second time this month, South Korea’s military said. "
        "(South Korea Defense Ministry via AP)"
    )
    cd = page(
        f"Putin writes to Kim\n\nVladimir Putin sent a letter to Kim Jong Un, KCNA reported.\n\n{line}\n\nThe letter thanked Kim.\n"
    )
    assert [ln.cls for ln in cd.lines if ln.text == line] == ["caption"]
