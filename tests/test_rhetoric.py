"""Rhetoric: lemmas, frequencies by speaker, themes, keyness and concordances of the quotations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis_utils.analysis import rhetoric
from analysis_utils.analysis.rhetoric import KIM, PUTIN

SIX_THEMES = [
    "friendship and cooperation",
    "peace and security",
    "sovereignty and anti-imperialism",
    "history and memory",
    "prosperity and well-being",
    "military",
]


def quotes(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A quotes table from (doc_id, speaker, text) rows."""
    return pd.DataFrame(
        [
            {"doc_id": d, "quote_id": f"{d}:q{i + 1}", "speaker": s, "text": t, "start": 10 * i, "section": "body"}
            for i, (d, s, t) in enumerate(rows)
        ]
    )


def test_tokens_are_lower_case_words_without_numbers_or_punctuation():
    assert rhetoric.tokens("On the 75th anniversary, in 2023: Friendly ties!") == [
        "on", "the", "anniversary", "in", "friendly", "ties",
    ]  # fmt: skip


def test_tokens_keep_hyphenated_words_whole():
    assert rhetoric.tokens("the anti-Japanese war and well-being") == [
        "the",
        "anti-japanese",
        "war",
        "and",
        "well-being",
    ]


def test_tokens_drop_the_possessive():
    assert rhetoric.tokens("the country’s sovereignty and Russia's dignity") == [
        "the", "country", "sovereignty", "and", "russia", "dignity",
    ]  # fmt: skip


def test_lemmas_reduce_plurals():
    assert rhetoric.lemmas("relations") == ["relation"]


def test_lemmas_drop_stop_words():
    assert rhetoric.lemmas("the peace and security of the world") == ["peace", "security", "world"]


def test_lemma_of_US_is_not_the_pronoun_we():
    assert rhetoric.lemmas("sanctions by the US") == ["sanction", "US"]
    assert rhetoric.lemmas("sanctions by the U.S.") == ["sanction", "US"]


def test_the_pronoun_us_is_a_stop_word():
    assert rhetoric.lemmas("join us") == ["join"]


def test_hyphenated_plural_loses_only_its_s():
    assert rhetoric.lemmas("anti-imperialists and high-handed well-being") == [
        "anti-imperialist", "high-handed", "well-being",
    ]  # fmt: skip


def test_arms_stay_weapons():
    assert rhetoric.lemmas("arms deals") == ["arms", "deal"]


def test_bigrams_do_not_span_stop_words_or_punctuation():
    assert rhetoric.ngrams("friendly relations, peace and security of the Korean peninsula", 2) == [
        "friendly relation", "korean peninsula",
    ]  # fmt: skip


def test_term_frequencies_count_per_speaker_from_quotations_only():
    q = quotes(
        ("d1", KIM, "Friendship, friendship and friendly relations."),
        ("d1", PUTIN, "Security on the peninsula."),
        ("d1", "", "Friendship of nobody."),
    )
    freq = rhetoric.term_frequencies(q)
    kim = freq[freq["speaker"] == KIM].set_index("term")
    assert kim.loc["friendship", "count"] == 2
    assert kim.loc["friendship", "per_1000"] == pytest.approx(1000 * 2 / 5)
    assert set(freq["speaker"]) == {KIM, PUTIN}


def test_term_frequencies_of_no_quotations_is_an_empty_table():
    freq = rhetoric.term_frequencies(quotes())
    assert freq.empty
    assert list(freq.columns) == ["speaker", "term", "count", "per_1000"]


def test_distinct_quotes_drop_a_variant_and_a_fragment_reported_elsewhere():
    q = quotes(
        ("d1", KIM, "We will strengthen the friendly relations between our two countries."),
        ("d2", KIM, "we will strengthen the friendly relations between our two countries"),
        ("d3", KIM, "friendly relations"),
        ("d3", PUTIN, "friendly relations"),
    )
    kept = rhetoric.distinct_quotes(q)
    assert kept["quote_id"].tolist() == ["d1:q1", "d3:q4"]


def test_themes_file_loads_the_six_themes():
    themes = rhetoric.load_themes()
    assert list(themes) == SIX_THEMES
    assert all(15 <= len(terms) <= 30 for terms in themes.values())


