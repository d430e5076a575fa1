"""The speed-ups must not change a single match: indexed patterns and literal prefilters against plain regex."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_utils.extract import entities
from analysis_utils.text import date_mentions, known_events, matching, reference

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("dev*/articles/*.txt"))
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# words the patterns care about, mixed with noise, so random texts hit the interesting cases
VOCAB = [
    "Kim", "Jong", "Un", "Putin", "Vladimir", "President", "president", "former", "the", "a", "Russian",
    "North", "Korea", "Korea's", "Korea’s", "Victory", "Day", "Liberation", "March", "May", "Sept.", "12th",
    "1st", "31", "2023", "Friday", "Juche", "112", "71-year-old", "turned", "his", "birthday", "photo", "AP",
    "Reuters", "All", "Rights", "Reserved", "Kelvin", "\u212a", "\u0130", "-", ",", ".", "’", "\n", "ex-",
]  # fmt: skip
texts = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join) | st.text(max_size=200)


def _indexed() -> list[tuple[str, matching.Indexed]]:
    names, _ = entities.name_index()
    roles, _ = entities.role_index()
    events, _ = known_events.known_event_index()
    dated = [(k, p) for k, p in date_mentions.INDEXED_PATTERNS if isinstance(p, matching.Indexed)]
    return [("names", names), ("roles", roles), ("known events", events), *dated]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@pytest.mark.parametrize("name,index", _indexed(), ids=[n for n, _ in _indexed()])
def test_indexed_patterns_find_what_the_plain_pattern_finds_in_real_articles(name, index):
    found = 0
    for text in TEXTS:
        plain = _spans(index.pattern.finditer(text))
        assert _spans(index.finditer(text)) == plain, name
        found += len(plain)
    assert found > 0, f"{name}: nothing to compare in the fixtures"


@SETTINGS
@given(texts)
def test_indexed_patterns_agree_with_plain_finditer_on_any_text(text):
    for name, index in _indexed():
        assert _spans(index.finditer(text)) == _spans(index.pattern.finditer(text)), name


def test_a_pattern_that_may_begin_with_punctuation_falls_back_to_a_full_search():
    idx = matching.Indexed.of_aliases(["(KCNA)", "Putin"])
    assert idx.first is None
    assert [m.group(0) for m in idx.finditer("as (KCNA) said, Putin")] == ["(KCNA)", "Putin"]


def test_indexed_aliases_keep_longest_first_and_whole_words():
    idx = matching.Indexed.of_aliases(["Kim", "Kim Jong Un", "KCNA"])
    text = "Kim Jong Un met Kimchi sellers; kcna and KCNA reported, Kim said"
    assert [m.group(0) for m in idx.finditer(text)] == ["Kim Jong Un", "KCNA", "Kim"]


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"\ball rights reserved\b", ("all rights reserved",)),
        (r"^(?:subscribe|sign up)$", ("ign up", "ubscribe")),
        (r"(?:photo|image)\s*:\s*[^.]{2,60}$", ("image", "photo")),
        (r"^[-+]?\s*[0-9]$", None),
        (r"^(?:a|)b?$", None),
        (r"©\s*\d{4}", None),
    ],
)
def test_required_literals_are_read_from_the_pattern(pattern, expected):
    assert matching.required_literals(re.compile(pattern, re.IGNORECASE)) == expected


def _may_match(literals: tuple[str, ...] | None, low: str | None) -> bool:
    """What the prefilter promises: a line lacking every required literal cannot match (None: no promise)."""
    return literals is None or low is None or any(x in low for x in literals)


def _lines() -> list[str]:
    return [ln.strip() for text in TEXTS for ln in text.splitlines() if ln.strip()]


def test_no_furniture_rule_is_skipped_on_a_line_it_matches():
    rules = reference.furniture_rules()
    assert sum(r.literals is not None for r in rules) > len(rules) * 0.8  # the prefilter is really used
    skipped = 0
    for line in _lines():
        low = matching.lower_for_prefilter(line)
        for rule in rules:
            if not _may_match(rule.literals, low):
                skipped += 1
                assert rule.pattern.search(line) is None, (rule.pattern.pattern, line)
    assert skipped > 1000


@SETTINGS
@given(texts)
def test_furniture_prefilter_never_hides_a_match_on_any_text(text):
    low = matching.lower_for_prefilter(text)
    for rule in reference.furniture_rules():
        if rule.pattern.search(text):
            assert _may_match(rule.literals, low), rule.pattern.pattern


def test_odd_case_letters_turn_the_prefilter_off():
    rule = re.compile(r"\bkey\b", re.IGNORECASE)
    text = "the \u212aey"  # Kelvin sign: matches k when case is ignored
    assert rule.search(text)
    assert matching.lower_for_prefilter(text) is None
    assert _may_match(matching.required_literals(rule), matching.lower_for_prefilter(text))


@SETTINGS
@given(texts, st.integers(0, 250), st.integers(0, 250))
def test_indexed_patterns_agree_within_a_window(text, a, b):
    pos, endpos = min(a, b), max(a, b)
    for name, index in _indexed():
        got = _spans(index.finditer(text, pos, endpos))
        assert got == _spans(index.pattern.finditer(text, pos, endpos)), name


def _first_rule(line: str) -> reference.FurnitureRule | None:
    return next((r for r in reference.furniture_rules() if r.pattern.search(line)), None)


def test_the_furniture_lookup_picks_the_rule_a_plain_search_picks():
    from analysis_utils.clean.lines import bare as _core
    from analysis_utils.clean.lines import furniture_rule as _furniture

    hits = 0
    for line in _lines():
        core = _core(line)
        assert _furniture(core) == _first_rule(core), core
        hits += _first_rule(core) is not None
    assert hits > 20


@SETTINGS
@given(texts)
def test_the_furniture_lookup_agrees_on_any_text(text):
    from analysis_utils.clean.lines import furniture_rule as _furniture

    assert _furniture(text) == _first_rule(text)


@SETTINGS
@given(texts)
def test_the_word_index_lists_every_word_where_it_starts(text):
    starts, words = matching.word_tokens(text)
    plain = [(m.start(), m.group().lower()) for m in re.finditer(r"\w+", text)]
    assert list(zip(starts, words, strict=True)) == plain
    assert matching.word_starts(text) == {w: [s for s, x in plain if x == w] for _, w in plain}


def test_the_word_index_keeps_offsets_when_lower_case_changes_a_length():
    text = "\u0130stanbul talks: Putin and Kim"  # "İ".lower() is two characters
    starts, words = matching.word_tokens(text)
    assert words[-1] == "kim" and text[starts[-1] :] == "Kim"


def _prefiltered() -> list[tuple[str, matching.Prefiltered]]:
    """Every prefiltered pattern of the package: module attributes, and fields of module-level values (a Tense)."""
    import dataclasses
    import importlib
    import pkgutil

    import analysis_utils

    names = [m.name for m in pkgutil.walk_packages(analysis_utils.__path__, "analysis_utils.")]
    modules = [importlib.import_module(name) for name in names if not name.rsplit(".", 1)[-1].startswith("_")]

    def values(mod):
        for name, value in vars(mod).items():
            yield name, value
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                for f in dataclasses.fields(value):
                    yield f"{name}.{f.name}", getattr(value, f.name)

    found = [
        (f"{mod.__name__.rsplit('.', 1)[-1]}.{name}", value)
        for mod in modules
        for name, value in values(mod)
        if isinstance(value, matching.Prefiltered)
    ]
    return list(dict((id(p), (n, p)) for n, p in found).values())


PREFILTER_WORDS = [
    "the", "75th", "seventy-fifth", "anniversary", "Anniversary", "of", "77", "years", "ago", "Year", "sent", "wrote",
    "letter", "message", "to", "from", "said", "will", "held", "last", "Monday", "this", "month", "according",
    "K", "\u212a", "\u017f", "ſent", "\u0130", ".", ",", "\n", "spokesman", "Ministry", "minister", "Reporting", "by",
    "Kremlin", "foreign", "Mr.", "(END)", "his", "it", "reporter",
]  # fmt: skip
prefilter_texts = st.lists(st.sampled_from(PREFILTER_WORDS), max_size=40).map(" ".join) | st.text(max_size=120)


def test_prefiltered_patterns_are_used_and_find_what_the_plain_pattern_finds_in_real_articles():
    patterns = _prefiltered()
    assert len(patterns) >= 25 and all(p.literals for _, p in patterns)  # each has literals to look for
    skipped = matched = 0
    for text in TEXTS:
        for name, p in patterns:  # a window of the whole text
            assert _spans(p.finditer(text, 10, len(text) - 10)) == _spans(p.re.finditer(text, 10, len(text) - 10)), name
        lines = [ln for ln in text.splitlines() if ln.strip()]
        for name, p in patterns:
            for ln in lines:
                assert _spans(p.finditer(ln)) == _spans(p.re.finditer(ln)), name
                skipped += not p.may_match(ln)
                for m in p.re.finditer(ln):  # the tightest window: the match itself, and from it on
                    matched += 1
                    for window in ((m.start(), m.end()), (m.start(), len(ln))):
                        got, plain = p.search(ln, *window), p.re.search(ln, *window)
                        assert (got and got.span()) == (plain and plain.span()), (name, ln, window)
    assert skipped > 1000 and matched > 100


@SETTINGS
@given(prefilter_texts, st.integers(0, 150), st.integers(0, 150))
def test_prefiltered_patterns_agree_with_the_plain_pattern_on_any_text_and_window(text, a, b):
    pos, endpos = min(a, b), max(a, b)
    for name, p in _prefiltered():
        assert _spans(p.finditer(text, pos, endpos)) == _spans(p.re.finditer(text, pos, endpos)), name
        for method in ("search", "match"):
            got, plain = getattr(p, method)(text, pos, endpos), getattr(p.re, method)(text, pos, endpos)
            assert (got is None) == (plain is None) and (got is None or got.span() == plain.span()), name


def test_a_prefiltered_pattern_skips_text_without_its_literal_and_not_odd_case_text():
    p = matching.Prefiltered(re.compile(r"\b\w+\s+anniversary\b", re.IGNORECASE))
    assert p.literals == ("anniversary",)
    assert not p.may_match("the summit in Vladivostok")
    assert p.search("the 75th ANNIVERSARY").group(0) == "75th ANNIVERSARY"
    assert p.may_match("the 75th anniver\u017fary") and p.search("the 75th anniver\u017fary")  # long s folds to s
    assert p.sub("X", "its 5th anniversary") == "its X"  # other methods are the pattern's own


@SETTINGS
@given(texts)
def test_dates_are_looked_for_only_in_text_with_a_digit_and_none_is_lost(text):
    assert date_mentions.find_dates(text) == date_mentions.scan_dates(text)
    assert date_mentions.scan_dates(re.sub("[0-9]", "", text)) == []  # no pattern matches without an ASCII digit


def test_no_date_of_the_articles_is_lost_by_the_digit_check():
    found = 0
    for line in _lines():
        assert date_mentions.find_dates(line) == date_mentions.scan_dates(line)
        found += len(date_mentions.scan_dates(line))
    assert found > 100
