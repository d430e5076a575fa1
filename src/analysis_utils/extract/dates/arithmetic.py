"""Intervals of days: months, years and weeks, the nearest occurrence of a day without a year, shifts by whole
units, and the spans that words name ("early" in a month, "a few")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from ...text.calendar import NUMBER_WORDS

Interval = tuple[dt.date, dt.date, str, str]  # (earliest, latest, precision, evidence)


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), month_end(y, m)


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def year_span(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def ndays(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def occurrence(
    make: Callable[[int], tuple[dt.date, dt.date] | None], ref: dt.date, future: bool
) -> tuple[dt.date, dt.date] | None:
    """The occurrence of a yearless interval nearest ``ref``: the latest starting on or before it
    (past), or the earliest ending on or after it (future)."""
    cands = [iv for y in (ref.year - 1, ref.year, ref.year + 1) if (iv := make(y))]
    if future:
        ok = [c for c in cands if c[1] >= ref]
        return min(ok) if ok else None
    ok = [c for c in cands if c[0] <= ref]
    return max(ok) if ok else None


IMMINENT_DAYS = 3
"""A day without its year this close after publication is the coming one, whatever the tense ("Kim congratulated
Putin on Russia Day, June 12", published on 11 June): a story would give last year's its year."""


def day_occurrence(month: int, day: int, ref: dt.date, future: bool) -> tuple[dt.date, dt.date] | None:
    """The occurrence of a day and month without a year nearest ``ref`` (see ``occurrence``); one a few days ahead
    of ``ref`` is the coming one (``IMMINENT_DAYS``)."""
    make = lambda y: (x, x) if (x := safe_date(y, month, day)) else None  # noqa: E731
    coming = occurrence(make, ref, True)
    if coming is not None and (coming[0] - ref).days <= IMMINENT_DAYS:
        return coming
    return occurrence(make, ref, future)


LAST_THIS_NEXT = {"last": -1, "this": 0, "next": 1}
"""Years (or months) from publication's for "last year", "this month", "next year"."""


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def fmt_day(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


_VAGUE = {"a few": (2, 4), "few": (2, 4), "several": (3, 9), "some": (2, 9), None: (2, 9)}


PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "beginning": (1, 10), "start": (1, 10),
                  "middle": (11, 20), "end": (21, 31), "first half": (1, 15), "second half": (16, 31),
                  "latter half": (16, 31), "first week": (1, 7), "second week": (8, 14), "third week": (15, 21),
                  "fourth week": (22, 28), "last week": (-7, 31), "final week": (-7, 31),
                  "first days": (1, 7), "last days": (-7, 31), "final days": (-7, 31)}  # fmt: skip


PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "beginning": (1, 3), "start": (1, 3),
                 "middle": (5, 8), "end": (10, 12), "first half": (1, 6), "second half": (7, 12)}  # fmt: skip


def count_of(word: str | None) -> tuple[int, int] | None:
    """``(low, high)`` count for a number word: exact for "two"/"3", a range for "several"."""
    if word is None:
        return _VAGUE[None]
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w.isdigit():
        return int(w), int(w)
    if w in _VAGUE:
        return _VAGUE[w]
    n = NUMBER_WORDS.get(w)
    return (n, n) if n else None


def part_key(part: str) -> str:
    p = re.sub(r"\s+", " ", part.lower().strip(" -"))
    p = re.sub(r"^the ", "", p)
    p = re.sub(r" of$", "", p)
    return p


def day_int(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def union(results: list[Interval | None], refs: list[dt.date]) -> Interval | None:
    got = [r for r in results if r is not None]
    if not got or len(got) < len(results):
        return None
    lo, hi = min(r[0] for r in got), max(r[1] for r in got)
    evidence = got[0][3]
    if len(refs) > 1:
        evidence += f"; publication only known as {refs[0]}..{refs[-1]}: union over both bounds"
    return lo, hi, got[0][2], evidence


def shift(iv: tuple[dt.date, dt.date, str], unit: str, n: tuple[int, int], sign: int) -> tuple[dt.date, dt.date, str]:
    """Move an interval by ``n`` units (a range of counts when vague) forwards or backwards."""
    lo, hi, prec = iv
    a, b = (n[0], n[1]) if sign > 0 else (-n[1], -n[0])
    coarse = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 0}
    if unit == "day":
        out = lo + ndays(a), hi + ndays(b), "day"
    elif unit == "week":
        out = lo + ndays(7 * a), hi + ndays(7 * b), "week"
    elif unit == "month":
        out = (
            month_span(*add_months(lo.year, lo.month, a))[0],
            month_span(*add_months(hi.year, hi.month, b))[1],
            "month",
        )
    else:
        out = dt.date(lo.year + a, 1, 1), dt.date(hi.year + b, 12, 31), "year"
    if coarse.get(prec, 0) > coarse[out[2]]:
        out = out[0], out[1], prec
    return out


def publication_unit(ref: dt.date, unit: str) -> tuple[dt.date, dt.date, str]:
    if unit == "month":
        return (*month_span(ref.year, ref.month), "month")
    if unit == "year":
        return (*year_span(ref.year), "year")
    if unit == "week":
        return monday(ref), monday(ref) + ndays(6), "week"
    return ref, ref, "day"
