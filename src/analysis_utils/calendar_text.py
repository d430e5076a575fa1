"""Calendar words in text: month and weekday names, ordinals, and dates written out in full or in part."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .reference import Indexed

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3,
    "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
JUCHE_YEAR = re.compile(r"\bJuche\s*(?P<jy>\d{2,3})\b(?!\s*\(|\.\d)")
"""A year of North Korea's calendar ("Juche 113"), not a full Juche date ("Juche112(2023).6.12.")."""
JUCHE_DATE = re.compile(
    r"\bJuche\s*(?P<jy>\d{1,3})\s*(?:\((?P<y>\d{4})\))?\.(?P<m>1[0-2]|0?[1-9])\.(?P<d>[12]\d|3[01]|0?[1-9])\b"
)
"""A Juche date with or without its Gregorian year: "Juche112(2023).6.12.", "Juche114.1.1."."""
JUCHE_OFFSET = 1911
"""Juche 1 is 1912."""


def juche_gregorian_year(match: re.Match[str]) -> int:
    """The Gregorian year of a ``JUCHE_DATE`` or ``JUCHE_YEAR`` match (the printed one if given)."""
    g = match.groupdict()
    return int(g["y"]) if g.get("y") else int(g["jy"]) + JUCHE_OFFSET


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": None, "a few": None,
}  # fmt: skip

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY_RE = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # North Korean style: "Juche112(2023).6.12."
    ("juche", JUCHE_DATE),
    # numeric day/month/year as printed outside the US ("15/08/2023"); month/day only if day > 12
    ("num", re.compile(rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{_YEAR})\b")),
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
_INDEXED = [(kind, Indexed(p, _FIRST_WORDS[kind]) if kind in _FIRST_WORDS else p) for kind, p in _PATTERNS]


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


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip("."))


def number_value(word: str) -> int | None:
    """``77`` → 77, ``seven`` → 7; None for a vague count ("several") or an unknown word."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def ordinal_value(word: str) -> int | None:
    """``75th`` → 75, ``seventy-fifth`` → 75, ``first`` → 1."""
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word.strip().lower())
    if m:
        return int(m.group(1))
    return ORDINAL_WORDS.get(word.strip().lower())


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates in ``text`` (day-month-year, month-day, month-year, ISO), longest first, no overlaps.

    A lone month name ("in May") is not a date here: month references belong to the
    relative-date grammar, which knows the context ("may" is also a verb).
    """
    if not _ASCII_DIGIT.search(text):
        return []  # every pattern needs an ASCII digit (a day, a month number or a year): most sentences have none
    return _scan(text)


_ASCII_DIGIT = re.compile("[0-9]")


def _scan(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    for kind, pattern in _INDEXED:
        for m in pattern.finditer(text):
            g = m.groupdict()
            if kind == "num":
                a, b = int(g["a"]), int(g["b"])
                day_, month = (b, a) if b > 12 else (a, b)
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


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in common years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
