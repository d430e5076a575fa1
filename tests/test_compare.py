"""Comparing outlets: source labels, quotation share, cited sources, hedging, coverage, similarity and copies."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis_utils.analysis import similarity, sources
from analysis_utils.extract.citations import citations
from analysis_utils.tables.rows import CITED_COLUMNS

WIRE_STORY = (
    "North Korean leader Kim Jong Un sent a message of greetings to Russian President Vladimir Putin on the "
    "occasion of Russia Day, pledging to strengthen the strategic relations between the two countries, the "
    "official Korean Central News Agency said on Tuesday. Kim wished the Russian people success in building a "
    "powerful state and said the friendship forged in the struggle against common enemies would grow stronger "
    "in the new era."
)
OTHER_STORY = (
    "Heavy rain flooded several districts of the capital overnight, closing schools and cutting power to "
    "thousands of homes, the city's emergency office reported. Forecasters warned that more storms were due over "
    "the weekend and asked residents to stay away from rivers and hillsides until the warnings are lifted."
)


def documents(*rows: dict) -> pd.DataFrame:
    """A documents table with the columns compare uses; each row gives doc_id and body, and may give more."""
    base = {"outlet": "", "wire_agency": "", "headline": "", "file": ""}
    return pd.DataFrame([{**base, **row, "file": f"{row['doc_id']}.txt"} for row in rows])


def tables_of(docs: pd.DataFrame, quotes: list[dict] | None = None, events: list[dict] | None = None) -> dict:
    quote_cols = ["doc_id", "text", "speaker", "start", "end", "section", "n_words"]
    event_cols = ["doc_id", "event_id", "kind", "date_earliest", "date_latest", "description", "n_docs", "docs"]
    return {
        "documents": docs,
        "quotes": pd.DataFrame(quotes or [], columns=quote_cols),
        "events": pd.DataFrame(events or [], columns=event_cols),
        "cited_sources": cited_table(docs),
    }


def cited_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The cited_sources table the pipeline makes of these bodies (the page's outlet and wire left out)."""
    rows = [
        {"doc_id": d.doc_id, "file": d.file, **{k: getattr(c, k) for k in CITED_COLUMNS[2:]}}
        for d in docs.itertuples()
        for c in citations(d.body, frozenset(x for x in (d.outlet, d.wire_agency) if x))
    ]
    return pd.DataFrame(rows, columns=CITED_COLUMNS)


# ---------------------------------------------------------------------------- source_label


def test_source_label_prefers_outlet_then_wire_then_unknown():
    docs = documents(
        {"doc_id": "a", "body": "", "outlet": "The Korea Times", "wire_agency": "Yonhap"},
        {"doc_id": "b", "body": "", "wire_agency": "AP"},
        {"doc_id": "c", "body": ""},
    )
    assert list(sources.source_label(docs)) == ["The Korea Times", "AP", "unknown outlet"]


# ---------------------------------------------------------------------------- outlet_stats


def test_outlet_stats_quote_share_counts_overlapping_body_quotations_once():
    body = "x" * 100
    docs = documents({"doc_id": "a", "body": body, "outlet": "Reuters"})
    quotes = [
        {"doc_id": "a", "start": 10, "end": 30, "section": "body"},
        {"doc_id": "a", "start": 20, "end": 40, "section": "body"},
        {"doc_id": "a", "start": 0, "end": 90, "section": "headline"},
    ]
    stats = sources.outlet_stats(tables_of(docs, quotes)).set_index("source")
    assert stats.loc["Reuters", "quote_share"] == pytest.approx(0.30)
    assert stats.loc["Reuters", "n_quotes"] == 2


def test_outlet_stats_groups_articles_of_one_source_and_averages_words():
    docs = documents(
        {"doc_id": "a", "body": "one two three four", "wire_agency": "AP"},
        {"doc_id": "b", "body": "one two", "wire_agency": "AP"},
        {"doc_id": "c", "body": "", "outlet": "NK News"},
    )
    stats = sources.outlet_stats(tables_of(docs)).set_index("source")
    assert stats.loc["AP", "n_articles"] == 2
    assert stats.loc["AP", "mean_words"] == 3
    assert stats.loc["NK News", "quote_share"] == 0


# ---------------------------------------------------------------------------- cited_sources