def test_every_theme_term_has_a_lemma_and_belongs_to_one_theme():
    themes = rhetoric.load_themes()
    keys = [tuple(rhetoric.lemmas(term)) for terms in themes.values() for term in terms]
    assert all(keys)
    assert len(keys) == len(set(keys))


def test_theme_score_counts_matches_per_100_words():
    scores = rhetoric.theme_scores(["friendship and cooperation"]).iloc[0]
    assert scores["n_words"] == 3
    assert scores["friendship and cooperation"] == pytest.approx(200 / 3)
    assert scores["military"] == 0


def test_longest_theme_term_wins_and_each_word_counts_once():
    hits = rhetoric.theme_hits("forged in the anti-Japanese war against the enemy")
    assert hits[["theme", "match"]].values.tolist() == [
        ["history and memory", "anti-Japanese war"],
        ["military", "enemy"],
    ]


def test_theme_phrase_matches_across_stop_words():
    hits = rhetoric.theme_hits("strategic and tactical cooperation")
    assert hits[["term", "match"]].values.tolist() == [
        ["strategic and tactical cooperation", "strategic and tactical cooperation"]
    ]


def test_theme_hits_give_offsets_of_the_words_as_written():
    text = "peace and security on the Korean Peninsula"
    hits = rhetoric.theme_hits(text)
    assert [text[s:e] for s, e in zip(hits["start"], hits["end"], strict=True)] == [
        "peace", "security", "Korean Peninsula",
    ]  # fmt: skip


def test_letter_theme_matrix_uses_the_senders_quotes_in_the_same_article():
    tables = {
        "quotes": quotes(
            ("d1", KIM, "Friendship and cooperation forever."),
            ("d1", PUTIN, "Military victory."),
            ("d2", KIM, "Military victory."),
        ),
        "letters": pd.DataFrame(
            [
                {"doc_id": "d1", "letter_key": "E1", "sender": KIM, "recipient": PUTIN, "date": "2023-10-12",
                 "date_earliest": "2023-10-12", "date_latest": "2023-10-12", "occasion": "anniversary", "start": 0},
                {"doc_id": "d2", "letter_key": "E2", "sender": PUTIN, "recipient": KIM, "date": "",
                 "date_earliest": "2019-04-07", "date_latest": "2019-04-15", "occasion": "", "start": 0},
            ]
        ),
    }  # fmt: skip
    m = rhetoric.letter_theme_matrix(tables)
    assert m["letter_key"].tolist() == ["E1"]  # Putin is not quoted in d2, Kim's d2 words belong to no letter
    assert m.loc[0, "direction"] == "Kim Jong Un → Vladimir Putin"
    assert m.loc[0, "friendship and cooperation"] == pytest.approx(200 / 4)
    assert m.loc[0, "military"] == 0


def test_letter_theme_matrix_is_ordered_by_date():
    tables = {
        "quotes": quotes(("d1", KIM, "Peace."), ("d2", PUTIN, "Peace.")),
        "letters": pd.DataFrame(
            [
                {"doc_id": "d1", "letter_key": "E1", "sender": KIM, "recipient": PUTIN, "date": "2023-10-12",
                 "date_earliest": "2023-10-12", "date_latest": "2023-10-12", "occasion": "", "start": 0},
                {"doc_id": "d2", "letter_key": "E2", "sender": PUTIN, "recipient": KIM, "date": "",
                 "date_earliest": "2019-04-07", "date_latest": "2019-04-15", "occasion": "", "start": 0},
            ]
        ),
    }  # fmt: skip
    m = rhetoric.letter_theme_matrix(tables)
    assert m["date"].tolist() == ["2019-04-07", "2023-10-12"]
    assert m.loc[0, "label"].startswith("≥2019-04-07")


KEYNESS_QUOTES = quotes(
    ("d1", KIM, "The imperialists and the imperialists again, imperialists everywhere; peace."),
    ("d2", PUTIN, "Peace and stability, security and peace."),
)


@pytest.mark.parametrize("method", ["log_odds", "g2"])
def test_a_term_only_kim_uses_is_key_for_kim(method):
    k = rhetoric.keyness(KEYNESS_QUOTES, method=method).set_index("term")
    assert k.loc["imperialist", "statistic"] > 0
    assert k.loc["imperialist", "favours"] == KIM
    assert (k.loc["imperialist", "count_a"], k.loc["imperialist", "count_b"]) == (3, 0)


