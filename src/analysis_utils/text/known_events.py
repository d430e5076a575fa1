"""Known events of the reference chronology (``data/known_events.csv``): where a text names them, and their anniversaries.

One finder for every stage: the publication date's constraints, the date expressions, the
letters' occasions and the timeline's events all ask ``event_mentions`` which known events a
sentence names, and ``anniversaries`` which of them it counts years from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from . import data
from .calendar import NUMBER_WORDS, add_years, number_value, ordinal_value
from .matching import Indexed, Prefiltered, alias_key


@dataclass(frozen=True)
class KnownEvent:
    key: str
    name: str
    kind: str
    earliest: dt.date
    latest: dt.date
    recurring: bool
    aliases: tuple[str, ...]  # matched through known_event_index()
    parties: tuple[str, ...] = ()  # the countries of a bilateral event ("diplomatic ties" between which two)


@cache
def known_events() -> tuple[KnownEvent, ...]:
    out = []
    for r in data.rows("known_events.csv"):
        aliases = data.split(r["aliases"])
        if not aliases or not r["date_earliest"]:
            continue
        earliest = dt.date.fromisoformat(r["date_earliest"])
        latest = data.date_or_none(r["date_latest"]) or earliest
        out.append(
            KnownEvent(
                r["key"],
                r["name"],
                r["kind"],
                earliest,
                latest,
                r["recurring"].lower() == "yes",
                tuple(aliases),
                tuple(data.split(r.get("parties", ""))),
            )
        )
    return tuple(out)


@cache
def known_event_index() -> tuple[Indexed, dict[str, tuple[KnownEvent, ...]]]:
    """One pattern for every known-event alias, and the events each alias names (usually one)."""
    by_alias: dict[str, list[KnownEvent]] = {}
    for ev in known_events():
        for a in ev.aliases:
            named = by_alias.setdefault(alias_key(a), [])
            if ev not in named:  # two spellings of one alias (straight and curly apostrophe) name it once
                named.append(ev)
    aliases = [a for ev in known_events() for a in ev.aliases]
    return Indexed.of_aliases(aliases), {k: tuple(v) for k, v in by_alias.items()}


YEARS_AGO = Prefiltered(
    re.compile(
        r"\b(?P<n>\d{1,3}|" + "|".join(k for k in NUMBER_WORDS if k.isalpha()) + r")\s+years?\s+ago\b",
        re.I,
    )
)


ANNIVERSARY = Prefiltered(
    re.compile(
        r"\b(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+(?:[a-z]+\s+){0,2}anniversary\b",
        re.IGNORECASE,
    )
)


class EventMention(NamedTuple):
    """Where a text names known events: ``start``/``end`` (from the start of the search) and the events the alias names."""

    start: int
    end: int
    events: list[KnownEvent]


def event_mentions(text: str, start: int = 0, end: int | None = None) -> list[EventMention]:
    """Known-event aliases in ``text[start:end]`` (offsets from ``start``), longest alias first; an alias may name several events."""
    pattern, by_alias = known_event_index()
    out = []
    for m in pattern.finditer(text, start, end):
        events = by_alias.get(alias_key(m.group(0)))
        if events and re.search(r"\bfirst\b", m.group(0), re.I):
            after = _FIRST_IN.match(text, m.end(), len(text) if end is None else end)
            if after:
                events = _first_in_years(m.group(0), events, after, by_alias)
        if events and any(ev.parties for ev in events):
            events = _between_parties(events, m.group(0), text, start, len(text) if end is None else end)
        if events:
            out.append(EventMention(m.start() - start, m.end() - start, list(events)))
    return out


def _between_parties(
    events: tuple[KnownEvent, ...], alias: str, text: str, start: int, end: int
) -> tuple[KnownEvent, ...]:
    """ "the 75th anniversary of diplomatic ties" is between the countries the passage names (by name, adjective,
    capital or leader): the events whose parties are all named, or, where it names at most one country, those it does not
    contradict (the first listed, the corpus's own pair, when several fit). An alias that names its countries is kept.
    """
    if _named_countries(alias):
        return events
    named = _named_countries(text[start:end])
    fits = [ev for ev in events if not ev.parties or set(ev.parties) <= named]
    if fits:
        return tuple(fits)
    if len(named) > 1:
        return ()
    fits = [ev for ev in events if not ev.parties or named <= set(ev.parties)]
    return tuple(fits[:1])


@cache
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per country of data/countries.csv, its names, adjectives, capital and the names of its leaders (offices.csv,
    people.csv), read from the data directly as ``reference`` does."""
    aliases = {r["canonical"]: data.split(r["aliases"]) for r in data.rows("people.csv")}
    leaders: dict[str, set[str]] = {}
    for r in data.rows("offices.csv"):
        if "leader" in data.split(r.get("generic", "")) and r.get("country"):
            leaders.setdefault(r["country"], set()).update(aliases.get(r["person"], [r["person"]]))
    out = []
    for r in data.rows("countries.csv"):
        words = [*data.split(r["names"]), *data.split(r["adjectives"]), r["capital"], *leaders.get(r["country"], ())]
        words = sorted({w.removeprefix("the ") for w in words if len(w) > 1}, key=len, reverse=True)
        out.append((r["country"], re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")))
    return tuple(out)


def _named_countries(text: str) -> set[str]:
    return {name for name, pat in _country_patterns() if pat.search(text)}


_FIRST_IN = re.compile(
    r"\s+(?:in|for)\s+(?:(?:more\s+than|over|nearly|almost|about|some|around)\s+)?"
    r"(?P<n>\d{1,3}|"
    + "|".join(k for k in NUMBER_WORDS if k.isalpha() and len(k) > 2)
    + r"|a\s+quarter(?:[\s-]+of\s+a)?)"
    r"[\s-]+(?P<unit>years?|decades?|century)\b",
    re.I,
)


def _first_in_years(
    alias: str, events: tuple[KnownEvent, ...], after: re.Match[str], by_alias: dict
) -> tuple[KnownEvent, ...]:
    """ "Putin's first visit to Pyongyang in 24 years" is not the first visit: it is the one N years after it.

    The alias without "first" names the later event when one is known that far after the
    first (within a year); otherwise the mention names no known event.
    """
    later = by_alias.get(alias_key(re.sub(r"\bfirst\s+", "", alias, count=1, flags=re.I)), ())
    n = number_value(after.group("n"))
    if not n or not after.group("unit").lower().startswith("year"):
        return ()
    return tuple(
        ev
        for ev in later
        for first in events
        if first.earliest.year + n - 1 <= ev.earliest.year <= first.latest.year + n + 1 and ev is not first
    )


class Anniversary(NamedTuple):
    """ "the 75th anniversary of <a recurring known event>": the words, the count and the event."""

    match: re.Match[str]
    years: int
    event: KnownEvent

    @property
    def day(self) -> dt.date:
        """The day of this anniversary: the event's first day moved forward by ``years``."""
        return add_years(self.event.earliest, self.years)


ANNIVERSARY_REACH = 60
"""Characters after "the Nth anniversary" within which the known event it counts from must be named."""


def anniversaries(sentence: str, mentions: list[EventMention], latest: dt.date | None = None) -> Iterator[Anniversary]:
    """Each "Nth anniversary" of ``sentence`` followed (within ``ANNIVERSARY_REACH``) by a recurring known event
    that ``mentions`` (the sentence's ``event_mentions``) names, with the first such event.

    An alias that names several events ("Victory Day": 9 May 1945 in Moscow, 27 July 1953 in Pyongyang)
    counts from the one whose Nth anniversary can have come by ``latest`` (the story's latest possible day),
    when only one can; without ``latest`` only an alias naming one event counts.
    """
    for m in ANNIVERSARY.finditer(sentence):
        n = ordinal_value(m.group("ord"))
        if not n:
            continue
        for a, _b, evs in mentions:
            if not (m.end() - 1 <= a or m.end("ord") < a) or a >= m.end() + ANNIVERSARY_REACH:
                continue
            fits = [ev for ev in evs if ev.recurring]
            if len(fits) > 1 and latest is not None:
                fits = [ev for ev in fits if add_years(ev.earliest, n) <= latest + dt.timedelta(days=366)]
            if len(fits) == 1 and (len(evs) == 1 or latest is not None):
                yield Anniversary(m, n, fits[0])
                break