def test_cited_sources_finds_kcna_said_at_the_end_of_a_sentence():
    docs = documents({"doc_id": "a", "body": "Kim praised the friendship, KCNA said.", "outlet": "Reuters"})
    cited = sources.cited_sources(tables_of(docs))
    assert cited[["doc_id", "source", "cited", "kind", "count"]].values.tolist() == [
        ["a", "Reuters", "KCNA", "agency", 1]
    ]


def test_a_cited_source_is_an_agency_a_medium_or_an_institution():
    body = "The talks went well, Yonhap reported. The New York Times reported it too. The Kremlin said so."
    assert [(c.cited, c.kind) for c in citations(body)] == [
        ("Yonhap", "agency"),
        ("The New York Times", "medium"),
        ("Kremlin", "institution"),
    ]


def test_cited_sources_skips_the_pages_own_wire_agency():
    body = "Kim praised the friendship, KCNA said. Moscow welcomed it, Yonhap reported."
    docs = documents({"doc_id": "a", "body": body, "outlet": "KCNA Watch", "wire_agency": "KCNA"})
    cited = sources.cited_sources(tables_of(docs))
    assert list(cited["cited"]) == ["Yonhap"]


def test_cited_sources_reads_according_to_and_outlets_outside_the_gazetteer():
    body = "They will meet soon, according to the Kremlin. Japan's Asahi Shimbun reported the plan on Monday."
    cited = sources.cited_sources(tables_of(documents({"doc_id": "a", "body": body})))
    assert set(cited["cited"]) == {"Kremlin", "Asahi Shimbun"}


def test_cited_sources_ignores_names_without_a_reporting_cue():
    body = "Kim travelled to Russia by train and met officials of the Kremlin in Vladivostok."
    cited = sources.cited_sources(tables_of(documents({"doc_id": "a", "body": body})))
    assert cited.empty


def test_a_person_between_name_and_verb_takes_the_cue():
    body = "The Kremlin, Dmitry Peskov said, has not set the date. Russia, he added, would decide."
    assert citations(body) == []


def test_an_institution_speaking_through_its_spokesperson_is_cited():
    body = "Kremlin spokesman Dmitry Peskov said the date was not set."
    assert [(c.cited, c.kind, c.evidence) for c in citations(body)] == [
        ("Kremlin", "institution", "Kremlin spokesman Dmitry Peskov said")
    ]


def test_states_and_descriptions_are_not_cited_sources_but_a_name_in_apposition_is():
    body = (
        "North Korea said the drills were a provocation. According to Moscow, the visit is planned. "
        "The talks were useful, state media said. Xi thanked Kim, according to the North's state news agency, KCNA. "
        "Kim replied, according to North Korean state news agency KCNA."
    )
    assert [(c.cited, c.evidence) for c in citations(body)] == [
        ("KCNA", "according to the North's state news agency, KCNA"),
        ("KCNA", "according to North Korean state news agency KCNA"),
    ]


# ---------------------------------------------------------------------------- hedging


def test_hedging_counts_reportedly_and_is_expected_to_per_thousand_words():
    body = "Kim reportedly wrote to Putin, who is expected to reply soon."
    docs = documents({"doc_id": "a", "body": body})
    row = sources.hedging(tables_of(docs)).iloc[0]
    assert row["n_words"] == 11
    assert row["speculation_n"] == 2
    assert row["speculation"] == pytest.approx(2000 / 11)


def test_hedging_takes_the_modal_may_but_not_the_month():
    cues = sources.hedge_cues("Kim may visit in May.")
    assert list(cues.loc[cues["category"] == "speculation", "cue"]) == ["may"]


def test_hedging_of_an_empty_body_is_zero():
    row = sources.hedging(tables_of(documents({"doc_id": "a", "body": ""}))).iloc[0]
    assert row["speculation"] == 0 and row["n_words"] == 0


def test_hedging_by_source_averages_the_rates_of_a_sources_articles():
    docs = documents(
        {"doc_id": "a", "body": "Kim may write again soon to Putin.", "wire_agency": "AP"},
        {"doc_id": "b", "body": "Kim wrote again to Putin.", "wire_agency": "AP"},
    )
    rows = sources.hedging_by_source(tables_of(docs))
    speculation = rows[(rows["source"] == "AP") & (rows["category"] == "speculation")]
    assert speculation["per_1000"].tolist() == [pytest.approx((1000 / 7 + 0) / 2)]


# ---------------------------------------------------------------------------- coverage_matrix


