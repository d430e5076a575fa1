"""When was a story published? A printed date if there is one, else bounds inferred from the text.

Evidence, from strongest to weakest: a labelled or post-headline date line (``clues``); the
dateline's day and month with the year inferred from the constraints of the text
(``constraints``: "77 years ago" + a known event, "the 75th anniversary of" a known event,
office titles such as "former US president", years and named events the story treats as
past); a page's "today" banner only as an upper bound. Without a printed day, the story's
news peg (a bare weekday after the latest dated fact, or the anniversary a letter marks)
bounds the day. Every step is written into ``evidence``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..clean.values import INDEX_REASON, CleanDoc
from ..text.calendar import WEEKDAYS, add_years
from ..text.clauses import EVENT_TENSE
from ..text.date_mentions import DateMention, find_dates
from ..text.known_events import KnownEvent, event_mentions
from .clues import UNLABELLED_RANK, Printed, printed_date
from .constraints import FLOOR, WEEKDAY, age_constraints, collect_constraints, lede_end, story_text
from .spans import Constraint, Span, combine
from .values import PubDate

NEWS_LAG_DAYS = 0
"""Days after its news peg a story is dated: the day of the report ("state media said Sunday" is dated Sunday, as
the gold of real pages dates it; a daily printing it next morning is a later edition)."""
REPORTED = "reported the same day" if NEWS_LAG_DAYS == 0 else f"reported within {NEWS_LAG_DAYS} day"


def _weekday_pegs(text: str, end: int) -> list[tuple[int, int, int]]:
    """Bare weekdays in the lede ("on Friday", ", Sunday,"), not those of a full date ("Saturday (8/9/2018)"):
    (weekday, start, end) in story text."""
    dated = [(d.start, d.end) for d in find_dates(text[:end]) if d.weekday is not None]
    return [
        (WEEKDAYS[m.group("wd").lower()], m.start(), m.end())
        for m in WEEKDAY.finditer(text[:end])
        if not any(a <= m.start() < b for a, b in dated)
    ]


def _stamped_lede_date(cd: CleanDoc, text: str) -> tuple[DateMention, int] | None:
    """A full date with the weekday it fell on in the story's first paragraph ("Reporting from Russia Today,
    Saturday (8/9/2018), …"): the report's own date, as a dateline gives it; with its offset in ``cd.doc.text``."""
    for para in cd.paragraphs[:LEDE_STAMP_PARAGRAPHS]:
        for d in find_dates(para):
            day = d.to_date() if d.year is not None and d.day is not None else None
            if day is not None and d.weekday is not None and day.weekday() == d.weekday:
                at = cd.doc.text.find(para)
                return d, (at + d.start if at >= 0 else None)
    return None


LEDE_STAMP_PARAGRAPHS = 2
"""The first paragraphs where a date with its weekday dates the report (a caption may open the story)."""


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


def infer_pubdate(cd: CleanDoc, today: dt.date | None = None) -> PubDate:
    """The publication date of a classified document, or bounds with the reasoning."""
    today = today or dt.date.today()
    result = PubDate()
    printed = printed_date(cd, result)
    if printed is not None and not printed.to_check and printed.rank < UNLABELLED_RANK:
        return _from_printed(result, printed)  # "Published: 20th April 2019": the page's own word
    constraints, pegs = collect_constraints(cd, today)
    constraints += _index_month(cd)
    if printed is not None and not printed.to_check:
        # an unlabelled stamp ("DATE: 2024-09-21" on a repost) is the story's unless its news peg says otherwise
        peg = next(iter(pegs), None)
        if peg is None or peg[0] <= printed.day <= peg[0] + dt.timedelta(days=PEG_SLACK_DAYS):
            return _from_printed(result, printed)
        result.warnings.append(f"{printed.evidence}: {printed.day} is not the story's date (news peg: {peg[1]})")
        printed = None
    result.today_bound = True
    if printed is not None:
        agrees, why = _text_agrees(printed, constraints, pegs, today, cd)
        if agrees:
            if result.page_date == printed.day:
                result.page_date = None  # not a banner: the story's own date
            return _from_printed(result, printed, why)
        result.warnings.append(f"{printed.evidence}: {printed.day} does not fit the story ({why}): not its date")
    if result.page_date:
        why = f"page banner {result.page_date} (not the story's date: an upper bound)"
        constraints.append(Constraint(Span.between(FLOOR, result.page_date), 3, why))
    span, used, warnings = combine(constraints, Span.between(FLOOR, today))
    result.warnings += warnings
    text = story_text(cd)
    stamped = _stamped_lede_date(cd, text)
    if stamped is not None:
        d, at = stamped
        day = d.to_date()
        if span.contains(day):
            result.published = result.earliest = result.latest = day
            result.precision, result.start = "day", at
            result.end = at + len(d.text) if at is not None else None
            result.evidence = f"the lede's date with its weekday '{d.text}' ({day:%A %d %B %Y})"
            return result
    if cd.dateline and cd.dateline.date_text:
        dm = next(iter(find_dates(cd.dateline.date_text)), None)
        if dm is not None and dm.day is not None:
            return _from_dateline(cd, dm, span, used, text, result, _latest_fact(constraints))
    if pegs:
        day, why = pegs[0]
        peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
        if not peg.empty:
            return _bounds(result, peg, [f"news peg: {why}; {REPORTED}", *used])
    from_weekday = _from_weekday(text, span, used, result)
    if from_weekday is not None:
        return from_weekday
    from_day = _from_yearless_lede_day(text, span, _latest_fact(constraints), used, result)
    if from_day is not None:
        return from_day
    if used:
        return _bounds(result, span, used)
    result.evidence = "no printed date and no dating evidence in the text"
    result.warnings.append("publication date unknown")
    return result


