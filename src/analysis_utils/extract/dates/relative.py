"""Expressions read against the publication date: "Friday", "last week", "in March", "two years ago", "next spring".

``RESOLVERS`` maps each kind of pattern to the function that resolves it; a resolver takes
the candidate, the reference day and whether its clause speaks of the future.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...text.calendar import add_years, month_number
from .absolute import day_range, month_part, shifted
from .arithmetic import (
    LAST_THIS_NEXT,
    PART_OF_MONTH,
    WEEKDAY_NAMES,
    Interval,
    add_months,
    count_of,
    day_int,
    day_occurrence,
    fmt_day,
    monday,
    month_end,
    month_span,
    ndays,
    occurrence,
    part_key,
    safe_date,
    year_span,
)
from .patterns import Candidate

RECENT_MONTHS = 6
"""'in recent months' is taken as this many months before publication."""


COMING_DAYS = 10
"""'In the coming days' is taken as this many days after publication."""


_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24)}


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
"""Months of each season (northern hemisphere, meteorological); winter runs into the next year."""


def _season(g: dict, ref: dt.date, pub: str) -> Interval | None:
    """ "last fall": the most recent fall that ended before publication; "this" / "next" the season of that year."""
    which, season = re.sub(r"\s+", " ", g["which"].lower()), g["season"].lower()
    m0, m1 = _SEASONS[season]

    def of(y: int) -> tuple[dt.date, dt.date]:  # the season starting in year y
        return dt.date(y, m0, 1), month_end(y + (m1 < m0), m1)

    if which.endswith("last"):
        y = ref.year
        while of(y)[1] >= ref:
            y -= 1
        lo, hi = of(y)
        if which.startswith(("early", "late")):
            lo, hi = (lo, month_end(lo.year, m0)) if which.startswith("early") else (dt.date(hi.year, m1, 1), hi)
    elif which == "this":
        y = ref.year - 1 if season == "winter" and ref.month <= 2 else ref.year
        lo, hi = of(y)
    else:  # next
        y = ref.year
        while of(y)[0] <= ref:
            y += 1
        lo, hi = of(y)
    return lo, hi, "month", f"'{which} {season}' ({lo:%b}-{hi:%b} {hi.year}) from publication {pub}"


def _day_month(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "March 5", "5 March": the nearest such day (or the one of "last year")."""
    g = c.m.groupdict()
    mon, d = month_number(g["m1"]) or 0, day_int(g["d1"])
    if g.get("rel"):
        y = ref.year + LAST_THIS_NEXT[g["rel"].lower()]
        x = safe_date(y, mon, d)
        return (x, x, "day", f"day of {g['rel'].lower()} year ({y}) from publication {fmt_day(ref)}") if x else None
    tense = "future" if future else "past"
    return _nearest(day_occurrence(mon, d, ref, future), ref, future, f"day without year ({tense} tense)")


def _nearest(
    iv: tuple[dt.date, dt.date] | None, ref: dt.date, future: bool, what: str, before: str = "most recent on or before"
) -> Interval | None:
    """The occurrence ``iv`` of a yearless day or range nearest ``ref`` (found by ``occurrence``), told as ``what``."""
    if iv is None:
        return None
    why = "next on or after" if future else before
    return *iv, "day", f"{what}: {why} publication {fmt_day(ref)}"


