"""Matching machinery every stage shares: phrases as patterns, words with their offsets, and patterns
tried only where they can match (``Indexed`` by first word, ``Prefiltered`` by required literals)."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import accumulate


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: escaped, any run of spaces between words, either apostrophe."""
    return re.sub("['’]", "['’]", re.escape(phrase.strip()).replace(r"\ ", r"\s+"))


def alias_regex(aliases: list[str]) -> re.Pattern[str]:
    """One regex for a list of phrases: whole words, longest first; all-caps acronyms match case-sensitively."""
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        body = phrase_pattern(alias)
        if not (alias.isupper() and len(alias) <= 6):
            body = f"(?i:{body})"
        parts.append(body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def alias_key(text: str) -> str:
    """How an alias match is looked up: lower case, straight apostrophes, single spaces."""
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


_TOKEN = re.compile(r"\w+")


_TOKEN_SPLIT = re.compile(r"(\w+)")


@lru_cache(maxsize=64)
def word_tokens(text: str) -> tuple[list[int], list[str]]:
    """Where each word begins in ``text`` and the word in lower case, in text order; computed once per text.

    Lower-casing the whole text keeps offsets when no letter changes length ("İ" does), so
    the words come from one split of the lower-case text; otherwise word by word.
    """
    low = text.lower()
    if len(low) == len(text):
        parts = _TOKEN_SPLIT.split(low)
        offsets = list(accumulate(map(len, parts), initial=0))
        return offsets[1:-1:2], parts[1::2]
    starts, words = [], []
    for m in _TOKEN.finditer(text):
        starts.append(m.start())
        words.append(m.group().lower())
    return starts, words


@lru_cache(maxsize=64)
def word_starts(text: str) -> dict[str, list[int]]:
    """Where each word (lower case) begins in ``text``; computed once per text and shared by every matcher."""
    index: dict[str, list[int]] = {}
    for s, w in zip(*word_tokens(text), strict=True):
        index.setdefault(w, []).append(s)
    return index


def first_word(phrase: str) -> str | None:
    """The lower-case first word of a phrase, or None when it does not begin with a word character."""
    m = _TOKEN.match(phrase.strip().lower())
    return m.group() if m else None


class Indexed:
    """A compiled pattern tried only where one of its possible first words begins.

    A long alternation of phrases costs about a microsecond per character when searched
    position by position; every match of such a pattern starts at a word, so looking the
    words up first gives the same matches (leftmost, non-overlapping, as ``finditer``)
    for a fraction of the time. ``first`` is every lower-case word a match can start
    with; None (a phrase not starting with a word character) falls back to ``finditer``.
    ``by_word`` may give, for a first word, a smaller pattern that matches at such a word
    exactly as the whole pattern does (see ``of_aliases``).
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        first: Iterable[str | None],
        by_word: dict[str, re.Pattern[str]] | None = None,
    ) -> None:
        self.pattern = pattern
        words = set(first)
        self.first: frozenset[str] | None = None if None in words else frozenset(w for w in words if w)
        self.by_word = by_word or {}

    @classmethod
    def of_phrases(cls, pattern: re.Pattern[str], phrases: Iterable[str], extra: Iterable[str] = ()) -> Indexed:
        return cls(pattern, [*(first_word(p) for p in phrases), *extra])

    @classmethod
    def of_aliases(cls, aliases: Iterable[str]) -> Indexed:
        """``alias_regex(aliases)``, with one small alternation per first word (same order: longest first)."""
        aliases = list(aliases)
        groups: dict[str | None, list[str]] = {}
        for a in aliases:
            groups.setdefault(first_word(a), []).append(a)
        by_word = {w: alias_regex(group) for w, group in groups.items() if w is not None}
        return cls(alias_regex(aliases), groups, by_word)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Matches in ``text[pos:endpos]``, as ``pattern.finditer(text, pos, endpos)`` finds them."""
        end_at = len(text) if endpos is None else min(endpos, len(text))
        if self.first is None:
            yield from self.pattern.finditer(text, pos, end_at)
            return
        offsets, words = word_tokens(text)
        lo, hi = bisect_left(offsets, pos), bisect_left(offsets, end_at)
        if hi - lo <= len(self.first):  # fewer words in the window than first words: read the window
            first = self.first
            starts = [(offsets[k], words[k]) for k in range(lo, hi) if words[k] in first]
        else:
            index = word_starts(text)
            starts = sorted((s, w) for w in self.first for s in index.get(w, ()) if pos <= s < end_at)
        if end_at < len(text) and end_at > pos and text[end_at - 1].isalnum() and text[end_at].isalnum():
            # a word cut by endpos is a shorter word here: look it up as cut
            cut = _TOKEN.search(text, max(pos, end_at - 60), end_at)
            while cut and cut.end() < end_at:
                cut = _TOKEN.search(text, cut.end(), end_at)
            if cut:
                starts = [(s, w) for s, w in starts if s != cut.start()]
                if cut.group().lower() in self.first and cut.start() >= pos:
                    starts = sorted([*starts, (cut.start(), cut.group().lower())])
        end = 0
        for s, w in starts:
            if s < end:
                continue
            m = self.by_word.get(w, self.pattern).match(text, s, end_at)
            if m:
                yield m
                end = max(m.end(), s + 1)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


_ODD_CASE = "\u0130\u0131\u017f\u212a"
"""The four non-ASCII letters that case-insensitive patterns match to ASCII ones (İ ı ſ K)."""


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None when none can be told.

    Read from the parsed pattern (literal runs, alternatives, repeats of at least one);
    a line with none of them cannot match, so the pattern need not be searched there
    (the cleaner looks its furniture rules up this way). Only ASCII strings are used.
    """
    try:
        from re import _constants as c
        from re import _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # another Python's internals: no prefilter, every line is searched
        return None

    def req(items: list) -> set[str] | None:
        found: list[set[str]] = []
        run: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                found.append({"".join(run)})
                run = []
            r: set[str] | None = None
            if op is c.SUBPATTERN:
                r = req(av[3])
            elif op is c.ATOMIC_GROUP:
                r = req(av)
            elif op is c.BRANCH:
                subs = [req(b) for b in av[1]]
                r = None if any(x is None for x in subs) else set().union(*subs)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                r = req(av[2])
            if r:
                found.append(r)
        if run:
            found.append({"".join(run)})
        found = [f for f in found if f and all(x.isascii() and x for x in f)]
        return max(found, key=lambda f: min(len(x) for x in f)) if found else None

    got = req(list(parsed))
    return tuple(sorted({x.lower() for x in got})) if got else None


def lower_for_prefilter(text: str) -> str | None:
    """``text`` in lower case for a literal prefilter, or None when it holds a letter that folds oddly."""
    for letter in _ODD_CASE:  # four substring searches: fifteen times faster than a character-class regex
        if letter in text:
            return None
    return text.lower()


class Prefiltered:
    """A compiled pattern not searched in text that holds none of its required literals.

    Same matches as the pattern (``search``, ``match``, ``finditer``, with ``pos`` and
    ``endpos``): a window without any string that every match contains cannot match, and
    looking for a few short strings costs far less than running a pattern that tries every
    word ("the 75th anniversary", "77 years ago"). Worth it for patterns whose literals are
    rare in a sentence; anything else (``sub``, ``pattern``, ``groupindex``) is the pattern's own.
    """

    __slots__ = ("re", "literals")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.re = pattern
        self.literals = required_literals(pattern)

    def may_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False only when ``text[pos:endpos]`` cannot hold a match."""
        if self.literals is None:
            return True
        window = text if pos <= 0 and (endpos is None or endpos >= len(text)) else text[pos:endpos]
        low = lower_for_prefilter(window)
        if low is None:
            return True
        for x in self.literals:  # a loop, not any(): this runs a hundred thousand times an export
            if x in low:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.re.search(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.re.match(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.re.finditer(text, pos, endpos) if self.may_match(text, pos, endpos) else iter(())

    def __getattr__(self, name: str):  # noqa: ANN204 - the pattern's other attributes, unfiltered
        return getattr(self.re, name)


def words_present(text: str, phrase: str) -> bool:
    """Does every word of ``phrase`` occur in ``text`` (in any case)? A cheap test before a costly pattern."""
    index = word_starts(text)
    return all(w in index for w in _words_of(phrase))


@cache
def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _TOKEN.findall(phrase))


def cue_regex(cues: list[str], exact: list[str]) -> re.Pattern[str]:
    """One pattern for a lexicon of cue phrases: whole words, longest first; ``cues`` in any case, ``exact`` as written."""
    parts = [f"(?i:{phrase_pattern(c)})" for c in sorted(cues, key=len, reverse=True)]
    parts += [phrase_pattern(c) for c in sorted(exact, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts or ["(?!)"]) + r")(?![\w-])")