def _index_month(cd: CleanDoc) -> list[Constraint]:
    """An index line that gives only a month (" date 2023-10 …"): the story is of that month."""
    for ln in cd.lines:
        m = re.fullmatch(r"date (\d{4})-(\d{2})", ln.text.strip()) if ln.reason == INDEX_REASON else None
        if m and 1 <= int(m.group(2)) <= 12:
            y, mo = int(m.group(1)), int(m.group(2))
            hi = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
            return [Constraint(Span.between(dt.date(y, mo, 1), hi), 3, f"index line '{ln.text.strip()}'")]
    return []


def _from_weekday(text: str, span: Span, used: list[str], result: PubDate) -> PubDate | None:
    """The day of the lede's first bare weekday, when the story tells which week it is; else None.

    The week is that of a known one-day event named in the story falling on that weekday,
    else the first such weekday after the story's dated facts (or a birthday it dates by age),
    when they all agree.
    """
    first = next(iter(_weekday_pegs(text, lede_end(text))), None)
    if first is None:
        return None
    wd, a, b = first
    # a known one-day event the story names, falling on that weekday, is the peg itself
    # (a holiday or anniversary day in each year the span allows: "on Tuesday sent greetings on Liberation Day")
    # (a recurring day only when the lede names it, and not a bilateral anniversary a passing "relations" may name)
    lede = lede_end(text)
    on_event = {
        day: ev
        for x, _y, evs in event_mentions(text)
        for ev in evs
        if ev.earliest == ev.latest and (not ev.recurring or (x < lede and not ev.parties and ev.kind in HOLIDAY_KINDS))
        for day in _days_of(ev, span)
        if day.weekday() == wd
    }
    if len(on_event) == 1:
        day, ev = next(iter(on_event.items()))
        peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
        why = f"news peg: '{text[a:b]}' is the day of the {ev.name} ({day})"
        return _bounds(result, peg, [why, REPORTED, *used])
    options = _weeks_after_anchors(text, wd, text[a:b], span)
    if len({o[0].lo for o in options}) == 1:
        peg, why = options[0]
        return _bounds(result, peg, [why, REPORTED, *used])
    return None


def _latest_fact(constraints: list[Constraint]) -> dt.date | None:
    """The latest day a dated fact of the story (a date, an event, an anniversary) puts the story after; an office
    held is not one (it tells a term of years, not when the news was)."""
    return max((c.span.lo for c in constraints if c.span.parts and c.span.lo > FLOOR and c.fact), default=None)