def _day_range(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "March 5-7": the nearest such range."""
    g = c.m.groupdict()
    tense = "future" if future else "past"
    iv = occurrence(lambda y: day_range(g, y), ref, future)
    return _nearest(iv, ref, future, f"range without year ({tense} tense)", "most recent starting on or before")


def _month(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "in March", "last March", "early March": the nearest such month (or part of one)."""
    g = c.m.groupdict()
    k = c.kind
    pub = fmt_day(ref)
    tense = "future" if future else "past"
    mon = month_number(g.get("m1") or g.get("m1b") or "") or 0
    if not mon:
        return None
    rel = (g.get("rel") or "").lower()
    prep = (g.get("prep") or "").lower() if k == "month" else ""
    make = (lambda y: month_span(y, mon)) if k == "month" else (lambda y: month_part(g, y))
    if rel:
        y = ref.year + LAST_THIS_NEXT[rel]
        iv = make(y)
        why = f"month of {rel} year ({y})"
    elif prep == "last":
        y = ref.year if mon < ref.month else ref.year - 1
        iv, why = (
            make(y),
            f"'last {g['m1']}': the most recent before the month of publication {pub}",
        )
    elif prep == "next":
        y = ref.year if mon > ref.month else ref.year + 1
        iv, why = make(y), f"'next {g['m1']}': the first after the month of publication {pub}"
    elif prep == "this":
        iv, why = make(ref.year), f"'this {g['m1']}': the year of publication {pub}"
    else:
        iv = occurrence(make, ref, future)
        why = (
            f"month without year ({tense} tense): "
            + ("next on or after" if future else "most recent on or before")
            + f" publication {pub}"
        )
    if iv is None:
        return None
    return *iv, ("month" if k == "month" else "day"), why


def _part_of_this_month(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "the end of this month", "the beginning of next month"."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    which = g["which"].lower()
    y, mon = add_months(ref.year, ref.month, LAST_THIS_NEXT.get(which, 0))
    lo0, hi0 = month_span(y, mon)
    d0, d1 = PART_OF_MONTH.get(part_key(g["part"]), (1, 31))
    lo = hi0 - ndays(6) if d0 < 0 else lo0.replace(day=d0)
    hi = hi0.replace(day=min(d1, hi0.day))
    return lo, hi, "day", f"'{part_key(g['part'])}' of the {which} month of publication {pub}"


def _weekday(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "Friday", "last Friday", "next Friday": the one the tense points to."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    wd = WEEKDAY_NAMES.index(g["wd"])
    pre = (g.get("pre") or "").lower()
    if pre == "last" or pre == "past":
        d = ref - ndays((ref.weekday() - wd) % 7 or 7)
        why = f"'last {g['wd']}': the one before publication {pub}"
    elif pre in ("next", "coming"):
        d = ref + ndays((wd - ref.weekday()) % 7 or 7)
        why = f"'next {g['wd']}': the one after publication {pub}"
    elif pre == "this":
        d = monday(ref) + ndays(wd)
        why = f"'this {g['wd']}': in the week of publication {pub}"
    elif future:
        d = ref + ndays((wd - ref.weekday()) % 7)
        why = f"weekday in a future-tense clause: next {g['wd']} on or after publication {pub}"
    else:
        d = ref - ndays((ref.weekday() - wd) % 7)
        why = f"weekday on or before publication {pub}"
    return d, d, "day", why


def _week(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "last week", "earlier this week", "over the weekend"."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    tense = "future" if future else "past"
    which, unit = re.sub(r"\s+", " ", g["which"].lower()).replace(" in the", " this"), g["unit"].lower()
    mon = monday(ref)
    if unit == "weekend":
        if which.endswith((" the", "past")):  # "over the weekend": the one just past (next one in the future tense)
            sat = mon + ndays(5) if ref >= mon + ndays(5) or future else mon - ndays(2)
            if future and ref >= mon + ndays(5):
                sat += ndays(7)
            tense = "next" if future else "most recent"
            return sat, sat + ndays(1), "day", f"'{which} weekend': the {tense} weekend from publication {pub}"
        shift = {"last": -7, "the past": -7, "next": 7, "the coming": 7}.get(which, 0)
        sat = mon + ndays(5 + shift)
        return sat, sat + ndays(1), "day", f"'{which} weekend' from publication {pub}"
    spans = {
        "this": (mon, mon + ndays(6)),
        "last": (mon - ndays(7), mon - ndays(1)),
        "late last": (mon - ndays(3), mon - ndays(1)),
        "next": (mon + ndays(7), mon + ndays(13)),
        "the coming": (ref + ndays(1), ref + ndays(7)),
        "the past": (ref - ndays(7), ref),
        "earlier this": (mon, max(mon, ref - ndays(1))),
        "early this": (mon, max(mon, min(ref, mon + ndays(2)))),
        "later this": (min(ref + ndays(1), mon + ndays(6)), mon + ndays(6)),
    }
    lo, hi = spans[which]
    return lo, hi, "week", f"'{which} week' (weeks from Monday) from publication {pub}"


def _deictic(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "today", "yesterday", "tomorrow", "tonight"."""
    pub = fmt_day(ref)
    w = c.m.group(0).lower()
    d = ref + ndays({"yesterday": -1, "tomorrow": 1}.get(w, 0))
    return d, d, "day", f"'{w}' from publication {pub}"


def _year_or_month(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "last year", "earlier this month", "the past year"."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    which, unit = re.sub(r"\s+", " ", g["which"].lower()), g["unit"].lower()
    if unit == "year":
        if which == "the past":
            return (
                add_years(ref, -1),
                ref,
                "year",
                f"the twelve months before publication {pub}",
            )
        base = LAST_THIS_NEXT.get(which.split()[-1], 0)
        lo, hi = year_span(ref.year + base)
        if which.startswith("earlier"):
            hi = max(lo, ref - ndays(1))
        elif which.startswith("later"):
            lo = min(hi, ref + ndays(1))
        elif which.startswith("early"):
            hi = dt.date(lo.year, 4, 30)
        elif which.startswith("late"):
            lo = dt.date(lo.year, 9, 1)
        return lo, hi, "year", f"'{which} year' from publication {pub}"
    if which == "the past":
        y, m = add_months(ref.year, ref.month, -1)
        return (
            safe_date(y, m, min(ref.day, 28)) or ref,
            ref,
            "month",
            f"the month before publication {pub}",
        )
    y, m = add_months(ref.year, ref.month, LAST_THIS_NEXT.get(which.split()[-1], 0))
    lo, hi = month_span(y, m)
    if which.startswith("earlier"):
        hi = max(lo, ref - ndays(1))
    elif which.startswith("later"):
        lo = min(hi, ref + ndays(1))
    elif which.startswith("early"):
        hi = lo.replace(day=10)
    elif which.startswith("late"):
        lo = lo.replace(day=21)
    return lo, hi, "month", f"'{which} month' from publication {pub}"


def _coming_days(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "in the coming days"."""
    pub = fmt_day(ref)
    return ref, ref + ndays(COMING_DAYS), "day", f"'the coming days': the {COMING_DAYS} days after publication {pub}"


def _season_of(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "last summer", "next spring"."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    return _season(g, ref, pub)


def _holiday(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "New Year's Day", "Christmas Eve": the nearest one."""
    g = c.m.groupdict()
    mon, d = _HOLIDAYS[re.sub(r"\s+", " ", g["holiday"].lower().replace("’", "'"))]
    coming = day_occurrence(mon, d, ref, True)
    if coming is not None and (coming[0] - ref).days <= HOLIDAY_AHEAD_DAYS:
        # greetings "to mark New Year's Day" in a story of 25 December: the coming one
        return (
            *coming,
            "day",
            f"'{g['holiday']}' ({mon}/{d}): the coming one, {HOLIDAY_AHEAD_DAYS} days or less after publication {fmt_day(ref)}",
        )
    return _nearest(day_occurrence(mon, d, ref, future), ref, future, f"'{g['holiday']}' ({mon}/{d})")


HOLIDAY_AHEAD_DAYS = 14
"""A holiday this close after publication is the coming one: greetings and plans are told ahead of it."""


def _recent(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "in recent weeks", "over the past few months"."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    if g["unit"].lower() == "days":
        return ref - ndays(7), ref, "day", f"'recent days': the week before publication {pub}"
    if g["unit"].lower() == "weeks":
        return (
            ref - ndays(28),
            ref,
            "week",
            f"'recent weeks': four weeks before publication {pub}",
        )
    y, m = add_months(ref.year, ref.month, -RECENT_MONTHS)
    lo = safe_date(y, m, min(ref.day, 28)) or ref
    return lo, ref, "month", f"'recent months': {RECENT_MONTHS} months before publication {pub}"


def _ago(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "two years ago", "a few weeks ago"."""
    g = c.m.groupdict()
    pub = fmt_day(ref)
    n = count_of(g["n"])
    if n is None:
        return None
    unit = g["unit"].lower()
    vague = "" if n[0] == n[1] else f" (vague: {n[0]}-{n[1]})"
    if unit == "year":
        return (dt.date(ref.year - n[1], 1, 1), dt.date(ref.year - n[0], 12, 31), "year",
                f"{g['n']} years before the year of publication {pub}{vague}")  # fmt: skip
    if unit == "month":
        lo = month_span(*add_months(ref.year, ref.month, -n[1]))[0]
        hi = month_span(*add_months(ref.year, ref.month, -n[0]))[1]
        return lo, hi, "month", f"{g['n']} months before the month of publication {pub}{vague}"
    if unit == "week":
        lo, hi = ref - ndays(7 * n[1] + 3), ref - ndays(7 * n[0] - 3)
        return lo, hi, "week", f"{g['n']} weeks before publication {pub} (±3 days){vague}"
    return (
        ref - ndays(n[1]),
        ref - ndays(n[0]),
        "day",
        f"{g['n']} days before publication {pub}{vague}",
    )


def _offset(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """ "24 days after the June 12 summit": the day without its year read as "June 12" is, then moved."""
    day = _day_month(c, ref, False)
    if day is None:
        return None
    return shifted(day[0], c.m.groupdict(), day[3])


RESOLVERS: dict[str, Callable[[Candidate, dt.date, bool], Interval | None]] = {
    "offset": _offset,
    "md": _day_month,
    "dm": _day_month,
    "range_md": _day_range,
    "range_dm": _day_range,
    "month": _month,
    "month_part": _month,
    "this_month_part": _part_of_this_month,
    "weekday": _weekday,
    "week": _week,
    "deictic": _deictic,
    "rel_unit": _year_or_month,
    "coming_days": _coming_days,
    "season": _season_of,
    "holiday": _holiday,
    "recent": _recent,
    "ago": _ago,
}
"""The resolver of each kind of pattern read against the publication date; kinds not here are not relative."""


def resolve_relative(c: Candidate, ref: dt.date, future: bool) -> Interval | None:
    """An expression read against the publication date ``ref`` (``future``: its clause speaks of the future)."""
    resolver = RESOLVERS.get(c.kind)
    return resolver(c, ref, future) if resolver else None
