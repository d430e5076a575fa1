"""Constraints on an undated story's publication day, read from its text: each rule turns one kind of clue into
allowed days with its evidence ("77 years ago" of a known event, "the 75th anniversary of", an office held, an age,
a Juche year, named events and years spoken of as past).

``collect_constraints`` runs ``SENTENCE_RULES`` on every sentence, in order, then ``TEXT_RULES`` on the whole
story; a rule returns constraints, and pegs (days the story's news may hang on) for ``pubdate`` to weigh.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..clean.values import CleanDoc
from ..text import reference
from ..text.calendar import JUCHE_YEAR, WEEKDAYS, add_years, juche_gregorian_year, month_number, number_value
from ..text.clauses import EVENT_CLAUSE, EVENT_TENSE, clause_before
from ..text.date_mentions import find_dates
from ..text.known_events import YEARS_AGO, EventMention, anniversaries, event_mentions
from ..text.matching import Indexed, Prefiltered, first_word, words_present
from ..text.sentences import sentence_spans
from .spans import Constraint, Span

FLOOR = dt.date(1945, 1, 1)
"""No story in this domain predates Korea's liberation."""


ANNIVERSARY_WINDOW_DAYS = 60
"""Coverage of an anniversary falls within this many days of it."""


_BARE_YEAR = re.compile(
    r"(?:\b(?:in|since|from|during|of|early|late|mid|until|and|after|before|the|by|year)[\s-]+)(?P<y>19[4-9]\d|20[0-4]\d)\b(?![,.]?\d)"
)


_RELATIVE = Prefiltered(
    re.compile(r"\b(?P<which>last|this|earlier this|later this)\s+(?P<unit>year|month|week)\b", re.IGNORECASE)
)