def test_coverage_matrix_marks_which_document_mentions_which_event_sorted_by_date():
    docs = documents({"doc_id": "a", "body": "x"}, {"doc_id": "b", "body": "y"}, {"doc_id": "c", "body": "z"})
    events = [
        {"doc_id": "a", "event_id": "E2", "date_earliest": "2024-06-19", "description": "Pyongyang summit", "n_docs": 2},
        {"doc_id": "b", "event_id": "E2", "date_earliest": "2024-06-19", "description": "Pyongyang summit", "n_docs": 2},
        {"doc_id": "b", "event_id": "E1", "date_earliest": "2019-04-25", "description": "Vladivostok summit", "n_docs": 1},
    ]  # fmt: skip
    matrix = sources.coverage_matrix(tables_of(docs, events=events))
    assert matrix.shape == (3, 2)
    assert list(matrix.columns) == ["2019-04-25 Vladivostok summit [E1]", "2024-06-19 Pyongyang summit [E2]"]
    assert matrix.values.tolist() == [[0, 1], [1, 1], [0, 0]]


def test_coverage_matrix_without_events_keeps_one_row_per_document():
    docs = documents({"doc_id": "a", "body": "x"})
    assert sources.coverage_matrix(tables_of(docs)).shape == (1, 0)


# ---------------------------------------------------------------------------- tfidf_similarity


def test_tfidf_similarity_is_symmetric_with_ones_on_the_diagonal():
    docs = documents(
        {"doc_id": "a", "body": WIRE_STORY},
        {"doc_id": "b", "body": OTHER_STORY},
        {"doc_id": "c", "body": WIRE_STORY[:200]},
        {"doc_id": "d", "body": ""},
    )
    sim = similarity.tfidf_similarity(docs)
    assert list(sim.index) == list(sim.columns) == ["a", "b", "c", "d"]
    assert np.allclose(sim.values, sim.values.T)
    assert np.allclose(np.diag(sim.values), 1.0)


def test_tfidf_similarity_ranks_a_shared_story_above_an_unrelated_one():
    docs = documents(
        {"doc_id": "a", "body": WIRE_STORY},
        {"doc_id": "b", "body": OTHER_STORY},
        {"doc_id": "c", "body": WIRE_STORY[:200]},
    )
    sim = similarity.tfidf_similarity(docs)
    assert sim.loc["a", "c"] > 0.5 > sim.loc["a", "b"]


def test_tfidf_similarity_of_one_document_is_one_by_one():
    assert similarity.tfidf_similarity(documents({"doc_id": "a", "body": WIRE_STORY})).values.tolist() == [[1.0]]


def test_terms_are_lower_case_words_without_stop_words():
    assert similarity.terms("The Kremlin SAID it was 75 years of Friendship.") == ["kremlin", "years", "friendship"]


# ---------------------------------------------------------------------------- near_duplicates


def test_identical_bodies_are_flagged_identical():
    docs = documents({"doc_id": "a", "body": WIRE_STORY}, {"doc_id": "b", "body": "  " + WIRE_STORY.upper()})
    pairs = similarity.near_duplicates(docs)
    assert pairs[["doc_a", "doc_b", "kind", "similarity"]].values.tolist() == [["a", "b", "identical", 1.0]]


def test_a_lightly_edited_copy_is_a_near_duplicate():
    edited = WIRE_STORY.replace("on Tuesday", "on Wednesday").replace("powerful state", "strong country")
    pairs = similarity.near_duplicates(documents({"doc_id": "a", "body": WIRE_STORY}, {"doc_id": "b", "body": edited}))
    assert list(pairs["kind"]) == ["near-duplicate"]
    assert 0.9 <= pairs.loc[0, "similarity"] < 1.0


def test_a_cut_copy_under_the_same_wire_is_a_syndicated_copy():
    cut = WIRE_STORY.split(". Kim wished")[0] + ". A spokesman in Seoul declined to comment on the message."
    docs = documents(
        {"doc_id": "a", "body": WIRE_STORY, "outlet": "The Korea Herald", "wire_agency": "Yonhap"},
        {"doc_id": "b", "body": cut, "outlet": "The Korea Times", "wire_agency": "Yonhap"},
    )
    pairs = similarity.near_duplicates(docs)
    assert list(pairs["kind"]) == ["syndicated copy"]
    assert pairs.loc[0, "same_wire"]


