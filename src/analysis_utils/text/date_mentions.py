"""Calendar dates written out in text, in full or in part ("15 August 2023", "Aug. 15", "2023-08-15", "Juche112(2023).6.12.")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .calendar import (
    JUCHE_DATE,
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    juche_gregorian_year,
    month_number,
    weekday_number,
)
from .matching import Indexed

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


_YEAR = r"(?:1[89]\d\d|20\d\d)"


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # North Korean style: "Juche112(2023).6.12."
    ("juche", JUCHE_DATE),
    # numeric day/month/year as printed outside the US ("15/08/2023"); month/day only if day > 12
    # with the weekday it fell on, which settles the order when both could be the month ("Saturday (8/9/2018)")
    (
        "num",
        re.compile(
            rf"(?:\b(?P<wd>{WEEKDAY_RE}),?\s+\(?)?\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{_YEAR})\b(?(wd)\)?)",
            re.IGNORECASE,
        ),
    ),
    (
        "iso",
        re.compile(rf"\b(?P<y>{_YEAR})[-./](?P<m>1[0-2]|0?[1-9])[-./](?P<d>[12]\d|3[01]|0?[1-9])(?:\b|(?=T\d\d:))"),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})(?:\s+|(?<=\.))(?P<d>{_DAY})\b(?:(?:,\s*|\s+)(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?:,?\s+(?P<y>{_YEAR})\b)?",
            re.IGNORECASE,
        ),
    ),
    # "June, 19/2024" (Viet Nam News)
    ("mdy", re.compile(rf"\b(?P<mon>{MONTH_RE}),\s*(?P<d>{_DAY})/(?P<y>{_YEAR})\b", re.IGNORECASE)),
    ("my", re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.IGNORECASE)),
]


_DAY_WORDS = tuple(
    f"{form}{suffix}" for d in range(1, 32) for form in {str(d), f"{d:02d}"} for suffix in ("", "st", "nd", "rd", "th")
)


_FIRST_WORDS = {
    # where a match of each pattern can begin (lower case): the patterns are tried only there
    "mdy": (*WEEKDAYS, *MONTHS),
    "dmy": (*WEEKDAYS, "the", *_DAY_WORDS),
    "my": tuple(MONTHS),
}


INDEXED_PATTERNS = [(kind, Indexed(p, _FIRST_WORDS[kind]) if kind in _FIRST_WORDS else p) for kind, p in _PATTERNS]
"""Each kind of date with its pattern, tried only where a match can begin (``Indexed``) when that is known."""


@dataclass(frozen=True)
class DateMention:
    """A calendar date written in text. ``year``/``day`` are None when not written."""

    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int | None
    weekday: int | None = None

    def to_date(self, year: int | None = None) -> dt.date | None:
        """The day this mention names, using ``year`` when the text gave none; None if impossible."""
        y = self.year if self.year is not None else year
        if y is None or self.day is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates in ``text`` (day-month-year, month-day, month-year, ISO), longest first, no overlaps.

    A lone month name ("in May") is not a date here: month references belong to the
    relative-date grammar, which knows the context ("may" is also a verb).
    """
    if not _ASCII_DIGIT.search(text):
        return []  # every pattern needs an ASCII digit (a day, a month number or a year): most sentences have none
    return scan_dates(text)


_ASCII_DIGIT = re.compile("[0-9]")


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def scan_dates(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    for kind, pattern in INDEXED_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            if kind == "num":
                a, b = int(g["a"]), int(g["b"])
                day_, month = (b, a) if b > 12 else (a, b)
                wd_ = weekday_number(g["wd"]) if g.get("wd") else None
                if wd_ is not None and a <= 12 and b <= 12 and _weekday_of(int(g["y"]), b, a) != wd_:
                    if _weekday_of(int(g["y"]), a, b) == wd_:
                        day_, month = b, a  # "Tuesday (4/9/2019)": 4 September was no Tuesday, 9 April was
                g = {**g, "d": str(day_)}
            else:
                month = int(g["m"]) if kind in ("iso", "juche") else month_number(g["mon"])
            if kind == "juche":
                g = {**g, "y": str(juche_gregorian_year(m))}
            if month is None:
                continue
            if kind in ("mdy", "dmy") and g["mon"].lower() == "may" and not g.get("y") and not g.get("wd"):
                # "may 5" is a date, "May" alone a verb; keep only unambiguous forms.
                if not re.match(r"May\s", m.group(0)) and not re.match(r"\d", m.group(0)):
                    continue
            day = int(re.match(r"\d+", g["d"]).group(0)) if g.get("d") else None
            year = int(g["y"]) if g.get("y") else None
            wd = weekday_number(g["wd"]) if g.get("wd") else None
            mention = DateMention(m.start(), m.end(), m.group(0), year, month, day, wd)
            if day is not None and mention.to_date(year or 2000) is None:
                continue
            found.append(mention)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    result: list[DateMention] = []
    for d in found:
        if result and d.start < result[-1].end:
            if (d.end - d.start) > (result[-1].end - result[-1].start):
                result[-1] = d
            continue
        result.append(d)
    return result
