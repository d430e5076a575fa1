"""When was a story published? A printed date if there is one, else bounds inferred from the text.

Evidence, from strongest to weakest: a labelled or post-headline date line; the dateline's
day and month with the year inferred ("77 years ago" + a known event, "the 75th
anniversary of" a known event, office titles such as "former US president", years and
named events the story treats as past); a page's "today" banner only as an upper bound.
Without a printed day, the story's news peg (a bare weekday after the latest dated fact,
or the anniversary a letter marks) bounds the day. Every step is written into ``evidence``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from . import reference
from .calendar_text import (
    JUCHE_YEAR,
    NUMBER_WORDS,
    WEEKDAYS,
    DateMention,
    add_years,
    find_dates,
    juche_gregorian_year,
    number_value,
    ordinal_value,
)
from .clean import CleanDoc
from .reference import Prefiltered
from .sentences import sentence_spans

FLOOR = dt.date(1945, 1, 1)
"""No story in this domain predates Korea's liberation."""
NEWS_LAG_DAYS = 1
"""A story reports its news peg the same day or the next (wires same day, dailies next morning)."""
ANNIVERSARY_WINDOW_DAYS = 60
"""Coverage of an anniversary falls within this many days of it."""

_FUTURE = Prefiltered(
    re.compile(
        r"\b(?:will|would|shall|to be held|scheduled|upcoming|forthcoming|expected to|set to|plans? to|planned|"
        r"imminent|ahead of|next|could|may|might|prepar\w+ for|soon)\b",
        re.IGNORECASE,
    )
)
_YEARS_AGO = Prefiltered(
    re.compile(
        r"\b(?P<n>\d{1,3}|" + "|".join(k for k in NUMBER_WORDS if k.isalpha()) + r")\s+years?\s+ago\b",
        re.I,
    )
)
_ANNIVERSARY = Prefiltered(
    re.compile(
        r"\b(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+(?:[a-z]+\s+){0,2}anniversary\b",
        re.IGNORECASE,
    )
)
_BARE_YEAR = re.compile(
    r"(?:\b(?:in|since|from|during|of|early|late|mid|until|and|after|before|the|by|year)[\s-]+)(?P<y>19[4-9]\d|20[0-4]\d)\b(?![,.]?\d)"
)
_RELATIVE = Prefiltered(
    re.compile(r"\b(?P<which>last|this|earlier this|later this)\s+(?P<unit>year|month)\b", re.IGNORECASE)
)
_WEEKDAY = Prefiltered(re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"))
_PAST = Prefiltered(
    re.compile(r"\b(?:was|were|had|held|reached|last|ago|since|previous|earlier|former|first)\b", re.IGNORECASE)
)


@dataclass
class Span:
    """A set of allowed days: the union of closed intervals."""

    parts: list[tuple[dt.date, dt.date]]

    @classmethod
    def between(cls, lo: dt.date, hi: dt.date) -> Span:
        return cls([(lo, hi)] if lo <= hi else [])

    def __and__(self, other: Span) -> Span:
        out = []
        for a0, a1 in self.parts:
            for b0, b1 in other.parts:
                lo, hi = max(a0, b0), min(a1, b1)
                if lo <= hi:
                    out.append((lo, hi))
        return Span(sorted(out))

    @property
    def empty(self) -> bool:
        return not self.parts

    @property
    def lo(self) -> dt.date:
        return self.parts[0][0]

    @property
    def hi(self) -> dt.date:
        return self.parts[-1][1]

    def contains(self, day: dt.date) -> bool:
        return any(a <= day <= b for a, b in self.parts)


@dataclass
class Constraint:
    span: Span
    strength: int  # 3 printed/arithmetical, 2 named facts, 1 tense-based guesses
    evidence: str


@dataclass
class PubDate:
    published: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: str = ""  # day | bounds | ""
    evidence: str = ""
    start: int | None = None  # offsets in doc.text of the main evidence
    end: int | None = None
    page_date: dt.date | None = None
    updated: dt.date | None = None  # a printed "Updated" day: the text we read speaks from it
    warnings: list[str] = field(default_factory=list)
    today_bound: bool = False
    """Inferred with today's date as the upper bound (no printed date): another day may give another answer."""


def _is_future(sentence: str, at: int | None = None) -> bool:
    """Does the sentence speak of the future (before ``at``, in the same clause, when given)?"""
    if at is None:
        return bool(_FUTURE.search(sentence))
    clause = re.split(r"[,;:“”\"()]|\b(?:after|since|when|which|that)\b", sentence[max(0, at - 80) : at])[-1]
    return bool(_FUTURE.search(clause)) and not _PAST.search(clause)


def _event_mentions(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, list[reference.KnownEvent]]]:
    """Known-event aliases in ``text[start:end]`` (offsets from ``start``), longest alias first; an alias may name several events."""
    pattern, by_alias = reference.known_event_index()
    out = []
    for m in pattern.finditer(text, start, end):
        events = by_alias.get(reference.alias_key(m.group(0)))
        if events and re.search(r"\bfirst\b", m.group(0), re.I):
            after = _FIRST_IN.match(text, m.end(), len(text) if end is None else end)
            if after:
                events = _first_in_years(m.group(0), events, after, by_alias)
        if events:
            out.append((m.start() - start, m.end() - start, list(events)))
    return out