def _from_yearless_lede_day(
    text: str, span: Span, fact: dt.date | None, used: list[str], result: PubDate
) -> PubDate | None:
    """ "On January 18, Rodong Sinmun reported …" in the lede of a story whose latest dated fact is last year's:
    the news is that day's, the first such day after that fact (within a year of it); else None."""
    if fact is None or span.lo < fact:
        return None  # (the span may start later than the fact: a yearless dateline's first candidate day)
    end = lede_end(text)
    found = [d for d in find_dates(text[:end]) if d.year is None and d.day is not None and d.month is not None]
    # the day the lede says the news was reported ("… as reported by KCNA on December 31") before any other
    found.sort(key=lambda d: not _REPORTED_ON.search(text, max(0, d.start - 45), d.start))
    for d in found:
        s0 = max(text.rfind(". ", 0, d.start), text.rfind("\n", 0, d.start)) + 1
        s1 = min((i for i in (text.find(". ", d.end), text.find("\n", d.end)) if i >= 0), default=len(text))
        sentence = text[s0:s1]
        if not _NEWS_VERB.search(sentence) or EVENT_TENSE.has_future(sentence):
            continue
        day = next((x for y in (span.lo.year, span.lo.year + 1) if (x := d.to_date(y)) and x >= span.lo), None)
        if day is None or not span.contains(day) or (day - fact).days > 366:
            return None
        why = f"'{d.text}' in the lede, the first such day after the story's latest dated fact ({fact})"
        return _bounds(result, Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS)), [why, REPORTED, *used])
    return None


_REPORTED_ON = re.compile(r"\b(?:reported|said|announced|published|carried)\b[^.;]{0,30}?\bon\s+$", re.I)
"""Before a day: the report's ("as reported by state media KCNA on December 31")."""
NEWS_AFTER_FACT_DAYS = 366
"""A yearless day is the first after the story's latest dated fact when that is within this many days of it."""


_NEWS_VERB = re.compile(
    r"\b(?:reported|announced|said|published|released|sent|received|carried|revealed|disclosed|confirmed)\b", re.I
)


HOLIDAY_KINDS = frozenset({"liberation", "founding", "anniversary_day", "birthday"})
"""Known events whose every anniversary is a day of greetings (a weekday may name this year's): not a war's start."""


def _days_of(ev: KnownEvent, span: Span) -> list[dt.date]:
    """The day of a one-day event within ``span``: every year's, for a recurring one."""
    if not ev.recurring:
        return [ev.earliest] if span.contains(ev.earliest) else []
    years = range(max(span.lo.year, ev.earliest.year + 1), span.hi.year + 1)
    return [d for y in years if span.contains(d := add_years(ev.earliest, y - ev.earliest.year))]


def _weeks_after_anchors(text: str, wd: int, word: str, span: Span) -> list[tuple[Span, str]]:
    """Where the weekday ``word`` may fall: the first one after each dated fact, else on a birthday dated by age."""
    options = []
    for anchor, atext in _anchors(text, span):
        day = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)  # the anchor's own day when it is that weekday
        peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
        if not peg.empty and anchor <= peg.lo:
            options.append((peg, f"news peg: '{word}' is the first {word} on or after '{atext}' ({anchor})"))
    if not options:
        # a birthday the story dates by age ("who turned 68") falling on the named weekday is the peg itself
        for c in age_constraints(text):
            day = c.span.lo
            peg = span & Span.between(day, day + dt.timedelta(days=NEWS_LAG_DAYS))
            if day.weekday() == wd and not peg.empty:
                options.append((peg, f"news peg: '{word}' is the birthday {day} ({c.evidence})"))
    return options


def _from_printed(result: PubDate, printed: Printed, agreement: str = "") -> PubDate:
    """The day the page prints for the story, with its evidence (and what in the text agrees with it)."""
    day, d, ln = printed.day, printed.mention, printed.line
    result.published = result.earliest = result.latest = day
    result.precision = "day"
    result.start, result.end = ln.start + d.start, ln.start + d.end
    result.evidence = printed.evidence + (f"; the text agrees ({agreement})" if agreement else "")
    if d.weekday is not None and day.weekday() != d.weekday:
        result.warnings.append(f"printed weekday in '{d.text}' does not match {day:%A}")
    return result


PEG_SLACK_DAYS = 7
"""A page dated more than this many days after the news peg its lede tells is not dated by that page."""
PEG_EVE_DAYS = 2
"""Nor one dated more than this many days before it (greetings sent and reported on the eve of the day they mark,
Moscow's evening being Pyongyang's next morning)."""


