"""Property tests: no exception on arbitrary text; cleaning is idempotent; every offset points at its evidence."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils.clean.page import classify
from analysis_utils.extract.dates.resolve import extract_dates
from analysis_utils.extract.quotes import extract_quotes
from analysis_utils.metadata.extract import extract_metadata as extract
from analysis_utils.metadata.values import PubDate
from helpers import make_doc

# text with the characters that matter here: quotes of every kind, dashes, newlines, digits, month names
ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?-–—()\"'“”‘’\n\n\t\u00a0<>/&#")
)
WORDS = st.sampled_from(
    ["Kim", "Putin", "said", "wrote", "letter", "message", "on", "Friday", "April", "12", "2019", "the", "SEOUL,", "(Reuters)", "-",
     "“", "”", '"', "‘", "’", "don’t", "Korea’s", "\n\n", "By", "icon-facebook", "Related Articles", "77 years ago", "next week", "it", "he"]
)  # fmt: skip
TEXTS = st.one_of(st.text(ALPHABET, max_size=400), st.lists(WORDS, max_size=120).map(" ".join))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAY = dt.date(2023, 9, 9)


@SETTINGS
@given(TEXTS)
def test_cleaning_never_fails_and_the_body_maps_back(text):
    cd = classify(make_doc(text))
    for i, ch in enumerate(cd.body):
        if ch != "\n":
            assert cd.doc.text[cd.to_text(i)] == ch


@SETTINGS
@given(TEXTS)
def test_cleaning_is_idempotent(text):
    """Cleaning a cleaned story again (under a headline) gives the same story."""
    cd = classify(make_doc(text))
    if not any(len(re.findall(r"[A-Za-z]{2,}", p)) >= 8 and p.rstrip()[-1:] in '.!?”"' for p in cd.paragraphs):
        return  # no paragraph of prose (eight words ending a sentence): no story to keep
    again = classify(make_doc("A headline for the cleaned story\n\n" + cd.body))
    assert again.body == cd.body


@SETTINGS
@given(TEXTS)
def test_quotes_never_fail_and_point_at_their_words(text):
    cd = classify(make_doc(text))
    for q in extract_quotes(cd, DAY).quotes:
        source = cd.body if q.section == "body" else cd.doc.text
        assert source[q.start : q.end] == q.text


@SETTINGS
@given(TEXTS)
def test_dates_never_fail_and_point_at_their_expression(text):
    cd = classify(make_doc(text))
    for pub in (
        PubDate(published=DAY, earliest=DAY, latest=DAY),
        PubDate(earliest=DAY, latest=DAY + dt.timedelta(days=30)),
        PubDate(),
    ):
        for e in extract_dates(cd, pub):
            source = cd.body if e.section == "body" else cd.doc.text
            assert source[e.start : e.end].strip() == e.expression.strip()
            assert e.date_earliest <= e.date_latest


@SETTINGS
@given(TEXTS)
def test_metadata_never_fails(text):
    md = extract(classify(make_doc(text)), DAY)
    p = md.published
    assert (p.earliest is None) == (p.latest is None)
    if p.earliest:
        assert p.earliest <= p.latest