_FIRST_IN = re.compile(
    r"\s+(?:in|for)\s+(?:(?:more\s+than|over|nearly|almost|about|some|around)\s+)?"
    r"(?P<n>\d{1,3}|"
    + "|".join(k for k in NUMBER_WORDS if k.isalpha() and len(k) > 2)
    + r"|a\s+quarter(?:[\s-]+of\s+a)?)"
    r"[\s-]+(?P<unit>years?|decades?|century)\b",
    re.I,
)


def _first_in_years(
    alias: str, events: tuple[reference.KnownEvent, ...], after: re.Match[str], by_alias: dict
) -> tuple[reference.KnownEvent, ...]:
    """ "Putin's first visit to Pyongyang in 24 years" is not the first visit: it is the one N years after it.

    The alias without "first" names the later event when one is known that far after the
    first (within a year); otherwise the mention names no known event.
    """
    later = by_alias.get(reference.alias_key(re.sub(r"\bfirst\s+", "", alias, count=1, flags=re.I)), ())
    n = number_value(after.group("n"))
    if not n or not after.group("unit").lower().startswith("year"):
        return ()
    return tuple(
        ev
        for ev in later
        for first in events
        if first.earliest.year + n - 1 <= ev.earliest.year <= first.latest.year + n + 1 and ev is not first
    )


def story_text(cd: CleanDoc) -> str:
    return ((cd.headline_text or "") + "\n\n" + cd.body).strip()