def test_unrelated_texts_are_not_flagged():
    pairs = similarity.near_duplicates(
        documents({"doc_id": "a", "body": WIRE_STORY}, {"doc_id": "b", "body": OTHER_STORY})
    )
    assert pairs.empty


def test_short_or_empty_bodies_are_never_paired():
    pairs = similarity.near_duplicates(documents({"doc_id": "a", "body": ""}, {"doc_id": "b", "body": ""}))
    assert pairs.empty


def _all_pairs_reference(docs: pd.DataFrame, threshold: float = 0.9, wire_threshold: float = 0.75) -> set:
    """Every pair scored in Python, the rule written plainly: what near_duplicates must find."""
    from itertools import combinations

    from rapidfuzz import fuzz

    items = [
        (r.doc_id, similarity.normalised(r.body), r.wire_agency)
        for r in docs.itertuples()
        if sources.word_count(r.body) >= 20
    ]
    found = set()
    for (ia, a, wa), (ib, b, wb) in combinations(items, 2):
        ratio, token_set = fuzz.ratio(a, b) / 100, fuzz.token_set_ratio(a, b) / 100
        same_wire = bool(wa) and wa == wb
        if a == b or ratio >= threshold or token_set >= threshold or (same_wire and token_set >= wire_threshold):
            found.add((ia, ib))
    return found