WEEKDAY = Prefiltered(re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"))


def story_text(cd: CleanDoc) -> str:
    """What dates the story: its headline and text (the lede first), then its photo captions (not a file photo's),
    which may date the day's pictures ("… the Victory Day parade marking the 78th anniversary …, May 9")."""
    captions = [ln.text.strip() for ln in cd.lines if ln.cls == "caption" and not _FILE_PHOTO.search(ln.text)]
    parts = [cd.headline_text or "", cd.story.strip(), *captions]
    return "\n\n".join(p for p in parts if p).strip()


def _file_photo_captions(cd: CleanDoc) -> list[str]:
    return [ln.text.strip() for ln in cd.lines if ln.cls == "caption" and _FILE_PHOTO.search(ln.text)]


_FILE_PHOTO = re.compile(r"\bfile\b|\barchive\b|\bin this (?:\d{4} )?(?:photo|image|picture)", re.I)
"""A caption of an old photograph ("(File Photo)", "In this 2019 photo"): it dates the photo, not the story."""


def lede_end(text: str) -> int:
    """End offset of the headline and the first three paragraphs (where the news peg is told)."""
    pos = 0
    for _ in range(4):
        nxt = text.find("\n\n", pos + 1)
        if nxt < 0:
            return len(text)
        pos = nxt
    return pos


Peg = tuple[dt.date, str]
"""A day the story's news may hang on, with why (the anniversary a lede marks, a known event's weekday)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the story with what every rule reads of it."""

    text: str  # the sentence
    events: list[EventMention]  # the known events it names (offsets in ``text``)
    speaks_of_future: bool  # it holds a marker of the future anywhere
    in_lede: bool  # it lies in the headline or the first three paragraphs
    today: dt.date


Rule = Callable[[Sentence], tuple[list[Constraint], list[Peg]]]


def _years_ago(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """ "77 years ago" with a known event in the same sentence."""
    out = []
    for m in YEARS_AGO.finditer(s.text):
        n = number_value(m.group("n"))
        near = [evs for a, b, evs in s.events if len(evs) == 1]
        if n and near:
            ev = near[0][0]
            lo = add_years(ev.earliest, n)
            hi = add_years(ev.latest, n + 1) - dt.timedelta(days=1)
            out.append(Constraint(Span.between(lo, hi), 3, f"'{m.group(0)}' of {ev.name} ({ev.earliest}) → {lo}..{hi}"))
    return out, []


def _anniversary(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """ "the 75th anniversary of <known event>": near that anniversary; in the lede, the story's news peg."""
    out, pegs = [], []
    for a in anniversaries(s.text, s.events, s.today):
        day, ev = a.day, a.event
        win = dt.timedelta(days=ANNIVERSARY_WINDOW_DAYS)
        why = f"'{a.match.group(0)} of … {ev.name.lower()}' ({ev.earliest} + {a.years} years = {day})"
        if EVENT_TENSE.is_future(clause_before(s.text, a.match.start(), EVENT_CLAUSE, 80)):
            # "Kim will attend the celebrations of the 70th anniversary": the story comes before it
            out.append(Constraint(Span.between(FLOOR, day + win), 2, f"{why}, still to come"))
            continue
        if _TOLD_AS_PAST.search(s.text):
            # "Kim's visit last September for the 80th anniversary of …": an anniversary already behind the story
            out.append(Constraint(Span.between(day - win, s.today), 2, f"{why}, told as past"))
            continue
        out.append(Constraint(Span.between(day - win, day + win), 2, why))
        if s.in_lede:
            pegs.append((day, why))
    return out, pegs


_TOLD_AS_PAST = re.compile(
    r"\blast\s+(?:year|month|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b|\b(?:a|one|two|three|four|five|\d{1,2})\s+(?:years?|months?)\s+ago\b"
    r"|\bearlier\s+(?:this|last)\s+year\b|\bthe\s+previous\s+year\b|\b(?:19|20)\d\d\s+(?:marked|was|saw|had\s+been)\b",
    re.I,
)
"""A sentence placing what it tells in an earlier year or month: its anniversary is not the story's news."""


def _named_events(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """Named events the story treats as past (or as still to come)."""
    out = []
    for a, b, evs in s.events:
        if any(ev.recurring for ev in evs):
            continue
        if EVENT_TENSE.is_future(clause_before(s.text, a, EVENT_CLAUSE, 80)):
            if len(evs) == 1:
                ev = evs[0]
                why = f"'{s.text[a:b]}' spoken of as still to come ({ev.earliest})"
                out.append(Constraint(Span.between(FLOOR, ev.earliest), 1, why))
        elif not _NOT_HELD_AFTER.match(s.text, b):
            ev = min(evs, key=lambda e: e.earliest)
            why = f"'{s.text[a:b]}' ({ev.name}, {ev.earliest}) already happened"
            # an office taken ("chairman of the State Affairs Commission") is a term, not news the story follows
            out.append(Constraint(Span.between(ev.earliest, s.today), 2, why, fact=ev.kind != "office"))
    return out, []


_NOT_HELD_AFTER = re.compile(
    r"[^.;!?]{0,80}?\b(?:will|would|is\s+to|are\s+to|to\s+be\s+held|not\s+take\s+place|"
    r"(?:was|were|has\s+been|had\s+been|is|be)\s+(?:cancel+ed|called\s+off|postponed|scrapped|delayed))\b",
    re.I,
)
"""After a named event, what its sentence says of it may deny that it has happened: "the Singapore summit, for the
good of both parties, … will not take place"."""


PAST_DAY_STRENGTH = 3
"""A day with its year that a sentence tells as past outweighs an anniversary's window (2)."""


def _past_dates(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """Years and dated months the story treats as past (in a sentence with no marker of the future)."""
    if s.speaks_of_future:
        return [], []
    out = []
    for d in find_dates(s.text):
        if d.year is not None:
            lo = dt.date(d.year, d.month, d.day or 1)
            # a full date told as past is a fact; an anniversary's nearness only a likelihood: the date wins
            strength = PAST_DAY_STRENGTH if d.day is not None else 2
            out.append(Constraint(Span.between(lo, s.today), strength, f"'{d.text}' is in the past"))
    for m in _BARE_YEAR.finditer(s.text):
        y = int(m.group("y"))
        if not any(d.start <= m.start("y") < d.end for d in find_dates(s.text)):
            why = f"'{m.group(0).strip()}' is in the past"
            out.append(Constraint(Span.between(dt.date(y, 1, 1), s.today), 2, why))
    return out, []


def _month_of_event(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """A month without a year, tied to a dated event in the same sentence: published within a year of it."""
    out = []
    for month, mtext in _yearless_months(s.text):
        for _a, _b, evs in s.events:
            if len(evs) == 1 and not evs[0].recurring and evs[0].earliest.month == month:
                ev = evs[0]
                hi = add_years(ev.earliest, 1) - dt.timedelta(days=1)
                why = f"'{mtext}' without a year names the {ev.name} of {ev.earliest:%B %Y}: published within a year"
                out.append(Constraint(Span.between(ev.earliest, hi), 2, why))
    return out, []


def _relative_to_event(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """ "last year" / "this year" / "last month" / "last week" beside a dated event."""
    out = []
    singles = [evs[0] for _a, _b, evs in s.events if len(evs) == 1 and not evs[0].recurring]
    for m in _RELATIVE.finditer(s.text):
        for ev in singles[:1]:
            unit, which = m.group("unit").lower(), m.group("which").lower().split()[0]
            if unit == "year":
                y = ev.earliest.year + (1 if which == "last" else 0)
                span = Span.between(dt.date(y, 1, 1), dt.date(y, 12, 31))
            elif unit == "week":  # weeks from Monday: "the attack … last week" is told the week after it
                monday = (
                    ev.earliest
                    - dt.timedelta(days=ev.earliest.weekday())
                    + dt.timedelta(days=7 if which == "last" else 0)
                )
                span = Span.between(max(monday, ev.earliest), monday + dt.timedelta(days=6))
            else:
                first = dt.date(ev.earliest.year, ev.earliest.month, 1)
                if which == "last":
                    first = (first + dt.timedelta(days=32)).replace(day=1)
                span = Span.between(first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1))
            out.append(Constraint(span, 2, f"'{m.group(0)}' beside the {ev.name} ({ev.earliest})"))
    return out, []


NEWS_KINDS = frozenset({"other", "summit", "visit"})
"""Known events a story's lede reports as news (an attack, a summit, a visit), not an office or an anniversary."""


def _event_weekday(s: Sentence) -> tuple[list[Constraint], list[Peg]]:
    """A known event told with its weekday in the lede ("signed the treaty on Wednesday"): a peg."""
    if not s.in_lede:
        return [], []
    pegs = []
    for m in WEEKDAY.finditer(s.text):
        wd = WEEKDAYS[m.group("wd").lower()]
        for _a, _b, evs in s.events:
            ev = evs[0]
            if len(evs) > 1 or ev.recurring or (ev.latest - ev.earliest).days > 7:
                continue
            days = [ev.earliest + dt.timedelta(days=i) for i in range((ev.latest - ev.earliest).days + 1)]
            on = [day for day in days if day.weekday() == wd]
            for day in on:
                pegs.append((day, f"'{m.group(0)}' of the {ev.name} ({day})"))
            if not on and ev.kind in NEWS_KINDS and not EVENT_TENSE.is_future(s.text):
                # "… after the shooting at a concert venue in Moscow, state media said Sunday": the Sunday after it
                day = ev.latest + dt.timedelta(days=(wd - ev.latest.weekday()) % 7 or 7)
                pegs.append((day, f"'{m.group(0)}' after the {ev.name} ({ev.latest}): {day}"))
    return [], pegs


SENTENCE_RULES: tuple[Rule, ...] = (
    _years_ago,
    _anniversary,
    _named_events,
    _past_dates,
    _month_of_event,
    _relative_to_event,
    _event_weekday,
)
"""The rules read from each sentence, in order (the order of equal-strength constraints decides ties)."""


def collect_constraints(cd: CleanDoc, today: dt.date) -> tuple[list[Constraint], list[Peg]]:
    """Constraints on the publication day from the story text, plus the pegs the news may hang on (day, evidence)."""
    text = story_text(cd)
    out: list[Constraint] = []
    pegs: list[Peg] = []
    end_of_lede = lede_end(text)
    for s0, s1 in sentence_spans(text):
        sent = text[s0:s1]
        s = Sentence(sent, event_mentions(text, s0, s1), EVENT_TENSE.has_future(sent), s0 < end_of_lede, today)
        for rule in SENTENCE_RULES:
            found, hung = rule(s)
            out += found
            pegs += hung
    for cap in _file_photo_captions(cd):
        # an old photograph dates a past event: a lower bound, never the news peg
        s = Sentence(cap, event_mentions(cap), False, False, today)
        out += _past_dates(s)[0] + _named_events(s)[0]
    out += _coming_years(text, end_of_lede)
    out += _office_constraints(text, today)
    out += age_constraints(text)
    out += _juche_constraints("\n".join(ln.text for ln in cd.lines if ln.cls != "blank"))
    return out, pegs


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TO_COME_AFTER = re.compile(r"\s+(?:would|will|shall|is\s+(?:set|expected|going)\s+to|to\s+be)\b", re.I)
_HOPED_FOR_BEFORE = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|wish(?:es|ed|ing)?)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,6}?"
    r"(?:in\s+|for\s+)?(?:the\s+(?:new\s+)?year\s+)?$",
    re.I,
)
"""A year spoken of as still to come: "Kim expressed hope that 2025 would mark …", "wished … success in 2025"."""
_NEW_YEAR = re.compile(r"\bnew[\s-]+year", re.I)
_ENDING_YEAR_AFTER = re.compile(r"\s+(?:marked|saw|was\s+(?:a|an|the)\b)", re.I)
"""In New Year greetings, the year just ending told of: "Xi noted that 2024 marked …", "2024 was a year of …"."""
_NEW_YEAR_OF = re.compile(r"\bnew[\s-]+year(?:['’]s)?(?:\s+day)?(?:\s+of)?\s+$", re.I)
"""The year New Year greetings name: "greetings … for New Year 2026"."""


def _coming_years(text: str, end_of_lede: int) -> list[Constraint]:
    """A year the story hopes or wishes for is not behind it (the story comes before its end); in a story of New
    Year greetings (its lede says so), the year the greetings are for: the story lies in the month before its first
    day or the month after (greetings go out in December and are reported into January)."""
    new_year = bool(_NEW_YEAR.search(text, 0, end_of_lede))
    out = []
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 90) : m.start()]
        y = int(m.group(0))
        if new_year and (ending := _ENDING_YEAR_AFTER.match(text, m.end())):
            # New Year greetings saying "2024 marked the 75th anniversary …": the year ending, the greetings for the next
            why = f"'{y}{ending.group(0)}' in a story of New Year greetings: the greetings for {y + 1}"
            out.append(Constraint(Span.between(dt.date(y, 12, 1), dt.date(y + 1, 1, 31)), 2, why))
            continue
        named = new_year and _NEW_YEAR_OF.search(before[-20:])  # "for New Year 2026"
        if not (_TO_COME_AFTER.match(text, m.end()) or _HOPED_FOR_BEFORE.search(before) or named):
            continue
        if re.search(r"\bhad\s+(?:\w+\s+){0,3}$", before[-30:]):
            continue  # "Kim had hoped 2025 would …": told from after it
        if new_year:
            why = f"'{y}' hoped for in a story of New Year greetings: the greetings for {y}"
            out.append(Constraint(Span.between(dt.date(y - 1, 12, 1), dt.date(y, 1, 31)), 2, why))
        else:
            out.append(Constraint(Span.between(FLOOR, dt.date(y, 12, 31)), 2, f"'{y}' spoken of as still to come"))
    return out


def _juche_constraints(text: str) -> list[Constraint]:
    """North Korea's calendar: Juche 1 is 1912, so "Juche 113" is 2024."""
    out = []
    for m in JUCHE_YEAR.finditer(text):
        y = juche_gregorian_year(m)
        out.append(Constraint(Span.between(dt.date(y, 1, 1), dt.date(y, 12, 31)), 3, f"'{m.group(0)}' is the year {y}"))
    return out


_NUMBERS = tuple(f"{n:02d}" for n in range(100)) + tuple(f"{n:03d}" for n in range(1000))
"""Every word ``\\d{2,3}`` can be: where an age written in digits may begin."""


@cache
def _age_patterns() -> tuple[tuple[reference.Person, tuple[Indexed, ...]], ...]:
    out = []
    for person in reference.people():
        if person.born is None:
            continue
        name = person.pattern.pattern
        named = (
            rf"{name},\s+(?P<n>\d{{2,3}}),",
            rf"{name},?\s+(?:who\s+)?(?:turned|turns|has turned|will turn)\s+(?P<n>\d{{2,3}})\b",
            rf"{name}['’]s\s+(?P<n>\d{{2,3}})(?:st|nd|rd|th)\s+birthday\b",
        )
        pats = [Indexed.of_phrases(re.compile(p), person.aliases) for p in named]
        his = rf"\b(?:his|her)\s+(?P<n>\d{{2,3}})(?:st|nd|rd|th)\s+birthday\b(?=[^.]{{0,120}}\b{name})"
        pats.append(Indexed(re.compile(his), ("his", "her")))
        aged = rf"\b(?P<n>\d{{2,3}})-year-old\s+(?:[\w-]+\s+){{0,3}}?{name}"
        pats.append(Indexed(re.compile(aged), _NUMBERS))
        out.append((person, tuple(pats)))
    return tuple(out)


def age_constraints(text: str) -> list[Constraint]:
    """Ages of people with a known birthday: "Putin, 71," / "Putin turned 71" / "the 71-year-old Putin"."""
    out = []
    for person, patterns in _age_patterns():
        if not any(words_present(text, a) for a in person.aliases):
            continue  # every pattern names the person
        for pat in patterns:
            for m in pat.finditer(text):
                if m.group(0)[:3].lower() in ("his", "her") and not _antecedent_is(person, text, m.start()):
                    continue  # "Putin wishes PM Modi on his 70th birthday": his is Modi's
                n = int(m.group("n"))
                lo = add_years(person.born, n)
                hi = add_years(person.born, n + 1) - dt.timedelta(days=1)
                why = f"'{m.group(0)}': {person.canonical} (born {person.born}) aged {n} → {lo}..{hi}"
                out.append(Constraint(Span.between(lo, hi), 3, why))
    return out


_NAME_BEFORE = re.compile(
    r"(?:\b(?:PM|Prime\s+Minister|President|Chancellor|King|Mr\.?|Mrs\.?|Ms\.?)\s+)?\b[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)*"
)


def _antecedent_is(person: reference.Person, text: str, at: int) -> bool:
    """Whether the last name before "his" in its sentence is ``person``'s (else "his" is someone else's)."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    # (a capitalised word opening the sentence may be no name: "The", "On")
    names = [m for m in _NAME_BEFORE.finditer(text, start, at) if m.start() > start]
    names = [m for m in names if m.group(0).split()[-1] not in ("The", "On", "In", "At", "For")]
    if not names:
        return True
    return person.pattern.search(names[-1].group(0)) is not None


def _yearless_months(sent: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(
        r"\b(?:in\s+)?(?:(?:early|mid|late|mid-)\s*)?(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d{4})",
        sent,
    ):
        out.append((month_number(m.group("mon")) or 0, m.group(0)))
    return out


@cache
def _office_index() -> tuple[tuple[str, str, tuple[reference.Office, ...], Indexed], ...]:
    """Each (person, role) of the offices table: its terms and its title-and-name pattern, indexed by first word."""
    terms: dict[tuple[str, str], list[reference.Office]] = {}
    for o in reference.offices():
        terms.setdefault((o.person, o.role), []).append(o)
    out = []
    for (person, role), rows in terms.items():
        first = [*(first_word(t) for t in rows[0].titles), "former", "ex", "then"]
        out.append((person, role, tuple(rows), Indexed(rows[0].pattern, first)))
    return tuple(out)


def _office_constraints(text: str, today: dt.date) -> list[Constraint]:
    out = []
    for person, role, rows, pattern in _office_index():
        if not any(words_present(text, name) for name in rows[0].names):
            continue  # the pattern names the person
        for m in pattern.finditer(text):
            spans = [(o.start, o.end or today) for o in rows]
            if m.group("former"):
                first_end = min(e for _, e in spans)
                gaps = Span.between(first_end, today)
                for s, e in spans:
                    gaps = gaps & Span([(FLOOR, s - dt.timedelta(days=1)), (e, today)])
                out.append(Constraint(gaps, 2, f"'{m.group(0)}': {person} no longer {role}"))
            else:
                sent = text[max(0, text.rfind(".", 0, m.start())) : m.end()]
                if re.search(r"\b(?:then|at the time|when he was|while)\b", sent, re.I):
                    continue
                why = f"'{m.group(0)}': {person} in office as {role}"
                out.append(Constraint(Span(sorted(spans)), 2, why, fact=False))
    return out