def collect_constraints(cd: CleanDoc, today: dt.date) -> tuple[list[Constraint], list[tuple[dt.date, str]]]:
    """Constraints on the publication day from the story text, plus anniversary pegs (day, evidence)."""
    text = story_text(cd)
    out: list[Constraint] = []
    pegs: list[tuple[dt.date, str]] = []
    lede_end = _lede_end(text)
    for s0, s1 in sentence_spans(text):
        sent = text[s0:s1]
        events = _event_mentions(text, s0, s1)
        future = _is_future(sent)
        # "77 years ago" with a known event in the same sentence
        for m in _YEARS_AGO.finditer(sent):
            n = number_value(m.group("n"))
            near = [evs for a, b, evs in events if len(evs) == 1]
            if n and near:
                ev = near[0][0]
                lo = add_years(ev.earliest, n)
                hi = add_years(ev.latest, n + 1) - dt.timedelta(days=1)
                out.append(
                    Constraint(
                        Span.between(lo, hi),
                        3,
                        f"'{m.group(0)}' of {ev.name} ({ev.earliest}) → {lo}..{hi}",
                    )
                )
        # "the 75th anniversary of <known event>"
        for m in _ANNIVERSARY.finditer(sent):
            n = ordinal_value(m.group("ord"))
            after = [(a, evs) for a, b, evs in events if a >= m.end() - 1 and a - m.end() < 60 and len(evs) == 1]
            recurring = [(a, evs[0]) for a, evs in after if evs[0].recurring]
            if not n or not recurring:
                continue
            ev = recurring[0][1]
            day = add_years(ev.earliest, n)
            win = dt.timedelta(days=ANNIVERSARY_WINDOW_DAYS)
            why = f"'{m.group(0)} of … {ev.name.lower()}' ({ev.earliest} + {n} years = {day})"
            out.append(Constraint(Span.between(day - win, day + win), 2, why))
            if s0 < lede_end:
                pegs.append((day, why))
        # named events the story treats as past (or as still to come)
        for a, b, evs in events:
            if any(ev.recurring for ev in evs):
                continue
            if _is_future(sent, a):
                if len(evs) == 1:
                    ev = evs[0]
                    out.append(
                        Constraint(
                            Span.between(FLOOR, ev.earliest),
                            1,
                            f"'{sent[a:b]}' spoken of as still to come ({ev.earliest})",
                        )
                    )
            else:
                ev = min(evs, key=lambda e: e.earliest)
                out.append(
                    Constraint(
                        Span.between(ev.earliest, today),
                        2,
                        f"'{sent[a:b]}' ({ev.name}, {ev.earliest}) already happened",
                    )
                )
        # years and dated months the story treats as past
        if not future:
            for d in find_dates(sent):
                if d.year is not None:
                    lo = dt.date(d.year, d.month, d.day or 1)
                    out.append(Constraint(Span.between(lo, today), 2, f"'{d.text}' is in the past"))
            for m in _BARE_YEAR.finditer(sent):
                y = int(m.group("y"))
                if not any(d.start <= m.start("y") < d.end for d in find_dates(sent)):
                    out.append(
                        Constraint(
                            Span.between(dt.date(y, 1, 1), today),
                            2,
                            f"'{m.group(0).strip()}' is in the past",
                        )
                    )
        # month without a year, tied to a dated event in the same sentence: within a year of it
        for month, mtext in _yearless_months(sent):
            for _a, _b, evs in events:
                if len(evs) == 1 and not evs[0].recurring and evs[0].earliest.month == month:
                    ev = evs[0]
                    hi = add_years(ev.earliest, 1) - dt.timedelta(days=1)
                    why = (
                        f"'{mtext}' without a year names the {ev.name} of {ev.earliest:%B %Y}: published within a year"
                    )
                    out.append(Constraint(Span.between(ev.earliest, hi), 2, why))
        # "last year" / "this year" / "last month" beside a dated event
        singles = [evs[0] for _a, _b, evs in events if len(evs) == 1 and not evs[0].recurring]
        for m in _RELATIVE.finditer(sent):
            for ev in singles[:1]:
                unit, which = m.group("unit").lower(), m.group("which").lower().split()[0]
                if unit == "year":
                    y = ev.earliest.year + (1 if which == "last" else 0)
                    span = Span.between(dt.date(y, 1, 1), dt.date(y, 12, 31))
                else:
                    first = dt.date(ev.earliest.year, ev.earliest.month, 1)
                    if which == "last":
                        first = (first + dt.timedelta(days=32)).replace(day=1)
                    span = Span.between(first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1))
                out.append(Constraint(span, 2, f"'{m.group(0)}' beside the {ev.name} ({ev.earliest})"))
        # a known event told with its weekday in the lede ("signed the treaty on Wednesday")
        if s0 < lede_end:
            for m in _WEEKDAY.finditer(sent):
                wd = WEEKDAYS[m.group("wd").lower()]
                for _a, _b, evs in events:
                    ev = evs[0]
                    if len(evs) > 1 or ev.recurring or (ev.latest - ev.earliest).days > 7:
                        continue
                    days = [ev.earliest + dt.timedelta(days=i) for i in range((ev.latest - ev.earliest).days + 1)]
                    for day in days:
                        if day.weekday() == wd:
                            pegs.append((day, f"'{m.group(0)}' of the {ev.name} ({day})"))
    out += _office_constraints(text, today)
    out += _age_constraints(text)
    out += _juche_constraints("\n".join(ln.text for ln in cd.lines if ln.cls != "blank"))
    return out, pegs


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
def _age_patterns() -> tuple[tuple[reference.Person, tuple[reference.Indexed, ...]], ...]:
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
        pats = [reference.Indexed.of_phrases(re.compile(p), person.aliases) for p in named]
        his = rf"\b(?:his|her)\s+(?P<n>\d{{2,3}})(?:st|nd|rd|th)\s+birthday\b(?=[^.]{{0,120}}\b{name})"
        pats.append(reference.Indexed(re.compile(his), ("his", "her")))
        aged = rf"\b(?P<n>\d{{2,3}})-year-old\s+(?:[\w-]+\s+){{0,3}}?{name}"
        pats.append(reference.Indexed(re.compile(aged), _NUMBERS))
        out.append((person, tuple(pats)))
    return tuple(out)