@pytest.mark.parametrize("method", ["log_odds", "g2"])
def test_a_term_only_putin_uses_is_key_for_putin(method):
    k = rhetoric.keyness(KEYNESS_QUOTES, method=method).set_index("term")
    assert k.loc["stability", "statistic"] < 0
    assert k.loc["stability", "favours"] == PUTIN


def test_keyness_is_sorted_from_kim_to_putin():
    k = rhetoric.keyness(KEYNESS_QUOTES)
    assert k["statistic"].is_monotonic_decreasing
    assert k.iloc[0]["term"] == "imperialist"


def test_g2_of_equal_rates_is_zero():
    assert rhetoric.g2(5, 10, 100, 200) == pytest.approx(0.0, abs=1e-9)


def test_g2_matches_dunnings_formula():
    # a = 10 of 100 words, b = 2 of 100 words: expected 6 each
    expected = 2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6))
    assert rhetoric.g2(10, 2, 100, 100) == pytest.approx(expected)
    assert rhetoric.g2(2, 10, 100, 100) == pytest.approx(-expected)


def test_log_odds_prior_shrinks_a_rare_difference_more_than_a_frequent_one():
    rare = rhetoric.log_odds_z(1, 0, 100, 100, alpha=1, alpha0=200)
    frequent = rhetoric.log_odds_z(10, 0, 100, 100, alpha=10, alpha0=200)
    assert 0 < rare < frequent


def test_key_terms_show_both_statistics_and_counts_for_each_side():
    k = rhetoric.key_terms(KEYNESS_QUOTES, n=1)
    assert k["term"].tolist() == ["imperialist", "stability"]
    assert k[["count_a", "count_b"]].values.tolist() == [[3, 0], [0, 1]]
    assert (k["g2"] > 0).tolist() == [True, False]


def test_letter_theme_matrix_keeps_only_letters_between_kim_and_putin():
    tables = {
        "quotes": quotes(("d1", KIM, "Friendship.")),
        "letters": pd.DataFrame(
            [{"doc_id": "d1", "letter_key": "E1", "sender": KIM, "recipient": "Xi Jinping", "date": "2024-01-01",
              "date_earliest": "2024-01-01", "date_latest": "2024-01-01", "occasion": "", "start": 0}]
        ),
    }  # fmt: skip
    assert rhetoric.letter_theme_matrix(tables).empty
    assert len(rhetoric.letter_theme_matrix(tables, between=None)) == 1


def test_keyness_min_count_leaves_out_rare_terms():
    k = rhetoric.keyness(KEYNESS_QUOTES, min_count=3)
    assert set(k["term"]) == {"imperialist", "peace"}


def test_keyness_without_one_speaker_is_empty():
    assert rhetoric.keyness(quotes(("d1", KIM, "Peace."))).empty


def test_kwic_gives_the_keyword_and_its_context_with_offsets():
    text = "We defend peace and security on the Korean peninsula."
    lines = rhetoric.kwic(quotes(("d1", PUTIN, text)), "security", width=10)
    row = lines.iloc[0]
    assert (row["start"], row["end"]) == (20, 28)
    assert text[row["start"] : row["end"]] == "security"
    assert (row["left"], row["keyword"], row["right"]) == ("peace and ", "security", " on the Ko")
    assert (row["doc_id"], row["speaker"]) == ("d1", PUTIN)


def test_kwic_matches_word_forms_of_the_lemma_but_not_derived_words():
    q = quotes(("d1", KIM, "Friends and a friend, in friendly friendship."))
    assert rhetoric.kwic(q, "friend")["keyword"].tolist() == ["Friends", "friend"]


def test_kwic_context_is_cut_at_the_text_edges():
    row = rhetoric.kwic(quotes(("d1", KIM, "Imperialists.")), "imperialist", width=40).iloc[0]
    assert (row["left"], row["keyword"], row["right"]) == ("", "Imperialists", ".")


def test_kwic_of_a_phrase():
    q = quotes(("d1", PUTIN, "peace and security, and peace and stability"))
    assert rhetoric.kwic(q, "peace and security")["keyword"].tolist() == ["peace and security"]


def test_speaker_summary_counts_quotes_and_words():
    s = rhetoric.speaker_summary(
        quotes(("d1", KIM, "One two three."), ("d2", KIM, "Four."), ("d2", PUTIN, "Five six."))
    )
    assert s.values.tolist() == [[KIM, 2, 4], [PUTIN, 1, 2]]