def test_near_duplicates_over_many_bodies_finds_what_scoring_every_pair_finds(monkeypatch):
    import random

    from helpers import SEEDS

    monkeypatch.setattr(similarity, "PAIR_BLOCK", 7)  # several blocks, so block edges are crossed
    rng = random.Random(1)
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [OTHER_STORY, WIRE_STORY]
    rows = []
    for i in range(30):
        paras = bodies[i % len(bodies)].split("\n\n")
        if i % 3 == 1:
            rng.shuffle(paras)  # rearranged
        if i % 3 == 2:
            paras = paras[: max(1, len(paras) // 2)]  # cut
        body = "\n\n".join(paras).replace("the", rng.choice(["the", "a", "this"]), 2)
        rows.append({"doc_id": f"d{i:02d}", "body": body, "wire_agency": rng.choice(["", "Yonhap", "AP"])})
    docs = documents(*rows)
    pairs = similarity.near_duplicates(docs)
    expected = _all_pairs_reference(docs)
    assert len(expected) > 10
    assert set(zip(pairs.doc_a, pairs.doc_b, strict=True)) == expected


def test_source_similarity_is_the_mean_of_the_article_similarities():
    import numpy as np

    docs = documents(
        {"doc_id": "a", "body": WIRE_STORY, "outlet": "Yonhap"},
        {"doc_id": "b", "body": WIRE_STORY.replace("Tuesday", "Monday"), "outlet": "Yonhap"},
        {"doc_id": "c", "body": OTHER_STORY, "outlet": "Reuters"},
        {"doc_id": "d", "body": OTHER_STORY + " " + WIRE_STORY, "outlet": "Reuters"},
        {"doc_id": "e", "body": "Putin thanked Kim for the letter.", "outlet": "TASS"},
    )
    per_article = similarity.tfidf_similarity(docs)
    by_source = similarity.source_similarity(docs)
    src = dict(zip(docs.doc_id, sources.source_label(docs), strict=True))
    for a in by_source.index:
        for b in by_source.columns:
            values = [per_article.loc[i, j] for i in src for j in src if src[i] == a and src[j] == b and i != j]
            if values:
                assert by_source.loc[a, b] == pytest.approx(np.mean(values), abs=1e-9)
            else:
                assert np.isnan(by_source.loc[a, b])  # TASS has one article


def test_coverage_by_source_is_the_share_of_each_sources_articles():
    docs = documents(
        {"doc_id": "a", "body": "x", "outlet": "Yonhap"},
        {"doc_id": "b", "body": "x", "outlet": "Yonhap"},
        {"doc_id": "c", "body": "x", "outlet": "Reuters"},
    )
    events = [
        {
            "doc_id": "a",
            "event_id": "E1",
            "date_earliest": "2019-04-25",
            "description": "Vladivostok summit",
            "n_docs": 2,
        },
        {
            "doc_id": "c",
            "event_id": "E1",
            "date_earliest": "2019-04-25",
            "description": "Vladivostok summit",
            "n_docs": 2,
        },
        {
            "doc_id": "b",
            "event_id": "E2",
            "date_earliest": "2024-06-19",
            "description": "Pyongyang summit",
            "n_docs": 1,
        },
    ]
    shares = sources.coverage_by_source(tables_of(docs, events=events))
    assert shares.loc["Yonhap"].tolist() == [0.5, 0.5]
    assert shares.loc["Reuters"].tolist() == [1.0, 0.0]
    top = sources.coverage_by_source(tables_of(docs, events=events), top=1)
    assert list(top.columns) == ["2019-04-25 Vladivostok summit [E1]"]


def _copies_corpus(n_variants: int = 3, seed: int = 5) -> pd.DataFrame:
    """Every article of the seeds and the held-out sets, each with edited, cut and rearranged copies of it."""
    import random

    from helpers import FIXTURES, SEEDS

    rng = random.Random(seed)
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("dev*/articles/*.txt"))
    rows = []
    for k, path in enumerate(paths):
        paras = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        wire = rng.choice(["", "", "AP", "Yonhap"])
        rows.append({"doc_id": f"a{k:03d}", "body": "\n\n".join(paras), "wire_agency": wire})
        for v in range(n_variants):
            copy = list(paras)
            how = rng.choice(["cut", "shuffle", "edit", "rewrite"])
            if how == "cut":
                copy = copy[: max(2, int(len(copy) * rng.uniform(0.35, 0.8)))]
            elif how == "shuffle":
                middle = copy[1:-1]
                rng.shuffle(middle)
                copy = [copy[0], *middle, copy[-1]] if len(copy) > 1 else copy
            elif how == "edit":
                words = " ".join(copy).split(" ")
                for _ in range(max(1, len(words) // 30)):
                    words[rng.randrange(len(words))] = rng.choice(["the", "a", "Pyongyang", "Moscow"])
                copy = [" ".join(words)]
            else:  # a new lede on a wire story, its tail cut
                copy = ["Officials in Seoul said on Tuesday that the exchange was being watched closely.", *copy[1:]]
                copy = copy[: max(2, len(copy) - 2)]
            rows.append({"doc_id": f"a{k:03d}_{v}{how}", "body": "\n\n".join(copy), "wire_agency": wire})
    return documents(*rows)


def test_large_corpora_find_the_copies_that_scoring_every_pair_finds(monkeypatch):
    """Past EXHAUSTIVE_UP_TO bodies only the pairs MinHash bands or shared ledes propose are scored."""
    docs = _copies_corpus()
    exhaustive = similarity.near_duplicates(docs)
    monkeypatch.setattr(similarity, "EXHAUSTIVE_UP_TO", 10)
    proposed = similarity.near_duplicates(docs)
    assert len(docs) > 200 and len(exhaustive) > 150
    pd.testing.assert_frame_equal(proposed, exhaustive)


def test_the_proposed_pairs_are_far_fewer_than_all_pairs():
    docs = _copies_corpus()
    texts = [similarity.normalised(b) for b in docs.body]
    pairs = similarity.similar_pairs(texts)
    n = len(texts)
    assert len(pairs) < n * (n - 1) / 2 / 20
    assert all(i < j for i, j in pairs) and pairs == sorted(pairs)


def test_minhash_signatures_repeat_and_follow_the_shared_shingles():
    a = similarity.normalised(WIRE_STORY)
    assert (similarity.minhash_signature(a) == similarity.minhash_signature(a)).all()
    same = (similarity.minhash_signature(a) == similarity.minhash_signature(a + " and one more clause")).mean()
    other = (similarity.minhash_signature(a) == similarity.minhash_signature(similarity.normalised(OTHER_STORY))).mean()
    assert same > 0.7 and other < 0.2


def test_the_scores_of_a_pair_are_those_of_the_scorers_called_on_it():
    from rapidfuzz import fuzz

    docs = _copies_corpus(n_variants=1)
    pairs = similarity.near_duplicates(docs)
    body = {r.doc_id: similarity.normalised(r.body) for r in docs.itertuples()}
    assert len(pairs) > 30
    for r in pairs.itertuples():
        assert r.ratio == fuzz.ratio(body[r.doc_a], body[r.doc_b]) / 100
        assert r.token_set_ratio == fuzz.token_set_ratio(body[r.doc_a], body[r.doc_b]) / 100


def test_wire_copys_inverted_cues_and_spokespeople_cite_their_source():
    body = (
        "Kim expressed condolences to Putin over the attack, reports KCNA. "
        "Lavrov is visiting North Korea for the first time since 2009, Tass said. "
        "The letter was delivered on Thursday, announced the Blue House Thursday. "
        "Blue House spokesperson Kim Eui-kyeom said on Sunday that the letter arrived. "
        "Kremlin aide Yury Ushakov told reporters the greetings were warm. "
        "On Saturday said the Central Telegraph Agency of Korea. "
        "According to North Korea state newspaper Rodong Sinmun, Putin extended congratulations."
    )
    assert [c.cited for c in citations(body)] == [
        "KCNA",
        "TASS",
        "Blue House",
        "Blue House",
        "Kremlin",
        "KCNA",
        "Rodong Sinmun",
    ]


def test_an_inverted_cue_before_a_name_that_goes_on_is_no_citation():
    assert citations("Putin said Yonhap had misreported the date of the visit.") == []


def test_according_to_the_document_cites_the_body_whose_document_it_is():
    body = (
        "Officials warned of a deal that violates a UN Security Council Resolution. "
        "According to the document, any arms trade involving North Korea is prohibited."
    )
    assert [(c.cited, c.kind) for c in citations(body)] == [("UN Security Council", "institution")]


def test_a_photo_caption_credits_its_agency_but_a_copyright_is_not_a_citation():
    from analysis_utils.extract.citations import extract_citations
    from helpers import page

    cd = page(
        "Kim writes to Putin\n\nNorth Korean leader Kim Jong-Un (File | AP)\n\n"
        "Kim Jong Un shakes hands with an official after being re-elected. / Yonhap\n\n"
        "Kim Jong Un. © REUTERS / KCNA\n\n"
        "North Korean leader Kim Jong Un on Friday wrote a letter to Russian President Vladimir Putin, state media said.\n"
    )
    got = [(c.cited, c.cue, c.section) for c in extract_citations(cd)]
    assert got == [("AP", "photo credit", "caption"), ("Yonhap", "photo credit", "caption")]
    c = extract_citations(cd)[0]
    assert cd.doc.text[c.start : c.end] == "AP"


@pytest.mark.parametrize(
    "body",
    [
        "Kim was quoted by North Korean state-run news agency KCNA as saying in the message.",
        "The next day, the Korean Central News Agency (KCNA) clarified that the talks covered trade.",
        "North Korea’s state-run media, Korean Central News Agency, reported that Putin sent a message.",
    ],
)
def test_a_source_described_or_set_in_apposition_is_still_cited(body):
    assert [c.cited for c in citations(body)] == ["KCNA"]


def test_a_name_followed_by_a_comma_and_a_verb_is_no_citation_unless_set_in_apposition():
    assert citations("Officials met Yonhap, said one of them.") == []


@pytest.mark.parametrize(
    ("body", "cited"),
    [
        (
            "Russia is ready for dialogue, citing a high-ranking Russian foreign ministry official.",
            "Russian Foreign Ministry",
        ),
        (
            "All those on board died in the crash, the Russian Investigative Committee said.",
            "Russian Investigative Committee",
        ),
        (
            "Putin noted in the letter uploaded on the website of the Russian Embassy in New Delhi.",
            "Russian Embassy in New Delhi",
        ),
        (
            "Chinese foreign ministry spokeswoman Hua Chunying said that the message was welcome.",
            "Chinese Foreign Ministry",
        ),
    ],
)
def test_a_ministry_embassy_or_committee_named_in_lower_case_or_not_in_the_gazetteer_is_cited(body, cited):
    assert [c.cited for c in citations(body)] == [cited]


def test_a_committee_whose_country_is_not_said_is_not_a_source_by_itself():
    assert citations("The Central Committee said the plan was good.") == []


@pytest.mark.parametrize(
    ("body", "cited"),
    [
        ("Putin wished Kim success, according to a translation by KCNA Watch, and good health.", "KCNA Watch"),
        ("A translation of the message, courtesy of KCNA Watch, expressed thanks.", "KCNA Watch"),
        ("Reporting from Russia Today, Saturday, the letter was given directly.", "RT"),
        ("Xi said, according to state broadcaster CCTV.", "CCTV"),
    ],
)
def test_an_outlets_whole_name_wins_over_the_agency_or_country_inside_it(body, cited):
    assert [c.cited for c in citations(body)] == [cited]