def _age_constraints(text: str) -> list[Constraint]:
    """Ages of people with a known birthday: "Putin, 71," / "Putin turned 71" / "the 71-year-old Putin"."""
    out = []
    for person, patterns in _age_patterns():
        if not any(reference.words_present(text, a) for a in person.aliases):
            continue  # every pattern names the person
        for pat in patterns:
            for m in pat.finditer(text):
                n = int(m.group("n"))
                lo = add_years(person.born, n)
                hi = add_years(person.born, n + 1) - dt.timedelta(days=1)
                why = f"'{m.group(0)}': {person.canonical} (born {person.born}) aged {n} → {lo}..{hi}"
                out.append(Constraint(Span.between(lo, hi), 3, why))
    return out


def _yearless_months(sent: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(
        r"\b(?:in\s+)?(?:(?:early|mid|late|mid-)\s*)?(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d{4})",
        sent,
    ):
        from .calendar_text import month_number

        out.append((month_number(m.group("mon")) or 0, m.group(0)))
    return out


@cache
def _office_index() -> tuple[tuple[str, str, tuple[reference.Office, ...], reference.Indexed], ...]:
    """Each (person, role) of the offices table: its terms and its title-and-name pattern, indexed by first word."""
    terms: dict[tuple[str, str], list[reference.Office]] = {}
    for o in reference.offices():
        terms.setdefault((o.person, o.role), []).append(o)
    out = []
    for (person, role), rows in terms.items():
        first = [*(reference.first_word(t) for t in rows[0].titles), "former", "ex", "then"]
        out.append((person, role, tuple(rows), reference.Indexed(rows[0].pattern, first)))
    return tuple(out)


def _office_constraints(text: str, today: dt.date) -> list[Constraint]:
    out = []
    for person, role, rows, pattern in _office_index():
        if not any(reference.words_present(text, name) for name in rows[0].names):
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
                out.append(Constraint(Span(sorted(spans)), 2, f"'{m.group(0)}': {person} in office as {role}"))
    return out


def _lede_end(text: str) -> int:
    """End offset of the headline and the first three paragraphs (where the news peg is told)."""
    pos = 0
    for _ in range(4):
        nxt = text.find("\n\n", pos + 1)
        if nxt < 0:
            return len(text)
        pos = nxt
    return pos


def combine(constraints: list[Constraint], start: Span) -> tuple[Span, list[str], list[str]]:
    """Intersect constraints, strongest first; one that would leave nothing is set aside with a warning."""
    span, used, warnings = start, [], []
    for c in sorted(constraints, key=lambda c: -c.strength):
        nxt = span & c.span
        if nxt.empty:
            warnings.append(f"conflicting date evidence set aside: {c.evidence}")
            continue
        if nxt.parts != span.parts:
            used.append(c.evidence)
        span = nxt
    return span, used, warnings


def _weekday_pegs(text: str, lede_end: int) -> list[tuple[int, int, int]]:
    """Bare weekdays in the lede ("on Friday", ", Sunday,"): (weekday, start, end) in story text."""
    return [(WEEKDAYS[m.group("wd").lower()], m.start(), m.end()) for m in _WEEKDAY.finditer(text[:lede_end])]


def _anchors(text: str, span: Span) -> list[tuple[dt.date, str]]:
    """Dated facts in the story (days), each year-less one resolved to every year the span allows."""
    out = []
    for d in find_dates(text):
        if d.day is None:
            continue
        if d.year is not None:
            day = d.to_date()
            if day:
                out.append((day, d.text))
            continue
        for y in range(span.lo.year - 1, span.hi.year + 1):
            day = d.to_date(y)
            if day and day <= span.hi and add_years(day, 1) > span.lo:
                out.append((day, d.text))
    return out


def infer(cd: CleanDoc, today: dt.date | None = None) -> PubDate:
    """The publication date of a classified document, or bounds with the reasoning."""
    today = today or dt.date.today()
    result = PubDate()
    printed = _printed_date(cd, result)
    if printed is not None:
        return printed
    result.today_bound = True
    constraints, pegs = collect_constraints(cd, today)
    if result.page_date:
        constraints.append(
            Constraint(
                Span.between(FLOOR, result.page_date),
                3,
                f"page banner {result.page_date} (not the story's date: an upper bound)",
            )
        )
    span, used, warnings = combine(constraints, Span.between(FLOOR, today))
    result.warnings += warnings
    text = story_text(cd)
    if cd.dateline and cd.dateline.date_text:
        dm = next(iter(find_dates(cd.dateline.date_text)), None)
        if dm is not None and dm.day is not None:
            return _from_dateline(cd, dm, span, used, text, result)
    lede_end = _lede_end(text)
    if pegs:
        day, why = pegs[0]
        peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
        if not peg.empty:
            return _bounds(result, peg, [f"news peg: {why}; reported within {NEWS_LAG_DAYS} day", *used])
    for wd, a, b in _weekday_pegs(text, lede_end):
        # a known one-day event the story names, falling on that weekday, is the peg itself
        on_event = {
            ev.earliest: ev
            for _x, _y, evs in _event_mentions(text)
            for ev in evs
            if ev.earliest == ev.latest and ev.earliest.weekday() == wd and span.contains(ev.earliest)
        }
        if len(on_event) == 1:
            day, ev = next(iter(on_event.items()))
            peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
            why = f"news peg: '{text[a:b]}' is the day of the {ev.name} ({day})"
            return _bounds(result, peg, [why, f"reported within {NEWS_LAG_DAYS} day", *used])
        options = []
        for anchor, atext in _anchors(text, span):
            day = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
            peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
            if not peg.empty and anchor <= peg.lo:
                options.append(
                    (
                        peg,
                        f"news peg: '{text[a:b]}' is the first {text[a:b]} after '{atext}' ({anchor})",
                    )
                )
        if not options:
            # a birthday the story dates by age ("who turned 68") falling on the named weekday is the peg itself
            for c in _age_constraints(text):
                day = c.span.lo
                peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
                if day.weekday() == wd and not peg.empty:
                    options.append((peg, f"news peg: '{text[a:b]}' is the birthday {day} ({c.evidence})"))
        days = {o[0].lo for o in options}
        if len(days) == 1:
            peg, why = options[0]
            return _bounds(result, peg, [why, f"reported within {NEWS_LAG_DAYS} day", *used])
        break
    if used:
        return _bounds(result, span, used)
    result.evidence = "no printed date and no dating evidence in the text"
    result.warnings.append("publication date unknown")
    return result


def _bounds(result: PubDate, span: Span, why: list[str]) -> PubDate:
    result.earliest, result.latest = span.lo, span.hi
    if span.lo == span.hi:
        result.published, result.precision = span.lo, "day"
    else:
        result.precision = "bounds"
    result.evidence = "; ".join(dict.fromkeys(why))
    return result


def _from_dateline(cd: CleanDoc, dm: DateMention, span: Span, used: list[str], text: str, result: PubDate) -> PubDate:
    assert cd.dateline is not None
    result.start = cd.dateline.date_start
    result.end = (result.start or 0) + len(cd.dateline.date_text or "")
    where = f"dateline '{cd.dateline.text}'"
    if dm.year is not None:
        day = dm.to_date()
        result.published = result.earliest = result.latest = day
        result.precision, result.evidence = "day", where
        return result
    years = [y for y in range(span.lo.year, span.hi.year + 1) if (d := dm.to_date(y)) and span.contains(d)]
    if not years:
        result.warnings.append(f"{where}: no year fits the other evidence")
        return _bounds(result, span, used) if used else result
    if len(years) > 1:
        wds = {wd for wd, _, _ in _weekday_pegs(text, _lede_end(text))}
        agreeing = [y for y in years if (d := dm.to_date(y)) and d.weekday() in wds]
        if len(agreeing) == 1:
            used = [*used, f"weekday agreement: {dm.to_date(agreeing[0]):%A %d %B %Y}"]
            years = agreeing
    days = [d for y in years if (d := dm.to_date(y))]
    if len(days) == 1:
        reasons = [*used] or ["the only year the evidence allows"]
        result.published = result.earliest = result.latest = days[0]
        result.precision = "day"
        result.evidence = f"{where} + " + "; ".join(dict.fromkeys(reasons))
        return result
    result.earliest, result.latest, result.precision = days[0], days[-1], "bounds"
    result.evidence = f"{where}: year not stated; candidates {', '.join(str(d) for d in days[:6])}" + (
        f" ({'; '.join(used)})" if used else ""
    )
    return result


_LABEL_RANK = {
    "published": 0,
    "first published": 0,
    "posted": 0,
    "issued": 0,
    "released": 0,
    "dated": 1,
    "print edition": 1,
}


_TIME_AFTER = re.compile(r"[,\s|–—-]*(?:at\s+)?\d{1,2}[:.]\d{2}\b")
_NOT_THE_STORYS = Prefiltered(
    re.compile(r"\b(?:mirrored|archived|cached|captured|snapshot|retrieved|accessed|printed|printable)\b", re.I)
)
"""Labels of a time that is the copy's, not the story's ("Mirrored: Thu 2 Jan 2025 03:14 UTC")."""


def _printed_date(cd: CleanDoc, result: PubDate) -> PubDate | None:
    """A date printed on the page for this story; records a pre-headline banner as ``page_date``."""
    headline_idx = cd.headline.index if cd.headline else None
    candidates = []
    for ln in cd.lines:
        if ln.cls not in ("date", "byline", "author"):
            continue
        dates = [d for d in find_dates(ln.text) if d.year is not None and d.day is not None and d.to_date()]
        if not dates:
            continue
        d = dates[0]
        label = re.search(
            r"(first published|published|posted|updated|last updated|modified|issued|released|dated|print edition)",
            ln.text,
            re.I,
        )
        label_text = label.group(1).lower() if label else ""
        before_headline = headline_idx is not None and ln.index < headline_idx
        if label_text in ("updated", "last updated", "modified"):
            rank = 3
            result.updated = max(result.updated or d.to_date(), d.to_date())
        elif label_text in _LABEL_RANK:
            rank = _LABEL_RANK[label_text]
        elif (
            before_headline or (headline_idx is None and ln.index == min(x.index for x in cd.lines if x.cls != "blank"))
        ) and (_NOT_THE_STORYS.search(ln.text) or not _TIME_AFTER.match(ln.text, ln.text.find(d.text) + len(d.text))):
            # a "today" banner prints no time; "24.03.2024, 14:05" above the headline is the story's stamp
            result.page_date = max(result.page_date or d.to_date(), d.to_date())
            continue
        else:
            rank = 2
        candidates.append((rank, ln.index, d, ln))
    if not candidates:
        return None
    rank, _, d, ln = min(candidates, key=lambda c: (c[0], c[1]))
    day = d.to_date()
    result.published = result.earliest = result.latest = day
    result.precision = "day"
    result.start, result.end = ln.start + d.start, ln.start + d.end
    result.evidence = f"printed date line '{ln.text}'" if rank < 3 else f"'{ln.text}' (only an update time is printed)"
    if d.weekday is not None and day.weekday() != d.weekday:
        result.warnings.append(f"printed weekday in '{d.text}' does not match {day:%A}")
    return result