def _text_agrees(
    printed: Printed, constraints: list[Constraint], pegs: list[tuple[dt.date, str]], today: dt.date, cd: CleanDoc
) -> tuple[bool, str]:
    """Does the printed day fit what the text says of the story's day (its dated facts, anniversaries, ages,
    the news peg of its lede, a dateline's day)?

    An index line is the story's date unless the text contradicts it; a date above the headline
    may be the site's "today", so the text must also date the story for it to count.
    """
    strong = [c for c in constraints if c.strength >= 2]
    span, used, _ = combine(strong, Span.between(FLOOR, max(today, printed.day)))
    if not span.contains(printed.day):
        return False, "; ".join(used[:3]) or "its evidence"
    for day, why in pegs[:1]:
        if not day - dt.timedelta(days=PEG_EVE_DAYS) <= printed.day <= day + dt.timedelta(days=PEG_SLACK_DAYS):
            return False, f"news peg: {why}"
    dateline = _dateline_day(cd, printed.day)
    if dateline is not None:
        day, text = dateline
        if not day <= printed.day <= day + dt.timedelta(days=PEG_SLACK_DAYS):
            return False, f"dateline '{text}'"
        used = [f"dateline '{text}'", *used]
    if printed.line.reason == INDEX_REASON:
        return True, "; ".join(used[:2]) or "nothing in it contradicts it"
    if not used and not pegs and dateline is None:
        return False, "nothing in the text dates the story"
    return True, "; ".join(used[:2]) or f"news peg: {pegs[0][1]}"


def _dateline_day(cd: CleanDoc, near: dt.date) -> tuple[dt.date, str] | None:
    """The day a dateline prints (its year, else the year that puts it nearest before ``near``)."""
    if not (cd.dateline and cd.dateline.date_text):
        return None
    dm = next(iter(find_dates(cd.dateline.date_text)), None)
    if dm is None or dm.day is None:
        return None
    if dm.year is not None:
        day = dm.to_date()
        return (day, cd.dateline.text) if day else None
    days = [d for y in (near.year - 1, near.year) if (d := dm.to_date(y)) and d <= near + dt.timedelta(days=1)]
    return (max(days), cd.dateline.text) if days else None


MAX_BOUNDS_DAYS = 400
"""Bounds wider than this (about a year) do not date a story: they are kept in the evidence, not reported."""


def _bounds(result: PubDate, span: Span, why: list[str]) -> PubDate:
    reasons = "; ".join(dict.fromkeys(why))
    if (span.hi - span.lo).days > MAX_BOUNDS_DAYS:
        result.evidence = f"not dated: the text only bounds it to {span.lo}..{span.hi} ({reasons})"
        result.warnings.append("publication date unknown (only loose bounds)")
        return result
    result.earliest, result.latest = span.lo, span.hi
    if span.lo == span.hi:
        result.published, result.precision = span.lo, "day"
    else:
        result.precision = "bounds"
    result.evidence = reasons
    return result


def _from_dateline(
    cd: CleanDoc, dm: DateMention, span: Span, used: list[str], text: str, result: PubDate, fact: dt.date | None = None
) -> PubDate:
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
        # the lede's first weekday is the dateline's day ("VLADIVOSTOK, April 25 - ... on Thursday")
        first = next(iter(_weekday_pegs(text, lede_end(text))), None)
        agreeing = [y for y in years if first and (d := dm.to_date(y)) and d.weekday() == first[0]]
        if agreeing:
            used = [*used, f"weekday agreement: {dm.to_date(agreeing[0]):%A %d %B %Y}"]
            if len(agreeing) > 1 and span.lo > FLOOR:
                # news is told soon after its latest dated fact: the first agreeing year after it
                used.append(f"the first such day after the story's latest dated fact ({span.lo})")
                agreeing = agreeing[:1]
            years = agreeing
    days = [d for y in years if (d := dm.to_date(y))]
    if len(days) > 1 and fact is not None and fact <= days[0] and (days[0] - fact).days <= NEWS_AFTER_FACT_DAYS:
        # "Pyongyang, March 18 (KCNA)" after a summit of September 2023: news told within a year of its latest fact
        used = [*used, f"the first such day after the story's latest dated fact ({fact})"]
        days = days[:1]
    if len(days) == 1:
        reasons = [*used] or ["the only year the evidence allows"]
        result.published = result.earliest = result.latest = days[0]
        result.precision = "day"
        result.evidence = f"{where} + " + "; ".join(dict.fromkeys(reasons))
        return result
    why = f"{where}: year not stated; candidates {', '.join(str(d) for d in days[:6])}"
    return _bounds(result, Span.between(days[0], days[-1]), [why, *used])
